/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-eval-totals: the corpus totals of the findings score, saved between
 * runs so that the next run shows them as "before". */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GHashTable *eyl_eval_totals_count (GPtrArray *files);
guint       eyl_eval_totals_get (GHashTable *totals,
                                 const char *name);
GHashTable *eyl_eval_totals_load (const char *path,
                                  GError    **error);
gboolean    eyl_eval_totals_save (GHashTable *totals,
                                  const char *path,
                                  GError    **error);
void        eyl_eval_totals_print (GHashTable *before,
                                   GHashTable *now);

G_END_DECLS
