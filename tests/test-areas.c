/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "eyl-areas.h"

/* Two cells touching at a corner are one area only when corners count;
 * areas come in the order of their first cell, with their boxes and
 * counts. */
static void
test_areas_connectivity (void)
{
  /* 1 marks the value looked for. */
  /* clang-format off */
  static const guint8 grid[] = {
    1, 0, 0, 0, 1,
    0, 1, 0, 0, 1,
    0, 0, 0, 1, 1,
    1, 1, 0, 0, 0,
  };
  /* clang-format on */
  g_autoptr(GArray) sides = eyl_areas_find (grid, 5, 4, 1, FALSE);
  g_autoptr(GArray) corners = eyl_areas_find (grid, 5, 4, 1, TRUE);
  const EylArea *a;

  g_assert_cmpuint (sides->len, ==, 4);
  a = &g_array_index (sides, EylArea, 0);
  g_assert_cmpint (a->x0, ==, 0);
  g_assert_cmpint (a->y1, ==, 1);
  g_assert_cmpuint (a->count, ==, 1);
  a = &g_array_index (sides, EylArea, 1); /* the right column and its foot */
  g_assert_cmpint (a->x0, ==, 3);
  g_assert_cmpint (a->y0, ==, 0);
  g_assert_cmpint (a->x1, ==, 5);
  g_assert_cmpint (a->y1, ==, 3);
  g_assert_cmpuint (a->count, ==, 4);
  a = &g_array_index (sides, EylArea, 3);
  g_assert_cmpint (a->y0, ==, 3);
  g_assert_cmpuint (a->count, ==, 2);

  /* Corners join the diagonal (0,0)-(1,1) pair, not the foot row. */
  g_assert_cmpuint (corners->len, ==, 3);
  a = &g_array_index (corners, EylArea, 0);
  g_assert_cmpint (a->x1, ==, 2);
  g_assert_cmpint (a->y1, ==, 2);
  g_assert_cmpuint (a->count, ==, 2);
}

/* A U whose arms meet only at the bottom is one area although its runs
 * on the top rows are apart (union-find joins them later). */
static void
test_areas_joined_below (void)
{
  /* clang-format off */
  static const guint8 grid[] = {
    0, 1, 1, 0,
    0, 1, 1, 0,
    0, 0, 0, 0,
  };
  /* clang-format on */
  g_autoptr(GArray) areas = eyl_areas_find (grid, 4, 3, 0, FALSE);
  const EylArea *a;

  g_assert_cmpuint (areas->len, ==, 1);
  a = &g_array_index (areas, EylArea, 0);
  g_assert_cmpint (a->x0, ==, 0);
  g_assert_cmpint (a->x1, ==, 4);
  g_assert_cmpint (a->y1, ==, 3);
  g_assert_cmpuint (a->count, ==, 8);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/eyl/areas/connectivity", test_areas_connectivity);
  g_test_add_func ("/eyl/areas/joined-below", test_areas_joined_below);
  return g_test_run ();
}
