/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-rules-private.h: the rules' descriptors and check functions, and
 * the few helpers they share (one finding per element, the element's
 * name in a sentence, which side of the eye-level zone it is on). */
#pragma once

#include "eyl-rules.h"

G_BEGIN_DECLS

/* One descriptor per file in rules/. */
extern const EylRule eyl_rule_contact_hidden;
extern const EylRule eyl_rule_contact_below_eye_level;
extern const EylRule eyl_rule_brand_over_customer;
extern const EylRule eyl_rule_brand_hidden;
extern const EylRule eyl_rule_text_too_small;
extern const EylRule eyl_rule_no_contact;
extern const EylRule eyl_rule_no_call_to_action;
extern const EylRule eyl_rule_safe_zone;
extern const EylRule eyl_rule_we_vs_you;
extern const EylRule eyl_rule_placeholder_text;
extern const EylRule eyl_rule_low_contrast;
extern const EylRule eyl_rule_qr_too_small;
extern const EylRule eyl_rule_qr_quiet_zone;
extern const EylRule eyl_rule_qr_unreadable;
extern const EylRule eyl_rule_key_content_hidden;
extern const EylRule eyl_rule_cvd_low_contrast;
extern const EylRule eyl_rule_barcode_check_digit;
extern const EylRule eyl_rule_barcode_size;
extern const EylRule eyl_rule_barcode_truncated;
extern const EylRule eyl_rule_barcode_quiet_zone;
extern const EylRule eyl_rule_barcode_red_scanner;
extern const EylRule eyl_rule_barcode_on_fold;
extern const EylRule eyl_rule_barcode_placement;
extern const EylRule eyl_rule_barcode_symbology;
extern const EylRule eyl_rule_code_leftover;
extern const EylRule eyl_rule_picture_resolution;
extern const EylRule eyl_rule_label_x_height;
extern const EylRule eyl_rule_label_net_quantity;
extern const EylRule eyl_rule_off_brand_font;
extern const EylRule eyl_rule_off_brand_colour;

void eyl_rule_contact_hidden_check (const EylRuleContext *ctx,
                                    GPtrArray            *findings);
void eyl_rule_contact_below_eye_level_check (const EylRuleContext *ctx,
                                             GPtrArray            *findings);
void eyl_rule_brand_over_customer_check (const EylRuleContext *ctx,
                                         GPtrArray            *findings);
void eyl_rule_brand_hidden_check (const EylRuleContext *ctx,
                                  GPtrArray            *findings);
void eyl_rule_text_too_small_check (const EylRuleContext *ctx,
                                    GPtrArray            *findings);
void eyl_rule_no_contact_check (const EylRuleContext *ctx,
                                GPtrArray            *findings);
void eyl_rule_no_call_to_action_check (const EylRuleContext *ctx,
                                       GPtrArray            *findings);
void eyl_rule_safe_zone_check (const EylRuleContext *ctx,
                               GPtrArray            *findings);
void eyl_rule_we_vs_you_check (const EylRuleContext *ctx,
                               GPtrArray            *findings);
void eyl_rule_placeholder_text_check (const EylRuleContext *ctx,
                                      GPtrArray            *findings);
/* rules/eyl-rule-placeholder-text.c: the first words of a run of filler
 * copy in @text, or NULL; the template placeholders quoted (at most
 * three), or NULL, and how many there are. */
char *eyl_rule_placeholder_find_filler (const char *text);
/* The page's copy as the rules read it: its text layer (and OCR's words). */
const char *eyl_rule_copy_text (const EylRuleContext *ctx);
/* @text (@len bytes, or to its end when −1) on one line and short enough
 * to quote in a sentence (“…” when cut). */
char *eyl_rule_excerpt (const char *text,
                        gssize      len);
char *eyl_rule_placeholder_find_template (const char *text,
                                          guint      *n_found);
void  eyl_rule_low_contrast_check (const EylRuleContext *ctx,
                                   GPtrArray            *findings);
void  eyl_rule_qr_too_small_check (const EylRuleContext *ctx,
                                   GPtrArray            *findings);
void  eyl_rule_qr_quiet_zone_check (const EylRuleContext *ctx,
                                    GPtrArray            *findings);
void  eyl_rule_qr_unreadable_check (const EylRuleContext *ctx,
                                    GPtrArray            *findings);
void  eyl_rule_key_content_hidden_check (const EylRuleContext *ctx,
                                         GPtrArray            *findings);
void  eyl_rule_cvd_low_contrast_check (const EylRuleContext *ctx,
                                       GPtrArray            *findings);
/* The brand kit's fonts and colours: rules/eyl-rule-brand-kit-style.c */
void eyl_rule_off_brand_font_check (const EylRuleContext *ctx,
                                    GPtrArray            *findings);
void eyl_rule_off_brand_colour_check (const EylRuleContext *ctx,
                                      GPtrArray            *findings);
/* Packaging: rules/eyl-rule-barcode.c */
void eyl_rule_barcode_check_digit_check (const EylRuleContext *ctx,
                                         GPtrArray            *findings);
void eyl_rule_barcode_size_check (const EylRuleContext *ctx,
                                  GPtrArray            *findings);
void eyl_rule_barcode_truncated_check (const EylRuleContext *ctx,
                                       GPtrArray            *findings);
void eyl_rule_barcode_quiet_zone_check (const EylRuleContext *ctx,
                                        GPtrArray            *findings);
void eyl_rule_barcode_red_scanner_check (const EylRuleContext *ctx,
                                         GPtrArray            *findings);
void eyl_rule_barcode_on_fold_check (const EylRuleContext *ctx,
                                     GPtrArray            *findings);
void eyl_rule_barcode_placement_check (const EylRuleContext *ctx,
                                       GPtrArray            *findings);
void eyl_rule_barcode_symbology_check (const EylRuleContext *ctx,
                                       GPtrArray            *findings);
/* rules/eyl-rule-code-leftover.c: TRUE when @payload, a code's
 * content, is a name in words that the page's text never prints while
 * the piece's own name is known (set in @name, owned by the context): a
 * code left over from a template.  Links and numbers are never. */
gboolean eyl_rule_code_is_leftover (const EylRuleContext *ctx,
                                    const char           *payload,
                                    const char          **name);
void     eyl_rule_picture_resolution_check (const EylRuleContext *ctx,
                                            GPtrArray            *findings);
void     eyl_rule_code_leftover_check (const EylRuleContext *ctx,
                                       GPtrArray            *findings);
/* Packaging: rules/eyl-rule-label.c */
void eyl_rule_label_x_height_check (const EylRuleContext *ctx,
                                    GPtrArray            *findings);
void eyl_rule_label_net_quantity_check (const EylRuleContext *ctx,
                                        GPtrArray            *findings);

/* Shared helpers (eyl-rules.c). */

/* A finding of @rule's default severity about @element (its id and box,
 * and its geometry as measures), or page-wide when @element is NULL. */
EylFinding *eyl_rule_finding_new (const EylRule    *rule,
                                  const EylElement *element);

/* "The website www.x.example" (@capital) or "the website www.x.example",
 * translated; newly allocated. */
char *eyl_rule_element_name (const EylElement *element,
                             gboolean          capital);

/* Contacts as the rules count them: the brand's own url, email, phone,
 * social, qr, address (never other_url, never a third party's). */
gboolean eyl_rule_is_contact (const EylElement *element);

/* Compares two copies of one contact for a rule: > 0 when @a serves the
 * reader better than @b, 0 when they are as good. */
typedef int (*EylRuleCopyBetter) (const EylRuleContext *ctx,
                                  const EylElement     *a,
                                  const EylElement     *b);
/* One contact once: TRUE when the page prints @element's contact (the
 * same address, whatever its case or "www.") again, in a copy that
 * serves the reader better by @better, or as well and earlier.  A small
 * repeat under a logo is no problem while a legible copy stands beside it. */
gboolean eyl_rule_has_better_copy (const EylRuleContext *ctx,
                                   const EylElement     *element,
                                   EylRuleCopyBetter     better);
gboolean eyl_rule_is_brand (const EylElement *element);
/* Contacts, brand, headline and call to action. */
gboolean eyl_rule_is_key (const EylElement *element);
/* Kinds whose text a visitor must read. */
gboolean eyl_rule_has_text (const EylElement *element);
gboolean eyl_rule_is_hidden (const EylRuleContext *ctx,
                             const EylElement     *element);

/* The eye-level zone of the median viewer at the reading distance, in mm
 * above the floor. */
void eyl_rule_median_eye_zone (const EylRuleContext *ctx,
                               double               *low_mm,
                               double               *high_mm);
/* The same zone without the part a table, cassette or crowd hides from
 * the shortest or tallest visitors, on the piece: where a fix can put
 * what must be seen.  FALSE when no part of the piece is there. */
gboolean eyl_rule_visible_eye_zone (const EylRuleContext *ctx,
                                    double               *low_mm,
                                    double               *high_mm);
/* FALSE when eye level says nothing of the piece (contact-below-eye-level
 * does not judge it): read in the hand, or seen whole within the eye-level
 * zone from where it is read. */
gboolean eyl_rule_eye_level_applies (const EylRuleContext *ctx);

/* What hides the bottom of the material for @element: "the table",
 * "the base cassette", … translated, static. */
const char *eyl_rule_occluder_name (const EylRuleContext *ctx,
                                    const EylElement     *element);

/* Pieces people take and read in the hand (a leaflet, a pack): contacts
 * and copy are judged there, not where the piece stands. */
gboolean eyl_rule_piece_is_held (const EylRuleContext *ctx);
/* The distance @element is read from: what the rack or shelf shows of a
 * held piece (its brand and headline) from the aisle, the rest in the
 * hand; body copy, and a wall poster's contacts, from close up
 * (EYL_RULE_BODY_DISTANCE_M); everything else at the placement's
 * distance. */
double eyl_rule_reading_distance (const EylRuleContext *ctx,
                                  const EylElement     *element);

/* The cap height the legibility standard asks for at @distance_m, for
 * the placement's viewers: divided by their acuity (20/40 eyes need
 * twice the size: the standards assume normal vision). */
double eyl_rule_min_cap_mm (const EylRuleContext *ctx,
                            double                distance_m,
                            double                floor_mm);
/* The standard's name for messages, with the viewers' eyesight when it
 * is not normal: "1:200 (FAA) (20/40 eyesight)".  A new string. */
char *eyl_rule_standard_name (const EylRuleContext *ctx);

/* Nothing on the page at all, not a word nor a mark: a background still
 * waiting for its content, or artwork drawn in a way nothing could read. */
gboolean eyl_rule_page_is_blank (const EylRuleContext *ctx);

/* The page's step-and-repeat (marks repeated on a lattice over most of
 * it: a press or photo wall), or NULL. */
const EylElement *eyl_rule_step_and_repeat (const EylRuleContext *ctx);

/* Display material that stands at a stand: roll-ups, table-top banners,
 * backdrops. */
gboolean eyl_rule_is_display (const EylRuleContext *ctx);
/* What the walk-up view shows can be read from @distance_m: "In the
 * walk-up view from 4.0 m, only the headline “…” can be read." (its key
 * texts, each once, at most three named).  A new string. */
char *eyl_rule_walkup_cite (const EylRuleContext *ctx,
                            double                distance_m);

/* Stand graphics: display material with a table in front of it or on
 * the stand's own table, or a wall or header graphic wider than 1.5 m,
 * where visitors decide whether to stop. */
gboolean eyl_rule_is_stand_graphic (const EylRuleContext *ctx);

/* Body copy is read by those who walk up to it: from 1 m at most
 * (DESIGN.md 3.1, "close: 0.5–1 m, reading"). */
#define EYL_RULE_BODY_DISTANCE_M 1.0

/* The 10:1 rule: a QR code is at least a tenth of the distance it is
 * scanned from (DESIGN.md 5). */
#define EYL_RULE_QR_SCAN_RATIO 10.0

/* A share 0…1 as a whole percentage. */
static inline int
eyl_rule_percent (double fraction)
{
  /* NaN (a share of nothing) is 0, not undefined behaviour in the cast. */
  if (!(fraction > 0.0))
    return 0;
  return (int) (MIN (fraction, 1.0) * 100.0 + 0.5);
}

/* Counts the we-words and you-words of @text (we-vs-you). */
void eyl_rule_we_vs_you_count (const char *text,
                               guint      *n_we,
                               guint      *n_you);

/* The contrast WCAG 2.x asks of @element's text against its background
 * (low-contrast, cvd-low-contrast): 3:1 for text large for its reading
 * distance, else 4.5:1.  FALSE when no contrast rule judges it (no text,
 * not measured, a logotype, hidden from the visitor). */
gboolean eyl_rule_contrast_needed (const EylRuleContext *ctx,
                                   const EylElement     *element,
                                   double               *needed,
                                   gboolean             *large);
/* What the predicted attention (model) of the page as the visitor sees
 * it says of @brand against the contact that draws most: "Predicted
 * attention (model), from 4.0 m: the logo draws 38 % of it; the website
 * “tea.example” 3 %."  NULL without attention or a share for @brand. */
char *eyl_rule_attention_sentence (const EylRuleContext *ctx,
                                   const EylElement     *brand);
/* The page's predicted attention (model) as measures of @finding, when
 * the page was rendered: attention_brand_share, attention_customer_share
 * and customer_vs_brand (README, JSON report). */
void eyl_rule_add_attention_measures (const EylRuleContext *ctx,
                                      EylFinding           *finding);
/* "#rrggbb", newly allocated. */
char *eyl_rule_rgb_string (guint32 rgb);

/* Legibility standard as a short display name ("1:200 (FAA)"). */
const char *eyl_rule_legibility_name (EylLegibility standard);

G_END_DECLS
