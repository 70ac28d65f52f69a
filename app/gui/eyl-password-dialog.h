/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-password-dialog.h: asks for the password of a locked document.
 * "Unlock" gives the password to the EylDocumentItem and queues it for a
 * new check; the window then schedules it (on "response"). */
#pragma once

#include <adwaita.h>

#include "eyl-document-item.h"

G_BEGIN_DECLS

#define EYL_TYPE_PASSWORD_DIALOG (eyl_password_dialog_get_type ())
G_DECLARE_FINAL_TYPE (EylPasswordDialog, eyl_password_dialog, EYL, PASSWORD_DIALOG, AdwMessageDialog)

GtkWidget *eyl_password_dialog_new (GtkWindow       *parent,
                                    EylDocumentItem *item);

G_END_DECLS
