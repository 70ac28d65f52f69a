/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-export-dialog.c: see eyl-export-dialog.h. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-export-dialog"

#include <glib/gi18n.h>

#include "eyl-export-dialog.h"

struct _EylExportDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *group;
  AdwComboRow         *mode_row;
  AdwActionRow        *folder_row;
  GtkSwitch           *overwrite_switch;

  char                 *folder;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (EylExportDialog, eyl_export_dialog, ADW_TYPE_WINDOW)

enum
{
  EXPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Row positions of the format list, in the order of the .ui file. */
static const EylExportMode row_modes[] = {
  EYL_EXPORT_OVERLAY,
  EYL_EXPORT_ANNOTATIONS,
  EYL_EXPORT_PNG,
};

static void
update_mode_subtitle (EylExportDialog *self)
{
  const char *subtitle;

  switch (eyl_export_dialog_get_mode (self))
    {
    case EYL_EXPORT_ANNOTATIONS:
      subtitle = _("The original file, untouched, with a comment on each finding that any PDF viewer lists");
      break;
    case EYL_EXPORT_PNG:
      subtitle = _("One image per page with the overlay, for chat and slides");
      break;
    case EYL_EXPORT_OVERLAY:
    case EYL_EXPORT_NONE:
    default:
      subtitle = _("Every page as vectors with the overlay on top, and a summary page with the findings");
      break;
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->mode_row), subtitle);
}

static void
mode_changed_cb (EylExportDialog *self)
{
  update_mode_subtitle (self);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     EylExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        eyl_export_dialog_set_folder (self, path);
    }
  g_clear_object (&self->chooser);
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EylExportDialog *self = EYL_EXPORT_DIALOG (widget);

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export To"), GTK_WINDOW (self),
                                                  GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                                  _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (self->folder != NULL)
    {
      g_autoptr(GFile) current = g_file_new_for_path (self->folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), current, NULL);
    }
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  eyl_export_dialog_confirm (EYL_EXPORT_DIALOG (widget));
}

static void
eyl_export_dialog_dispose (GObject *object)
{
  EylExportDialog *self = EYL_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), EYL_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (eyl_export_dialog_parent_class)->dispose (object);
}

static void
eyl_export_dialog_finalize (GObject *object)
{
  EylExportDialog *self = EYL_EXPORT_DIALOG (object);

  g_free (self->folder);

  G_OBJECT_CLASS (eyl_export_dialog_parent_class)->finalize (object);
}

static void
eyl_export_dialog_class_init (EylExportDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = eyl_export_dialog_dispose;
  object_class->finalize = eyl_export_dialog_finalize;

  signals[EXPORT] = g_signal_new ("export", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                  G_TYPE_STRING, G_TYPE_INT, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/eyl-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EylExportDialog, group);
  gtk_widget_class_bind_template_child (widget_class, EylExportDialog, mode_row);
  gtk_widget_class_bind_template_child (widget_class, EylExportDialog, folder_row);
  gtk_widget_class_bind_template_child (widget_class, EylExportDialog, overwrite_switch);

  gtk_widget_class_install_action (widget_class, "export.choose-folder", NULL, choose_folder_action);
  gtk_widget_class_install_action (widget_class, "export.confirm", NULL, confirm_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
eyl_export_dialog_init (EylExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->mode_row, "notify::selected",
                            G_CALLBACK (mode_changed_cb), self);
  update_mode_subtitle (self);
}

GtkWidget *
eyl_export_dialog_new (GtkWindow    *parent,
                       guint         n_documents,
                       const char   *folder,
                       EylExportMode mode)
{
  EylExportDialog *self = g_object_new (EYL_TYPE_EXPORT_DIALOG,
                                        "transient-for", parent,
                                        NULL);
  g_autofree char *description = NULL;

  if (n_documents > 1)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Export All"));
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "Each of the %u open document is checked again and saved "
                                                  "in the folder, named after the original.",
                                                  "Each of the %u open documents is checked again and saved "
                                                  "in the folder, named after the original.",
                                                  n_documents),
                                     n_documents);
    }
  else
    description = g_strdup (_("The document is checked again with the current placement and saved in "
                              "the folder, named after the original. The original is never changed."));
  adw_preferences_group_set_description (self->group, description);

  eyl_export_dialog_set_folder (self, folder != NULL ? folder : g_get_home_dir ());
  eyl_export_dialog_set_mode (self, mode);
  return GTK_WIDGET (self);
}

void
eyl_export_dialog_set_folder (EylExportDialog *self,
                              const char      *folder)
{
  g_autofree char *display = NULL;

  g_return_if_fail (EYL_IS_EXPORT_DIALOG (self));
  g_return_if_fail (folder != NULL);

  g_free (self->folder);
  self->folder = g_strdup (folder);
  display = g_filename_display_name (folder);
  adw_action_row_set_subtitle (self->folder_row, display);
}

EylExportMode
eyl_export_dialog_get_mode (EylExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (EYL_IS_EXPORT_DIALOG (self), EYL_EXPORT_OVERLAY);

  selected = adw_combo_row_get_selected (self->mode_row);
  return selected < G_N_ELEMENTS (row_modes) ? row_modes[selected] : EYL_EXPORT_OVERLAY;
}

void
eyl_export_dialog_set_mode (EylExportDialog *self,
                            EylExportMode    mode)
{
  g_return_if_fail (EYL_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (row_modes); i++)
    if (row_modes[i] == mode)
      adw_combo_row_set_selected (self->mode_row, i);
}

void
eyl_export_dialog_confirm (EylExportDialog *self)
{
  g_return_if_fail (EYL_IS_EXPORT_DIALOG (self));

  g_signal_emit (self, signals[EXPORT], 0, self->folder,
                 (int) eyl_export_dialog_get_mode (self),
                 gtk_switch_get_active (self->overwrite_switch));
  gtk_window_close (GTK_WINDOW (self));
}
