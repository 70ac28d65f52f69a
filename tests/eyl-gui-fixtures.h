/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-gui-fixtures.h: what the window tests share — waiting on the main
 * loop for a condition (never for a fixed time), snapshots of widgets to
 * PNG, finding a toplevel. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef gboolean (*EylGuiCondition) (gpointer data);

/* Iterates the main loop until @condition holds or @seconds pass;
 * FALSE on time-out. */
gboolean eyl_gui_wait_for (EylGuiCondition condition,
                           gpointer        data,
                           guint           seconds);

/* Iterates the main loop until @condition holds; fails the test saying
 * it waited in vain for @what when @seconds pass first.  A generous
 * bound, not a sleep: it returns as soon as the condition holds. */
void eyl_gui_wait_until (EylGuiCondition condition,
                         gpointer        data,
                         guint           seconds,
                         const char     *what);

/* Runs what the main loop has ready (idle handlers, signals queued by
 * the work just done) without waiting for anything else. */
void eyl_gui_run_pending (void);

/* Waits for a frame of @widget's toplevel painted after now: layout done
 * and what a screenshot shows drawn. */
void eyl_gui_wait_for_frame (GtkWidget *widget);

/* A condition for eyl_gui_wait_until (): @data, a GtkWidget, is mapped. */
gboolean eyl_gui_widget_mapped (gpointer data);

/* Destroys @window and waits until it is finalized; fails the test when
 * something still holds it after @seconds. */
void eyl_gui_destroy_window (GtkWindow *window,
                             guint      seconds);

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
