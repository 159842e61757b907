# tgdesk. `make run` starts the whole system locally; `make test` runs every test.
# Both install what they need first: Python packages pinned by uv.lock, the console's
# npm packages pinned by frontend/package-lock.json, and they build the console.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
STACK ?= tgdesk
CONSOLE_SOURCES := $(shell find frontend/src frontend/index.html frontend/vite.config.ts \
	frontend/tsconfig.json -type f 2>/dev/null)

.PHONY: run test bench lint format export install console publish-console clean-data audit api-types

$(VENV)/.installed: pyproject.toml uv.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check "uv==0.13.8"
	@UV_PROJECT_ENVIRONMENT=$(VENV) UV_PYTHON_DOWNLOADS=never $(UV) sync --frozen --quiet
	@touch $@

frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json
	@cd frontend && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

frontend/dist/index.html: frontend/node_modules/.installed $(CONSOLE_SOURCES)
	@cd frontend && npm run --silent build

install: $(VENV)/.installed frontend/node_modules/.installed

console: frontend/dist/index.html

run: install console
	$(PY) -m infra.local

# One pytest worker per core (pytest-xdist); a test file stays on one worker, so a file's
# module-scoped stack or browser starts once. TEST_WORKERS=0 runs in this process.
TEST_WORKERS ?= auto

test: install console
	cd frontend && npm test --silent
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

# The console's API types, generated from the API's OpenAPI document (infra/api_types.py):
# run after changing the API's models; `make test` fails until the checked-in ones match.
api-types: install
	$(PY) -m infra.api_types

# Known vulnerabilities in uv.lock's and package-lock.json's packages (infra/audit.py):
# fails on one found; says so and passes when the advisory services cannot be reached.
audit: install
	$(PY) -m infra.audit

bench: install console
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

# After `sam deploy`: upload the console to the stack's bucket (AWS credentials needed).
publish-console: install console
	$(PY) -m infra.publish_console --stack $(STACK)

clean-data:
	rm -rf .tgdesk
