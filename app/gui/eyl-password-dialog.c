/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-password-dialog"

#include <glib/gi18n.h>

#include "eyl-password-dialog.h"

struct _EylPasswordDialog
{
  AdwMessageDialog parent_instance;

  GtkWidget       *entry;
  EylDocumentItem *item;
};

G_DEFINE_FINAL_TYPE (EylPasswordDialog, eyl_password_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
eyl_password_dialog_response (AdwMessageDialog *dialog,
                              const char       *response)
{
  EylPasswordDialog *self = EYL_PASSWORD_DIALOG (dialog);

  /* GTK 4.8 warns when a window is destroyed with the focus in a
   * password entry (its focus notification outlives its text widget). */
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);

  if (g_strcmp0 (response, "unlock") == 0 && self->item != NULL)
    {
      eyl_document_item_set_password (self->item,
                                      gtk_editable_get_text (GTK_EDITABLE (self->entry)));
      gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
      eyl_document_item_set_status (self->item, EYL_DOCUMENT_QUEUED);
    }

  if (ADW_MESSAGE_DIALOG_CLASS (eyl_password_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (eyl_password_dialog_parent_class)->response (dialog, response);
}

static void
eyl_password_dialog_dispose (GObject *object)
{
  EylPasswordDialog *self = EYL_PASSWORD_DIALOG (object);

  g_clear_object (&self->item);

  G_OBJECT_CLASS (eyl_password_dialog_parent_class)->dispose (object);
}

static void
eyl_password_dialog_class_init (EylPasswordDialogClass *klass)
{
  GObjectClass          *object_class = G_OBJECT_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = eyl_password_dialog_dispose;
  dialog_class->response = eyl_password_dialog_response;
}

static void
eyl_password_dialog_init (EylPasswordDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);

  self->entry = gtk_password_entry_new ();
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (self->entry), TRUE);
  g_object_set (self->entry, "activates-default", TRUE, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Password"), -1);
  adw_message_dialog_set_extra_child (dialog, self->entry);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"), "unlock", _("_Unlock"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "unlock", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "unlock");
  adw_message_dialog_set_close_response (dialog, "cancel");
}

GtkWidget *
eyl_password_dialog_new (GtkWindow       *parent,
                         EylDocumentItem *item)
{
  EylPasswordDialog *self;
  EylFileResult     *result;
  gboolean           wrong;

  g_return_val_if_fail (EYL_IS_DOCUMENT_ITEM (item), NULL);

  result = eyl_document_item_get_result (item);
  wrong = result != NULL && result->error_code == EYL_ERROR_WRONG_PASSWORD;
  self = g_object_new (EYL_TYPE_PASSWORD_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", wrong ? _("Wrong Password") : _("Password Required"), NULL);
  self->item = g_object_ref (item);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self),
                                  wrong
                                  /* Translators: %s is a file name */
                                  ? _("The password did not open “%s”. Try again.")
                                  /* Translators: %s is a file name */
                                  : _("“%s” is locked. Enter its password to check it."),
                                       eyl_document_item_get_title (item));
  return GTK_WIDGET (self);
}
