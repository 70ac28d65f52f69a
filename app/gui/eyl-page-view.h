/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-page-view.h: one page at true proportions with the overlay on top.
 *
 * A GtkScrollable: put it straight into a GtkScrolledWindow.  The page is
 * rendered in a worker process (eyl_worker_render_page_async, with the
 * limits of eyl_page_view_set_worker_config) at the zoom × the widget's
 * scale factor; the overlay is the core's painter (eyl_overlay_paint).
 * Only give it the bytes the analysis worker opened cleanly (the
 * window's snapshot of the file). */
#pragma once

#include <gtk/gtk.h>

#include "eyl-overlay.h"
#include "eyl-worker.h"

G_BEGIN_DECLS

typedef enum
{
  EYL_ZOOM_FIT_PAGE,
  EYL_ZOOM_FIT_WIDTH,
  EYL_ZOOM_FREE,
} EylZoomMode;

#define EYL_TYPE_PAGE_VIEW (eyl_page_view_get_type ())
G_DECLARE_FINAL_TYPE (EylPageView, eyl_page_view, EYL, PAGE_VIEW, GtkWidget)

GtkWidget *eyl_page_view_new (void);

/* The page to show: @path NULL clears the view.  @analysis (may be NULL)
 * gives the overlay and, until the page is rendered, its size. */
void eyl_page_view_set_page (EylPageView     *self,
                             const char      *path,
                             const char      *password,
                             guint            page_index,
                             EylPageAnalysis *analysis);
/* Replaces the overlay only (the page stays, nothing is re-rendered). */
void             eyl_page_view_set_analysis (EylPageView     *self,
                                             EylPageAnalysis *analysis);
EylPageAnalysis *eyl_page_view_get_analysis (EylPageView *self);

void             eyl_page_view_set_layers (EylPageView     *self,
                                           EylOverlayLayers layers);
EylOverlayLayers eyl_page_view_get_layers (EylPageView *self);
void             eyl_page_view_set_inches (EylPageView *self,
                                           gboolean     inches);

/* Zoom: logical pixels per page pt. */
double      eyl_page_view_get_zoom (EylPageView *self);
void        eyl_page_view_set_zoom (EylPageView *self,
                                    double       zoom);
EylZoomMode eyl_page_view_get_zoom_mode (EylPageView *self);
void        eyl_page_view_set_zoom_mode (EylPageView *self,
                                         EylZoomMode  mode);
void        eyl_page_view_zoom_in (EylPageView *self);
void        eyl_page_view_zoom_out (EylPageView *self);

/* Highlights finding @index (-1: none) and scrolls it into view. */
void eyl_page_view_select_finding (EylPageView *self,
                                   int          index);
int  eyl_page_view_get_selected_finding (EylPageView *self);
/* The part of the page that is on screen, in page pt. */
gboolean eyl_page_view_get_visible_rect (EylPageView *self,
                                         EylRect     *rect);
/* TRUE once the page's pixels are on screen. */
gboolean eyl_page_view_is_rendered (EylPageView *self);

/* The hover text (Pango markup) for the element at widget point @x, @y:
 * height above the floor, cap height, share of viewers it is hidden for;
 * NULL where there is no element. */
char *eyl_page_view_describe_point (EylPageView *self,
                                    double       x,
                                    double       y);
/* Page pt → widget coordinates (for tests and pointer feedback). */
void eyl_page_view_page_to_widget (EylPageView *self,
                                   double       px,
                                   double       py,
                                   double      *wx,
                                   double      *wy);

/* "Mark logo": while on, a drag draws a rectangle and emits
 * "region-marked" (x0, y0, x1, y1 in page pt) instead of panning. */
void     eyl_page_view_set_marking (EylPageView *self,
                                    gboolean     marking);
gboolean eyl_page_view_get_marking (EylPageView *self);

/* Renders @region (page pt) of the current page to a new PNG file at
 * about 300 ppi in a worker process; the result is the PNG's path. */
void  eyl_page_view_save_region_png_async (EylPageView        *self,
                                           const EylRect      *region,
                                           GCancellable       *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer            user_data);
char *eyl_page_view_save_region_png_finish (EylPageView  *self,
                                            GAsyncResult *result,
                                            GError      **error);

/* The worker program and limits (time, memory, environment) of the
 * rendering workers; the password is the page's.  Without one nothing is
 * rendered. */
void eyl_page_view_set_worker_config (EylPageView     *self,
                                      EylWorkerConfig *config);
/* Renders finished since the view was made (for tests). */
guint eyl_page_view_get_n_renders (EylPageView *self);
/* The rendered page (for tests), or NULL. */
GdkTexture *eyl_page_view_get_texture (EylPageView *self);
/* The file the page is rendered from, or NULL. */
const char *eyl_page_view_get_path (EylPageView *self);

/* The page as a colour-vision deficiency (an EylCvd) sees it; -1: as
 * printed. */
void eyl_page_view_set_cvd (EylPageView *self,
                            int          cvd);
int  eyl_page_view_get_cvd (EylPageView *self);
/* The page's pixels on screen, simulated or not (for tests), or NULL. */
GdkTexture *eyl_page_view_get_shown_texture (EylPageView *self);
/* A picture laid over @rect (page pt) of the page, under the overlay
 * (the predicted attention, the walk-up view); NULL removes it.  It is
 * dropped when another page is shown. */
void        eyl_page_view_set_layer (EylPageView   *self,
                                     GdkTexture    *layer,
                                     const EylRect *rect);
GdkTexture *eyl_page_view_get_layer (EylPageView *self,
                                     EylRect     *rect);
/* "Choose the front panel": while on, a click on a panel of a pack's net
 * emits "panel-clicked" (the panel's index in the packaging's panels)
 * instead of selecting a marker. */
void     eyl_page_view_set_choosing_panel (EylPageView *self,
                                           gboolean     choosing);
gboolean eyl_page_view_get_choosing_panel (EylPageView *self);
/* What a click at widget point @x, @y does in that mode (for tests):
 * TRUE when it hit a panel. */
gboolean eyl_page_view_activate_point (EylPageView *self,
                                       double       x,
                                       double       y);
G_END_DECLS
