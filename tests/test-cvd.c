/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Colour-vision deficiency simulation against values worked out by hand
 * from the Machado et al. (2009) matrices. */
#include "config.h"

#include <glib.h>

#include "eyl-cvd.h"
#include "eyl-detect-pixels.h"

/* Pure red on black.  Normal vision: Y(red) = 0.2126, ratio (0.2126 +
 * 0.05) / 0.05 = 5.25.  Protanopia: linear red → (0.152286, 0.114503, 0)
 * (the blue row, −0.003882, clips to 0), Y = 0.2126 × 0.152286 + 0.7152 ×
 * 0.114503 = 0.11427, ratio 3.29 — below 4.5.  Deuteranopia: (0.367322,
 * 0.280085, 0), Y = 0.27841, ratio 6.57.  Tritanopia: (1 (clipped),
 * 0 (clipped), 0.004733), Y = 0.21294, ratio 5.26.  The 8-bit rounding of
 * the simulated colour moves these by less than 0.05. */
static void
test_red_on_black (void)
{
  g_assert_cmpfloat_with_epsilon (eyl_contrast_ratio (0xff0000, 0x000000), 5.25, 0.01);
  g_assert_cmpfloat_with_epsilon (eyl_contrast_ratio (eyl_cvd_simulate (EYL_CVD_PROTANOPIA, 0xff0000),
                                                      eyl_cvd_simulate (EYL_CVD_PROTANOPIA, 0x000000)),
                                  3.29, 0.05);
  g_assert_cmpfloat_with_epsilon (eyl_contrast_ratio (eyl_cvd_simulate (EYL_CVD_DEUTERANOPIA, 0xff0000),
                                                      eyl_cvd_simulate (EYL_CVD_DEUTERANOPIA, 0x000000)),
                                  6.57, 0.05);
  g_assert_cmpfloat_with_epsilon (eyl_contrast_ratio (eyl_cvd_simulate (EYL_CVD_TRITANOPIA, 0xff0000),
                                                      eyl_cvd_simulate (EYL_CVD_TRITANOPIA, 0x000000)),
                                  5.26, 0.05);
}

/* The rows of each matrix sum to 1: white, black and every grey are seen
 * as they are; a red and a green of equal lightness become alike for a
 * deuteranope. */
static void
test_neutral_and_confusion (void)
{
  for (int c = 0; c < EYL_CVD_N; c++)
    {
      g_assert_cmphex (eyl_cvd_simulate (c, 0xffffff), ==, 0xffffff);
      g_assert_cmphex (eyl_cvd_simulate (c, 0x000000), ==, 0x000000);
      g_assert_cmphex (eyl_cvd_simulate (c, 0x808080), ==, 0x808080);
    }
  /* #d62728 (red) and #2ca02c (green): 1.1:1 apart in luminance already;
   * for a deuteranope their hues too are nearly one. */
  {
    guint32 r = eyl_cvd_simulate (EYL_CVD_DEUTERANOPIA, 0xd62728);
    guint32 g = eyl_cvd_simulate (EYL_CVD_DEUTERANOPIA, 0x2ca02c);
    int     dr = (int) ((r >> 16) & 0xff) - (int) ((g >> 16) & 0xff);
    int     dg = (int) ((r >> 8) & 0xff) - (int) ((g >> 8) & 0xff);

    g_assert_cmpint (ABS (dr) + ABS (dg), <, 60);
  }
}

/* A surface gets, pixel for pixel, what one colour gets; premultiplied
 * alpha is respected and a transparent pixel left alone. */
static void
test_surface (void)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 3, 1);
  guint32         *px;

  cairo_surface_flush (s);
  px = (guint32 *) cairo_image_surface_get_data (s);
  px[0] = 0xffff0000;
  px[1] = 0xff2ca02c;
  px[2] = 0x00000000;
  cairo_surface_mark_dirty (s);
  eyl_cvd_simulate_surface (EYL_CVD_PROTANOPIA, s);
  g_assert_cmphex (px[0], ==, 0xff000000 | eyl_cvd_simulate (EYL_CVD_PROTANOPIA, 0xff0000));
  g_assert_cmphex (px[1], ==, 0xff000000 | eyl_cvd_simulate (EYL_CVD_PROTANOPIA, 0x2ca02c));
  g_assert_cmphex (px[2], ==, 0);
  cairo_surface_destroy (s);
}

static void
test_names (void)
{
  EylCvd cvd;

  for (int c = 0; c < EYL_CVD_N; c++)
    {
      g_assert_true (eyl_cvd_from_string (eyl_cvd_to_string (c), &cvd));
      g_assert_cmpint (cvd, ==, c);
      g_assert_nonnull (eyl_cvd_people (c));
    }
  g_assert_false (eyl_cvd_from_string ("achromatopsia", &cvd));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eyl/cvd/red-on-black", test_red_on_black);
  g_test_add_func ("/eyl/cvd/neutral-and-confusion", test_neutral_and_confusion);
  g_test_add_func ("/eyl/cvd/surface", test_surface);
  g_test_add_func ("/eyl/cvd/names", test_names);

  return g_test_run ();
}
