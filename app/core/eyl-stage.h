/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-stage.h: CPU time per stage of a check, for `make bench`.
 *
 * With EYL_STAGE_TIMES=FILE in the environment, each process appends one
 * line to FILE when it exits: its pid, its name, its whole CPU time
 * (user + system, process start included) and the CPU time of each stage.
 * Stages nest without counting twice: a render asked for by OCR is
 * "render", not "ocr".  Without the variable the calls cost a branch. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  EYL_STAGE_NONE,
  EYL_STAGE_OPEN,
  EYL_STAGE_TEXT,
  EYL_STAGE_RENDER,
  EYL_STAGE_CAP_HEIGHTS,
  EYL_STAGE_DETECT,
  EYL_STAGE_OCR,
  EYL_STAGE_QR,
  EYL_STAGE_LOGOS,
  EYL_STAGE_RULES,
  EYL_STAGE_REPORT,
  EYL_STAGE_ATTENTION,
  EYL_STAGE_BARCODES,
  EYL_N_STAGES
} EylStage;

/* Enters @stage on this thread; returns the stage to give back to
 * eyl_stage_leave(). */
EylStage eyl_stage_enter (EylStage stage);
void     eyl_stage_leave (EylStage previous);

const char *eyl_stage_to_string (EylStage stage);

/* This thread's CPU time, ms (for the debug log's timings). */
double eyl_stage_thread_cpu_ms (void);

/* Counts one more of @what (a static string: "tesseract-inits") in this
 * process, written as n_WHAT=N beside the stages. */
void eyl_stage_count (const char *what);
/* Counts @n more of @what. */
void eyl_stage_count_n (const char *what,
                        guint       n);

/* A stage for the rest of a C scope:
 *   g_auto(EylStageScope) stage = eyl_stage_scope (EYL_STAGE_OCR); */
typedef struct
{
  EylStage previous;
} EylStageScope;

static inline EylStageScope
eyl_stage_scope (EylStage stage)
{
  EylStageScope scope = { eyl_stage_enter (stage) };

  return scope;
}

static inline void
eyl_stage_scope_clear (EylStageScope *scope)
{
  eyl_stage_leave (scope->previous);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EylStageScope, eyl_stage_scope_clear)

G_END_DECLS
