#!/usr/bin/env bash
# Development server and database chores.
#
#   tools/run.sh serve      setup, create DB with our addons + demo data when
#                           missing, then serve Odoo on http://localhost:HTTP_PORT
#   tools/run.sh update     same, but first `-u ADDONS` on the existing DB
#   tools/run.sh shell      odoo-bin shell on DB
#   tools/run.sh dropdb     drop DB and its filestore
#   tools/run.sh db-start   start the local PostgreSQL cluster
#   tools/run.sh db-stop    stop it
#
# DB (default emploi) names the development database.
# shellcheck source=tools/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

DB=${DB:-emploi}
LOG_IGNORE=${LOG_IGNORE:-}
# WORKERS=N (N > 0) serves in prefork mode: N HTTP workers, one cron worker and
# Odoo's gevent process for the bus (websocket) on GEVENT_PORT.
WORKERS=${WORKERS:-0}
GEVENT_PORT=${GEVENT_PORT:-$((HTTP_PORT + 3))}

install_or_update() {
    local update=$1 logfile
    IFS=, read -ra module_names <<<"$(modules_to_install)"
    if ! dbtool installed "$DB" "${module_names[@]}"; then
        logfile=$LOG_DIR/install-$DB.log
        log "Installing $(modules_to_install) with demo data into database $DB (log: $logfile)"
        odoo_bin -c "$ODOO_CONF" -d "$DB" -i "$(modules_to_install)" --stop-after-init \
            --load-language=fr_FR --logfile="$logfile" ||
            { tail -n 40 "$logfile" >&2; die "Installation failed, see $logfile"; }
    elif [[ -n $update ]]; then
        logfile=$LOG_DIR/update-$DB.log
        : >"$logfile" # Odoo appends: check this run only
        log "Updating $ADDONS in database $DB (log: $logfile)"
        odoo_bin -c "$ODOO_CONF" -d "$DB" -u "$ADDONS" --stop-after-init --logfile="$logfile" ||
            { tail -n 40 "$logfile" >&2; die "Update failed, see $logfile"; }
    else
        log "Database $DB already has $(modules_to_install) installed (make update to upgrade ours)"
        return 0
    fi
    # Report, but don't block the dev server: `make test` is the strict gate.
    "$VENV/bin/python" "$REPO_ROOT/tools/check_odoo_log.py" "$logfile" \
        ${LOG_IGNORE:+--ignore "$LOG_IGNORE"} || warn "See the log records above."
}

serve() {
    local host=localhost
    [[ $HTTP_INTERFACE =~ ^(127\.0\.0\.1|0\.0\.0\.0|)$ ]] || host=$HTTP_INTERFACE
    cat >&2 <<EOF

  ${_B}Odoo 18.0 is starting on http://$host:$HTTP_PORT${_N}  (database $DB)
  Log in with  ${_B}admin${_N} / ${_B}admin${_N}   (demo data user: demo / demo)
  Stop with Ctrl-C. Re-run \`make run\` any time: it reuses the venv and the database.

EOF
    local -a mode=()
    if ((WORKERS > 0)); then
        log "Prefork mode: $WORKERS HTTP workers, 1 cron worker, gevent (bus) on port $GEVENT_PORT"
        mode=(--workers="$WORKERS" --max-cron-threads=1 --gevent-port="$GEVENT_PORT"
            --limit-time-real=600 --limit-time-cpu=300)
    fi
    exec "$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$ODOO_CONF" -d "$DB" --db-filter="^${DB}\$" "${mode[@]}"
}

case ${1:-serve} in
    serve)
        setup_all
        install_or_update ""
        serve
        ;;
    update)
        setup_all
        install_or_update 1
        serve
        ;;
    shell)
        setup_all
        exec "$VENV/bin/python" "$ODOO_SRC/odoo-bin" shell -c "$ODOO_CONF" -d "$DB" --no-http
        ;;
    dropdb)
        ensure_pg
        log "Dropping database $DB"
        dbtool drop "$DB"
        rm -rf "$LOCAL_DIR/data/filestore/$DB"
        ;;
    db-start) ensure_pg ;;
    db-stop)
        pg_settings
        [[ $PG_MODE == local ]] || die "PGHOST is set: not stopping an external server."
        stop_local_pg
        ;;
    *) die "Unknown command $1 (serve, update, shell, dropdb, db-start, db-stop)" ;;
esac
