# The project's vocabulary: `make run` serves the portal, `make test` runs the suite.
# Both work from a fresh clone with nothing but Python 3.11+ and make.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Re-install only when the dependency list changes.
STAMP := $(VENV)/.installed
E2E_STAMP := $(VENV)/.installed-e2e
# The browser tests drive Debian's Chromium; Playwright never downloads a browser of its own.
CHROMIUM := /usr/bin/chromium

.PHONY: run test e2e bench lint format migrations-check install demo clean messages backup soak scale-check pdf-packages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Briefings' PDFs (practices/briefings.py): WeasyPrint lays text out with Pango and HarfBuzz;
# the tests read the PDFs back with poppler's pdftotext. Installed when missing, as root.
PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils

pdf-packages:
	@missing=$$(for package in $(PDF_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q 'ok installed' || echo $$package; \
	done); \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y $$missing; \
	else \
		echo "Briefings' PDFs need Debian's" $$missing": run 'sudo apt-get install" $$missing"'"; \
		exit 1; \
	fi

install: $(STAMP) pdf-packages

var:
	mkdir -p var/mail

demo: install var
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo

# Where `make run` serves; `make run ADDRESS=127.0.0.1:8031` serves elsewhere, and the e-mails
# the worker writes link there too.
ADDRESS ?= 127.0.0.1:8000

# The job worker (e-mails) runs beside the development server and stops with it.
run: demo
	export DJANGO_SITE_URL=http://$(ADDRESS); \
	$(BIN)/python manage.py db_worker --no-reload --interval 1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(ADDRESS)

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

$(E2E_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev,e2e]'
	touch $(E2E_STAMP)

$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	else \
		echo "make e2e needs Debian's Chromium at $(CHROMIUM): run 'sudo apt-get install chromium'"; \
		exit 1; \
	fi

# Browser tests (tests/e2e): the `e2e` marker selects them; `make test` leaves them out.
e2e: $(E2E_STAMP) $(CHROMIUM) var
	$(BIN)/python -m pytest -m e2e tests/e2e -p no:cacheprovider $(PYTEST_ARGS)

# A dump of the DATABASE_URL database in var/backups/, named by its UTC time (README, "Backups").
backup: install var
	$(BIN)/python manage.py backup

# A minute of comments and reads while PostgreSQL restarts (tests/soak/soak.py); not in CI.
soak: install var
	$(BIN)/python tests/soak/soak.py

NGINX := /usr/sbin/nginx

$(NGINX):
	@if [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y nginx; \
	else \
		echo "make scale-check needs Debian's nginx at $(NGINX): run 'sudo apt-get install nginx'"; \
		exit 1; \
	fi

# Two app servers behind nginx on the DATABASE_URL PostgreSQL and Redis db 7: sessions, comments,
# publishing and sign-in limits hold whichever server answers (tests/scale/scale_check.py).
scale-check: install $(NGINX)
	$(BIN)/python tests/scale/scale_check.py

WRK := /usr/bin/wrk

$(WRK):
	@if [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y wrk; \
	else \
		echo "make bench needs Debian's wrk at $(WRK): run 'sudo apt-get install wrk'"; \
		exit 1; \
	fi

# Benchmarks on the local PostgreSQL (bench/README.md): BENCH_SIZE=small|large runs one size.
bench: install $(WRK)
	$(BIN)/python -m bench.run

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# French: collect every marked string into locale/fr/LC_MESSAGES/django.po, then compile the
# django.mo committed next to it (so a fresh clone runs without gettext). Needs GNU gettext.
MESSAGE_SOURCES := -i '.venv/*' -i 'var/*' -i 'staticfiles/*' -i 'tests/*' -i 'bench/*' -i 'build/*'
messages: install
	$(BIN)/python manage.py makemessages -l fr --add-location file --no-obsolete $(MESSAGE_SOURCES)
	$(BIN)/python manage.py compilemessages -l fr -i .venv -i var

migrations-check: install
	$(BIN)/python manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) var .pytest_cache
