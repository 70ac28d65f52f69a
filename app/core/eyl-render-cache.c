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
/* A Poppler pass decodes and colour-converts every image of the page
 * whatever its clip: with at least this many pixels of images a pass
 * costs far more than the replays it saves (poster-galaxy-factsheet-2025,
 * 17 Mpx through an ICC profile: 0.32 s a pass, 1-2 ms a replay), so a
 * scout (eyl_render_cache_scout()) replays regions of every scale from
 * one recording at the finest of them.  Below it a pass costs little
 * more than the replays (flyer-osgeo-brochure's passes: 20-40 ms). */
#define MERGE_IMAGE_PX (4.0 * 1000 * 1000)
/* A recording holds each image its clip meets at the size it is drawn
 * at the recording's scale, at most its own: at the finest scale of all
 * that can be far more than the recordings of each scale held
 * (flyer-osgeo-postgis: a photograph met by a coarse candidate, 18.6 Mpx
 * at 16.7 px/pt, took the worker from 101 to 170 MB).  A merged
 * recording holds at most this many pixels of images, 16 MB (those that
 * save passes on the corpus hold 0.1-2 Mpx). */
#define MERGE_MAX_IMAGE_PX (4.0 * 1000 * 1000)

typedef struct
{
  EylRect          area;      /* page space: every region planned in it */
  double           coarsest;  /* the coarsest scale planned in it */
  double           scale;     /* the finest: what it is recorded at */
  double           area_pt2;  /* the regions' areas summed, pt² */
  GArray          *areas;     /* EylRect: the regions planned in it */
  cairo_surface_t *recording; /* may be shared with groups of its scale */
  gboolean         failed;    /* its regions are rendered by themselves */
  cairo_surface_t *merged;    /* for scouts: shared with groups of every
                               * scale, recorded at the finest */
  double           merged_scale;
  gboolean         merge_failed;
} Group;

struct _EylRenderCache
{
  EylRenderer renderer;
  EylRect     page_rect;
  GArray     *groups; /* Group */
  guint       n_passes;
  gboolean    merge_scales; /* scouts replay every scale from one recording */
  GArray     *images;       /* EylImageInfo: the page's, when merge_scales */
};

static double
pixels_at (const EylRect *area,
           double         scale)
{
  return eyl_rect_width (area) * eyl_rect_height (area) * scale * scale;
}

/* Whether one clip of @both (holding regions of @area_pt2 pt² in all)
 * costs no more at @scale than a clip each: see RECORD_NEAR_PIXELS. */
static gboolean
near_enough (const EylRect *both,
             double         scale,
             double         area_pt2)
{
  return pixels_at (both, scale) <= RECORD_NEAR_PIXELS ||
         (pixels_at (both, scale) <= RECORD_MAX_PIXELS &&
          pixels_at (both, 1) <= RECORD_MAX_SPREAD * area_pt2);
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
eyl_render_cache_weigh_images (EylRenderCache    *self,
                               const EylPageData *page)
{
  double pixels = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (page != NULL);

  for (guint i = 0; page->images != NULL && i < page->images->len; i++)
    {
      const EylImageInfo *image = &g_array_index (page->images, EylImageInfo, i);

      /* An image of no known size: nor is what a pass costs. */
      if (image->width_px <= 0 || image->height_px <= 0)
        return;
      pixels += (double) image->width_px * image->height_px;
    }
  self->merge_scales = pixels >= MERGE_IMAGE_PX;
  if (self->merge_scales)
    {
      g_clear_pointer (&self->images, g_array_unref);
      self->images = g_array_copy (page->images);
    }
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
      g_clear_pointer (&g->merged, cairo_surface_destroy);
      g_clear_pointer (&g->areas, g_array_unref);
    }
  g_array_unref (self->groups);
  g_clear_pointer (&self->images, g_array_unref);
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
          near_enough (&both, finest, g->area_pt2 + pixels_at (&area, 1)))
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

static int
compare_finest_first (gconstpointer a,
                      gconstpointer b)
{
  const Group *g = *(const Group *const *) a, *h = *(const Group *const *) b;

  return (g->scale < h->scale) - (g->scale > h->scale);
}

/* The pixels of the images a recording at @scale of the regions of
 * @sharing's groups and of @h holds: each image one of them meets, at
 * its size drawn at @scale, at most its own. */
static double
recorded_image_px (const EylRenderCache *self,
                   GPtrArray            *sharing,
                   const Group          *h,
                   double                scale)
{
  double pixels = 0;

  for (guint i = 0; self->images != NULL && i < self->images->len; i++)
    {
      const EylImageInfo *image = &g_array_index (self->images, EylImageInfo, i);
      gboolean            met = FALSE;

      for (guint k = 0; k <= sharing->len && !met; k++)
        {
          const Group *g = k < sharing->len ? g_ptr_array_index (sharing, k) : h;

          for (guint j = 0; j < g->areas->len && !met; j++)
            {
              EylRect both;

              met = eyl_rect_intersect (&image->box, &g_array_index (g->areas, EylRect, j),
                                        &both) &&
                    !eyl_rect_is_empty (&both);
            }
        }
      if (met)
        pixels += MIN ((double) image->width_px * image->height_px,
                       pixels_at (&image->box, scale));
    }
  return pixels;
}

/* Into @sharing, after its first group, the groups of every scale that
 * one recording for scouts, made at the finest scale among them, holds:
 * finest first, each while the recording stays within the bounds one of
 * a single scale keeps (RECORD_MAX_SIDE; near_enough() unless the
 * renderer has wide clips) and its images within MERGE_MAX_IMAGE_PX.
 * Into @all and @scale: its area and scale.  FALSE when no other group
 * joins: a recording for one group costs the pass a render of its
 * region costs. */
static gboolean
merge_groups (EylRenderCache *self,
              GPtrArray      *sharing,
              EylRect        *all,
              double         *scale)
{
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  const Group *g = g_ptr_array_index (sharing, 0);
  double       area_pt2 = g->area_pt2;

  for (guint i = 0; i < self->groups->len; i++)
    {
      Group *h = &g_array_index (self->groups, Group, i);

      if (h != g && h->merged == NULL && !h->merge_failed && h->recording == NULL && !h->failed)
        g_ptr_array_add (others, h);
    }
  g_ptr_array_sort (others, compare_finest_first);
  for (guint i = 0; i < others->len; i++)
    {
      Group  *h = g_ptr_array_index (others, i);
      EylRect both = *all;
      double  finest = MAX (*scale, h->scale);

      eyl_rect_union (&both, &h->area);
      if (eyl_rect_width (&both) * finest <= RECORD_MAX_SIDE &&
          eyl_rect_height (&both) * finest <= RECORD_MAX_SIDE &&
          (self->renderer.wide_clips || near_enough (&both, finest, area_pt2 + h->area_pt2)) &&
          recorded_image_px (self, sharing, h, finest) <= MERGE_MAX_IMAGE_PX)
        {
          g_ptr_array_add (sharing, h);
          *all = both;
          *scale = finest;
          area_pt2 += h->area_pt2;
        }
    }
  return sharing->len >= 2;
}

/* Poppler draws the whole page once into a recording of @g's area at its
 * scale, in pixels of that scale from the page's top left, clipped to
 * its regions; groups of the same scale far apart share it when they
 * can (can_share()): a pass decodes every image of the page whatever its
 * clip, and a replay on the same pixel grid is the same whatever other
 * regions the clip holds. */
static gboolean
record (EylRenderCache *self,
        Group          *g,
        gboolean        merge)
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
  if (merge)
    {
      if (!merge_groups (self, sharing, &all, &s))
        return FALSE;
    }
  else
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
          /* Snapped to the pixels it is replayed on, then to the
           * recording's: the same when those are one. */
          EylRect own = snap (&g_array_index (h->areas, EylRect, i), h->scale);
          EylRect r = snap (&own, s);

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
        {
          Group *h = g_ptr_array_index (sharing, k);

          if (merge)
            h->merge_failed = TRUE;
          else
            h->failed = TRUE;
        }
      return FALSE;
    }
  g_debug ("page recorded at %.3f px/pt over %d × %d px for %u groups%s", s, x1 - x0, y1 - y0,
           sharing->len, merge ? " of every scale" : "");
  for (guint k = 0; k < sharing->len; k++)
    {
      Group *h = g_ptr_array_index (sharing, k);

      if (merge)
        {
          h->merged = cairo_surface_reference (recording);
          h->merged_scale = s;
          continue;
        }
      h->recording = cairo_surface_reference (recording);
      h->scale = s;
    }
  cairo_surface_destroy (recording);
  return TRUE;
}

/* @area (on the pixel grid of @scale) replayed from @recording, made at
 * @recorded; NULL when Cairo cannot.  At another scale Cairo replays the
 * recording's operations scaled: not bit-identical to a render at @scale
 * (Poppler chose hairline widths and image sizes for @recorded). */
static EylRaster *
replay (cairo_surface_t *recording,
        double           recorded,
        const EylRect   *area,
        double           scale)
{
  g_auto(EylStageScope) stage = eyl_stage_scope (EYL_STAGE_RENDER);
  g_autoptr(EylRaster) raster = NULL;
  cairo_t       *cr;
  cairo_status_t status;
  double         start;

  /* Traced with its CPU time, as Poppler passes are (eyl-document.c): a
   * recording defers the pass's drawing to its replays (a 6 Mpx OCR
   * region of a text-heavy page: 2 ms recording it, 95 ms replaying it). */
  start = eyl_stage_thread_cpu_ms ();
  raster = eyl_raster_new (area, scale);
  cr = cairo_create (eyl_raster_get_surface (raster));

  /* The clip a render of @area has, in pixels. */
  cairo_rectangle (cr, 0, 0, eyl_rect_width (area) * raster->scale,
                   eyl_rect_height (area) * raster->scale);
  cairo_clip (cr);
  if (recorded == scale)
    cairo_set_source_surface (cr, recording, -round (area->x0 * scale), -round (area->y0 * scale));
  else
    {
      cairo_scale (cr, scale / recorded, scale / recorded);
      cairo_set_source_surface (cr, recording, -area->x0 * recorded, -area->y0 * recorded);
    }
  cairo_paint (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status != CAIRO_STATUS_SUCCESS || raster->scale != scale)
    return NULL;
  cairo_surface_flush (eyl_raster_get_surface (raster));
  g_debug ("replay of [%.1f %.1f %.1f %.1f] pt at %.3f px/pt from a recording at %.3f px/pt: "
           "%.1f ms CPU",
           area->x0, area->y0, area->x1, area->y1, scale, recorded, eyl_stage_thread_cpu_ms () - start);
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
      (g->recording != NULL || record (self, g, FALSE)))
    {
      EylRect    snapped = snap (area, g->scale);
      EylRaster *raster = replay (g->recording, g->scale, &snapped, g->scale);

      if (raster != NULL)
        return raster;
    }
  self->n_passes++;
  eyl_stage_count ("region-renders");
  return eyl_renderer_render (&self->renderer, area, g != NULL && g->areas->len >= 2 ? g->scale : scale,
                              error);
}

EylRaster *
eyl_render_cache_scout (EylRenderCache *self,
                        const EylRect  *area,
                        double          scale,
                        gboolean       *exact,
                        GError        **error)
{
  Group *g = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (area != NULL, NULL);
  g_return_val_if_fail (exact != NULL, NULL);

  *exact = TRUE;
  if (self->merge_scales && !eyl_rect_is_empty (area) && scale > 0 && isfinite (scale))
    g = find_group (self, area, eyl_renderer_fit_scale (&self->renderer, area, scale));
  /* What a render replays already, or what has no recording for scouts
   * to share: the render itself. */
  if (g != NULL && g->recording == NULL && !g->merge_failed &&
      (g->merged != NULL || record (self, g, TRUE)))
    {
      EylRect    snapped = snap (area, g->scale);
      EylRaster *raster = replay (g->merged, g->merged_scale, &snapped, g->scale);

      if (raster != NULL)
        {
          *exact = FALSE;
          return raster;
        }
    }
  return eyl_render_cache_render (self, area, scale, error);
}

guint
eyl_render_cache_get_n_passes (const EylRenderCache *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_passes;
}
