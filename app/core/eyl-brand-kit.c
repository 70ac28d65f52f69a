/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-brand-kit"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <lcms2.h>

#include "eyl-brand-kit.h"
#include "eyl-config-file.h"
#include "eyl-detect.h"
#include "eyl-error.h"

#define BRAND_GROUP "Brand"

G_DEFINE_BOXED_TYPE (EylBrandKit, eyl_brand_kit, eyl_brand_kit_ref, eyl_brand_kit_unref)

EylBrandKit *
eyl_brand_kit_new (void)
{
  EylBrandKit *self = g_new0 (EylBrandKit, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->names = g_new0 (char *, 1);
  self->logos = g_new0 (char *, 1);
  self->colors = g_array_new (FALSE, TRUE, sizeof (EylBrandColor));
  g_array_set_clear_func (self->colors, (GDestroyNotify) eyl_brand_color_clear);
  self->fonts = g_array_new (FALSE, TRUE, sizeof (EylBrandFont));
  g_array_set_clear_func (self->fonts, (GDestroyNotify) eyl_brand_font_clear);

  return self;
}

EylBrandKit *
eyl_brand_kit_ref (EylBrandKit *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
eyl_brand_kit_unref (EylBrandKit *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_strfreev (self->names);
      g_free (self->website);
      g_free (self->email);
      g_free (self->phone);
      g_strfreev (self->logos);
      g_free (self->source_file);
      g_array_unref (self->colors);
      g_array_unref (self->fonts);
      g_free (self);
    }
}

/* Every error names the file, the group and key, and the problem:
 * "brand.ini: [Brand] logos: cannot read “logo.svg”: No such file or
 * directory".  Values come from the file and may be any bytes: the
 * message is made valid UTF-8, so it can be printed and shown. */
static void
set_config_error (GError    **error,
                  const char *path,
                  const char *key,
                  const char *format,
                  ...) G_GNUC_PRINTF (4, 5);

static void
set_config_error (GError    **error,
                  const char *path,
                  const char *key,
                  const char *format,
                  ...)
{
  g_autofree char *problem = NULL;
  g_autofree char *message = NULL;
  va_list          args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  if (key != NULL)
    /* TRANSLATORS: a file name, a [group] and key in it, and the problem */
    message = g_strdup_printf (_("%s: [%s] %s: %s"), path, BRAND_GROUP, key, problem);
  else
    message = g_strdup_printf ("%s: %s", path, problem);
  g_set_error_literal (error, EYL_ERROR, EYL_ERROR_CONFIG, message);
  if (error != NULL && *error != NULL && !g_utf8_validate ((*error)->message, -1, NULL))
    {
      char *valid = g_utf8_make_valid ((*error)->message, -1);

      g_free ((*error)->message);
      (*error)->message = valid;
    }
}

/* The keys of a kit; anything else is a typo that would silently make
 * every check of the page wrong. */
static const char *const known_keys[] = {
  "names",
  "website",
  "email",
  "phone",
  "logos",
  "colors",
  "fonts",
  NULL,
};

static gboolean
check_keys (GKeyFile   *keyfile,
            const char *path,
            GError    **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (keyfile, NULL);
  g_auto(GStrv) keys = NULL;

  for (guint i = 0; groups[i] != NULL; i++)
    {
      if (!g_str_equal (groups[i], BRAND_GROUP))
        {
          g_autofree char *group = g_utf8_make_valid (groups[i], -1);

          set_config_error (error, path, NULL,
                            _("unknown group [%s]; a brand kit has only [%s]"),
                               group, BRAND_GROUP);
          return FALSE;
        }
    }

  keys = g_key_file_get_keys (keyfile, BRAND_GROUP, NULL, NULL);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      if (!g_strv_contains (known_keys, keys[i]))
        {
          g_autofree char *known = g_strjoinv (", ", (GStrv) known_keys);

          set_config_error (error, path, keys[i], _("unknown key (the keys are %s)"), known);
          return FALSE;
        }
    }
  return TRUE;
}

/* Reads an optional string key; a missing key is not an error, a value
 * that GKeyFile cannot read (bad UTF-8, bad escape) is. */
static gboolean
read_optional_string (GKeyFile   *keyfile,
                      const char *path,
                      const char *key,
                      char      **out,
                      GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *value = NULL;

  value = g_key_file_get_string (keyfile, BRAND_GROUP, key, &local_error);
  if (value == NULL)
    {
      if (g_error_matches (local_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND))
        return TRUE;
      set_config_error (error, path, key, _("cannot be read: %s"), local_error->message);
      return FALSE;
    }

  g_strstrip (value);
  if (*value == '\0')
    return TRUE;

  *out = g_steal_pointer (&value);
  return TRUE;
}

static gboolean
read_optional_list (GKeyFile   *keyfile,
                    const char *path,
                    const char *key,
                    GStrv      *out,
                    GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) values = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);

  values = g_key_file_get_string_list (keyfile, BRAND_GROUP, key, NULL, &local_error);
  if (values == NULL)
    {
      if (g_error_matches (local_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND))
        return TRUE;
      set_config_error (error, path, key, _("cannot be read as a list: %s"), local_error->message);
      return FALSE;
    }

  for (guint i = 0; values[i] != NULL; i++)
    {
      char *v = g_strstrip (values[i]);
      if (*v != '\0')
        g_ptr_array_add (kept, g_strdup (v));
    }
  g_ptr_array_add (kept, NULL);

  g_strfreev (*out);
  *out = (GStrv) g_ptr_array_free (g_steal_pointer (&kept), FALSE);
  return TRUE;
}

static void
set_wrong_type (GError    **error,
                const char *path,
                const char *key,
                const char *value,
                const char *expected)
{
  set_config_error (error, path, key, _("“%s” is not %s"), value, expected);
}

/* Opens the logo for reading: the one test that answers for permissions,
 * ACLs and dangling links alike, with the system's own words. */
static gboolean
check_logo (const char *path,
            const char *key,
            const char *written,
            const char *logo,
            GError    **error)
{
  g_autoptr(GError) local_error = NULL;

  /* Without blocking: a FIFO nobody writes to is refused at once. */
  if (!eyl_config_file_check (logo, &local_error))
    {
      set_config_error (error, path, key, _("cannot read “%s”: %s"), written, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* colors= and fonts=: each entry as eyl_brand_color_parse() and
 * eyl_brand_font_parse() read it. */
static gboolean
read_style (GKeyFile    *keyfile,
            const char  *path,
            EylBrandKit *kit,
            GError     **error)
{
  g_auto(GStrv) colors = g_new0 (char *, 1);
  g_auto(GStrv) fonts = g_new0 (char *, 1);

  if (!read_optional_list (keyfile, path, "colors", &colors, error) ||
      !read_optional_list (keyfile, path, "fonts", &fonts, error))
    return FALSE;
  for (guint i = 0; colors[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;
      EylBrandColor color = { 0 };

      if (!eyl_brand_color_parse (colors[i], &color, &local_error))
        {
          set_config_error (error, path, "colors", "%s", local_error->message);
          return FALSE;
        }
      g_array_append_val (kit->colors, color);
    }
  for (guint i = 0; fonts[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;
      EylBrandFont font = { 0 };

      if (!eyl_brand_font_parse (fonts[i], &font, &local_error))
        {
          set_config_error (error, path, "fonts", "%s", local_error->message);
          return FALSE;
        }
      g_array_append_val (kit->fonts, font);
    }
  return TRUE;
}

EylBrandKit *
eyl_brand_kit_load (const char *path,
                    GError    **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(EylBrandKit) kit = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *abs_path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *contents = NULL;
  gsize            length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  /* A pipe (--brand-kit <(…)) is read too, up to the size bound. */
  if (!eyl_config_file_read (path, EYL_CONFIG_FILE_MAX_BYTES, EYL_READ_PIPES,
                             &contents, &length, &local_error) ||
      !g_key_file_load_from_data (keyfile, contents, length, G_KEY_FILE_NONE, &local_error))
    {
      set_config_error (error, path, NULL, _("cannot read the brand kit: %s"), local_error->message);
      return NULL;
    }

  {
    g_autofree char *group = NULL;
    g_autofree char *key = NULL;
    guint            first, second;

    if (eyl_config_file_find_duplicate_key (contents, length, &group, &key, &first, &second))
      {
        set_config_error (error, path, key, _("the key is given twice (lines %u and %u)"), first, second);
        return NULL;
      }
  }

  if (!g_key_file_has_group (keyfile, BRAND_GROUP))
    {
      set_config_error (error, path, NULL, _("no [%s] group; a brand kit needs one"), BRAND_GROUP);
      return NULL;
    }
  if (!check_keys (keyfile, path, error))
    return NULL;

  kit = eyl_brand_kit_new ();
  abs_path = g_canonicalize_filename (path, NULL);
  /* Logos are relative to the kit file; a kit from a pipe has no folder:
   * they are relative to the current one. */
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    dir = g_path_get_dirname (abs_path);
  else
    dir = g_get_current_dir ();
  kit->source_file = g_strdup (abs_path);

  if (!read_optional_list (keyfile, path, "names", &kit->names, error) ||
      !read_optional_string (keyfile, path, "website", &kit->website, error) ||
      !read_optional_string (keyfile, path, "email", &kit->email, error) ||
      !read_optional_string (keyfile, path, "phone", &kit->phone, error) ||
      !read_optional_list (keyfile, path, "logos", &kit->logos, error))
    return NULL;

  /* The values must be what the key says: a typo here would silently make
   * every check of the page wrong. */
  if (kit->website != NULL && !eyl_detect_is_url (kit->website))
    {
      set_wrong_type (error, path, "website", kit->website, _("a web address"));
      return NULL;
    }
  if (kit->email != NULL && !eyl_detect_is_email (kit->email))
    {
      set_wrong_type (error, path, "email", kit->email, _("an email address"));
      return NULL;
    }
  if (kit->phone != NULL && !eyl_detect_is_phone (kit->phone))
    {
      set_wrong_type (error, path, "phone", kit->phone, _("a phone number"));
      return NULL;
    }

  if (!read_style (keyfile, path, kit, error))
    return NULL;

  for (guint i = 0; kit->logos[i] != NULL; i++)
    {
      g_autofree char *logo = g_canonicalize_filename (kit->logos[i], dir);

      if (!check_logo (path, "logos", kit->logos[i], logo, error))
        return NULL;

      g_free (kit->logos[i]);
      kit->logos[i] = g_steal_pointer (&logo);
    }

  return g_steal_pointer (&kit);
}

gboolean
eyl_brand_kit_save (EylBrandKit *self,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GPtrArray) logos = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *abs_path = NULL;
  g_autofree char *data = NULL;
  gsize            len = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  abs_path = g_canonicalize_filename (path, NULL);
  {
    g_autofree char *dirname = g_path_get_dirname (abs_path);
    dir = g_file_new_for_path (dirname);
  }

  g_key_file_set_comment (keyfile, NULL, NULL,
                          " Eyeline brand kit: names, contact details and logo files\n"
                          " (logo paths are relative to this file).",
                          NULL);
  g_key_file_set_string_list (keyfile, BRAND_GROUP, "names",
                              (const char *const *) self->names,
                              g_strv_length (self->names));
  if (self->website != NULL)
    g_key_file_set_string (keyfile, BRAND_GROUP, "website", self->website);
  if (self->email != NULL)
    g_key_file_set_string (keyfile, BRAND_GROUP, "email", self->email);
  if (self->phone != NULL)
    g_key_file_set_string (keyfile, BRAND_GROUP, "phone", self->phone);

  if (self->colors->len > 0)
    {
      g_autoptr(GPtrArray) colors = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < self->colors->len; i++)
        g_ptr_array_add (colors, eyl_brand_color_to_string (&g_array_index (self->colors, EylBrandColor, i)));
      g_key_file_set_string_list (keyfile, BRAND_GROUP, "colors",
                                  (const char *const *) colors->pdata, colors->len);
    }
  if (self->fonts->len > 0)
    {
      g_autoptr(GPtrArray) fonts = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < self->fonts->len; i++)
        g_ptr_array_add (fonts, eyl_brand_font_to_string (&g_array_index (self->fonts, EylBrandFont, i)));
      g_key_file_set_string_list (keyfile, BRAND_GROUP, "fonts",
                                  (const char *const *) fonts->pdata, fonts->len);
    }

  /* Logos are stored relative to the kit file when they live below it, so
   * the folder can be moved or shared as a whole. */
  for (guint i = 0; self->logos[i] != NULL; i++)
    {
      g_autoptr(GFile) logo = g_file_new_for_path (self->logos[i]);
      char *rel = g_file_get_relative_path (dir, logo);

      g_ptr_array_add (logos, rel != NULL ? rel : g_file_get_path (logo));
    }
  if (logos->len > 0)
    g_key_file_set_string_list (keyfile, BRAND_GROUP, "logos",
                                (const char *const *) logos->pdata, logos->len);

  data = g_key_file_to_data (keyfile, &len, NULL);
  if (!g_file_set_contents (path, data, len, &local_error))
    {
      g_set_error (error, EYL_ERROR, EYL_ERROR_OUTPUT,
                   _("%s: cannot save the brand kit: %s"), path, local_error->message);
      /* Nothing was replaced: g_file_set_contents writes a temporary
       * file next to @path and renames it over @path only when it is
       * complete, so the old kit survives a full disk or a crash. */
      return FALSE;
    }

  return TRUE;
}

char *
eyl_brand_kit_dup_domain (EylBrandKit *self)
{
  char *domain = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->website != NULL)
    domain = eyl_detect_domain_of (self->website);
  if (domain == NULL && self->email != NULL)
    domain = eyl_detect_domain_of (self->email);

  return domain;
}

EylBrandKit *
eyl_brand_kit_copy (EylBrandKit *self)
{
  EylBrandKit *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = eyl_brand_kit_new ();
  g_strfreev (copy->names);
  copy->names = g_strdupv (self->names);
  copy->website = g_strdup (self->website);
  copy->email = g_strdup (self->email);
  copy->phone = g_strdup (self->phone);
  g_strfreev (copy->logos);
  copy->logos = g_strdupv (self->logos);
  copy->source_file = g_strdup (self->source_file);
  for (guint i = 0; i < self->colors->len; i++)
    {
      const EylBrandColor *c = &g_array_index (self->colors, EylBrandColor, i);

      eyl_brand_kit_add_color (copy, c->name, c->rgb, c->print);
    }
  for (guint i = 0; i < self->fonts->len; i++)
    {
      const EylBrandFont *f = &g_array_index (self->fonts, EylBrandFont, i);

      eyl_brand_kit_add_font (copy, f->family, f->role);
    }
  return copy;
}

char *
eyl_brand_kit_dup_logos_key (EylBrandKit *self)
{
  GString *key;

  g_return_val_if_fail (self != NULL, NULL);

  key = g_string_new (NULL);
  for (guint i = 0; self->logos[i] != NULL; i++)
    {
      GStatBuf st;

      /* A file that cannot be looked at is only its name: reading it
       * says what is wrong. */
      if (g_stat (self->logos[i], &st) == 0)
        g_string_append_printf (key, "%s\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\n",
                                self->logos[i], (gint64) st.st_size, (gint64) st.st_mtim.tv_sec,
                                (gint64) st.st_mtim.tv_nsec);
      else
        g_string_append_printf (key, "%s\n", self->logos[i]);
    }
  return g_string_free (key, FALSE);
}

char *
eyl_brand_kit_dup_contacts_key (EylBrandKit *self)
{
  if (self == NULL || (self->website == NULL && self->email == NULL && self->phone == NULL))
    return g_strdup ("");
  return g_strdup_printf ("%s\n%s\n%s", self->website != NULL ? self->website : "",
                          self->email != NULL ? self->email : "",
                          self->phone != NULL ? self->phone : "");
}

/* ------------------------------------------------------------------ */
/* Colours and fonts                                                    */

static void
set_entry_error (GError    **error,
                 const char *format,
                 ...) G_GNUC_PRINTF (2, 3);

static void
set_entry_error (GError    **error,
                 const char *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list          args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, EYL_ERROR, EYL_ERROR_CONFIG, message);
}

/* "" and blanks are no value. */
static char *
dup_stripped_or_null (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

void
eyl_brand_color_clear (EylBrandColor *color)
{
  g_clear_pointer (&color->name, g_free);
  g_clear_pointer (&color->print, g_free);
}

void
eyl_brand_font_clear (EylBrandFont *font)
{
  g_clear_pointer (&font->family, g_free);
}

gboolean
eyl_brand_color_parse (const char    *text,
                       EylBrandColor *out,
                       GError       **error)
{
  static GRegex *pattern;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *name = NULL;
  g_autofree char *hex = NULL;
  g_autofree char *print = NULL;

  g_return_val_if_fail (text != NULL && out != NULL, FALSE);

  if (g_once_init_enter (&pattern))
    g_once_init_leave (&pattern,
                       g_regex_new ("^\\s*(.*?)\\s*#([0-9A-Fa-f]{6})(?![0-9A-Fa-f])\\s*"
                                    "(?:\\((.*)\\)|(.*?))\\s*$",
                                    G_REGEX_OPTIMIZE, 0, NULL));
  if (!g_regex_match (pattern, text, 0, &match))
    {
      /* Translators: a colour of a brand kit without its value */
      set_entry_error (error, _("“%s” has no sRGB value such as #1B5E20"), text);
      return FALSE;
    }
  name = g_match_info_fetch (match, 1);
  hex = g_match_info_fetch (match, 2);
  print = g_match_info_fetch (match, 3);
  if (print == NULL || *print == '\0')
    {
      g_free (print);
      print = g_match_info_fetch (match, 4);
    }
  out->name = dup_stripped_or_null (name);
  out->rgb = (guint32) g_ascii_strtoull (hex, NULL, 16);
  out->print = dup_stripped_or_null (print);
  return TRUE;
}

char *
eyl_brand_color_to_string (const EylBrandColor *color)
{
  GString *out = g_string_new (NULL);

  if (color->name != NULL)
    g_string_append_printf (out, "%s ", color->name);
  g_string_append_printf (out, "#%06X", color->rgb & 0xFFFFFF);
  if (color->print != NULL)
    g_string_append_printf (out, " (%s)", color->print);
  return g_string_free (out, FALSE);
}

const char *
eyl_brand_font_role_to_string (EylBrandFontRole role)
{
  switch (role)
    {
    case EYL_BRAND_FONT_HEADLINE:
      return "headline";
    case EYL_BRAND_FONT_BODY:
      return "body";
    case EYL_BRAND_FONT_ANY:
    default:
      return NULL;
    }
}

gboolean
eyl_brand_font_parse (const char   *text,
                      EylBrandFont *out,
                      GError      **error)
{
  g_autofree char *family = g_strstrip (g_strdup (text));
  char            *open;

  g_return_val_if_fail (text != NULL && out != NULL, FALSE);

  out->role = EYL_BRAND_FONT_ANY;
  open = strrchr (family, '(');
  if (open != NULL && g_str_has_suffix (family, ")"))
    {
      g_autofree char *role = g_strndup (open + 1, strlen (open + 1) - 1);

      g_strstrip (role);
      if (g_ascii_strcasecmp (role, "headline") == 0)
        out->role = EYL_BRAND_FONT_HEADLINE;
      else if (g_ascii_strcasecmp (role, "body") == 0)
        out->role = EYL_BRAND_FONT_BODY;
      else
        {
          /* Translators: a font's role in a brand kit; keep "headline" and "body" */
          set_entry_error (error, _("“%s”: the role in brackets is headline or body"), text);
          return FALSE;
        }
      *open = '\0';
      g_strstrip (family);
    }
  if (*family == '\0' || strpbrk (family, "()") != NULL)
    {
      set_entry_error (error, _("“%s” is not a font family’s name"), text);
      return FALSE;
    }
  out->family = g_steal_pointer (&family);
  return TRUE;
}

char *
eyl_brand_font_to_string (const EylBrandFont *font)
{
  const char *role = eyl_brand_font_role_to_string (font->role);

  return role != NULL ? g_strdup_printf ("%s (%s)", font->family, role) : g_strdup (font->family);
}

void
eyl_brand_kit_add_color (EylBrandKit *self,
                         const char  *name,
                         guint32      rgb,
                         const char  *print)
{
  EylBrandColor color = { dup_stripped_or_null (name), rgb & 0xFFFFFF, dup_stripped_or_null (print) };

  g_return_if_fail (self != NULL);
  g_array_append_val (self->colors, color);
}

void
eyl_brand_kit_add_font (EylBrandKit     *self,
                        const char      *family,
                        EylBrandFontRole role)
{
  EylBrandFont font = { g_strdup (family), role };

  g_return_if_fail (self != NULL && family != NULL);
  g_array_append_val (self->fonts, font);
}

/* "ABCDEF+" of a subset font: six capitals and a plus. */
static const char *
skip_subset_tag (const char *name)
{
  for (guint i = 0; i < 6; i++)
    if (!g_ascii_isupper (name[i]))
      return name;
  return name[6] == '+' ? name + 7 : name;
}

/* Lower case without spaces, hyphens, underscores and commas. */
static char *
dup_font_key (const char *name)
{
  GString *key = g_string_new (NULL);

  for (const char *p = skip_subset_tag (name); *p != '\0'; p++)
    if (!strchr (" -_,", *p))
      g_string_append_c (key, g_ascii_tolower (*p));
  return g_string_free (key, FALSE);
}

const EylBrandFont *
eyl_brand_kit_match_font (EylBrandKit *self,
                          const char  *pdf_font_name)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (pdf_font_name == NULL)
    return NULL;
  key = dup_font_key (pdf_font_name);
  for (guint i = 0; i < self->fonts->len; i++)
    {
      const EylBrandFont *font = &g_array_index (self->fonts, EylBrandFont, i);
      g_autofree char    *family = dup_font_key (font->family);

      if (*family != '\0' && g_str_has_prefix (key, family))
        return font;
    }
  return NULL;
}

char *
eyl_brand_font_family_of (const char *pdf_font_name)
{
  const char *name = skip_subset_tag (pdf_font_name);

  return g_strndup (name, strcspn (name, "-,"));
}

/* sRGB → CIELAB (D50, the ICC connection space), made once; Little CMS
 * transforms may be used from any thread. */
static cmsHTRANSFORM
get_lab_transform (void)
{
  static cmsHTRANSFORM transform;

  if (g_once_init_enter (&transform))
    {
      cmsHPROFILE   srgb = cmsCreate_sRGBProfile ();
      cmsHPROFILE   lab = cmsCreateLab4Profile (NULL);
      cmsHTRANSFORM made = cmsCreateTransform (srgb, TYPE_RGB_8, lab, TYPE_Lab_DBL,
                                               INTENT_RELATIVE_COLORIMETRIC, cmsFLAGS_NOCACHE);

      cmsCloseProfile (srgb);
      cmsCloseProfile (lab);
      g_once_init_leave (&transform, made);
    }
  return transform;
}

static void
rgb_to_lab (guint32    rgb,
            cmsCIELab *lab)
{
  guint8 pixel[3] = { (rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF };

  cmsDoTransform (get_lab_transform (), pixel, lab, 1);
}

double
eyl_color_delta_e2000 (guint32 rgb_a,
                       guint32 rgb_b)
{
  cmsCIELab a, b;

  rgb_to_lab (rgb_a, &a);
  rgb_to_lab (rgb_b, &b);
  return cmsCIE2000DeltaE (&a, &b, 1.0, 1.0, 1.0);
}

const EylBrandColor *
eyl_brand_kit_nearest_color (EylBrandKit *self,
                             guint32      rgb,
                             double      *delta_e)
{
  const EylBrandColor *nearest = NULL;
  double               best = G_MAXDOUBLE;

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->colors->len; i++)
    {
      const EylBrandColor *color = &g_array_index (self->colors, EylBrandColor, i);
      double               d = eyl_color_delta_e2000 (rgb, color->rgb);

      if (d < best)
        {
          best = d;
          nearest = color;
        }
    }
  if (delta_e != NULL)
    *delta_e = best;
  return nearest;
}

static void
add_member_string (JsonBuilder *builder,
                   const char  *key,
                   const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, value);
}

char *
eyl_brand_kit_dup_display_name (EylBrandKit *self)
{
  char *name;

  g_return_val_if_fail (self != NULL, NULL);

  name = eyl_brand_kit_dup_name_for_path (self->source_file);
  if (name != NULL && g_str_has_suffix (name, ".ini") && strlen (name) > strlen (".ini"))
    name[strlen (name) - strlen (".ini")] = '\0';
  return name;
}

JsonNode *
eyl_brand_kit_to_json (EylBrandKit *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *name = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  name = eyl_brand_kit_dup_display_name (self);
  json_builder_begin_object (builder);
  add_member_string (builder, "name", name);
  json_builder_set_member_name (builder, "names");
  json_builder_begin_array (builder);
  for (guint i = 0; self->names[i] != NULL; i++)
    json_builder_add_string_value (builder, self->names[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "colors");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->colors->len; i++)
    {
      const EylBrandColor *c = &g_array_index (self->colors, EylBrandColor, i);
      g_autofree char     *hex = g_strdup_printf ("#%06X", c->rgb);

      json_builder_begin_object (builder);
      add_member_string (builder, "name", c->name);
      add_member_string (builder, "hex", hex);
      add_member_string (builder, "print", c->print);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "fonts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->fonts->len; i++)
    {
      const EylBrandFont *f = &g_array_index (self->fonts, EylBrandFont, i);

      json_builder_begin_object (builder);
      add_member_string (builder, "family", f->family);
      add_member_string (builder, "role", eyl_brand_font_role_to_string (f->role));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

char *
eyl_brand_kit_describe_style (EylBrandKit *self)
{
  g_autoptr(GPtrArray) colors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) fonts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *color_list = NULL;
  g_autofree char *font_list = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->colors->len; i++)
    g_ptr_array_add (colors, eyl_brand_color_to_string (&g_array_index (self->colors, EylBrandColor, i)));
  for (guint i = 0; i < self->fonts->len; i++)
    g_ptr_array_add (fonts, eyl_brand_font_to_string (&g_array_index (self->fonts, EylBrandFont, i)));
  g_ptr_array_add (colors, NULL);
  g_ptr_array_add (fonts, NULL);
  color_list = g_strjoinv (", ", (GStrv) colors->pdata);
  font_list = g_strjoinv (", ", (GStrv) fonts->pdata);
  if (self->colors->len > 0 && self->fonts->len > 0)
    /* Translators: the brand kit's colours and fonts, each a list */
    return g_strdup_printf (_("Colours: %s; fonts: %s"), color_list, font_list);
  if (self->colors->len > 0)
    return g_strdup_printf (_("Colours: %s"), color_list);
  if (self->fonts->len > 0)
    return g_strdup_printf (_("Fonts: %s"), font_list);
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Named kits                                                           */

#define KITS_DIR        "kits"
#define KIT_SUFFIX      ".ini"
#define REMEMBERED_FILE "document-kits.ini"
#define REMEMBERED_KEY  "kit"
#define MAX_NAME_BYTES  100

static char *
dup_config_path (const char *name)
{
  return g_build_filename (g_get_user_config_dir (), "eyeline", name, NULL);
}

char *
eyl_brand_kit_dup_dir (void)
{
  return dup_config_path (KITS_DIR);
}

gboolean
eyl_brand_kit_name_is_valid (const char *name)
{
  if (name == NULL || *name == '\0' || *name == '.' || strlen (name) > MAX_NAME_BYTES ||
      !g_utf8_validate (name, -1, NULL) || strchr (name, '/') != NULL)
    return FALSE;
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

char *
eyl_brand_kit_dup_named_path (const char *name)
{
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;

  if (!eyl_brand_kit_name_is_valid (name))
    return NULL;
  dir = eyl_brand_kit_dup_dir ();
  file = g_strconcat (name, KIT_SUFFIX, NULL);
  path = g_build_filename (dir, file, NULL);
  if (g_str_equal (name, EYL_BRAND_KIT_LEGACY_NAME) && !g_file_test (path, G_FILE_TEST_EXISTS))
    return dup_config_path ("brand-kit.ini");
  return g_steal_pointer (&path);
}

char *
eyl_brand_kit_dup_name_for_path (const char *path)
{
  g_autofree char *legacy = dup_config_path ("brand-kit.ini");
  g_autofree char *dir = eyl_brand_kit_dup_dir ();
  g_autofree char *parent = NULL;
  g_autofree char *base = NULL;

  if (path == NULL)
    return NULL;
  if (g_str_equal (path, legacy))
    return g_strdup (EYL_BRAND_KIT_LEGACY_NAME);
  parent = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  if (g_str_equal (parent, dir) && g_str_has_suffix (base, KIT_SUFFIX))
    base[strlen (base) - strlen (KIT_SUFFIX)] = '\0';
  return g_steal_pointer (&base);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char *const *) a, *(const char *const *) b);
}

GPtrArray *
eyl_brand_kit_list_names (void)
{
  GPtrArray       *names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir_path = eyl_brand_kit_dup_dir ();
  g_autofree char *legacy = dup_config_path ("brand-kit.ini");
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *file;

  while (dir != NULL && (file = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *name = NULL;

      if (!g_str_has_suffix (file, KIT_SUFFIX))
        continue;
      name = g_strndup (file, strlen (file) - strlen (KIT_SUFFIX));
      if (eyl_brand_kit_name_is_valid (name))
        g_ptr_array_add (names, g_steal_pointer (&name));
    }
  if (g_file_test (legacy, G_FILE_TEST_IS_REGULAR) &&
      !g_ptr_array_find_with_equal_func (names, EYL_BRAND_KIT_LEGACY_NAME, g_str_equal, NULL))
    g_ptr_array_add (names, g_strdup (EYL_BRAND_KIT_LEGACY_NAME));
  g_ptr_array_sort (names, compare_names);
  return names;
}

char *
eyl_brand_kit_dup_remembered (const char *uri)
{
  g_autofree char *path = dup_config_path (REMEMBERED_FILE);
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();

  g_return_val_if_fail (uri != NULL, NULL);

  if (!g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, NULL))
    return NULL;
  return g_key_file_get_string (keyfile, uri, REMEMBERED_KEY, NULL);
}

gboolean
eyl_brand_kit_remember (const char *uri,
                        const char *name,
                        GError    **error)
{
  g_autofree char *path = dup_config_path (REMEMBERED_FILE);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();

  g_return_val_if_fail (uri != NULL, FALSE);

  /* A group name cannot hold brackets or line breaks; a URI escapes them. */
  if (strpbrk (uri, "[]\n\r") != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "%s: not an escaped URI", uri);
      return FALSE;
    }
  g_key_file_load_from_file (keyfile, path, G_KEY_FILE_KEEP_COMMENTS, NULL);
  if (name == NULL)
    g_key_file_remove_group (keyfile, uri, NULL);
  else
    g_key_file_set_string (keyfile, uri, REMEMBERED_KEY, name);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", dir, g_strerror (saved));
      return FALSE;
    }
  return g_key_file_save_to_file (keyfile, path, error);
}

gboolean
eyl_brand_kit_rename_remembered (const char *old_name,
                                 const char *new_name,
                                 GError    **error)
{
  g_autofree char *path = dup_config_path (REMEMBERED_FILE);
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_auto(GStrv) uris = NULL;
  gboolean changed = FALSE;

  g_return_val_if_fail (old_name != NULL, FALSE);

  if (!g_key_file_load_from_file (keyfile, path, G_KEY_FILE_KEEP_COMMENTS, NULL))
    return TRUE;
  uris = g_key_file_get_groups (keyfile, NULL);
  for (guint i = 0; uris[i] != NULL; i++)
    {
      g_autofree char *name = g_key_file_get_string (keyfile, uris[i], REMEMBERED_KEY, NULL);

      if (g_strcmp0 (name, old_name) != 0)
        continue;
      /* A deleted kit is forgotten: the document opens with the window's
       * kit, as one never given a kit. */
      if (new_name != NULL)
        g_key_file_set_string (keyfile, uris[i], REMEMBERED_KEY, new_name);
      else
        g_key_file_remove_group (keyfile, uris[i], NULL);
      changed = TRUE;
    }
  return !changed || g_key_file_save_to_file (keyfile, path, error);
}
