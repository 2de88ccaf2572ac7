#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into an EMPTY database, then the hub is started on it
# (with the same token key as the hub that was backed up; a newer hub migrates it as it starts).
#   scripts/restore.sh backup.sql.gz
# External MariaDB or Galera (AUDIENCEHUB_DB_URL, AUDIENCEHUB_DB_USER, AUDIENCEHUB_DB_PASSWORD set):
#   into the database the URL names, created if missing; refused if it holds any table.
# Embedded database (the default), with the hub stopped: into a data folder that does not exist yet
#   (move the old one aside: mv data/mariadb data/mariadb.old). The server unpacked beside it
#   (data/mariadb-server) is started for the restore on a private socket without network, then
#   stopped; the hub's next start sets its password.
# Nothing already stored is changed: a database or data folder in use is refused, not overwritten.
set -euo pipefail
here=$(dirname "$0")
[ $# -eq 1 ] || { echo "usage: $0 backup.sql.gz" >&2; exit 2; }
backup=$1
[ -r "$backup" ] || { echo "$0: cannot read $backup" >&2; exit 2; }
gzip -t "$backup" || { echo "$0: $backup is not a whole gzip file" >&2; exit 2; }
. "$here/database.sh"

quoted=\`${schema//\`/\`\`}\`

if [ "$embedded" = 1 ]; then
  if [ -d "$data_dir" ] && [ -n "$(ls -A "$data_dir")" ]; then
    fail "$data_dir holds a database already; stop the hub, move it aside (mv $data_dir $data_dir.old) and run this again"
  fi
  as_root=(); [ "$(id -u)" != 0 ] || as_root=(--user=root)
  mkdir -p "$data_dir"; chmod 700 "$data_dir"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  "$server_base/scripts/mariadb-install-db" --no-defaults --datadir="$data_dir" --basedir="$server_base" \
    --force --skip-name-resolve "${as_root[@]}" > "$work/install.log" 2>&1 ||
    { cat "$work/install.log" >&2; fail "could not create the database in $data_dir"; }
  # no network and no grant tables: only this process, through a socket in a folder of its own, reaches it
  "$server_base/bin/mariadbd" --no-defaults --datadir="$data_dir" --basedir="$server_base" --tmpdir="$work" \
    --socket="$work/restore.sock" --skip-networking --skip-grant-tables "${as_root[@]}" \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci --max_allowed_packet=64M \
    > "$work/server.log" 2>&1 &
  server=$!
  trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$work"' EXIT
  client=("$server_base/bin/mariadb" --no-defaults --protocol=socket --socket="$work/restore.sock" --user=root
    --default-character-set=utf8mb4)
  for _ in $(seq 1 60); do "${client[@]}" -e 'SELECT 1' >/dev/null 2>&1 && break; sleep 1; done
  "${client[@]}" -e 'SELECT 1' >/dev/null 2>&1 || { tail -20 "$work/server.log" >&2; fail "the restore server did not start"; }
fi

"${client[@]}" -e "CREATE DATABASE IF NOT EXISTS $quoted"
tables=$("${client[@]}" -N -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '${schema//\'/\'\'}'")
[ "$tables" = 0 ] || fail "database $schema holds $tables tables; restore into an empty database (create a new one, or drop this one if you are sure)"

gunzip -c "$backup" | "${client[@]}" "$schema"
echo "restored $backup into database $schema ($("${client[@]}" -N -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '${schema//\'/\'\'}'") tables)" >&2
if [ "$embedded" = 1 ]; then
  kill -TERM "$server" # a clean shutdown: InnoDB writes everything out before it exits
  wait "$server" || true
  trap 'rm -rf "$work"' EXIT
fi
