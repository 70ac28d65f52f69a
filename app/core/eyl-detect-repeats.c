/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-detect-repeats.c: a step-and-repeat — the same marks repeated on a
 * regular lattice over most of the piece, as on a press or photo wall.
 *
 * The marks are found on the rendered page as blobs of ink (type and
 * emblems alike: a repeat is told by its pixels, whether or not OCR reads
 * it); marks of one size whose ink matches cell for cell are one mark.
 * The repeats make a step-and-repeat when their centres sit on a lattice
 * (one step across, one step down) that spans most of the page.  A grid of
 * different sponsors' logos is a lattice without repeats; one mark
 * scattered at random repeats off any lattice: neither is one. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-repeats"

#include <math.h>
#include <string.h>

#include "eyl-detect-pixels.h"
#include "eyl-detect-private.h"
#include "eyl-stage.h"

/* The work image: about this many pixels (marks on a wall are a few
 * dozen pixels wide at this size, their cells further apart). */
#define WORK_PIXELS (240.0 * 1000)
/* Ink: a channel differs from the page's ground by more than this. */
#define INK_DISTANCE 40
/* One mark's copies: the same size within this share, the same ink cell
 * for cell (Pearson's correlation at least this), one colour. */
#define SAME_SIZE   0.12
#define SAME_INK    0.8
#define SAME_COLOUR 48
#define GRID_COLS   16
/* A lattice: centres within this share of a step of a lattice line, on
 * at least this many lines each way. */
#define ON_LINE   0.12
#define MIN_LINES 3
/* A step-and-repeat: at least this many repeats of marks, one mark at
 * least MIN_COPIES times, on the lattice over this share of the page's
 * width and height, and most of the lattice's marks repeats. */
#define MIN_REPEATS    8
#define MIN_COPIES     3
#define MIN_SPAN       0.6
#define MIN_ON_LATTICE 0.8

typedef struct
{
  int      x0, y0, x1, y1; /* work px, [x0, x1) */
  guint32  colour;         /* mean colour of the ink */
  double   cells[GRID_COLS * GRID_COLS];
  int      rows;
  guint    mark; /* union-find parent: one mark's copies */
  gboolean repeat;
} Blob;

typedef struct
{
  int      w, h;
  double   factor; /* work px per raster px */
  guint32 *rgb;
  guint8  *ink;
} Work;

static void
work_clear (Work *w)
{
  g_free (w->rgb);
  g_free (w->ink);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Work, work_clear)

/* The raster averaged down to the work image; ink is what differs from
 * the page's most common colour. */
static void
work_init (Work            *work,
           const EylRaster *raster)
{
  g_autofree guint *hist = g_new0 (guint, 4096);
  guint             best = 0;
  guint32           ground = 0xffffff;
  double            factor = sqrt (WORK_PIXELS / ((double) raster->width * raster->height));

  work->factor = MIN (1.0, factor);
  work->rgb = eyl_raster_dup_averaged (raster, work->factor, &work->w, &work->h);
  work->ink = g_new0 (guint8, (gsize) work->w * work->h);
  for (gsize i = 0; i < (gsize) work->w * work->h; i++)
    {
      guint32 c = work->rgb[i];

      hist[((c >> 20) & 0xf) << 8 | ((c >> 12) & 0xf) << 4 | ((c >> 4) & 0xf)]++;
    }
  for (guint i = 1; i < 4096; i++)
    if (hist[i] > hist[best])
      best = i;
  /* The middle of the ground's bin. */
  ground = (guint32) (((best >> 8) & 0xf) << 20 | 0x08 << 16 | ((best >> 4) & 0xf) << 12 | 0x08 << 8 |
                      (best & 0xf) << 4 | 0x08);
  for (gsize i = 0; i < (gsize) work->w * work->h; i++)
    work->ink[i] = eyl_colour_distance (work->rgb[i], ground) > INK_DISTANCE;
}

/* The share of inked pixels of @b on a GRID_COLS-wide grid (rows as its
 * shape gives): one mark's copies give the same grid. */
static void
blob_describe (const Work *work,
               Blob       *b)
{
  int               w = b->x1 - b->x0, h = b->y1 - b->y0;
  g_autofree guint *count = NULL;
  guint64           r = 0, g = 0, bl = 0, n = 0;

  b->rows = CLAMP ((int) lround (GRID_COLS * (double) h / w), 3, GRID_COLS);
  count = g_new0 (guint, (gsize) GRID_COLS * b->rows);
  memset (b->cells, 0, sizeof b->cells);
  for (int y = b->y0; y < b->y1; y++)
    for (int x = b->x0; x < b->x1; x++)
      {
        gsize   i = (gsize) y * work->w + x;
        int     k = (y - b->y0) * b->rows / h * GRID_COLS + (x - b->x0) * GRID_COLS / w;
        guint32 c = work->rgb[i];

        count[k]++;
        if (!work->ink[i])
          continue;
        b->cells[k] += 1;
        r += (c >> 16) & 0xff;
        g += (c >> 8) & 0xff;
        bl += c & 0xff;
        n++;
      }
  for (int k = 0; k < GRID_COLS * b->rows; k++)
    b->cells[k] = count[k] > 0 ? b->cells[k] / count[k] : 0;
  b->colour = n > 0 ? (guint32) ((r / n) << 16 | (g / n) << 8 | (bl / n)) : 0;
}

/* Connected ink after closing gaps of up to 2r px (letter spacing, an
 * emblem and its word), each blob's box that of its real ink.  Specks,
 * rules, panels and what the page's edge cuts are no marks. */
static GArray *
find_blobs (const Work *work)
{
  int                w = work->w, h = work->h;
  gsize              n = (gsize) w * h;
  int                r = MAX (1, (int) lround (0.003 * hypot (w, h)));
  g_autofree guint8 *grown = g_new0 (guint8, n);
  g_autofree guint8 *seen = g_new0 (guint8, n);
  g_autofree int    *stack = g_new (int, n);
  GArray            *out = g_array_new (FALSE, TRUE, sizeof (Blob));
  int                min_side = MAX (4, (int) (0.008 * MIN (w, h)));

  eyl_mask_grow (work->ink, w, 0, 0, w, h, r, grown);

  for (gsize start = 0; start < n; start++)
    {
      Blob b;
      int  sp = 0;

      if (!grown[start] || seen[start])
        continue;
      /* Set up only where a blob starts: a Blob is 2 kB with its grid,
       * and clearing one for every pixel of the work image was most of
       * the time of this search (1.1 % of a check of
       * flyer-osgeo-brochure). */
      b = (Blob) { G_MAXINT, G_MAXINT, -1, -1 };
      seen[start] = 1;
      stack[sp++] = (int) start;
      while (sp > 0)
        {
          int              i = stack[--sp], x = i % w, y = i / w;
          static const int dx[] = { 1, -1, 0, 0 }, dy[] = { 0, 0, 1, -1 };

          if (work->ink[i])
            {
              b.x0 = MIN (b.x0, x);
              b.y0 = MIN (b.y0, y);
              b.x1 = MAX (b.x1, x + 1);
              b.y1 = MAX (b.y1, y + 1);
            }
          for (int k = 0; k < 4; k++)
            {
              int xx = x + dx[k], yy = y + dy[k], j = yy * w + xx;

              if (xx >= 0 && yy >= 0 && xx < w && yy < h && grown[j] && !seen[j])
                {
                  seen[j] = 1;
                  stack[sp++] = j;
                }
            }
        }
      if (b.x1 - b.x0 < min_side || b.y1 - b.y0 < min_side ||
          (double) (b.x1 - b.x0) * (b.y1 - b.y0) > 0.04 * n ||
          b.x0 == 0 || b.y0 == 0 || b.x1 == w || b.y1 == h)
        continue;
      blob_describe (work, &b);
      g_array_append_val (out, b);
    }
  return out;
}

/* Are @a and @b copies of one mark: the same size, colour and ink? */
static gboolean
same_mark (const Blob *a,
           const Blob *b)
{
  double aw = a->x1 - a->x0, ah = a->y1 - a->y0, bw = b->x1 - b->x0, bh = b->y1 - b->y0;
  double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0, n, var;

  if (ABS (aw - bw) > SAME_SIZE * MAX (aw, bw) + 1 || ABS (ah - bh) > SAME_SIZE * MAX (ah, bh) + 1 ||
      a->rows != b->rows || eyl_colour_distance (a->colour, b->colour) > SAME_COLOUR)
    return FALSE;
  n = GRID_COLS * a->rows;
  for (int k = 0; k < GRID_COLS * a->rows; k++)
    {
      sa += a->cells[k];
      sb += b->cells[k];
      saa += a->cells[k] * a->cells[k];
      sbb += b->cells[k] * b->cells[k];
      sab += a->cells[k] * b->cells[k];
    }
  var = (saa - sa * sa / n) * (sbb - sb * sb / n);
  return var > 0 && (sab - sa * sb / n) / sqrt (var) >= SAME_INK;
}

static guint
mark_root (GArray *blobs,
           guint   i)
{
  while (g_array_index (blobs, Blob, i).mark != i)
    i = g_array_index (blobs, Blob, i).mark;
  return i;
}

/* How well the centres @c fall on lines @step apart: the length of their
 * mean phase vector (1 all on lines, about 1/√n at random); their phase
 * in @phase. */
static double
on_lines (const double *c,
          guint         n,
          double        step,
          double       *phase)
{
  double sx = 0, sy = 0;

  for (guint i = 0; i < n; i++)
    {
      sx += cos (2 * G_PI * c[i] / step);
      sy += sin (2 * G_PI * c[i] / step);
    }
  *phase = atan2 (sy, sx) / (2 * G_PI) * step;
  return hypot (sx, sy) / n;
}

/* The step of a lattice along one axis: the largest step (up to a third
 * of @extent, so at least MIN_LINES lines) at which the centres @c all
 * fall on lines, then the best fit near it (a step a little too long
 * still passes with few lines, and drifts off the far ones); its phase in
 * @phase.  0 when none. */
static double
lattice_step (const double *c,
              guint         n,
              double        min_step,
              double        extent,
              double       *phase)
{
  for (double step = extent / MIN_LINES; step >= min_step; step -= 0.5)
    {
      /* Centres off their line by ON_LINE of a step keep the mean vector
       * above cos (2π · ON_LINE). */
      if (on_lines (c, n, step, phase) >= cos (2 * G_PI * ON_LINE))
        {
          double best = step, best_fit = 0;

          for (double s = 0.85 * step; s <= step; s += 0.1)
            {
              double p, fit = on_lines (c, n, s, &p);

              if (fit > best_fit)
                {
                  best_fit = fit;
                  best = s;
                  *phase = p;
                }
            }
          return best;
        }
    }
  return 0;
}

/* Is @c on a line of the lattice (step, phase)?  Its line's index in @line. */
static gboolean
on_line (double c,
         double step,
         double phase,
         long  *line)
{
  double k = (c - phase) / step;

  *line = lround (k);
  return ABS (k - *line) <= ON_LINE * 1.5;
}

/* A step-and-repeat carries marks, not a message: a few words set among
 * them (inside the lattice's span) are a mark's wordmark — the host's
 * name beside its emblem — never the piece's headline.  A longer line
 * there (a slogan, an invitation) stays one. */
#define MARK_WORDS 3

static void
claim_mark_words (GPtrArray     *elements,
                  const EylRect *lattice)
{
  for (guint i = 0; i < elements->len; i++)
    {
      EylElement      *el = g_ptr_array_index (elements, i);
      g_autofree char *text = NULL;
      g_auto(GStrv) words = NULL;

      if (el->kind != EYL_ELEMENT_HEADLINE || el->text == NULL ||
          eyl_detect_rect_coverage (&el->box, lattice) < 0.9)
        continue;
      text = g_strstrip (g_strdup (el->text));
      words = g_strsplit_set (text, " \t\n", -1);
      if (g_strv_length (words) > MARK_WORDS)
        continue;
      g_debug ("“%s” among the marks: a wordmark, no headline", el->text);
      el->kind = EYL_ELEMENT_BRAND_NAME;
    }
}

gboolean
eyl_detect_repeats (const EylRaster *raster,
                    GPtrArray       *elements)
{
  /* Part of looking for marks, in the time per stage. */
  g_auto(EylStageScope) stage = eyl_stage_scope (EYL_STAGE_LOGOS);
  g_auto(Work) work = { 0 };
  g_autoptr(GArray) blobs = NULL;
  g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ys = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GHashTable) columns = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) lines = g_hash_table_new (NULL, NULL);
  g_autofree guint *copies = NULL;
  double            step_x, step_y, phase_x = 0, phase_y = 0, min_h = G_MAXDOUBLE;
  guint             n_on = 0, most_copies = 0;
  int               x0 = G_MAXINT, y0 = G_MAXINT, x1 = -1, y1 = -1;
  EylRect           box;
  double            px0, py0, px1, py1, cell;

  g_return_val_if_fail (raster != NULL, FALSE);
  g_return_val_if_fail (elements != NULL, FALSE);

  work_init (&work, raster);
  blobs = find_blobs (&work);
  g_debug ("%u blobs of mark size on %d × %d px", blobs->len, work.w, work.h);
  if (blobs->len < MIN_REPEATS)
    return FALSE;

  /* One mark's copies, by union-find. */
  for (guint i = 0; i < blobs->len; i++)
    g_array_index (blobs, Blob, i).mark = i;
  for (guint i = 0; i < blobs->len; i++)
    for (guint j = i + 1; j < blobs->len; j++)
      if (same_mark (&g_array_index (blobs, Blob, i), &g_array_index (blobs, Blob, j)))
        g_array_index (blobs, Blob, MAX (mark_root (blobs, i), mark_root (blobs, j))).mark =
            MIN (mark_root (blobs, i), mark_root (blobs, j));
  copies = g_new0 (guint, blobs->len);
  for (guint i = 0; i < blobs->len; i++)
    copies[mark_root (blobs, i)]++;

  /* The repeats' centres. */
  for (guint i = 0; i < blobs->len; i++)
    {
      Blob  *b = &g_array_index (blobs, Blob, i);
      guint  k = copies[mark_root (blobs, i)];
      double cx = (b->x0 + b->x1) / 2.0, cy = (b->y0 + b->y1) / 2.0;

      b->repeat = k >= 2;
      most_copies = MAX (most_copies, k);
      if (!b->repeat)
        continue;
      g_array_append_val (xs, cx);
      g_array_append_val (ys, cy);
      min_h = MIN (min_h, b->y1 - b->y0);
    }
  g_debug ("%u blobs, %u repeats, a mark at most %u times", blobs->len, xs->len, most_copies);
  if (xs->len < MIN_REPEATS || most_copies < MIN_COPIES)
    return FALSE;

  /* A step is wider than a mark is high: marks stand apart. */
  step_x = lattice_step ((double *) xs->data, xs->len, MAX (4, 1.5 * min_h), work.w, &phase_x);
  step_y = lattice_step ((double *) ys->data, ys->len, MAX (4, 1.5 * min_h), work.h, &phase_y);
  g_debug ("lattice step %.1f × %.1f px of %d × %d", step_x, step_y, work.w, work.h);
  if (step_x <= 0 || step_y <= 0)
    return FALSE;

  for (guint i = 0; i < blobs->len; i++)
    {
      const Blob *b = &g_array_index (blobs, Blob, i);
      long        col, row;

      if (!b->repeat || !on_line ((b->x0 + b->x1) / 2.0, step_x, phase_x, &col) ||
          !on_line ((b->y0 + b->y1) / 2.0, step_y, phase_y, &row))
        continue;
      n_on++;
      g_hash_table_add (columns, GINT_TO_POINTER ((int) col));
      g_hash_table_add (lines, GINT_TO_POINTER ((int) row));
      x0 = MIN (x0, b->x0);
      y0 = MIN (y0, b->y0);
      x1 = MAX (x1, b->x1);
      y1 = MAX (y1, b->y1);
    }
  g_debug ("%u repeats on %u columns × %u rows, over %.2f × %.2f of the page", n_on,
           g_hash_table_size (columns), g_hash_table_size (lines), (double) (x1 - x0) / work.w,
           (double) (y1 - y0) / work.h);
  if (n_on < MIN_REPEATS || n_on < MIN_ON_LATTICE * xs->len ||
      g_hash_table_size (columns) < MIN_LINES || g_hash_table_size (lines) < MIN_LINES ||
      x1 - x0 < MIN_SPAN * work.w || y1 - y0 < MIN_SPAN * work.h)
    return FALSE;

  eyl_raster_pixel_to_page (raster, x0 / work.factor, y0 / work.factor, &px0, &py0);
  eyl_raster_pixel_to_page (raster, x1 / work.factor, y1 / work.factor, &px1, &py1);
  box = (EylRect) { px0, py0, px1, py1 };
  /* The logos found on the lattice are its marks: the wall carries them
   * as one pattern, not one brand block each. */
  cell = step_x * step_y / (work.factor * work.factor * raster->scale * raster->scale);
  for (guint i = elements->len; i-- > 0;)
    {
      const EylElement *el = g_ptr_array_index (elements, i);
      double            area = (el->box.x1 - el->box.x0) * (el->box.y1 - el->box.y0);

      if ((el->kind == EYL_ELEMENT_LOGO || el->kind == EYL_ELEMENT_SPONSOR_LOGO) &&
          el->source == EYL_SOURCE_RASTER && area <= 3 * cell &&
          eyl_detect_rect_coverage (&el->box, &box) >= 0.5)
        g_ptr_array_remove_index (elements, i);
    }
  claim_mark_words (elements, &box);
  g_ptr_array_add (elements, eyl_element_new (EYL_ELEMENT_REPEAT, EYL_SOURCE_RASTER, NULL, &box,
                                              (double) n_on / xs->len));
  return TRUE;
}
