/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-rules"

#include <glib/gi18n.h>

#include "eyl-rules-private.h"

/* A contact that too many visitors cannot see at all is the worst case:
 * the banner has done its job and then nobody can follow it up. */
const EylRule eyl_rule_contact_hidden = {
  .id = "contact-hidden",
  .severity = EYL_SEVERITY_ERROR,
  .title = N_("Contact details hidden"),
               .description = N_("A website, email, phone number, QR code or address is hidden "
                    "(by a table, the base cassette, a rack pocket or a shelf strip) "
                    "for at least the placement’s share of visitors."),
                                  .check = eyl_rule_contact_hidden_check,
               };

/* The copy fewer visitors lose behind the occluder is the one that counts. */
static int
less_hidden (const EylRuleContext *ctx,
             const EylElement     *a,
             const EylElement     *b)
{
  (void) ctx;
  return (a->hidden_fraction < b->hidden_fraction) - (a->hidden_fraction > b->hidden_fraction);
}

/* How directly a channel leads to the brand: a website or its QR code,
 * then an email or a phone number, then a social handle or an address. */
static int
channel_rank (EylElementKind kind)
{
  switch (kind)
    {
    case EYL_ELEMENT_URL:
    case EYL_ELEMENT_QR:
      return 3;
    case EYL_ELEMENT_EMAIL:
    case EYL_ELEMENT_PHONE:
      return 2;
    default:
      return 1;
    }
}

void
eyl_rule_contact_hidden_check (const EylRuleContext *ctx,
                               GPtrArray            *findings)
{
  /* The median visitor tells how high the lower edge is hidden; the
   * shortest and tallest (P5, P95) how high it must go to be seen by
   * nearly everyone (a table hides more for a lower eye). */
  const EylPlacement *p = ctx->placement;
  double              hidden_to = eyl_hidden_below_mm (p, ctx->frame, eyl_population_quantile (p, 0.5));
  int                 best_in_sight = 0;
  double              needed = MAX (eyl_hidden_below_mm (p, ctx->frame, eyl_population_quantile (p, 0.05)),
                                    eyl_hidden_below_mm (p, ctx->frame, eyl_population_quantile (p, 0.95)));

  /* A leaflet's footer in the rack pocket, a pack's back panel: taken in
   * the hand, read there.  Nothing is lost. */
  if (eyl_rule_piece_is_held (ctx))
    return;

  /* Severity follows the harm: while a channel as direct as the hidden
   * one stays in sight (a website for a website, an email or a phone for
   * a social handle), visitors can still follow up: a warning.  All the
   * good ones hidden is the error this rule exists for. */
  for (guint i = 0; i < ctx->elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (ctx->elements, i);

      if (eyl_rule_is_contact (el) && !eyl_rule_is_hidden (ctx, el))
        best_in_sight = MAX (best_in_sight, channel_rank (el->kind));
    }

  for (guint i = 0; i < ctx->elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (ctx->elements, i);
      g_autoptr(EylFinding) finding = NULL;
      g_autofree char *name = NULL;
      g_autofree char *message = NULL;
      g_autofree char *fix = NULL;
      double           low, high;

      if (!eyl_rule_is_contact (el) || !eyl_rule_is_hidden (ctx, el) ||
          eyl_rule_has_better_copy (ctx, el, less_hidden))
        continue;

      name = eyl_rule_element_name (el, TRUE);
      message = g_strdup_printf (_("%s is hidden by %s for %d %% of visitors "
                                   "(it sits %.0f–%.0f mm above the floor; "
                                   "for a visitor of median height everything "
                                   "up to %.0f mm is hidden)."),
                                    name, eyl_rule_occluder_name (ctx, el),
                                    eyl_rule_percent (el->hidden_fraction),
                                    el->floor_bottom_mm, el->floor_top_mm,
                                    hidden_to);
      if (eyl_rule_visible_eye_zone (ctx, &low, &high) && needed < high)
        fix = g_strdup_printf (_("Move the contact details into the eye-level zone "
                                 "that nothing hides, %.0f–%.0f mm above the floor."),
                                  low, high);
      else
        fix = g_strdup_printf (_("Move the contact details above %.0f mm from the "
                                 "floor, where nothing hides them."),
                                  needed);

      finding = eyl_rule_finding_new (&eyl_rule_contact_hidden, el);
      if (best_in_sight >= channel_rank (el->kind))
        finding->severity = EYL_SEVERITY_WARNING;
      eyl_finding_set_text (finding, message, fix);
      eyl_finding_add_measure (finding, "hidden_below_mm", hidden_to);
      eyl_finding_add_measure (finding, "threshold", p->hidden_threshold);
      eyl_finding_add_measure (finding, "needed_floor_mm", needed);
      g_ptr_array_add (findings, g_steal_pointer (&finding));
    }
}
