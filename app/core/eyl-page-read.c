/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-page-read.c: EylPageRead made and freed (eyl-read.h), apart from
 * the reader (eyl-read.c): the command line gets page reads from its
 * workers through the channel and links none of the detectors (nor
 * Cairo: a read's raster is let go through attention_raster_free). */
#include "config.h"

#include "eyl-packaging.h"
#include "eyl-read.h"

G_DEFINE_BOXED_TYPE (EylPageRead, eyl_page_read, eyl_page_read_ref, eyl_page_read_unref)

EylPageRead *
eyl_page_read_new (void)
{
  EylPageRead *self = g_new0 (EylPageRead, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->elements = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->images = g_array_new (FALSE, FALSE, sizeof (EylImageInfo));
  return self;
}

EylPageRead *
eyl_page_read_ref (EylPageRead *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
eyl_page_read_unref (EylPageRead *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->text);
  g_clear_pointer (&self->elements, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->images, g_array_unref);
  if (self->attention_raster != NULL && self->attention_raster_free != NULL)
    self->attention_raster_free (g_steal_pointer (&self->attention_raster));
  g_clear_pointer (&self->packaging, eyl_packaging_unref);
  g_clear_pointer (&self->text_layer, eyl_page_data_unref);
  g_strfreev (self->kit_names);
  g_free (self->kit_contacts);
  g_free (self);
}
