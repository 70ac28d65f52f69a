/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-rules"

#include <glib/gi18n.h>

#include "eyl-rules-private.h"

/* The brand appears only where visitors cannot see it (a logo low on a
 * roll-up, behind the table): the stand does not say whose it is. */
const EylRule eyl_rule_brand_hidden = {
  .id = "brand-hidden",
  .severity = EYL_SEVERITY_WARNING,
  .title = N_("Brand hidden"),
               .description = N_("Every logo and brand name on the page is hidden (by a table, the "
                    "base cassette, a rack pocket or a shelf strip) for at least the "
                    "placement’s share of visitors."),
                                  .check = eyl_rule_brand_hidden_check,
               };

void
eyl_rule_brand_hidden_check (const EylRuleContext *ctx,
                             GPtrArray            *findings)
{
  const EylElement *lowest = NULL;
  g_autoptr(EylFinding) finding = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_autofree char *fix = NULL;
  double           low, high;

  /* A step-and-repeat shows its marks all over the wall: the copies a
   * table hides are repeated above it. */
  if (eyl_rule_step_and_repeat (ctx) != NULL)
    return;
  for (guint i = 0; i < ctx->elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (ctx->elements, i);

      if (!eyl_rule_is_brand (el))
        continue;
      if (!eyl_rule_is_hidden (ctx, el))
        return;
      if (lowest == NULL || el->floor_top_mm < lowest->floor_top_mm)
        lowest = el;
    }
  if (lowest == NULL)
    {
      /* No logo and no name at all: at a stand, nothing says whose it is.
       * (A poster or leaflet may belong to an event or a cause; a pack's
       * brand is on panels a flat sheet does not tell apart.) */
      if (eyl_rule_is_display (ctx))
        {
          finding = eyl_rule_finding_new (&eyl_rule_brand_hidden, NULL);
          eyl_finding_set_text (finding,
                                _("No logo or brand name was found anywhere: the stand "
                                  "does not say whose it is."),
                                   _("Put the logo and the name at the top, where they are "
                                  "seen from across the hall."));
          eyl_finding_add_measure (finding, "brand_elements", 0);
          g_ptr_array_add (findings, g_steal_pointer (&finding));
        }
      return;
    }

  name = eyl_rule_element_name (lowest, TRUE);
  if (eyl_rule_piece_is_held (ctx))
    {
      /* A leaflet in a rack, a pack on a shelf: what the rack shows. */
      /* TRANSLATORS: %s is "The logo" or "The brand name “X”" */
      message = g_strdup_printf (_("%s sits below what the rack or shelf shows, and the brand "
                                   "appears nowhere above it: passers-by cannot tell whose "
                                   "it is."),
                                    name);
      fix = g_strdup (_("Put the logo or the name in the top part that the rack or shelf "
                        "shows."));
    }
  else
    /* TRANSLATORS: the first %s is "The logo" or "The brand name “X”", the
     * second what hides it ("the table"). */
    message = g_strdup_printf (_("%s is hidden by %s for %d %% of visitors, and the brand "
                                 "appears nowhere else: the stand does not say whose it is."),
                                  name, eyl_rule_occluder_name (ctx, lowest),
                                  eyl_rule_percent (lowest->hidden_fraction));
  if (fix != NULL)
    ;
  else if (eyl_rule_visible_eye_zone (ctx, &low, &high))
    fix = g_strdup_printf (_("Show the logo where it is seen from the aisle — above the table, "
                             "for example at the top of the eye-level zone (up to %.0f mm "
                             "above the floor) or above it."),
                              high);
  else
    fix = g_strdup (_("Show the logo where it is seen from the aisle: at the top of the "
                      "piece."));

  finding = eyl_rule_finding_new (&eyl_rule_brand_hidden, lowest);
  eyl_finding_set_text (finding, message, fix);
  eyl_finding_add_measure (finding, "threshold", ctx->placement->hidden_threshold);
  g_ptr_array_add (findings, g_steal_pointer (&finding));
}
