/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-overlay.h: the one painter of what Eyeline draws on a page — the
 * eye-level band, hidden zones, element boxes, numbered finding markers
 * and a legend.  Cairo only: the window's page view and the annotated PDF
 * export call the same function, so what the user sees is what the
 * exported PDF shows. */
#pragma once

#include <cairo.h>

#include "eyl-analysis.h"

G_BEGIN_DECLS

typedef enum
{
  EYL_OVERLAY_EYE_LEVEL = 1 << 0,  /* eye-level band of the population */
  EYL_OVERLAY_HIDDEN    = 1 << 1,  /* table, cassette, rail, pocket, strip */
  EYL_OVERLAY_ELEMENTS  = 1 << 2,  /* element boxes coloured by kind */
  EYL_OVERLAY_FINDINGS  = 1 << 3,  /* numbered markers */
  EYL_OVERLAY_LEGEND    = 1 << 4,  /* kind → colour, in a corner */
  EYL_OVERLAY_ALL       = 0x1f,
} EylOverlayLayers;

typedef struct
{
  EylOverlayLayers layers;
  /* Device pixels per page pt: line widths, markers and labels keep a
   * constant size on screen (zoom × scale factor), and a sensible one in
   * print (eyl_overlay_print_px_per_pt()).  ≤ 0 means 1. */
  double           px_per_pt;
  /* Indexes into analysis->findings / ->elements, -1 for none. */
  int              highlighted_finding;
  int              highlighted_element;
  int              hovered_element;
  /* Lengths in the labels in inches instead of mm. */
  gboolean         inches;
} EylOverlayOptions;

/* Every layer, 1 px per pt, nothing highlighted. */
void   eyl_overlay_options_init    (EylOverlayOptions *options);

/* A px_per_pt for print (PDF/PNG export): the overlay is drawn as if the
 * page were shown about 1100 px tall, whatever its real size, so a 2 m
 * banner and an A4 leaflet carry markers of the same relative size. */
double eyl_overlay_print_px_per_pt (EylPageAnalysis *analysis);

/* Paints the overlay.  @cr's user space is page space (pt, origin at the
 * top-left corner of the page, y down, as Poppler renders the page and as
 * element and finding boxes are given); the state of @cr is restored. */
void   eyl_overlay_paint           (cairo_t                 *cr,
                                    EylPageAnalysis         *analysis,
                                    const EylOverlayOptions *options);

/* One numbered finding marker.  Numbers are 1-based in the order of
 * analysis->findings (the export's findings table uses the same ones). */
typedef struct
{
  guint    finding;     /* index in analysis->findings */
  guint    number;      /* finding + 1 */
  double   x, y;        /* centre, page pt */
  double   radius;      /* page pt */
  gboolean page_wide;   /* no box: in the list at the top of the page */
} EylOverlayMarker;

/* Where the markers go for @options->px_per_pt: at the top-left corner of
 * each finding's box, moved aside so that none overlaps another;
 * page-wide findings in a row at the top.  An array of EylOverlayMarker,
 * one per finding, in finding order. */
GArray *eyl_overlay_layout_markers (EylPageAnalysis         *analysis,
                                    const EylOverlayOptions *options);

/* The finding whose marker is under @x_pt, @y_pt (page space), or -1. */
int     eyl_overlay_hit_test_marker (EylPageAnalysis         *analysis,
                                     const EylOverlayOptions *options,
                                     double                   x_pt,
                                     double                   y_pt);

/* The element under @x_pt, @y_pt (page space) for hover, or -1: the
 * smallest box containing the point (a website inside a larger headline
 * block wins).  Body text is not an overlay element. */
int     eyl_overlay_hit_test        (EylPageAnalysis *analysis,
                                     double           x_pt,
                                     double           y_pt);

/* The palette, for the window's legend and findings list. */
void        eyl_overlay_kind_color     (EylElementKind kind,
                                        double         rgba[4]);
void        eyl_overlay_severity_color (EylSeverity    severity,
                                        double         rgba[4]);
/* Translated "Error", "Warning", "Info". */
const char *eyl_overlay_severity_label (EylSeverity    severity);
/* Short translated name of a kind: "Website", "Phone", "Logo", … */
const char *eyl_overlay_kind_label     (EylElementKind kind);

G_END_DECLS
