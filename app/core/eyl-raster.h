/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-raster.h: a rendered region of a page, and the means to render one.
 *
 * The analysis raster is rendered once per page at a physical resolution
 * (default 1 px per mm of real size, bounded by a pixel budget) and shared
 * by every pixel detector (OCR, QR, logos) and by the rules that need
 * pixels (contrast).  A detector that needs more detail (small text, a
 * small QR code) asks the renderer for one region at a higher scale. */
#pragma once

#include <cairo.h>
#include "eyl-types.h"

G_BEGIN_DECLS

typedef struct _EylRaster EylRaster;

struct _EylRaster
{
  /*< private >*/
  gatomicrefcount  ref_count;
  cairo_surface_t *surface; /* CAIRO_FORMAT_RGB24, white background */

  /*< public, read-only >*/
  int     width, height; /* pixels */
  int     stride;        /* bytes per row */
  guint8 *data;          /* xRGB32 in native endianness, as Cairo */
  double  scale;         /* pixels per page pt */
  EylRect area;          /* page-space area the raster covers */
};

#define EYL_TYPE_RASTER (eyl_raster_get_type ())
GType eyl_raster_get_type (void) G_GNUC_CONST;
/* A white raster of @area at @scale px/pt (size rounded up, at least 1 px). */
EylRaster *eyl_raster_new (const EylRect *area,
                           double         scale);
EylRaster *eyl_raster_ref (EylRaster *self);
void       eyl_raster_unref (EylRaster *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EylRaster, eyl_raster_unref)

/* The Cairo surface over the pixels (owned by the raster).  Draw on it
 * with a context whose user space is page space:
 * eyl_raster_create_context() sets that up. */
cairo_surface_t *eyl_raster_get_surface (EylRaster *self);
cairo_t         *eyl_raster_create_context (EylRaster *self);

/* Page space → pixel; pixel → page space. */
void eyl_raster_page_to_pixel (const EylRaster *self,
                               double           x_pt,
                               double           y_pt,
                               double          *px,
                               double          *py);
void eyl_raster_pixel_to_page (const EylRaster *self,
                               double           px,
                               double           py,
                               double          *x_pt,
                               double          *y_pt);

/* Colour 0xRRGGBB of a pixel (clamped to the raster). */
guint32 eyl_raster_get_pixel (const EylRaster *self,
                              int              x,
                              int              y);
/* How far two colours 0xRRGGBB lie apart: the largest difference of a
 * channel, 0–255. */
static inline int
eyl_colour_distance (guint32 a,
                     guint32 b)
{
  int d = 0;

  for (int shift = 0; shift <= 16; shift += 8)
    d = MAX (d, ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)));
  return d;
}

/* Rec. 709 luma of a Cairo RGB pixel (0xAARRGGBB, alpha ignored), 0–255:
 * 0.2126 R + 0.7152 G + 0.0722 B on the gamma-encoded values. */
static inline double
eyl_luma (guint32 px)
{
  return 0.2126 * ((px >> 16) & 0xff) + 0.7152 * ((px >> 8) & 0xff) + 0.0722 * (px & 0xff);
}

/* Rec. 709 luma of a pixel, 0–255 (clamped to the raster): enough to
 * tell ink from its background. */
static inline double
eyl_raster_get_luma (const EylRaster *self,
                     int              x,
                     int              y)
{
  guint32 px;

  x = CLAMP (x, 0, self->width - 1);
  y = CLAMP (y, 0, self->height - 1);
  px = *(const guint32 *) (gconstpointer) (self->data + (gsize) y * self->stride + (gsize) x * 4);
  return eyl_luma (px);
}

/* The raster averaged down by @factor (at most 1): a new array of
 * 0xRRGGBB, @w × @h pixels (each the mean of the raster pixels it
 * covers), for detectors that look at shapes, not detail. */
guint32 *eyl_raster_dup_averaged (const EylRaster *self,
                                  double           factor,
                                  int             *w,
                                  int             *h);

/* @mask (@w px wide) grown by @r px each way inside the box [x0, x1) ×
 * [y0, y1), into @out (same size, zeroed by the caller): what lies within
 * 2r px of other ink joins it, the letters of a word, an emblem's parts. */
void eyl_mask_grow (const guint8 *mask,
                    int           w,
                    int           x0,
                    int           y0,
                    int           x1,
                    int           y1,
                    int           r,
                    guint8       *out);

/* An 8-bit grey copy (Rec. 709 luma), @width × @height, rows packed,
 * newly allocated: what OCR, QR decoding and template matching read. */
guint8 *eyl_raster_dup_gray (const EylRaster *self);

/* Renders @area of the page at @scale px/pt onto a new raster.  Runs on
 * the thread that owns the document (the worker).  NULL and @error when
 * it cannot. */
typedef EylRaster *(*EylRenderFunc) (const EylRect *area,
                                     double         scale,
                                     gpointer       user_data,
                                     GError       **error);

/* Draws the whole page on @cr, in page space, whatever @cr's target: one
 * Poppler pass that a Cairo recording keeps (eyl-render-cache.h).  FALSE
 * and @error when it cannot. */
typedef gboolean (*EylDrawFunc) (cairo_t *cr,
                                 gpointer user_data,
                                 GError **error);

typedef struct
{
  EylRenderFunc render;
  gpointer      user_data;
  double        px_per_mm;  /* analysis raster resolution on the material; default 1 */
  double        max_pixels; /* budget of any one raster; default 16 Mpx */
  double        min_pixels; /* floor of the analysis raster; default 1 Mpx */
  EylDrawFunc   draw;       /* with user_data; NULL: regions are rendered one by one */
  /* With draw: a pass clipped to regions far apart costs no more than one
   * over a region (the page sets no soft mask drawn through an image of
   * the clip's extents), so one recording may hold them; default FALSE. */
  gboolean wide_clips;
} EylRenderer;

void eyl_renderer_init (EylRenderer *renderer);

/* The scale eyl_renderer_render() renders @area at when asked for @scale. */
double eyl_renderer_fit_scale (const EylRenderer *renderer,
                               const EylRect     *area,
                               double             scale);

/* Renders @area at @scale, lowered as needed to stay within max_pixels. */
EylRaster *eyl_renderer_render (const EylRenderer *renderer,
                                const EylRect     *area,
                                double             scale,
                                GError           **error);

G_END_DECLS
