#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs a build into a temporary DESTDIR and checks the installation:
# every file in its place, the validators on the installed files, and the
# installed eyeline-cli on the bundled sample.  Run by `meson test install`
# (suite data):
#
#   check-install.sh BUILDDIR SRCDIR VERSION PREFIX BINDIR DATADIR MANDIR LOCALEDIR LIBEXECDIR gui|no-gui
set -eu

if [ $# -ne 10 ]; then
  echo "usage: $0 BUILDDIR SRCDIR VERSION PREFIX BINDIR DATADIR MANDIR LOCALEDIR LIBEXECDIR gui|no-gui" >&2
  exit 2
fi
build=$1 src=$2 version=$3 prefix=$4 bindir=$5 datadir=$6 mandir=$7 localedir=$8 libexecdir=$9 gui=${10}
app_id=io.github.eyeline.Eyeline

# meson's directories are relative to the prefix unless absolute.
under_prefix() {
  case $1 in
    /*) printf '%s\n' "$1" ;;
    *) printf '%s/%s\n' "$prefix" "$1" ;;
  esac
}
bindir=$(under_prefix "$bindir")
datadir=$(under_prefix "$datadir")
mandir=$(under_prefix "$mandir")
localedir=$(under_prefix "$localedir")
libexecdir=$(under_prefix "$libexecdir")

dest=$(mktemp -d "${TMPDIR:-/tmp}/eyeline-install.XXXXXX")
trap 'rm -rf "$dest"' EXIT INT TERM

failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}
ok() {
  echo "ok: $*"
}
have() {
  command -v "$1" >/dev/null 2>&1
}

# DESTDIR set: gnome.post_install skips the system caches.
echo "# meson install --destdir $dest"
if ! meson install -C "$build" --no-rebuild --quiet --destdir "$dest"; then
  echo "FAIL: meson install"
  exit 1
fi

B=$dest$bindir
D=$dest$datadir
M=$dest$mandir
L=$dest$localedir
X=$dest$libexecdir

expect_file() {
  if [ -s "$1" ]; then ok "${1#"$dest"}"; else fail "missing ${1#"$dest"}"; fi
}

# --- the files -----------------------------------------------------------
if [ -x "$B/eyeline-cli" ]; then ok "${B#"$dest"}/eyeline-cli"; else fail "no executable eyeline-cli"; fi
expect_file "$M/man1/eyeline-cli.1"
# The worker is no command for people: libexecdir, not bindir.
if [ -x "$X/eyeline-worker" ]; then ok "${X#"$dest"}/eyeline-worker"; else fail "no executable eyeline-worker in libexecdir"; fi
if [ -e "$B/eyeline-worker" ]; then fail "eyeline-worker in bindir"; else ok "no eyeline-worker in bindir"; fi

if [ "$gui" = gui ]; then
  if [ -x "$B/eyeline" ]; then ok "${B#"$dest"}/eyeline"; else fail "no executable eyeline"; fi
  expect_file "$M/man1/eyeline.1"
  expect_file "$D/glib-2.0/schemas/$app_id.gschema.xml"
  expect_file "$D/applications/$app_id.desktop"
  expect_file "$D/metainfo/$app_id.metainfo.xml"
  expect_file "$D/dbus-1/services/$app_id.service"
  expect_file "$D/icons/hicolor/scalable/apps/$app_id.svg"
  expect_file "$D/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
fi

# A compiled catalogue for every language in po/LINGUAS.
for lang in $(sed -e 's/#.*//' "$src/po/LINGUAS"); do
  expect_file "$L/$lang/LC_MESSAGES/eyeline.mo"
done

# Nothing points back into the build tree.
if have readelf; then
  for exe in "$B/eyeline-cli" "$B/eyeline" "$X/eyeline-worker"; do
    [ -f "$exe" ] || continue
    if readelf -d "$exe" | grep -E 'R(UN)?PATH' | grep -qF "$build"; then
      fail "$(basename "$exe") has a run path into the build tree"
    else
      ok "$(basename "$exe") has no run path into the build tree"
    fi
  done
fi

# The command line starts workers and reports what they read: the engine's
# libraries are the worker's alone (libeyeline-base, app/core/meson.build).
if have readelf; then
  engine=$(readelf -d "$B/eyeline-cli" | grep NEEDED | grep -oE 'lib(poppler|tesseract|qpdf|zbar|fftw3|rsvg|cairo|pango|gdk_pixbuf|gtk|adwaita)[^]]*' || true)
  if [ -z "$engine" ]; then
    ok "eyeline-cli links none of the engine's libraries"
  else
    fail "eyeline-cli links $(echo $engine)"
  fi
fi

# --- the validators on the installed files ------------------------------
if [ "$gui" = gui ]; then
  desktop=$D/applications/$app_id.desktop
  metainfo=$D/metainfo/$app_id.metainfo.xml
  service=$D/dbus-1/services/$app_id.service

  if have desktop-file-validate; then
    if desktop-file-validate "$desktop"; then ok "desktop-file-validate"; else fail "desktop-file-validate"; fi
  else
    echo "skip: desktop-file-validate not installed"
  fi
  if have appstreamcli; then
    if appstreamcli validate --no-net --explain "$metainfo"; then ok "appstreamcli validate"; else fail "appstreamcli validate"; fi
  else
    echo "skip: appstreamcli not installed"
  fi
  if have glib-compile-schemas; then
    schemas=$dest/compiled-schemas
    mkdir -p "$schemas"
    if glib-compile-schemas --strict --targetdir="$schemas" "$D/glib-2.0/schemas" \
       && [ -s "$schemas/gschemas.compiled" ]; then
      ok "glib-compile-schemas --strict"
    else
      fail "glib-compile-schemas --strict"
    fi
    if have gsettings; then
      n=$(GSETTINGS_SCHEMA_DIR=$schemas gsettings list-keys "$app_id" | wc -l)
      if [ "$n" -gt 0 ]; then ok "gsettings sees $n keys"; else fail "gsettings sees no keys"; fi
    fi
  fi

  # What the desktop entry and the metadata name is installed.
  exec_name=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
  if [ -n "$exec_name" ] && [ -x "$B/$(basename "$exec_name")" ]; then
    ok "Exec=$exec_name is installed"
  else
    fail "Exec=$exec_name is not in ${B#"$dest"}"
  fi
  icon=$(sed -n 's/^Icon=//p' "$desktop")
  if [ -s "$D/icons/hicolor/scalable/apps/$icon.svg" ]; then ok "Icon=$icon is installed"; else fail "Icon=$icon is not installed"; fi
  if grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo"; then
    ok "metainfo launches $app_id.desktop"
  else
    fail "metainfo does not launch $app_id.desktop"
  fi
  for bin in $(sed -n 's|.*<binary>\(.*\)</binary>.*|\1|p' "$metainfo"); do
    if [ -x "$B/$bin" ]; then ok "metainfo binary $bin is installed"; else fail "metainfo binary $bin is not installed"; fi
  done
  if grep -qx "Exec=$bindir/eyeline --gapplication-service" "$service"; then
    ok "D-Bus service starts $bindir/eyeline"
  else
    fail "D-Bus service does not start $bindir/eyeline: $(grep '^Exec=' "$service")"
  fi

  # The installed window starts far enough to parse its options (no display needed).
  if "$B/eyeline" --help >/dev/null; then ok "eyeline --help"; else fail "eyeline --help"; fi
fi

if have groff; then
  for page in "$M"/man1/eyeline*.1; do
    out=$(groff -man -ww -z "$page" 2>&1) || out="groff failed"
    if [ -z "$out" ]; then ok "groff -ww ${page#"$dest"}"; else fail "groff -ww ${page#"$dest"}: $out"; fi
  done
fi

# --- the installed command line -----------------------------------------
# The installed binary finds its worker (eyeline-worker in libexecdir,
# found from its own folder, so also under the DESTDIR) and every preset
# with no help from the build tree.
unset EYL_WORKER EYL_WORKER_SIMULATE EYL_WORKER_SIMULATE_EXPORT || true
export XDG_CONFIG_HOME="$dest/config"

got=$("$B/eyeline-cli" --version)
if [ "$got" = "eyeline-cli $version" ]; then ok "eyeline-cli --version: $got"; else fail "eyeline-cli --version: “$got”"; fi

n=$("$B/eyeline-cli" placements --format json | grep -c '"id"' || true)
if [ "$n" -ge 10 ]; then ok "eyeline-cli placements: $n presets"; else fail "eyeline-cli placements: $n presets"; fi

sample=$src/data/samples/rollup-banner.pdf
report=$dest/report.json
status=0
"$B/eyeline-cli" check --placement rollup-behind-table --format json -o "$report" "$sample" || status=$?
if [ "$status" -eq 1 ] && grep -q '"contact-hidden"' "$report" && grep -q '"status" *: *"ok"' "$report"; then
  ok "eyeline-cli check on the sample: exit 1, contact-hidden found"
else
  fail "eyeline-cli check on the sample: exit $status"
  [ -f "$report" ] && head -c 2000 "$report"
fi

status=0
"$B/eyeline-cli" check --placement rollup-behind-table "$src/data/samples/rollup-banner-corrected.pdf" >/dev/null || status=$?
if [ "$status" -eq 0 ]; then ok "eyeline-cli check on the corrected sample: exit 0"; else fail "eyeline-cli check on the corrected sample: exit $status"; fi

# The installed catalogues translate (EYL_LOCALEDIR stands in for the
# compiled-in LOCALEDIR, which DESTDIR moves).
english=$(LC_ALL=C.UTF-8 LANGUAGE=C "$B/eyeline-cli" --help)
for lang in $(sed -e 's/#.*//' "$src/po/LINGUAS"); do
  loc=$(locale -a 2>/dev/null | grep -i "^${lang}_.*utf-\{0,1\}8$" | head -n 1 || true)
  if [ -z "$loc" ]; then
    echo "skip: no UTF-8 locale for $lang to try its catalogue"
    continue
  fi
  translated=$(LC_ALL=$loc LANGUAGE=$lang EYL_LOCALEDIR=$L "$B/eyeline-cli" --help)
  if [ "$translated" != "$english" ]; then ok "eyeline-cli speaks $lang ($loc)"; else fail "eyeline-cli --help in $lang is untranslated"; fi
done

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "the installation is complete"
