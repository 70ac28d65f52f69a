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
 * render of that region, so a replayed region is snapped to that grid. */
#pragma once

#include "eyl-raster.h"

G_BEGIN_DECLS

typedef struct _EylRenderCache EylRenderCache;

/* A cache for regions of the page within @page_rect that @renderer
 * renders; the renderer must outlive it. */
EylRenderCache *eyl_render_cache_new (const EylRenderer *renderer,
                                      const EylRect     *page_rect);
void            eyl_render_cache_free (EylRenderCache *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EylRenderCache, eyl_render_cache_free)

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

/* Poppler passes made: recordings and regions rendered by themselves. */
guint eyl_render_cache_get_n_passes (const EylRenderCache *self);

G_END_DECLS
