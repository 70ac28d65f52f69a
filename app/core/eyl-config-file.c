/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-config-file.c: small files read without hanging (see
 * eyl-config-file.h). */
#include "config.h"

#define G_LOG_DOMAIN "eyl-config"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <linux/magic.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "eyl-config-file.h"
#include "eyl-error.h"

static gboolean
set_errno_error (GError **error,
                 int      err)
{
  g_set_error_literal (error, EYL_ERROR, EYL_ERROR_CONFIG, g_strerror (err));
  return FALSE;
}

/* Opens @path without blocking (a FIFO with no writer would block an
 * ordinary open for ever) and says what it is; -1 on error. */
static int
open_nonblocking (const char *path,
                  GStatBuf   *st,
                  GError    **error)
{
  int fd = g_open (path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC, 0);

  if (fd < 0)
    {
      set_errno_error (error, errno);
      return -1;
    }
  if (fstat (fd, st) != 0)
    {
      set_errno_error (error, errno);
      close (fd);
      return -1;
    }
  if (S_ISDIR (st->st_mode))
    {
      g_set_error_literal (error, EYL_ERROR, EYL_ERROR_CONFIG, _("it is a folder"));
      close (fd);
      return -1;
    }
  return fd;
}

/* May @fd (not a regular file) be read with @flags? */
static gboolean
check_special (int             fd,
               const GStatBuf *st,
               EylReadFlags    flags,
               GError        **error)
{
  struct statfs fs;

  if (flags & EYL_READ_DEVICES)
    return TRUE;
  if (S_ISFIFO (st->st_mode))
    {
      /* <(…) and shell pipelines are pipes of pipefs; a FIFO made with
       * mkfifo lives in an ordinary file system. */
      gboolean anonymous = fstatfs (fd, &fs) == 0 && fs.f_type == PIPEFS_MAGIC;

      if (anonymous && (flags & EYL_READ_PIPES))
        return TRUE;
      g_set_error_literal (error, EYL_ERROR, EYL_ERROR_CONFIG,
                           anonymous ? _("it is a pipe, not a regular file")
                                     : _("it is a FIFO (named pipe), not a regular file"));
      return FALSE;
    }
  g_set_error_literal (error, EYL_ERROR, EYL_ERROR_CONFIG,
                       _("it is a device or a socket, not a regular file"));
  return FALSE;
}

static gboolean
too_large (GError **error,
           gsize    max_bytes,
           gboolean one_line)
{
  g_autofree char *size = g_format_size (max_bytes);

  if (one_line)
    g_set_error (error, EYL_ERROR, EYL_ERROR_CONFIG,
                 _("its first line is longer than %s"), size);
  else
    g_set_error (error, EYL_ERROR, EYL_ERROR_CONFIG, _("it is larger than %s"), size);
  return FALSE;
}

gboolean
eyl_config_file_read (const char  *path,
                      gsize        max_bytes,
                      EylReadFlags flags,
                      char       **contents,
                      gsize       *length,
                      GError     **error)
{
  gboolean one_line = (flags & EYL_READ_ONE_LINE) != 0;
  g_autoptr(GByteArray) data = NULL;
  char    *newline = NULL;
  GStatBuf st;
  guint8   buf[4096];
  int      fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  fd = open_nonblocking (path, &st, error);
  if (fd < 0)
    return FALSE;
  if (!S_ISREG (st.st_mode) && !check_special (fd, &st, flags, error))
    {
      close (fd);
      return FALSE;
    }
  if (S_ISREG (st.st_mode) && !one_line && (guint64) st.st_size > max_bytes)
    {
      close (fd);
      return too_large (error, max_bytes, FALSE);
    }
  /* Read like any file from here: a pipe's writer is a process the user
   * started, and a FIFO without one reads as empty at once. */
  if (fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK) != 0)
    {
      int err = errno;

      close (fd);
      return set_errno_error (error, err);
    }

  data = g_byte_array_new ();
  for (;;)
    {
      gssize n = read (fd, buf, MIN (sizeof buf, max_bytes + 1 - data->len));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int err = errno;

          close (fd);
          return set_errno_error (error, err);
        }
      if (n == 0)
        break;
      g_byte_array_append (data, buf, (guint) n);
      if (one_line && (newline = memchr (data->data, '\n', data->len)) != NULL)
        break;
      if (data->len > max_bytes)
        break;
    }
  close (fd);

  if (one_line && newline != NULL)
    g_byte_array_set_size (data, (guint) ((guint8 *) newline - data->data));
  if (data->len > max_bytes)
    return too_large (error, max_bytes, one_line);
  if (one_line && data->len > 0 && data->data[data->len - 1] == '\r')
    g_byte_array_set_size (data, data->len - 1);
  if (data->len == 0 && S_ISFIFO (st.st_mode))
    {
      g_set_error_literal (error, EYL_ERROR, EYL_ERROR_CONFIG,
                           _("it is a pipe and nothing was written to it"));
      return FALSE;
    }

  /* Editors on Windows start UTF-8 files with a byte order mark;
   * GKeyFile would take it for part of the first line. */
  if (!one_line && data->len >= 3 && memcmp (data->data, "\xef\xbb\xbf", 3) == 0)
    g_byte_array_remove_range (data, 0, 3);

  if (length != NULL)
    *length = data->len;
  g_byte_array_append (data, (const guint8 *) "", 1);
  *contents = (char *) g_byte_array_free (g_steal_pointer (&data), FALSE);
  return TRUE;
}

gboolean
eyl_config_file_find_duplicate_key (const char *contents,
                                    gsize       length,
                                    char      **group,
                                    char      **key,
                                    guint      *first_line,
                                    guint      *second_line)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *text = g_strndup (contents, length);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *current = g_strdup ("");

  g_return_val_if_fail (contents != NULL || length == 0, FALSE);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char            *line = g_strstrip (lines[i]);
      char            *equals;
      g_autofree char *id = NULL;
      gpointer         earlier;

      /* as GKeyFile reads it: comments, groups, key=value */
      if (line[0] == '\0' || line[0] == '#')
        continue;
      if (line[0] == '[')
        {
          char *end = strchr (line, ']');

          g_free (current);
          current = g_strndup (line + 1, end != NULL ? (gsize) (end - line - 1) : strlen (line + 1));
          continue;
        }
      equals = strchr (line, '=');
      if (equals == NULL)
        continue;
      *equals = '\0';
      g_strchomp (line);
      /* the group and the key, apart: "[a]b" and "[a]" "b" cannot meet */
      id = g_strdup_printf ("%zu:%s\n%s", strlen (current), current, line);
      if (g_hash_table_lookup_extended (seen, id, NULL, &earlier))
        {
          *group = g_strdup (current);
          *key = g_strdup (line);
          *first_line = GPOINTER_TO_UINT (earlier);
          *second_line = i + 1;
          return TRUE;
        }
      g_hash_table_insert (seen, g_steal_pointer (&id), GUINT_TO_POINTER (i + 1));
    }
  return FALSE;
}

gboolean
eyl_config_file_check (const char *path,
                       GError    **error)
{
  GStatBuf st;
  int      fd;

  g_return_val_if_fail (path != NULL, FALSE);

  fd = open_nonblocking (path, &st, error);
  if (fd < 0)
    return FALSE;
  if (!S_ISREG (st.st_mode))
    {
      check_special (fd, &st, EYL_READ_DEFAULT, error);
      close (fd);
      return FALSE;
    }
  close (fd);
  return TRUE;
}
