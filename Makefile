# prevent-plan-check: `make demo`, `make test`, `make build`, `make bench`.
# Every target installs what it needs and is quick when nothing is missing.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := build

WASM_BINDGEN_VERSION := 0.2.130
WASM_TARGET := wasm32-unknown-unknown
# The full core (every export) and the form module: the same crate without table import,
# summaries, comparisons and the built-in profiles other than the default (Cargo.toml).
FULL_WASM := target/$(WASM_TARGET)/release/prevent_plan_check.wasm
FORM_WASM := target/$(WASM_TARGET)/form/prevent_plan_check.wasm
FORM_FEATURES := --no-default-features --features bindings
XLSX_WASM := xlsx/target/$(WASM_TARGET)/release/prevent_plan_check_xlsx.wasm
WASM_BINDGEN := wasm-bindgen --remove-name-section --remove-producers-section --no-typescript
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export CARGO_TERM_COLOR ?= never

.PHONY: setup setup-rust setup-node setup-browser build apps-script test test-rust test-wasm test-node test-browser test-package lint audit size demo bench bench-native fuzz clean

setup: setup-rust setup-node

setup-rust:
	@rustup target list --installed | grep -qx '$(WASM_TARGET)' || rustup target add $(WASM_TARGET)
	@[ "$$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $(WASM_BINDGEN_VERSION)" ] \
	  || cargo install wasm-bindgen-cli --version =$(WASM_BINDGEN_VERSION)

# npm ci only when the lockfile changed since the last install.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
setup-node: node_modules/.package-lock.json

setup-browser:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends chromium; }

build: setup-rust
	cargo build --release --target $(WASM_TARGET) --lib
	$(WASM_BINDGEN) --target nodejs --out-dir pkg/node $(FULL_WASM)
	$(WASM_BINDGEN) --target web --out-dir pkg/web $(FULL_WASM)
	cargo build --profile form --target $(WASM_TARGET) --lib $(FORM_FEATURES)
	$(WASM_BINDGEN) --target nodejs --out-dir pkg/form/node --out-name prevent_plan_check_form $(FORM_WASM)
	$(WASM_BINDGEN) --target web --out-dir pkg/form/web --out-name prevent_plan_check_form $(FORM_WASM)
	cargo build --release --target $(WASM_TARGET) --lib --manifest-path xlsx/Cargo.toml
	$(WASM_BINDGEN) --target nodejs --out-dir pkg/xlsx/node $(XLSX_WASM)
	$(WASM_BINDGEN) --target web --out-dir pkg/xlsx/web $(XLSX_WASM)
	node pkg/scripts/build.mjs

# The Google Apps Script sample, ready for `clasp push` in samples/apps-script/dist/.
apps-script: build
	node samples/apps-script/build.mjs

lint:
	cargo fmt --check
	cargo fmt --check --manifest-path xlsx/Cargo.toml
	cargo clippy --all-targets --features xlsx -- -D warnings
	cargo clippy --target $(WASM_TARGET) --lib $(FORM_FEATURES) -- -D warnings
	cargo clippy --all-targets --manifest-path xlsx/Cargo.toml -- -D warnings

test-rust:
	cargo test --features xlsx
	cargo test --manifest-path xlsx/Cargo.toml

test-wasm: setup-rust
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  cargo test --target $(WASM_TARGET) --test wasm

# tests/node/apps-script.test.mjs builds the Apps Script bundle itself (from `build`'s output).
test-node: build setup-node
	node --test tests/node/
	npx tsc -p tests/types/tsconfig.json
	npx tsc -p tests/types/tsconfig.adapters.json

test-browser: build setup-node setup-browser
	node --test tests/browser/

# The packed npm package installed in a temporary project: Node, tsc, publint, arethetypeswrong
# and four bundlers run in Chromium (tests/package/; under a minute, nothing downloaded).
test-package: build setup-node setup-browser
	node --test tests/package/

# Size budgets of the shipped modules (bench/size.mjs); timings are too noisy for CI.
size: build
	node bench/size.mjs --check

# Known vulnerabilities (high or critical) in the pinned dependencies of package-lock.json;
# the published package (pkg/) has none of its own. Where the registry's audit endpoint
# cannot be reached (offline mirrors answer 405), this says so instead of failing.
audit: setup-node
	@if out=$$(npm audit --audit-level=high 2>&1); then echo "npm audit: no high or critical vulnerabilities"; \
	elif grep -qiE 'audit endpoint returned an error|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|network' <<<"$$out"; then \
	  echo "npm audit: skipped, the registry's audit endpoint cannot be reached from here"; \
	else echo "$$out"; exit 1; fi

test: lint audit test-rust test-wasm test-node test-browser test-package size

demo: build setup-node
	node pkg/bin/prevent-plan-check.js || [ $$? -eq 1 ]
	node www/serve.mjs

# About 2 minutes: timings against ajv and ajv + chrono-node, cold start, sizes.
bench: build setup-node setup-browser
	node bench/run.mjs

# The core natively under criterion, on the same generated plans (for profiling).
bench-native:
	node bench/generate.mjs target/bench
	cargo bench --bench validate

# Each fuzz target runs FUZZ_SECONDS (default 5 minutes), seeded with the test fixtures.
FUZZ_SECONDS ?= 300
FUZZ_TARGETS := validate_json read_plan parse_milestone validate_csv validate_workbook validate_document
fuzz:
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
	for target in $(FUZZ_TARGETS); do \
	  mkdir -p fuzz/corpus/$$target; \
	  cp $$(case $$target in validate_json|read_plan) echo tests/fixtures/plans/*.json pkg/examples/*.json;; \
	        validate_csv) echo tests/fixtures/tables/*.tsv tests/fixtures/tables/*.csv;; \
	        validate_workbook) echo tests/fixtures/tables/*.xlsx tests/fixtures/tables/*.ods;; \
	        validate_document) echo tests/fixtures/documents/*.docx tests/fixtures/documents/*.html tests/fixtures/documents/clipboard/*.html;; esac) \
	     fuzz/corpus/$$target/ 2>/dev/null || true; \
	  (cd fuzz && cargo +nightly fuzz run $$target corpus/$$target -- \
	     -max_total_time=$(FUZZ_SECONDS) $$([ -f dict/$$target.dict ] && echo -dict=dict/$$target.dict) -max_len=65536 -rss_limit_mb=4096) || exit 1; \
	done

clean:
	cargo clean
	rm -rf pkg/node pkg/web pkg/form pkg/profiles pkg/dist samples/apps-script/dist node_modules
