/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-scene-view.c: the side elevation beside the page.
 *
 * The drawing is the core's (eyl_scene_paint), so the exported summary
 * can show the same picture; this widget sizes it, redraws it when the
 * analysis changes, and tells assistive technology what it shows. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-scene-view"

#include <math.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "eyl-scene-view.h"

#include "eyl-scene.h"

struct _EylSceneView
{
  GtkWidget parent_instance;

  EylPageAnalysis *analysis;
  GSettings       *settings; /* units; NULL without the schema */
  gboolean         inches;
};

G_DEFINE_FINAL_TYPE (EylSceneView, eyl_scene_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_ANALYSIS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A sentence for screen readers: what the picture shows. */
static char *
describe (EylPageAnalysis *analysis)
{
  EylPlacement *placement;
  g_autoptr(GString) text = NULL;

  if (analysis == NULL || analysis->placement == NULL)
    return g_strdup (_("No document checked yet"));

  placement = analysis->placement;
  text = g_string_new (NULL);
  g_string_append_printf (text,
                          /* Translators: side view; "%s" is the placement name,
                           * then the real size in mm */
                          _("Side view: %s, %.0f × %.0f mm"),
                             placement->name != NULL ? placement->name : placement->id,
                             analysis->material_w_mm, analysis->material_h_mm);
  if (placement->table_height_mm > 0)
    g_string_append_printf (text,
                            _(", behind a %.0f mm table %.0f mm in front"),
                               placement->table_height_mm, placement->table_gap_mm);
  g_string_append_printf (text,
                          _(", seen from %.1f m by viewers with eyes %.0f–%.0f mm above the floor."),
                             placement->distance_m, placement->eye_min_mm, placement->eye_max_mm);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_description (EylSceneView *self)
{
  g_autofree char *description = describe (self->analysis);
  g_autofree char *tooltip = NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  /* What the drawing's words mean, for those who have not met them. */
  tooltip = g_strdup_printf ("%s\n\n%s\n%s\n%s", description,
                             /* xgettext:no-c-format */
                             _("P5 and P95: the eye heights of the shortest and the tallest visitors "
                               "counted — 5 % of visitors have eyes lower than P5, 5 % higher than P95."),
                                _("Line of sight: from a visitor's eyes to the page; what the table or "
                               "the base hides lies below it."),
                                   _("Eye level: the band of the page between those eye heights, where "
                               "visitors look without bending or looking up."));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
}

static void
eyl_scene_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  EylSceneView *self = EYL_SCENE_VIEW (widget);
  int           width = gtk_widget_get_width (widget);
  int           height = gtk_widget_get_height (widget);

  if (self->analysis == NULL || width <= 0 || height <= 0)
    return;

  {
    cairo_t        *cr = gtk_snapshot_append_cairo (snapshot,
                                                    &GRAPHENE_RECT_INIT (0, 0, width, height));
    EylSceneOptions options;

    eyl_scene_options_init (&options);
    options.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
    options.inches = self->inches;
    eyl_scene_paint (cr, width, height, self->analysis, &options);
    cairo_destroy (cr);
  }
}

static void
eyl_scene_view_measure (GtkWidget     *widget,
                        GtkOrientation orientation,
                        int            for_size,
                        int           *minimum,
                        int           *natural,
                        int           *minimum_baseline,
                        int           *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 360;
    }
  else
    {
      *minimum = 160;
      /* A side view is wider than tall: a person, a table, a banner. */
      *natural = for_size > 0 ? CLAMP (for_size * 2 / 3, 160, 420) : 240;
    }
}

static void
eyl_scene_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EylSceneView *self = EYL_SCENE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      g_value_set_boxed (value, self->analysis);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eyl_scene_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  EylSceneView *self = EYL_SCENE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      eyl_scene_view_set_analysis (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eyl_scene_view_dispose (GObject *object)
{
  EylSceneView *self = EYL_SCENE_VIEW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (eyl_scene_view_parent_class)->dispose (object);
}

static void
eyl_scene_view_finalize (GObject *object)
{
  EylSceneView *self = EYL_SCENE_VIEW (object);

  g_clear_pointer (&self->analysis, eyl_page_analysis_unref);

  G_OBJECT_CLASS (eyl_scene_view_parent_class)->finalize (object);
}

static void
eyl_scene_view_class_init (EylSceneViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = eyl_scene_view_dispose;
  object_class->finalize = eyl_scene_view_finalize;
  object_class->get_property = eyl_scene_view_get_property;
  object_class->set_property = eyl_scene_view_set_property;

  widget_class->snapshot = eyl_scene_view_snapshot;
  widget_class->measure = eyl_scene_view_measure;

  properties[PROP_ANALYSIS] =
      g_param_spec_boxed ("analysis", NULL, NULL,
                          EYL_TYPE_PAGE_ANALYSIS,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "eylsceneview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
on_units_changed (EylSceneView *self)
{
  g_autofree char *units = g_settings_get_string (self->settings, "units");

  self->inches = g_strcmp0 (units, "in") == 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
eyl_scene_view_init (EylSceneView *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new_full (schema, NULL, NULL);
      g_signal_connect_object (self->settings, "changed::units",
                               G_CALLBACK (on_units_changed), self, G_CONNECT_SWAPPED);
      on_units_changed (self);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Side view"), -1);
  update_description (self);

  /* Light and dark styles paint differently. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

GtkWidget *
eyl_scene_view_new (void)
{
  return g_object_new (EYL_TYPE_SCENE_VIEW, NULL);
}

void
eyl_scene_view_set_analysis (EylSceneView    *self,
                             EylPageAnalysis *analysis)
{
  g_return_if_fail (EYL_IS_SCENE_VIEW (self));

  if (analysis == self->analysis)
    return;

  g_clear_pointer (&self->analysis, eyl_page_analysis_unref);
  if (analysis != NULL)
    self->analysis = eyl_page_analysis_ref (analysis);

  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS]);
}

EylPageAnalysis *
eyl_scene_view_get_analysis (EylSceneView *self)
{
  g_return_val_if_fail (EYL_IS_SCENE_VIEW (self), NULL);

  return self->analysis;
}
