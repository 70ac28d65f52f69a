/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-page-analysis.c: EylPageAnalysis made and freed (eyl-analysis.h).
 * Apart from the Evaluate stage (eyl-analysis.c): the command line reads
 * page analyses from its workers and reports them without the rules. */
#include "config.h"

#include "eyl-analysis.h"
#include "eyl-packaging.h"

/* clang-format would join this macro's lines into one. */
/* clang-format off */
G_DEFINE_BOXED_TYPE (EylPageAnalysis, eyl_page_analysis,
                     eyl_page_analysis_ref, eyl_page_analysis_unref)
/* clang-format on */

EylPageAnalysis *
eyl_page_analysis_new (void)
{
  EylPageAnalysis *self = g_new0 (EylPageAnalysis, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->scale = 1.0;
  self->legibility = EYL_LEGIBILITY_1_200;
  self->elements = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_finding_unref);
  self->warnings = g_ptr_array_new_with_free_func (g_free);

  return self;
}

EylPageAnalysis *
eyl_page_analysis_ref (EylPageAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
eyl_page_analysis_unref (EylPageAnalysis *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->placement, eyl_placement_unref);
  g_free (self->placement_reason);
  g_clear_pointer (&self->elements, g_ptr_array_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->score_breakdown, json_object_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->read, eyl_page_read_unref);
  g_clear_pointer (&self->attention, json_object_unref);
  g_clear_pointer (&self->packaging, eyl_packaging_unref);
  g_free (self);
}
