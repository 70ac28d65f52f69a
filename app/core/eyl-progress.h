/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-progress.h: long work says how far it got.  In a worker process
 * ($EYL_WORKER_PROGRESS_FD, set by the parent in eyl-worker.c) each
 * report is a line on that pipe and gives the page a new time budget;
 * anywhere else reports go nowhere.  The reader and the exporter report
 * through it, so that the worker and the exporter need not know each
 * other. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  EYL_WORKER_STAGE_ANALYSIS,
  EYL_WORKER_STAGE_EXPORT,
} EylWorkerStage;

/* Page @page (1-based) of @n_pages is started. */
void eyl_progress_report (EylWorkerStage stage,
                          guint          page,
                          guint          n_pages);

/* The request a served worker works on (eyl_worker_child_serve), named in
 * every line so that a late line of the file before is not taken for the
 * next one's; 0 for a worker of one file. */
void eyl_progress_set_request (guint32 seq);

G_END_DECLS
