/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-barcode.h: retail barcodes on a pack (EAN-13, EAN-8, UPC-A, UPC-E)
 * read with zbar and measured on the render: module width and
 * magnification, bar height, quiet zones, what a red scanner sees.
 *
 * The numbers and where they come from (README "Packaging"):
 * GS1 General Specifications 5.2 (EAN/UPC symbology: nominal X 0.330 mm,
 * bar height 22.85 mm for EAN-13 / UPC-A / UPC-E, 18.23 mm for EAN-8;
 * quiet zones EAN-13 11X left / 7X right, EAN-8 7X / 7X, UPC-A 9X / 9X,
 * UPC-E 9X / 7X) and 5.12.3.1 (Symbol Specification Table 1: X from
 * 0.264 mm to 0.660 mm, magnification 80–200 %). */
#pragma once

#include "eyl-page-data.h"
#include "eyl-raster.h"

G_BEGIN_DECLS

typedef struct
{
  char    *symbology;         /* "EAN-13", "EAN-8", "UPC-A", "UPC-E", "Code 128" */
  char    *digits;            /* as printed, check digit included */
  gboolean check_ok;          /* GS1 mod-10 check digit verified */
  EylRect  box;               /* the bars (guards included), page space */
  gboolean vertical;          /* bars run across the page (rotated 90°) */
  gboolean measured;          /* the pattern was found on the render */
  double   module_mm;         /* X on the material */
  double   magnification;     /* X / 0.330 mm */
  double   bar_height_mm;     /* median height of the data bars */
  double   nominal_height_mm; /* the symbology's bar height × magnification */
  double   quiet_left_modules;
  double   quiet_right_modules;
  gboolean quiet_left_at_edge; /* the page's edge ends the margin */
  gboolean quiet_right_at_edge;
  double   red_contrast; /* symbol contrast (0–1) in red light */
  guint32  bar_color;    /* 0xRRGGBB */
  guint32  space_color;
} EylBarcode;

void eyl_barcode_free (EylBarcode *barcode);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EylBarcode, eyl_barcode_free)

/* The symbology's nominal bar height (mm at 100 %) and the quiet zones it
 * needs (modules); FALSE for a symbology this module does not know. */
gboolean eyl_barcode_nominal (const char *symbology,
                              double     *bar_height_mm,
                              double     *quiet_left,
                              double     *quiet_right);
#define EYL_BARCODE_NOMINAL_X_MM      0.330
#define EYL_BARCODE_MIN_MAGNIFICATION 0.80
#define EYL_BARCODE_MAX_MAGNIFICATION 2.00

/* TRUE for the retail symbologies a checkout scans (EAN / UPC), FALSE
 * for others read on the pack (Code 128). */
gboolean eyl_barcode_is_retail (const char *symbology);

/* GS1 mod-10: TRUE when the last digit of @digits is the check digit of
 * the others (for UPC-E, of the UPC-A number it stands for). */
gboolean eyl_barcode_check_digit_ok (const char *symbology,
                                     const char *digits);

/* The modules of the symbol, '1' for a bar and '0' for a space, guards
 * included (95 for EAN-13 / UPC-A, 67 for EAN-8, 51 for UPC-E), from the
 * standard encoding tables; NULL when @digits do not fit @symbology.
 * Also what the tests draw. */
char *eyl_barcode_modules (const char *symbology,
                           const char *digits);

/* Every EAN/UPC symbol on the page: read on @raster, and on regions
 * rendered again with @renderer where the raster is too coarse (bar-like
 * texture); @mm_per_pt converts page pt to mm on the material.  Returns
 * EylBarcode, never NULL. */
GPtrArray *eyl_detect_barcodes (const EylPageData *page,
                                const EylRaster   *raster,
                                const EylRenderer *renderer,
                                double             mm_per_pt);

G_END_DECLS
