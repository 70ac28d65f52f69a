/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-document-item"

#include <string.h>

#include "eyl-document-item.h"

struct _EylDocumentItem
{
  GObject            parent_instance;

  GFile             *file;
  char              *path;
  char              *title;
  EylDocumentStatus  status;
  EylFileResult     *result;
  char              *password;
  GCancellable      *cancellable;
  guint              n_errors, n_warnings;
};

G_DEFINE_FINAL_TYPE (EylDocumentItem, eyl_document_item, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (EylDocumentStatus, eyl_document_status,
  G_DEFINE_ENUM_VALUE (EYL_DOCUMENT_QUEUED, "queued"),
  G_DEFINE_ENUM_VALUE (EYL_DOCUMENT_ANALYSING, "analysing"),
  G_DEFINE_ENUM_VALUE (EYL_DOCUMENT_DONE, "done"),
  G_DEFINE_ENUM_VALUE (EYL_DOCUMENT_FAILED, "failed"),
  G_DEFINE_ENUM_VALUE (EYL_DOCUMENT_LOCKED, "locked"))

enum {
  PROP_0,
  PROP_FILE,
  PROP_TITLE,
  PROP_STATUS,
  PROP_N_ERRORS,
  PROP_N_WARNINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
eyl_document_item_dispose (GObject *object)
{
  EylDocumentItem *self = (EylDocumentItem *) object;

  eyl_document_item_cancel (self);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (eyl_document_item_parent_class)->dispose (object);
}

static void
eyl_document_item_finalize (GObject *object)
{
  EylDocumentItem *self = (EylDocumentItem *) object;

  g_clear_pointer (&self->result, eyl_file_result_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->title, g_free);
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_clear_pointer (&self->password, g_free);

  G_OBJECT_CLASS (eyl_document_item_parent_class)->finalize (object);
}

static void
eyl_document_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  EylDocumentItem *self = EYL_DOCUMENT_ITEM (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_N_ERRORS:
      g_value_set_uint (value, self->n_errors);
      break;
    case PROP_N_WARNINGS:
      g_value_set_uint (value, self->n_warnings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eyl_document_item_class_init (EylDocumentItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = eyl_document_item_dispose;
  object_class->finalize = eyl_document_item_finalize;
  object_class->get_property = eyl_document_item_get_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       EYL_TYPE_DOCUMENT_STATUS, EYL_DOCUMENT_QUEUED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ERRORS] =
    g_param_spec_uint ("n-errors", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_WARNINGS] =
    g_param_spec_uint ("n-warnings", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
eyl_document_item_init (EylDocumentItem *self)
{
}

EylDocumentItem *
eyl_document_item_new (GFile *file)
{
  EylDocumentItem *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (EYL_TYPE_DOCUMENT_ITEM, NULL);
  self->file = g_object_ref (file);
  self->path = g_file_get_path (file);
  if (self->path != NULL)
    self->title = g_filename_display_basename (self->path);
  else
    {
      g_autofree char *base = g_file_get_basename (file);
      self->title = g_filename_display_name (base != NULL ? base : "?");
    }
  return self;
}

GFile *
eyl_document_item_get_file (EylDocumentItem *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT_ITEM (self), NULL);
  return self->file;
}

const char *
eyl_document_item_get_path (EylDocumentItem *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT_ITEM (self), NULL);
  return self->path;
}

const char *
eyl_document_item_get_title (EylDocumentItem *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT_ITEM (self), NULL);
  return self->title;
}

EylDocumentStatus
eyl_document_item_get_status (EylDocumentItem *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT_ITEM (self), EYL_DOCUMENT_QUEUED);
  return self->status;
}

void
eyl_document_item_set_status (EylDocumentItem   *self,
                              EylDocumentStatus  status)
{
  g_return_if_fail (EYL_IS_DOCUMENT_ITEM (self));

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static void
set_counts (EylDocumentItem *self,
            guint            errors,
            guint            warnings,
            guint            infos)
{
  if (self->n_errors != errors)
    {
      self->n_errors = errors;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ERRORS]);
    }
  if (self->n_warnings != warnings)
    {
      self->n_warnings = warnings;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WARNINGS]);
    }
}

void
eyl_document_item_set_result (EylDocumentItem *self,
                              EylFileResult   *result)
{
  guint errors = 0, warnings = 0, infos = 0;

  g_return_if_fail (EYL_IS_DOCUMENT_ITEM (self));

  if (result != NULL)
    eyl_file_result_ref (result);
  g_clear_pointer (&self->result, eyl_file_result_unref);
  self->result = result;

  if (result != NULL && result->ok && result->pages != NULL)
    {
      for (guint i = 0; i < result->pages->len; i++)
        {
          EylPageAnalysis *page = g_ptr_array_index (result->pages, i);

          for (guint j = 0; page->findings != NULL && j < page->findings->len; j++)
            {
              EylFinding *finding = g_ptr_array_index (page->findings, j);

              if (finding->severity == EYL_SEVERITY_ERROR)
                errors++;
              else if (finding->severity == EYL_SEVERITY_WARNING)
                warnings++;
              else
                infos++;
            }
        }
    }
  set_counts (self, errors, warnings, infos);

  if (result == NULL)
    eyl_document_item_set_status (self, EYL_DOCUMENT_QUEUED);
  else if (result->ok)
    eyl_document_item_set_status (self, EYL_DOCUMENT_DONE);
  else if (result->error_code == EYL_ERROR_ENCRYPTED ||
           result->error_code == EYL_ERROR_WRONG_PASSWORD)
    eyl_document_item_set_status (self, EYL_DOCUMENT_LOCKED);
  else
    eyl_document_item_set_status (self, EYL_DOCUMENT_FAILED);
}

EylFileResult *
eyl_document_item_get_result (EylDocumentItem *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT_ITEM (self), NULL);
  return self->result;
}

EylPageAnalysis *
eyl_document_item_get_page (EylDocumentItem *self,
                            guint            index)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT_ITEM (self), NULL);

  if (self->result == NULL || !self->result->ok || self->result->pages == NULL)
    return NULL;
  for (guint i = 0; i < self->result->pages->len; i++)
    {
      EylPageAnalysis *page = g_ptr_array_index (self->result->pages, i);

      if (page->index == index)
        return page;
    }
  return NULL;
}

guint
eyl_document_item_get_n_pages (EylDocumentItem *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT_ITEM (self), 0);

  if (self->result == NULL || !self->result->ok)
    return 0;
  return self->result->n_pages;
}

const char *
eyl_document_item_get_password (EylDocumentItem *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT_ITEM (self), NULL);
  return self->password;
}

void
eyl_document_item_set_password (EylDocumentItem *self,
                                const char      *password)
{
  g_return_if_fail (EYL_IS_DOCUMENT_ITEM (self));

  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);
  self->password = g_strdup (password);
}

guint
eyl_document_item_get_n_errors (EylDocumentItem *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT_ITEM (self), 0);
  return self->n_errors;
}

guint
eyl_document_item_get_n_warnings (EylDocumentItem *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT_ITEM (self), 0);
  return self->n_warnings;
}

GCancellable *
eyl_document_item_get_cancellable (EylDocumentItem *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT_ITEM (self), NULL);
  return self->cancellable;
}

void
eyl_document_item_set_cancellable (EylDocumentItem *self,
                                   GCancellable    *cancellable)
{
  g_return_if_fail (EYL_IS_DOCUMENT_ITEM (self));
  g_set_object (&self->cancellable, cancellable);
}

void
eyl_document_item_cancel (EylDocumentItem *self)
{
  g_return_if_fail (EYL_IS_DOCUMENT_ITEM (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}
