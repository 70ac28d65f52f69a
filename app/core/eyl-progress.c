/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-progress.c: progress lines on the worker's pipe (eyl-progress.h). */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <unistd.h>

#include "eyl-progress.h"

static gint current_seq; /* atomic: the guint32 of the request */
static gint pipe_closed; /* atomic: the parent stopped reading */

void
eyl_progress_set_request (guint32 seq)
{
  g_atomic_int_set (&current_seq, (gint) seq);
}

/* The pipe to the parent, or -1, looked up once under g_once: the
 * reader and the exporter report from whichever thread works on a page.
 * Looked up as "-2 until asked, then -1, then the pipe", a second
 * thread saw -1 while the first was still reading the variable and
 * dropped its line (test-progress: 8 threads let go at once lost lines,
 * one or all eight, in each of six runs of 40 fresh processes). */
static int
progress_fd (void)
{
  static gsize fd_plus_two = 0; /* 0: not looked up; 1: no pipe */

  if (g_once_init_enter (&fd_plus_two))
    {
      const char *env = g_getenv ("EYL_WORKER_PROGRESS_FD");
      guint64     value = 0;
      int         fd = -1;

      if (env != NULL && g_ascii_string_to_unsigned (env, 10, 3, 1024, &value, NULL))
        {
          fd = (int) value;
          signal (SIGPIPE, SIG_IGN);
        }
      g_once_init_leave (&fd_plus_two, (gsize) (fd + 2));
    }
  return (int) fd_plus_two - 2;
}

void
eyl_progress_report (EylWorkerStage stage,
                     guint          page,
                     guint          n_pages)
{
  int  fd = progress_fd ();
  char line[64];
  int  len;

  if (fd < 0 || g_atomic_int_get (&pipe_closed))
    return;

  /* The request's number last: a served worker's late line of the file
   * before is not taken for the next one's. */
  len = g_snprintf (line, sizeof line, "%s %u/%u %u\n",
                    stage == EYL_WORKER_STAGE_EXPORT ? "export" : "analysis", page, n_pages,
                    (guint) (guint32) g_atomic_int_get (&current_seq));
  /* A parent that stopped reading must not stop the worker. */
  if (write (fd, line, (size_t) len) < 0 && errno != EINTR && errno != EAGAIN)
    g_atomic_int_set (&pipe_closed, TRUE);
}
