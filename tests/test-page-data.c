/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "eyl-page-data.h"

static void
test_equal_share (void)
{
  g_autoptr(EylPageData) page = NULL;
  EylPageDataBuilder *b = eyl_page_data_builder_new (3, 200, 100);
  EylRect             box = { 10, 20, 50, 32 };
  const EylGlyph     *g;
  const EylTextRun   *run;

  eyl_page_data_builder_add_text (b, "Café", &box, NULL, "DejaVu Sans", 12, 0x112233);
  page = eyl_page_data_builder_end (b);

  g_assert_cmpint (page->index, ==, 3);
  g_assert_cmpstr (page->text, ==, "Café");
  g_assert_cmpint (page->glyphs->len, ==, 4);
  /* four characters share 40 pt: 10 pt each */
  g = &g_array_index (page->glyphs, EylGlyph, 3);
  g_assert_cmpuint (g->ch, ==, 0xe9);
  g_assert_cmpfloat_with_epsilon (g->box.x0, 40, 1e-9);
  g_assert_cmpfloat_with_epsilon (g->box.x1, 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (g->box.y0, 20, 1e-9);

  g_assert_cmpint (page->runs->len, ==, 1);
  run = &g_array_index (page->runs, EylTextRun, 0);
  g_assert_cmpstr (run->font_name, ==, "DejaVu Sans");
  g_assert_cmpuint (run->color, ==, 0x112233);
  g_assert_cmpint (run->start, ==, 0);
  g_assert_cmpint (run->end, ==, 4);
}

static void
test_dup_text_utf8 (void)
{
  g_autoptr(EylPageData) page = NULL;
  EylPageDataBuilder *b = eyl_page_data_builder_new (0, 200, 100);
  EylRect             box = { 0, 0, 60, 10 };
  g_autofree char    *mid = NULL;
  g_autofree char    *all = NULL;
  g_autofree char    *none = NULL;

  eyl_page_data_builder_add_text (b, "Grüße €5", &box, NULL, "Sans", 10, 0);
  page = eyl_page_data_builder_end (b);

  mid = eyl_page_data_dup_text (page, 2, 5);
  g_assert_cmpstr (mid, ==, "üße");
  all = eyl_page_data_dup_text (page, 0, 1000);
  g_assert_cmpstr (all, ==, "Grüße €5");
  none = eyl_page_data_dup_text (page, 4, 4);
  g_assert_cmpstr (none, ==, "");
}

/* The text to match on: ligatures spelt out, soft hyphens and unknown
 * glyphs handled, and every byte still tells its glyph. */
static void
test_match_text (void)
{
  g_autoptr(EylPageData) page = NULL;
  EylPageDataBuilder *b = eyl_page_data_builder_new (0, 400, 100);
  EylRect             box = { 0, 0, 300, 10 };
  g_autofree char    *plain = NULL;
  g_autofree char    *seen = NULL;
  g_autofree char    *garbled = NULL;
  g_autofree guint   *map = NULL;
  g_autofree guint   *garbled_map = NULL;

  /* glyphs: o \ufb03 c e \u00ad x _ y \u200b z \u00ad | 1 \ufffd \ue000 */
  eyl_page_data_builder_add_text (b, "o"
                                     "\xef\xac\x83"
                                     "ce"
                                     "\xc2\xad"
                                     "x_y"
                                     "\xe2\x80\x8b"
                                     "z"
                                     "\xc2\xad"
                                     "\n"
                                     "1"
                                     "\xef\xbf\xbd"
                                     "\xee\x80\x80",
                                  &box, NULL, "Sans", 10, 0);
  page = eyl_page_data_builder_end (b);
  g_assert_cmpuint (page->glyphs->len, ==, 15);

  plain = eyl_page_data_dup_match_text (page, 0, 11, EYL_MATCH_TEXT_DEFAULT, &map);
  g_assert_cmpstr (plain, ==, "officex_yz");
  /* "o" glyph 0, "ffi" all glyph 1, "c" 2, "e" 3, "x" 5 (4 dropped) … */
  g_assert_cmpuint (map[0], ==, 0);
  g_assert_cmpuint (map[1], ==, 1);
  g_assert_cmpuint (map[3], ==, 1);
  g_assert_cmpuint (map[4], ==, 2);
  g_assert_cmpuint (map[6], ==, 5);
  g_assert_cmpuint (map[9], ==, 9);
  g_assert_cmpuint (map[10], ==, 11);

  /* A soft hyphen inside the range is a drawn hyphen; the last one is a
   * line break and goes. */
  seen = eyl_page_data_dup_match_text (page, 0, 11, EYL_MATCH_TEXT_SOFT_HYPHEN_SEEN, NULL);
  g_assert_cmpstr (seen, ==, "office-x_yz");

  /* Glyphs without a meaning become spaces, one per glyph. */
  garbled = eyl_page_data_dup_match_text (page, 12, 15, EYL_MATCH_TEXT_DEFAULT, &garbled_map);
  g_assert_cmpstr (garbled, ==, "1  ");
  g_assert_cmpuint (garbled_map[2], ==, 14);
  g_assert_cmpuint (garbled_map[3], ==, 15);
}

/* A line whose glyphs mostly have no Unicode meaning is left to the OCR
 * stage; a few garbled digits in a URL are not. */
static void
test_garbled_lines (void)
{
  g_autoptr(EylPageData) page = NULL;
  EylPageDataBuilder *b = eyl_page_data_builder_new (0, 400, 100);
  EylRect             box = { 0, 0, 300, 10 };

  eyl_page_data_builder_add_text (b, "\xee\x80\x81\xee\x80\x82\xee\x80\x83 ab\n"
                                     "https://releases.ubuntu.com/"
                                     "\xef\xbf\xbd\xef\xbf\xbd.\xef\xbf\xbd\xef\xbf\xbd",
                                  &box, NULL, "Sans", 10, 0);
  page = eyl_page_data_builder_end (b);
  g_assert_cmpuint (page->lines->len, ==, 2);
  g_assert_true (g_array_index (page->lines, EylTextLine, 0).garbled);
  g_assert_false (g_array_index (page->lines, EylTextLine, 1).garbled);
}

static void
test_lines_newline (void)
{
  g_autoptr(EylPageData) page = NULL;
  EylPageDataBuilder *b = eyl_page_data_builder_new (0, 300, 300);
  EylRect             box = { 10, 10, 100, 22 };
  const EylTextLine  *l0, *l1;
  g_autofree char    *t1 = NULL;

  /* one run with a line break in it: same box, so only '\n' splits */
  eyl_page_data_builder_add_text (b, "Hello\nWorld", &box, NULL, "Sans", 12, 0xff0000);
  page = eyl_page_data_builder_end (b);

  g_assert_cmpint (page->lines->len, ==, 2);
  l0 = &g_array_index (page->lines, EylTextLine, 0);
  l1 = &g_array_index (page->lines, EylTextLine, 1);
  g_assert_cmpint (l0->start, ==, 0);
  g_assert_cmpint (l0->end, ==, 5);
  g_assert_cmpint (l1->start, ==, 6);
  g_assert_cmpint (l1->end, ==, 11);
  t1 = eyl_page_data_dup_text (page, l1->start, l1->end);
  g_assert_cmpstr (t1, ==, "World");
  g_assert_cmpuint (g_array_index (page->glyphs, EylGlyph, 5).line, ==, G_MAXUINT);
  g_assert_cmpuint (g_array_index (page->glyphs, EylGlyph, 7).line, ==, 1);

  /* not measured: the estimates from the font size */
  g_assert_false (l0->measured);
  g_assert_cmpfloat_with_epsilon (l0->cap_height, 0.7 * 12, 1e-9);
  g_assert_cmpfloat_with_epsilon (l0->x_height, 0.5 * 12, 1e-9);
  g_assert_cmpfloat_with_epsilon (l0->font_size, 12, 1e-9);
  g_assert_cmpuint (l0->color, ==, 0xff0000);
}

static void
test_lines_baseline_jump (void)
{
  g_autoptr(EylPageData) page = NULL;
  EylPageDataBuilder *b = eyl_page_data_builder_new (0, 300, 300);
  EylRect             first = { 10, 10, 100, 22 };
  EylRect             back = { 100, 6, 106, 14 };   /* back up near the top */
  EylRect             small = { 106, 13, 120, 22 }; /* a smaller word on the same baseline */
  EylRect             next = { 10, 30, 100, 42 };   /* the next line, 20 pt lower */
  const EylTextLine  *l0;

  eyl_page_data_builder_add_text (b, "Tea for", &first, NULL, "Sans", 12, 0);
  eyl_page_data_builder_add_text (b, " tiny", &small, NULL, "Sans", 8, 0x00ff00);
  eyl_page_data_builder_add_text (b, "Next line", &next, NULL, "Sans", 12, 0);
  /* text that jumps 28 pt up without a '\n' starts a new line */
  eyl_page_data_builder_add_text (b, "2", &back, NULL, "Sans", 6, 0);
  page = eyl_page_data_builder_end (b);

  g_assert_cmpint (page->lines->len, ==, 3);
  l0 = &g_array_index (page->lines, EylTextLine, 0);
  /* "Tea for tiny": one line, the dominant run is the 12 pt one */
  g_assert_cmpint (l0->end - l0->start, ==, 12);
  g_assert_cmpfloat_with_epsilon (l0->font_size, 12, 1e-9);
  g_assert_cmpfloat_with_epsilon (l0->box.x0, 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (l0->box.x1, 120, 1e-9);
  g_assert_cmpfloat_with_epsilon (l0->box.y1, 22, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (page->lines, EylTextLine, 1).box.y0, 30, 1e-9);
}

static void
test_line_metrics (void)
{
  g_autoptr(EylPageData) page = NULL;
  EylPageDataBuilder *b = eyl_page_data_builder_new (0, 300, 300);
  EylRect             a = { 10, 10, 100, 22 };
  EylRect             c = { 10, 40, 100, 52 };
  EylRect             d = { 10, 70, 100, 82 };
  const EylTextLine  *lines;
  guint               n = 0;

  eyl_page_data_builder_add_text (b, "First", &a, NULL, "Sans", 12, 0);
  eyl_page_data_builder_add_text (b, "Second", &c, NULL, "Sans", 12, 0);
  eyl_page_data_builder_add_text (b, "third", &d, NULL, "Sans", 12, 0);
  lines = eyl_page_data_builder_get_lines (b, &n);
  g_assert_cmpint (n, ==, 3);
  g_assert_cmpint (lines[1].start, ==, 5);

  eyl_page_data_builder_set_line_metrics (b, 0, 8.75, 6.5);
  eyl_page_data_builder_set_line_metrics (b, 2, 0, 7.0);
  eyl_page_data_builder_set_line_metrics (b, 17, 1, 1); /* ignored */
  page = eyl_page_data_builder_end (b);

  lines = (const EylTextLine *) (gpointer) page->lines->data;
  g_assert_true (lines[0].measured);
  g_assert_cmpfloat_with_epsilon (lines[0].cap_height, 8.75, 1e-9);
  g_assert_cmpfloat_with_epsilon (lines[0].x_height, 6.5, 1e-9);
  g_assert_false (lines[1].measured);
  g_assert_cmpfloat_with_epsilon (lines[1].cap_height, 8.4, 1e-9);
  /* only the x-height measured: the cap height follows by 0.7 / 0.5 */
  g_assert_true (lines[2].measured);
  g_assert_cmpfloat_with_epsilon (lines[2].x_height, 7.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (lines[2].cap_height, 9.8, 1e-9);
}

static void
test_glyph_boxes (void)
{
  g_autoptr(EylPageData) page = NULL;
  EylPageDataBuilder *b = eyl_page_data_builder_new (0, 300, 300);
  EylRect             boxes[] = {
                { 10, 10, 15, 20 },
                { 15, 10, 18, 20 },
                { 0, 0, 0, 0 },
                { 30, 12, 40, 22 },
  };
  EylRect u;

  eyl_page_data_builder_add_text (b, "ab c", NULL, boxes, "Sans", 10, 0);
  page = eyl_page_data_builder_end (b);

  g_assert_cmpfloat (g_array_index (page->glyphs, EylGlyph, 1).box.x1, ==, 18);
  /* the empty box of the space is skipped in the union */
  u = eyl_page_data_glyph_box (page, 0, 4);
  g_assert_cmpfloat (u.x0, ==, 10);
  g_assert_cmpfloat (u.y0, ==, 10);
  g_assert_cmpfloat (u.x1, ==, 40);
  g_assert_cmpfloat (u.y1, ==, 22);
}

static void
test_images_links_warnings (void)
{
  g_autoptr(EylPageData) page = NULL;
  EylPageDataBuilder *b = eyl_page_data_builder_new (0, 600, 800);
  EylRect             img = { 0, 0, 144, 72 }; /* 2 × 1 in */
  EylRect             link = { 5, 5, 50, 20 };
  const EylImageInfo *info;

  eyl_page_data_builder_add_image (b, &img, 600, 150);
  eyl_page_data_builder_add_link (b, &link, "https://example.org/");
  eyl_page_data_builder_add_warning (b, "something odd");
  page = eyl_page_data_builder_end (b);

  info = &g_array_index (page->images, EylImageInfo, 0);
  g_assert_cmpfloat_with_epsilon (info->ppi_x, 300, 1e-9);
  g_assert_cmpfloat_with_epsilon (info->ppi_y, 150, 1e-9);
  g_assert_cmpstr (g_array_index (page->links, EylLinkInfo, 0).uri, ==, "https://example.org/");
  g_assert_cmpint (page->warnings->len, ==, 1);
  g_assert_cmpstr (page->warnings->pdata[0], ==, "something odd");
  g_assert_cmpint (page->lines->len, ==, 0);
  g_assert_cmpstr (page->text, ==, "");
}

static void
test_visible (void)
{
  g_autoptr(EylPageData) plain = NULL;
  g_autoptr(EylPageData) trimmed = NULL;
  EylPageDataBuilder *b;
  EylPageBoxes        boxes = {
           0,
  };
  double w, h;

  b = eyl_page_data_builder_new (0, 595, 842);
  plain = eyl_page_data_builder_end (b);
  g_assert_cmpfloat (plain->visible.x1, ==, 595);
  g_assert_cmpfloat (plain->boxes.user_unit, ==, 1.0);
  eyl_page_data_visible_size (plain, &w, &h);
  g_assert_cmpfloat (h, ==, 842);

  b = eyl_page_data_builder_new (0, 620, 867);
  boxes.media = boxes.crop = (EylRect) { 0, 0, 620, 867 };
  boxes.bleed = (EylRect) { 3.5, 3.5, 616.5, 863.5 };
  boxes.trim = (EylRect) { 12.5, 12.5, 607.5, 854.5 };
  boxes.has_trim = boxes.has_bleed = TRUE;
  boxes.user_unit = 10;
  eyl_page_data_builder_set_boxes (b, &boxes);
  trimmed = eyl_page_data_builder_end (b);
  /* trim wins over crop; UserUnit multiplies */
  g_assert_cmpfloat (trimmed->visible.x0, ==, 12.5);
  eyl_page_data_visible_size (trimmed, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 5950, 1e-9);
  g_assert_cmpfloat_with_epsilon (h, 8420, 1e-9);
}

static void
test_boxed_refcount (void)
{
  EylPageData *page = eyl_page_data_builder_end (eyl_page_data_builder_new (0, 10, 10));
  EylPageData *copy;

  g_assert_true (G_TYPE_IS_BOXED (EYL_TYPE_PAGE_DATA));
  copy = g_boxed_copy (EYL_TYPE_PAGE_DATA, page);
  g_assert_true (copy == page);
  g_boxed_free (EYL_TYPE_PAGE_DATA, copy);
  eyl_page_data_unref (page);

  /* a builder given up without end() frees everything */
  {
    EylPageDataBuilder *b = eyl_page_data_builder_new (0, 10, 10);
    EylRect             box = { 0, 0, 5, 5 };

    eyl_page_data_builder_add_text (b, "x", &box, NULL, "Sans", 5, 0);
    eyl_page_data_builder_add_link (b, &box, "mailto:a@b.example");
    eyl_page_data_builder_free (b);
  }
}

/* A text layer made again from its parts (the worker channel's): the
 * same text and lines; parts that point outside each other are refused. */
static GArray *
copy_array (GArray *array)
{
  GArray *copy = g_array_sized_new (FALSE, FALSE, g_array_get_element_size (array), array->len);

  g_array_append_vals (copy, array->data, array->len);
  return copy;
}

static GArray *
copy_runs (const EylPageData *page)
{
  GArray *runs = copy_array (page->runs);

  for (guint i = 0; i < runs->len; i++)
    g_array_index (runs, EylTextRun, i).font_name =
        g_strdup (g_array_index (page->runs, EylTextRun, i).font_name);
  return runs;
}

static void
test_from_text_layer (void)
{
  g_autoptr(EylPageData) page = NULL;
  g_autoptr(EylPageData) again = NULL;
  EylPageDataBuilder *b = eyl_page_data_builder_new (2, 200, 100);
  EylRect             first = { 10, 20, 90, 32 }, second = { 10, 40, 60, 52 };
  GArray             *glyphs;
  g_autofree char    *text = NULL;

  eyl_page_data_builder_add_text (b, "Northwind\n", &first, NULL, "DejaVu Sans", 12, 0x112233);
  eyl_page_data_builder_add_text (b, "Tea", &second, NULL, "DejaVu Serif", 10, 0x445566);
  page = eyl_page_data_builder_end (b);

  again = eyl_page_data_new_from_text_layer (page->index, page->width, page->height, &page->visible,
                                             copy_array (page->glyphs), copy_runs (page),
                                             copy_array (page->lines));
  g_assert_nonnull (again);
  g_assert_cmpstr (again->text, ==, page->text);
  g_assert_cmpuint (again->lines->len, ==, 2);
  text = eyl_page_data_dup_text (again, g_array_index (again->lines, EylTextLine, 1).start,
                                 g_array_index (again->lines, EylTextLine, 1).end);
  g_assert_cmpstr (text, ==, "Tea");
  g_assert_cmpstr (g_array_index (again->runs, EylTextRun, 1).font_name, ==, "DejaVu Serif");

  /* A glyph of a run that is not there, a line past the glyphs. */
  glyphs = copy_array (page->glyphs);
  g_array_index (glyphs, EylGlyph, 0).run = 7;
  g_assert_null (eyl_page_data_new_from_text_layer (0, 200, 100, &page->visible, glyphs,
                                                    copy_runs (page), copy_array (page->lines)));
  {
    GArray *lines = copy_array (page->lines);

    g_array_index (lines, EylTextLine, 1).end = page->glyphs->len + 1;
    g_assert_null (eyl_page_data_new_from_text_layer (0, 200, 100, &page->visible,
                                                      copy_array (page->glyphs), copy_runs (page),
                                                      lines));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eyl/page-data/equal-share", test_equal_share);
  g_test_add_func ("/eyl/page-data/dup-text-utf8", test_dup_text_utf8);
  g_test_add_func ("/eyl/page-data/match-text", test_match_text);
  g_test_add_func ("/eyl/page-data/garbled-lines", test_garbled_lines);
  g_test_add_func ("/eyl/page-data/lines-newline", test_lines_newline);
  g_test_add_func ("/eyl/page-data/lines-baseline-jump", test_lines_baseline_jump);
  g_test_add_func ("/eyl/page-data/line-metrics", test_line_metrics);
  g_test_add_func ("/eyl/page-data/glyph-boxes", test_glyph_boxes);
  g_test_add_func ("/eyl/page-data/images-links-warnings", test_images_links_warnings);
  g_test_add_func ("/eyl/page-data/visible", test_visible);
  g_test_add_func ("/eyl/page-data/boxed-refcount", test_boxed_refcount);
  g_test_add_func ("/eyl/page-data/from-text-layer", test_from_text_layer);

  return g_test_run ();
}
