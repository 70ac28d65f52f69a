/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-options.h: what one check is asked to do — the inputs of both
 * stages (DESIGN.md 3.5).  The Read stage (eyl-read.h) uses the real size,
 * the brand kit and the pixel options; the Evaluate stage (eyl-analysis.h)
 * the placement, its overrides and the legibility standard. */
#pragma once

#include "eyl-placement.h"
#include "eyl-geometry.h"
#include "eyl-brand-kit.h"
#include "eyl-detect-pixels.h"

G_BEGIN_DECLS

typedef struct
{
  EylPlacementSet      *placements; /* for "auto"; not owned */
  EylPlacement         *placement;  /* NULL = auto; not owned */
  EylPlacementOverrides overrides;
  EylLegibility         legibility;
  EylBrandKit          *brand_kit; /* may be NULL; not owned */
  EylPixelOptions       pixels;    /* OCR, QR codes, logos */
  /* The analysis raster: px per mm of the real size (default 1) and the
   * pixel budget of any one raster (default 16 Mpx); the worker copies
   * them into its EylRenderer. */
  double raster_px_per_mm;
  double raster_max_pixels;
  /* Packaging: the PDF the page comes from, for its dieline (NULL: none
   * read), its password, and the front panel the user chose (1-based;
   * 0 = the one with the largest brand and product name). */
  const char *source_path;
  const char *password;
  int         front_panel;
  /* EylLabelRuleSet chosen (eyl_label_rules_load), NULL for none; not owned. */
  GPtrArray *label_rules;
  /* The net quantity statement the user marked where Eyeline cannot
   * tell (the label rule sets judge it): text a line contains (NULL:
   * none), and/or a box in mm from the page's top-left corner as the
   * file draws it, pt × 25.4 / 72 (empty: none). */
  const char *net_quantity;
  EylRect     net_quantity_mm;
} EylAnalysisOptions;

void eyl_analysis_options_init (EylAnalysisOptions *options);

/* The real size of a visible page of @width_pt × @height_pt: the size the
 * user gave, else a nominal size of the placement (or, for "auto", of any
 * preset) the page is an exact fraction of, else the page at 1:1.  Both
 * stages ask it: Read for the raster's resolution, Evaluate for the
 * geometry.  @warnings (may be NULL) receives problems of the presets. */
void eyl_analysis_options_resolve_size (const EylAnalysisOptions *options,
                                        double                    width_pt,
                                        double                    height_pt,
                                        double                   *material_w_mm,
                                        double                   *material_h_mm,
                                        double                   *scale,
                                        EylScaleSource           *source,
                                        GPtrArray                *warnings);

/* The check settings a user gives (DESIGN.md 3.5): one table owns each
 * one's name, shape, unit, range, what it overrides and its words.  The
 * command line's options (--NAME), the worker's typed input
 * (EylCheckSettings), the window's
 * placement rows (their ranges and titles) and the GSettings key that
 * remembers a row all come from it.  Adding a setting: one line in
 * eyl-options-table.h, one row in ui/eyl-placement-panel.ui, one line in
 * the README. */
typedef enum
{
  EYL_OPTION_NUMBER, /* "750" */
  EYL_OPTION_RANGE,  /* "1405-1825" (also with an en or em dash) */
  EYL_OPTION_SIZE,   /* "850x2000" (also X or ×) */
} EylOptionShape;

typedef enum
{
  EYL_OPTION_UNIT_MM,     /* a length: mm (the window may show inches) */
  EYL_OPTION_UNIT_M,      /* a distance: m (the window may show feet) */
  EYL_OPTION_UNIT_ACUITY, /* decimal visual acuity (1 = 20/20); also
                           * typed as a Snellen fraction, "20/40", "6/12" */
} EylOptionUnit;

typedef struct
{
  const char    *name; /* "table-mm": --table-mm */
  EylOptionShape shape;
  EylOptionUnit  unit;
  double         min, max;        /* accepted values, in the unit */
  gsize          offset;          /* the value (a range's start, a size's
                                   * width) in EylPlacementOverrides */
  gsize          offset2;         /* a range's end, a size's height; or 0 */
  const char    *placement_key;   /* the placement-file key it overrides, or NULL */
  const char    *settings_key;    /* the GSettings key that remembers it, or NULL */
  const char    *label;           /* N_(): the window row's title */
  const char    *description;     /* N_(): --help */
  const char    *arg_description; /* N_(): --help's placeholder, "MM" */
  const char    *problem;         /* N_(): "--name: “%s” is not …" */
  /* A range's end: its placement-file key and GSettings key, or NULL. */
  const char *placement_key2;
  const char *settings_key2;
  /* What a check uses when neither the user nor the placement gives the
   * value (eyl_placement_new(), a placement file without the key), and
   * the default of the GSettings key; NAN for none (the size: the
   * page's).  Within [min, max]. */
  double fallback, fallback2;
  /* A number's field in EylPlacement that eyl_placement_apply_overrides()
   * sets to it, or 0. */
  gsize placement_offset;
} EylOption;

const EylOption *eyl_options_get_all (guint *n_options);
const EylOption *eyl_option_lookup (const char *name);
/* The option a placement-file key (eye_max_mm) or a GSettings key
 * (eye-max-mm) stands for, or NULL; @second: TRUE when the key is a
 * range's end. */
const EylOption *eyl_option_lookup_placement_key (const char *key,
                                                  gboolean   *second);
const EylOption *eyl_option_lookup_settings_key (const char *key,
                                                 gboolean   *second);

/* Parses @text (C locale, as typed on a command line) into @overrides;
 * FALSE with EYL_ERROR_INVALID saying "--name: “text” is not …" when it
 * is no value of @option, out of range, or a range whose end is below
 * its start. */
gboolean eyl_option_parse (const EylOption       *option,
                           const char            *text,
                           EylPlacementOverrides *overrides,
                           GError               **error);
/* @option's value in @overrides as eyl_option_parse() reads it; NULL when
 * it is not set (NAN). */
char *eyl_option_format (const EylOption             *option,
                         const EylPlacementOverrides *overrides);
/* Is @value (in the option's unit) one the option accepts? */
gboolean eyl_option_in_range (const EylOption *option,
                              double           value);

/* The settings of one check as the window and the command line hand them
 * to a worker (DESIGN.md 3.5): typed, never command-line text.  They
 * travel as one GVariant (a{sv}, version EYL_CHECK_SETTINGS_VERSION)
 * written and read here: each table option under its name (a number "d",
 * a range or a size "(dd)"), checked against the table on the way in as
 * the command line checks its text. */
#define EYL_CHECK_SETTINGS_VERSION 1

typedef struct
{
  char                 *placement;      /* a preset id or "auto"; NULL = auto */
  char                 *placement_file; /* a placement file to add, or NULL */
  EylPlacementOverrides overrides;
  EylLegibility         legibility;
  char                 *brand_kit; /* a kit file, or NULL */
  gboolean              ocr, qr, logos;
  char                 *ocr_languages;    /* NULL: every one installed */
  double                raster_px_per_mm; /* NAN: the default */
  double                raster_max_mpx;   /* NAN: the default */
  int                   front_panel;      /* 0: the largest brand's */
  char                 *label_rules;      /* ids or a file, or NULL */
  char                 *net_quantity;     /* text of the marked net quantity, or NULL */
  EylRect               net_quantity_mm;  /* its box in mm of the page; empty: none */
} EylCheckSettings;

void eyl_check_settings_init (EylCheckSettings *settings);
void eyl_check_settings_clear (EylCheckSettings *settings);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EylCheckSettings, eyl_check_settings_clear)

/* A floating GVariant of @settings. */
GVariant *eyl_check_settings_to_variant (const EylCheckSettings *settings);
/* Reads @variant into @settings (initialised here).  FALSE with
 * EYL_ERROR_INVALID when it is no settings of this version, or a value
 * is one the command line refuses too (same message: out of range, a
 * range whose end is below its start). */
gboolean eyl_check_settings_from_variant (GVariant         *variant,
                                          EylCheckSettings *settings,
                                          GError          **error);
/* What the Read stage depends on (the real size, the pixel options, the
 * raster, the brand kit file): equal keys, the same read. */
char *eyl_check_settings_dup_read_key (const EylCheckSettings *settings);

/* Checks values of @option (@b: a range's end or a size's height) as
 * eyl_option_parse() checks typed ones, with its message. */
gboolean eyl_option_check (const EylOption *option,
                           double           a,
                           double           b,
                           GError         **error);

/* A number as the command line takes it: C locale, finite, within
 * [@min, @max]. */
gboolean eyl_options_parse_number (const char *text,
                                   double      min,
                                   double      max,
                                   double     *value);

/* The words the window shows for the vocabulary of eyl-types.h (its
 * combo rows), translated; NULL for no value of the type. */
const char *eyl_legibility_get_label (EylLegibility standard);
/* What @standard asks, in a sentence (the legibility row's subtitle). */
const char *eyl_legibility_get_explanation (EylLegibility standard);
const char *eyl_units_get_label (EylUnits units);
const char *eyl_population_get_label (EylPopulation population);
/* The standing eye heights (P5–P95) of @population in mm; FALSE for
 * EYL_POPULATION_CUSTOM, whose heights the user types (the eye-mm
 * option). */
gboolean eyl_population_get_eye_range (EylPopulation population,
                                       double       *min_mm,
                                       double       *max_mm);

/* Lengths and ranges of heights in labels (the overlay, the side view,
 * the page view's tooltip), rounded to what a person would say:
 * "1250 mm" (to 5 mm), "49 in"; below 100 mm to the mm or 0.1 in
 * ("12 mm", "0.5 in" for a cap height); "1250–1800 mm". */
char *eyl_format_length (double   mm,
                         gboolean inches);
char *eyl_format_range (double   lo_mm,
                        double   hi_mm,
                        gboolean inches);

G_END_DECLS
