/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-worker.h: each file is opened and analysed in a worker process
 * (DESIGN.md "Isolation").
 *
 * The parent side starts `eyeline-worker [analysis options] -- FILE`
 * with GSubprocess, writes the password (if any) as one line on its stdin
 * (in base64, eyl_worker_encode_password),
 * enforces a wall-clock limit and turns a hang, a crash or a blow-up into
 * that file's error.  The child side (eyl_worker_child_*) is what the
 * eyeline-worker executable runs (installed in libexecdir). */
#pragma once

#include <gio/gio.h>
#include "eyl-brand-kit.h"
#include "eyl-export.h"
#include "eyl-options.h"
#include "eyl-report.h"
#include "eyl-worker-child.h"

G_BEGIN_DECLS

/* The time budget: seconds for opening the file, and again for each page
 * (analysis and export), so a 5000-page catalogue gets its time and a
 * page that never finishes is stopped after one budget. */
#define EYL_WORKER_DEFAULT_TIMEOUT_S 60
#define EYL_WORKER_DEFAULT_MEMORY_MB 4096
/* The smallest address-space limit a worker can work in: its libraries
 * alone (Poppler, Cairo, Tesseract, …) map about 110 MB, and reading a
 * small page needs about 200 MB.  Below it every file would fail, and
 * the failure would look like the file's fault. */
#define EYL_WORKER_MIN_MEMORY_MB 256

typedef struct _EylWorkerConfig EylWorkerConfig;

struct _EylWorkerConfig
{
  /*< private >*/
  gatomicrefcount ref_count;
  /*< public >*/
  char      *exe;           /* the worker executable; $EYL_WORKER wins */
  GPtrArray *args;          /* char *: analysis options passed to the worker */
  char      *password;      /* may be NULL */
  guint      timeout_s;     /* budget per page in CPU seconds (eyl_worker_budget_verdict), 0 = none */
  guint      memory_mb;     /* address-space limit of the worker, 0 = none, or at least
                            * EYL_WORKER_MIN_MEMORY_MB */
  guint      retire_rss_mb; /* a served worker resident above this after a file is
                             * replaced (EYL_WORKER_RETIRE_RSS_MB), 0 = never for that */
  GStrv      env;           /* extra environment of the worker, or NULL */
  /* Export (EYL_EXPORT_NONE: check only): the worker writes into a new
   * private folder inside export_dir; the parent publishes the files
   * when the worker exited cleanly (eyl_export_publish) and removes the
   * folder in any case.  The file result's outputs are the final paths. */
  EylExportMode   export_mode;
  char           *export_dir;
  gboolean        overwrite;
  EylExportGuard *guard; /* created with the config */
  /* The check's settings, typed (eyl_worker_config_set_settings), or
   * NULL: they reach the worker on its stdin, never as arguments. */
  GVariant *settings;
};

/* The worker executable's file name. */
#define EYL_WORKER_EXE_NAME "eyeline-worker"

/* The worker executable of the running program (eyeline-cli, the window):
 * eyl_worker_find_exe_for() of /proc/self/exe.  $EYL_WORKER, when set,
 * still wins when the worker is started (eyl_worker_config_new). */
char *eyl_worker_find_exe (void);
/* The worker of the program @self_exe: eyeline-worker next to it (the
 * build tree: the command line and its worker share a folder), in ../cli
 * (the window's folder of the build tree), else in libexecdir, found
 * from @self_exe's folder (bindir) so that an installed tree that was
 * moved (a DESTDIR) finds its own, else at the configured libexecdir. */
char *eyl_worker_find_exe_for (const char *self_exe);
/* The worker that is started for @exe: $EYL_WORKER when it is set (a
 * wrapper that logs, say), else @exe. */
const char *eyl_worker_resolve_exe (const char *exe);

/* @exe: path of the worker executable (eyl_worker_find_exe(); $EYL_WORKER
 * overrides it when the worker is started).  Defaults: timeout
 * EYL_WORKER_DEFAULT_TIMEOUT_S, memory EYL_WORKER_DEFAULT_MEMORY_MB. */
EylWorkerConfig *eyl_worker_config_new (const char *exe);
EylWorkerConfig *eyl_worker_config_ref (EylWorkerConfig *self);
void             eyl_worker_config_unref (EylWorkerConfig *self);
/* Appends one argument (e.g. "--placement", "poster-wall"). */
void eyl_worker_config_add_arg (EylWorkerConfig *self,
                                const char      *arg);
/* The settings the worker checks with (a copy is kept): written on the
 * worker's stdin as eyl_check_settings_to_variant() makes them, read by
 * eyl_worker_child_read_settings(). */
void eyl_worker_config_set_settings (EylWorkerConfig        *self,
                                     const EylCheckSettings *settings);
/* Sets a variable in the worker's environment only (e.g. the test hook
 * EYL_WORKER_SIMULATE), leaving the caller's environment alone. */
void eyl_worker_config_setenv (EylWorkerConfig *self,
                               const char      *variable,
                               const char      *value);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EylWorkerConfig, eyl_worker_config_unref)

/* Analyses @path in a worker process.  Runs on the thread-default main
 * context of the caller.  The result is always a file result: a failure
 * of the worker (timeout, memory, engine-crash, cancelled) is the
 * file's error, never the caller's. */
void           eyl_worker_check_file_async (EylWorkerConfig    *config,
                                            const char         *path,
                                            GCancellable       *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer            user_data);
EylFileResult *eyl_worker_check_file_finish (GAsyncResult *result);

/* The same, blocking: iterates a private main context. */
EylFileResult *eyl_worker_check_file (EylWorkerConfig *config,
                                      const char      *path,
                                      GCancellable    *cancellable);

/* Long-lived workers (issue "a check at the speed of Poppler itself"):
 * starting a worker and its engines (Tesseract's models) costs about
 * 0.2 s of CPU, so a pool's worker checks files one after another
 * (eyl-worker-child.h, "worker --serve") and keeps the isolation of a
 * worker per file: the same time budget per file and the same
 * address-space limit, and a worker that crashed, hung, exited or
 * blew up is replaced — that file gets the error a worker of its own
 * would give it (a file that failed in a used worker is checked again
 * in a new one first), the next file gets a new worker.  A worker
 * retires after EYL_WORKER_MAX_FILES files, when after a file its
 * resident memory is above the config's retire_rss_mb or
 * 1/EYL_WORKER_RETIRE_RSS_DIVISOR of its limit, or its address space
 * above half of the limit, or after EYL_WORKER_IDLE_S s without work.
 * A fresh worker checks a corpus file in 50-290 MB resident; what a
 * served one keeps after a file (its engines, a fragmented heap) adds
 * to the next file's peak, so one that kept more than
 * EYL_WORKER_RETIRE_RSS_MB makes way for a new one.  Measured over the
 * corpus' 44 files in one run of one worker at a time: served workers
 * keep 60-165 MB (Tesseract's engines for deu+eng, eng, deu and osd are
 * ~80 MB of it), two workers served all 44 files with 6 Tesseract
 * starts, and a served worker's peak reached 370 MB where a worker of
 * its own peaks at 240 MB at most; at 100 MB the same run takes 8
 * workers, 20 starts and peaks at 290 MB. */
#define EYL_WORKER_MAX_FILES          64
#define EYL_WORKER_RETIRE_RSS_DIVISOR 4
#define EYL_WORKER_RETIRE_RSS_MB      160
#define EYL_WORKER_IDLE_S             30

/* The per-page budget's verdict on a worker that used @cpu_s of CPU time
 * (negative: unknown) in @wall_s since the page began: spent (it worked
 * out its budget), stuck (it waited without working for several budgets,
 * or waited far too long) or going on — then @recheck_s says when to look
 * again.  Only the CPU time it worked decides on a busy machine. */
typedef enum
{
  EYL_BUDGET_GOING_ON,
  EYL_BUDGET_SPENT,
  EYL_BUDGET_STUCK,
} EylBudgetVerdict;

EylBudgetVerdict eyl_worker_budget_verdict (double  budget_s,
                                            double  cpu_s,
                                            double  wall_s,
                                            double *recheck_s);

typedef struct _EylWorkerPool EylWorkerPool;

/* Keeps at most @max_idle workers waiting for work (0: none, every file
 * gets a worker of its own).  Runs on the thread-default main context
 * it was made on; eyl_worker_pool_unref() ends the waiting workers. */
EylWorkerPool *eyl_worker_pool_new (guint max_idle);
EylWorkerPool *eyl_worker_pool_ref (EylWorkerPool *self);
void           eyl_worker_pool_unref (EylWorkerPool *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EylWorkerPool, eyl_worker_pool_unref)

/* eyl_worker_check_file_async() in a worker of @self: one waiting with
 * the same program, arguments, memory limit and environment, or a new
 * one.  Finish with eyl_worker_check_file_finish(). */
void eyl_worker_pool_check_file_async (EylWorkerPool      *self,
                                       EylWorkerConfig    *config,
                                       const char         *path,
                                       GCancellable       *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer            user_data);

/* Renders @area (page pt) of page @page_index (0-based) of @path at
 * @scale px/pt (lowered to stay within 16 Mpx) into the PNG file
 * @png_path, in a worker process with @config's time and memory limits:
 * the window never runs Poppler itself (DESIGN.md "Isolation").  The
 * result is a file result without pages: ok with the PNG written, or the
 * error (timeout, memory, engine-crash, cancelled).  @config's analysis
 * arguments are passed along and ignored. */
void           eyl_worker_render_page_async (EylWorkerConfig    *config,
                                             const char         *path,
                                             guint               page_index,
                                             const EylRect      *area,
                                             double              scale,
                                             const char         *png_path,
                                             GCancellable       *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer            user_data);
EylFileResult *eyl_worker_render_page_finish (GAsyncResult *result);

/* Reads each logo of @kit once, each in a worker process with a time
 * budget of its own (@config's limits): a logo that hangs or blows up
 * Poppler is named, not blamed on the page being checked.  The logos are
 * drawn as the logo search reads them into PNG files of the same names in
 * the new folder @dir; the result is a kit that lists them, for the
 * workers that check the files.  Blocking (a private main context, so
 * it may run on any thread); @cancellable stops the worker running.
 * NULL and @error (EYL_ERROR_CONFIG, naming the logo) when one fails. */
EylBrandKit *eyl_worker_prepare_brand_kit (EylWorkerConfig *config,
                                           EylBrandKit     *kit,
                                           const char      *dir,
                                           GCancellable    *cancellable,
                                           GError         **error);
/* Removes the folder of eyl_worker_prepare_brand_kit (and a kit saved
 * in it). */
void eyl_worker_remove_kit_dir (const char *dir);

G_END_DECLS
