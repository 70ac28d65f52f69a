/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-rules"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "eyl-rules.h"
#include "eyl-stage.h"
#include "eyl-walkup.h"
#include "rules/eyl-rules-private.h"

/* Report order: what hides the customer's way in first, then where it
 * sits, then what is missing, then the copy. */
static const EylRule *all_rules[] = {
  &eyl_rule_contact_hidden,
  &eyl_rule_contact_below_eye_level,
  &eyl_rule_brand_over_customer,
  &eyl_rule_brand_hidden,
  &eyl_rule_key_content_hidden,
  &eyl_rule_text_too_small,
  &eyl_rule_low_contrast,
  &eyl_rule_no_contact,
  &eyl_rule_no_call_to_action,
  &eyl_rule_qr_unreadable,
  &eyl_rule_qr_too_small,
  &eyl_rule_qr_quiet_zone,
  &eyl_rule_safe_zone,
  &eyl_rule_we_vs_you,
  &eyl_rule_placeholder_text,
  &eyl_rule_cvd_low_contrast,
  &eyl_rule_code_leftover,
  &eyl_rule_picture_resolution,
  /* packaging */
  &eyl_rule_barcode_check_digit,
  &eyl_rule_barcode_size,
  &eyl_rule_barcode_red_scanner,
  &eyl_rule_barcode_truncated,
  &eyl_rule_barcode_quiet_zone,
  &eyl_rule_barcode_on_fold,
  &eyl_rule_barcode_placement,
  &eyl_rule_barcode_symbology,
  &eyl_rule_label_x_height,
  &eyl_rule_label_net_quantity,
  &eyl_rule_off_brand_font,
  &eyl_rule_off_brand_colour,
};

static EylRule rule_table[G_N_ELEMENTS (all_rules)];

const EylRule *
eyl_rules_get_all (guint *n_rules)
{
  static gsize initialised = 0;

  /* A flat array is easier for callers than an array of pointers; the
   * descriptors live in their own files, so copy them once. */
  if (g_once_init_enter (&initialised))
    {
      for (guint i = 0; i < G_N_ELEMENTS (all_rules); i++)
        rule_table[i] = *all_rules[i];
      g_once_init_leave (&initialised, 1);
    }

  if (n_rules != NULL)
    *n_rules = G_N_ELEMENTS (all_rules);
  return rule_table;
}

const EylRule *
eyl_rules_lookup (const char *id)
{
  const EylRule *rules;
  guint          n;

  g_return_val_if_fail (id != NULL, NULL);

  rules = eyl_rules_get_all (&n);
  for (guint i = 0; i < n; i++)
    if (g_str_equal (rules[i].id, id))
      return &rules[i];

  return NULL;
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  const EylFinding *fa = *(EylFinding *const *) a;
  const EylFinding *fb = *(EylFinding *const *) b;
  int               order;

  if (fa->severity != fb->severity)
    return fa->severity > fb->severity ? -1 : 1;
  order = eyl_rect_compare_reading (&fa->box, &fb->box);
  return order != 0 ? order : g_strcmp0 (fa->rule, fb->rule);
}

GPtrArray *
eyl_rules_run (const EylRuleContext *ctx)
{
  g_auto(EylStageScope) stage = eyl_stage_scope (EYL_STAGE_RULES);
  g_autoptr(GPtrArray) findings = NULL;
  const EylRule *rules;
  guint          n;

  g_return_val_if_fail (ctx != NULL, NULL);
  g_return_val_if_fail (ctx->placement != NULL, NULL);
  g_return_val_if_fail (ctx->frame != NULL, NULL);
  g_return_val_if_fail (ctx->elements != NULL, NULL);

  findings = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_finding_unref);
  rules = eyl_rules_get_all (&n);
  for (guint i = 0; i < n; i++)
    rules[i].check (ctx, findings);

  g_ptr_array_sort (findings, compare_findings);

  return g_steal_pointer (&findings);
}

/* Shared helpers */

EylFinding *
eyl_rule_finding_new (const EylRule    *rule,
                      const EylElement *element)
{
  EylFinding *finding;

  if (element == NULL)
    return eyl_finding_new (rule->id, rule->severity, NULL, NULL);

  finding = eyl_finding_new (rule->id, rule->severity, element->id, &element->box);
  eyl_finding_add_measure (finding, "floor_bottom_mm", element->floor_bottom_mm);
  eyl_finding_add_measure (finding, "floor_top_mm", element->floor_top_mm);
  eyl_finding_add_measure (finding, "hidden_fraction", element->hidden_fraction);
  eyl_finding_add_measure (finding, "eye_zone_fraction", element->eye_zone_fraction);
  if (element->cap_height_mm > 0)
    eyl_finding_add_measure (finding, "cap_height_mm", element->cap_height_mm);

  return finding;
}

/* Two forms so a sentence can start with the element or mention it. */
/* clang-format off */
static const struct
{
  const char *capital;
  const char *lower;
} element_names[EYL_N_ELEMENT_KINDS] = {
  /* Translators: the capitalised form starts a sentence as its subject
   * ("The website www.x.example is hidden by …"); the lower-case form is
   * the object of a sentence ("At 0.8 m a phone camera sees the QR code
   * (…)"; German: accusative).  %s is the element's text. */
  [EYL_ELEMENT_URL] = { N_("The website %s"), N_("the website %s") },
  [EYL_ELEMENT_EMAIL] = { N_("The email address %s"), N_("the email address %s") },
  [EYL_ELEMENT_PHONE] = { N_("The phone number %s"), N_("the phone number %s") },
  [EYL_ELEMENT_SOCIAL] = { N_("The social media link %s"), N_("the social media link %s") },
  [EYL_ELEMENT_QR] = { N_("The QR code (%s)"), N_("the QR code (%s)") },
  [EYL_ELEMENT_ADDRESS] = { N_("The address “%s”"), N_("the address “%s”") },
  [EYL_ELEMENT_LOGO] = { N_("The logo"), N_("the logo") },
  [EYL_ELEMENT_BRAND_NAME] = { N_("The brand name “%s”"), N_("the brand name “%s”") },
  [EYL_ELEMENT_HEADLINE] = { N_("The headline “%s”"), N_("the headline “%s”") },
  [EYL_ELEMENT_CTA] = { N_("The call to action “%s”"), N_("the call to action “%s”") },
  [EYL_ELEMENT_OTHER_URL] = { N_("The web address %s"), N_("the web address %s") },
  [EYL_ELEMENT_BODY] = { N_("The text “%s”"), N_("the text “%s”") },
  [EYL_ELEMENT_SPONSOR_LOGO] = { N_("The sponsors’ logos"), N_("the sponsors’ logos") },
  [EYL_ELEMENT_REPEAT] = { N_("The repeated marks"), N_("the repeated marks") },
};
/* clang-format on */

#define MAX_QUOTED_CHARS 40

const char *
eyl_rule_copy_text (const EylRuleContext *ctx)
{
  return ctx->text != NULL ? ctx->text : ctx->page != NULL ? ctx->page->text
                                                           : NULL;
}

char *
eyl_rule_excerpt (const char *text,
                  gssize      len)
{
  g_autofree char *copy = g_strndup (text, len >= 0 ? (gsize) len : strlen (text));

  g_strstrip (g_strdelimit (copy, "\n\r\t", ' '));
  if (g_utf8_strlen (copy, -1) > MAX_QUOTED_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (copy, 0, MAX_QUOTED_CHARS - 1);

      return g_strconcat (g_strchomp (cut), "…", NULL);
    }
  return g_steal_pointer (&copy);
}

char *
eyl_rule_element_name (const EylElement *element,
                       gboolean          capital)
{
  g_autofree char *text = NULL;
  const char      *format;

  g_return_val_if_fail (element != NULL, NULL);

  if (element->kind < 0 || element->kind >= EYL_N_ELEMENT_KINDS)
    return g_strdup (capital ? _("An element") : _("an element"));

  format = capital ? element_names[element->kind].capital
                   : element_names[element->kind].lower;
  if (format == NULL)
    return g_strdup (capital ? _("An element") : _("an element"));

  /* Keep a long headline or address short enough for one sentence. */
  text = eyl_rule_excerpt (element->text != NULL ? element->text : "", -1);

  if (strstr (format, "%s") == NULL)
    return g_strdup (_(format));

  /* A QR code that could not be read has no payload to quote. */
  if (element->kind == EYL_ELEMENT_QR && text[0] == '\0')
    return g_strdup (capital ? _("The unreadable QR code") : _("the unreadable QR code"));

  return g_strdup_printf (_(format), text);
}

gboolean
eyl_rule_is_contact (const EylElement *element)
{
  /* A sponsor's, speaker's or credit's contact is kept and shown, but only
   * the brand's own count for the rules. */
  return eyl_element_kind_is_contact (element->kind) && !element->third_party;
}

gboolean
eyl_rule_has_better_copy (const EylRuleContext *ctx,
                          const EylElement     *element,
                          EylRuleCopyBetter     better)
{
  g_autofree char *key = NULL;
  gboolean         earlier = TRUE; /* @other comes before @element */

  if (!eyl_rule_is_contact (element) || (key = eyl_element_text_key (element)) == NULL)
    return FALSE;

  for (guint i = 0; i < ctx->elements->len; i++)
    {
      const EylElement *other = g_ptr_array_index (ctx->elements, i);
      g_autofree char  *other_key = NULL;
      int               cmp;

      if (other == element)
        {
          earlier = FALSE;
          continue;
        }
      if (!eyl_rule_is_contact (other) ||
          (other_key = eyl_element_text_key (other)) == NULL || strcmp (key, other_key) != 0)
        continue;
      cmp = better (ctx, other, element);
      /* Two equal copies: the first one stands for both. */
      if (cmp > 0 || (cmp == 0 && earlier))
        return TRUE;
    }
  return FALSE;
}

gboolean
eyl_rule_is_brand (const EylElement *element)
{
  return (element->kind == EYL_ELEMENT_LOGO && !element->third_party) ||
         element->kind == EYL_ELEMENT_BRAND_NAME;
}

gboolean
eyl_rule_is_key (const EylElement *element)
{
  return eyl_rule_is_contact (element) || eyl_rule_is_brand (element) ||
         element->kind == EYL_ELEMENT_HEADLINE || element->kind == EYL_ELEMENT_CTA;
}

gboolean
eyl_rule_has_text (const EylElement *element)
{
  return (eyl_rule_is_contact (element) && element->kind != EYL_ELEMENT_QR) ||
         element->kind == EYL_ELEMENT_HEADLINE || element->kind == EYL_ELEMENT_CTA ||
         element->kind == EYL_ELEMENT_BRAND_NAME;
}

gboolean
eyl_rule_page_is_blank (const EylRuleContext *ctx)
{
  for (guint i = 0; i < ctx->elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (ctx->elements, i);

      if (eyl_rule_is_key (el) || el->kind == EYL_ELEMENT_BODY || el->kind == EYL_ELEMENT_REPEAT)
        return FALSE;
    }
  return TRUE;
}

const EylElement *
eyl_rule_step_and_repeat (const EylRuleContext *ctx)
{
  for (guint i = 0; i < ctx->elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (ctx->elements, i);

      if (el->kind == EYL_ELEMENT_REPEAT)
        return el;
    }
  return NULL;
}

gboolean
eyl_rule_is_display (const EylRuleContext *ctx)
{
  switch (ctx->placement->kind)
    {
    case EYL_PLACEMENT_ROLLUP:
    case EYL_PLACEMENT_TABLETOP:
    case EYL_PLACEMENT_BACKDROP:
      return TRUE;
    case EYL_PLACEMENT_POSTER:
    case EYL_PLACEMENT_LEAFLET:
    case EYL_PLACEMENT_SHELF:
    case EYL_PLACEMENT_FLAG:
    case EYL_PLACEMENT_STICKER:
    default:
      return FALSE;
    }
}

/* How many legible texts eyl_rule_walkup_cite() names. */
#define WALKUP_CITED 3

char *
eyl_rule_walkup_cite (const EylRuleContext *ctx,
                      double                distance_m)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;
  guint            n_legible = 0;

  for (guint i = 0; i < ctx->elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (ctx->elements, i);
      char             *key;

      if (!eyl_rule_is_key (el) ||
          !eyl_walkup_legible (el, ctx->frame, ctx->placement, ctx->legibility, distance_m))
        continue;
      key = eyl_element_text_key (el);
      if (!g_hash_table_add (seen, key))
        continue;
      if (n_legible++ < WALKUP_CITED)
        g_ptr_array_add (names, eyl_rule_element_name (el, FALSE));
    }

  if (n_legible == 0)
    /* TRANSLATORS: "In the walk-up view from 4.0 m, none of …"; the key
     * texts are the ones found (text the reading missed is not judged). */
    return g_strdup_printf (_("In the walk-up view from %.1f m, none of the key texts found on "
                              "the page can be read."),
                               distance_m);
  g_ptr_array_add (names, NULL);
  /* TRANSLATORS: joins the names of texts in a list */
  list = g_strjoinv (_(", "), (char **) names->pdata);
  if (n_legible > WALKUP_CITED)
    /* TRANSLATORS: "In the walk-up view from 4.0 m, only the headline
     * “…”, the website … and 2 more texts can be read." */
    return g_strdup_printf (_("In the walk-up view from %.1f m, only %s and %u more texts "
                              "can be read."),
                               distance_m, list, n_legible - WALKUP_CITED);
  /* TRANSLATORS: "In the walk-up view from 4.0 m, only the headline “…”
   * can be read." */
  return g_strdup_printf (_("In the walk-up view from %.1f m, only %s can be read."),
                             distance_m, list);
}

/* Wider than this, display material is a stand's wall or header graphic
 * however it is hung (auto placement reads such a size the same way). */
#define STAND_WALL_MIN_W_MM 1500.0

gboolean
eyl_rule_is_stand_graphic (const EylRuleContext *ctx)
{
  EylPlacementKind kind = ctx->placement->kind;

  if (eyl_rule_is_display (ctx) &&
      (kind == EYL_PLACEMENT_TABLETOP || ctx->placement->table_height_mm > 0))
    return TRUE;
  return (kind == EYL_PLACEMENT_POSTER || eyl_rule_is_display (ctx)) && !eyl_rule_piece_is_held (ctx) &&
         ctx->frame != NULL && ctx->frame->material_w_mm >= STAND_WALL_MIN_W_MM;
}

gboolean
eyl_rule_piece_is_held (const EylRuleContext *ctx)
{
  return ctx->placement->held || ctx->placement->hand_distance_m > 0;
}

/* Does a brand name, larger than @element and legible from the aisle,
 * stand in sight on the piece: a title that tells passers-by what the
 * leaflet is, so that the line under it is read by who reaches for it? */
static gboolean
titled_by_brand (const EylRuleContext *ctx,
                 const EylElement     *element)
{
  const EylPlacement *p = ctx->placement;

  for (guint i = 0; i < ctx->elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (ctx->elements, i);

      if (el->kind == EYL_ELEMENT_BRAND_NAME && el->cap_height_mm > element->cap_height_mm &&
          !eyl_rule_is_hidden (ctx, el) &&
          el->cap_height_mm >= eyl_rule_min_cap_mm (ctx, p->distance_m, el->floor_bottom_mm))
        return TRUE;
    }
  return FALSE;
}

/* A contact detail sits in @element's lines. */
static gboolean
carries_contact (const EylRuleContext *ctx,
                 const EylElement     *element)
{
  for (guint i = 0; i < ctx->elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (ctx->elements, i);
      EylRect           common;

      if (el != element && eyl_rule_is_contact (el) &&
          eyl_rect_intersect (&el->box, &element->box, &common))
        return TRUE;
    }
  return FALSE;
}

double
eyl_rule_reading_distance (const EylRuleContext *ctx,
                           const EylElement     *element)
{
  const EylPlacement *p = ctx->placement;
  gboolean            seen_from_aisle = (eyl_rule_is_brand (element) ||
                              element->kind == EYL_ELEMENT_HEADLINE) &&
                             !eyl_rule_is_hidden (ctx, element);

  /* A held piece in a rack: its title catches the aisle.  When that is
   * the brand's name, set large and legible from there, the headline
   * under it is read by who takes the leaflet. */
  if (seen_from_aisle && element->kind == EYL_ELEMENT_HEADLINE && !p->held &&
      p->hand_distance_m > 0 && titled_by_brand (ctx, element))
    seen_from_aisle = FALSE;

  if (element->kind == EYL_ELEMENT_BODY)
    return p->held || p->hand_distance_m > 0
               ? (p->held ? p->distance_m : p->hand_distance_m)
               : MIN (p->distance_m, EYL_RULE_BODY_DISTANCE_M);
  /* A poster on a wall is walked up to: who wants its website or email
   * has stopped in front of it, like the reader of its copy.  At a stand
   * the aisle is where contacts must reach (the table keeps people off). */
  if (p->kind == EYL_PLACEMENT_POSTER && !p->held && p->hand_distance_m <= 0 &&
      eyl_rule_is_contact (element) && element->kind != EYL_ELEMENT_QR)
    return MIN (p->distance_m, EYL_RULE_BODY_DISTANCE_M);
  /* What makes people stop at a poster — its headline, its call to
   * action — is read by them passing, before they step up to its copy.
   * A call to action that gives the way to reach you ("Details at
   * www…") is the next step, read with the contacts by who stepped up. */
  if (p->kind == EYL_PLACEMENT_POSTER && p->passing_distance_m > p->distance_m &&
      (element->kind == EYL_ELEMENT_HEADLINE ||
       (element->kind == EYL_ELEMENT_CTA && !carries_contact (ctx, element))) &&
      !eyl_rule_is_hidden (ctx, element))
    return p->passing_distance_m;
  if (p->held || p->hand_distance_m <= 0 || seen_from_aisle)
    return p->distance_m;
  return p->hand_distance_m;
}

double
eyl_rule_min_cap_mm (const EylRuleContext *ctx,
                     double                distance_m,
                     double                floor_mm)
{
  double acuity = ctx->placement != NULL && ctx->placement->acuity > 0 ? ctx->placement->acuity : 1.0;

  return eyl_legibility_min_cap_mm (ctx->legibility, distance_m, floor_mm) / acuity;
}

char *
eyl_rule_standard_name (const EylRuleContext *ctx)
{
  const char *standard = eyl_rule_legibility_name (ctx->legibility);
  double      acuity = ctx->placement != NULL ? ctx->placement->acuity : 1.0;

  if (!(acuity > 0) || fabs (acuity - 1.0) < 1e-6)
    return g_strdup (standard);
  /* TRANSLATORS: a legibility standard and the viewers' eyesight as a
   * Snellen fraction, used in "at 2.0 m the %s standard asks for …":
   * "1:200 (FAA) (20/40 eyesight)". */
  return g_strdup_printf (_("%s (20/%.0f eyesight)"), standard, 20.0 / acuity);
}

gboolean
eyl_rule_is_hidden (const EylRuleContext *ctx,
                    const EylElement     *element)
{
  return element->hidden_fraction >= ctx->placement->hidden_threshold;
}

void
eyl_rule_median_eye_zone (const EylRuleContext *ctx,
                          double               *low_mm,
                          double               *high_mm)
{
  EylEyeZone zone;

  eyl_eye_zone_for (ctx->placement, ctx->frame, &zone);
  *low_mm = zone.low_mm;
  *high_mm = zone.high_mm;
}

gboolean
eyl_rule_visible_eye_zone (const EylRuleContext *ctx,
                           double               *low_mm,
                           double               *high_mm)
{
  EylEyeZone zone;

  eyl_eye_zone_for (ctx->placement, ctx->frame, &zone);
  *low_mm = zone.piece_low_mm;
  *high_mm = zone.piece_high_mm;
  return zone.piece_low_mm < zone.piece_high_mm;
}

const char *
eyl_rule_occluder_name (const EylRuleContext *ctx,
                        const EylElement     *element)
{
  const EylPlacement *p = ctx->placement;
  const EylPageFrame *frame = ctx->frame;
  double              centre = (element->floor_bottom_mm + element->floor_top_mm) / 2.0;
  double              above = eyl_hidden_above_mm (p, frame);

  if (isfinite (above) && centre > above)
    /* Translators: what hides part of the material, used in "… is hidden
     * by %s for 60 % of visitors" and "the bottom 175 mm that %s hides"
     * (German: accusative, "durch den Tisch"). */
    return _("the top rail");

  if (p->hidden_bottom_mm > 0 &&
      centre < frame->bottom_floor_mm + p->hidden_bottom_mm)
    {
      switch (p->kind)
        {
        case EYL_PLACEMENT_ROLLUP:
        case EYL_PLACEMENT_TABLETOP:
        case EYL_PLACEMENT_BACKDROP:
          return _("the base cassette");
        case EYL_PLACEMENT_SHELF:
          return _("the shelf-edge strip");
        case EYL_PLACEMENT_FLAG:
          return _("the flag’s sleeve");
        case EYL_PLACEMENT_POSTER:
        case EYL_PLACEMENT_LEAFLET:
        case EYL_PLACEMENT_STICKER:
        default:
          return _("the frame");
        }
    }

  if (p->strip_height_mm > 0 &&
      centre < eyl_strip_line_mm (p, frame->bottom_floor_mm, eyl_population_quantile (p, 0.05)))
    return _("the shelf-edge strip");

  if (p->visible_top_fraction > 0 && p->visible_top_fraction < 1.0 &&
      centre < frame->bottom_floor_mm + frame->material_h_mm * (1.0 - p->visible_top_fraction))
    return _("the rack pocket");

  if (p->table_height_mm > 0)
    return _("the table");
  if (p->crowd_height_mm > 0)
    return _("people standing in front");

  return _("what stands in front of it");
}

/* clang-format off */
/* Translators: names of legibility standards, used in "at 2.0 m the %s
 * standard asks for at least 10.0 mm" */
static const char *legibility_names[] = {
  [EYL_LEGIBILITY_1_200] = N_("1:200 (FAA)"),
  [EYL_LEGIBILITY_20_ARCMIN] = N_("20 arcminutes"),
  [EYL_LEGIBILITY_1_300] = N_("1:300"),
  [EYL_LEGIBILITY_INCH_PER_10FT] = N_("1 inch per 10 feet"),
  [EYL_LEGIBILITY_ADA_703_5] = N_("ADA 703.5"),
};
/* clang-format on */

const char *
eyl_rule_legibility_name (EylLegibility standard)
{
  if ((guint) standard >= G_N_ELEMENTS (legibility_names))
    return "?";
  return _(legibility_names[standard]);
}

/* WCAG 2.1 success criterion 1.4.3 (Contrast, minimum): 4.5:1 for text,
 * 3:1 for large text. */
#define MIN_RATIO       4.5
#define MIN_RATIO_LARGE 3.0
/* WCAG calls text "large" at 18 pt, or 14 pt bold, at reading size: about
 * 1.5 × body text (12 pt).  On print seen from a distance the same margin
 * is measured against the legibility minimum for that distance: capitals
 * at least 1.5 × the minimum count as large. */
#define LARGE_FACTOR 1.5

gboolean
eyl_rule_contrast_needed (const EylRuleContext *ctx,
                          const EylElement     *el,
                          double               *needed,
                          gboolean             *large)
{
  *large = FALSE;
  /* Logotypes are exempt (WCAG 2.x, 1.4.3): a brand name is set in the
   * brand's colours on purpose.  What is hidden is reported as hidden. */
  if (!eyl_rule_has_text (el) || !(el->contrast_ratio > 0) ||
      el->kind == EYL_ELEMENT_BRAND_NAME ||
      (!eyl_rule_piece_is_held (ctx) && eyl_rule_is_hidden (ctx, el)))
    return FALSE;

  if (el->cap_height_mm > 0)
    {
      /* Contrast is judged where the text is read: at a poster, by who
       * has stepped up to it, not by who passes. */
      double distance_m = MIN (eyl_rule_reading_distance (ctx, el), ctx->placement->distance_m);
      double min_cap = eyl_rule_min_cap_mm (ctx, distance_m, el->floor_bottom_mm);

      *large = min_cap > 0 && el->cap_height_mm >= LARGE_FACTOR * min_cap;
    }
  *needed = *large ? MIN_RATIO_LARGE : MIN_RATIO;
  return TRUE;
}

char *
eyl_rule_rgb_string (guint32 rgb)
{
  return g_strdup_printf ("#%06x", rgb & 0xffffff);
}

/* The share of @id in the attention's element list, or −1. */
static double
attention_share_of (JsonObject *attention,
                    const char *id)
{
  JsonArray *list = json_object_has_member (attention, "elements")
                        ? json_object_get_array_member (attention, "elements")
                        : NULL;

  for (guint i = 0; list != NULL && id != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *item = json_array_get_object_element (list, i);

      if (item != NULL && g_strcmp0 (json_object_get_string_member_with_default (item, "element", NULL),
                                     id) == 0)
        return json_object_get_double_member_with_default (item, "share", 0);
    }
  return -1;
}

char *
eyl_rule_attention_sentence (const EylRuleContext *ctx,
                             const EylElement     *brand)
{
  const EylElement *contact = NULL;
  g_autofree char  *brand_name = NULL;
  g_autofree char  *contact_name = NULL;
  double            brand_share, contact_share = -1;

  if (ctx->attention == NULL || brand == NULL ||
      (brand_share = attention_share_of (ctx->attention, brand->id)) < 0)
    return NULL;
  for (guint i = 0; i < ctx->elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (ctx->elements, i);
      double            share;

      if (eyl_rule_is_contact (el) && (share = attention_share_of (ctx->attention, el->id)) > contact_share)
        {
          contact = el;
          contact_share = share;
        }
    }
  brand_name = eyl_rule_element_name (brand, FALSE);
  if (contact == NULL)
    /* TRANSLATORS: "Predicted attention (model), from 4.0 m: the logo
     * draws 38 % of it." — a model's prediction, never eye tracking. */
    return g_strdup_printf (_("Predicted attention (model), from %.1f m: %s draws %d %% of it."),
                               ctx->placement->distance_m, brand_name, eyl_rule_percent (brand_share));
  contact_name = eyl_rule_element_name (contact, FALSE);
  /* TRANSLATORS: "Predicted attention (model), from 4.0 m: the logo draws
   * 38 % of it; the website “tea.example” 3 %." */
  return g_strdup_printf (_("Predicted attention (model), from %.1f m: %s draws %d %% of it; "
                            "%s %d %%."),
                             ctx->placement->distance_m, brand_name, eyl_rule_percent (brand_share),
                             contact_name, eyl_rule_percent (contact_share));
}

void
eyl_rule_add_attention_measures (const EylRuleContext *ctx,
                                 EylFinding           *finding)
{
  if (ctx->attention == NULL)
    return;
  eyl_finding_add_measure (finding, "attention_brand_share",
                           json_object_get_double_member_with_default (ctx->attention,
                                                                       "brand_share", 0));
  eyl_finding_add_measure (finding, "attention_customer_share",
                           json_object_get_double_member_with_default (ctx->attention,
                                                                       "customer_share", 0));
  if (json_object_has_member (ctx->attention, "customer_vs_brand") &&
      !json_object_get_null_member (ctx->attention, "customer_vs_brand"))
    eyl_finding_add_measure (finding, "customer_vs_brand",
                             json_object_get_double_member (ctx->attention, "customer_vs_brand"));
}
