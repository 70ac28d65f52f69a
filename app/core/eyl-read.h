/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-read.h: the Read stage (DESIGN.md 3.5) — one page of a PDF turned
 * into what was measured on it: elements from the text layer, OCR, QR
 * codes and logos, their contrast, and the page's text and sizes.
 *
 * Reading is the expensive part (Poppler, Tesseract, zbar) and runs in the
 * worker process, once per file, real size, brand kit and pixel options.
 * Nothing in an EylPageRead depends on where the page is seen: the
 * Evaluate stage (eyl_evaluate_page() in eyl-analysis.h) places it, as
 * often as the placement changes, without reading it again. */
#pragma once

#include "eyl-options.h"
#include "eyl-page-data.h"
#include "eyl-element.h"
#include "eyl-raster.h"

G_BEGIN_DECLS

typedef struct _EylPageRead EylPageRead;

struct _EylPageRead
{
  /*< private >*/
  gatomicrefcount ref_count;
  /*< public, read-only once made >*/
  guint   index;                /* 0-based page index */
  guint   n_pages;              /* pages in the document, 0 when not known */
  double  width_pt, height_pt;  /* visible page, pt */
  double  page_w_pt, page_h_pt; /* crop box after /Rotate, pt; what boxes are relative to */
  EylRect visible;              /* trim box, else crop box (page space) */
  /* The real size the page was read at (the raster's resolution follows
   * it): a placement that gives another real size needs a new read. */
  double     material_w_mm, material_h_mm;
  char      *text;     /* the text layer, UTF-8 (copy checks) */
  GPtrArray *elements; /* EylElement, measured, in reading order;
                                      * geometry fields not filled */
  GPtrArray *warnings; /* char *, for the user */
  GArray    *images;   /* EylImageInfo: the page's pictures whose pixel
                        * size is known (page space) */
  /* The analysis raster: its size and resolution on the material; 0 when
   * none was made. */
  int    raster_w_px, raster_h_px;
  double raster_px_per_mm;
  /* The analysis raster, for the predicted attention (model) that the
   * Evaluate stage computes for the scene: kept in the process that read
   * the page only (never sent through the worker's channel); whoever holds
   * the read may drop it (eyl_page_read_drop_pixels()) once evaluated.
   * NULL without a raster. */
  EylRaster *attention_raster;
  /* How attention_raster is let go (eyl_raster_unref, set with it by the
   * reader): a read is freed where no renderer is linked (the command
   * line gets reads from its workers, never with a raster). */
  GDestroyNotify attention_raster_free;
  /* A pack's sheet: its barcodes, dieline, panels and front panel
   * (eyl-packaging.h); NULL when none was read. */
  struct _EylPackaging *packaging;
  /* The brand kit's part: the text layer its names were matched on (so
   * that the Evaluate stage matches other names without a new read:
   * eyl_detect_brand_names(); the first 32 pages only, else NULL), those
   * names (NULL without a kit) and its contacts
   * (eyl_brand_kit_dup_contacts_key(); NULL without a kit). */
  EylPageData *text_layer;
  GStrv        kit_names;
  char        *kit_contacts;
};

#define EYL_TYPE_PAGE_READ (eyl_page_read_get_type ())
GType        eyl_page_read_get_type (void) G_GNUC_CONST;
EylPageRead *eyl_page_read_new (void);
EylPageRead *eyl_page_read_ref (EylPageRead *self);
void         eyl_page_read_unref (EylPageRead *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EylPageRead, eyl_page_read_unref)

/* Frees the raster kept for the attention model (a worker reading page
 * after page holds one page's pixels at a time). */
void eyl_page_read_drop_pixels (EylPageRead *self);

/* Reads @page: the detectors on its text layer, then — when @renderer can
 * render (not NULL, with a render function) — the analysis raster of the
 * visible page once (at renderer->px_per_mm on the real size from
 * @options, within renderer->max_pixels), the pixel detectors enabled in
 * options->pixels on it, and the contrast of the text.  Runs on the
 * thread that owns the document behind @renderer. */
EylPageRead *eyl_read_page (EylPageData              *page,
                            const EylRenderer        *renderer,
                            const EylAnalysisOptions *options);

G_END_DECLS
