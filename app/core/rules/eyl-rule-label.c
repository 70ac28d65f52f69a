/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-rule-label.c: the optional label rule sets (--label-rules): the
 * x-height of mandatory text, the net quantity's size and place.  Off
 * unless a set is chosen; each finding cites its clause. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-rules"

#include <glib/gi18n.h>

#include "eyl-rules-private.h"
#include "eyl-label-rules.h"
#include "eyl-packaging.h"

const EylRule eyl_rule_label_x_height = {
  .id = "label-x-height",
  .severity = EYL_SEVERITY_WARNING,
  .title = N_("Label text below the legal x-height"),
               .description = N_("With a label rule set chosen (e.g. eu-1169-2011): text whose x-height is "
                    "under the set's minimum."),
                                  .check = eyl_rule_label_x_height_check,
               };

const EylRule eyl_rule_label_net_quantity = {
  .id = "label-net-quantity",
  .severity = EYL_SEVERITY_WARNING,
  .title = N_("Net quantity too small or misplaced"),
               .description = N_("With a label rule set chosen (e.g. us-21cfr101-105): the net quantity "
                    "statement lower than the set asks for the front panel's area, or outside "
                    "its bottom 30 %."),
                                  .check = eyl_rule_label_net_quantity_check,
               };

void
eyl_rule_label_x_height_check (const EylRuleContext *ctx,
                               GPtrArray            *findings)
{
  for (guint i = 0; ctx->packaging != NULL && ctx->packaging->label_rules != NULL &&
                    i < ctx->packaging->label_rules->len;
       i++)
    eyl_label_rules_check_x_height (g_ptr_array_index (ctx->packaging->label_rules, i),
                                    eyl_rule_label_x_height.id, ctx->page != NULL ? ctx->page : ctx->packaging->text,
                                    ctx->packaging, findings);
}

void
eyl_rule_label_net_quantity_check (const EylRuleContext *ctx,
                                   GPtrArray            *findings)
{
  for (guint i = 0; ctx->packaging != NULL && ctx->packaging->label_rules != NULL &&
                    i < ctx->packaging->label_rules->len;
       i++)
    eyl_label_rules_check_net_quantity (g_ptr_array_index (ctx->packaging->label_rules, i),
                                        eyl_rule_label_net_quantity.id,
                                        ctx->page != NULL ? ctx->page : ctx->packaging->text,
                                        ctx->packaging, findings);
}
