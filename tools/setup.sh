#!/usr/bin/env bash
# Idempotent development setup: Odoo source, virtualenv, PostgreSQL, odoo.conf
# (and, with --browser, a Chromium for HttpCase tours).
#
#   tools/setup.sh [--browser|--venv]   (or source it and call setup_all)
#     --browser  also install Chromium (HttpCase tours) and wkhtmltopdf (PDF
#                reports) when missing
#     --venv     only the Odoo source and the virtualenv (what lint needs)
#
# A second run only checks stamps and a running server: it takes seconds.
# shellcheck source=tools/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# ---------------------------------------------------------------- Odoo source
ensure_odoo_src() {
    if [[ -f $ODOO_SRC/odoo-bin && -f $ODOO_SRC/requirements.txt ]]; then
        return 0
    fi
    if [[ -e $ODOO_SRC ]] && [[ -n $(ls -A "$ODOO_SRC" 2>/dev/null) ]]; then
        die "ODOO_SRC=$ODOO_SRC exists but is not an Odoo source tree (no odoo-bin)."
    fi
    command -v git >/dev/null || die "git is needed to clone Odoo into ODOO_SRC=$ODOO_SRC"
    log "Cloning Odoo $ODOO_SERIES into $ODOO_SRC (shallow)"
    mkdir -p "$(dirname "$ODOO_SRC")"
    git clone --quiet --depth 1 --branch "$ODOO_SERIES" "$ODOO_REPO_URL" "$ODOO_SRC"
}

# ---------------------------------------------------------------- virtualenv
# The pip steps run again only when one of these inputs changes.
setup_hash() {
    {
        "$PYTHON" -c 'import sys; print(sys.version)'
        printf '%s\n' "$ODOO_SRC"
        cat "$ODOO_SRC/requirements.txt" "$ODOO_SRC/setup.py" \
            "$REPO_ROOT/requirements-dev.txt" "$REPO_ROOT/tools/odoo_requirements.py"
    } | sha256sum | cut -c1-16
}

ensure_venv() {
    command -v "$PYTHON" >/dev/null ||
        die "$PYTHON not found: set PYTHON=... (Odoo 18 supports Python 3.10 to 3.12; tested with 3.11)."
    local stamp
    stamp="$VENV/.setup-$(setup_hash)"
    if [[ -f $stamp && -x $VENV/bin/python ]]; then
        return 0
    fi
    if [[ ! -x $VENV/bin/python ]]; then
        log "Creating virtualenv $VENV ($("$PYTHON" --version))"
        "$PYTHON" -m venv "$VENV"
    fi
    rm -f "$VENV"/.setup-*
    mkdir -p "$LOCAL_DIR"
    log "Installing Odoo's Python requirements (pip, a few minutes the first time)"
    pip_install packaging
    "$VENV/bin/python" "$REPO_ROOT/tools/odoo_requirements.py" "$ODOO_SRC/requirements.txt" \
        >"$LOCAL_DIR/odoo-requirements.txt"
    pip_install -r "$LOCAL_DIR/odoo-requirements.txt"
    log "Installing Odoo from $ODOO_SRC (editable)"
    # compat mode puts ODOO_SRC on sys.path through a .pth file, so `odoo` stays
    # a regular package even once site-packages/odoo/addons/ exists (OCA addon
    # wheels such as report_xlsx install there).
    pip_install --no-deps --config-settings editable_mode=compat -e "$ODOO_SRC"
    log "Installing requirements-dev.txt"
    pip_install -r "$REPO_ROOT/requirements-dev.txt" -c "$LOCAL_DIR/odoo-requirements.txt"
    "$VENV/bin/python" -m pip check 2>&1 | { grep -v 'is ignored' || true; }
    touch "$stamp"
}

# ---------------------------------------------------------------- PostgreSQL
pg_bindir() {
    local dir
    # Debian/Ubuntu layout: newest major version first.
    for dir in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -t/ -k4 -V -r); do
        [[ -x $dir/pg_ctl && -x $dir/initdb ]] && { printf '%s\n' "$dir"; return 0; }
    done
    command -v pg_ctl >/dev/null && { dirname "$(command -v pg_ctl)"; return 0; }
    return 1
}

# Run a PostgreSQL server command as the cluster owner (postgres when we are root:
# the server refuses to run as root).
as_pg_owner() {
    # From /: the postgres user may not be allowed into the current directory.
    if is_root; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

# Where the local cluster lives. When root, the postgres user must be able to
# reach it: if the checkout sits under a directory it cannot traverse (mktemp -d
# makes 0700 directories), fall back to a per-checkout folder of its home.
local_pg_dir() {
    local dir=$LOCAL_DIR/postgresql
    if is_root && ! runuser -u postgres -- test -x "$LOCAL_DIR"; then
        local key
        key=$(printf '%s' "$REPO_ROOT" | sha256sum | cut -c1-12)
        dir=$(getent passwd postgres | cut -d: -f6)/emploi-accompagne-$key
    fi
    printf '%s\n' "$dir"
}

ensure_local_pg() {
    local bindir pgdir data port running_port
    if ! bindir=$(pg_bindir); then
        if is_root && command -v apt-get >/dev/null; then
            apt_install postgresql
            bindir=$(pg_bindir) || die "PostgreSQL installed but pg_ctl not found."
        else
            die "PostgreSQL server binaries not found. Install them (Debian/Ubuntu:" \
                "sudo apt-get install postgresql) or point PGHOST/PGPORT/PGUSER/PGPASSWORD" \
                "at an existing server."
        fi
    fi
    if is_root && ! getent passwd postgres >/dev/null; then
        useradd --system --home-dir /var/lib/postgresql --create-home --shell /bin/bash postgres
    fi
    mkdir -p "$LOCAL_DIR"
    pgdir=$(local_pg_dir)
    data=$pgdir/data
    port=$LOCAL_PG_PORT
    if [[ ! -f $data/PG_VERSION ]]; then
        log "Creating the local PostgreSQL cluster in $data"
        [[ $pgdir == "$LOCAL_DIR/postgresql" ]] || warn "$LOCAL_DIR is not reachable by" \
            "the postgres user; the cluster lives in $pgdir instead."
        mkdir -p "$pgdir"
        if is_root; then chown postgres: "$pgdir"; fi
        chmod 700 "$pgdir"
        local pwfile
        pwfile=$(mktemp)
        printf 'odoo\n' >"$pwfile"
        if is_root; then chown postgres "$pwfile"; fi
        # The bootstrap superuser is `odoo` (Odoo refuses to connect as postgres),
        # password `odoo`, TCP on loopback only, no Unix socket.
        as_pg_owner "$bindir/initdb" --pgdata="$data" --username=odoo --pwfile="$pwfile" \
            --auth=scram-sha-256 --encoding=UTF8 --locale=C >"$pgdir/initdb.log" 2>&1 ||
            { cat "$pgdir/initdb.log" >&2; rm -f "$pwfile"; die "initdb failed"; }
        rm -f "$pwfile"
        # A disposable development cluster: trade durability on power loss for
        # speed (module installs are much faster without fsync).
        cat >>"$data/postgresql.conf" <<'EOF'

# --- emploi_accompagne development cluster (tools/setup.sh) ---
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
EOF
    fi
    if as_pg_owner "$bindir/pg_ctl" --pgdata="$data" status >/dev/null 2>&1; then
        running_port=$(sed -n 4p "$data/postmaster.pid")
        [[ $running_port == "$port" ]] && return 0
        log "Local PostgreSQL runs on port $running_port, restarting it on $port"
        as_pg_owner "$bindir/pg_ctl" --pgdata="$data" --mode=fast --wait stop >/dev/null
    fi
    log "Starting the local PostgreSQL server on 127.0.0.1:$port"
    if ! as_pg_owner "$bindir/pg_ctl" --pgdata="$data" --log="$pgdir/server.log" \
        --options="-p $port" --wait --timeout=60 start >/dev/null; then
        tail -n 20 "$pgdir/server.log" >&2 || true
        die "PostgreSQL did not start (is port $port taken? set LOCAL_PG_PORT=...)"
    fi
    # shellcheck disable=SC2034  # read by tools/test.sh
    PG_STARTED_HERE=1
    start_replica_if_any "$bindir"
}

# The replica of `make replica`, if there is one, runs with its primary.
start_replica_if_any() {
    local bindir=$1 replica
    replica=$(replica_dir)
    [[ -f $replica/PG_VERSION ]] || return 0
    as_pg_owner "$bindir/pg_ctl" --pgdata="$replica" status >/dev/null 2>&1 && return 0
    log "Starting the replica on 127.0.0.1:$REPLICA_PORT"
    as_pg_owner "$bindir/pg_ctl" --pgdata="$replica" --log="$replica/../replica.log" \
        --options="-p $REPLICA_PORT" --wait --timeout=60 start >/dev/null ||
        warn "The replica did not start: Odoo reads from the primary (see $replica/../replica.log)."
}

# The hot standby of `make replica` (tools/replica.sh), beside the cluster.
replica_dir() { printf '%s/replica\n' "$(local_pg_dir)"; }
REPLICA_PORT=${REPLICA_PORT:-$((LOCAL_PG_PORT + 2))}

# odoo.conf lines routing read-only requests to the replica, when it exists.
replica_conf() {
    [[ ${PG_MODE:-} == local && -f $(replica_dir)/PG_VERSION ]] || return 0
    printf 'db_replica_host = 127.0.0.1\ndb_replica_port = %s\n' "$REPLICA_PORT"
}

stop_local_pg() {
    local bindir data
    bindir=$(pg_bindir) || return 0
    data=$(local_pg_dir)/data
    [[ -f $data/PG_VERSION ]] || return 0
    if as_pg_owner "$bindir/pg_ctl" --pgdata="$(replica_dir)" status >/dev/null 2>&1; then
        log "Stopping the replica"
        as_pg_owner "$bindir/pg_ctl" --pgdata="$(replica_dir)" --mode=fast --wait stop >/dev/null
    fi
    if as_pg_owner "$bindir/pg_ctl" --pgdata="$data" status >/dev/null 2>&1; then
        log "Stopping the local PostgreSQL server"
        as_pg_owner "$bindir/pg_ctl" --pgdata="$data" --mode=fast --wait stop >/dev/null
    fi
}

ensure_pg() {
    pg_settings
    if [[ $PG_MODE == local ]]; then
        ensure_local_pg
    else
        log "Using the PostgreSQL server at $DB_HOST:$DB_PORT as $DB_USER"
    fi
    dbtool wait 30 || die "Cannot connect to PostgreSQL at $DB_HOST:$DB_PORT as $DB_USER."
}

# ---------------------------------------------------------------- odoo.conf
write_odoo_conf() {
    mkdir -p "$LOCAL_DIR/data" "$LOCAL_DIR/screenshots" "$LOG_DIR"
    local tmp
    tmp=$(mktemp "$LOCAL_DIR/odoo.conf.XXXXXX")
    cat >"$tmp" <<EOF
; Generated by tools/setup.sh on every run: edit the script, not this file.
[options]
addons_path = $(odoo_addons_path)
data_dir = $LOCAL_DIR/data
db_host = $DB_HOST
db_port = $DB_PORT
db_user = $DB_USER
db_password = ${DB_PASSWORD:-False}
db_name = ${DB:-emploi}
admin_passwd = admin
screenshots = $LOCAL_DIR/screenshots
http_interface = $HTTP_INTERFACE
http_port = $HTTP_PORT
list_db = False
without_demo = False
workers = 0
max_cron_threads = 1
EOF
    replica_conf >>"$tmp"
    mv "$tmp" "$ODOO_CONF"
}

# ---------------------------------------------------------------- browser
browser_path() {
    local bin
    for bin in google-chrome chromium chromium-browser google-chrome-stable; do
        command -v "$bin" 2>/dev/null && return 0
    done
    return 1
}

ensure_browser() {
    browser_path >/dev/null && return 0
    if apt_install chromium fonts-dejavu-core; then
        browser_path >/dev/null && return 0
    fi
    warn "No Chrome/Chromium found and cannot install one (needs root and apt-get):" \
        "HttpCase tours (start_tour/browser_js) will be SKIPPED."
}

# wkhtmltopdf renders the PDF reports (committee minutes) and their tests.
ensure_wkhtmltopdf() {
    command -v wkhtmltopdf >/dev/null && return 0
    apt_install wkhtmltopdf fonts-dejavu-core && return 0
    warn "No wkhtmltopdf and cannot install it: PDF reports and their tests will fail."
}

setup_all() {
    local browser=
    [[ ${1:-} == --browser ]] && browser=1
    ensure_odoo_src
    ensure_venv
    if [[ ${1:-} == --venv ]]; then return 0; fi
    ensure_pg
    write_odoo_conf
    if [[ -n $browser ]]; then
        ensure_browser
        ensure_wkhtmltopdf
    fi
    log "Setup done: $ODOO_CONF (PostgreSQL $DB_HOST:$DB_PORT, $PG_MODE)"
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    setup_all "$@"
fi
