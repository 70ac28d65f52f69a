/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-preferences-window.c: every row is a GSettings binding; the combo
 * rows of the core's vocabulary are enum rows (eyl-enum-row.h), the
 * placement's maps its position to the preset's id. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-preferences-window"

#include <glib/gi18n.h>

#include "eyl-placement.h"
#include "eyl-options.h"
#include "eyl-preferences-window.h"
#include "eyl-enum-row.h"

struct _EylPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* Template widgets */
  AdwComboRow   *units_row;
  AdwComboRow   *placement_row;
  AdwComboRow   *legibility_row;
  AdwComboRow   *population_row;
  AdwActionRow  *eye_row;
  GtkSpinButton *eye_min_spin;
  GtkSpinButton *eye_max_spin;
  GtkSpinButton *time_budget_spin;

  GSettings *settings;
  GStrv      placement_ids; /* "auto" first */
};

G_DEFINE_FINAL_TYPE (EylPreferencesWindow, eyl_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Key string → combo position (an unknown id selects the first). */
static gboolean
string_to_position (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char *const *ids = user_data;
  const char        *str = g_variant_get_string (variant, NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    if (g_str_equal (ids[i], str))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
position_to_string (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const char *const *ids = user_data;
  guint              pos = g_value_get_uint (value);

  if (pos >= g_strv_length ((char **) ids))
    return NULL;

  return g_variant_new_string (ids[pos]);
}

static gboolean
population_is_custom (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  int population = -1;

  eyl_enum_from_nick (EYL_TYPE_POPULATION, g_variant_get_string (variant, NULL), &population);
  g_value_set_boolean (value, population == EYL_POPULATION_CUSTOM);
  return TRUE;
}

static void
bind_combo (EylPreferencesWindow *self,
            const char           *key,
            AdwComboRow          *row,
            const char *const    *ids)
{
  g_settings_bind_with_mapping (self->settings, key, row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                string_to_position, position_to_string,
                                (gpointer) ids, NULL);
}

static void
fill_placements (EylPreferencesWindow *self)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EylPlacementSet) set = eyl_placement_set_new_default (warnings);
  g_autoptr(GPtrArray) list = eyl_placement_set_list (set);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_strv_builder_add (ids, EYL_PLACEMENT_AUTO);
  gtk_string_list_append (names, _("Automatic"));
  for (guint i = 0; i < list->len; i++)
    {
      EylPlacement *placement = g_ptr_array_index (list, i);

      g_strv_builder_add (ids, placement->id);
      gtk_string_list_append (names, placement->name != NULL ? placement->name : placement->id);
    }

  self->placement_ids = g_strv_builder_end (ids);
  adw_combo_row_set_model (self->placement_row, G_LIST_MODEL (names));
}

static void
eyl_preferences_window_dispose (GObject *object)
{
  EylPreferencesWindow *self = EYL_PREFERENCES_WINDOW (object);

  /* The bindings hold pointers to the id arrays: drop them with the
   * window, whoever else still holds a row. */
  if (self->units_row != NULL)
    {
      g_settings_unbind (self->units_row, "selected");
      g_settings_unbind (self->placement_row, "selected");
      g_settings_unbind (self->legibility_row, "selected");
      g_settings_unbind (self->population_row, "selected");
      g_settings_unbind (self->eye_row, "visible");
      g_settings_unbind (gtk_spin_button_get_adjustment (self->eye_min_spin), "value");
      g_settings_unbind (gtk_spin_button_get_adjustment (self->eye_max_spin), "value");
      g_settings_unbind (gtk_spin_button_get_adjustment (self->time_budget_spin), "value");
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), EYL_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (eyl_preferences_window_parent_class)->dispose (object);
}

static void
eyl_preferences_window_finalize (GObject *object)
{
  EylPreferencesWindow *self = EYL_PREFERENCES_WINDOW (object);

  g_strfreev (self->placement_ids);

  G_OBJECT_CLASS (eyl_preferences_window_parent_class)->finalize (object);
}

static void
eyl_preferences_window_class_init (EylPreferencesWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = eyl_preferences_window_dispose;
  object_class->finalize = eyl_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/eyl-preferences-window.ui");
  eyl_enum_row_class_setup (widget_class);
  gtk_widget_class_bind_template_child (widget_class, EylPreferencesWindow, units_row);
  gtk_widget_class_bind_template_child (widget_class, EylPreferencesWindow, placement_row);
  gtk_widget_class_bind_template_child (widget_class, EylPreferencesWindow, legibility_row);
  gtk_widget_class_bind_template_child (widget_class, EylPreferencesWindow, population_row);
  gtk_widget_class_bind_template_child (widget_class, EylPreferencesWindow, eye_row);
  gtk_widget_class_bind_template_child (widget_class, EylPreferencesWindow, eye_min_spin);
  gtk_widget_class_bind_template_child (widget_class, EylPreferencesWindow, eye_max_spin);
  gtk_widget_class_bind_template_child (widget_class, EylPreferencesWindow, time_budget_spin);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
eyl_preferences_window_init (EylPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  fill_placements (self);

  self->settings = g_settings_new (APPLICATION_ID);
  eyl_enum_row_bind (self->units_row, self->settings, "units");
  bind_combo (self, "default-placement", self->placement_row,
              (const char *const *) self->placement_ids);
  eyl_enum_row_bind (self->legibility_row, self->settings, "legibility");
  eyl_enum_row_bind (self->population_row, self->settings, "population");
  /* The spin buttons take the range of the setting's option. */
  {
    const EylOption *eye = eyl_option_lookup ("eye-mm");
    GtkSpinButton   *spins[] = { self->eye_min_spin, self->eye_max_spin };

    for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
      gtk_spin_button_set_range (spins[i], eye->min, eye->max);
  }
  g_settings_bind (self->settings, "eye-min-mm",
                   gtk_spin_button_get_adjustment (self->eye_min_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "eye-max-mm",
                   gtk_spin_button_get_adjustment (self->eye_max_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "time-budget",
                   gtk_spin_button_get_adjustment (self->time_budget_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "population", self->eye_row, "visible",
                                G_SETTINGS_BIND_GET,
                                population_is_custom, NULL, NULL, NULL);
}

GtkWidget *
eyl_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (EYL_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
}
