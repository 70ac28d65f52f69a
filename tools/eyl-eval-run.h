/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-eval-run: eyeline-cli on each file of the answer key, with the key's
 * placement and size. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void eyl_eval_run_checks (GPtrArray  *files,
                          const char *cli,
                          const char *files_dir,
                          const char *out_dir,
                          guint       jobs);

G_END_DECLS
