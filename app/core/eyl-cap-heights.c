/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-cap-heights"

#include <math.h>
#include <string.h>

#include "eyl-cap-heights.h"
#include "eyl-stage.h"

/* Without an analysis raster the page is rendered whole within this
 * budget (~2.7 px/pt on A4). */
#define RASTER_BUDGET_PX (4.0 * 1000 * 1000)
#define RASTER_MAX_SCALE 8.0 /* px per pt */
/* Cap heights smaller than this in the raster are re-measured on a band
 * rendered at a higher scale, aiming at TARGET_CAP_PX. */
#define MIN_CAP_PX    12.0
#define TARGET_CAP_PX 32.0
/* Bands planned at most; renders of them by themselves at most, when each
 * is a Poppler pass; the most pixels replays of a recording may cost
 * (about 0.3 s of CPU). */
#define MAX_BAND_GROUPS  64
#define MAX_BAND_RENDERS 12
#define MAX_REPLAY_PX    (64.0 * 1000 * 1000)
/* One render for all the bands: within this many pixels (64 MB), when it
 * gives a band at least SHARED_ENOUGH of the scale it wants. */
#define SHARED_BUDGET_PX (16.0 * 1000 * 1000)
#define SHARED_ENOUGH    0.8
/* Below this the measurement is too coarse to trust: keep the estimate. */
#define MIN_MEASURE_PX 6.0
/* The most pixels a band measured on its lines' replays stands for:
 * half of what a raster holds before eyl_raster_new() lowers its scale
 * (the bands stay within 16 Mpx). */
#define MAX_GRID_PX (32.0 * 1000 * 1000)

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The pixels measures read, on the grid of a raster over @area at @scale
 * (@width × @height px): those of @pixels, whose first is the grid's
 * (@x0, @y0).  Lines measured on a band from a replaying renderer each
 * have theirs (measure_replayed()). */
typedef struct
{
  EylRect          area;
  double           scale;
  int              width, height;
  const EylRaster *pixels;
  int              x0, y0;
} Grid;

static Grid
grid_of (const EylRaster *r)
{
  return (Grid) { r->area, r->scale, r->width, r->height, r, 0, 0 };
}

static double
grid_luma (const Grid *g,
           int         x,
           int         y)
{
  return eyl_raster_get_luma (g->pixels, x - g->x0, y - g->y0);
}

/* The pixels of a raster at @scale from @origin that measure_glyph()
 * reads of the glyph in @box: [*gx0, *gx1) × [*gy0, *gy1) and a ring of
 * *ring pixels around them. */
static void
glyph_pixels (const EylRect *origin,
              double         scale,
              const EylRect *box,
              gboolean       vertical,
              int           *gx0,
              int           *gy0,
              int           *gx1,
              int           *gy1,
              int           *ring)
{
  *gx0 = (int) floor ((box->x0 - origin->x0) * scale);
  *gy0 = (int) floor ((box->y0 - origin->y0) * scale);
  *gx1 = (int) ceil ((box->x1 - origin->x0) * scale);
  *gy1 = (int) ceil ((box->y1 - origin->y0) * scale);
  *ring = MAX (2, (int) ((vertical ? *gx1 - *gx0 : *gy1 - *gy0) * 0.1));
}

/* Ink extent of one glyph across its "up" axis, in pt, or 0.
 *
 * The background is the median luminance of a ring just outside the glyph
 * box, so light text on a dark panel works as well as dark on light.  Each
 * row (or column, for vertical text) gets a coverage: the largest contrast
 * to the background in it over the largest in its block of inked rows,
 * so anti-aliased edge rows count by the fraction they are inked.  The
 * glyph is the heaviest contiguous block; its summed coverage is the ink
 * height with sub-pixel precision for flat-topped, flat-bottomed letters. */
static double
measure_glyph (const Grid    *r,
               const EylRect *box,
               gboolean       vertical)
{
  int gx0, gy0, gx1, gy1, ring, n_along;
  g_autoptr(GArray) ring_values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree double *profile = NULL;
  double             bg, max_contrast = 0, best_mass = 0, mass = 0;
  int                inset, start = -1;

  glyph_pixels (&r->area, r->scale, box, vertical, &gx0, &gy0, &gx1, &gy1, &ring);

  if (gx0 - ring < 0 || gy0 - ring < 0 || gx1 + ring > r->width || gy1 + ring > r->height)
    return 0;
  /* A grid without pixels: a line with nothing to read on it. */
  if (gx1 - gx0 < 2 || gy1 - gy0 < 2 || r->pixels == NULL)
    return 0;

  for (int y = gy0 - ring; y < gy1 + ring; y++)
    for (int x = gx0 - ring; x < gx1 + ring; x++)
      {
        double v;

        if (x >= gx0 && x < gx1 && y >= gy0 && y < gy1)
          continue;
        v = grid_luma (r, x, y);
        g_array_append_val (ring_values, v);
      }
  g_array_sort (ring_values, compare_double);
  bg = g_array_index (ring_values, double, ring_values->len / 2);

  /* The middle of the advance box along the text: the neighbours' ink
   * (kerning, italics) stays out. */
  n_along = vertical ? gx1 - gx0 : gy1 - gy0;
  profile = g_new0 (double, n_along);
  inset = MAX (0, (int) ((vertical ? gy1 - gy0 : gx1 - gx0) * 0.12));

  for (int a = 0; a < n_along; a++)
    {
      double row_max = 0;

      for (int t = inset; t < (vertical ? gy1 - gy0 : gx1 - gx0) - inset; t++)
        {
          int x = vertical ? gx0 + a : gx0 + t;
          int y = vertical ? gy0 + t : gy0 + a;

          row_max = MAX (row_max, fabs (grid_luma (r, x, y) - bg));
        }
      profile[a] = row_max;
      max_contrast = MAX (max_contrast, row_max);
    }

  /* Ink must clearly differ from the background. */
  if (max_contrast < 40)
    return 0;

  /* Each contiguous block of inked rows is measured against its own
   * contrast: a green title's rows count whole even where the box also
   * reaches the navy line set tight under it. */
  for (int a = 0; a <= n_along; a++)
    {
      double c = a < n_along ? profile[a] / max_contrast : 0;

      if (c > 0.08 && start < 0)
        start = a;
      else if (c <= 0.08 && start >= 0)
        {
          double block_max = 0;

          for (int b = start; b < a; b++)
            block_max = MAX (block_max, profile[b]);
          mass = 0;
          for (int b = start; b < a; b++)
            mass += MIN (profile[b] / block_max, 1.0);
          best_mass = MAX (best_mass, mass);
          start = -1;
        }
    }
  return best_mass / r->scale;
}

typedef struct
{
  double   cap; /* pt, 0 = not measured */
  double   x;
  double   est_cap;
  gboolean vertical;
  double   cap_px_low; /* measured cap in the page raster, px */
  gboolean covered;    /* the page raster shows the whole line */
} LineMeasure;

static gboolean
is_cap_letter (gunichar c)
{
  /* Flat top and flat bottom: the ink is exactly the cap height. */
  return strchr ("EFHIKLMNTZ", (int) c) != NULL && c < 128;
}

static gboolean
is_x_letter (gunichar c)
{
  return c < 128 && strchr ("xzvwu", (int) c) != NULL;
}

static double
median_of (GArray *values)
{
  if (values->len == 0)
    return 0;
  g_array_sort (values, compare_double);
  if (values->len % 2 == 1)
    return g_array_index (values, double, values->len / 2);
  return 0.5 * (g_array_index (values, double, values->len / 2 - 1) + g_array_index (values, double, values->len / 2));
}

static void
measure_line (const Grid        *r,
              const EylGlyph    *glyphs,
              const EylTextLine *line,
              LineMeasure       *out)
{
  g_autoptr(GArray) caps = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = line->start; i < line->end; i++)
    {
      const EylGlyph *g = &glyphs[i];
      gboolean        cap = is_cap_letter (g->ch), x = is_x_letter (g->ch);
      double          v;

      if (!cap && !x)
        continue;
      v = measure_glyph (r, &g->box, out->vertical);
      if (v <= 0)
        continue;
      g_array_append_val (cap ? caps : xs, v);
    }

  out->cap = median_of (caps);
  out->x = median_of (xs);
}

static gboolean
line_is_vertical (const EylGlyph    *glyphs,
                  const EylTextLine *line)
{
  const EylGlyph *first = NULL, *last = NULL;

  for (guint i = line->start; i < line->end; i++)
    if (!eyl_rect_is_empty (&glyphs[i].box) && !g_unichar_isspace (glyphs[i].ch))
      {
        if (first == NULL)
          first = &glyphs[i];
        last = &glyphs[i];
      }
  if (first == NULL || first == last)
    /* One glyph: a glyph box taller than wide is the usual case. */
    return first != NULL && eyl_rect_width (&first->box) > 1.6 * eyl_rect_height (&first->box);

  return fabs (last->box.y0 - first->box.y0) > fabs (last->box.x0 - first->box.x0);
}

static gboolean
line_has_letters (const EylGlyph    *glyphs,
                  const EylTextLine *line)
{
  for (guint i = line->start; i < line->end; i++)
    if (is_cap_letter (glyphs[i].ch) || is_x_letter (glyphs[i].ch))
      return TRUE;
  return FALSE;
}

static void
accept_measure (LineMeasure *m,
                double       cap,
                double       x,
                double       scale)
{
  /* Too few pixels: keep what is there only if it is the better figure. */
  if (cap * scale >= MIN_MEASURE_PX)
    m->cap = cap;
  if (x * scale >= MIN_MEASURE_PX)
    m->x = x;
}

/* A band of lines measured again on a finer render. */
typedef struct
{
  EylRect  band;
  double   scale;      /* wanted px per pt */
  guint    first, end; /* its lines */
  gboolean measured;
} BandGroup;

/* Whether a raster at @scale measures @group (measure_groups() with
 * @max_wanted). */
static gboolean
measures_group (const BandGroup *group,
                double           scale,
                double           max_wanted)
{
  return !group->measured && (group->scale <= scale || group->scale <= max_wanted);
}

/* Whether measure_groups() measures @group on @r. */
static gboolean
raster_measures_group (const Grid      *r,
                       const BandGroup *group,
                       double           max_wanted)
{
  return measures_group (group, r->scale, max_wanted) && group->band.x0 >= r->area.x0 &&
         group->band.y0 >= r->area.y0 && group->band.x1 <= r->area.x0 + r->width / r->scale &&
         group->band.y1 <= r->area.y0 + r->height / r->scale;
}

/* Measures on @r (covering them; each line on its pixels in @parts
 * when not NULL) the lines of the groups not measured yet
 * that @r is fine enough for: @r->scale at least their scale, or
 * @max_wanted at least it. */
static void
measure_groups (const Grid        *r,
                GArray            *groups,
                double             max_wanted,
                const EylGlyph    *glyphs,
                const EylTextLine *lines,
                LineMeasure       *m,
                const Grid        *parts)
{
  for (guint g = 0; g < groups->len; g++)
    {
      BandGroup *group = &g_array_index (groups, BandGroup, g);

      if (!raster_measures_group (r, group, max_wanted))
        continue;
      group->measured = TRUE;
      for (guint k = group->first; k < group->end; k++)
        {
          LineMeasure hi = m[k];

          if (!line_has_letters (glyphs, &lines[k]))
            continue;
          measure_line (parts != NULL ? &parts[k] : r, glyphs, &lines[k], &hi);
          accept_measure (&m[k], hi.cap, hi.x, r->scale);
          m[k].cap_px_low = MIN_CAP_PX; /* done */
        }
    }
}

static gboolean
rect_inside (const EylRect *inner,
             const EylRect *outer)
{
  return inner->x0 >= outer->x0 && inner->y0 >= outer->y0 && inner->x1 <= outer->x1 &&
         inner->y1 <= outer->y1;
}

/* Small text: bands around groups of nearby lines that @scale (the page
 * raster's) shows too small or not at all, each wanting a scale that
 * gives the cap height TARGET_CAP_PX pixels. */
static GArray *
plan_bands (const EylGlyph    *glyphs,
            const EylTextLine *lines,
            guint              n_lines,
            const LineMeasure *m,
            double             width,
            double             height,
            double             scale,
            GCancellable      *cancellable)
{
  GArray *groups = g_array_new (FALSE, FALSE, sizeof (BandGroup));

  for (guint i = 0; i < n_lines && groups->len < MAX_BAND_GROUPS; i++)
    {
      const LineMeasure *lm = &m[i];
      EylRect            band;
      double             want, best_scale, area;
      guint              j;

      if (!line_has_letters (glyphs, &lines[i]))
        continue;
      if (lm->cap_px_low >= MIN_CAP_PX || lines[i].font_size <= 0 || eyl_rect_is_empty (&lines[i].box))
        continue;
      if (g_cancellable_is_cancelled (cancellable))
        break;

      want = TARGET_CAP_PX / MAX (lm->est_cap, 0.05);
      band = lines[i].box;
      /* Group the following lines needing about the same scale that sit
       * within a few line heights. */
      for (j = i + 1; j < n_lines; j++)
        {
          EylRect            grown = band;
          const EylTextLine *o = &lines[j];
          double             o_want = TARGET_CAP_PX / MAX (0.7 * o->font_size, 0.05);

          if (m[j].cap_px_low >= MIN_CAP_PX || o->font_size <= 0 || eyl_rect_is_empty (&o->box))
            break;
          if (o_want < want / 2 || o_want > want * 2)
            break;
          if (o->box.y0 > band.y1 + 3 * eyl_rect_height (&lines[i].box) || o->box.y1 < band.y0 - 3 * eyl_rect_height (&lines[i].box))
            break;
          eyl_rect_union (&grown, &o->box);
          if (eyl_rect_width (&grown) * eyl_rect_height (&grown) * want * want > RASTER_BUDGET_PX)
            break;
          band = grown;
        }

      /* A margin for the background ring. */
      {
        double pad = MAX (2.0, 0.5 * eyl_rect_height (&band));

        band.x0 = MAX (0, band.x0 - pad);
        band.y0 = MAX (0, band.y0 - pad);
        band.x1 = MIN (width, band.x1 + pad);
        band.y1 = MIN (height, band.y1 + pad);
      }
      area = eyl_rect_width (&band) * eyl_rect_height (&band);
      best_scale = MIN (want, sqrt (RASTER_BUDGET_PX / MAX (area, 1e-6)));
      best_scale = MIN (best_scale, 400.0);

      /* A band no finer than the page raster is worth a render only for
       * lines the raster does not show. */
      if (best_scale > scale * 1.2 || !lm->covered)
        {
          BandGroup g = { band, best_scale, i, j };

          g_array_append_val (groups, g);
        }
      i = j - 1;
    }

  return groups;
}

/* Each render runs the whole page through Poppler however small the
 * band, so the bands are measured on one render of them all (@all at
 * @scale) when it is fine enough within SHARED_BUDGET_PX; FALSE for
 * fewer than two. */
static gboolean
plan_shared_band (GArray  *groups,
                  EylRect *all,
                  double  *scale)
{
  double finest = 0;

  if (groups->len < 2)
    return FALSE;
  *all = g_array_index (groups, BandGroup, 0).band;
  for (guint g = 0; g < groups->len; g++)
    {
      const BandGroup *group = &g_array_index (groups, BandGroup, g);

      eyl_rect_union (all, &group->band);
      finest = MAX (finest, group->scale);
    }
  *scale = MIN (finest, sqrt (SHARED_BUDGET_PX / MAX (eyl_rect_width (all) * eyl_rect_height (all), 1e-6)));
  return TRUE;
}

guint
eyl_count_line_height_renders (const EylGlyph    *glyphs,
                               const EylTextLine *lines,
                               guint              n_lines,
                               const EylRect     *page_rect,
                               const EylRect     *raster_area,
                               double             raster_scale)
{
  g_autofree LineMeasure *m = NULL;
  g_autoptr(GArray) groups = NULL;
  EylRect all;
  double  shared_scale;
  guint   n = 1;

  g_return_val_if_fail (n_lines == 0 || (glyphs != NULL && lines != NULL), 0);
  g_return_val_if_fail (page_rect != NULL && raster_area != NULL, 0);

  /* The lines' estimates stand for what the raster will show. */
  m = g_new0 (LineMeasure, n_lines);
  for (guint i = 0; i < n_lines; i++)
    {
      m[i].est_cap = 0.7 * lines[i].font_size;
      m[i].covered = rect_inside (&lines[i].box, raster_area);
      if (m[i].covered)
        m[i].cap_px_low = m[i].est_cap * raster_scale;
    }
  groups = plan_bands (glyphs, lines, n_lines, m, page_rect->x1, page_rect->y1, raster_scale, NULL);
  if (groups->len == 0)
    return 0;
  if (!plan_shared_band (groups, &all, &shared_scale))
    return 1;
  for (guint g = 0; g < groups->len; g++)
    if (g_array_index (groups, BandGroup, g).scale > shared_scale / SHARED_ENOUGH)
      n++;
  return n;
}

/* @area at @scale, or NULL (said in the debug log) when it cannot be
 * rendered: the lines keep their estimates. */
static EylRaster *
render_band (const EylRenderer *renderer,
             const EylRect     *area,
             double             scale)
{
  g_autoptr(GError) error = NULL;
  EylRaster *raster = eyl_renderer_render (renderer, area, scale, &error);

  if (raster == NULL)
    g_debug ("cap heights: [%.1f %.1f %.1f %.1f] pt at %.3f px/pt not rendered: %s",
             area->x0, area->y0, area->x1, area->y1, scale, error->message);
  return raster;
}

/* The pixels of @grid that measuring @line on it reads
 * (measure_glyph()): its letters' boxes and background rings, within
 * @grid; an empty rectangle when none. */
static void
line_pixels (const Grid        *grid,
             const EylGlyph    *glyphs,
             const EylTextLine *line,
             gboolean           vertical,
             int               *x0,
             int               *y0,
             int               *x1,
             int               *y1)
{
  *x0 = *y0 = G_MAXINT;
  *x1 = *y1 = G_MININT;
  for (guint i = line->start; i < line->end; i++)
    {
      int gx0, gy0, gx1, gy1, ring;

      if (!is_cap_letter (glyphs[i].ch) && !is_x_letter (glyphs[i].ch))
        continue;
      glyph_pixels (&grid->area, grid->scale, &glyphs[i].box, vertical, &gx0, &gy0, &gx1, &gy1,
                    &ring);
      *x0 = MIN (*x0, gx0 - ring);
      *y0 = MIN (*y0, gy0 - ring);
      *x1 = MAX (*x1, gx1 + ring);
      *y1 = MAX (*y1, gy1 + ring);
    }
  *x0 = CLAMP (*x0, 0, grid->width);
  *y0 = CLAMP (*y0, 0, grid->height);
  *x1 = CLAMP (*x1, *x0, grid->width);
  *y1 = CLAMP (*y1, *y0, grid->height);
}

static void
clear_parts (Grid *parts,
             guint n_lines)
{
  for (guint k = 0; k < n_lines; k++)
    g_clear_pointer ((EylRaster **) &parts[k].pixels, eyl_raster_unref);
  g_free (parts);
}

/* The lines of @groups that a raster of @area at @scale (@renderer's fit)
 * measures, measured (measure_groups()) on what they read of it alone,
 * from a renderer that replays a recording of the page (no Poppler
 * pass): each line's letters, with their background rings, replayed by
 * themselves on the raster's pixel grid.  A replay of a whole band draws
 * the page's images and paths again at the band's scale, where its
 * lines' letters are a small part of it: the shared band of
 * poster-rdmo-a0 (3396 × 4713 px, 8 bands) took 150 ms and a white
 * raster of 64 MB, its 57 lines' letters 5 ms.  A replay on the same
 * pixel grid gives the pixels a replay of @area gives there, and the
 * measures are those of the whole band.  FALSE (nothing measured) when
 * one cannot be replayed. */
static gboolean
measure_replayed (const EylRenderer *renderer,
                  const EylRect     *area,
                  double             scale,
                  GArray            *groups,
                  double             max_wanted,
                  const EylGlyph    *glyphs,
                  const EylTextLine *lines,
                  guint              n_lines,
                  LineMeasure       *m)
{
  Grid   grid = { *area, scale, 0, 0, NULL, 0, 0 }, *parts;
  double w = eyl_rect_width (area) * scale, h = eyl_rect_height (area) * scale;

  /* The size eyl_raster_new() gives a raster of @area at @scale, well
   * within the pixels it holds without lowering the scale. */
  if (eyl_rect_is_empty (area) || !(scale > 0) || !isfinite (scale) || !(w * h <= MAX_GRID_PX) ||
      ceil (w) > 32767 || ceil (h) > 32767)
    return FALSE;
  grid.width = MAX ((int) ceil (w), 1);
  grid.height = MAX ((int) ceil (h), 1);

  parts = g_new0 (Grid, n_lines);
  for (guint g = 0; g < groups->len; g++)
    {
      const BandGroup *group = &g_array_index (groups, BandGroup, g);

      if (!raster_measures_group (&grid, group, max_wanted))
        continue;
      for (guint k = group->first; k < group->end; k++)
        {
          g_autoptr(GError) error = NULL;
          EylRaster *part;
          EylRect    letters;
          int        x0, y0, x1, y1;

          parts[k] = grid;
          if (!line_has_letters (glyphs, &lines[k]))
            continue;
          line_pixels (&grid, glyphs, &lines[k], m[k].vertical, &x0, &y0, &x1, &y1);
          if (x1 <= x0 || y1 <= y0)
            continue;
          letters = (EylRect) { area->x0 + x0 / scale, area->y0 + y0 / scale, area->x0 + x1 / scale,
                                area->y0 + y1 / scale };
          part = eyl_renderer_render (renderer, &letters, scale, &error);
          parts[k].pixels = part;
          parts[k].x0 = x0;
          parts[k].y0 = y0;
          if (part == NULL || part->scale != scale || part->width < x1 - x0 || part->height < y1 - y0)
            {
              g_debug ("cap heights: letters [%.1f %.1f %.1f %.1f] pt at %.3f px/pt not replayed: %s",
                       letters.x0, letters.y0, letters.x1, letters.y1, scale,
                       error != NULL ? error->message : "not at its scale");
              clear_parts (parts, n_lines);
              return FALSE;
            }
        }
    }
  measure_groups (&grid, groups, max_wanted, glyphs, lines, m, parts);
  clear_parts (parts, n_lines);
  return TRUE;
}

/* @area at @fit (@renderer's) with only what measure_groups() reads of
 * it drawn, the rest left white: the letters of the lines it measures
 * with their background rings (line_pixels()), each line's within its
 * band when @within_bands; NULL when @renderer cannot draw the page onto
 * a context of ours.  Cairo composites the page's images and paths only
 * there, where a render of a band or of the bands together composites
 * them all over it (the render stage of packaging-manjaro-box 0.13 ->
 * 0.058 s, poster-rdmo-escience 0.45 -> 0.32 s).  They are clipped on
 * whole pixels and then to @area as a render clips it: within them the
 * pixels are those of a render of @area (as a replay of a recording of
 * several regions is a render's). */
static EylRaster *
draw_letters (const EylRenderer *renderer,
              const EylRect     *area,
              double             fit,
              GArray            *groups,
              double             max_wanted,
              gboolean           within_bands,
              const EylGlyph    *glyphs,
              const EylTextLine *lines,
              const LineMeasure *m)
{
  /* A render, whoever asks for it: the raster's white paper too. */
  g_auto(EylStageScope) stage = eyl_stage_scope (EYL_STAGE_RENDER);
  g_autoptr(GError) error = NULL;
  g_autoptr(EylRaster) raster = NULL;
  Grid     grid;
  cairo_t *cr;
  gboolean ok;

  if (renderer->draw == NULL || eyl_rect_is_empty (area) || !(fit > 0) || !isfinite (fit))
    return NULL;
  raster = eyl_raster_new (area, fit);
  if (raster->scale != fit || raster->width < (int) floor (eyl_rect_width (area) * fit) ||
      raster->height < (int) floor (eyl_rect_height (area) * fit))
    return NULL;

  grid = grid_of (raster);
  cr = cairo_create (eyl_raster_get_surface (raster));
  for (guint g = 0; g < groups->len; g++)
    {
      const BandGroup *group = &g_array_index (groups, BandGroup, g);
      int              x0 = 0, y0 = 0, x1 = raster->width, y1 = raster->height;

      if (!raster_measures_group (&grid, group, max_wanted))
        continue;
      if (within_bands)
        {
          x0 = (int) floor ((group->band.x0 - area->x0) * fit);
          y0 = (int) floor ((group->band.y0 - area->y0) * fit);
          x1 = (int) ceil ((group->band.x1 - area->x0) * fit);
          y1 = (int) ceil ((group->band.y1 - area->y0) * fit);
        }
      for (guint k = group->first; k < group->end; k++)
        {
          int lx0, ly0, lx1, ly1;

          if (!line_has_letters (glyphs, &lines[k]))
            continue;
          line_pixels (&grid, glyphs, &lines[k], m[k].vertical, &lx0, &ly0, &lx1, &ly1);
          lx0 = MAX (lx0, x0);
          ly0 = MAX (ly0, y0);
          lx1 = MIN (lx1, x1);
          ly1 = MIN (ly1, y1);
          if (lx1 > lx0 && ly1 > ly0)
            cairo_rectangle (cr, lx0, ly0, lx1 - lx0, ly1 - ly0);
        }
    }
  cairo_clip (cr);
  cairo_scale (cr, fit, fit);
  cairo_translate (cr, -area->x0, -area->y0);
  cairo_rectangle (cr, area->x0, area->y0, eyl_rect_width (area), eyl_rect_height (area));
  cairo_clip (cr);
  ok = renderer->draw (cr, renderer->user_data, &error) && cairo_status (cr) == CAIRO_STATUS_SUCCESS;
  cairo_destroy (cr);
  if (!ok)
    {
      g_debug ("cap heights: letters of [%.1f %.1f %.1f %.1f] pt at %.3f px/pt not drawn: %s",
               area->x0, area->y0, area->x1, area->y1, fit, error != NULL ? error->message : "Cairo");
      return NULL;
    }
  cairo_surface_flush (eyl_raster_get_surface (raster));
  return g_steal_pointer (&raster);
}

/* Measures the lines of @groups that a raster of @area at @scale
 * measures (measure_groups(), @max_wanted as there) on as little drawing
 * as gives their pixels: from a renderer that replays a recording
 * (@replays) each line's letters replayed by themselves
 * (measure_replayed()); else @area with only their letters drawn
 * (draw_letters(), each line's within its band when @within_bands);
 * else, or when neither can be made, @area rendered whole. */
static void
measure_on (const EylRenderer *renderer,
            gboolean           replays,
            const EylRect     *area,
            double             scale,
            GArray            *groups,
            double             max_wanted,
            gboolean           within_bands,
            const EylGlyph    *glyphs,
            const EylTextLine *lines,
            guint              n_lines,
            LineMeasure       *m)
{
  double fit = eyl_renderer_fit_scale (renderer, area, scale);
  g_autoptr(EylRaster) r = NULL;
  Grid grid;

  if (replays && measure_replayed (renderer, area, fit, groups, max_wanted, glyphs, lines, n_lines, m))
    return;
  r = draw_letters (renderer, area, fit, groups, max_wanted, within_bands, glyphs, lines, m);
  if (r == NULL)
    r = render_band (renderer, area, scale);
  if (r == NULL)
    return;
  grid = grid_of (r);
  measure_groups (&grid, groups, max_wanted, glyphs, lines, m, NULL);
}

/* Whether a raster of @all at @renderer's fit to @scale measures any of
 * @groups; if none (the bands all want finer) the render they would
 * share is a Poppler pass saved. */
static gboolean
shared_band_measures (const EylRenderer *renderer,
                      GArray            *groups,
                      const EylRect     *all,
                      double             scale,
                      double             max_wanted)
{
  double fit = eyl_renderer_fit_scale (renderer, all, scale);

  for (guint g = 0; g < groups->len; g++)
    if (measures_group (&g_array_index (groups, BandGroup, g), fit, max_wanted))
      return TRUE;
  g_debug ("cap heights: every band wants finer than [%.1f %.1f %.1f %.1f] pt at %.3f px/pt",
           all->x0, all->y0, all->x1, all->y1, fit);
  return FALSE;
}

void
eyl_measure_line_heights (const EylGlyph    *glyphs,
                          const EylTextLine *lines,
                          guint              n_lines,
                          const EylRect     *page_rect,
                          const EylRaster   *raster,
                          const EylRenderer *renderer,
                          gboolean           replays,
                          GCancellable      *cancellable,
                          double            *cap_heights,
                          double            *x_heights)
{
  g_auto(EylStageScope) stage = eyl_stage_scope (EYL_STAGE_CAP_HEIGHTS);
  g_autofree LineMeasure *m = NULL;
  g_autoptr(GArray) groups = NULL;
  g_autoptr(EylRaster) r = NULL;
  EylRect all, shown;
  Grid    page_grid;
  double  width, height, scale, shared_scale, replayed_px = 0;
  guint   n_renders = 0;

  g_return_if_fail (n_lines == 0 || (glyphs != NULL && lines != NULL));
  g_return_if_fail (page_rect != NULL && cap_heights != NULL && x_heights != NULL);

  for (guint i = 0; i < n_lines; i++)
    cap_heights[i] = x_heights[i] = 0;
  if (n_lines == 0)
    return;
  width = page_rect->x1;
  height = page_rect->y1;

  /* Without the analysis raster, the whole page within RASTER_BUDGET_PX. */
  if (raster == NULL)
    {
      if (renderer == NULL || renderer->render == NULL)
        return;
      scale = MIN (RASTER_MAX_SCALE, sqrt (RASTER_BUDGET_PX / MAX (width * height, 1e-6)));
      r = render_band (renderer, page_rect, scale);
      if (r == NULL)
        return;
      raster = r;
    }
  scale = raster->scale;
  page_grid = grid_of (raster);
  shown = (EylRect) { raster->area.x0, raster->area.y0, raster->area.x0 + raster->width / scale,
                      raster->area.y0 + raster->height / scale };

  /* The lines whose letters @raster shows large enough: a line outside
   * it (bleed, slug) measures 0 there and goes to the bands. */
  m = g_new0 (LineMeasure, n_lines);
  for (guint i = 0; i < n_lines; i++)
    {
      LineMeasure *lm = &m[i];
      double       cap, x;

      lm->vertical = line_is_vertical (glyphs, &lines[i]);
      lm->est_cap = 0.7 * lines[i].font_size;
      lm->covered = rect_inside (&lines[i].box, &shown);
      if (!line_has_letters (glyphs, &lines[i]))
        continue;
      measure_line (&page_grid, glyphs, &lines[i], lm);
      cap = lm->cap;
      x = lm->x;
      lm->cap = lm->x = 0;
      lm->cap_px_low = MAX (cap, x / 0.7) * scale;
      accept_measure (lm, cap, x, scale);
    }
  g_clear_pointer (&r, eyl_raster_unref);
  if (renderer == NULL || renderer->render == NULL)
    goto done;

  groups = plan_bands (glyphs, lines, n_lines, m, width, height, scale, cancellable);
  if (plan_shared_band (groups, &all, &shared_scale))
    {
      double max_wanted = shared_scale / SHARED_ENOUGH;

      n_renders++;
      /* The shared band spans every band, often the whole page at up to
       * 16 Mpx (packaging-manjaro-box 121 ms, flyer-osgeo-postgis 107 ms
       * rendered whole), where its lines' letters are a small part. */
      if (shared_band_measures (renderer, groups, &all, shared_scale, max_wanted))
        measure_on (renderer, replays, &all, shared_scale, groups, max_wanted, TRUE, glyphs, lines,
                    n_lines, m);
    }
  for (guint g = 0; g < groups->len; g++)
    {
      const BandGroup *group = &g_array_index (groups, BandGroup, g);
      double           px = eyl_rect_width (&group->band) * eyl_rect_height (&group->band) *
                  group->scale * group->scale;

      if (group->measured || (replays && replayed_px + px > MAX_REPLAY_PX))
        continue;
      if (!replays && n_renders >= MAX_BAND_RENDERS + 1)
        break;
      n_renders++;
      replayed_px += px;
      measure_on (renderer, replays, &group->band, group->scale, groups, 0, FALSE, glyphs, lines,
                  n_lines, m);
    }

done:
  for (guint i = 0; i < n_lines; i++)
    {
      if ((m[i].cap > 0 || m[i].x > 0) && !g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN))
        {
          g_autoptr(GString) text = g_string_new (NULL);

          for (guint k = lines[i].start; k < lines[i].end && k < lines[i].start + 24; k++)
            g_string_append_unichar (text, glyphs[k].ch);
          g_debug ("line %u “%s” %.1f pt: cap %.3f x %.3f pt (%.1f px in the page raster)", i,
                   text->str, lines[i].font_size, m[i].cap, m[i].x, m[i].cap_px_low);
        }
      cap_heights[i] = m[i].cap;
      x_heights[i] = m[i].x;
    }
}
