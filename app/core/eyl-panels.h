/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-panels.h: the panels of a pack's net, the areas its cut and crease
 * lines enclose, with their real sizes. */
#pragma once

#include "eyl-dieline.h"

G_BEGIN_DECLS

typedef struct
{
  EylRect  box; /* page space */
  double   width_mm, height_mm;
  double   area_mm2; /* of the panel itself, not its box */
  gboolean flap;     /* a tuck, dust or glue flap: small beside the faces */
  gboolean glue;     /* the glue flap: hidden inside the pack, no artwork */
} EylPanel;

/* Panels in reading order (top to bottom, then left to right); empty when
 * the dieline has no cut or crease lines.  @mm_per_pt: the sheet's scale. */
GArray *eyl_panels_from_dieline (const EylDieline *dieline,
                                 double            mm_per_pt);

/* The panel (index) whose box holds the point, or -1. */
int eyl_panels_find (GArray *panels,
                     double  x,
                     double  y);

G_END_DECLS
