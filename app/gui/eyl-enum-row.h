/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-enum-row.h: combo rows of the core's vocabulary (eyl-types.h: the
 * legibility standards, units, viewer populations).  A template gives
 * such a row an AdwEnumListModel of the type and an expression calling
 * the type's label closure ("eyl_legibility_label", "eyl_units_label",
 * "eyl_population_label", translated words of eyl-options.h); the row's
 * selection follows a GSettings enum key and writes it. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* In class_init of a template using such rows, after setting the
 * template: registers the types for
 * GtkBuilder and the label closures as template callbacks. */
void eyl_enum_row_class_setup (GtkWidgetClass *widget_class);

/* The value of the selected item (-1: none), and selecting @value. */
int  eyl_enum_row_get_value (AdwComboRow *row);
void eyl_enum_row_set_value (AdwComboRow *row,
                             int          value);

/* Binds the row's selection both ways to @key, whose strings are the
 * nicks of the row's enum type. */
void eyl_enum_row_bind (AdwComboRow *row,
                        GSettings   *settings,
                        const char  *key);

G_END_DECLS
