/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-finding-row.h: one row of the findings list, showing the
 * EylFindingObject in its "finding" property (set by the list's factory
 * when the row is bound to an item). */
#pragma once

#include <gtk/gtk.h>

#include "eyl-finding-object.h"

G_BEGIN_DECLS

#define EYL_TYPE_FINDING_ROW (eyl_finding_row_get_type ())
G_DECLARE_FINAL_TYPE (EylFindingRow, eyl_finding_row, EYL, FINDING_ROW, GtkBox)

GtkWidget        *eyl_finding_row_new (void);
EylFindingObject *eyl_finding_row_get_finding (EylFindingRow *self);
void              eyl_finding_row_set_finding (EylFindingRow    *self,
                                               EylFindingObject *finding);
/* Makes the row the heading of @group (a click folds or unfolds it). */
void eyl_finding_row_set_group (EylFindingRow   *self,
                                EylFindingGroup *group);

G_END_DECLS
