/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-areas.c: the connected areas of one value on a grid of bytes —
 * OCR's pieces of ink, a dieline's panels. */
#include "config.h"

#include <string.h>

#include "eyl-areas.h"

/* A run of cells of the value on one row, a piece of an area. */
typedef struct
{
  int   x0, x1; /* inclusive-exclusive */
  int   y;
  guint parent; /* union-find: the area's first run */
  guint area;   /* on the first run: the area's index in the result */
} Run;

/* The first run of @i's area, halving the path on the way. */
static guint
run_root (Run  *runs,
          guint i)
{
  while (runs[i].parent != i)
    i = runs[i].parent = runs[runs[i].parent].parent;
  return i;
}

/* The connected areas of the cells of @grid (@w × @h) that are @value:
 * cells that share a side, or with @diagonal a corner too; in the order
 * of their first cell, row by row.  Runs of a row are joined with the
 * runs they touch on the row above (Rosenfeld & Pfaltz 1966, "Sequential
 * operations in digital picture processing"): a few runs a row, where a
 * flood fill visits every cell. */
GArray *
eyl_areas_find (const guint8 *grid,
                int           w,
                int           h,
                guint8        value,
                gboolean      diagonal)
{
  GArray *areas = g_array_new (FALSE, FALSE, sizeof (EylArea));
  g_autoptr(GArray) run_array = g_array_new (FALSE, FALSE, sizeof (Run));
  /* How far past its ends a run touches one of the row above. */
  int   reach = diagonal ? 1 : 0;
  guint above_from = 0, above_to = 0;
  Run  *runs;

  g_return_val_if_fail (grid != NULL || w <= 0 || h <= 0, areas);

  for (int y = 0; y < h; y++)
    {
      const guint8 *row = grid + (gsize) y * w;
      guint         from = run_array->len, above = above_from;
      int           x = 0;

      while (x < w)
        {
          const guint8 *next = memchr (row + x, value, w - x);
          Run           run;

          if (next == NULL)
            break;
          x = next - row;
          run.x0 = x;
          while (x < w && row[x] == value)
            x++;
          run.x1 = x;
          run.y = y;
          run.parent = run_array->len;
          run.area = 0;
          g_array_append_val (run_array, run);

          runs = (Run *) run_array->data;
          while (above < above_to && runs[above].x1 + reach <= run.x0)
            above++;
          for (guint a = above; a < above_to && runs[a].x0 < run.x1 + reach; a++)
            {
              guint ra = run_root (runs, a), rb = run_root (runs, run.parent);

              if (ra != rb)
                runs[MAX (ra, rb)].parent = MIN (ra, rb);
            }
        }
      above_from = from;
      above_to = run_array->len;
    }

  /* An area's first run is its root, the lowest index: it comes before
   * the others. */
  runs = (Run *) run_array->data;
  for (guint i = 0; i < run_array->len; i++)
    {
      const Run *run = &runs[i];
      guint      r = run_root (runs, i);
      EylArea   *area;

      if (r == i)
        {
          EylArea first = { run->x0, run->y, run->x1, run->y + 1, 0 };

          runs[i].area = areas->len;
          g_array_append_val (areas, first);
        }
      area = &g_array_index (areas, EylArea, runs[r].area);
      area->x0 = MIN (area->x0, run->x0);
      area->x1 = MAX (area->x1, run->x1);
      area->y1 = run->y + 1;
      area->count += (guint) (run->x1 - run->x0);
    }
  return areas;
}
