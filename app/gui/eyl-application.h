/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-application.h: the Eyeline application — opens files given on the
 * command line or by the desktop, the primary menu's app actions. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define EYL_TYPE_APPLICATION (eyl_application_get_type ())
G_DECLARE_FINAL_TYPE (EylApplication, eyl_application, EYL, APPLICATION, AdwApplication)

EylApplication *eyl_application_new (void);

G_END_DECLS
