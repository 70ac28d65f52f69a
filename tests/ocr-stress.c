/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ocr-stress: the generated OCR stress set (eyl-ocr-stress.h), analysed
 * and tabulated: recall of the contact lines by condition.  `make eval`
 * runs it after the corpus.
 *
 *   ocr-stress [--pages N] [--px-per-mm N] [--jobs N] [--page N] [--misses] */
#include "config.h"

#include <locale.h>

#include "eyl-fixtures.h"
#include "eyl-ocr-stress.h"

int
main (int   argc,
      char *argv[])
{
  int                pages = 96, jobs = 0, only = -1;
  double             px_per_mm = 1.0;
  gboolean           misses = FALSE;
  const GOptionEntry entries[] = {
    { "pages", 0, 0, G_OPTION_ARG_INT, &pages, "Pages of four contact lines (default 96)", "N" },
    { "px-per-mm", 0, 0, G_OPTION_ARG_DOUBLE, &px_per_mm, "Analysis raster, px per mm (default 1)", "N" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, "Pages analysed at once (default: the processors)", "N" },
    { "page", 0, 0, G_OPTION_ARG_INT, &only, "Only this page (from 0), to look at it closely", "N" },
    { "misses", 'v', 0, G_OPTION_ARG_NONE, &misses, "List each line missed and what was read there", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EylStressSet) set = NULL;
  g_autofree char *table = NULL;

  setlocale (LC_ALL, "");
  g_option_context_set_summary (context, "Recall of contact lines on generated pages, by condition.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || pages < 1 || px_per_mm <= 0)
    {
      g_printerr ("ocr-stress: %s\n", error != NULL ? error->message : "bad arguments");
      return 2;
    }

  set = eyl_stress_set_new ((guint) pages, EYL_STRESS_SEED);
  if (only >= 0 && only < pages)
    eyl_stress_set_keep_only (set, (guint) only);
  if (!eyl_stress_set_run (set, eyl_fixture_dir (), px_per_mm,
                           jobs > 0 ? (guint) jobs : g_get_num_processors (), &error))
    {
      g_printerr ("ocr-stress: %s\n", error->message);
      return 1;
    }
  table = eyl_stress_set_table (set, EYL_STRESS_MIN_CAP_PX, misses);
  g_print ("%s", table);
  return 0;
}
