/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-compare-view.h: two versions of one piece side by side — both
 * pages with their overlays, the score's change and the findings fixed,
 * new and still open (eyl-compare in the core pairs them). */
#pragma once

#include <gtk/gtk.h>

#include "eyl-compare.h"
#include "eyl-document-item.h"
#include "eyl-page-view.h"

G_BEGIN_DECLS

#define EYL_TYPE_COMPARE_VIEW (eyl_compare_view_get_type ())
G_DECLARE_FINAL_TYPE (EylCompareView, eyl_compare_view, EYL, COMPARE_VIEW, GtkBox)

GtkWidget *eyl_compare_view_new (void);

/* Compares the two checked documents (both results read: ok) and shows
 * their first page.  NULL, NULL clears the view. */
void                 eyl_compare_view_set_documents (EylCompareView  *self,
                                                     EylDocumentItem *before,
                                                     EylDocumentItem *after);
const EylComparison *eyl_compare_view_get_comparison (EylCompareView *self);

void  eyl_compare_view_set_page (EylCompareView *self,
                                 guint           index);
guint eyl_compare_view_get_page (EylCompareView *self);

void eyl_compare_view_set_layers (EylCompareView  *self,
                                  EylOverlayLayers layers);
void eyl_compare_view_set_worker_config (EylCompareView  *self,
                                         EylWorkerConfig *config);

EylPageView *eyl_compare_view_get_page_view (EylCompareView *self,
                                             gboolean        after);
/* The rows listed for @kind on the page shown (EylFindingObject). */
GListModel *eyl_compare_view_get_findings (EylCompareView *self,
                                           EylChangeKind   kind);
const char *eyl_compare_view_get_score_text (EylCompareView *self);

G_END_DECLS
