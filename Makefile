# hcmlc — see README.md. Every target sets up .venv itself on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# The bundled data is a snapshot of the 2023 application cycle taken in early September 2023,
# after the indicator deadline and before the answers deadline.
DEMO_AS_OF ?= 2023-09-05

.PHONY: status validate generated check-generated test lint bench templates clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

status: $(STAMP)
	$(BIN)/hcmlc status --as-of $(DEMO_AS_OF)

validate: $(STAMP)
	$(BIN)/hcmlc validate

# Files generated from the models and data/: regenerate them, or check they are current.
generated: $(STAMP)
	$(BIN)/hcmlc schema --out schema/submission.schema.json
	$(BIN)/hcmlc codeowners

check-generated: $(STAMP)
	$(BIN)/hcmlc schema --check
	$(BIN)/hcmlc codeowners --check

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests templates bench
	$(BIN)/ruff format --check src tests templates bench
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/city.py

templates: $(STAMP)
	$(BIN)/python templates/build_templates.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
