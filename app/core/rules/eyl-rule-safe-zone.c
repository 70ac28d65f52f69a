/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-rules"

#include <glib/gi18n.h>

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
    case EYL_PLACEMENT_POSTER:
    case EYL_PLACEMENT_LEAFLET:
    default:
      return _("the frame");
    }
}

static char *
check_element (const EylRuleContext *ctx,
               const EylElement     *el,
               double               *edge_mm)
{
  const EylPlacement *p = ctx->placement;
  const EylPageFrame *f = ctx->frame;
  double margin = MAX (p->safe_margin_mm, 0);
  /* Distances from the element to each visible edge, mm on the material. */
  double left = (el->box.x0 - f->visible.x0) * f->mm_per_pt_x;
  double right = (f->visible.x1 - el->box.x1) * f->mm_per_pt_x;
  double top = (el->box.y0 - f->visible.y0) * f->mm_per_pt_y;
  double bottom = (f->visible.y1 - el->box.y1) * f->mm_per_pt_y;
  double side = MIN (left, right);

  *edge_mm = MIN (MIN (left, right), MIN (top, bottom));

  if (*edge_mm < 0)
    return g_strdup_printf (_("reaches %.0f mm beyond the trimmed edge into the bleed, "
                              "which is cut off"), -*edge_mm);
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
      return g_strdup_printf (_("is only %.0f mm above the hidden bottom band; keep key "
                                "content at least %.0f mm above it"),
                              bottom - p->hidden_bottom_mm, margin);
    }
  if (p->hidden_top_mm > 0 && top < p->hidden_top_mm + margin)
    {
      *edge_mm = top;
      return g_strdup_printf (_("is only %.0f mm below the top rail; keep key content at "
                                "least %.0f mm below it"),
                              MAX (top - p->hidden_top_mm, 0), margin);
    }
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
      double edge_mm = 0;

      if (!eyl_rule_is_key (el) || eyl_rect_is_empty (&el->box))
        continue;

      problem = check_element (ctx, el, &edge_mm);
      if (problem == NULL)
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
      eyl_finding_set_text (finding, message, fix);
      eyl_finding_add_measure (finding, "edge_mm", edge_mm);
      eyl_finding_add_measure (finding, "safe_margin_mm", ctx->placement->safe_margin_mm);
      eyl_finding_add_measure (finding, "hidden_bottom_mm", ctx->placement->hidden_bottom_mm);
      eyl_finding_add_measure (finding, "hidden_top_mm", ctx->placement->hidden_top_mm);
      g_ptr_array_add (findings, g_steal_pointer (&finding));
    }
}
