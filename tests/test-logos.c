/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-logos.c: logos on rasters drawn with Cairo at known places — with
 * a brand kit (a PNG of the same logo written here, at another size and
 * in other colours) and without one (image XObjects, graphic blobs). */
#include "config.h"

#include <math.h>
#include <cairo.h>
#include <string.h>

#include "eyl-detect-pixels.h"
#include "eyl-fixtures.h"

#define PAGE_W 1000.0
#define PAGE_H 1400.0
/* Roughly an A1 poster's analysis raster (1 px/mm would be 594 px wide). */
#define SCALE 0.5

/* The logo in a 250 × 100 unit box: a ring, a square inside it (not
 * touching, so a one-colour version has the same outlines) and a word. */
#define LOGO_W 250.0
#define LOGO_H 100.0

typedef enum
{
  LOGO_COLOUR,
  LOGO_BLACK,
} LogoStyle;

static void
draw_logo (cairo_t  *cr,
           double    x,
           double    y,
           double    width,
           LogoStyle style)
{
  double k = width / LOGO_W;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, k, k);

  if (style == LOGO_COLOUR)
    cairo_set_source_rgb (cr, 0.88, 0.44, 0.06);
  else
    cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 12);
  cairo_arc (cr, 50, 50, 42, 0, 2 * G_PI);
  cairo_stroke (cr);

  if (style == LOGO_COLOUR)
    cairo_set_source_rgb (cr, 0.1, 0.3, 0.8);
  cairo_rectangle (cr, 35, 35, 30, 30);
  cairo_fill (cr);

  if (style == LOGO_COLOUR)
    cairo_set_source_rgb (cr, 0.05, 0.4, 0.2);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 52);
  cairo_move_to (cr, 105, 70);
  cairo_show_text (cr, "Nwt");
  cairo_restore (cr);
}

/* The ink extents of the logo drawn at @x, @y, @width: the truth. */
static EylRect
logo_ink_box (double x,
              double y,
              double width)
{
  cairo_surface_t *rec = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t         *cr = cairo_create (rec);
  double           ix, iy, iw, ih;

  draw_logo (cr, x, y, width, LOGO_BLACK);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (rec, &ix, &iy, &iw, &ih);
  cairo_surface_destroy (rec);
  return (EylRect) { ix, iy, ix + iw, iy + ih };
}

/* The kit's logo: a PNG 300 px wide on a transparent ground. */
static char *
write_kit_png (void)
{
  char            *path = g_build_filename (eyl_fixture_dir (), "logo.png", NULL);
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 300, 120);
  cairo_t         *cr = cairo_create (s);

  draw_logo (cr, 0, 0, 300, LOGO_COLOUR);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (s, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (s);
  return path;
}

static EylRaster *
raster_new (void)
{
  EylRect area = { 0, 0, PAGE_W, PAGE_H };

  return eyl_raster_new (&area, SCALE);
}

/* Body text as drawn lines of grey "words" plus the matching text layer. */
static void
draw_body (cairo_t            *cr,
           EylPageDataBuilder *builder,
           double              x,
           double              y,
           int                 n_lines)
{
  for (int i = 0; i < n_lines; i++)
    {
      double  ly = y + i * 24;
      EylRect box = { x, ly, x + 500, ly + 16 };

      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
      cairo_set_font_size (cr, 16);
      cairo_move_to (cr, x, ly + 13);
      cairo_show_text (cr, "Quality tea from the hills, picked by hand every spring.");
      if (builder != NULL)
        {
          eyl_page_data_builder_add_text (builder, "Quality tea from the hills, picked by hand every spring.",
                                          &box, NULL, "Sans", 16, 0x333333);
          eyl_page_data_builder_add_text (builder, "\n", &box, NULL, "Sans", 16, 0x333333);
        }
    }
}

static EylBrandKit *
kit_with_logo (const char *path)
{
  EylBrandKit *kit = eyl_brand_kit_new ();
  const char  *logos[] = { path, NULL };

  g_strfreev (kit->logos);
  kit->logos = g_strdupv ((char **) logos);
  return kit;
}

static GPtrArray *
elements_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
}

static guint
count_kind (GPtrArray     *elements,
            EylElementKind kind)
{
  guint n = 0;

  for (guint i = 0; i < elements->len; i++)
    n += ((EylElement *) elements->pdata[i])->kind == kind;
  return n;
}

/* The logo element whose box is nearest @truth, or NULL. */
static EylElement *
nearest_logo (GPtrArray     *elements,
              const EylRect *truth)
{
  EylElement *best = NULL;
  double      best_d = G_MAXDOUBLE;

  for (guint i = 0; i < elements->len; i++)
    {
      EylElement *e = elements->pdata[i];
      double      d;

      if (e->kind != EYL_ELEMENT_LOGO)
        continue;
      d = fabs (e->box.x0 - truth->x0) + fabs (e->box.y0 - truth->y0) +
          fabs (e->box.x1 - truth->x1) + fabs (e->box.y1 - truth->y1);
      if (d < best_d)
        {
          best_d = d;
          best = e;
        }
    }
  return best;
}

/* Each edge within @tolerance of the page width. */
static void
assert_box_near (const EylRect *box,
                 const EylRect *truth,
                 double         tolerance)
{
  double t = tolerance * PAGE_W;

  g_test_message ("box %.1f %.1f %.1f %.1f, truth %.1f %.1f %.1f %.1f",
                  box->x0, box->y0, box->x1, box->y1, truth->x0, truth->y0, truth->x1, truth->y1);
  g_assert_cmpfloat_with_epsilon (box->x0, truth->x0, t);
  g_assert_cmpfloat_with_epsilon (box->y0, truth->y0, t);
  g_assert_cmpfloat_with_epsilon (box->x1, truth->x1, t);
  g_assert_cmpfloat_with_epsilon (box->y1, truth->y1, t);
}

/* The kit's colour PNG (300 px) is found at 400 pt in colour at the top
 * and at 150 pt in black at the bottom right of a page with body text. */
static void
test_kit_two_scales (void)
{
  g_autofree char *png = write_kit_png ();
  g_autoptr(EylBrandKit) kit = kit_with_logo (png);
  g_autoptr(EylRaster) raster = raster_new ();
  g_autoptr(GPtrArray) elements = elements_new ();
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  EylPageDataBuilder *builder = eyl_page_data_builder_new (0, PAGE_W, PAGE_H);
  g_autoptr(EylPageData) page = NULL;
  EylRect  big = logo_ink_box (80, 60, 400), small = logo_ink_box (780, 1250, 150);
  cairo_t *cr = eyl_raster_create_context (raster);
  gint64   t0;

  draw_logo (cr, 80, 60, 400, LOGO_COLOUR);
  draw_logo (cr, 780, 1250, 150, LOGO_BLACK);
  draw_body (cr, builder, 80, 400, 20);
  cairo_destroy (cr);
  page = eyl_page_data_builder_end (builder);

  t0 = g_get_monotonic_time ();
  eyl_detect_logos (page, raster, kit, NULL, elements, warnings);
  g_test_message ("kit search: %.0f ms", (g_get_monotonic_time () - t0) / 1000.0);

  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpuint (count_kind (elements, EYL_ELEMENT_LOGO), ==, 2);
  for (guint i = 0; i < elements->len; i++)
    {
      EylElement *e = elements->pdata[i];

      g_assert_cmpint (e->source, ==, EYL_SOURCE_BRAND_KIT);
      g_assert_cmpstr (e->text, ==, "logo.png");
      g_assert_cmpfloat (e->confidence, >=, 0.6);
    }
  assert_box_near (&nearest_logo (elements, &big)->box, &big, 0.02);
  assert_box_near (&nearest_logo (elements, &small)->box, &small, 0.02);
}

/* A white version on a dark band is found too (|NCC| on grey, edges). */
static void
test_kit_negative (void)
{
  g_autofree char *png = write_kit_png ();
  g_autoptr(EylBrandKit) kit = kit_with_logo (png);
  g_autoptr(EylRaster) raster = raster_new ();
  g_autoptr(GPtrArray) elements = elements_new ();
  EylPageDataBuilder *builder = eyl_page_data_builder_new (0, PAGE_W, PAGE_H);
  g_autoptr(EylPageData) page = eyl_page_data_builder_end (builder);
  EylRect  truth = logo_ink_box (300, 1100, 300);
  cairo_t *cr = eyl_raster_create_context (raster);

  cairo_set_source_rgb (cr, 0.1, 0.15, 0.3);
  cairo_rectangle (cr, 0, 1000, PAGE_W, 400);
  cairo_fill (cr);
  cairo_push_group (cr);
  draw_logo (cr, 300, 1100, 300, LOGO_BLACK);
  cairo_pop_group_to_source (cr);
  /* Black → white: the group's alpha as a white mask. */
  {
    cairo_pattern_t *mask = cairo_pattern_reference (cairo_get_source (cr));

    cairo_set_source_rgb (cr, 1, 1, 1);
    cairo_mask (cr, mask);
    cairo_pattern_destroy (mask);
  }
  cairo_destroy (cr);

  eyl_detect_logos (page, raster, kit, NULL, elements, NULL);
  g_assert_cmpuint (count_kind (elements, EYL_ELEMENT_LOGO), ==, 1);
  assert_box_near (&nearest_logo (elements, &truth)->box, &truth, 0.02);
}

/* A page without the logo: shapes and words, but no match. */
static void
test_kit_absent (void)
{
  g_autofree char *png = write_kit_png ();
  g_autoptr(EylBrandKit) kit = kit_with_logo (png);
  g_autoptr(EylRaster) raster = raster_new ();
  g_autoptr(GPtrArray) elements = elements_new ();
  EylPageDataBuilder *builder = eyl_page_data_builder_new (0, PAGE_W, PAGE_H);
  g_autoptr(EylPageData) page = NULL;
  cairo_t *cr = eyl_raster_create_context (raster);

  /* Another brand: a triangle and another word. */
  cairo_set_source_rgb (cr, 0.7, 0.1, 0.1);
  cairo_move_to (cr, 100, 200);
  cairo_line_to (cr, 200, 60);
  cairo_line_to (cr, 300, 200);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_select_font_face (cr, "DejaVu Serif", CAIRO_FONT_SLANT_ITALIC, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 90);
  cairo_move_to (cr, 330, 180);
  cairo_show_text (cr, "Acme Co");
  draw_body (cr, builder, 80, 400, 20);
  cairo_set_source_rgb (cr, 0.2, 0.5, 0.3);
  cairo_arc (cr, 700, 1150, 120, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);
  page = eyl_page_data_builder_end (builder);

  eyl_detect_logos (page, raster, kit, NULL, elements, NULL);
  for (guint i = 0; i < elements->len; i++)
    {
      EylElement *e = elements->pdata[i];
      g_test_message ("unexpected match %.2f at %.0f %.0f %.0f %.0f", e->confidence,
                      e->box.x0, e->box.y0, e->box.x1, e->box.y1);
    }
  g_assert_cmpuint (count_kind (elements, EYL_ELEMENT_LOGO), ==, 0);
}

/* An unreadable logo file is a warning, not a failure; a logo in a
 * format Eyeline does not read is named for what it is, by its content
 * and not its name (a GIF called .png); an empty file is empty; a
 * directory is not a file. */
static void
test_kit_logo_formats (void)
{
  const struct
  {
    const char *name;
    const char *bytes;
    gsize       len;
    const char *says;
  } cases[] = {
    { "bad.png", "not a png", 9, "not a PNG, SVG or PDF" },
    { "gif-logo.png", "GIF89a\x01\x00\x01\x00\x00\x00\x00;", 13, "GIF image" },
    { "photo.jpg", "\xff\xd8\xff\xe0\x00\x10JFIF\x00", 11, "JPEG image" },
    { "logo.webp", "RIFF\x10\x00\x00\x00WEBPVP8 ", 16, "WebP image" },
    { "empty.svg", "", 0, "empty" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases) + 1; i++)
    {
      g_autofree char *path = i < G_N_ELEMENTS (cases)
                                  ? eyl_fixture_bytes (cases[i].name, cases[i].bytes, cases[i].len)
                                  : g_strdup (eyl_fixture_dir ());
      g_autoptr(EylBrandKit) kit = kit_with_logo (path);
      g_autoptr(EylRaster) raster = raster_new ();
      g_autoptr(GPtrArray) elements = elements_new ();
      g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
      EylPageDataBuilder *builder = eyl_page_data_builder_new (0, PAGE_W, PAGE_H);
      g_autoptr(EylPageData) page = eyl_page_data_builder_end (builder);

      eyl_detect_logos (page, raster, kit, NULL, elements, warnings);
      g_assert_cmpuint (elements->len, ==, 0);
      g_assert_cmpuint (warnings->len, ==, 1);
      g_test_message ("%s", (char *) warnings->pdata[0]);
      {
        g_autofree char *base = g_path_get_basename (path);

        g_assert_nonnull (strstr (warnings->pdata[0], base));
      }
      g_assert_nonnull (strstr (warnings->pdata[0],
                                i < G_N_ELEMENTS (cases) ? cases[i].says : "not a regular file"));
    }
}

/* A "photo": smooth random colours, as a scaled-up tiny noise image. */
static void
draw_photo (cairo_t       *cr,
            const EylRect *box)
{
  cairo_surface_t *noise = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 24, 24);
  guint32         *px = (guint32 *) cairo_image_surface_get_data (noise);
  int              stride = cairo_image_surface_get_stride (noise) / 4;
  GRand           *rand = g_rand_new_with_seed (7);

  for (int y = 0; y < 24; y++)
    for (int x = 0; x < 24; x++)
      px[y * stride + x] = g_rand_int (rand) & 0xffffff;
  cairo_surface_mark_dirty (noise);
  g_rand_free (rand);

  cairo_save (cr);
  cairo_translate (cr, box->x0, box->y0);
  cairo_scale (cr, eyl_rect_width (box) / 24, eyl_rect_height (box) / 24);
  cairo_set_source_surface (cr, noise, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_BILINEAR);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_surface_destroy (noise);
}

/* Without a kit: an image of the emblem beside the brand name at the top
 * is a logo candidate, with the name as its text. */
static void
test_candidates_image (void)
{
  g_autoptr(EylRaster) raster = raster_new ();
  g_autoptr(GPtrArray) elements = elements_new ();
  EylPageDataBuilder *builder = eyl_page_data_builder_new (0, PAGE_W, PAGE_H);
  g_autoptr(EylPageData) page = NULL;
  EylRect     image = { 80, 80, 200, 200 }, name = { 220, 110, 520, 170 };
  EylElement *logo;
  cairo_t    *cr = eyl_raster_create_context (raster);

  /* The emblem: two flat colours. */
  cairo_set_source_rgb (cr, 0.1, 0.3, 0.8);
  cairo_arc (cr, 140, 140, 60, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 0.8, 0.1);
  cairo_arc (cr, 140, 140, 25, 0, 2 * G_PI);
  cairo_fill (cr);
  eyl_page_data_builder_add_image (builder, &image, 240, 240);

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 60);
  cairo_move_to (cr, 220, 162);
  cairo_show_text (cr, "Nwind");
  eyl_page_data_builder_add_text (builder, "Nwind", &name, NULL, "Sans-Bold", 60, 0x1a1a1a);
  eyl_page_data_builder_add_text (builder, "\n", &name, NULL, "Sans-Bold", 60, 0x1a1a1a);

  draw_body (cr, builder, 80, 500, 25);
  cairo_destroy (cr);
  page = eyl_page_data_builder_end (builder);
  g_ptr_array_add (elements, eyl_element_new (EYL_ELEMENT_BRAND_NAME, EYL_SOURCE_TEXT, "Nwind",
                                              &name, 0.9));

  eyl_detect_logos (page, raster, NULL, NULL, elements, NULL);
  g_assert_cmpuint (count_kind (elements, EYL_ELEMENT_LOGO), >=, 1);
  g_assert_cmpuint (count_kind (elements, EYL_ELEMENT_LOGO), <=, 3);
  logo = nearest_logo (elements, &image);
  g_assert_nonnull (logo);
  g_assert_cmpint (logo->source, ==, EYL_SOURCE_RASTER);
  g_assert_cmpstr (logo->text, ==, "Nwind");
  g_assert_cmpfloat (logo->confidence, >=, 0.6);
  /* The emblem's centre lies in the box found (the box may take in the
   * name as well: emblem and name are one lock-up). */
  g_assert_true (eyl_rect_contains_point (&logo->box, 140, 140));
  g_assert_cmpfloat (logo->box.x1, <=, 540);
  g_assert_cmpfloat (logo->box.y1, <=, 230);
  /* The best candidate is this one. */
  for (guint i = 0; i < elements->len; i++)
    {
      EylElement *e = elements->pdata[i];

      if (e->kind == EYL_ELEMENT_LOGO)
        g_assert_cmpfloat (e->confidence, <=, logo->confidence);
    }
}

/* A full-page background photo is no logo, nor is the body text on it. */
static void
test_candidates_photo (void)
{
  g_autoptr(EylRaster) raster = raster_new ();
  g_autoptr(GPtrArray) elements = elements_new ();
  EylPageDataBuilder *builder = eyl_page_data_builder_new (0, PAGE_W, PAGE_H);
  g_autoptr(EylPageData) page = NULL;
  EylRect  full = { 0, 0, PAGE_W, PAGE_H }, half = { 0, 0, PAGE_W, PAGE_H * 0.6 };
  cairo_t *cr = eyl_raster_create_context (raster);

  draw_photo (cr, &half);
  eyl_page_data_builder_add_image (builder, &full, 3000, 4200);
  draw_body (cr, builder, 80, 1000, 12);
  cairo_destroy (cr);
  page = eyl_page_data_builder_end (builder);

  eyl_detect_logos (page, raster, NULL, NULL, elements, NULL);
  for (guint i = 0; i < elements->len; i++)
    {
      EylElement *e = elements->pdata[i];
      double      area = eyl_rect_width (&e->box) * eyl_rect_height (&e->box);

      g_test_message ("candidate %.2f at %.0f %.0f %.0f %.0f", e->confidence,
                      e->box.x0, e->box.y0, e->box.x1, e->box.y1);
      g_assert_cmpfloat (area, <, 0.25 * PAGE_W * PAGE_H);
    }
}

/* A plain page with only body text has no logo. */
static void
test_candidates_text_only (void)
{
  g_autoptr(EylRaster) raster = raster_new ();
  g_autoptr(GPtrArray) elements = elements_new ();
  EylPageDataBuilder *builder = eyl_page_data_builder_new (0, PAGE_W, PAGE_H);
  g_autoptr(EylPageData) page = NULL;
  cairo_t *cr = eyl_raster_create_context (raster);

  draw_body (cr, builder, 80, 200, 40);
  cairo_destroy (cr);
  page = eyl_page_data_builder_end (builder);

  eyl_detect_logos (page, raster, NULL, NULL, elements, NULL);
  g_assert_cmpuint (count_kind (elements, EYL_ELEMENT_LOGO), ==, 0);
}

/* An emblem: a disc in @rgb with a light square in it. */
static void
set_rgb (cairo_t *cr,
         guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

static void
draw_emblem (cairo_t *cr,
             double   x,
             double   y,
             double   size,
             guint32  rgb)
{
  set_rgb (cr, rgb);
  cairo_arc (cr, x + size / 2, y + size / 2, size / 2, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 0.85, 0.2);
  cairo_rectangle (cr, x + 0.35 * size, y + 0.35 * size, 0.3 * size, 0.3 * size);
  cairo_fill (cr);
}

/* A word drawn as outlines: on the raster, not in the text layer.
 * Returns its ink box. */
static EylRect
draw_outlined_word (cairo_t    *cr,
                    const char *word,
                    double      x,
                    double      baseline,
                    double      size)
{
  EylRect box;

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.15);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, size);
  cairo_move_to (cr, x, baseline);
  cairo_text_path (cr, word);
  cairo_path_extents (cr, &box.x0, &box.y0, &box.x1, &box.y1);
  cairo_fill (cr);
  return box;
}

/* The share of @box covered by elements of @kind. */
static double
covered_by (GPtrArray     *elements,
            EylElementKind kind,
            const EylRect *box)
{
  double best = 0;

  for (guint i = 0; i < elements->len; i++)
    {
      EylElement *e = elements->pdata[i];
      EylRect     both;

      if (e->kind == kind && eyl_rect_intersect (&e->box, box, &both))
        best = MAX (best, eyl_rect_width (&both) * eyl_rect_height (&both) /
                              (eyl_rect_width (box) * eyl_rect_height (box)));
    }
  return best;
}

static void
log_elements (GPtrArray *elements)
{
  for (guint i = 0; i < elements->len; i++)
    {
      EylElement *e = elements->pdata[i];

      g_test_message ("%s %.2f at %.0f %.0f %.0f %.0f", eyl_element_kind_to_string (e->kind),
                      e->confidence, e->box.x0, e->box.y0, e->box.x1, e->box.y1);
    }
}

/* A page for the tests without a kit: draw with cr, add text to builder,
 * then canvas_detect(). */
typedef struct
{
  EylRaster          *raster;
  EylPageDataBuilder *builder;
  cairo_t            *cr;
  EylPageData        *page;
  GPtrArray          *elements;
} Canvas;

static void
canvas_init (Canvas *c)
{
  c->raster = raster_new ();
  c->builder = eyl_page_data_builder_new (0, PAGE_W, PAGE_H);
  c->cr = eyl_raster_create_context (c->raster);
  c->page = NULL;
  c->elements = elements_new ();
}

static void
canvas_detect (Canvas *c)
{
  g_clear_pointer (&c->cr, cairo_destroy);
  c->page = eyl_page_data_builder_end (g_steal_pointer (&c->builder));
  eyl_detect_logos (c->page, c->raster, NULL, NULL, c->elements, NULL);
  log_elements (c->elements);
}

/* canvas_detect() with one line that OCR read (@text over @box). */
static void
canvas_detect_read (Canvas        *c,
                    const char    *text,
                    const EylRect *box,
                    double         size)
{
  EylPageDataBuilder *ocr = eyl_page_data_builder_new (0, PAGE_W, PAGE_H);
  g_autoptr(EylPageData) read = NULL;

  eyl_page_data_builder_add_text (ocr, text, box, NULL, "Sans", size, 0x1a1a26);
  eyl_page_data_builder_add_text (ocr, "\n", box, NULL, "Sans", size, 0x1a1a26);
  read = eyl_page_data_builder_end (ocr);
  g_clear_pointer (&c->cr, cairo_destroy);
  c->page = eyl_page_data_builder_end (g_steal_pointer (&c->builder));
  eyl_detect_logos (c->page, c->raster, NULL, read, c->elements, NULL);
  log_elements (c->elements);
}

static void
canvas_clear (Canvas *c)
{
  g_clear_pointer (&c->cr, cairo_destroy);
  g_clear_pointer (&c->builder, eyl_page_data_builder_free);
  g_clear_pointer (&c->page, eyl_page_data_unref);
  g_clear_pointer (&c->raster, eyl_raster_unref);
  g_clear_pointer (&c->elements, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Canvas, canvas_clear)

/* A photo inside the margins, in the top corner where logos sit, is no
 * logo: its colours lie on no blend of a few flat ones.  (Alone on the
 * page: no better mark to lose against.) */
static void
test_candidates_photo_in_margins (void)
{
  g_auto(Canvas) c;
  EylRect photo = { 560, 80, 920, 380 };

  canvas_init (&c);
  draw_photo (c.cr, &photo);
  eyl_page_data_builder_add_image (c.builder, &photo, 720, 600);
  draw_body (c.cr, c.builder, 80, 600, 20);
  canvas_detect (&c);

  g_assert_cmpfloat (covered_by (c.elements, EYL_ELEMENT_LOGO, &photo), <, 0.5);
}

/* A shape cut by the page's edge (a background wedge in two tints) is
 * no logo, even in the bottom corner where flyers sign off. */
static void
test_candidates_bleed (void)
{
  g_auto(Canvas) c;
  EylRect wedge = { 500, 1100, PAGE_W, PAGE_H };
  static const struct
  {
    guint32 rgb;
    double  top, left;
  } tints[] = {
    { 0x8c99a6, 1100, 500 },
    { 0x33734d, 1250, 750 },
  };

  canvas_init (&c);
  for (guint i = 0; i < G_N_ELEMENTS (tints); i++)
    {
      set_rgb (c.cr, tints[i].rgb);
      cairo_move_to (c.cr, PAGE_W + 10, tints[i].top);
      cairo_line_to (c.cr, PAGE_W + 10, PAGE_H + 10);
      cairo_line_to (c.cr, tints[i].left, PAGE_H + 10);
      cairo_close_path (c.cr);
      cairo_fill (c.cr);
    }
  draw_body (c.cr, c.builder, 80, 400, 20);
  canvas_detect (&c);

  g_assert_cmpfloat (covered_by (c.elements, EYL_ELEMENT_LOGO, &wedge), <, 0.2);
}

/* An emblem with its wordmark drawn beside it (outlined type, no text
 * layer) is one logo, not an emblem and a few letters. */
static void
test_candidates_lock_up (void)
{
  g_auto(Canvas) c;
  EylRect     emblem = { 80, 80, 220, 220 }, word, both = emblem;
  EylElement *logo;

  canvas_init (&c);
  draw_emblem (c.cr, emblem.x0, emblem.y0, eyl_rect_width (&emblem), 0x1a4c99);
  word = draw_outlined_word (c.cr, "OSGEA", 250, 185, 90);
  eyl_rect_union (&both, &word);
  draw_body (c.cr, c.builder, 80, 500, 20);
  canvas_detect (&c);

  g_assert_cmpuint (count_kind (c.elements, EYL_ELEMENT_LOGO), ==, 1);
  logo = nearest_logo (c.elements, &both);
  g_assert_true (eyl_rect_contains_point (&logo->box, 150, 150));
  g_assert_true (eyl_rect_contains_point (&logo->box, word.x1 - 10, (word.y0 + word.y1) / 2));
}

/* Five marks of about one size in a row at the foot are sponsors: one
 * sponsor block, none of them the brand's logo, which is the emblem at
 * the top. */
static void
test_candidates_sponsor_row (void)
{
  g_auto(Canvas) c;
  EylRect              row = { 80, 1200, 920, 1280 }, emblem = { 80, 80, 240, 240 };
  EylRect              caption = { 430, 1250, 520, 1262 }, address = { 605, 1250, 700, 1262 };
  static const guint32 colours[] = { 0xc0392b, 0x27ae60, 0x2c3e50, 0x8e44ad, 0xd35400 };
  EylElement          *url;

  canvas_init (&c);
  draw_emblem (c.cr, emblem.x0, emblem.y0, eyl_rect_width (&emblem), 0x1a4c99);
  draw_body (c.cr, c.builder, 80, 450, 20);
  for (guint i = 0; i < G_N_ELEMENTS (colours); i++)
    {
      double x = 80 + i * 175;

      set_rgb (c.cr, colours[i]);
      if (i % 2 == 0)
        cairo_rectangle (c.cr, x, 1210, 60, 60);
      else
        cairo_arc (c.cr, x + 30, 1240, 32, 0, 2 * G_PI);
      cairo_fill (c.cr);
      draw_outlined_word (c.cr, "Ab", x + 68, 1262, 40);
    }
  /* What the text stage took for a headline and a website among the
   * marks: a partner's caption and a partner's address. */
  g_ptr_array_add (c.elements, eyl_element_new (EYL_ELEMENT_HEADLINE, EYL_SOURCE_OCR,
                                                "Academy of Media Arts", &caption, 0.6));
  url = eyl_element_new (EYL_ELEMENT_URL, EYL_SOURCE_TEXT, "partner.example", &address, 0.9);
  g_ptr_array_add (c.elements, url);
  canvas_detect (&c);

  g_assert_cmpuint (count_kind (c.elements, EYL_ELEMENT_HEADLINE), ==, 0);
  g_assert_true (url->third_party);
  g_assert_cmpfloat (covered_by (c.elements, EYL_ELEMENT_LOGO, &row), <, 0.05);
  g_assert_cmpuint (count_kind (c.elements, EYL_ELEMENT_SPONSOR_LOGO), >=, 1);
  g_assert_cmpfloat (covered_by (c.elements, EYL_ELEMENT_SPONSOR_LOGO, &row), >, 0.8);
  g_assert_cmpfloat (covered_by (c.elements, EYL_ELEMENT_LOGO, &emblem), >, 0.8);
}

/* A QR code found before (the QR detector runs first) is no logo, nor is
 * the panel that holds it, nor a block of bars no decoder could read. */
static void
test_candidates_qr (void)
{
  g_auto(Canvas) c;
  EylRect code = { 700, 80, 900, 280 }, emblem = { 80, 80, 220, 220 };
  EylRect bars = { 80, 1150, 260, 1260 };
  GRand  *rand = g_rand_new_with_seed (3);

  canvas_init (&c);
  cairo_set_source_rgb (c.cr, 0, 0, 0);
  for (double x = bars.x0; x < bars.x1; x += 18)
    cairo_rectangle (c.cr, x, bars.y0, 6 + ((int) x % 3) * 3, eyl_rect_height (&bars));
  cairo_fill (c.cr);
  /* Modules of a code-like square. */
  cairo_set_source_rgb (c.cr, 0, 0, 0);
  for (int y = 0; y < 25; y++)
    for (int x = 0; x < 25; x++)
      if (g_rand_boolean (rand))
        cairo_rectangle (c.cr, code.x0 + x * 8, code.y0 + y * 8, 8, 8);
  cairo_fill (c.cr);
  g_rand_free (rand);
  draw_emblem (c.cr, emblem.x0, emblem.y0, eyl_rect_width (&emblem), 0x1a4c99);
  draw_body (c.cr, c.builder, 80, 500, 20);
  g_ptr_array_add (c.elements, eyl_element_new (EYL_ELEMENT_QR, EYL_SOURCE_RASTER,
                                                "https://example.org", &code, 0.95));
  canvas_detect (&c);

  g_assert_cmpfloat (covered_by (c.elements, EYL_ELEMENT_LOGO, &code), <, 0.2);
  g_assert_cmpfloat (covered_by (c.elements, EYL_ELEMENT_LOGO, &bars), <, 0.2);
  g_assert_cmpfloat (covered_by (c.elements, EYL_ELEMENT_LOGO, &emblem), >, 0.8);
}

/* A light logo on a coloured band that runs off the page: the band is
 * background, the mark on it is found. */
static void
test_candidates_light_on_colour (void)
{
  g_auto(Canvas) c;
  EylRect band = { 0, 0, PAGE_W, 320 }, mark = { 400, 90, 600, 230 };

  canvas_init (&c);
  set_rgb (c.cr, 0xbf1a73);
  cairo_rectangle (c.cr, band.x0, band.y0, eyl_rect_width (&band), eyl_rect_height (&band));
  cairo_fill (c.cr);
  /* A white ring and bar. */
  cairo_set_source_rgb (c.cr, 1, 1, 1);
  cairo_set_line_width (c.cr, 14);
  cairo_arc (c.cr, 470, 160, 60, 0, 2 * G_PI);
  cairo_stroke (c.cr);
  cairo_rectangle (c.cr, 550, 100, 50, 120);
  cairo_fill (c.cr);
  draw_body (c.cr, c.builder, 80, 500, 20);
  canvas_detect (&c);

  g_assert_cmpfloat (covered_by (c.elements, EYL_ELEMENT_LOGO, &mark), >, 0.7);
  /* Not the band itself. */
  for (guint i = 0; i < c.elements->len; i++)
    {
      EylElement *e = c.elements->pdata[i];

      if (e->kind == EYL_ELEMENT_LOGO)
        g_assert_cmpfloat (eyl_rect_width (&e->box), <, 0.5 * PAGE_W);
    }
}

static void
add_triangle (cairo_t *cr,
              double   x0,
              double   y0,
              double   x1,
              double   y1,
              double   x2,
              double   y2)
{
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_line_to (cr, x2, y2);
  cairo_close_path (cr);
}

/* A line of dark bold type drawn at @box's left on @baseline and put in
 * the text layer. */
static void
show_line (Canvas        *c,
           const char    *text,
           const EylRect *box,
           double         baseline,
           double         size)
{
  guint32 rgb = 0x1a1a1a;

  set_rgb (c->cr, rgb);
  cairo_select_font_face (c->cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (c->cr, size);
  cairo_move_to (c->cr, box->x0, baseline);
  cairo_show_text (c->cr, text);
  eyl_page_data_builder_add_text (c->builder, text, box, NULL, "Sans-Bold", size, rgb);
  eyl_page_data_builder_add_text (c->builder, "\n", box, NULL, "Sans-Bold", size, rgb);
}

/* A poster more magenta than white: a band over the top half with WiFi
 * arcs and a white round emblem set just above its lower edge.  The page
 * is two flat colours, not a photo: the arcs are found whole, as one
 * mark (not their ends, each a logo), and the emblem is found though the
 * band is thin under it. */
static void
test_candidates_two_colour_poster (void)
{
  g_auto(Canvas) c;
  EylRect band = { 0, 0, PAGE_W, 760 }, arcs = { 242, 245, 758, 530 }, emblem = { 420, 580, 580, 740 };
  guint   n_on_arcs = 0;

  canvas_init (&c);
  set_rgb (c.cr, 0xdc2467);
  cairo_rectangle (c.cr, band.x0, band.y0, eyl_rect_width (&band), eyl_rect_height (&band));
  cairo_fill (c.cr);
  set_rgb (c.cr, 0xffcc11);
  cairo_set_line_width (c.cr, 50);
  cairo_set_line_cap (c.cr, CAIRO_LINE_CAP_ROUND);
  for (int i = 0; i < 3; i++)
    {
      cairo_new_sub_path (c.cr);
      cairo_arc (c.cr, 500, 600, 120 + 105 * i, G_PI * 1.25, G_PI * 1.75);
      cairo_stroke (c.cr);
    }
  cairo_set_source_rgb (c.cr, 1, 1, 1);
  cairo_arc (c.cr, 500, 660, 80, 0, 2 * G_PI);
  cairo_fill (c.cr);
  set_rgb (c.cr, 0xdc2467);
  cairo_set_line_width (c.cr, 12);
  cairo_arc (c.cr, 500, 660, 50, 0, 2 * G_PI);
  cairo_stroke (c.cr);
  set_rgb (c.cr, 0xffcc11);
  add_triangle (c.cr, 470, 660, 520, 635, 520, 685);
  cairo_fill (c.cr);
  draw_body (c.cr, c.builder, 80, 900, 12);
  canvas_detect (&c);

  g_assert_cmpfloat (covered_by (c.elements, EYL_ELEMENT_LOGO, &emblem), >, 0.8);
  g_assert_cmpfloat (covered_by (c.elements, EYL_ELEMENT_LOGO, &arcs), >, 0.7);
  for (guint i = 0; i < c.elements->len; i++)
    {
      EylElement *e = c.elements->pdata[i];
      EylRect     both;

      n_on_arcs += e->kind == EYL_ELEMENT_LOGO && eyl_rect_intersect (&e->box, &arcs, &both) &&
                   eyl_rect_height (&both) > 0.3 * eyl_rect_height (&arcs);
    }
  g_assert_cmpuint (n_on_arcs, ==, 1);
}

/* Eight stripes of light tints, @band high, from @y down. */
static void
draw_tints (cairo_t *cr,
            double   x,
            double   y,
            double   width,
            double   band,
            guint32  second)
{
  for (int i = 0; i < 8; i++)
    {
      set_rgb (cr, i % 2 ? 0xf9d2c4 : second);
      cairo_rectangle (cr, x, y + band * i, width, band);
      cairo_fill (cr);
    }
}

/* An orange disc of radius 150 with a white ring in it. */
static void
draw_ring_emblem (cairo_t *cr,
                  double   cx,
                  double   cy)
{
  set_rgb (cr, 0xe95420);
  cairo_arc (cr, cx, cy, 150, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 22);
  cairo_arc (cr, cx, cy, 80, 0, 2 * G_PI);
  cairo_stroke (cr);
}

/* A pack's net: panels outlined by thin die lines, open at a tuck, tinted
 * stripes over the lower part of the front panel and a large emblem on
 * it, just above the stripes.  Lines, tints and emblem join into one
 * panel whose holes are open to the page; the emblem on it is found. */
static void
test_candidates_emblem_on_pack (void)
{
  g_auto(Canvas) c;
  EylRect             emblem = { 330, 330, 630, 630 };
  static const double xs[] = { 60, 320, 700, 940 }, ys[] = { 60, 250, 1100, 1340 };

  canvas_init (&c);
  set_rgb (c.cr, 0xe95420);
  cairo_set_line_width (c.cr, 1.5);
  /* Die lines; the front panel and the flap above it are open at the
   * top (the tuck). */
  for (guint i = 0; i < G_N_ELEMENTS (xs); i++)
    {
      cairo_move_to (c.cr, xs[i], ys[0]);
      cairo_line_to (c.cr, xs[i], ys[3]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (ys); i++)
    for (guint j = 0; j + 1 < G_N_ELEMENTS (xs); j++)
      if (i >= 2 || j != 1)
        {
          cairo_move_to (c.cr, xs[j], ys[i]);
          cairo_line_to (c.cr, xs[j + 1], ys[i]);
        }
  cairo_stroke (c.cr);
  /* Tinted stripes on the front panel, from just under the emblem. */
  draw_tints (c.cr, xs[1], 640, xs[2] - xs[1], 40, 0xfbb9a4);
  draw_ring_emblem (c.cr, 480, 480);
  draw_body (c.cr, c.builder, 340, 1000, 3);
  canvas_detect (&c);

  g_assert_cmpfloat (covered_by (c.elements, EYL_ELEMENT_LOGO, &emblem), >, 0.8);
}

/* A big emblem of one colour in the middle of a poster — a compass
 * star in a ring, no word — is a logo as well as the emblem and name at
 * the top: the middle carries pictures, but an emblem is no picture. */
static void
test_candidates_emblem_in_middle (void)
{
  g_auto(Canvas) c;
  EylRect top = { 80, 80, 220, 220 }, middle = { 340, 540, 660, 860 }, name = { 250, 120, 560, 180 };

  canvas_init (&c);
  draw_emblem (c.cr, top.x0, top.y0, eyl_rect_width (&top), 0x1a4c99);
  show_line (&c, "Nwind", &name, 172, 60);
  g_ptr_array_add (c.elements, eyl_element_new (EYL_ELEMENT_BRAND_NAME, EYL_SOURCE_TEXT, "Nwind",
                                                &name, 0.9));
  set_rgb (c.cr, 0x27575c);
  cairo_set_line_width (c.cr, 18);
  cairo_new_path (c.cr);
  cairo_arc (c.cr, 500, 700, 150, 0, 2 * G_PI);
  cairo_stroke (c.cr);
  for (int k = 0; k < 4; k++)
    {
      double a = k * G_PI / 2;

      add_triangle (c.cr, 500 + 130 * cos (a), 700 + 130 * sin (a),
                    500 + 30 * cos (a + G_PI / 4), 700 + 30 * sin (a + G_PI / 4),
                    500 + 30 * cos (a - G_PI / 4), 700 + 30 * sin (a - G_PI / 4));
    }
  cairo_fill (c.cr);
  draw_body (c.cr, c.builder, 80, 1000, 12);
  canvas_detect (&c);

  g_assert_cmpfloat (covered_by (c.elements, EYL_ELEMENT_LOGO, &top), >, 0.8);
  g_assert_cmpfloat (covered_by (c.elements, EYL_ELEMENT_LOGO, &middle), >, 0.8);
}

/* A placed image of a mascot under its wordmark at the foot of a flyer,
 * on a grey wedge: OCR reads the wordmark with one letter wrong
 * ("Nwlnd" for the brand "Nwind").  It is the brand's logo, not text, and
 * the speck of the mascot found as a blob does not stand for the image. */
static void
test_candidates_misread_wordmark (void)
{
  g_auto(Canvas) c;
  EylRect     image = { 80, 1120, 420, 1300 }, name = { 80, 60, 400, 120 }, word;
  EylElement *logo;

  canvas_init (&c);
  set_rgb (c.cr, 0xe6e6e6);
  cairo_move_to (c.cr, 0, 1250);
  cairo_line_to (c.cr, PAGE_W, 1050);
  cairo_line_to (c.cr, PAGE_W, PAGE_H);
  cairo_line_to (c.cr, 0, PAGE_H);
  cairo_close_path (c.cr);
  cairo_fill (c.cr);
  cairo_set_source_rgb (c.cr, 0.1, 0.1, 0.1);
  cairo_select_font_face (c.cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (c.cr, 60);
  cairo_move_to (c.cr, 80, 112);
  cairo_show_text (c.cr, "Nwind");
  eyl_page_data_builder_add_text (c.builder, "Nwind", &name, NULL, "Sans-Bold", 60, 0x1a1a1a);
  eyl_page_data_builder_add_text (c.builder, "\n", &name, NULL, "Sans-Bold", 60, 0x1a1a1a);
  draw_body (c.cr, c.builder, 80, 300, 20);

  /* The image: the wordmark over a light mascot with a dark foot. */
  word = draw_outlined_word (c.cr, "Nwind", 90, 1190, 70);
  set_rgb (c.cr, 0xc8c8d0);
  cairo_arc (c.cr, 330, 1240, 50, 0, 2 * G_PI);
  cairo_fill (c.cr);
  set_rgb (c.cr, 0x303040);
  cairo_rectangle (c.cr, 300, 1282, 40, 16);
  cairo_fill (c.cr);
  eyl_page_data_builder_add_image (c.builder, &image, 500, 265);
  g_ptr_array_add (c.elements, eyl_element_new (EYL_ELEMENT_BRAND_NAME, EYL_SOURCE_TEXT, "Nwind",
                                                &name, 0.9));
  canvas_detect_read (&c, "Nwlnd", &word, 70);

  logo = nearest_logo (c.elements, &image);
  g_assert_nonnull (logo);
  g_assert_cmpfloat (covered_by (c.elements, EYL_ELEMENT_LOGO, &image), >, 0.8);
  g_assert_cmpstr (logo->text, ==, "Nwind");
}

/* The confidence of the logo found on the icon of a page with an emblem
 * at the top and, at the foot, an icon with (@labelled) or without a
 * label set beside it; 0 when none is found. */
static double
icon_confidence (gboolean labelled)
{
  g_auto(Canvas) c;
  EylRect     top = { 80, 80, 240, 240 }, icon = { 80, 1180, 150, 1250 }, label = { 170, 1195, 420, 1235 };
  EylElement *logo;

  canvas_init (&c);
  draw_emblem (c.cr, top.x0, top.y0, eyl_rect_width (&top), 0x1a4c99);
  draw_body (c.cr, c.builder, 80, 450, 20);
  set_rgb (c.cr, 0x2c3e50);
  cairo_arc (c.cr, 115, 1203, 14, 0, 2 * G_PI);
  cairo_fill (c.cr);
  add_triangle (c.cr, 85, 1250, 145, 1250, 115, 1222);
  cairo_fill (c.cr);
  if (labelled)
    {
      show_line (&c, "4,001 Tools", &label, 1230, 36);
    }
  canvas_detect (&c);

  g_assert_cmpfloat (covered_by (c.elements, EYL_ELEMENT_LOGO, &top), >, 0.8);
  if (covered_by (c.elements, EYL_ELEMENT_LOGO, &icon) < 0.5)
    return 0;
  logo = nearest_logo (c.elements, &icon);
  return logo->confidence;
}

/* An icon with its label set beside it — a figure of a stats panel — is
 * less likely a logo than the same mark alone. */
static void
test_candidates_icon_with_label (void)
{
  double alone = icon_confidence (FALSE), labelled = icon_confidence (TRUE);

  g_test_message ("icon alone %.2f, with a label %.2f", alone, labelled);
  g_assert_cmpfloat (alone, >, 0);
  g_assert_cmpfloat (labelled, <, alone - 0.05);
}

/* A coloured band across the top of a panel with a wordmark set on it,
 * its letters standing down from the band: one blob of ink, but the
 * band is no part of the mark — the logo's box is the word's, not the
 * band's. */
static void
test_candidates_word_on_band (void)
{
  g_auto(Canvas) c;
  EylRect     band = { 540, 60, 980, 80 }, word;
  EylElement *logo;

  canvas_init (&c);
  set_rgb (c.cr, 0x3a8fd6);
  cairo_rectangle (c.cr, band.x0, band.y0, eyl_rect_width (&band), eyl_rect_height (&band));
  cairo_fill (c.cr);
  word = draw_outlined_word (c.cr, "Fjordnet", 640, 128, 64);
  draw_body (c.cr, c.builder, 80, 400, 20);
  canvas_detect (&c);

  g_assert_cmpfloat (covered_by (c.elements, EYL_ELEMENT_LOGO, &word), >, 0.8);
  logo = nearest_logo (c.elements, &word);
  g_assert_cmpfloat (logo->box.x0, >, word.x0 - 20);
  g_assert_cmpfloat (logo->box.x1, <, word.x1 + 20);
}

/* A row of four pictograms drawn alike, each over a short label of its
 * own (a flyer's row of benefits), in the lower part of the page: they
 * illustrate the text — no sponsors' logos, no logo at all, and not one
 * "word" of shapes.  The emblem at the top stays the logo. */
static void
test_candidates_labelled_icon_row (void)
{
  g_auto(Canvas) c;
  EylRect            top = { 400, 80, 600, 280 }, row = { 100, 880, 900, 1010 };
  static const char *labels[] = { "Discover", "Decode", "Explore", "Cure" };

  canvas_init (&c);
  draw_emblem (c.cr, top.x0, top.y0, eyl_rect_width (&top), 0x1a4c99);
  draw_body (c.cr, c.builder, 80, 400, 12);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      double  x = 130 + i * 210, cx = x + 65;
      EylRect label = { cx - 70, 960, cx + 70, 990 };

      cairo_new_path (c.cr);
      set_rgb (c.cr, 0xe67e22);
      cairo_set_line_width (c.cr, 8);
      cairo_arc (c.cr, cx, 880, 60, 0, 2 * G_PI);
      cairo_stroke (c.cr);
      /* A different drawing in each. */
      if (i % 2 == 0)
        cairo_rectangle (c.cr, cx - 25 + 5 * i, 855, 40, 40);
      else
        add_triangle (c.cr, cx - 30, 900, cx + 30, 900, cx, 850 + 4 * i);
      cairo_fill (c.cr);
      show_line (&c, labels[i], &label, 985, 26);
    }
  canvas_detect (&c);

  g_assert_cmpfloat (covered_by (c.elements, EYL_ELEMENT_LOGO, &top), >, 0.8);
  g_assert_cmpuint (count_kind (c.elements, EYL_ELEMENT_SPONSOR_LOGO), ==, 0);
  g_assert_cmpfloat (covered_by (c.elements, EYL_ELEMENT_LOGO, &row), <, 0.05);
}

/* A pack's front: a large emblem standing across the top edge of a band
 * of light tints, its upper half on the white page, its lower half on
 * the band.  The emblem is whole, not cut by the band's edge: a logo. */
static void
test_candidates_emblem_across_band (void)
{
  g_auto(Canvas) c;
  EylRect emblem = { 350, 410, 650, 710 };

  canvas_init (&c);
  draw_tints (c.cr, 60, 560, 880, 90, 0xfbc6b4);
  draw_ring_emblem (c.cr, 500, 560);
  draw_body (c.cr, c.builder, 80, 100, 4);
  canvas_detect (&c);

  g_assert_cmpfloat (covered_by (c.elements, EYL_ELEMENT_LOGO, &emblem), >, 0.8);
}

/* A pack's net with a mark in each corner (the flaps' and the sides'
 * signs) and the big emblem on its front: the emblem is kept, however
 * many surer small marks came before it. */
static void
test_candidates_emblem_after_marks (void)
{
  g_auto(Canvas) c;
  EylRect             emblem = { 350, 550, 650, 850 };
  static const double corners[][2] = { { 80, 80 }, { 800, 80 }, { 80, 1200 }, { 800, 1200 } };

  canvas_init (&c);
  for (guint i = 0; i < G_N_ELEMENTS (corners); i++)
    draw_emblem (c.cr, corners[i][0], corners[i][1], 120, 0x1a4c99);
  draw_emblem (c.cr, emblem.x0, emblem.y0, eyl_rect_width (&emblem), 0xe95420);
  draw_body (c.cr, c.builder, 300, 1000, 3);
  canvas_detect (&c);

  g_assert_cmpfloat (covered_by (c.elements, EYL_ELEMENT_LOGO, &emblem), >, 0.8);
}

/* A heading "Project Partners" set as outlines (so only OCR reads it)
 * over two partners' marks: the marks are others', not the brand's, as
 * under a heading in the text layer. */
static void
test_candidates_read_sponsor_heading (void)
{
  g_auto(Canvas) c;
  EylRect emblem = { 80, 80, 240, 240 }, marks = { 300, 620, 700, 720 }, heading;

  canvas_init (&c);
  draw_emblem (c.cr, emblem.x0, emblem.y0, eyl_rect_width (&emblem), 0x1a4c99);
  draw_body (c.cr, c.builder, 80, 300, 8);
  heading = draw_outlined_word (c.cr, "Project Partners", 300, 580, 40);
  set_rgb (c.cr, 0xc0392b);
  cairo_rectangle (c.cr, 300, 630, 90, 90);
  cairo_fill (c.cr);
  draw_outlined_word (c.cr, "Ab", 400, 690, 40);
  set_rgb (c.cr, 0x27ae60);
  cairo_arc (c.cr, 560, 670, 45, 0, 2 * G_PI);
  cairo_fill (c.cr);
  draw_outlined_word (c.cr, "Cd", 615, 690, 40);
  canvas_detect_read (&c, "Project Partners", &heading, 40);

  g_assert_cmpfloat (covered_by (c.elements, EYL_ELEMENT_LOGO, &marks), <, 0.05);
  g_assert_cmpfloat (covered_by (c.elements, EYL_ELEMENT_SPONSOR_LOGO, &marks), >, 0.5);
  g_assert_cmpfloat (covered_by (c.elements, EYL_ELEMENT_LOGO, &emblem), >, 0.8);
}

/* A pack's front: a title drawn as outlines (a script no OCR language
 * reads) just above a large emblem, and three short live lines beside
 * the emblem, under the title.  Title and emblem would make one lock-up
 * holding those lines, which is no mark; the emblem alone is one. */
static void
test_candidates_emblem_under_title (void)
{
  g_auto(Canvas) c;
  EylRect                  emblem = { 420, 420, 720, 720 };
  static const char *const captions[] = { "Net 250 g", "Organic", "Since 1890" };

  canvas_init (&c);
  draw_outlined_word (c.cr, "NORTHWIND", 200, 400, 64);
  set_rgb (c.cr, 0x1793d1);
  add_triangle (c.cr, 420, 720, 720, 720, 570, 420);
  cairo_fill (c.cr);
  cairo_set_source_rgb (c.cr, 1, 1, 1);
  add_triangle (c.cr, 520, 720, 620, 720, 570, 620);
  cairo_fill (c.cr);
  for (guint i = 0; i < G_N_ELEMENTS (captions); i++)
    {
      EylRect box = { 220, 480 + 60 * i, 380, 510 + 60 * i };

      show_line (&c, captions[i], &box, 506 + 60 * i, 24);
    }
  draw_body (c.cr, c.builder, 80, 1000, 6);
  canvas_detect (&c);

  g_assert_cmpfloat (covered_by (c.elements, EYL_ELEMENT_LOGO, &emblem), >, 0.8);
}

/* A name coined from capitalised parts ("NorthWind"), drawn big as
 * outlines and read by OCR, is a wordmark: a logo, though OCR reads it.
 * The same word read as plain type ("Northwind") stays text. */
static double
coined_cover (const char *read_as)
{
  g_auto(Canvas) c;
  EylRect word;

  canvas_init (&c);
  word = draw_outlined_word (c.cr, "NorthWind", 120, 260, 110);
  draw_body (c.cr, c.builder, 80, 500, 20);
  canvas_detect_read (&c, read_as, &word, 110);
  return covered_by (c.elements, EYL_ELEMENT_LOGO, &word);
}

static void
test_candidates_coined_wordmark (void)
{
  g_assert_cmpfloat (coined_cover ("NorthWind"), >, 0.8);
  g_assert_cmpfloat (coined_cover ("Northwind"), <, 0.5);
}

/* Type drawn turned by 90° (up a flag): returns its ink box. */
static EylRect
draw_turned_word (cairo_t    *cr,
                  const char *word,
                  double      x,
                  double      y,
                  double      size)
{
  EylRect box;
  double  x0, y0, x1, y1;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rotate (cr, -G_PI / 2);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.15);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, size);
  cairo_move_to (cr, 0, 0);
  cairo_text_path (cr, word);
  cairo_fill_preserve (cr);
  cairo_path_extents (cr, &x0, &y0, &x1, &y1);
  cairo_user_to_device (cr, &x0, &y0);
  cairo_user_to_device (cr, &x1, &y1);
  cairo_new_path (cr);
  cairo_restore (cr);
  box = (EylRect) { MIN (x0, x1), MIN (y0, y1), MAX (x0, x1), MAX (y0, y1) };
  /* Device units are raster pixels: back to page units. */
  box.x0 /= SCALE;
  box.y0 /= SCALE;
  box.x1 /= SCALE;
  box.y1 /= SCALE;
  return box;
}

/* A flag: a wordmark set turned by 90°, its tagline turned beside it.
 * The wordmark's letters make one logo; the tagline, another line of
 * type, is not part of it (read level, the two would be one line). */
static void
test_candidates_turned_wordmark (void)
{
  g_auto(Canvas) c;
  EylRect word, tagline;

  canvas_init (&c);
  word = draw_turned_word (c.cr, "Nwind tea", 420, 1150, 130);
  tagline = draw_turned_word (c.cr, "Tea from the hills", 520, 1150, 40);
  canvas_detect (&c);

  g_test_message ("word %.0f %.0f %.0f %.0f, tagline %.0f %.0f %.0f %.0f", word.x0, word.y0, word.x1,
                  word.y1, tagline.x0, tagline.y0, tagline.x1, tagline.y1);
  g_assert_cmpfloat (covered_by (c.elements, EYL_ELEMENT_LOGO, &word), >, 0.8);
  for (guint i = 0; i < c.elements->len; i++)
    {
      EylElement *e = c.elements->pdata[i];

      if (e->kind == EYL_ELEMENT_LOGO && eyl_rect_contains_point (&e->box, (word.x0 + word.x1) / 2, (word.y0 + word.y1) / 2))
        g_assert_false (eyl_rect_contains_point (&e->box, (tagline.x0 + tagline.x1) / 2,
                                                 (tagline.y0 + tagline.y1) / 2));
    }
}

/* A pack's net: a mark in each corner, and one of them again on another
 * face.  The copy is kept past the count of marks a page has. */
static void
test_candidates_repeated_mark (void)
{
  g_auto(Canvas) c;
  EylRect              copy = { 425, 950, 575, 1100 };
  static const double  corners[][2] = { { 60, 60 }, { 790, 60 }, { 60, 1190 }, { 790, 1190 } };
  static const guint32 colours[] = { 0x1a4c99, 0x991a4c, 0x4c991a, 0x1a1a1a };

  canvas_init (&c);
  for (guint i = 0; i < G_N_ELEMENTS (corners); i++)
    draw_emblem (c.cr, corners[i][0], corners[i][1], 150, colours[i]);
  draw_emblem (c.cr, copy.x0, copy.y0, eyl_rect_width (&copy), colours[0]);
  draw_body (c.cr, c.builder, 250, 500, 3);
  canvas_detect (&c);

  g_assert_cmpuint (count_kind (c.elements, EYL_ELEMENT_LOGO), >=, 5);
  g_assert_cmpfloat (covered_by (c.elements, EYL_ELEMENT_LOGO, &copy), >, 0.8);
}

/* Whose mark: below a page headed by the brand's mark, a small copy of
 * it at the foot is still the brand's; a different mark there is another
 * organisation's (a partner, a funder signing at the foot). */
static void
test_candidates_others_mark (void)
{
  g_auto(Canvas) c;
  EylRect     copy = { 120, 1150, 270, 1300 }, other = { 640, 1220, 880, 1340 };
  EylElement *mine, *theirs;

  canvas_init (&c);
  draw_emblem (c.cr, 300, 60, 400, 0x1a4c99);
  draw_body (c.cr, c.builder, 80, 560, 12);
  draw_emblem (c.cr, copy.x0, copy.y0, eyl_rect_width (&copy), 0x1a4c99);
  /* Three bars rising from the left on one foot: nothing like a disc. */
  set_rgb (c.cr, 0x2a7a3a);
  for (int i = 0; i < 3; i++)
    cairo_rectangle (c.cr, other.x0 + i * 90, other.y1 - (i + 1) * 40, 60, (i + 1) * 40);
  cairo_rectangle (c.cr, other.x0, other.y1 - 15, eyl_rect_width (&other), 15);
  cairo_fill (c.cr);
  canvas_detect (&c);

  g_assert_cmpfloat (covered_by (c.elements, EYL_ELEMENT_LOGO, &copy), >, 0.8);
  g_assert_cmpfloat (covered_by (c.elements, EYL_ELEMENT_LOGO, &other), >, 0.8);
  mine = nearest_logo (c.elements, &copy);
  theirs = nearest_logo (c.elements, &other);
  g_assert_false (mine->third_party);
  g_assert_true (theirs->third_party);
}

/* A line drawing — a cup outlined in the middle of a banner — is an
 * illustration, not a logo; the brand's mark above it still is. */
static void
test_candidates_line_art (void)
{
  g_auto(Canvas) c;
  EylRect cup = { 150, 750, 850, 1050 }, head = { 350, 60, 650, 360 };

  canvas_init (&c);
  draw_emblem (c.cr, head.x0, head.y0, eyl_rect_width (&head), 0x1a4c99);
  draw_body (c.cr, c.builder, 80, 450, 6);
  cairo_set_source_rgb (c.cr, 0.1, 0.3, 0.15);
  cairo_set_line_width (c.cr, 6);
  cairo_move_to (c.cr, 250, 780);
  cairo_curve_to (c.cr, 250, 1000, 650, 1000, 650, 780);
  cairo_close_path (c.cr);
  cairo_new_sub_path (c.cr);
  cairo_arc (c.cr, 700, 850, 50, -G_PI / 2, G_PI / 2);
  cairo_stroke (c.cr);
  cairo_save (c.cr);
  cairo_translate (c.cr, 450, 1020);
  cairo_scale (c.cr, 1, 0.08);
  cairo_arc (c.cr, 0, 0, 300, 0, 2 * G_PI);
  cairo_restore (c.cr);
  cairo_stroke (c.cr);
  canvas_detect (&c);

  g_assert_cmpfloat (covered_by (c.elements, EYL_ELEMENT_LOGO, &head), >, 0.8);
  g_assert_cmpfloat (covered_by (c.elements, EYL_ELEMENT_LOGO, &cup), <, 0.2);
}

/* A mark of many colours with a label beside it (a sub-brand's logo
 * heading its figure in a stats panel) is no icon: the label costs it
 * nothing. */
static double
many_colour_mark_confidence (gboolean labelled)
{
  g_auto(Canvas) c;
  EylRect              top = { 80, 80, 240, 240 }, mark = { 80, 1160, 170, 1250 }, label = { 190, 1185, 440, 1225 };
  static const guint32 colours[] = { 0xe63946, 0x2a9d8f, 0xf4a261, 0x264653 };
  EylElement          *logo;

  canvas_init (&c);
  draw_emblem (c.cr, top.x0, top.y0, eyl_rect_width (&top), 0x1a4c99);
  draw_body (c.cr, c.builder, 80, 450, 20);
  for (guint i = 0; i < G_N_ELEMENTS (colours); i++)
    {
      set_rgb (c.cr, colours[i]);
      cairo_move_to (c.cr, 125, 1205);
      cairo_arc (c.cr, 125, 1205, 45, i * G_PI / 2, (i + 1) * G_PI / 2);
      cairo_close_path (c.cr);
      cairo_fill (c.cr);
    }
  if (labelled)
    show_line (&c, "460+ trainings", &label, 1220, 36);
  canvas_detect (&c);

  g_assert_cmpfloat (covered_by (c.elements, EYL_ELEMENT_LOGO, &mark), >, 0.5);
  logo = nearest_logo (c.elements, &mark);
  return logo->confidence;
}

static void
test_candidates_many_colour_mark_with_label (void)
{
  double alone = many_colour_mark_confidence (FALSE), labelled = many_colour_mark_confidence (TRUE);

  g_test_message ("mark alone %.2f, with a label %.2f", alone, labelled);
  g_assert_cmpfloat_with_epsilon (labelled, alone, 0.02);
}

/* A step-and-repeat: one mark on a lattice of 4 columns by 6 rows over
 * most of the page (@stagger: every other row shifted by half a step,
 * as brick-laid walls are).  Found as one repeat element over the
 * lattice; the marks are no logos of their own. */
#define WALL_COLS 4
#define WALL_ROWS 6
#define WALL_MARK 150.0

static void
wall_cell (guint   i,
           double *x,
           double *y)
{
  *x = 60 + (i % WALL_COLS) * 230;
  *y = 80 + (i / WALL_COLS) * 220;
}

static void
check_lattice (gboolean stagger)
{
  g_auto(Canvas) c;
  EylRect lattice = { 60, 80, 60 + 3 * 230 + WALL_MARK, 80 + 5 * 220 + 60 };

  canvas_init (&c);
  for (guint i = 0; i < WALL_COLS * WALL_ROWS; i++)
    {
      double x, y;

      wall_cell (i, &x, &y);
      /* Brick-laid: the odd rows one mark shorter. */
      if (stagger && (i / WALL_COLS) % 2 == 1)
        {
          if (i % WALL_COLS == WALL_COLS - 1)
            continue;
          x += 115;
        }
      /* cairo_arc() would join the previous mark's text to the ring. */
      cairo_new_path (c.cr);
      draw_logo (c.cr, x, y, WALL_MARK, LOGO_COLOUR);
    }
  canvas_detect (&c);
  g_assert_true (eyl_detect_repeats (c.raster, c.elements));
  log_elements (c.elements);
  g_assert_cmpuint (count_kind (c.elements, EYL_ELEMENT_REPEAT), ==, 1);
  g_assert_cmpfloat (covered_by (c.elements, EYL_ELEMENT_REPEAT, &lattice), >, 0.8);
  g_assert_cmpfloat (covered_by (c.elements, EYL_ELEMENT_LOGO, &lattice), <, 0.05);
}

/* The element of @kind that says @text, or NULL. */
static EylElement *
find_text (GPtrArray     *elements,
           EylElementKind kind,
           const char    *text)
{
  for (guint i = 0; i < elements->len; i++)
    {
      EylElement *e = elements->pdata[i];

      if (e->kind == kind && g_strcmp0 (e->text, text) == 0)
        return e;
    }
  return NULL;
}

/* A step-and-repeat wall carries marks, not a message: a short line read
 * among its marks is a mark's wordmark (brand), not a headline; a longer
 * line there stays a headline.  (The repeat finder alone: no sponsor
 * block claims the lines first.) */
static void
test_repeats_words_among_marks (void)
{
  g_auto(Canvas) c;
  EylRect     name = { 300, 680, 520, 730 }, slogan = { 300, 900, 700, 950 };
  const char *long_text = "Meet the speakers at the stand today";

  canvas_init (&c);
  for (guint i = 0; i < WALL_COLS * WALL_ROWS; i++)
    {
      double x, y;

      wall_cell (i, &x, &y);
      cairo_new_path (c.cr);
      draw_logo (c.cr, x, y, WALL_MARK, LOGO_COLOUR);
    }
  g_clear_pointer (&c.cr, cairo_destroy);
  g_ptr_array_add (c.elements, eyl_element_new (EYL_ELEMENT_HEADLINE, EYL_SOURCE_OCR, "mobile era", &name, 0.86));
  g_ptr_array_add (c.elements, eyl_element_new (EYL_ELEMENT_HEADLINE, EYL_SOURCE_OCR, long_text, &slogan, 0.86));
  g_assert_true (eyl_detect_repeats (c.raster, c.elements));
  log_elements (c.elements);
  g_assert_nonnull (find_text (c.elements, EYL_ELEMENT_BRAND_NAME, "mobile era"));
  g_assert_null (find_text (c.elements, EYL_ELEMENT_HEADLINE, "mobile era"));
  g_assert_nonnull (find_text (c.elements, EYL_ELEMENT_HEADLINE, long_text));
}

static void
test_repeats_lattice (void)
{
  check_lattice (FALSE);
}

static void
test_repeats_staggered (void)
{
  check_lattice (TRUE);
}

/* As many marks on the same lattice, each a different wordmark (a
 * sponsor wall): no repeat. */
static void
test_repeats_different_marks (void)
{
  static const char *const words[WALL_COLS * WALL_ROWS] = {
    "Axo",
    "Brume",
    "Cyl",
    "Dovetail",
    "Elm",
    "Fjord",
    "Gq",
    "Hwyl",
    "Ibex",
    "Jazz",
    "Kiwi",
    "Lumen",
    "Moxy",
    "Nth",
    "Oak",
    "Pyx",
    "Quill",
    "Rv",
    "Sol",
    "Tundra",
    "Umbra",
    "Vex",
    "Wok",
    "Xylo",
  };
  g_auto(Canvas) c;

  canvas_init (&c);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      double x, y;

      wall_cell (i, &x, &y);
      cairo_new_path (c.cr);
      draw_outlined_word (c.cr, words[i], x, y + 45, 30 + (i % 3) * 6);
    }
  canvas_detect (&c);
  g_assert_false (eyl_detect_repeats (c.raster, c.elements));
  g_assert_cmpuint (count_kind (c.elements, EYL_ELEMENT_REPEAT), ==, 0);
}

/* The same mark as many times, scattered off any lattice: no repeat. */
static void
test_repeats_scatter (void)
{
  g_auto(Canvas) c;
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (EylRect));
  GRand *rand = g_rand_new_with_seed (11);

  canvas_init (&c);
  while (placed->len < WALL_COLS * WALL_ROWS)
    {
      EylRect  r, both;
      gboolean free = TRUE;

      r.x0 = g_rand_double_range (rand, 20, PAGE_W - WALL_MARK - 20);
      r.y0 = g_rand_double_range (rand, 20, PAGE_H - 80);
      r.x1 = r.x0 + WALL_MARK + 10;
      r.y1 = r.y0 + 70;
      for (guint i = 0; i < placed->len && free; i++)
        free = !eyl_rect_intersect (&r, &g_array_index (placed, EylRect, i), &both);
      if (!free)
        continue;
      g_array_append_val (placed, r);
      cairo_new_path (c.cr);
      draw_logo (c.cr, r.x0, r.y0, WALL_MARK, LOGO_COLOUR);
    }
  g_rand_free (rand);
  canvas_detect (&c);
  g_assert_false (eyl_detect_repeats (c.raster, c.elements));
  g_assert_cmpuint (count_kind (c.elements, EYL_ELEMENT_REPEAT), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eyl/logos/kit/two-scales", test_kit_two_scales);
  g_test_add_func ("/eyl/logos/kit/negative", test_kit_negative);
  g_test_add_func ("/eyl/logos/kit/absent", test_kit_absent);
  g_test_add_func ("/eyl/logos/kit/logo-formats", test_kit_logo_formats);
  g_test_add_func ("/eyl/logos/candidates/image", test_candidates_image);
  g_test_add_func ("/eyl/logos/candidates/photo", test_candidates_photo);
  g_test_add_func ("/eyl/logos/candidates/text-only", test_candidates_text_only);
  g_test_add_func ("/eyl/logos/candidates/photo-in-margins", test_candidates_photo_in_margins);
  g_test_add_func ("/eyl/logos/candidates/bleed", test_candidates_bleed);
  g_test_add_func ("/eyl/logos/candidates/lock-up", test_candidates_lock_up);
  g_test_add_func ("/eyl/logos/candidates/sponsor-row", test_candidates_sponsor_row);
  g_test_add_func ("/eyl/logos/repeats/lattice", test_repeats_lattice);
  g_test_add_func ("/eyl/logos/repeats/staggered", test_repeats_staggered);
  g_test_add_func ("/eyl/logos/repeats/words-among-marks", test_repeats_words_among_marks);
  g_test_add_func ("/eyl/logos/repeats/different-marks", test_repeats_different_marks);
  g_test_add_func ("/eyl/logos/repeats/scatter", test_repeats_scatter);
  g_test_add_func ("/eyl/logos/candidates/qr", test_candidates_qr);
  g_test_add_func ("/eyl/logos/candidates/light-on-colour", test_candidates_light_on_colour);
  g_test_add_func ("/eyl/logos/candidates/two-colour-poster", test_candidates_two_colour_poster);
  g_test_add_func ("/eyl/logos/candidates/emblem-on-pack", test_candidates_emblem_on_pack);
  g_test_add_func ("/eyl/logos/candidates/emblem-in-middle", test_candidates_emblem_in_middle);
  g_test_add_func ("/eyl/logos/candidates/misread-wordmark", test_candidates_misread_wordmark);
  g_test_add_func ("/eyl/logos/candidates/icon-with-label", test_candidates_icon_with_label);
  g_test_add_func ("/eyl/logos/candidates/labelled-icon-row", test_candidates_labelled_icon_row);
  g_test_add_func ("/eyl/logos/candidates/word-on-band", test_candidates_word_on_band);
  g_test_add_func ("/eyl/logos/candidates/emblem-under-title", test_candidates_emblem_under_title);
  g_test_add_func ("/eyl/logos/candidates/read-sponsor-heading", test_candidates_read_sponsor_heading);
  g_test_add_func ("/eyl/logos/candidates/emblem-across-band", test_candidates_emblem_across_band);
  g_test_add_func ("/eyl/logos/candidates/emblem-after-marks", test_candidates_emblem_after_marks);
  g_test_add_func ("/eyl/logos/candidates/coined-wordmark", test_candidates_coined_wordmark);
  g_test_add_func ("/eyl/logos/candidates/turned-wordmark", test_candidates_turned_wordmark);
  g_test_add_func ("/eyl/logos/candidates/repeated-mark", test_candidates_repeated_mark);
  g_test_add_func ("/eyl/logos/candidates/others-mark", test_candidates_others_mark);
  g_test_add_func ("/eyl/logos/candidates/line-art", test_candidates_line_art);
  g_test_add_func ("/eyl/logos/candidates/many-colour-mark-with-label",
                   test_candidates_many_colour_mark_with_label);

  return g_test_run ();
}
