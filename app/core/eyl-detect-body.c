/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-detect"

#include <math.h>
#include <string.h>

#include "eyl-detect-private.h"

/* Body copy: the running text that no other element explains, as blocks
 * of neighbouring lines in one type size.  The rules judge its legibility
 * once per page (a block, never a line), and the score counts it.  A
 * block needs some words: a lone label or a caption is not copy. */

#define MIN_BLOCK_CHARS 40
#define MIN_LINE_WORDS  3
#define SIZE_TOLERANCE  0.15 /* one type size: ±15 % */
#define TEXT_CHARS      60   /* the block's text as quoted */

static guint
count_words (const char *text)
{
  guint    n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean letter = g_unichar_isalpha (g_utf8_get_char (p));

      if (letter && !in_word)
        n++;
      in_word = letter;
    }
  return n;
}

/* The line is part of an element found before (a contact, the headline,
 * a call to action): its words are not copy. */
static gboolean
line_taken (const EylTextLine *line,
            GPtrArray         *elements)
{
  for (guint i = 0; i < elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (elements, i);

      if (eyl_detect_rect_coverage (&line->box, &el->box) > 0.5)
        return TRUE;
    }
  return FALSE;
}

static gboolean
continues_block (const EylTextLine *prev,
                 const EylTextLine *line)
{
  double height = MAX (eyl_rect_height (&prev->box), eyl_rect_height (&line->box));
  double gap = line->box.y0 - prev->box.y1;

  return gap > -0.5 * height && gap < 1.2 * height &&
         line->box.x0 < prev->box.x1 && prev->box.x0 < line->box.x1 &&
         fabs (line->font_size - prev->font_size) <= SIZE_TOLERANCE * MAX (prev->font_size, 1);
}

static void
add_block (const EylPageData *page,
           GArray            *lines,
           GPtrArray         *elements)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) caps = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (double));
  EylRect          box = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  g_autofree char *quoted = NULL;
  EylElement      *el;

  for (guint i = 0; i < lines->len; i++)
    {
      const EylTextLine *line = &g_array_index (page->lines, EylTextLine,
                                                g_array_index (lines, guint, i));
      g_autofree char   *t = eyl_detect_line_text (page, g_array_index (lines, guint, i));

      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, g_strstrip (t));
      box.x0 = MIN (box.x0, line->box.x0);
      box.y0 = MIN (box.y0, line->box.y0);
      box.x1 = MAX (box.x1, line->box.x1);
      box.y1 = MAX (box.y1, line->box.y1);
      if (line->cap_height > 0)
        g_array_append_val (caps, line->cap_height);
      g_array_append_val (sizes, line->font_size);
    }
  if (g_utf8_strlen (text->str, -1) < MIN_BLOCK_CHARS)
    return;

  quoted = g_utf8_substring (text->str, 0, MIN (g_utf8_strlen (text->str, -1), TEXT_CHARS));
  el = eyl_element_new (EYL_ELEMENT_BODY, EYL_SOURCE_TEXT, quoted, &box, 0.6);
  g_array_sort (sizes, eyl_detect_compare_double);
  el->font_size = g_array_index (sizes, double, sizes->len / 2);
  /* The typical line's capitals: the median, so one big initial does not
   * speak for the block. */
  if (caps->len > 0)
    {
      g_array_sort (caps, eyl_detect_compare_double);
      el->cap_height = g_array_index (caps, double, caps->len / 2);
    }
  else
    el->cap_height = 0.7 * el->font_size;
  g_ptr_array_add (elements, el);
}

void
eyl_detect_body (const EylPageData *page,
                 GPtrArray         *elements)
{
  g_autoptr(GArray) block = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  const EylTextLine *prev = NULL;

  g_return_if_fail (page != NULL);
  g_return_if_fail (elements != NULL);

  for (guint i = 0; page->lines != NULL && i < page->lines->len; i++)
    {
      const EylTextLine *line = &g_array_index (page->lines, EylTextLine, i);
      g_autofree char   *text = NULL;
      gboolean           copy;

      text = eyl_detect_line_text (page, i);
      copy = !line->garbled && line->font_size > 0 && count_words (text) >= MIN_LINE_WORDS &&
             !line_taken (line, elements);

      if (!copy || (prev != NULL && !continues_block (prev, line)))
        {
          if (block->len > 0)
            add_block (page, block, elements);
          g_array_set_size (block, 0);
          prev = NULL;
        }
      if (copy)
        {
          g_array_append_val (block, i);
          prev = line;
        }
    }
  if (block->len > 0)
    add_block (page, block, elements);
}
