/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-page-view.c: the page, its overlay, zoom, pan, hover and "Mark logo".
 *
 * The widget is its own viewport (GtkScrollable): it knows the visible
 * area, so the fit modes, zoom around the pointer and "scroll to this
 * finding" are plain arithmetic, and the overlay is painted only where it
 * is seen (a 2 m banner at 400 % would otherwise be a cairo surface of
 * hundreds of megapixels). */
#include "config.h"

#define G_LOG_DOMAIN "eyl-page-view"

#include <math.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "eyl-cvd.h"
#include "eyl-page-view.h"
#include "eyl-worker.h"

#define MARGIN_PX 24.0
#define MIN_ZOOM  0.02
#define MAX_ZOOM  8.0
#define ZOOM_STEP 1.2
/* Rendered page budget (device pixels): beyond it the texture is scaled
 * up, softer but bounded in memory. */
#define MAX_RENDER_PIXELS (16.0 * 1000 * 1000)
#define RENDER_DELAY_MS   120
/* "Mark logo" crops: about 300 ppi, at most this many pixels across. */
#define REGION_PPI    300.0
#define REGION_MAX_PX 2400.0

struct _EylPageView
{
  GtkWidget parent_instance;

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint          hscroll_policy : 1;
  guint          vscroll_policy : 1;

  char            *path;
  char            *password;
  guint            page_index;
  EylWorkerConfig *worker;    /* limits of the rendering workers */
  guint            n_renders; /* pages rendered, for tests */
  EylPageAnalysis *analysis;
  double           page_w, page_h; /* pt */

  EylZoomMode      zoom_mode;
  double           zoom;
  EylOverlayLayers layers;
  gboolean         inches;
  int              selected_finding;
  int              hovered_element;

  /* Zoom around a point: keep page point (px, py) under widget (wx, wy). */
  gboolean anchor_set;
  double   anchor_px, anchor_py, anchor_wx, anchor_wy;
  /* Scroll a page rectangle into view at the next allocation. */
  gboolean scroll_pending;
  /* A new page whose fitting zoom is not known before the next
   * allocation: rendering now would use the last page's zoom. */
  gboolean zoom_pending;
  EylRect  scroll_rect;

  GdkTexture *texture;
  double      texture_scale; /* device px per pt of the texture */
  /* The page as a colour-vision deficiency sees it (cvd < EYL_CVD_N),
   * made from the texture; and a picture laid over a part of the page
   * (the predicted attention, the walk-up view), under the overlay. */
  int           cvd;
  GdkTexture   *cvd_texture;
  GdkTexture   *layer;
  EylRect       layer_rect;
  guint         render_serial;
  GCancellable *render_cancellable;
  guint         render_timeout;
  guint         notify_zoom_idle;

  gboolean marking;
  gboolean choosing_panel; /* a click picks a pack's panel */
  gboolean dragging;
  double   drag_x0, drag_y0, drag_x1, drag_y1; /* widget px */
  double   drag_start_h, drag_start_v;
  double   zoom_gesture_start;
};

static void eyl_page_view_scrollable_init (GtkScrollableInterface *iface);

/* clang-format would join this macro's lines into one. */
/* clang-format off */
G_DEFINE_FINAL_TYPE_WITH_CODE (EylPageView, eyl_page_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      eyl_page_view_scrollable_init))
/* clang-format on */

enum
{
  PROP_0,
  PROP_ZOOM,
  PROP_ZOOM_MODE,
  PROP_RENDERED,
  N_PROPS,
  /* GtkScrollable */
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

enum
{
  REGION_MARKED,
  FINDING_ACTIVATED,
  PANEL_CLICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
eyl_page_view_scrollable_init (GtkScrollableInterface *iface)
{
}

/* ------------------------------------------------------------------ */
/* Geometry                                                             */

static gboolean
has_page (EylPageView *self)
{
  return self->page_w > 0 && self->page_h > 0;
}

static double
fit_zoom (EylPageView *self,
          EylZoomMode  mode,
          int          width,
          int          height)
{
  double zw, zh;

  if (!has_page (self))
    return 1.0;
  zw = MAX (1.0, width - 2 * MARGIN_PX) / self->page_w;
  zh = MAX (1.0, height - 2 * MARGIN_PX) / self->page_h;
  return CLAMP (mode == EYL_ZOOM_FIT_WIDTH ? zw : MIN (zw, zh), MIN_ZOOM, MAX_ZOOM);
}

/* Where the page's top-left corner is, in widget coordinates. */
static void
page_origin (EylPageView *self,
             double      *ox,
             double      *oy)
{
  int    width = gtk_widget_get_width (GTK_WIDGET (self));
  int    height = gtk_widget_get_height (GTK_WIDGET (self));
  double cw = self->page_w * self->zoom + 2 * MARGIN_PX;
  double ch = self->page_h * self->zoom + 2 * MARGIN_PX;

  if (cw <= width)
    *ox = (width - self->page_w * self->zoom) / 2;
  else
    *ox = MARGIN_PX - (self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0);
  if (ch <= height)
    *oy = (height - self->page_h * self->zoom) / 2;
  else
    *oy = MARGIN_PX - (self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0);
}

static void
widget_to_page (EylPageView *self,
                double       wx,
                double       wy,
                double      *px,
                double      *py)
{
  double ox, oy;

  page_origin (self, &ox, &oy);
  *px = (wx - ox) / self->zoom;
  *py = (wy - oy) / self->zoom;
}

void
eyl_page_view_page_to_widget (EylPageView *self,
                              double       px,
                              double       py,
                              double      *wx,
                              double      *wy)
{
  double ox, oy;

  g_return_if_fail (EYL_IS_PAGE_VIEW (self));

  page_origin (self, &ox, &oy);
  *wx = ox + px * self->zoom;
  *wy = oy + py * self->zoom;
}

gboolean
eyl_page_view_get_visible_rect (EylPageView *self,
                                EylRect     *rect)
{
  double x0, y0, x1, y1;

  g_return_val_if_fail (EYL_IS_PAGE_VIEW (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (!has_page (self))
    return FALSE;
  widget_to_page (self, 0, 0, &x0, &y0);
  widget_to_page (self, gtk_widget_get_width (GTK_WIDGET (self)),
                  gtk_widget_get_height (GTK_WIDGET (self)), &x1, &y1);
  rect->x0 = MAX (0, x0);
  rect->y0 = MAX (0, y0);
  rect->x1 = MIN (self->page_w, x1);
  rect->y1 = MIN (self->page_h, y1);
  return !eyl_rect_is_empty (rect);
}

/* ------------------------------------------------------------------ */
/* Rendering in a worker process                                        */

/* Poppler runs in a worker process with the check's limits, never here
 * (DESIGN.md "Isolation"): a page that hangs or blows up the engine
 * costs its render, and closing the document kills the worker. */
typedef struct
{
  EylPageView *self; /* owned */
  guint        serial;
  char        *path;
  guint        page_index;
  double       scale; /* device px per pt asked for */
  char        *png;   /* the worker's output, removed once read */
} RenderJob;

static void
render_job_free (RenderJob *job)
{
  if (job->png != NULL)
    g_unlink (job->png);
  g_free (job->png);
  g_free (job->path);
  g_clear_object (&job->self);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RenderJob, render_job_free)

/* A worker configuration for one render: the window's limits and
 * environment, this document's password. */
static EylWorkerConfig *
render_config (EylPageView *self)
{
  EylWorkerConfig *config = eyl_worker_config_new (self->worker->exe);

  config->timeout_s = self->worker->timeout_s;
  config->memory_mb = self->worker->memory_mb;
  config->env = g_strdupv (self->worker->env);
  config->password = g_strdup (self->password);
  return config;
}

/* Starts a worker rendering @area of the current page at @scale into a
 * new private PNG file.  @callback gets @task (which then owns the job)
 * or, without a task, the RenderJob as user data. */
static gboolean
start_render (EylPageView        *self,
              const EylRect      *area,
              double              scale,
              GCancellable       *cancellable,
              GAsyncReadyCallback callback,
              GTask              *task,
              RenderJob         **out_job,
              GError            **error)
{
  g_autoptr(EylWorkerConfig) config = NULL;
  g_autoptr(RenderJob) job = g_new0 (RenderJob, 1);
  int fd;

  if (self->worker == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("No worker program to render the page with."));
      return FALSE;
    }
  fd = g_file_open_tmp ("eyeline-page-XXXXXX.png", &job->png, error);
  if (fd < 0)
    return FALSE;
  close (fd);
  job->self = g_object_ref (self);
  job->path = g_strdup (self->path);
  job->page_index = self->page_index;
  job->scale = scale;
  config = render_config (self);
  *out_job = job;
  if (task != NULL)
    {
      g_task_set_task_data (task, g_steal_pointer (&job), (GDestroyNotify) render_job_free);
      eyl_worker_render_page_async (config, self->path, self->page_index, area, scale,
                                    (*out_job)->png, cancellable, callback, g_object_ref (task));
    }
  else
    eyl_worker_render_page_async (config, self->path, self->page_index, area, scale,
                                  (*out_job)->png, cancellable, callback,
                                  g_steal_pointer (&job));
  return TRUE;
}

/* The rendered page through the core's simulation of the deficiency (the
 * one the cvd-low-contrast rule uses), as a new texture. */
static void
update_cvd_texture (EylPageView *self)
{
  cairo_surface_t *surface;
  GBytes          *bytes;
  int              width, height, stride;

  g_clear_object (&self->cvd_texture);
  if (self->texture == NULL || self->cvd < 0 || self->cvd >= EYL_CVD_N)
    return;
  width = gdk_texture_get_width (self->texture);
  height = gdk_texture_get_height (self->texture);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  stride = cairo_image_surface_get_stride (surface);
  /* GDK_MEMORY_DEFAULT is Cairo's ARGB32: premultiplied, native order. */
  gdk_texture_download (self->texture, cairo_image_surface_get_data (surface), stride);
  cairo_surface_mark_dirty (surface);
  eyl_cvd_simulate_surface (self->cvd, surface);
  cairo_surface_flush (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  self->cvd_texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
  g_bytes_unref (bytes);
}

static void
render_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RenderJob) job = user_data;
  EylPageView *self = job->self;
  g_autoptr(EylFileResult) file_result = eyl_worker_render_page_finish (result);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  if (job->serial != self->render_serial)
    return;
  g_clear_object (&self->render_cancellable);
  if (!file_result->ok)
    {
      if (file_result->error_code != EYL_ERROR_CANCELLED)
        g_message ("Cannot render page %u: %s", job->page_index + 1,
                   file_result->error_message);
      return;
    }
  texture = gdk_texture_new_from_filename (job->png, &error);
  if (texture == NULL)
    {
      g_message ("Cannot read the rendered page %u: %s", job->page_index + 1, error->message);
      return;
    }
  self->n_renders++;
  g_set_object (&self->texture, texture);
  self->texture_scale = job->scale;
  update_cvd_texture (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RENDERED]);
}

static double
wanted_scale (EylPageView *self)
{
  double scale = self->zoom * gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double pixels = self->page_w * self->page_h * scale * scale;

  if (pixels > MAX_RENDER_PIXELS)
    scale *= sqrt (MAX_RENDER_PIXELS / pixels);
  return scale;
}

static gboolean
render_timeout_cb (gpointer user_data)
{
  EylPageView *self = user_data;
  g_autoptr(GError) error = NULL;
  RenderJob *job = NULL;
  EylRect    page;

  self->render_timeout = 0;
  if (self->path == NULL || !has_page (self) ||
      (self->zoom_pending && self->zoom_mode != EYL_ZOOM_FREE))
    return G_SOURCE_REMOVE;

  if (self->render_cancellable != NULL)
    g_cancellable_cancel (self->render_cancellable);
  g_clear_object (&self->render_cancellable);
  self->render_cancellable = g_cancellable_new ();

  page = (EylRect) { 0, 0, self->page_w, self->page_h };
  if (!start_render (self, &page, wanted_scale (self), self->render_cancellable,
                     render_done, NULL, &job, &error))
    {
      g_message ("Cannot render page %u: %s", self->page_index + 1, error->message);
      return G_SOURCE_REMOVE;
    }
  job->serial = ++self->render_serial;
  return G_SOURCE_REMOVE;
}

/* A new render when the texture is too coarse or much too fine for the
 * current zoom; cancels the one running. */
static void
queue_render (EylPageView *self,
              gboolean     force)
{
  double scale;

  if (self->path == NULL || !has_page (self) || !gtk_widget_get_realized (GTK_WIDGET (self)))
    return;
  if (self->zoom_pending && self->zoom_mode != EYL_ZOOM_FREE)
    return;
  scale = wanted_scale (self);
  if (!force && self->texture != NULL &&
      self->texture_scale >= scale * 0.99 && self->texture_scale <= scale * 1.5)
    return;
  g_clear_handle_id (&self->render_timeout, g_source_remove);
  self->render_timeout = g_timeout_add (self->texture == NULL ? 0 : RENDER_DELAY_MS,
                                        render_timeout_cb, self);
}

static void
cancel_render (EylPageView *self)
{
  g_clear_handle_id (&self->render_timeout, g_source_remove);
  if (self->render_cancellable != NULL)
    g_cancellable_cancel (self->render_cancellable);
  g_clear_object (&self->render_cancellable);
  self->render_serial++;
}

/* ------------------------------------------------------------------ */
/* Region → PNG ("Mark logo")                                           */

static void
region_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RenderJob *job = g_task_get_task_data (task);
  g_autoptr(EylFileResult) file_result = eyl_worker_render_page_finish (result);

  if (!file_result->ok)
    {
      g_task_return_new_error (task, EYL_ERROR, file_result->error_code, "%s",
                               file_result->error_message);
      return;
    }
  /* The caller owns the file now. */
  g_task_return_pointer (task, g_steal_pointer (&job->png), g_free);
}

void
eyl_page_view_save_region_png_async (EylPageView        *self,
                                     const EylRect      *region,
                                     GCancellable       *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  RenderJob *job = NULL;
  double     longest;

  g_return_if_fail (EYL_IS_PAGE_VIEW (self));
  g_return_if_fail (region != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, eyl_page_view_save_region_png_async);
  if (self->path == NULL || eyl_rect_is_empty (region))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("Nothing is marked."));
      return;
    }
  longest = MAX (eyl_rect_width (region), eyl_rect_height (region));
  if (!start_render (self, region, MIN (REGION_PPI / 72.0, REGION_MAX_PX / longest),
                     cancellable, region_done, task, &job, &error))
    g_task_return_error (task, g_steal_pointer (&error));
}

char *
eyl_page_view_save_region_png_finish (EylPageView  *self,
                                      GAsyncResult *result,
                                      GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */
/* Scrolling                                                            */

static void
adjustment_value_changed (GtkAdjustment *adjustment,
                          EylPageView   *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (EylPageView    *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (adjustment != NULL && *slot == adjustment)
    return;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, adjustment_value_changed, self);
      g_clear_object (slot);
    }
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect (adjustment, "value-changed", G_CALLBACK (adjustment_value_changed), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         content,
                      double         view,
                      double         value)
{
  double upper = MAX (content, view);

  gtk_adjustment_configure (adjustment,
                            CLAMP (value, 0, upper - view),
                            0, upper,
                            view * 0.1, view * 0.9, view);
}

static gboolean
notify_zoom_cb (gpointer user_data)
{
  EylPageView *self = user_data;

  self->notify_zoom_idle = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  return G_SOURCE_REMOVE;
}

static void
eyl_page_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  EylPageView *self = EYL_PAGE_VIEW (widget);
  double       old_zoom = self->zoom;
  double       hvalue, vvalue, cw, ch;

  if (self->zoom_mode != EYL_ZOOM_FREE)
    self->zoom = fit_zoom (self, self->zoom_mode, width, height);
  if (has_page (self))
    self->zoom_pending = FALSE;

  cw = self->page_w * self->zoom + 2 * MARGIN_PX;
  ch = self->page_h * self->zoom + 2 * MARGIN_PX;
  hvalue = gtk_adjustment_get_value (self->hadjustment);
  vvalue = gtk_adjustment_get_value (self->vadjustment);

  if (self->anchor_set)
    {
      hvalue = MARGIN_PX + self->anchor_px * self->zoom - self->anchor_wx;
      vvalue = MARGIN_PX + self->anchor_py * self->zoom - self->anchor_wy;
      self->anchor_set = FALSE;
    }
  if (self->scroll_pending && has_page (self))
    {
      EylRect *r = &self->scroll_rect;
      double   rx = MARGIN_PX + r->x0 * self->zoom, rw = eyl_rect_width (r) * self->zoom;
      double   ry = MARGIN_PX + r->y0 * self->zoom, rh = eyl_rect_height (r) * self->zoom;

      /* Centre the box; a box bigger than the view shows its top-left. */
      hvalue = rw < width ? rx + rw / 2 - width / 2.0 : rx - MARGIN_PX;
      vvalue = rh < height ? ry + rh / 2 - height / 2.0 : ry - MARGIN_PX;
      self->scroll_pending = FALSE;
    }

  g_signal_handlers_block_by_func (self->hadjustment, adjustment_value_changed, self);
  g_signal_handlers_block_by_func (self->vadjustment, adjustment_value_changed, self);
  configure_adjustment (self->hadjustment, cw, width, hvalue);
  configure_adjustment (self->vadjustment, ch, height, vvalue);
  g_signal_handlers_unblock_by_func (self->hadjustment, adjustment_value_changed, self);
  g_signal_handlers_unblock_by_func (self->vadjustment, adjustment_value_changed, self);

  /* Not from here: a handler resizing other widgets (the zoom label)
   * during the allocation phase would leave them unallocated. */
  if (old_zoom != self->zoom && self->notify_zoom_idle == 0)
    self->notify_zoom_idle = g_idle_add (notify_zoom_cb, self);
  queue_render (self, FALSE);
}

/* The content size, so that GtkScrolledWindow knows before allocating
 * whether it needs scrollbars (finding out during the allocation would
 * resize it in the middle of the layout). */
static void
eyl_page_view_measure (GtkWidget     *widget,
                       GtkOrientation orientation,
                       int            for_size,
                       int           *minimum,
                       int           *natural,
                       int           *minimum_baseline,
                       int           *natural_baseline)
{
  EylPageView *self = EYL_PAGE_VIEW (widget);
  double       size = 1;

  if (has_page (self))
    {
      if (self->zoom_mode == EYL_ZOOM_FREE)
        size = (orientation == GTK_ORIENTATION_HORIZONTAL ? self->page_w : self->page_h) *
                   self->zoom +
               2 * MARGIN_PX;
      else if (self->zoom_mode == EYL_ZOOM_FIT_WIDTH && orientation == GTK_ORIENTATION_VERTICAL &&
               for_size > 0)
        size = self->page_h * fit_zoom (self, EYL_ZOOM_FIT_WIDTH, for_size, G_MAXINT / 4) +
               2 * MARGIN_PX;
    }
  *minimum = *natural = (int) ceil (size);
}

/* ------------------------------------------------------------------ */
/* Drawing                                                              */

static void
eyl_page_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  EylPageView    *self = EYL_PAGE_VIEW (widget);
  int             width = gtk_widget_get_width (widget);
  int             height = gtk_widget_get_height (widget);
  graphene_rect_t page_rect, visible, clip;
  GskRoundedRect  outline;
  double          ox, oy;

  if (!has_page (self))
    return;

  page_origin (self, &ox, &oy);
  page_rect = GRAPHENE_RECT_INIT (ox, oy, self->page_w * self->zoom, self->page_h * self->zoom);
  visible = GRAPHENE_RECT_INIT (0, 0, width, height);

  gsk_rounded_rect_init_from_rect (&outline, &page_rect, 0);
  gtk_snapshot_append_outset_shadow (snapshot, &outline,
                                     &(GdkRGBA) { 0, 0, 0, 0.25 }, 0, 1, 0, 6);
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 }, &page_rect);
  if (self->cvd_texture != NULL)
    gtk_snapshot_append_texture (snapshot, self->cvd_texture, &page_rect);
  else if (self->texture != NULL)
    gtk_snapshot_append_texture (snapshot, self->texture, &page_rect);
  if (self->layer != NULL)
    gtk_snapshot_append_texture (snapshot, self->layer,
                                 &GRAPHENE_RECT_INIT (ox + self->layer_rect.x0 * self->zoom,
                                                      oy + self->layer_rect.y0 * self->zoom,
                                                      eyl_rect_width (&self->layer_rect) * self->zoom,
                                                      eyl_rect_height (&self->layer_rect) * self->zoom));

  if (self->analysis != NULL && self->layers != 0 &&
      graphene_rect_intersection (&page_rect, &visible, &clip))
    {
      EylOverlayOptions options;
      cairo_t          *cr;

      eyl_overlay_options_init (&options);
      options.layers = self->layers;
      options.px_per_pt = self->zoom;
      options.highlighted_finding = self->selected_finding;
      options.hovered_element = self->hovered_element;
      options.inches = self->inches;

      cr = gtk_snapshot_append_cairo (snapshot, &clip);
      cairo_translate (cr, ox, oy);
      cairo_scale (cr, self->zoom, self->zoom);
      eyl_overlay_paint (cr, self->analysis, &options);
      cairo_destroy (cr);
    }

  if (self->dragging && self->marking)
    {
      graphene_rect_t band = GRAPHENE_RECT_INIT (MIN (self->drag_x0, self->drag_x1),
                                                 MIN (self->drag_y0, self->drag_y1),
                                                 fabs (self->drag_x1 - self->drag_x0),
                                                 fabs (self->drag_y1 - self->drag_y0));
      GskRoundedRect  r;
      GdkRGBA         accent = { 0.21, 0.52, 0.89, 1 };
      GdkRGBA         fill = { 0.21, 0.52, 0.89, 0.15 };

      gtk_snapshot_append_color (snapshot, &fill, &band);
      gsk_rounded_rect_init_from_rect (&r, &band, 0);
      gtk_snapshot_append_border (snapshot, &r, (float[4]) { 2, 2, 2, 2 },
                                  (GdkRGBA[4]) { accent, accent, accent, accent });
    }
}

/* ------------------------------------------------------------------ */
/* Input                                                                */

static void
zoom_at (EylPageView *self,
         double       zoom,
         double       wx,
         double       wy)
{
  double px, py;

  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  if (!has_page (self) || zoom == self->zoom)
    return;
  widget_to_page (self, wx, wy, &px, &py);
  self->anchor_set = TRUE;
  self->anchor_px = px;
  self->anchor_py = py;
  self->anchor_wx = wx;
  self->anchor_wy = wy;
  self->zoom_mode = EYL_ZOOM_FREE;
  self->zoom = zoom;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM_MODE]);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           EylPageView              *self)
{
  GdkModifierType state;
  GdkEvent       *event;
  double          x = 0, y = 0;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  if (!(state & GDK_CONTROL_MASK) || dy == 0)
    return FALSE;
  event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  if (event != NULL && gdk_event_get_position (event, &x, &y))
    {
      graphene_point_t p;
      GtkNative       *native = gtk_widget_get_native (GTK_WIDGET (self));
      double           nx = 0, ny = 0;

      /* The event is in surface coordinates of the native. */
      gtk_native_get_surface_transform (native, &nx, &ny);
      if (gtk_widget_compute_point (GTK_WIDGET (native), GTK_WIDGET (self),
                                    &GRAPHENE_POINT_INIT (x - nx, y - ny), &p))
        {
          x = p.x;
          y = p.y;
        }
    }
  else
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  zoom_at (self, self->zoom * pow (ZOOM_STEP, -dy), x, y);
  return TRUE;
}

static void
zoom_begin_cb (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               EylPageView      *self)
{
  self->zoom_gesture_start = self->zoom;
}

static void
zoom_scale_changed_cb (GtkGestureZoom *gesture,
                       double          scale,
                       EylPageView    *self)
{
  double cx, cy;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &cx, &cy))
    {
      cx = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      cy = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  zoom_at (self, self->zoom_gesture_start * scale, cx, cy);
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               EylPageView    *self)
{
  if (!has_page (self))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  self->dragging = TRUE;
  self->drag_x0 = self->drag_x1 = x;
  self->drag_y0 = self->drag_y1 = y;
  self->drag_start_h = gtk_adjustment_get_value (self->hadjustment);
  self->drag_start_v = gtk_adjustment_get_value (self->vadjustment);
  if (!self->marking)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                EylPageView    *self)
{
  self->drag_x1 = self->drag_x0 + dx;
  self->drag_y1 = self->drag_y0 + dy;
  if (self->marking)
    gtk_widget_queue_draw (GTK_WIDGET (self));
  else
    {
      gtk_adjustment_set_value (self->hadjustment, self->drag_start_h - dx);
      gtk_adjustment_set_value (self->vadjustment, self->drag_start_v - dy);
    }
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             EylPageView    *self)
{
  double x0, y0, x1, y1;

  if (!self->dragging)
    return;
  self->dragging = FALSE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), self->marking ? "crosshair" : NULL);

  if (self->marking)
    {
      widget_to_page (self, MIN (self->drag_x0, self->drag_x1), MIN (self->drag_y0, self->drag_y1),
                      &x0, &y0);
      widget_to_page (self, MAX (self->drag_x0, self->drag_x1), MAX (self->drag_y0, self->drag_y1),
                      &x1, &y1);
      x0 = CLAMP (x0, 0, self->page_w);
      x1 = CLAMP (x1, 0, self->page_w);
      y0 = CLAMP (y0, 0, self->page_h);
      y1 = CLAMP (y1, 0, self->page_h);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      /* A click is not a region: at least 4 px on screen. */
      if ((x1 - x0) * self->zoom >= 4 && (y1 - y0) * self->zoom >= 4)
        g_signal_emit (self, signals[REGION_MARKED], 0, x0, y0, x1, y1);
    }
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   EylPageView     *self)
{
  EylOverlayOptions options;
  double            px, py;
  int               finding;

  if (self->choosing_panel)
    {
      eyl_page_view_activate_point (self, x, y);
      return;
    }
  if (self->analysis == NULL || self->marking || !(self->layers & EYL_OVERLAY_FINDINGS))
    return;
  eyl_overlay_options_init (&options);
  options.layers = self->layers;
  options.px_per_pt = self->zoom;
  widget_to_page (self, x, y, &px, &py);
  finding = eyl_overlay_hit_test_marker (self->analysis, &options, px, py);
  if (finding >= 0)
    g_signal_emit (self, signals[FINDING_ACTIVATED], 0, finding);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           EylPageView              *self)
{
  double px, py;
  int    element = -1;

  if (self->analysis != NULL && self->layers != 0)
    {
      widget_to_page (self, x, y, &px, &py);
      element = eyl_overlay_hit_test (self->analysis, px, py);
    }
  if (element != self->hovered_element)
    {
      self->hovered_element = element;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (GtkEventControllerMotion *controller,
          EylPageView              *self)
{
  if (self->hovered_element != -1)
    {
      self->hovered_element = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* What the tooltip says about the element at widget point @x, @y: its
 * kind and text, height above the floor, cap height, and for what share
 * of viewers it is hidden or at eye level.  NULL where there is none. */
char *
eyl_page_view_describe_point (EylPageView *self,
                              double       x,
                              double       y)
{
  g_autoptr(GString) text = NULL;
  g_autofree char *escaped = NULL, *bottom = NULL, *top = NULL;
  EylElement      *element;
  double           px, py;
  int              index;

  g_return_val_if_fail (EYL_IS_PAGE_VIEW (self), NULL);

  /* Hover names an element whatever the layers: the calm overlay draws
   * no boxes, and the tooltip is how one learns what is where. */
  if (self->analysis == NULL || self->analysis->elements == NULL || self->marking ||
      self->layers == 0)
    return NULL;
  widget_to_page (self, x, y, &px, &py);
  index = eyl_overlay_hit_test (self->analysis, px, py);
  if (index < 0 || (guint) index >= self->analysis->elements->len)
    return NULL;
  element = g_ptr_array_index (self->analysis->elements, index);

  text = g_string_new (NULL);
  escaped = g_markup_escape_text (element->text != NULL ? element->text : "", -1);
  g_string_append_printf (text, "<b>%s</b>", eyl_overlay_kind_label (element->kind));
  if (escaped[0] != '\0')
    g_string_append_printf (text, "  %s", escaped);
  bottom = eyl_format_length (element->floor_bottom_mm, self->inches);
  top = eyl_format_length (element->floor_top_mm, self->inches);
  g_string_append_c (text, '\n');
  /* Translators: "86 mm – 132 mm above the floor" */
  g_string_append_printf (text, _("%s – %s above the floor"), bottom, top);
  if (element->cap_height_mm > 0)
    {
      g_autofree char *cap = eyl_format_length (element->cap_height_mm, self->inches);

      g_string_append_c (text, '\n');
      /* Translators: the height of capital letters on the printed material */
      g_string_append_printf (text, _("Cap height %s"), cap);
    }
  g_string_append_c (text, '\n');
  if (element->hidden_fraction > 0.005)
    /* Translators: "Hidden for 86 % of viewers" */
    g_string_append_printf (text, _("Hidden for %.0f %% of viewers"), element->hidden_fraction * 100);
  else
    g_string_append (text, _("Visible to every viewer"));
  g_string_append_c (text, '\n');
  /* Translators: share of viewers for whom the element is in their eye-level zone */
  g_string_append_printf (text, _("At eye level for %.0f %% of viewers"), element->eye_zone_fraction * 100);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
eyl_page_view_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard_mode,
                             GtkTooltip *tooltip)
{
  g_autofree char *markup = eyl_page_view_describe_point (EYL_PAGE_VIEW (widget), x, y);

  if (markup == NULL)
    return FALSE;
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* GObject                                                              */

static void
eyl_page_view_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (eyl_page_view_parent_class)->realize (widget);
  queue_render (EYL_PAGE_VIEW (widget), TRUE);
}

static void
scale_factor_changed (EylPageView *self)
{
  queue_render (self, FALSE);
}

static void
eyl_page_view_dispose (GObject *object)
{
  EylPageView *self = (EylPageView *) object;

  cancel_render (self);
  g_clear_handle_id (&self->notify_zoom_idle, g_source_remove);
  g_clear_object (&self->texture);
  g_clear_object (&self->cvd_texture);
  g_clear_object (&self->layer);
  g_clear_pointer (&self->analysis, eyl_page_analysis_unref);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_value_changed, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_value_changed, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (eyl_page_view_parent_class)->dispose (object);
}

static void
eyl_page_view_finalize (GObject *object)
{
  EylPageView *self = (EylPageView *) object;

  g_free (self->path);
  g_clear_pointer (&self->worker, eyl_worker_config_unref);
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);

  G_OBJECT_CLASS (eyl_page_view_parent_class)->finalize (object);
}

static void
eyl_page_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  EylPageView *self = EYL_PAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_ZOOM_MODE:
      g_value_set_int (value, self->zoom_mode);
      break;
    case PROP_RENDERED:
      g_value_set_boolean (value, self->texture != NULL);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eyl_page_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  EylPageView *self = EYL_PAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      eyl_page_view_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_ZOOM_MODE:
      eyl_page_view_set_zoom_mode (self, g_value_get_int (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
eyl_page_view_class_init (EylPageViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = eyl_page_view_dispose;
  object_class->finalize = eyl_page_view_finalize;
  object_class->get_property = eyl_page_view_get_property;
  object_class->set_property = eyl_page_view_set_property;

  widget_class->measure = eyl_page_view_measure;
  widget_class->size_allocate = eyl_page_view_size_allocate;
  widget_class->snapshot = eyl_page_view_snapshot;
  widget_class->realize = eyl_page_view_realize;
  widget_class->query_tooltip = eyl_page_view_query_tooltip;

  properties[PROP_ZOOM] =
      g_param_spec_double ("zoom", NULL, NULL, MIN_ZOOM, MAX_ZOOM, 1.0,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM_MODE] =
      g_param_spec_int ("zoom-mode", NULL, NULL, EYL_ZOOM_FIT_PAGE, EYL_ZOOM_FREE, EYL_ZOOM_FIT_PAGE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RENDERED] =
      g_param_spec_boolean ("rendered", NULL, NULL, FALSE,
                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * EylPageView::region-marked:
   *
   * A rectangle was dragged in "Mark logo" mode (page pt).
   */
  signals[REGION_MARKED] =
      g_signal_new ("region-marked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                    0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                    G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  /**
   * EylPageView::finding-activated:
   *
   * A finding's numbered marker was clicked.
   */
  signals[FINDING_ACTIVATED] =
      g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  signals[PANEL_CLICKED] =
      g_signal_new ("panel-clicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_css_name (widget_class, "eyl-page-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
eyl_page_view_init (EylPageView *self)
{
  GtkEventController *controller;
  GtkGesture         *gesture;

  self->zoom = 1.0;
  self->zoom_mode = EYL_ZOOM_FIT_PAGE;
  self->layers = EYL_OVERLAY_EYE_LEVEL | EYL_OVERLAY_HIDDEN | EYL_OVERLAY_ELEMENTS |
                 EYL_OVERLAY_FINDINGS;
  self->selected_finding = -1;
  self->hovered_element = -1;
  self->cvd = -1;
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Page"), -1);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  g_signal_connect (gesture, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_changed), NULL);
}

GtkWidget *
eyl_page_view_new (void)
{
  return g_object_new (EYL_TYPE_PAGE_VIEW, NULL);
}

/* ------------------------------------------------------------------ */
/* API                                                                  */

static void
page_size_from_analysis (EylPageView     *self,
                         EylPageAnalysis *analysis)
{
  if (analysis == NULL)
    return;
  if (analysis->page_w_pt > 0 && analysis->page_h_pt > 0)
    {
      self->page_w = analysis->page_w_pt;
      self->page_h = analysis->page_h_pt;
    }
  else if (analysis->width_pt > 0 && analysis->height_pt > 0)
    {
      self->page_w = analysis->width_pt;
      self->page_h = analysis->height_pt;
    }
}

void
eyl_page_view_set_page (EylPageView     *self,
                        const char      *path,
                        const char      *password,
                        guint            page_index,
                        EylPageAnalysis *analysis)
{
  gboolean same;

  g_return_if_fail (EYL_IS_PAGE_VIEW (self));

  same = g_strcmp0 (path, self->path) == 0 && page_index == self->page_index &&
         g_strcmp0 (password, self->password) == 0;
  eyl_page_view_set_analysis (self, analysis);
  if (same && (path == NULL || self->texture != NULL || self->render_cancellable != NULL))
    return;

  cancel_render (self);
  g_clear_object (&self->texture);
  g_clear_object (&self->cvd_texture);
  /* A layer belongs to the page it was made for. */
  g_clear_object (&self->layer);
  g_free (self->path);
  self->path = g_strdup (path);
  g_free (self->password);
  self->password = g_strdup (password);
  self->page_index = page_index;
  self->selected_finding = -1;
  self->page_w = self->page_h = 0;
  page_size_from_analysis (self, analysis);
  if (self->zoom_mode == EYL_ZOOM_FREE)
    self->zoom_mode = EYL_ZOOM_FIT_PAGE;
  self->zoom_pending = TRUE;
  gtk_adjustment_set_value (self->hadjustment, 0);
  gtk_adjustment_set_value (self->vadjustment, 0);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RENDERED]);
  queue_render (self, TRUE);
}

void
eyl_page_view_set_analysis (EylPageView     *self,
                            EylPageAnalysis *analysis)
{
  g_return_if_fail (EYL_IS_PAGE_VIEW (self));

  if (analysis == self->analysis)
    return;
  if (analysis != NULL)
    eyl_page_analysis_ref (analysis);
  g_clear_pointer (&self->analysis, eyl_page_analysis_unref);
  self->analysis = analysis;
  self->selected_finding = -1;
  self->hovered_element = -1;
  if (!has_page (self))
    {
      page_size_from_analysis (self, analysis);
      self->zoom_pending = TRUE;
      gtk_widget_queue_resize (GTK_WIDGET (self));
      queue_render (self, TRUE);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

EylPageAnalysis *
eyl_page_view_get_analysis (EylPageView *self)
{
  g_return_val_if_fail (EYL_IS_PAGE_VIEW (self), NULL);
  return self->analysis;
}

void
eyl_page_view_set_layers (EylPageView     *self,
                          EylOverlayLayers layers)
{
  g_return_if_fail (EYL_IS_PAGE_VIEW (self));

  if (self->layers == layers)
    return;
  self->layers = layers;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

EylOverlayLayers
eyl_page_view_get_layers (EylPageView *self)
{
  g_return_val_if_fail (EYL_IS_PAGE_VIEW (self), 0);
  return self->layers;
}

void
eyl_page_view_set_inches (EylPageView *self,
                          gboolean     inches)
{
  g_return_if_fail (EYL_IS_PAGE_VIEW (self));
  self->inches = !!inches;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
eyl_page_view_get_zoom (EylPageView *self)
{
  g_return_val_if_fail (EYL_IS_PAGE_VIEW (self), 1.0);
  return self->zoom;
}

void
eyl_page_view_set_zoom (EylPageView *self,
                        double       zoom)
{
  g_return_if_fail (EYL_IS_PAGE_VIEW (self));
  zoom_at (self, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
           gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

EylZoomMode
eyl_page_view_get_zoom_mode (EylPageView *self)
{
  g_return_val_if_fail (EYL_IS_PAGE_VIEW (self), EYL_ZOOM_FIT_PAGE);
  return self->zoom_mode;
}

void
eyl_page_view_set_zoom_mode (EylPageView *self,
                             EylZoomMode  mode)
{
  g_return_if_fail (EYL_IS_PAGE_VIEW (self));

  if (self->zoom_mode == mode)
    return;
  self->zoom_mode = mode;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM_MODE]);
}

void
eyl_page_view_zoom_in (EylPageView *self)
{
  eyl_page_view_set_zoom (self, eyl_page_view_get_zoom (self) * ZOOM_STEP);
}

void
eyl_page_view_zoom_out (EylPageView *self)
{
  eyl_page_view_set_zoom (self, eyl_page_view_get_zoom (self) / ZOOM_STEP);
}

void
eyl_page_view_select_finding (EylPageView *self,
                              int          index)
{
  g_return_if_fail (EYL_IS_PAGE_VIEW (self));

  if (self->analysis == NULL || index < 0 || (guint) index >= self->analysis->findings->len)
    index = -1;
  self->selected_finding = index;
  if (index >= 0)
    {
      EylFinding *finding = g_ptr_array_index (self->analysis->findings, index);

      if (!eyl_rect_is_empty (&finding->box))
        {
          self->scroll_rect = finding->box;
          self->scroll_pending = TRUE;
          gtk_widget_queue_allocate (GTK_WIDGET (self));
        }
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
eyl_page_view_get_selected_finding (EylPageView *self)
{
  g_return_val_if_fail (EYL_IS_PAGE_VIEW (self), -1);
  return self->selected_finding;
}

gboolean
eyl_page_view_is_rendered (EylPageView *self)
{
  g_return_val_if_fail (EYL_IS_PAGE_VIEW (self), FALSE);
  return self->texture != NULL;
}

void
eyl_page_view_set_marking (EylPageView *self,
                           gboolean     marking)
{
  g_return_if_fail (EYL_IS_PAGE_VIEW (self));

  self->marking = !!marking;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), marking ? "crosshair" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
eyl_page_view_get_marking (EylPageView *self)
{
  g_return_val_if_fail (EYL_IS_PAGE_VIEW (self), FALSE);
  return self->marking;
}

void
eyl_page_view_set_worker_config (EylPageView     *self,
                                 EylWorkerConfig *config)
{
  g_return_if_fail (EYL_IS_PAGE_VIEW (self));

  if (config != NULL)
    eyl_worker_config_ref (config);
  g_clear_pointer (&self->worker, eyl_worker_config_unref);
  self->worker = config;
}

guint
eyl_page_view_get_n_renders (EylPageView *self)
{
  g_return_val_if_fail (EYL_IS_PAGE_VIEW (self), 0);
  return self->n_renders;
}

const char *
eyl_page_view_get_path (EylPageView *self)
{
  g_return_val_if_fail (EYL_IS_PAGE_VIEW (self), NULL);
  return self->path;
}

GdkTexture *
eyl_page_view_get_texture (EylPageView *self)
{
  g_return_val_if_fail (EYL_IS_PAGE_VIEW (self), NULL);
  return self->texture;
}

void
eyl_page_view_set_cvd (EylPageView *self,
                       int          cvd)
{
  g_return_if_fail (EYL_IS_PAGE_VIEW (self));

  if (cvd < 0 || cvd >= EYL_CVD_N)
    cvd = -1;
  if (cvd == self->cvd)
    return;
  self->cvd = cvd;
  update_cvd_texture (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
eyl_page_view_get_cvd (EylPageView *self)
{
  g_return_val_if_fail (EYL_IS_PAGE_VIEW (self), -1);
  return self->cvd;
}

GdkTexture *
eyl_page_view_get_shown_texture (EylPageView *self)
{
  g_return_val_if_fail (EYL_IS_PAGE_VIEW (self), NULL);
  return self->cvd_texture != NULL ? self->cvd_texture : self->texture;
}

void
eyl_page_view_set_layer (EylPageView   *self,
                         GdkTexture    *layer,
                         const EylRect *rect)
{
  g_return_if_fail (EYL_IS_PAGE_VIEW (self));
  g_return_if_fail (layer == NULL || rect != NULL);

  g_set_object (&self->layer, layer);
  if (layer != NULL)
    self->layer_rect = *rect;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GdkTexture *
eyl_page_view_get_layer (EylPageView *self,
                         EylRect     *rect)
{
  g_return_val_if_fail (EYL_IS_PAGE_VIEW (self), NULL);
  if (rect != NULL && self->layer != NULL)
    *rect = self->layer_rect;
  return self->layer;
}

void
eyl_page_view_set_choosing_panel (EylPageView *self,
                                  gboolean     choosing)
{
  g_return_if_fail (EYL_IS_PAGE_VIEW (self));

  self->choosing_panel = choosing;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), choosing ? "pointer" : NULL);
}

gboolean
eyl_page_view_get_choosing_panel (EylPageView *self)
{
  g_return_val_if_fail (EYL_IS_PAGE_VIEW (self), FALSE);
  return self->choosing_panel;
}

gboolean
eyl_page_view_activate_point (EylPageView *self,
                              double       x,
                              double       y)
{
  const EylPackaging *pack;
  double              px, py;
  int                 panel;

  g_return_val_if_fail (EYL_IS_PAGE_VIEW (self), FALSE);

  if (!self->choosing_panel || self->analysis == NULL)
    return FALSE;
  pack = self->analysis->packaging;
  if (pack == NULL || pack->panels == NULL || pack->panels->len < 2)
    return FALSE;
  widget_to_page (self, x, y, &px, &py);
  panel = eyl_panels_find (pack->panels, px, py);
  if (panel < 0)
    return FALSE;
  g_signal_emit (self, signals[PANEL_CLICKED], 0, panel);
  return TRUE;
}
