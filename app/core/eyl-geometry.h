/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-geometry.h: page points → mm on the material → mm above the floor;
 * eye-level zone and occlusion per viewer; shares of the population.
 * Pure functions, each unit-tested against hand-worked numbers. */
#pragma once

#include "eyl-types.h"
#include "eyl-placement.h"

G_BEGIN_DECLS

#define EYL_MM_PER_PT (25.4 / 72.0)

/* How one page maps onto the material in the real world. */
typedef struct
{
  EylRect visible;       /* visible artwork in page space, pt */
  double  material_w_mm; /* real size of the visible artwork */
  double  material_h_mm;
  double  mm_per_pt_x; /* material mm per page pt */
  double  mm_per_pt_y;
  double  bottom_floor_mm; /* bottom edge of the artwork above the floor */
} EylPageFrame;

void eyl_page_frame_init (EylPageFrame       *frame,
                          const EylRect      *visible,
                          double              material_w_mm,
                          double              material_h_mm,
                          const EylPlacement *placement);

/* A page-space y (pt) → height above the floor (mm). */
double eyl_page_frame_floor_mm (const EylPageFrame *frame,
                                double              y_pt);
/* The inverse: a height above the floor (mm) → page-space y (pt). */
double eyl_page_frame_page_y (const EylPageFrame *frame,
                              double              floor_mm);
/* A page-space length (pt, vertical) → mm on the material. */
double eyl_page_frame_length_mm (const EylPageFrame *frame,
                                 double              length_pt);

/* Table occlusion for one eye (DESIGN.md 3.1, similar triangles): the
 * height above the floor up to which the material is hidden.  @eye_mm
 * eye height, @distance_mm eye to the material, table of @table_mm with
 * @objects_mm on it whose back edge is @gap_mm in front of the material. */
double eyl_occlusion_height_mm (double eye_mm,
                                double distance_mm,
                                double table_mm,
                                double objects_mm,
                                double gap_mm);

/* The shelf-edge strip for one eye: the height above the floor up to
 * which the line of sight over the strip's top edge (placement's
 * strip_height_mm above a shelf deck at @deck_mm, strip_gap_mm in front
 * of the pack) hides the pack; 0 without a strip. */
double eyl_strip_line_mm (const EylPlacement *placement,
                          double              deck_mm,
                          double              eye_mm);

/* Everything hidden for this eye: table, crowd, fixed bands (the part of
 * the artwork below this height above the floor is hidden).  Returns the
 * top of the hidden zone above the floor in mm (bottom-hidden model). */
double eyl_hidden_below_mm (const EylPlacement *placement,
                            const EylPageFrame *frame,
                            double              eye_mm);
/* The fixed hidden band at the top (top rail), as a height above floor:
 * everything above it is hidden for everyone.  +inf when none. */
double eyl_hidden_above_mm (const EylPlacement *placement,
                            const EylPageFrame *frame);

/* Eye-level zone for one eye at @distance_mm: [low, high] above floor. */
void eyl_eye_zone_mm (const EylPlacement *placement,
                      double              eye_mm,
                      double              distance_mm,
                      double             *low_mm,
                      double             *high_mm);

/* The eye-level zone of a scene (DESIGN.md 3.1), the one set of numbers
 * that the overlay, the side view, the rules' messages and fixes and the
 * summary page all use: the comfortable zone of the median visitor at the
 * reading distance, its centre (the natural line of sight), the part of it
 * nothing hides from the shortest or tallest visitor, and that part on the
 * piece itself — where a fix can move something (empty when low > high:
 * no part of the piece is at eye level, seen). */
typedef struct
{
  double low_mm, high_mm;
  double sight_mm;
  double seen_low_mm, seen_high_mm;
  double piece_low_mm, piece_high_mm;
} EylEyeZone;

void eyl_eye_zone_for (const EylPlacement *placement,
                       const EylPageFrame *frame,
                       EylEyeZone         *zone);

/* Does eye level mean anything for a piece so placed?  Not for a leaflet
 * (the rack shows its top, the rest is read in the hand), a sticker or
 * any piece read in the hand: the views draw no eye-level band there. */
gboolean eyl_placement_has_eye_level (const EylPlacement *placement);
/* Nor for a piece seen whole within the comfortable zone (±eye_zone_deg)
 * from where it is read (an A4 poster on a wall at 0.7 m, a sticker):
 * what the eye-level rules judge and the views draw. */
gboolean eyl_page_has_eye_level (const EylPlacement *placement,
                                 const EylPageFrame *frame);

/* The viewer population: standing eye heights modelled as a normal
 * distribution whose 5th and 95th percentiles are eye_min_mm and
 * eye_max_mm.  Share of viewers with eye height below @eye_mm. */
double eyl_population_cdf (const EylPlacement *placement,
                           double              eye_mm);
/* Eye height at population quantile @q (0 < q < 1). */
double eyl_population_quantile (const EylPlacement *placement,
                                double              q);

/* For an element spanning [bottom_mm, top_mm] above the floor: the share
 * of viewers for whom it is hidden (at least half its height is hidden),
 * and the share for whom its centre lies in their eye-level zone. */
double eyl_hidden_fraction (const EylPlacement *placement,
                            const EylPageFrame *frame,
                            double              bottom_mm,
                            double              top_mm);
double eyl_eye_zone_fraction (const EylPlacement *placement,
                              double              bottom_mm,
                              double              top_mm);

/* Legibility: the smallest cap height (mm) that @standard asks for at
 * @distance_m, for text whose baseline is @baseline_floor_mm above the
 * floor (ADA 703.5 depends on mounting height). */
double eyl_legibility_min_cap_mm (EylLegibility standard,
                                  double        distance_m,
                                  double        baseline_floor_mm);

G_END_DECLS
