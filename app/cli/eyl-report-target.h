/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-report-target.h: where `eyeline-cli check -o FILE` writes.
 *
 * Opened before the run, so that an unwritable target is found before any
 * file is checked; written once at the end.  A new or regular file is
 * replaced whole or not at all (a temporary file beside it, then a
 * rename; through a symbolic link, the file it points to is replaced and
 * the link kept).  Anything else that exists — a device such as
 * /dev/null, a FIFO, a terminal, standard output under another name such
 * as /dev/stdout — is written to in place, never renamed over. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _EylReportTarget EylReportTarget;

/* EYL_ERROR_OUTPUT naming @path when it cannot be written: an empty
 * name, a folder, a missing or read-only folder, a broken link. */
EylReportTarget *eyl_report_target_open (const char *path,
                                         GError    **error);
/* The temporary file that becomes the target, or NULL when the target is
 * written in place: what a signal handler removes. */
const char *eyl_report_target_get_temp_path (EylReportTarget *self);
/* Writes @contents and publishes them (rename, or the last write in
 * place).  Once only. */
gboolean eyl_report_target_commit (EylReportTarget *self,
                                   const char      *contents,
                                   gsize            length,
                                   GError         **error);
/* Closes; an uncommitted temporary file is removed. */
void eyl_report_target_free (EylReportTarget *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EylReportTarget, eyl_report_target_free)

G_END_DECLS
