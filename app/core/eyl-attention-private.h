/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-attention-private.h: the inner step of the attention model, for
 * the tests that check it against a plain computation. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Adds to @acc (@w × @h, rows packed) the Boolean attention maps of one
 * 8-bit channel @chan: for each threshold from the channel's minimum up
 * in steps of @step, the regions of "channel > threshold" and of its
 * complement that are not 8-connected to the border or to a pixel where
 * @visible (NULL: all visible) is 0, each dilated by a @dilate × @dilate
 * square and divided by its dilated area to the power @norm. */
void eyl_attention_boolean_maps (const guint8 *chan,
                                 const guint8 *visible,
                                 int           w,
                                 int           h,
                                 int           step,
                                 int           dilate,
                                 double        norm,
                                 float        *acc);

/* The 3 × 3 median filter of @in (@w × @h, rows packed, the border
 * repeating its edge pixels) into @out. */
void eyl_attention_median3x3 (const guint8 *in,
                              int           w,
                              int           h,
                              guint8       *out);

G_END_DECLS
