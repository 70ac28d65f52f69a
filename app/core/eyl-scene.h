/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-scene.h: the side elevation to scale — floor, the material at its
 * mounting height, what stands in front of it, the smallest and tallest
 * viewers at the viewing distance and their sight lines — so the user sees
 * why something is hidden.  Cairo only; drawn from analysis->placement and
 * analysis->frame, so it follows the placement settings live. */
#pragma once

#include <cairo.h>

#include "eyl-analysis.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean dark;                /* light lines for a dark background */
  gboolean paint_background;    /* fill width × height first */
  gboolean inches;              /* lengths in the labels in inches */
  double   font_px;             /* label size in device units; ≤ 0: 11 */
  int      highlighted_element; /* index in analysis->elements, -1 none */
  GArray  *label_boxes;         /* if set, gets a cairo_rectangle_t per label drawn */
} EylSceneOptions;

void eyl_scene_options_init (EylSceneOptions *options);

/* Where everything goes, in millimetres of the real world (x from the face
 * of the material towards the viewers, y above the floor) and the mapping
 * to device units: x_dev = origin_x + x · scale, y_dev = floor_y − y · scale. */
typedef struct
{
  double scale;              /* device units per mm */
  double origin_x, floor_y;  /* device position of the material's face at the floor */
  double x_min_mm, x_max_mm; /* the world shown */
  double y_max_mm;

  double material_bottom_mm, material_top_mm;
  double distance_mm; /* eye to the material */

  /* What stands in front (table, crowd): none when height is 0. */
  double   occluder_gap_mm; /* back edge to the material */
  double   occluder_depth_mm;
  double   occluder_height_mm; /* table top */
  double   occluder_top_mm;    /* with the items on it: the sight edge */
  gboolean occluder_is_crowd;
  /* A pack on a shelf: the shelf-edge strip is the occluder (its top
   * occluder_top_mm above the floor, occluder_gap_mm in front of the
   * pack), as eyl_hidden_below_mm() judges it for each eye. */
  gboolean occluder_is_strip;

  /* The two figures: [0] the shortest viewer (P5), [1] the tallest (P95). */
  double eye_mm[2];
  double stature_mm[2];
  /* Where each sight line meets the material, above the floor: over the
   * occluder's edge when there is one (the hidden part is below it),
   * else along the natural line of sight. */
  double   sight_hit_mm[2];
  gboolean sight_over_occluder;

  /* Union of the eye-level zones of P5 … P95. */
  double eye_band_low_mm, eye_band_high_mm;
} EylSceneLayout;

void eyl_scene_layout (double                 width,
                       double                 height,
                       EylPageAnalysis       *analysis,
                       const EylSceneOptions *options,
                       EylSceneLayout        *layout);

void eyl_scene_layout_to_device (const EylSceneLayout *layout,
                                 double                x_mm,
                                 double                y_mm,
                                 double               *x_dev,
                                 double               *y_dev);

/* Paints the scene fitted into @width × @height device units at the
 * origin of @cr; the state of @cr is restored. */
/* Where the side view draws a shelf's edge strip (device units): true
 * size at the layout's scale, never thinner than a few pixels, its top
 * where the sight lines cross it.  FALSE when @placement has none. */
gboolean eyl_scene_strip_box (const EylSceneLayout *layout,
                              const EylPlacement   *placement,
                              cairo_rectangle_t    *box);

void eyl_scene_paint (cairo_t               *cr,
                      double                 width,
                      double                 height,
                      EylPageAnalysis       *analysis,
                      const EylSceneOptions *options);

G_END_DECLS
