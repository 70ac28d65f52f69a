/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-rules"

#include <glib/gi18n.h>
#include <math.h>

#include "eyl-cvd.h"
#include "eyl-detect-pixels.h"
#include "eyl-finding.h"
#include "eyl-rules-private.h"

/* A contrast that passes for normal colour vision and fails for a colour-
 * vision deficiency: the colours of the text and of its background as
 * people with protanopia, deuteranopia or tritanopia see them (Machado et
 * al. 2009, eyl-cvd.c), measured again with WCAG 2.x.  About 1 in 12 men
 * has a red-green deficiency (protan or deutan); tritanopia is rare
 * (about 1 in 10 000), so it alone makes a note, not a warning. */
const EylRule eyl_rule_cvd_low_contrast = {
  .id = "cvd-low-contrast",
  .severity = EYL_SEVERITY_WARNING,
  .title = N_("Low contrast for colour-blind visitors"),
               .description = N_("A contact, headline or call to action has enough contrast for normal "
                    "colour vision but not for people with protanopia, deuteranopia or "
                    "tritanopia (simulated, Machado et al. 2009)."),
                                  .check = eyl_rule_cvd_low_contrast_check,
               };

/* How far the ratio of the element's two colours may stray from the
 * contrast measured on the render (a varied background, antialiasing). */
#define CONSISTENT_RATIO 0.35

/* The deficiency must be what makes the text fail: a pair that loses less
 * than a fifth of its contrast for colour-blind people reads about as
 * well for them as for everyone, and a ratio just over the line for
 * normal vision is low-contrast's business, not this rule's. */
#define CVD_LOSS 0.8

void
eyl_rule_cvd_low_contrast_check (const EylRuleContext *ctx,
                                 GPtrArray            *findings)
{
  for (guint i = 0; i < ctx->elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (ctx->elements, i);
      g_autoptr(EylFinding) finding = NULL;
      g_autofree char *name = NULL;
      g_autofree char *message = NULL;
      g_autofree char *fg = NULL;
      g_autofree char *bg = NULL;
      double           ratio[EYL_CVD_N], needed, seen;
      gboolean         large = FALSE, red_green = FALSE;
      int              worst = -1;

      /* What fails for everyone is low-contrast's finding. */
      if (!eyl_rule_contrast_needed (ctx, el, &needed, &large) ||
          el->contrast_ratio < needed)
        continue;

      seen = eyl_contrast_ratio (el->color, el->background);
      /* The two colours must be the ones the contrast was measured on: a
       * text colour from the text layer that the render does not show
       * (a dark purple URL whose fill says orange) would give a ratio
       * that contradicts the measured one. */
      if (fabs (seen - el->contrast_ratio) > CONSISTENT_RATIO * el->contrast_ratio)
        continue;
      for (int c = 0; c < EYL_CVD_N; c++)
        {
          ratio[c] = eyl_contrast_ratio (eyl_cvd_simulate (c, el->color),
                                         eyl_cvd_simulate (c, el->background));
          /* Below the threshold, and clearly lower than the same colours
           * seen normally (the measured ratio may come from a worse part
           * of a varied background). */
          if (ratio[c] >= needed || ratio[c] >= CVD_LOSS * seen)
            continue;
          if (worst < 0 || ratio[c] < ratio[worst])
            worst = c;
          if (c != EYL_CVD_TRITANOPIA)
            red_green = TRUE;
        }
      if (worst < 0)
        continue;

      fg = eyl_rule_rgb_string (el->color);
      bg = eyl_rule_rgb_string (el->background);
      name = eyl_rule_element_name (el, TRUE);
      /* TRANSLATORS: "The call to action “Book now” (#d62728 on #2ca02c)
       * has a contrast of 4.8:1, but 1.4:1 for people with deuteranopia
       * (green-blind); WCAG 2.x asks for at least 4.5:1." */
      message = g_strdup_printf (_("%s (%s on %s) has a contrast of %.1f:1, but %.1f:1 for %s; "
                                   "WCAG 2.x asks for at least %.1f:1."),
                                    name, fg, bg, el->contrast_ratio, ratio[worst],
                                    eyl_cvd_people (worst), needed);

      finding = eyl_rule_finding_new (&eyl_rule_cvd_low_contrast, el);
      if (!red_green)
        finding->severity = EYL_SEVERITY_INFO;
      eyl_finding_set_text (finding, message,
                            _("Make the text and its background differ in lightness, not "
                              "only in hue: a dark text on a light ground (or the other way "
                              "round) reads for every kind of colour vision."));
      eyl_finding_add_measure (finding, "contrast_ratio", el->contrast_ratio);
      eyl_finding_add_measure (finding, "needed_ratio", needed);
      eyl_finding_add_measure (finding, "large_text", large ? 1 : 0);
      for (int c = 0; c < EYL_CVD_N; c++)
        {
          g_autofree char *key = g_strconcat (eyl_cvd_to_string (c), "_ratio", NULL);

          eyl_finding_add_measure (finding, key, ratio[c]);
        }
      json_object_set_string_member (finding->measures, "deficiency", eyl_cvd_to_string (worst));
      json_object_set_string_member (finding->measures, "color", fg);
      json_object_set_string_member (finding->measures, "background", bg);
      g_ptr_array_add (findings, g_steal_pointer (&finding));
    }
}
