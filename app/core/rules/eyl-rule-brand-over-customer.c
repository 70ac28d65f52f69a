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
                    "detail is hidden or below it, or the logo is far bigger than the "
                    "headline."),
  .check = eyl_rule_brand_over_customer_check,
};

#define EYE_ZONE_MIN_SHARE 0.5
/* "≫ the headline": more than three times its area. */
#define BRAND_AREA_RATIO 3.0

static double
area (const EylElement *el)
{
  return MAX (eyl_rect_width (&el->box), 0) * MAX (eyl_rect_height (&el->box), 0);
}

void
eyl_rule_brand_over_customer_check (const EylRuleContext *ctx,
                                    GPtrArray            *findings)
{
  const EylElement *brand = NULL, *biggest = NULL, *headline = NULL;
  g_autoptr(EylFinding) finding = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_autofree char *fix = NULL;
  guint n_contacts = 0, n_contacts_lost = 0;
  double low, high;

  eyl_rule_visible_eye_zone (ctx, &low, &high);

  for (guint i = 0; i < ctx->elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (ctx->elements, i);
      double centre = (el->floor_bottom_mm + el->floor_top_mm) / 2.0;

      if (centre >= low && centre <= high && el->kind != EYL_ELEMENT_BODY &&
          (biggest == NULL || area (el) > area (biggest)))
        biggest = el;
      if (eyl_rule_is_brand (el) &&
          (brand == NULL || el->eye_zone_fraction > brand->eye_zone_fraction ||
           (el->eye_zone_fraction == brand->eye_zone_fraction && area (el) > area (brand))))
        brand = el;
      if (el->kind == EYL_ELEMENT_HEADLINE && (headline == NULL || area (el) > area (headline)))
        headline = el;
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

  name = eyl_rule_element_name (brand, TRUE);

  /* With no contact at all, no-contact says it better. */
  if (n_contacts > 0 && n_contacts_lost == n_contacts &&
      (brand->eye_zone_fraction >= EYE_ZONE_MIN_SHARE || biggest == brand))
    {
      message = g_strdup_printf (_("%s takes the eye-level zone (%.0f–%.0f mm above "
                                   "the floor, in view for %d %% of visitors) while "
                                   "every contact detail is hidden or below it."),
                                 name, brand->floor_bottom_mm, brand->floor_top_mm,
                                 eyl_rule_percent (brand->eye_zone_fraction));
      fix = g_strdup_printf (_("Give the eye-level zone, %.0f–%.0f mm above the floor, "
                               "to what the visitor needs — the website, phone or QR "
                               "code — and move the brand higher."),
                             low, high);
    }
  else if (headline != NULL && area (headline) > 0 &&
           area (brand) > BRAND_AREA_RATIO * area (headline))
    {
      message = g_strdup_printf (_("%s is %.1f times the size of the headline: the "
                                   "page talks about the company before the customer."),
                                 name, area (brand) / area (headline));
      fix = g_strdup (_("Make the headline — what the visitor gets — the biggest "
                        "thing on the page, and the logo smaller."));
    }
  else
    return;

  finding = eyl_rule_finding_new (&eyl_rule_brand_over_customer, brand);
  eyl_finding_set_text (finding, message, fix);
  eyl_finding_add_measure (finding, "contacts", n_contacts);
  eyl_finding_add_measure (finding, "contacts_hidden_or_low", n_contacts_lost);
  eyl_finding_add_measure (finding, "eye_zone_low_mm", low);
  eyl_finding_add_measure (finding, "eye_zone_high_mm", high);
  if (headline != NULL && area (headline) > 0)
    eyl_finding_add_measure (finding, "brand_to_headline_area", area (brand) / area (headline));
  g_ptr_array_add (findings, g_steal_pointer (&finding));
}
