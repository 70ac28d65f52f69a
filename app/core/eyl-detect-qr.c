/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-detect-qr.c: QR codes (and barcodes that carry a URL) on the
 * rendered page, read with zbar.
 *
 * The analysis raster is ~1 px per mm of material: a 25 mm code of 25
 * modules is 1 px per module there, which no decoder reads.  So the raster
 * only finds candidates — what zbar reads on it directly, the page's
 * roughly square images, and square "busy" blobs (dense dark/light
 * texture the text layer does not explain) — and each candidate is
 * rendered again at ~450 px across (≥ 5 px per module up to version 15)
 * and decoded there.  On that render the code's module size is measured
 * from its finder patterns (1:1:3:1:1 runs, ISO/IEC 18004:2015 6.3.3),
 * its quiet zone by walking out from its edges, and the fewest camera
 * pixels per module at which zbar still reads it by averaging the render
 * down the way a sensor integrates light (qr-unreadable compares that
 * with a phone at the placement's scan distance).  Something with two or
 * three finder patterns that does not decode becomes a QR element with
 * decoded = FALSE.
 *
 * 1-D barcodes (EAN, UPC, Code 128, Code 39) are read too, but only one
 * whose payload is a web address becomes an element (kind qr: a way to
 * reach the brand); an EAN on a pack is not a contact and is skipped. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-qr"

#include <math.h>
#include <string.h>
#include <zbar.h>
#include <glib/gi18n.h>

#include "eyl-detect-pixels.h"
#include "eyl-render-cache.h"
#include "eyl-stage.h"
#include "eyl-zbar.h"

/* Candidates rendered again per page: bounds the work on a busy page (a
 * poster full of photos takes ~0.4 s a render).  The budget counts renders,
 * never time, so a busy machine reports what an idle one does. */
#define MAX_CANDIDATES 10
/* Candidates share one recording of the page (see plan_renders), at most
 * SHARED_FINER times finer than one of them asks for. */
#define SHARED_FINER 1.25
/* The candidate's longer side in the detail render, px. */
#define DETAIL_PX 450.0
/* ... but never more than this many px per pt (≈ 1200 dpi). */
#define MAX_DETAIL_SCALE (1200.0 / 72.0)
/* Margin rendered around a candidate, as a share of its size, and around
 * a decoded code, in modules: enough to measure the 4-module quiet zone
 * that ISO/IEC 18004:2015 5.3.8 asks for, with room to spare. */
#define CANDIDATE_MARGIN       0.3
#define MEASURE_MARGIN_MODULES 6.0
/* The smallest module a candidate's render is scanned for, px: a code of
 * version 10 (57 modules, three times the bytes of any address a flyer
 * prints) over a third of the candidate's longer side (DETAIL_PX), or a
 * version 4 over a quarter.  Candidates are the code's own busy blob or
 * image, or zbar's read on the raster, so the code fills most of them.
 * At 2.7 px zbar's finder search still gets a line every 0.75 module
 * when fed every 2nd row and column (eyl_zbar_qr_line_step()): half the
 * pixels of each candidate scan. */
#define CANDIDATE_MIN_MODULE_PX 2.7
/* zbar reads clean codes from ~2 px per module; at this many px a code
 * that does not decode is damaged, not too coarse. */
#define MIN_JUDGE_PX 3.0
/* Busy blobs on the analysis raster: cells of CELL px; a cell is busy
 * when its mean absolute grey step between neighbours and its grey range
 * are at least these (grey levels; tuned on the corpus' codes, which are
 * 0.7–3 px per module on the raster). */
#define CELL          3
#define BUSY_ACTIVITY 18.0
#define BUSY_RANGE    60
/* Smallest code worth looking for: 10 mm (the smallest version-1 code
 * with the 0.33 mm modules of GS1 General Specifications 5.12.3.1 is
 * ~7 mm; nobody scans smaller on marketing material).  And text is
 * anisotropic: row means swing, column means do not. */
#define MIN_CODE_MM  10.0
#define MIN_ISOTROPY 0.2
/* Candidates worth a render: a busy square (share of busy cells, less
 * the busy share around it) at least this good — every code in the
 * corpus scores ≥ 0.92, text and pictures mostly 0.6–0.85 — and an image
 * as square as a code, with a code's even texture, ranks above them. */
#define MIN_DENSE_SCORE 0.88
#define IMAGE_SCORE     0.9 /* × (1 + isotropy): above dense windows (≤ 1) */
/* Camera pixels per module tried, from the coarsest up; the first that
 * reads is the code's threshold.  Below 1 px per module a sensor cannot
 * resolve modules at all (sampling theorem). */
static const double ladder[] = { 1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0 };

typedef struct
{
  guint8 *gray;
  int     width, height;
  EylRect area;  /* page space covered */
  double  scale; /* px per pt */
} Region;

static void
region_clear (Region *r)
{
  g_clear_pointer (&r->gray, g_free);
}

static void
region_to_page (const Region *r,
                double        px,
                double        py,
                double       *x,
                double       *y)
{
  *x = r->area.x0 + px / r->scale;
  *y = r->area.y0 + py / r->scale;
}

static void
page_to_region (const Region *r,
                double        x,
                double        y,
                double       *px,
                double       *py)
{
  *px = (x - r->area.x0) * r->scale;
  *py = (y - r->area.y0) * r->scale;
}

/* Reads every symbol of @kind zbar finds in @gray, light-on-dark ones
 * too, on every @line_step-th row and column: an array of
 * EylZbarSymbol. */
static GArray *
scan_gray (const guint8 *gray,
           int           width,
           int           height,
           EylZbarKind   kind,
           EylZbarFlags  flags,
           int           line_step)
{
  if (width < 8 || height < 8)
    return g_array_new (FALSE, TRUE, sizeof (EylZbarSymbol));
  return eyl_zbar_scan_lines (gray, width, height, kind, flags | EYL_ZBAR_INVERTED_TOO,
                              line_step);
}

/* Otsu's threshold (N. Otsu, IEEE Trans. SMC 9(1), 1979) over a window. */
static int
otsu_threshold (const guint8 *gray,
                int           stride,
                int           x0,
                int           y0,
                int           x1,
                int           y1)
{
  guint64 hist[256] = { 0 };
  double  sum = 0, sum_b = 0, w_b = 0, best = -1;
  double  total = 0;
  int     threshold = 128;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      hist[gray[(gsize) y * stride + x]]++;

  for (int i = 0; i < 256; i++)
    {
      sum += (double) i * hist[i];
      total += hist[i];
    }

  for (int i = 0; i < 256; i++)
    {
      double w_f, m_b, m_f, between;

      w_b += hist[i];
      if (w_b == 0)
        continue;
      w_f = total - w_b;
      if (w_f == 0)
        break;
      sum_b += (double) i * hist[i];
      m_b = sum_b / w_b;
      m_f = (sum - sum_b) / w_f;
      between = w_b * w_f * (m_b - m_f) * (m_b - m_f);
      if (between > best)
        {
          best = between;
          threshold = i;
        }
    }

  return threshold;
}

/* Finder patterns (ISO/IEC 18004:2015 6.3.3): dark-light-dark-light-dark
 * runs of 1:1:3:1:1 modules across and down, the way ZXing's
 * FinderPatternFinder finds them (each run within half a module). */
typedef struct
{
  double x, y, module;
  int    hits;
} Finder;

static inline gboolean
is_ink (const Region *r,
        int           x,
        int           y,
        int           threshold,
        gboolean      dark_is_low)
{
  guint8 v = r->gray[(gsize) y * r->width + x];

  return dark_is_low ? v <= threshold : v > threshold;
}

static gboolean
ratio_ok (const int runs[5],
          double   *module)
{
  int    total = runs[0] + runs[1] + runs[2] + runs[3] + runs[4];
  double u = total / 7.0, tol = u / 2.0;

  if (u < 1.0)
    return FALSE;
  *module = u;
  return fabs (u - runs[0]) < tol && fabs (u - runs[1]) < tol &&
         fabs (3.0 * u - runs[2]) < 3.0 * tol &&
         fabs (u - runs[3]) < tol && fabs (u - runs[4]) < tol;
}

/* Runs down (or up) from (x, y) through the centre run: the five runs of a
 * finder crossed vertically, centred on y.  FALSE when they do not fit. */
static gboolean
cross_check_vertical (const Region *r,
                      int           x,
                      int           y,
                      int           threshold,
                      gboolean      dark_is_low,
                      int           max_run,
                      double       *cy,
                      double       *module)
{
  int runs[5] = { 0 };
  int yy;

  /* Up from y: centre (ink), light, ink. */
  yy = y;
  while (yy >= 0 && is_ink (r, x, yy, threshold, dark_is_low) && runs[2] <= max_run)
    runs[2]++, yy--;
  while (yy >= 0 && !is_ink (r, x, yy, threshold, dark_is_low) && runs[1] <= max_run)
    runs[1]++, yy--;
  while (yy >= 0 && is_ink (r, x, yy, threshold, dark_is_low) && runs[0] <= max_run)
    runs[0]++, yy--;
  if (runs[0] == 0 || runs[1] == 0)
    return FALSE;
  *cy = y - runs[2] + 0.5;

  yy = y + 1;
  while (yy < r->height && is_ink (r, x, yy, threshold, dark_is_low) && runs[2] <= max_run)
    runs[2]++, yy++;
  *cy = (*cy + yy - 0.5) / 2.0;
  while (yy < r->height && !is_ink (r, x, yy, threshold, dark_is_low) && runs[3] <= max_run)
    runs[3]++, yy++;
  while (yy < r->height && is_ink (r, x, yy, threshold, dark_is_low) && runs[4] <= max_run)
    runs[4]++, yy++;
  if (runs[3] == 0 || runs[4] == 0)
    return FALSE;

  return ratio_ok (runs, module);
}

static GArray *
find_finders (const Region *r,
              int           x0,
              int           y0,
              int           x1,
              int           y1,
              int           threshold,
              gboolean      dark_is_low)
{
  GArray         *finders = g_array_new (FALSE, FALSE, sizeof (Finder));
  g_autofree int *starts = g_new (int, (gsize) (x1 - x0) + 2);
  g_autofree int *lens = g_new (int, (gsize) (x1 - x0) + 2);

  for (int y = y0; y < y1; y++)
    {
      int      n = 0;
      gboolean first_ink = is_ink (r, x0, y, threshold, dark_is_low), was = first_ink;

      /* Run-length encode the row, each pixel thresholded once. */
      for (int x = x0; x < x1; x++)
        {
          gboolean ink = is_ink (r, x, y, threshold, dark_is_low);

          if (x == x0 || ink != was)
            {
              starts[n] = x;
              lens[n] = 0;
              n++;
            }
          lens[n - 1]++;
          was = ink;
        }

      /* Runs alternate; ink runs are the even ones when the row starts
       * with ink. */
      for (int i = first_ink ? 0 : 1; i + 4 < n; i += 2)
        {
          int      runs[5] = { lens[i], lens[i + 1], lens[i + 2], lens[i + 3], lens[i + 4] };
          double   u, v, cx, cy;
          gboolean merged = FALSE;

          if (!ratio_ok (runs, &u))
            continue;
          cx = starts[i + 2] + lens[i + 2] / 2.0;
          if (!cross_check_vertical (r, (int) cx, y, threshold, dark_is_low,
                                     (int) (u * 4.5) + 1, &cy, &v) ||
              fabs (v - u) > 0.4 * u)
            continue;

          for (guint k = 0; k < finders->len; k++)
            {
              Finder *f = &g_array_index (finders, Finder, k);

              if (fabs (f->x - cx) < 2.0 * f->module && fabs (f->y - cy) < 2.0 * f->module)
                {
                  f->x = (f->x * f->hits + cx) / (f->hits + 1);
                  f->y = (f->y * f->hits + cy) / (f->hits + 1);
                  f->module = (f->module * f->hits + (u + v) / 2.0) / (f->hits + 1);
                  f->hits++;
                  merged = TRUE;
                  break;
                }
            }
          if (!merged)
            {
              Finder f = { cx, cy, (u + v) / 2.0, 1 };

              g_array_append_val (finders, f);
            }
        }
    }

  /* A real finder is crossed by about 3 modules' worth of rows. */
  for (guint k = finders->len; k-- > 0;)
    {
      Finder *f = &g_array_index (finders, Finder, k);

      if (f->hits < MAX (2, (int) (f->module * 1.5)))
        g_array_remove_index_fast (finders, k);
    }

  return finders;
}

/* Finders of either polarity in a window; @dark_is_low says which. */
static GArray *
find_finders_any (const Region *r,
                  int           x0,
                  int           y0,
                  int           x1,
                  int           y1,
                  int          *threshold,
                  gboolean     *dark_is_low)
{
  GArray *finders;

  *threshold = otsu_threshold (r->gray, r->width, x0, y0, x1, y1);
  *dark_is_low = TRUE;
  finders = find_finders (r, x0, y0, x1, y1, *threshold, TRUE);
  if (finders->len < 2)
    {
      GArray *inverted = find_finders (r, x0, y0, x1, y1, *threshold, FALSE);

      if (inverted->len > finders->len)
        {
          g_array_unref (finders);
          finders = inverted;
          *dark_is_low = FALSE;
        }
      else
        g_array_unref (inverted);
    }

  return finders;
}

/* Area-average resampling by @factor (< 1): each output pixel is the mean
 * of the input it covers, as a sensor pixel integrates the light falling
 * on it.  Separable, exact overlap weights. */
static guint8 *
downsample (const guint8 *in,
            int           in_stride,
            int           x0,
            int           y0,
            int           w,
            int           h,
            double        factor,
            int          *out_w,
            int          *out_h)
{
  int               ow = MAX (1, (int) ceil (w * factor));
  int               oh = MAX (1, (int) ceil (h * factor));
  g_autofree float *tmp = g_new0 (float, (gsize) ow *h);
  guint8           *out = g_new (guint8, (gsize) ow * oh);
  double            step = 1.0 / factor;

  for (int y = 0; y < h; y++)
    {
      const guint8 *row = in + (gsize) (y0 + y) * in_stride + x0;

      for (int i = 0; i < ow; i++)
        {
          double a = i * step, b = MIN ((i + 1) * step, (double) w), acc = 0;

          for (int x = (int) a; x < b; x++)
            acc += row[x] * (MIN (b, x + 1.0) - MAX (a, (double) x));
          tmp[(gsize) y * ow + i] = (float) (acc / MAX (b - a, 1e-9));
        }
    }
  for (int i = 0; i < ow; i++)
    for (int j = 0; j < oh; j++)
      {
        double a = j * step, b = MIN ((j + 1) * step, (double) h), acc = 0;

        for (int y = (int) a; y < b; y++)
          acc += tmp[(gsize) y * ow + i] * (MIN (b, y + 1.0) - MAX (a, (double) y));
        out[(gsize) j * ow + i] = (guint8) CLAMP (acc / MAX (b - a, 1e-9) + 0.5, 0, 255);
      }

  *out_w = ow;
  *out_h = oh;
  return out;
}

/* ------------------------------------------------------------------ */
/* Rendering regions                                                  */

typedef struct
{
  const EylPageData *page;
  const EylRaster   *raster;
  const EylRenderer *renderer;
  const guint8      *raster_gray;
  EylRect            page_rect;
  GPtrArray         *warnings;
  gboolean           render_failed;
  double             min_code_px; /* MIN_CODE_MM on the analysis raster */
  EylRenderCache    *cache;       /* the candidates' renders, planned */
} Ctx;

/* @area of @gray (@gw × @gh px covering @garea at @gscale px/pt) into @r;
 * FALSE when it is under 2 px either way. */
static gboolean
cut_gray (const guint8  *gray,
          int            gw,
          int            gh,
          const EylRect *garea,
          double         gscale,
          const EylRect *area,
          Region        *r)
{
  int x0 = CLAMP ((int) floor ((area->x0 - garea->x0) * gscale), 0, gw);
  int y0 = CLAMP ((int) floor ((area->y0 - garea->y0) * gscale), 0, gh);
  int x1 = CLAMP ((int) ceil ((area->x1 - garea->x0) * gscale), 0, gw);
  int y1 = CLAMP ((int) ceil ((area->y1 - garea->y0) * gscale), 0, gh);

  if (x1 - x0 < 2 || y1 - y0 < 2)
    return FALSE;

  r->width = x1 - x0;
  r->height = y1 - y0;
  r->gray = g_new (guint8, (gsize) r->width * r->height);
  for (int y = 0; y < r->height; y++)
    memcpy (r->gray + (gsize) y * r->width, gray + (gsize) (y0 + y) * gw + x0, r->width);
  r->scale = gscale;
  r->area = (EylRect) { garea->x0 + x0 / gscale, garea->y0 + y0 / gscale,
                        garea->x0 + x1 / gscale, garea->y0 + y1 / gscale };
  return TRUE;
}

/* @area at @scale into @r: rendered when a renderer is there and the
 * raster is too coarse, else cut out of the analysis raster.  With
 * @exact, a scout's first look (eyl_render_cache_scout()), and whether
 * it is the render itself into @exact. */
static gboolean
region_render_scout (Ctx           *ctx,
                     const EylRect *area_in,
                     double         scale,
                     Region        *r,
                     gboolean      *exact)
{
  EylRect area;

  memset (r, 0, sizeof *r);
  if (exact != NULL)
    *exact = TRUE;
  if (!eyl_rect_intersect (area_in, &ctx->page_rect, &area) || eyl_rect_is_empty (&area))
    return FALSE;

  if (ctx->renderer != NULL && ctx->renderer->render != NULL &&
      scale > ctx->raster->scale * 1.2 && !ctx->render_failed)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EylRaster) raster =
                     exact != NULL ? eyl_render_cache_scout (ctx->cache, &area, scale, exact, &error)
                                   : eyl_render_cache_render (ctx->cache, &area, scale, &error);

      if (raster != NULL)
        {
          r->gray = eyl_raster_dup_gray (raster);
          r->width = raster->width;
          r->height = raster->height;
          r->area = raster->area;
          r->scale = raster->scale;
          return TRUE;
        }
      /* Once is enough: the page will not render better next time. */
      ctx->render_failed = TRUE;
      g_ptr_array_add (ctx->warnings,
                       g_strdup_printf (_("QR codes were looked for on the analysis raster "
                                          "only: a region could not be rendered (%s)."),
                                           error != NULL ? error->message : "?"));
    }

  return cut_gray (ctx->raster_gray, ctx->raster->width, ctx->raster->height,
                   &ctx->raster->area, ctx->raster->scale, &area, r);
}

static gboolean
region_render (Ctx           *ctx,
               const EylRect *area,
               double         scale,
               Region        *r)
{
  return region_render_scout (ctx, area, scale, r, NULL);
}

/* ------------------------------------------------------------------ */
/* Candidates on the analysis raster                                  */

typedef struct
{
  EylRect box;   /* page space */
  double  score; /* higher first */
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a, *cb = b;

  return (ca->score < cb->score) - (ca->score > cb->score);
}

/* Mean absolute step between neighbours and the grey range over a
 * window of the analysis raster: how busy it is. */
static void
window_activity (const guint8 *gray,
                 int           stride,
                 int           x0,
                 int           y0,
                 int           x1,
                 int           y1,
                 double       *activity,
                 int          *range)
{
  guint64 acc = 0, n = 0;
  int     lo = 255, hi = 0;

  /* The steps across, the steps down and the range in loops of their own,
   * without two tests a pixel: every cell of the page is measured (0.75 %
   * of the samples of a check of the largest files with the tests in the
   * loop, 0.60 % without); the sums are the same integers. */
  for (int y = y0; y < y1; y++)
    {
      const guint8 *row = gray + (gsize) y * stride;
      guint         row_acc = 0;

      for (int x = x0; x < x1; x++)
        {
          lo = MIN (lo, row[x]);
          hi = MAX (hi, row[x]);
        }
      for (int x = x0; x + 1 < x1; x++)
        row_acc += (guint) ABS (row[x + 1] - row[x]);
      if (y + 1 < y1)
        for (int x = x0; x < x1; x++)
          row_acc += (guint) ABS (row[x + stride] - row[x]);
      acc += row_acc;
      n += (guint64) MAX (x1 - x0 - 1, 0) + (y + 1 < y1 ? (guint64) MAX (x1 - x0, 0) : 0);
    }
  *activity = n > 0 ? (double) acc / n : 0;
  *range = hi - lo;
}

/* How alike the window's structure is across and down: 1 for a QR
 * code's even module noise, near 0 for lines of text (their row means
 * swing with the line spacing, their column means hardly at all). */
static double
window_isotropy (const guint8 *gray,
                 int           stride,
                 int           x0,
                 int           y0,
                 int           x1,
                 int           y1)
{
  int                w = x1 - x0, h = y1 - y0;
  g_autofree double *rows = g_new0 (double, h);
  g_autofree double *cols = g_new0 (double, w);
  double             mr = 0, mc = 0, vr = 0, vc = 0;

  if (w < 3 || h < 3)
    return 0;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        double v = gray[(gsize) (y0 + y) * stride + x0 + x];

        rows[y] += v / w;
        cols[x] += v / h;
      }
  for (int y = 0; y < h; y++)
    mr += rows[y] / h;
  for (int x = 0; x < w; x++)
    mc += cols[x] / w;
  for (int y = 0; y < h; y++)
    vr += (rows[y] - mr) * (rows[y] - mr) / h;
  for (int x = 0; x < w; x++)
    vc += (cols[x] - mc) * (cols[x] - mc) / w;

  return (MIN (vr, vc) + 1.0) / (MAX (vr, vc) + 1.0);
}

static void
add_image_candidates (Ctx    *ctx,
                      GArray *candidates)
{
  const EylRaster *ra = ctx->raster;

  for (guint i = 0; ctx->page->images != NULL && i < ctx->page->images->len; i++)
    {
      const EylImageInfo *img = &g_array_index (ctx->page->images, EylImageInfo, i);
      double              px0, py0, px1, py1, w, h, activity, isotropy;
      int                 range;
      Candidate           c;

      eyl_raster_page_to_pixel (ra, img->box.x0, img->box.y0, &px0, &py0);
      eyl_raster_page_to_pixel (ra, img->box.x1, img->box.y1, &px1, &py1);
      px0 = CLAMP (px0, 0, ra->width);
      px1 = CLAMP (px1, 0, ra->width);
      py0 = CLAMP (py0, 0, ra->height);
      py1 = CLAMP (py1, 0, ra->height);
      w = px1 - px0;
      h = py1 - py0;
      /* Square-ish, not a background, not a speck. */
      if (MIN (w, h) < ctx->min_code_px || MAX (w, h) / MIN (w, h) > 1.5 ||
          MAX (w, h) > 0.6 * MIN (ra->width, ra->height))
        continue;
      window_activity (ctx->raster_gray, ra->width, (int) px0, (int) py0, (int) px1, (int) py1,
                       &activity, &range);
      if (activity < BUSY_ACTIVITY * 0.6 || range < BUSY_RANGE)
        continue;

      isotropy = window_isotropy (ctx->raster_gray, ra->width, (int) px0, (int) py0,
                                  (int) px1, (int) py1);
      if (isotropy < MIN_ISOTROPY)
        continue;
      c.box = img->box;
      /* A square image of its own with a code's even texture is the most
       * likely code on a page: before any window of busy vector ink. */
      c.score = IMAGE_SCORE * (1.0 + isotropy) * MIN (w, h) / MAX (w, h);
      g_debug ("image %.0f,%.0f–%.0f,%.0f pt: activity %.1f, isotropy %.2f",
               c.box.x0, c.box.y0, c.box.x1, c.box.y1, activity, isotropy);
      g_array_append_val (candidates, c);
    }
}

typedef struct
{
  int    x, y, size; /* cells */
  double score;
} Window;

static int
compare_windows (gconstpointer a,
                 gconstpointer b)
{
  const Window *wa = a, *wb = b;

  if (wa->score != wb->score)
    return (wa->score < wb->score) - (wa->score > wb->score);
  return wb->size - wa->size;
}

/* A code inside a larger busy area (a panel of outlined text, a header
 * band) is no component of its own: look for square windows nearly all
 * busy whose surroundings, one cell out (past the code's pad edge), are
 * mostly calm — a summed-area table makes each window O(1). */
static void
add_dense_squares (Ctx          *ctx,
                   const guint8 *busy,
                   int           cw,
                   int           ch,
                   GArray       *candidates)
{
  const EylRaster    *ra = ctx->raster;
  g_autofree guint32 *sat = g_new0 (guint32, (gsize) (cw + 1) * (ch + 1));
  g_autoptr(GArray) windows = g_array_new (FALSE, FALSE, sizeof (Window));
  g_autoptr(GArray) kept = g_array_new (FALSE, FALSE, sizeof (Window));
  int min_cells = MAX (3, (int) ceil (ctx->min_code_px / CELL));
  int max_cells = (int) (0.8 * MIN (cw, ch));
  int last = 0;

#define SAT(x, y)           sat[(gsize) (y) * (cw + 1) + (x)]
#define SUM(x0, y0, x1, y1) (SAT (x1, y1) - SAT (x0, y1) - SAT (x1, y0) + SAT (x0, y0))

  for (int y = 0; y < ch; y++)
    for (int x = 0; x < cw; x++)
      SAT (x + 1, y + 1) = SAT (x, y + 1) + SAT (x + 1, y) - SAT (x, y) + (busy[y * cw + x] != 0);

  for (double sf = min_cells; sf <= max_cells; sf *= 1.12)
    {
      int     size = (int) sf;
      guint32 full;

      if (size == last)
        continue;
      last = size;
      /* The fewest busy cells for a window nine tenths busy, found once a
       * size: most windows fail on this integer comparison, which answers
       * as the division by the window's area does (that division is
       * monotonic), without it (tens of millions of windows on a
       * backdrop's raster). */
      full = (guint32) (0.9 * size * size);
      while (full > 0 && (full - 1) / (double) (size * size) >= 0.9)
        full--;
      while (full / (double) (size * size) < 0.9)
        full++;
      for (int y = 0; y + size <= ch; y++)
        for (int x = 0; x + size <= cw; x++)
          {
            guint32 n_busy = SUM (x, y, x + size, y + size);
            double  inside, side[4], ring;
            Window  w;

            if (n_busy < full)
              continue;
            inside = n_busy / (double) (size * size);
            /* The band one cell out on each side (a page edge is calm);
             * the two calmest sides count, so that a code crowded on one
             * or two sides — what qr-quiet-zone is for — is still found. */
            side[0] = y >= 2 ? SUM (x, y - 2, x + size, y - 1) / (double) size : 0;
            side[1] = y + size + 2 <= ch ? SUM (x, y + size + 1, x + size, y + size + 2) / (double) size : 0;
            side[2] = x >= 2 ? SUM (x - 2, y, x - 1, y + size) / (double) size : 0;
            side[3] = x + size + 2 <= cw ? SUM (x + size + 1, y, x + size + 2, y + size) / (double) size : 0;
            for (int a = 0; a < 4; a++)
              for (int b = a + 1; b < 4; b++)
                if (side[b] < side[a])
                  {
                    double t = side[a];

                    side[a] = side[b];
                    side[b] = t;
                  }
            ring = (side[0] + side[1]) / 2.0;
            if (ring > 0.35)
              continue;
            w = (Window) { x, y, size, inside * (1.0 - ring) };
            g_array_append_val (windows, w);
          }
    }
#undef SUM
#undef SAT

  g_array_sort (windows, compare_windows);
  for (guint i = 0; i < windows->len && kept->len < 2 * MAX_CANDIDATES; i++)
    {
      const Window *w = &g_array_index (windows, Window, i);
      gboolean      overlaps = FALSE;
      double        isotropy;
      Candidate     c;

      for (guint k = 0; k < kept->len && !overlaps; k++)
        {
          const Window *o = &g_array_index (kept, Window, k);

          overlaps = w->x < o->x + o->size && o->x < w->x + w->size &&
                     w->y < o->y + o->size && o->y < w->y + w->size;
        }
      if (overlaps)
        continue;
      g_array_append_val (kept, *w);

      isotropy = window_isotropy (ctx->raster_gray, ra->width, w->x * CELL, w->y * CELL,
                                  MIN ((w->x + w->size) * CELL, ra->width),
                                  MIN ((w->y + w->size) * CELL, ra->height));
      if (isotropy < MIN_ISOTROPY)
        continue;
      eyl_raster_pixel_to_page (ra, w->x * CELL, w->y * CELL, &c.box.x0, &c.box.y0);
      eyl_raster_pixel_to_page (ra, (w->x + w->size) * CELL, (w->y + w->size) * CELL,
                                &c.box.x1, &c.box.y1);
      if (w->score < MIN_DENSE_SCORE)
        continue;
      c.score = w->score;
      g_debug ("dense square %.0f,%.0f–%.0f,%.0f pt: score %.2f, isotropy %.2f",
               c.box.x0, c.box.y0, c.box.x1, c.box.y1, w->score, isotropy);
      g_array_append_val (candidates, c);
    }
}

/* Whether a cell of the analysis raster is busy: its grey range and its
 * mean step between neighbours (window_activity()) both high enough.
 * The range alone comes first: most cells of a page are paper or flat
 * colour, below BUSY_RANGE, and their steps are then not summed (the
 * same cells are busy; the busy cells of the corpus' 44 files took
 * 0.20 s with the steps summed for every cell). */
static gboolean
cell_busy (const guint8 *gray,
           int           stride,
           int           x0,
           int           y0,
           int           x1,
           int           y1)
{
  int    lo = 255, hi = 0, range;
  double activity;

  for (int y = y0; y < y1; y++)
    {
      const guint8 *row = gray + (gsize) y * stride;

      for (int x = x0; x < x1; x++)
        {
          lo = MIN (lo, row[x]);
          hi = MAX (hi, row[x]);
        }
    }
  if (hi - lo < BUSY_RANGE)
    return FALSE;
  window_activity (gray, stride, x0, y0, x1, y1, &activity, &range);
  return activity >= BUSY_ACTIVITY && range >= BUSY_RANGE;
}

/* Square blobs of busy cells the text layer does not explain. */
static void
add_blob_candidates (Ctx    *ctx,
                     GArray *candidates)
{
  const EylRaster   *ra = ctx->raster;
  int                cw = ra->width / CELL, ch = ra->height / CELL;
  g_autofree guint8 *busy = NULL;
  g_autofree int    *stack = NULL;

  if (cw < 3 || ch < 3)
    return;

  busy = g_new0 (guint8, (gsize) cw * ch);
  for (int cy = 0; cy < ch; cy++)
    for (int cx = 0; cx < cw; cx++)
      {
        int x0 = cx * CELL, y0 = cy * CELL;
        int x1 = MIN (x0 + CELL + 1, ra->width), y1 = MIN (y0 + CELL + 1, ra->height);

        busy[cy * cw + cx] = cell_busy (ctx->raster_gray, ra->width, x0, y0, x1, y1);
      }

  /* Live text is busy too, and it is not a code. */
  for (guint i = 0; ctx->page->lines != NULL && i < ctx->page->lines->len; i++)
    {
      const EylTextLine *line = &g_array_index (ctx->page->lines, EylTextLine, i);
      double             px0, py0, px1, py1;

      eyl_raster_page_to_pixel (ra, line->box.x0, line->box.y0, &px0, &py0);
      eyl_raster_page_to_pixel (ra, line->box.x1, line->box.y1, &px1, &py1);
      for (int cy = MAX (0, (int) (py0 / CELL)); cy < MIN (ch, (int) ceil (py1 / CELL)); cy++)
        for (int cx = MAX (0, (int) (px0 / CELL)); cx < MIN (cw, (int) ceil (px1 / CELL)); cx++)
          busy[cy * cw + cx] = 0;
    }

  add_dense_squares (ctx, busy, cw, ch, candidates);

  /* Connected components (4-neighbours) with an explicit stack. */
  stack = g_new (int, (gsize) cw *ch);
  for (int start = 0; start < cw * ch; start++)
    {
      int       top = 0, count = 0, bx0 = G_MAXINT, by0 = G_MAXINT, bx1 = -1, by1 = -1;
      int       bw, bh;
      double    fill, squareness, isotropy;
      Candidate c;

      if (busy[start] != 1)
        continue;
      busy[start] = 2;
      stack[top++] = start;
      while (top > 0)
        {
          int       k = stack[--top], x = k % cw, y = k / cw;
          const int nb[4][2] = { { x - 1, y }, { x + 1, y }, { x, y - 1 }, { x, y + 1 } };

          count++;
          bx0 = MIN (bx0, x);
          by0 = MIN (by0, y);
          bx1 = MAX (bx1, x);
          by1 = MAX (by1, y);
          for (int j = 0; j < 4; j++)
            {
              int nx = nb[j][0], ny = nb[j][1];

              if (nx >= 0 && ny >= 0 && nx < cw && ny < ch && busy[ny * cw + nx] == 1)
                {
                  busy[ny * cw + nx] = 2;
                  stack[top++] = ny * cw + nx;
                }
            }
        }

      bw = bx1 - bx0 + 1;
      bh = by1 - by0 + 1;
      fill = (double) count / (bw * bh);
      squareness = (double) MIN (bw, bh) / MAX (bw, bh);
      if (MIN (bw, bh) * CELL < ctx->min_code_px || squareness < 0.67 || fill < 0.6 ||
          MAX (bw, bh) > 0.8 * MIN (cw, ch))
        continue;

      isotropy = window_isotropy (ctx->raster_gray, ra->width, bx0 * CELL, by0 * CELL,
                                  MIN ((bx1 + 1) * CELL, ra->width),
                                  MIN ((by1 + 1) * CELL, ra->height));
      if (isotropy < MIN_ISOTROPY)
        continue;

      eyl_raster_pixel_to_page (ra, bx0 * CELL, by0 * CELL, &c.box.x0, &c.box.y0);
      eyl_raster_pixel_to_page (ra, (bx1 + 1) * CELL, (by1 + 1) * CELL, &c.box.x1, &c.box.y1);
      c.score = fill * squareness;
      if (c.score < MIN_DENSE_SCORE)
        continue;
      g_debug ("blob %.0f,%.0f–%.0f,%.0f pt: fill %.2f, square %.2f, isotropy %.2f",
               c.box.x0, c.box.y0, c.box.x1, c.box.y1, fill, squareness, isotropy);
      g_array_append_val (candidates, c);
    }
}

/* ------------------------------------------------------------------ */
/* One code, measured                                                 */

static gboolean
is_url (const char *text)
{
  return g_ascii_strncasecmp (text, "http://", 7) == 0 ||
         g_ascii_strncasecmp (text, "https://", 8) == 0 ||
         g_ascii_strncasecmp (text, "www.", 4) == 0;
}

static gboolean
boxes_same (const EylRect *a,
            const EylRect *b)
{
  EylRect i;
  double  ia, sa, sb;

  if (!eyl_rect_intersect (a, b, &i))
    return FALSE;
  ia = eyl_rect_width (&i) * eyl_rect_height (&i);
  sa = eyl_rect_width (a) * eyl_rect_height (a);
  sb = eyl_rect_width (b) * eyl_rect_height (b);
  return ia > 0.5 * MIN (sa, sb);
}

static gboolean
already_found (GPtrArray     *found,
               const EylRect *box)
{
  for (guint i = 0; i < found->len; i++)
    {
      EylElement *el = g_ptr_array_index (found, i);

      if (boxes_same (&el->box, box))
        return TRUE;
    }
  return FALSE;
}

/* The code's exact extent: the ink bounding box inside the location zbar
 * gives, widened by up to @slack px (zbar's corners may fall a little
 * inside the outer modules). */
static void
refine_box (const Region *r,
            int           threshold,
            gboolean      dark_is_low,
            double        slack,
            double       *x0,
            double       *y0,
            double       *x1,
            double       *y1)
{
  int sx0 = CLAMP ((int) floor (*x0 - slack), 0, r->width - 1);
  int sy0 = CLAMP ((int) floor (*y0 - slack), 0, r->height - 1);
  int sx1 = CLAMP ((int) ceil (*x1 + slack), 1, r->width);
  int sy1 = CLAMP ((int) ceil (*y1 + slack), 1, r->height);
  int ix0 = G_MAXINT, iy0 = G_MAXINT, ix1 = -1, iy1 = -1;

  for (int y = sy0; y < sy1; y++)
    for (int x = sx0; x < sx1; x++)
      if (is_ink (r, x, y, threshold, dark_is_low))
        {
          ix0 = MIN (ix0, x);
          iy0 = MIN (iy0, y);
          ix1 = MAX (ix1, x + 1);
          iy1 = MAX (iy1, y + 1);
        }

  if (ix1 > ix0 && iy1 > iy0)
    {
      *x0 = ix0;
      *y0 = iy0;
      *x1 = ix1;
      *y1 = iy1;
    }
}

/* Clear margin around the code box, px: the shortest walk outwards from
 * any edge pixel to the first ink (or the region's edge). */
static double
quiet_zone_px (const Region *r,
               int           threshold,
               gboolean      dark_is_low,
               int           x0,
               int           y0,
               int           x1,
               int           y1)
{
  int best = G_MAXINT;

  for (int y = y0; y < y1; y++)
    {
      int d = 0;

      for (int x = x0 - 1; x >= 0 && !is_ink (r, x, y, threshold, dark_is_low); x--)
        d++;
      best = MIN (best, d);
      d = 0;
      for (int x = x1; x < r->width && !is_ink (r, x, y, threshold, dark_is_low); x++)
        d++;
      best = MIN (best, d);
    }
  for (int x = x0; x < x1; x++)
    {
      int d = 0;

      for (int y = y0 - 1; y >= 0 && !is_ink (r, x, y, threshold, dark_is_low); y--)
        d++;
      best = MIN (best, d);
      d = 0;
      for (int y = y1; y < r->height && !is_ink (r, x, y, threshold, dark_is_low); y++)
        d++;
      best = MIN (best, d);
    }

  return best == G_MAXINT ? 0 : best;
}

/* The fewest pixels per module at which zbar still reads the code: the
 * code and 4 modules around it averaged down to each step of the ladder. */
static double
decode_threshold (const Region *r,
                  const char   *payload,
                  double        module_px,
                  int           x0,
                  int           y0,
                  int           x1,
                  int           y1)
{
  for (guint i = 0; i < G_N_ELEMENTS (ladder) && ladder[i] < module_px; i++)
    {
      /* Worst phase: camera pixels straddle module edges by half a pixel
       * (a phone is never aligned with the grid). */
      int                m = (int) ceil (4.0 * module_px + 0.5 * module_px / ladder[i]);
      int                wx0 = MAX (0, x0 - m), wy0 = MAX (0, y0 - m);
      int                wx1 = MIN (r->width, x1 + m), wy1 = MIN (r->height, y1 + m);
      int                ow, oh;
      g_autofree guint8 *small = downsample (r->gray, r->width, wx0, wy0, wx1 - wx0,
                                             wy1 - wy0, ladder[i] / module_px, &ow, &oh);
      g_autoptr(GArray) symbols = scan_gray (small, ow, oh, EYL_ZBAR_QR, EYL_ZBAR_DEFAULT, 1);

      for (guint k = 0; k < symbols->len; k++)
        if (g_strcmp0 (g_array_index (symbols, EylZbarSymbol, k).data, payload) == 0)
          return ladder[i];
    }

  return module_px;
}

static EylElement *
measure_symbol (Ctx                 *ctx,
                Region              *r,
                const EylZbarSymbol *s)
{
  g_autoptr(EylElement) el = NULL;
  double  x0 = s->x0, y0 = s->y0, x1 = s->x1, y1 = s->y1;
  EylRect box;

  if (s->type != ZBAR_QRCODE)
    {
      /* A 1-D barcode: only a web address makes it a way to reach the
       * brand; its bars are not modules, so nothing is measured. */
      if (!is_url (s->data))
        {
          g_debug ("skipping %s barcode %s", zbar_get_symbol_name (s->type), s->data);
          return NULL;
        }
      region_to_page (r, x0, y0, &box.x0, &box.y0);
      region_to_page (r, x1, y1, &box.x1, &box.y1);
      el = eyl_element_new (EYL_ELEMENT_QR, EYL_SOURCE_RASTER, s->data, &box, 0.9);
      el->decoded = TRUE;
      el->symbology = g_strdup (zbar_get_symbol_name (s->type));
      return g_steal_pointer (&el);
    }

  {
    int      threshold, n_modules = 0, version;
    gboolean dark_is_low;
    double   module_px = 0, qz;
    /* zbar's corners may cut into the outer modules: look a little wider
     * so that the finder patterns are whole. */
    double pad = 0.05 * s->side;
    int    wx0 = CLAMP ((int) floor (x0 - pad), 0, r->width - 1);
    int    wy0 = CLAMP ((int) floor (y0 - pad), 0, r->height - 1);
    int    wx1 = CLAMP ((int) ceil (x1 + pad), wx0 + 1, r->width);
    int    wy1 = CLAMP ((int) ceil (y1 + pad), wy0 + 1, r->height);
    g_autoptr(GArray) finders = find_finders_any (r, wx0, wy0, wx1, wy1, &threshold,
                                                   &dark_is_low);
    Region  wide = { 0 };
    EylRect need;

    for (guint i = 0; i < finders->len; i++)
      module_px += g_array_index (finders, Finder, i).module / finders->len;
    if (module_px <= 0)
      module_px = s->side / 21.0; /* no finder seen: version 1 at worst */

    refine_box (r, threshold, dark_is_low, 0.5 * module_px, &x0, &y0, &x1, &y1);

    /* Width in modules = 17 + 4 × version (ISO/IEC 18004:2015 5.3.1). */
    version = (int) lround (((x1 - x0 + y1 - y0) / 2.0 / module_px - 17.0) / 4.0);
    version = CLAMP (version, 1, 40);
    n_modules = 17 + 4 * version;
    module_px = (x1 - x0 + y1 - y0) / 2.0 / n_modules;

    region_to_page (r, x0, y0, &box.x0, &box.y0);
    region_to_page (r, x1, y1, &box.x1, &box.y1);

    el = eyl_element_new (EYL_ELEMENT_QR, EYL_SOURCE_RASTER, s->data, &box, 0.95);
    el->decoded = TRUE;
    /* A Wi-Fi join code (ZXing's WIFI: format) connects a phone to a
     * network; it is no way to reach the brand. */
    el->third_party = g_ascii_strncasecmp (s->data, "WIFI:", 5) == 0;
    el->symbology = g_strdup (zbar_get_symbol_name (s->type));
    el->module_pt = module_px / r->scale;

    /* The quiet zone needs room around the code: render it again when the
     * region stops short of the page edge within MEASURE_MARGIN_MODULES. */
    need = box;
    need.x0 -= MEASURE_MARGIN_MODULES * el->module_pt;
    need.y0 -= MEASURE_MARGIN_MODULES * el->module_pt;
    need.x1 += MEASURE_MARGIN_MODULES * el->module_pt;
    need.y1 += MEASURE_MARGIN_MODULES * el->module_pt;
    eyl_rect_intersect (&need, &ctx->page_rect, &need);
    if ((need.x0 < r->area.x0 - 1e-6 || need.y0 < r->area.y0 - 1e-6 ||
         need.x1 > r->area.x1 + 1e-6 || need.y1 > r->area.y1 + 1e-6) &&
        region_render (ctx, &need, r->scale, &wide))
      {
        double px0, py0, px1, py1;

        double wide_module = module_px * wide.scale / r->scale;

        page_to_region (&wide, box.x0, box.y0, &px0, &py0);
        page_to_region (&wide, box.x1, box.y1, &px1, &py1);
        /* Rounding may land a pixel inside the code: find its ink again. */
        refine_box (&wide, threshold, dark_is_low, 0.5 * wide_module, &px0, &py0, &px1, &py1);
        qz = quiet_zone_px (&wide, threshold, dark_is_low, (int) px0, (int) py0, (int) px1,
                            (int) py1);
        el->quiet_zone_modules = qz / wide_module;
        region_clear (&wide);
      }
    else
      {
        qz = quiet_zone_px (r, threshold, dark_is_low, (int) x0, (int) y0, (int) x1, (int) y1);
        el->quiet_zone_modules = qz / module_px;
      }

    el->decode_px_per_module = decode_threshold (r, s->data, module_px, (int) x0, (int) y0,
                                                 (int) x1, (int) y1);
    g_debug ("QR %s: %d modules, %.2f px/module, quiet zone %.1f modules, "
             "read down to %.2f px/module",
             s->data, n_modules, module_px,
             el->quiet_zone_modules, el->decode_px_per_module);
  }

  return g_steal_pointer (&el);
}

/* Two or three finder patterns of one size placed as a QR code's are:
 * the box of the code they belong to, or FALSE. */
static gboolean
finders_to_box (const Region *r,
                GArray       *finders,
                int           threshold,
                gboolean      dark_is_low,
                EylRect      *box_px)
{
  for (guint i = 0; i < finders->len; i++)
    for (guint j = i + 1; j < finders->len; j++)
      {
        const Finder *a = &g_array_index (finders, Finder, i);
        const Finder *b = &g_array_index (finders, Finder, j);
        double        u = (a->module + b->module) / 2.0;
        double        dx = fabs (a->x - b->x), dy = fabs (a->y - b->y);
        double        half = 3.5 * u, side;

        if (MAX (a->module, b->module) > 1.4 * MIN (a->module, b->module))
          continue;

        if (dy < 2 * u || dx < 2 * u)
          {
            /* Side by side (or one above the other): two corners of one
             * edge, 14 (version 1) to 170 (version 40) modules apart. */
            double  d = MAX (dx, dy);
            double  ink_a = 0, ink_b = 0;
            EylRect cand_a, cand_b;

            if (d < 13.0 * u || d > 171.0 * u)
              continue;
            side = d + 7.0 * u;
            if (dy < 2 * u)
              {
                double left = MIN (a->x, b->x) - half, top = (a->y + b->y) / 2.0 - half;

                cand_a = (EylRect) { left, top, left + side, top + side };
                cand_b = (EylRect) { left, top + 7.0 * u - side, left + side, top + 7.0 * u };
              }
            else
              {
                double top = MIN (a->y, b->y) - half, left = (a->x + b->x) / 2.0 - half;

                cand_a = (EylRect) { left, top, left + side, top + side };
                cand_b = (EylRect) { left + 7.0 * u - side, top, left + 7.0 * u, top + side };
              }
            /* The code is on the side with the modules. */
            for (int y = 0; y < r->height; y += 2)
              for (int x = 0; x < r->width; x += 2)
                if (is_ink (r, x, y, threshold, dark_is_low))
                  {
                    if (eyl_rect_contains_point (&cand_a, x, y))
                      ink_a++;
                    if (eyl_rect_contains_point (&cand_b, x, y))
                      ink_b++;
                  }
            *box_px = ink_a >= ink_b ? cand_a : cand_b;
            return TRUE;
          }

        if (fabs (dx - dy) < 3 * u && dx > 13.0 * u && dx < 171.0 * u)
          {
            /* Diagonal: top-right and bottom-left. */
            *box_px = (EylRect) { MIN (a->x, b->x) - half, MIN (a->y, b->y) - half,
                                  MAX (a->x, b->x) + half, MAX (a->y, b->y) + half };
            return TRUE;
          }
      }

  return FALSE;
}

/* A candidate region at detail scale: every code zbar reads in it, or an
 * unreadable one when finder patterns say there is a code. */
/* The area a candidate is rendered over, with its margin, and at what
 * scale. */
static void
candidate_area (const Ctx     *ctx,
                const EylRect *cand,
                EylRect       *area,
                double        *scale)
{
  double w = eyl_rect_width (cand), h = eyl_rect_height (cand);
  double mx = MAX (w, h) * CANDIDATE_MARGIN;

  *area = (EylRect) { cand->x0 - mx, cand->y0 - mx, cand->x1 + mx, cand->y1 + mx };
  *scale = MAX (MIN (DETAIL_PX / MAX (w, h), MAX_DETAIL_SCALE), ctx->raster->scale);
}

/* Whether a scan of @r finds anything scan_candidate() acts on: a symbol,
 * or finder patterns of a code it cannot read. */
static gboolean
scout_sees_code (const Region *r)
{
  g_autoptr(GArray) symbols = scan_gray (r->gray, r->width, r->height, EYL_ZBAR_CODES,
                                          EYL_ZBAR_DEFAULT,
                                          eyl_zbar_qr_line_step (CANDIDATE_MIN_MODULE_PX));
  g_autoptr(GArray) finders = NULL;
  int      threshold;
  gboolean dark_is_low;

  if (symbols->len > 0)
    return TRUE;
  finders = find_finders_any (r, 0, 0, r->width, r->height, &threshold, &dark_is_low);
  return finders->len >= 2;
}

static void
scan_candidate (Ctx           *ctx,
                const EylRect *cand,
                GPtrArray     *found)
{
  EylRect area;
  double  scale;
  Region  r;
  g_autoptr(GArray) symbols = NULL;
  gboolean any = FALSE, exact;

  gint64 t0 = g_get_monotonic_time ();

  candidate_area (ctx, cand, &area, &scale);
  if (!region_render_scout (ctx, &area, scale, &r, &exact))
    return;
  /* A scout's replay is not the render (a hairline thinner, an image
   * filtered otherwise): what it sees is read and measured again on the
   * render; where it sees no code the render is spared (a pass each,
   * 0.3 s on poster-galaxy-factsheet-2025). */
  if (!exact)
    {
      gboolean seen = scout_sees_code (&r);

      region_clear (&r);
      if (!seen)
        {
          g_debug ("candidate %.0f,%.0f–%.0f,%.0f pt: nothing seen in its scout", cand->x0,
                   cand->y0, cand->x1, cand->y1);
          return;
        }
      if (!region_render (ctx, &area, scale, &r))
        return;
    }
  g_debug ("candidate %.0f,%.0f–%.0f,%.0f pt: %d × %d px rendered in %.0f ms",
           cand->x0, cand->y0, cand->x1, cand->y1, r.width, r.height,
           (g_get_monotonic_time () - t0) / 1000.0);

  symbols = scan_gray (r.gray, r.width, r.height, EYL_ZBAR_CODES, EYL_ZBAR_DEFAULT,
                       eyl_zbar_qr_line_step (CANDIDATE_MIN_MODULE_PX));
  for (guint i = 0; i < symbols->len; i++)
    {
      const EylZbarSymbol *s = &g_array_index (symbols, EylZbarSymbol, i);
      EylRect              box;
      EylElement          *el;

      region_to_page (&r, s->x0, s->y0, &box.x0, &box.y0);
      region_to_page (&r, s->x1, s->y1, &box.x1, &box.y1);
      if (already_found (found, &box))
        {
          any = TRUE;
          continue;
        }
      el = measure_symbol (ctx, &r, s);
      if (el != NULL)
        {
          g_ptr_array_add (found, el);
          any = TRUE;
        }
    }

  if (!any)
    {
      int      threshold;
      gboolean dark_is_low;
      g_autoptr(GArray) finders = find_finders_any (&r, 0, 0, r.width, r.height,
                                                     &threshold, &dark_is_low);
      EylRect px, box;

      /* Only a code seen sharp enough to read is called unreadable: below
       * MIN_JUDGE_PX per module (no renderer, a coarse raster) a decoder
       * failing says nothing about the code. */
      if (finders->len >= 2 &&
          g_array_index (finders, Finder, 0).module >= MIN_JUDGE_PX &&
          finders_to_box (&r, finders, threshold, dark_is_low, &px))
        {
          region_to_page (&r, px.x0, px.y0, &box.x0, &box.y0);
          region_to_page (&r, px.x1, px.y1, &box.x1, &box.y1);
          if (!already_found (found, &box))
            {
              const Finder *f = &g_array_index (finders, Finder, 0);
              EylElement   *el = eyl_element_new (EYL_ELEMENT_QR, EYL_SOURCE_RASTER, "",
                                                  &box, 0.6);

              el->decoded = FALSE;
              el->symbology = g_strdup ("QR-Code");
              el->module_pt = f->module / r.scale;
              g_debug ("unreadable QR code: %u finder patterns, %.2f px/module",
                       finders->len, f->module);
              g_ptr_array_add (found, el);
            }
        }
    }

  region_clear (&r);
}

/* Whether candidate @i is scanned at all: not the same box as one before. */
static gboolean
candidate_repeats (GArray *candidates,
                   guint   i)
{
  const Candidate *c = &g_array_index (candidates, Candidate, i);

  for (guint k = 0; k < i; k++)
    if (boxes_same (&g_array_index (candidates, Candidate, k).box, &c->box))
      return TRUE;
  return FALSE;
}

/* The renders of the candidates that will be scanned, planned: each
 * Poppler pass decodes every image of the page, however small its clip
 * (0.1 s a candidate on flyer-freifunk-bremen-6panel), so candidates of
 * about one scale are cut from one recording of the page. */
static void
plan_renders (Ctx    *ctx,
              GArray *candidates)
{
  guint n = 0;

  for (guint i = 0; i < candidates->len && n < MAX_CANDIDATES; i++)
    {
      EylRect area;
      double  scale;

      if (candidate_repeats (candidates, i))
        continue;
      n++;
      candidate_area (ctx, &g_array_index (candidates, Candidate, i).box, &area, &scale);
      if (scale > ctx->raster->scale * 1.2)
        eyl_render_cache_plan (ctx->cache, &area, scale, SHARED_FINER);
    }
}

void
eyl_detect_qr (const EylPageData *page,
               const EylRaster   *raster,
               const EylRenderer *renderer,
               GPtrArray         *elements,
               GPtrArray         *warnings)
{
  g_auto(EylStageScope) stage = eyl_stage_scope (EYL_STAGE_QR);
  g_autofree guint8 *gray = NULL;
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GArray) symbols = NULL;
  g_autoptr(GPtrArray) own_warnings = NULL;
  Ctx   ctx = { 0 };
  guint n_scanned = 0;

  g_return_if_fail (page != NULL);
  g_return_if_fail (raster != NULL);
  g_return_if_fail (elements != NULL);

  if (warnings == NULL)
    warnings = own_warnings = g_ptr_array_new_with_free_func (g_free);

  gray = eyl_raster_dup_gray (raster);
  ctx.page = page;
  ctx.raster = raster;
  ctx.renderer = renderer;
  ctx.raster_gray = gray;
  ctx.page_rect = (EylRect) { 0, 0, page->width, page->height };
  ctx.warnings = warnings;
  /* The analysis raster is rendered at px_per_mm of the material (less
   * when the pixel budget bites: then small codes are smaller still). */
  ctx.min_code_px = MIN_CODE_MM * (renderer != NULL && renderer->px_per_mm > 0
                                       ? renderer->px_per_mm
                                       : 1.0);
  ctx.min_code_px = MAX (ctx.min_code_px, 6.0);

  found = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
  candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));

  /* What the raster reads by itself comes first: big codes.  The
   * barcode reader reads the same raster next: the scan is shared. */
  symbols = scan_gray (gray, raster->width, raster->height, EYL_ZBAR_CODES, EYL_ZBAR_SHARED, 1);
  for (guint i = 0; i < symbols->len; i++)
    {
      const EylZbarSymbol *s = &g_array_index (symbols, EylZbarSymbol, i);
      Candidate            c;

      eyl_raster_pixel_to_page (raster, s->x0, s->y0, &c.box.x0, &c.box.y0);
      eyl_raster_pixel_to_page (raster, s->x1, s->y1, &c.box.x1, &c.box.y1);
      c.score = 10.0;
      g_array_append_val (candidates, c);
    }
  add_image_candidates (&ctx, candidates);
  add_blob_candidates (&ctx, candidates);
  g_array_sort (candidates, compare_candidates);
  if (renderer != NULL && renderer->render != NULL)
    {
      ctx.cache = eyl_render_cache_new (renderer, &ctx.page_rect);
      eyl_render_cache_weigh_images (ctx.cache, page);
      plan_renders (&ctx, candidates);
    }

  for (guint i = 0; i < candidates->len && n_scanned < MAX_CANDIDATES; i++)
    {
      const Candidate *c = &g_array_index (candidates, Candidate, i);
      double           cx = (c->box.x0 + c->box.x1) / 2.0, cy = (c->box.y0 + c->box.y1) / 2.0;
      gboolean         covered = FALSE;

      for (guint k = 0; k < found->len && !covered; k++)
        covered = eyl_rect_contains_point (&((EylElement *) g_ptr_array_index (found, k))->box,
                                           cx, cy);
      if (covered || candidate_repeats (candidates, i))
        continue;
      scan_candidate (&ctx, &c->box, found);
      n_scanned++;
    }

  g_debug ("page %u: %u candidates, %u scanned, %u codes", page->index, candidates->len,
           n_scanned, found->len);
  g_clear_pointer (&ctx.cache, eyl_render_cache_free);

  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (elements, eyl_element_ref (g_ptr_array_index (found, i)));
}
