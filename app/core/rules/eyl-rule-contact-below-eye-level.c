/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-rules"

#include <glib/gi18n.h>
#include <math.h>

#include "eyl-rules-private.h"

/* Visible but out of the comfortable line of sight (DESIGN.md 3.1: the
 * zone is ±15° around a sight line ~10° below horizontal): most visitors
 * never look there. */
const EylRule eyl_rule_contact_below_eye_level = {
  .id = "contact-below-eye-level",
  .severity = EYL_SEVERITY_WARNING,
  .title = N_("Contact details outside the eye-level zone"),
               .description = N_("A visible contact detail sits below (or above) the eye-level zone "
                    "of most visitors at the reading distance."),
                                  .check = eyl_rule_contact_below_eye_level_check,
               };

#define EYE_ZONE_MIN_SHARE 0.5

/* The copy more visitors see at eye level is the one that counts. */
static int
nearer_eye_level (const EylRuleContext *ctx,
                  const EylElement     *a,
                  const EylElement     *b)
{
  double a_share = eyl_rule_is_hidden (ctx, a) ? -1 : a->eye_zone_fraction;
  double b_share = eyl_rule_is_hidden (ctx, b) ? -1 : b->eye_zone_fraction;

  return (a_share > b_share) - (a_share < b_share);
}

/* Eye level means nothing for a piece in the hand, nor for one that is
 * seen whole within the comfortable zone from where it is read (an A4
 * or A3 poster on a wall: ±15° at 0.6–0.8 m spans its height). */
gboolean
eyl_rule_eye_level_applies (const EylRuleContext *ctx)
{
  if (ctx->placement == NULL || ctx->frame == NULL)
    return TRUE;
  return eyl_page_has_eye_level (ctx->placement, ctx->frame);
}

void
eyl_rule_contact_below_eye_level_check (const EylRuleContext *ctx,
                                        GPtrArray            *findings)
{
  double low, high;

  if (!eyl_rule_eye_level_applies (ctx))
    return;

  eyl_rule_median_eye_zone (ctx, &low, &high);

  for (guint i = 0; i < ctx->elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (ctx->elements, i);
      g_autoptr(EylFinding) finding = NULL;
      g_autofree char *name = NULL;
      g_autofree char *message = NULL;
      g_autofree char *fix = NULL;
      double           centre, fix_low, fix_high;
      gboolean         below;

      if (!eyl_rule_is_contact (el) || eyl_rule_is_hidden (ctx, el) ||
          el->eye_zone_fraction >= EYE_ZONE_MIN_SHARE ||
          eyl_rule_has_better_copy (ctx, el, nearer_eye_level))
        continue;

      centre = (el->floor_bottom_mm + el->floor_top_mm) / 2.0;
      below = centre < (low + high) / 2.0;
      name = eyl_rule_element_name (el, TRUE);

      if (below)
        message = g_strdup_printf (_("%s sits %.0f–%.0f mm above the floor, below "
                                     "the eye-level zone (%.0f–%.0f mm for a typical "
                                     "visitor at %.1f m): only %d %% of visitors see it "
                                     "without looking down."),
                                      name, el->floor_bottom_mm, el->floor_top_mm,
                                      low, high, ctx->placement->distance_m,
                                      eyl_rule_percent (el->eye_zone_fraction));
      else
        message = g_strdup_printf (_("%s sits %.0f–%.0f mm above the floor, above "
                                     "the eye-level zone (%.0f–%.0f mm for a typical "
                                     "visitor at %.1f m): only %d %% of visitors see it "
                                     "without looking up."),
                                      name, el->floor_bottom_mm, el->floor_top_mm,
                                      low, high, ctx->placement->distance_m,
                                      eyl_rule_percent (el->eye_zone_fraction));

      /* A fix the piece allows: the part of the zone on the piece. */
      if (eyl_rule_visible_eye_zone (ctx, &fix_low, &fix_high))
        fix = g_strdup_printf (_("Move it into the eye-level zone, %.0f–%.0f mm above the floor."),
                                  fix_low, fix_high);
      else
        fix = g_strdup (_("No part of the piece reaches the eye-level zone as it is mounted: "
                          "put it as high as the piece allows, or mount the piece higher."));

      finding = eyl_rule_finding_new (&eyl_rule_contact_below_eye_level, el);
      eyl_finding_set_text (finding, message, fix);
      eyl_finding_add_measure (finding, "eye_zone_low_mm", low);
      eyl_finding_add_measure (finding, "eye_zone_high_mm", high);
      eyl_finding_add_measure (finding, "above_zone", below ? 0 : 1);
      g_ptr_array_add (findings, g_steal_pointer (&finding));
    }
}
