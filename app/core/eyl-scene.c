/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-scene.c: the side elevation — the placement drawn to scale with the
 * shortest and tallest viewers and their sight lines (DESIGN.md 3.1). */
#include "config.h"

#define G_LOG_DOMAIN "eyl-scene"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "eyl-options.h"
#include "eyl-scene.h"
#include "eyl-overlay.h"

/* Eye height is about 93.5 % of stature (anthropometric tables: stature
 * minus ~110–120 mm for adults). */
#define EYE_TO_STATURE 0.935
/* Not in the placement: an exhibition table is ~760 mm deep (a US 6 ft
 * table is 30 in); used for drawing only. */
#define TABLE_DEPTH_MM 760.0
#define CROWD_DEPTH_MM 300.0
/* A shelf-edge strip (ticket channel): a few mm thick, ~39 mm tall of
 * which the part above the deck is the placement's strip_height_mm. */
#define STRIP_DEPTH_MM      6.0
#define STRIP_BELOW_DECK_MM 29.0
/* At the side view's scale (~0.2 px per mm) the strip would be a pixel
 * thick: never thinner or shorter than this on screen (device units). */
#define STRIP_MIN_WIDTH  5.0
#define STRIP_MIN_HEIGHT 9.0

/* Device margins around the world, in units of the font size. */
#define MARGIN_LEFT_EM   7.5
#define MARGIN_RIGHT_EM  3.6
#define MARGIN_TOP_EM    3.4
#define MARGIN_BOTTOM_EM 2.4

typedef struct
{
  cairo_t               *cr;
  EylPageAnalysis       *analysis;
  const EylSceneOptions *options;
  EylSceneLayout         l;
  double                 font_px;
  double                 fg[4];    /* lines and text */
  double                 muted[4]; /* grid, labels of secondary things */
  double                 solid[4]; /* furniture fill */
  double                 bg[4];
  double                 height;   /* of the picture, device units */
  GArray                *placed;   /* cairo_rectangle_t of every label drawn */
  gboolean               give_way; /* the next labels move off those drawn */
} Scene;

void
eyl_scene_options_init (EylSceneOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (EylSceneOptions) {
    .dark = FALSE,
    .paint_background = FALSE,
    .inches = FALSE,
    .font_px = 11.0,
    .highlighted_element = -1,
  };
}

/* Layout -------------------------------------------------------------- */

static gboolean
crowd_applies (const EylPlacement *pl)
{
  return pl->crowd_height_mm > 0 && pl->distance_m >= pl->crowd_distance_m;
}

void
eyl_scene_layout (double                 width,
                  double                 height,
                  EylPageAnalysis       *analysis,
                  const EylSceneOptions *options,
                  EylSceneLayout        *l)
{
  const EylPlacement *pl;
  const EylPageFrame *fr;
  double              font_px, d, sx, sy, ml, mr, mt, mb, world_w, world_h;

  g_return_if_fail (analysis != NULL && analysis->placement != NULL);
  g_return_if_fail (l != NULL);

  pl = analysis->placement;
  fr = &analysis->frame;
  font_px = options != NULL && options->font_px > 0 ? options->font_px : 11.0;
  d = pl->distance_m * 1000.0;

  memset (l, 0, sizeof *l);
  l->material_bottom_mm = fr->bottom_floor_mm;
  l->material_top_mm = fr->bottom_floor_mm + fr->material_h_mm;
  l->distance_mm = d;

  /* The occluder: the table (with what stands on it), else a crowd for
   * far viewers; the one that hides more for the median viewer. */
  if (pl->table_height_mm > 0)
    {
      l->occluder_gap_mm = MAX (pl->table_gap_mm, 0.0);
      l->occluder_depth_mm = TABLE_DEPTH_MM;
      l->occluder_height_mm = pl->table_height_mm;
      l->occluder_top_mm = pl->table_height_mm + MAX (pl->table_objects_mm, 0.0);
    }
  if (crowd_applies (pl))
    {
      double e = eyl_population_quantile (pl, 0.5);
      double by_table = l->occluder_height_mm > 0
                            ? eyl_occlusion_height_mm (e, d, pl->table_height_mm, pl->table_objects_mm, pl->table_gap_mm)
                            : 0.0;
      double by_crowd = eyl_occlusion_height_mm (e, d, pl->crowd_height_mm, 0, pl->crowd_gap_mm);

      if (by_crowd > by_table)
        {
          l->occluder_gap_mm = MAX (pl->crowd_gap_mm, 0.0);
          l->occluder_depth_mm = CROWD_DEPTH_MM;
          l->occluder_height_mm = pl->crowd_height_mm;
          l->occluder_top_mm = pl->crowd_height_mm;
          l->occluder_is_crowd = TRUE;
        }
    }
  /* A pack's shelf-edge strip: where it hides more than a table or a
   * crowd would for the median viewer, the sight lines go over its top
   * edge, the same line of sight the rules use (eyl_strip_line_mm). */
  if (pl->kind == EYL_PLACEMENT_SHELF && pl->strip_height_mm > 0)
    {
      double e = eyl_population_quantile (pl, 0.5);
      double by_other = l->occluder_height_mm <= 0 ? 0.0
                        : l->occluder_is_crowd
                            ? eyl_occlusion_height_mm (e, d, pl->crowd_height_mm, 0, pl->crowd_gap_mm)
                            : eyl_occlusion_height_mm (e, d, pl->table_height_mm, pl->table_objects_mm,
                                                       pl->table_gap_mm);

      if (l->occluder_height_mm <= 0 || eyl_strip_line_mm (pl, fr->bottom_floor_mm, e) >= by_other)
        {
          l->occluder_gap_mm = MAX (pl->strip_gap_mm, 0.0);
          l->occluder_depth_mm = STRIP_DEPTH_MM;
          l->occluder_height_mm = l->occluder_top_mm = fr->bottom_floor_mm + pl->strip_height_mm;
          l->occluder_is_crowd = FALSE;
          l->occluder_is_strip = TRUE;
        }
    }
  /* A viewer standing at or inside the occluder looks past it. */
  if (l->occluder_height_mm > 0 && l->occluder_gap_mm >= d)
    l->occluder_height_mm = l->occluder_top_mm = 0.0;
  else if (l->occluder_height_mm > 0)
    l->occluder_depth_mm = MIN (l->occluder_depth_mm, MAX (d - l->occluder_gap_mm - 250.0, 100.0));
  l->sight_over_occluder = l->occluder_height_mm > 0;

  l->eye_mm[0] = MIN (pl->eye_min_mm, pl->eye_max_mm);
  l->eye_mm[1] = MAX (pl->eye_min_mm, pl->eye_max_mm);
  for (int i = 0; i < 2; i++)
    {
      l->stature_mm[i] = l->eye_mm[i] / EYE_TO_STATURE;
      if (l->sight_over_occluder && l->occluder_is_strip)
        l->sight_hit_mm[i] = eyl_strip_line_mm (pl, fr->bottom_floor_mm, l->eye_mm[i]);
      else if (l->sight_over_occluder)
        l->sight_hit_mm[i] = l->occluder_is_crowd
                                 ? eyl_occlusion_height_mm (l->eye_mm[i], d, pl->crowd_height_mm, 0, pl->crowd_gap_mm)
                                 : eyl_occlusion_height_mm (l->eye_mm[i], d, pl->table_height_mm,
                                                            pl->table_objects_mm, pl->table_gap_mm);
      else
        l->sight_hit_mm[i] = l->eye_mm[i] - d * tan (pl->sight_line_deg * G_PI / 180.0);
    }

  /* The one eye-level zone the overlay and the findings name. */
  {
    EylEyeZone zone;

    eyl_eye_zone_for (pl, fr, &zone);
    l->eye_band_low_mm = MAX (zone.low_mm, 0.0);
    l->eye_band_high_mm = zone.high_mm;
  }

  /* The world: from behind the material (its foot, a wall) to behind the
   * viewers; from the floor to above the tallest head or the material. */
  l->x_min_mm = -MAX (200.0, 0.06 * d);
  l->x_max_mm = d + 0.16 * l->stature_mm[1] + MAX (250.0, 0.08 * d);
  l->y_max_mm = MAX (l->material_top_mm, l->stature_mm[1]) + 120.0;

  ml = MARGIN_LEFT_EM * font_px;
  mr = MARGIN_RIGHT_EM * font_px;
  mt = MARGIN_TOP_EM * font_px;
  mb = MARGIN_BOTTOM_EM * font_px;
  world_w = l->x_max_mm - l->x_min_mm;
  world_h = l->y_max_mm;
  sx = (width - ml - mr) / world_w;
  sy = (height - mt - mb) / world_h;
  l->scale = MAX (MIN (sx, sy), 1e-6);

  /* Centred in the space left. */
  l->origin_x = ml + (width - ml - mr - world_w * l->scale) / 2.0 - l->x_min_mm * l->scale;
  l->floor_y = height - mb - (height - mt - mb - world_h * l->scale) / 2.0;
}

void
eyl_scene_layout_to_device (const EylSceneLayout *l,
                            double                x_mm,
                            double                y_mm,
                            double               *x_dev,
                            double               *y_dev)
{
  g_return_if_fail (l != NULL);

  if (x_dev != NULL)
    *x_dev = l->origin_x + x_mm * l->scale;
  if (y_dev != NULL)
    *y_dev = l->floor_y - y_mm * l->scale;
}

/* Drawing helpers ----------------------------------------------------- */

static double
X (Scene *s, double x_mm)
{
  return s->l.origin_x + x_mm * s->l.scale;
}

static double
Y (Scene *s, double y_mm)
{
  return s->l.floor_y - y_mm * s->l.scale;
}

static void
source (Scene       *s,
        const double rgba[4],
        double       alpha)
{
  cairo_set_source_rgba (s->cr, rgba[0], rgba[1], rgba[2], rgba[3] * alpha);
}

static char *
format_distance (double   mm,
                 gboolean inches)
{
  if (inches)
    /* TRANSLATORS: a distance in feet */
    return g_strdup_printf (_("%.1f ft"), mm / 304.8);
  /* TRANSLATORS: a distance in metres */
  return g_strdup_printf (_("%.2g m"), mm / 1000.0);
}

typedef enum
{
  ANCHOR_LEFT,
  ANCHOR_CENTER,
  ANCHOR_RIGHT,
} Anchor;

/* Does the label box (@x, @y, @w, @h) overlap one drawn before? */
static gboolean
label_collides (Scene *s,
                double x,
                double y,
                double w,
                double h)
{
  for (guint i = 0; i < s->placed->len; i++)
    {
      const cairo_rectangle_t *r = &g_array_index (s->placed, cairo_rectangle_t, i);

      if (x < r->x + r->width && r->x < x + w && y < r->y + r->height && r->y < y + h)
        return TRUE;
    }
  return FALSE;
}

/* The top of a label near @y that overlaps no label drawn before: @y
 * itself when free, else the nearest free line a label's height or a few
 * below or above it (kept inside the picture); @y when none is. */
static double
free_y (Scene *s,
        double x,
        double w,
        double y,
        double h)
{
  for (int k = 0; k <= 8; k++)
    for (int sign = 1; sign >= -1; sign -= 2)
      {
        double t = y + sign * k * (h + 1);

        if (k == 0 && sign < 0)
          continue;
        if (t >= 0 && t + h <= s->height && !label_collides (s, x, t, w, h))
          return t;
      }
  return y;
}

/* Text with its top-left (left), top-centre or top-right at @x, @y; a
 * background-coloured halo keeps it readable over lines. */
static void
text (Scene       *s,
      const char  *str,
      double       x,
      double       y,
      Anchor       anchor,
      const double rgba[4],
      gboolean     bold,
      double       size_factor)
{
  cairo_t              *cr = s->cr;
  PangoLayout          *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string ("Sans");
  PangoRectangle        logical;
  double                w;

  pango_font_description_set_absolute_size (desc, s->font_px * size_factor * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, str, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  w = (double) logical.width / PANGO_SCALE;

  if (anchor == ANCHOR_CENTER)
    x -= w / 2.0;
  else if (anchor == ANCHOR_RIGHT)
    x -= w;
  if (s->give_way)
    y = free_y (s, x, w, y, (double) logical.height / PANGO_SCALE);
  g_array_append_val (s->placed, ((cairo_rectangle_t) { x, y, w, (double) logical.height / PANGO_SCALE }));

  cairo_save (cr);
  cairo_move_to (cr, x, y);
  pango_cairo_layout_path (cr, layout);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, 3.0);
  source (s, s->bg, 0.85);
  cairo_stroke (cr);
  cairo_move_to (cr, x, y);
  source (s, rgba, 1.0);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
  g_object_unref (layout);
}

static double
text_height (Scene *s)
{
  return s->font_px * 1.25;
}

/* A dimension line with arrow heads from (x0, y) to (x1, y), device units. */
static void
dimension (Scene       *s,
           double       x0,
           double       x1,
           double       y,
           const char  *label,
           const double rgba[4])
{
  cairo_t *cr = s->cr;
  double   a = 5.0;

  cairo_save (cr);
  source (s, rgba, 1.0);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
  cairo_move_to (cr, x0 + a, y - a * 0.6);
  cairo_line_to (cr, x0, y);
  cairo_line_to (cr, x0 + a, y + a * 0.6);
  cairo_move_to (cr, x1 - a, y - a * 0.6);
  cairo_line_to (cr, x1, y);
  cairo_line_to (cr, x1 - a, y + a * 0.6);
  cairo_stroke (cr);
  cairo_move_to (cr, x0, y - 4);
  cairo_line_to (cr, x0, y + 4);
  cairo_move_to (cr, x1, y - 4);
  cairo_line_to (cr, x1, y + 4);
  cairo_stroke (cr);
  cairo_restore (cr);
  text (s, label, (x0 + x1) / 2.0, y - text_height (s) - 1, ANCHOR_CENTER, rgba, FALSE, 0.95);
}

static void
hatch_rect (Scene       *s,
            double       x0,
            double       y0,
            double       x1,
            double       y1,
            const double rgba[4],
            double       step)
{
  cairo_t *cr = s->cr;

  if (x1 <= x0 || y1 <= y0)
    return;
  /* A rectangle of absurd size (a damaged report, a wrong override): no
   * endless loop, at most a few thousand lines. */
  if (!isfinite (x1 - x0) || !isfinite (y1 - y0) || !(step > 0))
    return;
  step = MAX (step, (x1 - x0 + y1 - y0) / 4000.0);
  cairo_save (cr);
  cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
  cairo_clip (cr);
  for (double c = x0 - (y1 - y0); c < x1; c += step)
    {
      cairo_move_to (cr, c, y1);
      cairo_line_to (cr, c + (y1 - y0), y0);
    }
  source (s, rgba, 1.0);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Pieces of the scene ------------------------------------------------- */

/* The grid step for @extent: @step, or ten times coarser until at most
 * 100 lines are left (a wrong size override or a damaged report can make
 * the world kilometres high); 0 when @extent is not a finite length. */
static double
grid_step (double extent,
           double step)
{
  if (!isfinite (extent))
    return 0;
  while (extent / step > 100)
    step *= 10;
  return step;
}

static void
paint_grid (Scene *s)
{
  cairo_t *cr = s->cr;
  double   base = s->options->inches ? 304.8 : 500.0;
  double   step = grid_step (s->l.y_max_mm, base);
  double   x_left = X (s, s->l.x_min_mm), x_right = X (s, s->l.x_max_mm);

  /* Height lines every 0.5 m (1 ft), labelled on the right. */
  cairo_save (cr);
  cairo_set_line_width (cr, 1.0);
  for (int i = 1; step > 0 && i * step <= s->l.y_max_mm; i++)
    {
      double           y = round (Y (s, i * step)) + 0.5;
      g_autofree char *label = format_distance (i * step, s->options->inches);

      source (s, s->muted, 0.35);
      cairo_move_to (cr, x_left, y);
      cairo_line_to (cr, x_right, y);
      cairo_stroke (cr);
      text (s, label, x_right + 4, y - text_height (s) / 2.0, ANCHOR_LEFT, s->muted, FALSE, 0.85);
    }

  /* The floor, hatched underneath like a section. */
  source (s, s->fg, 1.0);
  cairo_set_line_width (cr, 1.5);
  cairo_move_to (cr, x_left, s->l.floor_y);
  cairo_line_to (cr, x_right, s->l.floor_y);
  cairo_stroke (cr);
  hatch_rect (s, x_left, s->l.floor_y, x_right, s->l.floor_y + 6, s->muted, 6);

  /* Metre scale along the floor: ticks every 0.5 m, labels every metre. */
  step = grid_step (s->l.x_max_mm, base);
  for (int i = 0; step > 0 && i * step <= s->l.x_max_mm; i++)
    {
      double   x = X (s, i * step);
      gboolean major = s->options->inches ? TRUE : i % 2 == 0;

      source (s, s->fg, 1.0);
      cairo_move_to (cr, x, s->l.floor_y + 6);
      cairo_line_to (cr, x, s->l.floor_y + (major ? 12 : 9));
      cairo_stroke (cr);
      if (major && (s->options->inches ? i % 2 == 0 : TRUE))
        {
          g_autofree char *label = i == 0 ? g_strdup ("0") : format_distance (i * step, s->options->inches);

          text (s, label, x, s->l.floor_y + 13, ANCHOR_CENTER, s->muted, FALSE, 0.85);
        }
    }
  cairo_restore (cr);
}

static void
paint_mount (Scene *s)
{
  const EylPlacement *pl = s->analysis->placement;
  cairo_t            *cr = s->cr;
  double              bot = s->l.material_bottom_mm, top = s->l.material_top_mm;
  double              u = 1.0 / s->l.scale; /* mm per device unit */

  cairo_save (cr);
  cairo_set_line_width (cr, 1.2);

  switch (pl->kind)
    {
    case EYL_PLACEMENT_ROLLUP:
      /* The support pole behind the graphic, the cassette at its foot. */
      source (s, s->fg, 0.7);
      cairo_move_to (cr, X (s, -60), Y (s, 0));
      cairo_line_to (cr, X (s, -60), Y (s, top));
      cairo_stroke (cr);
      if (pl->hidden_bottom_mm > 0 || TRUE)
        {
          double h = MAX (pl->hidden_bottom_mm, 90.0);

          cairo_rectangle (cr, X (s, -130), Y (s, bot + h), 260 * s->l.scale, h * s->l.scale);
          source (s, s->solid, 1.0);
          cairo_fill_preserve (cr);
          source (s, s->fg, 1.0);
          cairo_stroke (cr);
        }
      if (pl->hidden_top_mm > 0)
        {
          cairo_rectangle (cr, X (s, -35), Y (s, top), 50 * s->l.scale,
                           MAX (pl->hidden_top_mm * s->l.scale, 3.0));
          source (s, s->solid, 1.0);
          cairo_fill_preserve (cr);
          source (s, s->fg, 1.0);
          cairo_stroke (cr);
        }
      break;

    case EYL_PLACEMENT_TABLETOP:
      /* Standing on a table: the table under it. */
      cairo_rectangle (cr, X (s, s->l.x_min_mm + 20), Y (s, bot),
                       (600 - s->l.x_min_mm - 20) * s->l.scale, MAX (30 * s->l.scale, 3));
      source (s, s->solid, 1.0);
      cairo_fill_preserve (cr);
      source (s, s->fg, 1.0);
      cairo_stroke (cr);
      cairo_rectangle (cr, X (s, s->l.x_min_mm + 50), Y (s, bot - 30), MAX (25 * s->l.scale, 2),
                       (bot - 30) * s->l.scale);
      cairo_rectangle (cr, X (s, 540), Y (s, bot - 30), MAX (25 * s->l.scale, 2),
                       (bot - 30) * s->l.scale);
      source (s, s->solid, 1.0);
      cairo_fill_preserve (cr);
      source (s, s->fg, 1.0);
      cairo_stroke (cr);
      if (pl->hidden_bottom_mm > 0)
        {
          cairo_rectangle (cr, X (s, -90), Y (s, bot + pl->hidden_bottom_mm), 180 * s->l.scale,
                           pl->hidden_bottom_mm * s->l.scale);
          source (s, s->solid, 1.0);
          cairo_fill_preserve (cr);
          source (s, s->fg, 1.0);
          cairo_stroke (cr);
        }
      break;

    case EYL_PLACEMENT_SHELF:
      /* The shelving upright, the shelf board, the strip on its edge. */
      source (s, s->fg, 0.7);
      cairo_move_to (cr, X (s, s->l.x_min_mm + 20), Y (s, 0));
      cairo_line_to (cr, X (s, s->l.x_min_mm + 20), Y (s, MIN (MAX (top + 300, 1900), s->l.y_max_mm)));
      cairo_stroke (cr);
      cairo_rectangle (cr, X (s, s->l.x_min_mm + 20), Y (s, bot), (50 - s->l.x_min_mm - 20) * s->l.scale,
                       MAX (22 * s->l.scale, 3));
      source (s, s->solid, 1.0);
      cairo_fill_preserve (cr);
      source (s, s->fg, 1.0);
      cairo_stroke (cr);
      /* The strip where the rules put it: its top strip_height_mm above
       * the deck, strip_gap_mm in front of the pack, the rest of its
       * ticket channel below the deck; else a fixed band the placement
       * names (hidden_bottom_mm). */
      {
        cairo_rectangle_t box;

        if (eyl_scene_strip_box (&s->l, pl, &box))
          {
            /* Dark, to stand out on the eye-level band behind it. */
            cairo_rectangle (cr, box.x, box.y, box.width, box.height);
            source (s, s->fg, 0.75);
            cairo_fill_preserve (cr);
            source (s, s->fg, 1.0);
            cairo_stroke (cr);
          }
      }
      break;

    case EYL_PLACEMENT_LEAFLET:
      {
        /* The rack and the front of its pocket. */
        double pocket = bot + (top - bot) * (1.0 - CLAMP (pl->visible_top_fraction, 0.0, 1.0));

        source (s, s->fg, 0.7);
        cairo_move_to (cr, X (s, -80), Y (s, 0));
        cairo_line_to (cr, X (s, -80), Y (s, MAX (top + 200, 1700)));
        cairo_stroke (cr);
        cairo_rectangle (cr, X (s, 0), Y (s, pocket), MAX (15 * s->l.scale, 4 * 1.0),
                         (pocket - bot + 20) * s->l.scale);
        source (s, s->solid, 1.0);
        cairo_fill_preserve (cr);
        source (s, s->fg, 1.0);
        cairo_stroke (cr);
      }
      break;

    case EYL_PLACEMENT_FLAG:
      /* The pole beside the flag, from the ground to its top. */
      source (s, s->fg, 0.9);
      cairo_move_to (cr, X (s, -20), Y (s, 0));
      cairo_line_to (cr, X (s, -20), Y (s, top + 50));
      cairo_stroke (cr);
      break;

    case EYL_PLACEMENT_POSTER:
    case EYL_PLACEMENT_BACKDROP:
    case EYL_PLACEMENT_STICKER:
    default:
      /* A wall behind. */
      hatch_rect (s, X (s, s->l.x_min_mm), Y (s, s->l.y_max_mm - 40), X (s, -25 - 4 * u),
                  s->l.floor_y, s->muted, 7);
      source (s, s->fg, 1.0);
      cairo_move_to (cr, X (s, -25 - 4 * u), Y (s, 0));
      cairo_line_to (cr, X (s, -25 - 4 * u), Y (s, s->l.y_max_mm - 40));
      cairo_stroke (cr);
      break;
    }
  cairo_restore (cr);
}

/* The material: a bar its real height, elements ticked on its face. */
static void
paint_material (Scene *s)
{
  EylPageAnalysis    *a = s->analysis;
  const EylPlacement *pl = a->placement;
  cairo_t            *cr = s->cr;
  double              bot = s->l.material_bottom_mm, top = s->l.material_top_mm;
  double              x_face = X (s, 0), bar_w = MAX (25 * s->l.scale, 5.0);
  double              last_label_y = -INFINITY;
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));

  cairo_save (cr);
  cairo_rectangle (cr, x_face - bar_w, Y (s, top), bar_w, (top - bot) * s->l.scale);
  source (s, s->bg, 1.0);
  cairo_fill_preserve (cr);
  source (s, s->fg, 1.0);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);

  /* Fixed bands nobody sees, dark on the bar. */
  if (pl->hidden_bottom_mm > 0)
    hatch_rect (s, x_face - bar_w, Y (s, bot + MIN (pl->hidden_bottom_mm, top - bot)),
                x_face, Y (s, bot), s->fg, 3);
  if (pl->hidden_top_mm > 0)
    hatch_rect (s, x_face - bar_w, Y (s, top), x_face,
                Y (s, top - MIN (pl->hidden_top_mm, top - bot)), s->fg, 3);

  /* What the shortest viewer cannot see over the occluder, lightly. */
  if (s->l.sight_over_occluder && s->l.sight_hit_mm[0] > bot)
    hatch_rect (s, x_face - bar_w, Y (s, MIN (s->l.sight_hit_mm[0], top)), x_face, Y (s, bot),
                s->muted, 5);

  /* Elements, highest first, labels stacked downwards on the left. */
  for (guint i = 0; a->elements != NULL && i < a->elements->len; i++)
    {
      EylElement *el = g_ptr_array_index (a->elements, i);

      if (el->kind != EYL_ELEMENT_BODY && el->floor_top_mm > el->floor_bottom_mm)
        g_array_append_val (order, i);
    }
  for (guint k = 0; k < order->len; k++)
    for (guint j = k + 1; j < order->len; j++)
      {
        EylElement *ek = g_ptr_array_index (a->elements, g_array_index (order, guint, k));
        EylElement *ej = g_ptr_array_index (a->elements, g_array_index (order, guint, j));

        if (ej->floor_top_mm > ek->floor_top_mm)
          {
            guint t = g_array_index (order, guint, k);

            g_array_index (order, guint, k) = g_array_index (order, guint, j);
            g_array_index (order, guint, j) = t;
          }
      }

  for (guint k = 0; k < order->len; k++)
    {
      guint       i = g_array_index (order, guint, k);
      EylElement *el = g_ptr_array_index (a->elements, i);
      gboolean    hl = (int) i == s->options->highlighted_element;
      double      rgba[4], y0 = Y (s, el->floor_top_mm), y1 = Y (s, el->floor_bottom_mm);
      double      cy = (y0 + y1) / 2.0, ly;

      eyl_overlay_kind_color (el->kind, rgba);
      if (y1 - y0 < 2.0)
        {
          y0 = cy - 1.0;
          y1 = cy + 1.0;
        }
      cairo_rectangle (cr, x_face - bar_w - (hl ? 5 : 3), y0, bar_w + (hl ? 10 : 6), y1 - y0);
      source (s, rgba, 1.0);
      cairo_fill (cr);

      /* A leader to the label on the left. */
      ly = MAX (cy - text_height (s) / 2.0, last_label_y + text_height (s));
      last_label_y = ly;
      cairo_move_to (cr, x_face - bar_w - 4, cy);
      cairo_line_to (cr, x_face - bar_w - 12, ly + text_height (s) / 2.0);
      cairo_line_to (cr, x_face - bar_w - 16, ly + text_height (s) / 2.0);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);
      text (s, eyl_overlay_kind_label (el->kind), x_face - bar_w - 18, ly,
            ANCHOR_RIGHT, rgba, TRUE, hl ? 1.0 : 0.9);
    }
  cairo_restore (cr);
}

static void figure_path (Scene *s,
                         double x_eye,
                         double stature);

static void
paint_occluder (Scene *s)
{
  const EylPlacement *pl = s->analysis->placement;
  cairo_t            *cr = s->cr;
  double              g = s->l.occluder_gap_mm, depth = s->l.occluder_depth_mm;
  double              t = s->l.occluder_height_mm, top = s->l.occluder_top_mm;
  g_autofree char    *label = NULL;

  /* The shelf-edge strip is drawn with the shelf (paint_mount). */
  if (t <= 0 || s->l.occluder_is_strip)
    return;

  cairo_save (cr);
  cairo_set_line_width (cr, 1.2);
  if (!s->l.occluder_is_crowd)
    {
      double           slab = 30.0;
      g_autofree char *th = eyl_format_length (t, s->options->inches);

      /* Table top, legs, and what stands on it at the back edge. */
      cairo_rectangle (cr, X (s, g), Y (s, t), depth * s->l.scale, MAX (slab * s->l.scale, 2.5));
      source (s, s->solid, 1.0);
      cairo_fill_preserve (cr);
      source (s, s->fg, 1.0);
      cairo_stroke (cr);
      for (int i = 0; i < 2; i++)
        {
          double lx = i == 0 ? g + 40 : g + depth - 70;

          cairo_rectangle (cr, X (s, lx), Y (s, t - slab), 30 * s->l.scale, (t - slab) * s->l.scale);
          source (s, s->solid, 1.0);
          cairo_fill_preserve (cr);
          source (s, s->fg, 1.0);
          cairo_stroke (cr);
        }
      if (top > t)
        {
          /* A leaflet stand: narrower at the top. */
          double w = MIN (220.0, depth * 0.4);

          cairo_move_to (cr, X (s, g), Y (s, t));
          cairo_line_to (cr, X (s, g), Y (s, top));
          cairo_line_to (cr, X (s, g + w * 0.55), Y (s, top));
          cairo_line_to (cr, X (s, g + w), Y (s, t));
          cairo_close_path (cr);
          source (s, s->solid, 1.0);
          cairo_fill_preserve (cr);
          source (s, s->fg, 1.0);
          cairo_stroke (cr);
        }

      if (top > t)
        {
          g_autofree char *items = eyl_format_length (top - t, s->options->inches);

          /* TRANSLATORS: the table's height and the height of the items on it */
          label = g_strdup_printf (_("Table %s + %s items"), th, items);
        }
      else
        /* TRANSLATORS: %s is the table's height */
        label = g_strdup_printf (_("Table %s"), th);
      text (s, label, X (s, g + depth / 2.0), Y (s, t - slab) + 4, ANCHOR_CENTER, s->fg, FALSE, 0.95);

      /* The gap between the table's back edge and the material. */
      if (g > 0)
        {
          g_autofree char *gap = format_distance (g, s->options->inches);

          dimension (s, X (s, 0), X (s, g), Y (s, t * 0.35), gap, s->muted);
        }
    }
  else
    {
      /* People in between, facing the material like the viewers. */
      for (int i = 1; i >= 0; i--)
        {
          cairo_save (cr);
          figure_path (s, g + i * 180.0, top / EYE_TO_STATURE * (1.0 - 0.04 * i));
          cairo_push_group (cr);
          source (s, s->solid, 1.0);
          cairo_fill (cr);
          cairo_pop_group_to_source (cr);
          cairo_paint_with_alpha (cr, i == 1 ? 0.6 : 0.95);
          cairo_restore (cr);
        }
      s->give_way = TRUE;
      /* TRANSLATORS: label of the people drawn between the viewer and a banner */
      text (s, _("Crowd"), X (s, g + 100), Y (s, top / EYE_TO_STATURE) - text_height (s) - 2,
                  ANCHOR_CENTER, s->fg, FALSE, 0.95);
      s->give_way = FALSE;
    }
  (void) pl;
  cairo_restore (cr);
}

/* A standing person in profile facing the material (towards −x), eyes
 * at @eye_mm, @x_eye the eye's distance from the material. */
static void
figure_path (Scene *s,
             double x_eye,
             double stature)
{
  cairo_t *cr = s->cr;
  double   S = stature;
  /* Proportions of stature (anthropometric drawing conventions). */
  double head_h = 0.13 * S, head_d = 0.105 * S;
  double hx = x_eye + head_d * 0.42; /* head centre */
  double hy = S - head_h / 2.0;
  double sh = 0.815 * S, hip = 0.51 * S, knee = 0.28 * S;
  double chest_f = x_eye + 0.015 * S, back = x_eye + 0.13 * S;

  cairo_matrix_t saved;

  cairo_get_matrix (cr, &saved);
  cairo_translate (cr, s->l.origin_x, s->l.floor_y);
  cairo_scale (cr, s->l.scale, -s->l.scale);

  /* Head with a nose. */
  cairo_new_sub_path (cr);
  cairo_save (cr);
  cairo_translate (cr, hx, hy);
  cairo_scale (cr, head_d / 2.0, head_h / 2.0);
  cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
  cairo_restore (cr);
  cairo_close_path (cr);
  cairo_move_to (cr, hx - head_d * 0.46, hy + head_h * 0.05);
  cairo_line_to (cr, hx - head_d * 0.60, hy - head_h * 0.12);
  cairo_line_to (cr, hx - head_d * 0.44, hy - head_h * 0.16);
  cairo_close_path (cr);

  /* Neck. */
  cairo_rectangle (cr, hx - 0.025 * S, S - head_h - 0.04 * S, 0.05 * S, 0.06 * S);

  /* Torso: chest, waist, hips. */
  cairo_move_to (cr, chest_f + 0.02 * S, sh + 0.01 * S);
  cairo_curve_to (cr, chest_f - 0.005 * S, sh - 0.05 * S,
                  chest_f - 0.01 * S, sh - 0.12 * S,
                  chest_f + 0.01 * S, 0.64 * S);
  cairo_curve_to (cr, chest_f + 0.015 * S, 0.60 * S,
                  chest_f, 0.55 * S,
                  chest_f + 0.005 * S, hip);
  cairo_line_to (cr, back + 0.005 * S, hip);
  cairo_curve_to (cr, back + 0.02 * S, 0.58 * S,
                  back - 0.015 * S, 0.64 * S,
                  back - 0.01 * S, 0.70 * S);
  cairo_curve_to (cr, back, 0.76 * S,
                  back - 0.01 * S, sh,
                  back - 0.04 * S, sh + 0.02 * S);
  cairo_close_path (cr);

  /* Legs: one straight, one a little forward. */
  cairo_move_to (cr, chest_f + 0.01 * S, hip + 0.01 * S);
  cairo_line_to (cr, chest_f + 0.005 * S, knee);
  cairo_line_to (cr, chest_f + 0.02 * S, 0.035 * S);
  cairo_line_to (cr, chest_f - 0.045 * S, 0.025 * S);
  cairo_line_to (cr, chest_f - 0.05 * S, 0);
  cairo_line_to (cr, chest_f + 0.065 * S, 0);
  cairo_line_to (cr, chest_f + 0.065 * S, knee);
  cairo_line_to (cr, chest_f + 0.07 * S, hip + 0.01 * S);
  cairo_close_path (cr);
  cairo_move_to (cr, back - 0.065 * S, hip + 0.01 * S);
  cairo_line_to (cr, back - 0.055 * S, knee);
  cairo_line_to (cr, back - 0.045 * S, 0.035 * S);
  cairo_line_to (cr, back - 0.11 * S, 0.025 * S);
  cairo_line_to (cr, back - 0.115 * S, 0);
  cairo_line_to (cr, back - 0.0 * S, 0);
  cairo_line_to (cr, back + 0.005 * S, knee);
  cairo_line_to (cr, back + 0.005 * S, hip + 0.01 * S);
  cairo_close_path (cr);

  /* The arm hanging at the side. */
  cairo_move_to (cr, x_eye + 0.05 * S, sh);
  cairo_curve_to (cr, x_eye + 0.035 * S, 0.70 * S,
                  x_eye + 0.035 * S, 0.58 * S,
                  x_eye + 0.045 * S, 0.46 * S);
  cairo_line_to (cr, x_eye + 0.085 * S, 0.46 * S);
  cairo_curve_to (cr, x_eye + 0.085 * S, 0.58 * S,
                  x_eye + 0.095 * S, 0.70 * S,
                  x_eye + 0.11 * S, sh - 0.005 * S);
  cairo_close_path (cr);

  cairo_set_matrix (cr, &saved);
}

static void
paint_figures (Scene *s)
{
  cairo_t *cr = s->cr;
  /* Shortest viewer orange-ish, tallest blue: also told apart by labels. */
  double colors[2][4] = {
    { 0.835, 0.369, 0.000, 1.0 },
    { 0.000, 0.447, 0.698, 1.0 },
  };
  const char *names[2] = {
    /* TRANSLATORS: the shortest viewers of the population (5th percentile) */
    N_("Shortest (P5)"),
        /* TRANSLATORS: the tallest viewers of the population (95th percentile) */
        N_("Tallest (P95)"),
    };
  double x_eye = s->l.distance_mm;
  double hit_x = X (s, 0);

  /* On a dark background the blue needs to be lighter to read. */
  if (s->options->dark)
    memcpy (colors[1], (double[4]) { 0.337, 0.706, 0.914, 1.0 }, sizeof colors[1]);

  for (int i = 1; i >= 0; i--)
    {
      /* Both at the viewing distance; the tallest lighter, behind. */
      double off = 0.0;

      cairo_save (cr);
      figure_path (s, x_eye + off, s->l.stature_mm[i]);
      /* Filled, not stroked: the parts overlap.  A group keeps the
       * overlaps from adding up. */
      cairo_push_group (cr);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
      source (s, colors[i], 1.0);
      cairo_fill (cr);
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, i == 1 ? 0.45 : 0.85);
      cairo_restore (cr);
    }

  /* Sight lines from each eye over the occluder's edge to the material,
   * and the part they cannot see below it. */
  for (int i = 0; i < 2; i++)
    {
      double           off = 0.0;
      double           ex = X (s, x_eye + off), ey = Y (s, s->l.eye_mm[i]);
      double           hy = Y (s, s->l.sight_hit_mm[i]);
      double           dash[] = { 6, 4 };
      g_autofree char *eye = eyl_format_length (s->l.eye_mm[i], s->options->inches);
      g_autofree char *hit = eyl_format_length (s->l.sight_hit_mm[i], s->options->inches);
      g_autofree char *who = NULL;
      g_autofree char *sees = NULL;

      cairo_save (cr);
      /* The eye. */
      cairo_arc (cr, ex, ey, 2.5, 0, 2 * G_PI);
      source (s, s->fg, 1.0);
      cairo_fill (cr);

      cairo_move_to (cr, ex, ey);
      /* Over the occluder's edge (or along the natural line of sight). */
      cairo_line_to (cr, hit_x, hy);
      cairo_set_dash (cr, dash, 2, 0);
      source (s, colors[i], 1.0);
      cairo_set_line_width (cr, 1.6);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      /* Where it lands on the material. */
      cairo_arc (cr, hit_x, hy, 3.5, 0, 2 * G_PI);
      source (s, s->bg, 1.0);
      cairo_fill_preserve (cr);
      source (s, colors[i], 1.0);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      cairo_restore (cr);

      /* A viewer's labels make way for those drawn before them (the
       * eye-level zone's, the material's, the other viewer's). */
      s->give_way = TRUE;
      /* TRANSLATORS: a viewer's name and eye height, e.g. "Shortest (P5), eyes 1405 mm" */
      who = g_strdup_printf (_("%s, eyes %s"), _(names[i]), eye);
      if (i == 1)
        /* Above the tallest head, kept inside the picture. */
        text (s, who, MIN (ex + 0.05 * s->l.stature_mm[1] * s->l.scale, X (s, s->l.x_max_mm) - 4),
              Y (s, s->l.stature_mm[1]) - text_height (s) - 2,
              ex + 0.05 * s->l.stature_mm[1] * s->l.scale > X (s, s->l.x_max_mm) - 80
                  ? ANCHOR_RIGHT
                  : ANCHOR_CENTER,
              colors[i], TRUE, 0.95);
      else
        text (s, who, ex - 8, Y (s, s->l.stature_mm[i]) - text_height (s) * 0.2,
              ANCHOR_RIGHT, colors[i], TRUE, 0.95);

      if (s->l.sight_over_occluder)
        /* TRANSLATORS: %s is a height above the floor */
        sees = g_strdup_printf (_("hidden below %s"), hit);
      else
        /* TRANSLATORS: %s is a height above the floor */
        sees = g_strdup_printf (_("looks at %s"), hit);
      text (s, sees, hit_x + 8, hy + (i == 0 ? -text_height (s) - 1 : 1),
            ANCHOR_LEFT, colors[i], FALSE, 0.9);
      s->give_way = FALSE;
    }
}

static void
paint_eye_band (Scene *s)
{
  cairo_t *cr = s->cr;
  double   band[4] = { 0.337, 0.706, 0.914, 1.0 };
  double   edge[4] = { 0.000, 0.447, 0.698, 1.0 };
  double   lo = MAX (s->l.eye_band_low_mm, 0.0);

  if (s->options->dark)
    memcpy (edge, band, sizeof edge);
  double           hi = MIN (s->l.eye_band_high_mm, s->l.y_max_mm);
  double           x0 = X (s, 0), x1 = X (s, s->l.distance_mm * 0.5);
  cairo_pattern_t *grad;

  if (hi <= lo)
    return;

  /* A soft band in front of the material, fading towards the viewers. */
  grad = cairo_pattern_create_linear (x0, 0, x1, 0);
  cairo_pattern_add_color_stop_rgba (grad, 0, band[0], band[1], band[2], s->options->dark ? 0.30 : 0.22);
  cairo_pattern_add_color_stop_rgba (grad, 1, band[0], band[1], band[2], 0.0);
  cairo_save (cr);
  cairo_rectangle (cr, x0, Y (s, hi), x1 - x0, (hi - lo) * s->l.scale);
  cairo_set_source (cr, grad);
  cairo_fill (cr);
  cairo_pattern_destroy (grad);

  cairo_rectangle (cr, x0 + 1, Y (s, hi), 4, (hi - lo) * s->l.scale);
  source (s, edge, 1.0);
  cairo_fill (cr);
  cairo_restore (cr);

  {
    g_autofree char *range = eyl_format_range (s->l.eye_band_low_mm, s->l.eye_band_high_mm,
                                               s->options->inches);
    /* TRANSLATORS: the eye-level zone; %s is a range of heights */
    g_autofree char *label = g_strdup_printf (_("Eye level %s"), range);

    /* Off the height axis' labels where the picture is narrow. */
    s->give_way = TRUE;
    text (s, label, x0 + 8, Y (s, hi) + 3, ANCHOR_LEFT, edge, TRUE, 0.95);
    s->give_way = FALSE;
  }
}

/* The shelf-edge strip's name and height beside it, on a line no label
 * drawn before takes, with a leader to the strip. */
static void
paint_strip_label (Scene *s)
{
  const EylPlacement      *pl = s->analysis->placement;
  cairo_rectangle_t        box;
  const cairo_rectangle_t *r;
  g_autofree char         *height = NULL;
  g_autofree char         *label = NULL;

  if (pl->kind != EYL_PLACEMENT_SHELF || pl->strip_height_mm <= 0 ||
      !eyl_scene_strip_box (&s->l, pl, &box))
    return;
  height = eyl_format_length (pl->strip_height_mm, s->options->inches);
  /* TRANSLATORS: %s is how far the strip stands above the shelf, e.g. "10 mm" */
  label = g_strdup_printf (_("shelf-edge strip, %s"), height);
  /* Not on the floor's hatching either (the bottom shelf): the floor
   * and what is under it count as taken while the label looks for room. */
  g_array_append_val (s->placed, ((cairo_rectangle_t) { 0, s->l.floor_y - 2, G_MAXINT,
                                                        s->height }));
  s->give_way = TRUE;
  text (s, label, box.x + box.width + 10, box.y + box.height + 2, ANCHOR_LEFT, s->fg, FALSE, 0.9);
  s->give_way = FALSE;
  g_array_remove_index (s->placed, s->placed->len - 2);
  r = &g_array_index (s->placed, cairo_rectangle_t, s->placed->len - 1);
  cairo_save (s->cr);
  cairo_set_line_width (s->cr, 1.0);
  source (s, s->fg, 0.8);
  cairo_move_to (s->cr, r->x - 2, r->y + r->height / 2);
  cairo_line_to (s->cr, box.x + box.width + 1, box.y + box.height / 2);
  cairo_stroke (s->cr);
  cairo_restore (s->cr);
}

static void
paint_labels (Scene *s)
{
  const EylPlacement *pl = s->analysis->placement;
  g_autofree char    *dist = format_distance (s->l.distance_mm, s->options->inches);
  /* TRANSLATORS: %s is the viewing distance, e.g. "2 m" */
  g_autofree char *label = g_strdup_printf (_("Viewing distance %s"), dist);
  double           y = Y (s, s->l.y_max_mm) - 4;

  dimension (s, X (s, 0), X (s, s->l.distance_mm), MAX (y, text_height (s) * 2.3 + 2),
             label, s->fg);
  if (pl->name != NULL)
    text (s, pl->name, 6, 4, ANCHOR_LEFT, s->muted, TRUE, 0.95);
}

/* Entry point --------------------------------------------------------- */

void
eyl_scene_paint (cairo_t               *cr,
                 double                 width,
                 double                 height,
                 EylPageAnalysis       *analysis,
                 const EylSceneOptions *options)
{
  EylSceneOptions defaults;
  Scene           s = {
              0,
  };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (analysis != NULL);

  if (analysis->placement == NULL || width <= 0 || height <= 0)
    return;

  if (options == NULL)
    {
      eyl_scene_options_init (&defaults);
      options = &defaults;
    }

  s.cr = cr;
  s.analysis = analysis;
  s.options = options;
  s.font_px = options->font_px > 0 ? options->font_px : 11.0;
  s.height = height;
  s.placed = options->label_boxes != NULL ? g_array_ref (options->label_boxes)
                                          : g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  eyl_scene_layout (width, height, analysis, options, &s.l);

  if (options->dark)
    {
      memcpy (s.fg, (double[4]) { 0.92, 0.92, 0.94, 1.0 }, sizeof s.fg);
      memcpy (s.muted, (double[4]) { 0.62, 0.62, 0.66, 1.0 }, sizeof s.muted);
      memcpy (s.solid, (double[4]) { 0.36, 0.36, 0.40, 1.0 }, sizeof s.solid);
      memcpy (s.bg, (double[4]) { 0.14, 0.14, 0.16, 1.0 }, sizeof s.bg);
    }
  else
    {
      memcpy (s.fg, (double[4]) { 0.15, 0.15, 0.18, 1.0 }, sizeof s.fg);
      memcpy (s.muted, (double[4]) { 0.42, 0.42, 0.46, 1.0 }, sizeof s.muted);
      memcpy (s.solid, (double[4]) { 0.80, 0.80, 0.82, 1.0 }, sizeof s.solid);
      memcpy (s.bg, (double[4]) { 1.0, 1.0, 1.0, 1.0 }, sizeof s.bg);
    }

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  if (options->paint_background)
    {
      source (&s, s.bg, 1.0);
      cairo_paint (cr);
    }

  paint_grid (&s);
  /* The labels fixed to their place (the viewing distance's dimension,
   * the placement's name) before those that give way to them. */
  paint_labels (&s);
  paint_eye_band (&s);
  paint_mount (&s);
  paint_material (&s);
  paint_occluder (&s);
  paint_figures (&s);
  paint_strip_label (&s);
  cairo_restore (cr);
  g_array_unref (s.placed);
}

gboolean
eyl_scene_strip_box (const EylSceneLayout *layout,
                     const EylPlacement   *placement,
                     cairo_rectangle_t    *box)
{
  double x_mm, h_mm, x, top;

  g_return_val_if_fail (layout != NULL && placement != NULL && box != NULL, FALSE);

  if (placement->kind != EYL_PLACEMENT_SHELF ||
      !(placement->strip_height_mm > 0 || placement->hidden_bottom_mm > 0))
    return FALSE;
  /* Its top strip_height_mm above the deck, strip_gap_mm in front of
   * the pack, the rest of its ticket channel below the deck; else a
   * fixed band the placement names (hidden_bottom_mm). */
  x_mm = placement->strip_height_mm > 0 ? MAX (placement->strip_gap_mm, 0.0) : 50.0;
  h_mm = placement->strip_height_mm > 0 ? placement->strip_height_mm : placement->hidden_bottom_mm;
  eyl_scene_layout_to_device (layout, x_mm, layout->material_bottom_mm + h_mm, &x, &top);
  /* The top edge stays where the sight lines cross it; thin strips grow
   * away from the pack and down. */
  box->x = x;
  box->y = top;
  box->width = MAX (STRIP_DEPTH_MM * layout->scale, STRIP_MIN_WIDTH);
  box->height = MAX ((h_mm + STRIP_BELOW_DECK_MM) * layout->scale, STRIP_MIN_HEIGHT);
  return TRUE;
}
