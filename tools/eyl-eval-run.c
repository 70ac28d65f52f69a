/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-eval-run: eyeline-cli on each file of the answer key.
 *
 * Each file needs its own placement and size, so each is one
 *
 *   eyeline-cli check --format json --fail-on never --placement P
 *               --size-mm WxH -o OUT_DIR/ID.json FILES_DIR/ID.pdf
 *
 * with a few of them running at once.  Exit 0 or 1 is a report; 3 means
 * the file could not be read (the command line says why on stderr); the
 * run goes on either way. */
#include "config.h"

#include <glib/gstdio.h>
#include <gio/gio.h>

#include "eyl-eval-findings.h"
#include "eyl-eval-run.h"

typedef struct
{
  GPtrArray  *files;
  const char *cli;
  const char *files_dir;
  const char *out_dir;
  guint       jobs;
  guint       next;
  guint       running;
  GMainLoop  *loop;
} Run;

typedef struct
{
  Run         *run;
  EylEvalFile *file;
  GSubprocess *process;
  char        *report;
} Job;

static void launch_more (Run *run);

static void
job_free (Job *job)
{
  g_clear_object (&job->process);
  g_free (job->report);
  g_free (job);
}

static void
file_set_status (EylEvalFile  *file,
                 EylEvalStatus status,
                 const char   *detail)
{
  file->status = status;
  g_free (file->detail);
  file->detail = g_strdup (detail);
}

static void
job_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Job         *job = user_data;
  EylEvalFile *file = job->file;
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;

  if (!g_subprocess_wait_finish (job->process, result, &error))
    file_set_status (file, EYL_EVAL_FAILED, error->message);
  else if (g_subprocess_get_if_signaled (job->process))
    {
      detail = g_strdup_printf ("eyeline-cli was killed by signal %d",
                                g_subprocess_get_term_sig (job->process));
      file_set_status (file, EYL_EVAL_FAILED, detail);
    }
  else if (g_subprocess_get_exit_status (job->process) == 3)
    file_set_status (file, EYL_EVAL_UNREADABLE, "eyeline-cli could not read it (exit 3)");
  else if (g_subprocess_get_exit_status (job->process) > 1)
    {
      detail = g_strdup_printf ("eyeline-cli exited with %d",
                                g_subprocess_get_exit_status (job->process));
      file_set_status (file, EYL_EVAL_FAILED, detail);
    }
  else if (!eyl_eval_file_read_report (file, job->report, &error))
    file_set_status (file, EYL_EVAL_FAILED, error->message);
  else
    file_set_status (file, EYL_EVAL_CHECKED, NULL);

  if (file->status == EYL_EVAL_FAILED)
    g_printerr ("eyl-eval: %s: %s\n", file->id, file->detail);

  job->run->running--;
  launch_more (job->run);
  job_free (job);
}

static char *
format_size (const EylEvalFile *file)
{
  char w[G_ASCII_DTOSTR_BUF_SIZE], h[G_ASCII_DTOSTR_BUF_SIZE];

  /* Not printf: the decimal point must not follow the locale. */
  g_ascii_formatd (w, sizeof w, "%g", file->size_mm[0]);
  g_ascii_formatd (h, sizeof h, "%g", file->size_mm[1]);
  return g_strconcat (w, "x", h, NULL);
}

static void
launch (Run         *run,
        EylEvalFile *file,
        const char  *pdf)
{
  g_autoptr(GStrvBuilder) args = g_strv_builder_new ();
  g_autofree char *name = g_strconcat (file->id, ".json", NULL);
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  Job *job = g_new0 (Job, 1);

  job->run = run;
  job->file = file;
  job->report = g_build_filename (run->out_dir, name, NULL);
  /* A report left from an earlier run must not stand in for this one. */
  g_unlink (job->report);

  g_strv_builder_add_many (args, run->cli, "check", "--format", "json", "--fail-on", "never",
                           "--placement", file->placement, NULL);
  if (file->size_mm[0] > 0 && file->size_mm[1] > 0)
    {
      g_autofree char *size = format_size (file);

      g_strv_builder_add_many (args, "--size-mm", size, NULL);
    }
  g_strv_builder_add_many (args, "-o", job->report, pdf, NULL);
  argv = g_strv_builder_end (args);

  job->process = g_subprocess_newv ((const char *const *) argv, G_SUBPROCESS_FLAGS_NONE, &error);
  if (job->process == NULL)
    {
      file_set_status (file, EYL_EVAL_FAILED, error->message);
      g_printerr ("eyl-eval: %s: %s\n", file->id, error->message);
      job_free (job);
      return;
    }
  run->running++;
  g_subprocess_wait_async (job->process, NULL, job_done, job);
}

static void
launch_more (Run *run)
{
  while (run->running < run->jobs && run->next < run->files->len)
    {
      EylEvalFile     *file = run->files->pdata[run->next++];
      g_autofree char *name = g_strconcat (file->id, ".pdf", NULL);
      g_autofree char *pdf = g_build_filename (run->files_dir, name, NULL);

      if (!g_file_test (pdf, G_FILE_TEST_EXISTS))
        {
          g_autofree char *detail = g_strdup_printf ("no %s", pdf);

          file_set_status (file, EYL_EVAL_ABSENT, detail);
          continue;
        }
      launch (run, file, pdf);
    }
  if (run->running == 0 && run->next == run->files->len)
    g_main_loop_quit (run->loop);
}

/* Checks each file of @files whose PDF is in @files_dir, @jobs at a
 * time, and reads its report (OUT_DIR/ID.json); each file's status says
 * how it went. */
void
eyl_eval_run_checks (GPtrArray  *files,
                     const char *cli,
                     const char *files_dir,
                     const char *out_dir,
                     guint       jobs)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Run run = {
    .files = files,
    .cli = cli,
    .files_dir = files_dir,
    .out_dir = out_dir,
    .jobs = MAX (jobs, 1),
    .loop = loop,
  };

  launch_more (&run);
  if (run.running > 0)
    g_main_loop_run (loop);
}
