/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-placement-panel.h: where the material is seen — preset, real size,
 * distance, table, viewers, legibility — as the options table's typed
 * settings for the worker and for the Evaluate stage. */
#pragma once

#include <gtk/gtk.h>

#include "eyl-analysis.h"

G_BEGIN_DECLS

#define EYL_TYPE_PLACEMENT_PANEL (eyl_placement_panel_get_type ())
G_DECLARE_FINAL_TYPE (EylPlacementPanel, eyl_placement_panel, EYL, PLACEMENT_PANEL, GtkWidget)

GtkWidget *eyl_placement_panel_new (void);

/* The settings for the worker, typed (eyl_worker_config_set_settings):
 * the preset id, the table's options, the legibility standard and the
 * window's brand kit file.  @settings is initialised here; clear it with
 * eyl_check_settings_clear(). */
void eyl_placement_panel_get_check_settings (EylPlacementPanel *self,
                                             EylCheckSettings  *settings);

/* The same as options for the Evaluate stage, in this process: the
 * panel's placement set, the preset (NULL for auto), the overrides and
 * the legibility standard.  The brand kit and pixel options are left
 * alone (they are the worker's: the Read stage). */
void eyl_placement_panel_get_options (EylPlacementPanel  *self,
                                      EylAnalysisOptions *options);
/* The brand kit the checks use (the Brand Kit dialog's file, when it
 * loads), newly loaded, or NULL: its names are evaluated in this process
 * (options->brand_kit); its contacts and logos are the worker's. */
EylBrandKit *eyl_placement_panel_dup_brand_kit (EylPlacementPanel *self);
/* The window's kit file (Preferences, else the legacy kit), NULL for none. */
char *eyl_placement_panel_dup_brand_kit_path (EylPlacementPanel *self);

/* Shows what the analysis used: the placement "auto" chose and why, and
 * the numbers as placeholders of the empty rows.  NULL clears it. */
void eyl_placement_panel_set_analysis (EylPlacementPanel *self,
                                       EylPageAnalysis   *analysis);

/* The preset id ("auto" or a placement id). */
const char *eyl_placement_panel_get_placement_id (EylPlacementPanel *self);
void        eyl_placement_panel_set_placement_id (EylPlacementPanel *self,
                                                  const char        *id);

/* Sets the row of the options table's @option (its second value for
 * @second) to @value in the option's unit (mm, m), as if typed: the check
 * follows and the edit is a step for undo.  The side view's drags. */
void eyl_placement_panel_set_value (EylPlacementPanel *self,
                                    const char        *option,
                                    gboolean           second,
                                    double             value);
/* Undo and redo of the user's edits: each "changed" is a step (an edit
 * still waiting for its pause is one too); "edited" announces a step.
 * Properties "can-undo", "can-redo". */
gboolean eyl_placement_panel_undo (EylPlacementPanel *self);
gboolean eyl_placement_panel_redo (EylPlacementPanel *self);
gboolean eyl_placement_panel_can_undo (EylPlacementPanel *self);
gboolean eyl_placement_panel_can_redo (EylPlacementPanel *self);
/* The label rule sets switched on in the Legibility group, as the
 * command line's --label-rules takes them ("eu-1169-2011,…"), or NULL
 * for none (the default). */
char *eyl_placement_panel_dup_label_rules (EylPlacementPanel *self);
/* Switches the bundled set @id on or off, as the user does: remembered,
 * and the checks are evaluated again. */
void eyl_placement_panel_set_label_rule (EylPlacementPanel *self,
                                         const char        *id,
                                         gboolean           chosen);
G_END_DECLS
