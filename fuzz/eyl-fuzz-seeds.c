/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-fuzz-seeds.c: the built-in seeds of every fuzz target.
 *
 * Page snapshots written in the analysis target's format, reports and
 * worker results made from them by the real engine, brand kits, and the
 * placement presets with a few broken variants. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-fuzz"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "eyl-fuzz-targets.h"
#include "eyl-placement.h"
#include "eyl-report.h"

#define PT_PER_MM   (72.0 / 25.4)
#define MAX_SIDE_PT 20000.0

typedef struct
{
  const char *dir;
  guint       n;
} Seeds;

static gboolean
write_seed (const char *dir,
            const char *name,
            const void *data,
            gsize       size,
            GError    **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_set_contents (path, data, size, error);
}

/* Analysis inputs ---------------------------------------------------------- */

static void
number (EylFuzzWriter *w,
        double         value)
{
  eyl_fuzz_writer_number (w, value, MAX_SIDE_PT);
}

static void
rect (EylFuzzWriter *w,
      double         x0,
      double         y0,
      double         x1,
      double         y1)
{
  number (w, x0);
  number (w, y0);
  number (w, x1);
  number (w, y1);
}

static void
text (EylFuzzWriter *w,
      const char    *utf8,
      double         x0,
      double         y0,
      double         x1,
      double         y1,
      double         size,
      guint32        color,
      guint8         font)
{
  eyl_fuzz_writer_u8 (w, 0);
  rect (w, x0, y0, x1, y1);
  eyl_fuzz_writer_number (w, size, 1000);
  eyl_fuzz_writer_u8 (w, (color >> 16) & 0xff);
  eyl_fuzz_writer_u8 (w, (color >> 8) & 0xff);
  eyl_fuzz_writer_u8 (w, color & 0xff);
  eyl_fuzz_writer_u8 (w, font);
  eyl_fuzz_writer_text (w, utf8);
}

static void
image (EylFuzzWriter *w,
       double         x0,
       double         y0,
       double         x1,
       double         y1,
       double         px_w,
       double         px_h)
{
  eyl_fuzz_writer_u8 (w, 2);
  rect (w, x0, y0, x1, y1);
  eyl_fuzz_writer_number (w, px_w, 20000);
  eyl_fuzz_writer_number (w, px_h, 20000);
}

static void
add_link (EylFuzzWriter *w,
          double         x0,
          double         y0,
          double         x1,
          double         y1,
          const char    *uri)
{
  eyl_fuzz_writer_u8 (w, 3);
  rect (w, x0, y0, x1, y1);
  eyl_fuzz_writer_text (w, uri);
}

/* flags, placement choice (0 auto, n the n-th preset), legibility, no
 * overrides; the kit when flags say so; the raster background. */
static void
header (EylFuzzWriter *w,
        guint8         flags,
        guint8         choice,
        guint8         legibility)
{
  eyl_fuzz_writer_u8 (w, flags);
  eyl_fuzz_writer_u8 (w, choice);
  eyl_fuzz_writer_u8 (w, legibility);
  eyl_fuzz_writer_u8 (w, 0);
  if (flags & 0x02)
    {
      eyl_fuzz_writer_text (w, "Northwind Tea;Northwind");
      eyl_fuzz_writer_text (w, "www.northwind-tea.example");
      eyl_fuzz_writer_text (w, "hello@northwind-tea.example");
      eyl_fuzz_writer_text (w, "+44 20 7946 0958");
    }
  eyl_fuzz_writer_u8 (w, 0xf4);
  eyl_fuzz_writer_u8 (w, 0xf0);
  eyl_fuzz_writer_u8 (w, 0xe0);
}

/* The roll-up banner of the samples, in page pt at @scale of 850 × 2000 mm. */
static void
banner_page (EylFuzzWriter *w,
             double         scale,
             guint8         box_flags)
{
  double k = PT_PER_MM * scale;
  double width = 850 * k, height = 2000 * k;

  number (w, width);
  number (w, height);
  eyl_fuzz_writer_u8 (w, box_flags);
  if (box_flags & 0x80)
    {
      if (box_flags & 0x20)
        eyl_fuzz_writer_number (w, 2, 100);
      if (box_flags & 0x01)
        rect (w, 10 * k, 10 * k, width - 10 * k, height - 10 * k);
      if (box_flags & 0x02)
        rect (w, 0, 0, width, height);
    }

  text (w, "NORTHWIND TEA", 60 * k, 150 * k, 790 * k, 260 * k, 110 * k, 0x1a3a2a, 1);
  text (w, "Fresh leaves, honest prices", 60 * k, 300 * k, 790 * k, 360 * k, 50 * k, 0x333333, 0);
  text (w, "We are the best tea company in town.\nOur teas are the finest we know.",
        60 * k, 500 * k, 790 * k, 560 * k, 20 * k, 0x555555, 0);
  text (w, "Order today", 60 * k, 1200 * k, 500 * k, 1260 * k, 44 * k, 0xffffff, 2);
  image (w, 600 * k, 1300 * k, 790 * k, 1490 * k, 290, 290);
  text (w, "www.northwind-tea.example", 60 * k, 1750 * k, 700 * k, 1790 * k, 30 * k, 0x000000, 0);
  add_link (w, 60 * k, 1750 * k, 700 * k, 1790 * k, "https://www.northwind-tea.example/");
  text (w, "hello@northwind-tea.example  +44 20 7946 0958  @northwindtea",
        60 * k, 1850 * k, 790 * k, 1870 * k, 12 * k, 0x000000, 0);
  text (w, "Design: studio.example", 60 * k, 1950 * k, 200 * k, 1955 * k, 4 * k, 0x999999, 7);
}

static gboolean
add_analysis_seed (Seeds         *seeds,
                   EylFuzzWriter *w,
                   GPtrArray     *inputs,
                   GError       **error)
{
  GBytes          *bytes = eyl_fuzz_writer_free_to_bytes (w);
  g_autofree char *name = g_strdup_printf ("seed-%02u", seeds->n++);
  gsize            size;
  const void      *data = g_bytes_get_data (bytes, &size);

  g_ptr_array_add (inputs, bytes);
  return write_seed (seeds->dir, name, data, size, error);
}

static gboolean
write_analysis_seeds (const char *dir,
                      GPtrArray  *inputs,
                      GError    **error)
{
  Seeds seeds = { dir, 0 };
  g_autoptr(EylPlacementSet) set = eyl_placement_set_new_default (NULL);
  g_autoptr(GPtrArray) list = eyl_placement_set_list (set);
  EylFuzzWriter *w;

  /* The banner with every preset, 1:1 and 1:10. */
  for (guint i = 0; i <= list->len; i++)
    {
      w = eyl_fuzz_writer_new ();
      header (w, 0, i, i % 5);
      banner_page (w, i % 2 == 0 ? 1.0 : 0.1, 0);
      if (!add_analysis_seed (&seeds, w, inputs, error))
        return FALSE;
    }

  /* Pixels (contrast), a brand kit, trim and bleed boxes, UserUnit 2. */
  w = eyl_fuzz_writer_new ();
  header (w, 0x03, 0, 0);
  banner_page (w, 0.1, 0x80 | 0x20 | 0x01 | 0x02);
  if (!add_analysis_seed (&seeds, w, inputs, error))
    return FALSE;

  /* Rotated, with a failing renderer. */
  w = eyl_fuzz_writer_new ();
  header (w, 0x05, 1, 1);
  banner_page (w, 0.25, 0x80 | 0x08);
  if (!add_analysis_seed (&seeds, w, inputs, error))
    return FALSE;

  /* Overrides: a user size and viewers. */
  w = eyl_fuzz_writer_new ();
  eyl_fuzz_writer_u8 (w, 0x01);
  eyl_fuzz_writer_u8 (w, 1);
  eyl_fuzz_writer_u8 (w, 2);
  eyl_fuzz_writer_u8 (w, 0x7f);
  eyl_fuzz_writer_number (w, 850, 100000);
  eyl_fuzz_writer_number (w, 2000, 100000);
  eyl_fuzz_writer_number (w, 3, 100);
  eyl_fuzz_writer_number (w, 1100, 3000);
  eyl_fuzz_writer_number (w, 1900, 3000);
  eyl_fuzz_writer_number (w, 900, 3000);
  eyl_fuzz_writer_number (w, 400, 10000);
  eyl_fuzz_writer_u8 (w, 0xff);
  eyl_fuzz_writer_u8 (w, 0xff);
  eyl_fuzz_writer_u8 (w, 0xff);
  banner_page (w, 0.5, 0);
  if (!add_analysis_seed (&seeds, w, inputs, error))
    return FALSE;

  /* An A4 leaflet with per-glyph boxes, measured lines and a warning. */
  w = eyl_fuzz_writer_new ();
  header (w, 0x01, 0, 3);
  number (w, 595.3);
  number (w, 841.9);
  eyl_fuzz_writer_u8 (w, 0);
  eyl_fuzz_writer_u8 (w, 1);
  rect (w, 50, 50, 60, 62);
  eyl_fuzz_writer_number (w, 12, 1000);
  eyl_fuzz_writer_u8 (w, 0);
  eyl_fuzz_writer_u8 (w, 0);
  eyl_fuzz_writer_u8 (w, 0x80);
  eyl_fuzz_writer_u8 (w, 0);
  eyl_fuzz_writer_text (w, "Call 0800 123 4567");
  eyl_fuzz_writer_number (w, 7, 1000);
  eyl_fuzz_writer_number (w, 0, 1000);
  for (guint i = 0; i < strlen ("Call 0800 123 4567"); i++)
    eyl_fuzz_writer_u8 (w, 0);
  eyl_fuzz_writer_u8 (w, 5);
  eyl_fuzz_writer_u8 (w, 0);
  eyl_fuzz_writer_number (w, 8.6, 1000);
  eyl_fuzz_writer_number (w, 6.2, 1000);
  eyl_fuzz_writer_u8 (w, 4);
  eyl_fuzz_writer_text (w, "The page has an annotation that is not printed.");
  text (w, "Scan me", 400, 700, 500, 712, 10, 0, 0);
  image (w, 400, 720, 460, 780, 33, 33);
  if (!add_analysis_seed (&seeds, w, inputs, error))
    return FALSE;

  /* Empty; absurd and special numbers. */
  w = eyl_fuzz_writer_new ();
  header (w, 0, 0, 0);
  number (w, 0);
  number (w, 0);
  if (!add_analysis_seed (&seeds, w, inputs, error))
    return FALSE;

  w = eyl_fuzz_writer_new ();
  header (w, 0x01, 3, 4);
  number (w, NAN);
  number (w, INFINITY);
  eyl_fuzz_writer_u8 (w, 0xc1);
  rect (w, -INFINITY, NAN, 1e9, -5);
  text (w, "www.example.org", NAN, 10, 20, INFINITY, -3, 0x123456, 3);
  image (w, 0, 0, 0, 0, -1, NAN);
  add_link (w, -10, -10, 1e9, 1e9, "mailto:");
  return add_analysis_seed (&seeds, w, inputs, error);
}

/* Reports by the real engine ---------------------------------------------- */

static gboolean
write_report_seeds (const char *dir,
                    GPtrArray  *inputs,
                    GError    **error)
{
  g_autoptr(GError) file_error = NULL;
  g_autoptr(EylReport) failed = eyl_report_new ();
  g_autofree char *failed_json = NULL;

  for (guint i = 0; i < inputs->len; i++)
    {
      GBytes       *input = g_ptr_array_index (inputs, i);
      gsize         size;
      const guint8 *data = g_bytes_get_data (input, &size);
      g_autoptr(EylReport) report = eyl_fuzz_analyse (data, size);
      g_autofree char *json = eyl_report_format_json (report);
      g_autoptr(JsonNode) node = eyl_file_result_to_json (g_ptr_array_index (report->files, 0));
      g_autofree char *worker = eyl_report_json_node_to_string (node, FALSE);
      g_autofree char *name = g_strdup_printf ("report-%02u.json", i);
      g_autofree char *worker_name = g_strdup_printf ("worker-%02u.json", i);

      /* Both kinds for a few, reports for the rest: enough to start. */
      if (!write_seed (dir, name, json, strlen (json), error) ||
          (i % 4 == 0 && !write_seed (dir, worker_name, worker, strlen (worker), error)))
        return FALSE;
    }

  g_set_error_literal (&file_error, EYL_ERROR, EYL_ERROR_ENCRYPTED, "banner.pdf: needs a password");
  g_ptr_array_add (failed->files, eyl_file_result_new_error ("banner.pdf", file_error));
  failed_json = eyl_report_format_json (failed);
  return write_seed (dir, "report-failed.json", failed_json, strlen (failed_json), error);
}

/* Brand kits ---------------------------------------------------------------- */

static gboolean
write_brand_kit_seeds (const char *dir,
                       GError    **error)
{
  static const char *const kits[] = {
    ("# A brand kit\n[Brand]\nnames=Northwind Tea;Northwind\nwebsite=www.northwind-tea.example\n"
     "email=hello@northwind-tea.example\nphone=+44 20 7946 0958\nlogos=logo.png;logo.svg\n"),
    "[Brand]\nemail=Hello@Shop.Osgeo.org\n",
    "[Brand]\nnames=Ünïcödé GmbH;\\sspace\\;semi\nwebsite=https://example.com/a?b=c\n",
    "[Brand]\nnames=\nwebsite=\nlogos=\n",
    "[Brand]\nwebsite=not a website\n",
    "[Brand]\nphone=12\n",
    "[Brand]\nlogos=missing.png\n",
    "[Other]\nnames=x\n",
    "not a key file\n",
    "[Brand]\nnames=A\n[Brand]\nnames=B\n[Extra]\nkey=1\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (kits); i++)
    {
      g_autofree char *name = g_strdup_printf ("kit-%02u.ini", i);

      if (!write_seed (dir, name, kits[i], strlen (kits[i]), error))
        return FALSE;
    }
  return TRUE;
}

/* Placements ---------------------------------------------------------------- */

static gboolean
write_placement_seeds (const char *dir,
                       GError    **error)
{
  static const char *const broken[] = {
    "[Placement]\nid=x\nkind=poster\nsizes_mm=594x841\ndistance_m=2\neye_min_mm=1400\neye_max_mm=1800\n",
    "[Placement]\nid=x\nkind=shelf\nsizes_mm=100 × 50;1e5x1\ndistance_m=nan\neye_min_mm=1400\neye_max_mm=1800\n",
    "[Placement]\nid=x\nkind=rollup\nsizes_mm=-1x2\ndistance_m=inf\neye_min_mm=-4\neye_max_mm=1\n",
    "[Placement]\nid=auto\nkind=nope\n",
    ("[Placement]\nid=y\nkind=tabletop\nsizes_mm=800x600\ndistance_m=1\neye_min_mm=1000\neye_max_mm=1200\n"
     "centre_mm=1500\ntable_height_mm=750\ncrowd_height_mm=1700\ncrowd_gap_mm=500\ncrowd_distance_m=4\n"
     "needs_reach=true\nvisible_top_fraction=0.3\nsight_line_deg=-89\n"),
  };
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) names = NULL;

  /* Loading the set registers the engine's resource (the presets). */
  eyl_placement_set_free (eyl_placement_set_new_default (NULL));
  names = g_resources_enumerate_children (RESOURCE_BASE "/placements",
                                          G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (names == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  "the built-in placements: ");
      return FALSE;
    }

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (RESOURCE_BASE "/placements/", names[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      gsize       size;
      const void *data;

      if (bytes == NULL)
        return FALSE;
      data = g_bytes_get_data (bytes, &size);
      if (!write_seed (dir, names[i], data, size, error))
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autofree char *name = g_strdup_printf ("variant-%02u.ini", i);

      if (!write_seed (dir, name, broken[i], strlen (broken[i]), error))
        return FALSE;
    }
  return TRUE;
}

gboolean
eyl_fuzz_write_seeds (const char *dir,
                      GError    **error)
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  const char *const *targets = eyl_fuzz_target_names ();

  g_return_val_if_fail (dir != NULL, FALSE);

  for (guint i = 0; targets[i] != NULL; i++)
    {
      g_autofree char *sub = g_build_filename (dir, targets[i], NULL);

      if (g_mkdir_with_parents (sub, 0755) != 0)
        {
          int saved = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       "%s: %s", sub, g_strerror (saved));
          return FALSE;
        }
    }

  {
    g_autofree char *analysis = g_build_filename (dir, "analysis", NULL);
    g_autofree char *report = g_build_filename (dir, "report-json", NULL);
    g_autofree char *kit = g_build_filename (dir, "brand-kit", NULL);
    g_autofree char *placement = g_build_filename (dir, "placement", NULL);

    return write_analysis_seeds (analysis, inputs, error) &&
           write_report_seeds (report, inputs, error) &&
           write_brand_kit_seeds (kit, error) &&
           write_placement_seeds (placement, error);
  }
}
