/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-application"

#include <glib/gi18n.h>

#include "eyl-application.h"
#include "eyl-document-item.h"
#include "eyl-preferences-window.h"
#include "eyl-window.h"

/* The window's resources, compiled into the GUI library (see
 * app/gui/meson.build); referencing them keeps the linker from dropping
 * the object that registers them. */
GResource *eyl_get_resource (void);

struct _EylApplication
{
  AdwApplication parent_instance;

  GSettings *settings; /* NULL when the schema is not installed */
  gboolean   compare;  /* --compare: the two files opened are compared */
};

G_DEFINE_FINAL_TYPE (EylApplication, eyl_application, ADW_TYPE_APPLICATION)

static EylWindow *
get_window (EylApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (EYL_IS_WINDOW (window))
    return EYL_WINDOW (window);
  return eyl_window_new (GTK_APPLICATION (self));
}

static void
eyl_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (get_window (EYL_APPLICATION (app))));
}

static void
eyl_application_open (GApplication *app,
                      GFile       **files,
                      int           n_files,
                      const char   *hint)
{
  EylWindow *window = get_window (EYL_APPLICATION (app));

  if (EYL_APPLICATION (app)->compare && n_files == 2)
    eyl_window_compare_files (window, files[0], files[1]);
  else
    eyl_window_open_files (window, files, (guint) n_files);
  gtk_window_present (GTK_WINDOW (window));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication    *app = user_data;
  static const char *developers[] = { "The Eyeline authors", NULL };
  GtkIconTheme      *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  GtkWidget         *about;
  const char        *icon;
  const char        *comments;
  const char        *credits;
  const char        *name = _("Eyeline");
  const char        *authors = _("The Eyeline authors");

  /* Until the app icon is installed: the eye of the empty state. */
  icon = gtk_icon_theme_has_icon (theme, APPLICATION_ID) ? APPLICATION_ID : "view-reveal-symbolic";
  comments = _("Checks print marketing for customer focus: places the banner, "
               "poster or leaflet at true size in front of real visitors and "
               "shows what they see, what a table hides and what is too small "
               "to read.");
  /* Translators: put your names here, one a line */
  credits = _("translator-credits");
  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", name,
                        "application-icon", icon,
                        "developer-name", authors,
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "comments", comments,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", credits,
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkWidget      *preferences = eyl_preferences_window_new (gtk_application_get_active_window (app));

  gtk_window_present (GTK_WINDOW (preferences));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList          *windows = gtk_application_get_windows (app);

  /* Closing the windows cancels their checks (their workers are killed). */
  while (windows != NULL)
    {
      GList *next = windows->next;
      gtk_window_destroy (windows->data);
      windows = next;
    }
  g_application_quit (G_APPLICATION (app));
}

/* "default", "light" or "dark", as the style key and the menu say it. */
static void
apply_style (const char *style)
{
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_strcmp0 (style, "light") == 0)
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_strcmp0 (style, "dark") == 0)
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

/* Without the schema: the choice lasts until the application quits. */
static void
style_changed (GSimpleAction *action,
               GVariant      *value,
               gpointer       user_data)
{
  apply_style (g_variant_get_string (value, NULL));
  g_simple_action_set_state (action, value);
}

static void
style_setting_changed_cb (GSettings  *settings,
                          const char *key,
                          gpointer    user_data)
{
  g_autofree char *style = g_settings_get_string (settings, key);

  apply_style (style);
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "preferences", preferences_action },
  { "quit", quit_action },
};

static const GActionEntry style_action[] = {
  { "style", NULL, "s", "'default'", style_changed },
};

static GSettings *
lookup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "style"))
    {
      g_debug ("Schema %s is not installed: the style is not saved", APPLICATION_ID);
      return NULL;
    }
  return g_settings_new (APPLICATION_ID);
}

static void
eyl_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  EylApplication *self = EYL_APPLICATION (app);

  G_APPLICATION_CLASS (eyl_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APPLICATION_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  self->settings = lookup_settings ();
  if (self->settings != NULL)
    {
      g_autoptr(GAction) style = g_settings_create_action (self->settings, "style");

      g_action_map_add_action (G_ACTION_MAP (app), style);
      g_signal_connect_object (self->settings, "changed::style",
                               G_CALLBACK (style_setting_changed_cb), self, 0);
      style_setting_changed_cb (self->settings, "style", self);
    }
  else
    g_action_map_add_action_entries (G_ACTION_MAP (app), style_action,
                                     G_N_ELEMENTS (style_action), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         preferences_accels);
}

/* The copies of the files checked go with the application, also those
 * of checks it did not wait for. */
static void
eyl_application_shutdown (GApplication *app)
{
  eyl_document_item_discard_all_snapshots ();

  G_APPLICATION_CLASS (eyl_application_parent_class)->shutdown (app);
}

/* Read by the instance that opens the window (a running one opens the
 * files without comparing). */
static int
eyl_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  if (g_variant_dict_contains (options, "compare"))
    EYL_APPLICATION (app)->compare = TRUE;
  return -1;
}

static void
eyl_application_dispose (GObject *object)
{
  EylApplication *self = EYL_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (eyl_application_parent_class)->dispose (object);
}

static void
eyl_application_class_init (EylApplicationClass *klass)
{
  GObjectClass      *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = eyl_application_dispose;

  app_class->activate = eyl_application_activate;
  app_class->open = eyl_application_open;
  app_class->startup = eyl_application_startup;
  app_class->shutdown = eyl_application_shutdown;
  app_class->handle_local_options = eyl_application_handle_local_options;
}

static void
eyl_application_init (EylApplication *self)
{
  /* Make sure the resources are linked in and registered. */
  g_assert_nonnull (eyl_get_resource ());
  g_application_add_main_option (G_APPLICATION (self), "compare", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_NONE,
                                 _("Compare two versions: OLD.pdf NEW.pdf"), NULL);
}

EylApplication *
eyl_application_new (void)
{
  return g_object_new (EYL_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
