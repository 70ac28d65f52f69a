/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-worker.c: files are checked in worker processes (DESIGN.md
 * "Isolation").
 *
 * Poppler 22.12 loops forever, allocates gigabytes or crashes on some
 * real files (../shared/badpdfs/README.md lists measured cases).  A thread
 * cannot be stopped, a process can: the parent gives the worker a
 * wall-clock limit and the worker gives itself an address-space limit,
 * so a hang, a blow-up or a crash costs one file, never the run.  A
 * worker checks one file (eyl_worker_check_file_async), or, in a pool,
 * file after file with the same limits per file (EylWorkerPool). */
#include "config.h"

#define G_LOG_DOMAIN "eyl-worker"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <glib-unix.h>
#include <gio/gunixinputstream.h>

#include "eyl-worker.h"
#include "eyl-channel.h"

/* How many lines of the worker's stderr are kept for diagnosis. */
#define STDERR_TAIL_LINES 8
/* How long the pipes of a worker that ended are read still. */
#define EYL_WORKER_PIPES_GRACE_MS 1000

/* ---------------------------------------------------------------------- */
/* Configuration                                                           */

char *
eyl_worker_find_exe_for (const char *self_exe)
{
  /* Build tree first: a program run from it must not start an older
   * installed worker. */
  const char *candidates[] = { EYL_WORKER_EXE_NAME, "../cli/" EYL_WORKER_EXE_NAME,
                               BINDIR_TO_LIBEXECDIR "/" EYL_WORKER_EXE_NAME };

  if (self_exe != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self_exe);

      for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
        {
          g_autofree char *path = g_build_filename (dir, candidates[i], NULL);

          if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
            return g_canonicalize_filename (path, NULL);
        }
    }
  return g_build_filename (LIBEXECDIR, EYL_WORKER_EXE_NAME, NULL);
}

char *
eyl_worker_find_exe (void)
{
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);

  return eyl_worker_find_exe_for (self_exe);
}

EylWorkerConfig *
eyl_worker_config_new (const char *exe)
{
  EylWorkerConfig *self = g_new0 (EylWorkerConfig, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->exe = g_strdup (exe);
  self->args = g_ptr_array_new_with_free_func (g_free);
  self->timeout_s = EYL_WORKER_DEFAULT_TIMEOUT_S;
  self->memory_mb = EYL_WORKER_DEFAULT_MEMORY_MB;
  self->retire_rss_mb = EYL_WORKER_RETIRE_RSS_MB;
  self->guard = eyl_export_guard_new ();

  return self;
}

EylWorkerConfig *
eyl_worker_config_ref (EylWorkerConfig *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
eyl_worker_config_unref (EylWorkerConfig *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->exe);
  g_ptr_array_unref (self->args);
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);
  g_strfreev (self->env);
  g_free (self->export_dir);
  g_clear_pointer (&self->settings, g_variant_unref);
  eyl_export_guard_unref (self->guard);
  g_free (self);
}

void
eyl_worker_config_setenv (EylWorkerConfig *self,
                          const char      *variable,
                          const char      *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (variable != NULL);

  if (value != NULL)
    self->env = g_environ_setenv (self->env, variable, value, TRUE);
  else
    self->env = g_environ_unsetenv (self->env, variable);
}

void
eyl_worker_config_set_settings (EylWorkerConfig        *self,
                                const EylCheckSettings *settings)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (settings != NULL);

  g_clear_pointer (&self->settings, g_variant_unref);
  self->settings = g_variant_ref_sink (eyl_check_settings_to_variant (settings));
}

void
eyl_worker_config_add_arg (EylWorkerConfig *self,
                           const char      *arg)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (arg != NULL);

  g_ptr_array_add (self->args, g_strdup (arg));
}

/* ---------------------------------------------------------------------- */
/* Parent side                                                             */

/* The worker reports each page it starts on this descriptor (see
 * eyl_progress_report); every report gives it a new time budget. */
#define PROGRESS_FD 3

typedef struct
{
  EylWorkerConfig *config;
  char            *path;
  GSubprocess     *process;
  GMainContext    *context;
  GSource         *timeout_source;
  GCancellable    *cancellable;
  gulong           cancelled_id;
  char            *temp_dir;   /* export: the worker's private folder */
  gboolean         has_ticket; /* export: its turn to publish (guard) */
  guint            ticket;
  GBytes          *stdout_bytes; /* kept while waiting for that turn */
  GBytes          *stderr_bytes;
  GError          *communicate_error;
  GCancellable    *pipes;        /* a worker of one file: its pipes' reading */
  gboolean         communicated; /* … is over */
  GInputStream    *progress;     /* read end of the progress pipe */
  char             progress_buf[256];
  EylWorkerStage   stage; /* what the worker last said it does */
  guint            page;  /* 1-based, 0 before the first page */
  guint            n_pages;
  gint             timed_out;   /* atomic */
  gint             cancelled;   /* atomic */
  double           armed_cpu_s; /* the worker's CPU time when armed */
  gint64           armed_at_us; /* monotonic time when armed */
  /* A served worker's file (eyl_worker_pool_check_file_async). */
  EylWorkerPool *pool;
  guint32        seq;      /* the request's number, 0 for a worker of one file */
  gboolean       answered; /* the worker answered and serves on */
  gboolean       garbled;  /* it wrote what is not an answer (and was stopped) */
  gboolean       retried;  /* in a new worker after a used one failed */
} WorkerRun;

static void
worker_run_free (WorkerRun *run)
{
  if (run->timeout_source != NULL)
    {
      g_source_destroy (run->timeout_source);
      g_source_unref (run->timeout_source);
    }
  if (run->cancelled_id != 0)
    g_cancellable_disconnect (run->cancellable, run->cancelled_id);
  g_clear_object (&run->cancellable);
  g_clear_object (&run->process);
  g_clear_object (&run->progress);
  g_clear_pointer (&run->context, g_main_context_unref);
  g_clear_object (&run->pipes);
  /* Published files were moved out; whatever is left is partial. */
  if (run->temp_dir != NULL)
    eyl_export_remove_temp_dir (run->temp_dir);
  g_free (run->temp_dir);
  /* Whatever happened, the exports waiting for this one's turn go on. */
  if (run->has_ticket)
    eyl_export_guard_settle (run->config->guard, run->ticket);
  g_clear_pointer (&run->stdout_bytes, g_bytes_unref);
  g_clear_pointer (&run->stderr_bytes, g_bytes_unref);
  g_clear_error (&run->communicate_error);
  eyl_worker_config_unref (run->config);
  g_clear_pointer (&run->pool, eyl_worker_pool_unref);
  g_free (run->path);
  g_free (run);
}

static EylFileResult *
error_result (const char  *path,
              EylErrorCode code,
              const char  *format,
              ...) G_GNUC_PRINTF (3, 4);

static EylFileResult *
error_result (const char  *path,
              EylErrorCode code,
              const char  *format,
              ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  va_list          args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  error = g_error_new_literal (EYL_ERROR, code, message);
  return eyl_file_result_new_error (path, error);
}

/* What glib (g_malloc), C++ (std::bad_alloc, Poppler) and the sanitizers
 * print when an allocation fails under the address-space limit. */
static gboolean
stderr_shows_allocation_failure (const char *text)
{
  static const char *const patterns[] = {
    "failed to allocate",
    "bad_alloc",
    "out of memory",
    "cannot allocate memory",
  };
  g_autofree char *lower = NULL;

  if (text == NULL)
    return FALSE;

  lower = g_ascii_strdown (text, -1);
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    if (strstr (lower, patterns[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* The last few non-empty lines, joined by " | ", for a message. */
static char *
stderr_tail (const char *text,
             guint       max_lines)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  guint n;

  if (text == NULL)
    return g_strdup ("");

  lines = g_strsplit (text, "\n", -1);
  n = g_strv_length (lines);
  for (guint i = n; i > 0 && kept->len < max_lines; i--)
    {
      g_strstrip (lines[i - 1]);
      if (lines[i - 1][0] != '\0')
        g_ptr_array_insert (kept, 0, lines[i - 1]);
    }
  g_ptr_array_add (kept, NULL);
  return g_strjoinv (" | ", (char **) kept->pdata);
}

static guint
count_poppler_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; p != NULL && (p = strstr (p, "Poppler")) != NULL; p++)
    n++;
  return n;
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize       len = 0;
  const char *data;

  if (bytes == NULL)
    return g_strdup ("");
  data = g_bytes_get_data (bytes, &len);
  return g_strndup (data != NULL ? data : "", len);
}

static EylFileResult *
map_outcome (WorkerRun *run,
             GBytes    *stdout_bytes,
             GBytes    *stderr_bytes,
             GError    *communicate_error)
{
  g_autofree char *err = bytes_to_string (stderr_bytes);
  g_autofree char *tail = stderr_tail (err, STDERR_TAIL_LINES);
  g_autofree char *name = g_filename_display_basename (run->path);
  g_autoptr(GError) error = NULL;
  EylFileResult *result;

  if (tail[0] != '\0')
    g_debug ("worker for %s, stderr: %s", run->path, tail);

  if (g_atomic_int_get (&run->cancelled))
    return error_result (run->path, EYL_ERROR_CANCELLED,
                         _("The check of “%s” was cancelled."), name);

  if (g_atomic_int_get (&run->timed_out))
    {
      if (run->page == 0)
        return error_result (run->path, EYL_ERROR_TIMEOUT,
                             _("Opening “%s” took longer than %u s and was stopped."),
                                name, run->config->timeout_s);
      if (run->stage == EYL_WORKER_STAGE_EXPORT)
        return error_result (run->path, EYL_ERROR_TIMEOUT,
                             /* Translators: page number, page count, file name, seconds. */
                             _("Exporting page %u of %u of “%s” took longer than %u s and was stopped."),
                                run->page, run->n_pages, name, run->config->timeout_s);
      return error_result (run->path, EYL_ERROR_TIMEOUT,
                           /* Translators: page number, page count, file name, seconds. */
                           _("Reading page %u of %u of “%s” took longer than %u s and was stopped."),
                              run->page, run->n_pages, name, run->config->timeout_s);
    }

  /* A served worker that answered lives on: its answer is the result. */
  if (run->answered)
    goto answered;

  /* Stopped by us for what it wrote, whatever its end looks like. */
  if (run->garbled)
    return error_result (run->path, EYL_ERROR_ENGINE_CRASH,
                         _("The worker for “%s” returned an unreadable result."), name);

  if (communicate_error != NULL && !g_subprocess_get_if_exited (run->process) && !g_subprocess_get_if_signaled (run->process))
    return error_result (run->path, EYL_ERROR_ENGINE_CRASH,
                         _("The worker for “%s” could not be run: %s"),
                            name, communicate_error->message);

  if (g_subprocess_get_if_signaled (run->process))
    {
      int sig = g_subprocess_get_term_sig (run->process);

      if (stderr_shows_allocation_failure (err))
        return error_result (run->path, EYL_ERROR_MEMORY,
                             _("Analysis of “%s” needed more than the %u MB memory limit and was stopped."),
                                name, run->config->memory_mb);
      /* Nobody here sends SIGKILL but us (timeout, cancel): from outside
       * it is the kernel's out-of-memory killer. */
      if (sig == SIGKILL)
        return error_result (run->path, EYL_ERROR_MEMORY,
                             _("Analysis of “%s” was killed by the system, most likely for using too much memory."),
                                name);
      return error_result (run->path, EYL_ERROR_ENGINE_CRASH,
                           _("The PDF engine crashed while reading “%s” (%s)."),
                              name, g_strsignal (sig));
    }

  if (g_subprocess_get_exit_status (run->process) != 0)
    {
      if (stderr_shows_allocation_failure (err))
        return error_result (run->path, EYL_ERROR_MEMORY,
                             _("Analysis of “%s” needed more than the %u MB memory limit and was stopped."),
                                name, run->config->memory_mb);
      return error_result (run->path, EYL_ERROR_ENGINE_CRASH,
                           _("The worker for “%s” stopped with exit status %d: %s"),
                              name, g_subprocess_get_exit_status (run->process),
                              tail[0] != '\0' ? tail : _("no message"));
    }

answered:
  /* Gone with exit status 0 and not a byte of an answer (a served
   * worker's answer is NULL then). */
  if (stdout_bytes == NULL || g_bytes_get_size (stdout_bytes) == 0)
    return error_result (run->path, EYL_ERROR_ENGINE_CRASH,
                         _("The worker for “%s” ended without an answer."), name);
  result = eyl_channel_read (stdout_bytes, &error);
  if (result == NULL)
    return error_result (run->path, EYL_ERROR_ENGINE_CRASH,
                         _("The worker for “%s” returned an unreadable result: %s"),
                            name, error->message);

  /* The report names the file as the user gave it. */
  g_free (result->path);
  result->path = g_strdup (run->path);

  if (run->temp_dir != NULL && result->ok)
    {
      g_autoptr(GPtrArray) names = g_steal_pointer (&result->outputs);

      result->outputs = g_ptr_array_new_with_free_func (g_free);
      if (!eyl_export_publish (run->temp_dir, names, run->config->export_dir,
                               run->config->overwrite, run->config->guard,
                               result->outputs, &error))
        {
          eyl_file_result_unref (result);
          return eyl_file_result_new_error (run->path, error);
        }
    }

  if (result->ok && result->warnings->len == 0)
    {
      guint n = count_poppler_lines (err);

      if (n > 0)
        g_ptr_array_add (result->warnings,
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "Poppler reported %u problem while reading the file.",
                                                       "Poppler reported %u problems while reading the file.",
                                                       n),
                                          n));
    }

  return result;
}

/* The worker is gone and it is this file's turn to publish: the result,
 * its outputs in place. */
static void
finish_run (GTask *task)
{
  WorkerRun     *run = g_task_get_task_data (task);
  EylFileResult *result = map_outcome (run, run->stdout_bytes, run->stderr_bytes,
                                       run->communicate_error);
  g_autoptr(EylExportGuard) guard = NULL;
  gboolean has_ticket = run->has_ticket;
  guint    ticket = run->ticket;

  /* Settled here rather than when the task is freed: the exports
   * waiting for this one go on now. */
  run->has_ticket = FALSE;
  guard = eyl_export_guard_ref (run->config->guard);
  g_task_return_pointer (task, result, (GDestroyNotify) eyl_file_result_unref);
  if (has_ticket)
    eyl_export_guard_settle (guard, ticket);
}

static void
resume_cb (gpointer user_data)
{
  g_autoptr(GTask) task = user_data;

  finish_run (task);
}

/* The worker is done with the file (@task, taken): its result now, or
 * when it is its turn to publish. */
static void
finish_after_worker (GTask *task)
{
  WorkerRun *run = g_task_get_task_data (task);

  /* An earlier input whose outputs are named alike has not published
   * yet: this one waits its turn (the worker is done, its files stay in
   * the private folder). */
  if (run->has_ticket && !eyl_export_guard_may_publish (run->config->guard, run->ticket))
    {
      eyl_export_guard_wait (run->config->guard, run->ticket, G_CALLBACK (resume_cb), task);
      return;
    }
  finish_run (task);
  g_object_unref (task);
}

static gboolean
pipes_grace_cb (gpointer user_data)
{
  g_debug ("the pipes of a worker that ended, no longer read");
  g_cancellable_cancel (G_CANCELLABLE (user_data));
  return G_SOURCE_REMOVE;
}

/* A worker ended.  Its pipes are read to their end, but a process it
 * left behind may hold them open for ever: they are read for
 * EYL_WORKER_PIPES_GRACE_MS more, then @pipes (their reads') is
 * cancelled and the file fails with what came (a served worker's answer
 * and messages up to its end mark; nothing of a worker of one file,
 * whose communicate gives nothing when it is stopped). */
static void
pipes_grace (GMainContext *context,
             GCancellable *pipes)
{
  g_autoptr(GSource) grace = g_timeout_source_new (EYL_WORKER_PIPES_GRACE_MS);

  g_source_set_callback (grace, pipes_grace_cb, g_object_ref (pipes), g_object_unref);
  g_source_set_static_name (grace, "[eyeline] worker pipes");
  g_source_attach (grace, context);
}

static void
own_exited_cb (GObject      *object,
               GAsyncResult *res,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WorkerRun *run = g_task_get_task_data (task);

  g_subprocess_wait_finish (G_SUBPROCESS (object), res, NULL);
  if (!run->communicated)
    pipes_grace (run->context, run->pipes);
}

static void
communicate_cb (GObject      *object,
                GAsyncResult *res,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WorkerRun *run = g_task_get_task_data (task);

  g_subprocess_communicate_finish (G_SUBPROCESS (object), res,
                                   &run->stdout_bytes, &run->stderr_bytes,
                                   &run->communicate_error);
  run->communicated = TRUE;

  /* communicate can return (e.g. a broken stdin pipe) before the process
   * is reaped: the exit status is only known after wait. */
  if (run->communicate_error != NULL)
    {
      g_subprocess_force_exit (run->process);
      g_subprocess_wait (run->process, NULL, NULL);
    }

  finish_after_worker (g_steal_pointer (&task));
}

/* The budget counts the worker's CPU time, so that a busy machine (or a
 * CLI suspended with Ctrl+Z) does not stop a healthy file: a file's
 * report must not depend on the load.  Share of the budget the worker
 * must have worked for to be stopped. */
#define CPU_SHARE_SPENT 0.8
/* A worker that waits without working (a FIFO nobody writes to, a lock)
 * is stopped after this many budgets of wall-clock time, when it worked
 * for less than MIN_WORK_SHARE of that time; a worker that works slowly
 * on a busy machine works on. */
#define WALL_CLOCK_BACKSTOP 3
#define MIN_WORK_SHARE      0.02
/* However it works, no file waits longer than this many budgets. */
#define WALL_CLOCK_LIMIT 20

EylBudgetVerdict
eyl_worker_budget_verdict (double  budget_s,
                           double  cpu_s,
                           double  wall_s,
                           double *recheck_s)
{
  double limit;

  *recheck_s = 0;
  if (cpu_s >= CPU_SHARE_SPENT * budget_s)
    return EYL_BUDGET_SPENT;
  if (wall_s >= WALL_CLOCK_LIMIT * budget_s)
    return EYL_BUDGET_STUCK;
  if (wall_s >= WALL_CLOCK_BACKSTOP * budget_s && (cpu_s < 0 || cpu_s < MIN_WORK_SHARE * wall_s))
    return EYL_BUDGET_STUCK;

  /* Look again when the budget could be spent, or at the next wall-clock
   * mark. */
  limit = wall_s < WALL_CLOCK_BACKSTOP * budget_s ? WALL_CLOCK_BACKSTOP * budget_s
                                                  : WALL_CLOCK_LIMIT * budget_s;
  *recheck_s = CLAMP (budget_s - MAX (cpu_s, 0), 0.5, MAX (limit - wall_s, 0.5));
  return EYL_BUDGET_GOING_ON;
}

/* User + system CPU time of process @pid (all its threads), s; a negative
 * value when it cannot be read (then the wall clock alone decides). */
static double
process_cpu_s (const char *pid)
{
  g_autofree char   *path = NULL;
  g_autofree char   *stat = NULL;
  unsigned long long utime, stime;
  const char        *p;
  long               ticks = sysconf (_SC_CLK_TCK);

  if (pid == NULL || ticks <= 0)
    return -1;
  path = g_strdup_printf ("/proc/%s/stat", pid);
  if (!g_file_get_contents (path, &stat, NULL, NULL))
    return -1;
  /* "pid (comm) state ppid …": utime and stime are fields 14 and 15, and
   * comm may hold spaces and parentheses: count from the last ')'. */
  p = strrchr (stat, ')');
  if (p == NULL ||
      sscanf (p + 1, " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu",
              &utime, &stime) != 2)
    return -1;
  return (double) (utime + stime) / ticks;
}

static void arm_source (WorkerRun *run,
                        double     seconds);

static gboolean
timeout_cb (gpointer user_data)
{
  WorkerRun *run = user_data;
  double     budget = run->config->timeout_s;
  double     cpu = process_cpu_s (g_subprocess_get_identifier (run->process));
  double     wall = (g_get_monotonic_time () - run->armed_at_us) / (double) G_USEC_PER_SEC;
  double     recheck;

  g_clear_pointer (&run->timeout_source, g_source_unref);
  if (eyl_worker_budget_verdict (budget, cpu >= 0 ? cpu - run->armed_cpu_s : -1, wall,
                                 &recheck) == EYL_BUDGET_GOING_ON)
    {
      /* Starved or suspended, not stuck: let it work out its budget. */
      arm_source (run, recheck);
      return G_SOURCE_REMOVE;
    }

  g_atomic_int_set (&run->timed_out, TRUE);
  g_subprocess_force_exit (run->process);
  return G_SOURCE_REMOVE;
}

static void
arm_source (WorkerRun *run,
            double     seconds)
{
  if (run->timeout_source != NULL)
    {
      g_source_destroy (run->timeout_source);
      g_clear_pointer (&run->timeout_source, g_source_unref);
    }
  run->timeout_source = g_timeout_source_new ((guint) MIN (seconds * 1000.0, (double) G_MAXUINT));
  g_source_set_callback (run->timeout_source, timeout_cb, run, NULL);
  g_source_set_static_name (run->timeout_source, "[eyeline] worker timeout");
  g_source_attach (run->timeout_source, run->context);
}

/* A new budget of timeout_s from now: at the start, and whenever the
 * worker starts another page. */
static void
arm_timeout (WorkerRun *run)
{
  double cpu;

  if (run->config->timeout_s == 0 || g_atomic_int_get (&run->timed_out))
    return;

  cpu = process_cpu_s (g_subprocess_get_identifier (run->process));
  run->armed_cpu_s = MAX (cpu, 0);
  run->armed_at_us = g_get_monotonic_time ();
  arm_source (run, run->config->timeout_s);
}

/* "<stage> <page>/<n_pages>" lines; only the last complete one counts. */
static void
parse_progress (WorkerRun  *run,
                const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char  stage[16];
      guint page, n_pages, seq;
      int   n = sscanf (lines[i], "%15s %u/%u %u", stage, &page, &n_pages, &seq);

      /* A served worker's late line of the file before is not this one's. */
      if (n < 3 || (n == 4 && seq != run->seq))
        continue;
      run->stage = g_str_equal (stage, "export") ? EYL_WORKER_STAGE_EXPORT
                                                 : EYL_WORKER_STAGE_ANALYSIS;
      run->page = page;
      run->n_pages = n_pages;
    }
}

static void
progress_read_cb (GObject      *object,
                  GAsyncResult *res,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WorkerRun *run = g_task_get_task_data (task);
  gssize     n;

  n = g_input_stream_read_finish (G_INPUT_STREAM (object), res, NULL);
  if (n <= 0)
    return; /* the worker is gone (end of file) */

  run->progress_buf[n] = '\0';
  parse_progress (run, run->progress_buf);
  if (run->timeout_source != NULL)
    arm_timeout (run);

  g_input_stream_read_async (run->progress, run->progress_buf, sizeof run->progress_buf - 1,
                             G_PRIORITY_DEFAULT, NULL, progress_read_cb,
                             g_steal_pointer (&task));
}

static void
cancelled_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  WorkerRun *run = user_data;

  g_atomic_int_set (&run->cancelled, TRUE);
  if (run->process != NULL)
    g_subprocess_force_exit (run->process);
}

const char *
eyl_worker_resolve_exe (const char *exe)
{
  const char *env = g_getenv ("EYL_WORKER");

  if (env != NULL && env[0] != '\0')
    return env;
  return exe;
}

static const char *
worker_exe (EylWorkerConfig *config)
{
  return eyl_worker_resolve_exe (config->exe);
}

/* The run of @task (its task data): what is checked before any worker
 * is asked, and an export's private folder and turn to publish.  FALSE
 * when the task has its (error) result already. */
static gboolean
prepare_run (GTask           *task,
             EylWorkerConfig *config,
             const char      *path,
             GCancellable    *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  const char      *exe = worker_exe (config);
  WorkerRun       *run;

  /* A cancelled check is still a result (status error, "cancelled"). */
  g_task_set_check_cancellable (task, FALSE);

  run = g_new0 (WorkerRun, 1);
  run->config = eyl_worker_config_ref (config);
  run->path = g_strdup (path);
  g_task_set_task_data (task, run, (GDestroyNotify) worker_run_free);

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_task_return_pointer (task,
                             error_result (path, EYL_ERROR_CANCELLED,
                                           _("The check of “%s” was cancelled."), name),
                                           (GDestroyNotify) eyl_file_result_unref);
      return FALSE;
    }

  if (exe == NULL)
    {
      g_task_return_pointer (task,
                             error_result (path, EYL_ERROR_ENGINE_CRASH,
                                           _("No worker program to check “%s” with."), name),
                                           (GDestroyNotify) eyl_file_result_unref);
      return FALSE;
    }

  if (config->memory_mb > 0 && config->memory_mb < EYL_WORKER_MIN_MEMORY_MB)
    {
      g_task_return_pointer (task,
                             error_result (path, EYL_ERROR_USAGE,
                                           _("The memory limit of %u MB is too small to check “%s”: "
                                             "a worker needs at least %u MB."),
                                              config->memory_mb, name, EYL_WORKER_MIN_MEMORY_MB),
                                           (GDestroyNotify) eyl_file_result_unref);
      return FALSE;
    }

  /* A FIFO, a device or a socket: the worker would wait on it until its
   * time budget ran out (a FIFO nobody writes to never opens) or read
   * without end.  Folders and missing files are the worker's to say. */
  {
    GStatBuf st;

    if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode) && !S_ISDIR (st.st_mode))
      {
        g_task_return_pointer (task,
                               error_result (path, EYL_ERROR_NOT_FOUND,
                                             S_ISFIFO (st.st_mode)
                                             ? _("“%s” is a FIFO (named pipe), not a regular file.")
                                                  : _("“%s” is a device or a socket, not a regular file."),
                                                       name),
                                             (GDestroyNotify) eyl_file_result_unref);
        return FALSE;
      }
  }

  if (config->export_mode != EYL_EXPORT_NONE && config->export_dir != NULL)
    {
      /* A private folder next to the final place, so that publishing is a
       * rename within one file system. */
      run->temp_dir = eyl_export_make_temp_dir (config->export_dir, &error);
      if (run->temp_dir == NULL)
        {
          g_task_return_pointer (task, eyl_file_result_new_error (path, error),
                                 (GDestroyNotify) eyl_file_result_unref);
          return FALSE;
        }
      /* Starts happen in input order: so do the turns to publish. */
      {
        g_autofree char *key = eyl_export_output_name (path, config->export_mode, 0, 1);

        run->ticket = eyl_export_guard_take_ticket (config->guard, key);
        run->has_ticket = TRUE;
      }
    }
  return TRUE;
}

/* Starts `<exe> worker [config args] [@extra] -- @path` for @task: the
 * check of a file, or (with @extra) the render of one of its pages.  The
 * task returns an EylFileResult in any case. */
static void
start_worker (GTask           *task,
              EylWorkerConfig *config,
              const char      *path,
              GPtrArray       *extra,
              GCancellable    *cancellable)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) stdin_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  WorkerRun       *run;

  if (!prepare_run (task, config, path, cancellable))
    return;
  run = g_task_get_task_data (task);

  g_ptr_array_add (argv, g_strdup (worker_exe (config)));
  for (guint i = 0; i < config->args->len; i++)
    g_ptr_array_add (argv, g_strdup (g_ptr_array_index (config->args, i)));
  if (config->settings != NULL)
    g_ptr_array_add (argv, g_strdup ("--settings-on-stdin"));
  g_ptr_array_add (argv, g_strdup ("--memory-mb"));
  g_ptr_array_add (argv, g_strdup_printf ("%u", config->memory_mb));
  if (run->temp_dir != NULL)
    {
      g_ptr_array_add (argv, g_strconcat ("--export=", eyl_export_mode_to_string (config->export_mode),
                                          NULL));
      g_ptr_array_add (argv, g_strconcat ("--export-dir=", run->temp_dir, NULL));
    }
  for (guint i = 0; extra != NULL && i < extra->len; i++)
    g_ptr_array_add (argv, g_strdup (g_ptr_array_index (extra, i)));
  g_ptr_array_add (argv, g_strdup ("--"));
  g_ptr_array_add (argv, g_strdup (path));
  g_ptr_array_add (argv, NULL);

  /* The password goes through a pipe, never the command line (which
   * every user of the machine can read in /proc). */
  {
    /* The settings first, one line (eyl_worker_child_read_settings). */
    g_autofree char *settings = config->settings != NULL ? eyl_worker_encode_settings (config->settings) : NULL;
    g_autofree char *line = config->password != NULL ? eyl_worker_encode_password (config->password) : NULL;
    GString         *input = g_string_new (settings);

    /* no password: end of input after the settings */
    if (line != NULL)
      {
        g_string_append (input, line);
        memset (line, 0, strlen (line));
      }
    stdin_bytes = g_bytes_new (input->str, input->len);
    memset (input->str, 0, input->len);
    g_string_free (input, TRUE);
  }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (config->timeout_s > 0)
    {
      int fds[2];

      /* The parent's write end closes with the launcher: end of file on
       * the read end means the worker is gone. */
      if (g_unix_open_pipe (fds, FD_CLOEXEC, &error))
        {
          g_subprocess_launcher_take_fd (launcher, fds[1], PROGRESS_FD);
          g_subprocess_launcher_setenv (launcher, "EYL_WORKER_PROGRESS_FD",
                                        G_STRINGIFY (PROGRESS_FD), TRUE);
          run->progress = g_unix_input_stream_new (fds[0], TRUE);
        }
      else
        {
          g_warning ("No progress pipe for the worker: %s", error->message);
          g_clear_error (&error);
        }
    }
  for (guint i = 0; config->env != NULL && config->env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (config->env[i], "=", 2);

      if (pair[0] != NULL && pair[1] != NULL)
        g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }
  run->process = g_subprocess_launcher_spawnv (launcher,
                                               (const char *const *) argv->pdata,
                                               &error);
  if (run->process == NULL)
    {
      g_task_return_pointer (task,
                             error_result (path, EYL_ERROR_ENGINE_CRASH,
                                           _("The worker for “%s” could not be started: %s"),
                                              name, error->message),
                                           (GDestroyNotify) eyl_file_result_unref);
      return;
    }

  run->context = g_main_context_ref (g_task_get_context (task));
  arm_timeout (run);
  if (run->progress != NULL)
    g_input_stream_read_async (run->progress, run->progress_buf, sizeof run->progress_buf - 1,
                               G_PRIORITY_DEFAULT, NULL, progress_read_cb, g_object_ref (task));

  if (cancellable != NULL)
    {
      run->cancellable = g_object_ref (cancellable);
      run->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb),
                                                 run, NULL);
    }

  /* Not the caller's cancellable: cancelling kills the worker
   * (cancelled_cb) and communicate then finishes normally with what was
   * read.  Its own is for pipes that outlive the worker (own_exited_cb). */
  run->pipes = g_cancellable_new ();
  g_subprocess_communicate_async (run->process, stdin_bytes, run->pipes,
                                  communicate_cb, g_object_ref (task));
  g_subprocess_wait_async (run->process, NULL, own_exited_cb, g_object_ref (task));
}

void
eyl_worker_check_file_async (EylWorkerConfig    *config,
                             const char         *path,
                             GCancellable       *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (config != NULL);
  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, eyl_worker_check_file_async);
  start_worker (task, config, path, NULL, cancellable);
}

EylFileResult *
eyl_worker_check_file_finish (GAsyncResult *result)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), NULL);
}

static void
sync_cb (GObject      *object,
         GAsyncResult *res,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (res);
  g_main_context_wakeup (g_main_context_get_thread_default ());
}

EylFileResult *
eyl_worker_check_file (EylWorkerConfig *config,
                       const char      *path,
                       GCancellable    *cancellable)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;

  g_main_context_push_thread_default (context);
  eyl_worker_check_file_async (config, path, cancellable, sync_cb, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);

  return eyl_worker_check_file_finish (result);
}

/* ---------------------------------------------------------------------- */
/* Long-lived workers                                                      */

struct _EylWorkerPool
{
  gatomicrefcount ref_count;
  guint           max_idle;
  GMainContext   *context;
  GPtrArray      *idle; /* Served *, the longest waiting first */
  GPtrArray      *live; /* Served *, not owned: every worker not freed yet */
};

/* One `worker --serve` process.  Every read in flight holds a reference. */
typedef struct
{
  grefcount         ref_count;
  EylWorkerPool    *pool;  /* not owned: NULL once retired */
  EylWorkerPool    *owner; /* not owned: NULL once the pool is gone */
  char             *key;   /* what a file's config must match */
  GSubprocess      *process;
  GOutputStream    *in;
  GDataInputStream *out;
  GInputStream     *err;
  GInputStream     *progress;
  char              err_buf[4096];
  char              progress_buf[256];
  GString          *err_text;    /* stderr since the last end mark */
  gsize             err_scanned; /* err_text before this holds no end mark */
  gboolean          err_closed;  /* end of its stderr */
  gboolean          exited;
  guchar           *answer_buf; /* an answer being read */
  gsize             answer_len;
  GBytes           *answer;     /* the current file's, waiting for its end mark */
  GBytes           *err_answer; /* the current file's messages, up to its end mark */
  gboolean          broken;     /* it serves no more */
  guint32           seq;        /* the last request's number */
  guint             n_files;    /* answered */
  GTask            *task;       /* the file being checked, or NULL */
  GSource          *idle_source;
  GCancellable     *pipes; /* its pipes' reads (see pipes_grace) */
} Served;

static Served *
served_ref (Served *served)
{
  g_ref_count_inc (&served->ref_count);
  return served;
}

static void
served_unref (Served *served)
{
  if (!g_ref_count_dec (&served->ref_count))
    return;
  g_assert (served->task == NULL);
  if (served->owner != NULL)
    g_ptr_array_remove_fast (served->owner->live, served);
  g_clear_object (&served->process);
  g_clear_object (&served->in);
  g_clear_object (&served->out);
  g_clear_object (&served->err);
  g_clear_object (&served->progress);
  g_clear_object (&served->pipes);
  g_string_free (served->err_text, TRUE);
  g_clear_pointer (&served->answer, g_bytes_unref);
  g_clear_pointer (&served->err_answer, g_bytes_unref);
  g_free (served->answer_buf);
  g_free (served->key);
  g_free (served);
}

/* What a worker serves for: program, arguments, limit, environment —
 * the config's, and the project's variables of this process's (the test
 * hooks: a worker started before one was set does not have it). */
static char *
served_key (EylWorkerConfig *config)
{
  GString *key = g_string_new (worker_exe (config));
  g_auto(GStrv) parent_env = g_get_environ ();

  for (guint i = 0; parent_env[i] != NULL; i++)
    if (g_str_has_prefix (parent_env[i], "EYL_"))
      g_string_append_printf (key, "\nparent-env:%s", parent_env[i]);

  for (guint i = 0; i < config->args->len; i++)
    g_string_append_printf (key, "\n%s", (const char *) g_ptr_array_index (config->args, i));
  g_string_append_printf (key, "\n--memory-mb=%u", config->memory_mb);
  for (guint i = 0; config->env != NULL && config->env[i] != NULL; i++)
    g_string_append_printf (key, "\nenv:%s", config->env[i]);
  return g_string_free (key, FALSE);
}

static void
stop_idle_timer (Served *served)
{
  if (served->idle_source != NULL)
    {
      g_source_destroy (served->idle_source);
      g_clear_pointer (&served->idle_source, g_source_unref);
    }
}

/* No more files: end of input ends the worker. */
static void
served_retire (Served *served)
{
  EylWorkerPool *pool = g_steal_pointer (&served->pool);

  stop_idle_timer (served);
  served->broken = TRUE;
  if (pool != NULL)
    g_ptr_array_remove (pool->idle, served); /* may drop the pool's reference */
  if (served->in != NULL)
    g_output_stream_close (served->in, NULL, NULL);
}

static gboolean
idle_timeout_cb (gpointer user_data)
{
  Served *served = user_data;

  g_clear_pointer (&served->idle_source, g_source_unref);
  g_debug ("worker %s: %u s without work, retired", g_subprocess_get_identifier (served->process),
           EYL_WORKER_IDLE_S);
  served_retire (served);
  return G_SOURCE_REMOVE;
}

/* Address space and resident memory of a process, MB; FALSE when they
 * cannot be read. */
static gboolean
process_memory_mb (const char *pid,
                   guint64    *size_mb,
                   guint64    *rss_mb)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/statm", pid);
  g_autofree char *statm = NULL;
  guint64          size, resident;
  guint64          page = (guint64) sysconf (_SC_PAGESIZE);

  if (!g_file_get_contents (path, &statm, NULL, NULL) ||
      sscanf (statm, "%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT, &size, &resident) != 2)
    return FALSE;
  *size_mb = size * page / (1024 * 1024);
  *rss_mb = resident * page / (1024 * 1024);
  return TRUE;
}

/* Whether process @pid runs under an address-space limit (its soft
 * RLIMIT_AS, as /proc/PID/limits shows it): a worker built with
 * AddressSanitizer runs without one (eyl_worker_child_limit_memory), and
 * its reserved shadow memory is no sign of a worker grown too big. */
static gboolean
process_has_address_limit (const char *pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/limits", pid);
  g_autofree char *limits = NULL;
  const char      *line;

  if (!g_file_get_contents (path, &limits, NULL, NULL))
    return TRUE;
  line = strstr (limits, "Max address space");
  if (line == NULL)
    return TRUE;
  line += strlen ("Max address space");
  while (*line == ' ')
    line++;
  return !g_str_has_prefix (line, "unlimited");
}

/* Whether a worker that checked a file keeps the room a new one gives
 * the next: its resident memory within the config's retire_rss_mb and
 * 1/EYL_WORKER_RETIRE_RSS_DIVISOR of the limit, its address space (what
 * the limit counts) within half of the limit. */
static gboolean
served_has_room (Served          *served,
                 EylWorkerConfig *config)
{
  const char *pid = g_subprocess_get_identifier (served->process);
  guint64     size = 0, rss = 0;

  if (pid == NULL)
    return FALSE;
  if (config->memory_mb == 0 && config->retire_rss_mb == 0)
    return TRUE;
  if (!process_memory_mb (pid, &size, &rss))
    return FALSE;
  g_debug ("worker %s after %u files: %" G_GUINT64_FORMAT " MB resident, %" G_GUINT64_FORMAT
           " MB address space",
           pid, served->n_files, rss, size);
  if (config->retire_rss_mb > 0 && rss > config->retire_rss_mb)
    return FALSE;
  return config->memory_mb == 0 ||
         (rss * EYL_WORKER_RETIRE_RSS_DIVISOR <= config->memory_mb &&
          (size * 2 <= config->memory_mb || !process_has_address_limit (pid)));
}

/* After a file: back to the pool, or retired. */
static void
served_give_back (Served          *served,
                  EylWorkerConfig *config)
{
  if (served->broken || served->pool == NULL || served->n_files >= EYL_WORKER_MAX_FILES ||
      served->pool->idle->len >= served->pool->max_idle || !served_has_room (served, config))
    {
      g_debug ("worker %s retired after %u files",
               g_subprocess_get_identifier (served->process), served->n_files);
      served_retire (served);
      return;
    }
  g_ptr_array_add (served->pool->idle, served_ref (served));
  served->idle_source = g_timeout_source_new_seconds (EYL_WORKER_IDLE_S);
  g_source_set_callback (served->idle_source, idle_timeout_cb, served, NULL);
  g_source_set_static_name (served->idle_source, "[eyeline] idle worker");
  g_source_attach (served->idle_source, served->pool->context);
}

/* The run stops watching the worker: its budget and its cancel no
 * longer reach a worker that goes on with other files. */
static void
run_detach (WorkerRun *run)
{
  if (run->timeout_source != NULL)
    {
      g_source_destroy (run->timeout_source);
      g_clear_pointer (&run->timeout_source, g_source_unref);
    }
  if (run->cancelled_id != 0)
    g_cancellable_disconnect (run->cancellable, run->cancelled_id);
  run->cancelled_id = 0;
  g_clear_object (&run->process);
}

/* The worker's answer and the end mark of its messages are both in: the
 * file is done, the worker free for the next. */
static void
served_try_finish (Served *served)
{
  g_autoptr(GTask) task = NULL;
  WorkerRun *run;

  if (served->task == NULL || served->answer == NULL || served->err_answer == NULL)
    return;
  task = g_steal_pointer (&served->task);
  run = g_task_get_task_data (task);
  run->stdout_bytes = g_steal_pointer (&served->answer);
  run->stderr_bytes = g_steal_pointer (&served->err_answer);
  run->answered = TRUE;
  served->n_files++;
  /* Stopped while it answered: it is going. */
  if (g_atomic_int_get (&run->timed_out) || g_atomic_int_get (&run->cancelled))
    served->broken = TRUE;
  run_detach (run);
  served_give_back (served, run->config);
  finish_after_worker (g_steal_pointer (&task));
}

static void serve_in_new_worker (GTask *task);

/* The worker is gone (crashed, killed, exited) and all it said is read:
 * the file it was checking gets the error a worker of its own would give
 * it.  A used worker may have failed for what earlier files left in it:
 * the file is checked once more in a new one, which gives the file's own
 * result. */
static void
served_fail (Served *served)
{
  g_autoptr(GTask) task = NULL;
  WorkerRun *run;

  if (!served->exited || !served->err_closed || served->task == NULL)
    return;
  task = g_steal_pointer (&served->task);
  run = g_task_get_task_data (task);
  if (run->seq > 1 && !run->retried && !g_atomic_int_get (&run->cancelled) &&
      !g_atomic_int_get (&run->timed_out))
    {
      g_debug ("worker for %s failed after %u files: once more in a new worker", run->path,
               run->seq - 1);
      run->retried = TRUE;
      run->garbled = FALSE;
      run_detach (run);
      run->stage = EYL_WORKER_STAGE_ANALYSIS;
      run->page = run->n_pages = 0;
      /* A private folder as new as the worker: nothing of the first try
       * in it. */
      if (run->temp_dir != NULL)
        {
          g_autoptr(GError) error = NULL;

          eyl_export_remove_temp_dir (run->temp_dir);
          g_free (run->temp_dir);
          run->temp_dir = eyl_export_make_temp_dir (run->config->export_dir, &error);
          if (run->temp_dir == NULL)
            {
              g_task_return_pointer (task, eyl_file_result_new_error (run->path, error),
                                     (GDestroyNotify) eyl_file_result_unref);
              return;
            }
        }
      serve_in_new_worker (g_steal_pointer (&task));
      return;
    }
  if (run->timeout_source != NULL)
    {
      g_source_destroy (run->timeout_source);
      g_clear_pointer (&run->timeout_source, g_source_unref);
    }
  /* Everything it said since its last file was about this one (and
   * went on after the end mark when it failed to answer). */
  if (served->err_answer != NULL)
    {
      gsize         len = 0;
      gconstpointer before = g_bytes_get_data (served->err_answer, &len);

      g_string_prepend_len (served->err_text, before, (gssize) len);
      g_clear_pointer (&served->err_answer, g_bytes_unref);
    }
  g_clear_pointer (&served->answer, g_bytes_unref);
  run->stderr_bytes = g_bytes_new (served->err_text->str, served->err_text->len);
  finish_after_worker (g_steal_pointer (&task));
}

static void
served_exited_cb (GObject      *object,
                  GAsyncResult *res,
                  gpointer      user_data)
{
  Served *served = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (object), res, NULL);
  served->exited = TRUE;
  served_retire (served);
  if (!served->err_closed)
    pipes_grace (g_main_context_get_thread_default (), served->pipes);
  served_fail (served);
  served_unref (served);
}

/* Something that is not an answer of this worker: it is not trusted with
 * more files, and the file it checks is its failure. */
static void
served_break (Served *served)
{
  if (served->task != NULL)
    ((WorkerRun *) g_task_get_task_data (served->task))->garbled = TRUE;
  if (!served->broken)
    {
      served->broken = TRUE;
      g_subprocess_force_exit (served->process);
    }
}

static void read_answer_header (Served *served);

static void
answer_body_cb (GObject      *object,
                GAsyncResult *res,
                gpointer      user_data)
{
  Served *served = user_data;
  gsize   n = 0;

  if (!g_input_stream_read_all_finish (G_INPUT_STREAM (object), res, &n, NULL) ||
      n != served->answer_len)
    {
      g_clear_pointer (&served->answer_buf, g_free);
      served_break (served);
      served_unref (served);
      return;
    }
  g_clear_pointer (&served->answer, g_bytes_unref);
  served->answer = g_bytes_new_take (g_steal_pointer (&served->answer_buf), served->answer_len);
  served_try_finish (served);
  read_answer_header (served);
  served_unref (served);
}

/* Far above any real answer: a bigger length is not an answer. */
#define ANSWER_MAX_BYTES ((guint64) 4 << 30)

static void
answer_header_cb (GObject      *object,
                  GAsyncResult *res,
                  gpointer      user_data)
{
  Served          *served = user_data;
  g_autofree char *line = g_data_input_stream_read_line_finish (G_DATA_INPUT_STREAM (object),
                                                                res, NULL, NULL);
  guint            version, seq;
  guint64          len;

  /* End of output: the worker is going; served_exited_cb tells why. */
  if (line == NULL)
    {
      served->broken = TRUE;
      served_unref (served);
      return;
    }
  if (sscanf (line, "EYL-ANSWER %u %u %" G_GUINT64_FORMAT, &version, &seq, &len) != 3 ||
      version != EYL_WORKER_PROTOCOL_VERSION || seq != served->seq || served->task == NULL ||
      len > ANSWER_MAX_BYTES)
    {
      g_debug ("worker %s: not an answer: %.60s", g_subprocess_get_identifier (served->process),
               line);
      served_break (served);
      served_unref (served);
      return;
    }
  served->answer_buf = g_malloc (len > 0 ? len : 1);
  served->answer_len = len;
  g_input_stream_read_all_async (G_INPUT_STREAM (object), served->answer_buf, len,
                                 G_PRIORITY_DEFAULT, served->pipes, answer_body_cb, served);
}

static void
read_answer_header (Served *served)
{
  g_data_input_stream_read_line_async (served->out, G_PRIORITY_DEFAULT, served->pipes,
                                       answer_header_cb, served_ref (served));
}

/* The current file's messages end at its end mark. */
static void
split_messages (Served *served)
{
  g_autofree char *mark = NULL;
  const char      *at;
  gsize            len;

  if (served->task == NULL || served->err_answer != NULL)
    return;
  mark = g_strdup_printf ("\n" EYL_WORKER_END_MARK "%u\n", (guint) served->seq);
  len = strlen (mark);
  /* Bytes, not a string (Poppler may print anything), and only what
   * came since the last look. */
  at = memmem (served->err_text->str + served->err_scanned,
               served->err_text->len - served->err_scanned, mark, len);
  if (at == NULL)
    {
      served->err_scanned = served->err_text->len >= len ? served->err_text->len - len + 1 : 0;
      return;
    }
  served->err_answer = g_bytes_new (served->err_text->str, at - served->err_text->str);
  g_string_erase (served->err_text, 0, (at - served->err_text->str) + len);
  served->err_scanned = 0;
  served_try_finish (served);
}

static void
err_read_cb (GObject      *object,
             GAsyncResult *res,
             gpointer      user_data)
{
  Served *served = user_data;
  gssize  n = g_input_stream_read_finish (G_INPUT_STREAM (object), res, NULL);

  if (n > 0)
    {
      g_string_append_len (served->err_text, served->err_buf, n);
      split_messages (served);
      g_input_stream_read_async (served->err, served->err_buf, sizeof served->err_buf,
                                 G_PRIORITY_DEFAULT, served->pipes, err_read_cb, served_ref (served));
    }
  else
    {
      served->err_closed = TRUE;
      served_fail (served);
    }
  served_unref (served);
}

static void
served_progress_cb (GObject      *object,
                    GAsyncResult *res,
                    gpointer      user_data)
{
  Served *served = user_data;
  gssize  n = g_input_stream_read_finish (G_INPUT_STREAM (object), res, NULL);

  if (n > 0)
    {
      served->progress_buf[n] = '\0';
      if (served->task != NULL)
        {
          WorkerRun *run = g_task_get_task_data (served->task);

          parse_progress (run, served->progress_buf);
          if (run->timeout_source != NULL)
            arm_timeout (run);
        }
      g_input_stream_read_async (served->progress, served->progress_buf,
                                 sizeof served->progress_buf - 1, G_PRIORITY_DEFAULT,
                                 served->pipes, served_progress_cb, served_ref (served));
    }
  served_unref (served);
}

static Served *
served_spawn (EylWorkerPool   *pool,
              EylWorkerConfig *config,
              GError         **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  Served *served;
  int     fds[2];

  g_ptr_array_add (argv, g_strdup (worker_exe (config)));
  for (guint i = 0; i < config->args->len; i++)
    g_ptr_array_add (argv, g_strdup (g_ptr_array_index (config->args, i)));
  g_ptr_array_add (argv, g_strdup ("--memory-mb"));
  g_ptr_array_add (argv, g_strdup_printf ("%u", config->memory_mb));
  g_ptr_array_add (argv, g_strdup ("--serve"));
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* Progress always: the budget is the file's, not the worker's. */
  if (!g_unix_open_pipe (fds, FD_CLOEXEC, error))
    return NULL;
  g_subprocess_launcher_take_fd (launcher, fds[1], PROGRESS_FD);
  g_subprocess_launcher_setenv (launcher, "EYL_WORKER_PROGRESS_FD", G_STRINGIFY (PROGRESS_FD),
                                TRUE);
  for (guint i = 0; config->env != NULL && config->env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (config->env[i], "=", 2);

      if (pair[0] != NULL && pair[1] != NULL)
        g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }

  served = g_new0 (Served, 1);
  g_ref_count_init (&served->ref_count);
  served->progress = g_unix_input_stream_new (fds[0], TRUE);
  served->process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata,
                                                  error);
  /* The parent's write end closes with the launcher: end of file on the
   * read end means the worker is gone. */
  g_clear_object (&launcher);
  if (served->process == NULL)
    {
      g_object_unref (served->progress);
      g_free (served);
      return NULL;
    }
  served->pool = served->owner = pool;
  g_ptr_array_add (pool->live, served);
  served->key = served_key (config);
  served->err_text = g_string_new (NULL);
  served->pipes = g_cancellable_new ();
  served->in = g_object_ref (g_subprocess_get_stdin_pipe (served->process));
  served->out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (served->process));
  served->err = g_object_ref (g_subprocess_get_stderr_pipe (served->process));
  g_debug ("worker %s started", g_subprocess_get_identifier (served->process));

  read_answer_header (served);
  g_input_stream_read_async (served->err, served->err_buf, sizeof served->err_buf,
                             G_PRIORITY_DEFAULT, served->pipes, err_read_cb, served_ref (served));
  g_input_stream_read_async (served->progress, served->progress_buf,
                             sizeof served->progress_buf - 1, G_PRIORITY_DEFAULT, served->pipes,
                             served_progress_cb, served_ref (served));
  /* The first reference: the worker's life. */
  g_subprocess_wait_async (served->process, NULL, served_exited_cb, served);
  return served;
}

static void
request_written_cb (GObject      *object,
                    GAsyncResult *res,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* A worker that is gone shows it on its output too. */
  GBytes *frame = user_data;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (object), res, NULL, &error))
    g_debug ("a request to a worker was not written: %s", error->message);
  /* It may hold the password. */
  memset ((gpointer) g_bytes_get_data (frame, NULL), 0, g_bytes_get_size (frame));
  g_bytes_unref (frame);
}

/* Gives @task's file to @served. */
static void
serve (Served *served,
       GTask  *task)
{
  WorkerRun       *run = g_task_get_task_data (task);
  EylWorkerRequest request = { 0 };
  GBytes          *frame;

  stop_idle_timer (served);
  served->task = task;
  served->seq++;
  served->err_scanned = 0;
  run->seq = served->seq;
  run->process = g_object_ref (served->process);
  request.seq = served->seq;
  request.path = run->path;
  request.password = run->config->password;
  request.settings = run->config->settings;
  if (run->temp_dir != NULL)
    {
      request.export_mode = run->config->export_mode;
      request.export_dir = run->temp_dir;
    }
  frame = eyl_worker_encode_request (&request);
  arm_timeout (run);
  if (run->cancellable != NULL)
    run->cancelled_id = g_cancellable_connect (run->cancellable, G_CALLBACK (cancelled_cb), run,
                                               NULL);
  g_output_stream_write_all_async (served->in, g_bytes_get_data (frame, NULL),
                                   g_bytes_get_size (frame), G_PRIORITY_DEFAULT, NULL,
                                   request_written_cb, frame);
}

static void
serve_in_new_worker (GTask *task)
{
  WorkerRun *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  Served          *served = served_spawn (run->pool, run->config, &error);

  if (served == NULL)
    {
      name = g_filename_display_basename (run->path);
      g_task_return_pointer (task,
                             error_result (run->path, EYL_ERROR_ENGINE_CRASH,
                                           _("The worker for “%s” could not be started: %s"),
                                              name, error->message),
                                           (GDestroyNotify) eyl_file_result_unref);
      g_object_unref (task);
      return;
    }
  serve (served, task);
}

EylWorkerPool *
eyl_worker_pool_new (guint max_idle)
{
  EylWorkerPool *self = g_new0 (EylWorkerPool, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->max_idle = max_idle;
  self->context = g_main_context_ref_thread_default ();
  self->idle = g_ptr_array_new_with_free_func ((GDestroyNotify) served_unref);
  self->live = g_ptr_array_new ();
  return self;
}

EylWorkerPool *
eyl_worker_pool_ref (EylWorkerPool *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
eyl_worker_pool_unref (EylWorkerPool *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  /* Every file's run holds a reference: only waiting workers are left.
   * They end at the end of their input; waiting a moment for that lets
   * them say goodbye (EYL_STAGE_TIMES) before a parent that exits takes
   * them along.  When stage times are asked for, longer: on a busy
   * machine a worker's exit can take more than the usual moment, and a
   * benchmark's row without the worker's line is wrong. */
  {
    g_autoptr(GPtrArray) ending = g_ptr_array_new_with_free_func ((GDestroyNotify) served_unref);
    gint64 deadline = g_get_monotonic_time () +
                      (g_getenv ("EYL_STAGE_TIMES") != NULL ? 30 : 2) * G_USEC_PER_SEC;

    /* All told at once, so they end side by side, not one after the
     * other. */
    while (self->idle->len > 0)
      {
        Served *served = served_ref (g_ptr_array_index (self->idle, 0));

        g_ptr_array_add (ending, served);
        served_retire (served);
      }
    /* Those retired after their last file (memory, count) are ending
     * too: they say goodbye as well. */
    for (guint i = 0; i < self->live->len; i++)
      {
        Served *served = g_ptr_array_index (self->live, i);

        if (!g_ptr_array_find (ending, served, NULL))
          g_ptr_array_add (ending, served_ref (served));
      }
    /* Bounded: one that does not end by itself soon is ended. */
    for (guint i = 0; i < ending->len; i++)
      {
        Served *served = g_ptr_array_index (ending, i);

        while (g_subprocess_get_identifier (served->process) != NULL &&
               g_get_monotonic_time () < deadline)
          g_usleep (10 * 1000);
        if (g_subprocess_get_identifier (served->process) != NULL)
          g_subprocess_force_exit (served->process);
      }
  }
  /* A private main context (eyl_batch_run) is not run any more: what
   * the ended workers still have to say (end of output, exit) is read
   * here, or their reads would go with the context, unanswered. */
  if (self->context != g_main_context_default () && g_main_context_acquire (self->context))
    {
      gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

      while (self->live->len > 0 && g_get_monotonic_time () < deadline)
        if (!g_main_context_iteration (self->context, FALSE))
          g_usleep (1000);
      g_main_context_release (self->context);
    }
  for (guint i = 0; i < self->live->len; i++)
    ((Served *) g_ptr_array_index (self->live, i))->owner = NULL;
  g_ptr_array_unref (self->live);
  g_ptr_array_unref (self->idle);
  g_main_context_unref (self->context);
  g_free (self);
}

void
eyl_worker_pool_check_file_async (EylWorkerPool      *self,
                                  EylWorkerConfig    *config,
                                  const char         *path,
                                  GCancellable       *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *key = NULL;
  WorkerRun       *run;

  g_return_if_fail (self != NULL);
  g_return_if_fail (config != NULL);
  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, eyl_worker_check_file_async);
  if (!prepare_run (task, config, path, cancellable))
    return;
  run = g_task_get_task_data (task);
  run->pool = eyl_worker_pool_ref (self);
  run->context = g_main_context_ref (g_task_get_context (task));
  if (cancellable != NULL)
    run->cancellable = g_object_ref (cancellable);

  key = served_key (config);
  for (guint i = 0; i < self->idle->len; i++)
    {
      Served *served = g_ptr_array_index (self->idle, i);

      if (!served->broken && g_str_equal (served->key, key))
        {
          /* The pool's reference is the run's now, until the answer. */
          served = g_ptr_array_steal_index (self->idle, i);
          serve (served, g_steal_pointer (&task));
          served_unref (served);
          return;
        }
    }
  serve_in_new_worker (g_steal_pointer (&task));
}

/* ---------------------------------------------------------------------- */
/* Display rendering                                                       */

void
eyl_worker_render_page_async (EylWorkerConfig    *config,
                              const char         *path,
                              guint               page_index,
                              const EylRect      *area,
                              double              scale,
                              const char         *png_path,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) extra = g_ptr_array_new_with_free_func (g_free);
  char a[4][G_ASCII_DTOSTR_BUF_SIZE], s[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (config != NULL);
  g_return_if_fail (path != NULL);
  g_return_if_fail (area != NULL && !eyl_rect_is_empty (area));
  g_return_if_fail (png_path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, eyl_worker_render_page_async);
  g_ptr_array_add (extra, g_strdup_printf ("--render-page=%u", page_index));
  g_ptr_array_add (extra, g_strdup_printf ("--render-area=%s,%s,%s,%s",
                                           g_ascii_dtostr (a[0], sizeof a[0], area->x0),
                                           g_ascii_dtostr (a[1], sizeof a[1], area->y0),
                                           g_ascii_dtostr (a[2], sizeof a[2], area->x1),
                                           g_ascii_dtostr (a[3], sizeof a[3], area->y1)));
  g_ptr_array_add (extra, g_strconcat ("--render-scale=", g_ascii_dtostr (s, sizeof s, scale),
                                       NULL));
  g_ptr_array_add (extra, g_strconcat ("--render-png=", png_path, NULL));
  start_worker (task, config, path, extra, cancellable);
}

EylFileResult *
eyl_worker_render_page_finish (GAsyncResult *result)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), NULL);
}

/* ---------------------------------------------------------------------- */
/* Brand-kit logos                                                         */

static EylFileResult *
run_blocking (EylWorkerConfig *config,
              const char      *path,
              GPtrArray       *extra,
              GCancellable    *cancellable)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GTask) task = NULL;

  g_main_context_push_thread_default (context);
  task = g_task_new (NULL, cancellable, sync_cb, &result);
  g_task_set_source_tag (task, run_blocking);
  start_worker (task, config, path, extra, cancellable);
  g_clear_object (&task);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);

  return g_task_propagate_pointer (G_TASK (result), NULL);
}

EylBrandKit *
eyl_worker_prepare_brand_kit (EylWorkerConfig *config,
                              EylBrandKit     *kit,
                              const char      *dir,
                              GCancellable    *cancellable,
                              GError         **error)
{
  g_autoptr(EylBrandKit) prepared = NULL;

  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (kit != NULL, NULL);
  g_return_val_if_fail (dir != NULL, NULL);

  prepared = eyl_brand_kit_copy (kit);
  for (guint i = 0; prepared->logos[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) extra = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(EylFileResult) result = NULL;
      g_autofree char *base = g_path_get_basename (prepared->logos[i]);
      g_autofree char *name = g_filename_display_basename (prepared->logos[i]);
      g_autofree char *sub = g_strdup_printf ("%s%c%u", dir, G_DIR_SEPARATOR, i + 1);
      g_autofree char *png = g_build_filename (sub, base, NULL);

      /* The same name (the logo's: it names the logo's findings), one
       * folder each: two kits' "logo.pdf" do not collide. */
      if (g_mkdir_with_parents (sub, 0700) != 0)
        {
          int saved = errno;

          g_set_error (error, EYL_ERROR, EYL_ERROR_CONFIG, "%s: %s", sub, g_strerror (saved));
          return NULL;
        }
      g_ptr_array_add (extra, g_strconcat ("--render-logo=", png, NULL));
      result = run_blocking (config, prepared->logos[i], extra, cancellable);
      if (!result->ok)
        {
          /* TRANSLATORS: the first %s is a logo file's name, the second its problem. */
          g_set_error (error, EYL_ERROR, EYL_ERROR_CONFIG,
                       _("The brand kit's logo %s could not be read: %s"),
                          name, result->error_message);
          return NULL;
        }
      g_free (prepared->logos[i]);
      prepared->logos[i] = g_steal_pointer (&png);
    }
  return g_steal_pointer (&prepared);
}

void
eyl_worker_remove_kit_dir (const char *dir)
{
  g_autoptr(GDir) listing = NULL;
  const char *name;

  if (dir == NULL)
    return;
  listing = g_dir_open (dir, 0, NULL);
  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        eyl_export_remove_temp_dir (path);
      else if (g_unlink (path) != 0)
        g_debug ("could not remove %s: %s", path, g_strerror (errno));
    }
  if (g_rmdir (dir) != 0)
    g_debug ("could not remove %s: %s", dir, g_strerror (errno));
}
