/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-rules"

#include <glib/gi18n.h>

#include "eyl-rules-private.h"

/* Where people walk up to scan (a poster, a free-standing banner, a
 * pack), the code must be within reach: ADA 2010 Standards 308, forward
 * and side reach 15–48 in (380–1220 mm) above the floor — the placement
 * holds the numbers. */
const EylRule eyl_rule_qr_out_of_reach = {
  .id = "qr-out-of-reach",
  .severity = EYL_SEVERITY_WARNING,
  .title = N_("QR code out of reach"),
  .description = N_("On a placement where people scan up close, a QR code’s centre is "
                    "outside the reach range above the floor (ADA 2010 308: 380–1220 mm)."),
  .check = eyl_rule_qr_out_of_reach_check,
};

void
eyl_rule_qr_out_of_reach_check (const EylRuleContext *ctx,
                                GPtrArray            *findings)
{
  const EylPlacement *p = ctx->placement;

  if (!p->needs_reach || !(p->reach_max_mm > p->reach_min_mm))
    return;

  for (guint i = 0; i < ctx->elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (ctx->elements, i);
      g_autoptr(EylFinding) finding = NULL;
      g_autofree char *name = NULL;
      g_autofree char *message = NULL;
      g_autofree char *fix = NULL;
      double centre_mm, move_mm;

      if (el->kind != EYL_ELEMENT_QR || eyl_rect_is_empty (&el->box))
        continue;

      centre_mm = (el->floor_bottom_mm + el->floor_top_mm) / 2.0;
      if (centre_mm >= p->reach_min_mm && centre_mm <= p->reach_max_mm)
        continue;

      name = eyl_rule_element_name (el, TRUE);
      if (centre_mm < p->reach_min_mm)
        {
          move_mm = p->reach_min_mm - centre_mm;
          /* TRANSLATORS: "The QR code (…) is centred 150 mm above the
           * floor, below the reach range of 380–1220 mm (ADA 2010 308)." */
          message = g_strdup_printf (_("%s is centred %.0f mm above the floor, below the "
                                       "reach range of %.0f–%.0f mm (ADA 2010 308)."),
                                     name, centre_mm, p->reach_min_mm, p->reach_max_mm);
          fix = g_strdup_printf (_("Move it up by at least %.0f mm, so its centre is "
                                   "%.0f–%.0f mm above the floor."),
                                 move_mm, p->reach_min_mm, p->reach_max_mm);
        }
      else
        {
          move_mm = centre_mm - p->reach_max_mm;
          message = g_strdup_printf (_("%s is centred %.0f mm above the floor, above the "
                                       "reach range of %.0f–%.0f mm (ADA 2010 308)."),
                                     name, centre_mm, p->reach_min_mm, p->reach_max_mm);
          fix = g_strdup_printf (_("Move it down by at least %.0f mm, so its centre is "
                                   "%.0f–%.0f mm above the floor."),
                                 move_mm, p->reach_min_mm, p->reach_max_mm);
        }

      finding = eyl_rule_finding_new (&eyl_rule_qr_out_of_reach, el);
      eyl_finding_set_text (finding, message, fix);
      eyl_finding_add_measure (finding, "centre_mm", centre_mm);
      eyl_finding_add_measure (finding, "reach_min_mm", p->reach_min_mm);
      eyl_finding_add_measure (finding, "reach_max_mm", p->reach_max_mm);
      eyl_finding_add_measure (finding, "move_mm", move_mm);
      g_ptr_array_add (findings, g_steal_pointer (&finding));
    }
}
