/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eyl-resource.c: the engine's data (phrase lists, placements, label
 * rules, its resource bundle), safe to ask for from any thread. */
#include "config.h"

#include "eyl-core-resources.h"
#include "eyl-resource.h"

/* GLib registers a bundle compiled into a program on the first lookup of
 * any bundle.  A thread that asks for ours while another one registers
 * them gets NULL: g_static_resource_get_resource() sees the list of
 * bundles to register already taken and returns without waiting for the
 * registration to finish (GLib 2.74, gresource.c,
 * register_lazy_static_resources()).  Two pages analysed at once, each
 * loading a phrase list first, crashed on that in
 * g_resource_enumerate_children().  Every g_resources_*() lookup takes
 * the registry's lock for reading, which waits for the registration:
 * after one, the bundle is there.
 *
 * Calling eyl_core_get_resource() also pulls the bundle out of the static
 * library, which its constructor alone would not do. */
GResource *
eyl_core_resource (void)
{
  GResource *resource = eyl_core_get_resource ();

  if (G_UNLIKELY (resource == NULL))
    {
      g_resources_get_info ("/", G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL);
      resource = eyl_core_get_resource ();
    }
  return resource;
}
