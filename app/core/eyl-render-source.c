/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-render-source.c: a copy of a PDF with its largest JPEG images shrunk
 * and its other images stored decoded, for rendering (see
 * eyl-render-source.h). */
#include "config.h"

#define G_LOG_DOMAIN "eyl-render-source"

#include <setjmp.h>
#include <stdio.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <jpeglib.h>
#include <qpdf/qpdf-c.h>

#include "eyl-render-source.h"

/* Objects looked at, at most: a file with more is read as it is. */
#define MAX_OBJECTS 2000000
/* The quality of the shrunk images: finer than any render reads them. */
#define JPEG_QUALITY 92

/* Below this many bytes of samples in all, a copy costs more than it
 * saves: its parse and write are a few ms, a pass reading 1 MB of Flate
 * samples spends about 3 ms inflating them. */
#define MIN_DECODED_BYTES (1024 * 1024)

typedef struct
{
  struct jpeg_error_mgr pub;
  jmp_buf               jump;
  guint                 n_warnings;
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
  JpegError *err = (JpegError *) cinfo->err;

  if (level < 0)
    err->n_warnings++;
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

/* @dict's /Filter is @name alone. */
static gboolean
has_only_filter (qpdf_data   qpdf,
                 qpdf_oh     dict,
                 const char *name)
{
  qpdf_oh filter = qpdf_oh_get_key (qpdf, dict, "/Filter");

  if (qpdf_oh_is_array (qpdf, filter))
    {
      if (qpdf_oh_get_array_n_items (qpdf, filter) != 1)
        return FALSE;
      filter = qpdf_oh_get_array_item (qpdf, filter, 0);
    }
  return qpdf_oh_is_name_and_equals (qpdf, filter, name);
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
  if (w <= 0 || h <= 0 || (double) w * h <= max_pixels || !has_only_filter (qpdf, dict, "/DCTDecode") || qpdf_oh_get_int_value_as_int (qpdf, qpdf_oh_get_key (qpdf, dict, "/BitsPerComponent")) != 8 || qpdf_oh_has_key (qpdf, dict, "/DecodeParms"))
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

/* The colour space of the samples of @in as Poppler's DCT filter reads
 * them: @color_transform (/ColorTransform, -1 when absent) unless an
 * Adobe marker tells, else YCbCr for three components unless they are
 * named R, G, B without a JFIF marker; JCS_UNKNOWN when that cannot be
 * told as Poppler does. */
static J_COLOR_SPACE
jpeg_source_space (const struct jpeg_decompress_struct *in,
                   int                                  color_transform)
{
  if (in->saw_Adobe_marker)
    color_transform = in->Adobe_transform;
  else if (color_transform == -1 && in->num_components == 3 && in->saw_JFIF_marker)
    color_transform = 1;
  else if (color_transform == -1 && in->num_components == 3)
    {
      /* Poppler reads the names in the first scan: one with fewer
       * components is not read alike. */
      if (in->comps_in_scan != 3)
        return JCS_UNKNOWN;
      color_transform = in->cur_comp_info[0]->component_id != 'R' || in->cur_comp_info[1]->component_id != 'G' || in->cur_comp_info[2]->component_id != 'B';
    }
  else if (color_transform == -1)
    color_transform = 0;
  if (in->num_components == 3)
    return color_transform ? JCS_YCbCr : JCS_RGB;
  if (in->num_components == 4)
    return color_transform ? JCS_YCCK : JCS_CMYK;
  return in->jpeg_color_space;
}

/* The samples Poppler's DCT filter (libjpeg, its default IDCT and
 * upsampling) gives for JPEG @data, read in the same colour space.  NULL for a JPEG libjpeg warns about (a
 * damaged one, which Poppler's reader may end elsewhere). */
static guchar *
decode_jpeg (const guchar *data,
             gsize         len,
             int           color_transform,
             gsize        *out_len)
{
  struct jpeg_decompress_struct in;
  JpegError                     err;
  guchar *volatile out = NULL;
  gsize start = 0, stride;

  /* Poppler skips whatever comes before the start of image marker. */
  while (start + 1 < len && (data[start] != 0xff || data[start + 1] != 0xd8))
    start++;
  if (start + 1 >= len)
    return NULL;

  in.err = jpeg_std_error (&err.pub);
  err.pub.error_exit = jpeg_error_exit;
  err.pub.emit_message = jpeg_quiet;
  err.n_warnings = 0;
  if (setjmp (err.jump))
    {
      jpeg_destroy_decompress (&in);
      g_free (out);
      return NULL;
    }

  jpeg_create_decompress (&in);
  jpeg_mem_src (&in, data + start, len - start);
  if (jpeg_read_header (&in, TRUE) != JPEG_HEADER_OK)
    {
      jpeg_destroy_decompress (&in);
      return NULL;
    }
  in.jpeg_color_space = jpeg_source_space (&in, color_transform);
  if (in.jpeg_color_space == JCS_UNKNOWN)
    {
      jpeg_destroy_decompress (&in);
      return NULL;
    }
  jpeg_start_decompress (&in);

  stride = (gsize) in.output_width * in.output_components;
  out = g_malloc (stride * in.output_height);
  while (in.output_scanline < in.output_height)
    {
      JSAMPROW row = out + stride * in.output_scanline;

      if (jpeg_read_scanlines (&in, &row, 1) != 1)
        break;
    }
  if (in.output_scanline < in.output_height || err.n_warnings > 0)
    longjmp (err.jump, 1);
  jpeg_finish_decompress (&in);
  if (err.n_warnings > 0)
    longjmp (err.jump, 1);
  *out_len = stride * in.output_height;
  jpeg_destroy_decompress (&in);
  return out;
}

typedef struct
{
  int      id;
  gboolean dct;
  double   pixels;
} Candidate;

/* Flate samples first: a pass spends about 3.5 ms inflating each MB of
 * them with Poppler's own inflater, against 1 ms decoding each MB of
 * JPEG samples; the largest first within each. */
static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a, *cb = b;

  if (ca->dct != cb->dct)
    return ca->dct ? 1 : -1;
  return ca->pixels < cb->pixels ? 1 : ca->pixels > cb->pixels ? -1
                                                               : ca->id - cb->id;
}

/* Image stream @oh as a candidate for storing decoded: an image whose
 * /ColorSpace and /BitsPerComponent the dictionary tells (Poppler asks a
 * JPEG or JPEG 2000 stream otherwise) and whose filter is /DCTDecode
 * (libjpeg) or /FlateDecode (libqpdf, with its predictors) alone. */
static gboolean
decode_candidate (qpdf_data  qpdf,
                  qpdf_oh    oh,
                  double     max_pixels,
                  Candidate *c)
{
  qpdf_oh dict = qpdf_oh_get_dict (qpdf, oh);
  int     w, h;

  if (!qpdf_oh_is_name_and_equals (qpdf, qpdf_oh_get_key (qpdf, dict, "/Subtype"), "/Image") || !qpdf_oh_has_key (qpdf, dict, "/Filter"))
    return FALSE;
  if (!qpdf_oh_is_bool (qpdf, qpdf_oh_get_key (qpdf, dict, "/ImageMask")) || !qpdf_oh_get_bool_value (qpdf, qpdf_oh_get_key (qpdf, dict, "/ImageMask")))
    if (!qpdf_oh_has_key (qpdf, dict, "/ColorSpace") || !qpdf_oh_is_integer (qpdf, qpdf_oh_get_key (qpdf, dict, "/BitsPerComponent")))
      return FALSE;
  w = qpdf_oh_get_int_value_as_int (qpdf, qpdf_oh_get_key (qpdf, dict, "/Width"));
  h = qpdf_oh_get_int_value_as_int (qpdf, qpdf_oh_get_key (qpdf, dict, "/Height"));
  c->pixels = (double) w * h;
  c->dct = has_only_filter (qpdf, dict, "/DCTDecode");
  /* Larger images are shrunk, or left as they are.  Other filters
   * (LZW, run length, ASCII, chains) are left too: no file read so far
   * showed that libqpdf gives the samples Poppler does for them. */
  return w > 0 && h > 0 && c->pixels <= max_pixels && (c->dct || has_only_filter (qpdf, dict, "/FlateDecode"));
}

/* Stores image stream @oh decoded (no /Filter, no /DecodeParms, the rest
 * of its dictionary as it was) when its samples fit in @budget; returns
 * their size, or 0. */
static gsize
decode_image (qpdf_data qpdf,
              qpdf_oh   oh,
              gboolean  dct,
              gsize     budget)
{
  qpdf_oh        dict = qpdf_oh_get_dict (qpdf, oh);
  unsigned char *data = NULL;
  size_t         len = 0;
  QPDF_BOOL      filtered = QPDF_FALSE;
  gsize          out_len = 0;

  if (dct)
    {
      qpdf_oh params = qpdf_oh_get_key (qpdf, dict, "/DecodeParms");
      int     color_transform = -1;
      guchar *samples;

      if (qpdf_oh_is_array (qpdf, params) && qpdf_oh_get_array_n_items (qpdf, params) == 1)
        params = qpdf_oh_get_array_item (qpdf, params, 0);
      if (qpdf_oh_is_dictionary (qpdf, params) && qpdf_oh_is_integer (qpdf, qpdf_oh_get_key (qpdf, params, "/ColorTransform")))
        color_transform = qpdf_oh_get_int_value_as_int (qpdf, qpdf_oh_get_key (qpdf, params, "/ColorTransform"));
      if (qpdf_oh_get_stream_data (qpdf, oh, qpdf_dl_none, &filtered, &data, &len) != QPDF_SUCCESS || data == NULL)
        {
          /* One unreadable image leaves the others to do. */
          qpdf_get_error (qpdf);
          free (data);
          return 0;
        }
      samples = decode_jpeg (data, len, color_transform, &out_len);
      free (data);
      if (samples == NULL || out_len > budget)
        {
          g_free (samples);
          return 0;
        }
      qpdf_oh_replace_stream_data (qpdf, oh, samples, out_len, qpdf_oh_new_null (qpdf),
                                   qpdf_oh_new_null (qpdf));
      g_free (samples);
    }
  else
    {
      /* libqpdf's zlib and Poppler's inflater agree on a sound stream
       * (PNG predictors too); one libqpdf warns about is left as it is. */
      while (qpdf_more_warnings (qpdf))
        qpdf_next_warning (qpdf);
      if (qpdf_oh_get_stream_data (qpdf, oh, qpdf_dl_specialized, &filtered, &data, &len) != QPDF_SUCCESS || !filtered || data == NULL || qpdf_more_warnings (qpdf) || len > budget)
        {
          qpdf_get_error (qpdf);
          free (data);
          return 0;
        }
      out_len = len;
      qpdf_oh_replace_stream_data (qpdf, oh, data, len, qpdf_oh_new_null (qpdf),
                                   qpdf_oh_new_null (qpdf));
      free (data);
    }
  return qpdf_has_error (qpdf) ? 0 : out_len;
}

/* @qpdf written out, unencrypted, as bytes Poppler can open: through a
 * file that is then mapped, so that the copy is never held twice in
 * memory (libqpdf's buffer and ours); in memory when no such file can
 * be written. */
static GBytes *
write_copy (qpdf_data qpdf)
{
  g_autofree char *tmp = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  int fd;

  fd = g_file_open_tmp ("eyeline-render-XXXXXX.pdf", &tmp, NULL);
  if (fd >= 0)
    {
      g_close (fd, NULL);
      qpdf_init_write (qpdf, tmp);
      qpdf_set_preserve_encryption (qpdf, QPDF_FALSE);
      qpdf_set_stream_data_mode (qpdf, qpdf_s_preserve);
      if ((qpdf_write (qpdf) & QPDF_ERRORS) == 0)
        mapped = g_mapped_file_new (tmp, FALSE, NULL);
      g_unlink (tmp);
      if (mapped != NULL)
        return g_mapped_file_get_bytes (mapped);
      qpdf_get_error (qpdf);
    }

  qpdf_init_write_memory (qpdf);
  qpdf_set_preserve_encryption (qpdf, QPDF_FALSE);
  qpdf_set_stream_data_mode (qpdf, qpdf_s_preserve);
  if ((qpdf_write (qpdf) & QPDF_ERRORS) == 0 && qpdf_get_buffer (qpdf) != NULL)
    return g_bytes_new (qpdf_get_buffer (qpdf), qpdf_get_buffer_length (qpdf));
  return NULL;
}

GBytes *
eyl_render_source_new (const char *path,
                       const char *password,
                       double      max_pixels,
                       gsize       max_decoded,
                       guint      *n_shrunk,
                       guint      *n_decoded)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  qpdf_data qpdf;
  GBytes   *bytes = NULL;
  guint     shrunk = 0, decoded = 0;
  gsize     decoded_bytes = 0;
  int       size;

  g_return_val_if_fail (path != NULL, NULL);

  if (n_shrunk != NULL)
    *n_shrunk = 0;
  if (n_decoded != NULL)
    *n_decoded = 0;
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
      qpdf_oh   oh = qpdf_get_object_by_id (qpdf, id, 0);
      Candidate c = { id, FALSE, 0 };

      if (qpdf_oh_is_stream (qpdf, oh))
        {
          if (shrink_image (qpdf, oh, max_pixels))
            shrunk++;
          else if (max_decoded > 0 && decode_candidate (qpdf, oh, max_pixels, &c))
            g_array_append_val (candidates, c);
        }
      if (id % 1024 == 0)
        qpdf_oh_release_all (qpdf);
    }

  g_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < candidates->len && decoded_bytes < max_decoded; i++)
    {
      const Candidate *c = &g_array_index (candidates, Candidate, i);
      gsize            len;

      len = decode_image (qpdf, qpdf_get_object_by_id (qpdf, c->id, 0), c->dct,
                          max_decoded - decoded_bytes);
      if (len > 0)
        decoded++;
      decoded_bytes += len;
      qpdf_oh_release_all (qpdf);
    }
  /* A few small images: the file as it is renders as fast. */
  if (decoded_bytes < MIN_DECODED_BYTES)
    decoded = 0;

  if ((shrunk > 0 || decoded > 0) && !qpdf_has_error (qpdf))
    bytes = write_copy (qpdf);
  g_debug ("%s: %u images shrunk, %u stored decoded (%.1f MB) for rendering", path, shrunk,
           decoded, decoded_bytes / 1e6);
  qpdf_cleanup (&qpdf);
  if (bytes != NULL && n_shrunk != NULL)
    *n_shrunk = shrunk;
  if (bytes != NULL && n_decoded != NULL)
    *n_decoded = decoded;
  return bytes;
}

GBytes *
eyl_render_source_shrink_images (const char *path,
                                 const char *password,
                                 double      max_pixels,
                                 guint      *n_shrunk)
{
  return eyl_render_source_new (path, password, max_pixels, 0, n_shrunk, NULL);
}
