# The project's two commands: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install migrate demo lint format messages clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed (found %s)" % sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

# axe-core and the Nu HTML checker for the accessibility and HTML tests; they
# skip, saying why, where npm (or Java, for the checker) is not available.
node_modules/.installed: package.json
	@if command -v npm >/dev/null 2>&1; then \
		CHROMEDRIVER_SKIP_DOWNLOAD=true npm install --no-audit --no-fund --silent && touch $@; \
	else echo "npm not found: the axe-core and HTML validation tests will be skipped"; fi

install: $(STAMP)

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo
	$(PY) manage.py demo_admin

run: demo
	@echo "Serving on http://$(HOST):$(PORT)/ — admin: http://$(HOST):$(PORT)/admin/ (user admin, password commission-demo)"
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install node_modules/.installed
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports
	$(PY) manage.py makemigrations --check --dry-run

format: install
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

# Two domains: django (templates and Python) and djangojs (static/**/*.js, served
# to the admin by Django's JavaScript catalogue, admin:jsi18n).
MAKEMESSAGES := $(PY) manage.py makemessages -l ru -l be --no-location --ignore ".venv/*" \
	--ignore "tests/*" --ignore "benchmarks/*" --ignore "node_modules/*" --ignore "staticfiles/*"

messages: install  ## Update the translation catalogues and compile them (needs GNU gettext)
	$(MAKEMESSAGES)
	$(MAKEMESSAGES) -d djangojs
	$(PY) manage.py compilemessages -l ru -l be --ignore ".venv/*" --ignore "node_modules/*"

clean:
	rm -rf $(VENV) var staticfiles
