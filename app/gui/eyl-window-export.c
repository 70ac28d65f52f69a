/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-window-export.c: the main window's export — the job, its progress
 * in the header and its outcome. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-window"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "eyl-window-private.h"
#include "eyl-worker.h"

/* ------------------------------------------------------------------ */
/* Export                                                               */

static EylWorkerConfig *
export_config_cb (EylDocumentItem *item,
                  gpointer         user_data)
{
  return _eyl_window_make_worker_config (EYL_WINDOW (user_data), item);
}

static gboolean
export_pulse_cb (gpointer user_data)
{
  EylWindow *self = user_data;

  gtk_progress_bar_pulse (self->export_progress);
  return G_SOURCE_CONTINUE;
}

static void
export_progress_cb (EylExportJob *job,
                    EylWindow    *self)
{
  guint            done = eyl_export_job_get_done (job);
  guint            total = eyl_export_job_get_total (job);
  g_autofree char *text = NULL;

  /* Translators: the progress line of an export; %u of %u files. */
  text = g_strdup_printf (_("Exporting %u of %u…"), MIN (done + 1, total), total);
  gtk_label_set_text (self->export_label, text);
  if (total > 1)
    {
      g_clear_handle_id (&self->export_pulse_id, g_source_remove);
      gtk_progress_bar_set_fraction (self->export_progress, (double) done / total);
    }
}

static void
export_finished_cb (EylExportJob *job,
                    EylWindow    *self)
{
  GPtrArray       *results = eyl_export_job_get_results (job);
  g_autofree char *title = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GString) failures = g_string_new (NULL);
  guint     exported = 0, failed = 0, total = eyl_export_job_get_total (job);
  AdwToast *toast;

  g_clear_handle_id (&self->export_pulse_id, g_source_remove);
  gtk_revealer_set_reveal_child (self->export_revealer, FALSE);

  for (guint i = 0; i < results->len; i++)
    {
      EylFileResult   *result = g_ptr_array_index (results, i);
      g_autofree char *name = NULL;

      if (result == NULL || (!result->ok && result->error_code == EYL_ERROR_CANCELLED))
        continue;
      if (result->ok)
        {
          exported++;
          continue;
        }
      failed++;
      name = g_filename_display_basename (result->path);
      g_string_append_printf (failures, "%s%s: %s", failures->len > 0 ? "\n" : "", name,
                              result->error_message);
    }

  if (eyl_export_job_was_cancelled (job))
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Export cancelled; %u file was saved",
                                          "Export cancelled; %u files were saved",
                                          exported),
                             exported);
  else if (failed == 0)
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u file", "Exported %u files",
                                          exported),
                             exported);
  else
    /* Translators: exported, total, failed. */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Exported %u of %u files; %u could not be exported",
                                          "Exported %u of %u files; %u could not be exported",
                                          failed),
                             exported, total, failed);

  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 8);
  if (exported > 0)
    {
      g_autoptr(GFile) folder = g_file_new_for_path (eyl_export_job_get_folder (job));

      uri = g_file_get_uri (folder);
      adw_toast_set_button_label (toast, _("Open Folder"));
      adw_toast_set_action_name (toast, "win.open-folder");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  if (failed > 0)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                                  _("Some Files Could Not Be Exported"),
                                                     failures->str);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }

  _eyl_window_update_actions (self);
}

void
eyl_window_export (EylWindow    *self,
                   gboolean      all,
                   const char   *folder,
                   EylExportMode mode,
                   gboolean      overwrite)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (EYL_IS_WINDOW (self));
  g_return_if_fail (folder != NULL);

  if (self->export_job != NULL && eyl_export_job_is_running (self->export_job))
    return;

  if (all)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->documents));

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (self->documents), i));
    }
  else if (self->current != NULL)
    g_ptr_array_add (items, g_object_ref (self->current));
  if (items->len == 0)
    return;

  if (self->export_job != NULL)
    g_signal_handlers_disconnect_by_data (self->export_job, self);
  g_clear_object (&self->export_job);
  self->export_job = eyl_export_job_new (items, folder, mode, overwrite, self->scheduler,
                                         export_config_cb, self);
  g_signal_connect (self->export_job, "progress", G_CALLBACK (export_progress_cb), self);
  g_signal_connect (self->export_job, "finished", G_CALLBACK (export_finished_cb), self);

  if (self->settings != NULL)
    {
      g_settings_set_string (self->settings, "export-folder", folder);
      g_settings_set_string (self->settings, "export-mode", eyl_export_mode_to_string (mode));
    }

  gtk_progress_bar_set_fraction (self->export_progress, 0);
  if (items->len == 1)
    self->export_pulse_id = g_timeout_add (120, export_pulse_cb, self);
  export_progress_cb (self->export_job, self);
  gtk_revealer_set_reveal_child (self->export_revealer, TRUE);
  eyl_export_job_start (self->export_job);
  _eyl_window_update_actions (self);
}

EylExportJob *
eyl_window_get_export_job (EylWindow *self)
{
  g_return_val_if_fail (EYL_IS_WINDOW (self), NULL);
  return self->export_job;
}
