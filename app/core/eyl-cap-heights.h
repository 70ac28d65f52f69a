/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-cap-heights.h: the cap and x heights of lines of text, measured on
 * the rendered page (the ink of flat-topped letters: E, H, x, z …), for
 * the legibility rules, which judge letters by their size on the
 * material, not by the nominal font size.
 *
 * Every render is a Poppler pass over the whole page, whatever its clip:
 * the lines are measured on the page's analysis raster wherever it shows
 * their letters large enough, and only the smaller ones on bands rendered
 * finer (one render for all the bands when it is fine enough for them). */
#pragma once

#include <gio/gio.h>

#include "eyl-page-data.h"
#include "eyl-raster.h"

G_BEGIN_DECLS

/* Measures @n_lines @lines (their glyphs in @glyphs) of the page
 * @page_rect (0, 0, width, height): on @raster (any part of the page at
 * any scale; NULL to render the whole page for them) and on bands
 * @renderer renders (NULL: @raster only): 13 renders at most, as each is
 * a Poppler pass, or with @replays (@renderer replays a recording of the
 * page) all the bands within a budget of pixels.  Fills @cap_heights and
 * @x_heights (@n_lines each) in pt, 0 where a line was not measured (no
 * flat-topped letter, too few pixels, no contrast).  Runs on the thread
 * that owns the document behind @renderer. */
void eyl_measure_line_heights (const EylGlyph    *glyphs,
                               const EylTextLine *lines,
                               guint              n_lines,
                               const EylRect     *page_rect,
                               const EylRaster   *raster,
                               const EylRenderer *renderer,
                               gboolean           replays,
                               GCancellable      *cancellable,
                               double            *cap_heights,
                               double            *x_heights);

/* How many renders of bands eyl_measure_line_heights() would make after
 * a raster of @raster_area at @raster_scale, were the lines' letters the
 * size their font size suggests (0.7 em). */
guint eyl_count_line_height_renders (const EylGlyph    *glyphs,
                                     const EylTextLine *lines,
                                     guint              n_lines,
                                     const EylRect     *page_rect,
                                     const EylRect     *raster_area,
                                     double             raster_scale);

G_END_DECLS
