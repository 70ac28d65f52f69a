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
 *   colors=Northwind green #1B5E20 (Pantone 356 C);Cream #F5F0E1
 *   fonts=Playfair Display (headline);Source Sans 3 (body)
 *
 * A colour is a name, its sRGB value as #RRGGBB and, in brackets, how it
 * is printed (CMYK values or a spot colour's name), both optional; a font
 * is a family name and, in brackets, its role: headline or body.
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _EylBrandKit EylBrandKit;

typedef enum
{
  EYL_BRAND_FONT_ANY, /* no role given */
  EYL_BRAND_FONT_HEADLINE,
  EYL_BRAND_FONT_BODY,
} EylBrandFontRole;

typedef struct
{
  char   *name;  /* may be NULL */
  guint32 rgb;   /* sRGB 0xRRGGBB */
  char   *print; /* CMYK values or a spot colour's name; may be NULL */
} EylBrandColor;

typedef struct
{
  char            *family;
  EylBrandFontRole role;
} EylBrandFont;

struct _EylBrandKit
{
  /*< private >*/
  gatomicrefcount ref_count;
  /*< public >*/
  GStrv   names;   /* never NULL, may be empty */
  char   *website; /* may be NULL */
  char   *email;
  char   *phone;
  GStrv   logos; /* absolute paths, never NULL */
  char   *source_file;
  GArray *colors; /* EylBrandColor, never NULL */
  GArray *fonts;  /* EylBrandFont, never NULL */
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

/* Colours and fonts.  Parsing one entry as the file writes it
 * ("Green #1B5E20 (Pantone 356 C)", "Playfair Display (headline)"):
 * FALSE with a one-line reason in @error (EYL_ERROR_CONFIG).  @out is
 * filled with newly allocated strings (eyl_brand_color_clear). */
gboolean eyl_brand_color_parse (const char    *text,
                                EylBrandColor *out,
                                GError       **error);
char    *eyl_brand_color_to_string (const EylBrandColor *color);
void     eyl_brand_color_clear (EylBrandColor *color);
gboolean eyl_brand_font_parse (const char   *text,
                               EylBrandFont *out,
                               GError      **error);
char    *eyl_brand_font_to_string (const EylBrandFont *font);
void     eyl_brand_font_clear (EylBrandFont *font);
/* "headline", "body", or NULL for EYL_BRAND_FONT_ANY. */
const char *eyl_brand_font_role_to_string (EylBrandFontRole role);

/* Adds a colour (copies of @name and @print, both may be NULL) or a font. */
void eyl_brand_kit_add_color (EylBrandKit *self,
                              const char  *name,
                              guint32      rgb,
                              const char  *print);
void eyl_brand_kit_add_font (EylBrandKit     *self,
                             const char      *family,
                             EylBrandFontRole role);

/* The kit font @pdf_font_name (as a PDF names it: "ABCDEF+OpenSans-Bold",
 * "Helvetica,Bold") is set in, or NULL: a kit family matches a PDF font
 * whose name, without a subset tag, spaces, hyphens and case, starts with
 * the family's name so written ("Open Sans" matches "OpenSans-Bold"). */
const EylBrandFont *eyl_brand_kit_match_font (EylBrandKit *self,
                                              const char  *pdf_font_name);
/* The PDF font's family as a person reads it: the subset tag and the
 * style after a hyphen or comma dropped ("ABCDEF+OpenSans-Bold" →
 * "OpenSans"); newly allocated. */
char *eyl_brand_font_family_of (const char *pdf_font_name);

/* CIEDE2000 colour difference of two sRGB colours (CIE 142-2001, through
 * Little CMS: sRGB → CIELAB D50). */
double eyl_color_delta_e2000 (guint32 rgb_a,
                              guint32 rgb_b);
/* The kit colour nearest @rgb by CIEDE2000 and that difference in
 * @delta_e; NULL (and G_MAXDOUBLE) when the kit has no colours. */
const EylBrandColor *eyl_brand_kit_nearest_color (EylBrandKit *self,
                                                  guint32      rgb,
                                                  double      *delta_e);

/* The kit's name for people: its name (eyl_brand_kit_dup_name_for_path)
 * without ".ini"; newly allocated, NULL for a kit not read from a file. */
char *eyl_brand_kit_dup_display_name (EylBrandKit *self);
/* The kit for reports: {"name", "names", "colors": [{"name", "hex",
 * "print"}], "fonts": [{"family", "role"}]} (name from the file). */
JsonNode *eyl_brand_kit_to_json (EylBrandKit *self);
/* One line for people: "Colours: Green #1B5E20, …; fonts: Playfair
 * Display (headline), …"; NULL when the kit has neither. */
char *eyl_brand_kit_describe_style (EylBrandKit *self);

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
/* The kit @old_name renamed @new_name (NULL: deleted): the documents that
 * remember it remember the new name (or nothing). */
gboolean eyl_brand_kit_rename_remembered (const char *old_name,
                                          const char *new_name,
                                          GError    **error);

G_END_DECLS
