/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-report: JSON round trip, malformed input, text and CSV writers, on
 * reports built by hand. */
#include "config.h"

#include <string.h>

#include "eyl-report.h"

/* A report with one analysed page (a URL hidden behind a table, a logo at
 * eye level) and one file that could not be read. */
static EylReport *
make_report (void)
{
  EylReport *report = eyl_report_new ();
  g_autoptr(EylFileResult) good = eyl_file_result_new ("dir/banner, \"final\".pdf");
  g_autoptr(EylFileResult) bad = NULL;
  g_autoptr(GError) error = g_error_new_literal (EYL_ERROR, EYL_ERROR_NOT_PDF,
                                                  "This is a PNG image, not a PDF.");
  EylPageAnalysis *page = eyl_page_analysis_new ();
  EylPlacement    *placement = eyl_placement_new ("rollup-behind-table", EYL_PLACEMENT_ROLLUP);
  EylSizeMm        size = { 850, 2000 };
  EylRect          url_box = { 100, 2700, 500, 2760 };
  EylRect          logo_box = { 50, 800, 760, 1100 };
  EylRect          qr_box = { 2000, 3000, 2200, 3200 };
  EylRect          credit_box = { 100, 5500, 400, 5520 };
  EylElement      *url, *logo, *qr, *credit;
  EylFinding      *finding;

  g_array_append_val (placement->sizes, size);
  placement->table_height_mm = 750;
  placement->table_gap_mm = 600;
  placement->distance_m = 2.5;

  page->index = 0;
  /* 850 × 2000 mm at 1:1 in pt (× 72 / 25.4) */
  page->width_pt = 2409.449;
  page->height_pt = 5669.291;
  page->page_w_pt = 2427.449; /* with 3 mm bleed each side */
  page->page_h_pt = 5687.291;
  page->material_w_mm = 850;
  page->material_h_mm = 2000;
  page->scale = 1.0;
  page->scale_source = EYL_SCALE_PAGE;
  page->placement = eyl_placement_ref (placement);
  page->placement_reason = g_strdup ("A tall 850 × 2000 mm page: a roll-up banner.");
  page->legibility = EYL_LEGIBILITY_1_300;
  page->frame.visible = (EylRect) { 0, 0, page->width_pt, page->height_pt };
  page->frame.material_w_mm = 850;
  page->frame.material_h_mm = 2000;
  page->frame.mm_per_pt_x = 25.4 / 72;
  page->frame.mm_per_pt_y = 25.4 / 72;
  page->frame.bottom_floor_mm = 80;

  url = eyl_element_new (EYL_ELEMENT_URL, EYL_SOURCE_TEXT, "www.example.org", &url_box, 0.95);
  url->id = g_strdup ("p0e0");
  url->floor_bottom_mm = 104.4;
  url->floor_top_mm = 125.6;
  url->cap_height_mm = 14.1;
  url->hidden_fraction = 1.0;
  url->eye_zone_fraction = 0.0;
  url->font_size = 60;
  url->cap_height = 42;
  url->color = 0x1a2b3c;
  url->contrast_ratio = 3.25;
  url->background = 0x2a4b6c;
  url->background_varies = TRUE;
  g_ptr_array_add (page->elements, url);

  logo = eyl_element_new (EYL_ELEMENT_LOGO, EYL_SOURCE_RASTER, NULL, &logo_box, 0.6);
  logo->id = g_strdup ("p0e1");
  logo->floor_bottom_mm = 1692;
  logo->floor_top_mm = 1798;
  logo->eye_zone_fraction = 0.8;
  g_ptr_array_add (page->elements, logo);

  qr = eyl_element_new (EYL_ELEMENT_QR, EYL_SOURCE_RASTER, "https://example.org/q", &qr_box, 0.95);
  qr->id = g_strdup ("p0e2");
  qr->decoded = TRUE;
  qr->module_pt = 2.0 / (25.4 / 72); /* 2 mm */
  qr->quiet_zone_modules = 3.5;
  qr->decode_px_per_module = 1.75;
  qr->symbology = g_strdup ("QR-Code");
  g_ptr_array_add (page->elements, qr);

  credit = eyl_element_new (EYL_ELEMENT_OTHER_URL, EYL_SOURCE_TEXT, "www.studio.example",
                            &credit_box, 0.95);
  credit->id = g_strdup ("p0e3");
  credit->third_party = TRUE;
  g_ptr_array_add (page->elements, credit);
  page->raster_w_px = 850;
  page->raster_h_px = 2000;
  page->raster_px_per_mm = 1.0;

  finding = eyl_finding_new ("contact-hidden", EYL_SEVERITY_ERROR, "p0e0", &url_box);
  eyl_finding_set_text (finding,
                        "The website \"www.example.org\" is hidden, by the table,\nfor 100 % of viewers.",
                        "Move it above 1100 mm.");
  eyl_finding_add_measure (finding, "hidden_fraction", 1.0);
  eyl_finding_add_measure (finding, "needed_mm", 0.1);
  g_ptr_array_add (page->findings, finding);

  finding = eyl_finding_new ("we-vs-you", EYL_SEVERITY_INFO, NULL, NULL);
  eyl_finding_set_text (finding, "The copy says “we” 5 times and “you” once.", "Talk to the reader.");
  eyl_finding_add_measure (finding, "we", 5);
  g_ptr_array_add (page->findings, finding);

  finding = eyl_finding_new ("low-contrast", EYL_SEVERITY_WARNING, "p0e0", &url_box);
  eyl_finding_set_text (finding, "Low contrast.", "Darken it.");
  eyl_finding_add_measure (finding, "contrast_ratio", 3.25);
  json_object_set_string_member (finding->measures, "color", "#1a2b3c");
  json_object_set_string_member (finding->measures, "background", "#2a4b6c");
  g_ptr_array_add (page->findings, finding);

  page->customer_focus = 42;
  page->score_breakdown = json_object_new ();
  json_object_set_int_member (page->score_breakdown, "contacts_visible", 0);
  json_object_set_double_member (page->score_breakdown, "eye_level", 12.5);
  g_ptr_array_add (page->warnings, g_strdup ("Poppler repaired the file."));

  good->n_pages = 1;
  g_ptr_array_add (good->pages, page);
  g_ptr_array_add (report->files, g_steal_pointer (&good));

  bad = eyl_file_result_new_error ("logo.png", error);
  g_ptr_array_add (report->files, g_steal_pointer (&bad));

  g_free (report->placement_id);
  report->placement_id = g_strdup ("rollup-behind-table");
  report->placement = placement;
  report->legibility = EYL_LEGIBILITY_20_ARCMIN;
  return report;
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_json_shape (void)
{
  g_autoptr(EylReport) report = make_report ();
  g_autofree char *text = eyl_report_format_json (report);
  g_autoptr(JsonNode) root = parse (text);
  JsonObject *object = json_node_get_object (root);
  JsonObject *file, *page, *element, *finding, *summary, *error;
  JsonArray  *box_rel, *files;

  g_assert_cmpint (json_object_get_int_member (object, "schema_version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "generator"), ==, "eyeline " PACKAGE_VERSION);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "placement"), "id"),
                   ==, "rollup-behind-table");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_object_get_object_member (object, "placement"),
                                                                 "table_height_mm"),
                                  750, 1e-9);

  files = json_object_get_array_member (object, "files");
  g_assert_cmpint (json_array_get_length (files), ==, 2);
  file = json_array_get_object_element (files, 0);
  g_assert_cmpstr (json_object_get_string_member (file, "status"), ==, "ok");
  g_assert_false (json_object_has_member (file, "error"));
  page = json_array_get_object_element (json_object_get_array_member (file, "pages"), 0);
  g_assert_cmpstr (json_object_get_string_member (page, "placement"), ==, "rollup-behind-table");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (page, "scale"), 1.0, 1e-9);

  element = json_array_get_object_element (json_object_get_array_member (page, "elements"), 0);
  g_assert_cmpstr (json_object_get_string_member (element, "kind"), ==, "url");
  g_assert_cmpstr (json_object_get_string_member (element, "source"), ==, "text");
  g_assert_cmpstr (json_object_get_string_member (element, "color"), ==, "#1a2b3c");
  /* only a contact that is not the brand's says so */
  g_assert_false (json_object_has_member (element, "third_party"));
  g_assert_true (json_object_get_boolean_member (
      json_array_get_object_element (json_object_get_array_member (page, "elements"), 3),
      "third_party"));
  /* box_rel: 100 / 2409.449 = 0.0415, 2760 / 5669.291 = 0.4868 */
  box_rel = json_object_get_array_member (element, "box_rel");
  g_assert_cmpfloat_with_epsilon (json_array_get_double_element (box_rel, 0), 100 / 2409.449, 1e-3);
  g_assert_cmpfloat_with_epsilon (json_array_get_double_element (box_rel, 3), 2760 / 5669.291, 1e-3);

  finding = json_array_get_object_element (json_object_get_array_member (page, "findings"), 0);
  g_assert_cmpstr (json_object_get_string_member (finding, "rule"), ==, "contact-hidden");
  g_assert_cmpstr (json_object_get_string_member (finding, "element"), ==, "p0e0");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_object_get_object_member (finding, "measures"),
                                                                 "hidden_fraction"),
                                  1.0, 1e-9);
  finding = json_array_get_object_element (json_object_get_array_member (page, "findings"), 1);
  g_assert_true (json_object_get_null_member (finding, "element"));
  g_assert_true (json_object_get_null_member (finding, "box_pt"));

  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (page, "scores"), "customer_focus"),
                   ==, 42);

  file = json_array_get_object_element (files, 1);
  g_assert_cmpstr (json_object_get_string_member (file, "status"), ==, "error");
  error = json_object_get_object_member (file, "error");
  g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, "not-pdf");

  summary = json_object_get_object_member (object, "summary");
  g_assert_cmpint (json_object_get_int_member (summary, "files"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (summary, "failed"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (summary, "errors"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (summary, "warnings"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (summary, "infos"), ==, 1);

  /* Doubles are rounded and printed short: 0.1 never as 0.1000000000001. */
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "\"needed_mm\": 0.1"));
  g_assert_null (strstr (text, "0000000"));
}

static void
test_json_round_trip (void)
{
  g_autoptr(EylReport) report = make_report ();
  g_autofree char *first = eyl_report_format_json (report);
  g_autoptr(JsonNode) node = parse (first);
  g_autoptr(GError) error = NULL;
  g_autoptr(EylReport) back = eyl_report_from_json (node, &error);
  g_autofree char *second = NULL;
  g_autoptr(JsonNode) first_node = NULL;
  g_autoptr(JsonNode) second_node = NULL;
  EylFileResult   *file;
  EylPageAnalysis *page;
  EylElement      *element;

  g_assert_no_error (error);
  g_assert_nonnull (back);

  second = eyl_report_format_json (back);
  g_assert_cmpstr (first, ==, second);

  /* equal as JSON trees too, not only as text */
  first_node = parse (first);
  second_node = parse (second);
  g_assert_true (json_node_equal (first_node, second_node));

  /* and the structs carry the values */
  g_assert_cmpint (back->files->len, ==, 2);
  file = g_ptr_array_index (back->files, 0);
  g_assert_true (file->ok);
  g_assert_cmpstr (file->path, ==, "dir/banner, \"final\".pdf");
  page = g_ptr_array_index (file->pages, 0);
  g_assert_cmpstr (page->placement->id, ==, "rollup-behind-table");
  g_assert_cmpint (page->placement->kind, ==, EYL_PLACEMENT_ROLLUP);
  /* The standard the page was judged by (the export's walk-up marks use it). */
  g_assert_cmpint (page->legibility, ==, EYL_LEGIBILITY_1_300);
  g_assert_cmpfloat_with_epsilon (page->placement->table_gap_mm, 600, 1e-9);
  g_assert_cmpfloat_with_epsilon (page->frame.bottom_floor_mm, 80, 1e-9);
  g_assert_cmpfloat_with_epsilon (page->page_w_pt, 2427.449, 1e-9);
  element = g_ptr_array_index (page->elements, 0);
  g_assert_cmpint (element->kind, ==, EYL_ELEMENT_URL);
  g_assert_cmpfloat_with_epsilon (element->hidden_fraction, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (element->box.y1, 2760, 1e-9);
  g_assert_cmpuint (element->color, ==, 0x1a2b3c);
  g_assert_cmpfloat_with_epsilon (element->contrast_ratio, 3.25, 1e-9);
  g_assert_cmpuint (element->background, ==, 0x2a4b6c);
  g_assert_true (element->background_varies);
  g_assert_false (element->decoded);
  g_assert_cmpfloat (element->module_pt, ==, 0);
  element = g_ptr_array_index (page->elements, 2);
  g_assert_cmpint (element->kind, ==, EYL_ELEMENT_QR);
  g_assert_true (element->decoded);
  g_assert_cmpfloat_with_epsilon (element->module_pt * 25.4 / 72, 2.0, 1e-4);
  g_assert_cmpfloat_with_epsilon (element->quiet_zone_modules, 3.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (element->decode_px_per_module, 1.75, 1e-9);
  g_assert_cmpstr (element->symbology, ==, "QR-Code");
  g_assert_false (element->third_party);
  g_assert_true (((EylElement *) g_ptr_array_index (page->elements, 3))->third_party);
  g_assert_cmpfloat (element->contrast_ratio, ==, 0);
  g_assert_cmpint (page->raster_w_px, ==, 850);
  g_assert_cmpint (page->raster_h_px, ==, 2000);
  g_assert_cmpfloat_with_epsilon (page->raster_px_per_mm, 1.0, 1e-9);
  g_assert_cmpstr (json_object_get_string_member (((EylFinding *) g_ptr_array_index (page->findings, 2))->measures,
                                                  "background"),
                   ==, "#2a4b6c");
  g_assert_cmpint (((EylFinding *) g_ptr_array_index (page->findings, 0))->severity, ==,
                   EYL_SEVERITY_ERROR);
  file = g_ptr_array_index (back->files, 1);
  g_assert_false (file->ok);
  g_assert_cmpint (file->error_code, ==, EYL_ERROR_NOT_PDF);
  g_assert_cmpint (back->legibility, ==, EYL_LEGIBILITY_20_ARCMIN);
  g_assert_cmpint (eyl_report_max_severity (back), ==, EYL_SEVERITY_ERROR);
}

static void
test_file_result_round_trip (void)
{
  g_autoptr(EylReport) report = make_report ();
  EylFileResult *file = g_ptr_array_index (report->files, 0);
  g_autoptr(JsonNode) node = eyl_file_result_to_json (file);
  g_autofree char *compact = eyl_report_json_node_to_string (node, FALSE);
  g_autoptr(JsonNode) parsed = parse (compact);
  g_autoptr(GError) error = NULL;
  g_autoptr(EylFileResult) back = eyl_file_result_from_json (json_node_get_object (parsed), &error);
  g_autoptr(JsonNode) again = NULL;

  g_assert_no_error (error);
  /* the worker channel is one line */
  g_assert_null (strchr (compact, '\n'));
  again = eyl_file_result_to_json (back);
  g_assert_true (json_node_equal (node, again));
}

/* A file name that is not UTF-8: the JSON stays UTF-8 ("path" is the
 * display name) and loses nothing ("path_bytes", "outputs_bytes"); the
 * CSV and the text stay UTF-8 too. */
static void
test_non_utf8_paths (void)
{
  g_autoptr(EylReport) report = eyl_report_new ();
  g_autoptr(EylFileResult) file = eyl_file_result_new ("dir/caf\xe9.pdf");
  g_autoptr(EylFileResult) back = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) parsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char   *json = NULL;
  g_autofree char   *csv = NULL;
  g_autofree char   *text = NULL;
  g_autofree guchar *bytes = NULL;
  JsonObject        *object;
  gsize              len = 0;

  g_ptr_array_add (file->outputs, g_strdup ("out/caf\xe9-eyeline.pdf"));
  g_ptr_array_add (file->outputs, g_strdup ("out/plain-eyeline.pdf"));
  node = eyl_file_result_to_json (file);
  json = eyl_report_json_node_to_string (node, FALSE);
  g_test_message ("%s", json);
  g_assert_true (g_utf8_validate (json, -1, NULL));

  parsed = parse (json);
  object = json_node_get_object (parsed);
  g_assert_cmpstr (json_object_get_string_member (object, "path"), ==, "dir/caf\xef\xbf\xbd.pdf");
  bytes = g_base64_decode (json_object_get_string_member (object, "path_bytes"), &len);
  g_assert_cmpmem (bytes, len, "dir/caf\xe9.pdf", strlen ("dir/caf\xe9.pdf"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "outputs_bytes")),
                    ==, 2);

  back = eyl_file_result_from_json (object, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->path, ==, "dir/caf\xe9.pdf");
  g_assert_cmpstr (g_ptr_array_index (back->outputs, 0), ==, "out/caf\xe9-eyeline.pdf");
  g_assert_cmpstr (g_ptr_array_index (back->outputs, 1), ==, "out/plain-eyeline.pdf");

  g_ptr_array_add (report->files, g_steal_pointer (&file));
  csv = eyl_report_format_csv (report);
  text = eyl_report_format_text (report, FALSE);
  g_assert_true (g_utf8_validate (csv, -1, NULL));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_nonnull (strstr (text, "dir/caf\\xE9.pdf"));

  /* a UTF-8 name has no "path_bytes" */
  {
    g_autoptr(EylFileResult) plain = eyl_file_result_new ("dir/café.pdf");
    g_autoptr(JsonNode) plain_node = eyl_file_result_to_json (plain);

    g_assert_false (json_object_has_member (json_node_get_object (plain_node), "path_bytes"));
  }
}

static void
test_json_malformed (void)
{
  const char *cases[] = {
    "[]",
    "{}",
    "{\"schema_version\": 2, \"placement\": {\"id\": \"auto\"}, \"files\": []}",
    "{\"schema_version\": \"1\", \"placement\": {\"id\": \"auto\"}, \"files\": []}",
    "{\"schema_version\": 1, \"placement\": {\"id\": \"auto\"}, \"files\": {}}",
    "{\"schema_version\": 1, \"placement\": {\"id\": \"auto\"}, \"files\": [3]}",
    "{\"schema_version\": 1, \"placement\": {\"id\": \"auto\"}, \"files\": [{\"path\": \"a.pdf\"}]}",
    "{\"schema_version\": 1, \"placement\": {\"id\": \"auto\"}, \"files\": [{\"path\": \"a.pdf\", \"status\": \"error\"}]}",
    "{\"schema_version\": 1, \"placement\": {\"id\": \"auto\"}, \"files\": [{\"path\": \"a.pdf\", \"status\": \"error\", \"error\": {\"code\": \"nope\"}}]}",
    "{\"schema_version\": 1, \"placement\": {\"id\": \"auto\"}, \"files\": [{\"path\": \"a.pdf\", \"status\": \"ok\", \"pages\": [{\"index\": 0}]}]}",
    "{\"schema_version\": 1, \"placement\": {\"id\": \"auto\"}, \"files\": [{\"path\": \"a.pdf\", \"status\": \"ok\", \"pages\": [{\"index\": 0, \"size_pt\": [1, 2], \"material_mm\": [1, 2], \"scale\": 1, \"elements\": [{\"id\": \"p0e0\", \"kind\": \"spaceship\", \"source\": \"text\", \"box_pt\": [0, 0, 1, 1]}], \"findings\": [], \"scores\": {\"customer_focus\": 1}}]}]}",
    "{\"schema_version\": 1, \"placement\": {\"id\": \"auto\"}, \"files\": [{\"path\": \"a.pdf\", \"status\": \"ok\", \"pages\": [{\"index\": 0, \"size_pt\": [1, \"x\"], \"material_mm\": [1, 2], \"scale\": 1, \"elements\": [], \"findings\": [], \"scores\": {\"customer_focus\": 1}}]}]}",
    "{\"schema_version\": 1, \"placement\": {\"id\": \"auto\"}, \"files\": [{\"path\": \"a.pdf\", \"status\": \"ok\", \"pages\": [{\"index\": 0, \"size_pt\": [1, 2], \"material_mm\": [1, 2], \"scale\": 1, \"elements\": [], \"findings\": [{\"rule\": \"x\", \"severity\": \"fatal\"}], \"scores\": {\"customer_focus\": 1}}]}]}",
    "{\"schema_version\": 1, \"placement\": {\"id\": \"x\", \"kind\": \"spaceship\", \"sizes_mm\": []}, \"files\": []}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = parse (cases[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(EylReport) report = eyl_report_from_json (node, &error);

      g_test_message ("case %u: %s", i, cases[i]);
      g_assert_null (report);
      g_assert_error (error, EYL_ERROR, EYL_ERROR_INVALID);
    }

  /* a good minimal one for contrast */
  {
    g_autoptr(JsonNode) node = parse ("{\"schema_version\": 1, \"placement\": {\"id\": \"auto\"}, \"files\": []}");
    g_autoptr(GError) error = NULL;
    g_autoptr(EylReport) report = eyl_report_from_json (node, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (report->placement_id, ==, "auto");
  }
}

static void
test_text (void)
{
  g_autoptr(EylReport) report = make_report ();
  g_autofree char *plain = eyl_report_format_text (report, FALSE);
  g_autofree char *colored = eyl_report_format_text (report, TRUE);
  const char      *error_pos, *info_pos;

  g_test_message ("%s", plain);
  g_assert_nonnull (strstr (plain, "dir/banner, \"final\".pdf\n"));
  g_assert_nonnull (strstr (plain, "rollup-behind-table"));
  g_assert_nonnull (strstr (plain, "850 × 2000 mm"));
  g_assert_nonnull (strstr (plain, "1:1"));
  g_assert_nonnull (strstr (plain, "customer focus 42/100"));
  g_assert_nonnull (strstr (plain, "contact-hidden"));
  g_assert_nonnull (strstr (plain, "Fix: Move it above 1100 mm."));
  /* errors before infos */
  error_pos = strstr (plain, "ERROR");
  info_pos = strstr (plain, "INFO");
  g_assert_nonnull (error_pos);
  g_assert_nonnull (info_pos);
  g_assert_true (error_pos < info_pos);
  /* the unreadable file: one line naming it and the problem */
  g_assert_nonnull (strstr (plain, "logo.png: cannot be checked (not-pdf): This is a PNG image, not a PDF.\n"));
  g_assert_null (strchr (plain, '\033'));
  g_assert_nonnull (strchr (colored, '\033'));
}

/* A small RFC 4180 reader, to check the writer from the other side. */
static GPtrArray *
csv_parse (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString   *field = g_string_new (NULL);
  gboolean   quoted = FALSE;

  for (const char *c = text; *c != '\0'; c++)
    {
      if (quoted)
        {
          if (*c == '"' && c[1] == '"')
            {
              g_string_append_c (field, '"');
              c++;
            }
          else if (*c == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *c);
        }
      else if (*c == '"')
        quoted = TRUE;
      else if (*c == ',')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
        }
      else if (*c == '\r' && c[1] == '\n')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
          c++;
        }
      else
        g_string_append_c (field, *c);
    }
  g_assert_false (quoted);
  g_assert_cmpuint (field->len, ==, 0);
  g_assert_cmpuint (row->len, ==, 0);
  g_ptr_array_unref (row);
  g_string_free (field, TRUE);
  return rows;
}

static const char *
cell (GPtrArray  *rows,
      guint       r,
      const char *column)
{
  GPtrArray *header = g_ptr_array_index (rows, 0);
  GPtrArray *row = g_ptr_array_index (rows, r);

  for (guint i = 0; i < header->len; i++)
    if (g_str_equal (g_ptr_array_index (header, i), column))
      return g_ptr_array_index (row, i);
  g_assert_not_reached ();
  return NULL;
}

static void
test_csv (void)
{
  g_autoptr(EylReport) report = make_report ();
  g_autofree char *csv = eyl_report_format_csv (report);
  g_autoptr(GPtrArray) rows = csv_parse (csv);
  guint n_columns;

  g_test_message ("%s", csv);
  g_assert_true (g_str_has_prefix (csv, "file,page,status,rule,severity,element,kind,text,message,fix,x0,y0,x1,y1,hidden_fraction"));
  /* header, three findings, one failed file */
  g_assert_cmpuint (rows->len, ==, 5);
  n_columns = ((GPtrArray *) g_ptr_array_index (rows, 0))->len;
  for (guint r = 1; r < rows->len; r++)
    g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, r))->len, ==, n_columns);

  /* commas, quotes and line breaks survive the quoting */
  g_assert_cmpstr (cell (rows, 1, "file"), ==, "dir/banner, \"final\".pdf");
  g_assert_cmpstr (cell (rows, 1, "message"), ==,
                   "The website \"www.example.org\" is hidden, by the table,\nfor 100 % of viewers.");
  g_assert_cmpstr (cell (rows, 1, "rule"), ==, "contact-hidden");
  g_assert_cmpstr (cell (rows, 1, "severity"), ==, "error");
  g_assert_cmpstr (cell (rows, 1, "kind"), ==, "url");
  g_assert_cmpstr (cell (rows, 1, "text"), ==, "www.example.org");
  g_assert_cmpstr (cell (rows, 1, "page"), ==, "1");
  g_assert_cmpstr (cell (rows, 1, "y1"), ==, "2760.000");
  g_assert_cmpstr (cell (rows, 1, "hidden_fraction"), ==, "1.000");
  g_assert_cmpstr (cell (rows, 2, "rule"), ==, "we-vs-you");
  g_assert_cmpstr (cell (rows, 2, "element"), ==, "");
  g_assert_cmpstr (cell (rows, 3, "rule"), ==, "low-contrast");
  g_assert_cmpstr (cell (rows, 4, "file"), ==, "logo.png");
  g_assert_cmpstr (cell (rows, 4, "status"), ==, "error");
  g_assert_cmpstr (cell (rows, 4, "error_code"), ==, "not-pdf");
}

/* Cells a spreadsheet would run as formulas are neutralised (OWASP, CSV
 * injection): a single quote first, the cell quoted; numbers stay
 * numbers. */
static void
test_csv_formulas (void)
{
  g_autoptr(EylReport) report = eyl_report_new ();
  g_autoptr(EylFileResult) file = eyl_file_result_new ("=HYPERLINK(\"http://x.example\",\"open\").pdf");
  g_autoptr(EylFileResult) failed = NULL;
  g_autoptr(GError) error = g_error_new_literal (EYL_ERROR, EYL_ERROR_NOT_PDF, "-not a PDF");
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  EylPageAnalysis *page = eyl_page_analysis_new ();
  EylRect          box = { -5, 10, 20, 30 };
  EylElement      *element;
  EylFinding      *finding;

  element = eyl_element_new (EYL_ELEMENT_HEADLINE, EYL_SOURCE_TEXT, "@SUM(A1:A9)", &box, 0.9);
  element->id = g_strdup ("p0e0");
  g_ptr_array_add (page->elements, element);
  finding = eyl_finding_new ("contact-hidden", EYL_SEVERITY_ERROR, "p0e0", &box);
  eyl_finding_set_text (finding, "+1+2", "\tcmd|' /C calc'!A0");
  g_ptr_array_add (page->findings, finding);
  g_ptr_array_add (file->pages, page);
  g_ptr_array_add (report->files, g_steal_pointer (&file));
  failed = eyl_file_result_new_error ("@evil.pdf", error);
  g_ptr_array_add (report->files, g_steal_pointer (&failed));

  csv = eyl_report_format_csv (report);
  g_test_message ("%s", csv);
  g_assert_true (g_str_has_prefix (csv, "file,"));
  g_assert_nonnull (strstr (csv, "\r\n\"'=HYPERLINK(\"\"http://x.example\"\",\"\"open\"\").pdf\","));
  g_assert_nonnull (strstr (csv, "\r\n\"'@evil.pdf\","));

  rows = csv_parse (csv);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (cell (rows, 1, "file"), ==, "'=HYPERLINK(\"http://x.example\",\"open\").pdf");
  g_assert_cmpstr (cell (rows, 1, "text"), ==, "'@SUM(A1:A9)");
  g_assert_cmpstr (cell (rows, 1, "message"), ==, "'+1+2");
  g_assert_cmpstr (cell (rows, 1, "fix"), ==, "'\tcmd|' /C calc'!A0");
  g_assert_cmpstr (cell (rows, 1, "x0"), ==, "-5.000");
  g_assert_cmpstr (cell (rows, 2, "message"), ==, "'-not a PDF");
  for (guint r = 1; r < rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < row->len; c++)
        {
          const char *value = g_ptr_array_index (row, c);
          char       *end = NULL;

          /* nothing starts like a formula but a number */
          if (value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL)
            {
              g_ascii_strtod (value, &end);
              g_assert_true (end != NULL && *end == '\0');
            }
        }
    }
}

static void
test_summary (void)
{
  g_autoptr(EylReport) report = eyl_report_new ();
  EylReportSummary summary;

  eyl_report_get_summary (report, &summary);
  g_assert_cmpuint (summary.files, ==, 0);
  g_assert_cmpint (eyl_report_max_severity (report), ==, -1);

  g_ptr_array_add (report->files, eyl_file_result_new ("empty.pdf"));
  eyl_report_get_summary (report, &summary);
  g_assert_cmpuint (summary.files, ==, 1);
  g_assert_cmpuint (summary.failed, ==, 0);
  g_assert_cmpint (eyl_report_max_severity (report), ==, -1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eyl/report/json-shape", test_json_shape);
  g_test_add_func ("/eyl/report/json-round-trip", test_json_round_trip);
  g_test_add_func ("/eyl/report/file-result-round-trip", test_file_result_round_trip);
  g_test_add_func ("/eyl/report/non-utf8-paths", test_non_utf8_paths);
  g_test_add_func ("/eyl/report/json-malformed", test_json_malformed);
  g_test_add_func ("/eyl/report/text", test_text);
  g_test_add_func ("/eyl/report/csv", test_csv);
  g_test_add_func ("/eyl/report/csv-formulas", test_csv_formulas);
  g_test_add_func ("/eyl/report/summary", test_summary);

  return g_test_run ();
}
