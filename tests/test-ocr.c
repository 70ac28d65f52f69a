/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ocr.c: OCR of text drawn as outlines (cairo_text_path + fill, so
 * there is no text layer), on pages drawn with Cairo at test time.  The
 * renderer of these tests draws the same page at any scale, as the
 * worker's Poppler renderer does. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <cairo.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "eyl-analysis.h"
#include "eyl-fixtures.h"
#include "eyl-document.h"
#include "eyl-detect.h"
#include "eyl-detect-pixels.h"

#define MM (72.0 / 25.4) /* pt per mm */

/* DejaVu Sans: cap height 0.729 em (its 'H' is 1493 of 2048 units). */
#define CAP_EM 0.729

typedef struct
{
  const char *text;
  double      x, y;   /* left end of the baseline, pt */
  double      cap_mm; /* cap height */
  double      turn;   /* radians, clockwise (0: level) */
} Line;

typedef struct
{
  double      width, height; /* pt */
  const Line *lines;
  guint       n_lines;
  guint       renders;   /* calls to the render func */
  double      max_scale; /* finest scale asked for */
  EylRect     dots;      /* a grid of round dots drawn here, pt (empty: none) */
  EylRect     photo;     /* a photo-like picture drawn here, pt (empty: none) */
  EylRect     waves;     /* wavy stripes across it, pt (empty: none) */
  EylRect     watched;   /* renders of most of this box, but not of most
                          * of the page, are counted, pt */
  guint       watched_renders;
  guint       draws; /* calls to the draw func (recordings) */
  EylRect     panel; /* a teal panel drawn here, pt (empty: none) */
} Page;

/* Dots 4 mm across, 6 mm apart: rows of letter-sized ink either way
 * round, which no reading makes words of. */
#define DOT_MM   4.0
#define DOT_STEP 6.0

static void
draw_dots (const Page *page,
           cairo_t    *cr)
{
  for (double y = page->dots.y0; y + DOT_MM * MM <= page->dots.y1; y += DOT_STEP * MM)
    for (double x = page->dots.x0; x + DOT_MM * MM <= page->dots.x1; x += DOT_STEP * MM)
      {
        cairo_new_sub_path (cr);
        cairo_arc (cr, x + DOT_MM * MM / 2, y + DOT_MM * MM / 2, DOT_MM * MM / 2, 0, 2 * G_PI);
      }
  cairo_fill (cr);
}

/* A photo: a busy ground (foliage, gravel, a crowd: every pixel of it
 * differs from the next) with dark specks of letter size scattered over
 * it, at PHOTO_PX per mm.  The same picture at any scale. */
#define PHOTO_PX     2
#define PHOTO_SPECKS 400

static void
draw_photo (const Page *page,
            cairo_t    *cr)
{
  int              w = (int) (eyl_rect_width (&page->photo) / MM * PHOTO_PX);
  int              h = (int) (eyl_rect_height (&page->photo) / MM * PHOTO_PX);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cairo_t         *icr = cairo_create (image);
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);
  guint8 *data;

  cairo_surface_flush (image);
  data = cairo_image_surface_get_data (image);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 v = (guint32) g_rand_int_range (rand, 90, 200);

        ((guint32 *) (data + (gsize) y * cairo_image_surface_get_stride (image)))[x] = v << 16 | v << 8 | v;
      }
  cairo_surface_mark_dirty (image);
  cairo_set_source_rgb (icr, 0.1, 0.1, 0.1);
  for (guint i = 0; i < PHOTO_SPECKS; i++)
    {
      double r = g_rand_double_range (rand, 1.0, 3.0) * PHOTO_PX;

      cairo_save (icr);
      cairo_translate (icr, g_rand_double_range (rand, 0, w), g_rand_double_range (rand, 0, h));
      cairo_scale (icr, g_rand_double_range (rand, 0.5, 1.5), 1);
      cairo_arc (icr, 0, 0, r, 0, 2 * G_PI);
      cairo_restore (icr);
      cairo_fill (icr);
    }
  cairo_destroy (icr);

  cairo_save (cr);
  cairo_translate (cr, page->photo.x0, page->photo.y0);
  cairo_scale (cr, MM / PHOTO_PX, MM / PHOTO_PX);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_surface_destroy (image);
}

/* Decoration: wavy stripes across @page->waves, one a WAVE_STEP mm,
 * each a stroke WAVE_MM wide that rises and falls by its own height
 * every WAVE_PERIOD mm. */
#define WAVE_MM     1.5
#define WAVE_STEP   8.0
#define WAVE_PERIOD 12.0

static void
draw_waves (const Page *page,
            cairo_t    *cr)
{
  double amplitude = 2.0 * MM;

  cairo_save (cr);
  cairo_set_line_width (cr, WAVE_MM * MM);
  for (double y = page->waves.y0 + amplitude; y + amplitude <= page->waves.y1; y += WAVE_STEP * MM)
    {
      cairo_move_to (cr, page->waves.x0, y);
      for (double x = page->waves.x0; x <= page->waves.x1; x += 0.5 * MM)
        cairo_line_to (cr, x, y + amplitude * sin (2 * G_PI * (x - page->waves.x0) / (WAVE_PERIOD * MM)));
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
draw_page (Page    *page,
           cairo_t *cr)
{
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  for (guint i = 0; i < page->n_lines; i++)
    {
      cairo_set_font_size (cr, page->lines[i].cap_mm * MM / CAP_EM);
      cairo_save (cr);
      cairo_translate (cr, page->lines[i].x, page->lines[i].y);
      cairo_rotate (cr, page->lines[i].turn);
      cairo_move_to (cr, 0, 0);
      /* Outlines: what a "create outlines" export leaves of the text. */
      cairo_text_path (cr, page->lines[i].text);
      cairo_fill (cr);
      cairo_restore (cr);
    }
  if (!eyl_rect_is_empty (&page->dots))
    draw_dots (page, cr);
  if (!eyl_rect_is_empty (&page->photo))
    draw_photo (page, cr);
  if (!eyl_rect_is_empty (&page->waves))
    draw_waves (page, cr);
  if (!eyl_rect_is_empty (&page->panel))
    {
      cairo_set_source_rgb (cr, 0.4, 0.65, 0.7);
      cairo_rectangle (cr, page->panel.x0, page->panel.y0, eyl_rect_width (&page->panel),
                       eyl_rect_height (&page->panel));
      cairo_fill (cr);
    }
}

/* The ink box of line @i in page space. */
static EylRect
ink_box (const Page *page,
         guint       i)
{
  cairo_surface_t     *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t             *cr = cairo_create (surface);
  cairo_text_extents_t ext;
  EylRect              box;

  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, page->lines[i].cap_mm * MM / CAP_EM);
  cairo_text_extents (cr, page->lines[i].text, &ext);
  box.x0 = page->lines[i].x + ext.x_bearing;
  box.y0 = page->lines[i].y + ext.y_bearing;
  box.x1 = box.x0 + ext.width;
  box.y1 = box.y0 + ext.height;
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return box;
}

static EylRaster *
render_page (const EylRect *area,
             double         scale,
             gpointer       user_data,
             GError       **error)
{
  Page      *page = user_data;
  EylRaster *raster = eyl_raster_new (area, scale);
  cairo_t   *cr = eyl_raster_create_context (raster);

  page->renders++;
  page->max_scale = MAX (page->max_scale, scale);
  if (!eyl_rect_is_empty (&page->watched))
    {
      EylRect in;

      if (eyl_rect_width (area) * eyl_rect_height (area) < 0.5 * page->width * page->height &&
          eyl_rect_intersect (area, &page->watched, &in) &&
          eyl_rect_width (&in) * eyl_rect_height (&in) >
              0.5 * eyl_rect_width (&page->watched) * eyl_rect_height (&page->watched))
        page->watched_renders++;
    }
  draw_page (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (eyl_raster_get_surface (raster));
  return raster;
}

/* The analysis raster: 1 px per mm of the page (1:1 pages here). */
static EylRaster *
analysis_raster (Page *page)
{
  EylRect    area = { 0, 0, page->width, page->height };
  EylRaster *raster = eyl_raster_new (&area, 1.0 / MM);
  cairo_t   *cr = eyl_raster_create_context (raster);

  draw_page (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (eyl_raster_get_surface (raster));
  return raster;
}

static EylPageData *
page_data (const Page *page,
           gboolean    live)
{
  EylPageDataBuilder *builder = eyl_page_data_builder_new (0, page->width, page->height);

  for (guint i = 0; live && i < page->n_lines; i++)
    {
      EylRect box = ink_box (page, i);
      double  size = page->lines[i].cap_mm * MM / CAP_EM;

      eyl_page_data_builder_add_text (builder, page->lines[i].text, &box, NULL, "DejaVu Sans",
                                      size, 0x1a1a1a);
      eyl_page_data_builder_add_text (builder, "\n", &box, NULL, "DejaVu Sans", size, 0x1a1a1a);
    }
  return eyl_page_data_builder_end (builder);
}

typedef struct
{
  GPtrArray *elements;
  GPtrArray *warnings;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->elements, g_ptr_array_unref);
  g_clear_pointer (&result->warnings, g_ptr_array_unref);
}

/* Runs the text detectors and then OCR, as the analysis does. */
static Result
run (Page       *page,
     gboolean    live,
     gboolean    with_renderer,
     const char *languages)
{
  g_autoptr(EylPageData) data = page_data (page, live);
  g_autoptr(EylRaster) raster = analysis_raster (page);
  EylRenderer     renderer;
  EylPixelOptions options = { TRUE, languages, FALSE, FALSE };
  Result          result;

  eyl_renderer_init (&renderer);
  if (with_renderer)
    {
      renderer.render = render_page;
      renderer.user_data = page;
    }
  result.elements = eyl_detect_all (data, NULL);
  result.warnings = g_ptr_array_new_with_free_func (g_free);
  eyl_detect_ocr (data, raster, &renderer, NULL, &options, result.elements, result.warnings, NULL);
  for (guint i = 0; i < result.elements->len; i++)
    {
      EylElement *e = g_ptr_array_index (result.elements, i);

      g_test_message ("%s %s %.2f [%.0f %.0f %.0f %.0f] %s", eyl_source_to_string (e->source),
                      eyl_element_kind_to_string (e->kind), e->confidence,
                      e->box.x0, e->box.y0, e->box.x1, e->box.y1, e->text);
    }
  return result;
}

static const EylElement *
find (GPtrArray     *elements,
      EylElementKind kind,
      EylSource      source)
{
  for (guint i = 0; i < elements->len; i++)
    {
      const EylElement *e = g_ptr_array_index (elements, i);

      if (e->kind == kind && e->source == source)
        return e;
    }
  return NULL;
}

static guint
count (GPtrArray     *elements,
       EylElementKind kind)
{
  guint n = 0;

  for (guint i = 0; i < elements->len; i++)
    n += ((const EylElement *) g_ptr_array_index (elements, i))->kind == kind;
  return n;
}

/* A roll-up 850 × 2000 mm at 1:1 with the website and phone at the
 * bottom, 20 mm cap height, as outlines. */
static const Line banner_lines[] = {
  { "www.northwind-tea.example", 60 * MM, 1700 * MM, 20 },
  { "+44 20 7946 0958", 60 * MM, 1800 * MM, 20 },
};

static Page
banner (void)
{
  return (Page) { 850 * MM, 2000 * MM, banner_lines, G_N_ELEMENTS (banner_lines), 0, 0, { 0, 0, 0, 0 } };
}

/* A roll-up 850 × 2000 mm at 1:1 with @lines, nothing else drawn. */
static Page
roll_up (const Line *lines,
         guint       n_lines)
{
  return (Page) { 850 * MM, 2000 * MM, lines, n_lines, 0, 0, { 0, 0, 0, 0 }, { 0, 0, 0, 0 } };
}

/* Asserts that @e is where line @i was drawn, within 3 mm. */
static void
assert_at (const EylElement *e,
           const Page       *page,
           guint             i)
{
  EylRect drawn = ink_box (page, i);

  g_assert_nonnull (e);
  g_assert_cmpfloat_with_epsilon (e->box.x0, drawn.x0, 3 * MM);
  g_assert_cmpfloat_with_epsilon (e->box.y0, drawn.y0, 3 * MM);
  g_assert_cmpfloat_with_epsilon (e->box.x1, drawn.x1, 3 * MM);
  g_assert_cmpfloat_with_epsilon (e->box.y1, drawn.y1, 3 * MM);
}

static void
check_banner (gboolean with_renderer)
{
  Page              page = banner ();
  Result            result;
  const EylElement *url, *phone;

  if (!eyl_fixture_have_ocr ())
    return;

  result = run (&page, FALSE, with_renderer, NULL);
  url = find (result.elements, EYL_ELEMENT_URL, EYL_SOURCE_OCR);
  phone = find (result.elements, EYL_ELEMENT_PHONE, EYL_SOURCE_OCR);
  g_assert_nonnull (url);
  g_assert_cmpstr (url->text, ==, "www.northwind-tea.example");
  assert_at (url, &page, 0);
  g_assert_nonnull (phone);
  assert_at (phone, &page, 1);
  g_assert_cmpfloat (url->confidence, >, 0.5);
  g_assert_cmpfloat (url->confidence, <=, 1.0);
  /* Measured cap height: 20 mm, as drawn (±15 %). */
  g_assert_cmpfloat_with_epsilon (url->cap_height, 20 * MM, 3 * MM);
  g_assert_cmpuint (result.warnings->len, ==, 0);
  if (with_renderer)
    g_assert_cmpuint (page.renders, >=, 1);
  result_clear (&result);
}

static void
test_outlined_contacts (void)
{
  check_banner (TRUE);
}

/* Without a renderer (renderer->render == NULL) only the raster is read:
 * 20 px caps are enough. */
static void
test_raster_only (void)
{
  check_banner (FALSE);
}

/* The same text live in the text layer: OCR adds no duplicate. */
static void
test_live_text (void)
{
  Page   page = banner ();
  Result result;

  if (!eyl_fixture_have_ocr ())
    return;

  result = run (&page, TRUE, TRUE, NULL);
  g_assert_cmpuint (count (result.elements, EYL_ELEMENT_URL), ==, 1);
  g_assert_cmpuint (count (result.elements, EYL_ELEMENT_PHONE), ==, 1);
  g_assert_null (find (result.elements, EYL_ELEMENT_URL, EYL_SOURCE_OCR));
  g_assert_null (find (result.elements, EYL_ELEMENT_PHONE, EYL_SOURCE_OCR));
  result_clear (&result);
}

/* A live headline and an outlined contact line of 6 mm caps: 6 px on the
 * analysis raster, too small to read; the region is re-rendered larger. */
static const Line small_lines[] = {
  { "Fresh tea every day", 60 * MM, 300 * MM, 60 },
  { "www.northwind-tea.example", 60 * MM, 1850 * MM, 6 },
};

/* test_small_text's page (@page): only the headline is live text; the
 * elements found, with OCR.  @raster_scale: the analysis raster's. */
static GPtrArray *
run_small_text (Page   *page,
                double *raster_scale)
{
  g_autoptr(EylPageData) data = NULL;
  g_autoptr(EylRaster) raster = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  EylPageDataBuilder *builder;
  EylRenderer         renderer;
  EylRect             box;
  GPtrArray          *elements;

  builder = eyl_page_data_builder_new (0, page->width, page->height);
  box = ink_box (page, 0);
  eyl_page_data_builder_add_text (builder, small_lines[0].text, &box, NULL, "DejaVu Sans",
                                  60 * MM / CAP_EM, 0x1a1a1a);
  data = eyl_page_data_builder_end (builder);
  raster = analysis_raster (page);
  *raster_scale = raster->scale;

  eyl_renderer_init (&renderer);
  renderer.render = render_page;
  renderer.user_data = page;
  elements = eyl_detect_all (data, NULL);
  g_assert_null (find (elements, EYL_ELEMENT_URL, EYL_SOURCE_TEXT));
  eyl_detect_ocr (data, raster, &renderer, NULL, NULL, elements, warnings, NULL);
  return elements;
}

static void
test_small_text (void)
{
  Page page = roll_up (small_lines, G_N_ELEMENTS (small_lines));
  g_autoptr(GPtrArray) elements = NULL;
  const EylElement *url;
  double            raster_scale;

  if (!eyl_fixture_have_ocr ())
    return;

  elements = run_small_text (&page, &raster_scale);
  url = find (elements, EYL_ELEMENT_URL, EYL_SOURCE_OCR);
  g_assert_nonnull (url);
  g_assert_cmpstr (url->text, ==, "www.northwind-tea.example");
  assert_at (url, &page, 1);
  g_assert_cmpfloat_with_epsilon (url->cap_height, 6 * MM, 1.5 * MM);
  /* Re-rendered, at several times the analysis raster's scale, and not
   * the whole page. */
  g_assert_cmpuint (page.renders, >=, 1);
  g_assert_cmpfloat (page.max_scale, >, 4 * raster_scale);
  /* The live headline is not read again. */
  g_assert_cmpuint (count (elements, EYL_ELEMENT_HEADLINE), <=, 1);
}

/* test_small_text's page with a photo below the headline, whose specks
 * the band finder takes for rows of small letters: the outlined contact
 * line is read as before; the photo's rows are not read (its edge against
 * the white page, one band on a coarse level, may be, from the raster),
 * nor its columns, which line up as turned bands. */
static gboolean
small_text_photo_read (gboolean with_photo,
                       guint   *level_reads,
                       guint   *turned_reads)
{
  Page page = roll_up (small_lines, G_N_ELEMENTS (small_lines));
  g_autoptr(GPtrArray) elements = NULL;
  const EylElement *url;
  guint             turned_before, turned_after, before, after;
  double            raster_scale;

  if (with_photo)
    page.photo = (EylRect) { 60 * MM, 600 * MM, 790 * MM, 1400 * MM };
  before = eyl_detect_ocr_get_n_reads (&turned_before);
  elements = run_small_text (&page, &raster_scale);
  after = eyl_detect_ocr_get_n_reads (&turned_after);
  *level_reads = (after - before) - (turned_after - turned_before);
  *turned_reads = turned_after - turned_before;

  url = find (elements, EYL_ELEMENT_URL, EYL_SOURCE_OCR);
  return url != NULL && g_str_equal (url->text, "www.northwind-tea.example");
}

static void
test_photo_not_read (void)
{
  guint plain, photo, plain_turned, photo_turned;

  if (!eyl_fixture_have_ocr ())
    return;
  g_assert_true (small_text_photo_read (FALSE, &plain, &plain_turned));
  g_assert_true (small_text_photo_read (TRUE, &photo, &photo_turned));
  g_test_message ("level reads: %u without the photo, %u with it; turned: %u and %u", plain,
                  photo, plain_turned, photo_turned);
  g_assert_cmpuint (plain, >=, 1);
  g_assert_cmpuint (photo, <=, plain + 1);
  g_assert_cmpuint (photo_turned, ==, plain_turned);
}

/* A language that is not installed: one warning naming the package, and
 * OCR goes on with the others. */
/* A box's side panel: the web address set turned, reading bottom to top
 * on the left and top to bottom on the right (no text layer). */
static const Line turned_lines[] = {
  { "Fresh tea every day", 40 * MM, 40 * MM, 12, 0 },
  { "www.northwind-tea.example", 40 * MM, 280 * MM, 5, -G_PI / 2 },
  { "hello@tea-house.example", 250 * MM, 60 * MM, 5, G_PI / 2 },
};

/* The side panel's two lines, read: the web address and the email. */
static void
find_turned_contacts (GPtrArray         *elements,
                      const EylElement **url,
                      const EylElement **email)
{
  *url = find (elements, EYL_ELEMENT_URL, EYL_SOURCE_OCR);
  *email = find (elements, EYL_ELEMENT_EMAIL, EYL_SOURCE_OCR);
  g_assert_nonnull (*url);
  g_assert_cmpstr ((*url)->text, ==, "www.northwind-tea.example");
  g_assert_nonnull (*email);
  g_assert_cmpstr ((*email)->text, ==, "hello@tea-house.example");
}

static void
test_turned (void)
{
  Page              page = { 300 * MM, 300 * MM, turned_lines, G_N_ELEMENTS (turned_lines), 0, 0, { 0, 0, 0, 0 } };
  Result            result;
  const EylElement *url, *email;

  if (!eyl_fixture_have_ocr ())
    return;

  result = run (&page, FALSE, TRUE, NULL);
  find_turned_contacts (result.elements, &url, &email);
  /* Where they were drawn: a tall, narrow box beside the baseline's
   * start (the line runs up from 280 mm, down from 60 mm). */
  g_assert_cmpfloat (eyl_rect_height (&url->box), >, 3 * eyl_rect_width (&url->box));
  g_assert_cmpfloat_with_epsilon (url->box.x1, 40 * MM, 3 * MM);
  g_assert_cmpfloat_with_epsilon (url->box.y1, 280 * MM, 5 * MM);
  g_assert_cmpfloat (eyl_rect_height (&email->box), >, 3 * eyl_rect_width (&email->box));
  g_assert_cmpfloat_with_epsilon (email->box.x0, 250 * MM, 3 * MM);
  g_assert_cmpfloat_with_epsilon (email->box.y0, 60 * MM, 5 * MM);
  result_clear (&result);
}

/* The same side panel's address led by a label in a script no installed
 * language reads (a box made for another market): the label reads as a
 * short unsure scrap, the address as a long sure word; the line is kept
 * for the address. */
static const Line turned_labelled_lines[] = {
  { "Fresh tea every day", 40 * MM, 40 * MM, 12, 0 },
  { "\u7f51\u7ad9\u67e5\u8be2\uff1a https://tea-house.example/keys/", 40 * MM, 280 * MM, 5, -G_PI / 2 },
};

/* The labelled side panel's address, read: found, placed upright. */
static void
check_labelled_url (GPtrArray *elements)
{
  const EylElement *url = find (elements, EYL_ELEMENT_URL, EYL_SOURCE_OCR);

  g_assert_nonnull (url);
  g_assert_nonnull (strstr (url->text, "tea-house.example"));
  g_assert_cmpfloat (eyl_rect_height (&url->box), >, 3 * eyl_rect_width (&url->box));
}

static void
test_turned_labelled (void)
{
  Page   page = { 300 * MM, 300 * MM, turned_labelled_lines, G_N_ELEMENTS (turned_labelled_lines), 0, 0, { 0, 0, 0, 0 } };
  Result result;

  if (!eyl_fixture_have_ocr ())
    return;

  result = run (&page, FALSE, TRUE, NULL);
  check_labelled_url (result.elements);
  result_clear (&result);
}

/* A flag: a big wordmark set turned by 90°, a line of type level.  The
 * level pass reads scraps of the big turned letters; the turned pass
 * reads the word.  The words handed on as read (to the logo finder) hold
 * no scrap of it: its strokes are a mark, not a line of type. */
static const Line flag_lines[] = {
  { "Fresh tea every day", 20 * MM, 60 * MM, 8, 0 },
  { "mobile era", 160 * MM, 820 * MM, 60, -G_PI / 2 },
};

/* The same side panel beside a field of dots (a pattern, a photo's
 * grain): its columns are rows of letter-sized ink when turned, but its
 * rows are rows too, level; only the address is read turned. */
static void
test_turned_beside_pattern (void)
{
  Page              page = { 300 * MM, 300 * MM, turned_lines, G_N_ELEMENTS (turned_lines), 0, 0, { 90 * MM, 120 * MM, 180 * MM, 156 * MM } };
  Result            result;
  const EylElement *url, *email;
  guint             turned_before, turned_after;

  if (!eyl_fixture_have_ocr ())
    return;

  eyl_detect_ocr_get_n_reads (&turned_before);
  result = run (&page, FALSE, TRUE, NULL);
  eyl_detect_ocr_get_n_reads (&turned_after);
  find_turned_contacts (result.elements, &url, &email);
  /* The two lines, each read once or both ways round; the dots never. */
  g_test_message ("%u turned reads", turned_after - turned_before);
  g_assert_cmpuint (turned_after - turned_before, <=, 4);
  result_clear (&result);
}

/* A flyer without a text layer, its web address above wavy stripes (a
 * decoration): each stripe is a band of ink the band finder takes for a
 * line of letters merged together, at the foot of the page, where
 * contact lines are looked for first; but the page pass, reading them at
 * a resolution that suits letters of their size, found no word in them.
 * They get no second look (without the rule: 4 reads): the page pass is
 * the only read, and the address is found. */
static const Line passed_over_lines[] = {
  { "www.northwind-tea.example", 20 * MM, 40 * MM, 4, 0 },
};

/* run() on @page without a text layer, with a renderer; *@reads: how
 * many times Tesseract read, *@turned of them turned bands. */
static Result
run_counted (Page  *page,
             guint *reads,
             guint *turned)
{
  guint  before, turned_before, after, turned_after;
  Result result;

  before = eyl_detect_ocr_get_n_reads (&turned_before);
  result = run (page, FALSE, TRUE, NULL);
  after = eyl_detect_ocr_get_n_reads (&turned_after);
  *reads = after - before;
  *turned = turned_after - turned_before;
  g_test_message ("%u reads, %u of them turned", *reads, *turned);
  return result;
}

/* The side panel's address beside a column of slashes set on end (a
 * sticker's patterned border): each slash is a piece of one shape, and a
 * band of nothing else is a pattern, not a line of letters: it is not
 * read either way round (without the rule: 2 reads of noise more). */
static const Line slashes_lines[] = {
  { "Fresh tea every day", 40 * MM, 40 * MM, 12, 0 },
  { "www.northwind-tea.example", 40 * MM, 280 * MM, 5, -G_PI / 2 },
  { "/ / / / / / / / / / / /", 200 * MM, 280 * MM, 5, -G_PI / 2 },
};

/* run_counted() on @page, whose web address is set turned: found, read
 * right and placed upright. */
static Result
run_turned_url (Page  *page,
                guint *turned)
{
  guint             reads;
  Result            result = run_counted (page, &reads, turned);
  const EylElement *url = find (result.elements, EYL_ELEMENT_URL, EYL_SOURCE_OCR);

  g_assert_nonnull (url);
  g_assert_cmpstr (url->text, ==, "www.northwind-tea.example");
  g_assert_cmpfloat (eyl_rect_height (&url->box), >, 3 * eyl_rect_width (&url->box));
  return result;
}

static void
test_turned_pattern_not_read (void)
{
  Page   page = { 300 * MM, 300 * MM, slashes_lines, G_N_ELEMENTS (slashes_lines), 0, 0, { 0, 0, 0, 0 } };
  Result result;
  guint  turned;

  if (!eyl_fixture_have_ocr ())
    return;

  result = run_turned_url (&page, &turned);
  /* The address, read once or both ways round. */
  g_assert_cmpuint (turned, <=, 2);
  result_clear (&result);
}

/* The side panel's web address set in letters of a size Tesseract reads
 * well on the page pass image (a 3.5 mm capital: x-heights of about 25 px
 * there): read from that image, as the page pass reads level lines of
 * that size, with no render of its own. */
static const Line turned_mid_lines[] = {
  { "Fresh tea every day", 40 * MM, 40 * MM, 12, 0 },
  { "www.northwind-tea.example", 40 * MM, 280 * MM, 3.5, -G_PI / 2 },
};

static void
test_turned_not_rendered (void)
{
  Page   page = { 300 * MM, 300 * MM, turned_mid_lines, G_N_ELEMENTS (turned_mid_lines), 0, 0, { 0, 0, 0, 0 } };
  Result result;
  guint  turned;

  if (!eyl_fixture_have_ocr ())
    return;

  page.watched = (EylRect) { 36 * MM, 170 * MM, 42 * MM, 280 * MM };
  result = run_turned_url (&page, &turned);
  g_test_message ("%u renders, %u of the address", page.renders, page.watched_renders);
  g_assert_cmpuint (turned, >=, 1);
  g_assert_cmpuint (page.watched_renders, ==, 0);
  result_clear (&result);
}

/* A box's side panel with two lines set on end, both reading top to
 * bottom (turned clockwise on the page): the first is read both ways
 * round, surely only anticlockwise; the second is read that way first,
 * surely, and not again upside down (without the rule: 4 reads). */
static const Line turned_down_lines[] = {
  { "Fresh tea every day", 40 * MM, 40 * MM, 12, 0 },
  { "www.northwind-tea.example", 230 * MM, 40 * MM, 5, G_PI / 2 },
  { "hello@tea-house.example", 250 * MM, 60 * MM, 5, G_PI / 2 },
};

static void
test_turned_same_way (void)
{
  Page              page = { 300 * MM, 300 * MM, turned_down_lines, G_N_ELEMENTS (turned_down_lines), 0, 0, { 0, 0, 0, 0 } };
  Result            result;
  const EylElement *url, *email;
  guint             reads, turned;

  if (!eyl_fixture_have_ocr ())
    return;

  result = run_counted (&page, &reads, &turned);
  find_turned_contacts (result.elements, &url, &email);
  g_assert_cmpfloat (eyl_rect_height (&url->box), >, 3 * eyl_rect_width (&url->box));
  g_assert_cmpfloat (eyl_rect_height (&email->box), >, 3 * eyl_rect_width (&email->box));
  g_assert_cmpuint (turned, ==, 3);
  result_clear (&result);
}

/* The side panel's address led by a longer label no installed language
 * reads: the line reads less surely than the plainer ones above (78
 * against 87–91) but as surely as words passed on as read, the right way
 * round first, and is not read again upside down (without the rule: 2
 * reads). */
static const Line turned_fairly_sure_lines[] = {
  { "Fresh tea every day", 40 * MM, 40 * MM, 12, 0 },
  { "\u7f51\u7ad9\u67e5\u8be2\u7f51\u7ad9\u67e5\u8be2\uff1a https://tea-house.example/keys/", 40 * MM, 280 * MM, 5, -G_PI / 2 },
};

static void
test_turned_fairly_sure (void)
{
  Page   page = { 300 * MM, 300 * MM, turned_fairly_sure_lines, G_N_ELEMENTS (turned_fairly_sure_lines), 0, 0, { 0, 0, 0, 0 } };
  Result result;
  guint  reads, turned;

  if (!eyl_fixture_have_ocr ())
    return;

  result = run_counted (&page, &reads, &turned);
  check_labelled_url (result.elements);
  g_assert_cmpuint (turned, ==, 1);
  result_clear (&result);
}

static void
test_passed_over_not_read (void)
{
  Page              page = { 200 * MM, 200 * MM, passed_over_lines, G_N_ELEMENTS (passed_over_lines), 0, 0, { 0, 0, 0, 0 }, { 0, 0, 0, 0 }, { 20 * MM, 160 * MM, 110 * MM, 196 * MM } };
  Result            result;
  const EylElement *url;
  guint             reads, turned;

  if (!eyl_fixture_have_ocr ())
    return;

  result = run_counted (&page, &reads, &turned);
  url = find (result.elements, EYL_ELEMENT_URL, EYL_SOURCE_OCR);
  g_assert_nonnull (url);
  g_assert_cmpstr (url->text, ==, "www.northwind-tea.example");
  assert_at (url, &page, 0);
  /* The page pass alone: no region of the stripes, no turned read. */
  g_assert_cmpuint (reads, ==, 1);
  result_clear (&result);
}

/* Whether Tesseract's orientation data (tesseract-ocr-osd) is there. */
static gboolean
have_osd (void)
{
  return g_file_test ("/usr/share/tesseract-ocr/5/tessdata/osd.traineddata", G_FILE_TEST_EXISTS) ||
         g_getenv ("TESSDATA_PREFIX") != NULL;
}

/* A folded leaflet's inside, printed upside down on the sheet: the page
 * pass reads it upright (see turned-page-read-upright), no line of it
 * turned a quarter; without Tesseract's orientation data it reads noise
 * all over, and its bands get no closer look, which reads the same
 * noise. */
static const Line upside_down_lines[] = {
  { "Gemeinschaftliche Netzwerke verbinden Nachbarschaften", 290 * MM, 40 * MM, 4, G_PI },
  { "Unabhaengige Kommunikationsinfrastruktur selbstverwaltet", 290 * MM, 60 * MM, 4, G_PI },
  { "Datenschutzfreundliche Zugangspunkte ueberall erreichbar", 290 * MM, 80 * MM, 4, G_PI },
  { "Ehrenamtliche Unterstuetzung bei Installationsfragen", 290 * MM, 100 * MM, 4, G_PI },
  { "Regelmaessige Treffen fuer Interessierte Menschen", 290 * MM, 120 * MM, 4, G_PI },
  { "Verschluesselte Verbindungen zwischen Knotenpunkten", 290 * MM, 140 * MM, 4, G_PI },
};

static void
test_upside_down_read_once (void)
{
  Page   page = { 300 * MM, 300 * MM, upside_down_lines, G_N_ELEMENTS (upside_down_lines), 0, 0, { 0, 0, 0, 0 } };
  Result result;
  guint  reads, turned;

  if (!eyl_fixture_have_ocr ())
    return;

  result = run_counted (&page, &reads, &turned);
  if (have_osd ())
    g_assert_cmpuint (turned, ==, 0);
  else
    /* The page pass, and no region. */
    g_assert_cmpuint (reads - turned, ==, 1);
  g_assert_null (find (result.elements, EYL_ELEMENT_URL, EYL_SOURCE_OCR));
  result_clear (&result);
}

/* A leaflet's inside with its web address, as it is printed (upside
 * down on its sheet) and as a piece set on its page a quarter turned:
 * Tesseract's orientation detection says which way round the page reads,
 * and the page pass reads it upright, once, as it reads the page drawn
 * level.  The lines are drawn turned about the middle of the page. */
static const Line leaflet_lines[] = {
  { "Gemeinschaftliche Netzwerke verbinden Nachbarschaften", 10 * MM, 40 * MM, 4, 0 },
  { "Unabhaengige Kommunikationsinfrastruktur selbstverwaltet", 10 * MM, 60 * MM, 4, 0 },
  { "Datenschutzfreundliche Zugangspunkte ueberall erreichbar", 10 * MM, 80 * MM, 4, 0 },
  { "Ehrenamtliche Unterstuetzung bei Installationsfragen", 10 * MM, 100 * MM, 4, 0 },
  { "Regelmaessige Treffen fuer Interessierte Menschen", 10 * MM, 120 * MM, 4, 0 },
  { "www.northwind-tea.example", 10 * MM, 160 * MM, 5, 0 },
};

#define LEAFLET_SIDE (300 * MM)

/* (@x, @y) turned by @turn (clockwise) about the middle of the leaflet. */
static void
turn_point (double  turn,
            double *x,
            double *y)
{
  double c = LEAFLET_SIDE / 2, dx = *x - c, dy = *y - c;

  *x = c + dx * cos (turn) - dy * sin (turn);
  *y = c + dx * sin (turn) + dy * cos (turn);
}

/* Reads the leaflet turned by @turn, checks what it read and returns how
 * many times Tesseract read. */
static guint
read_leaflet (double turn)
{
  Line lines[G_N_ELEMENTS (leaflet_lines)];
  Page page = { LEAFLET_SIDE, LEAFLET_SIDE, lines, G_N_ELEMENTS (lines), 0, 0, { 0, 0, 0, 0 } };
  g_autoptr(EylPageData) data = NULL;
  g_autoptr(EylRaster) raster = NULL;
  g_autoptr(EylPageData) read = NULL;
  g_autoptr(GPtrArray) elements = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  EylRenderer       renderer;
  EylPixelOptions   options = { TRUE, NULL, FALSE, FALSE };
  Page              level = { LEAFLET_SIDE, LEAFLET_SIDE, leaflet_lines, G_N_ELEMENTS (leaflet_lines), 0, 0, { 0, 0, 0, 0 } };
  EylRect           drawn = ink_box (&level, G_N_ELEMENTS (leaflet_lines) - 1);
  double            cx = 0.5 * (drawn.x0 + drawn.x1), cy = 0.5 * (drawn.y0 + drawn.y1);
  const EylElement *url;
  guint             before, turned_before, after, turned_after;

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      lines[i] = leaflet_lines[i];
      turn_point (turn, &lines[i].x, &lines[i].y);
      lines[i].turn = turn;
    }
  turn_point (turn, &cx, &cy);
  data = page_data (&page, FALSE);
  raster = analysis_raster (&page);
  eyl_renderer_init (&renderer);
  renderer.render = render_page;
  renderer.user_data = &page;
  before = eyl_detect_ocr_get_n_reads (&turned_before);
  eyl_detect_ocr (data, raster, &renderer, NULL, &options, elements, warnings, &read);
  after = eyl_detect_ocr_get_n_reads (&turned_after);
  g_test_message ("turned %.0f°: %u reads, %u of them turned", turn * 180 / G_PI, after - before,
                  turned_after - turned_before);
  g_assert_cmpuint (turned_after - turned_before, ==, 0);

  g_assert_nonnull (read);
  g_test_message ("read: %s", read->text);
  g_assert_nonnull (strstr (read->text, "Netzwerke verbinden"));
  g_assert_nonnull (strstr (read->text, "Interessierte Menschen"));
  url = find (elements, EYL_ELEMENT_URL, EYL_SOURCE_OCR);
  g_assert_nonnull (url);
  g_assert_cmpstr (url->text, ==, "www.northwind-tea.example");
  g_assert_cmpfloat_with_epsilon (0.5 * (url->box.x0 + url->box.x1), cx, 3 * MM);
  g_assert_cmpfloat_with_epsilon (0.5 * (url->box.y0 + url->box.y1), cy, 3 * MM);
  return after - before;
}

static void
test_turned_page_read_upright (void)
{
  guint level;

  if (!eyl_fixture_have_ocr ())
    return;
  if (!have_osd ())
    {
      g_test_skip ("no orientation data (tesseract-ocr-osd)");
      return;
    }

  /* The page pass and the few regions it leaves (a dot or two of ink
   * left unread, which a pixel's rounding makes one more or less). */
  level = read_leaflet (0);
  g_assert_cmpuint (read_leaflet (G_PI), <=, level + 2);
  g_assert_cmpuint (read_leaflet (G_PI / 2), <=, level + 2);
  g_assert_cmpuint (read_leaflet (-G_PI / 2), <=, level + 2);
}

/* A page of running text read as it lies reads surely: no orientation
 * detection for it.  Printed upside down (its ink says so: its letters
 * drop below their rows far more often than they rise) or set a quarter
 * turned (read as it lies, noise), the page is asked about once, and
 * read upright, as turned-page-read-upright checks. */
static void
test_upright_page_not_asked (void)
{
  guint before;

  if (!eyl_fixture_have_ocr ())
    return;
  if (!have_osd ())
    {
      g_test_skip ("no orientation data (tesseract-ocr-osd)");
      return;
    }

  before = eyl_detect_ocr_get_n_orientations ();
  read_leaflet (0);
  g_assert_cmpuint (eyl_detect_ocr_get_n_orientations () - before, ==, 0);
  before = eyl_detect_ocr_get_n_orientations ();
  read_leaflet (G_PI);
  g_assert_cmpuint (eyl_detect_ocr_get_n_orientations () - before, ==, 1);
  before = eyl_detect_ocr_get_n_orientations ();
  read_leaflet (G_PI / 2);
  g_assert_cmpuint (eyl_detect_ocr_get_n_orientations () - before, ==, 1);
}

static void
test_turned_wordmark_read (void)
{
  Page page = { 300 * MM, 900 * MM, flag_lines, G_N_ELEMENTS (flag_lines), 0, 0, { 0, 0, 0, 0 } };
  g_autoptr(EylPageData) data = page_data (&page, FALSE);
  g_autoptr(EylRaster) raster = analysis_raster (&page);
  g_autoptr(EylPageData) read = NULL;
  g_autoptr(GPtrArray) elements = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  EylRenderer     renderer;
  EylPixelOptions options = { TRUE, NULL, FALSE, FALSE };
  /* Where the turned word lies: up from its baseline's start, its
   * letters to the left of the baseline. */
  EylRect  word = { 60 * MM, 150 * MM, 180 * MM, 830 * MM };
  gboolean level = FALSE;

  if (!eyl_fixture_have_ocr ())
    return;

  eyl_renderer_init (&renderer);
  renderer.render = render_page;
  renderer.user_data = &page;
  eyl_detect_ocr (data, raster, &renderer, NULL, &options, elements, warnings, &read);
  for (guint l = 0; read != NULL && l < read->lines->len; l++)
    {
      const EylRect   *box = &g_array_index (read->lines, EylTextLine, l).box;
      g_autofree char *text = eyl_page_data_dup_text (read, g_array_index (read->lines, EylTextLine, l).start,
                                                      g_array_index (read->lines, EylTextLine, l).end);

      g_test_message ("read \"%s\" [%.0f %.0f %.0f %.0f]", text, box->x0, box->y0, box->x1, box->y1);
      g_assert_false (eyl_rect_contains_point (&word, (box->x0 + box->x1) / 2, (box->y0 + box->y1) / 2));
      level = level || strstr (text, "Fresh") != NULL;
    }
  /* The level line is still read. */
  g_assert_true (level);
}

static void
test_missing_language (void)
{
  Page   page = banner ();
  Result result;

  if (!eyl_fixture_have_ocr ())
    return;

  result = run (&page, FALSE, FALSE, "eng+xyz");
  g_assert_cmpuint (result.warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (result.warnings, 0), "'xyz'"));
  g_assert_nonnull (strstr (g_ptr_array_index (result.warnings, 0), "tesseract-ocr-xyz"));
  g_assert_nonnull (find (result.elements, EYL_ELEMENT_URL, EYL_SOURCE_OCR));
  result_clear (&result);

  /* None installed: warned, skipped, no crash. */
  page = banner ();
  result = run (&page, FALSE, TRUE, "xyz");
  g_assert_cmpuint (result.warnings->len, ==, 2);
  g_assert_null (find (result.elements, EYL_ELEMENT_URL, EYL_SOURCE_OCR));
  g_assert_cmpuint (page.renders, ==, 0);
  result_clear (&result);
}

/* options->ocr = FALSE: nothing read. */
static void
test_disabled (void)
{
  Page page = banner ();
  g_autoptr(EylPageData) data = page_data (&page, FALSE);
  g_autoptr(EylRaster) raster = analysis_raster (&page);
  g_autoptr(GPtrArray) elements = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
  EylPixelOptions options = { FALSE, NULL, FALSE, FALSE };

  eyl_detect_ocr (data, raster, NULL, NULL, &options, elements, NULL, NULL);
  g_assert_cmpuint (elements->len, ==, 0);
}

/* A roll-up 850 × 2000 mm at 1:1 drawn into a PDF at @path: white, with
 * a live bold headline "Fresh tea" of @headline_mm font size whose
 * baseline is @baseline_mm from the top.  Returns the context, in dark
 * ink, for the rest; banner_pdf_end() writes the file. */
static cairo_t *
banner_pdf_begin (const char *path,
                  double      headline_mm,
                  double      baseline_mm)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 850 * MM, 2000 * MM);
  cairo_t         *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, headline_mm * MM);
  cairo_move_to (cr, 60 * MM, baseline_mm * MM);
  cairo_show_text (cr, "Fresh tea");
  return cr;
}

static void
banner_pdf_end (cairo_t *cr)
{
  cairo_surface_t *surface = cairo_get_target (cr);

  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
}

/* The first page of the PDF at @path, and the document (@doc). */
static EylPageData *
open_first_page (const char   *path,
                 EylDocument **doc)
{
  g_autoptr(GError) error = NULL;
  EylPageData *page;

  *doc = eyl_document_open (path, NULL, NULL, &error);
  g_assert_no_error (error);
  page = eyl_document_get_page_data (*doc, 0, NULL, &error);
  g_assert_no_error (error);
  return page;
}

/* The first page of the PDF at @path analysed in @placement with OCR
 * (no QR codes, no logos); the document stays open in @doc. */
static EylPageAnalysis *
analyse_first_page (const char   *path,
                    const char   *placement,
                    EylDocument **doc)
{
  g_autoptr(EylPageData) page = open_first_page (path, doc);
  g_autoptr(EylPlacementSet) set = eyl_placement_set_new_default (NULL);
  EylAnalysisOptions options;
  EylRenderer        renderer;
  EylPageAnalysis   *analysis;

  eyl_analysis_options_init (&options);
  options.placements = set;
  options.placement = eyl_placement_set_lookup (set, placement);
  g_assert_nonnull (options.placement);
  options.pixels.qr = options.pixels.logos = FALSE;
  eyl_renderer_init (&renderer);
  g_assert_true (eyl_document_get_renderer (*doc, 0, &renderer));
  analysis = eyl_analyse_page_full (page, &renderer, &options);
  g_assert_nonnull (analysis);
  return analysis;
}

/* The common real case, end to end: a roll-up whose website and email
 * line is outlined (no text layer) at the very bottom, behind a table.
 * PDF drawn with Cairo, opened with Poppler, analysed with the renderer. */
static void
test_rollup_outlined_contacts_hidden (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EylDocument) doc = NULL;
  g_autoptr(EylPageAnalysis) analysis = NULL;
  const char          *lines[] = { "www.northwind-tea.example", "hello@northwind-tea.example" };
  const EylElementKind kinds[] = { EYL_ELEMENT_URL, EYL_ELEMENT_EMAIL };
  cairo_t             *cr;

  if (!eyl_fixture_have_ocr ())
    return;

  dir = g_dir_make_tmp ("eyl-ocr-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "rollup-outlined.pdf", NULL);

  /* A live headline near the top … */
  cr = banner_pdf_begin (path, 120, 300);
  /* … and the contact line as outlines in the bottom 150 mm
   * (40 mm font, 29 mm cap height). */
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 40 * MM);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      cairo_move_to (cr, 60 * MM, (1905 + 60 * i) * MM);
      cairo_text_path (cr, lines[i]);
      cairo_fill (cr);
    }
  banner_pdf_end (cr);
  analysis = analyse_first_page (path, "rollup-behind-table", &doc);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      const EylElement *found = NULL;
      gboolean          reported = FALSE;

      for (guint i = 0; i < analysis->elements->len; i++)
        {
          const EylElement *e = g_ptr_array_index (analysis->elements, i);

          if (e->kind == kinds[k])
            found = e;
        }
      g_assert_nonnull (found);
      g_assert_cmpint (found->source, ==, EYL_SOURCE_OCR);
      g_assert_cmpfloat (found->hidden_fraction, >=, 0.99);

      for (guint i = 0; i < analysis->findings->len; i++)
        {
          const EylFinding *f = g_ptr_array_index (analysis->findings, i);

          reported |= g_strcmp0 (f->rule, "contact-hidden") == 0 &&
                      f->severity == EYL_SEVERITY_ERROR &&
                      g_strcmp0 (f->element_id, found->id) == 0;
        }
      g_assert_true (reported);
    }

  g_clear_object (&doc);
  g_unlink (path);
  g_rmdir (dir);
}

/* The same outlined footer is found whatever the resolution of the
 * analysis raster (--raster-px-per-mm 1, 2 and 4): a roll-up at 1:1 with
 * a live headline and body, and the website and phone number at the
 * bottom drawn as outlines (pango_cairo_layout_path), in two sizes. */
static void
draw_outlined (cairo_t    *cr,
               const char *text,
               double      size_pt,
               double      x,
               double      y)
{
  PangoLayout          *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("DejaVu Sans");

  pango_font_description_set_absolute_size (font, size_pt * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_layout_path (cr, layout);
  cairo_fill (cr);
  pango_font_description_free (font);
  g_object_unref (layout);
}

static void
test_resolution_stable (void)
{
  static const struct
  {
    double      cap_mm;
    const char *url, *phone;
  } footers[] = {
    { 9, "www.northwind-tea.com", "+44 20 7946 0958" },
    { 22, "www.bluefjord.org", "+47 22 12 34 56" },
  };
  const double        h = 2000 * MM;
  static const double px_per_mm[] = { 1, 2, 4 };

  if (!eyl_fixture_have_ocr ())
    return;

  for (guint f = 0; f < G_N_ELEMENTS (footers); f++)
    {
      g_autofree char *name = g_strdup_printf ("footer-%u.pdf", f);
      g_autofree char *path = g_build_filename (eyl_fixture_dir (), name, NULL);
      double           size = footers[f].cap_mm * MM / CAP_EM;
      g_autoptr(EylDocument) doc = NULL;
      g_autoptr(EylPageData) page = NULL;
      cairo_t *cr = banner_pdf_begin (path, 110, 350);

      cairo_select_font_face (cr, "DejaVu Serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
      cairo_set_font_size (cr, 40 * MM);
      cairo_move_to (cr, 60 * MM, 900 * MM);
      cairo_show_text (cr, "Hand-picked every morning");
      draw_outlined (cr, footers[f].url, size, 60 * MM, h - 60 * MM - 4.2 * size);
      draw_outlined (cr, footers[f].phone, size, 60 * MM, h - 60 * MM - 2.6 * size);
      banner_pdf_end (cr);
      page = open_first_page (path, &doc);

      for (guint r = 0; r < G_N_ELEMENTS (px_per_mm); r++)
        {
          g_autoptr(EylPageAnalysis) analysis = NULL;
          EylAnalysisOptions options;
          EylRenderer        renderer;
          const EylElement  *url = NULL, *phone = NULL;

          eyl_analysis_options_init (&options);
          options.pixels.qr = options.pixels.logos = FALSE;
          options.raster_px_per_mm = px_per_mm[r];
          eyl_renderer_init (&renderer);
          renderer.px_per_mm = px_per_mm[r];
          g_assert_true (eyl_document_get_renderer (doc, 0, &renderer));
          analysis = eyl_analyse_page_full (page, &renderer, &options);
          g_assert_cmpfloat_with_epsilon (analysis->raster_px_per_mm, MIN (px_per_mm[r], 3.2), 0.25);

          for (guint i = 0; i < analysis->elements->len; i++)
            {
              const EylElement *e = g_ptr_array_index (analysis->elements, i);

              if (e->kind == EYL_ELEMENT_URL && e->source == EYL_SOURCE_OCR)
                url = e;
              else if (e->kind == EYL_ELEMENT_PHONE && e->source == EYL_SOURCE_OCR)
                phone = e;
            }
          g_test_message ("%.0f mm capitals at %g px/mm: %s, %s", footers[f].cap_mm, px_per_mm[r],
                          url != NULL ? url->text : "no web address",
                          phone != NULL ? phone->text : "no phone number");
          g_assert_nonnull (url);
          g_assert_nonnull (phone);
          g_assert_cmpstr (url->text, ==, footers[f].url);
          /* Where it was drawn: in the bottom 60 mm + two lines. */
          g_assert_cmpfloat (url->box.y0, >, h - 60 * MM - 6 * size);
          g_assert_cmpfloat (phone->box.y1, <, h - 50 * MM);
          g_assert_cmpfloat (url->box.y1, <=, phone->box.y0 + 0.5 * size);
        }
    }
}

/* German, outlined: umlauts and ß come through (tesseract-ocr-deu, which
 * install-deps.sh installs), and a German phone number, street address
 * and email are found. */
/* TRUE when OCR can read German; skips the test otherwise. */
static gboolean
have_german (void)
{
  if (!eyl_fixture_have_ocr ())
    return FALSE;
  if (!g_file_test ("/usr/share/tesseract-ocr/5/tessdata/deu.traineddata", G_FILE_TEST_EXISTS) &&
      g_getenv ("TESSDATA_PREFIX") == NULL)
    {
      g_test_skip ("tesseract-ocr-deu is not installed");
      return FALSE;
    }
  return TRUE;
}

static void
test_german (void)
{
  g_autofree char *path = g_build_filename (eyl_fixture_dir (), "german.pdf", NULL);
  g_autoptr(EylDocument) doc = NULL;
  g_autoptr(EylPageData) page = NULL;
  g_autoptr(EylPageAnalysis) analysis = NULL;
  const EylElement  *headline = NULL, *phone = NULL, *address = NULL, *email = NULL;
  EylAnalysisOptions options;
  EylRenderer        renderer;
  cairo_surface_t   *surface;
  cairo_t           *cr;

  if (!have_german ())
    return;

  /* Nothing live: every line is outlined. */
  surface = cairo_pdf_surface_create (path, 850 * MM, 2000 * MM);
  cr = cairo_create (surface);
  cairo_surface_destroy (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  draw_outlined (cr, "Frische Brötchen für Sie", 50 * MM, 60 * MM, 250 * MM);
  draw_outlined (cr, "Tel. 030 / 314 215 00", 36 * MM, 60 * MM, 1620 * MM);
  draw_outlined (cr, "Straße des 17. Juni 135", 36 * MM, 60 * MM, 1700 * MM);
  draw_outlined (cr, "10623 Berlin", 36 * MM, 60 * MM, 1760 * MM);
  draw_outlined (cr, "kontakt@baeckerei-mueller.de", 36 * MM, 60 * MM, 1840 * MM);
  banner_pdf_end (cr);
  page = open_first_page (path, &doc);

  eyl_analysis_options_init (&options);
  options.pixels.qr = options.pixels.logos = FALSE;
  eyl_renderer_init (&renderer);
  g_assert_true (eyl_document_get_renderer (doc, 0, &renderer));
  analysis = eyl_analyse_page_full (page, &renderer, &options);

  for (guint i = 0; i < analysis->elements->len; i++)
    {
      const EylElement *e = g_ptr_array_index (analysis->elements, i);

      g_test_message ("%s %s: %s", eyl_source_to_string (e->source),
                      eyl_element_kind_to_string (e->kind), e->text);
      if (e->source != EYL_SOURCE_OCR)
        continue;
      if (e->kind == EYL_ELEMENT_HEADLINE)
        headline = e;
      else if (e->kind == EYL_ELEMENT_PHONE)
        phone = e;
      else if (e->kind == EYL_ELEMENT_ADDRESS)
        address = e;
      else if (e->kind == EYL_ELEMENT_EMAIL)
        email = e;
    }
  g_assert_nonnull (headline);
  g_assert_nonnull (strstr (headline->text, "Brötchen"));
  g_assert_nonnull (phone);
  g_assert_nonnull (strstr (phone->text, "030"));
  g_assert_nonnull (address);
  g_assert_nonnull (strstr (address->text, "Straße des 17. Juni"));
  g_assert_nonnull (email);
  g_assert_cmpstr (email->text, ==, "kontakt@baeckerei-mueller.de");
}

/* A page whose text layer is @text (one line). */
static EylPageData *
text_page (const char *text)
{
  EylPageDataBuilder *builder = eyl_page_data_builder_new (0, 595, 842);
  EylRect             box = { 50, 50, 545, 60 };

  eyl_page_data_builder_add_text (builder, text, &box, NULL, "DejaVu Sans", 10, 0x1a1a1a);
  return eyl_page_data_builder_end (builder);
}

/* The language of a text layer: the one whose function words it is
 * written with, among those asked for; none for a few words, a list of
 * names or a text in two languages. */
static void
test_page_language (void)
{
  static const char *english =
      "Our tea is picked by hand in the hills and sent to you within a week. "
      "Ask for it at the counter, or order it from our shop on the web: we ship it to your door.";
  static const char *german =
      "Unser Tee wird in den Bergen von Hand gepflückt und ist in einer Woche bei Ihnen. "
      "Fragen Sie an der Theke nach ihm oder bestellen Sie ihn auf unserer Seite: wir liefern ihn zu Ihnen.";
  g_autofree char *both = g_strconcat (english, " ", german, NULL);
  g_autoptr(EylPageData) en = text_page (english);
  g_autoptr(EylPageData) de = text_page (german);
  g_autoptr(EylPageData) mixed = text_page (both);
  g_autoptr(EylPageData) label = text_page ("Northwind Tea · Darjeeling · Assam · 250 g · www.northwind-tea.example");
  g_autoptr(EylPageData) short_text = text_page ("Fresh tea for you and your guests");

  g_assert_cmpstr (eyl_detect_ocr_page_language (en, "deu+eng"), ==, "eng");
  g_assert_cmpstr (eyl_detect_ocr_page_language (de, "deu+eng"), ==, "deu");
  g_assert_cmpstr (eyl_detect_ocr_page_language (de, "eng+deu+fra"), ==, "deu");
  /* Only among the languages asked for. */
  g_assert_null (eyl_detect_ocr_page_language (de, "eng+fra"));
  g_assert_null (eyl_detect_ocr_page_language (mixed, "deu+eng"));
  g_assert_null (eyl_detect_ocr_page_language (label, "deu+eng"));
  g_assert_null (eyl_detect_ocr_page_language (short_text, "deu+eng"));
}

/* A page with German sentences in its text layer and an outlined German
 * headline: read in German alone, the headline keeps its umlaut. */
static const Line german_lines[] = {
  { "Unser Brot wird jeden Morgen von uns in der Backstube gebacken und ist ab sechs Uhr für Sie da.",
    60 * MM, 300 * MM, 12 },
  { "Frische Brötchen", 60 * MM, 600 * MM, 50 },
};

static void
test_german_text_layer (void)
{
  Page page = { 850 * MM, 2000 * MM, german_lines, G_N_ELEMENTS (german_lines), 0, 0, { 0, 0, 0, 0 }, { 0, 0, 0, 0 } };
  g_autoptr(EylPageData) data = NULL;
  g_autoptr(EylPageData) read = NULL;
  g_autoptr(EylRaster) raster = NULL;
  g_autoptr(GPtrArray) elements = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  EylPageDataBuilder *builder;
  EylRenderer         renderer;
  EylRect             box;

  if (!have_german ())
    return;

  /* The sentence is live text, the headline outlines only. */
  builder = eyl_page_data_builder_new (0, page.width, page.height);
  box = ink_box (&page, 0);
  eyl_page_data_builder_add_text (builder, german_lines[0].text, &box, NULL, "DejaVu Sans",
                                  german_lines[0].cap_mm * MM / CAP_EM, 0x1a1a1a);
  data = eyl_page_data_builder_end (builder);
  g_assert_cmpstr (eyl_detect_ocr_page_language (data, "deu+eng"), ==, "deu");
  raster = analysis_raster (&page);
  eyl_renderer_init (&renderer);
  renderer.render = render_page;
  renderer.user_data = &page;
  elements = eyl_detect_all (data, NULL);
  eyl_detect_ocr (data, raster, &renderer, NULL, NULL, elements, warnings, &read);
  g_assert_nonnull (read);
  g_test_message ("read: %s", read->text);
  g_assert_nonnull (strstr (read->text, "Brötchen"));
}

/* One Tesseract per process and language set, reused page after page:
 * the second read initialises nothing and reads the same. */
static void
test_one_engine (void)
{
  Page   page = banner ();
  Result first, second;
  guint  before, after_first;

  if (!eyl_fixture_have_ocr ())
    return;

  before = eyl_detect_ocr_get_n_engine_inits ();
  first = run (&page, FALSE, TRUE, NULL);
  after_first = eyl_detect_ocr_get_n_engine_inits ();
  g_assert_cmpuint (after_first, <=, before + 1);
  second = run (&page, FALSE, TRUE, NULL);
  g_assert_cmpuint (eyl_detect_ocr_get_n_engine_inits (), ==, after_first);
  g_assert_cmpuint (after_first, >=, 1);

  g_assert_cmpuint (first.elements->len, ==, second.elements->len);
  for (guint i = 0; i < first.elements->len; i++)
    {
      const EylElement *a = g_ptr_array_index (first.elements, i);
      const EylElement *b = g_ptr_array_index (second.elements, i);

      g_assert_cmpint (a->kind, ==, b->kind);
      g_assert_cmpstr (a->text, ==, b->text);
      g_assert_cmpfloat (a->confidence, ==, b->confidence);
      g_assert_cmpfloat (a->box.x0, ==, b->box.x0);
      g_assert_cmpfloat (a->box.y1, ==, b->box.y1);
    }
  result_clear (&first);
  result_clear (&second);
}

/* A poster whose picture — a screenshot with an address bar — carries a
 * web address in its pixels.  With the poster's own website live in the
 * text layer, the address in the picture is part of the picture, not a
 * contact; without one, what OCR reads in the picture is kept. */
static gboolean
picture_url_found (gboolean live_contact)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EylDocument) doc = NULL;
  g_autoptr(EylPageAnalysis) analysis = NULL;
  cairo_surface_t *surface, *picture;
  cairo_t         *cr, *pcr;
  gboolean         found = FALSE;

  dir = g_dir_make_tmp ("eyl-ocr-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "picture-url.pdf", NULL);
  surface = cairo_pdf_surface_create (path, 210 * MM, 297 * MM);
  cr = cairo_create (surface);
  cairo_surface_destroy (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 16 * MM);
  cairo_move_to (cr, 15 * MM, 40 * MM);
  cairo_show_text (cr, "Fresh tea");
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 5 * MM);
  cairo_move_to (cr, 15 * MM, 60 * MM);
  cairo_show_text (cr, "Our blends, shown in the shop below.");
  if (live_contact)
    {
      cairo_move_to (cr, 15 * MM, 280 * MM);
      cairo_show_text (cr, "www.northwind-tea.example");
    }

  /* The screenshot: a grey address bar with a web address, 100 × 60 mm. */
  picture = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1000, 600);
  pcr = cairo_create (picture);
  cairo_set_source_rgb (pcr, 0.85, 0.9, 0.95);
  cairo_paint (pcr);
  cairo_set_source_rgb (pcr, 0.97, 0.97, 0.97);
  cairo_rectangle (pcr, 0, 0, 1000, 90);
  cairo_fill (pcr);
  cairo_set_source_rgb (pcr, 0.2, 0.2, 0.2);
  cairo_select_font_face (pcr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (pcr, 48);
  cairo_move_to (pcr, 30, 62);
  cairo_show_text (pcr, "shop.example.net");
  cairo_destroy (pcr);
  cairo_save (cr);
  cairo_translate (cr, 55 * MM, 120 * MM);
  cairo_scale (cr, 100 * MM / 1000, 100 * MM / 1000);
  cairo_set_source_surface (cr, picture, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_surface_destroy (picture);
  banner_pdf_end (cr);
  analysis = analyse_first_page (path, "poster-wall", &doc);
  for (guint i = 0; i < analysis->elements->len; i++)
    {
      const EylElement *e = g_ptr_array_index (analysis->elements, i);

      found |= e->kind == EYL_ELEMENT_URL && strstr (e->text, "example.net") != NULL;
    }

  g_clear_object (&doc);
  g_unlink (path);
  g_rmdir (dir);
  return found;
}

static void
test_picture_contacts (void)
{
  if (!eyl_fixture_have_ocr ())
    return;
  /* Read, so dropping it below is the rule's doing. */
  g_assert_true (picture_url_found (FALSE));
  g_assert_false (picture_url_found (TRUE));
}

/* A sticker's web address alone on its page: its band covers a few
 * percent of it, and the page pass reads the band alone; with lines of
 * body text the bands cover a third of the page, which is read whole.
 * Both read the address.  Which way each page was read is the count of
 * bands-only page passes in the stage times, from a child process. */
static const Line bands_only_lines[] = {
  { "www.northwind-tea.example", 20 * MM, 40 * MM, 5, 0 },
  { "Fresh leaves picked by hand every morning", 20 * MM, 60 * MM, 4, 0 },
  { "Dried slowly in the shade of the hills", 20 * MM, 72 * MM, 4, 0 },
  { "Packed the same day without any additives", 20 * MM, 84 * MM, 4, 0 },
  { "Brewed best with water just off the boil", 20 * MM, 96 * MM, 4, 0 },
  { "Three minutes for black and two for green", 20 * MM, 108 * MM, 4, 0 },
  { "Keep it dry and away from light and spices", 20 * MM, 120 * MM, 4, 0 },
  { "Best before the date printed on the bottom", 20 * MM, 132 * MM, 4, 0 },
};

/* Reads the page with the address and the next @n_lines lines. */
static void
read_bands_only_page (guint n_lines)
{
  Page              page = { 200 * MM, 200 * MM, bands_only_lines, 1 + n_lines, 0, 0, { 0, 0, 0, 0 }, { 0, 0, 0, 0 } };
  Result            result = run (&page, FALSE, TRUE, NULL);
  const EylElement *url = find (result.elements, EYL_ELEMENT_URL, EYL_SOURCE_OCR);

  g_assert_nonnull (url);
  g_assert_cmpstr (url->text, ==, "www.northwind-tea.example");
  result_clear (&result);
}

/* Runs the current test again in a child process (which does the
 * reading) and returns the stage times it wrote. */
static char *
subprocess_stage_times (void)
{
  g_autofree char *dir = g_dir_make_tmp ("eyl-ocr-stages-XXXXXX", NULL);
  g_autofree char *path = NULL;
  char            *times = NULL;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, "stages", NULL);
  g_setenv ("EYL_STAGE_TIMES", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("EYL_STAGE_TIMES");
  g_test_trap_assert_passed ();
  g_assert_true (g_file_get_contents (path, &times, NULL, NULL));
  g_test_message ("%s", times);
  g_unlink (path);
  g_rmdir (dir);
  return times;
}

static void
test_bands_only (void)
{
  g_autofree char *times = NULL;

  if (!eyl_fixture_have_ocr ())
    return;
  if (g_test_subprocess ())
    {
      read_bands_only_page (0);
      read_bands_only_page (G_N_ELEMENTS (bands_only_lines) - 1);
      return;
    }

  times = subprocess_stage_times ();
  /* One of the two pages: the one with the address alone. */
  g_assert_nonnull (strstr (times, " n_tesseract-bands-only=1 "));
}

/* Pages without a text layer where the page pass has nothing to read.
 * An empty page: no text-like ink at all, so its bands-only image is an
 * even grey, and Tesseract does not read it (before: one page pass, of
 * an empty image).  A web address below a photo: the photo's specks,
 * which the band finder takes for short rows of letters, are painted
 * over with the rest (band_on_picture), and the address alone is read;
 * how many bands were painted over so is in the stage times, from a
 * child process. */
static const Line photo_page_lines[] = {
  { "www.northwind-tea.example", 20 * MM, 250 * MM, 5, 0 },
};

static void
read_photo_pages (void)
{
  Page              empty = { 300 * MM, 300 * MM, NULL, 0, 0, 0, { 0, 0, 0, 0 }, { 0, 0, 0, 0 } };
  Page              photo = { 300 * MM, 300 * MM, photo_page_lines, G_N_ELEMENTS (photo_page_lines), 0, 0, { 0, 0, 0, 0 }, { 40 * MM, 40 * MM, 100 * MM, 90 * MM } };
  Result            result;
  const EylElement *url;
  guint             reads, turned;

  result = run_counted (&empty, &reads, &turned);
  g_assert_cmpuint (reads, ==, 0);
  result_clear (&result);

  result = run_counted (&photo, &reads, &turned);
  url = find (result.elements, EYL_ELEMENT_URL, EYL_SOURCE_OCR);
  g_assert_nonnull (url);
  g_assert_cmpstr (url->text, ==, "www.northwind-tea.example");
  result_clear (&result);
}

static void
test_nothing_to_read (void)
{
  g_autofree char *times = NULL;
  const char      *painted;

  if (!eyl_fixture_have_ocr ())
    return;
  if (g_test_subprocess ())
    {
      read_photo_pages ();
      return;
    }

  times = subprocess_stage_times ();
  painted = strstr (times, " n_ocr-bands-on-pictures=");
  g_assert_nonnull (painted);
  g_assert_cmpint (atoi (painted + strlen (" n_ocr-bands-on-pictures=")), >=, 1);
}

/* A flyer (A6) with a live headline, an outlined web address and, far
 * below it, an outlined line of fine print: capitals 0.6 mm (1.7 pt)
 * tall, type of about 2.3 pt.  With the analysis raster at 200 dpi its
 * letters are bands of ~5 px, which would be read at 600 ppi.  The
 * address is read; the fine print is not (see MIN_LETTER_PT). */
static const Line fine_print_lines[] = {
  { "Fresh tea every day", 10 * MM, 25 * MM, 6 },
  { "www.northwind-tea.example", 10 * MM, 60 * MM, 3 },
  { "OFFER SUBJECT TO AVAILABILITY AND OUR TERMS OF SALE", 10 * MM, 135 * MM, 0.6 },
};

static gboolean
draw_whole_page (cairo_t *cr,
                 gpointer user_data,
                 GError **error)
{
  Page *page = user_data;

  page->draws++;
  draw_page (page, cr);
  return TRUE;
}

/* Runs the text detectors and then OCR on @page, whose first line alone
 * is live text (its capitals @headline_mm tall), analysed at
 * @raster_scale; its text layer lists photographs of @photo_px pixels
 * (not drawn: only their size counts), none for 0.  The renderer draws
 * the page for recordings too, with @wide_clips.  The page stands for
 * material @enlarged times its size (0: none given).  *@reads: the level
 * reads OCR made. */
static GPtrArray *
run_headline_live (Page    *page,
                   double   headline_mm,
                   double   raster_scale,
                   double   photo_px,
                   gboolean wide_clips,
                   double   enlarged,
                   guint   *reads)
{
  EylPixelOptions options;
  EylRect         area = { 0, 0, page->width, page->height };
  g_autoptr(EylPageData) data = NULL;
  g_autoptr(EylRaster) raster = eyl_raster_new (&area, raster_scale);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  EylPageDataBuilder *builder = eyl_page_data_builder_new (0, page->width, page->height);
  EylRect             box = ink_box (page, 0);
  EylRect             photo = { 0.6 * page->width, 0.3 * page->height, 0.9 * page->width, 0.5 * page->height };
  cairo_t            *cr = eyl_raster_create_context (raster);
  EylRenderer         renderer;
  GPtrArray          *elements;
  guint               before, after, turned_before, turned_after;

  draw_page (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (eyl_raster_get_surface (raster));
  eyl_page_data_builder_add_text (builder, page->lines[0].text, &box, NULL, "DejaVu Sans",
                                  headline_mm * MM / CAP_EM, 0x1a1a1a);
  if (photo_px > 0)
    eyl_page_data_builder_add_image (builder, &photo, (int) sqrt (photo_px), (int) sqrt (photo_px));
  data = eyl_page_data_builder_end (builder);
  eyl_renderer_init (&renderer);
  renderer.render = render_page;
  renderer.draw = draw_whole_page;
  renderer.wide_clips = wide_clips;
  renderer.user_data = page;
  elements = eyl_detect_all (data, NULL);

  before = eyl_detect_ocr_get_n_reads (&turned_before);
  eyl_pixel_options_init (&options);
  options.mm_per_pt = enlarged * 25.4 / 72.0;
  eyl_detect_ocr (data, raster, &renderer, NULL, enlarged > 0 ? &options : NULL, elements, warnings,
                  NULL);
  after = eyl_detect_ocr_get_n_reads (&turned_after);
  *reads = (after - before) - (turned_after - turned_before);
  return elements;
}

/* Whether @kind was read by OCR as @text. */
static gboolean
read_as (GPtrArray     *elements,
         EylElementKind kind,
         const char    *text)
{
  const EylElement *e = find (elements, kind, EYL_SOURCE_OCR);

  return e != NULL && g_str_equal (e->text, text);
}

/* test_fine_print's page with its first @n_lines lines, standing for
 * material @enlarged times its size (0: as it is): the level reads OCR
 * makes on it into *@reads; whether the address is found. */
static gboolean
fine_print_read (guint  n_lines,
                 double enlarged,
                 guint *reads)
{
  Page page = { 105 * MM, 148 * MM, fine_print_lines, n_lines, 0, 0, { 0, 0, 0, 0 }, { 0, 0, 0, 0 } };
  g_autoptr(GPtrArray) elements = run_headline_live (&page, 6, 200.0 / 72.0, 0, FALSE, enlarged, reads);

  return read_as (elements, EYL_ELEMENT_URL, "www.northwind-tea.example");
}

static void
test_fine_print_not_read (void)
{
  guint without, with, poster;

  if (!eyl_fixture_have_ocr ())
    return;
  g_assert_true (fine_print_read (2, 0, &without));
  g_assert_true (fine_print_read (3, 0, &with));
  g_test_message ("level reads: %u without the fine print, %u with it", without, with);
  g_assert_cmpuint (without, >=, 1);
  g_assert_cmpuint (with, ==, without);
  /* The same file as the artwork of a poster ten times its size: its
   * "fine print" stands 6 mm tall there, and is read. */
  g_assert_true (fine_print_read (3, 10, &poster));
  g_test_message ("level reads at 1:10: %u", poster);
  g_assert_cmpuint (poster, >, without);
}

/* test_fine_print_not_read's flyer with a coloured panel right below
 * its live headline, as wide as the page: the ink test marks the
 * panel's top edge beside the headline's masked glyphs as two long
 * pieces of ink, bands that would be read at their own scale.  They are
 * the edge of a larger area, whose ink goes on below them (see
 * EDGE_COLUMNS), and are not read: the reads are those of the page
 * without the panel. */
static void
test_panel_edge_not_read (void)
{
  Page page = { 105 * MM, 148 * MM, fine_print_lines, 2, 0, 0, { 0, 0, 0, 0 }, { 0, 0, 0, 0 } };
  g_autoptr(GPtrArray) plain = NULL;
  g_autoptr(GPtrArray) with_panel = NULL;
  guint without, with;

  if (!eyl_fixture_have_ocr ())
    return;
  plain = run_headline_live (&page, 6, 200.0 / 72.0, 0, FALSE, 0, &without);
  page.panel = (EylRect) { 0, 27 * MM, 105 * MM, 50 * MM };
  with_panel = run_headline_live (&page, 6, 200.0 / 72.0, 0, FALSE, 0, &with);
  g_test_message ("level reads: %u without the panel, %u with it", without, with);
  g_assert_true (read_as (plain, EYL_ELEMENT_URL, "www.northwind-tea.example"));
  g_assert_true (read_as (with_panel, EYL_ELEMENT_URL, "www.northwind-tea.example"));
  g_assert_cmpuint (without, >=, 1);
  g_assert_cmpuint (with, ==, without);
}

/* A page without a text layer: a headline, and a line half in a script
 * no installed language reads (Cyrillic), of which the page pass reads
 * the Latin words surely and the rest not: a band not read well (see
 * WELL_READ), which would get a second look, a closer read of the same
 * letters.  The page pass read as many letters surely as half the
 * band's pieces of ink, and it is not read again (see
 * READ_BEFORE_SHARE): the page pass is the only read (without the rule:
 * 2). */
static const Line foreign_lines[] = {
  { "Fresh tea every day", 20 * MM, 40 * MM, 12, 0 },
  { "Fresh tea Свежий чай", 20 * MM, 250 * MM, 5, 0 },
};

static void
test_read_before_not_again (void)
{
  Page   page = { 300 * MM, 300 * MM, foreign_lines, G_N_ELEMENTS (foreign_lines), 0, 0, { 0, 0, 0, 0 }, { 0, 0, 0, 0 } };
  Result result;
  guint  reads, turned;

  if (!eyl_fixture_have_ocr ())
    return;
  result = run_counted (&page, &reads, &turned);
  result_clear (&result);
  g_assert_cmpuint (reads, ==, 1);
}

/* A renderer that counts its renders, each a Poppler pass over the page,
 * before it hands them to the document's. */
typedef struct
{
  EylRenderer inner;
  guint       passes;
} CountingRenderer;

static EylRaster *
count_render (const EylRect *area,
              double         scale,
              gpointer       user_data,
              GError       **error)
{
  CountingRenderer *counting = user_data;

  counting->passes++;
  return counting->inner.render (area, scale, counting->inner.user_data, error);
}

/* A page without a text layer, drawn with Cairo into a PDF: a headline
 * and a line in a language no installed one reads (Czech), its capitals
 * @cap_mm tall.  Its OCR's Poppler passes into *@passes (the analysis
 * raster not counted), its reads into *@reads. */
static void
czech_line_read (double cap_mm,
                 guint *passes,
                 guint *reads)
{
  g_autofree char *path = g_build_filename (eyl_fixture_dir (), "read-before.pdf", NULL);
  g_autoptr(EylDocument) doc = NULL;
  g_autoptr(EylPageData) page = NULL;
  g_autoptr(EylRaster) raster = NULL;
  g_autoptr(GPtrArray) elements = NULL;
  g_autoptr(GError) error = NULL;
  EylPixelOptions   options = { TRUE, NULL, FALSE, FALSE };
  EylRect           whole = { 0, 0, 300 * MM, 300 * MM };
  CountingRenderer  counting;
  EylRenderer       renderer;
  const EylElement *headline;
  cairo_surface_t  *surface = cairo_pdf_surface_create (path, 300 * MM, 300 * MM);
  cairo_t          *cr = cairo_create (surface);
  guint             before;

  cairo_surface_destroy (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  draw_outlined (cr, "Fresh tea every day", 12 * MM / CAP_EM, 20 * MM, 30 * MM);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, cap_mm * MM / CAP_EM);
  cairo_move_to (cr, 20 * MM, 240 * MM);
  cairo_text_path (cr, "Čerstvý čaj každý den");
  cairo_fill (cr);
  banner_pdf_end (cr);
  page = open_first_page (path, &doc);

  /* Analysed at 1 px per mm. */
  eyl_renderer_init (&counting.inner);
  g_assert_true (eyl_document_get_renderer (doc, 0, &counting.inner));
  raster = eyl_renderer_render (&counting.inner, &whole, 1.0 / MM, &error);
  g_assert_no_error (error);
  counting.passes = 0;
  eyl_renderer_init (&renderer);
  renderer.render = count_render;
  renderer.user_data = &counting;

  elements = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
  before = eyl_detect_ocr_get_n_reads (NULL);
  eyl_detect_ocr (page, raster, &renderer, NULL, &options, elements, NULL, NULL);
  *reads = eyl_detect_ocr_get_n_reads (NULL) - before;
  *passes = counting.passes;
  g_test_message ("capitals of %.2f mm: %u Poppler passes, %u reads", cap_mm, *passes, *reads);
  headline = find (elements, EYL_ELEMENT_HEADLINE, EYL_SOURCE_OCR);
  g_assert_nonnull (headline);
  g_assert_cmpstr (headline->text, ==, "Fresh tea every day");
}

/* czech_line_read()'s line at sizes (22 px letters on the page pass) at
 * which the page pass reads most of its letters surely but not well
 * (see WELL_READ), or reads them well, and a second look would render
 * them finer.  Where the page pass read as many letters surely as half
 * the band's pieces of ink, the region is not read again (see
 * READ_BEFORE_SHARE); nor is the render made for it alone, a Poppler
 * pass for nothing.  OCR's only passes are the page pass and renders
 * for regions read: never more than its reads (without the rule: at
 * 2.89 and 2.95 mm, 2 passes for 1 read). */
static void
test_read_before_not_rendered (void)
{
  if (!eyl_fixture_have_ocr ())
    return;
  for (double cap_mm = 2.86; cap_mm < 2.99; cap_mm += 0.03)
    {
      guint passes, reads;

      czech_line_read (cap_mm, &passes, &reads);
      g_assert_cmpuint (passes, >=, 1);
      g_assert_cmpuint (passes, <=, reads);
    }
}

/* test_fine_print_not_read's page without its web address: beside the
 * live headline only fine print is ink to read, and it is not read.
 * Tesseract starts at a page's first read, not before: a process that
 * analyses only this page starts no engine (~60–150 ms CPU). */
static const Line fine_print_only_lines[] = {
  { "Fresh tea every day", 10 * MM, 25 * MM, 6 },
  { "OFFER SUBJECT TO AVAILABILITY AND OUR TERMS OF SALE", 10 * MM, 135 * MM, 0.6 },
};

static void
test_no_read_no_engine (void)
{
  if (!eyl_fixture_have_ocr ())
    return;
  if (g_test_subprocess ())
    {
      Page page = { 105 * MM, 148 * MM, fine_print_only_lines, G_N_ELEMENTS (fine_print_only_lines), 0, 0, { 0, 0, 0, 0 }, { 0, 0, 0, 0 } };
      g_autoptr(GPtrArray) elements = NULL;
      guint reads;

      elements = run_headline_live (&page, 6, 200.0 / 72.0, 0, FALSE, 0, &reads);
      g_assert_cmpuint (eyl_detect_ocr_get_n_reads (NULL), ==, 0);
      g_assert_cmpuint (eyl_detect_ocr_get_n_engine_inits (), ==, 0);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* A roll-up with a live headline and two outlined contact lines at its
 * top and bottom, too far apart for one render, whose text layer lists
 * photographs of 6 Mpx (not drawn: only their size counts).  Each Poppler
 * pass over such a page decodes all its images, so the two renders are
 * replays of one recording of the page; without the photographs each is
 * rendered by itself, as before.  Both lines are read either way. */
static const Line dear_lines[] = {
  { "Fresh tea every day", 60 * MM, 200 * MM, 60 },
  { "www.northwind-tea.example", 60 * MM, 400 * MM, 6 },
  { "hello@northwind-tea.example", 400 * MM, 1900 * MM, 6 },
};

/* run_headline_live() on @page, whose other lines are the web address
 * and the email address, both read; into *@renders and *@draws, the
 * renders and recordings OCR asked for. */
static void
contacts_read (Page    *page,
               double   headline_mm,
               double   raster_scale,
               double   photo_px,
               gboolean wide_clips,
               guint   *renders,
               guint   *draws)
{
  g_autoptr(GPtrArray) elements = NULL;
  guint reads;

  elements = run_headline_live (page, headline_mm, raster_scale, photo_px, wide_clips, 0, &reads);
  g_assert_true (read_as (elements, EYL_ELEMENT_URL, "www.northwind-tea.example"));
  g_assert_true (read_as (elements, EYL_ELEMENT_EMAIL, "hello@northwind-tea.example"));
  *renders = page->renders;
  *draws = page->draws;
}

/* dear_lines with the contact lines half as tall (analysed at 2 px per
 * mm, read at twice the scale), the web address on the photograph
 * run_headline_live() lists (the middle of the roll-up's right half),
 * the email address as far from it as before. */
static const Line on_photo_lines[] = {
  { "Fresh tea every day", 60 * MM, 200 * MM, 60 },
  { "www.northwind-tea.example", 530 * MM, 700 * MM, 3 },
  { "hello@northwind-tea.example", 20 * MM, 1950 * MM, 3 },
};

static void
test_dear_page_renders_shared (void)
{
  Page  plain = roll_up (dear_lines, G_N_ELEMENTS (dear_lines));
  Page  photos = plain;
  Page  on_photo = roll_up (on_photo_lines, G_N_ELEMENTS (on_photo_lines));
  guint renders, draws;

  if (!eyl_fixture_have_ocr ())
    return;
  contacts_read (&plain, 60, 1.0 / MM, 0, TRUE, &renders, &draws);
  g_test_message ("without photographs: %u renders, %u recordings", renders, draws);
  g_assert_cmpuint (renders, ==, 2);
  g_assert_cmpuint (draws, ==, 0);
  contacts_read (&photos, 60, 1.0 / MM, 6e6, TRUE, &renders, &draws);
  g_test_message ("with photographs: %u renders, %u recordings", renders, draws);
  g_assert_cmpuint (renders, ==, 0);
  g_assert_cmpuint (draws, ==, 1);
  /* The web address set on a photograph: a recording would hold it (see
   * RECORDED_IMAGE_PX), so each line is rendered by itself. */
  contacts_read (&on_photo, 60, 2.0 / MM, 6e6, TRUE, &renders, &draws);
  g_test_message ("a line on a photograph: %u renders, %u recordings", renders, draws);
  g_assert_cmpuint (renders, >=, 2);
  g_assert_cmpuint (draws, ==, 0);
}

/* An A4 flyer, analysed at 200 dpi, with a live headline and two outlined
 * contact lines of 1.2 mm capitals at its top and bottom: both are read
 * at the finest scale OCR reads at, too far apart for one render.  Where
 * the renderer lets one recording hold regions far apart (wide clips),
 * they are replays of one Poppler pass, which give what a render of each
 * gives; otherwise each is rendered by itself, as before. */
static const Line same_scale_lines[] = {
  { "Fresh tea every day", 20 * MM, 40 * MM, 8 },
  { "www.northwind-tea.example", 20 * MM, 60 * MM, 1.2 },
  { "hello@northwind-tea.example", 110 * MM, 285 * MM, 1.2 },
};

static void
test_same_scale_renders_shared (void)
{
  Page  narrow = { 210 * MM, 297 * MM, same_scale_lines, G_N_ELEMENTS (same_scale_lines), 0, 0, { 0, 0, 0, 0 }, { 0, 0, 0, 0 } };
  Page  wide = narrow;
  guint renders, draws;

  if (!eyl_fixture_have_ocr ())
    return;
  contacts_read (&narrow, 8, 200.0 / 72.0, 0, FALSE, &renders, &draws);
  g_test_message ("narrow clips: %u renders, %u recordings", renders, draws);
  g_assert_cmpuint (renders, ==, 2);
  g_assert_cmpuint (draws, ==, 0);
  contacts_read (&wide, 8, 200.0 / 72.0, 0, TRUE, &renders, &draws);
  g_test_message ("wide clips: %u renders, %u recordings", renders, draws);
  g_assert_cmpuint (renders, ==, 0);
  g_assert_cmpuint (draws, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eyl/ocr/outlined-contacts", test_outlined_contacts);
  g_test_add_func ("/eyl/ocr/raster-only", test_raster_only);
  g_test_add_func ("/eyl/ocr/live-text", test_live_text);
  g_test_add_func ("/eyl/ocr/small-text", test_small_text);
  g_test_add_func ("/eyl/ocr/photo-not-read", test_photo_not_read);
  g_test_add_func ("/eyl/ocr/turned", test_turned);
  g_test_add_func ("/eyl/ocr/turned-labelled", test_turned_labelled);
  g_test_add_func ("/eyl/ocr/turned-not-rendered", test_turned_not_rendered);
  g_test_add_func ("/eyl/ocr/turned-beside-pattern", test_turned_beside_pattern);
  g_test_add_func ("/eyl/ocr/turned-pattern-not-read", test_turned_pattern_not_read);
  g_test_add_func ("/eyl/ocr/turned-same-way", test_turned_same_way);
  g_test_add_func ("/eyl/ocr/turned-fairly-sure", test_turned_fairly_sure);
  g_test_add_func ("/eyl/ocr/upside-down-read-once", test_upside_down_read_once);
  g_test_add_func ("/eyl/ocr/turned-page-read-upright", test_turned_page_read_upright);
  g_test_add_func ("/eyl/ocr/upright-page-not-asked", test_upright_page_not_asked);
  g_test_add_func ("/eyl/ocr/turned-wordmark-read", test_turned_wordmark_read);
  g_test_add_func ("/eyl/ocr/missing-language", test_missing_language);
  g_test_add_func ("/eyl/ocr/disabled", test_disabled);
  g_test_add_func ("/eyl/ocr/rollup-outlined-contacts-hidden", test_rollup_outlined_contacts_hidden);
  g_test_add_func ("/eyl/ocr/bands-only", test_bands_only);
  g_test_add_func ("/eyl/ocr/nothing-to-read", test_nothing_to_read);
  g_test_add_func ("/eyl/ocr/passed-over-not-read", test_passed_over_not_read);
  g_test_add_func ("/eyl/ocr/resolution-stable", test_resolution_stable);
  g_test_add_func ("/eyl/ocr/german", test_german);
  g_test_add_func ("/eyl/ocr/one-engine", test_one_engine);
  g_test_add_func ("/eyl/ocr/page-language", test_page_language);
  g_test_add_func ("/eyl/ocr/german-text-layer", test_german_text_layer);
  g_test_add_func ("/eyl/ocr/picture-contacts", test_picture_contacts);
  g_test_add_func ("/eyl/ocr/fine-print-not-read", test_fine_print_not_read);
  g_test_add_func ("/eyl/ocr/no-read-no-engine", test_no_read_no_engine);
  g_test_add_func ("/eyl/ocr/panel-edge-not-read", test_panel_edge_not_read);
  g_test_add_func ("/eyl/ocr/read-before-not-again", test_read_before_not_again);
  g_test_add_func ("/eyl/ocr/read-before-not-rendered", test_read_before_not_rendered);
  g_test_add_func ("/eyl/ocr/dear-page-renders-shared", test_dear_page_renders_shared);
  g_test_add_func ("/eyl/ocr/same-scale-renders-shared", test_same_scale_renders_shared);

  return g_test_run ();
}
