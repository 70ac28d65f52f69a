/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-analysis.h: the Evaluate stage (DESIGN.md 3.5) — what was read on a
 * page (EylPageRead, eyl-read.h) placed in the world: real size, scene,
 * geometry of every element, findings, score.  Pure, cheap (well under a
 * millisecond a page) and GTK-free: the window runs it in its own process
 * whenever the placement, the viewers or the legibility standard change.
 *
 *   PDF page ──eyl_read_page()──► EylPageRead ──eyl_evaluate_page()──► EylPageAnalysis
 *            (worker: text, OCR,                (anywhere: placement,
 *             QR, logos, contrast)               geometry, rules, score) */
#pragma once

#include "eyl-options.h"
#include "eyl-read.h"
#include "eyl-page-data.h"
#include "eyl-placement.h"
#include "eyl-geometry.h"
#include "eyl-brand-kit.h"
#include "eyl-element.h"
#include "eyl-finding.h"
#include "eyl-raster.h"
#include "eyl-detect-pixels.h"
#include "eyl-packaging.h"
#include "eyl-packaging.h"

G_BEGIN_DECLS

typedef struct _EylPageAnalysis EylPageAnalysis;

struct _EylPageAnalysis
{
  /*< private >*/
  gatomicrefcount ref_count;
  /*< public >*/
  guint          index;
  double         width_pt, height_pt; /* visible page, pt */
  double         material_w_mm, material_h_mm;
  double         scale; /* page / material, 0.1 = 1:10 */
  EylScaleSource scale_source;
  EylPlacement  *placement;        /* resolved, overrides applied */
  EylLegibility  legibility;       /* the standard it was judged by */
  char          *placement_reason; /* why auto chose it, or NULL */
  EylPageFrame   frame;
  GPtrArray     *elements;       /* EylElement */
  GPtrArray     *findings;       /* EylFinding */
  int            customer_focus; /* 0–100 */
  JsonObject    *score_breakdown;
  GPtrArray     *warnings; /* char * */
  /* The whole page (crop box after /Rotate) in pt, not × UserUnit: what
   * page-space boxes are relative to.  0 when unknown. */
  double page_w_pt, page_h_pt;
  /* The analysis raster the pixel detectors read: its size in pixels and
   * its resolution on the material (px per mm); 0 when none was made. */
  int    raster_w_px, raster_h_px;
  double raster_px_per_mm;
  /* What the page was evaluated from: kept so that it can be evaluated
   * again with other options; NULL for an analysis read back from JSON. */
  EylPageRead *read;
  /* Predicted attention (model) of what the median visitor sees:
   * eyl_attention_for_page(); NULL without a raster. */
  JsonObject *attention;
  /* Barcodes, dieline, panels and front panel (eyl-packaging.h), from
   * the read; NULL when the page has none. */
  EylPackaging *packaging;
};

#define EYL_TYPE_PAGE_ANALYSIS (eyl_page_analysis_get_type ())
GType            eyl_page_analysis_get_type (void) G_GNUC_CONST;
EylPageAnalysis *eyl_page_analysis_new (void);
EylPageAnalysis *eyl_page_analysis_ref (EylPageAnalysis *self);
void             eyl_page_analysis_unref (EylPageAnalysis *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EylPageAnalysis, eyl_page_analysis_unref)

/* Evaluate: @read placed with @options (placement, overrides,
 * legibility, and the brand kit's names when options->brand_kit is set:
 * names other than the read's are matched again on its text layer; the
 * kit's contacts and logos and the pixel options were the Read stage's).
 * @first is the evaluation of the piece's first page, NULL for the first
 * page itself (see eyl_analyse_page_in_piece()).  The elements are copies
 * of @read's with their geometry filled; @read is kept in the result. */
EylPageAnalysis *eyl_evaluate_page (EylPageRead              *read,
                                    const EylAnalysisOptions *options,
                                    const EylPageAnalysis    *first);

/* Every page of a piece evaluated (@reads: EylPageRead in page order) and
 * the piece judged as a whole (eyl_analysis_judge_piece()): a new array
 * of EylPageAnalysis. */
GPtrArray *eyl_evaluate_pages (GPtrArray                *reads,
                               const EylAnalysisOptions *options);

/* "auto" on the whole file (@pages as evaluated, changed in place): a
 * piece placed as a leaflet by its size that has words to read but no
 * contact details and no call to action on any page is an insert read
 * in the hand with its pack; its pages are evaluated again there. */
void eyl_analysis_place_insert (GPtrArray                *pages,
                                const EylAnalysisOptions *options);

/* TRUE when @options would read @read's page at another real size (more
 * than 1 % apart): its raster resolution is stale, read the page again.
 * Also TRUE when options->brand_kit has other contacts than the kit the
 * page was read with, or has lost its names (the page's own are inferred
 * in the Read stage), or has other names and @read kept no text layer.
 * A kit's logos are the caller's to compare (eyl_brand_kit_dup_logos_key). */
gboolean eyl_evaluate_needs_read (const EylPageRead        *read,
                                  const EylAnalysisOptions *options);

/* Both stages at once — Read, then Evaluate.  Detect elements, place the page in the world, fill each element's
 * geometry (floor_mm, cap_height_mm, hidden and eye-zone fractions), run
 * the rules and the score. */
EylPageAnalysis *eyl_analyse_page (EylPageData              *page,
                                   const EylAnalysisOptions *options);

/* The same with pixels: renders the analysis raster of the visible page
 * once with @renderer (at renderer->px_per_mm on the material, within
 * renderer->max_pixels), runs the pixel detectors enabled in
 * options->pixels on it, measures contrast and gives the rules the
 * raster.  @renderer NULL (or without a render function): text layer
 * only, as eyl_analyse_page().  Runs on the thread that owns the
 * document behind @renderer. */
EylPageAnalysis *eyl_analyse_page_full (EylPageData              *page,
                                        const EylRenderer        *renderer,
                                        const EylAnalysisOptions *options);

/* The same for one page of a multi-page piece: @first is the analysis of
 * its first page (NULL for the first page itself).  A later page that
 * repeats the first one's texts in the same places is another version of
 * the cover (three colourways of a leaflet) and is judged as a cover; any
 * other later page of a leaflet is an inside page, read in the hand. */
EylPageAnalysis *eyl_analyse_page_in_piece (EylPageData              *page,
                                            const EylRenderer        *renderer,
                                            const EylAnalysisOptions *options,
                                            const EylPageAnalysis    *first);

/* The piece as a whole (DESIGN.md 3.3): a brochure, a folded leaflet, a
 * banner in several versions.  What a piece lacks is said once and not at
 * all when another page has it: no contact and no brand on the first page
 * that lacks them, no call to action on the page with the contact details
 * (where it belongs).  @pages: EylPageAnalysis in page order, changed in
 * place. */
void eyl_analysis_judge_piece (GPtrArray *pages);

/* Fills the geometry fields of @element for @frame and @placement. */
void eyl_analysis_place_element (EylElement         *element,
                                 const EylPlacement *placement,
                                 const EylPageFrame *frame);

G_END_DECLS
