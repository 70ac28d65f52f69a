/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-gui-fixtures.c: see eyl-gui-fixtures.h. */
#include "eyl-gui-fixtures.h"

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  g_main_context_wakeup (NULL);
  return G_SOURCE_REMOVE;
}

void
eyl_gui_wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

gboolean
eyl_gui_wait_for (EylGuiCondition condition,
                  gpointer        data,
                  guint           seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      eyl_gui_wait_ms (50);
    }
  return TRUE;
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
  /* A widget being laid out again draws nothing for a moment. */
  for (int tries = 0; node == NULL && tries < 100; tries++)
    {
      eyl_gui_wait_ms (20);
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
