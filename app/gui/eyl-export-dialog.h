/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-export-dialog.h: "Export…" and "Export All…" — where to and in
 * which form.  The dialog only asks; the window runs the export
 * (EylExportJob) and shows its progress, so it stays usable meanwhile. */
#pragma once

#include <adwaita.h>

#include "eyl-export.h"

G_BEGIN_DECLS

#define EYL_TYPE_EXPORT_DIALOG (eyl_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (EylExportDialog, eyl_export_dialog, EYL, EXPORT_DIALOG, AdwWindow)

/* @n_documents: how many documents will be exported (for the wording).
 * @folder: the folder to suggest.  Emits "export" (folder: string,
 * mode: EylExportMode as int, overwrite: boolean) and closes when the
 * user clicks Export. */
GtkWidget *eyl_export_dialog_new (GtkWindow    *parent,
                                  guint         n_documents,
                                  const char   *folder,
                                  EylExportMode mode);

void          eyl_export_dialog_set_folder (EylExportDialog *self,
                                            const char      *folder);
EylExportMode eyl_export_dialog_get_mode (EylExportDialog *self);
void          eyl_export_dialog_set_mode (EylExportDialog *self,
                                          EylExportMode    mode);
/* What the Export button does. */
void eyl_export_dialog_confirm (EylExportDialog *self);

G_END_DECLS
