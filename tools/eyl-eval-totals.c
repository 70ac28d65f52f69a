/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-eval-totals: the corpus totals of the findings score.
 *
 * The totals are counts by name ("must.found", "rule/no-contact/error", …)
 * so that a saved run and a new one line up even when rules come and go.
 * The saved form is one "name<TAB>count" a line. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <gio/gio.h>

#include "eyl-eval-findings.h"
#include "eyl-eval-totals.h"

static const char *const severities[] = { "error", "warning", "info" };

static GHashTable *
totals_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
totals_add (GHashTable *totals,
            const char *name,
            guint       n)
{
  guint old = GPOINTER_TO_UINT (g_hash_table_lookup (totals, name));

  g_hash_table_insert (totals, g_strdup (name), GUINT_TO_POINTER (old + n));
}

guint
eyl_eval_totals_get (GHashTable *totals,
                     const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (totals, name));
}

static const char *
status_name (EylEvalStatus status)
{
  switch (status)
    {
    case EYL_EVAL_CHECKED:
      return "files.checked";
    case EYL_EVAL_ABSENT:
      return "files.absent";
    case EYL_EVAL_UNREADABLE:
      return "files.unreadable";
    case EYL_EVAL_FAILED:
    case EYL_EVAL_PENDING:
    default:
      return "files.failed";
    }
}

/* The musts of a file that could not be checked count as missed: not
 * reading a file is the checker's failure.  A file without its PDF is
 * left out altogether. */
GHashTable *
eyl_eval_totals_count (GPtrArray *files)
{
  GHashTable *totals = totals_new ();

  for (guint f = 0; f < files->len; f++)
    {
      const EylEvalFile *file = files->pdata[f];

      totals_add (totals, "files.key", 1);
      totals_add (totals, status_name (file->status), 1);
      if (file->status == EYL_EVAL_ABSENT)
        continue;

      totals_add (totals, "must.total", file->must->len);
      totals_add (totals, "must_not.total", file->must_not->len);
      for (guint i = 0; i < file->must->len; i++)
        {
          const EylEvalExpect *expect = file->must->pdata[i];

          if (expect->hit == NULL)
            continue;
          totals_add (totals, "must.found", 1);
          if (g_strcmp0 (expect->hit->severity, expect->severity) == 0)
            totals_add (totals, "must.severity_agrees", 1);
        }
      for (guint i = 0; i < file->must_not->len; i++)
        if (((const EylEvalExpect *) file->must_not->pdata[i])->hit != NULL)
          totals_add (totals, "must_not.raised", 1);

      totals_add (totals, "findings", file->findings->len);
      for (guint i = 0; i < file->findings->len; i++)
        {
          const EylEvalFinding *finding = file->findings->pdata[i];
          g_autofree char      *name = g_strdup_printf ("rule/%s/%s", finding->rule, finding->severity);

          totals_add (totals, name, 1);
        }
    }
  return totals;
}

GHashTable *
eyl_eval_totals_load (const char *path,
                      GError    **error)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *totals;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;

  totals = totals_new ();
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *tab = strchr (lines[i], '\t');

      if (lines[i][0] == '#' || tab == NULL)
        continue;
      *tab = '\0';
      totals_add (totals, lines[i], (guint) g_ascii_strtoull (tab + 1, NULL, 10));
    }
  return totals;
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static GPtrArray *
sorted_names (GHashTable *totals)
{
  GPtrArray     *names = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer       name;

  g_hash_table_iter_init (&iter, totals);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    g_ptr_array_add (names, name);
  g_ptr_array_sort (names, compare_strings);
  return names;
}

/* Written whole or not at all (g_file_set_contents renames a temporary
 * file), so an interrupted run leaves the previous totals in place. */
gboolean
eyl_eval_totals_save (GHashTable *totals,
                      const char *path,
                      GError    **error)
{
  g_autoptr(GString) out = g_string_new ("# eyl-eval findings totals: name<TAB>count\n");
  g_autoptr(GPtrArray) names = sorted_names (totals);

  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (out, "%s\t%u\n", (const char *) names->pdata[i],
                            eyl_eval_totals_get (totals, names->pdata[i]));
  return g_file_set_contents (path, out->str, out->len, error);
}

static void
print_cell (GHashTable *totals,
            const char *name,
            const char *of_name)
{
  g_autofree char *cell = NULL;

  if (of_name != NULL)
    cell = g_strdup_printf ("%u / %u", eyl_eval_totals_get (totals, name),
                            eyl_eval_totals_get (totals, of_name));
  else
    cell = g_strdup_printf ("%u", eyl_eval_totals_get (totals, name));
  g_print (" %11s", cell);
}

/* One line of the table: the count @name (out of @of_name when given),
 * before and now. */
static void
print_row (const char *title,
           GHashTable *before,
           GHashTable *now,
           const char *name,
           const char *of_name)
{
  g_print ("%-26s", title);
  if (before != NULL)
    print_cell (before, name, of_name);
  print_cell (now, name, of_name);
  g_print ("\n");
}

static void
print_average (GHashTable *totals)
{
  guint files = eyl_eval_totals_get (totals, "files.checked");

  g_print (" %11.1f", files > 0 ? (double) eyl_eval_totals_get (totals, "findings") / files : 0.0);
}

/* The rules named in either run, sorted. */
static GPtrArray *
rules_of (GHashTable *before,
          GHashTable *now)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *runs[] = { before, now };
  GPtrArray  *rules = g_ptr_array_new_with_free_func (g_free);

  for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
    {
      g_autoptr(GPtrArray) names = NULL;

      if (runs[r] == NULL)
        continue;
      names = sorted_names (runs[r]);
      for (guint i = 0; i < names->len; i++)
        {
          const char      *name = names->pdata[i];
          const char      *slash = strrchr (name, '/');
          g_autofree char *rule = NULL;

          if (!g_str_has_prefix (name, "rule/") || slash == name + 4)
            continue;
          rule = g_strndup (name + 5, slash - name - 5);
          /* g_hash_table_add() would replace an equal key with this one,
           * which is freed below: look first. */
          if (!g_hash_table_contains (seen, rule))
            {
              g_hash_table_add (seen, rule);
              g_ptr_array_add (rules, g_steal_pointer (&rule));
            }
        }
    }
  g_ptr_array_sort (rules, compare_strings);
  return rules;
}

/* The findings of @rules (one rule, or all for the last line) by
 * severity, before and now. */
static void
print_rule_row (const char *title,
                GPtrArray  *rules,
                guint       first,
                guint       n_rules,
                GHashTable *before,
                GHashTable *now)
{
  GHashTable *runs[] = { before, now };

  g_print ("%-26s", title);
  for (guint s = 0; s < G_N_ELEMENTS (severities); s++)
    {
      g_print ("%s", s > 0 ? "  " : "");
      for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
        {
          guint n = 0;

          if (runs[r] == NULL)
            continue;
          for (guint i = first; i < first + n_rules; i++)
            {
              g_autofree char *name = g_strdup_printf ("rule/%s/%s", (const char *) rules->pdata[i],
                                                       severities[s]);

              n += eyl_eval_totals_get (runs[r], name);
            }
          g_print (" %7u", n);
        }
    }
  g_print ("\n");
}

void
eyl_eval_totals_print (GHashTable *before,
                       GHashTable *now)
{
  g_autoptr(GPtrArray) rules = rules_of (before, now);

  g_print ("%-26s", "");
  if (before != NULL)
    g_print (" %11s", "before");
  g_print (" %11s\n", "now");
  print_row ("files checked", before, now, "files.checked", "files.key");
  print_row ("files unreadable", before, now, "files.unreadable", NULL);
  print_row ("must found", before, now, "must.found", "must.total");
  print_row ("must-not raised", before, now, "must_not.raised", "must_not.total");
  print_row ("severity agrees (found)", before, now, "must.severity_agrees", "must.found");
  print_row ("findings", before, now, "findings", NULL);
  g_print ("%-26s", "findings per file");
  if (before != NULL)
    print_average (before);
  print_average (now);
  g_print ("\n\n%-26s", "findings by rule");
  for (guint s = 0; s < G_N_ELEMENTS (severities); s++)
    g_print ("%s %*s", s > 0 ? "  " : "", before != NULL ? 15 : 7, severities[s]);
  g_print ("\n");
  if (before != NULL)
    {
      g_print ("%-26s", "");
      for (guint s = 0; s < G_N_ELEMENTS (severities); s++)
        g_print ("%s %7s %7s", s > 0 ? "  " : "", "before", "now");
      g_print ("\n");
    }
  for (guint i = 0; i < rules->len; i++)
    print_rule_row (rules->pdata[i], rules, i, 1, before, now);
  print_rule_row ("all rules", rules, 0, rules->len, before, now);
}
