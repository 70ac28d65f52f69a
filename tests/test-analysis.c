/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-analysis.c: the whole chain on a page made with the builder —
 * placement, scale, detectors, geometry, rules, score. */
#include "config.h"

#include <string.h>

#include "eyl-analysis.h"
#include "eyl-channel.h"
#include "eyl-rules.h"

#define W_MM    850.0
#define H_MM    2000.0
#define LOW_URL "www.northwind-tea.example"
#define EYE_URL "shop.northwind-tea.example"

/* Adds one line of text spanning @bottom_mm … @top_mm above the bottom
 * edge of the artwork, @x_mm from its left edge; lengths in material mm,
 * drawn at @scale with @offset_pt (a bleed around a trim box). */
static void
add_line (EylPageDataBuilder *builder,
          double              scale,
          double              offset_pt,
          const char         *text,
          double              x_mm,
          double              width_mm,
          double              bottom_mm,
          double              top_mm)
{
  double           k = scale / EYL_MM_PER_PT; /* page pt per material mm */
  double           height_pt = H_MM * k;
  g_autofree char *line = g_strconcat (text, "\n", NULL);
  EylRect          box = {
             offset_pt + x_mm * k,
             offset_pt + height_pt - top_mm * k,
             offset_pt + (x_mm + width_mm) * k,
             offset_pt + height_pt - bottom_mm * k,
  };

  eyl_page_data_builder_add_text (builder, line, &box, NULL, "DejaVu Sans",
                                  (top_mm - bottom_mm) * k, 0x202020);
}

/* An 850 × 2000 mm roll-up at @scale: headline at the top, the brand in
 * the upper third, a call to action, and the website either 250–300 mm
 * above the bottom edge (behind the table) or at eye level. */
static EylPageData *
make_banner (double   scale,
             double   bleed_mm,
             gboolean url_low)
{
  double              k = scale / EYL_MM_PER_PT;
  double              b = bleed_mm * k;
  EylPageDataBuilder *builder = eyl_page_data_builder_new (0, W_MM * k + 2 * b, H_MM * k + 2 * b);

  if (bleed_mm > 0)
    {
      EylPageBoxes boxes = { 0 };

      boxes.media = boxes.crop = boxes.bleed = (EylRect) { 0, 0, W_MM * k + 2 * b, H_MM * k + 2 * b };
      boxes.trim = (EylRect) { b, b, W_MM * k + b, H_MM * k + b };
      boxes.has_bleed = boxes.has_trim = TRUE;
      boxes.user_unit = 1.0;
      eyl_page_data_builder_set_boxes (builder, &boxes);
    }

  add_line (builder, scale, b, "Fresh tea for your office", 75, 700, 1750, 1850);
  add_line (builder, scale, b, "NORTHWIND", 150, 550, 1500, 1620);
  add_line (builder, scale, b, "Order your free tasting box", 100, 650, 1150, 1200);
  add_line (builder, scale, b, EYE_URL, 100, 650, 1350, 1400);
  if (url_low)
    add_line (builder, scale, b, LOW_URL, 100, 650, 250, 300);
  else
    add_line (builder, scale, b, LOW_URL, 100, 650, 1300, 1340);

  return eyl_page_data_builder_end (builder);
}

static EylElement *
find_element (EylPageAnalysis *analysis,
              EylElementKind   kind,
              const char      *text)
{
  for (guint i = 0; i < analysis->elements->len; i++)
    {
      EylElement *el = g_ptr_array_index (analysis->elements, i);

      g_test_message ("element %s %s “%s” floor %.0f–%.0f hidden %.2f eye %.2f cap %.1f mm",
                      el->id, eyl_element_kind_to_string (el->kind), el->text,
                      el->floor_bottom_mm, el->floor_top_mm, el->hidden_fraction,
                      el->eye_zone_fraction, el->cap_height_mm);
      if (el->kind == kind && strstr (el->text, text) != NULL)
        return el;
    }
  return NULL;
}

static guint
count_findings (EylPageAnalysis *analysis,
                const char      *rule,
                const char      *element_id)
{
  guint n = 0;

  for (guint i = 0; i < analysis->findings->len; i++)
    {
      EylFinding *f = g_ptr_array_index (analysis->findings, i);

      g_test_message ("finding %s %s %s: %s", eyl_severity_to_string (f->severity),
                      f->rule, f->element_id, f->message);

      if (g_str_equal (f->rule, rule) &&
          (element_id == NULL || g_strcmp0 (f->element_id, element_id) == 0))
        n++;
    }
  return n;
}

static void
check_score (EylPageAnalysis *analysis)
{
  g_autoptr(GList) names = NULL;
  gint64 sum = 0;

  g_assert_cmpint (analysis->customer_focus, >=, 0);
  g_assert_cmpint (analysis->customer_focus, <=, 100);
  g_assert_nonnull (analysis->score_breakdown);
  names = json_object_get_members (analysis->score_breakdown);
  for (GList *l = names; l != NULL; l = l->next)
    sum += json_object_get_int_member (json_object_get_object_member (analysis->score_breakdown,
                                                                      l->data),
                                       "points");
  g_assert_cmpint (sum, ==, analysis->customer_focus);
}

static EylPageAnalysis *
analyse (EylPageData     *page,
         EylPlacementSet *set,
         const char      *placement_id)
{
  EylAnalysisOptions options;

  eyl_analysis_options_init (&options);
  options.placements = set;
  if (placement_id != NULL)
    {
      options.placement = eyl_placement_set_lookup (set, placement_id);
      g_assert_nonnull (options.placement);
    }
  return eyl_analyse_page (page, &options);
}

static void
test_chain (void)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EylPlacementSet) set = eyl_placement_set_new_default (warnings);
  g_autoptr(EylPageData) page = make_banner (1.0, 0, TRUE);
  g_autoptr(EylPageAnalysis) analysis = NULL;
  EylElement *low, *eye;

  analysis = analyse (page, set, "rollup-behind-table");
  g_assert_nonnull (analysis);
  g_assert_cmpstr (analysis->placement->id, ==, "rollup-behind-table");
  g_assert_cmpfloat_with_epsilon (analysis->material_w_mm, W_MM, 0.5);
  g_assert_cmpfloat_with_epsilon (analysis->material_h_mm, H_MM, 0.5);
  g_assert_cmpfloat_with_epsilon (analysis->scale, 1.0, 1e-3);
  g_assert_cmpfloat_with_epsilon (analysis->width_pt, W_MM / EYL_MM_PER_PT, 0.01);

  low = find_element (analysis, EYL_ELEMENT_URL, LOW_URL);
  eye = find_element (analysis, EYL_ELEMENT_URL, EYE_URL);
  g_assert_nonnull (low);
  g_assert_nonnull (eye);

  /* Geometry: the bottom edge of the artwork stands at bottom_mm. */
  g_assert_cmpfloat_with_epsilon (low->floor_bottom_mm - analysis->frame.bottom_floor_mm, 250, 1.0);
  g_assert_cmpfloat_with_epsilon (low->floor_top_mm - analysis->frame.bottom_floor_mm, 300, 1.0);
  g_assert_cmpfloat_with_epsilon (low->cap_height_mm, low->cap_height * EYL_MM_PER_PT, 0.01);
  g_assert_cmpfloat (low->cap_height_mm, >, 0);

  /* Behind a 750 mm table with things on it, 250–300 mm is hidden for
   * everyone; 1350–1400 mm is seen by everyone. */
  g_assert_cmpfloat_with_epsilon (low->hidden_fraction, 1.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (eye->hidden_fraction, 0.0, 1e-6);
  g_assert_cmpfloat (eye->eye_zone_fraction, >, 0.5);
  g_assert_cmpuint (count_findings (analysis, "contact-hidden", low->id), ==, 1);
  g_assert_cmpuint (count_findings (analysis, "contact-hidden", eye->id), ==, 0);
  g_assert_cmpuint (count_findings (analysis, "no-contact", NULL), ==, 0);
  /* The same website is still seen at eye level: a warning, not the
   * error of a banner nobody can follow up. */
  g_assert_cmpint (((EylFinding *) g_ptr_array_index (analysis->findings, 0))->severity,
                   ==, EYL_SEVERITY_WARNING);
  check_score (analysis);
}

static void
test_corrected (void)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EylPlacementSet) set = eyl_placement_set_new_default (warnings);
  g_autoptr(EylPageData) low_page = make_banner (1.0, 0, TRUE);
  g_autoptr(EylPageData) good_page = make_banner (1.0, 0, FALSE);
  g_autoptr(EylPageAnalysis) low = analyse (low_page, set, "rollup-behind-table");
  g_autoptr(EylPageAnalysis) good = analyse (good_page, set, "rollup-behind-table");

  g_assert_cmpuint (count_findings (good, "contact-hidden", NULL), ==, 0);
  g_assert_cmpint (good->customer_focus, >=, low->customer_focus);
  check_score (good);
}

static void
test_scaled_auto (void)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EylPlacementSet) set = eyl_placement_set_new_default (warnings);
  g_autoptr(EylPageData) page = make_banner (0.1, 0, TRUE);
  g_autoptr(EylPageAnalysis) analysis = analyse (page, set, NULL);
  EylElement *low;

  /* 85 × 200 mm is 1:10 of the 850 × 2000 mm roll-up. */
  g_test_message ("auto: %s (%s)", analysis->placement->id, analysis->placement_reason);
  g_assert_cmpint (analysis->placement->kind, ==, EYL_PLACEMENT_ROLLUP);
  g_assert_nonnull (analysis->placement_reason);
  g_assert_cmpint (analysis->scale_source, ==, EYL_SCALE_DETECTED);
  g_assert_cmpfloat_with_epsilon (analysis->scale, 0.1, 1e-3);
  g_assert_cmpfloat_with_epsilon (analysis->material_w_mm, W_MM, 1.0);
  g_assert_cmpfloat_with_epsilon (analysis->material_h_mm, H_MM, 1.0);

  low = find_element (analysis, EYL_ELEMENT_URL, LOW_URL);
  g_assert_nonnull (low);
  g_assert_cmpfloat_with_epsilon (low->floor_bottom_mm - analysis->frame.bottom_floor_mm, 250, 1.0);
  /* Capitals are measured on the real material: ten times the page's. */
  g_assert_cmpfloat_with_epsilon (low->cap_height_mm, low->cap_height * EYL_MM_PER_PT * 10, 0.01);
  check_score (analysis);
}

static void
test_trim_offset (void)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EylPlacementSet) set = eyl_placement_set_new_default (warnings);
  g_autoptr(EylPageData) page = make_banner (1.0, 5.0, TRUE);
  g_autoptr(EylPageAnalysis) analysis = analyse (page, set, "rollup-behind-table");
  EylElement *low, *eye;

  /* The 5 mm bleed is not part of the material: the trim box is. */
  g_assert_cmpfloat_with_epsilon (analysis->width_pt, W_MM / EYL_MM_PER_PT, 0.01);
  g_assert_cmpfloat_with_epsilon (analysis->material_w_mm, W_MM, 0.5);
  g_assert_cmpfloat_with_epsilon (analysis->material_h_mm, H_MM, 0.5);

  low = find_element (analysis, EYL_ELEMENT_URL, LOW_URL);
  eye = find_element (analysis, EYL_ELEMENT_URL, EYE_URL);
  g_assert_nonnull (low);
  g_assert_nonnull (eye);
  g_assert_cmpfloat_with_epsilon (low->floor_bottom_mm - analysis->frame.bottom_floor_mm, 250, 1.0);
  g_assert_cmpfloat_with_epsilon (eye->floor_top_mm - analysis->frame.bottom_floor_mm, 1400, 1.0);
  g_assert_cmpuint (count_findings (analysis, "contact-hidden", low->id), ==, 1);
}

/* A brochure: no-contact and no-call-to-action are about the piece.  The
 * website on the back cover answers the cover's no-contact; the missing
 * call to action is said once, on the page with the website (where it
 * belongs). */
static EylPageAnalysis *
piece_page (gboolean with_url)
{
  EylPageAnalysis *page = eyl_page_analysis_new ();
  EylRect          box = { 10, 10, 100, 20 };

  if (with_url)
    g_ptr_array_add (page->elements,
                     eyl_element_new (EYL_ELEMENT_URL, EYL_SOURCE_TEXT, "www.northwind.example",
                                      &box, 0.9));
  else
    g_ptr_array_add (page->findings,
                     eyl_finding_new ("no-contact", EYL_SEVERITY_WARNING, NULL, NULL));
  g_ptr_array_add (page->findings,
                   eyl_finding_new ("no-call-to-action", EYL_SEVERITY_WARNING, NULL, NULL));
  g_ptr_array_add (page->findings,
                   eyl_finding_new ("safe-zone", EYL_SEVERITY_WARNING, "p0e0", &box));
  return page;
}

static guint
count_rule (EylPageAnalysis *page,
            const char      *rule)
{
  guint n = 0;

  for (guint i = 0; i < page->findings->len; i++)
    n += g_str_equal (((EylFinding *) g_ptr_array_index (page->findings, i))->rule, rule);
  return n;
}

static void
test_piece (void)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_page_analysis_unref);
  g_autoptr(GPtrArray) alone = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_page_analysis_unref);

  g_ptr_array_add (pages, piece_page (FALSE));
  g_ptr_array_add (pages, piece_page (FALSE));
  g_ptr_array_add (pages, piece_page (TRUE));
  eyl_analysis_judge_piece (pages);
  for (guint i = 0; i < pages->len; i++)
    {
      EylPageAnalysis *page = g_ptr_array_index (pages, i);

      g_assert_cmpuint (count_rule (page, "no-contact"), ==, 0);
      g_assert_cmpuint (count_rule (page, "no-call-to-action"), ==, i == 2 ? 1 : 0);
      g_assert_cmpuint (count_rule (page, "safe-zone"), ==, 1);
    }

  /* Without any contact: each lack is said once, on the first page. */
  g_ptr_array_add (alone, piece_page (FALSE));
  g_ptr_array_add (alone, piece_page (FALSE));
  eyl_analysis_judge_piece (alone);
  g_assert_cmpuint (count_rule (g_ptr_array_index (alone, 0), "no-contact"), ==, 1);
  g_assert_cmpuint (count_rule (g_ptr_array_index (alone, 0), "no-call-to-action"), ==, 1);
  g_assert_cmpuint (count_rule (g_ptr_array_index (alone, 1), "no-contact"), ==, 0);
  g_assert_cmpuint (count_rule (g_ptr_array_index (alone, 1), "no-call-to-action"), ==, 0);
}

/* A contrast finding about colours set on several pages of a piece:
 * once, on the first page, naming the others; another pair stays. */
static EylFinding *
contrast_finding (const char *fg,
                  const char *bg)
{
  EylRect     box = { 10, 10, 100, 30 };
  EylFinding *finding = eyl_finding_new ("low-contrast", EYL_SEVERITY_WARNING, "p0e0", &box);

  eyl_finding_set_text (finding, "The headline is light.", "Darken it.");
  json_object_set_string_member (finding->measures, "color", fg);
  json_object_set_string_member (finding->measures, "background", bg);
  return finding;
}

static void
test_piece_contrast_once (void)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_page_analysis_unref);
  EylFinding *kept;

  for (guint p = 0; p < 4; p++)
    {
      EylPageAnalysis *page = eyl_page_analysis_new ();

      g_ptr_array_add (page->findings, contrast_finding ("#4cbf5d", "#ffffff"));
      if (p == 2)
        {
          g_ptr_array_add (page->findings, contrast_finding ("#4cbf5d", "#ffffff"));
          g_ptr_array_add (page->findings, contrast_finding ("#ffffff", "#4cbf5d"));
        }
      g_ptr_array_add (pages, page);
    }
  eyl_analysis_judge_piece (pages);
  g_assert_cmpuint (count_rule (g_ptr_array_index (pages, 0), "low-contrast"), ==, 1);
  g_assert_cmpuint (count_rule (g_ptr_array_index (pages, 1), "low-contrast"), ==, 0);
  g_assert_cmpuint (count_rule (g_ptr_array_index (pages, 2), "low-contrast"), ==, 1);
  g_assert_cmpuint (count_rule (g_ptr_array_index (pages, 3), "low-contrast"), ==, 0);
  kept = g_ptr_array_index (((EylPageAnalysis *) g_ptr_array_index (pages, 0))->findings, 0);
  g_assert_nonnull (strstr (kept->message, "pages 2, 3, 4"));
  g_assert_cmpstr (kept->fix, ==, "Darken it.");
}

/* A brochure's cover with its logo in the rack's pocket: the title the
 * rack shows spells the name the back page gives, so the brand is not
 * hidden; a cover whose visible title says something else keeps it. */
static EylPageAnalysis *
cover_page (const char *title)
{
  EylPageAnalysis *page = eyl_page_analysis_new ();
  EylRect          top = { 10, 10, 200, 40 }, low = { 10, 700, 100, 780 };
  EylElement      *headline = eyl_element_new (EYL_ELEMENT_HEADLINE, EYL_SOURCE_TEXT, title, &top, 0.9);
  EylElement      *logo = eyl_element_new (EYL_ELEMENT_LOGO, EYL_SOURCE_RASTER, "", &low, 0.9);

  logo->hidden_fraction = 1.0;
  logo->id = g_strdup ("p0e1");
  g_ptr_array_add (page->elements, headline);
  g_ptr_array_add (page->elements, logo);
  g_ptr_array_add (page->findings,
                   eyl_finding_new ("brand-hidden", EYL_SEVERITY_WARNING, "p0e1", &low));
  return page;
}

static EylPageAnalysis *
back_page (void)
{
  EylPageAnalysis *page = eyl_page_analysis_new ();
  EylRect          box = { 10, 10, 100, 20 };

  g_ptr_array_add (page->elements,
                   eyl_element_new (EYL_ELEMENT_BRAND_NAME, EYL_SOURCE_INFERRED, "OSGeo", &box, 0.7));
  return page;
}

static void
test_piece_brand_spelled (void)
{
  const char *titles[] = { "Open Source Geospatial Foundation", "Maps for everyone" };

  for (guint t = 0; t < G_N_ELEMENTS (titles); t++)
    {
      g_autoptr(GPtrArray) pages =
                     g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_page_analysis_unref);

      g_ptr_array_add (pages, cover_page (titles[t]));
      g_ptr_array_add (pages, back_page ());
      eyl_analysis_judge_piece (pages);
      g_assert_cmpuint (count_rule (g_ptr_array_index (pages, 0), "brand-hidden"), ==, t);
    }
}

/* Read once, evaluate many times (DESIGN.md 3.5): the same result as both
 * stages at once; another placement changes the geometry without touching
 * what was read; another real size asks for a new read. */
static void
test_read_then_evaluate (void)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EylPlacementSet) set = eyl_placement_set_new_default (warnings);
  g_autoptr(EylPageData) page = make_banner (1.0, 0, TRUE);
  g_autoptr(EylPageAnalysis) whole = analyse (page, set, "rollup-behind-table");
  g_autoptr(EylPageAnalysis) first = NULL;
  g_autoptr(EylPageAnalysis) no_table = NULL;
  g_autoptr(EylPageRead) read = NULL;
  EylAnalysisOptions options;
  EylElement        *low;

  eyl_analysis_options_init (&options);
  options.placements = set;
  options.placement = eyl_placement_set_lookup (set, "rollup-behind-table");
  read = eyl_read_page (page, NULL, &options);
  g_assert_cmpuint (read->elements->len, ==, whole->elements->len);
  g_assert_cmpfloat_with_epsilon (read->material_h_mm, H_MM, 0.5);
  g_assert_nonnull (read->text);

  first = eyl_evaluate_page (read, &options, NULL);
  g_assert_true (first->read == read);
  g_assert_cmpuint (first->findings->len, ==, whole->findings->len);
  g_assert_cmpint (first->customer_focus, ==, whole->customer_focus);
  for (guint i = 0; i < first->findings->len; i++)
    g_assert_cmpstr (((EylFinding *) g_ptr_array_index (first->findings, i))->rule, ==,
                     ((EylFinding *) g_ptr_array_index (whole->findings, i))->rule);
  low = find_element (first, EYL_ELEMENT_URL, LOW_URL);
  g_assert_nonnull (low);
  g_assert_cmpfloat_with_epsilon (low->hidden_fraction, 1.0, 1e-6);

  /* No table: the low website is seen; the read elements keep no
   * geometry of either evaluation. */
  options.overrides.table_mm = 0;
  g_assert_false (eyl_evaluate_needs_read (read, &options));
  no_table = eyl_evaluate_page (read, &options, NULL);
  low = find_element (no_table, EYL_ELEMENT_URL, LOW_URL);
  g_assert_nonnull (low);
  g_assert_cmpfloat (low->hidden_fraction, <, 1.0);
  g_assert_cmpuint (count_findings (no_table, "contact-hidden", low->id), ==, 0);
  /* The eye-level website keeps the score either way. */
  g_assert_cmpint (no_table->customer_focus, >=, first->customer_focus);
  g_assert_cmpuint (count_findings (first, "contact-hidden", NULL), ==, 1);
  for (guint i = 0; i < read->elements->len; i++)
    g_assert_cmpfloat (((EylElement *) g_ptr_array_index (read->elements, i))->hidden_fraction,
                       ==, 0.0);

  /* Half the real size: the raster would be another; read again. */
  options.overrides.size_w_mm = W_MM / 2;
  options.overrides.size_h_mm = H_MM / 2;
  g_assert_true (eyl_evaluate_needs_read (read, &options));
}

/* A page without a trim box, 3 mm a side larger than the size given, is
 * that size with a printer's bleed: checked at 1:1, not shrunk.  Its
 * pictures travel with the read through the worker's channel. */
static void
test_bleed_given_size (void)
{
  g_autoptr(EylPageData) page = NULL;
  g_autoptr(EylPageRead) read = NULL;
  g_autoptr(EylPageRead) scaled = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EylPlacementSet) set = eyl_placement_set_new_default (warnings);
  g_autoptr(EylFileResult) sent = eyl_file_result_new ("label.pdf");
  g_autoptr(EylFileResult) received = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  EylPageDataBuilder *builder = eyl_page_data_builder_new (0, 101 / EYL_MM_PER_PT, 101 / EYL_MM_PER_PT);
  EylRect             picture = { 20, 20, 120, 80 };
  EylAnalysisOptions  options;
  EylPageAnalysis    *analysis;
  EylPageRead        *back;

  eyl_page_data_builder_add_image (builder, &picture, 300, 180);
  page = eyl_page_data_builder_end (builder);
  eyl_analysis_options_init (&options);
  options.placements = set;
  options.overrides.size_w_mm = 95;
  options.overrides.size_h_mm = 95;
  read = eyl_read_page (page, NULL, &options);
  g_assert_cmpfloat_with_epsilon (read->width_pt * EYL_MM_PER_PT, 95, 1e-6);
  g_assert_cmpfloat_with_epsilon (read->visible.x0 * EYL_MM_PER_PT, 3, 1e-6);
  g_assert_cmpuint (read->warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (read->warnings, 0), "bleed"));
  analysis = eyl_evaluate_page (read, &options, NULL);
  g_assert_cmpfloat_with_epsilon (analysis->material_w_mm, 95, 1e-6);
  g_ptr_array_add (sent->pages, analysis);
  sent->n_pages = 1;

  bytes = eyl_channel_write (sent);
  received = eyl_channel_read (bytes, &error);
  g_assert_no_error (error);
  back = ((EylPageAnalysis *) g_ptr_array_index (received->pages, 0))->read;
  g_assert_cmpuint (back->images->len, ==, 1);
  g_assert_cmpint (g_array_index (back->images, EylImageInfo, 0).width_px, ==, 300);
  g_assert_cmpfloat (g_array_index (back->images, EylImageInfo, 0).box.x1, ==, 120);

  /* 10 mm a side is no bleed: the page is scaled to the size given. */
  options.overrides.size_w_mm = 81;
  options.overrides.size_h_mm = 81;
  scaled = eyl_read_page (page, NULL, &options);
  g_assert_cmpfloat_with_epsilon (scaled->width_pt * EYL_MM_PER_PT, 101, 1e-6);
  g_assert_cmpuint (scaled->warnings->len, ==, 0);
}

/* The same elements, in the same order, at the same places. */
static void
assert_same_elements (GPtrArray *elements,
                      GPtrArray *others)
{
  g_assert_cmpuint (elements->len, ==, others->len);
  for (guint i = 0; i < elements->len; i++)
    {
      EylElement *a = g_ptr_array_index (elements, i);
      EylElement *b = g_ptr_array_index (others, i);

      g_assert_cmpstr (a->id, ==, b->id);
      g_assert_cmpint (a->kind, ==, b->kind);
      g_assert_cmpstr (a->text, ==, b->text);
      g_assert_cmpfloat (a->box.y1, ==, b->box.y1);
      g_assert_cmpfloat (a->cap_height, ==, b->cap_height);
    }
}

/* The worker's answer (eyl-channel.h): the public report and each page's
 * read travel; the parent evaluates the read again to the same result. */
static void
test_channel (void)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EylPlacementSet) set = eyl_placement_set_new_default (warnings);
  g_autoptr(EylPageData) page = make_banner (1.0, 0, TRUE);
  g_autoptr(EylFileResult) sent = eyl_file_result_new ("banner.pdf");
  g_autoptr(EylFileResult) received = NULL;
  g_autoptr(EylPageAnalysis) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) garbage = NULL;
  g_autoptr(GError) error = NULL;
  EylPageAnalysis   *analysis;
  EylPageRead       *read, *back;
  EylAnalysisOptions options;

  eyl_analysis_options_init (&options);
  options.placements = set;
  g_ptr_array_add (sent->pages, eyl_analyse_page (page, &options));
  sent->n_pages = 1;
  analysis = g_ptr_array_index (sent->pages, 0);
  read = analysis->read;
  g_assert_nonnull (read);

  bytes = eyl_channel_write (sent);
  received = eyl_channel_read (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (received);
  g_assert_cmpuint (received->pages->len, ==, 1);
  back = ((EylPageAnalysis *) g_ptr_array_index (received->pages, 0))->read;
  g_assert_nonnull (back);
  g_assert_cmpstr (back->text, ==, read->text);
  g_assert_cmpfloat (back->material_h_mm, ==, read->material_h_mm);
  assert_same_elements (read->elements, back->elements);

  again = eyl_evaluate_page (back, &options, NULL);
  g_assert_cmpuint (again->findings->len, ==, analysis->findings->len);
  g_assert_cmpint (again->customer_focus, ==, analysis->customer_focus);

  /* Bytes of another kind are an error, not a crash. */
  garbage = g_bytes_new_static ("{\"ok\": true}", 12);
  g_assert_null (eyl_channel_read (garbage, &error));
  g_assert_error (error, EYL_ERROR, EYL_ERROR_ENGINE_CRASH);
}

/* A step-and-repeat is a page property of the read: its element crosses
 * the worker's channel with its kind and box. */
static void
test_channel_repeat (void)
{
  g_autoptr(EylPageRead) read = eyl_page_read_new ();
  g_autoptr(EylPageRead) back = NULL;
  g_autoptr(GVariant) variant = NULL;
  EylRect     box = { 20, 30, 900, 600 };
  EylElement *el = eyl_element_new (EYL_ELEMENT_REPEAT, EYL_SOURCE_RASTER, NULL, &box, 0.9);

  el->id = g_strdup ("p0e0");
  g_ptr_array_add (read->elements, el);
  variant = g_variant_ref_sink (eyl_channel_page_read_to_variant (read));
  back = eyl_channel_page_read_from_variant (variant);
  g_assert_nonnull (back);
  assert_same_elements (read->elements, back->elements);
  g_assert_cmpint (((EylElement *) g_ptr_array_index (back->elements, 0))->kind, ==, EYL_ELEMENT_REPEAT);
  g_assert_cmpfloat (((EylElement *) g_ptr_array_index (back->elements, 0))->box.x1, ==, 900);
}

/* The brand kit's names are evaluated, not read (DESIGN.md 3.5): the same
 * read, evaluated with a kit of other names, finds the other brand name,
 * here and after the worker's channel, as a new read with that kit would;
 * other contacts or no names at all ask for a new read. */
static EylBrandKit *
kit_named (const char *names,
           const char *website)
{
  EylBrandKit *kit = eyl_brand_kit_new ();

  g_strfreev (kit->names);
  kit->names = g_strsplit (names, ";", -1);
  kit->website = g_strdup (website);
  return kit;
}

static guint
count_brand_names (GPtrArray  *elements,
                   const char *text)
{
  guint n = 0;

  for (guint i = 0; i < elements->len; i++)
    {
      EylElement *el = g_ptr_array_index (elements, i);

      if (el->kind == EYL_ELEMENT_BRAND_NAME && el->source == EYL_SOURCE_BRAND_KIT &&
          g_ascii_strcasecmp (el->text, text) == 0)
        n++;
    }
  return n;
}

static void
test_brand_names_evaluated (void)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EylPlacementSet) set = eyl_placement_set_new_default (warnings);
  g_autoptr(EylBrandKit) north = kit_named ("Northwind", "www.northwind-tea.example");
  g_autoptr(EylBrandKit) south = kit_named ("Southwind;Southwind Tea", "www.northwind-tea.example");
  g_autoptr(EylBrandKit) nameless = kit_named ("", "www.northwind-tea.example");
  g_autoptr(EylBrandKit) elsewhere = kit_named ("Southwind", "www.southwind.example");
  g_autoptr(EylPageData) page = NULL;
  g_autoptr(EylPageRead) read = NULL;
  g_autoptr(EylPageRead) read_south = NULL;
  g_autoptr(EylPageAnalysis) as_north = NULL;
  g_autoptr(EylPageAnalysis) as_south = NULL;
  g_autoptr(EylPageAnalysis) fresh_south = NULL;
  g_autoptr(EylPageAnalysis) received_south = NULL;
  g_autoptr(EylFileResult) sent = eyl_file_result_new ("banner.pdf");
  g_autoptr(EylFileResult) received = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  EylPageDataBuilder *builder = eyl_page_data_builder_new (0, W_MM / EYL_MM_PER_PT,
                                                           H_MM / EYL_MM_PER_PT);
  EylAnalysisOptions  options;
  EylPageRead        *back;

  add_line (builder, 1.0, 0, "NORTHWIND", 100, 650, 1800, 1950);
  add_line (builder, 1.0, 0, "SOUTHWIND TEA", 100, 650, 1500, 1650);
  add_line (builder, 1.0, 0, "Fresh leaves from the hills, picked by hand", 100, 650, 1300, 1330);
  add_line (builder, 1.0, 0, EYE_URL, 100, 650, 1600 - 200, 1440);
  page = eyl_page_data_builder_end (builder);

  eyl_analysis_options_init (&options);
  options.placements = set;
  options.brand_kit = north;
  read = eyl_read_page (page, NULL, &options);
  g_assert_nonnull (read->text_layer);
  g_assert_cmpuint (count_brand_names (read->elements, "NORTHWIND"), ==, 1);
  as_north = eyl_evaluate_page (read, &options, NULL);
  g_assert_cmpuint (count_brand_names (as_north->elements, "NORTHWIND"), ==, 1);
  g_assert_cmpuint (count_brand_names (as_north->elements, "SOUTHWIND TEA"), ==, 0);

  /* Only the names changed: evaluated here, the longest name first. */
  options.brand_kit = south;
  g_assert_false (eyl_evaluate_needs_read (read, &options));
  as_south = eyl_evaluate_page (read, &options, NULL);
  g_assert_cmpuint (count_brand_names (as_south->elements, "NORTHWIND"), ==, 0);
  g_assert_cmpuint (count_brand_names (as_south->elements, "SOUTHWIND TEA"), ==, 1);
  g_assert_cmpuint (count_brand_names (read->elements, "NORTHWIND"), ==, 1);
  /* As a new read with that kit finds them, in the same order. */
  read_south = eyl_read_page (page, NULL, &options);
  fresh_south = eyl_evaluate_page (read_south, &options, NULL);
  assert_same_elements (as_south->elements, fresh_south->elements);
  g_assert_cmpint (as_south->customer_focus, ==, fresh_south->customer_focus);

  /* Through the worker's channel: the text layer travels with the read. */
  options.brand_kit = north;
  g_ptr_array_add (sent->pages, eyl_evaluate_page (read, &options, NULL));
  sent->n_pages = 1;
  bytes = eyl_channel_write (sent);
  received = eyl_channel_read (bytes, &error);
  g_assert_no_error (error);
  back = ((EylPageAnalysis *) g_ptr_array_index (received->pages, 0))->read;
  g_assert_nonnull (back->text_layer);
  g_assert_cmpstr (back->text_layer->text, ==, page->text);
  g_assert_cmpuint (back->text_layer->lines->len, ==, page->lines->len);
  g_assert_cmpstr (back->kit_names[0], ==, "Northwind");
  options.brand_kit = south;
  g_assert_false (eyl_evaluate_needs_read (back, &options));
  received_south = eyl_evaluate_page (back, &options, NULL);
  g_assert_cmpuint (count_brand_names (received_south->elements, "SOUTHWIND TEA"), ==, 1);
  g_assert_cmpuint (count_brand_names (received_south->elements, "NORTHWIND"), ==, 0);

  /* Other contacts, or names inferred again: a new read. */
  options.brand_kit = elsewhere;
  g_assert_true (eyl_evaluate_needs_read (read, &options));
  options.brand_kit = nameless;
  g_assert_true (eyl_evaluate_needs_read (read, &options));
}

/* "auto" on one A4 sheet: with display type only it is a poster on a
 * wall; with a block of running text it is a leaflet; the cover of a
 * piece of several pages is a leaflet whatever it carries. */
static EylPageData *
a4_sheet (gboolean with_copy)
{
  EylPageDataBuilder *builder = eyl_page_data_builder_new (0, 595.28, 841.89);
  EylRect             title = { 60, 80, 535, 160 }, date = { 60, 600, 400, 630 };

  eyl_page_data_builder_add_text (builder, "SUMMER FAIR\n", &title, NULL, "DejaVu Sans", 72, 0x202020);
  eyl_page_data_builder_add_text (builder, "12 July, Town Hall\n", &date, NULL, "DejaVu Sans", 28, 0x202020);
  for (guint i = 0; with_copy && i < 10; i++)
    {
      EylRect line = { 60, 250 + i * 14, 535, 261 + i * 14 };

      eyl_page_data_builder_add_text (builder,
                                      "Our fair brings local growers, bakers and makers together "
                                      "for a day of tasting and talks.\n",
                                      &line, NULL, "DejaVu Sans", 10, 0x202020);
    }
  return eyl_page_data_builder_end (builder);
}

static void
test_auto_poster_without_copy (void)
{
  const struct
  {
    gboolean    copy;
    guint       n_pages;
    const char *kind;
  } cases[] = {
    { FALSE, 1, "poster" },
    { TRUE, 1, "leaflet" },
    { FALSE, 2, "leaflet" },
    { FALSE, 0, "leaflet" }, /* not known: as before */
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(EylPageData) page = a4_sheet (cases[c].copy);
      g_autoptr(EylPageRead) read = NULL;
      g_autoptr(EylPageAnalysis) analysis = NULL;
      EylAnalysisOptions options;

      eyl_analysis_options_init (&options);
      read = eyl_read_page (page, NULL, &options);
      read->n_pages = cases[c].n_pages;
      analysis = eyl_evaluate_page (read, &options, NULL);
      g_test_message ("case %u: %s (%s)", c, analysis->placement->id, analysis->placement_reason);
      g_assert_cmpstr (eyl_placement_kind_to_string (analysis->placement->kind), ==, cases[c].kind);
      g_assert_nonnull (analysis->placement_reason);
    }
}

/* A two-page leaflet: the cover has no contact, the back has the
 * website.  The cover's score does not lose the contact's points the
 * piece has, as its findings do not say it is missing; a single sheet
 * without one does. */
static void
test_piece_score (void)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EylPlacementSet) set = eyl_placement_set_new_default (warnings);
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_page_analysis_unref);
  g_autoptr(EylPageAnalysis) alone = NULL;
  g_autoptr(EylPageData) cover = a4_sheet (FALSE);
  g_autoptr(EylPageData) back = NULL;
  EylPageDataBuilder *builder = eyl_page_data_builder_new (1, 595.28, 841.89);
  EylRect             url = { 60, 700, 400, 730 };
  EylAnalysisOptions  options;
  JsonObject         *part;

  eyl_page_data_builder_add_text (builder, "www.summer-fair.example\n", &url, NULL, "DejaVu Sans",
                                  24, 0x202020);
  back = eyl_page_data_builder_end (builder);
  eyl_analysis_options_init (&options);
  options.placements = set;
  options.placement = eyl_placement_set_lookup (set, "leaflet-rack");

  alone = eyl_analyse_page (cover, &options);
  part = json_object_get_object_member (alone->score_breakdown, "contact_visible");
  g_assert_cmpint (json_object_get_int_member (part, "points"), ==, 0);

  g_ptr_array_add (pages, eyl_analyse_page (cover, &options));
  g_ptr_array_add (pages, eyl_analyse_page (back, &options));
  eyl_analysis_judge_piece (pages);
  {
    EylPageAnalysis *first = g_ptr_array_index (pages, 0);
    int              sum = 0;
    g_autoptr(GList) names = json_object_get_members (first->score_breakdown);

    part = json_object_get_object_member (first->score_breakdown, "contact_visible");
    g_assert_cmpint (json_object_get_int_member (part, "points"), ==,
                     json_object_get_int_member (part, "max"));
    g_assert_nonnull (strstr (json_object_get_string_member (part, "why"), "page 2"));
    g_assert_cmpuint (count_rule (first, "no-contact"), ==, 0);
    /* The parts still add up to the score. */
    for (GList *l = names; l != NULL; l = l->next)
      sum += (int) json_object_get_int_member (
          json_object_get_object_member (first->score_breakdown, l->data), "points");
    g_assert_cmpint (sum, ==, first->customer_focus);
    g_assert_cmpint (first->customer_focus, >, alone->customer_focus);
  }

  /* Two posters of one file on a wall: the piece's website is on the
   * second, and no finding on the first says it lacks one — nor does its
   * score. */
  options.placement = eyl_placement_set_lookup (set, "poster-wall");
  g_ptr_array_set_size (pages, 0);
  g_ptr_array_add (pages, eyl_analyse_page (cover, &options));
  g_ptr_array_add (pages, eyl_analyse_page (back, &options));
  eyl_analysis_judge_piece (pages);
  {
    EylPageAnalysis *first = g_ptr_array_index (pages, 0);

    g_assert_cmpuint (count_rule (first, "no-contact"), ==, 0);
    part = json_object_get_object_member (first->score_breakdown, "contact_visible");
    g_assert_cmpint (json_object_get_int_member (part, "points"), ==,
                     json_object_get_int_member (part, "max"));
    g_assert_nonnull (strstr (json_object_get_string_member (part, "why"), "page 2"));
  }
}

/* A real size no print comes to (a wrong /UserUnit, a slip of the
 * scale) is checked, and said. */
static void
test_implausible_size (void)
{
  g_autoptr(EylPageData) page = a4_sheet (FALSE);
  g_autoptr(EylPageAnalysis) normal = NULL;
  g_autoptr(EylPageAnalysis) huge = NULL;
  EylAnalysisOptions options;
  gboolean           said = FALSE;

  eyl_analysis_options_init (&options);
  normal = eyl_analyse_page (page, &options);
  for (guint i = 0; i < normal->warnings->len; i++)
    g_assert_null (strstr (g_ptr_array_index (normal->warnings, i), "comes to"));

  options.overrides.size_w_mm = 210 * 1000;
  options.overrides.size_h_mm = 297 * 1000;
  huge = eyl_analyse_page (page, &options);
  for (guint i = 0; i < huge->warnings->len; i++)
    said |= strstr (g_ptr_array_index (huge->warnings, i), "210.0 × 297.0 m") != NULL;
  g_assert_true (said);
}

/* "auto" on the whole file: two leaflet-sized pages of copy with no
 * contact details and no call to action anywhere are an insert read in
 * the hand with its pack; a website on the second page keeps the piece a
 * leaflet, as does a placement the user chose. */
static void
test_auto_insert (void)
{
  for (guint c = 0; c < 3; c++)
    {
      g_autoptr(GPtrArray) reads = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_page_read_unref);
      g_autoptr(GPtrArray) pages = NULL;
      g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(EylPlacementSet) set = eyl_placement_set_new_default (warnings);
      EylAnalysisOptions options;
      EylPageAnalysis   *first;

      eyl_analysis_options_init (&options);
      options.placements = set;
      if (c == 2)
        options.placement = eyl_placement_set_lookup (set, "leaflet-rack");
      for (guint i = 0; i < 2; i++)
        {
          g_autoptr(EylPageData) page = a4_sheet (TRUE);
          EylPageRead *read = eyl_read_page (page, NULL, &options);
          EylRect      box = { 60, 700, 300, 720 };

          read->n_pages = 2;
          if (c == 1 && i == 1)
            g_ptr_array_add (read->elements, eyl_element_new (EYL_ELEMENT_URL, EYL_SOURCE_TEXT,
                                                              "www.fair.example", &box, 0.9));
          g_ptr_array_add (reads, read);
        }
      pages = eyl_evaluate_pages (reads, &options);
      first = g_ptr_array_index (pages, 0);
      g_test_message ("case %u: %s (%s)", c, first->placement->id, first->placement_reason);
      for (guint i = 0; i < pages->len; i++)
        g_assert_cmpstr (((EylPageAnalysis *) g_ptr_array_index (pages, i))->placement->id, ==,
                         c == 0 ? "shelf-hand" : "leaflet-rack");
      if (c == 0)
        {
          g_assert_nonnull (strstr (first->placement_reason, "insert"));
          g_assert_cmpfloat_with_epsilon (first->material_w_mm, 210, 1);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eyl/analysis/chain", test_chain);
  g_test_add_func ("/eyl/analysis/bleed-given-size", test_bleed_given_size);
  g_test_add_func ("/eyl/analysis/corrected", test_corrected);
  g_test_add_func ("/eyl/analysis/scaled-auto", test_scaled_auto);
  g_test_add_func ("/eyl/analysis/trim-offset", test_trim_offset);
  g_test_add_func ("/eyl/analysis/piece", test_piece);
  g_test_add_func ("/eyl/analysis/piece-contrast-once", test_piece_contrast_once);
  g_test_add_func ("/eyl/analysis/piece-brand-spelled", test_piece_brand_spelled);
  g_test_add_func ("/eyl/analysis/read-then-evaluate", test_read_then_evaluate);
  g_test_add_func ("/eyl/analysis/auto-poster-without-copy", test_auto_poster_without_copy);
  g_test_add_func ("/eyl/analysis/piece-score", test_piece_score);
  g_test_add_func ("/eyl/analysis/implausible-size", test_implausible_size);
  g_test_add_func ("/eyl/analysis/channel", test_channel);
  g_test_add_func ("/eyl/analysis/channel-repeat", test_channel_repeat);
  g_test_add_func ("/eyl/analysis/brand-names-evaluated", test_brand_names_evaluated);
  g_test_add_func ("/eyl/analysis/auto-insert", test_auto_insert);

  return g_test_run ();
}
