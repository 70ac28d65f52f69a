/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-report-text.c: the report for people (text) and for spreadsheets
 * (CSV, RFC 4180). */
#include "config.h"

#define G_LOG_DOMAIN "eyl-report"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "eyl-report.h"
#include "eyl-stage.h"

#define COLOR_RESET  "\033[0m"
#define COLOR_BOLD   "\033[1m"
#define COLOR_RED    "\033[1;31m"
#define COLOR_YELLOW "\033[1;33m"
#define COLOR_BLUE   "\033[1;34m"

/* Bidi embeddings, overrides and isolates: they reorder what follows on
 * the line ("Trojan Source"). */
static gboolean
is_bidi_control (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

char *
eyl_report_printable (const char *text)
{
  GString    *out;
  const char *p, *end;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));
  end = text + strlen (text);
  for (p = text; p < end;)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02X", (guchar) *p);
          p++;
          continue;
        }
      if (c < 0x20 || c == 0x7F)
        g_string_append_printf (out, "\\x%02X", c);
      else if ((c >= 0x80 && c < 0xA0) || is_bidi_control (c))
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

char *
eyl_report_printable_path (const char *path)
{
  g_autofree char *display = NULL;

  /* In a UTF-8 file system the bytes themselves, so that a stray byte
   * shows as \xHH instead of a replacement character. */
  if (path == NULL || g_get_filename_charsets (NULL))
    return eyl_report_printable (path);
  display = g_filename_display_name (path);
  return eyl_report_printable (display);
}

static EylElement *
find_element (EylPageAnalysis *page,
              const char      *id)
{
  if (id == NULL || page->elements == NULL)
    return NULL;

  for (guint i = 0; i < page->elements->len; i++)
    {
      EylElement *element = g_ptr_array_index (page->elements, i);

      if (g_strcmp0 (element->id, id) == 0)
        return element;
    }
  return NULL;
}

/* "1:10" for a page made at a tenth of the real size. */
static char *
format_scale (double scale)
{
  if (!(scale > 0) || !isfinite (scale))
    return g_strdup ("?");
  if (fabs (scale - 1.0) < 1e-6)
    return g_strdup ("1:1");
  if (scale < 1.0)
    {
      double inverse = 1.0 / scale;

      if (fabs (inverse - round (inverse)) < 0.01)
        return g_strdup_printf ("1:%.0f", round (inverse));
      return g_strdup_printf ("1:%.2f", inverse);
    }
  if (fabs (scale - round (scale)) < 0.01)
    return g_strdup_printf ("%.0f:1", round (scale));
  return g_strdup_printf ("%.2f:1", scale);
}

static const char *
scale_source_label (EylScaleSource source)
{
  switch (source)
    {
    /* Translators: how the scale of the artwork was found, shown in
     * brackets after it: "at 1:10 (detected)" */
    case EYL_SCALE_DETECTED:
      return C_("scale source", "detected");
    /* Translators: the scale was given on the command line or in the window */
    case EYL_SCALE_USER:
      return C_("scale source", "given");
    /* Translators: the page is the real size, "at 1:1 (from the page)" */
    case EYL_SCALE_PAGE:
    default:
      return C_("scale source", "from the page");
    }
}

static const char *
severity_label (EylSeverity severity)
{
  switch (severity)
    {
    /* Translators: severity labels at the start of a report line, in
     * capitals; padded to 7 characters, keep them short */
    case EYL_SEVERITY_ERROR:
      return _("ERROR");
    case EYL_SEVERITY_WARNING:
      return _("WARNING");
    case EYL_SEVERITY_INFO:
    default:
      return _("INFO");
    }
}

static const char *
severity_color (EylSeverity severity)
{
  switch (severity)
    {
    case EYL_SEVERITY_ERROR:
      return COLOR_RED;
    case EYL_SEVERITY_WARNING:
      return COLOR_YELLOW;
    case EYL_SEVERITY_INFO:
    default:
      return COLOR_BLUE;
    }
}

static void
append_page_text (GString         *out,
                  EylPageAnalysis *page,
                  gboolean         use_color)
{
  g_autofree char *scale = format_scale (page->scale);
  g_autofree char *placement = eyl_report_printable (page->placement != NULL
                                                         ? page->placement->id
                                                         : "?");
  guint            n_findings = page->findings != NULL ? page->findings->len : 0;

  /* Translators: page number, placement id, material width × height in
   * mm, scale such as 1:10, how the scale was found, score 0–100. */
  g_string_append_printf (out, _("  Page %u: %s, %.0f × %.0f mm at %s (%s), customer focus %d/100\n"),
                                  page->index + 1, placement,
                                  page->material_w_mm, page->material_h_mm,
                                  scale, scale_source_label (page->scale_source),
                                  page->customer_focus);
  if (page->placement_reason != NULL)
    {
      g_autofree char *reason = eyl_report_printable (page->placement_reason);

      g_string_append_printf (out, "    %s\n", reason);
    }

  if (n_findings == 0)
    {
      g_string_append_printf (out, "    %s\n", _("No findings."));
      return;
    }

  /* Errors first, then warnings, then infos; the rules' order within. */
  for (int severity = EYL_SEVERITY_ERROR; severity >= EYL_SEVERITY_INFO; severity--)
    {
      for (guint i = 0; i < n_findings; i++)
        {
          EylFinding      *finding = g_ptr_array_index (page->findings, i);
          g_autofree char *rule = NULL;
          g_autofree char *message = NULL;
          g_autofree char *fix = NULL;

          if ((int) finding->severity != severity)
            continue;
          rule = eyl_report_printable (finding->rule);
          message = eyl_report_printable (finding->message);
          fix = eyl_report_printable (finding->fix);

          g_string_append (out, "    ");
          if (use_color)
            g_string_append (out, severity_color (finding->severity));
          g_string_append_printf (out, "%-7s", severity_label (finding->severity));
          if (use_color)
            g_string_append (out, COLOR_RESET);
          g_string_append_printf (out, " %s: %s\n", rule, message);
          if (fix[0] != '\0')
            /* Translators: before the suggested fix of a finding */
            g_string_append_printf (out, "            %s %s\n", _("Fix:"), fix);
        }
    }
}

char *
eyl_report_format_text (EylReport *report,
                        gboolean   use_color)
{
  g_auto(EylStageScope) stage = eyl_stage_scope (EYL_STAGE_REPORT);
  GString         *out = g_string_new (NULL);
  EylReportSummary summary;

  g_return_val_if_fail (report != NULL, NULL);

  for (guint i = 0; i < report->files->len; i++)
    {
      EylFileResult   *file = g_ptr_array_index (report->files, i);
      g_autofree char *path = eyl_report_printable_path (file->path);

      if (i > 0)
        g_string_append_c (out, '\n');

      if (!file->ok)
        {
          g_autofree char *message = eyl_report_printable (file->error_message);

          if (use_color)
            g_string_append (out, COLOR_RED);
          /* Translators: file name, error code (untranslated, such as
           * "encrypted"), message */
          g_string_append_printf (out, _("%s: cannot be checked (%s): %s"), path,
                                          eyl_error_code_to_string (file->error_code), message);
          if (use_color)
            g_string_append (out, COLOR_RESET);
          g_string_append_c (out, '\n');
          continue;
        }

      if (use_color)
        g_string_append (out, COLOR_BOLD);
      g_string_append (out, path);
      if (use_color)
        g_string_append (out, COLOR_RESET);
      g_string_append_c (out, '\n');

      for (guint w = 0; file->warnings != NULL && w < file->warnings->len; w++)
        {
          g_autofree char *warning = eyl_report_printable (g_ptr_array_index (file->warnings, w));

          /* Translators: before a warning about the file, such as a
           * repaired cross-reference table */
          g_string_append_printf (out, "  %s %s\n", _("Note:"), warning);
        }

      for (guint p = 0; p < file->pages->len; p++)
        append_page_text (out, g_ptr_array_index (file->pages, p), use_color);
    }

  if (report->brand_kit != NULL)
    {
      g_autofree char *name = eyl_brand_kit_dup_display_name (report->brand_kit);
      g_autofree char *style = eyl_brand_kit_describe_style (report->brand_kit);
      g_autofree char *line = NULL;
      g_autofree char *printable = NULL;

      /* Translators: the brand kit's name, then its colours and fonts */
      line = style != NULL ? g_strdup_printf (_("Brand kit “%s”: %s"), name != NULL ? name : "", style)
                           : g_strdup_printf (_("Brand kit “%s”"), name != NULL ? name : "");
      printable = eyl_report_printable (line);

      g_string_append_printf (out, "\n%s\n", printable);
    }

  eyl_report_get_summary (report, &summary);
  g_string_append_c (out, '\n');
  /* The summary line at the end of a run, in parts so that each number
   * gets its own plural: "3 files checked, 1 could not be read: 2 errors,
   * 1 warning, 0 notes". */
  g_string_append_printf (out,
                          /* Translators: the start of the summary line */
                          g_dngettext (GETTEXT_PACKAGE, "%u file checked", "%u files checked",
                                       summary.files),
                          summary.files);
  g_string_append_printf (out,
                          /* Translators: continues "3 files checked"; followed by the
                           * counts of errors, warnings and notes */
                          g_dngettext (GETTEXT_PACKAGE, ", %u could not be read: ",
                                       ", %u could not be read: ", summary.failed),
                          summary.failed);
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", summary.errors),
                          summary.errors);
  g_string_append (out, ", ");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", summary.warnings),
                          summary.warnings);
  g_string_append (out, ", ");
  /* Translators: findings of severity "info" */
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", summary.infos),
                          summary.infos);
  g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}

/* RFC 4180: a field with a comma, a quote or a line break is quoted, and
 * quotes inside are doubled.  Text that a spreadsheet would run as a
 * formula (= + - @, or a tab or carriage return first: file names and
 * words read from the PDF are anyone's) is neutralised as OWASP's "CSV
 * Injection" page says: a single quote before it, and the cell quoted. */
static void
csv_cell (GString    *out,
          const char *value,
          gboolean    may_be_formula,
          gboolean    last)
{
  gboolean formula;

  if (value == NULL)
    value = "";

  formula = may_be_formula && value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL;
  if (formula || strpbrk (value, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      if (formula)
        g_string_append_c (out, '\'');
      for (const char *c = value; *c != '\0'; c++)
        {
          if (*c == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *c);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, value);

  g_string_append (out, last ? "\r\n" : ",");
}

static void
csv_field (GString    *out,
           const char *value,
           gboolean    last)
{
  csv_cell (out, value, TRUE, last);
}

/* Numbers are written here, never from the text: "-3.000" stays a
 * number. */
static void
csv_number (GString *out,
            double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      csv_field (out, "", FALSE);
      return;
    }
  g_ascii_formatd (buf, sizeof buf, "%.3f", value);
  csv_cell (out, buf, FALSE, FALSE);
}

static const char *const csv_header[] = {
  "file",
  "page",
  "status",
  "rule",
  "severity",
  "element",
  "kind",
  "text",
  "message",
  "fix",
  "x0",
  "y0",
  "x1",
  "y1",
  "hidden_fraction",
  "eye_zone_fraction",
  "floor_bottom_mm",
  "floor_top_mm",
  "cap_height_mm",
  "placement",
  "customer_focus",
  "error_code",
};

char *
eyl_report_format_csv (EylReport *report)
{
  g_auto(EylStageScope) stage = eyl_stage_scope (EYL_STAGE_REPORT);
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (report != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (csv_header); i++)
    csv_field (out, csv_header[i], i + 1 == G_N_ELEMENTS (csv_header));

  for (guint i = 0; i < report->files->len; i++)
    {
      EylFileResult *file = g_ptr_array_index (report->files, i);
      /* CSV is UTF-8: a file name that is not shows U+FFFD where its
       * stray bytes are (the JSON report keeps them). */
      g_autofree char *path = g_filename_display_name (file->path);

      if (!file->ok)
        {
          csv_field (out, path, FALSE);
          csv_field (out, "", FALSE); /* page */
          csv_field (out, "error", FALSE);
          for (guint c = 0; c < 5; c++) /* rule … text */
            csv_field (out, "", FALSE);
          csv_field (out, file->error_message, FALSE);
          for (guint c = 0; c < 12; c++) /* fix … customer_focus */
            csv_field (out, "", FALSE);
          csv_field (out, eyl_error_code_to_string (file->error_code), TRUE);
          continue;
        }

      for (guint p = 0; p < file->pages->len; p++)
        {
          EylPageAnalysis *page = g_ptr_array_index (file->pages, p);
          g_autofree char *page_no = g_strdup_printf ("%u", page->index + 1);
          g_autofree char *focus = g_strdup_printf ("%d", page->customer_focus);

          for (guint f = 0; page->findings != NULL && f < page->findings->len; f++)
            {
              EylFinding *finding = g_ptr_array_index (page->findings, f);
              EylElement *element = find_element (page, finding->element_id);
              EylRect     box = finding->box;

              if (eyl_rect_is_empty (&box) && element != NULL)
                box = element->box;

              csv_field (out, path, FALSE);
              csv_field (out, page_no, FALSE);
              csv_field (out, "ok", FALSE);
              csv_field (out, finding->rule, FALSE);
              csv_field (out, eyl_severity_to_string (finding->severity), FALSE);
              csv_field (out, finding->element_id, FALSE);
              csv_field (out, element != NULL ? eyl_element_kind_to_string (element->kind) : "",
                         FALSE);
              csv_field (out, element != NULL ? element->text : "", FALSE);
              csv_field (out, finding->message, FALSE);
              csv_field (out, finding->fix, FALSE);
              if (eyl_rect_is_empty (&box))
                for (guint c = 0; c < 4; c++)
                  csv_field (out, "", FALSE);
              else
                {
                  csv_number (out, box.x0);
                  csv_number (out, box.y0);
                  csv_number (out, box.x1);
                  csv_number (out, box.y1);
                }
              if (element != NULL)
                {
                  csv_number (out, element->hidden_fraction);
                  csv_number (out, element->eye_zone_fraction);
                  csv_number (out, element->floor_bottom_mm);
                  csv_number (out, element->floor_top_mm);
                  csv_number (out, element->cap_height_mm);
                }
              else
                for (guint c = 0; c < 5; c++)
                  csv_field (out, "", FALSE);
              csv_field (out, page->placement != NULL ? page->placement->id : "", FALSE);
              csv_field (out, focus, FALSE);
              csv_field (out, "", TRUE);
            }
        }
    }

  return g_string_free (out, FALSE);
}
