/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-analysis"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "eyl-analysis.h"
#include "eyl-batch.h"
#include "eyl-attention.h"
#include "eyl-detect.h"
#include "eyl-rules.h"

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
  GString         *key = g_string_new (NULL);

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
      g_autofree char  *key = text_key (el);
      double            cx = (el->box.x0 + el->box.x1) / 2.0 / MAX (self->width_pt, 1);
      double            cy = (el->box.y0 + el->box.y1) / 2.0 / MAX (self->height_pt, 1);

      if (strlen (key) < 3)
        continue;
      n_text++;
      for (guint k = 0; k < first->elements->len; k++)
        {
          const EylElement *other = g_ptr_array_index (first->elements, k);
          g_autofree char  *other_key = text_key (other);
          double            ox = (other->box.x0 + other->box.x1) / 2.0 / MAX (first->width_pt, 1);
          double            oy = (other->box.y0 + other->box.y1) / 2.0 / MAX (first->height_pt, 1);

          if (g_str_equal (key, other_key) && fabs (cx - ox) < 0.1 && fabs (cy - oy) < 0.1)
            {
              n_same++;
              break;
            }
        }
    }
  return n_same >= 2 && 2 * n_same >= n_text;
}

/* Beyond this the real size is more likely a wrong /UserUnit or scale
 * than a print: the largest building wraps are some tens of metres. */
#define PLAUSIBLE_MAX_MM 50000.0

/* A pack net with a front panel: on the shelf (an eye-level shelf unless
 * a placement was chosen) the front panel is the face, at its real size. */
static void
eyl_analysis_place_front_panel (EylPageAnalysis          *self,
                                const EylAnalysisOptions *options,
                                gboolean                  distance_given)
{
  g_autoptr(EylPlacement) base = NULL;
  g_autoptr(EylPlacement) overridden = NULL;
  g_autoptr(EylPlacementSet) own_set = NULL;
  EylPlacementSet *set = options->placements;
  const EylPanel  *front;
  EylRect          box;

  if (self->packaging == NULL || !eyl_packaging_front_box (self->packaging, &box))
    return;
  if (set == NULL && options->placement == NULL)
    set = own_set = eyl_placement_set_new_default (self->warnings);
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

/* Smallest side of a sheet that is hung as a poster as often as it is
 * handed out as a leaflet: A4 and US letter (210 and 216 mm). */
#define POSTER_MIN_SHORT_MM 200.0

/* A single sheet of A4 or more, upright, with no running text at all —
 * display type, a date, an address, a code — is made to be read on a wall
 * from a step away; a leaflet carries copy to read in the hand (DESIGN.md
 * 3.1).  Size alone cannot tell them apart: the words can.  Pages of a
 * brochure or a folded leaflet are leaflets whatever their cover says. */
static EylPlacement *
poster_without_copy (EylPageAnalysis *self,
                     EylPlacementSet *set,
                     EylPlacement    *base,
                     char           **reason)
{
  const EylPageRead *read = self->read;
  EylPlacement      *poster = NULL;

  if (base == NULL || base->kind != EYL_PLACEMENT_LEAFLET || read == NULL ||
      read->n_pages != 1 || self->material_h_mm < self->material_w_mm ||
      self->material_w_mm < POSTER_MIN_SHORT_MM)
    return base;
  for (guint i = 0; i < read->elements->len; i++)
    if (((const EylElement *) g_ptr_array_index (read->elements, i))->kind == EYL_ELEMENT_BODY)
      return base;

  {
    g_autoptr(GPtrArray) all = eyl_placement_set_list (set);

    for (guint i = 0; i < all->len && poster == NULL; i++)
      {
        EylPlacement *candidate = g_ptr_array_index (all, i);

        if (candidate->kind == EYL_PLACEMENT_POSTER)
          poster = eyl_placement_ref (candidate);
      }
  }
  if (poster == NULL)
    return base;

  g_free (*reason);
  *reason = g_strdup_printf (_("%.0f × %.0f mm, one sheet without running text: a poster on a "
                               "wall, read from a step away"),
                                self->material_w_mm, self->material_h_mm);
  eyl_placement_unref (base);
  return poster;
}

/* Where the page is seen: the given placement (its nominal sizes tell the
 * scale), or "auto": the page is first matched against every preset's
 * nominal sizes, so a 1:10 roll-up is placed by its real size. */
static EylPlacement *
choose_placement (EylPageAnalysis          *self,
                  const EylAnalysisOptions *options)
{
  g_autoptr(EylPlacementSet) own_set = NULL;
  EylAnalysisOptions with_set = *options;
  g_autofree char   *reason = NULL;
  EylPlacement      *base;

  if (options->placement == NULL && with_set.placements == NULL)
    with_set.placements = own_set = eyl_placement_set_new_default (self->warnings);
  eyl_analysis_options_resolve_size (&with_set, self->width_pt, self->height_pt,
                                     &self->material_w_mm, &self->material_h_mm,
                                     &self->scale, &self->scale_source, NULL);
  if (options->placement != NULL)
    return eyl_placement_ref (options->placement);

  base = eyl_placement_set_choose_auto (with_set.placements, self->material_w_mm, self->material_h_mm, &reason);
  base = poster_without_copy (self, with_set.placements, base, &reason);
  if (self->scale_source == EYL_SCALE_DETECTED && self->scale > 0)
    self->placement_reason = g_strdup_printf (_("the page is drawn at 1:%.0f; %s"),
                                                 1.0 / self->scale, reason);
  else
    self->placement_reason = g_steal_pointer (&reason);
  return base;
}

static gboolean
same_names (const char *const *a,
            const char *const *b)
{
  static const char *const none[] = { NULL };

  return g_strv_equal (a != NULL ? a : none, b != NULL ? b : none);
}

/* TRUE when @options carry a brand kit whose names are not the ones @read
 * was read with. */
static gboolean
brand_names_changed (const EylPageRead        *read,
                     const EylAnalysisOptions *options)
{
  return options->brand_kit != NULL &&
         !same_names ((const char *const *) options->brand_kit->names,
                      (const char *const *) read->kit_names);
}

/* The kit's names are part of the Evaluate stage (DESIGN.md 3.5): when
 * they changed since the page was read, its brand names from the kit are
 * matched again on the text layer, in place of the old ones (and of the
 * names inferred from the domain, which a kit's names replace).  A new
 * name takes the contrast measured on the text under it. */
static void
match_brand_names (const EylPageRead *read,
                   EylBrandKit       *kit,
                   GPtrArray         *elements)
{
  gboolean has_names = kit->names[0] != NULL;
  guint    n;

  for (guint i = elements->len; i-- > 0;)
    {
      const EylElement *el = g_ptr_array_index (elements, i);

      if (el->kind == EYL_ELEMENT_BRAND_NAME &&
          (el->source == EYL_SOURCE_BRAND_KIT || (has_names && el->source == EYL_SOURCE_INFERRED)))
        g_ptr_array_remove_index (elements, i);
    }
  n = elements->len;
  eyl_detect_brand_names (read->text_layer, (const char *const *) kit->names, elements);
  for (guint i = n; i < elements->len; i++)
    {
      EylElement       *el = g_ptr_array_index (elements, i);
      const EylElement *under = NULL;
      double            most = 0;

      for (guint j = 0; j < read->elements->len; j++)
        {
          const EylElement *measured = g_ptr_array_index (read->elements, j);
          EylRect           overlap;
          double            area;

          if (measured->contrast_ratio <= 0 ||
              !eyl_rect_intersect (&measured->box, &el->box, &overlap))
            continue;
          area = eyl_rect_width (&overlap) * eyl_rect_height (&overlap);
          if (area > most)
            {
              most = area;
              under = measured;
            }
        }
      if (under != NULL)
        {
          el->contrast_ratio = under->contrast_ratio;
          el->background = under->background;
          el->background_varies = under->background_varies;
        }
    }
  eyl_detect_sort_elements (elements, read->index);
}

EylPageAnalysis *
eyl_evaluate_page (EylPageRead              *read,
                   const EylAnalysisOptions *options,
                   const EylPageAnalysis    *first)
{
  g_autoptr(EylPageAnalysis) self = NULL;
  g_autoptr(EylPlacement) base = NULL;
  g_autoptr(EylPlacement) overridden = NULL;
  g_autoptr(GPtrArray) elements = NULL;
  const EylRect *visible;
  EylRuleContext ctx = { 0 };
  gboolean       distance_given;
  guint          piece_index;

  g_return_val_if_fail (read != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = eyl_page_analysis_new ();
  self->read = eyl_page_read_ref (read);
  self->index = read->index;
  self->width_pt = read->width_pt;
  self->height_pt = read->height_pt;
  self->page_w_pt = read->page_w_pt;
  self->page_h_pt = read->page_h_pt;
  self->raster_w_px = read->raster_w_px;
  self->raster_h_px = read->raster_h_px;
  self->raster_px_per_mm = read->raster_px_per_mm;
  visible = &read->visible;
  for (guint i = 0; i < read->warnings->len; i++)
    g_ptr_array_add (self->warnings, g_strdup (g_ptr_array_index (read->warnings, i)));

  base = choose_placement (self, options);
  g_return_val_if_fail (base != NULL, NULL);

  if (MAX (self->material_w_mm, self->material_h_mm) > PLAUSIBLE_MAX_MM)
    g_ptr_array_add (self->warnings,
                     /* Translators: the real size in metres the page comes to. */
                     g_strdup_printf (_("The page comes to %.1f × %.1f m; nothing printed for a "
                                        "stand, a wall or a shop is that large. Check the real "
                                        "size (--size-mm) or the file's unit of length "
                                        "(/UserUnit)."),
                                         self->material_w_mm / 1000, self->material_h_mm / 1000));

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

  /* The elements as measured; this evaluation fills in their geometry. */
  elements = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_element_unref);
  for (guint i = 0; i < read->elements->len; i++)
    g_ptr_array_add (elements, eyl_element_copy (g_ptr_array_index (read->elements, i)));
  if (read->text_layer != NULL && brand_names_changed (read, options))
    match_brand_names (read, options->brand_kit, elements);

  /* The scene: a cover (page 1, or a later page that repeats it: another
   * version of the cover), else an inside page, read in the hand. */
  overridden = eyl_placement_apply_overrides (base, &options->overrides);
  distance_given = isfinite (options->overrides.distance_m) && options->overrides.distance_m > 0;
  piece_index = read->index > 0 && (first == NULL || !repeats_first_page (self, elements, first))
                    ? read->index
                    : 0;
  self->placement = eyl_placement_for_piece (overridden, self->material_w_mm,
                                             self->material_h_mm, piece_index, distance_given);

  /* The frame maps page space (not × UserUnit) onto the material; the
   * visible area may be a trim box with an offset. */
  eyl_page_frame_init (&self->frame, visible, self->material_w_mm, self->material_h_mm,
                       self->placement);

  /* A pack's net: on the shelf its front panel is the face, at its real
   * size (a later page of the file is read in the hand). */
  if (read->packaging != NULL)
    /* The label rule sets are this stage's: another choice is judged
     * here, without a new read. */
    self->packaging = eyl_packaging_with_label_rules (read->packaging, options->label_rules,
                                                      read->text_layer);
  if (piece_index == 0)
    eyl_analysis_place_front_panel (self, options, distance_given);

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
              visible->x0 + self->placement->cover_x0_fraction * (visible->x1 - visible->x0))
        {
          el->hidden_fraction = 1.0;
          el->eye_zone_fraction = 0.0;
        }
      g_ptr_array_add (self->elements, eyl_element_ref (el));
    }

  ctx.placement = self->placement;
  ctx.frame = &self->frame;
  ctx.elements = self->elements;
  ctx.legibility = options->legibility;
  self->legibility = options->legibility;
  ctx.text = read->text;
  /* The attention model needs the pixels: only where the page was read
   * (the worker, the tests), not after the channel. */
  if (read->attention_raster != NULL)
    self->attention = eyl_attention_for_page (read->attention_raster, &self->frame, self->placement,
                                              self->elements);
  ctx.attention = self->attention;
  ctx.packaging = self->packaging;
  ctx.brand_kit = options->brand_kit;
  ctx.text_layer = read->text_layer;
  ctx.images = read->images;

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = eyl_rules_run (&ctx);
  eyl_packaging_filter_findings (self->packaging, self->elements, self->findings);
  self->customer_focus = eyl_score_customer_focus (&ctx, self->findings,
                                                   &self->score_breakdown);

  return g_steal_pointer (&self);
}

GPtrArray *
eyl_evaluate_pages (GPtrArray                *reads,
                    const EylAnalysisOptions *options)
{
  GPtrArray *pages;

  g_return_val_if_fail (reads != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  pages = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_page_analysis_unref);
  for (guint i = 0; i < reads->len; i++)
    g_ptr_array_add (pages, eyl_evaluate_page (g_ptr_array_index (reads, i), options,
                                               pages->len > 0
                                                   ? g_ptr_array_index (pages, 0)
                                                   : NULL));
  eyl_analysis_place_insert (pages, options);
  eyl_analysis_judge_piece (pages);
  return pages;
}

/* An insert is placed like the pack it comes in, at hand height. */
#define INSERT_PLACEMENT "shelf-hand"
/* Fewer live words than this is artwork, not copy. */
#define INSERT_MIN_WORDS 8

static gboolean answers_rule (guint             rule,
                              const EylElement *element);

static guint
count_words (const char *text)
{
  guint    n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean alnum = g_unichar_isalnum (g_utf8_get_char (p));

      n += alnum && !in_word;
      in_word = alnum;
    }
  return n;
}

void
eyl_analysis_place_insert (GPtrArray                *pages,
                           const EylAnalysisOptions *options)
{
  const EylPageAnalysis *first;
  g_autoptr(EylPlacementSet) own_set = NULL;
  EylPlacementSet *set = options->placements;
  EylPlacement    *insert;
  guint            words = 0;

  g_return_if_fail (pages != NULL && options != NULL);

  /* Only what "auto" placed as a leaflet by its size; a pack's net is
   * placed by its front panel already. */
  if (options->placement != NULL || pages->len == 0)
    return;
  first = g_ptr_array_index (pages, 0);
  if (first->placement == NULL || first->placement->kind != EYL_PLACEMENT_LEAFLET ||
      first->read == NULL || eyl_packaging_front_box (first->packaging, NULL))
    return;

  /* The whole file: words to read, but no page with a way to reach
   * anyone or a thing to do. */
  for (guint p = 0; p < pages->len; p++)
    {
      const EylPageAnalysis *page = g_ptr_array_index (pages, p);

      if (page->read == NULL)
        return;
      for (guint i = 0; i < page->read->elements->len; i++)
        {
          const EylElement *el = g_ptr_array_index (page->read->elements, i);

          if (answers_rule (0, el) || answers_rule (1, el))
            return;
        }
      words += count_words (page->read->text);
    }
  if (words < INSERT_MIN_WORDS)
    return;

  if (set == NULL)
    set = own_set = eyl_placement_set_new_default (NULL);
  insert = eyl_placement_set_lookup (set, INSERT_PLACEMENT);
  if (insert == NULL)
    return;

  /* Each page evaluated again in the insert's place, at the size it
   * was read at. */
  for (guint p = 0; p < pages->len; p++)
    {
      EylPageAnalysis   *page = g_ptr_array_index (pages, p);
      EylAnalysisOptions with_insert = *options;
      EylPageAnalysis   *again;

      with_insert.placement = insert;
      with_insert.overrides.size_w_mm = page->material_w_mm;
      with_insert.overrides.size_h_mm = page->material_h_mm;
      again = eyl_evaluate_page (page->read, &with_insert, p > 0 ? g_ptr_array_index (pages, 0) : NULL);
      again->placement_reason = g_strdup_printf (_("%.0f × %.0f mm with %u words and no contact "
                                                   "details or call to action on any page: an "
                                                   "insert read in the hand with its pack, not a "
                                                   "leaflet in a rack"),
                                                    page->material_w_mm, page->material_h_mm, words);
      g_ptr_array_index (pages, p) = again;
      eyl_page_analysis_unref (page);
    }
}

gboolean
eyl_evaluate_needs_read (const EylPageRead        *read,
                         const EylAnalysisOptions *options)
{
  double         w_mm, h_mm, scale;
  EylScaleSource source;

  g_return_val_if_fail (read != NULL, TRUE);
  g_return_val_if_fail (options != NULL, TRUE);

  /* The kit's contacts and the names inferred without its names are the
   * Read stage's; its other names are matched here. */
  if (options->brand_kit != NULL)
    {
      g_autofree char *contacts = eyl_brand_kit_dup_contacts_key (options->brand_kit);

      if (g_strcmp0 (contacts, read->kit_contacts != NULL ? read->kit_contacts : "") != 0)
        return TRUE;
      if (brand_names_changed (read, options) &&
          (read->text_layer == NULL || options->brand_kit->names[0] == NULL))
        return TRUE;
    }
  eyl_analysis_options_resolve_size (options, read->width_pt, read->height_pt,
                                     &w_mm, &h_mm, &scale, &source, NULL);
  return fabs (w_mm - read->material_w_mm) > 0.01 * MAX (read->material_w_mm, 1) || fabs (h_mm - read->material_h_mm) > 0.01 * MAX (read->material_h_mm, 1);
}

/* Read, then evaluate. */
EylPageAnalysis *
eyl_analyse_page_in_piece (EylPageData              *page,
                           const EylRenderer        *renderer,
                           const EylAnalysisOptions *options,
                           const EylPageAnalysis    *first)
{
  g_autoptr(EylPageRead) read = NULL;

  g_return_val_if_fail (page != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  read = eyl_read_page (page, renderer, options);
  return eyl_evaluate_page (read, options, first);
}

/* Findings about what a page lacks; answers_rule() says which elements
 * answer each. */
static const char *const piece_rules[] = { "no-contact", "no-call-to-action", "brand-hidden" };

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

/* The brand's names that any page of the piece writes out (the inferred
 * or kit brand_name elements). */
static GPtrArray *
piece_brand_names (GPtrArray *pages)
{
  GPtrArray *names = g_ptr_array_new ();

  for (guint p = 0; p < pages->len; p++)
    {
      const EylPageAnalysis *page = g_ptr_array_index (pages, p);

      for (guint i = 0; i < page->elements->len; i++)
        {
          const EylElement *el = g_ptr_array_index (page->elements, i);

          if (el->kind == EYL_ELEMENT_BRAND_NAME && el->text != NULL &&
              !g_ptr_array_find_with_equal_func (names, el->text, g_str_equal, NULL))
            g_ptr_array_add (names, el->text);
        }
    }
  return names;
}

/* "The logo is hidden and the brand appears nowhere above it" is false
 * when a text the visitor sees writes the brand's name out: the cover
 * title "Open Source Geospatial Foundation" of a brochure whose back page
 * names OSGeo. */
static void
drop_brand_hidden_when_spelled (EylPageAnalysis *page,
                                GPtrArray       *names)
{
  gboolean spelled = FALSE;

  for (guint i = 0; i < page->elements->len && !spelled; i++)
    {
      const EylElement *el = g_ptr_array_index (page->elements, i);

      if (el->text == NULL || el->hidden_fraction >= 0.5 ||
          !(el->kind == EYL_ELEMENT_HEADLINE || el->kind == EYL_ELEMENT_BODY ||
            el->kind == EYL_ELEMENT_CTA))
        continue;
      for (guint n = 0; n < names->len && !spelled; n++)
        spelled = eyl_detect_text_spells_name (el->text, g_ptr_array_index (names, n));
    }
  if (!spelled)
    return;
  for (guint i = page->findings->len; i > 0; i--)
    {
      const EylFinding *finding = g_ptr_array_index (page->findings, i - 1);

      if (g_str_equal (finding->rule, "brand-hidden") && finding->element_id != NULL)
        g_ptr_array_remove_index (page->findings, i - 1);
    }
}

/* The first page (1-based) of @pages that has an element answering
 * piece rule @rule, or 0. */
static guint
page_answering (GPtrArray *pages,
                guint      rule)
{
  for (guint p = 0; p < pages->len; p++)
    {
      const EylPageAnalysis *page = g_ptr_array_index (pages, p);

      for (guint i = 0; i < page->elements->len; i++)
        if (answers_rule (rule, g_ptr_array_index (page->elements, i)))
          return p + 1;
    }
  return 0;
}

static void
give_part (JsonObject *breakdown,
           const char *name,
           const char *why)
{
  JsonObject *part = breakdown != NULL ? json_object_get_object_member (breakdown, name) : NULL;

  if (part == NULL || json_object_get_int_member (part, "points") > 0)
    return;
  json_object_set_int_member (part, "points", json_object_get_int_member (part, "max"));
  json_object_set_string_member (part, "why", why);
}

/* A page of a piece whose contact details or call to action are on
 * another page: the piece's rules above dropped the finding that would
 * say they are missing here, so its score does not lose the points a
 * single sheet without them would.  Taken in the hand (a brochure's cover
 * and inside pages, a leaflet's back), they are within the reader's
 * reach; on display, the part says where they are.  An error still caps
 * it. */
static void
score_in_piece (EylPageAnalysis *page,
                guint            page_number,
                guint            contact_page,
                guint            cta_page)
{
  JsonObject *breakdown = page->score_breakdown;
  gboolean    held;

  if (breakdown == NULL || page->placement == NULL)
    return;
  held = page->placement->held || page->placement->kind == EYL_PLACEMENT_LEAFLET;
  if (contact_page > 0 && contact_page != page_number)
    {
      g_autofree char *why = held ? g_strdup_printf (_("The piece’s contact details are on page %u, "
                                                       "in the reader’s hands."),
                                                        contact_page)
                                  : g_strdup_printf (_("The piece’s contact details are on page %u."),
                                                        contact_page);

      give_part (breakdown, "contact_visible", why);
      give_part (breakdown, "contact_at_eye_level", why);
    }
  if (cta_page > 0 && cta_page != page_number)
    {
      g_autofree char *why = g_strdup_printf (_("The piece’s call to action is on page %u."),
                                                 cta_page);

      give_part (breakdown, "call_to_action", why);
    }
}

/* The piece lacks what piece rule @rule asks for, and the finding that
 * says so is on one page only: the other pages' parts for it say where,
 * lest a page without findings seem to lose points for nothing. */
static void
say_where_missing (GPtrArray  *pages,
                   guint       rule,
                   const char *part_name,
                   const char *why)
{
  guint said = 0;

  for (guint p = 0; p < pages->len && said == 0; p++)
    {
      const EylPageAnalysis *page = g_ptr_array_index (pages, p);

      for (guint i = 0; i < page->findings->len && said == 0; i++)
        if (is_piece_finding (g_ptr_array_index (page->findings, i), rule))
          said = p + 1;
    }
  for (guint p = 0; p < pages->len && said > 0; p++)
    {
      const EylPageAnalysis *page = g_ptr_array_index (pages, p);
      JsonObject            *part = page->score_breakdown != NULL
                                        ? json_object_get_object_member (page->score_breakdown, part_name)
                                        : NULL;
      g_autofree char       *text = NULL;

      if (p + 1 == said || part == NULL || json_object_get_int_member (part, "points") > 0)
        continue;
      text = g_strdup_printf (why, said);
      json_object_set_string_member (part, "why", text);
    }
}

/* The problem a finding shares with other pages, or NULL: the rule and
 * colour pair of a contrast finding ("low-contrast: #4cbf5d on
 * #ffffff"); pictures placed at too low a resolution (one export
 * setting, not a page's). */
static char *
shared_problem (const EylFinding *finding)
{
  const char *fg, *bg;

  if (g_str_equal (finding->rule, "picture-resolution"))
    return g_strdup (finding->rule);
  if (!(g_str_equal (finding->rule, "low-contrast") ||
        g_str_equal (finding->rule, "cvd-low-contrast")) ||
      finding->measures == NULL)
    return NULL;
  fg = json_object_get_string_member_with_default (finding->measures, "color", NULL);
  bg = json_object_get_string_member_with_default (finding->measures, "background", NULL);
  if (fg == NULL || bg == NULL)
    return NULL;
  return g_strconcat (finding->rule, ": ", fg, " on ", bg, NULL);
}

/* One problem once: the brand's green on white set too light is one
 * finding for the piece, on the first page that has it, which names the
 * other pages, not one on every page (nor one per heading). */
static void
one_finding_per_shared_problem (GPtrArray *pages)
{
  g_autoptr(GHashTable) first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) others = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                         (GDestroyNotify) g_array_unref);
  GHashTableIter iter;
  gpointer       key, value;

  for (guint p = 0; p < pages->len; p++)
    {
      EylPageAnalysis *page = g_ptr_array_index (pages, p);

      for (guint i = 0; i < page->findings->len;)
        {
          EylFinding *finding = g_ptr_array_index (page->findings, i);
          char       *pair = shared_problem (finding);
          EylFinding *kept;
          GArray     *later;
          guint       number = p + 1;

          kept = pair != NULL ? g_hash_table_lookup (first, pair) : NULL;
          if (pair == NULL || kept == NULL)
            {
              if (pair != NULL)
                g_hash_table_insert (first, pair, finding);
              i++;
              continue;
            }
          g_free (pair);
          later = g_hash_table_lookup (others, kept);
          if (later == NULL)
            {
              later = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (others, kept, later);
            }
          if (p > 0 && (later->len == 0 || g_array_index (later, guint, later->len - 1) != number))
            g_array_append_val (later, number);
          g_ptr_array_remove_index (page->findings, i);
        }
    }

  g_hash_table_iter_init (&iter, others);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      EylFinding *kept = key;
      GArray     *later = value;
      g_autoptr(GString) list = g_string_new (NULL);
      g_autofree char *message = NULL;
      g_autofree char *fix = NULL;

      if (later->len == 0)
        continue;
      for (guint k = 0; k < later->len; k++)
        g_string_append_printf (list, "%s%u", k > 0 ? ", " : "", g_array_index (later, guint, k));
      if (g_str_equal (kept->rule, "picture-resolution"))
        /* TRANSLATORS: added to a picture-resolution finding: "… Pictures
         * on pages 4, 5, 6 are too." */
        message = g_strdup_printf (ngettext ("%s Pictures on page %s are too.",
                                             "%s Pictures on pages %s are too.", later->len),
                                   kept->message, list->str);
      else
        /* TRANSLATORS: added to a contrast finding: "… The same colours
         * are set on pages 4, 5, 6." */
        message = g_strdup_printf (ngettext ("%s The same colours are set on page %s.",
                                             "%s The same colours are set on pages %s.",
                                             later->len),
                                   kept->message, list->str);
      fix = g_strdup (kept->fix);
      eyl_finding_set_text (kept, message, fix);
      eyl_finding_add_measure (kept, "pages_also", later->len);
    }
}

void
eyl_analysis_judge_piece (GPtrArray *pages)
{
  g_return_if_fail (pages != NULL);

  one_finding_per_shared_problem (pages);

  {
    g_autoptr(GPtrArray) names = piece_brand_names (pages);

    for (guint p = 0; p < pages->len && names->len > 0; p++)
      drop_brand_hidden_when_spelled (g_ptr_array_index (pages, p), names);
  }

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
            gboolean         has_contact = FALSE, has_finding = FALSE;

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

  if (pages->len > 1)
    {
      guint contact_page = page_answering (pages, 0), cta_page = page_answering (pages, 1);

      for (guint p = 0; p < pages->len; p++)
        score_in_piece (g_ptr_array_index (pages, p), p + 1, contact_page, cta_page);
      if (contact_page == 0)
        {
          /* TRANSLATORS: %u is a page number */
          say_where_missing (pages, 0, "contact_visible",
                             _("The piece has no contact details (see page %u)."));
          say_where_missing (pages, 0, "contact_at_eye_level",
                             _("The piece has no contact details (see page %u)."));
        }
      if (cta_page == 0)
        /* TRANSLATORS: %u is a page number */
        say_where_missing (pages, 1, "call_to_action",
                           _("The piece has no call to action (see page %u)."));
    }

  /* The piece's rules above dropped findings (an error among them, at
   * times) and gave parts: each page's score is added up again, so that
   * the cap follows the findings the page keeps. */
  for (guint p = 0; p < pages->len; p++)
    {
      EylPageAnalysis *page = g_ptr_array_index (pages, p);

      if (page->score_breakdown != NULL)
        page->customer_focus = eyl_score_total (page->score_breakdown, page->findings);
    }
}

EylFileResult *
eyl_file_result_evaluate (EylFileResult            *result,
                          const EylAnalysisOptions *options)
{
  g_autoptr(EylFileResult) evaluated = NULL;
  g_autoptr(GPtrArray) reads = NULL;
  g_autoptr(GPtrArray) pages = NULL;

  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!result->ok)
    return NULL;
  reads = g_ptr_array_new ();
  for (guint i = 0; i < result->pages->len; i++)
    {
      EylPageAnalysis *page = g_ptr_array_index (result->pages, i);

      if (page->read == NULL || eyl_evaluate_needs_read (page->read, options))
        return NULL;
      g_ptr_array_add (reads, page->read);
    }

  evaluated = eyl_file_result_new (result->path);
  evaluated->n_pages = result->n_pages;
  for (guint i = 0; i < result->warnings->len; i++)
    g_ptr_array_add (evaluated->warnings, g_strdup (g_ptr_array_index (result->warnings, i)));
  for (guint i = 0; i < result->outputs->len; i++)
    g_ptr_array_add (evaluated->outputs, g_strdup (g_ptr_array_index (result->outputs, i)));
  pages = eyl_evaluate_pages (reads, options);
  g_ptr_array_extend_and_steal (evaluated->pages, g_steal_pointer (&pages));
  return g_steal_pointer (&evaluated);
}
