/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-main.c: the libFuzzer entry points of every target (see fuzz/README).
 * fuzz/meson.build compiles it once per target with EYL_FUZZ_TARGET set to
 * the target's function, e.g. eyl_fuzz_analysis. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "eyl-fuzz-targets.h"

#ifndef EYL_FUZZ_TARGET
#error "EYL_FUZZ_TARGET must name the target function"
#endif

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  eyl_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  return EYL_FUZZ_TARGET (data, size);
}
