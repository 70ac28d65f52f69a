/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-fixtures"

#include <stdlib.h>
#include <sys/wait.h>
#include <string.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <qpdf/qpdf-c.h>

#include "eyl-fixtures.h"
#include "eyl-worker.h"

#define MM_TO_PT (72.0 / 25.4)

static char *fixture_dir;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }
  g_remove (path);
}

static void
remove_fixture_dir (void)
{
  if (fixture_dir == NULL)
    return;
  if (g_getenv ("EYL_KEEP_FIXTURES") == NULL)
    remove_tree (fixture_dir);
  g_clear_pointer (&fixture_dir, g_free);
}

const char *
eyl_fixture_dir (void)
{
  if (fixture_dir == NULL)
    {
      g_autoptr(GError) error = NULL;

      fixture_dir = g_dir_make_tmp ("eyeline-test-XXXXXX", &error);
      g_assert_no_error (error);
      atexit (remove_fixture_dir);
    }
  return fixture_dir;
}

static gboolean
box_is_set (const double box[4])
{
  return box[0] != 0 || box[1] != 0 || box[2] != 0 || box[3] != 0;
}

static void
check_qpdf (qpdf_data   qpdf,
            const char *what)
{
  if (qpdf_has_error (qpdf))
    {
      qpdf_error e = qpdf_get_error (qpdf);

      g_error ("libqpdf failed to %s: %s", what, qpdf_get_error_full_text (qpdf, e));
    }
}

static void
set_box (qpdf_data    qpdf,
         qpdf_oh      page,
         const char  *key,
         const double box[4])
{
  qpdf_oh array = qpdf_oh_new_array (qpdf);

  for (int i = 0; i < 4; i++)
    qpdf_oh_append_item (qpdf, array, qpdf_oh_new_real_from_double (qpdf, box[i], 4));
  qpdf_oh_replace_key (qpdf, page, key, array);
}

/* Adds the page attributes Cairo cannot write, with libqpdf. */
static void
edit_page (const char           *in,
           const char           *out,
           const EylFixturePage *page)
{
  qpdf_data qpdf = qpdf_init ();
  qpdf_oh   dict;

  qpdf_silence_errors (qpdf);
  qpdf_set_suppress_warnings (qpdf, QPDF_TRUE);
  qpdf_read (qpdf, in, NULL);
  check_qpdf (qpdf, "read the Cairo PDF");

  dict = qpdf_get_page_n (qpdf, 0);
  check_qpdf (qpdf, "find page 1");

  if (box_is_set (page->crop_box))
    set_box (qpdf, dict, "/CropBox", page->crop_box);
  if (box_is_set (page->trim_box))
    set_box (qpdf, dict, "/TrimBox", page->trim_box);
  if (box_is_set (page->bleed_box))
    set_box (qpdf, dict, "/BleedBox", page->bleed_box);
  if (page->rotate != 0)
    qpdf_oh_replace_key (qpdf, dict, "/Rotate", qpdf_oh_new_integer (qpdf, page->rotate));
  if (page->user_unit > 0 && page->user_unit != 1.0)
    qpdf_oh_replace_key (qpdf, dict, "/UserUnit",
                         qpdf_oh_new_real_from_double (qpdf, page->user_unit, 4));
  check_qpdf (qpdf, "edit the page");

  qpdf_init_write (qpdf, out);
  check_qpdf (qpdf, "start writing");
  qpdf_set_static_ID (qpdf, QPDF_TRUE);
  qpdf_write (qpdf);
  check_qpdf (qpdf, "write");
  qpdf_cleanup (&qpdf);
}

static void
set_rgb (cairo_t *cr,
         guint32  color)
{
  cairo_set_source_rgb (cr,
                        ((color >> 16) & 0xff) / 255.0,
                        ((color >> 8) & 0xff) / 255.0,
                        (color & 0xff) / 255.0);
}

/* A gradient, so that Cairo keeps it as an image of its own size. */
static void
draw_image (cairo_t              *cr,
            const EylFixturePage *page)
{
  cairo_surface_t *image;
  guint32         *data;
  int              stride;
  double           w = page->image_box[2] - page->image_box[0];
  double           h = page->image_box[3] - page->image_box[1];

  image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, page->image_width_px,
                                      page->image_height_px);
  cairo_surface_flush (image);
  data = (guint32 *) (gpointer) cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image) / 4;
  for (int y = 0; y < page->image_height_px; y++)
    for (int x = 0; x < page->image_width_px; x++)
      data[y * stride + x] = ((x * 255 / page->image_width_px) << 16) | ((y * 255 / page->image_height_px) << 8) | 0x80;
  cairo_surface_mark_dirty (image);

  cairo_save (cr);
  cairo_translate (cr, page->image_box[0], page->image_box[1]);
  cairo_scale (cr, w / page->image_width_px, h / page->image_height_px);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_surface_destroy (image);
}

char *
eyl_fixture_pdf (const char           *name,
                 const EylFixturePage *page,
                 const EylFixtureText *texts,
                 guint                 n_texts)
{
  g_autofree char *path = g_build_filename (eyl_fixture_dir (), name, NULL);
  g_autofree char *raw = NULL;
  cairo_surface_t *surface;
  cairo_t         *cr;
  gboolean         edit;

  g_return_val_if_fail (page != NULL, NULL);
  g_return_val_if_fail (page->width_pt > 0 && page->height_pt > 0, NULL);

  /* Cairo 1.16 writes a bad cross-reference entry when it writes link
   * tags: pass those files through libqpdf too, which writes a clean one. */
  edit = page->rotate != 0 || page->link_uri != NULL || box_is_set (page->crop_box) || box_is_set (page->trim_box) || box_is_set (page->bleed_box) || (page->user_unit > 0 && page->user_unit != 1.0);
  raw = edit ? g_strconcat (path, ".cairo.pdf", NULL) : g_strdup (path);

  surface = cairo_pdf_surface_create (raw, page->width_pt, page->height_pt);
  cr = cairo_create (surface);

  if (page->fill_background)
    set_rgb (cr, page->background);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  if (page->image_width_px > 0 && page->image_height_px > 0)
    draw_image (cr, page);

  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                          CAIRO_FONT_WEIGHT_NORMAL);
  for (guint i = 0; i < n_texts; i++)
    {
      g_autofree char *attrs = NULL;

      if (i == 0 && page->link_uri != NULL)
        {
          attrs = g_strdup_printf ("uri='%s'", page->link_uri);
          cairo_tag_begin (cr, CAIRO_TAG_LINK, attrs);
        }

      set_rgb (cr, texts[i].color);
      cairo_set_font_size (cr, texts[i].size);
      cairo_move_to (cr, texts[i].x, texts[i].y);
      cairo_show_text (cr, texts[i].text);

      if (attrs != NULL)
        cairo_tag_end (cr, CAIRO_TAG_LINK);
    }

  cairo_show_page (cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  if (edit)
    {
      edit_page (raw, path, page);
      g_remove (raw);
    }

  return g_steal_pointer (&path);
}

char *
eyl_fixture_encrypt (const char *path,
                     const char *name,
                     const char *password)
{
  g_autofree char *out = g_build_filename (eyl_fixture_dir (), name, NULL);
  g_autofree char *owner = g_strconcat ("owner-", password, NULL);
  qpdf_data        qpdf = qpdf_init ();

  qpdf_silence_errors (qpdf);
  qpdf_read (qpdf, path, NULL);
  check_qpdf (qpdf, "read the file to encrypt");
  qpdf_init_write (qpdf, out);
  check_qpdf (qpdf, "start writing");
  /* AES-256 (R6), everything allowed: only the open password matters. */
  qpdf_set_r6_encryption_parameters2 (qpdf, password, owner,
                                      QPDF_TRUE, QPDF_TRUE, QPDF_TRUE,
                                      QPDF_TRUE, QPDF_TRUE, QPDF_TRUE,
                                      qpdf_r3p_full, QPDF_TRUE);
  qpdf_write (qpdf);
  check_qpdf (qpdf, "write the encrypted file");
  qpdf_cleanup (&qpdf);

  return g_steal_pointer (&out);
}

char *
eyl_fixture_banner (const char *name,
                    double      scale,
                    gboolean    contacts_low)
{
  /* Everything in mm on the real 850 × 2000 mm banner, y = baseline from
   * the top edge; converted to pt at @scale below. */
  struct
  {
    double      x, y, size;
    const char *text;
    guint32     color;
  } items[] = {
    /* headline near the top, on two lines */
    { 60, 200, 100, "Fresh tea,", 0x1b3a2f },
    { 60, 310, 100, "every day", 0x1b3a2f },
    /* the brand name in the upper third */
    { 60, 440, 80, "NORTHWIND", 0x7a2e0e },
    /* body copy and a call to action in the middle */
    { 60, 1000, 32, "Loose-leaf teas from small gardens", 0x333333 },
    { 60, 1060, 32, "Visit our tasting bar today", 0x333333 },
    /* the contacts: overwritten below */
    { 60, 0, 40, "www.northwind-tea.example", 0x000000 },
    { 60, 0, 40, "+44 20 7946 0958", 0x000000 },
  };
  EylFixtureText texts[G_N_ELEMENTS (items)];
  EylFixturePage page = {
    0,
  };
  double k;

  g_return_val_if_fail (scale > 0, NULL);

  if (contacts_low)
    {
      /* Inside the bottom 150 mm, where the cassette and a table hide them. */
      items[5].y = 2000 - 105;
      items[6].y = 2000 - 50;
    }
  else
    {
      /* Around 1500 mm above the bottom edge: eye level when standing. */
      items[5].y = 2000 - 1500;
      items[6].y = 2000 - 1440;
    }

  k = scale * MM_TO_PT;
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      texts[i].x = items[i].x * k;
      texts[i].y = items[i].y * k;
      texts[i].size = items[i].size * k;
      texts[i].text = items[i].text;
      texts[i].color = items[i].color;
    }

  page.width_pt = 850 * k;
  page.height_pt = 2000 * k;
  return eyl_fixture_pdf (name, &page, texts, G_N_ELEMENTS (texts));
}

char *
eyl_fixture_bytes (const char *name,
                   const void *data,
                   gsize       len)
{
  g_autofree char *path = g_build_filename (eyl_fixture_dir (), name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data != NULL ? data : "", len, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

char *
eyl_fixture_shared_path (const char *subdir)
{
  g_autofree char *base = NULL;
  g_autofree char *path = NULL;
  const char      *env = g_getenv ("EYL_SHARED_DIR");

  if (env != NULL && *env != '\0')
    base = g_strdup (env);
  else if (g_getenv ("EYL_SOURCE_ROOT") != NULL)
    base = g_build_filename (g_getenv ("EYL_SOURCE_ROOT"), "..", "shared", NULL);
  else if (g_getenv ("G_TEST_SRCDIR") != NULL)
    base = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "..", "shared", NULL);
  else
    return NULL;

  path = subdir != NULL ? g_build_filename (base, subdir, NULL) : g_strdup (base);
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return NULL;
  return g_steal_pointer (&path);
}

/* A PDF written by hand, with a correct cross-reference table. */
char *
eyl_fixture_raw_pdf (const char        *name,
                     const char *const *objects,
                     guint              n_objects)
{
  g_autoptr(GString) pdf = g_string_new ("%PDF-1.4\n");
  g_autofree gsize *offsets = g_new0 (gsize, n_objects);
  gsize             xref;

  for (guint i = 0; i < n_objects; i++)
    {
      offsets[i] = pdf->len;
      g_string_append_printf (pdf, "%u 0 obj\n%s\nendobj\n", i + 1, objects[i]);
    }
  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", n_objects + 1);
  for (guint i = 0; i < n_objects; i++)
    g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
  g_string_append_printf (pdf, "trailer\n<< /Size %u /Root 1 0 R >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", n_objects + 1, xref);
  return eyl_fixture_bytes (name, pdf->str, pdf->len);
}

void
eyl_fixture_run_clear (EylFixtureRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

const char *
eyl_fixture_cli (void)
{
  const char *cli = g_getenv ("EYL_CLI");

  if (cli == NULL || !g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    return NULL;
  return cli;
}

const char *
eyl_fixture_worker (void)
{
  static char *worker;

  if (worker == NULL && eyl_fixture_cli () != NULL)
    worker = eyl_worker_find_exe_for (eyl_fixture_cli ());
  if (worker == NULL || !g_file_test (worker, G_FILE_TEST_IS_EXECUTABLE))
    return NULL;
  return worker;
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize       len = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &len) : NULL;

  return g_strndup (data != NULL ? data : "", len);
}

void
eyl_fixture_run_cli (EylFixtureRun     *run,
                     const char *const *env,
                     const char *const *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;

  process = eyl_fixture_spawn_cli (env, argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, -1);
  g_subprocess_communicate (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  run->out = bytes_to_string (out);
  run->err = bytes_to_string (err);
  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  g_test_message ("exit %d\nstdout:\n%s\nstderr:\n%s", run->status, run->out, run->err);
}

gpointer
eyl_fixture_spawn_cli (const char *const *env,
                       const char *const *argv,
                       guint              flags,
                       int                stderr_fd)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (flags);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_assert_nonnull (eyl_fixture_cli ());
  g_ptr_array_add (args, (char *) eyl_fixture_cli ());
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (char *) argv[i]);
  g_ptr_array_add (args, NULL);
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);

      g_subprocess_launcher_setenv (launcher, pair[0], pair[1] != NULL ? pair[1] : "", TRUE);
    }
  if (stderr_fd != -1)
    g_subprocess_launcher_take_stderr_fd (launcher, stderr_fd);
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) args->pdata, &error);
  g_assert_no_error (error);
  return process;
}

gboolean
eyl_fixture_have_ocr (void)
{
  if (g_file_test ("/usr/share/tesseract-ocr/5/tessdata/eng.traineddata", G_FILE_TEST_EXISTS) ||
      g_getenv ("TESSDATA_PREFIX") != NULL)
    return TRUE;
  g_test_skip ("tesseract-ocr-eng is not installed");
  return FALSE;
}

typedef struct
{
  GMutex   lock;
  GCond    cond;
  guint    waiting;
  gboolean go;
  GFunc    func;
  gpointer data;
} Race;

static gpointer
race_thread (gpointer user_data)
{
  Race *race = user_data;

  g_mutex_lock (&race->lock);
  race->waiting++;
  g_cond_broadcast (&race->cond);
  while (!race->go)
    g_cond_wait (&race->cond, &race->lock);
  g_mutex_unlock (&race->lock);

  race->func (race->data, NULL);
  return NULL;
}

void
eyl_fixture_race (guint    n_threads,
                  GFunc    func,
                  gpointer data)
{
  Race                 race = { .func = func, .data = data };
  g_autofree GThread **threads = g_new (GThread *, n_threads);

  g_mutex_init (&race.lock);
  g_cond_init (&race.cond);
  for (guint i = 0; i < n_threads; i++)
    threads[i] = g_thread_new ("race", race_thread, &race);
  /* All of them waiting, then all let go at once. */
  g_mutex_lock (&race.lock);
  while (race.waiting < n_threads)
    g_cond_wait (&race.cond, &race.lock);
  race.go = TRUE;
  g_cond_broadcast (&race.cond);
  g_mutex_unlock (&race.lock);
  for (guint i = 0; i < n_threads; i++)
    g_thread_join (threads[i]);
  g_mutex_clear (&race.lock);
  g_cond_clear (&race.cond);
}

void
eyl_fixture_in_fresh_processes (void (*body) (void),
                                guint n_tries)
{
  if (g_test_subprocess ())
    {
      body ();
      return;
    }
  for (guint i = 0; i < n_tries; i++)
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
    }
}
