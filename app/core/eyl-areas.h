/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A connected area of equal cells on a grid: its box (cells,
 * inclusive-exclusive) and how many cells it holds. */
typedef struct
{
  int   x0, y0, x1, y1;
  guint count;
} EylArea;

GArray *eyl_areas_find (const guint8 *grid,
                        int           w,
                        int           h,
                        guint8        value,
                        gboolean      diagonal);

G_END_DECLS
