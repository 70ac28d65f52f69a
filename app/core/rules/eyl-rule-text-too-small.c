/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-rules"

#include <glib/gi18n.h>
#include <math.h>

#include "eyl-rules-private.h"

/* Measured cap height (not the nominal point size) against the chosen
 * legibility standard at the placement's reading distance (DESIGN.md 5:
 * FAA 1:200, 20 arcmin, 1:300, 1 in per 10 ft, ADA 703.5.5). */
const EylRule eyl_rule_text_too_small = {
  .id = "text-too-small",
  .severity = EYL_SEVERITY_WARNING,
  .title = N_("Text too small to read"),
  .description = N_("The cap height of a contact, headline or call to action "
                    "is below the legibility standard for the reading distance."),
  .check = eyl_rule_text_too_small_check,
};

void
eyl_rule_text_too_small_check (const EylRuleContext *ctx,
                               GPtrArray            *findings)
{
  const char *standard = eyl_rule_legibility_name (ctx->legibility);

  for (guint i = 0; i < ctx->elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (ctx->elements, i);
      g_autoptr(EylFinding) finding = NULL;
      g_autofree char *name = NULL;
      g_autofree char *message = NULL;
      g_autofree char *fix = NULL;
      double needed, distance_m;

      /* What is hidden is reported as hidden, not as small as well. */
      /* A brand name is a logotype: judged as the brand, not as copy. */
      if (!eyl_rule_has_text (el) || el->cap_height_mm <= 0 ||
          el->kind == EYL_ELEMENT_BRAND_NAME ||
          (!eyl_rule_piece_is_held (ctx) && eyl_rule_is_hidden (ctx, el)))
        continue;

      distance_m = eyl_rule_reading_distance (ctx, el);
      /* The baseline is the bottom of the element's box. */
      needed = eyl_legibility_min_cap_mm (ctx->legibility, distance_m, el->floor_bottom_mm);
      /* Compared as printed (0.1 mm), so that a message never says
       * "10.0 mm; the standard asks for 10.0 mm". */
      if (round (el->cap_height_mm * 10.0) >= round (needed * 10.0))
        continue;

      name = eyl_rule_element_name (el, TRUE);
      message = g_strdup_printf (_("%s has capitals %.1f mm high; at %.1f m the %s "
                                   "standard asks for at least %.1f mm."),
                                 name, el->cap_height_mm, distance_m, standard, needed);
      fix = g_strdup_printf (_("Enlarge it by at least %.0f %% so its capitals are "
                               "%.1f mm high or more."),
                             (needed / el->cap_height_mm - 1.0) * 100.0, needed);

      finding = eyl_rule_finding_new (&eyl_rule_text_too_small, el);
      eyl_finding_set_text (finding, message, fix);
      eyl_finding_add_measure (finding, "needed_mm", needed);
      eyl_finding_add_measure (finding, "distance_m", distance_m);
      eyl_finding_add_measure (finding, "legibility", ctx->legibility);
      g_ptr_array_add (findings, g_steal_pointer (&finding));
    }
}
