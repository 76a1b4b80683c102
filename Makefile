# Developer entry points. The work is done by tools/*.sh; see README.md.
#
# Variables (make VAR=value or environment): ODOO_SRC, PYTHON, HTTP_PORT,
# HTTP_INTERFACE, PGHOST/PGPORT/PGUSER/PGPASSWORD, LOCAL_PG_PORT, DB, ADDONS,
# EXTRA_ADDONS_PATH, INSTALL_DEPS, PYTEST_ARGS, TEST_PATHS, UPDATE, SKIP_LINT,
# KEEP_DB, LOG_IGNORE.

SHELL := /bin/bash
.DEFAULT_GOAL := help

export ODOO_SRC PYTHON VENV LOCAL_DIR HTTP_PORT HTTP_INTERFACE LOCAL_PG_PORT \
	PGHOST PGPORT PGUSER PGPASSWORD DB ADDONS EXTRA_ADDONS_PATH INSTALL_DEPS \
	PYTEST_ARGS TEST_PATHS UPDATE SKIP_LINT KEEP_DB LOG_IGNORE ODOO_TEST_LOG_LEVEL \
	CORE_TEST_TAGS CORE_TEST_HTTP_PORT FORCE WORKERS GEVENT_PORT UPGRADE_FROM REPLICA_PORT LOADTEST_TIME LOADTEST_USERS LOADTEST_WORKERS SCALE

.PHONY: help setup run update shell test pytest lint format i18n dropdb db-start db-stop clean benchmark benchmark-reports backup restore upgrade-test replica loadtest

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

setup: ## Create/refresh .venv (Odoo 18 + dev tools), PostgreSQL and .local/odoo.conf
	@bash tools/setup.sh --browser

run: ## Set everything up and serve Odoo with our addons + demo data (admin/admin; WORKERS=4 for prefork)
	@bash tools/run.sh serve

update: ## Like run, but upgrade our addons (-u) in the database first
	@bash tools/run.sh update

shell: ## odoo-bin shell on the development database (DB=emploi)
	@bash tools/run.sh shell

test: ## Lint, install everything in a throwaway DB, check the log, run pytest
	@bash tools/test.sh

pytest: ## Fast loop: pytest only, on an existing DB (DB=emploi; UPDATE=1 to -u first)
	@bash tools/test.sh --db "$${DB:-emploi}"

benchmark: ## Time the coaches' lists at realistic and 10x scale (on DB, default emploi; make run first)
	@tools/setup.sh
	@.venv/bin/python tools/benchmark_lists.py -c .local/odoo.conf -d "$${DB:-emploi}"

benchmark-reports: ## Seed a region (0.1 and 1x: 20,000 people, 400,000 actions; SCALE=5: the nation, 50 platforms) and time the funder report against raw SQL (on DB, default emploi)
	@tools/setup.sh
	@.venv/bin/python tools/benchmark_reports.py -c .local/odoo.conf -d "$${DB:-emploi}" --scales $(or $(SCALE),0.1 1.0)

lint: ## ruff check + ruff format --check + pylint-odoo (OCA mandatory checks)
	@bash tools/setup.sh --venv
	@bash tools/lint.sh

i18n: ## Refresh i18n/*.pot and merge them into fr.po (on DB, default emploi); fails when strings are untranslated
	@bash tools/i18n.sh

format: ## Fix what ruff can fix and format the code
	@bash tools/setup.sh --venv
	@bash tools/lint.sh --fix

loadtest: ## A busy morning (40 coaches, 5 secretaries, 3 managers) with Locust on a copy of DB in prefork mode; p50/p95 and a check of every write
	@bash tools/loadtest.sh

replica: ## Add a hot-standby replica of the local PostgreSQL (streaming replication) and route Odoo's read-only requests to it
	@bash tools/replica.sh start

upgrade-test: ## Install the previous release (tag 18.0.1.0.0) with demo data, upgrade it to the working tree, fail on any error or warning
	@bash tools/upgrade_test.sh

backup: ## Back up DB (default emploi) and its filestore into one file (FILE, default .local/backups/DB-date.tar)
	@bash tools/backup.sh backup $(FILE)

restore: ## Restore FILE into DB (default emploi; FORCE=1 replaces an existing one)
	@test -n "$(FILE)" || { echo "Usage: make restore FILE=backup.tar [DB=name] [FORCE=1]"; exit 2; }
	@bash tools/backup.sh restore "$(FILE)"

dropdb: ## Drop database DB (default emploi) and its filestore
	@bash tools/run.sh dropdb

db-start: ## Start the local PostgreSQL cluster (.local/postgresql)
	@bash tools/run.sh db-start

db-stop: ## Stop the local PostgreSQL cluster
	@bash tools/run.sh db-stop

clean: ## Remove the virtualenv (keeps .local: databases, filestore, logs)
	rm -rf .venv
