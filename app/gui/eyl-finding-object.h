/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-finding-object.h: one finding of the current page, as an object for
 * the findings list (GtkListView over a GListStore). */
#pragma once

#include <glib-object.h>

#include "eyl-finding.h"

G_BEGIN_DECLS

#define EYL_TYPE_FINDING_OBJECT (eyl_finding_object_get_type ())
G_DECLARE_FINAL_TYPE (EylFindingObject, eyl_finding_object, EYL, FINDING_OBJECT, GObject)

/* @index: the finding's place in its page's findings (its marker shows
 * index + 1). */
EylFindingObject *eyl_finding_object_new (EylFinding *finding,
                                          guint       index);
EylFinding       *eyl_finding_object_get_finding (EylFindingObject *self);
guint             eyl_finding_object_get_index (EylFindingObject *self);
EylSeverity       eyl_finding_object_get_severity (EylFindingObject *self);
const char       *eyl_finding_object_get_message (EylFindingObject *self);
const char       *eyl_finding_object_get_fix (EylFindingObject *self);
const char       *eyl_finding_object_get_rule (EylFindingObject *self);
/* TRUE for the first finding of its severity in the sorted list: the row
 * then carries the group's heading ("Errors", "Warnings", …). */
gboolean eyl_finding_object_get_first_of_group (EylFindingObject *self);
void     eyl_finding_object_set_first_of_group (EylFindingObject *self,
                                                gboolean          first);
/* A heading of the findings list: the findings of one rule and severity,
 * counted, collapsible. */
#define EYL_TYPE_FINDING_GROUP (eyl_finding_group_get_type ())
G_DECLARE_FINAL_TYPE (EylFindingGroup, eyl_finding_group, EYL, FINDING_GROUP, GObject)

EylFindingGroup *eyl_finding_group_new (EylSeverity severity,
                                        const char *rule);
EylSeverity      eyl_finding_group_get_severity (EylFindingGroup *self);
const char      *eyl_finding_group_get_rule (EylFindingGroup *self);
/* The rule's translated title ("Contact details hidden"), or its id. */
const char *eyl_finding_group_get_title (EylFindingGroup *self);
guint       eyl_finding_group_get_count (EylFindingGroup *self);
void        eyl_finding_group_add (EylFindingGroup *self);
/* Property "expanded" (notified). */
gboolean eyl_finding_group_get_expanded (EylFindingGroup *self);
void     eyl_finding_group_set_expanded (EylFindingGroup *self,
                                         gboolean         expanded);
/* Whether @object belongs to @self. */
gboolean eyl_finding_group_contains (EylFindingGroup  *self,
                                     EylFindingObject *object);

/* The icon of a severity, shared with the document list. */
const char *eyl_severity_icon_name (EylSeverity severity);

G_END_DECLS
