#!/usr/bin/env bash
# A hot-standby PostgreSQL replica of the local cluster, on the same machine
# (`make replica`), for Odoo 18's read-only routing: the generated
# .local/odoo.conf then points db_replica_host/db_replica_port at it, and
# read-only requests (the funder spreadsheet, the analyses, certified reports'
# printing) are served from it while every write goes to the primary.
#
#   tools/replica.sh start    create it when missing (pg_basebackup, streaming
#                             replication) and start it on REPLICA_PORT
#   tools/replica.sh stop     stop it (odoo.conf keeps pointing at it: Odoo
#                             falls back to the primary, with a warning)
#   tools/replica.sh drop     stop and delete it (odoo.conf no longer uses it)
#   tools/replica.sh status   primary and replica positions, replication lag
#   tools/replica.sh check    serve DB (demo data) with Odoo and prove that the
#                             funder spreadsheet comes from the replica
#
# REPLICA_PORT defaults to LOCAL_PG_PORT + 2 (5435). Local cluster only.
# shellcheck source=tools/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

# pg_settings exports PGHOST: call it (or ensure_pg) once only.
if [[ ${1:-start} == start ]]; then ensure_pg; else pg_settings; fi
[[ $PG_MODE == local ]] || die "PGHOST is set: a replica of an external server is that server's administrator's job."
bindir=$(pg_bindir) || die "PostgreSQL binaries not found (make setup)."
data=$(replica_dir)

replica_sql() {
    PGPORT=$REPLICA_PORT "$VENV/bin/python" - "$@" <<'PY'
import sys, psycopg2
with psycopg2.connect(dbname="postgres", connect_timeout=5) as conn, conn.cursor() as cr:
    cr.execute(sys.argv[1])
    print(*cr.fetchone())
PY
}

start() {
    if [[ ! -f $data/PG_VERSION ]]; then
        log "Creating the replica in $data (pg_basebackup from 127.0.0.1:$LOCAL_PG_PORT)"
        mkdir -p "$data"
        if is_root; then chown postgres: "$data"; fi
        chmod 700 "$data"
        as_pg_owner env PGPASSWORD="$DB_PASSWORD" "$bindir/pg_basebackup" \
            --host=127.0.0.1 --port="$LOCAL_PG_PORT" --username="$DB_USER" \
            --pgdata="$data" --write-recovery-conf --wal-method=stream \
            --checkpoint=fast --no-password ||
            die "pg_basebackup failed."
    fi
    start_replica_if_any "$bindir"
    [[ $(replica_sql "SELECT pg_is_in_recovery()") == True ]] ||
        die "The server on port $REPLICA_PORT is not a standby."
    write_odoo_conf
    log "Replica ready: $ODOO_CONF routes read-only requests to 127.0.0.1:$REPLICA_PORT"
}

stop() {
    [[ -f $data/PG_VERSION ]] || return 0
    if as_pg_owner "$bindir/pg_ctl" --pgdata="$data" status >/dev/null 2>&1; then
        log "Stopping the replica"
        as_pg_owner "$bindir/pg_ctl" --pgdata="$data" --mode=fast --wait stop >/dev/null
    fi
}

case ${1:-start} in
    start) start ;;
    stop) stop ;;
    drop) stop; rm -rf "$data"; write_odoo_conf; log "Replica deleted" ;;
    check)
        [[ -f $data/PG_VERSION ]] || die "No replica: make replica first."
        "$VENV/bin/python" "$REPO_ROOT/tools/replica_check.py" "$ODOO_SRC/odoo-bin" \
            "$ODOO_CONF" "${DB:-emploi}" "${CHECK_HTTP_PORT:-$((HTTP_PORT + 7))}" "$REPLICA_PORT" ||
            die "The replica check failed."
        ;;
    status)
        replica_sql "SELECT pg_last_wal_replay_lsn(), now() - pg_last_xact_replay_timestamp()" ;;
    *) sed -n '2,/^# shellcheck/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 2 ;;
esac
