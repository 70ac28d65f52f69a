/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-zbar.c: long-lived zbar scanners shared by the QR and barcode
 * readers.
 *
 * A scanner is configured once for its kind and kept for the life of
 * the process: taken for one scan and given back, so that two threads
 * never share one and a worker checking many files creates one of each
 * kind it needs (counted as zbar-scanners in the stage file).
 *
 * A scan asked with EYL_ZBAR_SHARED is kept with a copy of its pixels,
 * and the next such scan of the same pixels (compared byte for byte) for
 * the same kind is answered from it (zbar-shared-scans): the barcode
 * reader reads the analysis raster the QR reader has just read. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-zbar"

#include <math.h>
#include <string.h>

#include "eyl-stage.h"
#include "eyl-zbar.h"

/* Scans kept for reuse: a few, for the process (a thread reading pages
 * keeps one at a time between its QR and barcode readers; more threads
 * than this only scan again). */
#define MAX_SHARED 4

typedef struct
{
  EylZbarKind kind;
  int         line_step;
  int         width, height;
  guint8     *pixels; /* a copy: the same pixels are known exactly */
  GArray     *symbols;
  guint       n_found;
} Shared;

static void
shared_free (gpointer data)
{
  Shared *shared = data;

  g_free (shared->pixels);
  g_array_unref (shared->symbols);
  g_free (shared);
}

static GMutex     scanners_lock;                   /* the idle scanners and the shared scans */
static GPtrArray *idle_scanners[EYL_ZBAR_N_KINDS]; /* of zbar_image_scanner_t */
static GPtrArray *shared_scans;                    /* of Shared, oldest first */
static gint       n_scanner_inits;                 /* atomic */
static gint       n_shared;                        /* atomic */
static gint       n_scans;                         /* atomic */

static zbar_image_scanner_t *
scanner_new (EylZbarKind kind)
{
  static const zbar_symbol_type_t linear[] = {
    ZBAR_EAN13,
    ZBAR_EAN8,
    ZBAR_UPCA,
    ZBAR_UPCE,
    ZBAR_CODE128,
    ZBAR_CODE39, /* last: not a pack symbol */
  };
  zbar_image_scanner_t *scanner = zbar_image_scanner_create ();

  zbar_image_scanner_set_config (scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
  if (kind != EYL_ZBAR_PACK)
    zbar_image_scanner_set_config (scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
  if (kind == EYL_ZBAR_CODES)
    for (guint i = 0; i < G_N_ELEMENTS (linear); i++)
      zbar_image_scanner_set_config (scanner, linear[i], ZBAR_CFG_ENABLE, 1);
  if (kind == EYL_ZBAR_PACK)
    for (guint i = 0; i + 1 < G_N_ELEMENTS (linear); i++)
      zbar_image_scanner_set_config (scanner, linear[i], ZBAR_CFG_ENABLE, 1);

  eyl_stage_count ("zbar-scanners");
  g_debug ("zbar scanner of kind %d created (%d in this process)", kind,
           g_atomic_int_add (&n_scanner_inits, 1) + 1);
  return scanner;
}

static zbar_image_scanner_t *
scanner_take (EylZbarKind kind)
{
  zbar_image_scanner_t *scanner = NULL;

  g_mutex_lock (&scanners_lock);
  if (idle_scanners[kind] != NULL && idle_scanners[kind]->len > 0)
    scanner = g_ptr_array_steal_index_fast (idle_scanners[kind], idle_scanners[kind]->len - 1);
  g_mutex_unlock (&scanners_lock);

  return scanner != NULL ? scanner : scanner_new (kind);
}

static void
scanner_give_back (EylZbarKind           kind,
                   zbar_image_scanner_t *scanner)
{
  g_mutex_lock (&scanners_lock);
  if (idle_scanners[kind] == NULL)
    idle_scanners[kind] = g_ptr_array_new ();
  g_ptr_array_add (idle_scanners[kind], scanner);
  g_mutex_unlock (&scanners_lock);
}

guint
eyl_zbar_get_n_scanner_inits (void)
{
  return (guint) g_atomic_int_get (&n_scanner_inits);
}

int
eyl_zbar_qr_line_step (double module_px)
{
  return MAX (1, (int) floor (0.75 * module_px + 1e-6));
}

/* Where a light-on-dark symbol can be: its ground (its quiet zone and
 * its dark modules or bars) is darker than its light elements.  A cell
 * of GROUND_CELL px with some contrast whose pixels are mostly in the
 * darker half of its own range may hold such a ground; a cell of paper
 * with dark text or a dark-on-light code on it is mostly light, a flat
 * cell holds no edge.  A cell across a code's edge holds quiet zone (all
 * dark) and code (half dark, but for a finder's corner): the cells
 * around a code are flagged, and link up (GROUND_LINK cells apart, over
 * a finder's corner) into a ring whose box holds the code.
 * GROUND_MIN_RANGE is far below the contrast of a printed code.  Each
 * box is grown by GROUND_MARGIN px (a quiet zone, the decoder's settling
 * at the start of a line).  Over the corpus' 44 files the inverted scans
 * of analysis rasters fall from 71.7 to 37.3 million pixels, those of
 * candidate renders from 25.2 to 15.0 million, and the same codes read. */
#define GROUND_CELL      8
#define GROUND_MIN_RANGE 24
#define GROUND_LINK      2
#define GROUND_MARGIN    16
/* Boxes over this share of the image: it is scanned whole, as crops
 * would spare little. */
#define BOXES_WHOLE 0.9

static gboolean
boxes_touch (const EylZbarBox *a,
             const EylZbarBox *b)
{
  return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/* The boxes of the cells marked 1 in @mark (@cell px square cells, row
 * by row, over @width × @height px; changed): cells @link apart or
 * closer make one box, grown by @margin px, and boxes that overlap are
 * one.  Boxes over most of the image are the whole image. */
static GArray *
cell_boxes (guint8 *mark,
            int     cell,
            int     link,
            int     margin,
            int     width,
            int     height)
{
  int             cw = (width + cell - 1) / cell, ch = (height + cell - 1) / cell;
  g_autofree int *stack = g_new (int, (gsize) cw *ch);
  GArray         *boxes = g_array_new (FALSE, FALSE, sizeof (EylZbarBox));
  double          area = 0;
  gboolean        merged;

  /* Marked cells @link apart or closer, gathered. */
  for (int start = 0; start < cw * ch; start++)
    {
      int        n = 0;
      EylZbarBox b = { cw, ch, -1, -1 };

      if (mark[start] != 1)
        continue;
      mark[start] = 2;
      stack[n++] = start;
      while (n > 0)
        {
          int i = stack[--n], x = i % cw, y = i / cw;

          b.x0 = MIN (b.x0, x);
          b.y0 = MIN (b.y0, y);
          b.x1 = MAX (b.x1, x + 1);
          b.y1 = MAX (b.y1, y + 1);
          for (int ny = MAX (0, y - link); ny <= MIN (ch - 1, y + link); ny++)
            for (int nx = MAX (0, x - link); nx <= MIN (cw - 1, x + link); nx++)
              if (mark[ny * cw + nx] == 1)
                {
                  mark[ny * cw + nx] = 2;
                  stack[n++] = ny * cw + nx;
                }
        }
      b.x0 = MAX (0, b.x0 * cell - margin);
      b.y0 = MAX (0, b.y0 * cell - margin);
      b.x1 = MIN (width, b.x1 * cell + margin);
      b.y1 = MIN (height, b.y1 * cell + margin);
      g_array_append_val (boxes, b);
    }

  /* Boxes that overlap, one: a symbol in both is scanned whole. */
  do
    {
      merged = FALSE;
      for (guint i = 0; i < boxes->len && !merged; i++)
        for (guint k = i + 1; k < boxes->len && !merged; k++)
          {
            EylZbarBox *a = &g_array_index (boxes, EylZbarBox, i);
            EylZbarBox *b = &g_array_index (boxes, EylZbarBox, k);

            if (boxes_touch (a, b))
              {
                a->x0 = MIN (a->x0, b->x0);
                a->y0 = MIN (a->y0, b->y0);
                a->x1 = MAX (a->x1, b->x1);
                a->y1 = MAX (a->y1, b->y1);
                g_array_remove_index_fast (boxes, k);
                merged = TRUE;
              }
          }
    }
  while (merged);

  for (guint i = 0; i < boxes->len; i++)
    {
      const EylZbarBox *b = &g_array_index (boxes, EylZbarBox, i);

      area += (double) (b->x1 - b->x0) * (b->y1 - b->y0);
    }
  if (area >= BOXES_WHOLE * width * height)
    {
      EylZbarBox whole = { 0, 0, width, height };

      g_array_set_size (boxes, 0);
      g_array_append_val (boxes, whole);
    }
  return boxes;
}

GArray *
eyl_zbar_dark_ground_boxes (const guint8 *gray,
                            int           width,
                            int           height)
{
  int                cw = (width + GROUND_CELL - 1) / GROUND_CELL;
  int                ch = (height + GROUND_CELL - 1) / GROUND_CELL;
  g_autofree guint8 *mark = g_new0 (guint8, (gsize) cw * ch);

  for (int cy = 0; cy < ch; cy++)
    for (int cx = 0; cx < cw; cx++)
      {
        int x0 = cx * GROUND_CELL, y0 = cy * GROUND_CELL;
        int ex = MIN (x0 + GROUND_CELL, width), ey = MIN (y0 + GROUND_CELL, height);
        int lo = 255, hi = 0, mid, n_dark = 0;

        for (int y = y0; y < ey; y++)
          for (int x = x0; x < ex; x++)
            {
              int g = gray[(gsize) y * width + x];

              lo = MIN (lo, g);
              hi = MAX (hi, g);
            }
        if (hi - lo < GROUND_MIN_RANGE)
          continue;
        mid = (lo + hi + 1) / 2;
        for (int y = y0; y < ey; y++)
          for (int x = x0; x < ex; x++)
            n_dark += gray[(gsize) y * width + x] < mid;
        if (2 * n_dark >= (ex - x0) * (ey - y0))
          mark[cy * cw + cx] = 1;
      }
  return cell_boxes (mark, GROUND_CELL, GROUND_LINK, GROUND_MARGIN, width, height);
}

guint
eyl_zbar_get_n_shared (void)
{
  return (guint) g_atomic_int_get (&n_shared);
}

guint
eyl_zbar_get_n_scans (void)
{
  return (guint) g_atomic_int_get (&n_scans);
}

static void
symbol_clear (gpointer data)
{
  EylZbarSymbol *s = data;

  g_free (s->data);
}

/* One zbar pass over @gray; *n_found is what zbar counted (a symbol
 * without a location or data is counted but not kept). */
static GArray *
scan_once (const guint8 *gray,
           int           width,
           int           height,
           EylZbarKind   kind,
           int           line_step,
           guint        *n_found)
{
  GArray               *symbols = g_array_new (FALSE, TRUE, sizeof (EylZbarSymbol));
  zbar_image_scanner_t *scanner = scanner_take (kind);
  zbar_image_t         *image = zbar_image_create ();
  int                   n;

  g_array_set_clear_func (symbols, symbol_clear);
  zbar_image_set_format (image, zbar_fourcc ('Y', '8', '0', '0'));
  zbar_image_set_size (image, (unsigned) width, (unsigned) height);
  /* No cleanup handler: @gray stays the caller's. */
  zbar_image_set_data (image, gray, (unsigned long) width * height, NULL);
  /* Set for each scan: a scanner is kept for its kind, whatever the step. */
  zbar_image_scanner_set_config (scanner, ZBAR_NONE, ZBAR_CFG_X_DENSITY, line_step);
  zbar_image_scanner_set_config (scanner, ZBAR_NONE, ZBAR_CFG_Y_DENSITY, line_step);

  n = zbar_scan_image (scanner, image);
  g_debug ("scan %d × %d, kind %d, every %d lines: %d found", width, height, kind, line_step,
           n);
  *n_found = (guint) MAX (n, 0);
  eyl_stage_count ("zbar-scans");
  g_atomic_int_inc (&n_scans);
  /* The pixels fed to zbar (each once along a row and once along a
   * column at step 1), in thousands: a file's scans sum to billions. */
  eyl_stage_count_n ("zbar-kpixels",
                     (guint) (((gsize) width * height / line_step + 500) / 1000));
  if (n > 0)
    for (const zbar_symbol_t *sym = zbar_image_first_symbol (image); sym != NULL;
         sym = zbar_symbol_next (sym))
      {
        EylZbarSymbol s = { 0 };
        unsigned      loc = zbar_symbol_get_loc_size (sym);
        const char   *data = zbar_symbol_get_data (sym);

        if (loc == 0 || data == NULL)
          continue;
        s.type = zbar_symbol_get_type (sym);
        s.data = g_utf8_make_valid (data, zbar_symbol_get_data_length (sym));
        s.x0 = s.y0 = G_MAXDOUBLE;
        s.x1 = s.y1 = -G_MAXDOUBLE;
        for (unsigned i = 0; i < loc; i++)
          {
            double x = zbar_symbol_get_loc_x (sym, i);
            double y = zbar_symbol_get_loc_y (sym, i);
            double nx = zbar_symbol_get_loc_x (sym, (i + 1) % loc);
            double ny = zbar_symbol_get_loc_y (sym, (i + 1) % loc);

            s.x0 = MIN (s.x0, x);
            s.y0 = MIN (s.y0, y);
            s.x1 = MAX (s.x1, x);
            s.y1 = MAX (s.y1, y);
            s.side += hypot (nx - x, ny - y) / loc;
          }
        g_array_append_val (symbols, s);
      }

  zbar_image_destroy (image);
  scanner_give_back (kind, scanner);
  return symbols;
}

/* One zbar pass over each of @boxes of @gray inverted: the symbols of
 * all, where they are in @gray.  A box starts on a multiple of
 * @line_step, so that it is fed every @line_step-th line as the decoder
 * model asks (see eyl_zbar_qr_line_step()); not always the very lines
 * of a scan of the whole image: zbar starts a scan's rows at
 * ((h - 1) % line_step + 1) / 2, turns at the end of each row, and a
 * row's start differs.  An EAN-13 with slightly slanted bars, cut out at
 * an odd place, is placed 2 px higher than over the whole image (at one
 * line a step); what reads is the same on the corpus. */
static GArray *
scan_boxes_inverted (const guint8 *gray,
                     int           width,
                     int           height,
                     GArray       *boxes,
                     EylZbarKind   kind,
                     int           line_step)
{
  GArray *symbols = g_array_new (FALSE, TRUE, sizeof (EylZbarSymbol));

  g_array_set_clear_func (symbols, symbol_clear);
  for (guint b = 0; b < boxes->len; b++)
    {
      const EylZbarBox  *box = &g_array_index (boxes, EylZbarBox, b);
      int                x0 = box->x0 / line_step * line_step, y0 = box->y0 / line_step * line_step;
      int                w = MIN (box->x1, width) - x0, h = MIN (box->y1, height) - y0;
      g_autofree guint8 *crop = NULL;
      g_autoptr(GArray) part = NULL;
      guint n_part;

      if (w <= 0 || h <= 0)
        continue;
      crop = g_malloc ((gsize) w * h);
      g_debug ("inverted scan over %d,%d–%d,%d of %d × %d", x0, y0, x0 + w, y0 + h, width, height);
      for (int y = 0; y < h; y++)
        {
          const guint8 *in = gray + (gsize) (y0 + y) * width + x0;
          guint8       *out = crop + (gsize) y * w;

          for (int x = 0; x < w; x++)
            out[x] = 255 - in[x];
        }
      part = scan_once (crop, w, h, kind, line_step, &n_part);
      for (guint i = 0; i < part->len; i++)
        {
          EylZbarSymbol s = g_array_index (part, EylZbarSymbol, i);

          s.data = g_strdup (s.data);
          s.x0 += x0;
          s.x1 += x0;
          s.y0 += y0;
          s.y1 += y0;
          g_array_append_val (symbols, s);
        }
    }
  return symbols;
}

GArray *
eyl_zbar_scan (const guint8 *gray,
               int           width,
               int           height,
               EylZbarKind   kind,
               EylZbarFlags  flags)
{
  return eyl_zbar_scan_lines (gray, width, height, kind, flags, 1);
}

GArray *
eyl_zbar_scan_lines (const guint8 *gray,
                     int           width,
                     int           height,
                     EylZbarKind   kind,
                     EylZbarFlags  flags,
                     int           line_step)
{
  gsize   n_pixels = (gsize) MAX (width, 0) * MAX (height, 0);
  Shared *shared = NULL;
  GArray *symbols;
  guint   n_found;

  line_step = MAX (line_step, 1);
  if (gray == NULL || n_pixels == 0 || kind >= EYL_ZBAR_N_KINDS)
    {
      symbols = g_array_new (FALSE, TRUE, sizeof (EylZbarSymbol));
      g_array_set_clear_func (symbols, symbol_clear);
      return symbols;
    }

  if (flags & EYL_ZBAR_SHARED)
    {
      g_mutex_lock (&scanners_lock);
      for (guint i = 0; shared_scans != NULL && i < shared_scans->len && shared == NULL; i++)
        {
          Shared *s = g_ptr_array_index (shared_scans, i);

          /* Shared once: the copy of the pixels is not held for longer. */
          if (s->kind == kind && s->line_step == line_step && s->width == width && s->height == height &&
              memcmp (s->pixels, gray, n_pixels) == 0)
            shared = g_ptr_array_steal_index (shared_scans, i);
        }
      g_mutex_unlock (&scanners_lock);
    }

  if (shared != NULL)
    {
      symbols = g_array_ref (shared->symbols);
      n_found = shared->n_found;
      shared_free (shared);
      g_atomic_int_inc (&n_shared);
      eyl_stage_count ("zbar-shared-scans");
    }
  else
    {
      symbols = scan_once (gray, width, height, kind, line_step, &n_found);
      if (flags & EYL_ZBAR_SHARED)
        {
          shared = g_new0 (Shared, 1);
          shared->kind = kind;
          shared->line_step = line_step;
          shared->width = width;
          shared->height = height;
          shared->pixels = g_memdup2 (gray, n_pixels);
          shared->symbols = g_array_ref (symbols);
          shared->n_found = n_found;
          g_mutex_lock (&scanners_lock);
          if (shared_scans == NULL)
            shared_scans = g_ptr_array_new_with_free_func (shared_free);
          if (shared_scans->len >= MAX_SHARED)
            g_ptr_array_remove_index (shared_scans, 0);
          g_ptr_array_add (shared_scans, shared);
          g_mutex_unlock (&scanners_lock);
        }
    }

  /* What zbar's ZBAR_CFG_TEST_INVERTED does (a second pass over the
   * complement when the first found nothing), done here so that the
   * first pass can be shared with a reader that wants dark on light
   * only; and only over the part of the image that has a dark ground. */
  if (n_found == 0 && (flags & EYL_ZBAR_INVERTED_TOO))
    {
      g_autoptr(GArray) boxes = eyl_zbar_dark_ground_boxes (gray, width, height);

      g_array_unref (symbols);
      if (boxes->len == 0)
        {
          g_debug ("inverted scan of %d × %d skipped: no dark ground", width, height);
          eyl_stage_count ("zbar-inverted-skips");
        }
      symbols = scan_boxes_inverted (gray, width, height, boxes, kind, line_step);
    }
  return symbols;
}
