/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-batch.c: many files, N worker processes at a time, results in input
 * order.  Everything runs on the caller's main context: the workers do
 * the heavy lifting in their own processes. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-batch"

#include <glib/gi18n.h>

#include "eyl-batch.h"

typedef struct
{
  EylWorkerConfig  *config;
  GPtrArray        *paths;      /* char * */
  GPtrArray        *results;    /* EylFileResult *, NULL until done */
  guint             jobs;
  guint             next;       /* next path to start */
  guint             running;
  guint             done;
  EylBatchProgress  progress;
  gpointer          progress_data;
} Batch;

typedef struct
{
  GTask *task;
  guint  index;
} BatchItem;

static void
batch_free (Batch *batch)
{
  eyl_worker_config_unref (batch->config);
  g_ptr_array_unref (batch->paths);
  g_ptr_array_unref (batch->results);
  g_free (batch);
}

static void start_more (GTask *task);

/* Records a result; TRUE when it was the last one (the task returned). */
static gboolean
file_done (Batch         *batch,
           GTask         *task,
           guint          index,
           EylFileResult *result)
{
  g_ptr_array_index (batch->results, index) = result;
  batch->done++;

  if (batch->progress != NULL)
    batch->progress (batch->done, batch->paths->len, result, batch->progress_data);

  if (batch->done < batch->paths->len)
    return FALSE;

  g_task_return_pointer (task, g_ptr_array_ref (batch->results),
                         (GDestroyNotify) g_ptr_array_unref);
  return TRUE;
}

static void
worker_cb (GObject      *object,
           GAsyncResult *res,
           gpointer      user_data)
{
  BatchItem *item = user_data;
  g_autoptr(GTask) task = item->task;
  Batch *batch = g_task_get_task_data (task);
  guint index = item->index;

  g_free (item);
  batch->running--;
  if (!file_done (batch, task, index, eyl_worker_check_file_finish (res)))
    start_more (task);
}

static void
start_more (GTask *task)
{
  Batch *batch = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  /* After a cancel, the files not started yet are reported as cancelled
   * without starting a worker. */
  while (g_cancellable_is_cancelled (cancellable) && batch->next < batch->paths->len)
    {
      guint index = batch->next++;
      const char *path = g_ptr_array_index (batch->paths, index);
      g_autoptr(GError) error = g_error_new (EYL_ERROR, EYL_ERROR_CANCELLED,
                                             _("The check of “%s” was cancelled."), path);

      if (file_done (batch, task, index, eyl_file_result_new_error (path, error)))
        return;
    }

  while (batch->running < batch->jobs && batch->next < batch->paths->len)
    {
      BatchItem *item = g_new0 (BatchItem, 1);

      item->task = g_object_ref (task);
      item->index = batch->next++;
      batch->running++;
      eyl_worker_check_file_async (batch->config,
                                   g_ptr_array_index (batch->paths, item->index),
                                   cancellable, worker_cb, item);
    }
}

void
eyl_batch_run_async (EylWorkerConfig     *config,
                     const char * const  *paths,
                     guint                jobs,
                     EylBatchProgress     progress,
                     gpointer             progress_data,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Batch *batch;

  g_return_if_fail (config != NULL);
  g_return_if_fail (paths != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, eyl_batch_run_async);
  g_task_set_check_cancellable (task, FALSE);

  batch = g_new0 (Batch, 1);
  batch->config = eyl_worker_config_ref (config);
  batch->paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (batch->paths, g_strdup (paths[i]));
  batch->results = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_file_result_unref);
  g_ptr_array_set_size (batch->results, batch->paths->len);
  batch->jobs = jobs > 0 ? jobs : g_get_num_processors ();
  batch->progress = progress;
  batch->progress_data = progress_data;
  g_task_set_task_data (task, batch, (GDestroyNotify) batch_free);

  if (batch->paths->len == 0)
    {
      g_task_return_pointer (task, g_ptr_array_ref (batch->results),
                             (GDestroyNotify) g_ptr_array_unref);
      return;
    }

  start_more (task);
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
eyl_batch_run (EylWorkerConfig    *config,
               const char * const *paths,
               guint               jobs,
               EylBatchProgress    progress,
               gpointer            progress_data,
               GCancellable       *cancellable)
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

EylFileResult *
eyl_file_result_evaluate (EylFileResult            *result,
                          const EylAnalysisOptions *options)
{
  g_autoptr(EylFileResult) evaluated = NULL;
  g_autoptr(GPtrArray) reads = NULL;
  g_autoptr(GPtrArray) pages = NULL;

  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!result->ok)
    return NULL;
  reads = g_ptr_array_new ();
  for (guint i = 0; i < result->pages->len; i++)
    {
      EylPageAnalysis *page = g_ptr_array_index (result->pages, i);

      if (page->read == NULL || eyl_evaluate_needs_read (page->read, options))
        return NULL;
      g_ptr_array_add (reads, page->read);
    }

  evaluated = eyl_file_result_new (result->path);
  evaluated->n_pages = result->n_pages;
  for (guint i = 0; i < result->warnings->len; i++)
    g_ptr_array_add (evaluated->warnings, g_strdup (g_ptr_array_index (result->warnings, i)));
  for (guint i = 0; i < result->outputs->len; i++)
    g_ptr_array_add (evaluated->outputs, g_strdup (g_ptr_array_index (result->outputs, i)));
  pages = eyl_evaluate_pages (reads, options);
  g_ptr_array_extend_and_steal (evaluated->pages, g_steal_pointer (&pages));
  return g_steal_pointer (&evaluated);
}
