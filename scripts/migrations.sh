#!/usr/bin/env bash
# The migration workflow over the local dotnet-ef tool.
# Usage: scripts/migrations.sh add NAME | upgrade [TARGET] | downgrade [TARGET] | status | script | bundle | check
#        | check-derived | rebuild-derived
# Commands that touch a database use ConnectionStrings__Catalog when set, else the embedded
# development database, which they start first.
set -euo pipefail
cd "$(dirname "$0")/.."

ef() {
  dotnet tool run dotnet-ef -- "$@" --project src/Infrastructure --startup-project src/WebApi
}

ensure_database() {
  if [ -z "${ConnectionStrings__Catalog:-}" ]; then
    bash scripts/db.sh start >&2
  fi
}

# Prints "<migration id> <applied: true|false>" per migration, oldest first.
migration_states() {
  ef migrations list --json --no-color 2>/dev/null | python3 -c '
import json, sys
text = sys.stdin.read()
for migration in json.loads(text[text.index("["):]):
    print(migration["id"], str(migration["applied"]).lower())
'
}

dotnet tool restore >/dev/null
command=${1:-}
shift || true
case "$command" in
  add)
    [ -n "${1:-}" ] || { echo "usage: make migration NAME=AddSomething" >&2; exit 2; }
    ef migrations add "$1" --output-dir Persistence/Migrations
    ;;
  upgrade)
    ensure_database
    if [ -n "${1:-}" ]; then ef database update "$1"; else ef database update; fi
    ;;
  downgrade)
    ensure_database
    target=${1:-}
    if [ -z "$target" ]; then
      # Like `alembic downgrade -1`: back to the migration before the last applied one.
      applied=$(migration_states | awk '$2 == "true" { print $1 }')
      count=$(printf '%s\n' "$applied" | grep -c . || true)
      if [ "$count" -eq 0 ]; then echo "No migration is applied: nothing to revert."; exit 0; fi
      if [ "$count" -eq 1 ]; then target=0; else target=$(printf '%s\n' "$applied" | sed -n "$((count - 1))p"); fi
    fi
    echo "Reverting to ${target}"
    ef database update "$target"
    ;;
  status)
    ensure_database
    migration_states | awk '{ printf "%-10s %s\n", ($2 == "true" ? "[applied]" : "[pending]"), $1 }'
    ;;
  script)
    mkdir -p artifacts
    ef migrations script --idempotent --output artifacts/migrations.sql
    echo "Wrote artifacts/migrations.sql"
    ;;
  bundle)
    mkdir -p artifacts
    ef migrations bundle --self-contained -r linux-x64 --force --output artifacts/efbundle
    ;;
  bundle-if-changed)
    # Rebuilds the bundle only when the migrations differ from those it was built from.
    hash=$(cat src/Infrastructure/Persistence/Migrations/*.cs | sha256sum | cut -d' ' -f1)
    if [ ! -x artifacts/efbundle ] || [ "$(cat artifacts/efbundle.migrations 2>/dev/null)" != "$hash" ]; then
      echo "Building the migration bundle"
      mkdir -p artifacts
      ef migrations bundle --self-contained -r linux-x64 --force --output artifacts/efbundle >/dev/null
      echo "$hash" > artifacts/efbundle.migrations
    fi
    ;;
  check)
    ef migrations has-pending-model-changes
    ;;
  check-derived | rebuild-derived)
    # The service's own maintenance command, with its configuration (ConnectionStrings__Catalog, else appsettings).
    ensure_database
    dotnet run --project src/WebApi --no-launch-profile -- derived-data "${command%-derived}"
    ;;
  *)
    echo "usage: $0 add NAME | upgrade [TARGET] | downgrade [TARGET] | status | script | bundle | bundle-if-changed | check | check-derived | rebuild-derived" >&2
    exit 2
    ;;
esac
