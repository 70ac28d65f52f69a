/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-label-rules"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "eyl-error.h"
#include "eyl-label-rules.h"
#include "eyl-packaging.h"
#include "eyl-resource.h"

#define RESOURCE_DIR "/io/github/eyeline/Eyeline/label-rules"
#define MM_PER_IN    25.4
#define MM2_PER_IN2  (25.4 * 25.4)
/* Heights are measured to a tenth of a millimetre or so. */
#define TOLERANCE_MM 0.05

void
eyl_label_rule_set_free (EylLabelRuleSet *set)
{
  if (set == NULL)
    return;
  g_free (set->id);
  g_free (set->name);
  g_free (set->source);
  g_clear_pointer (&set->net_pattern, g_regex_unref);
  g_clear_pointer (&set->area_limits_in2, g_array_unref);
  g_clear_pointer (&set->min_height_in, g_array_unref);
  g_free (set);
}

GStrv
eyl_label_rules_list (void)
{
  g_auto(GStrv) names = g_resource_enumerate_children (eyl_core_resource (), RESOURCE_DIR,
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_str_has_suffix (names[i], ".ini"))
      g_ptr_array_add (ids, g_strndup (names[i], strlen (names[i]) - 4));
  g_ptr_array_add (ids, NULL);
  return (GStrv) g_ptr_array_free (ids, FALSE);
}

static GArray *
get_doubles (GKeyFile   *file,
             const char *group,
             const char *key)
{
  gsize              n = 0;
  g_autofree double *values = g_key_file_get_double_list (file, group, key, &n, NULL);
  GArray            *array = g_array_new (FALSE, FALSE, sizeof (double));

  if (values != NULL)
    g_array_append_vals (array, values, n);
  return array;
}

static EylLabelRuleSet *
parse_set (const char *id,
           GKeyFile   *file,
           GError    **error)
{
  g_autoptr(EylLabelRuleSet) set = g_new0 (EylLabelRuleSet, 1);

  set->id = g_strdup (id);
  set->name = g_key_file_get_string (file, "rule-set", "name", NULL);
  set->source = g_key_file_get_string (file, "rule-set", "source", NULL);
  if (set->name == NULL || set->source == NULL)
    {
      g_set_error (error, EYL_ERROR, EYL_ERROR_INVALID,
                   _("The label rule set “%s” has no name or no source clause"), id);
      return NULL;
    }

  if (g_key_file_has_group (file, "x-height"))
    {
      set->x_height_min_mm = g_key_file_get_double (file, "x-height", "min-mm", NULL);
      set->small_surface_cm2 = g_key_file_get_double (file, "x-height",
                                                      "small-pack-largest-surface-cm2", NULL);
      set->small_x_height_min_mm = g_key_file_get_double (file, "x-height",
                                                          "small-pack-min-mm", NULL);
    }

  if (g_key_file_has_group (file, "net-quantity"))
    {
      g_autofree char *pattern = g_key_file_get_string (file, "net-quantity", "pattern", NULL);

      set->area_limits_in2 = get_doubles (file, "net-quantity", "area-limits-in2");
      set->min_height_in = get_doubles (file, "net-quantity", "min-height-in");
      set->bottom_fraction = g_key_file_get_double (file, "net-quantity", "bottom-fraction",
                                                    NULL);
      if (pattern != NULL)
        set->net_pattern = g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, error);
      if (set->net_pattern == NULL ||
          set->min_height_in->len != set->area_limits_in2->len + 1)
        {
          g_clear_error (error);
          g_set_error (error, EYL_ERROR, EYL_ERROR_INVALID,
                       _("The label rule set “%s” has no usable net quantity pattern or "
                         "size table"),
                          id);
          return NULL;
        }
    }
  return g_steal_pointer (&set);
}

GPtrArray *
eyl_label_rules_load (const char *ids,
                      GError    **error)
{
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_label_rule_set_free);
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (ids != NULL, NULL);

  parts = g_strsplit (ids, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autoptr(GKeyFile) file = g_key_file_new ();
      g_autofree char *path = g_strdup_printf (RESOURCE_DIR "/%s.ini", g_strstrip (parts[i]));
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *id = NULL;
      EylLabelRuleSet *set;

      if (parts[i][0] == '\0')
        continue;
      bytes = g_resource_lookup_data (eyl_core_resource (), path,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      if (bytes != NULL ? !g_key_file_load_from_bytes (file, bytes, G_KEY_FILE_NONE, error)
                        : !g_key_file_load_from_file (file, parts[i], G_KEY_FILE_NONE, NULL))
        {
          g_auto(GStrv) known = eyl_label_rules_list ();
          g_autofree char *list = g_strjoinv (", ", known);

          g_clear_error (error);
          g_set_error (error, EYL_ERROR, EYL_ERROR_NOT_FOUND,
                       _("“%s” is not a label rule set (known: %s) nor a file of one"),
                          parts[i], list);
          return NULL;
        }
      id = bytes != NULL ? g_strdup (parts[i]) : g_path_get_basename (parts[i]);
      set = parse_set (id, file, error);
      if (set == NULL)
        return NULL;
      g_ptr_array_add (sets, set);
    }
  return g_steal_pointer (&sets);
}

static gboolean
on_artwork (const EylPackaging *pack,
            const EylTextLine  *line)
{
  return eyl_packaging_point_is_artwork (pack, (line->box.x0 + line->box.x1) / 2,
                                         (line->box.y0 + line->box.y1) / 2);
}

static double
mm_per_pt (const EylPackaging *pack)
{
  return pack != NULL && pack->mm_per_pt > 0 ? pack->mm_per_pt : 25.4 / 72.0;
}

static char *
line_text (const EylPageData *page,
           const EylTextLine *line)
{
  char *text = eyl_page_data_dup_text (page, line->start, line->end);

  return g_strstrip (text);
}

void
eyl_label_rules_check_x_height (const EylLabelRuleSet *set,
                                const char            *rule_id,
                                const EylPageData     *page,
                                const EylPackaging    *pack,
                                GPtrArray             *findings)
{
  double           largest_mm2 = 0, need, smallest = G_MAXDOUBLE, k = mm_per_pt (pack);
  guint            n_small = 0, n_lines = 0;
  g_autofree char *smallest_text = NULL;
  EylRect          box = { 0 };
  g_autoptr(EylFinding) finding = NULL;
  g_autofree char *message = NULL;
  g_autofree char *fix = NULL;

  if (set->x_height_min_mm <= 0 || page == NULL || page->lines == NULL)
    return;

  /* The largest surface: the net's largest panel, else the page. */
  for (guint i = 0; pack != NULL && i < pack->panels->len; i++)
    largest_mm2 = MAX (largest_mm2, g_array_index (pack->panels, EylPanel, i).area_mm2);
  if (largest_mm2 <= 0)
    largest_mm2 = eyl_rect_width (&page->visible) * eyl_rect_height (&page->visible) * k * k;
  need = set->x_height_min_mm;
  if (set->small_x_height_min_mm > 0 && largest_mm2 < set->small_surface_cm2 * 100)
    need = set->small_x_height_min_mm;

  for (guint i = 0; i < page->lines->len; i++)
    {
      const EylTextLine *line = &g_array_index (page->lines, EylTextLine, i);
      double             x_mm = line->x_height * k;
      g_autofree char   *text = NULL;

      if (line->garbled || line->end <= line->start || !on_artwork (pack, line))
        continue;
      text = line_text (page, line);
      if (g_utf8_strlen (text, -1) < 2)
        continue;
      n_lines++;
      if (x_mm <= 0 || x_mm >= need - TOLERANCE_MM)
        continue;
      if (n_small++ == 0)
        box = line->box;
      else
        eyl_rect_union (&box, &line->box);
      if (x_mm < smallest)
        {
          smallest = x_mm;
          g_free (smallest_text);
          smallest_text = g_steal_pointer (&text);
        }
    }
  if (n_small == 0)
    return;

  /* Translators: "12 of 40 lines of text have an x-height under 1.2 mm (the smallest 0.8 mm:
   * “Ingredients…”); EU 1169/2011 …: Regulation (EU) No 1169/2011, Article 13(2)". */
  message = g_strdup_printf (_("%u of %u lines of text have an x-height under %.1f mm (the "
                               "smallest %.2f mm: “%s”); %s: %s. Check which of them are "
                               "mandatory particulars (this is an aid, not legal advice)."),
                                n_small, n_lines, need, smallest, smallest_text, set->name,
                                set->source);
  fix = g_strdup_printf (_("Set the mandatory text with an x-height of at least %.1f mm."), need);
  finding = eyl_finding_new (rule_id, EYL_SEVERITY_WARNING, NULL, &box);
  eyl_finding_set_text (finding, message, fix);
  eyl_finding_add_measure (finding, "x_height_mm", smallest);
  eyl_finding_add_measure (finding, "needed_mm", need);
  eyl_finding_add_measure (finding, "largest_surface_cm2", largest_mm2 / 100);
  g_ptr_array_add (findings, g_steal_pointer (&finding));
}

/* A line the user marked as the net quantity: its centre in the marked
 * box, or its text containing the marked text (case aside). */
static gboolean
is_marked (const EylPackaging *pack,
           const EylTextLine  *line,
           const char         *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *mark = NULL;

  if (!eyl_rect_is_empty (&pack->net_quantity_box) &&
      eyl_rect_contains_point (&pack->net_quantity_box, (line->box.x0 + line->box.x1) / 2,
                               (line->box.y0 + line->box.y1) / 2))
    return TRUE;
  if (pack->net_quantity_text == NULL)
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  mark = g_utf8_casefold (pack->net_quantity_text, -1);
  return *mark != '\0' && strstr (folded, g_strstrip (mark)) != NULL;
}

/* No net quantity to judge: say so, and how to mark it. */
static void
add_not_found (const EylLabelRuleSet *set,
               const char            *rule_id,
               const EylPackaging    *pack,
               const EylRect         *front,
               GPtrArray             *findings)
{
  g_autoptr(EylFinding) finding = eyl_finding_new (rule_id, EYL_SEVERITY_INFO, NULL, front);
  g_autofree char *message = NULL;

  if (eyl_packaging_has_net_mark (pack))
    message = g_strdup_printf (_("No text on the page matches the net quantity you marked%s%s%s, "
                                 "so %s is not checked."),
                                  pack->net_quantity_text != NULL ? " (“" : "",
                                  pack->net_quantity_text != NULL ? pack->net_quantity_text : "",
                                  pack->net_quantity_text != NULL ? "”)" : "", set->source);
  else
    message = g_strdup_printf (_("Eyeline found no net quantity statement (like “Net Wt 12 oz "
                                 "(340 g)”) on the front panel, so %s is not checked."),
                                  set->source);
  eyl_finding_set_text (finding, message,
                        _("Mark the net quantity: in the window, Mark Net Quantity and a click "
                          "on its text or a box dragged round it; on the command line, --net-quantity TEXT or "
                          "--net-quantity-mm X0,Y0,X1,Y1."));
  g_ptr_array_add (findings, g_steal_pointer (&finding));
}

void
eyl_label_rules_check_net_quantity (const EylLabelRuleSet *set,
                                    const char            *rule_id,
                                    const EylPageData     *page,
                                    const EylPackaging    *pack,
                                    GPtrArray             *findings)
{
  double   k = mm_per_pt (pack), area_in2, need_in;
  EylRect  front;
  gboolean mark = eyl_packaging_has_net_mark (pack), marked_on_front = FALSE;
  guint    n_found = 0;

  if (set->net_pattern == NULL || page == NULL || page->lines == NULL)
    return;
  if (!eyl_packaging_front_box (pack, &front))
    front = page->visible;
  if (eyl_rect_is_empty (&front))
    return;

  /* 101.105(i): the minimum height by the panel's area. */
  area_in2 = eyl_rect_width (&front) * eyl_rect_height (&front) * k * k / MM2_PER_IN2;
  need_in = g_array_index (set->min_height_in, double, set->min_height_in->len - 1);
  for (guint i = 0; i < set->area_limits_in2->len; i++)
    if (area_in2 <= g_array_index (set->area_limits_in2, double, i))
      {
        need_in = g_array_index (set->min_height_in, double, i);
        break;
      }

  /* Marked text that is also on the back ("Green Tea" twice): the
   * front panel's line is the statement. */
  for (guint i = 0; mark && !marked_on_front && i < page->lines->len; i++)
    {
      const EylTextLine *line = &g_array_index (page->lines, EylTextLine, i);
      g_autofree char   *text = line_text (page, line);

      marked_on_front = !line->garbled && is_marked (pack, line, text) &&
                        eyl_rect_contains_point (&front, (line->box.x0 + line->box.x1) / 2,
                                                 (line->box.y0 + line->box.y1) / 2);
    }

  for (guint i = 0; i < page->lines->len; i++)
    {
      const EylTextLine *line = &g_array_index (page->lines, EylTextLine, i);
      double             cx = (line->box.x0 + line->box.x1) / 2, cy = (line->box.y0 + line->box.y1) / 2;
      g_autofree char   *text = NULL;
      g_autoptr(EylFinding) finding = NULL;
      g_autofree char *message = NULL;
      gboolean         lower = FALSE, too_small, too_high, off_front;
      double           height_mm;

      if (line->garbled)
        continue;
      off_front = !eyl_rect_contains_point (&front, cx, cy);
      text = line_text (page, line);
      /* What the user marked, else the front panel's lines in the
       * statement's words. */
      if (mark ? !is_marked (pack, line, text) || (off_front && marked_on_front)
               : off_front || !g_regex_match (set->net_pattern, text, 0, NULL))
        continue;
      n_found++;
      /* Lower-case letters are measured by their "o" (the x-height),
       * capitals alone by their height. */
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        lower |= g_unichar_islower (g_utf8_get_char (p));
      height_mm = (lower ? line->x_height : line->cap_height) * k;
      too_small = height_mm > 0 && height_mm < need_in * MM_PER_IN - TOLERANCE_MM;
      too_high = off_front || (set->bottom_fraction > 0 &&
                               cy < front.y1 - set->bottom_fraction * eyl_rect_height (&front));
      if (!too_small && !too_high)
        continue;

      if (too_small)
        /* Translators: "The net quantity “Net Wt 3.5 oz” is 1.2 mm high; on a front panel of
         * 12 in² US 21 CFR … asks for 3.2 mm (1/8 in) …". */
        message = g_strdup_printf (_("The net quantity “%s” is %.1f mm high; on a front panel "
                                     "of %.0f in² %s asks for %.1f mm (%.4g in) — %s%s"),
                                      text, height_mm, area_in2, set->name, need_in * MM_PER_IN,
                                      need_in, set->source,
                                      off_front ? _(", and it is not on the front panel.")
                                                : too_high
                                      ?
                                      /* xgettext:no-c-format */
                                      _(", and it stands above the bottom 30 % of the "
                                                  "panel.")
                                      : ".");
      else if (off_front)
        message = g_strdup_printf (_("The net quantity “%s” is not on the front panel — %s."),
                                      text, set->source);
      else
        message = g_strdup_printf (_("The net quantity “%s” stands above the bottom %.0f %% of "
                                     "the front panel — %s."),
                                      text, 100 * set->bottom_fraction, set->source);
      finding = eyl_finding_new (rule_id, EYL_SEVERITY_WARNING, NULL, &line->box);
      eyl_finding_set_text (finding, message,
                            /* xgettext:no-c-format */
                            _("Set the net quantity in the bottom 30 % of the front panel, "
                              "at least as high as the rule asks."));
      eyl_finding_add_measure (finding, "height_mm", height_mm);
      eyl_finding_add_measure (finding, "needed_mm", need_in * MM_PER_IN);
      eyl_finding_add_measure (finding, "front_panel_in2", area_in2);
      eyl_finding_add_measure (finding, "marked", mark ? 1 : 0);
      g_ptr_array_add (findings, g_steal_pointer (&finding));
    }
  if (n_found == 0)
    add_not_found (set, rule_id, pack, &front, findings);
}
