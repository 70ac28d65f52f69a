/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyeline-worker: the worker process of eyeline-cli and the window
 * (eyl-worker.h), installed in libexecdir, not for people:
 *
 *   eyeline-worker [OPTIONS] FILE   one file, JSON on stdout
 *   eyeline-worker --serve          files one after another (stdin)
 *   eyeline-worker attention …      what `eyeline-cli attention` execs
 *
 * A program of its own, so that the command line links the engine's
 * libraries only where they are used: here. */
#include "config.h"

#define G_LOG_DOMAIN "eyeline-worker"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "eyl-attention.h"
#include "eyl-channel.h"
#include "eyl-cli-analysis.h"
#include "eyl-export.h"
#include "eyl-report.h"
#include "eyl-worker.h"

/* Export after a clean check: the result, or the export's error. */
static EylFileResult *
worker_export (EylFileResult *result,
               EylExportMode  export_mode,
               const char    *file,
               const char    *password,
               const char    *export_dir)
{
  g_autoptr(GError) error = NULL;

  if (!result->ok || export_mode == EYL_EXPORT_NONE)
    return result;
  eyl_worker_child_simulate_export (file);
  if (eyl_export_write (export_mode, file, password, result, export_dir, result->outputs, NULL,
                        &error))
    return result;
  eyl_file_result_unref (result);
  return eyl_file_result_new_error (file, error);
}

/* One file of `eyeline-worker --serve` (eyl_worker_child_serve): checked as the
 * worker of one file checks it.  Settings that cannot be used end the
 * worker with the status that worker would end with. */
static EylFileResult *
serve_file (const EylWorkerRequest *request,
            gpointer                user_data)
{
  EylCliAnalysisArgs *args = user_data;
  g_autoptr(GError) error = NULL;
  EylCliAnalysis analysis = { 0 };
  EylFileResult *result;
  int            status;

  if (request->settings != NULL)
    {
      eyl_check_settings_init (&analysis.settings);
      if (!eyl_check_settings_from_variant (request->settings, &analysis.settings, &error))
        exit (eyl_cli_usage_error ("%s", error->message));
      status = eyl_cli_analysis_setup_settings (&analysis, TRUE);
    }
  else
    status = eyl_cli_analysis_setup (args, &analysis, TRUE);
  if (status != EXIT_CLEAN)
    exit (status);
  result = eyl_worker_analyse_file (request->path, request->password, &analysis.options, NULL);
  result = worker_export (result, request->export_mode, request->path, request->password,
                          request->export_dir);
  eyl_cli_analysis_clear (&analysis);
  return result;
}

/* `eyeline-cli attention` (which execs this): the predicted attention
 * (model) of images, one 8-bit grey PNG per image (what an eye-tracking
 * set's scorer reads) and the first fixations. */
static int
run_attention (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output_dir = NULL;
  g_auto(GStrv) files = NULL;
  int          n_fixations = 5;
  guint        failed = 0;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_dir,
      N_("Folder for the maps (created if missing)"), N_("DIR") },
      { "fixations", 'n', 0, G_OPTION_ARG_INT, &n_fixations,
        N_("How many predicted fixations to print (0–20, default 5)"), N_("N") },
        { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("IMAGE…") },
          { NULL } };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Writes the predicted attention (model, not eye tracking) of each "
                                  "image as an 8-bit grey PNG named after it (photo.jpg → photo.png) "
                                  "and prints the first fixations the model predicts, in order, as "
                                  "fractions of the image's width and height."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return eyl_cli_usage_error ("%s", error->message);
  if (output_dir == NULL || output_dir[0] == '\0')
    return eyl_cli_usage_error (_("attention: --output DIR is needed"));
  if (files == NULL || files[0] == NULL)
    return eyl_cli_usage_error (_("attention: no image given"));
  if (n_fixations < 0 || n_fixations > 20)
    return eyl_cli_usage_error (_("--fixations: %d is not between 0 and 20"), n_fixations);
  if (g_mkdir_with_parents (output_dir, 0755) != 0)
    {
      int              saved = errno;
      g_autofree char *display = eyl_report_printable_path (output_dir);

      eyl_cli_print_error ("%s: %s (%s)", display, g_strerror (saved), _("output"));
      return EXIT_UNREADABLE;
    }

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GError) file_error = NULL;
      g_autoptr(EylAttentionMap) map = NULL;
      g_autofree char     *base = g_path_get_basename (files[i]);
      g_autofree char     *name = NULL;
      g_autofree char     *out = NULL;
      EylAttentionFixation fix[20];
      cairo_surface_t     *image;
      char                *dot;
      guint                n;

      image = eyl_attention_load_image (files[i], &file_error);
      if (image == NULL)
        {
          eyl_cli_print_error ("%s", file_error->message);
          failed++;
          continue;
        }
      map = eyl_attention_map_compute (image, NULL, NULL);
      cairo_surface_destroy (image);

      dot = strrchr (base, '.');
      if (dot != NULL && dot != base)
        *dot = '\0';
      name = g_strconcat (base, ".png", NULL);
      out = g_build_filename (output_dir, name, NULL);
      if (!eyl_attention_map_write_png (map, out, &file_error))
        {
          eyl_cli_print_error ("%s (%s)", file_error->message, _("output"));
          failed++;
          continue;
        }
      eyl_cli_print_path (out);
      n = eyl_attention_map_fixations (map, n_fixations, EYL_ATTENTION_IOR_RADIUS, fix);
      for (guint k = 0; k < n; k++)
        /* Translators: a predicted fixation: order, x and y as fractions */
        g_print (_("  fixation %u: %.3f, %.3f\n"), k + 1, fix[k].x, fix[k].y);
    }
  return failed > 0 ? EXIT_UNREADABLE : EXIT_CLEAN;
}

int
main (int    argc,
      char **argv)
{
  g_auto(EylCliAnalysisArgs) args = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autofree GOptionEntry *entries = eyl_cli_analysis_entries (&args);
  g_autoptr(GError) error = NULL;
  g_autoptr(EylFileResult) result = NULL;
  g_autoptr(GBytes) answer = NULL;
  const char      *json;
  g_autofree char *password = NULL;
  g_autofree char *export_str = NULL;
  g_autofree char *export_dir = NULL;
  g_autofree char *render_area = NULL;
  g_autofree char *render_png = NULL;
  g_autofree char *render_logo = NULL;
  int              render_page = -1;
  double           render_scale = 1.0;
  gboolean         settings_on_stdin = FALSE;
  gboolean         serve = FALSE;
  EylCliAnalysis   analysis = { 0 };
  EylExportMode    export_mode = EYL_EXPORT_NONE;
  GOptionEntry     export_entries[] = {
        { "export", 0, 0, G_OPTION_ARG_STRING, &export_str, NULL, NULL },
        { "export-dir", 0, 0, G_OPTION_ARG_FILENAME, &export_dir, NULL, NULL },
        /* The window's page view (eyl_worker_render_page_async). */
        { "render-page", 0, 0, G_OPTION_ARG_INT, &render_page, NULL, NULL },
        { "render-area", 0, 0, G_OPTION_ARG_STRING, &render_area, NULL, NULL },
        { "render-scale", 0, 0, G_OPTION_ARG_DOUBLE, &render_scale, NULL, NULL },
        { "render-png", 0, 0, G_OPTION_ARG_FILENAME, &render_png, NULL, NULL },
        /* A brand kit's logo, once per run (eyl_worker_prepare_brand_kit). */
        { "render-logo", 0, 0, G_OPTION_ARG_FILENAME, &render_logo, NULL, NULL },
        /* The parent's typed settings (eyl_worker_config_set_settings). */
        { "settings-on-stdin", 0, 0, G_OPTION_ARG_NONE, &settings_on_stdin, NULL, NULL },
        /* Files one after another (eyl_worker_child_serve). */
        { "serve", 0, 0, G_OPTION_ARG_NONE, &serve, NULL, NULL },
        { NULL }
  };
  const char *file = NULL;
  int         out_fd;
  int         status;
  gsize       len;

  setlocale (LC_ALL, "");
  /* EYL_LOCALEDIR: the tests point it at the build tree's po/ */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("EYL_LOCALEDIR") != NULL ? g_getenv ("EYL_LOCALEDIR")
                                                                      : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* eyeline-cli attention: argv[0] is its name, argv[1] the mode. */
  if (argc >= 2 && g_str_equal (argv[1], "attention"))
    {
      argv[1] = argv[0];
      return run_attention (argc - 1, argv + 1);
    }

  /* Anything the engine prints (Poppler's own messages) goes to stderr;
   * stdout carries the answer only (eyl-channel.h). */
  out_fd = dup (STDOUT_FILENO);
  if (out_fd < 0 || dup2 (STDERR_FILENO, STDOUT_FILENO) < 0)
    {
      g_printerr ("eyeline-worker: %s\n", g_strerror (errno));
      return EXIT_USAGE;
    }

  context = g_option_context_new ("FILE");
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, export_entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return eyl_cli_usage_error ("%s", error->message);
  if (export_str != NULL && !eyl_export_mode_from_string (export_str, &export_mode))
    return eyl_cli_usage_error (_("--export: “%s” is not overlay, annotations or png"), export_str);
  if (export_mode != EYL_EXPORT_NONE && export_dir == NULL)
    return eyl_cli_usage_error (_("worker: --export needs --export-dir"));
  if (serve)
    {
      guint memory_mb = EYL_WORKER_DEFAULT_MEMORY_MB;

      if (argc > 1)
        return eyl_cli_usage_error (_("worker: --serve reads its files on standard input"));
      if (args.memory_mb != NULL && eyl_cli_parse_memory_mb (args.memory_mb, &memory_mb) != EXIT_CLEAN)
        return EXIT_USAGE;
      eyl_worker_child_limit_memory (memory_mb);
      return eyl_worker_child_serve (out_fd, serve_file, &args) ? EXIT_CLEAN : EXIT_UNREADABLE;
    }
  for (int i = 1; i < argc; i++)
    {
      if (file == NULL && g_str_equal (argv[i], "--") && i + 1 < argc)
        continue;
      if (file != NULL)
        return eyl_cli_usage_error (_("worker: exactly one FILE is needed"));
      file = argv[i];
    }
  if (file == NULL)
    return eyl_cli_usage_error (_("worker: exactly one FILE is needed"));

  /* Limit the address space before anything is opened, so that an
   * allocation bomb fails here instead of taking the machine down. */
  {
    guint memory_mb = EYL_WORKER_DEFAULT_MEMORY_MB;

    if (args.memory_mb != NULL && eyl_cli_parse_memory_mb (args.memory_mb, &memory_mb) != EXIT_CLEAN)
      return EXIT_USAGE;
    eyl_worker_child_limit_memory (memory_mb);
  }

  if (settings_on_stdin && !eyl_worker_child_read_settings (&analysis.settings, &error))
    {
      eyl_cli_analysis_clear (&analysis);
      return eyl_cli_usage_error ("%s", error->message);
    }
  password = eyl_worker_child_read_password ();
  eyl_worker_child_simulate_file (file);

  if (render_logo != NULL)
    result = eyl_worker_render_logo (file, render_logo);
  else if (render_png != NULL)
    {
      g_auto(GStrv) parts = render_area != NULL ? g_strsplit (render_area, ",", 5) : NULL;
      EylRect area = { 0 };

      if (parts != NULL && g_strv_length (parts) == 4)
        area = (EylRect) { g_ascii_strtod (parts[0], NULL), g_ascii_strtod (parts[1], NULL),
                           g_ascii_strtod (parts[2], NULL), g_ascii_strtod (parts[3], NULL) };
      if (render_page < 0 || !(render_scale > 0) || eyl_rect_is_empty (&area))
        return eyl_cli_usage_error (_("worker: --render-png needs --render-page, --render-area and --render-scale"));
      result = eyl_worker_render_page (file, password, (guint) render_page, &area,
                                       render_scale, render_png);
    }
  else
    {
      status = settings_on_stdin ? eyl_cli_analysis_setup_settings (&analysis, TRUE)
                                 : eyl_cli_analysis_setup (&args, &analysis, TRUE);
      if (status != EXIT_CLEAN)
        {
          eyl_cli_analysis_clear (&analysis);
          return status;
        }
      result = eyl_worker_analyse_file (file, password, &analysis.options, NULL);
    }
  result = worker_export (g_steal_pointer (&result), export_mode, file, password, export_dir);
  if (password != NULL)
    memset (password, 0, strlen (password));

  answer = eyl_channel_write (result);
  json = g_bytes_get_data (answer, &len);
  if (!eyl_worker_child_write_all (out_fd, json, len))
    {
      g_printerr ("eyeline-worker: %s\n", g_strerror (errno));
      eyl_cli_analysis_clear (&analysis);
      return EXIT_UNREADABLE;
    }
  close (out_fd);

  eyl_cli_analysis_clear (&analysis);
  return EXIT_CLEAN;
}
