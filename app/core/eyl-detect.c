/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-detect"

#include "eyl-detect-private.h"
#include "eyl-stage.h"

/* Reading order: top to bottom, then left to right. */
static int
compare_position (gconstpointer a,
                  gconstpointer b)
{
  const EylElement *x = *(EylElement *const *) a;
  const EylElement *y = *(EylElement *const *) b;
  int               order = eyl_rect_compare_reading (&x->box, &y->box);

  return order != 0 ? order : (int) x->kind - (int) y->kind;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
eyl_detect_median (GArray *values)
{
  g_return_val_if_fail (values != NULL, 0);

  if (values->len == 0)
    return 0;
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

void
eyl_detect_drop_headlines_that_are_calls (GPtrArray *elements)
{
  for (guint i = elements->len; i > 0; i--)
    {
      EylElement *headline = g_ptr_array_index (elements, i - 1);

      if (headline->kind != EYL_ELEMENT_HEADLINE)
        continue;
      for (guint j = 0; j < elements->len; j++)
        {
          EylElement *cta = g_ptr_array_index (elements, j);

          if (cta->kind == EYL_ELEMENT_CTA &&
              eyl_detect_rect_coverage (&headline->box, &cta->box) > 0.8)
            {
              g_debug ("the headline is a call to action: %s", headline->text);
              g_ptr_array_remove_index (elements, i - 1);
              break;
            }
        }
    }
}

GPtrArray *
eyl_detect_all (const EylPageData *page,
                EylBrandKit       *kit)
{
  g_auto(EylStageScope) stage = eyl_stage_scope (EYL_STAGE_DETECT);
  g_autoptr(GPtrArray) elements = NULL;

  g_return_val_if_fail (page != NULL, NULL);

  elements = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);

  /* Contacts first: brand inference reads their domains, and the headline
   * detector skips them. */
  eyl_detect_contacts (page, elements);
  eyl_detect_brand (page, kit, elements);
  eyl_detect_headline (page, elements);
  eyl_detect_cta (page, elements);
  eyl_detect_body (page, elements);

  eyl_detect_sort_elements (elements, page->index);
  return g_steal_pointer (&elements);
}

void
eyl_detect_sort_elements (GPtrArray *elements,
                          guint      page_index)
{
  g_return_if_fail (elements != NULL);

  g_ptr_array_sort (elements, compare_position);
  for (guint i = 0; i < elements->len; i++)
    {
      EylElement *element = g_ptr_array_index (elements, i);

      g_free (element->id);
      element->id = g_strdup_printf ("p%ue%u", page_index, i);
    }
}
