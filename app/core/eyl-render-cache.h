/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-render-cache.h: one Poppler pass per page and scale for a reader
 * that renders many small regions (QR candidates, barcodes).
 *
 * Every Poppler pass decodes and colour-converts every image of the page,
 * however small its clip.  The reader plans the regions it will render
 * first; regions of about one scale share one Cairo recording of the page
 * at that scale (Poppler draws once, into it), and each region is a
 * replay of it.  A replay at the recorded scale on the recording's pixel
 * grid (its origin at the page's top left) is bit-identical to a Poppler
 * render of that region, so a replayed region is snapped to that grid.
 * Where a pass is costly, a reader's first look at its regions (a scout)
 * may share one recording across scales, at the cost of exactness. */
#pragma once

#include "eyl-page-data.h"
#include "eyl-raster.h"

G_BEGIN_DECLS

typedef struct _EylRenderCache EylRenderCache;

/* A cache for regions of the page within @page_rect that @renderer
 * renders; the renderer must outlive it. */
EylRenderCache *eyl_render_cache_new (const EylRenderer *renderer,
                                      const EylRect     *page_rect);
void            eyl_render_cache_free (EylRenderCache *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EylRenderCache, eyl_render_cache_free)

/* Weighs what a Poppler pass over @page costs by its images' pixels:
 * where a pass costs far more than a replay, scouts share one recording
 * across scales (eyl_render_cache_scout()).  Call before any render. */
void eyl_render_cache_weigh_images (EylRenderCache    *self,
                                    const EylPageData *page);

/* Plans @area at @scale: it will be rendered at @scale or up to @finer
 * times finer, with every region planned at about that scale. */
void eyl_render_cache_plan (EylRenderCache *self,
                            const EylRect  *area,
                            double          scale,
                            double          finer);

/* @area at the scale planned for it (@scale when none was): replayed from
 * the recording of its scale, recorded now if it was not yet, over @area
 * snapped outwards to whole pixels; rendered by itself, as
 * eyl_renderer_render() does, when it was planned alone at its scale (and
 * no region far away at that very scale shares a recording with it: see
 * EylRenderer's wide_clips), not planned or its recording would be too
 * large. */
EylRaster *eyl_render_cache_render (EylRenderCache *self,
                                    const EylRect  *area,
                                    double          scale,
                                    GError        **error);

/* A first look at @area at @scale, for a reader that looks again with
 * eyl_render_cache_render() where it sees anything: on a page whose
 * passes are costly (eyl_render_cache_weigh_images()), the regions of
 * every scale that one recording holds within the bounds of one of a
 * single scale are replayed from one recording at the finest of them,
 * scaled.  Such a replay is not bit-identical to a render at @scale:
 * Poppler chose hairline widths and image sizes for the recording's
 * scale (a hairline 0.6 px wide instead of 1 px can move a measured
 * quiet zone), so @exact is FALSE for it; TRUE when the raster is what
 * eyl_render_cache_render() gives. */
EylRaster *eyl_render_cache_scout (EylRenderCache *self,
                                   const EylRect  *area,
                                   double          scale,
                                   gboolean       *exact,
                                   GError        **error);

/* Poppler passes made: recordings and regions rendered by themselves. */
guint eyl_render_cache_get_n_passes (const EylRenderCache *self);

G_END_DECLS
