/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "eyl-error.h"
#include "eyl-page-boxes.h"
#include "eyl-fixtures.h"

#define EPS 1e-3

static void
assert_rect (const EylRect *r,
             double         x0,
             double         y0,
             double         x1,
             double         y1)
{
  g_assert_cmpfloat_with_epsilon (r->x0, x0, EPS);
  g_assert_cmpfloat_with_epsilon (r->y0, y0, EPS);
  g_assert_cmpfloat_with_epsilon (r->x1, x1, EPS);
  g_assert_cmpfloat_with_epsilon (r->y1, y1, EPS);
}

static EylPdfBoxReader *
open_fixture (const char           *name,
              const EylFixturePage *page)
{
  EylFixtureText   text = { 72, 72, 12, "Boxes", 0 };
  g_autofree char *path = eyl_fixture_pdf (name, page, &text, 1);
  g_autoptr(GError) error = NULL;
  EylPdfBoxReader *reader = eyl_pdf_box_reader_open (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reader);
  g_assert_cmpuint (eyl_pdf_box_reader_get_n_pages (reader), ==, 1);
  return reader;
}

static void
test_plain (void)
{
  EylFixturePage page = { .width_pt = 600, .height_pt = 800 };
  g_autoptr(EylPdfBoxReader) reader = open_fixture ("plain.pdf", &page);
  EylPageBoxes boxes;

  g_assert_true (eyl_pdf_box_reader_get_boxes (reader, 0, &boxes));
  assert_rect (&boxes.media, 0, 0, 600, 800);
  assert_rect (&boxes.crop, 0, 0, 600, 800);
  g_assert_false (boxes.has_trim);
  g_assert_false (boxes.has_bleed);
  g_assert_false (boxes.has_art);
  /* without a TrimBox the trim is the crop box */
  assert_rect (&boxes.trim, 0, 0, 600, 800);
  g_assert_cmpint (boxes.rotate, ==, 0);
  g_assert_cmpfloat (boxes.user_unit, ==, 1.0);

  g_assert_false (eyl_pdf_box_reader_get_boxes (reader, 1, &boxes));
}

static void
test_crop_offset (void)
{
  EylFixturePage page = {
    .width_pt = 600,
    .height_pt = 800,
    .crop_box = { 50, 100, 550, 700 },
  };
  g_autoptr(EylPdfBoxReader) reader = open_fixture ("crop.pdf", &page);
  EylPageBoxes boxes;

  g_assert_true (eyl_pdf_box_reader_get_boxes (reader, 0, &boxes));
  assert_rect (&boxes.crop, 0, 0, 500, 600);
  /* the media box sticks out 50 pt left, 100 pt above (800 − 700) and
   * 100 pt below (crop bottom at y = 100) */
  assert_rect (&boxes.media, -50, -100, 550, 700);
}

static void
test_trim_bleed (void)
{
  /* an A4 page with 3 mm bleed and 4.5 mm slug: media 620 × 867 pt */
  EylFixturePage page = {
    .width_pt = 620,
    .height_pt = 867,
    .bleed_box = { 3.5, 3.5, 616.5, 863.5 },
    .trim_box = { 12.5, 12.5, 607.5, 854.5 },
  };
  g_autoptr(EylPdfBoxReader) reader = open_fixture ("trim.pdf", &page);
  EylPageBoxes boxes;

  g_assert_true (eyl_pdf_box_reader_get_boxes (reader, 0, &boxes));
  g_assert_true (boxes.has_trim);
  g_assert_true (boxes.has_bleed);
  assert_rect (&boxes.trim, 12.5, 867 - 854.5, 607.5, 867 - 12.5);
  assert_rect (&boxes.bleed, 3.5, 3.5, 616.5, 863.5);
}

static void
test_rotate_90 (void)
{
  EylFixturePage page = {
    .width_pt = 600,
    .height_pt = 800,
    .rotate = 90,
    .crop_box = { 50, 100, 550, 700 },
    .trim_box = { 100, 200, 300, 650 },
  };
  g_autoptr(EylPdfBoxReader) reader = open_fixture ("rot90.pdf", &page);
  EylPageBoxes boxes;

  g_assert_true (eyl_pdf_box_reader_get_boxes (reader, 0, &boxes));
  g_assert_cmpint (boxes.rotate, ==, 90);
  /* the 500 × 600 crop box turned a quarter clockwise: 600 wide, 500 tall */
  assert_rect (&boxes.crop, 0, 0, 600, 500);
  /* unrotated the trim is u 50…250 (x − 50), v 50…500 (700 − y); turned
   * clockwise x' = 600 − v, y' = u */
  assert_rect (&boxes.trim, 100, 50, 550, 250);
}

static void
test_rotate_180_270 (void)
{
  EylFixturePage page = {
    .width_pt = 600,
    .height_pt = 800,
    .rotate = 180,
    .trim_box = { 100, 200, 300, 650 },
  };
  g_autoptr(EylPdfBoxReader) r180 = open_fixture ("rot180.pdf", &page);
  g_autoptr(EylPdfBoxReader) r270 = NULL;
  EylPageBoxes boxes;

  g_assert_true (eyl_pdf_box_reader_get_boxes (r180, 0, &boxes));
  g_assert_cmpint (boxes.rotate, ==, 180);
  assert_rect (&boxes.crop, 0, 0, 600, 800);
  /* unrotated u 100…300, v 150…600; turned half way: 600 − u, 800 − v */
  assert_rect (&boxes.trim, 300, 200, 500, 650);

  page.rotate = 270;
  r270 = open_fixture ("rot270.pdf", &page);
  g_assert_true (eyl_pdf_box_reader_get_boxes (r270, 0, &boxes));
  g_assert_cmpint (boxes.rotate, ==, 270);
  assert_rect (&boxes.crop, 0, 0, 800, 600);
  /* turned three quarters clockwise: x' = v, y' = 600 − u */
  assert_rect (&boxes.trim, 150, 300, 600, 500);
}

static void
test_user_unit (void)
{
  EylFixturePage page = { .width_pt = 240, .height_pt = 566.93, .user_unit = 10 };
  g_autoptr(EylPdfBoxReader) reader = open_fixture ("userunit.pdf", &page);
  EylPageBoxes boxes;

  g_assert_true (eyl_pdf_box_reader_get_boxes (reader, 0, &boxes));
  g_assert_cmpfloat_with_epsilon (boxes.user_unit, 10, 1e-9);
  /* boxes stay in pt: the analysis multiplies */
  assert_rect (&boxes.crop, 0, 0, 240, 566.93);
}

static void
test_inherited (void)
{
  const char *const objects[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    /* inherited: media, an un-normalised crop box, a negative rotation */
    "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 /MediaBox [0 0 300 400]"
    " /CropBox [290 390 10 20] /Rotate -90 >>",
    "<< /Type /Page /Parent 2 0 R >>",
    /* its own media box, a crop box outside it, no rotation */
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /CropBox [200 200 300 300]"
    " /Rotate 0 /UserUnit 2.5 >>",
  };
  g_autofree char *path = eyl_fixture_raw_pdf ("inherit.pdf", objects, G_N_ELEMENTS (objects));
  g_autoptr(GError) error = NULL;
  g_autoptr(EylPdfBoxReader) reader = eyl_pdf_box_reader_open (path, NULL, &error);
  EylPageBoxes boxes;

  g_assert_no_error (error);
  g_assert_cmpuint (eyl_pdf_box_reader_get_n_pages (reader), ==, 2);

  g_assert_true (eyl_pdf_box_reader_get_boxes (reader, 0, &boxes));
  g_assert_cmpint (boxes.rotate, ==, 270);
  g_assert_cmpfloat (boxes.user_unit, ==, 1.0);
  /* crop 10…290 × 20…390 (280 × 370) turned 270°: 370 wide, 280 tall */
  assert_rect (&boxes.crop, 0, 0, 370, 280);
  /* media: u −10…290, v −10…390 → x' = v, y' = 280 − u */
  assert_rect (&boxes.media, -10, -10, 390, 290);

  g_assert_true (eyl_pdf_box_reader_get_boxes (reader, 1, &boxes));
  g_assert_cmpint (boxes.rotate, ==, 0);
  g_assert_cmpfloat (boxes.user_unit, ==, 2.5);
  g_assert_cmpfloat_with_epsilon (eyl_rect_width (&boxes.media), 100, EPS);
  g_assert_cmpfloat_with_epsilon (eyl_rect_height (&boxes.media), 100, EPS);
  /* a crop box outside the media box is empty, as Poppler has it */
  g_assert_true (eyl_rect_is_empty (&boxes.crop));
  g_assert_cmpfloat (eyl_rect_width (&boxes.crop), ==, 0);
}

/* Soft masks that Poppler's Cairo output draws through an image of the
 * whole clip (luminosity, or any with a transfer function), found on the
 * page, inside a form it draws and in an annotation's appearance; an
 * alpha mask, a form that draws itself and a page without masks are
 * none. */
static void
test_clip_masks (void)
{
  const char *const objects[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R 6 0 R 7 0 R 8 0 R 9 0 R] /Count 7"
    " /MediaBox [0 0 200 200] >>",
    /* 3: a plain transparency, no mask */
    "<< /Type /Page /Parent 2 0 R /Resources << /ExtGState << /G0 << /ca 0.5 >> >> >> >>",
    /* 4: a luminosity mask on the page */
    "<< /Type /Page /Parent 2 0 R /Resources << /ExtGState << /G0 << /SMask"
    " << /Type /Mask /S /Luminosity /G 10 0 R >> >> >> >> >>",
    /* 5: an alpha mask */
    "<< /Type /Page /Parent 2 0 R /Resources << /ExtGState << /G0 << /SMask"
    " << /Type /Mask /S /Alpha /G 10 0 R >> >> >> >> >>",
    /* 6: an alpha mask with a transfer function, inside a form */
    "<< /Type /Page /Parent 2 0 R /Resources << /XObject << /F0 11 0 R >> >> >>",
    /* 7: a form that draws itself, no mask: the walk ends */
    "<< /Type /Page /Parent 2 0 R /Resources << /XObject << /F1 12 0 R >> >> >>",
    /* 8: a luminosity mask in an annotation's appearance */
    "<< /Type /Page /Parent 2 0 R /Annots [ << /Type /Annot /Subtype /Square"
    " /Rect [0 0 10 10] /AP << /N 13 0 R >> >> ] >>",
    /* 9: a mask named /None */
    "<< /Type /Page /Parent 2 0 R /Resources << /ExtGState << /G0 << /SMask /None >> >> >> >>",
    /* 10: a mask's group */
    "<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Group << /S /Transparency >>"
    " /Length 0 >>\nstream\n\nendstream",
    /* 11 */
    "<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /ExtGState << /G0"
    " << /SMask << /Type /Mask /S /Alpha /G 10 0 R /TR 14 0 R >> >> >> >> /Length 0 >>"
    "\nstream\n\nendstream",
    /* 12 */
    "<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject"
    " << /F1 12 0 R >> >> /Length 0 >>\nstream\n\nendstream",
    /* 13 */
    "<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /ExtGState << /G0"
    " << /SMask << /Type /Mask /S /Luminosity /G 10 0 R >> >> >> >> /Length 0 >>"
    "\nstream\n\nendstream",
    /* 14: a transfer function */
    "<< /FunctionType 2 /Domain [0 1] /C0 [1] /C1 [0] /N 1 >>",
  };
  const gboolean   expected[] = { FALSE, TRUE, FALSE, TRUE, FALSE, TRUE, FALSE };
  g_autofree char *path = eyl_fixture_raw_pdf ("masks.pdf", objects, G_N_ELEMENTS (objects));
  g_autoptr(GError) error = NULL;
  g_autoptr(EylPdfBoxReader) reader = eyl_pdf_box_reader_open (path, NULL, &error);
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (int));
  gboolean has = FALSE;

  g_assert_no_error (error);
  g_assert_cmpuint (eyl_pdf_box_reader_get_n_pages (reader), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_test_message ("page %u", i + 1);
      g_assert_true (eyl_pdf_box_reader_has_clip_masks (reader, i, &has));
      g_assert_cmpint (has, ==, expected[i]);
    }
  g_assert_false (eyl_pdf_box_reader_has_clip_masks (reader, G_N_ELEMENTS (expected), &has));
  /* A page without resources has no images, and that is known. */
  g_assert_true (eyl_pdf_box_reader_get_image_sizes (reader, 5, sizes));
  g_assert_cmpuint (sizes->len, ==, 0);
}

static void
test_encrypted (void)
{
  EylFixturePage   page = { .width_pt = 300, .height_pt = 300, .trim_box = { 10, 10, 290, 290 } };
  EylFixtureText   text = { 20, 40, 12, "Secret", 0 };
  g_autofree char *plain = eyl_fixture_pdf ("plain-for-boxes.pdf", &page, &text, 1);
  g_autofree char *locked = eyl_fixture_encrypt (plain, "locked-boxes.pdf", "s3cret");
  g_autoptr(GError) error = NULL;
  g_autoptr(EylPdfBoxReader) reader = NULL;
  EylPageBoxes boxes;

  reader = eyl_pdf_box_reader_open (locked, NULL, &error);
  g_assert_error (error, EYL_ERROR, EYL_ERROR_ENCRYPTED);
  g_assert_null (reader);
  g_clear_error (&error);

  reader = eyl_pdf_box_reader_open (locked, "nope", &error);
  g_assert_error (error, EYL_ERROR, EYL_ERROR_WRONG_PASSWORD);
  g_assert_null (reader);
  g_clear_error (&error);

  reader = eyl_pdf_box_reader_open (locked, "s3cret", &error);
  g_assert_no_error (error);
  g_assert_true (eyl_pdf_box_reader_get_boxes (reader, 0, &boxes));
  assert_rect (&boxes.trim, 10, 10, 290, 290);
}

static void
test_not_pdf (void)
{
  static const char html[] = "<!DOCTYPE html><html><body>hi</body></html>";
  g_autofree char  *path = eyl_fixture_bytes ("page.html", html, sizeof html - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(EylPdfBoxReader) reader = eyl_pdf_box_reader_open (path, NULL, &error);

  g_assert_error (error, EYL_ERROR, EYL_ERROR_INVALID);
  g_assert_null (reader);
  g_clear_error (&error);

  g_clear_pointer (&path, g_free);
  path = g_build_filename (eyl_fixture_dir (), "missing.pdf", NULL);
  reader = eyl_pdf_box_reader_open (path, NULL, &error);
  g_assert_nonnull (error);
  g_assert_null (reader);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eyl/page-boxes/plain", test_plain);
  g_test_add_func ("/eyl/page-boxes/crop-offset", test_crop_offset);
  g_test_add_func ("/eyl/page-boxes/trim-bleed", test_trim_bleed);
  g_test_add_func ("/eyl/page-boxes/rotate-90", test_rotate_90);
  g_test_add_func ("/eyl/page-boxes/rotate-180-270", test_rotate_180_270);
  g_test_add_func ("/eyl/page-boxes/user-unit", test_user_unit);
  g_test_add_func ("/eyl/page-boxes/inherited", test_inherited);
  g_test_add_func ("/eyl/page-boxes/clip-masks", test_clip_masks);
  g_test_add_func ("/eyl/page-boxes/encrypted", test_encrypted);
  g_test_add_func ("/eyl/page-boxes/not-pdf", test_not_pdf);

  return g_test_run ();
}
