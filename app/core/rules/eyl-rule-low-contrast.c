/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-rules"

#include <glib/gi18n.h>

#include "eyl-finding.h"
#include "eyl-rules-private.h"

/* WCAG 2.1 success criterion 1.4.3 (Contrast, minimum): 4.5:1 for text,
 * 3:1 for large text. */
#define MIN_RATIO        4.5
#define MIN_RATIO_LARGE  3.0
/* WCAG calls text "large" at 18 pt, or 14 pt bold, at reading size: about
 * 1.5 × body text (12 pt).  On print seen from a distance the same margin
 * is measured against the legibility minimum for that distance: capitals
 * at least 1.5 × the minimum count as large. */
#define LARGE_FACTOR     1.5

const EylRule eyl_rule_low_contrast = {
  .id = "low-contrast",
  .severity = EYL_SEVERITY_WARNING,
  .title = N_("Low contrast"),
  .description = N_("A contact, headline or call to action has less contrast "
                    "against the printed background under it than WCAG 2.x asks for "
                    "(4.5:1, or 3:1 for large text)."),
  .check = eyl_rule_low_contrast_check,
};

static char *
rgb_string (guint32 rgb)
{
  return g_strdup_printf ("#%06x", rgb & 0xffffff);
}

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
      gboolean large = FALSE;
      double needed, distance_m;

      /* Logotypes are exempt (WCAG 2.x, 1.4.3): a brand name is set in the
       * brand's colours on purpose.  What is hidden is reported as hidden. */
      if (!eyl_rule_has_text (el) || !(el->contrast_ratio > 0) ||
          el->kind == EYL_ELEMENT_BRAND_NAME ||
          (!eyl_rule_piece_is_held (ctx) && eyl_rule_is_hidden (ctx, el)))
        continue;

      distance_m = eyl_rule_reading_distance (ctx, el);
      if (el->cap_height_mm > 0)
        {
          double min_cap = eyl_legibility_min_cap_mm (ctx->legibility, distance_m,
                                                      el->floor_bottom_mm);

          large = min_cap > 0 && el->cap_height_mm >= LARGE_FACTOR * min_cap;
        }
      needed = large ? MIN_RATIO_LARGE : MIN_RATIO;
      /* The ratio is rounded for display: 4.48 shows as 4.5 but fails. */
      if (el->contrast_ratio >= needed)
        continue;

      fg = rgb_string (el->color);
      bg = rgb_string (el->background);
      name = eyl_rule_element_name (el, TRUE);
      /* TRANSLATORS: "The website www.x.example (#999999 on #ffffff) has a
       * contrast of 2.8:1; WCAG 2.x asks for at least 4.5:1." */
      if (el->background_varies)
        /* TRANSLATORS: as above, where the text runs over a photo or a
         * gradient and the figure is its worst part. */
        message = g_strdup_printf (_("%s (%s on %s where the background is least favourable) "
                                     "has a contrast of %.1f:1; WCAG 2.x asks for at least "
                                     "%.1f:1."),
                                   name, fg, bg, el->contrast_ratio, needed);
      else
        message = g_strdup_printf (_("%s (%s on %s) has a contrast of %.1f:1; WCAG 2.x asks "
                                     "for at least %.1f:1."),
                                   name, fg, bg, el->contrast_ratio, needed);
      fix = g_strdup (large
                      ? _("Darken the text or lighten the background under it (or the "
                          "other way round) until the contrast is at least 3:1.")
                      : _("Darken the text or lighten the background under it (or the "
                          "other way round) until the contrast is at least 4.5:1, or make "
                          "the text larger."));

      finding = eyl_rule_finding_new (&eyl_rule_low_contrast, el);
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
