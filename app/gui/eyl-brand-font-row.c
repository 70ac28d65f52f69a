/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-brand-font-row"

#include <glib/gi18n.h>

#include "eyl-brand-font-row.h"

struct _EylBrandFontRow
{
  AdwEntryRow parent_instance;

  GtkDropDown *role; /* in EylBrandFontRole's order */
};

G_DEFINE_FINAL_TYPE (EylBrandFontRow, eyl_brand_font_row, ADW_TYPE_ENTRY_ROW)

static void
eyl_brand_font_row_class_init (EylBrandFontRowClass *klass)
{
}

static void
eyl_brand_font_row_init (EylBrandFontRow *self)
{
  static const char *roles[] = { N_("Any text"), N_("Headline"), N_("Body"), NULL };
  const char        *labels[G_N_ELEMENTS (roles)];

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    labels[i] = roles[i] != NULL ? _(roles[i]) : NULL;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("Font family"));
  self->role = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (labels));
  gtk_widget_set_valign (GTK_WIDGET (self->role), GTK_ALIGN_CENTER);
  /* The rows' drop-downs line up whatever their role. */
  gtk_widget_set_size_request (GTK_WIDGET (self->role), 120, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->role), _("What the font is for"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->role), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Role"), -1);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), GTK_WIDGET (self->role));
}

GtkWidget *
eyl_brand_font_row_new (const EylBrandFont *font)
{
  EylBrandFontRow *self = g_object_new (EYL_TYPE_BRAND_FONT_ROW, NULL);

  g_return_val_if_fail (font != NULL, NULL);

  gtk_editable_set_text (GTK_EDITABLE (self), font->family != NULL ? font->family : "");
  eyl_brand_font_row_set_role (self, font->role);
  return GTK_WIDGET (self);
}

EylBrandFontRole
eyl_brand_font_row_get_role (EylBrandFontRow *self)
{
  g_return_val_if_fail (EYL_IS_BRAND_FONT_ROW (self), EYL_BRAND_FONT_ANY);

  return (EylBrandFontRole) gtk_drop_down_get_selected (self->role);
}

void
eyl_brand_font_row_set_role (EylBrandFontRow *self,
                             EylBrandFontRole role)
{
  g_return_if_fail (EYL_IS_BRAND_FONT_ROW (self));

  gtk_drop_down_set_selected (self->role, role);
}
