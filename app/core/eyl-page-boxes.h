/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-page-boxes.h: Media/Crop/Bleed/Trim/Art boxes, /Rotate and /UserUnit
 * read with libqpdf (poppler-glib has no getter for them). */
#pragma once

#include "eyl-page-data.h"

G_BEGIN_DECLS

typedef struct _EylPdfBoxReader EylPdfBoxReader;

/* Opens @path with libqpdf; @password may be NULL.  Returns NULL and sets
 * @error (EYL_ERROR_INVALID) when qpdf cannot read it. */
EylPdfBoxReader *eyl_pdf_box_reader_open (const char *path,
                                          const char *password,
                                          GError    **error);
guint            eyl_pdf_box_reader_get_n_pages (EylPdfBoxReader *reader);
/* Boxes of page @index in page space (top-left of the crop box after
 * rotation, y down), inherited attributes resolved, boxes clipped to
 * the media box as the PDF spec says.  FALSE when the page is missing. */
gboolean eyl_pdf_box_reader_get_boxes (EylPdfBoxReader *reader,
                                       guint            index,
                                       EylPageBoxes    *boxes);
/* Pixel sizes (pairs of int: width, height) of the image XObjects page
 * @index uses, also inside its form XObjects; each size once.  Lets the
 * document know an image's pixels without decoding it.  FALSE when the
 * page is missing. */
gboolean eyl_pdf_box_reader_get_image_sizes (EylPdfBoxReader *reader,
                                             guint            index,
                                             GArray          *sizes);
/* Whether page @index, its annotations' appearances or a form, pattern
 * or Type 3 font they use sets a soft mask that Poppler's Cairo output
 * draws through an image of the whole clip (luminosity, or with a
 * transfer function): a render whose clip spans regions far apart then
 * costs memory and time for the whole span.  *@has is TRUE also when
 * the page cannot be walked; FALSE when the page is missing. */
gboolean eyl_pdf_box_reader_has_clip_masks (EylPdfBoxReader *reader,
                                            guint            index,
                                            gboolean        *has);
/* Problems libqpdf repaired while reading (damaged cross-reference
 * table, …): appends their text to @messages (may be NULL) and returns
 * how many there were since the last call. */
guint eyl_pdf_box_reader_take_warnings (EylPdfBoxReader *reader,
                                        GPtrArray       *messages);
void  eyl_pdf_box_reader_free (EylPdfBoxReader *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EylPdfBoxReader, eyl_pdf_box_reader_free)

G_END_DECLS
