/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-geometry.c: every formula of eyl-geometry.c against numbers worked
 * by hand in the comments.  The placements are built here, field by field,
 * so the tests do not depend on the preset files.
 *
 * Standard population used below: eye_min 1405, eye_max 1825 (P5, P95):
 *   μ = (1405 + 1825) / 2 = 1615 mm
 *   σ = (1825 − 1405) / (2 · 1.64485) = 420 / 3.28971 = 127.671 mm */
#include "config.h"

#include <math.h>

#include "eyl-geometry.h"

#define SIGMA 127.671

static EylPlacement *
make_placement (void)
{
  EylPlacement *p = eyl_placement_new ("test", EYL_PLACEMENT_ROLLUP);

  p->bottom_mm = 0;
  p->centre_mm = 0;
  p->hidden_bottom_mm = 0;
  p->hidden_top_mm = 0;
  p->visible_top_fraction = 1.0;
  p->table_height_mm = 0;
  p->table_objects_mm = 0;
  p->table_gap_mm = 0;
  p->crowd_height_mm = 0;
  p->distance_m = 2.0;
  p->eye_min_mm = 1405;
  p->eye_max_mm = 1825;
  p->eye_zone_deg = 15;
  p->sight_line_deg = 10;
  return p;
}

/* A frame for a material of w × h mm drawn on a page at 1:1. */
static void
make_frame (EylPageFrame       *frame,
            const EylPlacement *placement,
            double              w_mm,
            double              h_mm)
{
  EylRect visible = { 0, 0, w_mm / EYL_MM_PER_PT, h_mm / EYL_MM_PER_PT };

  eyl_page_frame_init (frame, &visible, w_mm, h_mm, placement);
}

static void
test_table_occlusion (void)
{
  /* E = 1600, distance 2000, gap 650 → D = 2000 − 650 = 1350, T = 750:
   * y = 750 − (1600 − 750) · 650 / 1350 = 750 − 850 · 0.481481 = 340.74 */
  g_assert_cmpfloat_with_epsilon (eyl_occlusion_height_mm (1600, 2000, 750, 0, 650),
                                  340.74, 0.01);

  /* With 250 mm of objects on it: T' = 1000,
   * y = 1000 − (1600 − 1000) · 650 / 1350 = 1000 − 288.89 = 711.11 */
  g_assert_cmpfloat_with_epsilon (eyl_occlusion_height_mm (1600, 2000, 750, 250, 650),
                                  711.11, 0.01);

  /* A taller viewer sees more: E = 1825 → 1000 − 825 · 0.481481 = 602.78 */
  g_assert_cmpfloat_with_epsilon (eyl_occlusion_height_mm (1825, 2000, 750, 250, 650),
                                  602.78, 0.01);

  /* Gap 0: everything below T' is hidden, whatever the eye height. */
  g_assert_cmpfloat_with_epsilon (eyl_occlusion_height_mm (1405, 2000, 750, 0, 0),
                                  750, 1e-9);
  g_assert_cmpfloat_with_epsilon (eyl_occlusion_height_mm (1825, 2000, 750, 250, 0),
                                  1000, 1e-9);

  /* An eye below the edge (seated child, E = 900, T' = 1000) sees the hide
   * line rise above the edge: 1000 + 100 · 650 / 1350 = 1048.15 */
  g_assert_cmpfloat_with_epsilon (eyl_occlusion_height_mm (900, 2000, 750, 250, 650),
                                  1048.15, 0.01);

  /* Huge gap, close viewer: the line falls below the floor → clamped to 0:
   * E = 1800, D = 100, g = 1900: 750 − 1050 · 19 < 0 */
  g_assert_cmpfloat_with_epsilon (eyl_occlusion_height_mm (1800, 2000, 750, 0, 1900),
                                  0, 1e-9);

  /* No table, and a viewer standing behind the table's edge: nothing. */
  g_assert_cmpfloat_with_epsilon (eyl_occlusion_height_mm (1600, 2000, 0, 250, 650),
                                  0, 1e-9);
  g_assert_cmpfloat_with_epsilon (eyl_occlusion_height_mm (1600, 500, 750, 0, 650),
                                  0, 1e-9);
}

static void
test_frame (void)
{
  g_autoptr(EylPlacement) p = make_placement ();
  g_autoptr(EylPlacement) poster = make_placement ();
  EylPageFrame frame;
  /* A 1:10 banner: the page is 85 × 200 mm = 240.945 × 566.929 pt,
   * the material 850 × 2000 mm, so 1 pt = 10 · 25.4 / 72 = 3.52778 mm. */
  EylRect visible = { 0, 0, 85 / EYL_MM_PER_PT, 200 / EYL_MM_PER_PT };

  eyl_page_frame_init (&frame, &visible, 850, 2000, p);
  g_assert_cmpfloat_with_epsilon (frame.mm_per_pt_x, 3.52778, 1e-5);
  g_assert_cmpfloat_with_epsilon (frame.mm_per_pt_y, 3.52778, 1e-5);
  g_assert_cmpfloat_with_epsilon (frame.bottom_floor_mm, 0, 1e-9);

  /* Top of the page (y = 0) → 2000 mm; bottom (y = 566.929) → 0 mm;
   * y = 283.46 pt (the middle) → 1000 mm. */
  g_assert_cmpfloat_with_epsilon (eyl_page_frame_floor_mm (&frame, 0), 2000, 1e-6);
  g_assert_cmpfloat_with_epsilon (eyl_page_frame_floor_mm (&frame, visible.y1), 0, 1e-6);
  g_assert_cmpfloat_with_epsilon (eyl_page_frame_floor_mm (&frame, visible.y1 / 2),
                                  1000, 1e-6);
  /* 10 pt of text on the 1:10 page is 35.28 mm on the banner. */
  g_assert_cmpfloat_with_epsilon (eyl_page_frame_length_mm (&frame, 10), 35.2778, 1e-4);

  /* A visible box offset inside the page (trim with bleed): the trim's
   * bottom edge is the floor line, its top 2000 mm. */
  visible = (EylRect) { 8.5, 8.5, 8.5 + 85 / EYL_MM_PER_PT, 8.5 + 200 / EYL_MM_PER_PT };
  eyl_page_frame_init (&frame, &visible, 850, 2000, p);
  g_assert_cmpfloat_with_epsilon (eyl_page_frame_floor_mm (&frame, 8.5), 2000, 1e-6);

  /* A poster hung by its centre: A1 (841 mm high) centred at 1450 mm has
   * its bottom at 1450 − 841 / 2 = 1029.5 mm. */
  poster->kind = EYL_PLACEMENT_POSTER;
  poster->centre_mm = 1450;
  g_assert_cmpfloat_with_epsilon (eyl_placement_bottom_above_floor (poster, 841),
                                  1029.5, 1e-9);
  make_frame (&frame, poster, 594, 841);
  g_assert_cmpfloat_with_epsilon (frame.bottom_floor_mm, 1029.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (eyl_page_frame_floor_mm (&frame, 0), 1870.5, 1e-6);
}

static void
test_population (void)
{
  g_autoptr(EylPlacement) p = make_placement ();

  /* The quantiles come back as the percentiles they were built from. */
  g_assert_cmpfloat_with_epsilon (eyl_population_quantile (p, 0.05), 1405, 0.01);
  g_assert_cmpfloat_with_epsilon (eyl_population_quantile (p, 0.95), 1825, 0.01);
  g_assert_cmpfloat_with_epsilon (eyl_population_quantile (p, 0.5), 1615, 0.01);
  /* P84.13 is μ + σ = 1615 + 127.671 = 1742.67 */
  g_assert_cmpfloat_with_epsilon (eyl_population_quantile (p, 0.841345), 1742.67, 0.05);

  g_assert_cmpfloat_with_epsilon (eyl_population_cdf (p, 1405), 0.05, 1e-4);
  g_assert_cmpfloat_with_epsilon (eyl_population_cdf (p, 1825), 0.95, 1e-4);
  g_assert_cmpfloat_with_epsilon (eyl_population_cdf (p, 1615), 0.5, 1e-9);
  /* Φ(1) = 0.841345 (normal table) */
  g_assert_cmpfloat_with_epsilon (eyl_population_cdf (p, 1615 + SIGMA), 0.841345, 1e-4);
  g_assert_cmpfloat_with_epsilon (eyl_population_cdf (p, 0), 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (eyl_population_cdf (p, 3000), 1.0, 1e-9);

  /* A seated-viewer band 1100–1300: μ = 1200, P5 = 1100. */
  p->eye_min_mm = 1100;
  p->eye_max_mm = 1300;
  g_assert_cmpfloat_with_epsilon (eyl_population_quantile (p, 0.05), 1100, 0.01);
  g_assert_cmpfloat_with_epsilon (eyl_population_cdf (p, 1200), 0.5, 1e-9);

  /* One eye height only: a step. */
  p->eye_min_mm = p->eye_max_mm = 1500;
  g_assert_cmpfloat_with_epsilon (eyl_population_cdf (p, 1499), 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (eyl_population_cdf (p, 1501), 1.0, 1e-9);
}

static void
test_hidden_fraction_table (void)
{
  g_autoptr(EylPlacement) p = make_placement ();
  EylPageFrame frame;

  /* A 750 mm table right against the banner (gap 0): 300–400 mm is below
   * the table top for every viewer; 1500–1600 mm is above it for all. */
  p->table_height_mm = 750;
  p->table_gap_mm = 0;
  make_frame (&frame, p, 850, 2000);
  g_assert_cmpfloat_with_epsilon (eyl_hidden_fraction (p, &frame, 300, 400), 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (eyl_hidden_fraction (p, &frame, 1500, 1600), 0.0, 1e-9);
  /* Straddling the edge: 700–820 has 50 mm of 120 hidden → visible. */
  g_assert_cmpfloat_with_epsilon (eyl_hidden_fraction (p, &frame, 700, 820), 0.0, 1e-9);
  /* 700–790: 50 of 90 hidden → hidden for all. */
  g_assert_cmpfloat_with_epsilon (eyl_hidden_fraction (p, &frame, 700, 790), 1.0, 1e-9);

  /* In between: T' = 750 + 250 = 1000, g = 650, D = 2000 − 650 = 1350.
   * Element 600–800: hidden when the hide line reaches its middle, 700:
   *   1000 − (E − 1000) · 650 / 1350 ≥ 700
   *   ⇔ E ≤ 1000 + 300 · 1350 / 650 = 1623.08 mm
   * share = Φ((1623.08 − 1615) / 127.671) = Φ(0.06326) = 0.5252 */
  p->table_objects_mm = 250;
  p->table_gap_mm = 650;
  g_assert_cmpfloat_with_epsilon (eyl_hidden_fraction (p, &frame, 600, 800), 0.5252, 0.001);

  /* Element 400–500: middle 450: E ≤ 1000 + 550 · 1350 / 650 = 2142.3:
   * Φ(4.13) ≈ 1.0000 */
  g_assert_cmpfloat_with_epsilon (eyl_hidden_fraction (p, &frame, 400, 500), 1.0, 0.001);

  /* Order of the bounds does not matter. */
  g_assert_cmpfloat_with_epsilon (eyl_hidden_fraction (p, &frame, 800, 600), 0.5252, 0.001);

  /* Closer viewers (distance 1.5 m, D = 850) see less:
   * E ≤ 1000 + 300 · 850 / 650 = 1392.31 → Φ(−1.7443) = 0.0406 */
  p->distance_m = 1.5;
  g_assert_cmpfloat_with_epsilon (eyl_hidden_fraction (p, &frame, 600, 800), 0.0406, 0.001);
}

static void
test_hidden_fraction_bands (void)
{
  g_autoptr(EylPlacement) p = make_placement ();
  EylPageFrame frame;

  /* Cassette leader: 175 mm of material from the bottom edge (at the floor).
   * 0–300: 175 ≥ 150 hidden → 1.0; 100–400: 75 < 150 → 0.0. */
  p->hidden_bottom_mm = 175;
  make_frame (&frame, p, 850, 2000);
  g_assert_cmpfloat_with_epsilon (eyl_hidden_below_mm (p, &frame, 1600), 175, 1e-9);
  g_assert_cmpfloat_with_epsilon (eyl_hidden_fraction (p, &frame, 0, 300), 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (eyl_hidden_fraction (p, &frame, 100, 400), 0.0, 1e-9);

  /* Top rail 20 mm on 2000 mm: hidden above 1980.  1960–2000 → 20 of 40
   * hidden → 1.0; 1900–2000 → 20 of 100 → 0.0. */
  p->hidden_top_mm = 20;
  g_assert_cmpfloat_with_epsilon (eyl_hidden_above_mm (p, &frame), 1980, 1e-9);
  g_assert_cmpfloat_with_epsilon (eyl_hidden_fraction (p, &frame, 1960, 2000), 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (eyl_hidden_fraction (p, &frame, 1900, 2000), 0.0, 1e-9);
  p->hidden_top_mm = 0;
  g_assert_true (isinf (eyl_hidden_above_mm (p, &frame)));

  /* Rack pocket: an A4 leaflet (297 mm) standing at 950 mm with its top
   * third visible: hidden below 950 + 297 · (1 − 1/3) = 1148 mm.
   * 1100–1200: 48 of 100 hidden → 0.0; 1100–1180: 48 of 80 → 1.0. */
  p->kind = EYL_PLACEMENT_LEAFLET;
  p->hidden_bottom_mm = 0;
  p->bottom_mm = 950;
  p->visible_top_fraction = 1.0 / 3.0;
  p->distance_m = 1.0;
  make_frame (&frame, p, 210, 297);
  g_assert_cmpfloat_with_epsilon (eyl_hidden_below_mm (p, &frame, 1600), 1148, 1e-6);
  g_assert_cmpfloat_with_epsilon (eyl_hidden_fraction (p, &frame, 1100, 1200), 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (eyl_hidden_fraction (p, &frame, 1100, 1180), 1.0, 1e-9);
}

static void
test_hidden_fraction_crowd (void)
{
  g_autoptr(EylPlacement) p = make_placement ();
  EylPageFrame frame;

  /* Free-standing banner, crowd 1300 mm high 1500 mm in front, counted
   * for viewers at 5 m or more. */
  p->crowd_height_mm = 1300;
  p->crowd_gap_mm = 1500;
  p->crowd_distance_m = 5.0;
  make_frame (&frame, p, 850, 2000);

  /* At 2 m the crowd does not count. */
  g_assert_cmpfloat_with_epsilon (eyl_hidden_fraction (p, &frame, 1000, 1200), 0.0, 1e-9);

  /* At 6 m: D = 6000 − 1500 = 4500, y = 1300 − (E − 1300) / 3.
   * Element 1000–1200 is hidden when y ≥ 1100 ⇔ E ≤ 1900:
   * Φ((1900 − 1615) / 127.671) = Φ(2.2323) = 0.9872 */
  p->distance_m = 6.0;
  g_assert_cmpfloat_with_epsilon (eyl_hidden_below_mm (p, &frame, 1600), 1200, 1e-9);
  g_assert_cmpfloat_with_epsilon (eyl_hidden_fraction (p, &frame, 1000, 1200), 0.9872, 0.001);

  /* A table too: the larger hide line wins.  Table 750, gap 0 → 750 for
   * everyone; the crowd line (1200 at E = 1600) is still higher. */
  p->table_height_mm = 750;
  g_assert_cmpfloat_with_epsilon (eyl_hidden_below_mm (p, &frame, 1600), 1200, 1e-9);
  /* …but for a very tall eye (E = 2500) the crowd line is 900, table 750. */
  g_assert_cmpfloat_with_epsilon (eyl_hidden_below_mm (p, &frame, 2500), 900, 1e-9);
}

static void
test_eye_zone (void)
{
  g_autoptr(EylPlacement) p = make_placement ();
  double low, high;

  /* E = 1600 at 2000 mm: sight line 10° → 2000 · tan 10° = 352.65 below,
   * centre 1247.35; zone ±15° → 2000 · tan 15° = 535.90:
   * [711.45, 1783.24] */
  eyl_eye_zone_mm (p, 1600, 2000, &low, &high);
  g_assert_cmpfloat_with_epsilon (low, 711.45, 0.01);
  g_assert_cmpfloat_with_epsilon (high, 1783.24, 0.01);

  /* Level gaze, ±15° at 1000 mm: 1600 ± 267.95 */
  p->sight_line_deg = 0;
  eyl_eye_zone_mm (p, 1600, 1000, &low, &high);
  g_assert_cmpfloat_with_epsilon (low, 1332.05, 0.01);
  g_assert_cmpfloat_with_epsilon (high, 1867.95, 0.01);
  p->sight_line_deg = 10;

  /* Element 1400–1500 (centre c = 1450) at 2 m: in the zone of eyes
   * E ∈ [c + 352.65 − 535.90, c + 352.65 + 535.90] = [1266.76, 2338.55]:
   * Φ(5.667) − Φ(−2.7277) = 1 − 0.00319 = 0.9968 */
  g_assert_cmpfloat_with_epsilon (eyl_eye_zone_fraction (p, 1400, 1500), 0.9968, 0.001);

  /* Element 250–350 (c = 300): E ∈ [116.76, 1188.55]:
   * Φ(−3.339) = 0.00042 */
  g_assert_cmpfloat_with_epsilon (eyl_eye_zone_fraction (p, 250, 350), 0.00042, 0.0002);

  /* Element 1900–2100 (c = 2000): E ∈ [1816.76, 2888.55]:
   * 1 − Φ(1.5803) = 0.0570 */
  g_assert_cmpfloat_with_epsilon (eyl_eye_zone_fraction (p, 1900, 2100), 0.0570, 0.001);
}

static void
test_legibility (void)
{
  /* At 2 m: */
  /* 1:200 → 2000 / 200 = 10 mm */
  g_assert_cmpfloat_with_epsilon (eyl_legibility_min_cap_mm (EYL_LEGIBILITY_1_200, 2, 1500),
                                  10.0, 1e-9);
  /* 20 arcmin → 2 · 2000 · tan(10′) = 4000 · 0.00290888 = 11.636 mm */
  g_assert_cmpfloat_with_epsilon (eyl_legibility_min_cap_mm (EYL_LEGIBILITY_20_ARCMIN, 2, 1500),
                                  11.636, 0.001);
  /* 1:300 → 6.667 mm */
  g_assert_cmpfloat_with_epsilon (eyl_legibility_min_cap_mm (EYL_LEGIBILITY_1_300, 2, 1500),
                                  6.6667, 0.0001);
  /* 1 in per 10 ft → 2000 · 25.4 / 3048 = 16.667 mm */
  g_assert_cmpfloat_with_epsilon (eyl_legibility_min_cap_mm (EYL_LEGIBILITY_INCH_PER_10FT, 2, 1500),
                                  16.6667, 0.0001);

  /* ADA 703.5.5, baseline 40–70 in (1500 mm):
   * 1.5 m < 6 ft (1828.8 mm) → 5/8 in = 15.875 mm;
   * 2 m → 15.875 + 3.175 · (2000 − 1828.8) / 304.8 = 15.875 + 1.783 = 17.658 */
  g_assert_cmpfloat_with_epsilon (eyl_legibility_min_cap_mm (EYL_LEGIBILITY_ADA_703_5, 1.5, 1500),
                                  15.875, 1e-6);
  g_assert_cmpfloat_with_epsilon (eyl_legibility_min_cap_mm (EYL_LEGIBILITY_ADA_703_5, 2, 1500),
                                  17.658, 0.001);
  /* Baseline 70–120 in (2000 mm): 2 m < 15 ft → 2 in = 50.8 mm;
   * 6 m → 50.8 + 3.175 · (6000 − 4572) / 304.8 = 50.8 + 14.875 = 65.675 */
  g_assert_cmpfloat_with_epsilon (eyl_legibility_min_cap_mm (EYL_LEGIBILITY_ADA_703_5, 2, 2000),
                                  50.8, 1e-6);
  g_assert_cmpfloat_with_epsilon (eyl_legibility_min_cap_mm (EYL_LEGIBILITY_ADA_703_5, 6, 2000),
                                  65.675, 0.001);
  /* Baseline over 120 in (3500 mm): 5 m < 21 ft → 3 in = 76.2 mm;
   * 8 m → 76.2 + 3.175 · (8000 − 6400.8) / 304.8 = 76.2 + 16.658 = 92.858 */
  g_assert_cmpfloat_with_epsilon (eyl_legibility_min_cap_mm (EYL_LEGIBILITY_ADA_703_5, 5, 3500),
                                  76.2, 1e-6);
  g_assert_cmpfloat_with_epsilon (eyl_legibility_min_cap_mm (EYL_LEGIBILITY_ADA_703_5, 8, 3500),
                                  92.858, 0.001);
  /* The row boundary: exactly 70 in (1778 mm) is still the first row. */
  g_assert_cmpfloat_with_epsilon (eyl_legibility_min_cap_mm (EYL_LEGIBILITY_ADA_703_5, 1, 1778),
                                  15.875, 1e-6);
}

/* One eye-level zone: the median visitor's, what nothing hides of it,
 * and its part on the piece (none for a piece mounted too low). */
static void
test_eye_zone_for (void)
{
  g_autoptr(EylPlacement) p = make_placement ();
  EylPageFrame frame;
  EylEyeZone   zone;
  double       lo, hi;

  make_frame (&frame, p, 850, 2000);
  eyl_eye_zone_for (p, &frame, &zone);
  eyl_eye_zone_mm (p, eyl_population_quantile (p, 0.5), 2000, &lo, &hi);
  g_assert_cmpfloat_with_epsilon (zone.low_mm, lo, 1e-9);
  g_assert_cmpfloat_with_epsilon (zone.high_mm, hi, 1e-9);
  g_assert_cmpfloat_with_epsilon (zone.sight_mm, (lo + hi) / 2, 1e-9);
  g_assert_cmpfloat (zone.piece_low_mm, >=, zone.low_mm);
  g_assert_cmpfloat (zone.piece_high_mm, <=, 2000);
  g_assert_cmpfloat (zone.piece_low_mm, <, zone.piece_high_mm);

  /* A 300 mm sign whose top is at 500 mm: no part of it at eye level. */
  p->bottom_mm = 200;
  make_frame (&frame, p, 300, 300);
  eyl_eye_zone_for (p, &frame, &zone);
  g_assert_cmpfloat (zone.piece_low_mm, >, zone.piece_high_mm);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eyl/geometry/table-occlusion", test_table_occlusion);
  g_test_add_func ("/eyl/geometry/frame", test_frame);
  g_test_add_func ("/eyl/geometry/eye-zone-for", test_eye_zone_for);
  g_test_add_func ("/eyl/geometry/population", test_population);
  g_test_add_func ("/eyl/geometry/hidden-fraction/table", test_hidden_fraction_table);
  g_test_add_func ("/eyl/geometry/hidden-fraction/bands", test_hidden_fraction_bands);
  g_test_add_func ("/eyl/geometry/hidden-fraction/crowd", test_hidden_fraction_crowd);
  g_test_add_func ("/eyl/geometry/eye-zone", test_eye_zone);
  g_test_add_func ("/eyl/geometry/legibility", test_legibility);

  return g_test_run ();
}
