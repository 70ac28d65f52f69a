/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-phrases"

#include <string.h>
#include <gio/gio.h>

#include "eyl-phrases.h"
#include "eyl-resource.h"

#define RESOURCE_DIR RESOURCE_BASE "/phrases"

G_LOCK_DEFINE_STATIC (lists);
static GHashTable *lists; /* list name → List */

/* Strips a leading or trailing ellipsis ("…" or "...") from @s in place;
 * TRUE when there was one. */
static gboolean
strip_ellipsis (char    *s,
                gboolean leading)
{
  static const char *const marks[] = { "\u2026", "..." };
  gsize                    len = strlen (s);

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      gsize n = strlen (marks[i]);

      if (leading && g_str_has_prefix (s, marks[i]))
        {
          memmove (s, s + n, len - n + 1);
          g_strstrip (s);
          return TRUE;
        }
      if (!leading && g_str_has_suffix (s, marks[i]))
        {
          s[len - n] = '\0';
          g_strstrip (s);
          return TRUE;
        }
    }
  return FALSE;
}

void
eyl_phrases_parse (const char *data,
                   gsize       len,
                   GArray     *out)
{
  g_autofree char *copy = g_strndup (data, len);
  g_auto(GStrv) lines = g_strsplit (copy, "\n", -1);

  g_return_if_fail (out != NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i], *hash = strchr (line, '#');
      g_auto(GStrv) words = NULL;
      EylPhrase phrase = { NULL, 0 };

      if (hash != NULL)
        *hash = '\0';
      g_strstrip (line);
      if (g_str_has_suffix (line, " !"))
        {
          line[strlen (line) - 2] = '\0';
          phrase.flags |= EYL_PHRASE_ALONE;
        }
      if (strip_ellipsis (line, TRUE))
        phrase.flags |= EYL_PHRASE_ANYWHERE;
      if (strip_ellipsis (line, FALSE))
        phrase.flags |= EYL_PHRASE_NEEDS_MORE;
      if (*line == '\0' || !g_utf8_validate (line, -1, NULL))
        continue;

      /* Single spaces between the words, whatever the file had. */
      words = g_strsplit_set (line, " \t", -1);
      {
        g_autoptr(GString) text = g_string_new (NULL);

        for (guint w = 0; words[w] != NULL; w++)
          if (*words[w] != '\0')
            {
              if (text->len > 0)
                g_string_append_c (text, ' ');
              g_string_append (text, words[w]);
            }
        phrase.text = g_string_free (g_steal_pointer (&text), FALSE);
      }
      g_array_append_val (out, phrase);
    }
}

static int
compare_length_desc (gconstpointer a,
                     gconstpointer b)
{
  const EylPhrase *x = a, *y = b;
  gsize            lx = strlen (x->text), ly = strlen (y->text);

  if (lx != ly)
    return lx > ly ? -1 : 1;
  return strcmp (x->text, y->text);
}

/* The phrases of @list, from its file for @language ("en") only when
 * @language is not NULL. */
static GArray *
load_list (const char *list,
           const char *language)
{
  GArray          *phrases = g_array_new (FALSE, FALSE, sizeof (EylPhrase));
  g_autofree char *dir = g_build_path ("/", RESOURCE_DIR, list, NULL);
  g_auto(GStrv) names = NULL;

  names = g_resource_enumerate_children (eyl_core_resource (), dir,
                                         G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_path ("/", dir, names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      gconstpointer data;
      gsize         len = 0;

      if (!g_str_has_suffix (names[i], ".txt"))
        continue;
      if (language != NULL && (!g_str_has_prefix (names[i], language) ||
                               strcmp (names[i] + strlen (language), ".txt") != 0))
        continue;
      bytes = g_resource_lookup_data (eyl_core_resource (), path,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      if (bytes == NULL)
        continue;
      data = g_bytes_get_data (bytes, &len);
      eyl_phrases_parse (data, len, phrases);
    }
  if (phrases->len == 0)
    g_debug ("no phrases in %s", dir);
  g_array_sort (phrases, compare_length_desc);
  return phrases;
}

/* What is kept of a list: its phrases, and the regular expression of
 * them once asked for (NULL until then, or when it does not compile). */
typedef struct
{
  GArray  *phrases;
  GRegex  *regex;
  gboolean regex_tried;
} List;

/* The entry of @list (of its file for @language alone, unless NULL),
 * loaded on first use.  Call with the lock held. */
static List *
list_entry (const char *list,
            const char *language)
{
  g_autofree char *key = language != NULL ? g_strconcat (list, "/", language, NULL) : g_strdup (list);
  List            *entry;

  if (lists == NULL)
    lists = g_hash_table_new (g_str_hash, g_str_equal);
  entry = g_hash_table_lookup (lists, key);
  if (entry == NULL)
    {
      entry = g_new0 (List, 1);
      entry->phrases = load_list (list, language);
      g_hash_table_insert (lists, g_steal_pointer (&key), entry);
    }
  return entry;
}

const GArray *
eyl_phrases_get (const char *list)
{
  const GArray *phrases;

  g_return_val_if_fail (list != NULL, NULL);

  G_LOCK (lists);
  phrases = list_entry (list, NULL)->phrases;
  G_UNLOCK (lists);

  return phrases;
}

const GArray *
eyl_phrases_get_language (const char *list,
                          const char *language)
{
  const GArray *phrases;

  g_return_val_if_fail (list != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);

  G_LOCK (lists);
  phrases = list_entry (list, language)->phrases;
  G_UNLOCK (lists);

  return phrases;
}

GRegex *
eyl_phrases_regex (const char *list)
{
  g_autofree char *alternation = NULL;
  List            *entry;
  GRegex          *regex;

  g_return_val_if_fail (list != NULL, NULL);

  /* Built outside the lock: eyl_phrases_pattern() takes it. */
  alternation = eyl_phrases_pattern (list, 0, 0);

  G_LOCK (lists);
  entry = list_entry (list, NULL);
  if (!entry->regex_tried)
    {
      g_autofree char *pattern = g_strdup_printf ("(*UCP)(?<!\\w)(?:%s)(?!\\w)", alternation);

      entry->regex = g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      entry->regex_tried = TRUE;
    }
  regex = entry->regex;
  G_UNLOCK (lists);

  return regex;
}

char *
eyl_phrases_pattern (const char    *list,
                     EylPhraseFlags mask,
                     EylPhraseFlags flags)
{
  const GArray *phrases = eyl_phrases_get (list);
  g_autoptr(GString) pattern = g_string_new (NULL);

  for (guint i = 0; i < phrases->len; i++)
    {
      const EylPhrase *phrase = &g_array_index (phrases, EylPhrase, i);
      g_auto(GStrv) words = NULL;

      if ((phrase->flags & mask) != flags)
        continue;
      if (pattern->len > 0)
        g_string_append_c (pattern, '|');
      words = g_strsplit (phrase->text, " ", -1);
      for (guint w = 0; words[w] != NULL; w++)
        {
          g_autofree char *escaped = g_regex_escape_string (words[w], -1);

          if (w > 0)
            g_string_append (pattern, "\\s+");
          g_string_append (pattern, escaped);
        }
    }
  if (pattern->len == 0)
    return g_strdup ("(?!)");
  return g_string_free (g_steal_pointer (&pattern), FALSE);
}
