/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-detect-private.h: helpers shared by the detector units. */
#pragma once

#include "eyl-detect.h"

G_BEGIN_DECLS

/* An element covering glyphs [start, end): box from the glyph boxes, font
 * size / cap height / colour from the run and line of the first glyph. */
EylElement *eyl_detect_element_for_glyphs (const EylPageData *page,
                                           EylElementKind     kind,
                                           EylSource          source,
                                           const char        *text,
                                           guint              start,
                                           guint              end,
                                           double             confidence);

/* Glyph index range [start, end) of line @line as text (UTF-8). */
char *eyl_detect_line_text (const EylPageData *page,
                            guint              line);
/* Line @line as text to match patterns on, with the glyph of each byte
 * (see eyl_page_data_dup_match_text). */
char *eyl_detect_line_match_text (const EylPageData *page,
                                  guint              line,
                                  EylMatchTextFlags  flags,
                                  guint            **glyph_of);

double eyl_detect_rect_overlap_area (const EylRect *a,
                                     const EylRect *b);
/* Share of @a's area covered by @b, 0 … 1. */
double eyl_detect_rect_coverage (const EylRect *a,
                                 const EylRect *b);

/* qsort-style order of doubles, for g_array_sort. */
int eyl_detect_compare_double (gconstpointer a,
                               gconstpointer b);

/* Median nominal font size of the page's text lines (pt), 0 when none. */
double eyl_detect_median_font_size (const EylPageData *page);

/* The median of @values (doubles, sorted in place); 0 when empty. */
double eyl_detect_median (GArray *values);

/* TRUE when @text reads as language: two words of three letters or
 * more, or one of four (not a figure, not OCR's reading of a texture). */
gboolean eyl_detect_reads_as_words (const char *text);

/* TRUE for the registrable domains of social networks (twitter.com, …). */
gboolean eyl_detect_is_social_domain (const char *domain);
/* TRUE when @text names a social network or asks to follow ("Twitter",
 * "Mastodon", "follow us"): the words that make "@name" a handle. */
gboolean eyl_detect_names_social_network (const char *text);

G_END_DECLS
