/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-poppler-private.h: what poppler-glib 22.12 lacks for g_autoptr. */
#pragma once

#include <poppler.h>

G_BEGIN_DECLS

/* poppler-glib gained its own autoptr definitions in 23.x; define them
 * only where they are missing so a newer Poppler does not clash. */
#if !POPPLER_CHECK_VERSION (23, 0, 0)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
#endif

G_END_DECLS
