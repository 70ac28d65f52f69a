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

#define OVERRIDE(field) offsetof (EylPlacementOverrides, field)

static const EylOption options[] = {
  { "size-mm", EYL_OPTION_SIZE, EYL_OPTION_UNIT_MM, 1, 100000,
    OVERRIDE (size_w_mm), OVERRIDE (size_h_mm), "sizes_mm", NULL,
    N_("Real size"),
        N_("Real size of the visible artwork in mm, e.g. 850x2000"), N_("WxH"), N_("--size-mm: “%s” is not a size in millimetres like 850x2000"), NULL, NULL, NAN, NAN }, { "distance-m", EYL_OPTION_NUMBER, EYL_OPTION_UNIT_M, 0.05, 1000, OVERRIDE (distance_m), 0, "distance_m", NULL, N_("Reading distance"), N_("Reading distance in metres"), N_("M"), N_("--distance-m: “%s” is not a distance in metres (0.05 to 1000)"), NULL, NULL, 2.0, NAN }, { "eye-mm", EYL_OPTION_RANGE, EYL_OPTION_UNIT_MM, 300, 3000, OVERRIDE (eye_min_mm), OVERRIDE (eye_max_mm), "eye_min_mm", "eye-min-mm", N_("Eye heights"), N_("Standing eye heights of the viewers (P5–P95), e.g. 1405-1825"), N_("MIN-MAX"), N_("--eye-mm: “%s” is not a range of eye heights in mm like 1405-1825"),
                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                     /* CityU anthropometry: P5 UK woman, P95 US man */
                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                     "eye_max_mm",
                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                     "eye-max-mm",
                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                     1405,
                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                     1825 },
                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                { "table-mm", EYL_OPTION_NUMBER, EYL_OPTION_UNIT_MM, 0, 3000, OVERRIDE (table_mm), 0, "table_height_mm", NULL, N_("Table height"), N_("Height of the table in front in mm (0 = no table)"), N_("MM"), N_("--table-mm: “%s” is not a table height in mm (0 = no table)"), NULL, NULL, 0, NAN }, { "gap-mm", EYL_OPTION_NUMBER, EYL_OPTION_UNIT_MM, 0, 10000, OVERRIDE (gap_mm), 0, "table_gap_mm", NULL, N_("Gap behind the table"), N_("Gap between the table’s back edge and the material in mm"), N_("MM"), N_("--gap-mm: “%s” is not a distance in mm"), NULL, NULL, 0, NAN }, { "crowd-mm", EYL_OPTION_NUMBER, EYL_OPTION_UNIT_MM, 0, 2500, OVERRIDE (crowd_mm), 0, "crowd_height_mm", "crowd-mm", N_("Crowd in front"), N_("Height of a crowd standing in front (at the table’s front edge, else 1 m away) "
       "in mm, e.g. 1500 for shoulders (0 = none)"),
                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                          N_("MM"), N_("--crowd-mm: “%s” is not a crowd height in mm (0 = none)"), NULL, NULL, 0, NAN },
                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                          { "acuity", EYL_OPTION_NUMBER, EYL_OPTION_UNIT_ACUITY, 0.05, 2, OVERRIDE (acuity), 0, "acuity", "acuity", N_("Viewers’ eyesight"), N_("Visual acuity of the viewers, as a Snellen fraction (20/40, 6/12) or decimal (0.5); "
       "20/40 halves the distance text can be read from (default 20/20)"),
                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                  N_("ACUITY"), N_("--acuity: “%s” is not a visual acuity like 20/40 or 0.5 (20/400 to 20/10)"),
                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                     /* 20/20 */
                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                     NULL,
                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                     NULL,
                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                     1.0,
                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                     NAN },
                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                           };

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

void
eyl_options_to_args (const EylPlacementOverrides *overrides,
                     GPtrArray                   *args)
{
  g_return_if_fail (overrides != NULL);
  g_return_if_fail (args != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      g_autofree char *value = eyl_option_format (&options[i], overrides);

      /* one argv element, so a value starting with '-' stays a value */
      if (value != NULL)
        g_ptr_array_add (args, g_strdup_printf ("--%s=%s", options[i].name, value));
    }
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
