/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-detect.h: detectors on the text layer and link annotations.
 * Pure functions of a page snapshot: safe on any thread. */
#pragma once

#include "eyl-page-data.h"
#include "eyl-element.h"
#include "eyl-brand-kit.h"

G_BEGIN_DECLS

/* URL / bare domain, email, phone, social handle or profile URL, postal
 * address; PDF link annotations (http, mailto:, tel:) merged with the text
 * they cover or added with source "link".  Appends EylElement to @out. */
void eyl_detect_contacts (const EylPageData *page,
                          GPtrArray         *out);

/* Brand name: from the kit's names, else inferred from the domain of the
 * website / email among @elements (northwind-tea.example → NORTHWIND).
 * Then re-labels URLs that are clearly not the brand's contact (another
 * domain in small print, a designer credit) as other_url.  @kit may be
 * NULL. Appends brand_name elements and edits kinds in place. */
void eyl_detect_brand (const EylPageData *page,
                       EylBrandKit       *kit,
                       GPtrArray         *elements);

/* The kit's part of that: brand_name elements (source brand_kit) where
 * the text layer @page writes one of @names (longest first, prominent
 * mentions) outside contacts and brand names among @elements; TRUE when
 * any was found.  The Evaluate stage calls it again when only the kit's
 * names changed (DESIGN.md 3.5). */
gboolean eyl_detect_brand_names (const EylPageData *page,
                                 const char *const *names,
                                 GPtrArray         *elements);

/* Headline (the most prominent text block) and calls to action (an
 * imperative phrase list, translatable). */
void eyl_detect_headline (const EylPageData *page,
                          GPtrArray         *out);
void eyl_detect_cta (const EylPageData *page,
                     GPtrArray         *out);

/* Body copy: blocks of running text in one type size that no element
 * found before explains (one body element per block, its median capitals). */
void eyl_detect_body (const EylPageData *page,
                      GPtrArray         *out);

/* Runs them all in order and numbers the elements p<page>e<n>. */
GPtrArray *eyl_detect_all (const EylPageData *page,
                           EylBrandKit       *kit);

/* Sorts @elements in reading order (top to bottom, then left to right)
 * and numbers them p<page>e<n> again (after the pixel detectors added
 * theirs). */
void eyl_detect_sort_elements (GPtrArray *elements,
                               guint      page_index);

/* Pattern helpers, exposed for tests: TRUE when the whole string is one. */
gboolean eyl_detect_is_phone (const char *text);
gboolean eyl_detect_is_email (const char *text);
gboolean eyl_detect_is_url (const char *text);
/* Does @text write out the name @name: the name as a word, or the words
 * it is made of ("Open Source Geospatial Foundation" spells "OSGeo": each
 * capitalised word in a row gives the start of the next part of the
 * name)?  Case-insensitive; names shorter than three letters never match. */
gboolean eyl_detect_text_spells_name (const char *text,
                                      const char *name);
/* "https://www.Northwind-Tea.example/x" → "northwind-tea.example". */
char *eyl_detect_domain_of (const char *url_or_email);

/* One text, one element: removes from @elements each headline that a
 * call to action covers ("Scan to visit the online Dashboard!" is that
 * call, judged as one).  Run once every reader has had its say (OCR may
 * look for a headline only where the text layer had none). */
void eyl_detect_drop_headlines_that_are_calls (GPtrArray *elements);

G_END_DECLS
