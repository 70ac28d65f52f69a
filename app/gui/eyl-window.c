/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-window.c: the main window.
 *
 * Every open file is an EylDocumentItem in a list model; each is checked
 * in the core's worker process (eyl_worker_check_file_async), at most
 * MAX_CHECKS at a time, the current document first.  A file is rendered
 * for display only once its worker came back with a clean result, so a
 * PDF that hangs or crashes Poppler costs an error state, never the
 * window.  The worker's answer keeps what it read on every page: changing
 * the placement, the viewers or the legibility standard evaluates every
 * document again here, at once (DESIGN.md 3.5); only another real size or
 * brand kit sends the documents to a worker again.  The win.* actions are
 * in eyl-window-actions.c; brand kits, the export and the comparison in
 * eyl-window-kits.c, eyl-window-export.c and eyl-window-compare.c. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-window"

#include <math.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "eyl-window-private.h"
#include "eyl-document-row.h"
#include "eyl-password-dialog.h"
#include "eyl-brand-kit-dialog.h"
#include "eyl-export-dialog.h"
#include "eyl-export-job.h"
#include "eyl-rules.h"
#include "eyl-placement-panel.h"
#include "eyl-scene-view.h"
#include "eyl-worker.h"
#include "eyl-batch.h"

/* Documents checked at once: each check is a process with its own
 * Poppler; half the cores (2 to 4) keep a batch moving without starving
 * the current one or the page rendering. */
#define MAX_CHECKS (CLAMP (g_get_num_processors () / 2, 2u, 4u))

G_DEFINE_FINAL_TYPE (EylWindow, eyl_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_SHOW_EYE_BAND,
  PROP_SHOW_HIDDEN,
  PROP_SHOW_ELEMENTS,
  PROP_SHOW_MARKERS,
  PROP_SHOW_LABELS,
  PROP_SHOW_ZONE_LABELS,
  PROP_MARK_LOGO,
  PROP_SHOW_SIDEBAR,
  PROP_SHOW_FINDINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ */
/* Small helpers                                                        */

void
eyl_window_add_toast (EylWindow  *self,
                      const char *title)
{
  g_return_if_fail (EYL_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* The worker: $EYL_WORKER (read by the core), else eyeline-worker of
 * the build tree, else the installed one (eyl_worker_find_exe, as
 * eyeline-cli finds it). */
char *
_eyl_window_find_worker_exe (void)
{
  return eyl_worker_find_exe ();
}

/* ------------------------------------------------------------------ */
/* Checks in the worker process                                         */

/* The window is held weakly: closing it must dispose it, and disposing it
 * is what cancels the checks and stops their workers. */
typedef struct
{
  GWeakRef         self;
  EylDocumentItem *item;
  GCancellable    *cancellable;
  EylWorkerConfig *config;
  int              priority;
  char            *snapshot; /* what the worker checks, until the item takes it */
} CheckData;

static void
check_data_free (CheckData *data)
{
  g_weak_ref_clear (&data->self);
  g_object_unref (data->item);
  g_object_unref (data->cancellable);
  g_clear_pointer (&data->config, eyl_worker_config_unref);
  eyl_document_item_discard_snapshot_free (data->snapshot);
  g_free (data);
}

/* @result evaluated here with the panel's options and @item's kit, or
 * NULL when that needs a new read (eyl_file_result_evaluate). */
EylFileResult *
_eyl_window_evaluate_item (EylWindow       *self,
                           EylDocumentItem *item,
                           EylFileResult   *result)
{
  g_autoptr(EylBrandKit) kit = NULL;
  EylAnalysisOptions options;

  eyl_analysis_options_init (&options);
  eyl_placement_panel_get_options (self->placement_panel, &options);
  /* The kit's names too: another name is evaluated here, another
   * contact needs a new read (eyl_evaluate_needs_read). */
  kit = _eyl_window_dup_item_kit (self, item);
  /* No kit is an empty one: names read with a kit are not kept. */
  if (kit == NULL)
    kit = eyl_brand_kit_new ();
  options.brand_kit = kit;
  return eyl_file_result_evaluate (result, &options);
}

EylWorkerConfig *
_eyl_window_make_worker_config (EylWindow       *self,
                                EylDocumentItem *item)
{
  g_autofree char *exe = _eyl_window_find_worker_exe ();
  g_auto(EylCheckSettings) settings = { 0 };
  EylWorkerConfig *config = eyl_worker_config_new (exe);

  eyl_placement_panel_get_check_settings (self->placement_panel, &settings);
  if (eyl_document_item_get_kit (item) != NULL)
    {
      /* A kit of its own: the window's kit left out, the worker reads
       * this one (its logos too). */
      g_free (settings.brand_kit);
      settings.brand_kit = _eyl_window_dup_item_kit_path (self, item);
    }
  else if (settings.brand_kit != NULL && self->kit_prepared != NULL && self->kit_cancellable == NULL)
    {
      /* The kit of the logos as read once, not the logo files. */
      g_free (settings.brand_kit);
      settings.brand_kit = g_strdup (self->kit_prepared);
    }
  settings.front_panel = MAX (eyl_document_item_get_front_panel (item), 0);
  settings.net_quantity_mm = *eyl_document_item_get_net_quantity (item);
  eyl_worker_config_set_settings (config, &settings);
  if (eyl_document_item_get_password (item) != NULL)
    config->password = g_strdup (eyl_document_item_get_password (item));
  /* Preferences → Damaged Files: a file that loops in the PDF engine
   * costs this much per page, not a frozen batch. */
  if (self->settings != NULL)
    config->timeout_s = g_settings_get_uint (self->settings, "time-budget");
  return config;
}

/* What the Read stage depends on among the worker's settings (the real
 * size, the pixel options, the brand kit): when it changes, every
 * document is read again by a worker; anything else is evaluated here
 * (DESIGN.md 3.5). */
static char *
dup_read_key (EylWindow *self)
{
  g_auto(EylCheckSettings) settings = { 0 };

  eyl_placement_panel_get_check_settings (self->placement_panel, &settings);
  return eyl_check_settings_dup_read_key (&settings);
}

/* Stores @result for @item evaluated with the panel's options as they are
 * now (they may have changed while the worker read the file). */
static void
set_evaluated_result (EylWindow       *self,
                      EylDocumentItem *item,
                      EylFileResult   *result)
{
  g_autoptr(EylFileResult) evaluated = NULL;

  if (self->placement_panel == NULL)
    {
      eyl_document_item_set_result (item, result);
      return;
    }
  evaluated = _eyl_window_evaluate_item (self, item, result);
  eyl_document_item_set_result (item, evaluated != NULL ? evaluated : result);
}

/* The placement, the viewers or the legibility standard changed: every
 * document read before is evaluated again here, at once; a document whose
 * real size changes with them is read again by a worker. */
void
_eyl_window_reevaluate_all (EylWindow *self)
{
  guint    n = g_list_model_get_n_items (G_LIST_MODEL (self->documents));
  gboolean queued = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EylDocumentItem) item = g_list_model_get_item (G_LIST_MODEL (self->documents), i);
      EylFileResult *result = eyl_document_item_get_result (item);
      g_autoptr(EylFileResult) evaluated = NULL;

      if (eyl_document_item_get_status (item) != EYL_DOCUMENT_DONE || result == NULL)
        continue;
      evaluated = _eyl_window_own_kit_logos_changed (self, item) ? NULL : _eyl_window_evaluate_item (self, item, result);
      if (evaluated != NULL)
        {
          eyl_document_item_set_result (item, evaluated);
          continue;
        }
      eyl_document_item_set_status (item, EYL_DOCUMENT_QUEUED);
      queued = TRUE;
    }
  if (queued)
    _eyl_window_schedule_checks (self);
  else if (self->current != NULL)
    _eyl_window_update_view (self);
}

static void
replace_in (char      **text,
            const char *from,
            const char *to)
{
  GString *string;

  if (*text == NULL || strstr (*text, from) == NULL)
    return;
  string = g_string_new (*text);
  g_string_replace (string, from, to, 0);
  g_free (*text);
  *text = g_string_free (string, FALSE);
}

static void
restore_path (EylFileResult *result,
              const char    *snapshot,
              const char    *path)
{
  replace_in (&result->error_message, snapshot, path);
  for (guint i = 0; i < result->warnings->len; i++)
    replace_in ((char **) &result->warnings->pdata[i], snapshot, path);
  g_free (result->path);
  result->path = g_strdup (path);
}

static void
check_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  CheckData *data = user_data;
  g_autoptr(EylWindow) self = g_weak_ref_get (&data->self);
  g_autoptr(EylFileResult) file_result = eyl_scheduler_check_file_finish (result);
  gboolean prompt;

  /* Cancelled: the user moved on, or the window went away. */
  if (self == NULL || g_cancellable_is_cancelled (data->cancellable) ||
      eyl_document_item_get_cancellable (data->item) != data->cancellable)
    {
      check_data_free (data);
      return;
    }

  eyl_document_item_set_cancellable (data->item, NULL);
  /* The worker read the snapshot: the report names the file itself. */
  if (data->snapshot != NULL)
    restore_path (file_result, data->snapshot, eyl_document_item_get_path (data->item));
  eyl_document_item_set_snapshot (data->item, g_steal_pointer (&data->snapshot));
  set_evaluated_result (self, data->item, file_result);
  g_debug ("%s: %s", eyl_document_item_get_title (data->item),
           file_result->ok ? "checked" : file_result->error_message);

  prompt = data->item == self->current &&
           eyl_document_item_get_status (data->item) == EYL_DOCUMENT_LOCKED;
  if (data->item == self->current)
    _eyl_window_update_view (self);
  if (prompt)
    _eyl_window_ask_password (self);
  _eyl_window_update_compare (self);
  _eyl_window_schedule_checks (self);
  check_data_free (data);
}

/* The scheduler starts the worker: the document is being checked now. */
static void
check_started (gpointer user_data)
{
  CheckData *data = user_data;

  if (eyl_document_item_get_cancellable (data->item) == data->cancellable)
    eyl_document_item_set_status (data->item, EYL_DOCUMENT_ANALYSING);
}

/* The file is copied: the worker checks the copy, and the page view
 * renders the copy it checked (DESIGN.md "Isolation").  A file that
 * cannot be copied (a FIFO, unreadable, gone) goes to the worker as it
 * is, which says what is wrong with it; nothing is rendered then. */
static void
snapshot_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  CheckData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(EylWindow) self = g_weak_ref_get (&data->self);

  data->snapshot = eyl_document_item_snapshot_finish (data->item, result, &error);
  if (self == NULL || g_cancellable_is_cancelled (data->cancellable) ||
      eyl_document_item_get_cancellable (data->item) != data->cancellable)
    {
      check_data_free (data);
      return;
    }
  if (data->snapshot == NULL)
    g_debug ("%s: no snapshot: %s", eyl_document_item_get_title (data->item), error->message);
  eyl_scheduler_check_file_async (self->scheduler, data->config,
                                  data->snapshot != NULL ? data->snapshot
                                                         : eyl_document_item_get_path (data->item),
                                  data->priority, data->cancellable,
                                  check_started, check_done, data);
}

/* Queues @item's check on the scheduler; it waits (queued) until a worker
 * is free, the current document first (@priority). */
static void
start_check (EylWindow       *self,
             EylDocumentItem *item,
             int              priority)
{
  g_autoptr(EylWorkerConfig) config = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  CheckData  *data;
  const char *path = eyl_document_item_get_path (item);

  eyl_document_item_cancel (item);
  if (path == NULL)
    {
      g_autoptr(GError) error = g_error_new (EYL_ERROR, EYL_ERROR_NOT_FOUND,
                                              _("Only local files can be checked."));
      g_autoptr(EylFileResult) failed =
                     eyl_file_result_new_error (eyl_document_item_get_title (item), error);

      eyl_document_item_set_result (item, failed);
      return;
    }

  config = _eyl_window_make_worker_config (self, item);
  if (eyl_document_item_get_kit (item) != NULL)
    {
      g_autoptr(EylBrandKit) kit = _eyl_window_dup_item_kit (self, item);
      g_autofree char *logos = kit != NULL ? eyl_brand_kit_dup_logos_key (kit) : NULL;

      eyl_document_item_set_kit_logos (item, logos != NULL ? logos : "");
    }
  else
    eyl_document_item_set_kit_logos (item, NULL);
  g_free (self->read_key);
  self->read_key = dup_read_key (self);
  eyl_document_item_set_cancellable (item, cancellable);
  eyl_document_item_set_status (item, EYL_DOCUMENT_QUEUED);

  data = g_new0 (CheckData, 1);
  g_weak_ref_init (&data->self, self);
  data->item = g_object_ref (item);
  data->cancellable = g_object_ref (cancellable);
  data->config = g_steal_pointer (&config);
  data->priority = priority;
  eyl_document_item_snapshot_async (item, cancellable, snapshot_done, data);
}

/* ------------------------------------------------------------------ */

/* Queued and not on the scheduler yet. */
static gboolean
needs_check (EylDocumentItem *item)
{
  return eyl_document_item_get_status (item) == EYL_DOCUMENT_QUEUED &&
         eyl_document_item_get_cancellable (item) == NULL;
}

/* Starts checks up to MAX_CHECKS, the current document first. */
void
_eyl_window_schedule_checks (EylWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->documents));
  guint running = 0;

  /* The documents stay queued while the kit's logos are read. */
  if (n > 0 && self->placement_panel != NULL && !_eyl_window_kit_ready (self))
    {
      if (self->current != NULL)
        _eyl_window_update_view (self);
      return;
    }

  /* Checks on the scheduler (running, or waiting behind an export). */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EylDocumentItem) item = g_list_model_get_item (G_LIST_MODEL (self->documents), i);

      if (eyl_document_item_get_cancellable (item) != NULL)
        running++;
    }
  /* The current document first, without waiting for a slot; then the
   * others in list order as slots free up, so that the list is checked
   * from the top whatever order the files were opened in. */
  if (self->current != NULL && needs_check (self->current))
    {
      start_check (self, self->current, EYL_SCHEDULER_PRIORITY_URGENT);
      running++;
    }
  for (guint i = 0; i < n && running < MAX_CHECKS; i++)
    {
      g_autoptr(EylDocumentItem) item = g_list_model_get_item (G_LIST_MODEL (self->documents), i);

      if (needs_check (item))
        {
          start_check (self, item, 0);
          running++;
        }
    }
  if (self->current != NULL)
    _eyl_window_update_view (self);
}

/* The options changed: every document is checked again (the running
 * checks are cancelled; results stay on screen until the new ones come). */
void
_eyl_window_recheck_all (EylWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->documents));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EylDocumentItem) item = g_list_model_get_item (G_LIST_MODEL (self->documents), i);
      EylDocumentStatus status = eyl_document_item_get_status (item);

      eyl_document_item_cancel (item);
      if (status != EYL_DOCUMENT_LOCKED)
        eyl_document_item_set_status (item, EYL_DOCUMENT_QUEUED);
    }
  _eyl_window_schedule_checks (self);
}

/* The placement panel changed: the documents are read again when what
 * the worker reads changed, else evaluated again here. */
static void
placement_changed_cb (EylDocumentView *view,
                      EylWindow       *self)
{
  g_autofree char *read_key = dup_read_key (self);

  if (g_strcmp0 (read_key, self->read_key) != 0)
    _eyl_window_recheck_all (self);
  else
    _eyl_window_reevaluate_all (self);
}

/* ------------------------------------------------------------------ */
/* Password                                                             */

static void
password_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      EylWindow        *self)
{
  self->password_dialog = NULL;
  if (g_strcmp0 (response, "unlock") == 0)
    {
      /* A check without the password may be running (the file changed
       * on disk meanwhile): the one with it replaces it. */
      if (self->current != NULL &&
          eyl_document_item_get_status (self->current) == EYL_DOCUMENT_QUEUED)
        eyl_document_item_cancel (self->current);
      _eyl_window_schedule_checks (self);
    }
}

void
_eyl_window_ask_password (EylWindow *self)
{
  GtkWidget *dialog;

  if (self->current == NULL || self->password_dialog != NULL ||
      eyl_document_item_get_status (self->current) != EYL_DOCUMENT_LOCKED)
    return;

  dialog = eyl_password_dialog_new (GTK_WINDOW (self), self->current);
  /* After the dialog's own handler has given the item its password. */
  g_signal_connect_object (dialog, "response", G_CALLBACK (password_response_cb), self,
                           G_CONNECT_AFTER);
  self->password_dialog = ADW_MESSAGE_DIALOG (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog)));
}

/* ------------------------------------------------------------------ */
/* Documents list                                                       */

static GtkWidget *
create_document_row (gpointer item_ptr,
                     gpointer user_data)
{
  return eyl_document_row_new (item_ptr);
}

static void
document_row_selected_cb (GtkListBox    *list,
                          GtkListBoxRow *row,
                          EylWindow     *self)
{
  g_autoptr(EylDocumentItem) item = NULL;

  if (row == NULL)
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->documents),
                                (guint) gtk_list_box_row_get_index (row));
  if (item != NULL && item != self->current)
    _eyl_window_set_current (self, item);
}

static void
documents_changed_cb (GListModel *model,
                      guint       position,
                      guint       removed,
                      guint       added,
                      EylWindow  *self)
{
  guint n = g_list_model_get_n_items (model);

  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_button), n > 1);
  /* A batch: show the list once; afterwards the user decides. */
  if (n > 1 && !self->sidebar_shown_once)
    {
      self->sidebar_shown_once = TRUE;
      adw_flap_set_reveal_flap (self->flap, TRUE);
    }
  else if (n <= 1)
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

/* ------------------------------------------------------------------ */
/* Opening                                                              */

static void
add_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

/* The file was written or replaced since its check: what the window
 * shows was read from the bytes before (the snapshot), until the new
 * check is done. */
static void
document_changed_cb (EylDocumentItem *item,
                     EylWindow       *self)
{
  g_autofree char *text = NULL;

  if (eyl_document_item_get_path (item) == NULL)
    return;
  eyl_document_item_cancel (item);
  eyl_document_item_set_status (item, EYL_DOCUMENT_QUEUED);
  /* Translators: %s is a file name */
  text = g_strdup_printf (_("“%s” changed on disk — checked again"),
                             eyl_document_item_get_title (item));
  eyl_window_add_toast (self, text);
  _eyl_window_schedule_checks (self);
  if (item == self->current)
    _eyl_window_update_view (self);
}

void
eyl_window_open_files (EylWindow *self,
                       GFile    **files,
                       guint      n_files)
{
  EylDocumentItem *first = NULL;
  guint            n = g_list_model_get_n_items (G_LIST_MODEL (self->documents));

  g_return_if_fail (EYL_IS_WINDOW (self));

  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr(EylDocumentItem) item = NULL;
      gboolean found = FALSE;

      for (guint j = 0; j < n && !found; j++)
        {
          g_autoptr(EylDocumentItem) open = g_list_model_get_item (G_LIST_MODEL (self->documents), j);

          if (g_file_equal (eyl_document_item_get_file (open), files[i]))
            {
              found = TRUE;
              if (first == NULL)
                first = open;
            }
        }
      if (found)
        continue;

      item = eyl_document_item_new (files[i]);
      {
        g_autofree char *uri = g_file_get_uri (files[i]);
        g_autofree char *kit = eyl_brand_kit_dup_remembered (uri);

        eyl_document_item_set_kit (item, kit);
      }
      g_signal_connect_object (item, "changed-on-disk", G_CALLBACK (document_changed_cb),
                               self, 0);
      g_list_store_append (self->documents, item);
      add_recent (files[i]);
      if (first == NULL)
        first = item;
    }
  if (first != NULL)
    _eyl_window_set_current (self, first);
  _eyl_window_schedule_checks (self);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         EylWindow     *self)
{
  GSList *list;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  list = g_value_get_boxed (value);
  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  if (files->len == 0)
    return FALSE;
  eyl_window_open_files (self, (GFile **) files->pdata, files->len);
  return TRUE;
}

/* Recent PDFs: in the empty state and in the primary menu, both opening
 * the file with win.open-recent. */
static gint
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *ia = *(GtkRecentInfo **) a, *ib = *(GtkRecentInfo **) b;
  GDateTime     *ta = gtk_recent_info_get_modified (ia), *tb = gtk_recent_info_get_modified (ib);

  return g_date_time_compare (tb, ta);
}

void
_eyl_window_update_recent (EylWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList            *items = gtk_recent_manager_get_items (manager);
  g_autoptr(GPtrArray) pdfs = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GtkWidget *child;
  guint      shown = 0;

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (g_strcmp0 (gtk_recent_info_get_mime_type (info), "application/pdf") == 0 &&
          gtk_recent_info_is_local (info) && gtk_recent_info_exists (info))
        g_ptr_array_add (pdfs, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  g_ptr_array_sort (pdfs, compare_recent);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);
  g_menu_remove_all (self->recent_section);

  for (guint i = 0; i < pdfs->len && shown < 5; i++, shown++)
    {
      GtkRecentInfo   *info = g_ptr_array_index (pdfs, i);
      const char      *uri = gtk_recent_info_get_uri (info);
      g_autofree char *path = g_filename_from_uri (uri, NULL, NULL);
      g_autofree char *dir = path != NULL ? g_path_get_dirname (path) : NULL;
      g_autofree char *dir_display = dir != NULL ? g_filename_display_name (dir) : NULL;
      GtkWidget       *row = adw_action_row_new ();
      g_autofree char *title = g_markup_escape_text (gtk_recent_info_get_display_name (info), -1);
      g_autofree char *subtitle = g_markup_escape_text (dir_display != NULL ? dir_display : "", -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("x-office-document-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-recent");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_string (uri));
      gtk_list_box_append (self->recent_list, row);

      {
        g_autoptr(GMenuItem) menu_item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
        g_menu_item_set_action_and_target_value (menu_item, "win.open-recent",
                                                 g_variant_new_string (uri));
        g_menu_append_item (self->recent_section, menu_item);
      }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recent_box), shown > 0);
}

/* Actions                                                              */

const char *
_eyl_window_visible_page (EylWindow *self)
{
  if (self->current == NULL)
    return "empty";
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "compare") == 0)
    return "compare";
  return eyl_document_view_get_state (self->document_view);
}

static void
page_zoom_changed_cb (EylDocumentView *view,
                      GParamSpec      *pspec,
                      EylWindow       *self)
{
  /* Translators: zoom level in percent */
  g_autofree char *text = g_strdup_printf (_("%.0f %%"), eyl_document_view_get_zoom (view) * 100);

  gtk_menu_button_set_label (self->zoom_menu_button, text);
  gtk_menu_button_set_label (self->zoom_menu_button_compact, text);
}

/* ------------------------------------------------------------------ */
/* GObject                                                              */

static void
toggle_change_state_cb (GSimpleAction *action,
                        GVariant      *value,
                        EylWindow     *self)
{
  g_object_set (self, g_action_get_name (G_ACTION (action)), g_variant_get_boolean (value), NULL);
}

/* The property changed (menu, settings or code): its action's state follows. */
static void
toggle_notify_cb (EylWindow  *self,
                  GParamSpec *pspec,
                  gpointer    data)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), pspec->name);
  gboolean value = FALSE;

  if (action == NULL)
    return;
  g_object_get (self, pspec->name, &value, NULL);
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (value));
}

static void
update_layers (EylWindow *self)
{
  eyl_document_view_set_layers (self->document_view, _eyl_window_current_layers (self));
}

static void
units_changed_cb (GSettings  *settings,
                  const char *key,
                  EylWindow  *self)
{
  eyl_document_view_set_inches (self->document_view, g_settings_get_enum (settings, "units") == EYL_UNITS_IN);
  if (self->current != NULL)
    _eyl_window_update_view (self);
}

/* Every property of the window is a boolean switch: its field. */
static gboolean *
property_slot (EylWindow *self,
               guint      prop_id)
{
  switch (prop_id)
    {
    case PROP_SHOW_EYE_BAND:
      return &self->show_eye_band;
    case PROP_SHOW_HIDDEN:
      return &self->show_hidden;
    case PROP_SHOW_ELEMENTS:
      return &self->show_elements;
    case PROP_SHOW_MARKERS:
      return &self->show_markers;
    case PROP_SHOW_LABELS:
      return &self->show_labels;
    case PROP_SHOW_ZONE_LABELS:
      return &self->show_zone_labels;
    case PROP_MARK_LOGO:
      return &self->mark_logo;
    case PROP_SHOW_SIDEBAR:
      return &self->show_sidebar;
    case PROP_SHOW_FINDINGS:
      return &self->show_findings;
    default:
      return NULL;
    }
}

static void
eyl_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  gboolean *slot = property_slot (EYL_WINDOW (object), prop_id);

  if (slot == NULL)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    g_value_set_boolean (value, *slot);
}

static void
eyl_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  EylWindow *self = EYL_WINDOW (object);
  gboolean   b = g_value_get_boolean (value);
  gboolean  *slot = property_slot (self, prop_id);

  if (slot == NULL)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  if (*slot == b)
    return;
  *slot = b;

  if (prop_id == PROP_MARK_LOGO)
    {
      eyl_page_view_set_marking (self->page_view, b);
      /* A plain timed toast: dismissing one during its show animation
       * crashes libadwaita 1.2's toast overlay. */
      if (b)
        eyl_window_add_toast (self, _("Drag a rectangle around the logo (Esc to stop)"));
    }
  else if (prop_id == PROP_SHOW_SIDEBAR)
    adw_flap_set_reveal_flap (self->flap, b);
  else if (prop_id == PROP_SHOW_FINDINGS)
    eyl_document_view_set_side_revealed (self->document_view, b);
  else
    update_layers (self);
  g_object_notify_by_pspec (object, pspec);
}

/* The flaps fold and unfold by themselves with the window's width: the
 * actions follow them. */
static void
set_revealed (EylWindow *self,
              gboolean  *slot,
              int        prop,
              gboolean   revealed)
{
  if (revealed != *slot)
    {
      *slot = revealed;
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
    }
}

static void
flap_revealed_cb (AdwFlap    *flap,
                  GParamSpec *pspec,
                  EylWindow  *self)
{
  set_revealed (self, &self->show_sidebar, PROP_SHOW_SIDEBAR, adw_flap_get_reveal_flap (flap));
}

static void
side_revealed_cb (EylDocumentView *view,
                  GParamSpec      *pspec,
                  EylWindow       *self)
{
  set_revealed (self, &self->show_findings, PROP_SHOW_FINDINGS,
                eyl_document_view_get_side_revealed (view));
}

static void
eyl_window_dispose (GObject *object)
{
  EylWindow *self = (EylWindow *) object;

  g_clear_pointer (&self->layer_analysis, eyl_page_analysis_unref);
  g_clear_pointer (&self->layer_name, g_free);
  g_clear_weak_pointer (&self->undo_toast);
  g_clear_weak_pointer (&self->panel_toast);
  _eyl_window_visitor_views_dispose (self);
  if (self->documents != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->documents));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(EylDocumentItem) item = g_list_model_get_item (G_LIST_MODEL (self->documents), i);
          eyl_document_item_cancel (item);
        }
    }
  if (self->mark_cancellable != NULL)
    g_cancellable_cancel (self->mark_cancellable);
  g_clear_object (&self->mark_cancellable);
  g_signal_handlers_disconnect_by_data (gtk_recent_manager_get_default (), self);
  if (self->export_job != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->export_job, self);
      eyl_export_job_cancel (self->export_job);
      g_clear_object (&self->export_job);
    }
  g_clear_handle_id (&self->export_pulse_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), EYL_TYPE_WINDOW);

  g_clear_object (&self->current);
  g_clear_object (&self->documents);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->read_key, g_free);
  g_clear_pointer (&self->scheduler, eyl_scheduler_unref);
  if (self->kit_cancellable != NULL)
    g_cancellable_cancel (self->kit_cancellable);
  g_clear_object (&self->kit_cancellable);
  for (guint i = 0; self->kit_dirs != NULL && i < self->kit_dirs->len; i++)
    eyl_worker_remove_kit_dir (g_ptr_array_index (self->kit_dirs, i));
  g_clear_pointer (&self->kit_dirs, g_ptr_array_unref);
  g_clear_pointer (&self->kit_key, g_free);
  g_clear_pointer (&self->kit_logos_key, g_free);
  g_clear_pointer (&self->kit_prepared, g_free);
  g_clear_object (&self->compare_before);
  g_clear_object (&self->compare_after);
  for (guint i = 0; i < G_N_ELEMENTS (self->compare_results); i++)
    g_clear_pointer (&self->compare_results[i], eyl_file_result_unref);

  G_OBJECT_CLASS (eyl_window_parent_class)->dispose (object);
}

static void
eyl_window_class_init (EylWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = eyl_window_dispose;
  object_class->get_property = eyl_window_get_property;
  object_class->set_property = eyl_window_set_property;

  {
    /* Booleans all; the overlay's defaults are the calm ones. */
    static const struct
    {
      guint       id;
      const char *name;
      gboolean    value;
    } booleans[] = {
      { PROP_SHOW_EYE_BAND, "show-eye-band", FALSE },
      { PROP_SHOW_HIDDEN, "show-hidden", TRUE },
      { PROP_SHOW_ELEMENTS, "show-elements", FALSE },
      { PROP_SHOW_MARKERS, "show-markers", TRUE },
      { PROP_SHOW_LABELS, "show-labels", FALSE },
      { PROP_SHOW_ZONE_LABELS, "show-zone-labels", FALSE },
      { PROP_MARK_LOGO, "mark-logo", FALSE },
      { PROP_SHOW_SIDEBAR, "show-sidebar", FALSE },
      { PROP_SHOW_FINDINGS, "show-findings", TRUE },
    };

    for (guint i = 0; i < G_N_ELEMENTS (booleans); i++)
      properties[booleans[i].id] =
          g_param_spec_boolean (booleans[i].name, NULL, NULL, booleans[i].value,
                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  }
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (EYL_TYPE_COMPARE_VIEW);
  g_type_ensure (EYL_TYPE_DOCUMENT_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/eyl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EylWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EylWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, EylWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, EylWindow, zoom_menu_button);
  gtk_widget_class_bind_template_child (widget_class, EylWindow, zoom_menu_button_compact);
  gtk_widget_class_bind_template_child (widget_class, EylWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, EylWindow, recent_box);
  gtk_widget_class_bind_template_child (widget_class, EylWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, EylWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, EylWindow, documents_list);
  gtk_widget_class_bind_template_child (widget_class, EylWindow, export_revealer);
  gtk_widget_class_bind_template_child (widget_class, EylWindow, export_label);
  gtk_widget_class_bind_template_child (widget_class, EylWindow, export_progress);
  gtk_widget_class_bind_template_child (widget_class, EylWindow, side_button);
  gtk_widget_class_bind_template_child (widget_class, EylWindow, zoom_box);
  gtk_widget_class_bind_template_child (widget_class, EylWindow, overlay_button);
  gtk_widget_class_bind_template_child (widget_class, EylWindow, kit_button);
  gtk_widget_class_bind_template_child (widget_class, EylWindow, document_view);
  gtk_widget_class_bind_template_child (widget_class, EylWindow, mark_logo_button);
  gtk_widget_class_bind_template_child (widget_class, EylWindow, recent_section);
  gtk_widget_class_bind_template_callback (widget_class, document_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_zoom_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, placement_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, side_revealed_cb);
  gtk_widget_class_bind_template_child (widget_class, EylWindow, compare_view);

  _eyl_window_class_actions_init (widget_class);
  _eyl_window_kits_class_init (widget_class);
  _eyl_window_compare_class_init (widget_class);
}

static GSettings *
lookup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("Schema %s is not installed: settings are not saved", APPLICATION_ID);
      return NULL;
    }
  return g_settings_new (APPLICATION_ID);
}

static void
eyl_window_init (EylWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->page_view = eyl_document_view_get_page_view (self->document_view);
  self->placement_panel = eyl_document_view_get_placement_panel (self->document_view);
  self->scene_view = eyl_document_view_get_scene_view (self->document_view);
  eyl_document_view_add_overlay (self->document_view, GTK_WIDGET (self->export_revealer));

  _eyl_window_setup_kit_switcher (self);
  /* Calm: what is hidden and the markers; the rest on demand. */
  self->show_hidden = self->show_markers = TRUE;
  self->scheduler = eyl_scheduler_new (MAX_CHECKS);
  self->documents = g_list_store_new (EYL_TYPE_DOCUMENT_ITEM);

  gtk_list_box_bind_model (self->documents_list, G_LIST_MODEL (self->documents),
                           create_document_row, self, NULL);
  g_signal_connect_object (self->documents, "items-changed", G_CALLBACK (documents_changed_cb), self, 0);
  g_signal_connect_object (self->flap, "notify::reveal-flap", G_CALLBACK (flap_revealed_cb), self, 0);
  self->show_findings = eyl_document_view_get_side_revealed (self->document_view);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  self->settings = lookup_settings ();
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "overlay-eye-band", self, "show-eye-band", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "overlay-hidden", self, "show-hidden", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "overlay-elements", self, "show-elements", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "overlay-markers", self, "show-markers", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "overlay-labels", self, "show-labels", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "overlay-zone-labels", self, "show-zone-labels",
                       G_SETTINGS_BIND_DEFAULT);
      g_signal_connect_object (self->settings, "changed::units", G_CALLBACK (units_changed_cb), self, 0);
      units_changed_cb (self->settings, "units", self);
      g_signal_connect_object (self->settings, "changed::legibility",
                               G_CALLBACK (_eyl_window_reevaluate_all), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->settings, "changed::brand-kit-path",
                               G_CALLBACK (_eyl_window_recheck_all), self, G_CONNECT_SWAPPED);
    }
  /* The toggles of "What to show": stateful actions, so that the menu
   * shows their check marks.  Simple actions bound by hand: a
   * GPropertyAction would hold the window and keep it from being
   * disposed (its workers would outlive it). */
  {
    static const char *const toggles[] = {
      "show-eye-band",
      "show-hidden",
      "show-elements",
      "show-markers",
      "show-labels",
      "show-zone-labels",
    };

    for (guint i = 0; i < G_N_ELEMENTS (toggles); i++)
      {
        g_autoptr(GSimpleAction) action = NULL;
        g_autofree char *signal = g_strconcat ("notify::", toggles[i], NULL);
        gboolean         value = FALSE;

        g_object_get (self, toggles[i], &value, NULL);
        action = g_simple_action_new_stateful (toggles[i], NULL, g_variant_new_boolean (value));
        g_signal_connect_object (action, "change-state", G_CALLBACK (toggle_change_state_cb), self, 0);
        g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
        g_signal_connect (self, signal, G_CALLBACK (toggle_notify_cb), NULL);
      }
  }
  _eyl_window_visitor_views_init (self);
  _eyl_window_placement_actions_init (self);
  update_layers (self);

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (_eyl_window_update_recent), self, G_CONNECT_SWAPPED);
  _eyl_window_update_recent (self);
  _eyl_window_update_view (self);
}

EylWindow *
eyl_window_new (GtkApplication *application)
{
  return g_object_new (EYL_TYPE_WINDOW, "application", application, NULL);
}

EylDocumentItem *
eyl_window_get_current (EylWindow *self)
{
  g_return_val_if_fail (EYL_IS_WINDOW (self), NULL);
  return self->current;
}

GListModel *
eyl_window_get_documents (EylWindow *self)
{
  g_return_val_if_fail (EYL_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->documents);
}

GListModel *
eyl_window_get_findings (EylWindow *self)
{
  g_return_val_if_fail (EYL_IS_WINDOW (self), NULL);
  return eyl_document_view_get_findings (self->document_view);
}

EylPageView *
eyl_window_get_page_view (EylWindow *self)
{
  g_return_val_if_fail (EYL_IS_WINDOW (self), NULL);
  return self->page_view;
}

const char *
eyl_window_get_state (EylWindow *self)
{
  g_return_val_if_fail (EYL_IS_WINDOW (self), NULL);
  return _eyl_window_visible_page (self);
}

GtkWidget *
eyl_window_get_placement_panel (EylWindow *self)
{
  g_return_val_if_fail (EYL_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->placement_panel);
}

GtkWidget *
eyl_window_get_legend (EylWindow *self)
{
  g_return_val_if_fail (EYL_IS_WINDOW (self), NULL);
  return eyl_document_view_get_legend (self->document_view);
}

GListModel *
eyl_window_get_finding_rows (EylWindow *self)
{
  g_return_val_if_fail (EYL_IS_WINDOW (self), NULL);
  return eyl_document_view_get_finding_rows (self->document_view);
}

GtkSelectionModel *
eyl_window_get_finding_selection (EylWindow *self)
{
  g_return_val_if_fail (EYL_IS_WINDOW (self), NULL);
  return eyl_document_view_get_finding_selection (self->document_view);
}

GtkWidget *
eyl_window_get_scene_view (EylWindow *self)
{
  g_return_val_if_fail (EYL_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->scene_view);
}

GtkWidget *
eyl_window_get_title_widget (EylWindow *self)
{
  g_return_val_if_fail (EYL_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->window_title);
}
