# SPDX-License-Identifier: GPL-3.0-or-later
# Convenience entry points; the build itself is meson.
#   make run   [FILE=banner.pdf]            set up, build, open the window on a banner
#   make check-sample [FILE=…] [ARGS=…]     the same check with the command line
#   make test                               set up, build, run every test suite
#   make bench [BENCH=check,latency,export,ocr,stages]  corpus timings against Poppler's own tools,
#                                           and the placement-edit latency
#   make eval-attention [ATTENTION=DIR]     the predicted attention model scored on an
#                                           eye-tracking set (default ../shared/attention)
#   make eval [EVAL_ARGS=-v]                detector recall / precision on the corpus, the
#                                           findings against the consultant's answer key, then
#                                           OCR recall on the generated stress set by condition
#   make install [PREFIX=…] [DESTDIR=…]     install (default prefix /usr/local)
#   make fuzz [FUZZ_SECONDS=…]              run the libFuzzer targets (clang)

BUILDDIR ?= _build
ASANDIR  ?= _build-asan
SAMPLE   := data/samples/rollup-banner.pdf
CORRECTED := data/samples/rollup-banner-corrected.pdf
FILE     ?= $(SAMPLE)
ARGS     ?= --placement rollup-behind-table

.PHONY: all deps build run check-sample test test-asan bench eval install fuzz clean

all: build

deps:
	@sh build-aux/install-deps.sh

$(BUILDDIR)/build.ninja:
	meson setup $(BUILDDIR)

build: deps $(BUILDDIR)/build.ninja
	meson compile -C $(BUILDDIR)

# The window on the bundled banner (or FILE=…), run from the build tree:
# the settings schema compiled in $(BUILDDIR)/data.
run: build
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ]; then \
	  echo "make run: no display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so the"; \
	  echo "window cannot open; this is the same check on the command line:"; echo; \
	  $(BUILDDIR)/app/cli/eyeline-cli check $(ARGS) $(FILE); status=$$?; [ $$status -le 1 ]; \
	else \
	  GSETTINGS_SCHEMA_DIR=$(abspath $(BUILDDIR))/data $(BUILDDIR)/app/gui/eyeline $(FILE); \
	fi

# The command line on the sample, then on its corrected version.  The
# checker exits 1 when it finds errors, which is the point of the sample.
check-sample: build
	@$(BUILDDIR)/app/cli/eyeline-cli check $(ARGS) $(FILE); status=$$?; \
	  if [ "$(FILE)" = "$(SAMPLE)" ]; then \
	    echo; echo "The corrected sample ($(CORRECTED)):"; echo; \
	    $(BUILDDIR)/app/cli/eyeline-cli check $(ARGS) $(CORRECTED); \
	  fi; [ $$status -le 1 ]

test: build
	meson test -C $(BUILDDIR) --print-errorlogs
	$(MAKE) test-asan

# The core and command-line suites again under AddressSanitizer (with leak
# checking) and UndefinedBehaviorSanitizer, and the named subset of the
# bad-PDF suite (badpdfs-asan, tests/meson.build).
test-asan: deps
	@[ -f $(ASANDIR)/build.ninja ] || meson setup $(ASANDIR) -Db_sanitize=address,undefined -Db_lundef=false
	meson compile -C $(ASANDIR)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/build-aux/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  meson test -C $(ASANDIR) --suite core --suite cli --suite badpdfs-asan --print-errorlogs

bench: build
	BENCH=$(BENCH) bash build-aux/bench.sh $(BUILDDIR)

# Detector accuracy on ../shared/corpus against its hand-made labels, then
# the findings of each file, checked with the placement and size of the
# consultant's answer key (expected-findings.json), against that key.  The
# findings totals are kept in $(BUILDDIR)/eval-findings.tsv and shown as
# "before" by the next run.  Last, the generated OCR stress set
# (tests/eyl-ocr-stress.c): contact recall by font, size, colour, ground,
# live or outlined, place; -v lists each line missed.
SHARED ?= ../shared
eval: build
	@[ -d $(SHARED)/corpus/files ] || { echo "eval: no corpus at $(SHARED)/corpus"; exit 1; }
	@$(BUILDDIR)/app/cli/eyeline-cli check --format json --fail-on never --placement auto \
	  -o $(BUILDDIR)/eval-report.json $(SHARED)/corpus/files; \
	  [ $$? -le 1 ] || echo "eval: some files could not be read (see above)"
	$(BUILDDIR)/tools/eyl-eval $(BUILDDIR)/eval-report.json $(SHARED)/corpus/labels.json $(EVAL_ARGS)
	@echo
	$(BUILDDIR)/tools/eyl-eval findings --cli $(BUILDDIR)/app/cli/eyeline-cli \
	  --out $(BUILDDIR)/eval-findings --save $(BUILDDIR)/eval-findings.tsv $(EVAL_ARGS) \
	  $(SHARED)/corpus/expected-findings.json $(SHARED)/corpus/files
	@echo
	$(BUILDDIR)/tests/ocr-stress $(EVAL_ARGS)

# The predicted attention model (eyl-attention.c) on an eye-tracking set:
# AUC-Judd, shuffled AUC, NSS and CC as the set's score.py computes them,
# beside the set's reference table.  ATTENTION=DIR scores any folder of
# that format; ATTENTION_ARGS passes options (--maps DIR, --per-image FILE,
# --subjects odd, --baseline centre, model parameters: see --help).
.PHONY: eval-attention
ATTENTION ?= $(SHARED)/attention
eval-attention: build
	@[ -f $(ATTENTION)/index.tsv ] || { echo "eval-attention: no index.tsv in $(ATTENTION)"; exit 1; }
	$(BUILDDIR)/tools/eyl-eval-attention $(ATTENTION) $(ATTENTION_ARGS)

install:
	@sh build-aux/install-deps.sh
	@if [ -f $(BUILDDIR)/build.ninja ]; then \
	  meson configure $(BUILDDIR) -Dprefix=$(if $(PREFIX),$(PREFIX),/usr/local); \
	else \
	  meson setup $(BUILDDIR) --prefix=$(if $(PREFIX),$(PREFIX),/usr/local); \
	fi
	meson compile -C $(BUILDDIR)
	meson install -C $(BUILDDIR) --no-rebuild $(if $(DESTDIR),--destdir "$(DESTDIR)")

FUZZ_SECONDS ?= 300
fuzz:
	@sh build-aux/install-deps.sh --fuzz
	sh build-aux/fuzz.sh $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILDDIR) $(ASANDIR)
