/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-document-row"

#include <glib/gi18n.h>

#include "eyl-document-row.h"

struct _EylDocumentRow
{
  GtkBox parent_instance;

  /* Template widgets */
  GtkStack *icon_stack;
  GtkImage *icon;
  GtkLabel *title_label;
  GtkLabel *errors_label;
  GtkLabel *warnings_label;

  EylDocumentItem *item;
};

G_DEFINE_FINAL_TYPE (EylDocumentRow, eyl_document_row, GTK_TYPE_BOX)

enum
{
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The item changed (status, counts): the row follows. */
static void
update (EylDocumentRow *self)
{
  EylDocumentItem  *item = self->item;
  GtkStack         *icon_stack = self->icon_stack;
  GtkImage         *icon = self->icon;
  GtkLabel         *errors = self->errors_label;
  GtkLabel         *warnings = self->warnings_label;
  EylDocumentStatus status = eyl_document_item_get_status (item);
  guint             n_errors = eyl_document_item_get_n_errors (item);
  guint             n_warnings = eyl_document_item_get_n_warnings (item);
  char              text[16];

  gtk_widget_remove_css_class (GTK_WIDGET (icon), "eyl-error");
  gtk_widget_remove_css_class (GTK_WIDGET (icon), "eyl-warning");
  gtk_widget_remove_css_class (GTK_WIDGET (icon), "eyl-ok");
  if (status == EYL_DOCUMENT_DONE)
    gtk_widget_add_css_class (GTK_WIDGET (icon), n_errors > 0     ? "eyl-error"
                                                 : n_warnings > 0 ? "eyl-warning"
                                                                  : "eyl-ok");

  switch (status)
    {
    case EYL_DOCUMENT_QUEUED:
      /* Waiting for a worker.  No spinners here: each one redraws the
       * list sixty times a second, a core with software rendering. */
      gtk_image_set_from_icon_name (icon, "content-loading-symbolic");
      gtk_stack_set_visible_child_name (icon_stack, "icon");
      break;
    case EYL_DOCUMENT_ANALYSING:
      gtk_image_set_from_icon_name (icon, "emblem-synchronizing-symbolic");
      gtk_stack_set_visible_child_name (icon_stack, "icon");
      break;
    case EYL_DOCUMENT_DONE:
      gtk_image_set_from_icon_name (icon, n_errors > 0     ? "dialog-error-symbolic"
                                          : n_warnings > 0 ? "dialog-warning-symbolic"
                                                           : "emblem-ok-symbolic");
      gtk_stack_set_visible_child_name (icon_stack, "icon");
      break;
    case EYL_DOCUMENT_FAILED:
      gtk_image_set_from_icon_name (icon, "action-unavailable-symbolic");
      gtk_stack_set_visible_child_name (icon_stack, "icon");
      break;
    case EYL_DOCUMENT_LOCKED:
    default:
      gtk_image_set_from_icon_name (icon, "channel-secure-symbolic");
      gtk_stack_set_visible_child_name (icon_stack, "icon");
      break;
    }

  g_snprintf (text, sizeof text, "%u", n_errors);
  gtk_label_set_label (errors, text);
  gtk_widget_set_visible (GTK_WIDGET (errors), n_errors > 0 && status == EYL_DOCUMENT_DONE);
  g_snprintf (text, sizeof text, "%u", n_warnings);
  gtk_label_set_label (warnings, text);
  gtk_widget_set_visible (GTK_WIDGET (warnings), n_warnings > 0 && status == EYL_DOCUMENT_DONE);

  {
    g_autofree char *tooltip = NULL;

    if (status == EYL_DOCUMENT_DONE)
      {
        g_autofree char *errors_text =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", n_errors),
                             n_errors);
        g_autofree char *warnings_text =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", n_warnings),
                             n_warnings);

        /* Translators: tooltip of a document in the list: its title,
         * "2 errors", "1 warning" */
        tooltip = g_strdup_printf (_("%s: %s, %s"), eyl_document_item_get_title (item),
                                      errors_text, warnings_text);
      }
    else if (status == EYL_DOCUMENT_QUEUED)
      /* Translators: tooltip of a document in the list that waits for its check */
      tooltip = g_strdup_printf (_("%s: waiting to be checked"), eyl_document_item_get_title (item));
    else
      tooltip = g_strdup (eyl_document_item_get_title (item));
    gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
  }
}

static void
eyl_document_row_constructed (GObject *object)
{
  EylDocumentRow *self = EYL_DOCUMENT_ROW (object);

  G_OBJECT_CLASS (eyl_document_row_parent_class)->constructed (object);

  g_return_if_fail (self->item != NULL);
  g_object_bind_property (self->item, "title", self->title_label, "label", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->item, "notify::status", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->item, "notify::n-errors", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->item, "notify::n-warnings", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  update (self);
}

static void
eyl_document_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EylDocumentRow *self = EYL_DOCUMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eyl_document_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  EylDocumentRow *self = EYL_DOCUMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eyl_document_row_dispose (GObject *object)
{
  EylDocumentRow *self = EYL_DOCUMENT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), EYL_TYPE_DOCUMENT_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (eyl_document_row_parent_class)->dispose (object);
}

static void
eyl_document_row_class_init (EylDocumentRowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = eyl_document_row_constructed;
  object_class->get_property = eyl_document_row_get_property;
  object_class->set_property = eyl_document_row_set_property;
  object_class->dispose = eyl_document_row_dispose;

  properties[PROP_ITEM] =
      g_param_spec_object ("item", NULL, NULL, EYL_TYPE_DOCUMENT_ITEM,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/eyl-document-row.ui");
  gtk_widget_class_bind_template_child (widget_class, EylDocumentRow, icon_stack);
  gtk_widget_class_bind_template_child (widget_class, EylDocumentRow, icon);
  gtk_widget_class_bind_template_child (widget_class, EylDocumentRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, EylDocumentRow, errors_label);
  gtk_widget_class_bind_template_child (widget_class, EylDocumentRow, warnings_label);
}

static void
eyl_document_row_init (EylDocumentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
eyl_document_row_new (EylDocumentItem *item)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT_ITEM (item), NULL);

  return g_object_new (EYL_TYPE_DOCUMENT_ROW, "item", item, NULL);
}

EylDocumentItem *
eyl_document_row_get_item (EylDocumentRow *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT_ROW (self), NULL);

  return self->item;
}
