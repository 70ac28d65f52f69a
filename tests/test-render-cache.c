/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-render-cache.c: regions replayed from one recording of the page
 * per scale are the pixels a render of each gives; QR candidates of one
 * scale cost one pass over the page, and read what renders one by one
 * read. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <cairo.h>

#ifdef HAVE_QRENCODE
#include <qrencode.h>
#endif

#include "eyl-detect-pixels.h"
#include "eyl-render-cache.h"

#define PT_PER_MM (72.0 / 25.4)

/* A page drawn with Cairo in page space; each pass over it counted. */
typedef struct
{
  double  width, height; /* pt */
  GArray *codes;         /* EylRect: QR images, page space */
#ifdef HAVE_QRENCODE
  QRcode *qr;
#endif
  guint n_renders; /* regions rendered by themselves */
  guint n_draws;   /* whole-page passes (recordings) */
} Page;

static void
page_draw (Page    *p,
           cairo_t *cr)
{
  /* Vector work of every kind a replay must get right: a gradient,
   * text, thin strokes at odd places. */
  cairo_pattern_t *grad = cairo_pattern_create_linear (0, 0, p->width, p->height);

  cairo_pattern_add_color_stop_rgb (grad, 0, 0.95, 0.9, 0.8);
  cairo_pattern_add_color_stop_rgb (grad, 1, 0.7, 0.8, 0.95);
  cairo_set_source (cr, grad);
  cairo_rectangle (cr, 0, 0, p->width, p->height);
  cairo_fill (cr);
  cairo_pattern_destroy (grad);

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.3);
  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 23.3);
  cairo_move_to (cr, 41.3, 77.7);
  cairo_show_text (cr, "Northwind Tea — scan for offers");
  cairo_set_line_width (cr, 0.37);
  for (int i = 0; i < 40; i++)
    {
      cairo_move_to (cr, 30.1 + i * 13.7, 120.3);
      cairo_line_to (cr, 50.9 + i * 11.3, 190.7);
    }
  cairo_stroke (cr);

#ifdef HAVE_QRENCODE
  for (guint k = 0; p->codes != NULL && k < p->codes->len; k++)
    {
      const EylRect   *box = &g_array_index (p->codes, EylRect, k);
      int              n = p->qr->width;
      cairo_surface_t *img = cairo_image_surface_create (CAIRO_FORMAT_RGB24, n, n);
      guint8          *data = cairo_image_surface_get_data (img);
      int              stride = cairo_image_surface_get_stride (img);

      cairo_surface_flush (img);
      for (int j = 0; j < n; j++)
        for (int i = 0; i < n; i++)
          ((guint32 *) (data + j * stride))[i] = (p->qr->data[j * n + i] & 1) ? 0 : 0xffffff;
      cairo_surface_mark_dirty (img);
      cairo_save (cr);
      cairo_translate (cr, box->x0, box->y0);
      cairo_scale (cr, eyl_rect_width (box) / n, eyl_rect_height (box) / n);
      cairo_set_source_surface (cr, img, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
      cairo_rectangle (cr, 0, 0, n, n);
      cairo_fill (cr);
      cairo_restore (cr);
      cairo_surface_destroy (img);
    }
#endif
}

static EylRaster *
page_render (const EylRect *area,
             double         scale,
             gpointer       user_data,
             GError       **error)
{
  Page      *p = user_data;
  EylRaster *raster = eyl_raster_new (area, scale);
  cairo_t   *cr = eyl_raster_create_context (raster);

  p->n_renders++;
  /* What the document's renderer does: the area clipped, drawn. */
  cairo_rectangle (cr, area->x0, area->y0, eyl_rect_width (area), eyl_rect_height (area));
  cairo_clip (cr);
  page_draw (p, cr);
  cairo_destroy (cr);
  cairo_surface_flush (eyl_raster_get_surface (raster));
  return raster;
}

static gboolean
page_draw_cb (cairo_t *cr,
              gpointer user_data,
              GError **error)
{
  Page *p = user_data;

  p->n_draws++;
  page_draw (p, cr);
  return cairo_status (cr) == CAIRO_STATUS_SUCCESS;
}

static void
page_renderer (Page        *p,
               gboolean     can_record,
               EylRenderer *renderer)
{
  eyl_renderer_init (renderer);
  renderer->render = page_render;
  renderer->draw = can_record ? page_draw_cb : NULL;
  renderer->user_data = p;
}

static void
assert_same_pixels (EylRaster *a,
                    EylRaster *b)
{
  g_assert_cmpint (a->width, ==, b->width);
  g_assert_cmpint (a->height, ==, b->height);
  g_assert_cmpfloat (a->scale, ==, b->scale);
  for (int y = 0; y < a->height; y++)
    for (int x = 0; x < a->width; x++)
      if (eyl_raster_get_pixel (a, x, y) != eyl_raster_get_pixel (b, x, y))
        {
          g_test_message ("pixel %d,%d: %06x replayed, %06x rendered", x, y,
                          eyl_raster_get_pixel (a, x, y), eyl_raster_get_pixel (b, x, y));
          g_assert_not_reached ();
        }
}

/* Three regions at one scale: one pass over the page; each replay is the
 * render of its (snapped) area, bit for bit. */
static void
test_replay_identical (void)
{
  Page            p = { 595.3, 841.9 };
  EylRect         page_rect = { 0, 0, p.width, p.height };
  const EylRect   areas[] = { { 20.37, 50.11, 260.9, 130.2 },
                              { 300.5, 150.25, 410.75, 250.1 },
                              { 33.3, 101.7, 150.2, 222.2 } };
  const double    scales[] = { 5.3, 5.9, 5.6 }; /* within 1.25 of each other */
  EylRenderer     renderer;
  EylRenderCache *cache;

  page_renderer (&p, TRUE, &renderer);
  cache = eyl_render_cache_new (&renderer, &page_rect);
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    eyl_render_cache_plan (cache, &areas[i], scales[i], 1.25);

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      g_autoptr(EylRaster) replayed = eyl_render_cache_render (cache, &areas[i], scales[i], NULL);
      g_autoptr(EylRaster) rendered = NULL;
      guint renders = p.n_renders;

      g_assert_nonnull (replayed);
      /* At the finest scale planned, over the area on its pixel grid. */
      g_assert_cmpfloat (replayed->scale, ==, 5.9);
      g_assert_cmpfloat (replayed->area.x0, <=, areas[i].x0);
      g_assert_cmpfloat (replayed->area.y1, >=, areas[i].y1 - 1e-6);
      g_assert_cmpfloat_with_epsilon (replayed->area.x0 * replayed->scale,
                                      round (replayed->area.x0 * replayed->scale), 1e-6);
      g_assert_cmpuint (p.n_renders, ==, renders);
      rendered = page_render (&replayed->area, replayed->scale, &p, NULL);
      assert_same_pixels (replayed, rendered);
    }
  g_assert_cmpuint (p.n_draws, ==, 1);
  g_assert_cmpuint (eyl_render_cache_get_n_passes (cache), ==, 1);
  eyl_render_cache_free (cache);
}

/* What is not planned, planned alone at its scale, or would make a
 * recording too large is rendered by itself, as before. */
static void
test_render_alone (void)
{
  Page            p = { 2384, 3370 }; /* A0 */
  EylRect         page_rect = { 0, 0, p.width, p.height };
  const EylRect   near = { 10, 10, 110, 110 }, far = { 2200, 3200, 2300, 3300 };
  EylRenderer     renderer;
  EylRenderCache *cache;
  EylRaster      *r;

  page_renderer (&p, TRUE, &renderer);
  cache = eyl_render_cache_new (&renderer, &page_rect);
  /* Far apart at 4 px per pt: one recording would cover 120 Mpx. */
  eyl_render_cache_plan (cache, &near, 4.0, 1.25);
  eyl_render_cache_plan (cache, &far, 4.0, 1.25);
  r = eyl_render_cache_render (cache, &near, 4.0, NULL);
  g_assert_cmpfloat (r->scale, ==, 4.0);
  g_assert_cmpfloat (r->area.x0, ==, near.x0);
  eyl_raster_unref (r);
  eyl_raster_unref (eyl_render_cache_render (cache, &far, 4.0, NULL));
  /* Never planned. */
  eyl_raster_unref (eyl_render_cache_render (cache, &near, 9.0, NULL));
  g_assert_cmpuint (p.n_draws, ==, 0);
  g_assert_cmpuint (p.n_renders, ==, 3);
  g_assert_cmpuint (eyl_render_cache_get_n_passes (cache), ==, 3);
  eyl_render_cache_free (cache);
}

/* Plans @areas at @scales on @p (A0) with wide clips or not, renders each
 * through the cache and checks it against a render of what it covers;
 * the cache's passes. */
static guint
render_planned (Page          *p,
                const EylRect *areas,
                const double  *scales,
                guint          n,
                gboolean       wide)
{
  EylRect         page_rect = { 0, 0, p->width, p->height };
  EylRenderer     renderer;
  EylRenderCache *cache;
  guint           passes;

  p->n_draws = p->n_renders = 0;
  page_renderer (p, TRUE, &renderer);
  renderer.wide_clips = wide;
  cache = eyl_render_cache_new (&renderer, &page_rect);
  for (guint i = 0; i < n; i++)
    eyl_render_cache_plan (cache, &areas[i], scales[i], 1.25);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EylRaster) out = eyl_render_cache_render (cache, &areas[i], scales[i], NULL);
      g_autoptr(EylRaster) rendered = NULL;

      g_assert_nonnull (out);
      g_assert_cmpfloat (out->scale, ==, scales[i]);
      rendered = page_render (&out->area, out->scale, p, NULL);
      assert_same_pixels (out, rendered);
    }
  /* The renders made here to compare are not the cache's. */
  p->n_renders -= n;
  passes = eyl_render_cache_get_n_passes (cache);
  eyl_render_cache_free (cache);
  return passes;
}

/* Two pairs of regions far apart at one scale: two recordings, unless
 * the renderer says a wide clip costs nothing more (no soft mask drawn
 * through an image of the clip): then one pass over the page, clipped to
 * the four regions, and each replay is still the render of its area. */
static void
test_far_groups_share (void)
{
  Page          p = { 2384, 3370 }; /* A0 */
  const EylRect areas[] = { { 10.3, 10.7, 110.1, 90.2 },
                            { 130.4, 20.9, 200.6, 100.3 },
                            { 2150.2, 3190.5, 2260.8, 3280.1 },
                            { 2280.1, 3250.3, 2370.7, 3350.9 } };
  const double  scales[] = { 4.0, 4.0, 4.0, 4.0 };

  for (int wide = 0; wide <= 1; wide++)
    {
      g_assert_cmpuint (render_planned (&p, areas, scales, 4, wide), ==, wide ? 1 : 2);
      g_assert_cmpuint (p.n_draws, ==, wide ? 1 : 2);
      g_assert_cmpuint (p.n_renders, ==, 0);
    }
}

/* Two regions alone in their groups, far apart at one scale (two QR
 * candidates at two corners of a poster), and a third alone at its own
 * scale: with wide clips the two share one pass, each replay still the
 * render of its area; the third is rendered by itself. */
static void
test_far_singles_share (void)
{
  Page          p = { 2384, 3370 }; /* A0 */
  const EylRect areas[] = { { 10.3, 10.7, 410.1, 190.2 },
                            { 1900.2, 3000.5, 2360.8, 3300.1 },
                            { 1000.4, 1500.2, 1200.6, 1600.3 } };
  const double  scales[] = { 3.05, 3.05, 1.52 };

  for (int wide = 0; wide <= 1; wide++)
    {
      g_assert_cmpuint (render_planned (&p, areas, scales, 3, wide), ==, wide ? 2 : 3);
      g_assert_cmpuint (p.n_draws, ==, wide ? 1 : 0);
      g_assert_cmpuint (p.n_renders, ==, wide ? 1 : 3);
    }
}

/* The page's images, for what a pass costs: one photograph of @px_w ×
 * @px_h pixels over @box. */
static EylPageData *
page_with_image (const Page    *p,
                 const EylRect *box,
                 int            px_w,
                 int            px_h)
{
  EylPageDataBuilder *b = eyl_page_data_builder_new (0, p->width, p->height);

  eyl_page_data_builder_add_image (b, box, px_w, px_h);
  return eyl_page_data_builder_end (b);
}

/* Mean absolute difference of two rasters' grey, 0-255. */
static double
mean_difference (EylRaster *a,
                 EylRaster *b)
{
  double sum = 0;

  g_assert_cmpint (a->width, ==, b->width);
  g_assert_cmpint (a->height, ==, b->height);
  for (int y = 0; y < a->height; y++)
    for (int x = 0; x < a->width; x++)
      {
        guint32 pa = eyl_raster_get_pixel (a, x, y), pb = eyl_raster_get_pixel (b, x, y);

        for (int c = 0; c < 24; c += 8)
          sum += ABS ((int) ((pa >> c) & 0xff) - (int) ((pb >> c) & 0xff));
      }
  return sum / (3.0 * a->width * a->height);
}

/* Regions of scales too far apart to share a recording (3 and 7 px/pt)
 * on a page whose images make a pass costly: scouts replay both from one
 * recording at the finest scale, the coarser scaled and so not called
 * exact, yet close to its render; a render asked for after is the render
 * itself.  With cheap passes (small images) or a recording that would
 * hold too many image pixels, each scout is its render. */
static void
test_scouts_share_scales (void)
{
  Page          p = { 595.3, 841.9 };
  EylRect       page_rect = { 0, 0, p.width, p.height };
  const EylRect areas[] = { { 40.3, 60.7, 140.1, 150.2 }, { 300.4, 500.9, 340.6, 540.3 } };
  const double  scales[] = { 3.0, 7.0 };
  /* Costly: 6 Mpx over a corner no region meets; too much to hold: the
   * same over the first region (drawn at 7 px/pt: 4.4 Mpx). */
  const EylRect corner = { 500, 700, 590, 830 }, over = { 30, 50, 330, 350 };
  const struct
  {
    const EylRect *box;
    int            px_w, px_h;
    guint          draws, renders;
  } cases[] = {
    { &corner, 3000, 2000, 1, 1 },
    { &corner, 300, 200, 0, 2 },
    { &over, 3000, 2000, 0, 2 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(EylPageData) page = page_with_image (&p, cases[c].box, cases[c].px_w, cases[c].px_h);
      EylRenderer     renderer;
      EylRenderCache *cache;
      gboolean        merged = cases[c].draws > 0;

      p.n_draws = p.n_renders = 0;
      page_renderer (&p, TRUE, &renderer);
      renderer.wide_clips = TRUE;
      cache = eyl_render_cache_new (&renderer, &page_rect);
      eyl_render_cache_weigh_images (cache, page);
      for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
        eyl_render_cache_plan (cache, &areas[i], scales[i], 1.25);
      for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
        {
          gboolean exact;
          g_autoptr(EylRaster) scout = eyl_render_cache_scout (cache, &areas[i], scales[i], &exact,
                                                                NULL);
          g_autoptr(EylRaster) rendered = NULL;
          guint renders = p.n_renders;

          g_assert_nonnull (scout);
          g_assert_cmpint (exact, ==, !merged);
          g_assert_cmpfloat (scout->scale, ==, scales[i]);
          g_assert_cmpfloat (scout->area.x0, <=, areas[i].x0);
          g_assert_cmpfloat (scout->area.y1, >=, areas[i].y1 - 1e-6);
          rendered = page_render (&scout->area, scout->scale, &p, NULL);
          p.n_renders = renders;
          if (exact)
            assert_same_pixels (scout, rendered);
          else
            {
              double diff = mean_difference (scout, rendered);

              g_test_message ("scout at %.1f px/pt: %.2f grey levels off its render", scales[i],
                              diff);
              g_assert_cmpfloat (diff, <, 4.0);
            }
        }
      g_assert_cmpuint (p.n_draws, ==, cases[c].draws);
      g_assert_cmpuint (p.n_renders, ==, cases[c].renders - (merged ? 1 : 0));
      if (merged)
        {
          /* The look again: the render itself, a pass of its own. */
          g_autoptr(EylRaster) again = eyl_render_cache_render (cache, &areas[0], scales[0], NULL);
          g_autoptr(EylRaster) rendered = NULL;
          guint renders = p.n_renders;

          g_assert_cmpuint (renders, ==, 1);
          rendered = page_render (&again->area, again->scale, &p, NULL);
          assert_same_pixels (again, rendered);
          p.n_renders = renders;
        }
      g_assert_cmpuint (p.n_draws + p.n_renders, ==, cases[c].draws + cases[c].renders);
      g_assert_cmpuint (eyl_render_cache_get_n_passes (cache), ==,
                        cases[c].draws + cases[c].renders);
      eyl_render_cache_free (cache);
    }
}

#ifdef HAVE_QRENCODE
#define N_CODES 10

static GPtrArray *
detect_qr (Page    *p,
           gboolean can_record)
{
  EylPageDataBuilder *b = eyl_page_data_builder_new (0, p->width, p->height);
  g_autoptr(EylPageData) page = NULL;
  EylRect area = { 0, 0, p->width, p->height };
  g_autoptr(EylRaster) raster = NULL;
  GPtrArray  *elements = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
  EylRenderer renderer;

  for (guint k = 0; k < p->codes->len; k++)
    eyl_page_data_builder_add_image (b, &g_array_index (p->codes, EylRect, k), p->qr->width,
                                     p->qr->width);
  page = eyl_page_data_builder_end (b);
  /* The analysis raster at 1 px per mm, as the worker renders it. */
  raster = page_render (&area, 1.0 / PT_PER_MM, p, NULL);
  p->n_renders = p->n_draws = 0;
  page_renderer (p, can_record, &renderer);
  eyl_detect_qr (page, raster, &renderer, elements, NULL);
  return elements;
}

/* Ten small codes (12 mm, 0.4 mm modules: under a pixel each on the
 * raster) in two rows: each needs a render at one scale, and together
 * they cover more than one render of several candidates covered before
 * recordings (8 Mpx: two passes).  One pass over the page reads them all,
 * and reads what renders one by one read. */
static void
test_qr_once_per_scale (void)
{
  Page p = { 595.3, 841.9 };
  g_autoptr(GPtrArray) once = NULL;
  g_autoptr(GPtrArray) each = NULL;
  guint passes_each;

  p.qr = QRcode_encodeString ("https://www.northwind-tea.example/scan", 0, QR_ECLEVEL_M,
                              QR_MODE_8, 1);
  g_assert_nonnull (p.qr);
  p.codes = g_array_new (FALSE, FALSE, sizeof (EylRect));
  for (guint k = 0; k < N_CODES; k++)
    {
      double  side = 12.0 * PT_PER_MM;
      double  x = (30 + (k % 5) * 27.0) * PT_PER_MM, y = (60 + (k / 5) * 27.0) * PT_PER_MM;
      EylRect box = { x, y, x + side, y + side };

      g_array_append_val (p.codes, box);
    }

  each = detect_qr (&p, FALSE);
  passes_each = p.n_renders + p.n_draws;
  once = detect_qr (&p, TRUE);
  g_test_message ("one by one: %u passes; recorded: %u recording(s), %u render(s)",
                  passes_each, p.n_draws, p.n_renders);
  g_assert_cmpuint (passes_each, >=, N_CODES);
  g_assert_cmpuint (p.n_draws, ==, 1);
  g_assert_cmpuint (p.n_renders, ==, 0);

  g_assert_cmpuint (once->len, ==, N_CODES);
  g_assert_cmpuint (each->len, ==, once->len);
  for (guint i = 0; i < once->len; i++)
    {
      EylElement *a = g_ptr_array_index (once, i), *b = g_ptr_array_index (each, i);

      g_assert_true (a->decoded);
      g_assert_cmpstr (a->text, ==, b->text);
      g_assert_cmpint (a->decoded, ==, b->decoded);
      g_assert_cmpfloat_with_epsilon (a->box.x0, b->box.x0, 0.5);
      g_assert_cmpfloat_with_epsilon (a->box.y1, b->box.y1, 0.5);
      g_assert_cmpfloat_with_epsilon (a->module_pt, b->module_pt, 0.02 * b->module_pt);
      g_assert_cmpfloat_with_epsilon (a->quiet_zone_modules, b->quiet_zone_modules, 0.5);
      /* A step of the camera ladder either way: a replay is snapped to
       * the recording's pixel grid, a render is not. */
      g_assert_cmpfloat_with_epsilon (a->decode_px_per_module, b->decode_px_per_module, 0.26);
    }
  g_array_unref (p.codes);
  QRcode_free (p.qr);
}
#endif

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/eyl/render-cache/replay-identical", test_replay_identical);
  g_test_add_func ("/eyl/render-cache/render-alone", test_render_alone);
  g_test_add_func ("/eyl/render-cache/far-groups-share", test_far_groups_share);
  g_test_add_func ("/eyl/render-cache/far-singles-share", test_far_singles_share);
  g_test_add_func ("/eyl/render-cache/scouts-share-scales", test_scouts_share_scales);
#ifdef HAVE_QRENCODE
  g_test_add_func ("/eyl/render-cache/qr-once-per-scale", test_qr_once_per_scale);
#endif
  return g_test_run ();
}
