/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-overlay.c: the overlay painter on a real banner analysis — pixels
 * of the hidden zone and of an element box, the marker layout, hit tests —
 * and PNG / PDF pictures of it for a person to look at. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <cairo-pdf.h>
#include <json-glib/json-glib.h>
#include <poppler.h>

#include "eyl-analysis.h"
#include "eyl-document.h"
#include "eyl-overlay.h"
#include "eyl-report.h"
#include "eyl-fixtures.h"

/* Device pixels per pt for the pixel tests. */
#define PX 2.0

typedef struct
{
  char            *path;
  EylPageAnalysis *analysis;
} Banner;

static void
banner_clear (Banner *b)
{
  g_clear_pointer (&b->path, g_free);
  g_clear_pointer (&b->analysis, eyl_page_analysis_unref);
}

/* The 1:10 fixture banner (contacts in the bottom 150 mm) analysed as a
 * roll-up behind a table, or @path when given. */
static void
banner_load (Banner     *b,
             const char *path,
             const char *placement_id)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EylPlacementSet) set = eyl_placement_set_new_default (warnings);
  g_autoptr(EylDocument) doc = NULL;
  g_autoptr(EylPageData) page = NULL;
  g_autoptr(GError) error = NULL;
  EylAnalysisOptions options;

  b->path = path != NULL ? g_strdup (path) : eyl_fixture_banner ("banner.pdf", 0.1, TRUE);
  doc = eyl_document_open (b->path, NULL, NULL, &error);
  g_assert_no_error (error);
  page = eyl_document_get_page_data (doc, 0, NULL, &error);
  g_assert_no_error (error);

  eyl_analysis_options_init (&options);
  options.placements = set;
  options.placement = eyl_placement_set_lookup (set, placement_id);
  g_assert_nonnull (options.placement);
  b->analysis = eyl_analyse_page (page, &options);
  g_assert_nonnull (b->analysis);
}

static cairo_surface_t *
paint_white (EylPageAnalysis         *analysis,
             const EylOverlayOptions *options)
{
  int              w = (int) ceil (analysis->width_pt * PX), h = (int) ceil (analysis->height_pt * PX);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cairo_t         *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, PX, PX);
  eyl_overlay_paint (cr, analysis, options);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
pixel (cairo_surface_t *surface,
       int              x,
       int              y,
       double           rgb[3])
{
  int           stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32       v;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));
  v = *(const guint32 *) (data + y * stride + x * 4);
  rgb[0] = ((v >> 16) & 0xff) / 255.0;
  rgb[1] = ((v >> 8) & 0xff) / 255.0;
  rgb[2] = (v & 0xff) / 255.0;
}

/* Mean brightness of one row of pixels between @x0 and @x1. */
static double
row_mean (cairo_surface_t *surface,
          int              y,
          int              x0,
          int              x1)
{
  double sum = 0, rgb[3];

  for (int x = x0; x < x1; x++)
    {
      pixel (surface, x, y, rgb);
      sum += (rgb[0] + rgb[1] + rgb[2]) / 3.0;
    }
  return sum / (x1 - x0);
}

static EylElement *
find_kind (EylPageAnalysis *analysis,
           EylElementKind   kind,
           int             *index)
{
  for (guint i = 0; i < analysis->elements->len; i++)
    {
      EylElement *el = g_ptr_array_index (analysis->elements, i);

      if (el->kind == kind)
        {
          if (index != NULL)
            *index = (int) i;
          return el;
        }
    }
  return NULL;
}

static void
save_png (cairo_surface_t *surface,
          const char      *name)
{
  g_autofree char *path = g_build_filename (eyl_fixture_dir (), name, NULL);
  g_autofree char *keep = g_strconcat ("/tmp/eyl-paint-", name, NULL);

  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  /* A copy outside the test's temporary folder, for a person to look at. */
  cairo_surface_write_to_png (surface, keep);
  g_test_message ("wrote %s and %s", path, keep);
}

static void
test_hidden_zone_pixels (void)
{
  Banner b = {
    0,
  };
  EylOverlayOptions   options;
  cairo_surface_t    *surface;
  const EylPlacement *pl;
  double              median, shortest, y_med, y_short, y_rail;
  int                 w, h, x0, x1;

  banner_load (&b, NULL, "rollup-behind-table");
  pl = b.analysis->placement;
  eyl_overlay_options_init (&options);
  options.layers = EYL_OVERLAY_HIDDEN;
  options.px_per_pt = PX;
  surface = paint_white (b.analysis, &options);
  save_png (surface, "overlay-hidden.png");

  /* The table line for the median and the shortest viewer: similar
   * triangles, as the rules use. */
  median = eyl_occlusion_height_mm (eyl_population_quantile (pl, 0.5), pl->distance_m * 1000,
                                    pl->table_height_mm, pl->table_objects_mm, pl->table_gap_mm);
  shortest = eyl_occlusion_height_mm (pl->eye_min_mm, pl->distance_m * 1000,
                                      pl->table_height_mm, pl->table_objects_mm, pl->table_gap_mm);
  g_assert_cmpfloat (median, >, 600);
  g_assert_cmpfloat (shortest, >, median);
  y_med = eyl_page_frame_page_y (&b.analysis->frame, median) * PX;
  y_short = eyl_page_frame_page_y (&b.analysis->frame, shortest) * PX;
  y_rail = eyl_page_frame_page_y (&b.analysis->frame,
                                  b.analysis->frame.material_h_mm - pl->hidden_top_mm) *
           PX;
  /* The inverse of the frame is right. */
  g_assert_cmpfloat_with_epsilon (eyl_page_frame_floor_mm (&b.analysis->frame, y_med / PX),
                                  median, 1e-6);

  w = cairo_image_surface_get_width (surface);
  h = cairo_image_surface_get_height (surface);
  /* The right part: the labels sit at the left. */
  x0 = (int) (w * 0.7);
  x1 = w - 2;

  /* Every row below the median's table line is hatched (darker)… */
  for (int y = (int) y_med + 3; y < h - 1; y++)
    g_assert_cmpfloat (row_mean (surface, y, x0, x1), <, 0.92);
  /* …the shortest viewers' band more lightly… */
  for (int y = (int) y_short + 3; y < (int) y_med - 3; y++)
    {
      double m = row_mean (surface, y, x0, x1);

      g_assert_cmpfloat (m, <, 0.97);
      g_assert_cmpfloat (m, >, row_mean (surface, (int) y_med + 6, x0, x1));
    }
  /* …and nothing between the top rail and the table line is touched
   * (the zones' sentences are a layer of their own). */
  for (int y = (int) y_rail + 3; y < (int) y_short - 3; y++)
    g_assert_cmpfloat (row_mean (surface, y, 0, w), ==, 1.0);

  cairo_surface_destroy (surface);
  banner_clear (&b);
}

/* The eye-level band is drawn where eye level means something: behind a
 * table, not on a leaflet in a rack (read in the hand). */
static gboolean
paints_eye_level (const char *placement_id)
{
  Banner b = {
    0,
  };
  EylOverlayOptions options;
  cairo_surface_t  *surface;
  gboolean          painted = FALSE;

  banner_load (&b, NULL, placement_id);
  eyl_overlay_options_init (&options);
  options.layers = EYL_OVERLAY_EYE_LEVEL;
  options.px_per_pt = PX;
  surface = paint_white (b.analysis, &options);
  for (int y = 0; y < cairo_image_surface_get_height (surface) && !painted; y++)
    painted = row_mean (surface, y, 0, cairo_image_surface_get_width (surface)) < 0.99;
  cairo_surface_destroy (surface);
  banner_clear (&b);
  return painted;
}

static void
test_eye_level_band (void)
{
  g_assert_true (paints_eye_level ("rollup-behind-table"));
  g_assert_false (paints_eye_level ("leaflet-rack"));
}

static EylPageAnalysis *empty_analysis (const char *placement_id,
                                        double      w_pt,
                                        double      h_pt);

/* Nor on a piece seen whole within the comfortable zone from where it
 * is read: a round sticker on a wall, an A3 poster; an A0 is not. */
static void
test_eye_level_small_piece (void)
{
  static const struct
  {
    double   w_mm, h_mm;
    gboolean band;
  } pieces[] = { { 95, 95, FALSE }, { 297, 420, FALSE }, { 841, 1189, TRUE } };

  for (guint i = 0; i < G_N_ELEMENTS (pieces); i++)
    {
      g_autoptr(EylPageAnalysis) a = empty_analysis ("poster-wall", pieces[i].w_mm / EYL_MM_PER_PT,
                                                      pieces[i].h_mm / EYL_MM_PER_PT);

      g_assert_cmpint (eyl_page_has_eye_level (a->placement, &a->frame), ==, pieces[i].band);
    }
}

/* In a rack, the part of a flagged box that sits in the pocket stays
 * hatched: the clear hole ends at the pocket's lip. */
static void
test_hole_ends_at_lip (void)
{
  Banner b = {
    0,
  };
  EylOverlayOptions   options;
  cairo_surface_t    *surface;
  const EylPageFrame *fr;
  EylElement         *across = NULL;
  double              lip_mm, lip_y;

  banner_load (&b, NULL, "leaflet-rack");
  fr = &b.analysis->frame;
  lip_mm = fr->bottom_floor_mm + fr->material_h_mm * (1.0 - b.analysis->placement->visible_top_fraction);
  lip_y = eyl_page_frame_page_y (fr, lip_mm);
  /* A small mark set across the lip. */
  across = eyl_element_new (EYL_ELEMENT_LOGO, EYL_SOURCE_RASTER, NULL,
                            &(EylRect) { fr->visible.x0 + 20, lip_y - 30, fr->visible.x0 + 120, lip_y + 30 },
                            1.0);
  g_ptr_array_add (b.analysis->elements, across);

  eyl_overlay_options_init (&options);
  options.layers = EYL_OVERLAY_HIDDEN | EYL_OVERLAY_ELEMENTS;
  options.px_per_pt = PX;
  surface = paint_white (b.analysis, &options);
  save_png (surface, "overlay-hole-at-lip.png");
  /* Inside the box, just under the lip: hatched, as the pocket beside it. */
  g_assert_cmpfloat (row_mean (surface, (int) ((lip_y + 5) * PX), (int) ((across->box.x0 + 8) * PX),
                               (int) ((across->box.x1 - 8) * PX)),
                     <, 0.95);
  cairo_surface_destroy (surface);
  banner_clear (&b);
}

static void
test_element_box_pixels (void)
{
  Banner b = {
    0,
  };
  EylOverlayOptions options;
  cairo_surface_t  *surface;
  EylElement       *url;
  double            expected[4], rgb[3], cy;
  int               url_index = -1, x;

  banner_load (&b, NULL, "rollup-behind-table");
  url = find_kind (b.analysis, EYL_ELEMENT_URL, &url_index);
  g_assert_nonnull (url);
  /* The website is the hidden one, in the bottom 150 mm. */
  g_assert_cmpfloat (url->floor_top_mm, <, 150);
  g_assert_cmpfloat (url->hidden_fraction, >, 0.99);

  eyl_overlay_options_init (&options);
  options.layers = EYL_OVERLAY_ELEMENTS;
  options.px_per_pt = PX;
  surface = paint_white (b.analysis, &options);
  save_png (surface, "overlay-elements.png");

  /* The box's left edge, half way down, is in the website's colour:
   * the stroke is LINE_PX wide, 2 px outside the element. */
  eyl_overlay_kind_color (EYL_ELEMENT_URL, expected);
  cy = (url->box.y0 + url->box.y1) / 2.0 * PX;
  x = (int) floor (url->box.x0 * PX - 2.0);
  pixel (surface, x, (int) cy, rgb);
  for (int c = 0; c < 3; c++)
    g_assert_cmpfloat_with_epsilon (rgb[c], expected[c], 0.12);

  /* Inside the box: a light tint, not white, not the stroke colour. */
  pixel (surface, (int) ((url->box.x0 + url->box.x1) / 2.0 * PX), (int) cy, rgb);
  g_assert_cmpfloat (rgb[0], <, 1.0);
  g_assert_cmpfloat (rgb[0], >, 0.8);

  /* Right of the box, outside every element: untouched. */
  pixel (surface, (int) (url->box.x1 * PX + 12), (int) cy, rgb);
  if (eyl_overlay_hit_test (b.analysis, url->box.x1 + 12 / PX, cy / PX) < 0)
    for (int c = 0; c < 3; c++)
      g_assert_cmpfloat (rgb[c], ==, 1.0);

  /* Hovering finds the same element. */
  g_assert_cmpint (eyl_overlay_hit_test (b.analysis, (url->box.x0 + url->box.x1) / 2,
                                         (url->box.y0 + url->box.y1) / 2),
                   ==, url_index);
  g_assert_cmpint (eyl_overlay_hit_test (b.analysis, -10, -10), ==, -1);

  cairo_surface_destroy (surface);
  banner_clear (&b);
}

static void
test_markers (void)
{
  Banner b = {
    0,
  };
  EylOverlayOptions options;
  g_autoptr(GArray) markers = NULL;
  cairo_surface_t *surface;
  guint            n_boxed = 0;

  banner_load (&b, NULL, "rollup-behind-table");
  g_assert_cmpuint (b.analysis->findings->len, >=, 2);

  eyl_overlay_options_init (&options);
  options.layers = EYL_OVERLAY_FINDINGS;
  options.px_per_pt = PX;
  markers = eyl_overlay_layout_markers (b.analysis, &options);

  /* One marker per finding, numbered 1… in finding order, inside the
   * page, none on top of another. */
  g_assert_cmpuint (markers->len, ==, b.analysis->findings->len);
  for (guint i = 0; i < markers->len; i++)
    {
      EylOverlayMarker *m = &g_array_index (markers, EylOverlayMarker, i);
      EylFinding       *f = g_ptr_array_index (b.analysis->findings, i);

      g_assert_cmpuint (m->finding, ==, i);
      g_assert_cmpuint (m->number, ==, i + 1);
      g_assert_cmpint (m->page_wide, ==, eyl_rect_is_empty (&f->box));
      g_assert_cmpfloat (m->x - m->radius, >=, -1e-9);
      g_assert_cmpfloat (m->y - m->radius, >=, -1e-9);
      g_assert_cmpfloat (m->x + m->radius, <=, b.analysis->width_pt + 1e-9);
      g_assert_cmpfloat (m->y + m->radius, <=, b.analysis->height_pt + 1e-9);
      g_assert_cmpfloat_with_epsilon (m->radius * PX, 11.0, 1e-9);
      if (!m->page_wide)
        {
          /* Near its box (moved aside at most a few markers' widths). */
          g_assert_cmpfloat (fabs (m->y - CLAMP (f->box.y0, m->radius,
                                                 b.analysis->height_pt - m->radius)),
                             <, 8 * m->radius);
          n_boxed++;
        }
      for (guint j = 0; j < i; j++)
        {
          EylOverlayMarker *o = &g_array_index (markers, EylOverlayMarker, j);

          g_assert_cmpfloat (hypot (o->x - m->x, o->y - m->y), >=, 2 * m->radius);
        }
      /* Clicking a marker finds its finding. */
      g_assert_cmpint (eyl_overlay_hit_test_marker (b.analysis, &options, m->x, m->y), ==, (int) i);
    }
  g_assert_cmpuint (n_boxed, >=, 2);

  /* Painted: each marker shows its severity colour below its number. */
  surface = paint_white (b.analysis, &options);
  for (guint i = 0; i < markers->len; i++)
    {
      EylOverlayMarker *m = &g_array_index (markers, EylOverlayMarker, i);
      EylFinding       *f = g_ptr_array_index (b.analysis->findings, i);
      double            expected[4], rgb[3];

      eyl_overlay_severity_color (f->severity, expected);
      pixel (surface, (int) (m->x * PX), (int) ((m->y + m->radius * 0.72) * PX), rgb);
      for (int c = 0; c < 3; c++)
        g_assert_cmpfloat_with_epsilon (rgb[c], expected[c], 0.05);
    }
  save_png (surface, "overlay-markers.png");
  cairo_surface_destroy (surface);
  banner_clear (&b);
}

static void
test_palette (void)
{
  double a[4], b[4];

  /* Every kind has a colour, contacts differ from the brand, errors from
   * warnings — and not by the red/green channel alone. */
  for (int k = 0; k < EYL_N_ELEMENT_KINDS; k++)
    {
      eyl_overlay_kind_color (k, a);
      g_assert_cmpfloat (a[3], ==, 1.0);
      g_assert_cmpstr (eyl_overlay_kind_label (k), !=, "");
    }
  eyl_overlay_kind_color (EYL_ELEMENT_URL, a);
  eyl_overlay_kind_color (EYL_ELEMENT_LOGO, b);
  g_assert_cmpfloat (fabs (a[0] - b[0]) + fabs (a[2] - b[2]), >, 0.5);
  eyl_overlay_severity_color (EYL_SEVERITY_ERROR, a);
  eyl_overlay_severity_color (EYL_SEVERITY_WARNING, b);
  /* Brightness differs too (they also differ in shape). */
  g_assert_cmpfloat (fabs ((a[0] + a[1] + a[2]) - (b[0] + b[1] + b[2])), >, 0.4);
}

/* The page rendered by Poppler with the overlay on top: what the window
 * shows.  Also a PDF the way the exporter will make it. */
static void
render_picture_full (const char      *pdf,
                     const char      *placement_id,
                     const char      *name,
                     int              highlighted_finding,
                     EylOverlayLayers layers,
                     double           page_px)
{
  Banner b = {
    0,
  };
  PopplerDocument *doc = NULL;
  PopplerPage     *page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char  *uri = NULL;
  g_autofree char  *png_name = g_strconcat (name, ".png", NULL);
  g_autofree char  *pdf_path = NULL;
  EylOverlayOptions options;
  cairo_surface_t  *surface;
  cairo_t          *cr;
  double            px, pw, ph;

  banner_load (&b, pdf, placement_id);
  uri = g_filename_to_uri (b.path, NULL, NULL);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  page = poppler_document_get_page (doc, 0);
  poppler_page_get_size (page, &pw, &ph);

  /* On screen: the page @page_px tall. */
  px = page_px / ph;
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (pw * px), (int) ceil (ph * px));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, px, px);
  poppler_page_render (page, cr);
  eyl_overlay_options_init (&options);
  options.layers = layers;
  options.px_per_pt = px;
  options.highlighted_finding = highlighted_finding;
  eyl_overlay_paint (cr, b.analysis, &options);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  save_png (surface, png_name);
  cairo_surface_destroy (surface);

  /* In print: vectors on a PDF page of the same size. */
  pdf_path = g_strdup_printf ("/tmp/eyl-paint-%s.pdf", name);
  surface = cairo_pdf_surface_create (pdf_path, pw, ph);
  cr = cairo_create (surface);
  poppler_page_render_for_printing (page, cr);
  eyl_overlay_options_init (&options);
  options.layers = EYL_OVERLAY_PRINT;
  options.px_per_pt = eyl_overlay_print_px_per_pt (b.analysis);
  eyl_overlay_paint (cr, b.analysis, &options);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_object_unref (page);
  g_object_unref (doc);
  banner_clear (&b);
}

static void
render_picture (const char *pdf,
                const char *placement_id,
                const char *name,
                int         highlighted_finding)
{
  render_picture_full (pdf, placement_id, name, highlighted_finding, EYL_OVERLAY_CALM, 1100);
}

static void
test_pictures (void)
{
  const char      *root = g_getenv ("EYL_SOURCE_ROOT");
  g_autofree char *sample = root != NULL
                                ? g_build_filename (root, "data", "samples", "rollup-banner.pdf", NULL)
                                : NULL;

  render_picture (NULL, "rollup-behind-table", "overlay-fixture", -1);
  if (sample != NULL && g_file_test (sample, G_FILE_TEST_EXISTS))
    {
      render_picture (sample, "rollup-behind-table", "overlay-sample", -1);
      render_picture (sample, "rollup-behind-table", "overlay-sample-selected", 0);
      render_picture (sample, "poster-wall", "overlay-sample-poster", -1);
      /* Everything on, in a window 900 px wide (the page about 640 px
       * tall beside the sidebar) and at 1600 px. */
      render_picture_full (sample, "rollup-behind-table", "overlay-sample-all-900", 0,
                           EYL_OVERLAY_ALL, 640);
      render_picture_full (sample, "rollup-behind-table", "overlay-sample-all-1600", -1,
                           EYL_OVERLAY_ALL, 880);
    }
  else
    g_test_message ("no sample banner: only the fixture was drawn");

  /* Real files from the corpus, calm and with every layer, in the small
   * window. */
  {
    static const struct
    {
      const char *file, *placement;
    } real[] = {
      { "rollup-osgeo-01.pdf", "rollup-behind-table" },
      { "flyer-freifunk-bremen-6panel.pdf", "leaflet-rack" },
      { "poster-derse19-a3.pdf", "poster-wall" },
    };
    g_autofree char *dir = eyl_fixture_shared_path ("corpus/files");

    for (guint i = 0; dir != NULL && i < G_N_ELEMENTS (real); i++)
      {
        g_autofree char *path = g_build_filename (dir, real[i].file, NULL);
        g_autofree char *base = g_strndup (real[i].file, strlen (real[i].file) - 4);
        g_autofree char *calm = g_strconcat ("overlay-corpus-", base, "-calm", NULL);
        g_autofree char *all = g_strconcat ("overlay-corpus-", base, "-all-900", NULL);

        if (!g_file_test (path, G_FILE_TEST_EXISTS))
          continue;
        render_picture_full (path, real[i].placement, calm, -1, EYL_OVERLAY_CALM, 880);
        render_picture_full (path, real[i].placement, all, -1, EYL_OVERLAY_ALL, 640);
      }
  }
}

/* Labels and markers ---------------------------------------------------- */

typedef struct
{
  guint labels, shown, shortened;
  guint markers, markers_off_box; /* markers of boxed findings */
} LayoutStats;

static gboolean
rects_overlap (const EylRect *a,
               const EylRect *b)
{
  /* Touching is allowed; a hair of rounding is not an overlap. */
  const double eps = 1e-6;

  return MIN (a->x1, b->x1) - MAX (a->x0, b->x0) > eps &&
         MIN (a->y1, b->y1) - MAX (a->y0, b->y0) > eps;
}

static EylRect
marker_box (const EylOverlayMarker *m)
{
  /* The disc itself (the ring and shadow may touch a neighbour). */
  return (EylRect) { m->x - m->radius, m->y - m->radius, m->x + m->radius, m->y + m->radius };
}

static const char *
label_name (const EylOverlayLabel *l)
{
  return l->text != NULL ? l->text : "(none)";
}

/* Lays out the labels and markers of @a for @options and checks what
 * the issue asks: no label on the flagged element (its own element, any
 * finding's box), on a marker or on another label; every label inside
 * the artwork; no marker on another. */
static void
check_layout (EylPageAnalysis         *a,
              const EylOverlayOptions *options,
              const char              *what,
              LayoutStats             *stats)
{
  g_autoptr(GArray) labels = eyl_overlay_layout_labels (a, options);
  g_autoptr(GArray) markers = eyl_overlay_layout_markers (a, options);
  EylRect vis = a->frame.visible;

  if (eyl_rect_is_empty (&vis))
    vis = (EylRect) { 0, 0, a->width_pt, a->height_pt };

  for (guint i = 0; i < labels->len; i++)
    {
      EylOverlayLabel *l = &g_array_index (labels, EylOverlayLabel, i);

      stats->labels++;
      if (!l->shown)
        continue;
      stats->shown++;
      stats->shortened += l->shortened;
      if (!(l->box.x0 >= vis.x0 - 1e-6 && l->box.y0 >= vis.y0 - 1e-6 &&
            l->box.x1 <= vis.x1 + 1e-6 && l->box.y1 <= vis.y1 + 1e-6))
        g_error ("%s: label “%s” leaves the artwork", what, label_name (l));
      if (l->element >= 0)
        {
          EylElement *el = g_ptr_array_index (a->elements, l->element);

          if (rects_overlap (&l->box, &el->box))
            g_error ("%s: label “%s” covers its element", what, label_name (l));
        }
      for (guint k = 0; a->findings != NULL && k < a->findings->len; k++)
        {
          EylFinding *f = g_ptr_array_index (a->findings, k);

          if (!eyl_rect_is_empty (&f->box) && rects_overlap (&l->box, &f->box))
            g_error ("%s: label “%s” covers the box of finding %u (%s)", what, label_name (l),
                     k + 1, f->rule);
        }
      for (guint j = 0; j < i; j++)
        {
          EylOverlayLabel *o = &g_array_index (labels, EylOverlayLabel, j);

          if (o->shown && rects_overlap (&l->box, &o->box))
            g_error ("%s: labels “%s” and “%s” collide", what, label_name (l), label_name (o));
        }
      if (options->layers & EYL_OVERLAY_FINDINGS)
        for (guint j = 0; j < markers->len; j++)
          {
            EylOverlayMarker *m = &g_array_index (markers, EylOverlayMarker, j);
            EylRect           mb = marker_box (m);

            if (rects_overlap (&l->box, &mb))
              g_error ("%s: label “%s” covers marker %u", what, label_name (l), m->number);
          }
    }

  for (guint i = 0; i < markers->len; i++)
    {
      EylOverlayMarker *m = &g_array_index (markers, EylOverlayMarker, i);
      EylFinding       *f = g_ptr_array_index (a->findings, m->finding);
      EylRect           mb = marker_box (m);

      stats->markers += !m->page_wide;
      if (!m->page_wide && !rects_overlap (&mb, &f->box))
        stats->markers_off_box++;
      for (guint j = 0; j < i; j++)
        {
          EylOverlayMarker *o = &g_array_index (markers, EylOverlayMarker, j);

          if (hypot (o->x - m->x, o->y - m->y) < 2 * m->radius - 1e-6)
            g_error ("%s: markers %u and %u collide", what, o->number, m->number);
        }
    }
}

/* The scales a page is seen at: the window at 1600 and at 900 px wide
 * (the page in what the sidebar leaves), and print. */
static void
check_scales (EylPageAnalysis *a,
              const char      *name,
              LayoutStats     *stats)
{
  double w = MAX (a->width_pt, 1), h = MAX (a->height_pt, 1);
  double scales[] = {
    MIN (1000.0 / w, 880.0 / h),
    MIN (520.0 / w, 600.0 / h),
    eyl_overlay_print_px_per_pt (a),
  };
  EylOverlayLayers layers[] = { EYL_OVERLAY_CALM, EYL_OVERLAY_PRINT,
                                EYL_OVERLAY_ALL };

  for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
    for (guint k = 0; k < G_N_ELEMENTS (layers); k++)
      {
        EylOverlayOptions options;
        g_autofree char  *what = g_strdup_printf ("%s page %u at %.3f px/pt, layers %#x", name,
                                                  a->index + 1, scales[s], layers[k]);

        eyl_overlay_options_init (&options);
        options.px_per_pt = scales[s];
        options.layers = layers[k];
        /* The first finding selected, as the window does after a check. */
        options.highlighted_finding = k == 2 && a->findings->len > 0 ? 0 : -1;
        check_layout (a, &options, what, stats);
      }
}

/* The fixture banner crowded with generated elements and findings: small
 * boxes close together, some touching the page edge, some inside others. */
static void
test_labels_generated (void)
{
  Banner b = {
    0,
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);
  LayoutStats stats = { 0 };
  EylRect     vis;

  banner_load (&b, NULL, "rollup-behind-table");
  vis = b.analysis->frame.visible;
  check_scales (b.analysis, "fixture", &stats);

  for (int round = 0; round < 4; round++)
    {
      for (int i = 0; i < 12; i++)
        {
          double         w = g_rand_double_range (rand, 0.05, 0.6) * eyl_rect_width (&vis);
          double         h = g_rand_double_range (rand, 0.005, 0.05) * eyl_rect_height (&vis);
          double         x = g_rand_double_range (rand, vis.x0, vis.x1 - w * 0.5);
          double         y = g_rand_double_range (rand, vis.y0, vis.y1 - h * 0.5);
          EylRect        box = { x, y, MIN (x + w, vis.x1), MIN (y + h, vis.y1) };
          EylElementKind kind = (EylElementKind) g_rand_int_range (rand, 0, EYL_N_ELEMENT_KINDS);
          EylElement    *el = eyl_element_new (kind, EYL_SOURCE_TEXT, "generated", &box, 1.0);

          g_free (el->id);
          el->id = g_strdup_printf ("g%d-%d", round, i);
          g_ptr_array_add (b.analysis->elements, el);
          if (g_rand_boolean (rand))
            g_ptr_array_add (b.analysis->findings,
                             eyl_finding_new ("generated", (EylSeverity) g_rand_int_range (rand, 0, 3),
                                              el->id, &box));
        }
      check_scales (b.analysis, "crowded fixture", &stats);
    }

  g_test_message ("%u labels, %u shown (%u shortened); %u markers, %u beside their box",
                  stats.labels, stats.shown, stats.shortened, stats.markers, stats.markers_off_box);
  /* Not everything is dropped: the placer finds room on a crowded page. */
  g_assert_cmpuint (stats.shown, >, stats.labels / 3);
  g_assert_cmpuint (stats.markers_off_box, >, stats.markers / 2);
  banner_clear (&b);
}

/* Overlapping boxes of one kind are drawn as one, with one label: the
 * parts of the brand's lockup found apart make one "Logo"; two partners'
 * marks whose boxes meet make one "Partner’s logo ×2". */
static void
test_labels_grouped (void)
{
  Banner b = {
    0,
  };
  EylRect vis;
  double  w, h;
  struct
  {
    double   x0, y0, x1, y1;
    gboolean others;
  } boxes[] = {
    /* The lockup, its emblem found again, its wordmark cut off. */
    { 0.10, 0.10, 0.45, 0.16, FALSE },
    { 0.08, 0.12, 0.20, 0.18, FALSE },
    { 0.455, 0.11, 0.55, 0.16, FALSE },
    /* Two partners at the foot, their boxes meeting. */
    { 0.10, 0.70, 0.30, 0.74, TRUE },
    { 0.28, 0.70, 0.50, 0.74, TRUE },
  };
  guint             n_logo = 0, n_partner = 0;
  EylOverlayOptions options;
  LayoutStats       stats = { 0 };

  banner_load (&b, NULL, "rollup-behind-table");
  vis = b.analysis->frame.visible;
  w = eyl_rect_width (&vis);
  h = eyl_rect_height (&vis);
  for (guint i = 0; i < G_N_ELEMENTS (boxes); i++)
    {
      EylRect     box = { vis.x0 + boxes[i].x0 * w, vis.y0 + boxes[i].y0 * h,
                          vis.x0 + boxes[i].x1 * w, vis.y0 + boxes[i].y1 * h };
      EylElement *el = eyl_element_new (EYL_ELEMENT_LOGO, EYL_SOURCE_RASTER, NULL, &box, 0.9);

      g_free (el->id);
      el->id = g_strdup_printf ("grouped%u", i);
      el->third_party = boxes[i].others;
      g_ptr_array_add (b.analysis->elements, el);
    }

  eyl_overlay_options_init (&options);
  options.px_per_pt = eyl_overlay_print_px_per_pt (b.analysis);
  options.layers = EYL_OVERLAY_ALL;
  check_layout (b.analysis, &options, "grouped logos", &stats);
  {
    g_autoptr(GArray) labels = eyl_overlay_layout_labels (b.analysis, &options);

    for (guint i = 0; i < labels->len; i++)
      {
        EylOverlayLabel *l = &g_array_index (labels, EylOverlayLabel, i);
        EylElement      *el;

        if (l->element < 0)
          continue;
        el = g_ptr_array_index (b.analysis->elements, l->element);
        if (el->kind != EYL_ELEMENT_LOGO || !g_str_has_prefix (el->id, "grouped"))
          continue;
        g_test_message ("label “%s” for %s", l->text, el->id);
        if (el->third_party)
          {
            n_partner++;
            g_assert_true (l->shortened || strstr (l->text, "×2") != NULL);
          }
        else
          {
            n_logo++;
            g_assert_true (l->shortened || strstr (l->text, "×") == NULL);
          }
      }
  }
  g_assert_cmpuint (n_logo, ==, 1);
  g_assert_cmpuint (n_partner, ==, 1);
  banner_clear (&b);
}

/* FALSE, the test skipped, when the corpus is absent or the run is not
 * the corpus suite's (-m slow). */
static gboolean
corpus_wanted (const char *dir)
{
  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no corpus (../shared/corpus/files)");
      return FALSE;
    }
  if (!g_test_slow ())
    {
      g_test_skip ("the corpus is laid out in the corpus suite (-m slow)");
      return FALSE;
    }
  return TRUE;
}

/* The corpus, analysed by the command line (as the window's worker
 * does), read back from its JSON report, laid out at every scale. */
static void
test_labels_corpus (void)
{
  g_autofree char *dir = eyl_fixture_shared_path ("corpus/files");
  g_autoptr(GDir) gdir = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(EylReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(EylFixtureRun) run = { 0 };
  LayoutStats stats = { 0 };
  const char *saved = g_getenv ("EYL_CORPUS_REPORT");
  const char *name;
  guint       n_pages = 0;

  if (!corpus_wanted (dir))
    return;
  if (saved == NULL && eyl_fixture_cli () == NULL)
    {
      g_test_skip ("no eyeline-cli (run by meson)");
      return;
    }

  if (saved != NULL)
    {
      /* A report of the corpus made before (eyeline-cli check
       * --format=json …): the layout alone, in seconds. */
      json_parser_load_from_file (parser, saved, &error);
      g_assert_no_error (error);
    }
  else
    {
      g_ptr_array_add (argv, g_strdup ("check"));
      g_ptr_array_add (argv, g_strdup ("--format=json"));
      g_ptr_array_add (argv, g_strdup ("--timeout=300"));
      gdir = g_dir_open (dir, 0, &error);
      g_assert_no_error (error);
      while ((name = g_dir_read_name (gdir)) != NULL)
        if (g_str_has_suffix (name, ".pdf"))
          g_ptr_array_add (argv, g_build_filename (dir, name, NULL));
      g_ptr_array_add (argv, NULL);
      eyl_fixture_run_cli (&run, NULL, (const char *const *) argv->pdata);
      g_assert_cmpint (run.status, !=, 2);
      json_parser_load_from_data (parser, run.out, -1, &error);
      g_assert_no_error (error);
    }
  report = eyl_report_from_json (json_parser_get_root (parser), &error);
  g_assert_no_error (error);

  for (guint i = 0; i < report->files->len; i++)
    {
      EylFileResult   *file = g_ptr_array_index (report->files, i);
      g_autofree char *base = g_path_get_basename (file->path);

      for (guint p = 0; file->ok && p < file->pages->len; p++)
        {
          check_scales (g_ptr_array_index (file->pages, p), base, &stats);
          n_pages++;
        }
    }
  g_test_message ("%u corpus pages: %u labels, %u shown (%u shortened); %u markers, %u beside their box",
                  n_pages, stats.labels, stats.shown, stats.shortened, stats.markers,
                  stats.markers_off_box);
  g_assert_cmpuint (n_pages, >, 20);
  /* The markers beside their boxes, not on them (a box that fills the
   * page leaves no room: a few may be). */
  g_assert_cmpuint (stats.markers_off_box * 10, >=, stats.markers * 9);
}

/* Share of @r on the lines of @a's text layer. */
static double
share_on_text (EylPageAnalysis *a,
               const EylRect   *r)
{
  GArray *lines = a->read->text_layer->lines;
  double  on = 0, area = eyl_rect_width (r) * eyl_rect_height (r);

  for (guint i = 0; i < lines->len; i++)
    {
      const EylRect *b = &g_array_index (lines, EylTextLine, i).box;
      double         w = MIN (r->x1, b->x1) - MAX (r->x0, b->x0);
      double         h = MIN (r->y1, b->y1) - MAX (r->y0, b->y0);

      if (w > 0 && h > 0)
        on += w * h;
    }
  return area > 0 ? on / area : 0;
}

/* A column of body copy the detectors made no element of, a website on
 * one of its lines and empty artwork to the right: the website's label
 * and marker go on the empty artwork, not on the words above and below
 * it; without the text layer the placer still keeps its rules. */
static void
test_labels_off_text (void)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EylPlacementSet) set = eyl_placement_set_new_default (warnings);
  EylPageDataBuilder *builder = eyl_page_data_builder_new (0, 400, 300);
  g_autoptr(EylPageData) page = NULL;
  g_autoptr(EylPageAnalysis) a = NULL;
  EylAnalysisOptions options;
  const EylRect      url = { 30, 138, 150, 150 };
  EylElement        *website;
  double             px[] = { 1.0, 1.5, 2.0 };
  LayoutStats        stats = { 0 };

  /* Lines 12 pt tall every 14 pt down the left column, x 30–170. */
  for (int i = 0; i < 18; i++)
    {
      EylRect box = { 30, 26 + 14 * i, 170, 38 + 14 * i };

      if (box.y0 == url.y0)
        eyl_page_data_builder_add_text (builder, "www.example.org\n", &url, NULL, "DejaVu Sans", 10,
                                        0x000000);
      else
        eyl_page_data_builder_add_text (builder, "Members meet every week to build\n", &box, NULL,
                                        "DejaVu Sans", 10, 0x000000);
    }
  page = eyl_page_data_builder_end (builder);
  eyl_analysis_options_init (&options);
  options.placements = set;
  options.placement = eyl_placement_set_lookup (set, "poster-wall");
  a = eyl_analyse_page (page, &options);
  g_assert_nonnull (a);
  g_assert_nonnull (a->read);
  g_assert_nonnull (a->read->text_layer);
  g_assert_cmpuint (a->read->text_layer->lines->len, ==, 18);

  /* The website is the only element, and flagged: the body copy is text
   * the detectors did not pick out. */
  g_ptr_array_set_size (a->elements, 0);
  g_ptr_array_set_size (a->findings, 0);
  website = eyl_element_new (EYL_ELEMENT_URL, EYL_SOURCE_TEXT, "www.example.org", &url, 1.0);
  website->id = g_strdup ("website");
  g_ptr_array_add (a->elements, website);
  g_ptr_array_add (a->findings, eyl_finding_new ("generated", EYL_SEVERITY_WARNING, "website", &url));

  for (guint s = 0; s < G_N_ELEMENTS (px); s++)
    {
      EylOverlayOptions o;
      g_autoptr(GArray) labels = NULL;
      g_autoptr(GArray) markers = NULL;
      g_autofree char  *what = g_strdup_printf ("body copy at %.1f px/pt", px[s]);
      EylOverlayMarker *m;
      EylRect           mb;

      eyl_overlay_options_init (&o);
      o.layers = EYL_OVERLAY_PRINT;
      o.px_per_pt = px[s];
      check_layout (a, &o, what, &stats);
      labels = eyl_overlay_layout_labels (a, &o);
      markers = eyl_overlay_layout_markers (a, &o);
      for (guint i = 0; i < labels->len; i++)
        {
          EylOverlayLabel *l = &g_array_index (labels, EylOverlayLabel, i);

          if (l->element != 0)
            continue;
          g_assert_true (l->shown);
          g_test_message ("%s: label “%s” at %.0f,%.0f–%.0f,%.0f, %.0f %% on text", what, l->text,
                          l->box.x0, l->box.y0, l->box.x1, l->box.y1, 100 * share_on_text (a, &l->box));
          g_assert_cmpfloat (share_on_text (a, &l->box), ==, 0);
        }
      g_assert_cmpuint (markers->len, ==, 1);
      m = &g_array_index (markers, EylOverlayMarker, 0);
      mb = marker_box (m);
      g_test_message ("%s: marker at %.0f,%.0f", what, m->x, m->y);
      g_assert_cmpfloat (share_on_text (a, &mb), ==, 0);

      /* No text layer (an analysis read back from JSON): today's rules. */
      {
        EylPageRead *read = g_steal_pointer (&a->read);

        check_layout (a, &o, what, &stats);
        a->read = read;
      }
    }
  g_assert_cmpuint (stats.shown, ==, stats.labels);
}

/* A page analysed with @placement_id, its elements and findings taken
 * away; 400 × 600 pt unless @w_pt × @h_pt are given. */
static EylPageAnalysis *
empty_analysis (const char *placement_id,
                double      w_pt,
                double      h_pt)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EylPlacementSet) set = eyl_placement_set_new_default (warnings);
  EylPageDataBuilder *builder = eyl_page_data_builder_new (0, w_pt, h_pt);
  g_autoptr(EylPageData) page = NULL;
  EylPageAnalysis   *a;
  EylAnalysisOptions options;
  EylRect            line = { 20, 20, 120, 30 };

  eyl_page_data_builder_add_text (builder, "Open day\n", &line, NULL, "DejaVu Sans", 9, 0x000000);
  page = eyl_page_data_builder_end (builder);
  eyl_analysis_options_init (&options);
  options.placements = set;
  options.placement = eyl_placement_set_lookup (set, placement_id);
  g_assert_nonnull (options.placement);
  a = eyl_analyse_page (page, &options);
  g_assert_nonnull (a);
  g_ptr_array_set_size (a->elements, 0);
  g_ptr_array_set_size (a->findings, 0);
  return a;
}

static const EylOverlayLabel *
label_of_kind (GArray             *labels,
               EylOverlayLabelKind kind)
{
  for (guint i = 0; i < labels->len; i++)
    if (g_array_index (labels, EylOverlayLabel, i).kind == kind)
      return &g_array_index (labels, EylOverlayLabel, i);
  return NULL;
}

/* Pixels of @a's visible area, white, with dark blocks @marks drawn in
 * with Cairo, as the read's raster (the overlay's ink). */
static void
set_artwork (EylPageAnalysis *a,
             const EylRect   *marks,
             guint            n_marks)
{
  EylRect    vis = a->frame.visible;
  EylRaster *raster;
  cairo_t   *cr;

  if (eyl_rect_is_empty (&vis))
    vis = (EylRect) { 0, 0, a->width_pt, a->height_pt };
  raster = eyl_raster_new (&vis, 2.0);
  cr = eyl_raster_create_context (raster);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.15);
  for (guint i = 0; i < n_marks; i++)
    cairo_rectangle (cr, marks[i].x0, marks[i].y0, marks[i].x1 - marks[i].x0, marks[i].y1 - marks[i].y0);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_flush (eyl_raster_get_surface (raster));
  g_clear_pointer (&a->read->attention_raster, eyl_raster_unref);
  a->read->attention_raster = raster;
  a->read->attention_raster_free = (GDestroyNotify) eyl_raster_unref;
}

static gboolean
rects_meet (const EylRect *a,
            const EylRect *b)
{
  return a->x1 > b->x0 && a->x0 < b->x1 && a->y1 > b->y0 && a->y0 < b->y1;
}

/* Lays out @a's labels on blank artwork, draws a dark block with Cairo
 * where the first label of @kind went (a margin round it, but off what
 * it names when that is an element), lays them out again: that label is
 * still shown, in full, and off the block. */
static void
assert_label_leaves_block (EylPageAnalysis         *a,
                           const EylOverlayOptions *o,
                           EylOverlayLabelKind      kind)
{
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  const EylOverlayLabel *l;
  EylRect                mark, own;

  g_assert_nonnull (a->read);
  set_artwork (a, NULL, 0);
  before = eyl_overlay_layout_labels (a, o);
  l = label_of_kind (before, kind);
  g_assert_nonnull (l);
  g_assert_true (l->shown);
  g_test_message ("on blank artwork: %.0f,%.0f–%.0f,%.0f", l->box.x0, l->box.y0, l->box.x1, l->box.y1);

  mark = (EylRect) { l->box.x0 - 6, l->box.y0 - 6, l->box.x1 + 6, l->box.y1 + 6 };
  own = l->anchor;
  if (kind == EYL_OVERLAY_LABEL_ELEMENT)
    {
      if (l->box.y1 <= own.y0)
        mark.y1 = MIN (mark.y1, own.y0 - 1);
      if (l->box.y0 >= own.y1)
        mark.y0 = MAX (mark.y0, own.y1 + 1);
      if (l->box.x1 <= own.x0)
        mark.x1 = MIN (mark.x1, own.x0 - 1);
      if (l->box.x0 >= own.x1)
        mark.x0 = MAX (mark.x0, own.x1 + 1);
      g_assert_false (rects_meet (&mark, &own));
    }
  set_artwork (a, &mark, 1);

  after = eyl_overlay_layout_labels (a, o);
  l = label_of_kind (after, kind);
  g_assert_nonnull (l);
  g_test_message ("beside a drawn block: %.0f,%.0f–%.0f,%.0f", l->box.x0, l->box.y0, l->box.x1, l->box.y1);
  g_assert_true (l->shown);
  g_assert_false (l->shortened);
  g_assert_false (rects_meet (&l->box, &mark));
  if (kind == EYL_OVERLAY_LABEL_ELEMENT)
    g_assert_false (rects_meet (&l->box, &own));
}

/* A mark no detector boxed where the eye-level band's label went: the
 * label moves off it, along the band's edge. */
static void
test_zone_label_off_ink (void)
{
  g_autoptr(EylPageAnalysis) a = empty_analysis ("poster-wall", 2384, 3370);
  EylOverlayOptions o;

  eyl_overlay_options_init (&o);
  o.layers = EYL_OVERLAY_PRINT;
  o.px_per_pt = 1.0;
  assert_label_leaves_block (a, &o, EYL_OVERLAY_LABEL_EYE_LEVEL);
}

/* A blank 400 × 600 pt poster with one element of @kind at @box, and
 * options drawing element boxes and their labels at 1 px per pt. */
static EylPageAnalysis *
one_element_analysis (EylElementKind     kind,
                      const EylRect     *box,
                      EylOverlayOptions *o)
{
  EylPageAnalysis *a = empty_analysis ("poster-wall", 400, 600);
  EylElement      *el = eyl_element_new (kind, EYL_SOURCE_TEXT, "www.example.org", box, 1.0);

  el->id = g_strdup ("element");
  g_ptr_array_add (a->elements, el);
  eyl_overlay_options_init (o);
  o->layers = EYL_OVERLAY_ELEMENTS | EYL_OVERLAY_LABELS;
  o->px_per_pt = 1.0;
  return a;
}

/* A row's caption no detector boxed where an element's label went: the
 * label moves to a place off it and off its element. */
static void
test_element_label_off_ink (void)
{
  EylOverlayOptions o;
  g_autoptr(EylPageAnalysis) a = one_element_analysis (EYL_ELEMENT_URL, &(EylRect) { 150, 300, 260, 314 }, &o);

  assert_label_leaves_block (a, &o, EYL_OVERLAY_LABEL_ELEMENT);
}

/* Page-wide findings on artwork with marks all along its top and bottom
 * edges but for a small clear corner: the captioned row fits nowhere
 * without covering a mark, so the row goes compact, into the clear
 * corner; on blank artwork it keeps its caption. */
static void
test_whole_page_compact (void)
{
  g_autoptr(EylPageAnalysis) a = empty_analysis ("poster-wall", 400, 600);
  g_autoptr(GArray) blank = NULL;
  g_autoptr(GArray) marked = NULL;
  EylOverlayOptions o;
  EylRect           clear = { 320, 0, 400, 50 };
  /* Top band but the clear corner, bottom band, both sides. */
  EylRect marks[] = { { 0, 0, 320, 70 }, { 0, 50, 400, 70 }, { 0, 530, 400, 600 }, { 0, 0, 12, 600 }, { 388, 50, 400, 600 } };

  g_assert_nonnull (a->read);
  g_ptr_array_add (a->findings, eyl_finding_new ("no-contact", EYL_SEVERITY_WARNING, NULL, NULL));
  g_ptr_array_add (a->findings, eyl_finding_new ("no-call-to-action", EYL_SEVERITY_WARNING, NULL, NULL));
  eyl_overlay_options_init (&o);
  o.layers = EYL_OVERLAY_FINDINGS;
  o.px_per_pt = 1.0;

  set_artwork (a, NULL, 0);
  blank = eyl_overlay_layout_markers (a, &o);
  g_assert_cmpuint (blank->len, ==, 2);
  for (guint i = 0; i < blank->len; i++)
    {
      g_assert_true (g_array_index (blank, EylOverlayMarker, i).page_wide);
      g_assert_false (g_array_index (blank, EylOverlayMarker, i).compact);
    }

  set_artwork (a, marks, G_N_ELEMENTS (marks));
  marked = eyl_overlay_layout_markers (a, &o);
  g_assert_cmpuint (marked->len, ==, 2);
  for (guint i = 0; i < marked->len; i++)
    {
      const EylOverlayMarker *m = &g_array_index (marked, EylOverlayMarker, i);
      EylRect                 mr = { m->x - m->radius, m->y - m->radius, m->x + m->radius, m->y + m->radius };

      g_test_message ("marker %u at %.0f,%.0f", m->number, m->x, m->y);
      g_assert_true (m->page_wide);
      g_assert_true (m->compact);
      g_assert_true (mr.x0 >= clear.x0 && mr.x1 <= clear.x1 && mr.y0 >= clear.y0 && mr.y1 <= clear.y1);
    }
}

/* A small piece (a 153 × 230 mm sheet) exported at print scale: every
 * label at least 2.5 % of the page's short side tall, so that it reads
 * on the page-sized export. */
static void
test_labels_min_size (void)
{
  double w = 153 / 25.4 * 72, h = 230 / 25.4 * 72;
  g_autoptr(EylPageAnalysis) a = empty_analysis ("shelf-eye", w, h);
  g_autoptr(GArray) labels = NULL;
  EylOverlayOptions o;
  EylRect           box = { 40, 200, 200, 230 };
  EylElement       *el = eyl_element_new (EYL_ELEMENT_URL, EYL_SOURCE_TEXT, "www.example.org", &box, 1.0);
  guint             shown = 0;

  el->id = g_strdup ("website");
  g_ptr_array_add (a->elements, el);
  eyl_overlay_options_init (&o);
  o.layers = EYL_OVERLAY_PRINT;
  o.px_per_pt = eyl_overlay_print_px_per_pt (a);
  labels = eyl_overlay_layout_labels (a, &o);
  for (guint i = 0; i < labels->len; i++)
    {
      const EylOverlayLabel *l = &g_array_index (labels, EylOverlayLabel, i);

      if (!l->shown)
        continue;
      shown++;
      g_test_message ("“%s”: %.1f pt tall on a %.0f pt short side", l->text, eyl_rect_height (&l->box),
                      MIN (w, h));
      g_assert_cmpfloat (eyl_rect_height (&l->box), >=, 0.025 * MIN (w, h));
    }
  g_assert_cmpuint (shown, >=, 2);
}

/* Corpus pages with body copy, small print and words no detector makes
 * an element of, analysed here so that the read keeps its text layer (a
 * report read back from JSON has none): the labels keep the rules and
 * stay off the text. */
static void
test_labels_off_text_corpus (void)
{
  static const char *const pages[][2] = {
    { "rollup-osgeo-03.pdf", "rollup-behind-table" },
    { "flyer-galaxy-factsheet-a5.pdf", "leaflet-rack" },
    { "poster-rdmo-a0.pdf", "poster-wall" },
    { "poster-galaxy-factsheet-2025.pdf", "poster-wall" },
    { "poster-osgeo-gsoc-a0.pdf", "poster-wall" },
    { "flyer-aubrug.pdf", "poster-wall" },
  };
  g_autofree char *dir = eyl_fixture_shared_path ("corpus/files");
  LayoutStats      stats = { 0 };
  double           area = 0, on_text = 0;

  if (!corpus_wanted (dir))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *path = g_build_filename (dir, pages[i][0], NULL);
      Banner           b = {
                  0,
      };
      EylOverlayOptions o;
      g_autoptr(GArray) labels = NULL;
      double page_area = 0, page_on_text = 0;

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      banner_load (&b, path, pages[i][1]);
      g_assert_nonnull (b.analysis->read->text_layer);
      check_scales (b.analysis, pages[i][0], &stats);

      eyl_overlay_options_init (&o);
      o.layers = EYL_OVERLAY_PRINT;
      o.px_per_pt = eyl_overlay_print_px_per_pt (b.analysis);
      labels = eyl_overlay_layout_labels (b.analysis, &o);
      for (guint k = 0; k < labels->len; k++)
        {
          EylOverlayLabel *l = &g_array_index (labels, EylOverlayLabel, k);
          double           a = eyl_rect_width (&l->box) * eyl_rect_height (&l->box);

          if (!l->shown)
            continue;
          page_area += a;
          page_on_text += MIN (1.0, share_on_text (b.analysis, &l->box)) * a;
        }
      g_test_message ("%s: %.1f %% of the label area on text", pages[i][0],
                      page_area > 0 ? 100 * page_on_text / page_area : 0);
      area += page_area;
      on_text += page_on_text;
      banner_clear (&b);
    }
  if (area == 0)
    {
      g_test_skip ("none of the pages in the corpus");
      return;
    }
  g_test_message ("%u labels, %u shown; %.1f %% of the label area on text", stats.labels, stats.shown,
                  100 * on_text / area);
  /* Before the text layer was an obstacle: 15 % (a third of a poster's). */
  g_assert_cmpfloat (on_text / area, <, 0.03);
}

/* The ink along the top edge of a box of @kind drawn alone: one bit per
 * pixel, for comparing line styles. */
static GString *
edge_signature (Banner        *b,
                EylElementKind kind,
                const EylRect *box)
{
  EylOverlayOptions options;
  cairo_surface_t  *surface;
  GString          *sig = g_string_new (NULL);
  /* The outline runs 2 px outside the box. */
  int y = (int) floor (box->y0 * PX - 2.0);

  g_ptr_array_set_size (b->analysis->elements, 0);
  g_ptr_array_set_size (b->analysis->findings, 0);
  g_ptr_array_add (b->analysis->elements, eyl_element_new (kind, EYL_SOURCE_TEXT, "x", box, 1.0));
  eyl_overlay_options_init (&options);
  options.layers = EYL_OVERLAY_ELEMENTS;
  options.px_per_pt = PX;
  surface = paint_white (b->analysis, &options);
  for (int x = (int) (box->x0 * PX); x < (int) (box->x1 * PX); x++)
    {
      double rgb[3];

      pixel (surface, x, y, rgb);
      g_string_append_c (sig, rgb[0] + rgb[1] + rgb[2] < 2.4 ? '#' : '.');
    }
  cairo_surface_destroy (surface);
  return sig;
}

static guint
signature_distance (GString *a,
                    GString *b)
{
  guint d = 0;

  for (gsize i = 0; i < MIN (a->len, b->len); i++)
    d += a->str[i] != b->str[i];
  return d;
}

/* Kinds that share a hue (the contacts' blues, the brand's purples)
 * differ in their line and their letter, not in colour alone. */
static void
test_kind_styles (void)
{
  static const EylElementKind families[][6] = {
    { EYL_ELEMENT_URL, EYL_ELEMENT_EMAIL, EYL_ELEMENT_PHONE, EYL_ELEMENT_SOCIAL, EYL_ELEMENT_ADDRESS,
      EYL_ELEMENT_QR },
    { EYL_ELEMENT_LOGO, EYL_ELEMENT_BRAND_NAME, EYL_ELEMENT_SPONSOR_LOGO, EYL_ELEMENT_LOGO,
      EYL_ELEMENT_LOGO, EYL_ELEMENT_LOGO },
  };
  Banner b = {
    0,
  };
  EylRect box;

  /* Every drawn kind has its own letter. */
  for (int i = 0; i < EYL_N_ELEMENT_KINDS; i++)
    for (int j = 0; j < i; j++)
      if (i != EYL_ELEMENT_BODY && j != EYL_ELEMENT_BODY)
        g_assert_cmpstr (eyl_overlay_kind_letter (i), !=, eyl_overlay_kind_letter (j));

  banner_load (&b, NULL, "rollup-behind-table");
  box = (EylRect) { b.analysis->width_pt * 0.2, b.analysis->height_pt * 0.4,
                    b.analysis->width_pt * 0.8, b.analysis->height_pt * 0.45 };
  for (guint f = 0; f < G_N_ELEMENTS (families); f++)
    for (guint i = 0; i < G_N_ELEMENTS (families[f]); i++)
      for (guint j = 0; j < i; j++)
        {
          g_autoptr(GString) si = NULL;
          g_autoptr(GString) sj = NULL;

          if (families[f][i] == families[f][j])
            continue;
          si = edge_signature (&b, families[f][i], &box);
          sj = edge_signature (&b, families[f][j], &box);
          /* At least a tenth of the edge differs. */
          if (signature_distance (si, sj) * 10 < si->len)
            g_error ("%s and %s look alike:\n%s\n%s", eyl_overlay_kind_label (families[f][i]),
                     eyl_overlay_kind_label (families[f][j]), si->str, sj->str);
        }
  banner_clear (&b);
}

/* The legend is drawn beside the page, never on it. */
static void
test_legend_off_page (void)
{
  Banner b = {
    0,
  };
  EylOverlayOptions options;
  cairo_surface_t  *with, *without, *legend;
  cairo_t          *cr;
  double            w = 0, h = 0, w1 = 0, h1 = 0;
  int               sw, sh, stride;
  const guint8     *data;
  guint             inked = 0;

  banner_load (&b, NULL, "rollup-behind-table");

  /* The legend bit changes no pixel of the page. */
  eyl_overlay_options_init (&options);
  options.px_per_pt = PX;
  options.layers = EYL_OVERLAY_ALL;
  with = paint_white (b.analysis, &options);
  options.layers = EYL_OVERLAY_ALL & ~EYL_OVERLAY_LEGEND;
  without = paint_white (b.analysis, &options);
  stride = cairo_image_surface_get_stride (with);
  g_assert_cmpmem (cairo_image_surface_get_data (with), stride * cairo_image_surface_get_height (with),
                   cairo_image_surface_get_data (without),
                   stride * cairo_image_surface_get_height (without));
  cairo_surface_destroy (with);
  cairo_surface_destroy (without);

  /* Beside the page: measured, then drawn within its size — in one
   * column for a narrow panel, in columns when wide. */
  eyl_overlay_paint_legend (NULL, &b.analysis, 1, EYL_OVERLAY_ALL, 200, &w, &h);
  g_assert_cmpfloat (w, >, 40);
  g_assert_cmpfloat (w, <=, 200);
  g_assert_cmpfloat (h, >, 30);
  eyl_overlay_paint_legend (NULL, &b.analysis, 1, EYL_OVERLAY_ALL, 2000, &w1, &h1);
  g_assert_cmpfloat (h1, <, h);

  sw = (int) ceil (w) + 40;
  sh = (int) ceil (h) + 40;
  legend = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sw, sh);
  cr = cairo_create (legend);
  eyl_overlay_paint_legend (cr, &b.analysis, 1, EYL_OVERLAY_ALL, 200, NULL, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (legend);
  data = cairo_image_surface_get_data (legend);
  stride = cairo_image_surface_get_stride (legend);
  for (int y = 0; y < sh; y++)
    for (int x = 0; x < sw; x++)
      {
        guint8 alpha = data[y * stride + x * 4 + 3];

        inked += alpha > 0;
        /* Nothing beyond the size it gave (a pixel of antialiasing). */
        if (alpha > 0)
          {
            g_assert_cmpint (x, <=, (int) ceil (w) + 1);
            g_assert_cmpint (y, <=, (int) ceil (h) + 1);
          }
      }
  g_assert_cmpuint (inked, >, 500);
  save_png (legend, "overlay-legend.png");
  cairo_surface_destroy (legend);
  banner_clear (&b);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eyl/overlay/palette", test_palette);
  g_test_add_func ("/eyl/overlay/hidden-zone-pixels", test_hidden_zone_pixels);
  g_test_add_func ("/eyl/overlay/element-box-pixels", test_element_box_pixels);
  g_test_add_func ("/eyl/overlay/eye-level-band", test_eye_level_band);
  g_test_add_func ("/eyl/overlay/eye-level-small-piece", test_eye_level_small_piece);
  g_test_add_func ("/eyl/overlay/hole-ends-at-lip", test_hole_ends_at_lip);
  g_test_add_func ("/eyl/overlay/markers", test_markers);
  g_test_add_func ("/eyl/overlay/pictures", test_pictures);
  g_test_add_func ("/eyl/overlay/labels-generated", test_labels_generated);
  g_test_add_func ("/eyl/overlay/labels-grouped", test_labels_grouped);
  g_test_add_func ("/eyl/overlay/labels-off-text", test_labels_off_text);
  g_test_add_func ("/eyl/overlay/labels-off-text-corpus", test_labels_off_text_corpus);
  g_test_add_func ("/eyl/overlay/legend-off-page", test_legend_off_page);
  g_test_add_func ("/eyl/overlay/zone-label-off-ink", test_zone_label_off_ink);
  g_test_add_func ("/eyl/overlay/element-label-off-ink", test_element_label_off_ink);
  g_test_add_func ("/eyl/overlay/whole-page-compact", test_whole_page_compact);
  g_test_add_func ("/eyl/overlay/labels-min-size", test_labels_min_size);
  g_test_add_func ("/eyl/overlay/kind-styles", test_kind_styles);
  g_test_add_func ("/eyl/overlay/labels-corpus", test_labels_corpus);

  return g_test_run ();
}
