/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-render-source.c: a copy of a PDF with its largest JPEG images shrunk,
 * for rendering (see eyl-render-source.h). */
#include "config.h"

#define G_LOG_DOMAIN "eyl-render-source"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <jpeglib.h>
#include <qpdf/qpdf-c.h>

#include "eyl-render-source.h"

/* Objects looked at, at most: a file with more is read as it is. */
#define MAX_OBJECTS 2000000
/* The quality of the shrunk images: finer than any render reads them. */
#define JPEG_QUALITY 92

typedef struct
{
  struct jpeg_error_mgr pub;
  jmp_buf               jump;
} JpegError;

static void
jpeg_error_exit (j_common_ptr cinfo)
{
  JpegError *err = (JpegError *) cinfo->err;

  longjmp (err->jump, 1);
}

static void
jpeg_quiet (j_common_ptr cinfo,
            int          level)
{
}

/* @data (a baseline or progressive JPEG of 1 or 3 components) decoded at
 * the largest M/8 of its size within @max_pixels and encoded again; its
 * new size in @width, @height.  NULL when it cannot be done. */
static guchar *
shrink_jpeg (const guchar  *data,
             gsize          len,
             double         max_pixels,
             int           *width,
             int           *height,
             unsigned long *out_len)
{
  struct jpeg_decompress_struct in;
  struct jpeg_compress_struct   out;
  JpegError                     err;
  guchar *volatile row = NULL;
  guchar           *out_buf = NULL;
  volatile gboolean out_started = FALSE;
  unsigned long     out_size = 0;
  double            pixels;
  int               m;

  /* One error manager for both: a damaged JPEG leaves the image as it is. */
  in.err = out.err = jpeg_std_error (&err.pub);
  err.pub.error_exit = jpeg_error_exit;
  err.pub.emit_message = jpeg_quiet;
  if (setjmp (err.jump))
    {
      jpeg_destroy_decompress (&in);
      if (out_started)
        jpeg_destroy_compress (&out);
      free (out_buf);
      g_free (row);
      return NULL;
    }

  jpeg_create_decompress (&in);
  jpeg_mem_src (&in, data, len);
  if (jpeg_read_header (&in, TRUE) != JPEG_HEADER_OK || (in.num_components != 1 && in.num_components != 3) || in.image_width == 0 || in.image_height == 0)
    {
      jpeg_destroy_decompress (&in);
      return NULL;
    }
  pixels = (double) in.image_width * in.image_height;
  for (m = 7; m > 1 && pixels * m * m / 64.0 > max_pixels; m--)
    ;
  in.scale_num = (unsigned int) m;
  in.scale_denom = 8;
  in.out_color_space = in.num_components == 1 ? JCS_GRAYSCALE : JCS_RGB;
  jpeg_start_decompress (&in);

  jpeg_create_compress (&out);
  out_started = TRUE;
  jpeg_mem_dest (&out, &out_buf, &out_size);
  out.image_width = in.output_width;
  out.image_height = in.output_height;
  out.input_components = in.output_components;
  out.in_color_space = in.out_color_space;
  jpeg_set_defaults (&out);
  jpeg_set_quality (&out, JPEG_QUALITY, TRUE);
  jpeg_start_compress (&out, TRUE);

  row = g_malloc ((gsize) in.output_width * in.output_components);
  while (in.output_scanline < in.output_height)
    {
      JSAMPROW rows[1] = { row };

      jpeg_read_scanlines (&in, rows, 1);
      jpeg_write_scanlines (&out, rows, 1);
    }
  jpeg_finish_compress (&out);
  jpeg_finish_decompress (&in);

  *width = (int) out.image_width;
  *height = (int) out.image_height;
  *out_len = out_size;
  jpeg_destroy_compress (&out);
  jpeg_destroy_decompress (&in);
  g_free (row);
  return out_buf;
}

/* @oh's /Filter is /DCTDecode alone. */
static gboolean
is_dct_only (qpdf_data qpdf,
             qpdf_oh   dict)
{
  qpdf_oh filter = qpdf_oh_get_key (qpdf, dict, "/Filter");

  if (qpdf_oh_is_array (qpdf, filter))
    {
      if (qpdf_oh_get_array_n_items (qpdf, filter) != 1)
        return FALSE;
      filter = qpdf_oh_get_array_item (qpdf, filter, 0);
    }
  return qpdf_oh_is_name_and_equals (qpdf, filter, "/DCTDecode");
}

/* Shrinks image stream @oh when it is a JPEG larger than @max_pixels. */
static gboolean
shrink_image (qpdf_data qpdf,
              qpdf_oh   oh,
              double    max_pixels)
{
  qpdf_oh        dict = qpdf_oh_get_dict (qpdf, oh);
  unsigned char *raw = NULL;
  size_t         raw_len = 0;
  QPDF_BOOL      filtered = QPDF_FALSE;
  guchar        *small;
  unsigned long  small_len = 0;
  int            w, h;

  if (!qpdf_oh_is_name_and_equals (qpdf, qpdf_oh_get_key (qpdf, dict, "/Subtype"), "/Image"))
    return FALSE;
  w = qpdf_oh_get_int_value_as_int (qpdf, qpdf_oh_get_key (qpdf, dict, "/Width"));
  h = qpdf_oh_get_int_value_as_int (qpdf, qpdf_oh_get_key (qpdf, dict, "/Height"));
  if (w <= 0 || h <= 0 || (double) w * h <= max_pixels || !is_dct_only (qpdf, dict) || qpdf_oh_get_int_value_as_int (qpdf, qpdf_oh_get_key (qpdf, dict, "/BitsPerComponent")) != 8 || qpdf_oh_has_key (qpdf, dict, "/DecodeParms"))
    return FALSE;

  /* The JPEG itself, undecoded. */
  if (qpdf_oh_get_stream_data (qpdf, oh, qpdf_dl_none, &filtered, &raw, &raw_len) != QPDF_SUCCESS || raw == NULL)
    return FALSE;
  small = shrink_jpeg (raw, raw_len, max_pixels, &w, &h, &small_len);
  free (raw);
  if (small == NULL)
    return FALSE;

  qpdf_oh_replace_stream_data (qpdf, oh, small, small_len, qpdf_oh_new_name (qpdf, "/DCTDecode"),
                               qpdf_oh_new_null (qpdf));
  free (small);
  qpdf_oh_replace_key (qpdf, dict, "/Width", qpdf_oh_new_integer (qpdf, w));
  qpdf_oh_replace_key (qpdf, dict, "/Height", qpdf_oh_new_integer (qpdf, h));
  return !qpdf_has_error (qpdf);
}

GBytes *
eyl_render_source_shrink_images (const char *path,
                                 const char *password,
                                 double      max_pixels,
                                 guint      *n_shrunk)
{
  qpdf_data qpdf;
  GBytes   *bytes = NULL;
  guint     n = 0;
  int       size;

  g_return_val_if_fail (path != NULL, NULL);

  if (n_shrunk != NULL)
    *n_shrunk = 0;
  qpdf = qpdf_init ();
  qpdf_silence_errors (qpdf);
  qpdf_set_suppress_warnings (qpdf, QPDF_TRUE);
  if (qpdf_read (qpdf, path, password) & QPDF_ERRORS)
    {
      qpdf_cleanup (&qpdf);
      return NULL;
    }

  size = qpdf_oh_get_int_value_as_int (qpdf, qpdf_oh_get_key (qpdf, qpdf_get_trailer (qpdf),
                                                              "/Size"));
  for (int id = 1; id < MIN (size, MAX_OBJECTS); id++)
    {
      qpdf_oh oh = qpdf_get_object_by_id (qpdf, id, 0);

      if (qpdf_oh_is_stream (qpdf, oh) && shrink_image (qpdf, oh, max_pixels))
        n++;
      if (id % 1024 == 0)
        qpdf_oh_release_all (qpdf);
    }

  if (n > 0 && !qpdf_has_error (qpdf))
    {
      qpdf_init_write_memory (qpdf);
      qpdf_set_preserve_encryption (qpdf, QPDF_FALSE);
      qpdf_set_stream_data_mode (qpdf, qpdf_s_preserve);
      if ((qpdf_write (qpdf) & QPDF_ERRORS) == 0 && qpdf_get_buffer (qpdf) != NULL)
        bytes = g_bytes_new (qpdf_get_buffer (qpdf), qpdf_get_buffer_length (qpdf));
    }
  g_debug ("%s: %u images shrunk for rendering", path, n);
  qpdf_cleanup (&qpdf);
  if (n_shrunk != NULL && bytes != NULL)
    *n_shrunk = n;
  return bytes;
}
