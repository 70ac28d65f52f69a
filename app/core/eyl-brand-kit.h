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

/* Named kits: one file per kit, "NAME.ini" in $XDG_CONFIG_HOME/eyeline/kits.
 * The single kit of earlier versions ($XDG_CONFIG_HOME/eyeline/brand-kit.ini)
 * is the kit EYL_BRAND_KIT_LEGACY_NAME until a kit file of that name exists. */
#define EYL_BRAND_KIT_LEGACY_NAME "My brand"

/* The kits folder, newly allocated (it may not exist yet). */
char *eyl_brand_kit_dup_dir (void);
/* The kits' names, sorted (newly allocated strings), the legacy kit among
 * them when its file exists. */
GPtrArray *eyl_brand_kit_list_names (void);
/* TRUE for a name a kit file can have: not empty, no '/', not starting
 * with '.', no control characters, at most 100 bytes of UTF-8. */
gboolean eyl_brand_kit_name_is_valid (const char *name);
/* The file of the kit @name (existing or not), newly allocated, or NULL
 * for an invalid name. */
char *eyl_brand_kit_dup_named_path (const char *name);
/* The name of the kit at @path: its file name without ".ini" in the kits
 * folder, EYL_BRAND_KIT_LEGACY_NAME for the legacy file, else the file's
 * base name; newly allocated, NULL for a NULL @path. */
char *eyl_brand_kit_dup_name_for_path (const char *path);

/* The kit a document (by URI) was last checked with: a kit name, "" for
 * none, or NULL when it has none remembered.  Kept in
 * $XDG_CONFIG_HOME/eyeline/document-kits.ini, one group per URI. */
char *eyl_brand_kit_dup_remembered (const char *uri);
/* Remembers @name ("" for none, NULL to forget) for @uri. */
gboolean eyl_brand_kit_remember (const char *uri,
                                 const char *name,
                                 GError    **error);
/* The kit @old_name renamed @new_name: the documents that remember it
 * remember the new name. */
gboolean eyl_brand_kit_rename_remembered (const char *old_name,
                                          const char *new_name,
                                          GError    **error);

G_END_DECLS
