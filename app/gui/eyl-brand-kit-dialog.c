/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-brand-kit-dialog.c: the brand kit editor.
 *
 * The kit is one GKeyFile (eyl-brand-kit.h) at a path remembered in
 * GSettings, so the window and `eyeline-cli --brand-kit` read the same
 * file.  Logos the user marks on a page are copied next to it, so the
 * folder can be shared as a whole. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-brand-kit-dialog"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "eyl-brand-kit.h"
#include "eyl-brand-kit-dialog.h"
#include "eyl-brand-color-row.h"
#include "eyl-brand-font-row.h"

struct _EylBrandKitDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwPreferencesPage  *page;
  AdwPreferencesGroup *error_group;
  AdwActionRow        *error_row;
  AdwEntryRow         *names_row;
  AdwEntryRow         *website_row;
  AdwEntryRow         *email_row;
  AdwEntryRow         *phone_row;
  GtkListBox          *logos_list;
  GtkListBox          *colors_list;
  GtkListBox          *fonts_list;
  AdwActionRow        *file_row;
  AdwComboRow         *kit_row;
  AdwEntryRow         *kit_name_row;

  GSettings            *settings; /* NULL when the schema is not installed */
  char                 *path;
  GPtrArray            *logos; /* char *, absolute paths, list order */
  GtkFileChooserNative *chooser;
  GtkStringList        *kit_names; /* the kits, as listed in kit_row */
  char                 *kit_name;  /* the kit edited, or NULL for a file elsewhere */
  gboolean              filling;   /* kit_row rebuilt: not a choice */
};

G_DEFINE_FINAL_TYPE (EylBrandKitDialog, eyl_brand_kit_dialog, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  RENAMED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GSettings *
eyl_brand_kit_dialog_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

static void
show_error (EylBrandKitDialog *self,
            const char        *headline,
            const GError      *error)
{
  if (headline == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->error_group), FALSE);
      return;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->error_row), headline);
  adw_action_row_set_subtitle (self->error_row, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_group), TRUE);
}

/* ---------------------------------------------------------------------- */
/* Logo rows                                                              */

static void rebuild_logo_rows (EylBrandKitDialog *self);

/* brand-kit.remove-logo: the logo file's path as its target. */
static void
remove_logo_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EylBrandKitDialog *self = EYL_BRAND_KIT_DIALOG (widget);
  const char        *path = g_variant_get_string (parameter, NULL);
  guint              index;

  if (g_ptr_array_find_with_equal_func (self->logos, path, g_str_equal, &index))
    g_ptr_array_remove_index (self->logos, index);
  rebuild_logo_rows (self);
}

static GtkWidget *
create_logo_row (EylBrandKitDialog *self,
                 const char        *path)
{
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *thumb;
  GtkWidget       *remove;
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *dirname = g_path_get_dirname (path);
  g_autofree char *accessible = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), basename);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), dirname);

  /* A thumbnail where GTK can read the file; PDFs get an icon, since the
   * window never opens a PDF itself (the worker does). */
  if (g_str_has_suffix (path, ".pdf") || g_str_has_suffix (path, ".PDF") || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      thumb = gtk_image_new_from_icon_name ("x-office-document-symbolic");
      gtk_image_set_pixel_size (GTK_IMAGE (thumb), 32);
    }
  else
    {
      thumb = gtk_picture_new_for_filename (path);
      gtk_picture_set_can_shrink (GTK_PICTURE (thumb), TRUE);
      gtk_picture_set_content_fit (GTK_PICTURE (thumb), GTK_CONTENT_FIT_CONTAIN);
      gtk_widget_set_size_request (thumb, 48, 32);
    }
  gtk_widget_set_valign (thumb, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (thumb),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, basename, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), thumb);

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove From Brand Kit"));
  /* Translators: accessible name of the button that removes a logo file */
  accessible = g_strdup_printf (_("Remove %s"), basename);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "brand-kit.remove-logo");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove), g_variant_new_string (path));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static void
rebuild_logo_rows (EylBrandKitDialog *self)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->logos_list, 0)) != NULL)
    gtk_list_box_remove (self->logos_list, GTK_WIDGET (row));

  for (guint i = 0; i < self->logos->len; i++)
    gtk_list_box_append (self->logos_list,
                         create_logo_row (self, g_ptr_array_index (self->logos, i)));
}

static void
add_logo_path (EylBrandKitDialog *self,
               const char        *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);

  if (g_ptr_array_find_with_equal_func (self->logos, absolute, g_str_equal, NULL))
    return;

  g_ptr_array_add (self->logos, g_steal_pointer (&absolute));
  rebuild_logo_rows (self);
}

/* ---------------------------------------------------------------------- */
/* Colour and font rows                                                   */

static void
remove_all_rows (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static void
on_remove_row_clicked (GtkButton *button,
                       GtkWidget *row)
{
  GtkWidget *list = gtk_widget_get_parent (row);

  if (GTK_IS_LIST_BOX (list))
    gtk_list_box_remove (GTK_LIST_BOX (list), row);
}

static void
add_remove_button (GtkWidget  *row,
                   const char *tooltip)
{
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_row_clicked), row, 0);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
}

/* A colour (EylBrandColorRow), with a button that removes it. */
static GtkWidget *
add_color_row (EylBrandKitDialog   *self,
               const EylBrandColor *color)
{
  GtkWidget *row = eyl_brand_color_row_new (color);

  add_remove_button (row, _("Remove Colour"));
  gtk_list_box_append (self->colors_list, row);
  return row;
}

/* A font (EylBrandFontRow), with a button that removes it. */
static GtkWidget *
add_font_row (EylBrandKitDialog  *self,
              const EylBrandFont *font)
{
  GtkWidget *row = eyl_brand_font_row_new (font);

  add_remove_button (row, _("Remove Font"));
  gtk_list_box_append (self->fonts_list, row);
  return row;
}

/* The colours and fonts the rows show, into @kit; FALSE, naming the
 * entry, when one could not be read back from the kit file. */
static gboolean
read_style_rows (EylBrandKitDialog *self,
                 EylBrandKit       *kit,
                 GError           **error)
{
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->colors_list, i)) != NULL; i++)
    {
      EylBrandColorRow *color = EYL_BRAND_COLOR_ROW (row);

      eyl_brand_kit_add_color (kit, gtk_editable_get_text (GTK_EDITABLE (row)),
                               eyl_brand_color_row_get_rgb (color), eyl_brand_color_row_get_print (color));
    }
  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->fonts_list, i)) != NULL; i++)
    {
      g_autofree char *family = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

      if (*family != '\0')
        eyl_brand_kit_add_font (kit, family, eyl_brand_font_row_get_role (EYL_BRAND_FONT_ROW (row)));
    }

  /* Each entry as the file will keep it, read back the same. */
  for (guint i = 0; i < kit->colors->len; i++)
    {
      g_autofree char *text = eyl_brand_color_to_string (&g_array_index (kit->colors, EylBrandColor, i));
      g_autofree char *again = NULL;
      EylBrandColor    parsed = { 0 };

      if (eyl_brand_color_parse (text, &parsed, NULL))
        again = eyl_brand_color_to_string (&parsed);
      eyl_brand_color_clear (&parsed);
      if (g_strcmp0 (text, again) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The colour “%s” cannot be kept: give a name without “#” and brackets."), text);
          return FALSE;
        }
    }
  for (guint i = 0; i < kit->fonts->len; i++)
    {
      const EylBrandFont *font = &g_array_index (kit->fonts, EylBrandFont, i);

      if (strpbrk (font->family, "()") != NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The font “%s” cannot be kept: give its family’s name without brackets."),
                          font->family);
          return FALSE;
        }
    }
  return TRUE;
}

static void
add_color_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EylBrandKitDialog *self = EYL_BRAND_KIT_DIALOG (widget);
  EylBrandColor      color = { NULL, 0x000000, NULL };

  gtk_widget_grab_focus (add_color_row (self, &color));
}

static void
add_font_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  EylBrandKitDialog *self = EYL_BRAND_KIT_DIALOG (widget);
  EylBrandFont       font = { NULL, EYL_BRAND_FONT_ANY };

  gtk_widget_grab_focus (add_font_row (self, &font));
}

/* ---------------------------------------------------------------------- */
/* Loading and saving                                                     */

static char *
default_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "eyeline", "brand-kit.ini", NULL);
}

static char *
join_names (GStrv names)
{
  return g_strjoinv (", ", names);
}

static GStrv
split_names (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, ",;", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

static char *
dup_field (AdwEntryRow *row)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  g_strstrip (text);
  if (*text == '\0')
    return NULL;

  return g_steal_pointer (&text);
}

static void
load (EylBrandKitDialog *self)
{
  g_autoptr(EylBrandKit) kit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;

  adw_action_row_set_subtitle (self->file_row, self->path);
  gtk_editable_set_text (GTK_EDITABLE (self->kit_name_row), self->kit_name != NULL ? self->kit_name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->names_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->website_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), "");
  g_ptr_array_set_size (self->logos, 0);
  rebuild_logo_rows (self);
  remove_all_rows (self->colors_list);
  remove_all_rows (self->fonts_list);
  show_error (self, NULL, NULL);

  if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    return;

  kit = eyl_brand_kit_load (self->path, &error);
  if (kit == NULL)
    {
      show_error (self, _("The brand kit could not be read"), error);
      return;
    }

  names = join_names (kit->names);
  gtk_editable_set_text (GTK_EDITABLE (self->names_row), names);
  gtk_editable_set_text (GTK_EDITABLE (self->website_row), kit->website ? kit->website : "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), kit->email ? kit->email : "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), kit->phone ? kit->phone : "");
  for (guint i = 0; kit->logos[i] != NULL; i++)
    g_ptr_array_add (self->logos, g_strdup (kit->logos[i]));
  rebuild_logo_rows (self);
  for (guint i = 0; i < kit->colors->len; i++)
    add_color_row (self, &g_array_index (kit->colors, EylBrandColor, i));
  for (guint i = 0; i < kit->fonts->len; i++)
    add_font_row (self, &g_array_index (kit->fonts, EylBrandFont, i));
}

static gboolean
ensure_parent_dir (const char *path,
                   GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static void fill_kits (EylBrandKitDialog *self);

static gboolean
in_kits_dir (const char *path)
{
  g_autofree char *dir = eyl_brand_kit_dup_dir ();
  g_autofree char *parent = g_path_get_dirname (path);

  return g_str_equal (dir, parent);
}

static gboolean rename_kit (EylBrandKitDialog *self,
                            GError           **error);

gboolean
eyl_brand_kit_dialog_save (EylBrandKitDialog *self,
                           GError           **error)
{
  g_autoptr(EylBrandKit) kit = eyl_brand_kit_new ();
  g_autofree char *names = NULL;

  g_return_val_if_fail (EYL_IS_BRAND_KIT_DIALOG (self), FALSE);

  names = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->names_row)));
  g_strfreev (kit->names);
  kit->names = split_names (names);
  kit->website = dup_field (self->website_row);
  kit->email = dup_field (self->email_row);
  kit->phone = dup_field (self->phone_row);
  g_strfreev (kit->logos);
  kit->logos = g_new0 (char *, self->logos->len + 1);
  for (guint i = 0; i < self->logos->len; i++)
    kit->logos[i] = g_strdup (g_ptr_array_index (self->logos, i));
  if (!read_style_rows (self, kit, error))
    return FALSE;

  if (!rename_kit (self, error))
    return FALSE;
  if (!ensure_parent_dir (self->path, error) || !eyl_brand_kit_save (kit, self->path, error))
    return FALSE;

  /* A named kit is chosen per document; only a kit file elsewhere is
   * the window's (and the command line's) through the settings. */
  if (self->settings != NULL && !in_kits_dir (self->path))
    g_settings_set_string (self->settings, "brand-kit-path", self->path);
  fill_kits (self);

  show_error (self, NULL, NULL);
  g_signal_emit (self, signals[SAVED], 0);

  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Named kits                                                             */

/* kit_row lists the kits, the one edited selected. */
static void
fill_kits (EylBrandKitDialog *self)
{
  g_autoptr(GPtrArray) names = eyl_brand_kit_list_names ();
  guint selected = GTK_INVALID_LIST_POSITION;

  if (self->kit_name != NULL &&
      !g_ptr_array_find_with_equal_func (names, self->kit_name, g_str_equal, NULL))
    g_ptr_array_add (names, g_strdup (self->kit_name));
  g_ptr_array_add (names, NULL);
  self->filling = TRUE;
  gtk_string_list_splice (self->kit_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->kit_names)),
                          (const char *const *) names->pdata);
  for (guint i = 0; self->kit_name != NULL && names->pdata[i] != NULL; i++)
    if (g_str_equal (names->pdata[i], self->kit_name))
      selected = i;
  adw_combo_row_set_selected (self->kit_row, selected);
  self->filling = FALSE;
}

/* Edits the kit @name (NULL: the file at self->path). */
static void
edit_kit (EylBrandKitDialog *self,
          const char        *name)
{
  g_autofree char *path = name != NULL ? eyl_brand_kit_dup_named_path (name) : NULL;

  if (path != NULL)
    {
      g_free (self->path);
      self->path = g_steal_pointer (&path);
    }
  g_free (self->kit_name);
  self->kit_name = name != NULL ? g_strdup (name) : NULL;
  load (self);
  fill_kits (self);
}

static void
kit_selected_cb (EylBrandKitDialog *self)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (self->kit_row);

  if (self->filling || item == NULL)
    return;
  if (g_strcmp0 (gtk_string_object_get_string (item), self->kit_name) != 0)
    edit_kit (self, gtk_string_object_get_string (item));
}

/* The name typed differs from the kit's: the kit file moves to the new
 * name (a name taken by another kit is refused). */
static gboolean
rename_kit (EylBrandKitDialog *self,
            GError           **error)
{
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->kit_name_row)));
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;

  g_strstrip (name);
  if (self->kit_name == NULL || g_str_equal (name, self->kit_name))
    return TRUE;
  if (!eyl_brand_kit_name_is_valid (name))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("“%s” cannot be a kit’s name: give a name without “/” that does not start with a dot."),
                      name);
      return FALSE;
    }
  path = eyl_brand_kit_dup_named_path (name);
  if (g_file_test (path, G_FILE_TEST_EXISTS) && g_strcmp0 (path, self->path) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("There is already a kit named “%s”."), name);
      return FALSE;
    }
  if (g_file_test (self->path, G_FILE_TEST_EXISTS) && g_strcmp0 (path, self->path) != 0)
    g_unlink (self->path);
  g_free (self->path);
  self->path = g_steal_pointer (&path);
  if (!eyl_brand_kit_rename_remembered (self->kit_name, name, &local_error))
    g_debug ("The documents' kits are not renamed: %s", local_error->message);
  g_signal_emit (self, signals[RENAMED], 0, self->kit_name, name);
  g_free (self->kit_name);
  self->kit_name = g_steal_pointer (&name);
  return TRUE;
}

static void
new_kit_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EylBrandKitDialog *self = EYL_BRAND_KIT_DIALOG (widget);
  g_autoptr(EylBrandKit) kit = eyl_brand_kit_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  for (guint n = 1; path == NULL || g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_free (name);
      g_free (path);
      /* Translators: the name of a new brand kit; %u counts them */
      name = n == 1 ? g_strdup (_("New kit")) : g_strdup_printf (_("New kit %u"), n);
      path = eyl_brand_kit_dup_named_path (name);
    }
  if (!ensure_parent_dir (path, &error) || !eyl_brand_kit_save (kit, path, &error))
    {
      show_error (self, _("The brand kit could not be saved"), error);
      return;
    }
  edit_kit (self, name);
  gtk_widget_grab_focus (GTK_WIDGET (self->kit_name_row));
}

static void
delete_kit_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EylBrandKitDialog *self = EYL_BRAND_KIT_DIALOG (widget);
  g_autoptr(GPtrArray) names = NULL;

  if (self->kit_name == NULL)
    return;
  if (g_unlink (self->path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;
      g_autoptr(GError) error = g_error_new (G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                                              "%s: %s", self->path, g_strerror (saved_errno));

      show_error (self, _("The brand kit could not be deleted"), error);
      return;
    }
  /* The documents that used it are checked with the window's kit again. */
  {
    g_autoptr(GError) local_error = NULL;

    if (!eyl_brand_kit_rename_remembered (self->kit_name, NULL, &local_error))
      g_debug ("The documents' kits are not forgotten: %s", local_error->message);
  }
  g_signal_emit (self, signals[RENAMED], 0, self->kit_name, NULL);
  g_clear_pointer (&self->kit_name, g_free);
  names = eyl_brand_kit_list_names ();
  if (names->len > 0)
    edit_kit (self, g_ptr_array_index (names, 0));
  else
    edit_kit (self, NULL);
  g_signal_emit (self, signals[SAVED], 0);
}

/* ---------------------------------------------------------------------- */
/* Actions                                                                */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EylBrandKitDialog *self = EYL_BRAND_KIT_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!eyl_brand_kit_dialog_save (self, &error))
    {
      show_error (self, _("The brand kit could not be saved"), error);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
on_chooser_response (GtkNativeDialog   *chooser,
                     int                response,
                     EylBrandKitDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_autofree char *path = g_file_get_path (file);

          if (path != NULL)
            add_logo_path (self, path);
        }
    }

  g_clear_object (&self->chooser);
}

static void
add_logo_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  EylBrandKitDialog *self = EYL_BRAND_KIT_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  gtk_file_filter_set_name (filter, _("Logos (PNG, SVG, PDF)"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_filter_add_suffix (filter, "svg");
  gtk_file_filter_add_suffix (filter, "pdf");

  self->chooser = gtk_file_chooser_native_new (_("Add Logo Files"),
                                                  GTK_WINDOW (self),
                                                  GTK_FILE_CHOOSER_ACTION_OPEN,
                                                  _("_Add"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_field_changed (EylBrandKitDialog *self)
{
  /* Nothing to validate while typing: the kit accepts any text, and the
   * loader says what is wrong with a file written by hand. */
}

/* ---------------------------------------------------------------------- */
/* GObject                                                                */

static void
eyl_brand_kit_dialog_dispose (GObject *object)
{
  EylBrandKitDialog *self = EYL_BRAND_KIT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), EYL_TYPE_BRAND_KIT_DIALOG);
  g_clear_object (&self->kit_names);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (eyl_brand_kit_dialog_parent_class)->dispose (object);
}

static void
eyl_brand_kit_dialog_finalize (GObject *object)
{
  EylBrandKitDialog *self = EYL_BRAND_KIT_DIALOG (object);

  g_free (self->path);
  g_free (self->kit_name);
  g_clear_pointer (&self->logos, g_ptr_array_unref);

  G_OBJECT_CLASS (eyl_brand_kit_dialog_parent_class)->finalize (object);
}

static void
eyl_brand_kit_dialog_class_init (EylBrandKitDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = eyl_brand_kit_dialog_dispose;
  object_class->finalize = eyl_brand_kit_dialog_finalize;

  /**
   * EylBrandKitDialog::saved:
   *
   * The kit was written; checks made from now on should use it.
   */
  signals[SAVED] = g_signal_new ("saved",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 0);
  /**
   * EylBrandKitDialog::renamed:
   * @old_name: the kit's name before
   * @new_name: (nullable): its name now, NULL when it was deleted
   *
   * A named kit was renamed (its file moved) or deleted; "saved" follows.
   */
  signals[RENAMED] = g_signal_new ("renamed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/eyl-brand-kit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EylBrandKitDialog, page);
  gtk_widget_class_bind_template_child (widget_class, EylBrandKitDialog, error_group);
  gtk_widget_class_bind_template_child (widget_class, EylBrandKitDialog, error_row);
  gtk_widget_class_bind_template_child (widget_class, EylBrandKitDialog, names_row);
  gtk_widget_class_bind_template_child (widget_class, EylBrandKitDialog, website_row);
  gtk_widget_class_bind_template_child (widget_class, EylBrandKitDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, EylBrandKitDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, EylBrandKitDialog, logos_list);
  gtk_widget_class_bind_template_child (widget_class, EylBrandKitDialog, colors_list);
  gtk_widget_class_bind_template_child (widget_class, EylBrandKitDialog, fonts_list);
  gtk_widget_class_bind_template_child (widget_class, EylBrandKitDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, EylBrandKitDialog, kit_row);
  gtk_widget_class_bind_template_child (widget_class, EylBrandKitDialog, kit_name_row);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);

  gtk_widget_class_install_action (widget_class, "brand-kit.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "brand-kit.add-logo", NULL, add_logo_action);
  gtk_widget_class_install_action (widget_class, "brand-kit.remove-logo", "s", remove_logo_action);
  gtk_widget_class_install_action (widget_class, "brand-kit.new", NULL, new_kit_action);
  gtk_widget_class_install_action (widget_class, "brand-kit.delete", NULL, delete_kit_action);
  gtk_widget_class_install_action (widget_class, "brand-kit.add-color", NULL, add_color_action);
  gtk_widget_class_install_action (widget_class, "brand-kit.add-font", NULL, add_font_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "brand-kit.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "window.close", NULL);
}

static void
eyl_brand_kit_dialog_init (EylBrandKitDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->logos = g_ptr_array_new_with_free_func (g_free);
  self->settings = eyl_brand_kit_dialog_settings_new ();
  if (self->settings != NULL)
    self->path = g_settings_get_string (self->settings, "brand-kit-path");
  if (self->path == NULL || *self->path == '\0')
    {
      g_free (self->path);
      self->path = default_path ();
    }

  self->kit_names = gtk_string_list_new (NULL);
  adw_combo_row_set_model (self->kit_row, G_LIST_MODEL (self->kit_names));
  g_signal_connect_object (self->kit_row, "notify::selected", G_CALLBACK (kit_selected_cb),
                           self, G_CONNECT_SWAPPED);
  /* The window's kit file; a name when it is a named kit (or the legacy one). */
  {
    g_autofree char *name = eyl_brand_kit_dup_name_for_path (self->path);
    g_autofree char *named = eyl_brand_kit_dup_named_path (name);

    edit_kit (self, g_strcmp0 (named, self->path) == 0 ? name : NULL);
  }
}

void
eyl_brand_kit_dialog_select_kit (EylBrandKitDialog *self,
                                 const char        *name)
{
  g_return_if_fail (EYL_IS_BRAND_KIT_DIALOG (self));

  if (eyl_brand_kit_name_is_valid (name))
    edit_kit (self, name);
}

GtkWidget *
eyl_brand_kit_dialog_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (EYL_TYPE_BRAND_KIT_DIALOG,
                       "transient-for", parent,
                       NULL);
}

const char *
eyl_brand_kit_dialog_get_path (EylBrandKitDialog *self)
{
  g_return_val_if_fail (EYL_IS_BRAND_KIT_DIALOG (self), NULL);

  return self->path;
}

gboolean
eyl_brand_kit_dialog_add_logo_png (EylBrandKitDialog *self,
                                   const char        *png_path)
{
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *target_path = NULL;

  g_return_val_if_fail (EYL_IS_BRAND_KIT_DIALOG (self), FALSE);
  g_return_val_if_fail (png_path != NULL, FALSE);

  if (!ensure_parent_dir (self->path, &error))
    {
      show_error (self, _("The logo could not be added"), error);
      return FALSE;
    }

  /* logo-1.png, logo-2.png, …: never overwrite a logo already there. */
  dir = g_path_get_dirname (self->path);
  for (guint n = 1; target_path == NULL || g_file_test (target_path, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree char *name = g_strdup_printf ("logo-%u.png", n);

      g_free (target_path);
      target_path = g_build_filename (dir, name, NULL);
    }

  source = g_file_new_for_path (png_path);
  target = g_file_new_for_path (target_path);
  if (!g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
    {
      show_error (self, _("The logo could not be added"), error);
      return FALSE;
    }

  add_logo_path (self, target_path);
  return TRUE;
}
