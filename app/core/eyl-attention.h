/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-attention.h: predicted attention (model) — a bottom-up saliency map
 * of what a visitor sees of the piece, the share of it each element gets,
 * and the first fixations the model predicts.
 *
 * The model is Boolean Map Saliency (J. Zhang and S. Sclaroff, "Saliency
 * detection: a Boolean map approach", ICCV 2013; "Exploiting surroundedness
 * for saliency detection: a Boolean map approach", IEEE TPAMI 38(5), 2016):
 * thresholded colour channels, the regions of each Boolean map that do not
 * touch the border, summed and blurred.  It is a model of where the eye is
 * drawn, measured against real fixations (`make eval-attention`), never an
 * eye-tracking result. */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <json-glib/json-glib.h>
#include <poppler.h>

#include "eyl-geometry.h"
#include "eyl-raster.h"

G_BEGIN_DECLS

typedef struct
{
  int    max_side;     /* working resolution: longest side, px */
  int    step;         /* threshold step on the 8-bit channels */
  int    dilate;       /* width of the square dilating each Boolean
                         * attention map, px at max_side */
  int    dilate_final; /* width of the square dilating the sum, px */
  double blur;         /* Gaussian σ of the final map, fraction of max_side */
  double gamma;        /* exponent of the final map (keeps its ranks) */
  double whiten;       /* ridge added to the colour covariance before
                         * whitening, in (CIE Lab unit)²; < 0: no whitening */
  double centre;       /* weight 0…1 of a centre prior; 0: none */
  int    scales;       /* 1: one resolution; 2: also at half max_side */
  double norm;         /* each attention map is divided by its area to
                         * this power: 0.5 = its L2 norm (the authors') */
  int    lab_plain;    /* 1: also the Lab channels without whitening */
  double signature;    /* weight 0…1 of the image signature (Hou et al.
                         * 2012) mixed into the Boolean map saliency */
} EylAttentionParams;

/* The defaults measured best on the eye-tracking set (README). */
void eyl_attention_params_init (EylAttentionParams *params);

typedef struct
{
  int    width, height; /* the working grid */
  float *values;        /* width × height, rows packed, 0 … 1 (max 1) */
} EylAttentionMap;

typedef struct
{
  double x, y;  /* centre, 0 … 1 of the image's width and height */
  double value; /* map value there, 0 … 1 */
} EylAttentionFixation;

/* The predicted attention of @image (any Cairo image surface, RGB24 or
 * ARGB32).  @hidden, when not NULL, is a CAIRO_FORMAT_A8 surface of any
 * size laid over the image: where its alpha is above half, the piece is
 * hidden from the visitor (a table, a pocket) and gets no attention; the
 * edge of what is hidden counts as the border of the image.  NULL
 * @params: the defaults. */
EylAttentionMap *eyl_attention_map_compute (cairo_surface_t          *image,
                                            cairo_surface_t          *hidden,
                                            const EylAttentionParams *params);
void             eyl_attention_map_free (EylAttentionMap *map);
/* The last steps of the model, in place, on a map computed with blur 0,
 * no centre prior and γ 1: Gaussian blur of σ @blur_px, the centre prior
 * of weight @centre, zero where @visible (map-sized, may be NULL) is 0,
 * scaled to a maximum of 1, raised to @gamma.  For evaluations that try
 * several settings on one computation. */
void eyl_attention_map_refine (EylAttentionMap *map,
                               const guint8    *visible,
                               double           blur_px,
                               double           centre,
                               double           gamma);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EylAttentionMap, eyl_attention_map_free)

/* Share 0…1 of the map's total inside the box (0…1 of width and height). */
double eyl_attention_map_share (const EylAttentionMap *map,
                                double                 x0,
                                double                 y0,
                                double                 x1,
                                double                 y1);

/* Inhibition of return: σ of what a fixation takes from the map, as a
 * fraction of the longest side (about 2° of a piece seen whole). */
#define EYL_ATTENTION_IOR_RADIUS 0.06

/* The first @n fixations: winner-take-all on the map, then inhibition of
 * return (a Gaussian of σ = @ior_radius × the longest side removed around
 * each winner), in viewing order.  Returns how many were found (fewer on
 * an empty map); @out holds @n. */
guint eyl_attention_map_fixations (const EylAttentionMap *map,
                                   guint                  n,
                                   double                 ior_radius,
                                   EylAttentionFixation  *out);

/* The map as an 8-bit grey image (min–max scaled to 0…255), a new
 * CAIRO_FORMAT_A8 surface, and written as an 8-bit greyscale PNG. */
cairo_surface_t *eyl_attention_map_to_surface (const EylAttentionMap *map);
gboolean         eyl_attention_map_write_png (const EylAttentionMap *map,
                                              const char            *path,
                                              GError               **error);

/* An image file (PNG, JPEG, … whatever gdk-pixbuf reads) as a Cairo
 * RGB24 surface; NULL and @error when it cannot be read. */
cairo_surface_t *eyl_attention_load_image (const char *path,
                                           GError    **error);

/* @src drawn into a new @w × @h surface of @format with @filter (GOOD:
 * a box filter when shrinking), edges padded. */
cairo_surface_t *eyl_image_scaled (cairo_surface_t *src,
                                   cairo_format_t   format,
                                   int              w,
                                   int              h,
                                   cairo_filter_t   filter);

/* Gaussian blur of σ @sigma px of a @w × @h plane of floats, in place,
 * truncated at 3σ and renormalised at the border (no dark edge). */
void eyl_blur_plane (float *plane,
                     int    w,
                     int    h,
                     double sigma);

/* The predicted attention (model) of a page as the median visitor of
 * @placement sees it — what the table, cassette, pocket or top rail hides
 * masked — for the JSON report: each element's share, the shares of the
 * brand (logo, brand name) and of what the customer needs (contacts, call
 * to action, headline), and the first fixations in page space.  NULL when
 * nothing of the page is seen.  Field list: README, "JSON report". */
JsonObject *eyl_attention_for_page (EylRaster          *raster,
                                    const EylPageFrame *frame,
                                    const EylPlacement *placement,
                                    GPtrArray          *elements);

/* @visible (page space) of @page rendered into a new raster whose
 * longer side is @long_side_px, on white; drawn from @recording (the
 * page recorded in page space) instead when it is not NULL. */
EylRaster *eyl_attention_render_visible (PopplerPage     *page,
                                         cairo_surface_t *recording,
                                         const EylRect   *visible,
                                         double           long_side_px);

/* The heatmap layer for the window: the visible page at @long_side_px,
 * paled, with the predicted attention (model) of what the median visitor
 * of @placement sees laid over it (yellow to red), what is hidden
 * greyed, and the first five fixations numbered.  New RGB24 surface;
 * NULL when nothing of the page is seen. */
cairo_surface_t *eyl_attention_heatmap_for_page (PopplerPage        *page,
                                                 const EylPageFrame *frame,
                                                 const EylPlacement *placement,
                                                 int                 long_side_px);
/* The same from @raster, the visible page already rendered (by a worker:
 * the window never runs Poppler itself). */
cairo_surface_t *eyl_attention_heatmap_for_raster (EylRaster          *raster,
                                                   const EylPageFrame *frame,
                                                   const EylPlacement *placement);

G_END_DECLS
