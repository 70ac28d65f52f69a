/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The engine's resource bundle asked for by several threads at once, as
 * pages analysed side by side first ask for it.  Only the first use of
 * the bundles in a process can go wrong, so each try runs in a process
 * of its own: with GLib's own accessor, a third of them failed. */
#include "config.h"

#include <gio/gio.h>

#include "eyl-fixtures.h"
#include "eyl-resource.h"

#define N_THREADS 8
#define N_TRIES   20

static void
ask (gpointer data,
     gpointer user_data)
{
  gint *missing = data; /* atomic: threads that got no bundle */

  if (eyl_core_resource () == NULL)
    g_atomic_int_inc (missing);
}

static void
race (void)
{
  gint missing = 0;

  eyl_fixture_race (N_THREADS, ask, &missing);
  g_assert_cmpint (g_atomic_int_get (&missing), ==, 0);
  /* And what it holds can be read. */
  g_assert_nonnull (eyl_core_resource ());
}

static void
test_resource_threads (void)
{
  eyl_fixture_in_fresh_processes (race, N_TRIES);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/eyl/resource/threads", test_resource_threads);
  return g_test_run ();
}
