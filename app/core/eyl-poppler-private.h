/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-poppler-private.h: what poppler-glib 22.12 lacks for g_autoptr. */
#pragma once

#include <poppler.h>

#include "eyl-document.h"

G_BEGIN_DECLS

/* poppler-glib gained its own autoptr definitions in 23.x; define them
 * only where they are missing so a newer Poppler does not clash. */
#if !POPPLER_CHECK_VERSION(23, 0, 0)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerAnnot, g_object_unref)
#endif

/* The PopplerDocument behind an EylDocument, for the exporter: the same
 * thread rules apply (owned by @self, used by one thread at a time). */
PopplerDocument *eyl_document_get_poppler (EylDocument *self);

G_END_DECLS
