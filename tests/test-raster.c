/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-raster: the document's renderer and the analysis raster — pixels
 * line up with the text layer's page-space boxes (also on a /Rotate
 * page), the raster follows the resolution on the material, and a
 * 3 × 6 m page stays within the pixel budget. */
#include "config.h"

#include <math.h>

#include "eyl-analysis.h"
#include "eyl-document.h"
#include "eyl-fixtures.h"

#define A4_W_PT 595.276
#define A4_H_PT 841.89

static EylDocument *
open_fixture (const char *path)
{
  g_autoptr(GError) error = NULL;
  EylDocument *doc = eyl_document_open (path, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static EylPageData *
page_data (EylDocument *doc)
{
  g_autoptr(GError) error = NULL;
  EylPageData *page = eyl_document_get_page_data (doc, 0, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (page);
  return page;
}

/* The page-space box of the dark pixels of @raster; FALSE when none. */
static gboolean
ink_box (const EylRaster *raster,
         EylRect         *box)
{
  int x0 = G_MAXINT, y0 = G_MAXINT, x1 = -1, y1 = -1;

  for (int y = 0; y < raster->height; y++)
    for (int x = 0; x < raster->width; x++)
      if (eyl_raster_get_luma (raster, x, y) < 128)
        {
          x0 = MIN (x0, x);
          y0 = MIN (y0, y);
          x1 = MAX (x1, x + 1);
          y1 = MAX (y1, y + 1);
        }
  if (x1 < 0)
    return FALSE;
  eyl_raster_pixel_to_page (raster, x0, y0, &box->x0, &box->y0);
  eyl_raster_pixel_to_page (raster, x1, y1, &box->x1, &box->y1);
  return TRUE;
}

/* The text's ink lies inside its text-layer box (Poppler's glyph boxes
 * run from the font's ascent to its descent, so a little slack) and
 * fills most of its width. */
static void
assert_ink_in_text_box (const char *name,
                        int         rotate)
{
  EylFixturePage   spec = { A4_W_PT, A4_H_PT, rotate };
  EylFixtureText   text = { 100, 200, 36, "HELLO WORLD", 0x000000 };
  g_autofree char *path = eyl_fixture_pdf (name, &spec, &text, 1);
  g_autoptr(EylDocument) doc = open_fixture (path);
  g_autoptr(EylPageData) page = page_data (doc);
  g_autoptr(EylRaster) raster = NULL;
  g_autoptr(GError) error = NULL;
  const EylTextLine *line;
  EylRenderer        renderer;
  EylRect            area = { 0, 0, page->width, page->height };
  EylRect            ink;
  double             px, py;

  g_assert_cmpuint (page->lines->len, >=, 1);
  line = &g_array_index (page->lines, EylTextLine, 0);
  g_test_message ("rotate %d: page %.1f × %.1f pt, line box %.1f,%.1f–%.1f,%.1f", rotate,
                  page->width, page->height, line->box.x0, line->box.y0, line->box.x1, line->box.y1);

  eyl_renderer_init (&renderer);
  g_assert_true (eyl_document_get_renderer (doc, 0, &renderer));
  {
    EylRenderer none;

    eyl_renderer_init (&none);
    g_assert_false (eyl_document_get_renderer (doc, 7, &none));
    g_assert_null (none.render);
  }
  raster = eyl_renderer_render (&renderer, &area, 2.0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (raster);
  g_assert_cmpint (raster->width, ==, (int) ceil (page->width * 2.0));
  g_assert_cmpint (raster->height, ==, (int) ceil (page->height * 2.0));

  g_assert_true (ink_box (raster, &ink));
  g_test_message ("ink %.1f,%.1f–%.1f,%.1f", ink.x0, ink.y0, ink.x1, ink.y1);
  g_assert_cmpfloat (ink.x0, >=, line->box.x0 - 2);
  g_assert_cmpfloat (ink.y0, >=, line->box.y0 - 2);
  g_assert_cmpfloat (ink.x1, <=, line->box.x1 + 2);
  g_assert_cmpfloat (ink.y1, <=, line->box.y1 + 2);
  /* the line's extent along its direction is mostly ink */
  if (eyl_rect_width (&line->box) > eyl_rect_height (&line->box))
    g_assert_cmpfloat (eyl_rect_width (&ink), >, 0.8 * eyl_rect_width (&line->box));
  else
    g_assert_cmpfloat (eyl_rect_height (&ink), >, 0.8 * eyl_rect_height (&line->box));

  /* a corner far from the text is white */
  eyl_raster_page_to_pixel (raster, page->width - 10, page->height - 10, &px, &py);
  g_assert_cmpuint (eyl_raster_get_pixel (raster, (int) px, (int) py), ==, 0xffffff);
}

static void
test_text_lines_up (void)
{
  assert_ink_in_text_box ("raster-text.pdf", 0);
}

static void
test_rotated (void)
{
  assert_ink_in_text_box ("raster-rotate-90.pdf", 90);
}

/* A region rendered larger: the same ink at the same page-space place. */
static void
test_region (void)
{
  EylFixturePage   spec = { A4_W_PT, A4_H_PT };
  EylFixtureText   text = { 300, 500, 12, "small print", 0x000000 };
  g_autofree char *path = eyl_fixture_pdf ("raster-region.pdf", &spec, &text, 1);
  g_autoptr(EylDocument) doc = open_fixture (path);
  g_autoptr(EylPageData) page = page_data (doc);
  g_autoptr(EylRaster) raster = NULL;
  const EylTextLine *line = &g_array_index (page->lines, EylTextLine, 0);
  EylRect            area = { 280, 470, 400, 520 };
  EylRenderer        renderer;
  EylRect            ink;

  eyl_renderer_init (&renderer);
  g_assert_true (eyl_document_get_renderer (doc, 0, &renderer));
  raster = eyl_renderer_render (&renderer, &area, 10.0, NULL);
  g_assert_nonnull (raster);
  g_assert_cmpint (raster->width, ==, 1200);
  g_assert_cmpint (raster->height, ==, 500);
  g_assert_true (ink_box (raster, &ink));
  g_assert_cmpfloat (ink.x0, >=, line->box.x0 - 0.5);
  g_assert_cmpfloat (ink.x1, <=, line->box.x1 + 0.5);
  g_assert_cmpfloat (ink.y0, >=, line->box.y0 - 0.5);
  g_assert_cmpfloat (ink.y1, <=, line->box.y1 + 0.5);
}

/* The analysis raster follows px per mm of the real size. */
static void
test_resolution (void)
{
  EylFixturePage   spec = { A4_W_PT, A4_H_PT };
  EylFixtureText   text = { 60, 100, 30, "www.example.org", 0x000000 };
  g_autofree char *path = eyl_fixture_pdf ("raster-a4.pdf", &spec, &text, 1);
  g_autoptr(EylDocument) doc = open_fixture (path);
  g_autoptr(EylPageData) page = page_data (doc);
  g_autoptr(EylPageAnalysis) analysis = NULL;
  EylAnalysisOptions options;
  EylRenderer        renderer;

  eyl_analysis_options_init (&options);
  options.overrides.size_w_mm = 210;
  options.overrides.size_h_mm = 297;
  options.pixels.ocr = options.pixels.qr = options.pixels.logos = FALSE;

  eyl_renderer_init (&renderer);
  renderer.px_per_mm = 2.0;
  renderer.min_pixels = 0;
  g_assert_true (eyl_document_get_renderer (doc, 0, &renderer));
  analysis = eyl_analyse_page_full (page, &renderer, &options);
  g_assert_nonnull (analysis);
  g_assert_cmpint (analysis->raster_w_px, >=, 420);
  g_assert_cmpint (analysis->raster_w_px, <=, 421);
  g_assert_cmpint (analysis->raster_h_px, >=, 594);
  g_assert_cmpint (analysis->raster_h_px, <=, 595);
  g_assert_cmpfloat_with_epsilon (analysis->raster_px_per_mm, 2.0, 1e-6);

  /* Small material gets at least min_pixels: 1 Mpx on 210 × 297 mm is
   * sqrt (1e6 / 62370) = 4.004 px per mm. */
  g_clear_pointer (&analysis, eyl_page_analysis_unref);
  renderer.min_pixels = 1e6;
  analysis = eyl_analyse_page_full (page, &renderer, &options);
  g_assert_cmpfloat_with_epsilon (analysis->raster_px_per_mm, 4.004, 0.01);
  g_assert_cmpint ((gint64) analysis->raster_w_px * analysis->raster_h_px, >=, 1000000);

  /* Without a renderer: no raster, as before. */
  g_clear_pointer (&analysis, eyl_page_analysis_unref);
  analysis = eyl_analyse_page (page, &options);
  g_assert_cmpint (analysis->raster_w_px, ==, 0);
  g_assert_cmpfloat (analysis->raster_px_per_mm, ==, 0);
}

/* A 3 × 6 m backdrop (850 × 1700 pt × UserUnit 10): even at 10 px per
 * mm (1.8 Gpx asked) the raster stays within the 16 Mpx budget. */
static void
test_budget (void)
{
  EylFixturePage   spec = { 850.394, 1700.787 };
  EylFixtureText   text = { 100, 300, 60, "BIG", 0x000000 };
  g_autofree char *path = NULL;
  g_autoptr(EylDocument) doc = NULL;
  g_autoptr(EylPageData) page = NULL;
  g_autoptr(EylPageAnalysis) analysis = NULL;
  EylAnalysisOptions options;
  EylRenderer        renderer;
  double             pixels;

  spec.user_unit = 10;
  path = eyl_fixture_pdf ("raster-backdrop.pdf", &spec, &text, 1);
  doc = open_fixture (path);
  page = page_data (doc);

  eyl_analysis_options_init (&options);
  options.pixels.ocr = options.pixels.qr = options.pixels.logos = FALSE;
  eyl_renderer_init (&renderer);
  renderer.px_per_mm = 10.0;
  g_assert_cmpfloat (renderer.max_pixels, ==, 16e6);
  g_assert_true (eyl_document_get_renderer (doc, 0, &renderer));
  analysis = eyl_analyse_page_full (page, &renderer, &options);
  g_assert_nonnull (analysis);

  g_test_message ("material %.0f × %.0f mm, raster %d × %d px, %.3f px/mm",
                  analysis->material_w_mm, analysis->material_h_mm,
                  analysis->raster_w_px, analysis->raster_h_px, analysis->raster_px_per_mm);
  g_assert_cmpfloat_with_epsilon (analysis->material_w_mm, 3000, 1);
  g_assert_cmpfloat_with_epsilon (analysis->material_h_mm, 6000, 1);
  pixels = (double) analysis->raster_w_px * analysis->raster_h_px;
  g_assert_cmpfloat (pixels, <=, 16e6 * 1.001);
  g_assert_cmpfloat (pixels, >, 15e6);
  /* sqrt (16e6 / 18e6) ≈ 0.943 px per mm */
  g_assert_cmpfloat_with_epsilon (analysis->raster_px_per_mm, sqrt (16.0 / 18.0), 0.01);
  /* The same shape as the page. */
  g_assert_cmpfloat_with_epsilon ((double) analysis->raster_h_px / analysis->raster_w_px, 2.0, 0.01);
}

/* Whatever scale a caller asks for, no raster is larger than 64 Mpx:
 * a 5 × 5 m artboard at 10 px per pt gets a coarser raster, not 16 GB. */
static void
test_hard_cap (void)
{
  EylRect artboard = { 0, 0, 14173, 14173 }; /* 5 m in pt */
  g_autoptr(EylRaster) raster = eyl_raster_new (&artboard, 10.0);

  g_assert_cmpfloat ((double) raster->width * raster->height, <=, 64.0e6 * 1.001);
  g_assert_cmpint (raster->width, >, 7000);
  g_assert_cmpfloat (raster->scale, <, 10.0);
  g_assert_cmpfloat_with_epsilon (raster->scale * 14173, raster->width, 1.0);
}

/* Rec. 709 luma of a pixel: white 255, black 0, green the heaviest
 * primary; a point outside the raster reads its nearest pixel. */
static void
test_luma (void)
{
  EylRect area = { 0, 0, 3, 1 };
  g_autoptr(EylRaster) raster = eyl_raster_new (&area, 1.0);
  cairo_t *cr = eyl_raster_create_context (raster);

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_rectangle (cr, 1, 0, 1, 1);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 1, 0);
  cairo_rectangle (cr, 2, 0, 1, 1);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_flush (eyl_raster_get_surface (raster));

  g_assert_cmpfloat_with_epsilon (eyl_raster_get_luma (raster, 0, 0), 255, 1e-9);
  g_assert_cmpfloat_with_epsilon (eyl_raster_get_luma (raster, 1, 0), 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (eyl_raster_get_luma (raster, 2, 0), 0.7152 * 255, 1e-9);
  g_assert_cmpfloat_with_epsilon (eyl_raster_get_luma (raster, 7, 3), 0.7152 * 255, 1e-9);
  g_assert_cmpfloat_with_epsilon (eyl_raster_get_luma (raster, -2, 0), 255, 1e-9);
}

/* The grey copy: every pixel the fixed-point Rec. 709 luma of its own
 * colour, on a row whose width is no multiple of eight (the copy works
 * eight pixels at a time, the rest one by one). */
static void
test_gray (void)
{
  EylRect area = { 0, 0, 37, 5 };
  g_autoptr(EylRaster) raster = eyl_raster_new (&area, 1.0);
  g_autofree guint8 *gray = NULL;
  guint32            seed = 12345;

  for (int y = 0; y < raster->height; y++)
    for (int x = 0; x < raster->width; x++)
      {
        seed = seed * 1103515245u + 12345u;
        ((guint32 *) (raster->data + (gsize) y * raster->stride))[x] = seed >> 8;
      }
  cairo_surface_mark_dirty (eyl_raster_get_surface (raster));
  gray = eyl_raster_dup_gray (raster);
  for (int y = 0; y < raster->height; y++)
    for (int x = 0; x < raster->width; x++)
      {
        guint32 p = eyl_raster_get_pixel (raster, x, y);
        guint   want = (((p >> 16) & 0xff) * 13933 + ((p >> 8) & 0xff) * 46871 + (p & 0xff) * 4732) >> 16;

        g_assert_cmpuint (gray[(gsize) y * raster->width + x], ==, want);
      }
}

/* The averaged copy: each pixel the mean of the raster's pixels it
 * covers, by channel and truncated; the same as a pixel-by-pixel box
 * average at scales that do not divide the raster's size. */
static void
test_averaged (void)
{
  EylRect area = { 0, 0, 37, 23 };
  g_autoptr(EylRaster) raster = eyl_raster_new (&area, 1.0);
  cairo_t            *cr = eyl_raster_create_context (raster);
  cairo_pattern_t    *ramp = cairo_pattern_create_linear (0, 0, 37, 23);
  const double        factors[] = { 1.0, 0.5, 0.3, 0.13, 0.08 };
  g_autofree guint32 *half = NULL;
  int                 w, h;

  cairo_pattern_add_color_stop_rgb (ramp, 0, 0.9, 0.1, 0.4);
  cairo_pattern_add_color_stop_rgb (ramp, 1, 0.1, 0.7, 1.0);
  cairo_set_source (cr, ramp);
  cairo_paint (cr);
  cairo_pattern_destroy (ramp);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_rectangle (cr, 0, 0, 1, 1);
  cairo_rectangle (cr, 1, 1, 1, 1);
  cairo_rectangle (cr, 20.5, 3.25, 9, 11);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 1, 0, 1, 1);
  cairo_rectangle (cr, 0, 1, 1, 1);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_flush (eyl_raster_get_surface (raster));

  /* Two black and two white pixels: 510 / 4, truncated. */
  half = eyl_raster_dup_averaged (raster, 0.5, &w, &h);
  g_assert_cmpint (w, ==, 18);
  g_assert_cmpint (h, ==, 11);
  g_assert_cmphex (half[0], ==, 0x7f7f7f);

  for (guint i = 0; i < G_N_ELEMENTS (factors); i++)
    {
      double              f = factors[i];
      g_autofree guint32 *avg = eyl_raster_dup_averaged (raster, f, &w, &h);

      g_assert_cmpint (w, ==, MAX (1, (int) (raster->width * f)));
      g_assert_cmpint (h, ==, MAX (1, (int) (raster->height * f)));
      for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
          {
            int     sy0 = (int) (y / f), sy1 = MAX (sy0 + 1, MIN (raster->height, (int) ((y + 1) / f)));
            int     sx0 = (int) (x / f), sx1 = MAX (sx0 + 1, MIN (raster->width, (int) ((x + 1) / f)));
            guint64 sum[3] = { 0 }, n = 0;

            for (int sy = sy0; sy < sy1; sy++)
              for (int sx = sx0; sx < sx1; sx++)
                {
                  guint32 p = eyl_raster_get_pixel (raster, sx, sy);

                  sum[0] += p >> 16 & 0xff;
                  sum[1] += p >> 8 & 0xff;
                  sum[2] += p & 0xff;
                  n++;
                }
            g_assert_cmphex (avg[(gsize) y * w + x], ==,
                             (guint32) (sum[0] / n << 16 | sum[1] / n << 8 | sum[2] / n));
          }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eyl/raster/text-lines-up", test_text_lines_up);
  g_test_add_func ("/eyl/raster/rotated", test_rotated);
  g_test_add_func ("/eyl/raster/region", test_region);
  g_test_add_func ("/eyl/raster/resolution", test_resolution);
  g_test_add_func ("/eyl/raster/budget", test_budget);
  g_test_add_func ("/eyl/raster/hard-cap", test_hard_cap);
  g_test_add_func ("/eyl/raster/luma", test_luma);
  g_test_add_func ("/eyl/raster/averaged", test_averaged);
  g_test_add_func ("/eyl/raster/gray", test_gray);

  return g_test_run ();
}
