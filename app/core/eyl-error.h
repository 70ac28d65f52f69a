/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define EYL_ERROR (eyl_error_quark ())

/* The codes are part of the JSON report ("error.code"): keep the strings
 * of eyl_error_code_to_string() stable. */
typedef enum
{
  EYL_ERROR_NOT_FOUND,      /* "not-found": no such file, or unreadable */
  EYL_ERROR_NOT_PDF,        /* "not-pdf": empty file, PNG, HTML, ZIP, … */
  EYL_ERROR_INVALID,        /* "invalid": PDF damaged beyond repair */
  EYL_ERROR_ENCRYPTED,      /* "encrypted": a password is needed */
  EYL_ERROR_WRONG_PASSWORD, /* "wrong-password" */
  EYL_ERROR_NO_PAGES,       /* "no-pages": zero pages, or 0 × 0 pt pages */
  EYL_ERROR_PAGE,           /* "page-error": one page is unusable */
  EYL_ERROR_TIMEOUT,        /* "timeout": the worker overran its time budget */
  EYL_ERROR_MEMORY,         /* "memory": the worker hit its memory limit */
  EYL_ERROR_ENGINE_CRASH,   /* "engine-crash": the worker died */
  EYL_ERROR_OUTPUT,         /* "output": an output could not be written */
  EYL_ERROR_CONFIG,         /* "config": placement / brand kit file problem */
  EYL_ERROR_USAGE,          /* "usage": bad option value */
  EYL_ERROR_CANCELLED,      /* "cancelled" */
} EylErrorCode;

GQuark      eyl_error_quark (void);
const char *eyl_error_code_to_string (EylErrorCode code);
gboolean    eyl_error_code_from_string (const char   *str,
                                        EylErrorCode *code);

G_END_DECLS
