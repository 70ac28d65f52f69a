/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A piece that goes to the printer with its template unfilled: the
 * placeholders of a form ("[E-MAIL]", "{{phone}}") or filler copy
 * (lorem ipsum and the pseudo-Latin that layout programs pour into empty
 * text frames).  Nothing else a check finds costs as much once printed. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-rules"

#include <string.h>
#include <glib/gi18n.h>

#include "eyl-rules-private.h"

const EylRule eyl_rule_placeholder_text = {
  .id = "placeholder-text",
  .severity = EYL_SEVERITY_ERROR,
  .title = N_("Placeholder text printed"),
               .description = N_("The page still carries a template's placeholders or filler copy."),
                                  .check = eyl_rule_placeholder_text_check,
               };

/* Words of the filler passages — Cicero's "de finibus" 1.10.32–33 as
 * typesetters have used it since the 1500s, and the "lorem ipsum" cut of
 * it — that are not also words of the languages the copy is read in
 * (English, German, French, Spanish, Italian, Portuguese, Dutch: "in",
 * "et", "est", "qui", "dolor", "nulla", "esse" … are left out).  Real copy
 * in those languages has none of them; filler has one in every few words,
 * even the scrambled kind ("Um quibus explic tent … ut harum aut"). */
static const char *const filler_words[] = {
  "accusamus",
  "accusantium",
  "adipisci",
  "adipiscing",
  "aliqua",
  "aliquam",
  "aliquid",
  "aliquip",
  "amet",
  "anim",
  "aperiam",
  "aspernatur",
  "asperiores",
  "atque",
  "aut",
  "aute",
  "autem",
  "beatae",
  "blanditiis",
  "cillum",
  "commodi",
  "commodo",
  "consectetur",
  "consequat",
  "consequatur",
  "consequuntur",
  "corporis",
  "corrupti",
  "cumque",
  "cupidatat",
  "cupiditate",
  "debitis",
  "delectus",
  "deleniti",
  "deserunt",
  "dignissimos",
  "dolore",
  "doloremque",
  "dolorem",
  "doloribus",
  "dolorum",
  "ducimus",
  "duis",
  "eaque",
  "earum",
  "eiusmod",
  "eius",
  "eligendi",
  "elit",
  "enim",
  "eos",
  "eum",
  "eveniet",
  "excepteur",
  "excepturi",
  "exercitation",
  "exercitationem",
  "explicabo",
  "facere",
  "facilis",
  "fugiat",
  "fugit",
  "harum",
  "incididunt",
  "incidunt",
  "ipsam",
  "ipsum",
  "irure",
  "itaque",
  "iure",
  "iusto",
  "laboriosam",
  "laboris",
  "laborum",
  "laudantium",
  "lorem",
  "maiores",
  "mollit",
  "mollitia",
  "molestiae",
  "nesciunt",
  "nihil",
  "nisi",
  "nostrud",
  "nostrum",
  "numquam",
  "occaecat",
  "occaecati",
  "odit",
  "officiis",
  "pariatur",
  "perferendis",
  "perspiciatis",
  "placeat",
  "possimus",
  "praesentium",
  "quaerat",
  "quibusdam",
  "quidem",
  "quisquam",
  "recusandae",
  "reiciendis",
  "repellat",
  "repellendus",
  "reprehenderit",
  "repudiandae",
  "rerum",
  "saepe",
  "sequi",
  "suscipit",
  "temporibus",
  "tenetur",
  "ullam",
  "ullamco",
  "ut",
  "velit",
  "veniam",
  "voluptas",
  "voluptate",
  "voluptatem",
  "voluptates",
  "voluptatibus",
  "voluptatum",
};

/* Filler is told from copy in windows of this many words: at least
 * MIN_FILLER of a window's words, of MIN_DISTINCT different ones.  A Latin
 * motto ("Ut prosim") is a word or two, never three in thirty. */
#define WINDOW_WORDS 30
#define MIN_FILLER   4
#define MIN_DISTINCT 3

/* @word lower-cased when it is a filler word, else NULL. */
static char *
is_filler_word_dup (const char *word)
{
  g_autofree char *lower = g_utf8_strdown (word, -1);

  for (guint i = 0; i < G_N_ELEMENTS (filler_words); i++)
    if (g_str_equal (lower, filler_words[i]))
      return g_steal_pointer (&lower);
  return NULL;
}

/* The first words of the first run of filler in @text (newly allocated),
 * or NULL when it has none. */
char *
eyl_rule_placeholder_find_filler (const char *text)
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize)); /* byte offset of each word */
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) word = g_string_new (NULL);
  const char *word_start = NULL;

  if (text == NULL)
    return NULL;
  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalpha (c))
        {
          if (word->len == 0)
            word_start = p;
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          gsize offset = word_start - text;

          g_ptr_array_add (words, is_filler_word_dup (word->str));
          g_array_append_val (starts, offset);
        }
      g_string_truncate (word, 0);
      if (c == 0)
        break;
    }

  for (guint start = 0; start < words->len; start++)
    {
      guint end = MIN (start + WINDOW_WORDS, words->len);
      guint n = 0, distinct = 0;

      if (g_ptr_array_index (words, start) == NULL)
        continue;
      for (guint i = start; i < end; i++)
        {
          const char *w = g_ptr_array_index (words, i);
          gboolean    seen = FALSE;

          if (w == NULL)
            continue;
          n++;
          for (guint j = start; j < i && !seen; j++)
            seen = g_strcmp0 (w, g_ptr_array_index (words, j)) == 0;
          distinct += !seen;
        }
      if (n >= MIN_FILLER && distinct >= MIN_DISTINCT)
        {
          /* Quoted: the line the run of filler starts on. */
          const char *line = text + g_array_index (starts, gsize, start);
          const char *line_end;

          while (line > text && line[-1] != '\n')
            line--;
          line_end = strchr (line, '\n');
          return eyl_rule_excerpt (line, line_end != NULL ? (gssize) (line_end - line) : -1);
        }
    }
  return NULL;
}

/* Placeholders of a template printed without being filled in: anything
 * in "{{ }}" or "<< >>", and in square brackets the words of a form or an
 * example address ("[E-MAIL]", "[Ihr Name]", "[name@example.com]"), not a
 * footnote "[1]" or "[sic]".  Up to three of them quoted, "…" after
 * more; NULL when there are none.  *@n_found counts them. */
char *
eyl_rule_placeholder_find_template (const char *text,
                                    guint      *n_found)
{
  g_autoptr(GRegex) regex = g_regex_new ("\\{\\{[^{}\\n]{1,40}\\}\\}|<<[^<>\\n]{1,40}>>|"
                                          "\\[[^\\[\\]\\n]{2,40}\\]",
                                          0, 0, NULL);
  g_autoptr(GRegex) words = g_regex_new (
      "(*UCP)\\b(?:e-?mail|mail|url|web(?:site|seite)?|link|phone|tel(?:efon|ephone)?|fax|"
      "mobile?|handy|name|vorname|nachname|address|adresse|anschrift|street|straße|strasse|"
      "city|stadt|ort|zip|plz|postcode|company|firma|logo|date|datum|title|titel|text|"
      "headline|slogan|your|ihre?|deine?|lorem|placeholder|platzhalter)\\b"
      "|x{3,}|@example|\\bexample\\.(?:com|org|net)\\b",
      G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GMatchInfo) info = NULL;
  g_autoptr(GString) list = g_string_new (NULL);
  guint n = 0;

  *n_found = 0;
  if (text == NULL)
    return NULL;
  g_regex_match (regex, text, 0, &info);
  for (; g_match_info_matches (info); g_match_info_next (info, NULL))
    {
      g_autofree char *match = g_match_info_fetch (info, 0);
      g_autofree char *quoted = NULL;

      if (match[0] == '[' && !g_regex_match (words, match, 0, NULL))
        continue;
      /* TRANSLATORS: quotes around a placeholder printed on the page. */
      quoted = g_strdup_printf (_("“%s”"), match);
      if (strstr (list->str, quoted) != NULL)
        continue;
      if (n < 3)
        g_string_append_printf (list, "%s%s", n > 0 ? ", " : "", quoted);
      n++;
    }
  if (n == 0)
    return NULL;
  if (n > 3)
    g_string_append (list, ", …");
  *n_found = n;
  return g_string_free (g_steal_pointer (&list), FALSE);
}

void
eyl_rule_placeholder_text_check (const EylRuleContext *ctx,
                                 GPtrArray            *findings)
{
  const char      *text = eyl_rule_copy_text (ctx);
  g_autofree char *filler = eyl_rule_placeholder_find_filler (text);
  g_autofree char *placeholders = NULL;
  guint            n_placeholders = 0;

  placeholders = eyl_rule_placeholder_find_template (text, &n_placeholders);
  if (placeholders != NULL)
    {
      g_autoptr(EylFinding) finding = eyl_rule_finding_new (&eyl_rule_placeholder_text, NULL);
      g_autofree char *message = g_strdup_printf (
          /* TRANSLATORS: %s lists placeholders like “[E-MAIL]”. */
          g_dngettext (GETTEXT_PACKAGE, "A template placeholder is printed without being filled in: %s.",
                       "Template placeholders are printed without being filled in: %s.", n_placeholders),
          placeholders);

      eyl_finding_set_text (finding, message,
                            _("Fill in the template’s fields with the real details before printing."));
      eyl_finding_add_measure (finding, "placeholders", n_placeholders);
      g_ptr_array_add (findings, g_steal_pointer (&finding));
    }
  if (filler != NULL)
    {
      g_autoptr(EylFinding) finding = eyl_rule_finding_new (&eyl_rule_placeholder_text, NULL);
      g_autofree char *message = g_strdup_printf (_("The copy is filler text (“%s”), not written for "
                                                    "the reader: the layout went out before its text."),
                                                     filler);

      eyl_finding_set_text (finding, message,
                            _("Replace the filler with the real copy — what the reader gets and what to "
                              "do next — and check the layout again with it."));
      g_ptr_array_add (findings, g_steal_pointer (&finding));
    }
}
