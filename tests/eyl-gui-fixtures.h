/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-gui-fixtures.h: what the window tests share — waiting on the main
 * loop, snapshots of widgets to PNG, finding a toplevel. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Iterates the default main context for @ms milliseconds. */
void eyl_gui_wait_ms (guint ms);

typedef gboolean (*EylGuiCondition) (gpointer data);

/* Iterates the main loop until @condition holds or @seconds pass;
 * FALSE on time-out. */
gboolean eyl_gui_wait_for (EylGuiCondition condition,
                           gpointer        data,
                           guint           seconds);

/* Renders @widget as it is on screen into @file (a base name) in
 * $G_TEST_BUILDDIR and in the temporary folder, and says where. */
void eyl_gui_save_png (GtkWidget  *widget,
                       const char *file);

/* The visible toplevel of @type, or NULL. */
GtkWindow *eyl_gui_find_toplevel (GType type);

/* Types @password into the password dialog's entry and answers it as
 * its Unlock button does. */
void eyl_gui_answer_password (AdwMessageDialog *dialog,
                              const char       *password);

G_END_DECLS
