/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-ocr-stress.h: a generated stress set for the contact detectors and
 * OCR.  Pages drawn with Cairo and Pango carry contact lines (web address,
 * email, phone, social handle) in several fonts, weights, sizes and
 * colours, on plain, gradient and photo-like backgrounds, as live text or
 * as outlines, at the top, middle or bottom and at either edge, with or
 * without an icon or a QR code beside them and other text on the page
 * (a headline, a paragraph, fine print and a logo lock-up — a round mark
 * and a name, which must not be read as a handle).
 * Each page is written as a PDF, opened with Poppler and analysed as the
 * worker does; the contacts found are matched against those drawn.
 *
 * Used by tests/test-ocr-stress.c (recall asserted) and by the
 * ocr-stress program (`make eval`: the table by condition). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The conditions a contact line is drawn under: each a column of the
 * table, each with a few levels. */
typedef enum
{
  EYL_STRESS_CONTACT, /* url, email, phone, handle */
  EYL_STRESS_FONT,
  EYL_STRESS_WEIGHT,
  EYL_STRESS_SIZE, /* capitals, px on the analysis raster at 1 px/mm */
  EYL_STRESS_COLOUR,
  EYL_STRESS_BACKGROUND, /* plain, gradient, photo-like noise */
  EYL_STRESS_DRAWN,      /* live text or outlines */
  EYL_STRESS_POSITION,   /* top, middle, bottom */
  EYL_STRESS_ALIGN,      /* left edge, centre, right edge */
  EYL_STRESS_BESIDE,     /* nothing, an icon, a QR code */
  EYL_STRESS_OTHER_TEXT, /* none, live, outlined */
  EYL_STRESS_PAGE,       /* roll-up banner, A4 flyer */
  EYL_STRESS_N_FACTORS
} EylStressFactor;

/* The set the test and `make eval` use, and the size from which every
 * line must be found (capitals on the analysis raster). */
#define EYL_STRESS_SEED       20250101
#define EYL_STRESS_MIN_CAP_PX 12.0

typedef struct _EylStressSet EylStressSet;

/* @n_pages pages of four contact lines each, conditions spread evenly
 * over the lines (a fixed @seed gives the same set every time).  Fonts
 * that are not installed are left out (eyl_stress_set_notes says so). */
EylStressSet *eyl_stress_set_new (guint   n_pages,
                                  guint32 seed);
void          eyl_stress_set_free (EylStressSet *set);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EylStressSet, eyl_stress_set_free)

/* Keeps page @index alone (to look at one page closely). */
void eyl_stress_set_keep_only (EylStressSet *set,
                               guint         index);

/* Writes the PDFs into @dir and analyses each page with an analysis
 * raster of @px_per_mm on the material, @threads pages at a time.
 * Results replace those of an earlier run. */
gboolean eyl_stress_set_run (EylStressSet *set,
                             const char   *dir,
                             double        px_per_mm,
                             guint         threads,
                             GError      **error);

/* Lines found among those whose capitals are at least @min_cap_px tall
 * on the analysis raster of the run. */
void eyl_stress_set_recall (EylStressSet *set,
                            double        min_cap_px,
                            guint        *n_found,
                            guint        *n_lines);

/* Contacts read by OCR where no contact was drawn. */
guint eyl_stress_set_spurious (EylStressSet *set);

/* The table: recall by condition, overall and for capitals of at least
 * @min_cap_px; then, with @misses, each line missed and what was read. */
char *eyl_stress_set_table (EylStressSet *set,
                            double        min_cap_px,
                            gboolean      misses);

/* Fonts left out, or NULL. */
const char *eyl_stress_set_notes (EylStressSet *set);

G_END_DECLS
