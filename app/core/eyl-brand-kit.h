/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-brand-kit.h: what the team knows about its own brand, one small
 * GKeyFile shared by the command line (--brand-kit) and the window.
 *
 *   [Brand]
 *   names=Northwind Tea;Northwind
 *   website=www.northwind-tea.example
 *   email=hello@northwind-tea.example
 *   phone=+44 20 7946 0958
 *   logos=logo.png;logo-mono.svg   (relative to the kit file)
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _EylBrandKit EylBrandKit;

struct _EylBrandKit
{
  /*< private >*/
  gatomicrefcount ref_count;
  /*< public >*/
  GStrv names;   /* never NULL, may be empty */
  char *website; /* may be NULL */
  char *email;
  char *phone;
  GStrv logos; /* absolute paths, never NULL */
  char *source_file;
};

#define EYL_TYPE_BRAND_KIT (eyl_brand_kit_get_type ())
GType        eyl_brand_kit_get_type (void) G_GNUC_CONST;
EylBrandKit *eyl_brand_kit_new (void);
EylBrandKit *eyl_brand_kit_ref (EylBrandKit *self);
void         eyl_brand_kit_unref (EylBrandKit *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EylBrandKit, eyl_brand_kit_unref)

/* Errors (EYL_ERROR_CONFIG) are one line, "FILE: [Brand] KEY: PROBLEM"
 * (or "FILE: PROBLEM"): unreadable file, no [Brand] group, another group,
 * an unknown key or one given twice, a value that is not UTF-8 or not
 * what the key says, an unreadable logo file ("cannot read “logo.svg”: No
 * such file or directory").  @path may be a pipe (<(…)): read up to
 * 1 MB, its logos relative to the current folder.  A FIFO, a device or a
 * logo that is not a regular file is refused without waiting. */
EylBrandKit *eyl_brand_kit_load (const char *path,
                                 GError    **error);
/* Writes atomically (g_file_set_contents: a temporary file renamed over
 * @path), so a crash or a full disk never leaves half a kit; a symbolic
 * link at @path is replaced by the file, its target left alone. */
gboolean eyl_brand_kit_save (EylBrandKit *self,
                             const char  *path,
                             GError     **error);
/* A new kit with the same contents (to give it other logo files). */
EylBrandKit *eyl_brand_kit_copy (EylBrandKit *self);
/* Registrable domain of the kit's website or email ("northwind-tea.example"),
 * newly allocated, or NULL. */
char *eyl_brand_kit_dup_domain (EylBrandKit *self);

/* The logo files as they are now (each one's path, size and time of
 * change), newly allocated, "" without logos: kits with the same key need
 * no new read of their logos, whatever their names and contacts. */
char *eyl_brand_kit_dup_logos_key (EylBrandKit *self);

/* The kit's contacts (website, email, phone), newly allocated, "" for
 * none or a NULL kit: what the Read stage matched beside the names. */
char *eyl_brand_kit_dup_contacts_key (EylBrandKit *self);

G_END_DECLS
