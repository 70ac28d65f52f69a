/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-options"

#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <string.h>
#include <glib/gi18n.h>

#include "eyl-options.h"
#include "eyl-error.h"

/* Defaults of the analysis raster (issue 3): 1 px per mm of the real size
 * is enough for capitals of 10 mm and more (the smallest that matters at
 * 2 m under FAA 1:200) to get 7 px, and detectors re-render small regions
 * larger; 16 Mpx (64 MB of xRGB) bounds any page, even a 3 × 6 m
 * backdrop. */
#define DEFAULT_RASTER_PX_PER_MM  1.0
#define DEFAULT_RASTER_MAX_PIXELS (16.0 * 1000 * 1000)

void
eyl_analysis_options_init (EylAnalysisOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  eyl_placement_overrides_init (&options->overrides);
  options->legibility = EYL_LEGIBILITY_1_200;
  eyl_pixel_options_init (&options->pixels);
  options->raster_px_per_mm = DEFAULT_RASTER_PX_PER_MM;
  options->raster_max_pixels = DEFAULT_RASTER_MAX_PIXELS;
}

void
eyl_analysis_options_resolve_size (const EylAnalysisOptions *options,
                                   double                    width_pt,
                                   double                    height_pt,
                                   double                   *material_w_mm,
                                   double                   *material_h_mm,
                                   double                   *scale,
                                   EylScaleSource           *source,
                                   GPtrArray                *warnings)
{
  g_autoptr(EylPlacementSet) own_set = NULL;
  EylPlacementSet *set = options->placements;

  if (options->placement != NULL)
    {
      eyl_placement_resolve_size (options->placement, width_pt, height_pt, &options->overrides,
                                  material_w_mm, material_h_mm, scale, source);
      return;
    }
  if (set == NULL)
    set = own_set = eyl_placement_set_new_default (warnings);
  eyl_placement_set_resolve_size (set, width_pt, height_pt, &options->overrides,
                                  material_w_mm, material_h_mm, scale, source);
}

/* The table from its entries (eyl-options-table.h). */
#define OVERRIDE(field)  offsetof (EylPlacementOverrides, field)
#define PLACEMENT(field) offsetof (EylPlacement, field)
#define EYL_NUMBER_OPTION(name, unit, min, max, field, placement_field, placement_key, settings_key, \
                          fallback, label, description, arg, problem)                                \
  { name, EYL_OPTION_NUMBER, unit, min, max, OVERRIDE (field), 0, placement_key, settings_key,       \
    label, description, arg, problem, NULL, NULL, fallback, NAN, PLACEMENT (placement_field) },
#define EYL_PAIR_OPTION(name, shape, unit, min, max, field, field2, placement_key, placement_key2,          \
                        settings_key, settings_key2, fallback, fallback2, label, description, arg, problem) \
  { name, shape, unit, min, max, OVERRIDE (field), OVERRIDE (field2), placement_key, settings_key, label,   \
    description, arg, problem, placement_key2, settings_key2, fallback, fallback2, 0 },

static const EylOption options[] = {
#include "eyl-options-table.h"
};

#undef EYL_NUMBER_OPTION
#undef EYL_PAIR_OPTION

const EylOption *
eyl_options_get_all (guint *n_options)
{
  if (n_options != NULL)
    *n_options = G_N_ELEMENTS (options);
  return options;
}

const EylOption *
eyl_option_lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    if (g_strcmp0 (options[i].name, name) == 0)
      return &options[i];
  return NULL;
}

static const EylOption *
lookup_key (gsize       key_offset,
            gsize       key2_offset,
            const char *key,
            gboolean   *second)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (options); i++)
    {
      const char *first = G_STRUCT_MEMBER (const char *, &options[i], key_offset);
      const char *end = G_STRUCT_MEMBER (const char *, &options[i], key2_offset);

      if (g_strcmp0 (first, key) == 0 || g_strcmp0 (end, key) == 0)
        {
          if (second != NULL)
            *second = g_strcmp0 (end, key) == 0;
          return &options[i];
        }
    }
  return NULL;
}

const EylOption *
eyl_option_lookup_placement_key (const char *key,
                                 gboolean   *second)
{
  return lookup_key (G_STRUCT_OFFSET (EylOption, placement_key),
                     G_STRUCT_OFFSET (EylOption, placement_key2), key, second);
}

const EylOption *
eyl_option_lookup_settings_key (const char *key,
                                gboolean   *second)
{
  return lookup_key (G_STRUCT_OFFSET (EylOption, settings_key),
                     G_STRUCT_OFFSET (EylOption, settings_key2), key, second);
}

gboolean
eyl_options_parse_number (const char *text,
                          double      min,
                          double      max,
                          double     *value)
{
  char  *end = NULL;
  double v;

  if (text == NULL || *text == '\0')
    return FALSE;
  errno = 0;
  v = g_ascii_strtod (text, &end);
  if (errno != 0 || end == text || *end != '\0' || !isfinite (v) || v < min || v > max)
    return FALSE;
  *value = v;
  return TRUE;
}

/* "850x2000", "850X2000", "850×2000"; "1405-1825", "1405–1825". */
static gboolean
parse_pair (const EylOption *option,
            const char      *text,
            double          *a,
            double          *b)
{
  g_autoptr(GString) copy = g_string_new (text);
  char *split = NULL;
  gsize sep_len = 1;

  if (option->shape == EYL_OPTION_RANGE)
    {
      /* A range typed with an en or em dash, as the help writes it. */
      g_string_replace (copy, "–", "-", 0);
      g_string_replace (copy, "—", "-", 0);
      g_strstrip (copy->str);
      /* skip a leading sign so "-5-10" is not split at the sign */
      if (copy->str[0] != '\0')
        split = strchr (copy->str + 1, '-');
    }
  else
    {
      g_string_replace (copy, "×", "x", 0);
      split = strpbrk (copy->str, "xX");
    }
  if (split == NULL)
    return FALSE;

  *split = '\0';
  return eyl_options_parse_number (g_strstrip (copy->str), option->min, option->max, a) && eyl_options_parse_number (g_strstrip (split + sep_len), option->min, option->max, b);
}

#define FIELD(overrides, offset) ((double *) ((char *) (overrides) + (offset)))

gboolean
eyl_option_parse (const EylOption       *option,
                  const char            *text,
                  EylPlacementOverrides *overrides,
                  GError               **error)
{
  double   a = NAN, b = NAN;
  gboolean ok;

  g_return_val_if_fail (option != NULL, FALSE);
  g_return_val_if_fail (overrides != NULL, FALSE);

  if (text == NULL)
    text = "";
  if (option->shape == EYL_OPTION_NUMBER)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));
      char            *slash = strchr (stripped, '/');

      if (option->unit == EYL_OPTION_UNIT_ACUITY && slash != NULL)
        {
          /* A Snellen fraction: test distance / the distance at which a
           * normal eye reads the same line (20/40 = 0.5). */
          double num, den;

          *slash = '\0';
          ok = eyl_options_parse_number (g_strstrip (stripped), 1, 1000, &num) &&
               eyl_options_parse_number (g_strstrip (slash + 1), 1, 10000, &den) &&
               eyl_option_in_range (option, a = num / den);
        }
      else
        ok = eyl_options_parse_number (stripped, option->min, option->max, &a);
    }
  else
    ok = parse_pair (option, text, &a, &b) && (option->shape != EYL_OPTION_RANGE || a <= b);

  if (!ok)
    {
      g_set_error (error, EYL_ERROR, EYL_ERROR_INVALID, _(option->problem), text);
      return FALSE;
    }
  *FIELD (overrides, option->offset) = a;
  if (option->shape != EYL_OPTION_NUMBER)
    *FIELD (overrides, option->offset2) = b;
  return TRUE;
}

char *
eyl_option_format (const EylOption             *option,
                   const EylPlacementOverrides *overrides)
{
  char   a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];
  double va, vb;

  g_return_val_if_fail (option != NULL, NULL);
  g_return_val_if_fail (overrides != NULL, NULL);

  va = *FIELD (overrides, option->offset);
  if (!isfinite (va))
    return NULL;
  g_ascii_formatd (a, sizeof a, "%.10g", va);
  if (option->shape == EYL_OPTION_NUMBER)
    return g_strdup (a);
  vb = *FIELD (overrides, option->offset2);
  if (!isfinite (vb))
    return NULL;
  g_ascii_formatd (b, sizeof b, "%.10g", vb);
  return g_strconcat (a, option->shape == EYL_OPTION_RANGE ? "-" : "x", b, NULL);
}

gboolean
eyl_option_in_range (const EylOption *option,
                     double           value)
{
  g_return_val_if_fail (option != NULL, FALSE);

  return isfinite (value) && value >= option->min && value <= option->max;
}

/* @a (and @b) as eyl_option_parse() reads them: "1405-1825". */
static char *
format_values (const EylOption *option,
               double           a,
               double           b)
{
  EylPlacementOverrides values;

  eyl_placement_overrides_init (&values);
  *FIELD (&values, option->offset) = a;
  if (option->shape != EYL_OPTION_NUMBER)
    *FIELD (&values, option->offset2) = b;
  return eyl_option_format (option, &values);
}

gboolean
eyl_option_check (const EylOption *option,
                  double           a,
                  double           b,
                  GError         **error)
{
  g_return_val_if_fail (option != NULL, FALSE);

  if (eyl_option_in_range (option, a) &&
      (option->shape == EYL_OPTION_NUMBER ||
       (eyl_option_in_range (option, b) && (option->shape != EYL_OPTION_RANGE || a <= b))))
    return TRUE;

  {
    g_autofree char *text = format_values (option, a, b);

    g_set_error (error, EYL_ERROR, EYL_ERROR_INVALID, _(option->problem), text != NULL ? text : "");
  }
  return FALSE;
}

char *
eyl_format_length (double   mm,
                   gboolean inches)
{
  gboolean small = fabs (mm) < 100;

  if (inches)
    /* TRANSLATORS: a length in inches */
    return g_strdup_printf (small ? _("%.1f in") : _("%.0f in"), mm / 25.4);
  /* TRANSLATORS: a length in millimetres */
  return g_strdup_printf (_("%.0f mm"), small ? mm : round (mm / 5.0) * 5.0);
}

char *
eyl_format_range (double   lo_mm,
                  double   hi_mm,
                  gboolean inches)
{
  if (inches)
    /* TRANSLATORS: a range of heights in inches, e.g. "49–71 in" */
    return g_strdup_printf (_("%.0f–%.0f in"), lo_mm / 25.4, hi_mm / 25.4);
  /* TRANSLATORS: a range of heights in millimetres, e.g. "1250–1800 mm" */
  return g_strdup_printf (_("%.0f–%.0f mm"),
                             round (lo_mm / 5.0) * 5.0, round (hi_mm / 5.0) * 5.0);
}

/* The vocabulary's words ------------------------------------------------ */

/* clang-format off */
static const char *const legibility_labels[] = {
  [EYL_LEGIBILITY_1_200] = N_("1:200 (FAA)"),
  [EYL_LEGIBILITY_20_ARCMIN] = N_("20 arcminutes"),
  [EYL_LEGIBILITY_1_300] = N_("1:300 (lenient)"),
  [EYL_LEGIBILITY_INCH_PER_10FT] = N_("1 inch per 10 feet"),
  [EYL_LEGIBILITY_ADA_703_5] = N_("ADA 703.5"),
};

static const char *const legibility_explanations[] = {
  [EYL_LEGIBILITY_1_200] = N_("Cap height at least 1/200 of the reading distance: 10 mm at 2 m (FAA)."),
  [EYL_LEGIBILITY_20_ARCMIN] = N_("Capitals subtend at least 20 minutes of arc: 11.6 mm at 2 m (human factors)."),
  [EYL_LEGIBILITY_1_300] = N_("Cap height at least 1/300 of the distance: a lenient rule for short reads."),
  [EYL_LEGIBILITY_INCH_PER_10FT] = N_("One inch of letter height per ten feet of distance (sign industry)."),
  [EYL_LEGIBILITY_ADA_703_5] = N_("ADA 2010 Table 703.5.5: depends on the distance and the mounting height."),
};

static const char *const units_labels[] = {
  [EYL_UNITS_MM] = N_("Millimetres and metres"),
  [EYL_UNITS_IN] = N_("Inches and feet"),
};

/* Viewer populations (DESIGN.md 3.1): standing eye heights P5 woman to
 * P95 man; seated / wheelchair viewers ~1100–1300 mm. */
static const struct
{
  const char *label;
  double      min_mm, max_mm;
} populations[] = {
  [EYL_POPULATION_BOTH] = { N_("UK and US adults"), 1405, 1825 },
  [EYL_POPULATION_UK] = { N_("UK adults"), 1405, 1745 },
  [EYL_POPULATION_US] = { N_("US adults"), 1420, 1825 },
  [EYL_POPULATION_SEATED] = { N_("Seated viewers"), 1100, 1300 },
  [EYL_POPULATION_CUSTOM] = { N_("Custom"), NAN, NAN },
};
/* clang-format on */

static const char *
word (const char *const *words,
      guint              n,
      int                value)
{
  return value >= 0 && (guint) value < n && words[value] != NULL ? _(words[value]) : NULL;
}

const char *
eyl_legibility_get_label (EylLegibility standard)
{
  return word (legibility_labels, G_N_ELEMENTS (legibility_labels), standard);
}

const char *
eyl_legibility_get_explanation (EylLegibility standard)
{
  return word (legibility_explanations, G_N_ELEMENTS (legibility_explanations), standard);
}

const char *
eyl_units_get_label (EylUnits units)
{
  return word (units_labels, G_N_ELEMENTS (units_labels), units);
}

const char *
eyl_population_get_label (EylPopulation population)
{
  if ((guint) population >= G_N_ELEMENTS (populations))
    return NULL;
  return _(populations[population].label);
}

gboolean
eyl_population_get_eye_range (EylPopulation population,
                              double       *min_mm,
                              double       *max_mm)
{
  if ((guint) population >= G_N_ELEMENTS (populations) || isnan (populations[population].min_mm))
    return FALSE;
  *min_mm = populations[population].min_mm;
  *max_mm = populations[population].max_mm;
  return TRUE;
}

/* Settings of a check --------------------------------------------------- */

void
eyl_check_settings_init (EylCheckSettings *settings)
{
  g_return_if_fail (settings != NULL);

  memset (settings, 0, sizeof *settings);
  eyl_placement_overrides_init (&settings->overrides);
  settings->legibility = EYL_LEGIBILITY_1_200;
  settings->ocr = settings->qr = settings->logos = TRUE;
  settings->raster_px_per_mm = NAN;
  settings->raster_max_mpx = NAN;
}

void
eyl_check_settings_clear (EylCheckSettings *settings)
{
  g_clear_pointer (&settings->placement, g_free);
  g_clear_pointer (&settings->placement_file, g_free);
  g_clear_pointer (&settings->brand_kit, g_free);
  g_clear_pointer (&settings->ocr_languages, g_free);
  g_clear_pointer (&settings->label_rules, g_free);
  g_clear_pointer (&settings->net_quantity, g_free);
}

/* The fields besides the table's, in one place for the writer and the
 * reader: key, GVariant type, offset in EylCheckSettings. */
static const struct
{
  const char *key;
  const char *type; /* "ay" (a string as its bytes: a file name or an id
                     * typed in any encoding), "b", "d", "i" */
  gsize       offset;
} setting_fields[] = {
  { "placement", "ay", G_STRUCT_OFFSET (EylCheckSettings, placement) },
  { "placement-file", "ay", G_STRUCT_OFFSET (EylCheckSettings, placement_file) },
  { "brand-kit", "ay", G_STRUCT_OFFSET (EylCheckSettings, brand_kit) },
  { "ocr", "b", G_STRUCT_OFFSET (EylCheckSettings, ocr) },
  { "qr", "b", G_STRUCT_OFFSET (EylCheckSettings, qr) },
  { "logos", "b", G_STRUCT_OFFSET (EylCheckSettings, logos) },
  { "ocr-languages", "ay", G_STRUCT_OFFSET (EylCheckSettings, ocr_languages) },
  { "raster-px-per-mm", "d", G_STRUCT_OFFSET (EylCheckSettings, raster_px_per_mm) },
  { "raster-max-mpx", "d", G_STRUCT_OFFSET (EylCheckSettings, raster_max_mpx) },
  { "front-panel", "i", G_STRUCT_OFFSET (EylCheckSettings, front_panel) },
  { "label-rules", "ay", G_STRUCT_OFFSET (EylCheckSettings, label_rules) },
  { "net-quantity", "ay", G_STRUCT_OFFSET (EylCheckSettings, net_quantity) },
};

GVariant *
eyl_check_settings_to_variant (const EylCheckSettings *settings)
{
  GVariantDict dict;

  g_return_val_if_fail (settings != NULL, NULL);

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "version", "u", (guint32) EYL_CHECK_SETTINGS_VERSION);
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      double a = *FIELD (&settings->overrides, options[i].offset);
      double b = options[i].shape != EYL_OPTION_NUMBER ? *FIELD (&settings->overrides, options[i].offset2) : NAN;

      /* Half a pair is no value (as eyl_option_format says). */
      if (!isfinite (a) || (options[i].shape != EYL_OPTION_NUMBER && !isfinite (b)))
        continue;
      if (options[i].shape == EYL_OPTION_NUMBER)
        g_variant_dict_insert (&dict, options[i].name, "d", a);
      else
        g_variant_dict_insert (&dict, options[i].name, "(dd)", a, b);
    }
  g_variant_dict_insert (&dict, "legibility", "s", eyl_legibility_to_string (settings->legibility));
  if (!eyl_rect_is_empty (&settings->net_quantity_mm))
    g_variant_dict_insert (&dict, "net-quantity-mm", "(dddd)", settings->net_quantity_mm.x0,
                           settings->net_quantity_mm.y0, settings->net_quantity_mm.x1,
                           settings->net_quantity_mm.y1);
  for (guint i = 0; i < G_N_ELEMENTS (setting_fields); i++)
    {
      gconstpointer field = G_STRUCT_MEMBER_P (settings, setting_fields[i].offset);
      const char   *type = setting_fields[i].type;

      if (g_str_equal (type, "b"))
        g_variant_dict_insert (&dict, setting_fields[i].key, "b", *(const gboolean *) field);
      else if (g_str_equal (type, "i"))
        g_variant_dict_insert (&dict, setting_fields[i].key, "i", (gint32) * (const int *) field);
      else if (g_str_equal (type, "d"))
        {
          if (isfinite (*(const double *) field))
            g_variant_dict_insert (&dict, setting_fields[i].key, "d", *(const double *) field);
        }
      else if (*(char *const *) field != NULL)
        g_variant_dict_insert (&dict, setting_fields[i].key, "^ay", *(char *const *) field);
    }
  return g_variant_dict_end (&dict);
}

static gboolean
settings_error (GError    **error,
                const char *key)
{
  g_set_error (error, EYL_ERROR, EYL_ERROR_INVALID,
               _("The check’s settings are not readable: “%s” is not what this version expects"), key);
  return FALSE;
}

gboolean
eyl_check_settings_from_variant (GVariant         *variant,
                                 EylCheckSettings *settings,
                                 GError          **error)
{
  g_autoptr(GVariantDict) dict = NULL;
  guint32          version = 0;
  g_autofree char *legibility = NULL;

  g_return_val_if_fail (variant != NULL, FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);

  eyl_check_settings_init (settings);
  if (!g_variant_is_of_type (variant, G_VARIANT_TYPE_VARDICT))
    return settings_error (error, "a{sv}");
  dict = g_variant_dict_new (variant);
  if (!g_variant_dict_lookup (dict, "version", "u", &version) || version != EYL_CHECK_SETTINGS_VERSION)
    return settings_error (error, "version");

  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      const EylOption *option = &options[i];
      g_autoptr(GVariant) value = g_variant_dict_lookup_value (dict, option->name, NULL);
      double a = NAN, b = NAN;

      if (value == NULL)
        continue;
      if (option->shape == EYL_OPTION_NUMBER && g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
        a = g_variant_get_double (value);
      else if (option->shape != EYL_OPTION_NUMBER && g_variant_is_of_type (value, G_VARIANT_TYPE ("(dd)")))
        g_variant_get (value, "(dd)", &a, &b);
      else
        return settings_error (error, option->name);
      if (!eyl_option_check (option, a, b, error))
        return FALSE;
      *FIELD (&settings->overrides, option->offset) = a;
      if (option->shape != EYL_OPTION_NUMBER)
        *FIELD (&settings->overrides, option->offset2) = b;
    }

  if (g_variant_dict_lookup (dict, "legibility", "s", &legibility) &&
      !eyl_legibility_from_string (legibility, &settings->legibility))
    return settings_error (error, "legibility");
  {
    g_autoptr(GVariant) box = g_variant_dict_lookup_value (dict, "net-quantity-mm", NULL);
    EylRect *r = &settings->net_quantity_mm;

    if (box != NULL && !g_variant_is_of_type (box, G_VARIANT_TYPE ("(dddd)")))
      return settings_error (error, "net-quantity-mm");
    if (box != NULL)
      {
        g_variant_get (box, "(dddd)", &r->x0, &r->y0, &r->x1, &r->y1);
        if (!(isfinite (r->x0) && isfinite (r->y0) && isfinite (r->x1) && isfinite (r->y1)) ||
            eyl_rect_is_empty (r))
          return settings_error (error, "net-quantity-mm");
      }
  }

  for (guint i = 0; i < G_N_ELEMENTS (setting_fields); i++)
    {
      gpointer    field = G_STRUCT_MEMBER_P (settings, setting_fields[i].offset);
      const char *type = setting_fields[i].type;
      g_autoptr(GVariant) value = g_variant_dict_lookup_value (dict, setting_fields[i].key, NULL);

      if (value == NULL)
        continue;
      if (!g_variant_is_of_type (value, G_VARIANT_TYPE (type)))
        return settings_error (error, setting_fields[i].key);
      if (g_str_equal (type, "b"))
        *(gboolean *) field = g_variant_get_boolean (value);
      else if (g_str_equal (type, "i"))
        *(int *) field = g_variant_get_int32 (value);
      else if (g_str_equal (type, "d"))
        *(double *) field = g_variant_get_double (value);
      else
        *(char **) field = g_variant_dup_bytestring (value, NULL);
    }

  /* The bounds the command line puts on the same settings. */
  if ((isfinite (settings->raster_px_per_mm) && !(settings->raster_px_per_mm >= 0.05 && settings->raster_px_per_mm <= 50)) ||
      (!isnan (settings->raster_px_per_mm) && !isfinite (settings->raster_px_per_mm)))
    return settings_error (error, "raster-px-per-mm");
  if ((isfinite (settings->raster_max_mpx) && !(settings->raster_max_mpx >= 0.01 && settings->raster_max_mpx <= 64)) ||
      (!isnan (settings->raster_max_mpx) && !isfinite (settings->raster_max_mpx)))
    return settings_error (error, "raster-max-mpx");
  if (settings->front_panel < 0 || settings->front_panel > 1000)
    return settings_error (error, "front-panel");
  return TRUE;
}

char *
eyl_check_settings_dup_read_key (const EylCheckSettings *settings)
{
  GString *key;
  double   numbers[4];

  g_return_val_if_fail (settings != NULL, NULL);

  key = g_string_new (NULL);
  numbers[0] = settings->overrides.size_w_mm;
  numbers[1] = settings->overrides.size_h_mm;
  numbers[2] = settings->raster_px_per_mm;
  numbers[3] = settings->raster_max_mpx;
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (key, "%s ", g_ascii_formatd (number, sizeof number, "%.10g", numbers[i]));
    }
  g_string_append_printf (key, "\nocr %d %s qr %d logos %d\nkit %s\n", settings->ocr,
                          settings->ocr_languages != NULL ? settings->ocr_languages : "",
                          settings->qr, settings->logos,
                          settings->brand_kit != NULL ? settings->brand_kit : "");
  return g_string_free (key, FALSE);
}

void
eyl_pixel_options_init (EylPixelOptions *pixels)
{
  g_return_if_fail (pixels != NULL);

  memset (pixels, 0, sizeof *pixels);
  pixels->ocr = TRUE;
  pixels->ocr_languages = NULL;
  pixels->qr = TRUE;
  pixels->logos = TRUE;
}
