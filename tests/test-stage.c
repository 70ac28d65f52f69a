/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-stage.c: the CPU time line of EYL_STAGE_TIMES (eyl-stage.c): every
 * stage named, the counts, and one count per Poppler pass. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "eyl-analysis.h"
#include "eyl-document.h"
#include "eyl-fixtures.h"
#include "eyl-raster.h"
#include "eyl-stage.h"

/* The value of " KEY=" in @line, or -1 when it is not there. */
static double
field (const char *line,
       const char *key)
{
  g_autofree char *needle = g_strdup_printf (" %s=", key);
  const char      *at = strstr (line, needle);

  return at != NULL ? g_ascii_strtod (at + strlen (needle), NULL) : -1;
}

/* The line the test's subprocess wrote into @path. */
static char *
read_line (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strchr (text, '\n'));
  return text;
}

/* Runs the subprocess of the current test with EYL_STAGE_TIMES set to a
 * new file; returns the line it wrote when it exited. */
static char *
run_child (void)
{
  g_autofree char *path = g_build_filename (eyl_fixture_dir (), "stages.tsv", NULL);

  g_remove (path);
  g_setenv ("EYL_STAGE_TIMES", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("EYL_STAGE_TIMES");
  g_test_trap_assert_passed ();
  return read_line (path);
}

static void
test_names (void)
{
  g_autofree char *line = NULL;

  if (g_test_subprocess ())
    {
      EylStage outer = eyl_stage_enter (EYL_STAGE_ATTENTION);
      EylStage inner = eyl_stage_enter (EYL_STAGE_BARCODES);

      g_assert_cmpint (inner, ==, EYL_STAGE_ATTENTION);
      eyl_stage_leave (inner);
      eyl_stage_leave (outer);
      eyl_stage_count ("things");
      eyl_stage_count ("things");
      return;
    }

  /* Stage names are unique: they are the columns of the bench table. */
  for (guint i = 0; i < EYL_N_STAGES; i++)
    for (guint k = i + 1; k < EYL_N_STAGES; k++)
      g_assert_cmpstr (eyl_stage_to_string (i), !=, eyl_stage_to_string (k));

  line = run_child ();
  /* What was "other": the attention model and the barcode search. */
  g_assert_cmpfloat (field (line, "attention"), >=, 0);
  g_assert_cmpfloat (field (line, "barcodes"), >=, 0);
  g_assert_cmpfloat (field (line, "other"), >=, 0);
  g_assert_cmpfloat (field (line, "n_things"), ==, 2);
}

static void
test_poppler_passes (void)
{
  g_autofree char *line = NULL;

  if (g_test_subprocess ())
    {
      EylFixtureText texts[] = {
        { 40, 100, 48, "HEFT LINE", 0x000000 },
      };
      EylFixturePage   pg = { .width_pt = 400, .height_pt = 300 };
      g_autofree char *path = eyl_fixture_pdf ("passes.pdf", &pg, texts, G_N_ELEMENTS (texts));
      g_autoptr(GError) error = NULL;
      g_autoptr(EylDocument) doc = eyl_document_open (path, NULL, NULL, &error);
      g_autoptr(EylPageData) page = NULL;
      g_autoptr(EylPageAnalysis) analysis = NULL;
      EylAnalysisOptions options;
      EylRenderer        renderer;
      EylRect            area = { 10, 10, 200, 150 };

      g_assert_no_error (error);
      /* The text layer costs no pass. */
      page = eyl_document_get_page_data (doc, 0, NULL, &error);
      g_assert_no_error (error);
      eyl_renderer_init (&renderer);
      g_assert_true (eyl_document_get_renderer (doc, 0, &renderer));
      for (guint i = 0; i < 2; i++)
        {
          g_autoptr(EylRaster) raster = eyl_renderer_render (&renderer, &area, 2.0, &error);

          g_assert_no_error (error);
          g_assert_nonnull (raster);
        }
      /* Large text only: its cap heights are measured on the analysis
       * raster, the read's one pass. */
      eyl_analysis_options_init (&options);
      options.pixels.ocr = options.pixels.qr = options.pixels.logos = FALSE;
      analysis = eyl_analyse_page_full (page, &renderer, &options);
      g_assert_nonnull (analysis);
      return;
    }

  line = run_child ();
  g_assert_cmpfloat (field (line, "n_poppler-passes"), ==, 3);
  g_assert_cmpfloat (field (line, "render"), >=, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/eyl/stage/names", test_names);
  g_test_add_func ("/eyl/stage/poppler-passes", test_poppler_passes);
  return g_test_run ();
}
