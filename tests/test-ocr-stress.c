/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ocr-stress: the generated stress set (eyl-ocr-stress.h) through the
 * analysis: every contact line whose capitals are at least
 * EYL_STRESS_MIN_CAP_PX tall on the analysis raster is found (98 %), and
 * OCR invents no contact where none was drawn.  The table by condition
 * is in the test's log. */
#include "config.h"

#include "eyl-fixtures.h"
#include "eyl-ocr-stress.h"

/* Pages of four lines: enough for every level of every condition to be
 * drawn a few dozen times, within a couple of minutes on two cores. */
#define N_PAGES 96

static void
log_table (const char *table)
{
  g_auto(GStrv) lines = g_strsplit (table, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      g_test_message ("%s", lines[i]);
}

static void
test_recall (void)
{
  g_autoptr(EylStressSet) set = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *table = NULL;
  guint            found, n;

  if (!eyl_fixture_have_ocr ())
    return;

  set = eyl_stress_set_new (N_PAGES, EYL_STRESS_SEED);
  eyl_stress_set_run (set, eyl_fixture_dir (), 1.0, g_get_num_processors (), &error);
  g_assert_no_error (error);
  table = eyl_stress_set_table (set, EYL_STRESS_MIN_CAP_PX, TRUE);
  log_table (table);

  eyl_stress_set_recall (set, EYL_STRESS_MIN_CAP_PX, &found, &n);
  g_assert_cmpuint (n, >=, N_PAGES * 2);
  g_assert_cmpfloat ((double) found / n, >=, 0.98);
  g_assert_cmpuint (eyl_stress_set_spurious (set), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eyl/ocr-stress/recall", test_recall);

  return g_test_run ();
}
