# Developer and CI entry points. Everything runs from a project-local virtualenv (.venv)
# that is created on demand and reinstalled only when pyproject.toml or constraints.txt change.
#
#   make test              lint, type-check and run the whole test suite (what CI runs)
#   make PYTHON=python3.12 test   use another interpreter to create the venv

PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help

.PHONY: help venv install run test lint fmt clean distclean

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

run: $(STAMP) ## Migrate ./learnbot.db (or DATABASE_URL) and run the bot
	$(BIN)/learnbot db upgrade
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

clean: ## Remove caches and build artefacts (keeps .venv)
	rm -rf .pytest_cache .mypy_cache .ruff_cache .import_linter_cache build dist *.egg-info
	find . -path ./$(VENV) -prune -o -type d -name __pycache__ -exec rm -rf {} +

distclean: clean ## clean, and remove .venv too
	rm -rf $(VENV)
