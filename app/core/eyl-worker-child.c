/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-worker-child.c: the worker process's side (see eyl-worker-child.h). */
#include "config.h"

#define G_LOG_DOMAIN "eyl-worker"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#ifdef HAVE_MALLOC_TRIM
#include <malloc.h>
#endif
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <glib/gi18n.h>

#include "eyl-channel.h"
#include "eyl-document.h"
#include "eyl-error.h"
#include "eyl-detect-pixels.h"
#include "eyl-progress.h"
#include "eyl-read.h"
#include "eyl-stage.h"
#include "eyl-worker-child.h"

/* Under AddressSanitizer the worker's address space is not limited: its
 * shadow memory needs terabytes of it. */
#if defined(__SANITIZE_ADDRESS__)
#define EYL_HAVE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define EYL_HAVE_ASAN 1
#endif
#endif

/* Pages of a document that get the predicted attention (model). */
#define ATTENTION_MAX_PAGES 24

gboolean
eyl_worker_child_limit_memory (guint memory_mb)
{
  struct rlimit no_core = { 0, 0 };

  /* A worker whose parent is gone (the window crashed, the CLI was
   * killed) has nobody to stop its time budget: it goes too.  And the
   * window, the display server and the parent come first on a busy
   * machine. */
  if (prctl (PR_SET_PDEATHSIG, SIGKILL) != 0)
    g_debug ("prctl (PR_SET_PDEATHSIG): %s", g_strerror (errno));
  if (setpriority (PRIO_PROCESS, 0, 10) != 0)
    g_debug ("setpriority: %s", g_strerror (errno));

  /* A crashing worker is an expected outcome, not something to debug
   * with a multi-gigabyte core file. */
  if (setrlimit (RLIMIT_CORE, &no_core) != 0)
    g_debug ("setrlimit (RLIMIT_CORE): %s", g_strerror (errno));

  if (memory_mb == 0)
    return TRUE;

#ifdef EYL_HAVE_ASAN
  /* AddressSanitizer reserves terabytes of shadow address space: an
   * address-space limit would stop it from starting at all. */
  g_debug ("not limiting the address space under AddressSanitizer");
  return FALSE;
#else
  {
    struct rlimit limit;

    limit.rlim_cur = (rlim_t) memory_mb * 1024 * 1024;
    limit.rlim_max = limit.rlim_cur;
    if (setrlimit (RLIMIT_AS, &limit) != 0)
      {
        g_warning ("Could not limit the worker’s memory to %u MB: %s",
                   memory_mb, g_strerror (errno));
        return FALSE;
      }
    return TRUE;
  }
#endif
}

/* One line of stdin without its line feed, or NULL at end of input. */
static char *
read_line (void)
{
  GString *line = g_string_new (NULL);
  gboolean got_any = FALSE;
  int      c;

  while ((c = fgetc (stdin)) != EOF)
    {
      got_any = TRUE;
      if (c == '\n')
        break;
      g_string_append_c (line, (char) c);
    }

  if (!got_any)
    {
      g_string_free (line, TRUE);
      return NULL;
    }
  return g_string_free (line, FALSE);
}

gboolean
eyl_worker_child_read_settings (EylCheckSettings *settings,
                                GError          **error)
{
  g_autofree char *line = read_line ();
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guchar *data;
  gsize   len = 0;

  eyl_check_settings_init (settings);
  if (line == NULL)
    {
      g_set_error_literal (error, EYL_ERROR, EYL_ERROR_INVALID, _("The check’s settings are missing"));
      return FALSE;
    }
  data = g_base64_decode (line, &len);
  bytes = g_bytes_new_take (data, len);
  variant = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE_VARDICT, bytes, FALSE));
  return eyl_check_settings_from_variant (variant, settings, error);
}

char *
eyl_worker_child_read_password (void)
{
  g_autofree char *line = read_line ();
  guchar          *data;
  gsize            len = 0;
  char            *password;

  if (line == NULL)
    return NULL;
  data = g_base64_decode (line, &len);
  memset (line, 0, strlen (line));
  password = g_strndup ((const char *) data, len);
  memset (data, 0, len);
  g_free (data);
  return password;
}

void
eyl_worker_child_simulate (void)
{
  const char *what = g_getenv ("EYL_WORKER_SIMULATE");

  if (what == NULL || what[0] == '\0')
    return;

  if (g_str_equal (what, "hang"))
    {
      for (;;)
        pause ();
    }
  else if (g_str_equal (what, "spin"))
    {
      /* A hang that works: a loop in the PDF engine. */
      volatile guint64 n = 0;

      for (;;)
        n++;
    }
  else if (g_str_equal (what, "idle-3s"))
    /* Starved: no CPU for 3 s (a loaded machine, Ctrl+Z), then the
     * work. */
    g_usleep (3 * G_USEC_PER_SEC);
  else if (g_str_equal (what, "crash"))
    {
      signal (SIGSEGV, SIG_DFL);
      raise (SIGSEGV);
    }
  else if (g_str_equal (what, "orphan-pipes"))
    {
      /* Gone without an answer, leaving behind a process that holds its
       * pipes open (for 30 s at most); its PID goes to the file named by
       * EYL_WORKER_ORPHAN_PID_FILE. */
      const char *pid_file = g_getenv ("EYL_WORKER_ORPHAN_PID_FILE");
      pid_t       child = fork ();

      if (child == 0)
        {
          sleep (30);
          _exit (0);
        }
      if (child > 0 && pid_file != NULL)
        {
          g_autofree char *text = g_strdup_printf ("%d", (int) child);

          g_file_set_contents (pid_file, text, -1, NULL);
        }
      _exit (0);
    }
  else if (g_str_equal (what, "exit"))
    /* Gone without an answer, as if all was well. */
    _exit (0);
  else if (g_str_equal (what, "oom"))
    {
      /* Untouched allocations cost address space, not RAM: under the
       * RLIMIT_AS of --memory-mb this ends in g_malloc's abort quickly. */
      GSList *blocks = NULL;

      for (;;)
        blocks = g_slist_prepend (blocks, g_malloc (64 * 1024 * 1024));
    }
  else
    g_warning ("Unknown EYL_WORKER_SIMULATE value “%s”", what);
}

EylFileResult *
eyl_worker_analyse_file (const char               *path,
                         const char               *password,
                         const EylAnalysisOptions *options,
                         GCancellable             *cancellable)
{
  g_autoptr(EylDocument) document = NULL;
  g_autoptr(EylFileResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) first_page_error = NULL;
  GPtrArray         *warnings;
  guint              n_pages, n_repairs, n_out_of_memory;
  EylAnalysisOptions file_options;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  document = eyl_document_open (path, password, cancellable, &error);
  if (document == NULL)
    return eyl_file_result_new_error (path, error);
  /* An image neither its dictionary nor the content stream sizes is
   * decoded for its size (a Poppler pass over the page each) only when
   * OCR runs: a check without it is asked to be quick, and such an image
   * is left unsized with a warning. */
  eyl_document_set_image_decodes (document, options->pixels.ocr);

  /* The file itself is read again for what Poppler does not tell (a
   * pack's dieline). */
  file_options = *options;
  file_options.source_path = path;
  file_options.password = password;
  options = &file_options;

  result = eyl_file_result_new (path);
  n_pages = eyl_document_get_n_pages (document);
  result->n_pages = n_pages;

  for (guint i = 0; i < n_pages; i++)
    {
      g_autoptr(GError) page_error = NULL;
      g_autoptr(EylPageData) page = NULL;
      EylPageAnalysis *analysis;
      EylRenderer      renderer;

      if (g_cancellable_set_error_if_cancelled (cancellable, &error))
        return eyl_file_result_new_error (path, error);
      eyl_progress_report (EYL_WORKER_STAGE_ANALYSIS, i + 1, n_pages);

      /* One page at a time: a 5000-page file must not hold every
       * snapshot at once. */
      page = eyl_document_get_page_data (document, i, cancellable, &page_error);
      if (page == NULL)
        {
          g_ptr_array_add (result->warnings,
                           /* Translators: %s says which page cannot be used and why. */
                           g_strdup_printf (_("%s; the page was skipped."),
                                               page_error->message));
          if (first_page_error == NULL)
            first_page_error = g_steal_pointer (&page_error);
          continue;
        }

      /* The analysis raster is rendered from this document, on this
       * thread, at the resolution the options ask for. */
      eyl_renderer_init (&renderer);
      if (options->raster_px_per_mm > 0)
        renderer.px_per_mm = options->raster_px_per_mm;
      if (options->raster_max_pixels > 0)
        renderer.max_pixels = options->raster_max_pixels;
      if (!eyl_document_get_renderer (document, i, &renderer))
        renderer.render = NULL;

      n_out_of_memory = eyl_document_get_n_out_of_memory (document);
      {
        g_autoptr(EylPageRead) read = eyl_read_page (page, &renderer, options);

        /* A piece of one page is judged unlike a cover of several. */
        read->n_pages = n_pages;
        /* The attention model costs about 0.3 s of CPU a page: the first
         * pages of a document get it, a 5000-page file does not spend
         * half an hour on it (a budget of work, so every run agrees). */
        if (i >= ATTENTION_MAX_PAGES)
          eyl_page_read_drop_pixels (read);
        analysis = eyl_evaluate_page (read, options,
                                      result->pages->len > 0
                                          ? g_ptr_array_index (result->pages, 0)
                                          : NULL);
        /* One page's pixels at a time. */
        eyl_page_read_drop_pixels (read);
      }
      if (eyl_document_get_n_out_of_memory (document) > n_out_of_memory)
        {
          /* A check of half a page would be wrong: the page is lost,
           * the others are kept (and a file of only such pages fails
           * with "memory"). */
          g_clear_pointer (&analysis, eyl_page_analysis_unref);
          g_set_error (&page_error, EYL_ERROR, EYL_ERROR_MEMORY,
                       _("Page %u needs more memory to render than the limit allows"), i + 1);
          g_ptr_array_add (result->warnings,
                           g_strdup_printf (_("%s; the page was skipped."), page_error->message));
          if (first_page_error == NULL)
            first_page_error = g_steal_pointer (&page_error);
          continue;
        }
      if (analysis == NULL)
        continue;
      if (analysis->page_w_pt <= 0 || analysis->page_h_pt <= 0)
        {
          analysis->page_w_pt = page->width;
          analysis->page_h_pt = page->height;
        }
      g_ptr_array_add (result->pages, analysis);
    }

  eyl_analysis_place_insert (result->pages, options);
  eyl_analysis_judge_piece (result->pages);

  if (n_pages > 0 && result->pages->len == 0)
    {
      if (first_page_error != NULL)
        {
          g_autofree char *name = g_filename_display_basename (path);

          /* The file's error names the file. */
          if (strstr (first_page_error->message, name) == NULL)
            g_prefix_error (&first_page_error, "“%s”: ", name);
          return eyl_file_result_new_error (path, first_page_error);
        }
      g_set_error (&error, EYL_ERROR, EYL_ERROR_NO_PAGES, _("No page could be analysed."));
      return eyl_file_result_new_error (path, error);
    }

  /* The count first, then the few messages kept (the same message
   * once). */
  n_repairs = eyl_document_get_n_repairs (document);
  warnings = eyl_document_get_warnings (document);
  if (n_repairs > 0)
    g_ptr_array_add (result->warnings,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "The file is damaged: %u problem was repaired while reading it.",
                                                   "The file is damaged: %u problems were repaired while reading it.",
                                                   n_repairs),
                                      n_repairs));
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    if (!g_ptr_array_find_with_equal_func (result->warnings, g_ptr_array_index (warnings, i),
                                           g_str_equal, NULL))
      g_ptr_array_add (result->warnings, g_strdup (g_ptr_array_index (warnings, i)));

  return g_steal_pointer (&result);
}

void
eyl_worker_child_simulate_export (const char *path)
{
  const char *what = g_getenv ("EYL_WORKER_SIMULATE_EXPORT");
  const char *only = g_getenv ("EYL_WORKER_SIMULATE_FILE");

  if (what == NULL || what[0] == '\0')
    return;
  if (only != NULL && only[0] != '\0' && path != NULL)
    {
      g_autofree char *base = g_path_get_basename (path);

      if (!g_str_equal (base, only))
        return;
    }

  /* "disk-full", or "disk-full:BYTES" for a disk that fills up later. */
  if (g_str_equal (what, "disk-full") || g_str_has_prefix (what, "disk-full:"))
    {
      struct rlimit limit = { RLIM_INFINITY, RLIM_INFINITY };
      guint64       bytes = 4096;
      guint64       later;

      if (what[strlen ("disk-full")] == ':' && g_ascii_string_to_unsigned (what + strlen ("disk-full:"), 10, 1, G_MAXINT64,
                                                                           &later, NULL))
        bytes = later;
      /* The soft limit only: a served worker lifts it for its next file
       * (eyl_worker_child_serve). */
      if (getrlimit (RLIMIT_FSIZE, &limit) != 0)
        g_warning ("getrlimit (RLIMIT_FSIZE): %s", g_strerror (errno));
      limit.rlim_cur = MIN ((rlim_t) bytes, limit.rlim_max);

      /* Writes beyond the limit fail with EFBIG instead of killing the
       * process: the same path as a full disk. */
      signal (SIGXFSZ, SIG_IGN);
      if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
        g_warning ("setrlimit (RLIMIT_FSIZE): %s", g_strerror (errno));
      return;
    }

  {
    /* The export's hook for this file only: a served worker checks the
     * next one with the hooks it was started with. */
    g_autofree char *saved = g_strdup (g_getenv ("EYL_WORKER_SIMULATE"));

    g_setenv ("EYL_WORKER_SIMULATE", what, TRUE);
    eyl_worker_child_simulate ();
    if (saved != NULL)
      g_setenv ("EYL_WORKER_SIMULATE", saved, TRUE);
    else
      g_unsetenv ("EYL_WORKER_SIMULATE");
  }
}

EylFileResult *
eyl_worker_render_page (const char    *path,
                        const char    *password,
                        guint          page_index,
                        const EylRect *area,
                        double         scale,
                        const char    *png_path)
{
  g_autoptr(EylDocument) document = NULL;
  g_autoptr(EylRaster) raster = NULL;
  g_autoptr(GError) error = NULL;
  EylRenderer    renderer;
  cairo_status_t status;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (area != NULL, NULL);
  g_return_val_if_fail (png_path != NULL, NULL);

  document = eyl_document_open (path, password, NULL, &error);
  if (document == NULL)
    return eyl_file_result_new_error (path, error);
  eyl_progress_report (EYL_WORKER_STAGE_ANALYSIS, page_index + 1,
                       eyl_document_get_n_pages (document));

  eyl_renderer_init (&renderer);
  if (!eyl_document_get_renderer (document, page_index, &renderer))
    {
      g_set_error (&error, EYL_ERROR, EYL_ERROR_PAGE,
                   _("The document has no page %u."), page_index + 1);
      return eyl_file_result_new_error (path, error);
    }
  raster = eyl_renderer_render (&renderer, area, scale, &error);
  if (raster == NULL)
    return eyl_file_result_new_error (path, error);
  if (eyl_document_get_n_out_of_memory (document) > 0)
    {
      g_set_error (&error, EYL_ERROR, EYL_ERROR_MEMORY,
                   _("Page %u needs more memory to render than the limit allows"),
                      page_index + 1);
      return eyl_file_result_new_error (path, error);
    }
  status = cairo_surface_write_to_png (eyl_raster_get_surface (raster), png_path);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (&error, EYL_ERROR, EYL_ERROR_OUTPUT, "%s: %s", png_path,
                   cairo_status_to_string (status));
      return eyl_file_result_new_error (path, error);
    }
  return eyl_file_result_new (path);
}

EylFileResult *
eyl_worker_render_logo (const char *path,
                        const char *png_path)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (png_path != NULL, NULL);

  if (!eyl_detect_logos_render_file (path, png_path, &error))
    {
      g_autoptr(GError) logo_error = g_error_new_literal (EYL_ERROR, EYL_ERROR_CONFIG,
                                                           error->message);

      return eyl_file_result_new_error (path, logo_error);
    }
  return eyl_file_result_new (path);
}

void
eyl_worker_child_simulate_file (const char *path)
{
  const char      *only = g_getenv ("EYL_WORKER_SIMULATE_FILE");
  g_autofree char *base = NULL;

  if (only != NULL && only[0] != '\0')
    {
      base = g_path_get_basename (path);
      if (!g_str_equal (base, only))
        return;
    }
  eyl_worker_child_simulate ();
}

/* ---------------------------------------------------------------------- */
/* Serving files one after another                                         */

#define REQUEST_TYPE "a{sv}"
/* A request is a path, a password and the settings: far below this. */
#define REQUEST_MAX_BYTES (16 * 1024 * 1024)

/* Reads one request; NULL at the end of input (and @error unset) or when
 * the frame is not one of this version (@error set). */
static GVariant *
read_request (GError **error)
{
  char      header[64];
  guint     version;
  guint64   len;
  guchar   *data;
  gsize     got;
  GVariant *variant;

  if (fgets (header, sizeof header, stdin) == NULL)
    return NULL;
  if (sscanf (header, "EYL-REQUEST %u %" G_GUINT64_FORMAT, &version, &len) != 2 ||
      version != EYL_WORKER_PROTOCOL_VERSION || len > REQUEST_MAX_BYTES)
    {
      g_set_error (error, EYL_ERROR, EYL_ERROR_USAGE, "not a request of this version: %.40s",
                   header);
      return NULL;
    }
  data = g_malloc (len > 0 ? len : 1);
  got = fread (data, 1, len, stdin);
  if (got != len)
    {
      g_free (data);
      g_set_error_literal (error, EYL_ERROR, EYL_ERROR_USAGE, "a request was cut short");
      return NULL;
    }
  variant = g_variant_new_from_data (G_VARIANT_TYPE (REQUEST_TYPE), data, len, FALSE,
                                     g_free, data);
  return g_variant_ref_sink (variant);
}

gboolean
eyl_worker_child_write_all (int           fd,
                            gconstpointer data,
                            gsize         len)
{
  gsize written = 0;

  while (written < len)
    {
      gssize n = write (fd, (const char *) data + written, len - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      written += (gsize) n;
    }
  return TRUE;
}

gboolean
eyl_worker_child_serve (int                out_fd,
                        EylWorkerServeFunc func,
                        gpointer           user_data)
{
  g_return_val_if_fail (func != NULL, FALSE);

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GVariant) variant = read_request (&error);
      g_autoptr(GVariant) settings = NULL;
      g_autoptr(EylFileResult) result = NULL;
      g_autoptr(GBytes) answer = NULL;
      g_autofree char *password = NULL;
      g_autofree char *header = NULL;
      g_autofree char *mark = NULL;
      EylWorkerRequest request = { 0 };
      const char      *export_mode = NULL;
      const char      *path = NULL;
      gconstpointer    data;
      gsize            len;

      if (variant == NULL)
        {
          if (error != NULL)
            g_printerr ("eyeline-worker: %s\n", error->message);
          return error == NULL;
        }
      g_variant_lookup (variant, "seq", "u", &request.seq);
      g_variant_lookup (variant, "path", "^&ay", &path);
      g_variant_lookup (variant, "password", "^ay", &password);
      g_variant_lookup (variant, "export-mode", "&s", &export_mode);
      g_variant_lookup (variant, "export-dir", "^&ay", &request.export_dir);
      settings = g_variant_lookup_value (variant, "settings", G_VARIANT_TYPE_VARDICT);
      if (path == NULL || path[0] == '\0')
        {
          g_printerr ("eyeline-worker: a request without a file\n");
          return FALSE;
        }
      request.path = path;
      request.password = password;
      request.settings = settings;
      if (export_mode == NULL || request.export_dir == NULL ||
          !eyl_export_mode_from_string (export_mode, &request.export_mode))
        request.export_mode = EYL_EXPORT_NONE;

      eyl_progress_set_request (request.seq);
      eyl_stage_count ("files");
      /* Nothing of the file before: a full disk simulated for it. */
      {
        struct rlimit fsize;

        if (getrlimit (RLIMIT_FSIZE, &fsize) == 0 && fsize.rlim_cur != fsize.rlim_max)
          {
            fsize.rlim_cur = fsize.rlim_max;
            setrlimit (RLIMIT_FSIZE, &fsize);
          }
      }
      eyl_worker_child_simulate_file (path);
      result = func (&request, user_data);
      if (password != NULL)
        memset (password, 0, strlen (password));

      /* The messages of this file end here, before its answer. */
      mark = g_strdup_printf ("\n" EYL_WORKER_END_MARK "%u\n", (guint) request.seq);
      if (!eyl_worker_child_write_all (STDERR_FILENO, mark, strlen (mark)))
        return FALSE;
      answer = eyl_channel_write (result);
      g_clear_pointer (&result, eyl_file_result_unref);
#ifdef HAVE_MALLOC_TRIM
      /* The heap the file freed goes back to the system before the
       * answer, not after it: the pool reads this worker's resident
       * memory as soon as the answer arrives, to decide whether it takes
       * the next file (what it keeps: its engines, not the last file's
       * heap).  Trimmed after the answer, the pool raced the trim and
       * mostly saw the untrimmed heap: over the corpus' 44 files in one
       * run it retired 7 workers, each starting Tesseract again. */
      malloc_trim (0);
#endif
      data = g_bytes_get_data (answer, &len);
      header = g_strdup_printf ("EYL-ANSWER %u %u %" G_GSIZE_FORMAT "\n",
                                EYL_WORKER_PROTOCOL_VERSION, (guint) request.seq, len);
      if (!eyl_worker_child_write_all (out_fd, header, strlen (header)) ||
          !eyl_worker_child_write_all (out_fd, data, len))
        {
          g_printerr ("eyeline-worker: %s\n", g_strerror (errno));
          return FALSE;
        }
      eyl_progress_set_request (0);
    }
}
