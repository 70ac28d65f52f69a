/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-detect"

#include <glib/gi18n.h>
#include <string.h>

#include "eyl-detect-private.h"

/* The headline (the most prominent block of text) and the calls to
 * action (imperative phrases). */

typedef struct
{
  GArray *lines;       /* guint line indexes */
  EylRect box;
  double  font_size;   /* of the first line */
  double  cap_height;  /* largest of its lines */
  guint32 color;
} Block;

static void
block_clear (gpointer data)
{
  Block *block = data;

  g_clear_pointer (&block->lines, g_array_unref);
}

static gboolean
line_is_contact (const EylTextLine *line,
                 GPtrArray         *elements)
{
  double covered = 0;

  for (guint i = 0; i < elements->len; i++)
    {
      EylElement *element = g_ptr_array_index (elements, i);

      if (eyl_element_kind_is_contact (element->kind) ||
          element->kind == EYL_ELEMENT_OTHER_URL)
        covered += eyl_detect_rect_coverage (&line->box, &element->box);
    }
  return covered > 0.5;
}

/* A line joins a block when it continues it: similar size and colour,
 * right below (gap under one line height), overlapping horizontally. */
static gboolean
continues_block (const Block       *block,
                 const EylTextLine *line)
{
  double height = eyl_rect_height (&line->box);
  double gap = line->box.y0 - block->box.y1;
  double big = MAX (block->font_size, line->font_size);

  return big > 0 && ABS (block->font_size - line->font_size) <= 0.15 * big &&
         block->color == line->color &&
         gap > -0.5 * height && gap < height &&
         line->box.x0 < block->box.x1 && block->box.x0 < line->box.x1;
}

static int
compare_lines_by_position (gconstpointer a,
                           gconstpointer b,
                           gpointer      user_data)
{
  const EylPageData *page = user_data;
  const EylTextLine *x = &g_array_index (page->lines, EylTextLine, *(const guint *) a);
  const EylTextLine *y = &g_array_index (page->lines, EylTextLine, *(const guint *) b);

  if (x->box.y0 != y->box.y0)
    return x->box.y0 < y->box.y0 ? -1 : 1;
  return (x->box.x0 > y->box.x0) - (x->box.x0 < y->box.x0);
}

/* Prominence: the largest cap height (measured, the size a reader sees);
 * within 5 % of each other the larger area; then the one higher up. */
static int
compare_prominence (const Block *a,
                    const Block *b)
{
  double big = MAX (a->cap_height, b->cap_height);
  double area_a = eyl_rect_width (&a->box) * eyl_rect_height (&a->box);
  double area_b = eyl_rect_width (&b->box) * eyl_rect_height (&b->box);

  if (big > 0 && ABS (a->cap_height - b->cap_height) > 0.05 * big)
    return a->cap_height > b->cap_height ? 1 : -1;
  if (ABS (area_a - area_b) > 0.1 * MAX (area_a, area_b))
    return area_a > area_b ? 1 : -1;
  return a->box.y0 < b->box.y0 ? 1 : a->box.y0 > b->box.y0 ? -1 : 0;
}

/* TRUE when brand_name elements already found cover most of the block. */
static gboolean
block_is_brand (const Block     *block,
                const GPtrArray *elements)
{
  double area = eyl_rect_width (&block->box) * eyl_rect_height (&block->box);
  double covered = 0;

  for (guint i = 0; i < elements->len; i++)
    {
      const EylElement *element = g_ptr_array_index (elements, i);
      EylRect overlap;

      if (element->kind == EYL_ELEMENT_BRAND_NAME &&
          eyl_rect_intersect (&element->box, &block->box, &overlap))
        covered += eyl_rect_width (&overlap) * eyl_rect_height (&overlap);
    }

  return area > 0 && covered >= 0.6 * area;
}

void
eyl_detect_headline (const EylPageData *page,
                     GPtrArray         *out)
{
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  GPtrArray *known = out;
  const Block *best = NULL, *second = NULL;
  EylElement *element;

  g_return_if_fail (page != NULL);
  g_return_if_fail (out != NULL);

  g_array_set_clear_func (blocks, block_clear);

  /* Called on its own, find the contacts first: they are never the
   * headline, however large. */
  {
    gboolean have_contacts = FALSE;

    for (guint i = 0; i < out->len; i++)
      have_contacts |= eyl_element_kind_is_contact (((EylElement *) out->pdata[i])->kind);
    if (!have_contacts)
      {
        contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
        eyl_detect_contacts (page, contacts);
        known = contacts;
      }
  }

  for (guint i = 0; i < page->lines->len; i++)
    g_array_append_val (order, i);
  g_array_sort_with_data (order, compare_lines_by_position, (gpointer) page);

  for (guint k = 0; k < order->len; k++)
    {
      guint index = g_array_index (order, guint, k);
      const EylTextLine *line = &g_array_index (page->lines, EylTextLine, index);
      Block *block = NULL;
      guint ink = 0;

      /* A headline has words: a big "127,000+" is a figure, not one. */
      for (guint g = line->start; g < line->end; g++)
        ink += g_unichar_isalpha (g_array_index (page->glyphs, EylGlyph, g).ch) ? 1 : 0;
      if (ink < 2 || line_is_contact (line, known))
        continue;

      for (guint b = blocks->len; b > 0 && block == NULL; b--)
        if (continues_block (&g_array_index (blocks, Block, b - 1), line))
          block = &g_array_index (blocks, Block, b - 1);

      if (block == NULL)
        {
          Block fresh = { 0, };

          fresh.lines = g_array_new (FALSE, FALSE, sizeof (guint));
          fresh.box = line->box;
          fresh.font_size = line->font_size;
          fresh.color = line->color;
          g_array_append_val (blocks, fresh);
          block = &g_array_index (blocks, Block, blocks->len - 1);
        }

      g_array_append_val (block->lines, index);
      eyl_rect_union (&block->box, &line->box);
      block->cap_height = MAX (block->cap_height, line->cap_height);
    }

  for (guint b = 0; b < blocks->len; b++)
    {
      const Block *block = &g_array_index (blocks, Block, b);

      /* The wordmark is the brand, not the message: the headline is the
       * biggest block that says something else, when there is one. */
      if (block_is_brand (block, out) && blocks->len > 1)
        continue;

      if (best == NULL || compare_prominence (block, best) > 0)
        {
          second = best;
          best = block;
        }
      else if (second == NULL || compare_prominence (block, second) > 0)
        second = block;
    }
  if (best == NULL)
    return;

  for (guint i = 0; i < best->lines->len; i++)
    {
      g_autofree char *t = eyl_detect_line_text (page, g_array_index (best->lines, guint, i));

      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, g_strstrip (t));
    }

  /* Clearly bigger than anything else: sure; a close call: less so. */
  element = eyl_element_new (EYL_ELEMENT_HEADLINE, EYL_SOURCE_TEXT, text->str, &best->box,
                             second == NULL || best->cap_height > 1.3 * second->cap_height
                               ? 0.9 : 0.7);
  element->font_size = best->font_size;
  element->cap_height = best->cap_height;
  element->color = best->color;
  g_ptr_array_add (out, element);
}

/* Calls to action: imperative phrases at the start of a line or of a
 * sentence.  Translators: add the phrases your language uses on posters;
 * the English ones are always looked for too. */
static const char * const cta_phrases[] = {
  N_("visit"), N_("call"), N_("scan"), N_("book"), N_("order"), N_("join"),
  N_("contact us"), N_("download"), N_("register"), N_("sign up"), N_("subscribe"),
  N_("follow us"), N_("try"), N_("get"), N_("learn more"), N_("find out"), N_("discover"),
  N_("shop"), N_("buy"), N_("ask"), N_("come"), N_("meet us"), N_("talk to us"),
  N_("email us"), N_("write to us"), N_("apply"), N_("donate"), N_("get involved"),
  N_("get in touch"), N_("reserve"), N_("start"), N_("explore"), N_("see us"),
  N_("chat with us"), N_("request"), N_("claim"),
  /* German, as it appears on German posters whatever the UI language */
  "besuchen Sie", "rufen Sie", "jetzt", "kontaktieren Sie", "bestellen Sie", "scannen Sie",
  "melden Sie sich", "schreiben Sie", "folgen Sie", "mehr erfahren", "entdecken Sie",
};

static int
compare_strlen_desc (gconstpointer a,
                     gconstpointer b)
{
  return (int) strlen (*(const char * const *) b) - (int) strlen (*(const char * const *) a);
}

static GRegex *
cta_regex (void)
{
  static GRegex *regex;
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_autoptr(GPtrArray) phrases = g_ptr_array_new ();
      g_autoptr(GString) pattern = g_string_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (cta_phrases); i++)
        {
          const char *translated = g_dgettext (GETTEXT_PACKAGE, cta_phrases[i]);

          g_ptr_array_add (phrases, (gpointer) cta_phrases[i]);
          if (translated != cta_phrases[i] && *translated != '\0')
            g_ptr_array_add (phrases, (gpointer) translated);
        }
      /* Longest first, so "get involved" is preferred to "get". */
      g_ptr_array_sort (phrases, compare_strlen_desc);

      /* Group 1: the phrase, at the start of the line (after a bullet), of a
       * sentence, after a separator ("… · Visit us") or after "please". */
      g_string_append (pattern, "(*UCP)(?:^[\\-–—•·*→»›>]?\\s*|[.!?:;]\\s+|\\s[·•|→»›>–—]\\s*"
                                "|\\b(?:please|bitte)\\s+)(");
      for (guint i = 0; i < phrases->len; i++)
        {
          g_auto(GStrv) words = g_strsplit (g_ptr_array_index (phrases, i), " ", -1);

          if (i > 0)
            g_string_append_c (pattern, '|');
          for (guint w = 0; words[w] != NULL; w++)
            {
              g_autofree char *escaped = g_regex_escape_string (words[w], -1);

              if (w > 0)
                g_string_append (pattern, "\\s+");
              g_string_append (pattern, escaped);
            }
        }
      /* Followed by a space or the end, not by more of a word or a
       * domain ("Booking", "Try-outs", "shop.example"). */
      g_string_append (pattern, ")(?=\\s|$|[!?,:;]|\\.(?!\\w))");

      regex = g_regex_new (pattern->str, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&done, 1);
    }

  return regex;
}

/* End of the sentence that starts at byte @from: a full stop, "!" or "?"
 * followed by a space or the end of the line ("www.x.org" has none). */
static gsize
sentence_end (const char *text,
              gsize       from)
{
  gsize len = strlen (text);

  for (gsize i = from; i < len; i++)
    if (strchr (".!?", text[i]) != NULL && (text[i + 1] == ' ' || text[i + 1] == '\0'))
      return text[i] == '.' ? i : i + 1;
  return len;
}

/* @line goes on where @prev stops: the next line of one paragraph. */
static gboolean
continues_line (const EylTextLine *prev,
                const EylTextLine *line)
{
  double height = eyl_rect_height (&line->box);
  double gap = line->box.y0 - prev->box.y1;
  double big = MAX (prev->font_size, line->font_size);

  return big > 0 && ABS (prev->font_size - line->font_size) <= 0.15 * big &&
         gap > -0.5 * height && gap < height &&
         line->box.x0 < prev->box.x1 && prev->box.x0 < line->box.x1;
}

static gboolean
ends_sentence (const char *text)
{
  gsize len = strlen (text);

  return len > 0 && strchr (".!?:", text[len - 1]) != NULL;
}

/* "Get Interactive" above www.getinteractive.nl is a company's name, not
 * an instruction: the words run together are in a web address's domain. */
static gboolean
names_a_domain (GPtrArray  *elements,
                const char *sentence)
{
  g_autoptr(GString) squashed = g_string_new (NULL);

  for (const char *p = sentence; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (squashed, g_ascii_tolower (*p));
  if (squashed->len < 5)
    return FALSE;

  for (guint i = 0; i < elements->len; i++)
    {
      EylElement *element = g_ptr_array_index (elements, i);
      g_autofree char *domain = NULL;

      if (element->kind != EYL_ELEMENT_URL && element->kind != EYL_ELEMENT_OTHER_URL &&
          element->kind != EYL_ELEMENT_EMAIL)
        continue;
      domain = eyl_detect_domain_of (element->text);
      if (domain != NULL && strstr (domain, squashed->str) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* A line that begins with a web or email address is that contact, not
 * the rest of a sentence. */
static gboolean
starts_with_contact (const char *text)
{
  g_autofree char *token = g_strndup (text, strcspn (text, " \t"));

  return eyl_detect_is_url (token) || eyl_detect_is_email (token);
}

void
eyl_detect_cta (const EylPageData *page,
                GPtrArray         *out)
{
  GRegex *regex = cta_regex ();
  guint n_before;

  g_return_if_fail (page != NULL);
  g_return_if_fail (out != NULL);

  if (regex == NULL)
    return;

  n_before = out->len;
  for (guint l = 0; l < page->lines->len; l++)
    {
      const EylTextLine *line = &g_array_index (page->lines, EylTextLine, l);
      g_autofree char *text = eyl_detect_line_text (page, l);
      g_autoptr(GMatchInfo) info = NULL;
      gsize resume = 0;

      g_regex_match (regex, text, 0, &info);
      for (; g_match_info_matches (info); g_match_info_next (info, NULL))
        {
          g_autoptr(GString) sentence = g_string_new (NULL);
          EylElement *element;
          int s, e;
          gsize end;
          guint gs, ge;

          g_match_info_fetch_pos (info, 1, &s, &e);
          if ((gsize) s < resume)
            continue;

          /* A lower-case "get" at the start of a line inside a paragraph is
           * a wrapped sentence, not an instruction. */
          if (s == 0 && g_unichar_islower (g_utf8_get_char (text)) && l > 0)
            {
              const EylTextLine *prev = &g_array_index (page->lines, EylTextLine, l - 1);
              g_autofree char *prev_text = eyl_detect_line_text (page, l - 1);

              if (continues_line (prev, line) && !ends_sentence (g_strstrip (prev_text)))
                continue;
            }

          end = sentence_end (text, e);
          resume = end;
          g_string_append_len (sentence, text + s, end - s);
          gs = line->start + g_utf8_pointer_to_offset (text, text + s);
          ge = line->start + g_utf8_pointer_to_offset (text, text + end);
          if (names_a_domain (out, sentence->str))
            continue;
          element = eyl_detect_element_for_glyphs (page, EYL_ELEMENT_CTA, EYL_SOURCE_TEXT,
                                                   NULL, gs, ge, 0.75);

          /* "Scan to / visit the / online / Dashboard!": a sentence that runs
           * on to the next lines of the same paragraph (up to four lines). */
          for (guint k = l + 1; end == strlen (text) && !ends_sentence (text) &&
                                k < page->lines->len && k <= l + 3; k++)
            {
              const EylTextLine *next = &g_array_index (page->lines, EylTextLine, k);
              g_autofree char *next_text = NULL;
              gsize next_end;
              EylRect box;

              if (!continues_line (&g_array_index (page->lines, EylTextLine, k - 1), next))
                break;
              next_text = eyl_detect_line_text (page, k);
              if (starts_with_contact (next_text))
                break;
              next_end = sentence_end (next_text, 0);
              g_string_append_c (sentence, ' ');
              g_string_append_len (sentence, next_text, next_end);
              box = eyl_page_data_glyph_box (page, next->start,
                                             next->start + g_utf8_pointer_to_offset (
                                               next_text, next_text + next_end));
              eyl_rect_union (&element->box, &box);
              if (next_end < strlen (next_text) || ends_sentence (next_text))
                break;
            }

          g_free (element->text);
          element->text = g_strstrip (g_strdup (sentence->str));
          g_ptr_array_add (out, element);
        }
    }

  g_debug ("%u calls to action", out->len - n_before);
}
