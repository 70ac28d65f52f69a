/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-window-view.c: the current document as the main window shows it —
 * the page and its layers, the legend, the score card and its notes, the
 * findings list in groups, and the loading state while a check runs. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-window"

#include <math.h>
#include <glib/gi18n.h>

#include "eyl-window-private.h"
#include "eyl-document-row.h"
#include "eyl-finding-row.h"
#include "eyl-finding-object.h"
#include "eyl-rules.h"
#include "eyl-worker.h"

/* ------------------------------------------------------------------ */
/* Showing the current document                                         */

EylOverlayLayers
_eyl_window_current_layers (EylWindow *self)
{
  EylOverlayLayers layers = 0;

  if (self->show_eye_band)
    layers |= EYL_OVERLAY_EYE_LEVEL;
  if (self->show_hidden)
    layers |= EYL_OVERLAY_HIDDEN;
  if (self->show_elements)
    layers |= EYL_OVERLAY_ELEMENTS;
  if (self->show_markers)
    layers |= EYL_OVERLAY_FINDINGS;
  if (self->show_labels)
    layers |= EYL_OVERLAY_LABELS;
  if (self->show_zone_labels)
    layers |= EYL_OVERLAY_ZONE_LABELS;
  /* Never EYL_OVERLAY_LEGEND: the legend lives beside the page. */
  return layers;
}

/* The legend beside the page: what the layers shown draw on this page. */
static void
legend_draw_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        data)
{
  EylWindow *self = EYL_WINDOW (data);

  if (self->shown_analysis == NULL)
    return;
  /* The legend is drawn for paper (dark ink): a light card keeps it
   * readable in the dark style. */
  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    {
      cairo_set_source_rgb (cr, 0.96, 0.96, 0.96);
      cairo_paint (cr);
    }
  eyl_overlay_paint_legend (cr, &self->shown_analysis, 1, _eyl_window_current_layers (self), width, NULL, NULL);
}

void
_eyl_window_update_legend (EylWindow *self)
{
  int    width = gtk_widget_get_width (GTK_WIDGET (self->legend_area));
  double w = 0, h = 0;

  if (self->shown_analysis != NULL)
    eyl_overlay_paint_legend (NULL, &self->shown_analysis, 1, _eyl_window_current_layers (self), width, &w, &h);
  gtk_drawing_area_set_content_height (self->legend_area, (int) ceil (h));
  gtk_widget_set_visible (self->legend_expander, h > 0);
  gtk_widget_queue_draw (GTK_WIDGET (self->legend_area));
}

static void
legend_resize_cb (GtkDrawingArea *area,
                  int             width,
                  int             height,
                  EylWindow      *self)
{
  _eyl_window_update_legend (self);
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
update_finding_rows (EylWindow *self)
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
fill_findings (EylWindow       *self,
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
update_summary (EylWindow       *self,
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
      gboolean         inches = self->settings != NULL &&
                        g_settings_get_enum (self->settings, "units") == EYL_UNITS_IN;

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
update_notes (EylWindow     *self,
              EylFileResult *result)
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
              g_autofree char *line = short_message (self->current, warning);
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
        g_autofree char *line = short_message (self->current, warning);

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
  EylWindow *self = EYL_WINDOW (data);

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
set_loading (EylWindow *self,
             gboolean   loading)
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
set_busy (EylWindow *self,
          gboolean   busy)
{
  gtk_revealer_set_reveal_child (self->busy_revealer, busy);
}

/* The page view's rendering workers: the checks' program and time
 * budget (their memory limit is the default). */
/* What renders the pages shown: the worker, within the time budget. */
EylWorkerConfig *
_eyl_window_new_render_config (EylWindow *self)
{
  g_autofree char *exe = _eyl_window_find_worker_exe ();
  EylWorkerConfig *config = eyl_worker_config_new (exe);

  if (self->settings != NULL)
    config->timeout_s = g_settings_get_uint (self->settings, "time-budget");
  return config;
}

static void
update_render_config (EylWindow *self)
{
  g_autoptr(EylWorkerConfig) config = _eyl_window_new_render_config (self);

  eyl_page_view_set_worker_config (self->page_view, config);
}

void
_eyl_window_update_view (EylWindow *self)
{
  EylDocumentItem  *item = self->current;
  EylFileResult    *result;
  EylPageAnalysis  *analysis = NULL;
  EylDocumentStatus status;
  guint             n_pages;

  _eyl_window_update_kit_button (self);
  if (item == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      adw_window_title_set_title (self->window_title, _("Eyeline"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      eyl_page_view_set_page (self->page_view, NULL, NULL, 0, NULL);
      fill_findings (self, NULL);
      update_summary (self, NULL);
      update_notes (self, NULL);
      eyl_scene_view_set_analysis (self->scene_view, NULL);
      eyl_placement_panel_set_analysis (self->placement_panel, NULL);
      set_busy (self, FALSE);
      set_loading (self, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->page_nav_box), FALSE);
      _eyl_window_update_actions (self);
      return;
    }

  /* The comparison shown stays until its way back is taken. */
  gtk_stack_set_visible_child_name (self->main_stack,
                                    self->compare_results[0] != NULL ? "compare" : "document");
  result = eyl_document_item_get_result (item);
  status = eyl_document_item_get_status (item);
  adw_window_title_set_title (self->window_title, eyl_document_item_get_title (item));

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
      adw_window_title_set_subtitle (self->window_title, _("Checking…"));
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
      adw_window_title_set_subtitle (self->window_title, _("Locked"));
    }
  else if (!result->ok)
    {
      g_autofree char *detail = short_message (item, result->error_message != NULL
                                                         ? result->error_message
                                                         : "");

      eyl_failure_page_set_error (self->error_page, result->error_code, detail);
      gtk_stack_set_visible_child_name (self->page_stack, "error");
      adw_window_title_set_subtitle (self->window_title, _("Cannot be checked"));
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
      update_render_config (self);
      eyl_page_view_set_page (self->page_view,
                              eyl_document_item_get_snapshot (item),
                              eyl_document_item_get_password (item),
                              self->page_index, analysis);
      gtk_stack_set_visible_child_name (self->page_stack, "page");
      adw_window_title_set_subtitle (self->window_title,
                                     analysis->placement != NULL ? analysis->placement->name : NULL);
    }

  if (status != EYL_DOCUMENT_ANALYSING && status != EYL_DOCUMENT_QUEUED)
    set_loading (self, FALSE);

  fill_findings (self, analysis);
  _eyl_window_update_visitor_views (self);
  _eyl_window_update_legend (self);
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
  _eyl_window_update_compare (self);
  _eyl_window_update_actions (self);
}

void
_eyl_window_set_current (EylWindow       *self,
                         EylDocumentItem *item)
{
  if (self->current == item)
    {
      _eyl_window_update_view (self);
      return;
    }
  g_set_object (&self->current, item);
  self->page_index = 0;
  /* A rectangle marks a logo on the page it was drawn on, not the next. */
  if (self->mark_logo)
    g_object_set (self, "mark-logo", FALSE, NULL);
  g_clear_pointer (&self->shown_analysis, eyl_page_analysis_unref);
  eyl_page_view_set_page (self->page_view, NULL, NULL, 0, NULL);

  /* Select its row without re-entering. */
  if (item != NULL)
    {
      guint position;

      if (g_list_store_find (self->documents, item, &position))
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->documents_list, (int) position);

          if (row != gtk_list_box_get_selected_row (self->documents_list))
            gtk_list_box_select_row (self->documents_list, row);
        }
    }
  _eyl_window_schedule_checks (self);
  _eyl_window_update_view (self);
  if (item != NULL && eyl_document_item_get_status (item) == EYL_DOCUMENT_LOCKED)
    _eyl_window_ask_password (self);
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
                     EylWindow          *self)
{
  gpointer object = gtk_single_selection_get_selected_item (selection);

  eyl_page_view_select_finding (self->page_view,
                                EYL_IS_FINDING_OBJECT (object)
                                    ? (int) eyl_finding_object_get_index (object)
                                    : -1);
}

void
eyl_window_select_finding (EylWindow *self,
                           int        position)
{
  g_autoptr(EylFindingObject) object = NULL;
  guint row;

  g_return_if_fail (EYL_IS_WINDOW (self));

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
page_finding_activated_cb (EylPageView *view,
                           int          index,
                           EylWindow   *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->findings));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EylFindingObject) object = g_list_model_get_item (G_LIST_MODEL (self->findings), i);

      if ((int) eyl_finding_object_get_index (object) == index)
        {
          eyl_window_select_finding (self, (int) i);
          return;
        }
    }
}

/* The findings list: its selection model and its rows (eyl_window_init). */
void
_eyl_window_view_init (EylWindow *self)
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
void
_eyl_window_legend_init (EylWindow *self)
{
  gtk_drawing_area_set_draw_func (self->legend_area, legend_draw_cb, self, NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->legend_area, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->legend_area, "resize", G_CALLBACK (legend_resize_cb), self, 0);
}

void
_eyl_window_view_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, page_finding_activated_cb);
}
