/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-batch.h: runs a list of files through worker processes, N at a
 * time, and keeps the results in input order.  A file that fails never
 * stops the others. */
#pragma once

#include <gio/gio.h>
#include "eyl-report.h"
#include "eyl-worker.h"

G_BEGIN_DECLS

/* The scheduler: checks of files in worker processes, at most @jobs at
 * once (0 = g_get_num_processors ()), the highest @priority first and in
 * the order of submission among equals.  One scheduler serves a window's
 * checks and exports alike, so that together they never run more workers
 * than it allows.  Runs on the thread-default main context it was made
 * on. */
typedef struct _EylScheduler EylScheduler;

/* A check of this priority or higher starts at once, even when every
 * slot is taken: the document the user is looking at never waits behind
 * a batch. */
#define EYL_SCHEDULER_PRIORITY_URGENT 100

/* Called, with the check's user_data, when its worker starts. */
typedef void (*EylSchedulerStarted) (gpointer user_data);

EylScheduler *eyl_scheduler_new (guint jobs);
EylScheduler *eyl_scheduler_ref (EylScheduler *self);
void          eyl_scheduler_unref (EylScheduler *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EylScheduler, eyl_scheduler_unref)
guint eyl_scheduler_get_n_running (EylScheduler *self);

/* eyl_worker_check_file_async() when a slot is free.  A check cancelled
 * while it waits is answered soon with an EYL_ERROR_CANCELLED result and
 * never starts a worker.  @started may be NULL. */
void           eyl_scheduler_check_file_async (EylScheduler       *self,
                                               EylWorkerConfig    *config,
                                               const char         *path,
                                               int                 priority,
                                               GCancellable       *cancellable,
                                               EylSchedulerStarted started,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
EylFileResult *eyl_scheduler_check_file_finish (GAsyncResult *result);

/* Called on the caller's main context each time a file is done. */
typedef void (*EylBatchProgress) (guint          done,
                                  guint          total,
                                  EylFileResult *result,
                                  gpointer       user_data);

/* @paths: the files in the order they should appear in the report.
 * @jobs: how many workers at once, 0 = g_get_num_processors ().
 * Results that were not started when @cancellable fires are errors
 * (EYL_ERROR_CANCELLED). */
void eyl_batch_run_async (EylWorkerConfig    *config,
                          const char *const  *paths,
                          guint               jobs,
                          EylBatchProgress    progress,
                          gpointer            progress_data,
                          GCancellable       *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer            user_data);
/* The EylFileResult list, one per path, in input order. */
GPtrArray *eyl_batch_run_finish (GAsyncResult *result);

/* The same, blocking on a private main context. */
GPtrArray *eyl_batch_run (EylWorkerConfig   *config,
                          const char *const *paths,
                          guint              jobs,
                          EylBatchProgress   progress,
                          gpointer           progress_data,
                          GCancellable      *cancellable);

/* The Evaluate stage again for a file read before (DESIGN.md 3.5): a new
 * result with every page of @result evaluated from its read with
 * @options, and the piece judged as a whole; the file's warnings and
 * outputs are kept.  NULL when that cannot be done without a worker: the
 * file failed, a page has no read (a result from JSON), or @options give
 * a page another real size (eyl_evaluate_needs_read()). */
EylFileResult *eyl_file_result_evaluate (EylFileResult            *result,
                                         const EylAnalysisOptions *options);

G_END_DECLS
