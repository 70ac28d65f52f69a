/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-bench-evaluate FILE [N [names]]: the placement-edit latency
 * (DESIGN.md 3.5).  Reads FILE once (the worker's Read stage, here
 * in-process), then evaluates the whole file N times (default 100) with
 * the viewers' eye heights, the table and the legibility standard changing
 * on every edit, as the window does when the placement panel changes
 * (eyl_file_result_evaluate()); with "names", the brand kit's names change
 * instead, as when they are edited in the Brand Kit dialog.  Prints one
 * line:
 *   FILE  read_s  p50_ms  p95_ms  max_ms
 * The overlay's redraw is not included (GTK draws it on the next frame). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "eyl-analysis.h"
#include "eyl-batch.h"
#include "eyl-document.h"

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static EylFileResult *
read_file (const char               *path,
           const EylAnalysisOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EylDocument) document = eyl_document_open (path, NULL, NULL, &error);
  EylFileResult *result;
  guint          n_pages;

  if (document == NULL)
    {
      g_printerr ("%s: %s\n", path, error->message);
      exit (1);
    }
  result = eyl_file_result_new (path);
  n_pages = eyl_document_get_n_pages (document);
  result->n_pages = n_pages;
  for (guint i = 0; i < n_pages; i++)
    {
      g_autoptr(EylPageData) page = eyl_document_get_page_data (document, i, NULL, NULL);
      EylRenderer renderer;

      if (page == NULL)
        continue;
      eyl_renderer_init (&renderer);
      if (!eyl_document_get_renderer (document, i, &renderer))
        renderer.render = NULL;
      g_ptr_array_add (result->pages,
                       eyl_analyse_page_in_piece (page, &renderer, options,
                                                  result->pages->len > 0
                                                      ? g_ptr_array_index (result->pages, 0)
                                                      : NULL));
    }
  eyl_analysis_judge_piece (result->pages);
  /* As the window gets them: the reads through the worker's channel,
   * without pixels. */
  for (guint i = 0; i < result->pages->len; i++)
    {
      EylPageAnalysis *analysis = g_ptr_array_index (result->pages, i);

      if (analysis->read != NULL)
        eyl_page_read_drop_pixels (analysis->read);
    }
  return result;
}

int
main (int    argc,
      char **argv)
{
  static const EylLegibility standards[] = {
    EYL_LEGIBILITY_1_200,
    EYL_LEGIBILITY_20_ARCMIN,
    EYL_LEGIBILITY_1_300,
  };
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EylPlacementSet) set = NULL;
  g_autoptr(EylFileResult) read = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  EylAnalysisOptions       options;
  static const char *const names[] = {
    "Northwind;Northwind Tea",
    "OSGeo;Open Source Geospatial Foundation",
    "Freifunk",
    "Tea",
  };
  guint    n = argc > 2 ? (guint) atoi (argv[2]) : 100;
  gboolean edit_names = argc > 3 && g_str_equal (argv[3], "names");
  gint64   t0;
  double   read_s;

  if (argc < 2 || n == 0)
    {
      g_printerr ("usage: eyl-bench-evaluate FILE [N [names]]\n");
      return 2;
    }

  set = eyl_placement_set_new_default (warnings);
  eyl_analysis_options_init (&options);
  options.placements = set;

  t0 = g_get_monotonic_time ();
  read = read_file (argv[1], &options);
  read_s = (g_get_monotonic_time () - t0) / 1e6;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EylFileResult) evaluated = NULL;
      g_autoptr(EylBrandKit) kit = NULL;
      gint64 start;

      if (edit_names)
        {
          /* One edit: the kit's names, matched on the text layers. */
          kit = eyl_brand_kit_new ();
          g_strfreev (kit->names);
          kit->names = g_strsplit (names[i % G_N_ELEMENTS (names)], ";", -1);
          options.brand_kit = kit;
        }
      else
        {
          /* One edit: the viewers, the table and the standard move. */
          options.overrides.eye_min_mm = 1100 + (i % 7) * 50;
          options.overrides.eye_max_mm = 1600 + (i % 5) * 50;
          options.overrides.table_mm = (i % 3) * 380;
          options.legibility = standards[i % G_N_ELEMENTS (standards)];
        }

      start = g_get_monotonic_time ();
      evaluated = eyl_file_result_evaluate (read, &options);
      g_array_append_val (times, (double) { (g_get_monotonic_time () - start) / 1e3 });
      if (evaluated == NULL)
        {
          g_printerr ("%s: cannot be evaluated without a new read\n", argv[1]);
          return 1;
        }
    }

  g_array_sort (times, compare_double);
  printf ("%s\t%.2f\t%.3f\t%.3f\t%.3f\n", argv[1], read_s,
          g_array_index (times, double, n / 2),
          g_array_index (times, double, MIN (n - 1, (guint) (n * 0.95))),
          g_array_index (times, double, n - 1));
  return 0;
}
