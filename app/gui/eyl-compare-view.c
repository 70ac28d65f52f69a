/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-compare-view.c: two versions of one piece side by side.  The core
 * pairs the findings (eyl_comparison_new); this view shows both pages
 * with the window's overlays, the score's change ("20 → 85, +65") and
 * the findings as Fixed, New and Still open, each a finding row as the
 * window lists it.  Activating a row selects the finding on its page. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-compare-view"

#include <glib/gi18n.h>

#include "eyl-compare-view.h"
#include "eyl-finding-object.h"
#include "eyl-finding-row.h"

#define N_KINDS 3

struct _EylCompareView
{
  GtkBox parent_instance;

  /* Template widgets */
  GtkWidget   *back_button;
  GtkLabel    *files_label;
  GtkWidget   *page_nav_box;
  GtkWidget   *previous_button;
  GtkWidget   *next_button;
  GtkLabel    *page_label;
  GtkLabel    *score_label;
  GtkLabel    *before_label;
  GtkLabel    *after_label;
  EylPageView *before_view;
  EylPageView *after_view;
  GtkLabel    *counts_label;
  GtkLabel    *fixed_heading;
  GtkLabel    *new_heading;
  GtkLabel    *kept_heading;
  GtkListBox  *fixed_list;
  GtkListBox  *new_list;
  GtkListBox  *kept_list;

  EylDocumentItem *before;
  EylDocumentItem *after;
  EylComparison   *comparison;
  guint            page;
  GListStore      *findings[N_KINDS]; /* EylFindingObject, by EylChangeKind */
};

G_DEFINE_FINAL_TYPE (EylCompareView, eyl_compare_view, GTK_TYPE_BOX)

enum
{
  SIGNAL_CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
create_finding_row (gpointer item,
                    gpointer user_data)
{
  GtkWidget *row = eyl_finding_row_new ();

  eyl_finding_row_set_finding (EYL_FINDING_ROW (row), item);
  return row;
}

/* The finding's place among its page's findings: what the page view
 * selects and the row numbers. */
static guint
finding_index (EylPageAnalysis *analysis,
               EylFinding      *finding)
{
  for (guint i = 0; analysis != NULL && i < analysis->findings->len; i++)
    if (g_ptr_array_index (analysis->findings, i) == finding)
      return i;
  return 0;
}

static const char *
score_class (int score)
{
  return score >= 70 ? "eyl-score-good" : score >= 40 ? "eyl-score-fair"
                                                      : "eyl-score-poor";
}

static char *
side_title (const char      *which,
            EylDocumentItem *item,
            int              score)
{
  if (score < 0)
    /* Translators: "Before" or "After", a file name; the page is missing */
    return g_strdup_printf (_("%s · %s · no such page"), which,
                               eyl_document_item_get_title (item));
  /* Translators: "Before" or "After", a file name, the page's score */
  return g_strdup_printf (_("%s · %s · %d"), which, eyl_document_item_get_title (item), score);
}

static void
update_score (EylCompareView          *self,
              const EylPageComparison *page)
{
  GtkWidget       *score = GTK_WIDGET (self->score_label);
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (score, "eyl-score-good");
  gtk_widget_remove_css_class (score, "eyl-score-fair");
  gtk_widget_remove_css_class (score, "eyl-score-poor");
  if (page->score_before < 0 || page->score_after < 0)
    text = g_strdup (page->score_after < 0 ? _("page removed") : _("new page"));
  else
    {
      int delta = page->score_after - page->score_before;

      /* Translators: score before → score after, the change */
      text = delta == 0 ? g_strdup_printf (_("%d → %d, unchanged"), page->score_before,
                                              page->score_after)
                        : g_strdup_printf (_("%d → %d, %+d"), page->score_before,
                                              page->score_after, delta);
      gtk_widget_add_css_class (score, delta < 0 ? "eyl-score-poor" : score_class (page->score_after));
    }
  gtk_label_set_label (self->score_label, text);
}

static void
update_lists (EylCompareView          *self,
              const EylPageComparison *page,
              EylPageAnalysis         *before,
              EylPageAnalysis         *after)
{
  guint            n[N_KINDS] = { 0, 0, 0 };
  GtkLabel        *headings[N_KINDS] = { self->fixed_heading, self->new_heading, self->kept_heading };
  g_autofree char *counts = NULL;

  for (guint k = 0; k < N_KINDS; k++)
    g_list_store_remove_all (self->findings[k]);
  for (guint i = 0; page != NULL && i < page->changes->len; i++)
    {
      EylFindingChange *change = &g_array_index (page->changes, EylFindingChange, i);
      g_autoptr(EylFindingObject) object = NULL;

      /* A fixed finding is shown as it was; the others as they are now. */
      if (change->kind == EYL_CHANGE_FIXED)
        object = eyl_finding_object_new (change->before, finding_index (before, change->before));
      else
        object = eyl_finding_object_new (change->after, finding_index (after, change->after));
      g_list_store_append (self->findings[change->kind], object);
      n[change->kind]++;
    }

  {
    /* Translators: a heading over the findings the new version fixed */
    g_autofree char *fixed = g_strdup_printf (_("Fixed (%u)"), n[EYL_CHANGE_FIXED]);
    /* Translators: a heading over the findings only the new version has */
    g_autofree char *new = g_strdup_printf (_("New (%u)"), n[EYL_CHANGE_NEW]);
    /* Translators: a heading over the findings both versions have */
    g_autofree char *kept = g_strdup_printf (_("Still Open (%u)"), n[EYL_CHANGE_KEPT]);
    const char      *texts[N_KINDS] = { fixed, new, kept };

    GtkListBox *lists[N_KINDS] = { self->fixed_list, self->new_list, self->kept_list };

    /* An empty group says nothing the sentence above does not. */
    for (guint k = 0; k < N_KINDS; k++)
      {
        gtk_label_set_label (headings[k], texts[k]);
        gtk_widget_set_visible (GTK_WIDGET (headings[k]), n[k] > 0);
        gtk_widget_set_visible (GTK_WIDGET (lists[k]), n[k] > 0);
      }
  }

  if (n[EYL_CHANGE_NEW] == 0 && n[EYL_CHANGE_KEPT] == 0)
    counts = g_strdup (n[EYL_CHANGE_FIXED] > 0 ? _("Every finding of the old version is fixed.")
                                               : _("Neither version has findings on this page."));
  else if (n[EYL_CHANGE_NEW] == 0 && n[EYL_CHANGE_FIXED] == 0)
    /* Translators: %u findings both versions have */
    counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Nothing fixed, nothing new: %u finding still open.",
                                           "Nothing fixed, nothing new: %u findings still open.",
                                           n[EYL_CHANGE_KEPT]),
                              n[EYL_CHANGE_KEPT]);
  else if (n[EYL_CHANGE_NEW] == 0)
    /* Translators: %u findings fixed, %u still open; nothing new */
    counts = g_strdup_printf (_("%u fixed, nothing new, %u still open."),
                                 n[EYL_CHANGE_FIXED], n[EYL_CHANGE_KEPT]);
  else
    /* Translators: findings fixed, new and still open */
    counts = g_strdup_printf (_("%u fixed, %u new, %u still open."),
                                 n[EYL_CHANGE_FIXED], n[EYL_CHANGE_NEW], n[EYL_CHANGE_KEPT]);
  gtk_label_set_label (self->counts_label, counts);
}

static void
show_side (EylPageView     *view,
           GtkLabel        *label,
           const char      *which,
           EylDocumentItem *item,
           guint            index,
           int              score)
{
  EylPageAnalysis *analysis = eyl_document_item_get_page (item, index);
  g_autofree char *title = side_title (which, item, analysis != NULL ? score : -1);

  gtk_label_set_label (label, title);
  if (analysis != NULL)
    eyl_page_view_set_page (view, eyl_document_item_get_snapshot (item),
                            eyl_document_item_get_password (item), index, analysis);
  else
    eyl_page_view_set_page (view, NULL, NULL, 0, NULL);
}

void
eyl_compare_view_set_page (EylCompareView *self,
                           guint           index)
{
  const EylPageComparison *page;
  guint                    n;

  g_return_if_fail (EYL_IS_COMPARE_VIEW (self));

  if (self->comparison == NULL || self->comparison->pages->len == 0)
    return;
  n = self->comparison->pages->len;
  self->page = MIN (index, n - 1);
  page = g_ptr_array_index (self->comparison->pages, self->page);

  /* Translators: "Before" names the old version beside its page */
  show_side (self->before_view, self->before_label, _("Before"), self->before, page->index, page->score_before);
  /* Translators: "After" names the new version beside its page */
  show_side (self->after_view, self->after_label, _("After"), self->after, page->index, page->score_after);
  update_score (self, page);
  update_lists (self, page, eyl_document_item_get_page (self->before, page->index),
                eyl_document_item_get_page (self->after, page->index));

  gtk_widget_set_visible (self->page_nav_box, n > 1);
  gtk_widget_set_sensitive (self->previous_button, self->page > 0);
  gtk_widget_set_sensitive (self->next_button, self->page + 1 < n);
  if (n > 1)
    {
      /* Translators: page number of page count */
      g_autofree char *text = g_strdup_printf (_("%u of %u"), self->page + 1, n);

      gtk_label_set_label (self->page_label, text);
    }
}

void
eyl_compare_view_set_documents (EylCompareView  *self,
                                EylDocumentItem *before,
                                EylDocumentItem *after)
{
  EylFileResult *a, *b;

  g_return_if_fail (EYL_IS_COMPARE_VIEW (self));

  g_clear_pointer (&self->comparison, eyl_comparison_free);
  g_set_object (&self->before, before);
  g_set_object (&self->after, after);
  self->page = 0;
  a = before != NULL ? eyl_document_item_get_result (before) : NULL;
  b = after != NULL ? eyl_document_item_get_result (after) : NULL;
  if (a == NULL || b == NULL || !a->ok || !b->ok)
    {
      eyl_page_view_set_page (self->before_view, NULL, NULL, 0, NULL);
      eyl_page_view_set_page (self->after_view, NULL, NULL, 0, NULL);
      for (guint k = 0; k < N_KINDS; k++)
        g_list_store_remove_all (self->findings[k]);
      return;
    }

  self->comparison = eyl_comparison_new (a, b);
  {
    /* Translators: the old file's name → the new file's name */
    g_autofree char *files = g_strdup_printf (_("%s → %s"), eyl_document_item_get_title (before),
                                                 eyl_document_item_get_title (after));

    gtk_label_set_label (self->files_label, files);
  }
  eyl_compare_view_set_page (self, 0);
}

const EylComparison *
eyl_compare_view_get_comparison (EylCompareView *self)
{
  g_return_val_if_fail (EYL_IS_COMPARE_VIEW (self), NULL);
  return self->comparison;
}

guint
eyl_compare_view_get_page (EylCompareView *self)
{
  g_return_val_if_fail (EYL_IS_COMPARE_VIEW (self), 0);
  return self->page;
}

void
eyl_compare_view_set_layers (EylCompareView  *self,
                             EylOverlayLayers layers)
{
  g_return_if_fail (EYL_IS_COMPARE_VIEW (self));
  eyl_page_view_set_layers (self->before_view, layers);
  eyl_page_view_set_layers (self->after_view, layers);
}

void
eyl_compare_view_set_worker_config (EylCompareView  *self,
                                    EylWorkerConfig *config)
{
  g_return_if_fail (EYL_IS_COMPARE_VIEW (self));
  eyl_page_view_set_worker_config (self->before_view, config);
  eyl_page_view_set_worker_config (self->after_view, config);
}

EylPageView *
eyl_compare_view_get_page_view (EylCompareView *self,
                                gboolean        after)
{
  g_return_val_if_fail (EYL_IS_COMPARE_VIEW (self), NULL);
  return after ? self->after_view : self->before_view;
}

GListModel *
eyl_compare_view_get_findings (EylCompareView *self,
                               EylChangeKind   kind)
{
  g_return_val_if_fail (EYL_IS_COMPARE_VIEW (self), NULL);
  g_return_val_if_fail ((guint) kind < N_KINDS, NULL);
  return G_LIST_MODEL (self->findings[kind]);
}

const char *
eyl_compare_view_get_score_text (EylCompareView *self)
{
  g_return_val_if_fail (EYL_IS_COMPARE_VIEW (self), NULL);
  return gtk_label_get_label (self->score_label);
}

/* ------------------------------------------------------------------ */

static void
previous_clicked_cb (EylCompareView *self)
{
  if (self->page > 0)
    eyl_compare_view_set_page (self, self->page - 1);
}

static void
next_clicked_cb (EylCompareView *self)
{
  eyl_compare_view_set_page (self, self->page + 1);
}

/* A fixed finding is on the old page, the others on the new: select it
 * there and clear the other page's selection. */
static void
row_activated_cb (GtkListBox     *list,
                  GtkListBoxRow  *row,
                  EylCompareView *self)
{
  GtkWidget        *child = gtk_list_box_row_get_child (row);
  EylFindingObject *object;
  gboolean          old = list == self->fixed_list;
  GtkListBox       *lists[N_KINDS] = { self->fixed_list, self->new_list, self->kept_list };

  if (!EYL_IS_FINDING_ROW (child))
    return;
  object = eyl_finding_row_get_finding (EYL_FINDING_ROW (child));
  for (guint k = 0; k < N_KINDS; k++)
    if (lists[k] != list)
      gtk_list_box_unselect_all (lists[k]);
  eyl_page_view_select_finding (old ? self->before_view : self->after_view,
                                (int) eyl_finding_object_get_index (object));
  eyl_page_view_select_finding (old ? self->after_view : self->before_view, -1);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_CLOSED], 0);
}

/* Focus on the way back: Escape then reaches the view from anywhere in it. */
static gboolean
eyl_compare_view_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (EYL_COMPARE_VIEW (widget)->back_button);
}

static void
eyl_compare_view_dispose (GObject *object)
{
  EylCompareView *self = EYL_COMPARE_VIEW (object);

  g_clear_pointer (&self->comparison, eyl_comparison_free);
  g_clear_object (&self->before);
  g_clear_object (&self->after);
  for (guint k = 0; k < N_KINDS; k++)
    g_clear_object (&self->findings[k]);
  gtk_widget_dispose_template (GTK_WIDGET (self), EYL_TYPE_COMPARE_VIEW);
  G_OBJECT_CLASS (eyl_compare_view_parent_class)->dispose (object);
}

static void
eyl_compare_view_class_init (EylCompareViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = eyl_compare_view_dispose;
  widget_class->grab_focus = eyl_compare_view_grab_focus;

  /* Back to the document the comparison was started from. */
  signals[SIGNAL_CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (EYL_TYPE_PAGE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/eyeline/Eyeline/eyl-compare-view.ui");
  gtk_widget_class_bind_template_child (widget_class, EylCompareView, back_button);
  gtk_widget_class_bind_template_child (widget_class, EylCompareView, files_label);
  gtk_widget_class_bind_template_child (widget_class, EylCompareView, page_nav_box);
  gtk_widget_class_bind_template_child (widget_class, EylCompareView, previous_button);
  gtk_widget_class_bind_template_child (widget_class, EylCompareView, next_button);
  gtk_widget_class_bind_template_child (widget_class, EylCompareView, page_label);
  gtk_widget_class_bind_template_child (widget_class, EylCompareView, score_label);
  gtk_widget_class_bind_template_child (widget_class, EylCompareView, before_label);
  gtk_widget_class_bind_template_child (widget_class, EylCompareView, after_label);
  gtk_widget_class_bind_template_child (widget_class, EylCompareView, before_view);
  gtk_widget_class_bind_template_child (widget_class, EylCompareView, after_view);
  gtk_widget_class_bind_template_child (widget_class, EylCompareView, counts_label);
  gtk_widget_class_bind_template_child (widget_class, EylCompareView, fixed_heading);
  gtk_widget_class_bind_template_child (widget_class, EylCompareView, new_heading);
  gtk_widget_class_bind_template_child (widget_class, EylCompareView, kept_heading);
  gtk_widget_class_bind_template_child (widget_class, EylCompareView, fixed_list);
  gtk_widget_class_bind_template_child (widget_class, EylCompareView, new_list);
  gtk_widget_class_bind_template_child (widget_class, EylCompareView, kept_list);
  gtk_widget_class_bind_template_callback (widget_class, previous_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_install_action (widget_class, "compare.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "compare.back", NULL);
}

static void
eyl_compare_view_init (EylCompareView *self)
{
  GtkListBox *lists[N_KINDS];

  gtk_widget_init_template (GTK_WIDGET (self));
  lists[EYL_CHANGE_FIXED] = self->fixed_list;
  lists[EYL_CHANGE_NEW] = self->new_list;
  lists[EYL_CHANGE_KEPT] = self->kept_list;
  for (guint k = 0; k < N_KINDS; k++)
    {
      self->findings[k] = g_list_store_new (EYL_TYPE_FINDING_OBJECT);
      gtk_list_box_bind_model (lists[k], G_LIST_MODEL (self->findings[k]),
                               create_finding_row, NULL, NULL);
    }
}

GtkWidget *
eyl_compare_view_new (void)
{
  return g_object_new (EYL_TYPE_COMPARE_VIEW, NULL);
}
