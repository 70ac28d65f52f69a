/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-export-private.h: a new file in the worker's private folder, every
 * error kept with its errno — shared by the writers (eyl-export.c) and
 * eyl_export_write_file() (eyl-export-publish.c). */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  int         fd;
  int         error; /* first errno */
  const char *name;  /* for messages */
} EylExportSink;

/* EYL_ERROR_OUTPUT naming @name with @err's message; returns FALSE. */
gboolean eyl_export_output_error (GError    **error,
                                  const char *name,
                                  int         err);
/* @dir/@name, which must not exist yet. */
gboolean eyl_export_sink_open (EylExportSink *sink,
                               const char    *dir,
                               const char    *name,
                               GError       **error);
/* A cairo_write_func_t (@closure: the sink); the first error is kept. */
cairo_status_t eyl_export_sink_write (void                *closure,
                                      const unsigned char *data,
                                      unsigned int         length);
/* Flushed to disk and closed; the first error of its life, if any. */
gboolean eyl_export_sink_close (EylExportSink *sink,
                                GError       **error);

struct _PangoLayout;

/* @markup (set on @layout) with each run of characters that no font
 * has a glyph for made one ellipsis; NULL when every one has. */
char *eyl_export_markup_drawable (struct _PangoLayout *layout,
                                  const char          *markup);

G_END_DECLS
