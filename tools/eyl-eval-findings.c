/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-eval-findings: the findings of one report against one file's entry
 * of the consultant's answer key.
 *
 * A key entry (`must` or `must_not`) is met by a finding with the same rule
 * ("*" in the key: any rule) on the same page (1-based, page 1 when the key
 * gives none) on an element of the same kind, with the text matched
 * loosely.  Element "none" in the key is met by a page-level finding or by
 * a finding on any element.  The key's texts are what a person reads, so
 * they are compared loosely (see eyl_eval_text_matches); for the kinds
 * whose key text describes the thing instead of quoting it (a logo, a QR
 * code, a barcode) the kind alone decides. */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "eyl-eval-findings.h"

/* Kinds whose text in the key is a description ("OSGeo emblem +
 * wordmark", "QR code (dashboard)"), not the printed text. */
static const char *const described_kinds[] = { "none", "logo", "qr", "barcode" };

/* Words too common in contacts to say that two texts are the same. */
static const char *const stop_words[] = { "http", "https", "mailto" };

static gboolean
in_list (const char        *str,
         const char *const *list,
         guint              n)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (str, list[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_described_kind (const char *kind)
{
  return in_list (kind, described_kinds, G_N_ELEMENTS (described_kinds));
}

static gboolean
is_brand_kind (const char *kind)
{
  return g_strcmp0 (kind, "logo") == 0 || g_strcmp0 (kind, "brand_name") == 0;
}

static void
finding_free (EylEvalFinding *finding)
{
  g_free (finding->rule);
  g_free (finding->severity);
  g_free (finding->kind);
  g_free (finding->text);
  g_free (finding->message);
  g_free (finding);
}

static void
expect_free (EylEvalExpect *expect)
{
  g_free (expect->rule);
  g_free (expect->element);
  g_free (expect->text);
  g_free (expect->severity);
  g_free (expect);
}

void
eyl_eval_file_free (EylEvalFile *file)
{
  if (file == NULL)
    return;
  g_free (file->id);
  g_free (file->placement);
  g_clear_pointer (&file->must, g_ptr_array_unref);
  g_clear_pointer (&file->must_not, g_ptr_array_unref);
  g_clear_pointer (&file->findings, g_ptr_array_unref);
  g_free (file->detail);
  g_free (file);
}

/* JSON accessors that take a missing member, null or the wrong type as
 * "not given" instead of warning: the key is written by hand. */
static JsonNode *
member (JsonObject *object,
        const char *name)
{
  return object != NULL ? json_object_get_member (object, name) : NULL;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gint64
member_int (JsonObject *object,
            const char *name,
            gint64      default_value)
{
  JsonNode *node = member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return default_value;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node);
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return (gint64) json_node_get_double (node);
  return default_value;
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node = member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonObject *
element_object (JsonArray *array,
                guint      i)
{
  JsonNode *node = json_array_get_element (array, i);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonNode *
load_json (const char *path,
           GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_file (parser, path, error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: not a JSON object", path);
      return NULL;
    }
  return json_node_copy (json_parser_get_root (parser));
}

static GPtrArray *
read_expects (const char *id,
              JsonObject *entry,
              const char *list,
              gboolean    with_severity)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) expect_free);
  JsonArray *array = member_array (entry, list);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject    *object = element_object (array, i);
      const char    *rule = member_string (object, "rule");
      const char    *element = member_string (object, "element");
      const char    *text = member_string (object, "text");
      EylEvalExpect *expect;

      if (rule == NULL || *rule == '\0')
        {
          g_printerr ("eyl-eval: %s: %s[%u] names no rule, left out\n", id, list, i);
          continue;
        }
      expect = g_new0 (EylEvalExpect, 1);
      expect->rule = g_strdup (rule);
      expect->page = (guint) MAX (member_int (object, "page", 1), 1);
      expect->element = g_strdup (element != NULL && *element != '\0' ? element : "none");
      expect->text = g_strdup (text != NULL ? text : "");
      if (with_severity)
        expect->severity = g_strdup (member_string (object, "severity"));
      g_ptr_array_add (out, expect);
    }
  return out;
}

/* The files of the key, in its order. */
GPtrArray *
eyl_eval_key_load (const char *path,
                   GError    **error)
{
  g_autoptr(JsonNode) root = load_json (path, error);
  g_autoptr(GPtrArray) out = NULL;
  g_autoptr(GList) ids = NULL;
  JsonNode *files;

  if (root == NULL)
    return NULL;
  files = member (json_node_get_object (root), "files");
  if (files == NULL || !JSON_NODE_HOLDS_OBJECT (files))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: no \"files\" object", path);
      return NULL;
    }

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) eyl_eval_file_free);
  ids = json_object_get_members (json_node_get_object (files));
  for (GList *l = ids; l != NULL; l = l->next)
    {
      JsonNode    *node = json_object_get_member (json_node_get_object (files), l->data);
      JsonObject  *entry = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonArray   *size = member_array (entry, "size_mm");
      const char  *placement = member_string (entry, "placement");
      EylEvalFile *file = g_new0 (EylEvalFile, 1);

      file->id = g_strdup (l->data);
      file->placement = g_strdup (placement != NULL ? placement : "auto");
      if (size != NULL && json_array_get_length (size) == 2)
        {
          file->size_mm[0] = json_array_get_double_element (size, 0);
          file->size_mm[1] = json_array_get_double_element (size, 1);
        }
      file->must = read_expects (file->id, entry, "must", TRUE);
      file->must_not = read_expects (file->id, entry, "must_not", FALSE);
      file->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) finding_free);
      g_ptr_array_add (out, file);
    }
  return g_steal_pointer (&out);
}

/* The findings of files[0] of an `eyeline-cli check --format json` report,
 * each with the kind and text of the element its id names. */
gboolean
eyl_eval_file_read_report (EylEvalFile *file,
                           const char  *path,
                           GError     **error)
{
  g_autoptr(JsonNode) root = load_json (path, error);
  g_autoptr(GHashTable) elements = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray  *files, *pages;
  JsonObject *report;

  if (root == NULL)
    return FALSE;
  files = member_array (json_node_get_object (root), "files");
  report = files != NULL && json_array_get_length (files) > 0 ? element_object (files, 0) : NULL;
  if (report == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: the report has no file", path);
      return FALSE;
    }

  pages = member_array (report, "pages");
  for (guint p = 0; pages != NULL && p < json_array_get_length (pages); p++)
    {
      JsonArray *array = member_array (element_object (pages, p), "elements");

      for (guint e = 0; array != NULL && e < json_array_get_length (array); e++)
        {
          JsonObject *el = element_object (array, e);
          const char *id = member_string (el, "id");

          if (id != NULL)
            g_hash_table_insert (elements, (gpointer) id, el);
        }
    }

  g_ptr_array_set_size (file->findings, 0);
  for (guint p = 0; pages != NULL && p < json_array_get_length (pages); p++)
    {
      JsonObject *page = element_object (pages, p);
      JsonArray  *array = member_array (page, "findings");
      guint       page_no = (guint) member_int (page, "index", p) + 1;

      for (guint f = 0; array != NULL && f < json_array_get_length (array); f++)
        {
          JsonObject     *object = element_object (array, f);
          const char     *element_id = member_string (object, "element");
          const char     *rule = member_string (object, "rule");
          const char     *severity = member_string (object, "severity");
          const char     *message = member_string (object, "message");
          EylEvalFinding *finding = g_new0 (EylEvalFinding, 1);

          finding->rule = g_strdup (rule != NULL ? rule : "");
          finding->severity = g_strdup (severity != NULL ? severity : "");
          finding->message = g_strdup (message != NULL ? message : "");
          finding->page = page_no;
          if (element_id != NULL)
            {
              JsonObject *el = g_hash_table_lookup (elements, element_id);
              const char *kind = member_string (el, "kind");
              const char *text = member_string (el, "text");

              /* An id the report does not list is an element of no kind. */
              finding->kind = g_strdup (kind != NULL ? kind : "");
              finding->text = g_strdup (text != NULL ? text : "");
            }
          g_ptr_array_add (file->findings, finding);
        }
    }
  return TRUE;
}

/* @text case-folded (after NFKC, so that a decomposed accent stays part
 * of its letter and a PDF's ligatures are letters) with
 * every run of characters other than letters and digits turned into one
 * space.  With @drop_parens, what stands in parentheses goes too: the key
 * says "www.osgeo.org (back cover)" or "@handle (Twitter handle)". */
static char *
normalise (const char *text,
           gboolean    drop_parens)
{
  g_autofree char *nfkc = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_ALL_COMPOSE);
  g_autofree char *folded = g_utf8_casefold (nfkc != NULL ? nfkc : "", -1);
  GString         *out = g_string_new (NULL);
  int              depth = 0;

  for (const char *s = folded; *s != '\0'; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s);

      if (drop_parens && c == '(')
        depth++;
      else if (drop_parens && c == ')' && depth > 0)
        depth--;
      else if (depth == 0 && g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
      else if (out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

static char *
without_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *s = text; *s != '\0'; s++)
    if (*s != ' ')
      g_string_append_c (out, *s);
  return g_string_free (out, FALSE);
}

static gboolean
share_a_word (const char *a,
              const char *b)
{
  g_auto(GStrv) words_a = g_strsplit (a, " ", -1);
  g_auto(GStrv) words_b = g_strsplit (b, " ", -1);

  for (guint i = 0; words_a[i] != NULL; i++)
    {
      if (g_utf8_strlen (words_a[i], -1) < 4 ||
          in_list (words_a[i], stop_words, G_N_ELEMENTS (stop_words)))
        continue;
      if (g_strv_contains ((const char *const *) words_b, words_a[i]))
        return TRUE;
    }
  return FALSE;
}

/* Does the text a detector read (@seen_text) stand for the key's
 * @key_text?  Both normalised; they match when one contains the other
 * (spaces aside: "www.osgeo.org" holds "osgeo.org") or when they share a
 * word of four or more letters.  An empty key text matches any text; an
 * empty text read matches only an empty key. */
gboolean
eyl_eval_text_matches (const char *key_text,
                       const char *seen_text)
{
  g_autofree char *key = normalise (key_text, TRUE);
  g_autofree char *seen = normalise (seen_text, FALSE);
  g_autofree char *key_flat = NULL;
  g_autofree char *seen_flat = NULL;

  if (*key == '\0')
    return TRUE;
  if (*seen == '\0')
    return FALSE;

  key_flat = without_spaces (key);
  seen_flat = without_spaces (seen);
  return strstr (key_flat, seen_flat) != NULL || strstr (seen_flat, key_flat) != NULL ||
         share_a_word (key, seen);
}

/* With @family, the kinds must differ but both be of the brand (a logo or
 * the brand name): see find_match.  Text is compared only when both
 * kinds carry printed text. */
static gboolean
expect_matches (const EylEvalExpect  *expect,
                const EylEvalFinding *finding,
                gboolean              family)
{
  if (g_strcmp0 (expect->rule, "*") != 0 && g_strcmp0 (expect->rule, finding->rule) != 0)
    return FALSE;
  if (expect->page != finding->page)
    return FALSE;
  if (g_strcmp0 (expect->element, "none") == 0)
    return !family;
  if (family ? !(is_brand_kind (expect->element) && is_brand_kind (finding->kind) &&
                 g_strcmp0 (expect->element, finding->kind) != 0)
             : g_strcmp0 (expect->element, finding->kind) != 0)
    return FALSE;
  if (is_described_kind (expect->element) || is_described_kind (finding->kind))
    return TRUE;
  return eyl_eval_text_matches (expect->text, finding->text);
}

/* The finding that meets @expect, or NULL.  The exact kind is tried first
 * and the brand family (a logo for the brand name, or the other way) only
 * when no finding of the exact kind meets it: the detectors split a
 * lock-up into emblem and wordmark, or take a wordmark for a logo, in ways
 * the consultant does not (the key names the mark a person sees), so a
 * brand-hidden on the wordmark is the problem the key means by "logo";
 * but where a finding on the exact kind exists it is the one credited,
 * with its severity.  Among the findings that meet @expect, one with the
 * key's severity is preferred, so "severity agrees" counts a must that
 * some matching finding reports at the key's level. */
static const EylEvalFinding *
find_match (const EylEvalExpect *expect,
            GPtrArray           *findings)
{
  for (guint pass = 0; pass < 2; pass++)
    {
      const EylEvalFinding *first = NULL;

      for (guint i = 0; i < findings->len; i++)
        {
          const EylEvalFinding *finding = findings->pdata[i];

          if (!expect_matches (expect, finding, pass == 1))
            continue;
          if (expect->severity == NULL || g_strcmp0 (expect->severity, finding->severity) == 0)
            return finding;
          if (first == NULL)
            first = finding;
        }
      if (first != NULL)
        return first;
    }
  return NULL;
}

/* Which musts were found and which must-nots raised.  A finding may meet
 * several entries (two "qr-too-small" on two QR codes both count when the
 * detectors see one): the key is matched loosely, not one to one.  A
 * finding that meets a must is what the key asks for, so it never counts
 * against a broader must-not ("nothing page-level that treats this 1:10
 * file as a leaflet" beside "no contact: error"). */
void
eyl_eval_file_score (EylEvalFile *file)
{
  /* Borrowed: g_ptr_array_copy() would take the free function along. */
  g_autoptr(GPtrArray) unasked = g_ptr_array_sized_new (file->findings->len);

  for (guint i = 0; i < file->findings->len; i++)
    g_ptr_array_add (unasked, file->findings->pdata[i]);

  for (guint i = 0; i < file->must->len; i++)
    {
      EylEvalExpect *expect = file->must->pdata[i];

      expect->hit = find_match (expect, file->findings);
      if (expect->hit != NULL)
        g_ptr_array_remove (unasked, (gpointer) expect->hit);
    }
  for (guint i = 0; i < file->must_not->len; i++)
    {
      EylEvalExpect *expect = file->must_not->pdata[i];

      expect->hit = find_match (expect, unasked);
    }
}

static void
print_expect (const char          *verdict,
              const EylEvalExpect *expect)
{
  g_print ("  %-7s %-26s p%-2u %-10s %s%s%s", verdict, expect->rule, expect->page,
           expect->element, *expect->text != '\0' ? "\u201c" : "", expect->text,
           *expect->text != '\0' ? "\u201d" : "");
}

void
eyl_eval_file_print (const EylEvalFile *file)
{
  g_autofree char *size = NULL;

  if (file->size_mm[0] > 0 && file->size_mm[1] > 0)
    size = g_strdup_printf (", %g \u00d7 %g mm", file->size_mm[0], file->size_mm[1]);
  g_print ("%s (%s%s): ", file->id, file->placement, size != NULL ? size : "");
  switch (file->status)
    {
    case EYL_EVAL_CHECKED:
      g_print ("%u findings\n", file->findings->len);
      break;
    case EYL_EVAL_ABSENT:
      g_print ("skipped, %s\n", file->detail);
      return;
    case EYL_EVAL_UNREADABLE:
    case EYL_EVAL_FAILED:
    case EYL_EVAL_PENDING:
    default:
      g_print ("not checked, %s\n", file->detail != NULL ? file->detail : "not run");
      return;
    }

  for (guint i = 0; i < file->must->len; i++)
    {
      const EylEvalExpect *expect = file->must->pdata[i];

      print_expect (expect->hit != NULL ? "found" : "MISSED", expect);
      if (expect->hit != NULL && g_strcmp0 (expect->hit->severity, expect->severity) == 0)
        g_print ("  [%s]", expect->hit->severity);
      else if (expect->hit != NULL)
        g_print ("  [%s, key: %s]", expect->hit->severity,
                 expect->severity != NULL ? expect->severity : "none");
      g_print ("\n");
    }
  for (guint i = 0; i < file->must_not->len; i++)
    {
      const EylEvalExpect *expect = file->must_not->pdata[i];

      if (expect->hit == NULL)
        continue;
      print_expect ("RAISED", expect);
      g_print ("\n          %s %s: %s\n", expect->hit->rule, expect->hit->severity,
               expect->hit->message);
    }
}
