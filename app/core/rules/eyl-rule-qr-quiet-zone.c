/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-rules"

#include <glib/gi18n.h>

#include "eyl-rules-private.h"

/* ISO/IEC 18004:2015 5.3.8: a QR code needs a clear margin ("quiet
 * zone") of 4 modules on every side; text or graphics closer than that
 * stop phones from finding its edges. */
#define QUIET_ZONE_MODULES 4.0
/* The detector measures the margin to ±1 px of a render at ≥ 6 px per
 * module: a margin this close to 4 modules is 4 modules. */
#define MEASURE_TOLERANCE 0.15

const EylRule eyl_rule_qr_quiet_zone = {
  .id = "qr-quiet-zone",
  .severity = EYL_SEVERITY_WARNING,
  .title = N_("QR code crowded"),
               .description = N_("A QR code has less than 4 modules of clear margin around it "
                    "(ISO/IEC 18004)."),
                                  .check = eyl_rule_qr_quiet_zone_check,
               };

void
eyl_rule_qr_quiet_zone_check (const EylRuleContext *ctx,
                              GPtrArray            *findings)
{
  for (guint i = 0; i < ctx->elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (ctx->elements, i);
      g_autoptr(EylFinding) finding = NULL;
      g_autofree char *name = NULL;
      g_autofree char *message = NULL;
      g_autofree char *fix = NULL;
      double           module_mm, have_mm, needed_mm;

      /* Measured only on codes that were read (their modules are known). */
      if (el->kind != EYL_ELEMENT_QR || el->third_party || !el->decoded || el->module_pt <= 0 ||
          el->quiet_zone_modules >= QUIET_ZONE_MODULES - MEASURE_TOLERANCE)
        continue;

      module_mm = el->module_pt * ctx->frame->mm_per_pt_x;
      have_mm = el->quiet_zone_modules * module_mm;
      needed_mm = QUIET_ZONE_MODULES * module_mm;

      name = eyl_rule_element_name (el, TRUE);
      /* TRANSLATORS: "The QR code (…) has 1.0 modules (0.8 mm) of clear
       * margin; ISO/IEC 18004 asks for 4 modules (3.2 mm) on every side." */
      message = g_strdup_printf (_("%s has %.1f modules (%.1f mm) of clear margin; "
                                   "ISO/IEC 18004 asks for 4 modules (%.1f mm) on every side."),
                                    name, el->quiet_zone_modules, have_mm, needed_mm);
      fix = g_strdup_printf (_("Keep %.1f mm around the code free of text, lines and "
                               "background patterns."),
                                needed_mm);

      finding = eyl_rule_finding_new (&eyl_rule_qr_quiet_zone, el);
      eyl_finding_set_text (finding, message, fix);
      eyl_finding_add_measure (finding, "quiet_zone_modules", el->quiet_zone_modules);
      eyl_finding_add_measure (finding, "quiet_zone_mm", have_mm);
      eyl_finding_add_measure (finding, "needed_mm", needed_mm);
      eyl_finding_add_measure (finding, "module_mm", module_mm);
      g_ptr_array_add (findings, g_steal_pointer (&finding));
    }
}
