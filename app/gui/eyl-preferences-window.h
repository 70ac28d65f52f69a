/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-preferences-window.h: units, default placement, legibility standard
 * and viewer population, bound to GSettings. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define EYL_TYPE_PREFERENCES_WINDOW (eyl_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (EylPreferencesWindow, eyl_preferences_window, EYL, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *eyl_preferences_window_new (GtkWindow *parent);

G_END_DECLS
