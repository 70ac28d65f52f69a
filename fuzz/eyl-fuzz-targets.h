/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-fuzz-targets.h: the bodies of the fuzz targets, as plain functions.
 *
 * Each takes any bytes and returns 0.  The libFuzzer entry points in
 * fuzz-*.c call them, and so does tests/test-fuzz-regressions.c, which
 * replays every saved input with the normal build: a crash found once
 * stays found. */
#pragma once

#include <glib.h>

#include "eyl-report.h"

G_BEGIN_DECLS

/* A page snapshot decoded from the bytes (see eyl-fuzz-targets.c) →
 * detectors → geometry → rules → score → JSON / text / CSV reports, and
 * the JSON read back. */
int eyl_fuzz_analysis (const guint8 *data,
                       gsize         size);
/* A JSON report or worker result (one file) → reader → writers and the
 * painters that draw it. */
int eyl_fuzz_report_json (const guint8 *data,
                          gsize         size);
/* A brand kit file → loader → save → load again, and detection with it. */
int eyl_fuzz_brand_kit (const guint8 *data,
                        gsize         size);
/* A placement file → loader → overrides, scale, "auto", JSON. */
int eyl_fuzz_placement (const guint8 *data,
                        gsize         size);

/* Once per process before any target: criticals abort (a target feeding
 * an API what it refuses is a bug of the target or of the engine), no
 * user placement folder, quiet logs. */
void eyl_fuzz_init (void);

typedef int (*EylFuzzTarget) (const guint8 *data,
                              gsize         size);

/* By name ("analysis", "report-json", "brand-kit", "placement"), or NULL. */
EylFuzzTarget eyl_fuzz_target_lookup (const char *name);
/* Those names, NULL-terminated. */
const char *const *eyl_fuzz_target_names (void);

/* The analysis target's input → a report of one file "fuzz.pdf" made by
 * the real engine (for the report seeds). */
EylReport *eyl_fuzz_analyse (const guint8 *data,
                             gsize         size);

/* The analysis input format, for the seed generator: an encoder that
 * writes what the decoder reads. */
typedef struct _EylFuzzWriter EylFuzzWriter;

EylFuzzWriter *eyl_fuzz_writer_new (void);
void           eyl_fuzz_writer_u8 (EylFuzzWriter *writer,
                                   guint8         value);
/* A number in [0, max] (max > 0), or one of the special values when
 * @value is NAN, ±INFINITY, 0 or negative. */
void    eyl_fuzz_writer_number (EylFuzzWriter *writer,
                                double         value,
                                double         max);
void    eyl_fuzz_writer_text (EylFuzzWriter *writer,
                              const char    *ascii);
GBytes *eyl_fuzz_writer_free_to_bytes (EylFuzzWriter *writer);

/* Writes the built-in seeds of every target into @dir/<target>/. */
gboolean eyl_fuzz_write_seeds (const char *dir,
                               GError    **error);

G_END_DECLS
