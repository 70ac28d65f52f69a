/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-gui-fixtures.c: see eyl-gui-fixtures.h. */
#include "eyl-gui-fixtures.h"

static gboolean
tick_cb (gpointer data)
{
  (void) data;
  return G_SOURCE_CONTINUE;
}

gboolean
eyl_gui_wait_for (EylGuiCondition condition,
                  gpointer        data,
                  guint           seconds)
{
  gint64   end = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;
  gboolean held;
  guint    tick;

  /* Most conditions have no signal: a tick wakes the loop to look again
   * when nothing else happens. */
  tick = g_timeout_add (10, tick_cb, NULL);
  while (!(held = condition (data)) && g_get_monotonic_time () <= end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  return held;
}

void
eyl_gui_wait_until (EylGuiCondition condition,
                    gpointer        data,
                    guint           seconds,
                    const char     *what)
{
  /* The rest of the test would only fail on what is missing. */
  if (!eyl_gui_wait_for (condition, data, seconds))
    g_error ("waited %u s in vain for %s", seconds, what);
}

void
eyl_gui_run_pending (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
frame_painted_cb (GdkFrameClock *clock,
                  gboolean      *painted)
{
  (void) clock;
  *painted = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

void
eyl_gui_wait_for_frame (GtkWidget *widget)
{
  /* The window or popover @widget is drawn in. */
  GtkWidget     *native = GTK_WIDGET (gtk_widget_get_native (widget));
  GdkFrameClock *clock;
  gboolean       painted = FALSE;
  gulong         id;

  g_assert_nonnull (native);
  eyl_gui_wait_until (eyl_gui_widget_mapped, native, 10, "the window mapped");
  clock = gtk_widget_get_frame_clock (native);
  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (frame_painted_cb), &painted);
  gtk_widget_queue_draw (native);
  eyl_gui_wait_until (flag_set, &painted, 10, "a painted frame");
  g_signal_handler_disconnect (clock, id);
}

gboolean
eyl_gui_widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

void
eyl_gui_destroy_window (GtkWindow *window,
                        guint      seconds)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (window);
  if (!eyl_gui_wait_for (pointer_cleared, &weak, seconds))
    {
      g_object_remove_weak_pointer (weak, &weak);
      g_test_fail_printf ("a %s is still held after %u s", G_OBJECT_TYPE_NAME (weak), seconds);
    }
}

void
eyl_gui_save_png (GtkWidget  *widget,
                  const char *file)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *in_build = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                                file, NULL);
  g_autofree char *in_tmp = g_build_filename (g_get_tmp_dir (), file, NULL);
  int              width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  /* A widget being laid out again draws nothing until its next frame. */
  for (int tries = 0; node == NULL && tries < 100; tries++)
    {
      eyl_gui_wait_for_frame (widget);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, in_build));
  g_assert_true (gdk_texture_save_to_png (texture, in_tmp));
  g_test_message ("saved %s", in_tmp);
}

GtkWindow *
eyl_gui_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return GTK_WINDOW (toplevel);
    }
  return NULL;
}

void
eyl_gui_answer_password (AdwMessageDialog *dialog,
                         const char       *password)
{
  GtkWidget *entry;

  g_assert_nonnull (dialog);
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_EDITABLE (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), password);
  /* What the Unlock button does: the response, then the dialog closes. */
  adw_message_dialog_response (dialog, "unlock");
  gtk_window_close (GTK_WINDOW (dialog));
}
