/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-rules"

#include <glib/gi18n.h>
#include <math.h>

#include "eyl-rules-private.h"

/* Measured cap height (not the nominal point size) against the chosen
 * legibility standard at the placement's reading distance (DESIGN.md 5:
 * FAA 1:200, 20 arcmin, 1:300, 1 in per 10 ft, ADA 703.5.5). */
const EylRule eyl_rule_text_too_small = {
  .id = "text-too-small",
  .severity = EYL_SEVERITY_WARNING,
  .title = N_("Text too small to read"),
               .description = N_("The cap height of a contact, headline or call to action "
                    "is below the legibility standard for the reading distance."),
                                  .check = eyl_rule_text_too_small_check,
               };

/* How close to the standard a cap height is "just under" it. */
#define NEAR_SHARE 0.9

/* The farthest distance at which @cap_mm meets the standard (the
 * standards grow with distance: bisection), m. */
static double
legible_from_m (const EylRuleContext *ctx,
                double                cap_mm,
                double                floor_mm)
{
  double lo = 0.0, hi = 100.0;

  for (int i = 0; i < 40; i++)
    {
      double mid = (lo + hi) / 2.0;

      if (eyl_rule_min_cap_mm (ctx, mid, floor_mm) <= cap_mm)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

/* The larger copy of a contact is the one a reader reads. */
static int
larger_copy (const EylRuleContext *ctx,
             const EylElement     *a,
             const EylElement     *b)
{
  (void) ctx;
  return (a->cap_height_mm > b->cap_height_mm) - (a->cap_height_mm < b->cap_height_mm);
}

/* Is @el a line of the copy: set like a block of body text right
 * beside it (cap height within 15 %, overlapping it across, less than
 * two of its own line heights away)?  A checklist's "Register to the
 * mailing list" is read with the copy, and the body finding speaks for
 * it. */
static gboolean
is_line_of_copy (const EylRuleContext *ctx,
                 const EylElement     *el)
{
  double height = el->box.y1 - el->box.y0;

  for (guint i = 0; i < ctx->elements->len; i++)
    {
      const EylElement *body = g_ptr_array_index (ctx->elements, i);
      double            gap;

      if (body->kind != EYL_ELEMENT_BODY || body->cap_height_mm <= 0 ||
          ABS (body->cap_height_mm - el->cap_height_mm) > 0.15 * body->cap_height_mm ||
          body->box.x1 <= el->box.x0 || el->box.x1 <= body->box.x0)
        continue;
      gap = MAX (body->box.y0 - el->box.y1, el->box.y0 - body->box.y1);
      if (gap < 2.0 * height)
        return TRUE;
    }
  return FALSE;
}

/* Body copy: one finding for the page, about its smallest block, a note
 * (those who read copy walk up to it). */
static void
check_body (const EylRuleContext *ctx,
            GPtrArray            *findings)
{
  const EylElement *smallest = NULL;
  g_autoptr(EylFinding) finding = NULL;
  g_autofree char *message = NULL;
  g_autofree char *fix = NULL;
  g_autofree char *standard = eyl_rule_standard_name (ctx);
  double           distance_m, needed;

  for (guint i = 0; i < ctx->elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (ctx->elements, i);

      if (el->kind == EYL_ELEMENT_BODY && el->cap_height_mm > 0 &&
          (smallest == NULL || el->cap_height_mm < smallest->cap_height_mm))
        smallest = el;
    }
  if (smallest == NULL)
    return;

  distance_m = eyl_rule_reading_distance (ctx, smallest);
  needed = eyl_rule_min_cap_mm (ctx, distance_m, smallest->floor_bottom_mm);
  if (round (smallest->cap_height_mm * 10.0) >= round (needed * 10.0))
    return;

  /* TRANSLATORS: "Body text has capitals 2.1 mm high: legible from about
   * 0.4 m; at 1.0 m the 1:200 (FAA) standard asks for 5.0 mm." */
  message = g_strdup_printf (_("Body text has capitals %.1f mm high: legible from about "
                               "%.1f m; at %.1f m the %s standard asks for %.1f mm."),
                                smallest->cap_height_mm,
                                legible_from_m (ctx, smallest->cap_height_mm, smallest->floor_bottom_mm),
                                distance_m, standard, needed);
  fix = g_strdup_printf (_("Set the copy with capitals of %.1f mm or more, or keep it short "
                           "and let the headline carry the message."),
                            needed);
  finding = eyl_rule_finding_new (&eyl_rule_text_too_small, smallest);
  finding->severity = EYL_SEVERITY_INFO;
  eyl_finding_set_text (finding, message, fix);
  eyl_finding_add_measure (finding, "needed_mm", needed);
  eyl_finding_add_measure (finding, "distance_m", distance_m);
  eyl_finding_add_measure (finding, "legibility", ctx->legibility);
  g_ptr_array_add (findings, g_steal_pointer (&finding));
}

void
eyl_rule_text_too_small_check (const EylRuleContext *ctx,
                               GPtrArray            *findings)
{
  g_autofree char *standard = eyl_rule_standard_name (ctx);
  gboolean         cited = FALSE;

  check_body (ctx, findings);

  for (guint i = 0; i < ctx->elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (ctx->elements, i);
      g_autoptr(EylFinding) finding = NULL;
      g_autofree char *name = NULL;
      g_autofree char *message = NULL;
      g_autofree char *fix = NULL;
      double           needed, distance_m;

      /* What is hidden is reported as hidden, not as small as well. */
      /* A brand name is a logotype: judged as the brand, not as copy. */
      if (!eyl_rule_has_text (el) || el->cap_height_mm <= 0 ||
          el->kind == EYL_ELEMENT_BRAND_NAME ||
          (!eyl_rule_piece_is_held (ctx) && eyl_rule_is_hidden (ctx, el)))
        continue;

      distance_m = eyl_rule_reading_distance (ctx, el);
      /* The baseline is the bottom of the element's box. */
      needed = eyl_rule_min_cap_mm (ctx, distance_m, el->floor_bottom_mm);
      /* Compared as printed (0.1 mm), so that a message never says
       * "10.0 mm; the standard asks for 10.0 mm". */
      if (round (el->cap_height_mm * 10.0) >= round (needed * 10.0) ||
          eyl_rule_has_better_copy (ctx, el, larger_copy) ||
          (el->kind == EYL_ELEMENT_CTA && is_line_of_copy (ctx, el)))
        continue;

      name = eyl_rule_element_name (el, TRUE);
      message = g_strdup_printf (_("%s has capitals %.1f mm high; at %.1f m the %s "
                                   "standard asks for at least %.1f mm."),
                                    name, el->cap_height_mm, distance_m, standard, needed);
      /* Where the piece is met from afar, what else reads from there
       * (the walk-up view shows it): said once, with the first text that
       * does not. */
      if (!eyl_rule_piece_is_held (ctx) && !cited && el->cap_height_mm < NEAR_SHARE * needed)
        {
          g_autofree char *cite = eyl_rule_walkup_cite (ctx, distance_m);
          char            *longer = g_strconcat (message, " ", cite, NULL);

          g_free (message);
          message = longer;
          cited = TRUE;
        }
      fix = g_strdup_printf (_("Enlarge it by at least %.0f %% so its capitals are "
                               "%.1f mm high or more."),
                                (needed / el->cap_height_mm - 1.0) * 100.0, needed);

      finding = eyl_rule_finding_new (&eyl_rule_text_too_small, el);
      /* Within a tenth of the standard, the text reads from nearly the
       * whole distance (the standards are guides with a margin of their
       * own): a note, not a warning. */
      if (el->cap_height_mm >= NEAR_SHARE * needed)
        finding->severity = EYL_SEVERITY_INFO;
      eyl_finding_set_text (finding, message, fix);
      eyl_finding_add_measure (finding, "needed_mm", needed);
      eyl_finding_add_measure (finding, "distance_m", distance_m);
      eyl_finding_add_measure (finding, "legibility", ctx->legibility);
      g_ptr_array_add (findings, g_steal_pointer (&finding));
    }
}
