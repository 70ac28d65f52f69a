/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-rules"

#include <glib/gi18n.h>

#include "eyl-rules-private.h"

/* Copy that starts from the customer says "you" more than "we". */
const EylRule eyl_rule_we_vs_you = {
  .id = "we-vs-you",
  .severity = EYL_SEVERITY_INFO,
  .title = N_("Talks about “we” more than “you”"),
               .description = N_("The copy says we, our or us more often than you or your."),
                                  .check = eyl_rule_we_vs_you_check,
               };

#define MIN_WE_WORDS 3

/* The one word table (English, German).  Words are compared after
 * lower-casing unless @exact: German "Sie"/"Ihr" address the reader only
 * when capitalised, and "US" in capitals is the country, not "us". */
static const struct
{
  const char *word;
  gboolean    we;
  gboolean    exact;
} words[] = {
  { "we", TRUE, FALSE },
  { "our", TRUE, FALSE },
  { "ours", TRUE, FALSE },
  { "us", TRUE, TRUE },
  { "Us", TRUE, TRUE },
  { "ourselves", TRUE, FALSE },
  { "you", FALSE, FALSE },
  { "your", FALSE, FALSE },
  { "yours", FALSE, FALSE },
  { "yourself", FALSE, FALSE },
  { "yourselves", FALSE, FALSE },
  /* German */
  { "wir", TRUE, FALSE },
  { "uns", TRUE, FALSE },
  { "unser", TRUE, FALSE },
  { "unsere", TRUE, FALSE },
  { "unserer", TRUE, FALSE },
  { "unseren", TRUE, FALSE },
  { "unserem", TRUE, FALSE },
  { "unseres", TRUE, FALSE },
  { "Sie", FALSE, TRUE },
  { "Ihnen", FALSE, TRUE },
  { "Ihr", FALSE, TRUE },
  { "Ihre", FALSE, TRUE },
  { "Ihren", FALSE, TRUE },
  { "Ihrem", FALSE, TRUE },
  { "Ihrer", FALSE, TRUE },
  { "Ihres", FALSE, TRUE },
  { "du", FALSE, FALSE },
  { "dich", FALSE, FALSE },
  { "dir", FALSE, FALSE },
  { "dein", FALSE, FALSE },
  { "deine", FALSE, FALSE },
  { "deinen", FALSE, FALSE },
  { "deinem", FALSE, FALSE },
  { "deiner", FALSE, FALSE },
  { "deines", FALSE, FALSE },
  { "euch", FALSE, FALSE },
  { "euer", FALSE, FALSE },
  { "eure", FALSE, FALSE },
};

static void
count_word (const char *word,
            guint      *n_we,
            guint      *n_you)
{
  g_autofree char *lower = g_utf8_strdown (word, -1);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      if (!g_str_equal (words[i].exact ? word : lower, words[i].word))
        continue;
      if (words[i].we)
        (*n_we)++;
      else
        (*n_you)++;
      return;
    }
}

void
eyl_rule_we_vs_you_count (const char *text,
                          guint      *n_we,
                          guint      *n_you)
{
  g_autoptr(GString) word = g_string_new (NULL);

  *n_we = *n_you = 0;
  if (text == NULL)
    return;

  /* Words are runs of letters: "we're" counts "we", "www.us.example"
   * counts "us" only when it is a word of its own in the copy. */
  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalpha (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        count_word (word->str, n_we, n_you);
      g_string_truncate (word, 0);
      if (c == 0)
        break;
    }
}

void
eyl_rule_we_vs_you_check (const EylRuleContext *ctx,
                          GPtrArray            *findings)
{
  g_autoptr(EylFinding) finding = NULL;
  g_autofree char *message = NULL;
  guint            n_we, n_you;

  eyl_rule_we_vs_you_count (eyl_rule_copy_text (ctx),
                            &n_we, &n_you);
  if (n_we < MIN_WE_WORDS || n_we <= n_you)
    return;

  message = g_strdup_printf (_("The copy has %u we-words (we, our, us) against %u "
                               "you-words (you, your): it talks about the company more "
                               "than about the visitor."),
                                n_we, n_you);

  finding = eyl_rule_finding_new (&eyl_rule_we_vs_you, NULL);
  eyl_finding_set_text (finding, message,
                        _("Rewrite the copy from the visitor’s side: say what they "
                          "get (“you get…”, “your…”) rather than what the company does."));
  eyl_finding_add_measure (finding, "we_count", n_we);
  eyl_finding_add_measure (finding, "you_count", n_you);
  g_ptr_array_add (findings, g_steal_pointer (&finding));
}
