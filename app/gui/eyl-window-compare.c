/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-window-compare.c: two versions of a piece compared side by side
 * (eyl_window_compare_files), shown once both are checked. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-window"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "eyl-window-private.h"
#include "eyl-worker.h"

/* ------------------------------------------------------------------ */
/* Comparing two versions                                               */

static void
compare_clear (EylWindow *self)
{
  g_clear_object (&self->compare_before);
  g_clear_object (&self->compare_after);
  for (guint i = 0; i < G_N_ELEMENTS (self->compare_results); i++)
    g_clear_pointer (&self->compare_results[i], eyl_file_result_unref);
  eyl_compare_view_set_documents (self->compare_view, NULL, NULL);
}

static EylDocumentItem *
find_document (EylWindow *self,
               GFile     *file)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->documents));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EylDocumentItem) item = g_list_model_get_item (G_LIST_MODEL (self->documents), i);

      if (file != NULL && g_file_equal (eyl_document_item_get_file (item), file))
        return item; /* the list holds it */
    }
  return NULL;
}

static gboolean
compare_failed (EylDocumentItem *item)
{
  EylDocumentStatus status = eyl_document_item_get_status (item);

  return status == EYL_DOCUMENT_FAILED || status == EYL_DOCUMENT_LOCKED;
}

/* Shows the comparison once both versions are checked, again after a
 * new check of either; ends it when either is closed or cannot be read. */
void
_eyl_window_update_compare (EylWindow *self)
{
  EylFileResult *before, *after;
  guint          position;

  if (self->compare_before == NULL || self->compare_after == NULL)
    return;
  if (!g_list_store_find (self->documents, self->compare_before, &position) ||
      !g_list_store_find (self->documents, self->compare_after, &position))
    {
      compare_clear (self);
      if (self->current != NULL)
        gtk_stack_set_visible_child_name (self->main_stack, "document");
      return;
    }
  if (compare_failed (self->compare_before) || compare_failed (self->compare_after))
    {
      EylDocumentItem *failed = compare_failed (self->compare_before) ? self->compare_before
                                                                      : self->compare_after;
      /* Translators: %s is a file name */
      g_autofree char *text = g_strdup_printf (_("Cannot compare: “%s” could not be checked"),
                                                  eyl_document_item_get_title (failed));

      compare_clear (self);
      gtk_stack_set_visible_child_name (self->main_stack, "document");
      eyl_window_add_toast (self, text);
      return;
    }
  before = eyl_document_item_get_result (self->compare_before);
  after = eyl_document_item_get_result (self->compare_after);
  /* Waiting: the window shows the check under way. */
  if (eyl_document_item_get_status (self->compare_before) != EYL_DOCUMENT_DONE ||
      eyl_document_item_get_status (self->compare_after) != EYL_DOCUMENT_DONE ||
      before == NULL || after == NULL || !before->ok || !after->ok)
    return;

  if (before != self->compare_results[0] || after != self->compare_results[1])
    {
      g_autoptr(EylWorkerConfig) config = _eyl_window_new_render_config (self);

      g_clear_pointer (&self->compare_results[0], eyl_file_result_unref);
      g_clear_pointer (&self->compare_results[1], eyl_file_result_unref);
      self->compare_results[0] = eyl_file_result_ref (before);
      self->compare_results[1] = eyl_file_result_ref (after);
      eyl_compare_view_set_worker_config (self->compare_view, config);
      eyl_compare_view_set_layers (self->compare_view, _eyl_window_current_layers (self));
      eyl_compare_view_set_documents (self->compare_view, self->compare_before, self->compare_after);
    }
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "compare") != 0)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "compare");
      gtk_widget_grab_focus (GTK_WIDGET (self->compare_view));
      _eyl_window_update_actions (self);
    }
}

void
eyl_window_compare_files (EylWindow *self,
                          GFile     *before,
                          GFile     *after)
{
  g_return_if_fail (EYL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (before) && G_IS_FILE (after));

  if (g_file_equal (before, after))
    {
      eyl_window_add_toast (self, _("Pick another version of the file to compare with"));
      return;
    }
  compare_clear (self);
  eyl_window_open_files (self, &before, 1);
  /* The new version is the document shown on the way back. */
  eyl_window_open_files (self, &after, 1);
  g_set_object (&self->compare_before, find_document (self, before));
  g_set_object (&self->compare_after, find_document (self, after));
  if (self->compare_before == NULL || self->compare_after == NULL)
    {
      compare_clear (self);
      return;
    }
  _eyl_window_update_compare (self);
}

GtkWidget *
eyl_window_get_compare_view (EylWindow *self)
{
  g_return_val_if_fail (EYL_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->compare_view);
}

static void
compare_closed_cb (EylCompareView *view,
                   EylWindow      *self)
{
  compare_clear (self);
  _eyl_window_update_view (self);
}

void
_eyl_window_compare_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, compare_closed_cb);
}
