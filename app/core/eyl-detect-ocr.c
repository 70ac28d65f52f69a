/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-detect-ocr.c: text the text layer does not have, read with
 * Tesseract (C API, LSTM engine).
 *
 * Which pixels: every band of text-like ink the text layer does not
 * explain (its glyph boxes are masked), found on a grey plane as
 * connected components of ink (darker or lighter than the local mean)
 * that sit in a row: a band of similar heights whose width is several
 * times its height.  Bands are looked for at every size, on the analysis
 * raster and on its halvings, so the same line is found whatever the
 * raster's resolution.  A page without a text layer is first read whole
 * (the page pass; its bands alone when they cover little of it, see
 * BANDS_ONLY_COVER), the right way up (see page_turn); its bands then
 * get a second look where that read little.
 *
 * Resolution: Tesseract reads best with an x-height of about 20 px or more
 * (Tesseract FAQ, "Is there a Minimum / Maximum Text Size?": "accuracy
 * drops off below 10px x-height"; tessdoc ImproveQuality: "optimal …
 * x-height of at least 20 pixels").  The page pass is read at a scale
 * bounded by a pixel budget; each band is read at the scale that makes
 * its letters BAND_TARGET_PX tall — rendered again larger, or cut from
 * a finer image and made smaller.  The whole page is never rendered at
 * print resolution, and the work is bounded in pixels and renders, likely
 * contact lines first.
 *
 * What is read becomes a page of its own for the text detectors; what
 * they find there is kept only when Tesseract was sure enough of it and
 * it makes sense (see plausible()). */
#include "config.h"

#define G_LOG_DOMAIN "eyl-ocr"

#include <dlfcn.h>
#include <math.h>
#include <string.h>
#include <cairo.h>
#include <glib/gi18n.h>
#include <tesseract/capi.h>

#include "eyl-areas.h"
#include "eyl-detect-pixels.h"
#include "eyl-detect-private.h"
#include "eyl-phrases.h"
#include "eyl-render-cache.h"
#include "eyl-stage.h"

/* Page pass on a page with no text layer: at most this many pixels, and
 * no finer than 300 dpi (the resolution tessdoc ImproveQuality calls
 * best for body text), never coarser than the analysis raster.
 *
 * Its cost is not its pixels: Tesseract scales each line it lays out to
 * its network's input height, so most of the pass is reading lines
 * (layout was 110–320 ms of the corpus' 0.5–1.9 s passes), and fewer
 * pixels save little.  A scale picked from the page's own letters (their
 * median heights over its bands, weighted by letter count) was measured
 * on the corpus' 17 files without a text layer: 75 % of the letters at
 * 20 px or more took the passes from 8.8 to 8.3 s and the OCR stage not
 * at all (the letters made too small went to the second look), and
 * flyer-rdmo-postcard-back lost a finding; at 16 px
 * flyer-freifunk-myk-6page's "Wie kann ich mitmachen?" (letters of 23 px
 * at 288 dpi, 16 px at 200 dpi) read "ekanni mitmachen?", and its call
 * to action was lost.  The small pieces' text (flyers, labels, boxes:
 * letters of 3.6–7 pt) needs the 300 dpi it gets; the big pieces'
 * (flags, roll-ups, a backdrop: 20–70 pt) is already read at 25–60 dpi
 * within this budget.  What is worth saving is the lines of noise, where
 * the text-like bands cover little of the page (see BANDS_ONLY_COVER). */
#define PAGE_PASS_PIXELS  (8.0 * 1000 * 1000)
#define PAGE_PASS_MAX_PPT (300.0 / 72.0)
/* Band heights (ink of one row of letters, px): below BAND_SMALL_PX on
 * the page pass, a band is read again re-rendered so that it is
 * BAND_TARGET_PX tall (caps of ~30 px, x-height ~20 px, see above), at
 * most 600 dpi. */
#define BAND_SMALL_PX  18
#define BAND_TARGET_PX 32.0
#define BAND_MAX_PPT   (600.0 / 72.0)
/* Budgets per page: the issue's "bounded" OCR work, counted in pixels
 * read, never in time.  A page without a text layer: the page pass and
 * then a second look at the bands it did not read, likely contacts
 * first (most of the others are photos and patterns it rightly read as
 * nothing: 3 Mpx more, for the bands that look most like contacts (see
 * MIN_SECOND_LOOK), kept the corpus' recall at a fifth of the time 17 Mpx
 * for all took on flyer-freifunk-myk-6page). */
#define TOTAL_PIXELS (PAGE_PASS_PIXELS + 3.0 * 1000 * 1000)
/* A page with live text gets far less: its leftover ink is mostly photos,
 * maps and screenshots, and Tesseract spends ~1.4 s per Mpx on them
 * (flyer-osgeo-geoserver: 3.6 Mpx of map read at 600 ppi in 5 s).  An
 * outlined contact line is a band of well under 1 Mpx.  Half of this
 * kept the corpus' findings but lost 3 of the stress set's 384 lines. */
#define LIVE_TOTAL_PIXELS (1.5 * 1000 * 1000)
/* On a page without a text layer, a band the page pass did not read gets
 * a second look when it is at least this likely a contact line (short,
 * or at an edge beside an icon: see band_priority); a long line it did
 * not read is a pattern more often than text. */
#define MIN_SECOND_LOOK 2.0
/* A band the page pass read with words this sure on average (0 … 100) is
 * read; less, it gets a second look at the size that suits it (very big
 * letters read on the page pass came out "Frische Brötchen fut"). */
#define WELL_READ 85.0
/* A page pass that read at least NOISE_MIN_WORDS words of three letters
 * or digits or more (a row of dots reads as ".e.a...", which says
 * nothing), their letters less sure than this on average (0 … 100), read
 * a page whose text is not upright (flyer-freifunk-myk-6page's inside,
 * printed upside down: 303 such words at 26 %) or that has none
 * (flyer-osgeo-brochure's map page: 31 at 35 %); the corpus' pages with
 * upright text read at 58 % and more.  Its bands get no second look:
 * read closer, they were as much noise (about 4 s of the two pages' 10 s,
 * nothing found). */
#define NOISE_MIN_WORDS       20
#define NOISE_MEAN_CONFIDENCE 45.0
#define REGION_PIXELS         (4.0 * 1000 * 1000)
#define MAX_RENDERS           6
/* A region is cut from the scan image when that has at least
 * SHARED_ENOUGH of the scale it wants.  Renders are shared by regions
 * (see plan_regions) up to MAX_SHARED_PIXELS (64 MB of RGB); a render
 * costs about as much as this many pixels more than its own, plus the
 * pixels of the page's images. */
#define MAX_SHARED_PIXELS  (16.0 * 1000 * 1000)
#define RENDER_COST_PIXELS (6.0 * 1000 * 1000)
#define SHARED_ENOUGH      0.7
/* Regions are merged up to this size. */
#define MERGED_PIXELS (1.0 * 1000 * 1000)
/* Without a renderer (tests) a region is upscaled from the raster, by at
 * most this factor (more invents nothing). */
#define MAX_UPSCALE 4.0
/* Ink: at least this many grey levels from the local mean (a window of
 * 2·MEAN_RADIUS+1 px).  Print text is well above it; photo grain mostly
 * below. */
#define INK_THRESHOLD 48
#define MEAN_RADIUS   20
/* Words Tesseract is less sure of than this (0 … 100) are noise: on
 * photos and graphics it reads shapes as short low-confidence words.
 * They are kept only where, alone or with their neighbours, they spell
 * an email or a web address with a real top-level domain: Tesseract
 * gives some clear addresses little confidence (a monospace face's
 * "team@solaria. energy" got 9). */
#define MIN_WORD_CONFIDENCE 45.0f
/* An element read from so unsure words (detector × OCR confidence) is
 * more likely a texture read as letters: the corpus' photos and emblems
 * gave "Wa", "poh", "BS wes ar" at 0.3–0.48, real text 0.58 and up. */
#define MIN_ELEMENT_CONFIDENCE 0.5
/* Words passed on as read text (see eyl_detect_ocr's @read): surer than
 * the noise above, so that a texture read as letters still counts as a
 * picture. */
#define READ_WORD_CONFIDENCE 70.0f
/* A headline or call to action from OCR: words this sure (0 … 100) on
 * average.  The corpus' and the stress set's junk headlines ("NUT", "be
 * 9", "DO)", "ajje any pun") were read at 45–82, real ones at 88 and up. */
#define MIN_HEADLINE_CONFIDENCE 85.0
/* A handle from OCR with no network named beside it: its '@' or '#' and
 * its letters this sure.  On the corpus and the stress set, real handles
 * had an '@' of 98.1–99 % and letters of 79 % or more; most logos read as
 * a handle ("@Gridcoin", "@yagens") 93.5–96.6 % and 55–67 %.  Not all: a
 * mark beside a wordmark can be read as a sure '@' ("@ agens", 98.7 %),
 * which is why "@" is never joined to the word after it (Tesseract's
 * space there is the gap between a logo's mark and its name). */
#define MIN_SIGN_CONFIDENCE   97.5
#define MIN_HANDLE_CONFIDENCE 70.0
/* A phone number from OCR: its digits this sure (the corpus' only junk
 * one, "444444 4747" from a pattern, had 56 %). */
#define MIN_PHONE_CONFIDENCE 60.0
/* The confidence an email or web address with a real domain keeps
 * however unsure Tesseract was of its words. */
#define VALIDATED_CONFIDENCE 0.7

/* Languages used when none are asked for, those of them installed:
 * German and English (what the corpus and the users need, installed by
 * install-deps.sh), then the other languages of trade-show Europe when
 * their packs are there.  The first is the one Tesseract reads with, the
 * others are tried on words it is unsure of: with English first,
 * "Brötchen" came out "Brotchen", while German first reads the English
 * of the corpus and the stress set as well.  Each language costs time: a
 * user with many packs can name the ones wanted (--ocr-languages). */
static const char *const default_languages[] = { "deu", "eng", "fra", "nld", "ita", "spa" };

typedef struct
{
  char    *text;
  EylRect  box;             /* page space */
  EylRect  upright;         /* the box on the page turned upright (see
                             * page_turn): the order of reading */
  double   cap_height;      /* pt, 0 unknown: baseline to top of the ink */
  gboolean has_cap;         /* the word has a capital, digit or ascender */
  float    confidence;      /* 0 … 100 */
  float    sign_confidence; /* of its '@' or '#' (the least sure), −1 none */
  gboolean weak;            /* confidence under MIN_WORD_CONFIDENCE */
  guint    line;            /* unique per text line over the whole page */
  gboolean turned;          /* read from a line set turned by 90° */
} Word;

static void
word_clear (gpointer data)
{
  Word *word = data;

  g_free (word->text);
}

/* How much a read word is worth: its letters times Tesseract's
 * confidence (words it is unsure of count for nothing). */
static double
word_score (const Word *w)
{
  return w->weak ? 0 : w->confidence * g_utf8_strlen (w->text, -1);
}

typedef struct
{
  const EylRenderer *renderer;
  const EylPageData *live;      /* the page, when it has live text */
  const char        *languages; /* what the engine reads */
  GPtrArray         *warnings;
  TessBaseAPI       *api;       /* taken at the first read (see ocr_engine) */
  gboolean           no_engine; /* it could not start */
  GArray            *words;     /* Word */
  guint              next_line;
  double             pixels;      /* OCR pixels spent */
  double             budget;      /* pixels it may spend on regions */
  guint              regions;     /* read */
  guint              renders;     /* of parts of the page */
  guint              skipped;     /* regions past the budget */
  double             image_px;    /* pixels of the page's images */
  double             render_cost; /* what a render costs beyond its pixels, px */
  guint              turned_read; /* words read from turned lines */
  EylRect            page_area;   /* what the page pass covers, pt */
  int                turn;        /* quarter turns clockwise that make the
                                   * page upright, 0 … 3 (see page_turn) */
} Ocr;

/* ------------------------------------------------------------------ */
/* Languages */

static const char *
tessdata_dir (void)
{
  static const char *found = NULL;
  static gsize       once = 0;

  if (g_once_init_enter (&once))
    {
      const char *prefix = g_getenv ("TESSDATA_PREFIX");
      const char *candidates[] = {
        prefix,
        NULL, /* prefix/tessdata, filled below */
        "/usr/share/tesseract-ocr/5/tessdata",
        "/usr/share/tesseract-ocr/4.00/tessdata",
        "/usr/share/tessdata",
        "/usr/local/share/tessdata",
      };
      g_autofree char *sub = prefix != NULL ? g_build_filename (prefix, "tessdata", NULL) : NULL;

      candidates[1] = sub;
      for (guint i = 0; i < G_N_ELEMENTS (candidates) && found == NULL; i++)
        {
          g_autofree char *eng = NULL;

          if (candidates[i] == NULL)
            continue;
          eng = g_build_filename (candidates[i], "eng.traineddata", NULL);
          if (g_file_test (eng, G_FILE_TEST_IS_REGULAR))
            found = g_intern_string (candidates[i]);
        }
      /* No eng: keep the first folder that exists for the other packs. */
      for (guint i = 0; i < G_N_ELEMENTS (candidates) && found == NULL; i++)
        if (candidates[i] != NULL && g_file_test (candidates[i], G_FILE_TEST_IS_DIR))
          found = g_intern_string (candidates[i]);
      g_once_init_leave (&once, 1);
    }

  return found;
}

static gboolean
language_installed (const char *lang)
{
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;

  if (tessdata_dir () == NULL)
    return FALSE;
  file = g_strconcat (lang, ".traineddata", NULL);
  path = g_build_filename (tessdata_dir (), file, NULL);
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static void
warn_missing (GPtrArray  *warnings,
              const char *lang)
{
  g_autofree char *package = g_ascii_strdown (lang, -1);

  if (warnings == NULL)
    return;
  /* Debian and Ubuntu name the packs tesseract-ocr-<code>, '_' → '-'. */
  g_strdelimit (package, "_", '-');
  g_ptr_array_add (warnings,
                   /* TRANSLATORS: %s is a Tesseract language code ("fra"),
                    * then the package to install ("tesseract-ocr-fra"). */
                   g_strdup_printf (_("OCR language '%s' is not installed (apt install tesseract-ocr-%s)."),
                                       lang, package));
}

/* "eng+deu" of the installed languages among those asked for (or the
 * defaults); NULL when none is installed.  Warns for each missing one. */
static char *
choose_languages (const char *asked,
                  GPtrArray  *warnings)
{
  g_autoptr(GPtrArray) use = g_ptr_array_new ();
  g_auto(GStrv) parts = NULL;

  if (asked != NULL && *asked != '\0')
    {
      parts = g_strsplit_set (asked, "+,: ", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          if (*parts[i] == '\0')
            continue;
          if (language_installed (parts[i]))
            g_ptr_array_add (use, parts[i]);
          else
            warn_missing (warnings, parts[i]);
        }
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (default_languages); i++)
        if (language_installed (default_languages[i]))
          g_ptr_array_add (use, (gpointer) default_languages[i]);
      if (use->len == 0)
        warn_missing (warnings, default_languages[0]);
    }

  if (use->len == 0)
    {
      if (warnings != NULL)
        g_ptr_array_add (warnings,
                         g_strdup (_("No OCR language is installed: text drawn as outlines or images was not read.")));
      return NULL;
    }

  g_ptr_array_add (use, NULL);
  return g_strjoinv ("+", (char **) use->pdata);
}

/* Tesseract's language codes and the ISO 639-1 names of the word lists
 * kept as data (data/<list>/<language>.txt): the function words of each
 * default language (articles, pronouns, prepositions, conjunctions, its
 * commonest short words), which tell a text's language from a few lines. */
static const struct
{
  const char *tesseract;
  const char *iso;
} list_languages[] = {
  { "deu", "de" },
  { "eng", "en" },
  { "fra", "fr" },
  { "nld", "nl" },
  { "ita", "it" },
  { "spa", "es" },
};

/* Whether @word is one of @words (EylPhrase, see eyl-phrases.h). */
static gboolean
phrase_listed (const GArray *words,
               const char   *word)
{
  for (guint i = 0; i < words->len; i++)
    if (strcmp (g_array_index (words, EylPhrase, i).text, word) == 0)
      return TRUE;
  return FALSE;
}

/* A page's text layer is in one language when this many of its words
 * are that language's function words, and at least PAGE_LANGUAGE_MARGIN
 * times as many as another language's.  The corpus' pages with a text
 * layer and sentences have 26–152 in their language and at most 12 in
 * another; labels, lists and short flyers have 0–11. */
#define PAGE_LANGUAGE_MIN_WORDS 8
#define PAGE_LANGUAGE_MARGIN    4.0

/* The language of @page's text layer among @languages ("deu+eng"), NULL
 * when it has too little text to tell, or mixes them.
 *
 * What OCR reads on a page with a text layer is the ink that layer does
 * not explain, set by the same hand in the same language: logos, outlined
 * lines, pictures of text.  Read in that language alone, it costs a
 * Tesseract with one language instead of two: Tesseract reads each line
 * in its first language and again in the others whenever it does not
 * accept one of its words (outside the dictionary and not read surely: a
 * web address, a number, noise), which is most lines of such ink.  On the
 * corpus' 44 files (one process each) the OCR stage took 29.3–29.6 CPU s
 * with deu+eng everywhere and 27.0–27.3 s with the language of the text
 * layer where it tells one (20 of the 43 pages with a text layer and ink
 * to read; a process then also initialises one language, ~50 ms, instead
 * of two, ~100 ms), with the same elements and findings. */
const char *
eyl_detect_ocr_page_language (const EylPageData *page,
                              const char        *languages)
{
  const GArray *words[G_N_ELEMENTS (list_languages)] = { NULL };
  guint         hits[G_N_ELEMENTS (list_languages)] = { 0 };
  g_auto(GStrv) langs = NULL;
  g_autofree char *lower = NULL;
  g_autoptr(GString) token = NULL;
  guint best = 0, second = 0;
  gint  best_i = -1;

  g_return_val_if_fail (page != NULL, NULL);
  g_return_val_if_fail (languages != NULL, NULL);

  if (page->text == NULL)
    return NULL;
  langs = g_strsplit (languages, "+", -1);
  for (guint i = 0; i < G_N_ELEMENTS (list_languages); i++)
    if (g_strv_contains ((const char *const *) langs, list_languages[i].tesseract))
      words[i] = eyl_phrases_get_language ("function-words", list_languages[i].iso);
  lower = g_utf8_strdown (page->text, -1);
  token = g_string_new (NULL);
  for (const char *p = lower;; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch != 0 && g_unichar_isalpha (ch))
        {
          g_string_append_unichar (token, ch);
          continue;
        }
      if (token->len > 0)
        for (guint i = 0; i < G_N_ELEMENTS (list_languages); i++)
          if (words[i] != NULL && phrase_listed (words[i], token->str))
            hits[i]++;
      g_string_truncate (token, 0);
      if (ch == 0)
        break;
    }

  for (guint i = 0; i < G_N_ELEMENTS (list_languages); i++)
    {
      if (words[i] == NULL)
        continue;
      if (hits[i] > best)
        {
          second = best;
          best = hits[i];
          best_i = (gint) i;
        }
      else if (hits[i] > second)
        second = hits[i];
    }
  g_debug ("page %u: %u function words of %s, %u of the next language", page->index, best,
           best_i >= 0 ? list_languages[best_i].tesseract : "none", second);
  if (best_i < 0 || best < PAGE_LANGUAGE_MIN_WORDS || best < PAGE_LANGUAGE_MARGIN * second)
    return NULL;
  return list_languages[best_i].tesseract;
}

/* ------------------------------------------------------------------ */
/* Text-like ink */

/* @src (@w × @h) turned 90° clockwise: @h wide, @w high. */
static guint8 *
turn_cw (const guint8 *src,
         int           w,
         int           h)
{
  guint8 *out = g_new (guint8, (gsize) w * h);

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      out[(gsize) x * h + (h - 1 - y)] = src[(gsize) y * w + x];
  return out;
}

/* @src (@w × @h) turned half a turn, in place. */
static void
turn_half (guint8 *src,
           int     w,
           int     h)
{
  gsize n = (gsize) w * h;

  for (gsize i = 0; i < n / 2; i++)
    {
      guint8 t = src[i];

      src[i] = src[n - 1 - i];
      src[n - 1 - i] = t;
    }
}

typedef struct
{
  int x0, y0, x1, y1; /* pixels, inclusive-exclusive */
  int count;
} Comp;

typedef struct
{
  int    x0, y0, x1, y1;
  double height; /* median component height, px */
  int    n;
  int    ink;     /* px of its length its components cover */
  int    wall_x0; /* graphics to the left end here, or -1 */
  int    wall_x1; /* graphics to the right start here, or G_MAXINT */
  int    rise;    /* pieces that reach well above the row's usual top */
  int    drop;    /* … well below its usual bottom (see ASCENT) */
  int    alike;   /* pieces of the shape of its median piece (see SAME_SHAPE) */
} Band;

static int
compare_comp_x (gconstpointer a,
                gconstpointer b)
{
  const Comp *p = a, *q = b;

  return p->x0 - q->x0;
}

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/* Connected components (8-connected, eyl_areas_find()) of the pixels of
 * @ink that are @value; keeps those that could be a letter, a word or a
 * run of small letters, in the order of their first pixel (row by row). */
static GArray *
find_components (const guint8 *ink,
                 int           w,
                 int           h,
                 guint8        value)
{
  GArray *comps = g_array_new (FALSE, FALSE, sizeof (Comp));
  g_autoptr(GArray) areas = eyl_areas_find (ink, w, h, value, TRUE);

  for (guint i = 0; i < areas->len; i++)
    {
      const EylArea *a = &g_array_index (areas, EylArea, i);
      Comp           c = { a->x0, a->y0, a->x1, a->y1, (int) a->count };
      int            cw = c.x1 - c.x0, ch = c.y1 - c.y0;
      double         fill = (double) c.count / ((double) cw * ch);

      /* A letter, or letters run together at low resolution: not a
       * dot of noise, not a tall block, not a solid bar or a frame. */
      if (ch < 3 || ch > h / 3 || cw > 60 * ch || (cw <= 2 && ch <= 4))
        continue;
      if (fill > 0.92 && cw > 2 * ch)
        continue;
      if (fill < 0.06)
        continue;
      g_array_append_val (comps, c);
    }

  return comps;
}

static void rows_of (GArray *comps,
                     GArray *members,
                     guint   depth,
                     GArray *walls,
                     GArray *bands,
                     GArray *blobs);

/* Ink this much taller than the row's usual height (the median over its
 * columns of the height from its highest to its lowest ink: letters, as a
 * contact line spans more columns than the QR code or icon beside it)
 * is no letter of it: '(', 'j' and '@' are at most 1.8 times an
 * x-height. */
#define TALL_IN_ROW 2.2

/* The band of the components @members (indices into @comps): its box,
 * median height and count; or, when it is not text-like, a blob.  Ink of
 * @walls (left out of the row, see add_row) bounds how far its region
 * may reach to either side. */
/* A letter's ascender or a capital stands above the x-height by
 * 0.35–0.5 of it, a descender below the baseline by 0.3–0.45 (common
 * text faces); a piece that passes the row's median top or bottom by
 * this share of its median height does either. */
#define ASCENT 0.25
/* Two pieces of ink are of one shape when their widths, heights and ink
 * (pixel counts) differ by at most this share (at least a pixel of
 * width and height, for antialiasing). */
#define SAME_SHAPE 0.15

static void
add_band (GArray *comps,
          GArray *members,
          GArray *walls,
          GArray *bands,
          GArray *blobs)
{
  g_autoptr(GArray) heights = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) tops = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) bottoms = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) widths = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (int));
  Band band = { G_MAXINT, G_MAXINT, 0, 0, 0, 0, 0, -1, G_MAXINT, 0, 0, 0 };
  int  ink_end = G_MININT;

  for (guint k = 0; k < members->len; k++)
    {
      const Comp *c = &g_array_index (comps, Comp, g_array_index (members, guint, k));
      int         hc = c->y1 - c->y0;

      band.x0 = MIN (band.x0, c->x0);
      band.y0 = MIN (band.y0, c->y0);
      band.x1 = MAX (band.x1, c->x1);
      band.y1 = MAX (band.y1, c->y1);
      band.n++;
      /* Members come in the order of x0: the union of their spans. */
      band.ink += MAX (0, c->x1 - MAX (c->x0, ink_end));
      ink_end = MAX (ink_end, c->x1);
      int wc = c->x1 - c->x0;

      g_array_append_val (heights, hc);
      g_array_append_val (widths, wc);
      g_array_append_val (counts, c->count);
      g_array_append_val (tops, c->y0);
      g_array_append_val (bottoms, c->y1);
    }
  g_array_sort (heights, compare_int);
  band.height = g_array_index (heights, int, heights->len / 2);
  g_array_sort (tops, compare_int);
  g_array_sort (bottoms, compare_int);
  {
    int top = g_array_index (tops, int, tops->len / 2);
    int bottom = g_array_index (bottoms, int, bottoms->len / 2);

    for (guint k = 0; k < members->len; k++)
      {
        const Comp *c = &g_array_index (comps, Comp, g_array_index (members, guint, k));

        band.rise += c->y0 < top - ASCENT * band.height;
        band.drop += c->y1 > bottom + ASCENT * band.height;
      }
  }
  g_array_sort (widths, compare_int);
  g_array_sort (counts, compare_int);
  {
    int mw = g_array_index (widths, int, widths->len / 2), mc = g_array_index (counts, int, counts->len / 2);

    for (guint k = 0; k < members->len; k++)
      {
        const Comp *c = &g_array_index (comps, Comp, g_array_index (members, guint, k));

        band.alike += fabs ((double) (c->x1 - c->x0) - mw) <= MAX (1.0, SAME_SHAPE * mw) &&
                      fabs ((double) (c->y1 - c->y0) - band.height) <= MAX (1.0, SAME_SHAPE * band.height) &&
                      fabs ((double) c->count - mc) <= SAME_SHAPE * mc;
      }
  }

  /* Text: a row of several letters, or one long run of letters merged at
   * low resolution; not a block of small pieces many times taller than
   * they are (a QR code: a line of letters with ascenders and descenders
   * is at most about twice its median letter). */
  if (((band.n >= 3 && band.x1 - band.x0 >= 2 * band.height) ||
       (band.x1 - band.x0 >= 4 * band.height)) &&
      band.y1 - band.y0 <= 2.6 * band.height)
    {
      for (guint k = 0; walls != NULL && k < walls->len; k++)
        {
          const Comp *w = &g_array_index (walls, Comp, k);

          if (MIN (w->y1, band.y1) <= MAX (w->y0, band.y0))
            continue;
          if (w->x1 <= band.x0)
            band.wall_x0 = MAX (band.wall_x0, w->x1);
          else if (w->x0 >= band.x1)
            band.wall_x1 = MIN (band.wall_x1, w->x0);
        }
      g_array_append_val (bands, band);
    }
  else if (blobs != NULL && band.y1 - band.y0 >= 4 &&
           band.x1 - band.x0 <= 2 * (band.y1 - band.y0) &&
           band.y1 - band.y0 <= 2 * (band.x1 - band.x0))
    {
      Comp blob = { band.x0, band.y0, band.x1, band.y1, band.n };

      g_array_append_val (blobs, blob);
    }
}

/* Per column from @x0 on (@width of them): the height from the highest to
 * the lowest ink of @members there, 0 for none. */
static int *
column_extents (GArray *comps,
                GArray *members,
                int    *x0,
                int    *width)
{
  int             left = G_MAXINT, right = 0;
  g_autofree int *top = NULL;
  int            *extent;

  for (guint k = 0; k < members->len; k++)
    {
      const Comp *c = &g_array_index (comps, Comp, g_array_index (members, guint, k));

      left = MIN (left, c->x0);
      right = MAX (right, c->x1);
    }
  *x0 = left;
  *width = MAX (right - left, 0);
  top = g_new (int, MAX (*width, 1));
  extent = g_new0 (int, MAX (*width, 1));
  for (int x = 0; x < *width; x++)
    top[x] = G_MAXINT;
  for (guint k = 0; k < members->len; k++)
    {
      const Comp *c = &g_array_index (comps, Comp, g_array_index (members, guint, k));

      for (int x = c->x0; x < c->x1; x++)
        {
          top[x - left] = MIN (top[x - left], c->y0);
          /* extent holds the bottom until the end */
          extent[x - left] = MAX (extent[x - left], c->y1);
        }
    }
  for (int x = 0; x < *width; x++)
    extent[x] = top[x] < G_MAXINT ? extent[x] - top[x] : 0;
  return extent;
}

/* A row whose ink is far taller over some of its columns than over most
 * is a line of text beside graphics: a QR code, whose pieces the size of
 * letters join the row, an icon or a logo taller than the line.  The
 * components over those columns are taken out and the rest joined again;
 * what was taken out is a row (or a blob) of its own, and a wall the
 * line's region stops at, so that Tesseract does not read the graphics
 * as letters glued to the first word. */
static void
add_row (GArray *comps,
         GArray *members,
         guint   depth,
         GArray *walls,
         GArray *bands,
         GArray *blobs)
{
  g_autoptr(GArray) tall = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) rest = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) tall_comps = g_array_new (FALSE, FALSE, sizeof (Comp));
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree int *extent = NULL;
  int             x0, width;
  double          usual;

  extent = column_extents (comps, members, &x0, &width);
  for (int x = 0; x < width; x++)
    if (extent[x] > 0)
      g_array_append_val (sorted, extent[x]);
  g_array_sort (sorted, compare_int);
  usual = sorted->len > 0 ? g_array_index (sorted, int, sorted->len / 2) : 0;

  for (guint k = 0; k < members->len; k++)
    {
      guint       i = g_array_index (members, guint, k);
      const Comp *c = &g_array_index (comps, Comp, i);
      int         centre = (c->x0 + c->x1) / 2 - x0;

      if (depth < 3 && extent[centre] > TALL_IN_ROW * usual && extent[centre] > 3)
        {
          g_array_append_val (tall, i);
          g_array_append_val (tall_comps, *c);
        }
      else
        g_array_append_val (rest, i);
    }
  if (tall->len == 0 || rest->len == 0)
    {
      add_band (comps, members, walls, bands, blobs);
      return;
    }
  rows_of (comps, tall, depth + 1, walls, bands, blobs);
  rows_of (comps, rest, depth + 1, tall_comps, bands, blobs);
}

/* Joins @members (indices into @comps, in the order of x0) into rows:
 * similar heights, overlapping vertically, a gap of at most ~1.5 letter
 * heights (a word space is ~0.3 em, generous letter-spacing on posters
 * more); each row goes on to add_row. */
static void
rows_of (GArray *comps,
         GArray *members,
         guint   depth,
         GArray *walls,
         GArray *bands,
         GArray *blobs)
{
  guint           n = members->len;
  g_autofree int *parent = g_new (int, MAX (n, 1));
  g_autofree int *root_row = g_new (int, MAX (n, 1));
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint i = 0; i < n; i++)
    parent[i] = i;

  for (guint i = 0; i < n; i++)
    {
      const Comp *a = &g_array_index (comps, Comp, g_array_index (members, guint, i));
      int         ha = a->y1 - a->y0;

      for (guint j = i + 1; j < n; j++)
        {
          const Comp *b = &g_array_index (comps, Comp, g_array_index (members, guint, j));
          int         hb = b->y1 - b->y0;
          int         hmax = MAX (ha, hb), hmin = MIN (ha, hb);
          int         overlap = MIN (a->y1, b->y1) - MAX (a->y0, b->y0);

          if (b->x0 > a->x1 + 2 * hmax + 2)
            {
              /* Sorted by x0: later ones start further right, but a wide
               * one may still be close; stop only well past. */
              if (b->x0 > a->x1 + 2 * ha + 2 + 120)
                break;
              continue;
            }
          if (hmax > 3 * hmin || overlap < hmin / 2)
            continue;

          {
            int ra = i, rb = j;

            while (parent[ra] != ra)
              ra = parent[ra] = parent[parent[ra]];
            while (parent[rb] != rb)
              rb = parent[rb] = parent[parent[rb]];
            if (ra != rb)
              parent[MAX (ra, rb)] = MIN (ra, rb);
          }
        }
    }

  for (guint i = 0; i < n; i++)
    {
      int     r = i;
      GArray *row;

      while (parent[r] != r)
        r = parent[r];
      if ((guint) r == i)
        {
          root_row[i] = rows->len;
          g_ptr_array_add (rows, g_array_new (FALSE, FALSE, sizeof (guint)));
        }
      row = g_ptr_array_index (rows, root_row[r]);
      g_array_append_val (row, g_array_index (members, guint, i));
    }

  for (guint r = 0; r < rows->len; r++)
    add_row (comps, g_ptr_array_index (rows, r), depth, walls, bands, blobs);
}

/* The window sums below run over whole rows of pixels in chunks of
 * INK_CHUNK, each chunk a loop of fixed length over pointers that do not
 * alias, which the compiler turns into vector code at -O2 (a row of
 * bytes could otherwise alias the sums).  Measured on a 2480 × 3508
 * page: 30 ms for the ink marks before, 12 ms so. */
#define INK_CHUNK 16

/* @in (a row of @w px) added to the column sums @column, or taken off
 * them; inlined with @add constant. */
static inline void
column_update (guint32 *restrict column,
               const guint8 *restrict in,
               int      w,
               gboolean add)
{
  int x = 0;

  for (; x + INK_CHUNK <= w; x += INK_CHUNK)
    for (int k = 0; k < INK_CHUNK; k++)
      column[x + k] = add ? column[x + k] + in[x + k] : column[x + k] - in[x + k];
  for (; x < w; x++)
    column[x] = add ? column[x] + in[x] : column[x] - in[x];
}

/* 1 for dark ink, 2 for light ink, 0 for neither: a pixel of grey @g in
 * a window of @area pixels summing to @s.  The local mean is the sum
 * over the area, rounded down: g < mean − T is (g + T + 1) · area ≤ sum,
 * and g > mean + T is sum < (g − T) · area. */
static inline guint8
ink_mark (int g,
          int s,
          int area)
{
  return (g + INK_THRESHOLD + 1) * area <= s ? 1 : s < (g - INK_THRESHOLD) * area ? 2
                                                                                  : 0;
}

/* The marks of one row (@row, @w px) whose window spans @rows rows, from
 * @prefix, the running sum of their column sums; 0 where @mask_row is
 * set.  Windows that lie wholly inside the row share one area. */
static void
mark_ink_row (guint8 *restrict out,
              const guint8 *restrict row,
              const guint32 *restrict prefix,
              const guint8 *restrict mask_row,
              int w,
              int rows)
{
  int inner0 = MIN (MEAN_RADIUS, w), inner1 = MAX (inner0, w - MEAN_RADIUS - 1);
  int area = (2 * MEAN_RADIUS + 1) * rows;
  int x;

  for (x = 0; x < inner0; x++)
    {
      int x1 = MIN (w, x + MEAN_RADIUS + 1);

      out[x] = ink_mark (row[x], (int) prefix[x1], x1 * rows);
    }
  for (; x + INK_CHUNK <= inner1; x += INK_CHUNK)
    for (int k = 0; k < INK_CHUNK; k++)
      out[x + k] = ink_mark (row[x + k], (int) (prefix[x + k + MEAN_RADIUS + 1] - prefix[x + k - MEAN_RADIUS]),
                             area);
  for (; x < w; x++)
    {
      int x0 = MAX (0, x - MEAN_RADIUS), x1 = MIN (w, x + MEAN_RADIUS + 1);

      out[x] = ink_mark (row[x], (int) (prefix[x1] - prefix[x0]), (x1 - x0) * rows);
    }
  if (mask_row == NULL)
    return;
  for (x = 0; x + INK_CHUNK <= w; x += INK_CHUNK)
    for (int k = 0; k < INK_CHUNK; k++)
      out[x + k] = mask_row[x + k] ? 0 : out[x + k];
  for (; x < w; x++)
    out[x] = mask_row[x] ? 0 : out[x];
}

/* Ink bands: rows of components of similar height, close together.
 * Compact components that are in no band (an icon, a QR code, a logo)
 * are added to @blobs: they tell where a contact line may be. */
static GArray *
find_bands (const guint8 *gray,
            int           w,
            int           h,
            const guint8 *mask,
            GArray       *blobs)
{
  g_autofree guint32 *column = g_new0 (guint32, MAX (w, 1));
  g_autofree guint32 *prefix = g_new (guint32, w + 1);
  g_autofree guint8  *ink = g_malloc ((gsize) w * h);
  g_autoptr(GArray) comps = NULL;
  g_autoptr(GArray) all = NULL;
  GArray *bands = g_array_new (FALSE, FALSE, sizeof (Band));

  /* One pass marks both: 1 dark ink on a light ground, 2 light ink on a
   * dark one (light-on-dark text, found as on the negative).  The window
   * sums come from a sliding sum per column over the window's rows and a
   * running sum along the row (a summed-area table kept two rows at a
   * time, Crow 1984, "Summed-area tables for texture mapping"). */
  prefix[0] = 0;
  for (int y = 0, added = 0, removed = 0; y < h; y++)
    {
      int y0 = MAX (0, y - MEAN_RADIUS), y1 = MIN (h, y + MEAN_RADIUS + 1);

      for (; added < y1; added++)
        column_update (column, gray + (gsize) added * w, w, TRUE);
      for (; removed < y0; removed++)
        column_update (column, gray + (gsize) removed * w, w, FALSE);
      for (int x = 0; x < w; x++)
        prefix[x + 1] = prefix[x] + column[x];
      mark_ink_row (ink + (gsize) y * w, gray + (gsize) y * w, prefix,
                    mask != NULL ? mask + (gsize) y * w : NULL, w, y1 - y0);
    }

  comps = find_components (ink, w, h, 1);
  {
    g_autoptr(GArray) light = find_components (ink, w, h, 2);

    g_array_append_vals (comps, light->data, light->len);
  }

  g_array_sort (comps, compare_comp_x);
  all = g_array_sized_new (FALSE, FALSE, sizeof (guint), comps->len);
  for (guint i = 0; i < comps->len; i++)
    g_array_append_val (all, i);
  rows_of (comps, all, 0, NULL, bands, blobs);

  return bands;
}

/* Bands whose letters are taller than this (median component, px) are
 * looked for on the next coarser level (see find_bands_all_sizes). */
#define LEVEL_MAX_BAND 28
/* Levels down to an image of this many pixels on its longer side. */
#define LEVEL_MIN_SIDE 400

/* One row of half_size(): from rows @a and @b (2 × @hw px), 2 × 2 pixels
 * averaged, or, unless @average, or-ed (a mask).  In chunks, as
 * column_update(). */
static inline void
half_row (guint8 *restrict out,
          const guint8 *restrict a,
          const guint8 *restrict b,
          int      hw,
          gboolean average)
{
  int x = 0;

  for (; x + INK_CHUNK <= hw; x += INK_CHUNK)
    for (int k = 0; k < INK_CHUNK; k++)
      {
        int i = 2 * (x + k);

        out[x + k] = average ? (a[i] + a[i + 1] + b[i] + b[i + 1] + 2) / 4 : a[i] | a[i + 1] | b[i] | b[i + 1];
      }
  for (; x < hw; x++)
    {
      int i = 2 * x;

      out[x] = average ? (a[i] + a[i + 1] + b[i] + b[i + 1] + 2) / 4 : a[i] | a[i + 1] | b[i] | b[i + 1];
    }
}

/* @gray (and @mask) at half the size, 2 × 2 pixels averaged (masked when
 * any was). */
static guint8 *
half_size (const guint8  *gray,
           int            w,
           int            h,
           const guint8 **mask)
{
  int     hw = w / 2, hh = h / 2;
  guint8 *half = g_malloc ((gsize) MAX (hw * hh, 1));
  guint8 *half_mask = *mask != NULL ? g_malloc ((gsize) MAX (hw * hh, 1)) : NULL;

  for (int y = 0; y < hh; y++)
    {
      const guint8 *a = gray + (gsize) (2 * y) * w;

      half_row (half + (gsize) y * hw, a, a + w, hw, TRUE);
      if (half_mask != NULL)
        {
          const guint8 *m = *mask + (gsize) (2 * y) * w;

          half_row (half_mask + (gsize) y * hw, m, m + w, hw, FALSE);
        }
    }
  *mask = half_mask;
  return half;
}

static void
scale_band (Band *band,
            int   f)
{
  band->x0 *= f;
  band->y0 *= f;
  band->x1 *= f;
  band->y1 *= f;
  band->height *= f;
  band->ink *= f;
  if (band->wall_x0 >= 0)
    band->wall_x0 *= f;
  if (band->wall_x1 < G_MAXINT)
    band->wall_x1 *= f;
}

/* Bands of text of any size.  The ink test compares a pixel with the mean
 * of a window of 2·MEAN_RADIUS+1 px, so letters much taller than that
 * fall apart into their edges; they are looked for on the image at half
 * the size, and so on.  Each level keeps the bands of letters up to
 * LEVEL_MAX_BAND px (the coarsest keeps all); where two levels found the
 * same line the finer one stays, and the few pieces a finer level makes
 * of big letters go.  The levels are halvings of the analysis raster, so
 * a finer raster (--raster-px-per-mm 4) finds what a coarser one does
 * and more, in pixels of the same size on its coarser levels.  Bands and
 * @blobs are in pixels of the full-size image. */
static GArray *
find_bands_all_sizes (const guint8 *gray,
                      int           w,
                      int           h,
                      const guint8 *mask,
                      GArray       *blobs)
{
  GArray *all = g_array_new (FALSE, FALSE, sizeof (Band));
  g_autoptr(GPtrArray) levels = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autofree guint8 *level_gray = NULL;
  g_autofree guint8 *level_mask = NULL;
  const guint8      *g = gray, *m = mask;
  int                lw = w, lh = h, f = 1;

  for (;;)
    {
      gboolean last = MAX (lw, lh) / 2 < LEVEL_MIN_SIDE;
      g_autoptr(GArray) level_blobs = g_array_new (FALSE, FALSE, sizeof (Comp));
      GArray *bands = find_bands (g, lw, lh, m, level_blobs);

      for (guint i = 0; i < bands->len; i++)
        {
          Band *band = &g_array_index (bands, Band, i);

          if (!last && band->height > LEVEL_MAX_BAND)
            g_array_remove_index_fast (bands, i--);
          else
            scale_band (band, f);
        }
      for (guint i = 0; i < level_blobs->len; i++)
        {
          Comp c = g_array_index (level_blobs, Comp, i);

          c.x0 *= f;
          c.y0 *= f;
          c.x1 *= f;
          c.y1 *= f;
          g_array_append_val (blobs, c);
        }
      g_ptr_array_add (levels, bands);
      if (last)
        break;

      {
        const guint8 *next_mask = m;
        guint8       *next = half_size (g, lw, lh, &next_mask);

        g_free (level_gray);
        g_free (level_mask);
        g = level_gray = next;
        m = level_mask = (guint8 *) next_mask;
        lw /= 2;
        lh /= 2;
        f *= 2;
      }
    }

  /* Coarse to fine: a finer level's band replaces the coarser band of the
   * same line; its few pieces of a coarser band's big letters go. */
  for (guint l = levels->len; l-- > 0;)
    {
      GArray *bands = g_ptr_array_index (levels, l);
      guint   coarser = all->len;

      for (guint i = 0; i < bands->len; i++)
        {
          const Band *fine = &g_array_index (bands, Band, i);
          EylRect     fine_box = { fine->x0, fine->y0, fine->x1, fine->y1 };
          gboolean    keep = TRUE;

          for (guint j = 0; j < coarser && keep; j++)
            {
              Band   *coarse = &g_array_index (all, Band, j);
              EylRect coarse_box = { coarse->x0, coarse->y0, coarse->x1, coarse->y1 };

              if (coarse->n == 0 || eyl_detect_rect_coverage (&fine_box, &coarse_box) < 0.5)
                continue;
              if (fine->height >= 0.6 * coarse->height)
                coarse->n = 0; /* the same line: dropped below */
              else if (fine->n <= 4)
                keep = FALSE;
            }
          if (keep)
            g_array_append_val (all, *fine);
        }
    }
  for (guint i = all->len; i-- > 0;)
    if (g_array_index (all, Band, i).n == 0)
      g_array_remove_index (all, i);
  return all;
}

/* The text-like ink of @gray (@w × @h) turned half a turn: the rows of
 * a page printed upside down, looked for the right way up (its letters'
 * dots and descenders then fall where the row search expects them), in
 * pixels of @gray as it lies. */
static GArray *
find_bands_upside_down (const guint8 *gray,
                        int           w,
                        int           h,
                        GArray       *blobs)
{
  g_autofree guint8 *turned = g_memdup2 (gray, (gsize) w * h);
  guint              from = blobs->len;
  GArray            *bands;

  turn_half (turned, w, h);
  bands = find_bands_all_sizes (turned, w, h, NULL, blobs);
  for (guint i = 0; i < bands->len; i++)
    {
      Band *b = &g_array_index (bands, Band, i);
      int   x0 = b->x0, y0 = b->y0, wall_x0 = b->wall_x0;

      b->x0 = w - b->x1, b->x1 = w - x0;
      b->y0 = h - b->y1, b->y1 = h - y0;
      b->wall_x0 = b->wall_x1 < G_MAXINT ? w - b->wall_x1 : -1;
      b->wall_x1 = wall_x0 >= 0 ? w - wall_x0 : G_MAXINT;
    }
  for (guint i = from; i < blobs->len; i++)
    {
      Comp *c = &g_array_index (blobs, Comp, i);
      int   x0 = c->x0, y0 = c->y0;

      c->x0 = w - c->x1, c->x1 = w - x0;
      c->y0 = h - c->y1, c->y1 = h - y0;
    }
  return bands;
}

/* ------------------------------------------------------------------ */
/* Tesseract */

/* Tesseract's LSTM runs its loops with OpenMP teams of a fixed size
 * (num_threads(4) clauses), whose idle threads spin and yield: on the
 * 2-core test machine a page took 5.3 s instead of 0.7 s with one thread
 * (measured on flyer-freifunk-myk-back), and the batch driver already runs
 * one worker per core.  tessdoc's FAQ advises OMP_THREAD_LIMIT=1 in that
 * case, but libgomp reads it when it is loaded, before main().  With a
 * max-active-levels of 0 every parallel region runs on its one calling
 * thread (OpenMP 5.0, 2.6.1 "Determining the Number of Threads for a
 * parallel Region"); nothing else in Eyeline uses OpenMP.  Looked up at
 * run time: libgomp is Tesseract's dependency, not ours, and absent from
 * builds without OpenMP. */
static void
limit_openmp_threads (void)
{
  void (*set_max_active_levels) (int) = NULL;

  *(void **) &set_max_active_levels = dlsym (RTLD_DEFAULT, "omp_set_max_active_levels");
  if (set_max_active_levels != NULL)
    set_max_active_levels (0);
}

/* Long-lived engines.  Initialising Tesseract loads its language models
 * (~0.1 s CPU for deu+eng, ~55 ms for one language, ~45 ms for osd):
 * once per process, not once per page.  About 80 % of an init is not the
 * models but Tesseract's table of universal character ambiguities
 * (UnicharAmbigs::LoadUniversal, sorted list inserts), built for each
 * language loaded, LSTM-only models too, though only the legacy engine
 * consults it; no parameter skips it.  Measured over the corpus' 44
 * files, one process each: 55 inits took 4.7 s CPU of the OCR stage's
 * 21 s, the reads 14 s, orientation detection 0.4 s, our band finding
 * (both directions) 0.7 s.  An engine is taken from the pool for one
 * page and given back after it, so that a process analysing pages on
 * several threads (the window) never shares one; the pool keeps them,
 * per language set, for as long as the process lives. */
static GMutex      engines_lock;
static GHashTable *idle_engines;   /* languages → GPtrArray of TessBaseAPI */
static gint        n_engine_inits; /* atomic */
static gint        n_reads;        /* atomic */
static gint        n_turned_reads; /* atomic */
static gint        n_orientations; /* atomic */

/* Tesseract's debug_file is a setting of the process (a static of its
 * tprintf.cpp), not of an engine: set through each new engine after its
 * init, it was written while engines on other threads read it for their
 * messages.  Set once, before the first engine starts, through an engine
 * not initialised (TessBaseAPI::SetVariable makes its settings then):
 * about 2 ms CPU once, beside an init's 45-100 ms.  The first engine's
 * own messages (a language that does not load) now go there too, as
 * those of every later engine did; its warning says so in the report. */
static void
quiet_tesseract (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      TessBaseAPI *api = TessBaseAPICreate ();

      TessBaseAPISetVariable (api, "debug_file", "/dev/null");
      TessBaseAPIDelete (api);
      g_once_init_leave (&done, 1);
    }
}

static TessBaseAPI *
engine_take (const char *languages,
             GPtrArray  *warnings)
{
  TessBaseAPI *api = NULL;
  GPtrArray   *idle;
  double       init_start;

  g_mutex_lock (&engines_lock);
  if (idle_engines == NULL)
    idle_engines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  idle = g_hash_table_lookup (idle_engines, languages);
  if (idle != NULL && idle->len > 0)
    api = g_ptr_array_steal_index_fast (idle, idle->len - 1);
  g_mutex_unlock (&engines_lock);
  /* On every thread that reads: the OpenMP setting is the thread's. */
  limit_openmp_threads ();
  if (api != NULL)
    return api;

  init_start = eyl_stage_thread_cpu_ms ();
  quiet_tesseract ();
  api = TessBaseAPICreate ();
  if (TessBaseAPIInit3 (api, tessdata_dir (), languages) != 0)
    {
      if (warnings != NULL)
        g_ptr_array_add (warnings,
                         /* TRANSLATORS: %s is a list of language codes, "eng+deu". */
                         g_strdup_printf (_("OCR could not start with the languages %s."), languages));
      TessBaseAPIDelete (api);
      return NULL;
    }
  /* No files written (an engine's own setting). */
  TessBaseAPISetVariable (api, "tessedit_write_images", "0");
  eyl_stage_count ("tesseract-inits");
  g_debug ("Tesseract initialised with %s (%d in this process), %.0f ms CPU", languages,
           g_atomic_int_add (&n_engine_inits, 1) + 1, eyl_stage_thread_cpu_ms () - init_start);
  return api;
}

/* Back to the pool, with nothing of the page kept: the adaptive
 * classifier of the legacy engine would otherwise learn from one page
 * for the next, and a file's results would depend on the files before. */
static void
engine_give_back (const char  *languages,
                  TessBaseAPI *api)
{
  GPtrArray *idle;

  TessBaseAPIClear (api);
  TessBaseAPIClearAdaptiveClassifier (api);
  g_mutex_lock (&engines_lock);
  idle = g_hash_table_lookup (idle_engines, languages);
  if (idle == NULL)
    {
      idle = g_ptr_array_new ();
      g_hash_table_insert (idle_engines, g_strdup (languages), idle);
    }
  g_ptr_array_add (idle, api);
  g_mutex_unlock (&engines_lock);
}

guint
eyl_detect_ocr_get_n_engine_inits (void)
{
  return (guint) g_atomic_int_get (&n_engine_inits);
}

guint
eyl_detect_ocr_get_n_reads (guint *turned)
{
  if (turned != NULL)
    *turned = (guint) g_atomic_int_get (&n_turned_reads);
  return (guint) g_atomic_int_get (&n_reads);
}

guint
eyl_detect_ocr_get_n_orientations (void)
{
  return (guint) g_atomic_int_get (&n_orientations);
}

/* How sure Tesseract is of the '@' or '#' of the word at @it (the least
 * sure of them), −1 when it has none: a handle read from a logo or a
 * swirl ("@Gride") owes its '@' to a shape, read with less confidence
 * than the letters around it. */
static float
sign_confidence (TessResultIterator *it)
{
  TessResultIterator *symbol = TessResultIteratorCopy (it);
  float               sign = -1;
  gboolean            last;

  do
    {
      const TessPageIterator *pit = TessResultIteratorGetPageIteratorConst (symbol);
      char                   *text = TessResultIteratorGetUTF8Text (symbol, RIL_SYMBOL);

      if (text != NULL && (g_str_equal (text, "@") || g_str_equal (text, "#")))
        {
          float c = TessResultIteratorConfidence (symbol, RIL_SYMBOL);

          sign = sign < 0 ? c : MIN (sign, c);
        }
      if (text != NULL)
        TessDeleteText (text);
      last = TessPageIteratorIsAtFinalElement (pit, RIL_WORD, RIL_SYMBOL);
    }
  while (!last && TessResultIteratorNext (symbol, RIL_SYMBOL));

  TessResultIteratorDelete (symbol);
  return sign;
}

/* The engine for @ocr's languages, taken from the pool when the page's
 * first read is made, not before: a page with a text layer whose
 * unexplained ink all turns out unreadable (no region left to read)
 * starts none (what an engine costs to start: see engine_take). */
static TessBaseAPI *
ocr_engine (Ocr *ocr)
{
  if (ocr->api == NULL && !ocr->no_engine)
    {
      ocr->api = engine_take (ocr->languages, ocr->warnings);
      ocr->no_engine = ocr->api == NULL;
    }
  return ocr->api;
}

/* Reads @gray (covering @area at @scale px/pt) and appends its words. */
static void
ocr_gray (Ocr            *ocr,
          const guint8   *gray,
          int             w,
          int             h,
          const EylRect  *area,
          double          scale,
          TessPageSegMode psm)
{
  TessResultIterator *it;
  int                 ppi = (int) lround (scale * 72.0);

  double start;

  if (ocr_engine (ocr) == NULL)
    return;
  start = eyl_stage_thread_cpu_ms ();
  ocr->pixels += (double) w * h;
  g_atomic_int_inc (&n_reads);
  eyl_stage_count ("tesseract-reads");
  TessBaseAPISetPageSegMode (ocr->api, psm);
  TessBaseAPISetImage (ocr->api, gray, w, h, 1, w);
  /* The true resolution: Tesseract otherwise guesses and says so. */
  TessBaseAPISetSourceResolution (ocr->api, CLAMP (ppi, 70, 2400));
  if (TessBaseAPIRecognize (ocr->api, NULL) != 0)
    {
      g_debug ("Tesseract could not read a %d × %d region", w, h);
      return;
    }

  it = TessBaseAPIGetIterator (ocr->api);
  if (it == NULL)
    return;

  do
    {
      const TessPageIterator *pit = TessResultIteratorGetPageIteratorConst (it);
      g_autofree char        *utf8 = NULL;
      char                   *raw;
      int                     left, top, right, bottom;
      int                     bx0, by0, bx1, by1;
      Word                    word = {
                           0,
      };
      gboolean any_alnum = FALSE;

      if (TessPageIteratorIsAtBeginningOf (pit, RIL_TEXTLINE))
        ocr->next_line++;

      raw = TessResultIteratorGetUTF8Text (it, RIL_WORD);
      if (raw == NULL)
        continue;
      utf8 = g_strdup (raw);
      TessDeleteText (raw);
      g_strstrip (utf8);
      if (*utf8 == '\0' ||
          !TessPageIteratorBoundingBox (pit, RIL_WORD, &left, &top, &right, &bottom))
        continue;

      word.confidence = TessResultIteratorConfidence (it, RIL_WORD);
      word.weak = word.confidence < MIN_WORD_CONFIDENCE;
      word.sign_confidence = sign_confidence (it);
      /* Letters or digits, or the '@' of "hello @ example.com". */
      for (const char *p = utf8; *p != '\0'; p = g_utf8_next_char (p))
        if (g_unichar_isalnum (g_utf8_get_char (p)) || *p == '@')
          any_alnum = TRUE;
      if (!any_alnum)
        continue;

      word.box = (EylRect) { area->x0 + left / scale, area->y0 + top / scale,
                             area->x0 + right / scale, area->y0 + bottom / scale };

      /* Cap height: baseline to the top of the ink, for a word with a
       * capital, a digit or an ascender (within ~5 % of the cap height
       * in common faces); else an x-height, scaled by 0.7 (the ratio
       * the builder also assumes). */
      for (const char *p = utf8; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar ch = g_utf8_get_char (p);

          if (g_unichar_isupper (ch) || g_unichar_isdigit (ch) || strchr ("bdfhklt", (int) ch) != NULL)
            word.has_cap = TRUE;
        }
      if (TessPageIteratorBaseline (pit, RIL_WORD, &bx0, &by0, &bx1, &by1))
        {
          double base = 0.5 * (by0 + by1);
          double ink = MAX (1.0, base - top);

          word.cap_height = (word.has_cap ? ink : ink / 0.7) / scale;
        }

      word.upright = word.box;
      word.text = g_steal_pointer (&utf8);
      word.line = ocr->next_line;
      g_array_append_val (ocr->words, word);
    }
  while (TessResultIteratorNext (it, RIL_WORD));

  TessResultIteratorDelete (it);
  g_debug ("OCR of %d × %d px at %d ppi, psm %d: %.0f ms CPU", w, h, ppi, (int) psm,
           eyl_stage_thread_cpu_ms () - start);
}

/* @box (page space) on the page (@page) turned @turn quarter turns
 * clockwise, relative to its top left corner. */
static EylRect
upright_box (const EylRect *box,
             const EylRect *page,
             int            turn)
{
  switch (turn)
    {
    case 1:
      return (EylRect) { page->y1 - box->y1, box->x0 - page->x0, page->y1 - box->y0, box->x1 - page->x0 };
    case 2:
      return (EylRect) { page->x1 - box->x1, page->y1 - box->y1, page->x1 - box->x0, page->y1 - box->y0 };
    case 3:
      return (EylRect) { box->y0 - page->y0, page->x1 - box->x1, box->y1 - page->y0, page->x1 - box->x0 };
    default:
      return *box;
    }
}

/* ocr_gray() on @gray turned @turn quarter turns clockwise (0 … 3): the
 * page read upright.  The words' boxes are turned back into page space;
 * their upright boxes keep the order they read in (see build_page). */
static void
ocr_gray_turned (Ocr            *ocr,
                 const guint8   *gray,
                 int             w,
                 int             h,
                 const EylRect  *area,
                 double          scale,
                 int             turn,
                 TessPageSegMode psm)
{
  g_autofree guint8 *turned = NULL;
  EylRect            origin = { 0, 0, 0, 0 };
  guint              from = ocr->words->len;

  if (turn == 0)
    {
      ocr_gray (ocr, gray, w, h, area, scale, psm);
      return;
    }
  if (turn == 2)
    {
      turned = g_memdup2 (gray, (gsize) w * h);
      turn_half (turned, w, h);
      ocr_gray (ocr, turned, w, h, &origin, scale, psm);
    }
  else
    {
      turned = turn_cw (gray, w, h);
      if (turn == 3)
        turn_half (turned, h, w);
      ocr_gray (ocr, turned, h, w, &origin, scale, psm);
    }

  for (guint i = from; i < ocr->words->len; i++)
    {
      Word *word = &g_array_index (ocr->words, Word, i);
      /* Pixels of the turned image. */
      double a0 = word->box.x0 * scale, a1 = word->box.x1 * scale;
      double b0 = word->box.y0 * scale, b1 = word->box.y1 * scale;
      double x0, y0, x1, y1;

      /* Pixels of @gray: turn_cw() puts its (x, y) at (h − y, x). */
      switch (turn)
        {
        case 1:
          x0 = b0, x1 = b1, y0 = h - a1, y1 = h - a0;
          break;
        case 2:
          x0 = w - a1, x1 = w - a0, y0 = h - b1, y1 = h - b0;
          break;
        default:
          x0 = w - b1, x1 = w - b0, y0 = a0, y1 = a1;
          break;
        }
      word->box = (EylRect) { area->x0 + x0 / scale, area->y0 + y0 / scale,
                              area->x0 + x1 / scale, area->y0 + y1 / scale };
      word->upright = upright_box (&word->box, &ocr->page_area, turn);
    }
}

/* @area of @source at @scale (at most MAX_UPSCALE times finer): a crop,
 * resampled bilinearly, or averaged when it is coarser than @source. */
static EylRaster *
crop_raster (const EylRaster *source,
             const EylRect   *area,
             double           scale)
{
  EylRaster *out;
  cairo_t   *cr;

  scale = MIN (scale, source->scale * MAX_UPSCALE);
  out = eyl_raster_new (area, scale);
  cr = eyl_raster_create_context (out);
  cairo_translate (cr, source->area.x0, source->area.y0);
  cairo_scale (cr, 1.0 / source->scale, 1.0 / source->scale);
  cairo_set_source_surface (cr, source->surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr),
                            scale < source->scale ? CAIRO_FILTER_GOOD : CAIRO_FILTER_BILINEAR);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (out->surface);
  return out;
}

/* Renders @area at @scale, or without a renderer crops the raster; NULL
 * when it cannot. */
static EylRaster *
render_area (Ocr             *ocr,
             const EylRaster *raster,
             const EylRect   *area,
             double           scale)
{
  EylRaster *out;
  g_autoptr(GError) error = NULL;

  if (ocr->renderer == NULL || ocr->renderer->render == NULL)
    return crop_raster (raster, area, scale);

  out = eyl_renderer_render (ocr->renderer, area, scale, &error);
  if (out == NULL)
    g_debug ("Could not render a region for OCR: %s", error->message);
  return out;
}

/* Paints the live glyphs over @gray (@raster's) in its most common grey:
 * a region cut around an outlined line may show the edge of a live line
 * next to it, which Tesseract would read into the line's words. */
static void
erase_live_text (const EylPageData *page,
                 const EylRaster   *raster,
                 guint8            *gray)
{
  gsize histogram[256] = {
    0,
  };
  gsize  n = (gsize) raster->width * raster->height;
  guint8 ground = 255;

  for (gsize i = 0; i < n; i++)
    histogram[gray[i]]++;
  for (guint v = 0; v < 256; v++)
    if (histogram[v] > histogram[ground])
      ground = v;

  for (guint i = 0; i < page->glyphs->len; i++)
    {
      const EylGlyph *glyph = &g_array_index (page->glyphs, EylGlyph, i);
      double          x0, y0, x1, y1;
      int             ix0, iy0, ix1, iy1;

      if (eyl_rect_is_empty (&glyph->box) || !eyl_rect_intersect (&glyph->box, &raster->area, NULL))
        continue;
      eyl_raster_page_to_pixel (raster, glyph->box.x0, glyph->box.y0, &x0, &y0);
      eyl_raster_page_to_pixel (raster, glyph->box.x1, glyph->box.y1, &x1, &y1);
      ix0 = CLAMP ((int) floor (x0), 0, raster->width);
      iy0 = CLAMP ((int) floor (y0), 0, raster->height);
      ix1 = CLAMP ((int) ceil (x1), 0, raster->width);
      iy1 = CLAMP ((int) ceil (y1), 0, raster->height);
      for (int y = iy0; y < iy1; y++)
        memset (gray + (gsize) y * raster->width + ix0, ground, ix1 - ix0);
    }
}

/* Reads @raster turned @turn quarter turns clockwise (see
 * ocr_gray_turned). */
static void
ocr_raster (Ocr             *ocr,
            const EylRaster *raster,
            int              turn,
            TessPageSegMode  psm)
{
  g_autofree guint8 *gray = eyl_raster_dup_gray (raster);

  if (ocr->live != NULL)
    erase_live_text (ocr->live, raster, gray);
  ocr_gray_turned (ocr, gray, raster->width, raster->height, &raster->area, raster->scale, turn, psm);
}

/* ------------------------------------------------------------------ */
/* Regions */

typedef struct
{
  EylRect  area;     /* page space */
  double   scale;    /* wanted px/pt */
  int      n;        /* ink components: how much it looks like text */
  double   priority; /* how likely a contact line: read first */
  gboolean planned;  /* within the budget */
  EylRect  wanted;   /* what its bands the page pass did not pass over
                      * (see bands_read) cover, page space; empty when
                      * none */
  guint    source;   /* 0: cut from the scan image, else render i − 1 */
} Region;

/* How much @band looks like a contact line, from its shape and place
 * alone (nothing is read yet): a contact is one short line (a web address
 * or phone number is 10–40 characters: 4–30 band heights long, a line of
 * body text 40–80), often near an edge of the piece (a footer, a
 * header strip, a side column) and often beside an icon or a QR code.
 * Contacts anywhere else are still read when the budget allows, after
 * these. */
static double
band_priority (const Band *band,
               int         w,
               int         h,
               GArray     *blobs)
{
  double length = (double) (band->x1 - band->x0) / MAX (band->height, 1.0);
  double edge_y = MIN (band->y0, h - band->y1) / (double) MAX (h, 1);
  double edge_x = MIN (band->x0, w - band->x1) / (double) MAX (w, 1);
  double priority = 0;

  if (length <= 30)
    priority += 2;
  else if (length <= 50)
    priority += 1;
  if (edge_y < 0.15)
    priority += 1.5;
  if (edge_x < 0.08)
    priority += 0.5;

  for (guint i = 0; blobs != NULL && i < blobs->len; i++)
    {
      const Comp *b = &g_array_index (blobs, Comp, i);
      int         bh = b->y1 - b->y0;
      int         gap = MAX (b->x0 - band->x1, band->x0 - b->x1);
      int         cy = (band->y0 + band->y1) / 2;

      /* As tall as the letters (an icon) up to a few lines (a QR code),
       * level with the line, within three letter heights of one end. */
      if (bh >= 0.8 * band->height && bh <= 10 * band->height &&
          cy >= b->y0 && cy <= b->y1 && gap >= 0 && gap <= 3 * band->height)
        {
          priority += 2;
          break;
        }
    }

  /* Among equals, more letters first. */
  return priority + MIN (band->n, 40) / 80.0;
}

/* A row of letters of BAND_SMALL_PX or more is a row of separate pieces
 * of ink, one a letter or less (a letter's dot, an accent, the parts of
 * '@'): a letter's advance is 0.5–1.2 times the height of the row's
 * median piece (a capital's height, or an x-height), the gap between
 * two letters a pixel or more at that size.  A band whose pieces are on
 * average longer than MERGED_PIECE times its height is ink run together:
 * a stripe, a wave, a pattern's cells; or letters joined (a script, type
 * set touching).  The corpus' and the stress set's text lines the page
 * pass passed over had pieces 0.45–0.6 times their height long; the
 * stripes and patterns it passed over, 3.9–57 (and a few small ones,
 * 1.0–1.8, read in a few ms). */
#define MERGED_PIECE 2.0

/* Per band of @image: TRUE when @words (read from @image) Tesseract is
 * sure of cover most of its ink, read well (WELL_READ).  Most of its ink,
 * not of its box: a row of headings across a folded flyer's panels is
 * one band with wide gaps, read whole by the page pass (read again, it
 * took 0.5 s on flyer-freifunk-myk-6page for the same words).
 *
 * *@passed_over: per band, whether it is ink the page pass passed over
 * that is no row of letters (see MERGED_PIECE): ink of the size
 * Tesseract reads best, in which it read no word at all, not even one it
 * was unsure of.  Either alone says little: the page pass does drop whole
 * lines of text (on a gradient, Tesseract's layout took two contact
 * lines of the OCR stress set for no text), and merged ink it read words
 * in may be a heading in a heavy face.  Together they are a stripe, a
 * wave, a pattern, a box's artwork: on the corpus' pages without a text
 * layer, leaving such ink out (see regions_of_bands) took the second
 * looks from 121 reads and 5.0 s of Tesseract to 100 and 2.8 s, with the
 * same elements (flyer-freifunk-myk-6page 2.1 -> 0.4 s: a heading row
 * that a stripe across the panels made a region of 3300 × 252 px, and
 * the stripes and patterns themselves). */
static gboolean *
bands_read (GArray          *bands,
            const EylRaster *image,
            GArray          *words,
            gboolean       **passed_over)
{
  gboolean *read = g_new0 (gboolean, MAX (bands->len, 1));

  *passed_over = g_new0 (gboolean, MAX (bands->len, 1));

  for (guint i = 0; i < bands->len; i++)
    {
      const Band *band = &g_array_index (bands, Band, i);
      double      pad = 0.3 * band->height, covered = 0, score = 0, letters = 0;
      guint       any = 0;
      EylRect     box;

      eyl_raster_pixel_to_page (image, band->x0 - pad, band->y0 - pad, &box.x0, &box.y0);
      eyl_raster_pixel_to_page (image, band->x1 + pad, band->y1 + pad, &box.x1, &box.y1);
      for (guint j = 0; j < words->len; j++)
        {
          const Word *w = &g_array_index (words, Word, j);

          if (!eyl_rect_contains_point (&box, 0.5 * (w->box.x0 + w->box.x1),
                                        0.5 * (w->box.y0 + w->box.y1)))
            continue;
          any++;
          if (!w->weak)
            {
              covered += eyl_rect_width (&w->box);
              score += word_score (w);
              letters += g_utf8_strlen (w->text, -1);
            }
        }
      read[i] = covered >= 0.6 * MIN (eyl_rect_width (&box), band->ink / image->scale) &&
                score >= WELL_READ * letters;
      (*passed_over)[i] = any == 0 && band->height >= BAND_SMALL_PX &&
                          band->x1 - band->x0 > MERGED_PIECE * band->n * band->height;
    }
  return read;
}

/* The photo test of a band: the ground its ink stands on.  Letters are
 * set on paper, a tint, a gradient or a picture kept calm behind them
 * (a designer's rule for legible text); the specks of a photo or a map
 * that the band finder takes for small letters (leaves, roofs, a map's
 * symbols and hatching) stand on more of the same.  The ground is the
 * band's pixels away from its ink, with the same ink test as the band
 * finder's on the level the band was found on (see
 * find_bands_all_sizes); its ripple is the upper quartile of the
 * differences between neighbours in a row: a quartile, as the edges of
 * light strokes the ink test leaves out may be some of the pairs, while
 * a photo's grain is all of them.  (Whether the components share a
 * baseline does not tell a photo's specks from letters: most such bands
 * are two or three specks, which share one by construction.) */

/* Letters stand out from their ground by at least this many times its
 * ripple; a band whose ink does not is specks of a picture.  Text
 * grounds, the OCR stress set's photo-like ones included, ripple by 0–4
 * under ink of at least the ink threshold (48 grey levels); the corpus'
 * aerial photos by 6–30, its maps by 13–57, under specks that barely
 * pass that threshold.  Relative to the ink's own contrast, not in grey
 * levels: letters in a picture compressed as a photo (a funder's logo
 * set in a JPEG, its ground rippling by 10 around the strokes) stand out
 * far more than that. */
#define GROUND_CONTRAST 8.0
/* A ground of fewer pairs than this is none to speak of: a band that is
 * solid ink (a QR code's modules, letters set tight at a few pixels) is
 * read as before. */
#define MIN_GROUND_PAIRS 16

/* The smallest value of a 256-bin histogram of @n counts at or above
 * which lie at least @num/@den of them. */
static guint
histogram_rank (const guint *histogram,
                guint        n,
                guint        num,
                guint        den)
{
  guint seen = 0;

  for (guint v = 0; v < 256; v++)
    {
      seen += histogram[v];
      if (den * seen >= num * n)
        return v;
    }
  return 255;
}

/* The ripple of @band's ground (see above) on @gray (@w × @h, the image
 * the band was found on), in grey levels; 0 when it has too little
 * ground to tell.  *@contrast: its ink's, in grey levels. */
static double
band_ground_ripple (const guint8 *gray,
                    int           w,
                    int           h,
                    const Band   *band,
                    double       *contrast)
{
  int                 f = 1, lw, lh, bx0, by0, bx1, by1, cx0, cy0, cw, ch, bw, bh;
  int                 n_dark = 0, n_light = 0;
  g_autofree guint8  *crop = NULL;
  g_autofree guint32 *sat = NULL;
  g_autofree guint8  *ink = NULL;
  guint               ripple[256] = {
                  0,
  };
  guint dark_contrast[256] = {
    0,
  };
  guint light_contrast[256] = {
    0,
  };
  guint  pairs = 0;
  guint8 mine;

  *contrast = 0;

  /* The band's level: where its letters are at most LEVEL_MAX_BAND. */
  while (band->height / f > LEVEL_MAX_BAND && MAX (w / f, h / f) / 2 >= LEVEL_MIN_SIDE)
    f *= 2;
  lw = w / f, lh = h / f;
  bx0 = CLAMP (band->x0 / f, 0, lw), bx1 = CLAMP ((band->x1 + f - 1) / f, 0, lw);
  by0 = CLAMP (band->y0 / f, 0, lh), by1 = CLAMP ((band->y1 + f - 1) / f, 0, lh);
  bw = bx1 - bx0, bh = by1 - by0;
  if (bw < 2 || bh < 2)
    return 0;

  /* The band and the window of the ink test around it, on its level,
   * and its summed-area table. */
  cx0 = MAX (0, bx0 - MEAN_RADIUS), cy0 = MAX (0, by0 - MEAN_RADIUS);
  cw = MIN (lw, bx1 + MEAN_RADIUS) - cx0, ch = MIN (lh, by1 + MEAN_RADIUS) - cy0;
  crop = g_malloc ((gsize) cw * ch);
  sat = g_new0 (guint32, (gsize) (cw + 1) * (ch + 1));
  for (int y = 0; y < ch; y++)
    {
      guint32 run = 0;

      for (int x = 0; x < cw; x++)
        {
          guint v = 0;

          for (int dy = 0; dy < f; dy++)
            for (int dx = 0; dx < f; dx++)
              v += gray[(gsize) ((cy0 + y) * f + dy) * w + (cx0 + x) * f + dx];
          crop[(gsize) y * cw + x] = (guint8) (v / (guint) (f * f));
          run += crop[(gsize) y * cw + x];
          sat[(gsize) (y + 1) * (cw + 1) + x + 1] = sat[(gsize) y * (cw + 1) + x + 1] + run;
        }
    }

  /* Ink of either polarity over the band (1 dark, 2 light); the band's
   * is the one there is more of. */
  ink = g_malloc0 ((gsize) bw * bh);
  for (int y = 0; y < bh; y++)
    for (int x = 0; x < bw; x++)
      {
        int     px = x + bx0 - cx0, py = y + by0 - cy0;
        int     l = MAX (0, px - MEAN_RADIUS), r = MIN (cw, px + MEAN_RADIUS + 1);
        int     t = MAX (0, py - MEAN_RADIUS), b = MIN (ch, py + MEAN_RADIUS + 1);
        guint32 total = sat[(gsize) b * (cw + 1) + r] + sat[(gsize) t * (cw + 1) + l] -
                        sat[(gsize) t * (cw + 1) + r] - sat[(gsize) b * (cw + 1) + l];
        int mean = (int) (total / (guint32) ((r - l) * (b - t)));
        int v = crop[(gsize) py * cw + px];

        if (v < mean - INK_THRESHOLD)
          ink[(gsize) y * bw + x] = 1, n_dark++, dark_contrast[MIN (255, mean - v)]++;
        else if (v > mean + INK_THRESHOLD)
          ink[(gsize) y * bw + x] = 2, n_light++, light_contrast[MIN (255, v - mean)]++;
      }

  /* The ink's contrast: the median of its pixels' distance from their
   * surroundings' mean. */
  mine = n_dark >= n_light ? 1 : 2;
  if (MAX (n_dark, n_light) > 0)
    *contrast = histogram_rank (mine == 1 ? dark_contrast : light_contrast, MAX (n_dark, n_light), 1, 2);

  /* Neighbours in a row, neither of them next to the band's ink (its
   * anti-aliased edges belong to the letters). */
  for (int y = 0; y < bh; y++)
    for (int x = 0; x + 1 < bw; x++)
      {
        const guint8 *row = crop + (gsize) (y + by0 - cy0) * cw + bx0 - cx0;
        gboolean      near = FALSE;

        for (int ny = MAX (0, y - 1); ny <= MIN (bh - 1, y + 1) && !near; ny++)
          for (int nx = MAX (0, x - 1); nx <= MIN (bw - 1, x + 2) && !near; nx++)
            near = ink[(gsize) ny * bw + nx] == mine;
        if (!near)
          {
            ripple[abs ((int) row[x] - (int) row[x + 1])]++;
            pairs++;
          }
      }

  if (pairs < MIN_GROUND_PAIRS)
    return 0;
  return histogram_rank (ripple, pairs, 3, 4);
}

/* Whether @band of @gray (@w × @h, the image it was found on) is specks
 * of a picture: ink that does not stand out from its ground by
 * GROUND_CONTRAST times the ground's ripple. */
static gboolean
band_on_picture (const guint8 *gray,
                 int           w,
                 int           h,
                 const Band   *band)
{
  double   contrast = 0;
  double   ripple = band_ground_ripple (gray, w, h, band, &contrast);
  gboolean picture = ripple > 0 && contrast < GROUND_CONTRAST * ripple;

  g_debug ("band [%d %d %d %d] px, %.0f px letters, %d components, ground ripple %.0f "
           "under ink of %.0f%s",
           band->x0, band->y0, band->x1, band->y1, band->height, band->n, ripple, contrast,
           picture ? ": a picture" : "");
  return picture;
}

/* Bands of @image (at its scale) as regions to read at a scale that makes
 * their letters BAND_TARGET_PX tall (finer or coarser than @image), with
 * the priority of a contact line, at least @min_priority.  With @skip
 * (one per band), bands marked there are left out; with @gray (@image's
 * grey plane), bands on the busy ground of a picture too.  With
 * @passed_over (one per band, see bands_read), the ink marked there is
 * not read. */
static GArray *
regions_of_bands (GArray          *bands,
                  GArray          *blobs,
                  const EylRaster *image,
                  const guint8    *gray,
                  const gboolean  *skip,
                  const gboolean  *passed_over,
                  double           min_priority,
                  const EylRect   *clip)
{
  GArray *regions = g_array_new (FALSE, FALSE, sizeof (Region));

  for (guint i = 0; i < bands->len; i++)
    {
      const Band *band = &g_array_index (bands, Band, i);
      double      pad = MAX (2.0, 0.6 * band->height), left, right;
      Region      r = { {
                            0,
                   },
                        0,
                        0,
                        0,
                        FALSE,
                        { 0, 0, 0, 0 },
                        0 };

      if (skip != NULL && skip[i])
        continue;
      /* Tiny bands are specks, dotted rules or halftone; a 4 px band is
       * read at 8× (32 px), enough for any text. */
      if (band->height < 4)
        continue;

      /* Up to half way to graphics beside the line, no further. */
      left = band->x0 - pad;
      right = band->x1 + pad;
      if (band->wall_x0 >= 0)
        left = MAX (left, 0.5 * (band->x0 + band->wall_x0));
      if (band->wall_x1 < G_MAXINT)
        right = MIN (right, 0.5 * (band->x1 + band->wall_x1));
      eyl_raster_pixel_to_page (image, left, band->y0 - pad, &r.area.x0, &r.area.y0);
      eyl_raster_pixel_to_page (image, right, band->y1 + pad, &r.area.x1, &r.area.y1);
      if (!eyl_rect_intersect (&r.area, clip, &r.area))
        continue;
      r.n = band->n;
      if (passed_over == NULL || !passed_over[i])
        r.wanted = r.area;
      /* The same letters get the same pixels whatever the resolution of
       * @image: big text is read smaller, small text is rendered
       * again larger. */
      r.scale = MIN (BAND_MAX_PPT, image->scale * BAND_TARGET_PX / MAX (band->height, 1.0));
      r.priority = band_priority (band, image->width, image->height, blobs);
      if (r.priority < min_priority)
        continue;
      /* Specks of a photo or a map, not letters: not worth the closer
       * look, which on their busy ground is the dearest of all (a 0.9 Mpx
       * map took Tesseract 2.5 s to read as noise). */
      if (gray != NULL && band_on_picture (gray, image->width, image->height, band))
        continue;

      /* Merge with a neighbour of a similar scale: a block of lines is
       * read in one go, which Tesseract's layout also likes. */
      for (guint j = 0; j < regions->len; j++)
        {
          Region *o = &g_array_index (regions, Region, j);
          EylRect both = r.area;
          double  parts = eyl_rect_width (&r.area) * eyl_rect_height (&r.area) +
                         eyl_rect_width (&o->area) * eyl_rect_height (&o->area);

          eyl_rect_union (&both, &o->area);
          if (MAX (o->scale, r.scale) < 1.6 * MIN (o->scale, r.scale) &&
              eyl_rect_width (&both) * eyl_rect_height (&both) <= 2.0 * parts &&
              /* Tesseract's time grows with the area it lays out: a
               * 4 Mpx block of graphics took 1.6 s. */
              eyl_rect_width (&both) * eyl_rect_height (&both) *
                      MAX (r.scale, o->scale) * MAX (r.scale, o->scale) <=
                  MERGED_PIXELS)
            {
              r.area = both;
              r.scale = MAX (r.scale, o->scale);
              r.n += o->n;
              r.priority = MAX (r.priority, o->priority);
              if (eyl_rect_is_empty (&r.wanted))
                r.wanted = o->wanted;
              else if (!eyl_rect_is_empty (&o->wanted))
                eyl_rect_union (&r.wanted, &o->wanted);
              g_array_remove_index_fast (regions, j);
              j = (guint) -1; /* the grown region may meet others */
            }
        }
      g_array_append_val (regions, r);
    }

  /* Ink the page pass passed over is not read: a region of it alone
   * goes, a region with lines read poorly too shrinks to those.  It
   * still joined its neighbours above, as before, so that the lines
   * read poorly are read at the same scale as before. */
  for (guint j = regions->len; j-- > 0;)
    {
      Region *r = &g_array_index (regions, Region, j);

      if (!eyl_rect_is_empty (&r->wanted))
        {
          eyl_rect_intersect (&r->area, &r->wanted, &r->area);
          continue;
        }
      g_debug ("region [%.0f %.0f %.0f %.0f] pt: passed over by the page pass, not read",
               r->area.x0, r->area.y0, r->area.x1, r->area.y1);
      g_array_remove_index (regions, j);
    }
  return regions;
}

/* Ink of a page with a text layer that is read at all: bands whose
 * letters are at least MIN_LETTER_PT tall (the median height of their
 * pieces of ink, at the real size: a roll-up's file drawn at 1:10 has
 * 2 pt letters that stand 20 pt tall in the hall).  That median is an x-height or a capital
 * where the letters stand apart (0.5–0.7 em) and a whole word, ascenders
 * and descenders, where they run together at the raster's resolution
 * (about 1 em): pieces under 2 pt are type of 2–4 pt, under the 5–6 pt
 * that print is set in to be read at all (a legal line, a map's or a
 * screenshot's labels, the small line under a funder's logo).  A contact,
 * a call to action or a headline the text layer lacks is set to be read;
 * the live text carries the fine print.  And these are the dearest reads
 * there are: letters of 4–8 px on the analysis raster are read at
 * BAND_MAX_PPT, strips of up to 2900 × 90 px that took Tesseract up to
 * 280 ms each and read no word it was sure of in the corpus. */
#define MIN_LETTER_PT 2.0
/* A band can be the edge of a larger area of ink: the ink test compares
 * each pixel with the mean of its surroundings, so a panel, a photo's
 * dark sky or a screenshot's window is ink along its edges only, in one
 * long piece as tall as the test's window lets it be.  Its ink goes on
 * past the band's box, on one side: across its length, the band's middle
 * row differs from the ground on one side of the box by the ink
 * threshold, and is that of the other side.  A row of letters ends at
 * its box on both sides (its strokes differ from both, the gaps between
 * them from neither), and so does a bar drawn whole (a screenshot's
 * title bar, read with its titles).  A band of pieces longer than
 * MERGED_PIECE times its height whose columns are at least EDGE_COLUMNS
 * such an edge is not read: the top of a panel on
 * flyer-galaxy-factsheet-a5, one piece 53 times its height, 8 px at
 * 2 px/pt and so read at 600 ppi, joined a row of a map's 2 pt labels
 * into a strip of 2879 × 89 px that took Tesseract 286 ms and read
 * nothing it was sure of.  Of the corpus' 305 bands of long pieces on
 * pages with a text layer, 60 were such edges (46 of them along all
 * their length), the others at most 79 % (109 of them 0 %).  Leaving
 * them out took the region reads from 330 to 304 and 6.2 to 6.0 s of
 * Tesseract (flyer-osgeo-brochure 286 -> 237 ms, the sponsors' roll-up
 * 509 -> 454 ms), and left fewer regions past the budget (31 -> 22),
 * with the same findings. */
#define EDGE_COLUMNS 0.8

/* The share of @band's columns (on @gray, @w × @h, the image it was
 * found on) where its ink goes on past its box on one side (see
 * EDGE_COLUMNS). */
static double
band_edge_share (const guint8 *gray,
                 int           w,
                 int           h,
                 const Band   *band)
{
  int   x0 = CLAMP (band->x0, 0, w), x1 = CLAMP (band->x1, 0, w);
  int   mid = (band->y0 + band->y1) / 2;
  int   above = band->y0 - 2, below = band->y1 + 1;
  guint edge = 0;

  if (x1 <= x0 || above < 0 || below >= h || mid < 0 || mid >= h)
    return 0;
  for (int x = x0; x < x1; x++)
    {
      int v = gray[(gsize) mid * w + x];
      int up = abs (v - gray[(gsize) above * w + x]);
      int down = abs (v - gray[(gsize) below * w + x]);

      if ((up >= INK_THRESHOLD && down < INK_THRESHOLD / 2) ||
          (down >= INK_THRESHOLD && up < INK_THRESHOLD / 2))
        edge++;
    }
  return (double) edge / (x1 - x0);
}

static GArray *
legible_bands (GArray          *bands,
               const EylRaster *image,
               const guint8    *gray,
               double           mm_per_pt)
{
  GArray *legible = g_array_sized_new (FALSE, FALSE, sizeof (Band), bands->len);
  /* Real pt per pt of the page. */
  double real = mm_per_pt > 0 ? mm_per_pt * 72.0 / 25.4 : 1.0;

  for (guint i = 0; i < bands->len; i++)
    {
      const Band *band = &g_array_index (bands, Band, i);
      double      letters_pt = band->height / image->scale * real;

      if (letters_pt < MIN_LETTER_PT)
        {
          g_debug ("band [%d %d %d %d] px: letters of %.1f pt at the real size, fine print, not read",
                   band->x0, band->y0, band->x1, band->y1, letters_pt);
          continue;
        }
      if (band->x1 - band->x0 > MERGED_PIECE * band->n * band->height)
        {
          double share = band_edge_share (gray, image->width, image->height, band);

          g_debug ("band [%d %d %d %d] px: pieces %.1f times its height, %.0f %% of it an edge%s",
                   band->x0, band->y0, band->x1, band->y1,
                   (band->x1 - band->x0) / (band->n * MAX (band->height, 1.0)), 100 * share,
                   share >= EDGE_COLUMNS ? ": the edge of a larger area, not read" : "");
          if (share >= EDGE_COLUMNS)
            continue;
        }
      g_array_append_val (legible, *band);
    }
  return legible;
}

/* Likely contact lines first. */
static int
compare_region_priority (gconstpointer a,
                         gconstpointer b)
{
  const Region *p = a, *q = b;

  return (q->priority > p->priority) - (q->priority < p->priority);
}

typedef struct
{
  EylRect area;
  double  scale;
  double  parts; /* pixels its regions would take rendered each alone */
} Render;

/* @scale, lowered where region @r would take more than REGION_PIXELS. */
static double
region_scale (const Region *r,
              double        scale)
{
  double pixels = eyl_rect_width (&r->area) * eyl_rect_height (&r->area) * scale * scale;

  return pixels > REGION_PIXELS ? scale * sqrt (REGION_PIXELS / pixels) : scale;
}

/* Which regions the budget covers, most likely contacts first, and where
 * each one's pixels come from: cut from @scan when it is fine enough (or
 * nothing else is left), else from one of at most MAX_RENDERS renders.
 * A render costs more than its pixels however small its clip: Poppler
 * walks the whole content stream and decodes every image (0.2 s a region
 * on flyer-freifunk-bremen-6panel, 1.7 s on poster-galaxy-factsheet-2025
 * with its 17 Mpx of images), about as much as RENDER_COST_PIXELS plus the
 * page's image pixels.  So regions share one when it
 * costs less than rendering them apart, within MAX_SHARED_PIXELS. */
static GArray *
plan_regions (Ocr             *ocr,
              const EylRaster *scan,
              GArray          *regions)
{
  GArray  *renders = g_array_new (FALSE, FALSE, sizeof (Render));
  gboolean can_render = ocr->renderer != NULL && ocr->renderer->render != NULL;
  double   pixels = ocr->pixels, cap = MAX_SHARED_PIXELS;

  if (can_render && ocr->renderer->max_pixels > 0)
    cap = MIN (cap, ocr->renderer->max_pixels);

  for (guint i = 0; i < regions->len; i++)
    {
      Region *r = &g_array_index (regions, Region, i);
      double  scale = region_scale (r, r->scale);
      double  cost = eyl_rect_width (&r->area) * eyl_rect_height (&r->area) * scale * scale;

      if (pixels + cost > ocr->budget)
        {
          ocr->skipped++;
          continue;
        }
      pixels += cost;
      r->planned = TRUE;
      r->source = 0;
      if (!can_render || scan->scale >= SHARED_ENOUGH * scale)
        continue;

      for (guint j = 0; j < renders->len && r->source == 0; j++)
        {
          Render *o = &g_array_index (renders, Render, j);
          EylRect both = o->area;
          double  s = MAX (o->scale, scale);
          double  shared;

          eyl_rect_union (&both, &r->area);
          shared = eyl_rect_width (&both) * eyl_rect_height (&both) * s * s;
          if (shared <= cap && shared <= o->parts + cost + ocr->render_cost)
            {
              o->area = both;
              o->scale = s;
              o->parts += cost;
              r->source = j + 1;
            }
        }
      if (r->source == 0 && renders->len < MAX_RENDERS)
        {
          Render n = { r->area, scale, cost };

          g_array_append_val (renders, n);
          r->source = renders->len;
        }
    }
  return renders;
}

/* A region whose area earlier reads (the page pass, an overlapping
 * region) read at least READ_BEFORE_SHARE as many letters surely as it
 * has pieces of ink (its letters, most of them, in a Latin script) is
 * not read again: a closer look keeps the better read of the two (see
 * ocr_region), and where so much was read it is rarely its own.  On the
 * corpus' 17 files without a text layer, 22 second looks were at such
 * regions (0.5–12 sure letters a piece) and took 1.35 of the 3.1 s their
 * region reads took: 16 of them read less than the page pass had, 5
 * within 5 % more, one 35 % more, with the same findings
 * (packaging-arch-box's block of body text in a script no installed
 * language reads: 133 pieces, 70 letters read surely at 300 dpi, read
 * again at 436 ppi in 0.5 s for 68).  Where the closer look read much
 * more than the page pass, the page pass had read 0.02–0.36 sure letters
 * a piece. */
#define READ_BEFORE_SHARE 0.5

/* Whether earlier reads read @r's letters surely (see
 * READ_BEFORE_SHARE): ocr_region() leaves it out.  Into *@sure, how
 * many letters the words read so far in its area hold surely (see
 * word_score, confidence counted as a share). */
static gboolean
read_surely_before (const Ocr    *ocr,
                    const Region *r,
                    double       *sure)
{
  double score = 0;

  for (guint j = 0; j < ocr->words->len; j++)
    {
      const Word *w = &g_array_index (ocr->words, Word, j);

      if (eyl_rect_contains_point (&r->area, 0.5 * (w->box.x0 + w->box.x1),
                                   0.5 * (w->box.y0 + w->box.y1)))
        score += word_score (w);
    }
  *sure = score / 100.0;
  return *sure >= READ_BEFORE_SHARE * r->n;
}

static void
ocr_region (Ocr             *ocr,
            const EylRaster *source,
            const Region    *r)
{
  g_autoptr(EylRaster) image = NULL;
  guint  before = ocr->words->len;
  double sure;

  if (read_surely_before (ocr, r, &sure))
    {
      g_debug ("region [%.0f %.0f %.0f %.0f] pt, %d components: %.0f letters read surely before, "
               "not read again",
               r->area.x0, r->area.y0, r->area.x1, r->area.y1, r->n, sure);
      return;
    }
  image = crop_raster (source, &r->area, region_scale (r, r->scale));

  g_debug ("region [%.0f %.0f %.0f %.0f] pt, priority %.2f, %d components, at %.2f px/pt (%s)",
           r->area.x0, r->area.y0, r->area.x1, r->area.y1, r->priority, r->n, image->scale,
           r->source == 0 ? "scan" : "render");
  /* A band or a few lines: one uniform block.  Bands are level rows of
   * ink: on a page upside down, rows of letters upside down. */
  ocr_raster (ocr, image, ocr->turn == 2 ? 2 : 0, PSM_SINGLE_BLOCK);
  ocr->regions++;

  /* This closer look and what was read before in its area (the page
   * pass, an overlapping region): the better read stays. */
  {
    double   read_before = 0, read_now = 0;
    gboolean now_wins;

    for (guint j = 0; j < ocr->words->len; j++)
      {
        const Word *w = &g_array_index (ocr->words, Word, j);
        double      cx = 0.5 * (w->box.x0 + w->box.x1), cy = 0.5 * (w->box.y0 + w->box.y1);

        if (j >= before)
          read_now += word_score (w);
        else if (eyl_rect_contains_point (&r->area, cx, cy))
          read_before += word_score (w);
      }
    now_wins = read_now >= read_before;
    for (guint j = ocr->words->len; j-- > 0;)
      {
        const Word *w = &g_array_index (ocr->words, Word, j);
        double      cx = 0.5 * (w->box.x0 + w->box.x1), cy = 0.5 * (w->box.y0 + w->box.y1);

        if (j >= before ? !now_wins
                        : now_wins && eyl_rect_contains_point (&r->area, cx, cy))
          g_array_remove_index (ocr->words, j);
      }
  }
}

/* A page with live text whose images have at least this many pixels
 * makes a Poppler pass dear: every pass decodes and draws all of them,
 * however small its clip, and its renders for regions are shared (see
 * ocr_regions).  The corpus' poster with 17 Mpx of images took 0.31-0.36 s
 * a pass, four of them for region reads of 10-70 ms each; pages with
 * under 4 Mpx took 20-40 ms a pass (the render cache's MERGE_IMAGE_PX
 * draws the same line). */
#define DEAR_PASS_IMAGE_PX (4.0 * 1000 * 1000)
/* Renders of such a page whose scales are this close share one Poppler
 * pass, recorded at the finer scale: regions merge within the same
 * ratio (regions_of_bands), and each is cut from its render at its own
 * scale.  On other pages only renders of one scale share a pass (many
 * are at BAND_MAX_PPT), whose replays are what a render of each gives. */
#define SHARED_PASS_FINER 1.6

static double
image_pixels (const EylPageData *page)
{
  double pixels = 0;

  for (guint i = 0; page->images != NULL && i < page->images->len; i++)
    {
      const EylImageInfo *image = &g_array_index (page->images, EylImageInfo, i);

      pixels += (double) MAX (image->width_px, 0) * MAX (image->height_px, 0);
    }
  return pixels;
}

/* A recording holds each image its clip meets at the size it is drawn at
 * the recording's scale, at most its own (eyl-render-cache.c), on top of
 * the rasters replayed from it: OCR's renders share recordings only
 * while the images they meet stay within this many pixels (16 MB), the
 * render cache's own bound for a merged recording.  Without it the
 * regions of poster-rdmo-escience, among its photographs, took its
 * worker from 216 to 394 MB. */
#define RECORDED_IMAGE_PX (4.0 * 1000 * 1000)

/* The pixels of the images of @page that @renders meet, each at its size
 * drawn at the finest of their scales, at most its own: what recordings
 * of them would hold at most. */
static double
renders_image_pixels (const EylPageData *page,
                      GArray            *renders)
{
  double finest = 0, pixels = 0;

  for (guint k = 0; k < renders->len; k++)
    finest = MAX (finest, g_array_index (renders, Render, k).scale);
  for (guint i = 0; page->images != NULL && i < page->images->len; i++)
    {
      const EylImageInfo *image = &g_array_index (page->images, EylImageInfo, i);
      gboolean            met = FALSE;

      for (guint k = 0; k < renders->len && !met; k++)
        {
          EylRect both;

          met = eyl_rect_intersect (&image->box, &g_array_index (renders, Render, k).area, &both) &&
                !eyl_rect_is_empty (&both);
        }
      if (!met)
        continue;
      /* An image of no known size: held at its drawn size. */
      pixels += MIN (image->width_px > 0 && image->height_px > 0
                         ? (double) image->width_px * image->height_px
                         : G_MAXDOUBLE,
                     eyl_rect_width (&image->box) * eyl_rect_height (&image->box) * finest * finest);
    }
  return pixels;
}

/* Whether ocr_region() reads one of the planned @regions of source @k
 * (0: those cut from the scan, else render k − 1's) after the words read
 * so far.  When it leaves them all out (see READ_BEFORE_SHARE), none of
 * them adds or drops a word, so this, asked before the render is made,
 * is what ocr_region() decides for each of them in turn. */
static gboolean
source_read (const Ocr *ocr,
             GArray    *regions,
             guint      k)
{
  for (guint i = 0; i < regions->len; i++)
    {
      const Region *r = &g_array_index (regions, Region, i);
      double        sure;

      if (r->planned && r->source == k && !read_surely_before (ocr, r, &sure))
        return TRUE;
    }
  return FALSE;
}

/* Reads the regions the budget covers, each at its own scale: those cut
 * from @scan, then render by render.  A render none of whose regions is
 * read (source_read()) is not made: a Poppler pass costs 30-60 ms
 * however small its clip.  On the corpus, 2 of its 274 passes were such
 * renders, on pages without a text layer whose page pass had read the
 * regions' letters surely (render stage, packaging-arch-box 0.16 ->
 * 0.13 s, backdrop-mobileera-photowall 0.34 -> 0.28 s), with the same
 * reads.
 *
 * On a page with live text, renders come from a render cache
 * (eyl-render-cache.h): renders of one scale share one recording, a
 * Poppler pass, where the renderer allows it.  Where passes are dear
 * (DEAR_PASS_IMAGE_PX), renders of about one scale (SHARED_PASS_FINER)
 * share one too, and, as the cache's scouts, renders of every scale one
 * recorded at the finest where its images allow.  A replay at another
 * scale than it was recorded at is not bit-identical to a render (Poppler
 * chose hairline widths and image sizes for the recording's), which
 * Tesseract does not mind.  A render alone at its scale is a pass of its
 * own, as before. */
static void
ocr_regions (Ocr             *ocr,
             const EylRaster *scan,
             GArray          *regions)
{
  g_autoptr(GArray) renders = NULL;
  g_autoptr(EylRenderCache) cache = NULL;

  g_array_sort (regions, compare_region_priority);
  renders = plan_regions (ocr, scan, regions);

  if (ocr->live != NULL && renders->len > 1 && ocr->renderer != NULL &&
      ocr->renderer->render != NULL && ocr->renderer->draw != NULL &&
      renders_image_pixels (ocr->live, renders) <= RECORDED_IMAGE_PX)
    {
      EylRect page_rect = { 0, 0, ocr->live->width, ocr->live->height };
      double  finer = ocr->image_px >= DEAR_PASS_IMAGE_PX ? SHARED_PASS_FINER : 1.0;

      cache = eyl_render_cache_new (ocr->renderer, &page_rect);
      eyl_render_cache_weigh_images (cache, ocr->live);
      for (guint k = 0; k < renders->len; k++)
        {
          const Render *render = &g_array_index (renders, Render, k);

          eyl_render_cache_plan (cache, &render->area, render->scale, finer);
        }
    }

  for (guint k = 0; k <= renders->len; k++)
    {
      g_autoptr(EylRaster) rendered = NULL;
      const EylRaster *source = scan;

      if (k > 0)
        {
          const Render *render = &g_array_index (renders, Render, k - 1);

          /* With the render cache, a scout may record the page for the
           * renders after it: what they are replayed from, at which
           * scale.  Left out, it could change what later regions read,
           * so it is made. */
          if (cache == NULL && !source_read (ocr, regions, k))
            {
              g_debug ("render [%.0f %.0f %.0f %.0f] pt at %.2f px/pt not made: its regions were "
                       "read surely before",
                       render->area.x0, render->area.y0, render->area.x1, render->area.y1,
                       render->scale);
              eyl_stage_count ("ocr-renders-left-out");
              continue;
            }
          if (cache != NULL)
            {
              g_autoptr(GError) error = NULL;
              gboolean exact;

              rendered = eyl_render_cache_scout (cache, &render->area, render->scale, &exact, &error);
              if (rendered == NULL)
                g_debug ("Could not render a region for OCR: %s",
                         error != NULL ? error->message : "no reason given");
            }
          else
            rendered = render_area (ocr, scan, &render->area, render->scale);
          ocr->renders++;
          /* A render that fails leaves the scan image, upscaled. */
          if (rendered != NULL)
            source = rendered;
        }
      for (guint i = 0; i < regions->len; i++)
        {
          const Region *r = &g_array_index (regions, Region, i);

          if (r->planned && r->source == k)
            ocr_region (ocr, source, r);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Page data from the words */

static int
compare_word_position (gconstpointer a,
                       gconstpointer b)
{
  const Word *p = a, *q = b;

  if (p->line != q->line)
    return p->line < q->line ? -1 : 1;
  return (p->upright.x0 > q->upright.x0) - (p->upright.x0 < q->upright.x0);
}

typedef struct
{
  guint  line;
  double y0;
  double cap, x;
} LineInfo;

static int
compare_line_y (gconstpointer a,
                gconstpointer b)
{
  const LineInfo *p = a, *q = b;

  return (p->y0 > q->y0) - (p->y0 < q->y0);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Tesseract's sparse mode reads "Twitter" and "#FreifunkMYK", a label
 * and its value in two columns, as two lines; the contact detectors want
 * them on one (the social word next to the handle).  Joins the lines of
 * one row: overlapping by most of their height, at most four line heights
 * apart (a column gutter of a real layout is wider than that relative to
 * the text: the corpus' label columns are ~2 heights apart). */
static void
join_rows (GArray *words)
{
  g_autoptr(GHashTable) boxes = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GHashTable) parent = g_hash_table_new (NULL, NULL);
  g_autofree gpointer *keys = NULL;
  guint                n_keys;

  for (guint i = 0; i < words->len; i++)
    {
      const Word *w = &g_array_index (words, Word, i);
      EylRect    *box = g_hash_table_lookup (boxes, GUINT_TO_POINTER (w->line));

      if (box == NULL)
        g_hash_table_insert (boxes, GUINT_TO_POINTER (w->line), g_memdup2 (&w->upright, sizeof w->upright));
      else
        eyl_rect_union (box, &w->upright);
    }

  keys = g_hash_table_get_keys_as_array (boxes, &n_keys);
  for (guint a = 0; a < n_keys; a++)
    for (guint b = a + 1; b < n_keys; b++)
      {
        const EylRect *p = g_hash_table_lookup (boxes, keys[a]);
        const EylRect *q = g_hash_table_lookup (boxes, keys[b]);
        double         hp = eyl_rect_height (p), hq = eyl_rect_height (q);
        double         overlap = MIN (p->y1, q->y1) - MAX (p->y0, q->y0);
        double         gap = MAX (p->x0, q->x0) - MIN (p->x1, q->x1);
        gpointer       ra = keys[a], rb = keys[b], up;

        if (overlap < 0.6 * MIN (hp, hq) || MAX (hp, hq) > 2 * MIN (hp, hq) ||
            gap > 4 * MAX (hp, hq))
          continue;
        while ((up = g_hash_table_lookup (parent, ra)) != NULL)
          ra = up;
        while ((up = g_hash_table_lookup (parent, rb)) != NULL)
          rb = up;
        if (ra != rb)
          g_hash_table_insert (parent, rb, ra);
      }

  for (guint i = 0; i < words->len; i++)
    {
      Word    *w = &g_array_index (words, Word, i);
      gpointer r = GUINT_TO_POINTER (w->line), up;

      while ((up = g_hash_table_lookup (parent, r)) != NULL)
        r = up;
      w->line = GPOINTER_TO_UINT (r);
    }
}

/* Word @i takes in the @n words after it (same line). */
static void
merge_words (GArray *words,
             guint   i,
             guint   n)
{
  Word    *w = &g_array_index (words, Word, i);
  GString *text = g_string_new (w->text);

  for (guint k = 1; k <= n; k++)
    {
      const Word *o = &g_array_index (words, Word, i + k);

      g_string_append (text, o->text);
      eyl_rect_union (&w->box, &o->box);
      eyl_rect_union (&w->upright, &o->upright);
      w->confidence = MIN (w->confidence, o->confidence);
      if (o->sign_confidence >= 0)
        w->sign_confidence = w->sign_confidence < 0 ? o->sign_confidence
                                                    : MIN (w->sign_confidence, o->sign_confidence);
      w->cap_height = MAX (w->cap_height, o->cap_height);
      w->has_cap |= o->has_cap;
      w->weak |= o->weak;
    }
  g_free (w->text);
  w->text = g_string_free (text, FALSE);
  g_array_remove_range (words, i + 1, n);
}

/* An email or a web address whose domain ends in a top-level domain a
 * registry hands out (the Public Suffix List, through the text layer's
 * own check of bare domains), with a name of three letters or more: what
 * photo grain or a logo does not spell by chance. */
static gboolean
contact_validated (const char *text)
{
  g_autofree char *domain = NULL;
  const char      *dot;

  if (!eyl_detect_is_email (text) && !eyl_detect_is_url (text))
    return FALSE;
  domain = eyl_detect_domain_of (text);
  if (domain == NULL || !eyl_detect_is_url (domain))
    return FALSE;
  dot = strchr (domain, '.');
  return dot != NULL && dot - domain >= 3;
}

/* Letters, digits, '_' and '.', not ending in '.': the name of a
 * handle. */
static gboolean
handle_name (const char *text)
{
  gsize n = strlen (text);

  if (n == 0 || n > 30 || text[n - 1] == '.')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '.')
      return FALSE;
  return TRUE;
}

/* How an email or web address starts: "hello@…", "www.…", "http…". */
static gboolean
contact_start (const char *text)
{
  return strchr (text, '@') != NULL || g_ascii_strncasecmp (text, "www.", 4) == 0 ||
         g_ascii_strncasecmp (text, "http", 4) == 0;
}

/* Between @a and @b stands what addresses are made of: "@", ".", ":",
 * "/", "-" or "_". */
static gboolean
punctuated (const char *a,
            const char *b)
{
  gsize n = strlen (a);

  return (n > 0 && strchr ("@.:/-_", a[n - 1]) != NULL) || strchr ("@./-_", b[0]) != NULL;
}

/* At most this many words make one address again. */
#define MAX_JOINED 5

/* Tesseract often sees a space where letters are set wide: "hello
 * @northwind.com", "team @ solaria.energy", "https: //example.org",
 * "www. example.com", and in a monospace face "team@solaria. energy",
 * even "kontakt@kaf feehaus -mueller.de".  No contact has a space: the
 * longest run of words of one line that together make an email or a web
 * address with a real domain is joined, where each space is next to an
 * address's punctuation (or the run starts like an address and its first
 * word is none alone).  @words is in line order. */
static void
join_split_contacts (GArray *words)
{
  for (guint i = 0; i + 1 < words->len; i++)
    {
      const Word *a = &g_array_index (words, Word, i);
      const Word *b = &g_array_index (words, Word, i + 1);
      g_autoptr(GString) run = NULL;
      gboolean alone;
      guint    best = 0;

      if (b->line != a->line)
        continue;

      /* "@solaria_ energy": a handle cut after its '_' or '.'. */
      if (a->text[0] == '@' && strlen (a->text) > 2 && handle_name (b->text) &&
          strchr ("_.", a->text[strlen (a->text) - 1]) != NULL)
        {
          g_autofree char *name = g_strconcat (a->text + 1, b->text, NULL);

          if (handle_name (name))
            {
              merge_words (words, i, 1);
              continue;
            }
        }

      alone = contact_validated (a->text);
      run = g_string_new (a->text);
      for (guint k = 1; k < MAX_JOINED && i + k < words->len; k++)
        {
          const Word *prev = &g_array_index (words, Word, i + k - 1);
          const Word *next = &g_array_index (words, Word, i + k);

          if (next->line != a->line)
            break;
          if (!punctuated (prev->text, next->text) && (alone || !contact_start (a->text)))
            break;
          g_string_append (run, next->text);
          if (contact_validated (run->str))
            best = k;
        }
      if (best > 0)
        merge_words (words, i, best);
    }
}

/* "wwwexample.com": small type loses the dot after "www" (a bare domain
 * "wwwexample.com" is never meant). */
static void
restore_www_dot (Word *w)
{
  g_autofree char *fixed = NULL;

  if (g_ascii_strncasecmp (w->text, "www", 3) != 0 || w->text[3] == '.' ||
      !g_ascii_isalnum (w->text[3]))
    return;
  fixed = g_strconcat ("www.", w->text + 3, NULL);
  if (contact_validated (fixed))
    {
      g_free (w->text);
      w->text = g_steal_pointer (&fixed);
    }
}

static EylPageData *
build_page (const EylPageData *page,
            GArray            *words)
{
  EylPageDataBuilder *builder = eyl_page_data_builder_new (page->index, page->width, page->height);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (LineInfo));
  g_autoptr(GArray) metrics = g_array_new (FALSE, FALSE, sizeof (LineInfo));
  const EylTextLine *built;
  const EylGlyph    *glyphs;
  guint              n_built, n_glyphs;

  eyl_page_data_builder_set_boxes (builder, &page->boxes);
  join_rows (words);
  g_array_sort (words, compare_word_position);
  join_split_contacts (words);
  for (guint i = 0; i < words->len; i++)
    restore_www_dot (&g_array_index (words, Word, i));
  for (guint i = 0; i < words->len; i++)
    if (g_array_index (words, Word, i).weak &&
        !contact_validated (g_array_index (words, Word, i).text))
      g_array_remove_index (words, i--);

  /* Lines in reading order, top to bottom: Tesseract's order holds within
   * a region, the regions themselves were read smallest first. */
  for (guint i = 0; i < words->len;)
    {
      const Word *first = &g_array_index (words, Word, i);
      g_autoptr(GArray) caps = g_array_new (FALSE, FALSE, sizeof (double));
      LineInfo info = { first->line, first->upright.y0, 0, 0 };
      guint    j;

      for (j = i; j < words->len && g_array_index (words, Word, j).line == first->line; j++)
        {
          const Word *w = &g_array_index (words, Word, j);

          info.y0 = MIN (info.y0, w->upright.y0);
          if (w->cap_height > 0)
            g_array_append_val (caps, w->cap_height);
        }
      if (caps->len > 0)
        {
          g_array_sort (caps, compare_double);
          info.cap = g_array_index (caps, double, caps->len / 2);
          info.x = 0.7 * info.cap;
        }
      g_array_append_val (lines, info);
      i = j;
    }
  g_array_sort (lines, compare_line_y);

  for (guint l = 0; l < lines->len; l++)
    {
      const LineInfo *info = &g_array_index (lines, LineInfo, l);
      /* The nominal size a face with a 0.7 em cap height would have. */
      double      size = info->cap > 0 ? info->cap / 0.7 : 0;
      const Word *prev = NULL;
      EylRect     line_box = {
            0,
      };

      for (guint i = 0; i < words->len; i++)
        {
          const Word *w = &g_array_index (words, Word, i);

          if (w->line != info->line)
            continue;
          if (size <= 0)
            size = eyl_rect_height (&w->box);
          if (prev != NULL)
            {
              EylRect gap = { prev->box.x1, MIN (prev->box.y0, w->box.y0),
                              MAX (prev->box.x1, w->box.x0), MAX (prev->box.y1, w->box.y1) };

              eyl_page_data_builder_add_text (builder, " ", &gap, NULL, "OCR", size, 0);
            }
          eyl_page_data_builder_add_text (builder, w->text, &w->box, NULL, "OCR", size, 0);
          line_box = w->box;
          prev = w;
        }
      if (prev != NULL)
        eyl_page_data_builder_add_text (builder, "\n", &line_box, NULL, "OCR", size, 0);
    }

  /* The builder may split a line further; give each of its lines the
   * metrics of the OCR line its first glyph came from. */
  built = eyl_page_data_builder_get_lines (builder, &n_built);
  glyphs = eyl_page_data_builder_get_glyphs (builder, &n_glyphs);
  for (guint b = 0; b < n_built; b++)
    {
      const EylTextLine *line = &built[b];
      double             cy;

      if (line->start >= n_glyphs)
        continue;
      cy = 0.5 * (glyphs[line->start].box.y0 + glyphs[line->start].box.y1);
      for (guint i = 0; i < words->len; i++)
        {
          const Word *w = &g_array_index (words, Word, i);

          if (eyl_rect_contains_point (&w->box, 0.5 * (glyphs[line->start].box.x0 + glyphs[line->start].box.x1), cy))
            {
              for (guint l = 0; l < lines->len; l++)
                {
                  const LineInfo *info = &g_array_index (lines, LineInfo, l);

                  if (info->line == w->line && info->cap > 0)
                    eyl_page_data_builder_set_line_metrics (builder, b, info->cap, info->x);
                }
              break;
            }
        }
    }

  return eyl_page_data_builder_end (builder);
}

typedef struct
{
  double mean, min; /* word confidence, 0 … 100 */
  double sign;      /* of the best '@' or '#', −1 none */
} WordStats;

static void
words_stats (GArray        *words,
             const EylRect *box,
             WordStats     *st)
{
  double sum = 0, weight = 0;

  st->min = 100;
  st->sign = -1;
  for (guint i = 0; i < words->len; i++)
    {
      const Word *w = &g_array_index (words, Word, i);
      double      n = g_utf8_strlen (w->text, -1);
      EylRect     both;

      if (!eyl_rect_intersect (&w->box, box, &both))
        continue;
      sum += n * w->confidence;
      weight += n;
      st->min = MIN (st->min, w->confidence);
      st->sign = MAX (st->sign, w->sign_confidence);
    }
  st->mean = weight > 0 ? sum / weight : 0;
}

/* Text a person would set as a headline or a call to action: most of it
 * words of letters (a trailing comma or "!" allowed), one of them at
 * least four letters long; not the "hm zu u m", "NUT" or "May E/funk- NS"
 * that OCR makes of an emblem, nor a contact read in pieces. */
static guint
count_tokens (const char *text)
{
  g_auto(GStrv) tokens = g_strsplit_set (text, " \t\n", -1);
  guint n = 0;

  for (guint i = 0; tokens[i] != NULL; i++)
    n += tokens[i][0] != '\0';
  return n;
}

static gboolean
wordlike (const char *text)
{
  g_auto(GStrv) tokens = g_strsplit_set (text, " \t\n", -1);
  guint n = 0, clean = 0, longest = 0;

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char *t = tokens[i];
      guint       letters = 0, other = 0;

      if (*t == '\0')
        continue;
      n++;
      for (const char *p = t; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar ch = g_utf8_get_char (p);

          if (g_unichar_isalpha (ch))
            letters++;
          else if (*g_utf8_next_char (p) != '\0' ||
                   g_utf8_strchr (",.:;!?'’\"”)-–™®", -1, ch) == NULL)
            other++; /* inside the word, or not punctuation */
        }
      if (letters >= 2 && other == 0)
        {
          clean++;
          longest = MAX (longest, letters);
        }
    }
  return n > 0 && 3 * clean >= 2 * n && longest >= 4 &&
         strchr (text, '@') == NULL && !eyl_detect_is_url (text);
}

/* The text of the OCR lines that @box touches (for the words around a
 * handle). */
static char *
lines_text (GArray        *words,
            const EylRect *box)
{
  g_autoptr(GHashTable) lines = g_hash_table_new (NULL, NULL);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    {
      const Word *w = &g_array_index (words, Word, i);
      EylRect     both;

      if (eyl_rect_intersect (&w->box, box, &both))
        g_hash_table_add (lines, GUINT_TO_POINTER (w->line));
    }
  for (guint i = 0; i < words->len; i++)
    {
      const Word *w = &g_array_index (words, Word, i);

      if (g_hash_table_contains (lines, GUINT_TO_POINTER (w->line)) && !w->weak)
        g_string_append_printf (text, "%s ", w->text);
    }
  return g_string_free (text, FALSE);
}

/* An address with more to it than a short bare domain: "name@host.tld",
 * "www.…" or "https://…", ten characters or more. */
static gboolean
structured (const char *text)
{
  return strlen (text) >= 10 && contact_start (text);
}

/* All capitals, two letters or more: "GQENS". */
static gboolean
shouting (const char *name)
{
  guint upper = 0;

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_islower (ch))
        return FALSE;
      upper += g_unichar_isupper (ch);
    }
  return upper >= 2;
}

/* One digit makes up more than 60 % of them: "444444 4747". */
static gboolean
one_digit_mostly (const char *text)
{
  guint count[10] = {
    0,
  },
        n = 0, most = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      {
        count[*p - '0']++;
        most = MAX (most, count[*p - '0']);
        n++;
      }
  return n > 0 && most > 0.6 * n;
}

/* Whether an element the detectors found in the OCR text is worth
 * reporting, and its confidence (the detector's × Tesseract's).  Low
 * confidence never makes a headline, a call to action or a contact:
 * - an email or web address needs a real top-level domain; read from
 *   unsure words (see MIN_WORD_CONFIDENCE) it must also be a whole
 *   address, not a short bare domain ("aks.ee" from a photo);
 * - a handle or hashtag needs a network named on its line, or an '@'/'#'
 *   and letters Tesseract is sure of (MIN_SIGN_CONFIDENCE), in a name
 *   not all capitals (a logo's word misread: "@GQENS" for "agens");
 * - a phone number needs sure digits, not mostly one digit over and over
 *   (a pattern read as digits);
 * - an address or a brand name needs words Tesseract is sure of;
 * - a headline or call to action needs sure words that look like words. */
static gboolean
plausible (EylElement *element,
           GArray     *words)
{
  WordStats st;
  double    confidence;

  words_stats (words, &element->box, &st);
  confidence = st.mean / 100.0;
  g_debug ("%s \"%s\": words %.0f %% (least %.0f %%, '@' %.1f %%)",
           eyl_element_kind_to_string (element->kind), element->text, st.mean, st.min, st.sign);

  switch (element->kind)
    {
    case EYL_ELEMENT_URL:
    case EYL_ELEMENT_OTHER_URL:
    case EYL_ELEMENT_EMAIL:
      if (!contact_validated (element->text) ||
          (st.min < MIN_WORD_CONFIDENCE && !structured (element->text)))
        return FALSE;
      confidence = MAX (confidence, VALIDATED_CONFIDENCE);
      break;

    case EYL_ELEMENT_SOCIAL:
      if (element->text[0] != '@' && element->text[0] != '#')
        {
          /* A profile's web address. */
          if (!contact_validated (element->text) ||
              (st.min < MIN_WORD_CONFIDENCE && !structured (element->text)))
            return FALSE;
          confidence = MAX (confidence, VALIDATED_CONFIDENCE);
        }
      else
        {
          g_autofree char *line = lines_text (words, &element->box);

          if (!eyl_detect_names_social_network (line) &&
              (st.sign < MIN_SIGN_CONFIDENCE || st.mean < MIN_HANDLE_CONFIDENCE ||
               shouting (element->text + 1)))
            return FALSE;
        }
      break;

    case EYL_ELEMENT_PHONE:
      if (st.mean < MIN_PHONE_CONFIDENCE || one_digit_mostly (element->text))
        return FALSE;
      break;

    case EYL_ELEMENT_HEADLINE:
    case EYL_ELEMENT_CTA:
    case EYL_ELEMENT_BODY:
      if (st.mean < MIN_HEADLINE_CONFIDENCE || !wordlike (element->text))
        return FALSE;
      /* One word read from pixels is a panel label ("Wiki") or a wordmark
       * far more often than the piece's message. */
      if (element->kind == EYL_ELEMENT_HEADLINE && count_tokens (element->text) < 2)
        return FALSE;
      break;

    case EYL_ELEMENT_ADDRESS:
    case EYL_ELEMENT_BRAND_NAME:
    case EYL_ELEMENT_QR:
    case EYL_ELEMENT_LOGO:
    default:
      break;
    }

  element->confidence *= confidence;
  return element->confidence >= MIN_ELEMENT_CONFIDENCE;
}

/* A contact, or a web address found to be someone else's (other_url): the
 * same words read again by OCR are the same element. */
static gboolean
contact_like (EylElementKind kind)
{
  return eyl_element_kind_is_contact (kind) || kind == EYL_ELEMENT_OTHER_URL;
}

/* An element of the same kind (any contact for a contact) already has
 * most of @element's place: the same words, read again.  A neighbour's
 * box only touches it (a region cut around an outlined line shows the
 * edge of the live line above, and Tesseract's boxes may take it in). */
static gboolean
covered (GPtrArray        *elements,
         const EylElement *element)
{
  for (guint i = 0; i < elements->len; i++)
    {
      const EylElement *e = g_ptr_array_index (elements, i);
      gboolean          same_kind = e->kind == element->kind ||
                           (contact_like (e->kind) && contact_like (element->kind));

      if (same_kind && (eyl_detect_rect_coverage (&element->box, &e->box) >= 0.5 ||
                        eyl_detect_rect_coverage (&e->box, &element->box) >= 0.5))
        return TRUE;
    }
  return FALSE;
}

/* A copy of the words Tesseract is sure enough of for a headline. */
static GArray *
sure_words (GArray *words)
{
  GArray *sure = g_array_new (FALSE, FALSE, sizeof (Word));

  g_array_set_clear_func (sure, word_clear);
  for (guint i = 0; i < words->len; i++)
    {
      Word w = g_array_index (words, Word, i);

      /* A turned line is a side panel's address or a wordmark set on
       * end: read for contacts only, never a headline. */
      if (w.weak || w.confidence < MIN_HEADLINE_CONFIDENCE || w.turned)
        continue;
      w.text = g_strdup (w.text);
      g_array_append_val (sure, w);
    }
  return sure;
}

static gboolean
has_live_text (const EylPageData *page)
{
  for (guint i = 0; i < page->glyphs->len; i++)
    if (!g_unichar_isspace (g_array_index (page->glyphs, EylGlyph, i).ch))
      return TRUE;
  return FALSE;
}

/* A mask of the pixels of @image the live text explains. */
static guint8 *
live_text_mask (const EylPageData *page,
                const EylRaster   *image)
{
  guint8 *mask = g_malloc0 ((gsize) image->width * image->height);

  for (guint i = 0; i < page->glyphs->len; i++)
    {
      const EylGlyph *glyph = &g_array_index (page->glyphs, EylGlyph, i);
      double          x0, y0, x1, y1;
      int             ix0, iy0, ix1, iy1;

      if (eyl_rect_is_empty (&glyph->box))
        continue;
      eyl_raster_page_to_pixel (image, glyph->box.x0, glyph->box.y0, &x0, &y0);
      eyl_raster_page_to_pixel (image, glyph->box.x1, glyph->box.y1, &x1, &y1);
      /* One pixel more all round: antialiasing. */
      ix0 = CLAMP ((int) floor (x0) - 1, 0, image->width);
      iy0 = CLAMP ((int) floor (y0) - 1, 0, image->height);
      ix1 = CLAMP ((int) ceil (x1) + 1, 0, image->width);
      iy1 = CLAMP ((int) ceil (y1) + 1, 0, image->height);
      for (int y = iy0; y < iy1; y++)
        memset (mask + (gsize) y * image->width + ix0, 1, ix1 - ix0);
    }
  return mask;
}

/* Does level word @w lie mostly on a word of @words read, and read
 * well, turned by 90°?  The page pass reads scraps of big type set on end
 * ("3 2" for a wordmark up a flag); the turned pass read the type itself,
 * so the scraps are no text — to the logo finder the strokes are a mark. */
static gboolean
on_turned_word (const GArray *words,
                const Word   *w)
{
  double area = eyl_rect_width (&w->box) * eyl_rect_height (&w->box);

  for (guint i = 0; i < words->len && area > 0; i++)
    {
      const Word *t = &g_array_index (words, Word, i);
      EylRect     in;

      if (t->turned && t->confidence >= READ_WORD_CONFIDENCE && eyl_rect_intersect (&t->box, &w->box, &in) &&
          eyl_rect_width (&in) * eyl_rect_height (&in) > 0.5 * area)
        return TRUE;
    }
  return FALSE;
}

/* ---- Text turned a quarter ---- */

/* A side panel's web address, a flag's tagline: lines set turned by 90°.
 * At most this many such bands a page are looked at, those of at least
 * TURNED_MIN_LETTERS ink components, and kept when Tesseract is this sure
 * of them on average (0 … 100; turned noise reads below 60). */
#define TURNED_MAX_BANDS      6
#define TURNED_MIN_LETTERS    5
#define TURNED_MIN_CONFIDENCE 70.0
/* A first reading this sure (0 … 100), as sure as words passed on as
 * read, is the right way round: the line is not read again upside down.
 * The corpus' turned lines kept read at most 61 the wrong way round
 * (61 against 84, 54 against 72), so a reading of 70 or more is never
 * beaten by the other way round; the second reads of those at 70–80
 * (3 of the corpus' 61 bands) were spent for nothing. */
#define TURNED_SURE READ_WORD_CONFIDENCE
/* Ink that the level search already found in rows over at least this
 * share of a turned band's box is level text or a pattern (a photo's
 * grain, a map's hatching makes rows either way round), not a line set
 * on end: the corpus' turned reads of such ink were all noise. */
#define TURNED_MAX_LEVEL 0.5
/* Letters this tall (px) read best. */
#define TURNED_LETTER_PX 32.0

/* Mean confidence of the letters of words @from … end of @words (each
 * word weighs as many letters as it has), or -1 without any.  A long
 * word read surely outweighs a short unsure scrap beside it: a label in
 * a script no installed language reads ("网站查询：") does not sink the
 * address it introduces, and a line of turned noise is all scraps. */
static double
mean_confidence (GArray *words,
                 guint   from)
{
  double sum = 0, letters = 0;

  for (guint i = from; i < words->len; i++)
    {
      const Word *w = &g_array_index (words, Word, i);
      double      n = MAX (1, g_utf8_strlen (w->text, -1));

      sum += n * w->confidence;
      letters += n;
    }
  return letters > 0 ? sum / letters : -1;
}

/* Reads @area (page space), where a band of letters runs top to bottom
 * or bottom to top: rendered (or cut from @scan) at a scale that gives
 * its letters TURNED_LETTER_PX, turned a quarter and read, then, unless
 * that reading is sure (TURNED_SURE), turned half a turn more and read
 * again; the surer reading is kept, its words' boxes turned back into
 * page space.  *@half_first: whether to read it turned anticlockwise
 * first (else clockwise); set to the way the band was read when it was
 * kept. */
static void
ocr_turned_area (Ocr             *ocr,
                 const EylRaster *scan,
                 const EylRect   *area,
                 double           letter_px,
                 gboolean        *half_first)
{
  /* Letters of BAND_SMALL_PX or more are read at the scan's scale, as
   * the page pass reads level ones: a render of its own was a Poppler
   * pass (about 14 ms a band on the corpus, as much as half its reads)
   * for letters Tesseract already reads well.  Smaller ones are
   * rendered so that they are TURNED_LETTER_PX tall.  Letters taller
   * than that are made smaller, cut from the scan: a band of big shapes
   * read at the scan's scale took two reads of 5 Mpx each
   * (flyer-freifunk-myk-6page). */
  double scale = letter_px >= BAND_SMALL_PX ? scan->scale * MIN (TURNED_LETTER_PX / letter_px, 1.0)
                                            : scan->scale * MIN (TURNED_LETTER_PX / MAX (letter_px, 1.0), 8.0);
  g_autoptr(EylRaster) image = scale <= scan->scale ? crop_raster (scan, area, scale)
                                                     : render_area (ocr, scan, area, scale);
  g_autofree guint8 *gray = NULL;
  g_autofree guint8 *turned = NULL;
  EylRect            origin = { 0, 0, 0, 0 };
  guint              from = ocr->words->len, mid;
  double             first, second;
  int                W, H;
  gboolean           half;

  if (image == NULL)
    return;
  W = image->width;
  H = image->height;
  gray = eyl_raster_dup_gray (image);
  if (ocr->live != NULL)
    erase_live_text (ocr->live, image, gray);
  turned = turn_cw (gray, W, H);
  if (*half_first)
    turn_half (turned, H, W);
  g_atomic_int_inc (&n_turned_reads);
  ocr_gray (ocr, turned, H, W, &origin, image->scale, PSM_SINGLE_BLOCK);
  mid = ocr->words->len;
  first = mean_confidence (ocr->words, from);
  second = -1;
  if (first < TURNED_SURE)
    {
      turn_half (turned, H, W);
      g_atomic_int_inc (&n_turned_reads);
      ocr_gray (ocr, turned, H, W, &origin, image->scale, PSM_SINGLE_BLOCK);
      second = mean_confidence (ocr->words, mid);
    }
  /* Whether the words kept were read turned anticlockwise. */
  half = second > first ? !*half_first : *half_first;
  /* Clockwise first in the log, whichever way was read first (-1: not
   * read that way, or no word). */
  g_debug ("turned band read with confidence %.0f clockwise, %.0f anticlockwise", *half_first ? second : first,
           *half_first ? first : second);
  if (MAX (first, second) < TURNED_MIN_CONFIDENCE)
    {
      g_array_remove_range (ocr->words, from, ocr->words->len - from);
      return;
    }
  *half_first = half;
  if (second > first)
    g_array_remove_range (ocr->words, from, mid - from);
  else
    g_array_remove_range (ocr->words, mid, ocr->words->len - mid);

  for (guint i = from; i < ocr->words->len; i++)
    {
      Word *w = &g_array_index (ocr->words, Word, i);
      /* Pixels of the turned image (H wide, W high). */
      double a0 = w->box.x0 * image->scale, a1 = w->box.x1 * image->scale;
      double b0 = w->box.y0 * image->scale, b1 = w->box.y1 * image->scale;
      double t;

      if (half)
        {
          t = a0;
          a0 = H - a1;
          a1 = H - t;
          t = b0;
          b0 = W - b1;
          b1 = W - t;
        }
      /* Turned back: x = b, y = H − a. */
      w->box = (EylRect) { image->area.x0 + b0 / image->scale, image->area.y0 + (H - a1) / image->scale,
                           image->area.x0 + b1 / image->scale, image->area.y0 + (H - a0) / image->scale };
      w->upright = w->box;
      w->line = ++ocr->next_line;
      w->turned = TRUE;
      ocr->turned_read++;
    }
}

/* A page without a text layer whose text-like bands, with the margin a
 * region gets around them (see regions_of_bands), cover at most this
 * much of it: its page pass reads them alone, the rest painted in the
 * page's commonest grey.  The rest is pictures, patterns and empty
 * ground, which Tesseract lays out as lines and reads as noise at the
 * cost of text (see PAGE_PASS_PIXELS): flyer-osgeo-brochure's map page,
 * its bands on 11.8 % of it, was 251 lines and 1.6 s of noise, its
 * bands alone 0.5 s (the file's OCR 2.5 -> 1.5 s); a round label's
 * page pass 117 -> 22 ms, with the same findings.  The corpus' pages
 * without a text layer have bands on 0–14 % (flags, the round label, a
 * box's blank back, the map) or on 22 % and more; reading only the bands
 * of the latter lost words the band finder does not take for a row of
 * letters: poster-godot-godotcon2018's headline (28 %), a label's (37 %),
 * flyer-freifunk-myk-back's web address (69 %).  (Reading bands alone up
 * to 40 % of the page saved nothing either: the pages between 22 and
 * 37 % took as long, a box's page pass 1.00 -> 0.98 s, a sticker's 0.64
 * -> 0.76 s.)
 *
 * Of those bands, the ones that are specks of a picture (band_on_picture:
 * ink that does not stand out from a busy ground as letters do) are
 * painted over as well: they are the map's roofs and hatching again,
 * which the page pass read as noise (the map page: 75 of its 115 bands
 * specks, the rest on 1.9 % of it instead of 11.8 %; its page pass 0.53
 * -> 0.19 s, the file's OCR 1.32 -> 0.98 s, the same words read surely,
 * none).  Whether the page is read by its bands at all is still told by
 * all of them: a picture's specks beside a headline the band finder
 * misses say the page is busy.
 * A page where nothing is left (no bands, or specks alone) is not read:
 * Tesseract finds no word on an even grey. */
#define BANDS_ONLY_COVER 0.18

/* @gray (@w × @h) with all but @bands painted over, or NULL when they
 * cover more than BANDS_ONLY_COVER of it.  *@blank: whether all of it
 * was painted over. */
static guint8 *
bands_only (GArray       *bands,
            const guint8 *gray,
            int           w,
            int           h,
            gboolean     *blank)
{
  g_autofree guint8 *keep = g_malloc0 ((gsize) w * h);
  gsize              n = (gsize) w * h, kept = 0, histogram[256] = { 0 };
  guint8            *out;
  guint8             ground = 255;

  *blank = FALSE;
  /* Pass 0: all bands, for the cover; pass 1: those off pictures, kept. */
  for (int pass = 0; pass < 2; pass++)
    {
      if (pass == 1)
        {
          memset (keep, 0, n);
          kept = 0;
        }
      for (guint i = 0; i < bands->len; i++)
        {
          const Band *band = &g_array_index (bands, Band, i);
          int         pad = (int) ceil (MAX (2.0, 0.6 * band->height));
          int         x0 = MAX (0, band->x0 - pad), x1 = MIN (w, band->x1 + pad);
          int         y0 = MAX (0, band->y0 - pad), y1 = MIN (h, band->y1 + pad);

          if (pass == 1 && band_on_picture (gray, w, h, band))
            {
              eyl_stage_count ("ocr-bands-on-pictures");
              continue;
            }
          for (int y = y0; y < y1 && x0 < x1; y++)
            memset (keep + (gsize) y * w + x0, 1, x1 - x0);
        }
      for (gsize k = 0; k < n; k++)
        kept += keep[k];
      if (pass == 0)
        {
          g_debug ("the text-like bands cover %.1f %% of the page", 100.0 * kept / MAX (n, 1));
          if (kept > BANDS_ONLY_COVER * n)
            return NULL;
        }
      else
        g_debug ("those off pictures cover %.1f %%", 100.0 * kept / MAX (n, 1));
    }
  *blank = kept == 0;

  for (gsize k = 0; k < n; k++)
    histogram[gray[k]]++;
  for (guint v = 0; v < 256; v++)
    if (histogram[v] > histogram[ground])
      ground = v;
  out = g_memdup2 (gray, n);
  for (gsize k = 0; k < n; k++)
    if (!keep[k])
      out[k] = ground;
  return out;
}

/* How many letters and digits @text has. */
static guint
count_alnum (const char *text)
{
  guint alnum = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    alnum += g_unichar_isalnum (g_utf8_get_char (p));
  return alnum;
}

/* Whether @words (a page pass) are noise all over: see NOISE_MIN_WORDS. */
static gboolean
noise_all_over (GArray *words)
{
  double sum = 0, letters = 0;
  guint  n = 0;

  for (guint i = 0; i < words->len; i++)
    {
      const Word *w = &g_array_index (words, Word, i);

      if (count_alnum (w->text) < 3)
        continue;
      n++;
      sum += g_utf8_strlen (w->text, -1) * w->confidence;
      letters += g_utf8_strlen (w->text, -1);
    }
  return n >= NOISE_MIN_WORDS && sum < NOISE_MEAN_CONFIDENCE * letters;
}

static int
compare_band_letters (gconstpointer a,
                      gconstpointer b)
{
  return ((const Band *) b)->n - ((const Band *) a)->n;
}

/* How much of @box (pixels of the level image) @level_bands cover, 0 … 1
 * (overlapping bands may count twice). */
static double
level_coverage (GArray        *level_bands,
                const EylRect *box)
{
  double area = eyl_rect_width (box) * eyl_rect_height (box), covered = 0;

  for (guint i = 0; i < level_bands->len && area > 0; i++)
    {
      const Band *b = &g_array_index (level_bands, Band, i);
      EylRect     band_box = { b->x0, b->y0, b->x1, b->y1 }, in;

      if (eyl_rect_intersect (&band_box, box, &in))
        covered += eyl_rect_width (&in) * eyl_rect_height (&in);
    }
  return area > 0 ? MIN (1.0, covered / area) : 0;
}

/* The bands of @scan's ink that run top to bottom, beside what the text
 * layer (@mask) and the words read so far explain: the longest few
 * (TURNED_MAX_BANDS), of which those that are not rows of the level
 * search too (@level_bands, see TURNED_MAX_LEVEL) are read by
 * ocr_turned_area.  A band passed over leaves its place empty: the next
 * longest are shorter still, and on the corpus as noisy. */
static void
ocr_turned (Ocr             *ocr,
            const EylRaster *scan,
            const guint8    *gray,
            const guint8    *mask,
            GArray          *level_bands)
{
  int                w = scan->width, h = scan->height;
  g_autofree guint8 *turned = turn_cw (gray, w, h);
  g_autofree guint8 *turned_mask = mask != NULL ? turn_cw (mask, w, h) : NULL;
  g_autoptr(GArray) blobs = g_array_new (FALSE, FALSE, sizeof (Comp));
  g_autoptr(GArray) bands = NULL;
  guint looked = 0;
  /* The way the page's turned text read so far: a page's lines set on
   * end mostly run the same way (a box's side panel, a flyer's spine),
   * and a line read the right way round first at TURNED_SURE is not read
   * upside down as well. */
  gboolean half_first = FALSE;

  /* What is explained (the text layer's @mask, the words read level) is
   * marked on the turned image directly: turn_cw() puts pixel (x, y) at
   * (h − 1 − y, x), so a box's rows of pixels are runs of its turned
   * rows.  A page without a text layer whose level reads explain nothing
   * has no mask at all, which finds the same bands as an empty one. */
  for (guint i = 0; i < ocr->words->len; i++)
    {
      const Word *word = &g_array_index (ocr->words, Word, i);
      double      x0, y0, x1, y1;
      int         ya, yb;

      /* Turned letters read level come out as short unsure scraps
       * ("Oo", "(Q)"): they explain nothing. */
      if (word->confidence < READ_WORD_CONFIDENCE || g_utf8_strlen (word->text, -1) < 3)
        continue;
      eyl_raster_page_to_pixel (scan, word->box.x0, word->box.y0, &x0, &y0);
      eyl_raster_page_to_pixel (scan, word->box.x1, word->box.y1, &x1, &y1);
      ya = CLAMP ((int) floor (y0) - 1, 0, h), yb = CLAMP ((int) ceil (y1) + 1, 0, h);
      if (ya >= yb)
        continue;
      for (int x = CLAMP ((int) floor (x0) - 1, 0, w); x < CLAMP ((int) ceil (x1) + 1, 0, w); x++)
        {
          if (turned_mask == NULL)
            turned_mask = g_malloc0 ((gsize) w * h);
          memset (turned_mask + (gsize) x * h + (h - yb), 1, yb - ya);
        }
    }
  bands = find_bands_all_sizes (turned, h, w, turned_mask, blobs);
  g_array_sort (bands, compare_band_letters);

  for (guint i = 0; i < bands->len && looked < TURNED_MAX_BANDS; i++)
    {
      const Band *band = &g_array_index (bands, Band, i);
      double      margin = band->height;
      EylRect     area;

      if (band->n < TURNED_MIN_LETTERS)
        break;
      {
        /* Its box in pixels of the level image: x = turned y,
         * y = h − turned x. */
        EylRect level = { band->y0, h - band->x1, band->y1, h - band->x0 };

        if (level_coverage (level_bands, &level) >= TURNED_MAX_LEVEL)
          {
            g_debug ("turned band of %d letters lies on level rows: not read", band->n);
            looked++;
            continue;
          }
      }
      /* One shape over and over is a pattern (a field of slashes, a
       * dotted rule), not a word: the letters of a word differ in width
       * or ink, and at TURNED_MIN_LETTERS or more all of one shape
       * within SAME_SHAPE is a letter repeated ("wwwww", "-----").  The
       * corpus' turned bands read as text had 0–13 pieces of one shape
       * of 5–47 (13 of the 38 of a web address); those of a sticker's
       * field of slashes all of them (7–9 of 7–9), and were read both
       * ways round as noise (12 reads, 0.23 s). */
      if (band->alike == band->n)
        {
          g_debug ("turned band of %d letters all of one shape: a pattern, not read", band->n);
          looked++;
          continue;
        }
      /* The specks of a photo or a map line up across the page as well
       * as along it (see band_on_picture): not read, and no read
       * spent on them. */
      if (band_on_picture (turned, h, w, band))
        {
          g_debug ("turned band of %d letters on a picture's ground: not read", band->n);
          continue;
        }
      /* Turned back: x = turned y, y = h − turned x. */
      area = (EylRect) { scan->area.x0 + (band->y0 - margin) / scan->scale,
                         scan->area.y0 + (h - band->x1 - margin) / scan->scale,
                         scan->area.x0 + (band->y1 + margin) / scan->scale,
                         scan->area.y0 + (h - band->x0 + margin) / scan->scale };
      eyl_rect_intersect (&area, &scan->area, &area);
      if (eyl_rect_is_empty (&area))
        continue;
      g_debug ("turned band of %d letters at [%.0f %.0f %.0f %.0f]", band->n,
               area.x0, area.y0, area.x1, area.y1);
      ocr_turned_area (ocr, scan, &area, band->height, &half_first);
      looked++;
    }
}

/* ---- Pages printed turned ---- */

/* A folded leaflet's inside is printed upside down on its sheet, a
 * landscape piece may lie on a portrait page.  Tesseract's orientation
 * detection (osd.traineddata: the legacy classifier tries a sample of
 * the page's letters the four ways round) says which way round the page
 * reads, and the page pass reads it so: one read, where the page as it
 * lies reads as noise all over and its bands, read closer, as more of it.
 * It looks at the page pass image made smaller, at most OSD_PIXELS and
 * OSD_MAX_PPT: letters need only be recognisable shapes there
 * (flyer-freifunk-myk-6page's inside: 180° with a confidence of 10.6 at
 * 150 dpi, 10.7 at 200 dpi, 0.6 at 100 dpi). */
#define OSD_PIXELS  (2.5 * 1000 * 1000)
#define OSD_MAX_PPT (150.0 / 72.0)
/* Trusted from this confidence on (the margin between the best way round
 * and the next): Tesseract's own min_orientation_margin, under which its
 * page layout keeps a page as it lies. */
#define OSD_MIN_CONFIDENCE 7.0

/* Which way round a page without a text layer reads is asked of
 * Tesseract's orientation detection (page_turn: 100–220 ms on a page of
 * running text, plus 50 ms to load its data once per process) only where
 * the answer can change something: on a page whose page pass, read as it
 * lies, read few words surely (see reads_upright), or first, before its
 * page pass, on one whose ink looks upside down (see bands_turned_over),
 * which would otherwise be read twice.
 *
 * The ink: in Latin text, ascenders and capitals (b d f h k l t, digits,
 * initials: about 30 % of the letters of English and German) far
 * outnumber descenders (g j p q y: about 6 %), so pieces of ink that rise
 * above their row's usual top (see ASCENT) outnumber those that drop
 * below its usual bottom; upside down it is the other way round, turned a
 * quarter (the level rows run across its lines, a letter of each) or on
 * pictures they come out about even.  Measured on the corpus' 18 pages
 * without a text layer (rising/dropping): upright running text 468/95,
 * 118/40, 106/29, 116/46; the page printed upside down 190/767; pictures
 * and display type 54/85 … 147/126; labels and flags under 10 either
 * way.  A page looks upside down with at least TURNED_OVER_MIN_DROP
 * pieces dropping, TURNED_OVER_RATIO times as many as rise: an even
 * split of 90 pieces falls that far out about once in a thousand. */
#define TURNED_OVER_MIN_DROP 60
#define TURNED_OVER_RATIO    2.0

static gboolean
bands_turned_over (GArray *bands)
{
  int rise = 0, drop = 0;

  for (guint i = 0; i < bands->len; i++)
    {
      rise += g_array_index (bands, Band, i).rise;
      drop += g_array_index (bands, Band, i).drop;
    }
  g_debug ("%d pieces of ink rise above their rows, %d drop below", rise, drop);
  return drop >= TURNED_OVER_MIN_DROP && drop >= TURNED_OVER_RATIO * rise;
}

/* A page pass read as the page lies that read at least UPRIGHT_WORDS
 * words of four letters or digits or more with a confidence of
 * UPRIGHT_CONFIDENCE or more, at least UPRIGHT_SHARE of all its words of
 * that length, read upright text: turned or upside-down letters read as
 * scraps Tesseract is unsure of.  Measured on the corpus' pages without a
 * text layer: those of upright text 15–123 such words, 0.5–0.98 of their
 * words of four or more; the page printed upside down, read as it lies,
 * 1 of 241.  A page of upright text beside a column set on end reads the
 * column as noise and so is asked. */
#define UPRIGHT_WORDS      10
#define UPRIGHT_CONFIDENCE 90.0
#define UPRIGHT_SHARE      0.25

static gboolean
reads_upright (GArray *words)
{
  guint long_words = 0, sure = 0;

  for (guint i = 0; i < words->len; i++)
    {
      const Word *w = &g_array_index (words, Word, i);

      if (count_alnum (w->text) < 4)
        continue;
      long_words++;
      sure += w->confidence >= UPRIGHT_CONFIDENCE;
    }
  g_debug ("the page pass read %u words of four letters or more, %u of them surely", long_words, sure);
  return sure >= UPRIGHT_WORDS && sure >= UPRIGHT_SHARE * long_words;
}

/* Quarter turns clockwise (0 … 3) that make @scan's text upright, 0 when
 * Tesseract is not sure or has no orientation data. */
static int
page_turn (const EylRaster *scan)
{
  double area = eyl_rect_width (&scan->area) * eyl_rect_height (&scan->area);
  double scale = MIN (scan->scale, MIN (OSD_MAX_PPT, sqrt (OSD_PIXELS / MAX (area, 1.0))));
  g_autoptr(EylRaster) small = crop_raster (scan, &scan->area, scale);
  g_autofree guint8 *gray = eyl_raster_dup_gray (small);
  TessBaseAPI       *osd;
  const char        *script = NULL;
  float              confidence = 0, script_confidence = 0;
  int                degrees = 0;
  gboolean           found;

  if (!language_installed ("osd"))
    return 0;
  osd = engine_take ("osd", NULL);
  if (osd == NULL)
    return 0;
  double start = eyl_stage_thread_cpu_ms ();
  eyl_stage_count ("tesseract-osd");
  g_atomic_int_inc (&n_orientations);
  TessBaseAPISetPageSegMode (osd, PSM_OSD_ONLY);
  TessBaseAPISetImage (osd, gray, small->width, small->height, 1, small->width);
  TessBaseAPISetSourceResolution (osd, CLAMP ((int) lround (small->scale * 72.0), 70, 2400));
  /* FALSE when it finds too few letters to tell. */
  found = TessBaseAPIDetectOrientationScript (osd, &degrees, &confidence, &script, &script_confidence);
  engine_give_back ("osd", osd);
  g_debug ("orientation of a %d × %d px page image: %d° (confidence %.1f), %s, %.0f ms CPU", small->width,
           small->height, found ? degrees : -1, found ? confidence : 0, found && script != NULL ? script : "?", eyl_stage_thread_cpu_ms () - start);
  if (!found || confidence < OSD_MIN_CONFIDENCE)
    return 0;
  /* @degrees: how far the page is turned clockwise. */
  return ((360 - degrees) / 90) % 4;
}

/* @bands (with @blobs) of @gray (@w × @h) as it lies, or, on a page
 * upside down (@turn 2), its rows looked for again the right way up
 * instead (see find_bands_upside_down). */
static GArray *
bands_for_turn (GArray       *bands,
                GArray       *blobs,
                const guint8 *gray,
                int           w,
                int           h,
                int           turn)
{
  if (turn != 2)
    return bands;
  g_array_unref (bands);
  g_array_set_size (blobs, 0);
  return find_bands_upside_down (gray, w, h, blobs);
}

/* The page pass of a page without a text layer (@gray, the grey plane of
 * @scan, whose text-like @bands were found the right way up).  Sparse
 * text: posters and stickers are scattered words, not paragraphs.
 * Measured on the corpus' 9 pages without a text layer: PSM_SPARSE_TEXT
 * found 17 contacts in 10.9 s, PSM_AUTO 12 in 14.7 s. */
static void
page_pass (Ocr             *ocr,
           GArray          *bands,
           const guint8    *gray,
           const EylRaster *scan)
{
  /* A page turned a quarter has its lines across the level bands: read
   * whole. */
  gboolean           blank = FALSE;
  g_autofree guint8 *only = ocr->turn % 2 == 0 ? bands_only (bands, gray, scan->width, scan->height, &blank)
                                               : NULL;

  if (only != NULL)
    eyl_stage_count ("tesseract-bands-only");
  if (blank)
    {
      g_debug ("no text-like ink off pictures: no page pass");
      return;
    }
  ocr_gray_turned (ocr, only != NULL ? only : gray, scan->width, scan->height, &scan->area, scan->scale,
                   ocr->turn, PSM_SPARSE_TEXT);
}

void
eyl_detect_ocr (const EylPageData     *page,
                const EylRaster       *raster,
                const EylRenderer     *renderer,
                EylBrandKit           *kit,
                const EylPixelOptions *options,
                GPtrArray             *elements,
                GPtrArray             *warnings,
                EylPageData          **read)
{
  g_auto(EylStageScope) stage = eyl_stage_scope (EYL_STAGE_OCR);
  g_autofree char *languages = NULL;
  g_autoptr(GArray) words = NULL;
  g_autoptr(GArray) regions = NULL;
  g_autoptr(GArray) bands = NULL;
  g_autoptr(GArray) blobs = NULL;
  g_autoptr(GArray) sure = NULL;
  g_autoptr(EylPageData) ocr_page = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree guint8 *gray = NULL;
  g_autofree guint8 *mask = NULL;
  g_autoptr(EylRaster) page_image = NULL;
  const EylRaster *scan;
  gboolean         live, had_headline = FALSE, asked = FALSE;
  EylRect          clip;
  Ocr              ocr = {
                 0,
  };

  g_return_if_fail (page != NULL);
  g_return_if_fail (raster != NULL);
  g_return_if_fail (elements != NULL);

  if (read != NULL)
    *read = NULL;
  if (options != NULL && !options->ocr)
    return;

  languages = choose_languages (options != NULL ? options->ocr_languages : NULL, warnings);
  if (languages == NULL)
    return;

  live = has_live_text (page);
  clip = raster->area;
  words = g_array_new (FALSE, FALSE, sizeof (Word));
  g_array_set_clear_func (words, word_clear);
  ocr.renderer = renderer;
  ocr.words = words;
  ocr.budget = live ? LIVE_TOTAL_PIXELS : TOTAL_PIXELS;
  ocr.live = live ? page : NULL;
  ocr.image_px = image_pixels (page);
  ocr.render_cost = RENDER_COST_PIXELS + ocr.image_px;

  if (!live)
    {
      /* No text layer: read the whole page once, at a bounded scale
       * that does not depend on the analysis raster's. */
      double area = eyl_rect_width (&clip) * eyl_rect_height (&clip);
      double scale = MIN (PAGE_PASS_MAX_PPT, sqrt (PAGE_PASS_PIXELS / MAX (area, 1.0)));

      if (scale <= raster->scale * 1.2)
        page_image = crop_raster (raster, &clip, MIN (scale, raster->scale));
      else if (renderer != NULL && renderer->render != NULL)
        page_image = render_area (&ocr, raster, &clip, scale);
      scan = page_image != NULL ? page_image : raster;
    }
  else
    {
      /* Live text: look for unexplained ink on the analysis raster. */
      scan = raster;
      mask = live_text_mask (page, raster);
    }

  gray = eyl_raster_dup_gray (scan);
  blobs = g_array_new (FALSE, FALSE, sizeof (Comp));
  bands = find_bands_all_sizes (gray, scan->width, scan->height, mask, blobs);
  if (!live)
    {
      ocr.page_area = scan->area;
      /* Orientation detection first only for a page whose ink looks
       * upside down; the others are read as they lie first, and asked
       * only when that reads few words surely (below). */
      asked = bands_turned_over (bands);
      if (asked)
        ocr.turn = page_turn (scan);
    }
  bands = bands_for_turn (bands, blobs, gray, scan->width, scan->height, ocr.turn);
  g_debug ("page %u: %u text-like bands of ink (%s text layer)", page->index, bands->len, live ? "with a" : "no");
  if (live && bands->len == 0)
    return;

  if (live && (options == NULL || options->ocr_languages == NULL || *options->ocr_languages == '\0'))
    {
      /* The text layer's language alone, when it tells one (languages
       * asked for are all read). */
      const char *one = eyl_detect_ocr_page_language (page, languages);

      if (one != NULL)
        {
          g_free (languages);
          languages = g_strdup (one);
        }
    }
  ocr.languages = languages;
  ocr.warnings = warnings;

  if (!live)
    {
      g_autofree gboolean *band_read = NULL;
      g_autofree gboolean *passed_over = NULL;
      double               before = ocr.pixels;

      page_pass (&ocr, bands, gray, scan);
      if (!asked && !reads_upright (words))
        {
          /* Read as it lies, the page read few words surely: which way
           * round it reads is asked, and the page read again when it
           * lies otherwise. */
          ocr.turn = page_turn (scan);
          if (ocr.turn != 0)
            {
              /* What it read as it lay is dropped, and its pixels do
               * not count against the regions' budget. */
              g_array_set_size (words, 0);
              ocr.pixels = before;
              bands = bands_for_turn (bands, blobs, gray, scan->width, scan->height, ocr.turn);
              page_pass (&ocr, bands, gray, scan);
            }
        }
      /* Then each band again that this pass did not read, or read with
       * letters too small for Tesseract.  Read at ~300 dpi, text too small
       * for that is fine print (under ~6 pt): not worth rendering again. */
      band_read = bands_read (bands, scan, words, &passed_over);
      for (guint i = 0; i < bands->len; i++)
        if (g_array_index (bands, Band, i).height < BAND_SMALL_PX)
          band_read[i] = scan->scale >= 0.8 * PAGE_PASS_MAX_PPT;
      if (noise_all_over (words))
        {
          /* A closer look reads more of the same. */
          g_debug ("page %u: the page pass read noise: no second look", page->index);
          regions = g_array_new (FALSE, FALSE, sizeof (Region));
        }
      else if (ocr.turn % 2 == 1)
        {
          /* Its level rows of ink run across its lines, a letter of
           * each: no text.  The lines the page pass left unread are
           * turned bands (ocr_turned). */
          regions = g_array_new (FALSE, FALSE, sizeof (Region));
        }
      else
        regions = regions_of_bands (bands, blobs, scan, gray, band_read, passed_over, MIN_SECOND_LOOK,
                                    &clip);
    }
  else
    {
      g_autoptr(GArray) legible = legible_bands (bands, scan, gray, options != NULL ? options->mm_per_pt : 0);

      regions = regions_of_bands (legible, blobs, scan, gray, NULL, NULL, 0, &clip);
    }

  ocr_regions (&ocr, scan, regions);
  ocr_turned (&ocr, scan, gray, mask, bands);

  if (ocr.api != NULL)
    engine_give_back (languages, g_steal_pointer (&ocr.api));

  if (words->len == 0)
    return;

  if (read != NULL)
    {
      g_autoptr(GArray) confident = g_array_new (FALSE, FALSE, sizeof (Word));

      g_array_set_clear_func (confident, word_clear);
      for (guint i = 0; i < words->len; i++)
        {
          Word w = g_array_index (words, Word, i);

          /* Turned lines are read for their contacts only: a mark
           * whose strokes read as turned letters is still a mark to the
           * logo finder. */
          if (w.confidence < READ_WORD_CONFIDENCE || w.turned || on_turned_word (words, &w))
            continue;
          w.text = g_strdup (w.text);
          g_array_append_val (confident, w);
        }
      if (confident->len > 0)
        *read = build_page (page, confident);
    }

  ocr_page = build_page (page, words);
  g_debug ("Page %u, OCR text (%s, %.1f Mpx, %u regions, %u renders, %u left out):\n%s",
           page->index + 1, languages, ocr.pixels / 1e6, ocr.regions, ocr.renders, ocr.skipped,
           ocr_page->text);
  found = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
  eyl_detect_contacts (ocr_page, found);
  if (ocr.turned_read > 0)
    {
      /* The brand from the level words: a wordmark set on end is a
       * mark for the logo finder. */
      g_autoptr(GArray) level = g_array_new (FALSE, FALSE, sizeof (Word));
      g_autoptr(EylPageData) level_page = NULL;

      g_array_set_clear_func (level, word_clear);
      for (guint i = 0; i < words->len; i++)
        {
          Word w = g_array_index (words, Word, i);

          if (w.turned)
            continue;
          w.text = g_strdup (w.text);
          g_array_append_val (level, w);
        }
      level_page = build_page (page, level);
      eyl_detect_brand (level_page, kit, found);
    }
  else
    eyl_detect_brand (ocr_page, kit, found);
  for (guint i = 0; i < elements->len; i++)
    if (((EylElement *) g_ptr_array_index (elements, i))->kind == EYL_ELEMENT_HEADLINE)
      had_headline = TRUE;
  /* The headline and calls to action from the words Tesseract is sure
   * of: a big blur read as "San" must not take the headline's place. */
  sure = sure_words (words);
  if (sure->len > 0)
    {
      g_autoptr(EylPageData) sure_page = build_page (page, sure);

      if (!had_headline)
        eyl_detect_headline (sure_page, found);
      eyl_detect_cta (sure_page, found);
    }

  for (guint i = 0; i < found->len; i++)
    {
      EylElement *element = g_ptr_array_index (found, i);

      if (element->source != EYL_SOURCE_TEXT && element->source != EYL_SOURCE_OCR)
        continue; /* inferred brand names and the like: not read here */
      if (covered (elements, element))
        {
          g_debug ("%s \"%s\": already found", eyl_element_kind_to_string (element->kind),
                   element->text);
          continue;
        }
      element->source = EYL_SOURCE_OCR;
      if (!plausible (element, words))
        continue;
      g_ptr_array_add (elements, eyl_element_ref (element));
    }
}
