# Shared helpers for the scripts that run PostgreSQL. Source it; do not run it.
# PostgreSQL refuses to run as root, so as root its server programs run as the `postgres` OS user.

pg_log() { printf '%s\n' "$*" >&2; }

# Prints the folder of PostgreSQL's server programs, installing PostgreSQL when missing and root.
pg_bin_dir() {
  local found
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return
  fi
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$found" ] && [ "$(id -u)" -eq 0 ]; then
    pg_log "PostgreSQL is not installed: installing it from Debian's packages."
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib >&2
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  fi
  if [ -z "$found" ]; then
    pg_log "PostgreSQL's server programs were not found: install the 'postgresql' package (apt-get install postgresql postgresql-contrib)."
    return 1
  fi
  printf '%s\n' "$found"
}

# Runs a PostgreSQL server program, as the postgres OS user when we are root.
pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# Gives a folder to the user that runs the server, and lets it reach that folder through its parents.
pg_own_folder() {
  local folder=$1 parent
  [ "$(id -u)" -eq 0 ] || return 0
  chown -R postgres: "$folder"
  parent=$(dirname "$folder")
  while [ "$parent" != "/" ]; do
    # The server only needs to pass through the parents (x), not to list them.
    if ! runuser -u postgres -- test -x "$parent"; then chmod o+x "$parent"; fi
    parent=$(dirname "$parent")
  done
}
