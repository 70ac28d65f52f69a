/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-eval-attention: scores the predicted attention model on an
 * eye-tracking set (index.tsv + NNN.jpg + NNN.tsv, as in the set's
 * README) with the metrics of its score.py — AUC-Judd, shuffled AUC, NSS,
 * CC (Bylinskii et al., TPAMI 2019), deterministic as defined there — and
 * prints the result beside the set's own reference table.
 *
 * usage: eyl-eval-attention DATA_DIR [--subjects all|odd|even]
 *          [--maps OUT_DIR] [--per-image FILE] [--baseline centre]
 *          [--max-side N] [--step N] [--blur F,…] [--gamma F,…] [--centre F,…]
 *          [--whiten F] [--scales N] [--signature F,…] [--limit N]
 *          [--part tune|test]
 *
 * --part splits the images in two by their line in index.tsv: "tune"
 * the 1st, 3rd, 5th …, "test" the 2nd, 4th, …  Parameters are chosen on
 * the tuning part and reported on the test part; every image's sAUC
 * still takes its negatives from all images, so a part's scores are the
 * means of the full run's per-image scores, and the set's per-image
 * reference scores (reference/NAME.tsv) are averaged over the same
 * part for comparison. */
#include "config.h"

#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "eyl-attention.h"

typedef struct
{
  char   *id;
  int     width, height;
  GArray *x, *y; /* int: fixations kept, repeats and order kept */
} Image;

static void
image_free (gpointer data)
{
  Image *im = data;

  g_free (im->id);
  g_array_unref (im->x);
  g_array_unref (im->y);
  g_free (im);
}

static gboolean
subject_kept (const char *spec,
              int         subject)
{
  if (spec == NULL || g_str_equal (spec, "all"))
    return TRUE;
  if (g_str_equal (spec, "odd"))
    return subject % 2 == 1;
  if (g_str_equal (spec, "even"))
    return subject % 2 == 0;
  {
    g_auto(GStrv) parts = g_strsplit (spec, ",", -1);

    for (guint i = 0; parts[i] != NULL; i++)
      if (atoi (parts[i]) == subject)
        return TRUE;
  }
  return FALSE;
}

/* The lines of a TSV file after its header, split on tabs. */
static GPtrArray *
read_tsv (const char *path,
          GError    **error)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows;

  if (!g_file_get_contents (path, &text, NULL, error))
    return NULL;
  lines = g_strsplit (text, "\n", -1);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 1; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_ptr_array_add (rows, g_strsplit (lines[i], "\t", -1));
  return rows;
}

static GPtrArray *
read_set (const char *dir,
          const char *subjects,
          int         limit,
          GError    **error)
{
  g_autofree char *index_path = g_build_filename (dir, "index.tsv", NULL);
  g_autoptr(GPtrArray) index = read_tsv (index_path, error);
  g_autoptr(GPtrArray) images = NULL;

  if (index == NULL)
    return NULL;
  images = g_ptr_array_new_with_free_func (image_free);
  for (guint i = 0; i < index->len && (limit <= 0 || (int) i < limit); i++)
    {
      char           **row = g_ptr_array_index (index, i);
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      g_autoptr(GPtrArray) fix = NULL;
      Image *im;

      if (g_strv_length (row) < 3)
        continue;
      im = g_new0 (Image, 1);
      im->id = g_strdup (row[0]);
      im->width = atoi (row[1]);
      im->height = atoi (row[2]);
      im->x = g_array_new (FALSE, FALSE, sizeof (int));
      im->y = g_array_new (FALSE, FALSE, sizeof (int));
      g_ptr_array_add (images, im);

      name = g_strconcat (im->id, ".tsv", NULL);
      path = g_build_filename (dir, name, NULL);
      fix = read_tsv (path, error);
      if (fix == NULL)
        return NULL;
      for (guint k = 0; k < fix->len; k++)
        {
          char **f = g_ptr_array_index (fix, k);
          int    x, y;

          if (g_strv_length (f) < 3 || !subject_kept (subjects, atoi (f[0])))
            continue;
          x = atoi (f[1]);
          y = atoi (f[2]);
          if (x < 0 || y < 0 || x >= im->width || y >= im->height)
            continue;
          g_array_append_val (im->x, x);
          g_array_append_val (im->y, y);
        }
    }
  return g_steal_pointer (&images);
}

/* ---- the metrics of score.py ---- */

/* Plain bilinear resize, pixel centres aligned, edges clamped. */
static double *
resize_bilinear (const guint8 *src,
                 int           w,
                 int           h,
                 int           stride,
                 int           W,
                 int           H)
{
  double *out = g_new (double, (gsize) W *H);

  for (int y = 0; y < H; y++)
    {
      double sy = CLAMP ((y + 0.5) * h / H - 0.5, 0, h - 1);
      int    y0 = (int) floor (sy), y1 = MIN (y0 + 1, h - 1);
      double fy = sy - y0;

      for (int x = 0; x < W; x++)
        {
          double sx = CLAMP ((x + 0.5) * w / W - 0.5, 0, w - 1);
          int    x0 = (int) floor (sx), x1 = MIN (x0 + 1, w - 1);
          double fx = sx - x0;
          double t0 = src[y0 * stride + x0] * (1 - fx) + src[y0 * stride + x1] * fx;
          double t1 = src[y1 * stride + x0] * (1 - fx) + src[y1 * stride + x1] * fx;

          out[(gsize) y * W + x] = t0 * (1 - fy) + t1 * fy;
        }
    }
  return out;
}

static int
cmp_double (gconstpointer a,
            gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

/* Distinct fixated pixels, as indices. */
static GArray *
fixated_pixels (const Image *im)
{
  g_autoptr(GHashTable) set = g_hash_table_new (NULL, NULL);
  GArray *idx = g_array_new (FALSE, FALSE, sizeof (gsize));

  for (guint i = 0; i < im->x->len; i++)
    {
      gsize k = (gsize) g_array_index (im->y, int, i) * im->width + g_array_index (im->x, int, i);

      if (g_hash_table_add (set, GSIZE_TO_POINTER (k + 1)))
        g_array_append_val (idx, k);
    }
  return idx;
}

static double
auc_judd (const double *S,
          gsize         n,
          const GArray *P)
{
  g_autofree double *t = g_new (double, P->len);
  g_autofree gsize  *at_least = NULL;
  g_autofree gsize  *pos_at_least = NULL;
  gsize              n_p = P->len, n_n = n - P->len;
  guint              n_t = 0;
  double             area = 0, tp_prev = 0, fp_prev = 0;

  /* Thresholds: the distinct positive values, ascending here. */
  for (guint i = 0; i < P->len; i++)
    t[i] = S[g_array_index (P, gsize, i)];
  qsort (t, n_p, sizeof (double), cmp_double);
  for (gsize i = 0; i < n_p; i++)
    if (n_t == 0 || t[i] != t[n_t - 1])
      t[n_t++] = t[i];

  /* Count the pixels at or above each threshold without sorting them
   * all: each pixel falls in the bucket of the highest threshold it
   * reaches. */
  at_least = g_new0 (gsize, n_t + 1);
  pos_at_least = g_new0 (gsize, n_t + 1);
  for (gsize i = 0; i < n; i++)
    {
      guint lo = 0, hi = n_t;

      /* Thresholds ≤ S[i]. */
      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (t[mid] <= S[i])
            lo = mid + 1;
          else
            hi = mid;
        }
      at_least[lo]++;
    }
  for (guint i = 0; i < P->len; i++)
    {
      double v = S[g_array_index (P, gsize, i)];
      guint  lo = 0, hi = n_t;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (t[mid] <= v)
            lo = mid + 1;
          else
            hi = mid;
        }
      pos_at_least[lo]++;
    }
  /* Bucket k holds the pixels reaching thresholds 1…k exactly: from the
   * highest threshold down, the cumulative counts are the ROC points. */
  {
    gsize all = 0, pos = 0;

    for (guint k = n_t; k >= 1; k--)
      {
        double tp, fp;

        all += at_least[k];
        pos += pos_at_least[k];
        tp = (double) pos / n_p;
        fp = (double) (all - pos) / n_n;
        area += (fp - fp_prev) * (tp + tp_prev) / 2;
        tp_prev = tp;
        fp_prev = fp;
      }
  }
  area += (1 - fp_prev) * (1 + tp_prev) / 2;
  return area;
}

static void
mean_std (const double *S,
          gsize         n,
          double       *mean,
          double       *sd)
{
  double m = 0, v = 0;

  for (gsize i = 0; i < n; i++)
    m += S[i];
  m /= n;
  for (gsize i = 0; i < n; i++)
    v += (S[i] - m) * (S[i] - m);
  *mean = m;
  *sd = n > 1 ? sqrt (v / (n - 1)) : 0;
}

static double
nss (const double *S,
     gsize         n,
     const GArray *P)
{
  double m, sd, sum = 0;

  mean_std (S, n, &m, &sd);
  if (sd == 0)
    return 0;
  for (guint i = 0; i < P->len; i++)
    sum += (S[g_array_index (P, gsize, i)] - m) / sd;
  return sum / P->len;
}

/* The fixation density of score.py: a truncated Gaussian (σ = 0.03 W,
 * radius ⌊3σ + ½⌋) over the fixation counts, zero padding. */
static double *
density (const Image *im)
{
  int                W = im->width, H = im->height;
  double             sigma = 0.03 * W;
  int                r = (int) floor (3 * sigma + 0.5);
  g_autofree double *k = g_new (double, 2 * r + 1);
  g_autofree double *count = g_new0 (double, (gsize) W *H);
  g_autofree double *tmp = g_new0 (double, (gsize) W *H);
  double            *D = g_new0 (double, (gsize) W *H);

  for (int i = -r; i <= r; i++)
    k[i + r] = exp (-(double) i * i / (2 * sigma * sigma));
  for (guint i = 0; i < im->x->len; i++)
    count[(gsize) g_array_index (im->y, int, i) * W + g_array_index (im->x, int, i)] += 1;
  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++)
      {
        double c = count[(gsize) y * W + x];

        if (c == 0)
          continue;
        for (int i = MAX (-r, -x); i <= MIN (r, W - 1 - x); i++)
          tmp[(gsize) y * W + x + i] += c * k[i + r];
      }
  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++)
      {
        double c = tmp[(gsize) y * W + x];

        if (c == 0)
          continue;
        for (int i = MAX (-r, -y); i <= MIN (r, H - 1 - y); i++)
          D[(gsize) (y + i) * W + x] += c * k[i + r];
      }
  return D;
}

static double
cc (const double *S,
    const double *D,
    gsize         n)
{
  double ms, sds, md, sdd, sum = 0;

  mean_std (S, n, &ms, &sds);
  mean_std (D, n, &md, &sdd);
  if (sds == 0 || sdd == 0)
    return 0;
  for (gsize i = 0; i < n; i++)
    sum += (S[i] - ms) * (D[i] - md);
  return sum / ((n - 1) * sds * sdd);
}

/* How many of the sorted @values are below @v (or equal to it too). */
static guint
count_below (const GArray *values,
             double        v,
             gboolean      or_equal)
{
  guint lo = 0, hi = values->len;

  while (lo < hi)
    {
      guint  mid = (lo + hi) / 2;
      double m = g_array_index (values, double, mid);

      if (m < v || (or_equal && m == v))
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Mann–Whitney AUC of the map at the fixated pixels against the map at
 * the fixations of every other image, mapped by relative position. */
static double
sauc (const double *S,
      const Image  *im,
      const GArray *P,
      GPtrArray    *images)
{
  g_autoptr(GArray) neg = g_array_new (FALSE, FALSE, sizeof (double));
  int    W = im->width, H = im->height;
  double sum = 0;

  for (guint j = 0; j < images->len; j++)
    {
      const Image *o = g_ptr_array_index (images, j);

      if (o == im)
        continue;
      for (guint i = 0; i < o->x->len; i++)
        {
          int    x = (int) floor ((g_array_index (o->x, int, i) + 0.5) / o->width * W);
          int    y = (int) floor ((g_array_index (o->y, int, i) + 0.5) / o->height * H);
          double v = S[(gsize) MIN (y, H - 1) * W + MIN (x, W - 1)];

          g_array_append_val (neg, v);
        }
    }
  if (neg->len == 0)
    return NAN;
  g_array_sort (neg, cmp_double);
  for (guint i = 0; i < P->len; i++)
    {
      double v = S[g_array_index (P, gsize, i)];
      guint  a = count_below (neg, v, FALSE), b = count_below (neg, v, TRUE);

      sum += a + 0.5 * (b - a);
    }
  return sum / ((double) P->len * neg->len);
}

/* ---- predictions ---- */

/* The centre-bias baseline of the set's README: a Gaussian of σ = ¼ of
 * each side at the stimulus size scaled to at most 512 px, 8 bits. */
static cairo_surface_t *
centre_baseline (int W,
                 int H)
{
  double           f = MIN (1.0, 512.0 / MAX (W, H));
  int              w = (int) round (W * f), h = (int) round (H * f);
  EylAttentionMap  map = { w, h, g_new (float, (gsize) w *h) };
  cairo_surface_t *s;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        double dx = (x + 0.5 - w / 2.0) / (0.25 * w), dy = (y + 0.5 - h / 2.0) / (0.25 * h);

        map.values[(gsize) y * w + x] = (float) exp (-(dx * dx + dy * dy) / 2);
      }
  s = eyl_attention_map_to_surface (&map);
  g_free (map.values);
  return s;
}

/* The four scores of an 8-bit map @pred for @im: AUC-Judd, sAUC, NSS,
 * CC; @P its fixated pixels, @D its fixation density. */
static void
score_map (cairo_surface_t *pred,
           const Image     *im,
           const GArray    *P,
           const double    *D,
           GPtrArray       *images,
           double           r[4])
{
  gsize              n = (gsize) im->width * im->height;
  g_autofree double *S = NULL;

  cairo_surface_flush (pred);
  S = resize_bilinear (cairo_image_surface_get_data (pred),
                       cairo_image_surface_get_width (pred),
                       cairo_image_surface_get_height (pred),
                       cairo_image_surface_get_stride (pred),
                       im->width, im->height);
  r[0] = auc_judd (S, n, P);
  r[1] = sauc (S, im, P, images);
  r[2] = nss (S, n, P);
  r[3] = cc (S, D, n);
}

/* "0.02,0.03" → the numbers; @fallback alone when @list is NULL. */
static GArray *
parse_list (const char *list,
            double      fallback)
{
  GArray *values = g_array_new (FALSE, FALSE, sizeof (double));

  if (list == NULL)
    g_array_append_val (values, fallback);
  else
    {
      g_auto(GStrv) parts = g_strsplit (list, ",", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          double v = g_ascii_strtod (parts[i], NULL);

          g_array_append_val (values, v);
        }
    }
  return values;
}

/* The reference table of the set's README (its first table after a
 * "Baselines" heading), printed as it stands. */
static void
print_reference (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "README.md", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean in_section = FALSE, in_table = FALSE;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    {
      printf ("(no README.md with a reference table in %s)\n", dir);
      return;
    }
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "#") && strstr (lines[i], "Baselines") != NULL)
        in_section = TRUE;
      else if (in_section && g_str_has_prefix (lines[i], "|"))
        {
          in_table = TRUE;
          printf ("%s\n", lines[i]);
        }
      else if (in_table)
        return;
    }
}

/* The means of the set's per-image reference scores (reference/NAME.tsv:
 * id, n_fixations, auc_judd, sauc, nss, cc) over the images of @part. */
static void
print_reference_part (const char *dir,
                      GPtrArray  *images,
                      const char *part)
{
  g_autofree char *ref_dir = g_build_filename (dir, "reference", NULL);
  g_autoptr(GDir) d = g_dir_open (ref_dir, 0, NULL);
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  const char *name;

  if (d == NULL)
    return;
  for (guint i = 0; i < images->len; i++)
    if ((i % 2 == 0) == g_str_equal (part, "tune"))
      g_hash_table_add (wanted, ((Image *) g_ptr_array_index (images, i))->id);
  printf ("\nThe set's per-image reference scores, means over part %s:\n\n"
          "| Predictor | AUC-Judd | sAUC | NSS | CC |\n|---|---|---|---|---|\n",
          part);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (ref_dir, name, NULL);
      g_autoptr(GPtrArray) rows = NULL;
      double sum[4] = { 0 };
      guint  count = 0;

      if (!g_str_has_suffix (name, ".tsv") || (rows = read_tsv (path, NULL)) == NULL)
        continue;
      for (guint i = 0; i < rows->len; i++)
        {
          char **row = g_ptr_array_index (rows, i);

          if (g_strv_length (row) < 6 || !g_hash_table_contains (wanted, row[0]))
            continue;
          for (int k = 0; k < 4; k++)
            sum[k] += g_ascii_strtod (row[2 + k], NULL);
          count++;
        }
      if (count > 0)
        printf ("| %.*s (%u images) | %.4f | %.4f | %.4f | %.4f |\n", (int) strlen (name) - 4, name,
                count, sum[0] / count, sum[1] / count, sum[2] / count, sum[3] / count);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autofree char   *subjects = NULL;
  g_autofree char   *maps = NULL;
  g_autofree char   *per_image = NULL;
  g_autofree char   *baseline = NULL;
  g_autofree char   *blur_list = NULL;
  g_autofree char   *gamma_list = NULL;
  g_autofree char   *centre_list = NULL;
  g_autofree char   *signature_list = NULL;
  g_autofree char   *part = NULL;
  EylAttentionParams params;
  int                limit = 0, max_side = -1, step = -1, scales = -1, dilate = -1, dilate_final = -1, lab_plain = -1;
  double             whiten = -2, norm = -1;
  GOptionEntry       entries[] = {
          { "subjects", 0, 0, G_OPTION_ARG_STRING, &subjects, "Fixations scored: all, odd, even or 1,3,…", "S" },
          { "maps", 0, 0, G_OPTION_ARG_FILENAME, &maps, "Also write the predicted maps (NNN.png) here", "DIR" },
          { "per-image", 0, 0, G_OPTION_ARG_FILENAME, &per_image, "Write per-image scores (TSV)", "FILE" },
          { "baseline", 0, 0, G_OPTION_ARG_STRING, &baseline, "Score a baseline instead: centre", "NAME" },
          { "limit", 0, 0, G_OPTION_ARG_INT, &limit, "Only the first N images (a quick look)", "N" },
          { "max-side", 0, 0, G_OPTION_ARG_INT, &max_side, "Model: working resolution", "PX" },
          { "step", 0, 0, G_OPTION_ARG_INT, &step, "Model: threshold step", "N" },
          { "whiten", 0, 0, G_OPTION_ARG_DOUBLE, &whiten, "Model: whitening ridge (-1: none)", "F" },
          { "scales", 0, 0, G_OPTION_ARG_INT, &scales, "Model: 1 or 2 resolutions", "N" },
          { "dilate", 0, 0, G_OPTION_ARG_INT, &dilate, "Model: dilation of each Boolean attention map, px", "N" },
          { "dilate-final", 0, 0, G_OPTION_ARG_INT, &dilate_final, "Model: dilation of the sum, px", "N" },
          { "norm", 0, 0, G_OPTION_ARG_DOUBLE, &norm, "Model: power of the area each map is divided by", "F" },
          { "lab-plain", 0, 0, G_OPTION_ARG_INT, &lab_plain, "Model: 1 adds the Lab channels unwhitened", "N" },
          { "blur", 0, 0, G_OPTION_ARG_STRING, &blur_list,
            "Model: blur σ, fraction of the longest side (a list tries each)", "F[,F…]" },
          { "gamma", 0, 0, G_OPTION_ARG_STRING, &gamma_list, "Model: exponent of the map (a list tries each)", "F[,F…]" },
          { "centre", 0, 0, G_OPTION_ARG_STRING, &centre_list,
            "Model: weight of the centre prior (a list tries each)", "F[,F…]" },
          { "signature", 0, 0, G_OPTION_ARG_STRING, &signature_list,
            "Model: weight of the image signature (a list tries each)", "F[,F…]" },
          { "part", 0, 0, G_OPTION_ARG_STRING, &part,
            "Score only one half of the images: tune (odd lines of index.tsv) or test (even)", "PART" },
          { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("DATA_DIR");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GString) rows = g_string_new ("id\tn_fixations\tauc_judd\tsauc\tnss\tcc\n");
  g_autoptr(GArray) blurs = NULL;
  g_autoptr(GArray) gammas = NULL;
  g_autoptr(GArray) centres = NULL;
  g_autoptr(GArray) signatures = NULL;
  g_autofree double *total = NULL;
  guint              n_scored = 0, n_variants;

  g_option_context_set_summary (context,
                                "Scores the predicted attention model (Boolean Map Saliency) "
                                "on an eye-tracking set with AUC-Judd, sAUC, NSS and CC.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      fprintf (stderr, "%s\n", error != NULL ? error->message : "usage: eyl-eval-attention DATA_DIR");
      return 2;
    }

  eyl_attention_params_init (&params);
  if (max_side > 0)
    params.max_side = max_side;
  if (step > 0)
    params.step = step;
  if (whiten > -2)
    params.whiten = whiten;
  if (scales > 0)
    params.scales = scales;
  if (dilate > 0)
    params.dilate = dilate;
  if (dilate_final > 0)
    params.dilate_final = dilate_final;
  if (norm >= 0)
    params.norm = norm;
  if (lab_plain >= 0)
    params.lab_plain = lab_plain;
  blurs = parse_list (blur_list, params.blur);
  gammas = parse_list (gamma_list, params.gamma);
  centres = parse_list (centre_list, params.centre);
  signatures = parse_list (signature_list, params.signature);
  n_variants = baseline != NULL ? 1 : blurs->len * gammas->len * centres->len * signatures->len;
  if (part != NULL && !g_str_equal (part, "tune") && !g_str_equal (part, "test"))
    {
      fprintf (stderr, "eyl-eval-attention: --part is tune or test\n");
      return 2;
    }
  total = g_new0 (double, 4 * n_variants);
  /* The model's last steps are applied per variant to one computation. */
  params.blur = 0;
  params.gamma = 1;
  params.centre = 0;

  images = read_set (argv[1], subjects, limit, &error);
  if (images == NULL)
    {
      fprintf (stderr, "eyl-eval-attention: %s\n", error->message);
      return 3;
    }
  if (maps != NULL && g_mkdir_with_parents (maps, 0755) != 0)
    {
      fprintf (stderr, "eyl-eval-attention: %s: %s\n", maps, g_strerror (errno));
      return 3;
    }

  for (guint i = 0; i < images->len; i++)
    {
      const Image *im = g_ptr_array_index (images, i);
      g_autoptr(EylAttentionMap) raw = NULL;
      g_autoptr(EylAttentionMap) sig = NULL;
      g_autoptr(GArray) P = NULL;
      g_autofree double *D = NULL;

      if (im->x->len == 0 || (part != NULL && (i % 2 == 0) != g_str_equal (part, "tune")))
        continue;
      P = fixated_pixels (im);
      D = density (im);
      if (baseline == NULL)
        {
          g_autofree char *name = g_strconcat (im->id, ".jpg", NULL);
          g_autofree char *path = g_build_filename (argv[1], name, NULL);
          cairo_surface_t *img = eyl_attention_load_image (path, &error);

          if (img == NULL)
            {
              fprintf (stderr, "eyl-eval-attention: %s\n", error->message);
              return 3;
            }
          params.signature = 0;
          raw = eyl_attention_map_compute (img, NULL, &params);
          /* The image signature alone, mixed in per variant. */
          for (guint k = 0; k < signatures->len; k++)
            if (g_array_index (signatures, double, k) > 0 && sig == NULL)
              {
                params.signature = 1;
                sig = eyl_attention_map_compute (img, NULL, &params);
              }
          cairo_surface_destroy (img);
        }

      for (guint v = 0; v < n_variants; v++)
        {
          cairo_surface_t *pred;
          double           r[4];

          if (baseline != NULL)
            pred = centre_baseline (im->width, im->height);
          else
            {
              EylAttentionMap map = { raw->width, raw->height,
                                      g_memdup2 (raw->values,
                                                 sizeof (float) * raw->width * raw->height) };
              double          b = g_array_index (blurs, double, v % blurs->len);
              double          g = g_array_index (gammas, double, v / blurs->len % gammas->len);
              double          c = g_array_index (centres, double, v / blurs->len / gammas->len % centres->len);
              double          sw = g_array_index (signatures, double,
                                                  v / blurs->len / gammas->len / centres->len);

              if (sw > 0)
                for (gsize k = 0; k < (gsize) raw->width * raw->height; k++)
                  map.values[k] = (float) ((1 - sw) * map.values[k] + sw * sig->values[k]);
              eyl_attention_map_refine (&map, NULL, b * MAX (raw->width, raw->height), c, g);
              pred = eyl_attention_map_to_surface (&map);
              g_free (map.values);
            }
          if (maps != NULL && v == 0)
            {
              g_autofree char *name = g_strconcat (im->id, ".png", NULL);
              g_autofree char *path = g_build_filename (maps, name, NULL);

              cairo_surface_write_to_png (pred, path);
            }
          score_map (pred, im, P, D, images, r);
          cairo_surface_destroy (pred);
          for (int k = 0; k < 4; k++)
            total[4 * v + k] += r[k];
          if (v == 0)
            g_string_append_printf (rows, "%s\t%u\t%.6f\t%.6f\t%.6f\t%.6f\n", im->id,
                                    im->x->len, r[0], r[1], r[2], r[3]);
        }
      n_scored++;
      if (isatty (fileno (stderr)))
        fprintf (stderr, "\r%u/%u", i + 1, images->len);
    }
  if (isatty (fileno (stderr)))
    fprintf (stderr, "\n");
  if (per_image != NULL && !g_file_set_contents (per_image, rows->str, -1, &error))
    {
      fprintf (stderr, "eyl-eval-attention: %s\n", error->message);
      return 3;
    }
  if (n_scored == 0)
    {
      fprintf (stderr, "eyl-eval-attention: no image with fixations\n");
      return 3;
    }

  printf ("Reference (%s/README.md):\n\n", argv[1]);
  print_reference (argv[1]);
  if (part != NULL)
    print_reference_part (argv[1], images, part);
  printf ("\nThis run, %u images%s%s, subjects %s:\n\n", n_scored, part ? ", part " : "",
          part ? part : "", subjects ? subjects : "all");
  printf ("| Predictor | AUC-Judd | sAUC | NSS | CC |\n|---|---|---|---|---|\n");
  for (guint v = 0; v < n_variants; v++)
    {
      if (baseline != NULL)
        printf ("| Baseline: %s |", baseline);
      else
        printf ("| Eyeline predicted attention (model: BMS %d px, step %d, dilate %d/%d, norm %.2f, "
                "%d scale%s, blur %.3f, γ %.2f, centre %.2f, signature %.2f) |",
                params.max_side, params.step, params.dilate, params.dilate_final, params.norm,
                params.scales, params.scales > 1 ? "s" : "",
                g_array_index (blurs, double, v % blurs->len),
                g_array_index (gammas, double, v / blurs->len % gammas->len),
                g_array_index (centres, double, v / blurs->len / gammas->len % centres->len),
                g_array_index (signatures, double, v / blurs->len / gammas->len / centres->len));
      printf (" %.4f | %.4f | %.4f | %.4f |\n", total[4 * v] / n_scored,
              total[4 * v + 1] / n_scored, total[4 * v + 2] / n_scored,
              total[4 * v + 3] / n_scored);
    }
  return 0;
}
