/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-render-source.h: a lighter copy of a PDF for rendering only.
 *
 * Poppler's Cairo backend decodes every image a render draws at the
 * image's full pixel size, whatever the render's scale or clip: one
 * render of a page holding a 100 Mpx photo holds 400 MB.  The copy made
 * here has every such JPEG image decoded at a fraction of its size
 * (libjpeg's DCT scaling, which never holds the whole image) and encoded
 * again, so that no image holds more than the pixels asked for.
 *
 * A pass also decodes every image the page draws, whatever its clip, and
 * a page gets 3 to 20 passes: the copy stores the page's other JPEG and
 * Flate images decoded (raw samples, no filter; their dictionaries
 * otherwise as they were), within a budget of bytes, so that a pass only
 * reads them.  The samples are those Poppler's own filters give, so a
 * page without a shrunk image renders from the copy bit for bit as from
 * the file.
 *
 * A pass also colour-converts every ICCBased image through lcms2, pixel
 * by pixel (unoptimised transforms: up to 125 ms a Mpx).  The copy
 * stores such images, where nothing in the file makes Poppler draw them
 * otherwise, as the DeviceRGB samples Poppler's transform gives, made
 * once with the same transform; under a /DefaultRGB space, through
 * which Poppler would draw DeviceRGB samples again, each is drawn through
 * a form XObject that sets /DefaultRGB to DeviceRGB.  Where every page
 * names the same /DefaultRGB profile, DeviceRGB images, which Poppler
 * draws through it, are converted alike.  So are DeviceCMYK images,
 * which Poppler converts in every pass with its own formula (20 ms a
 * Mpx): the copy stores the bytes that formula gives, computed with the
 * same double operations, unless the file names a /DefaultCMYK space
 * (Poppler would draw them through it) or a /DefaultRGB one (it would
 * draw the stored RGB through it).  The text layer stays read from the
 * original file. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The copy of the PDF at @path (opened with @password, may be NULL) in
 * which every JPEG image larger than @max_pixels is shrunk to fit, as
 * bytes Poppler can open; NULL when no image needs shrinking or the file
 * cannot be rewritten.  @n_shrunk (may be NULL) is set to the number of
 * images shrunk. */
GBytes *eyl_render_source_shrink_images (const char *path,
                                         const char *password,
                                         double      max_pixels,
                                         guint      *n_shrunk);

/* The copy of the PDF at @path in which every JPEG image larger than
 * @max_pixels is shrunk to fit and other JPEG and Flate images are
 * stored decoded, at most @max_decoded bytes of samples in all (ICC
 * and DeviceCMYK images first, stored as DeviceRGB, then Flate images,
 * the largest first); NULL when there is nothing worth doing or the file cannot be
 * rewritten.  @n_shrunk and @n_decoded (may be NULL) are set
 * to the number of images shrunk and stored decoded. */
GBytes *eyl_render_source_new (const char *path,
                               const char *password,
                               double      max_pixels,
                               gsize       max_decoded,
                               guint      *n_shrunk,
                               guint      *n_decoded);

G_END_DECLS
