/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-rules"

#include <glib/gi18n.h>

#include "eyl-rules-private.h"

/* The promise and the next step matter as much as the way to reach the
 * brand: a headline or a call to action behind the table, in the cassette
 * or below the shelf strip is lost to every visitor it hides it from.
 * Sponsors' marks hidden there are a note (they paid to be seen).
 * Pieces read in the hand lose nothing (the rack judges a leaflet's cover
 * through brand-hidden and brand-over-customer). */
const EylRule eyl_rule_key_content_hidden = {
  .id = "key-content-hidden",
  .severity = EYL_SEVERITY_WARNING,
  .title = N_("Headline or call to action hidden"),
               .description = N_("The headline, a call to action or sponsors’ logos are hidden (by a "
                    "table, the base cassette, people in front or a shelf strip) for at "
                    "least the placement’s share of visitors."),
                                  .check = eyl_rule_key_content_hidden_check,
               };

void
eyl_rule_key_content_hidden_check (const EylRuleContext *ctx,
                                   GPtrArray            *findings)
{
  if (eyl_rule_piece_is_held (ctx))
    return;

  for (guint i = 0; i < ctx->elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (ctx->elements, i);
      g_autoptr(EylFinding) finding = NULL;
      g_autofree char *name = NULL;
      g_autofree char *message = NULL;
      g_autofree char *fix = NULL;
      double           low, high;

      if ((el->kind != EYL_ELEMENT_HEADLINE && el->kind != EYL_ELEMENT_CTA &&
           el->kind != EYL_ELEMENT_SPONSOR_LOGO) ||
          !eyl_rule_is_hidden (ctx, el))
        continue;

      name = eyl_rule_element_name (el, TRUE);
      if (el->kind == EYL_ELEMENT_SPONSOR_LOGO)
        /* TRANSLATORS: the second %s is what hides them ("the table") */
        message = g_strdup_printf (_("The sponsors’ logos are hidden by %s for %d %% of "
                                     "visitors (they sit %.0f–%.0f mm above the floor)."),
                                      eyl_rule_occluder_name (ctx, el),
                                      eyl_rule_percent (el->hidden_fraction),
                                      el->floor_bottom_mm, el->floor_top_mm);
      else
        /* TRANSLATORS: "The headline “…” is hidden by the table for 80 % of
         * visitors (it sits 300–420 mm above the floor)." */
        message = g_strdup_printf (_("%s is hidden by %s for %d %% of visitors (it sits "
                                     "%.0f–%.0f mm above the floor)."),
                                      name, eyl_rule_occluder_name (ctx, el),
                                      eyl_rule_percent (el->hidden_fraction),
                                      el->floor_bottom_mm, el->floor_top_mm);
      /* The sponsors' logos are "them". */
      if (eyl_rule_visible_eye_zone (ctx, &low, &high))
        fix = g_strdup_printf (el->kind == EYL_ELEMENT_SPONSOR_LOGO
                               ? _("Move them up into the part everyone sees, %.0f–%.0f mm "
                                       "above the floor.")
                               : _("Move it up into the part everyone sees, %.0f–%.0f mm "
                                       "above the floor."),
                                    low, high);
      else
        fix = g_strdup (el->kind == EYL_ELEMENT_SPONSOR_LOGO
                        ? _("Move them as high on the piece as they go: no part of it is "
                                "in the eye-level zone that nothing hides.")
                        : _("Move it as high on the piece as it goes: no part of it is in "
                                "the eye-level zone that nothing hides."));
      finding = eyl_rule_finding_new (&eyl_rule_key_content_hidden, el);
      /* Sponsors paid to be seen: worth a note to whoever sold the space. */
      if (el->kind == EYL_ELEMENT_SPONSOR_LOGO)
        finding->severity = EYL_SEVERITY_INFO;
      eyl_finding_set_text (finding, message, fix);
      eyl_finding_add_measure (finding, "threshold", ctx->placement->hidden_threshold);
      g_ptr_array_add (findings, g_steal_pointer (&finding));
    }
}
