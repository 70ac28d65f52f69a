/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-finding"

#include <math.h>

#include "eyl-finding.h"

G_DEFINE_BOXED_TYPE (EylFinding, eyl_finding, eyl_finding_ref, eyl_finding_unref)

EylFinding *
eyl_finding_new (const char    *rule,
                 EylSeverity    severity,
                 const char    *element_id,
                 const EylRect *box)
{
  EylFinding *self;

  g_return_val_if_fail (rule != NULL, NULL);

  self = g_new0 (EylFinding, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->rule = g_strdup (rule);
  self->severity = severity;
  self->element_id = g_strdup (element_id);
  if (box != NULL)
    self->box = *box;
  self->measures = json_object_new ();

  return self;
}

EylFinding *
eyl_finding_ref (EylFinding *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
eyl_finding_unref (EylFinding *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->rule);
  g_free (self->element_id);
  g_free (self->message);
  g_free (self->fix);
  g_clear_pointer (&self->measures, json_object_unref);
  g_free (self);
}

void
eyl_finding_set_text (EylFinding *self,
                      const char *message,
                      const char *fix)
{
  g_return_if_fail (self != NULL);

  g_free (self->message);
  self->message = g_strdup (message);
  g_free (self->fix);
  self->fix = g_strdup (fix);
}

void
eyl_finding_add_measure (EylFinding *self,
                         const char *name,
                         double      value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);

  /* JSON has no NaN or infinity: leave such a number out. */
  if (!isfinite (value))
    return;

  json_object_set_double_member (self->measures, name, value);
}
