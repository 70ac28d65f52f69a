/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-attention"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <math.h>
#include <string.h>

#include "eyl-attention.h"
#include "eyl-attention-private.h"
#include "eyl-element.h"
#include "eyl-stage.h"

/* Parameters of Boolean Map Saliency as its authors set it for fixation
 * prediction (TPAMI 2016; the SMILER wrapper of their code): step 8,
 * dilation of the sum 9 px, Lab with whitening, 400 px.  Ours, chosen on
 * the tuning half of the eye-tracking set's images and reported on the
 * other half (`make eval-attention`, README "Predicted attention"):
 * each Boolean attention map divided by its area to the power 0.35
 * instead of 0.5 (its L2 norm: that favours small regions so much that
 * a large object the eye lands on is drowned by specks), dilated by
 * 15 px instead of 7, a blur of 3 % of the longest side (the authors' 9
 * px of 400 is 2.25 %), the map raised to 1.5 and a centre prior of
 * weight 0.05.  Measured and left out: a second, coarser scale; 300 or
 * 520 px; the unwhitened Lab channels added; the image signature (Hou
 * et al. 2012) mixed in. */
void
eyl_attention_params_init (EylAttentionParams *params)
{
  g_return_if_fail (params != NULL);

  params->max_side = 400;
  params->step = 8;
  params->dilate = 15;
  params->dilate_final = 9;
  params->blur = 0.03;
  params->gamma = 1.5;
  params->whiten = 50.0;
  params->centre = 0.05;
  params->scales = 1;
  params->signature = 0;
  params->norm = 0.35;
  params->lab_plain = 0;
}

void
eyl_attention_map_free (EylAttentionMap *map)
{
  if (map == NULL)
    return;
  g_free (map->values);
  g_free (map);
}

/* ---- the image at the working resolution, in CIE Lab ---- */

/* sRGB → linear (IEC 61966-2-1). */
static double
srgb_to_linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
lab_f (double t)
{
  const double d = 6.0 / 29.0;

  return t > d * d * d ? cbrt (t) : t / (3 * d * d) + 4.0 / 29.0;
}

/* sRGB → CIE XYZ (D65, IEC 61966-2-1 matrix) → CIE L*a*b* (D65 white). */
static void
rgb_to_lab (const double lin[3],
            double       lab[3])
{
  double x = 0.4124 * lin[0] + 0.3576 * lin[1] + 0.1805 * lin[2];
  double y = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
  double z = 0.0193 * lin[0] + 0.1192 * lin[1] + 0.9505 * lin[2];
  double fx = lab_f (x / 0.95047), fy = lab_f (y), fz = lab_f (z / 1.08883);

  lab[0] = 116 * fy - 16;
  lab[1] = 500 * (fx - fy);
  lab[2] = 200 * (fy - fz);
}

cairo_surface_t *
eyl_image_scaled (cairo_surface_t *src,
                  cairo_format_t   format,
                  int              w,
                  int              h,
                  cairo_filter_t   filter)
{
  cairo_surface_t *dst = cairo_image_surface_create (format, w, h);
  cairo_t         *cr = cairo_create (dst);

  cairo_scale (cr, (double) w / cairo_image_surface_get_width (src),
               (double) h / cairo_image_surface_get_height (src));
  cairo_set_source_surface (cr, src, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), filter);
  cairo_pattern_set_extend (cairo_get_source (cr), CAIRO_EXTEND_PAD);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (dst);
  return dst;
}

/* Eigen-decomposition of a symmetric 3×3 matrix by Jacobi rotations:
 * @a is destroyed, @v gets the eigenvectors as columns, @d the values. */
static void
jacobi3 (double a[3][3],
         double v[3][3],
         double d[3])
{
  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 3; j++)
      v[i][j] = i == j;

  for (int sweep = 0; sweep < 50; sweep++)
    {
      double off = fabs (a[0][1]) + fabs (a[0][2]) + fabs (a[1][2]);

      if (off < 1e-12)
        break;
      for (int p = 0; p < 2; p++)
        for (int q = p + 1; q < 3; q++)
          {
            double theta, t, c, s;

            if (fabs (a[p][q]) < 1e-15)
              continue;
            theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
            t = (theta >= 0 ? 1 : -1) / (fabs (theta) + sqrt (theta * theta + 1));
            c = 1 / sqrt (t * t + 1);
            s = t * c;
            for (int k = 0; k < 3; k++)
              {
                double akp = a[k][p], akq = a[k][q];

                a[k][p] = c * akp - s * akq;
                a[k][q] = s * akp + c * akq;
              }
            for (int k = 0; k < 3; k++)
              {
                double apk = a[p][k], aqk = a[q][k];

                a[p][k] = c * apk - s * aqk;
                a[q][k] = s * apk + c * aqk;
              }
            for (int k = 0; k < 3; k++)
              {
                double vkp = v[k][p], vkq = v[k][q];

                v[k][p] = c * vkp - s * vkq;
                v[k][q] = s * vkp + c * vkq;
              }
          }
    }
  for (int i = 0; i < 3; i++)
    d[i] = a[i][i];
}

static inline guint8
median3 (guint8 a,
         guint8 b,
         guint8 c)
{
  return MAX (MIN (a, b), MIN (MAX (a, b), c));
}

#if defined(__GNUC__)
typedef guint8 U8x16 __attribute__ ((vector_size (16)));

static inline U8x16
min_u8x16 (U8x16 a,
           U8x16 b)
{
  U8x16 m = (U8x16) (a < b);

  return (a & m) | (b & ~m);
}

static inline U8x16
max_u8x16 (U8x16 a,
           U8x16 b)
{
  U8x16 m = (U8x16) (a > b);

  return (a & m) | (b & ~m);
}

static inline U8x16
load_u8x16 (const guint8 *p)
{
  U8x16 v;

  memcpy (&v, p, sizeof v);
  return v;
}
#endif

/* The 3 × 3 median filter of one row @y of @in (@w × @h, the border
 * repeating its edge pixels) into @out.  Each column's three pixels are
 * sorted once (into @lo, @mid, @hi, @w each) and serve the three windows
 * that hold them; the median of the nine is then the median of the
 * largest low, the median middle and the smallest high (Paeth, Graphics
 * Gems, 1990) — the same value as sorting each window, at a third of the
 * compare-exchanges.  Sixteen pixels at a time where the compiler has
 * vector types (the same minima and maxima): the filter was 40 % of
 * feature_channels(). */
static void
median_row (const guint8 *in,
            int           w,
            int           h,
            int           y,
            guint8       *lo,
            guint8       *mid,
            guint8       *hi,
            guint8       *out)
{
  const guint8 *up = in + (gsize) MAX (y - 1, 0) * w;
  const guint8 *row = in + (gsize) y * w;
  const guint8 *down = in + (gsize) MIN (y + 1, h - 1) * w;
  int           x = 0;

#if defined(__GNUC__)
  for (; x + 16 <= w; x += 16)
    {
      U8x16 u = load_u8x16 (up + x), r = load_u8x16 (row + x), d = load_u8x16 (down + x);
      U8x16 a = min_u8x16 (u, r), b = max_u8x16 (u, r), l = min_u8x16 (a, d);
      U8x16 hh = max_u8x16 (b, d), m = max_u8x16 (a, min_u8x16 (b, d));

      memcpy (lo + x, &l, sizeof l);
      memcpy (hi + x, &hh, sizeof hh);
      memcpy (mid + x, &m, sizeof m);
    }
#endif
  for (; x < w; x++)
    {
      guint8 a = MIN (up[x], row[x]), b = MAX (up[x], row[x]), c = down[x];

      lo[x] = MIN (a, c);
      hi[x] = MAX (b, c);
      mid[x] = MAX (a, MIN (b, c));
    }

  x = 0;
#if defined(__GNUC__)
  /* Inside the border, the neighbours are x ± 1 without clamping. */
  if (w >= 18)
    {
      out[0] = median3 (MAX (lo[0], lo[1]), median3 (mid[0], mid[0], mid[1]), MIN (hi[0], hi[1]));
      for (x = 1; x + 16 <= w - 1; x += 16)
        {
          U8x16 l = max_u8x16 (max_u8x16 (load_u8x16 (lo + x - 1), load_u8x16 (lo + x)),
                               load_u8x16 (lo + x + 1));
          U8x16 m0 = load_u8x16 (mid + x - 1), m1 = load_u8x16 (mid + x), m2 = load_u8x16 (mid + x + 1);
          U8x16 m = max_u8x16 (min_u8x16 (m0, m1), min_u8x16 (max_u8x16 (m0, m1), m2));
          U8x16 hh = min_u8x16 (min_u8x16 (load_u8x16 (hi + x - 1), load_u8x16 (hi + x)),
                                load_u8x16 (hi + x + 1));
          U8x16 o = max_u8x16 (min_u8x16 (l, m), min_u8x16 (max_u8x16 (l, m), hh));

          memcpy (out + x, &o, sizeof o);
        }
    }
#endif
  for (; x < w; x++)
    {
      int l = MAX (x - 1, 0), r = MIN (x + 1, w - 1);

      out[x] = median3 (MAX (MAX (lo[l], lo[x]), lo[r]), median3 (mid[l], mid[x], mid[r]),
                        MIN (MIN (hi[l], hi[x]), hi[r]));
    }
}

void
eyl_attention_median3x3 (const guint8 *in,
                         int           w,
                         int           h,
                         guint8       *out)
{
  g_autofree guint8 *sorted = NULL;

  g_return_if_fail (in != NULL && out != NULL && w > 0 && h > 0);

  sorted = g_new (guint8, 3 * (gsize) w);
  for (int y = 0; y < h; y++)
    median_row (in, w, h, y, sorted, sorted + w, sorted + 2 * w, out + (gsize) y * w);
}

/* Colours whose Lab is known (direct mapped): a page's pixels come in a
 * few hundred colours, each converted once rather than once a run. */
#define LAB_CACHE 4096

typedef struct
{
  guint32 px;
  double  lab[3];
} LabCache;

/* The three channels of the TPAMI version: CIE Lab, whitened (ZCA on the
 * colour covariance plus @ridge·I, which keeps a grey picture from having
 * its noise blown up), each scaled to 0…255 and 3×3 median filtered.
 * Pixels with @visible == 0 do not count in the statistics. */
static guint8 *
feature_channels (cairo_surface_t *img,
                  const guint8    *visible,
                  double           ridge)
{
  int                  w = cairo_image_surface_get_width (img);
  int                  h = cairo_image_surface_get_height (img);
  int                  stride = cairo_image_surface_get_stride (img);
  const guint8        *data = cairo_image_surface_get_data (img);
  gsize                n = (gsize) w * h;
  g_autofree double   *lab = g_new (double, 3 * n);
  g_autofree guint8   *raw = g_new (guint8, 3 * n);
  guint8              *out = g_new (guint8, 3 * n);
  double               lut[256], mean[3] = { 0 }, cov[3][3] = { { 0 } }, count = 0;
  double               wm[3][3];
  guint32              last = 0;
  g_autofree LabCache *cache = g_new (LabCache, LAB_CACHE);

  for (int i = 0; i < 256; i++)
    lut[i] = srgb_to_linear (i / 255.0);
  /* No colour has a bit above the 24th: every slot starts empty. */
  for (int i = 0; i < LAB_CACHE; i++)
    cache[i].px = G_MAXUINT32;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 px = *(const guint32 *) (data + (gsize) y * stride + 4 * x) & 0xffffff;
        double *l = lab + 3 * ((gsize) y * w + x);

        /* A page is mostly runs of one colour: its neighbour's Lab; and
         * a few colours over and over: the Lab a colour last had, in a
         * small cache.  The same conversion, so the same bits. */
        if (x > 0 && px == last)
          memcpy (l, l - 3, 3 * sizeof *l);
        else
          {
            guint slot = ((px * 2654435761u) >> 20) & (LAB_CACHE - 1);

            if (cache[slot].px != px)
              {
                double lin[3] = { lut[(px >> 16) & 0xff], lut[(px >> 8) & 0xff], lut[px & 0xff] };

                cache[slot].px = px;
                rgb_to_lab (lin, cache[slot].lab);
              }
            memcpy (l, cache[slot].lab, 3 * sizeof *l);
          }
        last = px;
        if (visible != NULL && !visible[(gsize) y * w + x])
          continue;
        for (int c = 0; c < 3; c++)
          mean[c] += l[c];
        count++;
      }
  count = MAX (count, 1);
  for (int c = 0; c < 3; c++)
    mean[c] /= count;

  for (int c = 0; c < 3; c++)
    for (int k = 0; k < 3; k++)
      wm[c][k] = c == k;
  if (ridge >= 0)
    {
      double v[3][3], d[3];

      for (gsize i = 0; i < n; i++)
        {
          const double *l = lab + 3 * i;

          if (visible != NULL && !visible[i])
            continue;
          for (int c = 0; c < 3; c++)
            for (int k = c; k < 3; k++)
              cov[c][k] += (l[c] - mean[c]) * (l[k] - mean[k]);
        }
      /* Symmetric: the same products, summed in the same order. */
      for (int c = 0; c < 3; c++)
        for (int k = 0; k < c; k++)
          cov[c][k] = cov[k][c];
      for (int c = 0; c < 3; c++)
        {
          for (int k = 0; k < 3; k++)
            cov[c][k] /= count;
          cov[c][c] += ridge;
        }
      /* ZCA whitening: W = V diag(1/√λ) Vᵀ. */
      jacobi3 (cov, v, d);
      for (int c = 0; c < 3; c++)
        for (int k = 0; k < 3; k++)
          {
            wm[c][k] = 0;
            for (int e = 0; e < 3; e++)
              wm[c][k] += v[c][e] * v[k][e] / sqrt (MAX (d[e], 1e-9));
          }
    }

  for (int c = 0; c < 3; c++)
    {
      double             lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;
      g_autofree double *ch = g_new (double, n);

      for (gsize i = 0; i < n; i++)
        {
          const double *l = lab + 3 * i;

          ch[i] = wm[c][0] * (l[0] - mean[0]) + wm[c][1] * (l[1] - mean[1]) +
                  wm[c][2] * (l[2] - mean[2]);
          if (visible != NULL && !visible[i])
            continue;
          lo = MIN (lo, ch[i]);
          hi = MAX (hi, ch[i]);
        }
      for (gsize i = 0; i < n; i++)
        raw[c * n + i] = hi > lo ? (guint8) CLAMP ((ch[i] - lo) / (hi - lo) * 255 + 0.5, 0, 255)
                                 : 0;
      eyl_attention_median3x3 (raw + c * n, w, h, out + c * n);
    }
  return out;
}

/* ---- Boolean maps ---- */

/* A horizontal run of pixels on one side of the threshold; the runs of a
 * Boolean map joined 8-connected on the same side (union-find). */
typedef struct
{
  int    x0, x1; /* inclusive */
  int    parent;
  guint8 side;
  guint8 touches; /* the border, or what is hidden */
  guint8 inside;  /* its region does not touch them */
} Run;

/* Scratch memory of the Boolean maps of one channel.  The dilated
 * regions are bit sets, 64 pixels a word: dilating along y is then an OR
 * of a few words per row. */
typedef struct
{
  Run     *runs;      /* one per pixel at most */
  int     *row_start; /* each row's first run; h + 1 */
  guint64 *wide;      /* the surrounded region dilated along x */
  guint64 *dil;       /* … and along y */
  int      n_words;   /* words of a row's bit set */
  guint64 *seen;      /* what is visible, a bit set per row; NULL: all */
  guint64 *ends[2];   /* where a run of each side ends: the other side or
                       * a hidden pixel (one row) */
  guint64 *above;     /* "channel > threshold" (one row) */
} Scratch;

#define WORD_BITS 64

static int
run_root (Run *runs,
          int  i)
{
  while (runs[i].parent != i)
    {
      runs[i].parent = runs[runs[i].parent].parent;
      i = runs[i].parent;
    }
  return i;
}

static void
run_join (Run *runs,
          int  a,
          int  b)
{
  a = run_root (runs, a);
  b = run_root (runs, b);
  if (a == b)
    return;
  if (b < a)
    {
      int t = a;

      a = b;
      b = t;
    }
  runs[b].parent = a;
  runs[a].touches |= runs[b].touches;
}

/* Sets bits @a … @b (inclusive) of the bit set @row. */
static void
set_bits (guint64 *row,
          int      a,
          int      b)
{
  int     wa = a / WORD_BITS, wb = b / WORD_BITS;
  guint64 ma = G_MAXUINT64 << (a % WORD_BITS);
  guint64 mb = G_MAXUINT64 >> (WORD_BITS - 1 - b % WORD_BITS);

  if (wa == wb)
    {
      row[wa] |= ma & mb;
      return;
    }
  row[wa] |= ma;
  for (int k = wa + 1; k < wb; k++)
    row[k] = G_MAXUINT64;
  row[wb] |= mb;
}

/* Adds @weight to @acc where the bit set @bits (@n_words from pixel 0)
 * is set, a run of set bits at a time. */
static void
add_bits (float         *acc,
          const guint64 *bits,
          int            n_words,
          float          weight)
{
  for (int k = 0; k < n_words; k++)
    {
      guint64 m = bits[k];
      float  *a = acc + (gsize) k * WORD_BITS;

      while (m != 0)
        {
          int     b = __builtin_ctzll (m);
          guint64 rest = ~(m >> b);
          int     len = rest == 0 ? WORD_BITS - b : __builtin_ctzll (rest);

          for (int x = b; x < b + len; x++)
            a[x] += weight;
          m = len == WORD_BITS ? 0 : m & ~(((G_GUINT64_CONSTANT (1) << len) - 1) << b);
        }
    }
}

/* Adds the surrounded region of @side (its runs marked inside, in rows
 * @y0 … @y1 and columns @x0 … @x1) to @acc: dilated by a @width × @width
 * square, divided by its dilated area to the power @norm (0.5 is its L2
 * norm).  The square is a dilation along x, each run widened, then one
 * along y, an OR of rows; only the box the dilation reaches is touched,
 * and each pixel gets the same sum in the same order as a pass over the
 * whole map would give it. */
static void
accumulate_side (float   *acc,
                 Scratch *s,
                 int      side,
                 int      w,
                 int      h,
                 int      y0,
                 int      y1,
                 int      x0,
                 int      x1,
                 int      width,
                 double   norm)
{
  int   r = width / 2;
  int   bx0 = MAX (0, x0 - r), bx1 = MIN (w - 1, x1 + r);
  int   by0 = MAX (0, y0 - r), by1 = MIN (h - 1, y1 + r);
  int   wa = bx0 / WORD_BITS, span = bx1 / WORD_BITS - wa + 1;
  gsize n_set = 0;
  float weight;

  memset (s->wide, 0, (gsize) (y1 - y0 + 1) * span * sizeof *s->wide);
  for (int y = y0; y <= y1; y++)
    {
      guint64 *row = s->wide + (gsize) (y - y0) * span;

      for (int i = s->row_start[y]; i < s->row_start[y + 1]; i++)
        {
          const Run *run = &s->runs[i];

          if (run->side == side && run->inside)
            set_bits (row, MAX (bx0, run->x0 - r) - wa * WORD_BITS,
                      MIN (bx1, run->x1 + r) - wa * WORD_BITS);
        }
    }

  for (int y = by0; y <= by1; y++)
    {
      guint64 *d = s->dil + (gsize) (y - by0) * span;

      memset (d, 0, span * sizeof *d);
      for (int yy = MAX (y0, y - r); yy <= MIN (y1, y + r); yy++)
        {
          const guint64 *row = s->wide + (gsize) (yy - y0) * span;

          for (int k = 0; k < span; k++)
            d[k] |= row[k];
        }
      for (int k = 0; k < span; k++)
        n_set += __builtin_popcountll (d[k]);
    }
  if (n_set == 0)
    return;

  /* A binary map's L2 norm is the square root of its area. */
  weight = norm == 0.5 ? 1.0f / sqrtf ((float) n_set) : (float) pow ((double) n_set, -norm);
  for (int y = by0; y <= by1; y++)
    add_bits (acc + (gsize) y * w + (gsize) wa * WORD_BITS, s->dil + (gsize) (y - by0) * span,
              span, weight);
}

/* Which of the eight bytes at @p are above @t, as the low eight bits
 * (bit i: byte i), eight at a time in one word: v > t when v + (255 − t)
 * carries out of its byte, and the carry out of bit 7 is the majority of
 * the two bits 7 and the carry into it.  The multiplication gathers the
 * eight carries into the top byte (they land on distinct bits). */
static guint64
bytes_above (const guint8 *p,
             guint8        t)
{
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  guint64       a, b = G_GUINT64_CONSTANT (0x0101010101010101) * (guint8) (255 - t), sum, carry;

  memcpy (&a, p, sizeof a);
  a = GUINT64_FROM_LE (a);
  sum = (a & ~high) + (b & ~high);
  carry = ((a & b) | (sum & (a ^ b))) & high;
  return ((carry >> 7) * G_GUINT64_CONSTANT (0x0102040810204080)) >> 56;
}

/* The first set bit at or after @from of the bit set @bits (@n_words),
 * or @end when there is none before it. */
static int
next_set (const guint64 *bits,
          int            n_words,
          int            from,
          int            end)
{
  int     k = from / WORD_BITS;
  guint64 m = bits[k] & (G_MAXUINT64 << (from % WORD_BITS));

  while (m == 0)
    {
      if (++k >= n_words)
        return end;
      m = bits[k];
    }
  return MIN (end, k * WORD_BITS + __builtin_ctzll (m));
}

/* The Boolean map "channel > @t" and its complement: the regions of each
 * that are not 8-connected to the border (or to what is hidden), added to
 * @acc.  @chan is the channel, @s->seen (NULL: all) what is visible,
 * @anchor_sum each row's running count of the pixels that touch
 * the border or a hidden pixel (w + 1 per row).  Runs of pixels joined
 * row by row: what a flood from the border would reach, in a few passes
 * over memory. */
static void
boolean_map (const guint8 *chan,
             guint8        t,
             const int    *anchor_sum,
             int           w,
             int           h,
             int           dilate,
             double        norm,
             float        *acc,
             Scratch      *s)
{
  Run     *runs = s->runs;
  int     *row_start = s->row_start;
  int      n_runs = 0, nw = s->n_words;
  int      x0[2] = { w, w }, x1[2] = { -1, -1 }, y0[2] = { h, h }, y1[2] = { -1, -1 };
  guint64 *above = s->above;

  for (int y = 0; y < h; y++)
    {
      const guint8  *c = chan + (gsize) y * w;
      const guint64 *seen = s->seen != NULL ? s->seen + (gsize) y * nw : NULL;
      const int     *sum = anchor_sum + (gsize) y * (w + 1);
      int            x = 0, prev = y > 0 ? row_start[y - 1] : 0, prev_end = n_runs;

      /* The row as bit sets, without a branch per pixel: a run ends at
       * the next set bit of its side's set. */
      for (int k = 0; k < nw; k++)
        {
          const guint8 *ck = c + k * WORD_BITS;
          int           n_bits = MIN (WORD_BITS, w - k * WORD_BITS), i = 0;
          guint64       m = 0;

          for (; i + 8 <= n_bits; i += 8)
            m |= bytes_above (ck + i, t) << i;
          for (; i < n_bits; i++)
            m |= (guint64) (ck[i] > t) << i;
          above[k] = m;
          s->ends[1][k] = ~above[k];
          s->ends[0][k] = above[k];
          if (seen != NULL)
            {
              s->ends[1][k] |= ~seen[k];
              s->ends[0][k] |= ~seen[k];
            }
        }

      row_start[y] = n_runs;
      while (x < w)
        {
          guint8 side;
          int    x_start;
          Run   *r;

          if (seen != NULL && !(seen[x / WORD_BITS] >> (x % WORD_BITS) & 1))
            {
              x = next_set (seen, nw, x, w);
              continue;
            }
          x_start = x;
          side = (above[x / WORD_BITS] >> (x % WORD_BITS)) & 1;
          x = next_set (s->ends[side], nw, x, w);
          r = &runs[n_runs];
          r->x0 = x_start;
          r->x1 = x - 1;
          r->parent = n_runs;
          r->side = side;
          r->touches = y == 0 || y == h - 1 || sum[x] > sum[x_start];
          /* The runs above that touch this one, corners included. */
          while (prev < prev_end && runs[prev].x1 < x_start - 1)
            prev++;
          for (int k = prev; k < prev_end && runs[k].x0 <= x; k++)
            if (runs[k].side == side)
              run_join (runs, k, n_runs);
          n_runs++;
        }
    }
  row_start[h] = n_runs;

  for (int y = 0; y < h; y++)
    for (int i = row_start[y]; i < row_start[y + 1]; i++)
      {
        Run *run = &runs[i];

        run->inside = !runs[run_root (runs, i)].touches;
        if (!run->inside)
          continue;
        y0[run->side] = MIN (y0[run->side], y);
        y1[run->side] = y;
        x0[run->side] = MIN (x0[run->side], run->x0);
        x1[run->side] = MAX (x1[run->side], run->x1);
      }

  for (int side = 0; side < 2; side++)
    if (y1[side] >= 0)
      accumulate_side (acc, s, side, w, h, y0[side], y1[side], x0[side], x1[side], dilate, norm);
}

/* Each row's running count (w + 1 per row) of the visible pixels that
 * touch the border or a hidden pixel (8-connected): where a flood that
 * makes what is hidden part of the border starts. */
static int *
anchor_sums (const guint8 *hidden,
             int           w,
             int           h)
{
  int               *sum = g_new (int, (gsize) (w + 1) * h);
  g_autofree guint8 *column = hidden != NULL ? g_new (guint8, w) : NULL;

  for (int y = 0; y < h; y++)
    {
      int          *row = sum + (gsize) y * (w + 1);
      const guint8 *here = hidden != NULL ? hidden + (gsize) y * w : NULL;

      /* Whether any of the 3 pixels of each column around row @y is
       * hidden: the 3 × 3 neighbourhood is then three columns' worth, one
       * pass over the rows instead of nine reads a pixel.  Only rows
       * inside the border need it. */
      if (hidden != NULL && y > 0 && y < h - 1)
        for (int x = 0; x < w; x++)
          column[x] = (here[x - w] | here[x] | here[x + w]) != 0;

      row[0] = 0;
      for (int x = 0; x < w; x++)
        {
          gboolean anchor = x == 0 || y == 0 || x == w - 1 || y == h - 1;

          if (here != NULL && here[x])
            anchor = FALSE;
          else if (here != NULL && !anchor)
            anchor = column[x - 1] | column[x] | column[x + 1];
          row[x + 1] = row[x] + anchor;
        }
    }
  return sum;
}

void
eyl_attention_boolean_maps (const guint8 *chan,
                            const guint8 *visible,
                            int           w,
                            int           h,
                            int           step,
                            int           dilate,
                            double        norm,
                            float        *acc)
{
  gsize               n = (gsize) w * h;
  g_autofree guint8  *hidden = NULL;
  g_autofree int     *anchor_sum = NULL;
  g_autofree Run     *runs = g_new (Run, n);
  g_autofree int     *row_start = g_new (int, h + 1);
  int                 nw = (w + WORD_BITS - 1) / WORD_BITS;
  g_autofree guint64 *wide = g_new (guint64, (gsize) h * nw);
  g_autofree guint64 *dil = g_new (guint64, (gsize) h * nw);
  g_autofree guint64 *seen = NULL;
  g_autofree guint64 *ends = g_new (guint64, 3 * nw);
  Scratch             s = { runs, row_start, wide, dil, nw, NULL, { ends, ends + nw }, ends + 2 * nw };
  int                 lo = 255, hi = 0;

  g_return_if_fail (chan != NULL && acc != NULL && w > 0 && h > 0);

  step = MAX (step, 1);
  dilate = MAX (dilate, 1);
  if (visible != NULL)
    {
      hidden = g_new (guint8, n);
      seen = g_new0 (guint64, (gsize) h * nw);
      for (gsize i = 0; i < n; i++)
        hidden[i] = !visible[i];
      for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
          seen[(gsize) y * nw + x / WORD_BITS] |= (guint64) (visible[(gsize) y * w + x] != 0)
                                                  << (x % WORD_BITS);
      s.seen = seen;
    }
  anchor_sum = anchor_sums (hidden, w, h);
  for (gsize i = 0; i < n; i++)
    {
      lo = MIN (lo, chan[i]);
      hi = MAX (hi, chan[i]);
    }
  for (int t = lo; t < hi; t += step)
    boolean_map (chan, (guint8) t, anchor_sum, w, h, dilate, norm, acc, &s);
}

/* Grey dilation (max filter) by a @width × @width square. */
static void
dilate_grey (float *map,
             int    w,
             int    h,
             int    width)
{
  int               r = width / 2;
  g_autofree float *tmp = g_new (float, (gsize) w *h);

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        float m = 0;

        for (int k = MAX (0, x - r); k <= MIN (w - 1, x + r); k++)
          m = MAX (m, map[(gsize) y * w + k]);
        tmp[(gsize) y * w + x] = m;
      }
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        float m = 0;

        for (int k = MAX (0, y - r); k <= MIN (h - 1, y + r); k++)
          m = MAX (m, tmp[(gsize) k * w + x]);
        map[(gsize) y * w + x] = m;
      }
}

/* @out[x] += @k × @in[x] for x < @n: four lanes at a time where the
 * compiler has vector types, each lane the same single-precision multiply
 * and add as the plain loop. */
static void
add_scaled (float       *out,
            const float *in,
            float        k,
            int          n)
{
  int x = 0;

#if defined(__GNUC__)
  typedef float Float4 __attribute__ ((vector_size (16)));
  Float4        kk = { k, k, k, k };

  for (; x + 4 <= n; x += 4)
    {
      Float4 a, b;

      memcpy (&a, out + x, sizeof a);
      memcpy (&b, in + x, sizeof b);
      a += kk * b;
      memcpy (out + x, &a, sizeof a);
    }
#endif
  for (; x < n; x++)
    out[x] += k * in[x];
}

/* Separable Gaussian blur of σ @sigma px, truncated at 3σ; near the
 * border the kernel is renormalised over the pixels inside. */
void
eyl_blur_plane (float *map,
                int    w,
                int    h,
                double sigma)
{
  int               r = (int) ceil (3 * sigma);
  g_autofree float *k = NULL;
  g_autofree float *tmp = g_new (float, (gsize) w *h);
  g_autofree float *wsum = g_new (float, w);

  if (sigma <= 0)
    return;
  k = g_new (float, 2 * r + 1);
  for (int i = -r; i <= r; i++)
    k[i + r] = expf ((float) (-(i * i) / (2 * sigma * sigma)));

  /* Each tap over the whole row, the taps in turn: every pixel sums its
   * taps in the order of the kernel, as a tap loop per pixel would, but
   * the pixels' sums no longer wait on each other. */
  for (int x = 0; x < w; x++)
    wsum[x] = 0;
  for (int i = -r; i <= r; i++)
    for (int x = MAX (0, -i); x <= MIN (w - 1, w - 1 - i); x++)
      wsum[x] += k[i + r];
  for (int y = 0; y < h; y++)
    {
      const float *in = map + (gsize) y * w;
      float       *out = tmp + (gsize) y * w;

      memset (out, 0, w * sizeof *out);
      for (int i = -r; i <= r; i++)
        if (MIN (w - 1, w - 1 - i) >= MAX (0, -i))
          add_scaled (out + MAX (0, -i), in + MAX (0, -i) + i, k[i + r],
                      MIN (w - 1, w - 1 - i) - MAX (0, -i) + 1);
      for (int x = 0; x < w; x++)
        out[x] /= wsum[x];
    }
  /* Along y a row at a time, the taps in the same order for each pixel
   * as along x: memory is read in rows. */
  for (int y = 0; y < h; y++)
    {
      float *out = map + (gsize) y * w;
      float  ws = 0;

      memset (out, 0, w * sizeof *out);
      for (int i = MAX (-r, -y); i <= MIN (r, h - 1 - y); i++)
        {
          const float *in = tmp + (gsize) (y + i) * w;

          add_scaled (out, in, k[i + r], w);
          ws += k[i + r];
        }
      for (int x = 0; x < w; x++)
        out[x] /= ws;
    }
}

/* The mean attention map of BMS at one resolution, @w × @h. */
static float *
bms_at (cairo_surface_t          *image,
        const guint8             *visible,
        int                       w,
        int                       h,
        const EylAttentionParams *p)
{
  cairo_surface_t   *small = eyl_image_scaled (image, CAIRO_FORMAT_RGB24, w, h, CAIRO_FILTER_GOOD);
  gsize              n = (gsize) w * h;
  g_autofree guint8 *ch = feature_channels (small, visible, p->whiten);
  g_autofree guint8 *plain = p->lab_plain ? feature_channels (small, visible, -1) : NULL;
  float             *acc = g_new0 (float, n);

  cairo_surface_destroy (small);
  for (int c = 0; c < (plain != NULL ? 6 : 3); c++)
    eyl_attention_boolean_maps (c < 3 ? ch + c * n : plain + (c - 3) * n, visible, w, h, p->step,
                                p->dilate, p->norm, acc);
  return acc;
}

/* ---- image signature ---- */

/* The orthonormal DCT-II matrix of size @n (row k, column i). */
static double *
dct_matrix (int n)
{
  double *m = g_new (double, (gsize) n *n);

  for (int k = 0; k < n; k++)
    for (int i = 0; i < n; i++)
      m[(gsize) k * n + i] = (k == 0 ? sqrt (1.0 / n) : sqrt (2.0 / n)) *
                             cos (G_PI * (i + 0.5) * k / n);
  return m;
}

/* @out = M @in along rows (M: @n × @n, @in: @rows × @n, row-major) when
 * @transpose is FALSE, Mᵀ when TRUE. */
static void
dct_rows (const double *m,
          int           n,
          gboolean      transpose,
          const double *in,
          double       *out,
          int           rows,
          gsize         in_step,
          gsize         in_pitch)
{
  for (int r = 0; r < rows; r++)
    for (int k = 0; k < n; k++)
      {
        double s = 0;

        for (int i = 0; i < n; i++)
          s += (transpose ? m[(gsize) i * n + k] : m[(gsize) k * n + i]) *
               in[r * in_pitch + i * in_step];
        out[(gsize) r * n + k] = s;
      }
}

/* The image signature (X. Hou, J. Harel and C. Koch, "Image signature:
 * highlighting sparse salient regions", IEEE TPAMI 34(1), 2012): each
 * whitened Lab channel at 64 px wide is reduced to the sign of its DCT
 * and transformed back; the squared reconstruction, summed over the
 * channels, is where the picture has sparse foreground against a
 * spectrally smooth background.  A cue BMS misses: it does not need a
 * closed region.  Returned at @w × @h, unblurred, 0 where hidden. */
static float *
signature_at (cairo_surface_t *image,
              const guint8    *visible,
              int              w,
              int              h,
              double           ridge)
{
  int                sw = 64, sh = MAX (1, (int) round (64.0 * h / w));
  cairo_surface_t   *small;
  g_autofree guint8 *vis = NULL;
  g_autofree guint8 *ch = NULL;
  g_autofree double *mx = NULL;
  g_autofree double *my = NULL;
  g_autofree double *a = NULL;
  g_autofree double *b = NULL;
  g_autofree double *sal = NULL;
  gsize              n;
  float             *out;

  if (w < h)
    {
      sh = 64;
      sw = MAX (1, (int) round (64.0 * w / h));
    }
  n = (gsize) sw * sh;
  small = eyl_image_scaled (image, CAIRO_FORMAT_RGB24, sw, sh, CAIRO_FILTER_GOOD);
  if (visible != NULL)
    {
      vis = g_new (guint8, n);
      for (int y = 0; y < sh; y++)
        for (int x = 0; x < sw; x++)
          vis[(gsize) y * sw + x] = visible[(gsize) MIN (y * h / sh, h - 1) * w +
                                            MIN (x * w / sw, w - 1)];
    }
  ch = feature_channels (small, vis, ridge);
  cairo_surface_destroy (small);
  mx = dct_matrix (sw);
  my = dct_matrix (sh);
  a = g_new (double, n);
  b = g_new (double, n);
  sal = g_new0 (double, n);

  for (int c = 0; c < 3; c++)
    {
      double mean = 0, count = 0;

      /* What is hidden takes the mean of what is seen: no edge of its own
       * beyond the step at the mask. */
      for (gsize i = 0; i < n; i++)
        if (vis == NULL || vis[i])
          {
            mean += ch[c * n + i];
            count++;
          }
      mean /= MAX (count, 1);
      for (gsize i = 0; i < n; i++)
        a[i] = vis == NULL || vis[i] ? ch[c * n + i] - mean : 0;

      /* 2-D DCT: along x (rows of a), then along y (columns). */
      dct_rows (mx, sw, FALSE, a, b, sh, 1, sw);
      for (int x = 0; x < sw; x++)
        {
          g_autofree double *col = g_new (double, sh);

          dct_rows (my, sh, FALSE, b + x, col, 1, sw, 0);
          for (int y = 0; y < sh; y++)
            a[(gsize) y * sw + x] = col[y] > 0 ? 1 : col[y] < 0 ? -1
                                                                : 0;
        }
      /* The inverse of the sign. */
      dct_rows (mx, sw, TRUE, a, b, sh, 1, sw);
      for (int x = 0; x < sw; x++)
        {
          g_autofree double *col = g_new (double, sh);

          dct_rows (my, sh, TRUE, b + x, col, 1, sw, 0);
          for (int y = 0; y < sh; y++)
            sal[(gsize) y * sw + x] += col[y] * col[y];
        }
    }

  /* Up to @w × @h, bilinear with pixel centres aligned. */
  out = g_new (float, (gsize) w *h);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        double fx = CLAMP ((x + 0.5) * sw / w - 0.5, 0, sw - 1);
        double fy = CLAMP ((y + 0.5) * sh / h - 0.5, 0, sh - 1);
        int    x0 = (int) fx, y0 = (int) fy;
        int    x1 = MIN (x0 + 1, sw - 1), y1 = MIN (y0 + 1, sh - 1);
        double tx = fx - x0, ty = fy - y0;
        double v = (1 - ty) * ((1 - tx) * sal[(gsize) y0 * sw + x0] + tx * sal[(gsize) y0 * sw + x1]) +
                   ty * ((1 - tx) * sal[(gsize) y1 * sw + x0] + tx * sal[(gsize) y1 * sw + x1]);

        out[(gsize) y * w + x] = visible == NULL || visible[(gsize) y * w + x] ? (float) v : 0;
      }
  return out;
}

/* @hidden (A8, any size) at @w × @h: 1 where visible. */
static guint8 *
visible_mask (cairo_surface_t *hidden,
              int              w,
              int              h)
{
  cairo_surface_t *a;
  guint8          *visible;
  const guint8    *data;
  int              stride;

  if (hidden == NULL)
    return NULL;
  a = eyl_image_scaled (hidden, CAIRO_FORMAT_A8, w, h, CAIRO_FILTER_GOOD);
  data = cairo_image_surface_get_data (a);
  stride = cairo_image_surface_get_stride (a);
  visible = g_new (guint8, (gsize) w * h);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      visible[(gsize) y * w + x] = data[(gsize) y * stride + x] < 128;
  cairo_surface_destroy (a);
  return visible;
}

static void
normalise_max (float *v,
               gsize  n)
{
  float hi = 0;

  for (gsize i = 0; i < n; i++)
    hi = MAX (hi, v[i]);
  if (hi > 0)
    for (gsize i = 0; i < n; i++)
      v[i] /= hi;
}

void
eyl_attention_map_refine (EylAttentionMap *map,
                          const guint8    *visible,
                          double           blur_px,
                          double           centre,
                          double           gamma)
{
  int   w, h;
  gsize n;

  g_return_if_fail (map != NULL);

  w = map->width;
  h = map->height;
  n = (gsize) w * h;
  eyl_blur_plane (map->values, w, h, blur_px);

  if (centre > 0)
    {
      /* A centre prior: the eye starts at the middle of what it is shown
       * (Tatler 2007); a Gaussian of σ = ¼ of each side.  Its factor is
       * worked out for one quarter of the map and mirrored: x + ½ − w/2
       * and its mirror (w − 1 − x) + ½ − w/2 are exact halves of opposite
       * sign, so their squares, and the factors, are the same bits.  A
       * quarter of the exp() calls: they were most of the refinement
       * after the blur. */
      int               hw = (w + 1) / 2, hh = (h + 1) / 2;
      g_autofree float *factor = g_new (float, (gsize) hw *hh);

      for (int y = 0; y < hh; y++)
        for (int x = 0; x < hw; x++)
          {
            double dx = (x + 0.5 - w / 2.0) / (0.25 * w);
            double dy = (y + 0.5 - h / 2.0) / (0.25 * h);
            double g = exp (-(dx * dx + dy * dy) / 2);

            factor[(gsize) y * hw + x] = (float) (1 - centre + centre * g);
          }
      for (int y = 0; y < h; y++)
        {
          const float *f = factor + (gsize) MIN (y, h - 1 - y) * hw;
          float       *v = map->values + (gsize) y * w;

          for (int x = 0; x < w; x++)
            v[x] *= f[MIN (x, w - 1 - x)];
        }
    }

  if (visible != NULL)
    for (gsize i = 0; i < n; i++)
      if (!visible[i])
        map->values[i] = 0;

  normalise_max (map->values, n);
  if (gamma > 0 && gamma != 1.0)
    for (gsize i = 0; i < n; i++)
      map->values[i] = powf (map->values[i], (float) gamma);
}

EylAttentionMap *
eyl_attention_map_compute (cairo_surface_t          *image,
                           cairo_surface_t          *hidden,
                           const EylAttentionParams *params)
{
  EylAttentionParams defaults;
  EylAttentionMap   *map;
  g_autofree guint8 *visible = NULL;
  int                iw, ih, w, h, side;
  gsize              n;

  g_return_val_if_fail (image != NULL, NULL);
  g_return_val_if_fail (cairo_surface_get_type (image) == CAIRO_SURFACE_TYPE_IMAGE, NULL);

  if (params == NULL)
    {
      eyl_attention_params_init (&defaults);
      params = &defaults;
    }
  cairo_surface_flush (image);
  iw = cairo_image_surface_get_width (image);
  ih = cairo_image_surface_get_height (image);
  g_return_val_if_fail (iw > 0 && ih > 0, NULL);

  side = MAX (params->max_side, 16);
  w = iw >= ih ? side : MAX (1, (int) round ((double) side * iw / ih));
  h = ih > iw ? side : MAX (1, (int) round ((double) side * ih / iw));
  n = (gsize) w * h;

  map = g_new0 (EylAttentionMap, 1);
  map->width = w;
  map->height = h;
  visible = visible_mask (hidden, w, h);
  /* Weight 1 is the image signature alone (for evaluations). */
  map->values = params->signature < 1 ? bms_at (image, visible, w, h, params)
                                      : g_new0 (float, n);
  normalise_max (map->values, n);

  /* A coarser scale finds the larger objects the fine one breaks up. */
  if (params->scales > 1 && w >= 32 && h >= 32)
    {
      int                w2 = w / 2, h2 = h / 2;
      g_autofree guint8 *vis2 = visible_mask (hidden, w2, h2);
      g_autofree float  *coarse = bms_at (image, vis2, w2, h2, params);

      normalise_max (coarse, (gsize) w2 * h2);
      for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
          {
            int xx = MIN (x * w2 / w, w2 - 1), yy = MIN (y * h2 / h, h2 - 1);

            map->values[(gsize) y * w + x] += coarse[(gsize) yy * w2 + xx];
          }
    }

  dilate_grey (map->values, w, h, params->dilate_final);
  if (params->signature > 0)
    {
      g_autofree float *sig = signature_at (image, visible, w, h, params->whiten);
      float             s = (float) MIN (params->signature, 1.0);

      normalise_max (map->values, n);
      normalise_max (sig, n);
      for (gsize i = 0; i < n; i++)
        map->values[i] = (1 - s) * map->values[i] + s * sig[i];
    }
  eyl_attention_map_refine (map, visible, params->blur * side, params->centre, params->gamma);
  return map;
}

/* The map's sum, in index order. */
static double
map_total (const EylAttentionMap *map)
{
  double total = 0;

  for (gsize i = 0; i < (gsize) map->width * map->height; i++)
    total += map->values[i];
  return total;
}

/* The first and last of @n cells whose centres, @c0 + (i + ½) / @n ×
 * @span, lie in [@lo, @hi); @first > @last when none does.  The centres
 * grow with i, so those that do are one range. */
static void
cells_in (int    n,
          double c0,
          double span,
          double lo,
          double hi,
          int   *first,
          int   *last)
{
  *first = n;
  *last = -1;
  for (int i = 0; i < n; i++)
    {
      double c = c0 + (i + 0.5) / n * span;

      if (c >= lo && c < hi)
        {
          *first = MIN (*first, i);
          *last = i;
        }
    }
}

/* The map's sum over the pixels whose centres (0…1 of the image) lie in
 * the box, in index order: only the box's rows and columns are read. */
static double
map_inside (const EylAttentionMap *map,
            double                 x0,
            double                 y0,
            double                 x1,
            double                 y1)
{
  double inside = 0;
  int    cx0, cx1, cy0, cy1;

  cells_in (map->width, 0, 1, x0, x1, &cx0, &cx1);
  cells_in (map->height, 0, 1, y0, y1, &cy0, &cy1);
  for (int y = cy0; y <= cy1; y++)
    for (int x = cx0; x <= cx1; x++)
      inside += map->values[(gsize) y * map->width + x];
  return inside;
}

double
eyl_attention_map_share (const EylAttentionMap *map,
                         double                 x0,
                         double                 y0,
                         double                 x1,
                         double                 y1)
{
  double total;

  g_return_val_if_fail (map != NULL, 0);

  total = map_total (map);
  return total > 0 ? map_inside (map, x0, y0, x1, y1) / total : 0;
}

guint
eyl_attention_map_fixations (const EylAttentionMap *map,
                             guint                  n,
                             double                 ior_radius,
                             EylAttentionFixation  *out)
{
  int               w, h;
  gsize             size;
  g_autofree float *v = NULL;
  g_autofree float *dip = NULL;
  g_autofree gsize *stack = NULL;
  gsize             n_dip;
  double            sigma;
  guint             found = 0;

  g_return_val_if_fail (map != NULL, 0);
  g_return_val_if_fail (n == 0 || out != NULL, 0);

  w = map->width;
  h = map->height;
  size = (gsize) w * h;
  v = g_memdup2 (map->values, size * sizeof (float));
  sigma = MAX (ior_radius * MAX (w, h), 1.0);
  /* The inhibition's factor by squared distance, a whole number of px²,
   * out to where it is 1 in float: 1 − e^(−d²/2σ²) with e below 2^−27
   * rounds to 1. */
  n_dip = (gsize) ceil (2 * sigma * sigma * 27 * G_LN2) + 1;
  dip = g_new (float, n_dip);
  for (gsize d2 = 0; d2 < n_dip; d2++)
    dip[d2] = (float) (1 - exp (-(double) d2 / (2 * sigma * sigma)));

  while (found < n)
    {
      gsize best = 0;

      for (gsize i = 1; i < size; i++)
        if (v[i] > v[best])
          best = i;
      if (!(v[best] > 0))
        break;

      out[found].x = ((best % w) + 0.5) / w;
      out[found].y = ((best / w) + 0.5) / h;
      out[found].value = map->values[best];
      found++;

      /* Inhibition of return: the winner's neighbourhood loses its pull,
       * and so does the hill it stands on — what is connected to it at
       * more than half its value, then what falls away from there without
       * rising again: the next fixation goes to another object, not to
       * the rim of this one. */
      for (int y = 0; y < h; y++)
        {
          gsize dy2 = (gsize) (y - (int) (best / w)) * (gsize) (y - (int) (best / w));

          for (int x = 0; x < w && dy2 < n_dip; x++)
            {
              gsize d2 = dy2 + (gsize) (x - (int) (best % w)) * (gsize) (x - (int) (best % w));

              if (d2 < n_dip)
                v[(gsize) y * w + x] *= dip[d2];
            }
        }
      {
        float half = 0.5f * map->values[best];
        gsize top = 0;

        /* A pixel is pushed only where it is zeroed: at most once. */
        if (stack == NULL)
          stack = g_new (gsize, size);
        stack[top++] = best;
        v[best] = 0;
        while (top > 0)
          {
            gsize i = stack[--top];
            int   x = i % w, y = i / w;

            for (int dy = -1; dy <= 1; dy++)
              for (int dx = -1; dx <= 1; dx++)
                {
                  int   xx = x + dx, yy = y + dy;
                  gsize j;

                  if (xx < 0 || yy < 0 || xx >= w || yy >= h)
                    continue;
                  j = (gsize) yy * w + xx;
                  /* The original map decides the hill, so the Gaussian
                   * dip cannot cut it in two. */
                  if (v[j] > 0 && (map->values[j] >= half ||
                                   map->values[j] <= map->values[i]))
                    {
                      v[j] = 0;
                      stack[top++] = j;
                    }
                }
          }
      }
    }
  return found;
}

cairo_surface_t *
eyl_attention_map_to_surface (const EylAttentionMap *map)
{
  cairo_surface_t *s;
  guint8          *data;
  int              stride;
  float            lo = G_MAXFLOAT, hi = -G_MAXFLOAT;
  gsize            n;

  g_return_val_if_fail (map != NULL, NULL);

  n = (gsize) map->width * map->height;
  for (gsize i = 0; i < n; i++)
    {
      lo = MIN (lo, map->values[i]);
      hi = MAX (hi, map->values[i]);
    }
  s = cairo_image_surface_create (CAIRO_FORMAT_A8, map->width, map->height);
  cairo_surface_flush (s);
  data = cairo_image_surface_get_data (s);
  stride = cairo_image_surface_get_stride (s);
  for (int y = 0; y < map->height; y++)
    for (int x = 0; x < map->width; x++)
      {
        float v = map->values[(gsize) y * map->width + x];

        data[(gsize) y * stride + x] = hi > lo ? (guint8) ((v - lo) / (hi - lo) * 255 + 0.5f) : 0;
      }
  cairo_surface_mark_dirty (s);
  return s;
}

gboolean
eyl_attention_map_write_png (const EylAttentionMap *map,
                             const char            *path,
                             GError               **error)
{
  cairo_surface_t *s;
  cairo_status_t   status;

  g_return_val_if_fail (map != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Cairo writes an A8 surface as an 8-bit greyscale PNG. */
  s = eyl_attention_map_to_surface (map);
  status = cairo_surface_write_to_png (s, path);
  cairo_surface_destroy (s);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s: %s", path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

cairo_surface_t *
eyl_attention_load_image (const char *path,
                          GError    **error)
{
  g_autoptr(GdkPixbuf) raw = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  cairo_surface_t *s;
  const guint8    *src;
  guint8          *dst;
  int              w, h, n_ch, src_stride, dst_stride;

  g_return_val_if_fail (path != NULL, NULL);

  raw = gdk_pixbuf_new_from_file (path, error);
  if (raw == NULL)
    return NULL;
  /* Turned as the file says (EXIF orientation): as a viewer shows it. */
  pixbuf = gdk_pixbuf_apply_embedded_orientation (raw);
  w = gdk_pixbuf_get_width (pixbuf);
  h = gdk_pixbuf_get_height (pixbuf);
  n_ch = gdk_pixbuf_get_n_channels (pixbuf);
  src = gdk_pixbuf_read_pixels (pixbuf);
  src_stride = gdk_pixbuf_get_rowstride (pixbuf);

  s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cairo_surface_flush (s);
  dst = cairo_image_surface_get_data (s);
  dst_stride = cairo_image_surface_get_stride (s);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        const guint8 *p = src + (gsize) y * src_stride + (gsize) x * n_ch;
        guint32       r = p[0], g = p[1], b = p[2];

        /* A transparent PNG is seen on white, as a page is. */
        if (n_ch == 4)
          {
            guint32 a = p[3];

            r = (r * a + 255 * (255 - a) + 127) / 255;
            g = (g * a + 255 * (255 - a) + 127) / 255;
            b = (b * a + 255 * (255 - a) + 127) / 255;
          }
        *(guint32 *) (dst + (gsize) y * dst_stride + 4 * x) = (r << 16) | (g << 8) | b;
      }
  cairo_surface_mark_dirty (s);
  return s;
}

/* ---- a page as the visitor sees it ---- */

/* Fixations listed in the report. */
#define PAGE_FIXATIONS 5

/* What the median visitor does not see of the raster, as an A8 mask of
 * about the model's working size. */
static cairo_surface_t *
page_hidden_mask (const EylRaster    *raster,
                  const EylPageFrame *frame,
                  const EylPlacement *placement,
                  gboolean           *any_seen)
{
  double           eye = eyl_population_quantile (placement, 0.5);
  double           below = eyl_hidden_below_mm (placement, frame, eye);
  double           above = eyl_hidden_above_mm (placement, frame);
  double           f = MIN (1.0, 400.0 / MAX (raster->width, raster->height));
  int              w = MAX (1, (int) round (raster->width * f)), h = MAX (1, (int) round (raster->height * f));
  cairo_surface_t *mask = cairo_image_surface_create (CAIRO_FORMAT_A8, w, h);
  guint8          *data;
  int              stride;

  *any_seen = FALSE;
  cairo_surface_flush (mask);
  data = cairo_image_surface_get_data (mask);
  stride = cairo_image_surface_get_stride (mask);
  for (int y = 0; y < h; y++)
    {
      double   y_pt = raster->area.y0 + (y + 0.5) / h * (raster->area.y1 - raster->area.y0);
      double   floor_mm = eyl_page_frame_floor_mm (frame, y_pt);
      gboolean row_hidden = floor_mm < below || floor_mm > above;

      for (int x = 0; x < w; x++)
        {
          double x_pt = raster->area.x0 + (x + 0.5) / w * (raster->area.x1 - raster->area.x0);
          /* A folded leaflet in a rack shows its cover panel only. */
          gboolean col_hidden = placement->cover_x0_fraction > 0 &&
                                x_pt < frame->visible.x0 + placement->cover_x0_fraction *
                                                               (frame->visible.x1 - frame->visible.x0);

          data[(gsize) y * stride + x] = row_hidden || col_hidden ? 255 : 0;
          if (!row_hidden && !col_hidden)
            *any_seen = TRUE;
        }
    }
  cairo_surface_mark_dirty (mask);
  return mask;
}

/* Share of the map inside the union of the boxes of @elements that
 * @member accepts. */
static double
group_share (const EylAttentionMap *map,
             const EylRaster       *raster,
             GPtrArray             *elements,
             gboolean (*member) (const EylElement *))
{
  double             total = 0, inside = 0;
  double             aw = raster->area.x1 - raster->area.x0, ah = raster->area.y1 - raster->area.y0;
  gsize              n = (gsize) map->width * map->height;
  g_autofree guint8 *in_group = g_new0 (guint8, n);

  /* The pixels whose centres lie in a member's box, marked box by box. */
  for (guint i = 0; i < elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (elements, i);
      int               x0, x1, y0, y1;

      if (!member (el))
        continue;
      cells_in (map->width, raster->area.x0, aw, el->box.x0, el->box.x1, &x0, &x1);
      cells_in (map->height, raster->area.y0, ah, el->box.y0, el->box.y1, &y0, &y1);
      for (int y = y0; y <= y1; y++)
        memset (in_group + (gsize) y * map->width + x0, 1, MAX (0, x1 - x0 + 1));
    }
  for (gsize i = 0; i < n; i++)
    {
      total += map->values[i];
      if (map->values[i] > 0 && in_group[i])
        inside += map->values[i];
    }
  return total > 0 ? inside / total : 0;
}

static gboolean
is_brand (const EylElement *el)
{
  return el->kind == EYL_ELEMENT_LOGO || el->kind == EYL_ELEMENT_BRAND_NAME;
}

/* What the customer needs: the brand's own ways to reach it, what to do
 * and the offer (DESIGN.md 1). */
static gboolean
is_customer (const EylElement *el)
{
  return (eyl_element_kind_is_contact (el->kind) && !el->third_party) ||
         el->kind == EYL_ELEMENT_CTA || el->kind == EYL_ELEMENT_HEADLINE;
}

/* The smallest element whose box holds the point, or NULL. */
static const EylElement *
element_at (GPtrArray *elements,
            double     x_pt,
            double     y_pt)
{
  const EylElement *best = NULL;
  double            best_area = G_MAXDOUBLE;

  for (guint i = 0; i < elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (elements, i);
      double            area = (el->box.x1 - el->box.x0) * (el->box.y1 - el->box.y0);

      if (x_pt >= el->box.x0 && x_pt <= el->box.x1 && y_pt >= el->box.y0 &&
          y_pt <= el->box.y1 && area < best_area)
        {
          best = el;
          best_area = area;
        }
    }
  return best;
}

static void
set_share (JsonObject *object,
           const char *name,
           double      share)
{
  /* Three decimals: a model's share is no more precise than that. */
  json_object_set_double_member (object, name, round (share * 1000) / 1000);
}

JsonObject *
eyl_attention_for_page (EylRaster          *raster,
                        const EylPageFrame *frame,
                        const EylPlacement *placement,
                        GPtrArray          *elements)
{
  g_auto(EylStageScope) stage = eyl_stage_scope (EYL_STAGE_ATTENTION);
  g_autoptr(EylAttentionMap) map = NULL;
  cairo_surface_t     *mask;
  JsonObject          *out, *kinds;
  JsonArray           *list;
  EylAttentionFixation fix[PAGE_FIXATIONS];
  double               aw, ah, customer, brand, total;
  gboolean             any_seen;
  guint                n;

  g_return_val_if_fail (raster != NULL && frame != NULL && placement != NULL, NULL);
  g_return_val_if_fail (elements != NULL, NULL);

  mask = page_hidden_mask (raster, frame, placement, &any_seen);
  if (!any_seen)
    {
      cairo_surface_destroy (mask);
      return NULL;
    }
  map = eyl_attention_map_compute (eyl_raster_get_surface (raster), mask, NULL);
  cairo_surface_destroy (mask);
  aw = raster->area.x1 - raster->area.x0;
  ah = raster->area.y1 - raster->area.y0;
  total = map_total (map);

  out = json_object_new ();
  json_object_set_string_member (out, "model", "boolean-map-saliency");

  list = json_array_new ();
  kinds = json_object_new ();
  for (guint i = 0; i < elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (elements, i);
      JsonObject       *item = json_object_new ();
      const char       *kind = eyl_element_kind_to_string (el->kind);
      double            share = total > 0 ? map_inside (map, (el->box.x0 - raster->area.x0) / aw,
                                                        (el->box.y0 - raster->area.y0) / ah,
                                                        (el->box.x1 - raster->area.x0) / aw,
                                                        (el->box.y1 - raster->area.y0) / ah) /
                                     total
                                          : 0;

      json_object_set_string_member (item, "element", el->id);
      json_object_set_string_member (item, "kind", kind);
      set_share (item, "share", share);
      json_array_add_object_element (list, item);
      /* By kind: the sum over its elements (they seldom overlap). */
      set_share (kinds, kind, MIN (1.0, share + (json_object_has_member (kinds, kind) ? json_object_get_double_member (kinds, kind) : 0)));
    }
  json_object_set_array_member (out, "elements", list);
  json_object_set_object_member (out, "kinds", kinds);

  customer = group_share (map, raster, elements, is_customer);
  brand = group_share (map, raster, elements, is_brand);
  set_share (out, "customer_share", customer);
  set_share (out, "brand_share", brand);
  /* How many times the brand's pull the customer's information has;
   * null when the page has no brand to compare with. */
  if (brand > 0)
    json_object_set_double_member (out, "customer_vs_brand", round (customer / brand * 100) / 100);
  else
    json_object_set_null_member (out, "customer_vs_brand");

  list = json_array_new ();
  n = eyl_attention_map_fixations (map, PAGE_FIXATIONS, EYL_ATTENTION_IOR_RADIUS, fix);
  for (guint k = 0; k < n; k++)
    {
      JsonObject       *item = json_object_new ();
      double            x_pt = raster->area.x0 + fix[k].x * aw, y_pt = raster->area.y0 + fix[k].y * ah;
      const EylElement *el = element_at (elements, x_pt, y_pt);

      json_object_set_int_member (item, "order", k + 1);
      json_object_set_double_member (item, "x_pt", round (x_pt * 10) / 10);
      json_object_set_double_member (item, "y_pt", round (y_pt * 10) / 10);
      if (el != NULL)
        json_object_set_string_member (item, "element", el->id);
      else
        json_object_set_null_member (item, "element");
      json_array_add_object_element (list, item);
    }
  json_object_set_array_member (out, "fixations", list);
  return out;
}

EylRaster *
eyl_attention_render_visible (PopplerPage     *page,
                              cairo_surface_t *recording,
                              const EylRect   *visible,
                              double           long_side_px)
{
  double     vw = visible->x1 - visible->x0, vh = visible->y1 - visible->y0;
  EylRaster *raster;
  cairo_t   *cr;

  g_return_val_if_fail ((recording != NULL || POPPLER_IS_PAGE (page)) && vw > 0 && vh > 0, NULL);

  raster = eyl_raster_new (visible, long_side_px / MAX (vw, vh));
  cr = eyl_raster_create_context (raster);
  if (recording != NULL)
    {
      cairo_set_source_surface (cr, recording, 0, 0);
      cairo_paint (cr);
    }
  else
    poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (eyl_raster_get_surface (raster));
  return raster;
}

cairo_surface_t *
eyl_attention_heatmap_for_page (PopplerPage        *page,
                                const EylPageFrame *frame,
                                const EylPlacement *placement,
                                int                 long_side_px)
{
  g_autoptr(EylRaster) raster = NULL;

  g_return_val_if_fail (frame != NULL && placement != NULL && long_side_px > 0, NULL);

  raster = eyl_attention_render_visible (page, NULL, &frame->visible, long_side_px);
  if (raster == NULL)
    return NULL;
  return eyl_attention_heatmap_for_raster (raster, frame, placement);
}

cairo_surface_t *
eyl_attention_heatmap_for_raster (EylRaster          *raster,
                                  const EylPageFrame *frame,
                                  const EylPlacement *placement)
{
  g_autoptr(EylAttentionMap) map = NULL;
  cairo_surface_t     *mask, *out, *hidden;
  EylAttentionFixation fix[PAGE_FIXATIONS];
  const guint8        *mdata;
  guint8              *odata;
  int                  w, h, ostride, mstride, mw, mh, long_side_px;
  gboolean             any_seen;
  guint                n;
  cairo_t             *cr;

  g_return_val_if_fail (raster != NULL && frame != NULL && placement != NULL, NULL);

  long_side_px = MAX (raster->width, raster->height);
  mask = page_hidden_mask (raster, frame, placement, &any_seen);
  if (!any_seen)
    {
      cairo_surface_destroy (mask);
      return NULL;
    }
  map = eyl_attention_map_compute (eyl_raster_get_surface (raster), mask, NULL);

  /* The page paled to a third of its contrast, so the heat reads over it. */
  w = raster->width;
  h = raster->height;
  out = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cairo_surface_flush (out);
  odata = cairo_image_surface_get_data (out);
  ostride = cairo_image_surface_get_stride (out);
  hidden = eyl_image_scaled (mask, CAIRO_FORMAT_A8, w, h, CAIRO_FILTER_GOOD);
  cairo_surface_destroy (mask);
  mdata = cairo_image_surface_get_data (hidden);
  mstride = cairo_image_surface_get_stride (hidden);
  mw = map->width;
  mh = map->height;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 px = *(const guint32 *) (raster->data + (gsize) y * raster->stride + 4 * x);
        double  v = map->values[(gsize) MIN (y * mh / h, mh - 1) * mw + MIN (x * mw / w, mw - 1)];
        double  a = 0.75 * CLAMP (v, 0, 1);
        double  rgb[3] = { ((px >> 16) & 0xff) / 255.0, ((px >> 8) & 0xff) / 255.0, (px & 0xff) / 255.0 };
        /* Yellow for a little attention, red for the most. */
        double   heat[3] = { 1.0, 0.9 * (1 - v), 0.0 };
        gboolean is_hidden = mdata[(gsize) y * mstride + x] >= 128;
        guint32  o = 0;

        for (int c = 0; c < 3; c++)
          {
            double pale = 0.67 + 0.33 * rgb[c];
            double value = is_hidden ? 0.5 * pale : (1 - a) * pale + a * heat[c];

            o = (o << 8) | (guint32) CLAMP (value * 255 + 0.5, 0, 255);
          }
        *(guint32 *) (odata + (gsize) y * ostride + 4 * x) = o;
      }
  cairo_surface_destroy (hidden);
  cairo_surface_mark_dirty (out);

  /* The first fixations, numbered in their order. */
  n = eyl_attention_map_fixations (map, PAGE_FIXATIONS, EYL_ATTENTION_IOR_RADIUS, fix);
  cr = cairo_create (out);
  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, MAX (10, long_side_px / 40.0));
  for (guint k = 0; k < n; k++)
    {
      double               cx = fix[k].x * w, cy = fix[k].y * h, r = MAX (8, long_side_px / 45.0);
      char                 label[4];
      cairo_text_extents_t ext;

      g_snprintf (label, sizeof label, "%u", k + 1);
      cairo_new_path (cr);
      cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, MAX (1.5, r / 6));
      cairo_stroke (cr);
      cairo_text_extents (cr, label, &ext);
      cairo_move_to (cr, cx - ext.x_bearing - ext.width / 2, cy - ext.y_bearing - ext.height / 2);
      cairo_show_text (cr, label);
    }
  cairo_destroy (cr);
  return out;
}
