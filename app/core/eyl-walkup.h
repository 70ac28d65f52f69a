/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-walkup.h: the walk-up view — the piece as a visitor sees it on the
 * way to it (8 m across the hall, 4 m, 2 m, in the hand): at the size it
 * subtends, with no detail finer than the eye resolves there, what hides
 * it greyed, and the text that can be read there marked. */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <poppler.h>

#include "eyl-element.h"
#include "eyl-geometry.h"

G_BEGIN_DECLS

/* Normal vision resolves about 1 arc-minute (Snellen 6/6, 20/20). */
#define EYL_WALKUP_ACUITY_ARCMIN 1.0
#define EYL_WALKUP_MAX_VIEWS     4

/* The distances of the views, far to near: 8, 4 and 2 m, and the
 * scene's reading distance when it is nearer (a leaflet in the hand, a
 * pack).  Returns how many (at most EYL_WALKUP_MAX_VIEWS). */
guint eyl_walkup_distances (const EylPlacement *placement,
                            double             *distances_m);

/* What hides a band of the piece from a walk-up view. */
typedef enum
{
  EYL_WALKUP_COVER_NONE,
  EYL_WALKUP_COVER_TABLE,  /* the table and what stands on it */
  EYL_WALKUP_COVER_CROWD,  /* people standing in front (far viewers only) */
  EYL_WALKUP_COVER_STRIP,  /* a shelf-edge strip */
  EYL_WALKUP_COVER_BASE,   /* a fixed band at the bottom: cassette, base, sleeve */
  EYL_WALKUP_COVER_POCKET, /* a rack pocket */
  EYL_WALKUP_COVER_RAIL,   /* a fixed band at the top: rail, clamp bar */
} EylWalkupCover;

/* What the median visitor cannot see from a distance: the piece below
 * @below_mm and above @above_mm (mm above the floor; INFINITY when
 * nothing hides the top), and what hides each. */
typedef struct
{
  double         below_mm;
  EylWalkupCover below_by;
  double         above_mm;
  EylWalkupCover above_by;
} EylWalkupHidden;

/* How a text fares in a walk-up view: hidden (by what
 * eyl_walkup_hidden() names) and too small to read from there are
 * different things, drawn differently. */
typedef enum
{
  EYL_WALKUP_NOT_TEXT, /* no text or no measured cap height */
  EYL_WALKUP_LEGIBLE,
  EYL_WALKUP_HIDDEN,
  EYL_WALKUP_TOO_SMALL, /* in sight, capitals below the standard there */
} EylWalkupSight;

/* What hides the piece from @distance_m (the scene's table and crowd
 * seen from there, its fixed bands). */
void eyl_walkup_hidden (const EylPlacement *placement,
                        const EylPageFrame *frame,
                        double              distance_m,
                        EylWalkupHidden    *hidden);

/* What hides a band, for a caption: "the crowd" (translated). */
const char *eyl_walkup_cover_name (const EylPlacement *placement,
                                   EylWalkupCover      cover);

/* How @element fares from @distance_m: hidden when its centre is in a
 * band eyl_walkup_hidden() gives, else too small or legible as
 * eyl_walkup_legible() judges. */
EylWalkupSight eyl_walkup_sight (const EylElement   *element,
                                 const EylPageFrame *frame,
                                 const EylPlacement *placement,
                                 EylLegibility       legibility,
                                 double              distance_m);

/* Whether @element can be read from @distance_m by the median visitor:
 * not hidden from there and capitals at least what @legibility asks for
 * at that distance, divided by the placement's acuity.  Only for elements with text and a measured cap
 * height. */
gboolean eyl_walkup_legible (const EylElement   *element,
                             const EylPageFrame *frame,
                             const EylPlacement *placement,
                             EylLegibility       legibility,
                             double              distance_m);

/* One view: @artwork is the visible artwork (@frame->visible) rendered
 * at any resolution; what hides the piece from there greyed, legible
 * texts framed in green, texts in sight but too small framed in dashed
 * orange; the view is drawn at @px_per_degree pixels per
 * degree of visual angle, its detail limited to @acuity_arcmin for
 * normal eyes (divided by the placement's acuity: 2′ at 20/40).  New
 * RGB24 surface. */
cairo_surface_t *eyl_walkup_view (cairo_surface_t    *artwork,
                                  const EylPageFrame *frame,
                                  const EylPlacement *placement,
                                  GPtrArray          *elements,
                                  EylLegibility       legibility,
                                  double              distance_m,
                                  double              acuity_arcmin,
                                  double              px_per_degree);

/* The caption under the view from @distance_m: the distance, how many
 * of @elements' texts can be read, how many are hidden and how many too
 * small, and what hides each greyed band ("Lower 56 % hidden by the
 * crowd").  Newly allocated. */
char *eyl_walkup_caption (GPtrArray          *elements,
                          const EylPageFrame *frame,
                          const EylPlacement *placement,
                          EylLegibility       legibility,
                          double              distance_m);

/* The strip of the views at eyl_walkup_distances(), far to near, side by
 * side on one scale of visual angle (the nearest @height_px high), each
 * captioned with its distance, what can be read there, how many texts
 * are hidden or too small and what hides the greyed bands, over a legend
 * of the marks.  New RGB24 surface. */
cairo_surface_t *eyl_walkup_strip (cairo_surface_t    *artwork,
                                   const EylPageFrame *frame,
                                   const EylPlacement *placement,
                                   GPtrArray          *elements,
                                   EylLegibility       legibility,
                                   double              acuity_arcmin,
                                   int                 height_px);

/* The strip for @page as eyl_walkup_strip() draws it: its visible part
 * (@frame->visible) drawn from @recording (the page recorded in page
 * space) when there is one, else rendered from @page, at 1600 px on its
 * longer side.  NULL when the page has no visible area. */
cairo_surface_t *eyl_walkup_strip_for_page (PopplerPage        *page,
                                            cairo_surface_t    *recording,
                                            const EylPageFrame *frame,
                                            const EylPlacement *placement,
                                            GPtrArray          *elements,
                                            EylLegibility       legibility,
                                            int                 height_px);

G_END_DECLS
