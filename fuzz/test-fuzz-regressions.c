/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-fuzz-regressions.c: every input that ever crashed a fuzz target
 * (fuzz/regressions/<target>/<name>) and the generated seeds, replayed
 * through the targets with the normal build, plus a fixed set of mutated
 * seeds, so the suite means something before the first crash is found. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "eyl-fuzz-targets.h"

/* The seeds, written once for all the tests. */
static char *seed_dir;

static guint
replay_dir (const char   *dir,
            EylFuzzTarget target)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (name[0] != '.' && !g_str_equal (name, "README"))
      g_ptr_array_add (names, g_strdup (name));
  /* A fixed order, so a failure is easy to repeat. */
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autofree char *data = NULL;
      gsize            size = 0;
      g_autoptr(GError) error = NULL;

      g_file_get_contents (path, &data, &size, &error);
      g_assert_no_error (error);
      g_test_message ("replaying %s", path);
      g_assert_cmpint (target ((const guint8 *) data, size), ==, 0);
    }
  return names->len;
}

static void
test_regressions (gconstpointer data)
{
  const char      *target_name = data;
  EylFuzzTarget    target = eyl_fuzz_target_lookup (target_name);
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "regressions", target_name, NULL);
  guint            n;

  g_assert_nonnull (target);
  n = replay_dir (dir, target);
  g_test_message ("%u saved input(s) of %s", n, target_name);
}

static void
test_seeds (gconstpointer data)
{
  const char      *target_name = data;
  g_autofree char *dir = g_build_filename (seed_dir, target_name, NULL);
  guint            n = replay_dir (dir, eyl_fuzz_target_lookup (target_name));

  /* Each target starts from several inputs that reach its deep code. */
  g_assert_cmpuint (n, >=, 5);
}

/* Mutations of each seed in the manner of a fuzzer (bit flips, bytes set
 * to 0 or 0xff, truncations), from a fixed random seed. */
static void
test_mutations (gconstpointer data)
{
  const char      *target_name = data;
  EylFuzzTarget    target = eyl_fuzz_target_lookup (target_name);
  g_autofree char *dir = g_build_filename (seed_dir, target_name, NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261205);
  const char *name;
  guint       n_runs = 0;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *seed = NULL;
      gsize            size = 0;

      g_assert_true (g_file_get_contents (path, &seed, &size, NULL));
      if (size == 0)
        continue;
      for (guint m = 0; m < 12; m++)
        {
          g_autofree guint8 *copy = g_memdup2 (seed, size);
          gsize              len = size;

          for (guint k = 0; k <= m % 4; k++)
            {
              gsize at = g_rand_int_range (rand, 0, size);

              switch (g_rand_int_range (rand, 0, 4))
                {
                case 0:
                  copy[at] ^= 1 << g_rand_int_range (rand, 0, 8);
                  break;
                case 1:
                  copy[at] = 0;
                  break;
                case 2:
                  copy[at] = 0xff;
                  break;
                default:
                  len = MAX (at, 1);
                  break;
                }
            }
          g_assert_cmpint (target (copy, len), ==, 0);
          n_runs++;
        }
    }
  g_assert_cmpuint (n_runs, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  const char *const *targets = eyl_fuzz_target_names ();
  int                status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  eyl_fuzz_init ();

  seed_dir = g_dir_make_tmp ("eyl-fuzz-seeds-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_true (eyl_fuzz_write_seeds (seed_dir, &error));
  g_assert_no_error (error);

  for (guint i = 0; targets[i] != NULL; i++)
    {
      g_autofree char *regressions = g_strdup_printf ("/eyl/fuzz/regressions/%s", targets[i]);
      g_autofree char *seeds = g_strdup_printf ("/eyl/fuzz/seeds/%s", targets[i]);
      g_autofree char *mutations = g_strdup_printf ("/eyl/fuzz/mutations/%s", targets[i]);

      g_test_add_data_func (regressions, targets[i], test_regressions);
      g_test_add_data_func (seeds, targets[i], test_seeds);
      g_test_add_data_func (mutations, targets[i], test_mutations);
    }

  status = g_test_run ();

  for (guint i = 0; targets[i] != NULL; i++)
    {
      g_autofree char *dir = g_build_filename (seed_dir, targets[i], NULL);
      g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
      const char *name;

      while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);
          g_unlink (path);
        }
      g_rmdir (dir);
    }
  g_rmdir (seed_dir);
  g_free (seed_dir);
  return status;
}
