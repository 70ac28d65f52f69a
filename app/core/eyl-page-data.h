/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-page-data.h: an immutable snapshot of one page, safe on any thread.
 *
 * Everything is in page space (see EylRect) unless the name says mm.
 * Built by EylDocument on the thread that owns the PopplerDocument, or by
 * tests through EylPageDataBuilder; never changed afterwards. */
#pragma once

#include "eyl-types.h"

G_BEGIN_DECLS

typedef struct
{
  gunichar ch;
  EylRect  box;  /* Poppler's glyph box (font ascent to descent) */
  guint    run;  /* index into runs */
  guint    line; /* index into lines, G_MAXUINT for none (e.g. '\n') */
} EylGlyph;

/* A stretch of glyphs with the same font, size and colour. */
typedef struct
{
  guint   start, end; /* glyph index range [start, end) */
  char   *font_name;
  double  font_size; /* nominal size in pt, as Poppler reports it */
  guint32 color;     /* 0xRRGGBB */
} EylTextRun;

/* One line of text as laid out on the page. */
typedef struct
{
  guint    start, end; /* glyph index range [start, end), no '\n' */
  EylRect  box;        /* union of its glyph boxes */
  double   font_size;  /* dominant nominal font size, pt */
  double   cap_height; /* measured on the rendered page, pt; 0 unknown */
  double   x_height;   /* measured, pt; 0 unknown */
  gboolean measured;   /* FALSE: cap/x height estimated from font size */
  guint32  color;      /* dominant colour */
  gboolean garbled;    /* a third or more of its glyphs have no known
                            * meaning (private-use, U+FFFD: a font without a
                            * Unicode map): the words are only in the pixels,
                            * for the OCR stage to read */
} EylTextLine;

typedef struct
{
  EylRect box;
  int     width_px, height_px;
  double  ppi_x, ppi_y; /* effective ppi at the page's 1:1 size (pt) */
} EylImageInfo;

typedef struct
{
  EylRect box;
  char   *uri;
} EylLinkInfo;

/* The PDF page boxes, converted to page space.  Poppler has no getter for
 * Trim/Bleed/Media/Rotate/UserUnit: they are read with libqpdf. */
typedef struct
{
  EylRect  media, crop, bleed, trim, art;
  gboolean has_bleed, has_trim, has_art;
  int      rotate;    /* 0, 90, 180, 270 */
  double   user_unit; /* 1.0 unless /UserUnit says otherwise */
} EylPageBoxes;

typedef struct _EylPageData EylPageData;

struct _EylPageData
{
  /*< private >*/
  gatomicrefcount ref_count;

  /*< public, read-only >*/
  guint        index; /* 0-based page index */
  double       width; /* visible page (crop box after rotation), pt */
  double       height;
  EylPageBoxes boxes;
  EylRect      visible; /* trim box if any, else crop box (page space) */

  char      *text;     /* UTF-8, one character per glyph */
  GArray    *glyphs;   /* EylGlyph */
  GArray    *runs;     /* EylTextRun */
  GArray    *lines;    /* EylTextLine */
  GArray    *images;   /* EylImageInfo */
  GArray    *links;    /* EylLinkInfo */
  GPtrArray *warnings; /* char *, things worth telling the user */
};

#define EYL_TYPE_PAGE_DATA (eyl_page_data_get_type ())
GType        eyl_page_data_get_type (void) G_GNUC_CONST;
EylPageData *eyl_page_data_ref (EylPageData *self);
void         eyl_page_data_unref (EylPageData *self);

/* UTF-8 text of glyphs [start, end), newly allocated. */
char *eyl_page_data_dup_text (const EylPageData *self,
                              guint              start,
                              guint              end);
/* Union of the glyph boxes [start, end), skipping empty boxes. */
EylRect eyl_page_data_glyph_box (const EylPageData *self,
                                 guint              start,
                                 guint              end);
/* How eyl_page_data_dup_match_text() treats a soft hyphen (U+00AD) with
 * glyphs after it on the same line. */
typedef enum
{
  EYL_MATCH_TEXT_DEFAULT = 0,
  /* A PDF holds only glyphs that are drawn: a soft hyphen inside a line
   * is a hyphen the reader sees ("hackerspace-bremen.de"), so "-".
   * Without the flag it is dropped, as hyphenation ("Frei" U+00AD "funk"). */
  EYL_MATCH_TEXT_SOFT_HYPHEN_SEEN = 1 << 0,
} EylMatchTextFlags;

/* Glyphs [start, end) as text to match patterns on: ligatures spelt out
 * (ﬁ → fi), a soft hyphen ending the range and zero-width characters
 * dropped, private-use characters, U+FFFD and control characters (glyphs
 * with no known meaning) made spaces.  @glyph_of, when not NULL, receives
 * a newly allocated array with, for every byte of the result, the index
 * of the glyph it comes from, and @end one past the last byte. */
char *eyl_page_data_dup_match_text (const EylPageData *self,
                                    guint              start,
                                    guint              end,
                                    EylMatchTextFlags  flags,
                                    guint            **glyph_of);
/* Size of the visible artwork in pt × UserUnit. */
void eyl_page_data_visible_size (const EylPageData *self,
                                 double            *width_pt,
                                 double            *height_pt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EylPageData, eyl_page_data_unref)

/* A page's text layer made again from its parts (what the worker's
 * channel carries for the Evaluate stage's brand names): @glyphs
 * (EylGlyph), @runs (EylTextRun, owning their font names) and @lines
 * (EylTextLine) are taken over; the text is made from the glyphs.  No
 * images, links or warnings.  NULL when an index points outside its
 * array (the parts are checked, never trusted). */
EylPageData *eyl_page_data_new_from_text_layer (guint          index,
                                                double         width,
                                                double         height,
                                                const EylRect *visible,
                                                GArray        *glyphs,
                                                GArray        *runs,
                                                GArray        *lines);

/* A snapshot like @self whose line i has the cap and x heights
 * @cap_heights[i] and @x_heights[i] (pt; one per line) where they are
 * above 0 (measured; the other follows from one by the estimates' ratio),
 * its own where both are 0.  Shares everything else with @self. */
EylPageData *eyl_page_data_new_with_line_metrics (EylPageData  *self,
                                                  const double *cap_heights,
                                                  const double *x_heights);

/* Builder: how EylDocument and the tests make snapshots. */
typedef struct _EylPageDataBuilder EylPageDataBuilder;

EylPageDataBuilder *eyl_page_data_builder_new (guint  index,
                                               double width,
                                               double height);
void                eyl_page_data_builder_set_boxes (EylPageDataBuilder *builder,
                                                     const EylPageBoxes *boxes);
/* Appends a run of text; each character gets an equal share of box
 * horizontally, unless glyph_boxes (one per character) is given.
 * A '\n' ends the current line. */
void eyl_page_data_builder_add_text (EylPageDataBuilder *builder,
                                     const char         *utf8,
                                     const EylRect      *box,
                                     const EylRect      *glyph_boxes,
                                     const char         *font_name,
                                     double              font_size,
                                     guint32             color);
void eyl_page_data_builder_add_image (EylPageDataBuilder *builder,
                                      const EylRect      *box,
                                      int                 width_px,
                                      int                 height_px);
void eyl_page_data_builder_add_link (EylPageDataBuilder *builder,
                                     const EylRect      *box,
                                     const char         *uri);
void eyl_page_data_builder_add_warning (EylPageDataBuilder *builder,
                                        const char         *message);
/* Sets the measured cap/x height of line @line (as numbered by end()). */
void eyl_page_data_builder_set_line_metrics (EylPageDataBuilder *builder,
                                             guint               line,
                                             double              cap_height,
                                             double              x_height);
/* The lines as end() will number them (for measuring them before end()):
 * valid until the next add_text() or end(). */
const EylTextLine *eyl_page_data_builder_get_lines (EylPageDataBuilder *builder,
                                                    guint              *n_lines);
const EylGlyph    *eyl_page_data_builder_get_glyphs (EylPageDataBuilder *builder,
                                                     guint              *n_glyphs);
/* Splits the text into lines (by '\n' and by big vertical jumps), fills
 * cap/x heights not set explicitly by estimate (0.7 / 0.5 of the font
 * size, measured = FALSE) and returns the snapshot. Frees the builder. */
EylPageData *eyl_page_data_builder_end (EylPageDataBuilder *builder);
void         eyl_page_data_builder_free (EylPageDataBuilder *builder);

G_END_DECLS
