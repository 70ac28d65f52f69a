/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-export-job.c: see eyl-export-job.h. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-export-job"

#include "eyl-batch.h"
#include "eyl-export-job.h"

/* Exports at once: each is a process with its own Poppler; two keep the
 * window's own checks and rendering responsive on small machines. */

struct _EylExportJob
{
  GObject parent_instance;

  GPtrArray             *items; /* EylDocumentItem */
  char                  *folder;
  EylExportMode          mode;
  gboolean               overwrite;
  EylExportJobConfigFunc make_config;
  gpointer               user_data;

  EylExportGuard *guard;
  GCancellable   *cancellable;
  GPtrArray      *results;   /* EylFileResult or NULL, item order */
  EylScheduler   *scheduler; /* the window's: its checks and this export share it */
  guint           done;
  guint           n_failed;
  guint           n_outputs;
  gboolean        started;
  gboolean        finished;
};

G_DEFINE_FINAL_TYPE (EylExportJob, eyl_export_job, G_TYPE_OBJECT)

enum
{
  PROGRESS,
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
eyl_export_job_finalize (GObject *object)
{
  EylExportJob *self = EYL_EXPORT_JOB (object);

  g_ptr_array_unref (self->items);
  g_ptr_array_unref (self->results);
  g_free (self->folder);
  eyl_export_guard_unref (self->guard);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->scheduler, eyl_scheduler_unref);

  G_OBJECT_CLASS (eyl_export_job_parent_class)->finalize (object);
}

static void
eyl_export_job_class_init (EylExportJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = eyl_export_job_finalize;

  signals[PROGRESS] = g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
eyl_export_job_init (EylExportJob *self)
{
  self->guard = eyl_export_guard_new ();
  self->cancellable = g_cancellable_new ();
}

EylExportJob *
eyl_export_job_new (GPtrArray             *items,
                    const char            *folder,
                    EylExportMode          mode,
                    gboolean               overwrite,
                    EylScheduler          *scheduler,
                    EylExportJobConfigFunc make_config,
                    gpointer               user_data)
{
  EylExportJob *self;

  g_return_val_if_fail (items != NULL, NULL);
  g_return_val_if_fail (folder != NULL, NULL);
  g_return_val_if_fail (make_config != NULL, NULL);

  self = g_object_new (EYL_TYPE_EXPORT_JOB, NULL);
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (items, i)));
  self->results = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_file_result_unref);
  g_ptr_array_set_size (self->results, (int) items->len);
  self->folder = g_strdup (folder);
  self->mode = mode;
  self->overwrite = overwrite;
  self->scheduler = eyl_scheduler_ref (scheduler);
  self->make_config = make_config;
  self->user_data = user_data;
  return self;
}

typedef struct
{
  EylExportJob *self;
  guint         index;
} Started;

/* Every file answered (exported, failed or cancelled): finished. */
static void
maybe_finish (EylExportJob *self)
{
  if (self->finished || !self->started || self->done < self->items->len)
    return;
  self->finished = TRUE;
  g_signal_emit (self, signals[FINISHED], 0);
}

static void
file_done (GObject      *source,
           GAsyncResult *res,
           gpointer      user_data)
{
  Started       *started = user_data;
  EylExportJob  *self = started->self;
  EylFileResult *result = eyl_scheduler_check_file_finish (res);

  self->done++;
  if (result->ok)
    self->n_outputs += result->outputs->len;
  else if (result->error_code != EYL_ERROR_CANCELLED)
    self->n_failed++;
  g_clear_pointer (&g_ptr_array_index (self->results, started->index), eyl_file_result_unref);
  g_ptr_array_index (self->results, started->index) = result;

  g_signal_emit (self, signals[PROGRESS], 0);
  maybe_finish (self);

  g_object_unref (self);
  g_free (started);
}

/* Every file goes to the scheduler at once; it starts them as workers
 * free up, after the window's own checks. */
static void
submit_all (EylExportJob *self)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      EylDocumentItem *item = g_ptr_array_index (self->items, i);
      g_autoptr(EylWorkerConfig) config = self->make_config (item, self->user_data);
      Started *started = g_new0 (Started, 1);

      config->export_mode = self->mode;
      g_free (config->export_dir);
      config->export_dir = g_strdup (self->folder);
      config->overwrite = self->overwrite;
      eyl_export_guard_unref (config->guard);
      config->guard = eyl_export_guard_ref (self->guard);

      started->self = g_object_ref (self);
      started->index = i;
      eyl_scheduler_check_file_async (self->scheduler, config, eyl_document_item_get_path (item),
                                      -1, self->cancellable, NULL, file_done, started);
    }
}

void
eyl_export_job_start (EylExportJob *self)
{
  g_return_if_fail (EYL_IS_EXPORT_JOB (self));
  g_return_if_fail (!self->started);

  self->started = TRUE;
  /* No output may replace any of the documents being exported. */
  for (guint i = 0; i < self->items->len; i++)
    eyl_export_guard_add_input (self->guard,
                                eyl_document_item_get_path (g_ptr_array_index (self->items, i)));
  submit_all (self);
  maybe_finish (self);
}

void
eyl_export_job_cancel (EylExportJob *self)
{
  g_return_if_fail (EYL_IS_EXPORT_JOB (self));

  g_cancellable_cancel (self->cancellable);
  maybe_finish (self);
}

gboolean
eyl_export_job_is_running (EylExportJob *self)
{
  g_return_val_if_fail (EYL_IS_EXPORT_JOB (self), FALSE);
  return self->started && !self->finished;
}

gboolean
eyl_export_job_was_cancelled (EylExportJob *self)
{
  g_return_val_if_fail (EYL_IS_EXPORT_JOB (self), FALSE);
  return g_cancellable_is_cancelled (self->cancellable);
}

guint
eyl_export_job_get_total (EylExportJob *self)
{
  g_return_val_if_fail (EYL_IS_EXPORT_JOB (self), 0);
  return self->items->len;
}

guint
eyl_export_job_get_done (EylExportJob *self)
{
  g_return_val_if_fail (EYL_IS_EXPORT_JOB (self), 0);
  return self->done;
}

guint
eyl_export_job_get_n_failed (EylExportJob *self)
{
  g_return_val_if_fail (EYL_IS_EXPORT_JOB (self), 0);
  return self->n_failed;
}

guint
eyl_export_job_get_n_outputs (EylExportJob *self)
{
  g_return_val_if_fail (EYL_IS_EXPORT_JOB (self), 0);
  return self->n_outputs;
}

const char *
eyl_export_job_get_folder (EylExportJob *self)
{
  g_return_val_if_fail (EYL_IS_EXPORT_JOB (self), NULL);
  return self->folder;
}

GPtrArray *
eyl_export_job_get_results (EylExportJob *self)
{
  g_return_val_if_fail (EYL_IS_EXPORT_JOB (self), NULL);
  return self->results;
}
