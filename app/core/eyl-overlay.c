/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-overlay.c: the overlay painter shared by the page view and the
 * annotated PDF export (DESIGN.md 2, "one painter for overlays").
 *
 * Everything is drawn in page space; sizes that should stay constant on
 * screen (lines, markers, labels) are given in device pixels and divided
 * by px_per_pt.  Colours follow the Okabe–Ito palette (safe for the common
 * colour-vision deficiencies), and nothing relies on hue alone: boxes carry
 * a kind label, markers a number and a shape per severity, hidden zones a
 * hatching and a sentence.  Every stroke has a white halo so it reads on
 * dark and light artwork alike. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-overlay"

#include <math.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "eyl-options.h"
#include "eyl-overlay.h"

/* Sizes in device pixels. */
#define LINE_PX          2.0
#define HALO_PX          2.5
#define MARKER_RADIUS_PX 11.0
#define MARKER_GAP_PX    3.0
#define LABEL_PX         11.0
#define TAG_PX           10.0
#define MARGIN_PX        8.0
#define HATCH_PX         9.0

/* Print: the page drawn as if it were shown this tall on screen. */
#define PRINT_PAGE_PX    1100.0

typedef struct
{
  cairo_t                 *cr;
  EylPageAnalysis         *analysis;
  const EylOverlayOptions *options;
  double                   u;        /* page pt per device px */
  EylRect                  visible;  /* the artwork, page space */
  gboolean                 has_legend;
  EylRect                  legend;   /* where the legend goes, when drawn */
} Paint;

/* Palette ------------------------------------------------------------- */

static void
set_rgba (double rgba[4],
          double r,
          double g,
          double b)
{
  rgba[0] = r;
  rgba[1] = g;
  rgba[2] = b;
  rgba[3] = 1.0;
}

void
eyl_overlay_kind_color (EylElementKind kind,
                        double         rgba[4])
{
  g_return_if_fail (rgba != NULL);

  switch (kind)
    {
    /* Contacts: the blue family (Okabe–Ito blue and its neighbours). */
    case EYL_ELEMENT_URL:        set_rgba (rgba, 0.000, 0.447, 0.698); break;
    case EYL_ELEMENT_EMAIL:      set_rgba (rgba, 0.090, 0.365, 0.635); break;
    case EYL_ELEMENT_PHONE:      set_rgba (rgba, 0.000, 0.529, 0.788); break;
    case EYL_ELEMENT_SOCIAL:     set_rgba (rgba, 0.184, 0.553, 0.835); break;
    case EYL_ELEMENT_QR:         set_rgba (rgba, 0.000, 0.345, 0.584); break;
    case EYL_ELEMENT_ADDRESS:    set_rgba (rgba, 0.231, 0.431, 0.675); break;
    /* Brand: reddish purple. */
    case EYL_ELEMENT_LOGO:       set_rgba (rgba, 0.659, 0.306, 0.541); break;
    case EYL_ELEMENT_BRAND_NAME: set_rgba (rgba, 0.549, 0.243, 0.600); break;
    /* The message and the action: orange and bluish green. */
    case EYL_ELEMENT_HEADLINE:   set_rgba (rgba, 0.902, 0.624, 0.000); break;
    case EYL_ELEMENT_CTA:        set_rgba (rgba, 0.000, 0.620, 0.451); break;
    case EYL_ELEMENT_OTHER_URL:  set_rgba (rgba, 0.502, 0.502, 0.502); break;
    /* Others' marks: the brand's purple, greyed. */
    case EYL_ELEMENT_SPONSOR_LOGO: set_rgba (rgba, 0.600, 0.490, 0.565); break;
    case EYL_ELEMENT_BODY:
    case EYL_N_ELEMENT_KINDS:
    default:                     set_rgba (rgba, 0.650, 0.650, 0.650); break;
    }
}

void
eyl_overlay_severity_color (EylSeverity severity,
                            double      rgba[4])
{
  g_return_if_fail (rgba != NULL);

  switch (severity)
    {
    case EYL_SEVERITY_ERROR:   set_rgba (rgba, 0.835, 0.369, 0.000); break; /* vermilion */
    case EYL_SEVERITY_WARNING: set_rgba (rgba, 0.941, 0.706, 0.000); break; /* amber */
    case EYL_SEVERITY_INFO:
    default:                   set_rgba (rgba, 0.337, 0.706, 0.914); break; /* sky blue */
    }
}

const char *
eyl_overlay_kind_label (EylElementKind kind)
{
  switch (kind)
    {
    case EYL_ELEMENT_URL:        return _("Website");
    case EYL_ELEMENT_EMAIL:      return _("Email");
    case EYL_ELEMENT_PHONE:      return _("Phone");
    case EYL_ELEMENT_SOCIAL:     return _("Social");
    case EYL_ELEMENT_QR:         return _("QR code");
    case EYL_ELEMENT_ADDRESS:    return _("Address");
    case EYL_ELEMENT_LOGO:       return _("Logo");
    case EYL_ELEMENT_BRAND_NAME: return _("Brand name");
    case EYL_ELEMENT_HEADLINE:   return _("Headline");
    /* TRANSLATORS: short label on a box around a call to action */
    case EYL_ELEMENT_CTA:        return _("Call to action");
    /* TRANSLATORS: short label on a box around a web address that is not the brand's */
    case EYL_ELEMENT_OTHER_URL:  return _("Other link");
    case EYL_ELEMENT_BODY:       return _("Body text");
    /* TRANSLATORS: short label on a box around sponsors' or partners' logos */
    case EYL_ELEMENT_SPONSOR_LOGO: return _("Sponsors");
    case EYL_N_ELEMENT_KINDS:
    default:                     return "";
    }
}

const char *
eyl_overlay_severity_label (EylSeverity severity)
{
  switch (severity)
    {
    case EYL_SEVERITY_ERROR:   return _("Error");
    case EYL_SEVERITY_WARNING: return _("Warning");
    case EYL_SEVERITY_INFO:
    default:                   return _("Info");
    }
}

/* Dark or white text on @bg, whichever contrasts more (WCAG luminance). */
static void
text_color_for (const double bg[4],
                double       fg[4])
{
  double c[3];

  for (int i = 0; i < 3; i++)
    c[i] = bg[i] <= 0.04045 ? bg[i] / 12.92 : pow ((bg[i] + 0.055) / 1.055, 2.4);
  if (0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2] > 0.22)
    set_rgba (fg, 0.10, 0.10, 0.12);
  else
    set_rgba (fg, 1.0, 1.0, 1.0);
}

static gboolean
kind_is_drawn (EylElementKind kind)
{
  return kind != EYL_ELEMENT_BODY && kind < EYL_N_ELEMENT_KINDS;
}

/* Marks and names, the brand's and its sponsors': drawn dashed, a second
 * cue beside the hue. */
static gboolean
kind_is_dashed (EylElementKind kind)
{
  return kind == EYL_ELEMENT_LOGO || kind == EYL_ELEMENT_BRAND_NAME ||
         kind == EYL_ELEMENT_SPONSOR_LOGO;
}

/* Options ------------------------------------------------------------- */

void
eyl_overlay_options_init (EylOverlayOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (EylOverlayOptions) {
    .layers = EYL_OVERLAY_ALL,
    .px_per_pt = 1.0,
    .highlighted_finding = -1,
    .highlighted_element = -1,
    .hovered_element = -1,
    .inches = FALSE,
  };
}

double
eyl_overlay_print_px_per_pt (EylPageAnalysis *analysis)
{
  double side;

  g_return_val_if_fail (analysis != NULL, 1.0);

  side = MAX (analysis->frame.visible.x1 - analysis->frame.visible.x0,
              analysis->frame.visible.y1 - analysis->frame.visible.y0);
  if (side <= 0)
    side = MAX (analysis->width_pt, analysis->height_pt);
  return side > 0 ? PRINT_PAGE_PX / side : 1.0;
}

static double
px_per_pt_of (const EylOverlayOptions *options)
{
  return options->px_per_pt > 0 ? options->px_per_pt : 1.0;
}

static EylRect
visible_of (EylPageAnalysis *analysis)
{
  EylRect r = analysis->frame.visible;

  if (eyl_rect_is_empty (&r))
    r = (EylRect) { 0, 0, analysis->width_pt, analysis->height_pt };
  return r;
}

/* Text ---------------------------------------------------------------- */

static PangoLayout *
make_layout (Paint      *p,
             const char *text,
             double      size_px,
             gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (p->cr);
  PangoFontDescription *desc = pango_font_description_from_string ("Sans");
  cairo_font_options_t *fo = cairo_font_options_create ();

  /* No hinted metrics: the same layout on screen, in PNG and in PDF. */
  cairo_font_options_set_hint_metrics (fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (fo, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), fo);
  cairo_font_options_destroy (fo);
  pango_layout_context_changed (layout);

  pango_font_description_set_absolute_size (desc, size_px * p->u * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *width = (double) logical.width / PANGO_SCALE;
  *height = (double) logical.height / PANGO_SCALE;
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  r = MIN (r, MIN (w, h) / 2.0);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* A label on a filled tag.  (@x, @y) is the tag's top-left corner; the
 * tag is moved inside the artwork.  Returns the tag's rectangle. */
static EylRect
draw_tag (Paint        *p,
          const char   *text,
          double        x,
          double        y,
          const double  bg[4],
          double        size_px,
          gboolean      bold)
{
  cairo_t *cr = p->cr;
  g_autoptr(PangoLayout) layout = make_layout (p, text, size_px, bold);
  double fg[4], w, h, pad_x = 4 * p->u, pad_y = 1.5 * p->u;
  double max_w = (p->visible.x1 - p->visible.x0) - 2 * MARGIN_PX * p->u;

  /* A tag that would run under the legend wraps before it, unless that
   * leaves it too narrow to read. */
  if (p->has_legend && x < p->legend.x0)
    {
      double room = p->legend.x0 - 4 * p->u - x;

      layout_size (layout, &w, &h);
      if (y < p->legend.y1 + 2 * p->u && y + h + 2 * pad_y > p->legend.y0 - 2 * p->u
          && x + w + 2 * pad_x > p->legend.x0 - 4 * p->u && room >= 0.4 * max_w)
        max_w = MIN (max_w, room);
    }

  /* Pango units are ints: a width beyond them (a page kilometres wide in
   * a damaged report) needs no wrapping, and must not overflow the cast. */
  if (max_w > 0 && (max_w - 2 * pad_x) * PANGO_SCALE > 0
      && (max_w - 2 * pad_x) * PANGO_SCALE < G_MAXINT)
    {
      pango_layout_set_width (layout, (int) ((max_w - 2 * pad_x) * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
    }
  layout_size (layout, &w, &h);
  w += 2 * pad_x;
  h += 2 * pad_y;
  x = CLAMP (x, p->visible.x0, MAX (p->visible.x0, p->visible.x1 - w));
  y = CLAMP (y, p->visible.y0, MAX (p->visible.y0, p->visible.y1 - h));

  cairo_save (cr);
  rounded_rect (cr, x, y, w, h, 3 * p->u);
  cairo_set_source_rgba (cr, bg[0], bg[1], bg[2], bg[3]);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  cairo_set_line_width (cr, 1.0 * p->u);
  cairo_stroke (cr);

  text_color_for (bg, fg);
  cairo_set_source_rgba (cr, fg[0], fg[1], fg[2], 1.0);
  cairo_move_to (cr, x + pad_x, y + pad_y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);

  return (EylRect) { x, y, x + w, y + h };
}

/* Strokes the current path in @rgba over a white halo (kept path). */
static void
stroke_with_halo (Paint        *p,
                  const double  rgba[4],
                  double        width_px)
{
  cairo_t *cr = p->cr;

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
  cairo_set_line_width (cr, (width_px + 2 * HALO_PX * 0.6) * p->u);
  cairo_stroke_preserve (cr);
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
  cairo_set_line_width (cr, width_px * p->u);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
horizontal_line (Paint        *p,
                 double        y,
                 const double  rgba[4],
                 double        width_px,
                 gboolean      dashed)
{
  cairo_t *cr = p->cr;

  cairo_save (cr);
  if (dashed)
    {
      double dash[] = { 7 * p->u, 5 * p->u };

      cairo_set_dash (cr, dash, 2, 0);
    }
  cairo_move_to (cr, p->visible.x0, y);
  cairo_line_to (cr, p->visible.x1, y);
  stroke_with_halo (p, rgba, width_px);
  cairo_restore (cr);
}

/* Eye-level band ------------------------------------------------------ */

static void
paint_eye_level (Paint *p)
{
  EylPageAnalysis *a = p->analysis;
  const EylPlacement *pl = a->placement;
  const EylPageFrame *fr = &a->frame;
  cairo_t *cr = p->cr;
  double band[4] = { 0.337, 0.706, 0.914, 1.0 };
  double edge[4] = { 0.000, 0.447, 0.698, 1.0 };
  double y_top, y_bottom, y_med;
  EylEyeZone zone;
  g_autofree char *range = NULL;
  g_autofree char *label = NULL;
  g_autofree char *med = NULL;
  g_autofree char *med_label = NULL;

  /* The one eye-level zone (eyl_eye_zone_for): the numbers the findings,
   * the side view and the summary page give too. */
  eyl_eye_zone_for (pl, fr, &zone);
  y_top = MAX (eyl_page_frame_page_y (fr, zone.high_mm), p->visible.y0);
  y_bottom = MIN (eyl_page_frame_page_y (fr, zone.low_mm), p->visible.y1);
  if (y_bottom <= y_top)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, p->visible.x0, y_top, p->visible.x1 - p->visible.x0, y_bottom - y_top);
  cairo_set_source_rgba (cr, band[0], band[1], band[2], 0.18);
  cairo_fill (cr);
  horizontal_line (p, y_top, edge, 1.5, FALSE);
  horizontal_line (p, y_bottom, edge, 1.5, FALSE);

  /* The median viewer's natural line of sight, where most eyes fall. */
  y_med = eyl_page_frame_page_y (fr, zone.sight_mm);
  if (y_med > p->visible.y0 && y_med < p->visible.y1)
    {
      double gaze[4] = { 0.000, 0.447, 0.698, 1.0 };
      double tag_bg[4] = { 1, 1, 1, 0.92 };

      horizontal_line (p, y_med, gaze, 2.0, TRUE);
      med = eyl_format_length (zone.sight_mm, p->options->inches);
      /* TRANSLATORS: a dashed line on the page; %s is its height above the floor */
      med_label = g_strdup_printf (_("Median visitor’s line of sight %s"), med);
      {
        g_autoptr(PangoLayout) layout = make_layout (p, med_label, TAG_PX, FALSE);
        double w, h;

        layout_size (layout, &w, &h);
        draw_tag (p, med_label, p->visible.x1 - w - (8 + MARGIN_PX) * p->u,
                  y_med + 3 * p->u, tag_bg, TAG_PX, FALSE);
      }
    }

  range = eyl_format_range (zone.low_mm, zone.high_mm, p->options->inches);
  /* TRANSLATORS: %s is a range of heights above the floor */
  label = g_strdup_printf (_("Eye level %s"), range);
  draw_tag (p, label, p->visible.x0 + MARGIN_PX * p->u, y_top + 4 * p->u,
            edge, LABEL_PX, TRUE);
  cairo_restore (cr);
}

/* Hidden zones -------------------------------------------------------- */

typedef enum
{
  HATCH_DENSE,   /* hidden for most viewers or everyone */
  HATCH_LIGHT,   /* hidden for some viewers */
  HATCH_CROSS,   /* a fixed band: never seen */
} HatchStyle;

static void
hatch_lines (Paint  *p,
             double  y0,
             double  y1,
             double  step,
             int     direction)
{
  cairo_t *cr = p->cr;
  double x0 = p->visible.x0, x1 = p->visible.x1;

  /* 45° lines on x − y = c (or x + y = c), c a multiple of @step: anchored
   * to page space, so bands that touch continue each other's lines. */
  if (direction > 0)
    for (double c = floor ((x0 - y1) / step) * step; c <= x1 - y0 + step; c += step)
      {
        cairo_move_to (cr, c + y0, y0);
        cairo_line_to (cr, c + y1, y1);
      }
  else
    for (double c = floor ((x0 + y0) / step) * step; c <= x1 + y1 + step; c += step)
      {
        cairo_move_to (cr, c - y0, y0);
        cairo_line_to (cr, c - y1, y1);
      }
}

static void
paint_hatched (Paint      *p,
               double      y0,
               double      y1,
               HatchStyle  style)
{
  cairo_t *cr = p->cr;
  double veil = style == HATCH_LIGHT ? 0.10 : style == HATCH_CROSS ? 0.20 : 0.24;
  double step = (style == HATCH_LIGHT ? HATCH_PX * 1.6 : HATCH_PX) * p->u;

  y0 = MAX (y0, p->visible.y0);
  y1 = MIN (y1, p->visible.y1);
  if (y1 <= y0)
    return;
  /* A band or page of absurd size (a damaged report): no endless loop in
   * hatch_lines(), at most a few thousand lines. */
  if (!isfinite (y1 - y0) || !isfinite (p->visible.x1 - p->visible.x0) || !(step > 0))
    return;
  step = MAX (step, (p->visible.x1 - p->visible.x0 + y1 - y0) / 4000.0);

  cairo_save (cr);
  cairo_rectangle (cr, p->visible.x0, y0, p->visible.x1 - p->visible.x0, y1 - y0);
  cairo_clip (cr);
  cairo_set_source_rgba (cr, 0.12, 0.12, 0.16, veil);
  cairo_paint (cr);

  /* A dark line beside a light one: visible on any artwork. */
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  for (int pass = 0; pass < (style == HATCH_CROSS ? 2 : 1); pass++)
    {
      int dir = pass == 0 ? 1 : -1;

      cairo_new_path (cr);
      hatch_lines (p, y0, y1, step, dir);
      cairo_set_source_rgba (cr, 1, 1, 1, style == HATCH_LIGHT ? 0.45 : 0.6);
      cairo_set_line_width (cr, 3.0 * p->u);
      cairo_stroke_preserve (cr);
      cairo_set_source_rgba (cr, 0.10, 0.10, 0.14, style == HATCH_LIGHT ? 0.55 : 0.75);
      cairo_set_line_width (cr, 1.2 * p->u);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/* Does @r touch an element box or its kind tag (drawn above the box)? */
static gboolean
hits_element (Paint         *p,
              const EylRect *r)
{
  GPtrArray *elements = p->analysis->elements;
  double tag_h = (TAG_PX * 1.25 + 6) * p->u;

  if (!(p->options->layers & EYL_OVERLAY_ELEMENTS) || elements == NULL)
    return FALSE;
  for (guint i = 0; i < elements->len; i++)
    {
      EylElement *el = g_ptr_array_index (elements, i);
      EylRect box = el->box, out;

      if (!kind_is_drawn (el->kind) || eyl_rect_is_empty (&box))
        continue;
      box.x0 -= 4 * p->u;
      box.x1 += 4 * p->u;
      box.y0 -= tag_h;
      box.y1 += 4 * p->u;
      if (eyl_rect_intersect (r, &box, &out))
        return TRUE;
    }
  return FALSE;
}

/* The label of a hidden zone: inside it at its top edge, or just outside
 * it when the zone is too thin (above a bottom band, below a top band);
 * at the left unless an element box is there, then at the right. */
static void
hidden_label (Paint      *p,
              const char *text,
              double      y0,
              double      y1,
              gboolean    from_top)
{
  double bg[4] = { 0.13, 0.13, 0.17, 0.92 };
  g_autoptr(PangoLayout) layout = make_layout (p, text, LABEL_PX, TRUE);
  double w, h, y, xs[3], ys[2];

  layout_size (layout, &w, &h);
  w += 8 * p->u;
  h += 3 * p->u;
  y0 = MAX (y0, p->visible.y0);
  y1 = MIN (y1, p->visible.y1);

  /* Inside the zone at its inner edge when it fits, else outside it. */
  ys[1] = from_top ? y1 + 3 * p->u : y0 - h - 3 * p->u;
  ys[0] = y1 - y0 >= h + 8 * p->u ? (from_top ? y1 - h - 4 * p->u : y0 + 4 * p->u) : ys[1];

  xs[0] = p->visible.x0 + MARGIN_PX * p->u;
  xs[1] = p->visible.x1 - MARGIN_PX * p->u - w;
  xs[2] = (p->visible.x0 + p->visible.x1 - w) / 2.0;
  for (guint j = 0; j < G_N_ELEMENTS (ys); j++)
    for (guint i = 0; i < G_N_ELEMENTS (xs); i++)
      {
        EylRect r = { xs[i], ys[j], xs[i] + w, ys[j] + h };

        if (!hits_element (p, &r))
          {
            draw_tag (p, text, xs[i], ys[j], bg, LABEL_PX, TRUE);
            return;
          }
      }
  y = ys[0];
  draw_tag (p, text, xs[0], y, bg, LABEL_PX, TRUE);
}

/* Top of what a table or a crowd hides for one eye (not the fixed bands). */
static double
occluder_line_mm (const EylPlacement *pl,
                  double              eye_mm,
                  gboolean           *is_crowd)
{
  double d = pl->distance_m * 1000.0, table = 0.0, crowd = 0.0;

  if (pl->table_height_mm > 0)
    table = eyl_occlusion_height_mm (eye_mm, d, pl->table_height_mm,
                                     pl->table_objects_mm, pl->table_gap_mm);
  if (pl->crowd_height_mm > 0 && pl->distance_m >= pl->crowd_distance_m)
    crowd = eyl_occlusion_height_mm (eye_mm, d, pl->crowd_height_mm, 0.0, pl->crowd_gap_mm);
  *is_crowd = crowd > table;
  return MAX (table, crowd);
}

static void
paint_hidden (Paint *p)
{
  EylPageAnalysis *a = p->analysis;
  const EylPlacement *pl = a->placement;
  const EylPageFrame *fr = &a->frame;
  double bottom = fr->bottom_floor_mm;
  double top = bottom + fr->material_h_mm;
  double e_min = MIN (pl->eye_min_mm, pl->eye_max_mm);
  double e_med = eyl_population_quantile (pl, 0.5);
  double line_dark[4] = { 0.10, 0.10, 0.14, 1.0 };
  gboolean crowd_med = FALSE, crowd_min = FALSE;
  double med_mm = occluder_line_mm (pl, e_med, &crowd_med);
  double min_mm = occluder_line_mm (pl, e_min, &crowd_min);
  double band_mm = 0.0;
  const char *band_text = NULL;

  /* The table (or crowd): hidden for the median viewer and everyone
   * shorter; hidden for the shortest viewers (P5) a little higher. */
  if (med_mm > bottom)
    {
      double y = eyl_page_frame_page_y (fr, MIN (med_mm, top));

      paint_hatched (p, y, p->visible.y1, HATCH_DENSE);
      horizontal_line (p, y, line_dark, 2.0, FALSE);
    }
  if (min_mm > MAX (med_mm, bottom))
    {
      double y0 = eyl_page_frame_page_y (fr, MIN (min_mm, top));
      double y1 = eyl_page_frame_page_y (fr, MAX (med_mm, bottom));

      paint_hatched (p, y0, y1, HATCH_LIGHT);
      horizontal_line (p, y0, line_dark, 1.5, TRUE);
    }

  /* Fixed bands nobody sees. */
  if (pl->hidden_bottom_mm > 0)
    {
      band_mm = bottom + MIN (pl->hidden_bottom_mm, fr->material_h_mm);
      switch (pl->kind)
        {
        case EYL_PLACEMENT_SHELF:
          band_text = _("Behind the shelf edge strip: never seen");
          break;
        case EYL_PLACEMENT_TABLETOP:
          band_text = _("Inside the base: never seen");
          break;
        case EYL_PLACEMENT_ROLLUP:
        case EYL_PLACEMENT_BACKDROP:
          band_text = _("Inside the cassette: never seen");
          break;
        case EYL_PLACEMENT_FLAG:
          band_text = _("Sleeve and ground spike: never seen");
          break;
        case EYL_PLACEMENT_POSTER:
        case EYL_PLACEMENT_LEAFLET:
        case EYL_PLACEMENT_STICKER:
        default:
          band_text = _("Covered at the bottom: never seen");
          break;
        }
    }
  if (pl->visible_top_fraction < 1.0)
    {
      double pocket = bottom + fr->material_h_mm * (1.0 - CLAMP (pl->visible_top_fraction, 0.0, 1.0));

      if (pocket > band_mm)
        {
          band_mm = pocket;
          band_text = _("Inside the rack pocket: read in the hand");
        }
    }
  if (band_mm > bottom)
    {
      double y = eyl_page_frame_page_y (fr, band_mm);

      paint_hatched (p, y, p->visible.y1, HATCH_CROSS);
      horizontal_line (p, y, line_dark, 1.5, FALSE);
    }
  /* A folded sheet: the panels folded in are seen only in the hand. */
  if (pl->cover_x0_fraction > 0 && pl->cover_x0_fraction < 1)
    {
      EylRect whole = p->visible;
      double x = whole.x0 + pl->cover_x0_fraction * (whole.x1 - whole.x0);

      p->visible.x1 = x;
      paint_hatched (p, whole.y0, eyl_page_frame_page_y (fr, MAX (band_mm, bottom)), HATCH_LIGHT);
      p->visible = whole;
      cairo_save (p->cr);
      cairo_set_source_rgba (p->cr, line_dark[0], line_dark[1], line_dark[2], line_dark[3]);
      cairo_set_line_width (p->cr, 1.5 * p->u);
      cairo_move_to (p->cr, x, whole.y0);
      cairo_line_to (p->cr, x, whole.y1);
      cairo_stroke (p->cr);
      cairo_restore (p->cr);
      hidden_label (p, _("Folded in: read in the hand"), whole.y0, whole.y1, TRUE);
    }
  if (pl->hidden_top_mm > 0)
    {
      double y = eyl_page_frame_page_y (fr, top - MIN (pl->hidden_top_mm, fr->material_h_mm));

      paint_hatched (p, p->visible.y0, y, HATCH_CROSS);
      horizontal_line (p, y, line_dark, 1.5, FALSE);
      hidden_label (p, _("Under the top rail: never seen"), p->visible.y0, y, TRUE);
    }

  /* Labels last, so no hatching crosses them. */
  if (med_mm > bottom)
    hidden_label (p, crowd_med ? _("Hidden by the crowd for most visitors")
                               : _("Hidden by the table for most visitors"),
                  eyl_page_frame_page_y (fr, MIN (med_mm, top)), p->visible.y1, FALSE);
  if (min_mm > MAX (med_mm, bottom))
    hidden_label (p, crowd_min ? _("Hidden by the crowd for the shortest visitors")
                               : _("Hidden by the table for the shortest visitors"),
                  eyl_page_frame_page_y (fr, MIN (min_mm, top)),
                  eyl_page_frame_page_y (fr, MAX (med_mm, bottom)), FALSE);
  if (band_mm > bottom && band_text != NULL)
    hidden_label (p, band_text, eyl_page_frame_page_y (fr, band_mm), p->visible.y1, FALSE);
}

/* Element boxes ------------------------------------------------------- */

static int
compare_area_desc (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  GPtrArray *elements = user_data;
  const EylElement *ea = g_ptr_array_index (elements, *(const guint *) a);
  const EylElement *eb = g_ptr_array_index (elements, *(const guint *) b);
  double aa = eyl_rect_width (&ea->box) * eyl_rect_height (&ea->box);
  double ab = eyl_rect_width (&eb->box) * eyl_rect_height (&eb->box);

  return aa < ab ? 1 : aa > ab ? -1 : 0;
}

static void
paint_element (Paint      *p,
               EylElement *el,
               gboolean    emphasis)
{
  cairo_t *cr = p->cr;
  double rgba[4];
  double pad = 2.0 * p->u;
  EylRect b = el->box;
  g_autoptr(PangoLayout) layout = NULL;
  double w, h;

  eyl_overlay_kind_color (el->kind, rgba);

  cairo_save (cr);
  cairo_rectangle (cr, b.x0 - pad, b.y0 - pad,
                   eyl_rect_width (&b) + 2 * pad, eyl_rect_height (&b) + 2 * pad);
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], emphasis ? 0.22 : 0.08);
  cairo_fill_preserve (cr);
  if (kind_is_dashed (el->kind))
    {
      double dash[] = { 6 * p->u, 3 * p->u };

      cairo_set_dash (cr, dash, 2, 0);
    }
  stroke_with_halo (p, rgba, emphasis ? 3.5 : LINE_PX);
  cairo_restore (cr);

  /* The kind's name on a tag above the box (inside it at the page top). */
  layout = make_layout (p, eyl_overlay_kind_label (el->kind), TAG_PX, TRUE);
  layout_size (layout, &w, &h);
  h += 3 * p->u;
  draw_tag (p, eyl_overlay_kind_label (el->kind), b.x0 - pad,
            b.y0 - pad - h >= p->visible.y0 ? b.y0 - pad - h - 1 * p->u : b.y0 + pad,
            rgba, TAG_PX, TRUE);
}

static void
paint_elements (Paint *p)
{
  GPtrArray *elements = p->analysis->elements;
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));

  if (elements == NULL)
    return;

  /* Larger boxes first, so a website inside a text block stays on top. */
  for (guint i = 0; i < elements->len; i++)
    {
      EylElement *el = g_ptr_array_index (elements, i);

      if (kind_is_drawn (el->kind) && !eyl_rect_is_empty (&el->box))
        g_array_append_val (order, i);
    }
  g_array_sort_with_data (order, compare_area_desc, elements);

  for (guint k = 0; k < order->len; k++)
    {
      guint i = g_array_index (order, guint, k);

      paint_element (p, g_ptr_array_index (elements, i),
                     (int) i == p->options->hovered_element ||
                     (int) i == p->options->highlighted_element);
    }
}

/* Markers ------------------------------------------------------------- */

/* Text size without a cairo_t of the caller's (for layout functions). */
static void
measure_text (EylPageAnalysis *analysis,
              double           u,
              const char      *str,
              double           size_px,
              gboolean         bold,
              double          *width,
              double          *height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);
  Paint p = { .cr = cr, .analysis = analysis, .u = u };
  g_autoptr(PangoLayout) layout = make_layout (&p, str, size_px, bold);

  layout_size (layout, width, height);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Where panels anchored at the top of the page (the page-wide markers,
 * the legend) start: below the top rail's band and its label. */
static double
top_inset (EylPageAnalysis         *analysis,
           const EylOverlayOptions *options,
           double                   u)
{
  EylRect vis = visible_of (analysis);
  const EylPlacement *pl = analysis->placement;
  double y, w, h;

  if (!(options->layers & EYL_OVERLAY_HIDDEN) || pl == NULL || pl->hidden_top_mm <= 0)
    return vis.y0 + MARGIN_PX * u;

  y = eyl_page_frame_page_y (&analysis->frame,
                             analysis->frame.bottom_floor_mm + analysis->frame.material_h_mm -
                             MIN (pl->hidden_top_mm, analysis->frame.material_h_mm));
  measure_text (analysis, u, _("Under the top rail: never seen"), LABEL_PX, TRUE, &w, &h);
  h += 3 * u;
  if (y - vis.y0 >= h + 8 * u)
    return y + 6 * u;
  return y + 3 * u + h + 6 * u;
}

GArray *
eyl_overlay_layout_markers (EylPageAnalysis         *analysis,
                            const EylOverlayOptions *options)
{
  GArray *markers;
  EylOverlayOptions defaults;
  EylRect vis;
  double u, r, gap, row_x, row_y;

  g_return_val_if_fail (analysis != NULL, NULL);

  if (options == NULL)
    {
      eyl_overlay_options_init (&defaults);
      options = &defaults;
    }

  markers = g_array_new (FALSE, TRUE, sizeof (EylOverlayMarker));
  if (analysis->findings == NULL)
    return markers;

  vis = visible_of (analysis);
  u = 1.0 / px_per_pt_of (options);
  r = MARKER_RADIUS_PX * u;
  gap = MARKER_GAP_PX * u;

  /* Page-wide findings: a row at the top-left, after a caption. */
  {
    double cw, ch;

    measure_text (analysis, u, _("Whole page"), TAG_PX, TRUE, &cw, &ch);
    row_x = vis.x0 + MARGIN_PX * u + 6 * u + cw + 8 * u + 6 * u + r;
  }
  row_y = top_inset (analysis, options, u) + r + 2 * u;

  for (guint i = 0; i < analysis->findings->len; i++)
    {
      EylFinding *f = g_ptr_array_index (analysis->findings, i);
      EylOverlayMarker m = { .finding = i, .number = i + 1, .radius = r };

      if (eyl_rect_is_empty (&f->box))
        {
          m.page_wide = TRUE;
          m.x = row_x;
          m.y = row_y;
          row_x += 2 * r + gap;
          if (row_x > vis.x1 - r - MARGIN_PX * u)
            {
              /* Wrap under the caption. */
              row_x = vis.x0 + MARGIN_PX * u + 6 * u + r;
              row_y += 2 * r + gap;
            }
          g_array_append_val (markers, m);
          continue;
        }

      /* The top-right corner of the box, kept inside the page. */
      m.x = CLAMP (f->box.x1, vis.x0 + r, vis.x1 - r);
      m.y = CLAMP (f->box.y0, vis.y0 + r, vis.y1 - r);

      /* Several findings on one element: line them up leftwards (then
       * rightwards when the page edge stops them). */
      for (int tries = 0; tries < 64; tries++)
        {
          gboolean overlap = FALSE;

          for (guint j = 0; j < markers->len; j++)
            {
              EylOverlayMarker *o = &g_array_index (markers, EylOverlayMarker, j);

              if (hypot (o->x - m.x, o->y - m.y) < 2 * r + gap * 0.5)
                {
                  overlap = TRUE;
                  break;
                }
            }
          if (!overlap)
            break;
          if (m.x - (2 * r + gap) >= vis.x0 + r && tries < 32)
            m.x -= 2 * r + gap;
          else
            m.y += 2 * r + gap;
        }
      g_array_append_val (markers, m);
    }
  return markers;
}

static void
marker_shape (cairo_t     *cr,
              EylSeverity  severity,
              double       x,
              double       y,
              double       r)
{
  switch (severity)
    {
    case EYL_SEVERITY_ERROR:
      /* Error: a circle. */
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      cairo_close_path (cr);
      break;
    case EYL_SEVERITY_WARNING:
      /* Warning: a diamond, as on road signs. */
      cairo_move_to (cr, x, y - r * 1.22);
      cairo_line_to (cr, x + r * 1.22, y);
      cairo_line_to (cr, x, y + r * 1.22);
      cairo_line_to (cr, x - r * 1.22, y);
      cairo_close_path (cr);
      break;
    case EYL_SEVERITY_INFO:
    default:
      /* Info: a rounded square. */
      rounded_rect (cr, x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8, r * 0.35);
      break;
    }
}

static void
paint_marker (Paint                  *p,
              const EylOverlayMarker *m,
              EylSeverity             severity,
              gboolean                emphasis)
{
  cairo_t *cr = p->cr;
  double rgba[4], fg[4];
  double r = m->radius * (emphasis ? 1.3 : 1.0);
  g_autofree char *num = g_strdup_printf ("%u", m->number);
  g_autoptr(PangoLayout) layout = NULL;
  double w, h;

  eyl_overlay_severity_color (severity, rgba);
  text_color_for (rgba, fg);

  cairo_save (cr);
  /* A soft shadow, a white ring, a dark hairline: reads on any artwork. */
  marker_shape (cr, severity, m->x + 0.8 * p->u, m->y + 1.2 * p->u, r + 2.2 * p->u);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.30);
  cairo_fill (cr);
  marker_shape (cr, severity, m->x, m->y, r + 2.0 * p->u);
  cairo_set_source_rgba (cr, 1, 1, 1, 1);
  cairo_fill (cr);
  marker_shape (cr, severity, m->x, m->y, r);
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0.1, 0.1, 0.12, 0.6);
  cairo_set_line_width (cr, 0.8 * p->u);
  cairo_stroke (cr);

  layout = make_layout (p, num, (m->number >= 10 ? 10.5 : 12.0) * (emphasis ? 1.3 : 1.0), TRUE);
  layout_size (layout, &w, &h);
  cairo_set_source_rgba (cr, fg[0], fg[1], fg[2], 1);
  cairo_move_to (cr, m->x - w / 2.0, m->y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* Dims the page outside @box and rings it: the finding or element the
 * user picked stands out. */
static void
paint_spotlight (Paint        *p,
                 const EylRect *box,
                 const double  rgba[4])
{
  cairo_t *cr = p->cr;
  double pad = 6 * p->u;

  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_rectangle (cr, p->visible.x0, p->visible.y0,
                   p->visible.x1 - p->visible.x0, p->visible.y1 - p->visible.y0);
  rounded_rect (cr, box->x0 - pad, box->y0 - pad,
                eyl_rect_width (box) + 2 * pad, eyl_rect_height (box) + 2 * pad, 4 * p->u);
  cairo_set_source_rgba (cr, 0.05, 0.05, 0.08, 0.38);
  cairo_fill (cr);
  rounded_rect (cr, box->x0 - pad, box->y0 - pad,
                eyl_rect_width (box) + 2 * pad, eyl_rect_height (box) + 2 * pad, 4 * p->u);
  stroke_with_halo (p, rgba, 3.0);
  cairo_restore (cr);
}

static void
paint_findings (Paint *p)
{
  EylPageAnalysis *a = p->analysis;
  g_autoptr(GArray) markers = eyl_overlay_layout_markers (a, p->options);
  gboolean any_page_wide = FALSE;
  int hl = p->options->highlighted_finding;

  for (guint i = 0; i < markers->len; i++)
    any_page_wide |= g_array_index (markers, EylOverlayMarker, i).page_wide;

  if (any_page_wide)
    {
      /* A panel behind the row of page-wide markers, with its caption. */
      double r = MARKER_RADIUS_PX * p->u, x1 = 0, y0 = INFINITY, y1 = 0;
      double caption_bg[4] = { 0.13, 0.13, 0.17, 0.92 };
      double px0 = p->visible.x0 + (MARGIN_PX - 2) * p->u;
      cairo_t *cr = p->cr;
      g_autoptr(PangoLayout) layout = make_layout (p, _("Whole page"), TAG_PX, TRUE);
      double w, h;

      for (guint i = 0; i < markers->len; i++)
        {
          EylOverlayMarker *m = &g_array_index (markers, EylOverlayMarker, i);

          if (m->page_wide)
            {
              x1 = MAX (x1, m->x + r);
              y0 = MIN (y0, m->y);
              y1 = MAX (y1, m->y + r);
            }
        }
      cairo_save (cr);
      rounded_rect (cr, px0, y0 - r - 5 * p->u, x1 + 6 * p->u - px0, y1 + 5 * p->u - (y0 - r - 5 * p->u),
                    6 * p->u);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 0.1, 0.1, 0.12, 0.35);
      cairo_set_line_width (cr, 1.0 * p->u);
      cairo_stroke (cr);
      cairo_restore (cr);

      layout_size (layout, &w, &h);
      draw_tag (p, _("Whole page"), p->visible.x0 + MARGIN_PX * p->u + 2 * p->u,
                y0 - (h + 3 * p->u) / 2.0, caption_bg, TAG_PX, TRUE);
    }

  if (hl >= 0 && (guint) hl < markers->len)
    {
      EylFinding *f = g_ptr_array_index (a->findings, hl);

      if (!eyl_rect_is_empty (&f->box))
        {
          double rgba[4];

          eyl_overlay_severity_color (f->severity, rgba);
          paint_spotlight (p, &f->box, rgba);
        }
    }

  /* Lower severities first, so errors are on top where markers touch. */
  for (int sev = EYL_SEVERITY_INFO; sev <= EYL_SEVERITY_ERROR; sev++)
    for (guint i = 0; i < markers->len; i++)
      {
        EylOverlayMarker *m = &g_array_index (markers, EylOverlayMarker, i);
        EylFinding *f = g_ptr_array_index (a->findings, m->finding);

        if ((int) f->severity == sev && (int) i != hl)
          paint_marker (p, m, f->severity, FALSE);
      }
  if (hl >= 0 && (guint) hl < markers->len)
    {
      EylOverlayMarker *m = &g_array_index (markers, EylOverlayMarker, hl);
      EylFinding *f = g_ptr_array_index (a->findings, hl);

      paint_marker (p, m, f->severity, TRUE);
    }
}

int
eyl_overlay_hit_test_marker (EylPageAnalysis         *analysis,
                             const EylOverlayOptions *options,
                             double                   x_pt,
                             double                   y_pt)
{
  g_autoptr(GArray) markers = NULL;
  int hit = -1;

  g_return_val_if_fail (analysis != NULL, -1);

  markers = eyl_overlay_layout_markers (analysis, options);
  for (guint i = 0; i < markers->len; i++)
    {
      EylOverlayMarker *m = &g_array_index (markers, EylOverlayMarker, i);

      if (hypot (x_pt - m->x, y_pt - m->y) <= m->radius * 1.25)
        hit = (int) m->finding;   /* the last drawn is on top */
    }
  return hit;
}

/* Legend -------------------------------------------------------------- */

typedef struct
{
  int            type;   /* 0 kind, 1 severity, 2 band, 3 hatch */
  int            value;
  const char    *label;
} LegendRow;

/* With @measure_only, sets p->legend and draws nothing. */
static void
paint_legend (Paint    *p,
              gboolean  measure_only)
{
  EylPageAnalysis *a = p->analysis;
  EylOverlayLayers layers = p->options->layers;
  cairo_t *cr = p->cr;
  LegendRow rows[EYL_N_ELEMENT_KINDS + 8];
  guint n_rows = 0;
  gboolean kinds[EYL_N_ELEMENT_KINDS] = { FALSE, };
  gboolean sevs[3] = { FALSE, };
  double row_h = 15 * p->u, sw = 16 * p->u, pad = 7 * p->u;
  double max_w = 0, x, y, w, h;

  if ((layers & EYL_OVERLAY_ELEMENTS) && a->elements != NULL)
    for (guint i = 0; i < a->elements->len; i++)
      {
        EylElement *el = g_ptr_array_index (a->elements, i);

        if (kind_is_drawn (el->kind))
          kinds[el->kind] = TRUE;
      }
  for (int k = 0; k < EYL_N_ELEMENT_KINDS; k++)
    if (kinds[k])
      rows[n_rows++] = (LegendRow) { 0, k, eyl_overlay_kind_label (k) };

  if ((layers & EYL_OVERLAY_FINDINGS) && a->findings != NULL)
    for (guint i = 0; i < a->findings->len; i++)
      {
        EylFinding *f = g_ptr_array_index (a->findings, i);

        sevs[CLAMP ((int) f->severity, 0, 2)] = TRUE;
      }
  for (int s = EYL_SEVERITY_ERROR; s >= EYL_SEVERITY_INFO; s--)
    if (sevs[s])
      rows[n_rows++] = (LegendRow) { 1, s, eyl_overlay_severity_label (s) };
  if (layers & EYL_OVERLAY_EYE_LEVEL)
    rows[n_rows++] = (LegendRow) { 2, 0, _("Eye level") };
  if (layers & EYL_OVERLAY_HIDDEN)
    rows[n_rows++] = (LegendRow) { 3, 0, _("Hidden") };
  if (n_rows == 0)
    return;

  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(PangoLayout) layout = make_layout (p, rows[i].label, TAG_PX, FALSE);
      double lw, lh;

      layout_size (layout, &lw, &lh);
      max_w = MAX (max_w, lw);
    }

  w = pad + sw + 6 * p->u + max_w + pad;
  h = pad + n_rows * row_h + pad - 2 * p->u;
  x = p->visible.x1 - MARGIN_PX * p->u - w;
  y = top_inset (a, p->options, p->u);
  p->legend = (EylRect) { x, y, x + w, y + h };
  p->has_legend = TRUE;
  if (measure_only)
    return;

  cairo_save (cr);
  rounded_rect (cr, x + 0.8 * p->u, y + 1.5 * p->u, w, h, 6 * p->u);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_fill (cr);
  rounded_rect (cr, x, y, w, h, 6 * p->u);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.94);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0.1, 0.1, 0.12, 0.35);
  cairo_set_line_width (cr, 1.0 * p->u);
  cairo_stroke (cr);

  for (guint i = 0; i < n_rows; i++)
    {
      double ry = y + pad + i * row_h;
      double cy = ry + row_h / 2.0 - 1 * p->u;
      double sx = x + pad;
      double rgba[4];
      g_autoptr(PangoLayout) layout = make_layout (p, rows[i].label, TAG_PX, FALSE);
      double lw, lh;

      switch (rows[i].type)
        {
        case 0:
          eyl_overlay_kind_color (rows[i].value, rgba);
          cairo_save (cr);
          cairo_rectangle (cr, sx + 1 * p->u, cy - 4.5 * p->u, sw - 2 * p->u, 9 * p->u);
          cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], 0.15);
          cairo_fill_preserve (cr);
          if (kind_is_dashed (rows[i].value))
            {
              double dash[] = { 3 * p->u, 1.5 * p->u };

              cairo_set_dash (cr, dash, 2, 0);
            }
          cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], 1);
          cairo_set_line_width (cr, 2 * p->u);
          cairo_stroke (cr);
          cairo_restore (cr);
          break;
        case 1:
          eyl_overlay_severity_color (rows[i].value, rgba);
          marker_shape (cr, rows[i].value, sx + sw / 2.0, cy, 5.5 * p->u);
          cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], 1);
          cairo_fill_preserve (cr);
          cairo_set_source_rgba (cr, 0.1, 0.1, 0.12, 0.6);
          cairo_set_line_width (cr, 0.8 * p->u);
          cairo_stroke (cr);
          break;
        case 2:
          cairo_rectangle (cr, sx, cy - 5 * p->u, sw, 10 * p->u);
          cairo_set_source_rgba (cr, 0.337, 0.706, 0.914, 0.45);
          cairo_fill_preserve (cr);
          cairo_set_source_rgba (cr, 0.0, 0.447, 0.698, 1);
          cairo_set_line_width (cr, 1.2 * p->u);
          cairo_stroke (cr);
          break;
        case 3:
          cairo_save (cr);
          cairo_rectangle (cr, sx, cy - 5 * p->u, sw, 10 * p->u);
          cairo_clip_preserve (cr);
          cairo_set_source_rgba (cr, 0.12, 0.12, 0.16, 0.25);
          cairo_fill (cr);
          for (double c = sx - 10 * p->u; c < sx + sw; c += 4 * p->u)
            {
              cairo_move_to (cr, c, cy - 5 * p->u);
              cairo_line_to (cr, c + 10 * p->u, cy + 5 * p->u);
            }
          cairo_set_source_rgba (cr, 0.10, 0.10, 0.14, 0.8);
          cairo_set_line_width (cr, 1.0 * p->u);
          cairo_stroke (cr);
          cairo_restore (cr);
          break;
        default:
          break;
        }

      layout_size (layout, &lw, &lh);
      cairo_set_source_rgba (cr, 0.12, 0.12, 0.14, 1);
      cairo_move_to (cr, sx + sw + 6 * p->u, cy - lh / 2.0);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_restore (cr);
}

/* Entry points -------------------------------------------------------- */

void
eyl_overlay_paint (cairo_t                 *cr,
                   EylPageAnalysis         *analysis,
                   const EylOverlayOptions *options)
{
  EylOverlayOptions defaults;
  Paint p = { 0 };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (analysis != NULL);

  if (options == NULL)
    {
      eyl_overlay_options_init (&defaults);
      options = &defaults;
    }

  p.cr = cr;
  p.analysis = analysis;
  p.options = options;
  p.u = 1.0 / px_per_pt_of (options);
  p.visible = visible_of (analysis);

  cairo_save (cr);
  cairo_rectangle (cr, p.visible.x0, p.visible.y0,
                   p.visible.x1 - p.visible.x0, p.visible.y1 - p.visible.y0);
  cairo_clip (cr);

  /* The labels keep clear of the legend drawn last. */
  if (options->layers & EYL_OVERLAY_LEGEND)
    paint_legend (&p, TRUE);
  if ((options->layers & EYL_OVERLAY_EYE_LEVEL) && analysis->placement != NULL)
    paint_eye_level (&p);
  if ((options->layers & EYL_OVERLAY_HIDDEN) && analysis->placement != NULL)
    paint_hidden (&p);
  if (options->layers & EYL_OVERLAY_ELEMENTS)
    paint_elements (&p);
  if (options->highlighted_element >= 0 && analysis->elements != NULL &&
      (guint) options->highlighted_element < analysis->elements->len &&
      options->highlighted_finding < 0)
    {
      EylElement *el = g_ptr_array_index (analysis->elements, options->highlighted_element);
      double rgba[4];

      eyl_overlay_kind_color (el->kind, rgba);
      paint_spotlight (&p, &el->box, rgba);
    }
  if (options->layers & EYL_OVERLAY_FINDINGS)
    paint_findings (&p);
  else if (options->highlighted_finding >= 0 && analysis->findings != NULL &&
           (guint) options->highlighted_finding < analysis->findings->len)
    {
      EylFinding *f = g_ptr_array_index (analysis->findings, options->highlighted_finding);
      double rgba[4];

      eyl_overlay_severity_color (f->severity, rgba);
      if (!eyl_rect_is_empty (&f->box))
        paint_spotlight (&p, &f->box, rgba);
    }
  if (options->layers & EYL_OVERLAY_LEGEND)
    paint_legend (&p, FALSE);

  cairo_restore (cr);
}

int
eyl_overlay_hit_test (EylPageAnalysis *analysis,
                      double           x_pt,
                      double           y_pt)
{
  int best = -1;
  double best_area = INFINITY;

  g_return_val_if_fail (analysis != NULL, -1);

  if (analysis->elements == NULL)
    return -1;

  for (guint i = 0; i < analysis->elements->len; i++)
    {
      EylElement *el = g_ptr_array_index (analysis->elements, i);
      double area = eyl_rect_width (&el->box) * eyl_rect_height (&el->box);

      if (!kind_is_drawn (el->kind) || eyl_rect_is_empty (&el->box))
        continue;
      if (eyl_rect_contains_point (&el->box, x_pt, y_pt) && area < best_area)
        {
          best = (int) i;
          best_area = area;
        }
    }
  return best;
}
