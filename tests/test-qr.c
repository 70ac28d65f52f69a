/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-qr.c: QR codes drawn with Cairo from libqrencode's module matrix
 * (as vector squares and as an image) at a known size, position and
 * quiet zone, found and measured by eyl_detect_qr(); the four QR rules on
 * them; the corpus' labelled codes. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <cairo.h>

#ifdef HAVE_QRENCODE
#include <qrencode.h>
#endif

#include "eyl-analysis.h"
#include "eyl-detect-pixels.h"
#include "eyl-document.h"
#include "eyl-rules.h"
#include "eyl-fixtures.h"
#include "eyl-zbar.h"
#include "rules/eyl-rules-private.h"

#define PT_PER_MM (72.0 / 25.4)
#define PAYLOAD   "https://www.northwind-tea.example/scan"

#ifdef HAVE_QRENCODE

/* One page with one code.  Sizes in mm on a page drawn at 1:1. */
typedef struct
{
  double      page_w_mm, page_h_mm;
  double      x_mm, y_mm; /* top-left corner of the code */
  double      module_mm;
  double      bar_modules; /* a black bar this far right of the code; 0 none */
  gboolean    as_image;
  gboolean    inverted; /* light modules on a dark page */
  gboolean    damaged;  /* top-left finder painted over */
  const char *payload;
  QRcode     *qr;
} Fixture;

static void
fixture_init (Fixture    *f,
              const char *payload)
{
  memset (f, 0, sizeof *f);
  f->page_w_mm = 210;
  f->page_h_mm = 297;
  f->x_mm = 60;
  f->y_mm = 100;
  f->module_mm = 1.0;
  f->bar_modules = 6;
  f->payload = payload;
  f->qr = QRcode_encodeString (payload, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  g_assert_nonnull (f->qr);
}

static void
fixture_clear (Fixture *f)
{
  g_clear_pointer (&f->qr, QRcode_free);
}

static double
fixture_side_mm (const Fixture *f)
{
  return f->qr->width * f->module_mm;
}

static EylRect
fixture_box (const Fixture *f)
{
  return (EylRect) { f->x_mm * PT_PER_MM, f->y_mm * PT_PER_MM,
                     (f->x_mm + fixture_side_mm (f)) * PT_PER_MM,
                     (f->y_mm + fixture_side_mm (f)) * PT_PER_MM };
}

/* Draws the page in page space (pt). */
static void
fixture_draw (const Fixture *f,
              cairo_t       *cr)
{
  int    n = f->qr->width;
  double m = f->module_mm * PT_PER_MM, x = f->x_mm * PT_PER_MM, y = f->y_mm * PT_PER_MM;
  double ink = f->inverted ? 0.85 : 0.0;

  cairo_save (cr);
  if (f->inverted)
    {
      cairo_set_source_rgb (cr, 0.15, 0.17, 0.32);
      cairo_paint (cr);
    }

  if (f->as_image)
    {
      cairo_surface_t *img = cairo_image_surface_create (CAIRO_FORMAT_RGB24, n, n);
      guint8          *data = cairo_image_surface_get_data (img);
      int              stride = cairo_image_surface_get_stride (img);
      guint32          dark = f->inverted ? 0xd9d9d9 : 0x000000;
      guint32          light = f->inverted ? 0x262b52 : 0xffffff;

      cairo_surface_flush (img);
      for (int j = 0; j < n; j++)
        for (int i = 0; i < n; i++)
          ((guint32 *) (data + j * stride))[i] = (f->qr->data[j * n + i] & 1) ? dark : light;
      cairo_surface_mark_dirty (img);

      cairo_translate (cr, x, y);
      cairo_scale (cr, m, m);
      cairo_set_source_surface (cr, img, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
      cairo_rectangle (cr, 0, 0, n, n);
      cairo_fill (cr);
      cairo_surface_destroy (img);
    }
  else
    {
      cairo_set_source_rgb (cr, ink, ink, ink);
      for (int j = 0; j < n; j++)
        for (int i = 0; i < n; i++)
          if (f->qr->data[j * n + i] & 1)
            cairo_rectangle (cr, x + i * m, y + j * m, m, m);
      cairo_fill (cr);
    }
  cairo_restore (cr);

  if (f->damaged)
    {
      /* Paint the page colour over the top-left finder pattern. */
      double bg = f->inverted ? 0.15 : 1.0;

      cairo_set_source_rgb (cr, bg, bg, f->inverted ? 0.32 : 1.0);
      cairo_rectangle (cr, x, y, 7 * m, 7 * m);
      cairo_fill (cr);
    }

  if (f->bar_modules > 0)
    {
      cairo_set_source_rgb (cr, ink, ink, ink);
      cairo_rectangle (cr, x + (n + f->bar_modules) * m, y, 5 * m, n * m);
      cairo_fill (cr);
    }
}

static EylRaster *
fixture_render (const EylRect *area,
                double         scale,
                gpointer       user_data,
                GError       **error)
{
  const Fixture *f = user_data;
  EylRaster     *raster = eyl_raster_new (area, scale);
  cairo_t       *cr = eyl_raster_create_context (raster);

  fixture_draw (f, cr);
  cairo_destroy (cr);
  cairo_surface_flush (eyl_raster_get_surface (raster));
  return raster;
}

static EylPageData *
fixture_page (const Fixture *f)
{
  EylPageDataBuilder *b = eyl_page_data_builder_new (0, f->page_w_mm * PT_PER_MM,
                                                     f->page_h_mm * PT_PER_MM);

  if (f->as_image)
    {
      EylRect box = fixture_box (f);

      eyl_page_data_builder_add_image (b, &box, f->qr->width, f->qr->width);
    }
  return eyl_page_data_builder_end (b);
}

/* Runs the detector the way the worker does: an analysis raster at
 * @px_per_mm and, unless @raster_only, a renderer for details. */
static GPtrArray *
detect (Fixture *f,
        double   px_per_mm,
        gboolean raster_only)
{
  g_autoptr(EylPageData) page = fixture_page (f);
  EylRect area = { 0, 0, page->width, page->height };
  g_autoptr(EylRaster) raster = fixture_render (&area, px_per_mm / PT_PER_MM, f, NULL);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  GPtrArray  *elements = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
  EylRenderer renderer;

  eyl_renderer_init (&renderer);
  if (!raster_only)
    {
      renderer.render = fixture_render;
      renderer.user_data = f;
    }
  eyl_detect_qr (page, raster, &renderer, elements, warnings);
  for (guint i = 0; i < warnings->len; i++)
    g_test_message ("warning: %s", (const char *) g_ptr_array_index (warnings, i));
  return elements;
}

static void
assert_box_near (const EylRect *got,
                 const EylRect *want,
                 double         tolerance_mm)
{
  double t = tolerance_mm * PT_PER_MM;

  g_test_message ("box %.1f,%.1f–%.1f,%.1f pt, expected %.1f,%.1f–%.1f,%.1f",
                  got->x0, got->y0, got->x1, got->y1, want->x0, want->y0, want->x1, want->y1);
  g_assert_cmpfloat_with_epsilon (got->x0, want->x0, t);
  g_assert_cmpfloat_with_epsilon (got->y0, want->y0, t);
  g_assert_cmpfloat_with_epsilon (got->x1, want->x1, t);
  g_assert_cmpfloat_with_epsilon (got->y1, want->y1, t);
}

/* The measured code against what was drawn. */
static void
check_code (Fixture *f,
            gboolean as_image,
            double   bar_modules)
{
  g_autoptr(GPtrArray) elements = NULL;
  EylElement *el;
  EylRect     want;
  double      module_pt = f->module_mm * PT_PER_MM;

  f->as_image = as_image;
  f->bar_modules = bar_modules;
  elements = detect (f, 1.0, FALSE);
  g_assert_cmpuint (elements->len, ==, 1);
  el = g_ptr_array_index (elements, 0);

  g_assert_cmpint (el->kind, ==, EYL_ELEMENT_QR);
  g_assert_cmpint (el->source, ==, EYL_SOURCE_RASTER);
  g_assert_true (el->decoded);
  g_assert_cmpstr (el->text, ==, f->payload);
  g_assert_cmpstr (el->symbology, ==, "QR-Code");

  want = fixture_box (f);
  assert_box_near (&el->box, &want, 1.0);

  g_test_message ("%d modules: module %.3f pt (drawn %.3f), quiet zone %.2f modules, "
                  "read down to %.2f px/module",
                  f->qr->width, el->module_pt, module_pt,
                  el->quiet_zone_modules, el->decode_px_per_module);
  g_assert_cmpfloat_with_epsilon (el->module_pt, module_pt, 0.05 * module_pt);
  g_assert_cmpfloat_with_epsilon (el->quiet_zone_modules, bar_modules, 0.5);
  /* An ideal render reads well below 4 px per module. */
  g_assert_cmpfloat (el->decode_px_per_module, >, 0.0);
  g_assert_cmpfloat (el->decode_px_per_module, <=, 3.0);
}

static void
test_vector (void)
{
  Fixture f;

  fixture_init (&f, PAYLOAD);
  check_code (&f, FALSE, 6.0);
  fixture_clear (&f);
}

static void
test_image (void)
{
  Fixture f;

  fixture_init (&f, PAYLOAD);
  check_code (&f, TRUE, 6.0);
  fixture_clear (&f);
}

/* The zbar scanners live as long as the process: reading the same code
 * again creates none and reads the same. */
static void
test_one_scanner (void)
{
  Fixture f;
  guint   after_first;

  fixture_init (&f, PAYLOAD);
  check_code (&f, FALSE, 6.0);
  after_first = eyl_zbar_get_n_scanner_inits ();
  g_assert_cmpuint (after_first, >=, 1);
  g_assert_cmpuint (after_first, <=, 2); /* QR codes only, and every symbology */
  check_code (&f, FALSE, 6.0);
  check_code (&f, TRUE, 6.0);
  g_assert_cmpuint (eyl_zbar_get_n_scanner_inits (), ==, after_first);
  fixture_clear (&f);
}

static void
test_quiet_zone (void)
{
  Fixture f;

  fixture_init (&f, PAYLOAD);
  check_code (&f, FALSE, 4.0);
  check_code (&f, FALSE, 1.0);
  check_code (&f, TRUE, 1.0);
  fixture_clear (&f);
}

/* A 25 mm code of 0.7 mm modules is ~0.7 px per module on the analysis
 * raster: only the detail render reads it. */
static void
test_small (void)
{
  Fixture f;
  g_autoptr(GPtrArray) elements = NULL;
  EylElement *el;

  fixture_init (&f, "http://write.flossmanuals.net/gsocstudentguide/what-is-google-summer-of-code/");
  f.module_mm = 25.0 / f.qr->width;
  f.bar_modules = 0;
  elements = detect (&f, 1.0, FALSE);
  g_assert_cmpuint (elements->len, ==, 1);
  el = g_ptr_array_index (elements, 0);
  g_assert_true (el->decoded);
  g_assert_cmpstr (el->text, ==, f.payload);
  g_assert_cmpfloat_with_epsilon (el->module_pt, f.module_mm * PT_PER_MM,
                                  0.05 * f.module_mm * PT_PER_MM);
  g_assert_cmpfloat (el->quiet_zone_modules, >=, 4.0);
  fixture_clear (&f);
}

/* Without a renderer only the raster is read: a big code still is. */
static void
test_raster_only (void)
{
  Fixture f;
  g_autoptr(GPtrArray) elements = NULL;
  g_autoptr(GPtrArray) small = NULL;
  EylElement *el;

  fixture_init (&f, PAYLOAD);
  f.module_mm = 4.0;
  f.x_mm = 20;
  f.y_mm = 20;
  f.bar_modules = 0;
  elements = detect (&f, 1.0, TRUE);
  g_assert_cmpuint (elements->len, ==, 1);
  el = g_ptr_array_index (elements, 0);
  g_assert_cmpstr (el->text, ==, PAYLOAD);
  g_assert_cmpfloat_with_epsilon (el->module_pt, 4.0 * PT_PER_MM, 0.05 * 4.0 * PT_PER_MM);

  /* ... and a code of 0.7 mm modules (0.7 px) is not, nor is it called
   * unreadable: nothing is made up. */
  f.module_mm = 0.7;
  f.x_mm = 20.3;
  small = detect (&f, 1.0, TRUE);
  g_assert_cmpuint (small->len, ==, 0);
  fixture_clear (&f);
}

static void
test_inverted (void)
{
  Fixture f;
  g_autoptr(GPtrArray) elements = NULL;
  EylElement *el;

  fixture_init (&f, "www.godotengine.org/events");
  f.inverted = TRUE;
  f.bar_modules = 0;
  elements = detect (&f, 1.0, FALSE);
  g_assert_cmpuint (elements->len, ==, 1);
  el = g_ptr_array_index (elements, 0);
  g_assert_true (el->decoded);
  g_assert_cmpstr (el->text, ==, f.payload);
  g_assert_cmpfloat_with_epsilon (el->module_pt, PT_PER_MM, 0.05 * PT_PER_MM);
  fixture_clear (&f);
}

/* A finder pattern painted over: it looks like a QR code, it does not
 * decode. */
static void
test_damaged (void)
{
  Fixture f;
  g_autoptr(GPtrArray) elements = NULL;
  EylElement *el;
  EylRect     want;

  fixture_init (&f, PAYLOAD);
  f.damaged = TRUE;
  f.bar_modules = 0;
  elements = detect (&f, 1.0, FALSE);
  g_assert_cmpuint (elements->len, ==, 1);
  el = g_ptr_array_index (elements, 0);
  g_assert_cmpint (el->kind, ==, EYL_ELEMENT_QR);
  g_assert_false (el->decoded);
  g_assert_cmpstr (el->text, ==, "");
  want = fixture_box (&f);
  assert_box_near (&el->box, &want, 2.0);
  fixture_clear (&f);
}

/* A chequerboard and stripes are busy and square, but no code. */
static EylRaster *
render_pattern (const EylRect *area,
                double         scale,
                gpointer       user_data,
                GError       **error)
{
  EylRaster *raster = eyl_raster_new (area, scale);
  cairo_t   *cr = eyl_raster_create_context (raster);

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (int j = 0; j < 30; j++)
    for (int i = 0; i < 30; i++)
      if ((i + j) % 2 == 0)
        cairo_rectangle (cr, 100 + i * 3, 100 + j * 3, 3, 3);
  for (int j = 0; j < 20; j++)
    cairo_rectangle (cr, 300, 300 + j * 6, 90, 3);
  cairo_fill (cr);
  cairo_destroy (cr);
  return raster;
}

static void
test_no_false_positive (void)
{
  EylPageDataBuilder *b = eyl_page_data_builder_new (0, 595, 842);
  g_autoptr(EylPageData) page = eyl_page_data_builder_end (b);
  EylRect area = { 0, 0, 595, 842 };
  g_autoptr(EylRaster) raster = render_pattern (&area, 1.0 / PT_PER_MM, NULL, NULL);
  g_autoptr(GPtrArray) elements = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
  EylRenderer renderer;

  eyl_renderer_init (&renderer);
  renderer.render = render_pattern;
  eyl_detect_qr (page, raster, &renderer, elements, NULL);
  g_assert_cmpuint (elements->len, ==, 0);
}

/* ------------------------------------------------------------------ */
/* Rules                                                              */

/* A poster-wall placement (scan at 0.8 m, reach 380–1220 mm) for an A4
 * page centred 1450 mm above the floor, and the fixture's code. */
typedef struct
{
  EylPlacement   placement;
  EylPageFrame   frame;
  GPtrArray     *elements;
  EylRuleContext ctx;
} Situation;

static void
situation_init (Situation *s,
                Fixture   *f,
                double     centre_mm)
{
  EylRect   visible = { 0, 0, f->page_w_mm * PT_PER_MM, f->page_h_mm * PT_PER_MM };
  EylSizeMm size = { f->page_w_mm, f->page_h_mm };

  memset (s, 0, sizeof *s);
  s->placement.id = (char *) "test-poster";
  s->placement.name = (char *) "Test poster";
  s->placement.kind = EYL_PLACEMENT_POSTER;
  s->placement.sizes = g_array_new (FALSE, FALSE, sizeof (EylSizeMm));
  g_array_append_val (s->placement.sizes, size);
  s->placement.centre_mm = centre_mm;
  s->placement.visible_top_fraction = 1.0;
  s->placement.distance_m = 2.0;
  s->placement.scan_distance_m = 0.8;
  s->placement.eye_min_mm = 1405;
  s->placement.eye_max_mm = 1825;
  s->placement.eye_zone_deg = 15;
  s->placement.sight_line_deg = 10;
  s->placement.hidden_threshold = 0.5;
  s->placement.needs_reach = TRUE;
  s->placement.reach_min_mm = 380;
  s->placement.reach_max_mm = 1220;

  eyl_page_frame_init (&s->frame, &visible, f->page_w_mm, f->page_h_mm, &s->placement);
  s->elements = detect (f, 1.0, FALSE);
  for (guint i = 0; i < s->elements->len; i++)
    eyl_analysis_place_element (g_ptr_array_index (s->elements, i), &s->placement, &s->frame);

  s->ctx.placement = &s->placement;
  s->ctx.frame = &s->frame;
  s->ctx.elements = s->elements;
  s->ctx.legibility = EYL_LEGIBILITY_1_200;
}

static void
situation_clear (Situation *s)
{
  g_ptr_array_unref (s->elements);
  g_array_unref (s->placement.sizes);
}

/* Findings of @rule alone, each shown in the log. */
static guint
run_rule (Situation     *s,
          const EylRule *rule)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_finding_unref);

  rule->check (&s->ctx, findings);
  for (guint i = 0; i < findings->len; i++)
    {
      EylFinding *finding = g_ptr_array_index (findings, i);

      g_assert_cmpstr (finding->rule, ==, rule->id);
      g_assert_nonnull (finding->message);
      g_assert_nonnull (finding->fix);
      g_test_message ("%s: %s / %s", finding->rule, finding->message, finding->fix);
    }
  return findings->len;
}

static void
test_rule_too_small (void)
{
  Situation s;
  Fixture   f;

  /* 29 modules of 1 mm: 29 mm < 80 mm for a 0.8 m scan. */
  fixture_init (&f, PAYLOAD);
  situation_init (&s, &f, 1000);
  g_assert_cmpuint (s.elements->len, ==, 1);
  g_assert_cmpuint (run_rule (&s, &eyl_rule_qr_too_small), ==, 1);
  situation_clear (&s);

  /* Modules of 3 mm: 87 mm wide. */
  f.module_mm = 3.0;
  f.x_mm = 20;
  f.y_mm = 40;
  situation_init (&s, &f, 1000);
  g_assert_cmpuint (s.elements->len, ==, 1);
  g_assert_cmpuint (run_rule (&s, &eyl_rule_qr_too_small), ==, 0);
  situation_clear (&s);
  fixture_clear (&f);
}

static void
test_rule_quiet_zone (void)
{
  Situation s;
  Fixture   f;

  fixture_init (&f, PAYLOAD);
  f.bar_modules = 1;
  situation_init (&s, &f, 1000);
  g_assert_cmpuint (run_rule (&s, &eyl_rule_qr_quiet_zone), ==, 1);
  situation_clear (&s);

  f.bar_modules = 5;
  situation_init (&s, &f, 1000);
  g_assert_cmpuint (run_rule (&s, &eyl_rule_qr_quiet_zone), ==, 0);
  situation_clear (&s);
  fixture_clear (&f);
}

static void
test_rule_unreadable (void)
{
  Situation s;
  Fixture   f;

  /* Damaged: never decoded. */
  fixture_init (&f, PAYLOAD);
  f.damaged = TRUE;
  situation_init (&s, &f, 1000);
  g_assert_cmpuint (s.elements->len, ==, 1);
  g_assert_cmpuint (run_rule (&s, &eyl_rule_qr_unreadable), ==, 1);
  situation_clear (&s);

  /* Whole but small: 0.5 mm modules are ~0.9 camera px at 0.8 m — and
   * the code is far narrower than the 10:1 rule asks: one finding, that
   * it is too small, not a second that it cannot be read. */
  f.damaged = FALSE;
  f.module_mm = 0.5;
  situation_init (&s, &f, 1000);
  g_assert_cmpuint (s.elements->len, ==, 1);
  g_assert_true (((EylElement *) g_ptr_array_index (s.elements, 0))->decoded);
  g_assert_cmpuint (run_rule (&s, &eyl_rule_qr_unreadable), ==, 0);
  g_assert_cmpuint (run_rule (&s, &eyl_rule_qr_too_small), ==, 1);
  situation_clear (&s);

  /* 2 mm modules: ~3.8 camera px per module. */
  f.module_mm = 2.0;
  f.x_mm = 20;
  f.y_mm = 40;
  situation_init (&s, &f, 1000);
  g_assert_cmpuint (s.elements->len, ==, 1);
  g_assert_cmpuint (run_rule (&s, &eyl_rule_qr_unreadable), ==, 0);
  situation_clear (&s);
  fixture_clear (&f);
}

/* A code that spells out a name the piece never prints, on a piece whose
 * name is known: left over from a template.  The page's copy and its
 * brand name are given; the code is drawn and read by zbar. */
static void
test_rule_leftover (void)
{
  static const struct
  {
    const char *payload, *text, *brand;
    gboolean    leftover;
  } cases[] = {
    { "Arch Linux", "Ubuntu 24.04 LTS, a GNU/Linux distribution", "Ubuntu", TRUE },
    /* loosely printed: case, punctuation, accents */
    { "Arch Linux", "Ubuntu, made from the ARCH-LINUX box", "Ubuntu", FALSE },
    { "Cafe Lumiere", "CAFÉ LUMIÈRE — open daily", "Rue Verte", FALSE },
    /* each word printed: a shorter wording of the piece's own text */
    { "Assam Tea", "Northwind Assam black tea, 250 g", "Northwind", FALSE },
    /* the piece's name in the code */
    { "Northwind Darjeeling", "Northwind first flush, 250 g", "Northwind", FALSE },
    /* links, numbers, codes and structured payloads are never judged */
    { "https://arch.example/box", "Ubuntu 24.04 LTS", "Ubuntu", FALSE },
    { "arch.example", "Ubuntu 24.04 LTS", "Ubuntu", FALSE },
    { "4006381333931", "Ubuntu 24.04 LTS", "Ubuntu", FALSE },
    { "LOT A2391", "Ubuntu 24.04 LTS", "Ubuntu", FALSE },
    { "WIFI:S:Arch Linux;T:WPA;P:secret;;", "Ubuntu 24.04 LTS", "Ubuntu", FALSE },
    /* a message, not a name */
    { "thank you for scanning", "Ubuntu 24.04 LTS", "Ubuntu", FALSE },
    /* the piece's name unknown: nothing to compare with */
    { "Arch Linux", "Ubuntu 24.04 LTS, a GNU/Linux distribution", NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_finding_unref);
      Situation s;
      Fixture   f;
      EylRect   brand_box = { 20 * PT_PER_MM, 20 * PT_PER_MM, 120 * PT_PER_MM, 40 * PT_PER_MM };

      g_test_message ("“%s” on “%s”", cases[i].payload, cases[i].text);
      fixture_init (&f, cases[i].payload);
      f.module_mm = 2.0;
      situation_init (&s, &f, 1000);
      g_assert_cmpuint (s.elements->len, ==, 1);
      g_assert_cmpstr (((EylElement *) g_ptr_array_index (s.elements, 0))->text, ==,
                       cases[i].payload);
      if (cases[i].brand != NULL)
        g_ptr_array_add (s.elements, eyl_element_new (EYL_ELEMENT_BRAND_NAME, EYL_SOURCE_INFERRED,
                                                      cases[i].brand, &brand_box, 0.8));
      s.ctx.text = cases[i].text;
      eyl_rule_code_leftover.check (&s.ctx, findings);
      g_assert_cmpuint (findings->len, ==, cases[i].leftover ? 1 : 0);
      if (cases[i].leftover)
        {
          EylFinding *finding = g_ptr_array_index (findings, 0);

          g_test_message ("%s / %s", finding->message, finding->fix);
          g_assert_cmpstr (finding->rule, ==, "code-leftover");
          g_assert_cmpint (finding->severity, ==, EYL_SEVERITY_WARNING);
          g_assert_nonnull (strstr (finding->message, cases[i].payload));
          g_assert_nonnull (strstr (finding->message, cases[i].brand));
        }
      situation_clear (&s);
      fixture_clear (&f);
    }
}

/* The green channel of @surface (RGB24, grey here), one byte a pixel;
 * @surface is destroyed. */
static guint8 *
gray_of_surface (cairo_surface_t *surface)
{
  int           w = cairo_image_surface_get_width (surface);
  int           h = cairo_image_surface_get_height (surface);
  guint8       *gray = g_malloc ((gsize) w * h);
  const guint8 *data;
  int           stride;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      gray[y * w + x] = data[y * stride + 4 * x + 1];
  cairo_surface_destroy (surface);
  return gray;
}

/* @f's code alone at @module_px px a module, its top-left corner
 * @phase px off the pixel grid, with a 4-module quiet zone: grey bytes,
 * @side px square. */
static guint8 *
draw_code_gray (const Fixture *f,
                double         module_px,
                double         phase,
                int           *side)
{
  int              n = f->qr->width;
  int              w = (int) ceil ((n + 8) * module_px + 1);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, w);
  cairo_t         *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (int j = 0; j < n; j++)
    for (int i = 0; i < n; i++)
      if (f->qr->data[j * n + i] & 1)
        cairo_rectangle (cr, phase + (4 + i) * module_px, phase + (4 + j) * module_px,
                         module_px, module_px);
  cairo_fill (cr);
  cairo_destroy (cr);
  *side = w;
  return gray_of_surface (surface);
}

/* Candidate renders are scanned on every eyl_zbar_qr_line_step()-th line
 * only: a code at the smallest module that step is claimed for still
 * reads, whatever its phase on the pixel grid. */
static void
test_line_step (void)
{
  static const double modules[] = { 2.7, 3.0, 4.0, 6.0 };
  Fixture             f;

  g_assert_cmpint (eyl_zbar_qr_line_step (2.0), ==, 1);
  g_assert_cmpint (eyl_zbar_qr_line_step (2.7), ==, 2);
  fixture_init (&f, PAYLOAD);
  for (guint i = 0; i < G_N_ELEMENTS (modules); i++)
    for (double phase = 0; phase < 1.0; phase += 0.25)
      {
        int                side, step = eyl_zbar_qr_line_step (modules[i]);
        g_autofree guint8 *gray = draw_code_gray (&f, modules[i], phase, &side);
        g_autoptr(GArray) symbols = eyl_zbar_scan_lines (gray, side, side, EYL_ZBAR_QR,
                                                          EYL_ZBAR_DEFAULT, step);

        g_test_message ("%.1f px a module, phase %.2f, every %d lines: %u read", modules[i],
                        phase, step, symbols->len);
        g_assert_cmpuint (symbols->len, ==, 1);
        g_assert_cmpstr (g_array_index (symbols, EylZbarSymbol, 0).data, ==, PAYLOAD);
      }
  fixture_clear (&f);
}

/* A page of dark text on paper, and a light-on-dark code on a dark
 * panel with a quiet zone of @quiet modules at (@x, @y) px: grey, one
 * byte a pixel. */
static guint8 *
draw_dark_panel_page (const Fixture *f,
                      int            width,
                      int            height,
                      double         x,
                      double         y,
                      double         module_px,
                      double         quiet)
{
  int              n = f->qr->width;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t         *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  /* Lines of text: strokes 1 px wide, letters 3 px high, 6 px a line. */
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  for (int ty = 10; ty + 6 < height - 10; ty += 6)
    for (int tx = 10; tx + 4 < width - 10; tx += 4)
      if ((tx / 4 + ty / 6) % 7 != 0)
        cairo_rectangle (cr, tx, ty, 1, 3);
  cairo_fill (cr);
  /* The panel, then the light modules (the code's dark ones are the
   * panel). */
  cairo_set_source_rgb (cr, 0.15, 0.17, 0.32);
  cairo_rectangle (cr, x - quiet * module_px, y - quiet * module_px, (n + 2 * quiet) * module_px,
                   (n + 2 * quiet) * module_px);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
  for (int j = 0; j < n; j++)
    for (int i = 0; i < n; i++)
      if (f->qr->data[j * n + i] & 1)
        cairo_rectangle (cr, x + i * module_px, y + j * module_px, module_px, module_px);
  cairo_fill (cr);
  cairo_destroy (cr);
  return gray_of_surface (surface);
}

/* The inverted scan covers only the parts of an image with a dark
 * ground: a page of text has none, and a light-on-dark code on a dark
 * panel still reads there, wherever it sits on the cell grid, with a
 * quiet zone of 4 modules or only 2, while most of the page is spared. */
static void
test_inverted_boxes (void)
{
  static const double modules[] = { 1.5, 2.0, 3.0, 4.0 };
  static const double quiets[] = { 2.0, 4.0 };
  const int           width = 420, height = 600;
  Fixture             f;

  fixture_init (&f, "www.godotengine.org/events");
  {
    g_autofree guint8 *text = draw_dark_panel_page (&f, width, height, -1000, -1000, 1, 0);
    g_autoptr(GArray) boxes = eyl_zbar_dark_ground_boxes (text, width, height);
    g_autoptr(GArray) symbols = eyl_zbar_scan_lines (text, width, height, EYL_ZBAR_CODES,
                                                      EYL_ZBAR_INVERTED_TOO, 1);

    g_assert_cmpuint (boxes->len, ==, 0);
    g_assert_cmpuint (symbols->len, ==, 0);
  }
  for (guint m = 0; m < G_N_ELEMENTS (modules); m++)
    for (guint q = 0; q < G_N_ELEMENTS (quiets); q++)
      for (double phase = 0; phase < 8; phase += 3)
        {
          double             x = 200 + phase, y = 300 + phase;
          double             side = f.qr->width * modules[m];
          g_autofree guint8 *gray = draw_dark_panel_page (&f, width, height, x, y, modules[m],
                                                          quiets[q]);
          g_autoptr(GArray) boxes = eyl_zbar_dark_ground_boxes (gray, width, height);
          g_autoptr(GArray) symbols = eyl_zbar_scan_lines (gray, width, height, EYL_ZBAR_CODES,
                                                            EYL_ZBAR_INVERTED_TOO, 1);
          g_autofree guint8 *inverted = g_malloc ((gsize) width * height);
          g_autoptr(GArray) whole = NULL;
          double               area = 0;
          const EylZbarSymbol *s;

          for (int i = 0; i < width * height; i++)
            inverted[i] = 255 - gray[i];
          whole = eyl_zbar_scan_lines (inverted, width, height, EYL_ZBAR_CODES, EYL_ZBAR_DEFAULT,
                                       1);

          for (guint i = 0; i < boxes->len; i++)
            {
              const EylZbarBox *b = &g_array_index (boxes, EylZbarBox, i);

              area += (double) (b->x1 - b->x0) * (b->y1 - b->y0);
            }
          g_test_message ("%.1f px a module, quiet zone %.0f, at +%.1f px: %u boxes, %.0f %% of "
                          "the page, %u read (%u over the whole page)",
                          modules[m], quiets[q], phase, boxes->len, 100 * area / (width * height),
                          symbols->len, whole->len);
          g_assert_cmpfloat (area, <, 0.25 * width * height);
          /* What the whole page inverted reads, and with whole pixels a
           * module, the code. */
          g_assert_cmpuint (symbols->len, ==, whole->len);
          if (modules[m] != floor (modules[m]))
            continue;
          g_assert_cmpuint (symbols->len, ==, 1);
          s = &g_array_index (symbols, EylZbarSymbol, 0);
          g_assert_cmpstr (s->data, ==, f.payload);
          /* Where the code is on the page, not on the crop. */
          g_assert_cmpfloat (fabs (s->x0 - x), <, 2 * modules[m] + 1);
          g_assert_cmpfloat (fabs (s->y1 - (y + side)), <, 2 * modules[m] + 1);
        }
  fixture_clear (&f);
}

#endif /* HAVE_QRENCODE */

#ifndef HAVE_QRENCODE
static void
test_no_qrencode (void)
{
  g_test_skip ("libqrencode is not installed: the QR fixtures cannot be drawn");
}
#endif

/* ------------------------------------------------------------------ */
/* Corpus                                                             */

typedef struct
{
  const char *id;
  guint       page;
  const char *payload_prefix; /* NULL: expected but we do not know it */
} CorpusCode;

/* labels.json: the corpus' QR codes; payloads read with zbarimg. */
static const CorpusCode corpus_codes[] = {
  { "poster-osgeo-gsoc-a0", 0, "https://wiki.osgeo.org/wiki/Google_Summer_of_Code" },
  { "poster-osgeo-gsoc-a0", 0, "http://write.flossmanuals.net/gsocstudentguide/" },
  { "flyer-galaxy-factsheet-a5", 0, "https://stats.galaxyproject.eu/" },
  { "poster-galaxy-factsheet-2025", 0, "https://stats.galaxyproject.eu/" },
  { "poster-godot-godotcon2018", 0, "www.godotengine.org/events" },
  { "flyer-gridcoin-01", 0, "http://www.gridcoin.us" },
};

static void
test_corpus (void)
{
  g_autofree char *dir = eyl_fixture_shared_path ("corpus");
  const char      *last_id = NULL;
  guint            n_found = 0;
  gint64           total_us = 0;

  if (dir == NULL)
    {
      g_test_skip ("no shared corpus (set EYL_SHARED_DIR)");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (corpus_codes); i++)
    {
      const CorpusCode *code = &corpus_codes[i];
      g_autofree char  *name = NULL;
      g_autofree char  *path = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(EylDocument) doc = NULL;
      g_autoptr(EylPageData) page = NULL;
      g_autoptr(EylRaster) raster = NULL;
      g_autoptr(GPtrArray) elements = NULL;
      g_autoptr(GPtrArray) warnings = NULL;
      EylRenderer renderer;
      gint64      t0, us;
      guint       matched = 0;

      if (g_strcmp0 (last_id, code->id) == 0)
        continue;
      last_id = code->id;

      name = g_strconcat (code->id, ".pdf", NULL);
      path = g_build_filename (dir, "files", name, NULL);
      doc = eyl_document_open (path, NULL, NULL, &error);
      g_assert_no_error (error);
      page = eyl_document_get_page_data (doc, code->page, NULL, &error);
      g_assert_no_error (error);

      eyl_renderer_init (&renderer);
      g_assert_true (eyl_document_get_renderer (doc, code->page, &renderer));
      t0 = g_get_monotonic_time ();
      /* The analysis raster as the analysis makes it: 1 px per mm of the
       * page (these pages are drawn at 1:1). */
      raster = eyl_renderer_render (&renderer, &page->visible, 1.0 / PT_PER_MM, &error);
      g_assert_no_error (error);
      elements = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
      warnings = g_ptr_array_new_with_free_func (g_free);
      eyl_detect_qr (page, raster, &renderer, elements, warnings);
      us = g_get_monotonic_time () - t0;
      total_us += us;

      for (guint k = 0; k < elements->len; k++)
        {
          EylElement *el = g_ptr_array_index (elements, k);

          g_test_message ("%s: %s “%s” %.1f × %.1f mm, module %.2f mm, quiet zone %.1f, "
                          "read down to %.2f px/module",
                          code->id, el->decoded ? "decoded" : "UNREADABLE", el->text,
                          eyl_rect_width (&el->box) / PT_PER_MM,
                          eyl_rect_height (&el->box) / PT_PER_MM, el->module_pt / PT_PER_MM,
                          el->quiet_zone_modules, el->decode_px_per_module);
        }
      for (guint j = i; j < G_N_ELEMENTS (corpus_codes) &&
                        g_strcmp0 (corpus_codes[j].id, code->id) == 0;
           j++)
        for (guint k = 0; k < elements->len; k++)
          if (g_str_has_prefix (((EylElement *) g_ptr_array_index (elements, k))->text,
                                corpus_codes[j].payload_prefix))
            {
              matched++;
              break;
            }
      g_test_message ("%s: %u codes, %u expected found, %.0f ms (raster and QR)", code->id,
                      elements->len, matched, us / 1000.0);
      n_found += matched;
    }

  g_test_message ("corpus: %u of %u labelled QR codes decoded, %.0f ms", n_found,
                  (guint) G_N_ELEMENTS (corpus_codes), total_us / 1000.0);
  g_assert_cmpuint (n_found, ==, G_N_ELEMENTS (corpus_codes));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#ifdef HAVE_QRENCODE
  g_test_add_func ("/eyl/qr/vector", test_vector);
  g_test_add_func ("/eyl/qr/image", test_image);
  g_test_add_func ("/eyl/qr/quiet-zone", test_quiet_zone);
  g_test_add_func ("/eyl/qr/small", test_small);
  g_test_add_func ("/eyl/qr/raster-only", test_raster_only);
  g_test_add_func ("/eyl/qr/inverted", test_inverted);
  g_test_add_func ("/eyl/qr/damaged", test_damaged);
  g_test_add_func ("/eyl/qr/no-false-positive", test_no_false_positive);
  g_test_add_func ("/eyl/qr/rule-too-small", test_rule_too_small);
  g_test_add_func ("/eyl/qr/rule-quiet-zone", test_rule_quiet_zone);
  g_test_add_func ("/eyl/qr/rule-unreadable", test_rule_unreadable);
  g_test_add_func ("/eyl/qr/rule-leftover", test_rule_leftover);
  g_test_add_func ("/eyl/qr/one-scanner", test_one_scanner);
  g_test_add_func ("/eyl/qr/line-step", test_line_step);
  g_test_add_func ("/eyl/qr/inverted-boxes", test_inverted_boxes);
#else
  g_test_add_func ("/eyl/qr/fixtures", test_no_qrencode);
#endif
  g_test_add_func ("/eyl/qr/corpus", test_corpus);

  return g_test_run ();
}
