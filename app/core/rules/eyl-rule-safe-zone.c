/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-rules"

#include <glib/gi18n.h>
#include <math.h>

#include "eyl-rules-private.h"

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
 * right). */
static char *
check_element (const EylRuleContext *ctx,
               const EylElement     *el,
               double               *edge_mm,
               double               *needed_mm)
{
  const EylPlacement *p = ctx->placement;
  const EylPageFrame *f = ctx->frame;
  double              margin = MAX (p->safe_margin_mm, 0);
  /* Distances from the element to each visible edge, mm on the material. */
  double left = (el->box.x0 - f->visible.x0) * f->mm_per_pt_x;
  double right = (f->visible.x1 - el->box.x1) * f->mm_per_pt_x;
  double top = (el->box.y0 - f->visible.y0) * f->mm_per_pt_y;
  double bottom = (f->visible.y1 - el->box.y1) * f->mm_per_pt_y;
  double side = MIN (left, right);

  *edge_mm = MIN (MIN (left, right), MIN (top, bottom));
  *needed_mm = -1;

  if (*edge_mm < 0)
    return g_strdup_printf (_("reaches %.0f mm beyond the trimmed edge into the bleed, "
                              "which is cut off"),
                               -*edge_mm);
  /* A flat pack sheet's bottom edge is a panel's, not the bottom of the
   * face on the shelf: the strip is judged on the front panel only. */
  if (p->kind == EYL_PLACEMENT_SHELF)
    return NULL;

  if (bottom < p->hidden_bottom_mm)
    {
      *edge_mm = bottom;
      return g_strdup_printf (_("reaches into the bottom %.0f mm that %s hides"),
                                 p->hidden_bottom_mm, bottom_band_name (p));
    }
  if (top < p->hidden_top_mm)
    {
      *edge_mm = top;
      return g_strdup_printf (_("reaches into the top %.0f mm that the top rail hides"),
                                 p->hidden_top_mm);
    }
  if (margin <= 0)
    return NULL;
  if (p->hidden_bottom_mm > 0 && bottom < p->hidden_bottom_mm + margin)
    {
      *edge_mm = bottom;
      *needed_mm = p->hidden_bottom_mm + margin;
      return g_strdup_printf (_("is only %.0f mm above the hidden bottom band; keep key "
                                "content at least %.0f mm above it"),
                                 bottom - p->hidden_bottom_mm, margin);
    }
  if (p->hidden_top_mm > 0 && top < p->hidden_top_mm + margin)
    {
      *edge_mm = top;
      *needed_mm = p->hidden_top_mm + margin;
      return g_strdup_printf (_("is only %.0f mm below the top rail; keep key content at "
                                "least %.0f mm below it"),
                                 MAX (top - p->hidden_top_mm, 0), margin);
    }
  *needed_mm = margin;
  if (bottom < margin || top < margin || side < margin)
    return g_strdup_printf (_("is only %.0f mm from the edge; keep key content at "
                              "least %.0f mm inside"),
                               MAX (*edge_mm, 0), margin);

  return NULL;
}

void
eyl_rule_safe_zone_check (const EylRuleContext *ctx,
                          GPtrArray            *findings)
{
  for (guint i = 0; i < ctx->elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (ctx->elements, i);
      g_autoptr(EylFinding) finding = NULL;
      g_autofree char *name = NULL;
      g_autofree char *problem = NULL;
      g_autofree char *message = NULL;
      g_autofree char *fix = NULL;
      double           edge_mm = 0, needed_mm = -1;

      if (!eyl_rule_is_key (el) || eyl_rect_is_empty (&el->box))
        continue;
      /* One finding per problem: a hidden contact, headline or call to
       * action is reported as hidden. */
      if (!eyl_rule_is_brand (el) && !eyl_rule_piece_is_held (ctx) &&
          eyl_rule_is_hidden (ctx, el))
        continue;

      problem = check_element (ctx, el, &edge_mm, &needed_mm);
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
      eyl_finding_set_text (finding, message, fix);
      eyl_finding_add_measure (finding, "edge_mm", edge_mm);
      eyl_finding_add_measure (finding, "safe_margin_mm", ctx->placement->safe_margin_mm);
      eyl_finding_add_measure (finding, "hidden_bottom_mm", ctx->placement->hidden_bottom_mm);
      eyl_finding_add_measure (finding, "hidden_top_mm", ctx->placement->hidden_top_mm);
      g_ptr_array_add (findings, g_steal_pointer (&finding));
    }
}
