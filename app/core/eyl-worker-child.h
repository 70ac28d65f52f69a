/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-worker-child.h: the worker process's side of DESIGN.md "Isolation" —
 * what the `worker` subcommand of eyeline-cli runs: limits, the password
 * on stdin, the test hooks, progress for the parent's time budget, and
 * the file read and evaluated page by page.  The parent's side is
 * eyl-worker.h; the exporter reports its progress through this one. */
#pragma once

#include <gio/gio.h>
#include "eyl-report.h"
#include "eyl-options.h"

G_BEGIN_DECLS

typedef enum
{
  EYL_WORKER_STAGE_ANALYSIS,
  EYL_WORKER_STAGE_EXPORT,
} EylWorkerStage;

/* Tells the parent the worker starts page @page (1-based) of @n_pages:
 * the parent gives it a new time budget.  Does nothing outside a worker
 * ($EYL_WORKER_PROGRESS_FD unset). */
void eyl_worker_child_progress (EylWorkerStage stage,
                                guint          page,
                                guint          n_pages);

/* Sets RLIMIT_AS to @memory_mb (0 = leave it) and disables core dumps;
 * the worker also dies with its parent and runs at a lower priority.
 * Call before opening anything.  FALSE when the limit is not applied
 * (e.g. under AddressSanitizer, which needs a huge address space). */
gboolean eyl_worker_child_limit_memory (guint memory_mb);
/* The check's settings on the worker's stdin (eyl_worker_config_set_settings):
 * one line before the password, the GVariant's bytes in base64 — the
 * writer (the parent's side) and the reader next to each other.  The
 * worker is started with --settings-on-stdin when the line is there. */
char    *eyl_worker_encode_settings (GVariant *settings);
gboolean eyl_worker_child_read_settings (EylCheckSettings *settings,
                                         GError          **error);
/* Reads one line from stdin: the password, or NULL at end of input. */
char *eyl_worker_child_read_password (void);
/* The test hook: $EYL_WORKER_SIMULATE=hang|crash|oom makes the worker
 * sleep forever, raise SIGSEGV or allocate until g_malloc() aborts.
 * Returns when the variable is not set. */
void eyl_worker_child_simulate (void);
/* The test hook of the export step: $EYL_WORKER_SIMULATE_EXPORT=hang|
 * crash makes the worker hang or crash after the analysis, "disk-full"
 * makes every write beyond 4 KB of a file fail (RLIMIT_FSIZE), and
 * "disk-full:BYTES" every write beyond BYTES. */
void eyl_worker_child_simulate_export (void);
/* Opens @path and analyses it page by page (each page snapshot is freed
 * before the next is read).  Never NULL: a file that cannot be read gives
 * an error result. */
EylFileResult *eyl_worker_analyse_file (const char               *path,
                                        const char               *password,
                                        const EylAnalysisOptions *options,
                                        GCancellable             *cancellable);

/* The render mode of the worker (eyl_worker_render_page_async): renders
 * @area (page pt) of page @page_index of @path at @scale px/pt, within
 * the analysis raster budget, to the PNG file @png_path.  Never NULL: an
 * ok result without pages, or the error. */
EylFileResult *eyl_worker_render_page (const char    *path,
                                       const char    *password,
                                       guint          page_index,
                                       const EylRect *area,
                                       double         scale,
                                       const char    *png_path);

/* The logo mode of the worker (eyl_worker_prepare_brand_kit): the kit
 * logo @path drawn as the logo search reads it, into the PNG file
 * @png_path.  Never NULL: an ok result without pages, or the error. */
EylFileResult *eyl_worker_render_logo (const char *path,
                                       const char *png_path);

G_END_DECLS
