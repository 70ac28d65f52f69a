/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-contrast: WCAG 2.x luminance and contrast ratio, the contrast of
 * text measured on the rendered page (grey on white, white on a dark
 * band, text on a coloured band, on a gradient, text that is covered),
 * and the low-contrast rule's thresholds. */
#include "config.h"

#include <math.h>
#include <cairo.h>
#include <cairo-pdf.h>

#include "eyl-analysis.h"
#include "eyl-document.h"
#include "eyl-fixtures.h"
#include "eyl-rules.h"

#define A4_W_PT 595.276
#define A4_H_PT 841.89
#define URL     "www.example.org"

static void
test_wcag (void)
{
  /* WCAG 2.1 definitions: white 1, black 0, black on white 21:1. */
  g_assert_cmpfloat_with_epsilon (eyl_relative_luminance (0xffffff), 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (eyl_relative_luminance (0x000000), 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (eyl_contrast_ratio (0x000000, 0xffffff), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (eyl_contrast_ratio (0xffffff, 0x000000), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (eyl_contrast_ratio (0x123456, 0x123456), 1.0, 1e-9);
  /* #777 on white is the classic "just fails AA": 4.48:1. */
  g_assert_cmpfloat_with_epsilon (eyl_contrast_ratio (0x777777, 0xffffff), 4.48, 0.01);
  /* #767676 is the lightest grey that passes: 4.54:1. */
  g_assert_cmpfloat_with_epsilon (eyl_contrast_ratio (0x767676, 0xffffff), 4.54, 0.01);
  /* Pure red on white, 4.0:1; the green channel weighs most. */
  g_assert_cmpfloat_with_epsilon (eyl_contrast_ratio (0xff0000, 0xffffff), 4.0, 0.01);
  g_assert_cmpfloat_with_epsilon (eyl_relative_luminance (0x00ff00), 0.7152, 1e-9);
  /* The 0.03928 threshold: 10/255 = 0.0392 is on the linear side. */
  g_assert_cmpfloat_with_epsilon (eyl_relative_luminance (0x0a0a0a), 10.0 / 255 / 12.92, 1e-9);
}

typedef enum
{
  GROUND_WHITE,
  GROUND_BAND,     /* a band of @band behind the text */
  GROUND_GRADIENT, /* black to white from left to right behind the text */
} Ground;

/* An A4 page with @URL at 40 pt on @ground; @cover paints a white box
 * over the text after it (text that the text layer has, but nobody sees). */
static char *
make_pdf (const char *name,
          Ground      ground,
          guint32     band,
          guint32     text_colour,
          gboolean    cover)
{
  char            *path = g_build_filename (eyl_fixture_dir (), name, NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, A4_W_PT, A4_H_PT);
  cairo_t         *cr = cairo_create (surface);
  const double     baseline = 400;

  if (ground == GROUND_BAND)
    {
      cairo_set_source_rgb (cr, ((band >> 16) & 0xff) / 255.0, ((band >> 8) & 0xff) / 255.0,
                            (band & 0xff) / 255.0);
      cairo_rectangle (cr, 0, baseline - 80, A4_W_PT, 120);
      cairo_fill (cr);
    }
  else if (ground == GROUND_GRADIENT)
    {
      cairo_pattern_t *gradient = cairo_pattern_create_linear (40, 0, 440, 0);

      cairo_pattern_add_color_stop_rgb (gradient, 0, 0, 0, 0);
      cairo_pattern_add_color_stop_rgb (gradient, 1, 1, 1, 1);
      cairo_set_source (cr, gradient);
      cairo_rectangle (cr, 0, baseline - 80, A4_W_PT, 120);
      cairo_fill (cr);
      cairo_pattern_destroy (gradient);
    }

  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 40);
  cairo_set_source_rgb (cr, ((text_colour >> 16) & 0xff) / 255.0,
                        ((text_colour >> 8) & 0xff) / 255.0, (text_colour & 0xff) / 255.0);
  cairo_move_to (cr, 60, baseline);
  cairo_show_text (cr, URL);

  if (cover)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_rectangle (cr, 40, baseline - 60, 500, 80);
      cairo_fill (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

static EylPageAnalysis *
analyse (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EylDocument) doc = eyl_document_open (path, NULL, NULL, &error);
  g_autoptr(EylPageData) page = NULL;
  EylAnalysisOptions options;
  EylRenderer        renderer;

  g_assert_no_error (error);
  page = eyl_document_get_page_data (doc, 0, NULL, &error);
  g_assert_no_error (error);

  /* An A4 page seen from 3 m: the URL's capitals (about 10 mm) are below
   * the 15 mm FAA 1:200 asks for, so not "large": 4.5:1 applies. */
  eyl_analysis_options_init (&options);
  options.overrides.size_w_mm = 210;
  options.overrides.size_h_mm = 297;
  options.overrides.distance_m = 3.0;
  options.pixels.ocr = options.pixels.qr = options.pixels.logos = FALSE;
  eyl_renderer_init (&renderer);
  g_assert_true (eyl_document_get_renderer (doc, 0, &renderer));
  return eyl_analyse_page_full (page, &renderer, &options);
}

static EylElement *
find_url (EylPageAnalysis *analysis)
{
  for (guint i = 0; i < analysis->elements->len; i++)
    {
      EylElement *el = g_ptr_array_index (analysis->elements, i);

      if ((el->kind == EYL_ELEMENT_URL || el->kind == EYL_ELEMENT_OTHER_URL) && g_strcmp0 (el->text, URL) == 0)
        return el;
    }
  g_assert_not_reached ();
  return NULL;
}

static EylFinding *
find_finding (EylPageAnalysis *analysis,
              const char      *rule,
              const char      *element_id)
{
  for (guint i = 0; i < analysis->findings->len; i++)
    {
      EylFinding *f = g_ptr_array_index (analysis->findings, i);

      if (g_str_equal (f->rule, rule) && g_strcmp0 (f->element_id, element_id) == 0)
        return f;
    }
  return NULL;
}

static double
colour_distance (guint32 a,
                 guint32 b)
{
  double dr = (double) ((a >> 16) & 0xff) - ((b >> 16) & 0xff);
  double dg = (double) ((a >> 8) & 0xff) - ((b >> 8) & 0xff);
  double db = (double) (a & 0xff) - (b & 0xff);

  return sqrt (dr * dr + dg * dg + db * db);
}

static void
test_grey_on_white (void)
{
  g_autofree char *path = make_pdf ("contrast-grey.pdf", GROUND_WHITE, 0, 0xbbbbbb, FALSE);
  g_autoptr(EylPageAnalysis) analysis = analyse (path);
  EylElement *url = find_url (analysis);
  EylFinding *finding;

  g_test_message ("%s: %06x on %06x, %.2f:1", url->text, url->color, url->background,
                  url->contrast_ratio);
  g_assert_cmpuint (url->background, ==, 0xffffff);
  g_assert_cmpuint (url->color, ==, 0xbbbbbb);
  /* #bbb on white: 1.92:1 */
  g_assert_cmpfloat_with_epsilon (url->contrast_ratio, eyl_contrast_ratio (0xbbbbbb, 0xffffff), 0.01);

  finding = find_finding (analysis, "low-contrast", url->id);
  g_assert_nonnull (finding);
  g_assert_cmpint (finding->severity, ==, EYL_SEVERITY_WARNING);
  g_test_message ("%s", finding->message);
  g_assert_cmpstr (json_object_get_string_member (finding->measures, "color"), ==, "#bbbbbb");
  g_assert_cmpstr (json_object_get_string_member (finding->measures, "background"), ==, "#ffffff");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (finding->measures, "contrast_ratio"),
                                  url->contrast_ratio, 1e-9);
  g_assert_cmpfloat (json_object_get_double_member (finding->measures, "needed_ratio"), ==, 4.5);
}

static void
test_white_on_dark_band (void)
{
  g_autofree char *path = make_pdf ("contrast-dark-band.pdf", GROUND_BAND, 0x1a2a4a, 0xffffff, FALSE);
  g_autoptr(EylPageAnalysis) analysis = analyse (path);
  EylElement *url = find_url (analysis);

  g_test_message ("%s: %06x on %06x, %.2f:1", url->text, url->color, url->background,
                  url->contrast_ratio);
  /* the band, not the white page */
  g_assert_cmpfloat (colour_distance (url->background, 0x1a2a4a), <, 12);
  g_assert_cmpfloat (url->contrast_ratio, >, 12);
  g_assert_false (url->background_varies);
  g_assert_null (find_finding (analysis, "low-contrast", url->id));
}

static void
test_coloured_band (void)
{
  g_autofree char *path = make_pdf ("contrast-yellow-band.pdf", GROUND_BAND, 0xf2c14e, 0xe8601c, FALSE);
  g_autoptr(EylPageAnalysis) analysis = analyse (path);
  EylElement *url = find_url (analysis);

  g_test_message ("%s: %06x on %06x, %.2f:1", url->text, url->color, url->background,
                  url->contrast_ratio);
  g_assert_cmpfloat (colour_distance (url->background, 0xf2c14e), <, 12);
  g_assert_cmpfloat_with_epsilon (url->contrast_ratio, eyl_contrast_ratio (0xe8601c, 0xf2c14e), 0.1);
  /* orange on yellow: about 1.8:1 */
  g_assert_nonnull (find_finding (analysis, "low-contrast", url->id));
}

/* White text over a black-to-white gradient: fine on the left, unreadable
 * on the right; the worst part counts. */
static void
test_gradient (void)
{
  g_autofree char *path = make_pdf ("contrast-gradient.pdf", GROUND_GRADIENT, 0, 0xffffff, FALSE);
  g_autoptr(EylPageAnalysis) analysis = analyse (path);
  EylElement *url = find_url (analysis);
  EylFinding *finding;

  g_test_message ("%s: %06x on %06x, %.2f:1", url->text, url->color, url->background,
                  url->contrast_ratio);
  g_assert_true (url->background_varies);
  g_assert_cmpfloat (url->contrast_ratio, <, 3.0);
  g_assert_cmpfloat (eyl_relative_luminance (url->background), >, 0.3);
  finding = find_finding (analysis, "low-contrast", url->id);
  g_assert_nonnull (finding);
  g_assert_cmpfloat (json_object_get_double_member (finding->measures, "background_varies"), ==, 1);
}

/* Text the text layer has but a white box hides: nothing to measure. */
static void
test_covered (void)
{
  g_autofree char *path = make_pdf ("contrast-covered.pdf", GROUND_WHITE, 0, 0x000000, TRUE);
  g_autoptr(EylPageAnalysis) analysis = analyse (path);
  EylElement *url = find_url (analysis);

  g_assert_cmpfloat (url->contrast_ratio, ==, 0);
  g_assert_null (find_finding (analysis, "low-contrast", url->id));
}

/* 3:1 is enough for large text (capitals ≥ 1.5 × the legibility
 * minimum), 4.5:1 for the rest. */
static void
test_rule_thresholds (void)
{
  /* A roll-up: its website is read from where the banner is seen (a wall
   * poster's would be read close up). */
  g_autoptr(EylPlacement) placement = eyl_placement_new ("rollup-free-standing", EYL_PLACEMENT_ROLLUP);
  g_autoptr(GPtrArray) elements = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
  g_autoptr(GPtrArray) findings = NULL;
  EylRect        box = { 10, 10, 200, 40 };
  EylPageFrame   frame = { { 0, 0, 595, 842 }, 210, 297, 25.4 / 72, 25.4 / 72, 1000 };
  EylRuleContext ctx = { 0 };
  const double   ratios[] = { 4.0, 4.0, 2.5, 5.0 };
  double         min_cap;
  guint          n_low = 0;

  placement->distance_m = 2.0;
  min_cap = eyl_legibility_min_cap_mm (EYL_LEGIBILITY_1_200, 2.0, 1200);
  for (guint i = 0; i < G_N_ELEMENTS (ratios); i++)
    {
      EylElement *el = eyl_element_new (EYL_ELEMENT_URL, EYL_SOURCE_TEXT, URL, &box, 0.9);

      el->id = g_strdup_printf ("p0e%u", i);
      el->floor_bottom_mm = 1200;
      el->floor_top_mm = 1230;
      /* e0 small, e1–e3 large */
      el->cap_height_mm = i == 0 ? 1.2 * min_cap : 1.6 * min_cap;
      el->contrast_ratio = ratios[i];
      el->color = 0x777777;
      el->background = 0xdddddd;
      g_ptr_array_add (elements, el);
    }

  ctx.placement = placement;
  ctx.frame = &frame;
  ctx.elements = elements;
  ctx.legibility = EYL_LEGIBILITY_1_200;
  findings = eyl_rules_run (&ctx);

  for (guint i = 0; i < findings->len; i++)
    {
      EylFinding *f = g_ptr_array_index (findings, i);

      if (!g_str_equal (f->rule, "low-contrast"))
        continue;
      n_low++;
      g_test_message ("%s: %s", f->element_id, f->message);
      g_assert_true (g_str_equal (f->element_id, "p0e0") || g_str_equal (f->element_id, "p0e2"));
      g_assert_cmpfloat (json_object_get_double_member (f->measures, "needed_ratio"), ==,
                         g_str_equal (f->element_id, "p0e0") ? 4.5 : 3.0);
      g_assert_cmpstr (json_object_get_string_member (f->measures, "color"), ==, "#777777");
      g_assert_cmpstr (json_object_get_string_member (f->measures, "background"), ==, "#dddddd");
    }
  g_assert_cmpuint (n_low, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eyl/contrast/wcag", test_wcag);
  g_test_add_func ("/eyl/contrast/grey-on-white", test_grey_on_white);
  g_test_add_func ("/eyl/contrast/white-on-dark-band", test_white_on_dark_band);
  g_test_add_func ("/eyl/contrast/coloured-band", test_coloured_band);
  g_test_add_func ("/eyl/contrast/gradient", test_gradient);
  g_test_add_func ("/eyl/contrast/covered", test_covered);
  g_test_add_func ("/eyl/contrast/rule-thresholds", test_rule_thresholds);

  return g_test_run ();
}
