/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-stage.c: CPU time per stage (see eyl-stage.h). */
#include "config.h"

#define G_LOG_DOMAIN "eyl-stage"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>

#include "eyl-stage.h"

static const char *const stage_names[EYL_N_STAGES] = {
  "other",
  "open",
  "text",
  "render",
  "cap-heights",
  "detect",
  "ocr",
  "qr",
  "logos",
  "rules",
  "report",
  "attention",
  "barcodes",
};

static GMutex      lock;
static double      totals[EYL_N_STAGES]; /* CPU s, every thread */
static char       *out_path;
static GHashTable *counts; /* static string → count */
static gsize       initialised;
static long        peak_kb;    /* the highest peak RSS seen at a switch */
static EylStage    peak_stage; /* the stage that ran when it rose */

/* This thread's stage and the CPU time it entered it at. */
static GPrivate current = G_PRIVATE_INIT (NULL); /* EylStage + 1 */
static GPrivate since = G_PRIVATE_INIT (g_free); /* double *, s */

double
eyl_stage_thread_cpu_ms (void)
{
  struct timespec ts;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
    return 0;
  return ts.tv_sec * 1e3 + ts.tv_nsec * 1e-6;
}

static void
write_times (void)
{
  struct rusage    usage;
  double           all, counted = 0;
  g_autofree char *name = g_get_prgname () != NULL ? g_strdup (g_get_prgname ()) : g_strdup ("?");
  GString         *line;
  FILE            *f;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return;
  all = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec * 1e-6 +
        usage.ru_stime.tv_sec + usage.ru_stime.tv_usec * 1e-6;
  g_strdelimit (name, " \t\n=", '-');
  line = g_string_new (NULL);
  g_mutex_lock (&lock);
  for (guint i = 1; i < EYL_N_STAGES; i++)
    {
      counted += totals[i];
      g_string_append_printf (line, " %s=%.4f", stage_names[i], totals[i]);
    }
  if (counts != NULL)
    {
      GHashTableIter iter;
      gpointer       what, n;

      g_hash_table_iter_init (&iter, counts);
      while (g_hash_table_iter_next (&iter, &what, &n))
        g_string_append_printf (line, " n_%s=%u", (const char *) what, GPOINTER_TO_UINT (n));
    }
  g_mutex_unlock (&lock);
  f = fopen (out_path, "a");
  if (f != NULL)
    {
      /* "other": process start, option parsing, what no stage names. */
      fprintf (f, "pid=%d name=%s cpu=%.4f maxrss_kb=%ld other=%.4f%s peak_in=%s\n", (int) getpid (),
               name, all, usage.ru_maxrss, MAX (0.0, all - counted), line->str,
               stage_names[usage.ru_maxrss > peak_kb ? EYL_STAGE_NONE : peak_stage]);
      fclose (f);
    }
  g_string_free (line, TRUE);
}

static gboolean
enabled (void)
{
  if (g_once_init_enter (&initialised))
    {
      const char *path = g_getenv ("EYL_STAGE_TIMES");

      if (path != NULL && *path != '\0')
        {
          out_path = g_strdup (path);
          atexit (write_times);
        }
      g_once_init_leave (&initialised, 1);
    }
  return out_path != NULL;
}

/* Charges this thread's CPU time since its last switch to the stage it
 * was in, and puts it in @stage; returns the stage it was in. */
static EylStage
switch_stage (EylStage stage)
{
  guint    was = GPOINTER_TO_UINT (g_private_get (&current));
  EylStage previous = was > 0 ? (EylStage) (was - 1) : EYL_STAGE_NONE;
  double  *t = g_private_get (&since), now = eyl_stage_thread_cpu_ms () / 1e3;

  if (t == NULL)
    {
      t = g_new0 (double, 1);
      g_private_set (&since, t);
    }
  else if (previous != EYL_STAGE_NONE)
    {
      struct rusage usage;

      g_mutex_lock (&lock);
      totals[previous] += now - *t;
      /* Which stage raised the peak RSS (the worker's memory limit). */
      if (getrusage (RUSAGE_SELF, &usage) == 0 && usage.ru_maxrss > peak_kb)
        {
          peak_kb = usage.ru_maxrss;
          peak_stage = previous;
        }
      g_mutex_unlock (&lock);
    }
  *t = now;
  g_private_set (&current, GUINT_TO_POINTER ((guint) stage + 1));
  return previous;
}

EylStage
eyl_stage_enter (EylStage stage)
{
  return enabled () ? switch_stage (stage) : EYL_STAGE_NONE;
}

void
eyl_stage_leave (EylStage previous)
{
  if (enabled ())
    switch_stage (previous);
}

void
eyl_stage_count (const char *what)
{
  eyl_stage_count_n (what, 1);
}

void
eyl_stage_count_n (const char *what,
                   guint       n)
{
  if (!enabled ())
    return;
  g_mutex_lock (&lock);
  if (counts == NULL)
    counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (counts, (gpointer) what,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, what)) + n));
  g_mutex_unlock (&lock);
}

const char *
eyl_stage_to_string (EylStage stage)
{
  g_return_val_if_fail (stage < EYL_N_STAGES, NULL);
  return stage_names[stage];
}
