# Poradnik Mieszkańca. The README documents these targets; each installs what it needs first.
SHELL := bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
# Trunk must never fetch its own tools: setup.sh puts the pinned versions on PATH.
export TRUNK_SKIP_VERSION_CHECK := true

.PHONY: setup serve test test-host test-e2e dist bench clean

## setup: install the toolchain, npm packages and Chromium (idempotent, quick when all is there)
setup:
	@scripts/setup.sh

## serve: the app with its sample data at http://127.0.0.1:8080, rebuilt on every change;
## a wroclaw.pl-like host page embedding it at http://127.0.0.1:8080/demo/wroclaw.html
serve: setup
	@echo "Poradnik: http://127.0.0.1:8080/  ·  embedded in a host page: http://127.0.0.1:8080/demo/wroclaw.html"
	trunk serve

## test: every test: host unit tests, then end-to-end tests in headless Chromium on the built site
test: setup test-host dist test-e2e

test-host:
	cargo test --locked

test-e2e:
	node --test --test-concurrency=1 tests/contract/ tests/e2e/

## dist: the production site in dist/ (static files, the reading and the form's bundles, the loader
## poradnik.js, _headers), then its size report, which fails over either page type's budget
dist: setup
	trunk build --release --locked
	node scripts/size-report.mjs dist

## bench: search relevance and speed (host and in-browser) against MiniSearch and FlexSearch → docs/benchmarks.md
bench: setup
	bench/run.sh

clean:
	rm -rf dist target
