/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-detect"

#include <string.h>

#include "eyl-detect-private.h"

/* The brand on the page: its domain (the brand kit's, else the one the
 * page gives most weight: written as the brand's name, repeated, in the
 * largest type, where a call to action points), its names from the kit or
 * inferred from that domain; then the contacts that are not the brand's —
 * a sponsor's, a speaker's, an author's footnote, a designer's credit —
 * kept, but marked as someone else's. */

/* A URL in type smaller than this share of the page's median size is
 * small print (a credit line), not an address the brand wants read. */
#define SMALL_PRINT_RATIO 0.6

/* Mail providers say nothing about the brand's name. */
static const char *const mail_providers[] = {
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "yahoo.com",
  "icloud.com",
  "aol.com",
  "gmx.de",
  "gmx.net",
  "web.de",
  "t-online.de",
  "proton.me",
  "protonmail.com",
  "mail.com",
};

/* Whose a contact is, from the words next to it. */
typedef enum
{
  THEIRS_NONE,
  THEIRS_CREDIT,  /* design, photo, print, source, licence */
  THEIRS_SPONSOR, /* sponsored by, partners, a strip of sponsor logos */
  THEIRS_PERSON,  /* a speaker, an author's footnote */
  THEIRS_SMALL,   /* another domain in small print */
} Theirs;

typedef struct
{
  GRegex *credit;
  GRegex *sponsor;
  GRegex *person;
  GRegex *footnote; /* "5 jochenklar.de": a footnote's number opens the line */
} Context;

static const Context *
context_patterns (void)
{
  static Context c;
  static gsize   done = 0;

  if (g_once_init_enter (&done))
    {
      const GRegexCompileFlags flags = G_REGEX_CASELESS | G_REGEX_OPTIMIZE;

      /* Words that introduce a credit line, in the languages of the
       * corpus: "design by …", "photo: …", "Quelle: …", "printed by …",
       * "修改自 …" (modified from); "source code" is a channel, not one. */
      c.credit = g_regex_new ("(*UCP)\\b(?:designed\\s+by|design(?:ed)?|layout|artwork|"
                              "photos?|photography|fotos?|bildnachweis|image|illustrations?|"
                              "credits?|source(?!\\s*code)|quelle|printed\\s+by|"
                              "print(?:ed)?\\s+and|druck|gestaltung|made\\s+by|based\\s+on|"
                              "adapted\\s+from|modified\\s+from|forked\\s+from|template|"
                              "vorlage)\\b|修改自|改编自|基于|来源|出处|设计|摄影",
                              flags, 0, NULL);
      c.sponsor = g_regex_new ("(*UCP)\\b(?:sponsor(?:ed|s|en|ing)?|(?:media\\s+)?partners?|"
                               "partnern?|supported\\s+by|powered\\s+by|funded\\s+by|"
                               "in\\s+(?:cooperation|collaboration|partnership)\\s+with|"
                               "gefördert\\s+(?:von|durch)|förder(?:er|ung)|"
                               "unterstützt\\s+(?:von|durch)|mit\\s+(?:freundlicher\\s+)?"
                               "unterstützung|in\\s+kooperation\\s+mit|hosted\\s+by|"
                               "exhibitors?|aussteller)\\b|赞助|合作伙伴",
                               flags, 0, NULL);
      c.person = g_regex_new ("(*UCP)\\b(?:(?:guest\\s+)?speakers?|keynote|"
                              "referent(?:in|en|innen)?|sprecher(?:in|innen)?|vortragende|"
                              "talks?\\s+by|presented\\s+by|moderat(?:ion|ed\\s+by|or)|"
                              "panel(?:ists?)?|authors?|autor(?:en|in|innen)?)\\b|演讲",
                              flags, 0, NULL);
      c.footnote = g_regex_new ("^\\s*(\\d{1,2})\\s", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&done, 1);
    }
  return &c;
}

static gboolean
is_web (const EylElement *element)
{
  return element->kind == EYL_ELEMENT_URL || element->kind == EYL_ELEMENT_SOCIAL ||
         element->kind == EYL_ELEMENT_OTHER_URL;
}

/* Size of the type, for "the most prominent" and "small print". */
static double
type_size (const EylElement *element)
{
  return element->cap_height > 0 ? element->cap_height : 0.7 * element->font_size;
}

/* Services a brand rents a corner of ("rdmo.slack.com", "meetup.com/…"):
 * their domain is not the brand's. */
static const char *const services[] = {
  "slack.com",
  "meetup.com",
  "eventbrite.com",
  "eventbrite.de",
  "wordpress.com",
  "blogspot.com",
  "wixsite.com",
  "squarespace.com",
  "substack.com",
  "linktr.ee",
  "bit.ly",
  "goo.gl",
  "forms.gle",
  "google.com",
  "zoom.us",
  "microsoft.com",
  "dropbox.com",
  "notion.site",
  "patreon.com",
  "opencollective.com",
  "gofundme.com",
  "paypal.com",
  "paypal.me",
  "ko-fi.com",
  "liberapay.com",
  "matrix.to",
  "libera.chat",
  "gitter.im",
  "calendly.com",
  "doodle.com",
};

static gboolean
in_list (const char        *domain,
         const char *const *list,
         guint              n)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (domain, list[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_mail_provider (const char *domain)
{
  return in_list (domain, mail_providers, G_N_ELEMENTS (mail_providers));
}

/* TRUE when @box lies mostly inside a web address or email: "northwind"
 * in "www.northwind-tea.example" is not the brand name written out. */
static gboolean
inside_contact (GPtrArray     *elements,
                const EylRect *box)
{
  for (guint i = 0; i < elements->len; i++)
    {
      EylElement *element = g_ptr_array_index (elements, i);

      if ((is_web (element) || element->kind == EYL_ELEMENT_EMAIL) &&
          eyl_detect_rect_coverage (box, &element->box) > 0.5)
        return TRUE;
    }
  return FALSE;
}

static gboolean
overlaps_brand_name (GPtrArray     *elements,
                     const EylRect *box)
{
  for (guint i = 0; i < elements->len; i++)
    {
      EylElement *element = g_ptr_array_index (elements, i);

      if (element->kind == EYL_ELEMENT_BRAND_NAME &&
          eyl_detect_rect_overlap_area (box, &element->box) > 0)
        return TRUE;
    }
  return FALSE;
}

/* A brand name in type this much larger than the page's median is
 * display type, not body copy. */
#define PROMINENT_RATIO 1.2

typedef struct
{
  guint    start, end;
  EylRect  box;
  double   font_size;
  gboolean prominent;
  char    *text;
} Candidate;

static void
candidate_clear (gpointer data)
{
  Candidate *c = data;

  g_clear_pointer (&c->text, g_free);
}

/* Finds @words as whole words (case-insensitive; spaces in @words match
 * any run of spaces) on every line, outside contacts and existing brand
 * names; NULL when @words has none. */
static GArray *
find_word_matches (const EylPageData *page,
                   GPtrArray         *elements,
                   const char        *words)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GString) pattern = g_string_new ("(*UCP)(?<![\\w])");
  g_auto(GStrv) parts = g_strsplit_set (words, " \t", -1);
  GArray  *found;
  double   median;
  gboolean first = TRUE;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *escaped = NULL;

      if (*parts[i] == '\0')
        continue;
      escaped = g_regex_escape_string (parts[i], -1);
      if (!first)
        g_string_append (pattern, "\\s+");
      g_string_append (pattern, escaped);
      first = FALSE;
    }
  if (first)
    return NULL;
  g_string_append (pattern, "(?![\\w])");

  regex = g_regex_new (pattern->str, G_REGEX_CASELESS, 0, NULL);
  if (regex == NULL)
    return NULL;

  found = g_array_new (FALSE, TRUE, sizeof (Candidate));
  g_array_set_clear_func (found, candidate_clear);
  median = eyl_detect_median_font_size (page);

  for (guint l = 0; l < page->lines->len; l++)
    {
      const EylTextLine *line = &g_array_index (page->lines, EylTextLine, l);
      g_autofree guint  *glyph_of = NULL;
      g_autofree char   *text = eyl_detect_line_match_text (page, l, EYL_MATCH_TEXT_DEFAULT,
                                                            &glyph_of);
      g_autoptr(GMatchInfo) info = NULL;
      guint line_ink = 0;

      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        line_ink += g_unichar_isalnum (g_utf8_get_char (p)) ? 1 : 0;

      g_regex_match (regex, text, 0, &info);
      for (; g_match_info_matches (info); g_match_info_next (info, NULL))
        {
          g_autofree char *match = g_match_info_fetch (info, 0);
          Candidate        c = {
                   0,
          };
          int   s, e;
          guint ink = 0;

          g_match_info_fetch_pos (info, 0, &s, &e);
          c.start = glyph_of[s];
          c.end = e > 0 ? glyph_of[e - 1] + 1 : glyph_of[0];
          c.box = eyl_page_data_glyph_box (page, c.start, c.end);
          c.font_size = line->font_size;
          if (inside_contact (elements, &c.box) || overlaps_brand_name (elements, &c.box))
            continue;

          for (const char *p = match; *p != '\0'; p = g_utf8_next_char (p))
            ink += g_unichar_isalnum (g_utf8_get_char (p)) ? 1 : 0;
          /* The name set apart (a wordmark, a line of its own) or in
           * display type; not every mention in the body copy. */
          c.prominent = (median > 0 && line->font_size >= PROMINENT_RATIO * median) ||
                        2 * ink >= line_ink;
          c.text = g_steal_pointer (&match);
          g_array_append_val (found, c);
        }
    }

  return found;
}

/* Adds brand_name elements for the prominent matches of @words (see
 * find_word_matches); returns how many. */
static guint
add_word_matches (const EylPageData *page,
                  GPtrArray         *elements,
                  const char        *words,
                  EylSource          source,
                  double             confidence)
{
  g_autoptr(GArray) found = find_word_matches (page, elements, words);
  const Candidate *biggest = NULL;
  guint            n_prominent = 0;
  guint            n = 0;

  if (found == NULL)
    return 0;

  for (guint i = 0; i < found->len; i++)
    {
      Candidate *c = &g_array_index (found, Candidate, i);

      if (c->prominent)
        n_prominent++;
      if (biggest == NULL || c->font_size > biggest->font_size)
        biggest = c;
    }

  /* Only mentions in the body: the largest of them stands for the name. */
  for (guint i = 0; i < found->len; i++)
    {
      Candidate *c = &g_array_index (found, Candidate, i);

      if (c->prominent || (n_prominent == 0 && c == biggest))
        {
          g_ptr_array_add (elements,
                           eyl_detect_element_for_glyphs (page, EYL_ELEMENT_BRAND_NAME, source,
                                                          c->text, c->start, c->end,
                                                          confidence));
          n++;
        }
    }

  return n;
}

static int
compare_length_desc (gconstpointer a,
                     gconstpointer b)
{
  const char *x = *(const char *const *) a;
  const char *y = *(const char *const *) b;

  return (int) strlen (y) - (int) strlen (x);
}

/* northwind-tea.example → "northwind-tea", "northwindtea", "northwind",
 * "tea": the name part of the domain, its hyphenated pieces and the pieces
 * run together, longest first, each at least 3 letters. */
static GPtrArray *
domain_labels (const char *domain)
{
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) dots = g_strsplit (domain, ".", -1);
  g_auto(GStrv) pieces = NULL;
  g_autofree char *joined = NULL;

  if (dots[0] == NULL)
    return labels;

  pieces = g_strsplit_set (dots[0], "-_", -1);
  joined = g_strjoinv ("", pieces);

  g_ptr_array_add (labels, g_strdup (dots[0]));
  if (!g_str_equal (joined, dots[0]))
    g_ptr_array_add (labels, g_strdup (joined));
  for (guint i = 0; pieces[i] != NULL && g_strv_length (pieces) > 1; i++)
    g_ptr_array_add (labels, g_strdup (pieces[i]));

  for (guint i = labels->len; i > 0; i--)
    {
      const char *label = g_ptr_array_index (labels, i - 1);
      guint       letters = 0;

      for (const char *p = label; *p != '\0'; p++)
        letters += g_ascii_isalpha (*p) ? 1 : 0;
      if (letters < 3)
        g_ptr_array_remove_index (labels, i - 1);
    }
  g_ptr_array_sort (labels, compare_length_desc);
  return labels;
}

/* Can @name (folded letters) from @pos on be spelled by the starts of
 * @words from @w on, one part per word, in at most @budget more words and
 * two words in all (@used so far)? */
static gboolean
spell_from (const char *const *name,
            guint              n_name,
            guint              pos,
            char             **words,
            guint              w,
            guint              budget,
            guint              used)
{
  if (pos == n_name)
    return used >= 2;
  if (words[w] == NULL || budget == 0 || !g_unichar_isupper (g_utf8_get_char (words[w])))
    return FALSE;

  /* The longest part first: "Geo" from "Geospatial" before "G". */
  {
    g_autofree char *folded = g_utf8_casefold (words[w], -1);
    glong            len = g_utf8_strlen (folded, -1);

    for (glong k = MIN (len, (glong) (n_name - pos)); k >= 1; k--)
      {
        const char *p = folded;
        gboolean    same = TRUE;

        for (glong i = 0; i < k && same; i++, p = g_utf8_next_char (p))
          same = g_utf8_get_char (p) == g_utf8_get_char (name[pos + i]);
        if (same && spell_from (name, n_name, pos + (guint) k, words, w + 1, budget - 1,
                                used + 1))
          return TRUE;
      }
  }
  return FALSE;
}

gboolean
eyl_detect_text_spells_name (const char *text,
                             const char *name)
{
  g_autofree char *folded_name = NULL;
  g_autoptr(GPtrArray) letters = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GRegex) word = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *escaped = NULL;

  if (text == NULL || name == NULL)
    return FALSE;

  /* The name's letters and digits, folded; one pointer per character. */
  folded_name = g_utf8_casefold (name, -1);
  letters = g_ptr_array_new ();
  for (const char *p = folded_name; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      g_ptr_array_add (letters, (gpointer) p);
  if (letters->len < 3)
    return FALSE;

  /* The name itself as a word. */
  escaped = g_regex_escape_string (name, -1);
  pattern = g_strdup_printf ("(*UCP)(?<![\\w])%s(?![\\w])", escaped);
  word = g_regex_new (pattern, G_REGEX_CASELESS, 0, NULL);
  if (word != NULL && g_regex_match (word, text, 0, NULL))
    return TRUE;

  /* Its parts as the starts of words in a row, two words or more and no
   * more than one per two letters (an acronym of single letters is too
   * easily met by chance). */
  words = g_regex_split_simple ("[^\\p{L}\\p{N}]+", text, 0, 0);
  for (guint w = 0; words[w] != NULL; w++)
    {
      guint budget = (letters->len + 1) / 2;

      if (budget >= 2 && spell_from ((const char *const *) letters->pdata, letters->len, 0,
                                     words, w, budget, 0))
        return TRUE;
    }
  return FALSE;
}

/* When no label is written out as a word, a word that starts the name
 * ("Galaxy" for galaxyproject.org) is a weaker guess. */
static char *
longest_prefix_word (const EylPageData *page,
                     GPtrArray         *elements,
                     const char        *label)
{
  g_autofree char *best = NULL;
  gsize            label_len = strlen (label);

  for (guint l = 0; l < page->lines->len; l++)
    {
      g_autofree char *text = eyl_detect_line_match_text (page, l, EYL_MATCH_TEXT_DEFAULT, NULL);
      g_auto(GStrv) words = g_regex_split_simple ("[^\\p{L}\\p{N}]+", text, 0, 0);

      for (guint i = 0; words[i] != NULL; i++)
        {
          gsize len = strlen (words[i]);

          if (len >= 5 && len < label_len && 2.5 * len >= label_len &&
              g_ascii_strncasecmp (words[i], label, len) == 0 &&
              (best == NULL || len > strlen (best)))
            {
              g_free (best);
              best = g_strdup (words[i]);
            }
        }
    }

  return g_steal_pointer (&best);
}

static void
infer_brand_name (const EylPageData *page,
                  GPtrArray         *elements,
                  const char        *domain)
{
  g_autoptr(GPtrArray) labels = domain_labels (domain);

  for (guint i = 0; i < labels->len; i++)
    if (add_word_matches (page, elements, g_ptr_array_index (labels, i),
                          EYL_SOURCE_INFERRED, 0.7) > 0)
      return;

  if (labels->len > 0)
    {
      g_autofree char *word = longest_prefix_word (page, elements,
                                                   g_ptr_array_index (labels, 0));

      if (word != NULL)
        add_word_matches (page, elements, word, EYL_SOURCE_INFERRED, 0.5);
    }
}

static gboolean
same_phone (const char *a,
            const char *b)
{
  GString *da = g_string_new (NULL), *db = g_string_new (NULL);
  gboolean same;

  for (const char *p = a; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (da, *p);
  for (const char *p = b; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (db, *p);

  /* The subscriber number, whatever the country / trunk prefix. */
  same = da->len >= 7 && db->len >= 7 &&
         strcmp (da->str + da->len - 7, db->str + db->len - 7) == 0;
  g_string_free (da, TRUE);
  g_string_free (db, TRUE);
  return same;
}

static void
confirm_kit_contacts (EylBrandKit *kit,
                      GPtrArray   *elements)
{
  g_autofree char *site = kit->website != NULL ? eyl_detect_domain_of (kit->website) : NULL;

  for (guint i = 0; i < elements->len; i++)
    {
      EylElement *element = g_ptr_array_index (elements, i);

      if (element->kind == EYL_ELEMENT_URL && site != NULL)
        {
          g_autofree char *domain = eyl_detect_domain_of (element->text);

          if (domain != NULL && g_str_equal (domain, site))
            element->confidence = 1.0;
        }
      else if (element->kind == EYL_ELEMENT_EMAIL && kit->email != NULL &&
               g_ascii_strcasecmp (element->text, kit->email) == 0)
        element->confidence = 1.0;
      else if (element->kind == EYL_ELEMENT_PHONE && kit->phone != NULL &&
               same_phone (element->text, kit->phone))
        element->confidence = 1.0;
    }
}

/* Whose a contact is */

/* Glyph @g lies in a web address or email among @elements: the words of
 * an address ("www.partner-shop.example") say nothing about whose it is. */
static gboolean
glyph_in_address (GPtrArray      *elements,
                  const EylGlyph *g)
{
  double x = 0.5 * (g->box.x0 + g->box.x1), y = 0.5 * (g->box.y0 + g->box.y1);

  for (guint i = 0; i < elements->len; i++)
    {
      EylElement *element = g_ptr_array_index (elements, i);

      if ((is_web (element) || element->kind == EYL_ELEMENT_EMAIL) &&
          eyl_rect_contains_point (&element->box, x, y))
        return TRUE;
    }
  return FALSE;
}

/* Line @l with the addresses in it blanked out, then a line break. */
static void
append_context_line (GString           *text,
                     const EylPageData *page,
                     GPtrArray         *elements,
                     guint              l)
{
  g_autofree guint *glyph_of = NULL;
  g_autofree char  *t = eyl_detect_line_match_text (page, l, EYL_MATCH_TEXT_DEFAULT, &glyph_of);

  for (const char *p = t; *p != '\0'; p = g_utf8_next_char (p))
    {
      const EylGlyph *g = &g_array_index (page->glyphs, EylGlyph, glyph_of[p - t]);

      if (glyph_in_address (elements, g))
        g_string_append_c (text, ' ');
      else
        g_string_append_unichar (text, g_utf8_get_char (p));
    }
  g_string_append_c (text, '\n');
}

/* A line that labels @box from its left on the same row ("Partner:  ",
 * a column of labels beside a column of addresses). */
static gboolean
labels_from_left (const EylTextLine *line,
                  const EylRect     *box)
{
  double overlap = MIN (line->box.y1, box->y1) - MAX (line->box.y0, box->y0);
  double height = MIN (eyl_rect_height (&line->box), eyl_rect_height (box));

  return height > 0 && overlap >= 0.5 * height && line->box.x1 <= box->x0 &&
         box->x0 - line->box.x1 < 3 * eyl_rect_height (&line->box);
}

/* The text of the lines that @box touches or that label it from the left,
 * and of up to two lines just above them: where "Design by", "Photo:",
 * "Sponsored by" or "Guest speaker:" would be written ("CONCEPT & DESIGN
 * / Get Interactive / www.getinteractive.nl").  Addresses are blanked. */
static char *
text_around (const EylPageData *page,
             GPtrArray         *elements,
             const EylRect     *box)
{
  GString *text = g_string_new (NULL);

  for (guint l = 0; l < page->lines->len; l++)
    {
      const EylTextLine *line = &g_array_index (page->lines, EylTextLine, l);
      guint              first = l;

      if (eyl_detect_rect_overlap_area (&line->box, box) <= 0 && !labels_from_left (line, box))
        continue;

      while (first > 0 && l - first < 2)
        {
          const EylTextLine *cur = &g_array_index (page->lines, EylTextLine, first);
          const EylTextLine *prev = &g_array_index (page->lines, EylTextLine, first - 1);
          double             height = eyl_rect_height (&cur->box);

          if (!(cur->box.y0 - prev->box.y1 < height && cur->box.y0 >= prev->box.y0 &&
                prev->box.x0 < cur->box.x1 && cur->box.x0 < prev->box.x1))
            break;
          first--;
        }

      for (guint k = first; k <= l; k++)
        append_context_line (text, page, elements, k);
    }

  return g_string_free (text, FALSE);
}

/* The line that holds most of @box, G_MAXUINT for none. */
static guint
line_of (const EylPageData *page,
         const EylRect     *box)
{
  guint  best = G_MAXUINT;
  double best_area = 0;

  for (guint l = 0; l < page->lines->len; l++)
    {
      double area = eyl_detect_rect_overlap_area (&g_array_index (page->lines, EylTextLine, l).box,
                                                  box);

      if (area > best_area)
        {
          best_area = area;
          best = l;
        }
    }
  return best;
}

/* The footnote number that opens line @l, 0 for none. */
static guint
footnote_number (const EylPageData *page,
                 guint              l)
{
  g_autofree char *text = eyl_detect_line_text (page, l);
  g_autoptr(GMatchInfo) info = NULL;
  g_autofree char *number = NULL;

  if (!g_regex_match (context_patterns ()->footnote, text, 0, &info))
    return 0;
  number = g_match_info_fetch (info, 1);
  return (guint) g_ascii_strtoull (number, NULL, 10);
}

/* @box is in a numbered list of notes: its line opens with a number
 * ("5 jochenklar.de") and a line above it in the same column with the one
 * before ("4 Stiftung Preußischer Kulturbesitz") — an author's
 * affiliation, a source, not the brand's contact. */
static gboolean
in_footnotes (const EylPageData *page,
              const EylRect     *box)
{
  guint              l = line_of (page, box);
  const EylTextLine *line;
  guint              n;

  if (l == G_MAXUINT || (n = footnote_number (page, l)) < 2)
    return FALSE;
  line = &g_array_index (page->lines, EylTextLine, l);

  for (guint k = 0; k < page->lines->len; k++)
    {
      const EylTextLine *above = &g_array_index (page->lines, EylTextLine, k);
      double             height = eyl_rect_height (&line->box);

      if (k != l && above->box.y1 <= line->box.y0 + 0.2 * height &&
          line->box.y0 - above->box.y1 < 12 * height &&
          ABS (above->box.x0 - line->box.x0) < 2 * height &&
          footnote_number (page, k) == n - 1)
        return TRUE;
    }
  return FALSE;
}

/* Strips of three or more images side by side, of about the same height
 * and each small on the page: a row of sponsor or partner logos.  Returns
 * the rows' boxes. */
static GArray *
logo_rows (const EylPageData *page)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (EylRect));

  for (guint i = 0; i < page->images->len; i++)
    {
      const EylRect *a = &g_array_index (page->images, EylImageInfo, i).box;
      double         ha = eyl_rect_height (a);
      EylRect        row = *a;
      guint          members = 0;
      gboolean       known = FALSE;

      if (ha <= 0 || ha > 0.2 * page->height || eyl_rect_width (a) > 0.3 * page->width)
        continue;
      for (guint j = 0; j < page->images->len; j++)
        {
          const EylRect *b = &g_array_index (page->images, EylImageInfo, j).box;
          double         hb = eyl_rect_height (b);

          if (hb > 0 && MAX (ha, hb) < 1.8 * MIN (ha, hb) &&
              eyl_rect_width (b) <= 0.3 * page->width &&
              ABS (0.5 * (a->y0 + a->y1) - 0.5 * (b->y0 + b->y1)) < 0.3 * MAX (ha, hb))
            {
              eyl_rect_union (&row, b);
              members++;
            }
        }
      for (guint r = 0; r < rows->len && !known; r++)
        known = eyl_detect_rect_overlap_area (&g_array_index (rows, EylRect, r), &row) > 0;
      if (members >= 3 && !known)
        g_array_append_val (rows, row);
    }
  return rows;
}

/* @box sits in a strip of logos, or just under it (a caption). */
static gboolean
in_logo_row (GArray        *rows,
             const EylRect *box)
{
  double x = 0.5 * (box->x0 + box->x1), y = 0.5 * (box->y0 + box->y1);

  for (guint r = 0; r < rows->len; r++)
    {
      const EylRect *row = &g_array_index (rows, EylRect, r);

      if (x >= row->x0 && x <= row->x1 && y >= row->y0 &&
          y <= row->y1 + 0.5 * eyl_rect_height (row))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_mail_provider_email (const EylElement *element)
{
  g_autofree char *domain = NULL;

  if (element->kind != EYL_ELEMENT_EMAIL)
    return FALSE;
  domain = eyl_detect_domain_of (element->text);
  return domain != NULL && is_mail_provider (domain);
}

/* Why each contact among the first @n elements is someone else's, by the
 * words and the marks around it. */
static Theirs *
classify_contacts (const EylPageData *page,
                   GPtrArray         *elements,
                   guint              n)
{
  const Context *ctx = context_patterns ();
  g_autoptr(GArray) rows = logo_rows (page);
  Theirs *theirs = g_new0 (Theirs, n + 1);
  double  median = eyl_detect_median_font_size (page);

  for (guint i = 0; i < n; i++)
    {
      EylElement      *element = g_ptr_array_index (elements, i);
      g_autofree char *around = NULL;

      if (!eyl_element_kind_is_contact (element->kind) || element->kind == EYL_ELEMENT_QR)
        continue;
      around = text_around (page, elements, &element->box);
      if (g_regex_match (ctx->credit, around, 0, NULL))
        theirs[i] = THEIRS_CREDIT;
      else if (g_regex_match (ctx->sponsor, around, 0, NULL) || in_logo_row (rows, &element->box))
        theirs[i] = THEIRS_SPONSOR;
      else if (g_regex_match (ctx->person, around, 0, NULL) || in_footnotes (page, &element->box))
        theirs[i] = THEIRS_PERSON;
      /* A web address or email in small print is a credit, unless it
       * turns out to be the brand's own (see label_third_party). */
      else if ((element->kind == EYL_ELEMENT_URL ||
                (element->kind == EYL_ELEMENT_EMAIL && !is_mail_provider_email (element))) &&
               element->font_size > 0 && median > 0 &&
               element->font_size < SMALL_PRINT_RATIO * median)
        theirs[i] = THEIRS_SMALL;
    }
  return theirs;
}

/* Who a handle, hashtag or profile page is: "@FreifunkHB" → "freifunkhb",
 * "github.com/rdmorganiser" → "rdmorganiser"; NULL when not said. */
static char *
social_owner (const EylElement *element)
{
  g_autofree char *url = NULL;
  g_autoptr(GUri) uri = NULL;
  g_auto(GStrv) parts = NULL;
  const char *text = element->text;

  if (text[0] == '@' || text[0] == '#')
    return g_utf8_strdown (text + 1, strcspn (text + 1, "@"));
  url = strstr (text, "://") != NULL ? g_strdup (text) : g_strconcat ("https://", text, NULL);
  uri = g_uri_parse (url, G_URI_FLAGS_PARSE_RELAXED, NULL);
  if (uri == NULL)
    return NULL;
  parts = g_strsplit (g_uri_get_path (uri), "/", 3);
  if (parts[0] == NULL || parts[1] == NULL || parts[1][0] == '\0')
    return NULL;
  return g_utf8_strdown (parts[1][0] == '@' ? parts[1] + 1 : parts[1], -1);
}

/* The brand's domain */

/* @element points at the web with a domain of its own that could be the
 * brand's (not a network's profile page, not a mail provider). */
static char *
own_domain (const EylElement *element)
{
  g_autofree char *domain = NULL;

  if (element->kind != EYL_ELEMENT_URL && element->kind != EYL_ELEMENT_EMAIL)
    return NULL;
  domain = eyl_detect_domain_of (element->text);
  if (domain == NULL || eyl_detect_is_social_domain (domain) || is_mail_provider (domain) ||
      in_list (domain, services, G_N_ELEMENTS (services)))
    return NULL;
  return g_steal_pointer (&domain);
}

/* How clearly a label of @domain is written out on the page as a name:
 * 3 in display type (a wordmark), 1 on a line of its own in body type (a
 * heading, a label), 0 not. */
static int
domain_named (const EylPageData *page,
              GPtrArray         *elements,
              const char        *domain)
{
  g_autoptr(GPtrArray) labels = domain_labels (domain);
  double median = eyl_detect_median_font_size (page);
  int    best = 0;

  for (guint i = 0; i < labels->len; i++)
    {
      g_autoptr(GArray) found = find_word_matches (page, elements, g_ptr_array_index (labels, i));

      for (guint k = 0; found != NULL && k < found->len; k++)
        {
          const Candidate *c = &g_array_index (found, Candidate, k);

          if (c->prominent)
            best = MAX (best, median > 0 && c->font_size >= PROMINENT_RATIO * median ? 3 : 1);
        }
    }
  return best;
}

/* A name of the kit is spelt in @domain ("Northwind Tea" in
 * northwind-tea.example). */
static gboolean
domain_spells_kit_name (EylBrandKit *kit,
                        const char  *domain)
{
  g_autoptr(GPtrArray) labels = domain_labels (domain);

  for (guint i = 0; kit != NULL && kit->names[i] != NULL; i++)
    {
      g_autoptr(GString) name = g_string_new (NULL);

      for (const char *p = kit->names[i]; *p != '\0'; p = g_utf8_next_char (p))
        if (g_unichar_isalnum (g_utf8_get_char (p)))
          g_string_append_unichar (name, g_unichar_tolower (g_utf8_get_char (p)));
      for (guint k = 0; name->len >= 3 && k < labels->len; k++)
        if (g_str_equal (name->str, g_ptr_array_index (labels, k)))
          return TRUE;
    }
  return FALSE;
}

/* @element sits in a call to action or just under one ("Learn more at
 * www.northwind.example", "Register now: / www.…"). */
static gboolean
pointed_at (GPtrArray        *ctas,
            const EylElement *element)
{
  for (guint i = 0; i < ctas->len; i++)
    {
      const EylElement *cta = g_ptr_array_index (ctas, i);
      double            height = eyl_rect_height (&cta->box);

      if (eyl_detect_rect_overlap_area (&cta->box, &element->box) > 0 ||
          (element->box.y0 >= cta->box.y1 - 0.2 * height &&
           element->box.y0 - cta->box.y1 < 1.5 * height &&
           cta->box.x0 < element->box.x1 && element->box.x0 < cta->box.x1))
        return TRUE;
    }
  return FALSE;
}

/* The calls to action of the page, as eyl_detect_cta finds them. */
static GPtrArray *
page_ctas (const EylPageData *page,
           GPtrArray         *elements)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
  GPtrArray *ctas = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
  guint      n = elements->len;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (all, eyl_element_ref (g_ptr_array_index (elements, i)));
  eyl_detect_cta (page, all);
  for (guint i = n; i < all->len; i++)
    g_ptr_array_add (ctas, eyl_element_ref (g_ptr_array_index (all, i)));
  return ctas;
}

typedef struct
{
  char    *domain;
  guint    count;   /* how often the page gives it */
  double   size;    /* its largest type */
  gboolean pointed; /* a call to action points to it */
} Vote;

static void
vote_clear (gpointer data)
{
  g_clear_pointer (&((Vote *) data)->domain, g_free);
}

/* Without a kit's domain: the one the page gives most weight — its name
 * written out as the brand's (+3 in display type, +1 as a heading, +5 for
 * a kit's name), repeated (+1 each time, a handle in its name too), in
 * the largest type (+2 for the largest), where a call to action points
 * (+2).  Addresses that are someone else's by the words
 * around them do not vote, but when there are no others, one in body
 * type does; NULL when nothing votes. */
static char *
infer_brand_domain (const EylPageData *page,
                    EylBrandKit       *kit,
                    GPtrArray         *elements,
                    const Theirs      *theirs,
                    guint              n)
{
  g_autoptr(GArray) votes = g_array_new (FALSE, TRUE, sizeof (Vote));
  g_autoptr(GPtrArray) ctas = page_ctas (page, elements);
  g_autofree char *best = NULL;
  double           best_score = -1, max_size = 0;
  double           median = eyl_detect_median_font_size (page);
  gboolean         lenient = TRUE;

  /* When every address is someone else's by its words, one in body type
   * or larger still votes: the page's only web address next to "Design"
   * may be a design studio's own. */
  for (guint i = 0; i < n; i++)
    if (theirs[i] == THEIRS_NONE || theirs[i] == THEIRS_SMALL)
      {
        g_autofree char *domain = own_domain (g_ptr_array_index (elements, i));

        lenient &= domain == NULL;
      }

  g_array_set_clear_func (votes, vote_clear);
  for (guint i = 0; i < n; i++)
    {
      EylElement      *element = g_ptr_array_index (elements, i);
      g_autofree char *domain = own_domain (element);
      Vote            *vote = NULL;

      if (domain == NULL ||
          (theirs[i] != THEIRS_NONE && theirs[i] != THEIRS_SMALL &&
           !(lenient && element->font_size >= median)))
        continue;
      for (guint k = 0; k < votes->len && vote == NULL; k++)
        if (g_str_equal (g_array_index (votes, Vote, k).domain, domain))
          vote = &g_array_index (votes, Vote, k);
      if (vote == NULL)
        {
          Vote v = { g_steal_pointer (&domain), 0, 0, FALSE };

          g_array_append_val (votes, v);
          vote = &g_array_index (votes, Vote, votes->len - 1);
        }
      vote->count++;
      vote->size = MAX (vote->size, type_size (element));
      vote->pointed |= pointed_at (ctas, element);
      max_size = MAX (max_size, vote->size);
    }

  /* A handle or profile in the domain's name is one more time the page
   * gives it ("@FreifunkHB" for freifunk.net). */
  for (guint i = 0; i < n; i++)
    {
      EylElement      *element = g_ptr_array_index (elements, i);
      g_autofree char *owner = NULL;

      if (element->kind != EYL_ELEMENT_SOCIAL || theirs[i] != THEIRS_NONE ||
          (owner = social_owner (element)) == NULL)
        continue;
      for (guint k = 0; k < votes->len; k++)
        {
          Vote *vote = &g_array_index (votes, Vote, k);
          g_autoptr(GPtrArray) labels = domain_labels (vote->domain);

          if (labels->len > 0 && strlen (g_ptr_array_index (labels, 0)) >= 4 &&
              strstr (owner, g_ptr_array_index (labels, 0)) != NULL)
            vote->count++;
        }
    }

  for (guint k = 0; k < votes->len; k++)
    {
      Vote  *vote = &g_array_index (votes, Vote, k);
      double score = vote->count + (max_size > 0 ? 2 * vote->size / max_size : 0) +
                     (vote->pointed ? 2 : 0) +
                     (domain_spells_kit_name (kit, vote->domain) ? 5 : domain_named (page, elements, vote->domain));

      g_debug ("brand domain %s: %.2f", vote->domain, score);
      if (score > best_score)
        {
          best_score = score;
          g_free (best);
          best = g_strdup (vote->domain);
        }
    }
  return g_steal_pointer (&best);
}

/* Marking */

/* Lower-case words that name the brand: the labels of its domain, the
 * kit's names, the brand names found on the page. */
static GPtrArray *
brand_words (const char  *brand_domain,
             EylBrandKit *kit,
             GPtrArray   *elements)
{
  GPtrArray *words = brand_domain != NULL ? domain_labels (brand_domain)
                                          : g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; kit != NULL && kit->names[i] != NULL; i++)
    g_ptr_array_add (words, g_utf8_strdown (kit->names[i], -1));
  for (guint i = 0; i < elements->len; i++)
    {
      EylElement *element = g_ptr_array_index (elements, i);

      if (element->kind == EYL_ELEMENT_BRAND_NAME)
        g_ptr_array_add (words, g_utf8_strdown (element->text, -1));
    }
  return words;
}

/* @element is one of the brand's own ways to be reached. */
static gboolean
is_brands (const EylElement *element,
           const char       *brand_domain,
           GPtrArray        *words)
{
  g_autofree char *domain = NULL;
  g_autofree char *owner = NULL;

  if (element->kind == EYL_ELEMENT_URL || element->kind == EYL_ELEMENT_EMAIL)
    {
      domain = eyl_detect_domain_of (element->text);
      if (domain != NULL && !is_mail_provider (domain))
        return brand_domain != NULL && g_str_equal (domain, brand_domain);
      /* A mailbox at a provider: the brand's when its name says so. */
      owner = g_utf8_strdown (element->text, strcspn (element->text, "@"));
    }
  else if (element->kind == EYL_ELEMENT_SOCIAL)
    owner = social_owner (element);
  else
    return FALSE; /* a phone, an address: nothing says whose */

  for (guint i = 0; owner != NULL && i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);

      if (strlen (word) >= 4 && strlen (owner) >= 4 &&
          (strstr (owner, word) != NULL || strstr (word, owner) != NULL))
        return TRUE;
    }
  return FALSE;
}

/* Marks the contacts among the first @n elements that are someone else's:
 * web addresses and emails become other_url, every one gets third_party.
 * A page is never left without a contact only because the others look
 * like a sponsor's or a speaker's: then they stay as they are (the
 * brand's own contact would have been among them). */
static void
label_third_party (EylBrandKit  *kit,
                   GPtrArray    *elements,
                   const Theirs *theirs,
                   guint         n,
                   const char   *brand_domain)
{
  g_autoptr(GPtrArray) words = brand_words (brand_domain, kit, elements);
  g_autofree EylElementKind *was = g_new0 (EylElementKind, n + 1);
  guint                      kept = 0;

  for (guint i = 0; i < n; i++)
    {
      EylElement *element = g_ptr_array_index (elements, i);

      was[i] = element->kind;
      if (!eyl_element_kind_is_contact (element->kind) || element->kind == EYL_ELEMENT_QR)
        continue;
      if (theirs[i] == THEIRS_NONE || is_brands (element, brand_domain, words))
        {
          kept++;
          continue;
        }

      g_debug ("%s: not the brand's (%s), reason %d", element->text,
               brand_domain != NULL ? brand_domain : "unknown", theirs[i]);
      element->third_party = TRUE;
      if (element->kind == EYL_ELEMENT_URL || element->kind == EYL_ELEMENT_EMAIL ||
          (element->kind == EYL_ELEMENT_SOCIAL && element->text[0] != '@' &&
           element->text[0] != '#'))
        element->kind = EYL_ELEMENT_OTHER_URL;
    }

  for (guint i = 0; kept == 0 && i < n; i++)
    {
      EylElement *element = g_ptr_array_index (elements, i);

      if (element->third_party && (theirs[i] == THEIRS_SPONSOR || theirs[i] == THEIRS_PERSON))
        {
          element->third_party = FALSE;
          element->kind = was[i];
        }
    }
}

gboolean
eyl_detect_brand_names (const EylPageData *page,
                        const char *const *names,
                        GPtrArray         *elements)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  gboolean named = FALSE;

  g_return_val_if_fail (page != NULL, FALSE);
  g_return_val_if_fail (elements != NULL, FALSE);

  /* Longest first, so "Northwind Tea" wins over "Northwind". */
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    g_ptr_array_add (sorted, (gpointer) names[i]);
  g_ptr_array_sort (sorted, compare_length_desc);
  for (guint i = 0; i < sorted->len; i++)
    if (add_word_matches (page, elements, g_ptr_array_index (sorted, i),
                          EYL_SOURCE_BRAND_KIT, 0.95) > 0)
      named = TRUE;
  return named;
}

void
eyl_detect_brand (const EylPageData *page,
                  EylBrandKit       *kit,
                  GPtrArray         *elements)
{
  g_autofree char   *brand_domain = NULL;
  g_autofree Theirs *theirs = NULL;
  gboolean           named = FALSE;
  guint              n;

  g_return_if_fail (page != NULL);
  g_return_if_fail (elements != NULL);

  n = elements->len;
  theirs = classify_contacts (page, elements, n);

  if (kit != NULL)
    {
      named = eyl_detect_brand_names (page, (const char *const *) kit->names, elements);
      confirm_kit_contacts (kit, elements);
      brand_domain = eyl_brand_kit_dup_domain (kit);
    }

  if (brand_domain == NULL)
    brand_domain = infer_brand_domain (page, kit, elements, theirs, n);

  if (brand_domain != NULL && !named && (kit == NULL || kit->names[0] == NULL))
    infer_brand_name (page, elements, brand_domain);

  label_third_party (kit, elements, theirs, n, brand_domain);
}
