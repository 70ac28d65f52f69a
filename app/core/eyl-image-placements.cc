/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-image-placements.cc: where a page draws its images and their pixel
 * sizes, read from the content streams with libqpdf's parser, without
 * decoding a pixel.
 *
 * Poppler tells where each image is drawn but its pixel size only by
 * decoding it, and each decode runs the whole page again (0.3 s a page on
 * a flyer with a dozen photos).  The image dictionaries give the size;
 * which dictionary an image on the page is, the content stream tells: the
 * matrix in force when it is drawn maps the unit square onto its place. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-image-placements"

#include <glib/gi18n.h>

#include "eyl-error.h"
#include "eyl-image-placements.h"
#include "eyl-pdf-content.hh"

/* Forms inside forms: deeper is a loop or a bomb. */
#define MAX_FORM_DEPTH 12
/* Placements kept a page: a page drawing more images is a pattern of
 * tiles, each too small to matter alone.  Forms walked a page: a form
 * drawn a thousand times is walked a thousand times. */
#define MAX_PLACEMENTS 4096
#define MAX_FORMS      1024

namespace {

using eyl::Matrix;

struct Placed
{
  Matrix ctm;
  int    width, height;
};

struct Walk
{
  std::vector<Placed> placed;
  int                 forms = 0;
};

class Parser : public eyl::OperatorParser
{
public:
  Parser (Walk                &out,
          QPDFObjectHandle     resources,
          const Matrix        &ctm,
          int                  depth)
    : OperatorParser (resources), out (out), depth (depth)
  {
    ctms.push_back (ctm);
  }

private:
  Walk                &out;
  int                  depth;
  std::vector<Matrix>  ctms;

  static int
  dimension (QPDFObjectHandle value)
  {
    return value.isInteger () && value.getIntValue () > 0 && value.getIntValue () < G_MAXINT
             ? (int) value.getIntValue ()
             : 0;
  }

  void
  place (int width, int height)
  {
    if (width > 0 && height > 0 && out.placed.size () < MAX_PLACEMENTS)
      out.placed.push_back ({ ctms.back (), width, height });
  }

  void
  draw_xobject ()
  {
    QPDFObjectHandle xobject = resource ("/XObject", 0);

    if (!xobject.isStream ())
      return;
    QPDFObjectHandle dict = xobject.getDict ();

    if (dict.getKey ("/Subtype").isNameAndEquals ("/Image"))
      place (dimension (dict.getKey ("/Width")), dimension (dict.getKey ("/Height")));
    else if (dict.getKey ("/Subtype").isNameAndEquals ("/Form") && depth < MAX_FORM_DEPTH &&
             out.forms++ < MAX_FORMS)
      {
        Matrix           m;
        QPDFObjectHandle own = dict.getKey ("/Resources");

        eyl::read_matrix (dict.getKey ("/Matrix"), m);
        Parser child (out, own.isDictionary () ? own : resources, m.then (ctms.back ()),
                      depth + 1);
        xobject.parseAsContents (&child);
      }
  }

  /* BI /W 10 /H 10 … ID: the operands of ID are the dictionary's keys
   * and values, abbreviated or not. */
  void
  inline_image ()
  {
    int width = 0, height = 0;

    for (size_t i = 0; i + 1 < operands.size (); i += 2)
      {
        if (operands[i].isNameAndEquals ("/W") || operands[i].isNameAndEquals ("/Width"))
          width = dimension (operands[i + 1]);
        else if (operands[i].isNameAndEquals ("/H") || operands[i].isNameAndEquals ("/Height"))
          height = dimension (operands[i + 1]);
      }
    place (width, height);
  }

  void
  run (const std::string &op) override
  {
    if (op == "q")
      ctms.push_back (ctms.back ());
    else if (op == "Q")
      {
        if (ctms.size () > 1)
          ctms.pop_back ();
      }
    else if (op == "cm")
      {
        Matrix m;

        if (operand_matrix (m))
          ctms.back () = m.then (ctms.back ());
      }
    else if (op == "Do")
      draw_xobject ();
    else if (op == "ID")
      inline_image ();
  }
};

} /* namespace */

/* Page @index's images in drawing order; NULL with @error when libqpdf
 * cannot read the file or the page does not exist. */
GArray *
eyl_pdf_image_placements (const char *path,
                          const char *password,
                          guint       index,
                          GError    **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  try
    {
      GArray *placements = g_array_new (FALSE, FALSE, sizeof (EylImagePlacement));
      bool    found;

      found = eyl::with_page (path, password, index, [&] (QPDF &, QPDFPageObjectHelper &page) {
        Walk                walk;
        Parser              parser (walk, page.getAttribute ("/Resources", false), Matrix (), 0);
        eyl::PageSpace      space (page);

        page.parseContents (&parser);
        for (const Placed &p : walk.placed)
          {
            static const double corners[4][2] = { { 0, 0 }, { 1, 0 }, { 0, 1 }, { 1, 1 } };
            EylImagePlacement   placement = { { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE }, p.width, p.height };

            for (const auto &c : corners)
              {
                double x, y;

                p.ctm.apply (c[0], c[1], x, y);
                space.map (x, y, x, y);
                placement.box.x0 = MIN (placement.box.x0, x);
                placement.box.y0 = MIN (placement.box.y0, y);
                placement.box.x1 = MAX (placement.box.x1, x);
                placement.box.y1 = MAX (placement.box.y1, y);
              }
            if (std::isfinite (placement.box.x0 + placement.box.y0 + placement.box.x1 + placement.box.y1))
              g_array_append_val (placements, placement);
          }
      });
      if (!found)
        {
          g_array_unref (placements);
          g_set_error (error, EYL_ERROR, EYL_ERROR_PAGE, _("Page %u does not exist"), index + 1);
          return NULL;
        }
      g_debug ("page %u: %u images placed", index, placements->len);

      return placements;
    }
  catch (const std::exception &e)
    {
      g_set_error (error, EYL_ERROR, EYL_ERROR_INVALID, _("Cannot read the page's images: %s"),
                   e.what ());
      return NULL;
    }
}

/* The pixel size of the image drawn over @box when the images placed
 * there all have one size; FALSE when none is there or they differ.
 * Poppler gives an image's box in whole points of width and height from
 * one corner (its CairoImageOutputDev::getBBox rounds the size as it
 * would in device pixels at 72 dpi): each edge within MATCH_PT, plus 1 %
 * of the box for the rounding of a large image. */
#define MATCH_PT 2.5

gboolean
eyl_image_placement_match (GArray        *placements,
                           const EylRect *box,
                           int           *width_px,
                           int           *height_px)
{
  double tolerance = MATCH_PT + 0.01 * MAX (eyl_rect_width (box), eyl_rect_height (box));
  int    w = 0, h = 0;

  for (guint i = 0; placements != NULL && i < placements->len; i++)
    {
      const EylImagePlacement *p = &g_array_index (placements, EylImagePlacement, i);

      if (fabs (p->box.x0 - box->x0) > tolerance || fabs (p->box.y0 - box->y0) > tolerance ||
          fabs (p->box.x1 - box->x1) > tolerance || fabs (p->box.y1 - box->y1) > tolerance)
        continue;
      if (w != 0 && (w != p->width_px || h != p->height_px))
        return FALSE;
      w = p->width_px;
      h = p->height_px;
    }
  if (w == 0)
    return FALSE;
  *width_px = w;
  *height_px = h;
  return TRUE;
}
