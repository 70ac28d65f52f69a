/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-failure-page.h: what the window shows for a file (or a page) that
 * cannot be checked — an app-written headline and advice for the error's
 * kind, the technical detail behind it, Try Again and Close Document. */
#pragma once

#include <adwaita.h>

#include "eyl-error.h"

G_BEGIN_DECLS

#define EYL_TYPE_FAILURE_PAGE (eyl_failure_page_get_type ())
G_DECLARE_FINAL_TYPE (EylFailurePage, eyl_failure_page, EYL, FAILURE_PAGE, AdwBin)

GtkWidget *eyl_failure_page_new (void);
/* @detail: the worker's message, shown small below the advice. */
void eyl_failure_page_set_error (EylFailurePage *self,
                                 EylErrorCode    code,
                                 const char     *detail);
/* One page was skipped by the analysis; the others were checked. */
void eyl_failure_page_set_page_skipped (EylFailurePage *self);

G_END_DECLS
