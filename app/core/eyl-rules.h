/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-rules.h: the checks.  Each rule is one small unit in rules/ with an
 * id, a default severity, and a check function that reads the page's
 * elements (geometry already filled in) and appends EylFinding. */
#pragma once

#include "eyl-page-data.h"
#include "eyl-placement.h"
#include "eyl-geometry.h"
#include "eyl-element.h"
#include "eyl-finding.h"
#include "eyl-raster.h"
#include "eyl-brand-kit.h"

G_BEGIN_DECLS

typedef struct
{
  const EylPageData          *page;      /* NULL when evaluated from a read (below) */
  const EylPlacement         *placement; /* resolved, overrides applied */
  const EylPageFrame         *frame;
  GPtrArray                  *elements; /* EylElement, geometry filled */
  EylLegibility               legibility;
  const EylRaster            *raster;     /* the analysis raster; NULL when no pixels
                                    * (always in the Evaluate stage: what rules need
                                    * from pixels is measured onto the elements) */
  const char                 *text;       /* the page's text layer, or NULL: page->text */
  JsonObject                 *attention;  /* predicted attention (model) of the page,
                                    * eyl_attention_for_page(); may be NULL */
  const struct _EylPackaging *packaging;  /* barcodes, dieline, panels; may be NULL */
  EylBrandKit                *brand_kit;  /* the kit checked with; may be NULL */
  const EylPageData          *text_layer; /* the read's text layer (fonts and colours
                                           * of the glyphs); may be NULL */
  const GArray               *images;     /* EylImageInfo: the page's pictures with
                                           * their pixel sizes; may be NULL */
} EylRuleContext;

typedef void (*EylRuleCheck) (const EylRuleContext *ctx,
                              GPtrArray            *findings);

typedef struct
{
  const char  *id;          /* "contact-hidden" */
  EylSeverity  severity;    /* default severity */
  const char  *title;       /* N_("Contact details hidden") */
  const char  *description; /* N_(…) one sentence for --help / README */
  EylRuleCheck check;
} EylRule;

/* All rules in report order. */
const EylRule *eyl_rules_get_all (guint *n_rules);
const EylRule *eyl_rules_lookup (const char *id);

/* Runs every rule; findings sorted by severity (errors first), then by
 * position on the page. */
GPtrArray *eyl_rules_run (const EylRuleContext *ctx);

/* An error caps the score at this: a page a consultant would send back is
 * never "good". */
#define EYL_SCORE_ERROR_CAP 40

/* customer_focus 0–100 and its breakdown (each part with its points and
 * maximum), from the elements and the findings. */
int eyl_score_customer_focus (const EylRuleContext *ctx,
                              GPtrArray            *findings,
                              JsonObject          **breakdown);

/* The error cap on @score, the sum of @breakdown's parts: adds (or
 * removes) the "error_cap" part as @findings have an error; returns the
 * score. */
int eyl_score_cap (JsonObject *breakdown,
                   int         score,
                   GPtrArray  *findings);

/* The score @breakdown's parts add up to, capped when @findings have an
 * error (the "error_cap" part is redone): for a page whose parts or
 * findings changed after it was scored. */
int eyl_score_total (JsonObject *breakdown,
                     GPtrArray  *findings);

/* The breakdown as sentences for people, one per part in a fixed order:
 * "Contact visible: 30 of 30 — the best-placed contact is seen by …"
 * ("Key text legible: not judged — …" for a part left out of the score).
 * Parts the breakdown lacks are left out; NULL-terminated, translated. */
GStrv eyl_score_breakdown_lines (JsonObject *breakdown);

G_END_DECLS
