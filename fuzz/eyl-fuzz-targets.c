/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-fuzz-targets.c: the bodies of the fuzz targets (see fuzz/README).
 *
 * Every target checks more than "does not crash": what the engine writes
 * it must read back (report JSON), what a loader refuses it must explain
 * naming the file (brand kits, placements).  A broken promise aborts, so
 * libFuzzer keeps the input like any other crash. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-fuzz"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <cairo.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "eyl-fuzz-targets.h"

#include "eyl-analysis.h"
#include "eyl-brand-kit.h"
#include "eyl-detect.h"
#include "eyl-error.h"
#include "eyl-overlay.h"
#include "eyl-page-data.h"
#include "eyl-placement.h"
#include "eyl-report.h"
#include "eyl-scene.h"

/* Larger inputs say nothing new and only slow the search down. */
#define MAX_OPS     96
#define MAX_SIDE_PT 20000.0

/* A broken promise of the engine (not a crash by itself): abort with the
 * reason, so the input is kept as a crash. */
#define fuzz_check(cond, ...) \
  G_STMT_START                \
  {                           \
    if (!(cond))              \
      g_error (__VA_ARGS__);  \
  }                           \
  G_STMT_END

/* Reading the analysis input ---------------------------------------------
 *
 * A stream of bytes; reading past its end gives zeros, so every input is
 * a valid page.  A number is one tag byte, then for ordinary numbers two
 * more bytes: tags below NUM_SPECIAL give a fraction of the maximum, the
 * others NaN, ±infinity, 0, a negative number, a huge or a tiny one. */

#define NUM_SPECIAL 0xf0
#define NUM_SCALE   ((double) ((NUM_SPECIAL << 16) - 1))

enum
{
  NUM_NAN = NUM_SPECIAL,
  NUM_POS_INF,
  NUM_NEG_INF,
  NUM_ZERO,
  NUM_NEGATIVE,
  NUM_HUGE,
  NUM_TINY,
};

typedef struct
{
  const guint8 *data;
  gsize         left;
} Reader;

static guint8
read_u8 (Reader *r)
{
  guint8 v;

  if (r->left == 0)
    return 0;
  v = *r->data++;
  r->left--;
  return v;
}

static guint
read_u16 (Reader *r)
{
  guint hi = read_u8 (r);

  return (hi << 8) | read_u8 (r);
}

static double
read_number (Reader *r,
             double  max)
{
  guint tag = read_u8 (r);

  switch (tag)
    {
    case NUM_NAN:
      return NAN;
    case NUM_POS_INF:
      return INFINITY;
    case NUM_NEG_INF:
      return -INFINITY;
    case NUM_ZERO:
      return 0;
    case NUM_NEGATIVE:
      return -(read_u16 (r) / 65535.0) * max;
    case NUM_HUGE:
      return 1e300;
    case NUM_TINY:
      return 1e-300;
    default:
      if (tag > NUM_TINY)
        return max;
      return ((tag << 16) | read_u16 (r)) / NUM_SCALE * max;
    }
}

/* Any bytes, made valid UTF-8 (as Poppler's text always is). */
static char *
read_text (Reader *r)
{
  guint            len = read_u8 (r);
  g_autofree char *raw = NULL;

  len = MIN (len, r->left);
  raw = g_strndup ((const char *) r->data, len);
  r->data += len;
  r->left -= len;
  return g_utf8_make_valid (raw, -1);
}

static EylRect
read_rect (Reader *r)
{
  EylRect rect;

  rect.x0 = read_number (r, MAX_SIDE_PT);
  rect.y0 = read_number (r, MAX_SIDE_PT);
  rect.x1 = read_number (r, MAX_SIDE_PT);
  rect.y1 = read_number (r, MAX_SIDE_PT);
  return rect;
}

/* A pixel count from a number: the harness itself must not convert NaN
 * or infinity to an int. */
static int
read_pixels (Reader *r)
{
  double v = read_number (r, 20000);

  if (!isfinite (v) || v < -1e6 || v > 1e6)
    return 0;
  return (int) v;
}

/* Writing it (the seed generator) ---------------------------------------- */

struct _EylFuzzWriter
{
  GByteArray *bytes;
};

EylFuzzWriter *
eyl_fuzz_writer_new (void)
{
  EylFuzzWriter *writer = g_new0 (EylFuzzWriter, 1);

  writer->bytes = g_byte_array_new ();
  return writer;
}

void
eyl_fuzz_writer_u8 (EylFuzzWriter *writer,
                    guint8         value)
{
  g_byte_array_append (writer->bytes, &value, 1);
}

static void
writer_u16 (EylFuzzWriter *writer,
            guint          value)
{
  eyl_fuzz_writer_u8 (writer, (value >> 8) & 0xff);
  eyl_fuzz_writer_u8 (writer, value & 0xff);
}

void
eyl_fuzz_writer_number (EylFuzzWriter *writer,
                        double         value,
                        double         max)
{
  guint f;

  g_return_if_fail (max > 0);

  if (isnan (value))
    eyl_fuzz_writer_u8 (writer, NUM_NAN);
  else if (isinf (value))
    eyl_fuzz_writer_u8 (writer, value > 0 ? NUM_POS_INF : NUM_NEG_INF);
  else if (value == 0)
    eyl_fuzz_writer_u8 (writer, NUM_ZERO);
  else if (value < 0)
    {
      eyl_fuzz_writer_u8 (writer, NUM_NEGATIVE);
      writer_u16 (writer, (guint) round (MIN (-value / max, 1.0) * 65535));
    }
  else
    {
      f = (guint) round (MIN (value / max, 1.0) * NUM_SCALE);
      eyl_fuzz_writer_u8 (writer, f >> 16);
      writer_u16 (writer, f & 0xffff);
    }
}

void
eyl_fuzz_writer_text (EylFuzzWriter *writer,
                      const char    *ascii)
{
  gsize len = MIN (strlen (ascii), 255);

  eyl_fuzz_writer_u8 (writer, len);
  g_byte_array_append (writer->bytes, (const guint8 *) ascii, len);
}

GBytes *
eyl_fuzz_writer_free_to_bytes (EylFuzzWriter *writer)
{
  GBytes *bytes = g_byte_array_free_to_bytes (writer->bytes);

  g_free (writer);
  return bytes;
}

/* Shared state ------------------------------------------------------------ */

static EylPlacementSet *
builtin_placements (void)
{
  static EylPlacementSet *set;

  /* Built once: the targets never change it. */
  if (set == NULL)
    set = eyl_placement_set_new_default (NULL);
  return set;
}

/* A scratch folder for the file readers, made once per process. */
static const char *
scratch_dir (void)
{
  static char *dir;

  if (dir == NULL)
    {
      g_autoptr(GError) error = NULL;

      dir = g_dir_make_tmp ("eyl-fuzz-XXXXXX", &error);
      fuzz_check (dir != NULL, "no scratch folder: %s", error->message);
      /* Logo files a kit may name. */
      for (guint i = 0; i < 2; i++)
        {
          g_autofree char *logo = g_build_filename (dir, i == 0 ? "logo.png" : "logo.svg", NULL);
          g_file_set_contents (logo, "logo", -1, NULL);
        }
    }
  return dir;
}

static const char *const font_names[] = {
  "Helvetica",
  "Helvetica-Bold",
  "Arial-BoldMT",
  "Courier",
  "",
  "Symbol",
  "Impact",
  "TimesNewRomanPS-ItalicMT",
};

/* The synthetic renderer: the text lines painted as blocks of their
 * colour over a background, enough for the contrast measurement. */
typedef struct
{
  EylPageData *page;
  guint32      background;
  gboolean     fail;
} FakeRenderer;

static EylRaster *
fake_render (const EylRect *area,
             double         scale,
             gpointer       user_data,
             GError       **error)
{
  FakeRenderer *fake = user_data;
  EylRaster    *raster;
  cairo_t      *cr;

  if (fake->fail)
    {
      g_set_error_literal (error, EYL_ERROR, EYL_ERROR_INVALID, "fuzz: render failed");
      return NULL;
    }

  raster = eyl_raster_new (area, scale);
  cr = eyl_raster_create_context (raster);
  cairo_set_source_rgb (cr, ((fake->background >> 16) & 0xff) / 255.0,
                        ((fake->background >> 8) & 0xff) / 255.0,
                        (fake->background & 0xff) / 255.0);
  cairo_paint (cr);
  cairo_scale (cr, raster->scale, raster->scale);
  cairo_translate (cr, -area->x0, -area->y0);
  for (guint i = 0; i < fake->page->lines->len; i++)
    {
      const EylTextLine *line = &g_array_index (fake->page->lines, EylTextLine, i);

      cairo_set_source_rgb (cr, ((line->color >> 16) & 0xff) / 255.0,
                            ((line->color >> 8) & 0xff) / 255.0,
                            (line->color & 0xff) / 255.0);
      cairo_rectangle (cr, line->box.x0, line->box.y0,
                       eyl_rect_width (&line->box), eyl_rect_height (&line->box));
      cairo_fill (cr);
    }
  cairo_destroy (cr);
  return raster;
}

/* The painters of the window and the exporter, on a small surface. */
static void
paint_analysis (EylPageAnalysis *analysis)
{
  cairo_surface_t  *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 96, 96);
  cairo_t          *cr = cairo_create (surface);
  EylOverlayOptions overlay;
  EylSceneOptions   scene;
  GArray           *markers;

  eyl_overlay_options_init (&overlay);
  overlay.layers = EYL_OVERLAY_ALL;
  overlay.highlighted_finding = analysis->findings->len > 0 ? 0 : -1;
  overlay.highlighted_element = analysis->elements->len > 0 ? 0 : -1;
  /* As the window does: the page fitted, within the zoom range it
   * allows (a page 1e-300 pt wide is not zoomed by 1e302). */
  if (analysis->width_pt > 0 && isfinite (analysis->width_pt))
    {
      double zoom = CLAMP (96 / analysis->width_pt, 1e-3, 1e3);

      cairo_scale (cr, zoom, zoom);
      overlay.px_per_pt = zoom;
    }
  eyl_overlay_paint (cr, analysis, &overlay);
  markers = eyl_overlay_layout_markers (analysis, &overlay);
  g_clear_pointer (&markers, g_array_unref);
  eyl_overlay_hit_test_marker (analysis, &overlay, 10, 10);
  eyl_overlay_hit_test (analysis, analysis->width_pt / 2, analysis->height_pt / 2);
  eyl_overlay_print_px_per_pt (analysis);

  cairo_identity_matrix (cr);
  eyl_scene_options_init (&scene);
  scene.paint_background = TRUE;
  scene.highlighted_element = analysis->elements->len > 0 ? 0 : -1;
  eyl_scene_paint (cr, 96, 96, analysis, &scene);
  scene.inches = TRUE;
  scene.dark = TRUE;
  eyl_scene_paint (cr, 96, 64, analysis, &scene);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
format_report (EylReport *report)
{
  g_autofree char *text = eyl_report_format_text (report, FALSE);
  g_autofree char *color = eyl_report_format_text (report, TRUE);
  g_autofree char *csv = eyl_report_format_csv (report);

  fuzz_check (text != NULL && color != NULL && csv != NULL, "a writer gave nothing");
  fuzz_check (g_utf8_validate (text, -1, NULL), "the text report is not UTF-8");
  fuzz_check (g_utf8_validate (csv, -1, NULL), "the CSV report is not UTF-8");
}

static EylReport *
parse_report (const char *json,
              GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, json, -1, error))
    return NULL;
  return eyl_report_from_json (json_parser_get_root (parser), error);
}

/* The same tree, numbers within rounding: the report rounds to three
 * decimals and derives some numbers from others (box_rel from box_pt), so
 * a number read back may move in its last written digit.  Strings, kinds,
 * members and nulls must not change at all. */
static gboolean
same_node (JsonNode *a,
           JsonNode *b,
           GString  *where)
{
  if (JSON_NODE_TYPE (a) != JSON_NODE_TYPE (b))
    return FALSE;

  switch (JSON_NODE_TYPE (a))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *oa = json_node_get_object (a), *ob = json_node_get_object (b);
        g_autoptr(GList) members = json_object_get_members (oa);

        if (json_object_get_size (oa) != json_object_get_size (ob))
          return FALSE;
        for (GList *l = members; l != NULL; l = l->next)
          {
            gsize len = where->len;

            g_string_append_printf (where, ".%s", (const char *) l->data);
            if (!json_object_has_member (ob, l->data) ||
                !same_node (json_object_get_member (oa, l->data),
                            json_object_get_member (ob, l->data), where))
              return FALSE;
            g_string_truncate (where, len);
          }
        return TRUE;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *aa = json_node_get_array (a), *ab = json_node_get_array (b);

        if (json_array_get_length (aa) != json_array_get_length (ab))
          return FALSE;
        for (guint i = 0; i < json_array_get_length (aa); i++)
          {
            gsize len = where->len;

            g_string_append_printf (where, "[%u]", i);
            if (!same_node (json_array_get_element (aa, i), json_array_get_element (ab, i), where))
              return FALSE;
            g_string_truncate (where, len);
          }
        return TRUE;
      }
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (a) == G_TYPE_DOUBLE || json_node_get_value_type (a) == G_TYPE_INT64)
        {
          double x = json_node_get_double (a), y = json_node_get_double (b);

          if (json_node_get_value_type (b) != G_TYPE_DOUBLE &&
              json_node_get_value_type (b) != G_TYPE_INT64)
            return FALSE;
          return fabs (x - y) <= 0.01 + 1e-3 * MAX (fabs (x), fabs (y));
        }
      return json_node_equal (a, b);
    case JSON_NODE_NULL:
    default:
      return TRUE;
    }
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  fuzz_check (json_parser_load_from_data (parser, text, -1, NULL), "the engine wrote bad JSON");
  return json_node_copy (json_parser_get_root (parser));
}

static void
check_same (const char *json,
            const char *again,
            gboolean    exact)
{
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;
  g_autoptr(GString) where = g_string_new ("");
  gsize at = 0, line_start = 0;

  if (g_str_equal (json, again))
    return;
  a = parse_json (json);
  b = parse_json (again);
  /* The order of the members of an object may differ. */
  if (exact ? json_node_equal (a, b) : same_node (a, b, where))
    return;

  while (json[at] == again[at])
    if (json[at++] == '\n')
      line_start = at;
  g_error ("the report changes when read back%s (%s), at byte %" G_GSIZE_FORMAT ":\n"
           "written: %.200s\nread:    %.200s",
           exact ? " twice" : "", where->str,
           at, json + line_start, again + line_start);
}

/* What the engine writes it must read back, and write again the same
 * within rounding; and what it wrote from that, exactly the same. */
static void
check_round_trip (EylReport *report)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = eyl_report_format_json (report);
  g_autofree char *again = NULL;
  g_autofree char *third = NULL;
  g_autoptr(EylReport) read = NULL;
  g_autoptr(EylReport) read_again = NULL;

  fuzz_check (json != NULL && g_utf8_validate (json, -1, NULL), "the JSON report is not UTF-8");
  read = parse_report (json, &error);
  fuzz_check (read != NULL, "the engine cannot read its own report: %s\n%s",
              error->message, json);
  again = eyl_report_format_json (read);
  check_same (json, again, FALSE);
  format_report (read);

  read_again = parse_report (again, &error);
  fuzz_check (read_again != NULL, "the engine cannot read its own report twice: %s",
              error->message);
  third = eyl_report_format_json (read_again);
  check_same (again, third, TRUE);
}

/* Target: page snapshot → analysis → reports ---------------------------- */

static EylPageData *
decode_page (Reader *r,
             guint8  flags)
{
  EylPageDataBuilder *builder;
  double              width = read_number (r, MAX_SIDE_PT);
  double              height = read_number (r, MAX_SIDE_PT);
  guint8              box_flags = read_u8 (r);
  guint               n_ops = 0;

  builder = eyl_page_data_builder_new (flags >> 6, width, height);

  if (box_flags & 0x80)
    {
      EylPageBoxes boxes = {
        0,
      };

      boxes.media = (EylRect) { 0, 0, width, height };
      boxes.crop = boxes.media;
      boxes.has_trim = (box_flags & 0x01) != 0;
      boxes.has_bleed = (box_flags & 0x02) != 0;
      boxes.has_art = (box_flags & 0x04) != 0;
      boxes.rotate = ((box_flags >> 3) & 0x03) * 90;
      boxes.user_unit = (box_flags & 0x20) ? read_number (r, 100) : 1.0;
      if (box_flags & 0x40)
        boxes.crop = read_rect (r);
      boxes.trim = boxes.has_trim ? read_rect (r) : boxes.crop;
      boxes.bleed = boxes.has_bleed ? read_rect (r) : boxes.crop;
      boxes.art = boxes.has_art ? read_rect (r) : boxes.crop;
      eyl_page_data_builder_set_boxes (builder, &boxes);
    }

  while (r->left > 0 && n_ops++ < MAX_OPS)
    {
      guint8 op = read_u8 (r);

      switch (op % 6)
        {
        case 0: /* text spread over a box */
        case 1: /* text with a box per character */
          {
            EylRect             box = read_rect (r);
            double              size = read_number (r, 1000);
            guint32             color = (read_u8 (r) << 16) | (read_u8 (r) << 8) | read_u8 (r);
            const char         *font = font_names[read_u8 (r) % G_N_ELEMENTS (font_names)];
            g_autofree char    *text = read_text (r);
            g_autofree EylRect *glyphs = NULL;

            if (op % 6 == 1)
              {
                glong  n = g_utf8_strlen (text, -1);
                double dx = read_number (r, 1000);
                double dy = read_number (r, 1000);

                glyphs = g_new0 (EylRect, MAX (n, 1));
                for (glong i = 0; i < n; i++)
                  {
                    /* Mostly a run of advancing boxes, now and then any box. */
                    if (read_u8 (r) == 0xff)
                      glyphs[i] = read_rect (r);
                    else
                      glyphs[i] = (EylRect) { box.x0 + i * dx, box.y0 + i * dy,
                                              box.x1 + i * dx, box.y1 + i * dy };
                  }
              }
            eyl_page_data_builder_add_text (builder, text, &box, glyphs,
                                            font, size, color);
          }
          break;
        case 2:
          {
            EylRect box = read_rect (r);
            int     w = read_pixels (r);
            int     h = read_pixels (r);

            eyl_page_data_builder_add_image (builder, &box, w, h);
          }
          break;
        case 3:
          {
            EylRect          box = read_rect (r);
            g_autofree char *uri = read_text (r);

            eyl_page_data_builder_add_link (builder, &box, uri);
          }
          break;
        case 4:
          {
            g_autofree char *warning = read_text (r);

            eyl_page_data_builder_add_warning (builder, warning);
          }
          break;
        case 5:
          {
            guint  line = read_u8 (r);
            double cap = read_number (r, 1000);
            double x = read_number (r, 1000);

            eyl_page_data_builder_set_line_metrics (builder, line, cap, x);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return eyl_page_data_builder_end (builder);
}

static EylBrandKit *
decode_brand_kit (Reader *r)
{
  EylBrandKit     *kit = eyl_brand_kit_new ();
  g_autofree char *names = read_text (r);
  char            *website = read_text (r);
  char            *email = read_text (r);
  char            *phone = read_text (r);

  g_strfreev (kit->names);
  kit->names = g_strsplit (names, ";", 8);
  /* An empty value is no value, as the loader reads it. */
  kit->website = *website != '\0' ? website : (g_free (website), NULL);
  kit->email = *email != '\0' ? email : (g_free (email), NULL);
  kit->phone = *phone != '\0' ? phone : (g_free (phone), NULL);
  return kit;
}

/* The input → analysis → a report of one file (also the seed generator's
 * way to make reports with the real engine). */
EylReport *
eyl_fuzz_analyse (const guint8 *data,
                  gsize         size)
{
  Reader             r = { data, size };
  EylAnalysisOptions options;
  g_autoptr(EylPageData) page = NULL;
  g_autoptr(EylBrandKit) kit = NULL;
  g_autoptr(EylPageAnalysis) analysis = NULL;
  g_autoptr(EylPlacement) placement = NULL;
  g_autoptr(GPtrArray) placements = NULL;
  g_autoptr(EylReport) report = NULL;
  g_autoptr(EylFileResult) file = NULL;
  FakeRenderer fake = {
    0,
  };
  EylRenderer renderer;
  guint8      flags, choice, overrides;

  eyl_analysis_options_init (&options);
  options.pixels.ocr = FALSE; /* Tesseract and zbar are not ours */
  options.pixels.qr = FALSE;
  options.pixels.logos = FALSE;

  /* flags: bit 0 pixels, bit 1 brand kit, bit 2 failing renderer,
   * bits 6–7 page index. */
  flags = read_u8 (&r);
  choice = read_u8 (&r);
  options.legibility = read_u8 (&r) % 5;
  overrides = read_u8 (&r);
  if (overrides & 0x01)
    options.overrides.size_w_mm = read_number (&r, 100000);
  if (overrides & 0x02)
    options.overrides.size_h_mm = read_number (&r, 100000);
  if (overrides & 0x04)
    options.overrides.distance_m = read_number (&r, 100);
  if (overrides & 0x08)
    options.overrides.eye_min_mm = read_number (&r, 3000);
  if (overrides & 0x10)
    options.overrides.eye_max_mm = read_number (&r, 3000);
  if (overrides & 0x20)
    options.overrides.table_mm = read_number (&r, 3000);
  if (overrides & 0x40)
    options.overrides.gap_mm = read_number (&r, 10000);
  if (flags & 0x02)
    kit = decode_brand_kit (&r);
  fake.background = (read_u8 (&r) << 16) | (read_u8 (&r) << 8) | read_u8 (&r);
  fake.fail = (flags & 0x04) != 0;

  page = decode_page (&r, flags);

  options.placements = builtin_placements ();
  placements = eyl_placement_set_list (options.placements);
  if (choice != 0 && placements->len > 0)
    placement = eyl_placement_ref (g_ptr_array_index (placements, (choice - 1) % placements->len));
  options.placement = placement;
  options.brand_kit = kit;

  if (flags & 0x01)
    {
      fake.page = page;
      eyl_renderer_init (&renderer);
      renderer.render = fake_render;
      renderer.user_data = &fake;
      /* Small rasters: speed matters more than detail here. */
      renderer.max_pixels = 40000;
      renderer.min_pixels = 1000;
      options.raster_max_pixels = 40000;
      analysis = eyl_analyse_page_full (page, &renderer, &options);
    }
  else
    analysis = eyl_analyse_page (page, &options);
  fuzz_check (analysis != NULL, "no analysis");
  fuzz_check (analysis->customer_focus >= 0 && analysis->customer_focus <= 100,
              "customer focus %d out of 0–100", analysis->customer_focus);

  report = eyl_report_new ();
  g_free (report->placement_id);
  report->placement_id = g_strdup (placement != NULL ? placement->id : "auto");
  if (placement != NULL)
    report->placement = eyl_placement_apply_overrides (placement, &options.overrides);
  report->legibility = options.legibility;
  file = eyl_file_result_new ("fuzz.pdf");
  file->n_pages = 1;
  g_ptr_array_add (file->pages, eyl_page_analysis_ref (analysis));
  for (guint i = 0; i < page->warnings->len; i++)
    g_ptr_array_add (file->warnings, g_strdup (g_ptr_array_index (page->warnings, i)));
  g_ptr_array_add (report->files, g_steal_pointer (&file));

  return g_steal_pointer (&report);
}

int
eyl_fuzz_analysis (const guint8 *data,
                   gsize         size)
{
  g_autoptr(EylReport) report = eyl_fuzz_analyse (data, size);
  EylFileResult *file = g_ptr_array_index (report->files, 0);

  paint_analysis (g_ptr_array_index (file->pages, 0));
  format_report (report);
  check_round_trip (report);

  return 0;
}

/* Target: a JSON report or a worker result ------------------------------ */

int
eyl_fuzz_report_json (const guint8 *data,
                      gsize         size)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(EylReport) report = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  if (!json_parser_load_from_data (parser, (const char *) data, size, NULL))
    return 0;
  root = json_parser_get_root (parser);
  if (root == NULL)
    return 0;

  if (JSON_NODE_HOLDS_OBJECT (root) &&
      !json_object_has_member (json_node_get_object (root), "schema_version"))
    {
      /* The worker → parent channel: one file result. */
      g_autoptr(EylFileResult) file =
                     eyl_file_result_from_json (json_node_get_object (root), &error);

      if (file == NULL)
        {
          fuzz_check (error != NULL && error->message != NULL, "refused without a reason");
          return 0;
        }
      report = eyl_report_new ();
      g_ptr_array_add (report->files, g_steal_pointer (&file));
    }
  else
    {
      report = eyl_report_from_json (root, &error);
      if (report == NULL)
        {
          fuzz_check (error != NULL && error->message != NULL, "refused without a reason");
          return 0;
        }
    }

  eyl_report_get_summary (report, &(EylReportSummary) {
                                      0,
                                  });
  eyl_report_max_severity (report);
  format_report (report);
  for (guint i = 0; i < report->files->len; i++)
    {
      EylFileResult *file = g_ptr_array_index (report->files, i);

      for (guint j = 0; j < file->pages->len; j++)
        paint_analysis (g_ptr_array_index (file->pages, j));
    }

  /* What was read is now the engine's own: it must survive a round trip. */
  check_round_trip (report);
  return 0;
}

/* Target: a brand kit file ---------------------------------------------- */

static void
check_kits_equal (EylBrandKit *a,
                  EylBrandKit *b)
{
  fuzz_check (g_strv_equal ((const char *const *) a->names,
                            (const char *const *) b->names),
              "names changed by save");
  fuzz_check (g_strcmp0 (a->website, b->website) == 0, "website changed by save");
  fuzz_check (g_strcmp0 (a->email, b->email) == 0, "email changed by save");
  fuzz_check (g_strcmp0 (a->phone, b->phone) == 0, "phone changed by save");
  fuzz_check (g_strv_equal ((const char *const *) a->logos,
                            (const char *const *) b->logos),
              "logos changed by save");
}

/* A few lines of text on a small page, for the detectors with the kit. */
static EylPageData *
sample_page (void)
{
  static EylPageData *page;

  if (page == NULL)
    {
      EylPageDataBuilder *builder = eyl_page_data_builder_new (0, 240, 566);

      eyl_page_data_builder_add_text (builder, "NORTHWIND TEA",
                                      &(EylRect) { 20, 40, 220, 80 },
                                      NULL, "Helvetica-Bold", 36, 0x203040);
      eyl_page_data_builder_add_text (builder, "Visit us at www.northwind-tea.example",
                                      &(EylRect) { 20, 500, 220, 510 },
                                      NULL, "Helvetica", 8, 0x000000);
      eyl_page_data_builder_add_text (builder, "hello@northwind-tea.example  +44 20 7946 0958",
                                      &(EylRect) { 20, 520, 220, 530 },
                                      NULL, "Helvetica", 8, 0x000000);
      page = eyl_page_data_builder_end (builder);
    }
  return page;
}

int
eyl_fuzz_brand_kit (const guint8 *data,
                    gsize         size)
{
  g_autofree char *path = g_build_filename (scratch_dir (), "brand.ini", NULL);
  g_autofree char *saved = g_build_filename (scratch_dir (), "saved.ini", NULL);
  g_autoptr(EylBrandKit) kit = NULL;
  g_autoptr(EylBrandKit) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) elements = NULL;
  g_autofree char *domain = NULL;

  fuzz_check (g_file_set_contents (path, (const char *) data, size, NULL),
              "cannot write the input");

  kit = eyl_brand_kit_load (path, &error);
  if (kit == NULL)
    {
      fuzz_check (error != NULL, "refused without a reason");
      fuzz_check (g_error_matches (error, EYL_ERROR, EYL_ERROR_CONFIG),
                  "not a configuration error: %s", error->message);
      fuzz_check (g_str_has_prefix (error->message, path),
                  "the message does not name the file: %s", error->message);
      fuzz_check (g_utf8_validate (error->message, -1, NULL), "the message is not UTF-8");
      return 0;
    }

  fuzz_check (kit->names != NULL && kit->logos != NULL, "NULL lists");
  domain = eyl_brand_kit_dup_domain (kit);
  elements = eyl_detect_all (sample_page (), kit);

  /* Saved and read again, it is the same kit. */
  fuzz_check (eyl_brand_kit_save (kit, saved, &error), "cannot save: %s", error->message);
  again = eyl_brand_kit_load (saved, &error);
  fuzz_check (again != NULL, "cannot read what was saved: %s", error->message);
  check_kits_equal (kit, again);

  return 0;
}

/* Target: a placement file ---------------------------------------------- */

int
eyl_fuzz_placement (const guint8 *data,
                    gsize         size)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(EylPlacement) placement = NULL;
  g_autoptr(EylPlacement) changed = NULL;
  g_autoptr(EylPlacement) chosen = NULL;
  g_autoptr(EylPlacement) read = NULL;
  g_autoptr(EylPlacementSet) set = NULL;
  g_autoptr(EylPageAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(JsonNode) json_again = NULL;
  g_autofree char      *reason = NULL;
  g_autofree char      *text = NULL;
  g_autofree char      *text_again = NULL;
  EylPlacementOverrides overrides;
  EylAnalysisOptions    options;
  static const double   pages[][2] = {
      { 2409.4, 5669.3 },
      { 240.9, 566.9 },
      { 595.3, 841.9 },
      { 1, 10000 },
      { 14400, 14400 },
  };

  if (!g_key_file_load_from_data (keyfile, (const char *) data, size,
                                  G_KEY_FILE_KEEP_TRANSLATIONS, NULL))
    return 0;

  placement = eyl_placement_new_from_keyfile (keyfile, "fuzz.ini", &error);
  if (placement == NULL)
    {
      fuzz_check (error != NULL, "refused without a reason");
      fuzz_check (g_error_matches (error, EYL_ERROR, EYL_ERROR_CONFIG),
                  "not a configuration error: %s", error->message);
      fuzz_check (g_str_has_prefix (error->message, "fuzz.ini: "),
                  "the message does not name the file: %s", error->message);
      fuzz_check (g_utf8_validate (error->message, -1, NULL), "the message is not UTF-8");
      return 0;
    }
  fuzz_check (placement->sizes->len > 0, "a placement without sizes");

  /* JSON: what the report writes it reads back. */
  json = eyl_placement_to_json (placement);
  read = eyl_placement_from_json (json_node_get_object (json), &error);
  fuzz_check (read != NULL, "cannot read the placement back: %s", error->message);
  json_again = eyl_placement_to_json (read);
  text = eyl_report_json_node_to_string (json, FALSE);
  text_again = eyl_report_json_node_to_string (json_again, FALSE);
  fuzz_check (g_str_equal (text, text_again), "placement changed by JSON:\n%s\n%s",
              text, text_again);

  eyl_placement_overrides_init (&overrides);
  overrides.distance_m = 3;
  overrides.table_mm = 900;
  changed = eyl_placement_apply_overrides (placement, &overrides);
  eyl_placement_bottom_above_floor (placement, 2000);

  set = eyl_placement_set_new_default (NULL);
  eyl_placement_set_add (set, placement);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      double         w, h, scale;
      EylScaleSource source;

      eyl_placement_overrides_init (&overrides);
      eyl_placement_resolve_size (placement, pages[i][0], pages[i][1], &overrides,
                                  &w, &h, &scale, &source);
      eyl_placement_set_resolve_size (set, pages[i][0], pages[i][1], &overrides,
                                      &w, &h, &scale, &source);
    }
  for (guint i = 0; i < placement->sizes->len; i++)
    {
      const EylSizeMm *s = &g_array_index (placement->sizes, EylSizeMm, i);

      g_clear_pointer (&reason, g_free);
      g_clear_pointer (&chosen, eyl_placement_unref);
      chosen = eyl_placement_set_choose_auto (set, s->width_mm, s->height_mm, &reason);
    }

  /* The geometry and the rules with this world. */
  eyl_analysis_options_init (&options);
  options.pixels.ocr = FALSE;
  options.pixels.qr = FALSE;
  options.pixels.logos = FALSE;
  options.placements = set;
  options.placement = placement;
  analysis = eyl_analyse_page (sample_page (), &options);
  paint_analysis (analysis);

  return 0;
}

/* Setup --------------------------------------------------------------------- */

static GLogWriterOutput
quiet_writer (GLogLevelFlags   level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         user_data)
{
  /* Warnings and worse still reach stderr (and criticals abort). */
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    return g_log_writer_default (level, fields, n_fields, user_data);
  return G_LOG_WRITER_HANDLED;
}

static void
remove_scratch_dir (void)
{
  const char *dir = scratch_dir ();
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

void
eyl_fuzz_init (void)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;
  atexit (remove_scratch_dir);
  g_setenv ("XDG_CONFIG_HOME", scratch_dir (), TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL);
  g_log_set_writer_func (quiet_writer, NULL, NULL);
}

/* Lookup ------------------------------------------------------------------ */

static const struct
{
  const char   *name;
  EylFuzzTarget target;
} targets[] = {
  { "analysis", eyl_fuzz_analysis },
  { "report-json", eyl_fuzz_report_json },
  { "brand-kit", eyl_fuzz_brand_kit },
  { "placement", eyl_fuzz_placement },
};

EylFuzzTarget
eyl_fuzz_target_lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    if (g_strcmp0 (targets[i].name, name) == 0)
      return targets[i].target;
  return NULL;
}

const char *const *
eyl_fuzz_target_names (void)
{
  static const char *const names[] = {
    "analysis",
    "report-json",
    "brand-kit",
    "placement",
    NULL,
  };

  return names;
}
