/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-packaging-data.c: EylPackaging as a value (eyl-packaging.h) — made,
 * freed, asked where its front panel and its artwork are, written to and
 * read from JSON — with the barcodes and the dieline it holds; apart from
 * reading a pack (eyl-packaging.c, eyl-barcode.c, eyl-dieline.cc), which
 * needs the renderer, zbar and libqpdf: the command line gets packaging
 * from its workers through the channel and reports it without them. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-packaging"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "eyl-barcode.h"
#include "eyl-dieline.h"
#include "eyl-label-rules.h"
#include "eyl-packaging.h"
#include "eyl-panels.h"

static const char *const kind_names[EYL_N_DIELINE_KINDS] = {
  "cut",
  "crease",
  "perforation",
  "glue",
  "bleed",
  "other",
};

const char *
eyl_dieline_kind_to_string (EylDielineKind kind)
{
  return (int) kind >= 0 && kind < EYL_N_DIELINE_KINDS ? kind_names[kind] : NULL;
}

void
eyl_dieline_free (EylDieline *dieline)
{
  if (dieline == NULL)
    return;
  for (guint i = 0; i < dieline->groups->len; i++)
    g_free (g_array_index (dieline->groups, EylDielineGroup, i).name);
  g_array_unref (dieline->groups);
  g_array_unref (dieline->segments);
  g_free (dieline);
}

void
eyl_barcode_free (EylBarcode *barcode)
{
  if (barcode == NULL)
    return;
  g_free (barcode->symbology);
  g_free (barcode->digits);
  g_free (barcode);
}

EylPackaging *
eyl_packaging_new (void)
{
  EylPackaging *self = g_new0 (EylPackaging, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->barcodes = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_barcode_free);
  self->panels = g_array_new (FALSE, FALSE, sizeof (EylPanel));
  self->front_panel = -1;
  return self;
}

EylPackaging *
eyl_packaging_ref (EylPackaging *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
eyl_packaging_unref (EylPackaging *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_pointer (&self->barcodes, g_ptr_array_unref);
  g_clear_pointer (&self->dieline, eyl_dieline_free);
  g_clear_pointer (&self->panels, g_array_unref);
  g_clear_pointer (&self->label_rules, g_ptr_array_unref);
  g_clear_pointer (&self->own_rules, g_ptr_array_unref);
  g_clear_pointer (&self->text, eyl_page_data_unref);
  g_free (self->net_quantity_text);
  g_free (self->front_reason);
  g_free (self);
}

gboolean
eyl_packaging_has_net_mark (const EylPackaging *self)
{
  return self != NULL && (self->net_quantity_text != NULL ||
                          !eyl_rect_is_empty (&self->net_quantity_box));
}

gboolean
eyl_packaging_front_box (const EylPackaging *self,
                         EylRect            *box)
{
  if (self == NULL || self->front_panel < 0 || (guint) self->front_panel >= self->panels->len)
    return FALSE;
  if (box != NULL)
    *box = g_array_index (self->panels, EylPanel, self->front_panel).box;
  return TRUE;
}

gboolean
eyl_packaging_off_front (const EylPackaging *self,
                         const EylElement   *element)
{
  EylRect front;

  if (!eyl_packaging_front_box (self, &front))
    return FALSE;
  return eyl_panels_find (self->panels, (element->box.x0 + element->box.x1) / 2,
                          (element->box.y0 + element->box.y1) / 2) != self->front_panel;
}

gboolean
eyl_packaging_point_is_artwork (const EylPackaging *self,
                                double              x,
                                double              y)
{
  int p;

  if (self != NULL && self->dieline_only)
    return FALSE;
  if (self == NULL || self->panels->len < 2)
    return TRUE;
  p = eyl_panels_find (self->panels, x, y);
  return p >= 0 && !g_array_index (self->panels, EylPanel, p).glue;
}

gboolean
eyl_packaging_is_artwork (const EylPackaging *self,
                          const EylElement   *element)
{
  return eyl_packaging_point_is_artwork (self, (element->box.x0 + element->box.x1) / 2,
                                         (element->box.y0 + element->box.y1) / 2);
}

static void
member_double (JsonBuilder *builder,
               const char  *name,
               double       value,
               double       unit)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_double_value (builder, round (value / unit) * unit);
}

static void
member_string (JsonBuilder *builder,
               const char  *name,
               const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
member_box (JsonBuilder   *builder,
            const EylRect *box)
{
  json_builder_set_member_name (builder, "box_pt");
  json_builder_begin_array (builder);
  json_builder_add_double_value (builder, round (box->x0 * 10) / 10);
  json_builder_add_double_value (builder, round (box->y0 * 10) / 10);
  json_builder_add_double_value (builder, round (box->x1 * 10) / 10);
  json_builder_add_double_value (builder, round (box->y1 * 10) / 10);
  json_builder_end_array (builder);
}

void
eyl_packaging_build_json (const EylPackaging *self,
                          JsonBuilder        *builder)
{
  g_return_if_fail (self != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "mm_per_pt");
  json_builder_add_double_value (builder, self->mm_per_pt);

  json_builder_set_member_name (builder, "barcodes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->barcodes->len; i++)
    {
      const EylBarcode *b = g_ptr_array_index (self->barcodes, i);

      json_builder_begin_object (builder);
      member_string (builder, "symbology", b->symbology);
      member_string (builder, "digits", b->digits);
      json_builder_set_member_name (builder, "check_digit_ok");
      json_builder_add_boolean_value (builder, b->check_ok);
      member_box (builder, &b->box);
      if (b->measured)
        {
          member_double (builder, "module_mm", b->module_mm, 0.001);
          member_double (builder, "magnification", b->magnification, 0.01);
          member_double (builder, "bar_height_mm", b->bar_height_mm, 0.01);
          member_double (builder, "nominal_bar_height_mm", b->nominal_height_mm, 0.01);
          member_double (builder, "quiet_left_modules", b->quiet_left_modules, 0.1);
          member_double (builder, "quiet_right_modules", b->quiet_right_modules, 0.1);
          member_double (builder, "red_light_contrast", b->red_contrast, 0.01);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "dieline");
  json_builder_begin_array (builder);
  for (guint i = 0; self->dieline != NULL && i < self->dieline->groups->len; i++)
    {
      const EylDielineGroup *g = &g_array_index (self->dieline->groups, EylDielineGroup, i);

      json_builder_begin_object (builder);
      member_string (builder, "name", g->name);
      member_string (builder, "found_as", g->iso_layer ? "iso-19593-layer" : g->layer ? "layer"
                                                                         : g->guessed ? "stroked-lines"
                                                                                      : "spot-colour");
      member_string (builder, "kind", eyl_dieline_kind_to_string (g->kind));
      member_double (builder, "length_mm", g->length_pt * self->mm_per_pt, 0.1);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "panels");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->panels->len; i++)
    {
      const EylPanel *p = &g_array_index (self->panels, EylPanel, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "number");
      json_builder_add_int_value (builder, i + 1);
      member_string (builder, "role", (int) i == self->front_panel ? "front" : p->glue ? "glue-flap"
                                                                           : p->flap   ? "flap"
                                                                                       : "panel");
      member_box (builder, &p->box);
      member_double (builder, "width_mm", p->width_mm, 0.1);
      member_double (builder, "height_mm", p->height_mm, 0.1);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "dieline_only");
  json_builder_add_boolean_value (builder, self->dieline_only);

  json_builder_set_member_name (builder, "front_panel");
  if (self->front_panel >= 0)
    json_builder_add_int_value (builder, self->front_panel + 1);
  else
    json_builder_add_null_value (builder);
  member_string (builder, "front_panel_reason", self->front_reason);

  /* The label rule sets and the net quantity mark: what the rules judged
   * with (and what the parent of a worker judges with again). */
  if (self->label_rules != NULL)
    {
      json_builder_set_member_name (builder, "label_rules");
      json_builder_begin_array (builder);
      for (guint i = 0; i < self->label_rules->len; i++)
        json_builder_add_string_value (builder,
                                       ((EylLabelRuleSet *) g_ptr_array_index (self->label_rules, i))->id);
      json_builder_end_array (builder);
    }
  if (eyl_packaging_has_net_mark (self))
    {
      json_builder_set_member_name (builder, "net_quantity_mark");
      json_builder_begin_object (builder);
      if (self->net_quantity_text != NULL)
        member_string (builder, "text", self->net_quantity_text);
      if (!eyl_rect_is_empty (&self->net_quantity_box))
        member_box (builder, &self->net_quantity_box);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

static double
get_double (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_double (node) : 0.0;
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
                 json_node_get_value_type (node) == G_TYPE_STRING
             ? json_node_get_string (node)
             : NULL;
}

static JsonArray *
get_array (JsonObject *object,
           const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static void
get_box (JsonObject *object,
         EylRect    *box)
{
  JsonArray *a = get_array (object, "box_pt");

  if (a == NULL || json_array_get_length (a) != 4)
    return;
  box->x0 = json_array_get_double_element (a, 0);
  box->y0 = json_array_get_double_element (a, 1);
  box->x1 = json_array_get_double_element (a, 2);
  box->y1 = json_array_get_double_element (a, 3);
}

/* Elements of @array that are objects (others are skipped). */
static JsonObject *
object_at (JsonArray *array,
           guint      i)
{
  JsonNode *node = json_array_get_element (array, i);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

EylPackaging *
eyl_packaging_from_json (JsonObject *object)
{
  g_autoptr(EylPackaging) self = eyl_packaging_new ();
  JsonArray *barcodes = get_array (object, "barcodes");
  JsonArray *groups = get_array (object, "dieline");
  JsonArray *panels = get_array (object, "panels");
  JsonNode  *front = json_object_get_member (object, "front_panel");
  JsonArray *array;
  JsonNode  *mark;

  self->mm_per_pt = get_double (object, "mm_per_pt");
  if (!(self->mm_per_pt > 0))
    self->mm_per_pt = 25.4 / 72.0;

  for (guint i = 0; barcodes != NULL && i < json_array_get_length (barcodes); i++)
    {
      JsonObject *o = object_at (barcodes, i);
      EylBarcode *b;

      if (o == NULL)
        continue;
      b = g_new0 (EylBarcode, 1);
      b->symbology = g_strdup (get_string (o, "symbology"));
      b->digits = g_strdup (get_string (o, "digits"));
      b->check_ok = json_object_get_boolean_member_with_default (o, "check_digit_ok", FALSE);
      get_box (o, &b->box);
      b->measured = json_object_has_member (o, "module_mm");
      b->module_mm = get_double (o, "module_mm");
      b->magnification = get_double (o, "magnification");
      b->bar_height_mm = get_double (o, "bar_height_mm");
      b->nominal_height_mm = get_double (o, "nominal_bar_height_mm");
      b->quiet_left_modules = get_double (o, "quiet_left_modules");
      b->quiet_right_modules = get_double (o, "quiet_right_modules");
      b->red_contrast = get_double (o, "red_light_contrast");
      g_ptr_array_add (self->barcodes, b);
    }

  if (groups != NULL && json_array_get_length (groups) > 0)
    {
      self->dieline = g_new0 (EylDieline, 1);
      self->dieline->groups = g_array_new (FALSE, FALSE, sizeof (EylDielineGroup));
      self->dieline->segments = g_array_new (FALSE, FALSE, sizeof (EylDielineSegment));
      for (guint i = 0; i < json_array_get_length (groups); i++)
        {
          JsonObject     *o = object_at (groups, i);
          EylDielineGroup g = { 0 };
          const char     *found_as, *kind;

          if (o == NULL)
            continue;
          found_as = get_string (o, "found_as");
          kind = get_string (o, "kind");
          g.name = g_strdup (get_string (o, "name"));
          g.iso_layer = g_strcmp0 (found_as, "iso-19593-layer") == 0;
          g.layer = g.iso_layer || g_strcmp0 (found_as, "layer") == 0;
          g.guessed = g_strcmp0 (found_as, "stroked-lines") == 0;
          g.kind = EYL_DIELINE_OTHER;
          for (int k = 0; k < EYL_N_DIELINE_KINDS; k++)
            if (g_strcmp0 (kind, eyl_dieline_kind_to_string (k)) == 0)
              g.kind = k;
          g.length_pt = get_double (o, "length_mm") / self->mm_per_pt;
          g_array_append_val (self->dieline->groups, g);
        }
    }

  for (guint i = 0; panels != NULL && i < json_array_get_length (panels); i++)
    {
      JsonObject *o = object_at (panels, i);
      const char *role;
      EylPanel    p = { 0 };

      if (o == NULL)
        continue;
      role = get_string (o, "role");
      get_box (o, &p.box);
      p.width_mm = get_double (o, "width_mm");
      p.height_mm = get_double (o, "height_mm");
      p.area_mm2 = p.width_mm * p.height_mm;
      p.glue = g_strcmp0 (role, "glue-flap") == 0;
      p.flap = p.glue || g_strcmp0 (role, "flap") == 0;
      g_array_append_val (self->panels, p);
    }

  self->dieline_only = json_object_get_boolean_member_with_default (object, "dieline_only",
                                                                    FALSE);
  if (front != NULL && JSON_NODE_HOLDS_VALUE (front))
    self->front_panel = (int) json_node_get_int (front) - 1;
  if (self->front_panel >= (int) self->panels->len)
    self->front_panel = -1;
  self->front_reason = g_strdup (get_string (object, "front_panel_reason"));

  /* The bundled sets by their ids (a set read from a file stays where
   * it was read). */
  if ((array = get_array (object, "label_rules")) != NULL)
    {
      g_auto(GStrv) bundled = eyl_label_rules_list ();

      self->own_rules = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_label_rule_set_free);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autoptr(GPtrArray) one = NULL;
          const char *id = json_array_get_string_element (array, i);

          if (id != NULL && g_strv_contains ((const char *const *) bundled, id) &&
              (one = eyl_label_rules_load (id, NULL)) != NULL && one->len == 1)
            g_ptr_array_add (self->own_rules, g_ptr_array_steal_index (one, 0));
        }
      self->label_rules = g_ptr_array_ref (self->own_rules);
    }
  if ((mark = json_object_get_member (object, "net_quantity_mark")) != NULL &&
      JSON_NODE_HOLDS_OBJECT (mark))
    {
      self->net_quantity_text = g_strdup (get_string (json_node_get_object (mark), "text"));
      get_box (json_node_get_object (mark), &self->net_quantity_box);
    }
  return g_steal_pointer (&self);
}
