# Poradnik Mieszkańca. The README documents these targets; each installs what it needs first.
SHELL := bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
# Trunk must never fetch its own tools: setup.sh puts the pinned versions on PATH.
export TRUNK_SKIP_VERSION_CHECK := true

.PHONY: setup serve test test-host test-e2e dist site bench clean

## setup: install the toolchain, npm packages and Chromium (idempotent, quick when all is there)
setup:
	@scripts/setup.sh

## serve: the app with its sample data at http://127.0.0.1:8080, rebuilt on every change;
## a wroclaw.pl-like host page embedding it at http://127.0.0.1:8080/demo/wroclaw.html; beside
## them the development intake (scripts/intake.mjs) at http://127.0.0.1:8081, which receives the
## question form's questions and the feedback votes into target/intake/. The pages it serves are
## built into target/serve/ and set to use the intake (DEV_INTAKE); dist/ is make dist's alone.
serve: setup
	@mkdir -p target/intake target/serve; \
	if (: > /dev/tcp/127.0.0.1/8081) 2>/dev/null; then echo "make serve: 127.0.0.1:8081 is taken (another make serve?); the intake needs it" >&2; exit 1; fi; \
	node scripts/intake.mjs --port 8081 --dir target/intake & intake=$$!; \
	trap 'kill $$intake 2>/dev/null' EXIT INT TERM; \
	for i in $$(seq 50); do (: > /dev/tcp/127.0.0.1/8081) 2>/dev/null && break; sleep 0.1; done; \
	kill -0 $$intake 2>/dev/null || { echo "make serve: the intake could not listen on 127.0.0.1:8081 (is another make serve running?)" >&2; exit 1; }; \
	echo "Poradnik: http://127.0.0.1:8080/  ·  embedded in a host page: http://127.0.0.1:8080/demo/wroclaw.html"; \
	echo "What residents send: target/intake/pytania.json, target/intake/opinie.json (node scripts/intake.mjs report)"; \
	DEV_INTAKE=http://127.0.0.1:8081 trunk serve --dist target/serve

## test: every test: host unit tests, then end-to-end tests in headless Chromium on the built site
test: setup test-host dist test-e2e

test-host:
	cargo test --locked

test-e2e:
	node --test --test-concurrency=1 tests/contract/ tests/e2e/

# The publish step (src/bin/publish.rs): a host build of the same components, with `ssr`.
PUBLISH = cargo run --quiet --release --locked --no-default-features --features ssr --bin publish --
# The sample portal's public address (canonical addresses, link previews, the sitemap).
SITE_URL ?= https://poradnik.wroclaw.pl/
DATA ?= public/data/faq.json
OUT ?= dist

## dist: the production site in dist/ for the sample data: the app (the reading and the form's
## bundles, the loader poradnik.js, _headers) and every page published as HTML (make site), then
## its size report, which fails over either page type's budget
dist: setup
	trunk build --release --locked
	$(PUBLISH) --data public/data/faq.json --out dist --site-url $(SITE_URL)
	node scripts/size-report.mjs dist

## site: a complete static site for any document: make site DATA=faq.json OUT=dir SITE_URL=https://…/
## (the app, its data, an HTML file per page, each page's fragment, sitemap.xml, robots.txt)
site: setup
	trunk build --release --locked
	@if [ "$(abspath $(OUT))" != "$(abspath dist)" ]; then rm -rf "$(OUT)" && mkdir -p "$(OUT)" && cp -R dist/. "$(OUT)/"; fi
	$(PUBLISH) --data "$(DATA)" --out "$(OUT)" --site-url "$(SITE_URL)"

## bench: search relevance and speed (host and in-browser) against MiniSearch and FlexSearch → docs/benchmarks.md
bench: setup
	bench/run.sh

clean:
	rm -rf dist target
