/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-detect"

#include <string.h>

#include "eyl-detect-private.h"

/* The brand on the page: its names from the brand kit, or the name
 * inferred from the domain of its own website / email; then the web
 * addresses that are not the brand's (designer and photo credits). */

/* A URL in type smaller than this share of the page's median size is
 * small print (a credit line), not an address the brand wants read. */
#define SMALL_PRINT_RATIO 0.6

/* Mail providers say nothing about the brand's name. */
static const char * const mail_providers[] = {
  "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com",
  "icloud.com", "aol.com", "gmx.de", "gmx.net", "web.de", "t-online.de", "proton.me",
  "protonmail.com", "mail.com",
};

static GRegex *
credit_regex (void)
{
  static GRegex *regex;
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      /* Words that introduce a credit line, in the languages of the
       * corpus: "design by …", "photo: …", "Quelle: …", "printed by …". */
      regex = g_regex_new ("(*UCP)\\b(?:designed\\s+by|design(?:ed)?|layout|artwork|"
                           "photos?|photography|fotos?|bildnachweis|image|illustrations?|"
                           "credits?|source|quelle|printed\\s+by|print(?:ed)?\\s+and|"
                           "druck|gestaltung|made\\s+by|powered\\s+by)\\b",
                           G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&done, 1);
    }
  return regex;
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

static gboolean
is_mail_provider (const char *domain)
{
  for (guint i = 0; i < G_N_ELEMENTS (mail_providers); i++)
    if (g_str_equal (domain, mail_providers[i]))
      return TRUE;
  return FALSE;
}

/* The domain of the largest-type web address or email that is not a social
 * network or a mail provider. */
static char *
prominent_domain (GPtrArray *elements)
{
  g_autofree char *best = NULL;
  double best_size = -1;

  for (guint i = 0; i < elements->len; i++)
    {
      EylElement *element = g_ptr_array_index (elements, i);
      g_autofree char *domain = NULL;

      if (element->kind != EYL_ELEMENT_URL && element->kind != EYL_ELEMENT_EMAIL)
        continue;
      domain = eyl_detect_domain_of (element->text);
      if (domain == NULL || eyl_detect_is_social_domain (domain) || is_mail_provider (domain))
        continue;
      if (type_size (element) > best_size)
        {
          best_size = type_size (element);
          g_free (best);
          best = g_steal_pointer (&domain);
        }
    }

  return g_steal_pointer (&best);
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
 * any run of spaces) on every line and adds brand_name elements for the
 * prominent ones, outside contacts and existing brand names.  Returns how
 * many. */
static guint
add_word_matches (const EylPageData *page,
                  GPtrArray         *elements,
                  const char        *words,
                  EylSource          source,
                  double             confidence)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GString) pattern = g_string_new ("(*UCP)(?<![\\w])");
  g_auto(GStrv) parts = g_strsplit_set (words, " \t", -1);
  g_autoptr(GArray) found = NULL;
  const Candidate *biggest = NULL;
  guint n_prominent = 0;
  double median;
  gboolean first = TRUE;
  guint n = 0;

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
    return 0;
  g_string_append (pattern, "(?![\\w])");

  regex = g_regex_new (pattern->str, G_REGEX_CASELESS, 0, NULL);
  if (regex == NULL)
    return 0;

  found = g_array_new (FALSE, TRUE, sizeof (Candidate));
  g_array_set_clear_func (found, candidate_clear);
  median = eyl_detect_median_font_size (page);

  for (guint l = 0; l < page->lines->len; l++)
    {
      const EylTextLine *line = &g_array_index (page->lines, EylTextLine, l);
      g_autofree char *text = eyl_detect_line_text (page, l);
      g_autoptr(GMatchInfo) info = NULL;
      guint line_ink = 0;

      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        line_ink += g_unichar_isalnum (g_utf8_get_char (p)) ? 1 : 0;

      g_regex_match (regex, text, 0, &info);
      for (; g_match_info_matches (info); g_match_info_next (info, NULL))
        {
          g_autofree char *match = g_match_info_fetch (info, 0);
          Candidate c = { 0, };
          int s, e;
          guint ink = 0;

          g_match_info_fetch_pos (info, 0, &s, &e);
          c.start = line->start + g_utf8_pointer_to_offset (text, text + s);
          c.end = line->start + g_utf8_pointer_to_offset (text, text + e);
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
  const char *x = *(const char * const *) a;
  const char *y = *(const char * const *) b;

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
      guint letters = 0;

      for (const char *p = label; *p != '\0'; p++)
        letters += g_ascii_isalpha (*p) ? 1 : 0;
      if (letters < 3)
        g_ptr_array_remove_index (labels, i - 1);
    }
  g_ptr_array_sort (labels, compare_length_desc);
  return labels;
}

/* When no label is written out as a word, a word that starts the name
 * ("Galaxy" for galaxyproject.org) is a weaker guess. */
static char *
longest_prefix_word (const EylPageData *page,
                     GPtrArray         *elements,
                     const char        *label)
{
  g_autofree char *best = NULL;
  gsize label_len = strlen (label);

  for (guint l = 0; l < page->lines->len; l++)
    {
      g_autofree char *text = eyl_detect_line_text (page, l);
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

/* The text of the lines that @box touches, and of up to two lines just
 * above them: where "Design by" or "Photo:" would be written
 * ("CONCEPT & DESIGN / Get Interactive / www.getinteractive.nl"). */
static char *
text_around (const EylPageData *page,
             const EylRect     *box)
{
  GString *text = g_string_new (NULL);

  for (guint l = 0; l < page->lines->len; l++)
    {
      const EylTextLine *line = &g_array_index (page->lines, EylTextLine, l);
      guint first = l;

      if (eyl_detect_rect_overlap_area (&line->box, box) <= 0)
        continue;

      while (first > 0 && l - first < 2)
        {
          const EylTextLine *cur = &g_array_index (page->lines, EylTextLine, first);
          const EylTextLine *prev = &g_array_index (page->lines, EylTextLine, first - 1);
          double height = eyl_rect_height (&cur->box);

          if (!(cur->box.y0 - prev->box.y1 < height && cur->box.y0 >= prev->box.y0 &&
                prev->box.x0 < cur->box.x1 && cur->box.x0 < prev->box.x1))
            break;
          first--;
        }

      for (guint k = first; k <= l; k++)
        {
          g_autofree char *t = eyl_detect_line_text (page, k);
          g_string_append_printf (text, "%s\n", t);
        }
    }

  return g_string_free (text, FALSE);
}

static void
label_other_urls (const EylPageData *page,
                  GPtrArray         *elements,
                  const char        *brand_domain)
{
  double median = eyl_detect_median_font_size (page);

  for (guint i = 0; i < elements->len; i++)
    {
      EylElement *element = g_ptr_array_index (elements, i);
      g_autofree char *domain = NULL;
      g_autofree char *around = NULL;
      gboolean small;

      if (element->kind != EYL_ELEMENT_URL)
        continue;
      domain = eyl_detect_domain_of (element->text);
      if (domain == NULL || g_str_equal (domain, brand_domain))
        continue;

      small = element->font_size > 0 && median > 0 &&
              element->font_size < SMALL_PRINT_RATIO * median;
      around = text_around (page, &element->box);
      if (small || g_regex_match (credit_regex (), around, 0, NULL))
        {
          g_debug ("%s: not the brand's (%s), %s", element->text, brand_domain,
                   small ? "small print" : "a credit line");
          element->kind = EYL_ELEMENT_OTHER_URL;
        }
    }
}

void
eyl_detect_brand (const EylPageData *page,
                  EylBrandKit       *kit,
                  GPtrArray         *elements)
{
  g_autofree char *brand_domain = NULL;
  gboolean named = FALSE;

  g_return_if_fail (page != NULL);
  g_return_if_fail (elements != NULL);

  if (kit != NULL)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new ();

      /* Longest first, so "Northwind Tea" wins over "Northwind". */
      for (guint i = 0; kit->names[i] != NULL; i++)
        g_ptr_array_add (names, kit->names[i]);
      g_ptr_array_sort (names, compare_length_desc);
      for (guint i = 0; i < names->len; i++)
        if (add_word_matches (page, elements, g_ptr_array_index (names, i),
                              EYL_SOURCE_BRAND_KIT, 0.95) > 0)
          named = TRUE;

      confirm_kit_contacts (kit, elements);
      brand_domain = eyl_brand_kit_dup_domain (kit);
    }

  if (brand_domain == NULL)
    brand_domain = prominent_domain (elements);
  if (brand_domain == NULL)
    return;

  if (!named && (kit == NULL || kit->names[0] == NULL))
    infer_brand_name (page, elements, brand_domain);

  label_other_urls (page, elements, brand_domain);
}
