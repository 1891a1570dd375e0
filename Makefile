# Developer and CI entry points. Everything runs from a project-local virtualenv (.venv)
# that is created on demand and reinstalled only when pyproject.toml or constraints.txt change.
#
#   make test              lint, type-check and run the whole test suite (what CI runs)
#   make bench             answer-path and process benchmarks (a few minutes; see docs/performance.md)
#   make locales           re-extract the UI strings, update and compile the catalogues
#   make PYTHON=python3.12 test   use another interpreter to create the venv

PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help

.PHONY: help venv install run test lint fmt bench locales clean distclean

help: ## Show this help
	@grep -E '^[a-z][a-z-]*:.*## ' $(MAKEFILE_LIST) \
		| awk 'BEGIN {FS = ":.*## "} {printf "  %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install -c constraints.txt -e '.[dev]'
	@touch $@

venv: $(STAMP) ## Create .venv and install the project with its dev dependencies

install: $(STAMP) ## Same as venv

COURSE ?= content/python-basics

run: $(STAMP) ## Migrate, publish the example course, run the bot (offline chat without BOT_TOKEN)
	$(BIN)/learnbot db upgrade --seed $(COURSE)
	$(BIN)/learnbot run

lint: $(STAMP) ## ruff check, ruff format --check, import-linter, mypy
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

test: lint ## Everything in lint, then pytest
	$(BIN)/pytest

fmt: $(STAMP) ## Format the code and apply ruff's automatic fixes
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Benchmarks on SQLite, the local PostgreSQL and MariaDB, at sizes that finish in a few
# minutes. Bigger runs: make bench ANSWERS_ARGS='--learners 64 --seconds 60' PROCESS_ARGS='--answers 10000'
ANSWERS_ARGS ?=
PROCESS_ARGS ?= --answers 2000

bench: $(STAMP) ## Answers/s, latency, SQL per answer; memory and start-up of `learnbot run`
	$(BIN)/python -m bench.answers $(ANSWERS_ARGS)
	$(BIN)/python -m bench.process $(PROCESS_ARGS)

# gettext catalogues of bot/: one template, one messages.po and .mo per language (the .mo files
# are committed: the runtime image has no Babel). Babel's default keywords (_, gettext, ngettext,
# ...) plus aiogram's forms: _ and __ (lazy_gettext) take (singular) or (singular, plural, n).
# tests/unit/test_locales.py reads LOCALE_LANGUAGES, BABEL_KEYWORDS and BABEL_IGNORE_DIRS from here.
LOCALES := bot/locales
POT := $(LOCALES)/messages.pot
LOCALE_LANGUAGES := en ru
BABEL_KEYWORDS := _:1,1t _:1,2 __:1,1t __:1,2 lazy_gettext:1,1t lazy_gettext:1,2
BABEL_IGNORE_DIRS := .* _*
PYBABEL := $(BIN)/pybabel

locales: $(STAMP) ## Extract bot/ strings, update (or create) the en and ru catalogues, compile
	$(PYBABEL) extract --input-dirs=bot --ignore-dirs='$(BABEL_IGNORE_DIRS)' \
		$(addprefix --keywords=,$(BABEL_KEYWORDS)) --no-location --omit-header -o $(POT)
	for lang in $(LOCALE_LANGUAGES); do \
		$(PYBABEL) update -i $(POT) -d $(LOCALES) -D messages -l $$lang --init-missing \
			--ignore-obsolete --ignore-pot-creation-date --previous || exit 1; \
	done
	$(PYBABEL) compile -d $(LOCALES) -D messages --statistics

clean: ## Remove caches and build artefacts (keeps .venv)
	rm -rf .pytest_cache .mypy_cache .ruff_cache .import_linter_cache build dist *.egg-info
	find . -path ./$(VENV) -prune -o -type d -name __pycache__ -exec rm -rf {} +

distclean: clean ## clean, and remove .venv too
	rm -rf $(VENV)
