/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-phrases.h: word lists kept as data, one file per language
 * (data/<list>/<language>.txt, compiled into the core's resource): the
 * calls to action, the headings over sponsors' logos.  A translator or a
 * user adds a language by adding a file, not by changing code. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  /* "… registration on": may stand anywhere in a sentence, not only at
   * the start of a clause. */
  EYL_PHRASE_ANYWHERE = 1 << 0,
  /* "discover …": needs more words after it in the same sentence; alone
   * ("Discover" over a paragraph) it is a label, not an instruction. */
  EYL_PHRASE_NEEDS_MORE = 1 << 1,
  /* "mitmachen !": ends its clause, or another capitalised call follows
   * ("Mitmachen – Austauschen"); a lower-case word after it makes it
   * something else ("Mitmachen ist einfach" is about taking part). */
  EYL_PHRASE_ALONE = 1 << 2,
} EylPhraseFlags;

typedef struct
{
  const char    *text; /* the words, single-spaced, without the "…" */
  EylPhraseFlags flags;
} EylPhrase;

/* The phrases of @list from every language file, longest first; an
 * empty array when there is no such list.  Loaded once, shared, never
 * freed: safe on any thread. */
const GArray *eyl_phrases_get (const char *list);

/* The phrases of @list from its file for @language (ISO 639-1, "en")
 * alone, longest first; an empty array when there is none.  Loaded once,
 * shared, never freed. */
const GArray *eyl_phrases_get_language (const char *list,
                                        const char *language);

/* The phrases of @list whose flags, masked by @mask, equal @flags, as a
 * regular-expression alternation ("visit|sign\s+up|…"): each escaped,
 * words joined by \s+, longest first.  Newly allocated; "(?!)" (never
 * matches) when none. */
char *eyl_phrases_pattern (const char    *list,
                           EylPhraseFlags mask,
                           EylPhraseFlags flags);

/* A case-insensitive regular expression matching any phrase of @list
 * as whole words, anywhere.  Compiled once, shared, never freed; NULL
 * only if the list cannot be compiled. */
GRegex *eyl_phrases_regex (const char *list);

/* Parses one list file's text (exposed for tests): '#' starts a comment,
 * blank lines are skipped, a leading or trailing "…" (or "...") and a
 * trailing " !" set the flags above.  Appends EylPhrase with newly allocated text to @out. */
void eyl_phrases_parse (const char *data,
                        gsize       len,
                        GArray     *out);

G_END_DECLS
