/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-zbar.c: long-lived zbar scanners shared by the QR and barcode
 * readers.
 *
 * A scanner is configured once for its kind and kept for the life of
 * the process: taken for one scan and given back, so that two threads
 * never share one and a worker checking many files creates one of each
 * kind it needs (counted as zbar-scanners in the stage file). */
#include "config.h"

#define G_LOG_DOMAIN "eyl-zbar"

#include <math.h>

#include "eyl-stage.h"
#include "eyl-zbar.h"

static GMutex     scanners_lock;
static GPtrArray *idle_scanners[EYL_ZBAR_N_KINDS]; /* of zbar_image_scanner_t */
static gint       n_scanner_inits;                 /* atomic */

static zbar_image_scanner_t *
scanner_new (EylZbarKind kind)
{
  /* Code 128 with the retail symbols: packs carry it where a retail
   * symbol belongs, and it is judged for that (rules/eyl-rule-barcode.c). */
  static const zbar_symbol_type_t retail[] = {
    ZBAR_EAN13,
    ZBAR_EAN8,
    ZBAR_UPCA,
    ZBAR_UPCE,
    ZBAR_CODE128,
  };
  zbar_image_scanner_t *scanner = zbar_image_scanner_create ();

  zbar_image_scanner_set_config (scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
  if (kind != EYL_ZBAR_RETAIL)
    zbar_image_scanner_set_config (scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
  if (kind != EYL_ZBAR_QR)
    for (guint i = 0; i < G_N_ELEMENTS (retail); i++)
      zbar_image_scanner_set_config (scanner, retail[i], ZBAR_CFG_ENABLE, 1);
  if (kind == EYL_ZBAR_CODES)
    zbar_image_scanner_set_config (scanner, ZBAR_CODE39, ZBAR_CFG_ENABLE, 1);
  /* Light-on-dark codes are common on dark designs (the GodotCon poster). */
  if (kind != EYL_ZBAR_RETAIL)
    zbar_image_scanner_set_config (scanner, ZBAR_NONE, ZBAR_CFG_TEST_INVERTED, 1);

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

static void
symbol_clear (gpointer data)
{
  EylZbarSymbol *s = data;

  g_free (s->data);
}

GArray *
eyl_zbar_scan (const guint8 *gray,
               int           width,
               int           height,
               EylZbarKind   kind)
{
  GArray               *symbols = g_array_new (FALSE, TRUE, sizeof (EylZbarSymbol));
  zbar_image_scanner_t *scanner;
  zbar_image_t         *image;

  g_return_val_if_fail (kind < EYL_ZBAR_N_KINDS, symbols);

  g_array_set_clear_func (symbols, symbol_clear);
  if (gray == NULL || width < 1 || height < 1)
    return symbols;

  scanner = scanner_take (kind);
  image = zbar_image_create ();
  zbar_image_set_format (image, zbar_fourcc ('Y', '8', '0', '0'));
  zbar_image_set_size (image, (unsigned) width, (unsigned) height);
  /* No cleanup handler: @gray stays the caller's. */
  zbar_image_set_data (image, gray, (unsigned long) width * height, NULL);

  if (zbar_scan_image (scanner, image) > 0)
    for (const zbar_symbol_t *sym = zbar_image_first_symbol (image); sym != NULL;
         sym = zbar_symbol_next (sym))
      {
        EylZbarSymbol s = { 0 };
        unsigned      n = zbar_symbol_get_loc_size (sym);
        const char   *data = zbar_symbol_get_data (sym);

        if (n == 0 || data == NULL)
          continue;
        s.type = zbar_symbol_get_type (sym);
        s.length = zbar_symbol_get_data_length (sym);
        s.data = g_strndup (data, s.length);
        s.x0 = s.y0 = G_MAXDOUBLE;
        s.x1 = s.y1 = -G_MAXDOUBLE;
        for (unsigned i = 0; i < n; i++)
          {
            double x = zbar_symbol_get_loc_x (sym, i);
            double y = zbar_symbol_get_loc_y (sym, i);
            double nx = zbar_symbol_get_loc_x (sym, (i + 1) % n);
            double ny = zbar_symbol_get_loc_y (sym, (i + 1) % n);

            s.x0 = MIN (s.x0, x);
            s.y0 = MIN (s.y0, y);
            s.x1 = MAX (s.x1, x);
            s.y1 = MAX (s.y1, y);
            s.side += hypot (nx - x, ny - y) / n;
          }
        g_array_append_val (symbols, s);
      }

  zbar_image_destroy (image);
  scanner_give_back (kind, scanner);
  return symbols;
}
