/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-element.h: something found on a page (a contact, the logo, …). */
#pragma once

#include "eyl-types.h"

G_BEGIN_DECLS

typedef struct _EylElement EylElement;

struct _EylElement
{
  /*< private >*/
  gatomicrefcount ref_count;

  /*< public >*/
  char          *id; /* "p0e3": page 0, element 3 */
  EylElementKind kind;
  EylSource      source;
  char          *text;        /* what it says (normalised for contacts) */
  EylRect        box;         /* page space, pt */
  double         confidence;  /* 0 … 1 */
  double         font_size;   /* pt, 0 when not text */
  double         cap_height;  /* measured, pt; 0 when not text */
  guint32        color;       /* text colour 0xRRGGBB */
  gboolean       third_party; /* a contact, but someone else's: a
                                  * sponsor's, a speaker's, a credit's;
                                  * or no contact at all (a Wi-Fi join
                                  * code): not the brand's way to be
                                  * reached, and no rule judges it */

  /* Filled in by the analysis from the placement: */
  double floor_bottom_mm, floor_top_mm;
  double cap_height_mm;
  double hidden_fraction;
  double eye_zone_fraction;

  /* Measured on the analysis raster (0 when not measured): */
  double   contrast_ratio;    /* WCAG 2.x, text vs rendered background */
  guint32  background;        /* 0xRRGGBB under the glyphs */
  gboolean background_varies; /* a photo or gradient: the ratio is
                                      * the worst of a few sub-areas */

  /* QR codes and barcodes: */
  double   module_pt;            /* module size, page pt; 0 unknown */
  double   quiet_zone_modules;   /* clear margin measured, in modules */
  gboolean decoded;              /* payload read (text holds it) */
  char    *symbology;            /* "QR-Code", "EAN-13", … or NULL */
  double   decode_px_per_module; /* fewest camera pixels per module at
                                        * which zbar still read it; 0 = not
                                        * measured (qr-unreadable) */
};

#define EYL_TYPE_ELEMENT (eyl_element_get_type ())
GType       eyl_element_get_type (void) G_GNUC_CONST;
EylElement *eyl_element_new (EylElementKind kind,
                             EylSource      source,
                             const char    *text,
                             const EylRect *box,
                             double         confidence);
EylElement *eyl_element_ref (EylElement *self);
void        eyl_element_unref (EylElement *self);
/* The element's text as a reader takes it, to tell whether two elements
 * say the same: case folded, a leading "http(s)://" and "www." dropped.
 * NULL when the element has no text. */
char *eyl_element_text_key (const EylElement *self);
/* A new element with the same fields (the evaluation fills the copy's
 * geometry and leaves the read element as measured). */
EylElement *eyl_element_copy (const EylElement *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EylElement, eyl_element_unref)

G_END_DECLS
