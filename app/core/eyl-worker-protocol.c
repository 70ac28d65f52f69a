/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-worker-protocol.c: what the parent writes on a worker's stdin —
 * settings, password, requests (eyl-worker-child.h reads them).  Apart
 * from the worker's side so that the parent links none of the engine. */
#include "config.h"

#include <string.h>

#include "eyl-worker-child.h"

char *
eyl_worker_encode_settings (GVariant *settings)
{
  g_autoptr(GVariant) normal = g_variant_get_normal_form (settings);
  g_autofree char *encoded = g_base64_encode (g_variant_get_data (normal), g_variant_get_size (normal));

  return g_strconcat (encoded, "\n", NULL);
}

char *
eyl_worker_encode_password (const char *password)
{
  g_autofree char *encoded = g_base64_encode ((const guchar *) password, strlen (password));

  return g_strconcat (encoded, "\n", NULL);
}

GBytes *
eyl_worker_encode_request (const EylWorkerRequest *request)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_autoptr(GVariant) variant = NULL;
  GString *frame;
  gsize    len;

  g_return_val_if_fail (request != NULL && request->path != NULL, NULL);

  g_variant_builder_add (&builder, "{sv}", "seq", g_variant_new_uint32 (request->seq));
  /* File names are bytes, not necessarily UTF-8. */
  g_variant_builder_add (&builder, "{sv}", "path", g_variant_new_bytestring (request->path));
  if (request->password != NULL)
    g_variant_builder_add (&builder, "{sv}", "password", g_variant_new_bytestring (request->password));
  if (request->settings != NULL)
    g_variant_builder_add (&builder, "{sv}", "settings", request->settings);
  if (request->export_mode != EYL_EXPORT_NONE && request->export_dir != NULL)
    {
      g_variant_builder_add (&builder, "{sv}", "export-mode",
                             g_variant_new_string (eyl_export_mode_to_string (request->export_mode)));
      g_variant_builder_add (&builder, "{sv}", "export-dir",
                             g_variant_new_bytestring (request->export_dir));
    }
  variant = g_variant_ref_sink (g_variant_builder_end (&builder));
  len = g_variant_get_size (variant);
  frame = g_string_new (NULL);
  g_string_printf (frame, "EYL-REQUEST %u %" G_GSIZE_FORMAT "\n", EYL_WORKER_PROTOCOL_VERSION, len);
  g_string_append_len (frame, g_variant_get_data (variant), (gssize) len);
  /* The password was in there: the variant's copy goes now. */
  memset ((gpointer) g_variant_get_data (variant), 0, len);
  return g_string_free_to_bytes (frame);
}
