/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-document-item.h: one open file in the window — where it is, how its
 * check went (the worker's EylFileResult), its password, its counts. */
#pragma once

#include <gio/gio.h>

#include "eyl-report.h"

G_BEGIN_DECLS

typedef enum
{
  EYL_DOCUMENT_QUEUED,    /* waiting for a worker */
  EYL_DOCUMENT_ANALYSING, /* a worker is checking it */
  EYL_DOCUMENT_DONE,      /* checked: the result has pages */
  EYL_DOCUMENT_FAILED,    /* the file could not be read */
  EYL_DOCUMENT_LOCKED,    /* encrypted: needs a (new) password */
} EylDocumentStatus;

GType eyl_document_status_get_type (void) G_GNUC_CONST;
#define EYL_TYPE_DOCUMENT_STATUS (eyl_document_status_get_type ())

#define EYL_TYPE_DOCUMENT_ITEM (eyl_document_item_get_type ())
G_DECLARE_FINAL_TYPE (EylDocumentItem, eyl_document_item, EYL, DOCUMENT_ITEM, GObject)

EylDocumentItem *eyl_document_item_new (GFile *file);
GFile           *eyl_document_item_get_file (EylDocumentItem *self);
/* Local path (NULL for a file that has none). */
const char *eyl_document_item_get_path (EylDocumentItem *self);
/* The base name, for titles. */
const char *eyl_document_item_get_title (EylDocumentItem *self);

EylDocumentStatus eyl_document_item_get_status (EylDocumentItem *self);
void              eyl_document_item_set_status (EylDocumentItem  *self,
                                                EylDocumentStatus status);

/* Stores the worker's result and derives the status (done, failed or
 * locked) and the counts. */
void           eyl_document_item_set_result (EylDocumentItem *self,
                                             EylFileResult   *result);
EylFileResult *eyl_document_item_get_result (EylDocumentItem *self);
/* The analysis of page @index, or NULL (not checked, or skipped). */
EylPageAnalysis *eyl_document_item_get_page (EylDocumentItem *self,
                                             guint            index);
guint            eyl_document_item_get_n_pages (EylDocumentItem *self);

const char *eyl_document_item_get_password (EylDocumentItem *self);
void        eyl_document_item_set_password (EylDocumentItem *self,
                                            const char      *password);
/* The pack's front panel the user chose (--front-panel, 1-based), for
 * every check of this document; 0: the one the check finds. */
int  eyl_document_item_get_front_panel (EylDocumentItem *self);
void eyl_document_item_set_front_panel (EylDocumentItem *self,
                                        int              front_panel);
/* The pack's net quantity the user marked (a box in mm from the page's
 * top-left corner; empty: none), for every check of this document, and
 * the worker's option that carries it (NULL without a mark). */
const EylRect *eyl_document_item_get_net_quantity (EylDocumentItem *self);
void           eyl_document_item_set_net_quantity (EylDocumentItem *self,
                                                   const EylRect   *box_mm);

guint eyl_document_item_get_n_errors (EylDocumentItem *self);
guint eyl_document_item_get_n_warnings (EylDocumentItem *self);

/* The check running for this document, if any: cancelling it is how the
 * window moves on. */
GCancellable *eyl_document_item_get_cancellable (EylDocumentItem *self);
void          eyl_document_item_set_cancellable (EylDocumentItem *self,
                                                 GCancellable    *cancellable);
/* Cancels the running check, if any, and forgets it. */
void eyl_document_item_cancel (EylDocumentItem *self);

/* The exact bytes a check read (DESIGN.md "Isolation"): each check copies
 * the file once into a private snapshot and the worker checks the copy,
 * so the window renders what was checked — never a file replaced since.
 * The "changed-on-disk" signal says when the file itself changed. */
void eyl_document_item_snapshot_async (EylDocumentItem    *self,
                                       GCancellable       *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer            user_data);
/* The new snapshot's path (remove it with eyl_document_item_discard_snapshot
 * unless it is given to eyl_document_item_set_snapshot). */
char *eyl_document_item_snapshot_finish (EylDocumentItem *self,
                                         GAsyncResult    *result,
                                         GError         **error);
/* The snapshot the current result was read from, or NULL. */
const char *eyl_document_item_get_snapshot (EylDocumentItem *self);
/* Takes @snapshot; the one before is removed. */
void eyl_document_item_set_snapshot (EylDocumentItem *self,
                                     char            *snapshot);
/* Removes a snapshot file and its private folder (NULL: nothing). */
void eyl_document_item_discard_snapshot (const char *snapshot);
void eyl_document_item_discard_snapshot_free (char *snapshot);
/* Removes every snapshot of this process not discarded yet (at shutdown). */
void eyl_document_item_discard_all_snapshots (void);

/* The document's own brand kit: a kit name (eyl_brand_kit_list_names), ""
 * for none, NULL for the window's kit (Preferences, or the legacy kit). */
const char *eyl_document_item_get_kit (EylDocumentItem *self);
void        eyl_document_item_set_kit (EylDocumentItem *self,
                                       const char      *kit);

/* The logo files of its own kit its worker read it with
 * (eyl_brand_kit_dup_logos_key, "" for none), NULL when not known: a
 * kit saved with other logos needs the document read again. */
const char *eyl_document_item_get_kit_logos (EylDocumentItem *self);
void        eyl_document_item_set_kit_logos (EylDocumentItem *self,
                                             const char      *logos);

G_END_DECLS
