/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-rule-barcode.c: the retail barcodes of a pack (EAN / UPC), as
 * measured by eyl-barcode.c: size, height, quiet zones, what a red
 * scanner sees, a fold through the bars, the check digit; where on the
 * net a symbol is, and a pack with no retail symbol at all.  Numbers and
 * sources: README "Packaging". */
#include "config.h"

#define G_LOG_DOMAIN "eyl-rules"

#include <math.h>
#include <glib/gi18n.h>

#include "eyl-rules-private.h"
#include "eyl-packaging.h"

/* The render measures X to about ±1 %, heights and margins to a pixel. */
#define MAGNIFICATION_TOLERANCE 0.02
#define TRUNCATED_SHARE         0.95
#define QUIET_TOLERANCE         0.5
/* ISO/IEC 15416 symbol contrast grades: below 20 % is F (fails), below
 * 40 % is D — under the grade 1.5 (C/D) GS1 asks of EAN/UPC at 670 nm. */
#define CONTRAST_FAIL 0.20
#define CONTRAST_LOW  0.40

const EylRule eyl_rule_barcode_check_digit = {
  .id = "barcode-check-digit",
  .severity = EYL_SEVERITY_ERROR,
  .title = N_("Barcode check digit wrong"),
               .description = N_("The last digit of an EAN / UPC number is not the GS1 check digit of the "
                    "others."),
                                  .check = eyl_rule_barcode_check_digit_check,
               };

const EylRule eyl_rule_barcode_size = {
  .id = "barcode-size",
  .severity = EYL_SEVERITY_ERROR,
  .title = N_("Barcode out of size"),
               /* xgettext:no-c-format */
               .description = N_("An EAN / UPC symbol is printed below 80 % or above 200 % of its nominal "
                    "size (module 0.264–0.660 mm; GS1 General Specifications 5.12.3.1)."),
                                  .check = eyl_rule_barcode_size_check,
               };

const EylRule eyl_rule_barcode_truncated = {
  .id = "barcode-truncated",
  .severity = EYL_SEVERITY_WARNING,
  .title = N_("Barcode truncated"),
               .description = N_("The bars of an EAN / UPC symbol are lower than the symbology's height at "
                    "its magnification (22.85 mm × magnification for EAN-13)."),
                                  .check = eyl_rule_barcode_truncated_check,
               };

const EylRule eyl_rule_barcode_quiet_zone = {
  .id = "barcode-quiet-zone",
  .severity = EYL_SEVERITY_WARNING,
  .title = N_("Barcode quiet zone too small"),
               .description = N_("Less clear space beside an EAN / UPC symbol than it needs (EAN-13: 11 "
                    "modules left, 7 right; UPC-A: 9 each side)."),
                                  .check = eyl_rule_barcode_quiet_zone_check,
               };

const EylRule eyl_rule_barcode_red_scanner = {
  .id = "barcode-red-scanner",
  .severity = EYL_SEVERITY_ERROR,
  .title = N_("Barcode invisible to red scanners"),
               .description = N_("In red light (checkout scanners) the bars and the background of an EAN / "
                    "UPC symbol are too alike: red or light bars, a red background."),
                                  .check = eyl_rule_barcode_red_scanner_check,
               };

const EylRule eyl_rule_barcode_on_fold = {
  .id = "barcode-on-fold",
  .severity = EYL_SEVERITY_WARNING,
  .title = N_("Barcode on a fold"),
               .description = N_("A crease or cut line of the dieline runs through an EAN / UPC symbol."),
                                  .check = eyl_rule_barcode_on_fold_check,
               };

const EylRule eyl_rule_barcode_placement = {
  .id = "barcode-placement",
  .severity = EYL_SEVERITY_WARNING,
  .title = N_("Barcode where it cannot be scanned"),
               .description = N_("A barcode on the glue or closing flap (inside the closed pack) or across "
                    "the fold between two panels of the net."),
                                  .check = eyl_rule_barcode_placement_check,
               };

const EylRule eyl_rule_barcode_symbology = {
  .id = "barcode-symbology",
  .severity = EYL_SEVERITY_INFO,
  .title = N_("No retail barcode"),
               .description = N_("A pack carries a barcode that checkouts do not scan (Code 128) and no "
                    "EAN / UPC symbol."),
                                  .check = eyl_rule_barcode_symbology_check,
               };

/* A symbol this share of whose box lies on a second panel is bent
 * round the fold between them. */
#define ACROSS_FOLD_SHARE 0.1

static EylFinding *
barcode_finding (const EylRule    *rule,
                 EylSeverity       severity,
                 const EylBarcode *b,
                 const char       *message,
                 const char       *fix)
{
  EylFinding *finding = eyl_finding_new (rule->id, severity, NULL, &b->box);

  eyl_finding_set_text (finding, message, fix);
  if (b->measured)
    {
      eyl_finding_add_measure (finding, "module_mm", b->module_mm);
      eyl_finding_add_measure (finding, "magnification", b->magnification);
    }
  return finding;
}

/* Does segment (x0, y0)–(x1, y1) cross the inside of @box? */
static gboolean
segment_crosses (const EylRect *box,
                 double         x0,
                 double         y0,
                 double         x1,
                 double         y1)
{
  /* Clip the segment to the box (Liang–Barsky). */
  double       t0 = 0, t1 = 1, dx = x1 - x0, dy = y1 - y0;
  const double p[4] = { -dx, dx, -dy, dy };
  const double q[4] = { x0 - box->x0, box->x1 - x0, y0 - box->y0, box->y1 - y0 };

  for (int i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      double t = q[i] / p[i];

      if (p[i] < 0)
        t0 = MAX (t0, t);
      else
        t1 = MIN (t1, t);
    }
  return t1 > t0 + 1e-9;
}

static gboolean
check_fold (const EylPackaging *pack,
            const EylBarcode   *b,
            const char         *name,
            GPtrArray          *findings)
{
  EylRect inner = b->box;
  double  inset = MIN (eyl_rect_width (&inner), eyl_rect_height (&inner)) * 0.02;

  if (pack->dieline == NULL)
    return FALSE;
  inner.x0 += inset, inner.y0 += inset, inner.x1 -= inset, inner.y1 -= inset;
  for (guint i = 0; i < pack->dieline->segments->len; i++)
    {
      const EylDielineSegment *s = &g_array_index (pack->dieline->segments,
                                                   EylDielineSegment, i);
      const EylDielineGroup   *g = &g_array_index (pack->dieline->groups, EylDielineGroup,
                                                   s->group);
      g_autofree char         *message = NULL;

      if ((g->kind != EYL_DIELINE_CREASE && g->kind != EYL_DIELINE_CUT &&
           g->kind != EYL_DIELINE_PERFORATION) ||
          !segment_crosses (&inner, s->x0, s->y0, s->x1, s->y1))
        continue;
      /* Translators: %s the barcode ("EAN-13 4006381333931"), %s the line's
       * layer or spot colour name. */
      message = g_strdup_printf (_("A %s line of the dieline (“%s”) runs through the barcode %s: "
                                   "the bars bend round the edge and scanners misread them."),
                                    eyl_dieline_kind_to_string (g->kind), g->name, name);
      g_ptr_array_add (findings, barcode_finding (&eyl_rule_barcode_on_fold,
                                                  eyl_rule_barcode_on_fold.severity, b,
                                                  message,
                                                  _("Move the barcode onto one flat panel, "
                                                    "clear of creases and cuts.")));
      return TRUE;
    }
  return FALSE;
}

/* The share of @box that lies on panel @p. */
static double
share_on_panel (const EylPackaging *pack,
                guint               p,
                const EylRect      *box)
{
  EylRect on;
  double  area = eyl_rect_width (box) * eyl_rect_height (box);

  if (area <= 0 ||
      !eyl_rect_intersect (box, &g_array_index (pack->panels, EylPanel, p).box, &on))
    return 0;
  return eyl_rect_width (&on) * eyl_rect_height (&on) / area;
}

/* Where on the net the symbol is: the glue or closing flap is inside the
 * closed pack; bars bent round a fold between two panels misread (a net
 * guessed from plain strokes has no crease layer for check_fold). */
static void
check_placement (const EylPackaging *pack,
                 const EylBarcode   *b,
                 const char         *name,
                 gboolean            on_fold,
                 GPtrArray          *findings)
{
  int              p;
  const EylPanel  *panel;
  g_autofree char *message = NULL;

  if (pack->panels->len < 2)
    return;
  p = eyl_panels_find (pack->panels, (b->box.x0 + b->box.x1) / 2, (b->box.y0 + b->box.y1) / 2);
  if (p < 0)
    return;
  panel = &g_array_index (pack->panels, EylPanel, p);
  if (panel->glue)
    /* Translators: %s the barcode ("Code 128 12345"), %d the panel's number. */
    message = g_strdup_printf (_("The barcode %s is on the glue or closing flap (panel %d), "
                                 "inside the pack once it is closed: no scanner will see it."),
                                  name, p + 1);
  else if (!on_fold)
    for (guint i = 0; i < pack->panels->len && message == NULL; i++)
      if ((int) i != p && share_on_panel (pack, i, &b->box) >= ACROSS_FOLD_SHARE)
        message = g_strdup_printf (_("The barcode %s runs across the fold between panels %d "
                                     "and %u: the bars bend round the edge and scanners "
                                     "misread them."),
                                      name, p + 1, i + 1);
  if (message == NULL)
    return;
  g_ptr_array_add (findings, barcode_finding (&eyl_rule_barcode_placement,
                                              eyl_rule_barcode_placement.severity, b, message,
                                              _("Put the barcode flat on the back or the base "
                                                "panel, where it is seen when the pack is "
                                                "closed.")));
}

/* One note a page: a pack with symbols but none a checkout reads.  A
 * symbol left over from a template (code-leftover) is not the pack's:
 * that finding says what to print instead. */
static void
check_symbology (const EylRuleContext *ctx,
                 GPtrArray            *findings)
{
  const EylPackaging *pack = ctx->packaging;
  const EylBarcode   *other = NULL;
  g_autofree char    *name = NULL;
  g_autofree char    *message = NULL;

  if (pack->panels->len < 2)
    return;
  for (guint i = 0; i < pack->barcodes->len; i++)
    {
      const EylBarcode *b = g_ptr_array_index (pack->barcodes, i);

      if (eyl_barcode_is_retail (b->symbology))
        return;
      if (other == NULL && !eyl_rule_code_is_leftover (ctx, b->digits, NULL))
        other = b;
    }
  if (other == NULL)
    return;
  name = g_strdup_printf ("%s %s", other->symbology, other->digits);
  /* Translators: %s the barcode ("Code 128 12345"). */
  message = g_strdup_printf (_("The pack carries the barcode %s but no EAN / UPC symbol: "
                               "checkouts scan a product's GTIN as EAN-13 or UPC-A (GS1 General "
                               "Specifications 5.2); Code 128 is read on logistics labels."),
                                name);
  g_ptr_array_add (findings, barcode_finding (&eyl_rule_barcode_symbology,
                                              eyl_rule_barcode_symbology.severity, other,
                                              message,
                                              _("If the pack is sold in shops, print its GTIN "
                                                "as an EAN-13 or UPC-A symbol.")));
}

static void
check_one (const EylPackaging *pack,
           const EylBarcode   *b,
           GPtrArray          *findings)
{
  g_autofree char *name = g_strdup_printf ("%s %s", b->symbology, b->digits);
  double           nominal_h = 0, need_left = 0, need_right = 0;

  if (!b->check_ok)
    {
      g_autofree char *message = g_strdup_printf (_("The check digit of the barcode %s is wrong."),
                                                     name);

      g_ptr_array_add (findings, barcode_finding (&eyl_rule_barcode_check_digit,
                                                  eyl_rule_barcode_check_digit.severity, b,
                                                  message,
                                                  _("Take the number from the GS1 allocation "
                                                    "again and let the layout program compute "
                                                    "the check digit.")));
    }
  check_placement (pack, b, name, check_fold (pack, b, name, findings), findings);
  if (!b->measured || !eyl_barcode_nominal (b->symbology, &nominal_h, &need_left, &need_right))
    return;

  if (b->magnification < EYL_BARCODE_MIN_MAGNIFICATION - MAGNIFICATION_TOLERANCE ||
      b->magnification > EYL_BARCODE_MAX_MAGNIFICATION + MAGNIFICATION_TOLERANCE)
    {
      gboolean small = b->magnification < EYL_BARCODE_MIN_MAGNIFICATION;
      /* Translators: "The barcode EAN-13 … is printed at 70 % (module 0.231 mm); GS1 allows
       * 80–200 % (0.264–0.660 mm)." */
      g_autofree char *message = g_strdup_printf (_("The barcode %s is printed at %.0f %% "
                                                    "(module %.3f mm); GS1 allows 80–200 %% "
                                                    "(0.264–0.660 mm)."),
                                                     name, 100 * b->magnification, b->module_mm);
      /* 100 % with the quiet zones */
      double           full_mm = g_str_equal (b->symbology, "EAN-8")   ? 26.73
                                 : g_str_equal (b->symbology, "UPC-E") ? 22.11
                                                                       : 37.29;
      const char      *scale = small ? _("at least 80 %") : _("at most 200 %");
      g_autofree char *fix = g_strdup_printf (_("Scale the barcode to %s (100 %% is %.2f mm "
                                                "wide with its quiet zones)."),
                                                 scale, full_mm);

      g_ptr_array_add (findings, barcode_finding (&eyl_rule_barcode_size,
                                                  small ? EYL_SEVERITY_ERROR
                                                        : EYL_SEVERITY_WARNING,
                                                  b, message, fix));
    }

  if (b->bar_height_mm < TRUNCATED_SHARE * b->nominal_height_mm)
    {
      g_autofree char *message = g_strdup_printf (_("The bars of the barcode %s are %.1f mm "
                                                    "high, %.0f %% of the %.1f mm its size "
                                                    "asks for: a truncated symbol can only be "
                                                    "read straight across."),
                                                     name, b->bar_height_mm,
                                                     100 * b->bar_height_mm / b->nominal_height_mm,
                                                     b->nominal_height_mm);
      g_autofree char *fix = g_strdup_printf (_("Give the bars their full height of %.1f mm."),
                                                 b->nominal_height_mm);
      EylFinding      *finding = barcode_finding (&eyl_rule_barcode_truncated,
                                                  eyl_rule_barcode_truncated.severity, b, message,
                                                  fix);

      eyl_finding_add_measure (finding, "bar_height_mm", b->bar_height_mm);
      eyl_finding_add_measure (finding, "needed_mm", b->nominal_height_mm);
      g_ptr_array_add (findings, finding);
    }

  if ((!b->quiet_left_at_edge && b->quiet_left_modules < need_left - QUIET_TOLERANCE) ||
      (!b->quiet_right_at_edge && b->quiet_right_modules < need_right - QUIET_TOLERANCE))
    {
      gboolean left = !b->quiet_left_at_edge &&
                      b->quiet_left_modules < need_left - QUIET_TOLERANCE;
      double have = left ? b->quiet_left_modules : b->quiet_right_modules;
      double need = left ? need_left : need_right;
      /* Translators: "The barcode … has 6.0 modules (2.0 mm) of clear space on its left;
       * EAN-13 needs 11 (3.6 mm)." */
      g_autofree char *message = g_strdup_printf (left ? _("The barcode %s has %.1f modules "
                                                           "(%.1f mm) of clear space on its "
                                                           "left; %s needs %.0f (%.1f mm).")
                                                       : _("The barcode %s has %.1f modules "
                                                           "(%.1f mm) of clear space on its "
                                                           "right; %s needs %.0f (%.1f mm)."),
                                                            name, have, have * b->module_mm, b->symbology,
                                                            need, need * b->module_mm);
      g_autofree char *fix = g_strdup_printf (_("Keep %.1f mm left and %.1f mm right of the "
                                                "bars free of text, lines and edges."),
                                                 need_left * b->module_mm,
                                                 need_right * b->module_mm);
      EylFinding      *finding = barcode_finding (&eyl_rule_barcode_quiet_zone,
                                                  eyl_rule_barcode_quiet_zone.severity, b, message,
                                                  fix);

      eyl_finding_add_measure (finding, "quiet_zone_modules", have);
      eyl_finding_add_measure (finding, "needed_modules", need);
      g_ptr_array_add (findings, finding);
    }

  if (b->red_contrast < CONTRAST_LOW)
    {
      gboolean         fails = b->red_contrast < CONTRAST_FAIL;
      g_autofree char *message = g_strdup_printf (_("In a scanner's red light the bars of the "
                                                    "barcode %s (#%06X on #%06X) differ from "
                                                    "their background by %.0f %%; ISO/IEC 15416 "
                                                    "grades under 20 %% as failing and GS1 asks "
                                                    "for 40 %% or more."),
                                                     name, b->bar_color, b->space_color,
                                                     100 * b->red_contrast);
      EylFinding      *finding = barcode_finding (&eyl_rule_barcode_red_scanner,
                                             fails ? EYL_SEVERITY_ERROR : EYL_SEVERITY_WARNING,
                                                  b, message,
                                                  _("Print the bars in black, dark blue or dark "
                                               "green on white or a light, not red, "
                                               "background."));

      eyl_finding_add_measure (finding, "red_light_contrast", b->red_contrast);
      g_ptr_array_add (findings, finding);
    }
}

/* Each descriptor keeps the findings of its own id from one pass over
 * the symbols (a symbol is judged as a whole, its findings say apart). */
static void
check_rule (const EylRule        *rule,
            const EylRuleContext *ctx,
            GPtrArray            *findings)
{
  g_autoptr(GPtrArray) all = NULL;

  if (ctx->packaging == NULL)
    return;
  all = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_finding_unref);
  for (guint i = 0; i < ctx->packaging->barcodes->len; i++)
    check_one (ctx->packaging, g_ptr_array_index (ctx->packaging->barcodes, i), all);
  check_symbology (ctx, all);
  for (guint i = 0; i < all->len; i++)
    {
      EylFinding *finding = g_ptr_array_index (all, i);

      if (g_str_equal (finding->rule, rule->id))
        g_ptr_array_add (findings, eyl_finding_ref (finding));
    }
}

#define BARCODE_CHECK(fn, rule) \
  void fn (const EylRuleContext *ctx, GPtrArray *findings) { check_rule (&rule, ctx, findings); }

BARCODE_CHECK (eyl_rule_barcode_check_digit_check, eyl_rule_barcode_check_digit)
BARCODE_CHECK (eyl_rule_barcode_size_check, eyl_rule_barcode_size)
BARCODE_CHECK (eyl_rule_barcode_truncated_check, eyl_rule_barcode_truncated)
BARCODE_CHECK (eyl_rule_barcode_quiet_zone_check, eyl_rule_barcode_quiet_zone)
BARCODE_CHECK (eyl_rule_barcode_red_scanner_check, eyl_rule_barcode_red_scanner)
BARCODE_CHECK (eyl_rule_barcode_on_fold_check, eyl_rule_barcode_on_fold)
BARCODE_CHECK (eyl_rule_barcode_placement_check, eyl_rule_barcode_placement)
BARCODE_CHECK (eyl_rule_barcode_symbology_check, eyl_rule_barcode_symbology)
