/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-dieline.c: pack sheets generated with Cairo and libqpdf (a tuck
 * end box, a sleeve, a label; the dieline as ISO 19593-1 layers and as
 * spot colours): the dieline read back with its lengths, the panels of
 * the net, the front panel, the barcode rules on a full check; the
 * corpus' box sheets. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <json-glib/json-glib.h>
#include "eyl-poppler-private.h"

#include "eyl-dieline.h"
#include "eyl-label-rules.h"
#include "eyl-element.h"
#include "eyl-error.h"
#include "eyl-fixtures.h"
#include "eyl-pack-fixtures.h"
#include "eyl-packaging.h"
#include "eyl-panels.h"
#include "eyl-rules.h"
#include "eyl-batch.h"
#include "eyl-worker.h"

#define PT_PER_MM (72.0 / 25.4)
#define MM_PER_PT (25.4 / 72.0)

static const EylDielineGroup *
find_group (const EylDieline *d,
            const char       *name)
{
  for (guint i = 0; i < d->groups->len; i++)
    if (g_str_equal (g_array_index (d->groups, EylDielineGroup, i).name, name))
      return &g_array_index (d->groups, EylDielineGroup, i);
  return NULL;
}

static EylDieline *
read_sheet (EylPackNet     net,
            EylPackDieline dieline)
{
  EylPackSpec      spec = { net, dieline, EYL_PACK_BARCODE_NONE, FALSE };
  g_autofree char *path = eyl_pack_make_sheet (&spec);
  g_autoptr(GError) error = NULL;
  EylDieline *d = eyl_dieline_read (path, NULL, 0, FALSE, &error);

  g_assert_no_error (error);
  return d;
}

static void
test_names (void)
{
  EylDielineKind kind = EYL_DIELINE_OTHER;

  g_assert_true (eyl_dieline_kind_for_name ("CutContour", &kind));
  g_assert_cmpint (kind, ==, EYL_DIELINE_CUT);
  g_assert_true (eyl_dieline_kind_for_name ("Cut Contour 2", &kind));
  g_assert_cmpint (kind, ==, EYL_DIELINE_CUT);
  g_assert_true (eyl_dieline_kind_for_name ("STANZE", &kind));
  g_assert_cmpint (kind, ==, EYL_DIELINE_CUT);
  g_assert_true (eyl_dieline_kind_for_name ("die-line", &kind));
  g_assert_cmpint (kind, ==, EYL_DIELINE_CUT);
  g_assert_true (eyl_dieline_kind_for_name ("rill", &kind));
  g_assert_cmpint (kind, ==, EYL_DIELINE_CREASE);
  g_assert_true (eyl_dieline_kind_for_name ("Nut", &kind));
  g_assert_cmpint (kind, ==, EYL_DIELINE_CREASE);
  g_assert_true (eyl_dieline_kind_for_name ("Perf", &kind));
  g_assert_cmpint (kind, ==, EYL_DIELINE_PERFORATION);
  /* Not a whole name: a word that starts like one is artwork. */
  g_assert_false (eyl_dieline_kind_for_name ("Nutrition", NULL));
  g_assert_false (eyl_dieline_kind_for_name ("PANTONE 186 C", NULL));
  g_assert_false (eyl_dieline_kind_for_name ("Cutter", NULL));
}

static void
test_iso_layers (void)
{
  g_autoptr(EylDieline) d = read_sheet (EYL_PACK_TUCK_END, EYL_PACK_DIELINE_ISO);
  const EylDielineGroup *cut, *crease;

  g_assert_nonnull (d);
  g_assert_cmpuint (d->groups->len, ==, 2);
  cut = find_group (d, "Cutting");
  crease = find_group (d, "Creasing");
  g_assert_nonnull (cut);
  g_assert_nonnull (crease);
  g_assert_true (cut->iso_layer && cut->layer);
  g_assert_cmpint (cut->kind, ==, EYL_DIELINE_CUT);
  g_assert_cmpint (crease->kind, ==, EYL_DIELINE_CREASE);
  g_assert_cmpfloat_with_epsilon (cut->length_pt * MM_PER_PT,
                                  eyl_pack_cut_length_mm (EYL_PACK_TUCK_END), 0.5);
  g_assert_cmpfloat_with_epsilon (crease->length_pt * MM_PER_PT,
                                  eyl_pack_crease_length_mm (EYL_PACK_TUCK_END), 0.5);
  g_assert_cmpfloat_with_epsilon (eyl_dieline_length (d, EYL_DIELINE_CUT), cut->length_pt, 1e-6);

  /* Page space: top-left origin, y down: the glue flap's outer edge. */
  {
    gboolean found = FALSE;

    for (guint i = 0; i < d->segments->len && !found; i++)
      {
        const EylDielineSegment *s = &g_array_index (d->segments, EylDielineSegment, i);

        found = fabs (s->x0 - 20 * PT_PER_MM) < 0.1 && fabs (s->x1 - 20 * PT_PER_MM) < 0.1 &&
                fabs (MIN (s->y0, s->y1) - 66 * PT_PER_MM) < 0.1;
      }
    g_assert_true (found);
  }
}

static void
test_spot_colours (void)
{
  g_autoptr(EylDieline) d = read_sheet (EYL_PACK_SLEEVE, EYL_PACK_DIELINE_SPOT);
  const EylDielineGroup *cut, *crease;

  g_assert_nonnull (d);
  cut = find_group (d, "CutContour");
  crease = find_group (d, "Rill");
  g_assert_nonnull (cut);
  g_assert_nonnull (crease);
  g_assert_false (cut->layer);
  g_assert_cmpint (cut->kind, ==, EYL_DIELINE_CUT);
  g_assert_cmpint (crease->kind, ==, EYL_DIELINE_CREASE);
  /* The filled CutContour square is not part of the dieline. */
  g_assert_cmpfloat_with_epsilon (cut->length_pt * MM_PER_PT,
                                  eyl_pack_cut_length_mm (EYL_PACK_SLEEVE), 0.5);
  g_assert_cmpfloat_with_epsilon (crease->length_pt * MM_PER_PT,
                                  eyl_pack_crease_length_mm (EYL_PACK_SLEEVE), 0.5);
}

static void
test_no_dieline (void)
{
  g_autoptr(EylDieline) d = read_sheet (EYL_PACK_TUCK_END, EYL_PACK_DIELINE_NONE);

  /* Black lines are artwork as far as the file says. */
  g_assert_null (d);
}

static gboolean
near (double a,
      double b_mm)
{
  return fabs (a - b_mm * PT_PER_MM) < 1.0 * PT_PER_MM;
}

static int
panel_at (GArray *panels,
          double  x_mm,
          double  y_mm)
{
  return eyl_panels_find (panels, x_mm * PT_PER_MM, y_mm * PT_PER_MM);
}

static void
test_panels_tuck_end (void)
{
  g_autoptr(EylDieline) d = read_sheet (EYL_PACK_TUCK_END, EYL_PACK_DIELINE_ISO);
  g_autoptr(GArray) panels = eyl_panels_from_dieline (d, MM_PER_PT);
  const EylPanel *front, *glue;
  guint           n_faces = 0;

  /* 4 faces, glue flap, 2 tucks, 2 end panels, 4 dust flaps. */
  g_assert_cmpuint (panels->len, ==, 13);
  for (guint i = 0; i < panels->len; i++)
    n_faces += !g_array_index (panels, EylPanel, i).flap;
  g_assert_cmpuint (n_faces, ==, 4);

  g_assert_cmpint (panel_at (panels, 92, 120), >=, 0);
  front = &g_array_index (panels, EylPanel, panel_at (panels, 92, 120));
  g_assert_true (near (front->box.x0, 62) && near (front->box.x1, 122));
  g_assert_true (near (front->box.y0, 60) && near (front->box.y1, 180));
  g_assert_cmpfloat_with_epsilon (front->width_mm, 60, 1.0);
  g_assert_cmpfloat_with_epsilon (front->height_mm, 120, 1.0);
  g_assert_false (front->flap);

  glue = &g_array_index (panels, EylPanel, panel_at (panels, 26, 120));
  g_assert_true (glue->glue);
  g_assert_true (glue->flap);
  g_assert_false (g_array_index (panels, EylPanel, panel_at (panels, 92, 45)).glue);
  g_assert_true (g_array_index (panels, EylPanel, panel_at (panels, 92, 45)).flap);
}

static void
test_panels_sleeve_and_label (void)
{
  g_autoptr(EylDieline) sleeve = read_sheet (EYL_PACK_SLEEVE, EYL_PACK_DIELINE_SPOT);
  g_autoptr(EylDieline) label = read_sheet (EYL_PACK_LABEL, EYL_PACK_DIELINE_ISO);
  g_autoptr(GArray) sp = eyl_panels_from_dieline (sleeve, MM_PER_PT);
  g_autoptr(GArray) lp = eyl_panels_from_dieline (label, MM_PER_PT);

  g_assert_cmpuint (sp->len, ==, 5);
  g_assert_true (g_array_index (sp, EylPanel, 0).glue);
  for (guint i = 1; i < sp->len; i++)
    g_assert_false (g_array_index (sp, EylPanel, i).flap);
  g_assert_cmpuint (lp->len, ==, 1);
}

/* A dieline of straight cut lines, in mm. */
static EylDieline *
cut_lines (const double (*lines)[4],
           guint n)
{
  EylDieline     *d = g_new0 (EylDieline, 1);
  EylDielineGroup group = { g_strdup ("Cut"), FALSE, TRUE, FALSE, EYL_DIELINE_CUT, 0 };

  d->groups = g_array_new (FALSE, FALSE, sizeof (EylDielineGroup));
  d->segments = g_array_new (FALSE, FALSE, sizeof (EylDielineSegment));
  d->page_width = d->page_height = 200 * PT_PER_MM;
  g_array_append_val (d->groups, group);
  for (guint i = 0; i < n; i++)
    {
      EylDielineSegment s = { lines[i][0] * PT_PER_MM, lines[i][1] * PT_PER_MM,
                              lines[i][2] * PT_PER_MM, lines[i][3] * PT_PER_MM, 0 };

      g_array_append_val (d->segments, s);
    }
  return d;
}

/* An area whose parts only meet rows below where they start (a comb:
 * three slots open at the bottom into one bar) is one panel, its area
 * and box those of the whole comb; the panel under it is another. */
static void
test_panels_comb (void)
{
  static const double lines[][4] = {
    { 0, 0, 120, 0 },
    { 120, 0, 120, 140 },
    { 120, 140, 0, 140 },
    { 0, 140, 0, 0 },
    { 0, 100, 120, 100 },
    { 40, 0, 40, 60 },
    { 80, 0, 80, 60 },
  };
  g_autoptr(EylDieline) d = cut_lines (lines, G_N_ELEMENTS (lines));
  g_autoptr(GArray) panels = eyl_panels_from_dieline (d, MM_PER_PT);
  const EylPanel *comb, *bottom;

  g_assert_cmpuint (panels->len, ==, 2);
  g_test_message ("comb %g mm2, bottom %g mm2", g_array_index (panels, EylPanel, 0).area_mm2,
                  g_array_index (panels, EylPanel, 1).area_mm2);
  comb = &g_array_index (panels, EylPanel, 0);
  bottom = &g_array_index (panels, EylPanel, 1);
  /* The lines take about 1.5 mm (3 half-millimetre cells, on the grid):
   * 118.5 × 98.5 less two slots' 1.5 × 59.25, within 1 %. */
  g_assert_cmpfloat_with_epsilon (comb->area_mm2, 118.5 * 98.5 - 2 * 1.5 * 59.25, 120);
  g_assert_true (near (comb->box.x0, 0) && near (comb->box.x1, 120));
  g_assert_true (near (comb->box.y0, 0) && near (comb->box.y1, 100));
  g_assert_cmpfloat_with_epsilon (bottom->area_mm2, 118.5 * 38.5, 90);
  g_assert_true (near (bottom->box.y0, 100) && near (bottom->box.y1, 140));
  g_assert_false (comb->flap);
  g_assert_false (bottom->flap);
  g_assert_cmpint (panel_at (panels, 20, 30), ==, 0);
  g_assert_cmpint (panel_at (panels, 100, 30), ==, 0);
  g_assert_cmpint (panel_at (panels, 60, 120), ==, 1);
}

static EylElement *
text_element (EylElementKind kind,
              const char    *text,
              double         x_mm,
              double         y_mm,
              double         cap_mm)
{
  EylRect     box = { x_mm * PT_PER_MM, (y_mm - cap_mm) * PT_PER_MM,
                      (x_mm + 30) * PT_PER_MM, y_mm * PT_PER_MM };
  EylElement *el = eyl_element_new (kind, EYL_SOURCE_TEXT, text, &box, 1.0);

  el->cap_height = cap_mm * PT_PER_MM;
  return el;
}

static void
test_front_panel (void)
{
  EylPackSpec      spec = { EYL_PACK_TUCK_END, EYL_PACK_DIELINE_ISO, EYL_PACK_BARCODE_NONE, FALSE };
  g_autofree char *path = eyl_pack_make_sheet (&spec);
  g_autoptr(EylPageData) page = eyl_page_data_builder_end (
      eyl_page_data_builder_new (0, 240 * PT_PER_MM, 250 * PT_PER_MM));
  g_autoptr(GPtrArray) elements = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
  g_autoptr(EylPackaging) pack = NULL;
  g_autoptr(EylPackaging) chosen = NULL;
  g_autoptr(EylElement) on_back = NULL;
  g_autoptr(EylElement) on_glue = NULL;
  EylRect box;

  g_ptr_array_add (elements, text_element (EYL_ELEMENT_BRAND_NAME, "NORTHWIND", 66, 95, 5.2));
  g_ptr_array_add (elements, text_element (EYL_ELEMENT_HEADLINE, "Green Tea", 66, 125, 6.7));
  g_ptr_array_add (elements, text_element (EYL_ELEMENT_BRAND_NAME, "NORTHWIND", 156, 72, 2.3));
  g_ptr_array_add (elements, text_element (EYL_ELEMENT_HEADLINE, "Green Tea", 156, 80, 2.0));

  pack = eyl_packaging_read (page, NULL, NULL, MM_PER_PT, path, NULL, elements, 0, FALSE);
  g_assert_nonnull (pack->dieline);
  g_assert_true (eyl_packaging_front_box (pack, &box));
  g_assert_true (near (box.x0, 62) && near (box.x1, 122));
  g_assert_nonnull (strstr (pack->front_reason, "NORTHWIND"));
  g_assert_nonnull (strstr (pack->front_reason, "Green Tea"));

  on_back = text_element (EYL_ELEMENT_BODY, "Ingredients", 156, 90, 1.5);
  on_glue = text_element (EYL_ELEMENT_BODY, "GLUE", 21, 120, 1.2);
  on_glue->box.x1 = 29 * PT_PER_MM;
  g_assert_true (eyl_packaging_off_front (pack, on_back));
  g_assert_false (eyl_packaging_off_front (pack, g_ptr_array_index (elements, 0)));
  g_assert_true (eyl_packaging_is_artwork (pack, on_back));
  g_assert_false (eyl_packaging_is_artwork (pack, on_glue));

  /* The user's choice wins: the back face. */
  chosen = eyl_packaging_read (page, NULL, NULL, MM_PER_PT, path, NULL, elements,
                               panel_at (pack->panels, 182, 120) + 1, FALSE);
  g_assert_true (eyl_packaging_front_box (chosen, &box));
  g_assert_true (near (box.x0, 152) && near (box.x1, 212));
}

/* A box that repeats its name on the back: a paragraph set large there is
 * no product name, and names too small for a face do not mark it. */
static void
test_front_panel_names (void)
{
  EylPackSpec      spec = { EYL_PACK_TUCK_END, EYL_PACK_DIELINE_ISO, EYL_PACK_BARCODE_NONE, FALSE };
  g_autofree char *path = eyl_pack_make_sheet (&spec);
  g_autoptr(EylPageData) page = eyl_page_data_builder_end (
      eyl_page_data_builder_new (0, 240 * PT_PER_MM, 250 * PT_PER_MM));
  g_autoptr(GPtrArray) elements = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
  g_autoptr(GPtrArray) tiny = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
  g_autoptr(EylPackaging) pack = NULL;
  g_autoptr(EylPackaging) none = NULL;
  EylRect box;

  g_ptr_array_add (elements, text_element (EYL_ELEMENT_BRAND_NAME, "NORTHWIND", 66, 95, 5.2));
  g_ptr_array_add (elements, text_element (EYL_ELEMENT_HEADLINE, "Green Tea", 66, 125, 6.7));
  g_ptr_array_add (elements, text_element (EYL_ELEMENT_BRAND_NAME, "NORTHWIND", 156, 72, 5.2));
  g_ptr_array_add (elements, text_element (EYL_ELEMENT_HEADLINE,
                                           "Green tea leaves picked by hand in spring and dried "
                                           "in the sun",
                                           156, 110, 8.0));
  pack = eyl_packaging_read (page, NULL, NULL, MM_PER_PT, path, NULL, elements, 0, FALSE);
  g_assert_true (eyl_packaging_front_box (pack, &box));
  g_assert_true (near (box.x0, 62) && near (box.x1, 122));
  g_assert_null (strstr (pack->front_reason, "picked by hand"));

  /* A 1.5 mm name on the back is no evidence: the largest face is. */
  g_ptr_array_add (tiny, text_element (EYL_ELEMENT_BRAND_NAME, "NORTHWIND", 156, 72, 1.5));
  none = eyl_packaging_read (page, NULL, NULL, MM_PER_PT, path, NULL, tiny, 0, FALSE);
  g_assert_true (eyl_packaging_front_box (none, &box));
  g_assert_nonnull (strstr (none->front_reason, "largest face"));
}

/* Where on the net a symbol is: on the glue flap, across a fold between
 * panels, flat on the back; a pack with a Code 128 and no EAN / UPC. */
static void
test_barcode_placement (void)
{
  static const char *json =
      "{\"mm_per_pt\": 1.0, \"front_panel\": 2,"
      " \"panels\": ["
      "  {\"role\": \"glue-flap\", \"box_pt\": [0, 0, 10, 100], \"width_mm\": 10, \"height_mm\": 100},"
      "  {\"role\": \"front\", \"box_pt\": [10, 0, 70, 100], \"width_mm\": 60, \"height_mm\": 100},"
      "  {\"role\": \"panel\", \"box_pt\": [70, 0, 130, 100], \"width_mm\": 60, \"height_mm\": 100}],"
      " \"barcodes\": [%s]}";
  static const struct
  {
    const char *barcode;
    gboolean    placement, symbology;
  } cases[] = {
    { "{\"symbology\": \"Code 128\", \"digits\": \"ABC\", \"check_digit_ok\": true,"
      " \"box_pt\": [1, 40, 9, 60]}",
      TRUE, TRUE },
    { "{\"symbology\": \"EAN-13\", \"digits\": \"4006381333931\", \"check_digit_ok\": true,"
      " \"box_pt\": [55, 40, 90, 60]}",
      TRUE, FALSE },
    { "{\"symbology\": \"EAN-13\", \"digits\": \"4006381333931\", \"check_digit_ok\": true,"
      " \"box_pt\": [80, 40, 115, 60]}",
      FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf (json, cases[i].barcode);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(EylPackaging) pack = NULL;
      g_autoptr(GPtrArray) placement = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_finding_unref);
      g_autoptr(GPtrArray) symbology = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_finding_unref);
      EylRuleContext ctx = { 0 };

      g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
      pack = eyl_packaging_from_json (json_node_get_object (json_parser_get_root (parser)));
      ctx.packaging = pack;
      eyl_rules_lookup ("barcode-placement")->check (&ctx, placement);
      eyl_rules_lookup ("barcode-symbology")->check (&ctx, symbology);
      g_assert_cmpuint (placement->len, ==, cases[i].placement ? 1 : 0);
      g_assert_cmpuint (symbology->len, ==, cases[i].symbology ? 1 : 0);
    }
}

/* A Code 128 spelling out another product's name on a pack whose name is
 * known: one finding, that it is left over (code-leftover), not a second
 * that it is not a retail symbol; with the pack's name unknown, only the
 * symbology note. */
static void
test_barcode_leftover (void)
{
  static const char *json =
      "{\"mm_per_pt\": 1.0, \"front_panel\": 1,"
      " \"panels\": ["
      "  {\"role\": \"front\", \"box_pt\": [0, 0, 60, 100], \"width_mm\": 60, \"height_mm\": 100},"
      "  {\"role\": \"panel\", \"box_pt\": [60, 0, 120, 100], \"width_mm\": 60, \"height_mm\": 100}],"
      " \"barcodes\": [{\"symbology\": \"Code 128\", \"digits\": \"Arch Linux\","
      "  \"check_digit_ok\": true, \"box_pt\": [70, 40, 110, 60]}]}";
  EylRect box = { 5, 5, 55, 20 };

  for (guint named = 0; named < 2; named++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(EylPackaging) pack = NULL;
      g_autoptr(GPtrArray) elements = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
      g_autoptr(GPtrArray) leftover = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_finding_unref);
      g_autoptr(GPtrArray) symbology = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_finding_unref);
      EylRuleContext ctx = { 0 };

      g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
      pack = eyl_packaging_from_json (json_node_get_object (json_parser_get_root (parser)));
      if (named)
        g_ptr_array_add (elements, eyl_element_new (EYL_ELEMENT_BRAND_NAME, EYL_SOURCE_INFERRED,
                                                    "Ubuntu", &box, 0.8));
      ctx.packaging = pack;
      ctx.elements = elements;
      ctx.text = "Ubuntu 24.04 LTS\nUbuntu is a GNU/Linux distribution.";
      eyl_rules_lookup ("code-leftover")->check (&ctx, leftover);
      eyl_rules_lookup ("barcode-symbology")->check (&ctx, symbology);
      g_assert_cmpuint (leftover->len, ==, named ? 1 : 0);
      g_assert_cmpuint (symbology->len, ==, named ? 0 : 1);
      if (named)
        g_assert_nonnull (strstr (((EylFinding *) g_ptr_array_index (leftover, 0))->message,
                                  "Arch Linux"));
    }
}

/* A barcode closer than 3 mm to its panel's fold is a safe-zone finding;
 * one across the fold is barcode-on-fold's, not this rule's too. */
static void
test_safe_zone_barcode (void)
{
  static const char *json =
      "{\"mm_per_pt\": 1.0, \"front_panel\": 1,"
      " \"panels\": ["
      "  {\"role\": \"front\", \"box_pt\": [0, 0, 60, 100], \"width_mm\": 60, \"height_mm\": 100},"
      "  {\"role\": \"panel\", \"box_pt\": [60, 0, 120, 100], \"width_mm\": 60, \"height_mm\": 100}],"
      " \"barcodes\": [{\"symbology\": \"EAN-13\", \"digits\": \"4006381333931\","
      " \"check_digit_ok\": true, \"box_pt\": [%g, 40, %g, 60]}]}";
  static const struct
  {
    double x0, x1;
    guint  findings;
  } cases[] = {
    { 61, 90, 1 },  /* 1 mm from the fold */
    { 70, 100, 0 }, /* 10 mm inside */
    { 50, 85, 0 },  /* across the fold: barcode-on-fold's */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf (json, cases[i].x0, cases[i].x1);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(EylPackaging) pack = NULL;
      g_autoptr(GPtrArray) elements = g_ptr_array_new ();
      g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_finding_unref);
      EylRuleContext ctx = { 0 };

      g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
      pack = eyl_packaging_from_json (json_node_get_object (json_parser_get_root (parser)));
      ctx.packaging = pack;
      ctx.elements = elements;
      eyl_rules_lookup ("safe-zone")->check (&ctx, findings);
      g_assert_cmpuint (findings->len, ==, cases[i].findings);
      if (findings->len > 0)
        g_assert_nonnull (strstr (((EylFinding *) g_ptr_array_index (findings, 0))->message,
                                  "fold"));
    }
}

/* The whole check through the command line: JSON report with the
 * packaging member, the front panel on the shelf, a barcode on a fold. */
/* `check --format json` of @path with the options @extra (NULL-terminated). */
static JsonObject *
check_json_args (const char        *path,
                 const char *const *extra,
                 JsonParser       **parser_out)
{
  const char      *cli = g_getenv ("EYL_CLI");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *fixed[] = { cli, "check", "--format", "json", "--fail-on", "never", "--no-ocr",
                          "--no-logos" };
  int         status;

  g_assert_nonnull (cli);
  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    g_ptr_array_add (argv, (gpointer) fixed[i]);
  for (guint i = 0; extra != NULL && extra[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) extra[i]);
  g_ptr_array_add (argv, (gpointer) path);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_test_message ("%s", err);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  *parser_out = g_steal_pointer (&parser);
  return json_node_get_object (json_parser_get_root (*parser_out));
}

static JsonObject *
check_json (const char  *path,
            const char  *extra,
            JsonParser **parser_out)
{
  const char *args[] = { extra, NULL };

  return check_json_args (path, args, parser_out);
}

static JsonObject *
first_page (JsonObject *root)
{
  JsonObject *file = json_array_get_object_element (json_object_get_array_member (root, "files"),
                                                    0);

  return json_array_get_object_element (json_object_get_array_member (file, "pages"), 0);
}

static gboolean
has_finding (JsonObject *page,
             const char *rule)
{
  JsonArray *findings = json_object_get_array_member (page, "findings");

  for (guint i = 0; i < json_array_get_length (findings); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (findings, i),
                                                    "rule"),
                     rule))
      return TRUE;
  return FALSE;
}

static void
test_check_cli (void)
{
  EylPackSpec      spec = { EYL_PACK_TUCK_END, EYL_PACK_DIELINE_SPOT, EYL_PACK_BARCODE_FOLD, FALSE };
  g_autofree char *path = eyl_pack_make_sheet (&spec);
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *page, *pack, *barcode, *front;
  JsonArray  *panels;
  gint64      front_number;

  page = first_page (check_json (path, NULL, &parser));
  g_assert_true (json_object_has_member (page, "packaging"));
  pack = json_object_get_object_member (page, "packaging");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (pack, "barcodes")), ==, 1);
  barcode = json_array_get_object_element (json_object_get_array_member (pack, "barcodes"), 0);
  g_assert_cmpstr (json_object_get_string_member (barcode, "digits"), ==, "4006381333931");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (barcode, "magnification"), 1.0,
                                  0.03);
  g_assert_true (has_finding (page, "barcode-on-fold"));
  g_assert_false (has_finding (page, "barcode-size"));
  /* The back panel's website is read in the hand, not "beyond the trim"
   * of the front panel's frame. */
  g_assert_false (has_finding (page, "safe-zone"));

  panels = json_object_get_array_member (pack, "panels");
  g_assert_cmpuint (json_array_get_length (panels), ==, 13);
  front_number = json_object_get_int_member (pack, "front_panel");
  front = json_array_get_object_element (panels, front_number - 1);
  g_assert_cmpstr (json_object_get_string_member (front, "role"), ==, "front");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (front, "width_mm"), 60, 1);
  g_assert_cmpstr (json_object_get_string_member (page, "placement"), ==, "shelf-eye");
  g_assert_nonnull (strstr (json_object_get_string_member (page, "placement_reason"),
                            "front panel"));
}

/* The safe zone on a net is each panel's: key content across a fold, or
 * closer to a panel's cut edge than 3 mm (less the cut's 1 mm tolerance),
 * is a finding, once per element — here the website over the fold between the front and a side, and a
 * phone number 1 mm from the back's cut edge. */
static void
test_safe_zone_panels (void)
{
  EylPackSpec      spec = { EYL_PACK_TUCK_END, EYL_PACK_DIELINE_ISO, EYL_PACK_BARCODE_NONE, FALSE,
                            TRUE };
  g_autofree char *path = eyl_pack_make_sheet (&spec);
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *page;
  JsonArray  *findings;
  guint       fold = 0, cut = 0, other = 0;

  page = first_page (check_json (path, NULL, &parser));
  findings = json_object_get_array_member (page, "findings");
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *f = json_array_get_object_element (findings, i);
      const char *message = json_object_get_string_member (f, "message");

      if (!g_str_equal (json_object_get_string_member (f, "rule"), "safe-zone"))
        continue;
      g_test_message ("%s", message);
      if (strstr (message, "northwind-tea") != NULL && strstr (message, "over the fold") != NULL)
        fold++;
      else if (strstr (message, "7946") != NULL && strstr (message, "cut edge") != NULL)
        cut++;
      else
        other++;
    }
  g_assert_cmpuint (fold, ==, 1);
  g_assert_cmpuint (cut, ==, 1);
  /* The names on the front and the back's copy sit 4 mm or more inside. */
  g_assert_cmpuint (other, ==, 0);
}

/* A page that is only the net (the die-cutter's sheet) is not judged;
 * the net found under auto makes the sheet a pack on the shelf. */
static void
test_check_cli_bare_net (void)
{
  EylPackSpec      bare = { EYL_PACK_TUCK_END, EYL_PACK_DIELINE_NONE, EYL_PACK_BARCODE_NONE, TRUE };
  EylPackSpec      art = { EYL_PACK_TUCK_END, EYL_PACK_DIELINE_NONE, EYL_PACK_BARCODE_NONE, FALSE };
  g_autofree char *bare_path = eyl_pack_make_sheet (&bare);
  g_autofree char *art_path = eyl_pack_make_sheet (&art);
  g_autoptr(JsonParser) bare_parser = NULL;
  g_autoptr(JsonParser) art_parser = NULL;
  JsonObject *page, *pack;

  page = first_page (check_json (bare_path, NULL, &bare_parser));
  pack = json_object_get_object_member (page, "packaging");
  g_assert_true (json_object_get_boolean_member (pack, "dieline_only"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (page, "findings")), ==, 0);

  page = first_page (check_json (art_path, NULL, &art_parser));
  pack = json_object_get_object_member (page, "packaging");
  g_assert_false (json_object_get_boolean_member (pack, "dieline_only"));
  g_assert_cmpint (json_object_get_int_member (pack, "front_panel"), >, 0);
  g_assert_cmpstr (json_object_get_string_member (page, "placement"), ==, "shelf-eye");
}

static void
test_check_cli_front_panel_option (void)
{
  EylPackSpec      spec = { EYL_PACK_SLEEVE, EYL_PACK_DIELINE_ISO, EYL_PACK_BARCODE_BACK, FALSE };
  g_autofree char *path = eyl_pack_make_sheet (&spec);
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *page, *pack;

  page = first_page (check_json (path, "--front-panel=5", &parser));
  pack = json_object_get_object_member (page, "packaging");
  g_assert_cmpint (json_object_get_int_member (pack, "front_panel"), ==, 5);
  g_assert_false (has_finding (page, "barcode-on-fold"));
  g_assert_false (has_finding (page, "barcode-quiet-zone"));
}

/* The annotated PDF's summary page lists the panels and the barcode. */
static void
test_export_summary (void)
{
  EylPackSpec      spec = { EYL_PACK_TUCK_END, EYL_PACK_DIELINE_ISO, EYL_PACK_BARCODE_BACK, FALSE };
  g_autofree char *path = eyl_pack_make_sheet (&spec);
  g_autofree char *out_dir = g_build_filename (eyl_fixture_dir (), "export", NULL);
  const char      *argv[] = { g_getenv ("EYL_CLI"), "export", "--output", out_dir, "--no-ocr",
                              "--no-logos", "--fail-on", "never", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(PopplerPage) last = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *text = NULL;
  const char      *name;
  int              status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status,
                               &error));
  g_assert_no_error (error);
  dir = g_dir_open (out_dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL && exported == NULL)
    if (g_str_has_suffix (name, ".pdf"))
      exported = g_build_filename (out_dir, name, NULL);
  g_assert_nonnull (exported);

  uri = g_filename_to_uri (exported, NULL, NULL);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  last = poppler_document_get_page (doc, poppler_document_get_n_pages (doc) - 1);
  text = poppler_page_get_text (last);
  g_assert_nonnull (strstr (text, "Barcode EAN-13 4006381333931"));
  g_assert_nonnull (strstr (text, "Front panel:"));
  g_assert_nonnull (strstr (text, "Cutting"));
}

/* A page of @w_mm × @h_mm with one line per entry: text, its top in mm,
 * its x-height and cap height in mm. */
typedef struct
{
  const char *text;
  double      top_mm, x_mm, cap_mm;
} Line;

static EylPageData *
label_page (double      w_mm,
            double      h_mm,
            const Line *lines,
            guint       n)
{
  EylPageDataBuilder *b = eyl_page_data_builder_new (0, w_mm * PT_PER_MM, h_mm * PT_PER_MM);
  g_autofree char    *joined = NULL;

  for (guint i = 0; i < n; i++)
    {
      EylRect          box = { 5 * PT_PER_MM, lines[i].top_mm * PT_PER_MM, (w_mm - 5) * PT_PER_MM,
                               (lines[i].top_mm + 2 * lines[i].cap_mm) * PT_PER_MM };
      g_autofree char *text = g_strconcat (lines[i].text, "\n", NULL);

      eyl_page_data_builder_add_text (b, text, &box, NULL, "Sans",
                                      lines[i].cap_mm / 0.7 * PT_PER_MM, 0);
    }
  for (guint i = 0; i < n; i++)
    eyl_page_data_builder_set_line_metrics (b, i, lines[i].cap_mm * PT_PER_MM,
                                            lines[i].x_mm * PT_PER_MM);
  return eyl_page_data_builder_end (b);
}

static const EylLabelRuleSet *
load_set (GPtrArray **sets,
          const char *id)
{
  g_autoptr(GError) error = NULL;

  *sets = eyl_label_rules_load (id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint ((*sets)->len, ==, 1);
  return g_ptr_array_index (*sets, 0);
}

static void
test_label_rules_load (void)
{
  g_auto(GStrv) ids = eyl_label_rules_list ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) sets = NULL;
  const EylLabelRuleSet *eu;

  g_assert_true (g_strv_contains ((const char *const *) ids, "eu-1169-2011"));
  g_assert_true (g_strv_contains ((const char *const *) ids, "us-21cfr101-105"));
  none = eyl_label_rules_load ("eu-1169-2011,no-such-set", &error);
  g_assert_null (none);
  g_assert_error (error, EYL_ERROR, EYL_ERROR_NOT_FOUND);

  eu = load_set (&sets, "eu-1169-2011");
  g_assert_cmpfloat (eu->x_height_min_mm, ==, 1.2);
  g_assert_cmpfloat (eu->small_x_height_min_mm, ==, 0.9);
  g_assert_nonnull (strstr (eu->source, "Article 13"));
}

static void
test_label_rules_eu (void)
{
  static const Line lines[] = {
    { "NORTHWIND", 10, 5.0, 7.0 },
    { "Ingredients: green tea leaves", 40, 0.8, 1.1 },
    { "Store dry and cool", 50, 1.0, 1.4 },
  };
  g_autoptr(GPtrArray) sets = NULL;
  const EylLabelRuleSet *eu = load_set (&sets, "eu-1169-2011");
  g_autoptr(EylPageData) large = label_page (100, 100, lines, G_N_ELEMENTS (lines));
  g_autoptr(EylPageData) small = label_page (80, 90, lines, G_N_ELEMENTS (lines));
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_finding_unref);
  EylFinding *f;

  /* 100 cm²: 1.2 mm for both small lines. */
  eyl_label_rules_check_x_height (eu, "label-x-height", large, NULL, findings);
  g_assert_cmpuint (findings->len, ==, 1);
  f = g_ptr_array_index (findings, 0);
  g_assert_cmpstr (f->rule, ==, "label-x-height");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (f->measures, "x_height_mm"),
                                  0.8, 0.01);
  g_assert_cmpfloat (json_object_get_double_member (f->measures, "needed_mm"), ==, 1.2);
  g_assert_nonnull (strstr (f->message, "2 of 3"));

  /* 72 cm² (under 80): 0.9 mm, which only the ingredients miss. */
  g_ptr_array_set_size (findings, 0);
  eyl_label_rules_check_x_height (eu, "label-x-height", small, NULL, findings);
  g_assert_cmpuint (findings->len, ==, 1);
  f = g_ptr_array_index (findings, 0);
  g_assert_cmpfloat (json_object_get_double_member (f->measures, "needed_mm"), ==, 0.9);
  g_assert_nonnull (strstr (f->message, "1 of 3"));
}

static void
test_label_rules_us (void)
{
  /* 4 × 5 in = 20 in²: 1/8 in (3.2 mm), in the bottom 30 % (from 3.5 in). */
  static const Line low_small[] = { { "Net Wt 3.5 oz (99 g)", 110, 2.0, 2.8 } };
  static const Line high_big[] = { { "Net Wt 3.5 oz (99 g)", 20, 3.4, 4.6 } };
  static const Line good[] = { { "NET WT 3.5 OZ (99 G)", 110, 2.4, 3.4 },
                               { "Green Tea", 20, 2.0, 3.0 } };
  g_autoptr(GPtrArray) sets = NULL;
  const EylLabelRuleSet *us = load_set (&sets, "us-21cfr101-105");
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_finding_unref);
  EylFinding *f;

  {
    g_autoptr(EylPageData) page = label_page (101.6, 127, low_small, 1);

    eyl_label_rules_check_net_quantity (us, "label-net-quantity", page, NULL, findings);
    g_assert_cmpuint (findings->len, ==, 1);
    f = g_ptr_array_index (findings, 0);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (f->measures, "needed_mm"),
                                    3.175, 0.01);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (f->measures, "height_mm"),
                                    2.0, 0.01);
  }
  {
    g_autoptr(EylPageData) page = label_page (101.6, 127, high_big, 1);

    g_ptr_array_set_size (findings, 0);
    eyl_label_rules_check_net_quantity (us, "label-net-quantity", page, NULL, findings);
    g_assert_cmpuint (findings->len, ==, 1);
    f = g_ptr_array_index (findings, 0);
    g_assert_nonnull (strstr (f->message, "bottom 30"));
  }
  {
    g_autoptr(EylPageData) page = label_page (101.6, 127, good, 2);

    /* Capitals only: measured by their height, 3.4 mm. */
    g_ptr_array_set_size (findings, 0);
    eyl_label_rules_check_net_quantity (us, "label-net-quantity", page, NULL, findings);
    g_assert_cmpuint (findings->len, ==, 0);
  }
}

static JsonObject *
find_finding (JsonObject *page,
              const char *rule)
{
  JsonArray *findings = json_object_get_array_member (page, "findings");

  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *f = json_array_get_object_element (findings, i);

      if (g_str_equal (json_object_get_string_member (f, "rule"), rule))
        return f;
    }
  return NULL;
}

/* The fixture's net quantity, "twenty tea bags", is in no form the US set
 * knows: unmarked the finding says how to mark it; marked by its text or
 * by a box it is judged — 8 pt type (x-height ~1.5 mm) on a front panel
 * of 60 × 120 mm (11 in²), which asks for 1/8 in (3.2 mm). */
static void
test_check_cli_net_quantity (void)
{
  EylPackSpec        spec = { EYL_PACK_TUCK_END, EYL_PACK_DIELINE_ISO, EYL_PACK_BARCODE_BACK, FALSE,
                              FALSE, TRUE };
  g_autofree char   *path = eyl_pack_make_sheet (&spec);
  const char        *unmarked[] = { "--label-rules=us-21cfr101-105", NULL };
  const char        *by_text[] = { "--net-quantity=Twenty Tea Bags", NULL };
  const char        *by_box[] = { "--label-rules=us-21cfr101-105", "--net-quantity-mm=64,160,120,175",
                                  NULL };
  const char        *elsewhere[] = { "--net-quantity=Green Tea", NULL };
  const char *const *marked[] = { by_text, by_box };
  JsonObject        *f, *measures;

  {
    g_autoptr(JsonParser) parser = NULL;
    JsonObject *page = first_page (check_json_args (path, unmarked, &parser));

    f = find_finding (page, "label-net-quantity");
    g_assert_nonnull (f);
    g_assert_cmpstr (json_object_get_string_member (f, "severity"), ==, "info");
    g_assert_nonnull (strstr (json_object_get_string_member (f, "message"), "found no net"));
    g_assert_nonnull (strstr (json_object_get_string_member (f, "fix"), "--net-quantity"));
  }
  for (guint i = 0; i < G_N_ELEMENTS (marked); i++)
    {
      g_autoptr(JsonParser) parser = NULL;
      JsonObject *page = first_page (check_json_args (path, marked[i], &parser));

      f = find_finding (page, "label-net-quantity");
      g_assert_nonnull (f);
      g_assert_cmpstr (json_object_get_string_member (f, "severity"), ==, "warning");
      g_assert_nonnull (strstr (json_object_get_string_member (f, "message"), "twenty tea bags"));
      g_assert_null (strstr (json_object_get_string_member (f, "message"), "bottom 30"));
      measures = json_object_get_object_member (f, "measures");
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (measures, "needed_mm"), 3.175,
                                      0.01);
      g_assert_cmpfloat (json_object_get_double_member (measures, "height_mm"), >, 1.0);
      g_assert_cmpfloat (json_object_get_double_member (measures, "height_mm"), <, 2.2);
      g_assert_cmpfloat (json_object_get_double_member (measures, "marked"), ==, 1);
    }
  /* The large product name marked instead: tall enough, but above the
   * bottom 30 %. */
  {
    g_autoptr(JsonParser) parser = NULL;
    JsonObject *page = first_page (check_json_args (path, elsewhere, &parser));

    f = find_finding (page, "label-net-quantity");
    g_assert_nonnull (f);
    g_assert_nonnull (strstr (json_object_get_string_member (f, "message"), "bottom 30"));
  }
}

/* "rule severity height needed" of each label-net-quantity finding. */
static char *
net_findings_of_json (JsonObject *page)
{
  JsonArray *findings = json_object_get_array_member (page, "findings");
  GString   *text = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *f = json_array_get_object_element (findings, i);
      JsonObject *m = json_object_get_object_member (f, "measures");

      if (g_str_has_prefix (json_object_get_string_member (f, "rule"), "label-"))
        g_string_append_printf (text, "%s %s %.2f %.2f\n", json_object_get_string_member (f, "rule"),
                                json_object_get_string_member (f, "severity"),
                                json_object_get_double_member_with_default (m, "height_mm", 0),
                                json_object_get_double_member_with_default (m, "needed_mm", 0));
    }
  return g_string_free (text, FALSE);
}

static char *
net_findings_of (EylPageAnalysis *page)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < page->findings->len; i++)
    {
      EylFinding *f = g_ptr_array_index (page->findings, i);

      if (g_str_has_prefix (f->rule, "label-"))
        g_string_append_printf (text, "%s %s %.2f %.2f\n", f->rule,
                                eyl_severity_to_string (f->severity),
                                json_object_get_double_member_with_default (f->measures, "height_mm", 0),
                                json_object_get_double_member_with_default (f->measures, "needed_mm", 0));
    }
  return g_string_free (text, FALSE);
}

/* @path read by the worker with @label_rules (NULL: none), as the window
 * and a batch hand it the typed settings. */
static EylFileResult *
worker_read (const char *path,
             const char *label_rules)
{
  g_auto(EylCheckSettings) settings = { 0 };
  EylWorkerConfig *config = eyl_worker_config_new (eyl_fixture_worker ());
  EylFileResult   *result;

  eyl_check_settings_init (&settings);
  settings.ocr = settings.logos = FALSE;
  settings.label_rules = g_strdup (label_rules);
  eyl_worker_config_set_settings (config, &settings);
  result = eyl_worker_check_file (config, path, NULL);
  eyl_worker_config_unref (config);
  g_assert_true (result->ok);
  return result;
}

/* The label rule sets are the Evaluate stage's: a flat label whose net
 * quantity (6 pt, x-height ~1.1 mm) is under the 3.2 mm a 18.6 in² panel
 * asks for gets the same finding from the command line's flag, from the
 * worker given the typed setting (the window's GSettings key, its export)
 * and from a read without any set evaluated again with the set chosen
 * (the window's switch); with no set, none. */
static void
test_label_rules_evaluate_stage (void)
{
  g_autofree char *path = eyl_pack_make_label (6);
  const char      *flag[] = { "--label-rules=us-21cfr101-105", NULL };
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(JsonParser) parser_off = NULL;
  g_autofree char *cli = NULL;
  g_autofree char *cli_off = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *evaluated = NULL;
  g_autofree char *off = NULL;
  g_autofree char *read_off = NULL;
  g_autoptr(EylFileResult) with_set = NULL;
  g_autoptr(EylFileResult) without = NULL;
  g_autoptr(EylFileResult) again = NULL;
  g_autoptr(EylFileResult) again_off = NULL;
  g_autoptr(GPtrArray) sets = NULL;
  g_autoptr(EylPlacementSet) placements = eyl_placement_set_new_default (NULL);
  EylAnalysisOptions options;

  if (g_getenv ("EYL_CLI") == NULL)
    {
      g_test_skip ("EYL_CLI is not set");
      return;
    }
  cli = net_findings_of_json (first_page (check_json_args (path, flag, &parser)));
  g_test_message ("command line: %s", cli);
  g_assert_nonnull (strstr (cli, "label-net-quantity warning"));
  cli_off = net_findings_of_json (first_page (check_json_args (path, NULL, &parser_off)));
  g_assert_cmpstr (cli_off, ==, "");

  with_set = worker_read (path, "us-21cfr101-105");
  typed = net_findings_of (g_ptr_array_index (with_set->pages, 0));
  g_assert_cmpstr (typed, ==, cli);

  without = worker_read (path, NULL);
  read_off = net_findings_of (g_ptr_array_index (without->pages, 0));
  g_assert_cmpstr (read_off, ==, "");
  eyl_analysis_options_init (&options);
  options.placements = placements;
  sets = eyl_label_rules_load ("us-21cfr101-105", NULL);
  options.label_rules = sets;
  again = eyl_file_result_evaluate (without, &options);
  g_assert_nonnull (again);
  evaluated = net_findings_of (g_ptr_array_index (again->pages, 0));
  g_assert_cmpstr (evaluated, ==, cli);

  /* And switched off again, on the read that had it. */
  options.label_rules = NULL;
  again_off = eyl_file_result_evaluate (with_set, &options);
  off = net_findings_of (g_ptr_array_index (again_off->pages, 0));
  g_assert_cmpstr (off, ==, "");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eyl/dieline/names", test_names);
  g_test_add_func ("/eyl/dieline/iso-layers", test_iso_layers);
  g_test_add_func ("/eyl/dieline/spot-colours", test_spot_colours);
  g_test_add_func ("/eyl/dieline/no-dieline", test_no_dieline);
  g_test_add_func ("/eyl/dieline/panels-tuck-end", test_panels_tuck_end);
  g_test_add_func ("/eyl/dieline/panels-sleeve-label", test_panels_sleeve_and_label);
  g_test_add_func ("/eyl/dieline/panels-comb", test_panels_comb);
  g_test_add_func ("/eyl/dieline/front-panel", test_front_panel);
  g_test_add_func ("/eyl/dieline/check-cli", test_check_cli);
  g_test_add_func ("/eyl/dieline/check-cli-front-panel", test_check_cli_front_panel_option);
  g_test_add_func ("/eyl/dieline/check-cli-bare-net", test_check_cli_bare_net);
  g_test_add_func ("/eyl/dieline/safe-zone-panels", test_safe_zone_panels);
  g_test_add_func ("/eyl/dieline/safe-zone-barcode", test_safe_zone_barcode);
  g_test_add_func ("/eyl/dieline/front-panel-names", test_front_panel_names);
  g_test_add_func ("/eyl/dieline/barcode-placement", test_barcode_placement);
  g_test_add_func ("/eyl/dieline/barcode-leftover", test_barcode_leftover);
  g_test_add_func ("/eyl/dieline/export-summary", test_export_summary);
  g_test_add_func ("/eyl/label-rules/load", test_label_rules_load);
  g_test_add_func ("/eyl/label-rules/eu-1169-2011", test_label_rules_eu);
  g_test_add_func ("/eyl/label-rules/us-21cfr101-105", test_label_rules_us);
  g_test_add_func ("/eyl/label-rules/net-quantity-marked", test_check_cli_net_quantity);
  g_test_add_func ("/eyl/label-rules/evaluate-stage", test_label_rules_evaluate_stage);

  return g_test_run ();
}
