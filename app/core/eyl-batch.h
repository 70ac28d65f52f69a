/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-batch.h: runs a list of files through worker processes, N at a
 * time, and keeps the results in input order.  A file that fails never
 * stops the others. */
#pragma once

#include <gio/gio.h>
#include "eyl-report.h"
#include "eyl-worker.h"

G_BEGIN_DECLS

/* Called on the caller's main context each time a file is done. */
typedef void (*EylBatchProgress) (guint          done,
                                  guint          total,
                                  EylFileResult *result,
                                  gpointer       user_data);

/* @paths: the files in the order they should appear in the report.
 * @jobs: how many workers at once, 0 = g_get_num_processors ().
 * Results that were not started when @cancellable fires are errors
 * (EYL_ERROR_CANCELLED). */
void       eyl_batch_run_async  (EylWorkerConfig     *config,
                                 const char * const  *paths,
                                 guint                jobs,
                                 EylBatchProgress     progress,
                                 gpointer             progress_data,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data);
/* The EylFileResult list, one per path, in input order. */
GPtrArray *eyl_batch_run_finish (GAsyncResult        *result);

/* The same, blocking on a private main context. */
GPtrArray *eyl_batch_run        (EylWorkerConfig     *config,
                                 const char * const  *paths,
                                 guint                jobs,
                                 EylBatchProgress     progress,
                                 gpointer             progress_data,
                                 GCancellable        *cancellable);

/* The Evaluate stage again for a file read before (DESIGN.md 3.5): a new
 * result with every page of @result evaluated from its read with
 * @options, and the piece judged as a whole; the file's warnings and
 * outputs are kept.  NULL when that cannot be done without a worker: the
 * file failed, a page has no read (a result from JSON), or @options give
 * a page another real size (eyl_evaluate_needs_read()). */
EylFileResult *eyl_file_result_evaluate (EylFileResult            *result,
                                         const EylAnalysisOptions *options);

G_END_DECLS
