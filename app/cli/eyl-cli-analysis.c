/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-cli-analysis.c: the analysis options of eyeline-cli and
 * eyeline-worker (eyl-cli-analysis.h). */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "eyl-cli-analysis.h"
#include "eyl-label-rules.h"
#include "eyl-report.h"
#include "eyl-worker.h"

void
eyl_cli_analysis_args_clear (EylCliAnalysisArgs *args)
{
  g_free (args->placement);
  g_free (args->placement_file);
  for (guint i = 0; i < G_N_ELEMENTS (args->check_options); i++)
    g_free (args->check_options[i]);
  g_free (args->legibility);
  g_free (args->brand_kit);
  g_free (args->memory_mb);
  g_free (args->ocr_languages);
  g_free (args->raster_px_per_mm);
  g_free (args->raster_max_mpx);
  g_free (args->front_panel);
  g_free (args->label_rules);
  g_free (args->net_quantity);
  g_free (args->net_quantity_mm);
}

void
eyl_cli_analysis_clear (EylCliAnalysis *analysis)
{
  g_clear_pointer (&analysis->placements, eyl_placement_set_free);
  g_clear_pointer (&analysis->placement, eyl_placement_unref);
  g_clear_pointer (&analysis->brand_kit, eyl_brand_kit_unref);
  g_clear_pointer (&analysis->label_rules, g_ptr_array_unref);
  eyl_check_settings_clear (&analysis->settings);
}

GOptionEntry *
eyl_cli_analysis_entries (EylCliAnalysisArgs *args)
{
  const GOptionEntry placement_entries[] = {
    { "placement", 0, 0, G_OPTION_ARG_STRING, &args->placement,
      N_("Where the material is seen: a preset id (see “placements”) or auto (default)"), N_("ID") },
      { "placement-file", 0, 0, G_OPTION_ARG_FILENAME, &args->placement_file,
        N_("Load a placement from a file (and use it unless --placement says otherwise)"), N_("FILE") },
      };
  GArray          *all = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));
  guint            n_options;
  const EylOption *options = eyl_options_get_all (&n_options);
  GOptionEntry     entries[] = {
        { "legibility", 0, 0, G_OPTION_ARG_STRING, &args->legibility,
          N_("Legibility standard: 1:200 (default), 20-arcmin, 1:300, 1in-per-10ft, ada-703.5"),
              N_("STANDARD") },
          { "brand-kit", 0, 0, G_OPTION_ARG_FILENAME, &args->brand_kit,
            N_("Brand kit file (names, website, email, phone, logos)"), N_("FILE") },
            { "memory-mb", 0, 0, G_OPTION_ARG_STRING, &args->memory_mb,
              N_("Memory limit of each worker process in MB (0 = none)"), N_("MB") },
              { "no-ocr", 0, 0, G_OPTION_ARG_NONE, &args->no_ocr,
                N_("Do not read outlined or rasterised text with OCR"), NULL },
                { "no-qr", 0, 0, G_OPTION_ARG_NONE, &args->no_qr,
                  N_("Do not look for QR codes and barcodes"), NULL },
                  { "no-logos", 0, 0, G_OPTION_ARG_NONE, &args->no_logos,
                    N_("Do not look for logos on the rendered page"), NULL },
                    { "ocr-languages", 0, 0, G_OPTION_ARG_STRING, &args->ocr_languages,
                      N_("Tesseract languages for OCR, e.g. eng+deu (default: every installed one Eyeline knows)"),
                          N_("LANGS") },
                      { "raster-px-per-mm", 0, 0, G_OPTION_ARG_STRING, &args->raster_px_per_mm,
                        N_("Resolution of the analysis raster in pixels per mm of the real size (default 1)"),
                            N_("N") },
                        { "raster-max-mpx", 0, 0, G_OPTION_ARG_STRING, &args->raster_max_mpx,
                          N_("Largest analysis raster in megapixels; bigger pages are rendered coarser (default 16)"),
                              N_("N") },
                          { "front-panel", 0, 0, G_OPTION_ARG_STRING, &args->front_panel,
                            N_("A pack's net: the panel (numbered as in the report) that faces the shopper "
         "(default: the one with the largest brand and product name)"),
                                N_("N") },
                            { "label-rules", 0, 0, G_OPTION_ARG_STRING, &args->label_rules,
                              N_("Label type-size rule sets to apply, comma-separated: eu-1169-2011, us-21cfr101-105 "
         "or a file (an aid, not legal advice; default none)"),
                                  N_("IDS") },
                              { "net-quantity", 0, 0, G_OPTION_ARG_STRING, &args->net_quantity,
                                N_("A pack's net quantity statement where Eyeline cannot tell: text of its line "
         "(the label rule sets judge it; us-21cfr101-105 unless a set is chosen)"),
                                    N_("TEXT") },
                                { "net-quantity-mm", 0, 0, G_OPTION_ARG_STRING, &args->net_quantity_mm,
                                  N_("The same as a box in mm from the page's top-left corner"),
                                      N_("X0,Y0,X1,Y1") },
                            };

  /* The check settings come from the core's table (eyl-options.h). */
  g_assert (n_options <= G_N_ELEMENTS (args->check_options));
  g_array_append_vals (all, placement_entries, G_N_ELEMENTS (placement_entries));
  for (guint i = 0; i < n_options; i++)
    {
      GOptionEntry entry = { options[i].name, 0, 0, G_OPTION_ARG_STRING,
                             &args->check_options[i], options[i].description,
                             options[i].arg_description };

      g_array_append_val (all, entry);
    }
  g_array_append_vals (all, entries, G_N_ELEMENTS (entries));
  return (GOptionEntry *) g_array_free (all, FALSE);
}

static void
print_error_va (const char *format,
                va_list     args) G_GNUC_PRINTF (1, 0);

/* One line on standard error.  What it quotes — file names, messages
 * with words from a PDF — may hold control characters: they are shown
 * escaped, never sent to the terminal. */
static void
print_error_va (const char *format,
                va_list     args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);
  g_autofree char *printable = eyl_report_printable (message);

  g_printerr ("eyeline-cli: %s\n", printable);
}

void
eyl_cli_print_error (const char *format,
                     ...)
{
  va_list args;

  va_start (args, format);
  print_error_va (format, args);
  va_end (args);
}

int
eyl_cli_usage_error (const char *format,
                     ...)
{
  va_list args;

  va_start (args, format);
  print_error_va (format, args);
  va_end (args);

  g_printerr ("%s\n", _("Try “eyeline-cli --help” for more information."));
  return EXIT_USAGE;
}

/* Why standard output first failed, 0 while it has not. */
static int stdout_errno;

/* A path on standard output, one a line, as people read it; at once
 * (a script waits for it), and why it could not be written is kept. */
void
eyl_cli_print_path (const char *path)
{
  g_autofree char *printable = eyl_report_printable_path (path);

  errno = 0;
  if ((fprintf (stdout, "%s\n", printable) < 0 || fflush (stdout) != 0) && stdout_errno == 0)
    stdout_errno = errno != 0 ? errno : EIO;
}

int
eyl_cli_stdout_errno (void)
{
  return stdout_errno;
}

gboolean
eyl_cli_parse_uint (const char *str,
                    guint       max,
                    guint      *out)
{
  guint64 value;

  if (str == NULL || !g_ascii_string_to_unsigned (str, 10, 0, max, &value, NULL))
    return FALSE;
  *out = (guint) value;
  return TRUE;
}

/* --memory-mb: 0 (no limit) or EYL_WORKER_MIN_MEMORY_MB to MAX_MEMORY_MB.
 * Returns EXIT_CLEAN or EXIT_USAGE (after saying why). */
int
eyl_cli_parse_memory_mb (const char *str,
                         guint      *out)
{
  if (!eyl_cli_parse_uint (str, MAX_MEMORY_MB, out))
    return eyl_cli_usage_error (_("--memory-mb: “%s” is not a whole number of megabytes from %u to %u "
                          "(0 = no limit)"),
                                   str, EYL_WORKER_MIN_MEMORY_MB, MAX_MEMORY_MB);
  if (*out > 0 && *out < EYL_WORKER_MIN_MEMORY_MB)
    return eyl_cli_usage_error (_("--memory-mb: %u MB is too small: a worker needs at least %u MB "
                          "(0 = no limit)"),
                                   *out, EYL_WORKER_MIN_MEMORY_MB);
  return EXIT_CLEAN;
}

/* Tesseract language codes ("eng", "chi_sim", "script/Latin") joined by
 * '+', as its -l option takes them. */
static gboolean
valid_languages (const char *langs)
{
  g_auto(GStrv) parts = g_strsplit (langs, "+", -1);

  if (parts[0] == NULL)
    return FALSE;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0')
        return FALSE;
      for (const char *c = parts[i]; *c != '\0'; c++)
        if (!g_ascii_isalnum (*c) && *c != '_' && *c != '-' && *c != '/')
          return FALSE;
    }
  return TRUE;
}

/* The command line's analysis options, checked and typed as the workers
 * get them (eyl_worker_config_set_settings).  Returns EXIT_CLEAN or
 * EXIT_USAGE (after printing the problem). */
int
eyl_cli_analysis_args_to_settings (EylCliAnalysisArgs *args,
                                   EylCheckSettings   *settings)
{
  g_autoptr(GError) error = NULL;
  guint            n_options;
  const EylOption *options = eyl_options_get_all (&n_options);

  eyl_check_settings_init (settings);
  for (guint i = 0; i < n_options; i++)
    if (args->check_options[i] != NULL && !eyl_option_parse (&options[i], args->check_options[i], &settings->overrides, &error))
      return eyl_cli_usage_error ("%s", error->message);
  if (args->legibility != NULL && !eyl_legibility_from_string (args->legibility, &settings->legibility))
    return eyl_cli_usage_error (_("--legibility: “%s” is not one of 1:200, 20-arcmin, 1:300, 1in-per-10ft, ada-703.5"),
                                   args->legibility);

  if (args->ocr_languages != NULL && !valid_languages (args->ocr_languages))
    return eyl_cli_usage_error (_("--ocr-languages: “%s” is not a list of Tesseract languages like eng+deu"),
                                   args->ocr_languages);
  if (args->raster_px_per_mm != NULL && !eyl_options_parse_number (args->raster_px_per_mm, 0.05, 50,
                                                                   &settings->raster_px_per_mm))
    return eyl_cli_usage_error (_("--raster-px-per-mm: “%s” is not a resolution from 0.05 to 50"),
                                   args->raster_px_per_mm);
  if (args->raster_max_mpx != NULL && !eyl_options_parse_number (args->raster_max_mpx, 0.01, 64,
                                                                 &settings->raster_max_mpx))
    return eyl_cli_usage_error (_("--raster-max-mpx: “%s” is not a number of megapixels from 0.01 to 64"),
                                   args->raster_max_mpx);
  if (args->front_panel != NULL)
    {
      guint64 panel;

      if (!g_ascii_string_to_unsigned (args->front_panel, 10, 1, 1000, &panel, NULL))
        return eyl_cli_usage_error (_("--front-panel: “%s” is not a panel number from 1 to 1000"),
                                       args->front_panel);
      settings->front_panel = (int) panel;
    }
  settings->ocr = !args->no_ocr;
  settings->qr = !args->no_qr;
  settings->logos = !args->no_logos;
  settings->ocr_languages = g_strdup (args->ocr_languages);
  settings->placement = g_strdup (args->placement);
  settings->placement_file = g_strdup (args->placement_file);
  settings->brand_kit = g_strdup (args->brand_kit);
  settings->label_rules = g_strdup (args->label_rules);
  settings->net_quantity = g_strdup (args->net_quantity);
  if (args->net_quantity_mm != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (args->net_quantity_mm, ",", -1);
      double   v[4];
      EylRect *box = &settings->net_quantity_mm;

      for (guint i = 0; i < G_N_ELEMENTS (v); i++)
        if (g_strv_length (parts) != G_N_ELEMENTS (v) || !eyl_options_parse_number (parts[i], 0, 100000, &v[i]))
          return eyl_cli_usage_error (_("--net-quantity-mm: “%s” is not a box X0,Y0,X1,Y1 in mm"), args->net_quantity_mm);
      *box = (EylRect) { MIN (v[0], v[2]), MIN (v[1], v[3]), MAX (v[0], v[2]), MAX (v[1], v[3]) };
      if (eyl_rect_is_empty (box))
        return eyl_cli_usage_error (_("--net-quantity-mm: “%s” is not a box X0,Y0,X1,Y1 in mm"), args->net_quantity_mm);
    }
  return EXIT_CLEAN;
}

/* Turns the typed settings into placements, overrides and a brand kit
 * (the worker's settings come typed from its parent).  Returns
 * EXIT_CLEAN or EXIT_USAGE (after printing the problem). */
int
eyl_cli_analysis_setup_settings (EylCliAnalysis *analysis,
                                 gboolean        quiet_warnings)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  EylCheckSettings *settings = &analysis->settings;
  const char       *placement_id = settings->placement;
  g_autofree char  *file_id = NULL;
  EylPlacement     *base = NULL;

  eyl_analysis_options_init (&analysis->options);
  analysis->options.overrides = settings->overrides;
  analysis->options.legibility = settings->legibility;
  if (isfinite (settings->raster_px_per_mm))
    analysis->options.raster_px_per_mm = settings->raster_px_per_mm;
  if (isfinite (settings->raster_max_mpx))
    analysis->options.raster_max_pixels = settings->raster_max_mpx * 1e6;
  analysis->options.front_panel = settings->front_panel;
  if (settings->label_rules != NULL)
    {
      analysis->label_rules = eyl_label_rules_load (settings->label_rules, &error);
      if (analysis->label_rules == NULL)
        return eyl_cli_usage_error ("--label-rules: %s", error->message);
      analysis->options.label_rules = analysis->label_rules;
    }
  analysis->options.net_quantity = settings->net_quantity;
  analysis->options.net_quantity_mm = settings->net_quantity_mm;
  analysis->options.pixels.ocr = settings->ocr;
  analysis->options.pixels.qr = settings->qr;
  analysis->options.pixels.logos = settings->logos;
  analysis->options.pixels.ocr_languages = settings->ocr_languages;

  if (settings->brand_kit != NULL)
    {
      analysis->brand_kit = eyl_brand_kit_load (settings->brand_kit, &error);
      if (analysis->brand_kit == NULL)
        return eyl_cli_usage_error ("--brand-kit: %s", error->message);
      analysis->options.brand_kit = analysis->brand_kit;
    }

  analysis->placements = eyl_placement_set_new_default (warnings);
  for (guint i = 0; !quiet_warnings && i < warnings->len; i++)
    eyl_cli_print_error ("%s", (const char *) g_ptr_array_index (warnings, i));
  analysis->options.placements = analysis->placements;

  if (settings->placement_file != NULL)
    {
      g_autoptr(EylPlacement) from_file = eyl_placement_new_from_file (settings->placement_file, &error);

      if (from_file == NULL)
        return eyl_cli_usage_error ("--placement-file: %s", error->message);
      file_id = g_strdup (from_file->id);
      eyl_placement_set_add (analysis->placements, from_file);
      if (placement_id == NULL || g_str_equal (placement_id, EYL_PLACEMENT_AUTO))
        placement_id = file_id;
      base = eyl_placement_set_lookup (analysis->placements, placement_id);
    }
  else if (placement_id != NULL && !g_str_equal (placement_id, EYL_PLACEMENT_AUTO))
    base = eyl_placement_set_lookup (analysis->placements, placement_id);

  if (placement_id != NULL && !g_str_equal (placement_id, EYL_PLACEMENT_AUTO) && base == NULL)
    return eyl_cli_usage_error (_("--placement: “%s” is not a known placement (see “eyeline-cli placements”)"),
                                   placement_id);

  if (base != NULL)
    analysis->placement = eyl_placement_apply_overrides (base, &settings->overrides);
  analysis->options.placement = analysis->placement;

  return EXIT_CLEAN;
}

/* The command line's analysis options into placements, overrides and a
 * brand kit.  Returns EXIT_CLEAN or EXIT_USAGE (after printing the problem). */
int
eyl_cli_analysis_setup (EylCliAnalysisArgs *args,
                        EylCliAnalysis     *analysis,
                        gboolean            quiet_warnings)
{
  analysis->memory_mb = EYL_WORKER_DEFAULT_MEMORY_MB;
  if (args->memory_mb != NULL && eyl_cli_parse_memory_mb (args->memory_mb, &analysis->memory_mb) != EXIT_CLEAN)
    return EXIT_USAGE;
  if (eyl_cli_analysis_args_to_settings (args, &analysis->settings) != EXIT_CLEAN)
    return EXIT_USAGE;
  return eyl_cli_analysis_setup_settings (analysis, quiet_warnings);
}
