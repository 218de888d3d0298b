# The everyday commands. `make help` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE := 1

SOLUTION := Ecommerce.sln
BUNDLE := artifacts/efbundle

.PHONY: help run restore build format format-check test bundle db-start db-stop db-server-status \
        migration db-upgrade db-downgrade db-status db-script db-check-derived db-rebuild-derived migrations-check \
        bench bench-growth openapi-lint browser

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{ printf "  %-18s %s\n", $$1, $$2 }'

run: ## Serve the API on http://127.0.0.1:5080 over the embedded PostgreSQL, with demo data
	bash scripts/run.sh

.PHONY: cluster cluster-stop
cluster: ## Primary + streaming standby PostgreSQL, two API instances, HAProxy on http://127.0.0.1:5080
	bash scripts/cluster.sh start

cluster-stop: ## Stop a `make cluster` running in the background or in another terminal
	bash scripts/cluster.sh stop

restore: ## Restore NuGet packages and the local dotnet-ef tool
	dotnet tool restore
	dotnet restore $(SOLUTION)

build: restore ## Build everything (warnings are errors)
	dotnet build $(SOLUTION) --no-restore

format: ## Apply the .editorconfig style
	dotnet format $(SOLUTION)

format-check: restore ## Fail when a file does not follow the .editorconfig style
	dotnet format $(SOLUTION) --verify-no-changes --no-restore

test: format-check build migrations-check bundle openapi-lint browser ## Format check, build, pending-model check, bundle, OpenAPI lint, all tests
	rm -rf artifacts/test-results
	CATALOG_EFBUNDLE=$(abspath $(BUNDLE)) dotnet test $(SOLUTION) --no-build

openapi-lint: ## Lint docs/openapi.json with Redocly's recommended rules: 0 errors, 0 warnings
	bash scripts/openapi-lint.sh

browser: ## Install headless Chromium and its driver for the reference-page test (as root, when missing)
	bash scripts/browser.sh

bundle: ## Build the migration bundle artifacts/efbundle (self-contained, linux-x64)
	bash scripts/migrations.sh bundle

migrations-check: ## Fail when the model changed without a migration
	bash scripts/migrations.sh check

db-start: ## Start the embedded PostgreSQL (.data/postgres, 127.0.0.1:55432)
	bash scripts/db.sh start

db-stop: ## Stop the embedded PostgreSQL
	bash scripts/db.sh stop

db-server-status: ## Is the embedded PostgreSQL running?
	bash scripts/db.sh status

migration: ## Create a migration from model changes: make migration NAME=AddSomething
	bash scripts/migrations.sh add "$(NAME)"

db-upgrade: ## Apply migrations to head, or to TARGET=Name
	bash scripts/migrations.sh upgrade $(TARGET)

db-downgrade: ## Revert the last migration, or to TARGET=Name (TARGET=0: everything)
	bash scripts/migrations.sh downgrade $(TARGET)

db-status: ## List migrations, applied and pending
	bash scripts/migrations.sh status

db-script: ## Write the idempotent migration SQL to artifacts/migrations.sql
	bash scripts/migrations.sh script

db-check-derived: ## Report drift between derived values (per-category counters) and their rows; fails on drift
	bash scripts/migrations.sh check-derived

db-rebuild-derived: ## Recompute every derived value from its rows
	bash scripts/migrations.sh rebuild-derived

bench: ## Benchmark the API against its raw-Npgsql floor (N=100000 products; see docs/performance.md)
	bash bench/run.sh

bench-growth: ## List latency at 10,000 and at 1,000,000 products
	bash bench/growth.sh

.PHONY: bench-bulk
bench-bulk: ## Import 100,000 and export 1,000,000 products through the API, with peak memory (docs/performance.md)
	bash bench/bulk.sh

.PHONY: bench-cluster
bench-cluster: ## Reads through HAProxy on 1 and 2 instances from a standby, writes to the primary (docs/performance.md)
	bash bench/cluster.sh
