/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-enum-row"

#include "eyl-enum-row.h"
#include "eyl-options.h"

/* The label closures: (item, its value) → the translated word. */
static char *
legibility_label (gpointer item,
                  int      value,
                  gpointer user_data)
{
  return g_strdup (eyl_legibility_get_label (value));
}

static char *
units_label (gpointer item,
             int      value,
             gpointer user_data)
{
  return g_strdup (eyl_units_get_label (value));
}

static char *
population_label (gpointer item,
                  int      value,
                  gpointer user_data)
{
  return g_strdup (eyl_population_get_label (value));
}

void
eyl_enum_row_class_setup (GtkWidgetClass *widget_class)
{
  g_type_ensure (ADW_TYPE_ENUM_LIST_MODEL);
  g_type_ensure (EYL_TYPE_LEGIBILITY);
  g_type_ensure (EYL_TYPE_UNITS);
  g_type_ensure (EYL_TYPE_POPULATION);
  gtk_widget_class_bind_template_callback_full (widget_class, "eyl_legibility_label",
                                                G_CALLBACK (legibility_label));
  gtk_widget_class_bind_template_callback_full (widget_class, "eyl_units_label", G_CALLBACK (units_label));
  gtk_widget_class_bind_template_callback_full (widget_class, "eyl_population_label",
                                                G_CALLBACK (population_label));
}

int
eyl_enum_row_get_value (AdwComboRow *row)
{
  gpointer item = adw_combo_row_get_selected_item (row);

  return ADW_IS_ENUM_LIST_ITEM (item) ? adw_enum_list_item_get_value (item) : -1;
}

void
eyl_enum_row_set_value (AdwComboRow *row,
                        int          value)
{
  AdwEnumListModel *model = ADW_ENUM_LIST_MODEL (adw_combo_row_get_model (row));

  adw_combo_row_set_selected (row, adw_enum_list_model_find_position (model, value));
}

/* Key → position: the nick's value in the row's model (an unknown nick,
 * which the schema refuses anyway, selects the first). */
static gboolean
nick_to_position (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  AdwEnumListModel *model = ADW_ENUM_LIST_MODEL (adw_combo_row_get_model (user_data));
  int               v;

  if (!eyl_enum_from_nick (adw_enum_list_model_get_enum_type (model), g_variant_get_string (variant, NULL),
                           &v))
    {
      g_value_set_uint (value, 0);
      return TRUE;
    }
  g_value_set_uint (value, adw_enum_list_model_find_position (model, v));
  return TRUE;
}

static GVariant *
position_to_nick (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  AdwEnumListModel *model = ADW_ENUM_LIST_MODEL (adw_combo_row_get_model (user_data));
  g_autoptr(AdwEnumListItem) item = g_list_model_get_item (G_LIST_MODEL (model), g_value_get_uint (value));
  const char *nick;

  if (item == NULL)
    return NULL;
  nick = eyl_enum_to_nick (adw_enum_list_model_get_enum_type (model), adw_enum_list_item_get_value (item));
  return nick != NULL ? g_variant_new_string (nick) : NULL;
}

void
eyl_enum_row_bind (AdwComboRow *row,
                   GSettings   *settings,
                   const char  *key)
{
  g_return_if_fail (ADW_IS_COMBO_ROW (row));
  g_return_if_fail (ADW_IS_ENUM_LIST_MODEL (adw_combo_row_get_model (row)));

  /* The row is the mapping's data: the binding dies with it. */
  g_settings_bind_with_mapping (settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT, nick_to_position,
                                position_to_nick, row, NULL);
}
