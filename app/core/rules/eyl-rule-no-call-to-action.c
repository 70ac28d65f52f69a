/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-rules"

#include <glib/gi18n.h>

#include "eyl-rules-private.h"

/* Visitors who are interested need to be told what to do next. */
const EylRule eyl_rule_no_call_to_action = {
  .id = "no-call-to-action",
  .severity = EYL_SEVERITY_WARNING,
  .title = N_("No call to action"),
               .description = N_("No phrase tells the visitor what to do next (visit, call, scan, "
                    "book, order, …)."),
                                  .check = eyl_rule_no_call_to_action_check,
               };

void
eyl_rule_no_call_to_action_check (const EylRuleContext *ctx,
                                  GPtrArray            *findings)
{
  g_autoptr(EylFinding) finding = NULL;
  gboolean has_contact = FALSE;

  if (!ctx->placement->expects_cta)
    return;

  for (guint i = 0; i < ctx->elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (ctx->elements, i);

      if (el->kind == EYL_ELEMENT_CTA)
        return;
      has_contact |= eyl_rule_is_contact (el);
    }
  /* Artwork with nothing on it, not a word nor a mark (a background still
   * waiting for its content), has no message to act on: no-contact and
   * brand-hidden say what is missing, once. */
  if (eyl_rule_page_is_blank (ctx))
    return;
  /* Filler copy is still to be written: placeholder-text says so, and a
   * call to action is part of what will replace it. */
  {
    g_autofree char *filler = eyl_rule_placeholder_find_filler (eyl_rule_copy_text (ctx));

    if (filler != NULL)
      return;
  }

  finding = eyl_rule_finding_new (&eyl_rule_no_call_to_action, NULL);
  /* A flag is seen from afar and draws people to the stand or the door:
   * what to do next is said there, so its absence is a note. */
  if (ctx->placement->kind == EYL_PLACEMENT_FLAG)
    {
      finding->severity = EYL_SEVERITY_INFO;
      eyl_finding_set_text (finding,
                            _("No call to action was found. A flag mostly draws people "
                              "in; a short one (“Free entry”, “Try it here”) can still "
                              "help."),
                               _("If the flag stands where people decide, add a short "
                              "imperative in large type."));
    }
  /* A step-and-repeat wall is there to be photographed with its marks:
   * what it lacks is a way to find you in the photos (no-contact says
   * so), more than an invitation. */
  else if (eyl_rule_step_and_repeat (ctx) != NULL)
    {
      finding->severity = EYL_SEVERITY_INFO;
      eyl_finding_set_text (finding,
                            _("No call to action was found. A step-and-repeat wall is "
                              "there to be photographed with its marks; a short line "
                              "(“Share with #…”) can still help."),
                               _("If the wall should do more than appear in photos, repeat a "
                              "short invitation in the pattern, such as “Share with "
                              "#yourevent”."));
    }
  /* A sign or poster on its own that names a way to reach you has a
   * next step, if unspoken: a visitor who wants more knows where to go.
   * At a stand, where people decide in a few seconds whether to stop,
   * and in a leaflet read in the hand, the missing invitation costs. */
  else if (has_contact && !eyl_rule_is_stand_graphic (ctx) && !eyl_rule_piece_is_held (ctx))
    {
      finding->severity = EYL_SEVERITY_INFO;
      eyl_finding_set_text (finding,
                            _("No call to action was found. The contact details are an "
                              "unspoken next step; a short invitation next to them says "
                              "it."),
                               _("Put a short imperative next to the contact details, such "
                              "as “Visit us at …” or “Scan for the programme”."));
    }
  else if (has_contact)
    eyl_finding_set_text (finding,
                          _("No call to action was found: nothing tells the visitor what "
                            "to do next."),
                             _("Add a short imperative next to the contact details, such as "
                            "“Scan to book a demo” or “Book your free tasting”."));
  /* No contact either: no-contact asks for one; the invitation goes with
   * it (never "next to" details the page does not have). */
  else
    eyl_finding_set_text (finding,
                          _("No call to action was found: nothing tells the visitor what "
                            "to do next."),
                             _("Add a short imperative together with the contact you add, "
                            "such as “Scan to book a demo” or “Visit us at …”."));
  eyl_finding_add_measure (finding, "ctas", 0);
  g_ptr_array_add (findings, g_steal_pointer (&finding));
}
