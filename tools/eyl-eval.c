/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-eval: detector accuracy and findings on the labelled corpus.
 *
 *   eyl-eval REPORT.json LABELS.json [-v]
 *   eyl-eval findings [-v] [--cli PATH] [--out DIR] [--save FILE] KEY.json FILES_DIR
 *
 * The second form is the findings score against the consultant's answer
 * key (expected-findings.json): see findings_main.
 *
 * REPORT.json is `eyeline-cli check --format json` over the corpus files;
 * LABELS.json is ../shared/corpus/labels.json.  Prints, per element kind,
 * recall and precision against the labels.  A detected element matches a
 * label when the centre of either box lies inside the other (boxes as
 * fractions of the page from its top-left corner).  URLs labelled
 * brand_contact: false are not contacts; sponsor logos count neither way.
 * Precision counts only pages that carry labels: the labels of a
 * multi-page file cover the pages they name (page 1 by default).  With
 * the answer key beside LABELS.json, the placements "auto" chose are
 * compared with the key's (presets read from data/placements). */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "eyl-eval-findings.h"
#include "eyl-eval-run.h"
#include "eyl-eval-totals.h"

typedef struct
{
  double x0, y0, x1, y1;
} Box;

typedef struct
{
  char    *file;
  guint    page;
  char    *kind; /* label type or element kind */
  char    *text;
  Box      box;
  gboolean contact; /* a brand contact */
  int      live;    /* in the text layer: 1, outlined or raster: 0, not known: -1 */
  gboolean others;  /* marked as another organisation's (third_party) */
  gboolean matched;
} Item;

static const char *const contact_kinds[] = { "url", "email", "phone", "social", "qr", "address" };
static const char *const kinds[] = { "url", "email", "phone", "social", "qr", "address",
                                     "logo", "sponsor_logo", "headline", "cta" };

static gboolean
is_contact_kind (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (contact_kinds); i++)
    if (g_strcmp0 (kind, contact_kinds[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
item_free (Item *item)
{
  g_free (item->file);
  g_free (item->kind);
  g_free (item->text);
  g_free (item);
}

static gboolean
centre_inside (const Box *a,
               const Box *b)
{
  double cx = (a->x0 + a->x1) / 2, cy = (a->y0 + a->y1) / 2;

  return cx >= b->x0 && cx <= b->x1 && cy >= b->y0 && cy <= b->y1;
}

static gboolean
boxes_match (const Box *a,
             const Box *b)
{
  return centre_inside (a, b) || centre_inside (b, a);
}

static Box
box_from_array (JsonArray *array,
                double     w,
                double     h)
{
  Box box = {
    0,
  };

  if (array != NULL && json_array_get_length (array) == 4)
    {
      box.x0 = json_array_get_double_element (array, 0) / w;
      box.y0 = json_array_get_double_element (array, 1) / h;
      box.x1 = json_array_get_double_element (array, 2) / w;
      box.y1 = json_array_get_double_element (array, 3) / h;
    }
  return box;
}

static JsonNode *
load (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (!json_parser_load_from_file (parser, path, &error))
    {
      g_printerr ("eyl-eval: %s: %s\n", path, error->message);
      return NULL;
    }
  return json_node_copy (json_parser_get_root (parser));
}

static char *
file_id (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  if (g_str_has_suffix (base, ".pdf"))
    base[strlen (base) - 4] = '\0';
  return g_steal_pointer (&base);
}

/* Labels of the files that were checked. */
static void
read_labels (JsonObject *labels,
             GHashTable *checked,
             GPtrArray  *out)
{
  g_autoptr(GList) ids = json_object_get_members (labels);

  for (GList *l = ids; l != NULL; l = l->next)
    {
      JsonObject *entry = json_object_get_object_member (labels, l->data);
      JsonArray  *regions;

      if (!g_hash_table_contains (checked, l->data) || entry == NULL ||
          !json_object_has_member (entry, "regions"))
        continue;

      regions = json_object_get_array_member (entry, "regions");
      for (guint i = 0; i < json_array_get_length (regions); i++)
        {
          JsonObject *r = json_array_get_object_element (regions, i);
          Item       *item = g_new0 (Item, 1);

          item->file = g_strdup (l->data);
          item->page = json_object_has_member (r, "page")
                           ? (guint) json_object_get_int_member (r, "page")
                           : 1;
          item->kind = g_strdup (json_object_get_string_member_with_default (r, "type", ""));
          item->text = g_strdup (json_object_get_string_member_with_default (r, "text", ""));
          item->box = box_from_array (json_object_get_array_member (r, "box"), 1, 1);
          item->contact = is_contact_kind (item->kind) &&
                          json_object_get_boolean_member_with_default (r, "brand_contact", TRUE);
          item->live = json_object_has_member (r, "in_text_layer")
                           ? json_object_get_boolean_member (r, "in_text_layer")
                           : -1;
          g_ptr_array_add (out, item);
        }
    }
}

static void
read_report (JsonObject *report,
             GHashTable *checked,
             GPtrArray  *out)
{
  JsonArray *files = json_object_get_array_member (report, "files");

  for (guint f = 0; files != NULL && f < json_array_get_length (files); f++)
    {
      JsonObject      *file = json_array_get_object_element (files, f);
      g_autofree char *id = file_id (json_object_get_string_member_with_default (file, "path", ""));
      JsonArray       *pages;

      g_hash_table_add (checked, g_strdup (id));
      if (!json_object_has_member (file, "pages"))
        continue;

      pages = json_object_get_array_member (file, "pages");
      for (guint p = 0; p < json_array_get_length (pages); p++)
        {
          JsonObject *page = json_array_get_object_element (pages, p);
          JsonArray  *size = json_object_get_array_member (page, json_object_has_member (page, "page_pt")
                                                                     ? "page_pt"
                                                                     : "size_pt");
          JsonArray  *elements = json_object_get_array_member (page, "elements");
          double      w = json_array_get_double_element (size, 0);
          double      h = json_array_get_double_element (size, 1);

          for (guint e = 0; elements != NULL && e < json_array_get_length (elements); e++)
            {
              JsonObject *el = json_array_get_object_element (elements, e);
              Item       *item = g_new0 (Item, 1);

              item->file = g_strdup (id);
              item->page = (guint) json_object_get_int_member (page, "index") + 1;
              item->kind = g_strdup (json_object_get_string_member_with_default (el, "kind", ""));
              item->text = g_strdup (json_object_get_string_member_with_default (el, "text", ""));
              item->box = box_from_array (json_object_get_array_member (el, "box_pt"), w, h);
              item->contact = is_contact_kind (item->kind);
              /* Read from the text layer, or from pixels (OCR, a code). */
              item->live = g_strcmp0 (json_object_get_string_member_with_default (el, "source", ""),
                                      "text") == 0;
              item->others = json_object_get_boolean_member_with_default (el, "third_party", FALSE);
              g_ptr_array_add (out, item);
            }
        }
    }
}

/* Does @det count for label @lab?  Contacts match across contact kinds
 * when @any_contact (a QR with a URL is the same channel as the URL). */
static gboolean
same_kind (const Item *lab,
           const Item *det,
           gboolean    any_contact)
{
  if (any_contact)
    return lab->contact && det->contact;
  return g_strcmp0 (lab->kind, det->kind) == 0;
}

static gboolean
matches (const Item *lab,
         const Item *det)
{
  return g_strcmp0 (lab->file, det->file) == 0 && lab->page == det->page &&
         boxes_match (&lab->box, &det->box);
}

static GHashTable *labelled_pages;

static char *
page_key (const Item *item)
{
  return g_strdup_printf ("%s#%u", item->file, item->page);
}

/* @live: only labels in the text layer (1), only outlined or raster ones
 * (0, QR codes aside), or all (-1); detections are split the same way by
 * where they were read. */
static void
score (const char *title,
       GPtrArray  *labels,
       GPtrArray  *detected,
       const char *kind, /* NULL: all brand contacts */
       int         live,
       gboolean    verbose)
{
  guint n_labels = 0, found = 0, n_detected = 0, right = 0;

  for (guint i = 0; i < labels->len; i++)
    {
      Item    *lab = labels->pdata[i];
      gboolean hit = FALSE;

      if (kind ? g_strcmp0 (lab->kind, kind) != 0 || (lab->contact != is_contact_kind (kind))
               : !lab->contact)
        continue;
      if (live >= 0 && lab->live != live)
        continue;
      n_labels++;
      for (guint j = 0; j < detected->len && !hit; j++)
        hit = same_kind (lab, detected->pdata[j], kind == NULL) && matches (lab, detected->pdata[j]);
      found += hit;
      if (!hit && verbose)
        g_print ("  missed %-8s %-30s %s\n", lab->kind, lab->file, lab->text);
    }

  for (guint j = 0; j < detected->len; j++)
    {
      Item            *det = detected->pdata[j];
      g_autofree char *key = page_key (det);
      gboolean         ok = FALSE;

      if (kind ? g_strcmp0 (det->kind, kind) != 0 : !det->contact)
        continue;
      if (live >= 0 && (det->live != live || g_strcmp0 (det->kind, "qr") == 0))
        continue;
      if (!g_hash_table_contains (labelled_pages, key))
        continue;
      n_detected++;
      for (guint i = 0; i < labels->len && !ok; i++)
        {
          Item *lab = labels->pdata[i];

          /* A sponsor's logo found is not a brand logo, but not a mistake either. */
          if (g_strcmp0 (det->kind, "logo") == 0 && g_strcmp0 (lab->kind, "sponsor_logo") == 0)
            ok = matches (lab, det);
          else
            ok = same_kind (lab, det, kind == NULL) && matches (lab, det);
        }
      right += ok;
      if (!ok && verbose)
        g_print ("  extra  %-8s %-30s %s\n", det->kind, det->file, det->text);
    }

  g_print ("%-16s %4u labelled %4u found  recall %5.1f %%   %4u detected %4u right  precision %5.1f %%\n",
           title, n_labels, found, n_labels ? 100.0 * found / n_labels : 0.0,
           n_detected, right, n_detected ? 100.0 * right / n_detected : 0.0);
}

/* Whose marks: of the logos found that meet a labelled logo, how many
 * are given the right owner — the brand's ("logo") or another
 * organisation's ("sponsor_logo", found as a logo marked third_party). */
static void
score_owners (GPtrArray *labels,
              GPtrArray *detected,
              gboolean   verbose)
{
  guint n[2] = { 0, 0 }, right[2] = { 0, 0 };

  for (guint j = 0; j < detected->len; j++)
    {
      Item *det = detected->pdata[j];

      if (g_strcmp0 (det->kind, "logo") != 0)
        continue;
      for (guint i = 0; i < labels->len; i++)
        {
          Item    *lab = labels->pdata[i];
          gboolean theirs = g_strcmp0 (lab->kind, "sponsor_logo") == 0;

          if ((!theirs && g_strcmp0 (lab->kind, "logo") != 0) || !matches (lab, det))
            continue;
          n[theirs]++;
          right[theirs] += det->others == theirs;
          if (det->others != theirs && verbose)
            g_print ("  owner  %-8s %-30s marked %s\n", lab->kind, lab->file,
                     det->others ? "another's" : "the brand's");
          break;
        }
    }
  g_print ("%-16s %4u brand's  %4u right  %5.1f %%      %4u others' %4u right  %5.1f %%\n",
           "logo owner", n[0], right[0], n[0] ? 100.0 * right[0] / n[0] : 0.0, n[1], right[1],
           n[1] ? 100.0 * right[1] / n[1] : 0.0);
}

/* The kind of placement preset @id (rollup, poster, leaflet…) from its
 * file in @dir, or NULL. */
static char *
preset_kind (const char *dir,
             const char *id)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *name = g_strconcat (id, ".ini", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_auto(GStrv) groups = NULL;

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
    return NULL;
  groups = g_key_file_get_groups (file, NULL);
  return groups[0] != NULL ? g_key_file_get_string (file, groups[0], "kind", NULL) : NULL;
}

/* The placement "auto" chose for each file's first page against the
 * answer key's: the same preset, the same kind of piece (a roll-up behind
 * a table instead of a free-standing one), or another; the others are
 * listed with the reason given, to be judged by a reader. */
static void
score_placements (JsonObject *report,
                  const char *key_path,
                  const char *presets_dir)
{
  g_autoptr(JsonNode) key = load (key_path);
  JsonObject *key_files;
  JsonArray  *files = json_object_get_array_member (report, "files");
  guint       n = 0, same = 0, same_kind = 0;
  g_autoptr(GString) others = g_string_new (NULL);

  if (key == NULL || !JSON_NODE_HOLDS_OBJECT (key) ||
      (key_files = json_object_get_object_member (json_node_get_object (key), "files")) == NULL)
    return;

  for (guint f = 0; files != NULL && f < json_array_get_length (files); f++)
    {
      JsonObject      *file = json_array_get_object_element (files, f);
      g_autofree char *id = file_id (json_object_get_string_member_with_default (file, "path", ""));
      JsonObject      *expected = json_object_get_object_member (key_files, id);
      JsonArray       *pages = json_object_get_array_member (file, "pages");
      JsonObject      *page;
      const char      *want, *got;
      g_autofree char *want_kind = NULL;
      g_autofree char *got_kind = NULL;

      if (expected == NULL || pages == NULL || json_array_get_length (pages) == 0)
        continue;
      page = json_array_get_object_element (pages, 0);
      want = json_object_get_string_member_with_default (expected, "placement", "");
      got = json_object_get_string_member_with_default (page, "placement", "");
      n++;
      if (g_strcmp0 (want, got) == 0)
        {
          same++;
          continue;
        }
      want_kind = preset_kind (presets_dir, want);
      got_kind = preset_kind (presets_dir, got);
      if (want_kind != NULL && g_strcmp0 (want_kind, got_kind) == 0)
        {
          same_kind++;
          continue;
        }
      g_string_append_printf (others, "  %-30s key %-20s auto %-20s %s\n", id, want, got,
                              json_object_get_string_member_with_default (page, "placement_reason", ""));
    }
  if (n == 0)
    return;
  g_print ("\nPlacement chosen by auto on %u files: %u as the key, %u the same kind of piece "
           "(%.0f %%); the others, each with its reason:\n%s",
           n, same, same_kind, 100.0 * (same + same_kind) / n, others->str);
}

/* Each file of the key checked with its own placement and size, two at a
 * time; the musts found, the must-nots raised and the findings by rule and
 * severity over the corpus.  With --save, the totals of the run before
 * (when there is one) are shown beside the new ones, which then replace
 * them. */
static int
findings_main (int   argc,
               char *argv[])
{
  g_autofree char   *cli = NULL;
  g_autofree char   *out_dir = NULL;
  g_autofree char   *save = NULL;
  gboolean           verbose = FALSE;
  int                jobs = 2;
  const GOptionEntry entries[] = {
    { "cli", 0, 0, G_OPTION_ARG_FILENAME, &cli, "The eyeline-cli to run (default: eyeline-cli)", "PATH" },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out_dir, "Folder of the reports, one per file (default: eval-findings)", "DIR" },
    { "save", 0, 0, G_OPTION_ARG_FILENAME, &save, "Totals of the previous run, replaced by this one", "FILE" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, "Files checked at once (default 2)", "N" },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "Each file's musts and raised must-nots", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("KEY.json FILES_DIR");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) now = NULL;

  g_option_context_set_summary (context, "The findings of eyeline-cli against the answer key.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 3)
    {
      g_printerr ("eyl-eval findings: %s\n", error != NULL ? error->message : "expected KEY.json FILES_DIR");
      return 2;
    }
  if (out_dir == NULL)
    out_dir = g_strdup ("eval-findings");
  if (g_mkdir_with_parents (out_dir, 0755) != 0)
    {
      g_printerr ("eyl-eval: cannot create %s: %s\n", out_dir, g_strerror (errno));
      return 1;
    }
  if ((files = eyl_eval_key_load (argv[1], &error)) == NULL)
    {
      g_printerr ("eyl-eval: %s\n", error->message);
      return 1;
    }

  g_print ("Findings against %s: %u files, each with its placement and size, %d at a time\n",
           argv[1], files->len, jobs);
  eyl_eval_run_checks (files, cli != NULL ? cli : "eyeline-cli", argv[2], out_dir, (guint) MAX (jobs, 1));

  for (guint i = 0; i < files->len; i++)
    {
      EylEvalFile *file = files->pdata[i];

      if (file->status == EYL_EVAL_CHECKED)
        eyl_eval_file_score (file);
      /* Files not checked are always named. */
      if (verbose || file->status != EYL_EVAL_CHECKED)
        eyl_eval_file_print (file);
    }

  now = eyl_eval_totals_count (files);
  if (save != NULL && g_file_test (save, G_FILE_TEST_EXISTS) &&
      (before = eyl_eval_totals_load (save, &error)) == NULL)
    {
      g_printerr ("eyl-eval: previous totals: %s\n", error->message);
      g_clear_error (&error);
    }
  g_print ("\n");
  eyl_eval_totals_print (before, now);

  if (save == NULL)
    return 0;
  /* A run that checked nothing (no corpus, a broken build) would only
   * bury the numbers to compare with. */
  if (eyl_eval_totals_get (now, "files.checked") == 0)
    g_printerr ("eyl-eval: no file was checked; %s keeps the previous totals\n", save);
  else if (!eyl_eval_totals_save (now, save, &error))
    {
      g_printerr ("eyl-eval: %s\n", error->message);
      return 1;
    }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JsonNode) report = NULL;
  g_autoptr(JsonNode) labels = NULL;
  g_autoptr(GHashTable) checked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) label_items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  g_autoptr(GPtrArray) detected = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  gboolean verbose = argc > 3 && g_strcmp0 (argv[3], "-v") == 0;

  setlocale (LC_ALL, "");

  if (argc > 1 && g_strcmp0 (argv[1], "findings") == 0)
    return findings_main (argc - 1, argv + 1);
  if (argc < 3)
    {
      g_printerr ("usage: eyl-eval REPORT.json LABELS.json [-v]\n"
                  "       eyl-eval findings [-v] [--cli PATH] [--out DIR] [--save FILE] KEY.json FILES_DIR\n");
      return 2;
    }
  if ((report = load (argv[1])) == NULL || (labels = load (argv[2])) == NULL)
    return 1;
  if (!JSON_NODE_HOLDS_OBJECT (report) || !JSON_NODE_HOLDS_OBJECT (labels))
    {
      g_printerr ("eyl-eval: expected JSON objects\n");
      return 1;
    }

  read_report (json_node_get_object (report), checked, detected);
  read_labels (json_node_get_object (labels), checked, label_items);
  labelled_pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < label_items->len; i++)
    g_hash_table_add (labelled_pages, page_key (label_items->pdata[i]));

  g_print ("%u files, %u labelled regions, %u detected elements\n\n",
           g_hash_table_size (checked), label_items->len, detected->len);
  score ("brand contacts", label_items, detected, NULL, -1, verbose);
  score ("  live text", label_items, detected, NULL, 1, FALSE);
  score ("  outlined", label_items, detected, NULL, 0, FALSE);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    score (kinds[k], label_items, detected, kinds[k], -1, verbose);
  score_owners (label_items, detected, verbose);

  g_hash_table_unref (labelled_pages);

  /* The answer key beside the labels gives each file's scene. */
  {
    g_autofree char *dir = g_path_get_dirname (argv[2]);
    g_autofree char *key = g_build_filename (dir, "expected-findings.json", NULL);

    if (g_file_test (key, G_FILE_TEST_IS_REGULAR))
      score_placements (json_node_get_object (report), key, "data/placements");
  }
  return 0;
}
