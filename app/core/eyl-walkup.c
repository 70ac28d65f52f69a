/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-walkup"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "eyl-attention.h"
#include "eyl-walkup.h"

/* Far views, metres: across the hall, the aisle, the stand. */
static const double far_views_m[] = { 8.0, 4.0, 2.0 };

#define PAD_PX   16
#define LABEL_PX 44
/* A column is at least this wide, so that its caption fits in a few lines. */
#define COLUMN_PX 180
/* The widest strip written, px (a backdrop seen from 2 m is wide). */
#define MAX_WIDTH 4000

guint
eyl_walkup_distances (const EylPlacement *placement,
                      double             *distances_m)
{
  guint  n = 0;
  double near_m;

  g_return_val_if_fail (placement != NULL && distances_m != NULL, 0);

  for (guint i = 0; i < G_N_ELEMENTS (far_views_m); i++)
    distances_m[n++] = far_views_m[i];
  /* In the hand, or the scene's own reading distance when it is nearer
   * than the stand. */
  near_m = placement->hand_distance_m > 0 ? placement->hand_distance_m : placement->distance_m;
  if (near_m > 0 && near_m < far_views_m[G_N_ELEMENTS (far_views_m) - 1] - 0.05)
    distances_m[n++] = near_m;
  return n;
}

/* Visual angle, degrees, of @size_mm seen face on from @distance_m. */
static double
angle_deg (double size_mm,
           double distance_m)
{
  return 2 * atan (size_mm / 2 / (distance_m * 1000)) * 180 / G_PI;
}

/* The scene seen from @distance_m: the same placement, nearer or
 * farther (what the table and the crowd hide depends on it). */
static EylPlacement
placement_at (const EylPlacement *placement,
              double              distance_m)
{
  EylPlacement p = *placement;

  p.distance_m = distance_m;
  return p;
}

void
eyl_walkup_hidden (const EylPlacement *placement,
                   const EylPageFrame *frame,
                   double              distance_m,
                   EylWalkupHidden    *hidden)
{
  EylPlacement p;
  double       eye, d, bottom, best = -INFINITY;
  struct
  {
    double         line_mm;
    EylWalkupCover by;
  } lines[5];

  g_return_if_fail (placement != NULL && frame != NULL && hidden != NULL);

  p = placement_at (placement, distance_m);
  eye = eyl_population_quantile (&p, 0.5);
  d = distance_m * 1000.0;
  bottom = frame->bottom_floor_mm;
  hidden->below_mm = eyl_hidden_below_mm (&p, frame, eye);
  hidden->above_mm = eyl_hidden_above_mm (&p, frame);
  hidden->above_by = isfinite (hidden->above_mm) ? EYL_WALKUP_COVER_RAIL : EYL_WALKUP_COVER_NONE;

  /* Which of the lines eyl_hidden_below_mm() takes the highest of is
   * the one that hides the most from here. */
  lines[0].by = EYL_WALKUP_COVER_TABLE;
  lines[0].line_mm = p.table_height_mm > 0
                         ? eyl_occlusion_height_mm (eye, d, p.table_height_mm, p.table_objects_mm,
                                                    p.table_gap_mm)
                         : 0.0;
  lines[1].by = EYL_WALKUP_COVER_CROWD;
  lines[1].line_mm = p.crowd_height_mm > 0 && distance_m >= p.crowd_distance_m
                         ? eyl_occlusion_height_mm (eye, d, p.crowd_height_mm, 0.0, p.crowd_gap_mm)
                         : 0.0;
  lines[2].by = EYL_WALKUP_COVER_STRIP;
  lines[2].line_mm = eyl_strip_line_mm (&p, bottom, eye);
  lines[3].by = EYL_WALKUP_COVER_BASE;
  lines[3].line_mm = p.hidden_bottom_mm > 0 ? bottom + MIN (p.hidden_bottom_mm, frame->material_h_mm)
                                            : 0.0;
  lines[4].by = EYL_WALKUP_COVER_POCKET;
  lines[4].line_mm = p.visible_top_fraction < 1.0
                         ? bottom + frame->material_h_mm *
                                        (1.0 - CLAMP (p.visible_top_fraction, 0.0, 1.0))
                         : 0.0;
  hidden->below_by = EYL_WALKUP_COVER_NONE;
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    if (lines[i].line_mm > bottom && lines[i].line_mm > best)
      {
        best = lines[i].line_mm;
        hidden->below_by = lines[i].by;
      }
}

const char *
eyl_walkup_cover_name (const EylPlacement *placement,
                       EylWalkupCover      cover)
{
  g_return_val_if_fail (placement != NULL, NULL);

  switch (cover)
    {
    case EYL_WALKUP_COVER_TABLE: return _("the table");
    case EYL_WALKUP_COVER_CROWD: return _("the crowd");
    case EYL_WALKUP_COVER_STRIP: return _("the shelf-edge strip");
    case EYL_WALKUP_COVER_POCKET: return _("the rack pocket");
    case EYL_WALKUP_COVER_RAIL: return _("the top rail");
    case EYL_WALKUP_COVER_BASE:
      switch (placement->kind)
        {
        case EYL_PLACEMENT_ROLLUP:
        case EYL_PLACEMENT_BACKDROP: return _("the cassette");
        case EYL_PLACEMENT_TABLETOP: return _("the base");
        case EYL_PLACEMENT_FLAG: return _("the sleeve");
        case EYL_PLACEMENT_SHELF: return _("the shelf-edge strip");
        case EYL_PLACEMENT_POSTER:
        case EYL_PLACEMENT_LEAFLET:
        case EYL_PLACEMENT_STICKER:
        default: return _("the mount");
        }
    case EYL_WALKUP_COVER_NONE:
    default: return "";
    }
}

EylWalkupSight
eyl_walkup_sight (const EylElement   *element,
                  const EylPageFrame *frame,
                  const EylPlacement *placement,
                  EylLegibility       legibility,
                  double              distance_m)
{
  EylWalkupHidden hidden;
  double          centre;

  g_return_val_if_fail (element != NULL && frame != NULL && placement != NULL,
                        EYL_WALKUP_NOT_TEXT);

  if (!(element->cap_height_mm > 0) || element->text == NULL)
    return EYL_WALKUP_NOT_TEXT;
  eyl_walkup_hidden (placement, frame, distance_m, &hidden);
  centre = (element->floor_bottom_mm + element->floor_top_mm) / 2;
  if (centre < hidden.below_mm || centre > hidden.above_mm)
    return EYL_WALKUP_HIDDEN;
  /* The standards assume normal eyes: 20/40 viewers need twice the size. */
  if (element->cap_height_mm >=
      eyl_legibility_min_cap_mm (legibility, distance_m, element->floor_bottom_mm) /
          (placement->acuity > 0 ? placement->acuity : 1.0))
    return EYL_WALKUP_LEGIBLE;
  return EYL_WALKUP_TOO_SMALL;
}

gboolean
eyl_walkup_legible (const EylElement   *element,
                    const EylPageFrame *frame,
                    const EylPlacement *placement,
                    EylLegibility       legibility,
                    double              distance_m)
{
  g_return_val_if_fail (element != NULL && frame != NULL && placement != NULL, FALSE);

  return eyl_walkup_sight (element, frame, placement, legibility, distance_m) ==
         EYL_WALKUP_LEGIBLE;
}

/* The eye's blur: a Gaussian of σ = half the acuity (a grating of
 * 1-arc-minute bars keeps about a third of its contrast, finer ones
 * vanish), on each channel of @s, in place; @sigma_px in its pixels. */
static void
blur_surface (cairo_surface_t *s,
              double           sigma_px)
{
  int               w = cairo_image_surface_get_width (s), h = cairo_image_surface_get_height (s);
  int               stride = cairo_image_surface_get_stride (s);
  guint8           *data;
  g_autofree float *plane = g_new (float, (gsize) w *h);

  cairo_surface_flush (s);
  data = cairo_image_surface_get_data (s);
  for (int shift = 0; shift <= 16; shift += 8)
    {
      for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
          plane[(gsize) y * w + x] = (*(guint32 *) (data + (gsize) y * stride + 4 * x) >> shift) & 0xff;
      eyl_blur_plane (plane, w, h, sigma_px);
      for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
          {
            guint32 *p = (guint32 *) (data + (gsize) y * stride + 4 * x);
            guint32  v = (guint32) CLAMP (plane[(gsize) y * w + x] + 0.5f, 0, 255);

            *p = (*p & ~(0xffu << shift)) | (v << shift);
          }
    }
  cairo_surface_mark_dirty (s);
}

/* The grey of what is hidden, over the artwork. */
#define HIDDEN_GREY  0.45
#define HIDDEN_ALPHA 0.85

/* The pen of a text's frame in a view and in the legend: solid green
 * for legible, dashed orange for too small; in device pixels. */
static void
set_mark (cairo_t       *cr,
          EylWalkupSight sight)
{
  static const double dash[] = { 4, 3 };

  cairo_set_line_width (cr, 2);
  if (sight == EYL_WALKUP_TOO_SMALL)
    {
      cairo_set_source_rgb (cr, 0.95, 0.45, 0.0);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
    }
  else
    {
      cairo_set_source_rgb (cr, 0.1, 0.65, 0.2);
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

/* Pixels per acuity cell of the grid the eye's blur is computed on. */
#define CELL_PX 4

cairo_surface_t *
eyl_walkup_view (cairo_surface_t    *artwork,
                 const EylPageFrame *frame,
                 const EylPlacement *placement,
                 GPtrArray          *elements,
                 EylLegibility       legibility,
                 double              distance_m,
                 double              acuity_arcmin,
                 double              px_per_degree)
{
  double           th_w, th_h, vw_pt, vh_pt;
  EylWalkupHidden  hidden;
  int              w, h, aw, ah;
  cairo_surface_t *view;
  cairo_t         *cr;

  g_return_val_if_fail (artwork != NULL && frame != NULL && placement != NULL, NULL);
  g_return_val_if_fail (distance_m > 0 && acuity_arcmin > 0 && px_per_degree > 0, NULL);

  /* Weaker eyes resolve coarser detail: 20/40 sees 2 arc-minutes. */
  if (placement->acuity > 0)
    acuity_arcmin /= placement->acuity;
  th_w = angle_deg (frame->material_w_mm, distance_m);
  th_h = angle_deg (frame->material_h_mm, distance_m);
  w = MAX (1, (int) lround (th_w * px_per_degree));
  h = MAX (1, (int) lround (th_h * px_per_degree));

  /* No detail finer than the eye resolves: the artwork on a grid of
   * CELL_PX pixels per @acuity_arcmin (or its own, when coarser), blurred
   * as the eye does, then shown at the view's size. */
  aw = MAX (1, (int) lround (th_w * 60 / acuity_arcmin * CELL_PX));
  ah = MAX (1, (int) lround (th_h * 60 / acuity_arcmin * CELL_PX));
  {
    int              art_w = cairo_image_surface_get_width (artwork);
    double           cell_px = CELL_PX;
    cairo_surface_t *grid;

    if (aw > art_w)
      {
        cell_px *= (double) art_w / aw;
        aw = art_w;
        ah = cairo_image_surface_get_height (artwork);
      }
    grid = eyl_image_scaled (artwork, CAIRO_FORMAT_RGB24, aw, ah, CAIRO_FILTER_GOOD);
    blur_surface (grid, cell_px / 2);
    view = eyl_image_scaled (grid, CAIRO_FORMAT_RGB24, w, h, CAIRO_FILTER_GOOD);
    cairo_surface_destroy (grid);
  }

  cr = cairo_create (view);
  /* User space: page points of the visible artwork. */
  vw_pt = frame->visible.x1 - frame->visible.x0;
  vh_pt = frame->visible.y1 - frame->visible.y0;
  cairo_scale (cr, w / vw_pt, h / vh_pt);
  cairo_translate (cr, -frame->visible.x0, -frame->visible.y0);

  /* What the table, the crowd, the cassette or the rail hides from the
   * median visitor at this distance, greyed (the caption says by what). */
  eyl_walkup_hidden (placement, frame, distance_m, &hidden);
  cairo_set_source_rgba (cr, HIDDEN_GREY, HIDDEN_GREY, HIDDEN_GREY, HIDDEN_ALPHA);
  {
    double y_below = eyl_page_frame_page_y (frame, hidden.below_mm);
    double y_above = eyl_page_frame_page_y (frame, hidden.above_mm);

    if (hidden.below_mm > frame->bottom_floor_mm && y_below < frame->visible.y1)
      cairo_rectangle (cr, frame->visible.x0, MAX (y_below, frame->visible.y0), vw_pt,
                       frame->visible.y1 - MAX (y_below, frame->visible.y0));
    if (isfinite (hidden.above_mm) && y_above > frame->visible.y0)
      cairo_rectangle (cr, frame->visible.x0, frame->visible.y0, vw_pt,
                       MIN (y_above, frame->visible.y1) - frame->visible.y0);
    cairo_fill (cr);
  }

  /* What can be read from here framed in green; what is in sight but
   * too small to read from here in dashed orange (not greyed: nothing
   * hides it). */
  for (int pass = 0; pass < 2; pass++)
    {
      EylWalkupSight wanted = pass == 0 ? EYL_WALKUP_LEGIBLE : EYL_WALKUP_TOO_SMALL;

      for (guint i = 0; elements != NULL && i < elements->len; i++)
        {
          const EylElement *el = g_ptr_array_index (elements, i);

          if (eyl_walkup_sight (el, frame, placement, legibility, distance_m) != wanted)
            continue;
          cairo_rectangle (cr, el->box.x0, el->box.y0, el->box.x1 - el->box.x0,
                           el->box.y1 - el->box.y0);
        }
      cairo_save (cr);
      cairo_identity_matrix (cr);
      set_mark (cr, wanted);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  cairo_destroy (cr);
  return view;
}

/* Share of the piece's height below @line_mm (hidden from the bottom)
 * or, with @from_top, above it, in per cent. */
static double
band_percent (const EylPageFrame *frame,
              double              line_mm,
              gboolean            from_top)
{
  double h = frame->material_h_mm;
  double band = from_top ? frame->bottom_floor_mm + h - line_mm : line_mm - frame->bottom_floor_mm;

  return h > 0 ? 100 * CLAMP (band / h, 0.0, 1.0) : 0.0;
}

char *
eyl_walkup_caption (GPtrArray          *elements,
                    const EylPageFrame *frame,
                    const EylPlacement *placement,
                    EylLegibility       legibility,
                    double              distance_m)
{
  guint           count[EYL_WALKUP_TOO_SMALL + 1] = { 0 };
  guint           n_text;
  EylWalkupHidden hidden;
  GString        *text;

  g_return_val_if_fail (frame != NULL && placement != NULL, NULL);

  text = g_string_new (NULL);
  for (guint i = 0; elements != NULL && i < elements->len; i++)
    count[eyl_walkup_sight (g_ptr_array_index (elements, i), frame, placement, legibility,
                            distance_m)]++;
  n_text = count[EYL_WALKUP_LEGIBLE] + count[EYL_WALKUP_HIDDEN] + count[EYL_WALKUP_TOO_SMALL];

  /* TRANSLATORS: under a view of the walk-up strip, its distance */
  g_string_append_printf (text, _("%.3g m"), distance_m);
  if (n_text > 0)
    {
      g_string_append_c (text, '\n');
      /* TRANSLATORS: under a view of the walk-up strip: how many of the
       * page's texts can be read from there. */
      g_string_append_printf (text, _("%u of %u texts legible"), count[EYL_WALKUP_LEGIBLE],
                                       n_text);
    }
  if (count[EYL_WALKUP_HIDDEN] + count[EYL_WALKUP_TOO_SMALL] > 0)
    {
      g_string_append_c (text, '\n');
      /* TRANSLATORS: under a view of the walk-up strip: of the texts
       * that cannot be read from there, how many are hidden and how
       * many are in sight but too small. */
      g_string_append_printf (text, _("%u hidden, %u too small"), count[EYL_WALKUP_HIDDEN],
                                       count[EYL_WALKUP_TOO_SMALL]);
    }

  eyl_walkup_hidden (placement, frame, distance_m, &hidden);
  if (hidden.below_by != EYL_WALKUP_COVER_NONE)
    {
      g_string_append_c (text, '\n');
      /* TRANSLATORS: under a view of the walk-up strip: what the grey at
       * its bottom is, e.g. "Lower 56 % hidden by the crowd" */
      g_string_append_printf (text, _("Lower %.0f %% hidden by %s"),
                                       band_percent (frame, hidden.below_mm, FALSE),
                                       eyl_walkup_cover_name (placement, hidden.below_by));
    }
  if (hidden.above_by != EYL_WALKUP_COVER_NONE)
    {
      g_string_append_c (text, '\n');
      /* TRANSLATORS: under a view of the walk-up strip: what the grey at
       * its top is, e.g. "Top 1 % hidden by the top rail" */
      g_string_append_printf (text, _("Top %.0f %% hidden by %s"),
                                       band_percent (frame, hidden.above_mm, TRUE),
                                       eyl_walkup_cover_name (placement, hidden.above_by));
    }
  return g_string_free (text, FALSE);
}

static PangoLayout *
label_layout (cairo_t    *cr,
              const char *text,
              int         width_px)
{
  PangoLayout          *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 11");

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width_px > 0)
    {
      pango_layout_set_width (layout, width_px * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

#define SWATCH_PX 14

/* The legend of the marks, from (@x0, @y0) within @width_px, on as
 * many lines as it needs; drawn when @draw.  Returns its height. */
static int
legend (cairo_t *cr,
        int      x0,
        int      y0,
        int      width_px,
        gboolean draw)
{
  const char *texts[] = {
    /* TRANSLATORS: legend of the walk-up strip, next to a grey square */
    _("Hidden (by what: under each view)"),
       /* TRANSLATORS: legend of the walk-up strip, next to a green frame */
       _("Legible from there"),
          /* TRANSLATORS: legend of the walk-up strip, next to a dashed orange frame */
          _("In sight but too small to read from there"),
       };
  int x = x0, y = y0, line_h = 0;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      PangoLayout *layout = label_layout (cr, texts[i], -1);
      int          tw, th, item_w;

      pango_layout_get_pixel_size (layout, &tw, &th);
      item_w = SWATCH_PX + 6 + tw;
      if (x > x0 && x + item_w > x0 + width_px)
        {
          x = x0;
          y += line_h + 4;
          line_h = 0;
        }
      if (draw)
        {
          double sy = y + (th - SWATCH_PX) / 2.0;

          cairo_save (cr);
          cairo_rectangle (cr, x + 1, sy + 1, SWATCH_PX - 2, SWATCH_PX - 2);
          if (i == 0)
            {
              cairo_set_source_rgb (cr, 1, 1, 1);
              cairo_fill_preserve (cr);
              cairo_set_source_rgba (cr, HIDDEN_GREY, HIDDEN_GREY, HIDDEN_GREY, HIDDEN_ALPHA);
              cairo_fill (cr);
            }
          else
            {
              set_mark (cr, i == 1 ? EYL_WALKUP_LEGIBLE : EYL_WALKUP_TOO_SMALL);
              cairo_stroke (cr);
            }
          cairo_restore (cr);
          cairo_set_source_rgb (cr, 0.15, 0.15, 0.15);
          cairo_move_to (cr, x + SWATCH_PX + 6, y);
          pango_cairo_show_layout (cr, layout);
        }
      g_object_unref (layout);
      line_h = MAX (line_h, th);
      x += item_w + 3 * PAD_PX / 2;
    }
  return y - y0 + line_h;
}

cairo_surface_t *
eyl_walkup_strip (cairo_surface_t    *artwork,
                  const EylPageFrame *frame,
                  const EylPlacement *placement,
                  GPtrArray          *elements,
                  EylLegibility       legibility,
                  double              acuity_arcmin,
                  int                 height_px)
{
  double           distances[EYL_WALKUP_MAX_VIEWS], k, total_w = PAD_PX;
  cairo_surface_t *views[EYL_WALKUP_MAX_VIEWS];
  PangoLayout     *labels[EYL_WALKUP_MAX_VIEWS];
  cairo_surface_t *strip, *scratch;
  cairo_t         *cr;
  guint            n;
  int              x = PAD_PX, strip_h, label_h = LABEL_PX, legend_h, view_h;

  g_return_val_if_fail (artwork != NULL && frame != NULL && placement != NULL, NULL);
  g_return_val_if_fail (height_px > 0, NULL);

  n = eyl_walkup_distances (placement, distances);
  /* One scale of visual angle for every view: the nearest fills the
   * height, the farther ones are as much smaller as they look. */
  k = height_px / angle_deg (frame->material_h_mm, distances[n - 1]);
  for (guint i = 0; i < n; i++)
    total_w += angle_deg (frame->material_w_mm, distances[i]) * k + PAD_PX;
  if (total_w > MAX_WIDTH)
    k *= (MAX_WIDTH - PAD_PX * (n + 1.0)) / (total_w - PAD_PX * (n + 1.0));

  /* The captions are laid out first: the tallest sets the strip's. */
  scratch = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, 1);
  cr = cairo_create (scratch);
  total_w = PAD_PX;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = eyl_walkup_caption (elements, frame, placement, legibility, distances[i]);
      int              column, lh;

      views[i] = eyl_walkup_view (artwork, frame, placement, elements, legibility,
                                  distances[i], acuity_arcmin, k);
      column = MAX (cairo_image_surface_get_width (views[i]), COLUMN_PX);
      labels[i] = label_layout (cr, text, column);
      pango_layout_get_pixel_size (labels[i], NULL, &lh);
      label_h = MAX (label_h, lh + 8);
      total_w += column + PAD_PX;
    }
  legend_h = legend (cr, PAD_PX, 0, (int) total_w - 2 * PAD_PX, FALSE);
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);
  view_h = cairo_image_surface_get_height (views[n - 1]);
  strip_h = view_h + 2 * PAD_PX + label_h + legend_h + PAD_PX;

  strip = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) total_w, strip_h);
  cr = cairo_create (strip);
  cairo_set_source_rgb (cr, 0.93, 0.93, 0.93);
  cairo_paint (cr);
  for (guint i = 0; i < n; i++)
    {
      int vw = cairo_image_surface_get_width (views[i]);
      int vh = cairo_image_surface_get_height (views[i]);
      int y = PAD_PX + view_h - vh; /* views stand on one line */
      int column = MAX (vw, COLUMN_PX);

      cairo_set_source_surface (cr, views[i], x + (column - vw) / 2, y);
      cairo_paint (cr);
      cairo_set_source_rgb (cr, 0.15, 0.15, 0.15);
      cairo_move_to (cr, x, PAD_PX + view_h + 4);
      pango_cairo_update_layout (cr, labels[i]);
      pango_cairo_show_layout (cr, labels[i]);
      g_object_unref (labels[i]);

      x += column + PAD_PX;
      cairo_surface_destroy (views[i]);
    }
  legend (cr, PAD_PX, PAD_PX + view_h + label_h + PAD_PX, (int) total_w - 2 * PAD_PX, TRUE);
  cairo_destroy (cr);
  return strip;
}

cairo_surface_t *
eyl_walkup_strip_for_page (PopplerPage        *page,
                           cairo_surface_t    *recording,
                           const EylPageFrame *frame,
                           const EylPlacement *placement,
                           GPtrArray          *elements,
                           EylLegibility       legibility,
                           int                 height_px)
{
  g_autoptr(EylRaster) artwork = NULL;

  g_return_val_if_fail (frame != NULL && placement != NULL, NULL);

  if (!(frame->visible.x1 - frame->visible.x0 >= 1 && frame->visible.y1 - frame->visible.y0 >= 1))
    return NULL;
  artwork = eyl_attention_render_visible (page, recording, &frame->visible, 1600);
  if (artwork == NULL)
    return NULL;
  return eyl_walkup_strip (eyl_raster_get_surface (artwork), frame, placement, elements, legibility,
                           EYL_WALKUP_ACUITY_ARCMIN, height_px);
}
