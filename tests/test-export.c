/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-export.c: eyeline-cli export and the core's publishing rules.
 *
 * Fixtures are banners drawn with Cairo; results are reopened with
 * Poppler: page count, text still text, no raster added to vector
 * pages, annotations present, inputs unchanged, nothing partial left. */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <poppler.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "eyl-poppler-private.h"

#include "eyl-cvd.h"
#include "eyl-export.h"
#include "eyl-export-private.h"
#include "eyl-fixtures.h"
#include "eyl-page-boxes.h"
#include "eyl-report.h"
#include "eyl-worker.h"
#include "eyl-batch.h"

#define NEED_CLI()                                                         \
  G_STMT_START                                                             \
  {                                                                        \
    if (eyl_fixture_cli () == NULL)                                        \
      {                                                                    \
        g_test_skip ("EYL_CLI is not set: run the tests with meson test"); \
        return;                                                            \
      }                                                                    \
  }                                                                        \
  G_STMT_END

static char *
checksum_of (const char *path)
{
  g_autofree char *contents = NULL;
  gsize            len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

static char *
new_dir (const char *name)
{
  g_autofree char *path = g_build_filename (eyl_fixture_dir (), name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (path, 0755), ==, 0);
  return g_steal_pointer (&path);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* The names in @dir, sorted, as one string "a b c" (hidden ones too: a
 * left-over temporary folder must show). */
static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static guint
count_images (PopplerPage *page)
{
  GList *mapping = poppler_page_get_image_mapping (page);
  guint  n = g_list_length (mapping);

  poppler_page_free_image_mapping (mapping);
  return n;
}

static char *
page_text (PopplerDocument *doc,
           int              index)
{
  PopplerPage *page = poppler_document_get_page (doc, index);
  char        *text = poppler_page_get_text (page);

  g_object_unref (page);
  return text;
}

/* The run's JSON report in @out_dir (eyeline-report.json), read back. */
static EylReport *
read_run_report (const char *out_dir)
{
  g_autofree char *path = g_build_filename (out_dir, "eyeline-report.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  EylReport *report;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  report = eyl_report_from_json (json_parser_get_root (parser), &error);
  g_assert_no_error (error);
  return report;
}

/* A banner with its contacts in the cassette: errors to draw. */
static char *
low_banner (const char *name)
{
  return eyl_fixture_banner (name, 0.1, TRUE);
}

/* Issue: a page drawn at 1:10 with /UserUnit 10 exported as 1:10 of its
 * size.  The overlay's page keeps the input's unit; the summary page, which
 * has none, keeps 1. */
static void
test_overlay_user_unit (void)
{
  EylFixtureText   texts[] = { { 10, 50, 10, "Visit www.northwind.example", 0 } };
  EylFixturePage   pg = { .width_pt = 85 * 72 / 25.4, .height_pt = 200 * 72 / 25.4, .user_unit = 10 };
  g_autofree char *input = eyl_fixture_pdf ("userunit-export.pdf", &pg, texts, 1);
  g_autofree char *out_dir = new_dir ("userunit-out");
  g_autofree char *output = g_build_filename (out_dir, "userunit-export-eyeline.pdf", NULL);
  g_autoptr(EylPdfBoxReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  EylPageBoxes boxes = { 0 };
  g_auto(EylFixtureRun) run = { 0 };

  NEED_CLI ();

  eyl_fixture_run_cli (&run, NULL, (const char *[]) { "export", "--output", out_dir, "--placement", "rollup-behind-table", "--no-ocr", "--fail-on", "never", input, NULL });
  g_assert_cmpint (run.status, ==, 0);

  reader = eyl_pdf_box_reader_open (output, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (eyl_pdf_box_reader_get_n_pages (reader), ==, 2);
  g_assert_true (eyl_pdf_box_reader_get_boxes (reader, 0, &boxes));
  g_assert_cmpfloat_with_epsilon (boxes.user_unit, 10, 1e-6);
  g_assert_true (eyl_pdf_box_reader_get_boxes (reader, 1, &boxes));
  g_assert_cmpfloat_with_epsilon (boxes.user_unit, 1, 1e-6);
  /* Still a PDF Poppler reads, page and summary. */
  {
    g_autoptr(PopplerDocument) exported = open_pdf (output);

    g_assert_cmpint (poppler_document_get_n_pages (exported), ==, 2);
  }
}

static void
test_overlay_pdf (void)
{
  g_autofree char *input = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out_dir = NULL;
  g_autofree char *output = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *original_text = NULL;
  g_autofree char *exported_text = NULL;
  g_autofree char *summary_text = NULL;
  g_autoptr(PopplerDocument) original = NULL;
  g_autoptr(PopplerDocument) exported = NULL;
  g_autofree char *title = NULL;
  g_auto(EylFixtureRun) run = { 0 };
  PopplerPage *page;

  NEED_CLI ();

  input = low_banner ("overlay-banner.pdf");
  before = checksum_of (input);
  out_dir = new_dir ("overlay-out");
  eyl_fixture_run_cli (&run, NULL, (const char *[]) { "export", "--output", out_dir, "--placement", "rollup-behind-table", "--no-ocr", input, NULL });
  g_assert_cmpint (run.status, ==, 1); /* errors found, nothing failed */

  listing = list_dir (out_dir);
  g_assert_cmpstr (listing, ==, "overlay-banner-eyeline.pdf");
  output = g_build_filename (out_dir, "overlay-banner-eyeline.pdf", NULL);
  g_assert_nonnull (strstr (run.out, output));

  original = open_pdf (input);
  exported = open_pdf (output);
  /* The page, then the summary page. */
  g_assert_cmpint (poppler_document_get_n_pages (exported), ==,
                   poppler_document_get_n_pages (original) + 1);

  /* Text stays text: every word of the original is extractable from the
   * exported page. */
  original_text = page_text (original, 0);
  exported_text = page_text (exported, 0);
  {
    g_auto(GStrv) words = g_strsplit_set (original_text, " \n", -1);
    guint n_words = 0;

    for (guint i = 0; words[i] != NULL; i++)
      {
        if (words[i][0] == '\0')
          continue;
        n_words++;
        g_assert_nonnull (strstr (exported_text, words[i]));
      }
    g_assert_cmpuint (n_words, >=, 4);
  }

  /* Vector input, vector output: no raster image on the page. */
  page = poppler_document_get_page (original, 0);
  g_assert_cmpuint (count_images (page), ==, 0);
  g_object_unref (page);
  page = poppler_document_get_page (exported, 0);
  g_assert_cmpuint (count_images (page), ==, 0);
  {
    double       w0, h0, w1, h1;
    PopplerPage *orig = poppler_document_get_page (original, 0);

    poppler_page_get_size (orig, &w0, &h0);
    poppler_page_get_size (page, &w1, &h1);
    g_assert_cmpfloat_with_epsilon (w0, w1, 0.01);
    g_assert_cmpfloat_with_epsilon (h0, h1, 0.01);
    g_object_unref (orig);
  }
  g_object_unref (page);

  /* The summary names the file and lists the findings with the fixes. */
  summary_text = page_text (exported, 1);
  g_assert_nonnull (strstr (summary_text, "overlay-banner.pdf"));
  g_assert_nonnull (strstr (summary_text, "contact-hidden"));
  g_assert_nonnull (strstr (summary_text, "Fix:"));
  g_assert_nonnull (strstr (summary_text, "Roll-up banner behind a table"));

  title = poppler_document_get_title (exported);
  g_assert_nonnull (title);
  g_assert_nonnull (strstr (title, "overlay-banner.pdf"));
  {
    g_autofree char *creator = poppler_document_get_creator (exported);

    g_assert_true (g_str_has_prefix (creator, "Eyeline"));
  }

  after = checksum_of (input);
  g_assert_cmpstr (before, ==, after);
}

static void
test_annotations (void)
{
  g_autofree char *input = NULL;
  g_autofree char *output = NULL;
  g_autofree char *out_dir = NULL;
  g_autofree char *in_bytes = NULL;
  g_autofree char *out_bytes = NULL;
  g_autofree char *text_before = NULL;
  g_autofree char *text_after = NULL;
  g_autoptr(PopplerDocument) original = NULL;
  g_autoptr(PopplerDocument) annotated = NULL;
  g_auto(EylFixtureRun) run = { 0 };
  gsize        in_len, out_len;
  PopplerPage *page;
  GList       *annots;
  guint        n_squares = 0, n_with_fix = 0;

  NEED_CLI ();

  input = low_banner ("annotations-banner.pdf");
  out_dir = new_dir ("annotations-out");
  eyl_fixture_run_cli (&run, NULL, (const char *[]) { "export", "-o", out_dir, "--mode", "annotations", "--placement", "rollup-behind-table", "--no-ocr", input, NULL });
  g_assert_cmpint (run.status, ==, 1);
  output = g_build_filename (out_dir, "annotations-banner-annotated.pdf", NULL);
  g_assert_true (g_file_test (output, G_FILE_TEST_IS_REGULAR));

  /* The original bytes come first, untouched; the comments are an
   * incremental update after them. */
  g_assert_true (g_file_get_contents (input, &in_bytes, &in_len, NULL));
  g_assert_true (g_file_get_contents (output, &out_bytes, &out_len, NULL));
  g_assert_cmpuint (out_len, >, in_len);
  g_assert_cmpmem (in_bytes, in_len, out_bytes, in_len);

  original = open_pdf (input);
  annotated = open_pdf (output);
  g_assert_cmpint (poppler_document_get_n_pages (annotated), ==,
                   poppler_document_get_n_pages (original));
  text_before = page_text (original, 0);
  text_after = page_text (annotated, 0);
  g_assert_cmpstr (text_before, ==, text_after);

  page = poppler_document_get_page (annotated, 0);
  annots = poppler_page_get_annot_mapping (page);
  for (GList *l = annots; l != NULL; l = l->next)
    {
      PopplerAnnotMapping *m = l->data;
      g_autofree char     *contents = poppler_annot_get_contents (m->annot);

      if (poppler_annot_get_annot_type (m->annot) == POPPLER_ANNOT_SQUARE)
        {
          n_squares++;
          /* On the page, not off it. */
          g_assert_cmpfloat (m->area.x2, >, m->area.x1);
          g_assert_cmpfloat (m->area.y2, >, m->area.y1);
        }
      if (contents != NULL && strstr (contents, "Fix:") != NULL)
        n_with_fix++;
    }
  poppler_page_free_annot_mapping (annots);
  g_object_unref (page);
  /* The website and the phone at least: each hidden in the cassette. */
  g_assert_cmpuint (n_squares, >=, 2);
  g_assert_cmpuint (n_with_fix, >=, n_squares);
}

/* Every mode with a relative output folder, "-o ." too: run from the
 * folder of the input. */
static void
test_relative_output (void)
{
  static const char *const modes[] = { "annotations", "overlay", "png", "walkup" };
  g_autofree char         *dir = new_dir ("relative");
  g_autofree char         *input = low_banner ("relative/flyer.pdf");

  NEED_CLI ();

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    for (guint k = 0; k < 2; k++)
      {
        const char      *output = k == 0 ? "out" : ".";
        const char      *argv[] = { eyl_fixture_cli (), "export", "-o", output, "--mode", modes[i],
                                    "--no-ocr", "--fail-on", "never", "flyer.pdf", NULL };
        g_autofree char *out = NULL;
        g_autofree char *err = NULL;
        g_autoptr(GError) error = NULL;
        int wait_status = 0;

        g_spawn_sync (dir, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                      &out, &err, &wait_status, &error);
        g_assert_no_error (error);
        g_test_message ("%s -o %s:\n%s%s", modes[i], output, out, err);
        g_assert_true (WIFEXITED (wait_status));
        g_assert_cmpint (WEXITSTATUS (wait_status), ==, 0);
        g_assert_nonnull (strstr (err, "Exported 1 of 1"));
        g_assert_true (g_str_has_prefix (out, output));
      }
  {
    g_autofree char *listing = list_dir (dir);

    g_assert_cmpstr (listing, ==,
                     "flyer-annotated.pdf flyer-eyeline.pdf flyer-eyeline.png flyer-walkup.png "
                     "flyer.pdf out");
  }
}

static void
test_png (void)
{
  g_autofree char *input = NULL;
  g_autofree char *out_dir = NULL;
  g_autofree char *output = NULL;
  g_autofree char *listing = NULL;
  g_auto(EylFixtureRun) run = { 0 };
  cairo_surface_t *png;

  NEED_CLI ();

  input = low_banner ("png-banner.pdf");
  out_dir = new_dir ("png-out");
  eyl_fixture_run_cli (&run, NULL, (const char *[]) { "export", "-o", out_dir, "--mode", "png", "--fail-on", "never", "--no-ocr", input, NULL });
  g_assert_cmpint (run.status, ==, 0);
  listing = list_dir (out_dir);
  g_assert_cmpstr (listing, ==, "png-banner-eyeline.png");

  output = g_build_filename (out_dir, "png-banner-eyeline.png", NULL);
  png = cairo_image_surface_create_from_png (output);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  /* A tall banner: 2000 px tall, proportional width. */
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 2000);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 850);
  cairo_surface_destroy (png);
}

/* The colour-vision export: four views side by side, the first as
 * drawn, the others through the core's simulation. */
static void
test_cvd (void)
{
  g_autofree char *input = g_build_filename (eyl_fixture_dir (), "cvd-page.pdf", NULL);
  g_autofree char *out_dir = new_dir ("cvd-out");
  g_autofree char *output = NULL;
  g_autofree char *listing = NULL;
  g_auto(EylFixtureRun) run = { 0 };
  cairo_surface_t *png, *pdf = cairo_pdf_surface_create (input, 200, 400);
  cairo_t         *cr = cairo_create (pdf);
  const guint32    red = 0xdd2211;
  int              width, height, w;
  const guint8    *data;
  int              stride;

  NEED_CLI ();

  cairo_set_source_rgb (cr, ((red >> 16) & 0xff) / 255.0, ((red >> 8) & 0xff) / 255.0,
                        (red & 0xff) / 255.0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (pdf);

  eyl_fixture_run_cli (&run, NULL, (const char *[]) { "export", "-o", out_dir, "--mode", "cvd", "--placement", "poster-wall", "--fail-on", "never", "--no-ocr", input, NULL });
  g_assert_cmpint (run.status, ==, 0);
  listing = list_dir (out_dir);
  g_assert_cmpstr (listing, ==, "cvd-page-colour-vision.png");

  output = g_build_filename (out_dir, "cvd-page-colour-vision.png", NULL);
  png = cairo_image_surface_create_from_png (output);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  width = cairo_image_surface_get_width (png);
  height = cairo_image_surface_get_height (png);
  data = cairo_image_surface_get_data (png);
  stride = cairo_image_surface_get_stride (png);
  /* A 200 × 400 pt page: views 700 px high, 350 wide, four of them. */
  w = 350;
  g_assert_cmpint (width, ==, 4 * w + 5 * 16);
  g_assert_cmpint (height, >, 700);
  for (int i = 0; i < 4; i++)
    {
      int     x = 16 + i * (w + 16) + w / 2, y = 16 + 350;
      guint32 px = *(const guint32 *) (data + y * stride + 4 * x) & 0xffffff;
      guint32 want = i == 0 ? red : eyl_cvd_simulate (i - 1, red);

      g_test_message ("view %d: #%06x, want #%06x", i, px, want);
      for (int c = 0; c < 24; c += 8)
        g_assert_cmpint (ABS ((int) ((px >> c) & 0xff) - (int) ((want >> c) & 0xff)), <=, 3);
    }
  cairo_surface_destroy (png);
}

/* The attention export: one map per page, the visible page on its
 * longer side, the model's heat on the one thing that draws the eye. */
static void
test_attention (void)
{
  g_autofree char *input = g_build_filename (eyl_fixture_dir (), "attention-page.pdf", NULL);
  g_autofree char *out_dir = new_dir ("attention-out");
  g_autofree char *output = NULL;
  g_autofree char *listing = NULL;
  g_auto (EylFixtureRun) run = { 0 };
  cairo_surface_t *png, *pdf = cairo_pdf_surface_create (input, 300, 600);
  cairo_t         *cr = cairo_create (pdf);
  const guint8    *data;
  int              stride, reddest_y = -1, reddest = -1;

  NEED_CLI ();

  cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.9, 0.1, 0.1);
  cairo_arc (cr, 150, 150, 30, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (pdf);

  eyl_fixture_run_cli (&run, NULL, (const char *[]) { "export", "-o", out_dir, "--mode", "attention", "--placement", "poster-wall", "--fail-on", "never", "--no-ocr", input, NULL });
  g_assert_cmpint (run.status, ==, 0);
  listing = list_dir (out_dir);
  g_assert_cmpstr (listing, ==, "attention-page-attention.png");

  output = g_build_filename (out_dir, "attention-page-attention.png", NULL);
  png = cairo_image_surface_create_from_png (output);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 1200);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 600);
  /* The hottest row (most red over green) is the disc's, in the top
   * quarter: the heat is where the eye goes. */
  data = cairo_image_surface_get_data (png);
  stride = cairo_image_surface_get_stride (png);
  for (int y = 0; y < 1200; y += 4)
    {
      guint32 px = *(const guint32 *) (data + y * stride + 4 * 300);
      int     red = (int) ((px >> 16) & 0xff) - (int) ((px >> 8) & 0xff);

      if (red > reddest)
        {
          reddest = red;
          reddest_y = y;
        }
    }
  g_test_message ("reddest row %d (%d)", reddest_y, reddest);
  g_assert_cmpint (reddest_y, >, 150);
  g_assert_cmpint (reddest_y, <, 450);
  cairo_surface_destroy (png);
}

/* An A4 leaflet of @n_pages pages, a line of text on each. */
static char *
leaflet (const char *name,
         guint       n_pages)
{
  g_autofree char *path = g_build_filename (eyl_fixture_dir (), name, NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t         *cr = cairo_create (surface);

  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *text = g_strdup_printf ("Page %u: visit www.example.org", i + 1);

      cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
      cairo_set_font_size (cr, 28);
      cairo_move_to (cr, 60, 400);
      cairo_show_text (cr, text);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_steal_pointer (&path);
}

static guint64
inode_of (const char *dir,
          const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GStatBuf         st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  return st.st_ino;
}

/* The PNGs of one file are published together or not at all, under one
 * number. */
static void
test_png_set (void)
{
  g_autofree char *input = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *p3 = NULL;
  g_autofree char *victim = NULL;
  g_autofree char *victim_sum = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *taken = NULL;
  g_auto(EylFixtureRun) first = { 0 };
  g_auto(EylFixtureRun) refused = { 0 };
  g_auto(EylFixtureRun) numbered = { 0 };
  guint64 p1_inode, p2_inode;

  NEED_CLI ();

  input = leaflet ("set.pdf", 3);
  dir = new_dir ("png-set");
  eyl_fixture_run_cli (&first, NULL, (const char *[]) { "export", "-o", dir, "--mode", "png", "--fail-on", "never", "--no-ocr", input, NULL });
  g_assert_cmpint (first.status, ==, 0);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "set-eyeline-p1.png set-eyeline-p2.png set-eyeline-p3.png");
  p1_inode = inode_of (dir, "set-eyeline-p1.png");
  p2_inode = inode_of (dir, "set-eyeline-p2.png");

  /* The third name is refused with --overwrite: the first two are not
   * replaced either. */
  p3 = g_build_filename (dir, "set-eyeline-p3.png", NULL);
  victim = eyl_fixture_banner ("png-victim.pdf", 0.1, FALSE);
  victim_sum = checksum_of (victim);
  g_assert_cmpint (g_unlink (p3), ==, 0);
  g_assert_cmpint (symlink (victim, p3), ==, 0);
  eyl_fixture_run_cli (&refused, NULL, (const char *[]) { "export", "-o", dir, "--mode", "png", "--overwrite", "--no-ocr", input, NULL });
  g_assert_cmpint (refused.status, ==, 3);
  g_assert_nonnull (strstr (refused.err, "symbolic link"));
  g_assert_cmpstr (refused.out, ==, "");
  g_assert_cmpuint (inode_of (dir, "set-eyeline-p1.png"), ==, p1_inode);
  g_assert_cmpuint (inode_of (dir, "set-eyeline-p2.png"), ==, p2_inode);
  sum = checksum_of (victim);
  g_assert_cmpstr (sum, ==, victim_sum);
  g_clear_pointer (&listing, g_free);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "set-eyeline-p1.png set-eyeline-p2.png set-eyeline-p3.png");

  /* Without --overwrite: one number for the set, free for every page
   * (-2 is taken for page 2 only). */
  taken = eyl_fixture_bytes ("png-set/set-eyeline-p2-2.png", "x", 1);
  eyl_fixture_run_cli (&numbered, NULL, (const char *[]) { "export", "-o", dir, "--mode", "png", "--fail-on", "never", "--no-ocr", input, NULL });
  g_assert_cmpint (numbered.status, ==, 0);
  g_clear_pointer (&listing, g_free);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==,
                   "set-eyeline-p1-3.png set-eyeline-p1.png set-eyeline-p2-2.png "
                   "set-eyeline-p2-3.png set-eyeline-p2.png set-eyeline-p3-3.png "
                   "set-eyeline-p3.png");
}

/* Names: a second export numbers, --overwrite replaces, and never an
 * input, a symbolic link or a hard link. */
static void
test_names_and_links (void)
{
  g_autofree char *input = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *target = NULL;
  g_autofree char *victim = NULL;
  g_autofree char *victim_sum = NULL;
  g_autofree char *input_sum = NULL;
  g_autofree char *sum = NULL;

  NEED_CLI ();

  dir = new_dir ("names");
  input = low_banner ("names/flyer.pdf");
  input_sum = checksum_of (input);

  for (guint i = 0; i < 2; i++)
    {
      g_auto(EylFixtureRun) run = { 0 };

      /* Into the input's own folder. */
      eyl_fixture_run_cli (&run, NULL, (const char *[]) { "export", "-o", dir, "--fail-on", "never", "--no-ocr", input, NULL });
      g_assert_cmpint (run.status, ==, 0);
    }
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "flyer-eyeline-2.pdf flyer-eyeline.pdf flyer.pdf");

  {
    g_auto(EylFixtureRun) run = { 0 };

    eyl_fixture_run_cli (&run, NULL, (const char *[]) { "export", "-o", dir, "--overwrite", "--fail-on", "never", "--no-ocr", input, NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_clear_pointer (&listing, g_free);
    listing = list_dir (dir);
    g_assert_cmpstr (listing, ==, "flyer-eyeline-2.pdf flyer-eyeline.pdf flyer.pdf");
  }

  /* The output name is a symbolic link to another file: refused with
   * --overwrite, and the file it points to is untouched. */
  target = g_build_filename (dir, "flyer-eyeline.pdf", NULL);
  victim = eyl_fixture_banner ("victim.pdf", 0.1, FALSE);
  victim_sum = checksum_of (victim);
  g_assert_cmpint (g_unlink (target), ==, 0);
  g_assert_cmpint (symlink (victim, target), ==, 0);
  {
    g_auto(EylFixtureRun) run = { 0 };

    eyl_fixture_run_cli (&run, NULL, (const char *[]) { "export", "-o", dir, "--overwrite", "--no-ocr", input, NULL });
    g_assert_cmpint (run.status, ==, 3);
    g_assert_nonnull (strstr (run.err, "symbolic link"));
    g_assert_nonnull (strstr (run.err, "(output)"));
  }
  g_assert_true (g_file_test (target, G_FILE_TEST_IS_SYMLINK));
  sum = checksum_of (victim);
  g_assert_cmpstr (sum, ==, victim_sum);

  /* A hard link to the input under the output's name. */
  g_assert_cmpint (g_unlink (target), ==, 0);
  g_assert_cmpint (link (input, target), ==, 0);
  {
    g_auto(EylFixtureRun) run = { 0 };

    eyl_fixture_run_cli (&run, NULL, (const char *[]) { "export", "-o", dir, "--overwrite", "--no-ocr", input, NULL });
    g_assert_cmpint (run.status, ==, 3);
    g_assert_nonnull (strstr (run.err, "input"));
  }
  g_clear_pointer (&sum, g_free);
  sum = checksum_of (input);
  g_assert_cmpstr (sum, ==, input_sum);

  /* Without --overwrite the link is left alone and the output numbered. */
  {
    g_auto(EylFixtureRun) run = { 0 };

    eyl_fixture_run_cli (&run, NULL, (const char *[]) { "export", "-o", dir, "--fail-on", "never", "--no-ocr", input, NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "flyer-eyeline-3.pdf"));
  }
  g_clear_pointer (&sum, g_free);
  sum = checksum_of (input);
  g_assert_cmpstr (sum, ==, input_sum);
  /* No temporary folder left behind by any of the runs. */
  g_clear_pointer (&listing, g_free);
  listing = list_dir (dir);
  g_assert_null (strstr (listing, ".eyeline-"));
}

/* The worker crashes, hangs or cannot write while exporting: the file
 * fails with the right code, the others are exported, nothing partial
 * is left. */
static void
test_failures_leave_nothing (void)
{
  static const struct
  {
    const char *simulate;
    const char *code;
  } cases[] = {
    { "disk-full", "output" },
    { "crash", "engine-crash" },
    { "hang", "timeout" },
  };
  g_autofree char *input = NULL;

  NEED_CLI ();

  input = low_banner ("failing.pdf");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(EylFixtureRun) run = { 0 };
      g_autofree char *name = g_strdup_printf ("fail-%s", cases[i].simulate);
      g_autofree char *dir = new_dir (name);
      g_autofree char *env = g_strdup_printf ("EYL_WORKER_SIMULATE_EXPORT=%s", cases[i].simulate);
      g_autofree char *listing = NULL;
      g_autofree char *code = g_strdup_printf ("(%s)", cases[i].code);

      eyl_fixture_run_cli (&run, (const char *[]) { env, NULL }, (const char *[]) { "export", "-o", dir, "--timeout", "3", "--no-ocr", "--report", "json", input, NULL });
      g_assert_cmpint (run.status, ==, 3);
      g_assert_nonnull (strstr (run.err, "failing.pdf"));
      g_assert_nonnull (strstr (run.err, code));
      /* Only the run's report, which records the failure. */
      listing = list_dir (dir);
      g_assert_cmpstr (listing, ==, "eyeline-report.json");
    }
}

/* Poppler's save does not report a full disk: an annotated PDF cut short
 * is never published, and never replaces a good one with --overwrite,
 * whether the disk fills within the original bytes or in the comments
 * after them. */
static void
test_annotations_disk_full (void)
{
  g_autofree char *input = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *output = NULL;
  g_autofree char *good = NULL;
  g_autofree char *after = NULL;
  g_autofree char *listing = NULL;
  g_auto(EylFixtureRun) first = { 0 };
  GStatBuf    st;
  const char *limits[2] = { "disk-full", NULL };

  NEED_CLI ();

  input = low_banner ("full-disk.pdf");
  dir = new_dir ("full-disk-out");
  eyl_fixture_run_cli (&first, NULL, (const char *[]) { "export", "-o", dir, "--mode", "annotations", "--fail-on", "never", "--no-ocr", input, NULL });
  g_assert_cmpint (first.status, ==, 0);
  output = g_build_filename (dir, "full-disk-annotated.pdf", NULL);
  good = checksum_of (output);

  /* Full a little after the original bytes: in the comments. */
  g_assert_cmpint (g_stat (input, &st), ==, 0);
  limits[1] = g_strdup_printf ("disk-full:%" G_GINT64_FORMAT, (gint64) st.st_size + 200);
  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      g_auto(EylFixtureRun) run = { 0 };
      g_autofree char *env = g_strdup_printf ("EYL_WORKER_SIMULATE_EXPORT=%s", limits[i]);

      eyl_fixture_run_cli (&run, (const char *[]) { env, NULL }, (const char *[]) { "export", "-o", dir, "--mode", "annotations", "--overwrite", "--no-ocr", input, NULL });
      g_assert_cmpint (run.status, ==, 3);
      g_assert_nonnull (strstr (run.err, "full-disk.pdf"));
      g_assert_nonnull (strstr (run.err, "(output)"));
      g_assert_nonnull (strstr (run.err, "Exported 0 of 1"));
      g_assert_cmpstr (run.out, ==, "");

      g_clear_pointer (&after, g_free);
      after = checksum_of (output);
      g_assert_cmpstr (after, ==, good);
      g_clear_pointer (&listing, g_free);
      listing = list_dir (dir);
      g_assert_cmpstr (listing, ==, "full-disk-annotated.pdf");
    }
  g_free ((char *) limits[1]);
}

/* What the read-back of an annotated PDF must pass: a file without
 * findings (Poppler copies it unchanged) and one whose update ends with a
 * binary cross-reference stream (a0-rotate-90.pdf, written by pdf-lib). */
static void
test_annotations_read_back (void)
{
  g_autofree char *clean = NULL;
  g_autofree char *badpdfs = eyl_fixture_shared_path ("badpdfs/files");
  g_autofree char *streams = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *listing = NULL;
  g_auto(EylFixtureRun) run = { 0 };

  NEED_CLI ();

  clean = eyl_fixture_banner ("clean.pdf", 0.1, FALSE);
  dir = new_dir ("read-back-out");
  if (badpdfs != NULL)
    streams = g_build_filename (badpdfs, "a0-rotate-90.pdf", NULL);
  if (streams == NULL || !g_file_test (streams, G_FILE_TEST_IS_REGULAR))
    {
      g_test_message ("no ../shared/badpdfs: the cross-reference stream case is not run");
      g_clear_pointer (&streams, g_free);
    }
  eyl_fixture_run_cli (&run, NULL, (const char *[]) { "export", "-o", dir, "--mode", "annotations", "--fail-on", "never", "--no-ocr", "--placement", "rollup-behind-table", clean, streams, NULL });
  g_assert_cmpint (run.status, ==, 0);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, streams != NULL ? "a0-rotate-90-annotated.pdf clean-annotated.pdf" : "clean-annotated.pdf");
}

static void
test_unwritable_folder (void)
{
  g_autofree char *input = NULL;
  g_autofree char *file = NULL;
  g_autofree char *below_file = NULL;
  g_auto(EylFixtureRun) run = { 0 };
  g_auto(EylFixtureRun) not_dir = { 0 };

  NEED_CLI ();

  input = low_banner ("unwritable.pdf");
  file = eyl_fixture_bytes ("plain-file", "x", 1);
  /* A folder below a plain file cannot be made, whoever runs the test. */
  below_file = g_build_filename (file, "out", NULL);
  eyl_fixture_run_cli (&run, NULL, (const char *[]) { "export", "-o", below_file, "--no-ocr", input, NULL });
  g_assert_cmpint (run.status, ==, 3);
  g_assert_nonnull (strstr (run.err, "plain-file"));

  eyl_fixture_run_cli (&not_dir, NULL, (const char *[]) { "export", "-o", file, "--no-ocr", input, NULL });
  g_assert_cmpint (not_dir.status, ==, 2);
  g_assert_nonnull (strstr (not_dir.err, "not a folder"));
}

/* eyl_batch_run iterates a private main context: cancel from a thread,
 * as a Cancel button would from the window's. */
static gpointer
cancel_soon (gpointer user_data)
{
  g_usleep (1500 * G_TIME_SPAN_MILLISECOND);
  g_cancellable_cancel (user_data);
  return NULL;
}

/* Cancelling an export kills its worker and leaves no file. */
static void
test_cancel (void)
{
  g_autoptr(EylWorkerConfig) config = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *input = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *listing = NULL;
  const char      *paths[2] = { NULL, NULL };
  EylFileResult   *result;
  GThread         *thread;

  NEED_CLI ();

  input = low_banner ("cancelled.pdf");
  dir = new_dir ("cancel-out");
  config = eyl_worker_config_new (eyl_fixture_worker ());
  eyl_worker_config_add_arg (config, "--no-ocr");
  eyl_worker_config_setenv (config, "EYL_WORKER_SIMULATE_EXPORT", "hang");
  config->export_mode = EYL_EXPORT_OVERLAY;
  config->export_dir = g_strdup (dir);
  config->timeout_s = 60;
  paths[0] = input;

  thread = g_thread_new ("cancel", cancel_soon, cancellable);
  results = eyl_batch_run (config, paths, 1, NULL, NULL, cancellable);
  g_thread_join (thread);
  g_assert_cmpuint (results->len, ==, 1);
  result = g_ptr_array_index (results, 0);
  g_assert_false (result->ok);
  g_assert_cmpint (result->error_code, ==, EYL_ERROR_CANCELLED);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "");
}

/* Waits until a name starting with @prefix shows in @dir. */
static gboolean
wait_for_entry (const char *dir,
                const char *prefix)
{
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *listing = list_dir (dir);

      if (g_str_has_prefix (listing, prefix) || strstr (listing, prefix) != NULL)
        return TRUE;
      g_usleep (100 * G_TIME_SPAN_MILLISECOND);
    }
  return FALSE;
}

/* eyeline-cli with @env added, signalled with @sig once @prefix shows
 * in @dir: it must die of @sig and leave nothing temporary behind. */
static void
interrupt_run (const char *const *env,
               const char *const *argv,
               const char        *dir,
               const char        *prefix,
               int                sig)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  process = eyl_fixture_spawn_cli (env, argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, -1);

  g_assert_true (wait_for_entry (dir, prefix));
  g_usleep (300 * G_TIME_SPAN_MILLISECOND); /* the worker at work */
  g_subprocess_send_signal (process, sig);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%s: %s", g_strsignal (sig),
                  g_subprocess_get_if_signaled (process) ? "signalled" : "exited");
  g_assert_true (g_subprocess_get_if_signaled (process));
  g_assert_cmpint (g_subprocess_get_term_sig (process), ==, sig);

  listing = list_dir (dir);
  g_assert_null (strstr (listing, prefix));
}

/* Ctrl+C, kill or a closed terminal in the middle of a run: the
 * workers' private folders and the report's temporary file are removed,
 * then the program dies of the signal. */
static void
test_signals_leave_nothing (void)
{
  static const int signals[] = { SIGINT, SIGTERM, SIGHUP };
  g_autofree char *input = NULL;

  NEED_CLI ();

  input = low_banner ("interrupted.pdf");
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    {
      g_autofree char *name = g_strdup_printf ("signal-%d", signals[i]);
      g_autofree char *dir = new_dir (name);
      g_autofree char *report = g_build_filename (dir, "report.txt", NULL);
      g_autofree char *listing = NULL;

      interrupt_run ((const char *[]) { "EYL_WORKER_SIMULATE_EXPORT=hang", NULL },
                     (const char *[]) { "export", "-o", dir, "--no-ocr", "--report", "json",
                                        input, NULL },
                     dir, ".eyeline-", signals[i]);
      listing = list_dir (dir);
      g_assert_cmpstr (listing, ==, "");

      interrupt_run ((const char *[]) { "EYL_WORKER_SIMULATE=hang", NULL },
                     (const char *[]) { "check", "-o", report, input, NULL },
                     dir, ".report.txt-", signals[i]);
      g_clear_pointer (&listing, g_free);
      listing = list_dir (dir);
      g_assert_cmpstr (listing, ==, "");
    }
}

static void
test_output_names (void)
{
  static const struct
  {
    const char   *input;
    EylExportMode mode;
    guint         page, n_pages;
    const char   *expected;
  } cases[] = {
    { "/a/b/banner.pdf", EYL_EXPORT_OVERLAY, 0, 1, "banner-eyeline.pdf" },
    { "Banner.PDF", EYL_EXPORT_ANNOTATIONS, 0, 1, "Banner-annotated.pdf" },
    { "x/poster.pdf", EYL_EXPORT_PNG, 1, 1, "poster-eyeline.png" },
    { "x/pack.pdf", EYL_EXPORT_PNG, 3, 6, "pack-eyeline-p3.png" },
    { "../../.hidden.pdf", EYL_EXPORT_OVERLAY, 0, 1, "hidden-eyeline.pdf" },
    { ".pdf", EYL_EXPORT_OVERLAY, 0, 1, "document-eyeline.pdf" },
    { "no-suffix", EYL_EXPORT_OVERLAY, 0, 1, "no-suffix-eyeline.pdf" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = eyl_export_output_name (cases[i].input, cases[i].mode,
                                                      cases[i].page, cases[i].n_pages);

      g_assert_cmpstr (name, ==, cases[i].expected);
    }

  /* A name near the file system's 255 bytes: cut to 200 so that the
   * output's fits, on a character's boundary. */
  {
    g_autoptr(GString) ascii = g_string_new ("/x/");
    g_autoptr(GString) accented = g_string_new ("/x/b");
    g_autoptr(GString) want = g_string_new ("b");
    g_autofree char *long_ascii = NULL;
    g_autofree char *long_accented = NULL;

    for (guint i = 0; i < 250; i++)
      g_string_append_c (ascii, 'a');
    g_string_append (ascii, ".pdf");
    for (guint i = 0; i < 125; i++)
      g_string_append (accented, "ä");
    g_string_append (accented, ".pdf");
    for (guint i = 0; i < 99; i++)
      g_string_append (want, "ä");
    g_string_append (want, "-colour-vision-p3.png");

    long_ascii = eyl_export_output_name (ascii->str, EYL_EXPORT_OVERLAY, 0, 1);
    g_assert_cmpuint (strlen (long_ascii), ==, 200 + strlen ("-eyeline.pdf"));
    g_assert_true (g_str_has_prefix (long_ascii, "aaaa"));
    g_assert_true (g_str_has_suffix (long_ascii, "-eyeline.pdf"));
    /* byte 200 falls inside an "ä": cut before it */
    long_accented = eyl_export_output_name (accented->str, EYL_EXPORT_CVD, 3, 12);
    g_assert_true (g_utf8_validate (long_accented, -1, NULL));
    g_assert_cmpstr (long_accented, ==, want->str);
  }
}

/* Two inputs with the same base name in one run: two outputs. */
static void
test_same_name_twice (void)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *out = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *report_path = NULL;
  g_autofree char *report = NULL;
  g_auto(EylFixtureRun) run = { 0 };

  NEED_CLI ();

  g_free (new_dir ("twice/a"));
  g_free (new_dir ("twice/b"));
  a = low_banner ("twice/a/same.pdf");
  b = eyl_fixture_banner ("twice/b/same.pdf", 0.1, FALSE);
  out = new_dir ("twice-out");
  eyl_fixture_run_cli (&run, NULL, (const char *[]) { "export", "-o", out, "--recursive", "--jobs", "2", "--report", "csv", "--no-ocr", "--fail-on", "never", a, b, NULL });
  g_assert_cmpint (run.status, ==, 0);
  listing = list_dir (out);
  g_assert_cmpstr (listing, ==, "eyeline-report.csv same-eyeline-2.pdf same-eyeline.pdf");

  /* One CSV of the run's findings: the low banner's contacts. */
  report_path = g_build_filename (out, "eyeline-report.csv", NULL);
  g_assert_true (g_file_get_contents (report_path, &report, NULL, NULL));
  g_assert_nonnull (strstr (report, "a/same.pdf"));
  g_assert_nonnull (strstr (report, "contact-hidden"));
}

/* Same-named inputs get their output names by the order they were given
 * in, not by which finishes first: the first (a long leaflet) is still
 * "same-eyeline.pdf" when the second (one page) is done long before. */
static void
test_same_name_input_order (void)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *out = NULL;
  g_autoptr(EylReport) report = NULL;
  g_auto(EylFixtureRun) run = { 0 };
  EylFileResult *first, *second;

  NEED_CLI ();

  g_free (new_dir ("order/a"));
  g_free (new_dir ("order/b"));
  a = leaflet ("order/a/same.pdf", 40);
  b = leaflet ("order/b/same.pdf", 1);
  out = new_dir ("order-out");
  eyl_fixture_run_cli (&run, NULL, (const char *[]) { "export", "-o", out, "--jobs", "2", "--report", "json", "--no-ocr", "--no-qr", "--no-logos", "--fail-on", "never", a, b, NULL });
  g_assert_cmpint (run.status, ==, 0);

  report = read_run_report (out);
  first = g_ptr_array_index (report->files, 0);
  second = g_ptr_array_index (report->files, 1);
  g_assert_true (g_str_has_suffix (first->path, "a/same.pdf"));
  g_assert_cmpuint (first->outputs->len, ==, 1);
  g_assert_cmpuint (second->outputs->len, ==, 1);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (first->outputs, 0), "/same-eyeline.pdf"));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (second->outputs, 0), "/same-eyeline-2.pdf"));
  /* and in that order on standard output */
  g_assert_true (strstr (run.out, "same-eyeline.pdf") < strstr (run.out, "same-eyeline-2.pdf"));
}

/* A folder of corpus files with two workers: one output per input and a
 * combined report that parses. */
static void
test_corpus_batch (void)
{
  g_autofree char *files = eyl_fixture_shared_path ("corpus/files");
  g_autofree char *out = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(EylReport) report = NULL;
  g_auto(EylFixtureRun) run = { 0 };
  guint       n_inputs = 0;
  const char *name;

  NEED_CLI ();
  if (files == NULL || !g_file_test (files, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no corpus (../shared/corpus/files): batch export not run");
      return;
    }
  if (!g_test_slow ())
    {
      g_test_skip ("the corpus batch runs with -m slow (make test does)");
      return;
    }

  dir = g_dir_open (files, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".pdf"))
      n_inputs++;

  out = new_dir ("corpus-out");
  eyl_fixture_run_cli (&run, NULL, (const char *[]) { "export", "-o", out, "--jobs", "2", "--report", "json", "--fail-on", "never", files, NULL });
  g_assert_cmpint (run.status, ==, 0);

  report = read_run_report (out);
  g_assert_cmpuint (report->files->len, ==, n_inputs);
  for (guint i = 0; i < report->files->len; i++)
    {
      EylFileResult   *file = g_ptr_array_index (report->files, i);
      g_autofree char *expected = eyl_export_output_name (file->path, EYL_EXPORT_OVERLAY, 0, 1);
      g_autofree char *path = g_build_filename (out, expected, NULL);
      g_autoptr(PopplerDocument) doc = NULL;

      g_assert_true (file->ok);
      g_assert_cmpuint (file->outputs->len, ==, 1);
      g_assert_cmpstr (file->outputs->pdata[0], ==, path);
      doc = open_pdf (path);
      g_assert_cmpint (poppler_document_get_n_pages (doc), >, (int) file->n_pages);
    }
}

/* The summary page quotes the file's text in the report's font: a
 * script no installed font covers would show as boxes with hex codes
 * (a box's Chinese product line on a machine without CJK fonts).  Such
 * runs become an ellipsis; markup, entities and the rest stay.  Code
 * points no Unicode version assigns have a glyph in no font anywhere. */
static void
test_missing_glyphs (void)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t         *cr = cairo_create (surface);
  PangoLayout     *layout = pango_cairo_create_layout (cr);
  const char      *plain = "<b>Info</b> · rule\nThe line “Tea &amp; more” is small.";
  const char      *odd = "<b>Info</b> · rule\nThe line “\u0378\u0379 tea \u0378” &amp; <i>more</i>.";
  g_autofree char *drawable = NULL;

  pango_layout_set_markup (layout, plain, -1);
  g_assert_null (eyl_export_markup_drawable (layout, plain));

  pango_layout_set_markup (layout, odd, -1);
  g_assert_cmpint (pango_layout_get_unknown_glyphs_count (layout), >, 0);
  drawable = eyl_export_markup_drawable (layout, odd);
  g_assert_cmpstr (drawable, ==, "<b>Info</b> · rule\nThe line “… tea …” &amp; <i>more</i>.");
  pango_layout_set_markup (layout, drawable, -1);
  g_assert_cmpint (pango_layout_get_unknown_glyphs_count (layout), ==, 0);

  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eyl/export/output-names", test_output_names);
  g_test_add_func ("/eyl/export/missing-glyphs", test_missing_glyphs);
  g_test_add_func ("/eyl/export/overlay-pdf", test_overlay_pdf);
  g_test_add_func ("/eyl/export/overlay-user-unit", test_overlay_user_unit);
  g_test_add_func ("/eyl/export/annotations", test_annotations);
  g_test_add_func ("/eyl/export/png", test_png);
  g_test_add_func ("/eyl/export/cvd", test_cvd);
  g_test_add_func ("/eyl/export/attention", test_attention);
  g_test_add_func ("/eyl/export/relative-output", test_relative_output);
  g_test_add_func ("/eyl/export/png-set", test_png_set);
  g_test_add_func ("/eyl/export/names-and-links", test_names_and_links);
  g_test_add_func ("/eyl/export/same-name-twice", test_same_name_twice);
  g_test_add_func ("/eyl/export/same-name-input-order", test_same_name_input_order);
  g_test_add_func ("/eyl/export/failures-leave-nothing", test_failures_leave_nothing);
  g_test_add_func ("/eyl/export/annotations-disk-full", test_annotations_disk_full);
  g_test_add_func ("/eyl/export/annotations-read-back", test_annotations_read_back);
  g_test_add_func ("/eyl/export/unwritable-folder", test_unwritable_folder);
  g_test_add_func ("/eyl/export/cancel", test_cancel);
  g_test_add_func ("/eyl/export/signals-leave-nothing", test_signals_leave_nothing);
  g_test_add_func ("/eyl/export/corpus-batch", test_corpus_batch);

  return g_test_run ();
}
