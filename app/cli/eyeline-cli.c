/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyeline-cli: check print PDFs for customer focus from a terminal.
 *
 *   eyeline-cli check [OPTIONS] FILE…     analyse files, print a report
 *   eyeline-cli export --output DIR FILE… check and save annotated files
 *   eyeline-cli placements [--format json] list the placement presets
 *   eyeline-cli attention -o DIR IMAGE…   predicted attention maps (PNG)
 *
 * Each file is checked by eyeline-worker (libexecdir, eyl_worker_find_exe).
 * Links the core only: no GTK, no display, no D-Bus. */
#include "config.h"

#define G_LOG_DOMAIN "eyeline-cli"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <glib-unix.h>

#include "eyl-analysis.h"
#include "eyl-batch.h"
#include "eyl-brand-kit.h"
#include "eyl-cli-analysis.h"
#include "eyl-config-file.h"
#include "eyl-export.h"
#include "eyl-placement.h"
#include "eyl-compare.h"
#include "eyl-report.h"
#include "eyl-report-target.h"
#include "eyl-rules.h"
#include "eyl-worker.h"

/* The largest --timeout (a week). */
#define MAX_TIMEOUT_S (7 * 24 * 3600)

typedef enum
{
  FORMAT_TEXT,
  FORMAT_JSON,
  FORMAT_CSV,
} Format;

/* The workers get the settings typed, on their stdin: no setting travels
 * to them as command-line text. */
static void
forward_analysis_args (EylCliAnalysisArgs *args,
                       EylWorkerConfig    *config)
{
  g_auto(EylCheckSettings) settings = { 0 };

  /* eyl_cli_analysis_setup() checked them already */
  if (eyl_cli_analysis_args_to_settings (args, &settings) == EXIT_CLEAN)
    eyl_worker_config_set_settings (config, &settings);
}

/* ---------------------------------------------------------------------- */
/* placements                                                              */

static void
print_placement (EylPlacement *p)
{
  GString         *line = g_string_new (NULL);
  g_autofree char *id = eyl_report_printable (p->id);
  g_autofree char *name = eyl_report_printable (p->name);

  g_print ("%-22s %s\n", id, name);
  if (p->sizes != NULL && p->sizes->len > 0)
    {
      g_string_append (line, _("sizes"));
      for (guint i = 0; i < p->sizes->len; i++)
        {
          const EylSizeMm *size = &g_array_index (p->sizes, EylSizeMm, i);

          g_string_append_printf (line, "%s%.0f × %.0f", i == 0 ? " " : ", ",
                                  size->width_mm, size->height_mm);
        }
      g_string_append (line, " mm; ");
    }
  if (p->centre_mm > 0)
    g_string_append_printf (line, _("centre %.0f mm above the floor"), p->centre_mm);
  else
    g_string_append_printf (line, _("bottom %.0f mm above the floor"), p->bottom_mm);
  g_print ("%24s%s\n", "", line->str);
  g_string_truncate (line, 0);

  g_string_append_printf (line, _("viewers: eyes %.0f–%.0f mm at %.1f m, eye zone ±%.0f°"),
                                   p->eye_min_mm, p->eye_max_mm, p->distance_m, p->eye_zone_deg);
  if (p->table_height_mm > 0)
    g_string_append_printf (line, _("; table %.0f mm (+%.0f mm on it), %.0f mm in front"),
                                     p->table_height_mm, p->table_objects_mm, p->table_gap_mm);
  g_print ("%24s%s\n", "", line->str);
  g_string_truncate (line, 0);

  g_string_append_printf (line, _("hidden: bottom %.0f mm, top %.0f mm, visible %.0f %% from the top; safe margin %.0f mm; contact-hidden at %.0f %% of viewers"),
                                   p->hidden_bottom_mm, p->hidden_top_mm, p->visible_top_fraction * 100,
                                   p->safe_margin_mm, p->hidden_threshold * 100);
  g_print ("%24s%s\n", "", line->str);
  g_string_free (line, TRUE);
}

static int
run_placements (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EylPlacementSet) set = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *format = NULL;
  g_autofree char *placement_file = NULL;
  GOptionEntry     entries[] = {
        { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: text (default) or json"), N_("FORMAT") },
          { "placement-file", 0, 0, G_OPTION_ARG_FILENAME, &placement_file,
            N_("Also load a placement from a file"), N_("FILE") },
            { NULL } };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Lists the placement presets with their numbers."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return eyl_cli_usage_error ("%s", error->message);
  if (argc > 1)
    return eyl_cli_usage_error (_("placements: unexpected argument “%s”"), argv[1]);
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json"))
    return eyl_cli_usage_error (_("--format: “%s” is not text or json"), format);

  set = eyl_placement_set_new_default (warnings);
  for (guint i = 0; i < warnings->len; i++)
    eyl_cli_print_error ("%s", (const char *) g_ptr_array_index (warnings, i));
  if (placement_file != NULL && !eyl_placement_set_add_file (set, placement_file, &error))
    return eyl_cli_usage_error ("--placement-file: %s", error->message);

  list = eyl_placement_set_list (set);

  if (format != NULL && g_str_equal (format, "json"))
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *json = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "schema_version");
      json_builder_add_int_value (builder, EYL_REPORT_SCHEMA_VERSION);
      json_builder_set_member_name (builder, "placements");
      json_builder_begin_array (builder);
      for (guint i = 0; i < list->len; i++)
        json_builder_add_value (builder, eyl_placement_to_json (g_ptr_array_index (list, i)));
      json_builder_end_array (builder);
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      json = eyl_report_json_node_to_string (root, TRUE);
      g_print ("%s", json);
      return EXIT_CLEAN;
    }

  for (guint i = 0; i < list->len; i++)
    {
      if (i > 0)
        g_print ("\n");
      print_placement (g_ptr_array_index (list, i));
    }
  g_print ("\n%s\n", _("auto (default): picks one of these from the page’s real size and proportions."));
  return EXIT_CLEAN;
}

/* ---------------------------------------------------------------------- */
/* check and export                                                        */

static gboolean
has_pdf_suffix (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, ".pdf");
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  /* g_ptr_array_sort passes pointers to the elements */
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static gboolean
same_file (const GStatBuf *a,
           const GStatBuf *b)
{
  return a != NULL && b != NULL && a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* The PDFs of @dir sorted by name; with @recursive, those of its
 * sub-folders too (not hidden ones, not symbolic links to folders, and
 * not @skip: the output folder of an export). */
static void
expand_dir (const char     *dir_path,
            gboolean        recursive,
            const GStatBuf *skip,
            guint           depth,
            GPtrArray      *paths)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) subdirs = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      GStatBuf         st;

      if (g_lstat (path, &st) != 0)
        continue;
      if (S_ISDIR (st.st_mode))
        {
          if (recursive && name[0] != '.' && depth < 64 && !same_file (&st, skip))
            g_ptr_array_add (subdirs, g_steal_pointer (&path));
        }
      else if (has_pdf_suffix (name) && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (found, g_steal_pointer (&path));
    }
  g_ptr_array_sort (found, compare_paths);
  g_ptr_array_sort (subdirs, compare_paths);
  for (guint k = 0; k < found->len; k++)
    g_ptr_array_add (paths, g_strdup (g_ptr_array_index (found, k)));
  for (guint k = 0; k < subdirs->len; k++)
    expand_dir (g_ptr_array_index (subdirs, k), recursive, skip, depth + 1, paths);
}

/* Files in the order given; a directory stands for its PDFs, sorted by
 * name. */
static GPtrArray *
expand_inputs (char          **files,
               gboolean        recursive,
               const GStatBuf *skip)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; files[i] != NULL; i++)
    {
      if (g_file_test (files[i], G_FILE_TEST_IS_DIR))
        expand_dir (files[i], recursive, skip, 0, paths);
      else
        g_ptr_array_add (paths, g_strdup (files[i]));
    }

  return paths;
}

/* "Never overwrite an input": compared by device and inode, so a link or
 * another spelling of the same path is caught too. */
static gboolean
output_is_an_input (const char *output,
                    GPtrArray  *inputs)
{
  GStatBuf out_stat;

  if (g_stat (output, &out_stat) != 0)
    return FALSE;

  for (guint i = 0; i < inputs->len; i++)
    {
      GStatBuf in_stat;

      if (g_stat (g_ptr_array_index (inputs, i), &in_stat) == 0 && same_file (&in_stat, &out_stat))
        return TRUE;
    }
  return FALSE;
}

/* PDF passwords are at most 127 bytes (ISO 32000-2, 7.6.4.3.3). */
#define PASSWORD_MAX_BYTES 1024

/* The first line of @path, at most PASSWORD_MAX_BYTES: a terminal, a
 * pipe or a FIFO a script writes to are fine, /dev/zero is not read
 * without end. */
static char *
read_password_file (const char *path,
                    GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;
  char            *contents = NULL;
  gsize            length = 0;

  if (eyl_config_file_read (path, PASSWORD_MAX_BYTES, EYL_READ_DEVICES | EYL_READ_ONE_LINE,
                            &contents, &length, &local_error))
    {
      if (memchr (contents, '\0', length) == NULL)
        return contents;
      memset (contents, 0, length);
      g_free (contents);
      g_set_error_literal (&local_error, EYL_ERROR, EYL_ERROR_CONFIG,
                           _("its first line holds a NUL byte"));
    }
  display = g_filename_display_name (path);
  g_set_error (error, EYL_ERROR, EYL_ERROR_USAGE, _("cannot read “%s”: %s"), display, local_error->message);
  return NULL;
}

typedef struct
{
  gboolean show;
} Progress;

static void
progress_cb (guint          done,
             guint          total,
             EylFileResult *result,
             gpointer       user_data)
{
  Progress        *progress = user_data;
  g_autofree char *name = NULL;

  if (!progress->show)
    return;
  name = eyl_report_printable_path (result->path);
  g_printerr ("\r\033[K[%u/%u] %s", done, total, name);
  if (done == total)
    g_printerr ("\r\033[K");
}

/* Options of `check` and `export` that are about the run, not the
 * analysis. */
typedef struct
{
  EylCliAnalysisArgs args;
  char              *password;
  char              *password_file;
  char              *fail_on;
  char              *jobs_str;
  char              *timeout_str;
  char             **files;
  /* parsed */
  int            fail_level;
  guint          jobs;
  guint          timeout_s;
  EylCliAnalysis analysis;
  char          *kit_copy; /* a --brand-kit from a pipe, saved for the workers */
  char          *kit_dir;  /* the kit's logos as read once for the run, and its kit */
} Run;

/* What the run made outside the output: gone at the end, or before a
 * signal is raised again. */
static void
run_remove_temp_files (Run *run)
{
  if (run->kit_copy != NULL && g_unlink (run->kit_copy) != 0)
    g_debug ("could not remove %s: %s", run->kit_copy, g_strerror (errno));
  g_clear_pointer (&run->kit_copy, g_free);
  eyl_worker_remove_kit_dir (run->kit_dir);
  g_clear_pointer (&run->kit_dir, g_free);
}

static void
run_clear (Run *run)
{
  eyl_cli_analysis_args_clear (&run->args);
  if (run->password != NULL)
    memset (run->password, 0, strlen (run->password));
  g_free (run->password);
  g_free (run->password_file);
  g_free (run->fail_on);
  g_free (run->jobs_str);
  g_free (run->timeout_str);
  g_strfreev (run->files);
  eyl_cli_analysis_clear (&run->analysis);
  run_remove_temp_files (run);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static GOptionEntry *
run_entries (Run *run)
{
  GOptionEntry entries[] = {
    { "password", 0, 0, G_OPTION_ARG_STRING, &run->password,
      N_("Password of encrypted files"), N_("PASSWORD") },
      { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &run->password_file,
        N_("Read the password from the first line of a file"), N_("FILE") },
        { "fail-on", 0, 0, G_OPTION_ARG_STRING, &run->fail_on,
          N_("Exit with 1 when a finding is at least: error (default), warning, info or never"),
              N_("LEVEL") },
          { "jobs", 'j', 0, G_OPTION_ARG_STRING, &run->jobs_str,
            N_("Files processed at once, each by its own worker (default: the number of processors)"),
                N_("N") },
            { "timeout", 0, 0, G_OPTION_ARG_STRING, &run->timeout_str,
              N_("Time budget in seconds for opening a file and again for each of its pages (default 60, 0 = none)"), N_("S") },
              { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &run->files, NULL, N_("FILE…") },
                { NULL } };

  return g_memdup2 (entries, sizeof entries);
}

/* The kit's logos are read once for the run, each by a worker with a
 * budget of its own (a logo that hangs is named, not blamed on the first
 * page checked); the workers that check the files get a kit of the
 * logos as read. */
static int
run_prepare_kit (Run *run)
{
  g_autofree char *exe = eyl_worker_find_exe ();
  g_autoptr(EylWorkerConfig) config = eyl_worker_config_new (exe);
  g_autoptr(EylBrandKit) prepared = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kit_path = NULL;

  config->timeout_s = run->timeout_s;
  config->memory_mb = run->analysis.memory_mb;
  run->kit_dir = g_dir_make_tmp ("eyeline-logos-XXXXXX", &error);
  if (run->kit_dir == NULL)
    return eyl_cli_usage_error ("--brand-kit: %s", error->message);
  prepared = eyl_worker_prepare_brand_kit (config, run->analysis.brand_kit, run->kit_dir,
                                           NULL, &error);
  if (prepared == NULL)
    return eyl_cli_usage_error ("--brand-kit: %s", error->message);
  kit_path = g_build_filename (run->kit_dir, "brand-kit.ini", NULL);
  if (!eyl_brand_kit_save (prepared, kit_path, &error))
    return eyl_cli_usage_error ("--brand-kit: %s", error->message);
  g_free (run->args.brand_kit);
  run->args.brand_kit = g_steal_pointer (&kit_path);
  return EXIT_CLEAN;
}

/* After parsing: the run's own options, then the analysis options. */
static int
run_setup (Run        *run,
           const char *command)
{
  g_autoptr(GError) error = NULL;
  int status;

  run->fail_level = EYL_SEVERITY_ERROR;
  run->timeout_s = EYL_WORKER_DEFAULT_TIMEOUT_S;

  if (run->files == NULL || run->files[0] == NULL)
    return eyl_cli_usage_error (_("%s: no FILE given"), command);
  if (run->fail_on != NULL)
    {
      EylSeverity severity;

      if (g_str_equal (run->fail_on, "never"))
        run->fail_level = G_MAXINT;
      else if (eyl_severity_from_string (run->fail_on, &severity))
        run->fail_level = severity;
      else
        return eyl_cli_usage_error (_("--fail-on: “%s” is not error, warning, info or never"), run->fail_on);
    }
  if (run->jobs_str != NULL && (!eyl_cli_parse_uint (run->jobs_str, 1024, &run->jobs) || run->jobs == 0))
    return eyl_cli_usage_error (_("--jobs: “%s” is not a number of jobs from 1 to 1024"), run->jobs_str);
  if (run->timeout_str != NULL && !eyl_cli_parse_uint (run->timeout_str, MAX_TIMEOUT_S, &run->timeout_s))
    return eyl_cli_usage_error (_("--timeout: “%s” is not a whole number of seconds from 0 to %u "
                          "(0 = none)"),
                                   run->timeout_str, MAX_TIMEOUT_S);
  if (run->password != NULL && run->password_file != NULL)
    return eyl_cli_usage_error (_("--password and --password-file cannot be used together"));
  if (run->password_file != NULL)
    {
      run->password = read_password_file (run->password_file, &error);
      if (run->password == NULL)
        return eyl_cli_usage_error ("--password-file: %s", error->message);
    }

  status = eyl_cli_analysis_setup (&run->args, &run->analysis, FALSE);
  if (status != EXIT_CLEAN)
    return status;

  /* A kit read from a pipe (<(…)) cannot be read again by each worker:
   * they get a copy of it as it was read. */
  if (run->args.brand_kit != NULL && !g_file_test (run->args.brand_kit, G_FILE_TEST_IS_REGULAR))
    {
      int fd = g_file_open_tmp ("eyeline-kit-XXXXXX.ini", &run->kit_copy, &error);

      if (fd < 0 || !g_close (fd, &error) || !eyl_brand_kit_save (run->analysis.brand_kit, run->kit_copy, &error))
        return eyl_cli_usage_error ("--brand-kit: %s", error->message);
      g_free (run->args.brand_kit);
      run->args.brand_kit = g_strdup (run->kit_copy);
    }
  if (run->analysis.brand_kit != NULL && run->analysis.brand_kit->logos[0] != NULL)
    return run_prepare_kit (run);
  return EXIT_CLEAN;
}

static EylWorkerConfig *
run_config (Run *run)
{
  g_autofree char *exe = eyl_worker_find_exe ();
  EylWorkerConfig *config = eyl_worker_config_new (exe);

  forward_analysis_args (&run->args, config);
  config->timeout_s = run->timeout_s;
  config->memory_mb = run->analysis.memory_mb;
  config->password = g_strdup (run->password);
  return config;
}

/* Signals that end the command (Ctrl+C, kill, a closed terminal) are
 * caught in the main loop: the run is cancelled, which stops the workers
 * and removes their private folders, the caller removes its own
 * temporary file, and then the signal is raised again with its default
 * action, so that the exit status says which it was. */
static const int interrupt_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGUSR1, SIGUSR2 };

static struct
{
  GCancellable *cancellable;
  guint         ids[G_N_ELEMENTS (interrupt_signals)];
  int           caught;
} interrupt;

static gboolean
interrupt_cb (gpointer user_data)
{
  if (interrupt.caught == 0)
    interrupt.caught = GPOINTER_TO_INT (user_data);
  g_cancellable_cancel (interrupt.cancellable);
  return G_SOURCE_CONTINUE;
}

/* Before anything temporary is made. */
static void
interrupt_catch (void)
{
  interrupt.cancellable = g_cancellable_new ();
  for (guint i = 0; i < G_N_ELEMENTS (interrupt_signals); i++)
    interrupt.ids[i] = g_unix_signal_add (interrupt_signals[i], interrupt_cb,
                                          GINT_TO_POINTER (interrupt_signals[i]));
}

/* Has a signal come?  What is pending is dispatched, without waiting. */
static gboolean
interrupted (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  return interrupt.caught != 0;
}

/* After the cleanup: the signal again, with its default action. */
static G_NORETURN void
interrupt_reraise (Run *run)
{
  int sig = interrupt.caught;

  run_remove_temp_files (run);

  /* Removing the last source of a signal restores its default action. */
  for (guint i = 0; i < G_N_ELEMENTS (interrupt_signals); i++)
    g_clear_handle_id (&interrupt.ids[i], g_source_remove);
  signal (sig, SIG_DFL);
  fflush (stdout);
  raise (sig);
  _exit (128 + sig);
}

static void
batch_done_cb (GObject      *object,
               GAsyncResult *res,
               gpointer      user_data)
{
  *(GPtrArray **) user_data = eyl_batch_run_finish (res);
}

/* Runs every path through the workers and collects the report; files
 * that failed are reported on stderr, one line each.  A signal cancels
 * the run (see interrupt_catch). */
static EylReport *
run_batch (Run             *run,
           EylWorkerConfig *config,
           GPtrArray       *paths,
           guint           *failed)
{
  g_autoptr(GPtrArray) results = NULL;
  Progress   progress = { FALSE };
  EylReport *report;

  progress.show = paths->len > 1 && isatty (STDERR_FILENO);
  g_ptr_array_add (paths, NULL);
  eyl_batch_run_async (config, (const char *const *) paths->pdata, run->jobs,
                       progress_cb, &progress, interrupt.cancellable, batch_done_cb, &results);
  while (results == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_ptr_array_remove_index (paths, paths->len - 1);

  report = eyl_report_new ();
  g_free (report->placement_id);
  report->placement_id = g_strdup (run->analysis.placement != NULL
                                       ? run->analysis.placement->id
                                       : EYL_PLACEMENT_AUTO);
  if (run->analysis.placement != NULL)
    report->placement = eyl_placement_ref (run->analysis.placement);
  report->legibility = run->analysis.options.legibility;
  if (run->analysis.brand_kit != NULL)
    report->brand_kit = eyl_brand_kit_ref (run->analysis.brand_kit);

  *failed = 0;
  for (guint i = 0; i < results->len; i++)
    {
      EylFileResult *result = g_ptr_array_index (results, i);

      g_ptr_array_add (report->files, eyl_file_result_ref (result));
      if (!result->ok)
        {
          g_autofree char *path = eyl_report_printable_path (result->path);

          (*failed)++;
          eyl_cli_print_error ("%s: %s (%s)", path, result->error_message,
                               eyl_error_code_to_string (result->error_code));
        }
    }
  return report;
}

static int
run_status (Run       *run,
            EylReport *report,
            guint      failed)
{
  if (failed > 0)
    return EXIT_UNREADABLE;
  if (eyl_report_max_severity (report) >= run->fail_level)
    return EXIT_FINDINGS;
  return EXIT_CLEAN;
}

/* @text on standard output, all of it: FALSE with a message when it
 * could not be written (a full disk, an output closed early), so that a
 * script does not take a cut report for a whole one. */
static gboolean
print_report (const char *text)
{
  int saved;

  errno = 0;
  if (fputs (text, stdout) != EOF && fflush (stdout) == 0 && !ferror (stdout))
    return TRUE;
  saved = errno != 0 ? errno : EIO;
  /* TRANSLATORS: %s is the system's reason, e.g. "No space left on device" */
  eyl_cli_print_error (_("standard output: Cannot write the report: %s"), g_strerror (saved));
  return FALSE;
}

/* Whether all printed on standard output so far reached it (an export's
 * list of outputs); else a message. */
static gboolean
stdout_written (void)
{
  int saved;

  errno = 0;
  if (fflush (stdout) == 0 && !ferror (stdout))
    return TRUE;
  saved = eyl_cli_stdout_errno () != 0 ? eyl_cli_stdout_errno () : errno != 0 ? errno
                                                                              : EIO;
  /* TRANSLATORS: %s is the system's reason, e.g. "No space left on device" */
  eyl_cli_print_error (_("standard output: Cannot write the list of outputs: %s"), g_strerror (saved));
  return FALSE;
}

static int
run_check (int    argc,
           char **argv)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autofree GOptionEntry *entries = eyl_cli_analysis_entries (&run.args);
  g_autofree GOptionEntry *common_entries = run_entries (&run);
  g_autoptr(GError) error = NULL;
  g_autoptr(EylWorkerConfig) config = NULL;
  g_autoptr(EylReport) report = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autofree char *format_str = NULL;
  g_autofree char *output = NULL;
  g_autofree char *out = NULL;
  g_autoptr(EylReportTarget) target = NULL;
  gboolean     no_color = FALSE;
  Format       format = FORMAT_TEXT;
  int          status;
  guint        failed = 0;
  GOptionEntry check_entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_str,
      N_("Report format: text (default), json or csv"), N_("FORMAT") },
      { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
        N_("Write the report to a file instead of standard output (- is standard output)"),
            N_("FILE") },
        { "no-color", 0, 0, G_OPTION_ARG_NONE, &no_color,
          N_("Never colour the text report"), NULL },
          { NULL } };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Places each page in the real world at true size, finds the contact "
                                  "details, the brand, the headline and the call to action, and reports "
                                  "what is hidden, too low or too small.\n\n"
                                  "A directory stands for the PDF files in it."));
  g_option_context_set_description (context,
                                    _("Examples:\n"
                                      "  eyeline-cli check banner.pdf\n"
                                      "  eyeline-cli check --placement rollup-behind-table --table-mm 760 banner.pdf\n"
                                      "  eyeline-cli check --size-mm 850x2000 --format json -o report.json *.pdf\n"
                                      "  eyeline-cli check --format csv --fail-on warning folder/\n\n"
                                      "Exit status: 0 nothing at or above --fail-on, 1 something is, "
                                      "2 usage error, 3 a file could not be read.\n"));
  g_option_context_add_main_entries (context, check_entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common_entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return eyl_cli_usage_error ("%s", error->message);

  if (format_str != NULL)
    {
      if (g_str_equal (format_str, "text"))
        format = FORMAT_TEXT;
      else if (g_str_equal (format_str, "json"))
        format = FORMAT_JSON;
      else if (g_str_equal (format_str, "csv"))
        format = FORMAT_CSV;
      else
        return eyl_cli_usage_error (_("--format: “%s” is not text, json or csv"), format_str);
    }

  status = run_setup (&run, "check");
  if (status != EXIT_CLEAN)
    return status;
  interrupt_catch ();

  paths = expand_inputs (run.files, FALSE, NULL);
  if (paths->len == 0)
    return eyl_cli_usage_error (_("check: no PDF files found"));
  if (output != NULL && g_str_equal (output, "-"))
    g_clear_pointer (&output, g_free);
  if (output != NULL && output_is_an_input (output, paths))
    return eyl_cli_usage_error (_("--output: “%s” is one of the input files; it is never overwritten"),
                                   output);
  /* Before the run: an unwritable target is found before any file is
   * checked. */
  if (output != NULL && (target = eyl_report_target_open (output, &error)) == NULL)
    return eyl_cli_usage_error ("--output: %s", error->message);

  config = run_config (&run);
  report = run_batch (&run, config, paths, &failed);
  if (interrupted ())
    {
      g_clear_pointer (&target, eyl_report_target_free);
      interrupt_reraise (&run);
    }

  switch (format)
    {
    case FORMAT_JSON:
      out = eyl_report_format_json (report);
      break;
    case FORMAT_CSV:
      out = eyl_report_format_csv (report);
      break;
    case FORMAT_TEXT:
    default:
      out = eyl_report_format_text (report,
                                    !no_color && output == NULL && isatty (STDOUT_FILENO) && g_getenv ("NO_COLOR") == NULL);
      break;
    }

  if (interrupted ())
    {
      g_clear_pointer (&target, eyl_report_target_free);
      interrupt_reraise (&run);
    }
  if (target != NULL)
    {
      if (!eyl_report_target_commit (target, out, strlen (out), &error))
        {
          eyl_cli_print_error ("--output: %s", error->message);
          return EXIT_USAGE;
        }
    }
  else if (!print_report (out))
    return EXIT_USAGE;

  return run_status (&run, report, failed);
}

static int
run_export (int    argc,
            char **argv)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autofree GOptionEntry *entries = eyl_cli_analysis_entries (&run.args);
  g_autofree GOptionEntry *common_entries = run_entries (&run);
  g_autoptr(GError) error = NULL;
  g_autoptr(EylWorkerConfig) config = NULL;
  g_autoptr(EylReport) report = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autofree char *output_dir = NULL;
  g_autofree char *mode_str = NULL;
  g_autofree char *report_str = NULL;
  gboolean         recursive = FALSE, overwrite = FALSE;
  EylExportMode    mode = EYL_EXPORT_OVERLAY;
  Format           report_format = FORMAT_TEXT;
  GStatBuf         output_stat;
  gboolean         have_output_stat;
  guint            failed = 0, n_outputs = 0;
  int              status;
  GOptionEntry     export_entries[] = {
        { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_dir,
          N_("Folder for the exported files (created if missing)"), N_("DIR") },
          { "mode", 'm', 0, G_OPTION_ARG_STRING, &mode_str,
            N_("overlay (default): the pages with the overlay and a summary page; annotations: the "
         "original with PDF comments; png: one image per page; walkup: per page, the piece as "
         "a visitor sees it from 8, 4 and 2 m (and in the hand); cvd: per page, the piece as "
         "people with protanopia, deuteranopia and tritanopia see it; attention: per page, "
         "the predicted attention (model) on what the visitor sees"),
                N_("MODE") },
            { "report", 0, 0, G_OPTION_ARG_STRING, &report_str,
              N_("Also write one report of the whole run into the folder: json or csv"), N_("FORMAT") },
              { "recursive", 'r', 0, G_OPTION_ARG_NONE, &recursive,
                N_("Take the PDFs in sub-folders too"), NULL },
                { "overwrite", 0, 0, G_OPTION_ARG_NONE, &overwrite,
                  N_("Replace outputs that exist instead of numbering the new ones"), NULL },
                  { NULL } };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Checks each file like “check” and exports the result: an annotated "
                                  "PDF, the original with PDF comments, or PNG images.\n\n"
                                  "A directory stands for the PDF files in it.  Outputs are named after "
                                  "the input (banner.pdf → banner-eyeline.pdf), written completely or "
                                  "not at all, and never replace an input."));
  g_option_context_set_description (context,
                                    _("Examples:\n"
                                      "  eyeline-cli export --output checked/ banner.pdf\n"
                                      "  eyeline-cli export --output checked/ --report csv --recursive banners/\n"
                                      "  eyeline-cli export --output comments/ --mode annotations *.pdf\n"
                                      "  eyeline-cli export --output slides/ --mode png --placement poster-wall poster.pdf\n"
                                      "  eyeline-cli export --output walkup/ --mode walkup banner.pdf\n"
                                      "  eyeline-cli export --output colours/ --mode cvd banner.pdf\n"
                                      "  eyeline-cli export --output attention/ --mode attention banner.pdf\n\n"
                                      "Exit status: 0 nothing at or above --fail-on, 1 something is, "
                                      "2 usage error, 3 a file could not be read or exported.\n"));
  g_option_context_add_main_entries (context, export_entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common_entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return eyl_cli_usage_error ("%s", error->message);
  if (output_dir == NULL)
    return eyl_cli_usage_error (_("export: --output DIR is needed"));
  if (output_dir[0] == '\0')
    return eyl_cli_usage_error (_("--output: the folder name is empty"));
  if (mode_str != NULL && (!eyl_export_mode_from_string (mode_str, &mode) || mode == EYL_EXPORT_NONE))
    return eyl_cli_usage_error (_("--mode: “%s” is not overlay, annotations, png, walkup, cvd or attention"), mode_str);
  if (report_str != NULL)
    {
      if (g_str_equal (report_str, "json"))
        report_format = FORMAT_JSON;
      else if (g_str_equal (report_str, "csv"))
        report_format = FORMAT_CSV;
      else
        return eyl_cli_usage_error (_("--report: “%s” is not json or csv"), report_str);
    }

  status = run_setup (&run, "export");
  if (status != EXIT_CLEAN)
    return status;
  interrupt_catch ();

  if (g_file_test (output_dir, G_FILE_TEST_EXISTS) && !g_file_test (output_dir, G_FILE_TEST_IS_DIR))
    return eyl_cli_usage_error (_("--output: “%s” is not a folder"), output_dir);
  if (g_mkdir_with_parents (output_dir, 0755) != 0)
    {
      int saved = errno;

      /* Translators: in brackets after an error: it is about the output,
       * not an input file */
      g_autofree char *display = eyl_report_printable_path (output_dir);

      eyl_cli_print_error ("%s: %s (%s)", display, g_strerror (saved), _("output"));
      return EXIT_UNREADABLE;
    }
  have_output_stat = g_stat (output_dir, &output_stat) == 0;

  paths = expand_inputs (run.files, recursive, have_output_stat ? &output_stat : NULL);
  if (paths->len == 0)
    return eyl_cli_usage_error (_("export: no PDF files found"));

  config = run_config (&run);
  config->export_mode = mode;
  config->export_dir = g_strdup (output_dir);
  config->overwrite = overwrite;
  for (guint i = 0; i < paths->len; i++)
    eyl_export_guard_add_input (config->guard, g_ptr_array_index (paths, i));

  report = run_batch (&run, config, paths, &failed);
  /* The outputs published before the signal are complete; the workers'
   * folders are gone. */
  if (interrupted ())
    interrupt_reraise (&run);

  for (guint i = 0; i < report->files->len; i++)
    {
      EylFileResult *result = g_ptr_array_index (report->files, i);

      for (guint k = 0; k < result->outputs->len; k++)
        {
          eyl_cli_print_path (g_ptr_array_index (result->outputs, k));
          n_outputs++;
        }
    }

  if (report_format != FORMAT_TEXT && interrupted ())
    interrupt_reraise (&run);
  if (report_format != FORMAT_TEXT)
    {
      g_autofree char *text = report_format == FORMAT_JSON ? eyl_report_format_json (report)
                                                           : eyl_report_format_csv (report);
      g_autofree char *written = NULL;

      written = eyl_export_write_file (output_dir,
                                       report_format == FORMAT_JSON ? "eyeline-report.json"
                                                                    : "eyeline-report.csv",
                                       text, strlen (text), overwrite, config->guard, &error);
      if (written == NULL)
        {
          eyl_cli_print_error ("%s (%s)", error->message, _("output"));
          failed++;
        }
      else
        eyl_cli_print_path (written);
    }

  {
    EylReportSummary summary;

    eyl_report_get_summary (report, &summary);
    /* Translators: the last line of an export run, followed by
     * "· 3 outputs · 2 errors, 1 warning, 0 notes". */
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "Exported %u of %u file",
                             "Exported %u of %u files",
                             paths->len),
                summary.files - summary.failed, paths->len);
    g_printerr (" · ");
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u output", "%u outputs", n_outputs), n_outputs);
    g_printerr (" · ");
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", summary.errors),
                summary.errors);
    g_printerr (", ");
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", summary.warnings),
                summary.warnings);
    g_printerr (", ");
    /* Translators: findings of severity "info" */
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", summary.infos),
                summary.infos);
    g_printerr ("\n");
  }

  if (!stdout_written ())
    return EXIT_USAGE;
  return run_status (&run, report, failed);
}

/* ---------------------------------------------------------------------- */

/* The predicted attention (model) of images is the engine's: this
 * command becomes eyeline-worker's attention mode (exec, so the exit
 * status, the output and --help are the worker's), and the command line
 * links none of the engine's libraries. */
static int
run_attention (int    argc,
               char **argv)
{
  g_autofree char *found = eyl_worker_find_exe ();
  const char      *worker = eyl_worker_resolve_exe (found);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  /* argv[0] ("eyeline-cli attention") names the command in --help. */
  g_ptr_array_add (args, argv[0]);
  g_ptr_array_add (args, (char *) "attention");
  for (int i = 1; i < argc; i++)
    g_ptr_array_add (args, argv[i]);
  g_ptr_array_add (args, NULL);
  execv (worker, (char **) args->pdata);
  eyl_cli_print_error ("%s: %s", worker, g_strerror (errno));
  return EXIT_UNREADABLE;
}

/* Two versions of one piece: each checked as "check" would, then
 * compared page by page. */
static int
run_compare (int    argc,
             char **argv)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autofree GOptionEntry *entries = eyl_cli_analysis_entries (&run.args);
  g_autofree GOptionEntry *common_entries = run_entries (&run);
  g_autoptr(GError) error = NULL;
  g_autoptr(EylWorkerConfig) config = NULL;
  g_autoptr(EylReport) report = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(EylComparison) comparison = NULL;
  g_autofree char *format_str = NULL;
  g_autofree char *out = NULL;
  gboolean         json = FALSE, no_color = FALSE;
  int              status, worst;
  guint            failed = 0;
  GOptionEntry     compare_entries[] = {
        { "format", 0, 0, G_OPTION_ARG_STRING, &format_str,
          N_("Report format: text (default) or json"), N_("FORMAT") },
          { "no-color", 0, 0, G_OPTION_ARG_NONE, &no_color,
            N_("Never colour the text report"), NULL },
            { NULL } };

  context = g_option_context_new (N_("OLD NEW"));
  g_option_context_set_summary (context,
                                _("Checks two versions of one piece with the same settings and "
                                  "shows, page by page, how the score changed and which findings "
                                  "were fixed, which are new and which are still open."));
  g_option_context_set_description (context,
                                    _("Examples:\n"
                                      "  eyeline-cli compare banner-v1.pdf banner-v2.pdf\n"
                                      "  eyeline-cli compare --placement rollup-behind-table --format json v1.pdf v2.pdf\n\n"
                                      "Exit status: 0 no new finding at or above --fail-on, 1 a new one is, "
                                      "2 usage error, 3 a file could not be read.\n"));
  g_option_context_add_main_entries (context, compare_entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common_entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return eyl_cli_usage_error ("%s", error->message);
  if (format_str != NULL)
    {
      if (g_str_equal (format_str, "json"))
        json = TRUE;
      else if (!g_str_equal (format_str, "text"))
        return eyl_cli_usage_error (_("--format: “%s” is not text or json"), format_str);
    }

  status = run_setup (&run, "compare");
  if (status != EXIT_CLEAN)
    return status;
  if (g_strv_length (run.files) != 2)
    return eyl_cli_usage_error (_("compare: give two PDF files, the old version and the new"));
  interrupt_catch ();

  paths = g_ptr_array_new ();
  g_ptr_array_add (paths, run.files[0]);
  g_ptr_array_add (paths, run.files[1]);
  config = run_config (&run);
  report = run_batch (&run, config, paths, &failed);
  if (interrupted ())
    interrupt_reraise (&run);
  if (failed > 0 || report->files->len != 2)
    return EXIT_UNREADABLE;

  comparison = eyl_comparison_new (g_ptr_array_index (report->files, 0),
                                   g_ptr_array_index (report->files, 1));
  if (json)
    out = eyl_comparison_format_json (comparison);
  else
    out = eyl_comparison_format_text (comparison,
                                      !no_color && isatty (STDOUT_FILENO) && g_getenv ("NO_COLOR") == NULL);
  if (!print_report (out))
    return EXIT_USAGE;

  worst = eyl_comparison_max_new_severity (comparison);
  return worst >= 0 && worst >= run.fail_level ? EXIT_FINDINGS : EXIT_CLEAN;
}

/* ---------------------------------------------------------------------- */

static void
print_help (void)
{
  g_print ("%s\n\n", _("Usage:\n"
                       "  eyeline-cli check [OPTIONS] FILE…\n"
                       "  eyeline-cli export --output DIR [OPTIONS] FILE…\n"
                       "  eyeline-cli compare [OPTIONS] OLD NEW\n"
                       "  eyeline-cli placements [--format json]\n"
                       "  eyeline-cli attention --output DIR IMAGE…\n"
                       "  eyeline-cli --version"));
  g_print ("%s\n\n", _("Checks print marketing PDFs (roll-up banners, posters, leaflets, packs) for "
                       "customer focus: places each page in the real world at true size and reports "
                       "contact details hidden behind a table, below eye level or too small to read."));
  g_print ("%s\n\n", _("Commands:\n"
                       "  check        Check PDF files and print a report (text, json or csv)\n"
                       "  export       Check PDF files and save annotated PDFs, PDF comments or PNGs\n"
                       "  compare      Check two versions of a piece: the score's change, findings fixed and new\n"
                       "  placements   List the placement presets and their numbers\n"
                       "  attention    Predicted attention (model) of images, as PNG maps"));
  g_print ("%s\n\n", _("Examples:\n"
                       "  eyeline-cli check banner.pdf\n"
                       "  eyeline-cli check --placement rollup-behind-table banner.pdf\n"
                       "  eyeline-cli check --size-mm 850x2000 --distance-m 2 --format json -o report.json banner.pdf\n"
                       "  eyeline-cli check --format csv --fail-on warning --jobs 4 folder/\n"
                       "  eyeline-cli export --output checked/ --report csv folder/\n"
                       "  eyeline-cli placements"));
  g_print ("%s\n", _("Run “eyeline-cli check --help” for every option."));
}

int
main (int    argc,
      char **argv)
{
  const char *command;

  setlocale (LC_ALL, "");
  /* EYL_LOCALEDIR: the tests point it at the build tree's po/ */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("EYL_LOCALEDIR") != NULL ? g_getenv ("EYL_LOCALEDIR")
                                                                      : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* A worker that dies before reading its password must not take the
   * parent down with SIGPIPE. */
  signal (SIGPIPE, SIG_IGN);

  if (argc < 2)
    {
      print_help ();
      return EXIT_USAGE;
    }

  command = argv[1];
  if (g_str_equal (command, "--version") || g_str_equal (command, "-V"))
    {
      g_print ("eyeline-cli %s\n", PACKAGE_VERSION);
      return EXIT_CLEAN;
    }
  if (g_str_equal (command, "--help") || g_str_equal (command, "-h") || g_str_equal (command, "help"))
    {
      print_help ();
      return EXIT_CLEAN;
    }

  /* Sub-commands see argv without the program name: argv[0] becomes
   * "eyeline-cli check" for their --help. */
  if (g_str_equal (command, "check"))
    {
      argv[1] = (char *) "eyeline-cli check";
      return run_check (argc - 1, argv + 1);
    }
  if (g_str_equal (command, "export"))
    {
      argv[1] = (char *) "eyeline-cli export";
      return run_export (argc - 1, argv + 1);
    }
  if (g_str_equal (command, "compare"))
    {
      argv[1] = (char *) "eyeline-cli compare";
      return run_compare (argc - 1, argv + 1);
    }
  if (g_str_equal (command, "placements"))
    {
      argv[1] = (char *) "eyeline-cli placements";
      return run_placements (argc - 1, argv + 1);
    }
  if (g_str_equal (command, "attention"))
    {
      argv[1] = (char *) "eyeline-cli attention";
      return run_attention (argc - 1, argv + 1);
    }
  return eyl_cli_usage_error (_("“%s” is not a command"), command);
}
