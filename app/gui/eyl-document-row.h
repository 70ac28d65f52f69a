/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-document-row.h: one row of the window's document list, showing an
 * EylDocumentItem: its state, title and counts, kept up to date from the
 * item's properties. */
#pragma once

#include <gtk/gtk.h>

#include "eyl-document-item.h"

G_BEGIN_DECLS

#define EYL_TYPE_DOCUMENT_ROW (eyl_document_row_get_type ())
G_DECLARE_FINAL_TYPE (EylDocumentRow, eyl_document_row, EYL, DOCUMENT_ROW, GtkBox)

GtkWidget       *eyl_document_row_new (EylDocumentItem *item);
EylDocumentItem *eyl_document_row_get_item (EylDocumentRow *self);

G_END_DECLS
