#!/usr/bin/env bash
# `make run`: build, start the embedded PostgreSQL (unless ConnectionStrings__Catalog names another
# server), bring the schema to head with the migration bundle deployments use, seed a demo catalog
# into an empty database, and serve the API. Ctrl-C stops the service and the database this started.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export ASPNETCORE_URLS=${ASPNETCORE_URLS:-http://127.0.0.1:5080}
export Catalog__SeedDemoData=${Catalog__SeedDemoData:-true}

dotnet tool restore >/dev/null
dotnet build src/WebApi --nologo -v quiet

started_database=false
if [ -z "${ConnectionStrings__Catalog:-}" ]; then
  if ! bash scripts/db.sh status | grep -q '^running'; then started_database=true; fi
  bash scripts/db.sh start
  connection="Host=127.0.0.1;Port=${CATALOG_DB_PORT:-55432};Database=catalog;Username=postgres"
else
  connection=$ConnectionStrings__Catalog
fi

stop_database() {
  if [ "$started_database" = true ]; then bash scripts/db.sh stop; fi
}
trap stop_database EXIT
# Ctrl-C reaches the service and this script alike; exiting here runs the EXIT trap above.
trap 'exit 130' INT
trap 'exit 143' TERM

bash scripts/migrations.sh bundle-if-changed
artifacts/efbundle --connection "$connection"

echo
echo "Catalog API:   ${ASPNETCORE_URLS%%;*}/api/v1/categories"
echo "API reference: ${ASPNETCORE_URLS%%;*}/scalar (OpenAPI document: /openapi/v1.json)"
echo "Ctrl-C stops the service$([ "$started_database" = true ] && echo " and the embedded database")."
echo
ConnectionStrings__Catalog=$connection dotnet run --project src/WebApi --no-build --no-launch-profile
