/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-finding.h: one problem found by a rule. */
#pragma once

#include <json-glib/json-glib.h>
#include "eyl-types.h"

G_BEGIN_DECLS

typedef struct _EylFinding EylFinding;

struct _EylFinding
{
  /*< private >*/
  gatomicrefcount ref_count;
  /*< public >*/
  char       *rule; /* "contact-hidden" */
  EylSeverity severity;
  char       *element_id; /* may be NULL */
  char       *message;    /* human sentence, translated */
  char       *fix;        /* suggested fix, translated */
  EylRect     box;        /* page space; empty when page-wide */
  JsonObject *measures;   /* numbers measured: "hidden_fraction": 0.86 */
};

#define EYL_TYPE_FINDING (eyl_finding_get_type ())
GType       eyl_finding_get_type (void) G_GNUC_CONST;
EylFinding *eyl_finding_new (const char    *rule,
                             EylSeverity    severity,
                             const char    *element_id,
                             const EylRect *box);
EylFinding *eyl_finding_ref (EylFinding *self);
void        eyl_finding_unref (EylFinding *self);
/* Takes ownership of the strings' copies (g_strdup inside). */
void eyl_finding_set_text (EylFinding *self,
                           const char *message,
                           const char *fix);
void eyl_finding_add_measure (EylFinding *self,
                              const char *name,
                              double      value);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EylFinding, eyl_finding_unref)

G_END_DECLS
