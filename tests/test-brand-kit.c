/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-brand-kit.c: loading, saving and the errors of brand kit files. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "eyl-analysis.h"
#include "eyl-brand-kit.h"
#include "eyl-document.h"
#include "eyl-error.h"
#include "eyl-fixtures.h"
#include "eyl-report.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("eyl-brand-kit-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_chmod (path, 0700);
      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        g_rmdir (path);
      else
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
test_round_trip (Fixture      *fixture,
                 gconstpointer data)
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
test_minimal (Fixture      *fixture,
              gconstpointer data)
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
test_missing_group (Fixture      *fixture,
                    gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_file (fixture, "kit.ini", "[Other]\nnames=Northwind\n");
  g_autoptr(EylBrandKit) kit = eyl_brand_kit_load (path, &error);

  g_assert_null (kit);
  assert_config_error (error, path, "[Brand]");
}

static void
test_not_a_keyfile (Fixture      *fixture,
                    gconstpointer data)
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
test_wrong_type (Fixture      *fixture,
                 gconstpointer data)
{
  const struct
  {
    const char *contents, *key;
  } cases[] = {
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
test_unreadable_logo (Fixture      *fixture,
                      gconstpointer data)
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
test_save_error (Fixture      *fixture,
                 gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EylBrandKit) kit = eyl_brand_kit_new ();
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-dir", "kit.ini", NULL);

  g_assert_false (eyl_brand_kit_save (kit, path, &error));
  g_assert_error (error, EYL_ERROR, EYL_ERROR_OUTPUT);
  g_assert_nonnull (strstr (error->message, path));
}

/* Every error reads "FILE: [Brand] KEY: PROBLEM" (or "FILE: PROBLEM" when
 * no key is to blame): the exact wording, for one case of each kind. */
static void
assert_message (const GError *error,
                const char   *path,
                const char   *rest)
{
  g_autofree char *expected = g_strdup_printf ("%s: %s", path, rest);

  g_assert_error (error, EYL_ERROR, EYL_ERROR_CONFIG);
  g_assert_cmpstr (error->message, ==, expected);
  /* One line, printable. */
  g_assert_null (strchr (error->message, '\n'));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
test_messages (Fixture      *fixture,
               gconstpointer data)
{
  const struct
  {
    const char *contents;
    const char *message; /* after "FILE: " */
  } cases[] = {
    { "[Brand]\nlogos=logo.svg\n",
      "[Brand] logos: cannot read “logo.svg”: No such file or directory" },
    { "[Brand]\nwebsite=our shop\n",
      "[Brand] website: “our shop” is not a web address" },
    { "[Brand]\nemail=hello\n",
      "[Brand] email: “hello” is not an email address" },
    { "[Brand]\nphone=call us\n",
      "[Brand] phone: “call us” is not a phone number" },
    { "[Brand]\nwebiste=www.northwind-tea.example\n",
      "[Brand] webiste: unknown key (the keys are names, website, email, phone, logos, colors, fonts)" },
    { "[Brand]\nnames=Northwind\n[logos]\nfile=logo.svg\n",
      "unknown group [logos]; a brand kit has only [Brand]" },
    { "[Other]\nnames=Northwind\n",
      "no [Brand] group; a brand kit needs one" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = write_file (fixture, "brand.ini", cases[i].contents);
      g_autoptr(EylBrandKit) kit = eyl_brand_kit_load (path, &error);

      g_assert_null (kit);
      assert_message (error, path, cases[i].message);
    }
}

/* A missing file, a folder, a key file that GKeyFile refuses. */
static void
test_unreadable_kit (Fixture      *fixture,
                     gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.ini", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "folder.ini", NULL);
  g_autoptr(EylBrandKit) kit = eyl_brand_kit_load (missing, &error);

  g_assert_null (kit);
  assert_message (error, missing, "cannot read the brand kit: No such file or directory");
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  kit = eyl_brand_kit_load (folder, &error);
  g_assert_null (kit);
  assert_config_error (error, folder, "cannot read the brand kit");
}

/* Bytes that are not UTF-8, in a value, a key and a group: an error naming
 * the key, in a message that is itself valid UTF-8. */
static void
test_not_utf8 (Fixture      *fixture,
               gconstpointer data)
{
  const struct
  {
    const char *contents, *needle;
  } cases[] = {
    { "[Brand]\nwebsite=www.\xff\xfe.example\n", "[Brand] website: cannot be read" },
    { "[Brand]\nnames=North\xc3wind\n", "[Brand] names: cannot be read as a list" },
    { "[Brand]\nlogos=logo\xff.png\n", "[Brand] logos: cannot be read as a list" },
    { "[Brand]\nnames=x\n[Br\xffnd]\nnames=y\n", "brand.ini" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = write_file (fixture, "brand.ini", cases[i].contents);
      g_autoptr(EylBrandKit) kit = eyl_brand_kit_load (path, &error);

      g_assert_null (kit);
      assert_config_error (error, path, cases[i].needle);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

/* Logo files: a folder, a dangling link, one that is there. */
static void
test_logo_kinds (Fixture      *fixture,
                 gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (fixture->dir, "logos", NULL);
  g_autofree char *link = g_build_filename (fixture->dir, "dangling.png", NULL);
  g_autofree char *logo = write_file (fixture, "logo.png", "\x89PNG\r\n\x1a\n");
  g_autofree char *path = NULL;
  g_autoptr(EylBrandKit) kit = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  path = write_file (fixture, "brand.ini", "[Brand]\nlogos=logo.png;logos\n");
  kit = eyl_brand_kit_load (path, &error);
  g_assert_null (kit);
  assert_message (error, path, "[Brand] logos: cannot read “logos”: it is a folder");
  g_clear_error (&error);

  g_assert_cmpint (symlink ("nowhere.png", link), ==, 0);
  g_free (path);
  path = write_file (fixture, "brand.ini", "[Brand]\nlogos=dangling.png\n");
  kit = eyl_brand_kit_load (path, &error);
  g_assert_null (kit);
  assert_message (error, path,
                  "[Brand] logos: cannot read “dangling.png”: No such file or directory");
  g_clear_error (&error);

  g_free (path);
  path = write_file (fixture, "brand.ini", "[Brand]\nlogos=logo.png\n");
  kit = eyl_brand_kit_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kit->logos[0], ==, logo);
}

static EylBrandKit *
make_kit (const char *name,
          gsize       repeat)
{
  EylBrandKit *kit = eyl_brand_kit_new ();
  GString     *long_name = g_string_new (NULL);

  for (gsize i = 0; i < repeat; i++)
    g_string_append (long_name, name);
  g_strfreev (kit->names);
  kit->names = g_new0 (char *, 2);
  kit->names[0] = g_string_free (long_name, FALSE);
  kit->website = g_strdup ("www.northwind-tea.example");
  return kit;
}

/* Saving replaces the file as a whole (a new file renamed over the old
 * one), never rewrites it in place: a reader that has the old file open
 * still reads all of it, and no temporary file is left behind. */
static void
test_save_atomic (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "brand.ini", NULL);
  g_autoptr(EylBrandKit) old_kit = make_kit ("Old Name ", 50);
  g_autoptr(EylBrandKit) new_kit = make_kit ("New", 1);
  g_autoptr(EylBrandKit) loaded = NULL;
  g_autofree char *old_contents = NULL;
  g_autoptr(GDir) dir = NULL;
  GStatBuf before, after;
  char     buffer[8192];
  gssize   n;
  int      fd;
  guint    n_files = 0;

  g_assert_true (eyl_brand_kit_save (old_kit, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &old_contents, NULL, NULL));
  g_assert_cmpint (g_stat (path, &before), ==, 0);

  fd = g_open (path, O_RDONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_true (eyl_brand_kit_save (new_kit, path, &error));
  g_assert_no_error (error);

  /* The old file, still open, is whole and unchanged. */
  n = read (fd, buffer, sizeof buffer - 1);
  g_assert_cmpint (n, ==, (gssize) strlen (old_contents));
  buffer[n] = '\0';
  g_assert_cmpstr (buffer, ==, old_contents);
  close (fd);

  /* The path names a new file with the new kit. */
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, !=, after.st_ino);
  loaded = eyl_brand_kit_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->names[0], ==, "New");

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);
}

/* A save that fails half-way (here: a file size limit, as a full disk)
 * leaves the old kit complete. */
static void
test_save_interrupted (Fixture      *fixture,
                       gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "brand.ini", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(EylBrandKit) loaded = NULL;
  g_autoptr(GError) error = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(EylBrandKit) big = make_kit ("A much longer name ", 2000);
      struct rlimit limit = { 4096, 4096 };
      const char   *kit_path = g_getenv ("EYL_TEST_KIT");

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      g_assert_false (eyl_brand_kit_save (big, kit_path, &error));
      g_assert_error (error, EYL_ERROR, EYL_ERROR_OUTPUT);
      g_assert_nonnull (strstr (error->message, kit_path));
      return;
    }

  {
    g_autoptr(EylBrandKit) kit = make_kit ("Northwind", 1);

    g_assert_true (eyl_brand_kit_save (kit, path, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  }

  g_setenv ("EYL_TEST_KIT", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_unsetenv ("EYL_TEST_KIT");

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  loaded = eyl_brand_kit_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->names[0], ==, "Northwind");
}

/* Names and contacts edited, the same logo files: the same logos key (no
 * new read of the logos); a logo rewritten, added or gone: another one. */
static void
test_logos_key (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *logo = write_file (fixture, "logo.png", "\x89PNG\r\n\x1a\n");
  g_autofree char *path = write_file (fixture, "kit.ini",
                                      "[Brand]\nnames=Northwind\nlogos=logo.png\n");
  g_autoptr(EylBrandKit) kit = eyl_brand_kit_load (path, &error);
  g_autoptr(EylBrandKit) renamed = NULL;
  g_autoptr(EylBrandKit) none = eyl_brand_kit_new ();
  g_autofree char *key = NULL;
  g_autofree char *key_renamed = NULL;
  g_autofree char *key_rewritten = NULL;
  g_autofree char *key_none = NULL;
  g_autofree char *key_two = NULL;

  g_assert_no_error (error);
  key = eyl_brand_kit_dup_logos_key (kit);
  g_assert_nonnull (strstr (key, logo));

  g_free (write_file (fixture, "kit.ini",
                      "[Brand]\nnames=Northwind Tea;Northwind\nwebsite=northwind.example\n"
                      "logos=logo.png\n"));
  renamed = eyl_brand_kit_load (path, &error);
  g_assert_no_error (error);
  key_renamed = eyl_brand_kit_dup_logos_key (renamed);
  g_assert_cmpstr (key_renamed, ==, key);

  /* the same name, other bytes */
  g_free (write_file (fixture, "logo.png", "\x89PNG\r\n\x1a\nmore"));
  key_rewritten = eyl_brand_kit_dup_logos_key (renamed);
  g_assert_cmpstr (key_rewritten, !=, key);

  g_strfreev (renamed->logos);
  renamed->logos = g_strsplit (logo, "\n", -1);
  renamed->logos = g_realloc_n (renamed->logos, 3, sizeof (char *));
  renamed->logos[1] = g_strdup (logo);
  renamed->logos[2] = NULL;
  key_two = eyl_brand_kit_dup_logos_key (renamed);
  g_assert_cmpstr (key_two, !=, key_rewritten);

  key_none = eyl_brand_kit_dup_logos_key (none);
  g_assert_cmpstr (key_none, ==, "");
}

/* Named kits in the configuration folder's "kits", the kit of earlier
 * versions among them as "My brand", and the kit a document remembers. */
static void
test_named_kits (void)
{
  g_autofree char *config = g_build_filename (g_get_user_config_dir (), "eyeline", NULL);
  g_autofree char *legacy = g_build_filename (config, "brand-kit.ini", NULL);
  g_autofree char *dir = eyl_brand_kit_dup_dir ();
  g_autofree char *client = eyl_brand_kit_dup_named_path ("Client A");
  g_autofree char *my_brand = NULL;
  g_autofree char *name = NULL;
  g_autofree char *remembered = NULL;
  g_autoptr(GPtrArray) names = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  names = eyl_brand_kit_list_names ();
  g_assert_cmpuint (names->len, ==, 0);
  g_clear_pointer (&names, g_ptr_array_unref);

  g_assert_true (g_file_set_contents (legacy, "[Brand]\nnames=Northwind\n", -1, NULL));
  g_assert_true (g_file_set_contents (client, "[Brand]\nnames=Southwind\n", -1, NULL));
  names = eyl_brand_kit_list_names ();
  g_assert_cmpuint (names->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "Client A");
  g_assert_cmpstr (g_ptr_array_index (names, 1), ==, EYL_BRAND_KIT_LEGACY_NAME);
  my_brand = eyl_brand_kit_dup_named_path (EYL_BRAND_KIT_LEGACY_NAME);
  g_assert_cmpstr (my_brand, ==, legacy);
  name = eyl_brand_kit_dup_name_for_path (client);
  g_assert_cmpstr (name, ==, "Client A");
  g_clear_pointer (&name, g_free);
  name = eyl_brand_kit_dup_name_for_path (legacy);
  g_assert_cmpstr (name, ==, EYL_BRAND_KIT_LEGACY_NAME);

  g_assert_false (eyl_brand_kit_name_is_valid (""));
  g_assert_false (eyl_brand_kit_name_is_valid ("../x"));
  g_assert_false (eyl_brand_kit_name_is_valid (".hidden"));
  g_assert_false (eyl_brand_kit_name_is_valid ("a\nb"));
  g_assert_null (eyl_brand_kit_dup_named_path ("a/b"));

  g_assert_null (eyl_brand_kit_dup_remembered ("file:///tmp/a.pdf"));
  g_assert_true (eyl_brand_kit_remember ("file:///tmp/a.pdf", "Client A", NULL));
  g_assert_true (eyl_brand_kit_remember ("file:///tmp/b%20c.pdf", "", NULL));
  remembered = eyl_brand_kit_dup_remembered ("file:///tmp/a.pdf");
  g_assert_cmpstr (remembered, ==, "Client A");
  g_clear_pointer (&remembered, g_free);
  remembered = eyl_brand_kit_dup_remembered ("file:///tmp/b%20c.pdf");
  g_assert_cmpstr (remembered, ==, "");
  g_clear_pointer (&remembered, g_free);
  g_assert_true (eyl_brand_kit_remember ("file:///tmp/a.pdf", NULL, NULL));
  g_assert_null (eyl_brand_kit_dup_remembered ("file:///tmp/a.pdf"));
  g_assert_false (eyl_brand_kit_remember ("file:///tmp/[x].pdf", "Client A", NULL));

  g_unlink (legacy);
  g_unlink (client);
}

/* Colours and fonts: read as written, written as read, wrong entries
 * named with their key. */
static void
test_style_round_trip (Fixture      *fixture,
                       gconstpointer data)
{
  g_autofree char *path = write_file (fixture, "style.ini",
                                      "[Brand]\n"
                                      "names=Northwind\n"
                                      "colors=Northwind green #1b5e20 (Pantone 356 C);#F5F0E1;"
                                      "Berry #8E244D CMYK 0/90/30/45\n"
                                      "fonts=Playfair Display (headline);Source Sans 3 ( Body );Inter\n");
  g_autofree char *copy_path = g_build_filename (fixture->dir, "copy.ini", NULL);
  g_autoptr(EylBrandKit) kit = NULL;
  g_autoptr(EylBrandKit) again = NULL;
  g_autoptr(EylBrandKit) copy = NULL;
  g_autoptr(GError) error = NULL;
  const EylBrandColor *c;
  const EylBrandFont  *f;

  kit = eyl_brand_kit_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kit->colors->len, ==, 3);
  c = &g_array_index (kit->colors, EylBrandColor, 0);
  g_assert_cmpstr (c->name, ==, "Northwind green");
  g_assert_cmphex (c->rgb, ==, 0x1B5E20);
  g_assert_cmpstr (c->print, ==, "Pantone 356 C");
  c = &g_array_index (kit->colors, EylBrandColor, 1);
  g_assert_null (c->name);
  g_assert_cmphex (c->rgb, ==, 0xF5F0E1);
  g_assert_null (c->print);
  c = &g_array_index (kit->colors, EylBrandColor, 2);
  g_assert_cmpstr (c->print, ==, "CMYK 0/90/30/45");
  g_assert_cmpuint (kit->fonts->len, ==, 3);
  f = &g_array_index (kit->fonts, EylBrandFont, 0);
  g_assert_cmpstr (f->family, ==, "Playfair Display");
  g_assert_cmpint (f->role, ==, EYL_BRAND_FONT_HEADLINE);
  f = &g_array_index (kit->fonts, EylBrandFont, 1);
  g_assert_cmpstr (f->family, ==, "Source Sans 3");
  g_assert_cmpint (f->role, ==, EYL_BRAND_FONT_BODY);
  g_assert_cmpint (g_array_index (kit->fonts, EylBrandFont, 2).role, ==, EYL_BRAND_FONT_ANY);

  /* Saved and read again: the same; a copy too. */
  copy = eyl_brand_kit_copy (kit);
  g_assert_true (eyl_brand_kit_save (copy, copy_path, &error));
  g_assert_no_error (error);
  again = eyl_brand_kit_load (copy_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->colors->len, ==, 3);
  g_assert_cmpuint (again->fonts->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *a = eyl_brand_color_to_string (&g_array_index (kit->colors, EylBrandColor, i));
      g_autofree char *b = eyl_brand_color_to_string (&g_array_index (again->colors, EylBrandColor, i));
      g_autofree char *fa = eyl_brand_font_to_string (&g_array_index (kit->fonts, EylBrandFont, i));
      g_autofree char *fb = eyl_brand_font_to_string (&g_array_index (again->fonts, EylBrandFont, i));

      g_assert_cmpstr (a, ==, b);
      g_assert_cmpstr (fa, ==, fb);
    }

  /* Matching PDF font names. */
  g_assert_nonnull (eyl_brand_kit_match_font (kit, "ABCDEF+PlayfairDisplay-BoldItalic"));
  g_assert_nonnull (eyl_brand_kit_match_font (kit, "SourceSans3-Regular"));
  g_assert_nonnull (eyl_brand_kit_match_font (kit, "Inter,Bold"));
  g_assert_null (eyl_brand_kit_match_font (kit, "ABCDEF+ArialMT"));
  g_assert_null (eyl_brand_kit_match_font (kit, "Playfair"));
  {
    g_autofree char *family = eyl_brand_font_family_of ("QWERTY+OpenSans-Bold");

    g_assert_cmpstr (family, ==, "OpenSans");
  }
}

static void
expect_style_error (Fixture    *fixture,
                    const char *contents,
                    const char *expected)
{
  g_autofree char *path = write_file (fixture, "bad-style.ini", contents);
  g_autoptr(GError) error = NULL;
  g_autoptr(EylBrandKit) kit = eyl_brand_kit_load (path, &error);

  g_assert_null (kit);
  g_assert_error (error, EYL_ERROR, EYL_ERROR_CONFIG);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, expected));
}

static void
test_style_errors (Fixture      *fixture,
                   gconstpointer data)
{
  expect_style_error (fixture, "[Brand]\ncolors=Green\n", "[Brand] colors: “Green” has no sRGB value");
  expect_style_error (fixture, "[Brand]\ncolors=Green #12345\n", "[Brand] colors");
  expect_style_error (fixture, "[Brand]\nfonts=Inter (caption)\n", "[Brand] fonts: “Inter (caption)”");
  expect_style_error (fixture, "[Brand]\nfonts=(headline)\n", "[Brand] fonts");
}

/* CIEDE2000 through Little CMS: none for the same colour, 100 from black
 * to white (a pure lightness difference at L* 50), small for a step of
 * one in each channel, large for another hue. */
static void
test_delta_e (void)
{
  g_assert_cmpfloat_with_epsilon (eyl_color_delta_e2000 (0x1B5E20, 0x1B5E20), 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (eyl_color_delta_e2000 (0x000000, 0xFFFFFF), 100.0, 0.5);
  g_assert_cmpfloat_with_epsilon (eyl_color_delta_e2000 (0x1B5E20, 0xAA3300),
                                  eyl_color_delta_e2000 (0xAA3300, 0x1B5E20), 1e-9);
  g_assert_cmpfloat (eyl_color_delta_e2000 (0x1B5E20, 0x1C5F21), <, 1.5);
  g_assert_cmpfloat (eyl_color_delta_e2000 (0x1B5E20, 0xAA3300), >, 30);
}

static guint
count_rule (EylPageAnalysis *analysis,
            const char      *rule)
{
  guint n = 0;

  for (guint i = 0; i < analysis->findings->len; i++)
    {
      EylFinding *f = g_ptr_array_index (analysis->findings, i);

      g_test_message ("finding %s %s: %s", f->rule, f->element_id, f->message);
      if (g_str_equal (f->rule, rule))
        {
          g_assert_cmpint (f->severity, ==, EYL_SEVERITY_INFO);
          n++;
        }
    }
  return n;
}

static EylPageAnalysis *
analyse_with_kit (EylPageData *page,
                  EylBrandKit *kit)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EylPlacementSet) set = eyl_placement_set_new_default (warnings);
  EylAnalysisOptions options;

  eyl_analysis_options_init (&options);
  options.placements = set;
  options.placement = eyl_placement_set_lookup (set, "poster-wall");
  g_assert_nonnull (options.placement);
  options.brand_kit = kit;
  return eyl_analyse_page (page, &options);
}

/* A poster whose brand name is printed in @brand_color. */
static EylPageData *
make_poster (guint32 brand_color)
{
  const EylFixtureText texts[] = {
    { 40, 120, 60, "Fresh tea every day", 0x202020 },
    { 40, 260, 48, "Northwind", brand_color },
    { 40, 700, 28, "www.northwind-tea.example", 0x202020 },
  };
  EylFixturePage   page = { .width_pt = 842, .height_pt = 1191 };
  g_autofree char *name = g_strdup_printf ("poster-%06x.pdf", brand_color);
  g_autofree char *path = eyl_fixture_pdf (name, &page, texts, G_N_ELEMENTS (texts));
  g_autoptr(GError) error = NULL;
  g_autoptr(EylDocument) doc = eyl_document_open (path, NULL, NULL, &error);
  EylPageData *data;

  g_assert_no_error (error);
  data = eyl_document_get_page_data (doc, 0, NULL, &error);
  g_assert_no_error (error);
  return data;
}

/* The text's fonts against the kit's: a note naming the font when the
 * kit lists other fonts, none when it lists the page's font, none
 * without fonts in the kit or without a kit. */
static void
test_off_brand_font (void)
{
  g_autoptr(EylPageData) page = make_poster (0x1B5E20);
  g_autoptr(EylBrandKit) kit = eyl_brand_kit_new ();
  g_autoptr(EylPageAnalysis) analysis = NULL;
  g_autofree char *family = NULL;
  EylFinding      *note = NULL;

  g_strfreev (kit->names);
  kit->names = g_strsplit ("Northwind", ";", -1);
  g_assert_cmpuint (page->runs->len, >, 0);
  family = eyl_brand_font_family_of (g_array_index (page->runs, EylTextRun, 0).font_name);
  g_test_message ("the page's font: %s", family);

  analysis = analyse_with_kit (page, NULL);
  g_assert_cmpuint (count_rule (analysis, "off-brand-font"), ==, 0);
  g_clear_pointer (&analysis, eyl_page_analysis_unref);
  analysis = analyse_with_kit (page, kit);
  g_assert_cmpuint (count_rule (analysis, "off-brand-font"), ==, 0);
  g_clear_pointer (&analysis, eyl_page_analysis_unref);

  eyl_brand_kit_add_font (kit, "Playfair Display", EYL_BRAND_FONT_HEADLINE);
  analysis = analyse_with_kit (page, kit);
  g_assert_cmpuint (count_rule (analysis, "off-brand-font"), ==, 1);
  for (guint i = 0; i < analysis->findings->len; i++)
    if (g_str_equal (((EylFinding *) g_ptr_array_index (analysis->findings, i))->rule, "off-brand-font"))
      note = g_ptr_array_index (analysis->findings, i);
  g_assert_nonnull (strstr (note->message, family));
  g_assert_nonnull (strstr (note->message, "Playfair Display"));
  /* The headline, the brand name and the website: all three named. */
  g_assert_nonnull (strstr (note->message, "Fresh tea"));
  g_assert_nonnull (strstr (note->message, "Northwind"));
  g_clear_pointer (&analysis, eyl_page_analysis_unref);

  eyl_brand_kit_add_font (kit, family, EYL_BRAND_FONT_ANY);
  analysis = analyse_with_kit (page, kit);
  g_assert_cmpuint (count_rule (analysis, "off-brand-font"), ==, 0);
}

/* The brand name's colour against the kit's: another hue is noted,
 * a near match, black or white are not. */
static void
test_off_brand_colour (void)
{
  g_autoptr(EylBrandKit) kit = eyl_brand_kit_new ();
  const struct
  {
    guint32 color;
    guint   notes;
  } cases[] = {
    { 0xAA3300, 1 },
    { 0x1C5F21, 0 },
    { 0x000000, 0 },
    { 0x8E244D, 0 },
  };

  g_strfreev (kit->names);
  kit->names = g_strsplit ("Northwind", ";", -1);
  eyl_brand_kit_add_color (kit, "Northwind green", 0x1B5E20, "Pantone 356 C");
  eyl_brand_kit_add_color (kit, "Berry", 0x8E244D, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(EylPageData) page = make_poster (cases[i].color);
      g_autoptr(EylPageAnalysis) analysis = analyse_with_kit (page, kit);
      g_autoptr(EylPageAnalysis) no_kit = analyse_with_kit (page, NULL);

      g_test_message ("brand name in #%06x", cases[i].color);
      g_assert_cmpuint (count_rule (analysis, "off-brand-colour"), ==, cases[i].notes);
      g_assert_cmpuint (count_rule (no_kit, "off-brand-colour"), ==, 0);
    }
}

/* Reports name the kit's colours and fonts. */
static void
test_style_report (void)
{
  g_autoptr(EylReport) report = eyl_report_new ();
  g_autoptr(EylBrandKit) kit = eyl_brand_kit_new ();
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;

  eyl_brand_kit_add_color (kit, "Northwind green", 0x1B5E20, "Pantone 356 C");
  eyl_brand_kit_add_font (kit, "Playfair Display", EYL_BRAND_FONT_HEADLINE);
  kit->source_file = g_strdup ("/somewhere/Client A.ini");
  report->brand_kit = eyl_brand_kit_ref (kit);
  json = eyl_report_format_json (report);
  g_assert_nonnull (strstr (json, "\"brand_kit\""));
  g_assert_nonnull (strstr (json, "\"#1B5E20\""));
  g_assert_nonnull (strstr (json, "\"Pantone 356 C\""));
  g_assert_nonnull (strstr (json, "\"headline\""));
  g_assert_nonnull (strstr (json, "\"Client A\""));
  text = eyl_report_format_text (report, FALSE);
  g_assert_nonnull (strstr (text, "“Client A”"));
  g_assert_nonnull (strstr (text, "Northwind green #1B5E20 (Pantone 356 C)"));
  g_assert_nonnull (strstr (text, "Playfair Display (headline)"));
}

/* A deleted kit is forgotten by the documents that remembered it; a
 * renamed one is remembered under its new name. */
static void
test_remembered_follow (void)
{
  g_autofree char *name = NULL;

  g_assert_true (eyl_brand_kit_remember ("file:///tmp/r1.pdf", "Old", NULL));
  g_assert_true (eyl_brand_kit_remember ("file:///tmp/r2.pdf", "Gone", NULL));
  g_assert_true (eyl_brand_kit_remember ("file:///tmp/r3.pdf", "Other", NULL));
  g_assert_true (eyl_brand_kit_rename_remembered ("Old", "New", NULL));
  g_assert_true (eyl_brand_kit_rename_remembered ("Gone", NULL, NULL));
  name = eyl_brand_kit_dup_remembered ("file:///tmp/r1.pdf");
  g_assert_cmpstr (name, ==, "New");
  g_clear_pointer (&name, g_free);
  g_assert_null (eyl_brand_kit_dup_remembered ("file:///tmp/r2.pdf"));
  name = eyl_brand_kit_dup_remembered ("file:///tmp/r3.pdf");
  g_assert_cmpstr (name, ==, "Other");
  for (guint i = 1; i <= 3; i++)
    {
      g_autofree char *uri = g_strdup_printf ("file:///tmp/r%u.pdf", i);

      g_assert_true (eyl_brand_kit_remember (uri, NULL, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Named kits live in the user's configuration: a folder of this run's. */
  g_autofree char *config_home = g_dir_make_tmp ("eyl-brand-kit-XXXXXX", NULL);

  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
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
  ADD ("/eyl/brand-kit/messages", test_messages);
  ADD ("/eyl/brand-kit/unreadable-kit", test_unreadable_kit);
  ADD ("/eyl/brand-kit/not-utf8", test_not_utf8);
  ADD ("/eyl/brand-kit/logo-kinds", test_logo_kinds);
  ADD ("/eyl/brand-kit/save-atomic", test_save_atomic);
  ADD ("/eyl/brand-kit/save-interrupted", test_save_interrupted);
  ADD ("/eyl/brand-kit/logos-key", test_logos_key);
  g_test_add_func ("/eyl/brand-kit/named-kits", test_named_kits);
  ADD ("/eyl/brand-kit/style-round-trip", test_style_round_trip);
  ADD ("/eyl/brand-kit/style-errors", test_style_errors);
  g_test_add_func ("/eyl/brand-kit/delta-e", test_delta_e);
  g_test_add_func ("/eyl/brand-kit/off-brand-font", test_off_brand_font);
  g_test_add_func ("/eyl/brand-kit/off-brand-colour", test_off_brand_colour);
  g_test_add_func ("/eyl/brand-kit/style-report", test_style_report);
  g_test_add_func ("/eyl/brand-kit/remembered-follow", test_remembered_follow);

#undef ADD

  return g_test_run ();
}
