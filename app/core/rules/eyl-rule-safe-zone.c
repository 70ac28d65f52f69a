/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-rules"

#include <glib/gi18n.h>
#include <math.h>

#include "eyl-rules-private.h"
#include "eyl-packaging.h"

/* Printers' guides: keep key content a safe margin inside the trimmed
 * edge; on a roll-up the margin starts above the 150–200 mm leader that
 * goes into the cassette (DESIGN.md 5).  Bleed is cut off, never seen. */
const EylRule eyl_rule_safe_zone = {
  .id = "safe-zone",
  .severity = EYL_SEVERITY_WARNING,
  .title = N_("Key content outside the safe zone"),
               .description = N_("A contact, logo, headline or call to action reaches into the bleed, "
                    "the hidden cassette leader or top rail, or the safe margin."),
                                  .check = eyl_rule_safe_zone_check,
               };

/* Shortfalls this small are within the printer's trimming tolerance: 3 mm,
 * or a tenth of the margin asked for on large formats (a 40 mm roll-up
 * margin missed by 3 mm is as trivial as 49 mm against 51). */
#define TRIVIAL_SHORTFALL_MM    3.0
#define TRIVIAL_SHORTFALL_SHARE 0.1
/* A mark this close to the trimmed edge (the printer's 3 mm bleed) is cut
 * by the trim: artwork that runs to the edge, not a logo set too close. */
#define TOUCHING_MM 3.0
/* Printers' guides for large formats: keep artwork ≥ 10 mm inside the
 * trim (the cut and its finishing drift by a few millimetres). */
#define TRIM_MARGIN_MM 10.0

static const char *
bottom_band_name (const EylPlacement *p)
{
  switch (p->kind)
    {
    case EYL_PLACEMENT_ROLLUP:
    case EYL_PLACEMENT_TABLETOP:
    case EYL_PLACEMENT_BACKDROP:
      return _("the base cassette");
    case EYL_PLACEMENT_SHELF:
      return _("the shelf-edge strip");
    case EYL_PLACEMENT_FLAG:
      return _("the flag’s sleeve");
    case EYL_PLACEMENT_POSTER:
    case EYL_PLACEMENT_LEAFLET:
    case EYL_PLACEMENT_STICKER:
    default:
      return _("the frame");
    }
}

/* What is wrong with @el's place, or NULL; @edge_mm is the distance that
 * fell short and @needed_mm what it should have been (negative when the
 * element is in the bleed or in a hidden band: no margin makes that
 * right); @at_side: the edge that fell short is the left or right one.
 * Without @bands only the trimmed edges count. */
static char *
check_element (const EylRuleContext *ctx,
               const EylElement     *el,
               gboolean              bands,
               double               *edge_mm,
               double               *needed_mm,
               gboolean             *at_side)
{
  const EylPlacement *p = ctx->placement;
  const EylPageFrame *f = ctx->frame;
  /* Without the bands, the cut's own risk: the placement's margin, but
   * no more than a large format's trim margin (what a roll-up's wider
   * one keeps clear of its curling edges and rails is no risk to it). */
  double margin = bands ? MAX (p->safe_margin_mm, 0) : CLAMP (p->safe_margin_mm, 0, TRIM_MARGIN_MM);
  /* Distances from the element to each visible edge, mm on the material. */
  double left = (el->box.x0 - f->visible.x0) * f->mm_per_pt_x;
  double right = (f->visible.x1 - el->box.x1) * f->mm_per_pt_x;
  double top = (el->box.y0 - f->visible.y0) * f->mm_per_pt_y;
  double bottom = (f->visible.y1 - el->box.y1) * f->mm_per_pt_y;
  double side = MIN (left, right);

  *edge_mm = MIN (MIN (left, right), MIN (top, bottom));
  *needed_mm = -1;
  *at_side = FALSE;

  if (*edge_mm < 0)
    return g_strdup_printf (_("reaches %.0f mm beyond the trimmed edge into the bleed, "
                              "which is cut off"),
                               -*edge_mm);
  /* A flat pack sheet's bottom edge is a panel's, not the bottom of the
   * face on the shelf: the strip is judged on the front panel only. */
  if (p->kind == EYL_PLACEMENT_SHELF)
    return NULL;

  if (bands && bottom < p->hidden_bottom_mm)
    {
      *edge_mm = bottom;
      return g_strdup_printf (_("reaches into the bottom %.0f mm that %s hides"),
                                 p->hidden_bottom_mm, bottom_band_name (p));
    }
  if (bands && top < p->hidden_top_mm)
    {
      *edge_mm = top;
      return g_strdup_printf (_("reaches into the top %.0f mm that the top rail hides"),
                                 p->hidden_top_mm);
    }
  if (margin <= 0)
    return NULL;
  if (bands && p->hidden_bottom_mm > 0 && bottom < p->hidden_bottom_mm + margin)
    {
      *edge_mm = bottom;
      *needed_mm = p->hidden_bottom_mm + margin;
      return g_strdup_printf (_("is only %.0f mm above the hidden bottom band; keep key "
                                "content at least %.0f mm above it"),
                                 bottom - p->hidden_bottom_mm, margin);
    }
  if (bands && p->hidden_top_mm > 0 && top < p->hidden_top_mm + margin)
    {
      *edge_mm = top;
      *needed_mm = p->hidden_top_mm + margin;
      return g_strdup_printf (_("is only %.0f mm below the top rail; keep key content at "
                                "least %.0f mm below it"),
                                 MAX (top - p->hidden_top_mm, 0), margin);
    }
  *needed_mm = margin;
  *at_side = side <= MIN (top, bottom);
  if (bottom < margin || top < margin || side < margin)
    return g_strdup_printf (_("is only %.0f mm from the edge; keep key content at "
                              "least %.0f mm inside"),
                               MAX (*edge_mm, 0), margin);

  return NULL;
}

/* On a pack's net each panel is its own piece: key content is kept this
 * far inside the cut and crease lines that bound its panel (folding-carton
 * printers' guides: 1/8 in, ~3 mm, from cuts and folds; the fold's board
 * cracks and the cut drifts by 1–2 mm). */
#define PANEL_SAFE_MM 3.0
/* A panel's edge is found on a half-millimetre grid: closer than this to
 * the line is on it. */
#define PANEL_EDGE_MM 0.75
/* The cut's own tolerance (~1 mm): a margin short by less is no finding. */
#define PANEL_TRIM_TOLERANCE_MM 1.0
/* One line of type is inked over at most this many cap heights across
 * (capitals and descenders); the text layer's box, its font's whole
 * line, is often much deeper. */
#define INK_PER_CAP 1.4

typedef enum
{
  LEFT,
  RIGHT,
  TOP,
  BOTTOM
} Side;

/* The panel beyond the edge of panel @p on @side (at the height or
 * across from @el's centre): the edge is a fold onto it; -1: the cut. */
static int
panel_beyond (const EylPackaging *pack,
              int                 p,
              Side                side,
              const EylRect      *el)
{
  const EylRect *b = &g_array_index (pack->panels, EylPanel, p).box;
  double         step = 2 * PANEL_EDGE_MM / pack->mm_per_pt;
  double         cx = CLAMP ((el->x0 + el->x1) / 2, b->x0 + step, b->x1 - step);
  double         cy = CLAMP ((el->y0 + el->y1) / 2, b->y0 + step, b->y1 - step);
  double         x = side == LEFT ? b->x0 - step : side == RIGHT ? b->x1 + step
                                                                 : cx;
  double         y = side == TOP ? b->y0 - step : side == BOTTOM ? b->y1 + step
                                                                 : cy;
  int            q = eyl_panels_find (pack->panels, x, y);

  return q != p ? q : -1;
}

/* What is wrong with @box's place on its panel of the net, or NULL:
 * running over the panel's edge (over a fold onto the next panel, or
 * over the cut), or closer to it than the safe margin.  @edge_mm: the
 * distance inside (negative: the overrun). */
static char *
check_on_panel (const EylPackaging *pack,
                const EylRect      *box,
                gboolean            crossing,
                double             *edge_mm,
                int                *panel_number)
{
  int             p = eyl_panels_find (pack->panels, (box->x0 + box->x1) / 2, (box->y0 + box->y1) / 2);
  const EylPanel *panel;
  double          d[4];
  Side            side = LEFT;

  if (p < 0)
    return NULL;
  panel = &g_array_index (pack->panels, EylPanel, p);
  if (panel->glue)
    return NULL;
  *panel_number = p + 1;
  d[LEFT] = (box->x0 - panel->box.x0) * pack->mm_per_pt;
  d[RIGHT] = (panel->box.x1 - box->x1) * pack->mm_per_pt;
  d[TOP] = (box->y0 - panel->box.y0) * pack->mm_per_pt;
  d[BOTTOM] = (panel->box.y1 - box->y1) * pack->mm_per_pt;
  for (Side k = RIGHT; k <= BOTTOM; k++)
    if (d[k] < d[side])
      side = k;
  *edge_mm = d[side];
  if (*edge_mm < -PANEL_EDGE_MM)
    {
      if (!crossing)
        return NULL;
      int q = panel_beyond (pack, p, side, box);

      if (q >= 0)
        /* Translators: "… runs 4 mm over the fold from panel 3 onto panel 2: …". */
        return g_strdup_printf (_("runs %.0f mm over the fold from panel %d onto panel %d: it "
                                  "bends round the edge of the pack and is read in two halves"),
                                   -*edge_mm, p + 1, q + 1);
      return g_strdup_printf (_("runs %.0f mm over the cut edge of panel %d, which is cut off"),
                                 -*edge_mm, p + 1);
    }
  if (*edge_mm >= PANEL_SAFE_MM - PANEL_TRIM_TOLERANCE_MM)
    return NULL;
  *edge_mm = MAX (*edge_mm, 0);
  return g_strdup_printf (panel_beyond (pack, p, side, box) >= 0
                          ? _("is only %.0f mm from the fold of panel %d; keep key content "
                                "at least %.0f mm from folds")
                          : _("is only %.0f mm from the cut edge of panel %d; keep key "
                                "content at least %.0f mm from cuts"),
                               *edge_mm, p + 1, PANEL_SAFE_MM);
}

/* The part of @el's box its ink can cover: across its line (the box's
 * shorter side, turned text too) no more than its capitals and
 * descenders, centred. */
static EylRect
ink_box (const EylElement *el)
{
  EylRect box = el->box;
  double  w = eyl_rect_width (&box), h = eyl_rect_height (&box);
  double  ink = INK_PER_CAP * el->cap_height;

  if (el->cap_height <= 0 || MIN (w, h) <= ink)
    return box;
  if (h <= w)
    {
      box.y0 += (h - ink) / 2;
      box.y1 = box.y0 + ink;
    }
  else
    {
      box.x0 += (w - ink) / 2;
      box.x1 = box.x0 + ink;
    }
  return box;
}

/* Takes @finding (of @message) into @findings with its numbers. */
static void
add_panel_finding (GPtrArray  *findings,
                   EylFinding *finding,
                   const char *message,
                   double      edge_mm,
                   int         panel_number)
{
  eyl_finding_set_text (finding, message,
                        _("Keep it on one panel, at least 3 mm inside its folds and cut "
                          "edges."));
  eyl_finding_add_measure (finding, "edge_mm", edge_mm);
  eyl_finding_add_measure (finding, "safe_margin_mm", PANEL_SAFE_MM);
  /* eyl_packaging_filter_findings() keeps a finding on its own panel. */
  eyl_finding_add_measure (finding, "panel", panel_number);
  g_ptr_array_add (findings, finding);
}

/* A pack's net: each element and barcode against its own panel, once. */
static void
check_panels (const EylRuleContext *ctx,
              GPtrArray            *findings)
{
  const EylPackaging *pack = ctx->packaging;

  for (guint i = 0; i < ctx->elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (ctx->elements, i);
      EylRect           ink;
      g_autofree char  *name = NULL;
      g_autofree char  *problem = NULL;
      g_autofree char  *message = NULL;
      double            edge_mm = 0;
      int               panel = 0;

      /* A logo that reaches a panel's edge is a graphic wrapped round
       * the pack by design. */
      if (!eyl_rule_is_key (el) || eyl_rect_is_empty (&el->box) ||
          el->kind == EYL_ELEMENT_LOGO)
        continue;
      ink = ink_box (el);
      problem = check_on_panel (pack, &ink, TRUE, &edge_mm, &panel);
      if (problem == NULL)
        continue;
      name = eyl_rule_element_name (el, TRUE);
      message = g_strdup_printf (_("%s %s."), name, problem);
      add_panel_finding (findings, eyl_rule_finding_new (&eyl_rule_safe_zone, el), message,
                         edge_mm, panel);
    }

  /* A symbol across a fold is barcode-on-fold's; one too close to a
   * panel's edge is this rule's. */
  for (guint i = 0; i < pack->barcodes->len; i++)
    {
      const EylBarcode *b = g_ptr_array_index (pack->barcodes, i);
      g_autofree char  *problem = NULL;
      g_autofree char  *message = NULL;
      double            edge_mm = 0;
      int               panel = 0;

      problem = check_on_panel (pack, &b->box, FALSE, &edge_mm, &panel);
      if (problem == NULL)
        continue;
      /* Translators: "The barcode EAN-13 400… is only 1 mm from the fold of panel 2; …". */
      message = g_strdup_printf (_("The barcode %s %s %s."), b->symbology, b->digits, problem);
      add_panel_finding (findings,
                         eyl_finding_new (eyl_rule_safe_zone.id, eyl_rule_safe_zone.severity,
                                          NULL, &b->box),
                         message, edge_mm, panel);
    }
}

void
eyl_rule_safe_zone_check (const EylRuleContext *ctx,
                          GPtrArray            *findings)
{
  if (ctx->packaging != NULL && !ctx->packaging->dieline_only &&
      ctx->packaging->panels->len >= 2)
    {
      check_panels (ctx, findings);
      return;
    }

  for (guint i = 0; i < ctx->elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (ctx->elements, i);
      g_autoptr(EylFinding) finding = NULL;
      g_autofree char *name = NULL;
      g_autofree char *problem = NULL;
      g_autofree char *message = NULL;
      g_autofree char *fix = NULL;
      double           edge_mm = 0, needed_mm = -1;
      gboolean         at_side = FALSE;

      /* Another organisation's mark (a partner's, a funder's at the
       * foot) is judged against the trim only: the cut spoils any
       * artwork, but what the cassette or the rail hides of it, or a
       * roll-up's curling edge, costs the visitor nothing. */
      gboolean others = el->kind == EYL_ELEMENT_LOGO && el->third_party;

      if ((!eyl_rule_is_key (el) && !others) || eyl_rect_is_empty (&el->box))
        continue;
      /* One finding per problem: a hidden contact, headline or call to
       * action is reported as hidden. */
      if (!eyl_rule_is_brand (el) && !others && !eyl_rule_piece_is_held (ctx) &&
          eyl_rule_is_hidden (ctx, el))
        continue;

      problem = check_element (ctx, el, !others, &edge_mm, &needed_mm, &at_side);
      if (problem == NULL)
        continue;
      /* A shape that touches or runs off the trimmed edge is background
       * by design, not a logo placed too close to the edge. */
      if (el->kind == EYL_ELEMENT_LOGO && edge_mm < TOUCHING_MM)
        continue;
      /* Within the margin once both are rounded as printed: no finding
       * ("5 mm inside; keep at least 5 mm"). */
      if (needed_mm >= 0 && round (edge_mm) >= round (needed_mm))
        continue;

      name = eyl_rule_element_name (el, TRUE);
      /* TRANSLATORS: "The website www.x.example" + "is only 12 mm from the edge; …" */
      message = g_strdup_printf (_("%s %s."), name, problem);
      if (ctx->placement->hidden_bottom_mm > 0 || ctx->placement->hidden_top_mm > 0)
        fix = g_strdup_printf (_("Move it inside the safe area: at least %.0f mm from the "
                                 "trimmed edges and clear of the hidden bands (%.0f mm at "
                                 "the bottom, %.0f mm at the top)."),
                                  MAX (ctx->placement->safe_margin_mm, 0),
                                  ctx->placement->hidden_bottom_mm,
                                  ctx->placement->hidden_top_mm);
      else
        fix = g_strdup_printf (_("Move it inside the safe area, at least %.0f mm from the "
                                 "trimmed edges."),
                                  MAX (ctx->placement->safe_margin_mm, 0));

      finding = eyl_rule_finding_new (&eyl_rule_safe_zone, el);
      /* A margin a few millimetres short is a note for the designer, not a
       * warning: the printer's tolerance is about 1–2 mm. */
      if (needed_mm >= 0 &&
          round (edge_mm) >= needed_mm - MAX (TRIVIAL_SHORTFALL_MM,
                                              TRIVIAL_SHORTFALL_SHARE * needed_mm))
        finding->severity = EYL_SEVERITY_INFO;
      /* A stand's banner hides nothing at its sides: its wide margin
       * there keeps clear of edges that curl, a note once the cut's own
       * margin is kept. */
      if (at_side && edge_mm >= TRIM_MARGIN_MM && eyl_rule_is_display (ctx))
        finding->severity = EYL_SEVERITY_INFO;
      eyl_finding_set_text (finding, message, fix);
      eyl_finding_add_measure (finding, "edge_mm", edge_mm);
      eyl_finding_add_measure (finding, "safe_margin_mm", ctx->placement->safe_margin_mm);
      eyl_finding_add_measure (finding, "hidden_bottom_mm", ctx->placement->hidden_bottom_mm);
      eyl_finding_add_measure (finding, "hidden_top_mm", ctx->placement->hidden_top_mm);
      g_ptr_array_add (findings, g_steal_pointer (&finding));
    }
}
