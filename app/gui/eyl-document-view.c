/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-document-view.c: the current document as the main window shows it —
 * the page and its layers, the legend, the score card and its notes, the
 * findings list in groups, and the loading state while a check runs.  The
 * window sets the item, its page, the layers and the units; the view tells
 * it when the placement changed, a region was marked on the page or the
 * zoom changed. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-document-view"

#include <math.h>
#include <glib/gi18n.h>

#include "eyl-document-view.h"
#include "eyl-failure-page.h"
#include "eyl-finding-row.h"
#include "eyl-finding-object.h"
#include "eyl-rules.h"
#include "eyl-types.h"

struct _EylDocumentView
{
  GtkWidget parent_instance;

  /* Template widgets */
  AdwFlap           *side_flap;
  GtkOverlay        *page_overlay;
  GtkStack          *page_stack;
  GtkLabel          *loading_time;
  GtkLabel          *loading_label;
  EylPageView       *page_view;
  EylFailurePage    *error_page;
  AdwStatusPage     *locked_page;
  GtkRevealer       *busy_revealer;
  GtkBox            *page_nav_box;
  GtkLabel          *page_label;
  GtkWidget         *side_scroller;
  GtkWidget         *summary_box;
  GtkWidget         *notes_box;
  GtkLabel          *notes_label;
  GtkLabel          *score_label;
  GtkWidget         *breakdown_expander;
  GtkLabel          *breakdown_label;
  GtkLabel          *counts_label;
  GtkLabel          *placement_label;
  GtkListView       *findings_view;
  GtkWidget         *legend_expander;
  GtkDrawingArea    *legend_area;
  EylPlacementPanel *placement_panel;
  EylSceneView      *scene_view;

  EylDocumentItem    *item;
  guint               page_index;
  EylOverlayLayers    layers;
  gboolean            inches;
  GListStore         *findings;       /* EylFindingObject */
  GListStore         *finding_rows;   /* what the list shows: EylFindingGroup, then its
                                       * EylFindingObject when unfolded */
  GPtrArray          *finding_groups; /* EylFindingGroup, in list order */
  GtkSingleSelection *findings_selection;
  EylPageAnalysis    *shown_analysis;   /* what the findings list shows */
  guint               loading_pulse_id; /* counts loading_seconds while a check runs */
  guint               loading_seconds;
};

G_DEFINE_FINAL_TYPE (EylDocumentView, eyl_document_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_ITEM,
  PROP_PAGE,
  PROP_LAYERS,
  PROP_INCHES,
  PROP_ZOOM,
  PROP_SIDE_REVEALED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  PLACEMENT_CHANGED,
  REGION_MARKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The legend beside the page: what the layers shown draw on this page. */
static void
legend_draw_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        data)
{
  EylDocumentView *self = EYL_DOCUMENT_VIEW (data);

  if (self->shown_analysis == NULL)
    return;
  /* The legend is drawn for paper (dark ink): a light card keeps it
   * readable in the dark style. */
  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    {
      cairo_set_source_rgb (cr, 0.96, 0.96, 0.96);
      cairo_paint (cr);
    }
  eyl_overlay_paint_legend (cr, &self->shown_analysis, 1, self->layers, width, NULL, NULL);
}

static void
update_legend (EylDocumentView *self)
{
  int    width = gtk_widget_get_width (GTK_WIDGET (self->legend_area));
  double w = 0, h = 0;

  if (self->shown_analysis != NULL)
    eyl_overlay_paint_legend (NULL, &self->shown_analysis, 1, self->layers, width, &w, &h);
  gtk_drawing_area_set_content_height (self->legend_area, (int) ceil (h));
  gtk_widget_set_visible (self->legend_expander, h > 0);
  gtk_widget_queue_draw (GTK_WIDGET (self->legend_area));
}

static void
legend_resize_cb (GtkDrawingArea  *area,
                  int              width,
                  int              height,
                  EylDocumentView *self)
{
  update_legend (self);
}

/* Errors first, then warnings, then notes; by rule within each, in marker
 * order within a rule. */
static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  EylFindingObject *fa = *(EylFindingObject **) a, *fb = *(EylFindingObject **) b;
  int               sa = eyl_finding_object_get_severity (fa), sb = eyl_finding_object_get_severity (fb);

  int rule;

  if (sa != sb)
    return sb - sa;
  /* One group per rule within a severity. */
  rule = g_strcmp0 (eyl_finding_object_get_rule (fa), eyl_finding_object_get_rule (fb));
  if (rule != 0)
    return rule;
  return (int) eyl_finding_object_get_index (fa) - (int) eyl_finding_object_get_index (fb);
}

/* The rows of the list: each group's heading, then its findings when it
 * is unfolded.  The selected finding stays selected if it is still shown. */
static void
update_finding_rows (EylDocumentView *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  gpointer selected = gtk_single_selection_get_selected_item (self->findings_selection);
  guint    n = g_list_model_get_n_items (G_LIST_MODEL (self->findings));
  guint    group = 0;

  if (selected != NULL)
    g_object_ref (selected);
  for (guint i = 0; i < n; i++)
    {
      EylFindingObject *object = g_list_model_get_item (G_LIST_MODEL (self->findings), i);

      while (group < self->finding_groups->len &&
             !eyl_finding_group_contains (self->finding_groups->pdata[group], object))
        group++;
      g_assert (group < self->finding_groups->len);
      if (eyl_finding_object_get_first_of_group (object))
        g_ptr_array_add (rows, self->finding_groups->pdata[group]);
      if (eyl_finding_group_get_expanded (self->finding_groups->pdata[group]))
        g_ptr_array_add (rows, object);
      g_object_unref (object); /* the store holds it */
    }
  g_list_store_splice (self->finding_rows, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->finding_rows)),
                       rows->pdata, rows->len);
  gtk_single_selection_set_selected (self->findings_selection, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; selected != NULL && i < rows->len; i++)
    if (rows->pdata[i] == selected)
      gtk_single_selection_set_selected (self->findings_selection, i);
  g_clear_object (&selected);
}

static void
fill_findings (EylDocumentView *self,
               EylPageAnalysis *analysis)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  EylFindingGroup *group = NULL;

  if (analysis != NULL && analysis == self->shown_analysis)
    return;
  g_clear_pointer (&self->shown_analysis, eyl_page_analysis_unref);
  if (analysis != NULL)
    self->shown_analysis = eyl_page_analysis_ref (analysis);

  for (guint i = 0; analysis != NULL && analysis->findings != NULL && i < analysis->findings->len; i++)
    g_ptr_array_add (objects, eyl_finding_object_new (g_ptr_array_index (analysis->findings, i), i));
  g_ptr_array_sort (objects, compare_findings);
  for (guint i = 0; i < self->finding_groups->len; i++)
    g_signal_handlers_disconnect_by_data (self->finding_groups->pdata[i], self);
  g_ptr_array_set_size (self->finding_groups, 0);
  for (guint i = 0; i < objects->len; i++)
    {
      EylFindingObject *object = objects->pdata[i];
      gboolean          first = group == NULL || !eyl_finding_group_contains (group, object);

      eyl_finding_object_set_first_of_group (object, first);
      if (first)
        {
          group = eyl_finding_group_new (eyl_finding_object_get_severity (object),
                                         eyl_finding_object_get_rule (object));
          g_ptr_array_add (self->finding_groups, group);
          g_signal_connect_object (group, "notify::expanded", G_CALLBACK (update_finding_rows),
                                   self, G_CONNECT_SWAPPED);
        }
      eyl_finding_group_add (group);
    }
  gtk_single_selection_set_selected (self->findings_selection, GTK_INVALID_LIST_POSITION);
  g_list_store_splice (self->findings, 0, g_list_model_get_n_items (G_LIST_MODEL (self->findings)),
                       objects->pdata, objects->len);
  update_finding_rows (self);
}

static void
update_summary (EylDocumentView *self,
                EylPageAnalysis *analysis)
{
  GtkWidget *score = GTK_WIDGET (self->score_label);
  guint      errors = 0, warnings = 0, infos = 0;
  g_autoptr(GString) counts = g_string_new (NULL);

  gtk_widget_remove_css_class (score, "eyl-score-good");
  gtk_widget_remove_css_class (score, "eyl-score-fair");
  gtk_widget_remove_css_class (score, "eyl-score-poor");
  gtk_widget_set_visible (self->summary_box, analysis != NULL);
  gtk_widget_set_visible (self->breakdown_expander, analysis != NULL);
  if (analysis == NULL)
    {
      gtk_label_set_label (self->score_label, "–");
      gtk_label_set_label (self->counts_label, "");
      gtk_label_set_label (self->placement_label, "");
      return;
    }

  {
    g_autofree char *text = g_strdup_printf ("%d", analysis->customer_focus);
    gtk_label_set_label (self->score_label, text);
    gtk_widget_add_css_class (score, analysis->customer_focus >= 70   ? "eyl-score-good"
                                     : analysis->customer_focus >= 40 ? "eyl-score-fair"
                                                                      : "eyl-score-poor");
  }

  /* What earned and lost the points, as the summary page says it. */
  {
    g_auto(GStrv) lines = eyl_score_breakdown_lines (analysis->score_breakdown);
    g_autoptr(GString) text = g_string_new (NULL);

    for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
      {
        g_autofree char *escaped = g_markup_escape_text (lines[i], -1);

        g_string_append_printf (text, "%s• %s", i > 0 ? "\n" : "", escaped);
      }
    gtk_label_set_markup (self->breakdown_label, text->str);
  }

  for (guint i = 0; analysis->findings != NULL && i < analysis->findings->len; i++)
    {
      EylFinding *finding = g_ptr_array_index (analysis->findings, i);

      if (finding->severity == EYL_SEVERITY_ERROR)
        errors++;
      else if (finding->severity == EYL_SEVERITY_WARNING)
        warnings++;
      else
        infos++;
    }
  if (errors + warnings + infos == 0)
    g_string_append (counts, _("No problems found"));
  else
    {
      if (errors > 0)
        {
          /* Translators: count of findings */
          g_autofree char *text = g_strdup_printf (ngettext ("%u error", "%u errors", errors), errors);
          g_string_append_printf (counts, "<span weight=\"bold\">%s</span>", text);
        }
      if (warnings > 0)
        {
          g_autofree char *text = g_strdup_printf (ngettext ("%u warning", "%u warnings", warnings),
                                                   warnings);
          if (counts->len > 0)
            g_string_append (counts, " · ");
          g_string_append (counts, text);
        }
      if (infos > 0)
        {
          g_autofree char *text = g_strdup_printf (ngettext ("%u note", "%u notes", infos), infos);
          if (counts->len > 0)
            g_string_append (counts, " · ");
          g_string_append (counts, text);
        }
    }
  gtk_label_set_markup (self->counts_label, counts->str);

  if (analysis->placement != NULL)
    {
      g_autofree char *text = NULL;
      gboolean         inches = self->inches;

      if (inches)
        /* Translators: placement name, real size in inches, reading distance in feet */
        text = g_strdup_printf (_("%s · %.1f × %.1f in · seen from %.0f ft"),
                                   analysis->placement->name,
                                   analysis->material_w_mm / 25.4, analysis->material_h_mm / 25.4,
                                   analysis->placement->distance_m / 0.3048);
      else
        /* Translators: placement name, real size in mm, reading distance in metres */
        text = g_strdup_printf (_("%s · %.0f × %.0f mm · seen from %.1f m"),
                                   analysis->placement->name,
                                   analysis->material_w_mm, analysis->material_h_mm,
                                   analysis->placement->distance_m);
      gtk_label_set_label (self->placement_label, text);
    }
  else
    gtk_label_set_label (self->placement_label, "");
}

/* The worker's messages name the file by the path it was given; the
 * window's title already says which file it is. */
static char *
short_message (EylDocumentItem *item,
               const char      *message)
{
  g_autoptr(GString) text = g_string_new (message);
  const char *path = eyl_document_item_get_path (item);

  if (path != NULL && path[0] != '\0')
    g_string_replace (text, path, eyl_document_item_get_title (item), 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Lines the PDF libraries wrote themselves, as opposed to Eyeline's own
 * sentences (see eyl-document.c). */
static gboolean
is_engine_message (const char *message)
{
  return g_str_has_prefix (message, "Poppler:") || g_str_has_prefix (message, "libqpdf:");
}

/* What went wrong while reading the file: Eyeline's own sentences as
 * they are, the engines' lines counted (they are technical and often
 * repeat) and listed in the tooltip. */
static void
update_notes (EylDocumentView *self,
              EylFileResult   *result)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) tooltip = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_engine = 0, n_shown = 0, n_more = 0;

  for (guint i = 0; result != NULL && result->ok && result->warnings != NULL &&
                    i < result->warnings->len;
       i++)
    {
      const char *warning = g_ptr_array_index (result->warnings, i);

      if (!g_hash_table_add (seen, (gpointer) warning))
        continue;
      if (is_engine_message (warning))
        {
          n_engine++;
          if (n_engine <= 12)
            {
              g_autofree char *line = short_message (self->item, warning);
              g_string_append_printf (tooltip, "%s%s", tooltip->len > 0 ? "\n" : "", line);
            }
          continue;
        }
      if (n_shown == 3)
        {
          n_more++;
          continue;
        }
      {
        g_autofree char *line = short_message (self->item, warning);

        g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", line);
        n_shown++;
      }
    }
  if (n_more > 0)
    {
      g_autofree char *line = g_strdup_printf (ngettext ("And %u more.", "And %u more.", n_more),
                                               n_more);
      g_string_append_printf (text, "\n%s", line);
    }
  if (n_engine > 0)
    {
      g_autofree char *line =
          g_strdup_printf (ngettext ("The PDF engine reported %u problem while reading it.",
                                     "The PDF engine reported %u problems while reading it.",
                                     n_engine),
                           n_engine);
      g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", line);
    }

  gtk_label_set_label (self->notes_label, text->str);
  gtk_widget_set_tooltip_text (self->notes_box, tooltip->len > 0 ? tooltip->str : NULL);
  gtk_widget_set_visible (self->notes_box, text->len > 0);
}

static gboolean
loading_pulse_cb (gpointer data)
{
  EylDocumentView *self = EYL_DOCUMENT_VIEW (data);

  g_autofree char *text = NULL;

  self->loading_seconds++;
  /* Translators: how long the check has run so far, in seconds. */
  text = g_strdup_printf (ngettext ("%u second so far", "%u seconds so far", self->loading_seconds),
                          self->loading_seconds);
  gtk_label_set_label (self->loading_time, text);
  return G_SOURCE_CONTINUE;
}

/* A check is running with nothing to show yet: the time taken so far,
 * once a second, so the window costs next to nothing while it waits. */
static void
set_loading (EylDocumentView *self,
             gboolean         loading)
{
  if (loading && self->loading_pulse_id == 0)
    {
      self->loading_seconds = 0;
      gtk_label_set_label (self->loading_time, "");
      self->loading_pulse_id = g_timeout_add_seconds (1, loading_pulse_cb, self);
    }
  else if (!loading)
    g_clear_handle_id (&self->loading_pulse_id, g_source_remove);
}

static void
set_busy (EylDocumentView *self,
          gboolean         busy)
{
  gtk_revealer_set_reveal_child (self->busy_revealer, busy);
}

/* ------------------------------------------------------------------ */
/* Findings list                                                        */

static void
finding_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, eyl_finding_row_new ());
}

static void
finding_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  gpointer       item = gtk_list_item_get_item (list_item);
  EylFindingRow *row = EYL_FINDING_ROW (gtk_list_item_get_child (list_item));

  /* A heading is a row of its own: never selected with its first finding. */
  gtk_list_item_set_selectable (list_item, !EYL_IS_FINDING_GROUP (item));
  gtk_list_item_set_activatable (list_item, EYL_IS_FINDING_GROUP (item));
  if (EYL_IS_FINDING_GROUP (item))
    eyl_finding_row_set_group (row, item);
  else
    eyl_finding_row_set_finding (row, item);
}

static void
finding_selected_cb (GtkSingleSelection *selection,
                     GParamSpec         *pspec,
                     EylDocumentView    *self)
{
  gpointer object = gtk_single_selection_get_selected_item (selection);

  eyl_page_view_select_finding (self->page_view,
                                EYL_IS_FINDING_OBJECT (object)
                                    ? (int) eyl_finding_object_get_index (object)
                                    : -1);
}

void
eyl_document_view_select_finding (EylDocumentView *self,
                                  int              position)
{
  g_autoptr(EylFindingObject) object = NULL;
  guint row;

  g_return_if_fail (EYL_IS_DOCUMENT_VIEW (self));

  if (position >= 0)
    object = g_list_model_get_item (G_LIST_MODEL (self->findings), (guint) position);
  if (object == NULL)
    {
      gtk_single_selection_set_selected (self->findings_selection, GTK_INVALID_LIST_POSITION);
      return;
    }
  /* A finding in a folded group: unfold it. */
  for (guint i = 0; i < self->finding_groups->len; i++)
    if (eyl_finding_group_contains (self->finding_groups->pdata[i], object))
      eyl_finding_group_set_expanded (self->finding_groups->pdata[i], TRUE);
  if (!g_list_store_find (self->finding_rows, object, &row))
    return;
  gtk_single_selection_set_selected (self->findings_selection, row);
  gtk_widget_activate_action (GTK_WIDGET (self->findings_view), "list.scroll-to-item", "u", row);
}

static void
page_finding_activated_cb (EylPageView     *view,
                           int              index,
                           EylDocumentView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->findings));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EylFindingObject) object = g_list_model_get_item (G_LIST_MODEL (self->findings), i);

      if ((int) eyl_finding_object_get_index (object) == index)
        {
          eyl_document_view_select_finding (self, (int) i);
          return;
        }
    }
}

/* The findings list: its selection model and its rows. */
static void
findings_init (EylDocumentView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->findings_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->finding_rows)));
  gtk_single_selection_set_autoselect (self->findings_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->findings_selection, TRUE);
  gtk_single_selection_set_selected (self->findings_selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->findings_selection, "notify::selected",
                           G_CALLBACK (finding_selected_cb), self, 0);
  g_signal_connect (factory, "setup", G_CALLBACK (finding_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (finding_bind_cb), NULL);
  gtk_list_view_set_factory (self->findings_view, factory);
  gtk_list_view_set_model (self->findings_view, GTK_SELECTION_MODEL (self->findings_selection));
}

/* The legend's drawing, redrawn with the style and its size. */
static void
legend_init (EylDocumentView *self)
{
  gtk_drawing_area_set_draw_func (self->legend_area, legend_draw_cb, self, NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->legend_area, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->legend_area, "resize", G_CALLBACK (legend_resize_cb), self, 0);
}

/* ------------------------------------------------------------------ */
/* Showing the item                                                     */

void
eyl_document_view_update (EylDocumentView *self)
{
  EylDocumentItem  *item;
  EylFileResult    *result;
  EylPageAnalysis  *analysis = NULL;
  EylDocumentStatus status;
  guint             n_pages;

  g_return_if_fail (EYL_IS_DOCUMENT_VIEW (self));

  item = self->item;
  if (item == NULL)
    {
      eyl_page_view_set_page (self->page_view, NULL, NULL, 0, NULL);
      fill_findings (self, NULL);
      update_summary (self, NULL);
      update_notes (self, NULL);
      eyl_scene_view_set_analysis (self->scene_view, NULL);
      eyl_placement_panel_set_analysis (self->placement_panel, NULL);
      set_busy (self, FALSE);
      set_loading (self, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->page_nav_box), FALSE);
      return;
    }

  result = eyl_document_item_get_result (item);
  status = eyl_document_item_get_status (item);
  if (result != NULL && result->ok)
    {
      n_pages = eyl_document_item_get_n_pages (item);
      if (self->page_index >= n_pages)
        self->page_index = 0;
      analysis = eyl_document_item_get_page (item, self->page_index);
    }
  else
    n_pages = 0;

  set_busy (self, (status == EYL_DOCUMENT_ANALYSING || status == EYL_DOCUMENT_QUEUED) &&
                      result != NULL && result->ok);

  if (result == NULL ||
      (!result->ok && (status == EYL_DOCUMENT_ANALYSING || status == EYL_DOCUMENT_QUEUED)))
    {
      g_autofree char *text = g_strdup_printf (_("Checking “%s”…"), eyl_document_item_get_title (item));

      gtk_label_set_label (self->loading_label, text);
      set_loading (self, TRUE);
      gtk_stack_set_visible_child_name (self->page_stack, "loading");
    }
  else if (status == EYL_DOCUMENT_LOCKED)
    {
      gboolean         wrong = result->error_code == EYL_ERROR_WRONG_PASSWORD;
      g_autofree char *text = NULL;
      g_autofree char *escaped = NULL;

      if (wrong)
        /* Translators: %s is a file name */
        text = g_strdup_printf (_("The password did not open “%s”. Passwords are case-sensitive; check the keyboard layout and try again."),
                                   eyl_document_item_get_title (item));
      else
        /* Translators: %s is a file name */
        text = g_strdup_printf (_("“%s” is protected with a password. Enter it to check the file; it is only given to the checker and never stored."),
                                   eyl_document_item_get_title (item));
      escaped = g_markup_escape_text (text, -1);
      adw_status_page_set_title (self->locked_page,
                                 wrong ? _("Wrong Password") : _("This PDF Is Locked"));
      adw_status_page_set_description (self->locked_page, escaped);
      gtk_stack_set_visible_child_name (self->page_stack, "locked");
    }
  else if (!result->ok)
    {
      g_autofree char *detail = short_message (item, result->error_message != NULL
                                                         ? result->error_message
                                                         : "");

      eyl_failure_page_set_error (self->error_page, result->error_code, detail);
      gtk_stack_set_visible_child_name (self->page_stack, "error");
    }
  else if (analysis == NULL)
    {
      /* The page was skipped by the analysis: say so; why is among
       * the file's notes. */
      eyl_failure_page_set_page_skipped (self->error_page);
      gtk_stack_set_visible_child_name (self->page_stack, "error");
    }
  else
    {
      eyl_page_view_set_page (self->page_view,
                              eyl_document_item_get_snapshot (item),
                              eyl_document_item_get_password (item),
                              self->page_index, analysis);
      gtk_stack_set_visible_child_name (self->page_stack, "page");
    }

  if (status != EYL_DOCUMENT_ANALYSING && status != EYL_DOCUMENT_QUEUED)
    set_loading (self, FALSE);

  fill_findings (self, analysis);
  update_legend (self);
  update_summary (self, analysis);
  update_notes (self, result);
  eyl_scene_view_set_analysis (self->scene_view, analysis);
  eyl_placement_panel_set_analysis (self->placement_panel, analysis);

  gtk_widget_set_visible (GTK_WIDGET (self->page_nav_box), n_pages > 1);
  if (n_pages > 1)
    {
      /* Translators: page number of page count */
      g_autofree char *text = g_strdup_printf (_("%u of %u"), self->page_index + 1, n_pages);
      gtk_label_set_label (self->page_label, text);
    }
}

EylDocumentItem *
eyl_document_view_get_item (EylDocumentView *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT_VIEW (self), NULL);
  return self->item;
}

void
eyl_document_view_set_item (EylDocumentView *self,
                            EylDocumentItem *item)
{
  g_return_if_fail (EYL_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (item == NULL || EYL_IS_DOCUMENT_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;
  self->page_index = 0;
  g_clear_pointer (&self->shown_analysis, eyl_page_analysis_unref);
  eyl_page_view_set_page (self->page_view, NULL, NULL, 0, NULL);
  eyl_document_view_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

guint
eyl_document_view_get_page (EylDocumentView *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT_VIEW (self), 0);
  return self->page_index;
}

void
eyl_document_view_set_page (EylDocumentView *self,
                            guint            page)
{
  g_return_if_fail (EYL_IS_DOCUMENT_VIEW (self));

  if (self->page_index == page)
    return;
  self->page_index = page;
  eyl_document_view_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

EylOverlayLayers
eyl_document_view_get_layers (EylDocumentView *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT_VIEW (self), 0);
  return self->layers;
}

void
eyl_document_view_set_layers (EylDocumentView *self,
                              EylOverlayLayers layers)
{
  g_return_if_fail (EYL_IS_DOCUMENT_VIEW (self));

  /* Never EYL_OVERLAY_LEGEND: the legend lives beside the page. */
  layers &= ~EYL_OVERLAY_LEGEND;
  self->layers = layers;
  eyl_page_view_set_layers (self->page_view, layers);
  update_legend (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYERS]);
}

gboolean
eyl_document_view_get_inches (EylDocumentView *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT_VIEW (self), FALSE);
  return self->inches;
}

void
eyl_document_view_set_inches (EylDocumentView *self,
                              gboolean         inches)
{
  g_return_if_fail (EYL_IS_DOCUMENT_VIEW (self));

  inches = !!inches;
  eyl_page_view_set_inches (self->page_view, inches);
  /* The findings say their sizes in the units: written again. */
  g_clear_pointer (&self->shown_analysis, eyl_page_analysis_unref);
  if (self->inches == inches)
    return;
  self->inches = inches;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCHES]);
}

double
eyl_document_view_get_zoom (EylDocumentView *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT_VIEW (self), 1.0);
  return eyl_page_view_get_zoom (self->page_view);
}

/* The page view's notify::zoom tells the change (page_zoom_changed_cb). */
void
eyl_document_view_set_zoom (EylDocumentView *self,
                            double           zoom)
{
  g_return_if_fail (EYL_IS_DOCUMENT_VIEW (self));
  eyl_page_view_set_zoom (self->page_view, zoom);
}

void
eyl_document_view_set_zoom_mode (EylDocumentView *self,
                                 EylZoomMode      mode)
{
  g_return_if_fail (EYL_IS_DOCUMENT_VIEW (self));
  eyl_page_view_set_zoom_mode (self->page_view, mode);
}

void
eyl_document_view_zoom_in (EylDocumentView *self)
{
  g_return_if_fail (EYL_IS_DOCUMENT_VIEW (self));
  eyl_page_view_zoom_in (self->page_view);
}

void
eyl_document_view_zoom_out (EylDocumentView *self)
{
  g_return_if_fail (EYL_IS_DOCUMENT_VIEW (self));
  eyl_page_view_zoom_out (self->page_view);
}

void
eyl_document_view_set_worker_config (EylDocumentView *self,
                                     EylWorkerConfig *config)
{
  g_return_if_fail (EYL_IS_DOCUMENT_VIEW (self));
  eyl_page_view_set_worker_config (self->page_view, config);
}

void
eyl_document_view_forget_analysis (EylDocumentView *self)
{
  g_return_if_fail (EYL_IS_DOCUMENT_VIEW (self));
  g_clear_pointer (&self->shown_analysis, eyl_page_analysis_unref);
}

EylPageAnalysis *
eyl_document_view_get_analysis (EylDocumentView *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT_VIEW (self), NULL);
  return self->shown_analysis;
}

const char *
eyl_document_view_get_state (EylDocumentView *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->page_stack);
}

void
eyl_document_view_add_overlay (EylDocumentView *self,
                               GtkWidget       *widget)
{
  g_return_if_fail (EYL_IS_DOCUMENT_VIEW (self));
  gtk_overlay_add_overlay (self->page_overlay, widget);
}

gboolean
eyl_document_view_get_side_revealed (EylDocumentView *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT_VIEW (self), FALSE);
  return adw_flap_get_reveal_flap (self->side_flap);
}

void
eyl_document_view_set_side_revealed (EylDocumentView *self,
                                     gboolean         revealed)
{
  g_return_if_fail (EYL_IS_DOCUMENT_VIEW (self));
  adw_flap_set_reveal_flap (self->side_flap, revealed);
}

void
eyl_document_view_set_side_visible (EylDocumentView *self,
                                    gboolean         visible)
{
  g_return_if_fail (EYL_IS_DOCUMENT_VIEW (self));
  gtk_widget_set_visible (self->side_scroller, visible);
}

GListModel *
eyl_document_view_get_findings (EylDocumentView *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT_VIEW (self), NULL);
  return G_LIST_MODEL (self->findings);
}

GListModel *
eyl_document_view_get_finding_rows (EylDocumentView *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT_VIEW (self), NULL);
  return G_LIST_MODEL (self->finding_rows);
}

GtkSelectionModel *
eyl_document_view_get_finding_selection (EylDocumentView *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT_VIEW (self), NULL);
  return GTK_SELECTION_MODEL (self->findings_selection);
}

EylPageView *
eyl_document_view_get_page_view (EylDocumentView *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT_VIEW (self), NULL);
  return self->page_view;
}

EylPlacementPanel *
eyl_document_view_get_placement_panel (EylDocumentView *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT_VIEW (self), NULL);
  return self->placement_panel;
}

EylSceneView *
eyl_document_view_get_scene_view (EylDocumentView *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT_VIEW (self), NULL);
  return self->scene_view;
}

GtkWidget *
eyl_document_view_get_legend (EylDocumentView *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT_VIEW (self), NULL);
  return GTK_WIDGET (self->legend_area);
}

/* ------------------------------------------------------------------ */
/* What the window hears                                                */

static void
page_region_marked_cb (EylPageView     *view,
                       double           x0,
                       double           y0,
                       double           x1,
                       double           y1,
                       EylDocumentView *self)
{
  g_signal_emit (self, signals[REGION_MARKED], 0, x0, y0, x1, y1);
}

static void
page_zoom_changed_cb (EylPageView     *view,
                      GParamSpec      *pspec,
                      EylDocumentView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
placement_changed_cb (EylPlacementPanel *panel,
                      EylDocumentView   *self)
{
  g_signal_emit (self, signals[PLACEMENT_CHANGED], 0);
}

/* A drag on the side view edits the placement panel's row, as typing
 * in it would. */
static void
scene_edit_cb (EylSceneView    *scene,
               const char      *option,
               gboolean         second,
               double           value,
               EylDocumentView *self)
{
  eyl_placement_panel_set_value (self->placement_panel, option, second, value);
}

static void
side_flap_revealed_cb (AdwFlap         *flap,
                       GParamSpec      *pspec,
                       EylDocumentView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDE_REVEALED]);
}

/* ------------------------------------------------------------------ */
/* GObject                                                              */

static void
eyl_document_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  EylDocumentView *self = EYL_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_PAGE:
      g_value_set_uint (value, self->page_index);
      break;
    case PROP_LAYERS:
      g_value_set_uint (value, self->layers);
      break;
    case PROP_INCHES:
      g_value_set_boolean (value, self->inches);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, eyl_page_view_get_zoom (self->page_view));
      break;
    case PROP_SIDE_REVEALED:
      g_value_set_boolean (value, adw_flap_get_reveal_flap (self->side_flap));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eyl_document_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  EylDocumentView *self = EYL_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      eyl_document_view_set_item (self, g_value_get_object (value));
      break;
    case PROP_PAGE:
      eyl_document_view_set_page (self, g_value_get_uint (value));
      break;
    case PROP_LAYERS:
      eyl_document_view_set_layers (self, g_value_get_uint (value));
      break;
    case PROP_INCHES:
      eyl_document_view_set_inches (self, g_value_get_boolean (value));
      break;
    case PROP_SIDE_REVEALED:
      eyl_document_view_set_side_revealed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eyl_document_view_dispose (GObject *object)
{
  EylDocumentView *self = EYL_DOCUMENT_VIEW (object);

  g_clear_handle_id (&self->loading_pulse_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), EYL_TYPE_DOCUMENT_VIEW);
  g_clear_object (&self->item);
  g_clear_object (&self->findings_selection);
  g_clear_object (&self->findings);
  g_clear_object (&self->finding_rows);
  g_clear_pointer (&self->finding_groups, g_ptr_array_unref);
  g_clear_pointer (&self->shown_analysis, eyl_page_analysis_unref);

  G_OBJECT_CLASS (eyl_document_view_parent_class)->dispose (object);
}

static void
eyl_document_view_class_init (EylDocumentViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = eyl_document_view_get_property;
  object_class->set_property = eyl_document_view_set_property;
  object_class->dispose = eyl_document_view_dispose;

  properties[PROP_ITEM] =
      g_param_spec_object ("item", NULL, NULL, EYL_TYPE_DOCUMENT_ITEM,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
      g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAYERS] =
      g_param_spec_uint ("layers", NULL, NULL, 0, G_MAXUINT, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INCHES] =
      g_param_spec_boolean ("inches", NULL, NULL, FALSE,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
      g_param_spec_double ("zoom", NULL, NULL, 0, G_MAXDOUBLE, 1,
                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIDE_REVEALED] =
      g_param_spec_boolean ("side-revealed", NULL, NULL, TRUE,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The placement panel's options changed: the documents are evaluated
   * (or read) again. */
  signals[PLACEMENT_CHANGED] =
      g_signal_new ("placement-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                    NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A rectangle was dragged on the page, in page pt. */
  signals[REGION_MARKED] =
      g_signal_new ("region-marked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                    NULL, NULL, NULL, G_TYPE_NONE, 4,
                    G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (EYL_TYPE_PAGE_VIEW);
  g_type_ensure (EYL_TYPE_FAILURE_PAGE);
  g_type_ensure (EYL_TYPE_PLACEMENT_PANEL);
  g_type_ensure (EYL_TYPE_SCENE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/eyeline/Eyeline/eyl-document-view.ui");
  gtk_widget_class_bind_template_child (widget_class, EylDocumentView, side_flap);
  gtk_widget_class_bind_template_child (widget_class, EylDocumentView, page_overlay);
  gtk_widget_class_bind_template_child (widget_class, EylDocumentView, page_stack);
  gtk_widget_class_bind_template_child (widget_class, EylDocumentView, loading_time);
  gtk_widget_class_bind_template_child (widget_class, EylDocumentView, loading_label);
  gtk_widget_class_bind_template_child (widget_class, EylDocumentView, page_view);
  gtk_widget_class_bind_template_child (widget_class, EylDocumentView, error_page);
  gtk_widget_class_bind_template_child (widget_class, EylDocumentView, locked_page);
  gtk_widget_class_bind_template_child (widget_class, EylDocumentView, busy_revealer);
  gtk_widget_class_bind_template_child (widget_class, EylDocumentView, page_nav_box);
  gtk_widget_class_bind_template_child (widget_class, EylDocumentView, page_label);
  gtk_widget_class_bind_template_child (widget_class, EylDocumentView, side_scroller);
  gtk_widget_class_bind_template_child (widget_class, EylDocumentView, summary_box);
  gtk_widget_class_bind_template_child (widget_class, EylDocumentView, notes_box);
  gtk_widget_class_bind_template_child (widget_class, EylDocumentView, notes_label);
  gtk_widget_class_bind_template_child (widget_class, EylDocumentView, score_label);
  gtk_widget_class_bind_template_child (widget_class, EylDocumentView, breakdown_expander);
  gtk_widget_class_bind_template_child (widget_class, EylDocumentView, breakdown_label);
  gtk_widget_class_bind_template_child (widget_class, EylDocumentView, counts_label);
  gtk_widget_class_bind_template_child (widget_class, EylDocumentView, placement_label);
  gtk_widget_class_bind_template_child (widget_class, EylDocumentView, findings_view);
  gtk_widget_class_bind_template_child (widget_class, EylDocumentView, legend_expander);
  gtk_widget_class_bind_template_child (widget_class, EylDocumentView, legend_area);
  gtk_widget_class_bind_template_child (widget_class, EylDocumentView, placement_panel);
  gtk_widget_class_bind_template_child (widget_class, EylDocumentView, scene_view);
  gtk_widget_class_bind_template_callback (widget_class, page_finding_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_region_marked_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_zoom_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, placement_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, scene_edit_cb);
}

static void
eyl_document_view_init (EylDocumentView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->findings = g_list_store_new (EYL_TYPE_FINDING_OBJECT);
  self->finding_rows = g_list_store_new (G_TYPE_OBJECT);
  self->finding_groups = g_ptr_array_new_with_free_func (g_object_unref);
  findings_init (self);
  legend_init (self);
  g_signal_connect_object (self->side_flap, "notify::reveal-flap",
                           G_CALLBACK (side_flap_revealed_cb), self, 0);
  eyl_document_view_update (self);
}

GtkWidget *
eyl_document_view_new (void)
{
  return g_object_new (EYL_TYPE_DOCUMENT_VIEW, NULL);
}
