/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The engine's resource bundle asked for by several threads at once, as
 * pages analysed side by side first ask for it.  Only the first use of
 * the bundles in a process can go wrong, so each try runs in a process
 * of its own: with GLib's own accessor, a third of them failed. */
#include "config.h"

#include <gio/gio.h>

#include "eyl-resource.h"

#define N_THREADS 8
#define N_TRIES   20

typedef struct
{
  GMutex   lock;
  GCond    cond;
  guint    waiting;
  gboolean go;
  gint     missing; /* atomic: threads that got no bundle */
} Start;

static gpointer
ask (gpointer data)
{
  Start *start = data;

  g_mutex_lock (&start->lock);
  start->waiting++;
  g_cond_broadcast (&start->cond);
  while (!start->go)
    g_cond_wait (&start->cond, &start->lock);
  g_mutex_unlock (&start->lock);

  if (eyl_core_resource () == NULL)
    g_atomic_int_inc (&start->missing);
  return NULL;
}

static void
race (void)
{
  Start    start = { 0 };
  GThread *threads[N_THREADS];

  g_mutex_init (&start.lock);
  g_cond_init (&start.cond);
  for (guint i = 0; i < N_THREADS; i++)
    threads[i] = g_thread_new ("ask", ask, &start);
  /* All of them waiting, then all let go at once. */
  g_mutex_lock (&start.lock);
  while (start.waiting < N_THREADS)
    g_cond_wait (&start.cond, &start.lock);
  start.go = TRUE;
  g_cond_broadcast (&start.cond);
  g_mutex_unlock (&start.lock);
  for (guint i = 0; i < N_THREADS; i++)
    g_thread_join (threads[i]);

  g_assert_cmpint (g_atomic_int_get (&start.missing), ==, 0);
  /* And what it holds can be read. */
  g_assert_nonnull (eyl_core_resource ());
  g_mutex_clear (&start.lock);
  g_cond_clear (&start.cond);
}

static void
test_resource_threads (void)
{
  if (g_test_subprocess ())
    {
      race ();
      return;
    }
  for (guint i = 0; i < N_TRIES; i++)
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/eyl/resource/threads", test_resource_threads);
  return g_test_run ();
}
