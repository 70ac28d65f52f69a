/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "eyl-document.h"
#include "eyl-error.h"
#include "eyl-fixtures.h"
#include "eyl-image-placements.h"
#include "eyl-render-source.h"

#include <stdio.h>
#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <jpeglib.h>
#include <lcms2.h>
#include <qpdf/qpdf-c.h>
#include "eyl-poppler-private.h"

/* DejaVu Sans metrics (units per em 2048): ascender 1901, descender 483. */
#define DV_ASCENT  (1901.0 / 2048)
#define DV_DESCENT (483.0 / 2048)

static EylDocument *
open_ok (const char *path,
         const char *password)
{
  g_autoptr(GError) error = NULL;
  EylDocument *doc = eyl_document_open (path, password, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static EylPageData *
page_ok (EylDocument *doc,
         guint        index)
{
  g_autoptr(GError) error = NULL;
  EylPageData *page = eyl_document_get_page_data (doc, index, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (page);
  return page;
}

/* The first glyph index of @needle in the page text, or fails. */
static guint
find_glyph (const EylPageData *page,
            const char        *needle)
{
  const char *hit = strstr (page->text, needle);

  g_assert_nonnull (hit);
  return (guint) g_utf8_pointer_to_offset (page->text, hit);
}

static const EylTextLine *
line_of (const EylPageData *page,
         guint              glyph)
{
  guint line = g_array_index (page->glyphs, EylGlyph, glyph).line;

  g_assert_cmpuint (line, <, page->lines->len);
  return &g_array_index (page->lines, EylTextLine, line);
}

static void
test_text_boxes (void)
{
  EylFixtureText texts[] = {
    { 100, 200, 20, "Hello there", 0xff0000 },
    { 72, 500, 9, "small print", 0x336699 },
    { 300, 700, 48, "BIG", 0x000000 },
  };
  EylFixturePage   pg = { .width_pt = 595, .height_pt = 842 };
  g_autofree char *path = eyl_fixture_pdf ("text.pdf", &pg, texts, G_N_ELEMENTS (texts));
  g_autoptr(EylDocument) doc = open_ok (path, NULL);
  g_autoptr(EylPageData) page = NULL;

  g_assert_cmpuint (eyl_document_get_n_pages (doc), ==, 1);
  g_assert_cmpuint (eyl_document_get_n_repairs (doc), ==, 0);
  page = page_ok (doc, 0);
  g_assert_cmpfloat_with_epsilon (page->width, 595, 0.01);
  g_assert_cmpfloat_with_epsilon (page->height, 842, 0.01);

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      guint              first = find_glyph (page, texts[t].text);
      const EylGlyph    *g = &g_array_index (page->glyphs, EylGlyph, first);
      const EylTextRun  *run = &g_array_index (page->runs, EylTextRun, g->run);
      const EylTextLine *line = line_of (page, first);
      g_autofree char   *line_text = eyl_page_data_dup_text (page, line->start, line->end);

      /* the glyph box: from the pen position, ascent above and descent
       * below the baseline where Cairo drew it, within 1 pt */
      g_assert_cmpfloat_with_epsilon (g->box.x0, texts[t].x, 1.0);
      g_assert_cmpfloat_with_epsilon (g->box.y0, texts[t].y - DV_ASCENT * texts[t].size, 1.0);
      g_assert_cmpfloat_with_epsilon (g->box.y1, texts[t].y + DV_DESCENT * texts[t].size, 1.0);
      g_assert_cmpfloat_with_epsilon (run->font_size, texts[t].size, 0.01);
      g_assert_cmpuint (run->color, ==, texts[t].color);
      g_assert_nonnull (strstr (run->font_name, "DejaVu"));
      /* one line per string */
      g_assert_cmpstr (line_text, ==, texts[t].text);
      g_assert_cmpfloat_with_epsilon (line->font_size, texts[t].size, 0.01);
    }
}

static void
test_rotated (void)
{
  EylFixtureText texts[] = {
    { 100, 200, 20, "HELLO", 0x000000 },
  };
  EylFixturePage pg = {
    .width_pt = 600,
    .height_pt = 800,
    .rotate = 90,
    .link_uri = "https://rotated.example/",
  };
  g_autofree char *path = eyl_fixture_pdf ("rotated.pdf", &pg, texts, 1);
  g_autoptr(EylDocument) doc = open_ok (path, NULL);
  g_autoptr(EylPageData) page = page_ok (doc, 0);
  const EylGlyph    *h;
  const EylLinkInfo *link;
  EylRect            word, overlap;

  g_assert_cmpint (page->boxes.rotate, ==, 90);
  /* turned a quarter clockwise: 800 wide, 600 tall */
  g_assert_cmpfloat_with_epsilon (page->width, 800, 0.01);
  g_assert_cmpfloat_with_epsilon (page->height, 600, 0.01);
  g_assert_cmpfloat_with_epsilon (page->visible.x1, 800, 0.01);

  /* unrotated the H sits at u = 100, baseline v = 200; turned clockwise
   * x' = 800 − v, y' = u: the text runs down, its top points right */
  h = &g_array_index (page->glyphs, EylGlyph, find_glyph (page, "HELLO"));
  g_assert_cmpfloat_with_epsilon (h->box.y0, 100, 1.0);
  g_assert_cmpfloat_with_epsilon (h->box.x0, 800 - 200 - DV_DESCENT * 20, 1.0);
  g_assert_cmpfloat_with_epsilon (h->box.x1, 800 - 200 + DV_ASCENT * 20, 1.0);

  /* the link lies over the word */
  g_assert_cmpint (page->links->len, ==, 1);
  link = &g_array_index (page->links, EylLinkInfo, 0);
  g_assert_cmpstr (link->uri, ==, "https://rotated.example/");
  word = eyl_page_data_glyph_box (page, find_glyph (page, "HELLO"), find_glyph (page, "HELLO") + 5);
  g_assert_true (eyl_rect_intersect (&word, &link->box, &overlap));
  g_assert_cmpfloat (eyl_rect_width (&overlap) * eyl_rect_height (&overlap), >,
                     0.5 * eyl_rect_width (&word) * eyl_rect_height (&word));
}

static void
test_crop_offset (void)
{
  EylFixtureText texts[] = { { 100, 200, 20, "Cropped", 0x000000 } };
  EylFixturePage pg = {
    .width_pt = 600,
    .height_pt = 800,
    .crop_box = { 50, 100, 550, 700 },
    .link_uri = "mailto:hello@crop.example",
  };
  g_autofree char *path = eyl_fixture_pdf ("crop.pdf", &pg, texts, 1);
  g_autoptr(EylDocument) doc = open_ok (path, NULL);
  g_autoptr(EylPageData) page = page_ok (doc, 0);
  const EylGlyph    *c;
  const EylLinkInfo *link;

  g_assert_cmpfloat_with_epsilon (page->width, 500, 0.01);
  g_assert_cmpfloat_with_epsilon (page->height, 600, 0.01);
  /* the media top is 100 pt above the crop top, its left 50 pt left */
  c = &g_array_index (page->glyphs, EylGlyph, find_glyph (page, "Cropped"));
  g_assert_cmpfloat_with_epsilon (c->box.x0, 100 - 50, 1.0);
  g_assert_cmpfloat_with_epsilon (c->box.y1, 200 - 100 + DV_DESCENT * 20, 1.0);
  g_assert_cmpfloat_with_epsilon (page->boxes.media.y0, -100, 0.01);

  link = &g_array_index (page->links, EylLinkInfo, 0);
  g_assert_cmpstr (link->uri, ==, "mailto:hello@crop.example");
  g_assert_cmpfloat_with_epsilon (link->box.x0, 50, 2.0);
  g_assert_cmpfloat_with_epsilon (link->box.y1, c->box.y1, 3.0);
}

/* 300 × 150 px drawn 144 × 72 pt (2 × 1 in) at [100 300 244 372] on a
 * 600 × 800 pt page, turned and cropped: where it lies on the page. */
static const EylFixtureText image_texts[] = { { 72, 72, 12, "Image", 0 } };
static const struct
{
  int     rotate;
  double  crop[4];
  EylRect want;
} image_cases[] = {
  { 0, { 0, 0, 0, 0 }, { 100, 300, 244, 372 } },
  /* crop 50 left, 100 from the top */
  { 0, { 50, 100, 550, 700 }, { 50, 200, 194, 272 } },
  /* x' = 800 − v, y' = u */
  { 90, { 0, 0, 0, 0 }, { 428, 100, 500, 244 } },
  /* x' = 600 − (700 − y_pdf) on the 500 × 600 crop, y' = x − 50 */
  { 90, { 50, 100, 550, 700 }, { 328, 50, 400, 194 } },
  { 180, { 0, 0, 0, 0 }, { 356, 428, 500, 500 } },
  /* x' = v, y' = 600 − u */
  { 270, { 0, 0, 0, 0 }, { 300, 356, 372, 500 } },
};

/* The page of image case @i, written as @name. */
static char *
image_case_pdf (const char *name,
                guint       i)
{
  EylFixturePage pg = {
    .width_pt = 600,
    .height_pt = 800,
    .image_box = { 100, 300, 244, 372 },
    .image_width_px = 300,
    .image_height_px = 150,
    .rotate = image_cases[i].rotate,
  };

  memcpy (pg.crop_box, image_cases[i].crop, sizeof pg.crop_box);
  return eyl_fixture_pdf (name, &pg, image_texts, 1);
}

static void
test_images (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (image_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("image-%u.pdf", i);
      g_autofree char *path = image_case_pdf (name, i);
      g_autoptr(EylDocument) doc = open_ok (path, NULL);
      g_autoptr(EylPageData) page = page_ok (doc, 0);
      const EylRect      *want = &image_cases[i].want;
      const EylImageInfo *img;

      g_test_message ("rotate %d crop %g", image_cases[i].rotate, image_cases[i].crop[0]);
      g_assert_cmpint (page->images->len, ==, 1);
      img = &g_array_index (page->images, EylImageInfo, 0);
      g_assert_cmpfloat_with_epsilon (img->box.x0, want->x0, 1.0);
      g_assert_cmpfloat_with_epsilon (img->box.y0, want->y0, 1.0);
      g_assert_cmpfloat_with_epsilon (img->box.x1, want->x1, 1.0);
      g_assert_cmpfloat_with_epsilon (img->box.y1, want->y1, 1.0);
      /* 300 × 150 px on 2 × 1 in */
      g_assert_cmpfloat_with_epsilon (img->ppi_x, 150, 2.0);
      g_assert_cmpfloat_with_epsilon (img->ppi_y, 150, 2.0);
    }
}

/* An image drawn stretched (300 × 150 px on 144 × 144 pt): no size in
 * the file's image dictionaries has its aspect, the content stream tells
 * it.  That reads only the file, so it is there with decodes off too (a
 * check without OCR still judges picture resolution). */
static void
test_image_sizes_off (void)
{
  EylFixtureText texts[] = { { 72, 72, 12, "Image", 0 } };
  EylFixturePage pg = {
    .width_pt = 600,
    .height_pt = 800,
    .image_box = { 100, 300, 244, 444 },
    .image_width_px = 300,
    .image_height_px = 150,
  };
  g_autofree char *path = eyl_fixture_pdf ("image-stretched.pdf", &pg, texts, 1);

  for (int wanted = 1; wanted >= 0; wanted--)
    {
      g_autoptr(EylDocument) doc = open_ok (path, NULL);
      g_autoptr(EylPageData) page = NULL;
      const EylImageInfo *img;

      eyl_document_set_image_decodes (doc, wanted);
      page = page_ok (doc, 0);
      g_assert_cmpint (page->images->len, ==, 1);
      img = &g_array_index (page->images, EylImageInfo, 0);
      g_assert_cmpint (img->width_px, ==, 300);
      g_assert_cmpint (img->height_px, ==, 150);
      g_assert_cmpfloat_with_epsilon (img->box.y1 - img->box.y0, 144, 1.0);
    }
}

/* Where each image is drawn and its pixel size, from the content stream:
 * the boxes Poppler gives (test_images) on turned and cropped pages. */
static void
test_image_placements (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (image_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("placed-%u.pdf", i);
      g_autofree char *path = image_case_pdf (name, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) placements = eyl_pdf_image_placements (path, NULL, 0, &error);
      const EylRect           *want = &image_cases[i].want;
      const EylImagePlacement *p;
      int                      w = 0, h = 0;

      g_assert_no_error (error);
      g_test_message ("rotate %d crop %g", image_cases[i].rotate, image_cases[i].crop[0]);
      g_assert_cmpint (placements->len, ==, 1);
      p = &g_array_index (placements, EylImagePlacement, 0);
      g_assert_cmpint (p->width_px, ==, 300);
      g_assert_cmpint (p->height_px, ==, 150);
      g_assert_cmpfloat_with_epsilon (p->box.x0, want->x0, 0.5);
      g_assert_cmpfloat_with_epsilon (p->box.y0, want->y0, 0.5);
      g_assert_cmpfloat_with_epsilon (p->box.x1, want->x1, 0.5);
      g_assert_cmpfloat_with_epsilon (p->box.y1, want->y1, 0.5);
      g_assert_true (eyl_image_placement_match (placements, want, &w, &h));
      g_assert_cmpint (w, ==, 300);
      g_assert_null (eyl_pdf_image_placements (path, NULL, 1, &error));
      g_assert_error (error, EYL_ERROR, EYL_ERROR_PAGE);
    }
}

/* Two images of one aspect ratio and different pixel sizes, one drawn
 * inside a form: the aspect alone cannot tell which is which, where each
 * is drawn does. */
static void
test_image_sizes_placed (void)
{
  static const struct
  {
    int     w, h;
    EylRect box;
  } images[] = {
    { 40, 20, { 50, 50, 250, 150 } },
    { 400, 200, { 300, 400, 400, 450 } },
  };
  g_autofree char *path = g_build_filename (eyl_fixture_dir (), "two-sizes.pdf", NULL);
  cairo_surface_t *pdf = cairo_pdf_surface_create (path, 500, 600);
  cairo_t         *cr = cairo_create (pdf);
  g_autoptr(EylDocument) doc = NULL;
  g_autoptr(EylPageData) page = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (images); i++)
    {
      cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, images[i].w,
                                                           images[i].h);
      cairo_t         *icr = cairo_create (image);
      cairo_pattern_t *ramp = cairo_pattern_create_linear (0, 0, images[i].w, images[i].h);

      cairo_pattern_add_color_stop_rgb (ramp, 0, 0.9, 0.1, 0.1);
      cairo_pattern_add_color_stop_rgb (ramp, 1, 0.1, 0.1, 0.9);
      cairo_set_source (icr, ramp);
      cairo_paint (icr);
      cairo_pattern_destroy (ramp);
      cairo_destroy (icr);

      cairo_save (cr);
      if (i == 1)
        cairo_push_group (cr); /* a form XObject around the image */
      cairo_translate (cr, images[i].box.x0, images[i].box.y0);
      cairo_scale (cr, eyl_rect_width (&images[i].box) / images[i].w,
                   eyl_rect_height (&images[i].box) / images[i].h);
      cairo_set_source_surface (cr, image, 0, 0);
      cairo_paint (cr);
      if (i == 1)
        {
          cairo_identity_matrix (cr);
          cairo_pop_group_to_source (cr);
          cairo_paint_with_alpha (cr, 0.5);
        }
      cairo_restore (cr);
      cairo_surface_destroy (image);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (pdf);

  doc = open_ok (path, NULL);
  page = page_ok (doc, 0);
  g_assert_cmpint (page->images->len, ==, 2);
  for (guint i = 0; i < page->images->len; i++)
    {
      const EylImageInfo *img = &g_array_index (page->images, EylImageInfo, i);
      guint               k = img->box.x0 < 275 ? 0 : 1;

      g_assert_cmpfloat_with_epsilon (img->box.x0, images[k].box.x0, 1.0);
      g_assert_cmpint (img->width_px, ==, images[k].w);
      g_assert_cmpint (img->height_px, ==, images[k].h);
    }
}

static void
test_trim_bleed (void)
{
  EylFixtureText texts[] = { { 40, 40, 12, "Trim", 0 } };
  EylFixturePage pg = {
    .width_pt = 620,
    .height_pt = 867,
    .bleed_box = { 3.5, 3.5, 616.5, 863.5 },
    .trim_box = { 12.5, 12.5, 607.5, 854.5 },
  };
  g_autofree char *path = eyl_fixture_pdf ("trim.pdf", &pg, texts, 1);
  g_autoptr(EylDocument) doc = open_ok (path, NULL);
  g_autoptr(EylPageData) page = page_ok (doc, 0);
  double w, h;

  g_assert_true (page->boxes.has_trim);
  g_assert_true (page->boxes.has_bleed);
  g_assert_cmpfloat_with_epsilon (page->visible.x0, 12.5, 0.01);
  g_assert_cmpfloat_with_epsilon (page->visible.y0, 12.5, 0.01);
  eyl_page_data_visible_size (page, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 595, 0.01);
  g_assert_cmpfloat_with_epsilon (h, 842, 0.01);
}

static void
test_user_unit (void)
{
  g_autofree char *path = eyl_fixture_banner ("banner-1-10.pdf", 0.1, TRUE);
  g_autofree char *uu_path = NULL;
  EylFixtureText   texts[] = { { 10, 50, 10, "Unit", 0 } };
  /* 85 × 200 mm at UserUnit 10: an 850 × 2000 mm banner */
  EylFixturePage pg = { .width_pt = 85 * 72 / 25.4, .height_pt = 200 * 72 / 25.4, .user_unit = 10 };
  g_autoptr(EylDocument) doc = NULL;
  g_autoptr(EylPageData) page = NULL;
  double w, h;

  uu_path = eyl_fixture_pdf ("userunit.pdf", &pg, texts, 1);
  doc = open_ok (uu_path, NULL);
  page = page_ok (doc, 0);
  g_assert_cmpfloat_with_epsilon (page->boxes.user_unit, 10, 1e-6);
  /* Poppler ignores UserUnit: the page itself stays in pt */
  g_assert_cmpfloat_with_epsilon (page->width, pg.width_pt, 0.01);
  eyl_page_data_visible_size (page, &w, &h);
  g_assert_cmpfloat_with_epsilon (w * 25.4 / 72, 850, 0.1);
  g_assert_cmpfloat_with_epsilon (h * 25.4 / 72, 2000, 0.1);
  g_clear_object (&doc);
  g_clear_pointer (&page, eyl_page_data_unref);

  /* the 1:10 banner fixture has no UserUnit: 85 × 200 mm */
  doc = open_ok (path, NULL);
  page = page_ok (doc, 0);
  g_assert_cmpfloat (page->boxes.user_unit, ==, 1.0);
  g_assert_cmpfloat_with_epsilon (page->width * 25.4 / 72, 85, 0.05);
}

static void
test_banner (void)
{
  gboolean lows[] = { TRUE, FALSE };

  for (guint i = 0; i < G_N_ELEMENTS (lows); i++)
    {
      g_autofree char *path = eyl_fixture_banner (lows[i] ? "low.pdf" : "high.pdf", 1.0, lows[i]);
      g_autoptr(EylDocument) doc = open_ok (path, NULL);
      g_autoptr(EylPageData) page = page_ok (doc, 0);
      double             mm = 25.4 / 72;
      const EylTextLine *url = line_of (page, find_glyph (page, "www.northwind-tea.example"));
      const EylTextLine *phone = line_of (page, find_glyph (page, "+44 20 7946 0958"));
      const EylTextLine *brand = line_of (page, find_glyph (page, "NORTHWIND"));

      g_assert_cmpfloat_with_epsilon (page->width * mm, 850, 0.1);
      g_assert_cmpfloat_with_epsilon (page->height * mm, 2000, 0.1);
      /* the brand in the upper third */
      g_assert_cmpfloat (brand->box.y1 * mm, <, 2000.0 / 3);
      if (lows[i])
        {
          /* both contacts inside the bottom 150 mm */
          g_assert_cmpfloat (url->box.y0 * mm, >, 2000 - 150);
          g_assert_cmpfloat (phone->box.y0 * mm, >, 2000 - 150);
        }
      else
        {
          /* around 1500 mm above the bottom edge */
          g_assert_cmpfloat_with_epsilon (2000 - url->box.y1 * mm, 1500, 100);
          g_assert_cmpfloat_with_epsilon (2000 - phone->box.y1 * mm, 1500, 100);
        }
    }
}

static void
test_encrypted (void)
{
  EylFixtureText   texts[] = { { 40, 60, 14, "Secret", 0 } };
  EylFixturePage   pg = { .width_pt = 300, .height_pt = 300 };
  g_autofree char *plain = eyl_fixture_pdf ("plain.pdf", &pg, texts, 1);
  g_autofree char *locked = eyl_fixture_encrypt (plain, "locked.pdf", "s3cret");
  g_autoptr(GError) error = NULL;
  g_autoptr(EylDocument) doc = NULL;
  g_autoptr(EylPageData) page = NULL;

  doc = eyl_document_open (locked, NULL, NULL, &error);
  g_assert_error (error, EYL_ERROR, EYL_ERROR_ENCRYPTED);
  g_assert_null (doc);
  g_clear_error (&error);

  doc = eyl_document_open (locked, "wrong", NULL, &error);
  g_assert_error (error, EYL_ERROR, EYL_ERROR_WRONG_PASSWORD);
  g_assert_null (doc);
  g_clear_error (&error);

  doc = open_ok (locked, "s3cret");
  page = page_ok (doc, 0);
  g_assert_nonnull (strstr (page->text, "Secret"));
}

static void
test_sniff (void)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
  static const char   html[] = "\xef\xbb\xbf  <!DOCTYPE html>\n<html><body>Not a PDF</body></html>";
  static const guint8 zip[] = { 'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0 };
  static const char   junk_pdf[] = "garbage before the header\n%PDF-1.7\n";
  struct
  {
    const char *name;
    const void *data;
    gsize       len;
    const char *word;
  } cases[] = {
    { "image.pdf", png, sizeof png, "PNG" },
    { "page.pdf", html, sizeof html - 1, "HTML" },
    { "empty.pdf", "", 0, "empty" },
    { "archive.pdf", zip, sizeof zip, "ZIP" },
    { "notes.pdf", "Meeting notes\nBring the banner.\n", 32, "text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = eyl_fixture_bytes (cases[i].name, cases[i].data, cases[i].len);
      g_autoptr(GError) error = NULL;
      g_autoptr(EylDocument) doc = eyl_document_open (path, NULL, NULL, &error);
      const char *what = eyl_sniff_not_pdf (cases[i].data, cases[i].len);

      g_assert_nonnull (what);
      g_assert_nonnull (strstr (what, cases[i].word));
      g_assert_error (error, EYL_ERROR, EYL_ERROR_NOT_PDF);
      g_assert_nonnull (strstr (error->message, cases[i].word));
      g_assert_null (doc);
    }

  /* a header after some junk is still a PDF */
  g_assert_null (eyl_sniff_not_pdf ((const guint8 *) junk_pdf, sizeof junk_pdf - 1));
  g_assert_null (eyl_sniff_not_pdf ((const guint8 *) "%PDF-1.4\n", 9));
  g_assert_nonnull (strstr (eyl_sniff_not_pdf ((const guint8 *) "\xff\xd8\xff\xe0", 4), "JPEG"));
  g_assert_nonnull (strstr (eyl_sniff_not_pdf ((const guint8 *) "%!PS-Adobe-3.0", 14), "PostScript"));
  g_assert_nonnull (strstr (eyl_sniff_not_pdf ((const guint8 *) "\x1f\x8b\x08\x00", 4), "gzip"));
}

static void
test_truncated (void)
{
  EylFixtureText   texts[] = { { 40, 60, 14, "Truncated text", 0 } };
  EylFixturePage   pg = { .width_pt = 300, .height_pt = 300 };
  g_autofree char *path = eyl_fixture_pdf ("whole.pdf", &pg, texts, 1);
  g_autofree char *contents = NULL;
  g_autofree char *header_only = NULL;
  g_autofree char *half = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EylDocument) doc = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));

  header_only = eyl_fixture_bytes ("header-only.pdf", contents, 16);
  doc = eyl_document_open (header_only, NULL, NULL, &error);
  g_assert_error (error, EYL_ERROR, EYL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "damaged or truncated"));
  g_assert_null (doc);
  g_clear_error (&error);

  /* cut inside the objects: Poppler may rebuild it, but then it says so */
  half = eyl_fixture_bytes ("half.pdf", contents, len / 3);
  doc = eyl_document_open (half, NULL, NULL, &error);
  if (doc == NULL)
    {
      g_assert_error (error, EYL_ERROR, EYL_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "damaged or truncated"));
    }
  else
    {
      g_autoptr(EylPageData) page = eyl_document_get_page_data (doc, 0, NULL, NULL);

      g_assert_cmpuint (eyl_document_get_n_repairs (doc), >, 0);
      g_assert_cmpuint (eyl_document_get_warnings (doc)->len, >, 0);
    }
}

static void
test_paths_and_uris (void)
{
  EylFixtureText   texts[] = { { 40, 60, 14, "Relative", 0 } };
  EylFixturePage   pg = { .width_pt = 300, .height_pt = 300 };
  g_autofree char *path = eyl_fixture_pdf ("relative.pdf", &pg, texts, 1);
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *missing = g_build_filename (eyl_fixture_dir (), "missing.pdf", NULL);
  g_autoptr(EylDocument) rel = NULL;
  g_autoptr(EylDocument) by_uri = NULL;
  g_autoptr(EylDocument) none = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_chdir (eyl_fixture_dir ()), ==, 0);
  rel = open_ok ("relative.pdf", NULL);
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  g_assert_true (g_path_is_absolute (eyl_document_get_path (rel)));
  g_assert_true (g_file_test (eyl_document_get_path (rel), G_FILE_TEST_EXISTS));

  by_uri = open_ok (uri, NULL);
  g_assert_cmpstr (eyl_document_get_path (by_uri), ==, eyl_document_get_path (rel));

  none = eyl_document_open (missing, NULL, NULL, &error);
  g_assert_error (error, EYL_ERROR, EYL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  none = eyl_document_open (eyl_fixture_dir (), NULL, NULL, &error);
  g_assert_error (error, EYL_ERROR, EYL_ERROR_NOT_FOUND);
  g_assert_null (none);
}

static void
test_no_pages (void)
{
  const char *const empty[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [] /Count 0 >>",
  };
  const char *const zero[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    /* a crop box outside the media box leaves 0 × 0 pt */
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /CropBox [200 200 300 300] >>",
  };
  g_autofree char *p_empty = eyl_fixture_raw_pdf ("no-pages.pdf", empty, G_N_ELEMENTS (empty));
  g_autofree char *p_zero = eyl_fixture_raw_pdf ("zero-pages.pdf", zero, G_N_ELEMENTS (zero));
  g_autoptr(GError) error = NULL;
  g_autoptr(EylDocument) doc = NULL;

  doc = eyl_document_open (p_empty, NULL, NULL, &error);
  g_assert_error (error, EYL_ERROR, EYL_ERROR_NO_PAGES);
  g_assert_null (doc);
  g_clear_error (&error);

  doc = eyl_document_open (p_zero, NULL, NULL, &error);
  g_assert_error (error, EYL_ERROR, EYL_ERROR_NO_PAGES);
  g_assert_null (doc);
}

static void
test_bad_page_index (void)
{
  EylFixtureText   texts[] = { { 40, 60, 14, "One page", 0 } };
  EylFixturePage   pg = { .width_pt = 300, .height_pt = 300 };
  g_autofree char *path = eyl_fixture_pdf ("one.pdf", &pg, texts, 1);
  g_autoptr(EylDocument) doc = open_ok (path, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EylPageData) page = eyl_document_get_page_data (doc, 1, NULL, &error);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  g_assert_error (error, EYL_ERROR, EYL_ERROR_PAGE);
  g_assert_null (page);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  page = eyl_document_get_page_data (doc, 0, cancellable, &error);
  g_assert_error (error, EYL_ERROR, EYL_ERROR_CANCELLED);
  g_assert_null (page);
}

/* An image surface of @pixbuf's size with @pixbuf as a JPEG attached:
 * Cairo embeds the JPEG itself (/DCTDecode). */
static cairo_surface_t *
jpeg_surface (GdkPixbuf  *pixbuf,
              const char *quality)
{
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;
  gchar           *jpeg = NULL;
  gsize            jpeg_len = 0;

  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &jpeg, &jpeg_len, "jpeg", &error,
                                            "quality", quality, NULL));
  g_assert_no_error (error);
  image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, gdk_pixbuf_get_width (pixbuf),
                                      gdk_pixbuf_get_height (pixbuf));
  cairo_surface_set_mime_data (image, CAIRO_MIME_TYPE_JPEG, (guchar *) jpeg, jpeg_len,
                               g_free, jpeg);
  return image;
}

/* A PDF with one JPEG of @w × @h px, red on the left half and blue on
 * the right, drawn over its whole 400 × 300 pt page. */
static char *
jpeg_page_pdf (const char *name,
               int         w,
               int         h)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, w, h);
  g_autofree char *path = g_build_filename (eyl_fixture_dir (), name, NULL);
  guchar          *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int              stride = gdk_pixbuf_get_rowstride (pixbuf);
  cairo_surface_t *image, *pdf;
  cairo_t         *cr;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guchar *p = pixels + (gsize) y * stride + 3 * x;

        p[0] = x < w / 2 ? 230 : 20;
        p[1] = 20;
        p[2] = x < w / 2 ? 20 : 230;
      }
  image = jpeg_surface (pixbuf, "90");
  pdf = cairo_pdf_surface_create (path, 400, 300);
  cr = cairo_create (pdf);
  cairo_scale (cr, 400.0 / w, 300.0 / h);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (pdf);
  cairo_surface_destroy (image);
  return g_steal_pointer (&path);
}

/* Poppler holds every image a render draws at its full size: the copy
 * for rendering has the JPEG decoded smaller (a fraction M/8 of its
 * size within the budget) and still shows the same picture. */
static void
test_shrink_images (void)
{
  g_autofree char *path = jpeg_page_pdf ("large-jpeg.pdf", 2000, 1500);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) none = NULL;
  g_autoptr(PopplerDocument) shrunk = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface, *decoded;
  guint            n = 99;
  guint32         *row;
  cairo_t         *cr;

  /* Within the budget: nothing to do. */
  none = eyl_render_source_shrink_images (path, NULL, 4e6, &n);
  g_assert_null (none);
  g_assert_cmpuint (n, ==, 0);

  /* 3 Mpx into 1 Mpx: 4/8 of each side. */
  bytes = eyl_render_source_shrink_images (path, NULL, 1e6, &n);
  g_assert_nonnull (bytes);
  g_assert_cmpuint (n, ==, 1);
  shrunk = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  page = poppler_document_get_page (shrunk, 0);
  decoded = poppler_page_get_image (page, 0);
  g_assert_nonnull (decoded);
  g_assert_cmpint (cairo_image_surface_get_width (decoded), ==, 1000);
  g_assert_cmpint (cairo_image_surface_get_height (decoded), ==, 750);
  cairo_surface_destroy (decoded);

  /* The same picture: red left, blue right. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 40, 30);
  cr = cairo_create (surface);
  cairo_scale (cr, 0.1, 0.1);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  row = (guint32 *) (cairo_image_surface_get_data (surface) +
                     15 * cairo_image_surface_get_stride (surface));
  g_assert_cmpuint ((row[5] >> 16) & 0xff, >, 180);
  g_assert_cmpuint (row[5] & 0xff, <, 70);
  g_assert_cmpuint ((row[35] >> 16) & 0xff, <, 70);
  g_assert_cmpuint (row[35] & 0xff, >, 180);
  cairo_surface_destroy (surface);
}

/* Page 0 of @doc rendered at @scale px/pt onto white. */
static cairo_surface_t *
render_page (PopplerDocument *doc,
             double           scale)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (doc, 0);
  cairo_surface_t *surface;
  double           w, h;
  cairo_t         *cr;

  poppler_page_get_size (page, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (w * scale),
                                        (int) ceil (h * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Page 0 of the PDF at @path and of @copy render bit for bit alike at
 * the analysis scale and closer. */
static void
assert_renders_alike (const char *path,
                      GBytes     *copy)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(PopplerDocument) original = NULL;
  g_autoptr(PopplerDocument) from_copy = NULL;
  g_autoptr(GError) error = NULL;
  const double scales[] = { 0.7, 1.0, 3.37, 6.0 };

  original = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  from_copy = poppler_document_new_from_bytes (copy, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      cairo_surface_t *a = render_page (original, scales[i]);
      cairo_surface_t *b = render_page (from_copy, scales[i]);
      gsize            len = (gsize) cairo_image_surface_get_stride (a) * cairo_image_surface_get_height (a);

      g_assert_cmpint (cairo_image_surface_get_stride (a), ==, cairo_image_surface_get_stride (b));
      g_assert_cmpint (cairo_image_surface_get_height (a), ==, cairo_image_surface_get_height (b));
      g_assert_cmpmem (cairo_image_surface_get_data (a), len, cairo_image_surface_get_data (b), len);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
}

/* @image painted on @cr at (@x, @y) pt, scaled by @sx, @sy. */
static void
paint_image (cairo_t         *cr,
             cairo_surface_t *image,
             double           x,
             double           y,
             double           sx,
             double           sy)
{
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, sx, sy);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}

/* A page with a JPEG photo-like image (Cairo embeds it as /DCTDecode)
 * and a translucent one (/FlateDecode with a soft mask) over it. */
static char *
mixed_images_pdf (const char *name)
{
  const int w = 900, h = 640;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, w, h);
  g_autofree char *path = g_build_filename (eyl_fixture_dir (), name, NULL);
  guchar          *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int              stride = gdk_pixbuf_get_rowstride (pixbuf);
  cairo_surface_t *photo, *overlay, *pdf;
  cairo_t         *cr;
  guint32          seed = 7;

  /* Smooth gradients and noise: every IDCT and upsampling shows. */
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guchar *p = pixels + (gsize) y * stride + 3 * x;

        seed = seed * 1103515245 + 12345;
        p[0] = (guchar) ((x * 255 / w + (seed >> 24) % 24) & 0xff);
        p[1] = (guchar) (y * 255 / h);
        p[2] = (guchar) (((x + y) % 64) * 4);
      }
  photo = jpeg_surface (pixbuf, "85");

  overlay = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 500, 400);
  cr = cairo_create (overlay);
  for (int i = 0; i < 40; i++)
    {
      cairo_set_source_rgba (cr, (i % 5) / 4.0, (i % 3) / 2.0, (i % 7) / 6.0, 0.3 + (i % 4) / 6.0);
      cairo_arc (cr, 30 + 11 * i, 20 + (i * 37) % 380, 10 + i % 30, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  cairo_destroy (cr);

  pdf = cairo_pdf_surface_create (path, 400, 300);
  cr = cairo_create (pdf);
  paint_image (cr, photo, 0, 0, 400.0 / w, 300.0 / h);
  paint_image (cr, overlay, 60, 40, 0.5, 0.5);
  cairo_destroy (cr);
  cairo_surface_destroy (pdf);
  cairo_surface_destroy (overlay);
  cairo_surface_destroy (photo);
  return g_steal_pointer (&path);
}

/* The copy stores the JPEG, the Flate image and its soft mask decoded,
 * and a page renders from it bit for bit as from the file, at the
 * analysis scale and closer. */
static void
test_decoded_images (void)
{
  g_autofree char *path = mixed_images_pdf ("mixed-images.pdf");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) small = NULL;
  guint n_shrunk = 99, n_decoded = 0;

  bytes = eyl_render_source_new (path, NULL, 16e6, 64 * 1024 * 1024, &n_shrunk, &n_decoded);
  g_assert_nonnull (bytes);
  g_assert_cmpuint (n_shrunk, ==, 0);
  g_assert_cmpuint (n_decoded, ==, 3);
  g_assert_null (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                               "/DCTDecode"));

  /* A budget below the JPEG's 1.7 MB: the Flate images alone, too
   * small to be worth a copy. */
  small = eyl_render_source_new (path, NULL, 16e6, 1024 * 1024, &n_shrunk, &n_decoded);
  g_assert_null (small);
  g_assert_cmpuint (n_decoded, ==, 0);

  assert_renders_alike (path, bytes);
}

/* @profile (closed) as bytes, with media white @white: one off D50
 * makes absolute colorimetric differ from relative. */
static GBytes *
save_profile (cmsHPROFILE      profile,
              const cmsCIEXYZ *white)
{
  cmsUInt32Number len = 0;
  guchar         *data;

  g_assert_true (cmsWriteTag (profile, cmsSigMediaWhitePointTag, white));
  g_assert_true (cmsSaveProfileToMem (profile, NULL, &len));
  data = g_malloc (len);
  g_assert_true (cmsSaveProfileToMem (profile, data, &len));
  cmsCloseProfile (profile);
  return g_bytes_new_take (data, len);
}

/* An RGB profile far from sRGB (wide primaries, gamma 1.8): converted
 * samples that merely passed through would show. */
static GBytes *
wide_rgb_profile (void)
{
  const cmsCIExyY       white = { 0.3127, 0.3290, 1.0 };
  const cmsCIExyYTRIPLE primaries = { { 0.7347, 0.2653, 1.0 },
                                      { 0.1152, 0.8264, 1.0 },
                                      { 0.1566, 0.0177, 1.0 } };
  cmsToneCurve         *gamma = cmsBuildGamma (NULL, 1.8);
  cmsToneCurve         *curves[3] = { gamma, gamma, gamma };
  const cmsCIEXYZ       d65 = { 0.9505, 1.0, 1.0890 };
  cmsHPROFILE           profile = cmsCreateRGBProfile (&white, &primaries, curves);

  cmsFreeToneCurve (gamma);
  return save_profile (profile, &d65);
}

static cmsInt32Number
cmyk_to_lab (const cmsUInt16Number in[],
             cmsUInt16Number       out[],
             void                 *rgb_to_lab)
{
  double          k = 1.0 - in[3] / 65535.0;
  cmsUInt16Number rgb[3];

  for (int i = 0; i < 3; i++)
    rgb[i] = (cmsUInt16Number) (65535.0 * (1.0 - in[i] / 65535.0) * k * (0.8 + 0.1 * i));
  cmsDoTransform (rgb_to_lab, rgb, out, 1);
  return TRUE;
}

static cmsInt32Number
lab_to_cmyk (const cmsUInt16Number in[],
             cmsUInt16Number       out[],
             void                 *user_data)
{
  out[0] = out[1] = out[2] = (cmsUInt16Number) (65535 - in[0]);
  out[3] = 0;
  return TRUE;
}

/* A CMYK profile with tables both ways (lcms2 finds its black point
 * through the one from Lab), as press profiles are. */
static GBytes *
cmyk_profile (void)
{
  cmsHPROFILE     srgb = cmsCreate_sRGBProfile ();
  cmsHPROFILE     lab = cmsCreateLab4Profile (NULL);
  cmsHPROFILE     profile = cmsCreateProfilePlaceholder (NULL);
  cmsHTRANSFORM   rgb_to_lab = cmsCreateTransform (srgb, TYPE_RGB_16, lab, TYPE_Lab_16,
                                                   INTENT_RELATIVE_COLORIMETRIC, 0);
  cmsPipeline    *lut = cmsPipelineAlloc (NULL, 4, 3), *back;
  cmsStage       *clut = cmsStageAllocCLut16bit (NULL, 7, 4, 3, NULL);
  const cmsCIEXYZ paper = { 0.90, 0.93, 0.70 };

  cmsSetProfileVersion (profile, 4.3);
  cmsSetDeviceClass (profile, cmsSigOutputClass);
  cmsSetColorSpace (profile, cmsSigCmykData);
  cmsSetPCS (profile, cmsSigLabData);
  g_assert_true (cmsStageSampleCLut16bit (clut, cmyk_to_lab, rgb_to_lab, 0));
  /* lutAtoBType wants curves on both sides of the table. */
  cmsPipelineInsertStage (lut, cmsAT_END, cmsStageAllocToneCurves (NULL, 4, NULL));
  cmsPipelineInsertStage (lut, cmsAT_END, clut);
  cmsPipelineInsertStage (lut, cmsAT_END, cmsStageAllocToneCurves (NULL, 3, NULL));
  g_assert_true (cmsWriteTag (profile, cmsSigAToB0Tag, lut));
  back = cmsPipelineAlloc (NULL, 3, 4);
  cmsPipelineInsertStage (back, cmsAT_END, cmsStageAllocToneCurves (NULL, 3, NULL));
  clut = cmsStageAllocCLut16bit (NULL, 9, 3, 4, NULL);
  g_assert_true (cmsStageSampleCLut16bit (clut, lab_to_cmyk, NULL, 0));
  cmsPipelineInsertStage (back, cmsAT_END, clut);
  cmsPipelineInsertStage (back, cmsAT_END, cmsStageAllocToneCurves (NULL, 4, NULL));
  g_assert_true (cmsWriteTag (profile, cmsSigBToA0Tag, back));
  cmsPipelineFree (lut);
  cmsPipelineFree (back);
  cmsDeleteTransform (rgb_to_lab);
  cmsCloseProfile (lab);
  cmsCloseProfile (srgb);
  return save_profile (profile, &paper);
}

/* The image streams of @qpdf. */
static GArray *
image_streams (qpdf_data qpdf)
{
  GArray *images = g_array_new (FALSE, FALSE, sizeof (qpdf_oh));
  int     size = qpdf_oh_get_int_value_as_int (qpdf, qpdf_oh_get_key (qpdf, qpdf_get_trailer (qpdf), "/Size"));

  for (int id = 1; id < size; id++)
    {
      qpdf_oh oh = qpdf_get_object_by_id (qpdf, id, 0);

      if (qpdf_oh_is_stream (qpdf, oh) && qpdf_oh_is_name_and_equals (qpdf, qpdf_oh_get_key (qpdf, qpdf_oh_get_dict (qpdf, oh), "/Subtype"), "/Image"))
        g_array_append_val (images, oh);
    }
  return images;
}

/* @qpdf written to @path, its streams compressed, and closed. */
static void
write_compressed (qpdf_data   qpdf,
                  const char *path)
{
  qpdf_init_write (qpdf, path);
  qpdf_set_stream_data_mode (qpdf, qpdf_s_compress);
  qpdf_set_static_ID (qpdf, QPDF_TRUE);
  g_assert_cmpint (qpdf_write (qpdf) & QPDF_ERRORS, ==, 0);
  qpdf_cleanup (&qpdf);
}

/* [/ICCBased profile] for a profile of @n components, as a new object. */
static qpdf_oh
icc_space (qpdf_data qpdf,
           GBytes   *profile,
           int       n)
{
  qpdf_oh       stream = qpdf_oh_new_stream (qpdf);
  qpdf_oh       space = qpdf_oh_new_array (qpdf);
  gsize         len;
  const guchar *data = g_bytes_get_data (profile, &len);

  qpdf_oh_replace_stream_data (qpdf, stream, data, len, qpdf_oh_new_null (qpdf),
                               qpdf_oh_new_null (qpdf));
  qpdf_oh_replace_key (qpdf, qpdf_oh_get_dict (qpdf, stream), "/N", qpdf_oh_new_integer (qpdf, n));
  qpdf_oh_append_item (qpdf, space, qpdf_oh_new_name (qpdf, "/ICCBased"));
  qpdf_oh_append_item (qpdf, space, stream);
  return qpdf_make_indirect_object (qpdf, space);
}

/* The file's one output intent, of @kind (/GTS_PDFA1, /GTS_PDFX),
 * naming @profile of @n components. */
static void
set_output_intent (qpdf_data   qpdf,
                   GBytes     *profile,
                   int         n,
                   const char *kind)
{
  qpdf_oh intent = qpdf_oh_new_dictionary (qpdf);
  qpdf_oh intents = qpdf_oh_new_array (qpdf);
  qpdf_oh space = icc_space (qpdf, profile, n);

  qpdf_oh_replace_key (qpdf, intent, "/Type", qpdf_oh_new_name (qpdf, "/OutputIntent"));
  qpdf_oh_replace_key (qpdf, intent, "/S", qpdf_oh_new_name (qpdf, kind));
  qpdf_oh_replace_key (qpdf, intent, "/OutputConditionIdentifier", qpdf_oh_new_unicode_string (qpdf, "test"));
  qpdf_oh_replace_key (qpdf, intent, "/DestOutputProfile", qpdf_oh_get_array_item (qpdf, space, 1));
  qpdf_oh_append_item (qpdf, intents, intent);
  qpdf_oh_replace_key (qpdf, qpdf_get_root (qpdf), "/OutputIntents", intents);
}

/* A page with three ICC images: a Flate one and a JPEG through a wide
 * RGB profile (the JPEG naming /Perceptual), and a CMYK one through a
 * table profile, naming /AbsoluteColorimetric; with @default_rgb, the page's resources name a
 * /DefaultRGB space too, with @set_intent its content sets an intent.  @plain is the same page before the images get
 * their profiles (all DeviceRGB). */
static char *
icc_images_pdf (const char *name,
                gboolean    default_rgb,
                gboolean    set_intent,
                char      **plain)
{
  const int w = 400, h = 300;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, w, h);
  g_autoptr(GBytes) rgb_profile = wide_rgb_profile ();
  g_autoptr(GBytes) press_profile = cmyk_profile ();
  g_autofree char *path = g_build_filename (eyl_fixture_dir (), name, NULL);
  g_autofree char *plain_name = g_strconcat ("plain-", name, NULL);
  cairo_surface_t *flat, *other, *photo, *pdf;
  cairo_t         *cr;
  qpdf_data        qpdf;
  guint32          seed = 11;
  g_autoptr(GArray) images = NULL;

  /* Every value of every channel, and noise. */
  flat = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 256, 64);
  for (int y = 0; y < 64; y++)
    {
      guint32 *row = (guint32 *) (cairo_image_surface_get_data (flat) + y * cairo_image_surface_get_stride (flat));

      for (int x = 0; x < 256; x++)
        {
          seed = seed * 1103515245 + 12345;
          row[x] = ((guint32) x << 16) | ((guint32) ((x + 4 * y) & 0xff) << 8) | ((seed >> 24) & 0xff);
        }
    }
  cairo_surface_mark_dirty (flat);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guchar *p = gdk_pixbuf_get_pixels (pixbuf) + (gsize) y * gdk_pixbuf_get_rowstride (pixbuf) + 3 * x;

        p[0] = (guchar) (x * 255 / w);
        p[1] = (guchar) (y * 255 / h);
        p[2] = (guchar) (((x ^ y) & 31) * 8);
      }
  photo = jpeg_surface (pixbuf, "90");

  *plain = g_build_filename (eyl_fixture_dir (), plain_name, NULL);
  pdf = cairo_pdf_surface_create (*plain, 400, 300);
  cr = cairo_create (pdf);
  cairo_set_source_rgb (cr, 0.2, 0.5, 0.8);
  cairo_rectangle (cr, 0, 0, 400, 20);
  cairo_fill (cr);
  paint_image (cr, flat, 10, 30, 1.0, 1.0);
  paint_image (cr, photo, 10, 100, 0.6, 0.6);
  /* The third image, an image of its own: its samples become CMYK
   * below. */
  other = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 100, 120);
  paint_image (cr, other, 280, 100, 1.0, 1.0);
  cairo_destroy (cr);
  cairo_surface_destroy (other);
  cairo_surface_destroy (pdf);
  cairo_surface_destroy (photo);

  qpdf = qpdf_init ();
  g_assert_cmpint (qpdf_read (qpdf, *plain, NULL) & QPDF_ERRORS, ==, 0);
  images = image_streams (qpdf);
  g_assert_cmpuint (images->len, ==, 3);
  for (guint i = 0; i < images->len; i++)
    {
      qpdf_oh oh = g_array_index (images, qpdf_oh, i);
      qpdf_oh dict = qpdf_oh_get_dict (qpdf, oh);

      g_assert_false (qpdf_oh_has_key (qpdf, dict, "/SMask"));
      if (i < 2)
        qpdf_oh_replace_key (qpdf, dict, "/ColorSpace", icc_space (qpdf, rgb_profile, 3));
      if (i > 0)
        qpdf_oh_replace_key (qpdf, dict, "/Intent",
                             qpdf_oh_new_name (qpdf, i == 1 ? "/Perceptual" : "/AbsoluteColorimetric"));
      if (i == 2)
        {
          int     cw = qpdf_oh_get_int_value_as_int (qpdf, qpdf_oh_get_key (qpdf, dict, "/Width"));
          int     ch = qpdf_oh_get_int_value_as_int (qpdf, qpdf_oh_get_key (qpdf, dict, "/Height"));
          guchar *cmyk = g_malloc ((gsize) cw * ch * 4);

          for (int k = 0; k < cw * ch * 4; k++)
            cmyk[k] = (guchar) ((k * 37 + (k / (cw * 4)) * 5) & 0xff);
          qpdf_oh_replace_stream_data (qpdf, oh, cmyk, (size_t) cw * ch * 4,
                                       qpdf_oh_new_null (qpdf), qpdf_oh_new_null (qpdf));
          qpdf_oh_replace_key (qpdf, dict, "/ColorSpace", icc_space (qpdf, press_profile, 4));
          /* Cairo writes an image of one colour with fewer bits. */
          qpdf_oh_replace_key (qpdf, dict, "/BitsPerComponent", qpdf_oh_new_integer (qpdf, 8));
          qpdf_oh_remove_key (qpdf, dict, "/Decode");
          g_free (cmyk);
        }
    }
  if (default_rgb)
    {
      qpdf_oh resources = qpdf_oh_get_key (qpdf, qpdf_get_page_n (qpdf, 0), "/Resources");
      qpdf_oh spaces = qpdf_oh_new_dictionary (qpdf);

      qpdf_oh_replace_key (qpdf, spaces, "/DefaultRGB", icc_space (qpdf, rgb_profile, 3));
      qpdf_oh_replace_key (qpdf, resources, "/ColorSpace", spaces);
    }
  if (set_intent)
    {
      qpdf_oh     page = qpdf_get_page_n (qpdf, 0);
      qpdf_oh     contents = qpdf_oh_new_array (qpdf);
      qpdf_oh     ri = qpdf_oh_new_stream (qpdf);
      const char *op = "/Perceptual ri\n";

      qpdf_oh_replace_stream_data (qpdf, ri, (const unsigned char *) op, strlen (op),
                                   qpdf_oh_new_null (qpdf), qpdf_oh_new_null (qpdf));
      qpdf_oh_append_item (qpdf, contents, ri);
      qpdf_oh_append_item (qpdf, contents, qpdf_oh_get_key (qpdf, page, "/Contents"));
      qpdf_oh_replace_key (qpdf, page, "/Contents", contents);
    }
  write_compressed (qpdf, path);
  cairo_surface_destroy (flat);
  return g_steal_pointer (&path);
}

/* PDF @bytes, read with libqpdf. */
static qpdf_data
read_pdf_bytes (GBytes *bytes)
{
  qpdf_data   qpdf = qpdf_init ();
  gsize       len;
  const char *data = g_bytes_get_data (bytes, &len);

  g_assert_cmpint (qpdf_read_memory (qpdf, "copy", data, len, NULL) & QPDF_ERRORS, ==, 0);
  return qpdf;
}

/* The number of images of PDF @bytes drawn through an ICC profile. */
static guint
count_icc_images (GBytes *bytes)
{
  qpdf_data qpdf = read_pdf_bytes (bytes);
  guint     n = 0;
  g_autoptr(GArray) images = NULL;

  images = image_streams (qpdf);
  for (guint i = 0; i < images->len; i++)
    {
      qpdf_oh cs = qpdf_oh_get_key (qpdf, qpdf_oh_get_dict (qpdf, g_array_index (images, qpdf_oh, i)),
                                    "/ColorSpace");

      if (qpdf_oh_is_array (qpdf, cs) && qpdf_oh_is_name_and_equals (qpdf, qpdf_oh_get_array_item (qpdf, cs, 0), "/ICCBased"))
        n++;
    }
  qpdf_cleanup (&qpdf);
  return n;
}

/* Page 0 of the PDFs at @a and @b render apart at 1 px/pt. */
static void
assert_render_apart (const char *a_path,
                     const char *b_path)
{
  g_autofree char *a_uri = g_filename_to_uri (a_path, NULL, NULL);
  g_autofree char *b_uri = g_filename_to_uri (b_path, NULL, NULL);
  g_autoptr(PopplerDocument) a_doc = poppler_document_new_from_file (a_uri, NULL, NULL);
  g_autoptr(PopplerDocument) b_doc = poppler_document_new_from_file (b_uri, NULL, NULL);
  cairo_surface_t *a = render_page (a_doc, 1.0);
  cairo_surface_t *b = render_page (b_doc, 1.0);
  gsize            len = (gsize) cairo_image_surface_get_stride (a) * cairo_image_surface_get_height (a);

  g_assert_cmpint (memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b), len), !=, 0);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

/* The render copy of the PDF at @path, which holds @n_icc ICC images:
 * @n_decoded images stored decoded, none shrunk, @n_icc_left ICC images
 * left, and its page rendering bit for bit as the file's. */
static void
assert_copy_converts (const char *path,
                      guint       n_icc,
                      guint       n_decoded,
                      guint       n_icc_left)
{
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
  g_autoptr(GBytes) original = g_mapped_file_get_bytes (file);
  g_autoptr(GBytes) bytes = NULL;
  guint n_shrunk = 99, decoded = 0;

  g_assert_cmpuint (count_icc_images (original), ==, n_icc);
  bytes = eyl_render_source_new (path, NULL, 16e6, 64 * 1024 * 1024, &n_shrunk, &decoded);
  g_assert_nonnull (bytes);
  g_assert_cmpuint (n_shrunk, ==, 0);
  g_assert_cmpuint (decoded, ==, n_decoded);
  g_assert_cmpuint (count_icc_images (bytes), ==, n_icc_left);
  assert_renders_alike (path, bytes);
}

/* ICC images are stored as the DeviceRGB samples Poppler draws them
 * with, and the page renders from the copy bit for bit as from the
 * file, under a /DefaultRGB space too. */
static void
test_icc_images (void)
{
  g_autofree char *plain = NULL;
  g_autofree char *plain_again = NULL;
  g_autofree char *plain_ri = NULL;
  g_autofree char *path = icc_images_pdf ("icc-images.pdf", FALSE, FALSE, &plain);
  g_autofree char *with_default = icc_images_pdf ("icc-default-rgb.pdf", TRUE, FALSE, &plain_again);
  g_autofree char *with_ri = icc_images_pdf ("icc-ri.pdf", FALSE, TRUE, &plain_ri);
  g_autofree char *with_thumb = g_build_filename (eyl_fixture_dir (), "icc-default-rgb-thumb.pdf", NULL);
  g_autofree char *with_mask = g_build_filename (eyl_fixture_dir (), "icc-masked.pdf", NULL);
  g_autofree char *with_output_intent = g_build_filename (eyl_fixture_dir (), "icc-output-intent.pdf", NULL);
  qpdf_data        qpdf;
  g_autoptr(GArray) images = NULL;

  /* The profiles change the pixels: a conversion that passed the
   * samples through would not render alike. */
  assert_render_apart (plain, path);

  /* Under 1 MB of samples, but 0.1 Mpx of ICC images: worth a copy. */
  assert_copy_converts (path, 3, 3, 0);

  /* Under a /DefaultRGB the images are drawn through forms that set it
   * to DeviceRGB: stored as DeviceRGB alone they would be drawn through
   * the wide profile again, and not render alike. */
  assert_copy_converts (with_default, 3, 3, 0);
  /* Not an image referred to otherwise than from an /XObject entry (a
   * thumbnail here): the form would not replace that reference. */
  qpdf = qpdf_init ();
  g_assert_cmpint (qpdf_read (qpdf, with_default, NULL) & QPDF_ERRORS, ==, 0);
  images = image_streams (qpdf);
  qpdf_oh_replace_key (qpdf, qpdf_get_page_n (qpdf, 0), "/Thumb", g_array_index (images, qpdf_oh, 0));
  qpdf_init_write (qpdf, with_thumb);
  qpdf_set_static_ID (qpdf, QPDF_TRUE);
  g_assert_cmpint (qpdf_write (qpdf) & QPDF_ERRORS, ==, 0);
  qpdf_cleanup (&qpdf);
  assert_copy_converts (with_thumb, 3, 3, 1);

  /* Content that sets an intent: the image that names none stays as it
   * is, the two that name theirs are converted. */
  assert_copy_converts (with_ri, 3, 3, 1);

  /* An image under a mask image is converted too: the mask is drawn
   * apart from its samples. */
  qpdf = qpdf_init ();
  g_assert_cmpint (qpdf_read (qpdf, path, NULL) & QPDF_ERRORS, ==, 0);
  g_clear_pointer (&images, g_array_unref);
  images = image_streams (qpdf);
  for (guint i = 0; i < 2; i++)
    {
      qpdf_oh            image = g_array_index (images, qpdf_oh, i);
      qpdf_oh            dict = qpdf_oh_get_dict (qpdf, image);
      int                w = qpdf_oh_get_int_value_as_int (qpdf, qpdf_oh_get_key (qpdf, dict, "/Width"));
      int                h = qpdf_oh_get_int_value_as_int (qpdf, qpdf_oh_get_key (qpdf, dict, "/Height"));
      gsize              stride = (gsize) (w + 7) / 8;
      g_autofree guchar *bits = g_malloc ((gsize) h * stride);
      qpdf_oh            mask = qpdf_oh_new_stream (qpdf);
      qpdf_oh            mask_dict = qpdf_oh_get_dict (qpdf, mask);

      /* Diagonal stripes. */
      for (int y = 0; y < h; y++)
        for (gsize b = 0; b < stride; b++)
          bits[y * stride + b] = (guchar) (0x0f << ((y / 4) % 4));
      qpdf_oh_replace_stream_data (qpdf, mask, bits, (size_t) h * stride, qpdf_oh_new_null (qpdf),
                                   qpdf_oh_new_null (qpdf));
      qpdf_oh_replace_key (qpdf, mask_dict, "/Type", qpdf_oh_new_name (qpdf, "/XObject"));
      qpdf_oh_replace_key (qpdf, mask_dict, "/Subtype", qpdf_oh_new_name (qpdf, "/Image"));
      qpdf_oh_replace_key (qpdf, mask_dict, "/Width", qpdf_oh_new_integer (qpdf, w));
      qpdf_oh_replace_key (qpdf, mask_dict, "/Height", qpdf_oh_new_integer (qpdf, h));
      qpdf_oh_replace_key (qpdf, mask_dict, "/ImageMask", qpdf_oh_new_bool (qpdf, QPDF_TRUE));
      qpdf_oh_replace_key (qpdf, mask_dict, "/BitsPerComponent", qpdf_oh_new_integer (qpdf, 1));
      qpdf_oh_replace_key (qpdf, dict, "/Mask", qpdf_make_indirect_object (qpdf, mask));
    }
  qpdf_init_write (qpdf, with_mask);
  qpdf_set_stream_data_mode (qpdf, qpdf_s_compress);
  qpdf_set_static_ID (qpdf, QPDF_TRUE);
  g_assert_cmpint (qpdf_write (qpdf) & QPDF_ERRORS, ==, 0);
  qpdf_cleanup (&qpdf);
  /* The masks change the page. */
  assert_render_apart (path, with_mask);
  assert_copy_converts (with_mask, 3, 5, 0);

  /* A file with one output intent (an RGB profile here, as PDF/A files
   * name sRGB) has Poppler convert ICC colours into that profile: so
   * does the copy, or the page would not render alike. */
  qpdf = qpdf_init ();
  g_assert_cmpint (qpdf_read (qpdf, path, NULL) & QPDF_ERRORS, ==, 0);
  {
    g_autoptr(GBytes) rgb_profile = wide_rgb_profile ();

    set_output_intent (qpdf, rgb_profile, 3, "/GTS_PDFA1");
  }
  qpdf_init_write (qpdf, with_output_intent);
  qpdf_set_static_ID (qpdf, QPDF_TRUE);
  g_assert_cmpint (qpdf_write (qpdf) & QPDF_ERRORS, ==, 0);
  qpdf_cleanup (&qpdf);
  assert_copy_converts (with_output_intent, 3, 3, 0);
}

/* @w × @h pixels of every value of red, noise from @seed in green,
 * a pattern in blue, and alpha from opaque to clear: Cairo writes the
 * alpha as a soft mask. */
static cairo_surface_t *
soft_masked_image (int     w,
                   int     h,
                   guint32 seed)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);

  for (int y = 0; y < h; y++)
    {
      guint32 *row = (guint32 *) (cairo_image_surface_get_data (image) + y * cairo_image_surface_get_stride (image));

      for (int x = 0; x < w; x++)
        {
          guint32 a = 255 - (guint32) (y * 255 / h);
          guint32 r = (guint32) (x * 255 / w), g, b;

          seed = seed * 1103515245 + 12345;
          g = (seed >> 24) & 0xff;
          b = (guint32) ((x ^ y) & 0xff);
          /* Premultiplied, as Cairo keeps ARGB32. */
          row[x] = (a << 24) | ((r * a / 255) << 16) | ((g * a / 255) << 8) | (b * a / 255);
        }
    }
  cairo_surface_mark_dirty (image);
  return image;
}

/* A page with two soft-masked images through a wide RGB profile, the
 * second's soft mask naming a /Matte colour; @plain is the same page
 * before the images get their profile. */
static char *
icc_soft_masked_pdf (const char *name,
                     char      **plain)
{
  g_autoptr(GBytes) rgb_profile = wide_rgb_profile ();
  g_autofree char *path = g_build_filename (eyl_fixture_dir (), name, NULL);
  g_autofree char *plain_name = g_strconcat ("plain-", name, NULL);
  cairo_surface_t *pdf;
  cairo_t         *cr;
  qpdf_data        qpdf;
  g_autoptr(GArray) images = NULL;
  guint n_masked = 0;

  *plain = g_build_filename (eyl_fixture_dir (), plain_name, NULL);
  pdf = cairo_pdf_surface_create (*plain, 400, 650);
  cr = cairo_create (pdf);
  cairo_set_source_rgb (cr, 0.9, 0.3, 0.1);
  cairo_paint (cr);
  for (guint i = 0; i < 2; i++)
    {
      cairo_surface_t *image = soft_masked_image (400, 300, 7 + i);

      paint_image (cr, image, 0, 330 * i, 1.0, 1.0);
      cairo_surface_destroy (image);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (pdf);

  qpdf = qpdf_init ();
  g_assert_cmpint (qpdf_read (qpdf, *plain, NULL) & QPDF_ERRORS, ==, 0);
  images = image_streams (qpdf);
  for (guint i = 0; i < images->len; i++)
    {
      qpdf_oh oh = g_array_index (images, qpdf_oh, i);
      qpdf_oh dict = qpdf_oh_get_dict (qpdf, oh);
      qpdf_oh mask = qpdf_oh_get_key (qpdf, dict, "/SMask");

      if (!qpdf_oh_is_stream (qpdf, mask))
        continue;
      qpdf_oh_replace_key (qpdf, dict, "/ColorSpace", icc_space (qpdf, rgb_profile, 3));
      if (n_masked++ == 1)
        {
          qpdf_oh matte = qpdf_oh_new_array (qpdf);

          for (int k = 0; k < 3; k++)
            qpdf_oh_append_item (qpdf, matte, qpdf_oh_new_real_from_double (qpdf, 0.5, 2));
          qpdf_oh_replace_key (qpdf, qpdf_oh_get_dict (qpdf, mask), "/Matte", matte);
        }
    }
  g_assert_cmpuint (n_masked, ==, 2);
  write_compressed (qpdf, path);
  return g_steal_pointer (&path);
}

/* A soft-masked ICC image is stored as the DeviceRGB samples Poppler
 * draws it with, and the page renders from the copy bit for bit as from
 * the file; not one whose soft mask names a /Matte colour, given in the
 * image's colour space. */
static void
test_icc_soft_masked_images (void)
{
  g_autofree char *plain = NULL;
  g_autofree char *path = icc_soft_masked_pdf ("icc-soft-masked.pdf", &plain);

  /* The profile changes the pixels under the masks. */
  assert_render_apart (plain, path);
  /* Both images and both masks stored decoded (under 1 MB of samples,
   * but 0.12 Mpx of ICC images converted); the image whose mask names a
   * matte colour stays ICC. */
  assert_copy_converts (path, 2, 4, 1);
}

/* The number of form XObjects of PDF @bytes that set /DefaultRGB to
 * DeviceRGB (those the copy draws converted images through). */
static guint
count_device_rgb_forms (GBytes *bytes)
{
  qpdf_data qpdf = read_pdf_bytes (bytes);
  guint     n = 0;
  int       size;

  size = qpdf_oh_get_int_value_as_int (qpdf, qpdf_oh_get_key (qpdf, qpdf_get_trailer (qpdf), "/Size"));
  for (int id = 1; id < size; id++)
    {
      qpdf_oh oh = qpdf_get_object_by_id (qpdf, id, 0);
      qpdf_oh spaces;

      if (!qpdf_oh_is_stream (qpdf, oh))
        continue;
      spaces = qpdf_oh_get_key (qpdf, qpdf_oh_get_key (qpdf, qpdf_oh_get_dict (qpdf, oh), "/Resources"), "/ColorSpace");
      if (qpdf_oh_is_dictionary (qpdf, spaces) && qpdf_oh_is_name_and_equals (qpdf, qpdf_oh_get_key (qpdf, spaces, "/DefaultRGB"), "/DeviceRGB"))
        n++;
    }
  qpdf_cleanup (&qpdf);
  return n;
}

/* Page @index of the PDFs @a (a file) and @b (bytes) render alike or
 * apart, as @alike says, at 1 px/pt. */
static void
assert_pages_compare (PopplerDocument *a_doc,
                      int              a_index,
                      PopplerDocument *b_doc,
                      int              b_index,
                      gboolean         alike)
{
  g_autoptr(PopplerPage) a_page = poppler_document_get_page (a_doc, a_index);
  g_autoptr(PopplerPage) b_page = poppler_document_get_page (b_doc, b_index);
  cairo_surface_t *a = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 300);
  cairo_surface_t *b = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 300);
  gsize            len = (gsize) cairo_image_surface_get_stride (a) * 300;
  cairo_t         *cr;

  cr = cairo_create (a);
  poppler_page_render (a_page, cr);
  cairo_destroy (cr);
  cr = cairo_create (b);
  poppler_page_render (b_page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (a);
  cairo_surface_flush (b);
  if (alike)
    g_assert_cmpmem (cairo_image_surface_get_data (a), len, cairo_image_surface_get_data (b), len);
  else
    g_assert_cmpint (memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b), len), !=, 0);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

/* DeviceRGB images on a page whose resources name a /DefaultRGB
 * profile are drawn through that profile: the copy stores them as the
 * DeviceRGB samples Poppler draws, through forms that set /DefaultRGB to
 * DeviceRGB, and the page renders bit for bit alike.  Not when a page
 * draws them without that /DefaultRGB: the same samples draw other
 * pixels there. */
static void
test_default_rgb_images (void)
{
  g_autoptr(GBytes) rgb_profile = wide_rgb_profile ();
  g_autofree char *plain = NULL;
  g_autofree char *icc = icc_images_pdf ("rgb-under-default.pdf", FALSE, FALSE, &plain);

  g_assert_nonnull (icc);
  g_autofree char *path = g_build_filename (eyl_fixture_dir (), "default-rgb-device.pdf", NULL);
  g_autofree char *two_path = g_build_filename (eyl_fixture_dir (), "default-rgb-one-page.pdf", NULL);
  g_autofree char *two_uri = g_filename_to_uri (two_path, NULL, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PopplerDocument) two_doc = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  qpdf_data qpdf;
  qpdf_oh   page, resources, spaces, second, second_resources;
  guint     n_shrunk = 0, n_decoded = 0;

  /* The plain page (all DeviceRGB) with a /DefaultRGB in its resources. */
  qpdf = qpdf_init ();
  g_assert_cmpint (qpdf_read (qpdf, plain, NULL) & QPDF_ERRORS, ==, 0);
  page = qpdf_get_page_n (qpdf, 0);
  resources = qpdf_oh_get_key (qpdf, page, "/Resources");
  spaces = qpdf_oh_new_dictionary (qpdf);
  qpdf_oh_replace_key (qpdf, spaces, "/DefaultRGB", icc_space (qpdf, rgb_profile, 3));
  qpdf_oh_replace_key (qpdf, resources, "/ColorSpace", spaces);
  qpdf_init_write (qpdf, path);
  qpdf_set_static_ID (qpdf, QPDF_TRUE);
  g_assert_cmpint (qpdf_write (qpdf) & QPDF_ERRORS, ==, 0);

  /* And a second page drawing the same images without it. */
  second = qpdf_oh_new_dictionary (qpdf);
  second_resources = qpdf_oh_new_dictionary (qpdf);
  keys = g_ptr_array_new_with_free_func (g_free);
  qpdf_oh_begin_dict_key_iter (qpdf, resources);
  while (qpdf_oh_dict_more_keys (qpdf))
    g_ptr_array_add (keys, g_strdup (qpdf_oh_dict_next_key (qpdf)));
  for (guint i = 0; i < keys->len; i++)
    if (strcmp (g_ptr_array_index (keys, i), "/ColorSpace") != 0)
      qpdf_oh_replace_key (qpdf, second_resources, g_ptr_array_index (keys, i),
                           qpdf_oh_get_key (qpdf, resources, g_ptr_array_index (keys, i)));
  qpdf_oh_replace_key (qpdf, second, "/Type", qpdf_oh_new_name (qpdf, "/Page"));
  qpdf_oh_replace_key (qpdf, second, "/MediaBox", qpdf_oh_get_key (qpdf, page, "/MediaBox"));
  qpdf_oh_replace_key (qpdf, second, "/Contents", qpdf_oh_get_key (qpdf, page, "/Contents"));
  qpdf_oh_replace_key (qpdf, second, "/Resources", second_resources);
  g_assert_cmpint (qpdf_add_page (qpdf, qpdf, qpdf_make_indirect_object (qpdf, second), QPDF_FALSE), ==, QPDF_SUCCESS);
  qpdf_init_write (qpdf, two_path);
  qpdf_set_static_ID (qpdf, QPDF_TRUE);
  g_assert_cmpint (qpdf_write (qpdf) & QPDF_ERRORS, ==, 0);
  qpdf_cleanup (&qpdf);

  /* The profile changes the pixels: stored as they were, the images
   * would not render alike through the forms. */
  assert_render_apart (plain, path);
  bytes = eyl_render_source_new (path, NULL, 16e6, 64 * 1024 * 1024, &n_shrunk, &n_decoded);
  g_assert_nonnull (bytes);
  g_assert_cmpuint (n_shrunk, ==, 0);
  g_assert_cmpuint (n_decoded, ==, 3);
  /* The two 8-bit images (the third Cairo writes with fewer bits). */
  g_assert_cmpuint (count_device_rgb_forms (bytes), ==, 2);
  assert_renders_alike (path, bytes);

  /* Drawn on a page without the /DefaultRGB too, the images render
   * apart there: converted samples could not serve both pages. */
  two_doc = poppler_document_new_from_file (two_uri, NULL, NULL);
  g_assert_nonnull (two_doc);
  assert_pages_compare (two_doc, 0, two_doc, 1, FALSE);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = eyl_render_source_new (two_path, NULL, 16e6, 64 * 1024 * 1024, &n_shrunk, &n_decoded);
  /* Nothing converted, and under 1 MB of samples: no copy at all. */
  g_assert_null (bytes);
}

/* @w × @h CMYK pixels as a JPEG (YCCK with an Adobe marker, as
 * Photoshop writes them), its length in @len. */
static guchar *
cmyk_jpeg (const guchar  *cmyk,
           int            w,
           int            h,
           unsigned long *len)
{
  struct jpeg_compress_struct out;
  struct jpeg_error_mgr       err;
  guchar                     *data = NULL;

  out.err = jpeg_std_error (&err);
  jpeg_create_compress (&out);
  jpeg_mem_dest (&out, &data, len);
  out.image_width = (JDIMENSION) w;
  out.image_height = (JDIMENSION) h;
  out.input_components = 4;
  out.in_color_space = JCS_CMYK;
  jpeg_set_defaults (&out);
  jpeg_set_quality (&out, 90, TRUE);
  jpeg_start_compress (&out, TRUE);
  while (out.next_scanline < out.image_height)
    {
      JSAMPROW row = (JSAMPROW) (cmyk + (gsize) out.next_scanline * w * 4);

      jpeg_write_scanlines (&out, &row, 1);
    }
  jpeg_finish_compress (&out);
  jpeg_destroy_compress (&out);
  return data;
}

/* A /Decode array of @values (@n of them, reals when @real). */
static qpdf_oh
decode_array (qpdf_data    qpdf,
              const double values[],
              guint        n,
              gboolean     real)
{
  qpdf_oh decode = qpdf_oh_new_array (qpdf);

  for (guint k = 0; k < n; k++)
    qpdf_oh_append_item (qpdf, decode,
                         real ? qpdf_oh_new_real_from_double (qpdf, values[k], 2)
                              : qpdf_oh_new_integer (qpdf, (long long) values[k]));
  return decode;
}

/* The number of DeviceCMYK images of PDF @bytes. */
static guint
count_cmyk_images (GBytes *bytes)
{
  qpdf_data qpdf = read_pdf_bytes (bytes);
  guint     n = 0;
  g_autoptr(GArray) images = image_streams (qpdf);

  for (guint i = 0; i < images->len; i++)
    if (qpdf_oh_is_name_and_equals (qpdf, qpdf_oh_get_key (qpdf, qpdf_oh_get_dict (qpdf, g_array_index (images, qpdf_oh, i)), "/ColorSpace"), "/DeviceCMYK"))
      n++;
  qpdf_cleanup (&qpdf);
  return n;
}

/* A page of four DeviceCMYK images of 256 × 256 px drawn at 1 px/pt:
 * every cyan and magenta value with noise in yellow and black (Flate);
 * a JPEG of smooth ramps and noise, inverted by its /Decode as
 * Photoshop's are; a soft-masked one with a /Decode of integers that
 * inverts two components; and one with a /Decode of reals.  With
 * @default_cmyk the page's resources name a /DefaultCMYK space, with
 * @output_intent the file names a CMYK output intent. */
static char *
cmyk_images_pdf (const char *name,
                 gboolean    default_cmyk,
                 gboolean    output_intent)
{
  const int          n = 256;
  g_autofree char   *path = g_build_filename (eyl_fixture_dir (), name, NULL);
  g_autofree char   *plain = g_strconcat (path, ".plain.pdf", NULL);
  g_autofree guchar *cmyk = g_malloc ((gsize) n * n * 4);
  g_autoptr(GArray) images = NULL;
  cairo_surface_t *pdf;
  cairo_t         *cr;
  qpdf_data        qpdf;
  guint32          seed = 5;
  guint            n_masked = 0, n_plain = 0;

  /* Placeholders Cairo writes as images of their own: the third with a
   * soft mask. */
  pdf = cairo_pdf_surface_create (plain, 2 * n + 30, 2 * n + 30);
  cr = cairo_create (pdf);
  cairo_set_source_rgb (cr, 0.9, 0.9, 0.2);
  cairo_paint (cr);
  for (int i = 0; i < 4; i++)
    {
      cairo_surface_t *image = i == 2 ? soft_masked_image (n, n, 3) : cairo_image_surface_create (CAIRO_FORMAT_RGB24, n, n);

      if (i != 2)
        {
          /* Distinct contents, or Cairo writes one image for all. */
          cairo_t *icr = cairo_create (image);

          cairo_set_source_rgb (icr, i / 4.0, 0.5, 0.5);
          cairo_paint (icr);
          cairo_destroy (icr);
        }
      paint_image (cr, image, 10 + (i % 2) * (n + 10), 10 + (i / 2) * (n + 10), 1.0, 1.0);
      cairo_surface_destroy (image);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (pdf);

  qpdf = qpdf_init ();
  g_assert_cmpint (qpdf_read (qpdf, plain, NULL) & QPDF_ERRORS, ==, 0);
  images = image_streams (qpdf);
  for (guint i = 0; i < images->len; i++)
    {
      qpdf_oh  oh = g_array_index (images, qpdf_oh, i);
      qpdf_oh  dict = qpdf_oh_get_dict (qpdf, oh);
      gboolean masked = qpdf_oh_has_key (qpdf, dict, "/SMask");
      guint    kind;

      if (qpdf_oh_get_int_value_as_int (qpdf, qpdf_oh_get_key (qpdf, dict, "/Width")) != n || qpdf_oh_is_name_and_equals (qpdf, qpdf_oh_get_key (qpdf, dict, "/ColorSpace"), "/DeviceGray"))
        continue;
      kind = masked ? 2 : n_plain == 0 ? 0
                      : n_plain == 1   ? 1
                                       : 3;
      n_masked += masked;
      n_plain += !masked;
      for (int y = 0; y < n; y++)
        for (int x = 0; x < n; x++)
          {
            guchar *p = cmyk + ((gsize) y * n + x) * 4;

            seed = seed * 1103515245 + 12345;
            if (kind == 1)
              {
                /* Smooth, for the JPEG, with a little noise. */
                p[0] = (guchar) x;
                p[1] = (guchar) y;
                p[2] = (guchar) ((x + y) / 2);
                p[3] = (guchar) (((x ^ y) & 63) + ((seed >> 28) & 7));
              }
            else
              {
                p[0] = (guchar) x;
                p[1] = (guchar) y;
                p[2] = (guchar) (seed >> 24);
                p[3] = (guchar) (seed >> 16);
              }
          }
      if (kind == 1)
        {
          unsigned long len = 0;
          guchar       *jpeg = cmyk_jpeg (cmyk, n, n, &len);
          const double  inverted[8] = { 1, 0, 1, 0, 1, 0, 1, 0 };

          qpdf_oh_replace_stream_data (qpdf, oh, jpeg, len, qpdf_oh_new_name (qpdf, "/DCTDecode"),
                                       qpdf_oh_new_null (qpdf));
          qpdf_oh_replace_key (qpdf, dict, "/Decode", decode_array (qpdf, inverted, 8, FALSE));
          free (jpeg);
        }
      else
        {
          const double two_inverted[8] = { 0, 1, 1, 0, 0, 1, 1, 0 };
          const double reals[8] = { 0.1, 0.9, 0, 1, 0, 0.7, 0, 1 };

          qpdf_oh_replace_stream_data (qpdf, oh, cmyk, (size_t) n * n * 4, qpdf_oh_new_null (qpdf),
                                       qpdf_oh_new_null (qpdf));
          if (kind == 2)
            qpdf_oh_replace_key (qpdf, dict, "/Decode", decode_array (qpdf, two_inverted, 8, FALSE));
          if (kind == 3)
            qpdf_oh_replace_key (qpdf, dict, "/Decode", decode_array (qpdf, reals, 8, TRUE));
        }
      qpdf_oh_replace_key (qpdf, dict, "/ColorSpace", qpdf_oh_new_name (qpdf, "/DeviceCMYK"));
      qpdf_oh_replace_key (qpdf, dict, "/BitsPerComponent", qpdf_oh_new_integer (qpdf, 8));
    }
  g_assert_cmpuint (n_masked, ==, 1);
  g_assert_cmpuint (n_plain, ==, 3);
  if (default_cmyk)
    {
      g_autoptr(GBytes) press_profile = cmyk_profile ();
      qpdf_oh resources = qpdf_oh_get_key (qpdf, qpdf_get_page_n (qpdf, 0), "/Resources");
      qpdf_oh spaces = qpdf_oh_new_dictionary (qpdf);

      qpdf_oh_replace_key (qpdf, spaces, "/DefaultCMYK", icc_space (qpdf, press_profile, 4));
      qpdf_oh_replace_key (qpdf, resources, "/ColorSpace", spaces);
    }
  if (output_intent)
    {
      g_autoptr(GBytes) press_profile = cmyk_profile ();

      set_output_intent (qpdf, press_profile, 4, "/GTS_PDFX");
    }
  write_compressed (qpdf, path);
  g_unlink (plain);
  return g_steal_pointer (&path);
}

/* The render copy of the PDF at @path, which holds 4 DeviceCMYK images:
 * all four and the soft mask stored decoded, none shrunk, @n_cmyk_left
 * DeviceCMYK images left, and its page rendering bit for bit as the
 * file's. */
static void
assert_copy_converts_cmyk (const char *path,
                           guint       n_cmyk_left)
{
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
  g_autoptr(GBytes) original = g_mapped_file_get_bytes (file);
  g_autoptr(GBytes) bytes = NULL;
  guint n_shrunk = 99, decoded = 0;

  g_assert_cmpuint (count_cmyk_images (original), ==, 4);
  bytes = eyl_render_source_new (path, NULL, 16e6, 64 * 1024 * 1024, &n_shrunk, &decoded);
  g_assert_nonnull (bytes);
  g_assert_cmpuint (n_shrunk, ==, 0);
  g_assert_cmpuint (decoded, ==, 5);
  g_assert_cmpuint (count_cmyk_images (bytes), ==, n_cmyk_left);
  assert_renders_alike (path, bytes);
}

/* DeviceCMYK images are stored as the DeviceRGB samples Poppler draws
 * them with, their integer /Decode applied, and the page renders from
 * the copy bit for bit as from the file, under a CMYK output intent
 * too; not one with a /Decode of reals, nor any under a /DefaultCMYK
 * space, which Poppler would draw them through. */
static void
test_cmyk_images (void)
{
  g_autofree char *path = cmyk_images_pdf ("cmyk-images.pdf", FALSE, FALSE);
  g_autofree char *with_intent = cmyk_images_pdf ("cmyk-output-intent.pdf", FALSE, TRUE);
  g_autofree char *with_default = cmyk_images_pdf ("cmyk-default-cmyk.pdf", TRUE, FALSE);

  /* The /DefaultCMYK profile changes the pixels: converted as the
   * others, these images would not render alike. */
  assert_render_apart (path, with_default);
  assert_copy_converts_cmyk (path, 1);
  assert_copy_converts_cmyk (with_intent, 1);
  assert_copy_converts_cmyk (with_default, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eyl/document/text-boxes", test_text_boxes);
  g_test_add_func ("/eyl/document/rotated", test_rotated);
  g_test_add_func ("/eyl/document/crop-offset", test_crop_offset);
  g_test_add_func ("/eyl/document/images", test_images);
  g_test_add_func ("/eyl/document/icc-images", test_icc_images);
  g_test_add_func ("/eyl/document/icc-soft-masked-images", test_icc_soft_masked_images);
  g_test_add_func ("/eyl/document/default-rgb-images", test_default_rgb_images);
  g_test_add_func ("/eyl/document/cmyk-images", test_cmyk_images);
  g_test_add_func ("/eyl/document/image-sizes-off", test_image_sizes_off);
  g_test_add_func ("/eyl/document/image-placements", test_image_placements);
  g_test_add_func ("/eyl/document/image-sizes-placed", test_image_sizes_placed);
  g_test_add_func ("/eyl/document/trim-bleed", test_trim_bleed);
  g_test_add_func ("/eyl/document/user-unit", test_user_unit);
  g_test_add_func ("/eyl/document/banner", test_banner);
  g_test_add_func ("/eyl/document/encrypted", test_encrypted);
  g_test_add_func ("/eyl/document/sniff", test_sniff);
  g_test_add_func ("/eyl/document/truncated", test_truncated);
  g_test_add_func ("/eyl/document/paths-and-uris", test_paths_and_uris);
  g_test_add_func ("/eyl/document/no-pages", test_no_pages);
  g_test_add_func ("/eyl/document/bad-page-index", test_bad_page_index);
  g_test_add_func ("/eyl/document/shrink-images", test_shrink_images);
  g_test_add_func ("/eyl/document/decoded-images", test_decoded_images);

  return g_test_run ();
}
