/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Progress lines reported by several threads at once, as pages read or
 * exported side by side report them: each is on the pipe.  Only the
 * first reports of a process look the pipe up, so each try runs in a
 * process of its own. */
#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib.h>

#include "eyl-fixtures.h"
#include "eyl-progress.h"

#define N_THREADS 8
#define N_TRIES   40

static void
report (gpointer data,
        gpointer user_data)
{
  eyl_progress_report (EYL_WORKER_STAGE_ANALYSIS, 1, 1);
}

static void
race (void)
{
  g_autofree char *fd = NULL;
  int              fds[2];
  char             buf[4096];
  gsize            got = 0;
  ssize_t          n;
  guint            lines = 0;

  g_assert_no_errno (pipe (fds));
  fd = g_strdup_printf ("%d", fds[1]);
  g_setenv ("EYL_WORKER_PROGRESS_FD", fd, TRUE);

  eyl_fixture_race (N_THREADS, report, NULL);

  close (fds[1]);
  while ((n = read (fds[0], buf + got, sizeof buf - 1 - got)) > 0)
    got += (gsize) n;
  close (fds[0]);
  buf[got] = '\0';
  for (const char *c = buf; (c = strchr (c, '\n')) != NULL; c++)
    lines++;
  g_assert_cmpuint (lines, ==, N_THREADS);
  g_assert_nonnull (strstr (buf, "analysis 1/1 0\n"));
}

static void
test_progress_threads (void)
{
  eyl_fixture_in_fresh_processes (race, N_TRIES);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/eyl/progress/threads", test_progress_threads);
  return g_test_run ();
}
