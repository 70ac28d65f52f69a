/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-window-view.c: the window's side of the document shown — which
 * item its EylDocumentView shows, and the title, the actions and the
 * other views that follow it.  The page, the findings, the score card and
 * the loading state are the view's own (eyl-document-view.c). */
#include "config.h"

#define G_LOG_DOMAIN "eyl-window"

#include <glib/gi18n.h>

#include "eyl-window-private.h"
#include "eyl-worker.h"

EylOverlayLayers
_eyl_window_current_layers (EylWindow *self)
{
  EylOverlayLayers layers = 0;

  if (self->show_eye_band)
    layers |= EYL_OVERLAY_EYE_LEVEL;
  if (self->show_hidden)
    layers |= EYL_OVERLAY_HIDDEN;
  if (self->show_elements)
    layers |= EYL_OVERLAY_ELEMENTS;
  if (self->show_markers)
    layers |= EYL_OVERLAY_FINDINGS;
  if (self->show_labels)
    layers |= EYL_OVERLAY_LABELS;
  if (self->show_zone_labels)
    layers |= EYL_OVERLAY_ZONE_LABELS;
  /* Never EYL_OVERLAY_LEGEND: the legend lives beside the page. */
  return layers;
}

/* What renders the pages shown: the worker, within the time budget. */
EylWorkerConfig *
_eyl_window_new_render_config (EylWindow *self)
{
  g_autofree char *exe = _eyl_window_find_worker_exe ();
  EylWorkerConfig *config = eyl_worker_config_new (exe);

  if (self->settings != NULL)
    config->timeout_s = g_settings_get_uint (self->settings, "time-budget");
  return config;
}

void
_eyl_window_update_view (EylWindow *self)
{
  EylDocumentItem  *item = self->current;
  EylFileResult    *result;
  EylDocumentStatus status;
  const char       *state;

  _eyl_window_update_kit_button (self);
  if (item == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      adw_window_title_set_title (self->window_title, _("Eyeline"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      eyl_document_view_update (self->document_view);
      _eyl_window_update_actions (self);
      return;
    }

  /* The comparison shown stays until its way back is taken. */
  gtk_stack_set_visible_child_name (self->main_stack,
                                    self->compare_results[0] != NULL ? "compare" : "document");
  result = eyl_document_item_get_result (item);
  status = eyl_document_item_get_status (item);
  adw_window_title_set_title (self->window_title, eyl_document_item_get_title (item));

  {
    g_autoptr(EylWorkerConfig) config = _eyl_window_new_render_config (self);

    eyl_document_view_set_worker_config (self->document_view, config);
  }
  eyl_document_view_update (self->document_view);

  /* The subtitle says the state; a skipped page keeps the file's. */
  state = eyl_document_view_get_state (self->document_view);
  if (g_strcmp0 (state, "loading") == 0)
    adw_window_title_set_subtitle (self->window_title, _("Checking…"));
  else if (status == EYL_DOCUMENT_LOCKED)
    adw_window_title_set_subtitle (self->window_title, _("Locked"));
  else if (result != NULL && !result->ok)
    adw_window_title_set_subtitle (self->window_title, _("Cannot be checked"));
  else if (g_strcmp0 (state, "page") == 0)
    {
      EylPageAnalysis *analysis = eyl_document_view_get_analysis (self->document_view);

      adw_window_title_set_subtitle (self->window_title,
                                     analysis != NULL && analysis->placement != NULL
                                         ? analysis->placement->name
                                         : NULL);
    }

  _eyl_window_update_visitor_views (self);
  _eyl_window_update_compare (self);
  _eyl_window_update_actions (self);
}

void
_eyl_window_set_current (EylWindow       *self,
                         EylDocumentItem *item)
{
  if (self->current == item)
    {
      /* Closing the last document clears the current one first. */
      eyl_document_view_set_item (self->document_view, item);
      _eyl_window_update_view (self);
      return;
    }
  g_set_object (&self->current, item);
  /* A rectangle marks a logo on the page it was drawn on, not the next. */
  if (self->mark_logo)
    g_object_set (self, "mark-logo", FALSE, NULL);
  eyl_document_view_set_item (self->document_view, item);

  /* Select its row without re-entering. */
  if (item != NULL)
    {
      guint position;

      if (g_list_store_find (self->documents, item, &position))
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->documents_list, (int) position);

          if (row != gtk_list_box_get_selected_row (self->documents_list))
            gtk_list_box_select_row (self->documents_list, row);
        }
    }
  _eyl_window_schedule_checks (self);
  _eyl_window_update_view (self);
  if (item != NULL && eyl_document_item_get_status (item) == EYL_DOCUMENT_LOCKED)
    _eyl_window_ask_password (self);
}

void
eyl_window_select_finding (EylWindow *self,
                           int        position)
{
  g_return_if_fail (EYL_IS_WINDOW (self));
  eyl_document_view_select_finding (self->document_view, position);
}
