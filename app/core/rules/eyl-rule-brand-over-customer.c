/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-rules"

#include <glib/gi18n.h>

#include "eyl-rules-private.h"

/* The layout serves the brand, not the customer: the logo takes the
 * prime spot while the way to reach the company is hidden or low, or the
 * logo dwarfs the message. */
const EylRule eyl_rule_brand_over_customer = {
  .id = "brand-over-customer",
  .severity = EYL_SEVERITY_WARNING,
  .title = N_("Brand before customer"),
               .description = N_("The logo or brand name owns the eye-level zone while every contact "
                    "detail is hidden or below it, or a leaflet shows only its logo "
                    "above the rack pocket."),
                                  .check = eyl_rule_brand_over_customer_check,
               };

#define EYE_ZONE_MIN_SHARE 0.5

static double
area (const EylElement *el)
{
  return MAX (eyl_rect_width (&el->box), 0) * MAX (eyl_rect_height (&el->box), 0);
}

/* The message, then what the predicted attention (model) says of the
 * piece as the visitor sees it, when it was computed. */
static void
append_attention (const EylRuleContext *ctx,
                  const EylElement     *brand,
                  char                **message)
{
  g_autofree char *sentence = eyl_rule_attention_sentence (ctx, brand);
  char            *joined;

  if (sentence == NULL)
    return;
  joined = g_strconcat (*message, " ", sentence, NULL);
  g_free (*message);
  *message = joined;
}

/* Rack pockets are not standardised (DESIGN.md 5): a pocket said to show
 * the top third of a leaflet may show a quarter more of it.  What the rack
 * shows is judged in the shallowest such pocket, so that the finding holds
 * in every rack within that range, not just at the default's millimetre. */
#define RACK_POCKETS_SHOW_UP_TO 1.25

/* A leaflet's cover in the rack: what shows above the pocket is all a
 * passer-by sees.  When that is the logo alone — the name, the headline,
 * every word of a promise, even the web address down in the pocket — the
 * rack shows a mark and no reason to take the leaflet. */
static void
check_rack (const EylRuleContext *ctx,
            GPtrArray            *findings)
{
  const EylElement *logo = NULL;
  g_autoptr(EylFinding) finding = NULL;
  g_autofree char    *message = NULL;
  const EylPageFrame *f = ctx->frame;
  double              shown = CLAMP (ctx->placement->visible_top_fraction, 0, 1);
  double              shown_most = MIN (1.0, shown * RACK_POCKETS_SHOW_UP_TO);
  double              lip = f->bottom_floor_mm + f->material_h_mm * (1.0 - shown_most);
  double              cover_x = f->visible.x0 + ctx->placement->cover_x0_fraction * (f->visible.x1 - f->visible.x0);

  for (guint i = 0; i < ctx->elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (ctx->elements, i);
      /* Text on the cover whose first line shows at least the top half of
       * its capitals above the pocket lip is read in the rack (words are
       * known by their upper half). */
      gboolean text_shows = (el->box.x0 + el->box.x1) / 2.0 >= cover_x &&
                            el->floor_top_mm - lip >= MAX (0.5 * el->cap_height_mm, 1.0);

      if ((el->kind == EYL_ELEMENT_HEADLINE || el->kind == EYL_ELEMENT_BRAND_NAME ||
           el->kind == EYL_ELEMENT_CTA || eyl_rule_is_contact (el)) &&
          text_shows)
        return;
      if (el->kind == EYL_ELEMENT_LOGO && !eyl_rule_is_hidden (ctx, el) &&
          (logo == NULL || area (el) > area (logo)))
        logo = el;
    }
  if (logo == NULL)
    return;

  /* TRANSLATORS: "the top 33–42 % of the leaflet" */
  message = g_strdup_printf (_("In the rack only the logo shows above the pocket: in the top "
                               "%d–%d %% of the leaflet that rack pockets show, the name and "
                               "the headline sit in the pocket, so a passer-by sees a mark "
                               "and no reason to take it."),
                                eyl_rule_percent (shown), eyl_rule_percent (shown_most));
  append_attention (ctx, logo, &message);
  finding = eyl_rule_finding_new (&eyl_rule_brand_over_customer, logo);
  eyl_finding_set_text (finding, message,
                        _("Bring the name and the headline — what the reader gets — into "
                          "the top part that the rack shows, and make the logo smaller."));
  eyl_finding_add_measure (finding, "visible_top_fraction", shown);
  eyl_finding_add_measure (finding, "visible_top_fraction_most", shown_most);
  eyl_rule_add_attention_measures (ctx, finding);
  g_ptr_array_add (findings, g_steal_pointer (&finding));
}

void
eyl_rule_brand_over_customer_check (const EylRuleContext *ctx,
                                    GPtrArray            *findings)
{
  const EylElement *brand = NULL, *biggest = NULL;
  g_autoptr(EylFinding) finding = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_autofree char *fix = NULL;
  guint            n_contacts = 0, n_contacts_lost = 0;
  double           low, high;

  /* A pack's front should carry the brand; a page read in the hand has
   * no eye level to give away. */
  if (ctx->placement->kind == EYL_PLACEMENT_SHELF || ctx->placement->held)
    return;
  /* A step-and-repeat is branding by design: its marks fill the wall so
   * that every photo carries them (a missing way to find the brand is
   * no-contact's to say, once). */
  if (eyl_rule_step_and_repeat (ctx) != NULL)
    return;
  if (eyl_rule_piece_is_held (ctx))
    {
      if (ctx->placement->visible_top_fraction < 1.0)
        check_rack (ctx, findings);
      return;
    }

  eyl_rule_visible_eye_zone (ctx, &low, &high);
  for (guint i = 0; i < ctx->elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (ctx->elements, i);
      double            centre = (el->floor_bottom_mm + el->floor_top_mm) / 2.0;

      if (centre >= low && centre <= high && el->kind != EYL_ELEMENT_BODY &&
          (biggest == NULL || area (el) > area (biggest)))
        biggest = el;
      if (eyl_rule_is_brand (el) &&
          (brand == NULL || el->eye_zone_fraction > brand->eye_zone_fraction ||
           (el->eye_zone_fraction == brand->eye_zone_fraction && area (el) > area (brand))))
        brand = el;
      if (eyl_rule_is_contact (el))
        {
          n_contacts++;
          if (eyl_rule_is_hidden (ctx, el) ||
              (el->eye_zone_fraction < EYE_ZONE_MIN_SHARE && centre < low))
            n_contacts_lost++;
        }
    }

  if (brand == NULL)
    return;
  /* With no contact at all, no-contact says it better.  The size of the
   * logo against the headline alone is no finding: a consultant judges the
   * layout by what the visitor can see and do, not by a ratio of areas. */
  /* "Takes the zone": a logo or the brand name is the biggest thing in it,
   * not a mark at its edge above a room name or a headline. */
  if (n_contacts == 0 || n_contacts_lost < n_contacts || biggest == NULL ||
      !eyl_rule_is_brand (biggest))
    return;
  brand = biggest;

  name = eyl_rule_element_name (brand, TRUE);
  message = g_strdup_printf (_("%s takes the eye-level zone (%.0f–%.0f mm above "
                               "the floor, in view for %d %% of visitors) while "
                               "every contact detail is hidden or below it."),
                                name, brand->floor_bottom_mm, brand->floor_top_mm,
                                eyl_rule_percent (brand->eye_zone_fraction));
  fix = g_strdup_printf (_("Give the eye-level zone, %.0f–%.0f mm above the floor, "
                           "to what the visitor needs — the website, phone or QR "
                           "code — and move the brand higher."),
                            low, high);

  append_attention (ctx, brand, &message);
  finding = eyl_rule_finding_new (&eyl_rule_brand_over_customer, brand);
  eyl_finding_set_text (finding, message, fix);
  eyl_finding_add_measure (finding, "contacts", n_contacts);
  eyl_finding_add_measure (finding, "contacts_hidden_or_low", n_contacts_lost);
  eyl_finding_add_measure (finding, "eye_zone_low_mm", low);
  eyl_finding_add_measure (finding, "eye_zone_high_mm", high);
  eyl_rule_add_attention_measures (ctx, finding);
  g_ptr_array_add (findings, g_steal_pointer (&finding));
}
