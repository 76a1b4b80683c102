#!/usr/bin/env bash
# `make loadtest`: a platform's busy morning (tools/loadtest/locustfile.py)
# against Odoo in prefork mode, on a copy of DB (default emploi, with its demo
# data) that is dropped afterwards; then the database is checked: every write
# the users were told was saved is there exactly once.
#
#   LOADTEST_TIME    duration (default 90s)       LOADTEST_WORKERS  default 4
#   LOADTEST_USERS   default 48 (40 coaches, 5 secretaries, 3 managers)
#
# Locust runs from its own virtualenv (.local/loadtest-venv), against
# 127.0.0.1 only. Fails on any error or any lost or doubled write; reports the
# p50/p95 per request kind and whether the coaches' p95 stays under 1 s.
# shellcheck source=tools/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

DB=${DB:-emploi}
LOADTEST_TIME=${LOADTEST_TIME:-90s}
LOADTEST_USERS=${LOADTEST_USERS:-48}
LOADTEST_WORKERS=${LOADTEST_WORKERS:-4}
PORT=$((HTTP_PORT + 10))
COPY=loadtest_${DB}
OUT=$LOCAL_DIR/loadtest
LOCUST_VENV=$LOCAL_DIR/loadtest-venv

setup_all
dbtool exists "$DB" || die "Database $DB does not exist (make run creates it with the demo data)."
if [[ ! -x $LOCUST_VENV/bin/locust ]]; then
    log "Installing Locust into $LOCUST_VENV"
    "$PYTHON" -m venv "$LOCUST_VENV"
    "$LOCUST_VENV/bin/pip" install --quiet locust
fi

server=
cleanup() {
    [[ -n $server ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
    dbtool drop "$COPY"
    rm -rf "$LOCAL_DIR/data/filestore/$COPY"
}
trap cleanup EXIT

log "Copying $DB to $COPY (tools/backup.sh: the dump and the filestore)"
dbtool drop "$COPY"
mkdir -p "$OUT"
DB=$DB bash "$REPO_ROOT/tools/backup.sh" backup "$OUT/copy.tar" >/dev/null
DB=$COPY bash "$REPO_ROOT/tools/backup.sh" restore "$OUT/copy.tar" >/dev/null
rm -f "$OUT/copy.tar"

log "Serving $COPY with $LOADTEST_WORKERS workers on 127.0.0.1:$PORT"
"$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$ODOO_CONF" -d "$COPY" --db-filter="^${COPY}\$" \
    --http-interface=127.0.0.1 --http-port="$PORT" --gevent-port=$((PORT + 3)) \
    --workers="$LOADTEST_WORKERS" --max-cron-threads=0 --limit-time-real=600 \
    --log-level=warn --logfile="$OUT/odoo.log" &
server=$!
for _ in $(seq 120); do
    curl -sf -o /dev/null "http://127.0.0.1:$PORT/web/login" && break
    sleep 0.5
done

log "Locust: $LOADTEST_USERS users for $LOADTEST_TIME"
LOADTEST_DB=$COPY LOADTEST_SAVED=$OUT/saved.txt "$LOCUST_VENV/bin/locust" \
    -f "$REPO_ROOT/tools/loadtest/locustfile.py" --headless --only-summary \
    -u "$LOADTEST_USERS" -r 8 -t "$LOADTEST_TIME" --stop-timeout 30 \
    --host "http://127.0.0.1:$PORT" --csv "$OUT/stats" >"$OUT/locust.log" 2>&1 || true
kill "$server" && wait "$server" 2>/dev/null
server=

"$VENV/bin/python" "$REPO_ROOT/tools/loadtest/check.py" "$COPY" "$OUT/stats_stats.csv" "$OUT/saved.txt"
