/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-render-cache.c: regions of a page replayed from one recording per
 * scale (see eyl-render-cache.h). */
#include "config.h"

#define G_LOG_DOMAIN "eyl-render-cache"

#include <math.h>

#include "eyl-render-cache.h"
#include "eyl-stage.h"

/* The most pixels a recording may cover at its scale.  A recording holds
 * the page's images at the size they are drawn (at most their own) and
 * Poppler may draw a soft mask through an image of the whole area: 32 Mpx
 * is 128 MB at worst.  Regions beyond it are recorded apart, and one
 * larger by itself is rendered by itself, as it always was. */
#define RECORD_MAX_PIXELS (32.0 * 1000 * 1000)
/* Beyond RECORD_NEAR_PIXELS (what one render of several candidates
 * covered before recordings), at most this many times the pixels of the
 * regions planned in it: Poppler draws soft masks and transparency groups
 * through images of the whole clip, so a pass over regions far apart can
 * cost more than a pass each (backdrop-mobileera-photowall's barcode
 * candidates: 2.5 × the time). */
#define RECORD_NEAR_PIXELS (8.0 * 1000 * 1000)
#define RECORD_MAX_SPREAD  3.0
/* The widest a recording of groups far apart may be, in pixels of its
 * scale: Cairo's coordinates stay well within their fixed-point range. */
#define RECORD_MAX_SIDE 32767.0

typedef struct
{
  EylRect          area;      /* page space: every region planned in it */
  double           coarsest;  /* the coarsest scale planned in it */
  double           scale;     /* the finest: what it is recorded at */
  double           area_pt2;  /* the regions' areas summed, pt² */
  GArray          *areas;     /* EylRect: the regions planned in it */
  cairo_surface_t *recording; /* may be shared with groups of its scale */
  gboolean         failed;    /* its regions are rendered by themselves */
} Group;

struct _EylRenderCache
{
  EylRenderer renderer;
  EylRect     page_rect;
  GArray     *groups; /* Group */
  guint       n_passes;
};

static double
pixels_at (const EylRect *area,
           double         scale)
{
  return eyl_rect_width (area) * eyl_rect_height (area) * scale * scale;
}

EylRenderCache *
eyl_render_cache_new (const EylRenderer *renderer,
                      const EylRect     *page_rect)
{
  EylRenderCache *self;

  g_return_val_if_fail (renderer != NULL, NULL);
  g_return_val_if_fail (page_rect != NULL, NULL);

  self = g_new0 (EylRenderCache, 1);
  self->renderer = *renderer;
  self->page_rect = *page_rect;
  self->groups = g_array_new (FALSE, TRUE, sizeof (Group));
  return self;
}

void
eyl_render_cache_free (EylRenderCache *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->groups->len; i++)
    {
      Group *g = &g_array_index (self->groups, Group, i);

      g_clear_pointer (&g->recording, cairo_surface_destroy);
      g_clear_pointer (&g->areas, g_array_unref);
    }
  g_array_unref (self->groups);
  g_free (self);
}

void
eyl_render_cache_plan (EylRenderCache *self,
                       const EylRect  *area_in,
                       double          scale,
                       double          finer)
{
  EylRect area;
  Group   group = { { 0 } };

  g_return_if_fail (self != NULL);
  g_return_if_fail (area_in != NULL);

  if (self->renderer.render == NULL || self->renderer.draw == NULL ||
      !eyl_rect_intersect (area_in, &self->page_rect, &area) || eyl_rect_is_empty (&area) ||
      !(scale > 0) || !isfinite (scale))
    return;
  scale = eyl_renderer_fit_scale (&self->renderer, &area, scale);

  for (guint i = 0; i < self->groups->len; i++)
    {
      Group  *g = &g_array_index (self->groups, Group, i);
      EylRect both = g->area;
      double  finest = MAX (g->scale, scale), coarsest = MIN (g->coarsest, scale);

      eyl_rect_union (&both, &area);
      if (finest <= finer * coarsest &&
          (pixels_at (&both, finest) <= RECORD_NEAR_PIXELS ||
           (pixels_at (&both, finest) <= RECORD_MAX_PIXELS &&
            pixels_at (&both, 1) <= RECORD_MAX_SPREAD * (g->area_pt2 + pixels_at (&area, 1)))))
        {
          g->area = both;
          g->scale = finest;
          g->coarsest = coarsest;
          g->area_pt2 += pixels_at (&area, 1);
          g_array_append_val (g->areas, area);
          return;
        }
    }
  if (pixels_at (&area, scale) > RECORD_MAX_PIXELS)
    return;
  group.area = area;
  group.scale = group.coarsest = scale;
  group.area_pt2 = pixels_at (&area, 1);
  group.areas = g_array_new (FALSE, FALSE, sizeof (EylRect));
  g_array_append_val (group.areas, area);
  g_array_append_val (self->groups, group);
}

/* The group @area at @scale was planned in, or NULL. */
static Group *
find_group (EylRenderCache *self,
            const EylRect  *area,
            double          scale)
{
  const double eps = 1e-9;

  for (guint i = 0; i < self->groups->len; i++)
    {
      Group *g = &g_array_index (self->groups, Group, i);

      if (scale >= g->coarsest * (1 - eps) && scale <= g->scale * (1 + eps) &&
          area->x0 >= g->area.x0 - eps && area->y0 >= g->area.y0 - eps &&
          area->x1 <= g->area.x1 + eps && area->y1 <= g->area.y1 + eps)
        return g;
    }
  return NULL;
}

/* @area snapped outwards to whole pixels of @scale: what a replay is
 * bit-identical to a render of. */
static EylRect
snap (const EylRect *area,
      double         scale)
{
  double x0 = floor (area->x0 * scale + 1e-6), y0 = floor (area->y0 * scale + 1e-6);
  double x1 = MAX (ceil (area->x1 * scale - 1e-6), x0 + 1);
  double y1 = MAX (ceil (area->y1 * scale - 1e-6), y0 + 1);

  return (EylRect) { x0 / scale, y0 / scale, x1 / scale, y1 / scale };
}

/* Whether @h may share the recording made for @g: both are at one scale
 * (so on one pixel grid; scales computed apart may differ in their last
 * bits), @h is not recorded yet, and the renderer says a clip around
 * regions far apart costs no more than one around each. */
static gboolean
can_share (const EylRenderCache *self,
           const Group          *g,
           const Group          *h)
{
  return self->renderer.wide_clips && h != g && !h->failed && h->recording == NULL &&
         fabs (h->scale - g->scale) <= 1e-12 * g->scale;
}

/* Whether @g is worth a recording: it holds several regions, or another
 * group at its scale will replay the same recording (regions far apart
 * at one scale: QR candidates at two corners of a poster). */
static gboolean
worth_recording (const EylRenderCache *self,
                 const Group          *g)
{
  if (g->areas->len >= 2 || g->recording != NULL)
    return TRUE;
  for (guint i = 0; i < self->groups->len; i++)
    if (can_share (self, g, &g_array_index (self->groups, Group, i)))
      return TRUE;
  return FALSE;
}

/* Poppler draws the whole page once into a recording of @g's area at its
 * scale, in pixels of that scale from the page's top left, clipped to
 * its regions; groups of the same scale far apart share it when they
 * can (can_share()): a pass decodes every image of the page whatever its
 * clip, and a replay on the same pixel grid is the same whatever other
 * regions the clip holds. */
static gboolean
record (EylRenderCache *self,
        Group          *g)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sharing = g_ptr_array_new ();
  double            s = g->scale;
  EylRect           all = g->area;
  int               x0, y0, x1, y1;
  cairo_rectangle_t extents;
  cairo_surface_t  *recording;
  cairo_t          *cr;
  gboolean          ok;

  g_ptr_array_add (sharing, g);
  for (guint i = 0; i < self->groups->len; i++)
    {
      Group  *h = &g_array_index (self->groups, Group, i);
      EylRect both = all;

      eyl_rect_union (&both, &h->area);
      if (can_share (self, g, h) && eyl_rect_width (&both) * s <= RECORD_MAX_SIDE &&
          eyl_rect_height (&both) * s <= RECORD_MAX_SIDE)
        {
          g_ptr_array_add (sharing, h);
          all = both;
        }
    }
  x0 = (int) floor (all.x0 * s);
  y0 = (int) floor (all.y0 * s);
  x1 = (int) ceil (all.x1 * s);
  y1 = (int) ceil (all.y1 * s);
  extents = (cairo_rectangle_t) { x0, y0, MAX (x1 - x0, 1), MAX (y1 - y0, 1) };

  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cr = cairo_create (recording);
  /* The regions, in whole pixels: nothing else of the page is kept. */
  for (guint k = 0; k < sharing->len; k++)
    {
      const Group *h = g_ptr_array_index (sharing, k);

      for (guint i = 0; i < h->areas->len; i++)
        {
          EylRect r = snap (&g_array_index (h->areas, EylRect, i), s);

          cairo_rectangle (cr, round (r.x0 * s), round (r.y0 * s), round ((r.x1 - r.x0) * s),
                           round ((r.y1 - r.y0) * s));
        }
    }
  cairo_clip (cr);
  /* The white paper a raster starts with, so that a replay composites
   * every operation on what a render composites it on. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, s, s);
  self->n_passes++;
  eyl_stage_count ("recordings");
  ok = self->renderer.draw (cr, self->renderer.user_data, &error) &&
       cairo_status (cr) == CAIRO_STATUS_SUCCESS &&
       cairo_surface_status (recording) == CAIRO_STATUS_SUCCESS;
  cairo_destroy (cr);
  if (!ok)
    {
      g_debug ("no recording at %.3f px/pt: %s", s,
               error != NULL ? error->message : cairo_status_to_string (cairo_surface_status (recording)));
      cairo_surface_destroy (recording);
      for (guint k = 0; k < sharing->len; k++)
        ((Group *) g_ptr_array_index (sharing, k))->failed = TRUE;
      return FALSE;
    }
  g_debug ("page recorded at %.3f px/pt over %d × %d px for %u groups", s, x1 - x0, y1 - y0,
           sharing->len);
  for (guint k = 0; k < sharing->len; k++)
    {
      Group *h = g_ptr_array_index (sharing, k);

      h->recording = cairo_surface_reference (recording);
      h->scale = s;
    }
  cairo_surface_destroy (recording);
  return TRUE;
}

/* @area (on the pixel grid of @scale) replayed from @recording; NULL when
 * Cairo cannot. */
static EylRaster *
replay (cairo_surface_t *recording,
        const EylRect   *area,
        double           scale)
{
  g_auto(EylStageScope) stage = eyl_stage_scope (EYL_STAGE_RENDER);
  g_autoptr(EylRaster) raster = eyl_raster_new (area, scale);
  cairo_t       *cr = cairo_create (eyl_raster_get_surface (raster));
  cairo_status_t status;

  /* The clip a render of @area has, in pixels. */
  cairo_rectangle (cr, 0, 0, eyl_rect_width (area) * raster->scale,
                   eyl_rect_height (area) * raster->scale);
  cairo_clip (cr);
  cairo_set_source_surface (cr, recording, -round (area->x0 * scale), -round (area->y0 * scale));
  cairo_paint (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status != CAIRO_STATUS_SUCCESS || raster->scale != scale)
    return NULL;
  cairo_surface_flush (eyl_raster_get_surface (raster));
  return g_steal_pointer (&raster);
}

EylRaster *
eyl_render_cache_render (EylRenderCache *self,
                         const EylRect  *area,
                         double          scale,
                         GError        **error)
{
  Group *g;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (area != NULL, NULL);

  if (eyl_rect_is_empty (area) || !(scale > 0) || !isfinite (scale))
    return eyl_renderer_render (&self->renderer, area, scale, error);

  g = find_group (self, area, eyl_renderer_fit_scale (&self->renderer, area, scale));
  /* A region alone at its scale is rendered by itself: a recording
   * would hold all the page's images for one replay. */
  if (g != NULL && worth_recording (self, g) && !g->failed &&
      (g->recording != NULL || record (self, g)))
    {
      EylRect    snapped = snap (area, g->scale);
      EylRaster *raster = replay (g->recording, &snapped, g->scale);

      if (raster != NULL)
        return raster;
    }
  self->n_passes++;
  eyl_stage_count ("region-renders");
  return eyl_renderer_render (&self->renderer, area, g != NULL && g->areas->len >= 2 ? g->scale : scale,
                              error);
}

guint
eyl_render_cache_get_n_passes (const EylRenderCache *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_passes;
}
