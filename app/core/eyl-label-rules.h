/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-label-rules.h: optional rule sets for the type sizes labels must
 * meet (data/label-rules/ID.ini, each citing its clause; off unless
 * chosen).  An aid, not legal advice. */
#pragma once

#include "eyl-finding.h"
#include "eyl-page-data.h"

G_BEGIN_DECLS

typedef struct _EylPackaging EylPackaging;

typedef struct
{
  char *id; /* "eu-1169-2011" */
  char *name;
  char *source; /* the clause */
  /* Minimum x-height of the text (0: not in this set). */
  double x_height_min_mm;
  double small_surface_cm2;     /* a largest surface below this … */
  double small_x_height_min_mm; /* … needs only this */
  /* The net quantity statement (NULL: not in this set). */
  GRegex *net_pattern;
  GArray *area_limits_in2; /* double */
  GArray *min_height_in;   /* double, one more than the limits */
  double  bottom_fraction;
} EylLabelRuleSet;

void eyl_label_rule_set_free (EylLabelRuleSet *set);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EylLabelRuleSet, eyl_label_rule_set_free)

/* The sets named in @ids ("eu-1169-2011,us-21cfr101-105"): bundled ids,
 * or paths of files in the same format.  NULL and @error when one is
 * unknown or malformed. */
GPtrArray *eyl_label_rules_load (const char *ids,
                                 GError    **error);
/* The bundled ids, NULL-terminated, newly allocated. */
GStrv eyl_label_rules_list (void);

/* The x-height check of @set on @page's text lines (a net's glue flap
 * and what lies outside it skipped): appends findings of @rule_id. */
void eyl_label_rules_check_x_height (const EylLabelRuleSet *set,
                                     const char            *rule_id,
                                     const EylPageData     *page,
                                     const EylPackaging    *pack,
                                     GPtrArray             *findings);
/* The net quantity statement's height and place on the front panel (or
 * the page without a net). */
void eyl_label_rules_check_net_quantity (const EylLabelRuleSet *set,
                                         const char            *rule_id,
                                         const EylPageData     *page,
                                         const EylPackaging    *pack,
                                         GPtrArray             *findings);

G_END_DECLS
