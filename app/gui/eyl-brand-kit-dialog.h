/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-brand-kit-dialog.h: edit the team's brand kit — names, website,
 * email, phone, logo files — the same file `eyeline-cli --brand-kit`
 * reads. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define EYL_TYPE_BRAND_KIT_DIALOG (eyl_brand_kit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (EylBrandKitDialog, eyl_brand_kit_dialog, EYL, BRAND_KIT_DIALOG, AdwWindow)

/* Loads the kit from GSettings brand-kit-path, else
 * $XDG_CONFIG_HOME/eyeline/brand-kit.ini. */
GtkWidget *eyl_brand_kit_dialog_new (GtkWindow *parent);

/* Where the kit is (or will be) saved. */
const char *eyl_brand_kit_dialog_get_path (EylBrandKitDialog *self);

/* Copies @png_path (e.g. a logo the user marked on the page) next to the
 * kit file and adds it to the list; it is in the kit once the user saves.
 * FALSE, with the problem shown in the dialog, when it cannot be copied. */
gboolean eyl_brand_kit_dialog_add_logo_png (EylBrandKitDialog *self,
                                            const char        *png_path);

/* Saves what the dialog shows (what the Save button does); emits
 * "saved" on success. */
gboolean eyl_brand_kit_dialog_save (EylBrandKitDialog *self,
                                    GError           **error);

/* Edits the named kit @name (eyl_brand_kit_list_names). */
void eyl_brand_kit_dialog_select_kit (EylBrandKitDialog *self,
                                      const char        *name);

G_END_DECLS
