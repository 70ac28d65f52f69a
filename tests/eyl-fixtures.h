/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-fixtures.h: PDFs made by the tests with Cairo at test time.
 * Every fixture is written into a fresh temporary folder. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A fresh temporary folder for this test process, removed at exit. */
const char *eyl_fixture_dir (void);

/* One string of text: @x,@y is the left end of the baseline in pt from the
 * top-left corner of the page; @size the font size in pt (DejaVu Sans or
 * the default sans); @color 0xRRGGBB. */
typedef struct
{
  double      x, y;
  double      size;
  const char *text;
  guint32     color;
} EylFixtureText;

/* Page options for eyl_fixture_pdf(). */
typedef struct
{
  double width_pt, height_pt; /* the PDF page (MediaBox) */
  int    rotate;              /* /Rotate to set, 0 for none */
  /* Boxes in PDF user space [x0 y0 x1 y1] (y up); all zero = not set. */
  double      crop_box[4];
  double      trim_box[4];
  double      bleed_box[4];
  double      user_unit; /* 0 or 1 = not set */
  const char *link_uri;  /* a URI link annotation over text[0] */
  /* An RGB image of image_width_px × image_height_px pixels drawn into
   * image_box [x0 y0 x1 y1] (pt, top-left origin like the texts); none
   * when the pixel size is 0. */
  double image_box[4];
  int    image_width_px, image_height_px;
  /* Paint the whole page in @background (0xRRGGBB) instead of white. */
  gboolean fill_background;
  guint32  background;
} EylFixturePage;

/* Writes @name into eyl_fixture_dir() with one page of @texts and returns
 * its full path.  Boxes, /Rotate and /UserUnit are added with libqpdf
 * after Cairo writes the page. */
char *eyl_fixture_pdf (const char           *name,
                       const EylFixturePage *page,
                       const EylFixtureText *texts,
                       guint                 n_texts);

/* The same PDF encrypted with libqpdf (AES-256, user password @password). */
char *eyl_fixture_encrypt (const char *path,
                           const char *name,
                           const char *password);

/* A roll-up banner 850 × 2000 mm at @scale (1.0 = 1:1, 0.1 = 1:10) with a
 * headline at the top, the brand name in the upper third and the website
 * and phone in the bottom 150 mm (when @contacts_low) or at eye level. */
char *eyl_fixture_banner (const char *name,
                          double      scale,
                          gboolean    contacts_low);

/* Writes @len bytes of @data as @name and returns the path. */
char *eyl_fixture_bytes (const char *name,
                         const void *data,
                         gsize       len);

/* A PDF written by hand: object i + 1 is @objects[i], object 1 the
 * catalog; the cross-reference table is correct.  Returns the path. */
char *eyl_fixture_raw_pdf (const char        *name,
                           const char *const *objects,
                           guint              n_objects);

/* TRUE when Tesseract's English data is installed; else the test is
 * marked skipped (g_test_skip) and FALSE is returned. */
gboolean eyl_fixture_have_ocr (void);

/* The shared folder (../shared beside the checkout, or $EYL_SHARED_DIR),
 * or NULL; tests skip with a message when a subfolder is missing. */
char *eyl_fixture_shared_path (const char *subdir);

/* The result of running eyeline-cli ($EYL_CLI). */
typedef struct
{
  int   status; /* exit status, -1 when killed by a signal */
  char *out;
  char *err;
} EylFixtureRun;

void eyl_fixture_run_clear (EylFixtureRun *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EylFixtureRun, eyl_fixture_run_clear)

/* $EYL_CLI, or NULL when the tests are not run by meson. */
const char *eyl_fixture_cli (void);
/* The eyeline-worker of this build (found from $EYL_CLI as eyeline-cli
 * finds it), or NULL. */
const char *eyl_fixture_worker (void);

/* Runs $EYL_CLI with the NULL-terminated @argv; @env ("NAME=value", may
 * be NULL) is added to the environment. */
void eyl_fixture_run_cli (EylFixtureRun     *run,
                          const char *const *env,
                          const char *const *argv);

/* Starts $EYL_CLI with @argv and @env ("NAME=value", may be NULL) added
 * to the environment, its standard streams as @flags say (a
 * GSubprocessFlags); @stderr_fd, when not -1, becomes its standard error
 * (the caller's copy is closed). */
gpointer eyl_fixture_spawn_cli (const char *const *env,
                                const char *const *argv,
                                guint              flags,
                                int                stderr_fd);

/* Runs @func (@data) on @n_threads threads let go at once: all are
 * started and waiting on one condition first.  Returns when all have
 * finished. */
void eyl_fixture_race (guint    n_threads,
                       GFunc    func,
                       gpointer data);

/* Runs @body in @n_tries processes of its own, one after the other, and
 * fails the test when one of them fails: what only the first use in a
 * process can get wrong gets a fresh process each try.  Call from the
 * test function itself (g_test_trap_subprocess of the current test). */
void eyl_fixture_in_fresh_processes (void (*body) (void),
                                     guint n_tries);

G_END_DECLS
