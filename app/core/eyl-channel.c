/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-channel"

#include <glib/gi18n.h>
#include <stddef.h>

#include "eyl-channel.h"
#include "eyl-packaging.h"

/* The answer: (version, public JSON of the file result, one a{sv} read
 * per analysed page in the order of result->pages). */
#define ANSWER_TYPE "(usaa{sv})"

typedef enum
{
  FIELD_STRING, /* char *, UTF-8 */
  FIELD_DOUBLE,
  FIELD_UINT, /* guint / guint32 */
  FIELD_INT,  /* int, gboolean, an enum */
  FIELD_RECT, /* EylRect */
} FieldType;

typedef struct
{
  const char *name;
  FieldType   type;
  gsize       offset;
} Field;

/* What the Read stage measures on an element; its geometry is the Evaluate
 * stage's and does not travel. */
static const Field element_fields[] = {
  { "id", FIELD_STRING, offsetof (EylElement, id) },
  { "kind", FIELD_INT, offsetof (EylElement, kind) },
  { "source", FIELD_INT, offsetof (EylElement, source) },
  { "text", FIELD_STRING, offsetof (EylElement, text) },
  { "box", FIELD_RECT, offsetof (EylElement, box) },
  { "confidence", FIELD_DOUBLE, offsetof (EylElement, confidence) },
  { "font_size", FIELD_DOUBLE, offsetof (EylElement, font_size) },
  { "cap_height", FIELD_DOUBLE, offsetof (EylElement, cap_height) },
  { "color", FIELD_UINT, offsetof (EylElement, color) },
  { "third_party", FIELD_INT, offsetof (EylElement, third_party) },
  { "contrast_ratio", FIELD_DOUBLE, offsetof (EylElement, contrast_ratio) },
  { "background", FIELD_UINT, offsetof (EylElement, background) },
  { "background_varies", FIELD_INT, offsetof (EylElement, background_varies) },
  { "module_pt", FIELD_DOUBLE, offsetof (EylElement, module_pt) },
  { "quiet_zone_modules", FIELD_DOUBLE, offsetof (EylElement, quiet_zone_modules) },
  { "decoded", FIELD_INT, offsetof (EylElement, decoded) },
  { "symbology", FIELD_STRING, offsetof (EylElement, symbology) },
  { "decode_px_per_module", FIELD_DOUBLE, offsetof (EylElement, decode_px_per_module) },
};

static const Field page_read_fields[] = {
  { "index", FIELD_UINT, offsetof (EylPageRead, index) },
  { "n_pages", FIELD_UINT, offsetof (EylPageRead, n_pages) },
  { "width_pt", FIELD_DOUBLE, offsetof (EylPageRead, width_pt) },
  { "height_pt", FIELD_DOUBLE, offsetof (EylPageRead, height_pt) },
  { "page_w_pt", FIELD_DOUBLE, offsetof (EylPageRead, page_w_pt) },
  { "page_h_pt", FIELD_DOUBLE, offsetof (EylPageRead, page_h_pt) },
  { "visible", FIELD_RECT, offsetof (EylPageRead, visible) },
  { "material_w_mm", FIELD_DOUBLE, offsetof (EylPageRead, material_w_mm) },
  { "material_h_mm", FIELD_DOUBLE, offsetof (EylPageRead, material_h_mm) },
  { "text", FIELD_STRING, offsetof (EylPageRead, text) },
  { "raster_w_px", FIELD_INT, offsetof (EylPageRead, raster_w_px) },
  { "raster_h_px", FIELD_INT, offsetof (EylPageRead, raster_h_px) },
  { "raster_px_per_mm", FIELD_DOUBLE, offsetof (EylPageRead, raster_px_per_mm) },
  { "kit_contacts", FIELD_STRING, offsetof (EylPageRead, kit_contacts) },
};

static GVariant *
string_variant (const char *str)
{
  g_autofree char *valid = NULL;

  if (str == NULL)
    str = "";
  if (!g_utf8_validate (str, -1, NULL))
    str = valid = g_utf8_make_valid (str, -1);
  return g_variant_new_string (str);
}

static void
write_fields (GVariantBuilder *builder,
              const Field     *fields,
              guint            n_fields,
              gconstpointer    record)
{
  for (guint i = 0; i < n_fields; i++)
    {
      gconstpointer p = (const char *) record + fields[i].offset;
      GVariant     *value = NULL;

      switch (fields[i].type)
        {
        case FIELD_STRING:
          if (*(char *const *) p == NULL)
            continue;
          value = string_variant (*(char *const *) p);
          break;
        case FIELD_DOUBLE:
          value = g_variant_new_double (*(const double *) p);
          break;
        case FIELD_UINT:
          value = g_variant_new_uint32 (*(const guint32 *) p);
          break;
        case FIELD_INT:
          value = g_variant_new_int32 (*(const int *) p);
          break;
        case FIELD_RECT:
          {
            const EylRect *r = p;

            value = g_variant_new ("(dddd)", r->x0, r->y0, r->x1, r->y1);
          }
          break;
        default:
          g_assert_not_reached ();
        }
      g_variant_builder_add (builder, "{sv}", fields[i].name, value);
    }
}

/* Reads the fields @dict has (of the right type) into @record; the others
 * keep their value. */
static void
read_fields (GVariant    *dict,
             const Field *fields,
             guint        n_fields,
             gpointer     record)
{
  for (guint i = 0; i < n_fields; i++)
    {
      gpointer p = (char *) record + fields[i].offset;

      switch (fields[i].type)
        {
        case FIELD_STRING:
          {
            const char *str;

            if (g_variant_lookup (dict, fields[i].name, "&s", &str))
              {
                g_free (*(char **) p);
                *(char **) p = g_strdup (str);
              }
          }
          break;
        case FIELD_DOUBLE:
          g_variant_lookup (dict, fields[i].name, "d", (double *) p);
          break;
        case FIELD_UINT:
          g_variant_lookup (dict, fields[i].name, "u", (guint32 *) p);
          break;
        case FIELD_INT:
          g_variant_lookup (dict, fields[i].name, "i", (gint32 *) p);
          break;
        case FIELD_RECT:
          {
            EylRect *r = p;

            g_variant_lookup (dict, fields[i].name, "(dddd)", &r->x0, &r->y0, &r->x1, &r->y1);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/* The text layer the brand kit's names are matched on (eyl-read.h):
 * (index, width, height, visible, glyphs, runs, lines). */
#define GLYPH_TYPE "(u(dddd)uu)"
#define RUN_TYPE   "(uusdu)"
#define LINE_TYPE  "(uu(dddd)dddbub)"
/* A picture: its box (page space) and its pixel size. */
#define IMAGE_TYPE      "(ddddii)"
#define TEXT_LAYER_TYPE "(udd(dddd)a" GLYPH_TYPE "a" RUN_TYPE "a" LINE_TYPE ")"

static GVariant *
text_layer_to_variant (const EylPageData *page)
{
  g_auto(GVariantBuilder) glyphs = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a" GLYPH_TYPE));
  g_auto(GVariantBuilder) runs = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a" RUN_TYPE));
  g_auto(GVariantBuilder) lines = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a" LINE_TYPE));

  for (guint i = 0; i < page->glyphs->len; i++)
    {
      const EylGlyph *g = &g_array_index (page->glyphs, EylGlyph, i);

      g_variant_builder_add (&glyphs, GLYPH_TYPE, (guint32) g->ch, g->box.x0, g->box.y0,
                             g->box.x1, g->box.y1, g->run, g->line);
    }
  for (guint i = 0; i < page->runs->len; i++)
    {
      const EylTextRun *r = &g_array_index (page->runs, EylTextRun, i);

      g_variant_builder_add (&runs, "(uu@sdu)", r->start, r->end, string_variant (r->font_name),
                             r->font_size, r->color);
    }
  for (guint i = 0; i < page->lines->len; i++)
    {
      const EylTextLine *l = &g_array_index (page->lines, EylTextLine, i);

      g_variant_builder_add (&lines, LINE_TYPE, l->start, l->end, l->box.x0, l->box.y0,
                             l->box.x1, l->box.y1, l->font_size, l->cap_height, l->x_height,
                             (gboolean) !!l->measured, l->color, (gboolean) !!l->garbled);
    }
  return g_variant_new (TEXT_LAYER_TYPE, page->index, page->width, page->height,
                        page->visible.x0, page->visible.y0, page->visible.x1, page->visible.y1,
                        &glyphs, &runs, &lines);
}

/* NULL when the parts do not fit together. */
static EylPageData *
text_layer_from_variant (GVariant *variant)
{
  g_autoptr(GVariantIter) glyph_iter = NULL, run_iter = NULL, line_iter = NULL;
  g_autoptr(GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (EylGlyph));
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (EylTextRun));
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (EylTextLine));
  EylGlyph g = {
    0,
  };
  EylTextRun r = {
    0,
  };
  EylTextLine l = {
    0,
  };
  EylRect     visible;
  const char *font_name;
  guint32     ch, index;
  double      width, height;

  g_variant_get (variant, TEXT_LAYER_TYPE, &index, &width, &height,
                 &visible.x0, &visible.y0, &visible.x1, &visible.y1,
                 &glyph_iter, &run_iter, &line_iter);
  while (g_variant_iter_next (glyph_iter, GLYPH_TYPE, &ch, &g.box.x0, &g.box.y0, &g.box.x1,
                              &g.box.y1, &g.run, &g.line))
    {
      g.ch = ch;
      g_array_append_val (glyphs, g);
    }
  while (g_variant_iter_next (run_iter, "(uu&sdu)", &r.start, &r.end, &font_name, &r.font_size,
                              &r.color))
    {
      r.font_name = g_strdup (font_name);
      g_array_append_val (runs, r);
    }
  while (g_variant_iter_next (line_iter, LINE_TYPE, &l.start, &l.end, &l.box.x0, &l.box.y0,
                              &l.box.x1, &l.box.y1, &l.font_size, &l.cap_height, &l.x_height,
                              &l.measured, &l.color, &l.garbled))
    g_array_append_val (lines, l);
  return eyl_page_data_new_from_text_layer (index, width, height, &visible,
                                            g_steal_pointer (&glyphs), g_steal_pointer (&runs),
                                            g_steal_pointer (&lines));
}

GVariant *
eyl_channel_page_read_to_variant (const EylPageRead *read)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_auto(GVariantBuilder) elements = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("aa{sv}"));
  g_auto(GVariantBuilder) warnings = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_STRING_ARRAY);

  g_return_val_if_fail (read != NULL, NULL);

  write_fields (&builder, page_read_fields, G_N_ELEMENTS (page_read_fields), read);
  for (guint i = 0; i < read->elements->len; i++)
    {
      g_auto(GVariantBuilder) element = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);

      write_fields (&element, element_fields, G_N_ELEMENTS (element_fields),
                    g_ptr_array_index (read->elements, i));
      g_variant_builder_add_value (&elements, g_variant_builder_end (&element));
    }
  for (guint i = 0; i < read->warnings->len; i++)
    g_variant_builder_add_value (&warnings, string_variant (g_ptr_array_index (read->warnings, i)));
  g_variant_builder_add (&builder, "{sv}", "elements", g_variant_builder_end (&elements));
  g_variant_builder_add (&builder, "{sv}", "warnings", g_variant_builder_end (&warnings));
  if (read->text_layer != NULL)
    g_variant_builder_add (&builder, "{sv}", "text_layer", text_layer_to_variant (read->text_layer));
  if (read->images->len > 0)
    {
      g_auto(GVariantBuilder) images = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a" IMAGE_TYPE));

      for (guint i = 0; i < read->images->len; i++)
        {
          const EylImageInfo *image = &g_array_index (read->images, EylImageInfo, i);

          g_variant_builder_add (&images, IMAGE_TYPE, image->box.x0, image->box.y0, image->box.x1,
                                 image->box.y1, image->width_px, image->height_px);
        }
      g_variant_builder_add (&builder, "{sv}", "images", g_variant_builder_end (&images));
    }
  if (read->kit_names != NULL)
    g_variant_builder_add (&builder, "{sv}", "kit_names",
                           g_variant_new_strv ((const char *const *) read->kit_names, -1));
  /* A pack's barcodes and panels travel as the report writes them (the
   * dieline's groups, not its lines). */
  if (read->packaging != NULL)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      eyl_packaging_build_json (read->packaging, json);
      root = json_builder_get_root (json);
      text = json_to_string (root, FALSE);
      g_variant_builder_add (&builder, "{sv}", "packaging", string_variant (text));
    }
  return g_variant_builder_end (&builder);
}

EylPageRead *
eyl_channel_page_read_from_variant (GVariant *variant)
{
  g_autoptr(GVariant) elements = NULL;
  g_autoptr(GVariant) warnings = NULL;
  g_autoptr(GVariant) packaging = NULL;
  g_autoptr(GVariant) text_layer = NULL;
  g_autoptr(GVariant) kit_names = NULL;
  g_autoptr(GVariant) images = NULL;
  EylPageRead *read;

  g_return_val_if_fail (variant != NULL, NULL);
  g_return_val_if_fail (g_variant_is_of_type (variant, G_VARIANT_TYPE_VARDICT), NULL);

  read = eyl_page_read_new ();
  read_fields (variant, page_read_fields, G_N_ELEMENTS (page_read_fields), read);

  elements = g_variant_lookup_value (variant, "elements", G_VARIANT_TYPE ("aa{sv}"));
  for (gsize i = 0; elements != NULL && i < g_variant_n_children (elements); i++)
    {
      g_autoptr(GVariant) dict = g_variant_get_child_value (elements, i);
      EylElement *element = eyl_element_new (EYL_ELEMENT_BODY, EYL_SOURCE_TEXT, NULL, NULL, 0);

      read_fields (dict, element_fields, G_N_ELEMENTS (element_fields), element);
      g_ptr_array_add (read->elements, element);
    }

  warnings = g_variant_lookup_value (variant, "warnings", G_VARIANT_TYPE_STRING_ARRAY);
  for (gsize i = 0; warnings != NULL && i < g_variant_n_children (warnings); i++)
    {
      g_autoptr(GVariant) str = g_variant_get_child_value (warnings, i);

      g_ptr_array_add (read->warnings, g_variant_dup_string (str, NULL));
    }

  text_layer = g_variant_lookup_value (variant, "text_layer", G_VARIANT_TYPE (TEXT_LAYER_TYPE));
  if (text_layer != NULL)
    read->text_layer = text_layer_from_variant (text_layer);
  images = g_variant_lookup_value (variant, "images", G_VARIANT_TYPE ("a" IMAGE_TYPE));
  for (gsize i = 0; images != NULL && i < g_variant_n_children (images); i++)
    {
      EylImageInfo image = { 0 };

      g_variant_get_child (images, i, IMAGE_TYPE, &image.box.x0, &image.box.y0, &image.box.x1,
                           &image.box.y1, &image.width_px, &image.height_px);
      if (image.width_px > 0 && image.height_px > 0)
        g_array_append_val (read->images, image);
    }
  kit_names = g_variant_lookup_value (variant, "kit_names", G_VARIANT_TYPE_STRING_ARRAY);
  if (kit_names != NULL)
    read->kit_names = g_variant_dup_strv (kit_names, NULL);

  packaging = g_variant_lookup_value (variant, "packaging", G_VARIANT_TYPE_STRING);
  if (packaging != NULL)
    {
      g_autoptr(JsonNode) root = json_from_string (g_variant_get_string (packaging, NULL), NULL);

      if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
        read->packaging = eyl_packaging_from_json (json_node_get_object (root));
      /* The label rule sets read the page's lines. */
      if (read->packaging != NULL && read->packaging->label_rules != NULL && read->text_layer != NULL)
        read->packaging->text = eyl_page_data_ref (read->text_layer);
    }
  return read;
}

GBytes *
eyl_channel_write (EylFileResult *result)
{
  g_auto(GVariantBuilder) reads = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("aa{sv}"));
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GVariant) answer = NULL;

  g_return_val_if_fail (result != NULL, NULL);

  node = eyl_file_result_to_json (result);
  json = eyl_report_json_node_to_string (node, FALSE);
  for (guint i = 0; i < result->pages->len; i++)
    {
      EylPageAnalysis *page = g_ptr_array_index (result->pages, i);

      if (page->read != NULL)
        g_variant_builder_add_value (&reads, eyl_channel_page_read_to_variant (page->read));
      else
        g_variant_builder_add_value (&reads, g_variant_new_array (G_VARIANT_TYPE ("{sv}"),
                                                                  NULL, 0));
    }
  answer = g_variant_ref_sink (g_variant_new ("(us@aa{sv})", (guint32) EYL_CHANNEL_VERSION,
                                              json, g_variant_builder_end (&reads)));
  return g_variant_get_data_as_bytes (answer);
}

EylFileResult *
eyl_channel_read (GBytes  *bytes,
                  GError **error)
{
  g_autoptr(GVariant) answer = NULL;
  g_autoptr(GVariant) reads = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) json_error = NULL;
  EylFileResult *result;
  const char    *json;
  guint32        version;

  g_return_val_if_fail (bytes != NULL, NULL);

  /* Not trusted: GVariant reads malformed data as defaults, never out of
   * bounds. */
  answer = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (ANSWER_TYPE), bytes,
                                                         FALSE));
  g_variant_get (answer, "(u&s@aa{sv})", &version, &json, &reads);
  if (version != EYL_CHANNEL_VERSION)
    {
      g_set_error (error, EYL_ERROR, EYL_ERROR_ENGINE_CRASH,
                   _("not an answer of this version of Eyeline (%u)"), version);
      return NULL;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, json, -1, &json_error) || json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, EYL_ERROR, EYL_ERROR_ENGINE_CRASH, "%s",
                   json_error != NULL ? json_error->message : _("not a JSON object"));
      return NULL;
    }
  result = eyl_file_result_from_json (json_node_get_object (json_parser_get_root (parser)), error);
  if (result == NULL)
    return NULL;

  for (guint i = 0; i < result->pages->len && i < g_variant_n_children (reads); i++)
    {
      g_autoptr(GVariant) dict = g_variant_get_child_value (reads, i);
      EylPageAnalysis *page = g_ptr_array_index (result->pages, i);

      if (g_variant_n_children (dict) > 0)
        page->read = eyl_channel_page_read_from_variant (dict);
    }
  return result;
}
