# citeaudit: `make audit` and `make test` do all the set-up themselves.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
REFS ?= references
FOLDS ?= 0
OUT ?= reports
FAIL_ON ?= never
AUDIT_FLAGS ?=

.PHONY: audit test lint bench eval eval-docs model snapshots venv clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,train]'
	touch $(STAMP)

venv: $(STAMP)

audit: $(STAMP)
	$(VENV)/bin/citeaudit audit $(REFS) --out $(OUT) --fail-on $(FAIL_ON) $(AUDIT_FLAGS)

# Headless Chromium for tests/test_browser_report.py; when it cannot be installed that test skips, saying why.
browser:
	@test -x /usr/bin/chromium || ! command -v apt-get >/dev/null || apt-get install -y chromium \
		|| (apt-get update && apt-get install -y chromium) || echo "make browser: could not install chromium"

test: $(STAMP) browser
	$(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check audit cli.py tests benchmarks

bench: $(STAMP)
	$(PY) -m benchmarks.run_all

# The labelled corpora the parser trains on (../shared/data/dev/README.md); EVAL_FLAGS=--limit 1000 for a short run.
PARSE_DATA := ../shared/data/anystyle-core.xml ../shared/data/dev/anystyle ../shared/data/dev/grobid-citations \
	../shared/data/dev/excite/en ../shared/data/dev/excite/de-end
EVAL_FLAGS ?=
MODEL_FLAGS ?= --iterations 150

eval: $(STAMP)
	$(VENV)/bin/citeaudit eval $(PARSE_DATA) --folds 5 $(EVAL_FLAGS)

# The development corpus, document by document (a few minutes); tables also in reports/eval-docs.md.
# The shipped line models were trained on all of it: FOLDS=4 measures each document with line models
# trained without it, as unseen documents are (~25 min on 2 cores).
eval-docs: $(STAMP)
	$(VENV)/bin/citeaudit eval-docs ../shared/data/dev --folds $(FOLDS) -o $(OUT)/eval-docs.md

model: $(STAMP)
	$(VENV)/bin/citeaudit train $(PARSE_DATA) -o audit/parse/model.crfsuite $(MODEL_FLAGS)
	$(VENV)/bin/citeaudit train-lines ../shared/data/dev

snapshots: $(STAMP)
	$(PY) -m tests.regenerate_snapshots

clean:
	rm -rf $(VENV) build *.egg-info
