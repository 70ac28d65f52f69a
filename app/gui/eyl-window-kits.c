/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-window-kits.c: the main window's brand kits — the kit each document is
 * checked with, the kit's logos read once by workers, the header's kit
 * switcher, the Brand Kit dialog and marking a logo on the page. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-window"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "eyl-window-private.h"
#include "eyl-worker.h"

/* The kit file @item is checked with: its own kit's, else the window's;
 * NULL for none. */
char *
_eyl_window_dup_item_kit_path (EylWindow       *self,
                               EylDocumentItem *item)
{
  const char      *name = eyl_document_item_get_kit (item);
  g_autofree char *path = NULL;

  if (name == NULL)
    return self->placement_panel != NULL
               ? eyl_placement_panel_dup_brand_kit_path (self->placement_panel)
               : NULL;
  path = eyl_brand_kit_dup_named_path (name);
  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  /* A kit the worker would refuse would fail the check: left out. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(EylBrandKit) kit = eyl_brand_kit_load (path, &error);

    if (kit == NULL)
      {
        g_debug ("Not using the brand kit “%s”: %s", name, error->message);
        return NULL;
      }
  }
  return g_steal_pointer (&path);
}

EylBrandKit *
_eyl_window_dup_item_kit (EylWindow       *self,
                          EylDocumentItem *item)
{
  g_autofree char *path = _eyl_window_dup_item_kit_path (self, item);

  return path != NULL ? eyl_brand_kit_load (path, NULL) : NULL;
}

/* The logo files of @item's own kit when its worker started (another save
 * of the kit with other logos needs a new read of that document). */

gboolean
_eyl_window_own_kit_logos_changed (EylWindow       *self,
                                   EylDocumentItem *item)
{
  const char *read_with = eyl_document_item_get_kit_logos (item);
  g_autoptr(EylBrandKit) kit = NULL;
  g_autofree char *key = NULL;

  if (eyl_document_item_get_kit (item) == NULL || read_with == NULL)
    return FALSE;
  kit = _eyl_window_dup_item_kit (self, item);
  key = kit != NULL ? eyl_brand_kit_dup_logos_key (kit) : g_strdup ("");
  return !g_str_equal (key, read_with);
}

/* Brand-kit logos, read once                                           */

typedef struct
{
  char *source; /* the kit file */
  char *exe;
  guint timeout_s;
  char *dir;     /* set by the thread */
  char *problem; /* a logo that could not be read, set by the thread */
} KitJob;

static void
kit_job_free (KitJob *job)
{
  g_free (job->source);
  g_free (job->exe);
  g_free (job->dir);
  g_free (job->problem);
  g_free (job);
}

/* The kit file as it is now: another save means other logos. */
static char *
dup_kit_key (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return g_strdup (path);
  return g_strdup_printf ("%s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT, path,
                          (gint64) st.st_size, (gint64) st.st_mtime);
}

/* Each logo in a worker with a budget of its own; a logo that cannot be
 * read is left out of the kit (and named), not blamed on every page. */
static void
prepare_kit_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  KitJob *job = task_data;
  g_autoptr(EylBrandKit) kit = NULL;
  g_autoptr(EylBrandKit) prepared = NULL;
  g_autoptr(EylWorkerConfig) config = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  kit = eyl_brand_kit_load (job->source, &error);
  if (kit == NULL || kit->logos[0] == NULL)
    {
      g_task_return_pointer (task, g_strdup (job->source), g_free);
      return;
    }
  job->dir = g_dir_make_tmp ("eyeline-logos-XXXXXX", &error);
  if (job->dir == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  config = eyl_worker_config_new (job->exe);
  config->timeout_s = job->timeout_s;
  prepared = eyl_worker_prepare_brand_kit (config, kit, job->dir, cancellable, &error);
  if (prepared == NULL)
    {
      job->problem = g_strdup (error->message);
      g_clear_error (&error);
      prepared = eyl_brand_kit_copy (kit);
      g_strfreev (prepared->logos);
      prepared->logos = g_new0 (char *, 1);
    }
  path = g_build_filename (job->dir, "brand-kit.ini", NULL);
  if (!eyl_brand_kit_save (prepared, path, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&path), g_free);
}

static void
prepare_kit_done (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  EylWindow    *self = EYL_WINDOW (source);
  KitJob       *job = g_task_get_task_data (G_TASK (result));
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *prepared = g_task_propagate_pointer (G_TASK (result), &error);

  /* Gone with the window (disposed) or replaced by another kit. */
  if (self->kit_dirs == NULL)
    {
      eyl_worker_remove_kit_dir (job->dir);
      return;
    }
  if (job->dir != NULL)
    g_ptr_array_add (self->kit_dirs, g_strdup (job->dir));
  if (cancellable != self->kit_cancellable)
    return;
  g_clear_object (&self->kit_cancellable);
  g_free (self->kit_prepared);
  /* Cannot be prepared: the checks read the kit themselves. */
  self->kit_prepared = prepared != NULL ? g_steal_pointer (&prepared) : g_strdup (job->source);
  if (error != NULL)
    g_debug ("brand kit: %s", error->message);
  if (job->problem != NULL)
    eyl_window_add_toast (self, job->problem);
  _eyl_window_schedule_checks (self);
}

/* The kit at @source was edited but its logo files are the ones read:
 * its names and contacts are written into the kit prepared before, with
 * the logos as read, and no worker reads them again.  FALSE when the
 * logos must be read. */
static gboolean
update_prepared_kit (EylWindow  *self,
                     const char *source)
{
  g_autoptr(EylBrandKit) kit = NULL;
  g_autoptr(EylBrandKit) prepared = NULL;
  g_autoptr(EylBrandKit) updated = NULL;
  g_autofree char *logos_key = NULL;

  if (self->kit_cancellable != NULL || self->kit_prepared == NULL ||
      self->kit_logos_key == NULL || g_strcmp0 (self->kit_prepared, source) == 0)
    return FALSE;
  kit = eyl_brand_kit_load (source, NULL);
  if (kit == NULL)
    return FALSE;
  logos_key = eyl_brand_kit_dup_logos_key (kit);
  if (g_strcmp0 (logos_key, self->kit_logos_key) != 0)
    return FALSE;
  prepared = eyl_brand_kit_load (self->kit_prepared, NULL);
  if (prepared == NULL)
    return FALSE;
  updated = eyl_brand_kit_copy (kit);
  g_strfreev (updated->logos);
  updated->logos = g_strdupv (prepared->logos);
  return eyl_brand_kit_save (updated, self->kit_prepared, NULL);
}

/* TRUE when the checks can start: no kit, or its logos read. */
gboolean
_eyl_window_kit_ready (EylWindow *self)
{
  g_autofree char *source = eyl_placement_panel_dup_brand_kit_path (self->placement_panel);
  g_autoptr(GTask) task = NULL;
  g_autofree char *key = NULL;
  KitJob          *job;

  if (source == NULL)
    return TRUE;
  key = dup_kit_key (source);
  /* and its logo files as they are now: one rewritten is read again */
  {
    g_autoptr(EylBrandKit) kit = eyl_brand_kit_load (source, NULL);
    g_autofree char *logos_key = kit != NULL ? eyl_brand_kit_dup_logos_key (kit) : NULL;
    char            *with_logos = g_strconcat (key, "\n", logos_key, NULL);

    g_free (key);
    key = with_logos;
  }
  if (g_strcmp0 (key, self->kit_key) == 0)
    return self->kit_cancellable == NULL;
  if (update_prepared_kit (self, source))
    {
      g_free (self->kit_key);
      self->kit_key = g_steal_pointer (&key);
      return TRUE;
    }

  if (self->kit_cancellable != NULL)
    g_cancellable_cancel (self->kit_cancellable);
  g_clear_object (&self->kit_cancellable);
  g_clear_pointer (&self->kit_prepared, g_free);
  g_free (self->kit_key);
  self->kit_key = g_steal_pointer (&key);
  g_clear_pointer (&self->kit_logos_key, g_free);
  {
    g_autoptr(EylBrandKit) kit = eyl_brand_kit_load (source, NULL);

    if (kit != NULL)
      self->kit_logos_key = eyl_brand_kit_dup_logos_key (kit);
  }
  self->kit_cancellable = g_cancellable_new ();
  if (self->kit_dirs == NULL)
    self->kit_dirs = g_ptr_array_new_with_free_func (g_free);

  job = g_new0 (KitJob, 1);
  job->source = g_strdup (source);
  job->exe = _eyl_window_find_worker_exe ();
  job->timeout_s = self->settings != NULL ? g_settings_get_uint (self->settings, "time-budget")
                                          : EYL_WORKER_DEFAULT_TIMEOUT_S;
  task = g_task_new (self, self->kit_cancellable, prepare_kit_done, NULL);
  g_task_set_source_tag (task, _eyl_window_kit_ready);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, (GDestroyNotify) kit_job_free);
  g_task_run_in_thread (task, prepare_kit_thread);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Mark logo                                                            */

/* TRUE when the kit's logo files are not the ones read for the checks. */
static gboolean
kit_logos_changed (EylWindow *self)
{
  g_autoptr(EylBrandKit) kit = eyl_placement_panel_dup_brand_kit (self->placement_panel);
  g_autofree char *key = kit != NULL ? eyl_brand_kit_dup_logos_key (kit) : g_strdup ("");

  return g_strcmp0 (key, self->kit_logos_key != NULL ? self->kit_logos_key : "") != 0;
}

/* Other names are evaluated here, at once; other logos are read again
 * for every document, other contacts for those that named them
 * (reevaluate_all queues what eyl_evaluate_needs_read says). */
static void
brand_kit_saved_cb (GtkWidget *dialog,
                    EylWindow *self)
{
  if (self->placement_panel == NULL || kit_logos_changed (self))
    {
      eyl_window_add_toast (self, _("Brand kit saved — checking again"));
      _eyl_window_recheck_all (self);
      return;
    }
  eyl_window_add_toast (self, _("Brand kit saved"));
  _eyl_window_reevaluate_all (self);
}

/* The open documents with the renamed kit keep it under its new name;
 * with a deleted kit (@new_name NULL) they go back to the window's kit
 * (the dialog did the same in what closed files remember). */
static void
brand_kit_renamed_cb (GtkWidget  *dialog,
                      const char *old_name,
                      const char *new_name,
                      EylWindow  *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->documents));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EylDocumentItem) item = g_list_model_get_item (G_LIST_MODEL (self->documents), i);

      if (g_strcmp0 (eyl_document_item_get_kit (item), old_name) == 0)
        eyl_document_item_set_kit (item, new_name);
    }
  _eyl_window_update_kit_button (self);
}

EylBrandKitDialog *
_eyl_window_open_brand_kit (EylWindow *self)
{
  GtkWidget  *dialog = eyl_brand_kit_dialog_new (GTK_WINDOW (self));
  const char *kit = self->current != NULL ? eyl_document_item_get_kit (self->current) : NULL;

  /* The current document's own kit, else the window's. */
  if (kit != NULL && *kit != '\0')
    eyl_brand_kit_dialog_select_kit (EYL_BRAND_KIT_DIALOG (dialog), kit);
  g_signal_connect_object (dialog, "renamed", G_CALLBACK (brand_kit_renamed_cb), self, 0);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (brand_kit_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return EYL_BRAND_KIT_DIALOG (dialog);
}

/* ------------------------------------------------------------------ */
/* The document's brand kit                                             */

/* The name of the kit @item is checked with, newly allocated, NULL for none. */
static char *
dup_item_kit_name (EylWindow       *self,
                   EylDocumentItem *item)
{
  const char      *name = eyl_document_item_get_kit (item);
  g_autofree char *path = NULL;

  if (name != NULL)
    return *name != '\0' ? g_strdup (name) : NULL;
  path = _eyl_window_dup_item_kit_path (self, item);
  return eyl_brand_kit_dup_name_for_path (path);
}

static char *
dup_kit_logos_key (EylBrandKit *kit)
{
  return kit != NULL ? eyl_brand_kit_dup_logos_key (kit) : g_strdup ("");
}

/* The kit switcher shows the current document's kit. */
void
_eyl_window_update_kit_button (EylWindow *self)
{
  g_autofree char *name = self->current != NULL ? dup_item_kit_name (self, self->current) : NULL;
  GAction         *action = g_action_map_lookup_action (G_ACTION_MAP (self), "document-kit");

  if (self->kit_button == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->kit_button), self->current != NULL);
  gtk_menu_button_set_label (self->kit_button, name != NULL ? name : _("No Brand Kit"));
  if (action != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (name != NULL ? name : ""));
}

void
eyl_window_set_document_kit (EylWindow       *self,
                             EylDocumentItem *item,
                             const char      *name)
{
  g_autoptr(EylBrandKit) old_kit = NULL;
  g_autoptr(EylBrandKit) new_kit = NULL;
  g_autofree char *old_logos = NULL;
  g_autofree char *new_logos = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;
  EylFileResult *result;

  g_return_if_fail (EYL_IS_WINDOW (self));
  g_return_if_fail (EYL_IS_DOCUMENT_ITEM (item));

  old_kit = _eyl_window_dup_item_kit (self, item);
  eyl_document_item_set_kit (item, name);
  uri = g_file_get_uri (eyl_document_item_get_file (item));
  if (!eyl_brand_kit_remember (uri, name, &error))
    g_debug ("The document's kit is not remembered: %s", error->message);
  new_kit = _eyl_window_dup_item_kit (self, item);
  /* The logos the document was read with, when known. */
  old_logos = eyl_document_item_get_kit_logos (item) != NULL
                  ? g_strdup (eyl_document_item_get_kit_logos (item))
                  : dup_kit_logos_key (old_kit);
  new_logos = dup_kit_logos_key (new_kit);
  result = eyl_document_item_get_result (item);

  /* Other names are evaluated here; other contacts or logos need this
   * document read again.  The other documents keep their kits. */
  if (g_str_equal (old_logos, new_logos) && result != NULL && self->placement_panel != NULL &&
      eyl_document_item_get_status (item) == EYL_DOCUMENT_DONE)
    {
      g_autoptr(EylFileResult) evaluated = _eyl_window_evaluate_item (self, item, result);

      if (evaluated != NULL)
        {
          eyl_document_item_set_result (item, evaluated);
          eyl_document_item_set_kit_logos (item, new_logos);
          if (item == self->current)
            _eyl_window_update_view (self);
          return;
        }
    }
  if (eyl_document_item_get_status (item) != EYL_DOCUMENT_LOCKED)
    {
      eyl_document_item_cancel (item);
      eyl_document_item_set_status (item, EYL_DOCUMENT_QUEUED);
      _eyl_window_schedule_checks (self);
    }
  if (item == self->current)
    _eyl_window_update_view (self);
}

static void
document_kit_change_state_cb (GSimpleAction *action,
                              GVariant      *value,
                              EylWindow     *self)
{
  if (self->current == NULL)
    return;
  eyl_window_set_document_kit (self, self->current, g_variant_get_string (value, NULL));
  _eyl_window_update_kit_button (self);
}

static void
add_kit_item (GMenu      *menu,
              const char *label,
              const char *name)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, "win.document-kit", g_variant_new_string (name));
  g_menu_append_item (menu, item);
}

/* The kits as they are when the menu opens (the dialog may have added some). */
static void
create_kit_menu_cb (GtkMenuButton *button,
                    gpointer       user_data)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) kits = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GPtrArray) names = eyl_brand_kit_list_names ();

  add_kit_item (kits, _("No Brand Kit"), "");
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr(GString) label = g_string_new (name);

      /* An underscore in a kit's name is not a mnemonic. */
      g_string_replace (label, "_", "__", 0);
      add_kit_item (kits, label->str, name);
    }
  g_menu_append (edit, _("Edit Brand Kits…"), "win.brand-kit");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (kits));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

void
_eyl_window_setup_kit_switcher (EylWindow *self)
{
  g_autoptr(GSimpleAction) action =
                 g_simple_action_new_stateful ("document-kit", G_VARIANT_TYPE_STRING, g_variant_new_string (""));

  g_signal_connect_object (action, "change-state", G_CALLBACK (document_kit_change_state_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
  gtk_menu_button_set_create_popup_func (self->kit_button, create_kit_menu_cb, NULL, NULL);
  _eyl_window_update_kit_button (self);
}

static void
region_saved_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(EylWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char   *png = eyl_page_view_save_region_png_finish (EYL_PAGE_VIEW (source), result, &error);
  EylBrandKitDialog *dialog;

  if (png == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *text = g_strdup_printf (_("The logo could not be cut out: %s"), error->message);
          eyl_window_add_toast (self, text);
        }
      return;
    }
  dialog = _eyl_window_open_brand_kit (self);
  if (eyl_brand_kit_dialog_add_logo_png (dialog, png))
    eyl_window_add_toast (self, _("Logo added — save the brand kit to use it"));
  g_unlink (png);
}

static void
page_region_marked_cb (EylDocumentView *view,
                       double           x0,
                       double           y0,
                       double           x1,
                       double           y1,
                       EylWindow       *self)
{
  EylRect region = { x0, y0, x1, y1 };

  /* A band dragged for the net quantity is not a logo. */
  if (!self->mark_logo)
    return;
  if (self->mark_cancellable != NULL)
    g_cancellable_cancel (self->mark_cancellable);
  g_clear_object (&self->mark_cancellable);
  self->mark_cancellable = g_cancellable_new ();
  eyl_page_view_save_region_png_async (self->page_view, &region, self->mark_cancellable,
                                       region_saved_cb, g_object_ref (self));
  g_object_set (self, "mark-logo", FALSE, NULL);
}

/* ------------------------------------------------------------------ */

void
_eyl_window_kits_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, page_region_marked_cb);
}
