/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-eval-findings: the findings of a report against the consultant's
 * answer key (../shared/corpus/expected-findings.json). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  EYL_EVAL_PENDING,
  EYL_EVAL_CHECKED,    /* the report was read */
  EYL_EVAL_ABSENT,     /* the key names a PDF that is not there */
  EYL_EVAL_UNREADABLE, /* eyeline-cli could not read the PDF (exit 3) */
  EYL_EVAL_FAILED,     /* anything else: a crash, a usage error, no report */
} EylEvalStatus;

/* One finding of the report, with its element resolved. */
typedef struct
{
  char *rule;
  char *severity;
  guint page; /* 1-based, as in the key */
  char *kind; /* NULL: a page-level finding */
  char *text;
  char *message;
} EylEvalFinding;

/* One `must` or `must_not` entry of the key and what it matched. */
typedef struct
{
  char                 *rule;    /* "*" = any rule */
  guint                 page;    /* 1-based */
  char                 *element; /* element kind; "none" = not tied to one */
  char                 *text;
  char                 *severity; /* NULL in must_not */
  const EylEvalFinding *hit;      /* borrowed from the file's findings */
} EylEvalExpect;

typedef struct
{
  char         *id;
  char         *placement;
  double        size_mm[2]; /* 0 × 0: not given */
  GPtrArray    *must;       /* EylEvalExpect */
  GPtrArray    *must_not;   /* EylEvalExpect */
  GPtrArray    *findings;   /* EylEvalFinding */
  EylEvalStatus status;
  char         *detail; /* why it is absent, unreadable or failed */
} EylEvalFile;

void       eyl_eval_file_free (EylEvalFile *file);
GPtrArray *eyl_eval_key_load (const char *path,
                              GError    **error);
gboolean   eyl_eval_file_read_report (EylEvalFile *file,
                                      const char  *path,
                                      GError     **error);
void       eyl_eval_file_score (EylEvalFile *file);
void       eyl_eval_file_print (const EylEvalFile *file);
gboolean   eyl_eval_text_matches (const char *key_text,
                                  const char *seen_text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EylEvalFile, eyl_eval_file_free)

G_END_DECLS
