/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-document-view.h: the document the window shows — the page and its
 * layers (or the loading, error and locked states), and beside it the
 * score card, the notes, the findings list in groups, the legend, the
 * placement panel and the side view of the room. */
#pragma once

#include <adwaita.h>

#include "eyl-document-item.h"
#include "eyl-overlay.h"
#include "eyl-page-view.h"
#include "eyl-placement-panel.h"
#include "eyl-scene-view.h"
#include "eyl-worker.h"

G_BEGIN_DECLS

#define EYL_TYPE_DOCUMENT_VIEW (eyl_document_view_get_type ())
G_DECLARE_FINAL_TYPE (EylDocumentView, eyl_document_view, EYL, DOCUMENT_VIEW, GtkWidget)

GtkWidget *eyl_document_view_new (void);

/* The item shown ("item"); setting another one goes back to its first
 * page and shows it. */
EylDocumentItem *eyl_document_view_get_item (EylDocumentView *self);
void             eyl_document_view_set_item (EylDocumentView *self,
                                             EylDocumentItem *item);
/* The page of the item shown ("page"), from 0. */
guint eyl_document_view_get_page (EylDocumentView *self);
void  eyl_document_view_set_page (EylDocumentView *self,
                                  guint            page);
/* The layers drawn over the page and told in the legend ("layers"). */
EylOverlayLayers eyl_document_view_get_layers (EylDocumentView *self);
void             eyl_document_view_set_layers (EylDocumentView *self,
                                               EylOverlayLayers layers);
/* Sizes and distances in inches and feet ("inches"). */
gboolean eyl_document_view_get_inches (EylDocumentView *self);
void     eyl_document_view_set_inches (EylDocumentView *self,
                                       gboolean         inches);
/* The page's zoom ("zoom", 1: 72 dpi), a fit, or a step in or out. */
double eyl_document_view_get_zoom (EylDocumentView *self);
void   eyl_document_view_set_zoom (EylDocumentView *self,
                                   double           zoom);
void   eyl_document_view_set_zoom_mode (EylDocumentView *self,
                                        EylZoomMode      mode);
void   eyl_document_view_zoom_in (EylDocumentView *self);
void   eyl_document_view_zoom_out (EylDocumentView *self);
/* What renders the page from now on. */
void eyl_document_view_set_worker_config (EylDocumentView *self,
                                          EylWorkerConfig *config);
/* Shows the item's state again (after its result or status changed). */
void eyl_document_view_update (EylDocumentView *self);
/* Forgets the analysis shown, so that the next update fills the findings
 * list again even for the same analysis. */
void eyl_document_view_forget_analysis (EylDocumentView *self);
/* The page analysis shown, or NULL. */
EylPageAnalysis *eyl_document_view_get_analysis (EylDocumentView *self);
/* "loading", "page", "error" or "locked". */
const char *eyl_document_view_get_state (EylDocumentView *self);
/* Selects finding @position of the findings list (-1: none). */
void eyl_document_view_select_finding (EylDocumentView *self,
                                       int              position);
/* Shows @widget over the page (the window's export progress). */
void eyl_document_view_add_overlay (EylDocumentView *self,
                                    GtkWidget       *widget);
/* Whether the side panel is shown ("side-revealed"; it folds by itself
 * when the view is narrow), and whether it is there at all. */
gboolean eyl_document_view_get_side_revealed (EylDocumentView *self);
void     eyl_document_view_set_side_revealed (EylDocumentView *self,
                                              gboolean         revealed);
void     eyl_document_view_set_side_visible (EylDocumentView *self,
                                             gboolean         visible);

/* Its parts. */
GListModel        *eyl_document_view_get_findings (EylDocumentView *self);
GListModel        *eyl_document_view_get_finding_rows (EylDocumentView *self);
GtkSelectionModel *eyl_document_view_get_finding_selection (EylDocumentView *self);
EylPageView       *eyl_document_view_get_page_view (EylDocumentView *self);
EylPlacementPanel *eyl_document_view_get_placement_panel (EylDocumentView *self);
EylSceneView      *eyl_document_view_get_scene_view (EylDocumentView *self);
GtkWidget         *eyl_document_view_get_legend (EylDocumentView *self);

G_END_DECLS
