/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-options"

#include <string.h>

#include "eyl-options.h"

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
