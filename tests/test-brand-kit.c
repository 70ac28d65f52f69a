/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-brand-kit.c: loading, saving and the errors of brand kit files. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "eyl-brand-kit.h"
#include "eyl-error.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("eyl-brand-kit-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_chmod (path, 0600);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *logo = write_file (fixture, "logo.png", "\x89PNG\r\n\x1a\n");
  g_autofree char *path = g_build_filename (fixture->dir, "kit.ini", NULL);
  g_autofree char *saved = NULL;
  g_autofree char *domain = NULL;
  g_autoptr(EylBrandKit) kit = eyl_brand_kit_new ();
  g_autoptr(EylBrandKit) loaded = NULL;

  g_assert_nonnull (kit->names);
  g_assert_nonnull (kit->logos);

  g_strfreev (kit->names);
  kit->names = g_strsplit ("Northwind Tea;Northwind", ";", -1);
  kit->website = g_strdup ("www.northwind-tea.example");
  kit->email = g_strdup ("hello@northwind-tea.example");
  kit->phone = g_strdup ("+44 20 7946 0958");
  g_strfreev (kit->logos);
  kit->logos = g_strsplit (logo, "\n", -1);

  g_assert_true (eyl_brand_kit_save (kit, path, &error));
  g_assert_no_error (error);

  /* Logo paths are stored relative to the kit file. */
  g_file_get_contents (path, &saved, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (saved, "logos=logo.png"));

  loaded = eyl_brand_kit_load (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpuint (g_strv_length (loaded->names), ==, 2);
  g_assert_cmpstr (loaded->names[0], ==, "Northwind Tea");
  g_assert_cmpstr (loaded->names[1], ==, "Northwind");
  g_assert_cmpstr (loaded->website, ==, kit->website);
  g_assert_cmpstr (loaded->email, ==, kit->email);
  g_assert_cmpstr (loaded->phone, ==, kit->phone);
  g_assert_cmpuint (g_strv_length (loaded->logos), ==, 1);
  g_assert_cmpstr (loaded->logos[0], ==, logo);
  g_assert_true (g_path_is_absolute (loaded->source_file));

  domain = eyl_brand_kit_dup_domain (loaded);
  g_assert_cmpstr (domain, ==, "northwind-tea.example");
}

static void
test_minimal (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_file (fixture, "kit.ini",
                                      "[Brand]\nemail=Hello@Shop.Osgeo.org\n");
  g_autoptr(EylBrandKit) kit = eyl_brand_kit_load (path, &error);
  g_autofree char *domain = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (kit->names);
  g_assert_cmpuint (g_strv_length (kit->names), ==, 0);
  g_assert_cmpuint (g_strv_length (kit->logos), ==, 0);
  g_assert_null (kit->website);
  domain = eyl_brand_kit_dup_domain (kit);
  g_assert_cmpstr (domain, ==, "osgeo.org");
}

static void
assert_config_error (const GError *error,
                     const char   *path,
                     const char   *needle)
{
  g_assert_error (error, EYL_ERROR, EYL_ERROR_CONFIG);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, needle));
}

static void
test_missing_group (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_file (fixture, "kit.ini", "[Other]\nnames=Northwind\n");
  g_autoptr(EylBrandKit) kit = eyl_brand_kit_load (path, &error);

  g_assert_null (kit);
  assert_config_error (error, path, "[Brand]");
}

static void
test_not_a_keyfile (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_file (fixture, "kit.ini", "this is not a key file\n");
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.ini", NULL);
  g_autoptr(EylBrandKit) kit = eyl_brand_kit_load (path, &error);
  g_autoptr(EylBrandKit) kit2 = NULL;

  g_assert_null (kit);
  assert_config_error (error, path, path);
  g_clear_error (&error);

  kit2 = eyl_brand_kit_load (missing, &error);
  g_assert_null (kit2);
  assert_config_error (error, missing, missing);
}

static void
test_wrong_type (Fixture       *fixture,
                 gconstpointer  data)
{
  const struct { const char *contents, *key; } cases[] = {
    { "[Brand]\nwebsite=our shop\n", "website" },
    { "[Brand]\nemail=hello\n", "email" },
    { "[Brand]\nphone=call us\n", "phone" },
    { "[Brand]\nnames=North\\qwind\n", "names" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = write_file (fixture, "kit.ini", cases[i].contents);
      g_autoptr(EylBrandKit) kit = eyl_brand_kit_load (path, &error);

      g_assert_null (kit);
      assert_config_error (error, path, cases[i].key);
    }
}

static void
test_unreadable_logo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_file (fixture, "kit.ini",
                                      "[Brand]\nnames=Northwind\nlogos=missing.png\n");
  g_autoptr(EylBrandKit) kit = eyl_brand_kit_load (path, &error);

  g_assert_null (kit);
  assert_config_error (error, path, "logos");
  g_assert_nonnull (strstr (error->message, "missing.png"));

  /* A file without read permission: root reads anything, so only then. */
  if (geteuid () != 0)
    {
      g_autofree char *logo = write_file (fixture, "locked.png", "x");
      g_autofree char *path2 = write_file (fixture, "kit2.ini",
                                           "[Brand]\nlogos=locked.png\n");
      g_autoptr(EylBrandKit) kit2 = NULL;

      g_clear_error (&error);
      g_chmod (logo, 0);
      kit2 = eyl_brand_kit_load (path2, &error);
      g_assert_null (kit2);
      assert_config_error (error, path2, "locked.png");
    }
}

static void
test_save_error (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EylBrandKit) kit = eyl_brand_kit_new ();
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-dir", "kit.ini", NULL);

  g_assert_false (eyl_brand_kit_save (kit, path, &error));
  g_assert_error (error, EYL_ERROR, EYL_ERROR_OUTPUT);
  g_assert_nonnull (strstr (error->message, path));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/eyl/brand-kit/round-trip", test_round_trip);
  ADD ("/eyl/brand-kit/minimal", test_minimal);
  ADD ("/eyl/brand-kit/missing-group", test_missing_group);
  ADD ("/eyl/brand-kit/not-a-keyfile", test_not_a_keyfile);
  ADD ("/eyl/brand-kit/wrong-type", test_wrong_type);
  ADD ("/eyl/brand-kit/unreadable-logo", test_unreadable_logo);
  ADD ("/eyl/brand-kit/save-error", test_save_error);

#undef ADD

  return g_test_run ();
}
