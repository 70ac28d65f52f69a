/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-badpdfs.c: the window survives every kind of bad PDF.
 *
 * A selection of ../shared/badpdfs that covers each outcome of its
 * manifest (broken, encrypted, empty, looping, memory-hungry, huge) is
 * opened at once into one window, as a user dropping a folder would.
 * What each file must end in comes from the manifest's `expected`
 * column: a report, the password page (then a wrong and the right
 * password), or the error page naming the problem.  All along the main
 * loop must keep answering (a 10 ms tick is timed), and afterwards the
 * window is still usable: another document, zoom, the export dialog,
 * the preferences, the style, and a clean close that stops the workers.
 * Each state is saved as eyl-badpdfs-*.png in the tests' build folder for a
 * person to look at.
 * Exits 77 (skipped) when no display can be opened. */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "eyl-application.h"
#include "eyl-document-item.h"
#include "eyl-export-dialog.h"
#include "eyl-finding-object.h"
#include "eyl-preferences-window.h"
#include "eyl-window.h"
#include "eyl-worker.h"
#include "eyl-gui-fixtures.h"

/* Short enough that the two files that loop forever in Poppler cost
 * seconds, long enough for the slowest good file on a busy machine. */
#define TIME_BUDGET_S    30
#define SETTLE_TIMEOUT_S 240
/* The longest the main loop may stay away (ms). */
#define MAX_GAP_MS 500

typedef enum
{
  WANT_REPORT,     /* a report: findings, or "no problems found" */
  WANT_PASSWORD,   /* the password page, then a report */
  WANT_ERROR,      /* the error page naming the problem */
  WANT_PAGE_ERROR, /* the error page, or a report with a page skipped */
} Want;

typedef struct
{
  const char *file;
  /* A word the error's detail must contain (what the first bytes were). */
  const char *hint;
  /* So big that the check may still run when the others are done: it
   * must then show its progress. */
  gboolean slow;
} Pick;

/* At least one file of each `expected` class of the manifest. */
static const Pick picks[] = {
  { "a0-rotate-90.pdf", NULL, FALSE },                 /* ok: A0, /Rotate 90 */
  { "gen-page-200in-square.pdf", NULL, FALSE },        /* ok: 200-inch page */
  { "enc-rc4-owner-only.pdf", NULL, FALSE },           /* ok: opens without asking */
  { "xref-extra-text.pdf", NULL, FALSE },              /* ok-repaired */
  { "gen-truncated-no-xref.pdf", NULL, FALSE },        /* ok-repaired */
  { "gen-deep-nesting.pdf", NULL, FALSE },             /* ok (memory-heavy) */
  { "enc-aes128-user-pw-password.pdf", NULL, FALSE },  /* needs-password */
  { "enc-utf8-password.pdf", NULL, FALSE },            /* needs-password, UTF-8 */
  { "notpdf-png-renamed.pdf", "PNG image", FALSE },    /* invalid */
  { "gen-empty-0-bytes.pdf", "empty file", FALSE },    /* invalid */
  { "gen-truncated-60pct.pdf", NULL, FALSE },          /* invalid */
  { "zero-pages.pdf", NULL, FALSE },                   /* no-pages */
  { "gen-count-lies-int-max.pdf", NULL, FALSE },       /* no-pages */
  { "pages-tree-loop-size-0.pdf", NULL, FALSE },       /* page-error */
  { "gen-degenerate-boxes.pdf", NULL, FALSE },         /* page-error */
  { "hang-form-field-loop.pdf", NULL, FALSE },         /* timeout */
  { "mem-type3-glyph-cycle.pdf", NULL, FALSE },        /* timeout-or-memory */
  { "hang-render-for-printing.pdf", NULL, FALSE },     /* timeout (export only) */
  { "crash-cairo-pdf-output-type1.pdf", NULL, FALSE }, /* worker-crash (export only) */
  { "gen-5000-pages.pdf", NULL, TRUE },                /* ok, but 5000 pages */
};

typedef struct
{
  const Pick      *pick;
  char            *path;
  char            *expected;
  char            *password;
  Want             want;
  EylDocumentItem *item;
} Case;

static EylApplication *app;
static EylWindow      *window;
static char           *tmp_dir; /* this run's TMPDIR: the window's snapshots */
static GPtrArray      *cases;   /* Case *, NULL when the corpus is absent */
static char           *skip_reason;

/* ---------------------------------------------------------------------- */
/* The manifest                                                           */

static void
case_free (Case *c)
{
  g_free (c->path);
  g_free (c->expected);
  g_free (c->password);
  g_clear_object (&c->item);
  g_free (c);
}

static int
column (char      **header,
        const char *name)
{
  for (int i = 0; header[i] != NULL; i++)
    if (g_str_equal (g_strstrip (header[i]), name))
      return i;
  g_error ("manifest.tsv has no column “%s”", name);
  return -1;
}

static Want
want_for (const char *expected)
{
  static const struct
  {
    const char *expected;
    Want        want;
  } wants[] = {
    { "ok", WANT_REPORT },
    { "ok-repaired", WANT_REPORT },
    { "ok (memory-heavy)", WANT_REPORT },
    /* Only exporting hangs or crashes on these: checking gives a report. */
    { "timeout (export only)", WANT_REPORT },
    { "worker-crash (export only)", WANT_REPORT },
    { "needs-password", WANT_PASSWORD },
    { "invalid", WANT_ERROR },
    { "no-pages", WANT_ERROR },
    { "timeout", WANT_ERROR },
    { "timeout-or-memory", WANT_ERROR },
    { "page-error", WANT_PAGE_ERROR },
  };

  for (guint i = 0; i < G_N_ELEMENTS (wants); i++)
    if (g_str_equal (wants[i].expected, expected))
      return wants[i].want;
  g_error ("unknown expected outcome “%s” in manifest.tsv", expected);
  return WANT_ERROR;
}

/* Reads the manifest's rows for the picks; NULL (and a reason) when the
 * corpus is not there. */
static GPtrArray *
load_cases (char **reason)
{
  const char      *shared = g_getenv ("EYL_SHARED_DIR");
  g_autofree char *dir = NULL;
  g_autofree char *manifest = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;
  g_autoptr(GHashTable) classes = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *result;
  int        c_file, c_password, c_expected;

  if (shared == NULL)
    {
      *reason = g_strdup ("EYL_SHARED_DIR is not set: the bad-PDF corpus is not available");
      return NULL;
    }
  /* As the window names it: a GFile path has no "..". */
  dir = g_canonicalize_filename ("badpdfs", shared);
  manifest = g_build_filename (dir, "manifest.tsv", NULL);
  if (!g_file_get_contents (manifest, &contents, NULL, NULL))
    {
      *reason = g_strdup_printf ("%s is missing: the bad-PDF corpus is not available", manifest);
      return NULL;
    }

  lines = g_strsplit (contents, "\n", -1);
  header = g_strsplit (lines[0], "\t", -1);
  c_file = column (header, "file");
  c_password = column (header, "password");
  c_expected = column (header, "expected");

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) case_free);
  for (guint p = 0; p < G_N_ELEMENTS (picks); p++)
    {
      Case *c = NULL;

      for (guint i = 1; lines[i] != NULL && c == NULL; i++)
        {
          g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
          guint n = g_strv_length (fields);

          if (n <= (guint) MAX (c_file, MAX (c_password, c_expected)) ||
              !g_str_equal (fields[c_file], picks[p].file))
            continue;
          c = g_new0 (Case, 1);
          c->pick = &picks[p];
          c->path = g_build_filename (dir, "files", picks[p].file, NULL);
          c->expected = g_strdup (g_strstrip (fields[c_expected]));
          c->password = fields[c_password][0] != '\0' ? g_strdup (fields[c_password]) : NULL;
          c->want = want_for (c->expected);
        }
      if (c == NULL)
        g_error ("%s is not in %s", picks[p].file, manifest);
      g_assert_true (g_file_test (c->path, G_FILE_TEST_IS_REGULAR));
      if (c->want == WANT_PASSWORD)
        g_assert_nonnull (c->password);
      g_hash_table_add (classes, c->expected);
      g_ptr_array_add (result, c);
    }

  /* The selection covers every outcome the manifest knows. */
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      if (g_strv_length (fields) > (guint) c_expected && fields[c_expected][0] != '\0')
        {
          const char *expected = g_strstrip (fields[c_expected]);

          if (!g_hash_table_contains (classes, expected))
            g_error ("the selection has no file whose expected outcome is “%s”", expected);
        }
    }
  return result;
}

/* ---------------------------------------------------------------------- */
/* The main loop's responsiveness                                         */

static gint64      last_tick;
static gint64      last_cpu;
static gint64      longest_gap;     /* wall clock, µs */
static gint64      longest_gap_cpu; /* what the main thread itself spent in it */
static gint64      busiest_gap_cpu; /* the most the main thread spent in any gap */
static const char *longest_gap_during;
static const char *doing = "starting";

static gint64
thread_cpu_time (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_THREAD, &usage) != 0)
    return 0;
  return (gint64) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC +
         usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

static gboolean
tick_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_time ();

  if (last_tick != 0)
    {
      if (now - last_tick > 200 * 1000)
        g_test_message ("main loop gap of %" G_GINT64_FORMAT " ms (%" G_GINT64_FORMAT
                        " ms of it working) while %s",
                        (now - last_tick) / 1000, (cpu - last_cpu) / 1000, doing);
      if (now - last_tick > longest_gap)
        {
          longest_gap = now - last_tick;
          longest_gap_cpu = cpu - last_cpu;
          longest_gap_during = doing;
        }
      busiest_gap_cpu = MAX (busiest_gap_cpu, cpu - last_cpu);
    }
  last_tick = now;
  last_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

/* More runnable processes than this test brings (its workers, Xvfb) on
 * top of the cores: others are using the machine. */
static gboolean
machine_overloaded (double *load)
{
  g_autofree char *text = NULL;

  *load = 0;
  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return FALSE;
  *load = g_ascii_strtod (text, NULL);
  return *load > 2.0 * g_get_num_processors () + 1;
}

/* The window answers: no main loop gap over MAX_GAP_MS.  When other
 * processes crowd the machine a gap also holds the time the window was
 * not given the processor; then what is checked is that the window
 * itself never worked for long at a stretch. */
static void
assert_responsive (void)
{
  double load;

  g_test_message ("longest main loop gap: %" G_GINT64_FORMAT " ms (%" G_GINT64_FORMAT
                  " ms of it working) while %s; most work in one gap: %" G_GINT64_FORMAT " ms",
                  longest_gap / 1000, longest_gap_cpu / 1000, longest_gap_during,
                  busiest_gap_cpu / 1000);
  /* A crowded machine also inflates a thread's own processor time (caches
   * and cores shared with the others: the style switch took 122 ms of it
   * at load 4 and 463 ms at load 21 on two cores), so there the bound on
   * the window's own work doubles. */
  if (machine_overloaded (&load))
    {
      g_test_message ("load average %.1f on %u cores: the wall-clock gap is not asserted",
                      load, g_get_num_processors ());
      g_assert_cmpint (busiest_gap_cpu, <, MAX_GAP_MS * 1000);
    }
  else
    {
      g_assert_cmpint (busiest_gap_cpu, <, MAX_GAP_MS / 2 * 1000);
      g_assert_cmpint (longest_gap, <, MAX_GAP_MS * 1000);
    }
}

/* The test's own blocking work (saving a PNG) does not count. */
static void
restart_ticks (void)
{
  last_tick = g_get_monotonic_time ();
  last_cpu = thread_cpu_time ();
}

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
save_widget_png (GtkWidget  *widget,
                 const char *name)
{
  g_autofree char *file = g_strdup_printf ("eyl-badpdfs-%s.png", name);

  eyl_gui_save_png (widget, file);
  restart_ticks ();
}

static void
save_png (const char *name)
{
  save_widget_png (GTK_WIDGET (window), name);
}

/* A PNG name from a file name: "zero-pages.pdf" → "zero-pages". */
static char *
png_name (const char *prefix,
          const Case *c)
{
  g_autofree char *base = g_strndup (c->pick->file, strlen (c->pick->file) - strlen (".pdf"));

  return g_strdup_printf ("%s-%s", prefix, base);
}

/* A label on screen (mapped) whose text contains @needle. */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *needle)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL)
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_label (child, needle);

      if (label != NULL)
        return label;
    }
  return NULL;
}

static gboolean
shows (const char *needle)
{
  return find_label (GTK_WIDGET (window), needle) != NULL;
}

static gboolean
toplevel_shown (gpointer data)
{
  return eyl_gui_find_toplevel (GPOINTER_TO_SIZE (data)) != NULL;
}

static gboolean
settled (EylDocumentItem *item)
{
  EylDocumentStatus status = eyl_document_item_get_status (item);

  return status == EYL_DOCUMENT_DONE || status == EYL_DOCUMENT_FAILED ||
         status == EYL_DOCUMENT_LOCKED;
}

static gboolean
item_settled (gpointer data)
{
  return settled (data);
}

static gboolean
all_but_slow_settled (gpointer data)
{
  for (guint i = 0; i < cases->len; i++)
    {
      Case *c = g_ptr_array_index (cases, i);

      if (!c->pick->slow && !settled (c->item))
        return FALSE;
    }
  return TRUE;
}

static gboolean
page_rendered (gpointer data)
{
  return eyl_page_view_is_rendered (eyl_window_get_page_view (window));
}

static void
show_case (Case *c)
{
  GFile *file = eyl_document_item_get_file (c->item);

  /* Opening a file that is open shows it. */
  eyl_window_open_files (window, &file, 1);
  g_assert_true (eyl_window_get_current (window) == c->item);
  eyl_gui_wait_for_frame (GTK_WIDGET (window));
}

/* Worker processes still running: children of this process that are not
 * zombies.  With @kill_them, each is killed. */
static guint
find_children (gboolean kill_them)
{
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *name;
  guint       n = 0;
  int         self = getpid ();

  while (proc != NULL && (name = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *stat_path = NULL;
      g_autofree char *stat = NULL;
      const char      *end;
      char             state;
      int              ppid;

      if (!g_ascii_isdigit (name[0]))
        continue;
      stat_path = g_build_filename ("/proc", name, "stat", NULL);
      if (!g_file_get_contents (stat_path, &stat, NULL, NULL))
        continue;
      /* "pid (comm) state ppid …"; comm may hold spaces and parentheses. */
      end = strrchr (stat, ')');
      if (end == NULL || sscanf (end + 1, " %c %d", &state, &ppid) != 2)
        continue;
      if (ppid == self && state != 'Z')
        {
          n++;
          if (kill_them)
            kill ((pid_t) g_ascii_strtoll (name, NULL, 10), SIGKILL);
        }
    }
  return n;
}

static guint
count_children (void)
{
  return find_children (FALSE);
}

/* A failed assertion must not leave the 5000-page check running for
 * minutes after the test. */
static void
abort_handler (int sig)
{
  find_children (TRUE);
  signal (sig, SIG_DFL);
  raise (sig);
}

static gboolean
no_children (gpointer data)
{
  return count_children () == 0;
}

#define SKIP_WITHOUT_CORPUS()      \
  G_STMT_START                     \
  {                                \
    if (cases == NULL)             \
      {                            \
        g_test_skip (skip_reason); \
        return;                    \
      }                            \
  }                                \
  G_STMT_END

/* ---------------------------------------------------------------------- */
/* Outcomes                                                               */

/* A report: the page with the findings, or "No problems found". */
static void
check_report (Case *c)
{
  EylDocumentItem *item = c->item;
  EylFileResult   *result = eyl_document_item_get_result (item);
  GListModel      *findings = eyl_window_get_findings (window);

  g_assert_cmpint (eyl_document_item_get_status (item), ==, EYL_DOCUMENT_DONE);
  g_assert_true (result->ok);
  g_assert_cmpuint (result->n_pages, >, 0);
  g_assert_cmpstr (eyl_window_get_state (window), ==, "page");
  g_assert_nonnull (eyl_page_view_get_analysis (eyl_window_get_page_view (window)));
  g_assert_true (eyl_gui_wait_for (page_rendered, NULL, 30));
  eyl_gui_wait_for_frame (GTK_WIDGET (window));

  g_assert_true (shows ("Customer focus"));
  if (g_list_model_get_n_items (findings) == 0)
    g_assert_true (shows ("No problems found"));
  else
    {
      g_autoptr(EylFindingObject) first = g_list_model_get_item (findings, 0);

      g_assert_true (shows (eyl_finding_object_get_message (first)));
    }

  /* What went wrong while reading it is said, not hidden. */
  if (result->warnings->len > 0)
    g_assert_true (shows ("Problems in the File"));
  else
    g_assert_false (shows ("Problems in the File"));
}

static gboolean
has_skipped_page (EylDocumentItem *item,
                  guint           *index)
{
  for (guint i = 0; i < eyl_document_item_get_n_pages (item); i++)
    if (eyl_document_item_get_page (item, i) == NULL)
      {
        *index = i;
        return TRUE;
      }
  return FALSE;
}

/* The headline of each error the bad PDFs give, as the window words it. */
static void
check_error (Case *c)
{
  static const struct
  {
    EylErrorCode code;
    const char  *headline;
  } headlines[] = {
    { EYL_ERROR_NOT_PDF, "This Is Not a PDF" },
    { EYL_ERROR_INVALID, "The PDF Is Damaged" },
    { EYL_ERROR_NO_PAGES, "The PDF Has No Pages" },
    { EYL_ERROR_TIMEOUT, "Checking Took Too Long" },
    { EYL_ERROR_MEMORY, "The PDF Needs Too Much Memory" },
  };
  EylFileResult *result = eyl_document_item_get_result (c->item);
  EylErrorCode   code = result->error_code;
  const char    *headline = NULL;

  g_assert_cmpint (eyl_document_item_get_status (c->item), ==, EYL_DOCUMENT_FAILED);
  g_assert_false (result->ok);
  g_assert_cmpstr (eyl_window_get_state (window), ==, "error");
  g_test_message ("%s: %s", c->pick->file, result->error_message);

  /* The code fits what the manifest expects. */
  if (g_str_equal (c->expected, "invalid"))
    g_assert_true (code == EYL_ERROR_NOT_PDF || code == EYL_ERROR_INVALID);
  else if (g_str_equal (c->expected, "no-pages") || g_str_equal (c->expected, "page-error"))
    g_assert_true (code == EYL_ERROR_NO_PAGES || code == EYL_ERROR_PAGE);
  else if (g_str_equal (c->expected, "timeout"))
    g_assert_cmpint (code, ==, EYL_ERROR_TIMEOUT);
  else if (g_str_equal (c->expected, "timeout-or-memory"))
    g_assert_true (code == EYL_ERROR_TIMEOUT || code == EYL_ERROR_MEMORY);
  else
    g_assert_not_reached ();

  for (guint i = 0; i < G_N_ELEMENTS (headlines); i++)
    if (headlines[i].code == code)
      headline = headlines[i].headline;
  if (headline != NULL)
    g_assert_true (shows (headline));
  g_assert_true (shows ("Try Again"));
  /* The detail names the file, not the path it was opened from. */
  g_assert_true (shows (c->pick->file));
  g_assert_false (shows (c->path));
  if (c->pick->hint != NULL)
    g_assert_true (shows (c->pick->hint));
  /* Timeouts say how long they were given. */
  if (code == EYL_ERROR_TIMEOUT)
    {
      g_autofree char *budget = g_strdup_printf ("%u s", TIME_BUDGET_S);

      g_assert_true (shows (budget));
    }
}

static AdwMessageDialog *
password_dialog (void)
{
  return (AdwMessageDialog *) eyl_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

static gboolean
password_dialog_says (gpointer heading)
{
  AdwMessageDialog *dialog = password_dialog ();

  return dialog != NULL && g_strcmp0 (adw_message_dialog_get_heading (dialog), heading) == 0;
}

static void
answer_password (const char *password)
{
  eyl_gui_answer_password (password_dialog (), password);
}

static void
check_password (Case *c)
{
  EylDocumentItem *item = c->item;
  g_autofree char *locked_png = png_name ("locked", c);
  g_autofree char *wrong_png = png_name ("wrong-password", c);
  g_autofree char *dialog_png = png_name ("wrong-password-dialog", c);

  g_assert_cmpint (eyl_document_item_get_status (item), ==, EYL_DOCUMENT_LOCKED);
  g_assert_cmpint (eyl_document_item_get_result (item)->error_code, ==, EYL_ERROR_ENCRYPTED);
  g_assert_cmpstr (eyl_window_get_state (window), ==, "locked");
  g_assert_true (eyl_gui_wait_for (password_dialog_says, "Password Required", 10));
  g_assert_true (shows ("This PDF Is Locked"));
  eyl_gui_wait_for_frame (GTK_WIDGET (password_dialog ()));
  eyl_gui_wait_for_frame (GTK_WIDGET (window));
  save_png (locked_png);

  doing = "a wrong password";
  answer_password ("not the password");
  g_assert_true (eyl_gui_wait_for (item_settled, item, 30));
  g_assert_cmpint (eyl_document_item_get_status (item), ==, EYL_DOCUMENT_LOCKED);
  g_assert_cmpint (eyl_document_item_get_result (item)->error_code, ==, EYL_ERROR_WRONG_PASSWORD);
  g_assert_true (eyl_gui_wait_for (password_dialog_says, "Wrong Password", 10));
  g_assert_true (shows ("Wrong Password"));
  g_assert_true (shows ("did not open"));
  eyl_gui_wait_for_frame (GTK_WIDGET (password_dialog ()));
  eyl_gui_wait_for_frame (GTK_WIDGET (window));
  save_png (wrong_png);
  save_widget_png (GTK_WIDGET (password_dialog ()), dialog_png);

  doing = "the right password";
  answer_password (c->password);
  g_assert_true (eyl_gui_wait_for (item_settled, item, 60));
  g_assert_null (password_dialog ());
  check_report (c);
}

static gboolean
state_is (gpointer data)
{
  return g_strcmp0 (eyl_window_get_state (window), data) == 0;
}

static void
check_page_error (Case *c)
{
  guint            skipped = 0;
  g_autofree char *png = NULL;

  if (eyl_document_item_get_status (c->item) == EYL_DOCUMENT_FAILED)
    {
      check_error (c);
      return;
    }
  /* A report of the pages that could be used; the others say why not. */
  check_report (c);
  g_assert_true (has_skipped_page (c->item, &skipped));
  g_assert_true (shows ("Problems in the File"));
  for (guint i = 0; i < skipped; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-page", NULL));
  eyl_gui_wait_until (state_is, (gpointer) "error", 10, "the page's error");
  eyl_gui_wait_for_frame (GTK_WIDGET (window));
  g_assert_true (shows ("This Page Could Not Be Checked"));
  g_assert_true (shows ("The other pages were checked"));
  png = png_name ("skipped-page", c);
  save_png (png);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-page", NULL);
  eyl_gui_wait_until (state_is, (gpointer) "page", 10, "the next page");
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

static void
test_open_all (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *documents = eyl_window_get_documents (window);
  gint64      start;

  SKIP_WITHOUT_CORPUS ();

  /* A short budget per page (Preferences → Damaged Files). */
  settings = g_settings_new (APPLICATION_ID);
  g_settings_set_uint (settings, "time-budget", TIME_BUDGET_S);

  for (guint i = 0; i < cases->len; i++)
    g_ptr_array_add (files, g_file_new_for_path (((Case *) g_ptr_array_index (cases, i))->path));

  doing = "opening every file";
  start = g_get_monotonic_time ();
  eyl_window_open_files (window, (GFile **) files->pdata, files->len);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, cases->len);
  for (guint i = 0; i < cases->len; i++)
    {
      Case *c = g_ptr_array_index (cases, i);

      c->item = g_list_model_get_item (documents, i);
      g_assert_cmpstr (eyl_document_item_get_path (c->item), ==, c->path);
    }
  g_assert_true (eyl_window_get_current (window) ==
                 ((Case *) g_ptr_array_index (cases, 0))->item);
  eyl_gui_wait_for_frame (GTK_WIDGET (window));
  save_png ("opening");

  doing = "checking every file";
  g_assert_true (eyl_gui_wait_for (all_but_slow_settled, NULL, SETTLE_TIMEOUT_S));
  g_test_message ("all but the slow files checked in %.1f s",
                  (g_get_monotonic_time () - start) / 1e6);
  for (guint i = 0; i < cases->len; i++)
    {
      Case             *c = g_ptr_array_index (cases, i);
      EylDocumentStatus status = eyl_document_item_get_status (c->item);

      g_test_message ("%-36s %-28s → %s", c->pick->file, c->expected,
                      status == EYL_DOCUMENT_DONE     ? "report"
                      : status == EYL_DOCUMENT_LOCKED ? "locked"
                      : status == EYL_DOCUMENT_FAILED ? eyl_error_code_to_string (eyl_document_item_get_result (c->item)->error_code)
                                                      : "still checking");
      /* The slow one is being checked, not waiting for a turn. */
      if (c->pick->slow && !settled (c->item))
        g_assert_cmpint (status, ==, EYL_DOCUMENT_ANALYSING);
    }
  assert_responsive ();
}

static void
test_outcomes (void)
{
  SKIP_WITHOUT_CORPUS ();

  for (guint i = 0; i < cases->len; i++)
    {
      Case            *c = g_ptr_array_index (cases, i);
      g_autofree char *png = NULL;

      g_test_message ("showing %s (%s)", c->pick->file, c->expected);
      doing = c->pick->file;
      show_case (c);

      if (c->pick->slow && !settled (c->item))
        {
          /* Still at it: the window says so and stays usable. */
          g_assert_cmpstr (eyl_window_get_state (window), ==, "loading");
          g_assert_true (shows ("Checking"));
          g_assert_true (shows (c->pick->file));
          png = png_name ("progress", c);
          save_png (png);
          continue;
        }

      switch (c->want)
        {
        case WANT_REPORT:
          check_report (c);
          png = png_name ("report", c);
          save_png (png);
          break;
        case WANT_PASSWORD:
          check_password (c);
          png = png_name ("unlocked", c);
          save_png (png);
          break;
        case WANT_ERROR:
          check_error (c);
          png = png_name ("error", c);
          save_png (png);
          break;
        case WANT_PAGE_ERROR:
        default:
          check_page_error (c);
          png = png_name (eyl_document_item_get_status (c->item) == EYL_DOCUMENT_FAILED
                              ? "error"
                              : "report",
                          c);
          save_png (png);
          break;
        }
    }

  assert_responsive ();
}

static gboolean
zoom_differs (gpointer data)
{
  return eyl_page_view_get_zoom (eyl_window_get_page_view (window)) != *(double *) data;
}

static GtkSpinButton *
find_spin_button (GtkWidget *widget,
                  double     value)
{
  if (GTK_IS_SPIN_BUTTON (widget) && gtk_spin_button_get_value (GTK_SPIN_BUTTON (widget)) == value)
    return GTK_SPIN_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkSpinButton *spin = find_spin_button (child, value);

      if (spin != NULL)
        return spin;
    }
  return NULL;
}

static gboolean
toplevel_gone (gpointer data)
{
  return eyl_gui_find_toplevel (GPOINTER_TO_SIZE (data)) == NULL;
}

/* After all that: a good document, zoom, the export dialog, the
 * preferences (the time budget is there) and the style. */
static void
test_still_usable (void)
{
  EylPageView *view = eyl_window_get_page_view (window);
  g_autoptr(GSettings) settings = NULL;
  GType          export_type, preferences_type;
  GtkWindow     *dialog;
  GtkSpinButton *budget;
  double         zoom;
  Case          *good;

  SKIP_WITHOUT_CORPUS ();

  good = g_ptr_array_index (cases, 0);
  g_assert_cmpint (good->want, ==, WANT_REPORT);
  doing = "showing a good document again";
  show_case (good);
  check_report (good);

  doing = "zooming";
  zoom = eyl_page_view_get_zoom (view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL));
  g_assert_true (eyl_gui_wait_for (zoom_differs, &zoom, 5));
  g_assert_cmpfloat (eyl_page_view_get_zoom (view), >, zoom);
  g_assert_true (eyl_gui_wait_for (page_rendered, NULL, 30));
  eyl_gui_wait_for_frame (GTK_WIDGET (window));
  save_png ("zoomed");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-fit-page", NULL);

  doing = "the export dialog";
  export_type = EYL_TYPE_EXPORT_DIALOG;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  g_assert_true (eyl_gui_wait_for (toplevel_shown, GSIZE_TO_POINTER (export_type), 10));
  dialog = eyl_gui_find_toplevel (export_type);
  eyl_gui_wait_for_frame (GTK_WIDGET (dialog));
  save_widget_png (GTK_WIDGET (dialog), "export-dialog");
  gtk_window_close (dialog);
  g_assert_true (eyl_gui_wait_for (toplevel_gone, GSIZE_TO_POINTER (export_type), 10));

  /* The time budget is a preference, bound both ways. */
  doing = "the preferences";
  settings = g_settings_new (APPLICATION_ID);
  preferences_type = EYL_TYPE_PREFERENCES_WINDOW;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.preferences", NULL));
  g_assert_true (eyl_gui_wait_for (toplevel_shown, GSIZE_TO_POINTER (preferences_type), 10));
  dialog = eyl_gui_find_toplevel (preferences_type);
  eyl_gui_wait_for_frame (GTK_WIDGET (dialog));
  budget = find_spin_button (GTK_WIDGET (dialog), TIME_BUDGET_S);
  g_assert_nonnull (budget);
  save_widget_png (GTK_WIDGET (dialog), "preferences");
  gtk_spin_button_set_value (budget, 90);
  eyl_gui_run_pending ();
  g_assert_cmpuint (g_settings_get_uint (settings, "time-budget"), ==, 90);
  g_settings_set_uint (settings, "time-budget", TIME_BUDGET_S);
  eyl_gui_run_pending ();
  g_assert_cmpfloat (gtk_spin_button_get_value (budget), ==, TIME_BUDGET_S);
  gtk_window_close (dialog);
  g_assert_true (eyl_gui_wait_for (toplevel_gone, GSIZE_TO_POINTER (preferences_type), 10));

  /* The style menu is the style setting: it is kept across restarts. */
  doing = "the style";
  g_action_group_activate_action (G_ACTION_GROUP (app), "style", g_variant_new_string ("dark"));
  eyl_gui_run_pending ();
  g_assert_cmpstr (g_settings_get_string (settings, "style"), ==, "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()), ==,
                   ADW_COLOR_SCHEME_FORCE_DARK);
  eyl_gui_wait_for_frame (GTK_WIDGET (window));
  save_png ("dark");
  g_settings_set_string (settings, "style", "light");
  eyl_gui_run_pending ();
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()), ==,
                   ADW_COLOR_SCHEME_FORCE_LIGHT);
  {
    g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (app), "style");
    g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "light");
  }
  g_settings_reset (settings, "style");
  eyl_gui_run_pending ();
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()), ==,
                   ADW_COLOR_SCHEME_DEFAULT);

  assert_responsive ();
}

/* Closing the window stops every worker still running. */
static void
test_close (void)
{
  SKIP_WITHOUT_CORPUS ();

  g_test_message ("workers running before closing: %u", count_children ());
  doing = "closing";
  gtk_window_destroy (GTK_WINDOW (window));
  window = NULL;
  g_assert_true (eyl_gui_wait_for (no_children, NULL, 10));
}

/* The copies of the files the window checked (its snapshots) are gone
 * when the application shuts down, those of checks still under way when
 * the window closed too (the 5000-page file's, left in the system's
 * temporary folder by every run before). */
static void
test_snapshots_removed (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint       left = 0;

  SKIP_WITHOUT_CORPUS ();

  /* The application's end as a user's: run, then quit (the window
   * activate opens goes with it). */
  g_idle_add_once ((GSourceOnceFunc) g_application_quit, app);
  g_application_run (G_APPLICATION (app), 0, NULL);
  dir = g_dir_open (tmp_dir, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "eyeline-snapshot-"))
      {
        g_test_message ("left behind: %s", name);
        left++;
      }
  g_assert_cmpuint (left, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  guint tick_id;
  int   status;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  /* The worker: the eyeline-worker of this build. */
  if (g_getenv ("EYL_WORKER") == NULL && g_getenv ("EYL_CLI") != NULL)
    {
      g_autofree char *worker = eyl_worker_find_exe_for (g_getenv ("EYL_CLI"));

      g_setenv ("EYL_WORKER", worker, TRUE);
    }
  /* A temporary folder of this run's own (before GLib reads TMPDIR once
   * and for all): what the window leaves there is this run's. */
  {
    const char *system_tmp = g_getenv ("TMPDIR");

    tmp_dir = g_build_filename (system_tmp != NULL && *system_tmp != '\0' ? system_tmp : "/tmp",
                                "eyl-badpdfs-XXXXXX", NULL);
    g_assert_nonnull (g_mkdtemp (tmp_dir));
    g_setenv ("TMPDIR", tmp_dir, TRUE);
  }

  g_test_init (&argc, &argv, NULL);
  signal (SIGABRT, abort_handler);
  if (!gtk_init_check ())
    {
      g_printerr ("No display: skipping the bad-PDF window tests\n");
      return 77;
    }
  /* Pages and dialogs appear at once: no test waits for an animation. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  cases = load_cases (&skip_reason);
  if (cases == NULL)
    g_test_message ("%s", skip_reason);

  app = eyl_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("Cannot register the application: %s", error->message);

  window = eyl_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 820);
  gtk_window_present (GTK_WINDOW (window));
  eyl_gui_wait_for_frame (GTK_WIDGET (window));
  tick_id = g_timeout_add (10, tick_cb, NULL);

  g_test_add_func ("/eyl/window-badpdfs/open-all", test_open_all);
  g_test_add_func ("/eyl/window-badpdfs/outcomes", test_outcomes);
  g_test_add_func ("/eyl/window-badpdfs/still-usable", test_still_usable);
  g_test_add_func ("/eyl/window-badpdfs/close", test_close);
  g_test_add_func ("/eyl/window-badpdfs/snapshots-removed", test_snapshots_removed);
  status = g_test_run ();

  g_source_remove (tick_id);
  if (window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (window));
      if (!eyl_gui_wait_for (no_children, NULL, 10))
        g_printerr ("Worker processes still running after the window was closed\n");
    }
  g_clear_pointer (&cases, g_ptr_array_unref);
  g_free (skip_reason);
  g_object_unref (app);
  /* Its pictures' second copies (eyl_gui_save_png), and then nothing
   * when all went well (the test above). */
  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      if (g_str_has_prefix (name, "eyl-badpdfs-") && g_str_has_suffix (name, ".png"))
        {
          g_autofree char *png = g_build_filename (tmp_dir, name, NULL);

          g_unlink (png);
        }
  }
  if (g_rmdir (tmp_dir) != 0)
    g_printerr ("%s is not empty\n", tmp_dir);
  g_free (tmp_dir);
  return status;
}
