/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-render-source.c: a copy of a PDF with its largest JPEG images shrunk
 * and its other images stored decoded (ICC and DeviceCMYK ones as
 * DeviceRGB), for rendering (see eyl-render-source.h). */
#include "config.h"

#define G_LOG_DOMAIN "eyl-render-source"

#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <jpeglib.h>
#include <lcms2.h>
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
/* Or this many pixels of ICC images converted: lcms2 spends 4 to 12 ms
 * on them in every pass, the copy costs a few ms once. */
#define MIN_CONVERTED_PIXELS (100 * 1000)

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
  /* An ICCBased image stored as DeviceRGB (see icc_image): its number of
   * components (3 or 4, 0 for any other image), its profile's object and
   * the intent its dictionary names (-1: the graphics state's). */
  int n_icc;
  int profile_id;
  int intent;
  /* A DeviceRGB image, converted as an ICC one through the file's
   * /DefaultRGB profile where every page names the same (see
   * default_rgb_profile). */
  gboolean device_rgb;
  /* A DeviceCMYK image stored as the DeviceRGB samples Poppler draws it
   * with (see cmyk_image). */
  gboolean device_cmyk;
} Candidate;

/* Images converted first: a pass colour-converts each Mpx of ICC
 * images through lcms2 in 40 to 125 ms (flat graphics to noisy
 * photographs) and of DeviceCMYK ones in 20 ms, against
 * 3.5 ms inflating each MB of Flate samples with Poppler's own inflater
 * and 1 ms decoding each MB of JPEG samples; the largest first within
 * each. */
static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a, *cb = b;

  if ((ca->n_icc > 0 || ca->device_cmyk) != (cb->n_icc > 0 || cb->device_cmyk))
    return ca->n_icc > 0 || ca->device_cmyk ? -1 : 1;
  if (ca->dct != cb->dct)
    return ca->dct ? 1 : -1;
  return ca->pixels < cb->pixels ? 1 : ca->pixels > cb->pixels ? -1
                                                               : ca->id - cb->id;
}

/* The lcms2 intent Poppler's GfxState::getCmsRenderingIntent gives for
 * intent @name: relative colorimetric for any name it does not know. */
static int
cms_intent (qpdf_data qpdf,
            qpdf_oh   name)
{
  if (qpdf_oh_is_name_and_equals (qpdf, name, "/AbsoluteColorimetric"))
    return INTENT_ABSOLUTE_COLORIMETRIC;
  if (qpdf_oh_is_name_and_equals (qpdf, name, "/Saturation"))
    return INTENT_SATURATION;
  if (qpdf_oh_is_name_and_equals (qpdf, name, "/Perceptual"))
    return INTENT_PERCEPTUAL;
  return INTENT_RELATIVE_COLORIMETRIC;
}

/* Image @dict's samples go through its colour space's line transform
 * as they are stored: 8 bits, no /Decode (it would change the bytes
 * lcms2 reads), no /Mask of colour key ranges (of the samples as
 * stored; a mask image is drawn apart from the samples, and
 * poster-galaxy-factsheet-2025 has a 0.58 Mpx ICC photograph under one
 * that lcms2 converted in each of its 7 passes) and no /SMask naming a /Matte colour (given in the image's
 * colour space: read against DeviceRGB samples it would be another
 * colour).  Poppler draws a soft-masked image's colours through the
 * same line transform as any other's: converting them too takes 0.25 s
 * passes over rollup-osgeo-02 and 03 down to 0.15 s. */
static gboolean
convertible_image (qpdf_data qpdf,
                   qpdf_oh   dict)
{
  qpdf_oh smask = qpdf_oh_get_key (qpdf, dict, "/SMask");

  if (qpdf_oh_get_int_value_as_int (qpdf, qpdf_oh_get_key (qpdf, dict, "/BitsPerComponent")) != 8 || qpdf_oh_has_key (qpdf, dict, "/Decode") || qpdf_oh_has_key (qpdf, dict, "/ImageMask"))
    return FALSE;
  if (qpdf_oh_has_key (qpdf, dict, "/Mask") && !qpdf_oh_is_stream (qpdf, qpdf_oh_get_key (qpdf, dict, "/Mask")))
    return FALSE;
  return !qpdf_oh_has_key (qpdf, dict, "/SMask") ||
         (qpdf_oh_is_stream (qpdf, smask) &&
          !qpdf_oh_has_key (qpdf, qpdf_oh_get_dict (qpdf, smask), "/Matte"));
}

/* The object id of the profile of ICCBased space @cs ([/ICCBased
 * stream]) of 3 or 4 components, /Alternate absent or the device space
 * of N (an alternate of another size fails the colour space in
 * Poppler); 0 for any other space.  @n is set to N. */
static int
icc_profile (qpdf_data qpdf,
             qpdf_oh   cs,
             int      *n)
{
  qpdf_oh profile, pdict, alt;

  if (!qpdf_oh_is_array (qpdf, cs) || qpdf_oh_get_array_n_items (qpdf, cs) != 2 || !qpdf_oh_is_name_and_equals (qpdf, qpdf_oh_get_array_item (qpdf, cs, 0), "/ICCBased"))
    return 0;
  profile = qpdf_oh_get_array_item (qpdf, cs, 1);
  if (!qpdf_oh_is_stream (qpdf, profile) || qpdf_oh_get_object_id (qpdf, profile) <= 0)
    return 0;
  pdict = qpdf_oh_get_dict (qpdf, profile);
  if (!qpdf_oh_is_integer (qpdf, qpdf_oh_get_key (qpdf, pdict, "/N")))
    return 0;
  *n = qpdf_oh_get_int_value_as_int (qpdf, qpdf_oh_get_key (qpdf, pdict, "/N"));
  alt = qpdf_oh_get_key (qpdf, pdict, "/Alternate");
  if ((*n != 3 && *n != 4) || (qpdf_oh_has_key (qpdf, pdict, "/Alternate") && !qpdf_oh_is_name_and_equals (qpdf, alt, *n == 3 ? "/DeviceRGB" : "/DeviceCMYK")))
    return 0;
  return qpdf_oh_get_object_id (qpdf, profile);
}

/* Whether image @dict is one whose samples can be stored as Poppler
 * draws them, DeviceRGB: a convertible_image() whose /ColorSpace is
 * [/ICCBased profile] with /N 3 or 4 (N 1 images are drawn through a
 * table of 256 colours, cheap already).  A DeviceRGB image that is
 * otherwise convertible is marked as such (@c->device_rgb).  Fills
 * @c's n_icc, profile_id and intent. */
static gboolean
icc_image (qpdf_data  qpdf,
           qpdf_oh    dict,
           Candidate *c)
{
  qpdf_oh intent = qpdf_oh_get_key (qpdf, dict, "/Intent");
  qpdf_oh cs = qpdf_oh_get_key (qpdf, dict, "/ColorSpace");
  int     n = 0;

  if (!convertible_image (qpdf, dict))
    return FALSE;
  c->intent = qpdf_oh_is_name (qpdf, intent) ? cms_intent (qpdf, intent) : -1;
  if (qpdf_oh_is_name_and_equals (qpdf, cs, "/DeviceRGB"))
    {
      /* Its profile, if any, is known once the file's are read. */
      c->device_rgb = TRUE;
      return FALSE;
    }
  c->profile_id = icc_profile (qpdf, cs, &n);
  c->n_icc = n;
  return c->profile_id > 0;
}

/* Image @dict's /Decode as Poppler applies it to 8-bit samples of 4
 * components before drawing them through its DeviceCMYK line
 * conversion (GfxImageColorMap's byte lookup): component k of sample i
 * becomes (int) (255 (low + i (high - low) / 255) + 0.5), clipped.
 * @lookup gets 256 bytes a component; FALSE for a /Decode of any other
 * form than 8 integers (a real's value would hang on how Poppler's
 * lexer reads it), TRUE with the identity for none. */
static gboolean
cmyk_decode_lookup (qpdf_data qpdf,
                    qpdf_oh   dict,
                    guchar    lookup[4][256])
{
  qpdf_oh decode = qpdf_oh_get_key (qpdf, dict, "/Decode");

  for (int k = 0; k < 4; k++)
    for (int i = 0; i < 256; i++)
      lookup[k][i] = (guchar) i;
  if (!qpdf_oh_has_key (qpdf, dict, "/Decode"))
    return TRUE;
  if (!qpdf_oh_is_array (qpdf, decode) || qpdf_oh_get_array_n_items (qpdf, decode) != 8)
    return FALSE;
  for (int k = 0; k < 8; k++)
    if (!qpdf_oh_is_integer (qpdf, qpdf_oh_get_array_item (qpdf, decode, k)))
      return FALSE;
  for (int k = 0; k < 4; k++)
    {
      double low = (double) qpdf_oh_get_int_value (qpdf, qpdf_oh_get_array_item (qpdf, decode, 2 * k));
      double range = (double) qpdf_oh_get_int_value (qpdf, qpdf_oh_get_array_item (qpdf, decode, 2 * k + 1)) - low;

      for (int i = 0; i < 256; i++)
        {
          int byte = (int) ((low + (i * range) / 255) * 255.0 + 0.5);

          lookup[k][i] = (guchar) CLAMP (byte, 0, 255);
        }
    }
  return TRUE;
}

/* Whether image @dict is drawn by Poppler through its DeviceCMYK line
 * conversion (cmyk_to_rgb), so that its samples can be stored as the
 * DeviceRGB ones it draws: /ColorSpace /DeviceCMYK, 8 bits, a /Decode
 * cmyk_decode_lookup reads (it is applied before the conversion), no
 * /Mask of colour key ranges, no /SMask naming a /Matte colour (see
 * convertible_image).  A pass converts each Mpx of them in about 20
 * ms (three renders of flyer-osgeo-brochure's 4.6 Mpx: 0.52 -> 0.24 s),
 * the copy converts them once, in less time than that (colours met
 * before are not converted again). */
static gboolean
cmyk_image (qpdf_data qpdf,
            qpdf_oh   dict)
{
  qpdf_oh smask = qpdf_oh_get_key (qpdf, dict, "/SMask");
  guchar  lookup[4][256];

  if (!qpdf_oh_is_name_and_equals (qpdf, qpdf_oh_get_key (qpdf, dict, "/ColorSpace"), "/DeviceCMYK") ||
      qpdf_oh_get_int_value_as_int (qpdf, qpdf_oh_get_key (qpdf, dict, "/BitsPerComponent")) != 8 ||
      qpdf_oh_has_key (qpdf, dict, "/ImageMask"))
    return FALSE;
  if (qpdf_oh_has_key (qpdf, dict, "/Mask") && !qpdf_oh_is_stream (qpdf, qpdf_oh_get_key (qpdf, dict, "/Mask")))
    return FALSE;
  if (qpdf_oh_has_key (qpdf, dict, "/SMask") &&
      (!qpdf_oh_is_stream (qpdf, smask) || qpdf_oh_has_key (qpdf, qpdf_oh_get_dict (qpdf, smask), "/Matte")))
    return FALSE;
  return cmyk_decode_lookup (qpdf, dict, lookup);
}

/* The colour Poppler gives each corner of the CMYK cube
 * (GfxDeviceCMYKColorSpace), corner bits C M Y K from the highest. */
static const double cmyk_corners[16][3] = {
  { 1, 1, 1 },
  { 0.1373, 0.1216, 0.1255 },
  { 1, 0.9490, 0 },
  { 0.1098, 0.1020, 0 },
  { 0.9255, 0, 0.5490 },
  { 0.1412, 0, 0 },
  { 0.9294, 0.1098, 0.1412 },
  { 0.1333, 0, 0 },
  { 0, 0.6784, 0.9373 },
  { 0, 0.0588, 0.1412 },
  { 0, 0.6510, 0.3137 },
  { 0, 0.0745, 0 },
  { 0.1804, 0.1922, 0.5725 },
  { 0, 0, 0.0078 },
  { 0.2118, 0.2119, 0.2235 },
  { 0, 0, 0 },
};

/* @n pixels of CMYK @in as the RGB bytes Poppler draws them with: each
 * component as a fraction of 255, the colour the sum of the corners'
 * colours weighted by the products of the components (or their
 * complements), corner by corner in Poppler's order and each product
 * taken C first, then each channel clipped to [0, 1] and truncated to
 * 255 steps.  The same double operations in the same order give the
 * same bytes; a zero weight Poppler skips adds +0, which changes no
 * sum.  Unrolled, the table's zeros fold away: the copy of a file of
 * 4.6 Mpx of DeviceCMYK photographs takes 0.13 s, not 0.19 s. */
static void
cmyk_to_rgb (gpointer data G_GNUC_UNUSED,
             const guchar *in,
             guchar       *out,
             guint         n)
{
  for (guint i = 0; i < n; i++, in += 4, out += 3)
    {
      double f[4][2];
      double rgb[3] = { 0, 0, 0 };

      for (int k = 0; k < 4; k++)
        {
          f[k][1] = in[k] / 255.0;
          f[k][0] = 1 - f[k][1];
        }
#pragma GCC unroll 16
      for (int corner = 0; corner < 15; corner++)
        {
          double x = f[0][corner >> 3] * f[1][(corner >> 2) & 1] * f[2][(corner >> 1) & 1] * f[3][corner & 1];

#pragma GCC unroll 4
          for (int ch = 0; ch < 3; ch++)
            if (cmyk_corners[corner][ch] != 0)
              rgb[ch] += cmyk_corners[corner][ch] * x;
        }
      for (int ch = 0; ch < 3; ch++)
        out[ch] = (guchar) ((rgb[ch] < 0 ? 0 : rgb[ch] > 1 ? 1
                                                           : rgb[ch]) *
                            255.0);
    }
}

/* The bytes of stream @oh through its generic filters (Flate, LZW, run
 * length, ASCII), into @data (to free) and @len; FALSE, and @data NULL,
 * when libqpdf cannot undo them or warns about the stream (Poppler's own
 * filters may then read other bytes). */
static gboolean
read_stream (qpdf_data       qpdf,
             qpdf_oh         oh,
             unsigned char **data,
             size_t         *len)
{
  QPDF_BOOL filtered = QPDF_FALSE;

  *data = NULL;
  *len = 0;
  while (qpdf_more_warnings (qpdf))
    qpdf_next_warning (qpdf);
  if (qpdf_oh_get_stream_data (qpdf, oh, qpdf_dl_generalized, &filtered, data, len) != QPDF_SUCCESS || !filtered || *data == NULL || qpdf_more_warnings (qpdf))
    {
      qpdf_get_error (qpdf);
      free (*data);
      *data = NULL;
      return FALSE;
    }
  return TRUE;
}

/* @c is a delimiter or white space in a content stream. */
static gboolean
is_delimiter (guchar c)
{
  return g_ascii_isspace (c) || c == 0 || strchr ("()<>[]{}/%", c) != NULL;
}

/* A stream that may hold content (a page's, a form's, a pattern's, a
 * Type 3 glyph's): not an image, a font program, a profile, metadata or
 * a cross-reference or object stream. */
static gboolean
may_be_content (qpdf_data qpdf,
                qpdf_oh   dict)
{
  qpdf_oh subtype = qpdf_oh_get_key (qpdf, dict, "/Subtype");
  qpdf_oh type = qpdf_oh_get_key (qpdf, dict, "/Type");

  if (qpdf_oh_has_key (qpdf, dict, "/Subtype") && !qpdf_oh_is_name_and_equals (qpdf, subtype, "/Form"))
    return FALSE;
  if (qpdf_oh_has_key (qpdf, dict, "/Type") && !qpdf_oh_is_name_and_equals (qpdf, type, "/XObject") && !qpdf_oh_is_name_and_equals (qpdf, type, "/Pattern"))
    return FALSE;
  return !qpdf_oh_has_key (qpdf, dict, "/Length1") && !qpdf_oh_has_key (qpdf, dict, "/Length2") && !qpdf_oh_has_key (qpdf, dict, "/N");
}

/* Whether @dict, its /ColorSpace or its resources' /ColorSpace names
 * the default space @key ("/DefaultRGB"). */
static gboolean
names_default (qpdf_data   qpdf,
               qpdf_oh     dict,
               const char *key)
{
  qpdf_oh resources = qpdf_oh_get_key (qpdf, dict, "/Resources");
  qpdf_oh cs = qpdf_oh_get_key (qpdf, dict, "/ColorSpace");

  if (qpdf_oh_has_key (qpdf, dict, key) || (qpdf_oh_is_dictionary (qpdf, cs) && qpdf_oh_has_key (qpdf, cs, key)))
    return TRUE;
  if (!qpdf_oh_is_dictionary (qpdf, resources))
    return FALSE;
  cs = qpdf_oh_get_key (qpdf, resources, "/ColorSpace");
  return qpdf_oh_is_dictionary (qpdf, cs) && qpdf_oh_has_key (qpdf, cs, key);
}

/* What the file's content may change of how Poppler draws a DeviceRGB
 * image or converts an ICC or DeviceCMYK one: *@default_rgb, some
 * resources name a /DefaultRGB space (Poppler would draw the stored
 * samples through it); *@default_cmyk, some name a /DefaultCMYK one (it
 * would draw DeviceCMYK samples through that, not its own formula);
 * every object is met, so a resource dictionary, held directly or not,
 * is one of them or a value of one; *@intents, an ExtGState sets /RI or a content stream may hold an
 * `ri` operator (any "ri" token, in a string too), so that the intent of
 * an image whose dictionary names none is not known without walking
 * every page.  Content streams are read only when @read_content; a
 * stream whose filters libqpdf cannot undo counts as holding an `ri`. */
static void
scan_content (qpdf_data qpdf,
              int       size,
              gboolean  read_content,
              gboolean *default_rgb,
              gboolean *default_cmyk,
              gboolean *intents)
{
  *default_rgb = *default_cmyk = *intents = FALSE;
  /* Read through: under a /DefaultRGB, images are converted too. */
  for (int id = 1; id < MIN (size, MAX_OBJECTS); id++)
    {
      qpdf_oh oh = qpdf_get_object_by_id (qpdf, id, 0);
      qpdf_oh dict = qpdf_oh_is_stream (qpdf, oh) ? qpdf_oh_get_dict (qpdf, oh) : oh;

      if (qpdf_oh_is_dictionary (qpdf, dict))
        {
          if (names_default (qpdf, dict, "/DefaultRGB"))
            *default_rgb = TRUE;
          if (names_default (qpdf, dict, "/DefaultCMYK"))
            *default_cmyk = TRUE;
          if (qpdf_oh_has_key (qpdf, dict, "/RI"))
            *intents = TRUE;
        }
      if (read_content && qpdf_oh_is_stream (qpdf, oh) && !*intents && may_be_content (qpdf, dict))
        {
          unsigned char *data = NULL;
          size_t         len = 0;

          if (!read_stream (qpdf, oh, &data, &len))
            *intents = TRUE;
          for (size_t i = 0; data != NULL && i + 1 < len && !*intents; i++)
            if (data[i] == 'r' && data[i + 1] == 'i' && (i == 0 || is_delimiter (data[i - 1])) && (i + 2 == len || is_delimiter (data[i + 2])))
              *intents = TRUE;
          free (data);
        }
      if (id % 1024 == 0)
        qpdf_oh_release_all (qpdf);
    }
}

/* The keys of dictionary @dict, newly allocated: libqpdf iterates the
 * keys of one dictionary at a time. */
static GPtrArray *
dict_keys (qpdf_data qpdf,
           qpdf_oh   dict)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  qpdf_oh_begin_dict_key_iter (qpdf, dict);
  while (qpdf_oh_dict_more_keys (qpdf))
    g_ptr_array_add (keys, g_strdup (qpdf_oh_dict_next_key (qpdf)));
  return keys;
}

/* The /DefaultRGB spaces met in the direct values of @oh: *@profile is
 * the profile all name (icc_profile, 3 components), -1 once two differ,
 * one is no such space, or a colour space is named /DeviceRGB or /RGB
 * (an image's /DeviceRGB would be looked up as that). */
static void
find_default_rgb (qpdf_data qpdf,
                  qpdf_oh   oh,
                  int      *profile,
                  int       depth)
{
  g_autoptr(GPtrArray) keys = NULL;
  gboolean is_array = qpdf_oh_is_array (qpdf, oh);
  int      n;

  if (depth > 32 || *profile < 0 || (!is_array && !qpdf_oh_is_dictionary (qpdf, oh)))
    return;
  if (!is_array)
    {
      int components = 0;
      int id = qpdf_oh_has_key (qpdf, oh, "/DefaultRGB") ? icc_profile (qpdf, qpdf_oh_get_key (qpdf, oh, "/DefaultRGB"), &components) : 0;

      if (qpdf_oh_has_key (qpdf, oh, "/DeviceRGB") || qpdf_oh_has_key (qpdf, oh, "/RGB") ||
          (qpdf_oh_has_key (qpdf, oh, "/DefaultRGB") &&
           (id <= 0 || components != 3 || (*profile > 0 && *profile != id))))
        {
          *profile = -1;
          return;
        }
      if (id > 0)
        *profile = id;
      keys = dict_keys (qpdf, oh);
    }
  n = is_array ? qpdf_oh_get_array_n_items (qpdf, oh) : (int) keys->len;
  for (int i = 0; i < n; i++)
    {
      qpdf_oh value = is_array ? qpdf_oh_get_array_item (qpdf, oh, i) : qpdf_oh_get_key (qpdf, oh, g_ptr_array_index (keys, i));

      if (!qpdf_oh_is_indirect (qpdf, value))
        find_default_rgb (qpdf, value, profile, depth + 1);
    }
}

/* The profile through which Poppler draws every DeviceRGB image of the
 * file: the one every /DefaultRGB of the file names, when every page's
 * resources (inherited too) name it, so that whatever forms, patterns or
 * annotations draw an image, the lookup ends at it; 0 when there is no
 * such profile.  Poppler looks /DefaultRGB up from the innermost
 * resources out to the page's, and draws a DeviceRGB image through the
 * space it finds with the transform it makes for an ICC image's. */
static int
default_rgb_profile (qpdf_data qpdf,
                     int       size)
{
  int profile = 0;
  int n_pages = qpdf_get_num_pages (qpdf);

  for (int id = 1; id < size && profile >= 0; id++)
    {
      qpdf_oh oh = qpdf_get_object_by_id (qpdf, id, 0);

      find_default_rgb (qpdf, qpdf_oh_is_stream (qpdf, oh) ? qpdf_oh_get_dict (qpdf, oh) : oh, &profile, 0);
      if (id % 1024 == 0)
        qpdf_oh_release_all (qpdf);
    }
  if (profile <= 0 || n_pages <= 0)
    return 0;
  for (int i = 0; i < n_pages; i++)
    {
      qpdf_oh node = qpdf_get_page_n (qpdf, (size_t) i);
      int     depth = 0;

      /* Resources are inherited from the nearest node naming them. */
      while (!qpdf_oh_has_key (qpdf, node, "/Resources") && qpdf_oh_has_key (qpdf, node, "/Parent") && depth++ < 64)
        node = qpdf_oh_get_key (qpdf, node, "/Parent");
      node = qpdf_oh_get_key (qpdf, qpdf_oh_get_key (qpdf, node, "/Resources"), "/ColorSpace");
      if (!qpdf_oh_is_dictionary (qpdf, node) || !qpdf_oh_has_key (qpdf, node, "/DefaultRGB"))
        return 0;
      qpdf_oh_release_all (qpdf);
    }
  return profile;
}

/* Where the file draws its images from.  Under a /DefaultRGB space
 * Poppler draws DeviceRGB samples through that space, so an ICC image
 * stored as DeviceRGB is drawn through a form XObject whose resources
 * name /DefaultRGB /DeviceRGB, which Poppler looks up before the page's:
 * the image is then drawn as DeviceRGB, bit for bit as the file draws it
 * through its profile (poster-galaxy-factsheet-2025, 16 images of 12 Mpx
 * under a /DefaultRGB: 0.42 s a pass -> 0.16 s).  That holds only where
 * every reference to the image is an entry of an /XObject resource
 * dictionary, which the form replaces. */
typedef struct
{
  GHashTable *refs;       /* object id -> references to it anywhere */
  GHashTable *xobj_refs;  /* object id -> of them, /XObject entries */
  GHashTable *xobj_dicts; /* ids of indirect /XObject dictionaries seen */
  GHashTable *forms;      /* image id -> the id of its form */
} References;

/* What a walk of the file's values calls: @reference for each indirect
 * value met, @xobjects for each /XObject resource dictionary. */
typedef struct
{
  void (*reference) (References *r,
                     int         id);
  void (*xobjects) (qpdf_data   qpdf,
                    qpdf_oh     dict,
                    References *r);
} Visitor;

/* The direct values of @oh (a direct value, or an object's own
 * dictionary or array), through @v: an indirect value is met, not
 * walked, as it is walked as an object of its own. */
static void
walk_values (qpdf_data      qpdf,
             qpdf_oh        oh,
             const Visitor *v,
             References    *r,
             int            depth)
{
  g_autoptr(GPtrArray) keys = NULL;
  gboolean is_array = qpdf_oh_is_array (qpdf, oh);
  int      n;

  if (depth > 32 || (!is_array && !qpdf_oh_is_dictionary (qpdf, oh)))
    return;
  if (!is_array)
    keys = dict_keys (qpdf, oh);
  n = is_array ? qpdf_oh_get_array_n_items (qpdf, oh) : (int) keys->len;
  for (int i = 0; i < n; i++)
    {
      const char *key = is_array ? NULL : g_ptr_array_index (keys, i);
      qpdf_oh     value = is_array ? qpdf_oh_get_array_item (qpdf, oh, i) : qpdf_oh_get_key (qpdf, oh, key);

      if (key != NULL && strcmp (key, "/XObject") == 0 && qpdf_oh_is_dictionary (qpdf, value))
        v->xobjects (qpdf, value, r);
      if (qpdf_oh_is_indirect (qpdf, value))
        {
          if (v->reference != NULL)
            v->reference (r, qpdf_oh_get_object_id (qpdf, value));
        }
      else
        walk_values (qpdf, value, v, r, depth + 1);
    }
}

/* Every object of the file and the trailer walked with @v. */
static void
walk_objects (qpdf_data      qpdf,
              int            size,
              const Visitor *v,
              References    *r)
{
  for (int id = 1; id < size; id++)
    {
      qpdf_oh oh = qpdf_get_object_by_id (qpdf, id, 0);

      walk_values (qpdf, qpdf_oh_is_stream (qpdf, oh) ? qpdf_oh_get_dict (qpdf, oh) : oh, v, r, 0);
      if (id % 1024 == 0)
        qpdf_oh_release_all (qpdf);
    }
  walk_values (qpdf, qpdf_get_trailer (qpdf), v, r, 0);
}

static void
add_count (GHashTable *table,
           int         id)
{
  gpointer key = GINT_TO_POINTER (id);

  g_hash_table_insert (table, key,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (table, key)) + 1));
}

static void
count_reference (References *r,
                 int         id)
{
  add_count (r->refs, id);
}

/* The entries of /XObject dictionary @dict that are references, once
 * for a dictionary that several resources share. */
static void
count_xobject_entries (qpdf_data   qpdf,
                       qpdf_oh     dict,
                       References *r)
{
  g_autoptr(GPtrArray) keys = NULL;

  if (qpdf_oh_is_indirect (qpdf, dict) &&
      !g_hash_table_add (r->xobj_dicts, GINT_TO_POINTER (qpdf_oh_get_object_id (qpdf, dict))))
    return;
  keys = dict_keys (qpdf, dict);
  for (guint i = 0; i < keys->len; i++)
    {
      qpdf_oh v = qpdf_oh_get_key (qpdf, dict, g_ptr_array_index (keys, i));

      if (qpdf_oh_is_indirect (qpdf, v))
        add_count (r->xobj_refs, qpdf_oh_get_object_id (qpdf, v));
    }
}

/* Whether every reference to object @id is an /XObject entry. */
static gboolean
drawn_as_xobject_only (const References *r,
                       int               id)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (r->refs, GINT_TO_POINTER (id)));

  return n > 0 && n == GPOINTER_TO_UINT (g_hash_table_lookup (r->xobj_refs, GINT_TO_POINTER (id)));
}

/* A form XObject that draws image @image as DeviceRGB whatever
 * /DefaultRGB the resources it is drawn with name.  Its bounding box
 * reaches a unit square beyond the image's on every side, so that its
 * clip cuts no pixel the image covers. */
static qpdf_oh
device_rgb_form (qpdf_data qpdf,
                 qpdf_oh   image)
{
  static const char content[] = "/Im Do";
  qpdf_oh           form = qpdf_oh_new_stream (qpdf);
  qpdf_oh           dict = qpdf_oh_get_dict (qpdf, form);
  qpdf_oh           bbox = qpdf_oh_new_array (qpdf);
  qpdf_oh           resources = qpdf_oh_new_dictionary (qpdf);
  qpdf_oh           xobjects = qpdf_oh_new_dictionary (qpdf);
  qpdf_oh           spaces = qpdf_oh_new_dictionary (qpdf);

  qpdf_oh_replace_stream_data (qpdf, form, (const unsigned char *) content, strlen (content),
                               qpdf_oh_new_null (qpdf), qpdf_oh_new_null (qpdf));
  qpdf_oh_replace_key (qpdf, dict, "/Type", qpdf_oh_new_name (qpdf, "/XObject"));
  qpdf_oh_replace_key (qpdf, dict, "/Subtype", qpdf_oh_new_name (qpdf, "/Form"));
  for (int k = 0; k < 4; k++)
    qpdf_oh_append_item (qpdf, bbox, qpdf_oh_new_integer (qpdf, k < 2 ? -1 : 2));
  qpdf_oh_replace_key (qpdf, dict, "/BBox", bbox);
  qpdf_oh_replace_key (qpdf, xobjects, "/Im", image);
  qpdf_oh_replace_key (qpdf, spaces, "/DefaultRGB", qpdf_oh_new_name (qpdf, "/DeviceRGB"));
  qpdf_oh_replace_key (qpdf, resources, "/XObject", xobjects);
  qpdf_oh_replace_key (qpdf, resources, "/ColorSpace", spaces);
  qpdf_oh_replace_key (qpdf, dict, "/Resources", resources);
  return qpdf_make_indirect_object (qpdf, form);
}

/* Every entry of /XObject dictionary @dict that refers to an image of
 * @r's forms refers to its form instead. */
static void
draw_through_forms (qpdf_data   qpdf,
                    qpdf_oh     dict,
                    References *r)
{
  g_autoptr(GPtrArray) names = dict_keys (qpdf, dict);

  for (guint k = 0; k < names->len; k++)
    {
      const char *name = g_ptr_array_index (names, k);
      qpdf_oh     entry = qpdf_oh_get_key (qpdf, dict, name);
      gpointer    form = NULL;

      if (qpdf_oh_is_indirect (qpdf, entry) &&
          g_hash_table_lookup_extended (r->forms, GINT_TO_POINTER (qpdf_oh_get_object_id (qpdf, entry)),
                                        NULL, &form))
        qpdf_oh_replace_key (qpdf, dict, name, qpdf_get_object_by_id (qpdf, GPOINTER_TO_INT (form), 0));
    }
}

/* Transforms from ICC profiles to RGB, made as Poppler makes the one it
 * draws ICC image lines with (GfxICCBasedColorSpace::buildTransforms):
 * the profile's bytes as its stream gives them, input
 * CHANNELS_SH(N) | BYTES_SH(1), output TYPE_RGB_8 into its display
 * profile (display_profile), not optimised, black point compensation.  The same library with the same transform gives
 * the same bytes. */
typedef struct
{
  cmsHPROFILE srgb;       /* the display profile (display_profile) */
  GHashTable *transforms; /* profile id * 4 + intent -> cmsHTRANSFORM, or NULL */
} IccTransforms;

static void
delete_transform (gpointer transform)
{
  if (transform != NULL)
    cmsDeleteTransform (transform);
}

/* Poppler's display profile, into which it converts ICC colours: the
 * DestOutputProfile of the file's output intent when the catalog names
 * exactly one and lcms2 reads it (Gfx::initDisplayProfile), else lcms2's
 * sRGB.  A file with an sRGB output intent (PDF/A) renders its ICC
 * images through that profile's bytes, which lcms2's own sRGB does not
 * match bit for bit.  A CMYK one leaves the colours in sRGB: the ICC
 * image of flyer-arkumu-postcard, under a CMYK output intent, renders
 * from the copy converted into sRGB bit for bit as from the file.
 * FALSE when the profile is of another kind (no conversion then). */
static gboolean
display_profile (qpdf_data    qpdf,
                 cmsHPROFILE *display)
{
  qpdf_oh        intents = qpdf_oh_get_key (qpdf, qpdf_get_root (qpdf), "/OutputIntents");
  qpdf_oh        dest;
  unsigned char *data = NULL;
  size_t         len = 0;
  cmsHPROFILE    profile = NULL;

  *display = NULL;
  if (qpdf_oh_is_array (qpdf, intents) && qpdf_oh_get_array_n_items (qpdf, intents) == 1)
    {
      dest = qpdf_oh_get_key (qpdf, qpdf_oh_get_array_item (qpdf, intents, 0), "/DestOutputProfile");
      if (qpdf_oh_is_stream (qpdf, dest))
        {
          /* A profile whose filters libqpdf cannot undo may be one
           * Poppler reads. */
          if (!read_stream (qpdf, dest, &data, &len))
            return FALSE;
          profile = cmsOpenProfileFromMem (data, (cmsUInt32Number) len);
          free (data);
        }
    }
  if (profile != NULL && cmsGetColorSpace (profile) == cmsSigRgbData)
    *display = profile;
  else if (profile != NULL && cmsGetColorSpace (profile) != cmsSigCmykData)
    {
      cmsCloseProfile (profile);
      return FALSE;
    }
  else if (profile != NULL)
    cmsCloseProfile (profile);
  if (*display == NULL)
    *display = cmsCreate_sRGBProfile ();
  return *display != NULL;
}

/* The transform of profile @c->profile_id for @intent, NULL when lcms2
 * cannot make one (Poppler then draws through the alternate space) or
 * the profile is not of @c->n_icc RGB or CMYK components. */
static cmsHTRANSFORM
icc_transform (qpdf_data        qpdf,
               IccTransforms   *t,
               const Candidate *c,
               int              intent)
{
  gpointer       key = GINT_TO_POINTER (c->profile_id * 4 + intent);
  gpointer       found = NULL;
  unsigned char *data = NULL;
  size_t         len = 0;
  cmsHPROFILE    profile = NULL;
  cmsHTRANSFORM  transform = NULL;

  if (g_hash_table_lookup_extended (t->transforms, key, NULL, &found))
    return found;
  if (read_stream (qpdf, qpdf_get_object_by_id (qpdf, c->profile_id, 0), &data, &len))
    profile = cmsOpenProfileFromMem (data, (cmsUInt32Number) len);
  free (data);
  if (profile != NULL && t->srgb != NULL && cmsGetColorSpace (profile) == (c->n_icc == 3 ? cmsSigRgbData : cmsSigCmykData))
    transform = cmsCreateTransform (profile, CHANNELS_SH (c->n_icc) | BYTES_SH (1), t->srgb, TYPE_RGB_8,
                                    (cmsUInt32Number) intent,
                                    cmsFLAGS_NOOPTIMIZE | cmsFLAGS_BLACKPOINTCOMPENSATION);
  if (profile != NULL)
    cmsCloseProfile (profile);
  g_hash_table_insert (t->transforms, key, transform);
  return transform;
}

/* Colours converted lately: a transform gives each pixel's colour from
 * its samples alone, and images repeat colours (graphics hold few; an
 * unoptimised transform spends 40 to 125 ns a pixel).  Direct mapped. */
#define COLOUR_CACHE_BITS 16
typedef struct
{
  guint64 key[1 << COLOUR_CACHE_BITS]; /* samples | 1 << 32, 0: empty */
  guchar  rgb[3 << COLOUR_CACHE_BITS];
} ColourCache;

/* What converts @n pixels of @in to RGB @out (3 bytes a pixel). */
typedef void (*ConvertFunc) (gpointer      data,
                             const guchar *in,
                             guchar       *out,
                             guint         n);

static void
lcms_to_rgb (gpointer      transform,
             const guchar *in,
             guchar       *out,
             guint         n)
{
  cmsDoTransform (transform, in, out, n);
}

/* @samples (@n_pixels of @n components) as DeviceRGB through @convert,
 * in place: 3 bytes a pixel.  Converted a block at a time, since lcms2
 * does not promise to read and write the same buffer; colours met
 * before are taken from @cache (emptied when the conversion is another). */
static void
to_rgb (ConvertFunc  convert,
        gpointer     data,
        ColourCache *cache,
        guchar      *samples,
        gsize        n_pixels,
        int          n)
{
  enum
  {
    BLOCK = 4096
  };
  guchar  rgb[3 * BLOCK];
  guchar  missed[4 * BLOCK], missed_rgb[3 * BLOCK];
  guint32 missed_at[BLOCK];

  for (gsize i = 0; i < n_pixels; i += BLOCK)
    {
      gsize k = MIN (n_pixels - i, (gsize) BLOCK);
      guint n_missed = 0;

      for (gsize j = 0; j < k; j++)
        {
          const guchar *p = samples + (i + j) * n;
          guint32       v = ((guint32) p[0] << 16) | ((guint32) p[1] << 8) | p[2];
          guint32       slot;

          if (n == 4)
            v = (v << 8) | p[3];
          slot = (v * 2654435761u) >> (32 - COLOUR_CACHE_BITS);
          if (cache->key[slot] == ((guint64) v | G_GUINT64_CONSTANT (1) << 32))
            memcpy (rgb + 3 * j, cache->rgb + 3 * slot, 3);
          else
            {
              memcpy (missed + n * n_missed, p, n);
              missed_at[n_missed++] = (guint32) j;
            }
        }
      if (n_missed > 0)
        convert (data, missed, missed_rgb, n_missed);
      for (guint m = 0; m < n_missed; m++)
        {
          const guchar *p = missed + n * m;
          guint32       v = ((guint32) p[0] << 16) | ((guint32) p[1] << 8) | p[2];
          guint32       slot;

          if (n == 4)
            v = (v << 8) | p[3];
          slot = (v * 2654435761u) >> (32 - COLOUR_CACHE_BITS);
          cache->key[slot] = (guint64) v | G_GUINT64_CONSTANT (1) << 32;
          memcpy (cache->rgb + 3 * slot, missed_rgb + 3 * m, 3);
          memcpy (rgb + 3 * missed_at[m], missed_rgb + 3 * m, 3);
        }
      memcpy (samples + i * 3, rgb, 3 * k);
    }
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
  if (w <= 0 || h <= 0 || c->pixels > max_pixels || !(c->dct || has_only_filter (qpdf, dict, "/FlateDecode")))
    return FALSE;
  if (!icc_image (qpdf, dict, c))
    c->n_icc = 0;
  c->device_cmyk = cmyk_image (qpdf, dict);
  return TRUE;
}

/* Stores image stream @oh decoded (no /Filter, no /DecodeParms, the rest
 * of its dictionary as it was) when its samples fit in @budget; returns
 * their size, or 0.  With @transform, an ICC image of @c->n_icc
 * components is stored as the DeviceRGB samples Poppler draws it with
 * (through @cache); so is a @c->device_cmyk image, its /Decode
 * applied and dropped. */
static gsize
decode_image (qpdf_data        qpdf,
              qpdf_oh          oh,
              const Candidate *c,
              cmsHTRANSFORM    transform,
              ColourCache     *cache,
              gsize            budget)
{
  qpdf_oh        dict = qpdf_oh_get_dict (qpdf, oh);
  unsigned char *data = NULL;
  guchar        *samples = NULL;
  size_t         len = 0;
  QPDF_BOOL      filtered = QPDF_FALSE;
  gsize          out_len = 0;

  if (c->dct)
    {
      qpdf_oh params = qpdf_oh_get_key (qpdf, dict, "/DecodeParms");
      int     color_transform = -1;

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
      if (samples == NULL)
        return 0;
    }
  else
    {
      /* libqpdf's zlib and Poppler's inflater agree on a sound stream
       * (PNG predictors too); one libqpdf warns about is left as it is. */
      while (qpdf_more_warnings (qpdf))
        qpdf_next_warning (qpdf);
      if (qpdf_oh_get_stream_data (qpdf, oh, qpdf_dl_specialized, &filtered, &data, &len) != QPDF_SUCCESS || !filtered || data == NULL || qpdf_more_warnings (qpdf))
        {
          qpdf_get_error (qpdf);
          free (data);
          return 0;
        }
      samples = data;
      out_len = len;
    }

  if (transform != NULL || c->device_cmyk)
    {
      gsize n_pixels = (gsize) c->pixels;
      int   n = transform != NULL ? c->n_icc : 4;

      /* Poppler reads the image's pixels from the start of the samples
       * and pads a short image: only whole ones are converted. */
      if (out_len < n_pixels * n)
        {
          free (samples);
          return 0;
        }
      if (transform != NULL)
        to_rgb (lcms_to_rgb, transform, cache, samples, n_pixels, n);
      else
        {
          guchar lookup[4][256];

          cmyk_decode_lookup (qpdf, dict, lookup);
          for (gsize i = 0; i < n_pixels * 4; i++)
            samples[i] = lookup[i % 4][samples[i]];
          to_rgb (cmyk_to_rgb, NULL, cache, samples, n_pixels, n);
        }
      out_len = n_pixels * 3;
    }
  if (out_len > budget)
    {
      free (samples);
      return 0;
    }
  qpdf_oh_replace_stream_data (qpdf, oh, samples, out_len, qpdf_oh_new_null (qpdf),
                               qpdf_oh_new_null (qpdf));
  free (samples);
  if (transform != NULL || c->device_cmyk)
    qpdf_oh_replace_key (qpdf, dict, "/ColorSpace", qpdf_oh_new_name (qpdf, "/DeviceRGB"));
  if (c->device_cmyk)
    qpdf_oh_remove_key (qpdf, dict, "/Decode");
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
  guint     converted = 0, converted_rgb = 0;
  double    converted_pixels = 0;
  guint     n_icc = 0, n_rgb = 0, n_cmyk = 0, converted_cmyk = 0;
  int       rgb_profile = 0;
  gboolean  no_display = FALSE;
  gboolean  read_content = FALSE, default_rgb = FALSE, default_cmyk = FALSE, intents = FALSE;
  g_autoptr(GHashTable) transforms = g_hash_table_new_full (NULL, NULL, NULL, delete_transform);
  g_autoptr(GHashTable) masks = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) forms = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) refs_all = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) refs_xobj = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) xobj_dicts = g_hash_table_new (NULL, NULL);
  References              refs = { refs_all, refs_xobj, xobj_dicts, forms };
  gboolean                refs_read = FALSE;
  IccTransforms           icc = { NULL, transforms };
  g_autofree ColourCache *cache = NULL;
  gconstpointer           cached_for = NULL;

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
      Candidate c = { .id = id };

      if (qpdf_oh_is_stream (qpdf, oh))
        {
          qpdf_oh dict = qpdf_oh_get_dict (qpdf, oh);

          if (shrink_image (qpdf, oh, max_pixels))
            shrunk++;
          else if (max_decoded > 0 && decode_candidate (qpdf, oh, max_pixels, &c))
            g_array_append_val (candidates, c);
          /* An image another one reads as its mask is read for its
           * values, not its colours. */
          for (guint k = 0; k < 2; k++)
            {
              qpdf_oh mask = qpdf_oh_get_key (qpdf, dict, k == 0 ? "/SMask" : "/Mask");

              if (qpdf_oh_is_stream (qpdf, mask))
                g_hash_table_add (masks, GINT_TO_POINTER (qpdf_oh_get_object_id (qpdf, mask)));
            }
        }
      if (id % 1024 == 0)
        qpdf_oh_release_all (qpdf);
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);

      if (g_hash_table_contains (masks, GINT_TO_POINTER (c->id)))
        c->n_icc = c->device_rgb = c->device_cmyk = 0;
      if (c->device_rgb)
        n_rgb++;
      if (c->device_cmyk)
        n_cmyk++;
    }
  if (n_rgb > 0 || n_cmyk > 0)
    scan_content (qpdf, size, FALSE, &default_rgb, &default_cmyk, &intents);
  /* DeviceCMYK images are converted where Poppler would draw them with
   * its own formula and their copies as they are (nor where the file
   * has more objects than are looked at). */
  if (n_cmyk > 0 && (default_cmyk || default_rgb || size >= MAX_OBJECTS))
    for (guint i = 0; i < candidates->len; i++)
      g_array_index (candidates, Candidate, i).device_cmyk = FALSE;
  /* DeviceRGB images are drawn through the file's /DefaultRGB profile,
   * if any: converted as ICC images of it. */
  if (n_rgb > 0 && default_rgb)
    rgb_profile = default_rgb_profile (qpdf, size);
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);

      if (c->device_rgb && rgb_profile > 0)
        {
          c->n_icc = 3;
          c->profile_id = rgb_profile;
        }
      if (c->n_icc > 0)
        n_icc++;
      if (c->n_icc > 0 && c->intent == -1)
        read_content = TRUE;
    }
  if (n_icc > 0)
    {
      scan_content (qpdf, size, read_content, &default_rgb, &default_cmyk, &intents);
      if (default_rgb && size < MAX_OBJECTS)
        {
          static const Visitor counting = { count_reference, count_xobject_entries };

          walk_objects (qpdf, size, &counting, &refs);
          refs_read = TRUE;
        }
      g_debug ("%s: resources name %s/DefaultRGB, content %s rendering intents", path,
               default_rgb ? "" : "no ", !read_content ? "not read for" : intents ? "may set"
                                                                                  : "sets no");
    }
  no_display = n_icc > 0 && !display_profile (qpdf, &icc.srgb);
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);

      /* An image whose dictionary names no intent is converted with the
       * graphics state's, relative colorimetric unless content sets one.
       * Under a /DefaultRGB, only one drawn through a form (References). */
      if (no_display || (default_rgb && (!refs_read || !drawn_as_xobject_only (&refs, c->id))) ||
          (c->intent == -1 && intents))
        c->n_icc = 0;
      else if (c->intent == -1)
        c->intent = INTENT_RELATIVE_COLORIMETRIC;
    }

  g_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < candidates->len && decoded_bytes < max_decoded; i++)
    {
      const Candidate *c = &g_array_index (candidates, Candidate, i);
      cmsHTRANSFORM    transform = NULL;
      gsize            len;

      if (c->n_icc > 0)
        transform = icc_transform (qpdf, &icc, c, c->intent);
      if ((transform != NULL || c->device_cmyk) &&
          (c->device_cmyk ? (gconstpointer) cmyk_corners : transform) != cached_for)
        {
          if (cache == NULL)
            cache = g_new (ColourCache, 1);
          memset (cache->key, 0, sizeof cache->key);
          cached_for = c->device_cmyk ? (gconstpointer) cmyk_corners : transform;
        }
      len = decode_image (qpdf, qpdf_get_object_by_id (qpdf, c->id, 0), c, transform, cache,
                          max_decoded - decoded_bytes);
      if (len > 0)
        decoded++;
      if (len > 0 && c->device_cmyk)
        {
          converted_cmyk++;
          converted_pixels += c->pixels;
        }
      if (len > 0 && transform != NULL)
        {
          converted++;
          converted_rgb += c->device_rgb;
          converted_pixels += c->pixels;
          if (default_rgb)
            g_hash_table_insert (refs.forms, GINT_TO_POINTER (c->id),
                                 GINT_TO_POINTER (qpdf_oh_get_object_id (
                                     qpdf, device_rgb_form (qpdf, qpdf_get_object_by_id (qpdf, c->id, 0)))));
        }
      decoded_bytes += len;
      qpdf_oh_release_all (qpdf);
    }
  g_hash_table_remove_all (transforms);
  if (icc.srgb != NULL)
    cmsCloseProfile (icc.srgb);
  /* A few small images: the file as it is renders as fast. */
  if (decoded_bytes < MIN_DECODED_BYTES && converted_pixels < MIN_CONVERTED_PIXELS)
    decoded = converted = converted_cmyk = 0;
  /* Written with the images shrunk, images converted must be drawn as
   * they were stored, through their forms. */
  if (g_hash_table_size (refs.forms) > 0)
    {
      static const Visitor rewriting = { NULL, draw_through_forms };

      walk_objects (qpdf, size, &rewriting, &refs);
    }

  if ((shrunk > 0 || decoded > 0) && !qpdf_has_error (qpdf))
    bytes = write_copy (qpdf);
  g_debug ("%s: %u images shrunk, %u stored decoded (%.1f MB, %u of them ICC images and %u "
           "DeviceCMYK ones as DeviceRGB, %.1f Mpx, %u of them DeviceRGB under /DefaultRGB) for "
           "rendering",
           path, shrunk, decoded, decoded_bytes / 1e6, converted, converted_cmyk,
           converted_pixels / 1e6, converted_rgb);
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
