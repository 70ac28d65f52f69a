/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-score"

#include <glib/gi18n.h>
#include <math.h>

#include "eyl-rules.h"
#include "rules/eyl-rules-private.h"
#include "eyl-stage.h"

/* customer_focus, 0–100: how well the page serves a visitor who wants to
 * act on it.  Six parts, each rounded to whole points so that the parts
 * add up to the score exactly:
 *
 *   contact_visible        30  best contact's share of visitors who see it
 *                              (1 − hidden_fraction); 0 without a contact
 *   contact_at_eye_level   20  best contact's eye_zone_fraction
 *   legible                20  share of key text elements (contacts,
 *                              headline, call to action, brand name) whose
 *                              cap height meets the legibility standard
 *   call_to_action         10  best call to action's 1 − hidden_fraction
 *   customer_before_brand  10  no brand-over-customer finding
 *   you_language           10  no we-vs-you finding
 *
 * An error caps the score at EYL_SCORE_ERROR_CAP: a page a consultant would send
 * back is never "good".  The cap is a part of its own, "error_cap", with
 * negative points, so that the parts still add up to the score.
 *
 * Each part is {points, max, why} in the breakdown; the report writer puts
 * the breakdown into the JSON as it is. */

static int
add_part (JsonObject *breakdown,
          const char *name,
          double      share,
          int         max,
          const char *why)
{
  g_autoptr(JsonObject) part = json_object_new ();
  int points = (int) lround (CLAMP (share, 0.0, 1.0) * max);

  json_object_set_int_member (part, "points", points);
  json_object_set_int_member (part, "max", max);
  json_object_set_string_member (part, "why", why);
  json_object_set_object_member (breakdown, name, g_steal_pointer (&part));

  return points;
}

static const struct
{
  const char *id;
  const char *name;
} part_names[] = {
  { "contact_visible", N_("Contact visible") },
    { "contact_at_eye_level", N_("Contact at eye level") },
      { "legible", N_("Key text legible") },
        { "call_to_action", N_("Call to action") },
          { "customer_before_brand", N_("Customer before brand") },
            { "you_language", N_("“You” language") },
              { "error_cap", N_("Capped by an error") },
            };

GStrv
eyl_score_breakdown_lines (JsonObject *breakdown)
{
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();

  for (guint i = 0; breakdown != NULL && i < G_N_ELEMENTS (part_names); i++)
    {
      JsonObject      *part;
      g_autofree char *line = NULL;

      if (!json_object_has_member (breakdown, part_names[i].id) ||
          (part = json_object_get_object_member (breakdown, part_names[i].id)) == NULL)
        continue;
      /* TRANSLATORS: "Contact visible: 30 of 30 — The best-placed contact …" */
      line = g_strdup_printf (_("%s: %d of %d — %s"), _(part_names[i].name),
                                                          (int) json_object_get_int_member_with_default (part, "points", 0),
                                                          (int) json_object_get_int_member_with_default (part, "max", 0),
                                                          json_object_get_string_member_with_default (part, "why", ""));
      g_strv_builder_add (lines, line);
    }
  return g_strv_builder_end (lines);
}

static gboolean
has_severity (GPtrArray  *findings,
              EylSeverity severity)
{
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    if (((const EylFinding *) g_ptr_array_index (findings, i))->severity == severity)
      return TRUE;
  return FALSE;
}

static gboolean
has_finding (GPtrArray  *findings,
             const char *rule)
{
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      const EylFinding *f = g_ptr_array_index (findings, i);

      if (g_strcmp0 (f->rule, rule) == 0)
        return TRUE;
    }
  return FALSE;
}

int
eyl_score_cap (JsonObject *breakdown,
               int         score,
               GPtrArray  *findings)
{
  g_autoptr(JsonObject) cap = NULL;

  json_object_remove_member (breakdown, "error_cap");
  if (score <= EYL_SCORE_ERROR_CAP || !has_severity (findings, EYL_SEVERITY_ERROR))
    return score;
  cap = json_object_new ();
  json_object_set_int_member (cap, "points", EYL_SCORE_ERROR_CAP - score);
  json_object_set_int_member (cap, "max", 0);
  json_object_set_string_member (cap, "why", _("An error caps the score."));
  json_object_set_object_member (breakdown, "error_cap", g_steal_pointer (&cap));
  return EYL_SCORE_ERROR_CAP;
}

int
eyl_score_customer_focus (const EylRuleContext *ctx,
                          GPtrArray            *findings,
                          JsonObject          **breakdown)
{
  g_auto(EylStageScope) stage = eyl_stage_scope (EYL_STAGE_RULES);
  g_autoptr(JsonObject) parts = json_object_new ();
  g_autofree char *why = NULL;
  double           best_visible = -1, best_eye = -1, best_cta = -1;
  guint            n_text = 0, n_legible = 0;
  gboolean         brand_first, we_first, asks_contact, asks_cta;
  const char      *not_asked = _("Not asked of this kind of piece.");
  int              score = 0;

  g_return_val_if_fail (ctx != NULL, 0);
  g_return_val_if_fail (ctx->elements != NULL, 0);

  asks_contact = ctx->placement == NULL || ctx->placement->expects_contact;
  asks_cta = ctx->placement == NULL || ctx->placement->expects_cta;

  for (guint i = 0; i < ctx->elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (ctx->elements, i);

      /* A piece read in the hand shows its contacts to every reader. */
      if (eyl_rule_is_contact (el) && eyl_rule_piece_is_held (ctx))
        {
          best_visible = 1.0;
          best_eye = 1.0;
        }
      else if (eyl_rule_is_contact (el))
        {
          best_visible = MAX (best_visible, 1.0 - el->hidden_fraction);
          best_eye = MAX (best_eye, el->eye_zone_fraction);
        }
      if (el->kind == EYL_ELEMENT_CTA)
        best_cta = MAX (best_cta, 1.0 - el->hidden_fraction);
      if ((eyl_rule_has_text (el) || el->kind == EYL_ELEMENT_BODY) &&
          el->cap_height_mm > 0 && ctx->placement != NULL)
        {
          /* As text-too-small judges it: at the element's own distance. */
          double needed = eyl_rule_min_cap_mm (ctx, eyl_rule_reading_distance (ctx, el),
                                               el->floor_bottom_mm);
          n_text++;
          if (round (el->cap_height_mm * 10.0) >= round (needed * 10.0))
            n_legible++;
        }
    }

  /* What the scene does not ask of the piece (a sticker's contact
   * details, a pack's call to action) costs it nothing: the score agrees
   * with the findings, which do not ask for it either. */
  if (best_visible < 0 && !asks_contact)
    score += add_part (parts, "contact_visible", 1, 30, not_asked);
  else if (best_visible < 0)
    score += add_part (parts, "contact_visible", 0, 30, _("No contact details were found."));
  else
    {
      why = g_strdup_printf (_("The best-placed contact is seen by %d %% of visitors."),
                                eyl_rule_percent (best_visible));
      score += add_part (parts, "contact_visible", best_visible, 30, why);
      g_clear_pointer (&why, g_free);
    }

  if (best_eye < 0 && !asks_contact)
    score += add_part (parts, "contact_at_eye_level", 1, 20, not_asked);
  else if (best_eye < 0)
    score += add_part (parts, "contact_at_eye_level", 0, 20, _("No contact details were found."));
  else
    {
      why = g_strdup_printf (_("The best contact is in the eye-level zone of %d %% of visitors."),
                                eyl_rule_percent (best_eye));
      score += add_part (parts, "contact_at_eye_level", best_eye, 20, why);
      g_clear_pointer (&why, g_free);
    }

  if (n_text == 0 && !asks_contact)
    score += add_part (parts, "legible", 1, 20, _("Nothing on the piece needs reading."));
  else if (n_text == 0)
    score += add_part (parts, "legible", 0, 20, _("No measured text among the key elements."));
  else
    {
      g_autofree char *standard = eyl_rule_standard_name (ctx);

      /* Each at the distance it is read from, as text-too-small judges
       * it — not the walk-up view's fixed distances: the sentence says
       * so, lest the two seem to disagree. */
      why = g_strdup_printf (_("%u of %u texts meet the %s standard where they are read "
                               "(titles from the aisle, copy and contacts up close)."),
                                n_legible, n_text, standard);
      score += add_part (parts, "legible", (double) n_legible / n_text, 20, why);
      g_clear_pointer (&why, g_free);
    }

  if (best_cta < 0 && !asks_cta)
    score += add_part (parts, "call_to_action", 1, 10, not_asked);
  else if (best_cta < 0)
    score += add_part (parts, "call_to_action", 0, 10, _("No call to action was found."));
  else
    {
      why = g_strdup_printf (_("The call to action is seen by %d %% of visitors."),
                                eyl_rule_percent (best_cta));
      score += add_part (parts, "call_to_action", best_cta, 10, why);
      g_clear_pointer (&why, g_free);
    }

  brand_first = has_finding (findings, "brand-over-customer");
  score += add_part (parts, "customer_before_brand", brand_first ? 0 : 1, 10,
                     brand_first ? _("The brand takes the place of the customer’s information.")
                                 : _("The brand does not crowd out the customer’s information."));

  we_first = has_finding (findings, "we-vs-you");
  score += add_part (parts, "you_language", we_first ? 0 : 1, 10,
                     we_first ? _("The copy says “we” more than “you”.")
                              : _("The copy does not talk about “we” more than “you”."));

  score = eyl_score_cap (parts, score, findings);

  if (breakdown != NULL)
    *breakdown = g_steal_pointer (&parts);

  return CLAMP (score, 0, 100);
}
