/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-placement-panel.c: the placement column of the window.
 *
 * Every number row is optional: blank means "what the preset (or the
 * page) says", and once an analysis is shown, the numbers it used are the
 * rows' placeholders, so the user sees them without overriding them.
 * Edits become `eyeline-cli check` options for the worker, announced by
 * "changed" once the user pauses (debounced). */
#include "config.h"

#define G_LOG_DOMAIN "eyl-placement-panel"

#include <math.h>
#include <stdlib.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "eyl-label-rules.h"
#include "eyl-placement-panel.h"
#include "eyl-enum-row.h"

#define CHANGED_DELAY_MS 300
#define MM_PER_IN        25.4
#define M_PER_FT         0.3048

struct _EylPlacementPanel
{
  GtkWidget parent_instance;

  /* Template widgets */
  AdwPreferencesPage  *page;
  AdwPreferencesGroup *placement_group;
  AdwComboRow         *preset_row;
  AdwActionRow        *auto_row;
  AdwActionRow        *size_row;
  AdwComboRow         *population_row;
  AdwComboRow         *legibility_row;
  AdwExpanderRow      *label_rules_row;

  /* Row: every number row, one per option of the table (two for a
   * pair), found in the template by its name, in the table's order. */
  GArray *rows;

  GSettings       *settings; /* NULL when the schema is not installed */
  EylPlacementSet *placements;
  GPtrArray       *preset_ids; /* char *, "auto" first */
  EylPageAnalysis *analysis;

  gboolean inches;
  /* Undo: the panel's state (a PanelState) at each "changed", the one
   * shown last, and whether the next "changed" comes from undo or redo. */
  GPtrArray *undo_stack;
  GPtrArray *redo_stack;
  GArray    *state;
  gboolean   restoring;
  guint      changed_source;
  guint      updating; /* > 0 while the panel fills its own rows */

  /* The bundled label rule sets (EylLabelRuleSet), a switch for each in
   * label_rules_row, and those switched on, loaded for the checks (NULL:
   * none). */
  GPtrArray *rule_sets;
  GPtrArray *rule_switches;
  GPtrArray *chosen_rules;
};

G_DEFINE_FINAL_TYPE (EylPlacementPanel, eyl_placement_panel, GTK_TYPE_WIDGET)

/* A row of an option of the table: the template's GtkEntry "NAME_entry"
 * (a pair's end: "NAME_end_entry") and GtkLabel "NAME_unit_label", NAME
 * the option's name with '_' for '-'.  The table gives its range, unit,
 * GSettings key and which end it is; a number's placeholder is the
 * placement's value.  The pairs keep their own: the size's placeholders
 * are the page's, and the eye heights are filled by the population
 * (POPULATION_OPTION). */
typedef struct
{
  GtkEntry   *entry;
  GtkLabel   *unit_label;
  const char *option;
  gboolean    second;     /* a range's end, a size's height */
  gboolean    population; /* filled by the population row */
} Row;

#define POPULATION_OPTION "eye-mm"

#define N_ROWS(self)       ((self)->rows->len)
#define ROW(self, i)       (&g_array_index ((self)->rows, Row, (i)))
#define ROW_ENTRY(self, i) (ROW (self, i)->entry)

/* Rows named before the table named them: their ids in the template
 * (and the window's tests) start with the stem, not the option's name;
 * a pair's end has a stem of its own. */
static const struct
{
  const char *option;
  const char *stem, *end_stem, *unit_stem;
} older_row_names[] = {
  { "distance-m", "distance", NULL, "distance" },
  { "table-mm", "table", NULL, "table" },
  { "size-mm", "width", "height", "size" },
  { "eye-mm", "eye_min", "eye_max", "eye" },
};

/* "table_objects_mm_entry" for "table-objects-mm" and "_entry"
 * (interned). */
static const char *
row_child_name (const char *option,
                gboolean    second,
                const char *suffix)
{
  gboolean         unit = g_str_equal (suffix, "_unit_label");
  g_autofree char *end = second && !unit ? g_strconcat (option, "_end", NULL) : NULL;
  const char      *stem = end != NULL ? end : option;
  g_autofree char *name = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (older_row_names); i++)
    if (g_str_equal (older_row_names[i].option, option))
      stem = unit ? older_row_names[i].unit_stem : second ? older_row_names[i].end_stem
                                                          : older_row_names[i].stem;
  name = g_strconcat (stem, suffix, NULL);

  g_strdelimit (name, "-", '_');
  return g_intern_string (name);
}

static Row *
find_row (EylPlacementPanel *self,
          const char        *option,
          gboolean           second)
{
  for (guint i = 0; i < N_ROWS (self); i++)
    if (g_str_equal (ROW (self, i)->option, option) && ROW (self, i)->second == second)
      return ROW (self, i);
  return NULL;
}

static Row *
entry_row (EylPlacementPanel *self,
           GtkEntry          *entry)
{
  for (guint i = 0; i < N_ROWS (self); i++)
    if (ROW_ENTRY (self, i) == entry)
      return ROW (self, i);
  return NULL;
}

static const EylOption *
entry_option (EylPlacementPanel *self,
              GtkEntry          *entry)
{
  Row *row = entry_row (self, entry);

  return row != NULL ? eyl_option_lookup (row->option) : NULL;
}

enum
{
  CHANGED,
  EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum
{
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GSettings *
eyl_placement_panel_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("GSettings schema %s not installed: using built-in defaults",
               APPLICATION_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

/* ---------------------------------------------------------------------- */
/* Numbers in the user's units                                            */

/* Parses a number the way people type it ("1 200", "2,5"); FALSE when
 * the text is not one.  Empty text is "not set" (NAN) and valid. */
static gboolean
parse_number (const char *text,
              double     *value)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  char *end = NULL;

  *value = NAN;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        continue;
      g_string_append_c (clean, *p == ',' ? '.' : *p);
    }
  if (clean->len == 0)
    return TRUE;

  *value = g_ascii_strtod (clean->str, &end);
  if (end == NULL || *end != '\0' || !isfinite (*value) || *value < 0)
    {
      *value = NAN;
      return FALSE;
    }

  return TRUE;
}

/* Lengths on the material are mm or in; distances m or ft. */
static double
length_to_mm (EylPlacementPanel *self,
              double             value)
{
  return self->inches ? value * MM_PER_IN : value;
}

static char *
format_length (EylPlacementPanel *self,
               double             mm)
{
  if (!isfinite (mm))
    return g_strdup ("");
  if (self->inches)
    return g_strdup_printf ("%.1f", mm / MM_PER_IN);
  return g_strdup_printf ("%.0f", mm);
}

static double
distance_to_m (EylPlacementPanel *self,
               double             value)
{
  return self->inches ? value * M_PER_FT : value;
}

static char *
format_distance (EylPlacementPanel *self,
                 double             m)
{
  if (!isfinite (m))
    return g_strdup ("");
  if (self->inches)
    return g_strdup_printf ("%.1f", m / M_PER_FT);
  return g_strdup_printf ("%.1f", m);
}

/* The entry's value in mm (m for the distance); NAN when blank, not a
 * number or out of its option's range.  @valid: FALSE when the text is
 * wrong. */
/* Acuity as people write it: 20/40 when it is a whole Snellen fraction,
 * else decimal. */
static char *
format_acuity (double acuity)
{
  double denominator = 20 / acuity;

  if (!isfinite (acuity) || !(acuity > 0))
    return g_strdup ("");
  if (fabs (denominator - round (denominator)) < 0.01)
    return g_strdup_printf ("20/%.0f", denominator);
  return g_strdup_printf ("%.2f", acuity);
}

/* @value (in @option's unit) as its row shows it. */
static char *
format_value (EylPlacementPanel *self,
              const EylOption   *option,
              double             value)
{
  if (option->unit == EYL_OPTION_UNIT_ACUITY)
    return format_acuity (value);
  return option->unit == EYL_OPTION_UNIT_M ? format_distance (self, value)
                                           : format_length (self, value);
}

static double
entry_value_checked (EylPlacementPanel *self,
                     GtkEntry          *entry,
                     gboolean          *valid)
{
  const EylOption *option = entry_option (self, entry);
  double           value;

  *valid = TRUE;
  /* Acuity: the core reads it (20/40, 6/12, 0.5) and checks its range. */
  if (option->unit == EYL_OPTION_UNIT_ACUITY)
    {
      g_autofree char      *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
      EylPlacementOverrides overrides;

      if (*text == '\0')
        return NAN;
      eyl_placement_overrides_init (&overrides);
      g_strdelimit (text, ",", '.');
      if (!eyl_option_parse (option, text, &overrides, NULL))
        {
          *valid = FALSE;
          return NAN;
        }
      return G_STRUCT_MEMBER (double, &overrides, option->offset);
    }
  if (!parse_number (gtk_editable_get_text (GTK_EDITABLE (entry)), &value))
    {
      *valid = FALSE;
      return NAN;
    }
  if (!isfinite (value))
    return NAN;

  value = option->unit == EYL_OPTION_UNIT_M ? distance_to_m (self, value)
                                            : length_to_mm (self, value);
  if (!eyl_option_in_range (option, value))
    {
      *valid = FALSE;
      return NAN;
    }

  return value;
}

static double
entry_value (EylPlacementPanel *self,
             GtkEntry          *entry)
{
  gboolean valid;

  return entry_value_checked (self, entry, &valid);
}

static void
validate_entry (EylPlacementPanel *self,
                GtkEntry          *entry)
{
  gboolean valid;

  entry_value_checked (self, entry, &valid);
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
}

static void
set_entry_text (EylPlacementPanel *self,
                GtkEntry          *entry,
                const char        *text)
{
  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  validate_entry (self, entry);
  self->updating--;
}

static void
set_placeholder (GtkEntry   *entry,
                 const char *text)
{
  gtk_entry_set_placeholder_text (entry, text != NULL && *text != '\0' ? text : NULL);
}

/* ---------------------------------------------------------------------- */
/* State                                                                  */

static gboolean
any_override (EylPlacementPanel *self)
{
  /* The population's eye heights are no override of the preset. */
  for (guint i = 0; i < N_ROWS (self); i++)
    if (!ROW (self, i)->population && *gtk_editable_get_text (GTK_EDITABLE (ROW_ENTRY (self, i))) != '\0')
      return TRUE;

  return FALSE;
}

static void record_step (EylPlacementPanel *self);

static gboolean
emit_changed_cb (gpointer user_data)
{
  EylPlacementPanel *self = user_data;

  self->changed_source = 0;
  record_step (self);
  g_signal_emit (self, signals[CHANGED], 0);

  return G_SOURCE_REMOVE;
}

/* Restarts the pause timer: "changed" fires once the user stops typing. */
static void
queue_changed (EylPlacementPanel *self)
{
  if (self->updating > 0)
    return;
  /* An edit after undo or redo is a step of its own. */
  self->restoring = FALSE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "placement.reset",
                                 any_override (self));

  g_clear_handle_id (&self->changed_source, g_source_remove);
  self->changed_source = g_timeout_add (CHANGED_DELAY_MS, emit_changed_cb, self);
  g_source_set_name_by_id (self->changed_source, "[eyeline] placement changed"); /* A pending edit can be undone already. */
  if (!self->restoring)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

static EylPlacement *
selected_placement (EylPlacementPanel *self)
{
  guint pos = adw_combo_row_get_selected (self->preset_row);

  if (pos == 0 || pos >= self->preset_ids->len)
    return NULL;

  return eyl_placement_set_lookup (self->placements,
                                   g_ptr_array_index (self->preset_ids, pos));
}

/* The placement whose numbers the rows stand for: the one the analysis
 * used, else the selected preset. */
static EylPlacement *
shown_placement (EylPlacementPanel *self)
{
  if (self->analysis != NULL && self->analysis->placement != NULL)
    return self->analysis->placement;

  return selected_placement (self);
}

static void
update_placement_rows (EylPlacementPanel *self)
{
  EylPlacement    *chosen = self->analysis != NULL ? self->analysis->placement : NULL;
  EylPlacement    *preset = selected_placement (self);
  EylPlacement    *kind_of = preset != NULL ? preset : chosen;
  g_autofree char *note = NULL;

  /* What "auto" chose, and why. */
  if (preset == NULL && chosen != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Checked as: %s"),
                                                   chosen->name != NULL ? chosen->name : chosen->id);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->auto_row), title);
      adw_action_row_set_subtitle (self->auto_row,
                                   self->analysis->placement_reason != NULL
                                       ? self->analysis->placement_reason
                                       : "");
      gtk_widget_set_visible (GTK_WIDGET (self->auto_row), TRUE);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->auto_row), FALSE);
    }

  /* Numbers that no standard fixes: say so where they matter. */
  if (kind_of != NULL)
    {
      switch (kind_of->kind)
        {
        case EYL_PLACEMENT_LEAFLET:
          /* Translators: %.0f %% is the share of the leaflet a rack pocket shows */
          note = g_strdup_printf (_("Rack pockets differ: this one shows the top %.0f %%. Set yours in a placement file."),
                                     kind_of->visible_top_fraction * 100);
          break;
        case EYL_PLACEMENT_SHELF:
          if (kind_of->strip_height_mm > 0)
            {
              /* Translators: %.0f mm is the strip's top above the shelf. */
              note = g_strdup_printf (_("Shelf-edge strips differ: this one stands %.0f mm above the shelf and hides what the line of sight over it hides. Set yours in a placement file."),
                                         kind_of->strip_height_mm);
              break;
            }
          note = g_strdup_printf (_("Shelf-edge strips differ: this one hides the bottom %.0f mm. Set yours in a placement file."),
                                     kind_of->hidden_bottom_mm);
          break;
        case EYL_PLACEMENT_ROLLUP:
          if (kind_of->hidden_bottom_mm > 0)
            note = g_strdup_printf (_("Cassettes differ: this one hides the bottom %.0f mm. Check your stand’s leader."),
                                       kind_of->hidden_bottom_mm);
          break;
        case EYL_PLACEMENT_TABLETOP:
        case EYL_PLACEMENT_BACKDROP:
        case EYL_PLACEMENT_POSTER:
        case EYL_PLACEMENT_FLAG:
        case EYL_PLACEMENT_STICKER:
        default:
          break;
        }
    }

  /* Above the rows: what the preset is (the combo row is too narrow
   * for it in the sidebar), then what no standard fixes. */
  {
    g_autoptr(GString) description = g_string_new (NULL);

    if (preset != NULL && preset->description != NULL)
      g_string_append (description, preset->description);
    else if (preset == NULL && chosen == NULL)
      g_string_append (description, _("Chosen from the real size and proportions of the page."));
    if (note != NULL)
      {
        if (description->len > 0)
          g_string_append_c (description, ' ');
        g_string_append (description, note);
      }
    adw_preferences_group_set_description (self->placement_group,
                                           description->len > 0 ? description->str : NULL);
  }
}

static void
update_placeholders (EylPlacementPanel *self)
{
  EylPlacement    *placement = shown_placement (self);
  g_autofree char *w = NULL;
  g_autofree char *h = NULL;

  if (self->analysis != NULL && self->analysis->material_w_mm > 0)
    {
      w = format_length (self, self->analysis->material_w_mm);
      h = format_length (self, self->analysis->material_h_mm);
    }
  else if (placement != NULL && placement->sizes != NULL && placement->sizes->len > 0)
    {
      EylSizeMm *size = &g_array_index (placement->sizes, EylSizeMm, 0);

      w = format_length (self, size->width_mm);
      h = format_length (self, size->height_mm);
    }

  for (guint i = 0; i < N_ROWS (self); i++)
    {
      const EylOption *option = eyl_option_lookup (ROW (self, i)->option);
      g_autofree char *value = NULL;

      /* The size's: the page's; the eye heights': none (filled). */
      if (option->shape == EYL_OPTION_SIZE)
        set_placeholder (ROW_ENTRY (self, i), ROW (self, i)->second ? h : w);
      if (option->shape != EYL_OPTION_NUMBER)
        continue;

      /* A gap behind no table is no gap. */
      if (placement != NULL && option->placement_offset != 0 &&
          (placement->table_height_mm > 0 || !g_str_equal (option->name, "gap-mm")))
        value = format_value (self, option, G_STRUCT_MEMBER (double, placement, option->placement_offset));
      set_placeholder (ROW_ENTRY (self, i), value);
    }

  /* How the size was found. */
  if (self->analysis != NULL && self->analysis->material_w_mm > 0)
    {
      g_autofree char *subtitle = NULL;
      double           scale = self->analysis->scale;

      switch (self->analysis->scale_source)
        {
        case EYL_SCALE_USER:
          subtitle = g_strdup (_("As entered"));
          break;
        case EYL_SCALE_DETECTED:
          /* Translators: %g is the scale denominator, "1:10" */
          subtitle = g_strdup_printf (_("The page is drawn at 1:%g of this size; blank: from the page"),
                                         scale > 0 ? round (1.0 / scale) : 1.0);
          break;
        case EYL_SCALE_PAGE:
        default:
          subtitle = g_strdup (_("The page at 1:1; blank: from the page"));
          break;
        }
      adw_action_row_set_subtitle (self->size_row, subtitle);
    }
  else
    {
      adw_action_row_set_subtitle (self->size_row, _("Blank: from the page"));
    }
}

static void
apply_units (EylPlacementPanel *self)
{
  gboolean    inches = FALSE;
  double     *values = g_newa (double, N_ROWS (self));
  const char *length_unit;

  if (self->settings != NULL)
    inches = g_settings_get_enum (self->settings, "units") == EYL_UNITS_IN;

  /* Convert what the user typed, in the old units, before switching. */
  for (guint i = 0; i < N_ROWS (self); i++)
    values[i] = entry_value (self, ROW_ENTRY (self, i));

  self->inches = inches;
  /* Translators: unit labels after the number rows */
  length_unit = inches ? _("in") : _("mm");
  for (guint i = 0; i < N_ROWS (self); i++)
    {
      EylOptionUnit unit = eyl_option_lookup (ROW (self, i)->option)->unit;

      gtk_label_set_label (ROW (self, i)->unit_label, unit == EYL_OPTION_UNIT_MM ? length_unit
                                                                                 : unit == EYL_OPTION_UNIT_M
                                                          ? (inches ? _("ft") : _("m"))
                                                          : "");
    }

  for (guint i = 0; i < N_ROWS (self); i++)
    {
      const EylOption *option = eyl_option_lookup (ROW (self, i)->option);
      g_autofree char *text = NULL;

      if (!isfinite (values[i]))
        continue;
      text = format_value (self, option, values[i]);
      set_entry_text (self, ROW_ENTRY (self, i), text);
    }

  update_placeholders (self);
}

static void
fill_population (EylPlacementPanel *self,
                 EylPopulation      population)
{
  double           min_mm, max_mm;
  g_autofree char *min_text = NULL;
  g_autofree char *max_text = NULL;

  if (!eyl_population_get_eye_range (population, &min_mm, &max_mm))
    {
      const EylOption *eye = eyl_option_lookup (POPULATION_OPTION);

      min_mm = self->settings ? g_settings_get_double (self->settings, eye->settings_key)
                              : eye->fallback;
      max_mm = self->settings ? g_settings_get_double (self->settings, eye->settings_key2)
                              : eye->fallback2;
    }

  min_text = format_length (self, min_mm);
  max_text = format_length (self, max_mm);
  set_entry_text (self, find_row (self, POPULATION_OPTION, FALSE)->entry, min_text);
  set_entry_text (self, find_row (self, POPULATION_OPTION, TRUE)->entry, max_text);
}

/* ---------------------------------------------------------------------- */
/* Signal handlers                                                        */

/* A row whose option has a GSettings key is remembered there (blank: the
 * key's default, the table's fallback). */
static void
remember_entry (EylPlacementPanel *self,
                GtkEntry          *entry)
{
  Row             *row = entry_row (self, entry);
  const EylOption *option = row != NULL ? eyl_option_lookup (row->option) : NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  const char *key;
  gboolean    valid;
  double      value;

  if (self->settings == NULL || self->updating > 0 || option == NULL)
    return;
  key = row->second ? option->settings_key2 : option->settings_key;
  /* The eye heights' keys are the custom population's. */
  if (key == NULL ||
      (row->population && eyl_enum_row_get_value (self->population_row) != EYL_POPULATION_CUSTOM))
    return;
  g_object_get (self->settings, "settings-schema", &schema, NULL);
  if (!g_settings_schema_has_key (schema, key))
    return;
  /* Out of range or no number: the key keeps the last good value. */
  value = entry_value_checked (self, entry, &valid);
  if (valid)
    g_settings_set_double (self->settings, key,
                           isfinite (value) ? value : row->second ? option->fallback2
                                                                  : option->fallback);
}

/* The remembered rows, as the window opens. */
static void
restore_entries (EylPlacementPanel *self)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  if (self->settings == NULL)
    return;
  g_object_get (self->settings, "settings-schema", &schema, NULL);
  for (guint i = 0; i < N_ROWS (self); i++)
    {
      const EylOption *option = eyl_option_lookup (ROW (self, i)->option);
      g_autofree char *text = NULL;
      double           value;

      if (option->settings_key == NULL || option->shape != EYL_OPTION_NUMBER ||
          !g_settings_schema_has_key (schema, option->settings_key))
        continue;
      value = g_settings_get_double (self->settings, option->settings_key);
      /* The fallback is what a blank row leaves: the preset's value. */
      if (!(value > 0) || value == option->fallback)
        continue;
      text = format_value (self, option, value);
      set_entry_text (self, ROW_ENTRY (self, i), text);
    }
}

/* On notify::text, not "changed": a text set at once (undo, a test,
 * a paste over a selection) deletes before it inserts, and "changed"
 * in between would remember the blank row's default. */
static void
on_entry_changed (EylPlacementPanel *self,
                  GParamSpec        *pspec,
                  GtkEntry          *entry)
{
  validate_entry (self, entry);
  remember_entry (self, entry);
  queue_changed (self);
}

static void
on_eye_entry_changed (EylPlacementPanel *self,
                      GParamSpec        *pspec,
                      GtkEntry          *entry)
{
  validate_entry (self, entry);
  if (self->updating > 0)
    return;

  /* Hand-typed eye heights are a population of their own, remembered. */
  self->updating++;
  eyl_enum_row_set_value (self->population_row, EYL_POPULATION_CUSTOM);
  self->updating--;
  remember_entry (self, entry);
  queue_changed (self);
}

static void
on_preset_selected (EylPlacementPanel *self)
{
  /* The analysis shown was made for the previous preset. */
  if (self->updating == 0)
    g_clear_pointer (&self->analysis, eyl_page_analysis_unref);
  update_placement_rows (self);
  update_placeholders (self);
  queue_changed (self);
}

static void
on_population_selected (EylPlacementPanel *self)
{
  if (self->updating > 0)
    return;

  fill_population (self, eyl_enum_row_get_value (self->population_row));
  queue_changed (self);
}

static void
on_legibility_selected (EylPlacementPanel *self)
{
  const char *explanation = eyl_legibility_get_explanation (eyl_enum_row_get_value (self->legibility_row));

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->legibility_row), explanation != NULL ? explanation : "");
  queue_changed (self);
}

static void
on_units_changed (EylPlacementPanel *self)
{
  apply_units (self);
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  EylPlacementPanel *self = EYL_PLACEMENT_PANEL (widget);

  /* Every override; the population keeps its eye heights. */
  self->updating++;
  for (guint i = 0; i < N_ROWS (self); i++)
    if (!ROW (self, i)->population)
      set_entry_text (self, ROW_ENTRY (self, i), "");
  self->updating--;
  for (guint i = 0; i < N_ROWS (self); i++)
    if (!ROW (self, i)->population)
      remember_entry (self, ROW_ENTRY (self, i));
  queue_changed (self);
}

/* ---------------------------------------------------------------------- */
/* Undo                                                                   */

/* The panel's state: the preset, population and legibility positions,
 * then each number row's value in mm or m (NAN: blank), so a state
 * taken in millimetres comes back right in inches. */
enum
{
  STATE_PRESET,
  STATE_POPULATION,
  STATE_LEGIBILITY,
  STATE_ROWS
};

static guint label_rules_mask (EylPlacementPanel *self);
static void  set_label_rules_mask (EylPlacementPanel *self,
                                   guint              mask);

static GArray *
state_new (EylPlacementPanel *self)
{
  GArray *state = g_array_sized_new (FALSE, FALSE, sizeof (double),
                                     STATE_ROWS + N_ROWS (self));
  double  value;

  value = adw_combo_row_get_selected (self->preset_row);
  g_array_append_val (state, value);
  value = adw_combo_row_get_selected (self->population_row);
  g_array_append_val (state, value);
  value = adw_combo_row_get_selected (self->legibility_row);
  g_array_append_val (state, value);
  for (guint i = 0; i < N_ROWS (self); i++)
    {
      value = entry_value (self, ROW_ENTRY (self, i));
      g_array_append_val (state, value);
    }
  /* The label rule sets switched on, one bit each, after the rows. */
  value = label_rules_mask (self);
  g_array_append_val (state, value);
  return state;
}

static gboolean
state_equal (GArray *a,
             GArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      double x = g_array_index (a, double, i), y = g_array_index (b, double, i);

      if (!(x == y || (isnan (x) && isnan (y))))
        return FALSE;
    }
  return TRUE;
}

static void
notify_undo (EylPlacementPanel *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* Puts the rows back as @state had them, then "changed" re-runs the
 * check once, as for an edit, without recording a step. */
static void
state_apply (EylPlacementPanel *self,
             GArray            *state)
{
  self->updating++;
  adw_combo_row_set_selected (self->preset_row, (guint) g_array_index (state, double, STATE_PRESET));
  adw_combo_row_set_selected (self->population_row,
                              (guint) g_array_index (state, double, STATE_POPULATION));
  adw_combo_row_set_selected (self->legibility_row,
                              (guint) g_array_index (state, double, STATE_LEGIBILITY));
  for (guint i = 0; i < N_ROWS (self); i++)
    {
      const EylOption *option = eyl_option_lookup (ROW (self, i)->option);
      double           value = g_array_index (state, double, STATE_ROWS + i);
      g_autofree char *text = isfinite (value) ? format_value (self, option, value) : g_strdup ("");

      set_entry_text (self, ROW_ENTRY (self, i), text);
    }
  if (state->len > STATE_ROWS + N_ROWS (self))
    set_label_rules_mask (self, (guint) g_array_index (state, double, STATE_ROWS + N_ROWS (self)));
  self->updating--;
  /* The analysis shown was made for the rows before. */
  g_clear_pointer (&self->analysis, eyl_page_analysis_unref);
  update_placement_rows (self);
  update_placeholders (self);
  for (guint i = 0; i < N_ROWS (self); i++)
    remember_entry (self, ROW_ENTRY (self, i));
  queue_changed (self);
  self->restoring = TRUE;
}

/* Each "changed" the user caused is a step: the state before it goes on
 * the undo stack, and "edited" says so (with the preset's name when the
 * preset changed, for the window's toast). */
static void
record_step (EylPlacementPanel *self)
{
  GArray  *state = state_new (self);
  gboolean preset_changed;

  if (self->restoring || self->state == NULL || state_equal (state, self->state))
    {
      self->restoring = FALSE;
      g_clear_pointer (&self->state, g_array_unref);
      self->state = state;
      return;
    }
  preset_changed = g_array_index (state, double, STATE_PRESET) !=
                   g_array_index (self->state, double, STATE_PRESET);
  g_ptr_array_add (self->undo_stack, g_steal_pointer (&self->state));
  g_ptr_array_set_size (self->redo_stack, 0);
  self->state = state;
  notify_undo (self);
  g_signal_emit (self, signals[EDITED], 0,
                 preset_changed ? gtk_string_object_get_string (adw_combo_row_get_selected_item (self->preset_row))
                                : NULL);
}

static gboolean
step_back (EylPlacementPanel *self,
           GPtrArray         *from,
           GPtrArray         *to)
{
  GArray *state;

  if (from->len == 0)
    return FALSE;
  /* An edit still waiting for its pause is part of the present. */
  if (self->changed_source != 0)
    {
      gboolean edit = !self->restoring;

      g_clear_handle_id (&self->changed_source, g_source_remove);
      record_step (self);
      /* A new edit has nothing to redo. */
      if (edit && from == self->redo_stack)
        return FALSE;
    }
  state = g_ptr_array_steal_index (from, from->len - 1);
  g_ptr_array_add (to, g_steal_pointer (&self->state));
  self->state = state;
  state_apply (self, state);
  notify_undo (self);
  return TRUE;
}

void
eyl_placement_panel_set_value (EylPlacementPanel *self,
                               const char        *option,
                               gboolean           second,
                               double             value)
{
  Row             *row;
  g_autofree char *text = NULL;

  g_return_if_fail (EYL_IS_PLACEMENT_PANEL (self));
  g_return_if_fail (option != NULL);

  row = find_row (self, option, second);
  g_return_if_fail (row != NULL);
  text = format_value (self, eyl_option_lookup (option), value);
  /* As typed: the row's own handlers validate it, mark the population
   * custom for eye heights and queue "changed". */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row->entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row->entry), text);
}

gboolean
eyl_placement_panel_undo (EylPlacementPanel *self)
{
  g_return_val_if_fail (EYL_IS_PLACEMENT_PANEL (self), FALSE);
  return step_back (self, self->undo_stack, self->redo_stack);
}

gboolean
eyl_placement_panel_redo (EylPlacementPanel *self)
{
  g_return_val_if_fail (EYL_IS_PLACEMENT_PANEL (self), FALSE);
  return step_back (self, self->redo_stack, self->undo_stack);
}

gboolean
eyl_placement_panel_can_undo (EylPlacementPanel *self)
{
  g_return_val_if_fail (EYL_IS_PLACEMENT_PANEL (self), FALSE);
  return self->undo_stack->len > 0 || (self->changed_source != 0 && !self->restoring);
}

gboolean
eyl_placement_panel_can_redo (EylPlacementPanel *self)
{
  g_return_val_if_fail (EYL_IS_PLACEMENT_PANEL (self), FALSE);
  return self->redo_stack->len > 0;
}

/* ---------------------------------------------------------------------- */
/* Setup                                                                  */

static void
fill_presets (EylPlacementPanel *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) list = NULL;

  self->placements = eyl_placement_set_new_default (warnings);
  for (guint i = 0; i < warnings->len; i++)
    g_warning ("%s", (const char *) g_ptr_array_index (warnings, i));

  self->preset_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->preset_ids, g_strdup (EYL_PLACEMENT_AUTO));
  gtk_string_list_append (names, _("Automatic"));

  list = eyl_placement_set_list (self->placements);
  for (guint i = 0; i < list->len; i++)
    {
      EylPlacement *placement = g_ptr_array_index (list, i);

      g_ptr_array_add (self->preset_ids, g_strdup (placement->id));
      gtk_string_list_append (names, placement->name != NULL ? placement->name : placement->id);
    }

  adw_combo_row_set_model (self->preset_row, G_LIST_MODEL (names));
}

/* The preset from the settings; the legibility and population rows
 * follow their keys and write them. */
static void
apply_defaults (EylPlacementPanel *self)
{
  g_autofree char *placement = NULL;

  if (self->settings != NULL)
    placement = g_settings_get_string (self->settings, "default-placement");

  self->updating++;

  eyl_placement_panel_set_placement_id (self, placement != NULL ? placement : EYL_PLACEMENT_AUTO);
  if (self->settings != NULL)
    {
      eyl_enum_row_bind (self->legibility_row, self->settings, "legibility");
      eyl_enum_row_bind (self->population_row, self->settings, "population");
    }
  on_legibility_selected (self);
  fill_population (self, eyl_enum_row_get_value (self->population_row));

  self->updating--;
}

static void
eyl_placement_panel_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  EylPlacementPanel *self = EYL_PLACEMENT_PANEL (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, eyl_placement_panel_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, eyl_placement_panel_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eyl_placement_panel_dispose (GObject *object)
{
  EylPlacementPanel *self = EYL_PLACEMENT_PANEL (object);

  g_clear_handle_id (&self->changed_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), EYL_TYPE_PLACEMENT_PANEL);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->analysis, eyl_page_analysis_unref);

  G_OBJECT_CLASS (eyl_placement_panel_parent_class)->dispose (object);
}

static void
eyl_placement_panel_finalize (GObject *object)
{
  EylPlacementPanel *self = EYL_PLACEMENT_PANEL (object);

  g_clear_pointer (&self->preset_ids, g_ptr_array_unref);
  g_clear_pointer (&self->placements, eyl_placement_set_free);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->state, g_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->rule_sets, g_ptr_array_unref);
  g_clear_pointer (&self->rule_switches, g_ptr_array_unref);
  g_clear_pointer (&self->chosen_rules, g_ptr_array_unref);

  G_OBJECT_CLASS (eyl_placement_panel_parent_class)->finalize (object);
}

static void
eyl_placement_panel_class_init (EylPlacementPanelClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = eyl_placement_panel_dispose;
  object_class->finalize = eyl_placement_panel_finalize;

  /**
   * EylPlacementPanel::changed:
   *
   * The user changed the placement or one of its numbers and paused:
   * time to evaluate again, or to re-read with eyl_placement_panel_get_check_settings().
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  /**
   * EylPlacementPanel::edited:
   * @preset: (nullable): the preset's name when the edit chose another
   *
   * The user made a step that eyl_placement_panel_undo() can take back.
   */
  signals[EDITED] = g_signal_new ("edited",
                                  G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_STRING);

  object_class->get_property = eyl_placement_panel_get_property;
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/eyl-placement-panel.ui");
  eyl_enum_row_class_setup (widget_class);
  gtk_widget_class_bind_template_child (widget_class, EylPlacementPanel, page);
  gtk_widget_class_bind_template_child (widget_class, EylPlacementPanel, placement_group);
  gtk_widget_class_bind_template_child (widget_class, EylPlacementPanel, preset_row);
  gtk_widget_class_bind_template_child (widget_class, EylPlacementPanel, auto_row);
  gtk_widget_class_bind_template_child (widget_class, EylPlacementPanel, size_row);
  gtk_widget_class_bind_template_child (widget_class, EylPlacementPanel, population_row);
  gtk_widget_class_bind_template_child (widget_class, EylPlacementPanel, legibility_row);
  gtk_widget_class_bind_template_child (widget_class, EylPlacementPanel, label_rules_row);
  /* the rows of the options, by name */
  {
    guint            n_options;
    const EylOption *options = eyl_options_get_all (&n_options);
    const char      *suffixes[] = { "_entry", "_unit_label" };

    for (guint i = 0; i < n_options; i++)
      {
        for (guint k = 0; k < G_N_ELEMENTS (suffixes); k++)
          gtk_widget_class_bind_template_child_full (widget_class,
                                                     row_child_name (options[i].name, FALSE, suffixes[k]), FALSE, 0);
        if (options[i].shape != EYL_OPTION_NUMBER)
          gtk_widget_class_bind_template_child_full (widget_class, row_child_name (options[i].name, TRUE, "_entry"),
                                                     FALSE, 0);
      }
  }
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_eye_entry_changed);

  gtk_widget_class_install_action (widget_class, "placement.reset", NULL, reset_action);

  gtk_widget_class_set_css_name (widget_class, "eylplacementpanel");
}

/* ---------------------------------------------------------------------- */
/* Label rule sets                                                        */

/* The optional label rule sets (data/label-rules): a switch each in the
 * Legibility group's expander row, all off unless chosen; the choice is
 * remembered in the "label-rules" key and judged in this process (the
 * Evaluate stage), the worker reading the same ids (--label-rules). */

static guint
label_rules_mask (EylPlacementPanel *self)
{
  guint mask = 0;

  for (guint i = 0; self->rule_switches != NULL && i < self->rule_switches->len; i++)
    if (gtk_switch_get_active (g_ptr_array_index (self->rule_switches, i)))
      mask |= 1u << i;
  return mask;
}

static char *
dup_chosen_ids (EylPlacementPanel *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  for (guint i = 0; self->rule_switches != NULL && i < self->rule_switches->len; i++)
    if (gtk_switch_get_active (g_ptr_array_index (self->rule_switches, i)))
      g_strv_builder_add (builder, ((EylLabelRuleSet *) g_ptr_array_index (self->rule_sets, i))->id);
  ids = g_strv_builder_end (builder);
  return ids[0] != NULL ? g_strjoinv (",", ids) : NULL;
}

/* The sets switched on loaded for the checks, the expander's subtitle
 * naming them; remembered in GSettings. */
static void
update_chosen_rules (EylPlacementPanel *self)
{
  g_autofree char *ids = dup_chosen_ids (self);
  g_autoptr(GString) names = g_string_new (NULL);

  g_clear_pointer (&self->chosen_rules, g_ptr_array_unref);
  if (ids != NULL)
    self->chosen_rules = eyl_label_rules_load (ids, NULL);
  for (guint i = 0; self->chosen_rules != NULL && i < self->chosen_rules->len; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? "; " : "",
                            ((EylLabelRuleSet *) g_ptr_array_index (self->chosen_rules, i))->name);
  adw_expander_row_set_subtitle (self->label_rules_row,
                                 names->len > 0 ? names->str : _("Off: no label rule set is checked"));
  /* Also while the panel fills itself (undo): the key follows; the
   * value it already has is not written again. */
  if (self->settings != NULL)
    {
      g_autoptr(GSettingsSchema) schema = NULL;
      g_auto(GStrv) list = g_strsplit (ids != NULL ? ids : "", ",", -1);
      g_auto(GStrv) remembered = NULL;
      g_autofree char *joined = NULL;

      g_object_get (self->settings, "settings-schema", &schema, NULL);
      if (!g_settings_schema_has_key (schema, "label-rules"))
        return;
      remembered = g_settings_get_strv (self->settings, "label-rules");
      joined = g_strjoinv (",", remembered);
      if (g_strcmp0 (joined, ids != NULL ? ids : "") != 0)
        g_settings_set_strv (self->settings, "label-rules",
                             ids != NULL ? (const char *const *) list : NULL);
    }
}

static void
set_label_rules_mask (EylPlacementPanel *self,
                      guint              mask)
{
  self->updating++;
  for (guint i = 0; self->rule_switches != NULL && i < self->rule_switches->len; i++)
    gtk_switch_set_active (g_ptr_array_index (self->rule_switches, i), (mask & (1u << i)) != 0);
  self->updating--;
  update_chosen_rules (self);
}

static void
on_rule_switch_active (EylPlacementPanel *self)
{
  if (self->updating > 0)
    return;
  update_chosen_rules (self);
  queue_changed (self);
}

/* The key changed elsewhere (another window, dconf): the switches follow. */
static void
on_label_rules_setting (EylPlacementPanel *self)
{
  g_auto(GStrv) ids = g_settings_get_strv (self->settings, "label-rules");
  guint mask = 0;

  for (guint i = 0; i < self->rule_sets->len; i++)
    if (g_strv_contains ((const char *const *) ids,
                         ((EylLabelRuleSet *) g_ptr_array_index (self->rule_sets, i))->id))
      mask |= 1u << i;
  if (mask == label_rules_mask (self))
    return;
  set_label_rules_mask (self, mask);
  queue_changed (self);
}

static void
init_label_rules (EylPlacementPanel *self)
{
  g_auto(GStrv) ids = eyl_label_rules_list ();
  g_autoptr(GSettingsSchema) schema = NULL;

  self->rule_sets = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_label_rule_set_free);
  self->rule_switches = g_ptr_array_new ();
  for (guint i = 0; ids[i] != NULL && i < 32; i++)
    {
      g_autoptr(GPtrArray) one = eyl_label_rules_load (ids[i], NULL);
      EylLabelRuleSet *set;
      GtkWidget       *row, *toggle;

      if (one == NULL || one->len != 1)
        continue;
      set = g_ptr_array_steal_index (one, 0);
      g_ptr_array_add (self->rule_sets, set);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), set->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      /* The clause the set cites. */
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), set->source);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
      toggle = gtk_switch_new ();
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      set->name, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      g_signal_connect_swapped (toggle, "notify::active", G_CALLBACK (on_rule_switch_active), self);
      g_ptr_array_add (self->rule_switches, toggle);
      adw_expander_row_add_row (self->label_rules_row, row);
    }

  if (self->settings != NULL)
    g_object_get (self->settings, "settings-schema", &schema, NULL);
  if (schema == NULL || !g_settings_schema_has_key (schema, "label-rules"))
    {
      set_label_rules_mask (self, 0);
      return;
    }
  self->updating++;
  on_label_rules_setting (self);
  self->updating--;
  update_chosen_rules (self);
  g_signal_connect_object (self->settings, "changed::label-rules",
                           G_CALLBACK (on_label_rules_setting), self, G_CONNECT_SWAPPED);
}

char *
eyl_placement_panel_dup_label_rules (EylPlacementPanel *self)
{
  g_return_val_if_fail (EYL_IS_PLACEMENT_PANEL (self), NULL);

  return dup_chosen_ids (self);
}

void
eyl_placement_panel_set_label_rule (EylPlacementPanel *self,
                                    const char        *id,
                                    gboolean           chosen)
{
  g_return_if_fail (EYL_IS_PLACEMENT_PANEL (self));
  g_return_if_fail (id != NULL);

  for (guint i = 0; i < self->rule_sets->len; i++)
    if (g_str_equal (((EylLabelRuleSet *) g_ptr_array_index (self->rule_sets, i))->id, id))
      gtk_switch_set_active (g_ptr_array_index (self->rule_switches, i), chosen);
}

static GObject *
template_child (EylPlacementPanel *self,
                const char        *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (self), EYL_TYPE_PLACEMENT_PANEL, name);
}

static void
init_rows (EylPlacementPanel *self)
{
  guint            n_options;
  const EylOption *options = eyl_options_get_all (&n_options);

  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  for (guint i = 0; i < n_options; i++)
    for (int second = FALSE; second <= (options[i].shape != EYL_OPTION_NUMBER); second++)
      {
        Row row = { GTK_ENTRY (template_child (self, row_child_name (options[i].name, second, "_entry"))),
                    GTK_LABEL (template_child (self, row_child_name (options[i].name, FALSE, "_unit_label"))),
                    options[i].name, second, g_str_equal (options[i].name, POPULATION_OPTION) };

        g_array_append_val (self->rows, row);
      }
}

static void
eyl_placement_panel_init (EylPlacementPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  init_rows (self);

  self->settings = eyl_placement_panel_settings_new ();

  fill_presets (self);
  apply_units (self);
  apply_defaults (self);
  restore_entries (self);
  init_label_rules (self);
  update_placement_rows (self);
  update_placeholders (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "placement.reset", FALSE);
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->state = state_new (self);

  g_signal_connect_swapped (self->preset_row, "notify::selected",
                            G_CALLBACK (on_preset_selected), self);
  g_signal_connect_swapped (self->population_row, "notify::selected",
                            G_CALLBACK (on_population_selected), self);
  g_signal_connect_swapped (self->legibility_row, "notify::selected",
                            G_CALLBACK (on_legibility_selected), self);
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::units",
                             G_CALLBACK (on_units_changed), self, G_CONNECT_SWAPPED);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

GtkWidget *
eyl_placement_panel_new (void)
{
  return g_object_new (EYL_TYPE_PLACEMENT_PANEL, NULL);
}

const char *
eyl_placement_panel_get_placement_id (EylPlacementPanel *self)
{
  guint pos;

  g_return_val_if_fail (EYL_IS_PLACEMENT_PANEL (self), NULL);

  pos = adw_combo_row_get_selected (self->preset_row);
  if (pos >= self->preset_ids->len)
    return EYL_PLACEMENT_AUTO;

  return g_ptr_array_index (self->preset_ids, pos);
}

void
eyl_placement_panel_set_placement_id (EylPlacementPanel *self,
                                      const char        *id)
{
  guint pos = 0;

  g_return_if_fail (EYL_IS_PLACEMENT_PANEL (self));

  if (id != NULL && !g_ptr_array_find_with_equal_func (self->preset_ids, id, g_str_equal, &pos))
    {
      g_debug ("No placement “%s”: using automatic", id);
      pos = 0;
    }

  adw_combo_row_set_selected (self->preset_row, pos);
}

static char *
dup_brand_kit_path (EylPlacementPanel *self)
{
  g_autofree char *path = NULL;

  if (self->settings != NULL)
    path = g_settings_get_string (self->settings, "brand-kit-path");
  if (path == NULL || *path == '\0')
    {
      g_free (path);
      path = g_build_filename (g_get_user_config_dir (), "eyeline", "brand-kit.ini", NULL);
    }

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;

  /* A kit the worker would refuse would fail every check: leave it out
   * (the brand kit dialog shows what is wrong with it). */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(EylBrandKit) kit = eyl_brand_kit_load (path, &error);

    if (kit == NULL)
      {
        g_debug ("Not using the brand kit: %s", error->message);
        return NULL;
      }
  }

  return g_steal_pointer (&path);
}

void
eyl_placement_panel_get_options (EylPlacementPanel  *self,
                                 EylAnalysisOptions *options)
{
  EylPlacementOverrides *o;
  int                    legibility;

  g_return_if_fail (EYL_IS_PLACEMENT_PANEL (self));
  g_return_if_fail (options != NULL);

  o = &options->overrides;
  options->placements = self->placements;
  options->placement = selected_placement (self);
  eyl_placement_overrides_init (o);

  /* Each row into its option's field; a pair only when both ends are
   * given (half a size is no size) and a range only when it rises. */
  for (guint i = 0; i < N_ROWS (self); i++)
    {
      const EylOption *option = eyl_option_lookup (ROW (self, i)->option);
      double           value = entry_value (self, ROW_ENTRY (self, i)), end;

      if (ROW (self, i)->second)
        continue;
      if (option->shape == EYL_OPTION_NUMBER)
        {
          G_STRUCT_MEMBER (double, o, option->offset) = value;
          continue;
        }
      end = entry_value (self, ROW_ENTRY (self, i + 1));
      if (isfinite (value) && isfinite (end) &&
          (option->shape != EYL_OPTION_RANGE || end > value))
        {
          G_STRUCT_MEMBER (double, o, option->offset) = value;
          G_STRUCT_MEMBER (double, o, option->offset2) = end;
        }
    }

  legibility = eyl_enum_row_get_value (self->legibility_row);
  options->legibility = legibility >= 0 ? (EylLegibility) legibility : EYL_LEGIBILITY_1_200;
  /* The label rule sets are evaluated here too (eyl_evaluate_page). */
  options->label_rules = self->chosen_rules;
}

char *
eyl_placement_panel_dup_brand_kit_path (EylPlacementPanel *self)
{
  g_return_val_if_fail (EYL_IS_PLACEMENT_PANEL (self), NULL);

  return dup_brand_kit_path (self);
}

EylBrandKit *
eyl_placement_panel_dup_brand_kit (EylPlacementPanel *self)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (EYL_IS_PLACEMENT_PANEL (self), NULL);

  path = dup_brand_kit_path (self);
  return path != NULL ? eyl_brand_kit_load (path, NULL) : NULL;
}

void
eyl_placement_panel_get_check_settings (EylPlacementPanel *self,
                                        EylCheckSettings  *settings)
{
  EylAnalysisOptions options;

  g_return_if_fail (EYL_IS_PLACEMENT_PANEL (self));
  g_return_if_fail (settings != NULL);

  eyl_analysis_options_init (&options);
  eyl_placement_panel_get_options (self, &options);

  eyl_check_settings_init (settings);
  settings->placement = g_strdup (eyl_placement_panel_get_placement_id (self));
  settings->overrides = options.overrides;
  settings->legibility = options.legibility;
  settings->brand_kit = dup_brand_kit_path (self);
  settings->label_rules = eyl_placement_panel_dup_label_rules (self);
}

void
eyl_placement_panel_set_analysis (EylPlacementPanel *self,
                                  EylPageAnalysis   *analysis)
{
  g_return_if_fail (EYL_IS_PLACEMENT_PANEL (self));

  if (analysis == self->analysis)
    return;

  g_clear_pointer (&self->analysis, eyl_page_analysis_unref);
  if (analysis != NULL)
    self->analysis = eyl_page_analysis_ref (analysis);

  update_placement_rows (self);
  update_placeholders (self);
}
