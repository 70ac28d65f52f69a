/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The brand kit's fonts and colours compared with what the page's text
 * layer says it is set in.  Both are notes: a designer may have reasons
 * (a co-brand, a campaign face), and the kit may simply be incomplete. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-rules"

#include <glib/gi18n.h>

#include "eyl-rules-private.h"

const EylRule eyl_rule_off_brand_font = {
  .id = "off-brand-font",
  .severity = EYL_SEVERITY_INFO,
  .title = N_("Not the brand kit’s font"),
               .description = N_("The brand name, the headline, the call to action or the contact "
                    "details are set in a font that is not among the brand kit’s fonts "
                    "(only with a kit that lists fonts)."),
                                  .check = eyl_rule_off_brand_font_check,
               };

const EylRule eyl_rule_off_brand_colour = {
  .id = "off-brand-colour",
  .severity = EYL_SEVERITY_INFO,
  .title = N_("Brand name not in a brand colour"),
               .description = N_("The brand name is printed in a colour that differs from every brand "
                    "kit colour, and from black and white, by more than ΔE2000 10 "
                    "(only with a kit that lists colours)."),
                                  .check = eyl_rule_off_brand_colour_check,
               };

/* Above a difference of 5 an observer sees two different colours
 * (W. S. Mokrzycki and M. Tatol, "Colour difference ΔE — a survey",
 * Machine Graphics & Vision 20(4), 2011); twice that, so that a CMYK
 * brand colour Poppler converts to sRGB without the file's profile still
 * matches the kit's sRGB value and only another colour is noted. */
#define COLOUR_DELTA_E_MAX 10.0
/* At most this many elements named in one note. */
#define MAX_NAMED 3

/* Elements whose type is the brand's voice (not body copy, not a
 * sponsor's mark or contact). */
static gboolean
judged_element (const EylElement *el)
{
  if (el->third_party)
    return FALSE;
  switch (el->kind)
    {
    case EYL_ELEMENT_BRAND_NAME:
    case EYL_ELEMENT_HEADLINE:
    case EYL_ELEMENT_CTA:
    case EYL_ELEMENT_URL:
    case EYL_ELEMENT_EMAIL:
    case EYL_ELEMENT_PHONE:
    case EYL_ELEMENT_SOCIAL:
    case EYL_ELEMENT_ADDRESS:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The run of each glyph of the text layer whose centre lies in @box
 * (blanks left out), as indices into page->runs, counted. */
static GHashTable *
count_runs_in (const EylPageData *page,
               const EylRect     *box)
{
  GHashTable *counts = g_hash_table_new (NULL, NULL);

  for (guint g = 0; g < page->glyphs->len; g++)
    {
      const EylGlyph *glyph = &g_array_index (page->glyphs, EylGlyph, g);
      double          cx = (glyph->box.x0 + glyph->box.x1) / 2.0;
      double          cy = (glyph->box.y0 + glyph->box.y1) / 2.0;
      gpointer        key = GUINT_TO_POINTER (glyph->run + 1);

      if (g_unichar_isspace (glyph->ch) || glyph->run >= page->runs->len ||
          cx < box->x0 || cx > box->x1 || cy < box->y0 || cy > box->y1)
        continue;
      g_hash_table_insert (counts, key,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
    }
  return counts;
}

static const EylTextRun *
run_of (const EylPageData *page,
        gpointer           key)
{
  return &g_array_index (page->runs, EylTextRun, GPOINTER_TO_UINT (key) - 1);
}

/* The list "the headline “…”, the website www.x.example" of @elements. */
static char *
dup_element_list (GPtrArray *elements)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < elements->len && i < MAX_NAMED; i++)
    {
      g_autofree char *name = eyl_rule_element_name (g_ptr_array_index (elements, i), i == 0);

      if (i > 0)
        g_string_append (list, i + 1 == MIN (elements->len, MAX_NAMED) ? _(" and ") : ", ");
      g_string_append (list, name);
    }
  if (elements->len > MAX_NAMED)
    /* Translators: after a list of elements, how many more there are */
    g_string_append_printf (list, _(" (and %u more)"), elements->len - MAX_NAMED);
  return g_strdup (list->str);
}

static char *
dup_kit_fonts (EylBrandKit *kit)
{
  g_autoptr(GPtrArray) fonts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < kit->fonts->len; i++)
    g_ptr_array_add (fonts, g_strdup (g_array_index (kit->fonts, EylBrandFont, i).family));
  g_ptr_array_add (fonts, NULL);
  return g_strjoinv (", ", (GStrv) fonts->pdata);
}

void
eyl_rule_off_brand_font_check (const EylRuleContext *ctx,
                               GPtrArray            *findings)
{
  const EylPageData *page = ctx->text_layer != NULL ? ctx->text_layer : ctx->page;
  /* family → GPtrArray of the elements set (mostly) in it */
  g_autoptr(GHashTable) off = NULL;
  g_autoptr(GPtrArray) families = NULL;

  if (ctx->brand_kit == NULL || ctx->brand_kit->fonts->len == 0 || page == NULL ||
      page->glyphs == NULL || page->runs == NULL)
    return;

  off = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  families = g_ptr_array_new ();
  for (guint i = 0; i < ctx->elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (ctx->elements, i);
      g_autoptr(GHashTable) counts = NULL;
      GHashTableIter iter;
      gpointer       key, value;
      const char    *worst = NULL;
      guint          worst_n = 0, total = 0, off_kit = 0;

      if (!judged_element (el) || el->source == EYL_SOURCE_OCR || el->source == EYL_SOURCE_RASTER)
        continue;
      counts = count_runs_in (page, &el->box);
      g_hash_table_iter_init (&iter, counts);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          const EylTextRun *run = run_of (page, key);
          guint             n = GPOINTER_TO_UINT (value);

          total += n;
          if (run->font_name == NULL || *run->font_name == '\0' ||
              eyl_brand_kit_match_font (ctx->brand_kit, run->font_name) != NULL)
            continue;
          off_kit += n;
          if (n > worst_n)
            {
              worst_n = n;
              worst = run->font_name;
            }
        }
      /* Most of its letters in one font outside the kit. */
      if (worst != NULL && off_kit * 2 > total)
        {
          g_autofree char *family = eyl_brand_font_family_of (worst);
          GPtrArray       *list = g_hash_table_lookup (off, family);

          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_ptr_array_add (families, g_strdup (family));
              g_hash_table_insert (off, g_steal_pointer (&family), list);
            }
          g_ptr_array_add (list, (gpointer) el);
        }
    }

  /* One note per font, on its first element (elements come in reading
   * order, the brand and headline first). */
  for (guint f = 0; f < families->len; f++)
    {
      g_autofree char  *family = g_ptr_array_index (families, f);
      GPtrArray        *list = g_hash_table_lookup (off, family);
      const EylElement *first = g_ptr_array_index (list, 0);
      g_autoptr(EylFinding) finding = eyl_rule_finding_new (&eyl_rule_off_brand_font, first);
      g_autofree char *names = dup_element_list (list);
      g_autofree char *kit_fonts = dup_kit_fonts (ctx->brand_kit);
      g_autofree char *message = NULL;
      g_autofree char *fix = NULL;

      /* Translators: a list of elements, a font's name, the kit's fonts */
      message = g_strdup_printf (_("%s: set in %s, not one of the brand kit’s fonts (%s)."),
                                    names, family, kit_fonts);
      fix = g_strdup (_("Set it in the brand’s font, or add the font to the brand kit if the "
                        "brand uses it."));
      eyl_finding_set_text (finding, message, fix);
      eyl_finding_add_measure (finding, "elements", list->len);
      g_ptr_array_add (findings, g_steal_pointer (&finding));
    }
}

/* The colour most of @el's letters are printed in, from the text layer. */
static gboolean
dominant_colour (const EylPageData *page,
                 const EylElement  *el,
                 guint32           *rgb)
{
  g_autoptr(GHashTable) counts = count_runs_in (page, &el->box);
  g_autoptr(GHashTable) by_colour = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer       key, value;
  guint          best = 0;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gpointer colour = GUINT_TO_POINTER (run_of (page, key)->color + 1);
      guint    n = GPOINTER_TO_UINT (g_hash_table_lookup (by_colour, colour)) + GPOINTER_TO_UINT (value);

      g_hash_table_insert (by_colour, colour, GUINT_TO_POINTER (n));
      if (n > best)
        {
          best = n;
          *rgb = GPOINTER_TO_UINT (colour) - 1;
        }
    }
  return best > 0;
}

void
eyl_rule_off_brand_colour_check (const EylRuleContext *ctx,
                                 GPtrArray            *findings)
{
  const EylPageData *page = ctx->text_layer != NULL ? ctx->text_layer : ctx->page;

  if (ctx->brand_kit == NULL || ctx->brand_kit->colors->len == 0 || page == NULL ||
      page->glyphs == NULL || page->runs == NULL)
    return;

  for (guint i = 0; i < ctx->elements->len; i++)
    {
      const EylElement    *el = g_ptr_array_index (ctx->elements, i);
      const EylBrandColor *nearest;
      g_autoptr(EylFinding) finding = NULL;
      g_autofree char *name = NULL;
      g_autofree char *printed = NULL;
      g_autofree char *kit_colour = NULL;
      g_autofree char *message = NULL;
      guint32          rgb = 0;
      double           delta_e;

      if (el->kind != EYL_ELEMENT_BRAND_NAME || el->third_party || el->source == EYL_SOURCE_OCR ||
          !dominant_colour (page, el, &rgb))
        continue;
      nearest = eyl_brand_kit_nearest_color (ctx->brand_kit, rgb, &delta_e);
      /* Black and white (reversed out) are every brand's own too. */
      if (nearest == NULL || delta_e <= COLOUR_DELTA_E_MAX ||
          eyl_color_delta_e2000 (rgb, 0x000000) <= COLOUR_DELTA_E_MAX ||
          eyl_color_delta_e2000 (rgb, 0xFFFFFF) <= COLOUR_DELTA_E_MAX)
        continue;

      name = eyl_rule_element_name (el, TRUE);
      printed = eyl_rule_rgb_string (rgb);
      kit_colour = eyl_brand_color_to_string (nearest);
      /* Translators: "The brand name “X” is printed in #aa3300; the nearest
       * brand kit colour, Green #1B5E20, is ΔE2000 38 away (above 10, it
       * reads as another colour)." */
      message = g_strdup_printf (_("%s is printed in %s; the nearest brand kit colour, %s, is "
                                   "ΔE2000 %.0f away (above %.0f it reads as another colour)."),
                                    name, printed, kit_colour, delta_e, COLOUR_DELTA_E_MAX);
      finding = eyl_rule_finding_new (&eyl_rule_off_brand_colour, el);
      eyl_finding_set_text (finding, message,
                            _("Print the brand name in a brand colour, or add the colour to the "
                              "brand kit if the brand uses it."));
      eyl_finding_add_measure (finding, "delta_e2000", delta_e);
      eyl_finding_add_measure (finding, "delta_e2000_max", COLOUR_DELTA_E_MAX);
      g_ptr_array_add (findings, g_steal_pointer (&finding));
      /* One note for the name: its other copies say the same. */
      return;
    }
}
