/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-detect-pixels.h: detectors that read the rendered page — what the
 * text layer misses (outlined or rasterised text, QR codes, logos) and
 * what it cannot tell (contrast against the real background).
 *
 * They run on the worker thread that owns the document: @renderer may
 * re-render a region at a higher scale.  With renderer->render == NULL
 * (tests), they use only @raster. */
#pragma once

#include "eyl-page-data.h"
#include "eyl-element.h"
#include "eyl-brand-kit.h"
#include "eyl-raster.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean    ocr;           /* run Tesseract; default TRUE */
  const char *ocr_languages; /* "eng+deu"; NULL = every installed language we know */
  gboolean    qr;            /* default TRUE */
  gboolean    logos;         /* default TRUE */
  /* The page's real size: mm of the material per pt of the page (set by
   * the reader for each page); 0 = the page at 1:1. */
  double mm_per_pt;
} EylPixelOptions;

void eyl_pixel_options_init (EylPixelOptions *options);

/* OCR with the Tesseract C API over the parts of the page that have no
 * live text (the whole page when there is no text layer, else the
 * regions with ink the text layer does not explain), at a resolution that
 * suits the text's size.  Words become an EylPageData of their own (via
 * the builder), run through the same contact / brand / headline / CTA
 * detectors, and are appended to @elements with source OCR unless a
 * text-layer element already covers them.  Problems (a missing language
 * pack) are appended to @warnings as sentences; the check goes on.  When
 * @read is not NULL it receives the words read with confidence, as a page
 * of their own (NULL when none), for the detectors that run after: a
 * logo is no line of type. */
void eyl_detect_ocr (const EylPageData     *page,
                     const EylRaster       *raster,
                     const EylRenderer     *renderer,
                     EylBrandKit           *kit,
                     const EylPixelOptions *options,
                     GPtrArray             *elements,
                     GPtrArray             *warnings,
                     EylPageData          **read);

/* How many Tesseract engines this process has initialised: one per
 * language set, kept for the life of the process (a debug aid and a test
 * of that promise). */
guint eyl_detect_ocr_get_n_engine_inits (void);

/* How many images Tesseract has recognised in this process (@turned: how
 * many of them lines set on end): the OCR work, for tests. */
guint eyl_detect_ocr_get_n_reads (guint *turned);

/* How many times this process has asked Tesseract which way round a
 * page reads (see eyl_detect_ocr): for tests. */
guint eyl_detect_ocr_get_n_orientations (void);

/* The one language of @languages ("deu+eng") @page's text layer is
 * written in, NULL when its text is too short to tell or mixes them:
 * what OCR reads that page's other ink in. */
const char *eyl_detect_ocr_page_language (const EylPageData *page,
                                          const char        *languages);

/* QR codes and barcodes with zbar: decoded payload (a URL in a QR code is
 * a contact: kind QR with the URL as text), box, module size, quiet zone.
 * Finder-pattern-like areas that do not decode become QR elements with
 * decoded = FALSE. */
void eyl_detect_qr (const EylPageData *page,
                    const EylRaster   *raster,
                    const EylRenderer *renderer,
                    GPtrArray         *elements,
                    GPtrArray         *warnings);

/* Logos: with a brand kit, its logo files (PNG, SVG, PDF) found on the
 * raster at any scale, colour or single-colour (normalised
 * cross-correlation over a scale pyramid, FFTs with FFTW); without a kit,
 * compact self-contained marks — not photos, background shapes cut by
 * the page's edge, QR codes or type — with their parts (an emblem and its
 * wordmark) joined, each with a confidence.  A row or grid of marks of
 * one size, or marks under "Sponsors", "Gefördert durch", … become
 * EYL_ELEMENT_SPONSOR_LOGO blocks.  @read (may be NULL) is the text OCR
 * read (see eyl_detect_ocr): outlined type is no logo, unless it reads
 * as the brand's name or domain (a drawn wordmark). */
void eyl_detect_logos (const EylPageData *page,
                       const EylRaster   *raster,
                       EylBrandKit       *kit,
                       const EylPageData *read,
                       GPtrArray         *elements,
                       GPtrArray         *warnings);
/* A step-and-repeat (a press or photo wall): marks of one size and ink
 * repeated — one at least three times — with their centres on a regular
 * lattice (one step across, one down, three lines or more each way)
 * spanning most of the page.  Appends one EYL_ELEMENT_REPEAT over the
 * lattice's marks and drops the logos found on it (the pattern's marks,
 * not one brand block each); TRUE when found.  A grid of different
 * marks, or one mark scattered off any lattice, is none. */
gboolean eyl_detect_repeats (const EylRaster *raster,
                             GPtrArray       *elements);
/* A kit logo (PNG, SVG or PDF, told by its bytes) drawn as the search
 * reads it, saved as a PNG at @png_path: the worker that reads a kit's
 * logos once for a run (eyl_worker_prepare_brand_kit).  FALSE and
 * @error saying what is wrong with the file. */
gboolean eyl_detect_logos_render_file (const char *path,
                                       const char *png_path,
                                       GError    **error);

/* WCAG 2.x contrast of each text element (contacts, headline, CTA, brand
 * name) against the rendered background under its glyphs: fills
 * contrast_ratio, color (when not known) and background. */
void eyl_measure_contrast (const EylPageData *page,
                           const EylRaster   *raster,
                           GPtrArray         *elements);

/* WCAG 2.x relative luminance and contrast ratio, exposed for tests. */
double eyl_relative_luminance (guint32 rgb);
double eyl_contrast_ratio (guint32 a,
                           guint32 b);

G_END_DECLS
