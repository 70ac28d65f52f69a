/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_LOG_DOMAIN "eyl-failure-page"

#include <glib/gi18n.h>

#include "eyl-failure-page.h"

struct _EylFailurePage
{
  AdwBin parent_instance;

  /* Template widgets */
  AdwStatusPage *status_page;
  GtkLabel      *detail_label;
};

G_DEFINE_FINAL_TYPE (EylFailurePage, eyl_failure_page, ADW_TYPE_BIN)

/* An app-written headline for each reason a file cannot be checked; the
 * technical detail goes under it. */
static const char *
error_headline (EylErrorCode code)
{
  switch (code)
    {
    case EYL_ERROR_NOT_FOUND:
      return _("The File Cannot Be Found");
    case EYL_ERROR_NOT_PDF:
      return _("This Is Not a PDF");
    case EYL_ERROR_INVALID:
      return _("The PDF Is Damaged");
    case EYL_ERROR_NO_PAGES:
      return _("The PDF Has No Pages");
    case EYL_ERROR_TIMEOUT:
      return _("Checking Took Too Long");
    case EYL_ERROR_MEMORY:
      return _("The PDF Needs Too Much Memory");
    case EYL_ERROR_ENGINE_CRASH:
      return _("The PDF Could Not Be Read");
    case EYL_ERROR_CONFIG:
      return _("The Settings Could Not Be Used");
    case EYL_ERROR_ENCRYPTED:
    case EYL_ERROR_WRONG_PASSWORD:
      return _("This PDF Is Locked");
    case EYL_ERROR_PAGE:
    case EYL_ERROR_OUTPUT:
    case EYL_ERROR_USAGE:
    case EYL_ERROR_CANCELLED:
    default:
      return _("The File Could Not Be Checked");
    }
}

/* What stopped the check, at a glance: the engine ran out of time, or
 * failed; anything else is the file's fault. */
static const char *
error_icon (EylErrorCode code)
{
  switch (code)
    {
    case EYL_ERROR_TIMEOUT:
      return "alarm-symbolic";
    case EYL_ERROR_MEMORY:
    case EYL_ERROR_ENGINE_CRASH:
      return "computer-fail-symbolic";
    default:
      return "dialog-error-symbolic";
    }
}

static const char *
error_explanation (EylErrorCode code)
{
  switch (code)
    {
    case EYL_ERROR_NOT_FOUND:
      return _("It may have been moved, renamed or deleted, or it cannot be read.");
    case EYL_ERROR_NOT_PDF:
      return _("Eyeline checks the PDF that goes to the printer. Export your artwork as PDF and open that.");
    case EYL_ERROR_INVALID:
      return _("The file is broken beyond repair. Export it again from the design program.");
    case EYL_ERROR_NO_PAGES:
      return _("The file opens, but it has no page with a size that can be checked. Export it again from the design program.");
    case EYL_ERROR_TIMEOUT:
      /* Not the file's fault: detailed artwork takes longer, and so does
       * any file on a busy computer. */
      return _("Eyeline stopped checking when the time allowed ran out. That says nothing about the artwork: detailed pages take longer, and on a busy computer so do ordinary ones. Try again, or allow more time in Preferences.");
    case EYL_ERROR_MEMORY:
      return _("The PDF engine needed more memory than allowed for this file, so it was stopped to keep Eyeline running. Exporting the PDF again, or flattening transparency, often helps.");
    case EYL_ERROR_ENGINE_CRASH:
      return _("The PDF engine could not get through this file, so it was stopped to keep Eyeline running. Exporting the PDF again, or flattening transparency, often helps.");
    default:
      return _("Eyeline could not check this file.");
    }
}

static void
eyl_failure_page_class_init (EylFailurePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* No dispose: AdwBin drops its child (the template's status page). */
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/eyl-failure-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EylFailurePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, EylFailurePage, detail_label);
}

static void
eyl_failure_page_init (EylFailurePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
eyl_failure_page_new (void)
{
  return g_object_new (EYL_TYPE_FAILURE_PAGE, NULL);
}

void
eyl_failure_page_set_error (EylFailurePage *self,
                            EylErrorCode    code,
                            const char     *detail)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (EYL_IS_FAILURE_PAGE (self));

  escaped = g_markup_escape_text (error_explanation (code), -1);
  adw_status_page_set_icon_name (self->status_page, error_icon (code));
  adw_status_page_set_title (self->status_page, error_headline (code));
  adw_status_page_set_description (self->status_page, escaped);
  gtk_label_set_label (self->detail_label, detail != NULL ? detail : "");
}

void
eyl_failure_page_set_page_skipped (EylFailurePage *self)
{
  g_return_if_fail (EYL_IS_FAILURE_PAGE (self));

  /* Why is among the file's notes. */
  adw_status_page_set_icon_name (self->status_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->status_page, _("This Page Could Not Be Checked"));
  adw_status_page_set_description (self->status_page,
                                   _("The page cannot be used, for example because it has no size. The other pages were checked."));
  gtk_label_set_label (self->detail_label, "");
}
