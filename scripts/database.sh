# Sourced by backup.sh and restore.sh: which database, which client tools, which account.
# The hub's own settings name the database:
#   AUDIENCEHUB_DB_URL set (jdbc:mariadb://host[:port][,host2...]/schema[?user=..&password=..]) with
#   AUDIENCEHUB_DB_USER and AUDIENCEHUB_DB_PASSWORD: that external MariaDB or Galera (its first host);
#   otherwise the embedded database in AUDIENCEHUB_DB_EMBEDDED_DATADIR (default ./data/mariadb), schema
#   AUDIENCEHUB_DB_EMBEDDED_SCHEMA (default audiencehub), reached through its socket with the password
#   kept beside it, and the client tools unpacked beside it.
# Sets: schema, client (array: mariadb with its connection options), dump (the same for mariadb-dump),
# and for the embedded database: embedded=1, data_dir, server_base. The password travels in MYSQL_PWD,
# never on a command line another user could read in ps.

fail() { echo "$(basename "$0"): $*" >&2; exit 1; }

url_parameter() { # name, query string
  tr '&' '\n' <<<"$2" | sed -n "s/^$1=//p" | head -1
}

if [ -n "${AUDIENCEHUB_DB_URL:-}" ]; then
  embedded=0
  rest=${AUDIENCEHUB_DB_URL#jdbc:mariadb:}
  [ "$rest" != "$AUDIENCEHUB_DB_URL" ] || fail "AUDIENCEHUB_DB_URL must start with jdbc:mariadb: (it is $AUDIENCEHUB_DB_URL)"
  rest=${rest#*//}                       # drops an HA mode such as sequential:
  hosts=${rest%%/*}
  path=${rest#*/}
  [ "$path" != "$rest" ] || fail "AUDIENCEHUB_DB_URL names no database: jdbc:mariadb://host:3306/audiencehub"
  schema=${path%%\?*}
  query=""; [ "$path" = "$schema" ] || query=${path#*\?}
  first=${hosts%%,*}
  host=${first%%:*}; port=3306; [ "$host" = "$first" ] || port=${first#*:}
  user=${AUDIENCEHUB_DB_USER:-$(url_parameter user "$query")}
  MYSQL_PWD=${AUDIENCEHUB_DB_PASSWORD:-$(url_parameter password "$query")}
  [ -n "$user" ] || fail "no account: set AUDIENCEHUB_DB_USER and AUDIENCEHUB_DB_PASSWORD as the hub has them"
  connection=(--no-defaults --protocol=tcp --host="$host" --port="$port" --user="$user")
  tools=""
else
  embedded=1
  data_dir=${AUDIENCEHUB_DB_EMBEDDED_DATADIR:-data/mariadb}
  data_dir=${data_dir%/}
  schema=${AUDIENCEHUB_DB_EMBEDDED_SCHEMA:-audiencehub}
  server_base=$data_dir-server/base
  [ -x "$server_base/bin/mariadbd" ] || fail "no embedded MariaDB next to $data_dir ($server_base): the hub unpacks it there at its first start; or set AUDIENCEHUB_DB_URL for an external database"
  export LD_LIBRARY_PATH="$server_base/libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  tools="$server_base/bin/"
  chmod u+x "$server_base/bin/mariadb" "$server_base/bin/mariadb-dump"
  connection=(--no-defaults --protocol=socket --socket="$data_dir-server/tmp/mariadb.sock" --user=root)
  [ ! -f "$data_dir.password" ] || MYSQL_PWD=$(cat "$data_dir.password")
fi
export MYSQL_PWD
client=("${tools}mariadb" "${connection[@]}" --default-character-set=utf8mb4)
dump=("${tools}mariadb-dump" "${connection[@]}" --default-character-set=utf8mb4)
