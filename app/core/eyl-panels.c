/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-panels.c: the net's panels, found by drawing its cut, crease and
 * perforation lines on a grid of half-millimetre cells and filling the
 * areas between them: what is reached from outside the net is not the
 * pack; every other area enclosed by lines is a panel. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-panels"

#include <math.h>

#include "eyl-areas.h"
#include "eyl-panels.h"

/* Grid cell on the material, mm; lines are drawn one cell wide on each
 * side, so gaps in a dieline up to ~1 mm still close.  At most MAX_CELLS
 * cells: a sheet up to ~600 × 600 mm (any carton's net) at 0.5 mm; the
 * strokes guessed as a net on a 2 m banner on a coarser grid, instead of
 * flooding 7 million cells to find it is none. */
#define CELL_MM   0.5
#define MAX_CELLS (1.5 * 1000 * 1000)
/* Smaller areas are slots, notches and the space between double lines. */
#define MIN_PANEL_MM2 150.0
/* A panel this much smaller than the largest is a flap. */
#define FLAP_SHARE 0.35
/* The glue flap: as tall as the face beside it, at most this share of
 * its width, within this gap. */
#define GLUE_HEIGHT 0.7
#define GLUE_WIDTH  0.5
#define GLUE_GAP_MM 3.0

static gboolean
is_structure (EylDielineKind kind)
{
  return kind == EYL_DIELINE_CUT || kind == EYL_DIELINE_CREASE ||
         kind == EYL_DIELINE_PERFORATION || kind == EYL_DIELINE_OTHER;
}

typedef struct
{
  guint8 *cells; /* 0 free, 1 line, 2 outside, 3 taken */
  int     w, h;
  double  x0, y0; /* page pt of cell (0, 0)'s corner, less one cell */
  double  cell_pt;
} Grid;

static void
mark (Grid *g,
      int   cx,
      int   cy)
{
  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++)
      {
        int x = cx + dx, y = cy + dy;

        if (x >= 0 && y >= 0 && x < g->w && y < g->h)
          g->cells[(gsize) y * g->w + x] = 1;
      }
}

static void
draw_segment (Grid                    *g,
              const EylDielineSegment *s)
{
  double len = hypot (s->x1 - s->x0, s->y1 - s->y0) / g->cell_pt;
  int    steps = (int) ceil (len * 4) + 1;

  for (int i = 0; i <= steps; i++)
    {
      double t = (double) i / steps;
      double x = s->x0 + t * (s->x1 - s->x0), y = s->y0 + t * (s->y1 - s->y0);

      mark (g, (int) floor ((x - g->x0) / g->cell_pt), (int) floor ((y - g->y0) / g->cell_pt));
    }
}

static int
compare_reading (gconstpointer a,
                 gconstpointer b)
{
  const EylPanel *p = a, *q = b;
  double          tol = 0.25 * MIN (eyl_rect_height (&p->box), eyl_rect_height (&q->box));

  if (fabs (p->box.y0 - q->box.y0) > tol)
    return p->box.y0 < q->box.y0 ? -1 : 1;
  return p->box.x0 < q->box.x0 ? -1 : p->box.x0 > q->box.x0 ? 1
                                                            : 0;
}

/* The glue flap: a flap as tall as the face next to it and narrow, on
 * the side where the faces follow each other (a net whose faces stand in
 * a column, a sleeve lying down, has it above or below). */
static void
find_glue_flap (GArray *panels,
                double  gap_pt)
{
  double   min_x = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_y = -G_MAXDOUBLE;
  gboolean column;
  int      best = -1;
  double   best_share = G_MAXDOUBLE;

  for (guint i = 0; i < panels->len; i++)
    {
      const EylPanel *p = &g_array_index (panels, EylPanel, i);

      if (p->flap)
        continue;
      min_x = MIN (min_x, (p->box.x0 + p->box.x1) / 2);
      max_x = MAX (max_x, (p->box.x0 + p->box.x1) / 2);
      min_y = MIN (min_y, (p->box.y0 + p->box.y1) / 2);
      max_y = MAX (max_y, (p->box.y0 + p->box.y1) / 2);
    }
  column = max_y - min_y > max_x - min_x;

  for (guint i = 0; i < panels->len; i++)
    {
      const EylPanel *f = &g_array_index (panels, EylPanel, i);

      if (!f->flap)
        continue;
      for (guint k = 0; k < panels->len; k++)
        {
          const EylPanel *p = &g_array_index (panels, EylPanel, k);
          double          along_f = column ? f->width_mm : f->height_mm;
          double          along_p = column ? p->width_mm : p->height_mm;
          double          across_f = column ? f->height_mm : f->width_mm;
          double          across_p = column ? p->height_mm : p->width_mm;
          gboolean        next = column ? (fabs (f->box.y1 - p->box.y0) < gap_pt ||
                                    fabs (p->box.y1 - f->box.y0) < gap_pt)
                                        : (fabs (f->box.x1 - p->box.x0) < gap_pt ||
                                    fabs (p->box.x1 - f->box.x0) < gap_pt);

          if (p->flap || !next || along_f < GLUE_HEIGHT * along_p ||
              across_f > GLUE_WIDTH * across_p)
            continue;
          if (across_f / across_p < best_share)
            {
              best_share = across_f / across_p;
              best = (int) i;
            }
        }
    }
  if (best >= 0)
    g_array_index (panels, EylPanel, best).glue = TRUE;
}

GArray *
eyl_panels_from_dieline (const EylDieline *dieline,
                         double            mm_per_pt)
{
  GArray *panels = g_array_new (FALSE, FALSE, sizeof (EylPanel));
  double  x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  double  largest = 0;
  Grid    g = { 0 };
  GArray *areas;

  if (dieline == NULL || !(mm_per_pt > 0))
    return panels;

  for (guint i = 0; i < dieline->segments->len; i++)
    {
      const EylDielineSegment *s = &g_array_index (dieline->segments, EylDielineSegment, i);

      if (!is_structure (g_array_index (dieline->groups, EylDielineGroup, s->group).kind))
        continue;
      x0 = MIN (x0, MIN (s->x0, s->x1));
      y0 = MIN (y0, MIN (s->y0, s->y1));
      x1 = MAX (x1, MAX (s->x0, s->x1));
      y1 = MAX (y1, MAX (s->y0, s->y1));
    }
  if (!(x1 > x0 && y1 > y0))
    return panels;

  g.cell_pt = CELL_MM / mm_per_pt;
  if ((x1 - x0) * (y1 - y0) / (g.cell_pt * g.cell_pt) > MAX_CELLS)
    g.cell_pt = sqrt ((x1 - x0) * (y1 - y0) / MAX_CELLS);
  /* Two free cells around the net, so the outside is one area. */
  g.x0 = x0 - 3 * g.cell_pt;
  g.y0 = y0 - 3 * g.cell_pt;
  g.w = (int) ceil ((x1 - x0) / g.cell_pt) + 6;
  g.h = (int) ceil ((y1 - y0) / g.cell_pt) + 6;
  g.cells = g_new0 (guint8, (gsize) g.w * g.h);

  for (guint i = 0; i < dieline->segments->len; i++)
    {
      const EylDielineSegment *s = &g_array_index (dieline->segments, EylDielineSegment, i);

      if (is_structure (g_array_index (dieline->groups, EylDielineGroup, s->group).kind))
        draw_segment (&g, s);
    }

  /* The free cells' areas (sharing a side: lines drawn corner to corner
   * close), in the order of their first cell. */
  areas = eyl_areas_find (g.cells, g.w, g.h, 0, FALSE);
  g_free (g.cells);
  /* The first area holds cell (0, 0), free: the outside of the net. */
  for (guint i = 1; i < areas->len; i++)
    {
      const EylArea *a = &g_array_index (areas, EylArea, i);
      EylPanel       p = { 0 };

      p.area_mm2 = a->count * (g.cell_pt * mm_per_pt) * (g.cell_pt * mm_per_pt);
      if (p.area_mm2 < MIN_PANEL_MM2)
        continue;
      /* The lines are drawn 1.5 cells wide: the panel reaches their middle. */
      p.box.x0 = g.x0 + (a->x0 - 1.5) * g.cell_pt;
      p.box.y0 = g.y0 + (a->y0 - 1.5) * g.cell_pt;
      p.box.x1 = g.x0 + (a->x1 + 1.5) * g.cell_pt;
      p.box.y1 = g.y0 + (a->y1 + 1.5) * g.cell_pt;
      p.width_mm = eyl_rect_width (&p.box) * mm_per_pt;
      p.height_mm = eyl_rect_height (&p.box) * mm_per_pt;
      largest = MAX (largest, p.area_mm2);
      g_array_append_val (panels, p);
    }
  g_array_unref (areas);

  for (guint i = 0; i < panels->len; i++)
    {
      EylPanel *p = &g_array_index (panels, EylPanel, i);

      p->flap = p->area_mm2 < FLAP_SHARE * largest;
    }
  find_glue_flap (panels, GLUE_GAP_MM / mm_per_pt);
  g_array_sort (panels, compare_reading);
  return panels;
}

int
eyl_panels_find (GArray *panels,
                 double  x,
                 double  y)
{
  int    best = -1;
  double best_area = G_MAXDOUBLE;

  /* Boxes of a net's panels touch (and a trapezoid's box overlaps its
   * neighbour's): the smallest box holding the point. */
  for (guint i = 0; panels != NULL && i < panels->len; i++)
    {
      const EylPanel *p = &g_array_index (panels, EylPanel, i);
      double          area = eyl_rect_width (&p->box) * eyl_rect_height (&p->box);

      if (eyl_rect_contains_point (&p->box, x, y) && area < best_area)
        {
          best = (int) i;
          best_area = area;
        }
    }
  return best;
}
