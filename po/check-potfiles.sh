#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# check-potfiles.sh [SOURCE_ROOT [POTFILES]]
#
# Fails when a file under app/, ui/ or data/ has translatable strings but is
# not listed in po/POTFILES.in (its strings would never reach translators),
# when POTFILES.in lists a file that does not exist, or when the list is
# not sorted.  What counts as translatable:
#   .c .h                    _( N_( C_( NC_( ngettext g_dngettext g_dgettext …
#   .ui                      translatable="yes"
#   .gschema.xml             <summary> or <description>
#   .xml.in (metainfo)       <name> <summary> <p> <li> <caption> <developer_name>
#   .desktop.in              Name= GenericName= Comment= Keywords=
# POTFILES is the list to check (default SOURCE_ROOT/po/POTFILES.in).

root=${1:-$(dirname "$0")/..}
cd "$root" || exit 1
potfiles=${2:-po/POTFILES.in}
if [ ! -r "$potfiles" ]; then
  echo "check-potfiles: cannot read $potfiles" >&2
  exit 1
fi

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

# The listed files: comments, blank lines and trailing blanks removed.
sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$potfiles" > "$tmp/listed"

c_re='(^|[^A-Za-z0-9_])(_|N_|C_|NC_|Q_|ngettext|g_dgettext|g_dngettext|g_dpgettext|g_dpgettext2|g_dcgettext)[[:space:]]*\('

find app ui data -type f \( -name '*.c' -o -name '*.h' -o -name '*.ui' \
                            -o -name '*.gschema.xml' -o -name '*.xml.in' \
                            -o -name '*.desktop.in' \) 2>/dev/null \
  | LC_ALL=C sort > "$tmp/candidates"

: > "$tmp/translatable"
while IFS= read -r file; do
  case $file in
    # one-line comments removed: "/* N_("…") */" in a header is no string
    *.c | *.h) sed -e 's:/[*].*[*]/::g' "$file" | grep -Eq "$c_re" ;;
    *.ui) grep -q 'translatable="yes"' "$file" ;;
    *.gschema.xml) grep -Eq '<(summary|description)[ >]' "$file" ;;
    *.xml.in) grep -Eq '<(name|summary|p|li|caption|developer_name)[ >]' "$file" ;;
    *.desktop.in) grep -Eq '^(Name|GenericName|Comment|Keywords)=' "$file" ;;
    *) false ;;
  esac && echo "$file" >> "$tmp/translatable"
done < "$tmp/candidates"

status=0
while IFS= read -r file; do
  if ! grep -Fxq "$file" "$tmp/listed"; then
    echo "check-potfiles: $file has translatable strings but is missing from $potfiles" >&2
    status=1
  fi
done < "$tmp/translatable"

while IFS= read -r file; do
  if [ ! -e "$file" ]; then
    echo "check-potfiles: $potfiles lists $file, which does not exist" >&2
    status=1
  elif ! grep -Fxq "$file" "$tmp/translatable"; then
    echo "check-potfiles: note: $file is listed but has no translatable strings" >&2
  fi
done < "$tmp/listed"

if ! LC_ALL=C sort -c "$tmp/listed" 2>/dev/null; then
  echo "check-potfiles: $potfiles is not sorted (LC_ALL=C sort)" >&2
  status=1
fi

if [ $status -eq 0 ]; then
  echo "check-potfiles: $(wc -l < "$tmp/listed") files listed, all $(wc -l < "$tmp/translatable") with translatable strings among them"
fi
exit $status
