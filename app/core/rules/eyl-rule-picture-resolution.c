/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-rule-picture-resolution.c: a picture placed with too few pixels for
 * its size at true size.  Whether its pixels show depends on who looks
 * and from where: the eye resolves about one arc-minute (the acuity of
 * 20/20 vision), so a pixel spanning two or more at the closest distance
 * people look at the piece is seen — blocky or soft — even by eyes half
 * as sharp.  A banner may carry 30 ppi, a leaflet read in the hand needs
 * 200. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-rules"

#include <math.h>
#include <glib/gi18n.h>

#include "eyl-rules-private.h"

const EylRule eyl_rule_picture_resolution = {
  .id = "picture-resolution",
  .severity = EYL_SEVERITY_WARNING,
  .title = N_("Picture resolution too low"),
               .description = N_("A picture has so few pixels for its printed size that they show from "
                    "where people look at the piece."),
                                  .check = eyl_rule_picture_resolution_check,
               };

/* A pixel this many arc-minutes wide is seen even by 20/40 eyes. */
#define SEEN_ARCMIN 2.0
/* Pictures narrower than this many pixels either way are fills (a
 * gradient or a pattern drawn as a 1 × 256 image), smooth by design. */
#define MIN_PICTURE_PX 16

/* How far people look from at their closest: the hand for what is taken,
 * else the placement's distance (a poster's is where they step up). */
static double
closest_distance_m (const EylPlacement *p)
{
  return p->hand_distance_m > 0 ? MIN (p->distance_m, p->hand_distance_m) : p->distance_m;
}

void
eyl_rule_picture_resolution_check (const EylRuleContext *ctx,
                                   GPtrArray            *findings)
{
  const EylPageFrame *f = ctx->frame;
  const EylImageInfo *worst = NULL;
  g_autoptr(EylFinding) finding = NULL;
  g_autofree char *message = NULL;
  g_autofree char *fix = NULL;
  double           distance_m = closest_distance_m (ctx->placement);
  double           arcmin_mm = distance_m * 1000.0 * tan (G_PI / (180.0 * 60.0));
  double           worst_pitch = 0;
  guint            n_seen = 0;
  EylRect          shown;

  if (ctx->images == NULL || f == NULL || !(arcmin_mm > 0))
    return;

  for (guint i = 0; i < ctx->images->len; i++)
    {
      const EylImageInfo *image = &g_array_index (ctx->images, EylImageInfo, i);
      double              pitch;

      if (image->width_px < MIN_PICTURE_PX || image->height_px < MIN_PICTURE_PX ||
          !eyl_rect_intersect (&image->box, &f->visible, &shown))
        continue;
      /* mm of material per pixel, the coarser way */
      pitch = MAX (eyl_rect_width (&image->box) * f->mm_per_pt_x / image->width_px,
                   eyl_rect_height (&image->box) * f->mm_per_pt_y / image->height_px);
      if (pitch < SEEN_ARCMIN * arcmin_mm)
        continue;
      n_seen++;
      if (pitch > worst_pitch)
        {
          worst_pitch = pitch;
          worst = image;
        }
    }
  if (worst == NULL)
    return;

  /* Its size as printed: the part of it on the piece. */
  eyl_rect_intersect (&worst->box, &f->visible, &shown);
  /* TRANSLATORS: "A picture of 1000 × 2000 mm has 10 pixels per inch at
   * its printed size: from 2.0 m each pixel (2.5 mm) spans 4.4
   * arc-minutes, where the eye sees details of one — it prints blocky or
   * soft." */
  message = g_strdup_printf (_("A picture of %.0f × %.0f mm has %.0f pixels per inch at its "
                               "printed size: from %.1f m each pixel (%.1f mm) spans %.1f "
                               "arc-minutes, where the eye sees details of one — it prints "
                               "blocky or soft."),
                                eyl_rect_width (&shown) * f->mm_per_pt_x,
                                eyl_rect_height (&shown) * f->mm_per_pt_y, 25.4 / worst_pitch,
                                distance_m, worst_pitch, worst_pitch / arcmin_mm);
  if (n_seen > 1)
    {
      /* TRANSLATORS: appended to the sentence above */
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            " %u more picture on the page is too.",
                                                            " %u more pictures on the page are too.",
                                                            n_seen - 1),
                                               n_seen - 1);
      char            *joined = g_strconcat (message, more, NULL);

      g_free (message);
      message = joined;
    }
  fix = g_strdup_printf (_("Place the original picture, with at least %.0f pixels per inch at "
                           "the printed size (one pixel per arc-minute from %.1f m)."),
                            ceil (25.4 / arcmin_mm), distance_m);

  finding = eyl_finding_new (eyl_rule_picture_resolution.id, eyl_rule_picture_resolution.severity,
                             NULL, &shown);
  eyl_finding_set_text (finding, message, fix);
  eyl_finding_add_measure (finding, "ppi", 25.4 / worst_pitch);
  eyl_finding_add_measure (finding, "needed_ppi", 25.4 / arcmin_mm);
  eyl_finding_add_measure (finding, "arcmin_per_pixel", worst_pitch / arcmin_mm);
  eyl_finding_add_measure (finding, "distance_m", distance_m);
  eyl_finding_add_measure (finding, "pictures", n_seen);
  g_ptr_array_add (findings, g_steal_pointer (&finding));
}
