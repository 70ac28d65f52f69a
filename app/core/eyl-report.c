/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-report.c: results of a run and the JSON report (schema_version 1).
 *
 * The JSON is built and read with json-glib.  The same functions are the
 * channel from the worker process to its parent, so every from_json
 * function checks types and reports malformed input as an error. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-report"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "eyl-report.h"
#include "eyl-stage.h"

/* ---------------------------------------------------------------------- */
/* File results and reports                                                */

/* clang-format would join this macro's lines into one. */
/* clang-format off */
G_DEFINE_BOXED_TYPE (EylFileResult, eyl_file_result,
                     eyl_file_result_ref, eyl_file_result_unref)
/* clang-format on */

EylFileResult *
eyl_file_result_new (const char *path)
{
  EylFileResult *self = g_new0 (EylFileResult, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->path = g_strdup (path ? path : "");
  self->ok = TRUE;
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_page_analysis_unref);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->outputs = g_ptr_array_new_with_free_func (g_free);

  return self;
}

EylFileResult *
eyl_file_result_new_error (const char   *path,
                           const GError *error)
{
  EylFileResult *self = eyl_file_result_new (path);

  self->ok = FALSE;
  if (error != NULL && error->domain == EYL_ERROR)
    self->error_code = error->code;
  else if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    self->error_code = EYL_ERROR_CANCELLED;
  else if (error != NULL && error->domain == G_FILE_ERROR)
    self->error_code = EYL_ERROR_NOT_FOUND;
  else
    self->error_code = EYL_ERROR_INVALID;
  self->error_message = g_strdup (error != NULL ? error->message : _("Unknown error"));

  return self;
}

EylFileResult *
eyl_file_result_ref (EylFileResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
eyl_file_result_unref (EylFileResult *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->path);
  g_free (self->error_message);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->outputs, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_free (self);
}

EylReport *
eyl_report_new (void)
{
  EylReport *self = g_new0 (EylReport, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->placement_id = g_strdup (EYL_PLACEMENT_AUTO);
  self->legibility = EYL_LEGIBILITY_1_200;
  self->files = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_file_result_unref);

  return self;
}

EylReport *
eyl_report_ref (EylReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
eyl_report_unref (EylReport *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->placement_id);
  g_clear_pointer (&self->placement, eyl_placement_unref);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->brand_kit, eyl_brand_kit_unref);
  g_free (self);
}

void
eyl_report_get_summary (EylReport        *self,
                        EylReportSummary *summary)
{
  memset (summary, 0, sizeof *summary);

  for (guint i = 0; i < self->files->len; i++)
    {
      EylFileResult *file = g_ptr_array_index (self->files, i);

      summary->files++;
      if (!file->ok)
        {
          summary->failed++;
          continue;
        }

      for (guint p = 0; p < file->pages->len; p++)
        {
          EylPageAnalysis *page = g_ptr_array_index (file->pages, p);

          for (guint f = 0; page->findings != NULL && f < page->findings->len; f++)
            {
              EylFinding *finding = g_ptr_array_index (page->findings, f);

              switch (finding->severity)
                {
                case EYL_SEVERITY_ERROR:
                  summary->errors++;
                  break;
                case EYL_SEVERITY_WARNING:
                  summary->warnings++;
                  break;
                case EYL_SEVERITY_INFO:
                default:
                  summary->infos++;
                  break;
                }
            }
        }
    }
}

int
eyl_report_max_severity (EylReport *self)
{
  int max = -1;

  for (guint i = 0; i < self->files->len; i++)
    {
      EylFileResult *file = g_ptr_array_index (self->files, i);

      for (guint p = 0; file->ok && p < file->pages->len; p++)
        {
          EylPageAnalysis *page = g_ptr_array_index (file->pages, p);

          for (guint f = 0; page->findings != NULL && f < page->findings->len; f++)
            {
              EylFinding *finding = g_ptr_array_index (page->findings, f);

              max = MAX (max, (int) finding->severity);
            }
        }
    }

  return max;
}

/* ---------------------------------------------------------------------- */
/* Writing                                                                 */

/* Three decimals: a thousandth of a point or millimetre, a tenth of a
 * percent — more would only make the output unstable between runs. */
static double
round_to (double value,
          double factor)
{
  if (!isfinite (value))
    return value;
  value = round (value * factor) / factor;
  return value == 0.0 ? 0.0 : value; /* no "-0" */
}

static double
round3 (double value)
{
  return round_to (value, 1e3);
}

/* Scale factors (1:3 is 0.333333…) keep six decimals. */
static void
add_factor (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  if (name != NULL)
    json_builder_set_member_name (builder, name);
  if (isfinite (value))
    json_builder_add_double_value (builder, round_to (value, 1e6));
  else
    json_builder_add_null_value (builder);
}

static void
add_double (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  if (name != NULL)
    json_builder_set_member_name (builder, name);
  if (isfinite (value))
    json_builder_add_double_value (builder, round3 (value));
  else
    json_builder_add_null_value (builder);
}

/* JSON is UTF-8: a string that is not (a message quoting bytes of a
 * file name, say) is made valid rather than making the document
 * unreadable. */
static void
add_string_value (JsonBuilder *builder,
                  const char  *value)
{
  g_autofree char *valid = NULL;

  if (!g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);
  json_builder_add_string_value (builder, value);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_pair (JsonBuilder *builder,
          const char  *name,
          double       a,
          double       b)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  add_double (builder, NULL, a);
  add_double (builder, NULL, b);
  json_builder_end_array (builder);
}

static void
add_rect (JsonBuilder   *builder,
          const char    *name,
          const EylRect *rect)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  add_double (builder, NULL, rect->x0);
  add_double (builder, NULL, rect->y0);
  add_double (builder, NULL, rect->x1);
  add_double (builder, NULL, rect->y1);
  json_builder_end_array (builder);
}

static void
add_strings (JsonBuilder *builder,
             const char  *name,
             GPtrArray   *strings)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; strings != NULL && i < strings->len; i++)
    add_string_value (builder, g_ptr_array_index (strings, i));
  json_builder_end_array (builder);
}

/* File names are bytes.  "path" is always UTF-8 (the display name, a
 * byte that is not UTF-8 shown as U+FFFD); when that loses something,
 * "path_bytes" holds the bytes themselves in base64 (README, JSON
 * report). */
static gboolean
path_is_lossless (const char *path)
{
  return path == NULL || g_utf8_validate (path, -1, NULL);
}

static void
add_path (JsonBuilder *builder,
          const char  *name,
          const char  *path)
{
  g_autofree char *display = g_filename_display_name (path != NULL ? path : "");
  g_autofree char *bytes_name = g_strconcat (name, "_bytes", NULL);

  add_string (builder, name, display);
  if (!path_is_lossless (path))
    {
      g_autofree char *encoded = g_base64_encode ((const guchar *) path, strlen (path));

      add_string (builder, bytes_name, encoded);
    }
}

/* A list of paths the same way: "outputs", and "outputs_bytes" beside it
 * (every entry, in the same order) when one of them is not UTF-8. */
static void
add_paths (JsonBuilder *builder,
           const char  *name,
           GPtrArray   *paths)
{
  g_autofree char *bytes_name = g_strconcat (name, "_bytes", NULL);
  gboolean         lossless = TRUE;

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *display = g_filename_display_name (g_ptr_array_index (paths, i));

      add_string_value (builder, display);
      lossless = lossless && path_is_lossless (g_ptr_array_index (paths, i));
    }
  json_builder_end_array (builder);
  if (lossless)
    return;

  json_builder_set_member_name (builder, bytes_name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < paths->len; i++)
    {
      const char      *path = g_ptr_array_index (paths, i);
      g_autofree char *encoded = g_base64_encode ((const guchar *) path, strlen (path));

      json_builder_add_string_value (builder, encoded);
    }
  json_builder_end_array (builder);
}

/* A copy of @object with its numbers rounded like every other number. */
static JsonNode *
copy_rounded (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject    *in = json_node_get_object (node);
        JsonObject    *out = json_object_new ();
        JsonNode      *result = json_node_new (JSON_NODE_OBJECT);
        JsonObjectIter iter;
        const char    *name;
        JsonNode      *member;

        json_object_iter_init (&iter, in);
        while (json_object_iter_next (&iter, &name, &member))
          json_object_set_member (out, name, copy_rounded (member));
        json_node_take_object (result, out);
        return result;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *in = json_node_get_array (node);
        JsonArray *out = json_array_sized_new (json_array_get_length (in));
        JsonNode  *result = json_node_new (JSON_NODE_ARRAY);

        for (guint i = 0; i < json_array_get_length (in); i++)
          json_array_add_element (out, copy_rounded (json_array_get_element (in, i)));
        json_node_take_array (result, out);
        return result;
      }

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
        {
          double value = json_node_get_double (node);

          if (!isfinite (value))
            return json_node_new (JSON_NODE_NULL);
          return json_node_init_double (json_node_alloc (), round3 (value));
        }
      return json_node_copy (node);

    case JSON_NODE_NULL:
    default:
      return json_node_copy (node);
    }
}

static void
add_object_copy (JsonBuilder *builder,
                 const char  *name,
                 JsonObject  *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object != NULL ? object : json_object_new ());
  if (object == NULL)
    json_object_unref (json_node_get_object (node)); /* set_object took a ref */
  json_builder_set_member_name (builder, name);
  json_builder_add_value (builder, copy_rounded (node));
}

static void
build_placement (JsonBuilder        *builder,
                 const EylPlacement *p)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", p->id);
  add_string (builder, "name", p->name);
  add_string (builder, "description", p->description);
  add_string (builder, "kind", eyl_placement_kind_to_string (p->kind));

  json_builder_set_member_name (builder, "sizes_mm");
  json_builder_begin_array (builder);
  for (guint i = 0; p->sizes != NULL && i < p->sizes->len; i++)
    {
      const EylSizeMm *size = &g_array_index (p->sizes, EylSizeMm, i);

      json_builder_begin_array (builder);
      add_double (builder, NULL, size->width_mm);
      add_double (builder, NULL, size->height_mm);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);

  add_double (builder, "bottom_mm", p->bottom_mm);
  add_double (builder, "centre_mm", p->centre_mm);
  add_double (builder, "hidden_bottom_mm", p->hidden_bottom_mm);
  add_double (builder, "hidden_top_mm", p->hidden_top_mm);
  add_double (builder, "visible_top_fraction", p->visible_top_fraction);
  add_double (builder, "safe_margin_mm", p->safe_margin_mm);
  add_double (builder, "strip_height_mm", p->strip_height_mm);
  add_double (builder, "strip_gap_mm", p->strip_gap_mm);
  add_double (builder, "table_height_mm", p->table_height_mm);
  add_double (builder, "table_objects_mm", p->table_objects_mm);
  add_double (builder, "table_gap_mm", p->table_gap_mm);
  add_double (builder, "crowd_height_mm", p->crowd_height_mm);
  add_double (builder, "crowd_gap_mm", p->crowd_gap_mm);
  add_double (builder, "crowd_distance_m", p->crowd_distance_m);
  add_double (builder, "distance_m", p->distance_m);
  add_double (builder, "scan_distance_m", p->scan_distance_m);
  add_double (builder, "eye_min_mm", p->eye_min_mm);
  add_double (builder, "eye_max_mm", p->eye_max_mm);
  add_double (builder, "eye_zone_deg", p->eye_zone_deg);
  add_double (builder, "sight_line_deg", p->sight_line_deg);
  add_double (builder, "hidden_threshold", p->hidden_threshold);
  json_builder_set_member_name (builder, "needs_reach");
  json_builder_add_boolean_value (builder, p->needs_reach);
  add_double (builder, "reach_min_mm", p->reach_min_mm);
  add_double (builder, "reach_max_mm", p->reach_max_mm);
  add_double (builder, "acuity", p->acuity);
  json_builder_set_member_name (builder, "held");
  json_builder_add_boolean_value (builder, p->held);
  add_double (builder, "hand_distance_m", p->hand_distance_m);
  add_double (builder, "passing_distance_m", p->passing_distance_m);
  add_double (builder, "cover_x0_fraction", p->cover_x0_fraction);
  json_builder_set_member_name (builder, "expects_contact");
  json_builder_add_boolean_value (builder, p->expects_contact);
  json_builder_set_member_name (builder, "expects_cta");
  json_builder_add_boolean_value (builder, p->expects_cta);
  add_string (builder, "source_file", p->source_file);
  json_builder_end_object (builder);
}

JsonNode *
eyl_placement_to_json (const EylPlacement *placement)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (placement != NULL, NULL);

  build_placement (builder, placement);
  return json_builder_get_root (builder);
}

/* Fractions of the visible page, top-left origin. */
static EylRect
rect_relative (const EylRect *box,
               const EylRect *visible)
{
  double  w = eyl_rect_width (visible);
  double  h = eyl_rect_height (visible);
  EylRect rel = { 0, 0, 0, 0 };

  if (w <= 0 || h <= 0)
    return rel;

  rel.x0 = (box->x0 - visible->x0) / w;
  rel.y0 = (box->y0 - visible->y0) / h;
  rel.x1 = (box->x1 - visible->x0) / w;
  rel.y1 = (box->y1 - visible->y0) / h;
  return rel;
}

static void
page_visible_rect (EylPageAnalysis *page,
                   EylRect         *visible)
{
  if (!eyl_rect_is_empty (&page->frame.visible))
    *visible = page->frame.visible;
  else
    *visible = (EylRect) { 0, 0, page->width_pt, page->height_pt };
}

static void
add_bool (JsonBuilder *builder,
          const char  *name,
          gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

/* What the pixel detectors measured: only the fields they set. */
static void
build_element_pixels (JsonBuilder *builder,
                      EylElement  *element,
                      double       mm_per_pt)
{
  if (element->contrast_ratio > 0)
    {
      g_autofree char *background = g_strdup_printf ("#%06x", element->background & 0xffffff);

      add_double (builder, "contrast_ratio", element->contrast_ratio);
      add_string (builder, "background", background);
      if (element->background_varies)
        add_bool (builder, "background_varies", TRUE);
    }
  if (element->kind == EYL_ELEMENT_QR)
    add_bool (builder, "decoded", element->decoded);
  if (element->module_pt > 0 && mm_per_pt > 0)
    add_double (builder, "module_mm", element->module_pt * mm_per_pt);
  if (element->quiet_zone_modules > 0)
    add_double (builder, "quiet_zone_modules", element->quiet_zone_modules);
  if (element->decode_px_per_module > 0)
    add_double (builder, "decode_px_per_module", element->decode_px_per_module);
  if (element->symbology != NULL)
    add_string (builder, "symbology", element->symbology);
}

static void
build_element (JsonBuilder   *builder,
               EylElement    *element,
               const EylRect *visible,
               double         mm_per_pt)
{
  EylRect          rel = rect_relative (&element->box, visible);
  g_autofree char *color = g_strdup_printf ("#%06x", element->color & 0xffffff);

  json_builder_begin_object (builder);
  add_string (builder, "id", element->id);
  add_string (builder, "kind", eyl_element_kind_to_string (element->kind));
  add_string (builder, "text", element->text);
  add_string (builder, "source", eyl_source_to_string (element->source));
  add_rect (builder, "box_pt", &element->box);
  add_rect (builder, "box_rel", &rel);
  add_pair (builder, "floor_mm", element->floor_bottom_mm, element->floor_top_mm);
  add_double (builder, "cap_height_mm", element->cap_height_mm);
  add_double (builder, "hidden_fraction", element->hidden_fraction);
  add_double (builder, "eye_zone_fraction", element->eye_zone_fraction);
  add_double (builder, "confidence", element->confidence);
  add_double (builder, "font_size_pt", element->font_size);
  add_double (builder, "cap_height_pt", element->cap_height);
  add_string (builder, "color", color);
  if (element->third_party)
    add_bool (builder, "third_party", TRUE);
  build_element_pixels (builder, element, mm_per_pt);
  json_builder_end_object (builder);
}

static void
build_finding (JsonBuilder *builder,
               EylFinding  *finding)
{
  json_builder_begin_object (builder);
  add_string (builder, "rule", finding->rule);
  add_string (builder, "severity", eyl_severity_to_string (finding->severity));
  add_string (builder, "element", finding->element_id);
  add_string (builder, "message", finding->message);
  add_string (builder, "fix", finding->fix);
  if (eyl_rect_is_empty (&finding->box))
    {
      json_builder_set_member_name (builder, "box_pt");
      json_builder_add_null_value (builder);
    }
  else
    add_rect (builder, "box_pt", &finding->box);
  add_object_copy (builder, "measures", finding->measures);
  json_builder_end_object (builder);
}

static void
build_page (JsonBuilder     *builder,
            EylPageAnalysis *page)
{
  EylRect visible;

  page_visible_rect (page, &visible);

  json_builder_begin_object (builder);
  add_int (builder, "index", page->index);
  add_pair (builder, "size_pt", page->width_pt, page->height_pt);
  /* the whole page (crop box), what box_pt is relative to */
  add_pair (builder, "page_pt", page->page_w_pt, page->page_h_pt);
  add_pair (builder, "material_mm", page->material_w_mm, page->material_h_mm);
  add_factor (builder, "scale", page->scale);
  /* The analysis raster the pixel detectors read, when there was one. */
  if (page->raster_w_px > 0 && page->raster_h_px > 0)
    {
      add_pair (builder, "raster_px", page->raster_w_px, page->raster_h_px);
      add_double (builder, "raster_px_per_mm", page->raster_px_per_mm);
    }
  add_string (builder, "scale_source", eyl_scale_source_to_string (page->scale_source));
  add_string (builder, "placement", page->placement != NULL ? page->placement->id : NULL);
  add_string (builder, "placement_reason", page->placement_reason);
  add_string (builder, "legibility", eyl_legibility_to_string (page->legibility));

  /* Enough to rebuild the page's geometry on the other side of the
   * worker channel (the window draws zones from it). */
  json_builder_set_member_name (builder, "placement_settings");
  if (page->placement != NULL)
    build_placement (builder, page->placement);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "frame");
  json_builder_begin_object (builder);
  add_rect (builder, "visible_pt", &page->frame.visible);
  add_pair (builder, "material_mm", page->frame.material_w_mm, page->frame.material_h_mm);
  json_builder_set_member_name (builder, "mm_per_pt");
  json_builder_begin_array (builder);
  add_factor (builder, NULL, page->frame.mm_per_pt_x);
  add_factor (builder, NULL, page->frame.mm_per_pt_y);
  json_builder_end_array (builder);
  add_double (builder, "bottom_floor_mm", page->frame.bottom_floor_mm);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "elements");
  json_builder_begin_array (builder);
  for (guint i = 0; page->elements != NULL && i < page->elements->len; i++)
    build_element (builder, g_ptr_array_index (page->elements, i), &visible,
                   page->frame.mm_per_pt_x);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  for (guint i = 0; page->findings != NULL && i < page->findings->len; i++)
    build_finding (builder, g_ptr_array_index (page->findings, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "scores");
  json_builder_begin_object (builder);
  add_int (builder, "customer_focus", page->customer_focus);
  add_object_copy (builder, "breakdown", page->score_breakdown);
  json_builder_end_object (builder);

  /* Predicted attention (model), when the page was rendered. */
  if (page->attention != NULL)
    add_object_copy (builder, "attention", page->attention);

  add_strings (builder, "warnings", page->warnings);
  /* A pack's barcodes, dieline and panels (eyl-packaging.c). */
  if (page->packaging != NULL)
    {
      json_builder_set_member_name (builder, "packaging");
      eyl_packaging_build_json (page->packaging, builder);
    }
  json_builder_end_object (builder);
}

JsonNode *
eyl_page_analysis_to_json (EylPageAnalysis *page)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (page != NULL, NULL);

  build_page (builder, page);
  return json_builder_get_root (builder);
}

static void
build_file (JsonBuilder   *builder,
            EylFileResult *file)
{
  json_builder_begin_object (builder);
  add_path (builder, "path", file->path);
  add_string (builder, "status", file->ok ? "ok" : "error");
  if (!file->ok)
    {
      json_builder_set_member_name (builder, "error");
      json_builder_begin_object (builder);
      add_string (builder, "code", eyl_error_code_to_string (file->error_code));
      add_string (builder, "message", file->error_message);
      json_builder_end_object (builder);
    }
  add_strings (builder, "warnings", file->warnings);
  if (file->outputs != NULL && file->outputs->len > 0)
    add_paths (builder, "outputs", file->outputs);
  add_int (builder, "n_pages", file->n_pages);

  json_builder_set_member_name (builder, "pages");
  json_builder_begin_array (builder);
  for (guint i = 0; file->pages != NULL && i < file->pages->len; i++)
    build_page (builder, g_ptr_array_index (file->pages, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

JsonNode *
eyl_file_result_to_json (EylFileResult *file)
{
  g_auto(EylStageScope) stage = eyl_stage_scope (EYL_STAGE_REPORT);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (file != NULL, NULL);

  build_file (builder, file);
  return json_builder_get_root (builder);
}

JsonNode *
eyl_report_to_json (EylReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  EylReportSummary summary;

  g_return_val_if_fail (report != NULL, NULL);

  eyl_report_get_summary (report, &summary);

  json_builder_begin_object (builder);
  add_int (builder, "schema_version", EYL_REPORT_SCHEMA_VERSION);
  add_string (builder, "generator", PACKAGE_NAME " " PACKAGE_VERSION);

  json_builder_set_member_name (builder, "placement");
  if (report->placement != NULL)
    build_placement (builder, report->placement);
  else
    {
      json_builder_begin_object (builder);
      add_string (builder, "id", report->placement_id != NULL ? report->placement_id : EYL_PLACEMENT_AUTO);
      json_builder_end_object (builder);
    }
  add_string (builder, "legibility", eyl_legibility_to_string (report->legibility));
  if (report->brand_kit != NULL)
    {
      json_builder_set_member_name (builder, "brand_kit");
      json_builder_add_value (builder, eyl_brand_kit_to_json (report->brand_kit));
    }

  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->files->len; i++)
    build_file (builder, g_ptr_array_index (report->files, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "summary");
  json_builder_begin_object (builder);
  add_int (builder, "files", summary.files);
  add_int (builder, "failed", summary.failed);
  add_int (builder, "errors", summary.errors);
  add_int (builder, "warnings", summary.warnings);
  add_int (builder, "infos", summary.infos);
  json_builder_end_object (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* ---------------------------------------------------------------------- */
/* Printing a JSON tree                                                    */

/* json-glib 1.6's generator prints every double with "%.17g", so 0.1
 * comes out as 0.10000000000000001.  The tree is still built with
 * JsonBuilder and strings are escaped by JsonGenerator; only numbers are
 * printed here, in the shortest form that reads back to the same double. */
static void
print_double (GString *out,
              double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }

  for (int digits = 15; digits <= 17; digits++)
    {
      g_ascii_formatd (buf, sizeof buf, digits == 15 ? "%.15g" : digits == 16 ? "%.16g"
                                                                              : "%.17g",
                       value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
  if (strpbrk (buf, ".eEn") == NULL)
    g_string_append (out, ".0");
}

static void
print_string (GString    *out,
              const char *str)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), str);
  g_autofree char *quoted = NULL;

  json_generator_set_root (generator, node);
  quoted = json_generator_to_data (generator, NULL);
  g_string_append (out, quoted);
}

static void
print_indent (GString *out,
              gboolean pretty,
              guint    depth)
{
  if (!pretty)
    return;
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
print_node (GString  *out,
            JsonNode *node,
            gboolean  pretty,
            guint     depth)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);
        gboolean first = TRUE;

        if (members == NULL)
          {
            g_string_append (out, "{}");
            break;
          }
        g_string_append_c (out, '{');
        for (GList *l = members; l != NULL; l = l->next)
          {
            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            print_indent (out, pretty, depth + 1);
            print_string (out, l->data);
            g_string_append (out, pretty ? ": " : ":");
            print_node (out, json_object_get_member (object, l->data), pretty, depth + 1);
          }
        print_indent (out, pretty, depth);
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint      n = json_array_get_length (array);
        gboolean   flat = TRUE;

        if (n == 0)
          {
            g_string_append (out, "[]");
            break;
          }
        /* Short arrays of plain values ([x0, y0, x1, y1]) stay on one line. */
        for (guint i = 0; i < n; i++)
          if (JSON_NODE_TYPE (json_array_get_element (array, i)) == JSON_NODE_OBJECT || JSON_NODE_TYPE (json_array_get_element (array, i)) == JSON_NODE_ARRAY)
            flat = FALSE;

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append (out, (pretty && flat) ? ", " : ",");
            if (!flat)
              print_indent (out, pretty, depth + 1);
            print_node (out, json_array_get_element (array, i), pretty, depth + 1);
          }
        if (!flat)
          print_indent (out, pretty, depth);
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_DOUBLE)
          print_double (out, json_node_get_double (node));
        else if (type == G_TYPE_INT64)
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
        else if (type == G_TYPE_BOOLEAN)
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
        else if (type == G_TYPE_STRING)
          print_string (out, json_node_get_string (node));
        else
          g_string_append (out, "null");
      }
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

char *
eyl_report_json_node_to_string (JsonNode *node,
                                gboolean  pretty)
{
  g_auto(EylStageScope) stage = eyl_stage_scope (EYL_STAGE_REPORT);
  GString *out = g_string_new (NULL);

  print_node (out, node, pretty, 0);
  if (pretty)
    g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

char *
eyl_report_format_json (EylReport *report)
{
  g_auto(EylStageScope) stage = eyl_stage_scope (EYL_STAGE_REPORT);
  g_autoptr(JsonNode) root = eyl_report_to_json (report);

  return eyl_report_json_node_to_string (root, TRUE);
}

/* ---------------------------------------------------------------------- */
/* Reading                                                                 */

static gboolean
malformed (GError    **error,
           const char *what,
           const char *name)
{
  g_set_error (error, EYL_ERROR, EYL_ERROR_INVALID,
               _("Malformed report: “%s” %s"), name, what);
  return FALSE;
}

static JsonNode *
get_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return node;
}

static gboolean
is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_DOUBLE || type == G_TYPE_INT64;
}

/* A number, or null / missing (NAN) when @optional. */
static gboolean
read_double (JsonObject *object,
             const char *name,
             gboolean    optional,
             double     *out,
             GError    **error)
{
  JsonNode *node = get_member (object, name);

  if (node == NULL)
    {
      *out = NAN;
      if (optional)
        return TRUE;
      return malformed (error, _("is missing"), name);
    }
  if (!is_number (node))
    return malformed (error, _("is not a number"), name);
  *out = json_node_get_double (node);
  return TRUE;
}

static gboolean
read_int (JsonObject *object,
          const char *name,
          gint64     *out,
          GError    **error)
{
  JsonNode *node = get_member (object, name);

  if (node == NULL)
    return malformed (error, _("is missing"), name);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return malformed (error, _("is not an integer"), name);
  *out = json_node_get_int (node);
  return TRUE;
}

/* A string, or NULL for null / missing when @optional.  Not a copy. */
static gboolean
read_string (JsonObject  *object,
             const char  *name,
             gboolean     optional,
             const char **out,
             GError     **error)
{
  JsonNode *node = get_member (object, name);

  *out = NULL;
  if (node == NULL)
    return optional ? TRUE : malformed (error, _("is missing"), name);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return malformed (error, _("is not a string"), name);
  *out = json_node_get_string (node);
  return TRUE;
}

/* The member @name of the JSON type @type (an array or an object), or
 * NULL: an error unless it is @optional and absent. */
static JsonNode *
read_container (JsonObject  *object,
                const char  *name,
                JsonNodeType type,
                gboolean     optional,
                GError     **error)
{
  JsonNode *node = get_member (object, name);

  if (node == NULL)
    {
      if (!optional)
        malformed (error, _("is missing"), name);
      return NULL;
    }
  if (JSON_NODE_TYPE (node) != type)
    {
      malformed (error, type == JSON_NODE_ARRAY ? _("is not a list") : _("is not an object"), name);
      return NULL;
    }
  return node;
}

static JsonArray *
read_array (JsonObject *object,
            const char *name,
            gboolean    optional,
            GError    **error)
{
  JsonNode *node = read_container (object, name, JSON_NODE_ARRAY, optional, error);

  return node != NULL ? json_node_get_array (node) : NULL;
}

static JsonObject *
read_object (JsonObject *object,
             const char *name,
             gboolean    optional,
             GError    **error)
{
  JsonNode *node = read_container (object, name, JSON_NODE_OBJECT, optional, error);

  return node != NULL ? json_node_get_object (node) : NULL;
}

/* An array of @n numbers. */
static gboolean
read_numbers (JsonObject *object,
              const char *name,
              gboolean    optional,
              double     *out,
              guint       n,
              GError    **error)
{
  JsonNode  *node = get_member (object, name);
  JsonArray *array;

  if (node == NULL)
    {
      for (guint i = 0; i < n; i++)
        out[i] = optional ? 0.0 : NAN;
      return optional ? TRUE : malformed (error, _("is missing"), name);
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return malformed (error, _("is not a list of numbers"), name);
  array = json_node_get_array (node);
  if (json_array_get_length (array) != n)
    return malformed (error, _("has the wrong number of values"), name);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_NULL (element))
        out[i] = NAN;
      else if (is_number (element))
        out[i] = json_node_get_double (element);
      else
        return malformed (error, _("is not a list of numbers"), name);
    }
  return TRUE;
}

static gboolean
read_rect (JsonObject *object,
           const char *name,
           gboolean    optional,
           EylRect    *rect,
           GError    **error)
{
  double v[4];

  if (!read_numbers (object, name, optional, v, 4, error))
    return FALSE;
  *rect = (EylRect) { v[0], v[1], v[2], v[3] };
  return TRUE;
}

static gboolean
read_strings (JsonObject *object,
              const char *name,
              GPtrArray  *out,
              GError    **error)
{
  JsonArray *array;

  if (get_member (object, name) == NULL)
    return TRUE;
  array = read_array (object, name, TRUE, error);
  if (array == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return malformed (error, _("is not a list of strings"), name);
      g_ptr_array_add (out, g_strdup (json_node_get_string (node)));
    }
  return TRUE;
}

/* "NAME_bytes" (base64) beside a path: the bytes of a file name that is
 * not UTF-8.  A new string, or NULL when absent; an error when it is not
 * base64 of a file name. */
static gboolean
read_path_bytes (JsonNode   *node,
                 const char *name,
                 char      **out,
                 GError    **error)
{
  g_autofree guchar *bytes = NULL;
  gsize              len = 0;

  *out = NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return malformed (error, _("is not a string"), name);
  bytes = g_base64_decode (json_node_get_string (node), &len);
  if (len == 0 || memchr (bytes, '\0', len) != NULL)
    return malformed (error, _("is not the base64 of a file name"), name);
  *out = g_strndup ((const char *) bytes, len);
  return TRUE;
}

/* "path", or the bytes of "path_bytes" when it is there. */
static gboolean
read_path (JsonObject *object,
           const char *name,
           char      **out,
           GError    **error)
{
  g_autofree char *bytes_name = g_strconcat (name, "_bytes", NULL);
  JsonNode        *bytes = get_member (object, bytes_name);
  const char      *path;

  *out = NULL;
  if (!read_string (object, name, FALSE, &path, error))
    return FALSE;
  if (bytes != NULL)
    return read_path_bytes (bytes, bytes_name, out, error);
  *out = g_strdup (path);
  return TRUE;
}

/* "outputs", or the bytes of "outputs_bytes" (as many) when it is
 * there. */
static gboolean
read_paths (JsonObject *object,
            const char *name,
            GPtrArray  *out,
            GError    **error)
{
  g_autofree char *bytes_name = g_strconcat (name, "_bytes", NULL);
  JsonArray       *bytes;

  if (!read_strings (object, name, out, error))
    return FALSE;
  if (get_member (object, bytes_name) == NULL)
    return TRUE;
  bytes = read_array (object, bytes_name, FALSE, error);
  if (bytes == NULL)
    return FALSE;
  if (json_array_get_length (bytes) != out->len)
    return malformed (error, _("does not match the list beside it"), bytes_name);
  for (guint i = 0; i < out->len; i++)
    {
      char *path;

      if (!read_path_bytes (json_array_get_element (bytes, i), bytes_name, &path, error))
        return FALSE;
      g_free (g_ptr_array_index (out, i));
      g_ptr_array_index (out, i) = path;
    }
  return TRUE;
}

static gboolean read_bool (JsonObject *object,
                           const char *name,
                           gboolean   *out,
                           GError    **error);

EylPlacement *
eyl_placement_from_json (JsonObject *object,
                         GError    **error)
{
  g_autoptr(EylPlacement) p = NULL;
  const char      *id, *name, *description, *kind, *source_file;
  EylPlacementKind kind_value;
  JsonArray       *sizes;
  JsonNode        *reach;
  struct
  {
    const char *name;
    double     *field;
  } numbers[23];
  guint n = 0;

  g_return_val_if_fail (object != NULL, NULL);

  if (!read_string (object, "id", FALSE, &id, error) || !read_string (object, "name", TRUE, &name, error) || !read_string (object, "description", TRUE, &description, error) || !read_string (object, "kind", FALSE, &kind, error) || !read_string (object, "source_file", TRUE, &source_file, error))
    return NULL;

  if (!eyl_placement_kind_from_string (kind, &kind_value))
    {
      malformed (error, _("is not a known kind of placement"), "kind");
      return NULL;
    }
  p = eyl_placement_new (id, kind_value);
  g_free (p->name);
  p->name = g_strdup (name);
  g_free (p->description);
  p->description = g_strdup (description);
  p->source_file = g_strdup (source_file);

  sizes = read_array (object, "sizes_mm", FALSE, error);
  if (sizes == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (sizes); i++)
    {
      JsonNode  *node = json_array_get_element (sizes, i);
      JsonArray *pair;
      EylSizeMm  size;

      if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (pair = json_node_get_array (node)) != 2 || !is_number (json_array_get_element (pair, 0)) || !is_number (json_array_get_element (pair, 1)))
        {
          malformed (error, _("is not a list of [width, height] pairs"), "sizes_mm");
          return NULL;
        }
      size.width_mm = json_array_get_double_element (pair, 0);
      size.height_mm = json_array_get_double_element (pair, 1);
      g_array_append_val (p->sizes, size);
    }

#define NUMBER(field) numbers[n++] = (typeof (numbers[0])) { #field, &p->field }
  NUMBER (bottom_mm);
  NUMBER (centre_mm);
  NUMBER (hidden_bottom_mm);
  NUMBER (hidden_top_mm);
  NUMBER (visible_top_fraction);
  NUMBER (safe_margin_mm);
  NUMBER (table_height_mm);
  NUMBER (table_objects_mm);
  NUMBER (table_gap_mm);
  NUMBER (crowd_height_mm);
  NUMBER (crowd_gap_mm);
  NUMBER (crowd_distance_m);
  NUMBER (distance_m);
  NUMBER (scan_distance_m);
  NUMBER (eye_min_mm);
  NUMBER (eye_max_mm);
  NUMBER (eye_zone_deg);
  NUMBER (sight_line_deg);
  NUMBER (hidden_threshold);
  NUMBER (reach_min_mm);
  NUMBER (reach_max_mm);
  NUMBER (hand_distance_m);
  NUMBER (cover_x0_fraction);
#undef NUMBER
  g_assert (n == G_N_ELEMENTS (numbers));

  /* null stands for a non-finite number (e.g. "no limit"). */
  for (guint i = 0; i < n; i++)
    if (!read_double (object, numbers[i].name, TRUE, numbers[i].field, error))
      return NULL;
  /* Reports written before the shelf-edge strip: none. */
  if (!read_double (object, "strip_height_mm", TRUE, &p->strip_height_mm, error) ||
      !read_double (object, "strip_gap_mm", TRUE, &p->strip_gap_mm, error))
    return NULL;
  if (!(p->strip_height_mm > 0) || !(p->strip_gap_mm >= 0))
    p->strip_height_mm = p->strip_gap_mm = 0;
  /* Reports written before the acuity setting: 20/20. */
  if (!read_double (object, "acuity", TRUE, &p->acuity, error))
    return NULL;
  if (!(p->acuity > 0))
    p->acuity = 1.0;
  /* Reports written before the passer-by's distance: none. */
  if (!read_double (object, "passing_distance_m", TRUE, &p->passing_distance_m, error))
    return NULL;
  if (!(p->passing_distance_m > 0))
    p->passing_distance_m = 0;

  reach = get_member (object, "needs_reach");
  if (reach != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (reach) || json_node_get_value_type (reach) != G_TYPE_BOOLEAN)
        {
          malformed (error, _("is not true or false"), "needs_reach");
          return NULL;
        }
      p->needs_reach = json_node_get_boolean (reach);
    }
  if (!read_bool (object, "held", &p->held, error) ||
      !read_bool (object, "expects_contact", &p->expects_contact, error) ||
      !read_bool (object, "expects_cta", &p->expects_cta, error))
    return NULL;

  return g_steal_pointer (&p);
}

/* true / false, or @out left alone when null / missing. */
static gboolean
read_bool (JsonObject *object,
           const char *name,
           gboolean   *out,
           GError    **error)
{
  JsonNode *node = get_member (object, name);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return malformed (error, _("is not true or false"), name);
  *out = json_node_get_boolean (node);
  return TRUE;
}

static guint32
parse_rgb (const char *str)
{
  if (str != NULL && str[0] == '#')
    return (guint32) g_ascii_strtoull (str + 1, NULL, 16) & 0xffffff;
  return 0;
}

/* The fields of build_element_pixels(). */
static gboolean
element_pixels_from_json (JsonObject *object,
                          EylElement *element,
                          double      mm_per_pt,
                          GError    **error)
{
  const char *background, *symbology;
  double      ratio, module_mm, quiet, decode_px;
  gboolean    varies = FALSE, decoded = FALSE;

  if (!read_double (object, "contrast_ratio", TRUE, &ratio, error) || !read_string (object, "background", TRUE, &background, error) || !read_bool (object, "background_varies", &varies, error) || !read_bool (object, "decoded", &decoded, error) || !read_double (object, "module_mm", TRUE, &module_mm, error) || !read_double (object, "quiet_zone_modules", TRUE, &quiet, error) || !read_double (object, "decode_px_per_module", TRUE, &decode_px, error) || !read_string (object, "symbology", TRUE, &symbology, error))
    return FALSE;

  element->contrast_ratio = isnan (ratio) ? 0.0 : ratio;
  element->background = parse_rgb (background);
  element->background_varies = varies;
  element->decoded = decoded;
  element->module_pt = !isnan (module_mm) && mm_per_pt > 0 ? module_mm / mm_per_pt : 0.0;
  element->quiet_zone_modules = isnan (quiet) ? 0.0 : quiet;
  element->decode_px_per_module = isnan (decode_px) ? 0.0 : decode_px;
  g_free (element->symbology);
  element->symbology = g_strdup (symbology);
  return TRUE;
}

static EylElement *
element_from_json (JsonObject *object,
                   double      mm_per_pt,
                   GError    **error)
{
  const char    *id, *kind_str, *source_str, *text, *color_str;
  EylElementKind kind;
  EylSource      source;
  EylRect        box;
  double         floor[2], cap_mm, hidden, eye, confidence, font_size, cap_pt;
  EylElement    *element;
  gboolean       third_party = FALSE;

  if (!read_string (object, "id", FALSE, &id, error) || !read_string (object, "kind", FALSE, &kind_str, error) || !read_string (object, "source", FALSE, &source_str, error) || !read_string (object, "text", TRUE, &text, error) || !read_string (object, "color", TRUE, &color_str, error) || !read_rect (object, "box_pt", FALSE, &box, error) || !read_numbers (object, "floor_mm", TRUE, floor, 2, error) || !read_double (object, "cap_height_mm", TRUE, &cap_mm, error) || !read_double (object, "hidden_fraction", TRUE, &hidden, error) || !read_double (object, "eye_zone_fraction", TRUE, &eye, error) || !read_double (object, "confidence", TRUE, &confidence, error) || !read_double (object, "font_size_pt", TRUE, &font_size, error) || !read_double (object, "cap_height_pt", TRUE, &cap_pt, error) || !read_bool (object, "third_party", &third_party, error))
    return NULL;

  if (!eyl_element_kind_from_string (kind_str, &kind))
    {
      malformed (error, _("is not a known kind of element"), "kind");
      return NULL;
    }
  if (!eyl_source_from_string (source_str, &source))
    {
      malformed (error, _("is not a known source"), "source");
      return NULL;
    }

  element = eyl_element_new (kind, source, text, &box, isnan (confidence) ? 0.0 : confidence);
  g_free (element->id);
  element->id = g_strdup (id);
  element->floor_bottom_mm = floor[0];
  element->floor_top_mm = floor[1];
  element->cap_height_mm = isnan (cap_mm) ? 0.0 : cap_mm;
  element->hidden_fraction = isnan (hidden) ? 0.0 : hidden;
  element->eye_zone_fraction = isnan (eye) ? 0.0 : eye;
  element->font_size = isnan (font_size) ? 0.0 : font_size;
  element->cap_height = isnan (cap_pt) ? 0.0 : cap_pt;
  element->third_party = third_party;
  if (color_str != NULL && color_str[0] == '#')
    element->color = (guint32) g_ascii_strtoull (color_str + 1, NULL, 16) & 0xffffff;
  if (!element_pixels_from_json (object, element, mm_per_pt, error))
    {
      eyl_element_unref (element);
      return NULL;
    }

  return element;
}

static EylFinding *
finding_from_json (JsonObject *object,
                   GError    **error)
{
  const char *rule, *severity_str, *element_id, *message, *fix;
  EylSeverity severity;
  EylRect     box = { 0, 0, 0, 0 };
  JsonObject *measures;
  g_autoptr(EylFinding) finding = NULL;

  if (!read_string (object, "rule", FALSE, &rule, error) || !read_string (object, "severity", FALSE, &severity_str, error) || !read_string (object, "element", TRUE, &element_id, error) || !read_string (object, "message", TRUE, &message, error) || !read_string (object, "fix", TRUE, &fix, error) || !read_rect (object, "box_pt", TRUE, &box, error))
    return NULL;

  if (!eyl_severity_from_string (severity_str, &severity))
    {
      malformed (error, _("is not error, warning or info"), "severity");
      return NULL;
    }

  measures = read_object (object, "measures", TRUE, error);
  if (measures == NULL && get_member (object, "measures") != NULL)
    return NULL;

  finding = eyl_finding_new (rule, severity, element_id, &box);
  eyl_finding_set_text (finding, message, fix);

  if (measures != NULL)
    {
      JsonObjectIter iter;
      const char    *name;
      JsonNode      *member;

      json_object_iter_init (&iter, measures);
      while (json_object_iter_next (&iter, &name, &member))
        {
          if (is_number (member))
            eyl_finding_add_measure (finding, name, json_node_get_double (member));
          else if (finding->measures != NULL)
            json_object_set_member (finding->measures, name, json_node_copy (member));
        }
    }

  return g_steal_pointer (&finding);
}

EylPageAnalysis *
eyl_page_analysis_from_json (JsonObject *object,
                             GError    **error)
{
  g_autoptr(EylPageAnalysis) page = eyl_page_analysis_new ();
  gint64      index;
  double      raster_px[2], raster_px_per_mm;
  double      size[2], page_size[2], material[2], scale, mm_per_pt[2], frame_material[2], bottom_floor;
  const char *scale_source, *placement_id, *reason, *legibility;
  JsonObject *settings, *frame, *scores;
  JsonArray  *elements, *findings;

  g_return_val_if_fail (object != NULL, NULL);

  if (!read_int (object, "index", &index, error) || !read_numbers (object, "size_pt", FALSE, size, 2, error) || !read_numbers (object, "page_pt", TRUE, page_size, 2, error) || !read_numbers (object, "material_mm", FALSE, material, 2, error) || !read_numbers (object, "raster_px", TRUE, raster_px, 2, error) || !read_double (object, "raster_px_per_mm", TRUE, &raster_px_per_mm, error) || !read_double (object, "scale", FALSE, &scale, error) || !read_string (object, "scale_source", TRUE, &scale_source, error) || !read_string (object, "placement", TRUE, &placement_id, error) || !read_string (object, "placement_reason", TRUE, &reason, error) || !read_string (object, "legibility", TRUE, &legibility, error))
    return NULL;
  if (legibility != NULL && !eyl_legibility_from_string (legibility, &page->legibility))
    {
      malformed (error, _("is not a known legibility standard"), "legibility");
      return NULL;
    }
  if (index < 0 || index > G_MAXUINT)
    {
      malformed (error, _("is out of range"), "index");
      return NULL;
    }

  page->index = (guint) index;
  if (json_object_has_member (object, "packaging") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "packaging")))
    page->packaging = eyl_packaging_from_json (json_object_get_object_member (object,
                                                                              "packaging"));
  page->width_pt = size[0];
  page->height_pt = size[1];
  page->page_w_pt = page_size[0];
  page->page_h_pt = page_size[1];
  page->material_w_mm = material[0];
  page->material_h_mm = material[1];
  if (!isnan (raster_px[0]) && !isnan (raster_px[1]) && raster_px[0] >= 1 && raster_px[1] >= 1 && raster_px[0] <= G_MAXINT && raster_px[1] <= G_MAXINT)
    {
      page->raster_w_px = (int) raster_px[0];
      page->raster_h_px = (int) raster_px[1];
      page->raster_px_per_mm = isnan (raster_px_per_mm) ? 0.0 : raster_px_per_mm;
    }
  page->scale = scale;
  page->scale_source = EYL_SCALE_PAGE;
  for (int s = EYL_SCALE_PAGE; s <= EYL_SCALE_USER; s++)
    if (g_strcmp0 (eyl_scale_source_to_string (s), scale_source) == 0)
      page->scale_source = s;
  page->placement_reason = g_strdup (reason);

  settings = read_object (object, "placement_settings", TRUE, error);
  if (settings != NULL)
    {
      page->placement = eyl_placement_from_json (settings, error);
      if (page->placement == NULL)
        return NULL;
    }
  else if (get_member (object, "placement_settings") != NULL)
    return NULL;
  else if (placement_id != NULL)
    page->placement = eyl_placement_new (placement_id, EYL_PLACEMENT_POSTER);

  frame = read_object (object, "frame", TRUE, error);
  if (frame != NULL)
    {
      if (!read_rect (frame, "visible_pt", FALSE, &page->frame.visible, error) || !read_numbers (frame, "material_mm", FALSE, frame_material, 2, error) || !read_numbers (frame, "mm_per_pt", FALSE, mm_per_pt, 2, error) || !read_double (frame, "bottom_floor_mm", TRUE, &bottom_floor, error))
        return NULL;
      page->frame.material_w_mm = frame_material[0];
      page->frame.material_h_mm = frame_material[1];
      page->frame.mm_per_pt_x = mm_per_pt[0];
      page->frame.mm_per_pt_y = mm_per_pt[1];
      page->frame.bottom_floor_mm = bottom_floor;
    }
  else if (get_member (object, "frame") != NULL)
    return NULL;

  if (page->elements == NULL)
    page->elements = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
  if (page->findings == NULL)
    page->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_finding_unref);
  if (page->warnings == NULL)
    page->warnings = g_ptr_array_new_with_free_func (g_free);

  elements = read_array (object, "elements", FALSE, error);
  if (elements == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (elements); i++)
    {
      JsonNode   *node = json_array_get_element (elements, i);
      EylElement *element;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          malformed (error, _("is not a list of objects"), "elements");
          return NULL;
        }
      element = element_from_json (json_node_get_object (node), page->frame.mm_per_pt_x, error);
      if (element == NULL)
        return NULL;
      g_ptr_array_add (page->elements, element);
    }

  findings = read_array (object, "findings", FALSE, error);
  if (findings == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonNode   *node = json_array_get_element (findings, i);
      EylFinding *finding;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          malformed (error, _("is not a list of objects"), "findings");
          return NULL;
        }
      finding = finding_from_json (json_node_get_object (node), error);
      if (finding == NULL)
        return NULL;
      g_ptr_array_add (page->findings, finding);
    }

  scores = read_object (object, "scores", FALSE, error);
  if (scores == NULL)
    return NULL;
  {
    gint64      focus;
    JsonObject *breakdown;

    if (!read_int (scores, "customer_focus", &focus, error))
      return NULL;
    page->customer_focus = (int) CLAMP (focus, 0, 100);
    breakdown = read_object (scores, "breakdown", TRUE, error);
    if (breakdown == NULL && get_member (scores, "breakdown") != NULL)
      return NULL;
    g_clear_pointer (&page->score_breakdown, json_object_unref);
    page->score_breakdown = breakdown != NULL ? json_object_ref (breakdown) : json_object_new ();
  }

  {
    JsonObject *attention = read_object (object, "attention", TRUE, error);

    if (attention == NULL && get_member (object, "attention") != NULL)
      return NULL;
    if (attention != NULL)
      page->attention = json_object_ref (attention);
  }

  if (!read_strings (object, "warnings", page->warnings, error))
    return NULL;

  return g_steal_pointer (&page);
}

EylFileResult *
eyl_file_result_from_json (JsonObject *object,
                           GError    **error)
{
  g_autoptr(EylFileResult) file = NULL;
  g_autofree char *path = NULL;
  const char      *status;
  JsonArray       *pages;
  JsonNode        *n_pages;

  g_return_val_if_fail (object != NULL, NULL);

  if (!read_path (object, "path", &path, error) || !read_string (object, "status", FALSE, &status, error))
    return NULL;

  file = eyl_file_result_new (path);
  if (g_str_equal (status, "error"))
    {
      JsonObject *err = read_object (object, "error", FALSE, error);
      const char *code, *message;

      if (err == NULL || !read_string (err, "code", FALSE, &code, error) || !read_string (err, "message", TRUE, &message, error))
        return NULL;
      file->ok = FALSE;
      if (!eyl_error_code_from_string (code, &file->error_code))
        {
          malformed (error, _("is not a known error code"), "code");
          return NULL;
        }
      file->error_message = g_strdup (message != NULL ? message : code);
    }
  else if (!g_str_equal (status, "ok"))
    {
      malformed (error, _("is neither ok nor error"), "status");
      return NULL;
    }

  if (!read_strings (object, "warnings", file->warnings, error) || !read_paths (object, "outputs", file->outputs, error))
    return NULL;

  n_pages = get_member (object, "n_pages");
  if (n_pages != NULL)
    {
      gint64 n;

      if (!read_int (object, "n_pages", &n, error))
        return NULL;
      file->n_pages = (guint) CLAMP (n, 0, G_MAXUINT);
    }

  pages = read_array (object, "pages", TRUE, error);
  if (pages == NULL && get_member (object, "pages") != NULL)
    return NULL;
  for (guint i = 0; pages != NULL && i < json_array_get_length (pages); i++)
    {
      JsonNode        *node = json_array_get_element (pages, i);
      EylPageAnalysis *page;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          malformed (error, _("is not a list of objects"), "pages");
          return NULL;
        }
      page = eyl_page_analysis_from_json (json_node_get_object (node), error);
      if (page == NULL)
        return NULL;
      g_ptr_array_add (file->pages, page);
    }

  return g_steal_pointer (&file);
}

EylReport *
eyl_report_from_json (JsonNode *node,
                      GError  **error)
{
  g_autoptr(EylReport) report = eyl_report_new ();
  JsonObject *root, *placement;
  JsonArray  *files;
  gint64      version;
  const char *legibility;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, EYL_ERROR, EYL_ERROR_INVALID,
                   _("Malformed report: not a JSON object"));
      return NULL;
    }
  root = json_node_get_object (node);

  if (!read_int (root, "schema_version", &version, error))
    return NULL;
  if (version != EYL_REPORT_SCHEMA_VERSION)
    {
      g_set_error (error, EYL_ERROR, EYL_ERROR_INVALID,
                   _("Unsupported report schema version %lld"), (long long) version);
      return NULL;
    }

  placement = read_object (root, "placement", FALSE, error);
  if (placement == NULL)
    return NULL;
  if (json_object_has_member (placement, "kind"))
    {
      report->placement = eyl_placement_from_json (placement, error);
      if (report->placement == NULL)
        return NULL;
      g_free (report->placement_id);
      report->placement_id = g_strdup (report->placement->id);
    }
  else
    {
      const char *id;

      if (!read_string (placement, "id", FALSE, &id, error))
        return NULL;
      g_free (report->placement_id);
      report->placement_id = g_strdup (id);
    }

  if (!read_string (root, "legibility", TRUE, &legibility, error))
    return NULL;
  if (legibility != NULL && !eyl_legibility_from_string (legibility, &report->legibility))
    {
      malformed (error, _("is not a known legibility standard"), "legibility");
      return NULL;
    }

  files = read_array (root, "files", FALSE, error);
  if (files == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (files); i++)
    {
      JsonNode      *file_node = json_array_get_element (files, i);
      EylFileResult *file;

      if (!JSON_NODE_HOLDS_OBJECT (file_node))
        {
          malformed (error, _("is not a list of objects"), "files");
          return NULL;
        }
      file = eyl_file_result_from_json (json_node_get_object (file_node), error);
      if (file == NULL)
        return NULL;
      g_ptr_array_add (report->files, file);
    }

  return g_steal_pointer (&report);
}
