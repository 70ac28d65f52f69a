/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-brand-font-row.h: one font of a brand kit in the Brand Kit dialog
 * — its family in the row, its role in a drop-down after it. */
#pragma once

#include <adwaita.h>

#include "eyl-brand-kit.h"

G_BEGIN_DECLS

#define EYL_TYPE_BRAND_FONT_ROW (eyl_brand_font_row_get_type ())
G_DECLARE_FINAL_TYPE (EylBrandFontRow, eyl_brand_font_row, EYL, BRAND_FONT_ROW, AdwEntryRow)

GtkWidget *eyl_brand_font_row_new (const EylBrandFont *font);

EylBrandFontRole eyl_brand_font_row_get_role (EylBrandFontRow *self);
void             eyl_brand_font_row_set_role (EylBrandFontRow *self,
                                              EylBrandFontRole role);

G_END_DECLS
