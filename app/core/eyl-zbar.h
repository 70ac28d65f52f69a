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
  /* QR codes only, light-on-dark too: the readability ladder must not be
   * fooled by a 1-D misread. */
  EYL_ZBAR_QR,
  /* QR codes and every linear symbology a contact may come in (EAN, UPC,
   * Code 128, Code 39), light-on-dark too. */
  EYL_ZBAR_CODES,
  /* The symbols a pack carries (EAN, UPC, Code 128), dark on light. */
  EYL_ZBAR_RETAIL,
  EYL_ZBAR_N_KINDS
} EylZbarKind;

typedef struct
{
  zbar_symbol_type_t type;
  char              *data;           /* zbar's bytes, NUL-terminated */
  guint              length;         /* of @data, bytes */
  double             x0, y0, x1, y1; /* bounding box of the location, px */
  double             side;           /* mean side of the location polygon, px */
} EylZbarSymbol;

/* Every symbol of @kind zbar reads in @gray (@width × @height, one byte a
 * pixel, not kept): an array of EylZbarSymbol that frees its members. */
GArray *eyl_zbar_scan (const guint8 *gray,
                       int           width,
                       int           height,
                       EylZbarKind   kind);

/* How many zbar scanners this process has created: at most one per kind
 * and thread scanning at once, whatever the number of pages and files. */
guint eyl_zbar_get_n_scanner_inits (void);

G_END_DECLS
