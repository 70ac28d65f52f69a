#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Takes the screenshots of the AppStream metadata: the real window on the
# bundled samples, 1280 × 800, under Xvfb.  Needs xvfb-run, xdotool and
# ImageMagick's `import`.  Run from the top of the source tree:
#
#   sh data/screenshots/take-screenshots.sh [BUILDDIR]      (default _build)
set -eu

if [ "${1:-}" != "--inside-xvfb" ]; then
  build=$(cd "${1:-_build}" && pwd)
  exec xvfb-run -a -s "-screen 0 1280x800x24" sh "$0" --inside-xvfb "$build"
fi
build=$2
out=$(pwd)/data/screenshots
samples=$(pwd)/data/samples
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=keyfile
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache"
export GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1 LANGUAGE=C LC_ALL=C.UTF-8
export EYL_WORKER="$build/app/cli/eyeline-cli"

# shoot NAME CLICK-X CLICK-Y FILE...: the window filling the screen; an
# optional click (0 0: none) once the check has finished.  Several files
# are passed on as they are (e.g. --compare OLD NEW).
shoot() {
  mkdir -p "$XDG_CONFIG_HOME/glib-2.0/settings"
  printf '[io/github/eyeline/Eyeline]\nwindow-width=1280\nwindow-height=800\n' \
    > "$XDG_CONFIG_HOME/glib-2.0/settings/keyfile"
  name=$1 x=$2 y=$3
  shift 3
  "$build/app/gui/eyeline" "$@" &
  pid=$!
  sleep "${SHOT_DELAY:-20}"
  if [ "$x" -gt 0 ]; then
    xdotool mousemove "$x" "$y" click 1
    sleep 3
  fi
  import -window root -crop 1280x800+0+0 +repage "$out/$name.png"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  echo "$out/$name.png"
}

# The exports of the visitor's views, from the command line.
"$build/app/cli/eyeline-cli" export -o "$work/exports" --mode walkup --fail-on never \
  "$samples/rollup-banner.pdf" >/dev/null
"$build/app/cli/eyeline-cli" export -o "$work/exports" --mode cvd --fail-on never \
  "$samples/rollup-banner.pdf" >/dev/null
"$build/app/cli/eyeline-cli" export -o "$work/exports" --mode attention --fail-on never \
  "$samples/rollup-banner.pdf" >/dev/null
cp "$work/exports/rollup-banner-attention.png" "$out/export-attention.png"
echo "$out/export-attention.png"
cp "$work/exports/rollup-banner-walkup.png" "$out/export-walkup.png"
cp "$work/exports/rollup-banner-colour-vision.png" "$out/export-colour-vision.png"
echo "$out/export-walkup.png"
echo "$out/export-colour-vision.png"

shoot window 0 0 "$samples/rollup-banner.pdf"
shoot window-placement 1175 69 "$samples/rollup-banner.pdf"
ADW_DEBUG_COLOR_SCHEME=prefer-dark shoot window-corrected-dark 0 0 "$samples/rollup-banner-corrected.pdf"
shoot window-compare 0 0 --compare "$samples/rollup-banner.pdf" \
  "$samples/rollup-banner-corrected.pdf"

# Real material from the corpus beside the source tree, when it is there:
# a roll-up and a leaflet in its rack, both © OSGeo under Creative Commons
# (the corpus files without a licence never go into the tree).
corpus=$(pwd)/../shared/corpus/files
if [ -d "$corpus" ]; then
  shoot window-rollup 0 0 "$corpus/rollup-osgeo-02.pdf"
  shoot window-leaflet 0 0 "$corpus/flyer-osgeo-postgis.pdf"
fi
