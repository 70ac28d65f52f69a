/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-document"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include <cairo.h>

#include "eyl-document.h"
#include "eyl-stage.h"
#include "eyl-error.h"
#include "eyl-image-placements.h"
#include "eyl-page-boxes.h"
#include "eyl-render-source.h"
#include "eyl-poppler-private.h"

/* How many bytes are sniffed; "%PDF-" may follow some junk (ISO 32000-1
 * 7.5.2 allows readers to look for it; Acrobat accepts it in 1024 bytes). */
#define SNIFF_LEN 1024
/* The end of a file searched for %%EOF / startxref. */
#define TAIL_LEN 2048
/* Poppler messages kept word for word; the rest are only counted. */
#define MAX_KEPT_MESSAGES 5

/* Images whose pixel size libqpdf cannot tell are decoded with Poppler,
 * this many per page at most (each call runs the whole page again). */
#define MAX_IMAGE_DECODES 16
/* Poppler holds each image a render draws at its full pixel size: pages
 * with a larger image render from a copy with it shrunk to this (64 MB;
 * eyl-render-source.h), which keeps a worker within its memory. */
#define IMAGE_BUDGET_PX (16.0 * 1000 * 1000)
/* Renders read the other images of that copy decoded, this many bytes of
 * samples at most (eyl-render-source.h): a pass over a page of Flate
 * images then costs 0.12 -> 0.05 s, one of a 11 Mpx JPEG 0.10 -> 0.07 s. */
#define DECODED_BUDGET_BYTES (64 * 1024 * 1024)

struct _EylDocument
{
  GObject parent_instance;

  char            *path;
  char            *password;
  PopplerDocument *poppler;
  EylPdfBoxReader *boxes;
  guint            n_pages;

  guint            n_repairs;
  guint            n_out_of_memory; /* renders Cairo gave up on */
  GPtrArray       *warnings;        /* char * */
  GPtrArray       *capture;         /* Poppler messages while capturing, or NULL */
  GPtrArray       *renderers;       /* RenderTarget, one per page asked for */
  PopplerDocument *shrunk;          /* the copy renders use, or NULL */
  gboolean         shrunk_tried;
  guint            n_shrunk;         /* images the copy has shrunk */
  guint8          *large_image;      /* per page: 0 not known, 1 no, 2 an image over the budget */
  gboolean         no_image_decodes; /* eyl_document_set_image_decodes */
};

G_DEFINE_FINAL_TYPE (EylDocument, eyl_document, G_TYPE_OBJECT)

/* Poppler's messages */

/* The document being opened or read on this thread: Poppler reports on the
 * thread that does the work, and one document belongs to one thread. */
static GPrivate current_document;

static void
poppler_log_handler (const char    *log_domain,
                     GLogLevelFlags log_level,
                     const char    *message,
                     gpointer       user_data)
{
  EylDocument *self = g_private_get (&current_document);

  if (self == NULL)
    {
      g_log_default_handler (log_domain, log_level, message, user_data);
      return;
    }

  /* Counted all, kept a few: a damaged file can make millions. */
  self->n_repairs++;
  if (self->capture != NULL && self->capture->len < MAX_KEPT_MESSAGES && !g_ptr_array_find_with_equal_func (self->capture, message, g_str_equal, NULL))
    g_ptr_array_add (self->capture, g_strdup (message));
  g_debug ("Poppler: %s", message);
}

static void
ensure_log_handler (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      g_log_set_handler ("Poppler",
                         G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION,
                         poppler_log_handler, NULL);
      g_once_init_leave (&once, 1);
    }
}

static void
begin_capture (EylDocument *self,
               GPtrArray   *into)
{
  ensure_log_handler ();
  self->capture = into;
  g_private_set (&current_document, self);
}

static void
end_capture (EylDocument *self)
{
  g_private_set (&current_document, NULL);
  self->capture = NULL;
}

/* GObject */

static void
eyl_document_finalize (GObject *object)
{
  EylDocument *self = EYL_DOCUMENT (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->password, g_free);
  g_clear_object (&self->poppler);
  g_clear_pointer (&self->boxes, eyl_pdf_box_reader_free);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->renderers, g_ptr_array_unref);
  g_clear_object (&self->shrunk);
  g_clear_pointer (&self->large_image, g_free);

  G_OBJECT_CLASS (eyl_document_parent_class)->finalize (object);
}

static void
eyl_document_class_init (EylDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = eyl_document_finalize;
}

static void
eyl_document_init (EylDocument *self)
{
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->renderers = g_ptr_array_new_with_free_func (g_free);
}

/* Sniffing */

static gboolean
has_prefix (const guint8 *data,
            gsize         len,
            const char   *magic,
            gsize         magic_len)
{
  return len >= magic_len && memcmp (data, magic, magic_len) == 0;
}

static gboolean
find_bytes (const guint8 *data,
            gsize         len,
            const char   *needle)
{
  gsize n = strlen (needle);

  if (n == 0 || len < n)
    return FALSE;
  for (gsize i = 0; i + n <= len; i++)
    if (data[i] == (guint8) needle[0] && memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* Case-insensitive search for an ASCII tag in the first bytes. */
static gboolean
find_tag (const guint8 *data,
          gsize         len,
          const char   *tag)
{
  g_autofree char *lower = g_ascii_strdown ((const char *) data, MIN (len, SNIFF_LEN));

  return strstr (lower, tag) != NULL;
}

static const char *sniff (const guint8 *data,
                          gsize         len,
                          gboolean     *certain);

const char *
eyl_sniff_not_pdf (const guint8 *data,
                   gsize         len)
{
  gboolean certain;

  return sniff (data, len, &certain);
}

/* @certain is FALSE when the bytes are only "unknown binary": Poppler,
 * like other readers, still finds PDF objects in such a file. */
static const char *
sniff (const guint8 *data,
       gsize         len,
       gboolean     *certain)
{
  const guint8 *p = data;
  gsize         n;

  *certain = TRUE;
  if (len == 0 || data == NULL)
    return _("an empty file");

  n = MIN (len, SNIFF_LEN);
  if (find_bytes (data, n, "%PDF-"))
    return NULL;

  if (has_prefix (data, n, "\x89PNG\r\n\x1a\n", 8))
    return _("a PNG image");
  if (has_prefix (data, n, "\xff\xd8\xff", 3))
    return _("a JPEG image");
  if (has_prefix (data, n, "GIF87a", 6) || has_prefix (data, n, "GIF89a", 6))
    return _("a GIF image");
  if (has_prefix (data, n, "II*\0", 4) || has_prefix (data, n, "MM\0*", 4))
    return _("a TIFF image");
  if (has_prefix (data, n, "RIFF", 4) && n >= 12 && memcmp (data + 8, "WEBP", 4) == 0)
    return _("a WebP image");
  if (has_prefix (data, n, "8BPS", 4))
    return _("a Photoshop document");
  if (has_prefix (data, n, "PK\x03\x04", 4) || has_prefix (data, n, "PK\x05\x06", 4))
    return _("a ZIP archive (for example an Office document or a packaged folder)");
  if (has_prefix (data, n, "\x1f\x8b", 2))
    return _("a gzip-compressed file");
  if (has_prefix (data, n, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8))
    return _("an old Microsoft Office document");
  if (has_prefix (data, n, "%!PS", 4) || has_prefix (data, n, "\xc5\xd0\xd3\xc6", 4))
    return _("a PostScript or EPS file");
  if (has_prefix (data, n, "{\\rtf", 5))
    return _("an RTF document");

  /* Text formats may start with a byte order mark and blank space. */
  if (has_prefix (p, n, "\xef\xbb\xbf", 3))
    {
      p += 3;
      n -= 3;
    }
  while (n > 0 && g_ascii_isspace (*p))
    {
      p++;
      n--;
    }
  if (n == 0)
    return _("a file with only blank space");
  if (find_tag (p, n, "<!doctype html") || find_tag (p, n, "<html") || find_tag (p, n, "<head") || find_tag (p, n, "<body"))
    return _("an HTML page");
  if (find_tag (p, n, "<svg"))
    return _("an SVG image");
  if (has_prefix (p, n, "<?xml", 5) || (n > 0 && p[0] == '<'))
    return _("an XML file");
  if (p[0] == '{' || p[0] == '[')
    return _("a JSON or text file");

  /* Text if it has no NUL and is (mostly) valid UTF-8: a cut-off
   * character at the end of the sample does not count. */
  if (memchr (p, '\0', n) == NULL)
    {
      const char *end = NULL;

      if (g_utf8_validate ((const char *) p, n, &end) || (const guint8 *) end + 4 >= p + n)
        return _("a plain text file");
    }

  *certain = FALSE;
  return _("an unknown binary file, not a PDF");
}

/* Opening */

static GFile *
file_for (const char *path_or_uri)
{
  /* "file:///x.pdf" and other URIs; a plain path otherwise, relative ones
   * resolved against the current folder. */
  if (g_uri_peek_scheme (path_or_uri) != NULL && strstr (path_or_uri, "://") != NULL)
    return g_file_new_for_uri (path_or_uri);
  return g_file_new_for_path (path_or_uri);
}

static gboolean
looks_complete (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, NULL);
  guint8  tail[TAIL_LEN];
  gsize   got = 0;
  goffset size;

  if (in == NULL)
    return FALSE;
  if (g_seekable_seek (G_SEEKABLE (in), 0, G_SEEK_END, NULL, NULL))
    {
      size = g_seekable_tell (G_SEEKABLE (in));
      g_seekable_seek (G_SEEKABLE (in), MAX (0, size - TAIL_LEN), G_SEEK_SET, NULL, NULL);
    }
  if (!g_input_stream_read_all (G_INPUT_STREAM (in), tail, sizeof tail, &got, NULL, NULL))
    return FALSE;
  return find_bytes (tail, got, "%%EOF") && find_bytes (tail, got, "startxref");
}

static gboolean
cancelled (GCancellable *cancellable,
           GError      **error)
{
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_set_error (error, EYL_ERROR, EYL_ERROR_CANCELLED, _("Cancelled"));
      return TRUE;
    }
  return FALSE;
}

static gboolean
page_has_area (PopplerDocument *doc,
               int              index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (doc, index);
  double w = 0, h = 0;

  if (page == NULL)
    return FALSE;
  poppler_page_get_size (page, &w, &h);
  return w >= 1e-3 && h >= 1e-3 && isfinite (w) && isfinite (h);
}

EylDocument *
eyl_document_open (const char   *path_or_uri,
                   const char   *password,
                   GCancellable *cancellable,
                   GError      **error)
{
  g_auto(EylStageScope) stage = eyl_stage_scope (EYL_STAGE_OPEN);
  g_autoptr(EylDocument) self = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(EylPdfBoxReader) boxes = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *display = NULL;
  guint8           head[SNIFF_LEN];
  gsize            got = 0;
  const char      *what;
  gboolean         certain = TRUE;
  gboolean         any_area = FALSE;
  int              n_pages;

  g_return_val_if_fail (path_or_uri != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (cancelled (cancellable, error))
    return NULL;

  file = file_for (path_or_uri);
  display = g_file_get_parse_name (file);

  self = g_object_new (EYL_TYPE_DOCUMENT, NULL);
  self->path = g_file_get_path (file);
  if (self->path == NULL)
    {
      g_set_error (error, EYL_ERROR, EYL_ERROR_NOT_FOUND,
                   _("“%s” is not a local file"), display);
      return NULL;
    }
  self->password = g_strdup (password);

  /* Sniff before Poppler sees it: say what the bytes are. */
  in = g_file_read (file, cancellable, &local_error);
  if (in == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        g_set_error (error, EYL_ERROR, EYL_ERROR_NOT_FOUND,
                     _("“%s” is a folder, not a PDF file"), display);
      else
        g_set_error (error, EYL_ERROR, EYL_ERROR_NOT_FOUND,
                     _("Cannot open “%s”: %s"), display, local_error->message);
      return NULL;
    }
  if (!g_input_stream_read_all (G_INPUT_STREAM (in), head, sizeof head, &got,
                                cancellable, &local_error))
    {
      g_set_error (error, EYL_ERROR, EYL_ERROR_NOT_FOUND,
                   _("Cannot read “%s”: %s"), display, local_error->message);
      return NULL;
    }
  g_input_stream_close (G_INPUT_STREAM (in), NULL, NULL);

  what = sniff (head, got, &certain);
  if (what != NULL && certain)
    {
      g_set_error (error, EYL_ERROR, EYL_ERROR_NOT_PDF,
                   _("“%s” is not a PDF: it looks like %s"), display, what);
      return NULL;
    }

  if (cancelled (cancellable, error))
    return NULL;

  uri = g_filename_to_uri (self->path, NULL, NULL);
  messages = g_ptr_array_new_with_free_func (g_free);
  begin_capture (self, messages);
  self->poppler = poppler_document_new_from_file (uri, password, &local_error);
  end_capture (self);

  if (self->poppler == NULL && what != NULL)
    {
      /* No header and nothing Poppler could rebuild. */
      g_set_error (error, EYL_ERROR, EYL_ERROR_NOT_PDF,
                   _("“%s” is not a PDF: it looks like %s"), display, what);
      return NULL;
    }
  if (self->poppler == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        {
          if (password != NULL)
            g_set_error (error, EYL_ERROR, EYL_ERROR_WRONG_PASSWORD,
                         _("The password for “%s” is wrong"), display);
          else
            g_set_error (error, EYL_ERROR, EYL_ERROR_ENCRYPTED,
                         _("“%s” is encrypted: a password is needed to open it"), display);
        }
      else if (local_error != NULL && local_error->domain != POPPLER_ERROR)
        g_set_error (error, EYL_ERROR, EYL_ERROR_NOT_FOUND,
                     _("Cannot open “%s”: %s"), display, local_error->message);
      else if (!looks_complete (self->path))
        g_set_error (error, EYL_ERROR, EYL_ERROR_INVALID,
                     _("“%s” is damaged or truncated: it starts like a PDF but its end "
                       "(cross-reference table, %%%%EOF) is missing"),
                        display);
      else
        g_set_error (error, EYL_ERROR, EYL_ERROR_INVALID,
                     _("“%s” is a damaged PDF that cannot be repaired: %s"), display,
                        local_error != NULL ? local_error->message : _("unknown error"));
      return NULL;
    }

  n_pages = poppler_document_get_n_pages (self->poppler);
  if (n_pages <= 0)
    {
      g_set_error (error, EYL_ERROR, EYL_ERROR_NO_PAGES, _("“%s” has no pages"), display);
      return NULL;
    }
  self->n_pages = (guint) n_pages;

  /* Stop at the first usable page: a 5000-page file should not cost more. */
  begin_capture (self, messages);
  for (int i = 0; i < n_pages && !any_area; i++)
    {
      any_area = page_has_area (self->poppler, i);
      if ((i & 63) == 63 && g_cancellable_is_cancelled (cancellable))
        break;
    }
  end_capture (self);
  if (cancelled (cancellable, error))
    return NULL;
  if (!any_area)
    {
      g_set_error (error, EYL_ERROR, EYL_ERROR_NO_PAGES,
                   _("Every page of “%s” is 0 × 0 pt"), display);
      return NULL;
    }

  /* Trim/Bleed/Media, /Rotate, /UserUnit: libqpdf.  Without it the page
   * still works from Poppler's crop box. */
  boxes = eyl_pdf_box_reader_open (self->path, password, &local_error);
  if (boxes == NULL)
    {
      g_ptr_array_add (self->warnings,
                       g_strdup_printf (_("The print boxes (trim, bleed) could not be read: %s"),
                                           local_error != NULL ? local_error->message : ""));
      g_clear_error (&local_error);
    }
  else if (eyl_pdf_box_reader_get_n_pages (boxes) != self->n_pages)
    {
      g_ptr_array_add (self->warnings,
                       g_strdup_printf (_("Poppler sees %u pages and libqpdf %u: the print "
                                          "boxes are not used"),
                                           self->n_pages, eyl_pdf_box_reader_get_n_pages (boxes)));
      g_clear_pointer (&boxes, eyl_pdf_box_reader_free);
    }
  self->boxes = g_steal_pointer (&boxes);

  /* Poppler repairs many damaged files without a word; libqpdf says what
   * it had to repair, and a missing end of file is plain to see. */
  if (self->boxes != NULL)
    {
      g_autoptr(GPtrArray) qpdf_messages = g_ptr_array_new_with_free_func (g_free);
      guint n = eyl_pdf_box_reader_take_warnings (self->boxes, qpdf_messages);

      self->n_repairs += n;
      for (guint i = 0; i < MIN (qpdf_messages->len, MAX_KEPT_MESSAGES); i++)
        g_ptr_array_add (self->warnings,
                         g_strdup_printf ("libqpdf: %s", (char *) qpdf_messages->pdata[i]));
    }
  if (what != NULL)
    {
      self->n_repairs++;
      g_ptr_array_add (self->warnings,
                       g_strdup (_("The file does not start with a PDF header: it was read anyway")));
    }
  else if (!find_bytes (head, MIN (got, 8), "%PDF-"))
    {
      self->n_repairs++;
      g_ptr_array_add (self->warnings,
                       g_strdup (_("There are stray bytes before the PDF header")));
    }
  if (!looks_complete (self->path))
    {
      self->n_repairs++;
      g_ptr_array_add (self->warnings,
                       g_strdup (_("The end of the file (cross-reference table, %%EOF) is "
                                   "missing: the file is truncated or damaged and was rebuilt")));
    }

  for (guint i = 0; i < messages->len; i++)
    g_ptr_array_add (self->warnings, g_strdup_printf ("Poppler: %s", (char *) messages->pdata[i]));

  return g_steal_pointer (&self);
}

const char *
eyl_document_get_path (EylDocument *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT (self), NULL);

  return self->path;
}

guint
eyl_document_get_n_pages (EylDocument *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT (self), 0);

  return self->n_pages;
}

guint
eyl_document_get_n_out_of_memory (EylDocument *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT (self), 0);

  return self->n_out_of_memory;
}

void
eyl_document_set_image_decodes (EylDocument *self,
                                gboolean     wanted)
{
  g_return_if_fail (EYL_IS_DOCUMENT (self));

  self->no_image_decodes = !wanted;
}

guint
eyl_document_get_n_repairs (EylDocument *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT (self), 0);

  return self->n_repairs;
}

GPtrArray *
eyl_document_get_warnings (EylDocument *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT (self), NULL);

  return self->warnings;
}

/* Page snapshot: text */

static guint32
color_to_rgb (const PopplerColor *c)
{
  /* PopplerColor channels are 16 bit. */
  return ((guint32) (c->red >> 8) << 16) | ((guint32) (c->green >> 8) << 8) | (c->blue >> 8);
}

static void
add_text_range (EylPageDataBuilder     *builder,
                const char             *text,
                const glong            *offsets,
                glong                   n_chars,
                const PopplerRectangle *rects,
                guint                   n_rects,
                glong                   start,
                glong                   end,
                const char             *font_name,
                double                  font_size,
                guint32                 color)
{
  g_autofree char    *utf8 = NULL;
  g_autofree EylRect *boxes = NULL;

  start = CLAMP (start, 0, n_chars);
  end = CLAMP (end, start, n_chars);
  if (start == end)
    return;

  utf8 = g_strndup (text + offsets[start], offsets[end] - offsets[start]);
  boxes = g_new0 (EylRect, end - start);
  for (glong i = start; i < end; i++)
    {
      /* Poppler's text layout is already in page space (verified by the
       * tests on rotated and cropped pages); one rectangle per character. */
      if ((guint) i < n_rects)
        {
          const PopplerRectangle *r = &rects[i];

          boxes[i - start] = (EylRect) { MIN (r->x1, r->x2), MIN (r->y1, r->y2),
                                         MAX (r->x1, r->x2), MAX (r->y1, r->y2) };
        }
    }
  eyl_page_data_builder_add_text (builder, utf8, NULL, boxes, font_name, font_size, color);
}

static gint
compare_attributes (gconstpointer a,
                    gconstpointer b)
{
  const PopplerTextAttributes *x = a, *y = b;

  return (x->start_index > y->start_index) - (x->start_index < y->start_index);
}

static void
extract_text (EylPageDataBuilder *builder,
              PopplerPage        *page)
{
  g_autofree char  *text = poppler_page_get_text (page);
  g_autofree glong *offsets = NULL;
  PopplerRectangle *rects = NULL;
  guint             n_rects = 0;
  GList            *attributes, *l;
  glong             n_chars, pos = 0, i;
  const char       *p;
  const char       *last_font = NULL;
  double            last_size = 0;
  guint32           last_color = 0;

  if (text == NULL || *text == '\0')
    return;
  if (!g_utf8_validate (text, -1, NULL))
    {
      char *valid = g_utf8_make_valid (text, -1);

      g_free (text);
      text = valid;
    }

  n_chars = g_utf8_strlen (text, -1);
  offsets = g_new (glong, n_chars + 1);
  for (p = text, i = 0; *p != '\0'; p = g_utf8_next_char (p), i++)
    offsets[i] = p - text;
  offsets[n_chars] = p - text;

  if (!poppler_page_get_text_layout (page, &rects, &n_rects))
    n_rects = 0;
  if (n_rects != (guint) n_chars)
    g_debug ("page %d: %u glyph boxes for %ld characters",
             poppler_page_get_index (page), n_rects, n_chars);

  attributes = g_list_sort (poppler_page_get_text_attributes (page), compare_attributes);
  for (l = attributes; l != NULL; l = l->next)
    {
      const PopplerTextAttributes *a = l->data;
      glong                        start = a->start_index, end = (glong) a->end_index + 1;

      if (end <= pos)
        continue;
      start = MAX (start, pos);
      /* Characters no attribute covers take the previous style. */
      if (start > pos)
        add_text_range (builder, text, offsets, n_chars, rects, n_rects, pos, start,
                        last_font, last_size, last_color);
      last_font = a->font_name;
      last_size = a->font_size;
      last_color = color_to_rgb (&a->color);
      add_text_range (builder, text, offsets, n_chars, rects, n_rects, start, end,
                      last_font, last_size, last_color);
      pos = MIN (end, n_chars);
    }
  if (pos < n_chars)
    add_text_range (builder, text, offsets, n_chars, rects, n_rects, pos, n_chars,
                    last_font, last_size, last_color);

  poppler_page_free_text_attributes (attributes);
  g_free (rects);
}

/* Page snapshot: images and links */

/* The pixel size of the image drawn w × h (along its own axes) when the
 * page's image XObjects leave no doubt: exactly one size with that
 * aspect ratio (within 2 %), however many images have it. */
static gboolean
match_image_size (GArray *sizes,
                  double  w,
                  double  h,
                  int    *px_w,
                  int    *px_h)
{
  int found_w = 0, found_h = 0;

  if (sizes == NULL || w <= 0 || h <= 0)
    return FALSE;
  for (guint k = 0; k + 1 < sizes->len; k += 2)
    {
      int sw = g_array_index (sizes, int, k), sh = g_array_index (sizes, int, k + 1);

      if (fabs (log (((double) sw / sh) / (w / h))) > 0.02)
        continue;
      if (found_w == sw && found_h == sh)
        continue; /* the same size again: no doubt */
      if (found_w != 0)
        return FALSE; /* two sizes: ambiguous */
      found_w = sw;
      found_h = sh;
    }
  if (found_w == 0)
    return FALSE;
  *px_w = found_w;
  *px_h = found_h;
  return TRUE;
}

/* Where page @index draws its images, with their pixel sizes; NULL when
 * libqpdf cannot tell. */
static GArray *
image_placements (EylDocument *self,
                  guint        index)
{
  g_autoptr(GError) error = NULL;
  GArray *placements;

  if (self->path == NULL)
    return NULL;
  placements = eyl_pdf_image_placements (self->path, self->password, index, &error);
  if (placements == NULL)
    g_debug ("page %u: %s", index, error->message);
  return placements;
}

/* The pixel size of image @image_id, decoded: the whole page runs again. */
static void
decode_image_size (PopplerPage *page,
                   int          image_id,
                   int         *px_w,
                   int         *px_h)
{
  cairo_surface_t *surface = poppler_page_get_image (page, image_id);

  eyl_stage_count ("image-decodes");
  if (surface == NULL)
    return;
  *px_w = cairo_image_surface_get_width (surface);
  *px_h = cairo_image_surface_get_height (surface);
  cairo_surface_destroy (surface);
}

static void
extract_images (EylDocument        *self,
                EylPageDataBuilder *builder,
                PopplerPage        *page,
                const EylPageBoxes *boxes,
                GArray             *sizes,
                gboolean            decode)
{
  GList *mapping = poppler_page_get_image_mapping (page);
  g_autoptr(GArray) placements = NULL;
  gboolean         placed = FALSE;
  PopplerRectangle crop;
  guint            n = 0, decoded = 0, unknown = 0;

  poppler_page_get_crop_box (page, &crop);

  for (GList *l = mapping; l != NULL; l = l->next, n++)
    {
      const PopplerImageMapping *m = l->data;
      double                     x1 = MIN (m->area.x1, m->area.x2), y1 = MIN (m->area.y1, m->area.y2);
      double                     w = fabs (m->area.x2 - m->area.x1), h = fabs (m->area.y2 - m->area.y1);
      int                        px_w = 0, px_h = 0;
      EylRect                    box;

      /* poppler-glib 22.12 subtracts the crop box origin from a box that is
       * already relative to it, and keeps the unrotated width and height
       * at the image's origin corner on rotated pages (see the tests
       * /eyl/document/image-*): undo both. */
      x1 += MIN (crop.x1, crop.x2);
      y1 += MIN (crop.y1, crop.y2);
      switch (boxes->rotate)
        {
        case 90:
          box = (EylRect) { x1 - h, y1, x1, y1 + w };
          break;
        case 270:
          box = (EylRect) { x1, y1 - w, x1 + h, y1 };
          break;
        default:
          box = (EylRect) { x1, y1, x1 + w, y1 + h };
          break;
        }

      /* Decoding runs the whole page again for each image: prefer the
       * sizes libqpdf reads from the image dictionaries, the one size of
       * that aspect ratio on the page, else the dictionary of the image
       * the content stream draws there.  Both read only the file, so
       * every mode has them (the picture resolution rule reads them). */
      if (!match_image_size (sizes, w, h, &px_w, &px_h))
        {
          if (!placed)
            placements = image_placements (self, poppler_page_get_index (page));
          placed = TRUE;
          if (!eyl_image_placement_match (placements, &box, &px_w, &px_h))
            {
              g_debug ("page %d: image %d over [%.1f %.1f %.1f %.1f] pt: no one size placed there",
                       poppler_page_get_index (page), m->image_id, box.x0, box.y0, box.x1, box.y1);
              if (decode && decoded < MAX_IMAGE_DECODES)
                decode_image_size (page, m->image_id, &px_w, &px_h);
              else
                unknown++;
              decoded++;
            }
        }
      /* ppi is per page-space axis: on a page turned a quarter the
       * image's rows run along the page's x axis. */
      if (boxes->rotate == 90 || boxes->rotate == 270)
        eyl_page_data_builder_add_image (builder, &box, px_h, px_w);
      else
        eyl_page_data_builder_add_image (builder, &box, px_w, px_h);
    }
  if (unknown > 0)
    {
      g_autofree char *msg = g_strdup_printf (_("%u of the %u images on the page: pixel "
                                                "size unknown"),
                                                 unknown, n);

      eyl_page_data_builder_add_warning (builder, msg);
    }
  poppler_page_free_image_mapping (mapping);
}

static void
extract_links (EylPageDataBuilder *builder,
               PopplerPage        *page,
               double              height)
{
  GList *mapping = poppler_page_get_link_mapping (page);

  for (GList *l = mapping; l != NULL; l = l->next)
    {
      const PopplerLinkMapping *m = l->data;
      EylRect                   box;

      if (m->action == NULL || m->action->type != POPPLER_ACTION_URI || m->action->uri.uri == NULL)
        continue;

      /* Link areas come rotated and relative to the crop box, but with
       * y up: flip them into page space (tests /eyl/document/link-*). */
      box.x0 = MIN (m->area.x1, m->area.x2);
      box.x1 = MAX (m->area.x1, m->area.x2);
      box.y0 = height - MAX (m->area.y1, m->area.y2);
      box.y1 = height - MIN (m->area.y1, m->area.y2);
      eyl_page_data_builder_add_link (builder, &box, m->action->uri.uri);
    }
  poppler_page_free_link_mapping (mapping);
}

/* Page snapshot */

static void
fallback_boxes (double        width,
                double        height,
                EylPageBoxes *boxes)
{
  EylRect visible = { 0, 0, width, height };

  *boxes = (EylPageBoxes) {
    0,
  };
  boxes->media = boxes->crop = boxes->bleed = boxes->trim = boxes->art = visible;
  boxes->user_unit = 1.0;
  /* poppler-glib has no getter for /Rotate; the size is already turned. */
  boxes->rotate = 0;
}

EylPageData *
eyl_document_get_page_data (EylDocument  *self,
                            guint         index,
                            GCancellable *cancellable,
                            GError      **error)
{
  g_auto(EylStageScope) stage = eyl_stage_scope (EYL_STAGE_TEXT);
  g_autoptr(PopplerPage) page = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  EylPageDataBuilder *builder;
  EylPageBoxes        boxes;
  double              width = 0, height = 0;
  guint               repairs_before;

  g_return_val_if_fail (EYL_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (index >= self->n_pages)
    {
      g_set_error (error, EYL_ERROR, EYL_ERROR_PAGE,
                   _("Page %u does not exist: the file has %u pages"), index + 1, self->n_pages);
      return NULL;
    }
  if (cancelled (cancellable, error))
    return NULL;

  messages = g_ptr_array_new_with_free_func (g_free);
  repairs_before = self->n_repairs;
  begin_capture (self, messages);

  page = poppler_document_get_page (self->poppler, (int) index);
  if (page != NULL)
    poppler_page_get_size (page, &width, &height);
  if (page == NULL || !(width >= 1e-3 && height >= 1e-3) || !isfinite (width) || !isfinite (height))
    {
      end_capture (self);
      g_set_error (error, EYL_ERROR, EYL_ERROR_PAGE,
                   _("Page %u cannot be used: it is %g × %g pt"), index + 1, width, height);
      return NULL;
    }

  if (self->boxes == NULL || !eyl_pdf_box_reader_get_boxes (self->boxes, index, &boxes))
    fallback_boxes (width, height, &boxes);
  else if (fabs (eyl_rect_width (&boxes.crop) - width) > 0.5 || fabs (eyl_rect_height (&boxes.crop) - height) > 0.5)
    {
      /* Poppler and libqpdf disagree about the page (a broken box that one
       * repairs differently): Poppler's size is what the text is in. */
      EylRect visible = { 0, 0, width, height };

      g_debug ("page %u: qpdf crop %g × %g, Poppler %g × %g", index,
               eyl_rect_width (&boxes.crop), eyl_rect_height (&boxes.crop), width, height);
      boxes.crop = visible;
      if (!eyl_rect_intersect (&boxes.trim, &visible, &boxes.trim))
        {
          boxes.trim = visible;
          boxes.has_trim = FALSE;
        }
    }

  builder = eyl_page_data_builder_new (index, width, height);
  eyl_page_data_builder_set_boxes (builder, &boxes);

  extract_text (builder, page);
  {
    g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (int));

    if (self->boxes == NULL || !eyl_pdf_box_reader_get_image_sizes (self->boxes, index, sizes))
      g_clear_pointer (&sizes, g_array_unref);
    extract_images (self, builder, page, &boxes, sizes, !self->no_image_decodes);
  }
  extract_links (builder, page, height);

  end_capture (self);

  if (self->n_repairs > repairs_before)
    {
      g_autofree char *msg = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "Poppler reported %u problem on this page",
                                                           "Poppler reported %u problems on this page",
                                                           self->n_repairs - repairs_before),
                                              self->n_repairs - repairs_before);

      eyl_page_data_builder_add_warning (builder, msg);
      for (guint i = 0; i < messages->len; i++)
        {
          g_autofree char *line = g_strdup_printf ("Poppler: %s", (char *) messages->pdata[i]);

          eyl_page_data_builder_add_warning (builder, line);
          if (self->warnings->len < 2 * MAX_KEPT_MESSAGES)
            g_ptr_array_add (self->warnings, g_strdup (line));
        }
    }

  if (cancelled (cancellable, error))
    {
      eyl_page_data_builder_free (builder);
      return NULL;
    }
  return eyl_page_data_builder_end (builder);
}

/* Rendering */

/* One Poppler pass over @page onto @cr.  Each pass decodes and colour
 * converts every image of the page, whatever the clip (0.6 s on a page
 * of 10 Mpx of ICC-based images): passes are counted (n_poppler-passes
 * of EYL_STAGE_TIMES) and traced with their CPU time, their page and the
 * stage that asked for them (known only under EYL_STAGE_TIMES: "other"
 * without it). */
static void
render_pass (PopplerPage   *page,
             cairo_t       *cr,
             const char    *why,
             EylStage       caller,
             const EylRect *area,
             double         scale)
{
  double start;

  eyl_stage_count ("poppler-passes");
  start = eyl_stage_thread_cpu_ms ();
  poppler_page_render (page, cr);
  g_debug ("Poppler pass (%s for %s) of page %d over [%.1f %.1f %.1f %.1f] pt at %.3f px/pt: "
           "%.0f ms CPU",
           why, eyl_stage_to_string (caller), poppler_page_get_index (page) + 1, area->x0, area->y0, area->x1, area->y1, scale,
           eyl_stage_thread_cpu_ms () - start);
}

/* Page @index as renders draw it: from the copy with the largest images
 * shrunk and the others decoded (made once, when a page is first
 * rendered) when the page holds an image over IMAGE_BUDGET_PX or the copy
 * shrinks none (it then renders bit for bit as the file), else from the
 * file itself. */
static PopplerPage *
page_for_render (EylDocument *self,
                 guint        index)
{
  if (self->large_image == NULL)
    self->large_image = g_new0 (guint8, self->n_pages);
  if (self->large_image[index] == 0)
    {
      g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (int));

      self->large_image[index] = 1;
      if (self->boxes != NULL && eyl_pdf_box_reader_get_image_sizes (self->boxes, index, sizes))
        for (guint k = 0; k + 1 < sizes->len; k += 2)
          if ((double) g_array_index (sizes, int, k) * g_array_index (sizes, int, k + 1) > IMAGE_BUDGET_PX)
            self->large_image[index] = 2;
    }
  if (!self->shrunk_tried && self->path != NULL)
    {
      g_autoptr(GBytes) bytes = NULL;
      guint  n_decoded = 0;
      double start = eyl_stage_thread_cpu_ms ();

      self->shrunk_tried = TRUE;
      bytes = eyl_render_source_new (self->path, self->password, IMAGE_BUDGET_PX,
                                     DECODED_BUDGET_BYTES, &self->n_shrunk, &n_decoded);
      if (bytes != NULL)
        self->shrunk = poppler_document_new_from_bytes (bytes, NULL, NULL);
      if (self->shrunk != NULL && poppler_document_get_n_pages (self->shrunk) != (int) self->n_pages)
        g_clear_object (&self->shrunk);
      g_debug ("%s: %u images shrunk, %u decoded for rendering: %.0f ms CPU", self->path,
               self->shrunk != NULL ? self->n_shrunk : 0, self->shrunk != NULL ? n_decoded : 0,
               eyl_stage_thread_cpu_ms () - start);
    }
  if (self->shrunk != NULL && (self->large_image[index] == 2 || self->n_shrunk == 0))
    return poppler_document_get_page (self->shrunk, (int) index);
  return poppler_document_get_page (self->poppler, (int) index);
}

typedef struct
{
  EylDocument *document; /* not owned: the renderer lives no longer */
  guint        index;
  guint8       clip_masks; /* 0 not yet asked, 1 none, 2 some or the page could not be walked */
} RenderTarget;

static EylRaster *
render_page_area (const EylRect *area,
                  double         scale,
                  gpointer       user_data,
                  GError       **error)
{
  g_auto(EylStageScope) stage = eyl_stage_scope (EYL_STAGE_RENDER);
  RenderTarget *target = user_data;
  EylDocument  *self = target->document;
  g_autoptr(PopplerPage) page = NULL;
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EylRaster) raster = NULL;
  cairo_status_t status;
  cairo_t       *cr;

  page = page_for_render (self, target->index);
  if (page == NULL)
    {
      g_set_error (error, EYL_ERROR, EYL_ERROR_PAGE,
                   _("Page %u cannot be rendered"), target->index + 1);
      return NULL;
    }

  raster = eyl_raster_new (area, scale);
  if (raster->width < (int) floor (eyl_rect_width (area) * scale) ||
      raster->height < (int) floor (eyl_rect_height (area) * scale))
    {
      g_set_error (error, EYL_ERROR, EYL_ERROR_PAGE,
                   _("Page %u is too large to render at %.3g px per pt"),
                      target->index + 1, scale);
      return NULL;
    }

  /* poppler_page_render draws the crop box turned by /Rotate with its
   * origin at the top left: page space, as the text layer's boxes.  The
   * raster is already white; Poppler's messages are counted as repairs. */
  begin_capture (self, messages);
  cr = eyl_raster_create_context (raster);
  cairo_rectangle (cr, area->x0, area->y0, eyl_rect_width (area), eyl_rect_height (area));
  cairo_clip (cr);
  render_pass (page, cr, "region", stage.previous, area, scale);
  status = cairo_status (cr);
  cairo_destroy (cr);
  end_capture (self);

  /* Under the worker's address-space limit Cairo gives up and Poppler
   * goes on with what it has: the raster is missing parts. */
  if (status == CAIRO_STATUS_NO_MEMORY)
    {
      self->n_out_of_memory++;
      g_set_error (error, EYL_ERROR, EYL_ERROR_MEMORY,
                   _("Page %u needs more memory to render than the limit allows"),
                      target->index + 1);
      return NULL;
    }

  cairo_surface_flush (eyl_raster_get_surface (raster));
  return g_steal_pointer (&raster);
}

/* The whole page drawn on @cr, whatever its target: one Poppler pass
 * that a recording keeps for many regions (eyl-render-cache.h). */
static gboolean
draw_page (cairo_t *cr,
           gpointer user_data,
           GError **error)
{
  g_auto(EylStageScope) stage = eyl_stage_scope (EYL_STAGE_RENDER);
  RenderTarget *target = user_data;
  EylDocument  *self = target->document;
  g_autoptr(PopplerPage) page = page_for_render (self, target->index);
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);

  if (page == NULL)
    {
      g_set_error (error, EYL_ERROR, EYL_ERROR_PAGE,
                   _("Page %u cannot be rendered"), target->index + 1);
      return FALSE;
    }
  begin_capture (self, messages);
  {
    double  x0 = 0, y0 = 0, x1 = 0, y1 = 0, sx = 1, sy = 0;
    EylRect clip;

    /* The recording's extents in page space, and its scale. */
    cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
    cairo_user_to_device_distance (cr, &sx, &sy);
    clip = (EylRect) { x0, y0, x1, y1 };
    render_pass (page, cr, "recording", stage.previous, &clip, hypot (sx, sy));
  }
  end_capture (self);
  /* Out of memory is not counted here: the regions are then rendered
   * one by one, as they were before recordings. */
  return cairo_status (cr) == CAIRO_STATUS_SUCCESS;
}

gboolean
eyl_document_get_renderer (EylDocument *self,
                           guint        index,
                           EylRenderer *renderer)
{
  RenderTarget *target = NULL;

  g_return_val_if_fail (EYL_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (renderer != NULL, FALSE);

  if (index >= self->n_pages)
    return FALSE;

  for (guint i = 0; i < self->renderers->len && target == NULL; i++)
    {
      RenderTarget *t = g_ptr_array_index (self->renderers, i);

      if (t->index == index)
        target = t;
    }
  if (target == NULL)
    {
      target = g_new0 (RenderTarget, 1);
      target->document = self;
      target->index = index;
      g_ptr_array_add (self->renderers, target);
    }

  if (target->clip_masks == 0)
    {
      /* Left TRUE when the page cannot be walked. */
      gboolean has = TRUE;

      if (self->boxes != NULL)
        eyl_pdf_box_reader_has_clip_masks (self->boxes, index, &has);
      target->clip_masks = has ? 2 : 1;
    }

  renderer->render = render_page_area;
  renderer->user_data = target;
  renderer->draw = draw_page;
  renderer->wide_clips = target->clip_masks == 1;
  return TRUE;
}

PopplerDocument *
eyl_document_get_poppler (EylDocument *self)
{
  g_return_val_if_fail (EYL_IS_DOCUMENT (self), NULL);

  return self->poppler;
}
