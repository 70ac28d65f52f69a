/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-barcode.c: EAN / UPC symbols read with zbar and measured.
 *
 * zbar reads the digits (and checks them); the measuring is done here,
 * on a render at several pixels per module: the symbol's own bar and
 * space pattern (from the standard encoding tables) is matched along a
 * scan line, so its first and last bar give the module width exactly
 * (the symbol is 95 modules from guard to guard, whatever the ink
 * spread), the bars are followed up and down for their height, and the
 * clear margin is walked from the outer bars. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-barcode"

#include <math.h>
#include <string.h>

#include "eyl-barcode.h"
#include "eyl-render-cache.h"
#include "eyl-stage.h"
#include "eyl-zbar.h"

/* The detail render: px per mm of material (a 0.264 mm module, the
 * smallest allowed, gets 3 px), and its budget. */
#define DETAIL_PX_PER_MM  12.0
#define DETAIL_MAX_PIXELS (6.0 * 1000 * 1000)
/* Margin rendered around a candidate, mm: the widest quiet zone (11X) at
 * the largest magnification (200 %: X = 0.66 mm) is 7.3 mm. */
#define DETAIL_MARGIN_MM 9.0
/* Renders per page, whatever the page shows. */
#define MAX_CANDIDATES 4
/* Bar-like texture on the analysis raster: cells of CELL px whose mean
 * grey step across is at least MIN_STEP and TEXTURE_RATIO times the step
 * along. */
#define CELL          4
#define MIN_STEP      10.0
#define TEXTURE_RATIO 2.5
/* The shortest symbol worth a render, mm: EAN-8 at 80 % is 17.7 mm long. */
#define MIN_CANDIDATE_MM 14.0
#define MIN_RUN_MM       8.0
/* How a raster is scanned for pack symbols alone: zbar is fed every
 * k-th row and column only, k such that MIN_LINES lines still cross bars
 * MIN_BAR_MM tall (a truncated EAN-13 at 80 % keeps ~ 8 mm; 5 mm is
 * below anything a till reads).  zbar reports an EAN once three lines
 * agree (its uncertainty 2), a Code 128 from one; 10 lines leave room
 * for a third of them lost to a scratch, a hairline or the bars' ends
 * (drawn symbols read from 2).  The detail render (12 px a mm) is
 * scanned on every 6th line, the red channel of an analysis raster of
 * 4 px a mm on every 2nd. */
#define MIN_BAR_MM 5.0
#define MIN_LINES  10.0
/* zbar resolves no bars narrower than about a pixel: an EAN-13 drawn
 * with Cairo reads from 1.0 px a module (at one placement of four, at
 * every placement from 1.4), never at 0.9 or less. */
#define MIN_READ_PX 1.0
/* Fewer px a module than this and the measures are rounding. */
#define MIN_MEASURE_PX 3.0
/* A run may be this many modules off its table width (ink spread, the
 * render's rounding) and still match. */
#define RUN_TOLERANCE 0.8

gboolean
eyl_barcode_nominal (const char *symbology,
                     double     *bar_height_mm,
                     double     *quiet_left,
                     double     *quiet_right)
{
  /* GS1 General Specifications 5.2.3.4 (quiet zones) and 5.12.3.1
   * (Symbol Specification Table 1, bar heights at 100 %). */
  static const struct
  {
    const char *name;
    double      height, left, right;
  } table[] = {
    { "EAN-13", 22.85, 11, 7 },
    { "UPC-A", 22.85, 9, 9 },
    { "UPC-E", 22.85, 9, 7 },
    { "EAN-8", 18.23, 7, 7 },
  };

  for (guint i = 0; symbology != NULL && i < G_N_ELEMENTS (table); i++)
    if (g_str_equal (symbology, table[i].name))
      {
        if (bar_height_mm != NULL)
          *bar_height_mm = table[i].height;
        if (quiet_left != NULL)
          *quiet_left = table[i].left;
        if (quiet_right != NULL)
          *quiet_right = table[i].right;
        return TRUE;
      }
  return FALSE;
}

static gboolean
all_digits (const char *s,
            gsize       n)
{
  if (s == NULL || strlen (s) != n)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

/* UPC-E "0 123456 c" stands for a UPC-A number (GS1 General
 * Specifications 5.2.2.4.2, zero suppression); returns 12 digits. */
static char *
upce_expand (const char *e)
{
  char        a[13] = { 0 };
  const char *d = e + 1;

  a[0] = e[0];
  switch (d[5])
    {
    case '0':
    case '1':
    case '2':
      g_snprintf (a + 1, 12, "%c%c%c0000%c%c%c%c", d[0], d[1], d[5], d[2], d[3], d[4], e[7]);
      break;
    case '3':
      g_snprintf (a + 1, 12, "%c%c%c00000%c%c%c", d[0], d[1], d[2], d[3], d[4], e[7]);
      break;
    case '4':
      g_snprintf (a + 1, 12, "%c%c%c%c00000%c%c", d[0], d[1], d[2], d[3], d[4], e[7]);
      break;
    default:
      g_snprintf (a + 1, 12, "%c%c%c%c%c0000%c%c", d[0], d[1], d[2], d[3], d[4], d[5], e[7]);
      break;
    }
  return g_strdup (a);
}

gboolean
eyl_barcode_is_retail (const char *symbology)
{
  return eyl_barcode_nominal (symbology, NULL, NULL, NULL);
}

gboolean
eyl_barcode_check_digit_ok (const char *symbology,
                            const char *digits)
{
  g_autofree char *expanded = NULL;
  gsize            n;
  int              sum = 0;

  if (digits == NULL || !all_digits (digits, strlen (digits)) || strlen (digits) < 2)
    return FALSE;
  if (g_strcmp0 (symbology, "UPC-E") == 0)
    {
      if (strlen (digits) != 8)
        return FALSE;
      digits = expanded = upce_expand (digits);
    }

  /* Weights 3, 1, 3, … from the digit left of the check digit. */
  n = strlen (digits);
  for (gsize i = 0; i + 1 < n; i++)
    sum += (digits[n - 2 - i] - '0') * (i % 2 == 0 ? 3 : 1);
  return (10 - sum % 10) % 10 == digits[n - 1] - '0';
}

/* Encoding tables (GS1 General Specifications 5.2.2): number set A
 * ("L", odd parity); set C ("R") is its complement, set B ("G") the
 * mirror of C. */
static const char *const set_a[10] = {
  "0001101",
  "0011001",
  "0010011",
  "0111101",
  "0100011",
  "0110001",
  "0101111",
  "0111011",
  "0110111",
  "0001011",
};
/* EAN-13: the sets of the left half, by the implied first digit. */
static const char *const ean13_parity[10] = {
  "AAAAAA",
  "AABABB",
  "AABBAB",
  "AABBBA",
  "ABAABB",
  "ABBAAB",
  "ABBBAA",
  "ABABAB",
  "ABABBA",
  "ABBABA",
};
/* UPC-E, number system 0, by the check digit (B = even parity); number
 * system 1 swaps A and B. */
static const char *const upce_parity[10] = {
  "BBBAAA",
  "BBABAA",
  "BBAABA",
  "BBAAAB",
  "BABBAA",
  "BAABBA",
  "BAAABB",
  "BABABA",
  "BABAAB",
  "BAABAB",
};

static void
append_digit (GString *out,
              char     digit,
              char     set)
{
  const char *a = set_a[digit - '0'];

  for (int i = 0; i < 7; i++)
    {
      char bit = set == 'A' ? a[i] : set == 'C' ? (a[i] == '1' ? '0' : '1')
                                                : (a[6 - i] == '1' ? '0' : '1');
      g_string_append_c (out, bit);
    }
}

char *
eyl_barcode_modules (const char *symbology,
                     const char *digits)
{
  GString         *out;
  g_autofree char *ean = NULL;

  g_return_val_if_fail (symbology != NULL, NULL);

  if (g_str_equal (symbology, "UPC-A") && all_digits (digits, 12))
    symbology = "EAN-13", digits = ean = g_strconcat ("0", digits, NULL);

  out = g_string_new ("101");
  if (g_str_equal (symbology, "EAN-13") && all_digits (digits, 13))
    {
      for (int i = 1; i <= 6; i++)
        append_digit (out, digits[i], ean13_parity[digits[0] - '0'][i - 1]);
      g_string_append (out, "01010");
      for (int i = 7; i <= 12; i++)
        append_digit (out, digits[i], 'C');
      g_string_append (out, "101");
    }
  else if (g_str_equal (symbology, "EAN-8") && all_digits (digits, 8))
    {
      for (int i = 0; i < 4; i++)
        append_digit (out, digits[i], 'A');
      g_string_append (out, "01010");
      for (int i = 4; i < 8; i++)
        append_digit (out, digits[i], 'C');
      g_string_append (out, "101");
    }
  else if (g_str_equal (symbology, "UPC-E") && all_digits (digits, 8) &&
           (digits[0] == '0' || digits[0] == '1'))
    {
      const char *parity = upce_parity[digits[7] - '0'];

      for (int i = 0; i < 6; i++)
        {
          char set = parity[i];

          if (digits[0] == '1')
            set = set == 'A' ? 'B' : 'A';
          append_digit (out, digits[i + 1], set);
        }
      g_string_append (out, "010101");
    }
  else
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* zbar's names, and EAN-13 with a leading 0 is a UPC-A. */
static char *
symbology_name (zbar_symbol_type_t type,
                char             **digits)
{
  switch (type)
    {
    case ZBAR_EAN13:
      if (strlen (*digits) == 13 && (*digits)[0] == '0')
        {
          char *upc = g_strdup (*digits + 1);

          g_free (*digits);
          *digits = upc;
          return g_strdup ("UPC-A");
        }
      return g_strdup ("EAN-13");
    case ZBAR_UPCA:
      return g_strdup ("UPC-A");
    case ZBAR_UPCE:
      return g_strdup ("UPC-E");
    case ZBAR_EAN8:
      return g_strdup ("EAN-8");
    case ZBAR_CODE128:
      return g_strdup ("Code 128");
    default:
      return NULL;
    }
}

typedef struct
{
  char  *symbology;
  char  *digits;
  double x0, y0, x1, y1; /* zbar's location, px */
} Read;

static void
read_clear (gpointer data)
{
  Read *r = data;

  g_free (r->symbology);
  g_free (r->digits);
}

/* The symbols zbar reads in @gray, dark on light; @kind, @flags and
 * @line_step as eyl_zbar_scan_lines() takes them. */
static GArray *
scan (const guint8 *gray,
      int           width,
      int           height,
      EylZbarKind   kind,
      EylZbarFlags  flags,
      int           line_step)
{
  GArray *reads = g_array_new (FALSE, TRUE, sizeof (Read));
  g_autoptr(GArray) symbols = NULL;

  g_array_set_clear_func (reads, read_clear);
  if (width < 16 || height < 8)
    return reads;

  /* The scanner the QR reader uses, so that the scan of the analysis
   * raster it did is not done again: what else it reads (QR codes,
   * Code 39) is no pack symbol and is dropped here. */
  symbols = eyl_zbar_scan_lines (gray, width, height, kind, flags, line_step);
  for (guint i = 0; i < symbols->len; i++)
    {
      const EylZbarSymbol *z = &g_array_index (symbols, EylZbarSymbol, i);
      Read                 r = { 0 };

      r.digits = g_strdup (z->data);
      r.symbology = symbology_name (z->type, &r.digits);
      if (r.symbology == NULL)
        {
          read_clear (&r);
          continue;
        }
      r.x0 = z->x0;
      r.y0 = z->y0;
      r.x1 = z->x1;
      r.y1 = z->y1;
      g_array_append_val (reads, r);
    }
  return reads;
}

/* The render seen along the symbol: u runs along it, a across it. */
typedef struct
{
  const EylRaster *raster;
  const guint8    *gray;
  int              threshold;
  gboolean         vertical;
} View;

static int
view_length (const View *v)
{
  return v->vertical ? v->raster->height : v->raster->width;
}

static int
view_across (const View *v)
{
  return v->vertical ? v->raster->width : v->raster->height;
}

static void
view_xy (const View *v,
         int         u,
         int         a,
         int        *x,
         int        *y)
{
  *x = v->vertical ? a : u;
  *y = v->vertical ? u : a;
}

static gboolean
view_dark (const View *v,
           int         u,
           int         a)
{
  int x, y;

  view_xy (v, u, a, &x, &y);
  return v->gray[(gsize) y * v->raster->width + x] < v->threshold;
}

/* Midway between the light and the dark of the box (the 5th and 95th
 * percentiles, so a speck of dirt does not decide). */
static int
box_threshold (const EylRaster *raster,
               const guint8    *gray,
               int              x0,
               int              y0,
               int              x1,
               int              y1)
{
  guint hist[256] = { 0 };
  guint n = 0, acc = 0;
  int   lo = -1, hi = 255;

  x0 = CLAMP (x0, 0, raster->width - 1);
  x1 = CLAMP (x1, x0 + 1, raster->width);
  y0 = CLAMP (y0, 0, raster->height - 1);
  y1 = CLAMP (y1, y0 + 1, raster->height);
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++, n++)
      hist[gray[(gsize) y * raster->width + x]]++;
  for (int g = 0; g < 256; g++)
    {
      acc += hist[g];
      if (lo < 0 && acc >= n / 20)
        lo = g;
      if (acc >= n - n / 20)
        {
          hi = g;
          break;
        }
    }
  return (MAX (lo, 0) + hi + 1) / 2;
}

typedef struct
{
  int start, len;
} Run;

/* Runs of a line across the whole render, alternating, first one light
 * or dark as the pixels say; *first_dark tells which. */
static GArray *
line_runs (const View *v,
           int         a,
           gboolean   *first_dark)
{
  GArray  *runs = g_array_new (FALSE, FALSE, sizeof (Run));
  int      n = view_length (v);
  Run      run = { 0, 0 };
  gboolean dark = view_dark (v, 0, a);

  *first_dark = dark;
  for (int u = 0; u < n; u++)
    {
      gboolean d = view_dark (v, u, a);

      if (d != dark)
        {
          g_array_append_val (runs, run);
          run.start = u;
          run.len = 0;
          dark = d;
        }
      run.len++;
    }
  g_array_append_val (runs, run);
  return runs;
}

/* The modules as runs of equal bits: widths, first one a bar. */
static GArray *
module_runs (const char *modules)
{
  GArray *widths = g_array_new (FALSE, FALSE, sizeof (int));
  int     w = 1;

  for (gsize i = 1; modules[i - 1] != '\0'; i++)
    {
      if (modules[i] == modules[i - 1])
        {
          w++;
          continue;
        }
      g_array_append_val (widths, w);
      w = 1;
    }
  return widths;
}

typedef struct
{
  int      u_first, u_last; /* first pixel of the first bar, last of the last */
  gboolean reversed;        /* the symbol reads from high u to low */
  double   module_px;
} Match;

/* Finds @widths along line @a (forwards or backwards), nearest @u_centre. */
static gboolean
match_line (const View *v,
            int         a,
            GArray     *widths,
            int         n_modules,
            double      u_centre,
            Match      *best)
{
  g_autoptr(GArray) runs = NULL;
  gboolean first_dark, found = FALSE;
  guint    m = widths->len;

  runs = line_runs (v, a, &first_dark);
  for (guint i = first_dark ? 0 : 1; i + m <= runs->len; i += 2)
    {
      const Run *r0 = &g_array_index (runs, Run, i);
      const Run *rl = &g_array_index (runs, Run, i + m - 1);
      int        span = rl->start + rl->len - r0->start;
      double     module = (double) span / n_modules;

      for (int dir = 0; dir < 2; dir++)
        {
          gboolean ok = module >= 1.0;

          for (guint k = 0; k < m && ok; k++)
            {
              int expect = g_array_index (widths, int, dir == 0 ? k : m - 1 - k);

              ok = fabs (g_array_index (runs, Run, i + k).len / module - expect) <= RUN_TOLERANCE;
            }
          if (ok && (!found || fabs ((r0->start + span / 2.0) - u_centre) <
                                   fabs ((best->u_first + best->u_last) / 2.0 - u_centre)))
            {
              best->u_first = r0->start;
              best->u_last = r0->start + span - 1;
              best->reversed = dir == 1;
              best->module_px = module;
              found = TRUE;
            }
        }
    }
  return found;
}

/* Pixels from (u, a) in direction @du while light, to a dark pixel or
 * the render's edge (*at_edge). */
static int
walk_light (const View *v,
            int         u,
            int         a,
            int         du,
            gboolean   *at_edge)
{
  int n = 0;

  for (u += du; u >= 0 && u < view_length (v); u += du, n++)
    if (view_dark (v, u, a))
      {
        *at_edge = FALSE;
        return n;
      }
  *at_edge = TRUE;
  return n;
}

static int
walk_dark (const View *v,
           int         u,
           int         a,
           int         da)
{
  int n = 0;

  for (a += da; a >= 0 && a < view_across (v) && view_dark (v, u, a); a += da)
    n++;
  return n;
}

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/* sRGB channel (0–255) to linear light: a reflectance. */
static double
linear (guint c)
{
  double s = c / 255.0;

  return s <= 0.04045 ? s / 12.92 : pow ((s + 0.055) / 1.055, 2.4);
}

typedef struct
{
  double r, g, b;
  guint  n;
} Mean;

static void
mean_add (Mean   *m,
          guint32 rgb)
{
  m->r += (rgb >> 16) & 0xff;
  m->g += (rgb >> 8) & 0xff;
  m->b += rgb & 0xff;
  m->n++;
}

static guint32
mean_rgb (const Mean *m)
{
  if (m->n == 0)
    return 0xffffff;
  return ((guint32) lround (m->r / m->n) << 16) | ((guint32) lround (m->g / m->n) << 8) |
         (guint32) lround (m->b / m->n);
}

/* Is module @i one of the guard bars (which stand longer)? */
static gboolean
is_guard_module (const char *symbology,
                 int         i,
                 int         n)
{
  if (i < 3)
    return TRUE;
  if (g_str_equal (symbology, "UPC-E"))
    return i >= n - 6;
  return i >= n - 3 || (i >= n / 2 - 2 && i <= n / 2 + 2);
}

/* Measures @b (digits known) on @raster near zbar's location @r. */
static gboolean
measure (EylBarcode      *b,
         const EylRaster *raster,
         const guint8    *gray,
         const Read      *r,
         double           mm_per_pt,
         const EylRect   *page_rect)
{
  g_autofree char *modules = eyl_barcode_modules (b->symbology, b->digits);
  g_autoptr(GArray) widths = NULL;
  g_autoptr(GArray) heights = NULL;
  Match    match = { 0 };
  View     v = { raster, gray, 0, FALSE };
  int      n_modules, a_mid = 0, top = G_MAXINT, bottom = -1;
  double   px_per_mm, quiet[2] = { G_MAXDOUBLE, G_MAXDOUBLE };
  gboolean edge[2] = { FALSE, FALSE }, found = FALSE;
  Mean     bars = { 0 }, spaces = { 0 };
  double   lo_x, lo_y, hi_x, hi_y;

  if (modules == NULL)
    return FALSE;
  n_modules = (int) strlen (modules);
  widths = module_runs (modules);
  v.threshold = box_threshold (raster, gray, (int) r->x0 - 4, (int) r->y0 - 4,
                               (int) r->x1 + 4, (int) r->y1 + 4);

  /* Along x first, then along y (a symbol turned a quarter). */
  for (int o = 0; o < 2 && !found; o++)
    {
      double centre_u, centre_a, extent_a;

      v.vertical = o == 1;
      centre_u = v.vertical ? (r->y0 + r->y1) / 2 : (r->x0 + r->x1) / 2;
      centre_a = v.vertical ? (r->x0 + r->x1) / 2 : (r->y0 + r->y1) / 2;
      extent_a = v.vertical ? r->x1 - r->x0 : r->y1 - r->y0;
      /* zbar's location is the scan lines that read it: try those. */
      for (int k = 0; k <= 8 && !found; k++)
        {
          int a = (int) lround (centre_a + (k % 2 ? 1 : -1) * ((k + 1) / 2) * extent_a / 8.0);

          if (a < 0 || a >= view_across (&v))
            continue;
          if (match_line (&v, a, widths, n_modules, centre_u, &match))
            {
              a_mid = a;
              found = TRUE;
            }
        }
    }
  if (!found)
    return FALSE;

  /* Each bar followed up and down from the scan line: data bars give the
   * height; every bar the symbol's extent across. */
  heights = g_array_new (FALSE, FALSE, sizeof (int));
  for (int i = 0; i < n_modules; i++)
    {
      int mi = match.reversed ? n_modules - 1 - i : i;
      int u = (int) lround (match.u_first + (mi + 0.5) * match.module_px);
      int x, y;

      if (u < 0 || u >= view_length (&v))
        continue;
      view_xy (&v, u, a_mid, &x, &y);
      if (modules[i] == '1' && view_dark (&v, u, a_mid))
        {
          int up = walk_dark (&v, u, a_mid, -1), down = walk_dark (&v, u, a_mid, 1);
          int h = up + down + 1;

          mean_add (&bars, eyl_raster_get_pixel (raster, x, y));
          top = MIN (top, a_mid - up);
          bottom = MAX (bottom, a_mid + down);
          if (!is_guard_module (b->symbology, i, n_modules))
            g_array_append_val (heights, h);
        }
      else if (modules[i] == '0' && !view_dark (&v, u, a_mid))
        mean_add (&spaces, eyl_raster_get_pixel (raster, x, y));
    }
  if (heights->len == 0 || bottom < top)
    return FALSE;
  g_array_sort (heights, compare_int);

  /* The clear margins over the height of the data bars. */
  for (int s = 0; s <= 8; s++)
    {
      int a = top + (int) lround (s * (bottom - top) / 8.0 * 0.9);

      for (int side = 0; side < 2; side++)
        {
          gboolean at_edge;
          int      from = side == 0 ? match.u_first : match.u_last;
          int      n = walk_light (&v, from, a, side == 0 ? -1 : 1, &at_edge);

          if (n < quiet[side])
            {
              quiet[side] = n;
              edge[side] = at_edge;
            }
        }
    }

  px_per_mm = raster->scale / mm_per_pt;
  b->measured = TRUE;
  b->vertical = v.vertical;
  b->module_mm = match.module_px / px_per_mm;
  b->magnification = b->module_mm / EYL_BARCODE_NOMINAL_X_MM;
  b->bar_height_mm = g_array_index (heights, int, heights->len / 2) / px_per_mm;
  {
    double nominal = 0;

    eyl_barcode_nominal (b->symbology, &nominal, NULL, NULL);
    b->nominal_height_mm = nominal * b->magnification;
  }
  /* "Left" is where the symbol starts to read. */
  b->quiet_left_modules = quiet[match.reversed ? 1 : 0] / match.module_px;
  b->quiet_right_modules = quiet[match.reversed ? 0 : 1] / match.module_px;
  b->quiet_left_at_edge = edge[match.reversed ? 1 : 0];
  b->quiet_right_at_edge = edge[match.reversed ? 0 : 1];
  b->bar_color = mean_rgb (&bars);
  b->space_color = mean_rgb (&spaces);
  /* A scanner lights the symbol with red (~630–670 nm): what it sees is
   * about the red channel's reflectance. */
  b->red_contrast = MAX (0.0, linear ((b->space_color >> 16) & 0xff) -
                                  linear ((b->bar_color >> 16) & 0xff));

  {
    int x0, y0, x1, y1;

    view_xy (&v, match.u_first, top, &x0, &y0);
    view_xy (&v, match.u_last + 1, bottom + 1, &x1, &y1);
    eyl_raster_pixel_to_page (raster, x0, y0, &lo_x, &lo_y);
    eyl_raster_pixel_to_page (raster, x1, y1, &hi_x, &hi_y);
    b->box = (EylRect) { lo_x, lo_y, hi_x, hi_y };
  }

  /* The render stops where the page does: a margin that reaches the
   * render's edge inside the page is at least that wide. */
  if (page_rect != NULL)
    {
      const EylRect *area = &raster->area;
      double         tol = 1.0 / raster->scale;
      gboolean       page_lo = v.vertical ? area->y0 <= page_rect->y0 + tol
                                          : area->x0 <= page_rect->x0 + tol;
      gboolean       page_hi = v.vertical ? area->y1 >= page_rect->y1 - tol
                                          : area->x1 >= page_rect->x1 - tol;

      if (match.reversed ? page_hi : page_lo)
        b->quiet_left_at_edge = FALSE;
      if (match.reversed ? page_lo : page_hi)
        b->quiet_right_at_edge = FALSE;
    }

  g_debug ("%s %s: X %.3f mm (%.0f %%), bars %.2f mm of %.2f, quiet %.1f / %.1f modules, "
           "red contrast %.2f",
           b->symbology, b->digits, b->module_mm, 100 * b->magnification,
           b->bar_height_mm, b->nominal_height_mm, b->quiet_left_modules,
           b->quiet_right_modules, b->red_contrast);
  return TRUE;
}

static gboolean
already_found (GPtrArray  *found,
               const char *digits,
               double      cx,
               double      cy)
{
  for (guint i = 0; i < found->len; i++)
    {
      const EylBarcode *b = g_ptr_array_index (found, i);

      if (g_str_equal (b->digits, digits) || eyl_rect_contains_point (&b->box, cx, cy))
        return TRUE;
    }
  return FALSE;
}

/* The raster as a red-light scanner sees it: its red channel.  Magenta
 * and red lines drawn over a symbol (a dieline shown on the artwork)
 * vanish in it.  NULL where every pixel is grey: the red channel is then
 * @gray (the luma weights sum to one), and the same pixels read the
 * same. */
static guint8 *
dup_red (const EylRaster *raster,
         const guint8    *gray)
{
  g_autofree guint8 *red = g_new (guint8, (gsize) raster->width * raster->height);
  guint8             differ = 0;

  for (int y = 0; y < raster->height; y++)
    {
      const guint32 *row = (const guint32 *) (raster->data + (gsize) y * raster->stride);
      const guint8  *g = gray + (gsize) y * raster->width;
      guint8        *out = red + (gsize) y * raster->width;

      for (int x = 0; x < raster->width; x++)
        {
          out[x] = (row[x] >> 16) & 0xff;
          differ |= out[x] ^ g[x];
        }
    }
  return differ != 0 ? g_steal_pointer (&red) : NULL;
}

/* The line step @raster is scanned at for pack symbols alone. */
static int
bar_line_step (const EylRaster *raster,
               double           mm_per_pt)
{
  double px_per_mm = raster->scale / mm_per_pt;

  return MAX (1, (int) floor (MIN_BAR_MM * px_per_mm / MIN_LINES + 1e-6));
}

/* Whether a pack symbol can read on @raster at all: its widest module
 * (EAN/UPC at the largest magnification, 0.66 mm; a Code 128 set where
 * a retail symbol belongs is drawn at the same sizes) gets MIN_READ_PX.
 * A poster's raster of 1 px a mm gives 0.66 px: its red channel was
 * scanned whole, on every line (bar_line_step()), for nothing — 37.7 of
 * the 224 million pixels the corpus' 44 files fed zbar.  Symbols there
 * are read on the detail renders of their candidates, as before. */
static gboolean
pack_symbol_readable (const EylRaster *raster,
                      double           mm_per_pt)
{
  double px_per_mm = raster->scale / mm_per_pt;

  return EYL_BARCODE_NOMINAL_X_MM * EYL_BARCODE_MAX_MAGNIFICATION * px_per_mm >= MIN_READ_PX;
}

/* Every symbol zbar reads on @raster (@gray its grey), measured there,
 * added to @found; @kind, @flags and @line_step as eyl_zbar_scan_lines()
 * takes them for @gray (its red channel, when @gray reads nothing and
 * the raster can show a pack symbol, is scanned for pack symbols alone). */
static void
read_raster (const EylRaster *raster,
             const guint8    *gray,
             EylZbarKind      kind,
             EylZbarFlags     flags,
             int              line_step,
             double           mm_per_pt,
             const EylRect   *page_rect,
             GPtrArray       *found)
{
  g_autoptr(GArray) reads = scan (gray, raster->width, raster->height, kind, flags, line_step);
  g_autofree guint8 *red = NULL;

  if (reads->len == 0 && pack_symbol_readable (raster, mm_per_pt) &&
      (red = dup_red (raster, gray)) != NULL)
    {
      g_array_unref (reads);
      /* Pack symbols only: what else the red channel shows, the QR
       * reader does not look for there. */
      reads = scan (red, raster->width, raster->height, EYL_ZBAR_PACK, EYL_ZBAR_DEFAULT,
                    bar_line_step (raster, mm_per_pt));
      gray = red;
    }

  for (guint i = 0; i < reads->len; i++)
    {
      const Read *r = &g_array_index (reads, Read, i);
      g_autoptr(EylBarcode) b = g_new0 (EylBarcode, 1);
      double cx, cy;

      eyl_raster_pixel_to_page (raster, (r->x0 + r->x1) / 2, (r->y0 + r->y1) / 2, &cx, &cy);
      if (already_found (found, r->digits, cx, cy))
        continue;
      b->symbology = g_strdup (r->symbology);
      b->digits = g_strdup (r->digits);
      /* zbar reads a Code 128 only when its mod-103 check character
       * agrees: what it reads is right. */
      b->check_ok = eyl_barcode_is_retail (b->symbology)
                        ? eyl_barcode_check_digit_ok (b->symbology, b->digits)
                        : TRUE;
      if (!measure (b, raster, gray, r, mm_per_pt, page_rect))
        {
          double x0, y0, x1, y1;

          /* Read but too coarse to measure: where zbar saw it. */
          eyl_raster_pixel_to_page (raster, r->x0, r->y0, &x0, &y0);
          eyl_raster_pixel_to_page (raster, r->x1, r->y1, &x1, &y1);
          b->box = (EylRect) { x0, y0, x1, y1 };
        }
      g_ptr_array_add (found, g_steal_pointer (&b));
    }
}

typedef struct
{
  EylRect box;
  double  area;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  return x->area < y->area ? 1 : x->area > y->area ? -1
                                                   : 0;
}

/* Cells with a barcode's texture: steps across the bars, none along. */
static void
find_candidates (const EylRaster *raster,
                 const guint8    *gray,
                 double           mm_per_pt,
                 GArray          *candidates)
{
  int                cw = raster->width / CELL, ch = raster->height / CELL;
  g_autofree guint8 *mark = NULL;
  g_autofree int    *stack = NULL;
  double             mm_per_px = mm_per_pt / raster->scale;

  if (cw < 2 || ch < 2)
    return;
  mark = g_new0 (guint8, (gsize) cw * ch);
  for (int cy = 0; cy < ch; cy++)
    for (int cx = 0; cx < cw; cx++)
      {
        /* Integer sums, the bounds of the cell's steps set once: the
         * same means as summing in doubles, and the barcodes stage over
         * the corpus' 44 files 0.48 -> 0.45 CPU s. */
        int    ey = MIN ((cy + 1) * CELL, raster->height - 1);
        int    ex = MIN ((cx + 1) * CELL, raster->width - 1);
        int    isx = 0, isy = 0;
        double sx, sy;

        for (int y = cy * CELL; y < ey; y++)
          {
            const guint8 *row = gray + (gsize) y * raster->width;
            const guint8 *below = row + raster->width;

            for (int x = cx * CELL; x < ex; x++)
              {
                isx += abs (row[x + 1] - row[x]);
                isy += abs (below[x] - row[x]);
              }
          }
        sx = (double) isx / (CELL * CELL);
        sy = (double) isy / (CELL * CELL);
        /* 1: bars standing (steps along x), 2: bars lying. */
        if (sx >= MIN_STEP && sx >= TEXTURE_RATIO * sy)
          mark[cy * cw + cx] = 1;
        else if (sy >= MIN_STEP && sy >= TEXTURE_RATIO * sx)
          mark[cy * cw + cx] = 2;
      }

  /* A symbol is many cells across its bars (8 mm and more even for the
   * smallest EAN-8); a line (a crease, a frame) is one or two: keep only
   * runs of texture that long across. */
  {
    int min_run = MAX (2, (int) ceil (MIN_RUN_MM / (mm_per_px * CELL)));

    for (int kind = 1; kind <= 2; kind++)
      {
        int outer = kind == 1 ? ch : cw, inner = kind == 1 ? cw : ch;

        for (int o = 0; o < outer; o++)
          for (int start = 0; start < inner;)
            {
              int end = start;

#define CELL_AT(n) (kind == 1 ? o * cw + (n) : (n) *cw + o)
              while (end < inner && mark[CELL_AT (end)] == kind)
                end++;
              if (end == start)
                {
                  start++;
                  continue;
                }
              if (end - start < min_run)
                for (int n = start; n < end; n++)
                  mark[CELL_AT (n)] = 0;
#undef CELL_AT
              start = end;
            }
      }
  }

  /* Connected cells of one orientation, flood-filled. */
  stack = g_new (int, (gsize) cw *ch);
  for (int start = 0; start < cw * ch; start++)
    {
      int       kind = mark[start], n = 0, x0 = cw, y0 = ch, x1 = -1, y1 = -1;
      Candidate c;
      double    len_mm, wid_mm;

      if (kind == 0 || kind > 2)
        continue;
      stack[n++] = start;
      mark[start] = 3;
      while (n > 0)
        {
          int       i = stack[--n], x = i % cw, y = i / cw;
          const int nb[4][2] = { { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 } };

          x0 = MIN (x0, x);
          y0 = MIN (y0, y);
          x1 = MAX (x1, x);
          y1 = MAX (y1, y);
          for (int k = 0; k < 4; k++)
            {
              int nx = x + nb[k][0], ny = y + nb[k][1];

              if (nx >= 0 && ny >= 0 && nx < cw && ny < ch && mark[ny * cw + nx] == kind)
                {
                  mark[ny * cw + nx] = 3;
                  stack[n++] = ny * cw + nx;
                }
            }
        }
      len_mm = (kind == 1 ? x1 - x0 + 1 : y1 - y0 + 1) * CELL * mm_per_px;
      wid_mm = (kind == 1 ? y1 - y0 + 1 : x1 - x0 + 1) * CELL * mm_per_px;
      if (len_mm < MIN_CANDIDATE_MM || wid_mm < 2.0 || wid_mm > 3 * len_mm)
        continue;
      eyl_raster_pixel_to_page (raster, x0 * CELL, y0 * CELL, &c.box.x0, &c.box.y0);
      eyl_raster_pixel_to_page (raster, (x1 + 1) * CELL, (y1 + 1) * CELL, &c.box.x1, &c.box.y1);
      c.area = len_mm * wid_mm;
      g_array_append_val (candidates, c);
    }
}

/* The area rendered for candidate @c: its box and the widest quiet zone. */
static void
detail_area (const Candidate *c,
             double           mm_per_pt,
             EylRect         *area)
{
  double margin = DETAIL_MARGIN_MM / mm_per_pt;

  *area = (EylRect) { c->box.x0 - margin, c->box.y0 - margin,
                      c->box.x1 + margin, c->box.y1 + margin };
}

GPtrArray *
eyl_detect_barcodes (const EylPageData *page,
                     const EylRaster   *raster,
                     const EylRenderer *renderer,
                     double             mm_per_pt)
{
  g_auto(EylStageScope) stage = eyl_stage_scope (EYL_STAGE_BARCODES);
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_barcode_free);
  g_autoptr(GArray) candidates = NULL;
  g_autofree guint8 *gray = NULL;
  EylRect            page_rect, area;
  guint              n_rendered = 0;
  g_autoptr(EylRenderCache) cache = NULL;
  EylRenderer budget;

  g_return_val_if_fail (page != NULL, found);
  if (raster == NULL)
    return found;
  if (!(mm_per_pt > 0))
    mm_per_pt = 25.4 / 72.0;
  page_rect = (EylRect) { 0, 0, page->width, page->height };

  /* The QR reader scanned the same grey of the same raster just before. */
  gray = eyl_raster_dup_gray (raster);
  read_raster (raster, gray, EYL_ZBAR_CODES, EYL_ZBAR_SHARED, 1, mm_per_pt, &page_rect, found);
  if (renderer == NULL || renderer->render == NULL)
    return found;

  /* Where the raster is too coarse, a barcode is a patch of bars: render
   * it again at a few pixels per module. */
  candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  find_candidates (raster, gray, mm_per_pt, candidates);
  /* What the raster read with too few pixels a module to measure well is
   * measured again in detail, first. */
  for (guint i = found->len; i > 0; i--)
    {
      const EylBarcode *b = g_ptr_array_index (found, i - 1);
      Candidate         c = { b->box, G_MAXDOUBLE };

      if (b->measured && b->module_mm / mm_per_pt * raster->scale >= MIN_MEASURE_PX)
        continue;
      g_array_append_val (candidates, c);
      g_ptr_array_remove_index (found, i - 1);
    }
  g_array_sort (candidates, compare_candidates);
  budget = *renderer;
  budget.max_pixels = DETAIL_MAX_PIXELS;
  cache = eyl_render_cache_new (&budget, &page_rect);
  /* Every candidate that may be rendered, planned: those of one scale are
   * replayed from one recording of the page. */
  for (guint i = 0; i < candidates->len && i < 2 * MAX_CANDIDATES; i++)
    {
      const Candidate *c = &g_array_index (candidates, Candidate, i);

      detail_area (c, mm_per_pt, &area);
      eyl_render_cache_plan (cache, &area, DETAIL_PX_PER_MM * mm_per_pt, 1.0);
    }
  for (guint i = 0; i < candidates->len && n_rendered < MAX_CANDIDATES; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);
      double     cx = (c->box.x0 + c->box.x1) / 2, cy = (c->box.y0 + c->box.y1) / 2;
      g_autoptr(EylRaster) detail = NULL;

      if (already_found (found, "", cx, cy))
        continue;
      detail_area (c, mm_per_pt, &area);
      if (!eyl_rect_intersect (&area, &page_rect, &area))
        continue;
      detail = eyl_render_cache_render (cache, &area, DETAIL_PX_PER_MM * mm_per_pt, NULL);
      n_rendered++;
      if (detail != NULL)
        {
          g_autofree guint8 *detail_gray = eyl_raster_dup_gray (detail);

          read_raster (detail, detail_gray, EYL_ZBAR_PACK, EYL_ZBAR_DEFAULT,
                       bar_line_step (detail, mm_per_pt), mm_per_pt, &page_rect, found);
        }
    }
  g_debug ("page %u: %u barcode candidates, %u rendered, %u symbols", page->index,
           candidates->len, n_rendered, found->len);
  return found;
}
