/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-export-job.h: exports open documents from the window — each file
 * checked and written in a worker process (eyl-export.h), a few at
 * a time, with progress and cancelling.  Nothing runs on the window's
 * thread but the bookkeeping. */
#pragma once

#include <gio/gio.h>

#include "eyl-batch.h"
#include "eyl-document-item.h"
#include "eyl-export.h"
#include "eyl-worker.h"

G_BEGIN_DECLS

#define EYL_TYPE_EXPORT_JOB (eyl_export_job_get_type ())
G_DECLARE_FINAL_TYPE (EylExportJob, eyl_export_job, EYL, EXPORT_JOB, GObject)

/* The worker options for @item: the window's placement and the item's
 * password.  A new config. */
typedef EylWorkerConfig *(*EylExportJobConfigFunc) (EylDocumentItem *item,
                                                    gpointer         user_data);

/* @items: EylDocumentItem.  @scheduler: the one the window's checks run
 * on (the export waits behind them).  @make_config is called from start()
 * only. */
EylExportJob *eyl_export_job_new (GPtrArray             *items,
                                  const char            *folder,
                                  EylExportMode          mode,
                                  gboolean               overwrite,
                                  EylScheduler          *scheduler,
                                  EylExportJobConfigFunc make_config,
                                  gpointer               user_data);

/* Emits "progress" after each file and "finished" once at the end
 * (also after cancel()). */
void eyl_export_job_start (EylExportJob *self);
/* Stops the workers; their partial files are removed, finished ones
 * stay (they are complete). */
void eyl_export_job_cancel (EylExportJob *self);

gboolean    eyl_export_job_is_running (EylExportJob *self);
gboolean    eyl_export_job_was_cancelled (EylExportJob *self);
guint       eyl_export_job_get_total (EylExportJob *self);
guint       eyl_export_job_get_done (EylExportJob *self);
guint       eyl_export_job_get_n_failed (EylExportJob *self);
guint       eyl_export_job_get_n_outputs (EylExportJob *self);
const char *eyl_export_job_get_folder (EylExportJob *self);
/* EylFileResult of every file done so far, in item order (NULL for files
 * not done). */
GPtrArray *eyl_export_job_get_results (EylExportJob *self);

G_END_DECLS
