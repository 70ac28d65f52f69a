/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-read"

#include <glib/gi18n.h>
#include <math.h>

#include "eyl-read.h"
#include "eyl-cap-heights.h"
#include "eyl-error.h"
#include "eyl-stage.h"
#include "eyl-packaging.h"
#include "eyl-detect.h"
#include "eyl-detect-pixels.h"
#include "eyl-detect-private.h"

/* Pages of a document looked at as a pack's sheet (its dieline). */
#define PACKAGING_MAX_PAGE 24

/* Pages whose text layer is kept for matching other brand names in the
 * Evaluate stage; a later page is read again when the kit's names
 * change (a long document's text layers would weigh on the window). */
#define TEXT_LAYER_MAX_PAGE 32

/* The page drawn once by Poppler into a Cairo recording at the analysis
 * raster's scale, in its pixels (the visible area's top left at 0, 0):
 * the analysis raster and the finer bands the cap heights need are
 * replays of it, so the page costs one Poppler pass (which decodes and
 * colour-converts every image of the page whatever its clip: 0.4 s a
 * pass on a poster with 40 Mpx of photographs). */
typedef struct
{
  cairo_surface_t *surface;
  EylRect          origin; /* the analysis raster's area */
  double           scale;  /* px per pt */
} PageRecording;

static void
page_recording_clear (PageRecording *self)
{
  g_clear_pointer (&self->surface, cairo_surface_destroy);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PageRecording, page_recording_clear)

/* Records @origin of @page, and the lines of its text outside it (a
 * slug's, whose cap heights are measured too), with @renderer's draw
 * function; FALSE (and nothing kept) when it has none or Cairo cannot. */
static gboolean
record_page (PageRecording     *self,
             const EylRenderer *renderer,
             const EylPageData *page,
             const EylRect     *origin,
             double             scale)
{
  g_autoptr(GError) error = NULL;
  EylRect           page_rect = { 0, 0, page->width, page->height };
  cairo_rectangle_t extents;
  cairo_t          *cr;
  gboolean          ok;

  if (renderer->draw == NULL)
    return FALSE;
  extents.x = floor ((page_rect.x0 - origin->x0) * scale);
  extents.y = floor ((page_rect.y0 - origin->y0) * scale);
  extents.width = MAX (ceil ((page_rect.x1 - origin->x0) * scale) - extents.x, 1);
  extents.height = MAX (ceil ((page_rect.y1 - origin->y0) * scale) - extents.y, 1);
  self->surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  self->origin = *origin;
  self->scale = scale;

  cr = cairo_create (self->surface);
  /* The white paper a raster starts with, so that a replay composites
   * every operation on what a render composites it on. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -origin->x0, -origin->y0);
  /* The clip a render of @origin has, so that the analysis raster is a
   * copy of the recording's pixels bit for bit what that render gives
   * (at its edges too). */
  cairo_rectangle (cr, origin->x0, origin->y0, eyl_rect_width (origin), eyl_rect_height (origin));
  for (guint i = 0; page->lines != NULL && i < page->lines->len; i++)
    {
      EylRect box = g_array_index (page->lines, EylTextLine, i).box;
      double  pad = MAX (2.0, 0.5 * eyl_rect_height (&box));

      /* With the margin of its band (eyl-cap-heights.c). */
      box = (EylRect) { box.x0 - pad, box.y0 - pad, box.x1 + pad, box.y1 + pad };
      if (box.x0 >= origin->x0 && box.y0 >= origin->y0 && box.x1 <= origin->x1 && box.y1 <= origin->y1)
        continue;
      if (eyl_rect_intersect (&box, &page_rect, &box))
        cairo_rectangle (cr, box.x0, box.y0, eyl_rect_width (&box), eyl_rect_height (&box));
    }
  cairo_clip (cr);
  ok = renderer->draw (cr, renderer->user_data, &error) && cairo_status (cr) == CAIRO_STATUS_SUCCESS &&
       cairo_surface_status (self->surface) == CAIRO_STATUS_SUCCESS;
  cairo_destroy (cr);
  if (!ok)
    {
      g_debug ("no recording of the page at %.3f px/pt: %s", scale,
               error != NULL ? error->message : cairo_status_to_string (cairo_surface_status (self->surface)));
      page_recording_clear (self);
    }
  return ok;
}

/* @area at @scale replayed from the recording (an EylRenderFunc): at the
 * recorded scale on its pixel grid, what a render of it gives; finer, the
 * page's vectors (its letters) drawn again at that scale. */
static EylRaster *
replay_region (const EylRect *area,
               double         scale,
               gpointer       user_data,
               GError       **error)
{
  g_auto(EylStageScope) stage = eyl_stage_scope (EYL_STAGE_RENDER);
  const PageRecording *self = user_data;
  g_autoptr(EylRaster) raster = eyl_raster_new (area, scale);
  double         dx = (self->origin.x0 - area->x0) * raster->scale;
  double         dy = (self->origin.y0 - area->y0) * raster->scale;
  cairo_t       *cr;
  cairo_status_t status;

  if (raster->scale == self->scale && fabs (dx - round (dx)) < 1e-6 && fabs (dy - round (dy)) < 1e-6)
    {
      /* On the recording's pixel grid: its pixels copied as they are. */
      cr = cairo_create (eyl_raster_get_surface (raster));
      cairo_set_source_surface (cr, self->surface, round (dx), round (dy));
    }
  else
    {
      cr = eyl_raster_create_context (raster);
      cairo_rectangle (cr, area->x0, area->y0, eyl_rect_width (area), eyl_rect_height (area));
      cairo_clip (cr);
      cairo_translate (cr, self->origin.x0, self->origin.y0);
      cairo_scale (cr, 1 / self->scale, 1 / self->scale);
      cairo_set_source_surface (cr, self->surface, 0, 0);
    }
  cairo_paint (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, EYL_ERROR, status == CAIRO_STATUS_NO_MEMORY ? EYL_ERROR_MEMORY : EYL_ERROR_PAGE,
                   "%s", cairo_status_to_string (status));
      return NULL;
    }
  cairo_surface_flush (eyl_raster_get_surface (raster));
  return g_steal_pointer (&raster);
}

/* A recording holds every image Poppler draws into it at the image's
 * own pixel size, 4 bytes a pixel, until it is freed: a page whose images
 * hold more than this (64 MB, what a render may hold of one image: see
 * IMAGE_BUDGET_PX in eyl-document.c) or whose images' sizes are not
 * known is rendered, not recorded.  poster-rdmo-escience (25 Mpx of
 * photographs and their masks) took the worker from 186 to 306 MB
 * recorded, and its check was no faster. */
#define RECORD_IMAGE_PX (16.0 * 1000 * 1000)

/* Whether @page's images fit RECORD_IMAGE_PX. */
static gboolean
images_fit_recording (const EylPageData *page)
{
  double pixels = 0;

  for (guint i = 0; page->images != NULL && i < page->images->len; i++)
    {
      const EylImageInfo *image = &g_array_index (page->images, EylImageInfo, i);

      if (image->width_px <= 0 || image->height_px <= 0)
        return FALSE;
      pixels += (double) image->width_px * image->height_px;
    }
  return pixels <= RECORD_IMAGE_PX;
}

/* The visible page rendered once at @renderer's resolution on the
 * material, replayed from @recording when the renderer can draw the page
 * into one (@recording left empty otherwise); NULL (with a warning) when
 * it cannot be rendered. */
static EylRaster *
render_analysis_raster (EylPageRead       *self,
                        const EylPageData *page,
                        const EylRenderer *renderer,
                        PageRecording     *recording)
{
  g_autoptr(GError) error = NULL;
  EylRaster *raster = NULL;
  double     w_pt = eyl_rect_width (&self->visible);
  double     h_pt = eyl_rect_height (&self->visible);
  double     mm_per_pt, scale;

  mm_per_pt = MAX (w_pt > 0 ? self->material_w_mm / w_pt : 0,
                   h_pt > 0 ? self->material_h_mm / h_pt : 0);
  if (!(mm_per_pt > 0) || !isfinite (mm_per_pt))
    mm_per_pt = 25.4 / 72.0;
  scale = (renderer->px_per_mm > 0 ? renderer->px_per_mm : 1.0) * mm_per_pt;
  if (renderer->min_pixels > 0)
    {
      double area_pt = w_pt * h_pt;
      double pixels = area_pt * scale * scale;

      if (area_pt > 0 && pixels < renderer->min_pixels)
        scale *= sqrt (renderer->min_pixels / pixels);
    }

  /* Recorded when the cap heights would need two band renders or more:
   * a recording and its replay cost about one pass more than a render
   * (backdrop-mobileera-photowall: 0.085 -> 0.158 s), the bands of
   * poster-osgeo-gsoc-a0 eight (0.351 -> 0.261 s for the check), and
   * when its images fit RECORD_IMAGE_PX.  Out of memory while recording
   * or replaying: rendered as before, where the renderer counts it. */
  if (!eyl_rect_is_empty (&self->visible) && scale > 0 && isfinite (scale) && page->lines != NULL &&
      renderer->draw != NULL && images_fit_recording (page))
    {
      EylRect page_rect = { 0, 0, page->width, page->height };
      double  fit = eyl_renderer_fit_scale (renderer, &self->visible, scale);

      if (eyl_count_line_height_renders ((const EylGlyph *) (gpointer) page->glyphs->data,
                                         (const EylTextLine *) (gpointer) page->lines->data,
                                         page->lines->len, &page_rect, &self->visible, fit) >= 2)
        record_page (recording, renderer, page, &self->visible, fit);
    }
  if (recording->surface != NULL)
    {
      raster = replay_region (&self->visible, recording->scale, recording, NULL);
      if (raster == NULL || raster->scale != recording->scale)
        {
          g_clear_pointer (&raster, eyl_raster_unref);
          page_recording_clear (recording);
        }
    }
  if (raster == NULL)
    raster = eyl_renderer_render (renderer, &self->visible, scale, &error);
  if (raster == NULL)
    {
      g_ptr_array_add (self->warnings,
                       g_strdup_printf (_("The page could not be rendered, so only its text "
                                          "layer was checked: %s"),
                                           error != NULL ? error->message : "?"));
      return NULL;
    }

  self->raster_w_px = raster->width;
  self->raster_h_px = raster->height;
  self->raster_px_per_mm = raster->scale / mm_per_pt;
  g_debug ("page %u: analysis raster %d × %d px, %.3f px/mm%s", self->index,
           raster->width, raster->height, self->raster_px_per_mm,
           recording->surface != NULL ? ", replayed" : "");
  return raster;
}

/* @page with its lines' cap and x heights measured on @raster (when not
 * NULL) and on finer bands @renderer renders for the lines too small in
 * it: the analysis raster serves the measurement, which needs no render
 * of the page of its own.  A new reference to @page when it has no line
 * to measure or nothing can render them. */
static EylPageData *
measure_lines (EylPageData       *page,
               const EylRaster   *raster,
               const EylRenderer *renderer,
               gboolean           replays)
{
  g_autofree double *caps = NULL, *xs = NULL;
  EylRect            whole = { 0, 0, page->width, page->height };
  guint              n_lines = page->lines != NULL ? page->lines->len : 0;
  gboolean           any = FALSE;

  if (n_lines == 0 || (raster == NULL && (renderer == NULL || renderer->render == NULL)))
    return eyl_page_data_ref (page);
  caps = g_new0 (double, n_lines);
  xs = g_new0 (double, n_lines);
  eyl_measure_line_heights ((const EylGlyph *) (gpointer) page->glyphs->data,
                            (const EylTextLine *) (gpointer) page->lines->data, n_lines,
                            &whole, raster, renderer, replays, NULL, caps, xs);
  for (guint i = 0; i < n_lines && !any; i++)
    any = caps[i] > 0 || xs[i] > 0;
  return any ? eyl_page_data_new_with_line_metrics (page, caps, xs) : eyl_page_data_ref (page);
}

/* A contact that OCR read inside a picture placed on a page whose own text
 * layer gives a way to reach the sender is part of that picture — the
 * address bar of a screenshot, a photographed sign, a poster in a photo —
 * not a line the piece offers its reader: dropped.  A picture that fills
 * most of the page is the artwork itself (a flattened page), and a page
 * whose text layer has no contact keeps what OCR found anywhere. */
static void
drop_contacts_in_pictures (const EylPageData *page,
                           GPtrArray         *elements,
                           guint              n_text)
{
  double   page_area = page->width * page->height;
  gboolean live_contact = FALSE;

  for (guint i = 0; i < n_text && !live_contact; i++)
    {
      const EylElement *e = g_ptr_array_index (elements, i);

      live_contact = eyl_element_kind_is_contact (e->kind) && e->source != EYL_SOURCE_OCR;
    }
  if (!live_contact || page->images == NULL || page_area <= 0)
    return;

  for (guint i = n_text; i < elements->len; i++)
    {
      const EylElement *e = g_ptr_array_index (elements, i);
      gboolean          in_picture = FALSE;

      if (e->source != EYL_SOURCE_OCR || !eyl_element_kind_is_contact (e->kind))
        continue;
      for (guint k = 0; k < page->images->len && !in_picture; k++)
        {
          const EylRect *picture = &g_array_index (page->images, EylImageInfo, k).box;

          in_picture = eyl_rect_width (picture) * eyl_rect_height (picture) < 0.5 * page_area &&
                       eyl_detect_rect_coverage (&e->box, picture) >= 0.5;
        }
      if (in_picture)
        {
          g_debug ("page %u: “%s” read inside a picture, not a contact", page->index, e->text);
          g_ptr_array_remove_index (elements, i--);
        }
    }
}

/* The pixel detectors on the one raster: OCR first (its words help the
 * logo finder tell type from a mark), QR codes, logos; then the contrast
 * of every text element. */
static void
read_pixels (EylPageRead              *self,
             EylPageData              *page,
             const EylRaster          *raster,
             const EylRenderer        *renderer,
             const EylAnalysisOptions *options)
{
  g_autoptr(GPtrArray) pixel_warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EylPageData) words = NULL;
  GPtrArray *elements = self->elements;
  guint      n_text = elements->len;

  if (options->pixels.ocr)
    {
      /* OCR judges the size of letters at the real size. */
      EylPixelOptions pixels = options->pixels;

      if (self->width_pt > 0 && self->material_w_mm > 0)
        pixels.mm_per_pt = self->material_w_mm / self->width_pt;
      eyl_detect_ocr (page, raster, renderer, options->brand_kit, &pixels, elements,
                      pixel_warnings, &words);
      drop_contacts_in_pictures (page, elements, n_text);
    }
  if (options->pixels.qr)
    eyl_detect_qr (page, raster, renderer, elements, pixel_warnings);
  if (options->pixels.logos)
    {
      eyl_detect_logos (page, raster, options->brand_kit, words, elements, pixel_warnings);
      eyl_detect_repeats (raster, elements);
    }

  /* New elements joined the list: number them all again in reading
   * order, as eyl_detect_all does. */
  if (elements->len != n_text)
    eyl_detect_sort_elements (elements, page->index);

  eyl_measure_contrast (page, raster, elements);

  for (guint i = 0; i < pixel_warnings->len; i++)
    g_ptr_array_add (self->warnings, g_strdup (g_ptr_array_index (pixel_warnings, i)));
}

/* Printers ask for 3 mm of bleed a side, some for 5; a page larger than
 * the size the user gave by 2–6 mm a side, alike on both axes (within
 * BLEED_ALIKE_MM), with no trim box inside it to say where the cut runs: the
 * excess is that bleed, not a reason to shrink the artwork. */
#define BLEED_MIN_MM   2.0
#define BLEED_MAX_MM   6.0
#define BLEED_ALIKE_MM 0.5

static void
trim_given_bleed (EylPageRead              *self,
                  const EylPageData        *page,
                  const EylAnalysisOptions *options)
{
  double w_mm = options->overrides.size_w_mm, h_mm = options->overrides.size_h_mm;
  double bleed_x, bleed_y;

  /* A trim box the size of the page says nothing of where it is cut. */
  if ((page->boxes.has_trim &&
       (eyl_rect_width (&page->boxes.trim) < eyl_rect_width (&page->boxes.crop) - 1 ||
        eyl_rect_height (&page->boxes.trim) < eyl_rect_height (&page->boxes.crop) - 1)) ||
      !(isfinite (w_mm) && w_mm > 0 && isfinite (h_mm) && h_mm > 0))
    return;
  bleed_x = (eyl_rect_width (&self->visible) * EYL_MM_PER_PT - w_mm) / 2.0;
  bleed_y = (eyl_rect_height (&self->visible) * EYL_MM_PER_PT - h_mm) / 2.0;
  if (bleed_x < BLEED_MIN_MM || bleed_x > BLEED_MAX_MM || bleed_y < BLEED_MIN_MM ||
      bleed_y > BLEED_MAX_MM || fabs (bleed_x - bleed_y) > BLEED_ALIKE_MM)
    return;

  self->visible.x0 += bleed_x / EYL_MM_PER_PT;
  self->visible.x1 -= bleed_x / EYL_MM_PER_PT;
  self->visible.y0 += bleed_y / EYL_MM_PER_PT;
  self->visible.y1 -= bleed_y / EYL_MM_PER_PT;
  self->width_pt = eyl_rect_width (&self->visible);
  self->height_pt = eyl_rect_height (&self->visible);
  g_ptr_array_add (self->warnings,
                   g_strdup_printf (_("The page has no trim box and is %.0f × %.0f mm larger "
                                      "than the size given: its outer %.0f mm are taken for "
                                      "bleed, and the artwork inside is checked at 1:1."),
                                       2 * bleed_x, 2 * bleed_y, (bleed_x + bleed_y) / 2.0));
}

/* A picture shows its pixels on the page when the rendered page varies
 * where it lies, outside the lines of text and the smaller pictures set
 * on it: one drawn faint as a watermark or a tint, or covered, spans less
 * than a quarter of the paper's contrast there (the 5th and 95th
 * percentiles of the luminance closer than SHOWS_MIN_SPREAD of 255). */
#define SHOWS_SAMPLES    48
#define SHOWS_MIN_SPREAD 64

static gboolean
image_shows (const EylRaster    *raster,
             const EylPageData  *page,
             const EylImageInfo *image)
{
  g_autoptr(GArray) over = g_array_new (FALSE, FALSE, sizeof (EylRect));
  guint   histogram[256] = { 0 };
  guint   n = 0, seen = 0;
  int     low = -1, high = -1;
  EylRect area, common;

  if (!eyl_rect_intersect (&image->box, &raster->area, &area))
    return FALSE;
  /* What is set over it, once: its lines of text, the smaller pictures. */
  for (guint k = 0; page->lines != NULL && k < page->lines->len; k++)
    if (eyl_rect_intersect (&g_array_index (page->lines, EylTextLine, k).box, &area, &common))
      g_array_append_val (over, common);
  for (guint k = 0; k < page->images->len; k++)
    {
      const EylRect *other = &g_array_index (page->images, EylImageInfo, k).box;

      if (eyl_rect_width (other) * eyl_rect_height (other) <
              eyl_rect_width (&image->box) * eyl_rect_height (&image->box) &&
          eyl_rect_intersect (other, &area, &common))
        g_array_append_val (over, common);
    }

  for (int j = 0; j < SHOWS_SAMPLES; j++)
    for (int i = 0; i < SHOWS_SAMPLES; i++)
      {
        double   x = area.x0 + (i + 0.5) * eyl_rect_width (&area) / SHOWS_SAMPLES;
        double   y = area.y0 + (j + 0.5) * eyl_rect_height (&area) / SHOWS_SAMPLES;
        gboolean covered = FALSE;
        double   px, py;
        guint32  c;

        for (guint k = 0; k < over->len && !covered; k++)
          covered = eyl_rect_contains_point (&g_array_index (over, EylRect, k), x, y);
        if (covered)
          continue;
        eyl_raster_page_to_pixel (raster, x, y, &px, &py);
        c = eyl_raster_get_pixel (raster, (int) px, (int) py);
        histogram[(2 * ((c >> 16) & 0xff) + 5 * ((c >> 8) & 0xff) + (c & 0xff)) / 8]++;
        n++;
      }
  if (n == 0)
    return FALSE;
  for (int v = 0; v < 256; v++)
    {
      seen += histogram[v];
      if (low < 0 && seen * 20 > n)
        low = v;
      if (high < 0 && seen * 20 >= n * 19)
        high = v;
    }
  return high - low >= SHOWS_MIN_SPREAD;
}

EylPageRead *
eyl_read_page (EylPageData              *page,
               const EylRenderer        *renderer,
               const EylAnalysisOptions *options)
{
  g_autoptr(EylPageRead) self = NULL;
  g_autoptr(EylRaster) raster = NULL;
  g_autoptr(GPtrArray) elements = NULL;
  g_autoptr(EylPageData) measured = NULL;
  g_auto(PageRecording) recording = { NULL };
  double         scale;
  EylScaleSource source;

  g_return_val_if_fail (page != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = eyl_page_read_new ();
  self->index = page->index;
  eyl_page_data_visible_size (page, &self->width_pt, &self->height_pt);
  self->page_w_pt = page->width;
  self->page_h_pt = page->height;
  self->visible = page->visible;
  if (eyl_rect_is_empty (&self->visible))
    self->visible = (EylRect) { 0, 0, page->width, page->height };
  trim_given_bleed (self, page, options);
  self->text = g_strdup (page->text);

  for (guint i = 0; page->warnings != NULL && i < page->warnings->len; i++)
    g_ptr_array_add (self->warnings, g_strdup (g_ptr_array_index (page->warnings, i)));
  /* The real size sets the raster's resolution (px per mm of material). */
  eyl_analysis_options_resolve_size (options, self->width_pt, self->height_pt,
                                     &self->material_w_mm, &self->material_h_mm,
                                     &scale, &source, NULL);

  /* The analysis raster: rendered once, shared by every pixel detector
   * and by the measure of the lines' cap heights, which every detector
   * and rule reads from here on. */
  if (renderer != NULL && renderer->render != NULL)
    raster = render_analysis_raster (self, page, renderer, &recording);
  if (recording.surface != NULL)
    {
      /* The finer bands replayed from the recording: no pass of their own. */
      EylRenderer replayer = *renderer;

      replayer.render = replay_region;
      replayer.user_data = &recording;
      replayer.draw = NULL;
      measured = measure_lines (page, raster, &replayer, TRUE);
    }
  else
    measured = measure_lines (page, raster, renderer, FALSE);
  page = measured;
  page_recording_clear (&recording);

  for (guint i = 0; page->images != NULL && i < page->images->len; i++)
    {
      const EylImageInfo *image = &g_array_index (page->images, EylImageInfo, i);

      if (image->width_px > 0 && image->height_px > 0 && (raster == NULL || image_shows (raster, page, image)))
        g_array_append_vals (self->images, image, 1);
    }

  elements = eyl_detect_all (page, options->brand_kit);
  if (page->index < TEXT_LAYER_MAX_PAGE)
    self->text_layer = eyl_page_data_ref (page);
  if (options->brand_kit != NULL)
    {
      self->kit_names = g_strdupv (options->brand_kit->names);
      self->kit_contacts = eyl_brand_kit_dup_contacts_key (options->brand_kit);
    }
  if (elements != NULL)
    g_ptr_array_extend_and_steal (self->elements, g_steal_pointer (&elements));

  if (raster != NULL)
    read_pixels (self, page, raster, renderer, options);
  eyl_detect_drop_headlines_that_are_calls (self->elements);

  /* A pack's sheet: barcodes, its dieline's panels, the front panel.  A
   * net drawn in plain strokes is looked for when the page is to be seen
   * on a shelf, or when the placement is left to auto: a net found makes
   * the piece a pack (eyl_analysis_place_front_panel). */
  /* Barcodes are codes: --no-qr skips them too.  A pack's net is looked
   * for on the first pages only: the file is parsed again for each page
   * (a 5000-page document is no pack). */
  self->packaging = eyl_packaging_read (page, options->pixels.qr ? raster : NULL, renderer,
                                        self->width_pt > 0 ? self->material_w_mm / self->width_pt : 0,
                                        page->index < PACKAGING_MAX_PAGE ? options->source_path : NULL,
                                        options->password, self->elements,
                                        options->front_panel,
                                        options->placement == NULL ||
                                            options->placement->kind == EYL_PLACEMENT_SHELF);
  if (self->packaging != NULL)
    eyl_packaging_set_label_rules (self->packaging, options->label_rules, page,
                                   options->net_quantity, &options->net_quantity_mm);
  if (self->packaging != NULL && self->packaging->dieline_only)
    g_ptr_array_add (self->warnings,
                     g_strdup (_("The page is only the pack's dieline (its net, no artwork): "
                                 "it is not judged.")));

  self->attention_raster = g_steal_pointer (&raster);
  self->attention_raster_free = (GDestroyNotify) eyl_raster_unref;

  return g_steal_pointer (&self);
}

void
eyl_page_read_drop_pixels (EylPageRead *self)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->attention_raster, eyl_raster_unref);
}
