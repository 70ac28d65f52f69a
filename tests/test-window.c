/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c: the main window under a real display (Xvfb).
 *
 * The window goes through what a user does: the empty state, the bundled
 * banner checked by the worker, a finding selected (the page scrolls to
 * it), overlays switched, the placement changed, a file that is not a
 * PDF, an encrypted one and its password, several files in the list.
 * Each case gets a window of its own, default settings and empty
 * configuration folders, so it runs alone (-p) and in any order; it
 * waits for what it needs (a frame, a dialog, the worker's result), never
 * for a fixed time.  Each step saves a PNG of the window in the build
 * directory and as /tmp/eyl-window-*.png for a person to look at.  Exits
 * 77 (skipped) when no display can be opened. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>
#include <cairo-pdf.h>

#include "eyl-fixtures.h"
#include "eyl-pack-fixtures.h"
#include "eyl-gui-fixtures.h"
#include "eyl-application.h"
#include "eyl-worker.h"
#include "eyl-brand-color-row.h"
#include "eyl-brand-font-row.h"
#include "eyl-brand-kit.h"
#include "eyl-brand-kit-dialog.h"
#include "eyl-compare-view.h"
#include "eyl-cvd.h"
#include "eyl-document-item.h"
#include "eyl-export-dialog.h"
#include "eyl-finding-object.h"
#include "eyl-placement-panel.h"
#include "eyl-scene.h"
#include "eyl-scene-view.h"
#include "eyl-walkup.h"
#include "eyl-window.h"
#include "eyl-window-private.h"

#define CHECK_TIMEOUT_S 120

static EylApplication *app;
static EylWindow      *window;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void show_sample (void);

static gboolean
current_checked (gpointer data)
{
  EylDocumentItem  *item = eyl_window_get_current (window);
  EylDocumentStatus status;

  if (item == NULL)
    return FALSE;
  status = eyl_document_item_get_status (item);
  return status == EYL_DOCUMENT_DONE || status == EYL_DOCUMENT_FAILED ||
         status == EYL_DOCUMENT_LOCKED;
}

static gboolean
page_rendered (gpointer data)
{
  return eyl_page_view_is_rendered (eyl_window_get_page_view (window));
}

/* Widgets that animate at the frame rate while a check runs: a turning
 * spinner costs a core with software rendering.  Counted over the
 * window's tree. */
static guint
count_animations (GtkWidget *widget)
{
  guint n = 0;

  if (GTK_IS_SPINNER (widget) && gtk_spinner_get_spinning (GTK_SPINNER (widget)) &&
      gtk_widget_get_mapped (widget))
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_animations (child);
  return n;
}

/* @widget or the first of its descendants of @type. */
static gpointer
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gpointer found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
save_widget_png (GtkWidget  *widget,
                 const char *name)
{
  g_autofree char *file = g_strdup_printf ("eyl-window-%s.png", name);

  eyl_gui_save_png (widget, file);
}

static void
save_png (const char *name)
{
  save_widget_png (GTK_WIDGET (window), name);
}

static void
open_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  eyl_window_open_files (window, &file, 1);
}

static char *
sample_path (const char *name)
{
  const char *root = g_getenv ("EYL_SOURCE_ROOT");

  return g_build_filename (root != NULL ? root : "..", "data", "samples", name, NULL);
}

static guint
count_rule (const char *rule,
            EylSeverity severity)
{
  GListModel *findings = eyl_window_get_findings (window);
  guint       n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(EylFindingObject) object = g_list_model_get_item (findings, i);

      if (g_strcmp0 (eyl_finding_object_get_rule (object), rule) == 0 &&
          eyl_finding_object_get_severity (object) == severity)
        n++;
    }
  return n;
}

static gboolean
find_text (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_text (child, text))
      return TRUE;
  return FALSE;
}

/* A label of the window (a toast's say) reads @data. */
static gboolean
text_shown (gpointer data)
{
  return find_text (GTK_WIDGET (window), data);
}

/* Waiting on what is awaited, not for a fixed time: a frame of the
 * window painted after now (what a screenshot shows), and the state of
 * the window. */
static void
wait_for_frame (void)
{
  eyl_gui_wait_for_frame (GTK_WIDGET (window));
}

static gboolean
window_empty (gpointer data)
{
  (void) data;
  return eyl_window_get_current (window) == NULL &&
         g_strcmp0 (eyl_window_get_state (window), "empty") == 0;
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

/* The row of the recent files that opens the bundled sample, into @data
 * (a GtkWidget **). */
static gboolean
recent_row_found (gpointer data)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (window->recent_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row));

      if (target != NULL && g_str_has_suffix (g_variant_get_string (target, NULL), "/rollup-banner.pdf"))
        {
          *(GtkWidget **) data = row;
          return TRUE;
        }
    }
  return FALSE;
}

static void
test_empty (void)
{
  g_assert_cmpstr (eyl_window_get_state (window), ==, "empty");
  g_assert_null (eyl_window_get_current (window));
  save_png ("empty");

  /* "Open the sample banner": the bundled banner, then closed again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL);
  g_assert_nonnull (eyl_window_get_current (window));
  g_assert_cmpstr (eyl_document_item_get_title (eyl_window_get_current (window)), ==,
                   "rollup-banner.pdf");
  wait_for_frame ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-document", NULL);
  g_assert_true (eyl_gui_wait_for (window_empty, NULL, 10));

  /* Now among the recent files: its row opens it again. */
  {
    GtkWidget *row = NULL;

    eyl_gui_wait_until (recent_row_found, &row, 10, "the sample's row among the recent files");
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==, "win.open-recent");
    g_assert_true (gtk_widget_activate (row));
    g_assert_nonnull (eyl_window_get_current (window));
    g_assert_cmpstr (eyl_document_item_get_title (eyl_window_get_current (window)), ==,
                     "rollup-banner.pdf");
    gtk_widget_activate_action (GTK_WIDGET (window), "win.close-document", NULL);
    g_assert_true (eyl_gui_wait_for (window_empty, NULL, 10));
  }
}

static void
test_sample (void)
{
  g_autofree char *path = sample_path ("rollup-banner.pdf");
  EylPageView     *view = eyl_window_get_page_view (window);
  GListModel      *findings = eyl_window_get_findings (window);
  g_autoptr(EylFindingObject) first = NULL;

  open_path (path);
  g_assert_nonnull (eyl_window_get_current (window));
  wait_for_frame ();
  /* Waiting costs nothing: no spinner turns while the worker checks. */
  g_assert_cmpuint (count_animations (GTK_WIDGET (window)), ==, 0);
  /* The window stays responsive while the worker checks: this loop runs. */
  g_assert_true (eyl_gui_wait_for (current_checked, NULL, CHECK_TIMEOUT_S));
  g_assert_cmpint (eyl_document_item_get_status (eyl_window_get_current (window)), ==,
                   EYL_DOCUMENT_DONE);
  g_assert_cmpstr (eyl_window_get_state (window), ==, "page");
  g_assert_true (eyl_gui_wait_for (page_rendered, NULL, 30));

  /* The website and the phone sit in the bottom 150 mm: both hidden. */
  g_assert_cmpuint (count_rule ("contact-hidden", EYL_SEVERITY_ERROR), >=, 2);
  g_assert_cmpuint (eyl_document_item_get_n_errors (eyl_window_get_current (window)), >=, 2);
  /* Errors come first. */
  first = g_list_model_get_item (findings, 0);
  g_assert_cmpint (eyl_finding_object_get_severity (first), ==, EYL_SEVERITY_ERROR);
  g_assert_true (eyl_finding_object_get_first_of_group (first));

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), >, 100);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (view)), >, 100);
  g_assert_nonnull (eyl_page_view_get_analysis (view));
  wait_for_frame ();
  save_png ("sample");

  /* Hovering the website tells how high it is and whom it is hidden from. */
  {
    EylPageAnalysis *analysis = eyl_page_view_get_analysis (view);
    g_autofree char *text = NULL;
    double           wx = 0, wy = 0;

    for (guint i = 0; i < analysis->elements->len; i++)
      {
        EylElement *element = g_ptr_array_index (analysis->elements, i);

        if (element->kind == EYL_ELEMENT_URL)
          eyl_page_view_page_to_widget (view, (element->box.x0 + element->box.x1) / 2,
                                        (element->box.y0 + element->box.y1) / 2, &wx, &wy);
      }
    text = eyl_page_view_describe_point (view, wx, wy);
    g_assert_nonnull (text);
    g_test_message ("hover: %s", text);
    g_assert_nonnull (strstr (text, "Website"));
    g_assert_nonnull (strstr (text, "above the floor"));
    g_assert_nonnull (strstr (text, "Hidden for 100 % of viewers"));
    g_assert_null (eyl_page_view_describe_point (view, 2, 2));
  }
}

static gboolean
rect_contains (const EylRect *outer,
               double         x,
               double         y)
{
  return x >= outer->x0 && x <= outer->x1 && y >= outer->y0 && y <= outer->y1;
}

static void
test_select_finding (void)
{
  EylPageView *view = eyl_window_get_page_view (window);
  GListModel  *findings = eyl_window_get_findings (window);
  g_autoptr(EylFindingObject) object = NULL;
  EylFinding *finding;
  EylRect     visible;
  double      cx, cy;

  show_sample ();
  object = g_list_model_get_item (findings, 0);
  finding = eyl_finding_object_get_finding (object);
  cx = (finding->box.x0 + finding->box.x1) / 2;
  cy = (finding->box.y0 + finding->box.y1) / 2;

  g_assert_false (eyl_rect_is_empty (&finding->box));

  /* Zoomed in, the finding (at the bottom of the banner) is off screen. */
  eyl_page_view_set_zoom (view, 0.6);
  wait_for_frame ();
  g_assert_true (eyl_page_view_get_visible_rect (view, &visible));
  g_assert_false (rect_contains (&visible, cx, cy));

  eyl_window_select_finding (window, 0);
  wait_for_frame ();
  g_assert_cmpint (eyl_page_view_get_selected_finding (view), ==,
                   (int) eyl_finding_object_get_index (object));
  g_assert_true (eyl_page_view_get_visible_rect (view, &visible));
  g_assert_true (rect_contains (&visible, cx, cy));
  g_assert_true (eyl_gui_wait_for (page_rendered, NULL, 10));
  wait_for_frame ();
  save_png ("finding");

  /* The findings in groups: the heading is a row of its own, not selected
   * with the first finding; folding hides the group's findings. */
  {
    GListModel        *rows = eyl_window_get_finding_rows (window);
    GtkSelectionModel *selection = eyl_window_get_finding_selection (window);
    g_autoptr(GObject) heading = g_list_model_get_item (rows, 0);
    g_autoptr(GObject) second = g_list_model_get_item (rows, 1);
    EylFindingGroup *group;
    guint            n_rows = g_list_model_get_n_items (rows), count;

    g_assert_true (EYL_IS_FINDING_GROUP (heading));
    group = EYL_FINDING_GROUP (heading);
    count = eyl_finding_group_get_count (group);
    g_assert_cmpstr (eyl_finding_group_get_rule (group), ==, "contact-hidden");
    g_assert_cmpuint (count, >=, 2);
    g_assert_true (second == (GObject *) object);
    g_assert_false (gtk_selection_model_is_selected (selection, 0));
    g_assert_true (gtk_selection_model_is_selected (selection, 1));

    eyl_finding_group_set_expanded (group, FALSE);
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_rows - count);
    g_assert_false (gtk_selection_model_is_selected (selection, 0));
    wait_for_frame ();
    save_png ("folded");
    /* Selecting a finding of a folded group unfolds it. */
    eyl_window_select_finding (window, 0);
    g_assert_true (eyl_finding_group_get_expanded (group));
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_rows);
    g_assert_true (gtk_selection_model_is_selected (selection, 1));
  }

  /* Keyboard: Ctrl+0 is "fit page" again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-fit-page", NULL);
  g_assert_cmpint (eyl_page_view_get_zoom_mode (view), ==, EYL_ZOOM_FIT_PAGE);
}

static gboolean
action_state (const char *name)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), name);

  g_assert_nonnull (state);
  return g_variant_get_boolean (state);
}

static void
test_overlays (void)
{
  EylPageView *view = eyl_window_get_page_view (window);
  static const struct
  {
    const char      *action;
    EylOverlayLayers layer;
  } toggles[] = {
    { "show-eye-band", EYL_OVERLAY_EYE_LEVEL },
    { "show-hidden", EYL_OVERLAY_HIDDEN },
    { "show-elements", EYL_OVERLAY_ELEMENTS },
    { "show-markers", EYL_OVERLAY_FINDINGS },
    { "show-labels", EYL_OVERLAY_LABELS },
    { "show-zone-labels", EYL_OVERLAY_ZONE_LABELS },
  };

  show_sample ();
  /* The calm default: hidden zones and the markers, the rest on demand;
   * never the legend on the page. */
  g_assert_cmpint (eyl_page_view_get_layers (view), ==, EYL_OVERLAY_CALM);

  for (guint i = 0; i < G_N_ELEMENTS (toggles); i++)
    {
      g_autofree char *action = g_strconcat ("win.", toggles[i].action, NULL);
      gboolean         was = (eyl_page_view_get_layers (view) & toggles[i].layer) != 0;

      /* A stateful action: the menu shows its check mark. */
      g_assert_true (g_variant_type_equal (g_action_group_get_action_state_type (G_ACTION_GROUP (window),
                                                                                 toggles[i].action),
                                           G_VARIANT_TYPE_BOOLEAN));
      g_assert_cmpint (action_state (toggles[i].action), ==, was);
      gtk_widget_activate_action (GTK_WIDGET (window), action, NULL);
      g_assert_cmpint ((eyl_page_view_get_layers (view) & toggles[i].layer) != 0, ==, !was);
      g_assert_cmpint (action_state (toggles[i].action), ==, !was);
      g_assert_false (eyl_page_view_get_layers (view) & EYL_OVERLAY_LEGEND);
    }
  wait_for_frame ();
  save_png ("overlays-all");
  for (guint i = 0; i < G_N_ELEMENTS (toggles); i++)
    {
      g_autofree char *action = g_strconcat ("win.", toggles[i].action, NULL);

      gtk_widget_activate_action (GTK_WIDGET (window), action, NULL);
    }
  g_assert_cmpint (eyl_page_view_get_layers (view), ==, EYL_OVERLAY_CALM);
}

/* The legend sits beside the page, never on it, and shows rows. */
static void
test_legend (void)
{
  EylPageView     *view = eyl_window_get_page_view (window);
  EylPageAnalysis *analysis;
  GtkWidget       *legend = eyl_window_get_legend (window);
  GtkWidget       *scroller = gtk_widget_get_parent (GTK_WIDGET (view));
  graphene_rect_t  legend_rect, scroller_rect, page_rect;
  double           x0, y0, x1, y1;

  show_sample ();
  analysis = eyl_page_view_get_analysis (view);
  g_assert_nonnull (analysis);
  for (guint pass = 0; pass < 2; pass++)
    {
      /* Everything on, then the calm default. */
      if (pass == 0)
        g_object_set (window, "show-eye-band", TRUE, "show-elements", TRUE, NULL);
      else
        g_object_set (window, "show-eye-band", FALSE, "show-elements", FALSE, NULL);
      wait_for_frame ();
      g_assert_true (gtk_widget_is_drawable (legend));
      g_assert_cmpint (gtk_widget_get_height (legend), >, 10);
      g_assert_true (gtk_widget_compute_bounds (legend, GTK_WIDGET (window), &legend_rect));
      g_assert_true (gtk_widget_compute_bounds (scroller, GTK_WIDGET (window), &scroller_rect));
      eyl_page_view_page_to_widget (view, 0, 0, &x0, &y0);
      eyl_page_view_page_to_widget (view, analysis->width_pt, analysis->height_pt, &x1, &y1);
      g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (view), GTK_WIDGET (window),
                                                       x0, y0, &x0, &y0));
      g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (view), GTK_WIDGET (window),
                                                       x1, y1, &x1, &y1));
      page_rect = GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0);
      g_assert_cmpfloat (page_rect.size.width, >, 50);
      /* Neither the page nor the area it scrolls in. */
      g_assert_false (graphene_rect_intersection (&legend_rect, &page_rect, NULL));
      g_assert_false (graphene_rect_intersection (&legend_rect, &scroller_rect, NULL));
    }
  save_png ("legend");
}

/* The side view in a pane the user can drag taller, with tooltips that
 * explain its words. */
static gboolean
stacks_settled (gpointer data)
{
  return !gtk_stack_get_transition_running (window->main_stack) &&
         !gtk_stack_get_transition_running (GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window->document_view),
                                                                                      EYL_TYPE_DOCUMENT_VIEW,
                                                                                      "page_stack")));
}

static gboolean rechecked (gpointer data);

/* The bundled banner shown and checked: tests that need a page open it
 * themselves. */
static void
show_sample (void)
{
  g_autofree char *path = sample_path ("rollup-banner.pdf");

  open_path (path);
  g_assert_true (eyl_gui_wait_for (current_checked, NULL, CHECK_TIMEOUT_S));
  g_assert_cmpint (eyl_document_item_get_status (eyl_window_get_current (window)), ==,
                   EYL_DOCUMENT_DONE);
  g_assert_true (eyl_gui_wait_for (page_rendered, NULL, 30));
  /* The page, not the fading "Checking…", in the screenshots. */
  g_assert_true (eyl_gui_wait_for (stacks_settled, NULL, 10));
}

static gboolean
window_narrow (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (window)) <= GPOINTER_TO_INT (data);
}

static gboolean
window_wide (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (window)) >= GPOINTER_TO_INT (data);
}

/* The window narrows to a phone-like 400 px with the title still shown:
 * the file's name (long, ellipsized) keeps at least 80 px beside the page
 * tools, and a short title ("Eyeline" in the empty state) is not cut. */
static void
test_narrow (void)
{
  int        minimum, natural, title_natural;
  GtkWidget *title = eyl_window_get_title_widget (window);

  show_sample ();
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 700);
  g_assert_true (eyl_gui_wait_for (window_narrow, GINT_TO_POINTER (480), 10));
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_test_message ("window minimum width %d px", minimum);
  g_assert_cmpint (minimum, <=, 460);
  gtk_widget_measure (title, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &title_natural, NULL, NULL);
  g_test_message ("title %d px of %d wanted", gtk_widget_get_width (title), title_natural);
  /* The file's name is longer than 80 px: it is ellipsized, not gone. */
  g_assert_cmpint (title_natural, >, 80);
  g_assert_cmpint (gtk_widget_get_width (title), >=, 80);
  save_png ("narrow");

  /* Empty: the short title whole. */
  while (eyl_window_get_current (window) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.close-document", NULL);
  g_assert_cmpstr (eyl_window_get_state (window), ==, "empty");
  gtk_widget_measure (title, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &title_natural, NULL, NULL);
  eyl_gui_wait_for (window_narrow, GINT_TO_POINTER (480), 10);
  g_assert_cmpint (gtk_widget_get_width (title), >=, MIN (title_natural, 80));
  save_png ("narrow-empty");
}

/* The page as a deficiency sees it: every pixel shown is the core's
 * simulation (the cvd rule's) of the rendered one; "none" shows the
 * render again. */
static guint32 *
texture_pixels (GdkTexture *texture)
{
  int      w = gdk_texture_get_width (texture), h = gdk_texture_get_height (texture);
  guint32 *pixels = g_new (guint32, (gsize) w * h);

  gdk_texture_download (texture, (guchar *) pixels, (gsize) w * 4);
  return pixels;
}

static void
set_string_action (const char *name,
                   const char *value)
{
  g_action_group_change_action_state (G_ACTION_GROUP (window), name, g_variant_new_string (value));
}

static gboolean
cvd_shown (gpointer data)
{
  EylPageView *view = eyl_window_get_page_view (window);
  GdkTexture  *shown = eyl_page_view_get_shown_texture (view);

  return shown != NULL && (shown != eyl_page_view_get_texture (view)) == GPOINTER_TO_INT (data);
}

static void
test_cvd_view (void)
{
  EylPageView        *view = eyl_window_get_page_view (window);
  GdkTexture         *render, *shown;
  g_autofree guint32 *before = NULL, *after = NULL;
  guint               n, changed = 0;

  show_sample ();
  g_assert_cmpint (eyl_page_view_get_cvd (view), ==, -1);
  set_string_action ("cvd-view", "deuteranopia");
  g_assert_cmpint (eyl_page_view_get_cvd (view), ==, EYL_CVD_DEUTERANOPIA);
  g_assert_true (eyl_gui_wait_for (cvd_shown, GINT_TO_POINTER (TRUE), 10));
  render = eyl_page_view_get_texture (view);
  shown = eyl_page_view_get_shown_texture (view);
  g_assert_cmpint (gdk_texture_get_width (shown), ==, gdk_texture_get_width (render));
  before = texture_pixels (render);
  after = texture_pixels (shown);
  n = gdk_texture_get_width (render) * gdk_texture_get_height (render);
  for (guint i = 0; i < n; i += 97)
    {
      guint32 expected = eyl_cvd_simulate (EYL_CVD_DEUTERANOPIA, before[i] & 0xffffff);

      /* Opaque pixels: premultiplied is plain. */
      if ((before[i] >> 24) != 0xff)
        continue;
      for (int shift = 0; shift < 24; shift += 8)
        g_assert_cmpint (abs ((int) ((after[i] >> shift) & 0xff) - (int) ((expected >> shift) & 0xff)),
                         <=, 2);
      changed += (after[i] & 0xffffff) != (before[i] & 0xffffff);
    }
  g_test_message ("%u of %u sampled pixels changed", changed, n / 97);
  /* The banner's colours are not all grey: the view changes. */
  g_assert_cmpuint (changed, >, 100);
  save_png ("cvd-deuteranopia");

  set_string_action ("cvd-view", "none");
  g_assert_cmpint (eyl_page_view_get_cvd (view), ==, -1);
  g_assert_true (eyl_gui_wait_for (cvd_shown, GINT_TO_POINTER (FALSE), 10));
}

/* The predicted attention and the walk-up view drawn over the page, over
 * the part of it the visitor sees, rendered through the worker. */
static gboolean
layer_shown (gpointer data)
{
  GdkTexture *layer = eyl_page_view_get_layer (eyl_window_get_page_view (window), NULL);

  return layer != NULL && layer != data;
}

static void
test_page_layers (void)
{
  EylPageView     *view = eyl_window_get_page_view (window);
  EylPageAnalysis *analysis;
  g_autoptr(GdkTexture) attention = NULL;
  EylRect rect;

  show_sample ();
  analysis = eyl_page_view_get_analysis (view);
  g_assert_null (eyl_page_view_get_layer (view, NULL));

  set_string_action ("page-layer", "attention");
  g_assert_true (eyl_gui_wait_for (layer_shown, NULL, CHECK_TIMEOUT_S));
  /* Held: a new layer could otherwise take the freed one's address. */
  attention = g_object_ref (eyl_page_view_get_layer (view, &rect));
  g_assert_cmpfloat_with_epsilon (rect.y0, analysis->frame.visible.y0, 0.01);
  g_assert_cmpfloat_with_epsilon (rect.y1, analysis->frame.visible.y1, 0.01);
  /* Drawn for the page: about as tall for its width as the visible part. */
  g_assert_cmpfloat_with_epsilon ((double) gdk_texture_get_height (attention) /
                                      gdk_texture_get_width (attention),
                                  eyl_rect_height (&rect) / eyl_rect_width (&rect), 0.05);
  wait_for_frame ();
  save_png ("layer-attention");

  set_string_action ("page-layer", "walkup-8");
  /* The old layer goes at once; the new one comes from the worker. */
  g_assert_null (eyl_page_view_get_layer (view, NULL));
  g_assert_true (eyl_gui_wait_for (layer_shown, attention, CHECK_TIMEOUT_S));
  save_png ("layer-walkup-8");

  /* The scene's own distances: its viewing distance, its nearest
   * walk-up step; a distance given is used as given. */
  g_assert_cmpfloat_with_epsilon (_eyl_window_walkup_layer_distance ("walkup-scene", analysis->placement),
                                  analysis->placement->distance_m, 1e-9);
  g_assert_cmpfloat (analysis->placement->distance_m, !=, EYL_WALKUP_LAYER_DEFAULT_M);
  g_assert_cmpfloat_with_epsilon (_eyl_window_walkup_layer_distance ("walkup-8", analysis->placement), 8.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (_eyl_window_walkup_layer_distance ("walkup-x", analysis->placement),
                                  analysis->placement->distance_m, 1e-9);
  {
    double steps[EYL_WALKUP_MAX_VIEWS];
    guint  n = eyl_walkup_distances (analysis->placement, steps);

    g_assert_cmpfloat_with_epsilon (_eyl_window_walkup_layer_distance ("walkup-near", analysis->placement),
                                    steps[n - 1], 1e-9);
  }
  {
    g_autoptr(GdkTexture) walkup = g_object_ref (eyl_page_view_get_layer (view, NULL));

    set_string_action ("page-layer", "walkup-scene");
    g_assert_true (eyl_gui_wait_for (layer_shown, walkup, CHECK_TIMEOUT_S));
  }

  set_string_action ("page-layer", "none");
  g_assert_null (eyl_page_view_get_layer (view, NULL));
}

/* The viewers' eyesight row (the options table's acuity): typed as
 * people write it, passed to the worker, remembered, and the window's
 * evaluation uses it. */
static gboolean
acuity_used (gpointer data)
{
  EylPageAnalysis *analysis = eyl_page_view_get_analysis (eyl_window_get_page_view (window));

  return analysis != NULL && analysis->placement != NULL &&
         fabs (analysis->placement->acuity - *(double *) data) < 1e-6;
}

static gboolean
widget_allocated (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

static void
test_acuity_row (void)
{
  GtkWidget *panel = eyl_window_get_placement_panel (window);
  GtkWidget *entry = GTK_WIDGET (gtk_widget_get_template_child (panel, EYL_TYPE_PLACEMENT_PANEL,
                                                                "acuity_entry"));
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_auto(EylCheckSettings) check = { 0 };
  EylAnalysisOptions options;
  double             half = 0.5, normal = 1.0;

  show_sample ();
  g_assert_true (GTK_IS_ENTRY (entry));
  /* Blank: the preset's 20/20 as the placeholder. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (entry)), ==, "20/20");

  gtk_editable_set_text (GTK_EDITABLE (entry), "20/40");
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  eyl_analysis_options_init (&options);
  eyl_placement_panel_get_options (EYL_PLACEMENT_PANEL (panel), &options);
  g_assert_cmpfloat_with_epsilon (options.overrides.acuity, 0.5, 1e-9);
  eyl_placement_panel_get_check_settings (EYL_PLACEMENT_PANEL (panel), &check);
  g_assert_cmpfloat_with_epsilon (check.overrides.acuity, 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "acuity"), 0.5, 1e-9);
  g_assert_true (eyl_gui_wait_for (acuity_used, &half, CHECK_TIMEOUT_S));
  g_assert_true (eyl_gui_wait_for (stacks_settled, NULL, 10));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_ancestor (panel,
                                                                                  ADW_TYPE_VIEW_STACK)),
                                         "placement");
  g_assert_true (eyl_gui_wait_for (widget_allocated, panel, 10));
  /* The focused row is scrolled into view. */
  gtk_widget_grab_focus (entry);
  wait_for_frame ();
  save_png ("acuity-row");
  /* Focus left in a hidden page would move on to a toast and hold its
   * timeout (libadwaita 1.2): nothing is focused after this test. */
  gtk_window_set_focus (GTK_WINDOW (window), NULL);

  /* Not an acuity: marked, not passed on, never in the key, which
   * keeps the last good value (replacing the text passes through blank,
   * which is not remembered on the way). */
  gtk_editable_set_text (GTK_EDITABLE (entry), "20/0");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  eyl_analysis_options_init (&options);
  eyl_placement_panel_get_options (EYL_PLACEMENT_PANEL (panel), &options);
  g_assert_true (isnan (options.overrides.acuity));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "acuity"), 0.5, 1e-9);

  /* Blank again: the preset's, and the key back to its default. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_assert_cmpfloat (g_settings_get_double (settings, "acuity"), ==, 1.0);
  g_assert_true (eyl_gui_wait_for (acuity_used, &normal, CHECK_TIMEOUT_S));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_ancestor (panel,
                                                                                  ADW_TYPE_VIEW_STACK)),
                                         "findings");
}

/* Undo and redo of placement edits: Ctrl+Z / Ctrl+Shift+Z (win.undo,
 * win.redo) take back a number and a preset in turn, the check follows;
 * another preset offers its undo in a toast. */
static gboolean
distance_used (gpointer data)
{
  EylDocumentItem *item = eyl_window_get_current (window);
  EylPageAnalysis *page = item != NULL ? eyl_document_item_get_page (item, 0) : NULL;

  return current_checked (NULL) && page != NULL && page->placement != NULL &&
         fabs (page->placement->distance_m - *(double *) data) < 1e-6;
}

static void
test_undo_placement (void)
{
  EylPlacementPanel *panel = EYL_PLACEMENT_PANEL (eyl_window_get_placement_panel (window));
  GtkWidget         *distance = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (panel),
                                                                           EYL_TYPE_PLACEMENT_PANEL,
                                                                           "distance_entry"));
  g_autofree char   *start_id = NULL;
  g_autofree char   *start_checked = NULL;
  double             far = 3.5, wall_distance;

  show_sample ();
  start_id = g_strdup (eyl_placement_panel_get_placement_id (panel));
  start_checked = g_strdup (eyl_document_item_get_page (eyl_window_get_current (window), 0)->placement->id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (distance)), ==, "");

  /* Another preset: a step, and a toast to take it back. */
  eyl_placement_panel_set_placement_id (panel, "poster-wall");
  g_assert_true (eyl_gui_wait_for (rechecked, "poster-wall", CHECK_TIMEOUT_S));
  g_assert_true (eyl_placement_panel_can_undo (panel));
  g_assert_false (eyl_placement_panel_can_redo (panel));
  g_assert_nonnull (window->undo_toast);
  g_assert_nonnull (strstr (adw_toast_get_title (window->undo_toast), "Placement: "));
  g_assert_cmpstr (adw_toast_get_action_name (window->undo_toast), ==, "win.undo");
  eyl_gui_wait_until (text_shown, (gpointer) "Placement: ", 10, "the undo toast");
  wait_for_frame ();
  save_png ("undo-toast");
  wall_distance = eyl_document_item_get_page (eyl_window_get_current (window), 0)->placement->distance_m;
  g_assert_cmpfloat (wall_distance, !=, far);

  /* A number: another step. */
  gtk_editable_set_text (GTK_EDITABLE (distance), "3.5");
  g_assert_true (eyl_gui_wait_for (distance_used, &far, CHECK_TIMEOUT_S));

  /* Undo: the number, then the preset; the check follows each. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (distance)), ==, "");
  g_assert_cmpstr (eyl_placement_panel_get_placement_id (panel), ==, "poster-wall");
  g_assert_true (eyl_gui_wait_for (distance_used, &wall_distance, CHECK_TIMEOUT_S));
  g_assert_true (eyl_placement_panel_can_redo (panel));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (eyl_placement_panel_get_placement_id (panel), ==, start_id);
  g_assert_true (eyl_gui_wait_for (rechecked, start_checked, CHECK_TIMEOUT_S));

  /* Redo: the preset, then the number. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_cmpstr (eyl_placement_panel_get_placement_id (panel), ==, "poster-wall");
  g_assert_true (eyl_gui_wait_for (rechecked, "poster-wall", CHECK_TIMEOUT_S));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (distance)), ==, "3.5");
  g_assert_true (eyl_gui_wait_for (distance_used, &far, CHECK_TIMEOUT_S));
  g_assert_false (eyl_placement_panel_can_redo (panel));

  /* A new edit after undoing drops what could be redone. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_true (eyl_placement_panel_can_redo (panel));
  gtk_editable_set_text (GTK_EDITABLE (distance), "5");
  g_assert_true (eyl_placement_panel_can_undo (panel));
  {
    double five = 5;

    g_assert_true (eyl_gui_wait_for (distance_used, &five, CHECK_TIMEOUT_S));
  }
  g_assert_false (eyl_placement_panel_can_redo (panel));

  /* Back to where the test began. */
  gtk_editable_set_text (GTK_EDITABLE (distance), "");
  eyl_placement_panel_set_placement_id (panel, start_id);
  g_assert_true (eyl_gui_wait_for (rechecked, start_checked, CHECK_TIMEOUT_S));

  /* Every step back (whatever ran before), then forward again: at
   * either end nothing more happens, and the end is where it was. */
  {
    guint n = 0;

    while (eyl_placement_panel_undo (panel))
      n++;
    g_assert_cmpuint (n, >=, 3);
    g_assert_false (eyl_placement_panel_can_undo (panel));
    for (guint i = 0; i < n; i++)
      g_assert_true (eyl_placement_panel_redo (panel));
    g_assert_false (eyl_placement_panel_redo (panel));
    g_assert_cmpstr (eyl_placement_panel_get_placement_id (panel), ==, start_id);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (distance)), ==, "");
    g_assert_true (eyl_gui_wait_for (rechecked, start_checked, CHECK_TIMEOUT_S));
  }
}

/* The side view is a control too: dragging the table top raises the
 * table, dragging the visitors moves them away; the placement panel's
 * rows and the check follow, as if typed. */
static gboolean
table_used (gpointer data)
{
  EylDocumentItem *item = eyl_window_get_current (window);
  EylPageAnalysis *page = item != NULL ? eyl_document_item_get_page (item, 0) : NULL;

  return current_checked (NULL) && page != NULL && page->placement != NULL &&
         fabs (page->placement->table_height_mm - *(double *) data) < 1e-6;
}

static void
test_scene_drag (void)
{
  GtkWidget       *scene = eyl_window_get_scene_view (window);
  GtkWidget       *panel = eyl_window_get_placement_panel (window);
  GtkEditable     *table = GTK_EDITABLE (gtk_widget_get_template_child (panel, EYL_TYPE_PLACEMENT_PANEL,
                                                                        "table_entry"));
  GtkEditable     *distance = GTK_EDITABLE (gtk_widget_get_template_child (panel, EYL_TYPE_PLACEMENT_PANEL,
                                                                           "distance_entry"));
  EylPageAnalysis *analysis;
  EylSceneLayout   layout;
  EylSceneOptions  options;
  double           x, y, raised, farther;

  show_sample ();
  g_assert_true (eyl_gui_wait_for (widget_allocated, scene, 10));
  analysis = eyl_scene_view_get_analysis (EYL_SCENE_VIEW (scene));
  g_assert_nonnull (analysis);
  eyl_scene_options_init (&options);
  eyl_scene_layout (gtk_widget_get_width (scene), gtk_widget_get_height (scene), analysis, &options,
                    &layout);
  g_assert_cmpfloat (layout.occluder_height_mm, >, 0);

  /* Empty space grabs nothing. */
  g_assert_false (eyl_scene_view_drag (EYL_SCENE_VIEW (scene), 1, 1, 0, -50));

  /* The middle of the table top, raised by 100 mm. */
  eyl_scene_layout_to_device (&layout, layout.occluder_gap_mm + layout.occluder_depth_mm / 2,
                              layout.occluder_height_mm, &x, &y);
  raised = layout.occluder_height_mm + 100;
  g_assert_true (eyl_scene_view_drag (EYL_SCENE_VIEW (scene), x, y, 0, -100 * layout.scale));
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (gtk_editable_get_text (table), NULL), raised, 1.0);
  g_assert_true (eyl_gui_wait_for (table_used, &raised, CHECK_TIMEOUT_S));

  /* The visitors, 1 m farther away. */
  analysis = eyl_scene_view_get_analysis (EYL_SCENE_VIEW (scene));
  eyl_scene_layout (gtk_widget_get_width (scene), gtk_widget_get_height (scene), analysis, &options,
                    &layout);
  eyl_scene_layout_to_device (&layout, layout.distance_mm, 400, &x, &y);
  farther = round (layout.distance_mm / 100.0) / 10.0 + 1.0;
  g_assert_true (eyl_scene_view_drag (EYL_SCENE_VIEW (scene), x, y, 1000 * layout.scale, 0));
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (gtk_editable_get_text (distance), NULL), farther, 0.05);
  g_assert_true (eyl_gui_wait_for (distance_used, &farther, CHECK_TIMEOUT_S));

  /* Back to the preset's. */
  gtk_editable_set_text (table, "");
  gtk_editable_set_text (distance, "");
}

/* A pack's front panel chosen by a click (the check's choice until
 * then), and the markers of findings on the other panels drawn where
 * they are, not clipped to the front panel the shelf judges. */
static gboolean
front_panel_is (gpointer data)
{
  EylPageAnalysis *analysis = eyl_page_view_get_analysis (eyl_window_get_page_view (window));

  return current_checked (NULL) && analysis != NULL && analysis->packaging != NULL &&
         analysis->packaging->front_panel == GPOINTER_TO_INT (data);
}

static gboolean
action_enabled (const char *name)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (window), name);
}

/* The panel of @analysis's net holding the point @x_mm, @y_mm of the
 * sheet (drawn at 1:1). */
static int
panel_at_mm (EylPageAnalysis *analysis,
             double           x_mm,
             double           y_mm)
{
  return eyl_panels_find (analysis->packaging->panels, x_mm / 25.4 * 72, y_mm / 25.4 * 72);
}

static gboolean
click_panel_at_mm (double x_mm,
                   double y_mm)
{
  EylPageView *view = eyl_window_get_page_view (window);
  double       wx, wy;

  eyl_page_view_page_to_widget (view, x_mm / 25.4 * 72, y_mm / 25.4 * 72, &wx, &wy);
  return eyl_page_view_activate_point (view, wx, wy);
}

static void
test_front_panel (void)
{
  EylPackSpec      spec = { EYL_PACK_TUCK_END, EYL_PACK_DIELINE_ISO, EYL_PACK_BARCODE_BACK, FALSE };
  g_autofree char *path = eyl_pack_make_sheet (&spec);
  EylPageView     *view = eyl_window_get_page_view (window);
  EylPageAnalysis *analysis;
  int              front, back, glue;

  open_path (path);
  g_assert_true (eyl_gui_wait_for (current_checked, NULL, CHECK_TIMEOUT_S));
  g_assert_cmpint (eyl_document_item_get_status (eyl_window_get_current (window)), ==,
                   EYL_DOCUMENT_DONE);
  g_assert_true (eyl_gui_wait_for (page_rendered, NULL, 30));
  analysis = eyl_page_view_get_analysis (view);
  g_assert_nonnull (analysis->packaging);
  g_assert_cmpuint (analysis->packaging->panels->len, >=, 4);
  /* The faces of the fixture: front x 62–122 mm, back 152–212, glue
   * flap 20–32, all y 60–180. */
  front = panel_at_mm (analysis, 92, 120);
  back = panel_at_mm (analysis, 182, 120);
  glue = panel_at_mm (analysis, 26, 120);
  g_assert_cmpint (front, >=, 0);
  g_assert_cmpint (back, >=, 0);
  g_assert_cmpint (glue, >=, 0);
  g_assert_cmpint (analysis->packaging->front_panel, ==, front);
  g_assert_cmpint (eyl_document_item_get_front_panel (eyl_window_get_current (window)), ==, 0);

  g_assert_true (eyl_gui_wait_for (stacks_settled, NULL, 10));
  save_png ("pack-net");

  /* Choosing: the glue flap is refused, the back is taken; the document
   * is read again with it. */
  g_assert_true (action_enabled ("choose-front-panel"));
  g_assert_false (action_enabled ("front-panel-auto"));
  g_assert_false (click_panel_at_mm (182, 120));
  g_action_group_change_action_state (G_ACTION_GROUP (window), "choose-front-panel",
                                      g_variant_new_boolean (TRUE));
  g_assert_true (eyl_page_view_get_choosing_panel (view));
  g_assert_true (click_panel_at_mm (26, 120));
  g_assert_true (eyl_page_view_get_choosing_panel (view));
  g_assert_nonnull (window->panel_toast);
  g_assert_cmpint (eyl_document_item_get_front_panel (eyl_window_get_current (window)), ==, 0);
  g_assert_true (click_panel_at_mm (182, 120));
  g_assert_false (eyl_page_view_get_choosing_panel (view));
  g_assert_cmpint (eyl_document_item_get_front_panel (eyl_window_get_current (window)), ==, back + 1);
  g_assert_true (eyl_gui_wait_for (front_panel_is, GINT_TO_POINTER (back), CHECK_TIMEOUT_S));
  analysis = eyl_page_view_get_analysis (view);
  g_assert_nonnull (strstr (analysis->packaging->front_reason, "chose"));
  g_assert_true (action_enabled ("front-panel-auto"));
  g_assert_true (eyl_gui_wait_for (page_rendered, NULL, 30));
  g_assert_true (eyl_gui_wait_for (stacks_settled, NULL, 10));
  save_png ("pack-front-chosen");

  /* Back to the check's choice. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.front-panel-auto", NULL);
  g_assert_true (eyl_gui_wait_for (front_panel_is, GINT_TO_POINTER (front), CHECK_TIMEOUT_S));
  g_assert_false (action_enabled ("front-panel-auto"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-document", NULL);
}

/* A real box sheet (the corpus's Arch box): its barcode and the brand on
 * a side panel are off the front panel the shelf judges; their markers
 * are drawn there, on the sheet, not clipped to the front panel. */
static void
test_pack_markers (void)
{
  const char       *shared = g_getenv ("EYL_SHARED_DIR");
  g_autofree char  *path = g_build_filename (shared != NULL ? shared : "../shared", "corpus", "files",
                                            "packaging-arch-box.pdf", NULL);
  EylPageView      *view = eyl_window_get_page_view (window);
  EylPageAnalysis  *analysis;
  EylOverlayOptions options;
  g_autoptr(GArray) markers = NULL;
  guint outside = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the corpus's packaging-arch-box.pdf is not there");
      return;
    }
  open_path (path);
  g_assert_true (eyl_gui_wait_for (current_checked, NULL, CHECK_TIMEOUT_S));
  g_assert_true (eyl_gui_wait_for (page_rendered, NULL, 30));
  analysis = eyl_page_view_get_analysis (view);
  g_assert_nonnull (analysis->packaging);
  g_assert_cmpuint (analysis->packaging->panels->len, >=, 2);

  eyl_overlay_options_init (&options);
  options.layers = eyl_page_view_get_layers (view);
  options.px_per_pt = eyl_page_view_get_zoom (view);
  markers = eyl_overlay_layout_markers (analysis, &options);
  for (guint i = 0; i < markers->len; i++)
    {
      EylOverlayMarker *m = &g_array_index (markers, EylOverlayMarker, i);
      EylFinding       *f = g_ptr_array_index (analysis->findings, m->finding);
      const EylRect    *v = &analysis->frame.visible;

      if (m->page_wide || eyl_rect_is_empty (&f->box) ||
          (f->box.x0 >= v->x0 && f->box.x1 <= v->x1 && f->box.y0 >= v->y0 && f->box.y1 <= v->y1))
        continue;
      g_test_message ("finding %u (%s) off the front panel: marker at %.0f, %.0f pt",
                      m->number, f->rule, m->x, m->y);
      /* Beside its box (on whichever side is free of text, which may be
       * the front panel's), not pulled onto the front panel. */
      g_assert_cmpfloat (MAX (fabs (m->x - (f->box.x0 + f->box.x1) / 2) - eyl_rect_width (&f->box) / 2,
                              fabs (m->y - (f->box.y0 + f->box.y1) / 2) - eyl_rect_height (&f->box) / 2),
                         <, 4 * m->radius);
      g_assert_cmpfloat (m->x, >=, 0);
      g_assert_cmpfloat (m->x, <=, analysis->width_pt);
      g_assert_cmpfloat (m->y, >=, 0);
      g_assert_cmpfloat (m->y, <=, analysis->height_pt);
      outside++;
    }
  g_assert_cmpuint (outside, >=, 1);
  g_assert_true (eyl_gui_wait_for (stacks_settled, NULL, 10));
  save_png ("pack-markers");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-document", NULL);
}

typedef struct
{
  GtkWidget *scene;
  int        height;
} SceneTaller;

static gboolean
scene_taller (gpointer data)
{
  SceneTaller *taller = data;

  return gtk_widget_get_height (taller->scene) > taller->height;
}

static void
test_scene_pane (void)
{
  GtkWidget  *scene = eyl_window_get_scene_view (window);
  GtkWidget  *paned = gtk_widget_get_parent (scene);
  GtkWidget  *info;
  GtkPopover *popover;
  const char *explanation;
  int         height;

  /* Also when run alone: the side view shows a document's scene. */
  show_sample ();
  eyl_gui_wait_until (widget_allocated, scene, 10, "the side view");
  height = gtk_widget_get_height (scene);

  g_assert_true (GTK_IS_PANED (paned));
  /* The words explained behind the info button in the view's corner, in a
   * popover over the side view: no tooltip that follows the pointer and
   * covers the page beside it (at 900 px it did). */
  g_assert_null (gtk_widget_get_tooltip_text (scene));
  info = gtk_widget_get_first_child (scene);
  g_assert_true (GTK_IS_MENU_BUTTON (info));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (info));
  explanation = gtk_label_get_text (GTK_LABEL (gtk_popover_get_child (popover)));
  g_assert_nonnull (strstr (explanation, "P95"));
  g_assert_nonnull (strstr (explanation, "5 % of visitors"));
  g_assert_nonnull (strstr (explanation, "Line of sight"));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  g_assert_true (eyl_gui_wait_for (window_narrow, GINT_TO_POINTER (900), 10));
  wait_for_frame ();
  {
    graphene_rect_t bounds;
    int             popover_w;

    /* In the top right corner: the popover opens over the side view. */
    g_assert_true (gtk_widget_compute_bounds (info, scene, &bounds));
    g_assert_cmpfloat (bounds.origin.x + bounds.size.width, >, gtk_widget_get_width (scene) - 8);
    g_assert_cmpfloat (bounds.origin.y, <, 8);
    gtk_menu_button_popup (GTK_MENU_BUTTON (info));
    eyl_gui_wait_until (eyl_gui_widget_mapped, popover, 10, "the side view's popover");
    eyl_gui_wait_for_frame (GTK_WIDGET (popover));
    /* Its text (the popover adds its margins and shadow) no wider than
     * the view: centred on the button, it stays over the side view. */
    popover_w = gtk_widget_get_width (gtk_popover_get_child (popover));
    g_test_message ("popover text %d px wide (popover %d px), side view %d px", popover_w,
                    gtk_widget_get_width (GTK_WIDGET (popover)), gtk_widget_get_width (scene));
    g_assert_cmpint (popover_w, >, 0);
    g_assert_cmpint (popover_w, <=, gtk_widget_get_width (scene));
    save_widget_png (GTK_WIDGET (popover), "scene-info");
    gtk_menu_button_popdown (GTK_MENU_BUTTON (info));
  }
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 820);
  /* The frame takes a few pixels of the size asked for. */
  g_assert_true (eyl_gui_wait_for (window_wide, GINT_TO_POINTER (1200), 10));
  wait_for_frame ();
  height = gtk_widget_get_height (scene);
  g_assert_cmpint (height, >=, 150);
  gtk_paned_set_position (GTK_PANED (paned), gtk_paned_get_position (GTK_PANED (paned)) - 150);
  {
    SceneTaller taller = { scene, height + 100 };

    eyl_gui_wait_until (scene_taller, &taller, 10, "the side view dragged taller");
  }
  wait_for_frame ();
  save_png ("scene-pane");
}

static void
region_saved_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  char **png = user_data;
  g_autoptr(GError) error = NULL;

  *png = eyl_page_view_save_region_png_finish (EYL_PAGE_VIEW (source), result, &error);
  g_assert_no_error (error);
}

static gboolean
is_set (gpointer data)
{
  return *(char **) data != NULL;
}

static gboolean
brand_kit_dialog_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (toplevel), "EylBrandKitDialog") &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        {
          *(GtkWindow **) data = GTK_WINDOW (toplevel);
          return TRUE;
        }
    }
  return FALSE;
}

/* "Mark logo": the region is cut out of the page as a PNG at ~300 ppi and
 * handed to the brand kit dialog. */
static void
test_mark_logo (void)
{
  EylPageView     *view = eyl_window_get_page_view (window);
  EylPageAnalysis *analysis;
  EylRect          region = { 0, 0, 0, 0 };
  g_autofree char *png = NULL;
  cairo_surface_t *surface;
  GtkWindow       *dialog = NULL;

  show_sample ();
  analysis = eyl_page_view_get_analysis (view);
  for (guint i = 0; i < analysis->elements->len; i++)
    {
      EylElement *element = g_ptr_array_index (analysis->elements, i);

      if (element->kind == EYL_ELEMENT_BRAND_NAME)
        region = element->box;
    }
  g_assert_false (eyl_rect_is_empty (&region));

  eyl_page_view_save_region_png_async (view, &region, NULL, region_saved_cb, &png);
  g_assert_true (eyl_gui_wait_for (is_set, &png, 30));
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  /* The brand name is ~770 mm wide: capped at 2400 px across. */
  g_assert_cmpint (cairo_image_surface_get_width (surface), >, 1000);
  g_assert_cmpint (cairo_image_surface_get_width (surface), <=, 2401);
  cairo_surface_destroy (surface);
  g_unlink (png);

  /* What the page view's drag emits: the dialog opens with the logo. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.mark-logo", NULL);
  g_assert_true (eyl_page_view_get_marking (view));
  g_signal_emit_by_name (view, "region-marked", region.x0, region.y0, region.x1, region.y1);
  g_assert_false (eyl_page_view_get_marking (view));
  g_assert_true (eyl_gui_wait_for (brand_kit_dialog_shown, &dialog, 30));
  eyl_gui_wait_for_frame (GTK_WIDGET (dialog));
  gtk_window_destroy (dialog);
}

static gboolean
rechecked (gpointer data)
{
  EylDocumentItem *item = eyl_window_get_current (window);
  EylPageAnalysis *page;

  if (!current_checked (NULL))
    return FALSE;
  page = eyl_document_item_get_page (item, 0);
  return page != NULL && page->placement != NULL &&
         g_strcmp0 (page->placement->id, data) == 0;
}

static void
count_analysing_cb (EylDocumentItem *item,
                    GParamSpec      *pspec,
                    guint           *n)
{
  if (eyl_document_item_get_status (item) == EYL_DOCUMENT_ANALYSING)
    (*n)++;
}

static gboolean
fewer_hidden (gpointer data)
{
  return count_rule ("contact-hidden", EYL_SEVERITY_ERROR) < GPOINTER_TO_UINT (data);
}

static void
test_placement (void)
{
  EylPlacementPanel *panel = EYL_PLACEMENT_PANEL (eyl_window_get_placement_panel (window));
  EylDocumentItem   *item;
  guint              hidden_before;
  EylPageRead       *read;
  guint              n_analysing = 0;
  gulong             handler;

  show_sample ();
  item = eyl_window_get_current (window);
  hidden_before = count_rule ("contact-hidden", EYL_SEVERITY_ERROR);
  read = eyl_document_item_get_page (item, 0)->read;

  /* Another placement is evaluated in the window from what the worker
   * read (DESIGN.md 3.5): no worker, the same read. */
  g_assert_nonnull (read);
  handler = g_signal_connect (item, "notify::status", G_CALLBACK (count_analysing_cb),
                              &n_analysing);

  /* Free-standing: no table, the contacts at the very bottom are still
   * in the cassette; on a wall they are not. */
  eyl_placement_panel_set_placement_id (panel, "poster-wall");
  g_assert_true (eyl_gui_wait_for (rechecked, "poster-wall", CHECK_TIMEOUT_S));
  eyl_gui_wait_until (fewer_hidden, GUINT_TO_POINTER (hidden_before), 10,
                      "fewer hidden contacts listed on a wall");
  g_assert_true (eyl_gui_wait_for (page_rendered, NULL, 30));
  save_png ("poster-wall");

  eyl_placement_panel_set_placement_id (panel, "rollup-behind-table");
  g_assert_true (eyl_gui_wait_for (rechecked, "rollup-behind-table", CHECK_TIMEOUT_S));
  g_assert_cmpuint (count_rule ("contact-hidden", EYL_SEVERITY_ERROR), ==, hidden_before);

  g_assert_cmpuint (n_analysing, ==, 0);
  g_assert_true (eyl_document_item_get_page (item, 0)->read == read);
  g_signal_handler_disconnect (item, handler);
}

/* TRUE when @item's first page has a brand name from a kit reading @text
 * (case-insensitive), any text for NULL. */
static gboolean
item_has_kit_name (EylDocumentItem *item,
                   const char      *text)
{
  EylPageAnalysis *page = item != NULL ? eyl_document_item_get_page (item, 0) : NULL;

  for (guint i = 0; page != NULL && i < page->elements->len; i++)
    {
      EylElement *el = g_ptr_array_index (page->elements, i);

      if (el->kind == EYL_ELEMENT_BRAND_NAME && el->source == EYL_SOURCE_BRAND_KIT &&
          (text == NULL || g_ascii_strcasecmp (el->text, text) == 0))
        return TRUE;
    }
  return FALSE;
}

/* TRUE when the current document's first page has a brand name from the
 * kit reading @data (case-insensitive). */
static gboolean
kit_name_shown (gpointer data)
{
  return item_has_kit_name (eyl_window_get_current (window), data);
}

/* The brand kit's names edited in the Brand Kit dialog are evaluated in
 * the window from what the worker read (DESIGN.md 3.5): no worker, the
 * same read, the brand names of the new kit. */
static void
test_kit_names (void)
{
  g_autofree char   *dir = g_build_filename (g_get_user_config_dir (), "eyeline", NULL);
  g_autofree char   *kit = g_build_filename (dir, "brand-kit.ini", NULL);
  EylDocumentItem   *item;
  EylPageRead       *read;
  EylBrandKitDialog *dialog;
  guint              n_analysing = 0;
  gulong             handler;

  show_sample ();
  item = eyl_window_get_current (window);
  read = eyl_document_item_get_page (item, 0)->read;
  g_assert_nonnull (read);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  handler = g_signal_connect (item, "notify::status", G_CALLBACK (count_analysing_cb),
                              &n_analysing);
  dialog = _eyl_window_open_brand_kit (window);

  g_assert_true (g_file_set_contents (kit, "[Brand]\nnames=Northwind\n", -1, NULL));
  g_signal_emit_by_name (dialog, "saved");
  g_assert_true (eyl_gui_wait_for (kit_name_shown, (gpointer) "NORTHWIND", 10));

  g_assert_true (g_file_set_contents (kit, "[Brand]\nnames=passionate\n", -1, NULL));
  g_signal_emit_by_name (dialog, "saved");
  g_assert_true (eyl_gui_wait_for (kit_name_shown, (gpointer) "passionate", 10));
  g_assert_false (kit_name_shown ((gpointer) "NORTHWIND"));

  /* No kit: the names as read. */
  g_unlink (kit);
  g_signal_emit_by_name (dialog, "saved");
  g_assert_false (kit_name_shown ((gpointer) "passionate"));

  g_assert_cmpuint (n_analysing, ==, 0);
  g_assert_true (eyl_document_item_get_page (item, 0)->read == read);
  g_signal_handler_disconnect (item, handler);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A file named .pdf that is a note. */
static char *
not_pdf_path (void)
{
  static const char text[] = "This is a note, not a PDF.\n";

  return eyl_fixture_bytes ("notes.pdf", text, sizeof text - 1);
}

static void
test_not_pdf (void)
{
  g_autofree char *path = not_pdf_path ();

  open_path (path);
  g_assert_true (eyl_gui_wait_for (current_checked, NULL, CHECK_TIMEOUT_S));
  g_assert_cmpint (eyl_document_item_get_status (eyl_window_get_current (window)), ==,
                   EYL_DOCUMENT_FAILED);
  g_assert_cmpstr (eyl_window_get_state (window), ==, "error");
  g_assert_cmpuint (g_list_model_get_n_items (eyl_window_get_documents (window)), ==, 1);
  g_assert_true (eyl_gui_wait_for (stacks_settled, NULL, 10));
  wait_for_frame ();
  save_png ("error");
}

static AdwMessageDialog *
find_password_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

static gboolean
password_dialog_shown (gpointer data)
{
  return find_password_dialog () != NULL;
}

static void
answer_password (const char *password)
{
  eyl_gui_answer_password (find_password_dialog (), password);
}

static void
test_encrypted (void)
{
  g_autofree char *plain = eyl_fixture_banner ("plain-banner.pdf", 0.1, TRUE);
  g_autofree char *locked = eyl_fixture_encrypt (plain, "locked-banner.pdf", "s3cret pass");
  EylDocumentItem *item;

  open_path (locked);
  g_assert_true (eyl_gui_wait_for (current_checked, NULL, CHECK_TIMEOUT_S));
  item = eyl_window_get_current (window);
  g_assert_cmpint (eyl_document_item_get_status (item), ==, EYL_DOCUMENT_LOCKED);
  g_assert_cmpstr (eyl_window_get_state (window), ==, "locked");
  g_assert_true (eyl_gui_wait_for (password_dialog_shown, NULL, 10));
  eyl_gui_wait_until (eyl_gui_widget_mapped, find_password_dialog (), 10, "the password dialog mapped");
  eyl_gui_wait_for_frame (GTK_WIDGET (find_password_dialog ()));
  wait_for_frame ();
  save_png ("locked");

  /* A wrong password asks again. */
  answer_password ("wrong");
  g_assert_true (eyl_gui_wait_for (current_checked, NULL, CHECK_TIMEOUT_S));
  g_assert_cmpint (eyl_document_item_get_status (item), ==, EYL_DOCUMENT_LOCKED);
  g_assert_cmpint (eyl_document_item_get_result (item)->error_code, ==, EYL_ERROR_WRONG_PASSWORD);
  g_assert_true (eyl_gui_wait_for (password_dialog_shown, NULL, 10));

  answer_password ("s3cret pass");
  g_assert_true (eyl_gui_wait_for (current_checked, NULL, CHECK_TIMEOUT_S));
  g_assert_cmpint (eyl_document_item_get_status (item), ==, EYL_DOCUMENT_DONE);
  g_assert_cmpstr (eyl_window_get_state (window), ==, "page");
  g_assert_true (eyl_gui_wait_for (page_rendered, NULL, 30));
  g_assert_cmpuint (count_rule ("contact-hidden", EYL_SEVERITY_ERROR), >=, 1);
}

/* Two A4 pages, each with a website, drawn with Cairo. */
static char *
two_page_pdf (void)
{
  g_autofree char *path = g_build_filename (eyl_fixture_dir (), "two-pages.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t         *cr = cairo_create (surface);

  for (int page = 0; page < 2; page++)
    {
      cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
      cairo_set_font_size (cr, 48);
      cairo_move_to (cr, 60, 200);
      cairo_show_text (cr, page == 0 ? "Taste our tea" : "Visit us today");
      cairo_set_font_size (cr, 24);
      cairo_move_to (cr, 60, 400 + page * 300);
      cairo_show_text (cr, "www.northwind-tea.example");
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return g_steal_pointer (&path);
}

static void
test_pages (void)
{
  g_autofree char *path = two_page_pdf ();
  EylPageView     *view = eyl_window_get_page_view (window);
  EylPageAnalysis *first_page;

  open_path (path);
  g_assert_true (eyl_gui_wait_for (current_checked, NULL, CHECK_TIMEOUT_S));
  g_assert_cmpint (eyl_document_item_get_status (eyl_window_get_current (window)), ==,
                   EYL_DOCUMENT_DONE);
  g_assert_cmpuint (eyl_document_item_get_n_pages (eyl_window_get_current (window)), ==, 2);
  first_page = eyl_page_view_get_analysis (view);
  g_assert_nonnull (first_page);
  g_assert_cmpuint (first_page->index, ==, 0);
  g_assert_true (eyl_gui_wait_for (page_rendered, NULL, 30));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-page", NULL);
  g_assert_nonnull (eyl_page_view_get_analysis (view));
  g_assert_cmpuint (eyl_page_view_get_analysis (view)->index, ==, 1);
  g_assert_true (eyl_gui_wait_for (page_rendered, NULL, 30));
  wait_for_frame ();
  save_png ("page-2");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-page", NULL);
  g_assert_cmpuint (eyl_page_view_get_analysis (view)->index, ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-document", NULL);
}

static gboolean
all_checked (gpointer data)
{
  GListModel *documents = eyl_window_get_documents (window);

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(EylDocumentItem) item = g_list_model_get_item (documents, i);
      EylDocumentStatus status = eyl_document_item_get_status (item);

      if (status == EYL_DOCUMENT_QUEUED || status == EYL_DOCUMENT_ANALYSING)
        return FALSE;
    }
  return TRUE;
}

/* The Brand Kit dialog creates, renames and deletes named kits; the kit
 * of earlier versions is listed as "My brand". */
static void
test_kit_dialog (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_config_dir (), "eyeline", NULL);
  g_autofree char *legacy = g_build_filename (dir, "brand-kit.ini", NULL);
  g_autofree char *new_path = eyl_brand_kit_dup_named_path ("New kit");
  g_autofree char *renamed = eyl_brand_kit_dup_named_path ("Client A");
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(EylBrandKit) kit = NULL;
  g_autofree char   *remembered = NULL;
  EylBrandKitDialog *dialog;
  AdwEntryRow       *name_row, *names_row;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (legacy, "[Brand]\nnames=Northwind\n", -1, NULL));
  names = eyl_brand_kit_list_names ();
  g_assert_true (g_ptr_array_find_with_equal_func (names, EYL_BRAND_KIT_LEGACY_NAME, g_str_equal, NULL));

  /* Not the window's dialog: its "saved" would re-check the open
   * documents and queue toasts that later tests wait behind. */
  dialog = EYL_BRAND_KIT_DIALOG (eyl_brand_kit_dialog_new (GTK_WINDOW (window)));
  gtk_window_present (GTK_WINDOW (dialog));
  name_row = ADW_ENTRY_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog), EYL_TYPE_BRAND_KIT_DIALOG,
                                                           "kit_name_row"));
  names_row = ADW_ENTRY_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog), EYL_TYPE_BRAND_KIT_DIALOG,
                                                            "names_row"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, EYL_BRAND_KIT_LEGACY_NAME);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (names_row)), ==, "Northwind");

  /* New: an empty kit file of its own, edited at once. */
  g_unlink (new_path);
  g_unlink (renamed);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "brand-kit.new", NULL);
  g_assert_true (g_file_test (new_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "New kit");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (names_row)), ==, "");

  /* Renamed on save, with its names; the legacy kit untouched. */
  g_assert_true (eyl_brand_kit_remember ("file:///kit-dialog.pdf", "New kit", NULL));
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Client A");
  gtk_editable_set_text (GTK_EDITABLE (names_row), "Southwind");
  g_assert_true (eyl_brand_kit_dialog_save (dialog, NULL));
  g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));
  /* A document that remembered the kit remembers its new name. */
  remembered = eyl_brand_kit_dup_remembered ("file:///kit-dialog.pdf");
  g_assert_cmpstr (remembered, ==, "Client A");
  g_assert_true (eyl_brand_kit_remember ("file:///kit-dialog.pdf", NULL, NULL));
  kit = eyl_brand_kit_load (renamed, NULL);
  g_assert_nonnull (kit);
  g_assert_cmpstr (kit->names[0], ==, "Southwind");
  g_clear_pointer (&kit, eyl_brand_kit_unref);
  kit = eyl_brand_kit_load (legacy, NULL);
  g_assert_cmpstr (kit->names[0], ==, "Northwind");

  /* Colours and fonts: added, saved, read back by the kit file and by
   * the dialog opened again. */
  {
    GtkListBox        *colors = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (dialog), EYL_TYPE_BRAND_KIT_DIALOG,
                                                                             "colors_list"));
    GtkListBox        *fonts = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (dialog), EYL_TYPE_BRAND_KIT_DIALOG,
                                                                            "fonts_list"));
    GtkWidget         *row;
    EylBrandKitDialog *again;

    gtk_widget_activate_action (GTK_WIDGET (dialog), "brand-kit.add-color", NULL);
    row = GTK_WIDGET (gtk_list_box_get_row_at_index (colors, 0));
    g_assert_nonnull (row);
    gtk_editable_set_text (GTK_EDITABLE (row), "Southwind green");
    g_assert_true (EYL_IS_BRAND_COLOR_ROW (row));
    eyl_brand_color_row_set_rgb (EYL_BRAND_COLOR_ROW (row), 0x1B5E20);
    eyl_brand_color_row_set_print (EYL_BRAND_COLOR_ROW (row), "Pantone 356 C");
    gtk_widget_activate_action (GTK_WIDGET (dialog), "brand-kit.add-font", NULL);
    row = GTK_WIDGET (gtk_list_box_get_row_at_index (fonts, 0));
    gtk_editable_set_text (GTK_EDITABLE (row), "Playfair Display");
    eyl_brand_font_row_set_role (EYL_BRAND_FONT_ROW (row), EYL_BRAND_FONT_HEADLINE);
    /* An empty font row is left out. */
    gtk_widget_activate_action (GTK_WIDGET (dialog), "brand-kit.add-font", NULL);
    g_assert_true (eyl_brand_kit_dialog_save (dialog, NULL));
    kit = eyl_brand_kit_load (renamed, NULL);
    g_assert_nonnull (kit);
    g_assert_cmpuint (kit->colors->len, ==, 1);
    g_assert_cmpstr (g_array_index (kit->colors, EylBrandColor, 0).name, ==, "Southwind green");
    g_assert_cmphex (g_array_index (kit->colors, EylBrandColor, 0).rgb, ==, 0x1B5E20);
    g_assert_cmpstr (g_array_index (kit->colors, EylBrandColor, 0).print, ==, "Pantone 356 C");
    g_assert_cmpuint (kit->fonts->len, ==, 1);
    g_assert_cmpstr (g_array_index (kit->fonts, EylBrandFont, 0).family, ==, "Playfair Display");
    g_assert_cmpint (g_array_index (kit->fonts, EylBrandFont, 0).role, ==, EYL_BRAND_FONT_HEADLINE);
    g_clear_pointer (&kit, eyl_brand_kit_unref);

    again = EYL_BRAND_KIT_DIALOG (eyl_brand_kit_dialog_new (GTK_WINDOW (window)));
    eyl_brand_kit_dialog_select_kit (again, "Client A");
    colors = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (again), EYL_TYPE_BRAND_KIT_DIALOG,
                                                          "colors_list"));
    fonts = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (again), EYL_TYPE_BRAND_KIT_DIALOG,
                                                         "fonts_list"));
    row = GTK_WIDGET (gtk_list_box_get_row_at_index (colors, 0));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Southwind green");
    g_assert_null (gtk_list_box_get_row_at_index (colors, 1));
    row = GTK_WIDGET (gtk_list_box_get_row_at_index (fonts, 0));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Playfair Display");
    g_assert_cmpint (eyl_brand_font_row_get_role (EYL_BRAND_FONT_ROW (row)), ==, EYL_BRAND_FONT_HEADLINE);
    g_assert_cmphex (eyl_brand_color_row_get_rgb (EYL_BRAND_COLOR_ROW (gtk_list_box_get_row_at_index (colors, 0))), ==,
                     0x1B5E20);
    g_assert_null (gtk_list_box_get_row_at_index (fonts, 1));
    gtk_window_destroy (GTK_WINDOW (again));

    /* A name the file cannot keep is refused, the kit left as it was. */
    fonts = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (dialog), EYL_TYPE_BRAND_KIT_DIALOG,
                                                         "fonts_list"));
    gtk_widget_activate_action (GTK_WIDGET (dialog), "brand-kit.add-font", NULL);
    row = GTK_WIDGET (gtk_list_box_get_row_at_index (fonts, 2));
    gtk_editable_set_text (GTK_EDITABLE (row), "Inter (Display)");
    g_assert_false (eyl_brand_kit_dialog_save (dialog, NULL));
    gtk_list_box_remove (fonts, row);
  }

  /* A name another kit has is refused. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), EYL_BRAND_KIT_LEGACY_NAME);
  g_assert_false (eyl_brand_kit_dialog_save (dialog, NULL));
  g_assert_true (g_file_test (renamed, G_FILE_TEST_IS_REGULAR));
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Client A");

  /* Deleted: gone from the list, another kit edited (the legacy kit
   * goes first). */
  eyl_gui_wait_for_frame (GTK_WIDGET (dialog));
  save_widget_png (GTK_WIDGET (dialog), "kit-dialog");
  g_unlink (legacy);
  g_assert_true (eyl_brand_kit_remember ("file:///kit-dialog.pdf", "Client A", NULL));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "brand-kit.delete", NULL);
  g_assert_false (g_file_test (renamed, G_FILE_TEST_EXISTS));
  /* The document that used it no longer remembers it. */
  g_clear_pointer (&remembered, g_free);
  remembered = eyl_brand_kit_dup_remembered ("file:///kit-dialog.pdf");
  g_assert_null (remembered);
  g_clear_pointer (&names, g_ptr_array_unref);
  names = eyl_brand_kit_list_names ();
  g_assert_false (g_ptr_array_find_with_equal_func (names, "Client A", g_str_equal, NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), !=, "Client A");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (eyl_gui_wait_for (all_checked, NULL, CHECK_TIMEOUT_S));
}

static EylDocumentItem *
find_document (const char *path)
{
  GListModel *documents = eyl_window_get_documents (window);

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(EylDocumentItem) item = g_list_model_get_item (documents, i);

      if (g_strcmp0 (eyl_document_item_get_path (item), path) == 0)
        return item;
    }
  return NULL;
}

/* Named kits, one per document: the kit chosen in the switcher changes
 * the document it is applied to, no other; the file remembers its kit
 * when it is opened again. */
static void
test_kit_switch (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_config_dir (), "eyeline", NULL);
  g_autofree char *legacy = g_build_filename (dir, "brand-kit.ini", NULL);
  g_autofree char *kits = eyl_brand_kit_dup_dir ();
  g_autofree char *kit = g_build_filename (kits, "Northwind.ini", NULL);
  g_autofree char *logo = g_build_filename (kits, "kit-switch-logo.png", NULL);
  g_autofree char *sample = sample_path ("rollup-banner.pdf");
  g_autofree char *corrected_path = sample_path ("rollup-banner-corrected.pdf");
  g_autofree char *corrected_uri = NULL;
  g_autofree char *remembered = NULL;
  g_autoptr(GPtrArray) names = NULL;
  EylDocumentItem *other, *item;
  EylFileResult   *other_result;
  guint            other_errors, other_warnings;

  g_unlink (legacy);
  g_assert_cmpint (g_mkdir_with_parents (kits, 0700), ==, 0);
  g_assert_true (g_file_set_contents (kit, "[Brand]\nnames=Northwind\n", -1, NULL));
  names = eyl_brand_kit_list_names ();
  g_assert_true (g_ptr_array_find_with_equal_func (names, "Northwind", g_str_equal, NULL));

  /* Nothing remembered from an earlier run. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (corrected_path);

    corrected_uri = g_file_get_uri (file);
    g_assert_true (eyl_brand_kit_remember (corrected_uri, NULL, NULL));
  }

  show_sample ();
  other = find_document (sample);
  g_assert_nonnull (other);
  g_assert_false (item_has_kit_name (other, NULL));
  open_path (corrected_path);
  item = eyl_window_get_current (window);
  g_assert_true (item != other);
  g_assert_true (eyl_gui_wait_for (all_checked, NULL, CHECK_TIMEOUT_S));
  g_assert_false (item_has_kit_name (item, NULL));
  g_assert_cmpstr (gtk_menu_button_get_label (window->kit_button), ==, "No Brand Kit");
  other_result = eyl_document_item_get_result (other);
  other_errors = eyl_document_item_get_n_errors (other);
  other_warnings = eyl_document_item_get_n_warnings (other);

  /* One click in the switcher: this document, with the kit's name. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.document-kit", "s", "Northwind");
  g_assert_true (eyl_gui_wait_for (kit_name_shown, (gpointer) "NORTHWIND", CHECK_TIMEOUT_S));
  g_assert_cmpstr (eyl_document_item_get_kit (item), ==, "Northwind");
  g_assert_cmpstr (gtk_menu_button_get_label (window->kit_button), ==, "Northwind");
  g_assert_true (eyl_gui_wait_for (page_rendered, NULL, 30));
  gtk_menu_button_popup (window->kit_button);
  eyl_gui_wait_until (eyl_gui_widget_mapped, gtk_menu_button_get_popover (window->kit_button), 10,
                      "the kit menu");
  eyl_gui_wait_for_frame (GTK_WIDGET (gtk_menu_button_get_popover (window->kit_button)));
  wait_for_frame ();
  save_png ("kit-switch");
  save_widget_png (GTK_WIDGET (gtk_menu_button_get_popover (window->kit_button)), "kit-menu");
  gtk_menu_button_popdown (window->kit_button);

  /* The other document: the same result, the same findings. */
  g_assert_true (eyl_document_item_get_result (other) == other_result);
  g_assert_false (item_has_kit_name (other, NULL));
  g_assert_cmpuint (eyl_document_item_get_n_errors (other), ==, other_errors);
  g_assert_cmpuint (eyl_document_item_get_n_warnings (other), ==, other_warnings);
  g_assert_null (eyl_document_item_get_kit (other));

  /* The kit given a logo and chosen again: this document read again (its
   * logos are not the ones it was read with), the other not. */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 40, 20);
    g_autofree char *contents = g_strdup_printf ("[Brand]\nnames=Northwind\nlogos=%s\n", logo);
    guint            n_item = 0, n_other = 0;
    gulong           item_handler, other_handler;

    g_assert_cmpint (cairo_surface_write_to_png (surface, logo), ==, CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy (surface);
    g_assert_true (g_file_set_contents (kit, contents, -1, NULL));
    item_handler = g_signal_connect (item, "notify::status", G_CALLBACK (count_analysing_cb), &n_item);
    other_handler = g_signal_connect (other, "notify::status", G_CALLBACK (count_analysing_cb), &n_other);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.document-kit", "s", "Northwind");
    g_assert_false (all_checked (NULL));
    g_assert_true (eyl_gui_wait_for (all_checked, NULL, CHECK_TIMEOUT_S));
    g_signal_handler_disconnect (item, item_handler);
    g_signal_handler_disconnect (other, other_handler);
    g_assert_cmpuint (n_item, >=, 1);
    g_assert_cmpuint (n_other, ==, 0);
    g_assert_true (kit_name_shown ((gpointer) "NORTHWIND"));
    g_assert_false (item_has_kit_name (other, NULL));
  }

  /* Closed and opened again: the file remembers its kit. */
  remembered = eyl_brand_kit_dup_remembered (corrected_uri);
  g_assert_cmpstr (remembered, ==, "Northwind");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-document", NULL);
  g_assert_null (find_document (corrected_path));
  open_path (corrected_path);
  item = eyl_window_get_current (window);
  g_assert_cmpstr (eyl_document_item_get_kit (item), ==, "Northwind");
  g_assert_true (eyl_gui_wait_for (kit_name_shown, (gpointer) "NORTHWIND", CHECK_TIMEOUT_S));

  /* No kit again, and forgotten. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.document-kit", "s", "");
  g_assert_true (eyl_gui_wait_for (current_checked, NULL, CHECK_TIMEOUT_S));
  g_assert_false (item_has_kit_name (item, NULL));
  eyl_window_set_document_kit (window, item, NULL);
  g_clear_pointer (&remembered, g_free);
  remembered = eyl_brand_kit_dup_remembered (corrected_uri);
  g_assert_null (remembered);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-document", NULL);
  g_unlink (kit);
  g_unlink (logo);
}

/* The sample, a file that is not a PDF and the corrected sample open,
 * the last shown; every one checked. */
static void
open_several (void)
{
  g_autofree char *sample = sample_path ("rollup-banner.pdf");
  g_autofree char *not_pdf = not_pdf_path ();
  g_autofree char *corrected = sample_path ("rollup-banner-corrected.pdf");

  open_path (sample);
  open_path (not_pdf);
  open_path (corrected);
  g_assert_true (eyl_gui_wait_for (all_checked, NULL, CHECK_TIMEOUT_S));
}

static void
test_several (void)
{
  GListModel *documents = eyl_window_get_documents (window);
  g_autoptr(EylDocumentItem) first = NULL;

  open_several ();
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 3);
  g_assert_cmpuint (eyl_document_item_get_n_errors (eyl_window_get_current (window)), ==, 0);
  g_assert_true (eyl_gui_wait_for (page_rendered, NULL, 30));

  /* Opening a file that is open shows it instead of adding it again. */
  first = g_list_model_get_item (documents, 0);
  eyl_window_open_files (window, (GFile *[]) { eyl_document_item_get_file (first) }, 1);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 3);
  g_assert_true (eyl_window_get_current (window) == first);
  g_assert_true (eyl_gui_wait_for (page_rendered, NULL, 30));
  g_assert_true (eyl_gui_wait_for (stacks_settled, NULL, 10));
  wait_for_frame ();
  save_png ("several");

  /* The dark style: the page stays paper-white, the chrome follows. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  wait_for_frame ();
  save_png ("dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* The primary menu's entries are there. */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "preferences"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));

  /* Closing every document brings back the empty state. */
  while (g_list_model_get_n_items (documents) > 0)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.close-document", NULL);
  g_assert_cmpstr (eyl_window_get_state (window), ==, "empty");
}

static gboolean
export_finished (gpointer data)
{
  EylExportJob *job = eyl_window_get_export_job (window);

  return job != NULL && !eyl_export_job_is_running (job);
}

static char *
export_folder (const char *name)
{
  g_autofree char *path = g_build_filename (eyl_fixture_dir (), name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (path, 0755), ==, 0);
  return g_steal_pointer (&path);
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

typedef struct
{
  gint64 last, longest;
} Heartbeat;

static gboolean
heartbeat_cb (gpointer data)
{
  Heartbeat *beat = data;
  gint64     now = g_get_monotonic_time ();

  beat->longest = MAX (beat->longest, now - beat->last);
  beat->last = now;
  return G_SOURCE_CONTINUE;
}

static gboolean
worker_running (gpointer data)
{
  (void) data;
  return eyl_scheduler_get_n_running (window->scheduler) > 0;
}

/* A visible, mapped toplevel of the type named @data. */
static gboolean
toplevel_shown (gpointer data)
{
  GtkWindow *toplevel = eyl_gui_find_toplevel (g_type_from_name (data));

  return toplevel != NULL && gtk_widget_get_mapped (GTK_WIDGET (toplevel));
}

/* Export…, Export All… and Cancel, as a user would, with the window
 * answering all along. */
static void
test_export (void)
{
  g_autofree char *sample = sample_path ("rollup-banner.pdf");
  g_autofree char *one = export_folder ("window-export-one");
  g_autofree char *all = export_folder ("window-export-all");
  g_autofree char *cancelled = export_folder ("window-export-cancel");
  g_autofree char *expected = NULL;
  GListModel      *documents = eyl_window_get_documents (window);
  EylExportDialog *dialog;
  EylExportJob    *job;
  GtkWindow       *failures;
  gint64           longest = 0;
  guint            n_ok = 0;

  open_several ();
  open_path (sample);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  eyl_gui_wait_until (toplevel_shown, (gpointer) "EylExportDialog", 10, "the export dialog");
  dialog = EYL_EXPORT_DIALOG (eyl_gui_find_toplevel (EYL_TYPE_EXPORT_DIALOG));
  eyl_export_dialog_set_folder (dialog, one);
  eyl_gui_wait_for_frame (GTK_WIDGET (dialog));
  /* It opens tall enough to show every choice without scrolling. */
  {
    GtkScrolledWindow *scroller = find_descendant (GTK_WIDGET (dialog), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment     *adjustment;

    g_assert_nonnull (scroller);
    adjustment = gtk_scrolled_window_get_vadjustment (scroller);
    g_test_message ("export dialog: content %.0f px in %.0f px",
                    gtk_adjustment_get_upper (adjustment), gtk_adjustment_get_page_size (adjustment));
    g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), <=,
                       gtk_adjustment_get_page_size (adjustment) + 1);
  }
  save_widget_png (GTK_WIDGET (dialog), "export-dialog");
  eyl_export_dialog_confirm (dialog);

  job = eyl_window_get_export_job (window);
  g_assert_nonnull (job);
  g_assert_true (eyl_export_job_is_running (job));
  /* The window keeps drawing and answering while the worker exports: a
   * heartbeat every 20 ms measures the gaps between turns of its loop. */
  {
    Heartbeat beat = { g_get_monotonic_time (), 0 };
    guint     id = g_timeout_add (20, heartbeat_cb, &beat);

    g_assert_true (eyl_gui_wait_for (export_finished, NULL, CHECK_TIMEOUT_S));
    g_source_remove (id);
    longest = beat.longest;
  }
  g_test_message ("longest main loop gap while exporting: %" G_GINT64_FORMAT " ms", longest / 1000);
  g_assert_cmpint (longest, <, 500 * 1000);
  g_assert_cmpuint (eyl_export_job_get_n_failed (job), ==, 0);
  g_assert_cmpuint (eyl_export_job_get_n_outputs (job), ==, 1);
  expected = g_build_filename (one, "rollup-banner-eyeline.pdf", NULL);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
  wait_for_frame ();
  save_png ("export-done");

  /* Export All: the file that is not a PDF fails and is listed. */
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(EylDocumentItem) item = g_list_model_get_item (documents, i);

      if (eyl_document_item_get_status (item) == EYL_DOCUMENT_DONE)
        n_ok++;
    }
  g_assert_cmpuint (n_ok, <, g_list_model_get_n_items (documents));
  eyl_window_export (window, TRUE, all, EYL_EXPORT_ANNOTATIONS, FALSE);
  wait_for_frame ();
  save_png ("export-progress");
  g_assert_true (eyl_gui_wait_for (export_finished, NULL, CHECK_TIMEOUT_S));
  job = eyl_window_get_export_job (window);
  g_assert_cmpuint (eyl_export_job_get_total (job), ==, g_list_model_get_n_items (documents));
  g_assert_cmpuint (eyl_export_job_get_n_outputs (job), ==, n_ok);
  g_assert_cmpuint (eyl_export_job_get_n_failed (job), >=, 1);
  g_assert_cmpuint (count_files (all), ==, n_ok);
  eyl_gui_wait_until (toplevel_shown, (gpointer) "AdwMessageDialog", 10, "the list of failed exports");
  failures = eyl_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  eyl_gui_wait_for_frame (GTK_WIDGET (failures));
  save_widget_png (GTK_WIDGET (failures), "export-failures");
  gtk_window_close (failures);

  /* Cancel: the worker hangs while exporting; nothing is left. */
  g_setenv ("EYL_WORKER_SIMULATE_EXPORT", "hang", TRUE);
  eyl_window_export (window, FALSE, cancelled, EYL_EXPORT_OVERLAY, FALSE);
  eyl_gui_wait_until (worker_running, NULL, 30, "the export's worker started");
  g_assert_true (eyl_export_job_is_running (eyl_window_get_export_job (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-export", NULL));
  g_assert_true (eyl_gui_wait_for (export_finished, NULL, 30));
  g_unsetenv ("EYL_WORKER_SIMULATE_EXPORT");
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_assert_true (eyl_export_job_was_cancelled (eyl_window_get_export_job (window)));
  g_assert_cmpuint (count_files (cancelled), ==, 0);
}

/* The primary menu's windows open (and close) without a warning. */
static void
test_dialogs (void)
{
  static const struct
  {
    const char *action;
    const char *type;
    const char *png;
  } dialogs[] = {
    { "app.about", "AdwAboutWindow", "about" },
    { "app.preferences", "EylPreferencesWindow", "preferences" },
    { "win.show-help-overlay", "GtkShortcutsWindow", "shortcuts" },
    { "win.brand-kit", "EylBrandKitDialog", "brand-kit" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    {
      GtkWindow *dialog;

      gtk_widget_activate_action (GTK_WIDGET (window), dialogs[i].action, NULL);
      eyl_gui_wait_until (toplevel_shown, (gpointer) dialogs[i].type, 10, dialogs[i].type);
      dialog = eyl_gui_find_toplevel (g_type_from_name (dialogs[i].type));
      eyl_gui_wait_for_frame (GTK_WIDGET (dialog));
      save_widget_png (GTK_WIDGET (dialog), dialogs[i].png);
      gtk_window_close (dialog);
      g_assert_null (eyl_gui_find_toplevel (g_type_from_name (dialogs[i].type)));
    }
}

/* One page with a headline and a website on a coloured ground, written
 * to a new name and renamed over @path (as an export over the same name
 * does). */
static void
write_page_pdf (const char *path,
                double      width,
                double      height,
                double      red,
                double      blue)
{
  g_autofree char *tmp = g_strconcat (path, ".new", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (tmp, width, height);
  cairo_t         *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, red, 0.2, blue);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 40);
  cairo_move_to (cr, 40, 120);
  cairo_show_text (cr, "Fresh tea daily");
  cairo_set_font_size (cr, 20);
  cairo_move_to (cr, 40, 200);
  cairo_show_text (cr, "www.northwind-tea.example");
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  g_assert_cmpint (g_rename (tmp, path), ==, 0);
}

static gboolean
same_bytes (const char *a,
            const char *b)
{
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;
  gsize            len_a = 0, len_b = 0;

  if (a == NULL || b == NULL ||
      !g_file_get_contents (a, &text_a, &len_a, NULL) ||
      !g_file_get_contents (b, &text_b, &len_b, NULL))
    return FALSE;
  return len_a == len_b && memcmp (text_a, text_b, len_a) == 0;
}

static gboolean
rendered_since (gpointer data)
{
  return eyl_page_view_get_n_renders (eyl_window_get_page_view (window)) > GPOINTER_TO_UINT (data);
}

static char *changing_path;
static char *checked_copy;

/* A portrait page written to changing-banner.pdf (and a copy of its
 * bytes), opened and checked: the current document. */
static EylDocumentItem *
open_changing_banner (void)
{
  EylDocumentItem *item;

  g_clear_pointer (&changing_path, g_free);
  g_clear_pointer (&checked_copy, g_free);
  changing_path = g_build_filename (eyl_fixture_dir (), "changing-banner.pdf", NULL);
  checked_copy = g_build_filename (eyl_fixture_dir (), "changing-banner-checked.pdf", NULL);
  write_page_pdf (changing_path, 400, 800, 0.9, 0.1);
  {
    g_autofree char *bytes = NULL;
    gsize            len;

    g_assert_true (g_file_get_contents (changing_path, &bytes, &len, NULL));
    g_assert_true (g_file_set_contents (checked_copy, bytes, (gssize) len, NULL));
  }
  open_path (changing_path);
  g_assert_true (eyl_gui_wait_for (current_checked, NULL, CHECK_TIMEOUT_S));
  item = eyl_window_get_current (window);
  g_assert_cmpint (eyl_document_item_get_status (item), ==, EYL_DOCUMENT_DONE);
  g_assert_true (eyl_gui_wait_for (page_rendered, NULL, 30));
  return item;
}

/* The window renders the bytes its worker checked (a private snapshot),
 * never the file as it is on disk now: a file replaced after its check
 * (the attack of a hang file exported over the same name) is not rendered
 * from the new bytes until it has been checked again. */
static void
test_snapshot (void)
{
  EylPageView     *view = eyl_window_get_page_view (window);
  EylDocumentItem *item;
  const char      *shown;
  GdkTexture      *texture;
  guint            renders;

  item = open_changing_banner ();
  /* The report names the file, not the snapshot. */
  g_assert_cmpstr (eyl_document_item_get_result (item)->path, ==, changing_path);

  shown = eyl_page_view_get_path (view);
  g_assert_nonnull (shown);
  g_assert_cmpstr (shown, !=, changing_path);
  g_assert_cmpstr (shown, ==, eyl_document_item_get_snapshot (item));
  g_assert_true (same_bytes (shown, changing_path));

  /* Replaced on disk (landscape now); a zoom asks for a new render at
   * once, before the window has heard of the change. */
  write_page_pdf (changing_path, 800, 400, 0.1, 0.9);
  renders = eyl_page_view_get_n_renders (view);
  eyl_page_view_set_zoom (view, eyl_page_view_get_zoom (view) * 1.5);
  g_assert_true (same_bytes (eyl_page_view_get_path (view), checked_copy));
  g_assert_false (same_bytes (eyl_page_view_get_path (view), changing_path));
  g_assert_true (eyl_gui_wait_for (rendered_since, GUINT_TO_POINTER (renders), 30));
  texture = eyl_page_view_get_texture (view);
  g_assert_nonnull (texture);
  /* Still the checked (portrait) page, unless the new bytes were checked
   * in the meantime. */
  if (!same_bytes (eyl_document_item_get_snapshot (item), changing_path))
    g_assert_cmpint (gdk_texture_get_height (texture), >, gdk_texture_get_width (texture));
}

/* Checked again, with a landscape (@data non-NULL) or portrait page. */
static gboolean
checked_as (gpointer landscape)
{
  EylDocumentItem *item = eyl_window_get_current (window);
  EylPageAnalysis *page;

  if (item == NULL || eyl_document_item_get_status (item) != EYL_DOCUMENT_DONE)
    return FALSE;
  page = eyl_document_item_get_page (item, 0);
  return page != NULL && (page->page_w_pt > page->page_h_pt) == (landscape != NULL);
}

static gboolean
landscape_rendered (gpointer data)
{
  GdkTexture *texture = eyl_page_view_get_texture (eyl_window_get_page_view (window));

  return texture != NULL && gdk_texture_get_width (texture) > gdk_texture_get_height (texture);
}

/* A file that changes on disk is checked again by itself, and then shown
 * from its new bytes. */
static void
test_changed_on_disk (void)
{
  EylPageView     *view = eyl_window_get_page_view (window);
  EylDocumentItem *item = open_changing_banner ();

  /* Replaced on disk: landscape now. */
  write_page_pdf (changing_path, 800, 400, 0.1, 0.9);
  g_assert_true (eyl_gui_wait_for (checked_as, GINT_TO_POINTER (1), CHECK_TIMEOUT_S));
  g_assert_true (same_bytes (eyl_document_item_get_snapshot (item), changing_path));
  g_assert_cmpstr (eyl_page_view_get_path (view), ==, eyl_document_item_get_snapshot (item));
  g_assert_true (eyl_gui_wait_for (landscape_rendered, NULL, 30));
  wait_for_frame ();
  save_png ("changed-on-disk");

  /* Written again in place: checked again (portrait once more). */
  write_page_pdf (changing_path, 400, 800, 0.9, 0.1);
  g_assert_true (eyl_gui_wait_for (checked_as, NULL, CHECK_TIMEOUT_S));
  g_assert_true (same_bytes (eyl_document_item_get_snapshot (item), changing_path));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-document", NULL);
  g_unlink (changing_path);
  g_unlink (checked_copy);
  g_clear_pointer (&changing_path, g_free);
  g_clear_pointer (&checked_copy, g_free);
}

typedef struct
{
  const char *text;  /* a toast's words */
  const char *other; /* and others in the same toast */
  gboolean    seen, other_seen;
} ToastSeen;

/* TRUE once @data's text has been shown (at any time while waiting) and
 * the current document is checked. */
static gboolean
toast_seen_and_checked (gpointer data)
{
  ToastSeen *seen = data;

  if (!seen->seen && find_text (GTK_WIDGET (window), seen->text))
    {
      seen->seen = TRUE;
      seen->other_seen = find_text (GTK_WIDGET (window), seen->other);
    }
  return seen->seen && current_checked (NULL);
}

/* A kit logo that cannot be read is read once, by a worker of its own,
 * and named in a toast; the document is checked without it. */
static void
test_kit_logo (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_config_dir (), "eyeline", NULL);
  g_autofree char *kit = g_build_filename (dir, "brand-kit.ini", NULL);
  g_autofree char *logo = g_build_filename (dir, "odd-logo.pdf", NULL);
  g_autofree char *sample = sample_path ("rollup-banner.pdf");
  EylDocumentItem *item;

  /* This build's own configuration folder: no kit before this test. */
  g_unlink (kit);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  /* A GIF under a PDF's name. */
  g_assert_true (g_file_set_contents (logo, "GIF89a\x01\x00\x01\x00", 10, NULL));
  g_assert_true (g_file_set_contents (kit, "[Brand]\nnames=Northwind Tea\nlogos=odd-logo.pdf\n",
                                      -1, NULL));
  open_path (sample);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  /* The toast comes when the logo is read, before the check, and goes
   * after a few seconds (after the toasts before it, one at a time): it
   * is looked for from now on, while the check runs, not after it. */
  {
    ToastSeen seen = { "odd-logo.pdf", "GIF", FALSE, FALSE };

    g_assert_true (eyl_gui_wait_for (toast_seen_and_checked, &seen, CHECK_TIMEOUT_S));
    g_assert_true (seen.other_seen);
  }
  item = eyl_window_get_current (window);
  g_assert_cmpint (eyl_document_item_get_status (item), ==, EYL_DOCUMENT_DONE);
  g_assert_cmpstr (eyl_window_get_state (window), ==, "page");
  g_assert_true (eyl_gui_wait_for (page_rendered, NULL, 30));
  save_png ("kit-logo");

  /* The kit's names edited, its logo file the same: written into the kit
   * the logo was read for, and no worker reads the logo again; another
   * logo file is read. */
  {
    EylWindow       *w = window;
    guint            n_dirs = w->kit_dirs->len;
    g_autofree char *prepared = NULL;
    g_autofree char *contents = NULL;

    g_assert_true (g_file_set_contents (kit, "[Brand]\nnames=Southwind Coffee\nlogos=odd-logo.pdf\n",
                                        -1, NULL));
    gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
    g_assert_true (eyl_gui_wait_for (current_checked, NULL, CHECK_TIMEOUT_S));
    g_assert_cmpuint (w->kit_dirs->len, ==, n_dirs);
    g_assert_null (w->kit_cancellable);
    prepared = g_strdup (w->kit_prepared);
    g_assert_true (g_file_get_contents (prepared, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "Southwind Coffee"));

    g_assert_true (g_file_set_contents (logo, "GIF89a\x02\x00\x02\x00\x00", 11, NULL));
    gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
    g_assert_true (eyl_gui_wait_for (current_checked, NULL, CHECK_TIMEOUT_S));
    g_assert_cmpuint (w->kit_dirs->len, ==, n_dirs + 1);
  }

  g_unlink (kit);
  g_unlink (logo);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-document", NULL);
}

/* The visitor's views: win.view-attention and win.view-walkup open a
 * window beside the page that shows the page shown, and close it again. */
static GtkWindow *
visitor_window (const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_window_get_title (w), title) == 0 && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }
  return NULL;
}

static gboolean
visitor_drawn (gpointer data)
{
  GtkWindow *w = visitor_window (data);

  GtkPicture *picture = w != NULL ? find_descendant (GTK_WIDGET (w), GTK_TYPE_PICTURE) : NULL;

  return picture != NULL && gtk_picture_get_paintable (picture) != NULL;
}

static void
test_visitor_views (void)
{
  static const struct
  {
    const char *action, *title, *png;
  } views[] = {
    { "view-attention", "Predicted Attention (Model)", "attention" },
    { "view-walkup", "Walk-Up View", "walkup" },
  };

  show_sample ();
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *action = g_strconcat ("win.", views[i].action, NULL);
      GtkWindow       *w;

      g_assert_false (action_state (views[i].action));
      g_assert_null (visitor_window (views[i].title));
      gtk_widget_activate_action (GTK_WIDGET (window), action, NULL);
      g_assert_true (action_state (views[i].action));
      g_assert_true (eyl_gui_wait_for (visitor_drawn, (gpointer) views[i].title, 60));
      w = visitor_window (views[i].title);
      eyl_gui_wait_for_frame (GTK_WIDGET (w));
      save_widget_png (GTK_WIDGET (w), views[i].png);
      /* Closing the window turns the action off. */
      g_object_add_weak_pointer (G_OBJECT (w), (gpointer *) &w);
      gtk_window_close (w);
      eyl_gui_run_pending ();
      g_test_message ("DEBUG visitor window after close: %p", (void *) w);
      g_assert_false (action_state (views[i].action));
      g_assert_null (visitor_window (views[i].title));
    }
}

static gboolean
compare_shown (gpointer data)
{
  EylCompareView *view = EYL_COMPARE_VIEW (eyl_window_get_compare_view (window));

  return g_strcmp0 (eyl_window_get_state (window), "compare") == 0 &&
         eyl_compare_view_get_comparison (view) != NULL &&
         eyl_page_view_is_rendered (eyl_compare_view_get_page_view (view, FALSE)) &&
         eyl_page_view_is_rendered (eyl_compare_view_get_page_view (view, TRUE));
}

static gboolean
state_is (gpointer data)
{
  return g_strcmp0 (eyl_window_get_state (window), data) == 0;
}

static gboolean
state_is_not (gpointer data)
{
  return !state_is (data);
}

static guint
count_changes (EylCompareView *view,
               EylChangeKind   kind,
               const char     *rule)
{
  GListModel *findings = eyl_compare_view_get_findings (view, kind);
  guint       n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(EylFindingObject) object = g_list_model_get_item (findings, i);

      if (g_strcmp0 (eyl_finding_object_get_rule (object), rule) == 0)
        n++;
    }
  return n;
}

/* The banner and its corrected version side by side: the hidden website
 * and phone are listed as fixed, the score rises and says by how much;
 * Escape leads back to the new version. */
static void
test_compare (void)
{
  g_autofree char *old_path = sample_path ("rollup-banner.pdf");
  g_autofree char *new_path = sample_path ("rollup-banner-corrected.pdf");
  g_autoptr(GFile) old_file = g_file_new_for_path (old_path);
  g_autoptr(GFile) new_file = g_file_new_for_path (new_path);
  EylCompareView          *view = EYL_COMPARE_VIEW (eyl_window_get_compare_view (window));
  const EylComparison     *comparison;
  const EylPageComparison *page;
  g_autofree char         *expected = NULL;

  while (eyl_window_get_current (window) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.close-document", NULL);

  eyl_window_compare_files (window, old_file, new_file);
  g_assert_cmpuint (g_list_model_get_n_items (eyl_window_get_documents (window)), ==, 2);
  g_assert_true (eyl_gui_wait_for (compare_shown, NULL, CHECK_TIMEOUT_S));
  wait_for_frame ();
  save_png ("compare");

  comparison = eyl_compare_view_get_comparison (view);
  g_assert_cmpuint (comparison->pages->len, ==, 1);
  page = g_ptr_array_index (comparison->pages, 0);
  g_test_message ("score %d -> %d; %u fixed, %u new, %u kept", page->score_before,
                  page->score_after, comparison->n_fixed, comparison->n_new, comparison->n_kept);
  g_assert_cmpint (page->score_after, >, page->score_before);
  /* The score's change, as the view says it: "20 → 85, +65". */
  expected = g_strdup_printf ("%d → %d, %+d", page->score_before, page->score_after,
                              page->score_after - page->score_before);
  g_assert_cmpstr (eyl_compare_view_get_score_text (view), ==, expected);
  /* The website and the phone were hidden: fixed, and not still open. */
  g_assert_cmpuint (count_changes (view, EYL_CHANGE_FIXED, "contact-hidden"), >=, 2);
  g_assert_cmpuint (count_changes (view, EYL_CHANGE_KEPT, "contact-hidden"), ==, 0);
  g_assert_cmpuint (count_changes (view, EYL_CHANGE_NEW, "contact-hidden"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (eyl_compare_view_get_findings (view, EYL_CHANGE_FIXED)),
                    ==, comparison->n_fixed);
  /* Both pages shown, each with its own findings. */
  g_assert_true (eyl_page_view_get_analysis (eyl_compare_view_get_page_view (view, FALSE)) !=
                 eyl_page_view_get_analysis (eyl_compare_view_get_page_view (view, TRUE)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (eyl_compare_view_get_page_view (view, FALSE))), >, 100);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (eyl_compare_view_get_page_view (view, TRUE))), >, 100);

  /* Page tools of the single page are hidden while comparing. */
  g_assert_cmpstr (eyl_window_get_state (window), ==, "compare");

  /* The keyboard is in the view: Escape reaches its way back. */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    g_assert_nonnull (focus);
    g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (view)));
  }

  /* The way back: the new version, as checked. */
  gtk_widget_activate_action (GTK_WIDGET (view), "compare.back", NULL);
  eyl_gui_wait_until (state_is, (gpointer) "page", 10, "the page again after the comparison");
  g_assert_true (g_file_equal (eyl_document_item_get_file (eyl_window_get_current (window)), new_file));
  g_assert_null (eyl_compare_view_get_comparison (view));

  /* The same file is not another version. */
  eyl_window_compare_files (window, new_file, new_file);
  eyl_gui_run_pending ();
  g_assert_cmpstr (eyl_window_get_state (window), ==, "page");

  /* Closing a version ends the comparison. */
  eyl_window_compare_files (window, old_file, new_file);
  g_assert_true (eyl_gui_wait_for (compare_shown, NULL, 30));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-document", NULL);
  eyl_gui_wait_until (state_is_not, (gpointer) "compare", 10, "the comparison ended");
  while (eyl_window_get_current (window) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.close-document", NULL);
}

/* Two versions of two pages, the second a copy: paired page by page,
 * the score unchanged, the pages stepped through together.  Then the
 * banner and a copy of it: every finding still open, none fixed or new. */
static void
test_compare_pages (void)
{
  g_autofree char *path = two_page_pdf ();
  g_autofree char *copy = g_build_filename (eyl_fixture_dir (), "two-pages-v2.pdf", NULL);
  g_autoptr(GFile) old_file = g_file_new_for_path (path);
  g_autoptr(GFile) new_file = g_file_new_for_path (copy);
  g_autoptr(GError) error = NULL;
  EylCompareView          *view = EYL_COMPARE_VIEW (eyl_window_get_compare_view (window));
  const EylComparison     *comparison;
  const EylPageComparison *page;
  g_autofree char         *expected = NULL;

  g_assert_true (g_file_copy (old_file, new_file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  eyl_window_compare_files (window, old_file, new_file);
  g_assert_true (eyl_gui_wait_for (compare_shown, NULL, CHECK_TIMEOUT_S));
  comparison = eyl_compare_view_get_comparison (view);
  g_assert_cmpuint (comparison->pages->len, ==, 2);
  g_assert_cmpuint (comparison->n_fixed, ==, 0);
  g_assert_cmpuint (comparison->n_new, ==, 0);
  /* A copy: whatever the placement finds stays, nothing is fixed or new. */
  {
    EylDocumentItem *after = eyl_window_get_current (window);
    guint            n = 0;

    g_assert_true (g_file_equal (eyl_document_item_get_file (after), new_file));
    for (guint i = 0; i < 2; i++)
      n += eyl_document_item_get_page (after, i)->findings->len;
    g_assert_cmpuint (comparison->n_kept, ==, n);
  }

  eyl_compare_view_set_page (view, 1);
  g_assert_cmpuint (eyl_compare_view_get_page (view), ==, 1);
  g_assert_cmpuint (eyl_page_view_get_analysis (eyl_compare_view_get_page_view (view, FALSE))->index, ==, 1);
  g_assert_cmpuint (eyl_page_view_get_analysis (eyl_compare_view_get_page_view (view, TRUE))->index, ==, 1);
  page = g_ptr_array_index (comparison->pages, 1);
  g_assert_cmpint (page->score_before, ==, page->score_after);
  expected = g_strdup_printf ("%d → %d, unchanged", page->score_before, page->score_after);
  g_assert_cmpstr (eyl_compare_view_get_score_text (view), ==, expected);
  g_assert_cmpuint (g_list_model_get_n_items (eyl_compare_view_get_findings (view, EYL_CHANGE_KEPT)),
                    ==, page->changes->len);
  g_assert_true (eyl_gui_wait_for (compare_shown, NULL, 30));
  wait_for_frame ();
  save_png ("compare-pages");
  /* Past the last page stays on it. */
  eyl_compare_view_set_page (view, 5);
  g_assert_cmpuint (eyl_compare_view_get_page (view), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (view), "compare.back", NULL);
  g_unlink (copy);

  {
    g_autofree char *banner = sample_path ("rollup-banner.pdf");
    g_autofree char *banner_copy = g_build_filename (eyl_fixture_dir (), "banner-v2.pdf", NULL);
    g_autoptr(GFile) banner_file = g_file_new_for_path (banner);
    g_autoptr(GFile) copy_file = g_file_new_for_path (banner_copy);
    EylPageAnalysis *after;

    g_assert_true (g_file_copy (banner_file, copy_file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL,
                                &error));
    eyl_window_compare_files (window, banner_file, copy_file);
    g_assert_true (eyl_gui_wait_for (compare_shown, NULL, CHECK_TIMEOUT_S));
    comparison = eyl_compare_view_get_comparison (view);
    after = eyl_page_view_get_analysis (eyl_compare_view_get_page_view (view, TRUE));
    g_assert_cmpuint (after->findings->len, >=, 2);
    g_assert_cmpuint (comparison->n_kept, ==, after->findings->len);
    g_assert_cmpuint (comparison->n_fixed, ==, 0);
    g_assert_cmpuint (comparison->n_new, ==, 0);
    g_assert_cmpuint (count_changes (view, EYL_CHANGE_KEPT, "contact-hidden"), >=, 2);
    gtk_widget_activate_action (GTK_WIDGET (view), "compare.back", NULL);
    g_unlink (banner_copy);
  }
  while (eyl_window_get_current (window) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.close-document", NULL);
}

/* A pack whose net quantity is in words the label rules do not know:
 * marking it with a click has the document read again, and the US rule
 * set judges it (too small for an 11 in² front panel); forgetting the
 * mark takes the finding away. */
static gboolean
net_quantity_judged (gpointer data)
{
  EylPageAnalysis *analysis = eyl_page_view_get_analysis (eyl_window_get_page_view (window));
  gboolean         found = FALSE;

  if (!current_checked (NULL) || analysis == NULL || analysis->findings == NULL)
    return FALSE;
  for (guint i = 0; i < analysis->findings->len; i++)
    {
      const EylFinding *f = g_ptr_array_index (analysis->findings, i);

      found |= g_str_equal (f->rule, "label-net-quantity") && f->severity == EYL_SEVERITY_WARNING &&
               strstr (f->message, "twenty tea bags") != NULL;
    }
  return found == GPOINTER_TO_INT (data);
}

static void
test_mark_net_quantity (void)
{
  EylPackSpec      spec = { EYL_PACK_TUCK_END, EYL_PACK_DIELINE_ISO, EYL_PACK_BARCODE_BACK, FALSE,
                            FALSE, TRUE };
  g_autofree char *path = eyl_pack_make_sheet (&spec);
  EylPageView     *view = eyl_window_get_page_view (window);
  const EylRect   *mark;
  double           wx, wy;

  open_path (path);
  g_assert_true (eyl_gui_wait_for (current_checked, NULL, CHECK_TIMEOUT_S));
  g_assert_true (eyl_gui_wait_for (page_rendered, NULL, 30));
  g_assert_true (net_quantity_judged (GINT_TO_POINTER (FALSE)));
  g_assert_true (action_enabled ("mark-net-quantity"));
  g_assert_false (action_enabled ("net-quantity-auto"));

  /* Not marking: a click is the view's. The fixture's line: x 66 mm,
   * baseline y 170 mm, 8 pt. */
  eyl_page_view_page_to_widget (view, 75 / 25.4 * 72, 168.5 / 25.4 * 72, &wx, &wy);
  g_assert_false (_eyl_window_mark_net_quantity_at (window, wx, wy));
  g_action_group_change_action_state (G_ACTION_GROUP (window), "mark-net-quantity",
                                      g_variant_new_boolean (TRUE));
  g_assert_true (_eyl_window_mark_net_quantity_at (window, wx, wy));
  mark = eyl_document_item_get_net_quantity (eyl_window_get_current (window));
  g_assert_false (eyl_rect_is_empty (mark));
  g_assert_cmpfloat (mark->x0, <, 75);
  g_assert_cmpfloat (mark->x1, >, 75);
  g_assert_cmpfloat (mark->y0, <, 168.5);
  g_assert_cmpfloat (mark->y1, >, 168.5);
  g_assert_true (eyl_gui_wait_for (net_quantity_judged, GINT_TO_POINTER (TRUE), CHECK_TIMEOUT_S));
  g_assert_true (action_enabled ("net-quantity-auto"));
  g_assert_true (eyl_gui_wait_for (page_rendered, NULL, 30));
  save_png ("pack-net-quantity");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.net-quantity-auto", NULL);
  g_assert_true (eyl_gui_wait_for (net_quantity_judged, GINT_TO_POINTER (FALSE), CHECK_TIMEOUT_S));
  g_assert_false (action_enabled ("net-quantity-auto"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-document", NULL);
}

/* Label rule sets chosen in the placement panel: a flat label whose net
 * quantity (6 pt) is under the 3.2 mm its 18.6 in² front asks for.  The
 * set switched on is judged here from what the worker read (no new
 * read); its finding is in the list and the same as the command line's;
 * switched off, or through the GSettings key, it follows. */
static gboolean
label_finding_is (gpointer data)
{
  EylDocumentItem *item = eyl_window_get_current (window);
  EylPageAnalysis *page;
  guint            n = 0;

  if (!current_checked (NULL) || (page = eyl_document_item_get_page (item, 0)) == NULL)
    return FALSE;
  for (guint i = 0; i < page->findings->len; i++)
    {
      const EylFinding *f = g_ptr_array_index (page->findings, i);

      n += g_str_equal (f->rule, "label-net-quantity") && f->severity == EYL_SEVERITY_WARNING;
    }
  return n == GPOINTER_TO_UINT (data) &&
         count_rule ("label-net-quantity", EYL_SEVERITY_WARNING) == GPOINTER_TO_UINT (data);
}

static void
test_label_rules (void)
{
  EylPlacementPanel *panel = EYL_PLACEMENT_PANEL (eyl_window_get_placement_panel (window));
  g_autofree char   *path = eyl_pack_make_label (6);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  const char       *us[] = { "us-21cfr101-105", NULL };
  GtkWidget        *row;
  EylDocumentItem  *item;
  EylPageRead      *read;
  const EylFinding *f = NULL;
  EylPageAnalysis  *page;
  guint             n_analysing = 0;
  gulong            handler;
  g_autofree char  *ids = NULL;
  g_auto(GStrv) remembered = NULL;

  open_path (path);
  g_assert_true (eyl_gui_wait_for (current_checked, NULL, CHECK_TIMEOUT_S));
  g_assert_true (eyl_gui_wait_for (page_rendered, NULL, 30));
  item = eyl_window_get_current (window);
  read = eyl_document_item_get_page (item, 0)->read;
  g_assert_nonnull (read);
  /* Off unless chosen. */
  g_assert_null (eyl_placement_panel_dup_label_rules (panel));
  g_assert_true (label_finding_is (GUINT_TO_POINTER (0)));
  handler = g_signal_connect (item, "notify::status", G_CALLBACK (count_analysing_cb),
                              &n_analysing);

  eyl_placement_panel_set_label_rule (panel, "us-21cfr101-105", TRUE);
  g_assert_true (eyl_gui_wait_for (label_finding_is, GUINT_TO_POINTER (1), CHECK_TIMEOUT_S));
  g_assert_cmpuint (n_analysing, ==, 0);
  g_assert_true (eyl_document_item_get_page (item, 0)->read == read);
  ids = eyl_placement_panel_dup_label_rules (panel);
  g_assert_cmpstr (ids, ==, "us-21cfr101-105");
  remembered = g_settings_get_strv (settings, "label-rules");
  g_assert_cmpstr (remembered[0], ==, "us-21cfr101-105");
  g_assert_null (remembered[1]);
  page = eyl_document_item_get_page (item, 0);
  for (guint i = 0; i < page->findings->len; i++)
    if (g_str_equal (((EylFinding *) g_ptr_array_index (page->findings, i))->rule, "label-net-quantity"))
      f = g_ptr_array_index (page->findings, i);
  g_assert_nonnull (strstr (f->message, "21 CFR 101.105(i)"));
  g_assert_cmpfloat (json_object_get_double_member (f->measures, "height_mm"), <, 2.0);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (f->measures, "needed_mm"), 3.175,
                                  0.01);

  row = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (panel), EYL_TYPE_PLACEMENT_PANEL,
                                                     "label_rules_row");
  save_png ("label-rules-finding");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  g_assert_true (eyl_gui_wait_for (stacks_settled, NULL, 10));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (panel),
                                                                                  ADW_TYPE_VIEW_STACK)),
                                         "placement");
  g_assert_true (eyl_gui_wait_for (widget_allocated, panel, 10));
  /* The row is the panel's last: scrolled to the end. */
  {
    GtkScrolledWindow *scroller = find_descendant (GTK_WIDGET (panel), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment     *adj = gtk_scrolled_window_get_vadjustment (scroller);

    wait_for_frame ();
    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
  }
  wait_for_frame ();
  save_png ("label-rules");
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (panel),
                                                                                  ADW_TYPE_VIEW_STACK)),
                                         "findings");

  /* Off: gone, still without a worker. */
  eyl_placement_panel_set_label_rule (panel, "us-21cfr101-105", FALSE);
  g_assert_true (eyl_gui_wait_for (label_finding_is, GUINT_TO_POINTER (0), CHECK_TIMEOUT_S));
  g_strfreev (remembered);
  remembered = g_settings_get_strv (settings, "label-rules");
  g_assert_null (remembered[0]);

  /* The key set elsewhere: the switch follows, the finding comes back. */
  g_settings_set_strv (settings, "label-rules", us);
  g_assert_true (eyl_gui_wait_for (label_finding_is, GUINT_TO_POINTER (1), CHECK_TIMEOUT_S));
  g_settings_reset (settings, "label-rules");
  g_assert_true (eyl_gui_wait_for (label_finding_is, GUINT_TO_POINTER (0), CHECK_TIMEOUT_S));
  g_assert_cmpuint (n_analysing, ==, 0);
  g_signal_handler_disconnect (item, handler);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), FALSE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-document", NULL);
}

/* The net quantity marked by a drag: the view's band (its "region-marked"
 * while marking) becomes the box in mm, the document is read again with
 * it and the mark is drawn on the page; Escape ends the marking without
 * one; the band is no logo. */
static void
test_mark_net_quantity_drag (void)
{
  EylPackSpec      spec = { EYL_PACK_TUCK_END, EYL_PACK_DIELINE_ISO, EYL_PACK_BARCODE_BACK, FALSE,
                            FALSE, TRUE };
  g_autofree char *path = eyl_pack_make_sheet (&spec);
  EylPageView     *view = eyl_window_get_page_view (window);
  /* Round the fixture's "twenty tea bags": x 66 mm, baseline y 170, 8 pt. */
  const double      mm[4] = { 63, 165, 121, 172.5 };
  const double      k = 72 / 25.4;
  const EylRect    *mark;
  EylPageAnalysis  *analysis;
  cairo_surface_t  *surface;
  cairo_t          *cr;
  EylOverlayOptions options;
  guint32           pixel;
  int               r, g, b;
  GCancellable     *logo_job;

  open_path (path);
  g_assert_true (eyl_gui_wait_for (current_checked, NULL, CHECK_TIMEOUT_S));
  g_assert_true (eyl_gui_wait_for (page_rendered, NULL, 30));
  g_assert_true (net_quantity_judged (GINT_TO_POINTER (FALSE)));

  /* Escape ends the marking: no band, no mark. */
  g_action_group_change_action_state (G_ACTION_GROUP (window), "mark-net-quantity",
                                      g_variant_new_boolean (TRUE));
  g_assert_true (eyl_page_view_get_marking (view));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-marking", NULL);
  g_assert_false (action_state ("mark-net-quantity"));
  g_assert_false (eyl_page_view_get_marking (view));
  g_assert_true (eyl_rect_is_empty (eyl_document_item_get_net_quantity (eyl_window_get_current (window))));
  /* Not marking: a band is nobody's net quantity. */
  g_assert_false (_eyl_window_mark_net_quantity_box (window, &(EylRect) { 1, 1, 50, 50 }));

  /* A logo's marking and the net quantity's take turns. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.mark-logo", NULL);
  g_action_group_change_action_state (G_ACTION_GROUP (window), "mark-net-quantity",
                                      g_variant_new_boolean (TRUE));
  g_assert_false (window->mark_logo);
  g_assert_true (eyl_page_view_get_marking (view));

  /* What the view's drag emits, in page pt; no logo is cut out. */
  logo_job = window->mark_cancellable;
  g_signal_emit_by_name (view, "region-marked", mm[0] * k, mm[1] * k, mm[2] * k, mm[3] * k);
  g_assert_false (action_state ("mark-net-quantity"));
  g_assert_false (eyl_page_view_get_marking (view));
  g_assert_true (window->mark_cancellable == logo_job);
  mark = eyl_document_item_get_net_quantity (eyl_window_get_current (window));
  g_assert_cmpfloat_with_epsilon (mark->x0, mm[0], 0.01);
  g_assert_cmpfloat_with_epsilon (mark->y0, mm[1], 0.01);
  g_assert_cmpfloat_with_epsilon (mark->x1, mm[2], 0.01);
  g_assert_cmpfloat_with_epsilon (mark->y1, mm[3], 0.01);
  g_assert_true (eyl_gui_wait_for (net_quantity_judged, GINT_TO_POINTER (TRUE), CHECK_TIMEOUT_S));
  g_assert_true (eyl_gui_wait_for (page_rendered, NULL, 30));

  /* Drawn by the overlay (the view's and the export's painter): violet
   * on the box's left edge. */
  analysis = eyl_page_view_get_analysis (view);
  g_assert_false (eyl_rect_is_empty (&analysis->packaging->net_quantity_box));
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (240 * k), (int) (250 * k));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  eyl_overlay_options_init (&options);
  eyl_overlay_paint (cr, analysis, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixel = ((guint32 *) (cairo_image_surface_get_data (surface) +
                        (int) ((mm[1] + mm[3]) / 2 * k) * cairo_image_surface_get_stride (surface)))
      [(int) (mm[0] * k)];
  cairo_surface_destroy (surface);
  r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;
  g_test_message ("mark edge pixel %02x%02x%02x", r, g, b);
  g_assert_cmpint (b, >, g + 40);
  g_assert_cmpint (r, >, g + 20);
  save_png ("pack-net-quantity-drag");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.net-quantity-auto", NULL);
  g_assert_true (eyl_gui_wait_for (net_quantity_judged, GINT_TO_POINTER (FALSE), CHECK_TIMEOUT_S));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-document", NULL);
}

/* Real pointer events (xdotool, when installed): a click on the line and
 * a drag round it while marking, as a user does. */
static void
xdo (const char *args)
{
  g_autofree char *cmd = g_strdup_printf ("xdotool %s", args);
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, &status, &error));
  /* --sync: the server has moved the pointer.  A round trip brings the
   * events it sent into the queue; then they are handled before the
   * next frame. */
  gdk_display_sync (gdk_display_get_default ());
  eyl_gui_run_pending ();
  wait_for_frame ();
}

static gboolean
marking_off (gpointer data)
{
  (void) data;
  return !action_state ("mark-net-quantity");
}

/* Widget point of @view in the X screen: the window at the origin (no
 * window manager), its shadow's margin around it. */
static void
view_to_screen (EylPageView *view,
                double       x_pt,
                double       y_pt,
                double      *sx,
                double      *sy)
{
  double wx, wy, tx, ty, mx, my;

  eyl_page_view_page_to_widget (view, x_pt, y_pt, &wx, &wy);
  g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (view), GTK_WIDGET (window), wx, wy,
                                                   &tx, &ty));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &mx, &my);
  *sx = tx + mx;
  *sy = ty + my;
}

static void
test_mark_net_quantity_pointer (void)
{
  EylPackSpec      spec = { EYL_PACK_TUCK_END, EYL_PACK_DIELINE_ISO, EYL_PACK_BARCODE_BACK, FALSE,
                            FALSE, TRUE };
  g_autofree char *path = eyl_pack_make_sheet (&spec);
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  EylPageView     *view = eyl_window_get_page_view (window);
  const double     k = 72 / 25.4;
  double           tx, ty, ex, ey;
  const EylRect   *mark;
  g_autofree char *a = NULL;

  if (xdotool == NULL)
    {
      g_test_skip ("xdotool is not installed");
      return;
    }
  /* As on a user's desktop, animations on: with them off (the suite's
   * default) the page view's drag never began from xdotool's events on
   * GTK 4.8 under Xvfb, while a click did. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  open_path (path);
  g_assert_true (eyl_gui_wait_for (current_checked, NULL, CHECK_TIMEOUT_S));
  g_assert_true (eyl_gui_wait_for (page_rendered, NULL, 30));

  /* A click on the text. */
  g_action_group_change_action_state (G_ACTION_GROUP (window), "mark-net-quantity",
                                      g_variant_new_boolean (TRUE));
  view_to_screen (view, 75 * k, 168.5 * k, &tx, &ty);
  a = g_strdup_printf ("mousemove --sync %d %d click 1", (int) tx, (int) ty);
  xdo (a);
  g_assert_true (eyl_gui_wait_for (marking_off, NULL, 10));
  mark = eyl_document_item_get_net_quantity (eyl_window_get_current (window));
  g_test_message ("click mark %.1f %.1f %.1f %.1f", mark->x0, mark->y0, mark->x1, mark->y1);
  g_assert_false (eyl_rect_is_empty (mark));
  g_assert_true (eyl_gui_wait_for (current_checked, NULL, CHECK_TIMEOUT_S));
  g_assert_true (eyl_gui_wait_for (page_rendered, NULL, 30));

  /* A drag round it. */
  g_action_group_change_action_state (G_ACTION_GROUP (window), "mark-net-quantity",
                                      g_variant_new_boolean (TRUE));
  /* From below right up onto the text: the release on the line is the
   * drag's end, not a click on it. */
  view_to_screen (view, 121 * k, 174 * k, &tx, &ty);
  view_to_screen (view, 70 * k, 168.5 * k, &ex, &ey);
  g_free (a);
  a = g_strdup_printf ("mousemove --sync %d %d mousedown 1", (int) tx, (int) ty);
  xdo (a);
  g_free (a);
  a = g_strdup_printf ("mousemove --sync %d %d", (int) (tx + ex) / 2, (int) (ty + ey) / 2);
  xdo (a);
  wait_for_frame ();
  save_png ("pack-net-quantity-band");
  g_free (a);
  a = g_strdup_printf ("mousemove --sync %d %d mouseup 1", (int) ex, (int) ey);
  xdo (a);
  g_assert_true (eyl_gui_wait_for (marking_off, NULL, 10));
  mark = eyl_document_item_get_net_quantity (eyl_window_get_current (window));
  g_test_message ("drag mark %.1f %.1f %.1f %.1f", mark->x0, mark->y0, mark->x1, mark->y1);
  g_assert_cmpfloat (fabs (mark->x0 - 70), <, 1);
  g_assert_cmpfloat (fabs (mark->x1 - 121), <, 1);
  g_assert_cmpfloat (fabs (mark->y0 - 168.5), <, 1);
  g_assert_cmpfloat (fabs (mark->y1 - 174), <, 1);
  g_assert_false (action_state ("mark-net-quantity"));
  g_assert_true (eyl_gui_wait_for (net_quantity_judged, GINT_TO_POINTER (TRUE), CHECK_TIMEOUT_S));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.net-quantity-auto", NULL);
  g_assert_true (eyl_gui_wait_for (net_quantity_judged, GINT_TO_POINTER (FALSE), CHECK_TIMEOUT_S));
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-document", NULL);
}

/* ---------------------------------------------------------------------- */
/* Each test its own window                                               */

/* The settings at their defaults (the memory backend keeps what a test
 * before set), this test run's configuration and cache folders empty. */
static char *home;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
reset_state (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  g_autofree char *config = g_build_filename (g_get_user_config_dir (), "eyeline", NULL);
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), "eyeline", NULL);

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
  remove_tree (config);
  remove_tree (cache);
  g_unsetenv ("EYL_WORKER_SIMULATE_EXPORT");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static void
window_setup (gpointer      fixture,
              gconstpointer data)
{
  (void) fixture;
  (void) data;
  reset_state ();
  window = eyl_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 820);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame ();
}

typedef struct
{
  const char *path;
  void (*func) (void);
} WindowTest;

static void
window_run (gpointer      fixture,
            gconstpointer data)
{
  (void) fixture;
  ((const WindowTest *) data)->func ();
}

/* Every window the test left open closed, the workers of its documents
 * stopped: nothing of it reaches the next test. */
static void
window_teardown (gpointer      fixture,
                 gconstpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) open = g_ptr_array_new_with_free_func (g_object_unref);

  (void) fixture;
  (void) data;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      GObject *toplevel = g_list_model_get_item (toplevels, i);

      if (toplevel != (GObject *) window)
        g_ptr_array_add (open, toplevel);
      else
        g_object_unref (toplevel);
    }
  for (guint i = 0; i < open->len; i++)
    gtk_window_destroy (g_ptr_array_index (open, i));
  g_clear_pointer (&open, g_ptr_array_unref);
  eyl_gui_destroy_window (GTK_WINDOW (window), 30);
  window = NULL;
}

int
main (int   argc,
      char *argv[])
{
  static const WindowTest tests[] = {
    { "/eyl/window/empty", test_empty },
    { "/eyl/window/sample", test_sample },
    { "/eyl/window/select-finding", test_select_finding },
    { "/eyl/window/overlays", test_overlays },
    { "/eyl/window/visitor-views", test_visitor_views },
    { "/eyl/window/legend", test_legend },
    { "/eyl/window/scene-pane", test_scene_pane },
    { "/eyl/window/narrow", test_narrow },
    { "/eyl/window/cvd-view", test_cvd_view },
    { "/eyl/window/page-layers", test_page_layers },
    { "/eyl/window/acuity-row", test_acuity_row },
    { "/eyl/window/undo-placement", test_undo_placement },
    { "/eyl/window/scene-drag", test_scene_drag },
    { "/eyl/window/front-panel", test_front_panel },
    { "/eyl/window/pack-markers", test_pack_markers },
    { "/eyl/window/mark-logo", test_mark_logo },
    { "/eyl/window/placement", test_placement },
    { "/eyl/window/kit-names", test_kit_names },
    { "/eyl/window/not-a-pdf", test_not_pdf },
    { "/eyl/window/encrypted", test_encrypted },
    { "/eyl/window/pages", test_pages },
    { "/eyl/window/export", test_export },
    { "/eyl/window/several", test_several },
    { "/eyl/window/snapshot", test_snapshot },
    { "/eyl/window/changed-on-disk", test_changed_on_disk },
    { "/eyl/window/kit-dialog", test_kit_dialog },
    { "/eyl/window/kit-switch", test_kit_switch },
    { "/eyl/window/kit-logo", test_kit_logo },
    { "/eyl/window/dialogs", test_dialogs },
    { "/eyl/window/compare", test_compare },
    { "/eyl/window/compare-pages", test_compare_pages },
    { "/eyl/window/mark-net-quantity", test_mark_net_quantity },
    { "/eyl/window/label-rules", test_label_rules },
    { "/eyl/window/mark-net-quantity-drag", test_mark_net_quantity_drag },
    { "/eyl/window/mark-net-quantity-pointer", test_mark_net_quantity_pointer },
  };
  g_autoptr(GError) error = NULL;
  int status;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  /* The worker: the eyeline-worker of this build. */
  if (g_getenv ("EYL_WORKER") == NULL && g_getenv ("EYL_CLI") != NULL)
    {
      g_autofree char *worker = eyl_worker_find_exe_for (g_getenv ("EYL_CLI"));

      g_setenv ("EYL_WORKER", worker, TRUE);
    }
  /* Configuration (brand kits) and cache of this run only, emptied
   * before each test; the workers inherit them. */
  home = g_dir_make_tmp ("eyl-window-XXXXXX", &error);
  g_assert_no_error (error);
  {
    g_autofree char *config = g_build_filename (home, "config", NULL);
    g_autofree char *cache = g_build_filename (home, "cache", NULL);

    g_setenv ("XDG_CONFIG_HOME", config, TRUE);
    g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  }

  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_printerr ("No display: skipping the window tests\n");
      return 77;
    }
  /* Toasts, dialogs and pages appear at once: no test waits for an
   * animation to end. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = eyl_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("Cannot register the application: %s", error->message);
  /* The application stays while no window is open between tests. */
  g_application_hold (G_APPLICATION (app));

  for (guint i = 0; i < G_N_ELEMENTS (tests); i++)
    g_test_add_vtable (tests[i].path, 0, &tests[i], window_setup, window_run, window_teardown);
  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  remove_tree (home);
  g_free (home);
  return status;
}
