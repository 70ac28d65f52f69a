/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-finding-row"

#include <glib/gi18n.h>

#include "eyl-finding-row.h"

struct _EylFindingRow
{
  GtkBox parent_instance;

  /* Template widgets */
  GtkWidget       *header_box;
  GtkImage        *arrow;
  GtkLabel        *header_label;
  GtkLabel        *count_label;
  GtkWidget       *body_box;
  EylFindingGroup *group;
  GtkImage        *icon;
  GtkLabel        *message_label;
  GtkLabel        *fix_label;
  GtkLabel        *rule_label;

  EylFindingObject *finding;
};

G_DEFINE_FINAL_TYPE (EylFindingRow, eyl_finding_row, GTK_TYPE_BOX)

enum
{
  PROP_0,
  PROP_FINDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (EylFindingRow *self)
{
  static const char *classes[] = { "eyl-info", "eyl-warning", "eyl-error" };
  EylFindingObject  *object = self->finding;
  g_autofree char   *number = NULL;
  g_autofree char   *fix_text = NULL;
  EylSeverity        severity;

  if (object == NULL)
    return;

  severity = eyl_finding_object_get_severity (object);
  number = g_strdup_printf ("%u · %s", eyl_finding_object_get_index (object) + 1,
                            eyl_finding_object_get_rule (object));
  gtk_widget_set_visible (self->header_box, FALSE);
  gtk_widget_set_visible (self->body_box, TRUE);
  gtk_image_set_from_icon_name (self->icon, eyl_severity_icon_name (severity));
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->icon), classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->icon), classes[MIN ((guint) severity, 2u)]);
  gtk_label_set_label (self->message_label, eyl_finding_object_get_message (object));
  if (eyl_finding_object_get_fix (object) != NULL && eyl_finding_object_get_fix (object)[0] != '\0')
    /* Translators: the suggested fix of a finding */
    fix_text = g_strdup_printf (_("Fix: %s"), eyl_finding_object_get_fix (object));
  gtk_label_set_label (self->fix_label, fix_text);
  gtk_widget_set_visible (GTK_WIDGET (self->fix_label), fix_text != NULL);
  gtk_label_set_label (self->rule_label, number);
}

static void header_released_cb (GtkGestureClick *gesture,
                                int              n_press,
                                double           x,
                                double           y,
                                EylFindingRow   *self);

static void
eyl_finding_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EylFindingRow *self = EYL_FINDING_ROW (object);

  switch (prop_id)
    {
    case PROP_FINDING:
      g_value_set_object (value, self->finding);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eyl_finding_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  EylFindingRow *self = EYL_FINDING_ROW (object);

  switch (prop_id)
    {
    case PROP_FINDING:
      eyl_finding_row_set_finding (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eyl_finding_row_dispose (GObject *object)
{
  EylFindingRow *self = EYL_FINDING_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), EYL_TYPE_FINDING_ROW);
  g_clear_object (&self->finding);
  if (self->group != NULL)
    g_signal_handlers_disconnect_by_data (self->group, self);
  g_clear_object (&self->group);

  G_OBJECT_CLASS (eyl_finding_row_parent_class)->dispose (object);
}

static void
eyl_finding_row_class_init (EylFindingRowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = eyl_finding_row_get_property;
  object_class->set_property = eyl_finding_row_set_property;
  object_class->dispose = eyl_finding_row_dispose;

  properties[PROP_FINDING] =
      g_param_spec_object ("finding", NULL, NULL, EYL_TYPE_FINDING_OBJECT,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/eyl-finding-row.ui");
  gtk_widget_class_bind_template_child (widget_class, EylFindingRow, header_box);
  gtk_widget_class_bind_template_child (widget_class, EylFindingRow, arrow);
  gtk_widget_class_bind_template_child (widget_class, EylFindingRow, header_label);
  gtk_widget_class_bind_template_child (widget_class, EylFindingRow, count_label);
  gtk_widget_class_bind_template_child (widget_class, EylFindingRow, body_box);
  gtk_widget_class_bind_template_child (widget_class, EylFindingRow, icon);
  gtk_widget_class_bind_template_child (widget_class, EylFindingRow, message_label);
  gtk_widget_class_bind_template_child (widget_class, EylFindingRow, fix_label);
  gtk_widget_class_bind_template_child (widget_class, EylFindingRow, rule_label);
}

static void
eyl_finding_row_init (EylFindingRow *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (click, "released", G_CALLBACK (header_released_cb), self);
  gtk_widget_add_controller (self->header_box, GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
eyl_finding_row_new (void)
{
  return g_object_new (EYL_TYPE_FINDING_ROW, NULL);
}

EylFindingObject *
eyl_finding_row_get_finding (EylFindingRow *self)
{
  g_return_val_if_fail (EYL_IS_FINDING_ROW (self), NULL);

  return self->finding;
}

void
eyl_finding_row_set_finding (EylFindingRow    *self,
                             EylFindingObject *finding)
{
  g_return_if_fail (EYL_IS_FINDING_ROW (self));
  g_return_if_fail (finding == NULL || EYL_IS_FINDING_OBJECT (finding));

  if (self->group != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->group, self);
      g_clear_object (&self->group);
      g_clear_object (&self->finding);
    }
  if (!g_set_object (&self->finding, finding))
    return;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINDING]);
}

static void
update_group (EylFindingRow *self)
{
  g_autofree char *count = NULL;

  count = g_strdup_printf ("%u", eyl_finding_group_get_count (self->group));
  gtk_label_set_label (self->header_label, eyl_finding_group_get_title (self->group));
  gtk_label_set_label (self->count_label, count);
  gtk_image_set_from_icon_name (self->arrow, eyl_finding_group_get_expanded (self->group)
                                                 ? "pan-down-symbolic"
                                                 : "pan-end-symbolic");
}

static void
header_released_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    EylFindingRow   *self)
{
  if (self->group != NULL)
    eyl_finding_group_set_expanded (self->group, !eyl_finding_group_get_expanded (self->group));
}

void
eyl_finding_row_set_group (EylFindingRow   *self,
                           EylFindingGroup *group)
{
  g_return_if_fail (EYL_IS_FINDING_ROW (self));

  if (self->group != NULL)
    g_signal_handlers_disconnect_by_data (self->group, self);
  g_set_object (&self->group, group);
  gtk_widget_set_visible (self->header_box, group != NULL);
  gtk_widget_set_visible (self->body_box, group == NULL);
  if (group == NULL)
    return;
  g_clear_object (&self->finding);
  g_signal_connect_object (group, "notify::expanded", G_CALLBACK (update_group), self,
                           G_CONNECT_SWAPPED);
  update_group (self);
}
