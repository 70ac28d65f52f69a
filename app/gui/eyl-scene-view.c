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

#include "eyl-options.h"
#include "eyl-scene.h"

/* What a drag on the side view moves. */
typedef enum
{
  HANDLE_NONE,
  HANDLE_TABLE,    /* the table top: its height */
  HANDLE_EYE_LOW,  /* the shortest viewer's eyes: the lower eye height */
  HANDLE_EYE_HIGH, /* the tallest viewer's eyes: the higher one */
  HANDLE_VIEWERS,  /* the viewers: the viewing distance */
} Handle;

struct _EylSceneView
{
  GtkWidget parent_instance;

  EylPageAnalysis *analysis;
  GSettings       *settings; /* units; NULL without the schema */
  gboolean         inches;

  /* The drag under way: what it moves, the value it started from and
   * the scale (device units per mm) of the picture it started on. */
  Handle drag_handle;
  double drag_start_mm;
  double drag_scale;

  /* What the drawing's words mean, behind a button in its corner. */
  GtkWidget *info_button;
  GtkLabel  *info_label;
};

G_DEFINE_FINAL_TYPE (EylSceneView, eyl_scene_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_ANALYSIS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  EDIT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* How near, in device units, a pointer must be to grab a handle. */
#define GRAB_PX 12.0

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
  g_autofree char *explanation = NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  /* What the drawing's words mean, for those who have not met them: in
   * the info button's popover, which opens over the side view, not in a
   * tooltip that follows the pointer over the page beside it. */
  explanation = g_strdup_printf ("%s\n%s\n%s\n%s",
                                 /* xgettext:no-c-format */
                                 _("P5, P95: 5 % of visitors have eyes lower, 5 % higher."),
                                    _("Line of sight: below it the table or base hides the page."),
                                       _("Eye level: the band between those eye heights."),
                                          _("Drag the table top, the eyes or the visitors."));
  if (self->info_label != NULL)
    gtk_label_set_text (self->info_label, explanation);
  /* Nothing drawn, nothing to explain. */
  if (self->info_button != NULL)
    gtk_widget_set_visible (self->info_button, self->analysis != NULL);
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
  g_clear_pointer (&self->info_button, gtk_widget_unparent);
  self->info_label = NULL;

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
scene_layout (EylSceneView   *self,
              EylSceneLayout *layout)
{
  EylSceneOptions options;

  eyl_scene_options_init (&options);
  options.inches = self->inches;
  eyl_scene_layout (gtk_widget_get_width (GTK_WIDGET (self)),
                    gtk_widget_get_height (GTK_WIDGET (self)), self->analysis, &options, layout);
}

/* The handle at device point @x, @y, and its value (mm) now. */
static Handle
handle_at (EylSceneView         *self,
           const EylSceneLayout *l,
           double                x,
           double                y,
           double               *value_mm)
{
  double ex, ey, tx0, tx1, ty, vx, vy;

  if (self->analysis == NULL || !(l->scale > 0))
    return HANDLE_NONE;
  for (int i = 1; i >= 0; i--)
    {
      eyl_scene_layout_to_device (l, l->distance_mm, l->eye_mm[i], &ex, &ey);
      if (hypot (x - ex, y - ey) <= GRAB_PX)
        {
          *value_mm = l->eye_mm[i];
          return i == 0 ? HANDLE_EYE_LOW : HANDLE_EYE_HIGH;
        }
    }
  if (l->occluder_height_mm > 0 && !l->occluder_is_crowd)
    {
      eyl_scene_layout_to_device (l, l->occluder_gap_mm, l->occluder_height_mm, &tx0, &ty);
      eyl_scene_layout_to_device (l, l->occluder_gap_mm + l->occluder_depth_mm,
                                  l->occluder_height_mm, &tx1, &ty);
      if (x >= MIN (tx0, tx1) - GRAB_PX && x <= MAX (tx0, tx1) + GRAB_PX &&
          fabs (y - ty) <= GRAB_PX)
        {
          *value_mm = l->occluder_height_mm;
          return HANDLE_TABLE;
        }
    }
  eyl_scene_layout_to_device (l, l->distance_mm, 0, &vx, &vy);
  eyl_scene_layout_to_device (l, l->distance_mm, MAX (l->stature_mm[0], l->stature_mm[1]), &ex,
                              &ey);
  if (fabs (x - vx) <= GRAB_PX && y <= vy && y >= ey - GRAB_PX)
    {
      *value_mm = l->distance_mm;
      return HANDLE_VIEWERS;
    }
  return HANDLE_NONE;
}

/* Tells the window the value the drag has reached, as the placement
 * panel's row takes it ("table-mm", "eye-mm" — its second end for the
 * tallest — in mm, "distance-m" in metres), within the options table's
 * range for it. */
static void
emit_edit (EylSceneView *self,
           double        value_mm)
{
  const char      *name = self->drag_handle == HANDLE_TABLE     ? "table-mm"
                          : self->drag_handle == HANDLE_VIEWERS ? "distance-m"
                                                                : "eye-mm";
  const EylOption *option = eyl_option_lookup (name);
  double           value;

  if (self->drag_handle == HANDLE_NONE || option == NULL)
    return;
  /* Metres to a tenth, millimetres whole, as the rows show them. */
  value = option->unit == EYL_OPTION_UNIT_M ? round (value_mm / 100.0) / 10.0 : round (value_mm);
  g_signal_emit (self, signals[EDIT], 0, name, self->drag_handle == HANDLE_EYE_HIGH,
                 CLAMP (value, option->min, option->max));
}

gboolean
eyl_scene_view_drag (EylSceneView *self,
                     double        x,
                     double        y,
                     double        dx,
                     double        dy)
{
  EylSceneLayout layout;

  g_return_val_if_fail (EYL_IS_SCENE_VIEW (self), FALSE);

  scene_layout (self, &layout);
  self->drag_handle = handle_at (self, &layout, x, y, &self->drag_start_mm);
  self->drag_scale = layout.scale;
  if (self->drag_handle == HANDLE_NONE)
    return FALSE;
  /* Up is higher; right, for the viewers, is farther. */
  emit_edit (self, self->drag_start_mm + (self->drag_handle == HANDLE_VIEWERS ? dx : -dy) /
                                             self->drag_scale);
  self->drag_handle = HANDLE_NONE;
  return TRUE;
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               EylSceneView   *self)
{
  EylSceneLayout layout;

  scene_layout (self, &layout);
  self->drag_handle = handle_at (self, &layout, x, y, &self->drag_start_mm);
  self->drag_scale = layout.scale;
  if (self->drag_handle == HANDLE_NONE)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
  else
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                EylSceneView   *self)
{
  (void) gesture;
  if (self->drag_handle == HANDLE_NONE || !(self->drag_scale > 0))
    return;
  emit_edit (self, self->drag_start_mm + (self->drag_handle == HANDLE_VIEWERS ? dx : -dy) /
                                             self->drag_scale);
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             EylSceneView   *self)
{
  on_drag_update (gesture, dx, dy, self);
  self->drag_handle = HANDLE_NONE;
}

/* The pointer says what can be dragged. */
static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           EylSceneView             *self)
{
  EylSceneLayout layout;
  double         value;
  Handle         handle;

  (void) motion;
  if (self->drag_handle != HANDLE_NONE)
    return;
  scene_layout (self, &layout);
  handle = handle_at (self, &layout, x, y, &value);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), handle == HANDLE_NONE      ? NULL
                                                      : handle == HANDLE_VIEWERS ? "ew-resize"
                                                                                 : "ns-resize");
}

/* The info button in the top right corner. */
static void
eyl_scene_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  EylSceneView *self = EYL_SCENE_VIEW (widget);
  int           w, h;

  if (self->info_button == NULL)
    return;
  gtk_widget_measure (self->info_button, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &w, NULL, NULL);
  gtk_widget_measure (self->info_button, GTK_ORIENTATION_VERTICAL, -1, NULL, &h, NULL, NULL);
  gtk_widget_allocate (self->info_button, w, h, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (MAX (0, width - w - 2), 2)));
}

static void
snapshot_with_info (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  EylSceneView *self = EYL_SCENE_VIEW (widget);

  eyl_scene_view_snapshot (widget, snapshot);
  if (self->info_button != NULL)
    gtk_widget_snapshot_child (widget, self->info_button, snapshot);
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

  widget_class->snapshot = snapshot_with_info;
  widget_class->measure = eyl_scene_view_measure;
  widget_class->size_allocate = eyl_scene_view_size_allocate;

  properties[PROP_ANALYSIS] =
      g_param_spec_boxed ("analysis", NULL, NULL,
                          EYL_TYPE_PAGE_ANALYSIS,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EylSceneView::edit:
   * @option: the options table's name ("table-mm", "eye-mm", "distance-m")
   * @second: the second value of a range (the tallest viewer's eyes)
   * @value: in the option's unit (mm, or m for the distance)
   *
   * A handle of the picture was dragged to @value.
   */
  signals[EDIT] = g_signal_new ("edit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                NULL, NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_BOOLEAN,
                                G_TYPE_DOUBLE);

  gtk_widget_class_set_css_name (widget_class, "eylsceneview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
on_units_changed (EylSceneView *self)
{
  self->inches = g_settings_get_enum (self->settings, "units") == EYL_UNITS_IN;
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
  {
    GtkWidget *popover = gtk_popover_new ();
    GtkWidget *label = gtk_label_new (NULL);

    /* Four short lines, not wrapped: a wrapped label in a popover is
     * given the height of fewer lines on GTK 4.8 and cut. */
    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_popover_set_child (GTK_POPOVER (popover), label);
    self->info_label = GTK_LABEL (label);
    self->info_button = gtk_menu_button_new ();
    gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->info_button), "help-about-symbolic");
    gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->info_button), popover);
    gtk_widget_add_css_class (self->info_button, "flat");
    gtk_widget_add_css_class (self->info_button, "circular");
    gtk_widget_set_tooltip_text (self->info_button, _("What the Side View Shows"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->info_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("What the side view shows"), -1);
    gtk_widget_set_parent (self->info_button, GTK_WIDGET (self));
  }
  update_description (self);

  {
    GtkGesture         *drag = gtk_gesture_drag_new ();
    GtkEventController *motion = gtk_event_controller_motion_new ();

    g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
    g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
    g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
    g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
    gtk_widget_add_controller (GTK_WIDGET (self), motion);
  }

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
