/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-detect"

#include <glib/gi18n.h>
#include <string.h>

#include "eyl-detect-private.h"
#include "eyl-phrases.h"

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

/* Prominence: the measured cap height (the size a reader sees), a bold
 * face a little more, a block higher up a little more (the eye starts at
 * the top). */
static double
prominence (const EylPageData *page,
            const Block       *block)
{
  double weight = 1.0, cy = (block->box.y0 + block->box.y1) / 2.0;
  const EylTextLine *first = &g_array_index (page->lines, EylTextLine,
                                             g_array_index (block->lines, guint, 0));
  const EylGlyph *glyph = first->start < first->end
                            ? &g_array_index (page->glyphs, EylGlyph, first->start) : NULL;

  if (glyph != NULL && glyph->run < page->runs->len)
    {
      const char *font = g_array_index (page->runs, EylTextRun, glyph->run).font_name;
      g_autofree char *lower = g_ascii_strdown (font != NULL ? font : "", -1);

      if (strstr (lower, "bold") || strstr (lower, "black") || strstr (lower, "heavy"))
        weight = 1.15;
    }
  return block->cap_height * weight * (1.1 - 0.1 * CLAMP (cy / MAX (page->height, 1), 0, 1));
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

/* Does @text read as language: two words of three letters or more, or
 * one of four?  OCR's readings of a texture ("de Ma", "oL ab", "NUT")
 * and figures ("127K+") do not. */
gboolean
eyl_detect_reads_as_words (const char *text)
{
  g_auto(GStrv) tokens = g_strsplit_set (text != NULL ? text : "", " \t\n", -1);
  guint n_words = 0, longest = 0;

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      guint letters = 0;
      gboolean word = TRUE;
      const char *p = tokens[i], *end = tokens[i] + strlen (tokens[i]);

      /* Punctuation around a word is no part of it. */
      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      while (end > p && !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (end))))
        end = g_utf8_prev_char (end);
      for (const char *q = p; q < end && word; q = g_utf8_next_char (q))
        {
          gunichar ch = g_utf8_get_char (q);

          if (g_unichar_isalpha (ch))
            letters++;
          else if (!g_unichar_isdigit (ch) && !strchr ("-'.&", (char) ch) && ch != 0x2019)
            word = FALSE;
        }
      if (word && letters >= 3)
        {
          n_words++;
          longest = MAX (longest, letters);
        }
    }
  return n_words >= 2 || longest >= 4;
}

/* The words of the block's largest type: a figure set big with small
 * labels ("550+K executions") is a statistic, not a headline. */
static gboolean
big_type_is_words (const EylPageData *page,
                   const Block       *block)
{
  double biggest = 0;
  guint letters = 0, digits = 0;

  for (guint i = 0; i < block->lines->len; i++)
    {
      const EylTextLine *line = &g_array_index (page->lines, EylTextLine,
                                                g_array_index (block->lines, guint, i));

      for (guint g = line->start; g < line->end; g++)
        {
          const EylGlyph *glyph = &g_array_index (page->glyphs, EylGlyph, g);

          if (glyph->run < page->runs->len)
            biggest = MAX (biggest, g_array_index (page->runs, EylTextRun, glyph->run).font_size);
        }
    }
  for (guint i = 0; i < block->lines->len; i++)
    {
      const EylTextLine *line = &g_array_index (page->lines, EylTextLine,
                                                g_array_index (block->lines, guint, i));

      for (guint g = line->start; g < line->end; g++)
        {
          const EylGlyph *glyph = &g_array_index (page->glyphs, EylGlyph, g);
          double size = glyph->run < page->runs->len
                          ? g_array_index (page->runs, EylTextRun, glyph->run).font_size : 0;

          if (size < 0.85 * biggest)
            continue;
          letters += g_unichar_isalpha (glyph->ch) ? 1 : 0;
          digits += g_unichar_isdigit (glyph->ch) ? 1 : 0;
        }
    }
  return letters > digits;
}

static char *
block_text (const EylPageData *page,
            const Block       *block)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < block->lines->len; i++)
    {
      g_autofree char *t = eyl_detect_line_text (page, g_array_index (block->lines, guint, i));

      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, g_strstrip (t));
    }
  return g_string_free (text, FALSE);
}

static guint
count_words (const char *text)
{
  g_auto(GStrv) tokens = g_strsplit_set (text, " ", -1);
  guint n = 0;

  for (guint i = 0; tokens[i] != NULL; i++)
    n += tokens[i][0] != '\0';
  return n;
}

/* A headline is a message, read at a glance: up to this many words.
 * Longer blocks are body copy or a credits paragraph. */
#define MAX_HEADLINE_WORDS 50
/* Headings of one size and colour set this many times or more are the
 * section headings of a leaflet, none of them the headline. */
#define SECTION_TIER 3

/* Section headings: blocks of about the same cap height (±6 %) and one
 * colour that say SECTION_TIER or more different things (the copies of
 * one heading on an imposed sheet, or on every panel of a box, are
 * one). */
static gboolean
in_section_tier (const EylPageData *page,
                 const GArray      *blocks,
                 const Block       *block)
{
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint b = 0; b < blocks->len; b++)
    {
      const Block *other = &g_array_index (blocks, Block, b);

      if (other->color == block->color && block->cap_height > 0 &&
          ABS (other->cap_height - block->cap_height) <= 0.06 * block->cap_height)
        g_hash_table_add (texts, block_text (page, other));
    }
  return g_hash_table_size (texts) >= SECTION_TIER;
}

/* The cap height most of the page's text is set in (weighted by glyphs):
 * a headline stands out from it. */
static double
body_cap_height (const EylPageData *page,
                 const GArray      *blocks)
{
  g_autoptr(GArray) caps = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint b = 0; b < blocks->len; b++)
    {
      const Block *block = &g_array_index (blocks, Block, b);

      for (guint i = 0; i < block->lines->len; i++)
        {
          const EylTextLine *line = &g_array_index (page->lines, EylTextLine,
                                                    g_array_index (block->lines, guint, i));

          for (guint g = line->start; g < line->end; g++)
            g_array_append_val (caps, line->cap_height);
        }
    }
  return eyl_detect_median (caps);
}

/* Why @block is no headline, or NULL. */
static const char *
not_a_headline (const EylPageData *page,
                const GArray      *blocks,
                const Block       *block,
                const char        *text,
                double             body_cap,
                GPtrArray         *elements)
{
  GRegex *sponsors = eyl_phrases_regex ("sponsors");

  if (block_is_brand (block, elements) && blocks->len > 1)
    return "the brand's name";
  if (!eyl_detect_reads_as_words (text))
    return "no words";
  if (!big_type_is_words (page, block))
    return "a figure";
  if (count_words (text) > MAX_HEADLINE_WORDS)
    return "body copy";
  /* "Thanks to our sponsors …", "Gefördert durch": credits. */
  if (sponsors != NULL && g_regex_match (sponsors, text, 0, NULL))
    return "credits";
  if (in_section_tier (page, blocks, block))
    return "one of several section headings";
  /* On a page with body text, a headline stands out from it. */
  if (blocks->len >= 4 && body_cap > 0 && block->cap_height < 1.1 * body_cap)
    return "no bigger than the text";
  return NULL;
}

void
eyl_detect_headline (const EylPageData *page,
                     GPtrArray         *out)
{
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_autoptr(GPtrArray) contacts = NULL;
  g_autofree char *best_text = NULL;
  GPtrArray *known = out;
  const Block *best = NULL;
  double best_score = 0, second_score = 0, body_cap;
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

  body_cap = body_cap_height (page, blocks);
  for (guint b = 0; b < blocks->len; b++)
    {
      const Block *block = &g_array_index (blocks, Block, b);
      g_autofree char *text = block_text (page, block);
      const char *why = not_a_headline (page, blocks, block, text, body_cap, out);
      double score;

      if (why != NULL)
        {
          g_debug ("not the headline (%s): %s", why, text);
          continue;
        }
      score = prominence (page, block);
      if (best == NULL || score > best_score)
        {
          second_score = best_score;
          best = block;
          best_score = score;
          g_free (best_text);
          best_text = g_steal_pointer (&text);
        }
      else
        second_score = MAX (second_score, score);
    }
  if (best == NULL)
    return;

  /* Clearly bigger than anything else: sure; a close call: less so. */
  element = eyl_element_new (EYL_ELEMENT_HEADLINE, EYL_SOURCE_TEXT, best_text, &best->box,
                             best_score > 1.3 * second_score ? 0.9 : 0.7);
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
