# tgdesk. `make run` starts the whole system locally; `make test` runs every test.
# Both install what they need first (Python packages pinned by uv.lock).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv

.PHONY: run test bench lint format export install clean-data

$(VENV)/.installed: pyproject.toml uv.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check "uv==0.13.8"
	@UV_PROJECT_ENVIRONMENT=$(VENV) UV_PYTHON_DOWNLOADS=never $(UV) sync --frozen --quiet
	@touch $@

install: $(VENV)/.installed

run: install
	$(PY) -m infra.local

test: install
	$(PY) -m pytest $(PYTEST_ARGS)

bench: install
	$(PY) -m bench

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Per-function requirements for `sam build`, exported from the lock file.
export: install
	$(UV) export --frozen --quiet --no-hashes --no-header --no-annotate --no-emit-project \
		--only-group layer -o layers/common/requirements.txt
	$(UV) export --frozen --quiet --no-hashes --no-header --no-annotate --no-emit-project \
		--only-group api -o functions/api/requirements.txt

clean-data:
	rm -rf .tgdesk
