/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-export.h: annotated PDFs, PDF annotations and PNGs of the checked
 * pages.
 *
 * Writing is the worker's job (eyl_export_write): rendering for print
 * onto a Cairo PDF surface hangs or crashes on some files, so it runs in
 * the worker process, into a private temporary folder inside the target
 * folder.  Publishing is the parent's (eyl_export_publish): only after
 * the worker exited cleanly are the files renamed into place, never over
 * an input, a link, or a name that exists (unless overwriting was asked
 * for). */
#pragma once

#include <gio/gio.h>
#include "eyl-report.h"

G_BEGIN_DECLS

typedef enum
{
  EYL_EXPORT_NONE = 0,    /* check only */
  EYL_EXPORT_OVERLAY,     /* the pages as vectors + overlay + summary page */
  EYL_EXPORT_ANNOTATIONS, /* the original + PDF annotations, content untouched */
  EYL_EXPORT_PNG,         /* one PNG per page with its overlay */
  EYL_EXPORT_WALKUP,      /* one PNG per page: the walk-up strip */
} EylExportMode;

const char *eyl_export_mode_to_string (EylExportMode mode);
gboolean    eyl_export_mode_from_string (const char    *string,
                                         EylExportMode *mode);

/* The name of an output of @input_path, from its base name only:
 * "banner.pdf" → "banner-eyeline.pdf" (overlay), "banner-annotated.pdf"
 * (annotations), "banner-eyeline.png" or, for @page ≥ 1 of a document
 * with several pages, "banner-eyeline-p2.png"; "banner-walkup.png",
 * "banner-walkup-p2.png" (walkup). */
char *eyl_export_output_name (const char   *input_path,
                              EylExportMode mode,
                              guint         page,
                              guint         n_pages);

/* Worker side: writes the output(s) of @result (an analysed file, ok)
 * into @dir and appends their base names to @names.  Reopens @path with
 * @password.  EYL_ERROR_OUTPUT when a file cannot be written (disk full,
 * …); whatever was written is left in @dir for the parent to remove. */
gboolean eyl_export_write (EylExportMode  mode,
                           const char    *path,
                           const char    *password,
                           EylFileResult *result,
                           const char    *dir,
                           GPtrArray     *names,
                           GCancellable  *cancellable,
                           GError       **error);

/* The files of one run that must never be overwritten (the inputs),
 * by device and inode, and the names already published in this run. */
typedef struct _EylExportGuard EylExportGuard;

/* Shared by every worker config of one run (the window exports with one
 * config per document, for their passwords). */
EylExportGuard *eyl_export_guard_new (void);
EylExportGuard *eyl_export_guard_ref (EylExportGuard *self);
void            eyl_export_guard_unref (EylExportGuard *self);
/* Remembers @path's device and inode (if it exists). */
void eyl_export_guard_add_input (EylExportGuard *self,
                                 const char     *path);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EylExportGuard, eyl_export_guard_unref)

/* Publishing in input order.  Workers finish in any order, but two inputs
 * whose outputs are named alike ("a/same.pdf", "b/same.pdf") must get
 * their names — "same-eyeline.pdf", "same-eyeline-2.pdf" — by the order
 * they were given in.  Each export takes a ticket when it starts (starts
 * happen in input order) with the name its outputs are numbered by
 * (@key); it may publish once every earlier ticket with the same key is
 * settled (published, failed or dropped). */
guint    eyl_export_guard_take_ticket (EylExportGuard *self,
                                       const char     *key);
gboolean eyl_export_guard_may_publish (EylExportGuard *self,
                                       guint           ticket);
/* Parks @resume until @ticket may publish; it is called from
 * eyl_export_guard_settle() of the last earlier ticket. */
void eyl_export_guard_wait (EylExportGuard *self,
                            guint           ticket,
                            GCallback       resume,
                            gpointer        data);
/* @ticket will not publish (any more): the exports waiting for it may
 * go on.  Once per ticket; more calls are ignored. */
void eyl_export_guard_settle (EylExportGuard *self,
                              guint           ticket);

/* Parent side: a new private folder for one file's outputs inside
 * @target_dir (created if missing).  EYL_ERROR_OUTPUT when the folder
 * cannot be written. */
char *eyl_export_make_temp_dir (const char *target_dir,
                                GError    **error);
/* Moves @names (the outputs of one file) from @temp_dir into
 * @target_dir together or not at all, appending the final paths to
 * @published.  When a name exists, the whole set gets the first numbered
 * suffix free for every name ("banner-eyeline-p1-2.png",
 * "banner-eyeline-p2-2.png") unless @overwrite; with @overwrite, an
 * existing target that is an input, a symbolic link or has other hard
 * links is refused (EYL_ERROR_OUTPUT) before anything is moved.  On
 * error the target folder is as it was and the files stay in
 * @temp_dir. */
gboolean eyl_export_publish (const char     *temp_dir,
                             GPtrArray      *names,
                             const char     *target_dir,
                             gboolean        overwrite,
                             EylExportGuard *guard,
                             GPtrArray      *published,
                             GError        **error);
/* Removes @temp_dir and the files in it (not recursive: the worker
 * writes plain files only). */
void eyl_export_remove_temp_dir (const char *temp_dir);

/* Writes @contents to @target_dir/@name with the same rules as
 * eyl_export_publish (temporary file in the folder, then a rename): for
 * the combined report of a run.  Returns the path written, or NULL. */
char *eyl_export_write_file (const char     *target_dir,
                             const char     *name,
                             const char     *contents,
                             gsize           length,
                             gboolean        overwrite,
                             EylExportGuard *guard,
                             GError        **error);

G_END_DECLS
