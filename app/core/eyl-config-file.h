/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-config-file.h: reading the small files a user points Eyeline at —
 * placement files, brand kits, their logos, a password file — without
 * hanging on a FIFO nobody writes to and without reading a device or a
 * pipe without end.
 *
 * The file is opened with O_NONBLOCK and its type tested on the open
 * descriptor (fstat) before anything is read. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Placement files and brand kits are a few hundred bytes. */
#define EYL_CONFIG_FILE_MAX_BYTES (1024 * 1024)

typedef enum
{
  EYL_READ_DEFAULT = 0, /* regular files only */
  /* An anonymous pipe, as the shell's <(…) or /dev/stdin in a pipeline
   * give: read (up to the size bound) until its writer closes it.  A
   * named FIFO is still refused: nobody may ever write to it. */
  EYL_READ_PIPES = 1 << 0,
  /* Any FIFO, a terminal or another character device too (a password:
   * /dev/stdin on a terminal, a FIFO a script writes to). */
  EYL_READ_DEVICES = 1 << 1,
  /* Only the first line, without its line break (and a CR before it). */
  EYL_READ_ONE_LINE = 1 << 2,
} EylReadFlags;

/* Reads @path into @contents (NUL-terminated; @length may be NULL): at
 * most @max_bytes, or its first line with EYL_READ_ONE_LINE; a UTF-8 byte
 * order mark at the start of a whole file is dropped.  Errors are
 * EYL_ERROR_CONFIG and say the problem without the file name, for the
 * caller to put it in ("it is a FIFO (named pipe), not a regular file",
 * "it is larger than 1.0 MB", the system's words). */
gboolean eyl_config_file_read (const char  *path,
                               gsize        max_bytes,
                               EylReadFlags flags,
                               char       **contents,
                               gsize       *length,
                               GError     **error);

/* A key given twice in one group of the key file @contents (GKeyFile
 * keeps the last one without a word): TRUE and the first such @key (with
 * its [locale], if any) and its @group, newly allocated, and the lines of
 * both (1-based). */
gboolean eyl_config_file_find_duplicate_key (const char *contents,
                                             gsize       length,
                                             char      **group,
                                             char      **key,
                                             guint      *first_line,
                                             guint      *second_line);

/* Is @path a regular file that can be opened for reading?  Tested
 * without blocking and without reading (a logo of a brand kit). */
gboolean eyl_config_file_check (const char *path,
                                GError    **error);

G_END_DECLS
