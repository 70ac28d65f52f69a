/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-window-private.h: what the files of the main window share — the
 * instance struct and the few functions one part calls in another
 * (eyl-window.c: documents, checks, opening; eyl-window-actions.c: the
 * win.* actions, their keys and their enabled state; eyl-window-kits.c: the
 * brand kits; eyl-window-export.c: the export; eyl-window-compare.c: two
 * versions side by side; eyl-window-view.c: which document its
 * EylDocumentView shows, and what follows it). */
#pragma once

#include <adwaita.h>

#include "eyl-window.h"
#include "eyl-brand-kit-dialog.h"
#include "eyl-export-job.h"
#include "eyl-placement-panel.h"
#include "eyl-scene-view.h"
#include "eyl-batch.h"
#include "eyl-compare-view.h"
#include "eyl-document-view.h"

G_BEGIN_DECLS

struct _EylWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkToggleButton *sidebar_button;
  GtkMenuButton   *zoom_menu_button;
  GtkMenuButton   *zoom_menu_button_compact;
  GtkStack        *main_stack;
  GtkBox          *recent_box;
  GtkListBox      *recent_list;
  AdwFlap         *flap;
  GtkListBox      *documents_list;
  GtkRevealer     *export_revealer;
  GtkLabel        *export_label;
  GtkProgressBar  *export_progress;
  GtkWidget       *side_button;
  GtkWidget       *zoom_box;
  GtkWidget       *overlay_button;
  GtkMenuButton   *kit_button; /* the current document's brand kit */
  EylDocumentView *document_view;
  GtkWidget       *mark_logo_button;
  GMenu           *recent_section;
  /* Parts of document_view the window drives (not references). */
  EylPageView       *page_view;
  EylPlacementPanel *placement_panel;
  EylSceneView      *scene_view;

  GSettings        *settings;  /* NULL when the schema is not installed */
  GListStore       *documents; /* EylDocumentItem */
  EylDocumentItem  *current;
  EylScheduler     *scheduler; /* checks and exports, MAX_CHECKS workers */
  char             *read_key;  /* the worker options the results were read with */
  GCancellable     *mark_cancellable;
  AdwMessageDialog *password_dialog;
  EylExportJob     *export_job; /* running or last export */
  guint             export_pulse_id;

  gboolean show_eye_band;
  gboolean show_hidden;
  gboolean show_elements;
  gboolean show_markers;
  gboolean show_labels;
  gboolean show_zone_labels;
  gboolean mark_logo;
  gboolean show_sidebar;
  gboolean show_findings;
  gboolean sidebar_shown_once;

  /* The brand kit's logos, read once by workers (eyl_worker_prepare_brand_kit). */
  char         *kit_key;          /* the kit file (path, size, time) prepared */
  char         *kit_prepared;     /* the kit the checks get, or NULL */
  GCancellable *kit_cancellable;  /* while its logos are read */
  GPtrArray    *kit_dirs;         /* folders of prepared kits, removed at the end */
  char         *kit_logos_key;    /* its logo files (eyl_brand_kit_dup_logos_key) */
  GtkWindow    *attention_window; /* the visitor's views, while shown (weak) */
  GtkWindow    *walkup_window;
  /* In the order of those two: each one's picture (weak) and the page
   * analysis it was drawn for. */
  GtkPicture      *visitor_pictures[2];
  EylPageAnalysis *visitor_analyses[2];
  /* The layer drawn over the page (win.page-layer): the analysis and the
   * layer it was asked for, and a serial that drops late results. */
  EylPageAnalysis *layer_analysis;
  char            *layer_name;
  guint            layer_serial;
  AdwToast        *undo_toast;  /* "Placement … Undo", while shown (weak) */
  AdwToast        *panel_toast; /* "The glue flap …", while shown (weak) */
  /* Where the pointer went down while marking the net quantity: a
   * release away from it ends a drag (the box), not a click. */
  double net_press_x, net_press_y;

  /* Two versions compared (eyl_window_compare_files): shown once both are checked. */
  EylCompareView  *compare_view;
  EylDocumentItem *compare_before; /* NULL when not comparing */
  EylDocumentItem *compare_after;
  EylFileResult   *compare_results[2]; /* what the view compares, to redo it on a new check */
};

void               _eyl_window_ask_password (EylWindow *self);
EylBrandKitDialog *_eyl_window_open_brand_kit (EylWindow *self);
void               _eyl_window_schedule_checks (EylWindow *self);
void               _eyl_window_set_current (EylWindow *self, EylDocumentItem *item);
void               _eyl_window_update_actions (EylWindow *self);
void               _eyl_window_update_recent (EylWindow *self);
void               _eyl_window_update_view (EylWindow *self);
void               _eyl_window_update_page_layer (EylWindow *self);
/* The walk-up layer's distance when neither its name nor the scene gives one. */
#define EYL_WALKUP_LAYER_DEFAULT_M 4.0
/* The distance of the walk-up layer @name ("walkup-8", "walkup-scene":
 * @placement's viewing distance, "walkup-near": its nearest walk-up step)
 * in metres. */
double      _eyl_window_walkup_layer_distance (const char         *name,
                                               const EylPlacement *placement);
const char *_eyl_window_visible_page (EylWindow *self);
void        _eyl_window_class_actions_init (GtkWidgetClass *widget_class);
/* A worker configuration for rendering what the window shows (the check's
 * time budget). */
EylWorkerConfig *_eyl_window_new_render_config (EylWindow *self);
/* win.view-attention and win.view-walkup, and their windows for the page
 * shown (eyl-window-actions.c). */
void _eyl_window_visitor_views_init (EylWindow *self);
void _eyl_window_visitor_views_dispose (EylWindow *self);
void _eyl_window_placement_actions_init (EylWindow *self);
void _eyl_window_update_front_panel (EylWindow *self);
/* While win.mark-net-quantity is on: marks the text at widget point @x,
 * @y as the net quantity; FALSE when not marking. */
gboolean _eyl_window_mark_net_quantity_at (EylWindow *self,
                                           double     x,
                                           double     y);
/* The same for a box dragged on the page, @box in page pt. */
gboolean         _eyl_window_mark_net_quantity_box (EylWindow     *self,
                                                    const EylRect *box);
void             _eyl_window_update_visitor_views (EylWindow *self);
void             _eyl_window_update_compare (EylWindow *self);
EylOverlayLayers _eyl_window_current_layers (EylWindow *self);
EylWorkerConfig *_eyl_window_make_worker_config (EylWindow       *self,
                                                 EylDocumentItem *item);
char            *_eyl_window_find_worker_exe (void);
void             _eyl_window_recheck_all (EylWindow *self);
void             _eyl_window_reevaluate_all (EylWindow *self);
EylFileResult   *_eyl_window_evaluate_item (EylWindow       *self,
                                            EylDocumentItem *item,
                                            EylFileResult   *result);

/* Brand kits (eyl-window-kits.c). */
char        *_eyl_window_dup_item_kit_path (EylWindow       *self,
                                            EylDocumentItem *item);
EylBrandKit *_eyl_window_dup_item_kit (EylWindow       *self,
                                       EylDocumentItem *item);
gboolean     _eyl_window_own_kit_logos_changed (EylWindow       *self,
                                                EylDocumentItem *item);
gboolean     _eyl_window_kit_ready (EylWindow *self);
void         _eyl_window_update_kit_button (EylWindow *self);
void         _eyl_window_setup_kit_switcher (EylWindow *self);
void         _eyl_window_kits_class_init (GtkWidgetClass *widget_class);

/* Comparing two versions (eyl-window-compare.c). */
void _eyl_window_compare_class_init (GtkWidgetClass *widget_class);

G_END_DECLS
