/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-brand-color-row"

#include <math.h>
#include <glib/gi18n.h>

#include "eyl-brand-color-row.h"

struct _EylBrandColorRow
{
  AdwEntryRow parent_instance;

  GtkWidget *button; /* GtkColorButton */
  GtkWidget *print;  /* GtkEntry */
};

G_DEFINE_FINAL_TYPE (EylBrandColorRow, eyl_brand_color_row, ADW_TYPE_ENTRY_ROW)

static void
eyl_brand_color_row_class_init (EylBrandColorRowClass *klass)
{
}

static void
eyl_brand_color_row_init (EylBrandColorRow *self)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("Colour name"));
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  self->button = gtk_color_button_new ();
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (self->button), FALSE);
  gtk_color_button_set_title (GTK_COLOR_BUTTON (self->button), _("Brand Colour"));
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->button, _("The colour on screen (sRGB)"));
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (self), self->button);

  self->print = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->print), _("CMYK or spot"));
  gtk_editable_set_width_chars (GTK_EDITABLE (self->print), 12);
  gtk_widget_set_valign (self->print, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->print, _("How it is printed: CMYK values or a spot colour’s name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->print), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("How it is printed"), -1);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), self->print);
}

GtkWidget *
eyl_brand_color_row_new (const EylBrandColor *color)
{
  EylBrandColorRow *self = g_object_new (EYL_TYPE_BRAND_COLOR_ROW, NULL);

  g_return_val_if_fail (color != NULL, NULL);

  gtk_editable_set_text (GTK_EDITABLE (self), color->name != NULL ? color->name : "");
  eyl_brand_color_row_set_rgb (self, color->rgb);
  eyl_brand_color_row_set_print (self, color->print);
  return GTK_WIDGET (self);
}

guint32
eyl_brand_color_row_get_rgb (EylBrandColorRow *self)
{
  GdkRGBA rgba;

  g_return_val_if_fail (EYL_IS_BRAND_COLOR_ROW (self), 0);

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->button), &rgba);
  return ((guint32) lround (CLAMP (rgba.red, 0, 1) * 255) << 16) |
         ((guint32) lround (CLAMP (rgba.green, 0, 1) * 255) << 8) |
         (guint32) lround (CLAMP (rgba.blue, 0, 1) * 255);
}

void
eyl_brand_color_row_set_rgb (EylBrandColorRow *self,
                             guint32           rgb)
{
  GdkRGBA rgba = { ((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0, 1.0 };

  g_return_if_fail (EYL_IS_BRAND_COLOR_ROW (self));

  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->button), &rgba);
}

const char *
eyl_brand_color_row_get_print (EylBrandColorRow *self)
{
  g_return_val_if_fail (EYL_IS_BRAND_COLOR_ROW (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->print));
}

void
eyl_brand_color_row_set_print (EylBrandColorRow *self,
                               const char       *print)
{
  g_return_if_fail (EYL_IS_BRAND_COLOR_ROW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->print), print != NULL ? print : "");
}
