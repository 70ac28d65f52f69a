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

guint
eyl_zbar_get_n_shared (void)
{
  return (guint) g_atomic_int_get (&n_shared);
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
   * only. */
  if (n_found == 0 && (flags & EYL_ZBAR_INVERTED_TOO))
    {
      g_autofree guint8 *inverted = g_malloc (n_pixels);

      for (gsize i = 0; i < n_pixels; i++)
        inverted[i] = 255 - gray[i];
      g_array_unref (symbols);
      symbols = scan_once (inverted, width, height, kind, line_step, &n_found);
    }
  return symbols;
}
