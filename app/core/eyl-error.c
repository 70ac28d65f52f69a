/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-error"

#include <string.h>

#include "eyl-error.h"

/* The quark's name as written (clang-format would space out its dashes). */
/* clang-format off */
G_DEFINE_QUARK (eyl-error-quark, eyl_error)
/* clang-format on */

/* Part of the JSON report ("error.code"): keep these strings stable. */
static const char *const error_codes[] = {
  [EYL_ERROR_NOT_FOUND] = "not-found",
  [EYL_ERROR_NOT_PDF] = "not-pdf",
  [EYL_ERROR_INVALID] = "invalid",
  [EYL_ERROR_ENCRYPTED] = "encrypted",
  [EYL_ERROR_WRONG_PASSWORD] = "wrong-password",
  [EYL_ERROR_NO_PAGES] = "no-pages",
  [EYL_ERROR_PAGE] = "page-error",
  [EYL_ERROR_TIMEOUT] = "timeout",
  [EYL_ERROR_MEMORY] = "memory",
  [EYL_ERROR_ENGINE_CRASH] = "engine-crash",
  [EYL_ERROR_OUTPUT] = "output",
  [EYL_ERROR_CONFIG] = "config",
  [EYL_ERROR_USAGE] = "usage",
  [EYL_ERROR_CANCELLED] = "cancelled",
};

const char *
eyl_error_code_to_string (EylErrorCode code)
{
  if ((int) code < 0 || (guint) code >= G_N_ELEMENTS (error_codes))
    return NULL;
  return error_codes[code];
}

gboolean
eyl_error_code_from_string (const char   *str,
                            EylErrorCode *code)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (error_codes); i++)
    {
      if (strcmp (error_codes[i], str) == 0)
        {
          if (code != NULL)
            *code = (EylErrorCode) i;
          return TRUE;
        }
    }
  return FALSE;
}
