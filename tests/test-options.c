/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-options.c: one table of check settings (eyl-options.c) — the
 * command line, placement files and the window's GSettings keys take each
 * setting's range and default from it, and refuse the same values. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "eyl-options.h"
#include "eyl-placement.h"
#include "eyl-error.h"

/* The build's compiled schema (data/), not the one installed. */
static GSettingsSchema *
lookup_schema (void)
{
  const char *dir = g_getenv ("EYL_SCHEMA_DIR");
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettingsSchemaSource) source = NULL;

  g_assert_nonnull (dir);
  source = g_settings_schema_source_new_from_directory (dir, NULL, TRUE, &error);
  g_assert_no_error (error);
  return g_settings_schema_source_lookup (source, APPLICATION_ID, FALSE);
}

static void
test_schema_from_table (void)
{
  g_autoptr(GSettingsSchema) schema = lookup_schema ();
  guint            n_options, n_keys = 0;
  const EylOption *options = eyl_options_get_all (&n_options);

  g_assert_nonnull (schema);
  for (guint i = 0; i < n_options; i++)
    {
      const char *keys[] = { options[i].settings_key, options[i].settings_key2 };
      double      fallbacks[] = { options[i].fallback, options[i].fallback2 };

      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          g_autoptr(GSettingsSchemaKey) key = NULL;
          g_autoptr(GVariant) range = NULL;
          g_autoptr(GVariant) value = NULL;
          g_autoptr(GVariant) fallback = NULL;
          const char *type = NULL;
          double      lo, hi;
          gboolean    second;

          if (keys[k] == NULL)
            continue;
          g_test_message ("%s: %s", options[i].name, keys[k]);
          g_assert_true (eyl_option_lookup_settings_key (keys[k], &second) == &options[i]);
          g_assert_cmpint (second, ==, k == 1);
          g_assert_true (g_settings_schema_has_key (schema, keys[k]));
          key = g_settings_schema_get_key (schema, keys[k]);
          g_assert_cmpstr (g_variant_type_peek_string (g_settings_schema_key_get_value_type (key)),
                           ==, "d");
          /* ('range', <(min, max)>): the table's range, in its unit */
          range = g_settings_schema_key_get_range (key);
          g_variant_get (range, "(&sv)", &type, &value);
          g_assert_cmpstr (type, ==, "range");
          g_variant_get (value, "(dd)", &lo, &hi);
          g_assert_cmpfloat (lo, ==, options[i].min);
          g_assert_cmpfloat (hi, ==, options[i].max);
          /* the default is the table's fallback, itself in range */
          fallback = g_settings_schema_key_get_default_value (key);
          g_assert_cmpfloat (g_variant_get_double (fallback), ==, fallbacks[k]);
          g_assert_true (eyl_option_in_range (&options[i], fallbacks[k]));
          n_keys++;
        }
    }
  /* eye-min-mm, eye-max-mm, crowd-mm at least */
  g_assert_cmpuint (n_keys, >=, 3);
}

/* A placement that checks, for the boundary and out-of-range cases. */
static const char minimal[] =
    "[Placement]\n"
    "id=test-options\n"
    "kind=poster\n"
    "sizes_mm=500x700\n"
    "distance_m=2\n"
    "eye_min_mm=1405\n"
    "eye_max_mm=1825\n";

/* The minimal placement with @key set to @value. */
static char *
placement_with (const char *key,
                const char *value)
{
  g_auto(GStrv) lines = g_strsplit (minimal, "\n", -1);
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean         replaced = FALSE;
  g_autofree char *prefix = g_strconcat (key, "=", NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0')
        continue;
      if (g_str_has_prefix (lines[i], prefix))
        {
          g_string_append_printf (text, "%s=%s\n", key, value);
          replaced = TRUE;
        }
      else
        g_string_append_printf (text, "%s\n", lines[i]);
    }
  if (!replaced)
    g_string_append_printf (text, "%s=%s\n", key, value);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* @value given to @option on the command line, in a placement file and
 * to the window's GSettings key: at the low end (@high FALSE: a range's
 * start, a size's width) or the high end (a range's end, a size's
 * height).  Each says the same: accepted, or not. */
/* @a (and @b) of @option through a worker's settings and back. */
static gboolean
typed_accepts (const EylOption *option,
               double           a,
               double           b,
               GError         **error)
{
  g_auto(EylCheckSettings) settings = { 0 };
  g_auto(EylCheckSettings) read = { 0 };
  g_autoptr(GVariant) variant = NULL;

  eyl_check_settings_init (&settings);
  G_STRUCT_MEMBER (double, &settings.overrides, option->offset) = a;
  if (option->shape != EYL_OPTION_NUMBER)
    G_STRUCT_MEMBER (double, &settings.overrides, option->offset2) = b;
  variant = g_variant_ref_sink (eyl_check_settings_to_variant (&settings));
  if (!eyl_check_settings_from_variant (variant, &read, error))
    return FALSE;
  g_assert_cmpfloat (G_STRUCT_MEMBER (double, &read.overrides, option->offset), ==, a);
  return TRUE;
}

/* A range whose end is below its start: refused on the command line and
 * in typed settings with the same words, never swapped. */
static void
test_reversed_range (void)
{
  guint            n_options;
  const EylOption *options = eyl_options_get_all (&n_options);
  guint            n_ranges = 0;

  for (guint i = 0; i < n_options; i++)
    {
      g_autoptr(GError) cli_error = NULL;
      g_autoptr(GError) typed_error = NULL;
      g_autofree char      *text = NULL;
      EylPlacementOverrides overrides;
      char                  lo[G_ASCII_DTOSTR_BUF_SIZE], hi[G_ASCII_DTOSTR_BUF_SIZE];

      if (options[i].shape != EYL_OPTION_RANGE)
        continue;
      g_ascii_formatd (lo, sizeof lo, "%.10g", options[i].min);
      g_ascii_formatd (hi, sizeof hi, "%.10g", options[i].max);
      text = g_strconcat (hi, "-", lo, NULL);
      eyl_placement_overrides_init (&overrides);
      g_assert_false (eyl_option_parse (&options[i], text, &overrides, &cli_error));
      g_assert_false (typed_accepts (&options[i], options[i].max, options[i].min, &typed_error));
      g_assert_error (typed_error, EYL_ERROR, EYL_ERROR_INVALID);
      g_assert_cmpstr (typed_error->message, ==, cli_error->message);
      g_assert_false (eyl_option_check (&options[i], options[i].max, options[i].min, NULL));
      n_ranges++;
    }
  g_assert_cmpuint (n_ranges, >=, 1);
}

/* Settings of another version, or of the wrong type, are refused. */
static void
test_settings_version (void)
{
  g_autoptr(GVariantDict) dict = g_variant_dict_new (NULL);
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(EylCheckSettings) read = { 0 };

  g_variant_dict_insert (dict, "version", "u", (guint32) EYL_CHECK_SETTINGS_VERSION + 1);
  variant = g_variant_ref_sink (g_variant_dict_end (dict));
  g_assert_false (eyl_check_settings_from_variant (variant, &read, &error));
  g_assert_error (error, EYL_ERROR, EYL_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&variant, g_variant_unref);

  g_clear_pointer (&dict, g_variant_dict_unref);
  dict = g_variant_dict_new (NULL);
  g_variant_dict_insert (dict, "version", "u", (guint32) EYL_CHECK_SETTINGS_VERSION);
  /* a range is a pair */
  g_variant_dict_insert (dict, "eye-mm", "d", 1500.0);
  variant = g_variant_ref_sink (g_variant_dict_end (dict));
  g_assert_false (eyl_check_settings_from_variant (variant, &read, &error));
  g_assert_nonnull (strstr (error->message, "eye-mm"));
}

static void
check_everywhere (const EylOption *option,
                  GSettingsSchema *schema,
                  gboolean         high,
                  double           value,
                  gboolean         accepted)
{
  char             v[G_ASCII_DTOSTR_BUF_SIZE], lo[G_ASCII_DTOSTR_BUF_SIZE], hi[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *cli = NULL;
  g_autofree char *file = NULL;
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(EylPlacement) placement = NULL;
  g_autoptr(GError) error = NULL;
  EylPlacementOverrides overrides;
  const char           *settings_key;

  g_ascii_formatd (v, sizeof v, "%g", value);
  g_ascii_formatd (lo, sizeof lo, "%g", option->min);
  g_ascii_formatd (hi, sizeof hi, "%g", option->max);
  g_test_message ("%s %s end: %s (%s)", option->name, high ? "high" : "low", v,
                  accepted ? "accepted" : "refused");

  /* --NAME */
  switch (option->shape)
    {
    case EYL_OPTION_NUMBER:
      cli = g_strdup (v);
      break;
    case EYL_OPTION_RANGE:
      cli = high ? g_strconcat (lo, "-", v, NULL) : g_strconcat (v, "-", hi, NULL);
      break;
    case EYL_OPTION_SIZE:
    default:
      cli = high ? g_strconcat ("1000x", v, NULL) : g_strconcat (v, "x1000", NULL);
      break;
    }
  eyl_placement_overrides_init (&overrides);
  g_assert_cmpint (eyl_option_parse (option, cli, &overrides, &error), ==, accepted);
  if (!accepted)
    {
      g_assert_error (error, EYL_ERROR, EYL_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, option->name));
    }
  g_clear_error (&error);

  /* The worker's typed settings (the window's way to the core) */
  {
    double pair[2] = { value, value };

    if (option->shape == EYL_OPTION_RANGE)
      pair[high ? 0 : 1] = high ? option->min : option->max;
    else if (option->shape == EYL_OPTION_SIZE)
      pair[high ? 0 : 1] = 1000;
    g_assert_cmpint (typed_accepts (option, pair[0], pair[1], &error), ==, accepted);
    if (!accepted)
      {
        g_assert_error (error, EYL_ERROR, EYL_ERROR_INVALID);
        g_assert_nonnull (strstr (error->message, option->name));
      }
    g_clear_error (&error);
  }

  /* The placement file's key (sizes_mm: the nominal size) */
  g_assert_nonnull (option->placement_key);
  if (option->shape == EYL_OPTION_SIZE)
    {
      g_autofree char *size = high ? g_strconcat ("1000x", v, NULL)
                                   : g_strconcat (v, "x1000", NULL);

      file = placement_with (option->placement_key, size);
    }
  else
    file = placement_with (high && option->placement_key2 != NULL ? option->placement_key2
                                                                  : option->placement_key,
                           v);
  g_assert_true (g_key_file_load_from_data (keyfile, file, -1, G_KEY_FILE_NONE, NULL));
  placement = eyl_placement_new_from_keyfile (keyfile, "test.ini", &error);
  g_assert_cmpint (placement != NULL, ==, accepted);
  if (!accepted)
    {
      g_assert_error (error, EYL_ERROR, EYL_ERROR_CONFIG);
      g_assert_nonnull (strstr (error->message, option->placement_key2 != NULL && high
                                                    ? option->placement_key2
                                                    : option->placement_key));
    }

  /* The GSettings key the window remembers the row in */
  settings_key = high && option->settings_key2 != NULL ? option->settings_key2
                                                       : option->settings_key;
  if (settings_key != NULL)
    {
      g_autoptr(GSettingsSchemaKey) key = g_settings_schema_get_key (schema, settings_key);
      g_autoptr(GVariant) variant = g_variant_ref_sink (g_variant_new_double (value));

      g_assert_cmpint (g_settings_schema_key_range_check (key, variant), ==, accepted);
    }

  /* The window's rows check with the same function. */
  g_assert_cmpint (eyl_option_in_range (option, value), ==, accepted);
}

static void
test_same_range_everywhere (void)
{
  g_autoptr(GSettingsSchema) schema = lookup_schema ();
  guint            n_options;
  const EylOption *options = eyl_options_get_all (&n_options);

  g_assert_nonnull (schema);
  for (guint i = 0; i < n_options; i++)
    {
      const EylOption *option = &options[i];
      double           below = option->min > 0 ? option->min / 2 : option->min - 1;

      check_everywhere (option, schema, FALSE, option->min, TRUE);
      check_everywhere (option, schema, TRUE, option->max, TRUE);
      check_everywhere (option, schema, FALSE, below, FALSE);
      check_everywhere (option, schema, TRUE, option->max * 2, FALSE);
      check_everywhere (option, schema, TRUE, option->max + 1, FALSE);
    }
}

/* A placement without the optional keys has the table's fallbacks. */
static void
test_fallbacks (void)
{
  g_autoptr(EylPlacement) placement = eyl_placement_new ("x", EYL_PLACEMENT_POSTER);
  const EylOption *eye = eyl_option_lookup ("eye-mm");
  const EylOption *distance = eyl_option_lookup ("distance-m");
  guint            n_options;
  const EylOption *options = eyl_options_get_all (&n_options);

  g_assert_cmpfloat (placement->eye_min_mm, ==, eye->fallback);
  g_assert_cmpfloat (placement->eye_max_mm, ==, eye->fallback2);
  g_assert_cmpfloat (placement->distance_m, ==, distance->fallback);
  g_assert_cmpfloat (placement->crowd_height_mm, ==, eyl_option_lookup ("crowd-mm")->fallback);
  g_assert_cmpfloat (placement->table_height_mm, ==, eyl_option_lookup ("table-mm")->fallback);

  /* every fallback the table gives is one of its values */
  for (guint i = 0; i < n_options; i++)
    {
      g_assert_true (isnan (options[i].fallback) ||
                     eyl_option_in_range (&options[i], options[i].fallback));
      g_assert_true (isnan (options[i].fallback2) ||
                     eyl_option_in_range (&options[i], options[i].fallback2));
      /* a key is found again by its name */
      if (options[i].placement_key != NULL)
        g_assert_true (eyl_option_lookup_placement_key (options[i].placement_key, NULL) == &options[i]);
    }
  g_assert_null (eyl_option_lookup_placement_key ("eye_zone_deg", NULL));
  g_assert_null (eyl_option_lookup_settings_key ("units", NULL));
}

/* Every number of the table reaches its placement field: a new setting
 * needs no code in eyl_placement_apply_overrides(). */
static void
test_applied (void)
{
  g_autoptr(EylPlacement) base = eyl_placement_new ("x", EYL_PLACEMENT_ROLLUP);
  guint            n_options, n_applied = 0;
  const EylOption *options = eyl_options_get_all (&n_options);

  base->table_height_mm = 750;
  for (guint i = 0; i < n_options; i++)
    {
      g_autoptr(EylPlacement) applied = NULL;
      EylPlacementOverrides overrides;
      /* a value in range that is no preset's */
      double value = options[i].min + (options[i].max - options[i].min) / 3;

      if (options[i].placement_offset == 0)
        continue;
      g_test_message ("%s", options[i].name);
      eyl_placement_overrides_init (&overrides);
      G_STRUCT_MEMBER (double, &overrides, options[i].offset) = value;
      applied = eyl_placement_apply_overrides (base, &overrides);
      g_assert_cmpfloat (G_STRUCT_MEMBER (double, applied, options[i].placement_offset), ==, value);
      n_applied++;
    }
  g_assert_cmpuint (n_applied, >=, 6);

  /* No table, nothing on it, whatever was said of it. */
  {
    g_autoptr(EylPlacement) applied = NULL;
    EylPlacementOverrides overrides;

    eyl_placement_overrides_init (&overrides);
    overrides.table_mm = 0;
    overrides.table_objects_mm = 400;
    applied = eyl_placement_apply_overrides (base, &overrides);
    g_assert_cmpfloat (applied->table_objects_mm, ==, 0);
  }
}

/* The vocabulary (eyl-types.h): each GEnum's nicks are the words the
 * keys, files, command line and reports have always used; each nick
 * round-trips, has words for the window, and is what the schema's enum
 * key takes — and nothing else is. */
static const struct
{
  GType (*get_type) (void);
  const char *key;
  const char *nicks[6]; /* NULL-terminated */
} vocabulary[] = {
  { eyl_units_get_type, "units", { "mm", "in", NULL } },
  { eyl_legibility_get_type, "legibility", { "1:200", "20-arcmin", "1:300", "1in-per-10ft", "ada-703.5", NULL } },
  { eyl_population_get_type, "population", { "both", "uk", "us", "seated", "custom", NULL } },
};

static const char *
vocabulary_label (GType type,
                  int   value)
{
  if (type == EYL_TYPE_UNITS)
    return eyl_units_get_label (value);
  if (type == EYL_TYPE_LEGIBILITY)
    return eyl_legibility_get_label (value);
  return eyl_population_get_label (value);
}

static void
test_vocabulary_nicks (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (vocabulary); i++)
    {
      GType type = vocabulary[i].get_type ();
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      guint n = g_strv_length ((char **) vocabulary[i].nicks);

      g_test_message ("%s", g_type_name (type));
      g_assert_cmpuint (klass->n_values, ==, n);
      for (guint k = 0; k < n; k++)
        {
          const char *nick = vocabulary[i].nicks[k];
          int         value = -1;

          g_assert_true (eyl_enum_from_nick (type, nick, &value));
          g_assert_cmpstr (eyl_enum_to_nick (type, value), ==, nick);
          g_assert_nonnull (vocabulary_label (type, value));
        }
      g_assert_false (eyl_enum_from_nick (type, "cm", NULL));
      g_assert_false (eyl_enum_from_nick (type, "", NULL));
      g_assert_false (eyl_enum_from_nick (type, NULL, NULL));
      g_assert_null (eyl_enum_to_nick (type, (int) n));
      g_assert_null (vocabulary_label (type, (int) n));
    }

  /* The legibility's own conversions are the nicks. */
  for (guint k = 0; vocabulary[1].nicks[k] != NULL; k++)
    {
      EylLegibility standard;

      g_assert_true (eyl_legibility_from_string (vocabulary[1].nicks[k], &standard));
      g_assert_cmpstr (eyl_legibility_to_string (standard), ==, vocabulary[1].nicks[k]);
      g_assert_nonnull (eyl_legibility_get_explanation (standard));
    }
  g_assert_false (eyl_legibility_from_string ("1:100", NULL));
}

/* Each population's eye heights are eye heights the eye-mm option takes,
 * rising; the custom population has none of its own. */
static void
test_population_eye_range (void)
{
  const EylOption *eye = eyl_option_lookup ("eye-mm");
  double           lo, hi;

  g_assert_nonnull (eye);
  for (int p = EYL_POPULATION_BOTH; p < EYL_POPULATION_CUSTOM; p++)
    {
      g_assert_true (eyl_population_get_eye_range (p, &lo, &hi));
      g_assert_true (eyl_option_check (eye, lo, hi, NULL));
      g_assert_cmpfloat (lo, <, hi);
    }
  /* The default population is the option's fallback. */
  g_assert_true (eyl_population_get_eye_range (EYL_POPULATION_BOTH, &lo, &hi));
  g_assert_cmpfloat (lo, ==, eye->fallback);
  g_assert_cmpfloat (hi, ==, eye->fallback2);
  g_assert_false (eyl_population_get_eye_range (EYL_POPULATION_CUSTOM, &lo, &hi));
}

static void
test_vocabulary_schema (void)
{
  g_autoptr(GSettingsSchema) schema = lookup_schema ();

  g_assert_nonnull (schema);
  for (guint i = 0; i < G_N_ELEMENTS (vocabulary); i++)
    {
      g_autoptr(GSettingsSchemaKey) key = g_settings_schema_get_key (schema, vocabulary[i].key);
      g_autoptr(GVariant) range = g_settings_schema_key_get_range (key);
      g_autoptr(GVariant) fallback = g_settings_schema_key_get_default_value (key);
      g_autoptr(GVariant) listed = NULL;
      g_autofree char        *kind = NULL;
      g_autofree const char **nicks = NULL;
      const char             *others[] = { "", "cm", "MM", "1:100", "auto", "both ", "seated", "in", "ada-703.5" };

      g_test_message ("key %s", vocabulary[i].key);
      /* an enum key of exactly the type's nicks, in order */
      g_variant_get (range, "(sv)", &kind, &listed);
      g_assert_cmpstr (kind, ==, "enum");
      nicks = g_variant_get_strv (listed, NULL);
      g_assert_cmpstrv (nicks, vocabulary[i].nicks);
      g_assert_true (eyl_enum_from_nick (vocabulary[i].get_type (), g_variant_get_string (fallback, NULL), NULL));

      for (guint k = 0; vocabulary[i].nicks[k] != NULL; k++)
        {
          g_autoptr(GVariant) nick = g_variant_ref_sink (g_variant_new_string (vocabulary[i].nicks[k]));

          g_assert_true (g_settings_schema_key_range_check (key, nick));
        }
      for (guint k = 0; k < G_N_ELEMENTS (others); k++)
        {
          g_autoptr(GVariant) other = g_variant_ref_sink (g_variant_new_string (others[k]));

          if (g_strv_contains (vocabulary[i].nicks, others[k]))
            continue;
          g_assert_false (g_settings_schema_key_range_check (key, other));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eyl/options/schema-from-table", test_schema_from_table);
  g_test_add_func ("/eyl/options/vocabulary-nicks", test_vocabulary_nicks);
  g_test_add_func ("/eyl/options/vocabulary-schema", test_vocabulary_schema);
  g_test_add_func ("/eyl/options/population-eye-range", test_population_eye_range);
  g_test_add_func ("/eyl/options/same-range-everywhere", test_same_range_everywhere);
  g_test_add_func ("/eyl/options/fallbacks", test_fallbacks);
  g_test_add_func ("/eyl/options/applied", test_applied);
  g_test_add_func ("/eyl/options/reversed-range", test_reversed_range);
  g_test_add_func ("/eyl/options/settings-version", test_settings_version);

  return g_test_run ();
}
