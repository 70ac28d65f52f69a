/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-gen-schema: writes the GSettings schema with the check settings'
 * keys made from the options table (app/core/eyl-options-table.h), so a
 * key has the range, default and words of its option and nobody copies
 * them by hand, and the <enum>s of the vocabulary's GEnums (eyl-types.h),
 * so an enum key takes exactly the nicks the core reads.  Run by the
 * build:
 *
 *   eyl-gen-schema TEMPLATE OUTPUT
 *
 * TEMPLATE is the schema with the line "<!-- @CHECK_SETTINGS@ -->" where
 * the keys go and the line "<!-- @ENUMS@ -->" where the enums go. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib-object.h>

#include "eyl-types.h"

#define N_(text) text

static void
add_key (GString    *out,
         const char *key,
         double      min,
         double      max,
         double      fallback,
         const char *summary,
         const char *description,
         const char *label,
         const char *name)
{
  char             lo[G_ASCII_DTOSTR_BUF_SIZE], hi[G_ASCII_DTOSTR_BUF_SIZE], def[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *text = NULL;

  if (key == NULL)
    return;
  g_ascii_formatd (lo, sizeof lo, "%.10g", min);
  g_ascii_formatd (hi, sizeof hi, "%.10g", max);
  g_ascii_formatd (def, sizeof def, "%.10g", fallback);
  /* the type's own notation: a double, also when it is whole */
  if (strpbrk (def, ".e") == NULL)
    g_strlcat (def, ".0", sizeof def);
  text = g_markup_printf_escaped ("    <key name=\"%s\" type=\"d\">\n"
                                  "      <range min=\"%s\" max=\"%s\"/>\n"
                                  "      <default>%s</default>\n"
                                  "      <summary>%s</summary>\n"
                                  "      <description>%s. The placement panel’s “%s” row; "
                                  "eyeline-cli --%s.</description>\n"
                                  "    </key>\n",
                                  key, lo, hi, def, summary, description, label, name);
  g_string_append (out, text);
}

/* A range's ends are remembered in two keys: "Eye heights (lowest)". */
static char *
end_summary (const char *label,
             gboolean    second)
{
  return g_strdup_printf (second ? "%s (highest)" : "%s (lowest)", label);
}

/* The schema's enums: id (the template's keys name it in enum="…") and
 * the type whose nicks it lists. */
static void
add_enums (GString *out)
{
  const struct
  {
    const char *id;
    GType       type;
  } enums[] = {
    { "io.github.eyeline.Eyeline.Units", EYL_TYPE_UNITS },
    { "io.github.eyeline.Eyeline.Legibility", EYL_TYPE_LEGIBILITY },
    { "io.github.eyeline.Eyeline.Population", EYL_TYPE_POPULATION },
  };

  for (guint i = 0; i < G_N_ELEMENTS (enums); i++)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (enums[i].type);

      g_string_append_printf (out, "  <enum id=\"%s\">\n", enums[i].id);
      for (guint v = 0; v < klass->n_values; v++)
        {
          g_autofree char *nick = g_markup_escape_text (klass->values[v].value_nick, -1);

          g_string_append_printf (out, "    <value nick=\"%s\" value=\"%d\"/>\n", nick,
                                  klass->values[v].value);
        }
      g_string_append (out, "  </enum>\n");
    }
}

/* @template with the line @marker replaced by @text; NULL without it. */
static gboolean
replace_marker (GString *template,
                const char *marker,
                const char *text)
{
  const char *at = strstr (template->str, marker);
  gsize       pos;

  if (at == NULL)
    {
      g_printerr ("eyl-gen-schema: the template has no line %s", marker);
      return FALSE;
    }
  pos = at - template->str;
  g_string_erase (template, pos, strlen (marker));
  g_string_insert (template, pos, text);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *template = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) keys = g_string_new (NULL);
  g_autoptr(GString) enums = g_string_new (NULL);
  g_autoptr(GString) out = NULL;

  if (argc != 3)
    {
      g_printerr ("usage: eyl-gen-schema TEMPLATE OUTPUT\n");
      return 2;
    }
  if (!g_file_get_contents (argv[1], &template, NULL, &error))
    {
      g_printerr ("eyl-gen-schema: %s\n", error->message);
      return 1;
    }

#define EYL_NUMBER_OPTION(name, unit, min, max, field, placement_field, placement_key, settings_key, \
                          fallback, label, description, arg, problem)                                \
  add_key (keys, settings_key, min, max, fallback, label, description, label, name);
#define EYL_PAIR_OPTION(name, shape, unit, min, max, field, field2, placement_key, placement_key2,          \
                        settings_key, settings_key2, fallback, fallback2, label, description, arg, problem) \
  {                                                                                                         \
    g_autofree char *lowest = end_summary (label, FALSE);                                                   \
    g_autofree char *highest = end_summary (label, TRUE);                                                   \
                                                                                                            \
    add_key (keys, settings_key, min, max, fallback, lowest, description, label, name);                     \
    add_key (keys, settings_key2, min, max, fallback2, highest, description, label, name);                  \
  }
#include "eyl-options-table.h"
#undef EYL_NUMBER_OPTION
#undef EYL_PAIR_OPTION

  add_enums (enums);
  out = g_string_new (template);
  if (!replace_marker (out, "  <!-- @ENUMS@ -->\n", enums->str) ||
      !replace_marker (out, "    <!-- @CHECK_SETTINGS@ -->\n", keys->str))
    return 1;
  if (!g_file_set_contents (argv[2], out->str, out->len, &error))
    {
      g_printerr ("eyl-gen-schema: %s\n", error->message);
      return 1;
    }
  return 0;
}
