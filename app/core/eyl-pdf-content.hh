/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-pdf-content.hh: what the readers that walk content streams with
 * libqpdf's parser (C++ only) share: the matrix of PDF's cm operator, one
 * open file per process, and default user space to page space. */
#pragma once

/* qpdf 11: no PointerHolder in our code. */
#define POINTERHOLDER_TRANSITION 4

#include <cmath>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <glib.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

namespace eyl {

struct Matrix
{
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;

  /* this × m: apply this first, then m (PDF's cm order). */
  Matrix
  then (const Matrix &m) const
  {
    Matrix r;

    r.a = a * m.a + b * m.c;
    r.b = a * m.b + b * m.d;
    r.c = c * m.a + d * m.c;
    r.d = c * m.b + d * m.d;
    r.e = e * m.a + f * m.c + m.e;
    r.f = e * m.b + f * m.d + m.f;
    return r;
  }

  void
  apply (double x, double y, double &ox, double &oy) const
  {
    ox = a * x + c * y + e;
    oy = b * x + d * y + f;
  }
};

/* A /Matrix array; false (and @m untouched) when it is not six finite
 * numbers. */
inline bool
read_matrix (QPDFObjectHandle array,
             Matrix          &m)
{
  double v[6];

  if (!array.isArray () || array.getArrayNItems () != 6)
    return false;
  for (int i = 0; i < 6; i++)
    {
      QPDFObjectHandle item = array.getArrayItem (i);

      if (!item.isNumber ())
        return false;
      v[i] = item.getNumericValue ();
      if (!std::isfinite (v[i]))
        return false;
    }
  m.a = v[0], m.b = v[1], m.c = v[2], m.d = v[3], m.e = v[4], m.f = v[5];
  return true;
}

/* A content-stream walker: the operands are gathered and each operator
 * handed to run() with them, in the resource dictionary @resources. */
class OperatorParser : public QPDFObjectHandle::ParserCallbacks
{
public:
  explicit OperatorParser (QPDFObjectHandle resources)
    : resources (resources)
  {
  }

  void
  handleObject (QPDFObjectHandle obj) override
  {
    if (obj.isOperator ())
      {
        run (obj.getOperatorValue ());
        operands.clear ();
      }
    else
      operands.push_back (obj);
  }

  void
  handleEOF () override
  {
  }

protected:
  QPDFObjectHandle              resources;
  std::vector<QPDFObjectHandle> operands;

  virtual void run (const std::string &op) = 0;

  /* Operand @i as a number; NaN when it is not one. */
  double
  num (size_t i)
  {
    if (i >= operands.size () || !operands[i].isNumber ())
      return NAN;
    return operands[i].getNumericValue ();
  }

  /* The cm operator's matrix; false when its operands are not six finite
   * numbers. */
  bool
  operand_matrix (Matrix &m)
  {
    Matrix r;

    r.a = num (0), r.b = num (1), r.c = num (2), r.d = num (3), r.e = num (4), r.f = num (5);
    if (!std::isfinite (r.a + r.b + r.c + r.d + r.e + r.f))
      return false;
    m = r;
    return true;
  }

  /* The resource operand @i names in @category (/XObject, …); null when
   * there is none. */
  QPDFObjectHandle
  resource (const char *category,
            size_t      i)
  {
    if (i >= operands.size () || !operands[i].isName () || !resources.isDictionary ())
      return QPDFObjectHandle::newNull ();
    QPDFObjectHandle dict = resources.getKey (category);
    if (!dict.isDictionary ())
      return QPDFObjectHandle::newNull ();
    return dict.getKey (operands[i].getName ());
  }
};

/* Default user space → page space: the crop box's top-left, y down,
 * turned by /Rotate (as eyl-page-boxes does for the boxes). */
class PageSpace
{
public:
  explicit PageSpace (QPDFPageObjectHelper &page)
  {
    QPDFObjectHandle::Rectangle crop = page.getCropBox (false, false).getArrayAsRectangle ();
    QPDFObjectHandle rotate_obj = page.getAttribute ("/Rotate", false);

    rotate = rotate_obj.isInteger () ? (int) (((rotate_obj.getIntValue () % 360) + 360) % 360) : 0;
    x0 = MIN (crop.llx, crop.urx), y0 = MIN (crop.lly, crop.ury);
    x1 = MAX (crop.llx, crop.urx), y1 = MAX (crop.lly, crop.ury);
    w = x1 - x0, h = y1 - y0;
  }

  double width () const { return rotate == 90 || rotate == 270 ? h : w; }
  double height () const { return rotate == 90 || rotate == 270 ? w : h; }

  void
  map (double x, double y, double &ox, double &oy) const
  {
    double X = x - x0, Y = y1 - y;

    ox = X, oy = Y;
    switch (rotate)
      {
      case 90: ox = h - Y; oy = X; break;
      case 180: ox = w - X; oy = h - Y; break;
      case 270: ox = Y; oy = w - X; break;
      default: break;
      }
  }

private:
  int    rotate;
  double x0, y0, x1, y1, w, h;
};

/* Runs @f (QPDF &, QPDFPageObjectHelper &) on page @index of @path.  A
 * file is read once for all its pages (a worker reads one file, page after
 * page): the last one is kept, on the heap and never destroyed at exit
 * (libqpdf's own statics may be gone by then).  Returns false when the
 * page does not exist; libqpdf's exceptions pass through, and the file is
 * read again next time. */
template <typename F>
bool
with_page (const char *path,
           const char *password,
           guint       index,
           F         &&f)
{
  static std::mutex lock;
  static std::string *cached_path = new std::string ();
  static std::unique_ptr<QPDF> *pdf_holder = new std::unique_ptr<QPDF> ();
  static std::vector<QPDFPageObjectHelper> *pages_holder = new std::vector<QPDFPageObjectHelper> ();
  std::unique_ptr<QPDF> &pdf = *pdf_holder;
  std::vector<QPDFPageObjectHelper> &pages = *pages_holder;
  std::lock_guard<std::mutex> hold (lock);

  try
    {
      if (pdf == nullptr || *cached_path != path)
        {
          pages.clear ();
          pdf.reset (new QPDF ());
          cached_path->clear ();
          pdf->setSuppressWarnings (true);
          pdf->processFile (path, password);
          pages = QPDFPageDocumentHelper (*pdf).getAllPages ();
          *cached_path = path;
        }
      if (index >= pages.size ())
        return false;
      f (*pdf, pages[index]);
      return true;
    }
  catch (...)
    {
      pages.clear ();
      pdf.reset ();
      cached_path->clear ();
      throw;
    }
}

} /* namespace eyl */
