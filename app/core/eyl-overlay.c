/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-overlay.c: the overlay painter shared by the page view and the
 * annotated PDF export (DESIGN.md 2, "one painter for overlays").
 *
 * Everything is drawn in page space; sizes that should stay constant on
 * screen (lines, markers, labels) are given in device pixels and divided
 * by px_per_pt.  Colours follow the Okabe–Ito palette (safe for the common
 * colour-vision deficiencies), and nothing relies on hue alone: boxes carry
 * a line style per kind and a label with the kind's letter, markers a
 * number and a shape per severity, hidden zones a hatching and a sentence.  Every stroke has a white halo so it reads on
 * dark and light artwork alike. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-overlay"

#include <math.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "eyl-options.h"
#include "eyl-overlay.h"
#include "eyl-packaging.h"

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
#define PRINT_PAGE_PX 1100.0

typedef struct
{
  cairo_t                 *cr;
  EylPageAnalysis         *analysis;
  const EylOverlayOptions *options;
  double                   u;       /* page pt per device px */
  EylRect                  visible; /* the artwork, page space */
} Paint;

static void paint_net (Paint *p);
static void paint_net_quantity_mark (Paint *p);

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
    case EYL_ELEMENT_URL: set_rgba (rgba, 0.000, 0.447, 0.698); break;
    case EYL_ELEMENT_EMAIL: set_rgba (rgba, 0.090, 0.365, 0.635); break;
    case EYL_ELEMENT_PHONE: set_rgba (rgba, 0.000, 0.529, 0.788); break;
    case EYL_ELEMENT_SOCIAL: set_rgba (rgba, 0.184, 0.553, 0.835); break;
    case EYL_ELEMENT_QR: set_rgba (rgba, 0.000, 0.345, 0.584); break;
    case EYL_ELEMENT_ADDRESS: set_rgba (rgba, 0.231, 0.431, 0.675); break;
    /* Brand: reddish purple. */
    case EYL_ELEMENT_LOGO: set_rgba (rgba, 0.659, 0.306, 0.541); break;
    case EYL_ELEMENT_BRAND_NAME: set_rgba (rgba, 0.549, 0.243, 0.600); break;
    /* The message and the action: orange and bluish green. */
    case EYL_ELEMENT_HEADLINE: set_rgba (rgba, 0.902, 0.624, 0.000); break;
    case EYL_ELEMENT_CTA: set_rgba (rgba, 0.000, 0.620, 0.451); break;
    case EYL_ELEMENT_OTHER_URL: set_rgba (rgba, 0.502, 0.502, 0.502); break;
    /* Others' marks: the brand's purple, greyed. */
    case EYL_ELEMENT_SPONSOR_LOGO: set_rgba (rgba, 0.600, 0.490, 0.565); break;
    case EYL_ELEMENT_REPEAT: set_rgba (rgba, 0.600, 0.490, 0.565); break;
    case EYL_ELEMENT_BODY:
    case EYL_N_ELEMENT_KINDS:
    default: set_rgba (rgba, 0.650, 0.650, 0.650); break;
    }
}

void
eyl_overlay_severity_color (EylSeverity severity,
                            double      rgba[4])
{
  g_return_if_fail (rgba != NULL);

  switch (severity)
    {
    case EYL_SEVERITY_ERROR: set_rgba (rgba, 0.835, 0.369, 0.000); break;   /* vermilion */
    case EYL_SEVERITY_WARNING: set_rgba (rgba, 0.941, 0.706, 0.000); break; /* amber */
    case EYL_SEVERITY_INFO:
    default: set_rgba (rgba, 0.337, 0.706, 0.914); break; /* sky blue */
    }
}

const char *
eyl_overlay_kind_label (EylElementKind kind)
{
  switch (kind)
    {
    case EYL_ELEMENT_URL: return _("Website");
    case EYL_ELEMENT_EMAIL: return _("Email");
    case EYL_ELEMENT_PHONE: return _("Phone");
    case EYL_ELEMENT_SOCIAL: return _("Social");
    case EYL_ELEMENT_QR: return _("QR code");
    case EYL_ELEMENT_ADDRESS: return _("Address");
    case EYL_ELEMENT_LOGO: return _("Logo");
    case EYL_ELEMENT_BRAND_NAME: return _("Brand name");
    case EYL_ELEMENT_HEADLINE: return _("Headline");
    /* TRANSLATORS: short label on a box around a call to action */
    case EYL_ELEMENT_CTA: return _("Call to action");
    /* TRANSLATORS: short label on a box around a web address that is not the brand's */
    case EYL_ELEMENT_OTHER_URL: return _("Other link");
    case EYL_ELEMENT_BODY: return _("Body text");
    /* TRANSLATORS: short label on a box around sponsors' or partners' logos */
    case EYL_ELEMENT_SPONSOR_LOGO: return _("Sponsors");
    /* TRANSLATORS: short label on a box around marks repeated in a grid over
     * a photo wall (a step-and-repeat) */
    case EYL_ELEMENT_REPEAT: return _("Step-and-repeat");
    case EYL_N_ELEMENT_KINDS:
    default: return "";
    }
}

const char *
eyl_overlay_severity_label (EylSeverity severity)
{
  switch (severity)
    {
    case EYL_SEVERITY_ERROR: return _("Error");
    case EYL_SEVERITY_WARNING: return _("Warning");
    case EYL_SEVERITY_INFO:
    default: return _("Info");
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

/* Options ------------------------------------------------------------- */

void
eyl_overlay_options_init (EylOverlayOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (EylOverlayOptions) {
    .layers = EYL_OVERLAY_CALM,
    .px_per_pt = 1.0,
    .highlighted_finding = -1,
    .highlighted_element = -1,
    .hovered_element = -1,
    .inches = FALSE,
  };
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

/* Where the overlay draws the elements and markers: the visible area,
 * except on a pack's net, whose back and side panels carry findings too
 * (the barcode, the label rules) though the shelf judges only the front
 * panel: there the whole sheet. */
static EylRect
overlay_area_of (EylPageAnalysis *analysis)
{
  if (analysis->packaging != NULL && analysis->packaging->panels != NULL &&
      analysis->packaging->panels->len >= 2)
    return (EylRect) { 0, 0, analysis->width_pt, analysis->height_pt };
  return visible_of (analysis);
}

/* Text ---------------------------------------------------------------- */

static PangoLayout *
make_layout (Paint      *p,
             const char *text,
             double      size_px,
             gboolean    bold)
{
  PangoLayout          *layout = pango_cairo_create_layout (p->cr);
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

/* Strokes the current path in @rgba over a white halo (kept path). */
static void
stroke_with_halo (Paint       *p,
                  const double rgba[4],
                  double       width_px)
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
horizontal_line (Paint       *p,
                 double       y,
                 const double rgba[4],
                 double       width_px,
                 gboolean     dashed)
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

/* Kind styles --------------------------------------------------------- */

/* Hue alone does not tell a website from a phone number (both contacts,
 * both blue) or a logo from a brand name: each kind also has its own
 * line — solid, dashed, dotted, dash-dot — corner marks for pictures, and
 * a letter on its label and in the legend. */
typedef struct
{
  double   dash[6]; /* device px; n_dash 0 = solid */
  int      n_dash;
  gboolean corners; /* thick corner marks */
  gboolean outline; /* the full outline (else the corners only) */
} KindStyle;

static KindStyle
kind_style (EylElementKind kind)
{
  switch (kind)
    {
    case EYL_ELEMENT_URL: return (KindStyle) { { 0 }, 0, FALSE, TRUE };
    case EYL_ELEMENT_EMAIL: return (KindStyle) { { 9, 5, 0.01, 5 }, 4, FALSE, TRUE };
    case EYL_ELEMENT_PHONE: return (KindStyle) { { 0.01, 5 }, 2, FALSE, TRUE };
    case EYL_ELEMENT_SOCIAL: return (KindStyle) { { 14, 6 }, 2, FALSE, TRUE };
    case EYL_ELEMENT_QR: return (KindStyle) { { 4, 5 }, 2, TRUE, TRUE };
    case EYL_ELEMENT_ADDRESS: return (KindStyle) { { 9, 5, 0.01, 5, 0.01, 5 }, 6, FALSE, TRUE };
    case EYL_ELEMENT_LOGO: return (KindStyle) { { 0 }, 0, TRUE, FALSE };
    case EYL_ELEMENT_BRAND_NAME: return (KindStyle) { { 7, 5 }, 2, FALSE, TRUE };
    case EYL_ELEMENT_HEADLINE: return (KindStyle) { { 0 }, 0, FALSE, TRUE };
    case EYL_ELEMENT_CTA: return (KindStyle) { { 7, 5 }, 2, TRUE, TRUE };
    case EYL_ELEMENT_OTHER_URL: return (KindStyle) { { 0.01, 5 }, 2, FALSE, TRUE };
    case EYL_ELEMENT_SPONSOR_LOGO: return (KindStyle) { { 0.01, 5 }, 2, TRUE, TRUE };
    case EYL_ELEMENT_REPEAT: return (KindStyle) { { 14, 6 }, 2, TRUE, TRUE };
    case EYL_ELEMENT_BODY:
    case EYL_N_ELEMENT_KINDS:
    default: return (KindStyle) { { 0 }, 0, FALSE, TRUE };
    }
}

const char *
eyl_overlay_kind_letter (EylElementKind kind)
{
  switch (kind)
    {
    /* TRANSLATORS: one letter for "Website" on its label and in the legend */
    case EYL_ELEMENT_URL: return C_("kind letter", "W");
    case EYL_ELEMENT_EMAIL: return "@";
    /* TRANSLATORS: one letter for "Phone" (telephone) */
    case EYL_ELEMENT_PHONE: return C_("kind letter", "T");
    case EYL_ELEMENT_SOCIAL: return "#";
    /* TRANSLATORS: one letter for "QR code" */
    case EYL_ELEMENT_QR: return C_("kind letter", "Q");
    /* TRANSLATORS: one letter for "Address" */
    case EYL_ELEMENT_ADDRESS: return C_("kind letter", "A");
    /* TRANSLATORS: one letter for "Logo" */
    case EYL_ELEMENT_LOGO: return C_("kind letter", "L");
    /* TRANSLATORS: one letter for "Brand name" */
    case EYL_ELEMENT_BRAND_NAME: return C_("kind letter", "B");
    /* TRANSLATORS: one letter for "Headline" */
    case EYL_ELEMENT_HEADLINE: return C_("kind letter", "H");
    /* TRANSLATORS: one letter for "Call to action" */
    case EYL_ELEMENT_CTA: return C_("kind letter", "C");
    /* TRANSLATORS: one letter for "Other link" */
    case EYL_ELEMENT_OTHER_URL: return C_("kind letter", "O");
    /* TRANSLATORS: one letter for "Sponsors" */
    case EYL_ELEMENT_SPONSOR_LOGO: return C_("kind letter", "S");
    /* TRANSLATORS: one letter for "Step-and-repeat" */
    case EYL_ELEMENT_REPEAT: return C_("kind letter", "R");
    case EYL_ELEMENT_BODY:
    case EYL_N_ELEMENT_KINDS:
    default: return "";
    }
}

/* Outlines @b in @kind's style, @u page units per device px. */
static void
stroke_kind_box (cairo_t       *cr,
                 EylElementKind kind,
                 const EylRect *b,
                 double         u,
                 double         width_px,
                 const double   rgba[4])
{
  KindStyle st = kind_style (kind);
  double    w = eyl_rect_width (b), h = eyl_rect_height (b);
  double    dash[6];

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (int pass = 0; pass < 2; pass++)
    {
      /* A white halo first, then the colour. */
      double lw = (pass == 0 ? width_px + 2 * HALO_PX * 0.6 : width_px) * u;

      if (pass == 0)
        cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
      else
        cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
      if (st.outline)
        {
          for (int i = 0; i < st.n_dash; i++)
            dash[i] = st.dash[i] * u * (width_px / LINE_PX);
          cairo_set_dash (cr, dash, st.n_dash, 0);
          cairo_set_line_width (cr, (st.corners ? lw * 0.6 : lw));
          cairo_rectangle (cr, b->x0, b->y0, w, h);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      if (st.corners)
        {
          double c = MIN (10 * u, MIN (w, h) / 3.0);

          cairo_set_line_width (cr, lw * 1.5);
          cairo_move_to (cr, b->x0, b->y0 + c);
          cairo_line_to (cr, b->x0, b->y0);
          cairo_line_to (cr, b->x0 + c, b->y0);
          cairo_move_to (cr, b->x1 - c, b->y0);
          cairo_line_to (cr, b->x1, b->y0);
          cairo_line_to (cr, b->x1, b->y0 + c);
          cairo_move_to (cr, b->x1, b->y1 - c);
          cairo_line_to (cr, b->x1, b->y1);
          cairo_line_to (cr, b->x1 - c, b->y1);
          cairo_move_to (cr, b->x0 + c, b->y1);
          cairo_line_to (cr, b->x0, b->y1);
          cairo_line_to (cr, b->x0, b->y1 - c);
          cairo_stroke (cr);
        }
    }
  cairo_restore (cr);
}

/* Labels: measuring ---------------------------------------------------- */

/* A scratch context for measuring text outside painting. */
typedef struct
{
  cairo_surface_t *surface;
  cairo_t         *cr;
} Scratch;

static void
scratch_open (Scratch *s)
{
  s->surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  s->cr = cairo_create (s->surface);
}

static void
scratch_close (Scratch *s)
{
  g_clear_pointer (&s->cr, cairo_destroy);
  g_clear_pointer (&s->surface, cairo_surface_destroy);
}

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
  Scratch s;
  Paint   p = { .analysis = analysis, .u = u };

  scratch_open (&s);
  p.cr = s.cr;
  {
    g_autoptr(PangoLayout) layout = make_layout (&p, str, size_px, bold);

    layout_size (layout, width, height);
  }
  scratch_close (&s);
}

#define TAG_PAD_X 4.0
#define TAG_PAD_Y 1.5
#define BADGE_GAP 3.0

/* The smallest tag in print, per the page's short side: the export is
 * looked at page-sized, and a small piece's labels stay legible. */
#define MIN_TAG_SHARE 0.026

double
eyl_overlay_print_px_per_pt (EylPageAnalysis *analysis)
{
  double w, h, side, ppp, tw, th;

  g_return_val_if_fail (analysis != NULL, 1.0);

  /* The whole sheet the overlay draws on (a pack's net, not its front
   * panel). */
  {
    EylRect area = overlay_area_of (analysis);

    w = area.x1 - area.x0;
    h = area.y1 - area.y0;
  }
  if (w <= 0 || h <= 0)
    {
      w = analysis->width_pt;
      h = analysis->height_pt;
    }
  side = MAX (w, h);
  if (side <= 0)
    return 1.0;
  ppp = PRINT_PAGE_PX / side;
  /* The smallest tag (an element's, TAG_PX) at 1 px per pt. */
  measure_text (analysis, 1.0, "Ag", TAG_PX, TRUE, &tw, &th);
  th += 2 * TAG_PAD_Y;
  if (MIN (w, h) > 0 && th > 0)
    ppp = MIN (ppp, th / (MIN_TAG_SHARE * MIN (w, h)));
  return ppp;
}

/* The size of a label's tag, page pt.  An element's label is its letter
 * on a white badge, then (unless @shortened) its kind's name. */
static void
tag_size (Paint              *p,
          EylOverlayLabelKind kind,
          int                 element_kind,
          const char         *text,
          gboolean            shortened,
          double             *w,
          double             *h)
{
  double tw = 0, th = 0;

  if (kind == EYL_OVERLAY_LABEL_ELEMENT)
    {
      g_autoptr(PangoLayout) badge = make_layout (p, eyl_overlay_kind_letter (element_kind),
                                                   TAG_PX, TRUE);
      double bw, bh;

      layout_size (badge, &bw, &bh);
      *w = 2 * TAG_PAD_X * p->u + MAX (bw + 4 * p->u, bh);
      *h = bh + 2 * TAG_PAD_Y * p->u;
      if (!shortened)
        {
          g_autoptr(PangoLayout) layout = make_layout (p, text, TAG_PX, TRUE);

          layout_size (layout, &tw, &th);
          *w += BADGE_GAP * p->u + tw - TAG_PAD_X * p->u;
          *h = MAX (*h, th + 2 * TAG_PAD_Y * p->u);
        }
      return;
    }
  {
    g_autoptr(PangoLayout) layout = make_layout (p, text, kind == EYL_OVERLAY_LABEL_SIGHT ? TAG_PX : LABEL_PX,
                                                  kind != EYL_OVERLAY_LABEL_SIGHT);

    layout_size (layout, &tw, &th);
    *w = tw + 2 * TAG_PAD_X * p->u;
    *h = th + 2 * TAG_PAD_Y * p->u;
  }
}

/* Hidden zones -------------------------------------------------------- */

typedef enum
{
  HATCH_DENSE, /* hidden for most viewers or everyone */
  HATCH_LIGHT, /* hidden for some viewers */
  HATCH_CROSS, /* a fixed band: never seen */
} HatchStyle;

/* One hidden zone: its hatched area, its edge line and its sentence. */
typedef struct
{
  EylRect     area; /* page space, within the artwork */
  HatchStyle  style;
  double      line; /* the edge line: y, or x for a fold */
  double      line_px;
  gboolean    line_dashed;
  gboolean    vertical;    /* the line is the fold, at x = line */
  const char *label;       /* the sentence, or NULL */
  const char *short_label; /* when the sentence does not fit */
  gboolean    label_low;   /* the label sits at the area's bottom edge */
} Zone;

#define MAX_ZONES 6

/* Top of what a table, a crowd or a shelf-edge strip (its deck at
 * @deck_mm; the line eyl_hidden_below_mm() judges) hides for one eye
 * (not the fixed bands). */
static double
occluder_line_mm (const EylPlacement *pl,
                  double              deck_mm,
                  double              eye_mm,
                  gboolean           *is_crowd,
                  gboolean           *is_strip)
{
  double d = pl->distance_m * 1000.0, table = 0.0, crowd = 0.0;
  double strip = eyl_strip_line_mm (pl, deck_mm, eye_mm);

  if (pl->table_height_mm > 0)
    table = eyl_occlusion_height_mm (eye_mm, d, pl->table_height_mm,
                                     pl->table_objects_mm, pl->table_gap_mm);
  if (pl->crowd_height_mm > 0 && pl->distance_m >= pl->crowd_distance_m)
    crowd = eyl_occlusion_height_mm (eye_mm, d, pl->crowd_height_mm, 0.0, pl->crowd_gap_mm);
  *is_crowd = crowd > table;
  *is_strip = strip > MAX (table, crowd);
  return MAX (MAX (table, crowd), strip);
}

static const char *
band_sentence (EylPlacementKind kind)
{
  switch (kind)
    {
    case EYL_PLACEMENT_SHELF: return _("Behind the shelf edge strip: never seen");
    case EYL_PLACEMENT_TABLETOP: return _("Inside the base: never seen");
    case EYL_PLACEMENT_ROLLUP:
    case EYL_PLACEMENT_BACKDROP: return _("Inside the cassette: never seen");
    case EYL_PLACEMENT_FLAG: return _("Sleeve and ground spike: never seen");
    case EYL_PLACEMENT_POSTER:
    case EYL_PLACEMENT_LEAFLET:
    case EYL_PLACEMENT_STICKER:
    default: return _("Covered at the bottom: never seen");
    }
}

/* The hidden zones of @a's placement, in painting order. */
static guint
collect_zones (EylPageAnalysis *a,
               EylRect          vis,
               Zone             zones[MAX_ZONES])
{
  const EylPlacement *pl = a->placement;
  const EylPageFrame *fr = &a->frame;
  double              bottom = fr->bottom_floor_mm;
  double              top = bottom + fr->material_h_mm;
  double              e_min, e_med, med_mm, min_mm, band_mm = 0.0;
  gboolean            crowd_med = FALSE, crowd_min = FALSE, strip_med = FALSE, strip_min = FALSE;
  const char         *band_text = NULL;
  const char         *band_short = _("Never seen");
  guint               n = 0;

  if (pl == NULL)
    return 0;
  e_min = MIN (pl->eye_min_mm, pl->eye_max_mm);
  e_med = eyl_population_quantile (pl, 0.5);
  med_mm = occluder_line_mm (pl, bottom, e_med, &crowd_med, &strip_med);
  min_mm = occluder_line_mm (pl, bottom, e_min, &crowd_min, &strip_min);

  /* The table (or crowd): hidden for the median viewer and everyone
   * shorter; hidden for the shortest viewers (P5) a little higher. */
  if (med_mm > bottom)
    {
      double y = eyl_page_frame_page_y (fr, MIN (med_mm, top));

      zones[n++] = (Zone) {
        { vis.x0, y, vis.x1, vis.y1 },
        HATCH_DENSE,
        y,
        2.0,
        FALSE,
        FALSE,
        strip_med
        ? _("Hidden by the shelf-edge strip for most visitors")
        : crowd_med
        ? _("Hidden by the crowd for most visitors")
                       : _("Hidden by the table for most visitors"),
             strip_med ? _("Hidden by the shelf-edge strip")
                       : crowd_med
             ? _("Hidden by the crowd")
             : _("Hidden by the table"),
                  FALSE,
          };
    }
  if (min_mm > MAX (med_mm, bottom))
    {
      double y0 = eyl_page_frame_page_y (fr, MIN (min_mm, top));
      double y1 = eyl_page_frame_page_y (fr, MAX (med_mm, bottom));

      zones[n++] = (Zone) {
        { vis.x0, y0, vis.x1, y1 },
        HATCH_LIGHT,
        y0,
        1.5,
        TRUE,
        FALSE,
        strip_min
        ? _("Hidden by the shelf-edge strip for the shortest visitors")
        : crowd_min
        ? _("Hidden by the crowd for the shortest visitors")
        : _("Hidden by the table for the shortest visitors"),
             _("Hidden for the shortest"), FALSE,
          };
    }

  /* Fixed bands nobody sees. */
  if (pl->hidden_bottom_mm > 0)
    {
      band_mm = bottom + MIN (pl->hidden_bottom_mm, fr->material_h_mm);
      band_text = band_sentence (pl->kind);
    }
  if (pl->visible_top_fraction < 1.0)
    {
      double pocket = bottom + fr->material_h_mm * (1.0 - CLAMP (pl->visible_top_fraction, 0.0, 1.0));

      if (pocket > band_mm)
        {
          band_mm = pocket;
          band_text = _("Inside the rack pocket: read in the hand");
          band_short = _("In the pocket");
        }
    }
  if (band_mm > bottom)
    {
      double y = eyl_page_frame_page_y (fr, band_mm);

      zones[n++] = (Zone) {
        { vis.x0, y, vis.x1, vis.y1 },
        HATCH_CROSS,
        y,
        1.5,
        FALSE,
        FALSE,
        band_text,
        band_short,
        FALSE,
      };
    }
  /* A folded sheet: the panels folded in are seen only in the hand. */
  if (pl->cover_x0_fraction > 0 && pl->cover_x0_fraction < 1)
    {
      double x = vis.x0 + pl->cover_x0_fraction * (vis.x1 - vis.x0);
      double y1 = eyl_page_frame_page_y (fr, MAX (band_mm, bottom));

      zones[n++] = (Zone) {
        { vis.x0, vis.y0, x, MIN (y1, vis.y1) },
        HATCH_LIGHT,
        x,
        1.5,
        FALSE,
        TRUE,
        _("Folded in: read in the hand"), _("Folded in"), FALSE,
        };
    }
  if (pl->hidden_top_mm > 0)
    {
      double y = eyl_page_frame_page_y (fr, top - MIN (pl->hidden_top_mm, fr->material_h_mm));

      zones[n++] = (Zone) {
        { vis.x0, vis.y0, vis.x1, y },
        HATCH_CROSS,
        y,
        1.5,
        FALSE,
        FALSE,
        _("Under the top rail: never seen"), _("Never seen"), TRUE,
        };
    }
  for (guint i = 0; i < n; i++)
    {
      zones[i].area.y0 = MAX (zones[i].area.y0, vis.y0);
      zones[i].area.y1 = MIN (zones[i].area.y1, vis.y1);
    }
  return n;
}

/* Obstacles ------------------------------------------------------------ */

/* Element boxes larger than this share of the artwork (a text block, a
 * photo taken for a logo) are avoided when possible, not at any cost. */
#define LARGE_ELEMENT 0.20

static gboolean
kind_is_drawn (EylElementKind kind)
{
  return kind != EYL_ELEMENT_BODY && kind < EYL_N_ELEMENT_KINDS;
}

static double
rect_area (const EylRect *r)
{
  return eyl_rect_is_empty (r) ? 0.0 : eyl_rect_width (r) * eyl_rect_height (r);
}

static EylRect
rect_grow (const EylRect *r,
           double         d)
{
  return (EylRect) { r->x0 - d, r->y0 - d, r->x1 + d, r->y1 + d };
}

/* Overlap of two rectangles, 0 when they only touch. */
static double
overlap_area (const EylRect *a,
              const EylRect *b)
{
  double w = MIN (a->x1, b->x1) - MAX (a->x0, b->x0);
  double h = MIN (a->y1, b->y1) - MAX (a->y0, b->y0);

  return w > 0 && h > 0 ? w * h : 0.0;
}

/* The gap between two rectangles along the axis they are furthest apart
 * on, 0 when they overlap. */
static double
rect_distance (const EylRect *a,
               const EylRect *b)
{
  double dx = MAX (0, MAX (a->x0 - b->x1, b->x0 - a->x1));
  double dy = MAX (0, MAX (a->y0 - b->y1, b->y0 - a->y1));

  return MAX (dx, dy);
}

/* From the point @x, @y to the nearest point of @r, 0 inside it. */
static double
point_distance (const EylRect *r,
                double         x,
                double         y)
{
  return hypot (MAX (0, MAX (r->x0 - x, x - r->x1)), MAX (0, MAX (r->y0 - y, y - r->y1)));
}

static gboolean
element_is_large (EylPageAnalysis *a,
                  const EylRect   *box,
                  const EylRect   *vis)
{
  (void) a;
  return rect_area (box) > LARGE_ELEMENT * rect_area (vis);
}

/* Are @a and @b, of one kind, drawn as one (element_groups())? */
static gboolean
one_group (const EylElement *a,
           const EylElement *b)
{
  double h = MIN (eyl_rect_height (&a->box), eyl_rect_height (&b->box));

  if (overlap_area (&a->box, &b->box) > 0)
    return TRUE;
  /* Marks found in parts (an emblem, then its wordmark cut in two) sit
   * closer than marks set apart; two contacts on two lines stay two. */
  return (a->kind == EYL_ELEMENT_LOGO || a->kind == EYL_ELEMENT_SPONSOR_LOGO) &&
         rect_distance (&a->box, &b->box) <= 0.25 * h;
}

/* Boxes of one kind that overlap — the parts of one lockup found apart,
 * two partners' marks whose boxes meet — are drawn as one: one outline
 * round them all and one label, so that labels do not stack on each
 * other.  @root[i] is the element that stands for i's group (the first of
 * it), or -1 for an element not drawn. */
static int *
element_groups (EylPageAnalysis *a)
{
  guint n = a->elements != NULL ? a->elements->len : 0;
  int  *root = g_new (int, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      EylElement *el = g_ptr_array_index (a->elements, i);

      root[i] = kind_is_drawn (el->kind) && !eyl_rect_is_empty (&el->box) ? (int) i : -1;
    }
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        EylElement *ei = g_ptr_array_index (a->elements, i);
        EylElement *ej = g_ptr_array_index (a->elements, j);
        int         ri = (int) i, rj = (int) j;

        if (root[i] < 0 || root[j] < 0 || ei->kind != ej->kind ||
            ei->third_party != ej->third_party || !one_group (ei, ej))
          continue;
        while (root[ri] != ri)
          ri = root[ri];
        while (root[rj] != rj)
          rj = root[rj];
        root[MAX (ri, rj)] = MIN (ri, rj);
      }
  for (guint i = 0; i < n; i++)
    if (root[i] >= 0)
      while (root[i] != root[root[i]])
        root[i] = root[root[i]];
  return root;
}

/* The box drawn for group @r (the union of its members' boxes); the
 * number of marks it stands for in @n_marks: members not lying mostly
 * inside a bigger one.  The brand's own boxes in one group are parts of
 * one thing (an emblem and its wordmark found apart): one. */
static EylRect
group_box (EylPageAnalysis *a,
           const int       *root,
           int              r,
           guint           *n_marks)
{
  EylRect box = ((EylElement *) g_ptr_array_index (a->elements, r))->box;
  guint   n = 0;

  for (guint i = 0; i < a->elements->len; i++)
    {
      EylElement *el = g_ptr_array_index (a->elements, i);
      gboolean    inside = FALSE;

      if (root[i] != r)
        continue;
      box.x0 = MIN (box.x0, el->box.x0);
      box.y0 = MIN (box.y0, el->box.y0);
      box.x1 = MAX (box.x1, el->box.x1);
      box.y1 = MAX (box.y1, el->box.y1);
      for (guint j = 0; j < a->elements->len && !inside; j++)
        {
          EylElement *other = g_ptr_array_index (a->elements, j);

          inside = j != i && root[j] == r && rect_area (&other->box) > rect_area (&el->box) &&
                   overlap_area (&el->box, &other->box) >= 0.5 * rect_area (&el->box);
        }
      n += !inside;
    }
  if (n_marks != NULL)
    *n_marks = ((EylElement *) g_ptr_array_index (a->elements, r))->third_party ? MAX (n, 1) : 1;
  return box;
}

/* The page's text lines, from the text layer the read kept (the first
 * pages of a document; none for an analysis read back from JSON): words
 * the detectors made no element of — body copy, small print — are still
 * on the artwork, and a label on them hides them. */
static void
collect_text_lines (EylPageAnalysis *a,
                    double           pad,
                    GArray          *soft)
{
  const EylPageData *text = a->read != NULL ? a->read->text_layer : NULL;

  if (text == NULL || text->lines == NULL || text->index != a->index)
    return;
  for (guint i = 0; i < text->lines->len; i++)
    {
      const EylTextLine *line = &g_array_index (text->lines, EylTextLine, i);
      EylRect            r = rect_grow (&line->box, pad);

      if (!eyl_rect_is_empty (&line->box))
        g_array_append_val (soft, r);
    }
}

/* What labels and markers must keep off (@hard) and should keep off
 * (@soft): the findings' boxes and the small element boxes; large blocks,
 * body text and every line of the page's text layer. */
static void
collect_obstacles (EylPageAnalysis *a,
                   const EylRect   *vis,
                   double           pad,
                   GArray          *hard,
                   GArray          *soft)
{
  if (a->findings != NULL)
    for (guint i = 0; i < a->findings->len; i++)
      {
        EylFinding *f = g_ptr_array_index (a->findings, i);
        EylRect     r = rect_grow (&f->box, pad);

        if (!eyl_rect_is_empty (&f->box))
          g_array_append_val (hard, r);
      }
  if (a->elements != NULL)
    for (guint i = 0; i < a->elements->len; i++)
      {
        EylElement *el = g_ptr_array_index (a->elements, i);
        EylRect     r = rect_grow (&el->box, pad);

        /* A step-and-repeat spans the wall: its labels and the zones'
         * may lie on it as on the artwork. */
        if (eyl_rect_is_empty (&el->box) || el->kind == EYL_ELEMENT_REPEAT)
          continue;
        if (kind_is_drawn (el->kind) && !element_is_large (a, &el->box, vis))
          g_array_append_val (hard, r);
        else
          g_array_append_val (soft, r);
      }
  collect_text_lines (a, pad, soft);
}

/* -1 when @r leaves @vis or touches a hard obstacle, else the share of
 * @r on soft obstacles (0 = free). */
static double
place_cost (const EylRect *r,
            const EylRect *vis,
            GArray        *hard,
            GArray        *soft)
{
  double       cost = 0.0, area = rect_area (r);
  const double eps = 1e-6;

  if (r->x0 < vis->x0 - eps || r->y0 < vis->y0 - eps ||
      r->x1 > vis->x1 + eps || r->y1 > vis->y1 + eps)
    return -1;
  for (guint i = 0; i < hard->len; i++)
    if (overlap_area (r, &g_array_index (hard, EylRect, i)) > 0)
      return -1;
  for (guint i = 0; soft != NULL && i < soft->len; i++)
    cost += overlap_area (r, &g_array_index (soft, EylRect, i));
  return area > 0 ? cost / area : 0.0;
}

/* Ink ------------------------------------------------------------------ */

/* The page's pixels as the read rendered them (kept in the process that
 * read the page), or NULL: a zone's label or the page-wide panel lies
 * where the artwork has the least ink (a mark no detector boxed). */
typedef struct
{
  const EylRaster *raster;
  guint8           bg[3]; /* the artwork's most common colour */
} Ink;

#define INK_GRID 96

static guint8
raster_channel (const EylRaster *r,
                int              x,
                int              y,
                int              c)
{
  guint32 v = *(const guint32 *) (r->data + (gsize) y * r->stride + (gsize) x * 4);

  return (v >> (16 - 8 * c)) & 0xff;
}

static void
ink_init (Ink                     *ink,
          EylPageAnalysis         *a,
          const EylOverlayOptions *options)
{
  const EylRaster  *r = options->artwork != NULL ? options->artwork
                        : a->read != NULL        ? a->read->attention_raster
                                                 : NULL;
  g_autofree guint *counts = NULL;
  guint             best = 0, pick = 0;

  ink->raster = NULL;
  if (r == NULL || r->data == NULL || r->width <= 0 || r->height <= 0 || r->scale <= 0)
    return;
  /* Colours in 8 × 8 × 8 bins over a coarse grid; the fullest bin's
   * centre is the background. */
  counts = g_new0 (guint, 512);
  for (int j = 0; j < INK_GRID; j++)
    for (int i = 0; i < INK_GRID; i++)
      {
        int   x = (int) ((i + 0.5) * r->width / INK_GRID), y = (int) ((j + 0.5) * r->height / INK_GRID);
        guint bin = (raster_channel (r, x, y, 0) >> 5) << 6 | (raster_channel (r, x, y, 1) >> 5) << 3 |
                    (raster_channel (r, x, y, 2) >> 5);

        if (++counts[bin] > best)
          {
            best = counts[bin];
            pick = bin;
          }
      }
  ink->raster = r;
  ink->bg[0] = ((pick >> 6) & 7) * 32 + 16;
  ink->bg[1] = ((pick >> 3) & 7) * 32 + 16;
  ink->bg[2] = (pick & 7) * 32 + 16;
}

/* The share of @rect (page space) on marks: of a grid of cells over it,
 * those with any pixel far from the background (a thin wordmark counts as
 * much as a solid one); 0 without pixels. */
static double
ink_share (const Ink     *ink,
           const EylRect *rect)
{
  const EylRaster *r = ink->raster;
  const int        cols = 16, rows = 4, sub = 4;
  double           x0, y0, x1, y1;
  guint            on = 0;

  if (r == NULL)
    return 0.0;
  x0 = MAX ((rect->x0 - r->area.x0) * r->scale, 0);
  y0 = MAX ((rect->y0 - r->area.y0) * r->scale, 0);
  x1 = MIN ((rect->x1 - r->area.x0) * r->scale, r->width - 1);
  y1 = MIN ((rect->y1 - r->area.y0) * r->scale, r->height - 1);
  if (x1 <= x0 || y1 <= y0)
    return 0.0;
  for (int cj = 0; cj < rows; cj++)
    for (int ci = 0; ci < cols; ci++)
      {
        gboolean inked = FALSE;

        for (int k = 0; k < sub * sub && !inked; k++)
          {
            int x = (int) (x0 + (ci + ((k % sub) + 0.5) / sub) * (x1 - x0) / cols);
            int y = (int) (y0 + (cj + ((k / sub) + 0.5) / sub) * (y1 - y0) / rows);
            int d = 0;

            for (int c = 0; c < 3; c++)
              d = MAX (d, ABS ((int) raster_channel (r, x, y, c) - (int) ink->bg[c]));
            inked = d > 48;
          }
        on += inked;
      }
  return (double) on / (cols * rows);
}

/* Markers ------------------------------------------------------------- */

/* Where panels anchored at the top of the page (the page-wide markers)
 * start: below the top rail's band and its label. */
static double
top_inset (EylPageAnalysis         *analysis,
           const EylOverlayOptions *options,
           double                   u)
{
  EylRect             vis = visible_of (analysis);
  const EylPlacement *pl = analysis->placement;
  double              y;

  if (!(options->layers & EYL_OVERLAY_HIDDEN) || pl == NULL || pl->hidden_top_mm <= 0)
    return vis.y0 + MARGIN_PX * u;

  y = eyl_page_frame_page_y (&analysis->frame,
                             analysis->frame.bottom_floor_mm + analysis->frame.material_h_mm -
                                 MIN (pl->hidden_top_mm, analysis->frame.material_h_mm));
  return MAX (y, vis.y0) + 6 * u;
}

/* The square a marker covers, ring and emphasis included, per radius. */
#define MARKER_EXTENT 1.45

static EylRect
marker_rect (const EylOverlayMarker *m)
{
  double r = m->radius * MARKER_EXTENT;

  return (EylRect) { m->x - r, m->y - r, m->x + r, m->y + r };
}

/* Markers are drawn with the findings layer; the selected finding's in
 * any case. */
static gboolean
marker_is_drawn (const EylOverlayOptions *options,
                 guint                    finding)
{
  return (options->layers & EYL_OVERLAY_FINDINGS) || (int) finding == options->highlighted_finding;
}

/* From the panel's left edge to the first page-wide marker's: the
 * caption "Whole page" and its margins, or a margin only (@compact). */
static double
whole_page_lead (EylPageAnalysis *analysis,
                 double           u,
                 gboolean         compact)
{
  double cw, ch;

  if (compact)
    return 5 * u;
  measure_text (analysis, u, _("Whole page"), TAG_PX, TRUE, &cw, &ch);
  return 22 * u + cw;
}

/* Is the row of page-wide markers in @markers compact? */
static gboolean
whole_page_compact (GArray *markers)
{
  for (guint i = 0; i < markers->len; i++)
    if (g_array_index (markers, EylOverlayMarker, i).page_wide)
      return g_array_index (markers, EylOverlayMarker, i).compact;
  return FALSE;
}

/* The panel behind the row of page-wide markers, with its caption. */
static gboolean
whole_page_panel (GArray  *markers,
                  double   u,
                  double   lead,
                  EylRect *panel)
{
  gboolean any = FALSE;

  *panel = (EylRect) { 0, INFINITY, 0, 0 };
  for (guint i = 0; i < markers->len; i++)
    {
      EylOverlayMarker *m = &g_array_index (markers, EylOverlayMarker, i);

      if (m->page_wide)
        {
          if (!any)
            panel->x0 = m->x - m->radius - lead;
          any = TRUE;
          panel->x1 = MAX (panel->x1, m->x + m->radius + 6 * u);
          panel->y0 = MIN (panel->y0, m->y - m->radius - 5 * u);
          panel->y1 = MAX (panel->y1, m->y + m->radius + 5 * u);
        }
    }
  return any;
}

GArray *
eyl_overlay_layout_markers (EylPageAnalysis         *analysis,
                            const EylOverlayOptions *options)
{
  GArray           *markers;
  EylOverlayOptions defaults;
  g_autoptr(GArray) hard = NULL;
  g_autoptr(GArray) soft = NULL;
  g_autoptr(GArray) boxes = NULL;
  EylRect  vis;
  double   u, r, rr, gap, s, row_x, row_y;
  gboolean compact = FALSE;
  Ink      ink;

  g_return_val_if_fail (analysis != NULL, NULL);

  if (options == NULL)
    {
      eyl_overlay_options_init (&defaults);
      options = &defaults;
    }

  markers = g_array_new (FALSE, TRUE, sizeof (EylOverlayMarker));
  if (analysis->findings == NULL)
    return markers;

  vis = overlay_area_of (analysis);
  u = 1.0 / px_per_pt_of (options);
  r = MARKER_RADIUS_PX * u;
  rr = r * MARKER_EXTENT;
  gap = MARKER_GAP_PX * u;
  s = 2 * rr + gap;

  /* The markers keep off the findings' boxes (their own above all) and,
   * when they can, off the elements. */
  hard = g_array_new (FALSE, FALSE, sizeof (EylRect));
  soft = g_array_new (FALSE, FALSE, sizeof (EylRect));
  boxes = g_array_new (FALSE, FALSE, sizeof (EylRect));
  collect_obstacles (analysis, &vis, 1 * u, boxes, soft);
  ink_init (&ink, analysis, options);

  /* Page-wide findings: a row after a caption, in the corner where it
   * covers the fewest elements and the least ink (the top-left one
   * first, below the top rail), else along the top or bottom edge.  When
   * every such place covers artwork (a sponsor wall's marks in every
   * corner), the row without its caption, compact and see-through, where
   * it covers the least.  Wrapped at the top-left when one row is too
   * long. */
  {
    double   m = (MARGIN_PX - 2) * u, h = 2 * r + 10 * u;
    double   ox = vis.x0 + m, oy = top_inset (analysis, options, u) - 3 * u;
    guint    n_wide = 0;
    double   best = INFINITY, best_ink = 0;
    gboolean picked = FALSE;

    for (guint i = 0; i < analysis->findings->len; i++)
      n_wide += eyl_rect_is_empty (&((EylFinding *) g_ptr_array_index (analysis->findings, i))->box);
    for (int pass = 0; pass < 2 && n_wide > 0 && (pass == 0 || best_ink > 0); pass++)
      {
        double lead = whole_page_lead (analysis, u, pass == 1);
        double w = lead + n_wide * (2 * r + gap) - gap + 6 * u;
        double x0 = vis.x0 + m, x1 = vis.x1 - m - w, y0 = oy, y1 = vis.y1 - m - h;
        double xs[4 + 2 * 8], ys[G_N_ELEMENTS (xs)];
        guint  n = 0;

        if (x0 + w > vis.x1 - m)
          break;
        /* The corners, then along the top and bottom edges. */
        xs[n] = x0, ys[n++] = y0;
        xs[n] = x1, ys[n++] = y0;
        xs[n] = x0, ys[n++] = y1;
        xs[n] = x1, ys[n++] = y1;
        for (int k = 1; k <= 8; k++)
          {
            xs[n] = x0 + k * (x1 - x0) / 9, ys[n++] = y0;
            xs[n] = x0 + k * (x1 - x0) / 9, ys[n++] = y1;
          }
        for (guint c = 0; c < n; c++)
          {
            EylRect panel = { xs[c], ys[c], xs[c] + w, ys[c] + h };
            double  cost = place_cost (&panel, &vis, boxes, soft), over = 0;

            if (cost < 0)
              {
                for (guint j = 0; j < boxes->len; j++)
                  over += overlap_area (&panel, &g_array_index (boxes, EylRect, j));
                cost = 10 + over / rect_area (&panel);
              }
            /* Marks no detector boxed (a sponsor wall's) count too; the
             * compact row only where the captioned one found no place
             * clear of them. */
            over = ink_share (&ink, &(EylRect) { panel.x0 - 2 * u, panel.y0 - 2 * u, panel.x1 + 2 * u,
                                                 panel.y1 + 2 * u });
            cost += over + 0.01 * pass;
            if (cost < best - 1e-9)
              {
                best = cost;
                best_ink = over;
                ox = xs[c];
                oy = ys[c];
                compact = pass == 1;
                picked = TRUE;
              }
          }
      }
    if (!picked)
      ox = vis.x0 + m;
    row_x = ox + whole_page_lead (analysis, u, compact) + r;
    row_y = oy + 5 * u + r;
    if (n_wide > 0 && !compact)
      {
        /* The caption: no boxed marker on it. */
        EylRect caption = { ox, oy, ox + whole_page_lead (analysis, u, FALSE), oy + h };

        g_array_append_val (hard, caption);
      }
  }

  for (guint i = 0; i < analysis->findings->len; i++)
    {
      EylFinding      *f = g_ptr_array_index (analysis->findings, i);
      EylOverlayMarker m = { .finding = i, .number = i + 1, .radius = r };
      EylRect          own = rect_grow (&f->box, 1 * u);
      double           best = INFINITY;
      gboolean         found = FALSE;

      if (eyl_rect_is_empty (&f->box))
        {
          m.page_wide = TRUE;
          m.compact = compact;
          m.x = row_x;
          m.y = row_y;
          row_x += 2 * r + gap;
          if (row_x > vis.x1 - r - MARGIN_PX * u)
            {
              /* Wrap under the caption. */
              row_x = vis.x0 + (MARGIN_PX - 2) * u + 8 * u + r;
              row_y += 2 * r + gap;
            }
          g_array_append_val (markers, m);
          {
            EylRect mr = marker_rect (&m);

            g_array_append_val (hard, mr);
          }
          continue;
        }

      /* Beside the box: a column down its right edge, a row along its top,
       * a column at its left, a row under it; the cheapest free place
       * wins, the first on a tie.  Other findings' boxes and elements
       * cost, the own box and other markers are never covered. */
      for (int side = 0; side < 4 && best > 0; side++)
        for (int k = 0; k < 6 && best > 0; k++)
          {
            EylOverlayMarker c = m;
            EylRect          cr;
            double           cost, extra = 0;

            switch (side)
              {
              case 0:
                c.x = f->box.x1 + gap + rr;
                c.y = f->box.y0 + rr + k * s;
                break;
              case 1:
                c.x = f->box.x1 - rr - k * s;
                c.y = f->box.y0 - gap - rr;
                break;
              case 2:
                c.x = f->box.x0 - gap - rr;
                c.y = f->box.y0 + rr + k * s;
                break;
              default:
                c.x = f->box.x0 + rr + k * s;
                c.y = f->box.y1 + gap + rr;
                break;
              }
            cr = marker_rect (&c);
            if (overlap_area (&cr, &own) > 0)
              continue;
            cost = place_cost (&cr, &vis, hard, soft);
            if (cost < 0)
              continue;
            for (guint j = 0; j < boxes->len; j++)
              extra += overlap_area (&cr, &g_array_index (boxes, EylRect, j));
            /* Off the artwork's marks too, where the places beside the
             * box differ (a wordmark next to its icon). */
            cost += 4 * extra / rect_area (&cr) + ink_share (&ink, &cr) + 0.01 * k;
            if (cost < best)
              {
                best = cost;
                m.x = c.x;
                m.y = c.y;
                found = TRUE;
              }
          }

      if (!found)
        {
          /* A box that fills its surroundings: its top-right corner,
           * inside, lined up with the markers already there. */
          m.x = CLAMP (f->box.x1 - r, vis.x0 + r, vis.x1 - r);
          m.y = CLAMP (f->box.y0 + r, vis.y0 + r, vis.y1 - r);
          for (int tries = 0; tries < 64; tries++)
            {
              EylRect mr = marker_rect (&m);

              if (place_cost (&mr, &(EylRect) { -INFINITY, -INFINITY, INFINITY, INFINITY },
                              hard, NULL) >= 0)
                break;
              if (m.x - s >= vis.x0 + r && tries < 32)
                m.x -= s;
              else
                m.y += s;
            }
        }
      g_array_append_val (markers, m);
      {
        EylRect mr = marker_rect (&m);

        g_array_append_val (hard, mr);
      }
    }
  return markers;
}

/* Labels: placing ------------------------------------------------------ */

static void
label_clear (gpointer data)
{
  EylOverlayLabel *l = data;

  g_clear_pointer (&l->text, g_free);
}

typedef struct
{
  Paint   p; /* cr: a scratch context for measuring */
  EylRect vis;
  GArray *hard;   /* EylRect */
  GArray *soft;   /* EylRect */
  GArray *labels; /* EylOverlayLabel */
  Ink     ink;
} Placer;

/* Candidate top-left corners for a @w × @h tag naming @l. */
static guint
candidates (Placer                *pl,
            const EylOverlayLabel *l,
            gboolean               low_edge,
            double                 w,
            double                 h,
            double                 xs_out[],
            double                 ys_out[],
            guint                  max)
{
  const EylRect *a = &l->anchor;
  const EylRect *v = &pl->vis;
  double         u = pl->p.u, g = 3 * u, m = MARGIN_PX * u;
  guint          n = 0;

#define ADD(X, Y)        \
  G_STMT_START           \
  {                      \
    if (n < max)         \
      {                  \
        xs_out[n] = (X); \
        ys_out[n] = (Y); \
        n++;             \
      }                  \
  }                      \
  G_STMT_END

  switch (l->kind)
    {
    case EYL_OVERLAY_LABEL_ELEMENT:
      /* Above, below, then beside the box; never on it. */
      ADD (a->x0, a->y0 - g - h);
      ADD (a->x1 - w, a->y0 - g - h);
      ADD (a->x0, a->y1 + g);
      ADD (a->x1 - w, a->y1 + g);
      ADD (a->x1 + g, a->y0);
      ADD (a->x0 - g - w, a->y0);
      ADD (a->x1 + g, a->y1 - h);
      ADD (a->x0 - g - w, a->y1 - h);
      ADD (a->x1 + g, (a->y0 + a->y1 - h) / 2);
      ADD (a->x0 - g - w, (a->y0 + a->y1 - h) / 2);
      ADD ((a->x0 + a->x1 - w) / 2, a->y0 - g - h);
      ADD ((a->x0 + a->x1 - w) / 2, a->y1 + g);
      /* Where those are on the page's text: at the corners, along a
       * long box, then a row further out (its distance costs). */
      ADD (a->x1 + g, a->y0 - g - h);
      ADD (a->x0 - g - w, a->y0 - g - h);
      ADD (a->x1 + g, a->y1 + g);
      ADD (a->x0 - g - w, a->y1 + g);
      for (int k = 1; k < 4; k++)
        {
          double x = a->x0 + k * (a->x1 - a->x0 - w) / 4;

          ADD (x, a->y0 - g - h);
          ADD (x, a->y1 + g);
        }
      ADD (a->x0, a->y0 - 2 * (g + h));
      ADD (a->x1 - w, a->y0 - 2 * (g + h));
      ADD (a->x0, a->y1 + 2 * g + h);
      ADD (a->x1 - w, a->y1 + 2 * g + h);
      break;

    case EYL_OVERLAY_LABEL_ZONE:
      {
        /* Inside the zone at its inner edge, then just outside it, then
         * deeper inside; at the left, the right, the middle. */
        double   xs[] = { a->x0 + m,
                          a->x1 - m - w,
                          (a->x0 + a->x1 - w) / 2,
                          a->x0 + (a->x1 - a->x0 - w) / 4,
                          a->x0 + 3 * (a->x1 - a->x0 - w) / 4,
                          a->x0 + (a->x1 - a->x0 - w) / 8,
                          a->x0 + 3 * (a->x1 - a->x0 - w) / 8,
                          a->x0 + 5 * (a->x1 - a->x0 - w) / 8,
                          a->x0 + 7 * (a->x1 - a->x0 - w) / 8 };
        double   inner = low_edge ? a->y1 - h - 4 * u : a->y0 + 4 * u;
        double   outer = low_edge ? a->y1 + g : a->y0 - h - g;
        double   step = (h + 4 * u) * (low_edge ? -1 : 1);
        gboolean fits = a->y1 - a->y0 >= h + 8 * u;

        for (int k = 0; k < 7; k++)
          for (guint i = 0; i < G_N_ELEMENTS (xs); i++)
            {
              if (k == 0 && fits)
                ADD (xs[i], inner);
              else if (k == 1)
                ADD (xs[i], outer);
              else if (k >= 2 && fits && inner + (k - 1) * step >= a->y0 &&
                       inner + (k - 1) * step + h <= a->y1)
                ADD (xs[i], inner + (k - 1) * step);
            }
      }
      break;

    case EYL_OVERLAY_LABEL_EYE_LEVEL:
    case EYL_OVERLAY_LABEL_SIGHT:
      {
        /* At the page's edges, where artwork leaves its margin: inside
         * the band at its top, just above or below the line; then
         * further along it. */
        double xs[] = { v->x0 + 2 * u, v->x1 - 2 * u - w,
                        v->x0 + (v->x1 - v->x0 - w) * 0.25, v->x0 + (v->x1 - v->x0 - w) * 0.75,
                        (v->x0 + v->x1 - w) / 2,
                        /* Between those, for a gap in the page's text. */
                        v->x0 + (v->x1 - v->x0 - w) * 0.125, v->x0 + (v->x1 - v->x0 - w) * 0.875,
                        v->x0 + (v->x1 - v->x0 - w) * 0.375, v->x0 + (v->x1 - v->x0 - w) * 0.625 };
        double ys[6];
        guint  ny = 0;

        if (l->kind == EYL_OVERLAY_LABEL_EYE_LEVEL)
          {
            ys[ny++] = a->y0 + 3 * u;
            ys[ny++] = a->y1 - h - 3 * u;
            ys[ny++] = a->y0 - h - 3 * u;
            ys[ny++] = a->y1 + 3 * u;
          }
        else
          {
            ys[ny++] = a->y0 + 3 * u;
            ys[ny++] = a->y0 - h - 3 * u;
          }
        for (guint i = 0; i < G_N_ELEMENTS (xs); i++)
          for (guint j = 0; j < ny; j++)
            ADD (xs[i], ys[j]);
      }
      break;

    default:
      break;
    }
#undef ADD
  return n;
}

/* Would a tag at @r read as naming another element than @l's: is the
 * middle of @r nearer another small drawn element than @l's own box (the
 * tag under a list's first row, beside the second row's value)? */
static gboolean
names_another (Placer                *pl,
               const EylOverlayLabel *l,
               const EylRect         *r)
{
  EylPageAnalysis *a = pl->p.analysis;
  double           cx = (r->x0 + r->x1) / 2, cy = (r->y0 + r->y1) / 2;
  double           own = point_distance (&l->anchor, cx, cy);

  for (guint i = 0; a->elements != NULL && i < a->elements->len; i++)
    {
      EylElement *el = g_ptr_array_index (a->elements, i);

      /* Members of the label's group lie in its anchor. */
      if (!kind_is_drawn (el->kind) || eyl_rect_is_empty (&el->box) || el->kind == EYL_ELEMENT_REPEAT ||
          overlap_area (&el->box, &l->anchor) > 0 || element_is_large (a, &el->box, &pl->vis))
        continue;
      if (point_distance (&el->box, cx, cy) < own - pl->p.u)
        return TRUE;
    }
  return FALSE;
}

/* Puts @l at the first free candidate place, in full, else shortened;
 * else the cheapest place on soft obstacles only; else not shown. */
static void
place_label (Placer          *pl,
             EylOverlayLabel *l,
             const char      *full,
             const char      *brief,
             gboolean         low_edge)
{
  const char *texts[2] = { full, brief };
  int         element_kind = 0;
  double      best = INFINITY, gap = 1.0 * pl->p.u;
  EylRect     own = rect_grow (&l->anchor, 1.5 * pl->p.u);

  if (l->kind == EYL_OVERLAY_LABEL_ELEMENT)
    element_kind = ((EylElement *) g_ptr_array_index (pl->p.analysis->elements, l->element))->kind;

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      double xs[96], ys[96], w, h;
      guint  n;

      if (texts[t] == NULL)
        continue;
      tag_size (&pl->p, l->kind, element_kind, texts[t], t == 1 && l->kind == EYL_OVERLAY_LABEL_ELEMENT,
                &w, &h);
      n = candidates (pl, l, low_edge, w, h, xs, ys, G_N_ELEMENTS (xs));
      for (guint i = 0; i < n; i++)
        {
          EylRect r = { xs[i], ys[i], xs[i] + w, ys[i] + h };
          EylRect test = rect_grow (&r, gap);
          double  cost;

          /* An element's label is never on its element; a zone's or the
           * band's is on its zone by design. */
          if (l->kind == EYL_OVERLAY_LABEL_ELEMENT && overlap_area (&r, &own) > 0)
            continue;
          cost = place_cost (&r, &pl->vis, pl->hard, pl->soft);
          if (cost < 0 || place_cost (&test, &(EylRect) { -INFINITY, -INFINITY, INFINITY, INFINITY },
                                      pl->hard, NULL) < 0)
            continue;
          /* A short text on a free place beats a full one on body text;
           * a tag away from its element costs by its distance. */
          cost += t * 0.05;
          if (l->kind == EYL_OVERLAY_LABEL_ELEMENT)
            {
              /* Next to its box, not a row further on (where it names
               * the next line's element). */
              double d = rect_distance (&r, &l->anchor);

              cost += 0.02 * d / h + (d > eyl_rect_height (&l->anchor) ? 0.5 : 0.0);
              if (names_another (pl, l, &r))
                cost += 0.3;
            }
          /* Where the artwork has the least ink (a row's caption, a mark
           * no detector boxed), with a margin: a tag touching a mark's
           * edge hides it.  An element's tag stands 5 u off its box, so
           * the margin does not reach the element's own ink. */
          {
            EylRect halo = rect_grow (&r, 3 * pl->p.u);

            cost += ink_share (&pl->ink, &halo);
          }
          if (cost < best)
            {
              best = cost;
              l->box = r;
              g_free (l->text);
              l->text = g_strdup (texts[t]);
              l->shortened = t == 1;
              l->shown = TRUE;
            }
        }
      if (best <= 0.05)
        break;
    }

  if (l->shown)
    g_array_append_val (pl->hard, l->box);
  else
    {
      l->box = (EylRect) { 0, 0, 0, 0 };
      g_free (l->text);
      l->text = g_strdup (full);
    }
  g_array_append_val (pl->labels, *l);
}

/* One label for the group of overlapping boxes @index stands for
 * (element_groups()): round their union, with the number of marks in it
 * when there are several ("Logo ×2"). */
static void
place_element_label (Placer    *pl,
                     const int *root,
                     int        index)
{
  EylElement     *el = g_ptr_array_index (pl->p.analysis->elements, index);
  EylOverlayLabel l = { EYL_OVERLAY_LABEL_ELEMENT, index, { 0 }, { 0 }, NULL, FALSE, FALSE };
  guint           n_marks = 1;
  EylRect         box = group_box (pl->p.analysis, root, index, &n_marks);
  /* Another organisation's mark (a partner's at the foot) says so: the
   * brand rules do not count it. */
  const char *name = el->kind == EYL_ELEMENT_LOGO && el->third_party
      /* TRANSLATORS: short label on a box around another organisation's logo */
      ? _("Partner’s logo")
      : eyl_overlay_kind_label (el->kind);
  g_autofree char *counted = NULL;

  if (n_marks > 1)
    /* TRANSLATORS: a label on one box round several overlapping marks of
     * one kind: %s is the kind ("Logo"), %u how many ("Logo ×2") */
    counted = g_strdup_printf (_("%s ×%u"), name, n_marks);
  l.anchor = rect_grow (&box, 2.0 * pl->p.u);
  place_label (pl, &l, counted != NULL ? counted : name, eyl_overlay_kind_letter (el->kind), FALSE);
}

static gboolean
label_has_element (GArray *labels,
                   int     index)
{
  for (guint i = 0; i < labels->len; i++)
    if (g_array_index (labels, EylOverlayLabel, i).element == index)
      return TRUE;
  return FALSE;
}

/* The element a finding is about, or -1. */
static int
finding_element (EylPageAnalysis *a,
                 int              finding)
{
  EylFinding *f;

  if (finding < 0 || a->findings == NULL || (guint) finding >= a->findings->len ||
      a->elements == NULL)
    return -1;
  f = g_ptr_array_index (a->findings, finding);
  if (f->element_id == NULL)
    return -1;
  for (guint i = 0; i < a->elements->len; i++)
    {
      EylElement *el = g_ptr_array_index (a->elements, i);

      if (g_strcmp0 (el->id, f->element_id) == 0)
        return kind_is_drawn (el->kind) ? (int) i : -1;
    }
  return -1;
}

static gboolean
element_index_ok (EylPageAnalysis *a,
                  int              index)
{
  EylElement *el;

  if (index < 0 || a->elements == NULL || (guint) index >= a->elements->len)
    return FALSE;
  el = g_ptr_array_index (a->elements, index);
  return kind_is_drawn (el->kind) && !eyl_rect_is_empty (&el->box);
}

GArray *
eyl_overlay_layout_labels (EylPageAnalysis         *analysis,
                           const EylOverlayOptions *options)
{
  EylOverlayOptions defaults;
  Placer            pl = { 0 };
  Scratch           scratch;
  EylOverlayLayers  layers;
  int               first[3];
  g_autofree int   *root = NULL;

  g_return_val_if_fail (analysis != NULL, NULL);

  if (options == NULL)
    {
      eyl_overlay_options_init (&defaults);
      options = &defaults;
    }
  layers = options->layers;

  scratch_open (&scratch);
  pl.p.cr = scratch.cr;
  pl.p.analysis = analysis;
  pl.p.options = options;
  pl.p.u = 1.0 / px_per_pt_of (options);
  /* Labels name what the visitor sees, and the zones drawn there: they
   * stay on the visible area (a pack's front panel). */
  pl.p.visible = pl.vis = visible_of (analysis);
  pl.hard = g_array_new (FALSE, FALSE, sizeof (EylRect));
  pl.soft = g_array_new (FALSE, FALSE, sizeof (EylRect));
  pl.labels = g_array_new (FALSE, TRUE, sizeof (EylOverlayLabel));
  g_array_set_clear_func (pl.labels, label_clear);

  collect_obstacles (analysis, &pl.vis, 1.0 * pl.p.u, pl.hard, pl.soft);
  ink_init (&pl.ink, analysis, options);
  if (analysis->findings != NULL)
    {
      g_autoptr(GArray) markers = eyl_overlay_layout_markers (analysis, options);
      EylRect panel;

      for (guint i = 0; i < markers->len; i++)
        if (marker_is_drawn (options, i))
          {
            EylRect r = marker_rect (&g_array_index (markers, EylOverlayMarker, i));

            g_array_append_val (pl.hard, r);
          }
      if ((layers & EYL_OVERLAY_FINDINGS) &&
          whole_page_panel (markers, pl.p.u,
                            whole_page_lead (analysis, pl.p.u, whole_page_compact (markers)), &panel))
        g_array_append_val (pl.hard, panel);
    }

  /* The element the user points at or picked comes first. */
  first[0] = options->hovered_element;
  first[1] = options->highlighted_element;
  first[2] = finding_element (analysis, options->highlighted_finding);
  root = element_groups (analysis);
  for (guint i = 0; i < G_N_ELEMENTS (first); i++)
    if (element_index_ok (analysis, first[i]) && !label_has_element (pl.labels, root[first[i]]))
      place_element_label (&pl, root, root[first[i]]);

  if ((layers & EYL_OVERLAY_HIDDEN) && (layers & EYL_OVERLAY_ZONE_LABELS) && analysis->placement != NULL)
    {
      Zone     zones[MAX_ZONES];
      guint    n = collect_zones (analysis, pl.vis, zones);
      gboolean shared[MAX_ZONES] = { FALSE };
      double   tw, th;

      /* Zones whose edges lie closer than a tag's height would stack
       * their tags: the first names them all, with its short text. */
      tag_size (&pl.p, EYL_OVERLAY_LABEL_ZONE, 0, "Ag", FALSE, &tw, &th);
      for (guint i = 0; i < n; i++)
        if (zones[i].label != NULL && !eyl_rect_is_empty (&zones[i].area) && !shared[i])
          {
            EylOverlayLabel l = { EYL_OVERLAY_LABEL_ZONE, -1, zones[i].area, { 0 }, NULL, FALSE, FALSE };
            guint           members = 1;

            for (guint j = i + 1; j < n; j++)
              if (zones[j].label != NULL && !zones[j].vertical && !zones[i].vertical &&
                  zones[j].label_low == zones[i].label_low && !shared[j] &&
                  fabs (zones[j].line - zones[i].line) < 1.5 * th)
                {
                  shared[j] = TRUE;
                  eyl_rect_union (&l.anchor, &zones[j].area);
                  members++;
                }
            if (members > 1)
              place_label (&pl, &l, zones[i].short_label, NULL, zones[i].label_low);
            else
              place_label (&pl, &l, zones[i].label, zones[i].short_label, zones[i].label_low);
          }
    }

  if ((layers & EYL_OVERLAY_EYE_LEVEL) && (layers & EYL_OVERLAY_ZONE_LABELS) &&
      analysis->placement != NULL && eyl_page_has_eye_level (analysis->placement, &analysis->frame))
    {
      const EylPageFrame *fr = &analysis->frame;
      EylEyeZone          zone;
      double              y_top, y_bottom, y_med;

      eyl_eye_zone_for (analysis->placement, fr, &zone);
      y_top = MAX (eyl_page_frame_page_y (fr, zone.high_mm), pl.vis.y0);
      y_bottom = MIN (eyl_page_frame_page_y (fr, zone.low_mm), pl.vis.y1);
      if (y_bottom > y_top)
        {
          EylOverlayLabel  l = { EYL_OVERLAY_LABEL_EYE_LEVEL, -1, { pl.vis.x0, y_top, pl.vis.x1, y_bottom }, { 0 }, NULL, FALSE, FALSE };
          g_autofree char *range = eyl_format_range (zone.low_mm, zone.high_mm, options->inches);
          /* TRANSLATORS: %s is a range of heights above the floor */
          g_autofree char *label = g_strdup_printf (_("Eye level %s"), range);

          place_label (&pl, &l, label, _("Eye level"), FALSE);
        }
      y_med = eyl_page_frame_page_y (fr, zone.sight_mm);
      if (y_med > pl.vis.y0 && y_med < pl.vis.y1)
        {
          EylOverlayLabel  l = { EYL_OVERLAY_LABEL_SIGHT, -1, { pl.vis.x0, y_med, pl.vis.x1, y_med }, { 0 }, NULL, FALSE, FALSE };
          g_autofree char *med = eyl_format_length (zone.sight_mm, options->inches);
          /* TRANSLATORS: a dashed line on the page; %s is its height above the floor */
          g_autofree char *label = g_strdup_printf (_("Line of sight %s"), med);

          /* Short: the legend says what the dashed line is. */
          place_label (&pl, &l, label, med, FALSE);
        }
    }

  if ((layers & EYL_OVERLAY_ELEMENTS) && (layers & EYL_OVERLAY_LABELS) && analysis->elements != NULL)
    {
      /* Flagged elements first, then the others. */
      for (int pass = 0; pass < 2; pass++)
        for (guint i = 0; i < analysis->elements->len; i++)
          {
            gboolean flagged = FALSE;

            if (!element_index_ok (analysis, (int) i) || label_has_element (pl.labels, root[i]))
              continue;
            /* A group is flagged when any of its members is. */
            for (guint m = 0; m < analysis->elements->len && !flagged; m++)
              {
                EylElement *member = g_ptr_array_index (analysis->elements, m);

                if (root[m] != root[i])
                  continue;
                for (guint k = 0; analysis->findings != NULL && k < analysis->findings->len && !flagged; k++)
                  flagged = g_strcmp0 (((EylFinding *) g_ptr_array_index (analysis->findings, k))->element_id,
                                       member->id) == 0;
              }
            if (flagged == (pass == 0))
              place_element_label (&pl, root, root[i]);
          }
    }

  g_array_unref (pl.hard);
  g_array_unref (pl.soft);
  scratch_close (&scratch);
  return pl.labels;
}

/* Labels: painting ----------------------------------------------------- */

static void
paint_label (Paint                 *p,
             const EylOverlayLabel *l)
{
  cairo_t *cr = p->cr;
  double   bg[4], fg[4];
  double   x = l->box.x0, y = l->box.y0, w = eyl_rect_width (&l->box), h = eyl_rect_height (&l->box);
  double   size = l->kind == EYL_OVERLAY_LABEL_SIGHT ? TAG_PX : LABEL_PX;
  gboolean bold = l->kind != EYL_OVERLAY_LABEL_SIGHT;

  switch (l->kind)
    {
    case EYL_OVERLAY_LABEL_ELEMENT:
      eyl_overlay_kind_color (((EylElement *) g_ptr_array_index (p->analysis->elements, l->element))->kind, bg);
      size = TAG_PX;
      break;
    case EYL_OVERLAY_LABEL_EYE_LEVEL:
      set_rgba (bg, 0.000, 0.447, 0.698);
      break;
    case EYL_OVERLAY_LABEL_SIGHT:
      set_rgba (bg, 1, 1, 1);
      bg[3] = 0.92;
      break;
    case EYL_OVERLAY_LABEL_ZONE:
    default:
      set_rgba (bg, 0.13, 0.13, 0.17);
      bg[3] = 0.92;
      break;
    }
  text_color_for (bg, fg);

  cairo_save (cr);
  /* A tag moved further from its box than the box is tall: a leader
   * line from the tag to the box's nearest point. */
  if (l->kind == EYL_OVERLAY_LABEL_ELEMENT &&
      rect_distance (&l->box, &l->anchor) > eyl_rect_height (&l->anchor))
    {
      double cx = CLAMP (x + w / 2, l->anchor.x0, l->anchor.x1);
      double cy = CLAMP (y + h / 2, l->anchor.y0, l->anchor.y1);

      cairo_move_to (cr, CLAMP (cx, x, x + w), CLAMP (cy, y, y + h));
      cairo_line_to (cr, cx, cy);
      cairo_set_line_width (cr, 1.0 * p->u);
      cairo_set_source_rgba (cr, bg[0], bg[1], bg[2], 1);
      cairo_stroke (cr);
    }
  rounded_rect (cr, x, y, w, h, 3 * p->u);
  cairo_set_source_rgba (cr, bg[0], bg[1], bg[2], bg[3]);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  cairo_set_line_width (cr, 1.0 * p->u);
  cairo_stroke (cr);

  if (l->kind == EYL_OVERLAY_LABEL_ELEMENT)
    {
      EylElementKind kind = ((EylElement *) g_ptr_array_index (p->analysis->elements, l->element))->kind;
      g_autoptr(PangoLayout) badge = make_layout (p, eyl_overlay_kind_letter (kind), TAG_PX, TRUE);
      double bw, bh, side;

      layout_size (badge, &bw, &bh);
      side = MAX (bw + 4 * p->u, bh);
      rounded_rect (cr, x + TAG_PAD_X * p->u * 0.5, y + (h - bh) / 2, side + TAG_PAD_X * p->u, bh,
                    2 * p->u);
      cairo_set_source_rgba (cr, 1, 1, 1, 1);
      cairo_fill (cr);
      cairo_set_source_rgba (cr, bg[0], bg[1], bg[2], 1);
      cairo_move_to (cr, x + TAG_PAD_X * p->u + (side - bw) / 2, y + (h - bh) / 2);
      pango_cairo_show_layout (cr, badge);
      if (!l->shortened)
        {
          g_autoptr(PangoLayout) layout = make_layout (p, l->text, TAG_PX, TRUE);

          cairo_set_source_rgba (cr, fg[0], fg[1], fg[2], 1);
          cairo_move_to (cr, x + TAG_PAD_X * p->u + side + BADGE_GAP * p->u, y + TAG_PAD_Y * p->u);
          pango_cairo_show_layout (cr, layout);
        }
    }
  else
    {
      g_autoptr(PangoLayout) layout = make_layout (p, l->text, size, bold);

      cairo_set_source_rgba (cr, fg[0], fg[1], fg[2], 1);
      cairo_move_to (cr, x + TAG_PAD_X * p->u, y + TAG_PAD_Y * p->u);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_restore (cr);
}

/* Eye-level band ------------------------------------------------------ */

static void
paint_eye_level (Paint *p)
{
  EylPageAnalysis    *a = p->analysis;
  const EylPageFrame *fr = &a->frame;
  cairo_t            *cr = p->cr;
  double              band[4] = { 0.337, 0.706, 0.914, 1.0 };
  double              edge[4] = { 0.000, 0.447, 0.698, 1.0 };
  double              y_top, y_bottom, y_med;
  EylEyeZone          zone;

  /* The one eye-level zone (eyl_eye_zone_for): the numbers the findings,
   * the side view and the summary page give too. */
  eyl_eye_zone_for (a->placement, fr, &zone);
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
    horizontal_line (p, y_med, edge, 2.0, TRUE);
  cairo_restore (cr);
}

/* Hidden zones: painting ------------------------------------------------ */

static void
hatch_lines (Paint  *p,
             EylRect area,
             double  step,
             int     direction)
{
  cairo_t *cr = p->cr;
  double   x0 = area.x0, x1 = area.x1, y0 = area.y0, y1 = area.y1;

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

/* The boxes the hatching leaves clear: what the findings are about and
 * the small elements, merged where they overlap (an even-odd clip would
 * hatch the overlap again). */
static GArray *
hatch_holes (Paint *p)
{
  g_autoptr(GArray) hard = g_array_new (FALSE, FALSE, sizeof (EylRect));
  g_autoptr(GArray) soft = g_array_new (FALSE, FALSE, sizeof (EylRect));
  gboolean merged = TRUE;

  collect_obstacles (p->analysis, &p->visible, 3.0 * p->u, hard, soft);
  while (merged)
    {
      merged = FALSE;
      for (guint i = 0; i < hard->len && !merged; i++)
        for (guint j = i + 1; j < hard->len && !merged; j++)
          {
            EylRect *a = &g_array_index (hard, EylRect, i);
            EylRect *b = &g_array_index (hard, EylRect, j);

            if (overlap_area (a, b) > 0)
              {
                eyl_rect_union (a, b);
                g_array_remove_index_fast (hard, j);
                merged = TRUE;
              }
          }
    }
  return g_steal_pointer (&hard);
}

static void
paint_hatched (Paint     *p,
               EylRect    area,
               HatchStyle style,
               GArray    *holes)
{
  cairo_t *cr = p->cr;
  double   veil = style == HATCH_LIGHT ? 0.10 : style == HATCH_CROSS ? 0.20
                                                                     : 0.24;
  double   step = (style == HATCH_LIGHT ? HATCH_PX * 1.6 : HATCH_PX) * p->u;

  if (eyl_rect_is_empty (&area))
    return;
  /* A band or page of absurd size (a damaged report): no endless loop in
   * hatch_lines(), at most a few thousand lines. */
  if (!isfinite (eyl_rect_height (&area)) || !isfinite (eyl_rect_width (&area)) || !(step > 0))
    return;
  step = MAX (step, (eyl_rect_width (&area) + eyl_rect_height (&area)) / 4000.0);

  cairo_save (cr);
  cairo_rectangle (cr, area.x0, area.y0, eyl_rect_width (&area), eyl_rect_height (&area));
  for (guint i = 0; holes != NULL && i < holes->len; i++)
    {
      EylRect *h = &g_array_index (holes, EylRect, i);

      if (overlap_area (h, &area) > 0)
        cairo_rectangle (cr, h->x0, h->y0, eyl_rect_width (h), eyl_rect_height (h));
    }
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_clip (cr);
  cairo_set_source_rgba (cr, 0.12, 0.12, 0.16, veil);
  cairo_paint (cr);

  /* A dark line beside a light one: visible on any artwork. */
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  for (int pass = 0; pass < (style == HATCH_CROSS ? 2 : 1); pass++)
    {
      int dir = pass == 0 ? 1 : -1;

      cairo_new_path (cr);
      hatch_lines (p, area, step, dir);
      cairo_set_source_rgba (cr, 1, 1, 1, style == HATCH_LIGHT ? 0.45 : 0.6);
      cairo_set_line_width (cr, 3.0 * p->u);
      cairo_stroke_preserve (cr);
      cairo_set_source_rgba (cr, 0.10, 0.10, 0.14, style == HATCH_LIGHT ? 0.55 : 0.75);
      cairo_set_line_width (cr, 1.2 * p->u);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/* A hole that reaches across a band's edge keeps only its part outside
 * the band: what is hidden stays hatched, also inside a box that is
 * partly in view (a lock-up whose name sits in the rack pocket).  A box
 * wholly inside a band keeps its hole: it is the one hidden. */
static void
trim_holes (GArray     *holes,
            const Zone *zones,
            guint       n)
{
  for (guint i = 0; i < holes->len; i++)
    {
      EylRect *h = &g_array_index (holes, EylRect, i);

      for (guint k = 0; k < n; k++)
        {
          const Zone *z = &zones[k];

          if (z->vertical || !(z->line > h->y0 && z->line < h->y1))
            continue;
          if (z->area.y0 >= z->line) /* the band lies below its line */
            h->y1 = z->line;
          else if (z->area.y1 <= z->line)
            h->y0 = z->line;
        }
    }
}

static void
paint_hidden (Paint *p)
{
  double line_dark[4] = { 0.10, 0.10, 0.14, 1.0 };
  g_autoptr(GArray) holes = hatch_holes (p);
  Zone  zones[MAX_ZONES];
  guint n = collect_zones (p->analysis, p->visible, zones);

  trim_holes (holes, zones, n);

  for (guint i = 0; i < n; i++)
    {
      Zone *z = &zones[i];

      paint_hatched (p, z->area, z->style, holes);
      if (z->vertical)
        {
          cairo_save (p->cr);
          cairo_set_source_rgba (p->cr, line_dark[0], line_dark[1], line_dark[2], line_dark[3]);
          cairo_set_line_width (p->cr, z->line_px * p->u);
          cairo_move_to (p->cr, z->line, p->visible.y0);
          cairo_line_to (p->cr, z->line, p->visible.y1);
          cairo_stroke (p->cr);
          cairo_restore (p->cr);
        }
      else if (z->line >= p->visible.y0 && z->line <= p->visible.y1)
        horizontal_line (p, z->line, line_dark, z->line_px, z->line_dashed);
    }

  /* The holes framed, so a clear box in a hatched band reads as "this is
   * the one". */
  for (guint i = 0; i < holes->len; i++)
    {
      EylRect *h = &g_array_index (holes, EylRect, i);
      gboolean in_zone = FALSE;

      for (guint k = 0; k < n && !in_zone; k++)
        in_zone = overlap_area (h, &zones[k].area) > 0;
      if (!in_zone)
        continue;
      cairo_save (p->cr);
      cairo_rectangle (p->cr, h->x0, h->y0, eyl_rect_width (h), eyl_rect_height (h));
      cairo_set_source_rgba (p->cr, line_dark[0], line_dark[1], line_dark[2], 0.55);
      cairo_set_line_width (p->cr, 1.0 * p->u);
      cairo_stroke (p->cr);
      cairo_restore (p->cr);
    }
}

/* Element boxes ------------------------------------------------------- */

static int
compare_area_desc (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  GPtrArray        *elements = user_data;
  const EylElement *ea = g_ptr_array_index (elements, *(const guint *) a);
  const EylElement *eb = g_ptr_array_index (elements, *(const guint *) b);
  double            aa = eyl_rect_width (&ea->box) * eyl_rect_height (&ea->box);
  double            ab = eyl_rect_width (&eb->box) * eyl_rect_height (&eb->box);

  return aa < ab ? 1 : aa > ab ? -1
                               : 0;
}

static void
paint_element (Paint         *p,
               EylElement    *el,
               const EylRect *box,
               gboolean       emphasis)
{
  cairo_t *cr = p->cr;
  double   rgba[4];
  double   pad = 2.0 * p->u;
  EylRect  b = rect_grow (box, pad);

  eyl_overlay_kind_color (el->kind, rgba);

  cairo_save (cr);
  cairo_rectangle (cr, b.x0, b.y0, eyl_rect_width (&b), eyl_rect_height (&b));
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], emphasis ? 0.22 : 0.06);
  cairo_fill (cr);
  stroke_kind_box (cr, el->kind, &b, p->u, emphasis ? 3.5 : LINE_PX, rgba);
  cairo_restore (cr);
}

static void
paint_elements (Paint *p)
{
  GPtrArray *elements = p->analysis->elements;
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree int *root = NULL;
  int             hovered = p->options->hovered_element, picked = p->options->highlighted_element;

  if (elements == NULL)
    return;

  /* Larger boxes first, so a website inside a text block stays on top;
   * one box per group of overlapping boxes of a kind. */
  root = element_groups (p->analysis);
  for (guint i = 0; i < elements->len; i++)
    if (root[i] == (int) i)
      g_array_append_val (order, i);
  g_array_sort_with_data (order, compare_area_desc, elements);

  for (guint k = 0; k < order->len; k++)
    {
      guint    i = g_array_index (order, guint, k);
      EylRect  box = group_box (p->analysis, root, (int) i, NULL);
      gboolean emphasis = (hovered >= 0 && (guint) hovered < elements->len && root[hovered] == (int) i) ||
                          (picked >= 0 && (guint) picked < elements->len && root[picked] == (int) i);

      paint_element (p, g_ptr_array_index (elements, i), &box, emphasis);
    }
}

/* Markers: painting ----------------------------------------------------- */
static void
marker_shape (cairo_t    *cr,
              EylSeverity severity,
              double      x,
              double      y,
              double      r)
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
  cairo_t         *cr = p->cr;
  double           rgba[4], fg[4];
  double           r = m->radius * (emphasis ? 1.3 : 1.0);
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
paint_spotlight (Paint         *p,
                 const EylRect *box,
                 const double   rgba[4])
{
  cairo_t *cr = p->cr;
  double   pad = 6 * p->u;

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
paint_findings (Paint  *p,
                GArray *markers)
{
  EylPageAnalysis *a = p->analysis;
  int              hl = p->options->highlighted_finding;
  EylRect          panel;

  if (whole_page_compact (markers) &&
      whole_page_panel (markers, p->u, whole_page_lead (a, p->u, TRUE), &panel))
    {
      /* Compact: a see-through pill behind the markers, the artwork
       * showing through it; the summary's table says what they are. */
      cairo_t *cr = p->cr;

      cairo_save (cr);
      rounded_rect (cr, panel.x0, panel.y0, eyl_rect_width (&panel), eyl_rect_height (&panel),
                    eyl_rect_height (&panel) / 2);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.45);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 0.1, 0.1, 0.12, 0.5);
      cairo_set_line_width (cr, 1.0 * p->u);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  else if (whole_page_panel (markers, p->u, whole_page_lead (a, p->u, FALSE), &panel))
    {
      /* A panel behind the row of page-wide markers, with its caption. */
      cairo_t *cr = p->cr;
      g_autoptr(PangoLayout) layout = make_layout (p, _("Whole page"), TAG_PX, TRUE);
      double w, h, x = panel.x0 + 4 * p->u;
      double y = (panel.y0 + panel.y1) / 2;
      double bg[4] = { 0.13, 0.13, 0.17, 0.92 };

      cairo_save (cr);
      rounded_rect (cr, panel.x0, panel.y0, eyl_rect_width (&panel), eyl_rect_height (&panel), 6 * p->u);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 0.1, 0.1, 0.12, 0.35);
      cairo_set_line_width (cr, 1.0 * p->u);
      cairo_stroke (cr);

      layout_size (layout, &w, &h);
      y = MIN (y, panel.y0 + 5 * p->u + MARKER_RADIUS_PX * p->u) - (h + 2 * TAG_PAD_Y * p->u) / 2;
      rounded_rect (cr, x, y, w + 2 * TAG_PAD_X * p->u, h + 2 * TAG_PAD_Y * p->u, 3 * p->u);
      cairo_set_source_rgba (cr, bg[0], bg[1], bg[2], bg[3]);
      cairo_fill (cr);
      cairo_set_source_rgba (cr, 1, 1, 1, 1);
      cairo_move_to (cr, x + TAG_PAD_X * p->u, y + TAG_PAD_Y * p->u);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
    }

  /* Lower severities first, so errors are on top where markers touch. */
  for (int sev = EYL_SEVERITY_INFO; sev <= EYL_SEVERITY_ERROR; sev++)
    for (guint i = 0; i < markers->len; i++)
      {
        EylOverlayMarker *m = &g_array_index (markers, EylOverlayMarker, i);
        EylFinding       *f = g_ptr_array_index (a->findings, m->finding);

        if ((int) f->severity == sev && (int) i != hl)
          paint_marker (p, m, f->severity, FALSE);
      }
  if (hl >= 0 && (guint) hl < markers->len)
    {
      EylOverlayMarker *m = &g_array_index (markers, EylOverlayMarker, hl);
      EylFinding       *f = g_ptr_array_index (a->findings, hl);

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
        hit = (int) m->finding; /* the last drawn is on top */
    }
  return hit;
}

/* Legend -------------------------------------------------------------- */

typedef enum
{
  ROW_KIND,
  ROW_SEVERITY,
  ROW_EYE_LEVEL,
  ROW_SIGHT,
  ROW_HIDDEN,
} RowType;

typedef struct
{
  RowType     type;
  int         value;
  const char *label;
} LegendRow;

static guint
legend_rows (EylPageAnalysis *const *pages,
             guint                   n_pages,
             EylOverlayLayers        layers,
             LegendRow               rows[EYL_N_ELEMENT_KINDS + 8])
{
  gboolean kinds[EYL_N_ELEMENT_KINDS] = {
    FALSE,
  };
  gboolean sevs[3] = {
    FALSE,
  };
  gboolean placed = FALSE, eye_level = FALSE;
  guint    n = 0;

  for (guint p = 0; p < n_pages; p++)
    {
      EylPageAnalysis *a = pages[p];

      if (a == NULL)
        continue;
      placed |= a->placement != NULL;
      eye_level |= a->placement != NULL && eyl_page_has_eye_level (a->placement, &a->frame);
      if ((layers & EYL_OVERLAY_ELEMENTS) && a->elements != NULL)
        for (guint i = 0; i < a->elements->len; i++)
          {
            EylElement *el = g_ptr_array_index (a->elements, i);

            if (kind_is_drawn (el->kind))
              kinds[el->kind] = TRUE;
          }
      if ((layers & EYL_OVERLAY_FINDINGS) && a->findings != NULL)
        for (guint i = 0; i < a->findings->len; i++)
          {
            EylFinding *f = g_ptr_array_index (a->findings, i);

            sevs[CLAMP ((int) f->severity, 0, 2)] = TRUE;
          }
    }
  for (int k = 0; k < EYL_N_ELEMENT_KINDS; k++)
    if (kinds[k])
      rows[n++] = (LegendRow) { ROW_KIND, k, eyl_overlay_kind_label (k) };
  for (int s = EYL_SEVERITY_ERROR; s >= EYL_SEVERITY_INFO; s--)
    if (sevs[s])
      rows[n++] = (LegendRow) { ROW_SEVERITY, s, eyl_overlay_severity_label (s) };
  if ((layers & EYL_OVERLAY_EYE_LEVEL) && eye_level)
    {
      rows[n++] = (LegendRow) { ROW_EYE_LEVEL, 0, _("Eye level") };
      rows[n++] = (LegendRow) { ROW_SIGHT, 0, _("Median visitor’s line of sight") };
    }
  if ((layers & EYL_OVERLAY_HIDDEN) && placed)
    rows[n++] = (LegendRow) { ROW_HIDDEN, 0, _("Hidden from visitors") };
  return n;
}

/* Fills the current path in @fill and outlines it in @line. */
static void
fill_and_stroke (cairo_t     *cr,
                 const double fill[4],
                 const double line[4],
                 double       width)
{
  cairo_set_source_rgba (cr, fill[0], fill[1], fill[2], fill[3]);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, line[0], line[1], line[2], line[3]);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
}

static void
legend_swatch (Paint           *p,
               const LegendRow *row,
               double           sx,
               double           cy,
               double           sw)
{
  cairo_t *cr = p->cr;
  double   rgba[4];

  switch (row->type)
    {
    case ROW_KIND:
      {
        EylRect b = { sx + 1 * p->u, cy - 5 * p->u, sx + sw - 1 * p->u, cy + 5 * p->u };
        g_autoptr(PangoLayout) letter = make_layout (p, eyl_overlay_kind_letter (row->value), 8.0, TRUE);
        double lw, lh;

        eyl_overlay_kind_color (row->value, rgba);
        cairo_rectangle (cr, b.x0, b.y0, eyl_rect_width (&b), eyl_rect_height (&b));
        cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], 0.12);
        cairo_fill (cr);
        stroke_kind_box (cr, row->value, &b, p->u, 1.6, rgba);
        layout_size (letter, &lw, &lh);
        cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], 1);
        cairo_move_to (cr, sx + (sw - lw) / 2, cy - lh / 2);
        pango_cairo_show_layout (cr, letter);
      }
      break;
    case ROW_SEVERITY:
      eyl_overlay_severity_color (row->value, rgba);
      marker_shape (cr, row->value, sx + sw / 2.0, cy, 5.5 * p->u);
      fill_and_stroke (cr, rgba, (double[4]) { 0.1, 0.1, 0.12, 0.6 }, 0.8 * p->u);
      break;
    case ROW_EYE_LEVEL:
      cairo_rectangle (cr, sx, cy - 5 * p->u, sw, 10 * p->u);
      fill_and_stroke (cr, (double[4]) { 0.337, 0.706, 0.914, 0.45 },
                       (double[4]) { 0.0, 0.447, 0.698, 1 }, 1.2 * p->u);
      break;
    case ROW_SIGHT:
      {
        double dash[] = { 4 * p->u, 3 * p->u };

        cairo_save (cr);
        cairo_set_dash (cr, dash, 2, 0);
        cairo_move_to (cr, sx, cy);
        cairo_line_to (cr, sx + sw, cy);
        cairo_set_source_rgba (cr, 0.0, 0.447, 0.698, 1);
        cairo_set_line_width (cr, 2 * p->u);
        cairo_stroke (cr);
        cairo_restore (cr);
      }
      break;
    case ROW_HIDDEN:
    default:
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
    }
}

void
eyl_overlay_paint_legend (cairo_t                *cr,
                          EylPageAnalysis *const *pages,
                          guint                   n_pages,
                          EylOverlayLayers        layers,
                          double                  max_width,
                          double                 *width,
                          double                 *height)
{
  LegendRow rows[EYL_N_ELEMENT_KINDS + 8];
  guint     n_rows = legend_rows (pages, n_pages, layers, rows);
  Scratch   scratch = { 0 };
  Paint     p = { .u = 1.0 };
  double    row_h = 16, sw = 20, gap = 6, col_gap = 14, label_w = 0, col_w;
  guint     n_cols = 1, per_col;

  if (width != NULL)
    *width = 0;
  if (height != NULL)
    *height = 0;
  if (n_rows == 0)
    return;

  if (cr == NULL)
    scratch_open (&scratch);
  p.cr = cr != NULL ? cr : scratch.cr;
  p.analysis = n_pages > 0 ? pages[0] : NULL;

  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(PangoLayout) layout = make_layout (&p, rows[i].label, TAG_PX, FALSE);
      double lw, lh;

      layout_size (layout, &lw, &lh);
      label_w = MAX (label_w, lw);
    }
  col_w = sw + gap + label_w;
  if (max_width > 0)
    n_cols = CLAMP ((guint) ((max_width + col_gap) / (col_w + col_gap)), 1, n_rows);
  per_col = (n_rows + n_cols - 1) / n_cols;
  n_cols = (n_rows + per_col - 1) / per_col;
  if (width != NULL)
    *width = n_cols * col_w + (n_cols - 1) * col_gap;
  if (height != NULL)
    *height = per_col * row_h;

  if (cr != NULL)
    {
      cairo_save (cr);
      for (guint i = 0; i < n_rows; i++)
        {
          double x = (i / per_col) * (col_w + col_gap);
          double cy = (i % per_col) * row_h + row_h / 2.0;
          g_autoptr(PangoLayout) layout = make_layout (&p, rows[i].label, TAG_PX, FALSE);
          double lw, lh;

          cairo_new_path (cr);
          legend_swatch (&p, &rows[i], x, cy, sw);
          layout_size (layout, &lw, &lh);
          cairo_set_source_rgba (cr, 0.12, 0.12, 0.14, 1);
          cairo_move_to (cr, x + sw + gap, cy - lh / 2.0);
          pango_cairo_show_layout (cr, layout);
        }
      cairo_restore (cr);
    }
  scratch_close (&scratch);
}

/* Entry points -------------------------------------------------------- */

void
eyl_overlay_paint (cairo_t                 *cr,
                   EylPageAnalysis         *analysis,
                   const EylOverlayOptions *options)
{
  EylOverlayOptions defaults;
  Paint             p = { 0 };
  g_autoptr(GArray) markers = NULL;
  g_autoptr(GArray) labels = NULL;
  int hl;

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
  hl = options->highlighted_finding;

  cairo_save (cr);
  cairo_rectangle (cr, p.visible.x0, p.visible.y0,
                   p.visible.x1 - p.visible.x0, p.visible.y1 - p.visible.y0);
  cairo_clip (cr);

  /* What the page shows first, then what is picked, then the words and
   * the markers on top — placed so that none hides another or the
   * flagged elements.  The legend is not drawn here (see
   * eyl_overlay_paint_legend()). */
  if ((options->layers & EYL_OVERLAY_EYE_LEVEL) && analysis->placement != NULL &&
      eyl_page_has_eye_level (analysis->placement, &analysis->frame))
    paint_eye_level (&p);
  if ((options->layers & EYL_OVERLAY_HIDDEN) && analysis->placement != NULL)
    paint_hidden (&p);
  /* The rest over the overlay's area: a pack's whole sheet. */
  cairo_restore (cr);
  p.visible = overlay_area_of (analysis);
  cairo_save (cr);
  cairo_rectangle (cr, p.visible.x0, p.visible.y0,
                   p.visible.x1 - p.visible.x0, p.visible.y1 - p.visible.y0);
  cairo_clip (cr);

  if (options->layers & EYL_OVERLAY_ELEMENTS)
    paint_elements (&p);

  if (hl >= 0 && analysis->findings != NULL && (guint) hl < analysis->findings->len)
    {
      EylFinding *f = g_ptr_array_index (analysis->findings, hl);
      double      rgba[4];

      eyl_overlay_severity_color (f->severity, rgba);
      if (!eyl_rect_is_empty (&f->box))
        paint_spotlight (&p, &f->box, rgba);
    }
  else if (element_index_ok (analysis, options->highlighted_element))
    {
      EylElement *el = g_ptr_array_index (analysis->elements, options->highlighted_element);
      double      rgba[4];

      eyl_overlay_kind_color (el->kind, rgba);
      paint_spotlight (&p, &el->box, rgba);
    }

  labels = eyl_overlay_layout_labels (analysis, options);
  for (guint i = 0; i < labels->len; i++)
    {
      EylOverlayLabel *l = &g_array_index (labels, EylOverlayLabel, i);

      if (l->shown)
        paint_label (&p, l);
    }

  if ((options->layers & EYL_OVERLAY_FINDINGS) && analysis->findings != NULL)
    {
      markers = eyl_overlay_layout_markers (analysis, options);
      paint_findings (&p, markers);
    }
  else if (hl >= 0 && analysis->findings != NULL && (guint) hl < analysis->findings->len)
    {
      /* The calm view still numbers the finding the user picked. */
      markers = eyl_overlay_layout_markers (analysis, options);
      paint_marker (&p, &g_array_index (markers, EylOverlayMarker, hl),
                    ((EylFinding *) g_ptr_array_index (analysis->findings, hl))->severity, TRUE);
    }

  cairo_restore (cr);

  /* A pack's net, with the hidden zones: over the whole sheet, also where
   * the shelf judges only the front panel (the visible area). */
  if (options->layers & (EYL_OVERLAY_HIDDEN | EYL_OVERLAY_ELEMENTS))
    paint_net (&p);
  if (options->layers != 0)
    paint_net_quantity_mark (&p);
}

/* A pack's net (eyl-packaging.c) -------------------------------------- */

/* The box the user marked as the net quantity (--net-quantity-mm, a drag
 * in the window): outlined dashed in violet, named above it. */
static void
paint_net_quantity_mark (Paint *p)
{
  const EylPackaging *pack = p->analysis->packaging;
  cairo_t            *cr = p->cr;
  const double        dash[2] = { 4 * p->u, 2 * p->u };
  const EylRect      *b;
  g_autoptr(PangoLayout) layout = NULL;
  double w, h, y;

  if (pack == NULL || eyl_rect_is_empty (&pack->net_quantity_box))
    return;
  b = &pack->net_quantity_box;
  cairo_save (cr);
  cairo_rectangle (cr, b->x0, b->y0, eyl_rect_width (b), eyl_rect_height (b));
  cairo_set_source_rgba (cr, 0.50, 0.18, 0.70, 0.12);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0.50, 0.18, 0.70, 0.95);
  cairo_set_line_width (cr, 1.5 * p->u);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  layout = make_layout (p, _("Net quantity (marked)"), 9.0, TRUE);
  layout_size (layout, &w, &h);
  /* Above the box, else below it at the page's top. */
  y = b->y0 - h - 3 * p->u;
  if (y < 0)
    y = b->y1 + 2 * p->u;
  cairo_rectangle (cr, b->x0 - p->u, y - p->u, w + 2 * p->u, h + 2 * p->u);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
  cairo_fill (cr);
  cairo_set_source_rgba (cr, 0.50, 0.18, 0.70, 1);
  cairo_move_to (cr, b->x0, y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* A panel's number (as --front-panel takes it) and role, in a corner. */
static void
paint_panel_tag (Paint         *p,
                 const EylRect *box,
                 const char    *text,
                 gboolean       front)
{
  cairo_t *cr = p->cr;
  g_autoptr(PangoLayout) layout = make_layout (p, text, front ? 11.0 : 9.0, front);
  double w, h, x, y;

  /* The bottom-right corner: the top-left one carries the zones' words. */
  layout_size (layout, &w, &h);
  x = box->x1 - w - 4 * p->u;
  y = box->y1 - h - 3 * p->u;
  if (w + 6 * p->u > eyl_rect_width (box) || h + 6 * p->u > eyl_rect_height (box))
    return;
  cairo_rectangle (cr, x - 2 * p->u, y - p->u, w + 4 * p->u, h + 2 * p->u);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
  cairo_fill (cr);
  if (front)
    cairo_set_source_rgba (cr, 0.08, 0.36, 0.75, 1);
  else
    cairo_set_source_rgba (cr, 0.25, 0.25, 0.3, 1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* The panels of the net: outlines dashed like creases, the glue flap
 * shaded (no artwork), the safe margin dotted inside each panel, the
 * front panel ringed, each panel's number and role in its corner. */
static void
paint_net (Paint *p)
{
  const EylPackaging *pack = p->analysis->packaging;
  cairo_t            *cr = p->cr;
  const double        dash[2] = { 5 * p->u, 3 * p->u }, dot[2] = { 1 * p->u, 3 * p->u };
  double              margin_pt;
  EylRect             front;

  if (pack == NULL || pack->panels->len < 2 || !(pack->mm_per_pt > 0))
    return;
  margin_pt = (p->analysis->placement != NULL ? p->analysis->placement->safe_margin_mm : 3.0) /
              pack->mm_per_pt;

  cairo_save (cr);
  for (guint i = 0; i < pack->panels->len; i++)
    {
      const EylPanel  *panel = &g_array_index (pack->panels, EylPanel, i);
      const EylRect   *b = &panel->box;
      g_autofree char *tag = NULL;

      if (panel->glue)
        {
          cairo_rectangle (cr, b->x0, b->y0, eyl_rect_width (b), eyl_rect_height (b));
          cairo_set_source_rgba (cr, 0.45, 0.45, 0.5, 0.22);
          cairo_fill (cr);
        }
      else if (margin_pt > 0 && eyl_rect_width (b) > 4 * margin_pt &&
               eyl_rect_height (b) > 4 * margin_pt)
        {
          cairo_rectangle (cr, b->x0 + margin_pt, b->y0 + margin_pt,
                           eyl_rect_width (b) - 2 * margin_pt, eyl_rect_height (b) - 2 * margin_pt);
          cairo_set_source_rgba (cr, 0.08, 0.36, 0.75, 0.55);
          cairo_set_line_width (cr, 0.8 * p->u);
          cairo_set_dash (cr, dot, 2, 0);
          cairo_stroke (cr);
        }
      cairo_rectangle (cr, b->x0, b->y0, eyl_rect_width (b), eyl_rect_height (b));
      cairo_set_source_rgba (cr, 0.3, 0.3, 0.35, 0.85);
      cairo_set_line_width (cr, 1.0 * p->u);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      /* Translators: a panel's tag on a pack's net: its number and role. */
      tag = (int) i == pack->front_panel ? g_strdup_printf (_("%u · front panel"), i + 1)
                                         : panel->glue
          ? g_strdup_printf (_("%u · glue flap"), i + 1)
          : g_strdup_printf ("%u", i + 1);
      paint_panel_tag (p, b, tag, (int) i == pack->front_panel);
    }
  if (eyl_packaging_front_box (pack, &front))
    {
      cairo_rectangle (cr, front.x0, front.y0, eyl_rect_width (&front), eyl_rect_height (&front));
      cairo_set_source_rgba (cr, 0.08, 0.36, 0.75, 0.9);
      cairo_set_line_width (cr, 2.5 * p->u);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

int
eyl_overlay_hit_test (EylPageAnalysis *analysis,
                      double           x_pt,
                      double           y_pt)
{
  int    best = -1;
  double best_area = INFINITY;

  g_return_val_if_fail (analysis != NULL, -1);

  if (analysis->elements == NULL)
    return -1;

  for (guint i = 0; i < analysis->elements->len; i++)
    {
      EylElement *el = g_ptr_array_index (analysis->elements, i);
      double      area = eyl_rect_width (&el->box) * eyl_rect_height (&el->box);

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
