/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-fuzz-make-seeds: writes the seeds of every fuzz target into
 * DIR/<target>/ (build-aux/fuzz.sh runs it before the fuzzers). */
#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "eyl-fuzz-targets.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  if (argc != 2)
    {
      fprintf (stderr, "usage: %s DIR\n", argv[0]);
      return 2;
    }

  eyl_fuzz_init ();
  if (!eyl_fuzz_write_seeds (argv[1], &error))
    {
      fprintf (stderr, "%s: %s\n", argv[0], error->message);
      return 1;
    }
  return 0;
}
