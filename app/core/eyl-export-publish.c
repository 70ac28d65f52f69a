/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-export-publish.c: the export's names and its publishing
 * (eyl-export.h): output names, the private folder a worker writes into,
 * the guard that keeps two files from one name, publishing what a worker
 * wrote once it exited cleanly.  Apart from the writers (eyl-export.c),
 * which need Poppler, Cairo and Pango: this is the parent's side, and the
 * command line links none of those. */
#include "config.h"

#define G_LOG_DOMAIN "eyeline-export"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "eyl-error.h"
#include "eyl-export.h"
#include "eyl-export-private.h"

static const struct
{
  EylExportMode mode;
  const char   *name;
} modes[] = {
  { EYL_EXPORT_NONE, "none" },
  { EYL_EXPORT_OVERLAY, "overlay" },
  { EYL_EXPORT_ANNOTATIONS, "annotations" },
  { EYL_EXPORT_PNG, "png" },
  { EYL_EXPORT_WALKUP, "walkup" },
  { EYL_EXPORT_CVD, "cvd" },
  { EYL_EXPORT_ATTENTION, "attention" },
};

const char *
eyl_export_mode_to_string (EylExportMode mode)
{
  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    if (modes[i].mode == mode)
      return modes[i].name;
  return "none";
}

gboolean
eyl_export_mode_from_string (const char    *string,
                             EylExportMode *mode)
{
  for (guint i = 0; string != NULL && i < G_N_ELEMENTS (modes); i++)
    if (g_str_equal (string, modes[i].name))
      {
        if (mode != NULL)
          *mode = modes[i].mode;
        return TRUE;
      }
  return FALSE;
}

/* An output's name is its input's, cut to this many bytes, and a suffix:
 * a file name holds at most 255 bytes (NAME_MAX on Linux file systems),
 * and the longest suffix with a page and a number to keep it new
 * ("-colour-vision-p99999-999.png") takes 29. */
#define STEM_MAX_BYTES 200

char *
eyl_export_output_name (const char   *input_path,
                        EylExportMode mode,
                        guint         page,
                        guint         n_pages)
{
  g_autofree char *base = g_path_get_basename (input_path);
  g_autofree char *lower = g_ascii_strdown (base, -1);
  const char      *stem = base;
  gsize            len = strlen (base);

  if (g_str_has_suffix (lower, ".pdf"))
    {
      len -= 4;
      base[len] = '\0';
    }
  /* No hidden outputs, nothing that reads as a folder. */
  while (*stem == '.')
    stem++;
  if (*stem == '\0' || g_str_equal (base, G_DIR_SEPARATOR_S))
    stem = "document";
  if (strlen (stem) > STEM_MAX_BYTES)
    {
      /* On a character's boundary when the name is UTF-8. */
      char *end = (char *) stem + STEM_MAX_BYTES;

      if (g_utf8_validate (stem, -1, NULL))
        end = g_utf8_find_prev_char (stem, end + 1);
      *end = '\0';
    }

  switch (mode)
    {
    case EYL_EXPORT_ANNOTATIONS:
      return g_strdup_printf ("%s-annotated.pdf", stem);
    case EYL_EXPORT_PNG:
      if (n_pages > 1)
        return g_strdup_printf ("%s-eyeline-p%u.png", stem, page);
      return g_strdup_printf ("%s-eyeline.png", stem);
    case EYL_EXPORT_WALKUP:
      if (n_pages > 1)
        return g_strdup_printf ("%s-walkup-p%u.png", stem, page);
      return g_strdup_printf ("%s-walkup.png", stem);
    case EYL_EXPORT_ATTENTION:
      if (n_pages > 1)
        return g_strdup_printf ("%s-attention-p%u.png", stem, page);
      return g_strdup_printf ("%s-attention.png", stem);
    case EYL_EXPORT_CVD:
      if (n_pages > 1)
        return g_strdup_printf ("%s-colour-vision-p%u.png", stem, page);
      return g_strdup_printf ("%s-colour-vision.png", stem);
    case EYL_EXPORT_OVERLAY:
    case EYL_EXPORT_NONE:
    default:
      return g_strdup_printf ("%s-eyeline.pdf", stem);
    }
}

/* ---------------------------------------------------------------------- */
/* Writing files: a new file in the worker's private folder, every error
 * kept with its errno. */

gboolean
eyl_export_output_error (GError    **error,
                         const char *name,
                         int         err)
{
  g_set_error (error, EYL_ERROR, EYL_ERROR_OUTPUT,
               _("Could not write “%s”: %s"), name, g_strerror (err));
  return FALSE;
}

gboolean
eyl_export_sink_open (EylExportSink *sink,
                      const char    *dir,
                      const char    *name,
                      GError       **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  sink->error = 0;
  sink->name = name;
  sink->fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (sink->fd < 0)
    return eyl_export_output_error (error, name, errno);
  return TRUE;
}

cairo_status_t
eyl_export_sink_write (void                *closure,
                       const unsigned char *data,
                       unsigned int         length)
{
  EylExportSink *sink = closure;

  if (sink->error != 0)
    return CAIRO_STATUS_WRITE_ERROR;
  while (length > 0)
    {
      ssize_t n = write (sink->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          sink->error = n < 0 ? errno : ENOSPC;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= (unsigned int) n;
    }
  return CAIRO_STATUS_SUCCESS;
}

/* Flushes the file to disk before it may be renamed into place: a
 * published output is complete even after a power cut. */
gboolean
eyl_export_sink_close (EylExportSink *sink,
                       GError       **error)
{
  if (sink->fd >= 0)
    {
      if (sink->error == 0 && fsync (sink->fd) != 0 && errno != EINVAL)
        sink->error = errno;
      if (close (sink->fd) != 0 && sink->error == 0)
        sink->error = errno;
      sink->fd = -1;
    }
  if (sink->error != 0)
    return eyl_export_output_error (error, sink->name, sink->error);
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Parent side: publishing */

typedef struct
{
  dev_t dev;
  ino_t ino;
} FileId;

typedef struct
{
  char    *key; /* the name the outputs are numbered by */
  gboolean settled;
} Ticket;

typedef struct
{
  guint     ticket;
  GCallback resume; /* void (*) (gpointer data) */
  gpointer  data;
} Waiter;

struct _EylExportGuard
{
  gatomicrefcount ref_count;
  GMutex          lock;
  GArray         *inputs;    /* FileId */
  GHashTable     *published; /* paths published in this run */
  GArray         *tickets;   /* Ticket, in the order taken */
  GArray         *waiters;   /* Waiter */
};

static void
ticket_clear (Ticket *ticket)
{
  g_free (ticket->key);
}

EylExportGuard *
eyl_export_guard_new (void)
{
  EylExportGuard *self = g_new0 (EylExportGuard, 1);

  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->lock);
  self->inputs = g_array_new (FALSE, FALSE, sizeof (FileId));
  self->published = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->tickets = g_array_new (FALSE, TRUE, sizeof (Ticket));
  g_array_set_clear_func (self->tickets, (GDestroyNotify) ticket_clear);
  self->waiters = g_array_new (FALSE, TRUE, sizeof (Waiter));
  return self;
}

EylExportGuard *
eyl_export_guard_ref (EylExportGuard *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
eyl_export_guard_unref (EylExportGuard *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_mutex_clear (&self->lock);
  g_array_unref (self->inputs);
  g_hash_table_unref (self->published);
  g_array_unref (self->tickets);
  g_array_unref (self->waiters);
  g_free (self);
}

guint
eyl_export_guard_take_ticket (EylExportGuard *self,
                              const char     *key)
{
  Ticket ticket = { g_strdup (key), FALSE };
  guint  n;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (key != NULL, 0);

  g_mutex_lock (&self->lock);
  n = self->tickets->len;
  g_array_append_val (self->tickets, ticket);
  g_mutex_unlock (&self->lock);
  return n;
}

static gboolean
may_publish_locked (EylExportGuard *self,
                    guint           ticket)
{
  const Ticket *mine = &g_array_index (self->tickets, Ticket, ticket);

  for (guint i = 0; i < ticket; i++)
    {
      const Ticket *earlier = &g_array_index (self->tickets, Ticket, i);

      if (!earlier->settled && g_str_equal (earlier->key, mine->key))
        return FALSE;
    }
  return TRUE;
}

gboolean
eyl_export_guard_may_publish (EylExportGuard *self,
                              guint           ticket)
{
  gboolean may;

  g_return_val_if_fail (self != NULL, TRUE);

  g_mutex_lock (&self->lock);
  may = ticket >= self->tickets->len || may_publish_locked (self, ticket);
  g_mutex_unlock (&self->lock);
  return may;
}

void
eyl_export_guard_wait (EylExportGuard *self,
                       guint           ticket,
                       GCallback       resume,
                       gpointer        data)
{
  Waiter waiter = { ticket, resume, data };

  g_return_if_fail (self != NULL);
  g_return_if_fail (resume != NULL);

  g_mutex_lock (&self->lock);
  g_array_append_val (self->waiters, waiter);
  g_mutex_unlock (&self->lock);
}

void
eyl_export_guard_settle (EylExportGuard *self,
                         guint           ticket)
{
  g_autoptr(GArray) ready = g_array_new (FALSE, FALSE, sizeof (Waiter));

  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->lock);
  if (ticket < self->tickets->len && !g_array_index (self->tickets, Ticket, ticket).settled)
    {
      g_array_index (self->tickets, Ticket, ticket).settled = TRUE;
      for (guint i = self->waiters->len; i > 0; i--)
        {
          Waiter *waiter = &g_array_index (self->waiters, Waiter, i - 1);

          if (may_publish_locked (self, waiter->ticket))
            {
              g_array_prepend_val (ready, *waiter);
              g_array_remove_index (self->waiters, i - 1);
            }
        }
    }
  g_mutex_unlock (&self->lock);

  /* Outside the lock: each publishes and settles in turn.  (Two ready
   * at once have different keys: the order between them does not
   * matter.) */
  for (guint i = 0; i < ready->len; i++)
    {
      Waiter *waiter = &g_array_index (ready, Waiter, i);

      ((void (*) (gpointer)) waiter->resume) (waiter->data);
    }
}

void
eyl_export_guard_add_input (EylExportGuard *self,
                            const char     *path)
{
  GStatBuf st;
  FileId   id;

  g_return_if_fail (self != NULL);

  if (g_stat (path, &st) != 0)
    return;
  id.dev = st.st_dev;
  id.ino = st.st_ino;
  g_mutex_lock (&self->lock);
  g_array_append_val (self->inputs, id);
  g_mutex_unlock (&self->lock);
}

static gboolean
guard_is_input (EylExportGuard *self,
                const GStatBuf *st)
{
  for (guint i = 0; self != NULL && i < self->inputs->len; i++)
    {
      const FileId *id = &g_array_index (self->inputs, FileId, i);

      if (id->dev == st->st_dev && id->ino == st->st_ino)
        return TRUE;
    }
  return FALSE;
}

char *
eyl_export_make_temp_dir (const char *target_dir,
                          GError    **error)
{
  g_autofree char *display = g_filename_display_name (target_dir);
  g_autofree char *template = NULL;
  int saved;

  if (g_mkdir_with_parents (target_dir, 0755) != 0)
    {
      saved = errno;
      g_set_error (error, EYL_ERROR, EYL_ERROR_OUTPUT,
                   _("Cannot create the output folder “%s”: %s"), display, g_strerror (saved));
      return NULL;
    }
  if (!g_file_test (target_dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, EYL_ERROR, EYL_ERROR_OUTPUT,
                   _("The output folder “%s” is not a folder."), display);
      return NULL;
    }

  template = g_build_filename (target_dir, ".eyeline-XXXXXX", NULL);
  if (g_mkdtemp_full (template, 0700) == NULL)
    {
      saved = errno;
      g_set_error (error, EYL_ERROR, EYL_ERROR_OUTPUT,
                   _("Cannot write into the output folder “%s”: %s"), display, g_strerror (saved));
      return NULL;
    }
  return g_steal_pointer (&template);
}

void
eyl_export_remove_temp_dir (const char *temp_dir)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (temp_dir == NULL)
    return;
  dir = g_dir_open (temp_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (temp_dir, name, NULL);

      if (g_unlink (path) != 0)
        g_debug ("could not remove %s: %s", path, g_strerror (errno));
    }
  if (g_rmdir (temp_dir) != 0)
    g_debug ("could not remove %s: %s", temp_dir, g_strerror (errno));
}

/* "banner-eyeline.pdf", n = 2 → "banner-eyeline-2.pdf" */
static char *
numbered_name (const char *name,
               guint       n)
{
  const char *dot = strrchr (name, '.');

  if (n <= 1)
    return g_strdup (name);
  if (dot == NULL || dot == name)
    return g_strdup_printf ("%s-%u", name, n);
  return g_strdup_printf ("%.*s-%u%s", (int) (dot - name), name, n, dot);
}

/* Moves @from to @to unless @to exists: atomic, never replaces. */
static int
rename_no_replace (const char *from,
                   const char *to)
{
  if (renameat2 (AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
    return 0;
  if (errno != EINVAL && errno != ENOSYS)
    return errno;
  /* File systems without RENAME_NOREPLACE: link() fails on an existing
   * name just the same. */
  if (link (from, to) != 0)
    return errno;
  g_unlink (from);
  return 0;
}

/* With @overwrite: may @target (which exists) be replaced? */
static gboolean
check_replaceable (EylExportGuard *guard,
                   const char     *target,
                   GError        **error)
{
  g_autofree char *display = g_filename_display_name (target);
  GStatBuf         st;

  if (g_lstat (target, &st) != 0)
    return TRUE;
  if (S_ISLNK (st.st_mode))
    {
      g_set_error (error, EYL_ERROR, EYL_ERROR_OUTPUT,
                   _("“%s” is a symbolic link; it is not overwritten."), display);
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, EYL_ERROR, EYL_ERROR_OUTPUT,
                   _("“%s” exists and is not a regular file."), display);
      return FALSE;
    }
  if (guard_is_input (guard, &st))
    {
      g_set_error (error, EYL_ERROR, EYL_ERROR_OUTPUT,
                   _("“%s” is one of the input files; it is never overwritten."), display);
      return FALSE;
    }
  if (st.st_nlink > 1)
    {
      g_set_error (error, EYL_ERROR, EYL_ERROR_OUTPUT,
                   _("“%s” has other hard links; it is not overwritten."), display);
      return FALSE;
    }
  return TRUE;
}

/* Is @target taken for a new output: published earlier in this run, or
 * (without @overwrite) anything there, even a link to nothing? */
static gboolean
target_taken (EylExportGuard *guard,
              const char     *target,
              gboolean        overwrite)
{
  GStatBuf st;
  gboolean taken;

  g_mutex_lock (&guard->lock);
  taken = g_hash_table_contains (guard->published, target);
  g_mutex_unlock (&guard->lock);
  return taken || (!overwrite && g_lstat (target, &st) == 0);
}

/* One output of a set being published: where it comes from, where it
 * goes, and (with overwrite) a hard link to what it replaced, kept in
 * the temporary folder until the whole set is in place. */
typedef struct
{
  char    *from;
  char    *target;
  char    *backup;
  gboolean moved;
} Move;

static void
move_clear (Move *move)
{
  g_free (move->from);
  g_free (move->target);
  g_free (move->backup);
}

/* Puts the targets back as they were: a replaced file from its backup, a
 * new one back into the temporary folder. */
static void
undo_moves (GArray *moves)
{
  for (guint i = moves->len; i > 0; i--)
    {
      Move *move = &g_array_index (moves, Move, i - 1);

      if (!move->moved)
        continue;
      if (move->backup != NULL ? g_rename (move->backup, move->target) != 0
                               : g_rename (move->target, move->from) != 0)
        g_warning ("Could not undo the export of %s: %s", move->target, g_strerror (errno));
      move->moved = FALSE;
    }
}

/* Moves every file of the set into place, or none: 0, EEXIST when a
 * name was taken meanwhile (without overwrite), or the errno of a failed
 * rename (@failed says which). */
static int
move_all (GArray      *moves,
          const char  *temp_dir,
          gboolean     overwrite,
          const char **failed)
{
  for (guint i = 0; i < moves->len; i++)
    {
      Move *move = &g_array_index (moves, Move, i);
      int   err = 0;

      if (overwrite)
        {
          g_autofree char *backup_name = g_strdup_printf ("replaced-%u", i);

          move->backup = g_build_filename (temp_dir, backup_name, NULL);
          if (link (move->target, move->backup) != 0)
            g_clear_pointer (&move->backup, g_free); /* nothing there, or no hard links */
          /* rename() replaces the name, never writes through it. */
          if (g_rename (move->from, move->target) != 0)
            err = errno;
        }
      else
        err = rename_no_replace (move->from, move->target);

      if (err != 0)
        {
          *failed = move->target;
          undo_moves (moves);
          return err;
        }
      move->moved = TRUE;
    }
  return 0;
}

gboolean
eyl_export_publish (const char     *temp_dir,
                    GPtrArray      *names,
                    const char     *target_dir,
                    gboolean        overwrite,
                    EylExportGuard *guard,
                    GPtrArray      *published,
                    GError        **error)
{
  g_autofree char *display_dir = NULL;

  g_return_val_if_fail (temp_dir != NULL, FALSE);
  g_return_val_if_fail (names != NULL, FALSE);
  g_return_val_if_fail (guard != NULL, FALSE);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      /* Names come from the worker: base names only. */
      if (name[0] == '\0' || name[0] == '.' || strchr (name, G_DIR_SEPARATOR) != NULL)
        {
          g_set_error (error, EYL_ERROR, EYL_ERROR_OUTPUT,
                       _("The worker returned an invalid output name “%s”."), name);
          return FALSE;
        }
    }
  if (names->len == 0)
    return TRUE;
  display_dir = g_filename_display_name (target_dir);

  /* One number for the whole set (banner-eyeline-p1-2.png goes with
   * banner-eyeline-p2-2.png), the first that is free for every name. */
  for (guint n = 1; n < 10000; n++)
    {
      g_autoptr(GArray) moves = g_array_new (FALSE, TRUE, sizeof (Move));
      const char *failed = NULL;
      gboolean    taken = FALSE;
      int         err;

      g_array_set_clear_func (moves, (GDestroyNotify) move_clear);
      for (guint i = 0; i < names->len && !taken; i++)
        {
          const char      *name = g_ptr_array_index (names, i);
          g_autofree char *candidate = numbered_name (name, n);
          Move             move = { 0 };

          move.from = g_build_filename (temp_dir, name, NULL);
          move.target = g_build_filename (target_dir, candidate, NULL);
          taken = target_taken (guard, move.target, overwrite);
          g_array_append_val (moves, move);
        }
      if (taken)
        continue;

      /* Every refusal before anything is moved. */
      for (guint i = 0; overwrite && i < moves->len; i++)
        if (!check_replaceable (guard, g_array_index (moves, Move, i).target, error))
          return FALSE;

      err = move_all (moves, temp_dir, overwrite, &failed);
      if (err == EEXIST && !overwrite)
        continue;
      if (err != 0)
        {
          g_autofree char *display = g_filename_display_basename (failed);

          g_set_error (error, EYL_ERROR, EYL_ERROR_OUTPUT,
                       _("Could not save “%s” in “%s”: %s"), display, display_dir,
                          g_strerror (err));
          return FALSE;
        }

      g_mutex_lock (&guard->lock);
      for (guint i = 0; i < moves->len; i++)
        g_hash_table_add (guard->published, g_strdup (g_array_index (moves, Move, i).target));
      g_mutex_unlock (&guard->lock);
      for (guint i = 0; published != NULL && i < moves->len; i++)
        g_ptr_array_add (published, g_steal_pointer (&g_array_index (moves, Move, i).target));
      return TRUE;
    }

  g_set_error (error, EYL_ERROR, EYL_ERROR_OUTPUT,
               _("Too many files named like “%s” in “%s”."),
                  (const char *) g_ptr_array_index (names, 0), display_dir);
  return FALSE;
}

char *
eyl_export_write_file (const char     *target_dir,
                       const char     *name,
                       const char     *contents,
                       gsize           length,
                       gboolean        overwrite,
                       EylExportGuard *guard,
                       GError        **error)
{
  g_autofree char *temp_dir = eyl_export_make_temp_dir (target_dir, error);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) published = g_ptr_array_new_with_free_func (g_free);
  EylExportSink sink;
  gboolean      ok;

  if (temp_dir == NULL)
    return NULL;

  ok = eyl_export_sink_open (&sink, temp_dir, name, error);
  if (ok)
    {
      eyl_export_sink_write (&sink, (const unsigned char *) contents, (unsigned int) length);
      ok = eyl_export_sink_close (&sink, error);
    }
  g_ptr_array_add (names, (gpointer) name);
  ok = ok && eyl_export_publish (temp_dir, names, target_dir, overwrite, guard, published, error);
  eyl_export_remove_temp_dir (temp_dir);
  if (!ok)
    return NULL;
  return g_strdup (g_ptr_array_index (published, 0));
}
