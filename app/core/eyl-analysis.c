/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-analysis"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "eyl-analysis.h"
#include "eyl-detect.h"
#include "eyl-detect-pixels.h"
#include "eyl-rules.h"

/* Defaults of the analysis raster (issue 3): 1 px per mm of the real size
 * is enough for capitals of 10 mm and more (the smallest that matters at
 * 2 m under FAA 1:200) to get 7 px, and detectors re-render small regions
 * larger; 16 Mpx (64 MB of xRGB) bounds any page, even a 3 × 6 m
 * backdrop. */
#define DEFAULT_RASTER_PX_PER_MM  1.0
#define DEFAULT_RASTER_MAX_PIXELS (16.0 * 1000 * 1000)

G_DEFINE_BOXED_TYPE (EylPageAnalysis, eyl_page_analysis,
                     eyl_page_analysis_ref, eyl_page_analysis_unref)

void
eyl_analysis_options_init (EylAnalysisOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  eyl_placement_overrides_init (&options->overrides);
  options->legibility = EYL_LEGIBILITY_1_200;
  eyl_pixel_options_init (&options->pixels);
  options->raster_px_per_mm = DEFAULT_RASTER_PX_PER_MM;
  options->raster_max_pixels = DEFAULT_RASTER_MAX_PIXELS;
}

EylPageAnalysis *
eyl_page_analysis_new (void)
{
  EylPageAnalysis *self = g_new0 (EylPageAnalysis, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->scale = 1.0;
  self->elements = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_finding_unref);
  self->warnings = g_ptr_array_new_with_free_func (g_free);

  return self;
}

EylPageAnalysis *
eyl_page_analysis_ref (EylPageAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
eyl_page_analysis_unref (EylPageAnalysis *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->placement, eyl_placement_unref);
  g_free (self->placement_reason);
  g_clear_pointer (&self->elements, g_ptr_array_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->score_breakdown, json_object_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->packaging, eyl_packaging_unref);
  g_free (self);
}

void
eyl_analysis_place_element (EylElement         *element,
                            const EylPlacement *placement,
                            const EylPageFrame *frame)
{
  g_return_if_fail (element != NULL);
  g_return_if_fail (placement != NULL);
  g_return_if_fail (frame != NULL);

  /* Page space grows downwards: the box's bottom (y1) is the lower edge. */
  element->floor_bottom_mm = eyl_page_frame_floor_mm (frame, element->box.y1);
  element->floor_top_mm = eyl_page_frame_floor_mm (frame, element->box.y0);
  element->cap_height_mm = element->cap_height > 0
                           ? element->cap_height * frame->mm_per_pt_y
                           : 0;
  element->hidden_fraction = eyl_hidden_fraction (placement, frame,
                                                  element->floor_bottom_mm,
                                                  element->floor_top_mm);
  element->eye_zone_fraction = eyl_eye_zone_fraction (placement,
                                                      element->floor_bottom_mm,
                                                      element->floor_top_mm);
  /* An element without a usable position (a NaN box from a damaged page)
   * has no share anywhere: 0, as the report reader reads it back, and
   * never NaN in the rules' arithmetic. */
  if (isnan (element->hidden_fraction))
    element->hidden_fraction = 0.0;
  if (isnan (element->eye_zone_fraction))
    element->eye_zone_fraction = 0.0;
}

EylPageAnalysis *
eyl_analyse_page (EylPageData              *page,
                  const EylAnalysisOptions *options)
{
  return eyl_analyse_page_full (page, NULL, options);
}

/* Reading order: top to bottom, then left to right (as eyl_detect_all). */
static int
compare_position (gconstpointer a,
                  gconstpointer b)
{
  const EylElement *x = *(EylElement * const *) a;
  const EylElement *y = *(EylElement * const *) b;

  if (x->box.y0 != y->box.y0)
    return x->box.y0 < y->box.y0 ? -1 : 1;
  if (x->box.x0 != y->box.x0)
    return x->box.x0 < y->box.x0 ? -1 : 1;
  return (int) x->kind - (int) y->kind;
}

/* The visible page rendered once at @renderer's resolution on the
 * material; NULL (with a warning) when it cannot be rendered. */
static EylRaster *
render_analysis_raster (EylPageAnalysis   *self,
                        const EylRenderer *renderer,
                        const EylRect     *visible)
{
  g_autoptr(GError) error = NULL;
  EylRaster *raster;
  double mm_per_pt, scale;

  mm_per_pt = MAX (self->frame.mm_per_pt_x, self->frame.mm_per_pt_y);
  if (!(mm_per_pt > 0) || !isfinite (mm_per_pt))
    mm_per_pt = 25.4 / 72.0;
  scale = (renderer->px_per_mm > 0 ? renderer->px_per_mm : DEFAULT_RASTER_PX_PER_MM) * mm_per_pt;
  if (renderer->min_pixels > 0)
    {
      double area_pt = eyl_rect_width (visible) * eyl_rect_height (visible);
      double pixels = area_pt * scale * scale;

      if (area_pt > 0 && pixels < renderer->min_pixels)
        scale *= sqrt (renderer->min_pixels / pixels);
    }

  raster = eyl_renderer_render (renderer, visible, scale, &error);
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
  g_debug ("page %u: analysis raster %d × %d px, %.3f px/mm", self->index,
           raster->width, raster->height, self->raster_px_per_mm);
  return raster;
}

EylPageAnalysis *
eyl_analyse_page_full (EylPageData              *page,
                       const EylRenderer        *renderer,
                       const EylAnalysisOptions *options)
{
  return eyl_analyse_page_in_piece (page, renderer, options, NULL);
}

static char *
text_key (const EylElement *element)
{
  g_autofree char *folded = g_utf8_casefold (element->text != NULL ? element->text : "", -1);
  GString *key = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      g_string_append_unichar (key, g_utf8_get_char (p));
  return g_string_free (key, FALSE);
}

/* Another version of the cover: most of this page's texts stand on the
 * first page too, at about the same place (a tenth of the page). */
static gboolean
repeats_first_page (const EylPageAnalysis *self,
                    GPtrArray             *elements,
                    const EylPageAnalysis *first)
{
  guint n_text = 0, n_same = 0;

  for (guint i = 0; i < elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (elements, i);
      g_autofree char *key = text_key (el);
      double cx = (el->box.x0 + el->box.x1) / 2.0 / MAX (self->width_pt, 1);
      double cy = (el->box.y0 + el->box.y1) / 2.0 / MAX (self->height_pt, 1);

      if (strlen (key) < 3)
        continue;
      n_text++;
      for (guint k = 0; k < first->elements->len; k++)
        {
          const EylElement *other = g_ptr_array_index (first->elements, k);
          g_autofree char *other_key = text_key (other);
          double ox = (other->box.x0 + other->box.x1) / 2.0 / MAX (first->width_pt, 1);
          double oy = (other->box.y0 + other->box.y1) / 2.0 / MAX (first->height_pt, 1);

          if (g_str_equal (key, other_key) && fabs (cx - ox) < 0.1 && fabs (cy - oy) < 0.1)
            {
              n_same++;
              break;
            }
        }
    }
  return n_same >= 2 && 2 * n_same >= n_text;
}

/* A pack net with a front panel: on the shelf (an eye-level shelf unless
 * a placement was chosen) the front panel is the face, at its real size. */
static void
eyl_analysis_place_front_panel (EylPageAnalysis          *self,
                                const EylAnalysisOptions *options,
                                EylPlacementSet          *own_set,
                                gboolean                  distance_given)
{
  g_autoptr(EylPlacement) base = NULL;
  g_autoptr(EylPlacement) overridden = NULL;
  EylPlacementSet *set = options->placements != NULL ? options->placements : own_set;
  const EylPanel *front;
  EylRect box;

  if (!eyl_packaging_front_box (self->packaging, &box))
    return;
  front = &g_array_index (self->packaging->panels, EylPanel, self->packaging->front_panel);
  if (options->placement != NULL)
    base = eyl_placement_ref (options->placement);
  else if (set != NULL && (base = eyl_placement_set_lookup (set, "shelf-eye")) != NULL)
    {
      g_autofree char *old = g_steal_pointer (&self->placement_reason);

      eyl_placement_ref (base);
      /* Translators: %s says which panel is the front and why. */
      self->placement_reason = g_strdup_printf (_("a pack's net with a dieline: its front "
                                                  "panel on an eye-level shelf (%s)"),
                                                self->packaging->front_reason);
    }
  if (base == NULL)
    return;

  overridden = eyl_placement_apply_overrides (base, &options->overrides);
  g_clear_pointer (&self->placement, eyl_placement_unref);
  self->placement = eyl_placement_for_piece (overridden, front->width_mm, front->height_mm, 0,
                                             distance_given);
  eyl_page_frame_init (&self->frame, &box, front->width_mm, front->height_mm, self->placement);
}

EylPageAnalysis *
eyl_analyse_page_in_piece (EylPageData              *page,
                           const EylRenderer        *renderer,
                           const EylAnalysisOptions *options,
                           const EylPageAnalysis    *first)
{
  g_autoptr(EylPlacement) overridden = NULL;
  gboolean distance_given;
  g_autoptr(EylPageAnalysis) self = NULL;
  g_autoptr(EylPlacementSet) own_set = NULL;
  g_autoptr(EylPlacement) base = NULL;
  g_autoptr(GPtrArray) elements = NULL;
  g_autoptr(EylRaster) raster = NULL;
  g_autoptr(GPtrArray) pixel_warnings = NULL;
  g_autoptr(EylPageData) read = NULL;
  EylRuleContext ctx = { 0 };
  EylRect visible;

  g_return_val_if_fail (page != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = eyl_page_analysis_new ();
  self->index = page->index;
  eyl_page_data_visible_size (page, &self->width_pt, &self->height_pt);

  for (guint i = 0; page->warnings != NULL && i < page->warnings->len; i++)
    g_ptr_array_add (self->warnings, g_strdup (g_ptr_array_index (page->warnings, i)));

  /* Where the page is seen: the given placement (its nominal sizes tell
   * the scale), or "auto": the page is first matched against every
   * preset's nominal sizes, so a 1:10 roll-up is placed by its real size. */
  if (options->placement != NULL)
    {
      base = eyl_placement_ref (options->placement);
      eyl_placement_resolve_size (base, self->width_pt, self->height_pt, &options->overrides,
                                  &self->material_w_mm, &self->material_h_mm,
                                  &self->scale, &self->scale_source);
    }
  else
    {
      EylPlacementSet *set = options->placements;
      g_autofree char *reason = NULL;

      if (set == NULL)
        set = own_set = eyl_placement_set_new_default (self->warnings);
      eyl_placement_set_resolve_size (set, self->width_pt, self->height_pt, &options->overrides,
                                      &self->material_w_mm, &self->material_h_mm,
                                      &self->scale, &self->scale_source);
      base = eyl_placement_set_choose_auto (set, self->material_w_mm, self->material_h_mm,
                                            &reason);
      if (self->scale_source == EYL_SCALE_DETECTED && self->scale > 0)
        self->placement_reason = g_strdup_printf (_("the page is drawn at 1:%.0f; %s"),
                                                  1.0 / self->scale, reason);
      else
        self->placement_reason = g_steal_pointer (&reason);
    }
  g_return_val_if_fail (base != NULL, NULL);

  if (eyl_placement_size_fitted (self->width_pt, self->height_pt, &options->overrides))
    g_ptr_array_add (self->warnings,
                     /* Translators: sizes in mm: the size given, the page's, what is used. */
                     g_strdup_printf (_("The size given, %.0f × %.0f mm, has other proportions "
                                        "than the page (%.0f × %.0f mm); the page was scaled "
                                        "evenly to %.0f × %.0f mm instead of being stretched."),
                                      options->overrides.size_w_mm, options->overrides.size_h_mm,
                                      self->width_pt * EYL_MM_PER_PT,
                                      self->height_pt * EYL_MM_PER_PT,
                                      self->material_w_mm, self->material_h_mm));

  /* Judged as a cover until the elements say otherwise (below). */
  overridden = eyl_placement_apply_overrides (base, &options->overrides);
  distance_given = isfinite (options->overrides.distance_m) && options->overrides.distance_m > 0;
  self->placement = eyl_placement_for_piece (overridden, self->material_w_mm,
                                             self->material_h_mm, 0, distance_given);

  /* The frame maps page space (not × UserUnit) onto the material; the
   * visible area may be a trim box with an offset. */
  visible = page->visible;
  if (eyl_rect_is_empty (&visible))
    visible = (EylRect) { 0, 0, page->width, page->height };
  eyl_page_frame_init (&self->frame, &visible, self->material_w_mm, self->material_h_mm,
                       self->placement);

  /* The analysis raster: rendered once, shared by every pixel detector
   * and by the rules that need pixels. */
  if (renderer != NULL && renderer->render != NULL)
    raster = render_analysis_raster (self, renderer, &visible);

  elements = eyl_detect_all (page, options->brand_kit);
  if (elements == NULL)
    elements = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);

  if (raster != NULL)
    {
      guint n_text = elements->len;

      pixel_warnings = g_ptr_array_new_with_free_func (g_free);
      if (options->pixels.ocr)
        eyl_detect_ocr (page, raster, renderer, options->brand_kit, &options->pixels,
                        elements, pixel_warnings, &read);
      if (options->pixels.qr)
        eyl_detect_qr (page, raster, renderer, elements, pixel_warnings);
      if (options->pixels.logos)
        eyl_detect_logos (page, raster, options->brand_kit, read, elements, pixel_warnings);

      /* New elements joined the list: number them all again in reading
       * order, as eyl_detect_all does. */
      if (elements->len != n_text)
        {
          g_ptr_array_sort (elements, compare_position);
          for (guint i = 0; i < elements->len; i++)
            {
              EylElement *el = g_ptr_array_index (elements, i);

              g_free (el->id);
              el->id = g_strdup_printf ("p%ue%u", page->index, i);
            }
        }

      eyl_measure_contrast (page, raster, elements);

      for (guint i = 0; i < pixel_warnings->len; i++)
        g_ptr_array_add (self->warnings, g_strdup (g_ptr_array_index (pixel_warnings, i)));
    }

  /* A pack's sheet: barcodes, its dieline's panels, the front panel. */
  self->packaging = eyl_packaging_read (page, raster, renderer, self->frame.mm_per_pt_x,
                                        options->source_path, options->password, elements,
                                        options->front_panel,
                                        options->placement != NULL &&
                                          options->placement->kind == EYL_PLACEMENT_SHELF);
  if (options->label_rules != NULL)
    self->packaging->label_rules = g_ptr_array_ref (options->label_rules);
  eyl_analysis_place_front_panel (self, options, own_set, distance_given);

  /* A later page is an inside page unless it repeats the cover. */
  if (page->index > 0 && (first == NULL || !repeats_first_page (self, elements, first)))
    {
      g_clear_pointer (&self->placement, eyl_placement_unref);
      self->placement = eyl_placement_for_piece (overridden, self->material_w_mm,
                                                 self->material_h_mm, page->index,
                                                 distance_given);
      eyl_page_frame_init (&self->frame, &visible, self->material_w_mm, self->material_h_mm,
                           self->placement);
    }

  for (guint i = 0; i < elements->len; i++)
    {
      EylElement *el = g_ptr_array_index (elements, i);

      /* The glue flap and what lies outside the net are not artwork. */
      if (!eyl_packaging_is_artwork (self->packaging, el))
        continue;
      eyl_analysis_place_element (el, self->placement, &self->frame);
      /* On the shelf only the front panel faces the aisle: the other
       * panels are read in the hand. */
      if (eyl_packaging_off_front (self->packaging, el))
        {
          el->hidden_fraction = 1.0;
          el->eye_zone_fraction = 0.0;
        }
      /* Folded in: the rack shows only the cover panel. */
      if (self->placement->cover_x0_fraction > 0 &&
          (el->box.x0 + el->box.x1) / 2.0 <
            visible.x0 + self->placement->cover_x0_fraction * (visible.x1 - visible.x0))
        {
          el->hidden_fraction = 1.0;
          el->eye_zone_fraction = 0.0;
        }
      g_ptr_array_add (self->elements, eyl_element_ref (el));
    }

  ctx.page = page;
  ctx.placement = self->placement;
  ctx.frame = &self->frame;
  ctx.elements = self->elements;
  ctx.legibility = options->legibility;
  ctx.raster = raster;
  ctx.packaging = self->packaging;

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = eyl_rules_run (&ctx);
  eyl_packaging_filter_findings (self->packaging, self->elements, self->findings);
  self->customer_focus = eyl_score_customer_focus (&ctx, self->findings,
                                                   &self->score_breakdown);

  return g_steal_pointer (&self);
}

/* Findings about what a page lacks; answers_rule() says which elements
 * answer each. */
static const char * const piece_rules[] = { "no-contact", "no-call-to-action", "brand-hidden" };

static gboolean
answers_rule (guint             rule,
              const EylElement *element)
{
  switch (rule)
    {
    case 0:
      return eyl_element_kind_is_contact (element->kind) && !element->third_party;
    case 1:
      return element->kind == EYL_ELEMENT_CTA;
    case 2:
    default:
      return element->kind == EYL_ELEMENT_LOGO || element->kind == EYL_ELEMENT_BRAND_NAME;
    }
}

static gboolean
is_piece_finding (const EylFinding *finding,
                  guint             rule)
{
  /* brand-hidden about an element is about this page's occlusion, not
   * about the piece. */
  return g_str_equal (finding->rule, piece_rules[rule]) && finding->element_id == NULL;
}

static void
drop_piece_findings (EylPageAnalysis *page,
                     guint            rule)
{
  for (guint i = page->findings->len; i > 0; i--)
    if (is_piece_finding (g_ptr_array_index (page->findings, i - 1), rule))
      g_ptr_array_remove_index (page->findings, i - 1);
}

void
eyl_analysis_judge_piece (GPtrArray *pages)
{
  g_return_if_fail (pages != NULL);

  for (guint r = 0; r < G_N_ELEMENTS (piece_rules); r++)
    {
      gboolean answered = FALSE, said = FALSE;

      for (guint p = 0; p < pages->len && !answered; p++)
        {
          const EylPageAnalysis *page = g_ptr_array_index (pages, p);

          for (guint i = 0; i < page->elements->len && !answered; i++)
            answered = answers_rule (r, g_ptr_array_index (page->elements, i));
        }

      /* A call to action belongs beside the contact details: say it is
       * missing on the first page that has them, so put it first. */
      if (r == 1 && !answered)
        for (guint p = 0; p < pages->len && !said; p++)
          {
            EylPageAnalysis *page = g_ptr_array_index (pages, p);
            gboolean has_contact = FALSE, has_finding = FALSE;

            for (guint i = 0; i < page->elements->len && !has_contact; i++)
              has_contact = answers_rule (0, g_ptr_array_index (page->elements, i));
            for (guint i = 0; i < page->findings->len && !has_finding; i++)
              has_finding = is_piece_finding (g_ptr_array_index (page->findings, i), r);
            if (has_contact && has_finding)
              {
                for (guint q = 0; q < pages->len; q++)
                  if (q != p)
                    drop_piece_findings (g_ptr_array_index (pages, q), r);
                said = TRUE;
              }
          }
      if (said)
        continue;

      for (guint p = 0; p < pages->len; p++)
        {
          EylPageAnalysis *page = g_ptr_array_index (pages, p);

          if (answered || said)
            drop_piece_findings (page, r);
          for (guint i = 0; i < page->findings->len && !said; i++)
            said = is_piece_finding (g_ptr_array_index (page->findings, i), r);
        }
    }
}
