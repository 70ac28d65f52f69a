/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-packaging.h: what a pack sheet adds to a page — its dieline, the
 * panels of the net and which one faces the shopper, and its barcodes.
 * Read once per page in the worker (eyl_packaging_read), then used by
 * the analysis (the shelf judges the front panel at its real size), the
 * rules (barcode-*) and the reports. */
#pragma once

#include <json-glib/json-glib.h>

#include "eyl-barcode.h"
#include "eyl-dieline.h"
#include "eyl-element.h"
#include "eyl-label-rules.h"
#include "eyl-panels.h"

G_BEGIN_DECLS

typedef struct _EylPackaging EylPackaging;

struct _EylPackaging
{
  /*< private >*/
  gatomicrefcount ref_count;
  /*< public >*/
  GPtrArray  *barcodes;     /* EylBarcode */
  EylDieline *dieline;      /* NULL: none found */
  GArray     *panels;       /* EylPanel; empty without a dieline */
  int         front_panel;  /* index into panels, -1 none */
  char       *front_reason; /* why that panel, translated; NULL none */
  double      mm_per_pt;    /* of the sheet at its real size */
  GPtrArray  *label_rules;  /* EylLabelRuleSet chosen, or NULL (eyl-label-rules.h) */
  gboolean    dieline_only; /* the page is the bare net: no artwork to judge */
  /* What the label rule sets read: the page's text lines (where the page
   * was read; NULL after the worker's channel) and the net quantity the
   * user marked (its text, NULL none; its box in page space, empty none). */
  EylPageData *text;
  char        *net_quantity_text;
  EylRect      net_quantity_box;
  /*< private >*/
  GPtrArray *own_rules; /* the set loaded for a mark */
};

EylPackaging *eyl_packaging_new (void);
EylPackaging *eyl_packaging_ref (EylPackaging *self);
void          eyl_packaging_unref (EylPackaging *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EylPackaging, eyl_packaging_unref)

/* Barcodes on @raster (re-rendered with @renderer), the dieline of page
 * @page->index of @path (NULL: no file to read), its panels and the front
 * panel among them for @elements; @front_panel > 0 chooses panel
 * @front_panel (1-based) instead.  With @guess_net (the page is known to
 * be a pack), a page without a named dieline may show its net in plain
 * strokes: they are used when they enclose faces and flaps. */
EylPackaging *eyl_packaging_read (const EylPageData *page,
                                  const EylRaster   *raster,
                                  const EylRenderer *renderer,
                                  double             mm_per_pt,
                                  const char        *path,
                                  const char        *password,
                                  GPtrArray         *elements,
                                  int                front_panel,
                                  gboolean           guess_net);

/* The label rule sets @rules (may be NULL) judge @page's text lines,
 * with the net quantity the user marked (@net_text and/or @net_box_mm,
 * eyl-options.h); a mark without a chosen set that has a net quantity
 * part brings the bundled one (us-21cfr101-105). */
void eyl_packaging_set_label_rules (EylPackaging  *self,
                                    GPtrArray     *rules,
                                    EylPageData   *page,
                                    const char    *net_text,
                                    const EylRect *net_box_mm);
/* @self judged with the label rule sets @rules (may be NULL) instead of
 * those it was read with — they are the Evaluate stage's (DESIGN.md 3.5):
 * @self again (a new reference) when they are the same, else a new
 * packaging sharing what was read, its lines @text (NULL: @self's). */
EylPackaging *eyl_packaging_with_label_rules (EylPackaging *self,
                                              GPtrArray    *rules,
                                              EylPageData  *text);
/* TRUE when the user marked a net quantity. */
gboolean eyl_packaging_has_net_mark (const EylPackaging *self);

/* The front panel's box in page space; FALSE when there is none. */
gboolean eyl_packaging_front_box (const EylPackaging *self,
                                  EylRect            *box);

/* TRUE when @element is off the front panel (read in the hand) or not
 * artwork at all (the glue flap, outside the net). */
gboolean eyl_packaging_off_front (const EylPackaging *self,
                                  const EylElement   *element);

/* FALSE when @element is not artwork: on the glue flap, outside the net
 * (crop marks, the printer's notes), or anywhere on a page that is only
 * the net.  TRUE without a net. */
gboolean eyl_packaging_is_artwork (const EylPackaging *self,
                                   const EylElement   *element);
/* The same for a point in page space. */
gboolean eyl_packaging_point_is_artwork (const EylPackaging *self,
                                         double              x,
                                         double              y);

/* The "packaging" member of a page in the JSON report: barcodes with
 * their measures, the dieline's layers and spot colours, the panels and
 * the front panel. */
void eyl_packaging_build_json (const EylPackaging *self,
                               JsonBuilder        *builder);

/* Drops what the front panel's frame says about elements on the other
 * panels that only a frame round the whole sheet could say (safe-zone:
 * a back-panel text is not "beyond the trim"); on a page that is only
 * the net, every finding. */
void eyl_packaging_filter_findings (const EylPackaging *self,
                                    GPtrArray          *elements,
                                    GPtrArray          *findings);

/* For people (the export's summary page): the dieline's layers or spot
 * colours with their lengths, the panels with their sizes, the front
 * panel and why, each barcode's number and measures.  Translated,
 * NULL-terminated; empty for NULL. */
GStrv eyl_packaging_summary_lines (const EylPackaging *self);

/* The same read back (what the parent of a worker sees); the dieline's
 * lines themselves are not in the report, only its groups. */
EylPackaging *eyl_packaging_from_json (JsonObject *object);

G_END_DECLS
