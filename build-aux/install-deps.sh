#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 (bookworm) packages Eyeline needs to build, test and
# benchmark, and only those that are missing.  Used by `make run` / `make test`;
# `--fuzz` adds clang and libFuzzer for `make fuzz`.
set -eu

packages="
  gcc
  make
  meson
  ninja-build
  pkg-config
  gettext
  libglib2.0-dev
  libpoppler-glib-dev
  libcairo2-dev
  libjson-glib-dev
  libqpdf-dev
  libjpeg62-turbo-dev
  libpsl-dev
  publicsuffix
  libtesseract-dev
  tesseract-ocr
  tesseract-ocr-eng
  tesseract-ocr-deu
  tesseract-ocr-osd
  libzbar-dev
  libfftw3-dev
  librsvg2-dev
  libgdk-pixbuf-2.0-dev
  libpango1.0-dev
  liblcms2-dev
  libqrencode-dev
  poppler-utils
  fonts-dejavu-core
  fonts-urw-base35
  libgtk-4-dev
  libadwaita-1-dev
  xvfb
  xauth
  xdotool
  adwaita-icon-theme
  time
  bc
  desktop-file-utils
  appstream
  libglib2.0-bin
  locales
  groff-base
  clang-format
"
# German locale for the translation tests (numbers with a decimal comma).
locale_wanted="de_DE.UTF-8"

if [ "${1:-}" = "--fuzz" ]; then
  packages="$packages clang libclang-rt-14-dev"
fi

missing=""
for p in $packages; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  case "$status" in
    *"install ok installed"*) ;;
    *) missing="$missing $p" ;;
  esac
done

have_locale() {
  locale -a 2>/dev/null | grep -qix "de_DE.utf8"
}

[ -z "$missing" ] && have_locale && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1; then
  sudo="sudo"
else
  echo "error: need root (or sudo) to install:$missing $locale_wanted" >&2
  exit 1
fi

if [ -n "$missing" ]; then
  echo "Installing missing packages:$missing"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  $sudo apt-get install -y -qq --no-install-recommends $missing
fi

if ! have_locale; then
  echo "Generating the $locale_wanted locale"
  $sudo localedef -i de_DE -c -f UTF-8 "$locale_wanted"
fi
