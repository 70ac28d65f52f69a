/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-types"

#include <string.h>

#include "eyl-types.h"

void
eyl_rect_union (EylRect       *dest,
                const EylRect *other)
{
  g_return_if_fail (dest != NULL);
  g_return_if_fail (other != NULL);

  /* An empty rectangle adds nothing; an empty destination takes the other. */
  if (eyl_rect_is_empty (other))
    return;
  if (eyl_rect_is_empty (dest))
    {
      *dest = *other;
      return;
    }

  dest->x0 = MIN (dest->x0, other->x0);
  dest->y0 = MIN (dest->y0, other->y0);
  dest->x1 = MAX (dest->x1, other->x1);
  dest->y1 = MAX (dest->y1, other->y1);
}

gboolean
eyl_rect_intersect (const EylRect *a,
                    const EylRect *b,
                    EylRect       *out)
{
  EylRect r;

  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  r.x0 = MAX (a->x0, b->x0);
  r.y0 = MAX (a->y0, b->y0);
  r.x1 = MIN (a->x1, b->x1);
  r.y1 = MIN (a->y1, b->y1);

  if (eyl_rect_is_empty (&r))
    {
      if (out != NULL)
        *out = (EylRect) { 0, 0, 0, 0 };
      return FALSE;
    }

  if (out != NULL)
    *out = r;
  return TRUE;
}

gboolean
eyl_rect_contains_point (const EylRect *r,
                         double         x,
                         double         y)
{
  g_return_val_if_fail (r != NULL, FALSE);

  return x >= r->x0 && x <= r->x1 && y >= r->y0 && y <= r->y1;
}

/* The strings are part of the JSON report: keep them stable. */
static const char *const element_kinds[EYL_N_ELEMENT_KINDS] = {
  [EYL_ELEMENT_URL] = "url",
  [EYL_ELEMENT_EMAIL] = "email",
  [EYL_ELEMENT_PHONE] = "phone",
  [EYL_ELEMENT_SOCIAL] = "social",
  [EYL_ELEMENT_QR] = "qr",
  [EYL_ELEMENT_ADDRESS] = "address",
  [EYL_ELEMENT_LOGO] = "logo",
  [EYL_ELEMENT_BRAND_NAME] = "brand_name",
  [EYL_ELEMENT_HEADLINE] = "headline",
  [EYL_ELEMENT_CTA] = "cta",
  [EYL_ELEMENT_OTHER_URL] = "other_url",
  [EYL_ELEMENT_BODY] = "body",
  [EYL_ELEMENT_SPONSOR_LOGO] = "sponsor_logo",
  [EYL_ELEMENT_REPEAT] = "repeat",
};

static const char *const sources[] = {
  [EYL_SOURCE_TEXT] = "text",
  [EYL_SOURCE_LINK] = "link",
  [EYL_SOURCE_OCR] = "ocr",
  [EYL_SOURCE_RASTER] = "raster",
  [EYL_SOURCE_BRAND_KIT] = "brand_kit",
  [EYL_SOURCE_INFERRED] = "inferred",
};

static const char *const severities[] = {
  [EYL_SEVERITY_INFO] = "info",
  [EYL_SEVERITY_WARNING] = "warning",
  [EYL_SEVERITY_ERROR] = "error",
};

static const char *
table_lookup (const char *const *table,
              guint              n,
              int                value)
{
  if (value < 0 || (guint) value >= n)
    return NULL;
  return table[value];
}

static gboolean
table_find (const char *const *table,
            guint              n,
            const char        *str,
            int               *value)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (table[i] != NULL && strcmp (table[i], str) == 0)
        {
          *value = (int) i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
eyl_element_kind_to_string (EylElementKind kind)
{
  return table_lookup (element_kinds, G_N_ELEMENTS (element_kinds), kind);
}

gboolean
eyl_element_kind_from_string (const char     *str,
                              EylElementKind *kind)
{
  int v;

  if (!table_find (element_kinds, G_N_ELEMENTS (element_kinds), str, &v))
    return FALSE;
  if (kind != NULL)
    *kind = (EylElementKind) v;
  return TRUE;
}

gboolean
eyl_element_kind_is_contact (EylElementKind kind)
{
  switch (kind)
    {
    case EYL_ELEMENT_URL:
    case EYL_ELEMENT_EMAIL:
    case EYL_ELEMENT_PHONE:
    case EYL_ELEMENT_SOCIAL:
    case EYL_ELEMENT_QR:
    case EYL_ELEMENT_ADDRESS:
      return TRUE;
    case EYL_ELEMENT_LOGO:
    case EYL_ELEMENT_BRAND_NAME:
    case EYL_ELEMENT_HEADLINE:
    case EYL_ELEMENT_CTA:
    case EYL_ELEMENT_OTHER_URL:
    case EYL_ELEMENT_BODY:
    case EYL_ELEMENT_SPONSOR_LOGO:
    case EYL_ELEMENT_REPEAT:
    case EYL_N_ELEMENT_KINDS:
    default:
      return FALSE;
    }
}

const char *
eyl_source_to_string (EylSource source)
{
  return table_lookup (sources, G_N_ELEMENTS (sources), source);
}

gboolean
eyl_source_from_string (const char *str,
                        EylSource  *source)
{
  int v;

  if (!table_find (sources, G_N_ELEMENTS (sources), str, &v))
    return FALSE;
  if (source != NULL)
    *source = (EylSource) v;
  return TRUE;
}

const char *
eyl_severity_to_string (EylSeverity severity)
{
  return table_lookup (severities, G_N_ELEMENTS (severities), severity);
}

gboolean
eyl_severity_from_string (const char  *str,
                          EylSeverity *severity)
{
  int v;

  if (!table_find (severities, G_N_ELEMENTS (severities), str, &v))
    return FALSE;
  if (severity != NULL)
    *severity = (EylSeverity) v;
  return TRUE;
}

G_DEFINE_ENUM_TYPE (EylLegibility, eyl_legibility, G_DEFINE_ENUM_VALUE (EYL_LEGIBILITY_1_200, "1:200"), G_DEFINE_ENUM_VALUE (EYL_LEGIBILITY_20_ARCMIN, "20-arcmin"), G_DEFINE_ENUM_VALUE (EYL_LEGIBILITY_1_300, "1:300"), G_DEFINE_ENUM_VALUE (EYL_LEGIBILITY_INCH_PER_10FT, "1in-per-10ft"), G_DEFINE_ENUM_VALUE (EYL_LEGIBILITY_ADA_703_5, "ada-703.5"))

G_DEFINE_ENUM_TYPE (EylUnits, eyl_units, G_DEFINE_ENUM_VALUE (EYL_UNITS_MM, "mm"), G_DEFINE_ENUM_VALUE (EYL_UNITS_IN, "in"))

G_DEFINE_ENUM_TYPE (EylPopulation, eyl_population, G_DEFINE_ENUM_VALUE (EYL_POPULATION_BOTH, "both"), G_DEFINE_ENUM_VALUE (EYL_POPULATION_UK, "uk"), G_DEFINE_ENUM_VALUE (EYL_POPULATION_US, "us"), G_DEFINE_ENUM_VALUE (EYL_POPULATION_SEATED, "seated"), G_DEFINE_ENUM_VALUE (EYL_POPULATION_CUSTOM, "custom"))

const char *
eyl_enum_to_nick (GType type,
                  int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *v = g_enum_get_value (klass, value);

  /* The class of a static type lives as long as the process. */
  return v != NULL ? v->value_nick : NULL;
}

gboolean
eyl_enum_from_nick (GType       type,
                    const char *nick,
                    int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *v;

  if (nick == NULL)
    return FALSE;
  klass = g_type_class_ref (type);
  v = g_enum_get_value_by_nick (klass, nick);
  if (v == NULL)
    return FALSE;
  if (value != NULL)
    *value = v->value;
  return TRUE;
}

const char *
eyl_legibility_to_string (EylLegibility standard)
{
  return eyl_enum_to_nick (EYL_TYPE_LEGIBILITY, standard);
}

gboolean
eyl_legibility_from_string (const char    *str,
                            EylLegibility *standard)
{
  int v;

  if (!eyl_enum_from_nick (EYL_TYPE_LEGIBILITY, str, &v))
    return FALSE;
  if (standard != NULL)
    *standard = (EylLegibility) v;
  return TRUE;
}
