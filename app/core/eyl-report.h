/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-report.h: results of a run and their writers — JSON (schema_version
 * 1, documented in README), text for people, CSV one row per finding. */
#pragma once

#include <json-glib/json-glib.h>
#include "eyl-analysis.h"
#include "eyl-error.h"

G_BEGIN_DECLS

#define EYL_REPORT_SCHEMA_VERSION 1

typedef struct _EylFileResult EylFileResult;

struct _EylFileResult
{
  /*< private >*/
  gatomicrefcount ref_count;
  /*< public >*/
  char        *path; /* as the user gave it */
  gboolean     ok;
  EylErrorCode error_code;    /* when !ok */
  char        *error_message; /* when !ok: one line naming the problem */
  guint        n_pages;
  GPtrArray   *pages;    /* EylPageAnalysis */
  GPtrArray   *warnings; /* char *: repairs, pages skipped, … */
  GPtrArray   *outputs;  /* char *: files exported for it (export only) */
};

#define EYL_TYPE_FILE_RESULT (eyl_file_result_get_type ())
GType          eyl_file_result_get_type (void) G_GNUC_CONST;
EylFileResult *eyl_file_result_new (const char *path);
EylFileResult *eyl_file_result_new_error (const char   *path,
                                          const GError *error);
EylFileResult *eyl_file_result_ref (EylFileResult *self);
void           eyl_file_result_unref (EylFileResult *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EylFileResult, eyl_file_result_unref)

typedef struct
{
  guint files, failed, errors, warnings, infos;
} EylReportSummary;

typedef struct _EylReport EylReport;

struct _EylReport
{
  /*< private >*/
  gatomicrefcount ref_count;
  /*< public >*/
  char         *placement_id; /* requested: "auto" or a preset id */
  EylPlacement *placement;    /* requested preset with overrides, or NULL for auto */
  EylLegibility legibility;
  GPtrArray    *files;     /* EylFileResult */
  EylBrandKit  *brand_kit; /* the kit checked with, or NULL; its name,
                            * colours and fonts are reported */
};

EylReport *eyl_report_new (void);
EylReport *eyl_report_ref (EylReport *self);
void       eyl_report_unref (EylReport *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EylReport, eyl_report_unref)

void eyl_report_get_summary (EylReport        *self,
                             EylReportSummary *summary);
/* Highest severity of any finding, or -1 when there is none. */
int eyl_report_max_severity (EylReport *self);

/* JSON (schema in README.md). The from_json functions read what the
 * to_json functions write (the worker → parent channel, and tests). */
JsonNode        *eyl_placement_to_json (const EylPlacement *placement);
EylPlacement    *eyl_placement_from_json (JsonObject *object,
                                          GError    **error);
JsonNode        *eyl_page_analysis_to_json (EylPageAnalysis *page);
EylPageAnalysis *eyl_page_analysis_from_json (JsonObject *object,
                                              GError    **error);
JsonNode        *eyl_file_result_to_json (EylFileResult *file);
EylFileResult   *eyl_file_result_from_json (JsonObject *object,
                                            GError    **error);
JsonNode        *eyl_report_to_json (EylReport *report);
EylReport       *eyl_report_from_json (JsonNode *node,
                                       GError  **error);

/* Prints a JSON tree (json-glib 1.6 prints 0.1 as 0.10000000000000001;
 * this prints the shortest form that reads back the same). */
char *eyl_report_json_node_to_string (JsonNode *node,
                                      gboolean  pretty);

/* @text for a terminal: control characters (C0, DEL, C1) and bidi
 * overrides written as \xHH or \uHHHH escapes, bytes that are not UTF-8
 * as \xHH; the rest as it is.  For everything printed for people: file
 * names and words from a PDF may hold an escape sequence. */
char *eyl_report_printable (const char *text);
/* The same for a file name in the file system's encoding. */
char *eyl_report_printable_path (const char *path);

/* Writers: newly allocated UTF-8. */
char *eyl_report_format_json (EylReport *report);
char *eyl_report_format_text (EylReport *report,
                              gboolean   use_color);
char *eyl_report_format_csv (EylReport *report);

G_END_DECLS
