/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-panels.c: the window's side panels and settings dialogs under a
 * real display (Xvfb): placement panel → worker options, the scene view
 * painting an analysis, the preferences bound to GSettings, the brand kit
 * dialog loading and saving.  Each test saves a PNG of what it shows to
 * /tmp/eyl-panels-*.png for a person to look at. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "eyl-brand-kit.h"
#include "eyl-fixtures.h"
#include "eyl-gui-fixtures.h"
#include "eyl-pack-fixtures.h"
#include "eyl-worker.h"
#include "eyl-resources.h"

#include "eyl-brand-kit-dialog.h"
#include "eyl-placement-panel.h"
#include "eyl-preferences-window.h"
#include "eyl-scene-view.h"

static char *config_dir;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

/* A condition for eyl_gui_wait_until (): the count @data points to is
 * above zero. */
static gboolean
counted (gpointer data)
{
  return *(guint *) data > 0;
}

/* A condition for eyl_gui_wait_until (): the label @data no longer says
 * "mm" (the units setting reached it). */
static gboolean
label_not_mm (gpointer data)
{
  return g_strcmp0 (gtk_label_get_label (GTK_LABEL (data)), "mm") != 0;
}

static GtkWindow *
show_in_window (GtkWidget *child,
                int        width,
                int        height)
{
  GtkWindow *window = GTK_WINDOW (adw_window_new ());

  gtk_window_set_default_size (window, width, height);
  adw_window_set_content (ADW_WINDOW (window), child);
  gtk_window_present (window);
  eyl_gui_wait_for_frame (GTK_WIDGET (window));

  return window;
}

static GdkTexture *
render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer;
  int          width = gtk_widget_get_width (widget);
  int          height = gtk_widget_get_height (widget);

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return NULL;

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  return gsk_renderer_render_texture (renderer, node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static void
save_png (GtkWidget  *widget,
          const char *name)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_strdup_printf ("/tmp/eyl-panels-%s.png", name);

  /* Let the widget lay itself out and draw a frame first. */
  eyl_gui_wait_for_frame (widget);
  texture = render_widget (widget);

  g_assert_nonnull (texture);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

/* Pixels that are not fully transparent. */
static guint
count_painted_pixels (GdkTexture *texture)
{
  int                width, height;
  g_autofree guchar *data = NULL;
  guint              painted = 0;

  if (texture == NULL)
    return 0;

  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  data = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, data, (gsize) width * 4);
  for (gsize i = 0; i < (gsize) width * height; i++)
    if (data[i * 4 + 3] != 0) /* CAIRO_FORMAT_ARGB32: alpha last on little-endian */
      painted++;

  return painted;
}

static GtkWidget *
template_child (GtkWidget  *widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (widget, type, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

/* The panel's typed settings written as the command line would take
 * them ("--placement auto --eye-mm=1405-1825 --legibility 1:200"), for
 * the assertions to read. */
static char *
panel_args (EylPlacementPanel *panel)
{
  g_auto(EylCheckSettings) settings = { 0 };
  GString         *text = g_string_new (NULL);
  guint            n;
  const EylOption *options = eyl_options_get_all (&n);

  eyl_placement_panel_get_check_settings (panel, &settings);
  g_string_append_printf (text, "--placement %s", settings.placement);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *value = eyl_option_format (&options[i], &settings.overrides);

      if (value != NULL)
        g_string_append_printf (text, " --%s=%s", options[i].name, value);
    }
  g_string_append_printf (text, " --legibility %s", eyl_legibility_to_string (settings.legibility));
  if (settings.brand_kit != NULL)
    g_string_append_printf (text, " --brand-kit %s", settings.brand_kit);
  return g_string_free (text, FALSE);
}

static void
set_text (GtkWidget  *panel,
          const char *entry,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (template_child (panel, EYL_TYPE_PLACEMENT_PANEL, entry)),
                         text);
}

static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

/* The sample banner analysed by the real worker with @settings. */
static EylPageAnalysis *
analyse_sample (const EylCheckSettings *settings)
{
  const char      *cli = g_getenv ("EYL_CLI");
  const char      *root = g_getenv ("EYL_SOURCE_ROOT");
  g_autofree char *path = NULL;
  g_autoptr(EylFileResult) result = NULL;
  EylWorkerConfig *config;

  if (cli == NULL || root == NULL)
    return NULL;

  config = eyl_worker_config_new (eyl_fixture_worker ());
  if (settings != NULL)
    eyl_worker_config_set_settings (config, settings);
  path = g_build_filename (root, "data", "samples", "rollup-banner.pdf", NULL);
  result = eyl_worker_check_file (config, path, NULL);
  eyl_worker_config_unref (config);

  if (!result->ok)
    g_error ("worker failed on %s: %s", path, result->error_message);
  g_assert_cmpuint (result->pages->len, >=, 1);

  return eyl_page_analysis_ref (g_ptr_array_index (result->pages, 0));
}

/* ---------------------------------------------------------------------- */
/* Placement panel                                                        */

static void
on_changed (EylPlacementPanel *panel,
            guint             *count)
{
  (*count)++;
}

static void
test_placement_panel_defaults (void)
{
  GtkWidget       *panel;
  GtkWindow       *window;
  g_autofree char *args = NULL;

  reset_settings ();
  panel = eyl_placement_panel_new ();
  window = show_in_window (panel, 420, 900);

  g_assert_cmpstr (eyl_placement_panel_get_placement_id (EYL_PLACEMENT_PANEL (panel)), ==, "auto");
  args = panel_args (EYL_PLACEMENT_PANEL (panel));
  g_assert_cmpstr (args, ==, "--placement auto --eye-mm=1405-1825 --legibility 1:200");

  save_png (GTK_WIDGET (window), "placement-empty");
  gtk_window_destroy (window);
}

static void
test_placement_panel_settings_defaults (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWidget       *panel;
  GtkWindow       *window;
  g_autofree char *args = NULL;

  reset_settings ();
  g_settings_set_string (settings, "default-placement", "poster-wall");
  g_settings_set_string (settings, "legibility", "20-arcmin");
  g_settings_set_string (settings, "population", "us");

  panel = eyl_placement_panel_new ();
  window = show_in_window (panel, 420, 900);
  args = panel_args (EYL_PLACEMENT_PANEL (panel));
  g_assert_cmpstr (args, ==, "--placement poster-wall --eye-mm=1420-1825 --legibility 20-arcmin");

  gtk_window_destroy (window);
  reset_settings ();
}

/* The label-net-quantity findings of @page as "severity height needed". */
static char *
net_findings (EylPageAnalysis *page)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < page->findings->len; i++)
    {
      EylFinding *f = g_ptr_array_index (page->findings, i);

      if (g_str_equal (f->rule, "label-net-quantity"))
        g_string_append_printf (text, "%s %.2f %.2f\n", eyl_severity_to_string (f->severity),
                                json_object_get_double_member (f->measures, "height_mm"),
                                json_object_get_double_member (f->measures, "needed_mm"));
    }
  return g_string_free (text, FALSE);
}

/* The label rule sets remembered in GSettings: the panel's switches, its
 * settings for the worker (--label-rules), its options for the Evaluate
 * stage; a label checked with them has the finding the command line's
 * flag gives; a switch turned on is remembered. */
static void
test_placement_panel_label_rules (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  const char      *us[] = { "us-21cfr101-105", NULL };
  const char      *cli = g_getenv ("EYL_CLI");
  g_autofree char *path = eyl_pack_make_label (6);
  g_auto(EylCheckSettings) check = { 0 };
  g_autofree char *from_settings = NULL;
  g_autofree char *out = NULL;
  g_autofree char *from_flag = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) remembered = NULL;
  EylAnalysisOptions options;
  EylWorkerConfig   *config;
  GtkWidget         *panel;
  GtkWindow         *window;
  JsonArray         *findings;
  int                status;
  guint              n_changed = 0;

  reset_settings ();
  panel = eyl_placement_panel_new ();
  window = show_in_window (panel, 420, 900);
  /* Off unless chosen. */
  g_assert_null (eyl_placement_panel_dup_label_rules (EYL_PLACEMENT_PANEL (panel)));
  gtk_window_destroy (window);

  g_settings_set_strv (settings, "label-rules", us);
  panel = eyl_placement_panel_new ();
  window = show_in_window (panel, 420, 900);
  eyl_placement_panel_get_check_settings (EYL_PLACEMENT_PANEL (panel), &check);
  g_assert_cmpstr (check.label_rules, ==, "us-21cfr101-105");
  eyl_analysis_options_init (&options);
  eyl_placement_panel_get_options (EYL_PLACEMENT_PANEL (panel), &options);
  g_assert_nonnull (options.label_rules);
  g_assert_cmpuint (options.label_rules->len, ==, 1);

  if (cli == NULL)
    {
      gtk_window_destroy (window);
      reset_settings ();
      g_test_skip ("EYL_CLI is not set");
      return;
    }
  check.ocr = check.logos = FALSE;
  config = eyl_worker_config_new (eyl_fixture_worker ());
  eyl_worker_config_set_settings (config, &check);
  {
    g_autoptr(EylFileResult) result = eyl_worker_check_file (config, path, NULL);

    g_assert_true (result->ok);
    from_settings = net_findings (g_ptr_array_index (result->pages, 0));
  }
  eyl_worker_config_unref (config);
  g_assert_nonnull (strstr (from_settings, "warning"));

  {
    const char *argv[] = { cli, "check", "--format", "json", "--fail-on", "never", "--no-ocr",
                           "--no-logos", "--label-rules=us-21cfr101-105", path, NULL };
    GString    *text = g_string_new (NULL);

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                 &out, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
    g_assert_no_error (error);
    findings = json_object_get_array_member (
        json_array_get_object_element (
            json_object_get_array_member (
                json_array_get_object_element (
                    json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "files"), 0),
                "pages"),
            0),
        "findings");
    for (guint i = 0; i < json_array_get_length (findings); i++)
      {
        JsonObject *f = json_array_get_object_element (findings, i);
        JsonObject *m = json_object_get_object_member (f, "measures");

        if (g_str_equal (json_object_get_string_member (f, "rule"), "label-net-quantity"))
          g_string_append_printf (text, "%s %.2f %.2f\n", json_object_get_string_member (f, "severity"),
                                  json_object_get_double_member (m, "height_mm"),
                                  json_object_get_double_member (m, "needed_mm"));
      }
    from_flag = g_string_free (text, FALSE);
  }
  g_assert_cmpstr (from_settings, ==, from_flag);

  /* Another set switched on is remembered with it. */
  g_signal_connect (panel, "changed", G_CALLBACK (on_changed), &n_changed);
  eyl_placement_panel_set_label_rule (EYL_PLACEMENT_PANEL (panel), "eu-1169-2011", TRUE);
  remembered = g_settings_get_strv (settings, "label-rules");
  g_assert_cmpuint (g_strv_length (remembered), ==, 2);
  g_assert_true (g_strv_contains ((const char *const *) remembered, "eu-1169-2011"));
  /* A step undo takes back (once the pause made it one), the key with it. */
  eyl_gui_wait_until (counted, &n_changed, 10, "the panel's \"changed\" after the pause");
  g_assert_true (eyl_placement_panel_undo (EYL_PLACEMENT_PANEL (panel)));
  g_free (out);
  out = eyl_placement_panel_dup_label_rules (EYL_PLACEMENT_PANEL (panel));
  g_assert_cmpstr (out, ==, "us-21cfr101-105");
  g_strfreev (remembered);
  remembered = g_settings_get_strv (settings, "label-rules");
  g_assert_cmpuint (g_strv_length (remembered), ==, 1);
  gtk_window_destroy (window);
  reset_settings ();
}

static void
test_placement_panel_edit (void)
{
  GtkWidget       *panel;
  GtkWindow       *window;
  GtkWidget       *width_entry;
  guint            changed = 0;
  g_autofree char *args = NULL;
  g_autofree char *args_invalid = NULL;
  g_autofree char *args_reset = NULL;

  reset_settings ();
  panel = eyl_placement_panel_new ();
  g_signal_connect (panel, "changed", G_CALLBACK (on_changed), &changed);
  window = show_in_window (panel, 420, 900);
  /* Opening is no edit: nothing emitted, nothing waiting for a pause. */
  g_assert_cmpuint (changed, ==, 0);
  g_assert_false (eyl_placement_panel_can_undo (EYL_PLACEMENT_PANEL (panel)));

  /* Several quick edits are one "changed", after the pause. */
  eyl_placement_panel_set_placement_id (EYL_PLACEMENT_PANEL (panel), "rollup-behind-table");
  set_text (panel, "width_entry", "850");
  set_text (panel, "height_entry", "2 000");
  set_text (panel, "distance_entry", "3,5");
  set_text (panel, "table_entry", "760");
  set_text (panel, "gap_mm_entry", "500");
  adw_combo_row_set_selected (ADW_COMBO_ROW (template_child (panel, EYL_TYPE_PLACEMENT_PANEL,
                                                             "population_row")),
                              3);
  adw_combo_row_set_selected (ADW_COMBO_ROW (template_child (panel, EYL_TYPE_PLACEMENT_PANEL,
                                                             "legibility_row")),
                              4);
  /* Waiting for the pause: not emitted yet, already a step to undo. */
  g_assert_cmpuint (changed, ==, 0);
  g_assert_true (eyl_placement_panel_can_undo (EYL_PLACEMENT_PANEL (panel)));
  eyl_gui_wait_until (counted, &changed, 10, "the panel's \"changed\" after the pause");
  eyl_gui_run_pending ();
  g_assert_cmpuint (changed, ==, 1);

  args = panel_args (EYL_PLACEMENT_PANEL (panel));
  g_assert_cmpstr (args, ==,
                   "--placement rollup-behind-table --size-mm=850x2000 --distance-m=3.5 "
                   "--eye-mm=1100-1300 --table-mm=760 --gap-mm=500 --legibility ada-703.5");
  save_png (GTK_WIDGET (window), "placement-edited");

  /* The crowd in front (one entry of the core's options table): the
   * options the window evaluates with, the worker's input and the
   * GSettings key that remembers it. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
    g_autofree char   *crowd_args = NULL;
    EylAnalysisOptions options;

    set_text (panel, "crowd_mm_entry", "1500");
    eyl_analysis_options_init (&options);
    eyl_placement_panel_get_options (EYL_PLACEMENT_PANEL (panel), &options);
    g_assert_cmpfloat (options.overrides.crowd_mm, ==, 1500);
    g_assert_cmpfloat (options.overrides.table_mm, ==, 760);
    g_assert_cmpfloat (options.overrides.eye_min_mm, ==, 1100);
    crowd_args = panel_args (EYL_PLACEMENT_PANEL (panel));
    g_assert_nonnull (strstr (crowd_args, "--crowd-mm=1500"));
    g_assert_cmpfloat (g_settings_get_double (settings, "crowd-mm"), ==, 1500);
    set_text (panel, "crowd_mm_entry", "");
    g_assert_cmpfloat (g_settings_get_double (settings, "crowd-mm"), ==, 0);

    /* Above the table's range (as --crowd-mm and a placement file's
     * crowd_height_mm refuse it, test-options): marked, not passed on,
     * not remembered; the range's end itself is taken. */
    {
      const EylOption *crowd = eyl_option_lookup ("crowd-mm");
      char             text[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (text, sizeof text, "%g", crowd->max + 1);
      set_text (panel, "crowd_mm_entry", text);
      g_assert_true (gtk_widget_has_css_class (template_child (panel, EYL_TYPE_PLACEMENT_PANEL,
                                                               "crowd_mm_entry"),
                                               "error"));
      eyl_analysis_options_init (&options);
      eyl_placement_panel_get_options (EYL_PLACEMENT_PANEL (panel), &options);
      g_assert_true (isnan (options.overrides.crowd_mm));
      g_assert_cmpfloat (g_settings_get_double (settings, "crowd-mm"), ==, 0);
      g_ascii_formatd (text, sizeof text, "%g", crowd->max);
      set_text (panel, "crowd_mm_entry", text);
      g_assert_cmpfloat (g_settings_get_double (settings, "crowd-mm"), ==, crowd->max);
      set_text (panel, "crowd_mm_entry", "");
    }
  }

  /* Hand-typed eye heights make the population "Custom". */
  set_text (panel, "eye_min_entry", "1200");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (template_child (panel, EYL_TYPE_PLACEMENT_PANEL,
                                                                               "population_row"))),
                    ==, 4);

  /* A wrong number is marked and not passed on; half a size is no size. */
  width_entry = template_child (panel, EYL_TYPE_PLACEMENT_PANEL, "width_entry");
  set_text (panel, "width_entry", "85o");
  set_text (panel, "distance_entry", "0");
  g_assert_true (gtk_widget_has_css_class (width_entry, "error"));
  args_invalid = panel_args (EYL_PLACEMENT_PANEL (panel));
  g_assert_null (strstr (args_invalid, "--size-mm"));
  g_assert_null (strstr (args_invalid, "--distance-m"));
  g_assert_nonnull (strstr (args_invalid, "--eye-mm=1200-1300"));
  save_png (GTK_WIDGET (window), "placement-invalid");

  /* Reset clears every override but keeps the preset. */
  gtk_widget_activate_action (panel, "placement.reset", NULL);
  g_assert_false (gtk_widget_has_css_class (width_entry, "error"));
  args_reset = panel_args (EYL_PLACEMENT_PANEL (panel));
  g_assert_cmpstr (args_reset, ==,
                   "--placement rollup-behind-table --eye-mm=1200-1300 --legibility ada-703.5");

  gtk_window_destroy (window);
}

/* The rows of the options table that the panel has no code of its own
 * for, as a user sees them with the preset rollup-behind-table. */
static const struct
{
  const char *option;
  const char *row;         /* its ids in the template: ROW_entry, ROW_unit_label */
  const char *placeholder; /* the preset's value */
  const char *unit_mm, *unit_in;
  const char *typed;
  double      value; /* what @typed is, in the option's unit */
  const char *wrong; /* out of the option's range */
  const char *in_inches;
} generic_rows[] = {
  /* the preset's leaflets and screens, 250 mm */
  { "table-objects-mm", "table_objects_mm", "250", "mm", "in", "600", 600, "5000", "23.6" },
  { "crowd-mm", "crowd_mm", "0", "mm", "in", "1500", 1500, "2600", "59.1" },
  { "gap-mm", "gap_mm", "650", "mm", "in", "500", 500, "10001", "19.7" },
  /* named before the table named its rows */
  { "distance-m", "distance", "2.0", "m", "ft", "3,5", 3.5, "0", "11.5" },
  { "table-mm", "table", "750", "mm", "in", "760", 760, "3001", "29.9" },
  /* 20/20 as people write it; no unit */
  { "acuity", "acuity", "20/20", "", "", "6/12", 0.5, "20/500", "20/40" },
};

/* A setting added by its table entry and its .ui row alone (no code of
 * the panel's own): the row shows the placement's value, takes the
 * user's, passes it to the checks and remembers it in its GSettings key;
 * a value out of the table's range is marked, not passed on and not
 * remembered; the reset
 * empties it; inches convert it. */
static void
test_placement_panel_generic_rows (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  for (guint i = 0; i < G_N_ELEMENTS (generic_rows); i++)
    {
      const EylOption *option = eyl_option_lookup (generic_rows[i].option);
      g_auto(EylCheckSettings) check = { 0 };
      g_autofree char *entry_name = g_strconcat (generic_rows[i].row, "_entry", NULL);
      g_autofree char *unit_name = g_strconcat (generic_rows[i].row, "_unit_label", NULL);
      g_autofree char *png = g_strconcat ("placement-", generic_rows[i].option, NULL);
      GtkWidget       *panel;
      GtkWindow       *window;
      GtkWidget       *entry;
      GtkWidget       *unit;

      g_test_message ("row %s", generic_rows[i].option);
      g_assert_nonnull (option);
      reset_settings ();
      panel = eyl_placement_panel_new ();
      window = show_in_window (panel, 420, 900);
      entry = template_child (panel, EYL_TYPE_PLACEMENT_PANEL, entry_name);
      unit = template_child (panel, EYL_TYPE_PLACEMENT_PANEL, unit_name);

      eyl_placement_panel_set_placement_id (EYL_PLACEMENT_PANEL (panel), "rollup-behind-table");
      g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (entry)), ==, generic_rows[i].placeholder);
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (unit)), ==, generic_rows[i].unit_mm);

      set_text (panel, entry_name, generic_rows[i].typed);
      eyl_placement_panel_get_check_settings (EYL_PLACEMENT_PANEL (panel), &check);
      g_assert_cmpfloat_with_epsilon (G_STRUCT_MEMBER (double, &check.overrides, option->offset),
                                      generic_rows[i].value, 1e-9);
      if (option->settings_key != NULL)
        g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, option->settings_key),
                                        generic_rows[i].value, 1e-9);
      eyl_check_settings_clear (&check);

      set_text (panel, entry_name, generic_rows[i].wrong);
      g_assert_true (gtk_widget_has_css_class (entry, "error"));
      eyl_placement_panel_get_check_settings (EYL_PLACEMENT_PANEL (panel), &check);
      g_assert_true (isnan (G_STRUCT_MEMBER (double, &check.overrides, option->offset)));
      /* not remembered either: the key keeps the last good value */
      if (option->settings_key != NULL)
        g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, option->settings_key),
                                        generic_rows[i].value, 1e-9);
      eyl_check_settings_clear (&check);

      set_text (panel, entry_name, generic_rows[i].typed);
      g_settings_set_string (settings, "units", "in");
      eyl_gui_wait_until (label_not_mm, template_child (panel, EYL_TYPE_PLACEMENT_PANEL, "size_unit_label"),
                          10, "the unit labels following the setting");
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (unit)), ==, generic_rows[i].unit_in);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, generic_rows[i].in_inches);
      save_png (GTK_WIDGET (window), png);

      gtk_widget_activate_action (panel, "placement.reset", NULL);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
      if (option->settings_key != NULL)
        g_assert_cmpfloat (g_settings_get_double (settings, option->settings_key), ==, option->fallback);
      eyl_placement_panel_get_check_settings (EYL_PLACEMENT_PANEL (panel), &check);
      g_assert_true (isnan (G_STRUCT_MEMBER (double, &check.overrides, option->offset)));

      /* A gap behind no table is no gap. */
      if (g_str_equal (generic_rows[i].option, "gap-mm"))
        {
          eyl_placement_panel_set_placement_id (EYL_PLACEMENT_PANEL (panel), "rollup-free-standing");
          g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (entry)), ==, "");
        }

      gtk_window_destroy (window);
    }
  reset_settings ();
}

/* The words a combo row shows for its selected item (its expression). */
static char *
combo_label (AdwComboRow *row)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert_true (gtk_expression_evaluate (adw_combo_row_get_expression (row),
                                          adw_combo_row_get_selected_item (row), &value));
  return g_value_dup_string (&value);
}

/* The panel's enum rows (the core's GEnums): choosing an item writes the
 * key and reaches the checks, the key moves the row, each item shows the
 * core's words; a population fills the eye heights, typed ones make it
 * custom and are remembered, an out-of-range one keeps the last good. */
static void
test_placement_panel_enum_rows (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GEnumClass) legibilities = g_type_class_ref (EYL_TYPE_LEGIBILITY);
  g_autoptr(GEnumClass) populations = g_type_class_ref (EYL_TYPE_POPULATION);
  AdwComboRow *legibility, *population;
  GtkWidget   *panel;
  GtkWindow   *window;

  reset_settings ();
  panel = eyl_placement_panel_new ();
  window = show_in_window (panel, 420, 900);
  legibility = ADW_COMBO_ROW (template_child (panel, EYL_TYPE_PLACEMENT_PANEL, "legibility_row"));
  population = ADW_COMBO_ROW (template_child (panel, EYL_TYPE_PLACEMENT_PANEL, "population_row"));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (legibility)), ==, legibilities->n_values);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (population)), ==, populations->n_values);

  for (guint i = 0; i < legibilities->n_values; i++)
    {
      const GEnumValue *v = &legibilities->values[i];
      g_auto(EylCheckSettings) check = { 0 };
      g_autofree char *key = NULL;
      g_autofree char *label = NULL;

      g_test_message ("legibility %s", v->value_nick);
      /* Row → key and checks */
      adw_combo_row_set_selected (legibility, i);
      key = g_settings_get_string (settings, "legibility");
      g_assert_cmpstr (key, ==, v->value_nick);
      g_assert_cmpint (g_settings_get_enum (settings, "legibility"), ==, v->value);
      eyl_placement_panel_get_check_settings (EYL_PLACEMENT_PANEL (panel), &check);
      g_assert_cmpint (check.legibility, ==, v->value);
      label = combo_label (legibility);
      g_assert_cmpstr (label, ==, eyl_legibility_get_label (v->value));
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (legibility)), ==,
                       eyl_legibility_get_explanation (v->value));
      /* Key → row */
      adw_combo_row_set_selected (legibility, (i + 1) % legibilities->n_values);
      g_settings_set_string (settings, "legibility", v->value_nick);
      g_assert_cmpuint (adw_combo_row_get_selected (legibility), ==, i);
    }

  for (guint i = 0; i < populations->n_values; i++)
    {
      const GEnumValue *v = &populations->values[i];
      g_auto(EylCheckSettings) check = { 0 };
      g_autofree char *key = NULL;
      g_autofree char *label = NULL;
      double           lo, hi;

      g_test_message ("population %s", v->value_nick);
      adw_combo_row_set_selected (population, (i + 1) % populations->n_values);
      g_settings_set_string (settings, "population", v->value_nick);
      g_assert_cmpuint (adw_combo_row_get_selected (population), ==, i);
      label = combo_label (population);
      g_assert_cmpstr (label, ==, eyl_population_get_label (v->value));
      adw_combo_row_set_selected (population, (i + 1) % populations->n_values);
      adw_combo_row_set_selected (population, i);
      key = g_settings_get_string (settings, "population");
      g_assert_cmpstr (key, ==, v->value_nick);
      eyl_placement_panel_get_check_settings (EYL_PLACEMENT_PANEL (panel), &check);
      if (!eyl_population_get_eye_range (v->value, &lo, &hi))
        {
          /* custom: the remembered heights */
          lo = g_settings_get_double (settings, "eye-min-mm");
          hi = g_settings_get_double (settings, "eye-max-mm");
        }
      g_assert_cmpfloat (check.overrides.eye_min_mm, ==, lo);
      g_assert_cmpfloat (check.overrides.eye_max_mm, ==, hi);
    }

  /* Typed eye heights: custom, remembered; out of range: marked, the key
   * keeps the last good value. */
  g_settings_set_string (settings, "population", "uk");
  set_text (panel, "eye_min_entry", "1200");
  g_assert_cmpint (g_settings_get_enum (settings, "population"), ==, EYL_POPULATION_CUSTOM);
  g_assert_cmpfloat (g_settings_get_double (settings, "eye-min-mm"), ==, 1200);
  set_text (panel, "eye_max_entry", "1700");
  g_assert_cmpfloat (g_settings_get_double (settings, "eye-max-mm"), ==, 1700);
  set_text (panel, "eye_min_entry", "99999");
  g_assert_true (gtk_widget_has_css_class (template_child (panel, EYL_TYPE_PLACEMENT_PANEL, "eye_min_entry"),
                                           "error"));
  g_assert_cmpfloat (g_settings_get_double (settings, "eye-min-mm"), ==, 1200);
  /* A population chosen again fills the rows and leaves the custom keys. */
  g_settings_set_string (settings, "population", "seated");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (template_child (panel, EYL_TYPE_PLACEMENT_PANEL,
                                                                        "eye_min_entry"))),
                   ==, "1100");
  g_assert_cmpfloat (g_settings_get_double (settings, "eye-min-mm"), ==, 1200);
  save_png (GTK_WIDGET (window), "placement-enum-rows");

  gtk_window_destroy (window);
  reset_settings ();
}

static void
test_placement_panel_inches (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWidget       *panel;
  GtkWindow       *window;
  g_autofree char *args = NULL;
  const char      *text;

  reset_settings ();
  panel = eyl_placement_panel_new ();
  window = show_in_window (panel, 420, 900);

  set_text (panel, "width_entry", "850");
  set_text (panel, "height_entry", "2000");
  set_text (panel, "distance_entry", "2");
  g_settings_set_string (settings, "units", "in");
  eyl_gui_wait_until (label_not_mm, template_child (panel, EYL_TYPE_PLACEMENT_PANEL, "size_unit_label"),
                      10, "the unit label following the setting");

  /* What the user typed is converted, not reinterpreted. */
  text = gtk_editable_get_text (GTK_EDITABLE (template_child (panel, EYL_TYPE_PLACEMENT_PANEL,
                                                              "width_entry")));
  g_assert_cmpstr (text, ==, "33.5");
  text = gtk_editable_get_text (GTK_EDITABLE (template_child (panel, EYL_TYPE_PLACEMENT_PANEL,
                                                              "distance_entry")));
  g_assert_cmpstr (text, ==, "6.6");

  /* 33 in × 80 in (the US roll-up) at 10 ft. */
  set_text (panel, "width_entry", "33");
  set_text (panel, "height_entry", "80");
  set_text (panel, "distance_entry", "10");
  args = panel_args (EYL_PLACEMENT_PANEL (panel));
  g_assert_nonnull (strstr (args, "--size-mm=838.2x2032"));
  g_assert_nonnull (strstr (args, "--distance-m=3.048"));
  save_png (GTK_WIDGET (window), "placement-inches");

  gtk_window_destroy (window);
  reset_settings ();
}

/* The panel's options are the worker's: a real check with them uses the
 * preset and numbers the panel shows, and the panel then shows what the
 * analysis used. */
static void
test_placement_panel_analysis (void)
{
  GtkWidget *panel;
  GtkWindow *window;
  g_auto(EylCheckSettings) settings = { 0 };
  g_autoptr(EylPageAnalysis) analysis = NULL;
  g_autoptr(EylPageAnalysis) auto_analysis = NULL;
  GtkWidget  *auto_row;
  const char *placeholder;

  if (g_getenv ("EYL_CLI") == NULL)
    {
      g_test_skip ("EYL_CLI not set");
      return;
    }

  reset_settings ();
  panel = eyl_placement_panel_new ();
  window = show_in_window (panel, 420, 900);

  /* Automatic: the panel says what was chosen and why. */
  eyl_placement_panel_get_check_settings (EYL_PLACEMENT_PANEL (panel), &settings);
  auto_analysis = analyse_sample (&settings);
  g_assert_cmpstr (auto_analysis->placement->id, ==, "rollup-behind-table");
  eyl_placement_panel_set_analysis (EYL_PLACEMENT_PANEL (panel), auto_analysis);
  auto_row = template_child (panel, EYL_TYPE_PLACEMENT_PANEL, "auto_row");
  g_assert_true (gtk_widget_get_visible (auto_row));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (auto_row)),
                            auto_analysis->placement->name));
  placeholder = gtk_entry_get_placeholder_text (GTK_ENTRY (template_child (panel, EYL_TYPE_PLACEMENT_PANEL,
                                                                           "width_entry")));
  g_assert_cmpstr (placeholder, ==, "850");
  placeholder = gtk_entry_get_placeholder_text (GTK_ENTRY (template_child (panel, EYL_TYPE_PLACEMENT_PANEL,
                                                                           "table_entry")));
  g_assert_cmpstr (placeholder, ==, "750");
  save_png (GTK_WIDGET (window), "placement-auto");

  /* A preset and a number of the user's reach the worker. */
  eyl_placement_panel_set_placement_id (EYL_PLACEMENT_PANEL (panel), "rollup-free-standing");
  g_assert_false (gtk_widget_get_visible (auto_row));
  set_text (panel, "distance_entry", "4");
  eyl_check_settings_clear (&settings);
  eyl_placement_panel_get_check_settings (EYL_PLACEMENT_PANEL (panel), &settings);
  analysis = analyse_sample (&settings);
  g_assert_cmpstr (analysis->placement->id, ==, "rollup-free-standing");
  g_assert_cmpfloat_with_epsilon (analysis->placement->distance_m, 4.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (analysis->placement->table_height_mm, 0.0, 1e-9);
  eyl_placement_panel_set_analysis (EYL_PLACEMENT_PANEL (panel), analysis);
  save_png (GTK_WIDGET (window), "placement-preset");

  gtk_window_destroy (window);
}

/* ---------------------------------------------------------------------- */
/* Scene view                                                             */

static void
test_scene_view (void)
{
  GtkWidget *view = eyl_scene_view_new ();
  GtkWindow *window;
  g_autoptr(EylPageAnalysis) analysis = NULL;
  g_autoptr(GdkTexture) empty = NULL;
  g_autoptr(GdkTexture) painted = NULL;
  guint n_empty, n_painted;

  if (g_getenv ("EYL_CLI") == NULL)
    {
      g_test_skip ("EYL_CLI not set");
      return;
    }

  reset_settings ();
  window = show_in_window (view, 640, 400);

  /* Nothing to show: nothing drawn. */
  empty = render_widget (view);
  n_empty = count_painted_pixels (empty);
  g_assert_cmpuint (n_empty, ==, 0);

  analysis = analyse_sample (NULL);
  eyl_scene_view_set_analysis (EYL_SCENE_VIEW (view), analysis);
  g_assert_true (eyl_scene_view_get_analysis (EYL_SCENE_VIEW (view)) == analysis);
  eyl_gui_wait_for_frame (view);

  /* Floor, banner, table, two people and their sight lines: a good part
   * of the widget is drawn on, far from all of it. */
  painted = render_widget (view);
  n_painted = count_painted_pixels (painted);
  g_test_message ("scene: %u of %d pixels painted", n_painted,
                  gdk_texture_get_width (painted) * gdk_texture_get_height (painted));
  g_assert_cmpuint (n_painted, >, 2000);
  save_png (view, "scene");
  save_png (GTK_WIDGET (window), "scene-window");

  gtk_window_destroy (window);
}

/* ---------------------------------------------------------------------- */
/* Preferences                                                            */

static void
test_preferences_window (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWidget       *prefs;
  AdwComboRow     *units, *placement, *legibility, *population;
  GtkWidget       *eye_row;
  g_autofree char *value = NULL;

  reset_settings ();
  prefs = eyl_preferences_window_new (NULL);
  gtk_window_present (GTK_WINDOW (prefs));
  eyl_gui_wait_for_frame (prefs);

  units = ADW_COMBO_ROW (template_child (prefs, EYL_TYPE_PREFERENCES_WINDOW, "units_row"));
  placement = ADW_COMBO_ROW (template_child (prefs, EYL_TYPE_PREFERENCES_WINDOW, "placement_row"));
  legibility = ADW_COMBO_ROW (template_child (prefs, EYL_TYPE_PREFERENCES_WINDOW, "legibility_row"));
  population = ADW_COMBO_ROW (template_child (prefs, EYL_TYPE_PREFERENCES_WINDOW, "population_row"));
  eye_row = template_child (prefs, EYL_TYPE_PREFERENCES_WINDOW, "eye_row");

  /* Defaults shown. */
  g_assert_cmpuint (adw_combo_row_get_selected (units), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (placement), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (legibility), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (population), ==, 0);
  g_assert_false (gtk_widget_get_visible (eye_row));
  save_png (prefs, "preferences");

  /* The core's words for the selected items. */
  {
    AdwComboRow *rows[] = { units, legibility, population };
    const char  *words[] = { eyl_units_get_label (EYL_UNITS_MM), eyl_legibility_get_label (EYL_LEGIBILITY_1_200),
                             eyl_population_get_label (EYL_POPULATION_BOTH) };

    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      {
        g_autofree char *label = combo_label (rows[i]);

        g_assert_cmpstr (label, ==, words[i]);
      }
  }

  /* Rows → settings. */
  adw_combo_row_set_selected (units, 1);
  value = g_settings_get_string (settings, "units");
  g_assert_cmpstr (value, ==, "in");
  g_clear_pointer (&value, g_free);

  adw_combo_row_set_selected (legibility, 3);
  value = g_settings_get_string (settings, "legibility");
  g_assert_cmpstr (value, ==, "1in-per-10ft");
  g_clear_pointer (&value, g_free);

  adw_combo_row_set_selected (placement, 1);
  value = g_settings_get_string (settings, "default-placement");
  g_assert_cmpstr (value, !=, "auto");
  g_assert_cmpstr (value, ==, "rollup-behind-table");
  g_clear_pointer (&value, g_free);

  /* Settings → rows. */
  g_settings_set_string (settings, "population", "custom");
  g_assert_cmpuint (adw_combo_row_get_selected (population), ==, 4);
  g_assert_true (gtk_widget_get_visible (eye_row));
  g_settings_set_double (settings, "eye-min-mm", 1150);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (GTK_SPIN_BUTTON (template_child (prefs, EYL_TYPE_PREFERENCES_WINDOW,
                                                                                              "eye_min_spin"))),
                                  1150, 1e-9);
  g_settings_set_string (settings, "default-placement", "poster-wall");
  g_assert_cmpuint (adw_combo_row_get_selected (placement), >, 0);
  save_png (prefs, "preferences-custom");

  gtk_window_destroy (GTK_WINDOW (prefs));
  reset_settings ();
}

/* ---------------------------------------------------------------------- */
/* Brand kit                                                              */

static char *
write_png (const char *dir,
           const char *name)
{
  char            *path = g_build_filename (dir, name, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 120, 60);
  cairo_t         *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.1, 0.4, 0.3);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_arc (cr, 30, 30, 20, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return path;
}

static void
on_saved (EylBrandKitDialog *dialog,
          guint             *count)
{
  (*count)++;
}

static void
test_brand_kit_dialog (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GError) error = NULL;
  g_autoptr(EylBrandKit) kit = NULL;
  g_autofree char *kit_path = NULL;
  g_autofree char *marked = NULL;
  g_autofree char *saved_path = NULL;
  g_autofree char *expected_logo = NULL;
  g_autofree char *args = NULL;
  GtkWidget       *dialog;
  GtkWidget       *panel;
  guint            saved = 0;

  reset_settings ();
  kit_path = g_build_filename (config_dir, "eyeline", "brand-kit.ini", NULL);
  g_unlink (kit_path);

  dialog = eyl_brand_kit_dialog_new (NULL);
  g_signal_connect (dialog, "saved", G_CALLBACK (on_saved), &saved);
  g_assert_cmpstr (eyl_brand_kit_dialog_get_path (EYL_BRAND_KIT_DIALOG (dialog)), ==, kit_path);
  gtk_window_present (GTK_WINDOW (dialog));
  eyl_gui_wait_for_frame (dialog);

  gtk_editable_set_text (GTK_EDITABLE (template_child (dialog, EYL_TYPE_BRAND_KIT_DIALOG, "names_row")),
                         "Northwind Tea, Northwind ; ");
  gtk_editable_set_text (GTK_EDITABLE (template_child (dialog, EYL_TYPE_BRAND_KIT_DIALOG, "website_row")),
                         "www.northwind-tea.example");
  gtk_editable_set_text (GTK_EDITABLE (template_child (dialog, EYL_TYPE_BRAND_KIT_DIALOG, "email_row")),
                         "hello@northwind-tea.example");
  gtk_editable_set_text (GTK_EDITABLE (template_child (dialog, EYL_TYPE_BRAND_KIT_DIALOG, "phone_row")),
                         "  +44 20 7946 0958 ");

  /* "Mark logo" hands over a cropped PNG: copied next to the kit. */
  marked = write_png (g_get_tmp_dir (), "eyl-panels-marked-logo.png");
  g_assert_true (eyl_brand_kit_dialog_add_logo_png (EYL_BRAND_KIT_DIALOG (dialog), marked));
  expected_logo = g_build_filename (config_dir, "eyeline", "logo-1.png", NULL);
  g_assert_true (g_file_test (expected_logo, G_FILE_TEST_IS_REGULAR));
  save_png (dialog, "brand-kit");

  g_assert_true (eyl_brand_kit_dialog_save (EYL_BRAND_KIT_DIALOG (dialog), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (saved, ==, 1);
  saved_path = g_settings_get_string (settings, "brand-kit-path");
  g_assert_cmpstr (saved_path, ==, kit_path);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The file is the command line's brand kit. */
  kit = eyl_brand_kit_load (kit_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (kit->names), ==, 2);
  g_assert_cmpstr (kit->names[0], ==, "Northwind Tea");
  g_assert_cmpstr (kit->names[1], ==, "Northwind");
  g_assert_cmpstr (kit->website, ==, "www.northwind-tea.example");
  g_assert_cmpstr (kit->email, ==, "hello@northwind-tea.example");
  g_assert_cmpstr (kit->phone, ==, "+44 20 7946 0958");
  g_assert_cmpuint (g_strv_length (kit->logos), ==, 1);
  g_assert_cmpstr (kit->logos[0], ==, expected_logo);

  /* A second logo does not overwrite the first. */
  dialog = eyl_brand_kit_dialog_new (NULL);
  g_assert_true (eyl_brand_kit_dialog_add_logo_png (EYL_BRAND_KIT_DIALOG (dialog), marked));
  g_clear_pointer (&expected_logo, g_free);
  expected_logo = g_build_filename (config_dir, "eyeline", "logo-2.png", NULL);
  g_assert_true (g_file_test (expected_logo, G_FILE_TEST_IS_REGULAR));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* And checks made from now on use it. */
  panel = eyl_placement_panel_new ();
  g_object_ref_sink (panel);
  args = panel_args (EYL_PLACEMENT_PANEL (panel));
  g_assert_nonnull (strstr (args, "--brand-kit"));
  g_assert_nonnull (strstr (args, kit_path));
  g_object_unref (panel);

  g_unlink (marked);
  reset_settings ();
}

static void
test_brand_kit_dialog_broken (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *path = g_build_filename (config_dir, "broken-kit.ini", NULL);
  GtkWidget       *dialog;
  GtkWidget       *error_group;
  GtkWidget       *error_row;

  reset_settings ();
  g_assert_true (g_file_set_contents (path, "[Brand]\nnames=Acme\nlogos=missing-logo.png\n", -1, NULL));
  g_settings_set_string (settings, "brand-kit-path", path);

  dialog = eyl_brand_kit_dialog_new (NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  eyl_gui_wait_for_frame (dialog);

  error_group = template_child (dialog, EYL_TYPE_BRAND_KIT_DIALOG, "error_group");
  error_row = template_child (dialog, EYL_TYPE_BRAND_KIT_DIALOG, "error_row");
  g_assert_true (gtk_widget_get_visible (error_group));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (error_row)), "broken-kit.ini"));
  save_png (dialog, "brand-kit-error");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A kit the worker would refuse is not passed on. */
  {
    GtkWidget       *panel = g_object_ref_sink (eyl_placement_panel_new ());
    g_autofree char *args = panel_args (EYL_PLACEMENT_PANEL (panel));

    g_assert_null (strstr (args, "--brand-kit"));
    g_object_unref (panel);
  }

  g_unlink (path);
  reset_settings ();
}

/* ---------------------------------------------------------------------- */
/* Shortcuts window                                                       */

static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder =
                 gtk_builder_new_from_resource (RESOURCE_BASE "/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_present (GTK_WINDOW (overlay));
  eyl_gui_wait_for_frame (GTK_WIDGET (overlay));
  save_png (GTK_WIDGET (overlay), "shortcuts");
  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int   argc,
      char *argv[])
{
  const char      *builddir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *schema_dir = NULL;
  int              ret;

  /* Settings in memory, from the schema compiled in the build tree; a
   * private config folder for the brand kit. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  if (builddir != NULL)
    {
      schema_dir = g_build_filename (builddir, "..", "data", NULL);
      g_setenv ("GSETTINGS_SCHEMA_DIR", schema_dir, TRUE);
    }
  config_dir = g_dir_make_tmp ("eyl-panels-XXXXXX", NULL);
  g_assert_nonnull (config_dir);
  g_setenv ("XDG_CONFIG_HOME", config_dir, TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GTK_A11Y", "none", FALSE);

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("No display: skipping the panel tests\n");
      return 77;
    }
  adw_init ();
  g_resources_register (eyl_get_resource ());
  /* Nothing the tests wait for is half-way through a transition. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  {
    GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
    g_autoptr(GSettingsSchema) schema =
                   source ? g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE) : NULL;

    if (schema == NULL)
      g_error ("GSettings schema %s not found in %s", APPLICATION_ID,
               schema_dir ? schema_dir : "(default)");
  }

  g_test_add_func ("/eyl/panels/placement/defaults", test_placement_panel_defaults);
  g_test_add_func ("/eyl/panels/placement/settings-defaults", test_placement_panel_settings_defaults);
  g_test_add_func ("/eyl/panels/placement/edit", test_placement_panel_edit);
  g_test_add_func ("/eyl/panels/placement/inches", test_placement_panel_inches);
  g_test_add_func ("/eyl/panels/placement/generic-rows", test_placement_panel_generic_rows);
  g_test_add_func ("/eyl/panels/placement/enum-rows", test_placement_panel_enum_rows);
  g_test_add_func ("/eyl/panels/placement/analysis", test_placement_panel_analysis);
  g_test_add_func ("/eyl/panels/placement/label-rules", test_placement_panel_label_rules);
  g_test_add_func ("/eyl/panels/scene-view", test_scene_view);
  g_test_add_func ("/eyl/panels/preferences", test_preferences_window);
  g_test_add_func ("/eyl/panels/brand-kit/save", test_brand_kit_dialog);
  g_test_add_func ("/eyl/panels/brand-kit/broken", test_brand_kit_dialog_broken);
  g_test_add_func ("/eyl/panels/help-overlay", test_help_overlay);

  ret = g_test_run ();

  /* Leave nothing behind. */
  {
    const char *rm[] = { "rm", "-rf", config_dir, NULL };

    g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                  NULL, NULL, NULL, NULL);
  }
  g_free (config_dir);

  return ret;
}
