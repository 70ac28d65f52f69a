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
/* A column is at least this wide, so that its label fits. */
#define COLUMN_PX 150
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

static void
hidden_band (const EylPlacement *placement,
             const EylPageFrame *frame,
             double              distance_m,
             double             *below_mm,
             double             *above_mm)
{
  EylPlacement p = placement_at (placement, distance_m);
  double       eye = eyl_population_quantile (&p, 0.5);

  *below_mm = eyl_hidden_below_mm (&p, frame, eye);
  *above_mm = eyl_hidden_above_mm (&p, frame);
}

gboolean
eyl_walkup_legible (const EylElement   *element,
                    const EylPageFrame *frame,
                    const EylPlacement *placement,
                    EylLegibility       legibility,
                    double              distance_m)
{
  double below, above, centre;

  g_return_val_if_fail (element != NULL && frame != NULL && placement != NULL, FALSE);

  if (!(element->cap_height_mm > 0) || element->text == NULL)
    return FALSE;
  hidden_band (placement, frame, distance_m, &below, &above);
  centre = (element->floor_bottom_mm + element->floor_top_mm) / 2;
  if (centre < below || centre > above)
    return FALSE;
  /* The standards assume normal eyes: 20/40 viewers need twice the size. */
  return element->cap_height_mm >=
         eyl_legibility_min_cap_mm (legibility, distance_m, element->floor_bottom_mm) /
             (placement->acuity > 0 ? placement->acuity : 1.0);
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
  double           th_w, th_h, below, above, vw_pt, vh_pt;
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
   * median visitor at this distance, greyed. */
  hidden_band (placement, frame, distance_m, &below, &above);
  cairo_set_source_rgba (cr, 0.45, 0.45, 0.45, 0.85);
  {
    double y_below = eyl_page_frame_page_y (frame, below);
    double y_above = eyl_page_frame_page_y (frame, above);

    if (y_below < frame->visible.y1)
      cairo_rectangle (cr, frame->visible.x0, MAX (y_below, frame->visible.y0), vw_pt,
                       frame->visible.y1 - MAX (y_below, frame->visible.y0));
    if (isfinite (above) && y_above > frame->visible.y0)
      cairo_rectangle (cr, frame->visible.x0, frame->visible.y0, vw_pt,
                       MIN (y_above, frame->visible.y1) - frame->visible.y0);
    cairo_fill (cr);
  }

  /* What can be read from here, framed in green. */
  cairo_set_source_rgb (cr, 0.1, 0.65, 0.2);
  for (guint i = 0; elements != NULL && i < elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (elements, i);

      if (!eyl_walkup_legible (el, frame, placement, legibility, distance_m))
        continue;
      cairo_rectangle (cr, el->box.x0, el->box.y0, el->box.x1 - el->box.x0,
                       el->box.y1 - el->box.y0);
    }
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
  cairo_restore (cr);
  cairo_destroy (cr);
  return view;
}

static guint
count_legible (GPtrArray          *elements,
               const EylPageFrame *frame,
               const EylPlacement *placement,
               EylLegibility       legibility,
               double              distance_m,
               guint              *n_text)
{
  guint n = 0;

  *n_text = 0;
  for (guint i = 0; elements != NULL && i < elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (elements, i);

      if (!(el->cap_height_mm > 0) || el->text == NULL)
        continue;
      (*n_text)++;
      n += eyl_walkup_legible (el, frame, placement, legibility, distance_m);
    }
  return n;
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
  cairo_surface_t *strip;
  cairo_t         *cr;
  guint            n;
  int              x = PAD_PX, strip_h;

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

  total_w = PAD_PX;
  for (guint i = 0; i < n; i++)
    {
      views[i] = eyl_walkup_view (artwork, frame, placement, elements, legibility,
                                  distances[i], acuity_arcmin, k);
      total_w += MAX (cairo_image_surface_get_width (views[i]), COLUMN_PX) + PAD_PX;
    }
  strip_h = cairo_image_surface_get_height (views[n - 1]) + 2 * PAD_PX + LABEL_PX;

  strip = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) total_w, strip_h);
  cr = cairo_create (strip);
  cairo_set_source_rgb (cr, 0.93, 0.93, 0.93);
  cairo_paint (cr);
  for (guint i = 0; i < n; i++)
    {
      int                   vw = cairo_image_surface_get_width (views[i]);
      int                   vh = cairo_image_surface_get_height (views[i]);
      int                   y = strip_h - LABEL_PX - PAD_PX - vh; /* views stand on one line */
      g_autofree char      *label = NULL;
      PangoLayout          *layout;
      PangoFontDescription *font;
      guint                 n_text, n_legible;

      int column = MAX (vw, COLUMN_PX);

      cairo_set_source_surface (cr, views[i], x + (column - vw) / 2, y);
      cairo_paint (cr);

      n_legible = count_legible (elements, frame, placement, legibility, distances[i], &n_text);
      /* TRANSLATORS: under a view of the walk-up strip: "4 m", then how
       * many of the page's texts can be read from there. */
      if (n_text > 0)
        label = g_strdup_printf (_("%.3g m\n%u of %u texts legible"), distances[i], n_legible,
                                    n_text);
      else
        /* TRANSLATORS: under a view of the walk-up strip, its distance */
        label = g_strdup_printf (_("%.3g m"), distances[i]);
      layout = pango_cairo_create_layout (cr);
      font = pango_font_description_from_string ("Sans 11");
      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
      pango_layout_set_text (layout, label, -1);
      cairo_set_source_rgb (cr, 0.15, 0.15, 0.15);
      cairo_move_to (cr, x, strip_h - LABEL_PX - PAD_PX + 4);
      pango_cairo_show_layout (cr, layout);
      g_object_unref (layout);

      x += column + PAD_PX;
      cairo_surface_destroy (views[i]);
    }
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
