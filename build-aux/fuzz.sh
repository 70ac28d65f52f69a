#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# build-aux/fuzz.sh [SECONDS]: builds the libFuzzer targets with clang,
# writes their seeds and runs each target for its share of SECONDS
# (default 300), two processes at a time.  Everything goes into the build
# folder ($FUZZ_BUILDDIR, default _build-fuzz-clang):
#   fuzz-seeds/<target>/     generated seeds (fresh each run)
#   fuzz-corpus/<target>/    the growing corpus (kept between runs)
#   fuzz-crashes/<target>/   crash-*, timeout-*, oom-* inputs
#   fuzz-logs/<target>.log   libFuzzer's output
# A crash input becomes a regression: copy it to fuzz/regressions/<target>/
# (see fuzz/README).
set -eu

total=${1:-300}
case $total in
  ''|*[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;;
esac

cd "$(dirname "$0")/.."
build=${FUZZ_BUILDDIR:-_build-fuzz-clang}
shared=${EYL_SHARED_DIR:-../shared}
targets="analysis report-json brand-kit placement"

command -v clang >/dev/null || { echo "fuzz: clang is missing (build-aux/install-deps.sh --fuzz)" >&2; exit 1; }

if [ ! -f "$build/build.ninja" ]; then
  # The engine is instrumented for coverage (fuzzer-no-link); only the
  # fuzz-* programs link libFuzzer itself.
  CC=clang meson setup "$build" -Dfuzzing=true -Dgui=disabled \
    -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args=-fsanitize=fuzzer-no-link -Dc_link_args=-fsanitize=fuzzer-no-link
fi
meson compile -C "$build" eyl-fuzz-make-seeds eyeline-cli \
  $(for t in $targets; do printf 'fuzz-%s ' "$t"; done)

export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1:abort_on_error=1
export LSAN_OPTIONS=suppressions=$(pwd)/build-aux/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LANGUAGE=C LC_ALL=C.UTF-8

rm -rf "$build/fuzz-seeds"
"$build/fuzz/eyl-fuzz-make-seeds" "$build/fuzz-seeds"

# Reports of the damaged PDFs of the shared test files, when there are
# any: two at a time, at most 90 s per run; kept in fuzz-badpdf-reports/,
# so each run adds the ones still missing.
if [ -d "$shared/badpdfs/files" ]; then
  mkdir -p "$build/fuzz-badpdf-reports"
  echo "fuzz: reports of $shared/badpdfs/files (at most 90 s)"
  timeout 90 sh -c '
    find "$2/badpdfs/files" -maxdepth 1 -type f -name "*.pdf" -size -2M -print0 |
      xargs -0 -r -P 2 -I "{}" sh -c '\''
        out="$1/fuzz-badpdf-reports/$(basename "$2").json"
        [ -e "$out" ] && exit 0
        timeout 60 "$1/app/cli/eyeline-cli" check --format json --fail-on never \
          -o "$out.tmp" "$2" >/dev/null 2>&1
        if [ -s "$out.tmp" ]; then mv "$out.tmp" "$out"; else rm -f "$out.tmp"; : > "$out"; fi
      '\'' sh "$1" "{}"' sh "$build" "$shared" || true
  rm -f "$build"/fuzz-badpdf-reports/*.tmp
  for f in "$build"/fuzz-badpdf-reports/*.json; do
    if [ -s "$f" ]; then cp "$f" "$build/fuzz-seeds/report-json/badpdf-$(basename "$f")"; fi
  done
fi

n=$(echo $targets | wc -w)
share=$((total / n))
[ "$share" -ge 10 ] || share=10

for t in $targets; do
  mkdir -p "$build/fuzz-corpus/$t" "$build/fuzz-crashes/$t" "$build/fuzz-logs"
  case $t in
    report-json) max_len=65536 ;;
    analysis) max_len=8192 ;;
    *) max_len=4096 ;;
  esac
  dict=
  [ -f "fuzz/$t.dict" ] && dict="-dict=fuzz/$t.dict"
  echo "fuzz: $t for ${share}s"
  # -fork keeps going after a crash, a timeout or an OOM (each is saved).
  "$build/fuzz/fuzz-$t" -fork=2 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -max_total_time="$share" -rss_limit_mb=2048 -timeout=10 -max_len="$max_len" \
    -print_final_stats=1 $dict \
    -artifact_prefix="$build/fuzz-crashes/$t/" \
    "$build/fuzz-corpus/$t" "$build/fuzz-seeds/$t" \
    > "$build/fuzz-logs/$t.log" 2>&1 || true
done

echo
echo "fuzz: summary (${share}s per target; logs in $build/fuzz-logs)"
printf '%-12s %12s %8s %8s %8s %s\n' target runs cov corpus crashes "last status"
for t in $targets; do
  log="$build/fuzz-logs/$t.log"
  # Fork mode prints "#RUNS: cov: N ft: N corp: N exec/s N oom/timeout/crash: a/b/c time: Ns".
  last=$(grep -E '^#[0-9]+: cov:' "$log" | tail -n 1 || true)
  runs=$(echo "$last" | sed -n 's/^#\([0-9]*\):.*/\1/p')
  cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
  corp=$(echo "$last" | sed -n 's/.* corp: \([0-9]*\).*/\1/p')
  status=$(echo "$last" | sed -n 's/.*\(oom\/timeout\/crash: [0-9/]*\).*/\1/p')
  crashes=$(find "$build/fuzz-crashes/$t" -type f | wc -l)
  printf '%-12s %12s %8s %8s %8s %s\n' "$t" "${runs:-?}" "${cov:-?}" "${corp:-?}" "$crashes" "$status"
done
echo
echo "fuzz: crash inputs in $build/fuzz-crashes/<target>/ (none when the counts are 0)"
find "$build/fuzz-crashes" -type f | sed 's/^/  /'
