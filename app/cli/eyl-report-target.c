/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-report-target.c: where `eyeline-cli check -o FILE` writes (see
 * eyl-report-target.h). */
#include "config.h"

#define G_LOG_DOMAIN "eyeline-cli"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "eyl-error.h"
#include "eyl-report-target.h"

struct _EylReportTarget
{
  char *path;       /* as given, for messages */
  char *final_path; /* what the temporary file becomes; NULL in place */
  char *temp_path;  /* NULL in place, and once renamed */
  int   fd;         /* -1: a FIFO opened at commit, when its reader is there */
};

static gboolean
target_error (GError    **error,
              const char *path,
              int         err)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, EYL_ERROR, EYL_ERROR_OUTPUT,
               _("Cannot write “%s”: %s"), display, g_strerror (err));
  return FALSE;
}

static gboolean
same_file_as_fd (const GStatBuf *st,
                 int             fd)
{
  struct stat fd_st;

  return fstat (fd, &fd_st) == 0 && fd_st.st_dev == st->st_dev && fd_st.st_ino == st->st_ino;
}

/* A device, a FIFO, a terminal: opened for writing as it is.  A FIFO
 * whose reader has not come yet is opened at commit time (as a shell's
 * redirection would wait for it then). */
static gboolean
open_in_place (EylReportTarget *self,
               GError         **error)
{
  self->fd = g_open (self->path, O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC, 0);
  if (self->fd < 0)
    {
      int err = errno;

      if (err == ENXIO && access (self->path, W_OK) == 0)
        return TRUE;
      return target_error (error, self->path, err);
    }
  /* Written like any other file from here on. */
  if (fcntl (self->fd, F_SETFL, fcntl (self->fd, F_GETFL) & ~O_NONBLOCK) != 0)
    return target_error (error, self->path, errno);
  return TRUE;
}

/* A hidden temporary file beside @final_path, with @mode. */
static gboolean
open_temp (EylReportTarget *self,
           int              mode,
           gboolean         set_mode,
           GError         **error)
{
  g_autofree char *dir = g_path_get_dirname (self->final_path);
  g_autofree char *base = g_path_get_basename (self->final_path);
  g_autofree char *name = g_strdup_printf (".%s-XXXXXX", base);

  self->temp_path = g_build_filename (dir, name, NULL);
  self->fd = g_mkstemp_full (self->temp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (self->fd < 0)
    {
      int err = errno;

      g_clear_pointer (&self->temp_path, g_free);
      return target_error (error, self->path, err);
    }
  /* A replaced file keeps its permissions. */
  if (set_mode && fchmod (self->fd, (mode_t) mode) != 0)
    g_debug ("fchmod %s: %s", self->temp_path, g_strerror (errno));
  return TRUE;
}

EylReportTarget *
eyl_report_target_open (const char *path,
                        GError    **error)
{
  g_autoptr(EylReportTarget) self = NULL;
  g_autofree char *display = NULL;
  GStatBuf         st;

  g_return_val_if_fail (path != NULL, NULL);

  if (path[0] == '\0')
    {
      g_set_error (error, EYL_ERROR, EYL_ERROR_OUTPUT, _("the file name is empty"));
      return NULL;
    }

  self = g_new0 (EylReportTarget, 1);
  self->path = g_strdup (path);
  self->fd = -1;
  display = g_filename_display_name (path);

  if (g_stat (path, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          g_set_error (error, EYL_ERROR, EYL_ERROR_OUTPUT, _("“%s” is a folder."), display);
          return NULL;
        }
      /* Standard output or error under another name (/dev/stdout,
       * /proc/self/fd/1): whatever it is, it is written where it goes. */
      if (same_file_as_fd (&st, STDOUT_FILENO) || same_file_as_fd (&st, STDERR_FILENO))
        {
          self->fd = fcntl (same_file_as_fd (&st, STDOUT_FILENO) ? STDOUT_FILENO : STDERR_FILENO,
                            F_DUPFD_CLOEXEC, 3);
          if (self->fd < 0)
            {
              target_error (error, path, errno);
              return NULL;
            }
          return g_steal_pointer (&self);
        }
      if (!S_ISREG (st.st_mode))
        return open_in_place (self, error) ? g_steal_pointer (&self) : NULL;

      /* Through a link, the file it points to is replaced. */
      self->final_path = realpath (path, NULL);
      if (self->final_path == NULL)
        {
          target_error (error, path, errno);
          return NULL;
        }
      return open_temp (self, st.st_mode & 07777, TRUE, error) ? g_steal_pointer (&self) : NULL;
    }

  if (errno != ENOENT)
    {
      target_error (error, path, errno);
      return NULL;
    }
  if (g_lstat (path, &st) == 0)
    {
      g_set_error (error, EYL_ERROR, EYL_ERROR_OUTPUT,
                   _("“%s” is a symbolic link to a file that does not exist."), display);
      return NULL;
    }
  self->final_path = g_strdup (path);
  return open_temp (self, 0, FALSE, error) ? g_steal_pointer (&self) : NULL;
}

const char *
eyl_report_target_get_temp_path (EylReportTarget *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->temp_path;
}

gboolean
eyl_report_target_commit (EylReportTarget *self,
                          const char      *contents,
                          gsize            length,
                          GError         **error)
{
  int err = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->fd < 0 && self->temp_path == NULL)
    {
      self->fd = g_open (self->path, O_WRONLY | O_NOCTTY | O_CLOEXEC, 0);
      if (self->fd < 0)
        return target_error (error, self->path, errno);
    }

  while (length > 0 && err == 0)
    {
      gssize n = write (self->fd, contents, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        err = n < 0 ? errno : ENOSPC;
      else
        {
          contents += n;
          length -= (gsize) n;
        }
    }
  /* A published report is complete even after a power cut. */
  if (err == 0 && self->temp_path != NULL && fsync (self->fd) != 0)
    err = errno;
  if (close (self->fd) != 0 && err == 0)
    err = errno;
  self->fd = -1;
  if (err == 0 && self->temp_path != NULL)
    {
      if (g_rename (self->temp_path, self->final_path) != 0)
        err = errno;
      else
        g_clear_pointer (&self->temp_path, g_free);
    }
  if (err != 0)
    return target_error (error, self->path, err);
  return TRUE;
}

void
eyl_report_target_free (EylReportTarget *self)
{
  if (self == NULL)
    return;
  if (self->fd >= 0)
    close (self->fd);
  if (self->temp_path != NULL && g_unlink (self->temp_path) != 0)
    g_debug ("could not remove %s: %s", self->temp_path, g_strerror (errno));
  g_free (self->temp_path);
  g_free (self->final_path);
  g_free (self->path);
  g_free (self);
}
