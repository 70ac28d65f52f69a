/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-batch.c: the one scheduler of worker processes (N at a time, the
 * most urgent first, each serving file after file: EylWorkerPool) that the command line's batches, the window's checks
 * and its exports share, and the batch on it (results in input order).
 * Everything runs on the caller's main context: the workers do the heavy
 * lifting in their own processes. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-batch"

#include <glib/gi18n.h>

#include "eyl-batch.h"

/* ---------------------------------------------------------------------- */
/* The scheduler: one queue, N workers                                     */

struct _EylScheduler
{
  gatomicrefcount ref_count;
  guint           jobs;
  guint           running;
  GQueue          pending; /* Entry *, highest priority first */
  GMainContext   *context;
  guint           pump_id;
  EylWorkerPool  *pool; /* its workers serve file after file */
};

typedef struct
{
  EylScheduler       *scheduler;
  EylWorkerConfig    *config;
  char               *path;
  int                 priority;
  GTask              *task;
  EylSchedulerStarted started;
  gulong              cancelled_id;
} Entry;

static void
entry_free (Entry *entry)
{
  if (entry->cancelled_id != 0 && entry->task != NULL)
    g_cancellable_disconnect (g_task_get_cancellable (entry->task), entry->cancelled_id);
  eyl_worker_config_unref (entry->config);
  g_free (entry->path);
  g_clear_object (&entry->task);
  g_free (entry);
}

EylScheduler *
eyl_scheduler_new (guint jobs)
{
  EylScheduler *self = g_new0 (EylScheduler, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->jobs = jobs > 0 ? jobs : g_get_num_processors ();
  g_queue_init (&self->pending);
  self->context = g_main_context_ref_thread_default ();
  self->pool = eyl_worker_pool_new (self->jobs);
  return self;
}

EylScheduler *
eyl_scheduler_ref (EylScheduler *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
eyl_scheduler_unref (EylScheduler *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  /* Every entry holds a reference: nothing is pending or running. */
  eyl_worker_pool_unref (self->pool);
  g_main_context_unref (self->context);
  g_free (self);
}

guint
eyl_scheduler_get_n_running (EylScheduler *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->running;
}

static void pump (EylScheduler *self);

static void
entry_worker_cb (GObject      *object,
                 GAsyncResult *res,
                 gpointer      user_data)
{
  Entry *entry = user_data;
  g_autoptr(EylScheduler) self = entry->scheduler;

  self->running--;
  g_task_return_pointer (entry->task, eyl_worker_check_file_finish (res),
                         (GDestroyNotify) eyl_file_result_unref);
  entry_free (entry);
  pump (self);
}

/* Starts what the free slots allow, highest priority first; an entry
 * cancelled while it waited is answered at once, without a worker.  One
 * entry at a time from the queue as it is then: an answer's callback may
 * submit or cancel more. */
static void
pump (EylScheduler *self)
{
  eyl_scheduler_ref (self);
  for (;;)
    {
      Entry *entry = NULL;

      for (GList *l = self->pending.head; l != NULL && entry == NULL; l = l->next)
        if (g_cancellable_is_cancelled (g_task_get_cancellable (((Entry *) l->data)->task)))
          {
            entry = l->data;
            g_queue_delete_link (&self->pending, l);
          }
      if (entry != NULL)
        {
          g_autoptr(GError) error = g_error_new (EYL_ERROR, EYL_ERROR_CANCELLED,
                                                  _("The check of “%s” was cancelled."),
                                                     entry->path);
          g_autoptr(EylFileResult) result = eyl_file_result_new_error (entry->path, error);
          g_autoptr(GTask) task = g_steal_pointer (&entry->task);

          eyl_scheduler_unref (entry->scheduler);
          if (entry->cancelled_id != 0)
            g_cancellable_disconnect (g_task_get_cancellable (task), entry->cancelled_id);
          entry->cancelled_id = 0;
          entry_free (entry);
          g_task_return_pointer (task, g_steal_pointer (&result),
                                 (GDestroyNotify) eyl_file_result_unref);
          continue;
        }

      if (g_queue_is_empty (&self->pending))
        break;
      /* Urgent checks (what the user looks at) do not wait for a slot. */
      if (self->running >= self->jobs &&
          ((Entry *) g_queue_peek_head (&self->pending))->priority < EYL_SCHEDULER_PRIORITY_URGENT)
        break;

      entry = g_queue_pop_head (&self->pending);
      if (entry->cancelled_id != 0)
        {
          g_cancellable_disconnect (g_task_get_cancellable (entry->task), entry->cancelled_id);
          entry->cancelled_id = 0;
        }
      self->running++;
      g_debug ("starting %s (%u of %u workers, %u waiting)", entry->path, self->running,
               self->jobs, self->pending.length);
      if (entry->started != NULL)
        entry->started (g_task_get_task_data (entry->task));
      eyl_worker_pool_check_file_async (self->pool, entry->config, entry->path,
                                        g_task_get_cancellable (entry->task),
                                        entry_worker_cb, entry);
    }
  eyl_scheduler_unref (self);
}

static gboolean
pump_cb (gpointer user_data)
{
  EylScheduler *self = user_data;

  self->pump_id = 0;
  pump (self);
  return G_SOURCE_REMOVE;
}

/* A waiting check was cancelled: answer it soon, on the scheduler's
 * context (not from inside g_cancellable_cancel()). */
static void
entry_cancelled_cb (GCancellable *cancellable,
                    EylScheduler *self)
{
  if (self->pump_id == 0)
    {
      GSource *source = g_idle_source_new ();

      g_source_set_callback (source, pump_cb, eyl_scheduler_ref (self),
                             (GDestroyNotify) eyl_scheduler_unref);
      g_source_set_name (source, "[eyeline] scheduler");
      self->pump_id = g_source_attach (source, self->context);
      g_source_unref (source);
    }
}

static gint
compare_priority (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const Entry *queued = a, *entry = b;

  /* Higher first; the same priority keeps the order of submission:
   * g_queue_insert_sorted() puts @entry before the first queued one that
   * does not compare below 0 — an equal one included. */
  return queued->priority >= entry->priority ? -1 : 1;
}

void
eyl_scheduler_check_file_async (EylScheduler       *self,
                                EylWorkerConfig    *config,
                                const char         *path,
                                int                 priority,
                                GCancellable       *cancellable,
                                EylSchedulerStarted started,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  Entry *entry;

  g_return_if_fail (self != NULL);
  g_return_if_fail (config != NULL);
  g_return_if_fail (path != NULL);

  entry = g_new0 (Entry, 1);
  entry->scheduler = eyl_scheduler_ref (self);
  entry->config = eyl_worker_config_ref (config);
  entry->path = g_strdup (path);
  entry->priority = priority;
  entry->started = started;
  entry->task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (entry->task, eyl_scheduler_check_file_async);
  g_task_set_check_cancellable (entry->task, FALSE);
  /* The started callback gets the caller's data. */
  g_task_set_task_data (entry->task, user_data, NULL);
  if (cancellable != NULL)
    entry->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (entry_cancelled_cb),
                                                 self, NULL);

  g_queue_insert_sorted (&self->pending, entry, compare_priority, NULL);
  pump (self);
}

EylFileResult *
eyl_scheduler_check_file_finish (GAsyncResult *result)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), NULL);
}

/* ---------------------------------------------------------------------- */
/* A batch: many files on one scheduler, results in input order            */

typedef struct
{
  EylScheduler    *scheduler;
  GPtrArray       *paths;   /* char * */
  GPtrArray       *results; /* EylFileResult *, NULL until done */
  guint            done;
  EylBatchProgress progress;
  gpointer         progress_data;
} Batch;

typedef struct
{
  GTask *task;
  guint  index;
} BatchItem;

static void
batch_free (Batch *batch)
{
  eyl_scheduler_unref (batch->scheduler);
  g_ptr_array_unref (batch->paths);
  g_ptr_array_unref (batch->results);
  g_free (batch);
}

static void
batch_file_cb (GObject      *object,
               GAsyncResult *res,
               gpointer      user_data)
{
  BatchItem *item = user_data;
  g_autoptr(GTask) task = item->task;
  Batch         *batch = g_task_get_task_data (task);
  EylFileResult *result = eyl_scheduler_check_file_finish (res);

  g_ptr_array_index (batch->results, item->index) = result;
  g_free (item);
  batch->done++;

  if (batch->progress != NULL)
    batch->progress (batch->done, batch->paths->len, result, batch->progress_data);

  if (batch->done == batch->paths->len)
    g_task_return_pointer (task, g_ptr_array_ref (batch->results),
                           (GDestroyNotify) g_ptr_array_unref);
}

void
eyl_batch_run_async (EylWorkerConfig    *config,
                     const char *const  *paths,
                     guint               jobs,
                     EylBatchProgress    progress,
                     gpointer            progress_data,
                     GCancellable       *cancellable,
                     GAsyncReadyCallback callback,
                     gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  Batch *batch;

  g_return_if_fail (config != NULL);
  g_return_if_fail (paths != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, eyl_batch_run_async);
  g_task_set_check_cancellable (task, FALSE);

  batch = g_new0 (Batch, 1);
  batch->scheduler = eyl_scheduler_new (jobs);
  batch->paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (batch->paths, g_strdup (paths[i]));
  batch->results = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_file_result_unref);
  g_ptr_array_set_size (batch->results, batch->paths->len);
  batch->progress = progress;
  batch->progress_data = progress_data;
  g_task_set_task_data (task, batch, (GDestroyNotify) batch_free);

  if (batch->paths->len == 0)
    {
      g_task_return_pointer (task, g_ptr_array_ref (batch->results),
                             (GDestroyNotify) g_ptr_array_unref);
      return;
    }

  /* In input order, all at the same priority: the scheduler starts them
   * in that order, as slots free up. */
  for (guint i = 0; i < batch->paths->len; i++)
    {
      BatchItem *item = g_new0 (BatchItem, 1);

      item->task = g_object_ref (task);
      item->index = i;
      eyl_scheduler_check_file_async (batch->scheduler, config,
                                      g_ptr_array_index (batch->paths, i), 0, cancellable,
                                      NULL, batch_file_cb, item);
    }
}

GPtrArray *
eyl_batch_run_finish (GAsyncResult *result)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), NULL);
}

static void
sync_cb (GObject      *object,
         GAsyncResult *res,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (res);
  g_main_context_wakeup (g_main_context_get_thread_default ());
}

GPtrArray *
eyl_batch_run (EylWorkerConfig   *config,
               const char *const *paths,
               guint              jobs,
               EylBatchProgress   progress,
               gpointer           progress_data,
               GCancellable      *cancellable)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;

  g_main_context_push_thread_default (context);
  eyl_batch_run_async (config, paths, jobs, progress, progress_data, cancellable,
                       sync_cb, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);

  return eyl_batch_run_finish (result);
}
