#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# bench.sh BUILD_DIR [RUNS] — time `eyeline-cli check --format json` on every
# corpus file against the floor (DESIGN.md 4): Poppler rendering the same
# analysis raster (pdftoppm) plus extracting the text layer
# (pdftotext -bbox-layout) on the same pages, side by side in the same run.
#
# The analysis raster (app/core/eyl-analysis.c) is the visible page at
# 1 px per mm of its real size (--raster-px-per-mm), within 16 Mpx
# (--raster-max-mpx).  The real size needs the scale detection (a 1:10
# banner is rendered at 10 px per page mm), so the floor takes each page's
# resolution from Eyeline's own JSON report: raster_px_per_mm × mm_per_pt
# px per pt, i.e. 72 × that dpi, in colour as Eyeline renders it.
# Further tables: batch export of the corpus with one and two workers
# against pdftocairo (see below), the pages that need OCR, and the CPU
# time of each stage of each file (stage_table, BENCH=stages).
# `make bench` may start it with sh: the rest needs bash.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
set -euo pipefail

build_dir=${1:?usage: bench.sh BUILD_DIR [RUNS]}
runs=${2:-3}
here=$(cd "$(dirname "$0")" && pwd)
cli="$build_dir/app/cli/eyeline-cli"
shared=${EYL_SHARED_DIR:-"$here/../../shared"}
corpus="$shared/corpus/files"

for tool in pdfinfo pdftoppm pdftotext; do
  command -v "$tool" >/dev/null || { echo "bench.sh: $tool is missing (apt install poppler-utils)" >&2; exit 1; }
done
[ -x "$cli" ] || { echo "bench.sh: $cli not built (ninja -C $build_dir)" >&2; exit 1; }
[ -d "$corpus" ] || { echo "bench.sh: no corpus at $corpus" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

now () { date +%s.%N; }

# Best (smallest) of $runs wall-clock times of a command, in seconds.
best_of () {
  local best="" t0 t1 t
  for ((i = 0; i < runs; i++)); do
    t0=$(now)
    "$@" >/dev/null 2>&1 || true
    t1=$(now)
    t=$(echo "$t1 - $t0" | bc -l)
    if [ -z "$best" ] || (( $(echo "$t < $best" | bc -l) )); then best=$t; fi
  done
  printf '%s' "$best"
}

# "page dpi" lines for the analysis rasters in Eyeline's JSON report $1.
raster_dpis () {
  awk '
    /"index":/ { gsub (/[^0-9]/, "", $2); page = $2 + 1; ppm = 0 }
    /"raster_px_per_mm":/ { gsub (/[^0-9.]/, "", $2); ppm = $2 }
    /"mm_per_pt":/ {
      gsub (/[][,]/, " ")
      mm = ($2 > $3) ? $2 : $3
      if (ppm > 0 && mm > 0) printf "%d %.3f\n", page, 72 * ppm * mm
      ppm = 0
    }' "$1"
}

# The floor for one file: every page rendered at the analysis resolution
# ($tmp/dpis), plus the text layer with boxes.
floor () {
  local pdf=$1
  while read -r page dpi; do
    pdftoppm -q -r "$dpi" -f "$page" -l "$page" "$pdf" "$tmp/floor"
    rm -f "$tmp"/floor*
  done < "$tmp/dpis"
  pdftotext -q -bbox-layout "$pdf" "$tmp/floor.html"
}
export -f floor
export tmp

# BENCH=check,latency,export,ocr,stages (the default: all five) picks the tables.
want () { case ",${BENCH:-check,latency,export,ocr,stages}," in *",$1,"*) return 0 ;; esac; return 1; }

# CPU time (user + system, s) and peak RSS (kB) of a command and the
# processes it waited for, from GNU time: "cpu rss".
cpu_of () {
  /usr/bin/time -f '%U %S %M' -o "$tmp/time" "$@" >/dev/null 2>&1 || true
  awk 'END { printf "%.3f %d", $1 + $2, $3 }' "$tmp/time"
}

# The stage table: every file checked once with --jobs 1, each process
# writing its CPU time per stage (EYL_STAGE_TIMES, app/core/eyl-stage.c);
# against the floor in CPU time, which a machine shared with other work
# measures far better than wall-clock time.  Then the geometry path
# (--no-ocr --no-qr --no-logos) against pdftotext -bbox-layout alone,
# and the whole corpus with --jobs 1 and --jobs 2 (wall clock: the
# speed-up of the second processor).
stage_table () {
  local stages="open text render cap-heights detect ocr qr barcodes logos rules attention report other"
  local pdf name e f g t line
  printf '%-30s %5s %7s %7s %5s %7s %7s %5s %6s %6s %6s' file pages cpu floor ×  geom text × rss_MB tess passes
  for s in $stages; do printf ' %6.6s' "$s"; done
  echo
  : > "$tmp/stage-sums"
  for pdf in "$corpus"/*.pdf; do
    name=$(basename "$pdf" .pdf)
    pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }' || true)
    rm -f "$tmp/stages" "$tmp/report.json"
    read -r e _ <<< "$(EYL_STAGE_TIMES="$tmp/stages" cpu_of "$cli" check --format json --jobs 1 \
                         --fail-on never --timeout 0 -o "$tmp/report.json" "$pdf")"
    raster_dpis "$tmp/report.json" > "$tmp/dpis"
    read -r f _ <<< "$(cpu_of bash -c 'floor "$0"' "$pdf")"
    read -r g _ <<< "$(cpu_of "$cli" check --format json --jobs 1 --fail-on never --timeout 0 \
                         --no-ocr --no-qr --no-logos "$pdf")"
    read -r t _ <<< "$(cpu_of pdftotext -q -bbox-layout "$pdf" "$tmp/floor.html")"
    # One line per process: the worker's peak RSS, Tesseract inits and
    # Poppler passes, the stages summed over the worker and the parent.
    line=$(awk -v stages="$stages" '
      { for (i = 1; i <= NF; i++) {
          split ($i, kv, "="); v[kv[1]] += kv[2]
          if (kv[1] == "n_tesseract-inits" && kv[2] > inits) inits = kv[2]
        }
        if ($2 == "name=eyeline-worker") { split ($4, r, "="); if (r[2] > rss) rss = r[2] } }
      END {
        printf "%.0f %d %d", rss / 1024, inits, v["n_poppler-passes"]
        n = split (stages, s, " ")
        for (i = 1; i <= n; i++) printf " %.3f", v[s[i]]
      }' "$tmp/stages" 2>/dev/null || echo 0)
    printf '%-30.30s %5s %7.2f %7.2f %5.1f %7.2f %7.2f %5.1f' "$name" "${pages:-?}" "$e" "$f" \
      "$(echo "$e / ($f + 0.001)" | bc -l)" "$g" "$t" "$(echo "$g / ($t + 0.001)" | bc -l)"
    for v in $line; do printf ' %6s' "$v"; done
    echo
    echo "$e $f $g $t $line" >> "$tmp/stage-sums"
  done
  awk -v stages="$stages" '
    { for (i = 1; i <= NF; i++) if (i == 5) { if ($i > rss) rss = $i } else if (i == 6) { if ($i > inits) inits = $i } else sum[i] += $i }
    END {
      printf "%-30s %5s %7.2f %7.2f %5.1f %7.2f %7.2f %5.1f %6.0f %6d %6d", "TOTAL", "", sum[1], sum[2],
        sum[1] / (sum[2] + 0.001), sum[3], sum[4], sum[3] / (sum[4] + 0.001), rss, inits, sum[7]
      for (i = 8; i <= NF; i++) printf " %6.2f", sum[i]
      printf "\n"
    }' "$tmp/stage-sums"
  echo "(CPU s, user + system, one run each; floor: pdftoppm at Eyeline's raster resolution +"
  echo " pdftotext -bbox-layout; geom: --no-ocr --no-qr --no-logos against pdftotext -bbox-layout;"
  echo " rss_MB: the worker's peak; tess: Tesseract initialisations in the worker (TOTAL: the most);"
  echo " passes: Poppler passes over a page (renders and recordings; TOTAL: their sum);"
  echo " stages from EYL_STAGE_TIMES, \"other\" is process start and"
  echo " what no stage names; the renders OCR, QR and cap heights ask for count as render)"

  # With the kernel's autogroups (/proc/sys/kernel/sched_autogroup_enabled)
  # a busy machine gives this session one share of the processors however
  # many processes it runs: the CPU time (every process's, from
  # EYL_STAGE_TIMES: a worker may end after the parent), the load and the
  # processors the run got tell whether the wall clock means anything.
  local w1 w2 c1 c2 l1 l2 t0
  jobs_run () {
    rm -f "$tmp/jobs-stages"
    t0=$(now)
    EYL_STAGE_TIMES="$tmp/jobs-stages" "$cli" check --format json --jobs "$1" --fail-on never \
      --timeout 0 "$corpus" >/dev/null 2>&1 || true
    echo "$(now) - $t0" | bc -l
  }
  jobs_cpu () {
    sleep 3 # the workers' last words
    awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^cpu=/) { sub (/^cpu=/, "", $i); s += $i } } END { printf "%.1f", s }' "$tmp/jobs-stages"
  }
  # The workers that served the run: how many, how often they started
  # Tesseract, the highest peak RSS of one.
  jobs_workers () {
    awk '$2 == "name=eyeline-worker" { n++
           for (i = 1; i <= NF; i++) {
             split ($i, kv, "=")
             if (kv[1] == "n_tesseract-inits") inits += kv[2]
             if (kv[1] == "maxrss_kb" && kv[2] > rss) rss = kv[2]
           } }
         END { printf "%d workers, %d Tesseract starts, peak %.0f MB", n, inits, rss / 1024 }' \
      "$tmp/jobs-stages"
  }
  local s1 s2
  l1=$(cut -d' ' -f1 /proc/loadavg); w1=$(jobs_run 1); c1=$(jobs_cpu); s1=$(jobs_workers)
  l2=$(cut -d' ' -f1 /proc/loadavg); w2=$(jobs_run 2); c2=$(jobs_cpu); s2=$(jobs_workers)
  printf 'corpus, wall clock: --jobs 1 %.1f s, --jobs 2 %.1f s, speed-up %.2f (%d processors)\n' \
    "$w1" "$w2" "$(echo "$w1 / $w2" | bc -l)" "$(nproc)"
  printf '        CPU: --jobs 1 %.1f s (%.2f processors, load %s), --jobs 2 %.1f s (%.2f processors, load %s)\n' \
    "$c1" "$(echo "$c1 / $w1" | bc -l)" "$l1" "$c2" "$(echo "$c2 / $w2" | bc -l)" "$l2"
  printf '        served: --jobs 1 %s; --jobs 2 %s\n' "$s1" "$s2"
}

if want stages; then
  stage_table
  echo
fi

if want check; then
printf '%-36s %6s %10s %10s %7s\n' "file" "pages" "eyeline s" "floor s" "ratio"
total_e=0
total_f=0
for pdf in "$corpus"/*.pdf; do
  name=$(basename "$pdf" .pdf)
  pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
  e=$(best_of "$cli" check --format json --jobs 1 --fail-on never "$pdf")
  "$cli" check --format json --jobs 1 --fail-on never -o "$tmp/report.json" "$pdf" >/dev/null 2>&1 || true
  raster_dpis "$tmp/report.json" > "$tmp/dpis"
  f=$(best_of bash -c 'floor "$0"' "$pdf")
  ratio=$(echo "$e / $f" | bc -l)
  printf '%-36s %6s %10.3f %10.3f %7.2f\n' "$name" "${pages:-?}" "$e" "$f" "$ratio"
  total_e=$(echo "$total_e + $e" | bc -l)
  total_f=$(echo "$total_f + $f" | bc -l)
done
printf '%-36s %6s %10.3f %10.3f %7.2f\n' "TOTAL" "" "$total_e" "$total_f" \
  "$(echo "$total_e / $total_f" | bc -l)"
echo "(best of $runs runs each; eyeline-cli with --jobs 1, its worker process included)"
fi

# The placement-edit latency (DESIGN.md 3.5): a file read once, then the
# whole file evaluated 100 times with the viewers, the table and the
# legibility standard changing, as the window does without a worker.
if want latency; then
  bench_eval="$build_dir/tools/eyl-bench-evaluate"
  poster=$(ls -S "$corpus"/poster-*.pdf 2>/dev/null | head -n 1)
  echo
  printf '%-36s %10s %10s %10s %10s\n' "placement edit (100 evaluations)" "read s" "p50 ms" "p95 ms" "max ms"
  for pdf in "$here/../data/samples/rollup-banner.pdf" $poster; do
    "$bench_eval" "$pdf" 100 | while IFS=$'\t' read -r file read_s p50 p95 max; do
      printf '%-36s %10.2f %10.3f %10.3f %10.3f\n' "$(basename "$file")" "$read_s" "$p50" "$p95" "$max"
    done
  done
  echo "(the Read stage once in-process, then eyl_file_result_evaluate per edit; budget 50 ms)"
  # The brand kit's names edited: matched again on the text layers kept
  # with the reads, no worker either.
  brochure=$(ls -S "$corpus"/flyer-*.pdf 2>/dev/null | head -n 1)
  echo
  printf '%-36s %10s %10s %10s %10s\n' "brand-name edit (100 evaluations)" "read s" "p50 ms" "p95 ms" "max ms"
  for pdf in "$here/../data/samples/rollup-banner.pdf" $brochure; do
    "$bench_eval" "$pdf" 100 names | while IFS=$'\t' read -r file read_s p50 p95 max; do
      printf '%-36s %10.2f %10.3f %10.3f %10.3f\n' "$(basename "$file")" "$read_s" "$p50" "$p95" "$max"
    done
  done
fi

# Batch export of the whole corpus (eyeline-cli export, overlay mode: every
# page drawn again as vectors with the overlay, plus a summary page) with one
# worker and with two, side by side with the floor of Poppler's own tool for
# the same vector re-rendering, pdftocairo -pdf, run on the same files one at
# a time and two at a time; then the size of what was exported against the
# inputs.
export_batch () {
  rm -rf "$tmp/export"
  mkdir "$tmp/export"
  "$cli" export --jobs "$1" --fail-on never --report csv --output "$tmp/export" "$corpus"
}
export_floor () {
  mkdir -p "$tmp/floor-export"
  find "$corpus" -maxdepth 1 -name '*.pdf' -print0 |
    xargs -0 -P "$1" -I{} sh -c 'pdftocairo -q -pdf "$1" "$2/$(basename "$1")" || true' _ {} "$tmp/floor-export"
  rm -rf "$tmp/floor-export"
}
export -f export_batch export_floor
export cli corpus

if ! want export; then
  :
elif command -v pdftocairo >/dev/null; then
  n_in=$(find "$corpus" -maxdepth 1 -name '*.pdf' | wc -l)
  echo
  printf '%-36s %10s %10s %7s\n' "export of the corpus ($n_in files)" "eyeline s" "floor s" "ratio"
  e1=$(best_of bash -c 'export_batch 1')
  f1=$(best_of bash -c 'export_floor 1')
  printf '%-36s %10.3f %10.3f %7.2f\n' "--jobs 1" "$e1" "$f1" "$(echo "$e1 / $f1" | bc -l)"
  e2=$(best_of bash -c 'export_batch 2')
  f2=$(best_of bash -c 'export_floor 2')
  printf '%-36s %10.3f %10.3f %7.2f\n' "--jobs 2" "$e2" "$f2" "$(echo "$e2 / $f2" | bc -l)"
  printf '%-36s %10.2f %10.2f\n' "speed-up of --jobs 2" "$(echo "$e1 / $e2" | bc -l)" "$(echo "$f1 / $f2" | bc -l)"
  export_batch 2 >/dev/null 2>&1 || true
  n_out=$(find "$tmp/export" -name '*-eyeline.pdf' | wc -l)
  in_bytes=$(find "$corpus" -maxdepth 1 -name '*.pdf' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
  out_bytes=$(find "$tmp/export" -name '*-eyeline.pdf' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
  printf '%-36s %10.1f MB in  %8.1f MB out  (%.2f × the input; %d of %d files exported)\n' "size" \
    "$(echo "$in_bytes / 1000000" | bc -l)" "$(echo "$out_bytes / 1000000" | bc -l)" \
    "$(echo "$out_bytes / ($in_bytes + 1)" | bc -l)" "$n_out" "$n_in"
  echo "(best of $runs runs each; $(nproc) processors; floor: pdftocairo -pdf per file, run one or two at a time)"
  rm -rf "$tmp/export"
else
  echo
  echo "Export floor skipped: pdftocairo is missing (apt install poppler-utils)"
fi

# Pages that need OCR (no text layer): Eyeline's OCR path — the time of a
# check minus the time of the same check with --no-ocr — against the
# floor of Poppler and Tesseract's own tools on the same page: pdftoppm in
# grey at the resolution Eyeline reads such a page (app/core/eyl-detect-ocr.c:
# at most 8 Mpx and 300 dpi, but never below the analysis raster, which is
# read as it is when that is at most 1.2 × finer), over the same visible
# page (the trim box), and the tesseract command with the same page
# segmentation (sparse text, --psm 11), dpi and languages.
want ocr || exit 0
if ! command -v tesseract >/dev/null; then
  echo
  echo "OCR floor skipped: the tesseract command is missing (apt install tesseract-ocr)"
  exit 0
fi
# In Eyeline's order (the first language leads).
langs=""
for l in eng deu; do
  if tesseract --list-langs 2>/dev/null | grep -qx "$l"; then langs="${langs:+$langs+}$l"; fi
done
[ -n "$langs" ] || langs=eng

# "page dpi x y w h" for the pages of $2 without a text layer (pdftotext
# prints only whitespace), from Eyeline's JSON report $1: the resolution
# Eyeline's OCR reads the page at, and the visible page (size_pt, the trim
# box when there is one) as a pdftoppm crop in pixels (w 0: the whole page).
ocr_pages () {
  local json=$1 pdf=$2 page w h rs
  awk '
    /"index":/ { gsub (/[^0-9]/, "", $2); page = $2 + 1; w = h = 0 }
    /"size_pt":/ { gsub (/[][,]/, " "); w = $2; h = $3 }
    /"raster_px":/ {
      gsub (/[][,]/, " ")
      if (w > 0) printf "%d %s %s %.6f\n", page, w, h, $2 / w
      w = 0
    }' "$json" |
  while read -r page w h rs; do
    [ -z "$(pdftotext -q -f "$page" -l "$page" "$pdf" - 2>/dev/null | tr -d '[:space:]')" ] || continue
    { pdfinfo -box -f "$page" -l "$page" "$pdf" 2>/dev/null || true; } |
    awk -v page="$page" -v w="$w" -v h="$h" -v rs="$rs" '
      / rot:/ { rot = $4 }
      / CropBox:/ { cx0 = $4; cy1 = $7 }
      / TrimBox:/ { tx0 = $4; ty0 = $5; tx1 = $6; ty1 = $7 }
      END {
        s = sqrt (8e6 / (w * h > 1 ? w * h : 1))
        if (s > 300 / 72) s = 300 / 72
        if (s <= 1.2 * rs) s = rs
        x = y = cw = ch = 0
        if (rot % 360 == 0 && (tx1 - tx0 - w) ^ 2 < 0.25 && (ty1 - ty0 - h) ^ 2 < 0.25 &&
            ((tx0 - cx0) ^ 2 > 0.25 || (cy1 - ty1) ^ 2 > 0.25)) {
          x = int ((tx0 - cx0) * s + 0.5); y = int ((cy1 - ty1) * s + 0.5)
          cw = int (w * s + 0.5); ch = int (h * s + 0.5)
        }
        printf "%d %.3f %d %d %d %d\n", page, 72 * s, x, y, cw, ch
      }'
  done
}

ocr_floor () {
  local pdf=$1 langs=$2 page dpi x y cw ch crop
  while read -r page dpi x y cw ch; do
    crop=()
    if [ "$cw" -gt 0 ]; then crop=(-x "$x" -y "$y" -W "$cw" -H "$ch"); fi
    pdftoppm -q -gray -singlefile -r "$dpi" ${crop[@]+"${crop[@]}"} -f "$page" -l "$page" "$pdf" "$tmp/ocr"
    # One thread, as Eyeline runs Tesseract: its OpenMP threads make it
    # several times slower on a 2-core machine, not faster.
    OMP_THREAD_LIMIT=1 tesseract "$tmp/ocr.pgm" - --psm 11 --dpi "$(printf '%.0f' "$dpi")" -l "$langs" >/dev/null 2>&1 || true
    rm -f "$tmp/ocr.pgm"   # not ocr-pages: read again on the next run
  done < "$tmp/ocr-pages"
}
export -f ocr_floor

echo
printf '%-36s %6s %10s %10s %7s\n' "pages that need OCR" "pages" "OCR s" "floor s" "ratio"
total_o=0
total_of=0
# Files whose pages all need OCR: their difference is the OCR of those
# pages alone (on the others it also holds the OCR of unexplained ink).
all_o=0
all_of=0
for pdf in "$corpus"/*.pdf; do
  name=$(basename "$pdf" .pdf)
  rm -f "$tmp/report.json"
  "$cli" check --format json --jobs 1 --fail-on never -o "$tmp/report.json" "$pdf" >/dev/null 2>&1 || true
  [ -s "$tmp/report.json" ] || continue
  ocr_pages "$tmp/report.json" "$pdf" > "$tmp/ocr-pages"
  [ -s "$tmp/ocr-pages" ] || continue
  n=$(wc -l < "$tmp/ocr-pages")
  pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }' || true)
  with=$(best_of "$cli" check --format json --jobs 1 --fail-on never "$pdf")
  without=$(best_of "$cli" check --format json --jobs 1 --fail-on never --no-ocr "$pdf")
  o=$(echo "$with - $without" | bc -l)
  of=$(best_of bash -c 'ocr_floor "$0" "$1"' "$pdf" "$langs")
  printf '%-36s %6s %10.3f %10.3f %7.2f\n' "$name" "$n/${pages:-?}" "$o" "$of" "$(echo "$o / $of" | bc -l)"
  total_o=$(echo "$total_o + $o" | bc -l)
  total_of=$(echo "$total_of + $of" | bc -l)
  if [ "$n" = "${pages:-}" ]; then
    all_o=$(echo "$all_o + $o" | bc -l)
    all_of=$(echo "$all_of + $of" | bc -l)
  fi
done
[ "$(echo "$total_of > 0" | bc -l)" -eq 1 ] || { echo "(no page needs OCR)"; exit 0; }
printf '%-36s %6s %10.3f %10.3f %7.2f\n' "TOTAL" "" "$total_o" "$total_of" \
  "$(echo "$total_o / $total_of" | bc -l)"
if [ "$(echo "$all_of > 0" | bc -l)" -eq 1 ]; then
  printf '%-36s %6s %10.3f %10.3f %7.2f\n' "  files with no text layer at all" "" "$all_o" "$all_of" \
    "$(echo "$all_o / $all_of" | bc -l)"
  if [ "$(echo "$all_o <= $all_of" | bc -l)" -eq 1 ]; then
    echo "On the files with no text layer at all, Eyeline's OCR path costs no more than the floor."
  else
    echo "On the files with no text layer at all, Eyeline's OCR path costs more than the floor."
  fi
fi
echo "(pages: without a text layer / all; Eyeline's OCR path: a check minus the same check with --no-ocr,"
echo " which on files with a text layer on other pages also holds the OCR of their unexplained ink;"
echo " floor: pdftoppm -gray + tesseract --psm 11 -l $langs at Eyeline's OCR resolution, one thread)"
