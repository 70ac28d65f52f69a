/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-rule-code-leftover.c: a barcode or QR code whose payload is a
 * name in words ("Arch Linux") that the piece never prints, on a piece
 * whose own name is known: the code came with the template the piece was
 * made from.  Numbers, GTINs, links and structured payloads (vCard,
 * Wi-Fi, mailto:) are never judged: short links and trackers are normal
 * and say nothing of the piece. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-rules"

#include <string.h>
#include <glib/gi18n.h>

#include "eyl-rules-private.h"
#include "eyl-packaging.h"

const EylRule eyl_rule_code_leftover = {
  .id = "code-leftover",
  .severity = EYL_SEVERITY_WARNING,
  .title = N_("Barcode left over from another piece"),
               .description = N_("A barcode or QR code spells out a name that appears nowhere in the "
                    "piece's text: it was most likely copied with the template."),
                                  .check = eyl_rule_code_leftover_check,
               };

/* A name is at most a few words; longer text is a message, not a name. */
#define MAX_WORDS 6
/* The longest word needs this many letters: "ABC" is a code, not a name. */
#define MIN_NAME_WORD 4

/* @text folded for a loose comparison: lower case, accents dropped,
 * every run of anything but letters and digits one space, with a space
 * at each end so that " word " finds whole words only. */
static char *
fold (const char *text)
{
  g_autofree char *nfd = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  GString         *out = g_string_new (" ");

  for (const char *p = nfd; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, g_unichar_tolower (c));
      else if (out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
    }
  if (out->str[out->len - 1] != ' ')
    g_string_append_c (out, ' ');
  return g_string_free (out, FALSE);
}

/* @folded without its spaces: "Arch-Linux" and "ArchLinux" alike. */
static char *
squeeze (const char *folded)
{
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* A name in words: letters only (a digit makes it a code, a number or a
 * GTIN), at most MAX_WORDS words, one of MIN_NAME_WORD letters or more,
 * each longer word with a capital as names have ("Arch Linux", "iPhone";
 * a message, "thank you for scanning", is not a name); no link, address
 * or structured payload ("WIFI:S:…", "BEGIN:VCARD"). */
static gboolean
is_name (const char *payload)
{
  g_auto(GStrv) words = NULL;
  guint n_words = 0, longest = 0;

  if (payload == NULL || !g_utf8_validate (payload, -1, NULL) ||
      strpbrk (payload, ":/@\n\r\t") != NULL || strstr (payload, "www.") != NULL)
    return FALSE;
  words = g_strsplit_set (payload, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      guint    letters = 0;
      gboolean capital = FALSE;

      if (*words[i] == '\0')
        continue;
      for (const char *p = words[i]; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_isalpha (c))
            {
              letters++;
              capital |= g_unichar_isupper (c) || g_unichar_istitle (c);
            }
          else if (g_unichar_isdigit (c))
            return FALSE;
          /* A dot between letters is a domain ("shop.example"), not a
           * name's full stop. */
          else if (c == '.' && p[1] != '\0' && g_unichar_isalpha (g_utf8_get_char (p + 1)))
            return FALSE;
        }
      if (letters > 3 && !capital)
        return FALSE;
      n_words++;
      longest = MAX (longest, letters);
    }
  return n_words > 0 && n_words <= MAX_WORDS && longest >= MIN_NAME_WORD;
}

/* Does @folded_text hold @folded_phrase as whole words, or the phrase
 * without its spaces? */
static gboolean
holds (const char *folded_text,
       const char *folded_phrase)
{
  g_autofree char *text = NULL, *phrase = NULL;

  if (strstr (folded_text, folded_phrase) != NULL)
    return TRUE;
  text = squeeze (folded_text);
  phrase = squeeze (folded_phrase);
  return *phrase != '\0' && strstr (text, phrase) != NULL;
}

/* The piece's own name as the page shows it: its most prominent brand
 * name (the largest), or NULL when none is known. */
static const EylElement *
piece_name (const EylRuleContext *ctx)
{
  const EylElement *best = NULL;
  double            best_area = -1;

  for (guint i = 0; ctx->elements != NULL && i < ctx->elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (ctx->elements, i);
      double            area = eyl_rect_width (&el->box) * eyl_rect_height (&el->box);
      g_autofree char  *folded = NULL;

      if (el->kind != EYL_ELEMENT_BRAND_NAME || el->text == NULL)
        continue;
      folded = fold (el->text);
      if (strlen (folded) > 2 && area > best_area)
        best = el, best_area = area;
    }
  return best;
}

gboolean
eyl_rule_code_is_leftover (const EylRuleContext *ctx,
                           const char           *payload,
                           const char          **name)
{
  const char       *text = eyl_rule_copy_text (ctx);
  const EylElement *brand;
  g_autofree char  *folded_text = NULL, *folded_payload = NULL, *folded_brand = NULL;
  g_auto(GStrv) words = NULL;
  gboolean unseen_word = FALSE;

  if (text == NULL || !is_name (payload) || (brand = piece_name (ctx)) == NULL)
    return FALSE;
  folded_text = fold (text);
  folded_payload = fold (payload);
  folded_brand = fold (brand->text);
  /* The piece's name in the code ("Northwind Assam") or the code's in
   * the name: the piece's own code, however it is worded. */
  if (holds (folded_payload, folded_brand) || holds (folded_brand, folded_payload) ||
      holds (folded_text, folded_payload))
    return FALSE;
  /* Every word printed somewhere ("Assam Tea" on a pack of "Assam black
   * tea") is a shorter wording of the piece's own text; one word it never
   * prints ("Arch" beside "GNU/Linux") names something else. */
  words = g_strsplit (g_strstrip (folded_payload), " ", -1);
  for (guint i = 0; words[i] != NULL && !unseen_word; i++)
    {
      g_autofree char *word = g_strdup_printf (" %s ", words[i]);

      unseen_word = g_utf8_strlen (words[i], -1) >= 3 && strstr (folded_text, word) == NULL;
    }
  if (unseen_word && name != NULL)
    *name = brand->text;
  return unseen_word;
}

static void
add_finding (const EylRuleContext *ctx,
             EylFinding           *finding,
             const char           *symbology,
             const char           *payload,
             const char           *name,
             GPtrArray            *findings)
{
  g_autofree char *quoted = eyl_rule_excerpt (payload, -1);
  g_autofree char *quoted_name = eyl_rule_excerpt (name, -1);
  /* Translators: %s the symbology ("Code 128", "QR-Code"), %s the text it
   * encodes ("Arch Linux"), %s the piece's own name ("Ubuntu"). */
  g_autofree char *message = g_strdup_printf (_("The %s symbol encodes “%s”, which appears nowhere "
                                                "in the text of this piece (“%s”): it looks "
                                                "left over from the template the piece was made "
                                                "from."),
                                                 symbology, quoted, quoted_name);
  const char      *fix = ctx->packaging != NULL && ctx->packaging->panels->len >= 2
      ? _("Replace the code with this piece's own — on a pack sold in "
                               "shops, its GTIN as an EAN-13 or UPC-A symbol — or remove it.")
      : _("Replace the code with this piece's own, or remove it.");

  eyl_finding_set_text (finding, message, fix);
  g_ptr_array_add (findings, finding);
}

void
eyl_rule_code_leftover_check (const EylRuleContext *ctx,
                              GPtrArray            *findings)
{
  const char *name = NULL;

  for (guint i = 0; ctx->elements != NULL && i < ctx->elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (ctx->elements, i);

      if (el->kind == EYL_ELEMENT_QR && el->decoded &&
          eyl_rule_code_is_leftover (ctx, el->text, &name))
        add_finding (ctx, eyl_rule_finding_new (&eyl_rule_code_leftover, el),
                     el->symbology != NULL ? el->symbology : "QR", el->text, name, findings);
    }
  for (guint i = 0; ctx->packaging != NULL && i < ctx->packaging->barcodes->len; i++)
    {
      const EylBarcode *b = g_ptr_array_index (ctx->packaging->barcodes, i);

      if (eyl_rule_code_is_leftover (ctx, b->digits, &name))
        add_finding (ctx, eyl_finding_new (eyl_rule_code_leftover.id, eyl_rule_code_leftover.severity, NULL, &b->box),
                     b->symbology, b->digits, name, findings);
    }
}
