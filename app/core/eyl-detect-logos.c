/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-detect-logos.c: where the logo is on the rendered page.
 *
 * With a brand kit, each logo file is searched for on the analysis raster
 * by normalised cross-correlation (NCC) over a pyramid of scales, on two
 * features: grey (finds the colour version, and its negative by |NCC|)
 * and a saturated gradient magnitude (finds a one-colour version of a
 * colour logo: the outlines are the same whatever the fill).  The
 * correlations are computed with FFTs (FFTW), the local sums with summed
 * area tables, as in J. P. Lewis, "Fast Normalized Cross-Correlation",
 * Vision Interface 1995.
 *
 * Without a kit, candidates are the page's image XObjects and compact
 * graphic blobs of the raster that the text layer does not explain,
 * scored by what makes a logo a logo on print marketing: next to or
 * around the brand name, near the top or a corner, alone on a plain
 * background, of few colours, of a modest size. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-logos"

#include <math.h>
#include <string.h>
#include <fftw3.h>
#include <cairo.h>
#include <glib/gi18n.h>
#include <librsvg/rsvg.h>

#include "eyl-detect-pixels.h"
#include "eyl-poppler-private.h"

/* Search raster budget: the analysis raster (~1 px/mm) is averaged down
 * to about this many pixels before matching; a 1 × 2 m banner becomes
 * ~280 × 560 px (≈ 3.6 mm per px).  Templates narrower than
 * MIN_TEMPLATE_PX are matched on a second level twice as fine. */
#define SEARCH_PIXELS      (160.0 * 1000)
/* Pyramid: logo widths from 3 % to 100 % of the page width, ×1.1 apart
 * (the brief's "steps of ~10 %"). */
#define MIN_WIDTH_FRACTION 0.03
#define SCALE_STEP         1.1
#define MIN_TEMPLATE_PX    24
/* Kept matches: NCC ≥ 0.6 after refinement (Lewis 1995 uses NCC
 * thresholds of this order; tuned on the tests' fixtures). */
#define MATCH_THRESHOLD    0.6
/* Coarse candidates worth refining at finer scale steps. */
#define COARSE_THRESHOLD   0.45
#define MAX_PEAKS_PER_SCALE 8
/* Gradient magnitude (Sobel, grey levels) at which an edge counts as
 * fully present: any ink edge on a plain ground exceeds it. */
#define EDGE_SATURATION    64.0
/* Without a kit: the best few candidates, plus any very likely one. */
#define MAX_CANDIDATES     4
#define HIGH_CONFIDENCE    0.9
#define MIN_CONFIDENCE     0.6

/* FFTW's planner is not thread-safe (FFTW manual, 5.4 "Thread safety"):
 * only fftw_execute* may run concurrently. */
G_LOCK_DEFINE_STATIC (fftw_planner);

/* ------------------------------------------------------------------ */
/* Float planes                                                         */

typedef struct
{
  int    w, h;
  float *v;
} Plane;

static Plane *
plane_new (int w,
           int h)
{
  Plane *p = g_new (Plane, 1);

  p->w = w;
  p->h = h;
  p->v = g_new0 (float, (gsize) w * h);
  return p;
}

static void
plane_free (Plane *p)
{
  if (p == NULL)
    return;
  g_free (p->v);
  g_free (p);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Plane, plane_free)

/* 1-D resampling of @n_in samples (stride @si) to @n_out (stride @so):
 * area averaging when shrinking, linear interpolation when growing. */
static void
resample_line (const float *in,
               int          n_in,
               gsize        si,
               float       *out,
               int          n_out,
               gsize        so)
{
  double ratio = (double) n_in / n_out;

  if (ratio >= 1.0)
    {
      for (int o = 0; o < n_out; o++)
        {
          double a = o * ratio, b = (o + 1) * ratio, sum = 0;
          int i0 = (int) floor (a), i1 = MIN ((int) ceil (b), n_in);

          for (int i = i0; i < i1; i++)
            {
              double lo = MAX (a, i), hi = MIN (b, i + 1);
              sum += in[i * si] * (hi - lo);
            }
          out[o * so] = (float) (sum / ratio);
        }
    }
  else
    {
      for (int o = 0; o < n_out; o++)
        {
          double x = (o + 0.5) * ratio - 0.5;
          int i = (int) floor (x);
          double t = x - i;
          int i0 = CLAMP (i, 0, n_in - 1), i1 = CLAMP (i + 1, 0, n_in - 1);

          out[o * so] = (float) (in[i0 * si] * (1 - t) + in[i1 * si] * t);
        }
    }
}

static Plane *
plane_resize (const Plane *src,
              int          w,
              int          h)
{
  g_autoptr(Plane) tmp = plane_new (w, src->h);
  Plane *dst = plane_new (w, h);

  for (int y = 0; y < src->h; y++)
    resample_line (src->v + (gsize) y * src->w, src->w, 1, tmp->v + (gsize) y * w, w, 1);
  for (int x = 0; x < w; x++)
    resample_line (tmp->v + x, src->h, w, dst->v + x, h, w);
  return dst;
}

/* Sobel gradient magnitude, saturated at EDGE_SATURATION and scaled to
 * 0 … 255, then a 3 × 3 box blur so that edges a pixel apart (a scale
 * step between pyramid levels) still overlap. */
static Plane *
plane_edges (const Plane *g)
{
  g_autoptr(Plane) m = plane_new (g->w, g->h);
  Plane *out = plane_new (g->w, g->h);

#define AT(x, y) g->v[(gsize) CLAMP (y, 0, g->h - 1) * g->w + CLAMP (x, 0, g->w - 1)]
  for (int y = 0; y < g->h; y++)
    for (int x = 0; x < g->w; x++)
      {
        double gx = (AT (x + 1, y - 1) + 2 * AT (x + 1, y) + AT (x + 1, y + 1)) -
                    (AT (x - 1, y - 1) + 2 * AT (x - 1, y) + AT (x - 1, y + 1));
        double gy = (AT (x - 1, y + 1) + 2 * AT (x, y + 1) + AT (x + 1, y + 1)) -
                    (AT (x - 1, y - 1) + 2 * AT (x, y - 1) + AT (x + 1, y - 1));
        double mag = sqrt (gx * gx + gy * gy);

        m->v[(gsize) y * g->w + x] = (float) (MIN (mag, EDGE_SATURATION) * 255.0 / EDGE_SATURATION);
      }
#undef AT

  for (int y = 0; y < g->h; y++)
    for (int x = 0; x < g->w; x++)
      {
        double sum = 0;
        int n = 0;

        for (int dy = -1; dy <= 1; dy++)
          for (int dx = -1; dx <= 1; dx++)
            {
              int xx = x + dx, yy = y + dy;

              if (xx >= 0 && yy >= 0 && xx < g->w && yy < g->h)
                {
                  sum += m->v[(gsize) yy * g->w + xx];
                  n++;
                }
            }
        out->v[(gsize) y * g->w + x] = (float) (sum / n);
      }
  return out;
}

/* The raster's grey, averaged down by @factor (≤ 1) to the search size. */
static Plane *
search_plane (const EylRaster *raster,
              double           factor)
{
  g_autofree guint8 *gray = eyl_raster_dup_gray (raster);
  g_autoptr(Plane) full = plane_new (raster->width, raster->height);
  int w = MAX (1, (int) lround (raster->width * factor));
  int h = MAX (1, (int) lround (raster->height * factor));

  for (gsize i = 0; i < (gsize) raster->width * raster->height; i++)
    full->v[i] = gray[i];
  if (w == raster->width && h == raster->height)
    return g_steal_pointer (&full);
  return plane_resize (full, w, h);
}

/* ------------------------------------------------------------------ */
/* Loading a logo file                                                  */

static cairo_surface_t *
load_png (const char  *path,
          GError     **error)
{
  cairo_surface_t *s = cairo_image_surface_create_from_png (path);

  if (cairo_surface_status (s) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s",
                   cairo_status_to_string (cairo_surface_status (s)));
      cairo_surface_destroy (s);
      return NULL;
    }
  return s;
}

/* SVG and PDF logos are drawn at this width (px): enough detail for the
 * biggest template of the search raster. */
#define VECTOR_RENDER_WIDTH 512.0

static cairo_surface_t *
render_svg_handle (RsvgHandle  *handle,
                   GError     **error)
{
  cairo_surface_t *s;
  RsvgRectangle viewport;
  double w = 0, h = 0;
  cairo_t *cr;
  gboolean ok;

  if (!rsvg_handle_get_intrinsic_size_in_pixels (handle, &w, &h) || w <= 0 || h <= 0)
    {
      /* Only a viewBox: its aspect ratio, at any size. */
      RsvgRectangle ink, logical, probe = { 0, 0, 100, 100 };

      if (!rsvg_handle_get_geometry_for_layer (handle, NULL, &probe, &ink, &logical, error))
        return NULL;
      w = ink.width;
      h = ink.height;
    }
  if (w <= 0 || h <= 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The drawing is empty."));
      return NULL;
    }

  viewport = (RsvgRectangle) { 0, 0, VECTOR_RENDER_WIDTH,
                               MAX (1, ceil (VECTOR_RENDER_WIDTH * h / w)) };
  s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) viewport.width, (int) viewport.height);
  cr = cairo_create (s);
  ok = rsvg_handle_render_document (handle, cr, &viewport, error);
  cairo_destroy (cr);
  if (!ok)
    {
      cairo_surface_destroy (s);
      return NULL;
    }
  return s;
}

static cairo_surface_t *
render_svg (const char  *path,
            GError     **error)
{
  RsvgHandle *handle = rsvg_handle_new_from_file (path, error);
  cairo_surface_t *s;

  if (handle == NULL)
    return NULL;
  s = render_svg_handle (handle, error);
  g_object_unref (handle);
  return s;
}

static cairo_surface_t *
render_pdf (const char  *path,
            GError     **error)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, error);
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(PopplerPage) page = NULL;
  cairo_surface_t *s;
  double w, h, scale;
  cairo_t *cr;

  if (uri == NULL || (doc = poppler_document_new_from_file (uri, NULL, error)) == NULL)
    return NULL;
  if ((page = poppler_document_get_page (doc, 0)) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The file has no pages."));
      return NULL;
    }
  poppler_page_get_size (page, &w, &h);
  if (w <= 0 || h <= 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The page is empty."));
      return NULL;
    }
  scale = VECTOR_RENDER_WIDTH / w;
  s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) VECTOR_RENDER_WIDTH,
                                  MAX (1, (int) ceil (h * scale)));
  cr = cairo_create (s);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  return s;
}

/* The logo as grey on a plain ground, cropped to its ink: transparent
 * parts become white, or black when the logo itself is light (a white
 * logo for dark grounds would vanish on white). */
static Plane *
logo_plane (const char  *path,
            GError     **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  cairo_surface_t *s;
  const guint8 *data;
  int w, h, stride, x0, y0, x1, y1;
  double light = 0, opaque = 0, ground;
  Plane *p;

  if (g_str_has_suffix (lower, ".svg") || g_str_has_suffix (lower, ".svgz"))
    s = render_svg (path, error);
  else if (g_str_has_suffix (lower, ".pdf"))
    s = render_pdf (path, error);
  else
    s = load_png (path, error);
  if (s == NULL)
    return NULL;

  cairo_surface_flush (s);
  w = cairo_image_surface_get_width (s);
  h = cairo_image_surface_get_height (s);
  stride = cairo_image_surface_get_stride (s);
  data = cairo_image_surface_get_data (s);

  /* Cairo's ARGB32 is premultiplied: over a ground g, c + (1 − a)·g. */
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 px = ((const guint32 *) (data + (gsize) y * stride))[x];
        double a = (px >> 24) / 255.0;

        if (cairo_image_surface_get_format (s) != CAIRO_FORMAT_ARGB32)
          a = 1;
        opaque += a;
        light += (0.2126 * ((px >> 16) & 0xff) + 0.7152 * ((px >> 8) & 0xff) +
                  0.0722 * (px & 0xff));
      }
  ground = (opaque > 0 && light / opaque > 200) ? 0 : 255;

  p = plane_new (w, h);
  x0 = w, y0 = h, x1 = -1, y1 = -1;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 px = ((const guint32 *) (data + (gsize) y * stride))[x];
        double a = cairo_image_surface_get_format (s) == CAIRO_FORMAT_ARGB32 ? (px >> 24) / 255.0 : 1;
        double lum = 0.2126 * ((px >> 16) & 0xff) + 0.7152 * ((px >> 8) & 0xff) +
                     0.0722 * (px & 0xff) + (1 - a) * ground;

        p->v[(gsize) y * w + x] = (float) lum;
        if (fabs (lum - ground) > 24)
          {
            x0 = MIN (x0, x);
            y0 = MIN (y0, y);
            x1 = MAX (x1, x);
            y1 = MAX (y1, y);
          }
      }
  cairo_surface_destroy (s);

  if (x1 < x0 || y1 < y0)
    {
      plane_free (p);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The logo is empty."));
      return NULL;
    }

  /* Crop to the ink, so that the box found is the logo's own. */
  {
    Plane *c = plane_new (x1 - x0 + 1, y1 - y0 + 1);

    for (int y = 0; y < c->h; y++)
      memcpy (c->v + (gsize) y * c->w, p->v + (gsize) (y + y0) * w + x0, sizeof (float) * c->w);
    plane_free (p);
    return c;
  }
}

/* ------------------------------------------------------------------ */
/* NCC with FFTs                                                        */

typedef struct
{
  int           iw, ih;       /* search image */
  int           W, H;         /* FFT size (≥ image; valid positions never wrap) */
  int           WC;           /* W / 2 + 1 complex columns */
  fftw_plan     r2c, c2r;
  double       *real;         /* H × W */
  fftw_complex *spec;         /* H × WC, scratch */
  fftw_complex *image_spec[2];/* per feature */
  double       *sum1[2], *sum2[2]; /* (ih + 1) × (iw + 1) summed-area tables */
} Ncc;

/* A size FFTW handles fast: 2^a 3^b 5^c. */
static int
good_fft_size (int n)
{
  for (;; n++)
    {
      int m = n;

      while (m % 2 == 0) m /= 2;
      while (m % 3 == 0) m /= 3;
      while (m % 5 == 0) m /= 5;
      if (m == 1)
        return n;
    }
}

static void
ncc_free (Ncc *ncc)
{
  G_LOCK (fftw_planner);
  if (ncc->r2c)
    fftw_destroy_plan (ncc->r2c);
  if (ncc->c2r)
    fftw_destroy_plan (ncc->c2r);
  G_UNLOCK (fftw_planner);
  fftw_free (ncc->real);
  fftw_free (ncc->spec);
  for (int f = 0; f < 2; f++)
    {
      fftw_free (ncc->image_spec[f]);
      g_free (ncc->sum1[f]);
      g_free (ncc->sum2[f]);
    }
  g_free (ncc);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Ncc, ncc_free)

static Ncc *
ncc_new (const Plane *features[2])
{
  Ncc *ncc = g_new0 (Ncc, 1);
  int iw = features[0]->w, ih = features[0]->h;

  ncc->iw = iw;
  ncc->ih = ih;
  ncc->W = good_fft_size (iw);
  ncc->H = good_fft_size (ih);
  ncc->WC = ncc->W / 2 + 1;
  ncc->real = fftw_alloc_real ((gsize) ncc->W * ncc->H);
  ncc->spec = fftw_alloc_complex ((gsize) ncc->WC * ncc->H);

  G_LOCK (fftw_planner);
  ncc->r2c = fftw_plan_dft_r2c_2d (ncc->H, ncc->W, ncc->real, ncc->spec, FFTW_ESTIMATE);
  ncc->c2r = fftw_plan_dft_c2r_2d (ncc->H, ncc->W, ncc->spec, ncc->real, FFTW_ESTIMATE);
  G_UNLOCK (fftw_planner);

  for (int f = 0; f < 2; f++)
    {
      const Plane *p = features[f];
      double *s1, *s2;

      memset (ncc->real, 0, sizeof (double) * ncc->W * ncc->H);
      for (int y = 0; y < ih; y++)
        for (int x = 0; x < iw; x++)
          ncc->real[(gsize) y * ncc->W + x] = p->v[(gsize) y * iw + x];
      ncc->image_spec[f] = fftw_alloc_complex ((gsize) ncc->WC * ncc->H);
      fftw_execute_dft_r2c (ncc->r2c, ncc->real, ncc->image_spec[f]);

      s1 = ncc->sum1[f] = g_new0 (double, (gsize) (iw + 1) * (ih + 1));
      s2 = ncc->sum2[f] = g_new0 (double, (gsize) (iw + 1) * (ih + 1));
      for (int y = 0; y < ih; y++)
        {
          double r1 = 0, r2 = 0;

          for (int x = 0; x < iw; x++)
            {
              double v = p->v[(gsize) y * iw + x];
              gsize i = (gsize) (y + 1) * (iw + 1) + x + 1;

              r1 += v;
              r2 += v * v;
              s1[i] = s1[i - (iw + 1)] + r1;
              s2[i] = s2[i - (iw + 1)] + r2;
            }
        }
    }
  return ncc;
}

static inline double
box_sum (const double *s,
         int           stride,
         int           x,
         int           y,
         int           w,
         int           h)
{
  return s[(gsize) (y + h) * stride + x + w] - s[(gsize) y * stride + x + w] -
         s[(gsize) (y + h) * stride + x] + s[(gsize) y * stride + x];
}

/* NCC of template @t (feature @f) at every valid position, into @out
 * ((iw − tw + 1) × (ih − th + 1)); |NCC| when @absolute.  FALSE when the
 * template is flat. */
static gboolean
ncc_match (Ncc         *ncc,
           int          f,
           const Plane *t,
           gboolean     absolute,
           float       *out)
{
  int tw = t->w, th = t->h, ow = ncc->iw - tw + 1, oh = ncc->ih - th + 1;
  double n = (double) tw * th, mean = 0, norm = 0, inv = 1.0 / ((double) ncc->W * ncc->H);

  for (gsize i = 0; i < (gsize) tw * th; i++)
    mean += t->v[i];
  mean /= n;
  for (gsize i = 0; i < (gsize) tw * th; i++)
    norm += (t->v[i] - mean) * (t->v[i] - mean);
  if (norm < n * 4.0)   /* std below 2 grey levels: nothing to match */
    return FALSE;
  norm = sqrt (norm);

  /* Zero-mean template: Σ I·(T − T̄) needs no image mean (Lewis 1995). */
  memset (ncc->real, 0, sizeof (double) * ncc->W * ncc->H);
  for (int y = 0; y < th; y++)
    for (int x = 0; x < tw; x++)
      ncc->real[(gsize) y * ncc->W + x] = t->v[(gsize) y * tw + x] - mean;
  fftw_execute_dft_r2c (ncc->r2c, ncc->real, ncc->spec);

  /* Cross-correlation: F⁻¹(F(I) · conj(F(T))). */
  for (gsize i = 0; i < (gsize) ncc->WC * ncc->H; i++)
    {
      double ar = ncc->image_spec[f][i][0], ai = ncc->image_spec[f][i][1];
      double br = ncc->spec[i][0], bi = -ncc->spec[i][1];

      ncc->spec[i][0] = ar * br - ai * bi;
      ncc->spec[i][1] = ar * bi + ai * br;
    }
  fftw_execute_dft_c2r (ncc->c2r, ncc->spec, ncc->real);

  for (int y = 0; y < oh; y++)
    for (int x = 0; x < ow; x++)
      {
        double s1 = box_sum (ncc->sum1[f], ncc->iw + 1, x, y, tw, th);
        double s2 = box_sum (ncc->sum2[f], ncc->iw + 1, x, y, tw, th);
        double var = s2 - s1 * s1 / n;
        double v = 0;

        if (var > n * 4.0)
          {
            v = ncc->real[(gsize) y * ncc->W + x] * inv / (sqrt (var) * norm);
            if (absolute)
              v = fabs (v);
          }
        out[(gsize) y * ow + x] = (float) v;
      }
  return TRUE;
}

/* Direct NCC of @t at one position: for refining a coarse match. */
static double
ncc_at (const Plane *img,
        const Plane *t,
        int          x0,
        int          y0,
        gboolean     absolute)
{
  double n = (double) t->w * t->h, st = 0, si = 0, stt = 0, sii = 0, sti = 0, num, den;

  if (x0 < 0 || y0 < 0 || x0 + t->w > img->w || y0 + t->h > img->h)
    return 0;
  for (int y = 0; y < t->h; y++)
    for (int x = 0; x < t->w; x++)
      {
        double a = t->v[(gsize) y * t->w + x], b = img->v[(gsize) (y + y0) * img->w + x + x0];

        st += a;
        si += b;
        stt += a * a;
        sii += b * b;
        sti += a * b;
      }
  num = sti - st * si / n;
  den = sqrt (MAX (stt - st * st / n, 0) * MAX (sii - si * si / n, 0));
  if (den < n * 4.0)
    return 0;
  return absolute ? fabs (num / den) : num / den;
}

typedef struct
{
  double x, y, w, h;   /* search pixels */
  double score;
} Match;

static int
match_cmp_desc (gconstpointer a,
                gconstpointer b)
{
  const Match *ma = a, *mb = b;

  return (ma->score < mb->score) - (ma->score > mb->score);
}

static gboolean
boxes_clash (const Match *a,
             const Match *b)
{
  double ix = MIN (a->x + a->w, b->x + b->w) - MAX (a->x, b->x);
  double iy = MIN (a->y + a->h, b->y + b->h) - MAX (a->y, b->y);
  double inter = (ix > 0 && iy > 0) ? ix * iy : 0;
  double small = MIN (a->w * a->h, b->w * b->h);

  /* One logo per place: boxes sharing ≥ 30 % of the smaller one clash. */
  return inter > 0.3 * small;
}

/* Sorts @matches best first and drops the ones that clash with a better one. */
static void
non_maximum_suppression (GArray *matches)
{
  g_array_sort (matches, match_cmp_desc);
  for (guint i = 0; i < matches->len; i++)
    for (guint j = matches->len; j-- > i + 1;)
      if (boxes_clash (&g_array_index (matches, Match, i), &g_array_index (matches, Match, j)))
        g_array_remove_index (matches, j);
}

/* Template features at width @tw: grey and edges. */
static void
template_at (const Plane *logo,
             int          tw,
             int          th,
             Plane      **grey,
             Plane      **edges)
{
  *grey = plane_resize (logo, tw, th);
  *edges = plane_edges (*grey);
}

/* The score of a position: the mean of |NCC| on grey and NCC on edges.
 * Either alone is fooled by a blob of text at small sizes; a logo found
 * in another colouring keeps its edges and, mostly, its light/dark
 * pattern. */
static inline double
combine (double grey,
         double edges)
{
  return (grey + edges) / 2;
}

/* Best score of @logo near @m at scales within ±6 % in 1 % steps and
 * ±2 px: the pyramid's 10 % steps leave up to 5 % of misfit. */
static void
refine (const Plane *features[2],
        const Plane *logo,
        Match       *m)
{
  Match best = *m;
  double aspect = (double) logo->h / logo->w;

  best.score = 0;
  for (int s = -6; s <= 6; s++)
    {
      int tw = (int) lround (m->w * (1 + s / 100.0)), th = MAX (1, (int) lround (tw * aspect));
      g_autoptr(Plane) g = NULL;
      g_autoptr(Plane) e = NULL;
      double cx = m->x + m->w / 2, cy = m->y + m->h / 2;

      if (tw < MIN_TEMPLATE_PX / 2 || tw > features[0]->w || th > features[0]->h)
        continue;
      template_at (logo, tw, th, &g, &e);
      for (int dy = -2; dy <= 2; dy++)
        for (int dx = -2; dx <= 2; dx++)
          {
            int x = (int) lround (cx - tw / 2.0) + dx, y = (int) lround (cy - th / 2.0) + dy;
            double v = combine (ncc_at (features[0], g, x, y, TRUE),
                                ncc_at (features[1], e, x, y, FALSE));

            if (v > best.score)
              best = (Match) { x, y, tw, th, v };
          }
    }
  if (best.score > 0)
    *m = best;
}

/* One level of the search: the raster averaged down by @factor. */
typedef struct
{
  double  factor;
  Plane  *grey, *edges;
  Ncc    *ncc;
} Level;

static void
level_clear (Level *level)
{
  plane_free (level->grey);
  plane_free (level->edges);
  if (level->ncc != NULL)
    ncc_free (level->ncc);
}

static void
level_init (Level           *level,
            const EylRaster *raster,
            double           factor)
{
  const Plane *features[2];

  level->factor = factor;
  level->grey = search_plane (raster, factor);
  level->edges = plane_edges (level->grey);
  features[0] = level->grey;
  features[1] = level->edges;
  level->ncc = ncc_new (features);
}

/* Appends to @found (raster px) the places of @logo at template widths
 * [@min_w, @max_w) px of @level. */
static void
find_logo (Level       *level,
           const Plane *logo,
           int          min_w,
           int          max_w,
           GArray      *found)
{
  Ncc *ncc = level->ncc;
  const Plane *features[2] = { level->grey, level->edges };
  g_autoptr(GArray) peaks = g_array_new (FALSE, FALSE, sizeof (Match));
  double aspect = (double) logo->h / logo->w;
  g_autofree float *map0 = g_new (float, (gsize) ncc->iw * ncc->ih);
  g_autofree float *map1 = g_new (float, (gsize) ncc->iw * ncc->ih);

  for (double frac = MIN_WIDTH_FRACTION; frac <= 1.0 + 1e-9; frac *= SCALE_STEP)
    {
      int tw = (int) lround (frac * ncc->iw), th = (int) lround (tw * aspect);
      g_autoptr(Plane) g = NULL;
      g_autoptr(Plane) e = NULL;
      g_autoptr(GArray) level_peaks = NULL;
      int ow, oh;

      if (tw < min_w || tw >= max_w || th < MIN_TEMPLATE_PX / 2 || tw > ncc->iw || th > ncc->ih)
        continue;
      template_at (logo, tw, th, &g, &e);
      if (!ncc_match (ncc, 0, g, TRUE, map0) || !ncc_match (ncc, 1, e, FALSE, map1))
        continue;

      ow = ncc->iw - tw + 1;
      oh = ncc->ih - th + 1;
      for (gsize i = 0; i < (gsize) ow * oh; i++)
        map0[i] = (float) combine (map0[i], map1[i]);

      level_peaks = g_array_new (FALSE, FALSE, sizeof (Match));
      for (int y = 0; y < oh; y++)
        for (int x = 0; x < ow; x++)
          {
            double v = map0[(gsize) y * ow + x];
            gboolean peak = v >= COARSE_THRESHOLD;

            /* A local maximum over its 3 × 3. */
            for (int dy = -1; dy <= 1 && peak; dy++)
              for (int dx = -1; dx <= 1 && peak; dx++)
                {
                  int xx = x + dx, yy = y + dy;

                  if ((dx || dy) && xx >= 0 && yy >= 0 && xx < ow && yy < oh &&
                      map0[(gsize) yy * ow + xx] > v)
                    peak = FALSE;
                }
            if (peak)
              g_array_append_val (level_peaks, ((Match) { x, y, tw, th, v }));
          }
      non_maximum_suppression (level_peaks);
      g_array_append_vals (peaks, level_peaks->data, MIN (level_peaks->len, MAX_PEAKS_PER_SCALE));
    }

  non_maximum_suppression (peaks);
  for (guint i = 0; i < peaks->len && i < 2 * MAX_PEAKS_PER_SCALE; i++)
    {
      Match m = g_array_index (peaks, Match, i);

      refine (features, logo, &m);
      if (m.score >= MATCH_THRESHOLD)
        {
          m.x /= level->factor;
          m.y /= level->factor;
          m.w /= level->factor;
          m.h /= level->factor;
          g_array_append_val (found, m);
        }
    }
}

static double
search_factor (const EylRaster *raster)
{
  double px = (double) raster->width * raster->height;

  return px > SEARCH_PIXELS ? sqrt (SEARCH_PIXELS / px) : 1.0;
}

static void
detect_with_kit (const EylRaster *raster,
                 EylBrandKit     *kit,
                 GPtrArray       *elements,
                 GPtrArray       *warnings)
{
  Level levels[2];
  guint n_levels = 1;

  memset (levels, 0, sizeof levels);
  /* Templates narrower than MIN_TEMPLATE_PX at the search size carry too
   * little shape to tell a logo from a word: the smallest scales are
   * searched on a raster twice as fine (four times the pixels, for the
   * few scales that need it). */
  level_init (&levels[0], raster, search_factor (raster));
  if (levels[0].factor < 1.0)
    {
      level_init (&levels[1], raster, MIN (1.0, 2 * levels[0].factor));
      n_levels = 2;
    }

  for (guint i = 0; kit->logos[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(Plane) logo = logo_plane (kit->logos[i], &error);
      g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Match));
      g_autofree char *base = g_path_get_basename (kit->logos[i]);

      if (logo == NULL)
        {
          if (warnings == NULL)
            continue;
          /* TRANSLATORS: the first %s is a logo file's name, the second its problem. */
          g_ptr_array_add (warnings, g_strdup_printf (_("The brand kit's logo %s could not be read: %s"),
                                                      base, error->message));
          continue;
        }
      find_logo (&levels[0], logo, MIN_TEMPLATE_PX, G_MAXINT, found);
      if (n_levels > 1)
        find_logo (&levels[1], logo, MIN_TEMPLATE_PX,
                   (int) ceil (MIN_TEMPLATE_PX * levels[1].factor / levels[0].factor), found);
      non_maximum_suppression (found);

      for (guint j = 0; j < found->len; j++)
        {
          Match *m = &g_array_index (found, Match, j);
          EylRect box;

          eyl_raster_pixel_to_page (raster, m->x, m->y, &box.x0, &box.y0);
          eyl_raster_pixel_to_page (raster, m->x + m->w, m->y + m->h, &box.x1, &box.y1);
          g_debug ("%s: %.3f at %.0f %.0f %.0f %.0f", base, m->score, box.x0, box.y0, box.x1, box.y1);
          g_ptr_array_add (elements, eyl_element_new (EYL_ELEMENT_LOGO, EYL_SOURCE_BRAND_KIT,
                                                      base, &box, m->score));
        }
    }

  for (guint l = 0; l < n_levels; l++)
    level_clear (&levels[l]);
}

/* ------------------------------------------------------------------ */
/* Without a kit: candidates                                            */

typedef struct
{
  int       w, h;           /* work image */
  double    factor;         /* work px per raster px */
  guint32  *rgb;            /* 0xRRGGBB averaged */
  guint8   *ink;            /* differs from the ground */
  guint32   ground;
} Work;

static void
work_clear (Work *w)
{
  g_free (w->rgb);
  g_free (w->ink);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Work, work_clear)

static int
colour_distance (guint32 a,
                 guint32 b)
{
  int dr = (int) ((a >> 16) & 0xff) - (int) ((b >> 16) & 0xff);
  int dg = (int) ((a >> 8) & 0xff) - (int) ((b >> 8) & 0xff);
  int db = (int) (a & 0xff) - (int) (b & 0xff);

  return MAX (ABS (dr), MAX (ABS (dg), ABS (db)));
}

/* 4 bits per channel: colours that look alike fall together. */
static inline guint
colour_bin (guint32 c)
{
  return ((c >> 20) & 0xf) << 8 | ((c >> 12) & 0xf) << 4 | ((c >> 4) & 0xf);
}

/* Ink: a channel differs from the page's ground (its most common colour)
 * by more than 40 levels — well above anti-aliasing and JPEG noise. */
#define INK_DISTANCE 40

static void
work_init (Work            *work,
           const EylRaster *raster)
{
  g_autofree guint *hist = g_new0 (guint, 4096);
  g_autofree guint64 *sums = g_new0 (guint64, 4096 * 3);
  guint best = 0;

  work->factor = search_factor (raster);
  work->w = MAX (1, (int) (raster->width * work->factor));
  work->h = MAX (1, (int) (raster->height * work->factor));
  work->rgb = g_new (guint32, (gsize) work->w * work->h);
  work->ink = g_new0 (guint8, (gsize) work->w * work->h);

  cairo_surface_flush (raster->surface);
  for (int y = 0; y < work->h; y++)
    {
      int sy0 = (int) (y / work->factor), sy1 = MAX (sy0 + 1, MIN (raster->height, (int) ((y + 1) / work->factor)));

      for (int x = 0; x < work->w; x++)
        {
          int sx0 = (int) (x / work->factor), sx1 = MAX (sx0 + 1, MIN (raster->width, (int) ((x + 1) / work->factor)));
          guint64 r = 0, g = 0, b = 0, n = 0;
          guint32 c;
          guint bin;

          for (int sy = sy0; sy < sy1; sy++)
            {
              const guint32 *row = (const guint32 *) (raster->data + (gsize) sy * raster->stride);

              for (int sx = sx0; sx < sx1; sx++)
                {
                  r += (row[sx] >> 16) & 0xff;
                  g += (row[sx] >> 8) & 0xff;
                  b += row[sx] & 0xff;
                  n++;
                }
            }
          c = (guint32) ((r / n) << 16 | (g / n) << 8 | (b / n));
          work->rgb[(gsize) y * work->w + x] = c;
          bin = colour_bin (c);
          hist[bin]++;
          sums[bin * 3] += r / n;
          sums[bin * 3 + 1] += g / n;
          sums[bin * 3 + 2] += b / n;
        }
    }

  for (guint i = 1; i < 4096; i++)
    if (hist[i] > hist[best])
      best = i;
  work->ground = (guint32) ((sums[best * 3] / hist[best]) << 16 |
                            (sums[best * 3 + 1] / hist[best]) << 8 |
                            (sums[best * 3 + 2] / hist[best]));
  for (gsize i = 0; i < (gsize) work->w * work->h; i++)
    work->ink[i] = colour_distance (work->rgb[i], work->ground) > INK_DISTANCE;
}

static void
page_to_work (const Work      *work,
              const EylRaster *raster,
              const EylRect   *r,
              int             *x0,
              int             *y0,
              int             *x1,
              int             *y1)
{
  double a, b, c, d;

  eyl_raster_page_to_pixel (raster, r->x0, r->y0, &a, &b);
  eyl_raster_page_to_pixel (raster, r->x1, r->y1, &c, &d);
  *x0 = CLAMP ((int) floor (a * work->factor), 0, work->w);
  *y0 = CLAMP ((int) floor (b * work->factor), 0, work->h);
  *x1 = CLAMP ((int) ceil (c * work->factor), 0, work->w);
  *y1 = CLAMP ((int) ceil (d * work->factor), 0, work->h);
}

typedef struct
{
  int      x0, y0, x1, y1;  /* work px, [x0, x1) */
  double   score;
  gboolean brand;
  gboolean image;
  char    *text;
} Candidate;

static void
candidate_clear (Candidate *c)
{
  g_free (c->text);
}

static int
candidate_cmp_desc (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a, *cb = b;

  return (ca->score < cb->score) - (ca->score > cb->score);
}

/* Is @r (work px) beside a brand name?  Returns the name or NULL.  Beside:
 * overlapping, or within a gap of 3 % of the page's shorter side. */
static const char *
brand_next_to (const Work      *work,
               const EylRaster *raster,
               GPtrArray       *elements,
               const Candidate *c,
               gboolean        *inside)
{
  int gap = (int) ceil (0.03 * MIN (work->w, work->h));

  for (guint i = 0; i < elements->len; i++)
    {
      EylElement *e = elements->pdata[i];
      int x0, y0, x1, y1;

      if (e->kind != EYL_ELEMENT_BRAND_NAME)
        continue;
      page_to_work (work, raster, &e->box, &x0, &y0, &x1, &y1);
      if (x0 < c->x1 + gap && x1 > c->x0 - gap && y0 < c->y1 + gap && y1 > c->y0 - gap)
        {
          *inside = x0 >= c->x0 - 1 && x1 <= c->x1 + 1 && y0 >= c->y0 - 1 && y1 <= c->y1 + 1;
          return e->text;
        }
    }
  *inside = FALSE;
  return NULL;
}

/* The share of @c's ink inside the brand names' boxes. */
static double
name_share (const Work      *work,
            const EylRaster *raster,
            GPtrArray       *elements,
            const Candidate *c)
{
  guint in = 0, all = 0;

  for (int y = c->y0; y < c->y1; y++)
    for (int x = c->x0; x < c->x1; x++)
      {
        double px = (x + 0.5) / work->factor, py = (y + 0.5) / work->factor, X, Y;
        gboolean hit = FALSE;

        if (!work->ink[(gsize) y * work->w + x])
          continue;
        all++;
        eyl_raster_pixel_to_page (raster, px, py, &X, &Y);
        for (guint i = 0; i < elements->len && !hit; i++)
          {
            EylElement *e = elements->pdata[i];

            hit = e->kind == EYL_ELEMENT_BRAND_NAME && eyl_rect_contains_point (&e->box, X, Y);
          }
        in += hit;
      }
  return all > 0 ? (double) in / all : 0;
}

/* The share of @c's box taken by the box of its biggest 8-connected
 * piece of ink. */
static double
largest_piece_share (const Work      *work,
                     const Candidate *c)
{
  int cw = c->x1 - c->x0, ch = c->y1 - c->y0;
  g_autofree guint8 *seen = g_new0 (guint8, (gsize) cw * ch);
  g_autofree int *stack = g_new (int, (gsize) cw * ch);
  double best = 0;

  for (gsize start = 0; start < (gsize) cw * ch; start++)
    {
      int sp = 0, x0 = G_MAXINT, y0 = G_MAXINT, x1 = -1, y1 = -1;

      if (seen[start] || !work->ink[(gsize) (c->y0 + start / cw) * work->w + c->x0 + start % cw])
        continue;
      seen[start] = 1;
      stack[sp++] = (int) start;
      while (sp > 0)
        {
          int i = stack[--sp], x = i % cw, y = i / cw;

          x0 = MIN (x0, x);
          y0 = MIN (y0, y);
          x1 = MAX (x1, x + 1);
          y1 = MAX (y1, y + 1);
          for (int dy = -1; dy <= 1; dy++)
            for (int dx = -1; dx <= 1; dx++)
              {
                int xx = x + dx, yy = y + dy, j = yy * cw + xx;

                if (xx >= 0 && yy >= 0 && xx < cw && yy < ch && !seen[j] &&
                    work->ink[(gsize) (c->y0 + yy) * work->w + c->x0 + xx])
                  {
                    seen[j] = 1;
                    stack[sp++] = j;
                  }
              }
        }
      best = MAX (best, (double) (x1 - x0) * (y1 - y0) / ((double) cw * ch));
    }
  return best;
}

/* Scores what makes a logo a logo; the weights sum to about 1 for a
 * perfect case and were set on the corpus (README, make eval). */
static void
score_candidate (const Work      *work,
                 const EylRaster *raster,
                 GPtrArray       *elements,
                 Candidate       *c)
{
  double W = work->w, H = work->h;
  double cw = c->x1 - c->x0, ch = c->y1 - c->y0;
  double area = cw * ch / (W * H), cx = (c->x0 + c->x1) / 2.0 / W, cy = (c->y0 + c->y1) / 2.0 / H;
  g_autofree guint *hist = g_new0 (guint, 4096);
  guint n_ink = 0, n = 0, n_colours = 0, ring_ink = 0, ring_n = 0;
  int margin = (int) ceil (0.02 * MIN (W, H)) + 1;
  gboolean inside = FALSE;
  const char *brand;
  double s = 0.25;

  for (int y = c->y0; y < c->y1; y++)
    for (int x = c->x0; x < c->x1; x++)
      {
        gsize i = (gsize) y * work->w + x;

        n++;
        if (work->ink[i])
          {
            n_ink++;
            hist[colour_bin (work->rgb[i])]++;
          }
      }
  for (guint b = 0; b < 4096; b++)
    if (hist[b] > 0.03 * n_ink && hist[b] >= 2)
      n_colours++;

  /* The ring around the box: a logo stands alone. */
  for (int y = MAX (0, c->y0 - margin); y < MIN (work->h, c->y1 + margin); y++)
    for (int x = MAX (0, c->x0 - margin); x < MIN (work->w, c->x1 + margin); x++)
      {
        if (x >= c->x0 && x < c->x1 && y >= c->y0 && y < c->y1)
          continue;
        ring_n++;
        ring_ink += work->ink[(gsize) y * work->w + x];
      }

  brand = brand_next_to (work, raster, elements, c, &inside);
  if (brand != NULL && !c->image && name_share (work, raster, elements, c) > 0.85)
    {
      /* The brand name set in type alone: a brand_name element already,
       * not a logo. */
      s -= 0.4;
    }
  else if (brand != NULL)
    {
      s += inside ? 0.3 : 0.25;
      c->brand = TRUE;
      g_free (c->text);
      c->text = g_strdup (brand);
    }

  /* Where logos sit on print marketing: the top band, the bottom band
   * (flyers sign off there), a corner. */
  if (cy < 0.25)
    s += 0.05 + 0.1 * (1 - cy / 0.25);
  else if (cy > 0.8)
    s += 0.1;
  if ((cx < 0.3 || cx > 0.7) && (cy < 0.3 || cy > 0.7))
    s += 0.05;

  if (ring_n > 0)
    s += 0.2 * CLAMP (1.0 - 4.0 * ring_ink / ring_n, 0, 1);

  /* Few flat colours (a photo has many), and some but not all ink. */
  if (n_ink > 0)
    {
      double fill = (double) n_ink / n;

      if (n_colours <= 6)
        s += 0.1;
      else if (n_colours > 12)
        s -= 0.15;
      if (fill > 0.1 && fill < 0.8)
        s += 0.05;
      /* One flat colour filling its box, cut from a band or panel by the
       * text laid over it (the contact strip of a banner), is no mark. */
      if (fill > 0.9 && n_colours <= 1 && !c->image)
        s -= 0.4;
    }
  else if (!c->image)
    s -= 0.3;

  /* The brand's mark is the biggest of the modest marks: up to 2 % of
   * the page it scores more the bigger it is; beyond 25 % it is a
   * picture. */
  if (area <= 0.15)
    s += 0.15 * MIN (1.0, area / 0.02);
  else if (area > 0.25)
    s -= 0.2;

  /* An emblem: one shape makes most of it (text is many letter-sized
   * pieces). */
  if (largest_piece_share (work, c) >= 0.4)
    s += 0.1;

  c->score = CLAMP (s, 0, 1);
}

/* Removes specks (stars on a night sky, JPEG noise): ink with fewer than
 * 3 ink pixels in its 3 × 3 neighbourhood. */
static void
remove_specks (guint8 *mask,
               int     w,
               int     h)
{
  g_autofree guint8 *copy = g_memdup2 (mask, (gsize) w * h);

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        int count = 0;

        if (!copy[(gsize) y * w + x])
          continue;
        for (int dy = -1; dy <= 1; dy++)
          for (int dx = -1; dx <= 1; dx++)
            {
              int xx = x + dx, yy = y + dy;

              count += xx >= 0 && yy >= 0 && xx < w && yy < h && copy[(gsize) yy * w + xx];
            }
        if (count < 3)
          mask[(gsize) y * w + x] = 0;
      }
}

/* Removes thin bands across the page (rules, a strip of sky along the
 * top): ink in a horizontal run of ≥ 40 % of the width that is at most
 * 5 % of the height thick, and the same turned by 90°.  They would join
 * every mark near them into one blob.  Panels, thicker, stay. */
static void
remove_bands (guint8 *mask,
              int     w,
              int     h)
{
  g_autofree guint8 *copy = g_memdup2 (mask, (gsize) w * h);
  g_autofree int *hrun = g_new0 (int, (gsize) w * h);
  g_autofree int *vrun = g_new0 (int, (gsize) w * h);

  /* Length of the run each pixel belongs to, along rows and columns. */
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w;)
      {
        int e = x;

        if (!copy[(gsize) y * w + x])
          {
            x++;
            continue;
          }
        while (e < w && copy[(gsize) y * w + e])
          e++;
        for (int k = x; k < e; k++)
          hrun[(gsize) y * w + k] = e - x;
        x = e;
      }
  for (int x = 0; x < w; x++)
    for (int y = 0; y < h;)
      {
        int e = y;

        if (!copy[(gsize) y * w + x])
          {
            y++;
            continue;
          }
        while (e < h && copy[(gsize) e * w + x])
          e++;
        for (int k = y; k < e; k++)
          vrun[(gsize) k * w + x] = e - y;
        y = e;
      }
  for (gsize i = 0; i < (gsize) w * h; i++)
    if ((hrun[i] >= 0.4 * w && vrun[i] <= 0.05 * h) || (vrun[i] >= 0.4 * h && hrun[i] <= 0.05 * w))
      mask[i] = 0;
}

/* The most common colour of @work in a rectangle (work px). */
static guint32
mode_colour (const Work *work,
             int         x0,
             int         y0,
             int         x1,
             int         y1)
{
  g_autofree guint *hist = g_new0 (guint, 4096);
  guint best = 0;
  guint32 colour = work->ground;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      hist[colour_bin (work->rgb[(gsize) y * work->w + x])]++;
  for (guint i = 1; i < 4096; i++)
    if (hist[i] > hist[best])
      best = i;
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      if (colour_bin (work->rgb[(gsize) y * work->w + x]) == best)
        return work->rgb[(gsize) y * work->w + x];
  return colour;
}

/* Connected areas of @mask inside [x0, x1) × [y0, y1), after closing
 * gaps of up to 2r px so that the parts of an emblem make one blob.  A
 * blob too big to be a logo is a panel (a coloured band, a photo): at
 * @depth 0 its own ground is found and the search goes on inside it. */
static void
blobs_in (const Work   *work,
          const guint8 *mask,
          const guint8 *text,
          int           rx0,
          int           ry0,
          int           rx1,
          int           ry1,
          int           depth,
          GArray       *out)
{
  int w = work->w, h = work->h;
  gsize n = (gsize) w * h;
  g_autofree guint8 *rows = g_new0 (guint8, n);
  g_autofree guint8 *grown = g_new0 (guint8, n);
  g_autofree int *stack = g_new (int, n);
  g_autofree guint8 *seen = g_new0 (guint8, n);
  /* Closing gaps up to ~0.6 % of the page diagonal: letter spacing and
   * the gap between an emblem and its wordmark, not the margin to the
   * next block. */
  int r = MAX (1, (int) lround (0.003 * hypot (w, h)) >> depth);

  for (int y = ry0; y < ry1; y++)
    {
      int last = -2 * r - 1;

      for (int x = rx0; x < rx1 + r; x++)
        {
          if (x < rx1 && mask[(gsize) y * w + x])
            last = x;
          if (x - r >= rx0 && x - last <= 2 * r)
            rows[(gsize) y * w + x - r] = 1;
        }
    }
  for (int x = rx0; x < rx1; x++)
    {
      int last = -2 * r - 1;

      for (int y = ry0; y < ry1 + r; y++)
        {
          if (y < ry1 && rows[(gsize) y * w + x])
            last = y;
          if (y - r >= ry0 && y - last <= 2 * r)
            grown[(gsize) (y - r) * w + x] = 1;
        }
    }

  for (int sy = ry0; sy < ry1; sy++)
    for (int sx = rx0; sx < rx1; sx++)
      {
        gsize start = (gsize) sy * w + sx;
        int sp = 0, x0 = G_MAXINT, y0 = G_MAXINT, x1 = -1, y1 = -1;
        double W = w, H = h, cw, ch, area, aspect;

        if (!grown[start] || seen[start])
          continue;
        seen[start] = 1;
        stack[sp++] = (int) start;
        while (sp > 0)
          {
            int i = stack[--sp], x = i % w, y = i / w;
            static const int dx[] = { 1, -1, 0, 0 }, dy[] = { 0, 0, 1, -1 };

            /* The box of the real ink, not of its dilation. */
            if (mask[i])
              {
                x0 = MIN (x0, x);
                y0 = MIN (y0, y);
                x1 = MAX (x1, x + 1);
                y1 = MAX (y1, y + 1);
              }
            for (int k = 0; k < 4; k++)
              {
                int xx = x + dx[k], yy = y + dy[k];
                int j = yy * w + xx;

                if (xx >= rx0 && yy >= ry0 && xx < rx1 && yy < ry1 && grown[j] && !seen[j])
                  {
                    seen[j] = 1;
                    stack[sp++] = j;
                  }
              }
          }
        if (x1 <= x0 || y1 <= y0)
          continue;

        cw = x1 - x0;
        ch = y1 - y0;
        area = cw * ch / (W * H);
        aspect = cw / ch;
        /* Too big, or a band across the page. */
        if ((area > 0.35 || cw > 0.9 * W || ch > 0.9 * H) && depth < 2)
          {
            /* A panel: ink is what differs from the panel's own ground. */
            guint32 ground = mode_colour (work, x0, y0, x1, y1);
            g_autofree guint8 *sub = g_new0 (guint8, n);

            for (int y = y0; y < y1; y++)
              for (int x = x0; x < x1; x++)
                {
                  gsize i = (gsize) y * w + x;

                  /* Inside a busy panel (a photo, a night sky) only marks
                   * that stand out strongly count. */
                  sub[i] = !text[i] &&
                           colour_distance (work->rgb[i], ground) > INK_DISTANCE * (depth + 2);
                }
            remove_specks (sub, w, h);
            blobs_in (work, sub, text, x0, y0, x1, y1, depth + 1, out);
            continue;
          }

        /* Logo-like: not a speck, not a full-page photo, not a rule. */
        if (area < 0.001 || area > 0.35 || cw < 0.02 * MIN (W, H) || ch < 0.02 * MIN (W, H) ||
            cw > 0.9 * W || ch > 0.9 * H ||
            aspect > 12 || aspect < 1.0 / 6)
          continue;
        g_array_append_val (out, ((Candidate) { x0, y0, x1, y1, 0, FALSE, FALSE, NULL }));
      }
}

/* Blobs of ink that the text does not explain.  Text: the text layer's
 * glyphs and the text elements found so far (OCR words among them),
 * except brand names, part of the logo's lock-up. */
static void
find_blobs (const Work        *work,
            const EylRaster   *raster,
            const EylPageData *page,
            GPtrArray         *elements,
            GArray            *out)
{
  gsize n = (gsize) work->w * work->h;
  g_autofree guint8 *mask = g_memdup2 (work->ink, n);
  g_autofree guint8 *text = g_new0 (guint8, n);
  g_autofree guint8 *keep = g_new0 (guint8, n);

  for (guint i = 0; i < elements->len; i++)
    {
      EylElement *e = elements->pdata[i];
      int x0, y0, x1, y1;

      if (e->kind == EYL_ELEMENT_LOGO || e->kind == EYL_ELEMENT_QR)
        continue;
      page_to_work (work, raster, &e->box, &x0, &y0, &x1, &y1);
      for (int y = y0; y < y1; y++)
        memset ((e->kind == EYL_ELEMENT_BRAND_NAME ? keep : text) + (gsize) y * work->w + x0, 1,
                MAX (0, x1 - x0));
    }
  for (guint i = 0; page->glyphs != NULL && i < page->glyphs->len; i++)
    {
      const EylGlyph *g = &g_array_index (page->glyphs, EylGlyph, i);
      int x0, y0, x1, y1;

      if (eyl_rect_is_empty (&g->box))
        continue;
      page_to_work (work, raster, &g->box, &x0, &y0, &x1, &y1);
      for (int y = y0; y < y1; y++)
        memset (text + (gsize) y * work->w + x0, 1, MAX (0, x1 - x0));
    }
  for (gsize i = 0; i < n; i++)
    {
      if (keep[i])
        text[i] = 0;
      if (text[i])
        mask[i] = 0;
    }
  remove_specks (mask, work->w, work->h);
  remove_bands (mask, work->w, work->h);
  blobs_in (work, mask, text, 0, 0, work->w, work->h, 0, out);
}

static double
candidate_overlap (const Candidate *a,
                   const Candidate *b)
{
  int ix = MIN (a->x1, b->x1) - MAX (a->x0, b->x0), iy = MIN (a->y1, b->y1) - MAX (a->y0, b->y0);
  double sa = (double) (a->x1 - a->x0) * (a->y1 - a->y0), sb = (double) (b->x1 - b->x0) * (b->y1 - b->y0);

  if (ix <= 0 || iy <= 0)
    return 0;
  return (double) ix * iy / MIN (sa, sb);
}

/* A row of marks of about the same height is a strip of partners' or
 * sponsors' logos (or of icons), not the brand's own. */
static void
penalise_rows (GArray *cands)
{
  g_autofree guint *siblings = g_new0 (guint, cands->len);

  for (guint i = 0; i < cands->len; i++)
    {
      const Candidate *a = &g_array_index (cands, Candidate, i);
      double ha = a->y1 - a->y0, cya = (a->y0 + a->y1) / 2.0;

      for (guint j = 0; j < cands->len; j++)
        {
          const Candidate *b = &g_array_index (cands, Candidate, j);
          double hb = b->y1 - b->y0, cyb = (b->y0 + b->y1) / 2.0;

          if (i != j && candidate_overlap (a, b) < 0.5 && fabs (cya - cyb) < ha / 2 &&
              hb > 0.6 * ha && hb < 1.6 * ha && (b->x0 >= a->x1 || b->x1 <= a->x0))
            siblings[i]++;
        }
    }
  for (guint i = 0; i < cands->len; i++)
    if (siblings[i] >= 2)
      g_array_index (cands, Candidate, i).score -= 0.15;
}

static void
detect_without_kit (const EylPageData *page,
                    const EylRaster   *raster,
                    GPtrArray         *elements)
{
  g_auto(Work) work = { 0, };
  g_autoptr(GArray) cands = g_array_new (FALSE, FALSE, sizeof (Candidate));
  guint kept = 0, n_images = 0;

  g_array_set_clear_func (cands, (GDestroyNotify) candidate_clear);
  work_init (&work, raster);

  /* Image XObjects: a logo is often a placed PNG. */
  for (guint i = 0; page->images != NULL && i < page->images->len; i++)
    {
      const EylImageInfo *img = &g_array_index (page->images, EylImageInfo, i);
      Candidate c = { 0, };
      EylRect vis;
      double area;

      if (!eyl_rect_intersect (&img->box, &raster->area, &vis))
        continue;
      page_to_work (&work, raster, &vis, &c.x0, &c.y0, &c.x1, &c.y1);
      area = (double) (c.x1 - c.x0) * (c.y1 - c.y0) / ((double) work.w * work.h);
      if (c.x1 - c.x0 < 2 || c.y1 - c.y0 < 2 || area < 0.0005 || area > 0.35)
        continue;
      c.image = TRUE;
      g_array_append_val (cands, c);
      n_images++;
    }

  find_blobs (&work, raster, page, elements, cands);

  for (guint i = 0; i < cands->len; i++)
    score_candidate (&work, raster, elements, &g_array_index (cands, Candidate, i));
  penalise_rows (cands);

  /* On a page of many pictures (a dashboard, a catalogue) any one of
   * them is less likely the brand's mark. */
  if (n_images > 4)
    for (guint i = 0; i < cands->len; i++)
      if (g_array_index (cands, Candidate, i).image)
        g_array_index (cands, Candidate, i).score -= 0.1;
  g_array_sort (cands, candidate_cmp_desc);

  for (guint i = 0; i < cands->len; i++)
    {
      Candidate *c = &g_array_index (cands, Candidate, i);
      gboolean dup = FALSE;
      EylRect box;

      g_debug ("candidate %.2f %s at %.2f %.2f %.2f %.2f", c->score, c->image ? "image" : "blob",
               (double) c->x0 / work.w, (double) c->y0 / work.h, (double) c->x1 / work.w, (double) c->y1 / work.h);
      if (c->score < MIN_CONFIDENCE || (kept >= MAX_CANDIDATES && c->score < HIGH_CONFIDENCE))
        continue;
      /* The same logo as an image and as a blob: the better one stands. */
      for (guint j = 0; j < i && !dup; j++)
        {
          Candidate *o = &g_array_index (cands, Candidate, j);

          dup = o->score >= MIN_CONFIDENCE && candidate_overlap (c, o) > 0.5;
        }
      if (dup)
        continue;

      eyl_raster_pixel_to_page (raster, c->x0 / work.factor, c->y0 / work.factor, &box.x0, &box.y0);
      eyl_raster_pixel_to_page (raster, c->x1 / work.factor, c->y1 / work.factor, &box.x1, &box.y1);
      g_ptr_array_add (elements, eyl_element_new (EYL_ELEMENT_LOGO, EYL_SOURCE_RASTER,
                                                  c->text, &box, c->score));
      kept++;
    }
}

void
eyl_detect_logos (const EylPageData *page,
                  const EylRaster   *raster,
                  EylBrandKit       *kit,
                  GPtrArray         *elements,
                  GPtrArray         *warnings)
{
  g_return_if_fail (page != NULL);
  g_return_if_fail (raster != NULL);
  g_return_if_fail (elements != NULL);

  if (kit != NULL && kit->logos != NULL && kit->logos[0] != NULL)
    detect_with_kit (raster, kit, elements, warnings);
  else
    detect_without_kit (page, raster, elements);
}
