/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-document-item"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "eyl-document-item.h"

/* A burst of events (write, close, rename) is one change. */
#define CHANGE_SETTLE_MS 300

struct _EylDocumentItem
{
  GObject parent_instance;

  GFile            *file;
  char             *path;
  char             *title;
  EylDocumentStatus status;
  EylFileResult    *result;
  char             *password;
  int               front_panel;  /* chosen in the window, 1-based; 0 automatic */
  EylRect           net_quantity; /* marked in the window, mm of the page; empty none */
  char             *kit;          /* its own brand kit's name, "" none, NULL the window's */
  char             *kit_logos;    /* the logos of that kit it was read with */
  GCancellable     *cancellable;
  guint             n_errors, n_warnings;
  char             *snapshot;  /* the private copy the result was read from */
  char             *signature; /* the file as the last snapshot found it */
  GFileMonitor     *monitor;
  guint             change_timeout;
};

G_DEFINE_FINAL_TYPE (EylDocumentItem, eyl_document_item, G_TYPE_OBJECT)

/* clang-format would join this macro's lines into one. */
/* clang-format off */
G_DEFINE_ENUM_TYPE (EylDocumentStatus, eyl_document_status,
  G_DEFINE_ENUM_VALUE (EYL_DOCUMENT_QUEUED, "queued"),
  G_DEFINE_ENUM_VALUE (EYL_DOCUMENT_ANALYSING, "analysing"),
  G_DEFINE_ENUM_VALUE (EYL_DOCUMENT_DONE, "done"),
  G_DEFINE_ENUM_VALUE (EYL_DOCUMENT_FAILED, "failed"),
  G_DEFINE_ENUM_VALUE (EYL_DOCUMENT_LOCKED, "locked"))
/* clang-format on */

enum
{
  PROP_0,
  PROP_FILE,
  PROP_TITLE,
  PROP_STATUS,
  PROP_N_ERRORS,
  PROP_N_WARNINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  CHANGED_ON_DISK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
eyl_document_item_dispose (GObject *object)
{
  EylDocumentItem *self = (EylDocumentItem *) object;

  eyl_document_item_cancel (self);
  g_clear_handle_id (&self->change_timeout, g_source_remove);
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (eyl_document_item_parent_class)->dispose (object);
}

static void
eyl_document_item_finalize (GObject *object)
{
  EylDocumentItem *self = (EylDocumentItem *) object;

  g_clear_pointer (&self->result, eyl_file_result_unref);
  eyl_document_item_discard_snapshot (self->snapshot);
  g_clear_pointer (&self->snapshot, g_free);
  g_clear_pointer (&self->signature, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->kit, g_free);
  g_clear_pointer (&self->kit_logos, g_free);
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

  /**
   * EylDocumentItem::changed-on-disk:
   *
   * The file was written, replaced or removed since it was opened (once
   * per burst of changes).
   */
  signals[CHANGED_ON_DISK] =
      g_signal_new ("changed-on-disk", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

/* Which file, which size, which times: different after any write or
 * replacement. */
static char *
stat_signature (const struct stat *st)
{
  return g_strdup_printf ("%ju:%ju:%jd:%jd.%09ld:%jd.%09ld",
                          (uintmax_t) st->st_dev, (uintmax_t) st->st_ino,
                          (intmax_t) st->st_size,
                          (intmax_t) st->st_mtim.tv_sec, st->st_mtim.tv_nsec,
                          (intmax_t) st->st_ctim.tv_sec, st->st_ctim.tv_nsec);
}

static gboolean
change_settled_cb (gpointer user_data)
{
  EylDocumentItem *self = user_data;
  g_autofree char *now = NULL;
  struct stat      st;

  self->change_timeout = 0;
  if (self->path != NULL && stat (self->path, &st) == 0)
    now = stat_signature (&st);
  /* Events of the folder that came late (the file being written just
   * before it was opened) and reads: the file is still what was copied. */
  if (now != NULL && g_strcmp0 (now, self->signature) == 0)
    return G_SOURCE_REMOVE;
  g_signal_emit (self, signals[CHANGED_ON_DISK], 0);
  return G_SOURCE_REMOVE;
}

static void
monitor_changed_cb (GFileMonitor     *monitor,
                    GFile            *file,
                    GFile            *other_file,
                    GFileMonitorEvent event,
                    EylDocumentItem  *self)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    case G_FILE_MONITOR_EVENT_RENAMED:
      g_clear_handle_id (&self->change_timeout, g_source_remove);
      self->change_timeout = g_timeout_add (CHANGE_SETTLE_MS, change_settled_cb, self);
      break;
    default:
      break;
    }
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
  /* Watched from the start: a file replaced while its check runs is
   * checked again too. */
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self);
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
eyl_document_item_set_status (EylDocumentItem  *self,
                              EylDocumentStatus status)
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

/* ------------------------------------------------------------------ */
/* Snapshots                                                            */

static void
set_string (char      **slot,
            const char *value)
{
  char *copy = g_strdup (value);

  g_free (*slot);
  *slot = copy;
}

const char *
eyl_document_item_get_snapshot (EylDocumentItem *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT_ITEM (self), NULL);
  return self->snapshot;
}

void
eyl_document_item_set_snapshot (EylDocumentItem *self,
                                char            *snapshot)
{
  g_return_if_fail (EYL_IS_DOCUMENT_ITEM (self));

  if (g_strcmp0 (snapshot, self->snapshot) == 0)
    {
      g_free (snapshot);
      return;
    }
  eyl_document_item_discard_snapshot (self->snapshot);
  g_free (self->snapshot);
  self->snapshot = snapshot;
}

/* Every snapshot this process made and has not discarded: removed at
 * the latest when the application shuts down, whoever still holds one
 * (a check under way when the window closed, its callback never run). */
static GMutex      snapshots_lock;
static GHashTable *snapshots; /* path → itself */

static void
snapshot_register (const char *snapshot)
{
  g_mutex_lock (&snapshots_lock);
  if (snapshots == NULL)
    snapshots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (snapshots, g_strdup (snapshot));
  g_mutex_unlock (&snapshots_lock);
}

void
eyl_document_item_discard_snapshot (const char *snapshot)
{
  g_autofree char *dir = NULL;

  if (snapshot == NULL)
    return;
  dir = g_path_get_dirname (snapshot);
  g_unlink (snapshot);
  g_rmdir (dir);
  g_mutex_lock (&snapshots_lock);
  if (snapshots != NULL)
    g_hash_table_remove (snapshots, snapshot);
  g_mutex_unlock (&snapshots_lock);
}

void
eyl_document_item_discard_all_snapshots (void)
{
  g_autoptr(GPtrArray) left = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer       path;

  g_mutex_lock (&snapshots_lock);
  if (snapshots != NULL)
    {
      g_hash_table_iter_init (&iter, snapshots);
      while (g_hash_table_iter_next (&iter, &path, NULL))
        g_ptr_array_add (left, g_strdup (path));
    }
  g_mutex_unlock (&snapshots_lock);
  for (guint i = 0; i < left->len; i++)
    eyl_document_item_discard_snapshot (g_ptr_array_index (left, i));
}

/* Copies @path into a new private folder under the same name (the
 * worker's messages name the file by its base name).  Opened without
 * blocking and tested first: a FIFO or a device is not read here (the
 * worker says what it is). */
static char *
copy_snapshot (const char   *path,
               char        **signature,
               GCancellable *cancellable,
               GError      **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *snapshot = NULL;
  char             buffer[64 * 1024];
  struct stat      st;
  int              in = -1, out = -1;
  gboolean         ok = FALSE;

  in = open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (in < 0 || fstat (in, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", path,
                   g_strerror (saved));
      goto out;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, "%s", path);
      goto out;
    }
  *signature = stat_signature (&st);
  dir = g_dir_make_tmp ("eyeline-snapshot-XXXXXX", error);
  if (dir == NULL)
    goto out;
  snapshot = g_build_filename (dir, base, NULL);
  out = open (snapshot, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (out < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", snapshot,
                   g_strerror (saved));
      goto out;
    }
  for (;;)
    {
      ssize_t n = read (in, buffer, sizeof buffer);
      ssize_t done = 0;

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", path,
                       g_strerror (saved));
          goto out;
        }
      if (n == 0)
        break;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;
      while (done < n)
        {
          ssize_t w = write (out, buffer + done, (size_t) (n - done));

          if (w < 0 && errno == EINTR)
            continue;
          if (w <= 0)
            {
              int saved = w < 0 ? errno : ENOSPC;

              g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s",
                           snapshot, g_strerror (saved));
              goto out;
            }
          done += w;
        }
    }
  ok = close (out) == 0;
  out = -1;
  if (!ok)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", snapshot, g_strerror (errno));

out:
  if (in >= 0)
    close (in);
  if (out >= 0)
    close (out);
  if (!ok && snapshot != NULL)
    eyl_document_item_discard_snapshot (snapshot);
  else if (!ok && dir != NULL)
    g_rmdir (dir);
  if (ok)
    snapshot_register (snapshot);
  return ok ? g_steal_pointer (&snapshot) : NULL;
}

typedef struct
{
  char *path;
  char *signature; /* set by the thread */
} SnapshotJob;

static void
snapshot_job_free (SnapshotJob *job)
{
  g_free (job->path);
  g_free (job->signature);
  g_free (job);
}

static void
snapshot_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  SnapshotJob *job = task_data;
  GError      *error = NULL;
  char        *snapshot = copy_snapshot (job->path, &job->signature, cancellable, &error);

  if (snapshot == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, snapshot, (GDestroyNotify) eyl_document_item_discard_snapshot_free);
}

void
eyl_document_item_discard_snapshot_free (char *snapshot)
{
  eyl_document_item_discard_snapshot (snapshot);
  g_free (snapshot);
}

void
eyl_document_item_snapshot_async (EylDocumentItem    *self,
                                  GCancellable       *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  SnapshotJob *job;

  g_return_if_fail (EYL_IS_DOCUMENT_ITEM (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, eyl_document_item_snapshot_async);
  if (self->path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Only local files can be checked."));
      return;
    }
  job = g_new0 (SnapshotJob, 1);
  job->path = g_strdup (self->path);
  g_task_set_task_data (task, job, (GDestroyNotify) snapshot_job_free);
  g_task_run_in_thread (task, snapshot_thread);
}

char *
eyl_document_item_snapshot_finish (EylDocumentItem *self,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  SnapshotJob *job;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  /* The newest copy is what a change is measured against. */
  job = g_task_get_task_data (G_TASK (result));
  if (job != NULL && job->signature != NULL)
    set_string (&self->signature, job->signature);
  return g_task_propagate_pointer (G_TASK (result), error);
}

int
eyl_document_item_get_front_panel (EylDocumentItem *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT_ITEM (self), 0);
  return self->front_panel;
}

void
eyl_document_item_set_front_panel (EylDocumentItem *self,
                                   int              front_panel)
{
  g_return_if_fail (EYL_IS_DOCUMENT_ITEM (self));
  self->front_panel = MAX (front_panel, 0);
}

const EylRect *
eyl_document_item_get_net_quantity (EylDocumentItem *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT_ITEM (self), NULL);
  return &self->net_quantity;
}

void
eyl_document_item_set_net_quantity (EylDocumentItem *self,
                                    const EylRect   *box_mm)
{
  g_return_if_fail (EYL_IS_DOCUMENT_ITEM (self));

  if (box_mm != NULL && !eyl_rect_is_empty (box_mm))
    self->net_quantity = *box_mm;
  else
    memset (&self->net_quantity, 0, sizeof self->net_quantity);
}

const char *
eyl_document_item_get_kit (EylDocumentItem *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT_ITEM (self), NULL);

  return self->kit;
}

void
eyl_document_item_set_kit (EylDocumentItem *self,
                           const char      *kit)
{
  g_return_if_fail (EYL_IS_DOCUMENT_ITEM (self));

  g_free (self->kit);
  self->kit = g_strdup (kit);
}

const char *
eyl_document_item_get_kit_logos (EylDocumentItem *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT_ITEM (self), NULL);

  return self->kit_logos;
}

void
eyl_document_item_set_kit_logos (EylDocumentItem *self,
                                 const char      *logos)
{
  g_return_if_fail (EYL_IS_DOCUMENT_ITEM (self));

  g_free (self->kit_logos);
  self->kit_logos = g_strdup (logos);
}
