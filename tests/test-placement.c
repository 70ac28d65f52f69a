/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-placement.c: the preset files, the loader's errors, user files,
 * "auto" and scale detection. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "eyl-placement.h"
#include "eyl-options.h"
#include "eyl-geometry.h"
#include "eyl-error.h"

static const char *const builtin_ids[] = {
  "rollup-behind-table",
  "rollup-free-standing",
  "flag",
  "tabletop-banner",
  "backdrop-wall",
  "poster-wall",
  "leaflet-rack",
  "sticker",
  "shelf-top",
  "shelf-eye",
  "shelf-hand",
  "shelf-ground",
};

/* Every key a preset file must spell out, so each number carries its source. */
static const char *const all_keys[] = {
  "id",
  "name",
  "description",
  "kind",
  "sizes_mm",
  "bottom_mm",
  "centre_mm",
  "hidden_bottom_mm",
  "hidden_top_mm",
  "visible_top_fraction",
  "safe_margin_mm",
  "table_height_mm",
  "table_objects_mm",
  "table_gap_mm",
  "crowd_height_mm",
  "crowd_gap_mm",
  "crowd_distance_m",
  "distance_m",
  "scan_distance_m",
  "eye_min_mm",
  "eye_max_mm",
  "eye_zone_deg",
  "sight_line_deg",
  "hidden_threshold",
  "needs_reach",
  "reach_min_mm",
  "reach_max_mm",
};

/* A valid minimal file; the error tests break one line of it. */
static const char minimal[] =
    "[Placement]\n"
    "id=test-minimal\n"
    "kind=poster\n"
    "sizes_mm=500x700\n"
    "distance_m=2\n"
    "eye_min_mm=1405\n"
    "eye_max_mm=1825\n";

static double
pt (double mm)
{
  return mm / EYL_MM_PER_PT;
}

static char *
write_temp (const char *name,
            const char *contents)
{
  g_autofree char *dir = g_dir_make_tmp ("eyl-placement-XXXXXX", NULL);
  char            *path;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_builtins (void)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EylPlacementSet) set = eyl_placement_set_new_default (warnings);
  g_autoptr(GPtrArray) list = eyl_placement_set_list (set);

  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (builtin_ids));

  for (guint i = 0; i < G_N_ELEMENTS (builtin_ids); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/placements/%s.ini",
                                               RESOURCE_BASE, builtin_ids[i]);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
      g_autoptr(GKeyFile) keyfile = g_key_file_new ();
      EylPlacement *p = eyl_placement_set_lookup (set, builtin_ids[i]);
      EylPlacement *listed = g_ptr_array_index (list, i);

      g_test_message ("%s", builtin_ids[i]);
      g_assert_nonnull (p);
      /* Listed in the fixed order. */
      g_assert_true (listed == p);
      g_assert_cmpstr (p->id, ==, builtin_ids[i]);
      g_assert_cmpstr (p->source_file, ==, path);

      g_assert_nonnull (bytes);
      g_assert_true (g_key_file_load_from_bytes (keyfile, bytes,
                                                 G_KEY_FILE_KEEP_TRANSLATIONS, NULL));
      for (guint k = 0; k < G_N_ELEMENTS (all_keys); k++)
        {
          if (!g_key_file_has_key (keyfile, "Placement", all_keys[k], NULL))
            g_test_message ("%s lacks %s", builtin_ids[i], all_keys[k]);
          g_assert_true (g_key_file_has_key (keyfile, "Placement", all_keys[k], NULL));
        }
      /* Names are translatable (a German one at least) and not the id. */
      g_assert_true (g_key_file_has_key (keyfile, "Placement", "name[de]", NULL));
      g_assert_cmpstr (p->name, !=, p->id);
      g_assert_cmpuint (strlen (p->description), >, 10);

      /* The population band of DESIGN.md 3.1 and sane numbers. */
      g_assert_cmpfloat_with_epsilon (p->eye_min_mm, 1405, 1e-9);
      g_assert_cmpfloat_with_epsilon (p->eye_max_mm, 1825, 1e-9);
      g_assert_cmpuint (p->sizes->len, >, 0);
      g_assert_cmpfloat (p->distance_m, >, 0);
      g_assert_cmpfloat (p->scan_distance_m, >, 0);
      g_assert_cmpfloat (p->hidden_threshold, >, 0);
      g_assert_cmpfloat (p->hidden_threshold, <=, 1);
    }
}

static void
test_rollup_numbers (void)
{
  g_autoptr(EylPlacementSet) set = eyl_placement_set_new_default (NULL);
  EylPlacement    *p = eyl_placement_set_lookup (set, "rollup-behind-table");
  EylPlacement    *poster = eyl_placement_set_lookup (set, "poster-wall");
  EylPlacement    *rack = eyl_placement_set_lookup (set, "leaflet-rack");
  EylPlacement    *free_standing = eyl_placement_set_lookup (set, "rollup-free-standing");
  const EylSizeMm *first;
  gboolean         has_us = FALSE;

  g_assert_nonnull (p);
  g_assert_cmpint (p->kind, ==, EYL_PLACEMENT_ROLLUP);
  first = &g_array_index (p->sizes, EylSizeMm, 0);
  g_assert_cmpfloat_with_epsilon (first->width_mm, 850, 1e-9);
  g_assert_cmpfloat_with_epsilon (first->height_mm, 2000, 1e-9);
  /* US 33 × 80 in = 838.2 × 2032 mm */
  for (guint i = 0; i < p->sizes->len; i++)
    {
      const EylSizeMm *s = &g_array_index (p->sizes, EylSizeMm, i);
      if (fabs (s->width_mm - 838.2) < 0.01 && fabs (s->height_mm - 2032) < 0.01)
        has_us = TRUE;
    }
  g_assert_true (has_us);
  g_assert_cmpfloat_with_epsilon (p->bottom_mm, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (p->hidden_bottom_mm, 175, 1e-9);
  g_assert_cmpfloat_with_epsilon (p->hidden_top_mm, 20, 1e-9);
  g_assert_cmpfloat_with_epsilon (p->table_height_mm, 750, 1e-9);
  g_assert_cmpfloat_with_epsilon (p->table_objects_mm, 250, 1e-9);
  g_assert_cmpfloat_with_epsilon (p->table_gap_mm, 650, 1e-9);
  g_assert_cmpfloat_with_epsilon (p->distance_m, 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (p->hidden_threshold, 0.5, 1e-9);

  g_assert_cmpfloat_with_epsilon (free_standing->table_height_mm, 0, 1e-9);
  g_assert_cmpfloat (free_standing->crowd_height_mm, >, 0);
  g_assert_cmpfloat_with_epsilon (poster->centre_mm, 1450, 1e-9);
  g_assert_cmpfloat (rack->visible_top_fraction, <, 0.5);

  /* Shelves: bottom at the shelf level, each in its band. */
  g_assert_cmpfloat (eyl_placement_set_lookup (set, "shelf-top")->bottom_mm, >, 1600);
  g_assert_cmpfloat (eyl_placement_set_lookup (set, "shelf-eye")->bottom_mm, >=, 1250);
  g_assert_cmpfloat (eyl_placement_set_lookup (set, "shelf-hand")->bottom_mm, >=, 800);
  g_assert_cmpfloat (eyl_placement_set_lookup (set, "shelf-ground")->bottom_mm, <, 800);
  /* The shelf-edge strip is no fixed band: it hides by the line of sight. */
  g_assert_cmpfloat_with_epsilon (eyl_placement_set_lookup (set, "shelf-eye")->hidden_bottom_mm,
                                  0, 1e-9);
  g_assert_cmpfloat (eyl_placement_set_lookup (set, "shelf-eye")->strip_height_mm, >, 0);
}

/* On the shelf, the band nobody sees is what the strip hides from the
 * tallest visitor: an 85 mm pack face on the eye-level shelf (deck
 * 1300 mm, strip top 10 mm above it, 10 mm in front of the face, P95 eye
 * 1825 mm at 1 m) loses 10 − 515 · 10 / 990 = 4.8 mm, not 35 mm. */
static void
test_shelf_strip_band (void)
{
  g_autoptr(EylPlacementSet) set = eyl_placement_set_new_default (NULL);
  EylPlacement *eye = eyl_placement_set_lookup (set, "shelf-eye");
  g_autoptr(EylPlacement) piece = NULL;

  g_assert_nonnull (eye);
  g_assert_cmpfloat_with_epsilon (eye->strip_height_mm, 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (eye->strip_gap_mm, 10, 1e-9);
  piece = eyl_placement_for_piece (eye, 85, 85, 0, FALSE);
  g_assert_cmpfloat_with_epsilon (piece->hidden_bottom_mm, 10 - 515.0 * 10 / 990, 1e-6);
  g_assert_cmpfloat (piece->hidden_bottom_mm, <, eye->strip_height_mm);
}

static void
test_translated_name (void)
{
  g_autofree char *path = g_strdup_printf ("%s/placements/rollup-behind-table.ini",
                                           RESOURCE_BASE);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(EylPlacement) en = NULL;
  g_autoptr(EylPlacement) de = NULL;
  g_autofree char *old = g_strdup (g_getenv ("LANGUAGE"));

  g_assert_true (g_key_file_load_from_bytes (keyfile, bytes,
                                             G_KEY_FILE_KEEP_TRANSLATIONS, NULL));
  en = eyl_placement_new_from_keyfile (keyfile, path, NULL);
  g_setenv ("LANGUAGE", "de", TRUE);
  de = eyl_placement_new_from_keyfile (keyfile, path, NULL);
  if (old != NULL)
    g_setenv ("LANGUAGE", old, TRUE);
  else
    g_unsetenv ("LANGUAGE");

  g_assert_nonnull (en);
  g_assert_nonnull (de);
  g_assert_cmpstr (en->name, ==, "Roll-up banner behind a table");
  g_assert_cmpstr (de->name, ==, "Roll-up-Banner hinter einem Tisch");
}

/* Loads @contents as a file and expects a CONFIG error naming the file,
 * @key and @detail (may be NULL). */
static void
expect_error (const char *contents,
              const char *key,
              const char *detail)
{
  g_autofree char *path = write_temp ("broken.ini", contents);
  g_autoptr(GError) error = NULL;
  g_autoptr(EylPlacement) p = eyl_placement_new_from_file (path, &error);

  g_assert_null (p);
  g_assert_error (error, EYL_ERROR, EYL_ERROR_CONFIG);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  if (key != NULL)
    g_assert_nonnull (strstr (error->message, key));
  if (detail != NULL)
    g_assert_nonnull (strstr (error->message, detail));
  remove_temp (path);
}

static char *
replace_line (const char *prefix,
              const char *line)
{
  g_auto(GStrv) lines = g_strsplit (minimal, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0')
        continue;
      if (g_str_has_prefix (lines[i], prefix))
        {
          if (line != NULL)
            g_string_append_printf (out, "%s\n", line);
        }
      else
        g_string_append_printf (out, "%s\n", lines[i]);
    }
  return g_string_free (out, FALSE);
}

static void
test_errors (void)
{
  g_autofree char *ok_path = write_temp ("ok.ini", minimal);
  g_autoptr(GError) error = NULL;
  g_autoptr(EylPlacement) ok = eyl_placement_new_from_file (ok_path, &error);
  const char *required[] = { "id=", "kind=", "sizes_mm=", "distance_m=",
                             "eye_min_mm=", "eye_max_mm=" };

  /* The minimal file is valid and optional keys take their defaults. */
  g_assert_no_error (error);
  g_assert_nonnull (ok);
  g_assert_cmpstr (ok->name, ==, "test-minimal");
  g_assert_cmpfloat_with_epsilon (ok->hidden_threshold, 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (ok->visible_top_fraction, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ok->table_height_mm, 0, 1e-9);
  remove_temp (ok_path);

  /* Each required key, missing. */
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      g_autofree char *contents = replace_line (required[i], NULL);
      g_autofree char *key = g_strndup (required[i], strlen (required[i]) - 1);

      expect_error (contents, key, "missing");
    }

  /* Wrong types. */
  {
    g_autofree char *c1 = replace_line ("distance_m=", "distance_m=far");
    g_autofree char *c2 = g_strconcat (minimal, "needs_reach=maybe\n", NULL);
    g_autofree char *c3 = g_strconcat (minimal, "table_height_mm=750mm\n", NULL);
    g_autofree char *c4 = replace_line ("kind=", "kind=billboard");
    g_autofree char *c5 = replace_line ("sizes_mm=", "sizes_mm=850 by 2000");

    expect_error (c1, "distance_m", "far");
    expect_error (c2, "needs_reach", "maybe");
    expect_error (c3, "table_height_mm", "750mm");
    expect_error (c4, "kind", "billboard");
    expect_error (c5, "sizes_mm", "850 by 2000");
  }

  /* Negative or absurd numbers. */
  {
    g_autofree char *c1 = replace_line ("sizes_mm=", "sizes_mm=850x2000;-850x2000");
    g_autofree char *c2 = g_strconcat (minimal, "table_gap_mm=-10\n", NULL);
    g_autofree char *c3 = g_strconcat (minimal, "hidden_threshold=1.5\n", NULL);
    g_autofree char *c4 = replace_line ("eye_min_mm=", "eye_min_mm=1900");
    g_autofree char *c5 = replace_line ("distance_m=", "distance_m=0");
    g_autofree char *c6 = g_strconcat (minimal, "visible_top_fraction=0\n", NULL);
    g_autofree char *c7 = replace_line ("id=", "id=auto");

    expect_error (c1, "sizes_mm", "-850x2000");
    expect_error (c2, "table_gap_mm", "negative");
    expect_error (c3, "hidden_threshold", "1.5");
    expect_error (c4, "eye_min_mm", "eye_max_mm");
    expect_error (c5, "distance_m", NULL);
    expect_error (c6, "visible_top_fraction", NULL);
    expect_error (c7, "id", "auto");
  }

  /* No [Placement] group; not a key file at all. */
  expect_error ("[Banner]\nid=x\n", "[Placement]", NULL);
  expect_error ("\x89PNG\r\n\x1a\n", NULL, NULL);

  /* A file that does not exist. */
  g_clear_error (&error);
  g_assert_null (eyl_placement_new_from_file ("/nonexistent/eyl.ini", &error));
  g_assert_error (error, EYL_ERROR, EYL_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "/nonexistent/eyl.ini"));
}

/* Every error reads "FILE: [Placement] KEY: PROBLEM" (or "FILE: PROBLEM"
 * when no key is to blame), one printable line: the exact wording, for
 * each kind of problem. */
static void
expect_message (const char *contents,
                const char *message)
{
  g_autofree char *path = write_temp ("broken.ini", contents);
  g_autofree char *expected = g_strdup_printf ("%s: %s", path, message);
  g_autoptr(GError) error = NULL;
  g_autoptr(EylPlacement) p = eyl_placement_new_from_file (path, &error);

  g_assert_null (p);
  g_assert_error (error, EYL_ERROR, EYL_ERROR_CONFIG);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_null (strchr (error->message, '\n'));
  remove_temp (path);
}

static void
test_messages (void)
{
  const struct
  {
    const char *prefix; /* line of the minimal file to replace, or NULL to add */
    const char *line;   /* NULL: remove it */
    const char *message;
  } cases[] = {
    /* A missing key. */
    { "distance_m=", NULL, "[Placement] distance_m: missing required key" },
    { "kind=", NULL, "[Placement] kind: missing required key" },
    /* Not a number, NaN, infinities, empty. */
    { "distance_m=", "distance_m=far", "[Placement] distance_m: “far” is not a number" },
    { "distance_m=", "distance_m=nan", "[Placement] distance_m: “nan” is not a number" },
    { "distance_m=", "distance_m=NaN", "[Placement] distance_m: “NaN” is not a number" },
    { "distance_m=", "distance_m=inf", "[Placement] distance_m: “inf” is not a number" },
    { "eye_min_mm=", "eye_min_mm=-infinity", "[Placement] eye_min_mm: “-infinity” is not a number" },
    { "distance_m=", "distance_m=", "[Placement] distance_m: “” is not a number" },
    { NULL, "table_height_mm=1e999", "[Placement] table_height_mm: “1e999” is not a number" },
    /* Wrong type. */
    { NULL, "needs_reach=maybe", "[Placement] needs_reach: “maybe” is not true or false" },
    /* Negative and absurd sizes. */
    { NULL, "table_gap_mm=-10", "[Placement] table_gap_mm: -10 is negative" },
    { NULL, "hidden_threshold=1.5", "[Placement] hidden_threshold: 1.5 is out of range (0 to 1)" },
    { "sizes_mm=", "sizes_mm=-500x700", "[Placement] sizes_mm: “-500x700” is not a positive size" },
    { "sizes_mm=", "sizes_mm=nanx700", "[Placement] sizes_mm: “nanx700” is not a size like 850x2000" },
    { "sizes_mm=", "sizes_mm=500x700x9", "[Placement] sizes_mm: “500x700x9” is not a size like 850x2000" },
    { "sizes_mm=", "sizes_mm=;", "[Placement] sizes_mm: no size given" },
    /* An unknown kind (preset type). */
    { "kind=", "kind=billboard",
      "[Placement] kind: “billboard” is not one of rollup, tabletop, backdrop, poster, leaflet, shelf" },
    /* Typos are not silently ignored. */
    { NULL, "distanse_m=3", "[Placement] distanse_m: unknown key" },
    { NULL, "distance_m[de]=3", "[Placement] distance_m[de]: only name and description can be translated" },
    { NULL, "[Viewers]\ndistance_m=3", "unknown group [Viewers]; a placement file has only [Placement]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *contents = cases[i].prefix != NULL
                                      ? replace_line (cases[i].prefix, cases[i].line)
                                      : g_strconcat (minimal, cases[i].line, "\n", NULL);

      g_test_message ("%s", cases[i].message);
      expect_message (contents, cases[i].message);
    }

  expect_message ("[Banner]\nid=x\n", "no [Placement] group; a placement file needs one");
}

/* Bytes that are not UTF-8: the key is named as unreadable (not "missing"),
 * and the message is valid UTF-8. */
static void
test_not_utf8 (void)
{
  const struct
  {
    const char *prefix, *line, *key;
  } cases[] = {
    { "id=", "id=test-\xff", "[Placement] id: cannot be read" },
    { "kind=", "kind=post\xc3r", "[Placement] kind: cannot be read" },
    { "sizes_mm=", "sizes_mm=500x700;\xfe", "[Placement] sizes_mm: cannot be read" },
    { NULL, "name=Poster \xff", "[Placement] name: cannot be read" },
    { NULL, "name[de]=Plakat \xff", "[Placement] name[de]: cannot be read" },
    { NULL, "description=\xff", "[Placement] description: cannot be read" },
    { "distance_m=", "distance_m=2\xff", "[Placement] distance_m: “2\xef\xbf\xbd” is not a number" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *contents = cases[i].prefix != NULL
                                      ? replace_line (cases[i].prefix, cases[i].line)
                                      : g_strconcat (minimal, cases[i].line, "\n", NULL);
      g_autofree char *path = write_temp ("broken.ini", contents);
      g_autoptr(GError) error = NULL;
      g_autoptr(EylPlacement) p = eyl_placement_new_from_file (path, &error);

      g_assert_null (p);
      g_assert_error (error, EYL_ERROR, EYL_ERROR_CONFIG);
      g_test_message ("%s", error->message);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_true (g_str_has_prefix (error->message, path));
      g_assert_nonnull (strstr (error->message, cases[i].key));
      remove_temp (path);
    }
}

/* Translated names are still read, in the user's language. */
static void
test_translated_keys (void)
{
  g_autofree char *contents = g_strconcat (minimal, "name=Poster\nname[de]=Plakat\n"
                                                    "description=On a wall\ndescription[de]=An der Wand\n",
                                           NULL);
  g_autofree char *path = write_temp ("ok.ini", contents);
  g_autoptr(GError) error = NULL;
  g_autoptr(EylPlacement) p = eyl_placement_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (p);
  g_assert_cmpstr (p->name, ==, "Poster");
  g_assert_cmpstr (p->description, ==, "On a wall");
  remove_temp (path);
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (eyl_placement_new_from_file ("/nonexistent/eyl.ini", &error));
  g_assert_error (error, EYL_ERROR, EYL_ERROR_CONFIG);
  g_assert_cmpstr (error->message, ==,
                   "/nonexistent/eyl.ini: cannot read the placement file: No such file or directory");
}

static void
test_user_files (void)
{
  /* main() points XDG_CONFIG_HOME at a fresh folder of this process. */
  g_autofree char *dir = g_build_filename (g_get_user_config_dir (),
                                           "eyeline", "placements", NULL);
  g_autofree char *override = g_build_filename (dir, "my-rollup.ini", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.ini", NULL);
  g_autofree char *extra = g_build_filename (dir, "kiosk.ini", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EylPlacementSet) set = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cli_path = NULL;
  EylPlacement    *p;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  contents = g_strconcat ("[Placement]\n"
                          "id=rollup-behind-table\n"
                          "name=Our roll-up at the fair\n"
                          "kind=rollup\n"
                          "sizes_mm=850x2000\n"
                          "table_height_mm=760\n"
                          "distance_m=3.5\n"
                          "eye_min_mm=1405\n"
                          "eye_max_mm=1825\n",
                          NULL);
  g_assert_true (g_file_set_contents (override, contents, -1, NULL));
  g_assert_true (g_file_set_contents (broken, "[Placement]\nid=broken\n", -1, NULL));
  g_assert_true (g_file_set_contents (extra,
                                      "[Placement]\nid=kiosk\nkind=poster\n"
                                      "sizes_mm=500x1500\ndistance_m=1\n"
                                      "eye_min_mm=1100\neye_max_mm=1825\n",
                                      -1, NULL));

  set = eyl_placement_set_new_default (warnings);

  /* The broken file is a warning naming it, never fatal. */
  g_assert_cmpuint (warnings->len, ==, 1);
  g_test_message ("%s", (char *) g_ptr_array_index (warnings, 0));
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), broken));

  /* The user's rollup-behind-table replaces the built-in, in its place. */
  p = eyl_placement_set_lookup (set, "rollup-behind-table");
  g_assert_nonnull (p);
  g_assert_cmpfloat_with_epsilon (p->distance_m, 3.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (p->table_height_mm, 760, 1e-9);
  g_assert_cmpstr (p->name, ==, "Our roll-up at the fair");
  g_assert_cmpstr (p->source_file, ==, override);

  list = eyl_placement_set_list (set);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (builtin_ids) + 1);
  g_assert_true (g_ptr_array_index (list, 0) == p);
  g_assert_cmpstr (((EylPlacement *) g_ptr_array_index (list, G_N_ELEMENTS (builtin_ids)))->id,
                   ==, "kiosk");
  g_assert_null (eyl_placement_set_lookup (set, "broken"));

  /* --placement-file: add_file replaces by id too. */
  cli_path = write_temp ("cli.ini",
                         "[Placement]\nid=kiosk\nkind=poster\nsizes_mm=500x1500\n"
                         "distance_m=0.8\neye_min_mm=1100\neye_max_mm=1825\n");
  g_assert_true (eyl_placement_set_add_file (set, cli_path, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (eyl_placement_set_lookup (set, "kiosk")->distance_m,
                                  0.8, 1e-9);
  g_assert_false (eyl_placement_set_add_file (set, broken, &error));
  g_assert_error (error, EYL_ERROR, EYL_ERROR_CONFIG);
  remove_temp (cli_path);

  g_unlink (override);
  g_unlink (broken);
  g_unlink (extra);
  g_rmdir (dir);
}

static void
check_auto (EylPlacementSet *set,
            double           w,
            double           h,
            const char      *expected_id,
            const char      *expected_words)
{
  g_autofree char *reason = NULL;
  g_autoptr(EylPlacement) p = eyl_placement_set_choose_auto (set, w, h, &reason);

  g_test_message ("%g × %g → %s: %s", w, h, p ? p->id : "(none)", reason);
  g_assert_nonnull (p);
  g_assert_cmpstr (p->id, ==, expected_id);
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, expected_words));
}

static void
test_auto (void)
{
  g_autoptr(EylPlacementSet) set = eyl_placement_set_new_default (NULL);

  check_auto (set, 850, 2000, "rollup-behind-table", "850 × 2000 mm");
  check_auto (set, 1500, 2000, "rollup-behind-table", "roll-up");
  check_auto (set, 3000, 2300, "backdrop-wall", "3000 × 2300 mm");
  check_auto (set, 381, 787.4, "tabletop-banner", "table-top");
  check_auto (set, 594, 841, "poster-wall", "poster");
  check_auto (set, 297, 420, "poster-wall", "A3");
  check_auto (set, 210, 297, "leaflet-rack", "210 × 297 mm");
  check_auto (set, 148, 210, "leaflet-rack", "leaflet");
  check_auto (set, 99, 210, "leaflet-rack", "leaflet");
  /* Postcards go into the rack too; stickers are stickers; a banner
   * narrower than a roll-up (1:3.4) is a flag. */
  check_auto (set, 105, 148, "leaflet-rack", "postcard");
  check_auto (set, 150, 150, "leaflet-rack", "postcard");
  check_auto (set, 85, 55, "sticker", "85 × 55 mm");
  check_auto (set, 95, 95, "sticker", "sticker");
  check_auto (set, 650, 2200, "flag", "flag");
  check_auto (set, 120, 90, "shelf-eye", "120 × 90 mm");
}

static void
check_scale (const EylPlacement *p,
             EylPlacementSet    *set,
             double              page_w_mm,
             double              page_h_mm,
             double              want_w,
             double              want_h,
             double              want_scale,
             EylScaleSource      want_source)
{
  double         w = 0, h = 0, scale = 0;
  EylScaleSource source = -1;

  if (p != NULL)
    eyl_placement_resolve_size (p, pt (page_w_mm), pt (page_h_mm), NULL,
                                &w, &h, &scale, &source);
  else
    eyl_placement_set_resolve_size (set, pt (page_w_mm), pt (page_h_mm), NULL,
                                    &w, &h, &scale, &source);
  g_test_message ("%g × %g mm page → %g × %g mm, scale %g (%s)",
                  page_w_mm, page_h_mm, w, h, scale,
                  eyl_scale_source_to_string (source));
  g_assert_cmpfloat_with_epsilon (w, want_w, 1e-6);
  g_assert_cmpfloat_with_epsilon (h, want_h, 1e-6);
  g_assert_cmpfloat_with_epsilon (scale, want_scale, 1e-9);
  g_assert_cmpint (source, ==, want_source);
}

static void
test_scale (void)
{
  g_autoptr(EylPlacementSet) set = eyl_placement_set_new_default (NULL);
  EylPlacement         *rollup = eyl_placement_set_lookup (set, "rollup-behind-table");
  EylPlacement         *poster = eyl_placement_set_lookup (set, "poster-wall");
  EylPlacementOverrides over;
  double                w, h, scale;
  EylScaleSource        source;

  /* 1:10 banner: an 85 × 200 mm page is 850 × 2000 mm. */
  check_scale (rollup, NULL, 85, 200, 850, 2000, 0.1, EYL_SCALE_DETECTED);
  /* 1:2 and 1:4 */
  check_scale (rollup, NULL, 425, 1000, 850, 2000, 0.5, EYL_SCALE_DETECTED);
  check_scale (rollup, NULL, 212.5, 500, 850, 2000, 0.25, EYL_SCALE_DETECTED);
  /* 1:5 of the 1000 mm wide roll-up, 1 % off: the page's own size × 5. */
  check_scale (rollup, NULL, 202, 400, 1010, 2000, 0.2, EYL_SCALE_DETECTED);
  /* Landscape page of a portrait banner: either orientation matches. */
  check_scale (rollup, NULL, 200, 85, 2000, 850, 0.1, EYL_SCALE_DETECTED);
  /* 1:1 stays 1:1. */
  check_scale (rollup, NULL, 850, 2000, 850, 2000, 1.0, EYL_SCALE_PAGE);
  /* 6 % off the nominal heights is no exact fraction: 85 × 212 mm stays
   * (2120 mm is 4 % over the US 2032 mm, 6 % over 2000 mm). */
  check_scale (rollup, NULL, 85, 212, 85, 212, 1.0, EYL_SCALE_PAGE);
  /* A4 is no fraction of anything, even for a poster (A4 × 2 = A2). */
  check_scale (rollup, NULL, 210, 297, 210, 297, 1.0, EYL_SCALE_PAGE);
  check_scale (poster, NULL, 210, 297, 210, 297, 1.0, EYL_SCALE_PAGE);
  check_scale (NULL, set, 210, 297, 210, 297, 1.0, EYL_SCALE_PAGE);

  /* "auto" looks at every preset: a 300 × 230 mm page is a 1:10 backdrop,
   * an 85 × 200 mm page a 1:10 roll-up. */
  check_scale (NULL, set, 300, 230, 3000, 2300, 0.1, EYL_SCALE_DETECTED);
  check_scale (NULL, set, 85, 200, 850, 2000, 0.1, EYL_SCALE_DETECTED);
  check_scale (NULL, set, 85, 55, 85, 55, 1.0, EYL_SCALE_PAGE);

  /* The user's size wins ... */
  eyl_placement_overrides_init (&over);
  over.size_w_mm = 850;
  over.size_h_mm = 2000;
  eyl_placement_resolve_size (rollup, pt (85), pt (200), &over, &w, &h, &scale, &source);
  g_assert_false (eyl_placement_size_fitted (pt (85), pt (200), &over));
  g_assert_cmpfloat_with_epsilon (w, 850, 1e-9);
  g_assert_cmpfloat_with_epsilon (h, 2000, 1e-9);
  g_assert_cmpfloat_with_epsilon (scale, 0.1, 1e-9);
  g_assert_cmpint (source, ==, EYL_SCALE_USER);
  /* ... but never stretches the page: 1000 × 2000 for an 85 × 200 page is
   * fitted evenly inside, 850 × 2000. */
  over.size_w_mm = 1000;
  eyl_placement_resolve_size (rollup, pt (85), pt (200), &over, &w, &h, &scale, &source);
  g_assert_true (eyl_placement_size_fitted (pt (85), pt (200), &over));
  g_assert_cmpfloat_with_epsilon (w, 850, 1e-6);
  g_assert_cmpfloat_with_epsilon (h, 2000, 1e-6);
  g_assert_cmpfloat_with_epsilon (scale, 0.1, 1e-9);
  /* Only a height: the width follows the page (85 / 200 · 1000 = 425). */
  over.size_w_mm = NAN;
  over.size_h_mm = 1000;
  eyl_placement_set_resolve_size (set, pt (85), pt (200), &over, &w, &h, &scale, &source);
  g_assert_cmpfloat_with_epsilon (w, 425, 1e-9);
  g_assert_cmpfloat_with_epsilon (h, 1000, 1e-9);
  g_assert_cmpfloat_with_epsilon (scale, 0.2, 1e-9);
  g_assert_cmpint (source, ==, EYL_SCALE_USER);

  g_assert_cmpstr (eyl_scale_source_to_string (EYL_SCALE_DETECTED), ==, "detected");
}

static void
test_overrides (void)
{
  g_autoptr(EylPlacementSet) set = eyl_placement_set_new_default (NULL);
  EylPlacement         *base = eyl_placement_set_lookup (set, "rollup-behind-table");
  EylPlacementOverrides over;
  g_autoptr(EylPlacement) same = NULL;
  g_autoptr(EylPlacement) changed = NULL;

  eyl_placement_overrides_init (&over);
  g_assert_true (isnan (over.distance_m));
  same = eyl_placement_apply_overrides (base, &over);
  g_assert_true (same != base);
  g_assert_cmpfloat_with_epsilon (same->distance_m, base->distance_m, 1e-9);
  g_assert_cmpfloat_with_epsilon (same->table_height_mm, 750, 1e-9);
  g_assert_cmpuint (same->sizes->len, ==, base->sizes->len);

  over.distance_m = 3;
  over.eye_min_mm = 1100;
  over.eye_max_mm = 1300;
  over.table_mm = 0;
  over.gap_mm = 500;
  changed = eyl_placement_apply_overrides (base, &over);
  g_assert_cmpfloat_with_epsilon (changed->distance_m, 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (changed->eye_min_mm, 1100, 1e-9);
  g_assert_cmpfloat_with_epsilon (changed->eye_max_mm, 1300, 1e-9);
  g_assert_cmpfloat_with_epsilon (changed->table_height_mm, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (changed->table_objects_mm, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (changed->table_gap_mm, 500, 1e-9);
  g_assert_cmpstr (changed->id, ==, base->id);

  /* The base is untouched. */
  g_assert_cmpfloat_with_epsilon (base->distance_m, 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (base->table_height_mm, 750, 1e-9);
}

static void
test_boxed (void)
{
  g_autoptr(EylPlacement) p = eyl_placement_new ("x", EYL_PLACEMENT_SHELF);
  g_autoptr(EylPlacement) copy = NULL;
  EylPlacement    *boxed;
  EylSizeMm        size = { 100, 150 };
  EylPlacementKind kind;

  g_array_append_val (p->sizes, size);
  copy = eyl_placement_copy (p);
  g_assert_true (copy != p);
  g_assert_true (copy->sizes != p->sizes);
  g_array_index (copy->sizes, EylSizeMm, 0).width_mm = 7;
  g_assert_cmpfloat_with_epsilon (g_array_index (p->sizes, EylSizeMm, 0).width_mm,
                                  100, 1e-9);

  boxed = g_boxed_copy (EYL_TYPE_PLACEMENT, p);
  g_assert_true (boxed == p);
  g_boxed_free (EYL_TYPE_PLACEMENT, boxed);

  g_assert_cmpstr (eyl_placement_kind_to_string (EYL_PLACEMENT_SHELF), ==, "shelf");
  g_assert_true (eyl_placement_kind_from_string ("tabletop", &kind));
  g_assert_cmpint (kind, ==, EYL_PLACEMENT_TABLETOP);
  g_assert_false (eyl_placement_kind_from_string ("billboard", &kind));
}

/* The options table (eyl-options.h): what the command line, the worker and
 * the window parse; a reversed range is refused there and never swapped
 * by eyl_placement_apply_overrides(). */
static void
test_options (void)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EylPlacementSet) set = eyl_placement_set_new_default (warnings);
  EylPlacement *base = eyl_placement_set_lookup (set, "rollup-behind-table");
  g_autoptr(EylPlacement) reversed = NULL;
  g_autoptr(EylPlacement) crowded = NULL;
  g_autoptr(GError) error = NULL;
  EylPlacementOverrides o;
  guint                 n;
  const EylOption      *all = eyl_options_get_all (&n);

  g_assert_cmpuint (n, >=, 6);
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (eyl_option_lookup (all[i].name) == &all[i]);
      g_assert_cmpfloat (all[i].min, <, all[i].max);
      g_assert_nonnull (all[i].label);
      g_assert_nonnull (all[i].problem);
    }

  eyl_placement_overrides_init (&o);
  g_assert_true (eyl_option_parse (eyl_option_lookup ("eye-mm"), "1400–1900", &o, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (o.eye_min_mm, ==, 1400);
  g_assert_cmpfloat (o.eye_max_mm, ==, 1900);
  g_assert_true (eyl_option_parse (eyl_option_lookup ("size-mm"), "850×2000", &o, NULL));
  g_assert_cmpfloat (o.size_h_mm, ==, 2000);
  g_assert_true (eyl_option_parse (eyl_option_lookup ("crowd-mm"), " 1500 ", &o, NULL));
  g_assert_cmpfloat (o.crowd_mm, ==, 1500);

  g_assert_false (eyl_option_parse (eyl_option_lookup ("eye-mm"), "1900-1400", &o, &error));
  g_assert_error (error, EYL_ERROR, EYL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "--eye-mm"));
  g_clear_error (&error);
  g_assert_false (eyl_option_parse (eyl_option_lookup ("table-mm"), "-3", &o, NULL));
  g_assert_false (eyl_option_parse (eyl_option_lookup ("distance-m"), "2,5", &o, NULL));
  g_assert_false (eyl_option_parse (eyl_option_lookup ("size-mm"), "850", &o, NULL));
  /* Unchanged by what was refused. */
  g_assert_cmpfloat (o.eye_min_mm, ==, 1400);

  /* What was parsed is what the worker is given. */
  {
    g_auto(EylCheckSettings) settings = { 0 };
    g_auto(EylCheckSettings) read = { 0 };
    g_autoptr(GVariant) variant = NULL;

    eyl_check_settings_init (&settings);
    settings.overrides = o;
    variant = g_variant_ref_sink (eyl_check_settings_to_variant (&settings));
    g_assert_true (eyl_check_settings_from_variant (variant, &read, &error));
    g_assert_no_error (error);
    g_assert_cmpint (memcmp (&read.overrides, &o, sizeof o), ==, 0);
  }

  /* A crowd in front of the table: at its front edge, for every viewer. */
  crowded = eyl_placement_apply_overrides (base, &o);
  g_assert_cmpfloat (crowded->crowd_height_mm, ==, 1500);
  g_assert_cmpfloat (crowded->crowd_gap_mm, ==, base->table_gap_mm + 760);
  g_assert_cmpfloat (crowded->crowd_distance_m, ==, 0);

  /* A reversed range handed to the core directly keeps the preset's. */
  eyl_placement_overrides_init (&o);
  o.eye_min_mm = 1800;
  o.eye_max_mm = 1500;
  reversed = eyl_placement_apply_overrides (base, &o);
  g_assert_cmpfloat (reversed->eye_min_mm, ==, base->eye_min_mm);
  g_assert_cmpfloat (reversed->eye_max_mm, ==, base->eye_max_mm);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config_home = g_dir_make_tmp ("eyl-test-config-XXXXXX", NULL);
  g_autofree char *eyeline_dir = NULL;
  int              ret;

  /* A config folder of our own, set before GLib caches the user dirs.
   * (G_TEST_OPTION_ISOLATE_DIRS would do it per test, but GLib 2.74 leaks
   * the strings it sets, which fails the sanitizer build.) */
  g_assert_nonnull (config_home);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eyl/placement/builtins", test_builtins);
  g_test_add_func ("/eyl/placement/rollup-numbers", test_rollup_numbers);
  g_test_add_func ("/eyl/placement/translated-name", test_translated_name);
  g_test_add_func ("/eyl/placement/errors", test_errors);
  g_test_add_func ("/eyl/placement/messages", test_messages);
  g_test_add_func ("/eyl/placement/not-utf8", test_not_utf8);
  g_test_add_func ("/eyl/placement/translated-keys", test_translated_keys);
  g_test_add_func ("/eyl/placement/missing-file", test_missing_file);
  g_test_add_func ("/eyl/placement/user-files", test_user_files);
  g_test_add_func ("/eyl/placement/shelf-strip-band", test_shelf_strip_band);
  g_test_add_func ("/eyl/placement/auto", test_auto);
  g_test_add_func ("/eyl/placement/scale", test_scale);
  g_test_add_func ("/eyl/placement/overrides", test_overrides);
  g_test_add_func ("/eyl/placement/boxed", test_boxed);
  g_test_add_func ("/eyl/placement/options", test_options);

  ret = g_test_run ();

  eyeline_dir = g_build_filename (config_home, "eyeline", NULL);
  g_rmdir (eyeline_dir);
  g_rmdir (config_home);
  return ret;
}
