/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-contrast"

#include <math.h>
#include <string.h>

#include "eyl-detect-pixels.h"

/* Colours are compared in 8-bit sRGB: a Euclidean distance of 441 is
 * black against white. */

/* Histogram bins: 4 bits per channel.  Coarse enough that the
 * anti-aliasing and JPEG noise of a flat background fall in one bin, fine
 * enough to tell a coloured band from the text on it. */
#define BIN_BITS 4
#define N_BINS   (1 << (3 * BIN_BITS))
/* Ring pixels count twice: inside the box the glyphs take their share. */
#define RING_WEIGHT 2
/* A background pixel is within this distance of the dominant colour. */
#define NEAR_BACKGROUND 40.0
/* Less than this share of the ring near the dominant colour: the
 * background varies (a photo, a gradient), and the contrast is the worst
 * of a few sub-areas. */
#define VARIED_SHARE  0.5
#define MAX_SUB_AREAS 6
/* No inside pixel this far from the background: nothing is drawn there
 * (invisible text such as an OCR layer, or text covered by an image). */
#define MIN_INK 24.0
/* Ink pixels: at least this share of the farthest distance; anti-aliased
 * edges are nearer the background and would wash the colour out. */
#define INK_SHARE 0.75
/* Fewer pixels than this across the box: too coarse to tell ink from
 * background at the analysis resolution. */
#define MIN_BOX_PX 6.0
/* At most this many pixels are read per element (larger boxes are
 * sampled on a grid). */
#define MAX_SAMPLES (256 * 1024)

/* WCAG 2.x relative luminance (WCAG 2.1, "relative luminance"): sRGB
 * channels linearised with the 0.03928 threshold of the definition, then
 * weighted 0.2126 R + 0.7152 G + 0.0722 B (ITU-R BT.709). */
static double
linearise (guint8 c8)
{
  double c = c8 / 255.0;

  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

double
eyl_relative_luminance (guint32 rgb)
{
  return 0.2126 * linearise ((rgb >> 16) & 0xff) +
         0.7152 * linearise ((rgb >> 8) & 0xff) +
         0.0722 * linearise (rgb & 0xff);
}

/* WCAG 2.x contrast ratio (L1 + 0.05) / (L2 + 0.05), L1 the lighter. */
double
eyl_contrast_ratio (guint32 a,
                    guint32 b)
{
  double la = eyl_relative_luminance (a);
  double lb = eyl_relative_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* Measuring */

static double
colour_distance (guint32 a,
                 guint32 b)
{
  double dr = (double) ((a >> 16) & 0xff) - ((b >> 16) & 0xff);
  double dg = (double) ((a >> 8) & 0xff) - ((b >> 8) & 0xff);
  double db = (double) (a & 0xff) - (b & 0xff);

  return sqrt (dr * dr + dg * dg + db * db);
}

static inline guint
bin_of (guint32 rgb)
{
  guint shift = 8 - BIN_BITS;

  return ((((rgb >> 16) & 0xff) >> shift) << (2 * BIN_BITS)) |
         ((((rgb >> 8) & 0xff) >> shift) << BIN_BITS) |
         ((rgb & 0xff) >> shift);
}

/* A pixel rectangle [x0, x1) × [y0, y1). */
typedef struct
{
  int x0, y0, x1, y1;
} PixRect;

typedef struct
{
  const EylRaster *raster;
  guint32         *hist; /* N_BINS */
  double          *sums; /* N_BINS × 3 */
} Scratch;

static inline gboolean
in_rect (const PixRect *r,
         int            x,
         int            y)
{
  return x >= r->x0 && x < r->x1 && y >= r->y0 && y < r->y1;
}

typedef struct
{
  guint32  background;
  guint32  ink;          /* the colour most unlike the background */
  double   ink_distance; /* its distance from the background */
  double   ring_share;   /* ring pixels near the background, 0 … 1 */
  gboolean ok;
} AreaMeasure;

/* The dominant colour of @outer's pixels (those in @inner once, the ring
 * RING_WEIGHT times), then the ink inside @inner. */
static void
measure_area (Scratch       *s,
              const PixRect *inner,
              const PixRect *outer,
              AreaMeasure   *out)
{
  const EylRaster *r = s->raster;
  double           area = (double) (outer->x1 - outer->x0) * (outer->y1 - outer->y0);
  int              step = (int) MAX (1.0, ceil (sqrt (area / MAX_SAMPLES)));
  guint            best = 0;
  guint64          n_ring = 0, n_ring_near = 0;
  double           dmax = 0, sum_r = 0, sum_g = 0, sum_b = 0, n_ink = 0;
  guint32          bg;

  memset (out, 0, sizeof *out);
  memset (s->hist, 0, N_BINS * sizeof *s->hist);
  memset (s->sums, 0, N_BINS * 3 * sizeof *s->sums);

  for (int y = outer->y0; y < outer->y1; y += step)
    for (int x = outer->x0; x < outer->x1; x += step)
      {
        guint32 p = eyl_raster_get_pixel (r, x, y);
        guint   b = bin_of (p);
        guint   w = in_rect (inner, x, y) ? 1 : RING_WEIGHT;

        s->hist[b] += w;
        s->sums[3 * b] += w * ((p >> 16) & 0xff);
        s->sums[3 * b + 1] += w * ((p >> 8) & 0xff);
        s->sums[3 * b + 2] += w * (p & 0xff);
        if (s->hist[b] > s->hist[best])
          best = b;
      }
  if (s->hist[best] == 0)
    return;

  bg = ((guint32) (s->sums[3 * best] / s->hist[best] + 0.5) << 16) |
       ((guint32) (s->sums[3 * best + 1] / s->hist[best] + 0.5) << 8) |
       (guint32) (s->sums[3 * best + 2] / s->hist[best] + 0.5);
  out->background = bg;

  /* How uniform the surroundings are, and how far the ink goes. */
  for (int y = outer->y0; y < outer->y1; y += step)
    for (int x = outer->x0; x < outer->x1; x += step)
      {
        guint32 p = eyl_raster_get_pixel (r, x, y);
        double  d = colour_distance (p, bg);

        if (in_rect (inner, x, y))
          dmax = MAX (dmax, d);
        else
          {
            n_ring++;
            if (d <= NEAR_BACKGROUND)
              n_ring_near++;
          }
      }
  out->ring_share = n_ring > 0 ? (double) n_ring_near / n_ring : 1.0;
  out->ink_distance = dmax;
  out->ok = TRUE;
  if (dmax < MIN_INK)
    {
      out->ink = bg;
      return;
    }

  for (int y = inner->y0; y < inner->y1; y += step)
    for (int x = inner->x0; x < inner->x1; x += step)
      {
        guint32 p = eyl_raster_get_pixel (r, x, y);

        if (colour_distance (p, bg) >= INK_SHARE * dmax)
          {
            sum_r += (p >> 16) & 0xff;
            sum_g += (p >> 8) & 0xff;
            sum_b += p & 0xff;
            n_ink++;
          }
      }
  out->ink = ((guint32) (sum_r / n_ink + 0.5) << 16) |
             ((guint32) (sum_g / n_ink + 0.5) << 8) |
             (guint32) (sum_b / n_ink + 0.5);
}

static gboolean
is_measured_kind (EylElementKind kind)
{
  switch (kind)
    {
    case EYL_ELEMENT_URL:
    case EYL_ELEMENT_EMAIL:
    case EYL_ELEMENT_PHONE:
    case EYL_ELEMENT_SOCIAL:
    case EYL_ELEMENT_ADDRESS:
    case EYL_ELEMENT_BRAND_NAME:
    case EYL_ELEMENT_HEADLINE:
    case EYL_ELEMENT_CTA:
    case EYL_ELEMENT_OTHER_URL:
      return TRUE;
    case EYL_ELEMENT_QR:
    case EYL_ELEMENT_LOGO:
    case EYL_ELEMENT_BODY:
    case EYL_ELEMENT_SPONSOR_LOGO:
    case EYL_ELEMENT_REPEAT:
    default:
      return FALSE;
    }
}

/* The text layer knows the fill colour of live text. */
static gboolean
colour_is_known (const EylElement *el)
{
  return el->source == EYL_SOURCE_TEXT || el->source == EYL_SOURCE_INFERRED ||
         el->source == EYL_SOURCE_BRAND_KIT;
}

/* The text colour for one area: the text layer's when the pixels agree
 * (the ink lies on its side of the background; at 1 px per mm thin
 * strokes never reach their full colour, so the ink itself would
 * understate the contrast), else the ink seen. */
static guint32
text_colour (const EylElement  *el,
             const AreaMeasure *m)
{
  if (colour_is_known (el) &&
      colour_distance (m->ink, el->color) < colour_distance (m->background, el->color))
    return el->color;
  return m->ink;
}

static void
measure_element (Scratch    *s,
                 EylElement *el)
{
  const EylRaster *r = s->raster;
  double           fx0, fy0, fx1, fy1, pad;
  PixRect          inner, outer;
  AreaMeasure      whole;
  guint32          fg;
  double           ratio;

  eyl_raster_page_to_pixel (r, el->box.x0, el->box.y0, &fx0, &fy0);
  eyl_raster_page_to_pixel (r, el->box.x1, el->box.y1, &fx1, &fy1);
  if (MIN (fx1 - fx0, fy1 - fy0) < MIN_BOX_PX)
    return;

  inner.x0 = (int) CLAMP (floor (fx0), 0, r->width);
  inner.y0 = (int) CLAMP (floor (fy0), 0, r->height);
  inner.x1 = (int) CLAMP (ceil (fx1), 0, r->width);
  inner.y1 = (int) CLAMP (ceil (fy1), 0, r->height);
  if (inner.x1 - inner.x0 < 2 || inner.y1 - inner.y0 < 2)
    return;

  /* The ring: a quarter of the box height (at least 2 px) around it,
   * what the eye takes as the ground of the line. */
  pad = MAX (2.0, 0.25 * (fy1 - fy0));
  outer.x0 = (int) CLAMP (floor (fx0 - pad), 0, r->width);
  outer.y0 = (int) CLAMP (floor (fy0 - pad), 0, r->height);
  outer.x1 = (int) CLAMP (ceil (fx1 + pad), 0, r->width);
  outer.y1 = (int) CLAMP (ceil (fy1 + pad), 0, r->height);

  measure_area (s, &inner, &outer, &whole);
  if (!whole.ok)
    return;

  if (whole.ink_distance < MIN_INK)
    {
      /* Nothing drawn under the box: text that is not painted (an
       * invisible OCR layer, text under an image) has no contrast to
       * measure — unless the text layer says it is the ground's colour. */
      if (!colour_is_known (el) || colour_distance (el->color, whole.background) >= MIN_INK)
        return;
    }

  fg = text_colour (el, &whole);
  ratio = eyl_contrast_ratio (fg, whole.background);
  el->background = whole.background;

  if (whole.ring_share < VARIED_SHARE)
    {
      /* A photo or a gradient: the worst of a few sub-areas along the
       * line, each with its own ground. */
      int    w = inner.x1 - inner.x0, h = inner.y1 - inner.y0;
      int    n = CLAMP (w / MAX (h, 1), 1, MAX_SUB_AREAS);
      double worst = G_MAXDOUBLE;

      /* The whole box's "dominant" colour means little here: only the
       * sub-areas count, when any can be measured. */
      for (int i = 0; i < n && n > 1; i++)
        {
          PixRect     sub_in = inner, sub_out = outer;
          AreaMeasure m;
          guint32     sub_fg;
          double      sub_ratio;

          sub_in.x0 = inner.x0 + w * i / n;
          sub_in.x1 = inner.x0 + w * (i + 1) / n;
          sub_out.x0 = i == 0 ? outer.x0 : sub_in.x0;
          sub_out.x1 = i == n - 1 ? outer.x1 : sub_in.x1;
          measure_area (s, &sub_in, &sub_out, &m);
          if (!m.ok || m.ink_distance < MIN_INK)
            continue;
          sub_fg = text_colour (el, &m);
          sub_ratio = eyl_contrast_ratio (sub_fg, m.background);
          g_debug ("%s: part %d of %d: %06x on %06x, %.2f:1", el->id, i + 1, n,
                   sub_fg, m.background, sub_ratio);
          if (sub_ratio < worst)
            {
              worst = ratio = sub_ratio;
              fg = sub_fg;
              el->background = m.background;
            }
        }
      el->background_varies = TRUE;
    }

  el->contrast_ratio = ratio;
  if (!colour_is_known (el))
    el->color = fg;
}

void
eyl_measure_contrast (const EylPageData *page,
                      const EylRaster   *raster,
                      GPtrArray         *elements)
{
  g_autofree guint32 *hist = NULL;
  g_autofree double  *sums = NULL;
  Scratch             s;

  g_return_if_fail (elements != NULL);

  if (raster == NULL || raster->width < 1 || raster->height < 1)
    return;

  hist = g_new (guint32, N_BINS);
  sums = g_new (double, N_BINS * 3);
  s.raster = raster;
  s.hist = hist;
  s.sums = sums;

  cairo_surface_flush (raster->surface);
  for (guint i = 0; i < elements->len; i++)
    {
      EylElement *el = g_ptr_array_index (elements, i);

      if (!is_measured_kind (el->kind) || eyl_rect_is_empty (&el->box))
        continue;
      measure_element (&s, el);
    }

  (void) page;
}
