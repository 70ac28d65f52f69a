/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-scene.c: the side elevation — its layout follows the placement
 * (figures to scale, sight lines meeting the material where
 * eyl_occlusion_height_mm says), and pictures of it for every kind of
 * placement for a person to look at. */
#include "config.h"

#include <math.h>

#include "eyl-analysis.h"
#include "eyl-document.h"
#include "eyl-scene.h"
#include "eyl-overlay.h"
#include "eyl-fixtures.h"

#define W 900
#define H 460

static EylPageData *
banner_page (void)
{
  static char *path = NULL;
  g_autoptr(EylDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  EylPageData *page;

  if (path == NULL)
    path = eyl_fixture_banner ("scene-banner.pdf", 0.1, TRUE);
  doc = eyl_document_open (path, NULL, NULL, &error);
  g_assert_no_error (error);
  page = eyl_document_get_page_data (doc, 0, NULL, &error);
  g_assert_no_error (error);
  return page;
}

static EylPageAnalysis *
analyse (const char                  *placement_id,
         const EylPlacementOverrides *overrides)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EylPlacementSet) set = eyl_placement_set_new_default (warnings);
  g_autoptr(EylPageData) page = banner_page ();
  EylAnalysisOptions options;

  eyl_analysis_options_init (&options);
  options.placements = set;
  options.placement = eyl_placement_set_lookup (set, placement_id);
  g_assert_nonnull (options.placement);
  if (overrides != NULL)
    options.overrides = *overrides;
  return eyl_analyse_page (page, &options);
}

static cairo_surface_t *
paint_sized (EylPageAnalysis       *analysis,
             const EylSceneOptions *options,
             int                    width,
             int                    height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t         *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  eyl_scene_paint (cr, width, height, analysis, options);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static cairo_surface_t *
paint (EylPageAnalysis       *analysis,
       const EylSceneOptions *options)
{
  return paint_sized (analysis, options, W, H);
}

static void
pixel (cairo_surface_t *surface,
       double           x,
       double           y,
       double           rgb[3])
{
  int           stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32       v = *(const guint32 *) (data + (int) y * stride + (int) x * 4);

  rgb[0] = ((v >> 16) & 0xff) / 255.0;
  rgb[1] = ((v >> 8) & 0xff) / 255.0;
  rgb[2] = (v & 0xff) / 255.0;
}

static void
save_png (cairo_surface_t *surface,
          const char      *name)
{
  g_autofree char *path = g_build_filename (eyl_fixture_dir (), name, NULL);
  g_autofree char *keep = g_strconcat ("/tmp/eyl-paint-", name, NULL);

  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_write_to_png (surface, keep);
  g_test_message ("wrote %s and %s", path, keep);
}

static void
test_layout_follows_placement (void)
{
  g_autoptr(EylPageAnalysis) a = analyse ("rollup-behind-table", NULL);
  const EylPlacement *pl = a->placement;
  EylSceneOptions     options;
  EylSceneLayout      l;
  double              d = pl->distance_m * 1000.0, h0, h1, x, y;

  eyl_scene_options_init (&options);
  eyl_scene_layout (W, H, a, &options, &l);

  /* Everything fits: the world inside the picture, the floor on it. */
  eyl_scene_layout_to_device (&l, l.x_min_mm, l.y_max_mm, &x, &y);
  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (y, >=, 0);
  eyl_scene_layout_to_device (&l, l.x_max_mm, 0, &x, &y);
  g_assert_cmpfloat (x, <=, W);
  g_assert_cmpfloat (y, <=, H);

  /* The figures: P5 and P95 eye heights; drawn heights scale with them. */
  g_assert_cmpfloat_with_epsilon (l.eye_mm[0], 1405, 1e-9);
  g_assert_cmpfloat_with_epsilon (l.eye_mm[1], 1825, 1e-9);
  h0 = l.stature_mm[0] * l.scale;
  h1 = l.stature_mm[1] * l.scale;
  g_assert_cmpfloat_with_epsilon (h1 / h0, 1825.0 / 1405.0, 1e-9);
  g_assert_cmpfloat (l.stature_mm[0], >, l.eye_mm[0]);
  g_assert_cmpfloat (l.stature_mm[0], <, l.eye_mm[0] + 200);

  /* The material stands from the floor, 2000 mm tall. */
  g_assert_cmpfloat_with_epsilon (l.material_bottom_mm, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (l.material_top_mm, 2000, 0.5);

  /* Sight lines meet the material where the geometry says … */
  g_assert_true (l.sight_over_occluder);
  for (int i = 0; i < 2; i++)
    {
      double hit = eyl_occlusion_height_mm (l.eye_mm[i], d, pl->table_height_mm,
                                            pl->table_objects_mm, pl->table_gap_mm);
      double edge_x = l.occluder_gap_mm, edge_y = l.occluder_top_mm;

      g_assert_cmpfloat_with_epsilon (l.sight_hit_mm[i], hit, 1e-9);
      /* … and pass over the occluder's back edge: eye, edge and hit on
       * one straight line. */
      g_assert_cmpfloat_with_epsilon ((l.eye_mm[i] - edge_y) / (d - edge_x),
                                      (edge_y - l.sight_hit_mm[i]) / edge_x, 1e-9);
    }
  /* The shorter the viewer, the more the table hides. */
  g_assert_cmpfloat (l.sight_hit_mm[0], >, l.sight_hit_mm[1]);

  /* The eye-level band is the one zone the findings name: the median
   * visitor's (P50 of 1405 … 1825 mm is 1615 mm). */
  {
    double lo, hi;

    eyl_eye_zone_mm (pl, eyl_population_quantile (pl, 0.5), d, &lo, &hi);
    g_assert_cmpfloat_with_epsilon (eyl_population_quantile (pl, 0.5), 1615, 1e-6);
    g_assert_cmpfloat_with_epsilon (l.eye_band_low_mm, lo, 1e-9);
    g_assert_cmpfloat_with_epsilon (l.eye_band_high_mm, hi, 1e-9);
  }
}

static void
test_layout_live (void)
{
  EylPlacementOverrides o;
  g_autoptr(EylPageAnalysis) near = NULL;
  g_autoptr(EylPageAnalysis) far = NULL;
  g_autoptr(EylPageAnalysis) no_table = NULL;
  EylSceneLayout ln, lf, lt;

  /* A farther viewer looks over the table at a flatter angle, so it hides
   * more; with no table the sight line is the natural one. */
  eyl_placement_overrides_init (&o);
  o.distance_m = 2.0;
  near = analyse ("rollup-behind-table", &o);
  o.distance_m = 4.0;
  far = analyse ("rollup-behind-table", &o);
  eyl_placement_overrides_init (&o);
  o.table_mm = 0;
  no_table = analyse ("rollup-behind-table", &o);

  eyl_scene_layout (W, H, near, NULL, &ln);
  eyl_scene_layout (W, H, far, NULL, &lf);
  eyl_scene_layout (W, H, no_table, NULL, &lt);

  g_assert_cmpfloat_with_epsilon (lf.distance_mm, 4000, 1e-9);
  g_assert_cmpfloat (lf.sight_hit_mm[0], >, ln.sight_hit_mm[0]);
  g_assert_cmpfloat (lf.scale, <, ln.scale);
  g_assert_false (lt.sight_over_occluder);
  /* Without a table, the sight line is the natural one, 10° down. */
  g_assert_cmpfloat_with_epsilon (lt.sight_hit_mm[0],
                                  1405 - 2000 * tan (10 * G_PI / 180), 1e-6);
}

static void
test_paint_pixels (void)
{
  g_autoptr(EylPageAnalysis) a = analyse ("rollup-behind-table", NULL);
  EylSceneOptions  options;
  EylSceneLayout   l;
  cairo_surface_t *surface;
  double           rgb[3], expected[4], x, y, y_top, y_eye;
  int              url = -1, dark = 0;

  eyl_scene_options_init (&options);
  eyl_scene_layout (W, H, a, &options, &l);
  surface = paint (a, &options);
  save_png (surface, "scene-rollup.png");

  /* The hidden website is ticked on the material in its colour. */
  for (guint i = 0; i < a->elements->len; i++)
    if (((EylElement *) g_ptr_array_index (a->elements, i))->kind == EYL_ELEMENT_URL)
      url = (int) i;
  g_assert_cmpint (url, >=, 0);
  {
    EylElement *el = g_ptr_array_index (a->elements, url);

    eyl_scene_layout_to_device (&l, -5, (el->floor_bottom_mm + el->floor_top_mm) / 2, &x, &y);
    pixel (surface, x, y, rgb);
    eyl_overlay_kind_color (EYL_ELEMENT_URL, expected);
    for (int c = 0; c < 3; c++)
      g_assert_cmpfloat_with_epsilon (rgb[c], expected[c], 0.1);
  }

  /* The shortest figure is painted from the floor up to its head: some
   * pixels along its vertical are coloured, none above its head. */
  eyl_scene_layout_to_device (&l, l.distance_mm + 0.07 * l.stature_mm[0], l.stature_mm[0], &x, &y_top);
  eyl_scene_layout_to_device (&l, l.distance_mm, l.eye_mm[0], NULL, &y_eye);
  for (double yy = y_top + 2; yy < l.floor_y - 2; yy += 1)
    {
      pixel (surface, x, yy, rgb);
      if (rgb[2] < 0.6 && rgb[0] > 0.5) /* the P5 figure's vermilion */
        dark++;
    }
  g_assert_cmpint (dark, >, (int) ((l.floor_y - y_top) * 0.5));
  g_assert_cmpfloat (y_eye, >, y_top);

  cairo_surface_destroy (surface);
}

/* Each placement's picture at @width × @height, saved as its name with
 * @suffix; at most @most_overlaps pairs of labels in one of them lie on
 * each other (a pixel of halo aside). */
static void
pictures_at (int         width,
             int         height,
             const char *suffix,
             guint       most_overlaps)
{
  struct
  {
    const char *placement;
    double      distance_m;
    gboolean    dark;
    const char *name;
  } cases[] = {
    { "rollup-behind-table", 0, TRUE, "scene-rollup-dark" },
    { "rollup-free-standing", 6.0, FALSE, "scene-crowd" },
    { "poster-wall", 0, FALSE, "scene-poster" },
    { "tabletop-banner", 0, FALSE, "scene-tabletop" },
    { "leaflet-rack", 0, FALSE, "scene-leaflet" },
    { "shelf-eye", 0, FALSE, "scene-shelf" },
    { "backdrop-wall", 0, FALSE, "scene-backdrop" },
    { "sticker", 0, FALSE, "scene-sticker" },
    { "flag", 0, FALSE, "scene-flag" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      EylPlacementOverrides o;
      g_autoptr(EylPageAnalysis) a = NULL;
      g_autofree char *name = g_strconcat (cases[i].name, suffix, ".png", NULL);
      EylSceneOptions  options;
      cairo_surface_t *surface;
      guint            overlaps = 0;

      eyl_placement_overrides_init (&o);
      if (cases[i].distance_m > 0)
        o.distance_m = cases[i].distance_m;
      a = analyse (cases[i].placement, &o);
      eyl_scene_options_init (&options);
      options.dark = cases[i].dark;
      options.paint_background = TRUE;
      options.label_boxes = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
      surface = paint_sized (a, &options, width, height);
      save_png (surface, name);
      cairo_surface_destroy (surface);

      for (guint j = 0; j < options.label_boxes->len; j++)
        for (guint k = j + 1; k < options.label_boxes->len; k++)
          {
            const cairo_rectangle_t *p = &g_array_index (options.label_boxes, cairo_rectangle_t, j);
            const cairo_rectangle_t *q = &g_array_index (options.label_boxes, cairo_rectangle_t, k);
            double                   ox = MIN (p->x + p->width, q->x + q->width) - MAX (p->x, q->x);
            double                   oy = MIN (p->y + p->height, q->y + q->height) - MAX (p->y, q->y);

            if (ox > 1 && oy > 1)
              {
                g_test_message ("%s at %d × %d: labels %u and %u overlap by %.0f × %.0f px",
                                cases[i].placement, width, height, j, k, ox, oy);
                overlaps++;
              }
          }
      g_assert_cmpuint (overlaps, <=, most_overlaps);
      g_array_unref (options.label_boxes);
    }
}

/* No label lies on another. */
static void
test_pictures (void)
{
  pictures_at (W, H, "", 0);
}

/* At the size of the window's scene pane: the axis labels, the viewing
 * distance and the placement's name stay put and every other label gives
 * way to them (the eye-level zone's ran into the height axis' "1.5 m",
 * a viewer's sight into the viewing distance, the crowd's into the
 * eye-level zone's: 10 pairs over these pictures).  One pair may remain
 * where no free line is near: the two viewers' labels (170 px each) of a
 * pack on a shelf. */
static void
test_pictures_narrow (void)
{
  pictures_at (390, 230, "-narrow", 1);
}

/* On a shelf the side view's sight lines go over the shelf-edge strip's
 * top edge where the rules put it: what each eye cannot see is what
 * eyl_hidden_below_mm() gives the rules. */
static void
test_shelf_strip (void)
{
  const char *shelves[] = { "shelf-ground", "shelf-hand", "shelf-eye", "shelf-top" };
  gboolean    hides = FALSE;

  for (guint k = 0; k < G_N_ELEMENTS (shelves); k++)
    {
      g_autoptr(EylPageAnalysis) a = analyse (shelves[k], NULL);
      const EylPlacement *pl = a->placement;
      EylSceneLayout      l;

      g_assert_cmpfloat (pl->strip_height_mm, >, 0);
      eyl_scene_layout (W, H, a, NULL, &l);
      g_assert_true (l.occluder_is_strip);
      g_assert_true (l.sight_over_occluder);
      g_assert_cmpfloat_with_epsilon (l.occluder_top_mm, a->frame.bottom_floor_mm + pl->strip_height_mm,
                                      1e-9);
      g_assert_cmpfloat_with_epsilon (l.occluder_gap_mm, pl->strip_gap_mm, 1e-9);
      for (int i = 0; i < 2; i++)
        {
          g_assert_cmpfloat_with_epsilon (l.sight_hit_mm[i],
                                          eyl_hidden_below_mm (pl, &a->frame, l.eye_mm[i]), 1e-6);
          hides |= l.sight_hit_mm[i] > a->frame.bottom_floor_mm;
        }
    }
  /* From a low shelf the strip hides the foot of the pack for someone. */
  g_assert_true (hides);
}

/* The shelf-edge strip drawn at its true size in the side view's scale,
 * never thinner than a few pixels, its top where the sight lines cross
 * it, dark on the eye-level band, and named beside it on a line no other
 * label takes (on every shelf, light and dark). */
static void
test_shelf_strip_drawn (void)
{
  const char *shelves[] = { "shelf-ground", "shelf-hand", "shelf-eye", "shelf-top" };

  for (guint k = 0; k < G_N_ELEMENTS (shelves); k++)
    for (int dark = 0; dark <= 1; dark++)
      {
        g_autoptr(EylPageAnalysis) a = analyse (shelves[k], NULL);
        const EylPlacement *pl = a->placement;
        g_autofree char    *name = g_strdup_printf ("scene-%s%s.png", shelves[k], dark ? "-dark" : "");
        EylSceneOptions     options;
        EylSceneLayout      l;
        cairo_rectangle_t   box;
        cairo_surface_t    *surface;
        double              x, top, rgb[3], luma;
        gboolean            named = FALSE;

        eyl_scene_options_init (&options);
        options.dark = dark;
        options.paint_background = TRUE;
        options.label_boxes = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
        eyl_scene_layout (W, H, a, &options, &l);
        g_assert_true (eyl_scene_strip_box (&l, pl, &box));
        eyl_scene_layout_to_device (&l, pl->strip_gap_mm, l.material_bottom_mm + pl->strip_height_mm,
                                    &x, &top);
        g_assert_cmpfloat_with_epsilon (box.x, x, 1e-9);
        g_assert_cmpfloat_with_epsilon (box.y, top, 1e-9);
        /* True size, or more where that is too thin to see. */
        g_assert_cmpfloat (box.width, >=, 6.0 * l.scale);
        g_assert_cmpfloat (box.width, >=, 5.0);
        g_assert_cmpfloat (box.height, >=, (pl->strip_height_mm + 29.0) * l.scale);
        g_assert_cmpfloat (box.height, >=, 9.0);

        surface = paint (a, &options);
        save_png (surface, name);
        pixel (surface, box.x + box.width / 2, box.y + box.height * 0.75, rgb);
        luma = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
        g_test_message ("%s: strip %.1f × %.1f px, luma %.2f", name, box.width, box.height, luma);
        /* The strip's colour is the lines': dark on light, light on dark. */
        g_assert_true (dark ? luma > 0.5 : luma < 0.5);
        cairo_surface_destroy (surface);

        for (guint i = 0; i < options.label_boxes->len; i++)
          {
            const cairo_rectangle_t *r = &g_array_index (options.label_boxes, cairo_rectangle_t, i);

            named |= r->x >= box.x + box.width && r->x < box.x + box.width + 20 &&
                     fabs (r->y - (box.y + box.height)) < 8 * r->height;
            for (guint j = i + 1; j < options.label_boxes->len; j++)
              {
                const cairo_rectangle_t *q = &g_array_index (options.label_boxes, cairo_rectangle_t, j);
                double                   ox = MIN (r->x + r->width, q->x + q->width) - MAX (r->x, q->x);
                double                   oy = MIN (r->y + r->height, q->y + q->height) - MAX (r->y, q->y);

                g_assert_false (ox > 1 && oy > 1);
              }
          }
        g_assert_true (named);
        g_array_unref (options.label_boxes);
      }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eyl/scene/layout-follows-placement", test_layout_follows_placement);
  g_test_add_func ("/eyl/scene/layout-live", test_layout_live);
  g_test_add_func ("/eyl/scene/paint-pixels", test_paint_pixels);
  g_test_add_func ("/eyl/scene/pictures", test_pictures);
  g_test_add_func ("/eyl/scene/pictures-narrow", test_pictures_narrow);
  g_test_add_func ("/eyl/scene/shelf-strip", test_shelf_strip);
  g_test_add_func ("/eyl/scene/shelf-strip-drawn", test_shelf_strip_drawn);

  return g_test_run ();
}
