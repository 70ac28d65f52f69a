/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-rules"

#include <glib/gi18n.h>

#include "eyl-rules-private.h"

/* Nothing tells the customer how to reach the company (DESIGN.md 3.3:
 * a warning, since a pure brand or product face may be intended). */
const EylRule eyl_rule_no_contact = {
  .id = "no-contact",
  .severity = EYL_SEVERITY_WARNING,
  .title = N_("No contact details"),
               .description = N_("The page has no website, email, phone number, social link, QR code "
                    "or address."),
                                  .check = eyl_rule_no_contact_check,
               };

void
eyl_rule_no_contact_check (const EylRuleContext *ctx,
                           GPtrArray            *findings)
{
  g_autoptr(EylFinding) finding = NULL;
  guint n_other = 0;

  /* Stickers, labels, badges and packs are not asked for contact details. */
  if (!ctx->placement->expects_contact)
    return;

  for (guint i = 0; i < ctx->elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (ctx->elements, i);

      if (eyl_rule_is_contact (el))
        return;
      if (el->kind == EYL_ELEMENT_OTHER_URL)
        n_other++;
    }

  finding = eyl_rule_finding_new (&eyl_rule_no_contact, NULL);
  /* Stand graphics that a visitor walks past without a way to follow up
   * have failed at their one job (DESIGN.md 3.3): a banner on the stand's
   * table, or a roll-up or wall behind it.  A free-standing sign by a door
   * or a photo wall may only name a room or a brand: a warning. */
  if (eyl_rule_is_stand_graphic (ctx))
    finding->severity = EYL_SEVERITY_ERROR;
  /* Nothing readable at all: unfinished artwork, or type drawn in a way
   * nothing could read.  Not sure enough for an error. */
  if (eyl_rule_page_is_blank (ctx))
    {
      finding->severity = EYL_SEVERITY_WARNING;
      eyl_finding_set_text (finding,
                            _("Nothing readable was found on the page — no contact, no "
                              "brand, no words: visitors would have no way to reach you."),
                               _("If the artwork is not finished, add your website, phone "
                              "number or a QR code in the eye-level zone; if it has text, "
                              "check that it is not drawn as a low-resolution picture."));
    }
  else if (eyl_rule_step_and_repeat (ctx) != NULL)
    {
      /* A photo wall's job is to be photographed with its marks; a way
       * to find the event or the brand in the photos it makes is what it
       * lacks, less than a stand's follow-up: a warning. */
      finding->severity = EYL_SEVERITY_WARNING;
      eyl_finding_set_text (finding,
                            _("This step-and-repeat wall repeats its marks but no way to find "
                              "you: the photos taken in front of it will carry no website, "
                              "hashtag or handle."),
                               _("Repeat a hashtag or your website in the pattern, so that every "
                              "photo shows it."));
    }
  else if (n_other > 0)
    eyl_finding_set_text (finding,
                          _("The page tells visitors no way to reach you: the only web "
                            "address on it is not yours."),
                             _("Add your website, phone number or a QR code in the "
                            "eye-level zone."));
  else
    eyl_finding_set_text (finding,
                          _("The page tells visitors no way to reach you: no website, "
                            "email, phone number, QR code or address was found."),
                             _("Add your website, phone number or a QR code in the "
                            "eye-level zone."));
  eyl_finding_add_measure (finding, "contacts", 0);
  eyl_finding_add_measure (finding, "other_urls", n_other);
  g_ptr_array_add (findings, g_steal_pointer (&finding));
}
