/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-placement.c: placement presets, user files, "auto" and real size. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-placement"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "eyl-placement.h"
#include "eyl-config-file.h"
#include "eyl-error.h"
#include "eyl-geometry.h"
#include "eyl-options.h"
#include "eyl-resource.h"

#define PLACEMENT_GROUP "Placement"
#define RESOURCE_DIR    RESOURCE_BASE "/placements"

/* The order of the built-ins in lists and in `eyeline-cli placements`. */
static const char *const builtin_order[] = {
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

static const struct
{
  EylPlacementKind kind;
  const char      *name;
} kind_names[] = {
  { EYL_PLACEMENT_ROLLUP, "rollup" },
  { EYL_PLACEMENT_TABLETOP, "tabletop" },
  { EYL_PLACEMENT_BACKDROP, "backdrop" },
  { EYL_PLACEMENT_POSTER, "poster" },
  { EYL_PLACEMENT_LEAFLET, "leaflet" },
  { EYL_PLACEMENT_SHELF, "shelf" },
  { EYL_PLACEMENT_FLAG, "flag" },
  { EYL_PLACEMENT_STICKER, "sticker" },
};

/* clang-format would join this macro's lines into one. */
/* clang-format off */
G_DEFINE_BOXED_TYPE (EylPlacement, eyl_placement,
                     eyl_placement_ref, eyl_placement_unref)
/* clang-format on */

const char *
eyl_placement_kind_to_string (EylPlacementKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (kind_names[i].kind == kind)
      return kind_names[i].name;
  return NULL;
}

gboolean
eyl_placement_kind_from_string (const char       *str,
                                EylPlacementKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    {
      if (g_str_equal (kind_names[i].name, str))
        {
          *kind = kind_names[i].kind;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
eyl_scale_source_to_string (EylScaleSource source)
{
  switch (source)
    {
    case EYL_SCALE_PAGE:
      return "page";
    case EYL_SCALE_DETECTED:
      return "detected";
    case EYL_SCALE_USER:
      return "user";
    default:
      return NULL;
    }
}

EylPlacement *
eyl_placement_new (const char      *id,
                   EylPlacementKind kind)
{
  EylPlacement *self = g_new0 (EylPlacement, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->id = g_strdup (id != NULL ? id : "");
  self->name = g_strdup (self->id);
  self->description = g_strdup ("");
  self->kind = kind;
  self->sizes = g_array_new (FALSE, TRUE, sizeof (EylSizeMm));

  /* Defaults of the optional keys: the numbers shared by most presets
   * (see the comments in data/placements/rollup-behind-table.ini). */
  self->visible_top_fraction = 1.0;
  self->distance_m = eyl_option_lookup ("distance-m")->fallback;
  self->scan_distance_m = 1.0;
  self->eye_min_mm = eyl_option_lookup ("eye-mm")->fallback;
  self->eye_max_mm = eyl_option_lookup ("eye-mm")->fallback2;
  self->eye_zone_deg = 15;
  self->sight_line_deg = 10;
  self->hidden_threshold = 0.5;
  self->reach_min_mm = 380; /* ADA 2010 308 */
  self->reach_max_mm = 1220;
  self->expects_contact = TRUE;
  self->expects_cta = TRUE;
  self->acuity = eyl_option_lookup ("acuity")->fallback;

  return self;
}

EylPlacement *
eyl_placement_ref (EylPlacement *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
eyl_placement_unref (EylPlacement *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->id);
  g_free (self->name);
  g_free (self->description);
  g_clear_pointer (&self->sizes, g_array_unref);
  g_free (self->source_file);
  g_free (self);
}

EylPlacement *
eyl_placement_copy (const EylPlacement *self)
{
  EylPlacement *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new (EylPlacement, 1);
  *copy = *self;
  g_atomic_ref_count_init (&copy->ref_count);
  copy->id = g_strdup (self->id);
  copy->name = g_strdup (self->name);
  copy->description = g_strdup (self->description);
  copy->source_file = g_strdup (self->source_file);
  copy->sizes = g_array_sized_new (FALSE, TRUE, sizeof (EylSizeMm),
                                   self->sizes != NULL ? self->sizes->len : 0);
  if (self->sizes != NULL)
    g_array_append_vals (copy->sizes, self->sizes->data, self->sizes->len);

  return copy;
}

double
eyl_placement_bottom_above_floor (const EylPlacement *self,
                                  double              height_mm)
{
  g_return_val_if_fail (self != NULL, 0.0);

  /* Hung by its centre (gallery convention), but never below the floor. */
  if (self->centre_mm > 0)
    return MAX (0.0, self->centre_mm - height_mm / 2.0);
  return self->bottom_mm;
}

/* Loading ------------------------------------------------------------- */

/* Every error names the file, the group and key, and the problem, as the
 * brand kit's do: "poster.ini: [Placement] distance_m: “far” is not a
 * number".  Values come from the file and may be any bytes: the message is
 * made valid UTF-8, so it can be printed and shown. */
static void
set_key_error (GError    **error,
               const char *source,
               const char *key,
               const char *problem)
{
  g_autofree char *message = NULL;

  if (key != NULL)
    /* TRANSLATORS: a file name, a [group] and key in it, and the problem */
    message = g_strdup_printf (_("%s: [%s] %s: %s"), source, PLACEMENT_GROUP, key, problem);
  else
    message = g_strdup_printf ("%s: %s", source, problem);
  if (!g_utf8_validate (message, -1, NULL))
    {
      char *valid = g_utf8_make_valid (message, -1);

      g_free (message);
      message = valid;
    }
  g_set_error_literal (error, EYL_ERROR, EYL_ERROR_CONFIG, message);
}

/* A value that GKeyFile refused (bad UTF-8, bad escape): its own words. */
static void
set_unreadable_error (GError      **error,
                      const char   *source,
                      const char   *key,
                      const GError *reason)
{
  g_autofree char *problem = g_strdup_printf (_("cannot be read: %s"), reason->message);

  set_key_error (error, source, key, problem);
}

/* The keys of a placement file (name and description also translated,
 * name[de]=…); anything else is a typo that would silently leave a
 * default in place. */
static const char *const known_keys[] = {
  "id",
  "kind",
  "name",
  "description",
  "sizes_mm",
  "needs_reach",
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
  "reach_min_mm",
  "reach_max_mm",
  "acuity",
  "strip_height_mm",
  "strip_gap_mm",
  NULL,
};

static gboolean
check_keys (GKeyFile   *keyfile,
            const char *source,
            GError    **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (keyfile, NULL);
  g_auto(GStrv) keys = g_key_file_get_keys (keyfile, PLACEMENT_GROUP, NULL, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      if (!g_str_equal (groups[i], PLACEMENT_GROUP))
        {
          g_autofree char *problem =
              g_strdup_printf (_("unknown group [%s]; a placement file has only [%s]"),
                                  groups[i], PLACEMENT_GROUP);

          set_key_error (error, source, NULL, problem);
          return FALSE;
        }
    }

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *base = g_strdup (keys[i]);
      char            *bracket = strchr (base, '[');
      gboolean         translated = bracket != NULL;

      if (translated)
        *bracket = '\0';
      if (!g_strv_contains (known_keys, base) ||
          (translated && !g_str_equal (base, "name") && !g_str_equal (base, "description")))
        {
          set_key_error (error, source, keys[i],
                         translated ? _("only name and description can be translated")
                                    : _("unknown key"));
          return FALSE;
        }
    }
  return TRUE;
}

/* A string key that must be there and be readable. */
static char *
read_required_string (GKeyFile   *keyfile,
                      const char *source,
                      const char *key,
                      GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  char *value;

  value = g_key_file_get_string (keyfile, PLACEMENT_GROUP, key, &local_error);
  if (value == NULL)
    {
      if (g_error_matches (local_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND))
        set_key_error (error, source, key, _("missing required key"));
      else
        set_unreadable_error (error, source, key, local_error);
      return NULL;
    }
  return g_strstrip (value);
}

/* name and description: optional, but a value that is there must be
 * readable, in the user's language as in the others. */
static gboolean
read_optional_locale_string (GKeyFile   *keyfile,
                             const char *source,
                             const char *key,
                             char      **out,
                             GError    **error)
{
  g_auto(GStrv) keys = g_key_file_get_keys (keyfile, PLACEMENT_GROUP, NULL, NULL);
  g_autoptr(GError) local_error = NULL;
  char *value;

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *raw = NULL;

      if (!g_str_has_prefix (keys[i], key) ||
          (keys[i][strlen (key)] != '\0' && keys[i][strlen (key)] != '['))
        continue;
      raw = g_key_file_get_string (keyfile, PLACEMENT_GROUP, keys[i], &local_error);
      if (raw == NULL)
        {
          set_unreadable_error (error, source, keys[i], local_error);
          return FALSE;
        }
    }

  value = g_key_file_get_locale_string (keyfile, PLACEMENT_GROUP, key, NULL, NULL);
  if (value != NULL)
    {
      g_free (*out);
      *out = value;
    }
  return TRUE;
}

static gboolean
read_double (GKeyFile   *keyfile,
             const char *source,
             const char *key,
             gboolean    required,
             double      fallback,
             double     *out,
             GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  double value;

  if (!g_key_file_has_key (keyfile, PLACEMENT_GROUP, key, NULL))
    {
      if (required)
        {
          set_key_error (error, source, key, _("missing required key"));
          return FALSE;
        }
      *out = fallback;
      return TRUE;
    }

  value = g_key_file_get_double (keyfile, PLACEMENT_GROUP, key, &local_error);
  if (local_error != NULL || !isfinite (value))
    {
      g_autofree char *raw = g_key_file_get_value (keyfile, PLACEMENT_GROUP,
                                                   key, NULL);
      g_autofree char *problem =
          g_strdup_printf (_("“%s” is not a number"), raw != NULL ? raw : "");
      set_key_error (error, source, key, problem);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

/* A value must lie in [min, max]; the messages say which side failed. */
static gboolean
check_range (const char *source,
             const char *key,
             double      value,
             double      min,
             double      max,
             GError    **error)
{
  g_autofree char *problem = NULL;

  if (value < 0 && min >= 0)
    problem = g_strdup_printf (_("%g is negative"), value);
  else if (value < min || value > max)
    problem = g_strdup_printf (_("%g is out of range (%g to %g)"),
                                  value, min, max);
  else
    return TRUE;

  set_key_error (error, source, key, problem);
  return FALSE;
}

/* "850x2000" or "850 × 2000" → a size in mm. */
static gboolean
parse_size (const char *item,
            EylSizeMm  *size)
{
  g_autofree char *copy = g_strdup (item);
  char            *sep, *end;
  double           w, h;

  g_strstrip (copy);
  if ((sep = strstr (copy, "×")) != NULL)
    {
      *sep = '\0';
      sep += strlen ("×");
    }
  else if ((sep = strpbrk (copy, "xX")) != NULL)
    {
      *sep++ = '\0';
    }
  else
    return FALSE;

  w = g_ascii_strtod (copy, &end);
  while (g_ascii_isspace (*end))
    end++;
  if (end == copy || *end != '\0')
    return FALSE;
  h = g_ascii_strtod (sep, &end);
  while (g_ascii_isspace (*end))
    end++;
  if (end == sep || *end != '\0')
    return FALSE;
  if (!isfinite (w) || !isfinite (h))
    return FALSE;

  size->width_mm = w;
  size->height_mm = h;
  return TRUE;
}

static gboolean
read_sizes (GKeyFile     *keyfile,
            const char   *source,
            EylPlacement *self,
            GError      **error)
{
  g_auto(GStrv) items = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize            n_items = 0;
  const EylOption *size_option = eyl_option_lookup_placement_key ("sizes_mm", NULL);

  if (!g_key_file_has_key (keyfile, PLACEMENT_GROUP, "sizes_mm", NULL))
    {
      set_key_error (error, source, "sizes_mm", _("missing required key"));
      return FALSE;
    }

  items = g_key_file_get_string_list (keyfile, PLACEMENT_GROUP, "sizes_mm",
                                      &n_items, &local_error);
  if (items == NULL && local_error != NULL)
    {
      set_unreadable_error (error, source, "sizes_mm", local_error);
      return FALSE;
    }
  for (gsize i = 0; items != NULL && i < n_items; i++)
    {
      EylSizeMm        size;
      g_autofree char *problem = NULL;

      if (*g_strstrip (items[i]) == '\0')
        continue;
      if (!parse_size (items[i], &size))
        problem = g_strdup_printf (_("“%s” is not a size like 850x2000"),
                                      items[i]);
      else if (size.width_mm <= 0 || size.height_mm <= 0)
        problem = g_strdup_printf (_("“%s” is not a positive size"), items[i]);
      /* The range --size-mm takes (eyl-options.c). */
      else if (!eyl_option_in_range (size_option, size.width_mm) ||
               !eyl_option_in_range (size_option, size.height_mm))
        problem = g_strdup_printf (_("“%s” is out of range (%g to %g)"),
                                      items[i], size_option->min, size_option->max);

      if (problem != NULL)
        {
          set_key_error (error, source, "sizes_mm", problem);
          return FALSE;
        }
      g_array_append_val (self->sizes, size);
    }

  if (self->sizes->len == 0)
    {
      set_key_error (error, source, "sizes_mm", _("no size given"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
valid_id (const char *id)
{
  if (id == NULL || *id == '\0')
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      return FALSE;
  return !g_str_equal (id, EYL_PLACEMENT_AUTO);
}

EylPlacement *
eyl_placement_new_from_keyfile (GKeyFile   *keyfile,
                                const char *source_name,
                                GError    **error)
{
  g_autoptr(EylPlacement) self = NULL;
  g_autofree char *id = NULL;
  g_autofree char *kind_str = NULL;
  EylPlacementKind kind;
  g_autoptr(GError) local_error = NULL;
  /* Every number of the struct: key, field, required, default, range. */
  struct
  {
    const char *key;
    double     *field;
    gboolean    required;
    double      min, max;
  } numbers[26];
  guint n = 0;

  g_return_val_if_fail (keyfile != NULL, NULL);

  if (source_name == NULL)
    source_name = "?";

  if (!g_key_file_has_group (keyfile, PLACEMENT_GROUP))
    {
      g_autofree char *problem = g_strdup_printf (_("no [%s] group; a placement file needs one"),
                                                     PLACEMENT_GROUP);

      set_key_error (error, source_name, NULL, problem);
      return NULL;
    }

  if (!check_keys (keyfile, source_name, error))
    return NULL;

  id = read_required_string (keyfile, source_name, "id", error);
  if (id == NULL)
    return NULL;
  if (!valid_id (id))
    {
      g_autofree char *problem =
          g_strdup_printf (_("“%s” is not a valid id (letters, digits and “-”; not “auto”)"),
                              id);
      set_key_error (error, source_name, "id", problem);
      return NULL;
    }

  kind_str = read_required_string (keyfile, source_name, "kind", error);
  if (kind_str == NULL)
    return NULL;
  if (!eyl_placement_kind_from_string (kind_str, &kind))
    {
      g_autofree char *problem =
          g_strdup_printf (_("“%s” is not one of rollup, tabletop, backdrop, poster, leaflet, shelf"),
                              kind_str);
      set_key_error (error, source_name, "kind", problem);
      return NULL;
    }

  self = eyl_placement_new (id, kind);
  self->source_file = g_strdup (source_name);

  /* eyl_placement_new() set the fallbacks: the id and "". */
  if (!read_optional_locale_string (keyfile, source_name, "name", &self->name, error) ||
      !read_optional_locale_string (keyfile, source_name, "description",
                                    &self->description, error))
    return NULL;

  if (!read_sizes (keyfile, source_name, self, error))
    return NULL;

    /* FROM_OPTIONS: the range of the check setting that overrides the key. */
#define FROM_OPTIONS NAN, NAN
#define NUMBER(k, req, ...) \
  numbers[n++] = (typeof (numbers[0])) { #k, &self->k, req, __VA_ARGS__ }
  /* Lengths: nothing is negative; 100 m is far beyond any real stand. */
  NUMBER (bottom_mm, FALSE, 0, 100000);
  NUMBER (centre_mm, FALSE, 0, 100000);
  NUMBER (hidden_bottom_mm, FALSE, 0, 100000);
  NUMBER (hidden_top_mm, FALSE, 0, 100000);
  NUMBER (visible_top_fraction, FALSE, 0, 1);
  NUMBER (safe_margin_mm, FALSE, 0, 100000);
  NUMBER (strip_height_mm, FALSE, 0, 1000);
  NUMBER (strip_gap_mm, FALSE, 0, 1000);
  NUMBER (table_height_mm, FALSE, FROM_OPTIONS);
  NUMBER (table_objects_mm, FALSE, 0, 10000);
  NUMBER (table_gap_mm, FALSE, FROM_OPTIONS);
  NUMBER (crowd_height_mm, FALSE, FROM_OPTIONS);
  NUMBER (crowd_gap_mm, FALSE, 0, 100000);
  NUMBER (crowd_distance_m, FALSE, 0, 1000);
  NUMBER (distance_m, TRUE, FROM_OPTIONS);
  NUMBER (scan_distance_m, FALSE, 0, 1000);
  NUMBER (eye_min_mm, TRUE, FROM_OPTIONS);
  NUMBER (eye_max_mm, TRUE, FROM_OPTIONS);
  NUMBER (eye_zone_deg, FALSE, 0, 89);
  NUMBER (sight_line_deg, FALSE, -89, 89);
  NUMBER (hidden_threshold, FALSE, 0, 1);
  NUMBER (reach_min_mm, FALSE, 0, 10000);
  NUMBER (reach_max_mm, FALSE, 0, 10000);
  /* Decimal acuity: 20/400 (legal blindness in the US) to 20/10. */
  NUMBER (acuity, FALSE, FROM_OPTIONS);
#undef NUMBER
#undef FROM_OPTIONS
  g_assert (n <= G_N_ELEMENTS (numbers));

  /* A key a check setting overrides takes that setting's range from the
   * options table (eyl-options.c), as --NAME and the window's row do. */
  for (guint i = 0; i < n; i++)
    {
      const EylOption *option = eyl_option_lookup_placement_key (numbers[i].key, NULL);

      /* a key of the table takes the table's range */
      g_assert (option != NULL || !isnan (numbers[i].min));
      if (option != NULL)
        {
          numbers[i].min = option->min;
          numbers[i].max = option->max;
        }
    }

  for (guint i = 0; i < n; i++)
    {
      if (!read_double (keyfile, source_name, numbers[i].key,
                        numbers[i].required, *numbers[i].field,
                        numbers[i].field, error) ||
          !check_range (source_name, numbers[i].key, *numbers[i].field,
                        numbers[i].min, numbers[i].max, error))
        return NULL;
    }

  if (self->visible_top_fraction <= 0)
    {
      set_key_error (error, source_name, "visible_top_fraction",
                     _("at least part of the material must be visible"));
      return NULL;
    }
  if (self->eye_min_mm > self->eye_max_mm)
    {
      g_autofree char *problem =
          g_strdup_printf (_("eye_min_mm (%g) is greater than eye_max_mm (%g)"),
                              self->eye_min_mm, self->eye_max_mm);
      set_key_error (error, source_name, "eye_min_mm", problem);
      return NULL;
    }
  if (self->reach_min_mm > self->reach_max_mm)
    {
      g_autofree char *problem =
          g_strdup_printf (_("reach_min_mm (%g) is greater than reach_max_mm (%g)"),
                              self->reach_min_mm, self->reach_max_mm);
      set_key_error (error, source_name, "reach_min_mm", problem);
      return NULL;
    }

  if (g_key_file_has_key (keyfile, PLACEMENT_GROUP, "needs_reach", NULL))
    {
      self->needs_reach = g_key_file_get_boolean (keyfile, PLACEMENT_GROUP,
                                                  "needs_reach", &local_error);
      if (local_error != NULL)
        {
          g_autofree char *raw = g_key_file_get_value (keyfile, PLACEMENT_GROUP,
                                                       "needs_reach", NULL);
          g_autofree char *problem =
              g_strdup_printf (_("“%s” is not true or false"),
                                  raw != NULL ? raw : "");
          set_key_error (error, source_name, "needs_reach", problem);
          return NULL;
        }
    }

  return g_steal_pointer (&self);
}

EylPlacement *
eyl_placement_new_from_file (const char *path,
                             GError    **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize            length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  /* Read without blocking on a FIFO (refused, named), then parsed.
   * Translations of every language are kept, so that a translated key
   * other than name and description is seen (and refused). */
  if (!eyl_config_file_read (path, EYL_CONFIG_FILE_MAX_BYTES, EYL_READ_DEFAULT,
                             &contents, &length, &local_error) ||
      !g_key_file_load_from_data (keyfile, contents, length, G_KEY_FILE_KEEP_TRANSLATIONS,
                                  &local_error))
    {
      g_autofree char *problem = g_strdup_printf (_("cannot read the placement file: %s"),
                                                     local_error->message);

      set_key_error (error, path, NULL, problem);
      return NULL;
    }
  /* GKeyFile keeps the last of a key given twice without a word: which
   * one was meant is the author's to say. */
  {
    g_autofree char *group = NULL;
    g_autofree char *key = NULL;
    guint            first, second;

    if (eyl_config_file_find_duplicate_key (contents, length, &group, &key, &first, &second))
      {
        g_autofree char *problem = g_strdup_printf (_("the key is given twice (lines %u and %u)"),
                                                       first, second);

        set_key_error (error, path, key, problem);
        return NULL;
      }
  }
  return eyl_placement_new_from_keyfile (keyfile, path, error);
}

/* The set --------------------------------------------------------------- */

struct _EylPlacementSet
{
  GPtrArray *placements; /* EylPlacement, in list order */
};

static EylPlacementSet *
placement_set_new (void)
{
  EylPlacementSet *set = g_new0 (EylPlacementSet, 1);

  set->placements = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_placement_unref);
  return set;
}

void
eyl_placement_set_free (EylPlacementSet *set)
{
  if (set == NULL)
    return;
  g_ptr_array_unref (set->placements);
  g_free (set);
}

void
eyl_placement_set_add (EylPlacementSet *set,
                       EylPlacement    *placement)
{
  g_return_if_fail (set != NULL);
  g_return_if_fail (placement != NULL);

  /* Replacing keeps the slot, so a user's rollup-behind-table stays first. */
  for (guint i = 0; i < set->placements->len; i++)
    {
      EylPlacement *old = g_ptr_array_index (set->placements, i);

      if (g_str_equal (old->id, placement->id))
        {
          g_ptr_array_index (set->placements, i) = eyl_placement_ref (placement);
          eyl_placement_unref (old);
          return;
        }
    }
  g_ptr_array_add (set->placements, eyl_placement_ref (placement));
}

gboolean
eyl_placement_set_add_file (EylPlacementSet *set,
                            const char      *path,
                            GError         **error)
{
  g_autoptr(EylPlacement) placement = NULL;

  g_return_val_if_fail (set != NULL, FALSE);

  placement = eyl_placement_new_from_file (path, error);
  if (placement == NULL)
    return FALSE;
  eyl_placement_set_add (set, placement);
  return TRUE;
}

EylPlacement *
eyl_placement_set_lookup (EylPlacementSet *set,
                          const char      *id)
{
  g_return_val_if_fail (set != NULL, NULL);

  if (id == NULL)
    return NULL;
  for (guint i = 0; i < set->placements->len; i++)
    {
      EylPlacement *placement = g_ptr_array_index (set->placements, i);

      if (g_str_equal (placement->id, id))
        return placement;
    }
  return NULL;
}

GPtrArray *
eyl_placement_set_list (EylPlacementSet *set)
{
  GPtrArray *list;

  g_return_val_if_fail (set != NULL, NULL);

  list = g_ptr_array_new_full (set->placements->len,
                               (GDestroyNotify) eyl_placement_unref);
  for (guint i = 0; i < set->placements->len; i++)
    g_ptr_array_add (list, eyl_placement_ref (g_ptr_array_index (set->placements, i)));
  return list;
}

static int
builtin_rank (const char *file_name)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtin_order); i++)
    if (g_str_has_prefix (file_name, builtin_order[i]) &&
        g_str_equal (file_name + strlen (builtin_order[i]), ".ini"))
      return (int) i;
  return G_N_ELEMENTS (builtin_order);
}

static int
compare_resource_names (gconstpointer a,
                        gconstpointer b)
{
  const char *name_a = *(const char *const *) a;
  const char *name_b = *(const char *const *) b;
  int         rank_a = builtin_rank (name_a);
  int         rank_b = builtin_rank (name_b);

  if (rank_a != rank_b)
    return rank_a - rank_b;
  return strcmp (name_a, name_b);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
load_builtins (EylPlacementSet *set,
               GPtrArray       *warnings)
{
  GResource *resource = eyl_core_resource ();
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;

  names = g_resource_enumerate_children (resource, RESOURCE_DIR,
                                         G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (names == NULL)
    {
      g_critical ("No built-in placements in %s: %s", RESOURCE_DIR, error->message);
      return;
    }
  qsort (names, g_strv_length (names), sizeof (char *), compare_resource_names);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_path ("/", RESOURCE_DIR, names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GKeyFile) keyfile = g_key_file_new ();
      g_autoptr(EylPlacement) placement = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!g_str_has_suffix (names[i], ".ini"))
        continue;
      bytes = g_resource_lookup_data (resource, path,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
      if (bytes != NULL &&
          g_key_file_load_from_bytes (keyfile, bytes, G_KEY_FILE_KEEP_TRANSLATIONS, &local_error))
        placement = eyl_placement_new_from_keyfile (keyfile, path, &local_error);

      if (placement == NULL)
        {
          /* A broken built-in is our bug: loud in tests, survivable for users. */
          g_critical ("Built-in placement %s: %s", path, local_error->message);
          if (warnings != NULL)
            g_ptr_array_add (warnings, g_strdup (local_error->message));
          continue;
        }
      eyl_placement_set_add (set, placement);
    }
}

static void
load_user_dir (EylPlacementSet *set,
               GPtrArray       *warnings)
{
  g_autofree char *dir_path = g_build_filename (g_get_user_config_dir (),
                                                "eyeline", "placements", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) files = NULL;
  const char *name;

  dir = g_dir_open (dir_path, 0, NULL);
  if (dir == NULL)
    return; /* no user placements: the usual case */

  files = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".ini"))
      g_ptr_array_add (files, g_strdup (name));
  g_ptr_array_sort (files, compare_strings);

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *path = g_build_filename (dir_path, g_ptr_array_index (files, i), NULL);
      g_autoptr(GError) error = NULL;

      if (!eyl_placement_set_add_file (set, path, &error))
        {
          g_debug ("Skipping user placement: %s", error->message);
          if (warnings != NULL)
            g_ptr_array_add (warnings,
                             g_strdup_printf (_("Placement file ignored: %s"),
                                                 error->message));
        }
    }
}

EylPlacementSet *
eyl_placement_set_new_default (GPtrArray *warnings)
{
  EylPlacementSet *set = placement_set_new ();

  load_builtins (set, warnings);
  load_user_dir (set, warnings);
  return set;
}

/* "auto" ---------------------------------------------------------------- */

/* Smaller than a postcard (A6, 148 mm) on its longer side by a margin:
 * stickers, labels, badges, tickets. */
#define SMALL_PIECE_MM 120.0

/* Thresholds of DESIGN.md 3.1 and the size classes of ISO 216 / DIN 678,
 * with 2 % tolerance for bleed-less exports rounded to whole points. */
#define AUTO_BANNER_MM     1500.0 /* roll-ups are 2 m tall, backdrops wider */
#define AUTO_ROLLUP_MAX_W  1530.0 /* widest common roll-up: 1500 mm + 2 % */
#define AUTO_A3_LONG_MM    (420 * 0.98)
#define AUTO_LEAFLET_LONG  (210 * 0.98) /* DL, A5 long side */
#define AUTO_LEAFLET_SHORT (99 * 0.98)  /* DL short side */
/* Postcards: A6 105 × 148 mm and the 150 × 105 / 150 × 150 mm cards. */
#define AUTO_CARD_LONG  (148 * 0.98)
#define AUTO_CARD_SHORT (105 * 0.98)
/* Roll-ups are 1:2–1:2.5 (850 × 2000, 1000 × 2000 …); feather and beach
 * flags are narrower, 1:3 and more (650 × 2200, 600 × 2000, 850 × 3000). */
#define AUTO_FLAG_RATIO 2.8

EylPlacement *
eyl_placement_set_choose_auto (EylPlacementSet *set,
                               double           width_mm,
                               double           height_mm,
                               char           **reason)
{
  double        long_side = MAX (width_mm, height_mm);
  double        short_side = MIN (width_mm, height_mm);
  const char   *id;
  char         *why;
  EylPlacement *placement;

  g_return_val_if_fail (set != NULL, NULL);

  if (height_mm >= AUTO_BANNER_MM && width_mm > 0 && height_mm / width_mm >= AUTO_FLAG_RATIO)
    {
      id = "flag";
      why = g_strdup_printf (_("%.0f × %.0f mm, taller than 1.5 m and narrower than a roll-up (1:%.1f): a flag on a pole"),
                                width_mm, height_mm, height_mm / width_mm);
    }
  else if (height_mm >= AUTO_BANNER_MM && height_mm >= width_mm &&
           width_mm <= AUTO_ROLLUP_MAX_W)
    {
      id = "rollup-behind-table";
      why = g_strdup_printf (_("%.0f × %.0f mm portrait, taller than 1.5 m: a roll-up banner (assumed behind a table)"),
                                width_mm, height_mm);
    }
  else if (long_side >= AUTO_BANNER_MM)
    {
      id = "backdrop-wall";
      why = g_strdup_printf (_("%.0f × %.0f mm, wider than 1.5 m: a stand wall or backdrop (assumed with a table in front)"),
                                width_mm, height_mm);
    }
  else if (height_mm >= 500 && height_mm <= 1000 && width_mm > 0 &&
           height_mm / width_mm >= 1.8)
    {
      id = "tabletop-banner";
      why = g_strdup_printf (_("%.0f × %.0f mm, tall and narrow (%.1f:1) and 0.5–1 m high: a table-top banner"),
                                width_mm, height_mm, height_mm / width_mm);
    }
  else if (long_side >= AUTO_A3_LONG_MM)
    {
      id = "poster-wall";
      why = g_strdup_printf (_("%.0f × %.0f mm, A3 or larger: a poster on a wall"),
                                width_mm, height_mm);
    }
  else if (long_side >= AUTO_LEAFLET_LONG && short_side >= AUTO_LEAFLET_SHORT)
    {
      id = "leaflet-rack";
      why = g_strdup_printf (_("%.0f × %.0f mm, leaflet size (DL, A5 or A4): a leaflet in a rack"),
                                width_mm, height_mm);
    }
  else if (long_side >= AUTO_CARD_LONG && short_side >= AUTO_CARD_SHORT)
    {
      id = "leaflet-rack";
      why = g_strdup_printf (_("%.0f × %.0f mm, postcard size: a card in a rack, then in the hand"),
                                width_mm, height_mm);
    }
  else if (long_side < SMALL_PIECE_MM)
    {
      id = "sticker";
      why = g_strdup_printf (_("%.0f × %.0f mm, smaller than a postcard: a sticker or label"),
                                width_mm, height_mm);
    }
  else
    {
      id = "shelf-eye";
      why = g_strdup_printf (_("%.0f × %.0f mm, smaller than a DL leaflet: a pack face on an eye-level shelf"),
                                width_mm, height_mm);
    }

  placement = eyl_placement_set_lookup (set, id);
  if (placement == NULL && set->placements->len > 0)
    {
      /* Only possible with a hand-made set: take what there is. */
      placement = g_ptr_array_index (set->placements, 0);
      g_clear_pointer (&why, g_free);
      why = g_strdup_printf (_("No “%s” placement available: using “%s”"),
                                id, placement->id);
    }

  if (reason != NULL)
    *reason = why;
  else
    g_free (why);

  return placement != NULL ? eyl_placement_ref (placement) : NULL;
}

/* Overrides ------------------------------------------------------------- */

void
eyl_placement_overrides_init (EylPlacementOverrides *overrides)
{
  g_return_if_fail (overrides != NULL);

  /* every field is a double of the options table */
  for (gsize i = 0; i < sizeof *overrides / sizeof (double); i++)
    ((double *) overrides)[i] = NAN;
}

/* Reading in the hand: 0.35–0.4 m (DESIGN.md 3.1); a phone scanning a
 * code on a piece in the hand comes to 15–25 cm, as close as it focuses. */
#define HAND_DISTANCE_M      0.4
#define HAND_SCAN_DISTANCE_M 0.15
/* People step back until a piece on a wall fills a comfortable field of
 * view (~23°): about 2.5 times its longer side — ~1 m for an A3 poster,
 * ~3 m for an A0 (DESIGN.md 3.1), never farther than the preset's aisle
 * distance; scanning a code they come closer, to about its longer side. */
#define VIEW_DISTANCE_PER_SIDE 2.5
#define SCAN_DISTANCE_PER_SIDE 1.0
#define SAFE_MARGIN_PER_SIDE   0.05
/* Rack pockets take up to A4 portrait (210 mm wide) + a margin. */
#define FOLDED_MIN_WIDTH_MM 230.0

/* @width_mm × @height_mm is at least as large as the smallest of the
 * sizes @base names (by its longer side, 5 % for trims and national
 * formats: a US tabloid is an A3). */
static gboolean
is_poster_size (const EylPlacement *base,
                double              width_mm,
                double              height_mm)
{
  double smallest = G_MAXDOUBLE;

  if (base->sizes == NULL || base->sizes->len == 0)
    return FALSE;
  for (guint i = 0; i < base->sizes->len; i++)
    {
      const EylSizeMm *size = &g_array_index (base->sizes, EylSizeMm, i);

      smallest = MIN (smallest, MAX (size->width_mm, size->height_mm));
    }
  return MAX (width_mm, height_mm) >= 0.95 * smallest;
}

EylPlacement *
eyl_placement_for_piece (const EylPlacement *base,
                         double              width_mm,
                         double              height_mm,
                         guint               page_index,
                         gboolean            distance_given)
{
  EylPlacement *self;
  double        longer_m;

  g_return_val_if_fail (base != NULL, NULL);

  self = eyl_placement_copy (base);
  longer_m = (isfinite (width_mm) && isfinite (height_mm) ? MAX (width_mm, height_mm) : 0) / 1000.0;

  switch (self->kind)
    {
    case EYL_PLACEMENT_LEAFLET:
      /* The rack shows the cover's top; everything is read in the hand
       * (at the distance the user gave, when there is one). */
      self->hand_distance_m = distance_given ? self->distance_m : HAND_DISTANCE_M;
      self->scan_distance_m = MIN (self->scan_distance_m, HAND_SCAN_DISTANCE_M);
      self->needs_reach = FALSE;
      /* Wider than the widest pocket (A4 portrait) and landscape: folded in
       * three (letter-fold, roll-fold, 6-panel sheets). */
      if (page_index == 0 && width_mm > FOLDED_MIN_WIDTH_MM && width_mm > height_mm)
        self->cover_x0_fraction = 2.0 / 3.0;
      if (page_index > 0)
        {
          self->held = TRUE;
          self->visible_top_fraction = 1.0;
          self->hidden_bottom_mm = 0;
          self->hidden_top_mm = 0;
          if (!distance_given)
            self->distance_m = HAND_DISTANCE_M;
        }
      break;

    case EYL_PLACEMENT_SHELF:
      /* A pack is taken from the shelf to be read and scanned. */
      self->hand_distance_m = HAND_DISTANCE_M;
      self->scan_distance_m = MIN (self->scan_distance_m, HAND_SCAN_DISTANCE_M);
      self->needs_reach = FALSE;
      self->expects_contact = FALSE;
      self->expects_cta = FALSE;
      /* The strip hides per viewer (eyl_hidden_below_mm); the band no
       * one sees is what it hides from the tallest (the highest eye sees
       * the most over it): that is the fixed band the views draw. */
      if (self->strip_height_mm > 0 && isfinite (height_mm))
        {
          double deck = eyl_placement_bottom_above_floor (self, height_mm);
          double band = eyl_strip_line_mm (self, deck, MAX (self->eye_min_mm, self->eye_max_mm)) - deck;

          self->hidden_bottom_mm = MAX (self->hidden_bottom_mm, MAX (band, 0.0));
        }
      break;

    case EYL_PLACEMENT_POSTER:
      if (longer_m > 0)
        {
          /* Passers-by see a poster — the sizes the preset names as its
           * own — from the preset's distance: what makes them stop and
           * step up must be read from there.  A notice or a sticker on
           * the wall is read by who stops at it. */
          if (!distance_given)
            {
              if (is_poster_size (base, width_mm, height_mm))
                self->passing_distance_m = self->distance_m;
              self->distance_m = CLAMP (VIEW_DISTANCE_PER_SIDE * longer_m,
                                        HAND_DISTANCE_M, MAX (self->distance_m, HAND_DISTANCE_M));
            }
          self->scan_distance_m = CLAMP (SCAN_DISTANCE_PER_SIDE * longer_m,
                                         HAND_SCAN_DISTANCE_M,
                                         MAX (self->scan_distance_m, HAND_SCAN_DISTANCE_M));
        }
      break;

    case EYL_PLACEMENT_STICKER:
      self->expects_contact = FALSE;
      self->expects_cta = FALSE;
      break;

    case EYL_PLACEMENT_ROLLUP:
    case EYL_PLACEMENT_TABLETOP:
    case EYL_PLACEMENT_BACKDROP:
    case EYL_PLACEMENT_FLAG:
    default:
      break;
    }

  /* Printers ask for 3 mm on a sticker and 10 mm or more on a poster: the
   * safe margin shrinks with a small piece, to a twentieth of its shorter
   * side. */
  if (isfinite (width_mm) && isfinite (height_mm) && width_mm > 0 && height_mm > 0)
    self->safe_margin_mm = MIN (self->safe_margin_mm,
                                SAFE_MARGIN_PER_SIDE * MIN (width_mm, height_mm));

  if (longer_m > 0 && longer_m * 1000.0 < SMALL_PIECE_MM)
    {
      self->expects_contact = FALSE;
      self->expects_cta = FALSE;
    }
  return self;
}

EylPlacement *
eyl_placement_apply_overrides (const EylPlacement          *base,
                               const EylPlacementOverrides *overrides)
{
  EylPlacement *self;

  g_return_val_if_fail (base != NULL, NULL);

  self = eyl_placement_copy (base);
  if (overrides == NULL)
    return self;

  /* A number of the options table sets its placement field; the ones
   * below say what else follows from it. */
  {
    guint            n_options;
    const EylOption *options = eyl_options_get_all (&n_options);

    for (guint i = 0; i < n_options; i++)
      {
        double value = G_STRUCT_MEMBER (double, overrides, options[i].offset);

        if (options[i].placement_offset != 0 && eyl_option_in_range (&options[i], value))
          G_STRUCT_MEMBER (double, self, options[i].placement_offset) = value;
      }
  }
  {
    double eye_min = isfinite (overrides->eye_min_mm) && overrides->eye_min_mm > 0
                         ? overrides->eye_min_mm
                         : self->eye_min_mm;
    double eye_max = isfinite (overrides->eye_max_mm) && overrides->eye_max_mm > 0
                         ? overrides->eye_max_mm
                         : self->eye_max_mm;

    /* A reversed range is no range: the command line refuses it, so
     * nothing here makes one up by swapping its ends. */
    if (eye_min <= eye_max)
      {
        self->eye_min_mm = eye_min;
        self->eye_max_mm = eye_max;
      }
  }
  /* No table, nothing on it. */
  if (overrides->table_mm == 0)
    self->table_objects_mm = 0;
  if (isfinite (overrides->crowd_mm) && overrides->crowd_mm >= 0)
    {
      /* Where the preset puts no crowd: people at the front of the table
       * (a table is ~760 mm deep), else a metre in front.  Everyone
       * farther away looks over them. */
      if (overrides->crowd_mm > 0)
        {
          if (self->crowd_gap_mm <= 0)
            self->crowd_gap_mm = self->table_height_mm > 0 ? self->table_gap_mm + 760 : 1000;
          self->crowd_distance_m = 0;
        }
    }

  return self;
}

/* Scale and real size --------------------------------------------------- */

#define SCALE_TOLERANCE 0.02

static gboolean
size_matches (double           w,
              double           h,
              const EylSizeMm *nominal)
{
  /* ± 2 % in both dimensions, either orientation (DESIGN.md 3.1). */
  return (fabs (w / nominal->width_mm - 1) <= SCALE_TOLERANCE &&
          fabs (h / nominal->height_mm - 1) <= SCALE_TOLERANCE) ||
         (fabs (w / nominal->height_mm - 1) <= SCALE_TOLERANCE &&
          fabs (h / nominal->width_mm - 1) <= SCALE_TOLERANCE);
}

static gboolean
placement_matches (const EylPlacement *placement,
                   double              w,
                   double              h)
{
  if (placement == NULL || placement->sizes == NULL)
    return FALSE;
  for (guint i = 0; i < placement->sizes->len; i++)
    if (size_matches (w, h, &g_array_index (placement->sizes, EylSizeMm, i)))
      return TRUE;
  return FALSE;
}

/* Paper sizes a printer prints as they are: ISO 216 A0–A6, DL, US Letter,
 * Legal and Tabloid.  The A series are each other's exact fractions
 * (A4 × 2 = A2, A4 × 4 = A0), so guessing a scale for them is a coin toss. */
static gboolean
is_paper_size (double w,
               double h)
{
  static const EylSizeMm paper[] = {
    { 841, 1189 },
    { 594, 841 },
    { 420, 594 },
    { 297, 420 },
    { 210, 297 },
    { 148, 210 },
    { 105, 148 },
    { 99, 210 },
    { 215.9, 279.4 },
    { 215.9, 355.6 },
    { 279.4, 431.8 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (paper); i++)
    if (size_matches (w, h, &paper[i]))
      return TRUE;
  return FALSE;
}

/* The common part of both resolvers: @placements are tried in order. */
gboolean
eyl_placement_size_fitted (double                       page_w_pt,
                           double                       page_h_pt,
                           const EylPlacementOverrides *overrides)
{
  double page_ratio, user_ratio;

  if (overrides == NULL || !(page_w_pt > 0) || !(page_h_pt > 0) ||
      !(isfinite (overrides->size_w_mm) && overrides->size_w_mm > 0) ||
      !(isfinite (overrides->size_h_mm) && overrides->size_h_mm > 0))
    return FALSE;
  page_ratio = page_w_pt / page_h_pt;
  user_ratio = overrides->size_w_mm / overrides->size_h_mm;
  /* 2 %: bleed-less exports rounded to whole points. */
  return fabs (user_ratio / page_ratio - 1.0) > 0.02;
}

static void
resolve_size (const EylPlacement *const   *placements,
              guint                        n_placements,
              double                       page_w_pt,
              double                       page_h_pt,
              const EylPlacementOverrides *overrides,
              double                      *material_w_mm,
              double                      *material_h_mm,
              double                      *scale,
              EylScaleSource              *source)
{
  /* Bigger fractions first: 1:2 is a likelier working scale than 1:10. */
  static const double factors[] = { 2, 4, 5, 10 };
  double              page_w = page_w_pt * EYL_MM_PER_PT;
  double              page_h = page_h_pt * EYL_MM_PER_PT;
  double              out_w = page_w, out_h = page_h, out_scale = 1.0;
  EylScaleSource      out_source = EYL_SCALE_PAGE;
  gboolean            user_w = overrides != NULL && isfinite (overrides->size_w_mm) &&
                    overrides->size_w_mm > 0;
  gboolean user_h = overrides != NULL && isfinite (overrides->size_h_mm) &&
                    overrides->size_h_mm > 0;

  if ((user_w || user_h) && page_w > 0 && page_h > 0)
    {
      /* The user's size always wins; one side alone keeps the page's
       * proportions.  Two sides in other proportions than the page's
       * never stretch it: the page is scaled uniformly to fit inside them
       * (eyl_placement_size_fitted() tells the caller to say so). */
      out_w = user_w ? overrides->size_w_mm : overrides->size_h_mm * page_w / page_h;
      out_h = user_h ? overrides->size_h_mm : overrides->size_w_mm * page_h / page_w;
      if (user_w && user_h && eyl_placement_size_fitted (page_w_pt, page_h_pt, overrides))
        {
          double s = MIN (out_w / page_w, out_h / page_h);

          out_w = page_w * s;
          out_h = page_h * s;
        }
      out_scale = page_h / out_h;
      out_source = EYL_SCALE_USER;
      goto out;
    }

  if (page_w <= 0 || page_h <= 0)
    goto out;

  /* A page at 1:1 that is already a nominal size or a paper size. */
  for (guint i = 0; i < n_placements; i++)
    if (placement_matches (placements[i], page_w, page_h))
      goto out;
  if (is_paper_size (page_w, page_h))
    goto out;

  for (guint f = 0; f < G_N_ELEMENTS (factors); f++)
    {
      for (guint i = 0; i < n_placements; i++)
        {
          if (placement_matches (placements[i], page_w * factors[f],
                                 page_h * factors[f]))
            {
              out_w = page_w * factors[f];
              out_h = page_h * factors[f];
              out_scale = 1.0 / factors[f];
              out_source = EYL_SCALE_DETECTED;
              goto out;
            }
        }
    }

out:
  if (material_w_mm != NULL)
    *material_w_mm = out_w;
  if (material_h_mm != NULL)
    *material_h_mm = out_h;
  if (scale != NULL)
    *scale = out_scale;
  if (source != NULL)
    *source = out_source;
}

void
eyl_placement_resolve_size (const EylPlacement          *placement,
                            double                       page_w_pt,
                            double                       page_h_pt,
                            const EylPlacementOverrides *overrides,
                            double                      *material_w_mm,
                            double                      *material_h_mm,
                            double                      *scale,
                            EylScaleSource              *source)
{
  resolve_size (&placement, placement != NULL ? 1 : 0, page_w_pt, page_h_pt,
                overrides, material_w_mm, material_h_mm, scale, source);
}

void
eyl_placement_set_resolve_size (EylPlacementSet             *set,
                                double                       page_w_pt,
                                double                       page_h_pt,
                                const EylPlacementOverrides *overrides,
                                double                      *material_w_mm,
                                double                      *material_h_mm,
                                double                      *scale,
                                EylScaleSource              *source)
{
  g_return_if_fail (set != NULL);

  resolve_size ((const EylPlacement *const *) set->placements->pdata,
                set->placements->len, page_w_pt, page_h_pt, overrides,
                material_w_mm, material_h_mm, scale, source);
}
