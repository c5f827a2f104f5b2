# The two commands of the README: `make run` and `make test`. Everything else is set-up.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
BABEL := $(VENV)/bin/pybabel
FLASK := $(PY) -m flask --app portal
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: help test-postgres run test install translations catalogues triage-model lint format clean

# The first target: `make` alone lists the commands and starts nothing.
help:
	@echo "make run [PORT=8000]  set up, fill demo data, serve on http://$(HOST):$(PORT) with a job worker (stop: Ctrl+C)"
	@echo "make test             set up and run the whole test suite (SQLite)"
	@echo "make test-postgres    the same suite against a throwaway PostgreSQL server (root)"
	@echo "make lint | format    ruff"
	@echo "make catalogues       extract new strings into translations/ (then translate en)"
	@echo "make triage-model     retrain the triage's learned model after a labelled set changed"
	@echo "make translations     compile the catalogues"
	@echo "make install | clean  create | remove .venv"

test-postgres: translations
	scripts/with-postgres $(MAKE) test

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]' --config-settings editable_mode=compat
	touch $@

install: $(VENV)/.installed

# Compile the catalogues (the .mo files are build output, not in git).
translations: $(VENV)/.installed
	$(BABEL) compile -d translations --statistics

# Train the triage's learned model on the labelled sets (scikit-learn, a dev dependency) and
# write its weights to portal/triage/data/model.tsv; a test fails until this ran after a change.
triage-model: $(VENV)/.installed
	$(PY) -m portal.triage.training

# Extract new strings from code and templates and merge them into the catalogues.
catalogues: $(VENV)/.installed
	$(BABEL) extract -F babel.cfg -k _l -k N_ --no-location --sort-output --no-wrap -o translations/messages.pot .
	$(BABEL) update -i translations/messages.pot -d translations --no-fuzzy-matching --ignore-obsolete --no-wrap

# The portal and one job worker (mail delivery, periodic jobs); Ctrl+C stops both.
run: translations
	$(FLASK) init-db
	$(FLASK) demo-data
	@$(FLASK) worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(FLASK) run --host $(HOST) --port $(PORT)

# pytest's exit code 5 means it collected no tests: a broken set-up, never a pass.
test: translations
	@$(PY) -m pytest $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: the set-up is broken" >&2; exit 1; fi; \
	exit $$rc

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check portal tests bench
	$(VENV)/bin/ruff format --check portal tests bench

format: $(VENV)/.installed
	$(VENV)/bin/ruff format portal tests bench
	$(VENV)/bin/ruff check --fix portal tests bench

clean:
	rm -rf $(VENV) .pytest_cache
