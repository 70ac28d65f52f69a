/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-rules.c: each rule fires on a hand-made situation and stays
 * silent once it is corrected.  Elements are made by hand (no detectors);
 * their geometry comes from the real geometry unit. */
#include "config.h"

#include <string.h>

#include "eyl-analysis.h"
#include "eyl-cvd.h"
#include "eyl-detect-pixels.h"
#include "eyl-rules.h"
#include "rules/eyl-rules-private.h"

#define MATERIAL_W_MM 850.0
#define MATERIAL_H_MM 2000.0

/* A roll-up 850 × 2000 mm made at 1:1 in pt, standing on the floor. */
typedef struct
{
  EylPlacement   placement;
  EylPageFrame   frame;
  GPtrArray     *elements;
  EylPageData   *page;
  EylRuleContext ctx;
} Situation;

static void
situation_init (Situation *s,
                double     table_mm,
                double     distance_m,
                double     hidden_bottom_mm)
{
  EylRect   visible = { 0, 0, MATERIAL_W_MM / EYL_MM_PER_PT, MATERIAL_H_MM / EYL_MM_PER_PT };
  EylSizeMm size = { MATERIAL_W_MM, MATERIAL_H_MM };

  memset (s, 0, sizeof *s);
  s->placement.id = (char *) "test-rollup";
  s->placement.name = (char *) "Test roll-up";
  s->placement.kind = EYL_PLACEMENT_ROLLUP;
  s->placement.sizes = g_array_new (FALSE, FALSE, sizeof (EylSizeMm));
  g_array_append_val (s->placement.sizes, size);
  s->placement.bottom_mm = 0;
  s->placement.hidden_bottom_mm = hidden_bottom_mm;
  s->placement.visible_top_fraction = 1.0;
  s->placement.safe_margin_mm = 25;
  s->placement.table_height_mm = table_mm;
  s->placement.table_gap_mm = 600;
  s->placement.distance_m = distance_m;
  s->placement.scan_distance_m = 0.5;
  s->placement.eye_min_mm = 1405;
  s->placement.eye_max_mm = 1825;
  s->placement.eye_zone_deg = 15;
  s->placement.sight_line_deg = 10;
  s->placement.hidden_threshold = 0.5;
  s->placement.expects_contact = TRUE;
  s->placement.expects_cta = TRUE;

  eyl_page_frame_init (&s->frame, &visible, MATERIAL_W_MM, MATERIAL_H_MM, &s->placement);
  s->elements = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);

  s->ctx.placement = &s->placement;
  s->ctx.frame = &s->frame;
  s->ctx.elements = s->elements;
  s->ctx.legibility = EYL_LEGIBILITY_1_200;
}

static void
situation_clear (Situation *s)
{
  g_clear_pointer (&s->placement.sizes, g_array_unref);
  g_clear_pointer (&s->elements, g_ptr_array_unref);
  g_clear_pointer (&s->page, eyl_page_data_unref);
}

/* An element @x_mm from the left edge, @width_mm wide, spanning
 * @bottom_mm … @top_mm above the floor, with capitals @cap_mm high. */
static EylElement *
situation_add (Situation     *s,
               EylElementKind kind,
               const char    *text,
               double         x_mm,
               double         width_mm,
               double         bottom_mm,
               double         top_mm,
               double         cap_mm)
{
  const EylPageFrame *f = &s->frame;
  EylRect             box;
  EylElement         *el;

  box.x0 = f->visible.x0 + x_mm / f->mm_per_pt_x;
  box.x1 = box.x0 + width_mm / f->mm_per_pt_x;
  box.y0 = f->visible.y1 - (top_mm - f->bottom_floor_mm) / f->mm_per_pt_y;
  box.y1 = f->visible.y1 - (bottom_mm - f->bottom_floor_mm) / f->mm_per_pt_y;

  el = eyl_element_new (kind, EYL_SOURCE_TEXT, text, &box, 0.9);
  el->id = g_strdup_printf ("p0e%u", s->elements->len);
  el->cap_height = cap_mm / f->mm_per_pt_y;
  eyl_analysis_place_element (el, &s->placement, f);
  g_assert_cmpfloat_with_epsilon (el->floor_bottom_mm, bottom_mm, 0.01);
  g_assert_cmpfloat_with_epsilon (el->floor_top_mm, top_mm, 0.01);
  g_assert_cmpfloat_with_epsilon (el->cap_height_mm, cap_mm, 0.01);
  g_ptr_array_add (s->elements, el);

  return el;
}

static GPtrArray *
run_rule (Situation  *s,
          const char *id)
{
  const EylRule *rule = eyl_rules_lookup (id);
  GPtrArray     *findings = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_finding_unref);

  g_assert_nonnull (rule);
  rule->check (&s->ctx, findings);
  for (guint i = 0; i < findings->len; i++)
    {
      EylFinding *f = g_ptr_array_index (findings, i);

      g_test_message ("%s: %s | %s", f->rule, f->message, f->fix);
      g_assert_cmpstr (f->rule, ==, id);
      /* A rule may raise or lower its default by the harm done. */
      g_assert_cmpint (f->severity, >=, EYL_SEVERITY_INFO);
      g_assert_cmpint (f->severity, <=, EYL_SEVERITY_ERROR);
      g_assert_nonnull (f->message);
      g_assert_nonnull (f->fix);
    }
  return findings;
}

/* Runs rule @id and checks that it raises exactly one finding, of
 * @severity. */
static void
expect_one (Situation  *s,
            const char *id,
            EylSeverity severity)
{
  g_autoptr(GPtrArray) findings = run_rule (s, id);

  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpint (((EylFinding *) g_ptr_array_index (findings, 0))->severity, ==, severity);
}

static double
measure (EylFinding *f,
         const char *name)
{
  g_assert_true (json_object_has_member (f->measures, name));
  return json_object_get_double_member (f->measures, name);
}

static void
test_table (void)
{
  static const char *ids[] = {
    "contact-hidden",
    "contact-below-eye-level",
    "brand-over-customer",
    "brand-hidden",
    "key-content-hidden",
    "text-too-small",
    "low-contrast",
    "no-contact",
    "no-call-to-action",
    "qr-unreadable",
    "qr-too-small",
    "qr-quiet-zone",
    "safe-zone",
    "we-vs-you",
    "placeholder-text",
    "cvd-low-contrast",
    "code-leftover",
    "picture-resolution",
    /* packaging */
    "barcode-check-digit",
    "barcode-size",
    "barcode-red-scanner",
    "barcode-truncated",
    "barcode-quiet-zone",
    "barcode-on-fold",
    "barcode-placement",
    "barcode-symbology",
    "label-x-height",
    "label-net-quantity",
    /* the brand kit's fonts and colours */
    "off-brand-font",
    "off-brand-colour",
  };
  const EylRule *rules;
  guint          n = 0;

  rules = eyl_rules_get_all (&n);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < n; i++)
    {
      const EylRule *found = eyl_rules_lookup (ids[i]);

      g_assert_nonnull (found);
      g_assert_cmpstr (found->id, ==, ids[i]);
      g_assert_nonnull (found->title);
      g_assert_nonnull (found->description);
      g_assert_nonnull (found->check);
      g_assert_cmpstr (rules[i].id, ==, ids[i]);
    }
  g_assert_null (eyl_rules_lookup ("no-such-rule"));
  g_assert_cmpint (eyl_rules_lookup ("contact-hidden")->severity, ==, EYL_SEVERITY_ERROR);
  g_assert_cmpint (eyl_rules_lookup ("no-contact")->severity, ==, EYL_SEVERITY_WARNING);
  g_assert_cmpint (eyl_rules_lookup ("we-vs-you")->severity, ==, EYL_SEVERITY_INFO);
}

static void
test_contact_hidden (void)
{
  Situation s;
  g_autoptr(GPtrArray) findings = NULL;
  EylElement *url;
  EylFinding *f;

  /* Behind a 750 mm table whose back edge is 600 mm in front, seen from
   * 2 m: y = T − (E − T)·g / (D − g) is at least 750 − 1075·600/1400 =
   * 289 mm even for the tallest eye (1825 mm), so 100–150 mm is hidden
   * for everyone. */
  situation_init (&s, 750, 2.0, 0);
  url = situation_add (&s, EYL_ELEMENT_URL, "www.northwind-tea.example", 100, 500, 100, 150, 30);
  findings = run_rule (&s, "contact-hidden");
  g_assert_cmpuint (findings->len, ==, 1);
  f = g_ptr_array_index (findings, 0);
  g_assert_cmpint (f->severity, ==, EYL_SEVERITY_ERROR);
  g_assert_cmpstr (f->element_id, ==, url->id);
  g_assert_cmpfloat_with_epsilon (f->box.y0, url->box.y0, 1e-9);
  g_assert_cmpfloat_with_epsilon (measure (f, "hidden_fraction"), 1.0, 1e-3);
  g_assert_cmpfloat_with_epsilon (measure (f, "floor_bottom_mm"), 100, 0.01);
  g_assert_cmpfloat_with_epsilon (measure (f, "floor_top_mm"), 150, 0.01);
  g_assert_true (measure (f, "needed_floor_mm") > 150);
  g_assert_true (measure (f, "needed_floor_mm") < 750);
  g_assert_nonnull (strstr (f->message, "www.northwind-tea.example"));
  g_assert_nonnull (strstr (f->message, "table"));
  g_assert_nonnull (strstr (f->message, "100 %"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* With a hashtag in sight the hidden website is still the error; with
   * an email in sight a hidden hashtag is a warning. */
  situation_add (&s, EYL_ELEMENT_SOCIAL, "#northwindtea", 100, 500, 1500, 1550, 30);
  findings = run_rule (&s, "contact-hidden");
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpint (((EylFinding *) g_ptr_array_index (findings, 0))->severity, ==,
                   EYL_SEVERITY_ERROR);
  g_clear_pointer (&findings, g_ptr_array_unref);
  situation_clear (&s);
  situation_init (&s, 750, 2.0, 0);
  situation_add (&s, EYL_ELEMENT_SOCIAL, "#northwindtea", 100, 500, 100, 150, 30);
  situation_add (&s, EYL_ELEMENT_EMAIL, "tea@northwind-tea.example", 100, 500, 1500, 1550, 30);
  expect_one (&s, "contact-hidden", EYL_SEVERITY_WARNING);
  situation_clear (&s);

  /* Corrected: the same website at eye level. */
  situation_init (&s, 750, 2.0, 0);
  url = situation_add (&s, EYL_ELEMENT_URL, "www.northwind-tea.example", 100, 500, 1500, 1550, 30);
  g_assert_cmpfloat_with_epsilon (url->hidden_fraction, 0.0, 1e-3);
  findings = run_rule (&s, "contact-hidden");
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);
  situation_clear (&s);

  /* other_url (a designer credit) is not a contact. */
  situation_init (&s, 750, 2.0, 0);
  situation_add (&s, EYL_ELEMENT_OTHER_URL, "www.studio.example", 100, 300, 100, 120, 5);
  findings = run_rule (&s, "contact-hidden");
  g_assert_cmpuint (findings->len, ==, 0);
  situation_clear (&s);
}

static void
test_contact_hidden_cassette (void)
{
  Situation s;
  g_autoptr(GPtrArray) findings = NULL;
  EylFinding *f;

  /* No table; the bottom 150 mm of the graphic go into the cassette. */
  situation_init (&s, 0, 2.0, 150);
  situation_add (&s, EYL_ELEMENT_PHONE, "+44 20 7946 0958", 100, 400, 60, 110, 30);
  findings = run_rule (&s, "contact-hidden");
  g_assert_cmpuint (findings->len, ==, 1);
  f = g_ptr_array_index (findings, 0);
  g_assert_nonnull (strstr (f->message, "cassette"));
  g_assert_cmpfloat_with_epsilon (measure (f, "hidden_fraction"), 1.0, 1e-3);
  g_clear_pointer (&findings, g_ptr_array_unref);
  situation_clear (&s);

  situation_init (&s, 0, 2.0, 150);
  situation_add (&s, EYL_ELEMENT_PHONE, "+44 20 7946 0958", 100, 400, 1400, 1450, 30);
  findings = run_rule (&s, "contact-hidden");
  g_assert_cmpuint (findings->len, ==, 0);
  situation_clear (&s);
}

static void
test_contact_below_eye_level (void)
{
  Situation s;
  g_autoptr(GPtrArray) findings = NULL;
  EylElement *low;
  EylFinding *f;

  /* 550–600 mm: above what the table hides for anyone (at most
   * 750 − 655·600/1400 = 469 mm for a 1405 mm eye) but far below
   * every eye-level zone at 2 m. */
  situation_init (&s, 750, 2.0, 0);
  low = situation_add (&s, EYL_ELEMENT_URL, "www.northwind-tea.example", 100, 500, 550, 600, 30);
  /* A hidden contact is contact-hidden's business, not this rule's. */
  situation_add (&s, EYL_ELEMENT_EMAIL, "hello@northwind-tea.example", 100, 500, 100, 150, 30);
  g_assert_cmpfloat (low->hidden_fraction, <, 0.5);
  g_assert_cmpfloat (low->eye_zone_fraction, <, 0.5);
  findings = run_rule (&s, "contact-below-eye-level");
  g_assert_cmpuint (findings->len, ==, 1);
  f = g_ptr_array_index (findings, 0);
  g_assert_cmpstr (f->element_id, ==, low->id);
  g_assert_cmpfloat_with_epsilon (measure (f, "above_zone"), 0, 1e-9);
  g_assert_true (measure (f, "eye_zone_low_mm") > 600);
  g_assert_nonnull (strstr (f->message, "below"));
  g_clear_pointer (&findings, g_ptr_array_unref);
  situation_clear (&s);

  situation_init (&s, 750, 2.0, 0);
  situation_add (&s, EYL_ELEMENT_URL, "www.northwind-tea.example", 100, 500, 1450, 1500, 30);
  findings = run_rule (&s, "contact-below-eye-level");
  g_assert_cmpuint (findings->len, ==, 0);
  situation_clear (&s);
}

static void
test_contact_above_eye_level (void)
{
  Situation s;
  g_autoptr(GPtrArray) findings = NULL;
  EylFinding *f;

  /* Read from 0.5 m, the zone is a few hundred mm around the eyes: a
   * contact at 1900–1950 mm is above it for everyone. */
  situation_init (&s, 0, 0.5, 0);
  situation_add (&s, EYL_ELEMENT_PHONE, "+44 20 7946 0958", 100, 400, 1900, 1950, 30);
  findings = run_rule (&s, "contact-below-eye-level");
  g_assert_cmpuint (findings->len, ==, 1);
  f = g_ptr_array_index (findings, 0);
  g_assert_cmpfloat_with_epsilon (measure (f, "above_zone"), 1, 1e-9);
  g_assert_nonnull (strstr (f->message, "above the eye-level zone"));
  situation_clear (&s);
}

static void
test_brand_over_customer (void)
{
  Situation s;
  g_autoptr(GPtrArray) findings = NULL;
  EylElement *logo;
  EylFinding *f;

  /* The logo at eye level, the contacts behind the table. */
  situation_init (&s, 750, 2.0, 0);
  logo = situation_add (&s, EYL_ELEMENT_LOGO, NULL, 125, 600, 1350, 1650, 0);
  situation_add (&s, EYL_ELEMENT_HEADLINE, "Tea, fresh", 75, 700, 1750, 1900, 100);
  situation_add (&s, EYL_ELEMENT_URL, "www.northwind-tea.example", 100, 500, 100, 150, 30);
  situation_add (&s, EYL_ELEMENT_PHONE, "+44 20 7946 0958", 100, 400, 40, 90, 30);
  findings = run_rule (&s, "brand-over-customer");
  g_assert_cmpuint (findings->len, ==, 1);
  f = g_ptr_array_index (findings, 0);
  g_assert_cmpstr (f->element_id, ==, logo->id);
  g_assert_cmpfloat_with_epsilon (measure (f, "contacts"), 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (measure (f, "contacts_hidden_or_low"), 2, 1e-9);
  g_clear_pointer (&findings, g_ptr_array_unref);
  situation_clear (&s);

  /* Corrected: the website moves into the zone beside the logo. */
  situation_init (&s, 750, 2.0, 0);
  situation_add (&s, EYL_ELEMENT_LOGO, NULL, 125, 600, 1350, 1650, 0);
  situation_add (&s, EYL_ELEMENT_HEADLINE, "Tea, fresh", 75, 700, 1750, 1900, 100);
  situation_add (&s, EYL_ELEMENT_URL, "www.northwind-tea.example", 100, 500, 1250, 1300, 30);
  situation_add (&s, EYL_ELEMENT_PHONE, "+44 20 7946 0958", 100, 400, 40, 90, 30);
  findings = run_rule (&s, "brand-over-customer");
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);
  situation_clear (&s);

  /* A logo seven times the headline's area, contacts in view: a ratio of
   * areas alone is no finding a consultant would sign. */
  situation_init (&s, 750, 2.0, 0);
  situation_add (&s, EYL_ELEMENT_LOGO, NULL, 25, 800, 1000, 1600, 0);
  situation_add (&s, EYL_ELEMENT_HEADLINE, "Tea, fresh", 75, 700, 1750, 1850, 70);
  situation_add (&s, EYL_ELEMENT_URL, "www.northwind-tea.example", 100, 500, 1620, 1660, 30);
  findings = run_rule (&s, "brand-over-customer");
  g_assert_cmpuint (findings->len, ==, 0);
  situation_clear (&s);
}

static void
test_brand_hidden (void)
{
  Situation s;
  g_autoptr(GPtrArray) findings = NULL;
  EylElement *logo;
  EylFinding *f;

  /* The only logo at 300–400 mm behind a 750 mm table with its back edge
   * 600 mm in front, seen from 2 m: hidden for everyone (see
   * test_contact_hidden: the hide line is at least 289 mm — and above
   * 350 mm, the logo's middle, for all but the tallest eyes:
   * 750 − (E − 750)·600/1400 > 350 for E < 1683 mm). */
  situation_init (&s, 750, 2.0, 0);
  logo = situation_add (&s, EYL_ELEMENT_LOGO, "", 100, 400, 300, 400, 0);
  findings = run_rule (&s, "brand-hidden");
  g_assert_cmpuint (findings->len, ==, 1);
  f = g_ptr_array_index (findings, 0);
  g_assert_cmpint (f->severity, ==, EYL_SEVERITY_WARNING);
  g_assert_cmpstr (f->element_id, ==, logo->id);
  g_assert_true (measure (f, "hidden_fraction") >= 0.5);
  g_assert_nonnull (strstr (f->message, "table"));
  g_clear_pointer (&findings, g_ptr_array_unref);
  situation_clear (&s);

  /* A second mark at eye level: the brand is seen. */
  situation_init (&s, 750, 2.0, 0);
  situation_add (&s, EYL_ELEMENT_LOGO, "", 100, 400, 300, 400, 0);
  situation_add (&s, EYL_ELEMENT_BRAND_NAME, "NORTHWIND", 100, 600, 1500, 1600, 60);
  findings = run_rule (&s, "brand-hidden");
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);
  situation_clear (&s);

  /* No brand mark at all on a roll-up: the stand does not say whose it
   * is — one page-level finding. */
  situation_init (&s, 750, 2.0, 0);
  findings = run_rule (&s, "brand-hidden");
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_null (((EylFinding *) g_ptr_array_index (findings, 0))->element_id);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* ... but a poster may belong to an event: nothing to say. */
  s.placement.kind = EYL_PLACEMENT_POSTER;
  findings = run_rule (&s, "brand-hidden");
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);
  situation_clear (&s);
}

/* A headline behind the table is a warning; sponsors' marks there a note. */
static void
test_key_content_hidden (void)
{
  Situation s;
  g_autoptr(GPtrArray) findings = NULL;

  situation_init (&s, 750, 2.0, 0);
  situation_add (&s, EYL_ELEMENT_HEADLINE, "Tea, fresh", 75, 700, 300, 400, 60);
  situation_add (&s, EYL_ELEMENT_SPONSOR_LOGO, NULL, 75, 700, 100, 200, 0);
  situation_add (&s, EYL_ELEMENT_CTA, "Book a tasting", 75, 700, 1500, 1560, 40);
  findings = run_rule (&s, "key-content-hidden");
  g_assert_cmpuint (findings->len, ==, 2);
  g_assert_cmpint (((EylFinding *) g_ptr_array_index (findings, 0))->severity, ==,
                   EYL_SEVERITY_WARNING);
  g_assert_cmpint (((EylFinding *) g_ptr_array_index (findings, 1))->severity, ==,
                   EYL_SEVERITY_INFO);
  g_assert_nonnull (strstr (((EylFinding *) g_ptr_array_index (findings, 1))->message,
                            "sponsors"));
  situation_clear (&s);
}

/* A leaflet's cover in a rack whose pocket shows the top third: the footer
 * is read in the hand, the rack judges what shows. */
static void
test_leaflet_in_rack (void)
{
  Situation s;
  g_autoptr(GPtrArray) findings = NULL;
  EylPlacement *held;

  situation_init (&s, 0, 1.0, 0);
  s.placement.kind = EYL_PLACEMENT_LEAFLET;
  s.placement.visible_top_fraction = 0.333;
  held = eyl_placement_for_piece (&s.placement, MATERIAL_W_MM, MATERIAL_H_MM, 0, FALSE);
  g_assert_cmpfloat (held->hand_distance_m, >, 0);
  g_assert_false (held->held);
  s.placement.hand_distance_m = held->hand_distance_m;
  s.placement.scan_distance_m = held->scan_distance_m;
  g_clear_pointer (&held, eyl_placement_unref);
  eyl_page_frame_init (&s.frame, &s.frame.visible, MATERIAL_W_MM, MATERIAL_H_MM, &s.placement);

  /* Logo alone above the pocket, name and website in it. */
  situation_add (&s, EYL_ELEMENT_LOGO, "", 100, 400, 1700, 1900, 0);
  situation_add (&s, EYL_ELEMENT_BRAND_NAME, "NORTHWIND", 100, 400, 600, 700, 60);
  situation_add (&s, EYL_ELEMENT_URL, "www.northwind-tea.example", 100, 300, 100, 110, 3);

  findings = run_rule (&s, "contact-hidden");
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = run_rule (&s, "contact-below-eye-level");
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);
  /* 3 mm capitals read in the hand at 0.4 m are fine (1:200 asks 2 mm). */
  findings = run_rule (&s, "text-too-small");
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = run_rule (&s, "brand-over-customer");
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_nonnull (strstr (((EylFinding *) g_ptr_array_index (findings, 0))->message, "rack"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* A headline just under the default lip (34 mm on a 2 m sheet) shows
   * in a shallower pocket: rack pockets vary, so this is no finding... */
  situation_add (&s, EYL_ELEMENT_HEADLINE, "Fresh tea, delivered", 100, 600, 1250, 1300, 60);
  findings = run_rule (&s, "brand-over-customer");
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);
  /* ...but one a quarter of the sheet below the lip is in every pocket. */
  g_ptr_array_remove_index (s.elements, s.elements->len - 1);
  situation_add (&s, EYL_ELEMENT_HEADLINE, "Fresh tea, delivered", 100, 600, 800, 850, 60);
  findings = run_rule (&s, "brand-over-customer");
  g_assert_cmpuint (findings->len, ==, 1);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* The name comes up beside the logo: the rack shows whose it is. */
  situation_add (&s, EYL_ELEMENT_HEADLINE, "Fresh tea, delivered", 100, 600, 1500, 1600, 50);
  findings = run_rule (&s, "brand-over-customer");
  g_assert_cmpuint (findings->len, ==, 0);
  situation_clear (&s);
}

/* The scene follows the piece: inner pages in the hand, posters read from
 * a distance that grows with their size, small pieces and packs are not
 * asked for contacts. */
static void
test_piece_scene (void)
{
  g_autoptr(EylPlacement) leaflet = eyl_placement_new ("leaflet", EYL_PLACEMENT_LEAFLET);
  g_autoptr(EylPlacement) poster = eyl_placement_new ("poster", EYL_PLACEMENT_POSTER);
  g_autoptr(EylPlacement) inner = NULL;
  g_autoptr(EylPlacement) a0 = NULL;
  g_autoptr(EylPlacement) a4 = NULL;
  g_autoptr(EylPlacement) a2 = NULL;
  g_autoptr(EylPlacement) sticker = NULL;
  g_autoptr(EylPlacement) given = NULL;
  EylSizeMm a3_size = { 297, 420 };

  leaflet->visible_top_fraction = 0.333;
  leaflet->distance_m = 1.0;
  /* An A4 sheet in landscape is folded in three to go into the rack: its
   * cover is the right third; an A5 flyer in landscape is not folded. */
  {
    g_autoptr(EylPlacement) folded = eyl_placement_for_piece (leaflet, 297, 210, 0, FALSE);
    g_autoptr(EylPlacement) flat = eyl_placement_for_piece (leaflet, 210, 148, 0, FALSE);

    g_assert_cmpfloat_with_epsilon (folded->cover_x0_fraction, 2.0 / 3.0, 1e-9);
    g_assert_cmpfloat (flat->cover_x0_fraction, ==, 0);
  }
  inner = eyl_placement_for_piece (leaflet, 210, 297, 1, FALSE);
  g_assert_true (inner->held);
  g_assert_cmpfloat (inner->visible_top_fraction, ==, 1.0);
  g_assert_cmpfloat (inner->distance_m, <, 0.5);

  poster->distance_m = 2.0;
  poster->scan_distance_m = 0.8;
  g_array_append_val (poster->sizes, a3_size);
  a2 = eyl_placement_for_piece (poster, 420, 594, 0, FALSE);
  a0 = eyl_placement_for_piece (poster, 841, 1189, 0, FALSE);
  a4 = eyl_placement_for_piece (poster, 210, 297, 0, FALSE);
  sticker = eyl_placement_for_piece (poster, 85, 55, 0, FALSE);
  given = eyl_placement_for_piece (poster, 210, 297, 0, TRUE);
  g_assert_cmpfloat_with_epsilon (a0->distance_m, 2.0, 1e-9);
  g_assert_cmpfloat (a4->distance_m, <, 1.0);
  g_assert_cmpfloat (a4->scan_distance_m, <, a0->scan_distance_m);
  g_assert_cmpfloat_with_epsilon (given->distance_m, 2.0, 1e-9);
  /* Passers-by see a poster (A3 and up, the preset says) from its 2 m;
   * a notice or a sticker is read by who stops; a given distance is all. */
  g_assert_cmpfloat (a2->distance_m, <, 2.0);
  g_assert_cmpfloat_with_epsilon (a2->passing_distance_m, 2.0, 1e-9);
  g_assert_cmpfloat (a4->passing_distance_m, ==, 0);
  g_assert_cmpfloat (sticker->passing_distance_m, ==, 0);
  g_assert_cmpfloat (given->passing_distance_m, ==, 0);
  g_assert_true (a4->expects_contact);
  g_assert_false (sticker->expects_contact);
  g_assert_false (sticker->expects_cta);
}

static void
test_text_too_small (void)
{
  Situation s;
  g_autoptr(GPtrArray) findings = NULL;
  EylElement *small;
  EylFinding *f;

  /* FAA 1:200 at 2 m: capitals of at least 2000 / 200 = 10 mm. */
  situation_init (&s, 0, 2.0, 0);
  small = situation_add (&s, EYL_ELEMENT_URL, "www.northwind-tea.example", 100, 300, 1500, 1512, 8);
  situation_add (&s, EYL_ELEMENT_PHONE, "+44 20 7946 0958", 100, 300, 1400, 1415, 12);
  /* A logo has no text to read; body copy is judged once, as a note, from
   * where readers stand (1 m: 1:200 asks for 5 mm; 2 mm reads from 0.4 m). */
  situation_add (&s, EYL_ELEMENT_LOGO, NULL, 100, 300, 1300, 1310, 2);
  situation_add (&s, EYL_ELEMENT_BODY, "small print in a block of copy", 100, 300, 1200, 1203, 2);
  situation_add (&s, EYL_ELEMENT_BODY, "more small print in a second block", 100, 300, 1100, 1104, 3);
  findings = run_rule (&s, "text-too-small");
  g_assert_cmpuint (findings->len, ==, 2);
  f = g_ptr_array_index (findings, 0);
  g_assert_cmpint (f->severity, ==, EYL_SEVERITY_INFO);
  g_assert_cmpfloat_with_epsilon (measure (f, "needed_mm"), 5.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (measure (f, "cap_height_mm"), 2.0, 0.01);
  g_assert_nonnull (strstr (f->message, "0.4 m"));
  f = g_ptr_array_index (findings, 1);
  g_assert_cmpstr (f->element_id, ==, small->id);
  g_assert_cmpfloat_with_epsilon (measure (f, "needed_mm"), 10.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (measure (f, "cap_height_mm"), 8.0, 0.01);
  g_assert_nonnull (strstr (f->message, "1:200"));
  g_assert_nonnull (strstr (f->message, "8.0 mm"));
  g_assert_nonnull (strstr (f->message, "10.0 mm"));
  /* It cites the walk-up view: from 2 m only the 12 mm phone number reads. */
  g_assert_nonnull (strstr (f->message, "walk-up view from 2.0 m, only the phone number"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* The lenient 1:300 standard asks for 6.7 mm: 8 mm passes (the body
   * copy, 3.3 mm asked, still does not). */
  s.ctx.legibility = EYL_LEGIBILITY_1_300;
  expect_one (&s, "text-too-small", EYL_SEVERITY_INFO);
  situation_clear (&s);

  situation_init (&s, 0, 2.0, 0);
  situation_add (&s, EYL_ELEMENT_URL, "www.northwind-tea.example", 100, 300, 1500, 1512, 12);
  findings = run_rule (&s, "text-too-small");
  g_assert_cmpuint (findings->len, ==, 0);
  situation_clear (&s);

  /* One contact once: a small repeat of the website (under the logo) is
   * no problem while a legible copy stands beside it; two equally small
   * copies are one finding. */
  situation_init (&s, 0, 2.0, 0);
  situation_add (&s, EYL_ELEMENT_URL, "WWW.Northwind-Tea.example", 100, 300, 1500, 1505, 4);
  situation_add (&s, EYL_ELEMENT_URL, "https://northwind-tea.example", 100, 300, 1400, 1412, 12);
  findings = run_rule (&s, "text-too-small");
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);
  situation_clear (&s);
  situation_init (&s, 0, 2.0, 0);
  situation_add (&s, EYL_ELEMENT_URL, "northwind-tea.example", 100, 300, 1500, 1505, 4);
  situation_add (&s, EYL_ELEMENT_URL, "northwind-tea.example", 400, 300, 1500, 1505, 4);
  situation_add (&s, EYL_ELEMENT_URL, "another-tea.example", 100, 300, 1400, 1405, 4);
  findings = run_rule (&s, "text-too-small");
  g_assert_cmpuint (findings->len, ==, 2);
  g_clear_pointer (&findings, g_ptr_array_unref);
  situation_clear (&s);

  /* A wall poster is walked up to: its website is read from 1 m (5 mm
   * asked), while its headline must reach the corridor at 2 m. */
  situation_init (&s, 0, 2.0, 0);
  s.placement.kind = EYL_PLACEMENT_POSTER;
  situation_add (&s, EYL_ELEMENT_URL, "www.northwind-tea.example", 100, 300, 1500, 1512, 8);
  small = situation_add (&s, EYL_ELEMENT_HEADLINE, "Tea, fresh", 100, 300, 1600, 1612, 8);
  findings = run_rule (&s, "text-too-small");
  g_assert_cmpuint (findings->len, ==, 1);
  f = g_ptr_array_index (findings, 0);
  g_assert_cmpstr (f->element_id, ==, small->id);
  g_assert_cmpfloat_with_epsilon (measure (f, "distance_m"), 2.0, 1e-6);
  g_clear_pointer (&findings, g_ptr_array_unref);
  /* At a stand the website must reach the aisle. */
  s.placement.kind = EYL_PLACEMENT_ROLLUP;
  findings = run_rule (&s, "text-too-small");
  g_assert_cmpuint (findings->len, ==, 2);
  g_clear_pointer (&findings, g_ptr_array_unref);
  situation_clear (&s);

  /* A call to action set as a line of a checklist, right above the copy
   * and in its size, is read with the copy: the body note speaks for
   * it.  The same words set apart are judged as a call. */
  situation_init (&s, 0, 2.0, 0);
  small = situation_add (&s, EYL_ELEMENT_CTA, "Register to the mailing list", 100, 300, 1506, 1512, 3);
  situation_add (&s, EYL_ELEMENT_BODY, "Read the news. Start a discussion.", 100, 300, 1480, 1504, 3);
  findings = run_rule (&s, "text-too-small");
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpint (((EylFinding *) findings->pdata[0])->severity, ==, EYL_SEVERITY_INFO);
  g_assert_cmpstr (((EylFinding *) findings->pdata[0])->element_id, !=, small->id);
  g_clear_pointer (&findings, g_ptr_array_unref);
  situation_clear (&s);
  situation_init (&s, 0, 2.0, 0);
  small = situation_add (&s, EYL_ELEMENT_CTA, "Register to the mailing list", 100, 300, 1706, 1712, 3);
  situation_add (&s, EYL_ELEMENT_BODY, "Read the news. Start a discussion.", 100, 300, 1480, 1504, 3);
  findings = run_rule (&s, "text-too-small");
  g_assert_cmpuint (findings->len, ==, 2);
  g_assert_cmpstr (((EylFinding *) findings->pdata[1])->element_id, ==, small->id);
  situation_clear (&s);
}

static void
test_no_contact (void)
{
  Situation s;
  g_autoptr(GPtrArray) findings = NULL;
  EylFinding *f;

  /* Nothing readable at all (unfinished, or unreadable artwork): not
   * sure enough for an error. */
  situation_init (&s, 750, 2.0, 0);
  expect_one (&s, "no-contact", EYL_SEVERITY_WARNING);
  situation_clear (&s);

  situation_init (&s, 750, 2.0, 0);
  situation_add (&s, EYL_ELEMENT_HEADLINE, "Tea, fresh", 75, 700, 1750, 1900, 100);
  situation_add (&s, EYL_ELEMENT_OTHER_URL, "www.studio.example", 100, 300, 300, 310, 5);
  findings = run_rule (&s, "no-contact");
  g_assert_cmpuint (findings->len, ==, 1);
  f = g_ptr_array_index (findings, 0);
  /* A roll-up without a way to follow up has failed at its job. */
  g_assert_cmpint (f->severity, ==, EYL_SEVERITY_ERROR);
  g_assert_null (f->element_id);
  g_assert_true (eyl_rect_is_empty (&f->box));
  g_assert_cmpfloat_with_epsilon (measure (f, "other_urls"), 1, 1e-9);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* A free-standing roll-up (no stand table in front: a room sign, a
   * sign by a door) may only name a room: a warning, not an error. */
  s.placement.table_height_mm = 0;
  expect_one (&s, "no-contact", EYL_SEVERITY_WARNING);
  /* A banner on the stand's own table is stand graphics: an error. */
  s.placement.kind = EYL_PLACEMENT_TABLETOP;
  expect_one (&s, "no-contact", EYL_SEVERITY_ERROR);
  s.placement.table_height_mm = 750;

  /* On a poster it is a warning; on a sticker nothing is asked. */
  s.placement.kind = EYL_PLACEMENT_POSTER;
  expect_one (&s, "no-contact", EYL_SEVERITY_WARNING);
  /* Hung on a wall but 2.3 m wide: a stand's backdrop, an error. */
  s.frame.material_w_mm = 2300;
  expect_one (&s, "no-contact", EYL_SEVERITY_ERROR);
  s.frame.material_w_mm = MATERIAL_W_MM;
  s.placement.expects_contact = FALSE;
  findings = run_rule (&s, "no-contact");
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);
  s.placement.expects_contact = TRUE;
  s.placement.kind = EYL_PLACEMENT_ROLLUP;

  /* A QR code alone is a way to reach the brand. */
  situation_add (&s, EYL_ELEMENT_QR, "https://northwind-tea.example", 100, 200, 1300, 1500, 0);
  findings = run_rule (&s, "no-contact");
  g_assert_cmpuint (findings->len, ==, 0);
  situation_clear (&s);
}

/* A step-and-repeat (a photo wall): marks repeated over the wall.  No
 * contact on it is a warning that says why, not a stand's error, and no
 * call to action a note; the brand rules do not judge the marks, nor the
 * logo in the middle. */
static void
test_step_and_repeat (void)
{
  Situation s;
  g_autoptr(GPtrArray) findings = NULL;
  EylFinding *f;

  situation_init (&s, 750, 2.0, 0);
  s.frame.material_w_mm = 3600; /* a stand's wall: an error without the pattern */
  situation_add (&s, EYL_ELEMENT_HEADLINE, "Tea, fresh", 75, 700, 1750, 1900, 100);
  expect_one (&s, "no-contact", EYL_SEVERITY_ERROR);
  expect_one (&s, "no-call-to-action", EYL_SEVERITY_WARNING);
  situation_add (&s, EYL_ELEMENT_REPEAT, NULL, 20, 800, 100, 1950, 0);
  /* there to be photographed: the missing invitation is a note */
  expect_one (&s, "no-call-to-action", EYL_SEVERITY_INFO);
  findings = run_rule (&s, "no-contact");
  g_assert_cmpuint (findings->len, ==, 1);
  f = g_ptr_array_index (findings, 0);
  g_assert_cmpint (f->severity, ==, EYL_SEVERITY_WARNING);
  g_assert_nonnull (strstr (f->message, "step-and-repeat"));
  g_clear_pointer (&findings, g_ptr_array_unref);
  situation_clear (&s);

  /* The logo at eye level, the website behind the table; the only other
   * mark hidden: each a finding, unless the marks repeat over the wall. */
  situation_init (&s, 750, 2.0, 0);
  situation_add (&s, EYL_ELEMENT_LOGO, NULL, 125, 600, 1350, 1650, 0);
  situation_add (&s, EYL_ELEMENT_URL, "www.northwind-tea.example", 100, 500, 100, 150, 30);
  expect_one (&s, "brand-over-customer", EYL_SEVERITY_WARNING);
  situation_add (&s, EYL_ELEMENT_REPEAT, NULL, 20, 800, 100, 1950, 0);
  findings = run_rule (&s, "brand-over-customer");
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);
  situation_clear (&s);

  situation_init (&s, 750, 2.0, 0);
  situation_add (&s, EYL_ELEMENT_LOGO, "", 100, 400, 300, 400, 0);
  expect_one (&s, "brand-hidden", EYL_SEVERITY_WARNING);
  situation_add (&s, EYL_ELEMENT_REPEAT, NULL, 20, 800, 100, 1950, 0);
  findings = run_rule (&s, "brand-hidden");
  g_assert_cmpuint (findings->len, ==, 0);
  situation_clear (&s);
}

static void
test_no_call_to_action (void)
{
  Situation s;
  g_autoptr(GPtrArray) findings = NULL;

  /* A background without a word or a mark on it: nothing to act on. */
  situation_init (&s, 750, 2.0, 0);
  findings = run_rule (&s, "no-call-to-action");
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Without a contact the fix never points at contact details. */
  situation_add (&s, EYL_ELEMENT_HEADLINE, "Tea, fresh", 100, 500, 1700, 1800, 60);
  findings = run_rule (&s, "no-call-to-action");
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_null (strstr (((EylFinding *) g_ptr_array_index (findings, 0))->fix, "contact details"));
  g_clear_pointer (&findings, g_ptr_array_unref);
  situation_add (&s, EYL_ELEMENT_URL, "www.northwind-tea.example", 100, 500, 1500, 1550, 30);
  expect_one (&s, "no-call-to-action", EYL_SEVERITY_WARNING);

  /* A flag draws people in from afar: without a call to action, a note. */
  s.placement.kind = EYL_PLACEMENT_FLAG;
  expect_one (&s, "no-call-to-action", EYL_SEVERITY_INFO);
  /* A poster or a free-standing sign that names a way to reach you has
   * an unspoken next step: a note.  Behind a table, a warning (above). */
  s.placement.kind = EYL_PLACEMENT_POSTER;
  expect_one (&s, "no-call-to-action", EYL_SEVERITY_INFO);
  s.placement.kind = EYL_PLACEMENT_ROLLUP;
  s.placement.table_height_mm = 0;
  expect_one (&s, "no-call-to-action", EYL_SEVERITY_INFO);
  s.placement.table_height_mm = 750;
  situation_clear (&s);
  /* Without any contact, nothing on the poster moves the reader on. */
  situation_init (&s, 0, 2.0, 0);
  s.placement.kind = EYL_PLACEMENT_POSTER;
  situation_add (&s, EYL_ELEMENT_HEADLINE, "Tea, fresh", 100, 500, 1500, 1550, 30);
  expect_one (&s, "no-call-to-action", EYL_SEVERITY_WARNING);
  s.placement.kind = EYL_PLACEMENT_ROLLUP;

  situation_add (&s, EYL_ELEMENT_CTA, "Order your free sample", 100, 600, 1560, 1600, 30);
  findings = run_rule (&s, "no-call-to-action");
  g_assert_cmpuint (findings->len, ==, 0);
  situation_clear (&s);
}

static void
test_safe_zone (void)
{
  Situation s;
  g_autoptr(GPtrArray) findings = NULL;
  EylFinding *f;
  EylElement *el;

  /* 10 mm from the left edge, with a 25 mm safe margin. */
  situation_init (&s, 0, 2.0, 0);
  el = situation_add (&s, EYL_ELEMENT_URL, "www.northwind-tea.example", 10, 500, 1500, 1550, 30);
  findings = run_rule (&s, "safe-zone");
  g_assert_cmpuint (findings->len, ==, 1);
  f = g_ptr_array_index (findings, 0);
  g_assert_cmpstr (f->element_id, ==, el->id);
  g_assert_cmpfloat_with_epsilon (measure (f, "edge_mm"), 10, 0.01);
  g_clear_pointer (&findings, g_ptr_array_unref);
  situation_clear (&s);

  /* Past the trimmed edge: in the bleed. */
  situation_init (&s, 0, 2.0, 0);
  situation_add (&s, EYL_ELEMENT_HEADLINE, "Tea, fresh", -5, 500, 1500, 1600, 70);
  findings = run_rule (&s, "safe-zone");
  g_assert_cmpuint (findings->len, ==, 1);
  f = g_ptr_array_index (findings, 0);
  g_assert_nonnull (strstr (f->message, "bleed"));
  g_assert_cmpfloat_with_epsilon (measure (f, "edge_mm"), -5, 0.01);
  g_clear_pointer (&findings, g_ptr_array_unref);
  situation_clear (&s);

  /* Into the 150 mm cassette leader, and just above it (inside the
   * margin that sits above the leader). */
  situation_init (&s, 0, 2.0, 150);
  situation_add (&s, EYL_ELEMENT_LOGO, NULL, 100, 300, 100, 300, 0);
  situation_add (&s, EYL_ELEMENT_CTA, "Book a tasting", 100, 300, 160, 200, 30);
  findings = run_rule (&s, "safe-zone");
  g_assert_cmpuint (findings->len, ==, 2);
  f = g_ptr_array_index (findings, 0);
  g_assert_nonnull (strstr (f->message, "cassette"));
  g_clear_pointer (&findings, g_ptr_array_unref);
  situation_clear (&s);

  /* 23 mm from the side against a 25 mm margin: a note, not a warning;
   * 24.6 mm is 25 mm as printed: nothing to say. */
  situation_init (&s, 0, 2.0, 0);
  situation_add (&s, EYL_ELEMENT_URL, "www.northwind-tea.example", 23, 300, 1500, 1550, 30);
  expect_one (&s, "safe-zone", EYL_SEVERITY_INFO);
  situation_clear (&s);
  situation_init (&s, 0, 2.0, 0);
  situation_add (&s, EYL_ELEMENT_URL, "www.northwind-tea.example", 24.6, 300, 1500, 1550, 30);
  findings = run_rule (&s, "safe-zone");
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);
  situation_clear (&s);

  /* On a large format the tolerance grows with the margin: 36 mm under
   * the top against 40 mm is a note, 30 mm a warning. */
  situation_init (&s, 0, 2.0, 0);
  s.placement.safe_margin_mm = 40;
  situation_add (&s, EYL_ELEMENT_URL, "www.northwind-tea.example", 300, 300, 1914, 1964, 30);
  expect_one (&s, "safe-zone", EYL_SEVERITY_INFO);
  situation_clear (&s);
  situation_init (&s, 0, 2.0, 0);
  s.placement.safe_margin_mm = 40;
  situation_add (&s, EYL_ELEMENT_URL, "www.northwind-tea.example", 300, 300, 1920, 1970, 30);
  expect_one (&s, "safe-zone", EYL_SEVERITY_WARNING);
  situation_clear (&s);

  /* 30 mm from a roll-up's side: nothing hides it there, a note; on a
   * poster the same margin is a warning, and under the trim's own 10 mm
   * margin it is one on a roll-up too. */
  situation_init (&s, 0, 2.0, 0);
  s.placement.safe_margin_mm = 40;
  el = situation_add (&s, EYL_ELEMENT_URL, "www.northwind-tea.example", 30, 300, 1500, 1550, 30);
  expect_one (&s, "safe-zone", EYL_SEVERITY_INFO);
  s.placement.kind = EYL_PLACEMENT_POSTER;
  expect_one (&s, "safe-zone", EYL_SEVERITY_WARNING);
  situation_clear (&s);
  situation_init (&s, 0, 2.0, 0);
  s.placement.safe_margin_mm = 40;
  situation_add (&s, EYL_ELEMENT_URL, "www.northwind-tea.example", 6, 300, 1500, 1550, 30);
  expect_one (&s, "safe-zone", EYL_SEVERITY_WARNING);
  situation_clear (&s);

  /* Another organisation's mark at the foot: what the cassette hides of
   * it, or a large format's wide margin, is no finding; the brand's own
   * mark in the same place is.  Close to the trim, the cut threatens
   * any mark. */
  for (guint near_trim = 0; near_trim <= 1; near_trim++)
    {
      situation_init (&s, 0, 2.0, 150);
      s.placement.safe_margin_mm = 50;
      el = situation_add (&s, EYL_ELEMENT_LOGO, NULL, near_trim ? 4 : 30, 200,
                          near_trim ? 400 : 100, near_trim ? 480 : 180, 0);
      el->third_party = TRUE;
      findings = run_rule (&s, "safe-zone");
      g_assert_cmpuint (findings->len, ==, near_trim);
      g_clear_pointer (&findings, g_ptr_array_unref);
      el->third_party = FALSE;
      expect_one (&s, "safe-zone", EYL_SEVERITY_WARNING);
      situation_clear (&s);
    }

  /* Corrected: well inside on every side; body text is never key. */
  situation_init (&s, 0, 2.0, 150);
  situation_add (&s, EYL_ELEMENT_URL, "www.northwind-tea.example", 100, 500, 1500, 1550, 30);
  situation_add (&s, EYL_ELEMENT_BODY, "small print", 0, 100, 0, 10, 2);
  findings = run_rule (&s, "safe-zone");
  g_assert_cmpuint (findings->len, ==, 0);
  situation_clear (&s);
}

static void
test_we_vs_you_count (void)
{
  guint we, you;

  eyl_rule_we_vs_you_count ("We brew our tea. We ship it to us, you're welcome.", &we, &you);
  g_assert_cmpuint (we, ==, 4);
  g_assert_cmpuint (you, ==, 1);

  /* "US" in capitals is the country; words inside other words do not count. */
  eyl_rule_we_vs_you_count ("MADE IN THE US. Yours, your tea. Weekly, ours, Youth", &we, &you);
  g_assert_cmpuint (we, ==, 1);
  g_assert_cmpuint (you, ==, 2);

  /* German: formal Sie/Ihr only when capitalised ("sie" is she/they). */
  eyl_rule_we_vs_you_count ("Wir liefern Ihnen unsere Teesorten, sie sind frisch. Ihr Tee!", &we, &you);
  g_assert_cmpuint (we, ==, 2);
  g_assert_cmpuint (you, ==, 2);

  eyl_rule_we_vs_you_count ("", &we, &you);
  g_assert_cmpuint (we + you, ==, 0);
  eyl_rule_we_vs_you_count (NULL, &we, &you);
  g_assert_cmpuint (we + you, ==, 0);
}

static EylPageData *
page_with_text (const char *text)
{
  EylPageDataBuilder *builder = eyl_page_data_builder_new (0, 595, 842);
  EylRect             box = { 50, 100, 545, 120 };

  eyl_page_data_builder_add_text (builder, text, &box, NULL, "DejaVu Sans", 12, 0);
  return eyl_page_data_builder_end (builder);
}

static void
test_we_vs_you (void)
{
  Situation s;
  g_autoptr(GPtrArray) findings = NULL;
  EylFinding *f;

  situation_init (&s, 0, 2.0, 0);
  s.page = page_with_text ("We are Northwind. Our teas are our pride; we ship them for you.");
  s.ctx.page = s.page;
  findings = run_rule (&s, "we-vs-you");
  g_assert_cmpuint (findings->len, ==, 1);
  f = g_ptr_array_index (findings, 0);
  g_assert_cmpint (f->severity, ==, EYL_SEVERITY_INFO);
  g_assert_cmpfloat_with_epsilon (measure (f, "we_count"), 4, 1e-9);
  g_assert_cmpfloat_with_epsilon (measure (f, "you_count"), 1, 1e-9);
  g_clear_pointer (&findings, g_ptr_array_unref);
  situation_clear (&s);

  /* Corrected copy, and too few we-words to matter. */
  situation_init (&s, 0, 2.0, 0);
  s.page = page_with_text ("Your tea, your way: you choose, we ship it to you.");
  s.ctx.page = s.page;
  findings = run_rule (&s, "we-vs-you");
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);
  situation_clear (&s);

  situation_init (&s, 0, 2.0, 0);
  s.page = page_with_text ("We ship. Our tea.");
  s.ctx.page = s.page;
  findings = run_rule (&s, "we-vs-you");
  g_assert_cmpuint (findings->len, ==, 0);
  situation_clear (&s);
}

/* Large type a whisker under 3:1 still reads: a note; well under, or at
 * an ordinary size, a warning. */
static void
test_low_contrast_near (void)
{
  Situation s;
  g_autoptr(GPtrArray) findings = NULL;
  EylElement *headline;

  situation_init (&s, 0, 2, 0);
  /* At 2 m the 1:200 standard asks for 10 mm: 100 mm capitals are large. */
  headline = situation_add (&s, EYL_ELEMENT_HEADLINE, "Tea, fresh", 100, 700, 1500, 1600, 100);
  headline->color = 0xffffff;
  headline->background = 0x4db05b;
  headline->contrast_ratio = 2.8;
  expect_one (&s, "low-contrast", EYL_SEVERITY_INFO);

  headline->contrast_ratio = 2.2;
  expect_one (&s, "low-contrast", EYL_SEVERITY_WARNING);

  /* 12 mm is not large at 2 m: 4.2:1 against 4.5:1 stays a warning. */
  headline->cap_height_mm = 12;
  headline->contrast_ratio = 4.2;
  expect_one (&s, "low-contrast", EYL_SEVERITY_WARNING);

  /* 4.48:1 against 4.5:1 is a nit, and never reads as the 4.5 it fails. */
  headline->contrast_ratio = 4.48;
  findings = run_rule (&s, "low-contrast");
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpint (((EylFinding *) g_ptr_array_index (findings, 0))->severity, ==, EYL_SEVERITY_INFO);
  g_assert_nonnull (strstr (((EylFinding *) g_ptr_array_index (findings, 0))->message, "4.4:1"));
  situation_clear (&s);
}

/* A picture's pixels show when each spans two arc-minutes or more from
 * where people look closest; fills drawn as thin images are smooth. */
static void
test_picture_resolution (void)
{
  Situation s;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GArray) images = g_array_new (FALSE, TRUE, sizeof (EylImageInfo));
  EylImageInfo image = { 0 };
  EylFinding  *f;

  situation_init (&s, 0, 2.0, 0);
  s.ctx.images = images;
  /* 500 mm square: 100 px is 5 mm a pixel, 8.6 arc-minutes at 2 m. */
  image.box = (EylRect) { s.frame.visible.x0, s.frame.visible.y0,
                          s.frame.visible.x0 + 500 / s.frame.mm_per_pt_x,
                          s.frame.visible.y0 + 500 / s.frame.mm_per_pt_y };
  image.width_px = image.height_px = 100;
  g_array_append_val (images, image);
  findings = run_rule (&s, "picture-resolution");
  g_assert_cmpuint (findings->len, ==, 1);
  f = g_ptr_array_index (findings, 0);
  g_assert_cmpint (f->severity, ==, EYL_SEVERITY_WARNING);
  g_assert_cmpfloat_with_epsilon (measure (f, "ppi"), 5.08, 0.01);
  g_assert_cmpfloat_with_epsilon (measure (f, "arcmin_per_pixel"), 8.59, 0.01);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* 1000 px: 0.5 mm, under one arc-minute at 2 m; a 1 × 256 gradient. */
  g_array_index (images, EylImageInfo, 0).width_px = 1000;
  g_array_index (images, EylImageInfo, 0).height_px = 1000;
  image.width_px = 1;
  image.height_px = 256;
  g_array_append_val (images, image);
  findings = run_rule (&s, "picture-resolution");
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* The same 0.5 mm pixels on a leaflet read in the hand at 0.4 m: 4.3
   * arc-minutes. */
  s.placement.hand_distance_m = 0.4;
  findings = run_rule (&s, "picture-resolution");
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (measure (g_ptr_array_index (findings, 0), "distance_m"), 0.4, 1e-9);
  s.ctx.images = NULL;
  situation_clear (&s);
}

/* A wall poster stops people passing at the preset's distance with its
 * headline and call to action; its copy is read once they step up. */
static void
test_poster_passing (void)
{
  Situation s;
  g_autoptr(GPtrArray) findings = NULL;
  EylFinding *f;

  situation_init (&s, 0, 1.0, 0);
  s.placement.kind = EYL_PLACEMENT_POSTER;
  s.placement.passing_distance_m = 2.0;
  /* 6 mm capitals: enough at 1 m (1:200 asks 5 mm), not at 2 m (10 mm). */
  situation_add (&s, EYL_ELEMENT_CTA, "Call for talks", 100, 400, 1500, 1510, 6);
  situation_add (&s, EYL_ELEMENT_URL, "www.northwind-tea.example", 100, 300, 1400, 1410, 6);
  findings = run_rule (&s, "text-too-small");
  g_assert_cmpuint (findings->len, ==, 1);
  f = g_ptr_array_index (findings, 0);
  g_assert_cmpfloat_with_epsilon (measure (f, "needed_mm"), 10.0, 1e-6);
  g_assert_nonnull (strstr (f->message, "2.0 m"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* "Details at www…": the next step, read with the website up close. */
  situation_add (&s, EYL_ELEMENT_CTA, "Details at www.northwind-tea.example", 50, 500, 1398, 1412, 6);
  findings = run_rule (&s, "text-too-small");
  g_assert_cmpuint (findings->len, ==, 1);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Without a passer-by's distance, all of it is read from 1 m. */
  s.placement.passing_distance_m = 0;
  findings = run_rule (&s, "text-too-small");
  g_assert_cmpuint (findings->len, ==, 0);
  situation_clear (&s);
}

/* Red on black: 5.25:1 for normal vision, 3.29:1 for a protanope (worked
 * by hand in test-cvd.c).  Below 4.5:1 for text of ordinary size, above
 * the 3:1 of large text; white on black passes for everyone. */
static void
test_cvd_low_contrast (void)
{
  Situation s;
  g_autoptr(GPtrArray) findings = NULL;
  EylElement *cta;
  EylFinding *f;

  situation_init (&s, 0, 2, 0);
  /* At 2 m the 1:200 standard asks for 10 mm capitals: 12 mm is not large. */
  cta = situation_add (&s, EYL_ELEMENT_CTA, "Book a tasting", 100, 600, 1400, 1420, 12);
  cta->color = 0xff0000;
  cta->background = 0x000000;
  cta->contrast_ratio = 5.25;
  findings = run_rule (&s, "cvd-low-contrast");
  g_assert_cmpuint (findings->len, ==, 1);
  f = g_ptr_array_index (findings, 0);
  g_assert_cmpint (f->severity, ==, EYL_SEVERITY_WARNING);
  g_assert_cmpstr (json_object_get_string_member (f->measures, "deficiency"), ==, "protanopia");
  g_assert_cmpfloat_with_epsilon (measure (f, "protanopia_ratio"), 3.29, 0.05);
  g_assert_cmpfloat (measure (f, "deuteranopia_ratio"), >, 4.5);
  g_assert_cmpfloat (measure (f, "needed_ratio"), ==, 4.5);
  g_assert_nonnull (strstr (f->message, "3.3:1"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* A pair that loses little for a protanope (#a86838 on black: 4.7:1,
   * 4.2:1 for a protanope, a tenth less) fails only because it is near
   * the line for everyone: no colour-vision problem. */
  cta->color = 0xa86838;
  cta->contrast_ratio = eyl_contrast_ratio (0xa86838, 0x000000);
  g_assert_cmpfloat (cta->contrast_ratio, >=, 4.5);
  g_assert_cmpfloat (eyl_contrast_ratio (eyl_cvd_simulate (EYL_CVD_PROTANOPIA, 0xa86838), 0),
                     <, 4.5);
  findings = run_rule (&s, "cvd-low-contrast");
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);
  cta->color = 0xff0000;
  cta->contrast_ratio = 5.25;

  /* Large text: 3:1 is enough, and a protanope has 3.3:1. */
  cta->cap_height_mm = 30;
  findings = run_rule (&s, "cvd-low-contrast");
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Lightness, not hue: white on black reads for everyone. */
  cta->cap_height_mm = 12;
  cta->color = 0xffffff;
  cta->contrast_ratio = 21;
  findings = run_rule (&s, "cvd-low-contrast");
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Failing for everyone is low-contrast's finding, not this one's. */
  cta->color = 0x303030;
  cta->contrast_ratio = eyl_contrast_ratio (0x303030, 0x000000);
  findings = run_rule (&s, "cvd-low-contrast");
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Colours that do not give the contrast measured on the render (the
   * text layer's fill says red, the render has 12.7:1) are not judged:
   * the message would contradict itself. */
  cta->color = 0xff0000;
  cta->contrast_ratio = 12.7;
  findings = run_rule (&s, "cvd-low-contrast");
  g_assert_cmpuint (findings->len, ==, 0);

  situation_clear (&s);
}

static void
test_run_sorted (void)
{
  Situation s;
  g_autoptr(GPtrArray) findings = NULL;
  guint n_errors = 0;

  situation_init (&s, 750, 2.0, 0);
  s.page = page_with_text ("We brew. Our tea. We ship to us.");
  s.ctx.page = s.page;
  situation_add (&s, EYL_ELEMENT_LOGO, NULL, 125, 600, 1350, 1650, 0);
  situation_add (&s, EYL_ELEMENT_PHONE, "+44 20 7946 0958", 300, 400, 40, 90, 30);
  situation_add (&s, EYL_ELEMENT_URL, "www.northwind-tea.example", 100, 500, 100, 150, 8);

  findings = eyl_rules_run (&s.ctx);
  g_assert_cmpuint (findings->len, >=, 4);
  for (guint i = 0; i < findings->len; i++)
    {
      EylFinding *f = g_ptr_array_index (findings, i);

      g_test_message ("%u %s %s y=%.1f", i, eyl_severity_to_string (f->severity), f->rule, f->box.y0);
      if (f->severity == EYL_SEVERITY_ERROR)
        n_errors++;
      if (i == 0)
        continue;

      EylFinding *prev = g_ptr_array_index (findings, i - 1);
      g_assert_cmpint (prev->severity, >=, f->severity);
      if (prev->severity == f->severity)
        g_assert_cmpfloat (prev->box.y0, <=, f->box.y0);
    }
  /* Both contacts hidden; the URL (higher, smaller y) comes first. */
  g_assert_cmpuint (n_errors, ==, 2);
  g_assert_cmpstr (((EylFinding *) g_ptr_array_index (findings, 0))->element_id, ==, "p0e2");
  g_assert_cmpstr (((EylFinding *) g_ptr_array_index (findings, findings->len - 1))->rule,
                   ==, "we-vs-you");
  situation_clear (&s);
}

/* A template printed unfilled: its placeholders, and filler copy — the
 * lorem ipsum cut and the scrambled pseudo-Latin of layout programs — but
 * not footnotes, a Latin motto or copy in the languages read. */
static void
test_placeholder_text (void)
{
  const char *filler[] = {
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.",
    "Um quibus explic tent rendandic te andigendae quibus ius adi odit, imin nam elignis cone "
    "vendaeped ut harum aut inctorecum faccatiam, qui consecum nectat.",
  };
  const char *copy[] = {
    "Fresh tea every day. Visit our shop in the old town and taste the new blends with us.",
    "Ut prosim. The university serves the state since 1872, in research and in teaching.",
    "Le thé est servi et les clients qui entrent sont invités à goûter, dolor et nulla esse.",
    "Wir laden Sie ein: Tee und Kuchen im Laden, jeden Tag ab neun Uhr, auch am Sonntag.",
    NULL,
  };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (filler); i++)
    {
      g_autofree char *found = eyl_rule_placeholder_find_filler (filler[i]);

      g_assert_nonnull (found);
    }
  for (guint i = 0; i < G_N_ELEMENTS (copy); i++)
    {
      g_autofree char *found = eyl_rule_placeholder_find_filler (copy[i]);

      g_assert_null (found);
    }

  {
    g_autofree char *list = eyl_rule_placeholder_find_template ("Write to [E-MAIL] or call {{phone}}", &n);

    g_assert_cmpuint (n, ==, 2);
    g_assert_nonnull (strstr (list, "[E-MAIL]"));
    g_assert_nonnull (strstr (list, "{{phone}}"));
  }
  {
    g_autofree char *list = eyl_rule_placeholder_find_template ("See [1] and [sic] or [PDF]", &n);

    g_assert_null (list);
    g_assert_cmpuint (n, ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eyl/rules/table", test_table);
  g_test_add_func ("/eyl/rules/contact-hidden", test_contact_hidden);
  g_test_add_func ("/eyl/rules/contact-hidden-cassette", test_contact_hidden_cassette);
  g_test_add_func ("/eyl/rules/contact-below-eye-level", test_contact_below_eye_level);
  g_test_add_func ("/eyl/rules/contact-above-eye-level", test_contact_above_eye_level);
  g_test_add_func ("/eyl/rules/brand-over-customer", test_brand_over_customer);
  g_test_add_func ("/eyl/rules/poster-passing", test_poster_passing);
  g_test_add_func ("/eyl/rules/picture-resolution", test_picture_resolution);
  g_test_add_func ("/eyl/rules/brand-hidden", test_brand_hidden);
  g_test_add_func ("/eyl/rules/key-content-hidden", test_key_content_hidden);
  g_test_add_func ("/eyl/rules/leaflet-in-rack", test_leaflet_in_rack);
  g_test_add_func ("/eyl/rules/piece-scene", test_piece_scene);
  g_test_add_func ("/eyl/rules/text-too-small", test_text_too_small);
  g_test_add_func ("/eyl/rules/no-contact", test_no_contact);
  g_test_add_func ("/eyl/rules/step-and-repeat", test_step_and_repeat);
  g_test_add_func ("/eyl/rules/no-call-to-action", test_no_call_to_action);
  g_test_add_func ("/eyl/rules/safe-zone", test_safe_zone);
  g_test_add_func ("/eyl/rules/placeholder-text", test_placeholder_text);
  g_test_add_func ("/eyl/rules/we-vs-you-count", test_we_vs_you_count);
  g_test_add_func ("/eyl/rules/we-vs-you", test_we_vs_you);
  g_test_add_func ("/eyl/rules/run-sorted", test_run_sorted);
  g_test_add_func ("/eyl/rules/cvd-low-contrast", test_cvd_low_contrast);
  g_test_add_func ("/eyl/rules/low-contrast-near", test_low_contrast_near);

  return g_test_run ();
}
