/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-detect-ocr.c: text the text layer does not have, read with
 * Tesseract (C API, LSTM engine).
 *
 * Which pixels: the whole page when it has no text layer; else only the
 * text-like ink the live text does not explain (its glyph boxes are
 * masked).  Text-like ink is found on a grey plane as connected
 * components of ink (darker or lighter than the local mean) that sit in a
 * row: a band of similar heights whose width is several times its height.
 *
 * Resolution: Tesseract reads best with an x-height of about 20 px or more
 * (Tesseract FAQ, "Is there a Minimum / Maximum Text Size?": "accuracy
 * drops off below 10px x-height"; tessdoc ImproveQuality: "optimal …
 * x-height of at least 20 pixels").  A page without a text layer is read
 * once at a scale bounded by a pixel budget; bands whose letters are too
 * small there, and every band of a page with live text, are re-rendered
 * alone at a scale that makes their letters BAND_TARGET_PX tall.  The
 * whole page is never rendered at print resolution. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-ocr"

#include <dlfcn.h>
#include <math.h>
#include <string.h>
#include <cairo.h>
#include <glib/gi18n.h>
#include <tesseract/capi.h>

#include "eyl-detect-pixels.h"
#include "eyl-detect-private.h"

/* Page pass on a page with no text layer: at most this many pixels, and
 * no finer than 300 dpi (the resolution tessdoc ImproveQuality calls
 * best for body text), never coarser than the analysis raster. */
#define PAGE_PASS_PIXELS   (8.0 * 1000 * 1000)
#define PAGE_PASS_MAX_PPT  (300.0 / 72.0)
/* Band heights (ink of one row of letters, px): below BAND_SMALL_PX on
 * the page pass, a band is read again re-rendered so that it is
 * BAND_TARGET_PX tall (caps of ~30 px, x-height ~20 px, see above), at
 * most 600 dpi. */
#define BAND_SMALL_PX      18
#define BAND_TARGET_PX     32.0
#define BAND_MAX_PPT       (600.0 / 72.0)
/* Budgets per page: the "bounded" OCR work. */
#define TOTAL_PIXELS       (25.0 * 1000 * 1000)
/* A page with live text gets far less: its leftover ink is mostly photos,
 * maps and screenshots, and Tesseract spends ~1.4 s per Mpx on them
 * (flyer-osgeo-geoserver: 3.6 Mpx of map read at 600 ppi in 5 s).  An
 * outlined contact line is a band of well under 1 Mpx. */
#define LIVE_TOTAL_PIXELS  (1.5 * 1000 * 1000)
#define REGION_PIXELS      (4.0 * 1000 * 1000)
#define MAX_REGIONS        4
/* One render shared by all the regions of a page, when it is at least
 * SHARED_ENOUGH of the scale a region wants. */
#define SHARED_PIXELS      (8.0 * 1000 * 1000)
#define SHARED_ENOUGH      0.7
/* Regions are merged up to this size. */
#define MERGED_PIXELS      (1.0 * 1000 * 1000)
/* Without a renderer (tests) a region is upscaled from the raster, by at
 * most this factor (more invents nothing). */
#define MAX_UPSCALE        4.0
/* Ink: at least this many grey levels from the local mean (a window of
 * 2·MEAN_RADIUS+1 px).  Print text is well above it; photo grain mostly
 * below. */
#define INK_THRESHOLD      48
#define MEAN_RADIUS        20
/* Words Tesseract is less sure of than this (0 … 100) are noise: on
 * photos and graphics it reads shapes as short low-confidence words. */
#define MIN_WORD_CONFIDENCE 45.0f
/* An element read from so unsure words (detector × OCR confidence) is
 * more likely a texture read as letters: the corpus' photos and emblems
 * gave "Wa", "poh", "BS wes ar" at 0.3–0.48, real text 0.58 and up. */
#define MIN_ELEMENT_CONFIDENCE 0.5
/* A headline or a call to action read by OCR: the mean confidence of its
 * words (0 … 1).  On the corpus, logos and photos read as words scored
 * 0.79–0.87, real headlines 0.94 and up. */
#define MESSAGE_WORD_CONFIDENCE 0.9
/* Words passed on as read text (see eyl_detect_ocr's @read): surer than
 * the noise above, so that a texture read as letters still counts as a
 * picture. */
#define READ_WORD_CONFIDENCE 70.0f

/* Languages used when none are asked for: the ones we know the corpus
 * and the users need, those installed. */
static const char * const default_languages[] = { "eng", "deu" };

typedef struct
{
  char    *text;
  EylRect  box;         /* page space */
  double   cap_height;  /* pt, 0 unknown: baseline to top of the ink */
  gboolean has_cap;     /* the word has a capital, digit or ascender */
  float    confidence;  /* 0 … 100 */
  guint    line;        /* unique per text line over the whole page */
} Word;

static void
word_clear (gpointer data)
{
  Word *word = data;

  g_free (word->text);
}

typedef struct
{
  const EylRenderer     *renderer;
  TessBaseAPI           *api;
  GArray                *words;      /* Word */
  guint                  next_line;
  double                 pixels;     /* OCR pixels spent */
  double                 budget;     /* pixels it may spend on regions */
  guint                  regions;
} Ocr;

/* ------------------------------------------------------------------ */
/* Languages */

static const char *
tessdata_dir (void)
{
  static const char *found = NULL;
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      const char *prefix = g_getenv ("TESSDATA_PREFIX");
      const char *candidates[] = {
        prefix,
        NULL,   /* prefix/tessdata, filled below */
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

/* ------------------------------------------------------------------ */
/* Text-like ink */

typedef struct
{
  int x0, y0, x1, y1;   /* pixels, inclusive-exclusive */
  int count;
} Comp;

typedef struct
{
  int    x0, y0, x1, y1;
  double height;        /* median component height, px */
  int    n;
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

/* Connected components (8-connected) of the pixels set in @ink; keeps
 * those that could be a letter, a word or a run of small letters. */
static GArray *
find_components (const guint8 *ink,
                 int           w,
                 int           h)
{
  GArray *comps = g_array_new (FALSE, FALSE, sizeof (Comp));
  g_autofree guint8 *seen = g_malloc0 ((gsize) w * h);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (int));

  for (int start = 0; start < w * h; start++)
    {
      Comp c;

      if (!ink[start] || seen[start])
        continue;

      c.x0 = c.x1 = start % w;
      c.y0 = c.y1 = start / w;
      c.count = 0;
      seen[start] = 1;
      g_array_set_size (stack, 0);
      g_array_append_val (stack, start);
      while (stack->len > 0)
        {
          int p = g_array_index (stack, int, stack->len - 1);
          int px = p % w, py = p / w;

          g_array_set_size (stack, stack->len - 1);
          c.count++;
          c.x0 = MIN (c.x0, px);
          c.x1 = MAX (c.x1, px);
          c.y0 = MIN (c.y0, py);
          c.y1 = MAX (c.y1, py);
          for (int dy = -1; dy <= 1; dy++)
            for (int dx = -1; dx <= 1; dx++)
              {
                int nx = px + dx, ny = py + dy, q;

                if (nx < 0 || ny < 0 || nx >= w || ny >= h)
                  continue;
                q = ny * w + nx;
                if (ink[q] && !seen[q])
                  {
                    seen[q] = 1;
                    g_array_append_val (stack, q);
                  }
              }
        }
      c.x1++;
      c.y1++;

      {
        int cw = c.x1 - c.x0, ch = c.y1 - c.y0;
        double fill = (double) c.count / ((double) cw * ch);

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
    }

  return comps;
}

/* Ink bands: rows of components of similar height, close together. */
static GArray *
find_bands (const guint8  *gray,
            int            w,
            int            h,
            const guint8  *mask)
{
  g_autofree guint32 *sum = g_new (guint32, (gsize) (w + 1) * (h + 1));
  g_autofree guint8 *ink = g_malloc0 ((gsize) w * h);
  g_autoptr(GArray) comps = NULL;
  g_autofree int *parent = NULL;
  GArray *bands = g_array_new (FALSE, FALSE, sizeof (Band));
  guint n;

  /* Summed-area table for the local mean (Crow 1984, "Summed-area tables
   * for texture mapping"). */
  memset (sum, 0, sizeof (guint32) * (w + 1));
  for (int y = 0; y < h; y++)
    {
      guint32 row = 0;

      sum[(gsize) (y + 1) * (w + 1)] = 0;
      for (int x = 0; x < w; x++)
        {
          row += gray[(gsize) y * w + x];
          sum[(gsize) (y + 1) * (w + 1) + x + 1] = sum[(gsize) y * (w + 1) + x + 1] + row;
        }
    }

  for (int y = 0; y < h; y++)
    {
      int y0 = MAX (0, y - MEAN_RADIUS), y1 = MIN (h, y + MEAN_RADIUS + 1);

      for (int x = 0; x < w; x++)
        {
          int x0 = MAX (0, x - MEAN_RADIUS), x1 = MIN (w, x + MEAN_RADIUS + 1);
          guint32 s = sum[(gsize) y1 * (w + 1) + x1] - sum[(gsize) y0 * (w + 1) + x1]
                      - sum[(gsize) y1 * (w + 1) + x0] + sum[(gsize) y0 * (w + 1) + x0];
          int mean = (int) (s / (guint32) ((x1 - x0) * (y1 - y0)));
          int g = gray[(gsize) y * w + x];

          if (mask != NULL && mask[(gsize) y * w + x])
            continue;
          /* Dark ink on a light ground; light ink on a dark one is found
           * by the second pass below. */
          ink[(gsize) y * w + x] = g < mean - INK_THRESHOLD;
        }
    }

  comps = find_components (ink, w, h);

  /* Light-on-dark text: the same on the negative. */
  for (int y = 0; y < h; y++)
    {
      int y0 = MAX (0, y - MEAN_RADIUS), y1 = MIN (h, y + MEAN_RADIUS + 1);

      for (int x = 0; x < w; x++)
        {
          int x0 = MAX (0, x - MEAN_RADIUS), x1 = MIN (w, x + MEAN_RADIUS + 1);
          guint32 s = sum[(gsize) y1 * (w + 1) + x1] - sum[(gsize) y0 * (w + 1) + x1]
                      - sum[(gsize) y1 * (w + 1) + x0] + sum[(gsize) y0 * (w + 1) + x0];
          int mean = (int) (s / (guint32) ((x1 - x0) * (y1 - y0)));
          int g = gray[(gsize) y * w + x];

          ink[(gsize) y * w + x] = (mask == NULL || !mask[(gsize) y * w + x]) &&
                                   g > mean + INK_THRESHOLD;
        }
    }
  {
    g_autoptr(GArray) light = find_components (ink, w, h);

    g_array_append_vals (comps, light->data, light->len);
  }

  g_array_sort (comps, compare_comp_x);
  n = comps->len;
  parent = g_new (int, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    parent[i] = i;

  /* Join neighbours in a row: similar height, overlapping vertically,
   * a gap of at most ~1.5 letter heights (a word space is ~0.3 em,
   * generous letter-spacing on posters more). */
  for (guint i = 0; i < n; i++)
    {
      const Comp *a = &g_array_index (comps, Comp, i);
      int ha = a->y1 - a->y0;

      for (guint j = i + 1; j < n; j++)
        {
          const Comp *b = &g_array_index (comps, Comp, j);
          int hb = b->y1 - b->y0;
          int hmax = MAX (ha, hb), hmin = MIN (ha, hb);
          int overlap = MIN (a->y1, b->y1) - MAX (a->y0, b->y0);

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
      g_autoptr(GArray) heights = NULL;
      Band band = { G_MAXINT, G_MAXINT, 0, 0, 0, 0 };
      int r = i;

      while (parent[r] != r)
        r = parent[r];
      if ((guint) r != i)
        continue;

      heights = g_array_new (FALSE, FALSE, sizeof (int));
      for (guint j = i; j < n; j++)
        {
          const Comp *c = &g_array_index (comps, Comp, j);
          int rj = j, hc = c->y1 - c->y0;

          while (parent[rj] != rj)
            rj = parent[rj];
          if ((guint) rj != i)
            continue;
          band.x0 = MIN (band.x0, c->x0);
          band.y0 = MIN (band.y0, c->y0);
          band.x1 = MAX (band.x1, c->x1);
          band.y1 = MAX (band.y1, c->y1);
          band.n++;
          g_array_append_val (heights, hc);
        }
      g_array_sort (heights, compare_int);
      band.height = g_array_index (heights, int, heights->len / 2);

      /* Text: a row of several letters, or one long run of letters
       * merged at low resolution. */
      if ((band.n >= 3 && band.x1 - band.x0 >= 2 * band.height) ||
          (band.x1 - band.x0 >= 4 * band.height))
        g_array_append_val (bands, band);
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

/* Reads @gray (covering @area at @scale px/pt) and appends its words. */
static void
ocr_gray (Ocr           *ocr,
          const guint8  *gray,
          int            w,
          int            h,
          const EylRect *area,
          double         scale,
          TessPageSegMode psm)
{
  TessResultIterator *it;
  int ppi = (int) lround (scale * 72.0);

  gint64 start = g_get_monotonic_time ();

  ocr->pixels += (double) w * h;
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
      g_autofree char *utf8 = NULL;
      char *raw;
      int left, top, right, bottom;
      int bx0, by0, bx1, by1;
      Word word = { 0, };
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
      if (word.confidence < MIN_WORD_CONFIDENCE)
        continue;
      for (const char *p = utf8; *p != '\0'; p = g_utf8_next_char (p))
        if (g_unichar_isalnum (g_utf8_get_char (p)))
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

      word.text = g_steal_pointer (&utf8);
      word.line = ocr->next_line;
      g_array_append_val (ocr->words, word);
    }
  while (TessResultIteratorNext (it, RIL_WORD));

  TessResultIteratorDelete (it);
  g_debug ("OCR of %d × %d px at %d ppi: %.0f ms", w, h, ppi,
           (g_get_monotonic_time () - start) / 1000.0);
}

/* @area of @source at @scale (at most MAX_UPSCALE times finer and within
 * REGION_PIXELS): a crop, resampled bilinearly. */
static EylRaster *
crop_raster (const EylRaster *source,
             const EylRect   *area,
             double           scale)
{
  EylRaster *out;
  cairo_t *cr;

  scale = MIN (scale, source->scale * MAX_UPSCALE);
  if ((double) eyl_rect_width (area) * eyl_rect_height (area) * scale * scale > REGION_PIXELS)
    scale = sqrt (REGION_PIXELS / (eyl_rect_width (area) * eyl_rect_height (area)));
  out = eyl_raster_new (area, scale);
  cr = eyl_raster_create_context (out);
  cairo_translate (cr, source->area.x0, source->area.y0);
  cairo_scale (cr, 1.0 / source->scale, 1.0 / source->scale);
  cairo_set_source_surface (cr, source->surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_BILINEAR);
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

static void
ocr_raster (Ocr             *ocr,
            const EylRaster *raster,
            TessPageSegMode  psm)
{
  g_autofree guint8 *gray = eyl_raster_dup_gray (raster);

  ocr_gray (ocr, gray, raster->width, raster->height, &raster->area, raster->scale, psm);
}

/* ------------------------------------------------------------------ */
/* Regions */

typedef struct
{
  EylRect area;     /* page space */
  double  scale;    /* wanted px/pt */
  int     n;        /* ink components: how much it looks like text */
} Region;

/* Bands of @image (at @image_scale) as regions to read at a scale that
 * makes their letters BAND_TARGET_PX tall; with @only_small, only bands
 * smaller than BAND_SMALL_PX. */
static GArray *
regions_of_bands (GArray          *bands,
                  const EylRaster *image,
                  gboolean         only_small,
                  const EylRect   *clip)
{
  GArray *regions = g_array_new (FALSE, FALSE, sizeof (Region));

  for (guint i = 0; i < bands->len; i++)
    {
      const Band *band = &g_array_index (bands, Band, i);
      double pad = MAX (2.0, 0.6 * band->height);
      Region r;

      if (only_small && band->height >= BAND_SMALL_PX)
        continue;
      /* Tiny bands are specks, dotted rules or halftone; a 4 px band is
       * read at 8× (32 px), enough for any text. */
      if (band->height < 4)
        continue;

      eyl_raster_pixel_to_page (image, band->x0 - pad, band->y0 - pad, &r.area.x0, &r.area.y0);
      eyl_raster_pixel_to_page (image, band->x1 + pad, band->y1 + pad, &r.area.x1, &r.area.y1);
      if (!eyl_rect_intersect (&r.area, clip, &r.area))
        continue;
      r.n = band->n;
      r.scale = MIN (BAND_MAX_PPT, image->scale * BAND_TARGET_PX / MAX (band->height, 1.0));
      /* Big enough to read as it is (an outlined contact line on a
       * banner): read it at the raster's own scale, no closer look. */
      if (r.scale < 1.5 * image->scale)
        r.scale = image->scale;

      /* Merge with a neighbour of a similar scale: a block of lines is
       * read in one go, which Tesseract's layout also likes, and each
       * render costs about as much as rendering the page (Poppler walks
       * the whole content stream: 0.45 s a region on
       * poster-galaxy-factsheet-2025). */
      for (guint j = 0; j < regions->len; j++)
        {
          Region *o = &g_array_index (regions, Region, j);
          EylRect both = r.area;
          double parts = eyl_rect_width (&r.area) * eyl_rect_height (&r.area) +
                         eyl_rect_width (&o->area) * eyl_rect_height (&o->area);

          eyl_rect_union (&both, &o->area);
          if (MAX (o->scale, r.scale) < 1.6 * MIN (o->scale, r.scale) &&
              eyl_rect_width (&both) * eyl_rect_height (&both) <= 2.0 * parts &&
              /* Tesseract's time grows with the area it lays out: a
               * 4 Mpx block of graphics took 1.6 s. */
              eyl_rect_width (&both) * eyl_rect_height (&both) *
              MAX (r.scale, o->scale) * MAX (r.scale, o->scale) <= MERGED_PIXELS)
            {
              r.area = both;
              r.scale = MAX (r.scale, o->scale);
              r.n += o->n;
              g_array_remove_index_fast (regions, j);
              j = (guint) -1;   /* the grown region may meet others */
            }
        }
      g_array_append_val (regions, r);
    }

  return regions;
}

/* Most text-like first: the budget goes to rows of many letters. */
static int
compare_region_text (gconstpointer a,
                     gconstpointer b)
{
  const Region *p = a, *q = b;

  return q->n - p->n;
}

static void
ocr_regions (Ocr             *ocr,
             const EylRaster *raster,
             GArray          *regions)
{
  g_autoptr(EylRaster) shared = NULL;

  g_array_sort (regions, compare_region_text);

  /* Each render costs about as much as the whole page (Poppler walks the
   * whole content stream: 0.45 s a region on poster-galaxy-factsheet-2025),
   * so several regions are first cut from one render of their union. */
  if (regions->len > 1 && ocr->renderer != NULL && ocr->renderer->render != NULL)
    {
      EylRect all = g_array_index (regions, Region, 0).area;
      double scale = 0, pixels;

      for (guint i = 0; i < regions->len; i++)
        {
          eyl_rect_union (&all, &g_array_index (regions, Region, i).area);
          scale = MAX (scale, g_array_index (regions, Region, i).scale);
        }
      pixels = eyl_rect_width (&all) * eyl_rect_height (&all) * scale * scale;
      if (pixels > SHARED_PIXELS)
        scale *= sqrt (SHARED_PIXELS / pixels);
      shared = render_area (ocr, raster, &all, scale);
    }

  for (guint i = 0; i < regions->len; i++)
    {
      const Region *r = &g_array_index (regions, Region, i);
      g_autoptr(EylRaster) image = NULL;
      guint before = ocr->words->len;
      double scale = r->scale;
      double pixels = eyl_rect_width (&r->area) * eyl_rect_height (&r->area) * scale * scale;

      if (shared != NULL && shared->scale >= SHARED_ENOUGH * scale)
        image = crop_raster (shared, &r->area, shared->scale);
      else if (ocr->regions >= MAX_REGIONS)
        continue;
      if (pixels > REGION_PIXELS)
        {
          scale *= sqrt (REGION_PIXELS / pixels);
          pixels = REGION_PIXELS;
        }
      if (ocr->pixels + pixels > ocr->budget)
        continue;

      if (image == NULL)
        {
          image = render_area (ocr, raster, &r->area, scale);
          if (image == NULL)
            continue;
          ocr->regions++;
        }
      /* A band or a few lines: one uniform block. */
      ocr_raster (ocr, image, PSM_SINGLE_BLOCK);

      /* What this closer look read replaces what the page pass read
       * there. */
      if (ocr->words->len > before)
        for (guint j = 0; j < before; j++)
          {
            Word *w = &g_array_index (ocr->words, Word, j);
            double cx = 0.5 * (w->box.x0 + w->box.x1), cy = 0.5 * (w->box.y0 + w->box.y1);

            if (eyl_rect_contains_point (&r->area, cx, cy))
              {
                g_array_remove_index (ocr->words, j);
                before--;
                j--;
              }
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
  return (p->box.x0 > q->box.x0) - (p->box.x0 < q->box.x0);
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
  guint n_keys;

  for (guint i = 0; i < words->len; i++)
    {
      const Word *w = &g_array_index (words, Word, i);
      EylRect *box = g_hash_table_lookup (boxes, GUINT_TO_POINTER (w->line));

      if (box == NULL)
        g_hash_table_insert (boxes, GUINT_TO_POINTER (w->line), g_memdup2 (&w->box, sizeof w->box));
      else
        eyl_rect_union (box, &w->box);
    }

  keys = g_hash_table_get_keys_as_array (boxes, &n_keys);
  for (guint a = 0; a < n_keys; a++)
    for (guint b = a + 1; b < n_keys; b++)
      {
        const EylRect *p = g_hash_table_lookup (boxes, keys[a]);
        const EylRect *q = g_hash_table_lookup (boxes, keys[b]);
        double hp = eyl_rect_height (p), hq = eyl_rect_height (q);
        double overlap = MIN (p->y1, q->y1) - MAX (p->y0, q->y0);
        double gap = MAX (p->x0, q->x0) - MIN (p->x1, q->x1);
        gpointer ra = keys[a], rb = keys[b], up;

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
      Word *w = &g_array_index (words, Word, i);
      gpointer r = GUINT_TO_POINTER (w->line), up;

      while ((up = g_hash_table_lookup (parent, r)) != NULL)
        r = up;
      w->line = GPOINTER_TO_UINT (r);
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
  const EylGlyph *glyphs;
  guint n_built, n_glyphs;

  eyl_page_data_builder_set_boxes (builder, &page->boxes);
  join_rows (words);
  g_array_sort (words, compare_word_position);

  /* Lines in reading order, top to bottom: Tesseract's order holds within
   * a region, the regions themselves were read smallest first. */
  for (guint i = 0; i < words->len;)
    {
      const Word *first = &g_array_index (words, Word, i);
      g_autoptr(GArray) caps = g_array_new (FALSE, FALSE, sizeof (double));
      LineInfo info = { first->line, first->box.y0, 0, 0 };
      guint j;

      for (j = i; j < words->len && g_array_index (words, Word, j).line == first->line; j++)
        {
          const Word *w = &g_array_index (words, Word, j);

          info.y0 = MIN (info.y0, w->box.y0);
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
      double size = info->cap > 0 ? info->cap / 0.7 : 0;
      const Word *prev = NULL;
      EylRect line_box = { 0, };

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
      double cy;

      if (line->start >= n_glyphs)
        continue;
      cy = 0.5 * (glyphs[line->start].box.y0 + glyphs[line->start].box.y1);
      for (guint i = 0; i < words->len; i++)
        {
          const Word *w = &g_array_index (words, Word, i);

          if (eyl_rect_contains_point (&w->box, 0.5 * (glyphs[line->start].box.x0 +
                                                       glyphs[line->start].box.x1), cy))
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

/* Mean Tesseract confidence (0 … 1) of the words under @box. */
static double
words_confidence (GArray        *words,
                  const EylRect *box)
{
  double sum = 0;
  guint n = 0;

  for (guint i = 0; i < words->len; i++)
    {
      const Word *w = &g_array_index (words, Word, i);
      EylRect both;

      if (eyl_rect_intersect (&w->box, box, &both))
        {
          sum += w->confidence;
          n++;
        }
    }
  return n > 0 ? sum / n / 100.0 : 0.5;
}

/* A contact, or a web address found to be someone else's (other_url): the
 * same words read again by OCR are the same element. */
static gboolean
contact_like (EylElementKind kind)
{
  return eyl_element_kind_is_contact (kind) || kind == EYL_ELEMENT_OTHER_URL;
}

static gboolean
covered (GPtrArray        *elements,
         const EylElement *element)
{
  double cx = 0.5 * (element->box.x0 + element->box.x1);
  double cy = 0.5 * (element->box.y0 + element->box.y1);

  for (guint i = 0; i < elements->len; i++)
    {
      const EylElement *e = g_ptr_array_index (elements, i);
      gboolean same_kind = e->kind == element->kind ||
                           (contact_like (e->kind) && contact_like (element->kind));

      if (!same_kind)
        continue;
      if (eyl_rect_contains_point (&e->box, cx, cy) ||
          eyl_rect_contains_point (&element->box,
                                   0.5 * (e->box.x0 + e->box.x1),
                                   0.5 * (e->box.y0 + e->box.y1)))
        return TRUE;
    }
  return FALSE;
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
      double x0, y0, x1, y1;
      int ix0, iy0, ix1, iy1;

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
  g_autofree char *languages = NULL;
  g_autoptr(GArray) words = NULL;
  g_autoptr(GArray) regions = NULL;
  g_autoptr(GArray) bands = NULL;
  g_autoptr(EylPageData) ocr_page = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree guint8 *gray = NULL;
  g_autofree guint8 *mask = NULL;
  g_autoptr(EylRaster) page_image = NULL;
  const EylRaster *scan;
  gboolean live, had_headline = FALSE;
  EylRect clip;
  Ocr ocr = { 0, };

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

  if (!live)
    {
      /* No text layer: read the whole page once, at a bounded scale. */
      double area = eyl_rect_width (&clip) * eyl_rect_height (&clip);
      double scale = MIN (PAGE_PASS_MAX_PPT, sqrt (PAGE_PASS_PIXELS / MAX (area, 1.0)));

      scale = MAX (scale, raster->scale);
      if (renderer != NULL && renderer->render != NULL && scale > raster->scale * 1.2)
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
  bands = find_bands (gray, scan->width, scan->height, mask);
  g_debug ("page %u: %u text-like bands of ink (%s text layer)", page->index, bands->len, live ? "with a" : "no");
  if (live && bands->len == 0)
    return;

  limit_openmp_threads ();
  ocr.api = TessBaseAPICreate ();
  if (TessBaseAPIInit3 (ocr.api, tessdata_dir (), languages) != 0)
    {
      if (warnings != NULL)
        g_ptr_array_add (warnings,
                         /* TRANSLATORS: %s is a list of language codes, "eng+deu". */
                         g_strdup_printf (_("OCR could not start with the languages %s."), languages));
      TessBaseAPIDelete (ocr.api);
      return;
    }
  /* Quiet, and no files written. */
  TessBaseAPISetVariable (ocr.api, "debug_file", "/dev/null");
  TessBaseAPISetVariable (ocr.api, "tessedit_write_images", "0");

  if (!live)
    {
      /* Sparse text: posters and stickers are scattered words, not
       * paragraphs.  Measured on the corpus' 9 pages without a text
       * layer: PSM_SPARSE_TEXT found 17 contacts in 10.9 s, PSM_AUTO 12
       * in 14.7 s. */
      ocr_gray (&ocr, gray, scan->width, scan->height, &scan->area, scan->scale, PSM_SPARSE_TEXT);
      /* Read at ~300 dpi, text too small for that is fine print (under
       * ~6 pt), not worth re-rendering parts of the page. */
      if (scan->scale < 0.8 * PAGE_PASS_MAX_PPT)
        regions = regions_of_bands (bands, scan, TRUE, &clip);
      else
        regions = g_array_new (FALSE, FALSE, sizeof (Region));
    }
  else
    regions = regions_of_bands (bands, scan, FALSE, &clip);

  ocr_regions (&ocr, raster, regions);

  TessBaseAPIEnd (ocr.api);
  TessBaseAPIDelete (ocr.api);

  if (words->len == 0)
    return;

  if (read != NULL)
    {
      g_autoptr(GArray) sure = g_array_new (FALSE, FALSE, sizeof (Word));

      g_array_set_clear_func (sure, word_clear);
      for (guint i = 0; i < words->len; i++)
        {
          Word w = g_array_index (words, Word, i);

          if (w.confidence < READ_WORD_CONFIDENCE)
            continue;
          w.text = g_strdup (w.text);
          g_array_append_val (sure, w);
        }
      if (sure->len > 0)
        *read = build_page (page, sure);
    }

  ocr_page = build_page (page, words);
  g_debug ("Page %u, OCR text (%s, %.1f Mpx, %u regions):\n%s", page->index + 1, languages,
           ocr.pixels / 1e6, ocr.regions, ocr_page->text);
  found = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
  eyl_detect_contacts (ocr_page, found);
  eyl_detect_brand (ocr_page, kit, found);
  for (guint i = 0; i < elements->len; i++)
    if (((EylElement *) g_ptr_array_index (elements, i))->kind == EYL_ELEMENT_HEADLINE)
      had_headline = TRUE;
  if (!had_headline)
    eyl_detect_headline (ocr_page, found);
  eyl_detect_cta (ocr_page, found);

  for (guint i = 0; i < found->len; i++)
    {
      EylElement *element = g_ptr_array_index (found, i);

      if (element->source != EYL_SOURCE_TEXT && element->source != EYL_SOURCE_OCR)
        continue;   /* inferred brand names and the like: not read here */
      if (covered (elements, element))
        continue;
      element->source = EYL_SOURCE_OCR;
      /* The message is what the reader sees first: only sure readings
       * of it are judged (a texture read as "de Ma" is no headline). */
      if ((element->kind == EYL_ELEMENT_HEADLINE || element->kind == EYL_ELEMENT_CTA) &&
          words_confidence (words, &element->box) < MESSAGE_WORD_CONFIDENCE)
        continue;
      element->confidence *= words_confidence (words, &element->box);
      if (element->confidence < MIN_ELEMENT_CONFIDENCE)
        continue;
      g_ptr_array_add (elements, eyl_element_ref (element));
    }
}
