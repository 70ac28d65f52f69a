#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates the bundled sample PDFs from their SVG drawings (the PDFs are
# committed so that building Eyeline does not need librsvg).
set -eu
cd "$(dirname "$0")/../data/samples"
for svg in *.svg; do
  rsvg-convert --format=pdf --output="${svg%.svg}.pdf" "$svg"
done
