/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-window-actions.c: the main window's win.* actions — open, close,
 * reload, unlock, zoom, pages, documents, export, brand kit — their
 * keyboard bindings, and their enabled state (_eyl_window_update_actions). */
#include "config.h"

#define G_LOG_DOMAIN "eyl-window"

#include <errno.h>
#include <math.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "eyl-window-private.h"
#include "eyl-export-dialog.h"
#include "eyl-placement-panel.h"
#include "eyl-attention.h"
#include "eyl-cvd.h"
#include "eyl-walkup.h"
#include "eyl-worker.h"

/* Offers PDF files; the filter is returned to be chosen or released. */
static GtkFileFilter *
add_pdf_filter (GtkFileChooser *chooser)
{
  GtkFileFilter *pdf = gtk_file_filter_new ();

  gtk_file_filter_set_name (pdf, _("PDF documents"));
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_filter_add_suffix (pdf, "pdf");
  gtk_file_chooser_add_filter (chooser, pdf);
  return pdf;
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  EylWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      eyl_window_open_files (self, (GFile **) array->pdata, array->len);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/* The bundled sample banner, written to the cache folder (the worker
 * reads a file) and opened. */
static void
open_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EylWindow *self = EYL_WINDOW (widget);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "eyeline", NULL);
  g_autofree char *path = g_build_filename (dir, "rollup-banner.pdf", NULL);
  gsize            size;
  const char      *data;

  bytes = g_resources_lookup_data ("/io/github/eyeline/Eyeline/samples/rollup-banner.pdf",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes != NULL)
    {
      data = g_bytes_get_data (bytes, &size);
      if (g_mkdir_with_parents (dir, 0700) == 0)
        g_file_set_contents (path, data, (gssize) size, &error);
      else
        g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (errno), "%s", g_strerror (errno));
    }
  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Cannot open the sample: %s"), error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
      return;
    }
  file = g_file_new_for_path (path);
  eyl_window_open_files (self, &file, 1);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EylWindow            *self = EYL_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) pdf = NULL;
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Open PDF Files"), GTK_WINDOW (self),
                                           GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  pdf = add_pdf_filter (GTK_FILE_CHOOSER (dialog));
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (dialog), pdf);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
compare_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     EylWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->current != NULL)
    {
      g_autoptr(GFile) other = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (other != NULL)
        eyl_window_compare_files (self, eyl_document_item_get_file (self->current), other);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/* The document shown is the old version: pick the new one, in its
 * folder.  A file already open is compared as it was checked. */
static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EylWindow            *self = EYL_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) pdf = NULL;
  g_autoptr(GFile) folder = NULL;

  if (self->current == NULL)
    return;
  dialog = gtk_file_chooser_native_new (_("Compare with Another Version"), GTK_WINDOW (self),
                                           GTK_FILE_CHOOSER_ACTION_OPEN, _("_Compare"), _("_Cancel"));
  pdf = add_pdf_filter (GTK_FILE_CHOOSER (dialog));
  folder = g_file_get_parent (eyl_document_item_get_file (self->current));
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (compare_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  eyl_window_open_files (EYL_WINDOW (widget), &file, 1);
}

void
_eyl_window_update_actions (EylWindow *self)
{
  gboolean   page = g_strcmp0 (_eyl_window_visible_page (self), "page") == 0;
  guint      n_pages = self->current != NULL ? eyl_document_item_get_n_pages (self->current) : 0;
  GtkWidget *widget = GTK_WIDGET (self);

  /* Page tools only where there is a page; the side panel (findings,
   * placement, side view) only once a file could be read. */
  gtk_widget_set_visible (self->zoom_box, page);
  gtk_widget_set_visible (GTK_WIDGET (self->zoom_menu_button_compact), page);
  gtk_widget_set_visible (self->overlay_button, page);
  gtk_widget_set_visible (self->mark_logo_button, page);
  /* Marking belongs to the page shown: it ends when there is none. */
  if (!page && self->mark_logo)
    g_object_set (self, "mark-logo", FALSE, NULL);
  {
    gboolean side = self->current != NULL &&
                    eyl_document_item_get_status (self->current) != EYL_DOCUMENT_FAILED &&
                    eyl_document_item_get_status (self->current) != EYL_DOCUMENT_LOCKED;

    eyl_document_view_set_side_visible (self->document_view, side);
    /* Comparing, the findings are the compare view's own. */
    gtk_widget_set_visible (self->side_button,
                            side && g_strcmp0 (_eyl_window_visible_page (self), "compare") != 0);
  }

  gtk_widget_action_set_enabled (widget, "win.close-document", self->current != NULL);
  {
    gboolean exporting = self->export_job != NULL && eyl_export_job_is_running (self->export_job);

    gtk_widget_action_set_enabled (widget, "win.export", self->current != NULL && !exporting);
    gtk_widget_action_set_enabled (widget, "win.export-all",
                                   g_list_model_get_n_items (G_LIST_MODEL (self->documents)) > 0 && !exporting);
    gtk_widget_action_set_enabled (widget, "win.cancel-export", exporting);
  }
  gtk_widget_action_set_enabled (widget, "win.reload", self->current != NULL);
  gtk_widget_action_set_enabled (widget, "win.compare",
                                 self->current != NULL &&
                                     g_strcmp0 (_eyl_window_visible_page (self), "compare") != 0);
  gtk_widget_action_set_enabled (widget, "win.unlock",
                                 self->current != NULL &&
                                     eyl_document_item_get_status (self->current) == EYL_DOCUMENT_LOCKED);
  gtk_widget_action_set_enabled (widget, "win.zoom-in", page);
  gtk_widget_action_set_enabled (widget, "win.zoom-out", page);
  gtk_widget_action_set_enabled (widget, "win.zoom-fit-page", page);
  gtk_widget_action_set_enabled (widget, "win.zoom-fit-width", page);
  gtk_widget_action_set_enabled (widget, "win.zoom-100", page);
  gtk_widget_action_set_enabled (widget, "win.mark-logo", page);
  /* Not only from a page that could be checked: a skipped page must not
   * trap the user. */
  gtk_widget_action_set_enabled (widget, "win.previous-page", n_pages > 0 && eyl_document_view_get_page (self->document_view) > 0);
  gtk_widget_action_set_enabled (widget, "win.next-page", eyl_document_view_get_page (self->document_view) + 1 < n_pages);
  gtk_widget_action_set_enabled (widget, "win.next-document",
                                 g_list_model_get_n_items (G_LIST_MODEL (self->documents)) > 1);
  gtk_widget_action_set_enabled (widget, "win.previous-document",
                                 g_list_model_get_n_items (G_LIST_MODEL (self->documents)) > 1);
}

static void
close_document_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  EylWindow *self = EYL_WINDOW (widget);
  g_autoptr(EylDocumentItem) next = NULL;
  guint position, n;

  if (self->current == NULL || !g_list_store_find (self->documents, self->current, &position))
    return;
  eyl_document_item_cancel (self->current);
  g_list_store_remove (self->documents, position);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->documents));
  if (n > 0)
    next = g_list_model_get_item (G_LIST_MODEL (self->documents), MIN (position, n - 1));
  g_clear_object (&self->current);
  _eyl_window_set_current (self, next);
  if (next == NULL)
    _eyl_window_update_recent (self);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EylWindow *self = EYL_WINDOW (widget);

  if (self->current == NULL)
    return;
  eyl_document_item_cancel (self->current);
  eyl_document_item_set_result (self->current, NULL);
  eyl_document_item_set_status (self->current, EYL_DOCUMENT_QUEUED);
  eyl_document_view_forget_analysis (self->document_view);
  _eyl_window_schedule_checks (self);
}

static void
unlock_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _eyl_window_ask_password (EYL_WINDOW (widget));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EylWindow *self = EYL_WINDOW (widget);

  if (g_str_equal (action_name, "win.zoom-in"))
    eyl_document_view_zoom_in (self->document_view);
  else if (g_str_equal (action_name, "win.zoom-out"))
    eyl_document_view_zoom_out (self->document_view);
  else if (g_str_equal (action_name, "win.zoom-fit-page"))
    eyl_document_view_set_zoom_mode (self->document_view, EYL_ZOOM_FIT_PAGE);
  else if (g_str_equal (action_name, "win.zoom-fit-width"))
    eyl_document_view_set_zoom_mode (self->document_view, EYL_ZOOM_FIT_WIDTH);
  else if (g_str_equal (action_name, "win.zoom-100"))
    eyl_document_view_set_zoom (self->document_view, 1.0);
}

static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EylWindow *self = EYL_WINDOW (widget);
  guint      n_pages = self->current != NULL ? eyl_document_item_get_n_pages (self->current) : 0;
  guint      page = eyl_document_view_get_page (self->document_view);

  if (g_str_equal (action_name, "win.next-page") && page + 1 < n_pages)
    page++;
  else if (g_str_equal (action_name, "win.previous-page") && page > 0)
    page--;
  else
    return;
  eyl_document_view_set_page (self->document_view, page);
  _eyl_window_update_view (self);
}

static void
document_step_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EylWindow *self = EYL_WINDOW (widget);
  guint      n = g_list_model_get_n_items (G_LIST_MODEL (self->documents));
  guint      position;
  g_autoptr(EylDocumentItem) item = NULL;

  if (n < 2 || self->current == NULL || !g_list_store_find (self->documents, self->current, &position))
    return;
  position = g_str_equal (action_name, "win.next-document") ? (position + 1) % n : (position + n - 1) % n;
  item = g_list_model_get_item (G_LIST_MODEL (self->documents), position);
  _eyl_window_set_current (self, item);
}

/* The dialog of Export… and the one of Export All…. */
static void
export_dialog_cb (EylExportDialog *dialog,
                  const char      *folder,
                  int              mode,
                  gboolean         overwrite,
                  EylWindow       *self)
{
  eyl_window_export (self, FALSE, folder, (EylExportMode) mode, overwrite);
}

static void
export_all_dialog_cb (EylExportDialog *dialog,
                      const char      *folder,
                      int              mode,
                      gboolean         overwrite,
                      EylWindow       *self)
{
  eyl_window_export (self, TRUE, folder, (EylExportMode) mode, overwrite);
}

/* The folder last exported to, else the first document's. */
static char *
default_export_folder (EylWindow *self,
                       gboolean   all)
{
  g_autofree char *saved = NULL;
  EylDocumentItem *first = self->current;
  g_autoptr(EylDocumentItem) item = NULL;

  if (self->settings != NULL)
    saved = g_settings_get_string (self->settings, "export-folder");
  if (saved != NULL && saved[0] != '\0' && g_file_test (saved, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&saved);

  if (all || first == NULL)
    {
      item = g_list_model_get_item (G_LIST_MODEL (self->documents), 0);
      first = item;
    }
  if (first != NULL && eyl_document_item_get_path (first) != NULL)
    return g_path_get_dirname (eyl_document_item_get_path (first));
  return g_strdup (g_get_home_dir ());
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EylWindow       *self = EYL_WINDOW (widget);
  gboolean         all = g_str_equal (action_name, "win.export-all");
  g_autofree char *folder = default_export_folder (self, all);
  g_autofree char *mode_name = self->settings != NULL
                                   ? g_settings_get_string (self->settings, "export-mode")
                                   : NULL;
  EylExportMode    mode = EYL_EXPORT_OVERLAY;
  guint            n = all ? g_list_model_get_n_items (G_LIST_MODEL (self->documents)) : 1;
  GtkWidget       *dialog;

  if (!all && self->current == NULL)
    return;
  if (mode_name != NULL)
    eyl_export_mode_from_string (mode_name, &mode);
  if (mode == EYL_EXPORT_NONE)
    mode = EYL_EXPORT_OVERLAY;

  dialog = eyl_export_dialog_new (GTK_WINDOW (self), n, folder, mode);
  g_signal_connect_object (dialog, "export", all ? G_CALLBACK (export_all_dialog_cb) : G_CALLBACK (export_dialog_cb),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cancel_export_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EylWindow *self = EYL_WINDOW (widget);

  if (self->export_job != NULL)
    eyl_export_job_cancel (self->export_job);
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

static void
brand_kit_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _eyl_window_open_brand_kit (EYL_WINDOW (widget));
}

static void
cancel_marking_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_object_set (widget, "mark-logo", FALSE, NULL);
  g_action_group_change_action_state (G_ACTION_GROUP (widget), "mark-net-quantity",
                                      g_variant_new_boolean (FALSE));
}

/* Undo and redo of placement edits (the panel keeps the steps). */
static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EylWindow *self = EYL_WINDOW (widget);

  if (g_str_equal (action_name, "win.undo"))
    eyl_placement_panel_undo (self->placement_panel);
  else
    eyl_placement_panel_redo (self->placement_panel);
}

void
_eyl_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.close-document", NULL, close_document_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.unlock", NULL, unlock_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit-page", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit-width", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-100", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.next-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "win.previous-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "win.next-document", NULL, document_step_action);
  gtk_widget_class_install_action (widget_class, "win.previous-document", NULL, document_step_action);
  gtk_widget_class_install_action (widget_class, "win.brand-kit", NULL, brand_kit_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-all", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-export", NULL, cancel_export_action);
  gtk_widget_class_install_action (widget_class, "win.open-folder", "s", open_folder_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-marking", NULL, cancel_marking_action);
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, compare_action);
  gtk_widget_class_install_property_action (widget_class, "win.mark-logo", "mark-logo");
  gtk_widget_class_install_property_action (widget_class, "win.show-sidebar", "show-sidebar");
  gtk_widget_class_install_property_action (widget_class, "win.show-findings", "show-findings");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close-document", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-fit-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "win.zoom-100", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "win.zoom-fit-width", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "win.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "win.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "win.next-document", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "win.previous-document", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, GDK_CONTROL_MASK, "win.show-findings", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.mark-logo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.cancel-marking", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.compare", NULL);
}

/* ------------------------------------------------------------------ */
/* The visitor's view: predicted attention (model) and the walk-up strip */

/* Each view is a window beside the main one, shown while its stateful
 * action (win.view-attention, win.view-walkup; remembered in GSettings)
 * is on, and redrawn for the page shown.  The page is rendered by a
 * worker from the snapshot the check read (the window never runs Poppler
 * itself), then drawn on a thread; the main window is held weakly, as
 * for the checks. */

typedef enum
{
  VISITOR_ATTENTION,
  VISITOR_WALKUP,
  /* The same, drawn over the page view (win.page-layer). */
  VISITOR_LAYER_ATTENTION,
  VISITOR_LAYER_WALKUP,
} VisitorView;

static const char *const visitor_actions[] = { "view-attention", "view-walkup" };

typedef struct
{
  GWeakRef         self;
  VisitorView      view;
  char            *png;    /* the worker's render, removed once read */
  double           scale;  /* of the render, px per pt */
  EylRaster       *raster; /* the render, read back */
  EylPageAnalysis *analysis;
  EylLegibility    legibility;
  double           distance_m; /* of a walk-up layer */
  guint            serial;     /* of a layer: self->layer_serial when asked */
} VisitorData;

static void
visitor_data_free (VisitorData *data)
{
  g_weak_ref_clear (&data->self);
  if (data->png != NULL)
    g_unlink (data->png);
  g_free (data->png);
  g_clear_pointer (&data->raster, eyl_raster_unref);
  g_clear_pointer (&data->analysis, eyl_page_analysis_unref);
  g_free (data);
}

static cairo_status_t
png_to_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
visitor_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  VisitorData     *data = task_data;
  cairo_surface_t *surface = NULL;
  GByteArray      *png;

  if (g_cancellable_is_cancelled (cancellable))
    ;
  else if (data->view == VISITOR_ATTENTION || data->view == VISITOR_LAYER_ATTENTION)
    surface = eyl_attention_heatmap_for_raster (data->raster, &data->analysis->frame,
                                                data->analysis->placement);
  else if (data->view == VISITOR_WALKUP)
    surface = eyl_walkup_strip (eyl_raster_get_surface (data->raster), &data->analysis->frame,
                                data->analysis->placement, data->analysis->elements,
                                data->legibility, EYL_WALKUP_ACUITY_ARCMIN, 500);
  else
    {
      const EylPageFrame *frame = &data->analysis->frame;
      /* About 1200 px on the longer side, whatever the distance: the
       * layer is stretched over the page, the blur is the eye's. */
      double size_mm = MAX (frame->material_w_mm, frame->material_h_mm);
      double degrees = 2 * atan (size_mm / 2 / (data->distance_m * 1000)) * 180 / G_PI;

      surface = eyl_walkup_view (eyl_raster_get_surface (data->raster), frame,
                                 data->analysis->placement, data->analysis->elements,
                                 data->legibility, data->distance_m, EYL_WALKUP_ACUITY_ARCMIN,
                                 1200 / MAX (degrees, 0.01));
    }
  if (surface == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  png = g_byte_array_new ();
  cairo_surface_write_to_png_stream (surface, png_to_bytes, png);
  cairo_surface_destroy (surface);
  g_task_return_pointer (task, g_byte_array_free_to_bytes (png), (GDestroyNotify) g_bytes_unref);
}

static void visitor_done_cb (GObject      *source,
                             GAsyncResult *result,
                             gpointer      user_data);

/* The worker's render of the visible page, read back into a raster of
 * the page's visible area; then the view is drawn on a thread. */
static void
visitor_rendered_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  VisitorData *data = user_data;
  g_autoptr(EylFileResult) file_result = eyl_worker_render_page_finish (result);
  g_autoptr(GTask) task = NULL;
  cairo_surface_t *image = NULL;
  cairo_t         *cr;

  if (file_result->ok)
    image = cairo_image_surface_create_from_png (data->png);
  if (image == NULL || cairo_surface_status (image) != CAIRO_STATUS_SUCCESS)
    {
      if (!file_result->ok && file_result->error_code != EYL_ERROR_CANCELLED)
        g_message ("Cannot render the page for the visitor's view: %s",
                   file_result->error_message);
      g_clear_pointer (&image, cairo_surface_destroy);
      visitor_data_free (data);
      return;
    }
  data->raster = eyl_raster_new (&data->analysis->frame.visible, data->scale);
  cr = eyl_raster_create_context (data->raster);
  cairo_identity_matrix (cr);
  cairo_scale (cr, (double) data->raster->width / MAX (cairo_image_surface_get_width (image), 1),
               (double) data->raster->height / MAX (cairo_image_surface_get_height (image), 1));
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (image);
  cairo_surface_flush (eyl_raster_get_surface (data->raster));

  task = g_task_new (NULL, NULL, visitor_done_cb, NULL);
  g_task_set_source_tag (task, _eyl_window_update_visitor_views);
  g_task_set_task_data (task, data, (GDestroyNotify) visitor_data_free);
  g_task_run_in_thread (task, visitor_thread);
}

static void
visitor_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  VisitorData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(EylWindow) self = g_weak_ref_get (&data->self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(GdkTexture) texture = NULL;
  GtkPicture *picture;

  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (data->view >= VISITOR_LAYER_ATTENTION)
    {
      if (data->serial != self->layer_serial)
        return;
      if (png != NULL)
        texture = gdk_texture_new_from_bytes (png, NULL);
      eyl_page_view_set_layer (self->page_view, texture, &data->analysis->frame.visible);
      if (error != NULL)
        g_debug ("page layer: %s", error->message);
      return;
    }
  picture = self->visitor_pictures[data->view];
  if (picture == NULL)
    return;
  if (png != NULL)
    texture = gdk_texture_new_from_bytes (png, NULL);
  gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
  if (error != NULL)
    g_debug ("visitor view: %s", error->message);
}

/* Closing a view's window turns its action off. */
static gboolean
visitor_close_cb (GtkWindow *window,
                  EylWindow *self)
{
  const char *name = window == self->attention_window ? visitor_actions[VISITOR_ATTENTION]
                                                      : visitor_actions[VISITOR_WALKUP];

  g_action_group_change_action_state (G_ACTION_GROUP (self), name, g_variant_new_boolean (FALSE));
  return FALSE;
}

static GtkWindow *
visitor_window_new (EylWindow  *self,
                    VisitorView view)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *caption;

  gtk_window_set_title (GTK_WINDOW (window),
                        view == VISITOR_ATTENTION ? _("Predicted Attention (Model)") : _("Walk-Up View"));
  caption = gtk_label_new (view == VISITOR_ATTENTION
                           ? _("Where the eye is drawn first, on what the median visitor sees — a "
                               "model's prediction (Boolean Map Saliency), not eye tracking. "
                               "Numbers: the first fixations in order.")
                           : _("The piece as a visitor sees it on the way to it: at the size it "
                               "takes in the eye, with no detail finer than the eye resolves, "
                               "what is hidden greyed."));
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_set_margin_start (caption, 12);
  gtk_widget_set_margin_end (caption, 12);
  gtk_widget_set_margin_top (caption, 6);
  gtk_widget_set_margin_bottom (caption, 6);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), picture);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), view == VISITOR_ATTENTION ? 480 : 900,
                               view == VISITOR_ATTENTION ? 700 : 420);
  g_set_weak_pointer (&self->visitor_pictures[view], GTK_PICTURE (picture));
  g_signal_connect_object (window, "close-request", G_CALLBACK (visitor_close_cb), self, 0);
  return GTK_WINDOW (window);
}

static gboolean
visitor_view_on (EylWindow  *self,
                 VisitorView view)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (self),
                                                                visitor_actions[view]);

  return state != NULL && g_variant_get_boolean (state);
}

static VisitorData *
visitor_data_new (EylWindow       *self,
                  VisitorView      view,
                  EylPageAnalysis *analysis)
{
  VisitorData *data = g_new0 (VisitorData, 1);

  g_weak_ref_init (&data->self, self);
  data->view = view;
  data->analysis = eyl_page_analysis_ref (analysis);
  data->legibility = EYL_LEGIBILITY_1_200;
  if (self->settings != NULL)
    {
      g_autofree char *legibility = g_settings_get_string (self->settings, "legibility");

      if (!eyl_legibility_from_string (legibility, &data->legibility))
        data->legibility = EYL_LEGIBILITY_1_200;
    }
  return data;
}

/* The visible page rendered by a worker from the snapshot, then the view
 * drawn on a thread (visitor_rendered_cb); takes @data. */
static void
visitor_render (EylWindow   *self,
                VisitorData *data)
{
  const EylRect   *visible = &data->analysis->frame.visible;
  const char      *snapshot = eyl_document_item_get_snapshot (self->current);
  EylWorkerConfig *config;
  GError          *error = NULL;
  int              fd;

  if (snapshot == NULL || !(eyl_rect_width (visible) >= 1 && eyl_rect_height (visible) >= 1))
    {
      visitor_data_free (data);
      return;
    }
  /* The attention view is drawn 900 px long, the walk-up views from a
   * 1600 px artwork. */
  data->scale = (data->view == VISITOR_ATTENTION || data->view == VISITOR_LAYER_ATTENTION
                     ? 900.0
                     : 1600.0) /
                MAX (eyl_rect_width (visible), eyl_rect_height (visible));
  fd = g_file_open_tmp ("eyeline-visitor-XXXXXX.png", &data->png, &error);
  if (fd < 0)
    {
      g_message ("Cannot render the page for the visitor's view: %s", error->message);
      g_clear_error (&error);
      visitor_data_free (data);
      return;
    }
  close (fd);
  config = _eyl_window_new_render_config (self);
  g_free (config->password);
  config->password = g_strdup (eyl_document_item_get_password (self->current));
  eyl_worker_render_page_async (config, snapshot, eyl_document_view_get_page (self->document_view), visible, data->scale,
                                data->png, NULL, visitor_rendered_cb, data);
  g_clear_pointer (&config, eyl_worker_config_unref);
}

double
_eyl_window_walkup_layer_distance (const char         *name,
                                   const EylPlacement *placement)
{
  double scene_m = placement != NULL && placement->distance_m > 0 ? placement->distance_m
                                                                  : EYL_WALKUP_LAYER_DEFAULT_M;
  double distance_m;

  if (name == NULL || !g_str_has_prefix (name, "walkup-"))
    return scene_m;
  name += strlen ("walkup-");
  /* The scene's own viewing distance (the one its checks use). */
  if (g_str_equal (name, "scene"))
    return scene_m;
  /* The nearest step of the scene's walk-up (in the hand, or its reading
   * distance when nearer than the stand). */
  if (g_str_equal (name, "near") && placement != NULL)
    {
      double steps[EYL_WALKUP_MAX_VIEWS];
      guint  n = eyl_walkup_distances (placement, steps);

      return n > 0 ? steps[n - 1] : scene_m;
    }
  distance_m = g_ascii_strtod (name, NULL);
  return distance_m > 0 && isfinite (distance_m) ? distance_m : scene_m;
}

/* The layer over the page: "none", "attention" or "walkup-D" (seen from
 * D metres, "scene": the scene's viewing distance, "near": its nearest
 * walk-up step), redrawn when the page or its analysis changes. */
void
_eyl_window_update_page_layer (EylWindow *self)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (self), "page-layer");
  const char      *name = state != NULL ? g_variant_get_string (state, NULL) : "none";
  EylPageAnalysis *analysis = eyl_document_view_get_analysis (self->document_view);
  gboolean         on = g_strcmp0 (name, "none") != 0 && self->current != NULL && analysis != NULL &&
                analysis->placement != NULL;
  VisitorData *data;

  if (on && analysis == self->layer_analysis && g_strcmp0 (name, self->layer_name) == 0)
    return;
  /* A new question: what was asked before is dropped when it comes. */
  self->layer_serial++;
  g_clear_pointer (&self->layer_analysis, eyl_page_analysis_unref);
  g_clear_pointer (&self->layer_name, g_free);
  eyl_page_view_set_layer (self->page_view, NULL, NULL);
  if (!on)
    return;
  self->layer_analysis = eyl_page_analysis_ref (analysis);
  self->layer_name = g_strdup (name);
  if (g_str_equal (name, "attention"))
    data = visitor_data_new (self, VISITOR_LAYER_ATTENTION, analysis);
  else if (g_str_has_prefix (name, "walkup-"))
    {
      data = visitor_data_new (self, VISITOR_LAYER_WALKUP, analysis);
      data->distance_m = _eyl_window_walkup_layer_distance (name, analysis->placement);
    }
  else
    return;
  data->serial = self->layer_serial;
  visitor_render (self, data);
}

static void
page_layer_state_cb (GAction    *action,
                     GParamSpec *pspec,
                     EylWindow  *self)
{
  _eyl_window_update_page_layer (self);
}

/* win.cvd-view: "none" or an EylCvd's id. */
static void
cvd_state_cb (GAction    *action,
              GParamSpec *pspec,
              EylWindow  *self)
{
  g_autoptr(GVariant) state = g_action_get_state (action);
  EylCvd cvd;

  eyl_page_view_set_cvd (self->page_view,
                         eyl_cvd_from_string (g_variant_get_string (state, NULL), &cvd) ? (int) cvd : -1);
}

void
_eyl_window_update_visitor_views (EylWindow *self)
{
  for (VisitorView view = VISITOR_ATTENTION; view <= VISITOR_WALKUP; view++)
    {
      GtkWindow      **slot = view == VISITOR_ATTENTION ? &self->attention_window : &self->walkup_window;
      EylPageAnalysis *analysis = eyl_document_view_get_analysis (self->document_view);

      if (!visitor_view_on (self, view))
        {
          if (*slot != NULL)
            gtk_window_destroy (*slot);
          g_clear_weak_pointer (slot);
          g_clear_weak_pointer (&self->visitor_pictures[view]);
          g_clear_pointer (&self->visitor_analyses[view], eyl_page_analysis_unref);
          continue;
        }
      /* Nothing to show before a document is open. */
      if (*slot == NULL && self->current == NULL)
        continue;
      if (*slot == NULL)
        {
          g_clear_pointer (&self->visitor_analyses[view], eyl_page_analysis_unref);
          g_set_weak_pointer (slot, visitor_window_new (self, view));
          gtk_window_present (*slot);
        }
      if (self->current == NULL || analysis == NULL || analysis->placement == NULL)
        {
          if (self->visitor_pictures[view] != NULL)
            gtk_picture_set_paintable (self->visitor_pictures[view], NULL);
          g_clear_pointer (&self->visitor_analyses[view], eyl_page_analysis_unref);
          continue;
        }
      /* The view is redrawn only when the page shown changes. */
      if (self->visitor_analyses[view] == analysis)
        continue;
      g_clear_pointer (&self->visitor_analyses[view], eyl_page_analysis_unref);
      self->visitor_analyses[view] = eyl_page_analysis_ref (analysis);
      visitor_render (self, visitor_data_new (self, view, analysis));
    }
  _eyl_window_update_page_layer (self);
  _eyl_window_update_front_panel (self);
}

static void
visitor_state_cb (GAction    *action,
                  GParamSpec *pspec,
                  EylWindow  *self)
{
  _eyl_window_update_visitor_views (self);
}

static void
visitor_toggle_cb (GSimpleAction *action,
                   GVariant      *value,
                   gpointer       data)
{
  g_simple_action_set_state (action, value);
}

void
_eyl_window_visitor_views_init (EylWindow *self)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  if (self->settings != NULL)
    g_object_get (self->settings, "settings-schema", &schema, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (visitor_actions); i++)
    {
      g_autoptr(GAction) action = NULL;

      /* Remembered in GSettings when the schema has the key. */
      if (schema != NULL && g_settings_schema_has_key (schema, visitor_actions[i]))
        action = g_settings_create_action (self->settings, visitor_actions[i]);
      else
        {
          action = G_ACTION (g_simple_action_new_stateful (visitor_actions[i], NULL,
                                                           g_variant_new_boolean (FALSE)));
          g_signal_connect (action, "change-state", G_CALLBACK (visitor_toggle_cb), NULL);
        }
      g_action_map_add_action (G_ACTION_MAP (self), action);
      g_signal_connect_object (action, "notify::state", G_CALLBACK (visitor_state_cb), self, 0);
    }
  {
    static const struct
    {
      const char *name;
      GCallback   changed;
    } layers[] = {
      { "page-layer", G_CALLBACK (page_layer_state_cb) },
      { "cvd-view", G_CALLBACK (cvd_state_cb) },
    };

    for (guint i = 0; i < G_N_ELEMENTS (layers); i++)
      {
        g_autoptr(GSimpleAction) action =
                       g_simple_action_new_stateful (layers[i].name, G_VARIANT_TYPE_STRING,
                                                     g_variant_new_string ("none"));

        g_signal_connect (action, "change-state", G_CALLBACK (visitor_toggle_cb), NULL);
        g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
        g_signal_connect_object (action, "notify::state", layers[i].changed, self, 0);
      }
  }
}

/* The window's action group can outlive the window (GTK keeps it while
 * a muxer still refers to it); a settings action left in it would pass a
 * later change of its key on to the finalized window. */
void
_eyl_window_visitor_views_dispose (EylWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (visitor_actions); i++)
    {
      g_action_map_remove_action (G_ACTION_MAP (self), visitor_actions[i]);
      g_clear_weak_pointer (&self->visitor_pictures[i]);
      g_clear_pointer (&self->visitor_analyses[i], eyl_page_analysis_unref);
    }
}

/* ------------------------------------------------------------------ */
/* Undo of placement edits                                              */

static void
undo_state_cb (EylWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 eyl_placement_panel_can_undo (self->placement_panel));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 eyl_placement_panel_can_redo (self->placement_panel));
}

/* Another preset is a big change: a toast offers to take it back, as
 * GNOME apps do after deleting; smaller edits undo with Ctrl+Z. */
static void
placement_edited_cb (EylWindow  *self,
                     const char *preset)
{
  g_autofree char *title = NULL;
  AdwToast        *toast;

  if (preset == NULL)
    return;
  /* Translators: %s is a placement preset, "Roll-up banner behind a table" */
  title = g_strdup_printf (_("Placement: %s"), preset);
  /* The toast shown or waiting says the latest: never dismissed, as
   * dismissing one during its show animation crashes libadwaita 1.2's
   * toast overlay. */
  if (self->undo_toast != NULL)
    {
      adw_toast_set_title (self->undo_toast, title);
      return;
    }
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  g_set_weak_pointer (&self->undo_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* ------------------------------------------------------------------ */
/* A pack's front panel, chosen by a click                              */

/* win.choose-front-panel is on while a click picks the panel; it can be
 * turned on where the page shown has a net; win.front-panel-auto gives
 * the choice back to the check.  The choice belongs to the document and
 * changes what the worker reads (--front-panel): the document is read
 * again. */
static void update_net_quantity (EylWindow *self);

void
_eyl_window_update_front_panel (EylWindow *self)
{
  EylPageAnalysis *analysis = eyl_document_view_get_analysis (self->document_view);
  gboolean         net = analysis != NULL && analysis->packaging != NULL &&
                 analysis->packaging->panels != NULL && analysis->packaging->panels->len >= 2;
  GAction *choose = g_action_map_lookup_action (G_ACTION_MAP (self), "choose-front-panel");
  GAction *automatic = g_action_map_lookup_action (G_ACTION_MAP (self), "front-panel-auto");

  if (choose == NULL)
    return;
  if (!net)
    g_simple_action_set_state (G_SIMPLE_ACTION (choose), g_variant_new_boolean (FALSE));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (choose), net);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (automatic),
                               self->current != NULL &&
                                   eyl_document_item_get_front_panel (self->current) > 0);
  update_net_quantity (self);
}

static void
choose_panel_changed_cb (GSimpleAction *action,
                         GVariant      *value,
                         EylWindow     *self)
{
  g_simple_action_set_state (action, value);
  eyl_page_view_set_choosing_panel (self->page_view, g_variant_get_boolean (value));
}

static void
set_front_panel (EylWindow *self,
                 int        front_panel)
{
  if (self->current == NULL)
    return;
  eyl_document_item_set_front_panel (self->current, front_panel);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.reload", NULL);
  _eyl_window_update_front_panel (self);
}

static void
front_panel_auto_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     EylWindow     *self)
{
  set_front_panel (self, 0);
}

static void
panel_clicked_cb (EylWindow *self,
                  int        index)
{
  EylPageAnalysis *analysis = eyl_document_view_get_analysis (self->document_view);
  const EylPanel  *panel;

  if (analysis == NULL || analysis->packaging == NULL ||
      index < 0 || (guint) index >= analysis->packaging->panels->len)
    return;
  panel = &g_array_index (analysis->packaging->panels, EylPanel, index);
  if (panel->glue)
    {
      AdwToast *toast;

      /* One at a time, however often the flap is clicked. */
      if (self->panel_toast != NULL)
        return;
      toast = adw_toast_new (_("The glue flap is inside the pack: choose another panel"));
      g_set_weak_pointer (&self->panel_toast, toast);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }
  g_action_group_change_action_state (G_ACTION_GROUP (self), "choose-front-panel",
                                      g_variant_new_boolean (FALSE));
  /* The net's tag ("N · front panel") and the reason in the findings
   * say which one it is once the document is read again. */
  if (index != analysis->packaging->front_panel)
    set_front_panel (self, index + 1);
}

/* ------------------------------------------------------------------ */
/* A pack's net quantity, marked by a click                             */

/* win.mark-net-quantity is on while a click on a page's text marks it as
 * the net quantity (where the label rules cannot tell), or a drag marks
 * a box round it (the view's marking band, as for a logo); Escape
 * (win.cancel-marking) ends it.  The mark belongs to the document, goes
 * to the worker as --net-quantity-mm and the document is read again;
 * win.net-quantity-auto forgets it. */
static void
update_net_quantity (EylWindow *self)
{
  GAction *mark = g_action_map_lookup_action (G_ACTION_MAP (self), "mark-net-quantity");
  GAction *automatic = g_action_map_lookup_action (G_ACTION_MAP (self), "net-quantity-auto");
  gboolean page = eyl_document_view_get_analysis (self->document_view) != NULL;

  if (mark == NULL)
    return;
  if (!page)
    g_action_group_change_action_state (G_ACTION_GROUP (self), "mark-net-quantity",
                                        g_variant_new_boolean (FALSE));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (mark), page);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (automatic),
                               self->current != NULL &&
                                   !eyl_rect_is_empty (eyl_document_item_get_net_quantity (self->current)));
}

static gboolean
marking_net_quantity (EylWindow *self)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (self),
                                                                "mark-net-quantity");

  return state != NULL && g_variant_get_boolean (state);
}

static void
mark_net_changed_cb (GSimpleAction *action,
                     GVariant      *value,
                     EylWindow     *self)
{
  gboolean on = g_variant_get_boolean (value);

  if (on == marking_net_quantity (self))
    return;
  /* One marking at a time: a logo's or the net quantity's. */
  if (on && self->mark_logo)
    g_object_set (self, "mark-logo", FALSE, NULL);
  g_simple_action_set_state (action, value);
  eyl_page_view_set_marking (self->page_view, on || self->mark_logo);
  if (on)
    eyl_window_add_toast (self, _("Click the net quantity’s text or drag a box around it "
                                  "(Esc to stop)"));
}

/* A logo marked meanwhile ends the net quantity's marking. */
static void
mark_logo_notify_cb (EylWindow *self)
{
  if (self->mark_logo && marking_net_quantity (self))
    g_action_group_change_action_state (G_ACTION_GROUP (self), "mark-net-quantity",
                                        g_variant_new_boolean (FALSE));
}

static void
set_net_quantity (EylWindow     *self,
                  const EylRect *box_mm)
{
  if (self->current == NULL)
    return;
  eyl_document_item_set_net_quantity (self->current, box_mm);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.reload", NULL);
  update_net_quantity (self);
}

static void
net_quantity_auto_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      EylWindow     *self)
{
  set_net_quantity (self, NULL);
}

/* The smallest text under page point @px, @py: a line of the text layer,
 * else a text element. */
static gboolean
text_box_at (EylPageAnalysis *analysis,
             double           px,
             double           py,
             EylRect         *box)
{
  const EylPageData *text = analysis->read != NULL ? analysis->read->text_layer : NULL;
  double             best = G_MAXDOUBLE;

  for (guint i = 0; text != NULL && text->lines != NULL && i < text->lines->len; i++)
    {
      const EylTextLine *line = &g_array_index (text->lines, EylTextLine, i);
      double             area = eyl_rect_width (&line->box) * eyl_rect_height (&line->box);

      if (!line->garbled && eyl_rect_contains_point (&line->box, px, py) && area < best)
        best = area, *box = line->box;
    }
  for (guint i = 0; best == G_MAXDOUBLE && analysis->elements != NULL && i < analysis->elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (analysis->elements, i);
      double            area = eyl_rect_width (&el->box) * eyl_rect_height (&el->box);

      if (el->text != NULL && el->cap_height > 0 && eyl_rect_contains_point (&el->box, px, py) &&
          area < best)
        best = area, *box = el->box;
    }
  return best < G_MAXDOUBLE;
}

gboolean
_eyl_window_mark_net_quantity_at (EylWindow *self,
                                  double     x,
                                  double     y)
{
  EylPageAnalysis *analysis = eyl_document_view_get_analysis (self->document_view);
  double           ox, oy, ax, ay, px, py;
  EylRect          box = { 0 };

  if (!marking_net_quantity (self) || analysis == NULL)
    return FALSE;
  /* The view maps page pt onto the widget by a scale and an offset. */
  eyl_page_view_page_to_widget (self->page_view, 0, 0, &ox, &oy);
  eyl_page_view_page_to_widget (self->page_view, 1000, 1000, &ax, &ay);
  if (ax == ox || ay == oy)
    return FALSE;
  px = (x - ox) * 1000 / (ax - ox);
  py = (y - oy) * 1000 / (ay - oy);
  if (!text_box_at (analysis, px, py, &box))
    {
      eyl_window_add_toast (self, _("Click on the text of the net quantity, or drag a box "
                                    "around it"));
      return TRUE;
    }
  /* The line's box, as a dragged box is taken. */
  return _eyl_window_mark_net_quantity_box (self, &box);
}

/* A click on released, where it went down; a press that moves on is a
 * drag, whose box the view's band gives (below). */
static void
net_click_pressed_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      EylWindow       *self)
{
  self->net_press_x = x;
  self->net_press_y = y;
}

static void
net_click_released_cb (GtkGestureClick *gesture,
                       int              n_press,
                       double           x,
                       double           y,
                       EylWindow       *self)
{
  /* The view takes a band of 4 px or more for a region. */
  if (fabs (x - self->net_press_x) >= 4 || fabs (y - self->net_press_y) >= 4)
    return;
  if (!_eyl_window_mark_net_quantity_at (self, x, y))
    return;
  /* The view's own click (a finding's marker under the text) is not
   * made; claimed at the release, the gesture is reset so the claim does
   * not hold the pointer's next press from the view's drag. */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_event_controller_reset (GTK_EVENT_CONTROLLER (gesture));
}

gboolean
_eyl_window_mark_net_quantity_box (EylWindow     *self,
                                   const EylRect *box)
{
  EylRect box_mm;

  if (!marking_net_quantity (self) || eyl_document_view_get_analysis (self->document_view) == NULL || eyl_rect_is_empty (box))
    return FALSE;
  box_mm = (EylRect) { box->x0 * EYL_MM_PER_PT, box->y0 * EYL_MM_PER_PT, box->x1 * EYL_MM_PER_PT,
                       box->y1 * EYL_MM_PER_PT };
  g_action_group_change_action_state (G_ACTION_GROUP (self), "mark-net-quantity",
                                      g_variant_new_boolean (FALSE));
  set_net_quantity (self, &box_mm);
  return TRUE;
}

/* The view's band, dragged while marking: the box in page pt. */
static void
net_region_marked_cb (EylPageView *view,
                      double       x0,
                      double       y0,
                      double       x1,
                      double       y1,
                      EylWindow   *self)
{
  EylRect box = { x0, y0, x1, y1 };

  _eyl_window_mark_net_quantity_box (self, &box);
}

static void
net_quantity_actions_init (EylWindow *self)
{
  g_autoptr(GSimpleAction) mark =
                 g_simple_action_new_stateful ("mark-net-quantity", NULL, g_variant_new_boolean (FALSE));
  g_autoptr(GSimpleAction) automatic = g_simple_action_new ("net-quantity-auto", NULL);
  GtkGesture *click = gtk_gesture_click_new ();

  g_signal_connect_object (mark, "change-state", G_CALLBACK (mark_net_changed_cb), self, 0);
  g_signal_connect_object (automatic, "activate", G_CALLBACK (net_quantity_auto_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (mark));
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (automatic));
  /* Before the view's own clicks, only while marking; a drag is the
   * view's (its band, "region-marked"). */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (net_click_pressed_cb), self, 0);
  g_signal_connect_object (click, "released", G_CALLBACK (net_click_released_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->page_view), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_object (self->page_view, "region-marked", G_CALLBACK (net_region_marked_cb),
                           self, 0);
  g_signal_connect_object (self, "notify::mark-logo", G_CALLBACK (mark_logo_notify_cb), self,
                           G_CONNECT_SWAPPED);
  update_net_quantity (self);
}

void
_eyl_window_placement_actions_init (EylWindow *self)
{
  {
    g_autoptr(GSimpleAction) choose =
                   g_simple_action_new_stateful ("choose-front-panel", NULL, g_variant_new_boolean (FALSE));
    g_autoptr(GSimpleAction) automatic = g_simple_action_new ("front-panel-auto", NULL);

    g_signal_connect_object (choose, "change-state", G_CALLBACK (choose_panel_changed_cb), self, 0);
    g_signal_connect_object (automatic, "activate", G_CALLBACK (front_panel_auto_cb), self, 0);
    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (choose));
    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (automatic));
    g_signal_connect_object (self->page_view, "panel-clicked", G_CALLBACK (panel_clicked_cb),
                             self, G_CONNECT_SWAPPED);
    _eyl_window_update_front_panel (self);
  }
  net_quantity_actions_init (self);
  g_signal_connect_object (self->placement_panel, "notify::can-undo", G_CALLBACK (undo_state_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->placement_panel, "notify::can-redo", G_CALLBACK (undo_state_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->placement_panel, "edited", G_CALLBACK (placement_edited_cb),
                           self, G_CONNECT_SWAPPED);
  undo_state_cb (self);
}
