/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-overlay.h: the one painter of what Eyeline draws on a page — the
 * eye-level band, hidden zones, element boxes, numbered finding markers
 * and their labels — and of the legend that explains them beside the
 * page.  Cairo only: the window's page view and the annotated PDF export
 * call the same function, so what the user sees is what the exported PDF
 * shows.
 *
 * Nothing drawn hides what a finding is about: labels are placed around
 * what they name, never on a finding's box, an element box, a marker or
 * another label (shortened, or left to hover and selection, when nowhere
 * is free); the hatching of hidden zones leaves the flagged elements
 * clear; the legend is never painted on the page. */
#pragma once

#include <cairo.h>

#include "eyl-analysis.h"

G_BEGIN_DECLS

typedef enum
{
  EYL_OVERLAY_EYE_LEVEL = 1 << 0, /* eye-level band of the population */
  EYL_OVERLAY_HIDDEN = 1 << 1,    /* table, cassette, rail, pocket, strip */
  EYL_OVERLAY_ELEMENTS = 1 << 2,  /* element boxes, a line style per kind */
  EYL_OVERLAY_FINDINGS = 1 << 3,  /* numbered markers */
  /* The legend is wanted beside the page (eyl_overlay_paint_legend());
   * eyl_overlay_paint() never draws it on the artwork. */
  EYL_OVERLAY_LEGEND = 1 << 4,
  /* Kind labels on every element box, where there is room; without it
   * only the hovered or highlighted element and the highlighted
   * finding's element are named. */
  EYL_OVERLAY_LABELS = 1 << 5,
  /* The sentences on the hidden zones and the eye-level band, where
   * there is room (the legend names them too). */
  EYL_OVERLAY_ZONE_LABELS = 1 << 6,
  EYL_OVERLAY_ALL = 0x7f,
  /* The calm default: what is hidden, and the markers; the rest on
   * demand. */
  EYL_OVERLAY_CALM = EYL_OVERLAY_HIDDEN | EYL_OVERLAY_FINDINGS,
  /* The annotated PDF: everything on the page, labels where they fit. */
  EYL_OVERLAY_PRINT = EYL_OVERLAY_EYE_LEVEL | EYL_OVERLAY_HIDDEN | EYL_OVERLAY_ELEMENTS |
                      EYL_OVERLAY_FINDINGS | EYL_OVERLAY_LABELS | EYL_OVERLAY_ZONE_LABELS,
} EylOverlayLayers;

typedef struct
{
  EylOverlayLayers layers;
  /* Device pixels per page pt: line widths, markers and labels keep a
   * constant size on screen (zoom × scale factor), and a sensible one in
   * print (eyl_overlay_print_px_per_pt()).  ≤ 0 means 1. */
  double px_per_pt;
  /* Indexes into analysis->findings / ->elements, -1 for none. */
  int highlighted_finding;
  int highlighted_element;
  int hovered_element;
  /* Lengths in the labels in inches instead of mm. */
  gboolean inches;
  /* The artwork's pixels (page space), or NULL: zone labels and the
   * page-wide panel go where they cover the least ink.  Without it the
   * read's raster when it was kept. */
  EylRaster *artwork;
} EylOverlayOptions;

/* The calm layers (EYL_OVERLAY_CALM), 1 px per pt, nothing highlighted. */
void eyl_overlay_options_init (EylOverlayOptions *options);

/* A px_per_pt for print (PDF/PNG export): the overlay is drawn as if the
 * page were shown about 1100 px tall, whatever its real size, so a 2 m
 * banner and an A4 leaflet carry markers of the same relative size. */
double eyl_overlay_print_px_per_pt (EylPageAnalysis *analysis);

/* Paints the overlay.  @cr's user space is page space (pt, origin at the
 * top-left corner of the page, y down, as Poppler renders the page and as
 * element and finding boxes are given); the state of @cr is restored. */
void eyl_overlay_paint (cairo_t                 *cr,
                        EylPageAnalysis         *analysis,
                        const EylOverlayOptions *options);

/* One numbered finding marker.  Numbers are 1-based in the order of
 * analysis->findings (the export's findings table uses the same ones). */
typedef struct
{
  guint    finding;   /* index in analysis->findings */
  guint    number;    /* finding + 1 */
  double   x, y;      /* centre, page pt */
  double   radius;    /* page pt */
  gboolean page_wide; /* no box: in the list at the top of the page */
  /* A page-wide marker in a compact, see-through row without its
   * caption: every place for the captioned row covered artwork. */
  gboolean compact;
} EylOverlayMarker;

/* Where the markers go for @options->px_per_pt: beside each finding's box
 * (right, above, left or below, outside it when there is room, off the
 * page's text lines and the artwork's marks when it can), none on
 * another; several findings of one box in a column; page-wide findings
 * in a captioned row at the top or bottom edge where it covers the least
 * (compact and see-through, without its caption, when every such place
 * covers artwork).  An array of EylOverlayMarker, one per finding, in
 * finding order. */
GArray *eyl_overlay_layout_markers (EylPageAnalysis         *analysis,
                                    const EylOverlayOptions *options);

/* The finding whose marker is under @x_pt, @y_pt (page space), or -1. */
int eyl_overlay_hit_test_marker (EylPageAnalysis         *analysis,
                                 const EylOverlayOptions *options,
                                 double                   x_pt,
                                 double                   y_pt);

/* The element under @x_pt, @y_pt (page space) for hover, or -1: the
 * smallest box containing the point (a website inside a larger headline
 * block wins).  Body text is not an overlay element. */
int eyl_overlay_hit_test (EylPageAnalysis *analysis,
                          double           x_pt,
                          double           y_pt);

typedef enum
{
  EYL_OVERLAY_LABEL_ELEMENT,   /* an element's kind */
  EYL_OVERLAY_LABEL_ZONE,      /* a hidden zone's sentence */
  EYL_OVERLAY_LABEL_EYE_LEVEL, /* the eye-level band and its range */
  EYL_OVERLAY_LABEL_SIGHT,     /* the median visitor's line of sight */
} EylOverlayLabelKind;

/* One label of the overlay, placed. */
typedef struct
{
  EylOverlayLabelKind kind;
  int                 element;   /* index in analysis->elements, or -1 */
  EylRect             anchor;    /* what it names: element box, zone, band */
  EylRect             box;       /* the tag, page pt; empty when not shown */
  char               *text;      /* what is drawn (may be shortened) */
  gboolean            shown;     /* FALSE: no free place, hover shows it */
  gboolean            shortened; /* the short form (an element's letter) */
} EylOverlayLabel;

/* Where the labels go for @options (its layers, px_per_pt, hovered and
 * highlighted items): each tried at candidate places around what it
 * names, in full then shortened, and put at the first free one — inside
 * the artwork, off every finding's box, element box (small ones; large
 * blocks and body text are avoided when possible), marker and other
 * label.  The page's text lines (the read's text layer, when the analysis
 * has one) are avoided too: a place costs by the share of it on text, and
 * by the share on the artwork's ink (@options->artwork), so a label goes
 * on empty artwork where there is some near what it names.  An element's
 * label costs more where it sits nearer another element than its own.  A label with no free place is returned with shown FALSE.  The
 * hovered or highlighted element is placed first.  An array of
 * EylOverlayLabel (the array frees the texts); the painter draws exactly
 * these, so a widget can use the boxes for hit tests or tooltips. */
GArray *eyl_overlay_layout_labels (EylPageAnalysis         *analysis,
                                   const EylOverlayOptions *options);

/* The legend, drawn beside the page — a popover or side panel of the
 * window, the summary page of the export — never on it.  Rows for what
 * @layers shows on @pages: the element kinds present (each with its line
 * style and letter), the severities of the markers, the eye-level band,
 * the hidden zones.  User space of @cr: 1 unit = 1 device px (or 1 pt in
 * print); drawn from (0, 0) into @max_width (rows flow into columns
 * when it is wide enough; ≤ 0 or narrower than one column: one
 * column, as wide as its longest row).  The size is returned in
 * @width / @height (may be NULL); with @cr NULL only measured. */
void eyl_overlay_paint_legend (cairo_t                *cr,
                               EylPageAnalysis *const *pages,
                               guint                   n_pages,
                               EylOverlayLayers        layers,
                               double                  max_width,
                               double                 *width,
                               double                 *height);

/* The palette, for the window's legend and findings list. */
void eyl_overlay_kind_color (EylElementKind kind,
                             double         rgba[4]);
void eyl_overlay_severity_color (EylSeverity severity,
                                 double      rgba[4]);
/* Translated "Error", "Warning", "Info". */
const char *eyl_overlay_severity_label (EylSeverity severity);
/* Short translated name of a kind: "Website", "Phone", "Logo", … */
const char *eyl_overlay_kind_label (EylElementKind kind);
/* The kind's letter, on its label and in the legend: "W", "T", "L", … */
const char *eyl_overlay_kind_letter (EylElementKind kind);

G_END_DECLS
