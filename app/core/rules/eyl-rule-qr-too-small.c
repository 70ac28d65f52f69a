/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-rules"

#include <glib/gi18n.h>
#include <math.h>

#include "eyl-rules-private.h"

/* The "10:1 rule" of QR code practice (scan distance at most ten times
 * the code's width; QR Code Generator Pro / Scanova print guides, after
 * ISO/IEC 18004's module-size guidance): below a tenth of the distance a
 * phone holds from it, the code is too small to scan. */

#define NEAR_RULE_SHARE 0.8

const EylRule eyl_rule_qr_too_small = {
  .id = "qr-too-small",
  .severity = EYL_SEVERITY_WARNING,
  .title = N_("QR code too small to scan"),
               .description = N_("A QR code is narrower than a tenth of the distance from which a "
                    "phone scans it (the 10:1 rule)."),
                                  .check = eyl_rule_qr_too_small_check,
               };

void
eyl_rule_qr_too_small_check (const EylRuleContext *ctx,
                             GPtrArray            *findings)
{
  double distance_m = ctx->placement->scan_distance_m;
  double needed_mm = distance_m * 1000.0 / EYL_RULE_QR_SCAN_RATIO;

  if (!(distance_m > 0))
    return;

  for (guint i = 0; i < ctx->elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (ctx->elements, i);
      g_autoptr(EylFinding) finding = NULL;
      g_autofree char *name = NULL;
      g_autofree char *message = NULL;
      g_autofree char *fix = NULL;
      double           width_mm;

      if (el->kind != EYL_ELEMENT_QR || el->third_party || eyl_rect_is_empty (&el->box))
        continue;

      /* The narrower side: a 1-D code is wide but short. */
      width_mm = MIN (eyl_rect_width (&el->box) * ctx->frame->mm_per_pt_x,
                      eyl_rect_height (&el->box) * ctx->frame->mm_per_pt_y);
      /* Compared as printed (whole mm). */
      if (round (width_mm) >= round (needed_mm))
        continue;

      name = eyl_rule_element_name (el, TRUE);
      /* TRANSLATORS: "The QR code (https://…) is 25 mm wide; a phone scans
       * it from about 0.8 m, which needs at least 80 mm (the 10:1 rule)." */
      message = g_strdup_printf (_("%s is %.0f mm wide; a phone scans it from about %.2g m, "
                                   "which needs at least %.0f mm (the 10:1 rule)."),
                                    name, width_mm, distance_m, needed_mm);
      fix = g_strdup_printf (_("Print it at least %.0f mm wide, or place it where people "
                               "can scan it from %.2g m or closer."),
                                needed_mm, width_mm * EYL_RULE_QR_SCAN_RATIO / 1000.0);

      finding = eyl_rule_finding_new (&eyl_rule_qr_too_small, el);
      /* The 10:1 rule is a rule of thumb: a code within a fifth of it is a
       * note (phones read it from a little closer). */
      if (width_mm >= NEAR_RULE_SHARE * needed_mm)
        finding->severity = EYL_SEVERITY_INFO;
      eyl_finding_set_text (finding, message, fix);
      eyl_finding_add_measure (finding, "width_mm", width_mm);
      eyl_finding_add_measure (finding, "needed_mm", needed_mm);
      eyl_finding_add_measure (finding, "scan_distance_m", distance_m);
      g_ptr_array_add (findings, g_steal_pointer (&finding));
    }
}
