/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-score"

#include <glib/gi18n.h>
#include <math.h>

#include "eyl-rules.h"
#include "rules/eyl-rules-private.h"
#include "eyl-stage.h"

/* customer_focus, 0–100: how well the page serves a visitor who wants to
 * act on it.  Six parts, weighted:
 *
 *   contact_visible        30  best contact's share of visitors who see it
 *                              (1 − hidden_fraction; all of them on a piece
 *                              read in the hand); 0 without a contact
 *   contact_at_eye_level   20  best contact's eye_zone_fraction
 *   legible                20  share of the measured texts (key elements and
 *                              body copy) whose cap height meets the
 *                              legibility standard where they are read
 *   call_to_action         10  best call to action's share of visitors who
 *                              see it, as for contacts
 *   customer_before_brand  10  no brand-over-customer finding
 *   you_language           10  no we-vs-you finding
 *
 * A part loses points only where a finding says why, on the page (or,
 * for a piece of several pages, where the piece's finding is): a contact
 * seen by 60 % of visitors costs nothing while contact-hidden does not
 * call it hidden, so the score agrees with the findings.
 *
 * A part with nothing to judge (legibility on a page without text, eye
 * level on a piece read in the hand) is left out, not failed: the weights
 * of the parts that apply are scaled to 100, and the part is marked
 * "judged": false with its reason.  A part the placement does not ask for
 * (a sticker's contact details, a pack's call to action) is left out the
 * same way and marked "asked": false too.  Each part
 * is rounded to whole points so that the parts add up to the score
 * exactly.
 *
 * An error caps the score at EYL_SCORE_ERROR_CAP: a page a consultant would send
 * back is never "good".  The cap is a part of its own, "error_cap", with
 * negative points, so that the parts still add up to the score.
 *
 * Each part is {points, max, why} in the breakdown; the report writer puts
 * the breakdown into the JSON as it is. */

#define N_PARTS 6

typedef struct
{
  const char *name;
  int         weight;
  double      share; /* < 0: not judged */
  gboolean    not_asked;
  char       *why;
} Part;

static void
set_part (Part       *part,
          const char *name,
          int         weight,
          double      share,
          const char *why)
{
  part->name = name;
  part->weight = weight;
  part->share = share < 0 ? -1.0 : CLAMP (share, 0.0, 1.0);
  part->not_asked = FALSE;
  part->why = g_strdup (why);
}

/* Left out: the placement does not ask for what the part scores. */
static void
set_part_not_asked (Part       *part,
                    const char *name,
                    int         weight)
{
  set_part (part, name, weight, -1, _("Not asked of this kind of piece."));
  part->not_asked = TRUE;
}

/* The parts' maxima: the weights of the judged parts scaled to add up to
 * 100, rounded by largest remainder (Hamilton) so the sum stays exact. */
static int
add_parts (JsonObject *breakdown,
           Part       *parts,
           guint       n_parts)
{
  int    max[N_PARTS] = { 0 };
  double rest[N_PARTS] = { 0 };
  int    total = 0, given = 0, score = 0;

  g_assert (n_parts <= N_PARTS);
  for (guint i = 0; i < n_parts; i++)
    if (parts[i].share >= 0)
      total += parts[i].weight;
  for (guint i = 0; i < n_parts && total > 0; i++)
    if (parts[i].share >= 0)
      {
        double exact = 100.0 * parts[i].weight / total;

        max[i] = (int) floor (exact);
        rest[i] = exact - max[i];
        given += max[i];
      }
  for (; total > 0 && given < 100; given++)
    {
      guint best = 0;

      for (guint i = 1; i < n_parts; i++)
        if (rest[i] > rest[best])
          best = i;
      max[best]++;
      rest[best] = -1;
    }

  for (guint i = 0; i < n_parts; i++)
    {
      g_autoptr(JsonObject) part = json_object_new ();
      int points = parts[i].share >= 0 ? (int) lround (parts[i].share * max[i]) : 0;

      json_object_set_int_member (part, "points", points);
      json_object_set_int_member (part, "max", max[i]);
      if (parts[i].share < 0)
        json_object_set_boolean_member (part, "judged", FALSE);
      if (parts[i].not_asked)
        json_object_set_boolean_member (part, "asked", FALSE);
      json_object_set_string_member (part, "why", parts[i].why);
      json_object_set_object_member (breakdown, parts[i].name, g_steal_pointer (&part));
      g_clear_pointer (&parts[i].why, g_free);
      score += points;
    }
  return score;
}

static const struct
{
  const char *id;
  const char *name;
} part_names[] = {
  { "contact_visible", N_("Contact visible") },
    { "contact_at_eye_level", N_("Contact at eye level") },
      { "legible", N_("Text legible") },
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
      if (!json_object_get_boolean_member_with_default (part, "asked", TRUE))
        /* TRANSLATORS: "Call to action: not asked — Not asked of this kind of piece." */
        line = g_strdup_printf (_("%s: not asked — %s"), _(part_names[i].name),
                                                             json_object_get_string_member_with_default (part, "why", ""));
      else if (!json_object_get_boolean_member_with_default (part, "judged", TRUE))
        /* TRANSLATORS: "Text legible: not judged — No text on the page." */
        line = g_strdup_printf (_("%s: not judged — %s"), _(part_names[i].name),
                                                              json_object_get_string_member_with_default (part, "why", ""));
      else
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
eyl_score_total (JsonObject *breakdown,
                 GPtrArray  *findings)
{
  g_autoptr(GList) names = NULL;
  int score = 0;

  g_return_val_if_fail (breakdown != NULL, 0);

  json_object_remove_member (breakdown, "error_cap");
  names = json_object_get_members (breakdown);
  for (GList *l = names; l != NULL; l = l->next)
    score += (int) json_object_get_int_member_with_default (
        json_object_get_object_member (breakdown, l->data), "points", 0);
  return CLAMP (eyl_score_cap (breakdown, score, findings), 0, 100);
}

int
eyl_score_customer_focus (const EylRuleContext *ctx,
                          GPtrArray            *findings,
                          JsonObject          **breakdown)
{
  g_auto(EylStageScope) stage = eyl_stage_scope (EYL_STAGE_RULES);
  g_autoptr(JsonObject) breakdown_parts = json_object_new ();
  g_autofree char *why = NULL;
  Part             parts[N_PARTS] = { { 0 } };
  double           best_visible = -1, best_eye = -1, best_cta = -1;
  guint            n_text = 0, n_legible = 0;
  gboolean         brand_first, we_first, asks_contact, asks_cta, held, has_copy = FALSE;
  int              score;

  g_return_val_if_fail (ctx != NULL, 0);
  g_return_val_if_fail (ctx->elements != NULL, 0);

  asks_contact = ctx->placement == NULL || ctx->placement->expects_contact;
  asks_cta = ctx->placement == NULL || ctx->placement->expects_cta;
  held = ctx->placement != NULL && eyl_rule_piece_is_held (ctx);

  for (guint i = 0; i < ctx->elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (ctx->elements, i);

      has_copy |= el->kind == EYL_ELEMENT_BODY;
      /* A piece read in the hand shows its contacts and its call to action
       * to every reader, those in panels folded in for the rack too: what
       * the rack hides is the cover's business (as contact-hidden and
       * key-content-hidden judge it). */
      if (eyl_rule_is_contact (el) && held)
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
        best_cta = MAX (best_cta, held ? 1.0 : 1.0 - el->hidden_fraction);
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
   * details, a pack's call to action) is left out: the findings do not
   * ask for it either.  What it asks for loses points where a finding
   * says so, and only there. */
  if (best_visible < 0 && !asks_contact)
    set_part_not_asked (&parts[0], "contact_visible", 30);
  else if (best_visible < 0)
    set_part (&parts[0], "contact_visible", 30, 0, _("No contact details were found."));
  else if (eyl_rule_percent (best_visible) < 100 && !has_finding (findings, "contact-hidden"))
    {
      why = g_strdup_printf (_("The best-placed contact is seen by %d %% of visitors: too many "
                               "to call it hidden."),
                                eyl_rule_percent (best_visible));
      set_part (&parts[0], "contact_visible", 30, 1, why);
      g_clear_pointer (&why, g_free);
    }
  else
    {
      why = g_strdup_printf (_("The best-placed contact is seen by %d %% of visitors."),
                                eyl_rule_percent (best_visible));
      set_part (&parts[0], "contact_visible", 30, best_visible, why);
      g_clear_pointer (&why, g_free);
    }

  /* As contact-below-eye-level judges it: not in the hand, nor on a
   * piece seen whole within the zone from where it is read. */
  if (best_eye < 0 && !asks_contact)
    set_part_not_asked (&parts[1], "contact_at_eye_level", 20);
  else if (best_eye < 0)
    set_part (&parts[1], "contact_at_eye_level", 20, 0, _("No contact details were found."));
  else if (held)
    set_part (&parts[1], "contact_at_eye_level", 20, -1,
              _("The piece is read in the hand: eye level does not apply."));
  else if (!eyl_rule_eye_level_applies (ctx))
    set_part (&parts[1], "contact_at_eye_level", 20, -1,
              _("The whole piece is within the eye-level zone from where it is read."));
  /* A contact hidden from most is not seen at eye level either: the
   * contact-hidden finding says why both parts lose. */
  else if (eyl_rule_percent (best_eye) < 100 && !has_finding (findings, "contact-below-eye-level") &&
           !has_finding (findings, "contact-hidden"))
    {
      why = g_strdup_printf (_("The best contact is in the eye-level zone of %d %% of visitors: "
                               "most see it without looking up or down."),
                                eyl_rule_percent (best_eye));
      set_part (&parts[1], "contact_at_eye_level", 20, 1, why);
      g_clear_pointer (&why, g_free);
    }
  else
    {
      why = g_strdup_printf (_("The best contact is in the eye-level zone of %d %% of visitors."),
                                eyl_rule_percent (best_eye));
      set_part (&parts[1], "contact_at_eye_level", 20, best_eye, why);
      g_clear_pointer (&why, g_free);
    }

  /* No text, no legibility to judge: a photo page is not illegible.  A
   * missing contact or call to action is scored by its own part. */
  if (n_text == 0)
    set_part (&parts[2], "legible", 20, -1, _("No text on the page."));
  else
    {
      g_autofree char *standard = eyl_rule_standard_name (ctx);
      gboolean         too_small = has_finding (findings, "text-too-small");

      /* Each at the distance it is read from, as text-too-small judges
       * it — not the walk-up view's fixed distances: the sentence says
       * so, lest the two seem to disagree.  Without its finding, the
       * texts that fall short are logotypes or near misses it spares. */
      if (n_legible < n_text && !too_small)
        why = g_strdup_printf (_("%u of %u texts meet the %s standard where they are read; "
                                 "none falls short enough to be too small."),
                                  n_legible, n_text, standard);
      else
        why = g_strdup_printf (_("%u of %u texts meet the %s standard where they are read "
                                 "(titles from the aisle, copy and contacts up close)."),
                                  n_legible, n_text, standard);
      set_part (&parts[2], "legible", 20, too_small ? (double) n_legible / n_text : 1, why);
      g_clear_pointer (&why, g_free);
    }

  if (best_cta < 0 && !asks_cta)
    set_part_not_asked (&parts[3], "call_to_action", 10);
  else if (best_cta < 0)
    set_part (&parts[3], "call_to_action", 10, 0, _("No call to action was found."));
  else if (eyl_rule_percent (best_cta) < 100 && !has_finding (findings, "key-content-hidden"))
    {
      why = g_strdup_printf (_("The call to action is seen by %d %% of visitors: too many to "
                               "call it hidden."),
                                eyl_rule_percent (best_cta));
      set_part (&parts[3], "call_to_action", 10, 1, why);
      g_clear_pointer (&why, g_free);
    }
  else
    {
      why = g_strdup_printf (_("The call to action is seen by %d %% of visitors."),
                                eyl_rule_percent (best_cta));
      set_part (&parts[3], "call_to_action", 10, best_cta, why);
      g_clear_pointer (&why, g_free);
    }

  brand_first = has_finding (findings, "brand-over-customer");
  set_part (&parts[4], "customer_before_brand", 10, brand_first ? 0 : 1,
            brand_first ? _("The brand takes the place of the customer’s information.")
                        : _("The brand does not crowd out the customer’s information."));

  /* "You" language is a quality of copy: a page of names, headings and
   * contacts has none to judge. */
  we_first = has_finding (findings, "we-vs-you");
  if (!we_first && !has_copy)
    set_part (&parts[5], "you_language", 10, -1,
              _("No copy on the page: only names, headings and contact details."));
  else
    set_part (&parts[5], "you_language", 10, we_first ? 0 : 1,
              we_first ? _("The copy says “we” more than “you”.")
                       : _("The copy does not talk about “we” more than “you”."));

  score = add_parts (breakdown_parts, parts, N_PARTS);
  score = eyl_score_cap (breakdown_parts, score, findings);

  if (breakdown != NULL)
    *breakdown = g_steal_pointer (&breakdown_parts);

  return CLAMP (score, 0, 100);
}
