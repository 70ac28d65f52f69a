/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-brand-color-row.h: one colour of a brand kit in the Brand Kit
 * dialog — its name in the row, its sRGB value in a colour button before
 * it, how it is printed in an entry after it. */
#pragma once

#include <adwaita.h>

#include "eyl-brand-kit.h"

G_BEGIN_DECLS

#define EYL_TYPE_BRAND_COLOR_ROW (eyl_brand_color_row_get_type ())
G_DECLARE_FINAL_TYPE (EylBrandColorRow, eyl_brand_color_row, EYL, BRAND_COLOR_ROW, AdwEntryRow)

GtkWidget *eyl_brand_color_row_new (const EylBrandColor *color);

/* The colour as 0xRRGGBB. */
guint32 eyl_brand_color_row_get_rgb (EylBrandColorRow *self);
void    eyl_brand_color_row_set_rgb (EylBrandColorRow *self,
                                     guint32           rgb);
/* How it is printed: CMYK values or a spot colour's name. */
const char *eyl_brand_color_row_get_print (EylBrandColorRow *self);
void        eyl_brand_color_row_set_print (EylBrandColorRow *self,
                                           const char       *print);

G_END_DECLS
