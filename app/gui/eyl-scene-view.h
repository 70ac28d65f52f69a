/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-scene-view.h: the side elevation — floor, the material at its
 * mounting height, what stands in front, the smallest and tallest viewers
 * and their sight lines — drawn by the core's scene painter. */
#pragma once

#include <gtk/gtk.h>

#include "eyl-analysis.h"

G_BEGIN_DECLS

#define EYL_TYPE_SCENE_VIEW (eyl_scene_view_get_type ())
G_DECLARE_FINAL_TYPE (EylSceneView, eyl_scene_view, EYL, SCENE_VIEW, GtkWidget)

GtkWidget       *eyl_scene_view_new (void);
void             eyl_scene_view_set_analysis (EylSceneView    *self,
                                              EylPageAnalysis *analysis);
EylPageAnalysis *eyl_scene_view_get_analysis (EylSceneView *self);
/* A drag from @x, @y (device units) by @dx, @dy, as the pointer does it:
 * the table top, an eye or the viewers moved ("edit"); FALSE when
 * nothing that can be dragged is there. */
gboolean eyl_scene_view_drag (EylSceneView *self,
                              double        x,
                              double        y,
                              double        dx,
                              double        dy);

G_END_DECLS
