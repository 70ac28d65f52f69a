/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>
#include <cairo-pdf.h>
#include <qpdf/qpdf-c.h>

#include "eyl-barcode.h"
#include "eyl-fixtures.h"
#include "eyl-pack-fixtures.h"

#define PT_PER_MM (72.0 / 25.4)
#define PAGE_W_MM 240.0
#define PAGE_H_MM 250.0

void
eyl_pack_draw_barcode (cairo_t    *cr,
                       const char *symbology,
                       const char *digits,
                       double      x_mm,
                       double      height_mm,
                       guint32     rgb)
{
  g_autofree char *modules = eyl_barcode_modules (symbology, digits);
  int              n;

  g_assert_nonnull (modules);
  n = (int) strlen (modules);
  cairo_save (cr);
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
  for (int i = 0; i < n; i++)
    if (modules[i] == '1')
      {
        gboolean guard = i < 3 || i >= n - 3 || (i >= n / 2 - 2 && i <= n / 2 + 2);

        cairo_rectangle (cr, i * x_mm, 0, x_mm, height_mm + (guard ? 5 * x_mm : 0));
      }
  cairo_fill (cr);
  cairo_restore (cr);
}

/* Polylines in mm from the page's top-left, -1 ends one, -2 closes it. */
static const double tuck_cut[] = {
  32,
  40,
  62,
  40,
  62,
  15,
  122,
  15,
  122,
  40,
  152,
  40,
  152,
  60,
  212,
  60,
  212,
  225,
  152,
  225,
  152,
  200,
  122,
  200,
  122,
  180,
  62,
  180,
  62,
  200,
  32,
  200,
  32,
  180,
  20,
  174,
  20,
  66,
  32,
  60,
  -2,
  62,
  40,
  62,
  60,
  -1,
  122,
  40,
  122,
  60,
  -1,
  152,
  180,
  152,
  200,
  -1,
};
static const double tuck_crease[] = {
  32,
  60,
  32,
  180,
  -1,
  62,
  60,
  62,
  180,
  -1,
  122,
  60,
  122,
  180,
  -1,
  152,
  60,
  152,
  180,
  -1,
  32,
  60,
  152,
  60,
  -1,
  32,
  180,
  62,
  180,
  -1,
  122,
  180,
  212,
  180,
  -1,
  62,
  30,
  122,
  30,
  -1,
  152,
  210,
  212,
  210,
  -1,
};
static const double sleeve_cut[] = {
  32,
  60,
  212,
  60,
  212,
  180,
  32,
  180,
  20,
  174,
  20,
  66,
  -2,
};
static const double sleeve_crease[] = {
  32,
  60,
  32,
  180,
  -1,
  62,
  60,
  62,
  180,
  -1,
  122,
  60,
  122,
  180,
  -1,
  152,
  60,
  152,
  180,
  -1,
};
static const double label_cut[] = {
  62,
  60,
  122,
  60,
  122,
  180,
  62,
  180,
  -2,
};

static void
net_lines (EylPackNet     net,
           gboolean       crease,
           const double **lines,
           guint         *n)
{
  switch (net)
    {
    case EYL_PACK_TUCK_END:
      *lines = crease ? tuck_crease : tuck_cut;
      *n = crease ? G_N_ELEMENTS (tuck_crease) : G_N_ELEMENTS (tuck_cut);
      break;
    case EYL_PACK_SLEEVE:
      *lines = crease ? sleeve_crease : sleeve_cut;
      *n = crease ? G_N_ELEMENTS (sleeve_crease) : G_N_ELEMENTS (sleeve_cut);
      break;
    case EYL_PACK_LABEL:
    default:
      *lines = crease ? NULL : label_cut;
      *n = crease ? 0 : G_N_ELEMENTS (label_cut);
      break;
    }
}

/* Calls @point for every vertex (start = TRUE on each polyline's first)
 * and @close at each end; returns the length in mm. */
typedef void (*PointFunc) (gpointer data, double x, double y, gboolean start);
typedef void (*EndFunc) (gpointer data, gboolean close);

static double
walk_lines (EylPackNet net,
            gboolean   crease,
            PointFunc  point,
            EndFunc    end,
            gpointer   data)
{
  const double *l;
  guint         n, i = 0;
  double        length = 0;

  net_lines (net, crease, &l, &n);
  while (i < n)
    {
      double fx = l[i], fy = l[i + 1], px = fx, py = fy;

      if (point != NULL)
        point (data, fx, fy, TRUE);
      for (i += 2; l[i] >= 0; i += 2)
        {
          length += hypot (l[i] - px, l[i + 1] - py);
          px = l[i];
          py = l[i + 1];
          if (point != NULL)
            point (data, px, py, FALSE);
        }
      if (l[i] == -2)
        length += hypot (fx - px, fy - py);
      if (end != NULL)
        end (data, l[i] == -2);
      i++;
    }
  return length;
}

double
eyl_pack_cut_length_mm (EylPackNet net)
{
  return walk_lines (net, FALSE, NULL, NULL, NULL);
}

double
eyl_pack_crease_length_mm (EylPackNet net)
{
  return walk_lines (net, TRUE, NULL, NULL, NULL);
}

static void
cairo_point (gpointer data,
             double   x,
             double   y,
             gboolean start)
{
  if (start)
    cairo_move_to (data, x, y);
  else
    cairo_line_to (data, x, y);
}

static void
cairo_end (gpointer data,
           gboolean close)
{
  if (close)
    cairo_close_path (data);
}

static void
pdf_point (gpointer data,
           double   x,
           double   y,
           gboolean start)
{
  char bx[G_ASCII_DTOSTR_BUF_SIZE], by[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (data, "%s %s %s\n",
                          g_ascii_formatd (bx, sizeof bx, "%.3f", x * PT_PER_MM),
                          g_ascii_formatd (by, sizeof by, "%.3f", (PAGE_H_MM - y) * PT_PER_MM),
                          start ? "m" : "l");
}

static void
pdf_end (gpointer data,
         gboolean close)
{
  g_string_append (data, close ? "h S\n" : "S\n");
}

static void
text (cairo_t    *cr,
      double      x_mm,
      double      y_mm,
      double      size_pt,
      const char *str)
{
  cairo_move_to (cr, x_mm, y_mm);
  cairo_set_font_size (cr, size_pt / PT_PER_MM);
  cairo_show_text (cr, str);
}

static void
draw_artwork (const EylPackSpec *spec,
              cairo_t           *cr)
{
  cairo_scale (cr, PT_PER_MM, PT_PER_MM);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_source_rgb (cr, 0.1, 0.3, 0.1);

  /* Front face (the label is all front). */
  if (!spec->bare)
    {
      text (cr, 66, 95, 20, "NORTHWIND");
      text (cr, 66, 125, 26, "Green Tea");
    }
  if (spec->net_quantity && !spec->bare)
    text (cr, 66, 170, 8, "twenty tea bags");
  if (spec->net != EYL_PACK_LABEL && !spec->bare)
    {
      /* The back face, the sides, the glue flap. */
      text (cr, 156, 72, 9, "NORTHWIND");
      text (cr, 156, 80, 8, "Green Tea");
      cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                              CAIRO_FONT_WEIGHT_NORMAL);
      text (cr, 156, 90, 6, "Ingredients: green tea leaves.");
      text (cr, 156, 96, 6, "www.northwind-tea.example");
      text (cr, 35, 120, 7, "Steep 3 minutes");
      text (cr, 21, 120, 5, "GLUE");
    }
  if (spec->near_edges && spec->net == EYL_PACK_TUCK_END && !spec->bare)
    {
      cairo_text_extents_t ext;

      text (cr, 110, 170, 6, "www.northwind-tea.example");
      cairo_set_font_size (cr, 6 / PT_PER_MM);
      cairo_text_extents (cr, "+44 20 7946 0958", &ext);
      text (cr, 211 - ext.x_advance, 110, 6, "+44 20 7946 0958");
    }

  /* Crop marks at the page corners: lines, not artwork. */
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.25);
  cairo_move_to (cr, 5, 10);
  cairo_line_to (cr, 15, 10);
  cairo_move_to (cr, 10, 5);
  cairo_line_to (cr, 10, 15);
  cairo_move_to (cr, PAGE_W_MM - 15, PAGE_H_MM - 10);
  cairo_line_to (cr, PAGE_W_MM - 5, PAGE_H_MM - 10);
  cairo_stroke (cr);

  if (spec->barcode != EYL_PACK_BARCODE_NONE && !spec->bare)
    {
      cairo_save (cr);
      cairo_translate (cr, spec->barcode == EYL_PACK_BARCODE_FOLD ? 140 : 165, 140);
      eyl_pack_draw_barcode (cr, "EAN-13", "4006381333931", 0.33, 22.85, 0x000000);
      cairo_restore (cr);
    }

  /* Without a dieline layer or spot colour: the net in plain black, as
   * many sheets draw it. */
  if (spec->dieline == EYL_PACK_DIELINE_NONE)
    {
      cairo_set_line_width (cr, 0.3);
      walk_lines (spec->net, FALSE, cairo_point, cairo_end, cr);
      walk_lines (spec->net, TRUE, cairo_point, cairo_end, cr);
      cairo_stroke (cr);
    }
}

static void
add_resource (qpdf_data   q,
              qpdf_oh     resources,
              const char *category,
              const char *name,
              qpdf_oh     value)
{
  qpdf_oh dict = qpdf_oh_get_key (q, resources, category);

  if (!qpdf_oh_is_dictionary (q, dict))
    {
      dict = qpdf_oh_parse (q, "<< >>");
      qpdf_oh_replace_key (q, resources, category, dict);
      dict = qpdf_oh_get_key (q, resources, category);
    }
  qpdf_oh_replace_key (q, dict, name, value);
}

static qpdf_oh
new_stream (qpdf_data   q,
            const char *data)
{
  qpdf_oh s = qpdf_oh_new_stream (q);

  qpdf_oh_replace_stream_data (q, s, (const unsigned char *) data, strlen (data),
                               qpdf_oh_new_null (q), qpdf_oh_new_null (q));
  return s;
}

/* The dieline drawn into the page's content with libqpdf. */
static void
add_dieline (const EylPackSpec *spec,
             const char        *in,
             const char        *out)
{
  qpdf_data q = qpdf_init ();
  qpdf_oh   page, resources, contents;
  g_autoptr(GString) ops = g_string_new ("q 0.5 w\n");

  g_assert_cmpint (qpdf_read (q, in, NULL) & QPDF_ERRORS, ==, 0);
  page = qpdf_get_page_n (q, 0);
  resources = qpdf_oh_get_key (q, page, "/Resources");

  if (spec->dieline == EYL_PACK_DIELINE_ISO)
    {
      qpdf_oh cut = qpdf_make_indirect_object (q, qpdf_oh_parse (q,
                                                                 "<< /Type /OCG /Name (Cutting) /GTS_Metadata << /GTS_ProcStepsGroup /Structural "
                                                                 "/GTS_ProcStepsType /Cutting >> >>"));
      qpdf_oh crease = qpdf_make_indirect_object (q, qpdf_oh_parse (q,
                                                                    "<< /Type /OCG /Name (Creasing) /GTS_Metadata << /GTS_ProcStepsGroup /Structural "
                                                                    "/GTS_ProcStepsType /Creasing >> >>"));
      qpdf_oh ocgs = qpdf_oh_new_array (q);
      qpdf_oh props = qpdf_oh_parse (q, "<< /D << >> >>");

      add_resource (q, resources, "/Properties", "/MC0", cut);
      add_resource (q, resources, "/Properties", "/MC1", crease);
      qpdf_oh_append_item (q, ocgs, cut);
      qpdf_oh_append_item (q, ocgs, crease);
      qpdf_oh_replace_key (q, props, "/OCGs", ocgs);
      qpdf_oh_replace_key (q, qpdf_get_root (q), "/OCProperties", props);

      g_string_append (ops, "0 0 1 RG\n/OC /MC0 BDC\n");
      walk_lines (spec->net, FALSE, pdf_point, pdf_end, ops);
      g_string_append (ops, "EMC\n/OC /MC1 BDC\n");
      walk_lines (spec->net, TRUE, pdf_point, pdf_end, ops);
      g_string_append (ops, "EMC\n");
    }
  else
    {
      static const char tint[] = "<< /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] "
                                 "/C1 [0 1 0 0] /N 1 >>";
      g_autofree char  *cs0 = g_strdup_printf ("[/Separation /CutContour /DeviceCMYK %s]", tint);
      g_autofree char  *cs1 = g_strdup_printf ("[/Separation /Rill /DeviceCMYK %s]", tint);

      add_resource (q, resources, "/ColorSpace", "/CS0", qpdf_oh_parse (q, cs0));
      add_resource (q, resources, "/ColorSpace", "/CS1", qpdf_oh_parse (q, cs1));
      g_string_append (ops, "/CS0 CS 1 SCN\n");
      walk_lines (spec->net, FALSE, pdf_point, pdf_end, ops);
      g_string_append (ops, "/CS1 CS 1 SCN\n");
      walk_lines (spec->net, TRUE, pdf_point, pdf_end, ops);
      /* A shape filled (not stroked) with the cut colour is artwork. */
      g_string_append (ops, "/CS0 CS 1 SCN /CS0 cs 1 scn 20 20 30 30 re f\n");
    }
  g_string_append (ops, "Q\n");

  /* The original content balanced in q … Q, then the dieline. */
  contents = qpdf_oh_wrap_in_array (q, qpdf_oh_get_key (q, page, "/Contents"));
  {
    qpdf_oh all = qpdf_oh_new_array (q);
    int     n = qpdf_oh_get_array_n_items (q, contents);

    qpdf_oh_append_item (q, all, new_stream (q, "q\n"));
    for (int i = 0; i < n; i++)
      qpdf_oh_append_item (q, all, qpdf_oh_get_array_item (q, contents, i));
    qpdf_oh_append_item (q, all, new_stream (q, "Q\n"));
    qpdf_oh_append_item (q, all, new_stream (q, ops->str));
    qpdf_oh_replace_key (q, page, "/Contents", all);
  }

  g_assert_cmpint (qpdf_init_write (q, out) & QPDF_ERRORS, ==, 0);
  g_assert_cmpint (qpdf_write (q) & QPDF_ERRORS, ==, 0);
  qpdf_cleanup (&q);
}

char *
eyl_pack_make_sheet (const EylPackSpec *spec)
{
  static guint     counter;
  g_autofree char *name = g_strdup_printf ("pack-%u-%u-%u-%u-%u.pdf", spec->net, spec->dieline,
                                           spec->barcode, spec->bare, counter++);
  g_autofree char *art = g_strconcat (name, ".art.pdf", NULL);
  char            *path = g_build_filename (eyl_fixture_dir (), name, NULL);
  g_autofree char *art_path = g_build_filename (eyl_fixture_dir (), art, NULL);
  cairo_surface_t *surface;
  cairo_t         *cr;

  surface = cairo_pdf_surface_create (spec->dieline == EYL_PACK_DIELINE_NONE ? path : art_path,
                                      PAGE_W_MM * PT_PER_MM, PAGE_H_MM * PT_PER_MM);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  draw_artwork (spec, cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  if (spec->dieline != EYL_PACK_DIELINE_NONE)
    add_dieline (spec, art_path, path);
  return path;
}

char *
eyl_pack_make_label (double net_pt)
{
  static guint     counter;
  g_autofree char *name = g_strdup_printf ("label-net-%u.pdf", counter++);
  char            *path = g_build_filename (eyl_fixture_dir (), name, NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 100 * PT_PER_MM, 120 * PT_PER_MM);
  cairo_t         *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, PT_PER_MM, PT_PER_MM);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_source_rgb (cr, 0.1, 0.3, 0.1);
  text (cr, 10, 25, 28, "NORTHWIND");
  text (cr, 10, 45, 20, "Green Tea");
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  text (cr, 10, 60, 9, "Twenty bags of whole leaf tea");
  text (cr, 10, 110, net_pt, "Net Wt 1.4 oz (40 g)");
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}
