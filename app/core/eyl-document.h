/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-document.h: one PDF opened with Poppler.
 *
 * A PopplerDocument and its pages may be used by one thread at a time:
 * an EylDocument belongs to the thread that opened it. */
#pragma once

#include <gio/gio.h>
#include "eyl-page-data.h"
#include "eyl-raster.h"

G_BEGIN_DECLS

#define EYL_TYPE_DOCUMENT (eyl_document_get_type ())
G_DECLARE_FINAL_TYPE (EylDocument, eyl_document, EYL, DOCUMENT, GObject)

/* @path_or_uri: a relative or absolute path, or a URI.  Errors are in
 * EYL_ERROR: NOT_FOUND, NOT_PDF (says what the bytes are), INVALID
 * (truncated, damaged), ENCRYPTED (no password given), WRONG_PASSWORD,
 * NO_PAGES (zero pages, or every page is 0 × 0 pt). */
EylDocument *eyl_document_open (const char   *path_or_uri,
                                const char   *password,
                                GCancellable *cancellable,
                                GError      **error);
const char  *eyl_document_get_path (EylDocument *self);
guint        eyl_document_get_n_pages (EylDocument *self);
/* Poppler's own repair messages ("Poppler" log domain) seen while opening
 * and reading, for the report's warnings. */
guint eyl_document_get_n_repairs (EylDocument *self);
/* Page renders that ran out of memory (Cairo's NO_MEMORY under the
 * worker's address-space limit): their rasters are incomplete. */
guint      eyl_document_get_n_out_of_memory (EylDocument *self);
GPtrArray *eyl_document_get_warnings (EylDocument *self);
/* Whether page data decodes an image to tell its pixel size (the
 * default) where neither the file's image dictionaries nor its content
 * stream tell it: that costs a Poppler pass over the page per such image.
 * Off, such images have a size of 0 × 0 px and the page a warning. */
void eyl_document_set_image_decodes (EylDocument *self,
                                     gboolean     wanted);

/* Snapshot of page @index: text, glyph boxes, runs, lines (their cap and
 * x heights estimated from the font size: the Read stage measures them on
 * the page's pixels, eyl-cap-heights.h), images with ppi, links, page
 * boxes.  No Poppler render.  EYL_ERROR_PAGE when the page cannot be used
 * (e.g. 0 × 0 pt). */
EylPageData *eyl_document_get_page_data (EylDocument  *self,
                                         guint         index,
                                         GCancellable *cancellable,
                                         GError      **error);

/* Fills @renderer's render function so that it renders page @index of
 * @self in page space (the crop box after /Rotate, as the text layer) on
 * a white background; px_per_mm and max_pixels are left as they are.
 * Valid while @self lives, on the thread that owns it.  FALSE when the
 * page does not exist. */
gboolean eyl_document_get_renderer (EylDocument *self,
                                    guint        index,
                                    EylRenderer *renderer);

/* What the first bytes of a file look like: "an empty file", "a PNG
 * image", "an HTML page", "a ZIP archive", … or NULL when it starts like
 * a PDF.  Exposed for tests. */
const char *eyl_sniff_not_pdf (const guint8 *data,
                               gsize         len);

G_END_DECLS
