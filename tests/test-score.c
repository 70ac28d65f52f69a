/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-score.c: customer_focus and its breakdown. */
#include "config.h"

#include <string.h>

#include "eyl-analysis.h"
#include "eyl-rules.h"

#define MATERIAL_W_MM 850.0
#define MATERIAL_H_MM 2000.0

typedef struct
{
  EylPlacement   placement;
  EylPageFrame   frame;
  GPtrArray     *elements;
  EylRuleContext ctx;
} Page;

/* A roll-up 850 × 2000 mm at 1:1 behind a 750 mm table, read from 2 m. */
static void
page_init (Page *p)
{
  EylRect visible = { 0, 0, MATERIAL_W_MM / EYL_MM_PER_PT, MATERIAL_H_MM / EYL_MM_PER_PT };

  memset (p, 0, sizeof *p);
  p->placement.id = (char *) "test-rollup";
  p->placement.kind = EYL_PLACEMENT_ROLLUP;
  p->placement.expects_contact = TRUE;
  p->placement.expects_cta = TRUE;
  p->placement.visible_top_fraction = 1.0;
  p->placement.safe_margin_mm = 25;
  p->placement.table_height_mm = 750;
  p->placement.table_gap_mm = 600;
  p->placement.distance_m = 2.0;
  p->placement.eye_min_mm = 1405;
  p->placement.eye_max_mm = 1825;
  p->placement.eye_zone_deg = 15;
  p->placement.sight_line_deg = 10;
  p->placement.hidden_threshold = 0.5;

  eyl_page_frame_init (&p->frame, &visible, MATERIAL_W_MM, MATERIAL_H_MM, &p->placement);
  p->elements = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
  p->ctx.placement = &p->placement;
  p->ctx.frame = &p->frame;
  p->ctx.elements = p->elements;
  p->ctx.legibility = EYL_LEGIBILITY_1_200;
}

/* An element @x0_mm … @x1_mm from the left edge, @bottom_mm … @top_mm
 * above the floor, with capitals @cap_mm high. */
static EylElement *
page_add_at (Page          *p,
             EylElementKind kind,
             const char    *text,
             double         x0_mm,
             double         x1_mm,
             double         bottom_mm,
             double         top_mm,
             double         cap_mm)
{
  const EylPageFrame *f = &p->frame;
  EylRect             box;
  EylElement         *el;

  box.x0 = f->visible.x0 + x0_mm / f->mm_per_pt_x;
  box.x1 = f->visible.x0 + x1_mm / f->mm_per_pt_x;
  box.y0 = f->visible.y1 - (top_mm - f->bottom_floor_mm) / f->mm_per_pt_y;
  box.y1 = f->visible.y1 - (bottom_mm - f->bottom_floor_mm) / f->mm_per_pt_y;
  el = eyl_element_new (kind, EYL_SOURCE_TEXT, text, &box, 0.9);
  el->id = g_strdup_printf ("p0e%u", p->elements->len);
  el->cap_height = cap_mm / f->mm_per_pt_y;
  eyl_analysis_place_element (el, &p->placement, f);
  g_ptr_array_add (p->elements, el);
  return el;
}

static void
page_add (Page          *p,
          EylElementKind kind,
          const char    *text,
          double         bottom_mm,
          double         top_mm,
          double         cap_mm)
{
  page_add_at (p, kind, text, 100, 700, bottom_mm, top_mm, cap_mm);
}

static void
page_clear (Page *p)
{
  g_clear_pointer (&p->elements, g_ptr_array_unref);
}

/* The breakdown's points must add up to the score, each within 0…max. */
static void
check_breakdown (JsonObject *breakdown,
                 int         score)
{
  g_autoptr(GList) names = json_object_get_members (breakdown);
  gint64 sum = 0, sum_max = 0;

  g_assert_cmpuint (g_list_length (names), ==, 6);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *part = json_object_get_object_member (breakdown, l->data);
      gint64      points = json_object_get_int_member (part, "points");
      gint64      max = json_object_get_int_member (part, "max");

      g_test_message ("%s: %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT " %s", (char *) l->data,
                      points, max, json_object_get_string_member (part, "why"));
      g_assert_cmpint (points, >=, 0);
      g_assert_cmpint (points, <=, max);
      g_assert_nonnull (json_object_get_string_member (part, "why"));
      sum += points;
      sum_max += max;
    }
  g_assert_cmpint (sum, ==, score);
  g_assert_cmpint (sum_max, ==, 100);
}

/* With the error cap: the parts, the cap's negative points among them,
 * still add up to the score. */
static void
check_breakdown_capped (JsonObject *breakdown,
                        int         score)
{
  g_autoptr(GList) names = json_object_get_members (breakdown);
  gint64 sum = 0;

  g_assert_true (json_object_has_member (breakdown, "error_cap"));
  for (GList *l = names; l != NULL; l = l->next)
    sum += json_object_get_int_member (json_object_get_object_member (breakdown, l->data), "points");
  g_assert_cmpint (sum, ==, score);
}

static int
score_page (Page        *p,
            JsonObject **breakdown)
{
  g_autoptr(GPtrArray) findings = eyl_rules_run (&p->ctx);
  int score = eyl_score_customer_focus (&p->ctx, findings, breakdown);

  for (guint i = 0; i < findings->len; i++)
    g_test_message ("finding %s", ((EylFinding *) g_ptr_array_index (findings, i))->rule);
  check_breakdown (*breakdown, score);
  return score;
}

static gint64
part_points (JsonObject *breakdown,
             const char *name)
{
  g_assert_true (json_object_has_member (breakdown, name));
  return json_object_get_int_member (json_object_get_object_member (breakdown, name), "points");
}

static void
fill (Page  *p,
      double contacts_bottom_mm)
{
  page_add (p, EYL_ELEMENT_HEADLINE, "Fresh tea for your office", 1750, 1900, 100);
  page_add (p, EYL_ELEMENT_LOGO, NULL, 1650, 1720, 0);
  page_add (p, EYL_ELEMENT_CTA, "Order your free tasting box", 1000, 1040, 30);
  /* a line of copy, for "you" language to judge */
  page_add (p, EYL_ELEMENT_BODY, "Your team picks the teas, you get them every month", 1100, 1140, 30);
  page_add (p, EYL_ELEMENT_URL, "www.northwind-tea.example", contacts_bottom_mm,
            contacts_bottom_mm + 40, 30);
  page_add (p, EYL_ELEMENT_PHONE, "+44 20 7946 0958", contacts_bottom_mm - 60,
            contacts_bottom_mm - 20, 30);
}

static void
test_visible_beats_hidden (void)
{
  Page good, bad;
  g_autoptr(JsonObject) good_parts = NULL;
  g_autoptr(JsonObject) bad_parts = NULL;
  int good_score, bad_score;

  page_init (&good);
  fill (&good, 1450);
  good_score = score_page (&good, &good_parts);

  /* The same page with the contacts 100–190 mm above the floor, behind
   * the table for everyone. */
  page_init (&bad);
  fill (&bad, 150);
  bad_score = score_page (&bad, &bad_parts);

  g_test_message ("good %d, bad %d", good_score, bad_score);
  g_assert_cmpint (good_score, >, bad_score);
  g_assert_cmpint (part_points (bad_parts, "contact_visible"), ==, 0);
  g_assert_cmpint (part_points (good_parts, "contact_visible"), ==, 30);
  g_assert_cmpint (part_points (good_parts, "contact_at_eye_level"), >,
                   part_points (bad_parts, "contact_at_eye_level"));
  g_assert_cmpint (part_points (good_parts, "call_to_action"), ==, 10);
  g_assert_cmpint (part_points (good_parts, "legible"), ==, 20);

  page_clear (&good);
  page_clear (&bad);
}

static void
test_empty_page (void)
{
  Page p;
  g_autoptr(JsonObject) parts = NULL;
  int score;

  page_init (&p);
  score = score_page (&p, &parts);
  g_assert_cmpint (part_points (parts, "contact_visible"), ==, 0);
  g_assert_cmpint (part_points (parts, "contact_at_eye_level"), ==, 0);
  g_assert_cmpint (part_points (parts, "call_to_action"), ==, 0);
  g_assert_cmpint (score, <, 50);
  page_clear (&p);
}

/* A sticker carrying only a logo: what the placement does not ask of it
 * (contact details, a call to action) is left out as "not asked", as a
 * part with nothing to judge is, and its score is not a failing one
 * while its findings say nothing. */
static void
test_sticker_not_asked (void)
{
  static const char *not_asked[] = { "contact_visible", "contact_at_eye_level", "call_to_action" };
  Page               p;
  g_autoptr(JsonObject) parts = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_lines = 0;
  int   score;

  page_init (&p);
  p.placement.kind = EYL_PLACEMENT_STICKER;
  p.placement.expects_contact = FALSE;
  p.placement.expects_cta = FALSE;
  page_add (&p, EYL_ELEMENT_LOGO, NULL, 1650, 1720, 0);
  score = score_page (&p, &parts);
  for (guint i = 0; i < G_N_ELEMENTS (not_asked); i++)
    {
      JsonObject *part = json_object_get_object_member (parts, not_asked[i]);

      g_assert_false (json_object_get_boolean_member_with_default (part, "asked", TRUE));
      g_assert_false (json_object_get_boolean_member_with_default (part, "judged", TRUE));
      g_assert_cmpint (json_object_get_int_member (part, "max"), ==, 0);
    }
  g_assert_cmpint (score, ==, 100);
  lines = eyl_score_breakdown_lines (parts);
  for (guint i = 0; lines[i] != NULL; i++)
    n_lines += strstr (lines[i], "not asked") != NULL;
  g_assert_cmpuint (n_lines, ==, G_N_ELEMENTS (not_asked));
  page_clear (&p);
}

/* A part loses points only where a finding says why: a contact in the
 * eye-level zone of most visitors (not all) has no contact-below-eye-level
 * finding and costs nothing; one below it for most has one and costs. */
static void
test_no_loss_without_finding (void)
{
  static const double shares[] = { 0.6, 0.3 };

  for (guint i = 0; i < G_N_ELEMENTS (shares); i++)
    {
      Page p;
      g_autoptr(JsonObject) parts = NULL;
      g_autoptr(GPtrArray) findings = NULL;
      gboolean below = FALSE;

      page_init (&p);
      fill (&p, 1450);
      for (guint e = 0; e < p.elements->len; e++)
        {
          EylElement *el = g_ptr_array_index (p.elements, e);

          if (el->kind == EYL_ELEMENT_URL || el->kind == EYL_ELEMENT_PHONE)
            el->eye_zone_fraction = shares[i];
        }
      findings = eyl_rules_run (&p.ctx);
      for (guint f = 0; f < findings->len; f++)
        below |= g_str_equal (((EylFinding *) g_ptr_array_index (findings, f))->rule,
                              "contact-below-eye-level");
      int score = eyl_score_customer_focus (&p.ctx, findings, &parts);

      check_breakdown (parts, score);
      g_test_message ("eye-level share %.1f: %s", shares[i], below ? "finding" : "no finding");
      g_assert_true (below == (shares[i] < 0.5));
      if (below)
        g_assert_cmpint (part_points (parts, "contact_at_eye_level"), <, 20);
      else
        g_assert_cmpint (part_points (parts, "contact_at_eye_level"), ==, 20);
      page_clear (&p);
    }
}

/* A piece seen whole within the eye-level zone from where it is read (a
 * 55 × 85 mm window sticker) is not judged for eye level, as
 * contact-below-eye-level does not judge it: the part is left out, not
 * lost, however low on it the contact is. */
static void
test_small_piece_eye_level (void)
{
  Page    p;
  EylRect visible = { 0, 0, 55 / EYL_MM_PER_PT, 85 / EYL_MM_PER_PT };
  g_autoptr(JsonObject) parts = NULL;
  JsonObject *eye;
  int         score;

  page_init (&p);
  p.placement.kind = EYL_PLACEMENT_POSTER;
  p.placement.table_height_mm = 0;
  p.placement.table_gap_mm = 0;
  p.placement.centre_mm = 1100;
  p.placement.expects_cta = FALSE;
  eyl_page_frame_init (&p.frame, &visible, 55, 85, &p.placement);
  page_add_at (&p, EYL_ELEMENT_HEADLINE, "Free Wi-Fi here", 5, 50,
               p.frame.bottom_floor_mm + 60, p.frame.bottom_floor_mm + 80, 14);
  page_add_at (&p, EYL_ELEMENT_URL, "wifi.example.org", 5, 50,
               p.frame.bottom_floor_mm + 3, p.frame.bottom_floor_mm + 10, 14);
  score = score_page (&p, &parts);
  eye = json_object_get_object_member (parts, "contact_at_eye_level");
  g_assert_false (json_object_get_boolean_member_with_default (eye, "judged", TRUE));
  g_assert_true (json_object_get_boolean_member_with_default (eye, "asked", TRUE));
  g_assert_cmpint (score, ==, 100);
  page_clear (&p);
}

static void
test_small_text_costs (void)
{
  Page big, small;
  g_autoptr(JsonObject) big_parts = NULL;
  g_autoptr(JsonObject) small_parts = NULL;

  /* At 2 m, 1:200 asks for 10 mm capitals: 6 mm fails, 30 mm passes. */
  page_init (&big);
  page_add (&big, EYL_ELEMENT_URL, "www.northwind-tea.example", 1450, 1490, 30);
  page_add (&big, EYL_ELEMENT_PHONE, "+44 20 7946 0958", 1390, 1430, 30);
  page_init (&small);
  page_add (&small, EYL_ELEMENT_URL, "www.northwind-tea.example", 1450, 1490, 30);
  page_add (&small, EYL_ELEMENT_PHONE, "+44 20 7946 0958", 1390, 1430, 6);

  g_assert_cmpint (score_page (&big, &big_parts), >, score_page (&small, &small_parts));
  /* Contacts alone are no copy: "you" language is not judged, and the
   * other parts share its weight. */
  g_assert_false (json_object_get_boolean_member_with_default (
      json_object_get_object_member (big_parts, "you_language"), "judged", TRUE));
  g_assert_cmpint (part_points (big_parts, "legible"), ==,
                   json_object_get_int_member (json_object_get_object_member (big_parts, "legible"), "max"));
  g_assert_cmpint (part_points (big_parts, "legible"), >, 20);
  g_assert_cmpint (2 * part_points (small_parts, "legible"), ==, part_points (big_parts, "legible"));
  page_clear (&big);
  page_clear (&small);
}

static JsonObject *
part (JsonObject *breakdown,
      const char *name)
{
  g_assert_true (json_object_has_member (breakdown, name));
  return json_object_get_object_member (breakdown, name);
}

/* A photo with the contact as a QR code beside it: nothing on the page is
 * text.  Legibility has nothing to judge and is left out of the score,
 * not failed; only the missing call to action costs. */
static void
test_text_free_not_illegible (void)
{
  Page p;
  g_autoptr(JsonObject) parts = NULL;
  JsonObject *legible;
  int         score;

  page_init (&p);
  page_add (&p, EYL_ELEMENT_LOGO, NULL, 1000, 1400, 0);
  page_add (&p, EYL_ELEMENT_QR, "https://northwind-tea.example/order", 1500, 1800, 0);
  ((EylElement *) g_ptr_array_index (p.elements, 1))->decoded = TRUE;
  score = score_page (&p, &parts);

  legible = part (parts, "legible");
  g_assert_false (json_object_get_boolean_member_with_default (legible, "judged", TRUE));
  g_assert_cmpint (json_object_get_int_member (legible, "max"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (legible, "points"), ==, 0);
  g_assert_false (json_object_has_member (parts, "error_cap"));
  g_assert_cmpint (part_points (parts, "call_to_action"), ==, 0);
  /* The parts that apply share the 100 points (check_breakdown), so
   * legibility takes none: what the page loses, the other parts say. */
  g_assert_cmpint (score, >, 100 - json_object_get_int_member (part (parts, "call_to_action"), "max") - json_object_get_int_member (part (parts, "contact_at_eye_level"), "max"));

  {
    g_auto(GStrv) lines = eyl_score_breakdown_lines (parts);
    gboolean said = FALSE;

    for (guint i = 0; lines[i] != NULL; i++)
      said |= strstr (lines[i], "not judged") != NULL;
    g_assert_true (said);
  }
  page_clear (&p);
}

/* A 297 × 99 mm sheet folded in three for a rack: the cover is the right
 * panel, the others are folded in. */
#define LEAFLET_W_MM 297.0
#define LEAFLET_H_MM 99.0

/* A line of 3 mm capitals @x0_mm from the left edge, @y0_mm from the top
 * of the leaflet. */
static void
leaflet_add (Page          *p,
             EylElementKind kind,
             const char    *text,
             double         x0_mm,
             double         y0_mm)
{
  double      top_mm = p->frame.bottom_floor_mm + LEAFLET_H_MM - y0_mm;
  EylElement *el = page_add_at (p, kind, text, x0_mm, x0_mm + 80, top_mm - 6, top_mm, 3);

  /* As the analysis leaves a folded-in panel: the rack shows none of it. */
  if ((el->box.x0 + el->box.x1) / 2.0 <
      p->frame.visible.x0 + p->placement.cover_x0_fraction * (p->frame.visible.x1 - p->frame.visible.x0))
    {
      el->hidden_fraction = 1.0;
      el->eye_zone_fraction = 0.0;
    }
}

/* A leaflet is taken from the rack and read in the hand: a call to action
 * in an inside panel is seen by its readers just as the contacts beside
 * it are. */
static void
test_held_leaflet_inside_cta (void)
{
  Page    p;
  EylRect visible = { 0, 0, LEAFLET_W_MM / EYL_MM_PER_PT, LEAFLET_H_MM / EYL_MM_PER_PT };
  g_autoptr(JsonObject) parts = NULL;

  page_init (&p);
  p.placement.id = (char *) "test-leaflet";
  p.placement.kind = EYL_PLACEMENT_LEAFLET;
  p.placement.table_height_mm = 0;
  p.placement.table_gap_mm = 0;
  p.placement.distance_m = 1.0;
  p.placement.hand_distance_m = 0.4;
  p.placement.visible_top_fraction = 0.333;
  p.placement.cover_x0_fraction = 2.0 / 3.0;
  eyl_page_frame_init (&p.frame, &visible, LEAFLET_W_MM, LEAFLET_H_MM, &p.placement);

  leaflet_add (&p, EYL_ELEMENT_HEADLINE, "Free Wi-Fi for your street", 205, 10);
  leaflet_add (&p, EYL_ELEMENT_CTA, "Join us on Tuesday evenings", 10, 60);
  leaflet_add (&p, EYL_ELEMENT_URL, "www.example.org", 10, 75);
  g_assert_cmpfloat (((EylElement *) g_ptr_array_index (p.elements, 1))->hidden_fraction, ==, 1.0);
  score_page (&p, &parts);

  g_assert_cmpint (part_points (parts, "contact_visible"), ==,
                   json_object_get_int_member (part (parts, "contact_visible"), "max"));
  g_assert_cmpint (part_points (parts, "call_to_action"), ==,
                   json_object_get_int_member (part (parts, "call_to_action"), "max"));
  page_clear (&p);
}

/* Findings change after a page is scored (the piece's rules drop some):
 * the total follows the findings the page keeps, the cap with them. */
static void
test_total_follows_findings (void)
{
  Page p;
  g_autoptr(JsonObject) parts = NULL;
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_finding_unref);
  EylRect none = { 0 };
  int     score;

  page_init (&p);
  fill (&p, 1450);
  score = eyl_score_customer_focus (&p.ctx, findings, &parts);
  g_assert_cmpint (score, >, EYL_SCORE_ERROR_CAP);

  g_ptr_array_add (findings, eyl_finding_new ("contact-hidden", EYL_SEVERITY_ERROR, NULL, &none));
  g_assert_cmpint (eyl_score_total (parts, findings), ==, EYL_SCORE_ERROR_CAP);
  check_breakdown_capped (parts, EYL_SCORE_ERROR_CAP);

  g_ptr_array_set_size (findings, 0);
  g_assert_cmpint (eyl_score_total (parts, findings), ==, score);
  g_assert_false (json_object_has_member (parts, "error_cap"));
  page_clear (&p);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eyl/score/visible-beats-hidden", test_visible_beats_hidden);
  g_test_add_func ("/eyl/score/empty-page", test_empty_page);
  g_test_add_func ("/eyl/score/sticker-not-asked", test_sticker_not_asked);
  g_test_add_func ("/eyl/score/no-loss-without-finding", test_no_loss_without_finding);
  g_test_add_func ("/eyl/score/small-piece-eye-level", test_small_piece_eye_level);
  g_test_add_func ("/eyl/score/small-text-costs", test_small_text_costs);
  g_test_add_func ("/eyl/score/text-free-not-illegible", test_text_free_not_illegible);
  g_test_add_func ("/eyl/score/held-leaflet-inside-cta", test_held_leaflet_inside_cta);
  g_test_add_func ("/eyl/score/total-follows-findings", test_total_follows_findings);

  return g_test_run ();
}
