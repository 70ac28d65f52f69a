/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-worker: the parent survives a real hang, a real crash and a real
 * allocation failure of its worker process, and keeps batch results in
 * input order; workers that serve file after file keep that isolation.
 * Runs $EYL_CLI (set by tests/meson.build) as the worker. */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>

#include "eyl-batch.h"
#include "eyl-error.h"
#include "eyl-fixtures.h"
#include "eyl-worker.h"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

static EylWorkerConfig *
make_config (void)
{
  const char *worker = eyl_fixture_worker ();

  if (worker == NULL)
    return NULL;
  return eyl_worker_config_new (worker);
}

#define NEED_CONFIG(config)                                                \
  G_STMT_START                                                             \
  {                                                                        \
    if ((config) == NULL)                                                  \
      {                                                                    \
        g_test_skip ("EYL_CLI is not set: run the tests with meson test"); \
        return;                                                            \
      }                                                                    \
  }                                                                        \
  G_STMT_END

/* Any PDF will do for the simulated failures: the worker fails before
 * opening it. */
static char *
some_pdf (void)
{
  static const char minimal[] = "%PDF-1.4\n%%EOF\n";

  return eyl_fixture_bytes ("simulated.pdf", minimal, sizeof minimal - 1);
}

static void
test_hang (void)
{
  g_autoptr(EylWorkerConfig) config = make_config ();
  g_autoptr(EylFileResult) result = NULL;
  g_autofree char *path = NULL;
  gint64           start;
  double           elapsed;

  NEED_CONFIG (config);
  path = some_pdf ();
  config->timeout_s = 2;

  eyl_worker_config_setenv (config, "EYL_WORKER_SIMULATE", "hang");
  start = g_get_monotonic_time ();
  result = eyl_worker_check_file (config, path, NULL);
  elapsed = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  /* A worker that waits without working is stopped at the wall-clock
   * backstop, three budgets. */
  g_test_message ("stopped after %.2f s: %s", elapsed, result->error_message);
  g_assert_false (result->ok);
  g_assert_cmpint (result->error_code, ==, EYL_ERROR_TIMEOUT);
  g_assert_cmpfloat (elapsed, >=, 5.9);
  g_assert_cmpfloat (elapsed, <, 9.0);
  g_assert_nonnull (strstr (result->error_message, "2 s"));
  g_assert_nonnull (strstr (result->error_message, "simulated.pdf"));
}

/* The budget counts CPU time: a worker busy in a loop is stopped after
 * its budget; one starved of CPU for longer than its budget (a loaded
 * machine, a suspended CLI) is not. */
static void
test_cpu_budget (void)
{
  g_autoptr(EylWorkerConfig) config = make_config ();
  g_autoptr(EylWorkerConfig) starved = make_config ();
  g_autoptr(EylFileResult) result = NULL;
  g_autoptr(EylFileResult) starved_result = NULL;
  g_autofree char *path = NULL;
  g_autofree char *banner = NULL;
  gint64           start;
  double           elapsed;

  NEED_CONFIG (config);
  path = some_pdf ();
  config->timeout_s = 2;
  eyl_worker_config_setenv (config, "EYL_WORKER_SIMULATE", "spin");
  start = g_get_monotonic_time ();
  result = eyl_worker_check_file (config, path, NULL);
  elapsed = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  /* About 2 s on an idle machine; never past the backstop (6 s) however
   * busy the machine running the tests is. */
  g_test_message ("spinning worker stopped after %.2f s", elapsed);
  g_assert_false (result->ok);
  g_assert_cmpint (result->error_code, ==, EYL_ERROR_TIMEOUT);
  g_assert_cmpfloat (elapsed, >=, 1.9);
  g_assert_cmpfloat (elapsed, <, 8.0);

  starved->timeout_s = 2;
  eyl_worker_config_setenv (starved, "EYL_WORKER_SIMULATE", "idle-3s");
  eyl_worker_config_add_arg (starved, "--no-ocr");
  eyl_worker_config_add_arg (starved, "--no-logos");
  banner = eyl_fixture_banner ("worker-starved.pdf", 0.1, TRUE);
  starved_result = eyl_worker_check_file (starved, banner, NULL);
  g_test_message ("starved worker: %s", starved_result->ok ? "checked" : starved_result->error_message);
  g_assert_true (starved_result->ok);
}

/* The budget's verdicts: only the CPU time a worker worked decides while
 * it works, however slowly a busy machine lets it; waiting without
 * working is stopped at the backstop, anything at the limit. */
static void
test_budget_verdicts (void)
{
  static const struct
  {
    double           cpu_s, wall_s;
    EylBudgetVerdict verdict;
  } cases[] = {
    { 0.0, 1.0, EYL_BUDGET_GOING_ON },  /* just begun */
    { 8.0, 9.0, EYL_BUDGET_SPENT },     /* 80 % of 10 s worked */
    { 5.0, 29.0, EYL_BUDGET_GOING_ON }, /* slow, before the backstop */
    { 5.0, 40.0, EYL_BUDGET_GOING_ON }, /* a busy machine: 12 % of the time */
    { 0.6, 40.0, EYL_BUDGET_STUCK },    /* 1.5 % of the time: barely works */
    { 0.1, 30.0, EYL_BUDGET_STUCK },    /* waits without working */
    { 0.1, 29.0, EYL_BUDGET_GOING_ON }, /* not yet at the backstop */
    { -1.0, 30.0, EYL_BUDGET_STUCK },   /* CPU unknown: the wall clock */
    { -1.0, 10.0, EYL_BUDGET_GOING_ON },
    { 7.9, 200.0, EYL_BUDGET_STUCK }, /* the limit: 20 budgets */
    { 7.9, 199.0, EYL_BUDGET_GOING_ON },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double           recheck = -1;
      EylBudgetVerdict verdict = eyl_worker_budget_verdict (10.0, cases[i].cpu_s, cases[i].wall_s, &recheck);

      g_test_message ("case %u: cpu %.1f s, wall %.1f s → %d, again in %.1f s", i, cases[i].cpu_s,
                      cases[i].wall_s, verdict, recheck);
      g_assert_cmpint (verdict, ==, cases[i].verdict);
      if (verdict == EYL_BUDGET_GOING_ON)
        g_assert_cmpfloat (recheck, >=, 0.5);
    }
}

static void
test_crash (void)
{
  g_autoptr(EylWorkerConfig) config = make_config ();
  g_autoptr(EylFileResult) result = NULL;
  g_autofree char *path = NULL;

  NEED_CONFIG (config);
  path = some_pdf ();

  eyl_worker_config_setenv (config, "EYL_WORKER_SIMULATE", "crash");
  result = eyl_worker_check_file (config, path, NULL);

  g_test_message ("%s", result->error_message);
  g_assert_false (result->ok);
  g_assert_cmpint (result->error_code, ==, EYL_ERROR_ENGINE_CRASH);
  g_assert_nonnull (strstr (result->error_message, "simulated.pdf"));
}

static void
test_oom (void)
{
  g_autoptr(EylWorkerConfig) config = make_config ();
  g_autoptr(EylFileResult) result = NULL;
  g_autofree char *path = NULL;

#ifdef UNDER_ASAN
  g_test_skip ("AddressSanitizer needs more address space than RLIMIT_AS allows");
  return;
#endif
  NEED_CONFIG (config);
  path = some_pdf ();
  config->memory_mb = 256;
  config->timeout_s = 30;

  eyl_worker_config_setenv (config, "EYL_WORKER_SIMULATE", "oom");
  result = eyl_worker_check_file (config, path, NULL);

  g_test_message ("%s", result->error_message);
  g_assert_false (result->ok);
  g_assert_cmpint (result->error_code, ==, EYL_ERROR_MEMORY);
  g_assert_nonnull (strstr (result->error_message, "256 MB"));
}

/* A limit no worker can start in is the limit's fault, not the file's. */
static void
test_memory_too_small (void)
{
  g_autoptr(EylWorkerConfig) config = make_config ();
  g_autoptr(EylFileResult) result = NULL;
  g_autofree char *path = NULL;

  NEED_CONFIG (config);
  path = some_pdf ();
  config->memory_mb = 100;

  result = eyl_worker_check_file (config, path, NULL);
  g_test_message ("%s", result->error_message);
  g_assert_false (result->ok);
  g_assert_cmpint (result->error_code, ==, EYL_ERROR_USAGE);
  g_assert_nonnull (strstr (result->error_message, "100 MB"));
  g_assert_nonnull (strstr (result->error_message, "256 MB"));
}

static void
test_unreadable_result (void)
{
  g_autoptr(EylWorkerConfig) config = make_config ();
  g_autoptr(EylFileResult) result = NULL;
  g_autofree char *path = NULL;

  NEED_CONFIG (config);
  if (!g_file_test ("/bin/echo", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("no /bin/echo");
      return;
    }
  path = some_pdf ();

  /* echo exits 0 with its arguments on stdout: not a result */
  g_free (config->exe);
  config->exe = g_strdup ("/bin/echo");
  result = eyl_worker_check_file (config, path, NULL);

  g_assert_false (result->ok);
  g_assert_cmpint (result->error_code, ==, EYL_ERROR_ENGINE_CRASH);
}

static void
test_good_file (void)
{
  g_autoptr(EylWorkerConfig) config = make_config ();
  g_autoptr(EylFileResult) result = NULL;
  g_autofree char *path = NULL;

  NEED_CONFIG (config);
  path = eyl_fixture_banner ("worker-banner.pdf", 0.1, TRUE);
  eyl_worker_config_add_arg (config, "--placement=rollup-behind-table");

  result = eyl_worker_check_file (config, path, NULL);
  if (!result->ok)
    g_test_message ("%s", result->error_message);
  g_assert_true (result->ok);
  g_assert_cmpstr (result->path, ==, path);
  g_assert_cmpuint (result->n_pages, ==, 1);
  g_assert_cmpuint (result->pages->len, ==, 1);
}

/* The window's way and the command line's way to the same check: the
 * settings typed on the worker's stdin give the result `eyeline-cli
 * check` gives with the equivalent flags. */
static void
test_typed_settings (void)
{
  g_autoptr(EylWorkerConfig) config = make_config ();
  g_autoptr(EylFileResult) result = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(EylCheckSettings) settings = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *flags = NULL;
  int              status = -1;
  JsonObject      *root;

  NEED_CONFIG (config);
  path = eyl_fixture_banner ("typed-banner.pdf", 0.1, TRUE);
  eyl_check_settings_init (&settings);
  settings.placement = g_strdup ("rollup-behind-table");
  settings.ocr = FALSE;
  settings.legibility = EYL_LEGIBILITY_1_300;
  g_assert_true (eyl_option_parse (eyl_option_lookup ("eye-mm"), "1500-1700", &settings.overrides, NULL));
  g_assert_true (eyl_option_parse (eyl_option_lookup ("table-mm"), "900", &settings.overrides, NULL));
  g_assert_true (eyl_option_parse (eyl_option_lookup ("acuity"), "20/40", &settings.overrides, NULL));
  eyl_worker_config_set_settings (config, &settings);
  result = eyl_worker_check_file (config, path, NULL);
  g_assert_true (result->ok);
  typed = eyl_report_json_node_to_string (eyl_file_result_to_json (result), TRUE);

  {
    const char *argv[] = { eyl_fixture_cli (), "check", "--format=json", "--no-ocr", "--placement=rollup-behind-table",
                           "--legibility=1:300", "--eye-mm=1500-1700", "--table-mm=900", "--acuity=20/40",
                           path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                 &out, NULL, &status, &error));
  }
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  flags = eyl_report_json_node_to_string (json_array_get_element (json_object_get_array_member (root, "files"), 0),
                                          TRUE);
  g_assert_cmpstr (typed, ==, flags);
  /* and the numbers did arrive */
  g_assert_nonnull (strstr (typed, "1500"));
}

/* A reversed range is refused on the way in as the command line refuses
 * it, with the same words, never swapped. */
static void
test_typed_settings_refused (void)
{
  g_autoptr(EylWorkerConfig) config = make_config ();
  g_autoptr(EylFileResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(EylCheckSettings) settings = { 0 };
  g_autofree char *path = NULL;

  NEED_CONFIG (config);
  path = eyl_fixture_banner ("refused-banner.pdf", 0.1, TRUE);
  eyl_check_settings_init (&settings);
  settings.ocr = FALSE;
  settings.overrides.eye_min_mm = 1800;
  settings.overrides.eye_max_mm = 1400;
  eyl_worker_config_set_settings (config, &settings);
  result = eyl_worker_check_file (config, path, NULL);
  g_assert_false (result->ok);
  g_assert_false (eyl_option_parse (eyl_option_lookup ("eye-mm"), "1800-1400", &settings.overrides, &error));
  g_assert_nonnull (strstr (result->error_message, error->message));
}

static void
test_not_pdf (void)
{
  g_autoptr(EylWorkerConfig) config = make_config ();
  g_autoptr(EylFileResult) result = NULL;
  g_autofree char    *path = NULL;
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0 };

  NEED_CONFIG (config);
  path = eyl_fixture_bytes ("picture.pdf", png, sizeof png);

  result = eyl_worker_check_file (config, path, NULL);
  g_assert_false (result->ok);
  g_assert_cmpint (result->error_code, ==, EYL_ERROR_NOT_PDF);
}

static void
progress_cb (guint          done,
             guint          total,
             EylFileResult *result,
             gpointer       user_data)
{
  guint *calls = user_data;

  (*calls)++;
  g_assert_cmpuint (done, ==, *calls);
  g_assert_cmpuint (total, ==, 5);
}

static void
test_batch_order (void)
{
  g_autoptr(EylWorkerConfig) config = make_config ();
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *missing = NULL;
  const char      *paths[6];
  guint            calls = 0;

  NEED_CONFIG (config);
  good = eyl_fixture_banner ("batch-banner.pdf", 0.1, FALSE);
  bad = eyl_fixture_bytes ("batch-empty.pdf", "", 0);
  missing = g_build_filename (eyl_fixture_dir (), "no-such-file.pdf", NULL);
  paths[0] = bad;
  paths[1] = good;
  paths[2] = missing;
  paths[3] = good;
  paths[4] = bad;
  paths[5] = NULL;

  results = eyl_batch_run (config, paths, 2, progress_cb, &calls, NULL);
  g_assert_cmpuint (calls, ==, 5);
  g_assert_cmpuint (results->len, ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      EylFileResult *result = g_ptr_array_index (results, i);

      g_assert_cmpstr (result->path, ==, paths[i]);
      g_assert_cmpint (result->ok, ==, paths[i] == good);
    }
  g_assert_cmpint (((EylFileResult *) g_ptr_array_index (results, 0))->error_code, ==,
                   EYL_ERROR_NOT_PDF);
  g_assert_cmpint (((EylFileResult *) g_ptr_array_index (results, 2))->error_code, ==,
                   EYL_ERROR_NOT_FOUND);
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
batch_done_cb (GObject      *object,
               GAsyncResult *res,
               gpointer      user_data)
{
  GPtrArray **out = user_data;

  *out = eyl_batch_run_finish (res);
}

static void
test_batch_cancel (void)
{
  g_autoptr(EylWorkerConfig) config = make_config ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GSource) source = NULL;
  g_autofree char *path = NULL;
  const char      *paths[5];
  gint64           start;
  double           elapsed;

  NEED_CONFIG (config);
  path = some_pdf ();
  paths[0] = paths[1] = paths[2] = paths[3] = path;
  paths[4] = NULL;
  config->timeout_s = 60;

  /* Two hanging workers, two files not started yet: a cancel after
   * 0.5 s ends them all as "cancelled", long before the time limit. */
  eyl_worker_config_setenv (config, "EYL_WORKER_SIMULATE", "hang");
  g_main_context_push_thread_default (context);
  source = g_timeout_source_new (500);
  g_source_set_callback (source, cancel_cb, cancellable, NULL);
  g_source_attach (source, context);

  start = g_get_monotonic_time ();
  eyl_batch_run_async (config, paths, 2, NULL, NULL, cancellable, batch_done_cb, &results);
  while (results == NULL)
    g_main_context_iteration (context, TRUE);
  elapsed = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_main_context_pop_thread_default (context);

  g_assert_cmpfloat (elapsed, <, 10.0);
  g_assert_cmpuint (results->len, ==, 4);
  for (guint i = 0; i < results->len; i++)
    {
      EylFileResult *result = g_ptr_array_index (results, i);

      g_assert_false (result->ok);
      g_assert_cmpint (result->error_code, ==, EYL_ERROR_CANCELLED);
    }
}

/* The scheduler (eyl-batch.h): one worker at a time here; the most urgent
 * waiting check starts next, equals in the order they came; a check
 * cancelled while it waits is answered without a worker. */
typedef struct
{
  GString *starts;
  GString *answers;
  char     name;
} Submitted;

static void
submitted_started (gpointer user_data)
{
  Submitted *s = user_data;

  g_string_append_c (s->starts, s->name);
}

static void
submitted_done (GObject      *object,
                GAsyncResult *res,
                gpointer      user_data)
{
  Submitted *s = user_data;
  g_autoptr(EylFileResult) result = eyl_scheduler_check_file_finish (res);

  g_assert_nonnull (result);
  g_assert_false (result->ok);
  if (result->error_code == EYL_ERROR_CANCELLED)
    g_string_append_c (s->answers, g_ascii_tolower (s->name));
  else
    g_string_append_c (s->answers, s->name);
}

static void
test_scheduler (void)
{
  g_autoptr(EylWorkerConfig) config = make_config ();
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(EylScheduler) scheduler = NULL;
  g_autoptr(GCancellable) cancel_d = g_cancellable_new ();
  g_autoptr(GString) starts = g_string_new (NULL);
  g_autoptr(GString) answers = g_string_new (NULL);
  g_autofree char *path = NULL;
  Submitted        subs[5];
  const int        priorities[5] = { 0, 0, 2, 0, EYL_SCHEDULER_PRIORITY_URGENT };

  NEED_CONFIG (config);
  path = some_pdf ();
  eyl_worker_config_setenv (config, "EYL_WORKER_SIMULATE", "crash");
  g_main_context_push_thread_default (context);
  scheduler = eyl_scheduler_new (1);

  for (guint i = 0; i < 5; i++)
    {
      subs[i] = (Submitted) { starts, answers, (char) ('A' + i) };
      eyl_scheduler_check_file_async (scheduler, config, path, priorities[i],
                                      i == 3 ? cancel_d : NULL, submitted_started,
                                      submitted_done, &subs[i]);
      /* One slot; the urgent E takes a second one. */
      g_assert_cmpuint (eyl_scheduler_get_n_running (scheduler), ==, i < 4 ? 1 : 2);
    }
  g_cancellable_cancel (cancel_d);
  while (answers->len < 5)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);

  /* A was started at once, E (urgent) too; C outranks B; D never
   * started. */
  g_assert_cmpstr (starts->str, ==, "AECB");
  g_assert_nonnull (strchr (answers->str, 'd'));
  g_assert_cmpuint (eyl_scheduler_get_n_running (scheduler), ==, 0);
}

/* ---------------------------------------------------------------------- */
/* Workers that serve file after file (EylWorkerPool): the same results
 * as a worker per file, a crash or a hang costs that file only, and the
 * next file gets a new worker.  The workers are counted with
 * EYL_STAGE_TIMES (one line per worker when it exits by itself, with
 * n_files=N files served). */

/* The engines' reuse is not what is tested here: quicker without. */
static EylWorkerConfig *
make_quick_config (void)
{
  EylWorkerConfig *config = make_config ();

  if (config != NULL)
    {
      eyl_worker_config_add_arg (config, "--no-ocr");
      eyl_worker_config_add_arg (config, "--no-logos");
      /* The tests count the files each served worker took: retirement
       * for memory is pool-retire-rss's to test (with AddressSanitizer a
       * worker stays resident above the default limit). */
      config->retire_rss_mb = 0;
    }
  return config;
}

/* A stage-times file of its own for @config's workers. */
static char *
count_workers (EylWorkerConfig *config,
               const char      *name)
{
  char *path = g_build_filename (eyl_fixture_dir (), name, NULL);

  g_unlink (path);
  eyl_worker_config_setenv (config, "EYL_STAGE_TIMES", path);
  return path;
}

/* The n_files of each worker that exited by itself, in the order they
 * exited ("" when none did). */
static char *
files_per_worker (const char *stage_times)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GString *out = g_string_new (NULL);

  if (!g_file_get_contents (stage_times, &text, NULL, NULL))
    return g_string_free (out, FALSE);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *n = strstr (lines[i], " n_files=");

      if (lines[i][0] == '\0')
        continue;
      g_string_append_printf (out, "%s%u", out->len > 0 ? "," : "",
                              n != NULL ? (guint) g_ascii_strtoull (n + strlen (" n_files="), NULL, 10) : 0);
    }
  return g_string_free (out, FALSE);
}

static char *
result_json (EylFileResult *result)
{
  g_autoptr(JsonNode) node = eyl_file_result_to_json (result);

  return eyl_report_json_node_to_string (node, TRUE);
}

/* A banner whose cross-reference offset is wrong: Poppler repairs it and
 * says so on stderr, which the parent counts per file. */
static char *
damaged_banner (void)
{
  g_autofree char *good = eyl_fixture_banner ("pool-damaged-src.pdf", 0.1, FALSE);
  g_autofree char *data = NULL;
  gsize            len = 0;
  char            *at;

  g_assert_true (g_file_get_contents (good, &data, &len, NULL));
  /* The file holds binary streams: no string search. */
  at = NULL;
  for (gsize i = len - strlen ("startxref"); at == NULL && i > 0; i--)
    if (memcmp (data + i, "startxref", strlen ("startxref")) == 0)
      at = data + i;
  g_assert_nonnull (at);
  for (at += strlen ("startxref"); at < data + len && !g_ascii_isdigit (*at); at++)
    ;
  for (; at < data + len && g_ascii_isdigit (*at); at++)
    *at = '1';
  return eyl_fixture_bytes ("pool-damaged.pdf", data, len);
}

/* @paths checked in a batch of one worker at a time with @config: each
 * file's report byte for byte what a worker of its own gives, every
 * file but the one at @failing (-1: none) ok. */
static void
batch_as_alone (EylWorkerConfig   *config,
                const char *const *paths,
                int                failing)
{
  g_autoptr(EylWorkerConfig) alone = make_quick_config ();
  g_autoptr(GPtrArray) results = eyl_batch_run (config, paths, 1, NULL, NULL, NULL);
  guint n = g_strv_length ((GStrv) paths);

  g_assert_cmpuint (results->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EylFileResult) own = eyl_worker_check_file (alone, paths[i], NULL);
      g_autofree char *pooled_json = result_json (g_ptr_array_index (results, i));
      g_autofree char *own_json = result_json (own);

      g_assert_cmpint (own->ok, ==, (int) i != failing);
      g_assert_cmpstr (pooled_json, ==, own_json);
    }
}

/* Five files, one worker at a time: fewer workers than files, and each
 * file's report byte for byte what a worker of its own gives. */
static void
test_reuse (void)
{
  g_autoptr(EylWorkerConfig) config = make_quick_config ();
  g_autofree char *stage_times = NULL;
  g_autofree char *served = NULL;
  g_auto(GStrv) paths = g_new0 (char *, 6);

  NEED_CONFIG (config);
  paths[0] = eyl_fixture_banner ("pool-a.pdf", 0.1, TRUE);
  paths[1] = eyl_fixture_banner ("pool-b.pdf", 0.1, FALSE);
  paths[2] = damaged_banner ();
  paths[3] = eyl_fixture_bytes ("pool-empty.pdf", "", 0);
  paths[4] = eyl_fixture_banner ("pool-c.pdf", 0.2, TRUE);
  stage_times = count_workers (config, "pool-reuse.stages");

  batch_as_alone (config, (const char *const *) paths, 3);

  /* One worker served them all, and ended when the batch did. */
  served = files_per_worker (stage_times);
  g_test_message ("files per worker: %s", served);
  g_assert_cmpstr (served, ==, "5");
}

/* A served worker resident above the config's retire_rss_mb after a
 * file makes way for a new one; the results stay what a worker of
 * their own gives.  A limit of 1 MB retires every worker, none keeps
 * every file in one. */
static void
test_retire_rss (void)
{
  static const guint       limits[] = { 1, 0 };
  static const char *const expected[] = { "1,1,1", "3" };
  g_autoptr(EylWorkerConfig) defaults = make_config ();
  g_auto(GStrv) paths = g_new0 (char *, 4);

  NEED_CONFIG (defaults);
  g_assert_cmpuint (defaults->retire_rss_mb, ==, EYL_WORKER_RETIRE_RSS_MB);

  paths[0] = eyl_fixture_banner ("pool-rss-a.pdf", 0.1, TRUE);
  paths[1] = eyl_fixture_banner ("pool-rss-b.pdf", 0.1, FALSE);
  paths[2] = eyl_fixture_banner ("pool-rss-c.pdf", 0.2, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      g_autoptr(EylWorkerConfig) config = make_quick_config ();
      g_autofree char *stage_times = NULL;
      g_autofree char *served = NULL;

      NEED_CONFIG (config);
      config->retire_rss_mb = limits[i];
      stage_times = count_workers (config, "pool-rss.stages");
      batch_as_alone (config, (const char *const *) paths, -1);
      served = files_per_worker (stage_times);
      g_test_message ("retire above %u MB: files per worker %s", limits[i], served);
      g_assert_cmpstr (served, ==, expected[i]);
    }
}

/* What the pool measures of a served worker after a file ("worker PID
 * after N files: M MB resident", its debug message), caught by
 * rss_writer. */
static GMutex  seen_lock;
static char   *seen_pid;
static guint64 seen_mb;

static GLogWriterOutput
rss_writer (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  const char *domain = NULL, *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
      domain = fields[i].value;
    else if (g_str_equal (fields[i].key, "MESSAGE"))
      message = fields[i].value;
  if (g_strcmp0 (domain, "eyl-worker") == 0 && message != NULL)
    {
      char    pid[32];
      guint   files;
      guint64 mb;

      if (sscanf (message, "worker %31s after %u files: %" G_GUINT64_FORMAT " MB resident", pid,
                  &files, &mb) == 3)
        {
          g_mutex_lock (&seen_lock);
          g_free (seen_pid);
          seen_pid = g_strdup (pid);
          seen_mb = mb;
          g_mutex_unlock (&seen_lock);
        }
    }
  return g_log_writer_default (level, fields, n_fields, user_data);
}

static void
pool_check_done_cb (GObject      *object,
                    GAsyncResult *res,
                    gpointer      user_data)
{
  EylFileResult **out = user_data;

  *out = eyl_worker_check_file_finish (res);
}

/* An A4 leaflet whose words are outlines, no text layer: Tesseract
 * reads the whole page, and what it allocated for that (the page's
 * images, its layout) is freed after the page. */
static char *
outlined_leaflet_pdf (void)
{
  static const char *const lines[] = { "Open day at the lab", "Saturday 10 to 16",
                                       "Free entry for everyone", "www.example.org" };
  char                    *path = g_build_filename (eyl_fixture_dir (), "pool-trim.pdf", NULL);
  cairo_surface_t         *pdf = cairo_pdf_surface_create (path, 595, 842);
  cairo_t                 *cr = cairo_create (pdf);

  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 36);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      cairo_move_to (cr, 50, 150 + 150 * i);
      cairo_text_path (cr, lines[i]);
    }
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_finish (pdf);
  g_assert_cmpint (cairo_surface_status (pdf), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (pdf);
  return path;
}

/* The resident memory a served worker keeps, as the pool measures it
 * to decide whether the worker takes the next file, is what the worker
 * keeps while it waits: the heap its file freed is given back before
 * it answers, not after (then the pool saw the heap of the file just
 * checked, and retired workers that kept far less). */
static void
test_rss_measured_trimmed (void)
{
  g_autoptr(EylWorkerConfig) config = make_config ();
  g_autoptr(EylWorkerPool) pool = eyl_worker_pool_new (1);
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(EylFileResult) result = NULL;
  g_autofree char *path = NULL;
  g_autofree char *statm_path = NULL;
  g_autofree char *statm = NULL;
  guint64          size = 0, resident = 0, idle_mb;

#ifdef UNDER_ASAN
  g_test_skip ("AddressSanitizer's allocator keeps freed memory whatever malloc_trim() does");
  return;
#endif
  NEED_CONFIG (config);
  if (!eyl_fixture_have_ocr ())
    return;
  path = outlined_leaflet_pdf ();
  g_mutex_lock (&seen_lock);
  g_clear_pointer (&seen_pid, g_free);
  g_mutex_unlock (&seen_lock);

  g_main_context_push_thread_default (context);
  eyl_worker_pool_check_file_async (pool, config, path, NULL, pool_check_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);
  g_assert_true (result->ok);

  g_mutex_lock (&seen_lock);
  g_assert_nonnull (seen_pid);
  statm_path = g_strdup_printf ("/proc/%s/statm", seen_pid);
  g_mutex_unlock (&seen_lock);
  /* The worker waits for its next file now: whatever it was going to
   * give back is given back after a second. */
  g_usleep (G_USEC_PER_SEC);
  g_assert_true (g_file_get_contents (statm_path, &statm, NULL, NULL));
  g_assert_cmpint (sscanf (statm, "%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT, &size, &resident), ==, 2);
  idle_mb = resident * (guint64) sysconf (_SC_PAGESIZE) / (1024 * 1024);
  g_test_message ("measured after the file: %" G_GUINT64_FORMAT " MB, waiting: %" G_GUINT64_FORMAT " MB",
                  seen_mb, idle_mb);
  g_assert_cmpuint (seen_mb, <=, idle_mb + 2);
}

/* A password reaches the worker byte for byte, whether a worker of its
 * own or a served one opens the file: a carriage return at its end and
 * a line feed inside are part of it. */
static void
test_password_bytes (void)
{
  static const char *const passwords[] = { "ends in cr\r", "two\nlines", " spaced " };

  for (guint i = 0; i < G_N_ELEMENTS (passwords); i++)
    {
      g_autoptr(EylWorkerConfig) config = make_quick_config ();
      g_autoptr(EylWorkerConfig) wrong = make_quick_config ();
      g_autoptr(EylFileResult) alone = NULL;
      g_autoptr(EylFileResult) refused = NULL;
      g_autoptr(GPtrArray) served = NULL;
      g_autofree char *name = g_strdup_printf ("password-%u.pdf", i);
      g_autofree char *banner = NULL;
      g_autofree char *locked = NULL;
      const char      *paths[2] = { NULL, NULL };

      NEED_CONFIG (config);
      banner = eyl_fixture_banner ("password-plain.pdf", 0.1, TRUE);
      locked = eyl_fixture_encrypt (banner, name, passwords[i]);
      paths[0] = locked;
      config->password = g_strdup (passwords[i]);
      /* the same password without its first or last byte */
      wrong->password = g_strndup (passwords[i], strlen (passwords[i]) - 1);

      alone = eyl_worker_check_file (config, locked, NULL);
      if (!alone->ok)
        g_test_message ("%s", alone->error_message);
      g_assert_true (alone->ok);
      served = eyl_batch_run (config, paths, 1, NULL, NULL, NULL);
      g_assert_true (((EylFileResult *) g_ptr_array_index (served, 0))->ok);
      refused = eyl_worker_check_file (wrong, locked, NULL);
      g_assert_false (refused->ok);
    }
}

/* A batch of @n_before good files, the file pool-@what.pdf on which the
 * worker does @what (EYL_WORKER_SIMULATE), and @n_after good files, one
 * worker at a time.  @served: the files of each worker that exited by
 * itself. */
static GPtrArray *
batch_with_failure (EylWorkerConfig *config,
                    const char      *what,
                    guint            n_before,
                    guint            n_after,
                    char           **failing,
                    char           **served)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  g_autofree char *stage_times = count_workers (config, "pool-failure.stages");
  g_autofree char *name = g_strdup_printf ("pool-%s.pdf", what);
  g_autofree char *good = eyl_fixture_banner ("pool-good.pdf", 0.1, TRUE);
  GPtrArray       *results;

  *failing = eyl_fixture_banner (name, 0.1, TRUE);
  for (guint i = 0; i < n_before + 1 + n_after; i++)
    g_ptr_array_add (paths, i == n_before ? *failing : good);
  g_ptr_array_add (paths, NULL);
  eyl_worker_config_setenv (config, "EYL_WORKER_SIMULATE", what);
  eyl_worker_config_setenv (config, "EYL_WORKER_SIMULATE_FILE", name);

  results = eyl_batch_run (config, (const char *const *) paths->pdata, 1, NULL, NULL, NULL);
  for (guint i = 0; i < results->len; i++)
    g_assert_cmpint (((EylFileResult *) g_ptr_array_index (results, i))->ok, ==, i != n_before);
  *served = files_per_worker (stage_times);
  g_test_message ("files per worker: %s", *served);
  return results;
}

/* A crash in the middle of a batch: that file's error is the one a
 * worker of its own gives, the files after it are checked by a new
 * worker. */
static void
test_crash_in_batch (void)
{
  g_autoptr(EylWorkerConfig) config = make_quick_config ();
  g_autoptr(EylWorkerConfig) alone = make_quick_config ();
  g_autoptr(EylFileResult) own = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *served = NULL;
  g_autofree char *crash = NULL;
  EylFileResult   *crashed;

  NEED_CONFIG (config);
  results = batch_with_failure (config, "crash", 2, 2, &crash, &served);
  crashed = g_ptr_array_index (results, 2);
  eyl_worker_config_setenv (alone, "EYL_WORKER_SIMULATE", "crash");
  own = eyl_worker_check_file (alone, crash, NULL);
  g_assert_false (own->ok);
  g_assert_cmpint (crashed->error_code, ==, EYL_ERROR_ENGINE_CRASH);
  g_assert_cmpstr (crashed->error_message, ==, own->error_message);

  /* The first worker crashed on the file (no line), and again in a new
   * worker; the two files after it had a third worker to themselves. */
  g_assert_cmpstr (served, ==, "2");
}

/* A worker that ends with exit status 0 without answering, alone and in
 * the middle of a batch: an error that names the file, not a crash of
 * the caller (a served worker's missing answer was read as one). */
static void
test_exit_in_batch (void)
{
  g_autoptr(EylWorkerConfig) config = make_quick_config ();
  g_autoptr(EylWorkerConfig) alone = make_quick_config ();
  g_autoptr(EylFileResult) own = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *served = NULL;
  g_autofree char *gone = NULL;
  EylFileResult   *failed;

  NEED_CONFIG (config);
  results = batch_with_failure (config, "exit", 1, 1, &gone, &served);
  failed = g_ptr_array_index (results, 1);
  g_test_message ("%s", failed->error_message);
  g_assert_cmpint (failed->error_code, ==, EYL_ERROR_ENGINE_CRASH);
  g_assert_nonnull (strstr (failed->error_message, "pool-exit.pdf"));
  g_assert_nonnull (strstr (failed->error_message, "without an answer"));

  eyl_worker_config_setenv (alone, "EYL_WORKER_SIMULATE", "exit");
  own = eyl_worker_check_file (alone, gone, NULL);
  g_assert_false (own->ok);
  g_assert_cmpint (own->error_code, ==, EYL_ERROR_ENGINE_CRASH);
  g_assert_cmpstr (own->error_message, ==, failed->error_message);
}

/* The orphan a worker left behind (EYL_WORKER_SIMULATE=orphan-pipes),
 * from @pid_file: whether it still lived, and now it does not. */
static gboolean
orphan_lived (const char *pid_file)
{
  g_autofree char *text = NULL;
  gboolean         lived;
  int              pid;

  g_assert_true (g_file_get_contents (pid_file, &text, NULL, NULL));
  pid = atoi (text);
  g_assert_cmpint (pid, >, 1);
  {
    /* Alive, not a zombie nobody reaped (the state after the name). */
    g_autofree char *stat_path = g_strdup_printf ("/proc/%d/stat", pid);
    g_autofree char *stat = NULL;
    const char      *end;

    lived = g_file_get_contents (stat_path, &stat, NULL, NULL) &&
            (end = strrchr (stat, ')')) != NULL && end[1] == ' ' && end[2] != 'Z' && end[2] != 'X';
  }
  kill (pid, SIGKILL);
  return lived;
}

/* A worker that ends without answering and leaves a process behind that
 * holds its pipes open: the file fails while that process still lives
 * (the pipes are read for a moment after the worker's end, not until
 * they close), alone and in a batch. */
static void
test_orphan_pipes (void)
{
  g_autoptr(EylWorkerConfig) config = make_quick_config ();
  g_autoptr(EylWorkerConfig) alone = make_quick_config ();
  g_autoptr(EylFileResult) own = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *pid_file = NULL;
  g_autofree char *served = NULL;
  g_autofree char *path = NULL;
  g_autofree char *gone = NULL;
  EylFileResult   *failed;

  NEED_CONFIG (config);
  dir = g_dir_make_tmp ("eyl-orphan-XXXXXX", NULL);
  pid_file = g_build_filename (dir, "orphan.pid", NULL);

  eyl_worker_config_setenv (alone, "EYL_WORKER_SIMULATE", "orphan-pipes");
  eyl_worker_config_setenv (alone, "EYL_WORKER_ORPHAN_PID_FILE", pid_file);
  path = some_pdf ();
  own = eyl_worker_check_file (alone, path, NULL);
  g_test_message ("%s", own->error_message);
  g_assert_false (own->ok);
  g_assert_cmpint (own->error_code, ==, EYL_ERROR_ENGINE_CRASH);
  g_assert_nonnull (strstr (own->error_message, "without an answer"));
  g_assert_true (orphan_lived (pid_file));
  g_unlink (pid_file);

  eyl_worker_config_setenv (config, "EYL_WORKER_ORPHAN_PID_FILE", pid_file);
  results = batch_with_failure (config, "orphan-pipes", 1, 1, &gone, &served);
  failed = g_ptr_array_index (results, 1);
  g_test_message ("%s", failed->error_message);
  g_assert_cmpint (failed->error_code, ==, EYL_ERROR_ENGINE_CRASH);
  g_assert_nonnull (strstr (failed->error_message, "without an answer"));
  /* The file was tried once more in a new worker (the first had served
   * a file before), which left an orphan of its own. */
  g_assert_true (orphan_lived (pid_file));
  g_unlink (pid_file);
  g_rmdir (dir);
}

/* A file that hangs in the middle of a batch is stopped after its
 * budget; the next file gets a new worker. */
static void
test_hang_in_batch (void)
{
  g_autoptr(EylWorkerConfig) config = make_quick_config ();
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *served = NULL;
  g_autofree char *hang = NULL;
  EylFileResult   *hung;

  NEED_CONFIG (config);
  config->timeout_s = 2;
  results = batch_with_failure (config, "hang", 1, 1, &hang, &served);
  hung = g_ptr_array_index (results, 1);
  g_assert_cmpint (hung->error_code, ==, EYL_ERROR_TIMEOUT);
  /* Stopped while opening: no page of the file before is named. */
  g_assert_nonnull (strstr (hung->error_message, "pool-hang.pdf"));
  g_assert_nonnull (strstr (hung->error_message, "2 s"));
  g_assert_null (strstr (hung->error_message, "page"));

  /* The first worker was killed (no line); the last file had a new one. */
  g_assert_cmpstr (served, ==, "1");
}

/* An allocation bomb in the middle of a batch: the memory limit's error,
 * as for a worker of its own (the messages of that file only), and a
 * new worker for the next file. */
static void
test_oom_in_batch (void)
{
  g_autoptr(EylWorkerConfig) config = make_quick_config ();
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *served = NULL;
  g_autofree char *oom = NULL;
  EylFileResult   *failed;

#ifdef UNDER_ASAN
  g_test_skip ("AddressSanitizer needs more address space than RLIMIT_AS allows");
  return;
#endif
  NEED_CONFIG (config);
  config->memory_mb = 1024;
  results = batch_with_failure (config, "oom", 1, 1, &oom, &served);
  failed = g_ptr_array_index (results, 1);
  g_test_message ("%s", failed->error_message);
  g_assert_cmpint (failed->error_code, ==, EYL_ERROR_MEMORY);
  g_assert_nonnull (strstr (failed->error_message, "1024 MB"));
  g_assert_cmpstr (served, ==, "1");
}

static int
sort_names (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* A crash while exporting the middle file of a batch: the files before
 * and after it are published, the crashed one leaves nothing (its
 * private folders, the used worker's and the new one's, are gone). */
static void
test_export_crash_in_batch (void)
{
  g_autoptr(EylWorkerConfig) config = make_quick_config ();
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) listing = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *joined = NULL;
  g_auto(GStrv) paths = g_new0 (char *, 4);
  const char *name;

  NEED_CONFIG (config);
  dir = g_build_filename (eyl_fixture_dir (), "pool-export-out", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  paths[0] = eyl_fixture_banner ("pool-export-a.pdf", 0.1, TRUE);
  paths[1] = eyl_fixture_banner ("pool-export-crash.pdf", 0.1, TRUE);
  paths[2] = eyl_fixture_banner ("pool-export-b.pdf", 0.1, FALSE);
  config->export_mode = EYL_EXPORT_OVERLAY;
  config->export_dir = g_strdup (dir);
  eyl_worker_config_setenv (config, "EYL_WORKER_SIMULATE_EXPORT", "crash");
  eyl_worker_config_setenv (config, "EYL_WORKER_SIMULATE_FILE", "pool-export-crash.pdf");

  results = eyl_batch_run (config, (const char *const *) paths, 1, NULL, NULL, NULL);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (((EylFileResult *) g_ptr_array_index (results, i))->ok, ==, i != 1);
  g_assert_cmpint (((EylFileResult *) g_ptr_array_index (results, 1))->error_code, ==,
                   EYL_ERROR_ENGINE_CRASH);

  listing = g_dir_open (dir, 0, NULL);
  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort_with_data (names, (GCompareDataFunc) sort_names, NULL);
  g_ptr_array_add (names, NULL);
  joined = g_strjoinv (" ", (char **) names->pdata);
  g_assert_cmpstr (joined, ==, "pool-export-a-eyeline.pdf pool-export-b-eyeline.pdf");
}

/* An executable file at @dir/@name (its folders made). */
static char *
fake_exe (const char *dir,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  char            *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "#!/bin/sh\n", -1, &error));
  g_assert_cmpint (g_chmod (path, 0755), ==, 0);
  return path;
}

/* Where eyeline-cli and the window find eyeline-worker: beside the
 * command line in the build tree, in ../cli from the window's folder of
 * the build tree, in libexecdir from bindir when installed (also when the
 * installed tree was moved, as under a DESTDIR), else the configured
 * libexecdir.  A worker file that cannot be run is passed over. */
static void
test_find_exe (void)
{
  g_autofree char *root = g_build_filename (eyl_fixture_dir (), "find-worker", NULL);
  g_autofree char *build = g_build_filename (root, "build", NULL);
  g_autofree char *dest = g_build_filename (root, "dest", "usr", NULL);
  g_autofree char *none = g_build_filename (root, "none", NULL);
  g_autofree char *cli = fake_exe (build, "app/cli/eyeline-cli");
  g_autofree char *gui = fake_exe (build, "app/gui/eyeline");
  g_autofree char *worker = fake_exe (build, "app/cli/" EYL_WORKER_EXE_NAME);
  g_autofree char *installed_cli = fake_exe (dest, "bin/eyeline-cli");
  g_autofree char *installed_worker_rel = g_build_filename ("bin", BINDIR_TO_LIBEXECDIR, EYL_WORKER_EXE_NAME, NULL);
  g_autofree char *installed_worker = fake_exe (dest, installed_worker_rel);
  g_autofree char *lonely = fake_exe (none, "bin/eyeline-cli");
  g_autofree char *not_exe = NULL;
  g_autofree char *fallback = g_build_filename (LIBEXECDIR, EYL_WORKER_EXE_NAME, NULL);
  g_autofree char *found = NULL;
  g_autofree char *expected = NULL;

  found = eyl_worker_find_exe_for (cli);
  g_assert_cmpstr (found, ==, worker);
  g_clear_pointer (&found, g_free);
  found = eyl_worker_find_exe_for (gui);
  g_assert_cmpstr (found, ==, worker);
  g_clear_pointer (&found, g_free);
  found = eyl_worker_find_exe_for (installed_cli);
  expected = g_canonicalize_filename (installed_worker, NULL);
  g_assert_cmpstr (found, ==, expected);
  g_clear_pointer (&found, g_free);

  found = eyl_worker_find_exe_for (lonely);
  g_assert_cmpstr (found, ==, fallback);
  g_clear_pointer (&found, g_free);
  found = eyl_worker_find_exe_for (NULL);
  g_assert_cmpstr (found, ==, fallback);
  g_clear_pointer (&found, g_free);

  /* Not executable: passed over. */
  not_exe = fake_exe (none, "bin/" EYL_WORKER_EXE_NAME);
  g_assert_cmpint (g_chmod (not_exe, 0644), ==, 0);
  found = eyl_worker_find_exe_for (lonely);
  g_assert_cmpstr (found, ==, fallback);
  g_clear_pointer (&found, g_free);

  /* This build's own eyeline-cli finds this build's worker. */
  if (eyl_fixture_cli () != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (eyl_fixture_cli ());
      g_autofree char *built = g_build_filename (dir, EYL_WORKER_EXE_NAME, NULL);
      g_autofree char *canonical = g_canonicalize_filename (built, NULL);

      g_assert_cmpstr (eyl_fixture_worker (), ==, canonical);
    }
}

/* $EYL_WORKER wins over the executable a config names (the team's
 * wrapper scripts for a worker's debug log). */
static void
test_env_override (void)
{
  g_autoptr(EylWorkerConfig) config = NULL;
  g_autoptr(EylFileResult) result = NULL;
  g_autofree char *path = NULL;
  g_autofree char *saved = g_strdup (g_getenv ("EYL_WORKER"));

  if (eyl_fixture_worker () == NULL)
    {
      g_test_skip ("EYL_CLI is not set: run the tests with meson test");
      return;
    }
  config = eyl_worker_config_new ("/nonexistent/" EYL_WORKER_EXE_NAME);
  path = eyl_fixture_banner ("worker-env.pdf", 0.1, TRUE);
  g_setenv ("EYL_WORKER", eyl_fixture_worker (), TRUE);
  result = eyl_worker_check_file (config, path, NULL);
  if (saved != NULL)
    g_setenv ("EYL_WORKER", saved, TRUE);
  else
    g_unsetenv ("EYL_WORKER");
  if (!result->ok)
    g_test_message ("%s", result->error_message);
  g_assert_true (result->ok);
  g_clear_pointer (&result, eyl_file_result_unref);

  /* Without it, the named executable is the one started. */
  result = eyl_worker_check_file (config, path, NULL);
  g_assert_false (result->ok);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  signal (SIGPIPE, SIG_IGN);
  g_log_set_writer_func (rss_writer, NULL, NULL);

  g_test_add_func ("/eyl/worker/hang", test_hang);
  g_test_add_func ("/eyl/worker/cpu-budget", test_cpu_budget);
  g_test_add_func ("/eyl/worker/budget-verdicts", test_budget_verdicts);
  g_test_add_func ("/eyl/worker/crash", test_crash);
  g_test_add_func ("/eyl/worker/oom", test_oom);
  g_test_add_func ("/eyl/worker/memory-too-small", test_memory_too_small);
  g_test_add_func ("/eyl/worker/unreadable-result", test_unreadable_result);
  g_test_add_func ("/eyl/worker/find-exe", test_find_exe);
  g_test_add_func ("/eyl/worker/env-override", test_env_override);
  g_test_add_func ("/eyl/worker/good-file", test_good_file);
  g_test_add_func ("/eyl/worker/not-pdf", test_not_pdf);
  g_test_add_func ("/eyl/worker/typed-settings", test_typed_settings);
  g_test_add_func ("/eyl/worker/typed-settings-refused", test_typed_settings_refused);
  g_test_add_func ("/eyl/worker/batch-order", test_batch_order);
  g_test_add_func ("/eyl/worker/batch-cancel", test_batch_cancel);
  g_test_add_func ("/eyl/worker/scheduler", test_scheduler);
  g_test_add_func ("/eyl/worker/pool-reuse", test_reuse);
  g_test_add_func ("/eyl/worker/pool-retire-rss", test_retire_rss);
  g_test_add_func ("/eyl/worker/pool-rss-measured-trimmed", test_rss_measured_trimmed);
  g_test_add_func ("/eyl/worker/password-bytes", test_password_bytes);
  g_test_add_func ("/eyl/worker/pool-crash-in-batch", test_crash_in_batch);
  g_test_add_func ("/eyl/worker/pool-hang-in-batch", test_hang_in_batch);
  g_test_add_func ("/eyl/worker/pool-exit-in-batch", test_exit_in_batch);
  g_test_add_func ("/eyl/worker/orphan-pipes", test_orphan_pipes);
  g_test_add_func ("/eyl/worker/pool-oom-in-batch", test_oom_in_batch);
  g_test_add_func ("/eyl/worker/pool-export-crash-in-batch", test_export_crash_in_batch);

  return g_test_run ();
}
