/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: the `eyeline` window. */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "eyl-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(EylApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* EYL_LOCALEDIR: the build tree's po/, to see a translation uninstalled */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("EYL_LOCALEDIR") != NULL ? g_getenv ("EYL_LOCALEDIR")
                                                                      : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = eyl_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
