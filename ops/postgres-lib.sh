# Shared by ops/run and ops/test (sourced, not run): PostgreSQL's server binaries and other Debian packages, installed
# with apt when missing (its output goes to a log file), and ops/run's private cluster.
#
# Every function here that can fail says so in one plain line on stderr (what failed and what to do) and returns 1;
# the caller exits. Nothing here relies on `set -e`.

# The one line a failure ends with, named after the script that sourced this file (ops/run, ops/test).
pg_lib_fail() {
  echo "ops/$(basename "$0"): $*" >&2
}

pg_bindir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  return 1
}

# apt-get install "$@", as root only. Prints one line (the packages and the log file); apt's own output goes to the log.
apt_install() {
  if [ "$(id -u)" != 0 ]; then
    pg_lib_fail "missing packages: $* — install them (as root: apt-get install $*) and run this again"
    return 1
  fi
  local log
  log=$(mktemp "${TMPDIR:-/tmp}/governance-apt-XXXXXX.log") || { pg_lib_fail "cannot create a log file in ${TMPDIR:-/tmp}"; return 1; }
  echo "installing $* with apt-get (log: $log)"
  if [ -z "${APT_UPDATED:-}" ]; then
    if ! apt-get update >>"$log" 2>&1; then
      pg_lib_fail "apt-get update failed (log: $log); check the network and the apt sources, then run this again"
      return 1
    fi
    APT_UPDATED=1
  fi
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" >>"$log" 2>&1; then
    pg_lib_fail "apt-get install $* failed (log: $log); fix what the end of the log says, then run this again"
    return 1
  fi
}

ensure_postgres() {
  pg_bindir >/dev/null || apt_install postgresql || return 1
  pg_bindir >/dev/null || { pg_lib_fail "PostgreSQL's server programs (initdb) are still missing after installing postgresql; install a postgresql-NN package and run this again"; return 1; }
}

# ---- ops/run's private cluster -------------------------------------------------------------------------------
#
# Not as root, the cluster lives in the clone's .data/pg. As root, it runs as `postgres` (initdb refuses root), and
# `postgres` may be unable to enter the clone (a clone under /root, or in a `mktemp -d` folder, mode 0700). So a root
# user's cluster lives in /var/lib/governance/<hash of the clone's path>/pg, owned by postgres, and .data/pg is a link
# to it (the file `clone` next to it names the clone). A cluster made in .data/pg itself before this keeps working
# while postgres can reach it.

LOCAL_PG_HOME_ROOT=/var/lib/governance

# Runs a PostgreSQL program as the cluster's owner: `postgres` when we are root. From /, since postgres may not be
# allowed in the current folder.
pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# The folder a root user's cluster of the clone at $1 is made in.
local_cluster_home() {
  echo "$LOCAL_PG_HOME_ROOT/$(printf '%s' "$1" | sha256sum | cut -c1-16)"
}

# Sets LOCAL_PG_DATA to the data folder of the clone's cluster (through the link resolved: postgres cannot pass the
# clone), making the cluster with initdb when there is none. $1: the clone's root folder; $2: the port it listens on.
prepare_local_cluster() {
  local root=$1 port=$2 bin link="$1/.data/pg" home log
  bin=$(pg_bindir) || { pg_lib_fail "PostgreSQL's server programs are missing; install the postgresql package (apt-get install postgresql) and run this again"; return 1; }
  mkdir -p "$root/.data" || { pg_lib_fail "cannot create $root/.data; make the clone writable for $(id -un) and run this again"; return 1; }

  if [ -f "$link/PG_VERSION" ]; then
    LOCAL_PG_DATA=$(readlink -f "$link")
    if [ "$(id -u)" = 0 ] && ! pg_as_owner test -r "$LOCAL_PG_DATA/PG_VERSION"; then
      pg_lib_fail "the cluster in $LOCAL_PG_DATA is in a folder the postgres user cannot enter; move $link away (a new cluster is then made in $LOCAL_PG_HOME_ROOT) or let postgres into its parent folders, and run this again"
      return 1
    fi
    return 0
  fi

  if [ -e "$link" ] && [ ! -L "$link" ] && [ -n "$(ls -A "$link" 2>/dev/null)" ]; then
    pg_lib_fail "$link holds files but no PostgreSQL cluster; move it away and run this again"
    return 1
  fi
  if [ "$(id -u)" = 0 ]; then
    home=$(local_cluster_home "$root")
    if ! { install -d -m 755 "$LOCAL_PG_HOME_ROOT" && install -d -m 700 -o postgres -g postgres "$home" && printf '%s\n' "$root" >"$home/clone"; }; then
      pg_lib_fail "cannot prepare $home for the postgres user; check that $LOCAL_PG_HOME_ROOT is writable and the postgres user exists, then run this again"
      return 1
    fi
    LOCAL_PG_DATA="$home/pg"
    # A link to a cluster that is gone, or the empty folder of an attempt that failed, makes way for the new link.
    rm -f "$link" 2>/dev/null || rmdir "$link" 2>/dev/null
    if [ -e "$LOCAL_PG_DATA" ] && [ ! -f "$LOCAL_PG_DATA/PG_VERSION" ]; then rm -rf "$LOCAL_PG_DATA"; fi
    ln -s "$LOCAL_PG_DATA" "$link" || { pg_lib_fail "cannot create the link $link -> $LOCAL_PG_DATA; make the clone writable and run this again"; return 1; }
  else
    rm -f "$link" 2>/dev/null   # a dangling link
    LOCAL_PG_DATA="$link"
  fi

  if [ ! -f "$LOCAL_PG_DATA/PG_VERSION" ]; then
    log="$root/.data/initdb.log"
    if ! pg_as_owner "$bin/initdb" -D "$LOCAL_PG_DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$log" 2>&1; then
      pg_lib_fail "initdb could not create the PostgreSQL cluster in $LOCAL_PG_DATA ($(grep -m1 -iE 'error|fatal' "$log" || tail -n1 "$log")); see $log, fix that and run this again"
      return 1
    fi
    if ! cat >>"$LOCAL_PG_DATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = ''
CONF
    then
      pg_lib_fail "cannot write $LOCAL_PG_DATA/postgresql.conf; remove $LOCAL_PG_DATA and run this again"
      return 1
    fi
  fi
}

# True when something accepts connections on 127.0.0.1:$1.
local_port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Makes (prepare_local_cluster) and starts the clone's cluster, unless it is running. Sets LOCAL_PG_DATA and
# LOCAL_PG_PORT (a running cluster keeps the port it has). $1: the clone's root folder; $2: the port to start on.
start_local_cluster() {
  local root=$1 port=$2 bin log reason who seen
  prepare_local_cluster "$root" "$port" || return 1
  bin=$(pg_bindir)
  if pg_as_owner "$bin/pg_ctl" -D "$LOCAL_PG_DATA" status >/dev/null 2>&1; then
    LOCAL_PG_PORT=$(sed -n 4p "$LOCAL_PG_DATA/postmaster.pid" 2>/dev/null)
    LOCAL_PG_PORT=${LOCAL_PG_PORT:-$port}
    return 0
  fi
  if local_port_in_use "$port"; then
    who=$(ss -Hltnp "sport = :$port" 2>/dev/null | sed -n 's/.*users:((\("[^"]*"\),pid=\([0-9]*\).*/ (\1, pid \2)/p' | head -n1)
    pg_lib_fail "port $port on 127.0.0.1 is taken by another program$who, so PostgreSQL cannot start there; stop that program or choose another port (GOVERNANCE_PG_PORT=$((port + 1)) ops/run)"
    return 1
  fi
  log="$root/.data/pg_ctl.log"
  seen=$(stat -c %s "$LOCAL_PG_DATA/server.log" 2>/dev/null || echo 0)   # the server log of earlier starts is not this one's reason
  if ! pg_as_owner "$bin/pg_ctl" -D "$LOCAL_PG_DATA" -l "$LOCAL_PG_DATA/server.log" -o "-p $port" -w -t 60 start >"$log" 2>&1; then
    reason=$(tail -c +$((seen + 1)) "$LOCAL_PG_DATA/server.log" 2>/dev/null | grep -E 'FATAL|PANIC|ERROR' | tail -n1 | sed -E 's/^.*(FATAL|PANIC|ERROR): +//')
    [ -n "$reason" ] || reason=$(grep -v '^waiting' "$log" | head -n1)
    pg_lib_fail "PostgreSQL did not start on 127.0.0.1:$port: ${reason:-no reason given}; see $LOCAL_PG_DATA/server.log, fix that and run this again"
    return 1
  fi
  LOCAL_PG_PORT=$port
  echo "PostgreSQL started on 127.0.0.1:$port (data in $LOCAL_PG_DATA; stop with: $([ "$(id -u)" = 0 ] && echo "runuser -u postgres -- ")$bin/pg_ctl -D $LOCAL_PG_DATA stop)"
}

# Stops the clone's cluster when it runs. $1: the clone's root folder.
stop_local_cluster() {
  local data bin
  data=$(readlink -f "$1/.data/pg") && [ -f "$data/PG_VERSION" ] || return 0
  bin=$(pg_bindir) || return 0
  pg_as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
}
