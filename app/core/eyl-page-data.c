/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-page-data"

#include <math.h>
#include <string.h>

#include "eyl-page-data.h"

/* Estimates used when a line's ink could not be measured: typical Latin
 * sans-serif proportions (DejaVu Sans: cap 0.729 em, x 0.547 em; Helvetica
 * 0.718 / 0.523). */
#define CAP_ESTIMATE 0.7
#define X_ESTIMATE   0.5

/* The public struct plus what only this file needs. */
typedef struct
{
  EylPageData pub;
  GArray     *offsets; /* gsize: byte offset of glyph i in text, n + 1 */
} EylPageDataReal;

typedef struct
{
  guint  line;
  double cap_height;
  double x_height;
} PendingMetrics;

struct _EylPageDataBuilder
{
  guint        index;
  double       width, height;
  EylPageBoxes boxes;
  gboolean     has_boxes;

  GString   *text;
  GArray    *offsets; /* gsize */
  GArray    *glyphs;  /* EylGlyph */
  GArray    *runs;    /* EylTextRun */
  GArray    *lines;   /* EylTextLine, NULL until split */
  GArray    *images;
  GArray    *links;
  GPtrArray *warnings;
  GArray    *metrics; /* PendingMetrics */
};

static void
clear_run (gpointer data)
{
  EylTextRun *run = data;

  g_clear_pointer (&run->font_name, g_free);
}

static void
clear_link (gpointer data)
{
  EylLinkInfo *link = data;

  g_clear_pointer (&link->uri, g_free);
}

static void
eyl_page_data_free (EylPageData *self)
{
  EylPageDataReal *real = (EylPageDataReal *) self;

  g_free (self->text);
  g_clear_pointer (&self->glyphs, g_array_unref);
  g_clear_pointer (&self->runs, g_array_unref);
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->images, g_array_unref);
  g_clear_pointer (&self->links, g_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&real->offsets, g_array_unref);
  g_free (real);
}

EylPageData *
eyl_page_data_ref (EylPageData *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
eyl_page_data_unref (EylPageData *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    eyl_page_data_free (self);
}

G_DEFINE_BOXED_TYPE (EylPageData, eyl_page_data, eyl_page_data_ref, eyl_page_data_unref)

static gboolean
range_fits (guint start,
            guint end,
            guint n)
{
  return start <= end && end <= n;
}

EylPageData *
eyl_page_data_new_from_text_layer (guint          index,
                                   double         width,
                                   double         height,
                                   const EylRect *visible,
                                   GArray        *glyphs,
                                   GArray        *runs,
                                   GArray        *lines)
{
  g_autoptr(GArray) own_glyphs = glyphs, own_runs = runs, own_lines = lines;
  EylPageDataReal *real;
  EylPageData     *self;
  GString         *text;
  gsize            offset = 0;

  g_return_val_if_fail (visible != NULL && glyphs != NULL && runs != NULL && lines != NULL, NULL);

  g_array_set_clear_func (runs, clear_run);
  for (guint i = 0; i < glyphs->len; i++)
    {
      const EylGlyph *glyph = &g_array_index (glyphs, EylGlyph, i);

      if (glyph->run >= runs->len || (glyph->line != G_MAXUINT && glyph->line >= lines->len) ||
          !g_unichar_validate (glyph->ch) || glyph->ch == 0)
        return NULL;
    }
  for (guint i = 0; i < runs->len; i++)
    if (!range_fits (g_array_index (runs, EylTextRun, i).start,
                     g_array_index (runs, EylTextRun, i).end, glyphs->len))
      return NULL;
  for (guint i = 0; i < lines->len; i++)
    if (!range_fits (g_array_index (lines, EylTextLine, i).start,
                     g_array_index (lines, EylTextLine, i).end, glyphs->len))
      return NULL;

  real = g_new0 (EylPageDataReal, 1);
  self = &real->pub;
  g_atomic_ref_count_init (&self->ref_count);
  self->index = index;
  self->width = width;
  self->height = height;
  self->visible = *visible;
  self->boxes.media = self->boxes.crop = (EylRect) { 0, 0, width, height };
  self->boxes.user_unit = 1.0;

  text = g_string_new (NULL);
  real->offsets = g_array_sized_new (FALSE, FALSE, sizeof (gsize), glyphs->len + 1);
  g_array_append_val (real->offsets, offset);
  for (guint i = 0; i < glyphs->len; i++)
    {
      g_string_append_unichar (text, g_array_index (glyphs, EylGlyph, i).ch);
      offset = text->len;
      g_array_append_val (real->offsets, offset);
    }
  self->text = g_string_free (text, FALSE);
  self->glyphs = g_steal_pointer (&own_glyphs);
  self->runs = g_steal_pointer (&own_runs);
  self->lines = g_steal_pointer (&own_lines);
  self->images = g_array_new (FALSE, FALSE, sizeof (EylImageInfo));
  self->links = g_array_new (FALSE, FALSE, sizeof (EylLinkInfo));
  g_array_set_clear_func (self->links, clear_link);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  return self;
}

char *
eyl_page_data_dup_text (const EylPageData *self,
                        guint              start,
                        guint              end)
{
  const EylPageDataReal *real = (const EylPageDataReal *) self;
  gsize                  a, b;

  g_return_val_if_fail (self != NULL, NULL);

  end = MIN (end, self->glyphs->len);
  if (start >= end)
    return g_strdup ("");

  a = g_array_index (real->offsets, gsize, start);
  b = g_array_index (real->offsets, gsize, end);
  return g_strndup (self->text + a, b - a);
}

/* A character the PDF gives for a glyph without saying what it is. */
static gboolean
meaning_unknown (gunichar ch)
{
  GUnicodeType type = g_unichar_type (ch);

  return ch == 0xFFFD || type == G_UNICODE_PRIVATE_USE || type == G_UNICODE_UNASSIGNED ||
         type == G_UNICODE_SURROGATE || (type == G_UNICODE_CONTROL && ch != '\t' && ch != '\n');
}

/* What a glyph adds to the text to match on (see dup_match_text). */
static void
append_match_char (GString          *out,
                   GArray           *glyph_of,
                   guint             glyph,
                   gunichar          ch,
                   gboolean          last,
                   EylMatchTextFlags flags)
{
  gsize before = out->len;

  if (ch == 0x00AD)
    {
      /* Only a glyph that is drawn is in a PDF: inside a line the reader
       * sees a hyphen; at the end of the range it is a line break. */
      if (!last && (flags & EYL_MATCH_TEXT_SOFT_HYPHEN_SEEN))
        g_string_append_c (out, '-');
    }
  else if (ch >= 0xFB00 && ch <= 0xFB06)
    {
      /* The Latin ligatures U+FB00 … U+FB06: ff, fi, fl, ffi, ffl, st, st. */
      gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gsize    n = g_unichar_fully_decompose (ch, TRUE, parts, G_N_ELEMENTS (parts));

      for (gsize i = 0; i < n; i++)
        g_string_append_unichar (out, parts[i]);
    }
  else if (ch == 0x200B || ch == 0x200C || ch == 0x200D || ch == 0x2060 || ch == 0xFEFF)
    ; /* zero-width: nothing to see, nothing to match */
  else if (meaning_unknown (ch))
    /* A glyph whose meaning the PDF does not say (a font without a
     * Unicode map): it ends a word, so no contact runs through it and a
     * URL stops before its garbled version number. */
    g_string_append_c (out, ' ');
  else
    g_string_append_unichar (out, ch);

  for (gsize i = before; i < out->len; i++)
    g_array_append_val (glyph_of, glyph);
}

char *
eyl_page_data_dup_match_text (const EylPageData *self,
                              guint              start,
                              guint              end,
                              EylMatchTextFlags  flags,
                              guint            **glyph_of)
{
  GString *out;
  g_autoptr(GArray) map = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  end = MIN (end, self->glyphs->len);
  out = g_string_new (NULL);
  map = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = start; i < end; i++)
    append_match_char (out, map, i, g_array_index (self->glyphs, EylGlyph, i).ch,
                       i + 1 == end, flags);
  g_array_append_val (map, end);

  if (glyph_of != NULL)
    *glyph_of = (guint *) (gpointer) g_array_free (g_steal_pointer (&map), FALSE);
  return g_string_free (out, FALSE);
}

EylRect
eyl_page_data_glyph_box (const EylPageData *self,
                         guint              start,
                         guint              end)
{
  EylRect box = { 0, 0, 0, 0 };

  g_return_val_if_fail (self != NULL, box);

  end = MIN (end, self->glyphs->len);
  for (guint i = start; i < end; i++)
    eyl_rect_union (&box, &g_array_index (self->glyphs, EylGlyph, i).box);
  return box;
}

void
eyl_page_data_visible_size (const EylPageData *self,
                            double            *width_pt,
                            double            *height_pt)
{
  double unit;

  g_return_if_fail (self != NULL);

  /* /UserUnit scales every length of the page (ISO 32000-1, Table 30). */
  unit = self->boxes.user_unit > 0 ? self->boxes.user_unit : 1.0;
  if (width_pt != NULL)
    *width_pt = eyl_rect_width (&self->visible) * unit;
  if (height_pt != NULL)
    *height_pt = eyl_rect_height (&self->visible) * unit;
}

/* When only one of the two was measured, the other follows from it by
 * the same typical ratio the estimates use; neither: the estimates stay. */
static void
set_line_metrics (EylTextLine *line,
                  double       cap_height,
                  double       x_height)
{
  if (cap_height > 0 && x_height > 0)
    {
      line->cap_height = cap_height;
      line->x_height = x_height;
    }
  else if (cap_height > 0)
    {
      line->cap_height = cap_height;
      line->x_height = cap_height * X_ESTIMATE / CAP_ESTIMATE;
    }
  else if (x_height > 0)
    {
      line->x_height = x_height;
      line->cap_height = x_height * CAP_ESTIMATE / X_ESTIMATE;
    }
  else
    return;
  line->measured = TRUE;
}

EylPageData *
eyl_page_data_new_with_line_metrics (EylPageData  *self,
                                     const double *cap_heights,
                                     const double *x_heights)
{
  const EylPageDataReal *real = (const EylPageDataReal *) self;
  EylPageDataReal       *copy_real;
  EylPageData           *copy;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (cap_heights != NULL && x_heights != NULL, NULL);

  copy_real = g_new0 (EylPageDataReal, 1);
  copy = &copy_real->pub;
  g_atomic_ref_count_init (&copy->ref_count);
  copy->index = self->index;
  copy->width = self->width;
  copy->height = self->height;
  copy->boxes = self->boxes;
  copy->visible = self->visible;
  copy->text = g_strdup (self->text);
  /* Never changed once made: shared, but for the lines. */
  copy_real->offsets = real->offsets != NULL ? g_array_ref (real->offsets) : NULL;
  copy->glyphs = self->glyphs != NULL ? g_array_ref (self->glyphs) : NULL;
  copy->runs = self->runs != NULL ? g_array_ref (self->runs) : NULL;
  copy->images = self->images != NULL ? g_array_ref (self->images) : NULL;
  copy->links = self->links != NULL ? g_array_ref (self->links) : NULL;
  copy->warnings = self->warnings != NULL ? g_ptr_array_ref (self->warnings) : NULL;
  if (self->lines != NULL)
    {
      copy->lines = g_array_copy (self->lines);
      for (guint i = 0; i < copy->lines->len; i++)
        set_line_metrics (&g_array_index (copy->lines, EylTextLine, i), cap_heights[i], x_heights[i]);
    }
  return copy;
}

/* Builder */

EylPageDataBuilder *
eyl_page_data_builder_new (guint  index,
                           double width,
                           double height)
{
  EylPageDataBuilder *builder = g_new0 (EylPageDataBuilder, 1);
  gsize               zero = 0;

  builder->index = index;
  builder->width = width;
  builder->height = height;
  builder->text = g_string_new (NULL);
  builder->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_array_append_val (builder->offsets, zero);
  builder->glyphs = g_array_new (FALSE, FALSE, sizeof (EylGlyph));
  builder->runs = g_array_new (FALSE, FALSE, sizeof (EylTextRun));
  g_array_set_clear_func (builder->runs, clear_run);
  builder->images = g_array_new (FALSE, FALSE, sizeof (EylImageInfo));
  builder->links = g_array_new (FALSE, FALSE, sizeof (EylLinkInfo));
  g_array_set_clear_func (builder->links, clear_link);
  builder->warnings = g_ptr_array_new_with_free_func (g_free);
  builder->metrics = g_array_new (FALSE, FALSE, sizeof (PendingMetrics));
  return builder;
}

void
eyl_page_data_builder_free (EylPageDataBuilder *builder)
{
  if (builder == NULL)
    return;

  if (builder->text != NULL)
    g_string_free (builder->text, TRUE);
  g_clear_pointer (&builder->offsets, g_array_unref);
  g_clear_pointer (&builder->glyphs, g_array_unref);
  g_clear_pointer (&builder->runs, g_array_unref);
  g_clear_pointer (&builder->lines, g_array_unref);
  g_clear_pointer (&builder->images, g_array_unref);
  g_clear_pointer (&builder->links, g_array_unref);
  g_clear_pointer (&builder->warnings, g_ptr_array_unref);
  g_clear_pointer (&builder->metrics, g_array_unref);
  g_free (builder);
}

void
eyl_page_data_builder_set_boxes (EylPageDataBuilder *builder,
                                 const EylPageBoxes *boxes)
{
  g_return_if_fail (builder != NULL);
  g_return_if_fail (boxes != NULL);

  builder->boxes = *boxes;
  builder->has_boxes = TRUE;
}

void
eyl_page_data_builder_add_text (EylPageDataBuilder *builder,
                                const char         *utf8,
                                const EylRect      *box,
                                const EylRect      *glyph_boxes,
                                const char         *font_name,
                                double              font_size,
                                guint32             color)
{
  g_autofree char *valid = NULL;
  EylTextRun       run = {
          0,
  };
  glong       n_chars, n_shared = 0;
  guint       k = 0;
  const char *p;

  g_return_if_fail (builder != NULL);
  g_return_if_fail (utf8 != NULL);
  g_return_if_fail (box != NULL || glyph_boxes != NULL);

  valid = g_utf8_make_valid (utf8, -1);
  n_chars = g_utf8_strlen (valid, -1);
  if (n_chars == 0)
    return;

  /* Lines are split again at end(). */
  g_clear_pointer (&builder->lines, g_array_unref);

  for (p = valid; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) != '\n')
      n_shared++;

  run.start = builder->glyphs->len;
  run.font_name = g_strdup (font_name);
  run.font_size = font_size;
  run.color = color & 0xffffff;

  for (p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      EylGlyph glyph = {
        0,
      };
      gsize offset;

      glyph.ch = g_utf8_get_char (p);
      glyph.run = builder->runs->len;
      glyph.line = G_MAXUINT;

      if (glyph_boxes != NULL)
        glyph.box = glyph_boxes[g_utf8_pointer_to_offset (valid, p)];
      else if (glyph.ch == '\n')
        /* A line break takes no room: an empty box at the end. */
        glyph.box = (EylRect) { box->x1, box->y0, box->x1, box->y0 };
      else
        {
          double w = eyl_rect_width (box) / n_shared;

          glyph.box = (EylRect) { box->x0 + k * w, box->y0,
                                  box->x0 + (k + 1) * w, box->y1 };
          k++;
        }

      g_string_append_unichar (builder->text, glyph.ch);
      offset = builder->text->len;
      g_array_append_val (builder->offsets, offset);
      g_array_append_val (builder->glyphs, glyph);
    }

  run.end = builder->glyphs->len;
  g_array_append_val (builder->runs, run);
}

void
eyl_page_data_builder_add_image (EylPageDataBuilder *builder,
                                 const EylRect      *box,
                                 int                 width_px,
                                 int                 height_px)
{
  EylImageInfo info = {
    0,
  };
  double w_in, h_in;

  g_return_if_fail (builder != NULL);
  g_return_if_fail (box != NULL);

  info.box = *box;
  info.width_px = width_px;
  info.height_px = height_px;

  /* Effective ppi: pixels over the size the image is drawn at, 72 pt per
   * inch, at the page's 1:1 size (UserUnit is applied by the analysis). */
  w_in = eyl_rect_width (box) / 72.0;
  h_in = eyl_rect_height (box) / 72.0;
  info.ppi_x = w_in > 0 ? width_px / w_in : 0;
  info.ppi_y = h_in > 0 ? height_px / h_in : 0;

  g_array_append_val (builder->images, info);
}

void
eyl_page_data_builder_add_link (EylPageDataBuilder *builder,
                                const EylRect      *box,
                                const char         *uri)
{
  EylLinkInfo link;

  g_return_if_fail (builder != NULL);
  g_return_if_fail (box != NULL);

  link.box = *box;
  link.uri = g_strdup (uri != NULL ? uri : "");
  g_array_append_val (builder->links, link);
}

void
eyl_page_data_builder_add_warning (EylPageDataBuilder *builder,
                                   const char         *message)
{
  g_return_if_fail (builder != NULL);
  g_return_if_fail (message != NULL);

  g_ptr_array_add (builder->warnings, g_strdup (message));
}

void
eyl_page_data_builder_set_line_metrics (EylPageDataBuilder *builder,
                                        guint               line,
                                        double              cap_height,
                                        double              x_height)
{
  PendingMetrics m = { line, cap_height, x_height };

  g_return_if_fail (builder != NULL);

  g_array_append_val (builder->metrics, m);
}

static gboolean
glyph_is_blank (const EylGlyph *g)
{
  return g_unichar_isspace (g->ch) || eyl_rect_is_empty (&g->box);
}

/* The colour and size that cover most glyphs of the line. */
static void
line_dominant_style (EylPageDataBuilder *builder,
                     EylTextLine        *line)
{
  guint best_count = 0;
  guint i = line->start;

  while (i < line->end)
    {
      guint             run_index = g_array_index (builder->glyphs, EylGlyph, i).run;
      const EylTextRun *run = &g_array_index (builder->runs, EylTextRun, run_index);
      guint             stop = MIN (run->end, line->end);
      guint             count = 0;

      for (guint j = i; j < stop; j++)
        if (!glyph_is_blank (&g_array_index (builder->glyphs, EylGlyph, j)))
          count++;

      if (count > best_count || best_count == 0)
        {
          best_count = MAX (count, best_count);
          line->font_size = run->font_size;
          line->color = run->color;
        }
      i = MAX (stop, i + 1);
    }
}

static void
finish_line (EylPageDataBuilder *builder,
             guint               start,
             guint               end)
{
  EylTextLine line = {
    0,
  };
  gboolean has_ink = FALSE;
  guint    index = builder->lines->len;
  guint    n_ink = 0, n_unknown = 0;

  /* Leading and trailing blanks belong to no line. */
  while (start < end && glyph_is_blank (&g_array_index (builder->glyphs, EylGlyph, start)))
    start++;
  while (end > start && glyph_is_blank (&g_array_index (builder->glyphs, EylGlyph, end - 1)))
    end--;

  for (guint i = start; i < end; i++)
    {
      EylGlyph *g = &g_array_index (builder->glyphs, EylGlyph, i);

      if (!glyph_is_blank (g))
        has_ink = TRUE;
    }
  if (!has_ink)
    return;

  line.start = start;
  line.end = end;
  for (guint i = start; i < end; i++)
    {
      EylGlyph *g = &g_array_index (builder->glyphs, EylGlyph, i);

      g->line = index;
      eyl_rect_union (&line.box, &g->box);
      if (!glyph_is_blank (g))
        {
          n_ink++;
          n_unknown += meaning_unknown (g->ch) ? 1 : 0;
        }
    }
  line.garbled = 3 * n_unknown >= n_ink;
  line_dominant_style (builder, &line);
  line.cap_height = CAP_ESTIMATE * line.font_size;
  line.x_height = X_ESTIMATE * line.font_size;
  line.measured = FALSE;
  g_array_append_val (builder->lines, line);
}

/* Whether @g continues the line whose last glyph is @prev.
 *
 * A '\n' always ends a line (handled by the caller); otherwise a baseline
 * jump of more than half the line height does.  Poppler's glyph box runs
 * from the font's ascent to its descent, so its bottom is the baseline
 * plus a descent proportional to the size: good enough to compare
 * baselines within a line (a superscript moves less than that, a new line
 * more).  Text on a page turned a quarter runs down or up the page: there
 * the "baseline" is an x coordinate. */
static gboolean
continues_line (const EylGlyph *prev,
                const EylGlyph *g,
                int            *direction,
                double          height,
                double          width)
{
  if (*direction == 0)
    {
      double dx = (g->box.x0 + g->box.x1 - prev->box.x0 - prev->box.x1) / 2;
      double dy = (g->box.y0 + g->box.y1 - prev->box.y0 - prev->box.y1) / 2;
      double overlap_x = MIN (g->box.x1, prev->box.x1) - MAX (g->box.x0, prev->box.x0);

      /* Stacked glyphs that share their x range flow vertically. */
      *direction = (fabs (dy) > fabs (dx) && overlap_x > 0.5 * MIN (eyl_rect_width (&g->box),
                                                                    eyl_rect_width (&prev->box)))
                       ? 2
                       : 1;
    }

  if (*direction == 2)
    return MIN (fabs (g->box.x0 - prev->box.x0), fabs (g->box.x1 - prev->box.x1)) <= 0.5 * MAX (width, eyl_rect_width (&g->box));

  return fabs (g->box.y1 - prev->box.y1) <= 0.5 * MAX (height, eyl_rect_height (&g->box));
}

static void
split_lines (EylPageDataBuilder *builder)
{
  guint           start = 0;
  const EylGlyph *prev = NULL;
  double          height = 0, width = 0;
  int             direction = 0; /* 0 unknown, 1 horizontal, 2 vertical */

  if (builder->lines != NULL)
    return;

  builder->lines = g_array_new (FALSE, FALSE, sizeof (EylTextLine));
  for (guint i = 0; i < builder->glyphs->len; i++)
    g_array_index (builder->glyphs, EylGlyph, i).line = G_MAXUINT;

  for (guint i = 0; i < builder->glyphs->len; i++)
    {
      const EylGlyph *g = &g_array_index (builder->glyphs, EylGlyph, i);

      if (g->ch == '\n')
        {
          finish_line (builder, start, i);
          start = i + 1;
          prev = NULL;
          continue;
        }
      if (glyph_is_blank (g))
        continue;

      if (prev != NULL && !continues_line (prev, g, &direction, height, width))
        {
          finish_line (builder, start, i);
          start = i;
          prev = NULL;
        }
      if (prev == NULL)
        {
          height = eyl_rect_height (&g->box);
          width = eyl_rect_width (&g->box);
          direction = 0;
        }
      else
        {
          height = MAX (height, eyl_rect_height (&g->box));
          width = MAX (width, eyl_rect_width (&g->box));
        }
      prev = g;
    }
  finish_line (builder, start, builder->glyphs->len);
}

const EylTextLine *
eyl_page_data_builder_get_lines (EylPageDataBuilder *builder,
                                 guint              *n_lines)
{
  g_return_val_if_fail (builder != NULL, NULL);

  split_lines (builder);
  if (n_lines != NULL)
    *n_lines = builder->lines->len;
  return (const EylTextLine *) (gpointer) builder->lines->data;
}

const EylGlyph *
eyl_page_data_builder_get_glyphs (EylPageDataBuilder *builder,
                                  guint              *n_glyphs)
{
  g_return_val_if_fail (builder != NULL, NULL);

  split_lines (builder);
  if (n_glyphs != NULL)
    *n_glyphs = builder->glyphs->len;
  return (const EylGlyph *) (gpointer) builder->glyphs->data;
}

static void
apply_metrics (EylPageDataBuilder *builder)
{
  for (guint i = 0; i < builder->metrics->len; i++)
    {
      const PendingMetrics *m = &g_array_index (builder->metrics, PendingMetrics, i);

      if (m->line >= builder->lines->len)
        {
          g_debug ("line metrics for line %u of %u ignored", m->line, builder->lines->len);
          continue;
        }
      set_line_metrics (&g_array_index (builder->lines, EylTextLine, m->line),
                        m->cap_height, m->x_height);
    }
}

EylPageData *
eyl_page_data_builder_end (EylPageDataBuilder *builder)
{
  EylPageDataReal *real;
  EylPageData     *self;

  g_return_val_if_fail (builder != NULL, NULL);

  split_lines (builder);
  apply_metrics (builder);

  real = g_new0 (EylPageDataReal, 1);
  self = &real->pub;
  g_atomic_ref_count_init (&self->ref_count);

  self->index = builder->index;
  self->width = builder->width;
  self->height = builder->height;

  if (builder->has_boxes)
    self->boxes = builder->boxes;
  else
    {
      EylRect page = { 0, 0, builder->width, builder->height };

      self->boxes.media = page;
      self->boxes.crop = page;
      self->boxes.rotate = 0;
    }
  if (self->boxes.user_unit <= 0)
    self->boxes.user_unit = 1.0;

  /* The trim box is the finished artwork; bleed is never visible. */
  if (self->boxes.has_trim && !eyl_rect_is_empty (&self->boxes.trim))
    self->visible = self->boxes.trim;
  else if (!eyl_rect_is_empty (&self->boxes.crop))
    self->visible = self->boxes.crop;
  else
    self->visible = (EylRect) { 0, 0, builder->width, builder->height };

  self->text = g_string_free (g_steal_pointer (&builder->text), FALSE);
  real->offsets = g_steal_pointer (&builder->offsets);
  self->glyphs = g_steal_pointer (&builder->glyphs);
  self->runs = g_steal_pointer (&builder->runs);
  self->lines = g_steal_pointer (&builder->lines);
  self->images = g_steal_pointer (&builder->images);
  self->links = g_steal_pointer (&builder->links);
  self->warnings = g_steal_pointer (&builder->warnings);

  eyl_page_data_builder_free (builder);
  return self;
}
