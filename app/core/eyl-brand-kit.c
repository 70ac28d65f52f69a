/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-brand-kit"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "eyl-brand-kit.h"
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
      g_free (self);
    }
}

/* Reads an optional string key; a missing key is not an error, a value
 * that GKeyFile cannot read (bad UTF-8, bad escape) is. */
static gboolean
read_optional_string (GKeyFile    *keyfile,
                      const char  *path,
                      const char  *key,
                      char       **out,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *value = NULL;

  value = g_key_file_get_string (keyfile, BRAND_GROUP, key, &local_error);
  if (value == NULL)
    {
      if (g_error_matches (local_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND))
        return TRUE;
      g_set_error (error, EYL_ERROR, EYL_ERROR_CONFIG,
                   _("%s: key “%s” in [%s] cannot be read: %s"),
                   path, key, BRAND_GROUP, local_error->message);
      return FALSE;
    }

  g_strstrip (value);
  if (*value == '\0')
    return TRUE;

  *out = g_steal_pointer (&value);
  return TRUE;
}

static gboolean
read_optional_list (GKeyFile    *keyfile,
                    const char  *path,
                    const char  *key,
                    GStrv       *out,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) values = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);

  values = g_key_file_get_string_list (keyfile, BRAND_GROUP, key, NULL, &local_error);
  if (values == NULL)
    {
      if (g_error_matches (local_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND))
        return TRUE;
      g_set_error (error, EYL_ERROR, EYL_ERROR_CONFIG,
                   _("%s: key “%s” in [%s] cannot be read as a list: %s"),
                   path, key, BRAND_GROUP, local_error->message);
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
set_wrong_type (GError     **error,
                const char  *path,
                const char  *key,
                const char  *value,
                const char  *expected)
{
  g_set_error (error, EYL_ERROR, EYL_ERROR_CONFIG,
               _("%s: key “%s” in [%s] is “%s”, which is not %s"),
               path, key, BRAND_GROUP, value, expected);
}

EylBrandKit *
eyl_brand_kit_load (const char  *path,
                    GError     **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(EylBrandKit) kit = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *abs_path = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, EYL_ERROR, EYL_ERROR_CONFIG,
                   _("%s: cannot read the brand kit: %s"), path, local_error->message);
      return NULL;
    }

  if (!g_key_file_has_group (keyfile, BRAND_GROUP))
    {
      g_set_error (error, EYL_ERROR, EYL_ERROR_CONFIG,
                   _("%s: no [%s] group; a brand kit needs one"), path, BRAND_GROUP);
      return NULL;
    }

  kit = eyl_brand_kit_new ();
  abs_path = g_canonicalize_filename (path, NULL);
  dir = g_path_get_dirname (abs_path);
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

  for (guint i = 0; kit->logos[i] != NULL; i++)
    {
      g_autofree char *logo = g_canonicalize_filename (kit->logos[i], dir);

      if (g_access (logo, R_OK) != 0 || !g_file_test (logo, G_FILE_TEST_IS_REGULAR))
        {
          const char *problem = g_file_test (logo, G_FILE_TEST_IS_DIR) ? _("it is a folder")
                                : g_file_test (logo, G_FILE_TEST_EXISTS) ? _("permission denied")
                                : _("no such file");

          g_set_error (error, EYL_ERROR, EYL_ERROR_CONFIG,
                       _("%s: key “logos” in [%s]: logo file “%s” cannot be read: %s"),
                       path, BRAND_GROUP, logo, problem);
          return NULL;
        }

      g_free (kit->logos[i]);
      kit->logos[i] = g_steal_pointer (&logo);
    }

  return g_steal_pointer (&kit);
}

gboolean
eyl_brand_kit_save (EylBrandKit  *self,
                    const char   *path,
                    GError      **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GPtrArray) logos = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *abs_path = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  abs_path = g_canonicalize_filename (path, NULL);
  {
    g_autofree char *dirname = g_path_get_dirname (abs_path);
    dir = g_file_new_for_path (dirname);
  }

  g_key_file_set_comment (keyfile, NULL, NULL,
                          " Eyeline brand kit: names, contact details and logo files\n"
                          " (logo paths are relative to this file).", NULL);
  g_key_file_set_string_list (keyfile, BRAND_GROUP, "names",
                              (const char * const *) self->names,
                              g_strv_length (self->names));
  if (self->website != NULL)
    g_key_file_set_string (keyfile, BRAND_GROUP, "website", self->website);
  if (self->email != NULL)
    g_key_file_set_string (keyfile, BRAND_GROUP, "email", self->email);
  if (self->phone != NULL)
    g_key_file_set_string (keyfile, BRAND_GROUP, "phone", self->phone);

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
                                (const char * const *) logos->pdata, logos->len);

  data = g_key_file_to_data (keyfile, &len, NULL);
  if (!g_file_set_contents (path, data, len, &local_error))
    {
      g_set_error (error, EYL_ERROR, EYL_ERROR_OUTPUT,
                   _("%s: cannot save the brand kit: %s"), path, local_error->message);
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
