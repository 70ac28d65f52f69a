/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Predicted attention (model) on generated images whose answer is known:
 * a single red disc on grey draws the first fixation, what is hidden gets
 * none, and the map written as PNG is what an eye-tracking scorer reads. */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "eyl-attention.h"
#include "eyl-attention-private.h"
#include "eyl-fixtures.h"
#include "rules/eyl-rules-private.h"
#include "eyl-walkup.h"
#include <cairo-pdf.h>

/* A grey @w × @h image. */
static cairo_surface_t *
grey_image (int w,
            int h)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cairo_t         *cr = cairo_create (s);

  cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
  cairo_paint (cr);
  cairo_destroy (cr);
  return s;
}

static void
disc (cairo_surface_t *s,
      double           x,
      double           y,
      double           r,
      double           red,
      double           green,
      double           blue)
{
  cairo_t *cr = cairo_create (s);

  cairo_set_source_rgb (cr, red, green, blue);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);
}

static gboolean
near (const EylAttentionFixation *f,
      double                      x,
      double                      y,
      double                      r)
{
  return hypot (f->x - x, f->y - y) <= r;
}

static void
test_red_disc (void)
{
  cairo_surface_t *img = grey_image (300, 200);
  g_autoptr(EylAttentionMap) map = NULL;
  EylAttentionFixation fix[3];
  double               share_disc, share_elsewhere;

  /* Off centre, so that no centre bias can take the answer for it. */
  disc (img, 230, 60, 18, 0.9, 0.1, 0.1);
  map = eyl_attention_map_compute (img, NULL, NULL);
  g_assert_nonnull (map);
  g_assert_cmpint (map->width, ==, 400);
  g_assert_cmpint (map->height, ==, 267);

  g_assert_cmpuint (eyl_attention_map_fixations (map, 3, EYL_ATTENTION_IOR_RADIUS, fix), >=, 1);
  g_assert_true (near (&fix[0], 230.0 / 300, 60.0 / 200, 18.0 / 300));
  g_assert_cmpfloat (fix[0].value, ==, 1.0);

  /* The box around the disc takes most of the attention; a box of the
   * same size elsewhere next to none. */
  share_disc = eyl_attention_map_share (map, 190.0 / 300, 20.0 / 200, 270.0 / 300, 100.0 / 200);
  share_elsewhere = eyl_attention_map_share (map, 30.0 / 300, 100.0 / 200, 110.0 / 300, 180.0 / 200);
  g_assert_cmpfloat (share_disc, >, 0.5);
  g_assert_cmpfloat (share_elsewhere, <, 0.05);
  g_assert_cmpfloat_with_epsilon (eyl_attention_map_share (map, 0, 0, 1, 1), 1.0, 1e-9);
  cairo_surface_destroy (img);
}

/* Two discs: the one that stands out more is looked at first, and
 * inhibition of return sends the second fixation to the other. */
static void
test_order (void)
{
  cairo_surface_t *img = grey_image (400, 300);
  g_autoptr(EylAttentionMap) map = NULL;
  EylAttentionFixation fix[2];

  disc (img, 90, 220, 25, 0.95, 0.05, 0.05);
  disc (img, 320, 80, 12, 0.58, 0.5, 0.5);
  map = eyl_attention_map_compute (img, NULL, NULL);
  g_assert_cmpuint (eyl_attention_map_fixations (map, 2, EYL_ATTENTION_IOR_RADIUS, fix), ==, 2);
  g_assert_true (near (&fix[0], 90.0 / 400, 220.0 / 300, 25.0 / 400));
  g_assert_true (near (&fix[1], 320.0 / 400, 80.0 / 300, 20.0 / 400));
  cairo_surface_destroy (img);
}

/* A @w × @h mask (A8) hiding @r. */
static cairo_surface_t *
hiding_mask (int               w,
             int               h,
             cairo_rectangle_t r)
{
  cairo_surface_t *mask = cairo_image_surface_create (CAIRO_FORMAT_A8, w, h);
  cairo_t         *cr;

  cr = cairo_create (mask);
  cairo_rectangle (cr, r.x, r.y, r.width, r.height);
  cairo_fill (cr);
  cairo_destroy (cr);
  return mask;
}

/* What the table hides gets no attention: the bright disc under the
 * table line loses to the faint one a visitor sees. */
static void
test_hidden (void)
{
  cairo_surface_t *img = grey_image (200, 400);
  /* The lower half hidden, the mask at a quarter of the image's size. */
  cairo_surface_t *hidden = hiding_mask (50, 100, (cairo_rectangle_t) { 0, 50, 50, 50 });
  g_autoptr(EylAttentionMap) map = NULL;
  EylAttentionFixation fix[1];

  disc (img, 100, 320, 30, 0.95, 0.05, 0.05);
  disc (img, 60, 90, 15, 0.3, 0.3, 0.7);

  map = eyl_attention_map_compute (img, hidden, NULL);
  g_assert_cmpuint (eyl_attention_map_fixations (map, 1, EYL_ATTENTION_IOR_RADIUS, fix), ==, 1);
  g_assert_true (near (&fix[0], 60.0 / 200, 90.0 / 400, 15.0 / 200));
  g_assert_cmpfloat (eyl_attention_map_share (map, 0, 0.5, 1, 1), ==, 0);
  cairo_surface_destroy (hidden);
  cairo_surface_destroy (img);
}

/* A Boolean map's region counts only when it is surrounded: a disc cut
 * by the image's edge, and one that touches what is hidden, draw far
 * less than the same disc in the open. */
static void
test_surrounded (void)
{
  cairo_surface_t *img = grey_image (400, 200);
  cairo_surface_t *hidden = hiding_mask (400, 200, (cairo_rectangle_t) { 0, 186, 400, 14 });
  g_autoptr(EylAttentionMap) map = NULL;
  double open, cut, touching;

  disc (img, 100, 80, 25, 0.9, 0.1, 0.1);
  disc (img, 392, 80, 25, 0.9, 0.1, 0.1);
  disc (img, 250, 175, 25, 0.9, 0.1, 0.1);

  map = eyl_attention_map_compute (img, hidden, NULL);
  open = eyl_attention_map_share (map, 70.0 / 400, 50.0 / 200, 130.0 / 400, 110.0 / 200);
  cut = eyl_attention_map_share (map, 340.0 / 400, 50.0 / 200, 1, 110.0 / 200);
  touching = eyl_attention_map_share (map, 220.0 / 400, 145.0 / 200, 280.0 / 400, 186.0 / 200);
  g_test_message ("open %.3f, cut by the edge %.3f, touching what is hidden %.3f",
                  open, cut, touching);
  g_assert_cmpfloat (open, >, 3 * cut);
  g_assert_cmpfloat (open, >, 3 * touching);
  cairo_surface_destroy (hidden);
  cairo_surface_destroy (img);
}

/* Nothing stands out in a flat image: no fixation is invented. */
static void
test_flat (void)
{
  cairo_surface_t *img = grey_image (120, 80);
  g_autoptr(EylAttentionMap) map = eyl_attention_map_compute (img, NULL, NULL);
  EylAttentionFixation fix[3];

  g_assert_cmpuint (eyl_attention_map_fixations (map, 3, EYL_ATTENTION_IOR_RADIUS, fix), ==, 0);
  g_assert_cmpfloat (eyl_attention_map_share (map, 0, 0, 1, 1), ==, 0);
  cairo_surface_destroy (img);
}

/* The PNG is 8-bit grey at the map's size, white where the map peaks;
 * read back through the same loader the command uses. */
static void
test_png (void)
{
  cairo_surface_t *img = grey_image (160, 160);
  g_autoptr(EylAttentionMap) map = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char     *dir = g_dir_make_tmp ("eyl-attention-XXXXXX", &error);
  g_autofree char     *path = NULL;
  cairo_surface_t     *back;
  EylAttentionFixation fix[1];
  const guint8        *data;
  guint32              peak;
  int                  stride;

  g_assert_no_error (error);
  disc (img, 40, 40, 10, 0.1, 0.8, 0.1);
  map = eyl_attention_map_compute (img, NULL, NULL);
  path = g_build_filename (dir, "map.png", NULL);
  g_assert_true (eyl_attention_map_write_png (map, path, &error));
  g_assert_no_error (error);

  back = eyl_attention_load_image (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (back), ==, map->width);
  g_assert_cmpint (cairo_image_surface_get_height (back), ==, map->height);
  eyl_attention_map_fixations (map, 1, EYL_ATTENTION_IOR_RADIUS, fix);
  data = cairo_image_surface_get_data (back);
  stride = cairo_image_surface_get_stride (back);
  peak = *(const guint32 *) (data + (int) (fix[0].y * map->height) * stride +
                             4 * (int) (fix[0].x * map->width));
  /* Grey: the three channels equal, and full white at the peak. */
  g_assert_cmphex (peak & 0xffffff, ==, 0xffffff);
  g_assert_cmphex (*(const guint32 *) data & 0xffffff, ==, 0);

  cairo_surface_destroy (back);
  cairo_surface_destroy (img);
  g_unlink (path);
  g_rmdir (dir);
}

/* eyeline-cli attention: a PNG of the map named after the image, and the
 * first fixation printed on the disc (centred at 0.75, 0.25). */
static void
test_cli (void)
{
  g_auto(EylFixtureRun) run = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("eyl-attention-cli-XXXXXX", &error);
  g_autofree char *input = NULL;
  g_autofree char *output = NULL;
  g_autofree char *out_dir = NULL;
  cairo_surface_t *img = grey_image (200, 200);
  cairo_surface_t *back;

  if (eyl_fixture_cli () == NULL)
    {
      g_test_skip ("EYL_CLI is not set (run the tests with meson)");
      cairo_surface_destroy (img);
      return;
    }
  g_assert_no_error (error);
  disc (img, 150, 50, 14, 0.9, 0.1, 0.1);
  input = g_build_filename (dir, "disc.png", NULL);
  g_assert_cmpint (cairo_surface_write_to_png (img, input), ==, CAIRO_STATUS_SUCCESS);
  out_dir = g_build_filename (dir, "maps", NULL);

  eyl_fixture_run_cli (&run, NULL, (const char *const[]) { "attention", "-o", out_dir, "-n", "1", input, NULL });
  g_test_message ("%s%s", run.out, run.err);
  g_assert_cmpint (run.status, ==, 0);
  {
    const char          *line = strstr (run.out, "fixation 1: ");
    EylAttentionFixation f = { 0 };

    g_assert_nonnull (line);
    g_assert_cmpint (sscanf (line, "fixation 1: %lf, %lf", &f.x, &f.y), ==, 2);
    g_assert_true (near (&f, 0.75, 0.25, 14.0 / 200));
  }
  output = g_build_filename (out_dir, "disc.png", NULL);
  back = eyl_attention_load_image (output, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (back), ==, 400);

  /* No image: a usage error. */
  eyl_fixture_run_clear (&run);
  eyl_fixture_run_cli (&run, NULL, (const char *const[]) { "attention", "-o", out_dir, NULL });
  g_assert_cmpint (run.status, ==, 2);

  cairo_surface_destroy (back);
  cairo_surface_destroy (img);
  g_unlink (output);
  g_rmdir (out_dir);
  g_unlink (input);
  g_rmdir (dir);
}

/* brand-over-customer cites the predicted attention (model) as the
 * visitor sees it: the brand's share and that of the contact that draws
 * most, from the placement's distance. */
static void
test_rule_sentence (void)
{
  g_autoptr(EylPlacement) placement = eyl_placement_new ("test", EYL_PLACEMENT_POSTER);
  g_autoptr(GPtrArray) elements = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
  g_autoptr(JsonObject) attention = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *sentence = NULL;
  g_autofree char *without = NULL;
  EylRuleContext   ctx = { 0 };
  EylRect          box = { 0, 0, 10, 10 };
  const char      *ids[] = { "logo-1", "url-1", "phone-1" };
  EylElementKind   kinds[] = { EYL_ELEMENT_LOGO, EYL_ELEMENT_URL, EYL_ELEMENT_PHONE };
  const char      *texts[] = { NULL, "tea.example", "0123 456" };

  placement->distance_m = 4;
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      EylElement *el = eyl_element_new (kinds[i], EYL_SOURCE_TEXT, texts[i], &box, 1);

      g_free (el->id);
      el->id = g_strdup (ids[i]);
      g_ptr_array_add (elements, el);
    }
  g_assert_true (json_parser_load_from_data (parser,
                                             "{\"elements\": [{\"element\": \"logo-1\", \"share\": 0.38},"
                                             " {\"element\": \"url-1\", \"share\": 0.031},"
                                             " {\"element\": \"phone-1\", \"share\": 0.01}]}",
                                             -1, NULL));
  attention = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
  ctx.placement = placement;
  ctx.elements = elements;
  without = eyl_rule_attention_sentence (&ctx, g_ptr_array_index (elements, 0));
  g_assert_null (without);
  ctx.attention = attention;
  sentence = eyl_rule_attention_sentence (&ctx, g_ptr_array_index (elements, 0));
  g_assert_nonnull (sentence);
  g_assert_true (g_str_has_prefix (sentence, "Predicted attention (model), from 4.0 m: "));
  g_assert_nonnull (strstr (sentence, "38 %"));
  g_assert_nonnull (strstr (sentence, "tea.example"));
  g_assert_nonnull (strstr (sentence, " 3 %."));
  g_assert_null (strstr (sentence, "0123"));
}

/* The window's layers on a real page: a 200 × 400 mm poster (at 1 pt
 * per mm) with a red disc on grey.  The first fixation is numbered on
 * the disc; a cassette hiding the lower 200 mm greys it; the walk-up
 * strip is drawn from the same page. */
static void
test_page_layers (void)
{
  g_autofree char *path = g_build_filename (eyl_fixture_dir (), "attention-layers.pdf", NULL);
  g_autofree char *uri = NULL;
  g_autoptr(GObject) doc = NULL;
  g_autoptr(GObject) page_obj = NULL;
  PopplerPage *page;
  g_autoptr(EylPlacement) placement = eyl_placement_new ("test", EYL_PLACEMENT_POSTER);
  EylRect          visible = { 0, 0, 200, 400 };
  EylPageFrame     frame;
  cairo_surface_t *pdf = cairo_pdf_surface_create (path, 200, 400);
  cairo_surface_t *heat, *strip;
  cairo_t         *cr = cairo_create (pdf);
  guint32          px;

  cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.9, 0.1, 0.1);
  cairo_arc (cr, 140, 100, 20, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (pdf);
  uri = g_filename_to_uri (path, NULL, NULL);
  doc = G_OBJECT (poppler_document_new_from_file (uri, NULL, NULL));
  g_assert_nonnull (doc);
  page = poppler_document_get_page (POPPLER_DOCUMENT (doc), 0);
  page_obj = G_OBJECT (page);

  placement->bottom_mm = 1000;
  eyl_page_frame_init (&frame, &visible, 200 * EYL_MM_PER_PT, 400 * EYL_MM_PER_PT, placement);
  heat = eyl_attention_heatmap_for_page (page, &frame, placement, 400);
  g_assert_nonnull (heat);
  g_assert_cmpint (cairo_image_surface_get_height (heat), ==, 400);
  g_assert_cmpint (cairo_image_surface_get_width (heat), ==, 200);
  /* The dark disc of the first fixation's marker, left of its "1". */
  px = *(guint32 *) (cairo_image_surface_get_data (heat) + 103 * cairo_image_surface_get_stride (heat) +
                     4 * 135) &
       0xffffff;
  g_assert_cmpint (px & 0xff, <, 0x30);
  g_assert_cmpint (px >> 16, <, 0x30);
  cairo_surface_destroy (heat);

  placement->hidden_bottom_mm = 200 * EYL_MM_PER_PT;
  eyl_page_frame_init (&frame, &visible, 200 * EYL_MM_PER_PT, 400 * EYL_MM_PER_PT, placement);
  heat = eyl_attention_heatmap_for_page (page, &frame, placement, 400);
  g_assert_nonnull (heat);
  px = *(guint32 *) (cairo_image_surface_get_data (heat) + 350 * cairo_image_surface_get_stride (heat) +
                     4 * 20) &
       0xffffff;
  /* Grey 0.5 paled to 0.835, halved: hidden. */
  g_assert_cmpint (px & 0xff, <, 0x70);
  g_assert_cmpint (px & 0xff, >, 0x60);
  cairo_surface_destroy (heat);

  strip = eyl_walkup_strip_for_page (page, NULL, &frame, placement, NULL, EYL_LEGIBILITY_1_200, 200);
  g_assert_nonnull (strip);
  g_assert_cmpint (cairo_image_surface_get_height (strip), >, 200);
  cairo_surface_destroy (strip);
  g_unlink (path);
}

/* The Boolean maps of one channel as the model's definition reads, pixel
 * by pixel: for each threshold and side, a flood from the border and from
 * what is hidden; what it does not reach is dilated by a plain search of
 * the square and added, divided by its area to the power @norm. */
static void
reference_boolean_maps (const guint8 *chan,
                        const guint8 *visible,
                        int           w,
                        int           h,
                        int           step,
                        int           dilate,
                        double        norm,
                        double       *acc)
{
  gsize              n = (gsize) w * h;
  g_autofree guint8 *reached = g_new (guint8, n);
  g_autofree guint8 *region = g_new (guint8, n);
  g_autofree int    *stack = g_new (int, n);
  int                lo = 255, hi = 0, r = dilate / 2;

  for (gsize i = 0; i < n; i++)
    {
      lo = MIN (lo, chan[i]);
      hi = MAX (hi, chan[i]);
    }
  for (int t = lo; t < hi; t += step)
    for (int side = 0; side < 2; side++)
      {
        int   top = 0;
        gsize area = 0, inside = 0;

#define IN_MAP(i) ((visible == NULL || visible[i]) && (chan[i] > t) == side)
        memset (reached, 0, n);
        for (int y = 0; y < h; y++)
          for (int x = 0; x < w; x++)
            {
              int      i = y * w + x;
              gboolean seed = x == 0 || y == 0 || x == w - 1 || y == h - 1;

              for (int dy = -1; dy <= 1 && !seed && visible != NULL; dy++)
                for (int dx = -1; dx <= 1 && !seed; dx++)
                  seed = !visible[(y + dy) * w + x + dx];
              if (seed && IN_MAP (i))
                {
                  reached[i] = 1;
                  stack[top++] = i;
                }
            }
        while (top > 0)
          {
            int i = stack[--top];

            for (int dy = -1; dy <= 1; dy++)
              for (int dx = -1; dx <= 1; dx++)
                {
                  int x = i % w + dx, y = i / w + dy, j = y * w + x;

                  if (x >= 0 && y >= 0 && x < w && y < h && !reached[j] && IN_MAP (j))
                    {
                      reached[j] = 1;
                      stack[top++] = j;
                    }
                }
          }
        for (gsize i = 0; i < n; i++)
          {
            region[i] = IN_MAP (i) && !reached[i];
            inside += region[i];
          }
#undef IN_MAP
        if (inside == 0)
          continue;
        memset (reached, 0, n);
        for (int y = 0; y < h; y++)
          for (int x = 0; x < w; x++)
            for (int yy = MAX (0, y - r); yy <= MIN (h - 1, y + r) && !reached[y * w + x]; yy++)
              for (int xx = MAX (0, x - r); xx <= MIN (w - 1, x + r); xx++)
                if (region[yy * w + xx])
                  {
                    reached[y * w + x] = 1;
                    area++;
                    break;
                  }
        for (gsize i = 0; i < n; i++)
          if (reached[i])
            acc[i] += pow ((double) area, -norm);
      }
}

/* The fast Boolean maps (runs, boxes, running counts) agree with the
 * plain computation on a drawn channel: rings, holes, shapes cut by the
 * edge and by what is hidden, a gradient. */
static void
test_boolean_maps_reference (void)
{
  const int          w = 83, h = 61;
  cairo_surface_t   *img = cairo_image_surface_create (CAIRO_FORMAT_A8, w, h);
  cairo_t           *cr = cairo_create (img);
  cairo_pattern_t   *ramp = cairo_pattern_create_linear (0, 0, w, 0);
  const guint8      *data;
  g_autofree guint8 *chan = g_new (guint8, (gsize) w * h);
  g_autofree guint8 *visible = g_new (guint8, (gsize) w * h);
  g_autofree float  *fast = g_new (float, (gsize) w *h);
  g_autofree double *ref = g_new (double, (gsize) w *h);
  const struct
  {
    gboolean hide;
    int      step, dilate;
    double   norm;
  } cases[] = { { FALSE, 8, 15, 0.35 }, { TRUE, 8, 15, 0.35 }, { TRUE, 16, 5, 0.5 }, { FALSE, 3, 1, 0.5 }, { TRUE, 24, 40, 0.35 } };
  int stride;

  cairo_pattern_add_color_stop_rgba (ramp, 0, 0, 0, 0, 0.2);
  cairo_pattern_add_color_stop_rgba (ramp, 1, 0, 0, 0, 0.6);
  cairo_set_source (cr, ramp);
  cairo_paint (cr);
  cairo_pattern_destroy (ramp);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.95);
  cairo_set_line_width (cr, 4);
  cairo_arc (cr, 22, 20, 11, 0, 2 * G_PI);
  cairo_stroke (cr);
  cairo_rectangle (cr, 50, 8, 20, 14);
  cairo_fill (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.05);
  cairo_rectangle (cr, 56, 12, 6, 5);
  cairo_fill (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.8);
  cairo_arc (cr, w - 4, 40, 9, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_arc (cr, 30, 47, 7, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_move_to (cr, 45, 30);
  cairo_line_to (cr, 70, 55);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
  cairo_destroy (cr);
  cairo_surface_flush (img);
  data = cairo_image_surface_get_data (img);
  stride = cairo_image_surface_get_stride (img);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        chan[y * w + x] = data[y * stride + x];
        /* A band at the bottom and a notch on the right are hidden; the
         * disc at the bottom left touches the band. */
        visible[y * w + x] = y < 52 && !(x > 60 && y > 24 && y < 30);
      }

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const guint8 *vis = cases[c].hide ? visible : NULL;
      double        peak = 0;

      memset (fast, 0, (gsize) w * h * sizeof *fast);
      memset (ref, 0, (gsize) w * h * sizeof *ref);
      eyl_attention_boolean_maps (chan, vis, w, h, cases[c].step, cases[c].dilate, cases[c].norm,
                                  fast);
      reference_boolean_maps (chan, vis, w, h, cases[c].step, cases[c].dilate, cases[c].norm, ref);
      for (int i = 0; i < w * h; i++)
        peak = MAX (peak, ref[i]);
      g_assert_cmpfloat (peak, >, 0);
      for (int i = 0; i < w * h; i++)
        if (fabs (fast[i] - ref[i]) > 1e-5 * peak)
          g_error ("case %u: pixel %d,%d is %g, the reference %g", c, i % w, i / w, fast[i],
                   ref[i]);
    }
  cairo_surface_destroy (img);
}

static int
compare_byte (const void *a,
              const void *b)
{
  return *(const guint8 *) a - *(const guint8 *) b;
}

/* The median filter against sorting each 3 × 3 window (the border
 * repeating its edge pixels), on widths on both sides of the sixteen
 * pixels the filter may take at once and on few and many grey levels. */
static void
test_median_reference (void)
{
  static const int widths[] = { 1, 2, 3, 15, 16, 17, 18, 19, 33, 34, 35, 50, 401 };
  GRand           *rand = g_rand_new_with_seed (7);

  for (guint k = 0; k < G_N_ELEMENTS (widths); k++)
    for (int levels = 2; levels <= 256; levels *= 8)
      {
        int                w = widths[k], h = 1 + (int) (k % 5);
        g_autofree guint8 *in = g_new (guint8, (gsize) w * h);
        g_autofree guint8 *out = g_new (guint8, (gsize) w * h);

        for (int i = 0; i < w * h; i++)
          in[i] = (guint8) g_rand_int_range (rand, 0, MIN (levels, 256));
        eyl_attention_median3x3 (in, w, h, out);
        for (int y = 0; y < h; y++)
          for (int x = 0; x < w; x++)
            {
              guint8 win[9];
              int    n = 0;

              for (int dy = -1; dy <= 1; dy++)
                for (int dx = -1; dx <= 1; dx++)
                  win[n++] = in[CLAMP (y + dy, 0, h - 1) * w + CLAMP (x + dx, 0, w - 1)];
              qsort (win, 9, 1, compare_byte);
              g_assert_cmpuint (out[y * w + x], ==, win[4]);
            }
      }
  g_rand_free (rand);
}

/* The centre prior on a flat map is the Gaussian of σ = ¼ of each side
 * about the middle, to the bit, on odd and even sides (the factor of one
 * quarter is mirrored onto the others). */
static void
test_centre_prior (void)
{
  static const int sizes[][2] = { { 7, 5 }, { 8, 6 }, { 1, 1 }, { 2, 9 }, { 400, 283 } };

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      int    w = sizes[k][0], h = sizes[k][1];
      double centre = 0.3;
      g_autoptr(EylAttentionMap) map = g_new0 (EylAttentionMap, 1);
      g_autofree float *expect = g_new (float, (gsize) w *h);
      float             hi = 0;

      map->width = w;
      map->height = h;
      map->values = g_new (float, (gsize) w *h);
      for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
          {
            double dx = (x + 0.5 - w / 2.0) / (0.25 * w);
            double dy = (y + 0.5 - h / 2.0) / (0.25 * h);

            map->values[y * w + x] = 1;
            expect[y * w + x] = (float) (1 - centre + centre * exp (-(dx * dx + dy * dy) / 2));
            hi = MAX (hi, expect[y * w + x]);
          }
      eyl_attention_map_refine (map, NULL, 0, centre, 1.0);
      for (int i = 0; i < w * h; i++)
        g_assert_true (map->values[i] == expect[i] / hi);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eyl/attention/red-disc-first-fixation", test_red_disc);
  g_test_add_func ("/eyl/attention/fixation-order", test_order);
  g_test_add_func ("/eyl/attention/hidden-gets-none", test_hidden);
  g_test_add_func ("/eyl/attention/surrounded-only", test_surrounded);
  g_test_add_func ("/eyl/attention/boolean-maps-reference", test_boolean_maps_reference);
  g_test_add_func ("/eyl/attention/median-reference", test_median_reference);
  g_test_add_func ("/eyl/attention/centre-prior", test_centre_prior);
  g_test_add_func ("/eyl/attention/flat-image", test_flat);
  g_test_add_func ("/eyl/attention/png", test_png);
  g_test_add_func ("/eyl/attention/cli", test_cli);
  g_test_add_func ("/eyl/attention/rule-sentence", test_rule_sentence);
  g_test_add_func ("/eyl/attention/page-layers", test_page_layers);

  return g_test_run ();
}
