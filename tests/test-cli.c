/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli: eyeline-cli as a user runs it ($EYL_CLI, set by
 * tests/meson.build): exit codes, formats, placements, --version. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "eyl-fixtures.h"
#include "eyl-worker.h"

typedef struct
{
  int   status; /* exit status, or -1 when it did not exit normally */
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static const char *
cli_path (void)
{
  const char *cli = g_getenv ("EYL_CLI");

  if (cli == NULL || !g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    return NULL;
  return cli;
}

#define NEED_CLI()                                                         \
  G_STMT_START                                                             \
  {                                                                        \
    if (cli_path () == NULL)                                               \
      {                                                                    \
        g_test_skip ("EYL_CLI is not set: run the tests with meson test"); \
        return;                                                            \
      }                                                                    \
  }                                                                        \
  G_STMT_END

/* Runs eyeline-cli with the NULL-terminated arguments. */
static void
run_cli (Run *run,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  int         wait_status = 0;
  va_list     args;

  g_ptr_array_add (argv, (char *) cli_path ());
  va_start (args, run);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  if (WIFEXITED (wait_status))
    run->status = WEXITSTATUS (wait_status);
  else
    run->status = -1;
  g_test_message ("exit %d\nstdout:\n%s\nstderr:\n%s", run->status, run->out, run->err);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_version (void)
{
  g_auto(Run) run = { 0 };

  NEED_CLI ();
  run_cli (&run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, PACKAGE_VERSION));
}

static void
test_help (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) check = { 0 };

  NEED_CLI ();
  run_cli (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "check"));
  g_assert_nonnull (strstr (run.out, "placements"));
  g_assert_nonnull (strstr (run.out, "Examples"));
  /* the worker mode is not for people */
  g_assert_null (strstr (run.out, "worker"));

  run_cli (&check, "check", "--help", NULL);
  g_assert_cmpint (check.status, ==, 0);
  g_assert_nonnull (strstr (check.out, "--fail-on"));
  g_assert_nonnull (strstr (check.out, "--size-mm"));
  g_assert_nonnull (strstr (check.out, "Exit status"));
  g_assert_nonnull (strstr (check.out, "--no-ocr"));
  g_assert_nonnull (strstr (check.out, "--raster-px-per-mm"));
}

static const char *const placement_ids[] = {
  "rollup-behind-table",
  "rollup-free-standing",
  "flag",
  "tabletop-banner",
  "backdrop-wall",
  "poster-wall",
  "leaflet-rack",
  "sticker",
  "shelf-top",
  "shelf-eye",
  "shelf-hand",
  "shelf-ground",
};

static void
test_placements (void)
{
  g_auto(Run) text = { 0 };
  g_auto(Run) json = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *list;

  NEED_CLI ();
  run_cli (&text, "placements", NULL);
  g_assert_cmpint (text.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (placement_ids); i++)
    g_assert_nonnull (strstr (text.out, placement_ids[i]));

  run_cli (&json, "placements", "--format", "json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  root = parse_json (json.out);
  list = json_object_get_array_member (json_node_get_object (root), "placements");
  g_assert_cmpuint (json_array_get_length (list), >=, G_N_ELEMENTS (placement_ids));
  for (guint i = 0; i < G_N_ELEMENTS (placement_ids); i++)
    {
      gboolean found = FALSE;

      for (guint k = 0; k < json_array_get_length (list); k++)
        {
          JsonObject *p = json_array_get_object_element (list, k);

          if (g_str_equal (json_object_get_string_member (p, "id"), placement_ids[i]))
            {
              found = TRUE;
              /* every placement carries its numbers */
              g_assert_true (json_object_has_member (p, "eye_min_mm"));
              g_assert_true (json_object_has_member (p, "distance_m"));
            }
        }
      g_assert_true (found);
    }
}

static void
test_usage_errors (void)
{
  const struct
  {
    const char *option;
    const char *value;
  } bad[] = {
    { "--distance-m", "far" },
    { "--distance-m", "2,5" },
    { "--size-mm", "850" },
    { "--eye-mm", "1800-1400" },
    { "--table-mm", "-3" },
    { "--legibility", "huge" },
    { "--format", "xml" },
    { "--fail-on", "sometimes" },
    { "--jobs", "0" },
    { "--timeout", "soon" },
    { "--placement", "moon-base" },
    { "--raster-px-per-mm", "0" },
    { "--raster-max-mpx", "lots" },
    { "--ocr-languages", "eng;rm -rf" },
  };
  g_autofree char *pdf = NULL;

  NEED_CLI ();
  pdf = eyl_fixture_bytes ("usage.pdf", "%PDF-1.4\n", 9);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (&run, "check", bad[i].option, bad[i].value, pdf, NULL);
      g_assert_cmpint (run.status, ==, 2);
      /* the message names the option */
      g_assert_nonnull (strstr (run.err, bad[i].option));
    }

  {
    g_auto(Run) unknown = { 0 };
    g_auto(Run) no_file = { 0 };
    g_auto(Run) no_command = { 0 };

    run_cli (&unknown, "check", "--frobnicate", pdf, NULL);
    g_assert_cmpint (unknown.status, ==, 2);
    run_cli (&no_file, "check", NULL);
    g_assert_cmpint (no_file.status, ==, 2);
    run_cli (&no_command, "frobnicate", NULL);
    g_assert_cmpint (no_command.status, ==, 2);
  }
}

/* Usage errors that say what is wrong and what would be right, and
 * values people type that are right. */
static void
test_usage_messages (void)
{
  static const struct
  {
    const char *command, *option, *value;
    const char *says;
  } refused[] = {
    { "check", "-o", "", "--output: the file name is empty" },
    { "export", "-o", "", "--output: the folder name is empty" },
    { "check", "--timeout", "9999999", "from 0 to 604800" },
    { "check", "--memory-mb", "99999999", "from 256 to 1048576" },
    /* too small for any worker: not the file's fault */
    { "check", "--memory-mb", "1", "at least 256 MB" },
    { "check", "--memory-mb", "100", "at least 256 MB" },
    { "check", "--memory-mb", "255", "at least 256 MB" },
  };
  g_autofree char *banner = NULL;
  g_autofree char *bom_placement = NULL;
  g_autofree char *bom_kit = NULL;
  g_autofree char *man_path = NULL;
  g_autofree char *man = NULL;
  const char      *timeout_entry;

  NEED_CLI ();
  banner = eyl_fixture_banner ("cli-usage.pdf", 0.1, FALSE);

  /* an empty name; out of range: the range is in the message */
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (&run, refused[i].command, refused[i].option, refused[i].value, banner, NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_nonnull (strstr (run.err, refused[i].says));
    }

  /* eye heights with an en or em dash, as the help writes them */
  {
    g_auto(Run) en = { 0 };
    g_auto(Run) em = { 0 };

    run_cli (&en, "check", "--eye-mm", "1400–1900", "--no-color", banner, NULL);
    g_assert_cmpint (en.status, ==, 0);
    run_cli (&em, "check", "--eye-mm", "1400 — 1900", "--no-color", banner, NULL);
    g_assert_cmpint (em.status, ==, 0);
  }

  /* a placement file and a brand kit saved with a byte order mark */
  {
    static const char kit[] = "\xef\xbb\xbf[Brand]\nnames=Northwind\n";
    g_autofree char  *preset_path = g_build_filename (g_getenv ("EYL_SOURCE_ROOT"), "data",
                                                      "placements", "poster-wall.ini", NULL);
    g_autofree char  *preset = NULL;
    g_autoptr(GString) placement = g_string_new ("\xef\xbb\xbf");
    g_auto(Run) run = { 0 };
    g_auto(Run) with_kit = { 0 };

    g_assert_true (g_file_get_contents (preset_path, &preset, NULL, NULL));
    g_string_append (placement, preset);
    g_assert_cmpuint (g_string_replace (placement, "id=poster-wall", "id=bom-wall", 1), ==, 1);
    bom_placement = eyl_fixture_bytes ("bom.ini", placement->str, placement->len);
    bom_kit = eyl_fixture_bytes ("bom-kit.ini", kit, sizeof kit - 1);
    run_cli (&run, "placements", "--placement-file", bom_placement, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "bom-wall"));
    run_cli (&with_kit, "check", "--brand-kit", bom_kit, "--no-color", banner, NULL);
    g_assert_cmpint (with_kit.status, ==, 0);
  }

  /* the man page says the time budget the program uses */
  man_path = g_build_filename (g_getenv ("EYL_SOURCE_ROOT"), "doc", "eyeline-cli.1", NULL);
  g_assert_true (g_file_get_contents (man_path, &man, NULL, NULL));
  timeout_entry = strstr (man, ".BI \\-\\-timeout= S\n");
  g_assert_nonnull (timeout_entry);
  {
    g_autofree char *entry = g_strndup (timeout_entry, strstr (timeout_entry, ".TP") - timeout_entry);
    g_autofree char *budget = g_strdup_printf ("default %u per page", EYL_WORKER_DEFAULT_TIMEOUT_S);

    g_assert_nonnull (strstr (entry, budget));
  }
}

static void
test_corrected_banner (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *banner = NULL;

  NEED_CLI ();
  banner = eyl_fixture_banner ("cli-corrected.pdf", 1.0, FALSE);
  run_cli (&run, "check", "--placement", "rollup-behind-table", "--no-color", banner, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strstr (run.out, "contact-hidden"));
  g_assert_nonnull (strstr (run.out, "rollup-behind-table"));
}

/* Two versions of a banner: the website moved up is fixed; the other
 * way round it is new, and the exit status says so. */
static void
test_compare (void)
{
  g_auto(Run) forward = { 0 };
  g_auto(Run) back = { 0 };
  g_auto(Run) one = { 0 };
  g_autofree char *low = NULL;
  g_autofree char *good = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *obj, *page, *change;
  JsonArray  *changes;
  gboolean    hidden_fixed = FALSE;

  NEED_CLI ();
  low = eyl_fixture_banner ("cli-compare-v1.pdf", 1.0, TRUE);
  good = eyl_fixture_banner ("cli-compare-v2.pdf", 1.0, FALSE);
  run_cli (&forward, "compare", "--placement", "rollup-behind-table", "--format", "json",
           low, good, NULL);
  g_assert_cmpint (forward.status, ==, 0);
  root = parse_json (forward.out);
  obj = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (obj, "new"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (obj, "fixed"), >=, 1);
  page = json_array_get_object_element (json_object_get_array_member (obj, "pages"), 0);
  g_assert_cmpint (json_object_get_int_member (page, "score_after"), >,
                   json_object_get_int_member (page, "score_before"));
  changes = json_object_get_array_member (page, "changes");
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      change = json_array_get_object_element (changes, i);
      if (g_str_equal (json_object_get_string_member (change, "change"), "fixed") &&
          g_str_equal (json_object_get_string_member (json_object_get_object_member (change, "before"),
                                                      "rule"),
                       "contact-hidden"))
        hidden_fixed = TRUE;
    }
  g_assert_true (hidden_fixed);

  run_cli (&back, "compare", "--placement", "rollup-behind-table", "--no-color", good, low, NULL);
  g_assert_cmpint (back.status, ==, 1);
  g_assert_nonnull (strstr (back.out, "contact-hidden"));
  g_assert_nonnull (strstr (back.out, "0 fixed"));

  run_cli (&one, "compare", low, NULL);
  g_assert_cmpint (one.status, ==, 2);
  g_assert_nonnull (strstr (one.err, "two PDF files"));
}

static void
test_low_banner (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) never = { 0 };
  g_autofree char *banner = NULL;

  NEED_CLI ();
  banner = eyl_fixture_banner ("cli-low.pdf", 0.1, TRUE);
  run_cli (&run, "check", "--placement", "rollup-behind-table", banner, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "contact-hidden"));
  g_assert_nonnull (strstr (run.out, "Fix:"));

  run_cli (&never, "check", "--placement", "rollup-behind-table", "--fail-on", "never", banner, NULL);
  g_assert_cmpint (never.status, ==, 0);
}

static void
test_unreadable_with_good (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray  *files;
  JsonObject *first, *second;

  NEED_CLI ();
  good = eyl_fixture_banner ("cli-good.pdf", 0.1, FALSE);
  bad = eyl_fixture_bytes ("cli-notes.pdf", "<html><body>not a pdf</body></html>", 35);

  run_cli (&run, "check", "--format", "json", "--placement", "rollup-behind-table",
           good, bad, NULL);
  g_assert_cmpint (run.status, ==, 3);
  /* one line on stderr naming the file */
  g_assert_nonnull (strstr (run.err, "cli-notes.pdf"));
  g_assert_null (strstr (run.err, "cli-good.pdf"));

  root = parse_json (run.out);
  object = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (object, "schema_version"), ==, 1);
  files = json_object_get_array_member (object, "files");
  g_assert_cmpuint (json_array_get_length (files), ==, 2);
  first = json_array_get_object_element (files, 0);
  second = json_array_get_object_element (files, 1);
  g_assert_cmpstr (json_object_get_string_member (first, "path"), ==, good);
  g_assert_cmpstr (json_object_get_string_member (first, "status"), ==, "ok");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (first, "pages")), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (second, "status"), ==, "error");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (second, "error"), "code"),
                   ==, "not-pdf");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "summary"), "failed"),
                   ==, 1);
}

/* The pictures of a page reach the rules: one of 20 px drawn 141 mm wide
 * on an A4 poster (7 mm a pixel) prints blocky; 2000 px do not. */
static void
test_picture_resolution (void)
{
  for (guint fine = 0; fine <= 1; fine++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *pdf = NULL;
      g_autoptr(JsonNode) root = NULL;
      EylFixtureText texts[] = { { 72, 72, 24, "Open day", 0 } };
      EylFixturePage pg = {
        .width_pt = 595,
        .height_pt = 842,
        .image_box = { 100, 200, 500, 600 },
        .image_width_px = fine ? 2000 : 20,
        .image_height_px = fine ? 2000 : 20,
      };
      JsonArray *findings;
      guint      n = 0;

      NEED_CLI ();
      pdf = eyl_fixture_pdf (fine ? "cli-picture-fine.pdf" : "cli-picture-coarse.pdf", &pg, texts,
                             G_N_ELEMENTS (texts));
      run_cli (&run, "check", "--format", "json", "--fail-on", "never", "--placement", "poster-wall",
               pdf, NULL);
      g_assert_cmpint (run.status, ==, 0);
      root = parse_json (run.out);
      findings = json_object_get_array_member (
          json_array_get_object_element (
              json_object_get_array_member (
                  json_array_get_object_element (
                      json_object_get_array_member (json_node_get_object (root), "files"), 0),
                  "pages"),
              0),
          "findings");
      for (guint i = 0; i < json_array_get_length (findings); i++)
        n += g_str_equal (json_object_get_string_member (json_array_get_object_element (findings, i), "rule"),
                          "picture-resolution");
      g_assert_cmpuint (n, ==, fine ? 0 : 1);
    }
}

/* The pixel options reach the worker: the analysis raster follows
 * --raster-px-per-mm within --raster-max-mpx, and --no-logos leaves the
 * logos out. */
static void
test_pixel_options (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *banner = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *page;
  JsonArray  *raster_px, *elements;

  NEED_CLI ();
  banner = eyl_fixture_banner ("cli-pixels.pdf", 0.1, TRUE);

  run_cli (&run, "check", "--format", "json", "--placement", "rollup-behind-table",
           "--raster-px-per-mm", "2", "--raster-max-mpx", "1", "--no-logos", "--no-ocr",
           "--no-qr", banner, NULL);
  g_assert_cmpint (run.status, ==, 1);
  root = parse_json (run.out);
  page = json_array_get_object_element (
      json_object_get_array_member (
          json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), "files"), 0),
          "pages"),
      0);
  /* 850 × 2000 mm at 2 px/mm is 6.8 Mpx: capped at 1 Mpx */
  raster_px = json_object_get_array_member (page, "raster_px");
  g_assert_cmpfloat (json_array_get_double_element (raster_px, 0) *
                         json_array_get_double_element (raster_px, 1),
                     <=, 1.001e6);
  g_assert_cmpfloat (json_array_get_double_element (raster_px, 0) *
                         json_array_get_double_element (raster_px, 1),
                     >, 0.95e6);
  g_assert_cmpfloat (json_object_get_double_member (page, "raster_px_per_mm"), <, 1.0);
  elements = json_object_get_array_member (page, "elements");
  for (guint i = 0; i < json_array_get_length (elements); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (elements, i), "kind"),
                     !=, "logo");
}

static void
test_json_and_csv (void)
{
  g_auto(Run) json = { 0 };
  g_auto(Run) csv = { 0 };
  g_autofree char *banner = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) lines = NULL;
  JsonObject *page;

  NEED_CLI ();
  banner = eyl_fixture_banner ("cli-formats.pdf", 0.1, TRUE);

  run_cli (&json, "check", "--format", "json", "--placement", "rollup-behind-table", banner, NULL);
  g_assert_cmpint (json.status, ==, 1);
  root = parse_json (json.out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "schema_version"), ==, 1);
  page = json_array_get_object_element (
      json_object_get_array_member (
          json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), "files"), 0),
          "pages"),
      0);
  g_assert_cmpstr (json_object_get_string_member (page, "placement"), ==, "rollup-behind-table");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (page, "findings")), >, 0);

  run_cli (&csv, "check", "--format", "csv", "--placement", "rollup-behind-table", banner, NULL);
  g_assert_cmpint (csv.status, ==, 1);
  g_assert_true (g_str_has_prefix (csv.out, "file,page,status,rule,severity"));
  lines = g_strsplit (csv.out, "\r\n", -1);
  /* header, at least one finding, and the empty string after the last CRLF */
  g_assert_cmpuint (g_strv_length (lines), >=, 3);
  g_assert_nonnull (strstr (csv.out, "contact-hidden"));
}

static void
test_output_file (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) refused = { 0 };
  g_autofree char *banner = NULL;
  g_autofree char *output = NULL;
  g_autofree char *link = NULL;
  g_autofree char *written = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize            before_len, after_len;

  NEED_CLI ();
  banner = eyl_fixture_banner ("cli-output.pdf", 0.1, FALSE);
  output = g_build_filename (eyl_fixture_dir (), "report.json", NULL);

  run_cli (&run, "check", "--format", "json", "--output", output, banner, NULL);
  g_assert_cmpint (run.status, !=, 2);
  g_assert_cmpint (run.status, !=, 3);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_file_get_contents (output, &written, NULL, NULL));
  g_assert_nonnull (strstr (written, "\"schema_version\": 1"));

  /* an output that is an input, even through a link, is refused */
  g_assert_true (g_file_get_contents (banner, &before, &before_len, NULL));
  link = g_build_filename (eyl_fixture_dir (), "link-to-input.pdf", NULL);
  g_assert_cmpint (symlink (banner, link), ==, 0);
  run_cli (&refused, "check", "--format", "json", "--output", link, banner, NULL);
  g_assert_cmpint (refused.status, ==, 2);
  g_assert_nonnull (strstr (refused.err, "--output"));
  g_assert_true (g_file_get_contents (banner, &after, &after_len, NULL));
  g_assert_cmpuint (before_len, ==, after_len);
  g_assert_true (memcmp (before, after, before_len) == 0);
}

/* -o over what is not a regular file: written to in place, never
 * renamed over; "-" is standard output; an unwritable target is found
 * before any file is checked. */
static void
test_output_special (void)
{
  g_auto(Run) dash = { 0 };
  g_auto(Run) via_link = { 0 };
  g_auto(Run) to_fifo = { 0 };
  g_auto(EylFixtureRun) missing = { 0 };
  g_autofree char *banner = NULL;
  g_autofree char *link = NULL;
  g_autofree char *fifo = NULL;
  g_autofree char *node = NULL;
  g_autofree char *unwritable = NULL;
  g_autoptr(JsonNode) root = NULL;
  GString *from_fifo = g_string_new (NULL);
  char     buf[4096];
  GStatBuf st;
  gssize   n;
  int      reader;

  NEED_CLI ();
  banner = eyl_fixture_banner ("cli-special.pdf", 0.1, FALSE);

  run_cli (&dash, "check", "--format", "json", "-o", "-", banner, NULL);
  g_assert_cmpint (dash.status, ==, 0);
  root = parse_json (dash.out);

  /* /dev/stdout is a link to /proc/self/fd/1: the same in the test's
   * folder, so that a failure cannot replace the system's. */
  link = g_build_filename (eyl_fixture_dir (), "stdout-link", NULL);
  g_assert_cmpint (symlink ("/proc/self/fd/1", link), ==, 0);
  run_cli (&via_link, "check", "--no-color", "-o", link, banner, NULL);
  g_assert_cmpint (via_link.status, ==, 0);
  g_assert_nonnull (strstr (via_link.out, "1 file checked"));
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));

  /* A FIFO with its reader waiting: the reader gets the report. */
  fifo = g_build_filename (eyl_fixture_dir (), "report.fifo", NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  reader = g_open (fifo, O_RDONLY | O_NONBLOCK, 0);
  g_assert_cmpint (reader, >=, 0);
  run_cli (&to_fifo, "check", "--no-color", "-o", fifo, banner, NULL);
  g_assert_cmpint (to_fifo.status, ==, 0);
  while ((n = read (reader, buf, sizeof buf)) > 0)
    g_string_append_len (from_fifo, buf, n);
  close (reader);
  g_assert_nonnull (strstr (from_fifo->str, "1 file checked"));
  g_string_free (from_fifo, TRUE);
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));

  /* A device node like /dev/null (made here when allowed: as root). */
  node = g_build_filename (eyl_fixture_dir (), "null", NULL);
  if (mknod (node, S_IFCHR | 0666, makedev (1, 3)) == 0)
    {
      g_auto(Run) to_null = { 0 };

      run_cli (&to_null, "check", "-o", node, banner, NULL);
      g_assert_cmpint (to_null.status, ==, 0);
      g_assert_cmpint (g_lstat (node, &st), ==, 0);
      g_assert_true (S_ISCHR (st.st_mode));
    }
  else
    g_test_message ("no device node (%s): that case is not run", g_strerror (errno));

  /* A folder that does not exist: refused before the run (the worker
   * would crash if it ran). */
  unwritable = g_build_filename (eyl_fixture_dir (), "no-such-folder", "report.json", NULL);
  eyl_fixture_run_cli (&missing, (const char *[]) { "EYL_WORKER_SIMULATE=crash", NULL },
                       (const char *[]) { "check", "-o", unwritable, banner, NULL });
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_nonnull (strstr (missing.err, "--output"));
  g_assert_nonnull (strstr (missing.err, "report.json"));
  g_assert_null (strstr (missing.err, "engine-crash"));
}

/* A report that cannot be written to standard output (a full disk
 * behind a redirection, here /dev/full) is an error saying so, not a
 * success with a cut report: check, as text and JSON, compare, and
 * export's list of outputs. */
static void
test_stdout_full (void)
{
  g_autofree char  *out_dir = g_build_filename (eyl_fixture_dir (), "full-exports", NULL);
  const char *const modes[][6] = {
    { "check", "--no-color", NULL },
    { "check", "--format", "json", NULL },
    { "compare", NULL },
    /* its list of outputs */
    { "export", "--overwrite", "-o", out_dir, NULL },
  };
  g_autofree char *banner = NULL;

  NEED_CLI ();
  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full here");
      return;
    }
  banner = eyl_fixture_banner ("cli-full.pdf", 0.1, FALSE);
  g_assert_cmpint (g_mkdir_with_parents (out_dir, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *err = NULL;

      g_ptr_array_add (argv, (char *) cli_path ());
      for (guint k = 0; modes[i][k] != NULL; k++)
        g_ptr_array_add (argv, (char *) modes[i][k]);
      g_ptr_array_add (argv, banner);
      if (g_str_equal (modes[i][0], "compare"))
        g_ptr_array_add (argv, banner);
      g_ptr_array_add (argv, NULL);
      g_subprocess_launcher_set_stdout_file_path (launcher, "/dev/full");
      process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
      g_assert_no_error (error);
      g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
      g_assert_no_error (error);
      g_test_message ("%s: exit %d: %s", modes[i][0], g_subprocess_get_exit_status (process), err);
      g_assert_true (g_subprocess_get_if_exited (process));
      g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 2);
      g_assert_nonnull (strstr (err, "standard output"));
      g_assert_nonnull (strstr (err, g_strerror (ENOSPC)));
    }
}

/* Runs eyeline-cli with its standard error on a terminal (a pseudo
 * terminal read here), so that it shows its progress; returns what the
 * terminal got. */
static char *
run_cli_on_terminal (const char *const *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  GString *seen = g_string_new (NULL);
  char     buf[4096];
  gssize   n;
  int      master, slave;

  master = posix_openpt (O_RDWR | O_NOCTTY);
  g_assert_cmpint (master, >=, 0);
  g_assert_cmpint (grantpt (master), ==, 0);
  g_assert_cmpint (unlockpt (master), ==, 0);
  slave = g_open (ptsname (master), O_RDWR | O_NOCTTY, 0);
  g_assert_cmpint (slave, >=, 0);

  /* the launcher, gone, has closed our copy of the terminal's end */
  process = eyl_fixture_spawn_cli (NULL, argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, slave);

  /* EIO once the program (the last holder of the other end) is gone */
  while ((n = read (master, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0)
      g_string_append_len (seen, buf, n);
  close (master);
  g_subprocess_wait (process, NULL, NULL);
  g_test_message ("terminal:\n%s", seen->str);
  return g_string_free (seen, FALSE);
}

/* A file name with an escape sequence reaches no terminal raw: not in the
 * text report, the error lines, the progress or the exported paths. */
static void
test_terminal_escapes (void)
{
  g_auto(Run) text = { 0 };
  g_auto(Run) exported = { 0 };
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *terminal = NULL;
  g_autofree char *dir = g_build_filename (eyl_fixture_dir (), "escapes-out", NULL);

  NEED_CLI ();
  good = eyl_fixture_banner ("esc\033[31mred.pdf", 0.1, FALSE);
  bad = eyl_fixture_bytes ("bad\033]0;title\007.pdf", "not a pdf", 9);

  run_cli (&text, "check", "--no-color", good, bad, NULL);
  g_assert_cmpint (text.status, ==, 3);
  g_assert_null (strchr (text.out, '\033'));
  g_assert_null (strchr (text.err, '\033'));
  g_assert_null (strchr (text.err, '\007'));
  g_assert_nonnull (strstr (text.out, "esc\\x1B[31mred.pdf"));
  g_assert_nonnull (strstr (text.out, "bad\\x1B]0;title\\x07.pdf"));
  g_assert_nonnull (strstr (text.err, "bad\\x1B]0;title\\x07.pdf"));

  /* the progress: only the program's own clearing of the line */
  terminal = run_cli_on_terminal ((const char *[]) { "check", good, bad, NULL });
  g_assert_nonnull (strstr (terminal, "esc\\x1B[31mred.pdf"));
  g_assert_null (strstr (terminal, "\033[31m"));
  g_assert_null (strstr (terminal, "\033]0"));

  run_cli (&exported, "export", "-o", dir, "--fail-on", "never", "--no-ocr", good, NULL);
  g_assert_cmpint (exported.status, ==, 0);
  g_assert_null (strchr (exported.out, '\033'));
  g_assert_nonnull (strstr (exported.out, "esc\\x1B[31mred-eyeline.pdf"));
}

static void
communicated_cb (GObject      *object,
                 GAsyncResult *res,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (res);
}

static gboolean
deadline_cb (gpointer user_data)
{
  g_subprocess_force_exit (user_data);
  return G_SOURCE_REMOVE;
}

/* Runs eyeline-cli with @env added, killed after @seconds: a hang fails
 * the test (status -1) instead of stopping it. */
static void
run_cli_deadline (Run               *run,
                  const char *const *env,
                  guint              seconds,
                  const char *const *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GSource) deadline = NULL;
  g_autoptr(GError) error = NULL;

  process = eyl_fixture_spawn_cli (env, argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, -1);

  g_main_context_push_thread_default (context);
  deadline = g_timeout_source_new_seconds (seconds);
  g_source_set_callback (deadline, deadline_cb, process, NULL);
  g_source_attach (deadline, context);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicated_cb, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  g_source_destroy (deadline);
  g_main_context_pop_thread_default (context);

  g_subprocess_communicate_utf8_finish (process, result, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, NULL);
  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  g_test_message ("exit %d\nstdout:\n%s\nstderr:\n%s", run->status, run->out, run->err);
}

/* A FIFO anywhere in the configuration is named and refused (or skipped)
 * at once, and a FIFO given as the PDF is not a regular file. */
static void
test_config_fifos (void)
{
  g_autofree char *banner = NULL;
  g_autofree char *xdg = g_build_filename (eyl_fixture_dir (), "fifo-xdg", NULL);
  g_autofree char *placements = g_build_filename (xdg, "eyeline", "placements", NULL);
  g_autofree char *stuck = g_build_filename (placements, "stuck.ini", NULL);
  g_autofree char *xdg_env = g_strconcat ("XDG_CONFIG_HOME=", xdg, NULL);
  g_autofree char *fifo = g_build_filename (eyl_fixture_dir (), "config.fifo", NULL);
  g_autofree char *logo_fifo = g_build_filename (eyl_fixture_dir (), "logo.fifo", NULL);
  g_autofree char *pdf_fifo = g_build_filename (eyl_fixture_dir (), "stream.pdf", NULL);
  g_autofree char *kit = NULL;

  NEED_CLI ();
  banner = eyl_fixture_banner ("cli-fifo.pdf", 0.1, FALSE);
  g_assert_cmpint (g_mkdir_with_parents (placements, 0700), ==, 0);
  g_assert_cmpint (mkfifo (stuck, 0600), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (mkfifo (logo_fifo, 0600), ==, 0);
  g_assert_cmpint (mkfifo (pdf_fifo, 0600), ==, 0);
  kit = eyl_fixture_bytes ("fifo-kit.ini", "[Brand]\nnames=Northwind\nlogos=logo.fifo\n", 40);

  /* In the placements folder: skipped with a word, the check goes on. */
  {
    g_auto(Run) run = { 0 };

    run_cli_deadline (&run, (const char *[]) { xdg_env, NULL }, 30,
                      (const char *[]) { "check", "--no-color", banner, NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.err, "stuck.ini"));
    g_assert_nonnull (strstr (run.err, "FIFO"));
    g_assert_nonnull (strstr (run.out, "1 file checked"));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli_deadline (&run, (const char *[]) { xdg_env, NULL }, 30,
                      (const char *[]) { "placements", NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.err, "stuck.ini"));
  }

  /* Named on the command line: refused, naming it. */
  {
    g_auto(Run) as_placement = { 0 };
    g_auto(Run) as_kit = { 0 };
    g_auto(Run) as_logo = { 0 };

    run_cli_deadline (&as_placement, NULL, 30,
                      (const char *[]) { "check", "--placement-file", fifo, banner, NULL });
    g_assert_cmpint (as_placement.status, ==, 2);
    g_assert_nonnull (strstr (as_placement.err, "config.fifo"));
    g_assert_nonnull (strstr (as_placement.err, "FIFO"));

    run_cli_deadline (&as_kit, NULL, 30,
                      (const char *[]) { "check", "--brand-kit", fifo, banner, NULL });
    g_assert_cmpint (as_kit.status, ==, 2);
    g_assert_nonnull (strstr (as_kit.err, "config.fifo"));
    g_assert_nonnull (strstr (as_kit.err, "FIFO"));

    run_cli_deadline (&as_logo, NULL, 30,
                      (const char *[]) { "check", "--brand-kit", kit, banner, NULL });
    g_assert_cmpint (as_logo.status, ==, 2);
    g_assert_nonnull (strstr (as_logo.err, "logo.fifo"));
    g_assert_nonnull (strstr (as_logo.err, "FIFO"));
  }

  /* The PDF itself: not a regular file, at once (not after a timeout). */
  {
    g_auto(Run) run = { 0 };
    gint64 start = g_get_monotonic_time ();

    run_cli_deadline (&run, NULL, 30,
                      (const char *[]) { "check", "--timeout", "20", pdf_fifo, banner, NULL });
    g_assert_cmpint (run.status, ==, 3);
    g_assert_nonnull (strstr (run.err, "stream.pdf"));
    g_assert_nonnull (strstr (run.err, "not a regular file"));
    g_assert_cmpint (g_get_monotonic_time () - start, <, 15 * G_USEC_PER_SEC);
  }
}

static const char *
file_error_code (const char *json)
{
  static char code[64];
  g_autoptr(JsonNode) root = parse_json (json);
  JsonObject *file = json_array_get_object_element (
      json_object_get_array_member (json_node_get_object (root), "files"), 0);

  if (g_str_equal (json_object_get_string_member (file, "status"), "ok"))
    return "ok";
  g_strlcpy (code,
             json_object_get_string_member (json_object_get_object_member (file, "error"), "code"),
             sizeof code);
  return code;
}

static void
test_password (void)
{
  g_auto(Run) none = { 0 };
  g_auto(Run) wrong = { 0 };
  g_auto(Run) right = { 0 };
  g_auto(Run) from_file = { 0 };
  g_autofree char *banner = NULL;
  g_autofree char *locked = NULL;
  g_autofree char *password_file = NULL;

  NEED_CLI ();
  banner = eyl_fixture_banner ("cli-plain.pdf", 0.1, FALSE);
  locked = eyl_fixture_encrypt (banner, "cli-locked.pdf", "s3cret pass");
  password_file = eyl_fixture_bytes ("password.txt", "s3cret pass\n", 12);

  run_cli (&none, "check", "--format", "json", locked, NULL);
  g_assert_cmpint (none.status, ==, 3);
  g_assert_cmpstr (file_error_code (none.out), ==, "encrypted");

  run_cli (&wrong, "check", "--format", "json", "--password", "guess", locked, NULL);
  g_assert_cmpint (wrong.status, ==, 3);
  g_assert_cmpstr (file_error_code (wrong.out), ==, "wrong-password");

  /* the password travels to the worker on its stdin */
  run_cli (&right, "check", "--format", "json", "--password", "s3cret pass", locked, NULL);
  g_assert_cmpint (right.status, ==, 0);
  g_assert_cmpstr (file_error_code (right.out), ==, "ok");

  run_cli (&from_file, "check", "--format", "json", "--password-file", password_file, locked, NULL);
  g_assert_cmpint (from_file.status, ==, 0);
  g_assert_cmpstr (file_error_code (from_file.out), ==, "ok");
}

/* A password file is read up to its first line, and no further: not
 * /dev/zero without end, nor a line longer than any password. */
static void
test_password_file_bounded (void)
{
  g_auto(Run) zero = { 0 };
  g_auto(Run) long_line = { 0 };
  g_autofree char *banner = NULL;
  g_autofree char *locked = NULL;
  g_autofree char *huge = NULL;
  g_autofree char *huge_file = NULL;

  NEED_CLI ();
  banner = eyl_fixture_banner ("cli-bounded.pdf", 0.1, FALSE);
  locked = eyl_fixture_encrypt (banner, "cli-bounded-locked.pdf", "pw");

  run_cli_deadline (&zero, NULL, 30,
                    (const char *[]) { "check", "--password-file", "/dev/zero", locked, NULL });
  g_assert_cmpint (zero.status, ==, 2);
  g_assert_nonnull (strstr (zero.err, "--password-file"));
  g_assert_nonnull (strstr (zero.err, "/dev/zero"));

  huge = g_strnfill (64 * 1024, 'p');
  huge_file = eyl_fixture_bytes ("huge-password.txt", huge, strlen (huge));
  run_cli_deadline (&long_line, NULL, 30,
                    (const char *[]) { "check", "--password-file", huge_file, locked, NULL });
  g_assert_cmpint (long_line.status, ==, 2);
  g_assert_nonnull (strstr (long_line.err, "huge-password.txt"));
  g_assert_nonnull (strstr (long_line.err, "longer than"));
}

/* A file name that is not UTF-8 is checked and exported like any other:
 * valid JSON that keeps its bytes, valid CSV, escaped text. */
static void
test_non_utf8_name (void)
{
  g_auto(Run) json = { 0 };
  g_auto(Run) csv = { 0 };
  g_auto(Run) text = { 0 };
  g_auto(Run) exported = { 0 };
  g_autofree char   *banner = NULL;
  g_autofree char   *dir = g_build_filename (eyl_fixture_dir (), "latin1-out", NULL);
  g_autofree char   *output = NULL;
  g_autofree guchar *bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *file;
  gsize       len = 0;

  NEED_CLI ();
  banner = eyl_fixture_banner ("caf\xe9.pdf", 0.1, FALSE);

  run_cli (&json, "check", "--format", "json", banner, NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (g_utf8_validate (json.out, -1, NULL));
  root = parse_json (json.out);
  file = json_array_get_object_element (json_object_get_array_member (json_node_get_object (root),
                                                                      "files"),
                                        0);
  g_assert_cmpstr (json_object_get_string_member (file, "status"), ==, "ok");
  bytes = g_base64_decode (json_object_get_string_member (file, "path_bytes"), &len);
  g_assert_cmpmem (bytes, len, banner, strlen (banner));

  run_cli (&csv, "check", "--format", "csv", banner, NULL);
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_true (g_utf8_validate (csv.out, -1, NULL));

  run_cli (&text, "check", "--no-color", banner, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "caf\\xE9.pdf"));

  run_cli (&exported, "export", "-o", dir, "--no-ocr", "--fail-on", "never", banner, NULL);
  g_assert_cmpint (exported.status, ==, 0);
  output = g_build_filename (dir, "caf\xe9-eyeline.pdf", NULL);
  g_assert_true (g_file_test (output, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (strstr (exported.out, "caf\\xE9-eyeline.pdf"));
}

static gboolean
tmp_has_kit_copy (const char *tmp)
{
  g_autoptr(GDir) dir = g_dir_open (tmp, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "eyeline-kit-"))
      return TRUE;
  return FALSE;
}

/* A key given twice is an error naming it; a brand kit from a pipe is
 * read (and reaches the workers). */
static void
test_config_keys_and_pipes (void)
{
  g_autofree char *banner = NULL;
  g_autofree char *preset_path = g_build_filename (g_getenv ("EYL_SOURCE_ROOT"), "data",
                                                   "placements", "poster-wall.ini", NULL);
  g_autofree char *preset = NULL;
  g_autofree char *twice = NULL;
  g_autofree char *kit_twice = NULL;

  NEED_CLI ();
  banner = eyl_fixture_banner ("cli-keys.pdf", 0.1, FALSE);

  g_assert_true (g_file_get_contents (preset_path, &preset, NULL, NULL));
  {
    g_autofree char *text = g_strconcat (preset, "\ndistance_m=9\n", NULL);
    g_auto(Run) run = { 0 };

    twice = eyl_fixture_bytes ("twice.ini", text, strlen (text));
    run_cli (&run, "check", "--placement-file", twice, banner, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "twice.ini"));
    g_assert_nonnull (strstr (run.err, "distance_m"));
    g_assert_nonnull (strstr (run.err, "twice"));
  }
  {
    static const char kit[] = "[Brand]\nnames=Northwind\nnames=Southwind\n";
    g_auto(Run) run = { 0 };

    kit_twice = eyl_fixture_bytes ("kit-twice.ini", kit, sizeof kit - 1);
    run_cli (&run, "check", "--brand-kit", kit_twice, banner, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "names"));
    g_assert_nonnull (strstr (run.err, "twice"));
  }

  /* --brand-kit /dev/stdin in a pipeline, as <(…) would give */
  {
    static const char kit[] = "[Brand]\nnames=Northwind\n";
    g_autoptr(GSubprocess) process = NULL;
    g_autoptr(GBytes) in = g_bytes_new_static (kit, sizeof kit - 1);
    g_autoptr(GBytes) out = NULL;
    g_autoptr(GBytes) err = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *out_text = NULL;
    /* A temporary folder of its own: other test runs on the machine
     * make and remove their copies in the system's meanwhile. */
    g_autofree char *tmp = g_build_filename (eyl_fixture_dir (), "kit-tmp", NULL);
    g_autofree char *tmp_env = g_strconcat ("TMPDIR=", tmp, NULL);

    g_assert_cmpint (g_mkdir_with_parents (tmp, 0700), ==, 0);
    process = eyl_fixture_spawn_cli ((const char *[]) { tmp_env, NULL }, (const char *[]) { "check", "--format", "json", "--brand-kit", "/dev/stdin", banner, NULL },
                                     G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, -1);
    g_subprocess_communicate (process, in, NULL, &out, &err, &error);
    g_assert_no_error (error);
    out_text = g_strndup (g_bytes_get_data (out, NULL), g_bytes_get_size (out));
    g_test_message ("%.*s", (int) g_bytes_get_size (err), (const char *) g_bytes_get_data (err, NULL));
    g_assert_true (g_subprocess_get_if_exited (process));
    g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
    /* the workers used the kit */
    g_assert_nonnull (strstr (out_text, "\"source\": \"brand_kit\""));
    g_assert_false (tmp_has_kit_copy (tmp));
  }
}

static void
test_directory (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *dir = g_build_filename (eyl_fixture_dir (), "folder", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray       *files;
  g_autofree char *a_path = NULL;
  g_autofree char *b_path = NULL;
  g_autofree char *note = NULL;

  NEED_CLI ();
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  a = eyl_fixture_banner ("dir-a.pdf", 0.1, FALSE);
  b = eyl_fixture_banner ("dir-b.pdf", 0.1, FALSE);
  a_path = g_build_filename (dir, "b-second.pdf", NULL);
  b_path = g_build_filename (dir, "a-first.PDF", NULL);
  note = g_build_filename (dir, "notes.txt", NULL);
  g_assert_cmpint (rename (a, a_path), ==, 0);
  g_assert_cmpint (rename (b, b_path), ==, 0);
  g_assert_true (g_file_set_contents (note, "not a pdf", -1, NULL));

  run_cli (&run, "check", "--format", "json", "--placement", "rollup-behind-table", dir, NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  files = json_object_get_array_member (json_node_get_object (root), "files");
  /* its PDFs, sorted by name; the text file is left alone */
  g_assert_cmpuint (json_array_get_length (files), ==, 2);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (json_array_get_object_element (files, 0), "path"),
                                   "a-first.PDF"));
  g_assert_true (g_str_has_suffix (json_object_get_string_member (json_array_get_object_element (files, 1), "path"),
                                   "b-second.pdf"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eyl/cli/version", test_version);
  g_test_add_func ("/eyl/cli/help", test_help);
  g_test_add_func ("/eyl/cli/placements", test_placements);
  g_test_add_func ("/eyl/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/eyl/cli/usage-messages", test_usage_messages);
  g_test_add_func ("/eyl/cli/corrected-banner", test_corrected_banner);
  g_test_add_func ("/eyl/cli/low-banner", test_low_banner);
  g_test_add_func ("/eyl/cli/compare", test_compare);
  g_test_add_func ("/eyl/cli/unreadable-with-good", test_unreadable_with_good);
  g_test_add_func ("/eyl/cli/pixel-options", test_pixel_options);
  g_test_add_func ("/eyl/cli/picture-resolution", test_picture_resolution);
  g_test_add_func ("/eyl/cli/json-and-csv", test_json_and_csv);
  g_test_add_func ("/eyl/cli/output-file", test_output_file);
  g_test_add_func ("/eyl/cli/output-special", test_output_special);
  g_test_add_func ("/eyl/cli/stdout-full", test_stdout_full);
  g_test_add_func ("/eyl/cli/terminal-escapes", test_terminal_escapes);
  g_test_add_func ("/eyl/cli/config-fifos", test_config_fifos);
  g_test_add_func ("/eyl/cli/config-keys-and-pipes", test_config_keys_and_pipes);
  g_test_add_func ("/eyl/cli/password", test_password);
  g_test_add_func ("/eyl/cli/password-file-bounded", test_password_file_bounded);
  g_test_add_func ("/eyl/cli/directory", test_directory);
  g_test_add_func ("/eyl/cli/non-utf8-name", test_non_utf8_name);

  return g_test_run ();
}
