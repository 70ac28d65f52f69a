/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-placement.h: where and how the material is seen (DESIGN.md 3.1).
 *
 * Presets are GKeyFiles in data/placements/, compiled into the GResource;
 * user files in $XDG_CONFIG_HOME/eyeline/placements/ and --placement-file
 * add to or replace them by id. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The placement id that asks for a preset chosen from the page's real
 * size and proportions: --placement, the default-placement key, the
 * window's first preset and the JSON report's placement id. */
#define EYL_PLACEMENT_AUTO "auto"

typedef enum
{
  EYL_PLACEMENT_ROLLUP,
  EYL_PLACEMENT_TABLETOP,
  EYL_PLACEMENT_BACKDROP,
  EYL_PLACEMENT_POSTER,
  EYL_PLACEMENT_LEAFLET,
  EYL_PLACEMENT_SHELF,
  EYL_PLACEMENT_FLAG,    /* feather / beach flag, banner on a pole, outdoors */
  EYL_PLACEMENT_STICKER, /* sticker, label, badge: in the hand or on a surface */
} EylPlacementKind;

typedef struct
{
  double width_mm, height_mm;
} EylSizeMm;

typedef struct _EylPlacement EylPlacement;

struct _EylPlacement
{
  /*< private >*/
  gatomicrefcount ref_count;

  /*< public >*/
  char            *id;
  char            *name; /* translated display name */
  char            *description;
  EylPlacementKind kind;

  /* Nominal sizes of the material (first one is the default), used for
   * scale detection and for "auto". */
  GArray *sizes; /* EylSizeMm */

  /* Mounting: bottom edge of the visible artwork above the floor, or,
   * when centre_mm > 0, the centre of the artwork above the floor. */
  double bottom_mm;
  double centre_mm;

  /* Fixed bands that nobody sees (cassette leader, top rail, shelf strip)
   * in mm of material, and a rack pocket that shows only the top part. */
  double hidden_bottom_mm;
  double hidden_top_mm;
  double visible_top_fraction; /* 1.0 = whole face visible */
  double safe_margin_mm;       /* keep key content inside */
  /* A shelf-edge strip (ticket channel): its top this far above the
   * shelf deck the pack stands on, its top edge this far in front of the
   * pack's face.  It hides what the line of sight over it hides, per
   * viewer (0 = none; eyl_hidden_below_mm). */
  double strip_height_mm;
  double strip_gap_mm;

  /* A table (or counter) in front: 0 height means none. */
  double table_height_mm;
  double table_objects_mm; /* leaflets, screens on it */
  double table_gap_mm;     /* back edge to the material */

  /* People between a far viewer and the material (free-standing). */
  double crowd_height_mm; /* 0 = none */
  double crowd_gap_mm;
  double crowd_distance_m; /* viewers this far or farther */

  /* Viewers. */
  double distance_m;             /* eye to material, reading */
  double scan_distance_m;        /* phone to material, QR */
  double eye_min_mm, eye_max_mm; /* P5 … P95 standing eye height */
  double eye_zone_deg;           /* comfortable zone ± angle */
  double sight_line_deg;         /* natural line of sight, below horizontal */

  /* Rules. */
  double   hidden_threshold; /* share of viewers for contact-hidden */
  gboolean needs_reach;      /* QR must be within reach */
  double   reach_min_mm, reach_max_mm;

  char *source_file; /* where it came from, for messages */
  /* How people meet this piece (eyl_placement_for_piece); not in the
   * placement files: derived from the kind, the real size and the page. */
  gboolean held;            /* read in the hand, nothing hides it */
  double   hand_distance_m; /* > 0: what is not seen from afar is read here */
  /* > 0: a wall poster's headline and call to action must stop people
   * passing at this distance; its copy is read from distance_m. */
  double   passing_distance_m;
  gboolean expects_contact; /* no-contact applies */
  gboolean expects_cta;     /* no-call-to-action applies */
  /* A sheet folded to go into the rack: the cover panel, the one the rack
   * shows, starts this far across the page (0 = not folded). */
  double cover_x0_fraction;
  /* The viewers' visual acuity, decimal: 1 = 20/20 (a detail of 1
   * arc-minute is resolved), 0.5 = 20/40.  Legible sizes are divided by
   * it: at 0.5 text must be twice as large, or read from half as far. */
  double acuity;
};

#define EYL_TYPE_PLACEMENT (eyl_placement_get_type ())
GType         eyl_placement_get_type (void) G_GNUC_CONST;
EylPlacement *eyl_placement_ref (EylPlacement *self);
void          eyl_placement_unref (EylPlacement *self);
/* A deep copy, to apply overrides to. */
EylPlacement *eyl_placement_copy (const EylPlacement *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EylPlacement, eyl_placement_unref)

const char *eyl_placement_kind_to_string (EylPlacementKind kind);
gboolean    eyl_placement_kind_from_string (const char       *str,
                                            EylPlacementKind *kind);

/* A placement with every optional number at its default and no sizes: for
 * code that fills the fields itself (e.g. reading the JSON report). */
EylPlacement *eyl_placement_new (const char      *id,
                                 EylPlacementKind kind);

/* Parses one placement file.  Errors (EYL_ERROR_CONFIG) are one line,
 * "FILE: [Placement] KEY: PROBLEM" (or "FILE: PROBLEM"): missing key, wrong
 * type, not a number (NaN and infinities included), negative or absurd
 * size, unknown kind, unknown key or group, a value that is not UTF-8. */
EylPlacement *eyl_placement_new_from_keyfile (GKeyFile   *keyfile,
                                              const char *source_name,
                                              GError    **error);
EylPlacement *eyl_placement_new_from_file (const char *path,
                                           GError    **error);

/* Height above the floor of the bottom of the visible artwork for a
 * material of @height_mm. */
double eyl_placement_bottom_above_floor (const EylPlacement *self,
                                         double              height_mm);

/* The registry: built-in presets, then user files, by id. */
typedef struct _EylPlacementSet EylPlacementSet;

/* Loads the built-in presets and the user's placement folder (a broken
 * user file is a warning in @warnings, never fatal). */
EylPlacementSet *eyl_placement_set_new_default (GPtrArray *warnings);
/* Adds or replaces by id. */
gboolean      eyl_placement_set_add_file (EylPlacementSet *set,
                                          const char      *path,
                                          GError         **error);
void          eyl_placement_set_add (EylPlacementSet *set,
                                     EylPlacement    *placement);
EylPlacement *eyl_placement_set_lookup (EylPlacementSet *set,
                                        const char      *id);
/* All placements, sorted by a fixed order (built-ins first).  A new array
 * holding references: free it with g_ptr_array_unref(). */
GPtrArray *eyl_placement_set_list (EylPlacementSet *set);
void       eyl_placement_set_free (EylPlacementSet *set);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EylPlacementSet, eyl_placement_set_free)

/* "auto": picks a preset from the real size (mm) and proportions of the
 * material.  Returns a new reference and a human sentence saying why. */
EylPlacement *eyl_placement_set_choose_auto (EylPlacementSet *set,
                                             double           width_mm,
                                             double           height_mm,
                                             char           **reason);

/* Command-line / GUI overrides of the main numbers.  NAN = not set.  One
 * double per value of the options table's entries (eyl-options-table.h):
 * size_w_mm/size_h_mm, distance_m, eye_min_mm/eye_max_mm, table_mm,
 * gap_mm, crowd_mm (a crowd's head height, 0 = none), acuity (decimal,
 * 1 = 20/20), … */
typedef struct
{
#define EYL_NUMBER_OPTION(name, unit, min, max, field, ...)              double field;
#define EYL_PAIR_OPTION(name, shape, unit, min, max, field, field2, ...) double field, field2;
#include "eyl-options-table.h"
#undef EYL_NUMBER_OPTION
#undef EYL_PAIR_OPTION
} EylPlacementOverrides;

void eyl_placement_overrides_init (EylPlacementOverrides *overrides);
/* A copy of @base with the overrides applied (size is not part of it).
 * An eye range that would end below its start is not applied (the
 * preset's range is kept): eyl_option_parse() refuses one. */
EylPlacement *eyl_placement_apply_overrides (const EylPlacement          *base,
                                             const EylPlacementOverrides *overrides);

/* The scene one page of a piece is judged in (DESIGN.md 3.1), a new
 * placement derived from @base (overrides already applied):
 *  - a leaflet's cover is judged in the rack (what shows above the pocket,
 *    from the aisle) and then in the hand; its other pages in the hand;
 *  - a poster is read from a distance that grows with its size (people
 *    step back until it fills the view: 2 × its longer side, between the
 *    hand distance and the preset's distance), and a QR code on it is
 *    scanned from closer the smaller it is;
 *  - a landscape leaflet wider than a rack pocket (an A4 or letter sheet)
 *    is folded in three to go in: the rack shows the top of its cover
 *    panel, the right third of the outside (page 1);
 *  - packs and pieces smaller than a postcard (stickers, labels, badges)
 *    are not expected to carry contact details or a call to action.
 * @distance_given: the user set the reading distance; it is kept. */
EylPlacement *eyl_placement_for_piece (const EylPlacement *base,
                                       double              width_mm,
                                       double              height_mm,
                                       guint               page_index,
                                       gboolean            distance_given);

/* Scale and real size (DESIGN.md 3.1): from the visible page at 1:1
 * (× UserUnit); when that is an exact fraction (1:2, 1:4, 1:5, 1:10,
 * ± 2 %) of one of the placement's nominal sizes, assume that scale;
 * a user size always wins.  @scale is page / material (0.1 for 1:10). */
typedef enum
{
  EYL_SCALE_PAGE,     /* 1:1 from the page */
  EYL_SCALE_DETECTED, /* exact fraction of a nominal size */
  EYL_SCALE_USER,     /* --size-mm */
} EylScaleSource;

const char *eyl_scale_source_to_string (EylScaleSource source);

void eyl_placement_resolve_size (const EylPlacement          *placement,
                                 double                       page_w_pt,
                                 double                       page_h_pt,
                                 const EylPlacementOverrides *overrides,
                                 double                      *material_w_mm,
                                 double                      *material_h_mm,
                                 double                      *scale,
                                 EylScaleSource              *source);

/* TRUE when the user gave both sides of the real size in proportions that
 * differ from the page's (by more than 2 %): the size was fitted. */
gboolean eyl_placement_size_fitted (double                       page_w_pt,
                                    double                       page_h_pt,
                                    const EylPlacementOverrides *overrides);

/* The same for "auto": the page is matched against the nominal sizes of
 * every placement in @set, so a 1:10 banner is found before a placement is
 * chosen from its real size. */
void eyl_placement_set_resolve_size (EylPlacementSet             *set,
                                     double                       page_w_pt,
                                     double                       page_h_pt,
                                     const EylPlacementOverrides *overrides,
                                     double                      *material_w_mm,
                                     double                      *material_h_mm,
                                     double                      *scale,
                                     EylScaleSource              *source);

G_END_DECLS
