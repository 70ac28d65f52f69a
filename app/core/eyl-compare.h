/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-compare.h: two versions of one piece, page by page — the score's
 * change and which findings were fixed, which are new and which stay. */
#pragma once

#include "eyl-report.h"

G_BEGIN_DECLS

typedef enum
{
  EYL_CHANGE_FIXED, /* raised on the old version only */
  EYL_CHANGE_NEW,   /* raised on the new version only */
  EYL_CHANGE_KEPT,  /* raised on both */
} EylChangeKind;

typedef struct
{
  EylChangeKind kind;
  EylFinding   *before; /* NULL when new */
  EylFinding   *after;  /* NULL when fixed */
} EylFindingChange;

typedef struct
{
  guint    index; /* page index, both versions */
  gboolean in_before, in_after;
  int      score_before; /* -1 when the page is missing */
  int      score_after;
  GArray  *changes; /* EylFindingChange: fixed, new, kept */
} EylPageComparison;

typedef struct _EylComparison EylComparison;

struct _EylComparison
{
  char      *before_path;
  char      *after_path;
  GPtrArray *pages; /* EylPageComparison * */
  guint      n_fixed, n_new, n_kept;
};

/* Pairs the pages by number and, on each, a finding of the old version
 * with one of the new by rule and by what it is about (the element's
 * kind and text, as a reader would recognise it: case and "www." aside;
 * elements without text in page order).  Both results must have been
 * read (ok). */
EylComparison *eyl_comparison_new (EylFileResult *before,
                                   EylFileResult *after);
void           eyl_comparison_free (EylComparison *self);
/* The worst severity among the new findings, or -1 when none. */
int   eyl_comparison_max_new_severity (const EylComparison *self);
char *eyl_comparison_format_text (const EylComparison *self,
                                  gboolean             color);
char *eyl_comparison_format_json (const EylComparison *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EylComparison, eyl_comparison_free)

G_END_DECLS
