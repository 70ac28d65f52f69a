/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-determinism: the same file gives the same report on an idle and on
 * a busy machine.  Budgets that shape what is found (OCR pixels, QR
 * candidates, renders) count work, never time: a check run beside two
 * processes that keep the processors busy must report exactly what the
 * same check reports alone.  Runs eyeline-cli ($EYL_CLI) on files of
 * ../shared/corpus ($EYL_SHARED_DIR) that need OCR and QR reading. */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <glib.h>

#define N_HOGS 2

/* A file without a text layer (the OCR page pass and its second looks),
 * and one with a QR code beside live text (QR candidates, OCR of
 * unexplained ink). */
static const char *const files[] = {
  "flag-mobileera-3.pdf",
  "poster-godot-godotcon2018.pdf",
};

/* The JSON report of one check with one worker; NULL when it did not run. */
static char *
check_json (const char *cli,
            const char *path)
{
  const char *argv[] = { cli, "check", "--format", "json", "--jobs", "1", "--fail-on", "never",
                         "--timeout", "0", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char            *out = NULL;
  int              status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                     &status, &error))
    {
      g_test_message ("%s: %s", path, error->message);
      return NULL;
    }
  if (err != NULL && *err != '\0')
    g_test_message ("stderr: %s", err);
  return out;
}

/* Processes that do nothing but use a processor each, until killed. */
static void
start_hogs (pid_t *pids)
{
  for (guint i = 0; i < N_HOGS; i++)
    {
      pids[i] = fork ();
      g_assert_cmpint (pids[i], >=, 0);
      if (pids[i] == 0)
        {
          volatile guint64 spin = 0;

          for (;;)
            spin++;
        }
    }
}

static void
stop_hogs (pid_t *pids)
{
  for (guint i = 0; i < N_HOGS; i++)
    {
      kill (pids[i], SIGKILL);
      waitpid (pids[i], NULL, 0);
    }
}

static void
test_busy_machine (gconstpointer data)
{
  const char      *name = data;
  const char      *cli = g_getenv ("EYL_CLI");
  const char      *shared = g_getenv ("EYL_SHARED_DIR");
  g_autofree char *path = NULL;
  g_autofree char *idle = NULL;
  g_autofree char *busy = NULL;
  pid_t            hogs[N_HOGS];

  if (cli == NULL || shared == NULL)
    {
      g_test_skip ("EYL_CLI or EYL_SHARED_DIR is not set: run the tests with meson test");
      return;
    }
  path = g_build_filename (shared, "corpus", "files", name, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("no corpus file (../shared/corpus/files)");
      return;
    }

  idle = check_json (cli, path);
  start_hogs (hogs);
  busy = check_json (cli, path);
  stop_hogs (hogs);

  g_assert_nonnull (idle);
  g_assert_nonnull (busy);
  g_assert_nonnull (strstr (idle, "\"status\": \"ok\""));
  g_assert_cmpstr (busy, ==, idle);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *test = g_strdup_printf ("/eyl/determinism/busy-machine/%s", files[i]);

      g_test_add_data_func (test, files[i], test_busy_machine);
    }

  return g_test_run ();
}
