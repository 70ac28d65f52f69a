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
  EYL_ZBAR_N_KINDS
} EylZbarKind;

typedef enum
{
  EYL_ZBAR_DEFAULT = 0,
  /* When nothing reads, the image inverted too: light-on-dark codes are
   * common on dark designs (the GodotCon poster). */
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

/* How many scans this process answered from a shared one. */
guint eyl_zbar_get_n_shared (void);

/* How many zbar scanners this process has created: at most one per kind
 * and thread scanning at once, whatever the number of pages and files. */
guint eyl_zbar_get_n_scanner_inits (void);

G_END_DECLS
