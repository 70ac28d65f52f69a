/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-page-boxes"

#include <math.h>
#include <glib/gi18n.h>
#include <qpdf/qpdf-c.h>

#include "eyl-error.h"
#include "eyl-page-boxes.h"

/* How far up the page tree inherited attributes are looked for; a cycle
 * in /Parent must not loop. */
#define MAX_TREE_DEPTH 64

/* What Poppler uses for a missing or empty MediaBox (US Letter), so that
 * both libraries agree on the page. */
static const EylRect default_media = { 0, 0, 612, 792 };

struct _EylPdfBoxReader
{
  qpdf_data qpdf;
  int       n_pages;
};

/* A rectangle in PDF user space (y up), normalised so x0 ≤ x1, y0 ≤ y1. */
typedef struct
{
  double x0, y0, x1, y1;
} PdfRect;

static gboolean
qpdf_failed (EylPdfBoxReader *reader)
{
  if (!qpdf_has_error (reader->qpdf))
    return FALSE;

  /* Take the error so the next call starts clean. */
  g_debug ("libqpdf: %s",
           qpdf_get_error_full_text (reader->qpdf, qpdf_get_error (reader->qpdf)));
  return TRUE;
}

EylPdfBoxReader *
eyl_pdf_box_reader_open (const char *path,
                         const char *password,
                         GError    **error)
{
  g_autoptr(EylPdfBoxReader) reader = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reader = g_new0 (EylPdfBoxReader, 1);
  reader->qpdf = qpdf_init ();
  /* Errors are returned, never printed; qpdf's C API turns every C++
   * exception into an error state we check with qpdf_has_error(). */
  qpdf_silence_errors (reader->qpdf);
  qpdf_set_suppress_warnings (reader->qpdf, QPDF_TRUE);

  qpdf_read (reader->qpdf, path, password);
  if (qpdf_has_error (reader->qpdf))
    {
      qpdf_error             e = qpdf_get_error (reader->qpdf);
      enum qpdf_error_code_e code = qpdf_get_error_code (reader->qpdf, e);

      if (code == qpdf_e_password)
        g_set_error (error, EYL_ERROR,
                     password != NULL ? EYL_ERROR_WRONG_PASSWORD : EYL_ERROR_ENCRYPTED,
                     password != NULL ? _("The password is wrong")
                                      : _("The file is encrypted and needs a password"));
      else
        g_set_error (error, EYL_ERROR, EYL_ERROR_INVALID,
                     _("Cannot read the page boxes: %s"),
                        qpdf_get_error_full_text (reader->qpdf, e));
      return NULL;
    }

  reader->n_pages = qpdf_get_num_pages (reader->qpdf);
  if (qpdf_failed (reader) || reader->n_pages < 0)
    {
      g_set_error (error, EYL_ERROR, EYL_ERROR_INVALID,
                   _("Cannot read the page tree"));
      return NULL;
    }

  return g_steal_pointer (&reader);
}

guint
eyl_pdf_box_reader_get_n_pages (EylPdfBoxReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return (guint) reader->n_pages;
}

void
eyl_pdf_box_reader_free (EylPdfBoxReader *reader)
{
  if (reader == NULL)
    return;

  if (reader->qpdf != NULL)
    qpdf_cleanup (&reader->qpdf);
  g_free (reader);
}

static gboolean
read_number (qpdf_data qpdf,
             qpdf_oh   oh,
             double   *value)
{
  double v;

  if (!qpdf_oh_is_number (qpdf, oh))
    return FALSE;
  /* libqpdf converts a real with atof(), which follows LC_NUMERIC: under
   * a decimal-comma locale "2409.449" would become 2409.  Read the
   * PDF's own spelling with g_ascii_strtod instead. */
  if (qpdf_oh_is_real (qpdf, oh))
    {
      const char *text = qpdf_oh_get_real_value (qpdf, oh);
      char       *end = NULL;

      if (text == NULL)
        return FALSE;
      v = g_ascii_strtod (text, &end);
      if (end == text)
        return FALSE;
    }
  else
    v = qpdf_oh_get_numeric_value (qpdf, oh);
  if (!isfinite (v))
    return FALSE;
  *value = v;
  return TRUE;
}

/* A rectangle is an array of four numbers, any two opposite corners
 * (ISO 32000-1 7.9.5): normalise it. */
static gboolean
read_rect (qpdf_data qpdf,
           qpdf_oh   oh,
           PdfRect  *rect)
{
  double v[4];

  if (!qpdf_oh_is_array (qpdf, oh) || qpdf_oh_get_array_n_items (qpdf, oh) != 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    if (!read_number (qpdf, qpdf_oh_get_array_item (qpdf, oh, i), &v[i]))
      return FALSE;

  rect->x0 = MIN (v[0], v[2]);
  rect->x1 = MAX (v[0], v[2]);
  rect->y0 = MIN (v[1], v[3]);
  rect->y1 = MAX (v[1], v[3]);
  return TRUE;
}

/* The value of @key on the page or, for inheritable attributes (ISO
 * 32000-1 7.7.3.4: MediaBox, CropBox, Rotate, Resources), on the nearest
 * ancestor that has it.  0 when nowhere. */
static qpdf_oh
get_inherited (qpdf_data   qpdf,
               qpdf_oh     page,
               const char *key,
               gboolean    inheritable)
{
  qpdf_oh node = page;

  for (int depth = 0; depth < MAX_TREE_DEPTH; depth++)
    {
      if (!qpdf_oh_is_dictionary (qpdf, node))
        return 0;
      if (qpdf_oh_has_key (qpdf, node, key))
        {
          qpdf_oh value = qpdf_oh_get_key (qpdf, node, key);

          if (!qpdf_oh_is_null (qpdf, value))
            return value;
        }
      if (!inheritable || !qpdf_oh_has_key (qpdf, node, "/Parent"))
        return 0;
      node = qpdf_oh_get_key (qpdf, node, "/Parent");
    }
  return 0;
}

static gboolean
get_rect (qpdf_data   qpdf,
          qpdf_oh     page,
          const char *key,
          gboolean    inheritable,
          PdfRect    *rect)
{
  qpdf_oh oh = get_inherited (qpdf, page, key, inheritable);

  return oh != 0 && read_rect (qpdf, oh, rect);
}

/* Page boundaries are clipped to the media box (ISO 32000-1 14.11.2).
 * Each coordinate is clamped into the media box, as Poppler's
 * PDFRectangle::clipTo does, so a box outside it becomes empty at the
 * same place in both libraries. */
static PdfRect
clip_rect (const PdfRect *r,
           const PdfRect *media)
{
  return (PdfRect) {
    CLAMP (r->x0, media->x0, media->x1),
    CLAMP (r->y0, media->y0, media->y1),
    CLAMP (r->x1, media->x0, media->x1),
    CLAMP (r->y1, media->y0, media->y1),
  };
}

/* PDF user space → page space: origin at the top-left corner of the crop
 * box as displayed after /Rotate (clockwise, ISO 32000-1 Table 30), y
 * down, in pt.  Unrotated: u = x − crop.x0, v = crop.y1 − y on a W × H
 * page; rotating the page clockwise by 90° maps (u, v) to (H − v, u). */
static void
to_page_space (double         x,
               double         y,
               const PdfRect *crop,
               int            rotate,
               double        *px,
               double        *py)
{
  double w = crop->x1 - crop->x0;
  double h = crop->y1 - crop->y0;
  double u = x - crop->x0;
  double v = crop->y1 - y;

  switch (rotate)
    {
    case 90:
      *px = h - v;
      *py = u;
      break;
    case 180:
      *px = w - u;
      *py = h - v;
      break;
    case 270:
      *px = v;
      *py = w - u;
      break;
    default:
      *px = u;
      *py = v;
      break;
    }
}

static EylRect
rect_to_page_space (const PdfRect *r,
                    const PdfRect *crop,
                    int            rotate)
{
  double ax, ay, bx, by;

  to_page_space (r->x0, r->y0, crop, rotate, &ax, &ay);
  to_page_space (r->x1, r->y1, crop, rotate, &bx, &by);
  return (EylRect) { MIN (ax, bx), MIN (ay, by), MAX (ax, bx), MAX (ay, by) };
}

/* /Rotate shall be a multiple of 90 (ISO 32000-1 Table 30); anything else
 * is rounded to the nearest one, negative values turn the other way. */
static int
normalise_rotate (double value)
{
  long r = lround (value / 90.0) * 90;

  r %= 360;
  if (r < 0)
    r += 360;
  return (int) r;
}

gboolean
eyl_pdf_box_reader_get_boxes (EylPdfBoxReader *reader,
                              guint            index,
                              EylPageBoxes    *boxes)
{
  qpdf_data qpdf;
  qpdf_oh   page, oh;
  PdfRect   media, crop, r;
  double    number;
  gboolean  ok = FALSE;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (boxes != NULL, FALSE);

  *boxes = (EylPageBoxes) { .user_unit = 1.0 };
  if (index >= (guint) reader->n_pages)
    return FALSE;

  qpdf = reader->qpdf;
  page = qpdf_get_page_n (qpdf, index);
  if (qpdf_failed (reader) || !qpdf_oh_is_dictionary (qpdf, page))
    goto out;

  if (!get_rect (qpdf, page, "/MediaBox", TRUE, &media) || media.x1 - media.x0 <= 0 || media.y1 - media.y0 <= 0)
    media = (PdfRect) { default_media.x0, default_media.y0,
                        default_media.x1, default_media.y1 };

  if (get_rect (qpdf, page, "/CropBox", TRUE, &crop))
    crop = clip_rect (&crop, &media);
  else
    crop = media;

  oh = get_inherited (qpdf, page, "/Rotate", TRUE);
  if (oh != 0 && read_number (qpdf, oh, &number))
    boxes->rotate = normalise_rotate (number);

  /* UserUnit is not inheritable (ISO 32000-1 Table 30, PDF 1.6). */
  oh = get_inherited (qpdf, page, "/UserUnit", FALSE);
  if (oh != 0 && read_number (qpdf, oh, &number) && number > 0)
    boxes->user_unit = number;

  boxes->media = rect_to_page_space (&media, &crop, boxes->rotate);
  boxes->crop = rect_to_page_space (&crop, &crop, boxes->rotate);

  /* Bleed, trim and art default to the crop box (14.11.2); has_* says
   * whether the file really sets them. */
  boxes->bleed = boxes->trim = boxes->art = boxes->crop;
  if (get_rect (qpdf, page, "/BleedBox", FALSE, &r))
    {
      r = clip_rect (&r, &media);
      boxes->bleed = rect_to_page_space (&r, &crop, boxes->rotate);
      boxes->has_bleed = TRUE;
    }
  if (get_rect (qpdf, page, "/TrimBox", FALSE, &r))
    {
      r = clip_rect (&r, &media);
      boxes->trim = rect_to_page_space (&r, &crop, boxes->rotate);
      boxes->has_trim = TRUE;
    }
  if (get_rect (qpdf, page, "/ArtBox", FALSE, &r))
    {
      r = clip_rect (&r, &media);
      boxes->art = rect_to_page_space (&r, &crop, boxes->rotate);
      boxes->has_art = TRUE;
    }

  ok = !qpdf_failed (reader);

out:
  /* Object handles are not needed after this call. */
  qpdf_oh_release_all (qpdf);
  return ok;
}

/* Form XObjects nest; a cycle or a deep tree must not loop. */
#define MAX_FORM_DEPTH  4
#define MAX_IMAGE_SIZES 256

/* Marks an indirect object as visited; FALSE when it was already.  Forms
 * often share one resource dictionary that names every form again (a box
 * sheet with a hundred forms): without this set the walk is exponential in
 * the depth.  Direct objects have no identity and are always walked. */
static gboolean
visit_object (qpdf_data   qpdf,
              qpdf_oh     oh,
              GHashTable *visited)
{
  int     id = qpdf_oh_get_object_id (qpdf, oh);
  guint64 key;

  if (id <= 0)
    return TRUE;
  key = ((guint64) (guint) id << 16) | (guint) (qpdf_oh_get_generation (qpdf, oh) & 0xffff);
  if (g_hash_table_contains (visited, &key))
    return FALSE;
  g_hash_table_add (visited, g_memdup2 (&key, sizeof key));
  return TRUE;
}

static void
collect_image_sizes (qpdf_data   qpdf,
                     qpdf_oh     resources,
                     int         depth,
                     GHashTable *visited,
                     GArray     *sizes)
{
  qpdf_oh xobjects;
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  /* 0: none (get_inherited); libqpdf takes handle 0 for an error. */
  if (resources == 0 || depth > MAX_FORM_DEPTH || !qpdf_oh_is_dictionary (qpdf, resources) ||
      !visit_object (qpdf, resources, visited))
    return;
  xobjects = qpdf_oh_get_key (qpdf, resources, "/XObject");
  if (!qpdf_oh_is_dictionary (qpdf, xobjects))
    return;

  /* The key iterator is shared per qpdf_data: copy the keys before
   * recursing. */
  qpdf_oh_begin_dict_key_iter (qpdf, xobjects);
  while (qpdf_oh_dict_more_keys (qpdf))
    g_ptr_array_add (keys, g_strdup (qpdf_oh_dict_next_key (qpdf)));

  for (guint i = 0; i < keys->len && sizes->len < 2 * MAX_IMAGE_SIZES; i++)
    {
      qpdf_oh xobject = qpdf_oh_get_key (qpdf, xobjects, keys->pdata[i]);
      qpdf_oh dict;

      if (!qpdf_oh_is_stream (qpdf, xobject) || !visit_object (qpdf, xobject, visited))
        continue;
      dict = qpdf_oh_get_dict (qpdf, xobject);
      if (qpdf_oh_is_name_and_equals (qpdf, qpdf_oh_get_key (qpdf, dict, "/Subtype"), "/Image"))
        {
          int      size[2] = { 0, 0 };
          gboolean seen = FALSE;

          if (!qpdf_oh_get_value_as_int (qpdf, qpdf_oh_get_key (qpdf, dict, "/Width"), &size[0]) || !qpdf_oh_get_value_as_int (qpdf, qpdf_oh_get_key (qpdf, dict, "/Height"), &size[1]) || size[0] <= 0 || size[1] <= 0)
            continue;
          for (guint k = 0; k + 1 < sizes->len && !seen; k += 2)
            seen = g_array_index (sizes, int, k) == size[0] && g_array_index (sizes, int, k + 1) == size[1];
          if (!seen)
            g_array_append_vals (sizes, size, 2);
        }
      else if (qpdf_oh_is_name_and_equals (qpdf, qpdf_oh_get_key (qpdf, dict, "/Subtype"), "/Form"))
        collect_image_sizes (qpdf, qpdf_oh_get_key (qpdf, dict, "/Resources"), depth + 1,
                             visited, sizes);
    }
}

/* Page @index's dictionary in *@page; FALSE when there is none. */
static gboolean
get_page (EylPdfBoxReader *reader,
          guint            index,
          qpdf_oh         *page)
{
  if (index >= (guint) reader->n_pages)
    return FALSE;
  *page = qpdf_get_page_n (reader->qpdf, index);
  return !qpdf_failed (reader) && qpdf_oh_is_dictionary (reader->qpdf, *page);
}

/* Whether @smask (an ExtGState's /SMask) is a soft mask Poppler's Cairo
 * output draws through an image of the whole clip: a luminosity mask, or
 * any with a transfer function.  /None and alpha masks are not. */
static gboolean
smask_is_clip_image (qpdf_data qpdf,
                     qpdf_oh   smask)
{
  qpdf_oh transfer;

  if (!qpdf_oh_is_dictionary (qpdf, smask))
    return FALSE;
  transfer = qpdf_oh_get_key (qpdf, smask, "/TR");
  return !qpdf_oh_is_name_and_equals (qpdf, qpdf_oh_get_key (qpdf, smask, "/S"), "/Alpha") ||
         !(qpdf_oh_is_null (qpdf, transfer) || qpdf_oh_is_name_and_equals (qpdf, transfer, "/Identity"));
}

static gboolean find_clip_masks (qpdf_data   qpdf,
                                 qpdf_oh     resources,
                                 int         depth,
                                 GHashTable *visited);

/* find_clip_masks() over the resources of every stream or dictionary
 * value of the dictionary @key of @resources (forms, patterns, Type 3
 * fonts), and over the graphics states a shading pattern names. */
static gboolean
find_clip_masks_in (qpdf_data   qpdf,
                    qpdf_oh     resources,
                    const char *key,
                    int         depth,
                    GHashTable *visited)
{
  qpdf_oh dict = qpdf_oh_get_key (qpdf, resources, key);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  if (!qpdf_oh_is_dictionary (qpdf, dict))
    return FALSE;
  /* The key iterator is shared per qpdf_data: copy the keys before
   * recursing. */
  qpdf_oh_begin_dict_key_iter (qpdf, dict);
  while (qpdf_oh_dict_more_keys (qpdf))
    g_ptr_array_add (keys, g_strdup (qpdf_oh_dict_next_key (qpdf)));

  for (guint i = 0; i < keys->len; i++)
    {
      qpdf_oh value = qpdf_oh_get_key (qpdf, dict, keys->pdata[i]);
      qpdf_oh inner = qpdf_oh_is_stream (qpdf, value) ? qpdf_oh_get_dict (qpdf, value) : value;
      qpdf_oh gs;

      if (!qpdf_oh_is_dictionary (qpdf, inner) || !visit_object (qpdf, value, visited))
        continue;
      gs = qpdf_oh_get_key (qpdf, inner, "/ExtGState");
      if (qpdf_oh_is_dictionary (qpdf, gs) && smask_is_clip_image (qpdf, qpdf_oh_get_key (qpdf, gs, "/SMask")))
        return TRUE;
      if (find_clip_masks (qpdf, qpdf_oh_get_key (qpdf, inner, "/Resources"), depth + 1, visited))
        return TRUE;
    }
  return FALSE;
}

/* Whether @resources, or a form, pattern or font it names, sets a soft
 * mask smask_is_clip_image() is TRUE of; TRUE also when the resources
 * nest deeper than they are walked. */
static gboolean
find_clip_masks (qpdf_data   qpdf,
                 qpdf_oh     resources,
                 int         depth,
                 GHashTable *visited)
{
  qpdf_oh states;

  /* 0: none (get_inherited); libqpdf takes handle 0 for an error. */
  if (resources == 0 || !qpdf_oh_is_dictionary (qpdf, resources) || !visit_object (qpdf, resources, visited))
    return FALSE;
  if (depth > MAX_FORM_DEPTH)
    return TRUE;

  states = qpdf_oh_get_key (qpdf, resources, "/ExtGState");
  if (qpdf_oh_is_dictionary (qpdf, states))
    {
      g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

      qpdf_oh_begin_dict_key_iter (qpdf, states);
      while (qpdf_oh_dict_more_keys (qpdf))
        g_ptr_array_add (keys, g_strdup (qpdf_oh_dict_next_key (qpdf)));
      for (guint i = 0; i < keys->len; i++)
        {
          qpdf_oh gs = qpdf_oh_get_key (qpdf, states, keys->pdata[i]);

          if (qpdf_oh_is_dictionary (qpdf, gs) && smask_is_clip_image (qpdf, qpdf_oh_get_key (qpdf, gs, "/SMask")))
            return TRUE;
        }
    }
  return find_clip_masks_in (qpdf, resources, "/XObject", depth, visited) ||
         find_clip_masks_in (qpdf, resources, "/Pattern", depth, visited) ||
         find_clip_masks_in (qpdf, resources, "/Font", depth, visited);
}

gboolean
eyl_pdf_box_reader_has_clip_masks (EylPdfBoxReader *reader,
                                   guint            index,
                                   gboolean        *has)
{
  g_autoptr(GHashTable) visited = NULL;
  qpdf_data qpdf;
  qpdf_oh   page = 0, annots;
  gboolean  found, ok;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (has != NULL, FALSE);

  qpdf = reader->qpdf;
  if (!get_page (reader, index, &page))
    {
      qpdf_oh_release_all (qpdf);
      return FALSE;
    }
  visited = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  found = find_clip_masks (qpdf, get_inherited (qpdf, page, "/Resources", TRUE), 0, visited);
  /* Poppler draws the annotations' normal appearances too. */
  annots = qpdf_oh_get_key (qpdf, page, "/Annots");
  for (int i = 0; !found && qpdf_oh_is_array (qpdf, annots) && i < qpdf_oh_get_array_n_items (qpdf, annots); i++)
    {
      qpdf_oh annot = qpdf_oh_get_array_item (qpdf, annots, i);
      qpdf_oh ap = qpdf_oh_is_dictionary (qpdf, annot) ? qpdf_oh_get_key (qpdf, annot, "/AP") : 0;
      qpdf_oh normal = ap != 0 && qpdf_oh_is_dictionary (qpdf, ap) ? qpdf_oh_get_key (qpdf, ap, "/N") : 0;

      if (normal != 0 && qpdf_oh_is_stream (qpdf, normal))
        found = find_clip_masks (qpdf, qpdf_oh_get_key (qpdf, qpdf_oh_get_dict (qpdf, normal), "/Resources"), 1, visited);
      else if (normal != 0 && qpdf_oh_is_dictionary (qpdf, normal))
        {
          /* Appearance states: their streams as the resources of forms. */
          qpdf_oh wrapper = qpdf_oh_new_dictionary (qpdf);

          qpdf_oh_replace_key (qpdf, wrapper, "/XObject", normal);
          found = find_clip_masks (qpdf, wrapper, 0, visited);
        }
    }
  ok = !qpdf_failed (reader);
  qpdf_oh_release_all (qpdf);
  *has = found || !ok;
  return ok;
}

gboolean
eyl_pdf_box_reader_get_image_sizes (EylPdfBoxReader *reader,
                                    guint            index,
                                    GArray          *sizes)
{
  qpdf_data qpdf;
  qpdf_oh   page = 0;
  gboolean  ok;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (sizes != NULL, FALSE);

  if (index >= (guint) reader->n_pages)
    return FALSE;

  qpdf = reader->qpdf;
  ok = get_page (reader, index, &page);
  if (ok)
    {
      g_autoptr(GHashTable) visited = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                              g_free, NULL);

      collect_image_sizes (qpdf, get_inherited (qpdf, page, "/Resources", TRUE), 0,
                           visited, sizes);
    }
  ok = ok && !qpdf_failed (reader);

  qpdf_oh_release_all (qpdf);
  return ok;
}

guint
eyl_pdf_box_reader_take_warnings (EylPdfBoxReader *reader,
                                  GPtrArray       *messages)
{
  guint n = 0;

  g_return_val_if_fail (reader != NULL, 0);

  while (qpdf_more_warnings (reader->qpdf))
    {
      qpdf_error w = qpdf_next_warning (reader->qpdf);

      if (messages != NULL)
        g_ptr_array_add (messages, g_strdup (qpdf_get_error_full_text (reader->qpdf, w)));
      n++;
    }
  return n;
}
