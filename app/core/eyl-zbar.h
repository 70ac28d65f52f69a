/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-zbar.h: zbar scans for the QR and barcode readers, on long-lived
 * scanners (one per configuration and thread at work, kept for the life
 * of the process). */
#pragma once

#include <glib.h>
#include <zbar.h>

G_BEGIN_DECLS

/* What a scan looks for. */
typedef enum
{
  /* QR codes only: the readability ladder must not be fooled by a 1-D
   * misread. */
  EYL_ZBAR_QR,
  /* QR codes and every linear symbology either reader wants: EAN, UPC,
   * Code 128 (packs carry it where a retail symbol belongs) and Code 39
   * (a web address may come in it). */
  EYL_ZBAR_CODES,
  /* The pack symbols the barcode reader keeps (EAN, UPC, Code 128), no
   * QR codes: zbar's QR finder works on every line it is fed, and the
   * QR reader reads the codes on a render itself. */
  EYL_ZBAR_PACK,
  EYL_ZBAR_N_KINDS
} EylZbarKind;

typedef enum
{
  EYL_ZBAR_DEFAULT = 0,
  /* When nothing reads, the image inverted too: light-on-dark codes are
   * common on dark designs (the GodotCon poster).  Only its boxes with a
   * dark ground are (eyl_zbar_dark_ground_boxes()). */
  EYL_ZBAR_INVERTED_TOO = 1 << 0,
  /* The scan is kept (a few are, for the process), and the next scan
   * asked with this flag, of the same pixels for the same kind, is
   * answered from it, not done again (once): the QR and barcode readers
   * both read the analysis raster. */
  EYL_ZBAR_SHARED = 1 << 1,
} EylZbarFlags;

typedef struct
{
  zbar_symbol_type_t type;
  char              *data;           /* zbar's bytes, made valid UTF-8 */
  double             x0, y0, x1, y1; /* bounding box of the location, px */
  double             side;           /* mean side of the location polygon, px */
} EylZbarSymbol;

/* Every symbol of @kind zbar reads in @gray (@width × @height, one byte a
 * pixel, not kept): an array of EylZbarSymbol, not to be changed (it may
 * be the one a shared scan keeps). */
GArray *eyl_zbar_scan (const guint8 *gray,
                       int           width,
                       int           height,
                       EylZbarKind   kind,
                       EylZbarFlags  flags);

/* As eyl_zbar_scan(), feeding zbar only every @line_step-th row and
 * column (ZBAR_CFG_X_DENSITY and Y_DENSITY), each whole: the cost falls
 * by @line_step, the resolution along a line stays.  A symbol is still
 * read when enough of the lines cross it: see the callers for how many
 * each decoder wants. */
GArray *eyl_zbar_scan_lines (const guint8 *gray,
                             int           width,
                             int           height,
                             EylZbarKind   kind,
                             EylZbarFlags  flags,
                             int           line_step);

/* The coarsest line step at which zbar still finds the finder patterns
 * of a QR code of @module_px px a module: zbar clusters the lines that
 * cross a finder's 1:1:3:1:1 runs, and wants at least three of them, each
 * within about a quarter of the core's 3-module run of the last
 * (qr_finder_cluster_lines), so lines at most ~0.75 module apart.  1 at
 * under 2.7 px a module, 2 up to 4 px, ... */
int eyl_zbar_qr_line_step (double module_px);

/* How many scans this process answered from a shared one. */
guint eyl_zbar_get_n_shared (void);

/* How many zbar passes this process has made (the same count as
 * zbar-scans in the stage file, kept whether or not that is written). */
guint eyl_zbar_get_n_scans (void);

/* How many zbar scanners this process has created: at most one per kind
 * and thread scanning at once, whatever the number of pages and files. */
guint eyl_zbar_get_n_scanner_inits (void);

/* A part of an image, px, ends excluded. */
typedef struct
{
  int x0, y0, x1, y1;
} EylZbarBox;

/* The boxes (EylZbarBox) of @gray that may hold a light-on-dark symbol,
 * none overlapping: empty when no part of it can.  The scan of the
 * inverted image covers them alone. */
GArray *eyl_zbar_dark_ground_boxes (const guint8 *gray,
                                    int           width,
                                    int           height);

G_END_DECLS
