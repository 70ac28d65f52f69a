/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-compare.c: what changed between two versions of a piece. */
#include "config.h"

#define G_LOG_DOMAIN "eyl-compare"

#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "eyl-analysis.h"
#include "eyl-compare.h"

#define COLOR_RESET "\033[0m"
#define COLOR_GREEN "\033[1;32m"
#define COLOR_RED   "\033[1;31m"

static const EylElement *
finding_element (const EylPageAnalysis *page,
                 const EylFinding      *finding)
{
  for (guint i = 0; finding->element_id != NULL && i < page->elements->len; i++)
    {
      const EylElement *el = g_ptr_array_index (page->elements, i);

      if (g_strcmp0 (el->id, finding->element_id) == 0)
        return el;
    }
  return NULL;
}

/* What a finding is about, as a reader recognises it across versions:
 * the rule, the element's kind and its text (case, a scheme and "www."
 * aside).  Elements without text (logos, the page itself) get their
 * rule and kind only; they are then paired in page order. */
static char *
finding_key (const EylPageAnalysis *page,
             const EylFinding      *finding)
{
  const EylElement *el = finding_element (page, finding);
  g_autofree char  *text = NULL;

  if (el == NULL)
    return g_strdup_printf ("%s|page", finding->rule);
  text = eyl_element_text_key (el);
  return g_strdup_printf ("%s|%s|%s", finding->rule, eyl_element_kind_to_string (el->kind),
                          text != NULL ? text : "");
}

static void
change_clear (EylFindingChange *change)
{
  g_clear_pointer (&change->before, eyl_finding_unref);
  g_clear_pointer (&change->after, eyl_finding_unref);
}

static void
page_comparison_free (EylPageComparison *page)
{
  g_array_unref (page->changes);
  g_free (page);
}

static void
add_change (EylPageComparison *page,
            EylChangeKind      kind,
            EylFinding        *before,
            EylFinding        *after)
{
  EylFindingChange change = {
    kind,
    before != NULL ? eyl_finding_ref (before) : NULL,
    after != NULL ? eyl_finding_ref (after) : NULL,
  };

  g_array_append_val (page->changes, change);
}

static EylPageComparison *
compare_page (EylComparison   *self,
              guint            index,
              EylPageAnalysis *before,
              EylPageAnalysis *after)
{
  EylPageComparison   *page = g_new0 (EylPageComparison, 1);
  guint                n_after = after != NULL ? after->findings->len : 0;
  g_autofree gboolean *taken = g_new0 (gboolean, MAX (n_after, 1));
  g_auto(GStrv) after_keys = g_new0 (char *, n_after + 1);

  page->index = index;
  page->in_before = before != NULL;
  page->in_after = after != NULL;
  page->score_before = before != NULL ? before->customer_focus : -1;
  page->score_after = after != NULL ? after->customer_focus : -1;
  page->changes = g_array_new (FALSE, TRUE, sizeof (EylFindingChange));
  g_array_set_clear_func (page->changes, (GDestroyNotify) change_clear);

  for (guint j = 0; j < n_after; j++)
    after_keys[j] = finding_key (after, g_ptr_array_index (after->findings, j));

  for (guint i = 0; before != NULL && i < before->findings->len; i++)
    {
      EylFinding      *old = g_ptr_array_index (before->findings, i);
      g_autofree char *key = finding_key (before, old);
      EylFinding      *match = NULL;

      for (guint j = 0; j < n_after && match == NULL; j++)
        if (!taken[j] && strcmp (key, after_keys[j]) == 0)
          {
            taken[j] = TRUE;
            match = g_ptr_array_index (after->findings, j);
          }
      if (match != NULL)
        {
          add_change (page, EYL_CHANGE_KEPT, old, match);
          self->n_kept++;
        }
      else
        {
          add_change (page, EYL_CHANGE_FIXED, old, NULL);
          self->n_fixed++;
        }
    }
  for (guint j = 0; j < n_after; j++)
    if (!taken[j])
      {
        add_change (page, EYL_CHANGE_NEW, NULL, g_ptr_array_index (after->findings, j));
        self->n_new++;
      }
  return page;
}

EylComparison *
eyl_comparison_new (EylFileResult *before,
                    EylFileResult *after)
{
  EylComparison *self;
  guint          n;

  g_return_val_if_fail (before != NULL && before->ok, NULL);
  g_return_val_if_fail (after != NULL && after->ok, NULL);

  self = g_new0 (EylComparison, 1);
  self->before_path = g_strdup (before->path);
  self->after_path = g_strdup (after->path);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_comparison_free);
  n = MAX (before->pages->len, after->pages->len);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->pages,
                     compare_page (self, i,
                                   i < before->pages->len ? g_ptr_array_index (before->pages, i) : NULL,
                                   i < after->pages->len ? g_ptr_array_index (after->pages, i) : NULL));
  return self;
}

void
eyl_comparison_free (EylComparison *self)
{
  if (self == NULL)
    return;
  g_free (self->before_path);
  g_free (self->after_path);
  g_ptr_array_unref (self->pages);
  g_free (self);
}

int
eyl_comparison_max_new_severity (const EylComparison *self)
{
  int worst = -1;

  for (guint p = 0; p < self->pages->len; p++)
    {
      const EylPageComparison *page = g_ptr_array_index (self->pages, p);

      for (guint i = 0; i < page->changes->len; i++)
        {
          const EylFindingChange *c = &g_array_index (page->changes, EylFindingChange, i);

          if (c->kind == EYL_CHANGE_NEW)
            worst = MAX (worst, (int) c->after->severity);
        }
    }
  return worst;
}

static const char *
change_label (EylChangeKind kind)
{
  switch (kind)
    {
    case EYL_CHANGE_FIXED:
      /* TRANSLATORS: a finding of the old version that the new one no
       * longer has; the labels are padded to one width. */
      return C_("compare", "Fixed");
    case EYL_CHANGE_NEW:
      return C_("compare", "New  ");
    case EYL_CHANGE_KEPT:
    default:
      return C_("compare", "Still");
    }
}

char *
eyl_comparison_format_text (const EylComparison *self,
                            gboolean             color)
{
  GString         *out = g_string_new (NULL);
  g_autofree char *before = eyl_report_printable_path (self->before_path);
  g_autofree char *after = eyl_report_printable_path (self->after_path);

  /* TRANSLATORS: "banner-v1.pdf → banner-v2.pdf" */
  g_string_append_printf (out, _("%s → %s\n"), before, after);
  for (guint p = 0; p < self->pages->len; p++)
    {
      const EylPageComparison *page = g_ptr_array_index (self->pages, p);

      if (!page->in_after)
        {
          g_string_append_printf (out, _("  Page %u: only in the old version\n"), page->index + 1);
          continue;
        }
      if (!page->in_before)
        g_string_append_printf (out, _("  Page %u: new, customer focus %d/100\n"),
                                        page->index + 1, page->score_after);
      else
        /* TRANSLATORS: "Page 1: customer focus 20 → 85 (+65)" */
        g_string_append_printf (out, _("  Page %u: customer focus %d → %d (%+d)\n"),
                                        page->index + 1, page->score_before, page->score_after,
                                        page->score_after - page->score_before);
      for (guint i = 0; i < page->changes->len; i++)
        {
          const EylFindingChange *c = &g_array_index (page->changes, EylFindingChange, i);
          const EylFinding       *f = c->after != NULL ? c->after : c->before;
          g_autofree char        *message = eyl_report_printable (f->message);
          const char             *on = "", *off = "";

          if (color && c->kind != EYL_CHANGE_KEPT)
            {
              on = c->kind == EYL_CHANGE_FIXED ? COLOR_GREEN : COLOR_RED;
              off = COLOR_RESET;
            }
          g_string_append_printf (out, "    %s%s%s %-7s %s: %s\n", on, change_label (c->kind), off,
                                  eyl_severity_to_string (f->severity), f->rule, message);
        }
    }
  /* TRANSLATORS: the totals of a comparison */
  g_string_append_printf (out, _("%u fixed, %u new, %u still open\n"),
                                  self->n_fixed, self->n_new, self->n_kept);
  return g_string_free (out, FALSE);
}

static void
add_finding (JsonBuilder      *b,
             const char       *member,
             const EylFinding *f)
{
  json_builder_set_member_name (b, member);
  if (f == NULL)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "rule");
  json_builder_add_string_value (b, f->rule);
  json_builder_set_member_name (b, "severity");
  json_builder_add_string_value (b, eyl_severity_to_string (f->severity));
  json_builder_set_member_name (b, "element");
  if (f->element_id != NULL)
    json_builder_add_string_value (b, f->element_id);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, f->message != NULL ? f->message : "");
  json_builder_end_object (b);
}

char *
eyl_comparison_format_json (const EylComparison *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  static const char *kinds[] = { "fixed", "new", "kept" };

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "before");
  json_builder_add_string_value (b, self->before_path);
  json_builder_set_member_name (b, "after");
  json_builder_add_string_value (b, self->after_path);
  json_builder_set_member_name (b, "fixed");
  json_builder_add_int_value (b, self->n_fixed);
  json_builder_set_member_name (b, "new");
  json_builder_add_int_value (b, self->n_new);
  json_builder_set_member_name (b, "kept");
  json_builder_add_int_value (b, self->n_kept);
  json_builder_set_member_name (b, "pages");
  json_builder_begin_array (b);
  for (guint p = 0; p < self->pages->len; p++)
    {
      const EylPageComparison *page = g_ptr_array_index (self->pages, p);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "index");
      json_builder_add_int_value (b, page->index);
      json_builder_set_member_name (b, "score_before");
      if (page->in_before)
        json_builder_add_int_value (b, page->score_before);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "score_after");
      if (page->in_after)
        json_builder_add_int_value (b, page->score_after);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "changes");
      json_builder_begin_array (b);
      for (guint i = 0; i < page->changes->len; i++)
        {
          const EylFindingChange *c = &g_array_index (page->changes, EylFindingChange, i);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "change");
          json_builder_add_string_value (b, kinds[c->kind]);
          add_finding (b, "before", c->before);
          add_finding (b, "after", c->after);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
}
