/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-window.h: the main window — open files, the page with its overlay,
 * the findings, the placement and the side view. */
#pragma once

#include <adwaita.h>

#include "eyl-document-item.h"
#include "eyl-export-job.h"
#include "eyl-page-view.h"

G_BEGIN_DECLS

#define EYL_TYPE_WINDOW (eyl_window_get_type ())
G_DECLARE_FINAL_TYPE (EylWindow, eyl_window, EYL, WINDOW, AdwApplicationWindow)

EylWindow *eyl_window_new (GtkApplication *application);

/* Opens each file in its own entry of the documents list and checks it;
 * a file already open is shown instead.  The first one becomes current. */
void eyl_window_open_files (EylWindow *self,
                            GFile    **files,
                            guint      n_files);

/* Checks @item with the brand kit @name ("" none, NULL the window's) from
 * now on and remembers it for the file: its new names are evaluated at
 * once, other contacts or logos read again; no other document changes. */
void eyl_window_set_document_kit (EylWindow       *self,
                                  EylDocumentItem *item,
                                  const char      *name);

/* For tests and the application: what the window shows. */
EylDocumentItem *eyl_window_get_current (EylWindow *self);
GListModel      *eyl_window_get_documents (EylWindow *self);
GListModel      *eyl_window_get_findings (EylWindow *self);
EylPageView     *eyl_window_get_page_view (EylWindow *self);
GtkWidget       *eyl_window_get_placement_panel (EylWindow *self);
/* What the findings list shows: EylFindingGroup headings, each followed
 * by its EylFindingObject findings when unfolded; and its selection. */
GListModel        *eyl_window_get_finding_rows (EylWindow *self);
GtkSelectionModel *eyl_window_get_finding_selection (EylWindow *self);
/* The side view of the room, in a pane under the side panel. */
GtkWidget *eyl_window_get_scene_view (EylWindow *self);
/* The title in the header bar. */
GtkWidget *eyl_window_get_title_widget (EylWindow *self);
/* The legend of the overlay, beside the page. */
GtkWidget *eyl_window_get_legend (EylWindow *self);
/* "empty", "loading", "page", "error" or "locked". */
const char *eyl_window_get_state (EylWindow *self);
/* Selects finding @position of the findings list (-1: none). */
void eyl_window_select_finding (EylWindow *self,
                                int        position);
void eyl_window_add_toast (EylWindow  *self,
                           const char *title);

/* What the Export dialog starts: the current document (or, with @all,
 * every open one) into @folder; progress shows at the bottom of the
 * page with a Cancel button, the end as a toast with "Open Folder".
 * Does nothing while an export runs. */
void eyl_window_export (EylWindow    *self,
                        gboolean      all,
                        const char   *folder,
                        EylExportMode mode,
                        gboolean      overwrite);
/* The running or last export, or NULL. */
EylExportJob *eyl_window_get_export_job (EylWindow *self);

/* Opens @before and @after (when not open yet) and, once both are
 * checked with the same options, shows them side by side: the score's
 * change and the findings fixed, new and still open. */
void       eyl_window_compare_files (EylWindow *self,
                                     GFile     *before,
                                     GFile     *after);
GtkWidget *eyl_window_get_compare_view (EylWindow *self);

G_END_DECLS
