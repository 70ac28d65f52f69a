/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-cvd"

#include <glib/gi18n.h>
#include <math.h>

#include "eyl-cvd.h"

/* G. M. Machado, M. M. Oliveira and L. A. F. Fernandes, "A physiologically-
 * based model for simulation of color vision deficiency", IEEE TVCG 15(6),
 * 2009, pp. 1291–1298: the matrices for severity 1.0 (dichromacy) of the
 * authors' table (www.inf.ufrgs.br/~oliveira/pubs_files/CVD_Simulation/
 * CVD_Simulation.html), applied to linear RGB.  Tritanopia uses the same
 * model's tritan matrix (the paper notes its tritan results are less
 * validated than protan and deutan, for which it matches Brettel et al.
 * 1997 and Viénot et al. 1999). */
static const double machado[EYL_CVD_N][3][3] = {
  [EYL_CVD_PROTANOPIA] = {
      { 0.152286, 1.052583, -0.204868 },
      { 0.114503, 0.786281, 0.099216 },
      { -0.003882, -0.048116, 1.051998 },
  },
  [EYL_CVD_DEUTERANOPIA] = {
      { 0.367322, 0.860646, -0.227968 },
      { 0.280085, 0.672501, 0.047413 },
      { -0.011820, 0.042940, 0.968881 },
  },
  [EYL_CVD_TRITANOPIA] = {
      { 1.255528, -0.076749, -0.178779 },
      { -0.078411, 0.930809, 0.147602 },
      { 0.004733, 0.691367, 0.303900 },
  },
};

static const char *ids[EYL_CVD_N] = { "protanopia", "deuteranopia", "tritanopia" };

const char *
eyl_cvd_to_string (EylCvd cvd)
{
  g_return_val_if_fail (cvd < EYL_CVD_N, NULL);
  return ids[cvd];
}

gboolean
eyl_cvd_from_string (const char *str,
                     EylCvd     *cvd)
{
  for (int i = 0; i < EYL_CVD_N; i++)
    if (g_strcmp0 (str, ids[i]) == 0)
      {
        *cvd = i;
        return TRUE;
      }
  return FALSE;
}

const char *
eyl_cvd_people (EylCvd cvd)
{
  switch (cvd)
    {
    case EYL_CVD_PROTANOPIA:
      return _("people with protanopia (red-blind)");
    case EYL_CVD_DEUTERANOPIA:
      return _("people with deuteranopia (green-blind)");
    case EYL_CVD_TRITANOPIA:
      return _("people with tritanopia (blue-blind)");
    case EYL_CVD_N:
    default:
      break;
    }
  g_return_val_if_reached (NULL);
}

/* sRGB transfer function (IEC 61966-2-1) both ways. */
static double
to_linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
to_srgb (double c)
{
  c = CLAMP (c, 0.0, 1.0);
  return c <= 0.0031308 ? 12.92 * c : 1.055 * pow (c, 1 / 2.4) - 0.055;
}

/* The simulation of one channel triple through a table of the 256 linear
 * values (shared by the colour and the surface paths). */
static guint32
simulate_with (const double m[3][3],
               const double lin[256],
               guint32      rgb)
{
  double  in[3] = { lin[(rgb >> 16) & 0xff], lin[(rgb >> 8) & 0xff], lin[rgb & 0xff] };
  guint32 out = 0;

  for (int c = 0; c < 3; c++)
    {
      double v = m[c][0] * in[0] + m[c][1] * in[1] + m[c][2] * in[2];

      out = (out << 8) | (guint32) (to_srgb (v) * 255 + 0.5);
    }
  return out;
}

static const double *
linear_table (void)
{
  static double table[256];
  static gsize  initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      for (int i = 0; i < 256; i++)
        table[i] = to_linear (i / 255.0);
      g_once_init_leave (&initialised, 1);
    }
  return table;
}

guint32
eyl_cvd_simulate (EylCvd  cvd,
                  guint32 rgb)
{
  g_return_val_if_fail (cvd < EYL_CVD_N, rgb);
  return simulate_with (machado[cvd], linear_table (), rgb);
}

void
eyl_cvd_simulate_surface (EylCvd           cvd,
                          cairo_surface_t *surface)
{
  g_autoptr(GHashTable) cache = NULL;
  const double  *lin = linear_table ();
  cairo_format_t format;
  guint8        *data;
  int            w, h, stride;

  g_return_if_fail (cvd < EYL_CVD_N);
  g_return_if_fail (surface != NULL);
  format = cairo_image_surface_get_format (surface);
  g_return_if_fail (format == CAIRO_FORMAT_RGB24 || format == CAIRO_FORMAT_ARGB32);

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  w = cairo_image_surface_get_width (surface);
  h = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  /* Print artwork has few distinct colours: remember each one's answer. */
  cache = g_hash_table_new (NULL, NULL);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 *p = (guint32 *) (data + (gsize) y * stride + 4 * x);
        guint32  alpha = *p & 0xff000000u, rgb = *p & 0xffffff, a = alpha >> 24, out;
        gpointer hit;

        if (format == CAIRO_FORMAT_RGB24)
          a = 255;
        if (a == 0)
          continue;
        /* ARGB32 is premultiplied: simulate the colour, not the blend. */
        if (a < 255)
          rgb = ((((rgb >> 16) & 0xff) * 255 / a) << 16) | ((((rgb >> 8) & 0xff) * 255 / a) << 8) |
                ((rgb & 0xff) * 255 / a);
        hit = g_hash_table_lookup (cache, GUINT_TO_POINTER (rgb + 1));
        if (hit != NULL)
          out = GPOINTER_TO_UINT (hit) - 1;
        else
          {
            out = simulate_with (machado[cvd], lin, rgb);
            g_hash_table_insert (cache, GUINT_TO_POINTER (rgb + 1), GUINT_TO_POINTER (out + 1));
          }
        if (a < 255)
          out = ((((out >> 16) & 0xff) * a / 255) << 16) | ((((out >> 8) & 0xff) * a / 255) << 8) |
                ((out & 0xff) * a / 255);
        *p = alpha | out;
      }
  cairo_surface_mark_dirty (surface);
}
