/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-cli-analysis.h: the analysis options of the command line, shared
 * by eyeline-cli (which checks them before any worker starts) and
 * eyeline-worker (which gets them typed from its parent): parsed,
 * checked and turned into placements, overrides and a brand kit; and
 * the messages both print on standard error. */
#pragma once

#include <glib.h>

#include "eyl-analysis.h"
#include "eyl-brand-kit.h"
#include "eyl-options.h"
#include "eyl-placement.h"

G_BEGIN_DECLS

enum
{
  EXIT_CLEAN = 0,      /* nothing at or above --fail-on */
  EXIT_FINDINGS = 1,   /* something is */
  EXIT_USAGE = 2,      /* bad command line */
  EXIT_UNREADABLE = 3, /* a file could not be read */
};

/* The largest --memory-mb (1 TB). */
#define MAX_MEMORY_MB (1024 * 1024)

/* Options shared by `check`, `export` and eyeline-worker (the parent
 * forwards them typed, eyl_worker_config_set_settings). */
typedef struct
{
  char    *placement;
  char    *placement_file;
  char    *check_options[16]; /* one per eyl_options_get_all() entry */
  char    *legibility;
  char    *brand_kit;
  char    *memory_mb;
  gboolean no_ocr;
  gboolean no_qr;
  gboolean no_logos;
  char    *ocr_languages;
  char    *raster_px_per_mm;
  char    *raster_max_mpx;
  char    *front_panel;
  char    *label_rules;
  char    *net_quantity;
  char    *net_quantity_mm;
} EylCliAnalysisArgs;

/* What the analysis options turned into. */
typedef struct
{
  EylPlacementSet   *placements;
  EylPlacement      *placement; /* NULL for auto */
  EylBrandKit       *brand_kit;
  EylAnalysisOptions options;
  guint              memory_mb;
  GPtrArray         *label_rules;
  EylCheckSettings   settings; /* what they were made from */
} EylCliAnalysis;

void eyl_cli_analysis_args_clear (EylCliAnalysisArgs *args);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EylCliAnalysisArgs, eyl_cli_analysis_args_clear)
void eyl_cli_analysis_clear (EylCliAnalysis *analysis);
/* The option entries writing into @args (free the array with g_free). */
GOptionEntry *eyl_cli_analysis_entries (EylCliAnalysisArgs *args);

/* "eyeline-cli: " and the message, control characters escaped. */
void eyl_cli_print_error (const char *format,
                          ...) G_GNUC_PRINTF (1, 2);
/* The same and a hint at --help; returns EXIT_USAGE. */
int eyl_cli_usage_error (const char *format,
                         ...) G_GNUC_PRINTF (1, 2);
/* A path on standard output, one a line, as people read it. */
void eyl_cli_print_path (const char *path);
/* Why standard output first failed for eyl_cli_print_path(), 0 if not. */
int eyl_cli_stdout_errno (void);

gboolean eyl_cli_parse_uint (const char *str,
                             guint       max,
                             guint      *out);
int      eyl_cli_parse_memory_mb (const char *str,
                                  guint      *out);
int      eyl_cli_analysis_args_to_settings (EylCliAnalysisArgs *args,
                                            EylCheckSettings   *settings);
int      eyl_cli_analysis_setup_settings (EylCliAnalysis *analysis,
                                          gboolean        quiet_warnings);
int      eyl_cli_analysis_setup (EylCliAnalysisArgs *args,
                                 EylCliAnalysis     *analysis,
                                 gboolean            quiet_warnings);

G_END_DECLS
