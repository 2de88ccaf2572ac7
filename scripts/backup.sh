#!/usr/bin/env bash
# A consistent backup of the hub's database, taken while the hub runs: one InnoDB snapshot
# (--single-transaction), no table locked, so syncs, decisions and sign-ins go on during it.
#   scripts/backup.sh backup.sql.gz
# It backs up what the hub's settings name (see scripts/database.sh): the embedded database by
# default, an external MariaDB or a Galera node with AUDIENCEHUB_DB_URL, AUDIENCEHUB_DB_USER and
# AUDIENCEHUB_DB_PASSWORD set. The file is gzip'd SQL for one database, without its name, so that it
# restores into any empty database (scripts/restore.sh). It is written beside the target and renamed
# at the end: a failed backup never leaves a file that looks whole.
# Connector tokens in it are encrypted with the hub's token key, which is not in it: keep the key.
set -euo pipefail
here=$(dirname "$0")
[ $# -eq 1 ] || { echo "usage: $0 backup.sql.gz" >&2; exit 2; }
target=$1
. "$here/database.sh"

# it holds password hashes and encrypted tokens: readable by this user only
umask 077
partial="$target.partial"
trap 'rm -f "$partial"' EXIT
# --skip-lock-tables: the snapshot is consistent without them, and Galera refuses them anyway
"${dump[@]}" --single-transaction --skip-lock-tables --quick --hex-blob "$schema" | gzip -c > "$partial"
mv "$partial" "$target"
trap - EXIT
echo "backed up database $schema to $target ($(du -h "$target" | cut -f1))" >&2
