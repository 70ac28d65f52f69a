/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The walk-up view on generated artwork whose answer is known: the size a
 * piece subtends, detail finer than an arc-minute gone, what the table
 * hides greyed and which text can be read from where. */
#include "config.h"

#include <glib.h>
#include <math.h>

#include "eyl-error.h"
#include "eyl-options.h"
#include "eyl-rules.h"
#include "eyl-walkup.h"

/* A 200 × 400 mm piece made at 1:1 on a wall, its bottom @bottom_mm
 * above the floor (page space in pt). */
typedef struct
{
  EylPlacement *placement;
  EylPageFrame  frame;
} Scene;

static void
scene_init (Scene *s,
            double bottom_mm,
            double table_mm)
{
  EylRect visible = { 0, 0, 200 / EYL_MM_PER_PT, 400 / EYL_MM_PER_PT };

  s->placement = eyl_placement_new ("test-wall", EYL_PLACEMENT_POSTER);
  s->placement->bottom_mm = bottom_mm;
  s->placement->distance_m = 2;
  s->placement->table_height_mm = table_mm;
  s->placement->table_gap_mm = 0;
  s->placement->eye_min_mm = 1405;
  s->placement->eye_max_mm = 1825;
  eyl_page_frame_init (&s->frame, &visible, 200, 400, s->placement);
}

static void
test_distances (void)
{
  Scene  s;
  double d[EYL_WALKUP_MAX_VIEWS];

  scene_init (&s, 1000, 0);
  g_assert_cmpuint (eyl_walkup_distances (s.placement, d), ==, 3);
  g_assert_cmpfloat (d[0], ==, 8);
  g_assert_cmpfloat (d[2], ==, 2);
  /* A leaflet is also seen in the hand. */
  s.placement->hand_distance_m = 0.4;
  g_assert_cmpuint (eyl_walkup_distances (s.placement, d), ==, 4);
  g_assert_cmpfloat (d[3], ==, 0.4);
  eyl_placement_unref (s.placement);
}

/* Vertical stripes of @period_mm on the 200 × 400 mm artwork at 10 px/mm. */
static cairo_surface_t *
stripes (double period_mm)
{
  cairo_surface_t *art = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 2000, 4000);
  cairo_t         *cr = cairo_create (art);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (double x = 0; x < 200; x += period_mm)
    cairo_rectangle (cr, x * 10, 0, period_mm * 5, 4000);
  cairo_fill (cr);
  cairo_destroy (cr);
  return art;
}

/* Spread of the grey values along the middle row of @view. */
static int
row_contrast (cairo_surface_t *view)
{
  int           w = cairo_image_surface_get_width (view), h = cairo_image_surface_get_height (view);
  const guint8 *row;
  int           lo = 255, hi = 0;

  cairo_surface_flush (view);
  row = cairo_image_surface_get_data (view) + (gsize) (h / 2) * cairo_image_surface_get_stride (view);
  for (int x = w / 4; x < 3 * w / 4; x++)
    {
      int g = row[4 * x + 1];

      lo = MIN (lo, g);
      hi = MAX (hi, g);
    }
  return hi - lo;
}

/* At 4 m an arc-minute is 1.16 mm: 1 mm stripes blur to grey, 40 mm
 * stripes stay black and white.  The view of 200 mm at 4 m subtends
 * 2·atan(0.1 / 4) = 2.864°: 344 px at 120 px per degree. */
static void
test_acuity (void)
{
  Scene            s;
  cairo_surface_t *fine = stripes (1), *coarse = stripes (40);
  cairo_surface_t *v_fine, *v_coarse;

  scene_init (&s, 1000, 0);
  v_fine = eyl_walkup_view (fine, &s.frame, s.placement, NULL, EYL_LEGIBILITY_1_200, 4,
                            EYL_WALKUP_ACUITY_ARCMIN, 120);
  v_coarse = eyl_walkup_view (coarse, &s.frame, s.placement, NULL, EYL_LEGIBILITY_1_200, 4,
                              EYL_WALKUP_ACUITY_ARCMIN, 120);
  g_assert_cmpint (cairo_image_surface_get_width (v_fine), ==, 344);
  g_assert_cmpint (cairo_image_surface_get_height (v_fine), ==, 687);
  g_assert_cmpint (row_contrast (v_fine), <, 40);
  g_assert_cmpint (row_contrast (v_coarse), >, 200);
  /* Weaker eyes (3 arc-minutes) lose 3 mm stripes too. */
  {
    cairo_surface_t *mid = stripes (3);
    cairo_surface_t *sharp = eyl_walkup_view (mid, &s.frame, s.placement, NULL,
                                              EYL_LEGIBILITY_1_200, 4, 1, 120);
    cairo_surface_t *weak = eyl_walkup_view (mid, &s.frame, s.placement, NULL,
                                             EYL_LEGIBILITY_1_200, 4, 3, 120);

    g_assert_cmpint (row_contrast (sharp), >, row_contrast (weak) + 60);
    cairo_surface_destroy (sharp);
    cairo_surface_destroy (weak);
    cairo_surface_destroy (mid);
  }
  cairo_surface_destroy (v_fine);
  cairo_surface_destroy (v_coarse);
  cairo_surface_destroy (fine);
  cairo_surface_destroy (coarse);
  eyl_placement_unref (s.placement);
}

/* A headline with 30 mm capitals: 1:200 reads it up to 6 m.  A contact
 * with 8 mm capitals: up to 1.6 m.  Behind a 1100 mm table (the piece
 * stands on the floor against it, no gap) the contact low down is
 * hidden, and greyed in the view. */
static void
test_legible_and_hidden (void)
{
  Scene s;
  g_autoptr(EylElement) headline = NULL;
  g_autoptr(EylElement) contact = NULL;
  g_autoptr(GPtrArray) elements = g_ptr_array_new ();
  cairo_surface_t *art = stripes (200); /* black left half, white right half */
  cairo_surface_t *view;
  EylRect          box = { 0, 0, 10, 10 };
  const guint8    *data;
  int              h, stride;

  scene_init (&s, 800, 1100);
  headline = eyl_element_new (EYL_ELEMENT_HEADLINE, EYL_SOURCE_TEXT, "Fresh tea", &box, 1);
  headline->cap_height_mm = 30;
  headline->floor_bottom_mm = 1100;
  headline->floor_top_mm = 1140;
  contact = eyl_element_new (EYL_ELEMENT_URL, EYL_SOURCE_TEXT, "tea.example", &box, 1);
  contact->cap_height_mm = 8;
  contact->floor_bottom_mm = 850;
  contact->floor_top_mm = 860;

  g_assert_true (eyl_walkup_legible (headline, &s.frame, s.placement, EYL_LEGIBILITY_1_200, 4));
  g_assert_false (eyl_walkup_legible (headline, &s.frame, s.placement, EYL_LEGIBILITY_1_200, 8));
  g_assert_false (eyl_walkup_legible (contact, &s.frame, s.placement, EYL_LEGIBILITY_1_200, 1));
  /* Without the table it reads from 1 m, not from 2 m. */
  s.placement->table_height_mm = 0;
  g_assert_true (eyl_walkup_legible (contact, &s.frame, s.placement, EYL_LEGIBILITY_1_200, 1));
  g_assert_false (eyl_walkup_legible (contact, &s.frame, s.placement, EYL_LEGIBILITY_1_200, 2));
  s.placement->table_height_mm = 1100;

  /* The part below the table top (800 … 1100 mm: the lower 300 of 400
   * mm) is grey, the top white. */
  g_ptr_array_add (elements, headline);
  view = eyl_walkup_view (art, &s.frame, s.placement, elements, EYL_LEGIBILITY_1_200, 2,
                          EYL_WALKUP_ACUITY_ARCMIN, 60);
  cairo_surface_flush (view);
  data = cairo_image_surface_get_data (view);
  stride = cairo_image_surface_get_stride (view);
  h = cairo_image_surface_get_height (view);
  {
    int     x = cairo_image_surface_get_width (view) * 3 / 4;
    guint32 top = *(const guint32 *) (data + (gsize) (h / 8) * stride + 4 * x) & 0xffffff;
    guint32 low = *(const guint32 *) (data + (gsize) (h * 7 / 8) * stride + 4 * x) & 0xffffff;

    g_assert_cmphex (top, ==, 0xffffff);
    g_assert_cmpint (low & 0xff, <, 0xa0);
    g_assert_cmpint (low & 0xff, >, 0x50);
  }
  cairo_surface_destroy (view);
  cairo_surface_destroy (art);
  eyl_placement_unref (s.placement);
}

/* The strip holds one view per distance, the nearest the tallest. */
static void
test_strip (void)
{
  Scene            s;
  cairo_surface_t *art = stripes (40);
  cairo_surface_t *strip;

  scene_init (&s, 1000, 0);
  strip = eyl_walkup_strip (art, &s.frame, s.placement, NULL, EYL_LEGIBILITY_1_200,
                            EYL_WALKUP_ACUITY_ARCMIN, 300);
  g_assert_nonnull (strip);
  /* 300 px of view, two paddings and the label under it. */
  g_assert_cmpint (cairo_image_surface_get_height (strip), >=, 300 + 2 * 16 + 44);
  g_assert_cmpint (cairo_image_surface_get_width (strip), >, 3 * 150);
  cairo_surface_destroy (strip);
  cairo_surface_destroy (art);
  eyl_placement_unref (s.placement);
}

/* A viewer acuity of 20/40 (decimal 0.5): typed as a Snellen fraction
 * or a decimal; it halves the distance text can be read from, so the
 * walk-up view and text-too-small ask for twice the size, and the view
 * blurs as normal eyes do at 2 arc-minutes. */
static void
test_weaker_eyesight (void)
{
  const EylOption      *acuity = eyl_option_lookup ("acuity");
  const char           *bad[] = { "20/0", "20/", "/40", "abc", "20/1000", "3", "0", "20/40/2" };
  EylPlacementOverrides o;
  Scene                 s;
  g_autoptr(EylElement) headline = NULL;
  g_autoptr(EylPlacement) weak = NULL;
  g_autoptr(GPtrArray) elements = g_ptr_array_new ();
  g_autoptr(GPtrArray) findings = NULL;
  EylRuleContext    ctx = { 0 };
  EylRect           box = { 0, 0, 10, 10 };
  const EylFinding *small = NULL;

  g_assert_nonnull (acuity);
  eyl_placement_overrides_init (&o);
  g_assert_true (eyl_option_parse (acuity, "20/40", &o, NULL));
  g_assert_cmpfloat_with_epsilon (o.acuity, 0.5, 1e-12);
  g_assert_true (eyl_option_parse (acuity, " 6/12 ", &o, NULL));
  g_assert_cmpfloat_with_epsilon (o.acuity, 0.5, 1e-12);
  g_assert_true (eyl_option_parse (acuity, "0.8", &o, NULL));
  g_assert_cmpfloat_with_epsilon (o.acuity, 0.8, 1e-12);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (eyl_option_parse (acuity, bad[i], &o, &error));
      g_assert_error (error, EYL_ERROR, EYL_ERROR_INVALID);
    }
  g_assert_cmpfloat_with_epsilon (o.acuity, 0.8, 1e-12);

  /* 30 mm capitals: 1:200 reads them up to 6 m with normal eyes, up to
   * 3 m at 20/40. */
  scene_init (&s, 1000, 0);
  g_assert_cmpfloat (s.placement->acuity, ==, 1.0);
  headline = eyl_element_new (EYL_ELEMENT_HEADLINE, EYL_SOURCE_TEXT, "Fresh tea", &box, 1);
  headline->cap_height_mm = 30;
  headline->floor_bottom_mm = 1300;
  headline->floor_top_mm = 1340;
  g_assert_true (eyl_walkup_legible (headline, &s.frame, s.placement, EYL_LEGIBILITY_1_200, 4));
  g_assert_true (eyl_option_parse (acuity, "20/40", &o, NULL));
  weak = eyl_placement_apply_overrides (s.placement, &o);
  g_assert_cmpfloat (weak->acuity, ==, 0.5);
  g_assert_false (eyl_walkup_legible (headline, &s.frame, weak, EYL_LEGIBILITY_1_200, 4));
  g_assert_true (eyl_walkup_legible (headline, &s.frame, weak, EYL_LEGIBILITY_1_200, 3));

  /* The view at 20/40 with 1′ is the view of normal eyes with 2′. */
  {
    cairo_surface_t *mid = stripes (3);
    cairo_surface_t *a = eyl_walkup_view (mid, &s.frame, weak, NULL, EYL_LEGIBILITY_1_200, 4,
                                          EYL_WALKUP_ACUITY_ARCMIN, 120);
    cairo_surface_t *b = eyl_walkup_view (mid, &s.frame, s.placement, NULL, EYL_LEGIBILITY_1_200,
                                          4, 2 * EYL_WALKUP_ACUITY_ARCMIN, 120);
    cairo_surface_t *c = eyl_walkup_view (mid, &s.frame, s.placement, NULL, EYL_LEGIBILITY_1_200,
                                          4, EYL_WALKUP_ACUITY_ARCMIN, 120);

    g_assert_cmpint (row_contrast (a), ==, row_contrast (b));
    g_assert_cmpint (row_contrast (c), >, row_contrast (a) + 30);
    cairo_surface_destroy (a);
    cairo_surface_destroy (b);
    cairo_surface_destroy (c);
    cairo_surface_destroy (mid);
  }

  /* text-too-small at 2 m: 1:200 asks for 10 mm, 20 mm at 20/40. */
  headline->cap_height_mm = 15;
  g_ptr_array_add (elements, headline);
  ctx.placement = s.placement;
  ctx.frame = &s.frame;
  ctx.elements = elements;
  ctx.legibility = EYL_LEGIBILITY_1_200;
  findings = eyl_rules_run (&ctx);
  for (guint i = 0; i < findings->len; i++)
    g_assert_cmpstr (((EylFinding *) g_ptr_array_index (findings, i))->rule, !=, "text-too-small");
  g_clear_pointer (&findings, g_ptr_array_unref);
  ctx.placement = weak;
  findings = eyl_rules_run (&ctx);
  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (((EylFinding *) g_ptr_array_index (findings, i))->rule, "text-too-small"))
      small = g_ptr_array_index (findings, i);
  g_assert_nonnull (small);
  g_assert_nonnull (strstr (small->message, "20.0 mm"));
  g_assert_nonnull (strstr (small->message, "20/40"));
  eyl_placement_unref (s.placement);
}

/* A 850 × 2000 mm roll-up standing on the floor with nothing in front
 * and no cassette or rail: @crowd_mm tall people 1.5 m in front hide
 * its foot from 5 m on (0: no crowd). */
static void
banner_init (Scene *s,
             double crowd_mm)
{
  EylRect visible = { 0, 0, 850 / EYL_MM_PER_PT, 2000 / EYL_MM_PER_PT };

  s->placement = eyl_placement_new ("test-rollup", EYL_PLACEMENT_ROLLUP);
  s->placement->distance_m = 2;
  s->placement->eye_min_mm = 1405;
  s->placement->eye_max_mm = 1825;
  s->placement->crowd_height_mm = crowd_mm;
  s->placement->crowd_gap_mm = 1500;
  s->placement->crowd_distance_m = 5;
  eyl_page_frame_init (&s->frame, &visible, 850, 2000, s->placement);
}

/* A text from @bottom_mm to @bottom_mm + 1.4 caps above the floor, across
 * the middle of the banner. */
static EylElement *
banner_text (const Scene *s,
             const char  *text,
             double       cap_mm,
             double       bottom_mm)
{
  EylRect     box;
  EylElement *el;

  box.x0 = 200 / EYL_MM_PER_PT;
  box.x1 = 650 / EYL_MM_PER_PT;
  box.y0 = eyl_page_frame_page_y (&s->frame, bottom_mm + 1.4 * cap_mm);
  box.y1 = eyl_page_frame_page_y (&s->frame, bottom_mm);
  el = eyl_element_new (EYL_ELEMENT_BODY, EYL_SOURCE_TEXT, text, &box, 1);
  el->cap_height_mm = cap_mm;
  el->floor_bottom_mm = bottom_mm;
  el->floor_top_mm = bottom_mm + 1.4 * cap_mm;
  return el;
}

/* Pixels of @view that are the hidden grey (neutral, darker than the
 * white artwork), and that are the orange of a too-small frame. */
static void
count_marks (cairo_surface_t *view,
             int             *n_grey,
             int             *n_orange)
{
  int           w = cairo_image_surface_get_width (view), h = cairo_image_surface_get_height (view);
  int           stride = cairo_image_surface_get_stride (view);
  const guint8 *data;

  cairo_surface_flush (view);
  data = cairo_image_surface_get_data (view);
  *n_grey = *n_orange = 0;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 p = *(const guint32 *) (data + (gsize) y * stride + 4 * x);
        int     r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

        *n_grey += ABS (r - g) < 8 && ABS (g - b) < 8 && r < 200;
        *n_orange += r > 200 && g > 70 && g < 170 && b < 60;
      }
}

/* Nothing stands in front of a free-standing banner: nothing is greyed
 * at any distance.  Text too small for 8 m is not legible there, but it
 * is in sight: counted and framed as too small, not as hidden.  With a
 * crowd, what it hides from 8 m is greyed and the caption says so. */
static void
test_nothing_in_front (void)
{
  Scene  s;
  double d[EYL_WALKUP_MAX_VIEWS];
  guint  n;
  g_autoptr(GPtrArray) elements = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
  cairo_surface_t *white = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 425, 1000);
  cairo_t         *cr = cairo_create (white);
  EylElement      *small, *contact;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_destroy (cr);

  banner_init (&s, 0);
  /* 1:200 asks for 40 mm capitals at 8 m and 20 mm at 4 m. */
  g_ptr_array_add (elements, banner_text (&s, "Fresh tea", 60, 1500));
  small = banner_text (&s, "Open daily", 25, 1800);
  contact = banner_text (&s, "tea.example", 45, 900);
  g_ptr_array_add (elements, small);
  g_ptr_array_add (elements, contact);

  n = eyl_walkup_distances (s.placement, d);
  for (guint i = 0; i < n; i++)
    {
      EylWalkupHidden  hidden;
      cairo_surface_t *view;
      int              n_grey, n_orange;

      eyl_walkup_hidden (s.placement, &s.frame, d[i], &hidden);
      g_assert_cmpint (hidden.below_by, ==, EYL_WALKUP_COVER_NONE);
      g_assert_cmpint (hidden.above_by, ==, EYL_WALKUP_COVER_NONE);
      g_assert_cmpfloat (hidden.below_mm, <=, s.frame.bottom_floor_mm);
      for (guint j = 0; j < elements->len; j++)
        g_assert_cmpint (eyl_walkup_sight (g_ptr_array_index (elements, j), &s.frame, s.placement,
                                           EYL_LEGIBILITY_1_200, d[i]),
                         !=, EYL_WALKUP_HIDDEN);
      view = eyl_walkup_view (white, &s.frame, s.placement, elements, EYL_LEGIBILITY_1_200, d[i],
                              EYL_WALKUP_ACUITY_ARCMIN, 60);
      count_marks (view, &n_grey, &n_orange);
      g_assert_cmpint (n_grey, ==, 0);
      /* Only from 8 m is the 25 mm text too small. */
      if (d[i] > 5)
        g_assert_cmpint (n_orange, >, 0);
      else
        g_assert_cmpint (n_orange, ==, 0);
      cairo_surface_destroy (view);
    }
  g_assert_cmpint (eyl_walkup_sight (small, &s.frame, s.placement, EYL_LEGIBILITY_1_200, 8), ==,
                   EYL_WALKUP_TOO_SMALL);
  g_assert_false (eyl_walkup_legible (small, &s.frame, s.placement, EYL_LEGIBILITY_1_200, 8));
  g_assert_cmpint (eyl_walkup_sight (small, &s.frame, s.placement, EYL_LEGIBILITY_1_200, 4), ==,
                   EYL_WALKUP_LEGIBLE);
  {
    g_autofree char *text = eyl_walkup_caption (elements, &s.frame, s.placement,
                                                EYL_LEGIBILITY_1_200, 8);

    g_assert_nonnull (strstr (text, "2 of 3 texts legible"));
    g_assert_nonnull (strstr (text, "0 hidden, 1 too small"));
    g_assert_null (strstr (text, "hidden by"));
  }
  eyl_placement_unref (s.placement);

  /* People 1300 mm tall 1.5 m in front, seen by the median eye (1615
   * mm) from 8 m: similar triangles, 1300 − 315 · 1500 / 6500 =
   * 1227.3 mm, 61 % of the banner; from 4 m no crowd is counted. */
  banner_init (&s, 1300);
  {
    EylWalkupHidden  hidden;
    cairo_surface_t *view;
    int              n_grey, n_orange;
    g_autofree char *text = NULL;

    eyl_walkup_hidden (s.placement, &s.frame, 8, &hidden);
    g_assert_cmpint (hidden.below_by, ==, EYL_WALKUP_COVER_CROWD);
    g_assert_cmpfloat_with_epsilon (hidden.below_mm, 1300 - 315.0 * 1500 / 6500, 0.01);
    g_assert_cmpint (eyl_walkup_sight (contact, &s.frame, s.placement, EYL_LEGIBILITY_1_200, 8),
                     ==, EYL_WALKUP_HIDDEN);
    g_assert_cmpint (eyl_walkup_sight (small, &s.frame, s.placement, EYL_LEGIBILITY_1_200, 8), ==,
                     EYL_WALKUP_TOO_SMALL);
    text = eyl_walkup_caption (elements, &s.frame, s.placement, EYL_LEGIBILITY_1_200, 8);
    g_assert_nonnull (strstr (text, "1 of 3 texts legible"));
    g_assert_nonnull (strstr (text, "1 hidden, 1 too small"));
    g_assert_nonnull (strstr (text, "Lower 61 % hidden by the crowd"));
    view = eyl_walkup_view (white, &s.frame, s.placement, NULL, EYL_LEGIBILITY_1_200, 8,
                            EYL_WALKUP_ACUITY_ARCMIN, 60);
    count_marks (view, &n_grey, &n_orange);
    g_assert_cmpfloat_with_epsilon ((double) n_grey / (cairo_image_surface_get_width (view) *
                                                       cairo_image_surface_get_height (view)),
                                    1227.3 / 2000, 0.02);
    cairo_surface_destroy (view);

    eyl_walkup_hidden (s.placement, &s.frame, 4, &hidden);
    g_assert_cmpint (hidden.below_by, ==, EYL_WALKUP_COVER_NONE);
    g_clear_pointer (&text, g_free);
    text = eyl_walkup_caption (elements, &s.frame, s.placement, EYL_LEGIBILITY_1_200, 4);
    g_assert_null (strstr (text, "hidden by"));
  }
  eyl_placement_unref (s.placement);
  cairo_surface_destroy (white);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eyl/walkup/distances", test_distances);
  g_test_add_func ("/eyl/walkup/acuity", test_acuity);
  g_test_add_func ("/eyl/walkup/legible-and-hidden", test_legible_and_hidden);
  g_test_add_func ("/eyl/walkup/strip", test_strip);
  g_test_add_func ("/eyl/walkup/weaker-eyesight", test_weaker_eyesight);
  g_test_add_func ("/eyl/walkup/nothing-in-front", test_nothing_in_front);

  return g_test_run ();
}
