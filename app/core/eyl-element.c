/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-element"

#include <string.h>

#include "eyl-element.h"

G_DEFINE_BOXED_TYPE (EylElement, eyl_element, eyl_element_ref, eyl_element_unref)

EylElement *
eyl_element_new (EylElementKind kind,
                 EylSource      source,
                 const char    *text,
                 const EylRect *box,
                 double         confidence)
{
  EylElement *self = g_new0 (EylElement, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->source = source;
  self->text = g_strdup (text != NULL ? text : "");
  if (box != NULL)
    self->box = *box;
  self->confidence = CLAMP (confidence, 0.0, 1.0);

  return self;
}

EylElement *
eyl_element_ref (EylElement *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
eyl_element_unref (EylElement *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->id);
      g_free (self->text);
      g_free (self->symbology);
      g_free (self);
    }
}

EylElement *
eyl_element_copy (const EylElement *self)
{
  EylElement *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  g_atomic_ref_count_init (&copy->ref_count);
  copy->id = g_strdup (self->id);
  copy->text = g_strdup (self->text);
  copy->symbology = g_strdup (self->symbology);
  return copy;
}

char *
eyl_element_text_key (const EylElement *self)
{
  g_autofree char *folded = NULL;
  const char      *text;

  if (self->text == NULL)
    return NULL;
  folded = g_utf8_casefold (self->text, -1);
  text = folded;
  if (g_str_has_prefix (text, "https://"))
    text += strlen ("https://");
  else if (g_str_has_prefix (text, "http://"))
    text += strlen ("http://");
  if (g_str_has_prefix (text, "www."))
    text += strlen ("www.");
  return g_strdup (text);
}
