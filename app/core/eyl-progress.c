/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-progress.c: progress lines on the worker's pipe (eyl-progress.h). */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <unistd.h>

#include "eyl-progress.h"

static guint32 current_seq;

void
eyl_progress_set_request (guint32 seq)
{
  current_seq = seq;
}

void
eyl_progress_report (EylWorkerStage stage,
                     guint          page,
                     guint          n_pages)
{
  static int fd = -2;
  char       line[64];
  int        len;

  if (fd == -2)
    {
      const char *env = g_getenv ("EYL_WORKER_PROGRESS_FD");
      guint64     value = 0;

      fd = -1;
      if (env != NULL && g_ascii_string_to_unsigned (env, 10, 3, 1024, &value, NULL))
        {
          fd = (int) value;
          signal (SIGPIPE, SIG_IGN);
        }
    }
  if (fd < 0)
    return;

  /* The request's number last: a served worker's late line of the file
   * before is not taken for the next one's. */
  len = g_snprintf (line, sizeof line, "%s %u/%u %u\n",
                    stage == EYL_WORKER_STAGE_EXPORT ? "export" : "analysis", page, n_pages,
                    (guint) current_seq);
  /* A parent that stopped reading must not stop the worker. */
  if (write (fd, line, (size_t) len) < 0 && errno != EINTR && errno != EAGAIN)
    fd = -1;
}
