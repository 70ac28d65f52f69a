/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-types.h: small value types shared by the whole engine */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A rectangle in page space: PDF points, origin at the top-left corner
 * of the visible page (crop box, after /Rotate), y growing downwards. */
typedef struct
{
  double x0, y0, x1, y1;
} EylRect;

static inline double
eyl_rect_width (const EylRect *r)
{
  return r->x1 - r->x0;
}

static inline double
eyl_rect_height (const EylRect *r)
{
  return r->y1 - r->y0;
}

static inline gboolean
eyl_rect_is_empty (const EylRect *r)
{
  return !(r->x1 > r->x0 && r->y1 > r->y0);
}

void     eyl_rect_union (EylRect       *dest,
                         const EylRect *other);
gboolean eyl_rect_intersect (const EylRect *a,
                             const EylRect *b,
                             EylRect       *out);
gboolean eyl_rect_contains_point (const EylRect *r,
                                  double         x,
                                  double         y);

/* Reading order of two boxes: top to bottom, then left to right
 * (negative when @a comes first, 0 for the same corner). */
static inline int
eyl_rect_compare_reading (const EylRect *a,
                          const EylRect *b)
{
  if (a->y0 != b->y0)
    return a->y0 < b->y0 ? -1 : 1;
  return (a->x0 > b->x0) - (a->x0 < b->x0);
}

typedef enum
{
  EYL_ELEMENT_URL,
  EYL_ELEMENT_EMAIL,
  EYL_ELEMENT_PHONE,
  EYL_ELEMENT_SOCIAL,
  EYL_ELEMENT_QR,
  EYL_ELEMENT_ADDRESS,
  EYL_ELEMENT_LOGO,
  EYL_ELEMENT_BRAND_NAME,
  EYL_ELEMENT_HEADLINE,
  EYL_ELEMENT_CTA,
  EYL_ELEMENT_OTHER_URL,
  EYL_ELEMENT_BODY,
  EYL_ELEMENT_SPONSOR_LOGO, /* a block of sponsors' or partners' marks */
  EYL_ELEMENT_REPEAT,       /* a step-and-repeat: marks repeated on a lattice
                             * over most of the piece (a photo wall) */
  EYL_N_ELEMENT_KINDS
} EylElementKind;

/* "url", "email", … as in the JSON report; NULL for an unknown kind. */
const char *eyl_element_kind_to_string (EylElementKind kind);
gboolean    eyl_element_kind_from_string (const char     *str,
                                          EylElementKind *kind);
/* TRUE for the kinds that tell a customer how to reach the brand. */
gboolean eyl_element_kind_is_contact (EylElementKind kind);

typedef enum
{
  EYL_SOURCE_TEXT,
  EYL_SOURCE_LINK,
  EYL_SOURCE_OCR,
  EYL_SOURCE_RASTER,
  EYL_SOURCE_BRAND_KIT,
  EYL_SOURCE_INFERRED,
} EylSource;

const char *eyl_source_to_string (EylSource source);
gboolean    eyl_source_from_string (const char *str,
                                    EylSource  *source);

typedef enum
{
  EYL_SEVERITY_INFO,
  EYL_SEVERITY_WARNING,
  EYL_SEVERITY_ERROR,
} EylSeverity;

const char *eyl_severity_to_string (EylSeverity severity);
gboolean    eyl_severity_from_string (const char  *str,
                                      EylSeverity *severity);

/* Legibility standards for text-too-small (DESIGN.md 3.3 and 5). */
typedef enum
{
  EYL_LEGIBILITY_1_200,         /* FAA: cap height ≥ distance / 200 (default) */
  EYL_LEGIBILITY_20_ARCMIN,     /* human factors: cap height subtends ≥ 20′ */
  EYL_LEGIBILITY_1_300,         /* lenient: distance / 300 */
  EYL_LEGIBILITY_INCH_PER_10FT, /* sign industry: 1 in per 10 ft */
  EYL_LEGIBILITY_ADA_703_5,     /* ADA 2010 Table 703.5.5 */
} EylLegibility;

/* The vocabulary of the settings (issue 13) is registered as GEnums whose
 * nicks are the words the GSettings keys, placement files, command line
 * and JSON reports use ("1:200", "in", "seated"): the schema's <enum>s
 * (build-aux/eyl-gen-schema.c) and the window's combo rows
 * (AdwEnumListModel) are made from the types. */
GType eyl_legibility_get_type (void) G_GNUC_CONST;
#define EYL_TYPE_LEGIBILITY (eyl_legibility_get_type ())

const char *eyl_legibility_to_string (EylLegibility standard);
gboolean    eyl_legibility_from_string (const char    *str,
                                        EylLegibility *standard);

/* How lengths are shown and typed: mm and m, or inches and feet. */
typedef enum
{
  EYL_UNITS_MM,
  EYL_UNITS_IN,
} EylUnits;

GType eyl_units_get_type (void) G_GNUC_CONST;
#define EYL_TYPE_UNITS (eyl_units_get_type ())

/* Whose eyes the material is checked for (DESIGN.md 3.1); their eye
 * heights: eyl_population_get_eye_range() (eyl-options.h). */
typedef enum
{
  EYL_POPULATION_BOTH, /* UK and US adults */
  EYL_POPULATION_UK,
  EYL_POPULATION_US,
  EYL_POPULATION_SEATED, /* seated and wheelchair users */
  EYL_POPULATION_CUSTOM, /* the eye heights typed */
} EylPopulation;

GType eyl_population_get_type (void) G_GNUC_CONST;
#define EYL_TYPE_POPULATION (eyl_population_get_type ())

/* The nick of @value of the enum @type, or NULL when it has none. */
const char *eyl_enum_to_nick (GType type,
                              int   value);
/* The value whose nick is @nick; FALSE (and @value untouched) for none. */
gboolean eyl_enum_from_nick (GType       type,
                             const char *nick,
                             int        *value);

G_END_DECLS
