/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-packaging"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "eyl-geometry.h"
#include "eyl-packaging.h"
#include "eyl-raster.h"

/* A logo's height counts as this many cap heights of a name set in type
 * (a wordmark's letters fill about half its box). */
#define LOGO_CAP_SHARE 0.5
/* A net guessed from plain strokes: at least this many faces and a flap,
 * over this share of the sheet, no panel larger than this share. */
#define NET_MIN_FACES       2
#define NET_MIN_SHARE       0.4
#define NET_MAX_PANEL_SHARE 0.5
/* Panels this close (mm) share a line of the net. */
#define NET_GAP_MM 2.0
/* Pages before and after a page without a net where its net may be. */
#define NEARBY_PAGES 2
/* Ink: dark, or a strong colour (a blue logo on white). */
#define INK_LUMA   150
#define INK_CHROMA 90
/* A bare net: its lines (drawn this wide, mm) hold all but this share of
 * the ink inside the net. */
#define NET_LINE_MM    1.0
#define BARE_NET_STRAY 0.002
/* The front panel: among the faces at least this share of the largest;
 * names this much larger than another face's decide, else the face
 * with the largest graphic does. */
#define FACE_SHARE  0.6
#define NAME_MARGIN 1.15
/* A product name is a short line, not a paragraph set large. */
#define PRODUCT_MAX_CHARS 40
/* Names smaller than this share of the face's short side do not mark it. */
#define MIN_NAME_SHARE 0.04
/* Back and side panels are read in the hand at 0.35 m, their text
 * held to the label rules' x-height (EU 1169/2011 unless others are
 * chosen); an x-height is about this share of the cap height. */
#define HAND_DISTANCE_M  0.35
#define HAND_LABEL_RULES "eu-1169-2011"
#define X_PER_CAP        0.7
/* The rule set a marked net quantity is judged by when none is chosen. */
#define NET_LABEL_RULES "us-21cfr101-105"

static gboolean
has_net_part (GPtrArray *rules)
{
  for (guint i = 0; rules != NULL && i < rules->len; i++)
    if (((EylLabelRuleSet *) g_ptr_array_index (rules, i))->net_pattern != NULL)
      return TRUE;
  return FALSE;
}

/* @rules (may be NULL) and, for a net quantity mark, the bundled set
 * with a net part when none of them has one; @page the lines they read. */
static void
apply_label_rules (EylPackaging *self,
                   GPtrArray    *rules,
                   EylPageData  *page)
{
  if (rules != NULL)
    self->label_rules = g_ptr_array_ref (rules);
  /* Marking the net quantity asks for it to be judged: the bundled set
   * is loaded (and owned here) when no chosen one has a net part. */
  if (eyl_packaging_has_net_mark (self) && !has_net_part (rules))
    {
      GPtrArray *all = g_ptr_array_new ();

      g_clear_pointer (&self->own_rules, g_ptr_array_unref);
      self->own_rules = eyl_label_rules_load (NET_LABEL_RULES, NULL);
      if (rules != NULL)
        g_ptr_array_extend (all, rules, NULL, NULL);
      if (self->own_rules != NULL)
        g_ptr_array_extend (all, self->own_rules, NULL, NULL);
      g_clear_pointer (&self->label_rules, g_ptr_array_unref);
      self->label_rules = all;
    }
  if (self->label_rules != NULL && page != NULL)
    self->text = eyl_page_data_ref (page);
}

void
eyl_packaging_set_label_rules (EylPackaging  *self,
                               GPtrArray     *rules,
                               EylPageData   *page,
                               const char    *net_text,
                               const EylRect *net_box_mm)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->label_rules, g_ptr_array_unref);
  g_clear_pointer (&self->text, eyl_page_data_unref);
  g_clear_pointer (&self->net_quantity_text, g_free);
  memset (&self->net_quantity_box, 0, sizeof self->net_quantity_box);

  if (net_text != NULL && *net_text != '\0')
    self->net_quantity_text = g_strdup (net_text);
  if (net_box_mm != NULL && !eyl_rect_is_empty (net_box_mm))
    {
      self->net_quantity_box.x0 = net_box_mm->x0 / EYL_MM_PER_PT;
      self->net_quantity_box.y0 = net_box_mm->y0 / EYL_MM_PER_PT;
      self->net_quantity_box.x1 = net_box_mm->x1 / EYL_MM_PER_PT;
      self->net_quantity_box.y1 = net_box_mm->y1 / EYL_MM_PER_PT;
    }
  apply_label_rules (self, rules, page);
}

/* How large an element shows the brand or the product's name, mm. */
static double
name_size_mm (const EylElement *el,
              double            mm_per_pt)
{
  /* A wordmark's letters run along its longer side, also when it is
   * turned up a side panel. */
  if (el->kind == EYL_ELEMENT_LOGO)
    return LOGO_CAP_SHARE * MIN (eyl_rect_width (&el->box), eyl_rect_height (&el->box)) *
           mm_per_pt;
  if (el->cap_height > 0)
    return el->cap_height * mm_per_pt;
  return 0.7 * el->font_size * mm_per_pt;
}

static gboolean
is_ink (guint32 rgb)
{
  int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;

  return eyl_luma (rgb) < INK_LUMA || MAX (r, MAX (g, b)) - MIN (r, MIN (g, b)) > INK_CHROMA;
}

/* @box (page space) in raster pixels, clipped; FALSE when empty. */
static gboolean
box_pixels (const EylRaster *raster,
            const EylRect   *box,
            int             *x0,
            int             *y0,
            int             *x1,
            int             *y1)
{
  double fx0, fy0, fx1, fy1;

  eyl_raster_page_to_pixel (raster, box->x0, box->y0, &fx0, &fy0);
  eyl_raster_page_to_pixel (raster, box->x1, box->y1, &fx1, &fy1);
  *x0 = MAX (0, (int) ceil (MIN (fx0, fx1)));
  *y0 = MAX (0, (int) ceil (MIN (fy0, fy1)));
  *x1 = MIN (raster->width, (int) floor (MAX (fx0, fx1)));
  *y1 = MIN (raster->height, (int) floor (MAX (fy0, fy1)));
  return *x1 - *x0 > 2 && *y1 - *y0 > 2;
}

/* The box (mm²) of the largest patch of ink that stands on @box without
 * touching its edges — a logo or a product picture; a band across the
 * face (a colour strip, a wave that bleeds) touches them. */
static double
largest_graphic_mm2 (const EylRaster *raster,
                     const EylRect   *box,
                     double           mm_per_pt)
{
  g_autofree guint8 *seen = NULL;
  g_autofree int    *stack = NULL;
  int                x0, y0, x1, y1, w, h;
  double             best = 0, mm_per_px;

  if (raster == NULL || !box_pixels (raster, box, &x0, &y0, &x1, &y1))
    return 0;
  w = x1 - x0, h = y1 - y0;
  mm_per_px = mm_per_pt / raster->scale;
  seen = g_new0 (guint8, (gsize) w * h);
  stack = g_new (int, (gsize) w *h);
  for (int start = 0; start < w * h; start++)
    {
      int n = 0, lo_x = w, lo_y = h, hi_x = -1, hi_y = -1;

      if (seen[start] ||
          !is_ink (eyl_raster_get_pixel (raster, x0 + start % w, y0 + start / w)))
        continue;
      seen[start] = 1;
      stack[n++] = start;
      while (n > 0)
        {
          int i = stack[--n], x = i % w, y = i / w;

          lo_x = MIN (lo_x, x), hi_x = MAX (hi_x, x);
          lo_y = MIN (lo_y, y), hi_y = MAX (hi_y, y);
          for (int dy = -1; dy <= 1; dy++)
            for (int dx = -1; dx <= 1; dx++)
              {
                int nx = x + dx, ny = y + dy, k = ny * w + nx;

                if (nx < 0 || ny < 0 || nx >= w || ny >= h || seen[k])
                  continue;
                seen[k] = 1;
                if (is_ink (eyl_raster_get_pixel (raster, x0 + nx, y0 + ny)))
                  stack[n++] = k;
              }
        }
      if (lo_x <= 1 || lo_y <= 1 || hi_x >= w - 2 || hi_y >= h - 2)
        continue;
      best = MAX (best, (hi_x - lo_x + 1) * (hi_y - lo_y + 1) * mm_per_px * mm_per_px);
    }
  return best;
}

typedef struct
{
  const EylElement *brand, *product;
  double            brand_mm, product_mm;
} PanelNames;

/* Why @best is the front: its names, larger than any other face's. */
static char *
names_reason (int               best,
              const PanelNames *n)
{
  GString *reason = g_string_new (NULL);

  /* Translators: the start of the reason a panel is the pack's front;
   * %d is its number. */
  g_string_printf (reason, _("panel %d carries"), best + 1);
  if (n->brand != NULL)
    {
      if (n->brand->kind == EYL_ELEMENT_LOGO)
        /* Translators: part of "panel 2 carries the logo (9.0 mm) …". */
        g_string_append_printf (reason, _(" the logo (%.1f mm)"), n->brand_mm);
      else
        g_string_append_printf (reason, _(" the brand name “%s” (%.1f mm)"), n->brand->text,
                                           n->brand_mm);
    }
  if (n->product != NULL)
    g_string_append_printf (reason, n->brand != NULL ? _(" and the product name “%s” (%.1f mm)")
                                                     : _(" the product name “%s” (%.1f mm)"),
                                                          n->product->text, n->product_mm);
  g_string_append (reason, _(", larger than any other panel"));
  return g_string_free (reason, FALSE);
}

/* The principal display panel: among the faces (the flaps and the narrow
 * sides are not), the one with the brand and product name at the largest
 * size.  A box often repeats its title on the back at the same size:
 * then the front is the face with the largest graphic (the logo or the
 * product picture), the back the one with the copy. */
static void
choose_front (EylPackaging    *self,
              GPtrArray       *elements,
              const EylRaster *raster)
{
  g_autofree PanelNames *names = g_new0 (PanelNames, MAX (self->panels->len, 1));
  g_autofree double     *score = g_new0 (double, MAX (self->panels->len, 1));
  int                    best = -1, second = -1, largest = -1, graphic = -1;
  double                 largest_area = 0, graphic_mm2 = 0;

  for (guint i = 0; elements != NULL && i < elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (elements, i);
      int               p = eyl_panels_find (self->panels, (el->box.x0 + el->box.x1) / 2,
                                             (el->box.y0 + el->box.y1) / 2);
      double            size;

      if (p < 0)
        continue;
      size = name_size_mm (el, self->mm_per_pt);
      if ((el->kind == EYL_ELEMENT_BRAND_NAME || el->kind == EYL_ELEMENT_LOGO) &&
          size > names[p].brand_mm)
        {
          names[p].brand = el;
          names[p].brand_mm = size;
        }
      else if (el->kind == EYL_ELEMENT_HEADLINE && size > names[p].product_mm &&
               (el->text == NULL || g_utf8_strlen (el->text, -1) <= PRODUCT_MAX_CHARS))
        {
          names[p].product = el;
          names[p].product_mm = size;
        }
    }

  for (guint i = 0; i < self->panels->len; i++)
    {
      const EylPanel *p = &g_array_index (self->panels, EylPanel, i);

      if (!p->flap && !p->glue && p->area_mm2 > largest_area)
        {
          largest_area = p->area_mm2;
          largest = (int) i;
        }
    }
  for (guint i = 0; i < self->panels->len; i++)
    {
      const EylPanel *p = &g_array_index (self->panels, EylPanel, i);

      if (p->flap || p->glue || p->area_mm2 < FACE_SHARE * largest_area)
        continue;
      /* Names too small for the face say nothing about which it is. */
      score[i] = names[i].brand_mm + names[i].product_mm;
      if (score[i] < MIN_NAME_SHARE * MIN (p->width_mm, p->height_mm))
        score[i] = 0;
      if (best < 0 || score[i] > score[best])
        second = best, best = (int) i;
      else if (second < 0 || score[i] > score[second])
        second = (int) i;
      if (raster != NULL)
        {
          double g = largest_graphic_mm2 (raster, &p->box, self->mm_per_pt);

          if (g > graphic_mm2)
            graphic_mm2 = g, graphic = (int) i;
        }
    }
  if (best < 0)
    return;

  if (score[best] > 0 && (second < 0 || score[best] >= NAME_MARGIN * score[second]))
    {
      self->front_panel = best;
      self->front_reason = names_reason (best, &names[best]);
    }
  else if (graphic >= 0)
    {
      self->front_panel = graphic;
      /* Translators: %d the panel's number, %.0f the graphic's box in cm². */
      self->front_reason = g_strdup_printf (score[best] > 0
                                            ? _("panel %d carries the largest graphic "
                                                  "(%.0f cm²); the names on the faces are "
                                                  "alike in size")
                                            : _("panel %d carries the largest graphic "
                                                  "(%.0f cm²); no face carries a brand or "
                                                  "product name that could be read"),
                                                 graphic + 1, graphic_mm2 / 100);
    }
  else if (score[best] > 0)
    {
      self->front_panel = best;
      self->front_reason = names_reason (best, &names[best]);
    }
  else
    {
      self->front_panel = largest;
      self->front_reason = g_strdup_printf (_("panel %d is the largest face; no panel carries "
                                              "a brand or product name that could be read"),
                                               largest + 1);
    }
}

/* The page is the bare net (the die-cutter's sheet beside the artwork):
 * no text, and the lines of the net hold all the ink inside it. */
static gboolean
bare_net (const EylPackaging *self,
          const EylPageData  *page,
          const EylRaster    *raster)
{
  cairo_surface_t *mask;
  cairo_t         *cr;
  const guint8    *bits;
  EylRect          net = { 0 };
  int              x0, y0, x1, y1, stride;
  guint64          stray = 0;

  if (raster == NULL || self->dieline == NULL || self->panels->len < 2 ||
      (page->lines != NULL && page->lines->len > 0))
    return FALSE;
  for (guint i = 0; i < self->panels->len; i++)
    if (i == 0)
      net = g_array_index (self->panels, EylPanel, i).box;
    else
      eyl_rect_union (&net, &g_array_index (self->panels, EylPanel, i).box);
  if (!box_pixels (raster, &net, &x0, &y0, &x1, &y1))
    return FALSE;

  mask = cairo_image_surface_create (CAIRO_FORMAT_A8, raster->width, raster->height);
  cr = cairo_create (mask);
  cairo_set_line_width (cr, MAX (3.0, NET_LINE_MM / self->mm_per_pt * raster->scale));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < self->dieline->segments->len; i++)
    {
      const EylDielineSegment *seg = &g_array_index (self->dieline->segments,
                                                     EylDielineSegment, i);
      double                   ax, ay, bx, by;

      eyl_raster_page_to_pixel (raster, seg->x0, seg->y0, &ax, &ay);
      eyl_raster_page_to_pixel (raster, seg->x1, seg->y1, &bx, &by);
      cairo_move_to (cr, ax, ay);
      cairo_line_to (cr, bx, by);
    }
  cairo_stroke (cr);
  cairo_destroy (cr);
  cairo_surface_flush (mask);
  bits = cairo_image_surface_get_data (mask);
  stride = cairo_image_surface_get_stride (mask);
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      stray += bits[y * stride + x] == 0 && is_ink (eyl_raster_get_pixel (raster, x, y));
  cairo_surface_destroy (mask);
  g_debug ("page %u: %" G_GUINT64_FORMAT " px of ink off the net's lines", page->index, stray);
  return stray < BARE_NET_STRAY * (double) (x1 - x0) * (y1 - y0);
}

/* Do the boxes of panels @a and @b touch (share a line of the net)? */
static gboolean
panels_touch (const EylRect *a,
              const EylRect *b,
              double         gap)
{
  return a->x0 <= b->x1 + gap && b->x0 <= a->x1 + gap &&
         a->y0 <= b->y1 + gap && b->y0 <= a->y1 + gap;
}

/* A net is one piece: from any panel every other is reached across the
 * lines they share (boxes drawn apart on a poster are not). */
static gboolean
panels_connected (GArray *panels,
                  double  gap)
{
  g_autofree guint    *stack = g_new (guint, MAX (panels->len, 1));
  g_autofree gboolean *reached = g_new0 (gboolean, MAX (panels->len, 1));
  guint                n = 0, n_reached = 1;

  if (panels->len == 0)
    return FALSE;
  reached[0] = TRUE;
  stack[n++] = 0;
  while (n > 0)
    {
      guint i = stack[--n];

      for (guint k = 0; k < panels->len; k++)
        if (!reached[k] && panels_touch (&g_array_index (panels, EylPanel, i).box,
                                         &g_array_index (panels, EylPanel, k).box, gap))
          {
            reached[k] = TRUE;
            n_reached++;
            stack[n++] = k;
          }
    }
  return n_reached == panels->len;
}

/* Plain strokes enclose a pack's net when they make faces and flaps over
 * much of the sheet, in one piece — not a frame round the page, not a
 * table's cells, not boxes set apart on a poster. */
static gboolean
looks_like_net (GArray            *panels,
                const EylPageData *page,
                double             mm_per_pt)
{
  double  page_area = page->width * page->height, largest = 0;
  EylRect all = { 0 };
  guint   faces = 0, flaps = 0;

  for (guint i = 0; i < panels->len; i++)
    {
      const EylPanel *p = &g_array_index (panels, EylPanel, i);

      if (i == 0)
        all = p->box;
      else
        eyl_rect_union (&all, &p->box);
      largest = MAX (largest, eyl_rect_width (&p->box) * eyl_rect_height (&p->box));
      faces += !p->flap;
      flaps += p->flap;
    }
  return faces >= NET_MIN_FACES && flaps >= 1 && page_area > 0 &&
         eyl_rect_width (&all) * eyl_rect_height (&all) >= NET_MIN_SHARE * page_area &&
         largest <= NET_MAX_PANEL_SHARE * page_area &&
         panels_connected (panels, NET_GAP_MM / mm_per_pt);
}

/* @d when it can be @page's net: drawn on a page of its size, and named,
 * or guessed from strokes that look like a net; else freed. */
static EylDieline *
usable (EylDieline        *d,
        const EylPageData *page,
        double             mm_per_pt)
{
  g_autoptr(GArray) panels = NULL;

  if (d == NULL)
    return NULL;
  if (fabs (d->page_width - page->width) >= 1 || fabs (d->page_height - page->height) >= 1)
    {
      eyl_dieline_free (d);
      return NULL;
    }
  if (!g_array_index (d->groups, EylDielineGroup, 0).guessed)
    return d;
  panels = eyl_panels_from_dieline (d, mm_per_pt);
  if (looks_like_net (panels, page, mm_per_pt))
    return d;
  eyl_dieline_free (d);
  return NULL;
}

EylPackaging *
eyl_packaging_read (const EylPageData *page,
                    const EylRaster   *raster,
                    const EylRenderer *renderer,
                    double             mm_per_pt,
                    const char        *path,
                    const char        *password,
                    GPtrArray         *elements,
                    int                front_panel,
                    gboolean           guess_net)
{
  g_autoptr(EylPackaging) self = eyl_packaging_new ();
  gboolean own_net = FALSE;

  g_return_val_if_fail (page != NULL, NULL);

  self->mm_per_pt = mm_per_pt > 0 ? mm_per_pt : 25.4 / 72.0;
  if (raster != NULL)
    {
      g_clear_pointer (&self->barcodes, g_ptr_array_unref);
      self->barcodes = eyl_detect_barcodes (page, raster, renderer, self->mm_per_pt);
    }

  if (path != NULL)
    {
      g_autoptr(GError) error = NULL;

      self->dieline = usable (eyl_dieline_read (path, password, page->index, guess_net, &error),
                              page, self->mm_per_pt);
      own_net = self->dieline != NULL;
      if (error != NULL)
        g_debug ("page %u: %s", page->index, error->message);
      /* The net is often drawn on a page of its own, after the artwork:
       * a page of the same size nearby lends it. */
      for (guint k = 1; self->dieline == NULL && error == NULL && k <= NEARBY_PAGES; k++)
        for (int dir = 1; dir >= -1 && self->dieline == NULL; dir -= 2)
          if ((int) page->index + dir * (int) k >= 0)
            self->dieline = usable (eyl_dieline_read (path, password,
                                                      page->index + dir * (int) k, guess_net,
                                                      NULL),
                                    page, self->mm_per_pt);
    }
  if (self->dieline != NULL)
    {
      g_array_unref (self->panels);
      self->panels = eyl_panels_from_dieline (self->dieline, self->mm_per_pt);
    }

  /* A page that is only the net (no artwork) has no front to judge. */
  self->dieline_only = own_net && bare_net (self, page, raster);

  /* A net of one panel (a label's outline) is the page itself. */
  if (self->panels->len >= 2 && !self->dieline_only)
    {
      if (front_panel > 0 && (guint) front_panel <= self->panels->len)
        {
          self->front_panel = front_panel - 1;
          self->front_reason = g_strdup_printf (_("panel %d, as chosen"), front_panel);
        }
      else
        choose_front (self, elements, raster);
    }
  return g_steal_pointer (&self);
}

GStrv
eyl_packaging_summary_lines (const EylPackaging *self)
{
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();

  if (self == NULL)
    return g_strv_builder_end (lines);

  if (self->dieline != NULL && self->dieline->groups->len > 0)
    {
      g_autoptr(GString) line = g_string_new (_("Dieline:"));

      for (guint i = 0; i < self->dieline->groups->len; i++)
        {
          const EylDielineGroup *g = &g_array_index (self->dieline->groups, EylDielineGroup, i);

          g_string_append (line, i > 0 ? "; " : " ");
          /* Translators: "layer “Cutting” (ISO 19593-1): cut, 1234 mm". */
          g_string_append_printf (line,
                                  g->iso_layer ? _("layer “%s” (ISO 19593-1): %s, %.0f mm")
                                               : g->layer
                                  ? _("layer “%s”: %s, %.0f mm")
                                  : g->guessed
                                  ? _("%s: %s, %.0f mm")
                                  : _("spot colour “%s”: %s, %.0f mm"),
                                       g->name, eyl_dieline_kind_to_string (g->kind),
                                       g->length_pt * self->mm_per_pt);
        }
      g_strv_builder_add (lines, line->str);
    }

  if (self->panels->len > 0)
    {
      g_autoptr(GString) line = g_string_new (_("Panels:"));

      for (guint i = 0; i < self->panels->len; i++)
        {
          const EylPanel *p = &g_array_index (self->panels, EylPanel, i);

          g_string_append (line, i > 0 ? " · " : " ");
          /* Translators: "3 front 60 × 120 mm". */
          g_string_append_printf (line, _("%u %s %.0f × %.0f mm"), i + 1,
                                           (int) i == self->front_panel ? _("front")
                                                                        : p->glue
                                           ? _("glue flap")
                                           : p->flap
                                           ? _("flap")
                                           : _("panel"),
                                                p->width_mm, p->height_mm);
        }
      g_strv_builder_add (lines, line->str);
    }
  if (self->dieline_only)
    g_strv_builder_add (lines, _("The page is the bare net: not judged as artwork."));
  if (self->front_reason != NULL)
    {
      g_autofree char *line = g_strdup_printf (_("Front panel: %s."), self->front_reason);

      g_strv_builder_add (lines, line);
    }

  for (guint i = 0; i < self->barcodes->len; i++)
    {
      const EylBarcode *b = g_ptr_array_index (self->barcodes, i);
      g_autofree char  *line = NULL;

      if (b->measured)
        /* Translators: "Barcode EAN-13 4006381333931: 100 % (module 0.330 mm), bars 22.8 of
         * 22.9 mm, quiet zones 11.0 and 7.0 modules, red-light contrast 100 %". */
        line = g_strdup_printf (_("Barcode %s %s: %.0f %% (module %.3f mm), bars %.1f of "
                                  "%.1f mm, quiet zones %.1f and %.1f modules, red-light "
                                  "contrast %.0f %%%s"),
                                   b->symbology, b->digits, 100 * b->magnification, b->module_mm,
                                   b->bar_height_mm, b->nominal_height_mm, b->quiet_left_modules,
                                   b->quiet_right_modules, 100 * b->red_contrast,
                                   b->check_ok ? "" : _(", check digit wrong"));
      else
        line = g_strdup_printf (_("Barcode %s %s (not measured)%s"), b->symbology, b->digits,
                                   b->check_ok ? "" : _(", check digit wrong"));
      g_strv_builder_add (lines, line);
    }
  return g_strv_builder_end (lines);
}

/* The x-height a back or side panel's text needs, read in the hand: the
 * label rule sets chosen, else EU 1169/2011 Art. 13 (the legal minimum
 * for mandatory text on a pack); 0 when there is none. */
static double
hand_x_height_mm (const EylPackaging *self,
                  const char        **source)
{
  g_autoptr(GPtrArray) own = NULL;
  GPtrArray *sets = self->label_rules;
  double     largest_mm2 = 0, need = 0;

  if (sets == NULL)
    sets = own = eyl_label_rules_load (HAND_LABEL_RULES, NULL);
  for (guint i = 0; i < self->panels->len; i++)
    largest_mm2 = MAX (largest_mm2, g_array_index (self->panels, EylPanel, i).area_mm2);
  for (guint i = 0; sets != NULL && i < sets->len; i++)
    {
      const EylLabelRuleSet *set = g_ptr_array_index (sets, i);
      double                 x = set->x_height_min_mm;

      if (set->small_x_height_min_mm > 0 && largest_mm2 < set->small_surface_cm2 * 100)
        x = set->small_x_height_min_mm;
      if (x > need)
        {
          need = x;
          *source = g_intern_string (set->source);
        }
    }
  return need;
}

static const EylElement *
finding_element (const EylFinding *f,
                 GPtrArray        *elements)
{
  for (guint k = 0; f->element_id != NULL && k < elements->len; k++)
    {
      const EylElement *el = g_ptr_array_index (elements, k);

      if (g_strcmp0 (el->id, f->element_id) == 0)
        return el;
    }
  return NULL;
}

void
eyl_packaging_filter_findings (const EylPackaging *self,
                               GPtrArray          *elements,
                               GPtrArray          *findings)
{
  const char *source = NULL;
  double      need_x = -1;

  /* The bare net is not artwork: nothing on it is judged. */
  if (self != NULL && self->dieline_only)
    {
      g_ptr_array_set_size (findings, 0);
      return;
    }
  if (!eyl_packaging_front_box (self, NULL))
    return;
  for (guint i = findings->len; i > 0; i--)
    {
      EylFinding       *f = g_ptr_array_index (findings, i - 1);
      const EylElement *el = finding_element (f, elements);
      g_autofree char  *message = NULL;
      g_autofree char  *fix = NULL;
      double            x_mm;

      if (el == NULL || !eyl_packaging_off_front (self, el))
        continue;
      /* The frame is the front panel's: an element on another panel is
       * "outside" it by design, not beyond the trim. */
      if (g_str_equal (f->rule, "safe-zone") &&
          !json_object_has_member (f->measures, "panel"))
        {
          g_ptr_array_remove_index (findings, i - 1);
          continue;
        }
      if (!g_str_equal (f->rule, "text-too-small") || el->cap_height_mm <= 0)
        continue;
      /* A back or side panel is read in the hand, where a pack's text is
       * held to the label minimum, not to a sign's legibility. */
      if (need_x < 0)
        need_x = hand_x_height_mm (self, &source);
      if (need_x <= 0)
        continue;
      x_mm = X_PER_CAP * el->cap_height_mm;
      if (round (x_mm * 10) >= round (need_x * 10))
        {
          g_ptr_array_remove_index (findings, i - 1);
          continue;
        }
      /* Translators: "“https://…” on a back or side panel, read in the hand at 0.35 m, has an
       * x-height of about 0.8 mm (capitals 1.1 mm); Regulation … asks for 0.9 mm." */
      message = g_strdup_printf (_("“%s” on a back or side panel, read in the hand at %.2f m, "
                                   "has an x-height of about %.1f mm (capitals %.1f mm); %s "
                                   "asks for %.1f mm."),
                                    el->text != NULL ? el->text : "", HAND_DISTANCE_M, x_mm,
                                    el->cap_height_mm, source, need_x);
      fix = g_strdup_printf (_("Set the text with an x-height of at least %.1f mm (capitals "
                               "of about %.1f mm)."),
                                need_x, need_x / X_PER_CAP);
      eyl_finding_set_text (f, message, fix);
      eyl_finding_add_measure (f, "x_height_mm", x_mm);
      eyl_finding_add_measure (f, "needed_x_height_mm", need_x);
    }
}

/* The ids of @rules, and NET_LABEL_RULES after them when @mark asks for
 * it (as apply_label_rules adds it), joined by commas. */
static char *
dup_rule_ids (GPtrArray *rules,
              gboolean   mark)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; rules != NULL && i < rules->len; i++)
    g_string_append_printf (ids, "%s,", ((EylLabelRuleSet *) g_ptr_array_index (rules, i))->id);
  if (mark && !has_net_part (rules))
    g_string_append (ids, NET_LABEL_RULES ",");
  return g_string_free (ids, FALSE);
}

static EylDieline *
dieline_copy (const EylDieline *dieline)
{
  EylDieline *copy = g_new0 (EylDieline, 1);

  copy->groups = g_array_copy (dieline->groups);
  for (guint i = 0; i < copy->groups->len; i++)
    {
      EylDielineGroup *g = &g_array_index (copy->groups, EylDielineGroup, i);

      g->name = g_strdup (g->name);
    }
  copy->segments = g_array_copy (dieline->segments);
  copy->page_width = dieline->page_width;
  copy->page_height = dieline->page_height;
  return copy;
}

EylPackaging *
eyl_packaging_with_label_rules (EylPackaging *self,
                                GPtrArray    *rules,
                                EylPageData  *text)
{
  g_autofree char *wanted = NULL;
  g_autofree char *read = NULL;
  EylPackaging    *copy;

  g_return_val_if_fail (self != NULL, NULL);

  wanted = dup_rule_ids (rules, eyl_packaging_has_net_mark (self));
  read = dup_rule_ids (self->label_rules, FALSE);
  if (g_str_equal (wanted, read))
    return eyl_packaging_ref (self);

  /* What was read is shared or copied; only the sets differ. */
  copy = eyl_packaging_new ();
  g_ptr_array_unref (copy->barcodes);
  copy->barcodes = g_ptr_array_ref (self->barcodes);
  g_array_unref (copy->panels);
  copy->panels = g_array_ref (self->panels);
  if (self->dieline != NULL)
    copy->dieline = dieline_copy (self->dieline);
  copy->front_panel = self->front_panel;
  copy->front_reason = g_strdup (self->front_reason);
  copy->mm_per_pt = self->mm_per_pt;
  copy->dieline_only = self->dieline_only;
  copy->net_quantity_text = g_strdup (self->net_quantity_text);
  copy->net_quantity_box = self->net_quantity_box;
  apply_label_rules (copy, rules, text != NULL ? text : self->text);
  return copy;
}
