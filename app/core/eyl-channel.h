/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-channel.h: the private channel from a worker process to its parent.
 *
 * A worker answers with one GVariant (version EYL_CHANNEL_VERSION): the
 * file's result as the public JSON report writes it, and what the Read
 * stage measured on every page (EylPageRead) so that the parent can
 * evaluate the pages again with other options without a worker
 * (DESIGN.md 3.5).  The reads are not part of the public report: they
 * change with the engine, and nobody but the parent of the same build
 * reads them.  The writer and the reader are next to each other, in one
 * field table per record. */
#pragma once

#include "eyl-report.h"

G_BEGIN_DECLS

#define EYL_CHANNEL_VERSION 2

/* The worker's answer: @result with each page's read. */
GBytes *eyl_channel_write (EylFileResult *result);

/* The parent's side: the file result, each page's read attached to its
 * analysis (EylPageAnalysis.read).  NULL with EYL_ERROR_ENGINE_CRASH when
 * the bytes are not an answer of this version. */
EylFileResult *eyl_channel_read (GBytes  *bytes,
                                 GError **error);

/* One page's read alone (tests, and the benchmark). */
GVariant    *eyl_channel_page_read_to_variant (const EylPageRead *read);
EylPageRead *eyl_channel_page_read_from_variant (GVariant *variant);

G_END_DECLS
