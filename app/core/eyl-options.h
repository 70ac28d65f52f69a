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
  EylPlacementSet      *placements;  /* for "auto"; not owned */
  EylPlacement         *placement;   /* NULL = auto; not owned */
  EylPlacementOverrides overrides;
  EylLegibility         legibility;
  EylBrandKit          *brand_kit;   /* may be NULL; not owned */
  EylPixelOptions       pixels;      /* OCR, QR codes, logos */
  /* The analysis raster: px per mm of the real size (default 1) and the
   * pixel budget of any one raster (default 16 Mpx); the worker copies
   * them into its EylRenderer. */
  double                raster_px_per_mm;
  double                raster_max_pixels;
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

G_END_DECLS
