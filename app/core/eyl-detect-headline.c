/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-detect"

#include <string.h>

#include "eyl-detect-private.h"
#include "eyl-phrases.h"

/* The headline (the most prominent block of text) and the calls to
 * action (imperative phrases). */

typedef struct
{
  GArray *lines; /* guint line indexes */
  EylRect box;
  double  font_size;  /* of the first line */
  double  cap_height; /* largest of its lines */
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

/* @line goes on below text set in @size over @box: similar size, right
 * below (gap under one line height), overlapping horizontally. */
static gboolean
continues_text (const EylRect     *box,
                double             size,
                const EylTextLine *line)
{
  double height = eyl_rect_height (&line->box);
  double gap = line->box.y0 - box->y1;
  double big = MAX (size, line->font_size);

  return big > 0 && ABS (size - line->font_size) <= 0.15 * big &&
         gap > -0.5 * height && gap < height &&
         line->box.x0 < box->x1 && box->x0 < line->box.x1;
}

/* @line goes on where @prev stops: the next line of one paragraph. */
static gboolean
continues_line (const EylTextLine *prev,
                const EylTextLine *line)
{
  return continues_text (&prev->box, prev->font_size, line);
}

/* A line joins a block when it continues it in the same colour. */
static gboolean
continues_block (const Block       *block,
                 const EylTextLine *line)
{
  return block->color == line->color && continues_text (&block->box, block->font_size, line);
}

static int
compare_lines_by_position (gconstpointer a,
                           gconstpointer b,
                           gpointer      user_data)
{
  const EylPageData *page = user_data;
  const EylTextLine *x = &g_array_index (page->lines, EylTextLine, *(const guint *) a);
  const EylTextLine *y = &g_array_index (page->lines, EylTextLine, *(const guint *) b);

  return eyl_rect_compare_reading (&x->box, &y->box);
}

/* Prominence: the measured cap height (the size a reader sees), a bold
 * face a little more, a block higher up a little more (the eye starts at
 * the top). */
static double
prominence (const EylPageData *page,
            const Block       *block)
{
  double             weight = 1.0, cy = (block->box.y0 + block->box.y1) / 2.0;
  const EylTextLine *first = &g_array_index (page->lines, EylTextLine,
                                             g_array_index (block->lines, guint, 0));
  const EylGlyph    *glyph = first->start < first->end
                                 ? &g_array_index (page->glyphs, EylGlyph, first->start)
                                 : NULL;

  if (glyph != NULL && glyph->run < page->runs->len)
    {
      const char      *font = g_array_index (page->runs, EylTextRun, glyph->run).font_name;
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
      EylRect           overlap;

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
      guint       letters = 0;
      gboolean    word = TRUE;
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
  guint  letters = 0, digits = 0;

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
          double          size = glyph->run < page->runs->len
                                     ? g_array_index (page->runs, EylTextRun, glyph->run).font_size
                                     : 0;

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

/* Display type is this much larger than the page's median text. */
#define DISPLAY_SIZE 1.2

/* A headline is a message, read at a glance: up to this many words.
 * Longer blocks are body copy or a credits paragraph. */
#define MAX_HEADLINE_WORDS 50
/* Headings of one size and colour set this many times or more are the
 * section headings of a leaflet, none of them the headline. */
#define SECTION_TIER 3

/* Do @a and @b look set in one style: one colour, and about the same
 * measured cap height (±6 %) or the same nominal size (±3 %; a heading
 * with a "?" or a "Q" measures taller than its siblings set alike)? */
static gboolean
same_heading_style (const Block *a,
                    const Block *b)
{
  if (a->color != b->color)
    return FALSE;
  if (b->cap_height > 0 && ABS (a->cap_height - b->cap_height) <= 0.06 * b->cap_height)
    return TRUE;
  return b->font_size > 0 && ABS (a->font_size - b->font_size) <= 0.03 * b->font_size;
}

/* Section headings: blocks in one style (same_heading_style) that say
 * SECTION_TIER or more different things (the copies of one heading on
 * an imposed sheet, or on every panel of a box, are one). */
static gboolean
in_section_tier (const EylPageData *page,
                 const GArray      *blocks,
                 const Block       *block)
{
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint b = 0; b < blocks->len; b++)
    {
      const Block *other = &g_array_index (blocks, Block, b);

      if (same_heading_style (other, block))
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
  GPtrArray       *known = out;
  const Block     *best = NULL;
  double           best_score = 0, second_score = 0, body_cap;
  EylElement      *element;

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
      guint              index = g_array_index (order, guint, k);
      const EylTextLine *line = &g_array_index (page->lines, EylTextLine, index);
      Block             *block = NULL;
      guint              ink = 0;

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
          Block fresh = {
            0,
          };

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
      const Block     *block = &g_array_index (blocks, Block, b);
      g_autofree char *text = block_text (page, block);
      const char      *why = not_a_headline (page, blocks, block, text, body_cap, out);
      double           score;

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

/* Calls to action, from data/cta/<language>.txt: imperative phrases at
 * the start of a clause — a line, a sentence, after a bullet, a
 * separator ("… · Visit us"), a comma ("…, visit example.org") or
 * "please" — and pointers anywhere in a sentence ("Full schedule and
 * registration on …").  Two expressions, group 1 the phrase each:
 * clauses[0] at the start of a clause, clauses[1] anywhere. */
static GRegex **
cta_regexes (void)
{
  static GRegex *regexes[2];
  static gsize   done = 0;

  if (g_once_init_enter (&done))
    {
      for (guint anywhere = 0; anywhere < 2; anywhere++)
        {
          EylPhraseFlags   where = anywhere ? EYL_PHRASE_ANYWHERE : 0;
          EylPhraseFlags   mask = EYL_PHRASE_ANYWHERE | EYL_PHRASE_NEEDS_MORE | EYL_PHRASE_ALONE;
          g_autofree char *complete = eyl_phrases_pattern ("cta", mask, where);
          g_autofree char *needs_more = eyl_phrases_pattern ("cta", mask,
                                                             where | EYL_PHRASE_NEEDS_MORE);
          g_autofree char *alone = eyl_phrases_pattern ("cta", mask, where | EYL_PHRASE_ALONE);
          g_autofree char *pattern = NULL;

          /* A complete phrase is followed by a space or the end, not by
           * more of a word or a domain ("Booking", "Try-outs",
           * "shop.example"); the others by another word on the line
           * ("Discover" alone over a paragraph is a label), or by the end
           * of the clause or a capital (a list of calls, "Mitmachen
           * Austauschen"; a lower-case verb after it makes it a noun). */
          pattern = g_strdup_printf ("(*UCP)%s((?:%s)(?=\\s|$|[!?,:;]|\\.(?!\\w))"
                                     "|(?:%s)(?=[:,]?\\s+[\\w\"'„“(])"
                                     "|(?:%s)(?=\\s*(?:$|[!?,:;.–—]|-\\s)|\\s+\\p{Lu}))",
                                     anywhere ? "(?<!\\w)"
                                              : "(?:^[\\-–—•·*→»›>]?\\s*|[.!?:;,]\\s+"
                                                "|\\s[·•|→»›>–—]\\s*|\\b(?:please|bitte)\\s+)",
                                     complete, needs_more, alone);
          regexes[anywhere] = g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
        }
      g_once_init_leave (&done, 1);
    }

  return regexes;
}

/* An instruction by its form, whatever the verb: a clause that opens
 * with a word followed by one that addresses the reader ("Free your
 * data", "Protect yourself", "Befreie deine Daten"), unless that first
 * word is no verb ("For your team", "All your data").  Group 1 is the
 * verb. */
static GRegex *
addressed_regex (void)
{
  static GRegex *regex;
  static gsize   done = 0;

  if (g_once_init_enter (&done))
    {
      g_autofree char *addressed = eyl_phrases_pattern ("addressed", 0, 0);
      g_autofree char *not_verbs = eyl_phrases_pattern ("not-verbs", 0, 0);
      g_autofree char *pattern =
          g_strdup_printf ("(*UCP)(?:^[\\-–—•·*→»›>]?\\s*|[.!?:;,]\\s+|\\s[·•|→»›>–—]\\s*)"
                           "(?!(?:%s)\\s)(\\p{L}{2,})\\s+(?:%s)(?!\\w)",
                           not_verbs, addressed);

      regex = g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&done, 1);
    }
  return regex;
}

/* Is @line display type: set apart from the copy, larger than most of
 * the page's text (@median_size) and no line of a paragraph?  An
 * instruction by its form alone ("Share your data with …") is a feature
 * in the copy; set as a line of its own, it speaks to the reader. */
static gboolean
is_display_line (const EylPageData *page,
                 guint              l,
                 double             median_size)
{
  const EylTextLine *line = &g_array_index (page->lines, EylTextLine, l);

  if (median_size <= 0 || line->font_size < DISPLAY_SIZE * median_size)
    return FALSE;
  for (guint k = 0; k < page->lines->len; k++)
    {
      const EylTextLine *other = &g_array_index (page->lines, EylTextLine, k);

      if (k != l && (continues_line (other, line) || continues_line (line, other)))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  int      start, end; /* bytes of the phrase */
  gboolean anywhere;   /* a pointer, not at the start of a clause */
} CtaMatch;

static int
compare_cta_matches (gconstpointer a,
                     gconstpointer b)
{
  return ((const CtaMatch *) a)->start - ((const CtaMatch *) b)->start;
}

/* The phrases of both expressions in @text, in the order they stand;
 * on a @display line also the instructions by their form. */
static GArray *
cta_matches (GRegex    **regexes,
             const char *text,
             gboolean    display)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (CtaMatch));
  GRegex *addressed = display ? addressed_regex () : NULL;

  for (guint r = 0; r < 3; r++)
    {
      g_autoptr(GMatchInfo) info = NULL;
      GRegex *regex = r < 2 ? regexes[r] : addressed;

      if (regex == NULL)
        continue;
      g_regex_match (regex, text, 0, &info);
      for (; g_match_info_matches (info); g_match_info_next (info, NULL))
        {
          CtaMatch match = { 0, 0, r == 1 };

          g_match_info_fetch_pos (info, 1, &match.start, &match.end);
          g_array_append_val (matches, match);
        }
    }
  g_array_sort (matches, compare_cta_matches);
  return matches;
}

/* Is the phrase @phrase (@len bytes, as matched) one that needs more
 * words after it? */
static gboolean
needs_more (const char *phrase,
            gsize       len)
{
  const GArray    *phrases = eyl_phrases_get ("cta");
  g_autofree char *matched = g_strndup (phrase, len);
  g_auto(GStrv) words = g_strsplit_set (matched, " \t", -1);
  g_autofree char *joined = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_strv_builder_add (kept, words[i]);
  parts = g_strv_builder_end (kept);
  joined = g_strjoinv (" ", parts);
  folded = g_utf8_casefold (joined, -1);
  for (guint i = 0; i < phrases->len; i++)
    {
      const EylPhrase *p = &g_array_index (phrases, EylPhrase, i);
      g_autofree char *candidate = g_utf8_casefold (p->text, -1);

      if (g_str_equal (candidate, folded))
        return (p->flags & EYL_PHRASE_NEEDS_MORE) != 0;
    }
  return FALSE;
}

/* Does a word follow byte @end of @text (line @line) within a gap of
 * one and a half times the type's size, as in a sentence? */
static gboolean
next_word_close (const EylPageData *page,
                 const EylTextLine *line,
                 const char        *text,
                 gsize              end)
{
  guint           last = line->start + g_utf8_pointer_to_offset (text, text + end) - 1;
  const EylGlyph *a, *b;

  for (guint g = last + 1; g < line->end; g++)
    {
      if (g_unichar_isspace (g_array_index (page->glyphs, EylGlyph, g).ch))
        continue;
      a = &g_array_index (page->glyphs, EylGlyph, last);
      b = &g_array_index (page->glyphs, EylGlyph, g);
      return b->box.x0 - a->box.x1 <= 1.5 * MAX (line->font_size, eyl_rect_height (&a->box));
    }
  return FALSE;
}

/* Start of the sentence around byte @at: after the last full stop, "!"
 * or "?" followed by a space before it, or the start of the line. */
static gsize
sentence_start (const char *text,
                gsize       at)
{
  for (gsize i = at; i > 1; i--)
    if (strchr (".!?", text[i - 2]) != NULL && text[i - 1] == ' ')
      return i;
  return 0;
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
      EylElement      *element = g_ptr_array_index (elements, i);
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
  GRegex **regexes = cta_regexes ();
  double   median_size;
  guint    n_before;

  g_return_if_fail (page != NULL);
  g_return_if_fail (out != NULL);

  if (regexes[0] == NULL || regexes[1] == NULL)
    return;

  n_before = out->len;
  median_size = eyl_detect_median_font_size (page);
  for (guint l = 0; l < page->lines->len; l++)
    {
      const EylTextLine *line = &g_array_index (page->lines, EylTextLine, l);
      g_autofree char   *text = eyl_detect_line_text (page, l);
      g_autoptr(GArray) matches = cta_matches (regexes, text,
                                                is_display_line (page, l, median_size));
      gsize resume = 0;

      for (guint m = 0; m < matches->len; m++)
        {
          g_autoptr(GString) sentence = g_string_new (NULL);
          const CtaMatch *match = &g_array_index (matches, CtaMatch, m);
          EylElement     *element;
          int             s = match->start, e = match->end;
          gsize           end;
          guint           gs, ge;

          if ((gsize) s < resume)
            continue;
          /* "Discover      Decode      Explore" across the columns of one
           * text line: labels side by side, not "discover" with an
           * object. */
          if (needs_more (text + s, e - s) && !next_word_close (page, line, text, e))
            continue;
          /* A pointer ("registration on …") says where the sentence
           * goes: the call to action is the whole sentence. */
          if (match->anywhere)
            s = (int) MAX (sentence_start (text, s), resume);

          /* A lower-case "get" at the start of a line inside a paragraph is
           * a wrapped sentence, not an instruction. */
          if (s == 0 && g_unichar_islower (g_utf8_get_char (text)) && l > 0)
            {
              const EylTextLine *prev = &g_array_index (page->lines, EylTextLine, l - 1);
              g_autofree char   *prev_text = eyl_detect_line_text (page, l - 1);

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
                                k < page->lines->len && k <= l + 3;
               k++)
            {
              const EylTextLine *next = &g_array_index (page->lines, EylTextLine, k);
              g_autofree char   *next_text = NULL;
              gsize              next_end;
              EylRect            box;

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
