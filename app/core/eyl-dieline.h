/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-dieline.h: the structural lines of a pack sheet (cut, crease,
 * perforation, glue), read from the PDF with libqpdf.
 *
 * First the ISO 19593-1 processing-steps layers: optional content groups
 * whose GTS_Metadata names the group (Structural) and the step type
 * (Cutting, Creasing, Perforating, Gluing, Bleed…).  Then, as a
 * fallback, layers and spot colours whose names the dieline names file
 * lists (data/dielines/names.ini: CutContour, Dieline, Stanze, Rill, …,
 * matched case-insensitively).  Only stroked paths count: a filled shape
 * in "CutContour" is artwork. */
#pragma once

#include "eyl-types.h"

G_BEGIN_DECLS

typedef enum
{
  EYL_DIELINE_CUT,
  EYL_DIELINE_CREASE,
  EYL_DIELINE_PERFORATION,
  EYL_DIELINE_GLUE,
  EYL_DIELINE_BLEED,
  EYL_DIELINE_OTHER,
  EYL_N_DIELINE_KINDS
} EylDielineKind;

/* "cut", "crease", … as in the JSON report. */
const char *eyl_dieline_kind_to_string (EylDielineKind kind);

/* Where lines of one kind came from. */
typedef struct
{
  char          *name;      /* the layer's or the spot colour's name */
  gboolean       iso_layer; /* an ISO 19593-1 processing-steps layer */
  gboolean       layer;     /* a layer (else a spot colour) */
  gboolean       guessed;   /* no name said so: every stroked line of
                               * the page (eyl_dieline_read's @guess) */
  EylDielineKind kind;
  double         length_pt; /* of its stroked lines, page pt */
} EylDielineGroup;

/* One straight piece of a stroked line (curves are flattened). */
typedef struct
{
  double x0, y0, x1, y1; /* page space */
  guint  group;          /* index into groups */
} EylDielineSegment;

typedef struct
{
  GArray *groups;     /* EylDielineGroup */
  GArray *segments;   /* EylDielineSegment */
  double  page_width; /* the page the lines are on (page space), pt */
  double  page_height;
} EylDieline;

void eyl_dieline_free (EylDieline *dieline);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EylDieline, eyl_dieline_free)

/* The kind a spot colour or layer called @name stands for, by the names
 * file (the bundled one, then $XDG_CONFIG_HOME/eyeline/dieline-names.ini,
 * which adds names); FALSE when it is not a dieline name. */
gboolean eyl_dieline_kind_for_name (const char     *name,
                                    EylDielineKind *kind);

/* The dieline of page @index of @path; NULL when the page has none (or
 * the file cannot be read by libqpdf: then @error says why).  With
 * @guess, a page without a named dieline gives all its stroked lines as
 * one guessed group (many sheets draw the net in plain black). */
EylDieline *eyl_dieline_read (const char *path,
                              const char *password,
                              guint       index,
                              gboolean    guess,
                              GError    **error);

/* Total length in page pt of the segments of @kind. */
double eyl_dieline_length (const EylDieline *dieline,
                           EylDielineKind    kind);

G_END_DECLS
