/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cap-heights.c: the cap and x heights of lines measured on rendered
 * pixels (eyl-cap-heights.c): on the page rendered for them, on an
 * analysis raster with finer bands only for the small lines, and the
 * renders each costs. */
#include "config.h"

#include <string.h>

#include "eyl-analysis.h"
#include "eyl-cap-heights.h"
#include "eyl-document.h"
#include "eyl-fixtures.h"
#include "eyl-read.h"

/* DejaVu Sans metrics (units per em 2048): cap height 1493 (0.729 em),
 * x-height 1120 (0.547 em). */
#define DV_CAP 0.729
#define DV_X   0.547

/* A renderer that counts its renders (each a Poppler pass over the page)
 * before it hands them to the document's. */
typedef struct
{
  EylRenderer inner;
  guint       n_renders;
  guint       n_draws;
  double      n_pixels; /* of the renders */
  /* The clip of the last draw: its rectangles in pt, or none when it is
   * not pixel-aligned rectangles; px per pt. */
  GArray *clip;
  double  clip_scale;
} Counting;

static EylRaster *
counting_render (const EylRect *area,
                 double         scale,
                 gpointer       user_data,
                 GError       **error)
{
  Counting  *counting = user_data;
  EylRaster *raster;

  counting->n_renders++;
  raster = counting->inner.render (area, scale, counting->inner.user_data, error);
  if (raster != NULL)
    counting->n_pixels += (double) raster->width * raster->height;
  return raster;
}

/* The page of @texts with its lines measured: on an analysis raster at
 * @raster_scale px/pt over @raster_area (NULL: the whole page; the whole
 * page rendered for them when @raster_scale is 0), and on bands.  The
 * renders the measure made (the analysis raster not counted) in
 * @n_renders. */
static EylPageData *
measured_page (const EylFixturePage *pg,
               const EylFixtureText *texts,
               guint                 n_texts,
               double                raster_scale,
               const EylRect        *raster_area,
               guint                *n_renders)
{
  g_autofree char *path = eyl_fixture_pdf ("caps.pdf", pg, texts, n_texts);
  g_autoptr(GError) error = NULL;
  g_autoptr(EylDocument) doc = eyl_document_open (path, NULL, NULL, &error);
  g_autoptr(EylPageData) page = NULL;
  g_autoptr(EylRaster) raster = NULL;
  g_autofree double *caps = NULL, *xs = NULL;
  Counting           counting;
  EylRenderer        renderer;
  EylRect            whole;

  g_assert_no_error (error);
  page = eyl_document_get_page_data (doc, 0, NULL, &error);
  g_assert_no_error (error);
  /* The text layer alone: estimates. */
  for (guint i = 0; i < page->lines->len; i++)
    g_assert_false (g_array_index (page->lines, EylTextLine, i).measured);

  whole = (EylRect) { 0, 0, page->width, page->height };
  eyl_renderer_init (&counting.inner);
  g_assert_true (eyl_document_get_renderer (doc, 0, &counting.inner));
  counting.n_renders = 0;
  eyl_renderer_init (&renderer);
  renderer.render = counting_render;
  renderer.user_data = &counting;
  if (raster_scale > 0)
    {
      raster = eyl_renderer_render (&counting.inner, raster_area != NULL ? raster_area : &whole,
                                    raster_scale, &error);
      g_assert_no_error (error);
    }

  caps = g_new0 (double, page->lines->len);
  xs = g_new0 (double, page->lines->len);
  eyl_measure_line_heights ((const EylGlyph *) (gpointer) page->glyphs->data,
                            (const EylTextLine *) (gpointer) page->lines->data, page->lines->len,
                            &whole, raster, &renderer, FALSE, NULL, caps, xs);
  *n_renders = counting.n_renders;
  return eyl_page_data_new_with_line_metrics (page, caps, xs);
}

static const EylTextLine *
line_with (const EylPageData *page,
           const char        *text)
{
  const char *hit = strstr (page->text, text);
  guint       glyph, line;

  g_assert_nonnull (hit);
  glyph = (guint) g_utf8_pointer_to_offset (page->text, hit);
  line = g_array_index (page->glyphs, EylGlyph, glyph).line;
  g_assert_cmpuint (line, <, page->lines->len);
  return &g_array_index (page->lines, EylTextLine, line);
}

static void
check_metrics (const EylPageData *page,
               const char        *text,
               double             size,
               gboolean           with_x)
{
  const EylTextLine *line = line_with (page, text);

  g_test_message ("%s at %g pt: cap %.3f (want %.3f) x %.3f (want %.3f)", text, size,
                  line->cap_height, DV_CAP * size, line->x_height, DV_X * size);
  g_assert_true (line->measured);
  g_assert_cmpfloat_with_epsilon (line->cap_height, DV_CAP * size, 0.05 * DV_CAP * size);
  if (with_x)
    g_assert_cmpfloat_with_epsilon (line->x_height, DV_X * size, 0.05 * DV_X * size);
}

static EylFixtureText sizes_texts[] = {
  { 40, 100, 72, "HEFT vow", 0x000000 },
  { 40, 200, 24, "THE LINK zoo wax", 0x202020 },
  { 40, 260, 9, "FINE PRINT in wax", 0x000000 },
  { 40, 300, 4, "TINY LEGAL TEXT now", 0x000000 },
  { 40, 400, 30, "Light GREY text vex", 0x999999 },
  /* no cap or x letter: keeps the estimate */
  { 40, 500, 20, "0123 (9)", 0x000000 },
};

/* The lines of sizes_texts measured with an analysis raster at
 * @raster_scale (0: none), in @n_renders renders of their own. */
static void
check_sizes_at (double raster_scale,
                guint  n_renders)
{
  EylFixturePage pg = { .width_pt = 595, .height_pt = 842 };
  guint          renders = 0;
  g_autoptr(EylPageData) page = measured_page (&pg, sizes_texts, G_N_ELEMENTS (sizes_texts), raster_scale, NULL, &renders);
  const EylTextLine *digits;

  check_metrics (page, "HEFT", 72, TRUE);
  check_metrics (page, "THE LINK", 24, TRUE);
  check_metrics (page, "FINE PRINT", 9, TRUE);
  check_metrics (page, "TINY LEGAL", 4, TRUE);
  check_metrics (page, "Light GREY", 30, TRUE);

  digits = line_with (page, "0123");
  g_assert_false (digits->measured);
  g_assert_cmpfloat_with_epsilon (digits->cap_height, 0.7 * 20, 1e-6);
  g_assert_cmpuint (renders, ==, n_renders);
}

/* Without an analysis raster the page is rendered whole for them (~2.7
 * px/pt on A4), and the 4 pt line (~11 px there) again on a finer band. */
static void
test_whole_page (void)
{
  check_sizes_at (0, 2);
}

/* On an analysis raster of 1 px/pt the 72, 30 and 24 pt lines (caps of
 * 17 px and more) are measured on it; the 9 and 4 pt lines on one render
 * of both their bands, the only render the measure makes. */
static void
test_analysis_raster (void)
{
  check_sizes_at (1.0, 1);
}

/* Letters the analysis raster shows large enough cost no render. */
static void
test_large_only (void)
{
  EylFixtureText texts[] = {
    { 40, 100, 60, "HEADLINE ZONE", 0x000000 },
    { 40, 220, 36, "WHITE ON NAVY zzz", 0x10204a },
  };
  EylFixturePage pg = { .width_pt = 595, .height_pt = 842 };
  guint          n_renders = 0;
  g_autoptr(EylPageData) page = measured_page (&pg, texts, G_N_ELEMENTS (texts), 1.0, NULL, &n_renders);

  check_metrics (page, "HEADLINE", 60, FALSE);
  check_metrics (page, "WHITE", 36, TRUE);
  g_assert_cmpuint (n_renders, ==, 0);
}

/* A line the analysis raster does not cover (it shows the trim box: the
 * bleed and slug lie outside) is measured on a band. */
static void
test_outside_raster (void)
{
  EylFixtureText texts[] = {
    { 40, 100, 48, "INSIDE THE TRIM", 0x000000 },
    { 40, 560, 48, "IN THE SLUG zone", 0x000000 },
  };
  EylFixturePage pg = { .width_pt = 500, .height_pt = 600 };
  EylRect        top = { 0, 0, 500, 400 };
  guint          n_renders = 0;
  g_autoptr(EylPageData) page = measured_page (&pg, texts, G_N_ELEMENTS (texts), 1.0, &top, &n_renders);

  check_metrics (page, "INSIDE", 48, FALSE);
  check_metrics (page, "SLUG", 48, TRUE);
  g_assert_cmpuint (n_renders, ==, 1);
}

static void
test_light_on_dark (void)
{
  EylFixtureText texts[] = {
    { 30, 120, 36, "WHITE ON NAVY zzz", 0xffffff },
    { 30, 220, 12, "ELEVEN TIMES zoo", 0xffee00 },
  };
  EylFixturePage pg = {
    .width_pt = 500,
    .height_pt = 300,
    .fill_background = TRUE,
    .background = 0x10204a,
  };
  guint n_renders = 0;
  g_autoptr(EylPageData) page = measured_page (&pg, texts, G_N_ELEMENTS (texts), 1.5, NULL, &n_renders);

  check_metrics (page, "WHITE", 36, TRUE);
  check_metrics (page, "ELEVEN", 12, TRUE);
}

/* A light title set tight over a dark line: the title's glyph boxes
 * reach into the darker line, whose ink must not make the title's own
 * rows count as half inked. */
static void
test_tight_lines (void)
{
  EylFixtureText texts[] = {
    { 40, 100, 60, "TITLE ZINE", 0x4ab969 },
    { 40, 112, 14, "Spatial database extender", 0x0a1a33 },
  };
  EylFixturePage pg = { .width_pt = 500, .height_pt = 300 };
  guint          n_renders = 0;
  g_autoptr(EylPageData) page = measured_page (&pg, texts, G_N_ELEMENTS (texts), 0, NULL, &n_renders);

  check_metrics (page, "TITLE", 60, FALSE);
}

/* On a page turned a quarter the text runs down the page: the cap height
 * is measured across the vertical line. */
static void
test_rotated (void)
{
  EylFixtureText texts[] = { { 100, 200, 20, "HELLO", 0x000000 } };
  EylFixturePage pg = { .width_pt = 600, .height_pt = 800, .rotate = 90 };
  guint          n_renders = 0;
  g_autoptr(EylPageData) page = measured_page (&pg, texts, 1, 2.0, NULL, &n_renders);

  check_metrics (page, "HELLO", 20, FALSE);
}

static gboolean
counting_draw (cairo_t *cr,
               gpointer user_data,
               GError **error)
{
  Counting               *counting = user_data;
  cairo_rectangle_list_t *clip = cairo_copy_clip_rectangle_list (cr);
  cairo_matrix_t          matrix;

  cairo_get_matrix (cr, &matrix);
  counting->clip_scale = matrix.xx;
  if (counting->clip == NULL)
    counting->clip = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  g_array_set_size (counting->clip, 0);
  if (clip->status == CAIRO_STATUS_SUCCESS)
    g_array_append_vals (counting->clip, clip->rectangles, clip->num_rectangles);
  cairo_rectangle_list_destroy (clip);
  counting->n_draws++;
  return counting->inner.draw (cr, counting->inner.user_data, error);
}

/* The element whose text holds @needle, or fails. */
static const EylElement *
element_with (const EylPageRead *read,
              const char        *needle)
{
  for (guint i = 0; i < read->elements->len; i++)
    {
      const EylElement *e = g_ptr_array_index (read->elements, i);

      if (e->text != NULL && strstr (e->text, needle) != NULL)
        return e;
    }
  g_assert_not_reached ();
  return NULL;
}

/* The Read stage measures the lines on its analysis raster, and the
 * small ones on finer bands: its text layer holds them, and each element
 * carries its line's measured cap height.  With small lines far apart
 * (@spread: long lines of 5 pt and 3 pt at the top and the bottom of the
 * page, which one band render of 16 Mpx cannot serve: three renders), a renderer that can draw the page
 * into a recording (@draw) makes one Poppler pass for it all, the
 * analysis raster a replay of it bit for bit what a render gives; else
 * the raster and the bands are rendered.  With a picture on the page
 * (@picture), only when its pixel size is known (@sizes): a recording
 * holds the page's images at their own size, and one of unknown size
 * could hold anything. */
static void
check_read_stage (gboolean draw,
                  gboolean spread,
                  gboolean picture,
                  gboolean sizes)
{
  EylFixtureText texts[] = {
    { 40, 100, 40, "ZENITH KITES", 0x000000 },
    { 40, 160, 5, "FINE PRINT TERMS zone FINE PRINT TERMS zone FINE PRINT TERMS zone "
                  "FINE PRINT TERMS zone FINE PRINT TERMS zone FINE PRINT TERMS zone "
                  "FINE PRINT TERMS zone FINE PRINT TERMS zone",
      0x333333 },
    { 40, 800, 3, "TINY LEGAL LINE zone TINY LEGAL LINE zone TINY LEGAL LINE zone "
                  "TINY LEGAL LINE zone TINY LEGAL LINE zone TINY LEGAL LINE zone "
                  "TINY LEGAL LINE zone TINY LEGAL LINE zone TINY LEGAL LINE zone "
                  "TINY LEGAL LINE zone TINY LEGAL LINE zone TINY LEGAL LINE zone",
      0x333333 },
  };
  EylFixturePage   pg = { .width_pt = 595, .height_pt = 842 };
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EylDocument) doc = NULL;
  g_autoptr(EylPageData) page = NULL;
  g_autoptr(EylPageRead) read = NULL;
  g_autoptr(EylRaster) rendered = NULL;
  const EylRaster   *raster;
  EylAnalysisOptions options;
  Counting           counting = { 0 };
  EylRenderer        renderer;
  gboolean           recorded = draw && spread && (!picture || sizes);

  if (picture)
    {
      /* 300 × 150 px on 144 × 72 pt, clear of the lines */
      pg.image_box[0] = 300, pg.image_box[1] = 400, pg.image_box[2] = 444, pg.image_box[3] = 472;
      pg.image_width_px = 300, pg.image_height_px = 150;
    }
  path = eyl_fixture_pdf ("read.pdf", &pg, texts, spread ? 3 : 2);
  doc = eyl_document_open (path, NULL, NULL, &error);
  g_assert_no_error (error);
  page = eyl_document_get_page_data (doc, 0, NULL, &error);
  g_assert_no_error (error);
  if (picture && !sizes)
    {
      /* What page data gives an image nothing in the file sizes and
       * nothing decoded. */
      EylImageInfo *image = &g_array_index (page->images, EylImageInfo, 0);

      g_assert_cmpint (image->width_px, ==, 300);
      image->width_px = image->height_px = 0;
    }
  eyl_renderer_init (&counting.inner);
  g_assert_true (eyl_document_get_renderer (doc, 0, &counting.inner));
  eyl_renderer_init (&renderer);
  renderer.render = counting_render;
  renderer.draw = draw ? counting_draw : NULL;
  renderer.user_data = &counting;

  eyl_analysis_options_init (&options);
  options.overrides.size_w_mm = 210;
  options.overrides.size_h_mm = 297;
  options.pixels.ocr = options.pixels.qr = options.pixels.logos = FALSE;
  read = eyl_read_page (page, &renderer, &options);
  g_assert_nonnull (read);

  /* Measured, not the estimates from the font size (0.7 em); 40 pt
   * capitals are 41 px on the 1.4 px/pt analysis raster of A4 (its floor
   * of 1 Mpx), 5 pt ones 5 px, too few. */
  g_assert_cmpfloat_with_epsilon (element_with (read, "ZENITH")->cap_height, DV_CAP * 40, 0.01 * DV_CAP * 40);
  g_assert_nonnull (read->text_layer);
  check_metrics (read->text_layer, "FINE PRINT", 5, TRUE);
  if (spread)
    check_metrics (read->text_layer, "TINY LEGAL", 3, TRUE);
  /* Spread, the bands want finer than the render they could share:
   * it is not made. */
  g_assert_cmpuint (counting.n_draws + counting.n_renders, ==, recorded ? 1 : spread ? 3
                                                                                     : 2);
  /* Recorded, the page is drawn once; else each band is drawn with its
   * letters in the clip when the renderer can draw, the analysis raster
   * rendered. */
  g_assert_cmpuint (counting.n_draws, ==, recorded ? 1 : draw ? (spread ? 2 : 1)
                                                              : 0);

  raster = read->attention_raster;
  g_assert_nonnull (raster);
  rendered = eyl_renderer_render (&counting.inner, &raster->area, raster->scale, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rendered->width, ==, raster->width);
  g_assert_cmpint (rendered->height, ==, raster->height);
  for (int y = 0; y < raster->height; y++)
    g_assert_cmpmem (raster->data + (gsize) y * raster->stride, raster->width * 4,
                     rendered->data + (gsize) y * rendered->stride, rendered->width * 4);
}

static void
test_read_stage_recorded (void)
{
  check_read_stage (TRUE, TRUE, FALSE, TRUE);
}

/* A picture whose pixel size is known, then one whose is not. */
static void
test_read_stage_picture (void)
{
  check_read_stage (TRUE, TRUE, TRUE, TRUE);
  check_read_stage (TRUE, TRUE, TRUE, FALSE);
}

/* One band: a render of it costs less than a recording. */
static void
test_read_stage_one_band (void)
{
  check_read_stage (TRUE, FALSE, FALSE, TRUE);
}

static void
test_read_stage_rendered (void)
{
  check_read_stage (FALSE, TRUE, FALSE, TRUE);
}

/* The lines of @page measured on an analysis raster at 1.4 px/pt and on
 * bands rendered by @doc's renderer, its draw function left out unless
 * @draw, told that its renders are replays (@replays); the Poppler
 * passes in @counting. */
static void
measure_bands (EylDocument       *doc,
               const EylPageData *page,
               gboolean           draw,
               gboolean           replays,
               Counting          *counting,
               double            *caps,
               double            *xs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EylRaster) raster = NULL;
  EylRenderer renderer;
  EylRect     whole = { 0, 0, page->width, page->height };

  eyl_renderer_init (&counting->inner);
  g_assert_true (eyl_document_get_renderer (doc, 0, &counting->inner));
  counting->n_renders = counting->n_draws = 0;
  counting->n_pixels = 0;
  eyl_renderer_init (&renderer);
  renderer.render = counting_render;
  renderer.draw = draw ? counting_draw : NULL;
  renderer.user_data = counting;
  raster = eyl_renderer_render (&counting->inner, &whole, 1.4, &error);
  g_assert_no_error (error);
  eyl_measure_line_heights ((const EylGlyph *) (gpointer) page->glyphs->data,
                            (const EylTextLine *) (gpointer) page->lines->data, page->lines->len,
                            &whole, raster, &renderer, replays, NULL, caps, xs);
}

/* Small lines at the top and the bottom of a page, and the same with
 * long lines of 5 pt and 3 pt (spread: their bands want finer than the
 * render they could share and are rendered each by itself). */
static const EylFixtureText panel_texts[] = {
  { 40, 100, 40, "ZENITH KITES", 0x000000 },
  { 40, 160, 5, "FINE PRINT TERMS zone FINE PRINT TERMS zone", 0x333333 },
  { 40, 800, 4, "TINY LEGAL LINE zone TINY LEGAL LINE zone", 0x333333 },
};
static const EylFixtureText spread_texts[] = {
  { 40, 100, 40, "ZENITH KITES", 0x000000 },
  { 40, 160, 5, "FINE PRINT TERMS zone FINE PRINT TERMS zone FINE PRINT TERMS zone "
                "FINE PRINT TERMS zone FINE PRINT TERMS zone FINE PRINT TERMS zone",
    0x333333 },
  { 40, 800, 3, "TINY LEGAL LINE zone TINY LEGAL LINE zone TINY LEGAL LINE zone "
                "TINY LEGAL LINE zone TINY LEGAL LINE zone TINY LEGAL LINE zone "
                "TINY LEGAL LINE zone TINY LEGAL LINE zone TINY LEGAL LINE zone",
    0x333333 },
};

/* The page of @texts with a picture (a panel) between them, its lines
 * measured by measure_bands() on bands rendered whole (the renders in
 * @whole), then with @draw and @replays (in @other): every line measures
 * the same to the bit, and is measured. */
static EylPageData *
measure_panel_page (const EylFixtureText *texts,
                    guint                 n_texts,
                    gboolean              draw,
                    gboolean              replays,
                    Counting             *whole,
                    Counting             *other)
{
  EylFixturePage   pg = { .width_pt = 595, .height_pt = 842 };
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EylDocument) doc = NULL;
  g_autoptr(EylPageData) page = NULL;
  g_autofree double *caps = NULL, *xs = NULL, *other_caps = NULL, *other_xs = NULL;
  guint              n_lines;

  pg.image_box[0] = 40, pg.image_box[1] = 300, pg.image_box[2] = 540, pg.image_box[3] = 700;
  pg.image_width_px = 300, pg.image_height_px = 240;
  path = eyl_fixture_pdf ("panel.pdf", &pg, texts, n_texts);
  doc = eyl_document_open (path, NULL, NULL, &error);
  g_assert_no_error (error);
  page = eyl_document_get_page_data (doc, 0, NULL, &error);
  g_assert_no_error (error);
  n_lines = page->lines->len;
  caps = g_new0 (double, n_lines);
  xs = g_new0 (double, n_lines);
  other_caps = g_new0 (double, n_lines);
  other_xs = g_new0 (double, n_lines);

  measure_bands (doc, page, FALSE, FALSE, whole, caps, xs);
  measure_bands (doc, page, draw, replays, other, other_caps, other_xs);
  g_test_message ("%u renders of %.0f px, then %u of %.0f px and %u draws", whole->n_renders,
                  whole->n_pixels, other->n_renders, other->n_pixels, other->n_draws);
  for (guint i = 0; i < n_lines; i++)
    g_test_message ("line %u: cap %.4f / %.4f x %.4f / %.4f", i, caps[i], other_caps[i], xs[i],
                    other_xs[i]);
  g_assert_cmpmem (caps, n_lines * sizeof (double), other_caps, n_lines * sizeof (double));
  g_assert_cmpmem (xs, n_lines * sizeof (double), other_xs, n_lines * sizeof (double));
  for (guint i = 0; i < n_lines; i++)
    g_assert_cmpfloat (caps[i], >, 0);
  return g_steal_pointer (&page);
}

/* Small lines at the top and the bottom of a page with a dark panel
 * between them: the render they share (or with @spread each band's) is
 * drawn with only their letters and their background rings in its clip
 * (each within its line's box grown by a quarter of its height, or 3
 * px: not the band's margin of half its height), and measures every line
 * as a render of it all does, to the bit. */
static void
check_drawn (gboolean spread)
{
  Counting whole = { 0 }, drawn = { 0 };
  g_autoptr(EylPageData) page = measure_panel_page (spread ? spread_texts : panel_texts, 3, TRUE, FALSE,
                                                     &whole, &drawn);

  g_assert_cmpuint (whole.n_renders, ==, spread ? 2 : 1);
  g_assert_cmpuint (whole.n_draws, ==, 0);
  g_assert_cmpuint (drawn.n_renders, ==, 0);
  g_assert_cmpuint (drawn.n_draws, ==, spread ? 2 : 1);
  g_assert_cmpuint (drawn.clip->len, >=, 1);
  for (guint i = 0; i < drawn.clip->len; i++)
    {
      const cairo_rectangle_t *r = &g_array_index (drawn.clip, cairo_rectangle_t, i);
      gboolean                 within = FALSE;

      g_test_message ("clip %.1f %.1f %.1f × %.1f pt", r->x, r->y, r->width, r->height);
      for (guint k = 0; k < page->lines->len && !within; k++)
        {
          EylRect box = g_array_index (page->lines, EylTextLine, k).box;
          double  grow = MAX (0.25 * eyl_rect_height (&box), 3 / drawn.clip_scale);

          within = r->x >= box.x0 - grow && r->y >= box.y0 - grow &&
                   r->x + r->width <= box.x1 + grow && r->y + r->height <= box.y1 + grow;
        }
      g_assert_true (within);
    }
  g_clear_pointer (&whole.clip, g_array_unref);
  g_clear_pointer (&drawn.clip, g_array_unref);
}

static void
test_shared_band_drawn (void)
{
  check_drawn (FALSE);
}

/* One draw a band, each with its letters in the clip. */
static void
test_bands_drawn (void)
{
  check_drawn (TRUE);
}

/* Small lines on a page with a picture between them, measured on bands
 * from a renderer that replays a recording: only their letters are
 * replayed, one render a line, each on the band's pixel grid, and every
 * line measures to the bit as on the whole band.  With @spread (long
 * lines of 5 pt and 3 pt at the top and the bottom), the bands want
 * finer than the render they could share and are rendered each by
 * itself; else they share one. */
static void
check_replayed_letters (gboolean spread)
{
  Counting whole = { 0 }, replayed = { 0 };

  g_autoptr(EylPageData) page = measure_panel_page (spread ? spread_texts : panel_texts, 3, FALSE, TRUE,
                                                     &whole, &replayed);

  g_assert_cmpuint (whole.n_renders, ==, spread ? 2 : 1);
  /* A replay a small line: its letters, not the picture beside them. */
  g_assert_cmpuint (replayed.n_renders, ==, 2);
  g_assert_cmpfloat (replayed.n_pixels, <, 0.25 * whole.n_pixels);
}

static void
test_replayed_letters (void)
{
  check_replayed_letters (FALSE);
  check_replayed_letters (TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/eyl/cap-heights/whole-page", test_whole_page);
  g_test_add_func ("/eyl/cap-heights/analysis-raster", test_analysis_raster);
  g_test_add_func ("/eyl/cap-heights/large-only", test_large_only);
  g_test_add_func ("/eyl/cap-heights/outside-raster", test_outside_raster);
  g_test_add_func ("/eyl/cap-heights/light-on-dark", test_light_on_dark);
  g_test_add_func ("/eyl/cap-heights/tight-lines", test_tight_lines);
  g_test_add_func ("/eyl/cap-heights/rotated", test_rotated);
  g_test_add_func ("/eyl/cap-heights/read-stage-recorded", test_read_stage_recorded);
  g_test_add_func ("/eyl/cap-heights/read-stage-one-band", test_read_stage_one_band);
  g_test_add_func ("/eyl/cap-heights/read-stage-rendered", test_read_stage_rendered);
  g_test_add_func ("/eyl/cap-heights/read-stage-picture", test_read_stage_picture);
  g_test_add_func ("/eyl/cap-heights/shared-band-drawn", test_shared_band_drawn);
  g_test_add_func ("/eyl/cap-heights/bands-drawn", test_bands_drawn);
  g_test_add_func ("/eyl/cap-heights/replayed-letters", test_replayed_letters);
  return g_test_run ();
}
