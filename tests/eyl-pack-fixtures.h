/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-pack-fixtures.h: pack sheets made by the tests — the artwork and
 * barcodes drawn with Cairo, the dieline added with libqpdf as ISO
 * 19593-1 processing-steps layers or as spot colours. */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Draws an EAN / UPC symbol from the encoding tables with its first bar's
 * top-left at the origin of @cr's user space, which must be in mm: module
 * width @x_mm, data bars @height_mm high, guard bars 5 modules longer. */
void eyl_pack_draw_barcode (cairo_t    *cr,
                            const char *symbology,
                            const char *digits,
                            double      x_mm,
                            double      height_mm,
                            guint32     rgb);

typedef enum
{
  EYL_PACK_TUCK_END, /* reverse tuck end box: 4 faces, glue flap, tucks, dust flaps */
  EYL_PACK_SLEEVE,   /* 4 faces and a glue flap */
  EYL_PACK_LABEL,    /* one rounded rectangle */
} EylPackNet;

typedef enum
{
  EYL_PACK_DIELINE_NONE,
  EYL_PACK_DIELINE_ISO,  /* OCGs "Cutting" / "Creasing" with GTS_Metadata */
  EYL_PACK_DIELINE_SPOT, /* stroked in the spot colours "CutContour" and "Rill" */
} EylPackDieline;

typedef enum
{
  EYL_PACK_BARCODE_NONE,
  EYL_PACK_BARCODE_BACK, /* EAN-13 at 100 % on the back face */
  EYL_PACK_BARCODE_FOLD, /* the same across the crease beside the back face */
} EylPackBarcode;

typedef struct
{
  EylPackNet     net;
  EylPackDieline dieline;
  EylPackBarcode barcode;
  gboolean       bare;         /* only the net and crop marks: the die-cutter's page */
  gboolean       near_edges;   /* the tuck end box's website across the fold between the
                              * front and the side (x 110–142, y 170), a phone 1 mm
                              * from the back's cut edge (ends at x 211) */
  gboolean       net_quantity; /* the front's net quantity in words no pattern knows,
                              * "twenty tea bags", 8 pt at x 66, y 170 (bottom 30 %) */
} EylPackSpec;

/* Writes the sheet into the fixture folder; returns its path.  The tuck
 * end box's faces (mm from the top-left of its 240 × 250 mm page): glue
 * flap x 20–32, side 32–62, front 62–122, side 122–152, back 152–212, all
 * y 60–180; the front carries "NORTHWIND" and "Green Tea" in large type,
 * the back the same small. */
char *eyl_pack_make_sheet (const EylPackSpec *spec);

/* Length in mm of the cut and the crease lines eyl_pack_make_sheet()
 * draws for @net. */
double eyl_pack_cut_length_mm (EylPackNet net);
double eyl_pack_crease_length_mm (EylPackNet net);

/* A flat label of 100 × 120 mm (18.6 in²: 21 CFR 101.105(i) asks for
 * 1/8 in, 3.2 mm): "NORTHWIND" and "Green Tea" large at the top, the net
 * quantity "Net Wt 1.4 oz (40 g)" set at @net_pt with its baseline at
 * x 10, y 110 mm (the bottom 30 %); 6 pt is too small, 18 pt is not.
 * Returns its path in the fixture folder. */
char *eyl_pack_make_label (double net_pt);

G_END_DECLS
