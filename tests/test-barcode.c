/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-barcode.c: EAN / UPC symbols drawn with Cairo from the standard
 * encoding tables at known magnifications, heights, margins and colours;
 * zbar must read them and eyl_detect_barcodes() measure them. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <cairo.h>
#include <cairo-pdf.h>

#include "eyl-barcode.h"
#include "eyl-detect-pixels.h"
#include "eyl-document.h"
#include "eyl-fixtures.h"
#include "eyl-pack-fixtures.h"
#include "eyl-packaging.h"
#include "eyl-page-data.h"
#include "eyl-raster.h"
#include "eyl-read.h"
#include "eyl-zbar.h"

#define PT_PER_MM (72.0 / 25.4)
#define MM_PER_PT (25.4 / 72.0)
#define PAGE_W_MM 120.0
#define PAGE_H_MM 90.0

typedef struct
{
  const char *symbology;
  const char *digits;
  double      x_mm, y_mm; /* top-left of the first bar */
  double      magnification;
  double      height_mm; /* data bars; 0 = nominal × magnification */
  guint32     bar_rgb;
  gboolean    vertical; /* turned a quarter clockwise */
  double      block_mm; /* a black block this far left of the bars; 0 none */
} Symbol;

static void
symbol_init (Symbol     *s,
             const char *symbology,
             const char *digits)
{
  memset (s, 0, sizeof *s);
  s->symbology = symbology;
  s->digits = digits;
  s->x_mm = 30;
  s->y_mm = 20;
  s->magnification = 1.0;
  s->bar_rgb = 0x000000;
}

static double
symbol_height_mm (const Symbol *s)
{
  double nominal = 0;

  if (s->height_mm > 0)
    return s->height_mm;
  g_assert_true (eyl_barcode_nominal (s->symbology, &nominal, NULL, NULL));
  return nominal * s->magnification;
}

/* The page in page space (pt): white, the symbol's bars, guard bars 5X
 * longer (as printed above the human-readable digits). */
static void
symbol_draw (const Symbol *s,
             cairo_t      *cr)
{
  double x = EYL_BARCODE_NOMINAL_X_MM * s->magnification;
  double h = symbol_height_mm (s);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, PT_PER_MM, PT_PER_MM);
  cairo_translate (cr, s->x_mm, s->y_mm);
  if (s->vertical)
    {
      /* Clockwise: the first bar on top, bars lying. */
      cairo_translate (cr, h, 0);
      cairo_rotate (cr, G_PI / 2);
    }
  if (s->block_mm > 0)
    {
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_rectangle (cr, -s->block_mm - 4, 0, 4, h);
      cairo_fill (cr);
    }
  eyl_pack_draw_barcode (cr, s->symbology, s->digits, x, h, s->bar_rgb);
  cairo_restore (cr);
}

static EylPageData *
page_new (void)
{
  return eyl_page_data_builder_end (eyl_page_data_builder_new (0, PAGE_W_MM * PT_PER_MM,
                                                               PAGE_H_MM * PT_PER_MM));
}

static EylRaster *
render_symbol (const Symbol  *s,
               const EylRect *area,
               double         scale)
{
  EylRaster *raster = eyl_raster_new (area, scale);
  cairo_t   *cr = eyl_raster_create_context (raster);

  symbol_draw (s, cr);
  cairo_destroy (cr);
  return raster;
}

/* The raster at @px_per_mm; one symbol expected, returned. */
static EylBarcode *
detect_one (const Symbol *s,
            double        px_per_mm)
{
  g_autoptr(EylPageData) page = page_new ();
  EylRect area = { 0, 0, page->width, page->height };
  g_autoptr(EylRaster) raster = render_symbol (s, &area, px_per_mm * MM_PER_PT);
  g_autoptr(GPtrArray) found = eyl_detect_barcodes (page, raster, NULL, MM_PER_PT);

  g_assert_cmpuint (found->len, ==, 1);
  return g_ptr_array_steal_index (found, 0);
}

static void
test_check_digit (void)
{
  g_assert_true (eyl_barcode_check_digit_ok ("EAN-13", "4006381333931"));
  g_assert_false (eyl_barcode_check_digit_ok ("EAN-13", "4006381333932"));
  g_assert_true (eyl_barcode_check_digit_ok ("UPC-A", "036000291452"));
  g_assert_false (eyl_barcode_check_digit_ok ("UPC-A", "036000291453"));
  g_assert_true (eyl_barcode_check_digit_ok ("EAN-8", "96385074"));
  /* UPC-E 0 123456 5 stands for UPC-A 0 12345 00006 5. */
  g_assert_true (eyl_barcode_check_digit_ok ("UPC-A", "012345000065"));
  g_assert_true (eyl_barcode_check_digit_ok ("UPC-E", "01234565"));
  g_assert_false (eyl_barcode_check_digit_ok ("UPC-E", "01234566"));
  g_assert_false (eyl_barcode_check_digit_ok ("EAN-13", "40063813339x1"));
}

static void
test_modules (void)
{
  g_autofree char *ean13 = eyl_barcode_modules ("EAN-13", "4006381333931");
  g_autofree char *upca = eyl_barcode_modules ("UPC-A", "036000291452");
  g_autofree char *ean8 = eyl_barcode_modules ("EAN-8", "96385074");
  g_autofree char *upce = eyl_barcode_modules ("UPC-E", "01234565");

  g_assert_cmpuint (strlen (ean13), ==, 95);
  g_assert_cmpuint (strlen (upca), ==, 95);
  g_assert_cmpuint (strlen (ean8), ==, 67);
  g_assert_cmpuint (strlen (upce), ==, 51);
  /* Guards and the first digit "4" after the left guard (set A of 0: 0001101). */
  g_assert_true (g_str_has_prefix (ean13, "1010001101"));
  g_assert_true (g_str_has_suffix (ean13, "101"));
  g_assert_cmpstr (ean13 + 45, ==, "01010"
                                   "1000010"
                                   "1000010"
                                   "1000010"
                                   "1110100"
                                   "1000010"
                                   "1100110"
                                   "101");
  g_assert_null (eyl_barcode_modules ("EAN-13", "123"));
}

/* Magnification, bar height and quiet zones at 100 %, 70 % and 220 %. */
static void
check_magnification (double magnification)
{
  g_autoptr(EylBarcode) b = NULL;
  Symbol s;

  symbol_init (&s, "EAN-13", "4006381333931");
  s.magnification = magnification;
  s.x_mm = 15;
  b = detect_one (&s, 16.0);
  g_assert_cmpstr (b->symbology, ==, "EAN-13");
  g_assert_cmpstr (b->digits, ==, "4006381333931");
  g_assert_true (b->check_ok);
  g_assert_true (b->measured);
  g_assert_false (b->vertical);
  g_assert_cmpfloat_with_epsilon (b->magnification, magnification, 0.03);
  g_assert_cmpfloat_with_epsilon (b->module_mm, 0.33 * magnification, 0.01);
  g_assert_cmpfloat_with_epsilon (b->bar_height_mm, 22.85 * magnification, 0.3);
  g_assert_cmpfloat_with_epsilon (b->nominal_height_mm, 22.85 * magnification,
                                  0.03 * 22.85 * magnification);
  g_assert_cmpfloat (b->quiet_left_modules, >=, 11);
  g_assert_cmpfloat (b->quiet_right_modules, >=, 7);
  g_assert_cmpfloat (b->red_contrast, >, 0.9);
  g_assert_cmpfloat_with_epsilon (b->box.x0, 15 * PT_PER_MM, 0.5);
  g_assert_cmpfloat_with_epsilon (b->box.x1 - b->box.x0, 95 * 0.33 * magnification * PT_PER_MM,
                                  0.5);
}

static void
test_magnification_100 (void)
{
  check_magnification (1.0);
}

static void
test_magnification_70 (void)
{
  check_magnification (0.7);
}

static void
test_magnification_220 (void)
{
  check_magnification (2.2);
}

static void
test_truncated (void)
{
  g_autoptr(EylBarcode) b = NULL;
  Symbol s;

  symbol_init (&s, "EAN-13", "4006381333931");
  s.height_mm = 9.0;
  b = detect_one (&s, 16.0);
  g_assert_true (b->measured);
  g_assert_cmpfloat_with_epsilon (b->bar_height_mm, 9.0, 0.2);
  g_assert_cmpfloat_with_epsilon (b->nominal_height_mm, 22.85, 0.7);
}

static void
test_quiet_zone (void)
{
  g_autoptr(EylBarcode) b = NULL;
  Symbol s;

  symbol_init (&s, "EAN-13", "4006381333931");
  s.block_mm = 6 * 0.33; /* 6 modules of 11 */
  b = detect_one (&s, 16.0);
  g_assert_true (b->measured);
  g_assert_cmpfloat_with_epsilon (b->quiet_left_modules, 6.0, 0.4);
  g_assert_false (b->quiet_left_at_edge);
  g_assert_cmpfloat (b->quiet_right_modules, >=, 7);
}

static void
test_red_on_white (void)
{
  g_autoptr(EylBarcode) b = NULL;
  Symbol s;

  symbol_init (&s, "EAN-13", "4006381333931");
  s.bar_rgb = 0xed1c24; /* process red, M100 Y100 */
  b = detect_one (&s, 16.0);
  g_assert_true (b->measured);
  g_assert_cmpfloat (b->red_contrast, <, 0.2);
  g_assert_cmphex ((b->bar_color >> 16) & 0xff, >, 0xc0);

  /* Dark blue is black to a red scanner. */
  g_clear_pointer (&b, eyl_barcode_free);
  s.bar_rgb = 0x102080;
  b = detect_one (&s, 16.0);
  g_assert_cmpfloat (b->red_contrast, >, 0.9);
}

static void
test_other_symbologies (void)
{
  static const struct
  {
    const char *symbology, *digits;
    double      left, right;
  } cases[] = {
    { "UPC-A", "036000291452", 9, 9 },
    { "EAN-8", "96385074", 7, 7 },
    { "UPC-E", "01234565", 9, 7 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(EylBarcode) b = NULL;
      Symbol s;
      double nominal = 0, left = 0, right = 0;

      symbol_init (&s, cases[i].symbology, cases[i].digits);
      b = detect_one (&s, 16.0);
      g_assert_cmpstr (b->symbology, ==, cases[i].symbology);
      g_assert_cmpstr (b->digits, ==, cases[i].digits);
      g_assert_true (b->check_ok);
      g_assert_true (b->measured);
      g_assert_cmpfloat_with_epsilon (b->magnification, 1.0, 0.03);
      g_assert_true (eyl_barcode_nominal (b->symbology, &nominal, &left, &right));
      g_assert_cmpfloat (left, ==, cases[i].left);
      g_assert_cmpfloat (right, ==, cases[i].right);
      g_assert_cmpfloat_with_epsilon (b->bar_height_mm, nominal, 0.3);
    }
}

static void
test_vertical (void)
{
  g_autoptr(EylBarcode) b = NULL;
  Symbol s;

  symbol_init (&s, "EAN-13", "4006381333931");
  s.vertical = TRUE;
  s.x_mm = 40;
  s.y_mm = 15;
  b = detect_one (&s, 16.0);
  g_assert_true (b->measured);
  g_assert_true (b->vertical);
  g_assert_cmpfloat_with_epsilon (b->magnification, 1.0, 0.03);
  g_assert_cmpfloat_with_epsilon (b->bar_height_mm, 22.85, 0.3);
  /* The first bar is at the top: the left quiet zone is above it. */
  g_assert_cmpfloat_with_epsilon (b->box.y0, 15 * PT_PER_MM, 0.5);
  g_assert_cmpfloat_with_epsilon (b->quiet_left_modules, 15 / 0.33, 1.0);
}

/* The analysis raster at 3 px per mm cannot read a 100 % symbol (1 px a
 * module): its texture makes a candidate, rendered again in detail. */
static EylRaster *
render_cb (const EylRect *area,
           double         scale,
           gpointer       user_data,
           GError       **error)
{
  return render_symbol (user_data, area, scale);
}

/* @s on an analysis raster of 3 px per mm, rendered again in detail
 * where the raster is too coarse (or not, without @renderer): what the
 * reader finds. */
static GPtrArray *
detect_coarse (Symbol  *s,
               gboolean renderer)
{
  g_autoptr(EylPageData) page = page_new ();
  EylRect area = { 0, 0, page->width, page->height };
  g_autoptr(EylRaster) raster = render_symbol (s, &area, 3.0 * MM_PER_PT);
  EylRenderer r;

  eyl_renderer_init (&r);
  r.render = render_cb;
  r.user_data = s;
  return eyl_detect_barcodes (page, raster, renderer ? &r : NULL, MM_PER_PT);
}

static void
test_coarse_raster (void)
{
  g_autoptr(GPtrArray) found = NULL;
  Symbol            s;
  const EylBarcode *b;

  symbol_init (&s, "EAN-13", "4006381333931");
  s.magnification = 0.9;

  found = detect_coarse (&s, FALSE);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);

  found = detect_coarse (&s, TRUE);
  g_assert_cmpuint (found->len, ==, 1);
  b = g_ptr_array_index (found, 0);
  g_assert_cmpstr (b->digits, ==, "4006381333931");
  g_assert_cmpfloat_with_epsilon (b->magnification, 0.9, 0.03);
  g_assert_cmpfloat (b->quiet_left_modules, >=, 11);
}

/* The detail render is scanned on every few lines only (MIN_BAR_MM,
 * MIN_LINES): a truncated symbol at 80 %, its bars 5 mm tall, lying or
 * standing, is still read there and measured whole. */
static void
check_short_bars (gboolean vertical)
{
  g_autoptr(GPtrArray) found = NULL;
  Symbol            s;
  const EylBarcode *b;

  symbol_init (&s, "EAN-13", "4006381333931");
  s.magnification = 0.8;
  s.height_mm = 5.0;
  s.vertical = vertical;
  found = detect_coarse (&s, TRUE);
  g_assert_cmpuint (found->len, ==, 1);
  b = g_ptr_array_index (found, 0);
  g_assert_cmpstr (b->digits, ==, "4006381333931");
  g_assert_true (b->measured);
  g_assert_cmpint (b->vertical, ==, vertical);
  g_assert_cmpfloat_with_epsilon (b->magnification, 0.8, 0.03);
  g_assert_cmpfloat_with_epsilon (b->bar_height_mm, 5.0, 0.3);
}

static void
test_short_bars (void)
{
  check_short_bars (FALSE);
}

static void
test_short_bars_vertical (void)
{
  check_short_bars (TRUE);
}

/* The zbar scanners outlive a page: symbol after symbol, page after
 * page, the barcode reader takes the process' scanners again and
 * creates none. */
static void
test_one_scanner (void)
{
  static const char *const symbols[][2] = {
    { "EAN-13", "4006381333931" },
    { "EAN-8", "96385074" },
    { "UPC-A", "036000291452" },
  };
  Symbol s;
  guint  after_first;

  symbol_init (&s, "EAN-13", "4006381333931");
  eyl_barcode_free (detect_one (&s, 16.0));
  after_first = eyl_zbar_get_n_scanner_inits ();
  g_assert_cmpuint (after_first, >=, 1);

  for (guint i = 0; i < 3 * G_N_ELEMENTS (symbols); i++)
    {
      g_autoptr(EylBarcode) b = NULL;

      symbol_init (&s, symbols[i % G_N_ELEMENTS (symbols)][0],
                   symbols[i % G_N_ELEMENTS (symbols)][1]);
      b = detect_one (&s, 12.0 + i);
      g_assert_cmpstr (b->digits, ==, symbols[i % G_N_ELEMENTS (symbols)][1]);
    }
  g_assert_cmpuint (eyl_zbar_get_n_scanner_inits (), ==, after_first);
}

/* The red channel of a raster is scanned again when its grey reads
 * nothing (a red scanner sees what the grey may not), but only where a
 * pack symbol can read: a poster's raster of 1 px a mm gives the widest
 * module (0.66 mm) less than a pixel, a raster of 2.9 px a mm nearly 2. */
static guint
passes_over_red_symbol (double px_per_mm)
{
  g_autoptr(EylPageData) page = page_new ();
  EylRect area = { 0, 0, page->width, page->height };
  g_autoptr(EylRaster) raster = NULL;
  g_autoptr(GPtrArray) found = NULL;
  Symbol s;
  guint  before;

  symbol_init (&s, "EAN-13", "4006381333931");
  s.bar_rgb = 0xed1c24;
  raster = render_symbol (&s, &area, px_per_mm * MM_PER_PT);
  before = eyl_zbar_get_n_scans ();
  found = eyl_detect_barcodes (page, raster, NULL, MM_PER_PT);
  g_assert_cmpuint (found->len, ==, 0);
  return eyl_zbar_get_n_scans () - before;
}

static void
test_red_where_readable (void)
{
  g_assert_cmpuint (passes_over_red_symbol (1.0), ==, 1);
  g_assert_cmpuint (passes_over_red_symbol (2.9), ==, 2);
}

/* The QR reader scans the analysis raster first (barcodes with a web
 * address are its business); the barcode reader then reads that scan
 * instead of scanning the same pixels again, and reads the same.  (A
 * scale no other test draws at: scans are kept across tests.) */
static void
test_shared_scan (void)
{
  g_autoptr(EylPageData) page = page_new ();
  EylRect area = { 0, 0, page->width, page->height };
  g_autoptr(EylRaster) raster = NULL;
  g_autoptr(EylRaster) moved = NULL;
  g_autoptr(EylRaster) shifted = NULL;
  g_autoptr(GPtrArray) elements = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
  g_autoptr(GPtrArray) alone = NULL;
  g_autoptr(GPtrArray) after_qr = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) other = NULL;
  const EylBarcode *a, *b;
  Symbol            s;
  guint             n_shared = eyl_zbar_get_n_shared ();

  symbol_init (&s, "EAN-13", "4006381333931");
  raster = render_symbol (&s, &area, 10.5 * MM_PER_PT);
  s.x_mm += 3;
  moved = render_symbol (&s, &area, 10.5 * MM_PER_PT);
  s.x_mm += 3;
  shifted = render_symbol (&s, &area, 10.5 * MM_PER_PT);

  alone = eyl_detect_barcodes (page, moved, NULL, MM_PER_PT);
  g_assert_cmpuint (eyl_zbar_get_n_shared (), ==, n_shared);
  eyl_detect_qr (page, raster, NULL, elements, NULL);
  g_assert_cmpuint (elements->len, ==, 0); /* an EAN is no contact */
  after_qr = eyl_detect_barcodes (page, raster, NULL, MM_PER_PT);
  g_assert_cmpuint (eyl_zbar_get_n_shared (), ==, n_shared + 1);

  /* Shared once; other pixels of the same size are scanned anew. */
  again = eyl_detect_barcodes (page, raster, NULL, MM_PER_PT);
  other = eyl_detect_barcodes (page, shifted, NULL, MM_PER_PT);
  g_assert_cmpuint (eyl_zbar_get_n_shared (), ==, n_shared + 1);

  g_assert_cmpuint (alone->len, ==, 1);
  g_assert_cmpuint (after_qr->len, ==, 1);
  g_assert_cmpuint (again->len, ==, 1);
  g_assert_cmpuint (other->len, ==, 1);
  a = g_ptr_array_index (again, 0);
  b = g_ptr_array_index (after_qr, 0);
  g_assert_cmpstr (b->digits, ==, a->digits);
  g_assert_cmpfloat_with_epsilon (b->module_mm, a->module_mm, 1e-9);
  g_assert_cmpfloat_with_epsilon (b->box.x0, a->box.x0, 1e-9);
  g_assert_cmpfloat_with_epsilon (b->quiet_left_modules, a->quiet_left_modules, 1e-9);
  a = g_ptr_array_index (alone, 0);
  g_assert_cmpfloat_with_epsilon (b->box.x0 + 3 * PT_PER_MM, a->box.x0, 0.5);
}

/* A file of a symbol a page, read page after page and then again, as a
 * worker reads file after file: the scanners are made on the first page
 * only, and on every page the barcode reader reads the QR reader's scan
 * of the analysis raster. */
static void
test_pages_share_scans (void)
{
  static const char *const digits[] = { "4006381333931", "5901234123457", "9780201379624" };
  g_autofree char         *path = g_build_filename (eyl_fixture_dir (), "barcode-pages.pdf", NULL);
  cairo_surface_t         *surface = cairo_pdf_surface_create (path, PAGE_W_MM * PT_PER_MM,
                                                               PAGE_H_MM * PT_PER_MM);
  cairo_t                 *cr = cairo_create (surface);
  guint                    n_inits = 0;

  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    {
      Symbol s;

      symbol_init (&s, "EAN-13", digits[i]);
      symbol_draw (&s, cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EylDocument) doc = eyl_document_open (path, NULL, NULL, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
        {
          g_autoptr(EylPageData) page = eyl_document_get_page_data (doc, i, NULL, &error);
          g_autoptr(EylPageRead) read = NULL;
          EylAnalysisOptions options;
          EylRenderer        renderer;
          guint              n_shared = eyl_zbar_get_n_shared ();
          const EylBarcode  *b;

          g_assert_no_error (error);
          eyl_renderer_init (&renderer);
          g_assert_true (eyl_document_get_renderer (doc, i, &renderer));
          eyl_analysis_options_init (&options);
          options.pixels.ocr = options.pixels.logos = FALSE;
          read = eyl_read_page (page, &renderer, &options);

          g_assert_nonnull (read->packaging);
          g_assert_cmpuint (read->packaging->barcodes->len, ==, 1);
          b = g_ptr_array_index (read->packaging->barcodes, 0);
          g_assert_cmpstr (b->digits, ==, digits[i]);
          g_assert_cmpuint (eyl_zbar_get_n_shared (), ==, n_shared + 1);
          if (pass == 0 && i == 0)
            n_inits = eyl_zbar_get_n_scanner_inits ();
          else
            g_assert_cmpuint (eyl_zbar_get_n_scanner_inits (), ==, n_inits);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eyl/barcode/check-digit", test_check_digit);
  g_test_add_func ("/eyl/barcode/modules", test_modules);
  g_test_add_func ("/eyl/barcode/magnification-100", test_magnification_100);
  g_test_add_func ("/eyl/barcode/magnification-70", test_magnification_70);
  g_test_add_func ("/eyl/barcode/magnification-220", test_magnification_220);
  g_test_add_func ("/eyl/barcode/truncated", test_truncated);
  g_test_add_func ("/eyl/barcode/quiet-zone", test_quiet_zone);
  g_test_add_func ("/eyl/barcode/red-on-white", test_red_on_white);
  g_test_add_func ("/eyl/barcode/other-symbologies", test_other_symbologies);
  g_test_add_func ("/eyl/barcode/vertical", test_vertical);
  g_test_add_func ("/eyl/barcode/coarse-raster", test_coarse_raster);
  g_test_add_func ("/eyl/barcode/short-bars", test_short_bars);
  g_test_add_func ("/eyl/barcode/short-bars-vertical", test_short_bars_vertical);
  g_test_add_func ("/eyl/barcode/one-scanner", test_one_scanner);
  g_test_add_func ("/eyl/barcode/red-where-readable", test_red_where_readable);
  g_test_add_func ("/eyl/barcode/shared-scan", test_shared_scan);
  g_test_add_func ("/eyl/barcode/pages-share-scans", test_pages_share_scans);

  return g_test_run ();
}
