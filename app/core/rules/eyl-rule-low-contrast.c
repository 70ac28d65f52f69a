/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-rules"

#include <glib/gi18n.h>
#include <math.h>

#include "eyl-finding.h"
#include "eyl-rules-private.h"

const EylRule eyl_rule_low_contrast = {
  .id = "low-contrast",
  .severity = EYL_SEVERITY_WARNING,
  .title = N_("Low contrast"),
               .description = N_("A contact, headline or call to action has less contrast "
                    "against the printed background under it than WCAG 2.x asks for "
                    "(4.5:1, or 3:1 for large text)."),
                                  .check = eyl_rule_low_contrast_check,
               };

/* Large type within a tenth of the 3:1 it needs still reads at its
 * distance (its size makes up for the missing contrast): a note. */
#define NEAR_SHARE 0.9
/* Any text a few per cent short of its ratio (4.4 for 4.5) misses it by
 * less than printing varies: a note, like a margin of 49 mm for 51. */
#define TRIVIAL_SHARE 0.95

void
eyl_rule_low_contrast_check (const EylRuleContext *ctx,
                             GPtrArray            *findings)
{
  for (guint i = 0; i < ctx->elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (ctx->elements, i);
      g_autoptr(EylFinding) finding = NULL;
      g_autofree char *name = NULL;
      g_autofree char *message = NULL;
      g_autofree char *fix = NULL;
      g_autofree char *fg = NULL;
      g_autofree char *bg = NULL;
      gboolean         large = FALSE;
      double           needed, shown;

      if (!eyl_rule_contrast_needed (ctx, el, &needed, &large) ||
          el->contrast_ratio >= needed)
        continue;
      /* 4.48 must not read as the 4.5 it fails: rounded down there. */
      shown = round (el->contrast_ratio * 10.0) / 10.0;
      if (shown >= needed)
        shown = floor (el->contrast_ratio * 10.0) / 10.0;

      fg = eyl_rule_rgb_string (el->color);
      bg = eyl_rule_rgb_string (el->background);
      name = eyl_rule_element_name (el, TRUE);
      /* TRANSLATORS: "The website www.x.example (#999999 on #ffffff) has a
       * contrast of 2.8:1; WCAG 2.x asks for at least 4.5:1." */
      if (el->background_varies)
        /* TRANSLATORS: as above, where the text runs over a photo or a
         * gradient and the figure is its worst part. */
        message = g_strdup_printf (_("%s (%s on %s where the background is least favourable) "
                                     "has a contrast of %.1f:1; WCAG 2.x asks for at least "
                                     "%.1f:1."),
                                      name, fg, bg, shown, needed);
      else
        message = g_strdup_printf (_("%s (%s on %s) has a contrast of %.1f:1; WCAG 2.x asks "
                                     "for at least %.1f:1."),
                                      name, fg, bg, shown, needed);
      fix = g_strdup (large
                      ? _("Darken the text or lighten the background under it (or the "
                          "other way round) until the contrast is at least 3:1.")
                      : _("Darken the text or lighten the background under it (or the "
                          "other way round) until the contrast is at least 4.5:1, or make "
                          "the text larger."));

      finding = eyl_rule_finding_new (&eyl_rule_low_contrast, el);
      if ((large && el->contrast_ratio >= NEAR_SHARE * needed) ||
          el->contrast_ratio >= TRIVIAL_SHARE * needed)
        finding->severity = EYL_SEVERITY_INFO;
      eyl_finding_set_text (finding, message, fix);
      eyl_finding_add_measure (finding, "contrast_ratio", el->contrast_ratio);
      eyl_finding_add_measure (finding, "needed_ratio", needed);
      eyl_finding_add_measure (finding, "large_text", large ? 1 : 0);
      if (el->background_varies)
        eyl_finding_add_measure (finding, "background_varies", 1);
      json_object_set_string_member (finding->measures, "color", fg);
      json_object_set_string_member (finding->measures, "background", bg);
      g_ptr_array_add (findings, g_steal_pointer (&finding));
    }
}
