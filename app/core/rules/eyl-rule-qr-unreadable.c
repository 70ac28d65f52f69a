/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-rules"

#include <math.h>
#include <glib/gi18n.h>

#include "eyl-rules-private.h"

/* The phone: scanner apps decode the camera's video preview, 1920 px
 * across (1080p; Android CameraX and iOS AVFoundation scan streams run at
 * 720p–1080p), through a main camera whose horizontal field of view is
 * about 65° (a 26 mm-equivalent lens is 2·atan(18/26) ≈ 69°, a little
 * less after the 16:9 video crop and stabilisation margin).  At a
 * distance d it sees 2·d·tan(32.5°) of the material across 1920 px. */
#define PHONE_PX      1920.0
#define PHONE_FOV_DEG 65.0
/* Below 2 px per module a Bayer sensor does not resolve the modules,
 * whatever the synthetic render says (sampling theorem). */
#define MIN_PX_PER_MODULE 2.0

const EylRule eyl_rule_qr_unreadable = {
  .id = "qr-unreadable",
  .severity = EYL_SEVERITY_ERROR,
  .title = N_("QR code cannot be read"),
               .description = N_("Something that looks like a QR code does not decode, or a phone "
                    "at the scan distance would see its modules too small to read it."),
                                  .check = eyl_rule_qr_unreadable_check,
               };

/* Camera pixels per mm of material at @distance_m. */
static double
phone_px_per_mm (double distance_m)
{
  double seen_mm = 2.0 * distance_m * 1000.0 * tan (PHONE_FOV_DEG / 2.0 * G_PI / 180.0);

  return PHONE_PX / seen_mm;
}

void
eyl_rule_qr_unreadable_check (const EylRuleContext *ctx,
                              GPtrArray            *findings)
{
  double distance_m = ctx->placement->scan_distance_m;

  for (guint i = 0; i < ctx->elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (ctx->elements, i);
      g_autoptr(EylFinding) finding = NULL;
      g_autofree char *name = NULL;
      g_autofree char *message = NULL;
      g_autofree char *fix = NULL;

      if (el->kind != EYL_ELEMENT_QR || el->third_party)
        continue;

      if (!el->decoded)
        {
          message = g_strdup (_("Something here looks like a QR code (it has its corner "
                                "squares) but could not be read, even rendered at high "
                                "resolution."));
          fix = g_strdup (_("Export the code again from its generator: keep its three "
                            "corner squares whole, dark modules on a light ground and a "
                            "clear margin around it, then test it with a phone."));
          finding = eyl_rule_finding_new (&eyl_rule_qr_unreadable, el);
          eyl_finding_set_text (finding, message, fix);
          eyl_finding_add_measure (finding, "decoded", 0);
        }
      else if (el->decode_px_per_module > 0 && el->module_pt > 0 && distance_m > 0)
        {
          double module_mm = el->module_pt * ctx->frame->mm_per_pt_x;
          double px_per_mm = phone_px_per_mm (distance_m);
          double seen = module_mm * px_per_mm;
          double needed = MAX (el->decode_px_per_module, MIN_PX_PER_MODULE);
          double width_mm = eyl_rect_width (&el->box) * ctx->frame->mm_per_pt_x;
          double needed_width_mm = width_mm * needed / seen;

          /* A code narrower than the 10:1 rule asks is reported as too
           * small; its modules are the same problem. */
          if (seen >= needed ||
              MIN (width_mm, eyl_rect_height (&el->box) * ctx->frame->mm_per_pt_y) < distance_m * 1000.0 / EYL_RULE_QR_SCAN_RATIO)
            continue;

          name = eyl_rule_element_name (el, FALSE);
          /* TRANSLATORS: "At 0.8 m a phone camera sees the QR code (…) with
           * 1.2 pixels per module; it needs at least 2.0 to read it." */
          message = g_strdup_printf (_("At %.1f m a phone camera sees %s with %.1f pixels per "
                                       "module (modules of %.2f mm); it needs at least %.1f "
                                       "to read it."),
                                        distance_m, name, seen, module_mm, needed);
          fix = g_strdup_printf (_("Print it at least %.0f mm wide (modules of %.2f mm or "
                                   "more), or encode a shorter address so it needs fewer, "
                                   "larger modules."),
                                    ceil (needed_width_mm), needed / px_per_mm);
          finding = eyl_rule_finding_new (&eyl_rule_qr_unreadable, el);
          /* It decodes: a phone that comes closer reads it. */
          finding->severity = EYL_SEVERITY_WARNING;
          eyl_finding_set_text (finding, message, fix);
          eyl_finding_add_measure (finding, "decoded", 1);
          eyl_finding_add_measure (finding, "scan_distance_m", distance_m);
          eyl_finding_add_measure (finding, "module_mm", module_mm);
          eyl_finding_add_measure (finding, "phone_px_per_module", seen);
          eyl_finding_add_measure (finding, "needed_px_per_module", needed);
          eyl_finding_add_measure (finding, "needed_width_mm", needed_width_mm);
        }
      else
        continue;

      g_ptr_array_add (findings, g_steal_pointer (&finding));
    }
}
