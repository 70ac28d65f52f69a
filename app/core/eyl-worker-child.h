/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-worker-child.h: the worker process's side of DESIGN.md "Isolation" —
 * what eyeline-worker runs: limits, the password
 * on stdin, the test hooks, progress for the parent's time budget, and
 * the file read and evaluated page by page.  The parent's side is
 * eyl-worker.h.  Progress for the time budget: eyl-progress.h. */
#pragma once

#include <gio/gio.h>
#include "eyl-export.h"
#include "eyl-report.h"
#include "eyl-options.h"
#include "eyl-progress.h"

G_BEGIN_DECLS

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
/* The password on the worker's stdin, after the settings: one line, its
 * bytes in base64, so that every byte of it (a carriage return at its end,
 * a line feed inside) arrives as it was typed, as in a served worker's
 * request.  The writer and the reader next to each other. */
char *eyl_worker_encode_password (const char *password);
/* The password of eyl_worker_encode_password(), or NULL at end of input. */
char *eyl_worker_child_read_password (void);
/* The test hook: $EYL_WORKER_SIMULATE=hang|crash|oom makes the worker
 * sleep forever, raise SIGSEGV or allocate until g_malloc() aborts.
 * Returns when the variable is not set. */
void eyl_worker_child_simulate (void);
/* The test hook of the export step: $EYL_WORKER_SIMULATE_EXPORT=hang|
 * crash makes the worker hang or crash after the analysis, "disk-full"
 * makes every write beyond 4 KB of a file fail (RLIMIT_FSIZE), and
 * "disk-full:BYTES" every write beyond BYTES; with
 * $EYL_WORKER_SIMULATE_FILE, for that file (@path) only. */
void eyl_worker_child_simulate_export (const char *path);
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

/* A worker that serves files one after another (`worker --serve`,
 * eyl_worker_pool_check_file_async): the parent writes one request per
 * file on the worker's stdin, the worker answers each on its stdout.
 *
 *   request: "EYL-REQUEST <version> <length>\n" and <length> bytes, a
 *            GVariant a{sv} (eyl_worker_encode_request);
 *   answer:  "EYL-ANSWER <version> <seq> <length>\n" and <length> bytes,
 *            the channel's answer (eyl_channel_write).
 *
 * After each file and before its answer the worker writes
 * EYL_WORKER_END_MARK, the request's seq and a newline on its stderr: the
 * parent splits the worker's messages per file there.  End of input ends
 * the worker. */
#define EYL_WORKER_PROTOCOL_VERSION 1
#define EYL_WORKER_END_MARK         "\036eyeline-worker: end of request "

typedef struct
{
  guint32       seq; /* numbers the requests of one worker, from 1 */
  const char   *path;
  const char   *password;    /* may be NULL */
  GVariant     *settings;    /* eyl_check_settings_to_variant (), or NULL */
  EylExportMode export_mode; /* EYL_EXPORT_NONE: check only */
  const char   *export_dir;  /* the file's private folder, with export_mode */
} EylWorkerRequest;

/* The parent's side: the request's frame, header included. */
GBytes *eyl_worker_encode_request (const EylWorkerRequest *request);

/* What a served worker does with one request: the file's result (never
 * NULL). */
typedef EylFileResult *(*EylWorkerServeFunc) (const EylWorkerRequest *request,
                                              gpointer                user_data);

/* The loop of `worker --serve`: reads requests on stdin until its end,
 * answers each on @out_fd.  Returns FALSE (with a message on stderr) when
 * a request cannot be read or an answer cannot be written. */
gboolean eyl_worker_child_serve (int                out_fd,
                                 EylWorkerServeFunc func,
                                 gpointer           user_data);

/* Writes all of @len bytes of @data on @fd; FALSE on an error. */
gboolean eyl_worker_child_write_all (int           fd,
                                     gconstpointer data,
                                     gsize         len);

/* $EYL_WORKER_SIMULATE_FILE=NAME makes the test hooks of
 * eyl_worker_child_simulate() apply to the file named NAME only (a
 * crash or a hang in the middle of a batch).  Returns when they do not
 * apply to @path. */
void eyl_worker_child_simulate_file (const char *path);

G_END_DECLS
