/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-cvd.h: colour-vision deficiency simulation — the page, or one
 * colour, as people with protanopia, deuteranopia or tritanopia see it. */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  EYL_CVD_PROTANOPIA,
  EYL_CVD_DEUTERANOPIA,
  EYL_CVD_TRITANOPIA,
  EYL_CVD_N
} EylCvd;

/* "protanopia", … (stable ids for JSON and command lines). */
const char *eyl_cvd_to_string (EylCvd cvd);
gboolean    eyl_cvd_from_string (const char *str,
                                 EylCvd     *cvd);
/* "people with protanopia", … translated, for sentences. */
const char *eyl_cvd_people (EylCvd cvd);

/* The colour 0xRRGGBB (sRGB) as @cvd sees it, 0xRRGGBB. */
guint32 eyl_cvd_simulate (EylCvd  cvd,
                          guint32 rgb);

/* Every pixel of an RGB24 or ARGB32 image surface, in place. */
void eyl_cvd_simulate_surface (EylCvd           cvd,
                               cairo_surface_t *surface);

G_END_DECLS
