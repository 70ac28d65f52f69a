/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-geometry.c: the page in the real world — floor heights, occlusion,
 * eye-level zone, the viewer population and legibility. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-geometry"

#include <math.h>

#include "eyl-geometry.h"

#define MM_PER_INCH 25.4
#define MM_PER_FOOT 304.8

/* z of the 95th percentile of the standard normal distribution: eye_min
 * and eye_max are P5 and P95, so σ = (max − min) / (2 z). */
#define Z_P95 1.6448536269514722

static double
deg_to_rad (double deg)
{
  return deg * G_PI / 180.0;
}

/* Frame ----------------------------------------------------------------- */

void
eyl_page_frame_init (EylPageFrame       *frame,
                     const EylRect      *visible,
                     double              material_w_mm,
                     double              material_h_mm,
                     const EylPlacement *placement)
{
  double w_pt, h_pt;

  g_return_if_fail (frame != NULL);
  g_return_if_fail (visible != NULL);

  w_pt = eyl_rect_width (visible);
  h_pt = eyl_rect_height (visible);

  frame->visible = *visible;
  frame->material_w_mm = material_w_mm;
  frame->material_h_mm = material_h_mm;
  frame->mm_per_pt_x = w_pt > 0 ? material_w_mm / w_pt : 0.0;
  frame->mm_per_pt_y = h_pt > 0 ? material_h_mm / h_pt : 0.0;
  frame->bottom_floor_mm = placement != NULL
                               ? eyl_placement_bottom_above_floor (placement, material_h_mm)
                               : 0.0;
}

double
eyl_page_frame_floor_mm (const EylPageFrame *frame,
                         double              y_pt)
{
  g_return_val_if_fail (frame != NULL, 0.0);

  /* Page space grows downwards from the top; the floor is below the
   * bottom edge of the visible artwork. */
  return frame->bottom_floor_mm + (frame->visible.y1 - y_pt) * frame->mm_per_pt_y;
}

double
eyl_page_frame_page_y (const EylPageFrame *frame,
                       double              floor_mm)
{
  g_return_val_if_fail (frame != NULL, 0.0);

  if (frame->mm_per_pt_y <= 0)
    return frame->visible.y1;
  return frame->visible.y1 - (floor_mm - frame->bottom_floor_mm) / frame->mm_per_pt_y;
}

double
eyl_page_frame_length_mm (const EylPageFrame *frame,
                          double              length_pt)
{
  g_return_val_if_fail (frame != NULL, 0.0);

  return length_pt * frame->mm_per_pt_y;
}

/* Occlusion ------------------------------------------------------------- */

double
eyl_occlusion_height_mm (double eye_mm,
                         double distance_mm,
                         double table_mm,
                         double objects_mm,
                         double gap_mm)
{
  double top, edge_distance, y;

  /* No table (or counter, or crowd): nothing in front. */
  if (table_mm <= 0)
    return 0.0;

  top = table_mm + objects_mm;
  gap_mm = MAX (gap_mm, 0.0);
  edge_distance = distance_mm - gap_mm;

  /* A viewer at or behind the occluder's back edge looks past it. */
  if (edge_distance <= 0)
    return 0.0;

  /* Similar triangles (DESIGN.md 3.1): the ray from the eye over the
   * occluder's back edge drops (E − T')/D per mm and travels g more mm to
   * the material, so y = T' − (E − T')·g / D.  An eye below T' gives a
   * line above T', as it should. */
  y = top - (eye_mm - top) * gap_mm / edge_distance;

  return MAX (y, 0.0);
}

double
eyl_strip_line_mm (const EylPlacement *placement,
                   double              deck_mm,
                   double              eye_mm)
{
  g_return_val_if_fail (placement != NULL, 0.0);

  if (placement->strip_height_mm <= 0)
    return 0.0;
  return eyl_occlusion_height_mm (eye_mm, placement->distance_m * 1000.0,
                                  deck_mm + placement->strip_height_mm, 0.0,
                                  placement->strip_gap_mm);
}

double
eyl_hidden_below_mm (const EylPlacement *placement,
                     const EylPageFrame *frame,
                     double              eye_mm)
{
  double distance_mm, hidden = 0.0;

  g_return_val_if_fail (placement != NULL, 0.0);
  g_return_val_if_fail (frame != NULL, 0.0);

  distance_mm = placement->distance_m * 1000.0;

  if (placement->table_height_mm > 0)
    hidden = MAX (hidden, eyl_occlusion_height_mm (eye_mm, distance_mm,
                                                   placement->table_height_mm,
                                                   placement->table_objects_mm,
                                                   placement->table_gap_mm));

  /* People between a far viewer and the material hide it like a table
   * would (same similar triangles), only for viewers that far away. */
  if (placement->crowd_height_mm > 0 &&
      placement->distance_m >= placement->crowd_distance_m)
    hidden = MAX (hidden, eyl_occlusion_height_mm (eye_mm, distance_mm,
                                                   placement->crowd_height_mm,
                                                   0.0,
                                                   placement->crowd_gap_mm));

  /* A shelf-edge strip stands in front of the pack's foot like a low
   * table: it hides what the line of sight over its top edge hides (the
   * same similar triangles), more from a low eye below a high shelf,
   * nearly nothing from above. */
  if (placement->strip_height_mm > 0)
    hidden = MAX (hidden, eyl_strip_line_mm (placement, frame->bottom_floor_mm, eye_mm));

  /* Cassette leader or shelf strip: a band of material from its bottom edge. */
  if (placement->hidden_bottom_mm > 0)
    hidden = MAX (hidden, frame->bottom_floor_mm +
                              MIN (placement->hidden_bottom_mm, frame->material_h_mm));

  /* Rack pocket: only the top fraction shows. */
  if (placement->visible_top_fraction < 1.0)
    hidden = MAX (hidden, frame->bottom_floor_mm +
                              frame->material_h_mm *
                                  (1.0 - CLAMP (placement->visible_top_fraction, 0.0, 1.0)));

  return hidden;
}

double
eyl_hidden_above_mm (const EylPlacement *placement,
                     const EylPageFrame *frame)
{
  g_return_val_if_fail (placement != NULL, INFINITY);
  g_return_val_if_fail (frame != NULL, INFINITY);

  /* Top rail or clamp bar: a band of material from its top edge. */
  if (placement->hidden_top_mm <= 0)
    return INFINITY;
  return frame->bottom_floor_mm +
         MAX (frame->material_h_mm - placement->hidden_top_mm, 0.0);
}

/* Eye-level zone -------------------------------------------------------- */

void
eyl_eye_zone_mm (const EylPlacement *placement,
                 double              eye_mm,
                 double              distance_mm,
                 double             *low_mm,
                 double             *high_mm)
{
  double centre, half;

  g_return_if_fail (placement != NULL);

  /* The natural line of sight falls ~10° below horizontal and the
   * comfortable zone is ±15° around it (DESIGN.md 3.1); on a vertical
   * surface at d that is E − d·tan(sight) ± d·tan(zone). */
  centre = eye_mm - distance_mm * tan (deg_to_rad (placement->sight_line_deg));
  half = distance_mm * tan (deg_to_rad (placement->eye_zone_deg));

  if (low_mm != NULL)
    *low_mm = centre - half;
  if (high_mm != NULL)
    *high_mm = centre + half;
}

void
eyl_eye_zone_for (const EylPlacement *placement,
                  const EylPageFrame *frame,
                  EylEyeZone         *zone)
{
  double median, seen_above, top_hidden;

  g_return_if_fail (placement != NULL);
  g_return_if_fail (frame != NULL);
  g_return_if_fail (zone != NULL);

  median = eyl_population_quantile (placement, 0.5);
  eyl_eye_zone_mm (placement, median, placement->distance_m * 1000.0,
                   &zone->low_mm, &zone->high_mm);
  zone->sight_mm = (zone->low_mm + zone->high_mm) / 2.0;

  /* A table hides more for a lower eye, a crowd for a taller one: the
   * shortest and tallest visitors bound what nearly everyone sees. */
  seen_above = MAX (eyl_hidden_below_mm (placement, frame, eyl_population_quantile (placement, 0.05)),
                    eyl_hidden_below_mm (placement, frame, eyl_population_quantile (placement, 0.95)));
  top_hidden = eyl_hidden_above_mm (placement, frame);
  zone->seen_low_mm = MAX (zone->low_mm, seen_above);
  zone->seen_high_mm = isfinite (top_hidden) ? MIN (zone->high_mm, top_hidden) : zone->high_mm;

  zone->piece_low_mm = MAX (zone->seen_low_mm, frame->bottom_floor_mm);
  zone->piece_high_mm = MIN (zone->seen_high_mm, frame->bottom_floor_mm + frame->material_h_mm);
}

gboolean
eyl_placement_has_eye_level (const EylPlacement *placement)
{
  g_return_val_if_fail (placement != NULL, FALSE);

  return placement->kind != EYL_PLACEMENT_LEAFLET && placement->kind != EYL_PLACEMENT_STICKER &&
         !placement->held;
}

gboolean
eyl_page_has_eye_level (const EylPlacement *placement,
                        const EylPageFrame *frame)
{
  g_return_val_if_fail (placement != NULL, FALSE);
  g_return_val_if_fail (frame != NULL, FALSE);

  return eyl_placement_has_eye_level (placement) && !(placement->hand_distance_m > 0) &&
         frame->material_h_mm > 2.0 * placement->distance_m * 1000.0 *
                                    tan (placement->eye_zone_deg * G_PI / 180.0);
}

/* Population ------------------------------------------------------------ */

static void
population_params (const EylPlacement *placement,
                   double             *mean,
                   double             *sigma)
{
  double lo = MIN (placement->eye_min_mm, placement->eye_max_mm);
  double hi = MAX (placement->eye_min_mm, placement->eye_max_mm);

  *mean = (lo + hi) / 2.0;
  *sigma = (hi - lo) / (2.0 * Z_P95);
}

static double
normal_cdf (double x,
            double mean,
            double sigma)
{
  if (sigma <= 0)
    return x >= mean ? 1.0 : 0.0;
  /* Φ(z) = ½ erfc(−z / √2), accurate in both tails. */
  return 0.5 * erfc (-(x - mean) / (sigma * G_SQRT2));
}

double
eyl_population_cdf (const EylPlacement *placement,
                    double              eye_mm)
{
  double mean, sigma;

  g_return_val_if_fail (placement != NULL, 0.0);

  population_params (placement, &mean, &sigma);
  return normal_cdf (eye_mm, mean, sigma);
}

double
eyl_population_quantile (const EylPlacement *placement,
                         double              q)
{
  double mean, sigma, lo, hi;

  g_return_val_if_fail (placement != NULL, 0.0);

  population_params (placement, &mean, &sigma);
  if (sigma <= 0)
    return mean;
  if (q <= 0)
    return -INFINITY;
  if (q >= 1)
    return INFINITY;

  /* Bisection on the CDF: simple and good to far below a micrometre. */
  lo = mean - 40 * sigma;
  hi = mean + 40 * sigma;
  for (int i = 0; i < 200 && hi - lo > 1e-9; i++)
    {
      double mid = (lo + hi) / 2.0;

      if (normal_cdf (mid, mean, sigma) < q)
        lo = mid;
      else
        hi = mid;
    }
  return (lo + hi) / 2.0;
}

/* Shares of viewers ----------------------------------------------------- */

/* Is at least half of [bottom, top] hidden for this eye? */
static gboolean
hidden_for_eye (const EylPlacement *placement,
                const EylPageFrame *frame,
                double              bottom_mm,
                double              top_mm,
                double              eye_mm)
{
  double below = eyl_hidden_below_mm (placement, frame, eye_mm);
  double above = eyl_hidden_above_mm (placement, frame);
  double height = top_mm - bottom_mm;
  double hidden;

  if (height <= 0)
    return bottom_mm <= below || bottom_mm >= above;

  hidden = CLAMP (below - bottom_mm, 0.0, height) +
           CLAMP (top_mm - above, 0.0, height);
  return MIN (hidden, height) >= height / 2.0;
}

double
eyl_hidden_fraction (const EylPlacement *placement,
                     const EylPageFrame *frame,
                     double              bottom_mm,
                     double              top_mm)
{
  double mean, sigma, lo, hi;

  g_return_val_if_fail (placement != NULL, 0.0);
  g_return_val_if_fail (frame != NULL, 0.0);

  if (top_mm < bottom_mm)
    {
      double tmp = top_mm;

      top_mm = bottom_mm;
      bottom_mm = tmp;
    }

  population_params (placement, &mean, &sigma);
  if (sigma <= 0)
    return hidden_for_eye (placement, frame, bottom_mm, top_mm, mean) ? 1.0 : 0.0;

  /* Every occluder's hide line falls (or stays) as the eye rises, so the
   * element is hidden exactly for eyes up to some height E*: the share is
   * Φ(E*).  Bisection finds E* for any mix of tables, crowds and bands. */
  lo = mean - 12 * sigma;
  hi = mean + 12 * sigma;
  if (hidden_for_eye (placement, frame, bottom_mm, top_mm, hi))
    return 1.0;
  if (!hidden_for_eye (placement, frame, bottom_mm, top_mm, lo))
    return 0.0;

  for (int i = 0; i < 200 && hi - lo > 1e-6; i++)
    {
      double mid = (lo + hi) / 2.0;

      if (hidden_for_eye (placement, frame, bottom_mm, top_mm, mid))
        lo = mid;
      else
        hi = mid;
    }
  return normal_cdf ((lo + hi) / 2.0, mean, sigma);
}

double
eyl_eye_zone_fraction (const EylPlacement *placement,
                       double              bottom_mm,
                       double              top_mm)
{
  double centre, d, sight, half, e_lo, e_hi, mean, sigma;

  g_return_val_if_fail (placement != NULL, 0.0);

  /* The centre c lies in the zone of eye E when
   * E − d·tan(sight) − d·tan(zone) ≤ c ≤ E − d·tan(sight) + d·tan(zone),
   * i.e. for E in [c + d·tan(sight) − d·tan(zone), c + … + d·tan(zone)]. */
  centre = (bottom_mm + top_mm) / 2.0;
  d = placement->distance_m * 1000.0;
  sight = d * tan (deg_to_rad (placement->sight_line_deg));
  half = d * tan (deg_to_rad (placement->eye_zone_deg));
  e_lo = centre + sight - half;
  e_hi = centre + sight + half;

  population_params (placement, &mean, &sigma);
  if (sigma <= 0)
    return mean >= e_lo && mean <= e_hi ? 1.0 : 0.0;
  return MAX (0.0, normal_cdf (e_hi, mean, sigma) - normal_cdf (e_lo, mean, sigma));
}

/* Legibility ------------------------------------------------------------ */

/* ADA 2010 Standards, Table 703.5.5 (visual character height): by the
 * height of the baseline above the floor, a minimum up to a viewing
 * distance, then 1/8 in more per foot beyond it. */
static double
ada_703_5_cap_mm (double distance_mm,
                  double baseline_floor_mm)
{
  double base_in, limit_ft;

  if (baseline_floor_mm <= 70 * MM_PER_INCH)
    {
      /* 40 in to 70 in (lower mountings use the same row): 5/8 in below
       * 6 ft, then + 1/8 in per ft above 6 ft. */
      base_in = 5.0 / 8.0;
      limit_ft = 6;
    }
  else if (baseline_floor_mm <= 120 * MM_PER_INCH)
    {
      /* Over 70 in to 120 in: 2 in below 15 ft, then + 1/8 in per ft. */
      base_in = 2;
      limit_ft = 15;
    }
  else
    {
      /* Over 120 in: 3 in below 21 ft, then + 1/8 in per ft. */
      base_in = 3;
      limit_ft = 21;
    }

  if (distance_mm < limit_ft * MM_PER_FOOT)
    return base_in * MM_PER_INCH;
  return base_in * MM_PER_INCH +
         (1.0 / 8.0) * MM_PER_INCH * (distance_mm - limit_ft * MM_PER_FOOT) / MM_PER_FOOT;
}

double
eyl_legibility_min_cap_mm (EylLegibility standard,
                           double        distance_m,
                           double        baseline_floor_mm)
{
  double d = MAX (distance_m, 0.0) * 1000.0;

  switch (standard)
    {
    case EYL_LEGIBILITY_1_200:
      /* FAA: character height ≥ viewing distance / 200. */
      return d / 200.0;
    case EYL_LEGIBILITY_20_ARCMIN:
      /* Human factors: the cap height subtends 20′, i.e. 2·d·tan(10′). */
      return 2.0 * d * tan (deg_to_rad (10.0 / 60.0));
    case EYL_LEGIBILITY_1_300:
      return d / 300.0;
    case EYL_LEGIBILITY_INCH_PER_10FT:
      /* Sign industry rule of thumb: 1 in of letter per 10 ft. */
      return d * MM_PER_INCH / (10 * MM_PER_FOOT);
    case EYL_LEGIBILITY_ADA_703_5:
      return ada_703_5_cap_mm (d, baseline_floor_mm);
    default:
      g_return_val_if_reached (d / 200.0);
    }
}
