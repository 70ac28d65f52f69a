/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-export.c: annotated PDFs, PDF annotations and PNGs (see
 * eyl-export.h). */
#include "config.h"

#define G_LOG_DOMAIN "eyeline-export"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <qpdf/qpdf-c.h>

#include "eyl-attention.h"
#include "eyl-cvd.h"
#include "eyl-error.h"
#include "eyl-export.h"
#include "eyl-export-private.h"
#include "eyl-walkup.h"
#include "eyl-overlay.h"
#include "eyl-page-boxes.h"
#include "eyl-poppler-private.h"
#include "eyl-progress.h"
#include "eyl-rules.h"

/* The summary page: A4 portrait, in pt. */
#define SUMMARY_W      595.276
#define SUMMARY_H      841.890
#define SUMMARY_MARGIN 42.0
#define CROP_SIZE      84.0
#define MARKER_COLUMN  26.0
/* The coarse copy of a page the overlay reads its ink from. */
#define ARTWORK_PIXELS (1000.0 * 1000.0)
/* PNG exports: the long side of the page in pixels. */
#define PNG_LONG_SIDE_PX 2000.0
#define PNG_MAX_PIXELS   (16.0 * 1000 * 1000)
/* Pages whose recording is kept for the summary's crops; the others are
 * recorded again when their crops are drawn. */
#define MAX_KEPT_RECORDINGS 8
/* Walk-up strips: the nearest view is WALKUP_HEIGHT_PX high in the PNG,
 * WALKUP_SUMMARY_PX on the summary page, where the strip is at most
 * WALKUP_SUMMARY_PT high. */
#define WALKUP_HEIGHT_PX  900
#define WALKUP_SUMMARY_PX 450
#define WALKUP_SUMMARY_PT 170.0
/* Colour-vision strips: each of the four views this high (narrower when
 * the page is very wide), with a margin and a line for its label. */
#define CVD_HEIGHT_PX    700.0
#define CVD_MAX_WIDTH_PX 1400.0
#define CVD_PAD_PX       16
#define CVD_LABEL_PX     28
/* The attention map's longer side. */
#define ATTENTION_LONG_SIDE_PX 1200

/* Closes the sink, then reports Cairo's own error if writing went well
 * but drawing did not. */
static gboolean
sink_finish (EylExportSink *sink,
             cairo_status_t status,
             GError       **error)
{
  if (!eyl_export_sink_close (sink, error))
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, EYL_ERROR, EYL_ERROR_OUTPUT, _("Could not write “%s”: %s"), sink->name, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Overlay mode */

static EylPageAnalysis *
find_analysis (EylFileResult *result,
               guint          index)
{
  for (guint i = 0; i < result->pages->len; i++)
    {
      EylPageAnalysis *page = g_ptr_array_index (result->pages, i);

      if (page->index == index)
        return page;
    }
  return NULL;
}

/* The page as Poppler draws it for print, recorded once: painted as the
 * exported page and, clipped, as the crops of the summary. */
static cairo_surface_t *
record_page (PopplerPage *page,
             double       width,
             double       height)
{
  cairo_rectangle_t extents = { 0, 0, width, height };
  cairo_surface_t  *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                                                &extents);
  cairo_t          *cr = cairo_create (recording);

  poppler_page_render_for_printing (page, cr);
  cairo_destroy (cr);
  return recording;
}

/* The walk-up strip of @analysis's page, judged by the standard the
 * page was checked with: the visible artwork drawn from @recording (the
 * page recorded for print) or else rendered from @page.  NULL when the
 * page has no visible area or no placement. */
static cairo_surface_t *
walkup_strip_for (EylPageAnalysis *analysis,
                  PopplerPage     *page,
                  cairo_surface_t *recording,
                  int              height_px)
{
  if (analysis->placement == NULL)
    return NULL;
  return eyl_walkup_strip_for_page (page, recording, &analysis->frame, analysis->placement,
                                    analysis->elements, analysis->legibility, height_px);
}

typedef struct
{
  cairo_surface_t *surface;
  cairo_t         *cr;
  double           y;
  guint            n_pages;
} Summary;

static void
summary_page (Summary *s)
{
  if (s->cr != NULL)
    {
      cairo_show_page (s->cr);
      cairo_destroy (s->cr);
    }
  cairo_pdf_surface_set_size (s->surface, SUMMARY_W, SUMMARY_H);
  s->cr = cairo_create (s->surface);
  s->y = SUMMARY_MARGIN;
  s->n_pages++;
}

/* Decodes the character of @markup at *@p (an entity counts as one) and
 * moves *@p past it; its UTF-8 length into *@len.  Tags are skipped. */
static gboolean
markup_next_char (const char **p,
                  gsize       *len)
{
  while (**p == '<')
    {
      const char *end = strchr (*p, '>');

      if (end == NULL)
        return FALSE;
      *p = end + 1;
    }
  if (**p == '\0')
    return FALSE;
  if (**p == '&')
    {
      const char *end = strchr (*p, ';');
      gunichar    ch = 0;

      if (end == NULL)
        return FALSE;
      if ((*p)[1] == '#')
        ch = (*p)[2] == 'x' ? (gunichar) g_ascii_strtoull (*p + 3, NULL, 16)
                            : (gunichar) g_ascii_strtoull (*p + 2, NULL, 10);
      else
        ch = '&'; /* &amp; &lt; &gt; &quot; &apos;: one byte each */
      *len = g_unichar_to_utf8 (ch, NULL);
      *p = end + 1;
      return TRUE;
    }
  *len = g_utf8_next_char (*p) - *p;
  *p += *len;
  return TRUE;
}

char *
eyl_export_markup_drawable (PangoLayout *layout,
                            const char  *markup)
{
  const char          *text = pango_layout_get_text (layout);
  gsize                n = strlen (text), at = 0;
  g_autofree gboolean *missing = NULL;
  PangoLayoutIter     *iter;
  GString             *out;
  const char          *p = markup;
  gboolean             in_run = FALSE;

  if (pango_layout_get_unknown_glyphs_count (layout) == 0)
    return NULL;

  /* Which bytes of the text have no glyph in any font. */
  missing = g_new0 (gboolean, n + 1);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

      if (run == NULL)
        continue;
      for (int i = 0; i < run->glyphs->num_glyphs; i++)
        if (run->glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG)
          {
            int start = run->item->offset + run->glyphs->log_clusters[i];
            int end = run->item->offset + run->item->length;

            for (int j = 0; j < run->glyphs->num_glyphs; j++)
              if (run->item->offset + run->glyphs->log_clusters[j] > start)
                end = MIN (end, run->item->offset + run->glyphs->log_clusters[j]);
            for (int b = MAX (start, 0); b < end && (gsize) b < n; b++)
              missing[b] = TRUE;
          }
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);

  /* The markup again, each run of such characters one ellipsis. */
  out = g_string_sized_new (strlen (markup));
  while (*p != '\0')
    {
      const char *start = p;
      gsize       len = 0;

      if (*p == '<')
        {
          const char *end = strchr (p, '>');

          if (end == NULL)
            break;
          g_string_append_len (out, p, end + 1 - p);
          p = end + 1;
          continue;
        }
      if (!markup_next_char (&p, &len))
        break;
      if (at < n && missing[at])
        {
          if (!in_run)
            g_string_append (out, "…");
          in_run = TRUE;
        }
      else
        {
          g_string_append_len (out, start, p - start);
          in_run = FALSE;
        }
      at += len;
    }
  return g_string_free (out, FALSE);
}

static PangoLayout *
summary_layout (Summary    *s,
                const char *markup,
                double      size_pt,
                double      width)
{
  PangoLayout          *layout = pango_cairo_create_layout (s->cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, size_pt * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);
  {
    /* Text of a script no installed font covers (the file's own fonts
     * drew it on its pages, the crop beside a finding shows it): an
     * ellipsis, not a row of boxes with hex codes. */
    g_autofree char *drawable = eyl_export_markup_drawable (layout, markup);

    if (drawable != NULL)
      pango_layout_set_markup (layout, drawable, -1);
  }
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

/* A block of text across the page; a new page first when it does not
 * fit. */
static void
summary_text (Summary    *s,
              const char *markup,
              double      size_pt,
              double      space_after)
{
  double width = SUMMARY_W - 2 * SUMMARY_MARGIN;
  g_autoptr(PangoLayout) layout = summary_layout (s, markup, size_pt, width);
  double h = layout_height (layout);

  if (s->y + h > SUMMARY_H - SUMMARY_MARGIN && s->y > SUMMARY_MARGIN)
    {
      summary_page (s);
      g_clear_object (&layout);
      layout = summary_layout (s, markup, size_pt, width);
    }
  cairo_set_source_rgb (s->cr, 0.12, 0.12, 0.14);
  cairo_move_to (s->cr, SUMMARY_MARGIN, s->y);
  pango_cairo_show_layout (s->cr, layout);
  s->y += h + space_after;
}

/* The walk-up strip under a page's score: the piece from 8, 4 and 2 m
 * (and in the hand) as on `export --mode walkup`, scaled to the width. */
static void
summary_walkup (Summary         *s,
                EylPageAnalysis *analysis,
                cairo_surface_t *recording)
{
  double           width = SUMMARY_W - 2 * SUMMARY_MARGIN, k, h;
  cairo_surface_t *strip;

  if (recording == NULL)
    return;
  strip = walkup_strip_for (analysis, NULL, recording, WALKUP_SUMMARY_PX);
  if (strip == NULL)
    return;
  k = MIN (width / cairo_image_surface_get_width (strip),
           WALKUP_SUMMARY_PT / cairo_image_surface_get_height (strip));
  h = cairo_image_surface_get_height (strip) * k;
  summary_text (s, _("<b>Walk-up view</b> — the piece from each distance at the size it looks, "
                     "no sharper than the eye sees it there; grey is hidden from the median "
                     "visitor, green text can be read (1:200)."),
                      9, 2);
  if (s->y + h > SUMMARY_H - SUMMARY_MARGIN)
    summary_page (s);
  cairo_save (s->cr);
  cairo_translate (s->cr, SUMMARY_MARGIN, s->y);
  cairo_scale (s->cr, k, k);
  cairo_set_source_surface (s->cr, strip, 0, 0);
  cairo_paint (s->cr);
  cairo_restore (s->cr);
  s->y += h + 8;
  cairo_surface_destroy (strip);
}

static void
draw_marker (cairo_t    *cr,
             double      cx,
             double      cy,
             guint       number,
             EylSeverity severity)
{
  double           rgba[4];
  g_autofree char *text = g_strdup_printf ("%u", number);
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans Bold");
  int                   w, h;

  eyl_overlay_severity_color (severity, rgba);
  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, 9, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], 1);
  cairo_fill (cr);

  pango_font_description_set_absolute_size (font, 9 * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_move_to (cr, cx - w / 2.0, cy - h / 2.0);
  pango_cairo_show_layout (cr, layout);
}

/* The finding's region of the page (the whole page for a page-wide
 * finding), scaled into a square cell, vector like the page. */
static void
draw_crop (cairo_t         *cr,
           cairo_surface_t *page,
           double           page_w,
           double           page_h,
           EylFinding      *finding,
           double           x,
           double           y)
{
  EylRect r = { 0, 0, page_w, page_h };
  double  rgba[4], scale, cw, ch, ox, oy;

  if (!eyl_rect_is_empty (&finding->box))
    {
      double w = eyl_rect_width (&finding->box), h = eyl_rect_height (&finding->box);
      double margin = MAX (0.15 * MAX (w, h), 0.01 * MAX (page_w, page_h));

      r.x0 = MAX (0, finding->box.x0 - margin);
      r.y0 = MAX (0, finding->box.y0 - margin);
      r.x1 = MIN (page_w, finding->box.x1 + margin);
      r.y1 = MIN (page_h, finding->box.y1 + margin);
      if (eyl_rect_is_empty (&r))
        r = (EylRect) { 0, 0, page_w, page_h };
    }

  scale = CROP_SIZE / MAX (eyl_rect_width (&r), eyl_rect_height (&r));
  cw = eyl_rect_width (&r) * scale;
  ch = eyl_rect_height (&r) * scale;
  ox = x + (CROP_SIZE - cw) / 2;
  oy = y + (CROP_SIZE - ch) / 2;

  cairo_save (cr);
  cairo_rectangle (cr, ox, oy, cw, ch);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_translate (cr, ox - r.x0 * scale, oy - r.y0 * scale);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, page, 0, 0);
  cairo_paint (cr);
  if (!eyl_rect_is_empty (&finding->box))
    {
      eyl_overlay_severity_color (finding->severity, rgba);
      cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], 1);
      cairo_set_line_width (cr, 1.5 / scale);
      cairo_rectangle (cr, finding->box.x0, finding->box.y0,
                       eyl_rect_width (&finding->box), eyl_rect_height (&finding->box));
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.75, 0.75, 0.78);
  cairo_set_line_width (cr, 0.5);
  cairo_rectangle (cr, x, y, CROP_SIZE, CROP_SIZE);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
summary_finding (Summary         *s,
                 EylFinding      *finding,
                 guint            number,
                 cairo_surface_t *page,
                 double           page_w,
                 double           page_h)
{
  double           text_x = SUMMARY_MARGIN + MARKER_COLUMN + CROP_SIZE + 12;
  double           width = SUMMARY_W - SUMMARY_MARGIN - text_x;
  g_autofree char *message = g_markup_escape_text (finding->message != NULL ? finding->message : "", -1);
  g_autofree char *fix = g_markup_escape_text (finding->fix != NULL ? finding->fix : "", -1);
  g_autofree char *markup = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  double row_h;

  /* Translators: a row of the findings table in the exported PDF:
   * severity, rule id, the finding, then "Fix:" and the fix. */
  markup = g_strdup_printf (_("<b>%s</b> · %s\n%s\n<i>Fix:</i> %s"),
                               eyl_overlay_severity_label (finding->severity),
                               finding->rule, message, fix);
  layout = summary_layout (s, markup, 9, width);
  row_h = MAX (CROP_SIZE, layout_height (layout)) + 10;
  if (s->y + row_h > SUMMARY_H - SUMMARY_MARGIN)
    {
      summary_page (s);
      g_clear_object (&layout);
      layout = summary_layout (s, markup, 9, width);
    }

  draw_marker (s->cr, SUMMARY_MARGIN + 10, s->y + 10, number, finding->severity);
  if (page != NULL)
    draw_crop (s->cr, page, page_w, page_h, finding, SUMMARY_MARGIN + MARKER_COLUMN, s->y);
  cairo_set_source_rgb (s->cr, 0.12, 0.12, 0.14);
  cairo_move_to (s->cr, text_x, s->y);
  pango_cairo_show_layout (s->cr, layout);
  s->y += row_h;
}

static char *
escape_printf (const char *format,
               ...) G_GNUC_PRINTF (1, 2);

static char *
escape_printf (const char *format,
               ...)
{
  va_list args;
  char   *text;

  va_start (args, format);
  text = g_markup_vprintf_escaped (format, args);
  va_end (args);
  return text;
}

static void
summary_placement (Summary         *s,
                   EylPageAnalysis *analysis)
{
  EylPlacement    *p = analysis->placement;
  g_autofree char *line = NULL;
  g_autoptr(GString) numbers = g_string_new (NULL);

  if (p == NULL)
    return;

  line = escape_printf (_("<b>Placement:</b> %s"), p->name != NULL ? p->name : p->id);
  summary_text (s, line, 10, 2);
  if (analysis->placement_reason != NULL)
    {
      g_autofree char *reason = escape_printf ("%s", analysis->placement_reason);

      summary_text (s, reason, 9, 2);
    }

  g_string_append_printf (numbers, _("Material %.0f × %.0f mm"),
                                      analysis->material_w_mm, analysis->material_h_mm);
  if (analysis->scale > 0 && fabs (analysis->scale - 1) > 1e-6)
    g_string_append_printf (numbers, _(" (artwork at 1:%.0f)"), 1 / analysis->scale);
  g_string_append (numbers, " · ");
  g_string_append_printf (numbers, _("viewers’ eyes %.0f–%.0f mm above the floor at %.1f m"),
                                      p->eye_min_mm, p->eye_max_mm, p->distance_m);
  if (p->table_height_mm > 0)
    {
      g_string_append (numbers, " · ");
      g_string_append_printf (numbers, _("table %.0f mm high, %.0f mm in front"),
                                          p->table_height_mm, p->table_gap_mm);
    }
  if (p->hidden_bottom_mm > 0 || p->hidden_top_mm > 0)
    {
      g_string_append (numbers, " · ");
      g_string_append_printf (numbers, _("never seen: %.0f mm at the bottom, %.0f mm at the top"),
                                          p->hidden_bottom_mm, p->hidden_top_mm);
    }
  if (p->visible_top_fraction < 1)
    {
      g_string_append (numbers, " · ");
      g_string_append_printf (numbers, _("only the top %.0f %% shows"),
                                          p->visible_top_fraction * 100);
    }
  line = (g_free (line), g_markup_escape_text (numbers->str, -1));
  summary_text (s, line, 9, 4);
}

/* The key to the overlay's colours, line styles and letters: here, not
 * on the artwork, where it would hide a logo or a website. */
static void
summary_legend (Summary       *s,
                EylFileResult *result)
{
  double width = SUMMARY_W - 2 * SUMMARY_MARGIN, w = 0, h = 0;

  eyl_overlay_paint_legend (NULL, (EylPageAnalysis *const *) result->pages->pdata, result->pages->len,
                            EYL_OVERLAY_PRINT, width, &w, &h);
  if (h <= 0)
    return;
  if (s->y + h > SUMMARY_H - SUMMARY_MARGIN)
    summary_page (s);
  cairo_save (s->cr);
  cairo_translate (s->cr, SUMMARY_MARGIN, s->y);
  eyl_overlay_paint_legend (s->cr, (EylPageAnalysis *const *) result->pages->pdata, result->pages->len,
                            EYL_OVERLAY_PRINT, width, NULL, NULL);
  cairo_restore (s->cr);
  s->y += h + 10;
}

static void
summary_write (Summary         *s,
               PopplerDocument *doc,
               EylFileResult   *result,
               GPtrArray       *recordings,
               const char      *display_name)
{
  g_autofree char *title = NULL;
  g_autofree char *sub = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* ISO 8601: "12/06/26" is a different day in Boston and in Berlin, and
   * a sign-off sheet travels. */
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");

  summary_page (s);
  title = escape_printf (_("<b>Eyeline check</b> — %s"), display_name);
  summary_text (s, title, 16, 4);
  sub = escape_printf (g_dngettext (GETTEXT_PACKAGE,
                                    "%u page · checked on %s · Eyeline %s",
                                    "%u pages · checked on %s · Eyeline %s",
                                    result->n_pages),
                       result->n_pages, date, PACKAGE_VERSION);
  summary_text (s, sub, 9, 6);
  summary_text (s, _("The numbered markers on the pages before this one match the numbers below. "
                     "The hatched areas are hidden from the viewers; the band is eye level."),
                      9, 10);
  summary_legend (s, result);

  for (guint i = 0; i < result->pages->len; i++)
    {
      EylPageAnalysis *analysis = g_ptr_array_index (result->pages, i);
      cairo_surface_t *page = analysis->index < recordings->len
                                  ? g_ptr_array_index (recordings, analysis->index)
                                  : NULL;
      cairo_surface_t *again = NULL;
      g_autofree char *heading = NULL;
      g_autofree char *score = NULL;
      double           w = analysis->page_w_pt, h = analysis->page_h_pt;

      /* Pages beyond the ones kept are recorded again for their crops:
       * a catalogue is never held in memory whole. */
      if (page == NULL && analysis->findings->len > 0)
        {
          g_autoptr(PopplerPage) pp = poppler_document_get_page (doc, (int) analysis->index);
          double pw = 0, ph = 0;

          if (pp != NULL)
            poppler_page_get_size (pp, &pw, &ph);
          if (pw >= 1 && ph >= 1)
            {
              eyl_progress_report (EYL_WORKER_STAGE_EXPORT, analysis->index + 1, result->n_pages);
              page = again = record_page (pp, pw, ph);
            }
        }

      if (page != NULL)
        {
          cairo_rectangle_t extents;

          if (cairo_recording_surface_get_extents (page, &extents))
            {
              w = extents.width;
              h = extents.height;
            }
        }

      if (result->n_pages > 1)
        {
          heading = escape_printf (_("<b>Page %u</b>"), analysis->index + 1);
          s->y += 6;
          summary_text (s, heading, 12, 4);
        }
      summary_placement (s, analysis);
      {
        /* A pack: its panels and barcodes (eyl-packaging.c). */
        g_auto(GStrv) pack = eyl_packaging_summary_lines (analysis->packaging);

        for (guint k = 0; pack != NULL && pack[k] != NULL; k++)
          {
            g_autofree char *line = escape_printf ("%s", pack[k]);

            summary_text (s, line, 9, pack[k + 1] == NULL ? 4 : 2);
          }
      }
      score = escape_printf (_("<b>Customer focus:</b> %d / 100"), analysis->customer_focus);
      summary_text (s, score, 10, 2);
      {
        g_auto(GStrv) parts = eyl_score_breakdown_lines (analysis->score_breakdown);

        for (guint k = 0; parts != NULL && parts[k] != NULL; k++)
          {
            g_autofree char *line = escape_printf ("• %s", parts[k]);

            summary_text (s, line, 8, parts[k + 1] == NULL ? 8 : 1);
          }
      }
      /* A strip for the first pages only: a catalogue is not walked up to. */
      summary_walkup (s, analysis, analysis->index < MAX_KEPT_RECORDINGS ? page : NULL);

      if (analysis->findings->len == 0)
        summary_text (s, _("No findings on this page."), 9, 8);
      for (guint k = 0; k < analysis->findings->len; k++)
        summary_finding (s, g_ptr_array_index (analysis->findings, k), k + 1, page, w, h);
      g_clear_pointer (&again, cairo_surface_destroy);
    }

  if (result->warnings->len > 0)
    {
      s->y += 6;
      summary_text (s, _("<b>Warnings</b>"), 10, 2);
      for (guint i = 0; i < result->warnings->len; i++)
        {
          g_autofree char *line = escape_printf ("• %s",
                                                 (const char *) g_ptr_array_index (result->warnings, i));

          summary_text (s, line, 9, 2);
        }
    }

  (void) doc;
  cairo_show_page (s->cr);
  g_clear_pointer (&s->cr, cairo_destroy);
}

/* Cairo writes every page in plain points: a page with /UserUnit (a 381 m
 * backdrop drawn at 1:75) would come out at 5.08 m.  The input's units
 * are given back to the output's pages (ISO 32000-1, Table 30) through
 * libqpdf, written beside the output and renamed over it.  @units: one
 * double per output page (the summary pages after them keep 1). */
static gboolean
set_user_units (const char *dir,
                const char *name,
                GArray     *units,
                GError    **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *tmp_name = g_strconcat (".", name, ".units", NULL);
  g_autofree char *tmp = g_build_filename (dir, tmp_name, NULL);
  qpdf_data        qpdf = qpdf_init ();
  gboolean         ok = FALSE;
  int              fd;

  qpdf_silence_errors (qpdf);
  qpdf_set_suppress_warnings (qpdf, QPDF_TRUE);
  if ((qpdf_read (qpdf, path, NULL) & QPDF_ERRORS) == 0)
    {
      int n = qpdf_get_num_pages (qpdf);

      for (int i = 0; i < n && (guint) i < units->len; i++)
        {
          double unit = g_array_index (units, double, i);

          if (unit != 1.0)
            qpdf_oh_replace_key (qpdf, qpdf_get_page_n (qpdf, (size_t) i), "/UserUnit",
                                 qpdf_oh_new_real_from_double (qpdf, unit, 6));
        }
      ok = !qpdf_has_error (qpdf) &&
           (qpdf_init_write (qpdf, tmp) & QPDF_ERRORS) == 0 &&
           (qpdf_write (qpdf) & QPDF_ERRORS) == 0;
    }
  qpdf_cleanup (&qpdf);

  /* On disk before it replaces the output, as sink_close() does. */
  if (ok && ((fd = g_open (tmp, O_RDONLY | O_CLOEXEC, 0)) < 0 || fsync (fd) != 0 ||
             close (fd) != 0))
    ok = FALSE;
  if (ok && g_rename (tmp, path) == 0)
    return TRUE;

  g_unlink (tmp);
  g_set_error (error, EYL_ERROR, EYL_ERROR_OUTPUT,
               _("Could not write “%s”: the pages’ unit of length (/UserUnit) could not be set"),
                  name);
  return FALSE;
}

/* The /UserUnit of each page of @path that write_overlay_pdf() draws (an
 * unusable page has no page in the output), or NULL when every page has 1. */
static GArray *
input_user_units (PopplerDocument *doc,
                  const char      *path,
                  const char      *password)
{
  int n_pages = poppler_document_get_n_pages (doc);
  g_autoptr(EylPdfBoxReader) reader = eyl_pdf_box_reader_open (path, password, NULL);
  g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean any = FALSE;

  if (reader == NULL)
    return NULL;
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      EylPageBoxes boxes = { .user_unit = 1.0 };
      double       unit, w = 0, h = 0;

      if (page != NULL)
        poppler_page_get_size (page, &w, &h);
      if (page == NULL || !(w >= 1 && h >= 1))
        continue;
      eyl_pdf_box_reader_get_boxes (reader, (guint) i, &boxes);
      unit = boxes.user_unit > 0 ? boxes.user_unit : 1.0;
      any |= unit != 1.0;
      g_array_append_val (units, unit);
    }
  return any ? g_steal_pointer (&units) : NULL;
}

static gboolean
write_overlay_pdf (PopplerDocument *doc,
                   EylFileResult   *result,
                   const char      *dir,
                   const char      *name,
                   const char      *display_name,
                   GError         **error)
{
  g_autoptr(GPtrArray) recordings = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  g_autofree char *title = NULL;
  g_autofree char *subject = NULL;
  cairo_surface_t *surface;
  cairo_status_t   status;
  Summary          summary = { 0 };
  EylExportSink    sink;
  guint            n_findings = 0;
  guint            n_kept = 0;
  int              n_pages = poppler_document_get_n_pages (doc);

  if (!eyl_export_sink_open (&sink, dir, name, error))
    return FALSE;

  surface = cairo_pdf_surface_create_for_stream (eyl_export_sink_write, &sink, SUMMARY_W, SUMMARY_H);
  /* Translators: the title of an exported PDF; %s is the checked file. */
  title = g_strdup_printf (_("%s — Eyeline check"), display_name);
  for (guint i = 0; i < result->pages->len; i++)
    n_findings += ((EylPageAnalysis *) g_ptr_array_index (result->pages, i))->findings->len;
  subject = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Customer-focus check: %u finding",
                                          "Customer-focus check: %u findings",
                                          n_findings),
                             n_findings);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Eyeline " PACKAGE_VERSION);

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      EylPageAnalysis *analysis = find_analysis (result, (guint) i);
      cairo_surface_t *recording;
      double           w = 0, h = 0;
      cairo_t         *cr;

      eyl_progress_report (EYL_WORKER_STAGE_EXPORT, (guint) i + 1, (guint) n_pages);
      if (page != NULL)
        poppler_page_get_size (page, &w, &h);
      if (page == NULL || !(w >= 1 && h >= 1))
        {
          /* An unusable page (0 × 0 pt) has nothing to draw: keep the
           * numbering of the others. */
          g_ptr_array_add (recordings, NULL);
          continue;
        }

      recording = record_page (page, w, h);
      g_ptr_array_add (recordings, recording);

      cairo_pdf_surface_set_size (surface, w, h);
      cr = cairo_create (surface);
      cairo_set_source_surface (cr, recording, 0, 0);
      cairo_paint (cr);
      if (analysis != NULL)
        {
          EylOverlayOptions options;

          g_autoptr(EylRaster) artwork = NULL;

          eyl_overlay_options_init (&options);
          options.layers = EYL_OVERLAY_PRINT;
          options.px_per_pt = eyl_overlay_print_px_per_pt (analysis);
          /* The page's pixels, coarse: the labels keep off its ink. */
          {
            cairo_t *acr;

            artwork = eyl_raster_new (&(EylRect) { 0, 0, w, h }, MIN (2.0, sqrt (ARTWORK_PIXELS / (w * h))));
            acr = eyl_raster_create_context (artwork);
            cairo_set_source_surface (acr, recording, 0, 0);
            cairo_paint (acr);
            cairo_destroy (acr);
            cairo_surface_flush (eyl_raster_get_surface (artwork));
          }
          options.artwork = artwork;
          eyl_overlay_paint (cr, analysis, &options);
        }
      cairo_show_page (cr);
      cairo_destroy (cr);

      /* The recording is kept for the crops only when there are any,
       * and only for the first few such pages (see summary_write). */
      if (analysis == NULL || analysis->findings->len == 0 || n_kept >= MAX_KEPT_RECORDINGS)
        g_clear_pointer (&g_ptr_array_index (recordings, recordings->len - 1),
                         cairo_surface_destroy);
      else
        n_kept++;
    }

  summary.surface = surface;
  summary_write (&summary, doc, result, recordings, display_name);

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return sink_finish (&sink, status, error);
}

/* ---------------------------------------------------------------------- */
/* Annotations mode */

static guint
count_annots (PopplerPage *page)
{
  GList *mapping = poppler_page_get_annot_mapping (page);
  guint  n = g_list_length (mapping);

  poppler_page_free_annot_mapping (mapping);
  return n;
}

/* Does the end of @fd (of @size bytes) look like the end Poppler writes:
 * "startxref", an offset inside the file, "%%EOF"?  The bytes before it
 * may be binary (a cross-reference stream): no string functions. */
static gboolean
ends_like_pdf (int     fd,
               goffset size)
{
  static const char keyword[] = "startxref";
  char              tail[1024];
  gsize             want = (gsize) MIN (size, (goffset) sizeof tail);
  gsize             len, at;
  guint64           offset = 0;
  gboolean          digits = FALSE;

  if (pread (fd, tail, want, size - (goffset) want) != (gssize) want)
    return FALSE;
  len = want;
  while (len > 0 && g_ascii_isspace (tail[len - 1]))
    len--;
  if (len < 5 || memcmp (tail + len - 5, "%%EOF", 5) != 0)
    return FALSE;

  /* the last "startxref" */
  for (at = len - 5; at > 0; at--)
    if (at - 1 + strlen (keyword) <= len && memcmp (tail + at - 1, keyword, strlen (keyword)) == 0)
      break;
  if (at == 0)
    return FALSE;
  for (at = at - 1 + strlen (keyword); at < len && g_ascii_isspace (tail[at]); at++)
    ;
  for (; at < len && g_ascii_isdigit (tail[at]) && offset < (guint64) G_MAXINT64 / 10; at++)
    {
      offset = offset * 10 + (guint64) (tail[at] - '0');
      digits = TRUE;
    }
  return digits && offset > 0 && (goffset) offset < size;
}

/* Poppler's save reports neither a short write nor a full disk: what it
 * wrote is read back before it may be published.  Without comments to add
 * Poppler copies the original: the copy has its size.  With comments, the
 * file (the original and an incremental update, or a rewrite of a file it
 * had to repair) ends with Poppler's own cross-reference offset and
 * %%EOF, opens, and has the pages and every comment added. */
static gboolean
verify_annotated (const char *path,
                  const char *name,
                  const char *input_path,
                  const char *password,
                  int         n_pages,
                  GArray     *expected,
                  GError    **error)
{
  g_autoptr(PopplerDocument) reread = NULL;
  g_autofree char *uri = NULL;
  GStatBuf         in_st, st;
  gboolean         complete;
  int              fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return eyl_export_output_error (error, name, errno);
  if (fstat (fd, &st) != 0 || fsync (fd) != 0)
    {
      int err = errno;

      close (fd);
      return eyl_export_output_error (error, name, err);
    }
  if (expected->len == 0)
    complete = g_stat (input_path, &in_st) == 0 && st.st_size == in_st.st_size;
  else
    complete = st.st_size > 0 && ends_like_pdf (fd, st.st_size);
  close (fd);

  if (!complete)
    {
      g_set_error (error, EYL_ERROR, EYL_ERROR_OUTPUT,
                   _("Could not write “%s”: the file written is incomplete (is the disk full?)"),
                      name);
      return FALSE;
    }

  uri = g_filename_to_uri (path, NULL, NULL);
  reread = uri != NULL ? poppler_document_new_from_file (uri, password, NULL) : NULL;
  complete = reread != NULL && poppler_document_get_n_pages (reread) == n_pages;
  for (guint i = 0; complete && i < expected->len; i += 2)
    {
      guint index = g_array_index (expected, guint, i);
      g_autoptr(PopplerPage) page = poppler_document_get_page (reread, (int) index);

      complete = page != NULL && count_annots (page) == g_array_index (expected, guint, i + 1);
    }
  /* A damaged original (no cross-reference table, say) that Poppler
   * rebuilt can take an update that no reader finds the comments in. */
  if (!complete)
    {
      g_set_error (error, EYL_ERROR, EYL_ERROR_OUTPUT,
                   _("Could not write “%s”: the file written does not open with its pages and "
                     "comments (the original may be too damaged to add comments to)"),
                      name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_annotations (PopplerDocument *doc,
                   EylFileResult   *result,
                   const char      *input_path,
                   const char      *password,
                   const char      *dir,
                   const char      *name,
                   GError         **error)
{
  g_autofree char *relative = g_build_filename (dir, name, NULL);
  /* Poppler saves to a URI, and a URI is absolute: the folder may have
   * been given relative ("-o ."). */
  g_autofree char *path = g_canonicalize_filename (relative, NULL);
  g_autofree char *uri = NULL;
  g_autoptr(GError) local_error = NULL;
  /* pairs: page index, comments it should have after the save */
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < result->pages->len; i++)
    {
      EylPageAnalysis *analysis = g_ptr_array_index (result->pages, i);
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, (int) analysis->index);
      guint  n_annots;
      double w, h;

      eyl_progress_report (EYL_WORKER_STAGE_EXPORT, analysis->index + 1, result->n_pages);
      if (page == NULL)
        continue;
      poppler_page_get_size (page, &w, &h);
      if (analysis->findings->len == 0)
        continue;
      n_annots = count_annots (page);

      for (guint k = 0; k < analysis->findings->len; k++)
        {
          EylFinding *finding = g_ptr_array_index (analysis->findings, k);
          g_autoptr(PopplerAnnot) annot = NULL;
          g_autofree char *contents = NULL;
          PopplerRectangle rect;
          PopplerColor     color;
          double           rgba[4];

          if (eyl_rect_is_empty (&finding->box))
            {
              /* A page-wide finding: a note in the top-left corner. */
              double size = MIN (24, MIN (w, h) / 4);

              rect = (PopplerRectangle) { 4, h - 4 - size, 4 + size, h - 4 };
              annot = poppler_annot_text_new (doc, &rect);
              poppler_annot_text_set_icon (POPPLER_ANNOT_TEXT (annot), POPPLER_ANNOT_TEXT_ICON_NOTE);
            }
          else
            {
              /* Page space has y down from the top of the visible page;
               * Poppler's annotation rectangles have y up. */
              rect = (PopplerRectangle) {
                finding->box.x0,
                h - finding->box.y1,
                finding->box.x1,
                h - finding->box.y0,
              };
              annot = poppler_annot_square_new (doc, &rect);
            }

          /* Translators: the text of a PDF comment: number, severity,
           * the finding, then "Fix:" and the fix. */
          contents = g_strdup_printf (_("%u. %s: %s\nFix: %s"), k + 1,
                                         eyl_overlay_severity_label (finding->severity),
                                         finding->message != NULL ? finding->message : finding->rule,
                                         finding->fix != NULL ? finding->fix : "");
          poppler_annot_set_contents (annot, contents);
          poppler_annot_markup_set_label (POPPLER_ANNOT_MARKUP (annot), "Eyeline");
          eyl_overlay_severity_color (finding->severity, rgba);
          color.red = (guint16) (rgba[0] * 65535);
          color.green = (guint16) (rgba[1] * 65535);
          color.blue = (guint16) (rgba[2] * 65535);
          poppler_annot_set_color (annot, &color);
          poppler_page_add_annot (page, annot);
        }
      n_annots += analysis->findings->len;
      g_array_append_val (expected, analysis->index);
      g_array_append_val (expected, n_annots);
    }

  /* Poppler saves a modified document as the original bytes plus an
   * incremental update: the content is not rewritten. */
  uri = g_filename_to_uri (path, NULL, &local_error);
  if (uri == NULL || !poppler_document_save (doc, uri, &local_error))
    {
      g_set_error (error, EYL_ERROR, EYL_ERROR_OUTPUT, _("Could not write “%s”: %s"), name, local_error != NULL ? local_error->message : _("unknown error"));
      return FALSE;
    }
  return verify_annotated (path, name, input_path, password,
                           poppler_document_get_n_pages (doc), expected, error);
}

/* ---------------------------------------------------------------------- */
/* PNG mode */

/* Writes @surface (taken; NULL: nothing to write) as the PNG @name in
 * @dir, published only when complete. */
static gboolean
write_surface_png (cairo_surface_t *surface,
                   const char      *dir,
                   const char      *name,
                   GError         **error)
{
  cairo_status_t status;
  EylExportSink  sink;

  if (surface == NULL)
    return TRUE;
  if (!eyl_export_sink_open (&sink, dir, name, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  status = cairo_surface_write_to_png_stream (surface, eyl_export_sink_write, &sink);
  cairo_surface_destroy (surface);
  return sink_finish (&sink, status, error);
}

static gboolean
write_png (PopplerPage     *page,
           EylPageAnalysis *analysis,
           const char      *dir,
           const char      *name,
           GError         **error)
{
  EylOverlayOptions options;
  cairo_surface_t  *surface;
  cairo_t          *cr;
  double            w, h, px;
  int               width, height;

  poppler_page_get_size (page, &w, &h);
  if (!(w >= 1 && h >= 1))
    return TRUE;
  px = PNG_LONG_SIDE_PX / MAX (w, h);
  if (w * h * px * px > PNG_MAX_PIXELS)
    px = sqrt (PNG_MAX_PIXELS / (w * h));
  width = MAX (1, (int) lround (w * px));
  height = MAX (1, (int) lround (h * px));

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, px, px);
  poppler_page_render (page, cr);
  eyl_overlay_options_init (&options);
  options.layers = EYL_OVERLAY_PRINT;
  options.px_per_pt = px;
  eyl_overlay_paint (cr, analysis, &options);
  cairo_destroy (cr);

  return write_surface_png (surface, dir, name, error);
}

/* ---------------------------------------------------------------------- */
/* Walk-up mode */

static gboolean
write_walkup (PopplerPage     *page,
              EylPageAnalysis *analysis,
              const char      *dir,
              const char      *name,
              GError         **error)
{
  return write_surface_png (walkup_strip_for (analysis, page, NULL, WALKUP_HEIGHT_PX), dir, name,
                            error);
}

/* ---------------------------------------------------------------------- */
/* Colour-vision mode */

/* The visible page as people with typical colour vision, protanopia,
 * deuteranopia and tritanopia see it, side by side and labelled, each
 * CVD_HEIGHT_PX high.  NULL when the page has no visible area. */
static cairo_surface_t *
cvd_strip (PopplerPage     *page,
           EylPageAnalysis *analysis)
{
  const EylRect   *v = &analysis->frame.visible;
  double           vw = v->x1 - v->x0, vh = v->y1 - v->y0, px;
  int              w, h, strip_w, strip_h;
  cairo_surface_t *artwork, *strip;
  cairo_t         *cr;

  if (!(vw >= 1 && vh >= 1))
    return NULL;
  px = CVD_HEIGHT_PX / vh;
  if (vw * px > CVD_MAX_WIDTH_PX)
    px = CVD_MAX_WIDTH_PX / vw;
  w = MAX (1, (int) lround (vw * px));
  h = MAX (1, (int) lround (vh * px));
  artwork = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cr = cairo_create (artwork);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, px, px);
  cairo_translate (cr, -v->x0, -v->y0);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (artwork);

  strip_w = 4 * w + 5 * CVD_PAD_PX;
  strip_h = h + CVD_LABEL_PX + 2 * CVD_PAD_PX;
  strip = cairo_image_surface_create (CAIRO_FORMAT_RGB24, strip_w, strip_h);
  cr = cairo_create (strip);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  for (int i = 0; i < 4; i++)
    {
      cairo_surface_t      *view = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
      cairo_t              *vc = cairo_create (view);
      PangoLayout          *layout;
      PangoFontDescription *font;
      /* TRANSLATORS: under the first view of the colour-vision export */
      g_autofree char *label = g_strdup (i == 0 ? _("Typical colour vision")
                                                : eyl_cvd_people (i - 1));
      double           x = CVD_PAD_PX + i * (w + CVD_PAD_PX);

      /* "people with protanopia …" begins a caption here. */
      if (g_unichar_islower (g_utf8_get_char (label)))
        {
          g_autofree char *rest = g_strdup (g_utf8_next_char (label));
          char             first[8] = { 0 };

          g_unichar_to_utf8 (g_unichar_totitle (g_utf8_get_char (label)), first);
          g_free (label);
          label = g_strconcat (first, rest, NULL);
        }
      cairo_set_source_surface (vc, artwork, 0, 0);
      cairo_paint (vc);
      cairo_destroy (vc);
      if (i > 0)
        eyl_cvd_simulate_surface (i - 1, view);
      cairo_set_source_surface (cr, view, x, CVD_PAD_PX);
      cairo_paint (cr);
      cairo_surface_destroy (view);

      layout = pango_cairo_create_layout (cr);
      font = pango_font_description_from_string ("Sans 11");
      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
      pango_layout_set_width (layout, w * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_text (layout, label, -1);
      cairo_set_source_rgb (cr, 0.15, 0.15, 0.15);
      cairo_move_to (cr, x, CVD_PAD_PX + h + 6);
      pango_cairo_show_layout (cr, layout);
      g_object_unref (layout);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (artwork);
  return strip;
}

/* The predicted attention (model) of what the median visitor sees,
 * over the visible page paled, the first fixations numbered. */
static gboolean
write_attention (PopplerPage     *page,
                 EylPageAnalysis *analysis,
                 const char      *dir,
                 const char      *name,
                 GError         **error)
{
  if (analysis->placement == NULL)
    return TRUE;
  return write_surface_png (eyl_attention_heatmap_for_page (page, &analysis->frame,
                                                            analysis->placement,
                                                            ATTENTION_LONG_SIDE_PX),
                            dir, name, error);
}

static gboolean
write_cvd (PopplerPage     *page,
           EylPageAnalysis *analysis,
           const char      *dir,
           const char      *name,
           GError         **error)
{
  return write_surface_png (cvd_strip (page, analysis), dir, name, error);
}

/* ---------------------------------------------------------------------- */

gboolean
eyl_export_write (EylExportMode  mode,
                  const char    *path,
                  const char    *password,
                  EylFileResult *result,
                  const char    *dir,
                  GPtrArray     *names,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(EylDocument) document = NULL;
  g_autofree char *display_name = NULL;
  PopplerDocument *doc;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (result != NULL && result->ok, FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (names != NULL, FALSE);

  if (mode == EYL_EXPORT_NONE)
    return TRUE;

  document = eyl_document_open (path, password, cancellable, error);
  if (document == NULL)
    return FALSE;
  doc = eyl_document_get_poppler (document);
  display_name = g_filename_display_basename (path);

  switch (mode)
    {
    case EYL_EXPORT_OVERLAY:
      {
        g_autofree char *name = eyl_export_output_name (path, mode, 0, 0);

        g_autoptr(GArray) units = NULL;

        if (!write_overlay_pdf (doc, result, dir, name, display_name, error))
          return FALSE;
        units = input_user_units (doc, path, password);
        if (units != NULL && !set_user_units (dir, name, units, error))
          return FALSE;
        g_ptr_array_add (names, g_steal_pointer (&name));
        return TRUE;
      }

    case EYL_EXPORT_ANNOTATIONS:
      {
        g_autofree char *name = eyl_export_output_name (path, mode, 0, 0);

        if (!write_annotations (doc, result, path, password, dir, name, error))
          return FALSE;
        g_ptr_array_add (names, g_steal_pointer (&name));
        return TRUE;
      }

    case EYL_EXPORT_PNG:
    case EYL_EXPORT_WALKUP:
    case EYL_EXPORT_CVD:
    case EYL_EXPORT_ATTENTION:
      for (guint i = 0; i < result->pages->len; i++)
        {
          EylPageAnalysis *analysis = g_ptr_array_index (result->pages, i);
          g_autoptr(PopplerPage) page = poppler_document_get_page (doc, (int) analysis->index);
          g_autofree char *name = NULL;

          eyl_progress_report (EYL_WORKER_STAGE_EXPORT, analysis->index + 1, result->n_pages);
          if (page == NULL)
            continue;
          name = eyl_export_output_name (path, mode, analysis->index + 1, result->n_pages);
          if (!(mode == EYL_EXPORT_WALKUP ? write_walkup (page, analysis, dir, name, error)
                : mode == EYL_EXPORT_CVD  ? write_cvd (page, analysis, dir, name, error)
                : mode == EYL_EXPORT_ATTENTION
                    ? write_attention (page, analysis, dir, name, error)
                    : write_png (page, analysis, dir, name, error)))
            return FALSE;
          g_ptr_array_add (names, g_steal_pointer (&name));
        }
      return TRUE;

    case EYL_EXPORT_NONE:
    default:
      return TRUE;
    }
}
