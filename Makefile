# Pinched Nerve Guide. `make serve` and `make test` are all a new machine needs:
# each creates .venv from requirements.lock (pinned, with hashes) when it is
# missing or older than the lock file.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 8000
# Material 9.8 prints an end-of-life notice at every build; it is tracked in docs, not in build logs.
export NO_MKDOCS_2_WARNING := 1
# hooks/ for the guide package; the project root for testkit/ (the nginx runner the audit and benchmarks share).
export PYTHONPATH := $(CURDIR)/hooks:$(CURDIR)
export PYTHONDONTWRITEBYTECODE := 1
# A clinic's branded copy: `make build CLINIC=<slug>` writes site-<slug>/.
CLINIC ?=
SITE   := $(if $(CLINIC),site-$(CLINIC),site)
export GUIDE_CLINIC := $(CLINIC)
# The engine that builds the compiled pages: mkdocs (default) or zensical (README "Engines").
ENGINE ?= mkdocs
export GUIDE_ENGINE := $(ENGINE)

.PHONY: help venv build serve handouts test test-fast system-packages lint schemas lock clean audit audit-deps bench critical-css

help:
	@echo "make serve   build and preview the site on http://$(HOST):$(PORT), reloading on changes"
	@echo "make test    run every test (content, build, safety guard, browser); installs the Debian packages it needs"
	@echo "make test-fast  the tests that need no browser: quick, and NOT a full test run"
	@echo "make build   build the site into site/ (the last good site stays if the build fails)"
	@echo "             CLINIC=<slug> builds a clinic's branded copy into site-<slug>/ (also for serve, handouts)"
	@echo "             ENGINE=zensical builds with Zensical instead of MkDocs (also for serve, handouts; README \"Engines\")"
	@echo "make handouts build the site with one PDF per exercise and a home programme in handouts/"
	@echo "make lint    check content only, fast, without building"
	@echo "make schemas regenerate content_src/schemas/ from the models"
	@echo "make lock    re-pin requirements.in into requirements.lock"
	@echo "make critical-css  regenerate the inline first-paint styles after editing guide.css or upgrading Material"
	@echo "make audit   Lighthouse (mobile and desktop, median of 3) against the built site served by nginx with gzip"
	@echo "make audit-deps  known vulnerabilities in the pinned Python packages (pip-audit; needs the advisory service)"
	@echo "make bench   build-time and page-weight benchmark (SIZES=100,1000 for a quicker run); results in benchmarks/results/"

$(STAMP): requirements.lock
	@rm -rf $(VENV)
	@$(PYTHON) -m venv $(VENV) || { echo "Could not create a virtual environment. On Debian or Ubuntu run: sudo apt-get install python3-venv"; exit 1; }
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	@touch $@

venv: $(STAMP)

# guide.build runs the engine into a staging folder, checks every file it wrote and
# publishes only a verified site: a failed build leaves the last good $(SITE)/ as it was.
build: $(STAMP)
	$(BIN)/python -m guide build --engine $(ENGINE) --site-dir $(SITE)

handouts: $(STAMP)
	$(BIN)/python -m guide build --engine $(ENGINE) --handouts --site-dir $(SITE)

# MkDocs rebuilds on changes to docs/ and content_src/, but loads hook code only
# once per process: watchmedo restarts the server when Python in hooks/ changes.
# The preview refuses to start on content, clinic or picture errors, as a build would.
serve: $(STAMP)
	$(BIN)/python -m guide lint
ifeq ($(ENGINE),zensical)
	@# Zensical runs no hooks: it previews the compiled folder, which is written again when content_src/, docs/ or hooks/ change.
	$(BIN)/python -m guide compile --out .site.compiled
	$(BIN)/watchmedo shell-command --recursive --patterns '*.md;*.yml;*.py;*.html;*.css;*.js;*.svg' --drop \
		--command '$(BIN)/python -m guide compile --out .site.compiled' content_src docs hooks & \
	trap 'kill $$!' EXIT; $(BIN)/zensical serve --dev-addr $(HOST):$(PORT) --config-file .site.compiled/mkdocs.yml
else
	$(BIN)/watchmedo auto-restart --directory hooks --patterns '**/*.py' --recursive --signal SIGTERM -- \
		$(BIN)/mkdocs serve --dev-addr $(HOST):$(PORT) --watch content_src
endif

# Every test, browser tests included: they fail rather than skip when Chromium is missing.
test: system-packages $(STAMP)
	$(BIN)/python -m guide lint
	GUIDE_REQUIRE_BROWSER=1 $(BIN)/pytest

# Quick, and not a full run: the browser, HTML-checker and hosting tests are left out.
test-fast: $(STAMP)
	$(BIN)/pytest -m "not browser" --ignore=tests/browser
	@echo "test-fast: browser tests were NOT run. Run 'make test' before calling anything done."

system-packages:
	@bash tools/system-packages.sh

lint: $(STAMP)
	$(BIN)/python -m guide lint

schemas: $(STAMP)
	$(BIN)/python -m guide schema

lock: $(STAMP)
	$(BIN)/pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links \
		--output-file requirements.lock requirements.in

# Node tools (Lighthouse), pinned in package-lock.json; only `make audit` needs them.
NODE_STAMP := node_modules/.installed
CHROME_PATH ?= /usr/bin/chromium
AUDIT_SERVICE ?= pypi

$(NODE_STAMP): package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "npm not found. On Debian or Ubuntu run: sudo apt-get install nodejs npm"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Not part of `make test`: scores swing with machine load, so the bar is checked on medians.
# The styles every page inlines for its first paint, picked from Material's stylesheet
# and guide.css by matching them against the built pages; rebuilt so the pages carry them.
critical-css: build
	$(BIN)/python tools/critical_css.py --site $(SITE)
	$(BIN)/python -m guide build --site-dir $(SITE)

audit: build $(NODE_STAMP)
	CHROME_PATH=$(CHROME_PATH) $(BIN)/python tools/lighthouse_audit.py --site $(SITE)

audit-deps: $(STAMP)
	$(BIN)/python tools/audit_deps.py --service $(AUDIT_SERVICE)

# A benchmark, not a test: ours against plain MkDocs + Material at 100, 1,000 and 5,000
# articles, the real site's page weight in Chromium (needs nginx) and how fast `make serve` shows an edit. About 10 minutes.
SIZES ?=
bench: $(STAMP)
	$(BIN)/python -m benchmarks.run $(if $(SIZES),--sizes $(SIZES))

clean:
	rm -rf site site-* .site*.staging .site*.compiled .site*.old .site*.build.log .site*.lock .pytest_cache
