/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-badpdfs.c: every file of ../shared/badpdfs through `eyeline-cli
 * check` and `eyeline-cli export`, each with the outcome its manifest
 * expects — a normal report, or that file's error with the documented
 * code and a message naming it — while the others go on.  The inputs'
 * bytes are compared before and after.
 *
 * The files that make Poppler hang or blow up get a short time budget
 * (the manifest says which they are), and the 5000-page file is read
 * without the pixel detectors, so that the suite takes minutes. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <poppler.h>

#include "eyl-fixtures.h"

/* The budget for the files that hang: long enough for any other file's
 * page on a loaded machine, short enough to keep the suite quick. */
#define HANG_TIMEOUT "8"

typedef struct
{
  char *file;
  char *path;
  char *password;
  char *expected;
  char *checksum;
} Entry;

static GPtrArray *entries; /* Entry */
static char      *files_dir;

static void
entry_free (Entry *entry)
{
  g_free (entry->file);
  g_free (entry->path);
  g_free (entry->password);
  g_free (entry->expected);
  g_free (entry->checksum);
  g_free (entry);
}

static char *
file_checksum (const char *path)
{
  g_autofree char *data = NULL;
  gsize            len = 0;

  if (!g_file_get_contents (path, &data, &len, NULL))
    return g_strdup ("unreadable");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

/* The manifest: a header line, then file, source_repo, source_path,
 * commit, licence, special, password, expected — tab-separated. */
static gboolean
load_manifest (void)
{
  g_autofree char *dir = eyl_fixture_shared_path ("badpdfs");
  g_autofree char *manifest = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (dir == NULL)
    return FALSE;
  manifest = g_build_filename (dir, "manifest.tsv", NULL);
  if (!g_file_get_contents (manifest, &text, NULL, NULL))
    return FALSE;

  files_dir = g_build_filename (dir, "files", NULL);
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      Entry *entry;

      if (g_strv_length (fields) < 8)
        continue;
      entry = g_new0 (Entry, 1);
      entry->file = g_strdup (fields[0]);
      entry->path = g_build_filename (files_dir, fields[0], NULL);
      entry->password = g_strdup (fields[6]);
      entry->expected = g_strdup (g_strstrip (fields[7]));
      entry->checksum = file_checksum (entry->path);
      g_ptr_array_add (entries, entry);
    }
  return entries->len > 0;
}

static gboolean
skip_without_manifest (void)
{
  if (entries != NULL)
    return FALSE;
  g_test_skip ("no ../shared/badpdfs beside the checkout (or $EYL_SHARED_DIR): nothing to check");
  return TRUE;
}

static gboolean
expects (const Entry *entry,
         const char  *expected)
{
  return g_str_equal (entry->expected, expected);
}

/* Poppler hangs or blows up on these whatever is done with them. */
static gboolean
is_hang (const Entry *entry)
{
  return expects (entry, "timeout") || expects (entry, "timeout-or-memory");
}

/* … and on this one only when exporting. */
static gboolean
is_hang_export (const Entry *entry)
{
  return is_hang (entry) || expects (entry, "timeout (export only)");
}

static gboolean
is_many_pages (const Entry *entry)
{
  return g_str_equal (entry->file, "gen-5000-pages.pdf");
}

/* Picks the files of one batch. */
typedef gboolean (*EntryFilter) (const Entry *entry);

static gboolean
is_plain (const Entry *entry)
{
  return !is_hang (entry) && !is_many_pages (entry) && !expects (entry, "needs-password");
}

static gboolean
is_plain_export (const Entry *entry)
{
  return is_plain (entry) && !is_hang_export (entry);
}

/* Runs the CLI with @options and the files @filter picks; returns the
 * parsed report (a JSON object) the run wrote to @report_path. */
static JsonObject *
run_batch (const char *const *options,
           EntryFilter        filter,
           const char        *report_path,
           EylFixtureRun     *run,
           guint             *n_files)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  *n_files = 0;
  for (guint i = 0; options[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) options[i]);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      if (filter (entry))
        {
          g_ptr_array_add (argv, entry->path);
          (*n_files)++;
        }
    }
  g_ptr_array_add (argv, NULL);

  eyl_fixture_run_cli (run, NULL, (const char *const *) argv->pdata);
  g_test_message ("%s: exit %d, %u files", options[0], run->status, *n_files);

  /* Never a crash of the parent, whatever the files did. */
  g_assert_cmpint (run->status, >=, 0);
  g_assert_cmpint (run->status, <=, 3);

  json_parser_load_from_file (parser, report_path, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_object_ref (json_node_get_object (root));
}

/* Members that may be absent (JSON-GLib complains about a missing one). */
static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  if (!json_object_has_member (object, name))
    return NULL;
  return json_object_get_object_member (object, name);
}

static JsonArray *
array_member (JsonObject *object,
              const char *name)
{
  if (!json_object_has_member (object, name))
    return NULL;
  return json_object_get_array_member (object, name);
}

static guint
array_length (JsonArray *array)
{
  return array != NULL ? json_array_get_length (array) : 0;
}

static Entry *
entry_for_path (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (entry->file, base))
        return entry;
    }
  return NULL;
}

static const char *
error_code (JsonObject *file)
{
  JsonObject *error = object_member (file, "error");

  if (error == NULL)
    return NULL;
  return json_object_get_string_member_with_default (error, "code", "");
}

static const char *
error_message (JsonObject *file)
{
  JsonObject *error = object_member (file, "error");

  if (error == NULL)
    return "";
  return json_object_get_string_member_with_default (error, "message", "");
}

static gboolean
has_page_warning (JsonObject *file)
{
  JsonArray *warnings = array_member (file, "warnings");

  for (guint i = 0; i < array_length (warnings); i++)
    if (g_str_has_prefix (json_array_get_string_element (warnings, i), "Page "))
      return TRUE;
  return FALSE;
}

static gboolean
has_repair_warning (JsonObject *file)
{
  JsonArray *warnings = array_member (file, "warnings");

  for (guint i = 0; i < array_length (warnings); i++)
    {
      const char *text = json_array_get_string_element (warnings, i);

      if (strstr (text, "Poppler") != NULL || strstr (text, "libqpdf") != NULL || strstr (text, "repaired") != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Does @file (one entry of a report) have the outcome the manifest
 * expects for @entry?  @exporting: the run was an export. */
static void
assert_outcome (const Entry *entry,
                JsonObject  *file,
                gboolean     exporting,
                const char  *stderr_text)
{
  const char *code = error_code (file);
  const char *expected = entry->expected;
  gboolean    normal = code == NULL;

  g_test_message ("%-44s %-28s %s", entry->file, expected, normal ? "report" : code);

  if (expects (entry, "ok") || expects (entry, "ok-repaired") || expects (entry, "ok (memory-heavy)") || (!exporting && (expects (entry, "timeout (export only)") || expects (entry, "worker-crash (export only)"))))
    {
      if (!normal)
        g_error ("%s: expected a report, got %s: %s", entry->file, code, error_message (file));
      g_assert_cmpint (json_object_get_int_member (file, "n_pages"), >=, 1);
      g_assert_cmpuint (array_length (array_member (file, "pages")), >=, 1);
    }
  else if (expects (entry, "page-error"))
    {
      /* The unusable pages are named, the others kept; when no page is
       * left the file has no pages. */
      if (normal)
        g_assert_true (has_page_warning (file));
      else
        g_assert_cmpstr (code, ==, "no-pages");
    }
  else if (expects (entry, "invalid"))
    {
      g_assert_nonnull (code);
      g_assert_true (g_str_equal (code, "not-pdf") || g_str_equal (code, "invalid"));
    }
  else if (expects (entry, "no-pages"))
    g_assert_cmpstr (code, ==, "no-pages");
  else if (expects (entry, "needs-password"))
    g_assert_cmpstr (code, ==, "encrypted");
  else if (expects (entry, "timeout") || (exporting && expects (entry, "timeout (export only)")))
    g_assert_cmpstr (code, ==, "timeout");
  else if (expects (entry, "timeout-or-memory"))
    {
      g_assert_nonnull (code);
      g_assert_true (g_str_equal (code, "timeout") || g_str_equal (code, "memory"));
    }
  else if (exporting && expects (entry, "worker-crash (export only)"))
    g_assert_cmpstr (code, ==, "engine-crash");
  else
    g_error ("%s: unknown expected outcome “%s” in the manifest", entry->file, expected);

  /* An error names the file, in the report and in one line on stderr. */
  if (!normal)
    {
      g_autofree char *line = g_strdup_printf ("%s: ", entry->path);

      g_assert_nonnull (strstr (error_message (file), entry->file));
      g_assert_nonnull (strstr (stderr_text, line));
    }
}

/* Every file of the batch is in the report once, with its outcome; the
 * exit status is 3 exactly when a file failed. */
static guint
assert_report (JsonObject *report,
               guint       n_files,
               gboolean    exporting,
               const char *output_dir,
               int         status,
               const char *stderr_text)
{
  JsonArray *files = json_object_get_array_member (report, "files");
  guint      n_failed = 0, n_repaired = 0, n_repair_warnings = 0;

  g_assert_nonnull (files);
  g_assert_cmpuint (json_array_get_length (files), ==, n_files);
  for (guint i = 0; i < json_array_get_length (files); i++)
    {
      JsonObject *file = json_array_get_object_element (files, i);
      Entry      *entry = entry_for_path (json_object_get_string_member (file, "path"));

      g_assert_nonnull (entry);
      assert_outcome (entry, file, exporting, stderr_text);
      if (error_code (file) != NULL)
        n_failed++;
      if (expects (entry, "ok-repaired"))
        {
          n_repaired++;
          n_repair_warnings += has_repair_warning (file);
        }

      if (exporting)
        {
          JsonArray *outputs = array_member (file, "outputs");
          guint      n_outputs = array_length (outputs);

          /* One annotated PDF for each file with a report, that Poppler
           * opens; nothing for the others. */
          g_assert_cmpuint (n_outputs, ==, error_code (file) == NULL ? 1 : 0);
          for (guint k = 0; k < n_outputs; k++)
            {
              const char      *out = json_array_get_string_element (outputs, k);
              g_autofree char *uri = g_filename_to_uri (out, NULL, NULL);
              PopplerDocument *doc;
              g_autoptr(GError) error = NULL;
              g_autofree char *dir = g_path_get_dirname (out);

              g_assert_cmpstr (dir, ==, output_dir);
              doc = poppler_document_new_from_file (uri, NULL, &error);
              g_assert_no_error (error);
              /* The pages drawn again, then the summary. */
              g_assert_cmpint (poppler_document_get_n_pages (doc), >,
                               array_length (array_member (file, "pages")));
              g_object_unref (doc);
            }
        }
    }

  g_assert_cmpint (status, ==, n_failed > 0 ? 3 : 0);
  if (n_repaired > 0)
    {
      /* Poppler or libqpdf say what they repaired in most of them (two
       * of the files are repaired without a word from either). */
      g_test_message ("repair warnings on %u of %u repaired files", n_repair_warnings, n_repaired);
      g_assert_cmpuint (n_repair_warnings * 2, >=, n_repaired);
    }
  return n_failed;
}

/* After an export: the outputs and the report, nothing partial. */
static void
assert_folder_clean (const char *dir,
                     JsonObject *report)
{
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *files = json_object_get_array_member (report, "files");
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  g_hash_table_add (expected, g_strdup ("eyeline-report.json"));
  for (guint i = 0; i < json_array_get_length (files); i++)
    {
      JsonArray *outputs = array_member (json_array_get_object_element (files, i), "outputs");

      for (guint k = 0; k < array_length (outputs); k++)
        g_hash_table_add (expected, g_path_get_basename (json_array_get_string_element (outputs, k)));
    }

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (!g_hash_table_contains (expected, name))
      g_error ("%s: “%s” was left in the export folder", dir, name);
}

/* A flat folder of outputs. */
static void
remove_folder (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

/* @light: without the pixel detectors (OCR, QR codes, logos). */
static void
check_batch (const char *timeout,
             gboolean    light,
             EntryFilter filter)
{
  g_autofree char *dir = g_dir_make_tmp ("eyl-badpdfs-XXXXXX", NULL);
  g_autofree char *report_path = g_build_filename (dir, "report.json", NULL);
  g_auto(EylFixtureRun) run = { 0 };
  g_autoptr(JsonObject) report = NULL;
  const char *options[] = {
    "check",
    "--format",
    "json",
    "--fail-on",
    "never",
    "--jobs",
    "2",
    "--timeout",
    timeout,
    "-o",
    report_path,
    /* Not light: the list ends here. */
    light ? "--no-ocr" : NULL,
    "--no-qr",
    "--no-logos",
    NULL,
  };
  guint n_files;

  report = run_batch (options, filter, report_path, &run, &n_files);
  assert_report (report, n_files, FALSE, NULL, run.status, run.err);
  remove_folder (dir);
}

static void
export_batch (const char *timeout,
              EntryFilter filter)
{
  g_autofree char *dir = g_dir_make_tmp ("eyl-badpdfs-export-XXXXXX", NULL);
  g_autofree char *report_path = g_build_filename (dir, "eyeline-report.json", NULL);
  g_auto(EylFixtureRun) run = { 0 };
  g_autoptr(JsonObject) report = NULL;
  const char *options[] = {
    "export",
    "--output",
    dir,
    "--report",
    "json",
    "--fail-on",
    "never",
    "--jobs",
    "2",
    "--timeout",
    timeout,
    NULL,
  };
  guint n_files;

  report = run_batch (options, filter, report_path, &run, &n_files);
  assert_report (report, n_files, TRUE, dir, run.status, run.err);
  assert_folder_clean (dir, report);
  remove_folder (dir);
}

/* ---------------------------------------------------------------------- */

static void
test_check (void)
{
  if (skip_without_manifest ())
    return;
  check_batch ("60", FALSE, is_plain);
}

static void
test_export (void)
{
  if (skip_without_manifest ())
    return;
  export_batch ("60", is_plain_export);
}

static void
test_hangs_check (void)
{
  if (skip_without_manifest ())
    return;
  check_batch (HANG_TIMEOUT, FALSE, is_hang);
}

static void
test_hangs_export (void)
{
  if (skip_without_manifest ())
    return;
  export_batch (HANG_TIMEOUT, is_hang_export);
}

/* 5000 pages, one at a time (the worker holds one snapshot). */
static void
test_many_pages (void)
{
  if (skip_without_manifest ())
    return;
  check_batch ("60", TRUE, is_many_pages);
}

/* Without a password: "encrypted"; with a wrong one: "wrong-password";
 * with the manifest's: a report, and an export. */
static void
test_passwords (void)
{
  g_autofree char *dir = NULL;

  if (skip_without_manifest ())
    return;

  dir = g_dir_make_tmp ("eyl-badpdfs-pw-XXXXXX", NULL);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      g_auto(EylFixtureRun) none = { 0 };
      g_auto(EylFixtureRun) wrong = { 0 };
      g_auto(EylFixtureRun) right = { 0 };
      g_auto(EylFixtureRun) exported = { 0 };

      if (!expects (entry, "needs-password"))
        continue;

      eyl_fixture_run_cli (&none, NULL, (const char *[]) { "check", "--format", "json", entry->path, NULL });
      g_assert_cmpint (none.status, ==, 3);
      g_assert_nonnull (strstr (none.out, "\"encrypted\""));
      g_assert_nonnull (strstr (none.err, entry->file));

      if (entry->password[0] == '\0')
        continue; /* a broken /Encrypt: no password opens it */

      eyl_fixture_run_cli (&wrong, NULL, (const char *[]) { "check", "--format", "json", "--password", "not-the-password", entry->path, NULL });
      g_assert_cmpint (wrong.status, ==, 3);
      g_assert_nonnull (strstr (wrong.out, "\"wrong-password\""));

      eyl_fixture_run_cli (&right, NULL, (const char *[]) { "check", "--format", "json", "--fail-on", "never", "--password", entry->password, entry->path, NULL });
      g_test_message ("%s: with its password, exit %d", entry->file, right.status);
      g_assert_cmpint (right.status, ==, 0);
      g_assert_null (strstr (right.out, "\"error\""));

      eyl_fixture_run_cli (&exported, NULL, (const char *[]) { "export", "--output", dir, "--fail-on", "never", "--password", entry->password, entry->path, NULL });
      g_assert_cmpint (exported.status, ==, 0);
      g_assert_true (g_str_has_suffix (g_strstrip (exported.out), "-eyeline.pdf"));
      g_assert_true (g_file_test (exported.out, G_FILE_TEST_IS_REGULAR));
      g_remove (exported.out);
    }
  g_rmdir (dir);
}

/* Run last: nothing above changed a byte of the inputs. */
static void
test_inputs_unchanged (void)
{
  if (skip_without_manifest ())
    return;

  for (guint i = 0; i < entries->len; i++)
    {
      Entry           *entry = g_ptr_array_index (entries, i);
      g_autofree char *now = file_checksum (entry->path);

      g_assert_cmpstr (now, ==, entry->checksum);
    }

  {
    /* And nothing was written next to them. */
    g_autoptr(GDir) listing = g_dir_open (files_dir, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (listing) != NULL)
      n++;
    g_assert_cmpuint (n, ==, entries->len);
  }
}

/* A brand kit whose logo is a file that hangs or blows up Poppler: the
 * run stops with an error naming the logo (read once, by a worker with
 * a budget of its own), not a time-out blamed on the banner's page. */
static void
test_kit_logo (void)
{
  static const char *const logos[] = { "hang-form-field-loop.pdf", "mem-type3-glyph-cycle.pdf" };
  g_autofree char         *banner = NULL;

  if (skip_without_manifest ())
    return;
  banner = eyl_fixture_banner ("kit-logo-banner.pdf", 0.1, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (logos); i++)
    {
      g_autofree char *dir = g_dir_make_tmp ("eyl-badpdfs-kit-XXXXXX", NULL);
      g_autofree char *kit = g_build_filename (dir, "brand-kit.ini", NULL);
      g_autofree char *logo = g_build_filename (files_dir, logos[i], NULL);
      g_autofree char *text = g_strdup_printf ("[Brand]\nnames=Northwind Tea\nlogos=%s\n", logo);
      g_autofree char *banner_name = g_path_get_basename (banner);
      g_auto(EylFixtureRun) run = { 0 };
      const char *argv[] = {
        "check",
        "--format",
        "json",
        "--timeout",
        HANG_TIMEOUT,
        "--brand-kit",
        kit,
        banner,
        NULL,
      };

      g_assert_nonnull (entry_for_path (logo));
      g_assert_true (g_file_set_contents (kit, text, -1, NULL));
      eyl_fixture_run_cli (&run, NULL, argv);
      g_test_message ("%s: status %d: %s", logos[i], run.status, run.err);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_nonnull (strstr (run.err, logos[i]));
      g_assert_nonnull (strstr (run.err, "logo"));
      g_assert_null (strstr (run.err, banner_name));
      g_assert_cmpstr (run.out, ==, "");
      g_unlink (kit);
      g_rmdir (dir);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (eyl_fixture_cli () == NULL)
    {
      g_printerr ("test-badpdfs: $EYL_CLI is not set (run it with meson test)\n");
      return 77;
    }
  load_manifest ();

  g_test_add_func ("/eyl/badpdfs/check", test_check);
  g_test_add_func ("/eyl/badpdfs/export", test_export);
  g_test_add_func ("/eyl/badpdfs/hangs-check", test_hangs_check);
  g_test_add_func ("/eyl/badpdfs/hangs-export", test_hangs_export);
  g_test_add_func ("/eyl/badpdfs/many-pages", test_many_pages);
  g_test_add_func ("/eyl/badpdfs/passwords", test_passwords);
  g_test_add_func ("/eyl/badpdfs/kit-logo", test_kit_logo);
  g_test_add_func ("/eyl/badpdfs/inputs-unchanged", test_inputs_unchanged);

  return g_test_run ();
}
