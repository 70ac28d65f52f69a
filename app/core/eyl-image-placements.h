/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "eyl-types.h"

G_BEGIN_DECLS

/* An image the page draws: where (page space, pt) and its pixel size as
 * its dictionary gives it. */
typedef struct
{
  EylRect box;
  int     width_px;
  int     height_px;
} EylImagePlacement;

GArray *eyl_pdf_image_placements (const char *path,
                                  const char *password,
                                  guint       index,
                                  GError    **error);

gboolean eyl_image_placement_match (GArray        *placements,
                                    const EylRect *box,
                                    int           *width_px,
                                    int           *height_px);

G_END_DECLS
