# shellcheck shell=bash disable=SC2034  # settings used by the scripts sourcing this file
# Shared settings and helpers for the tools/*.sh scripts (sourced, not run).
#
# Every setting can be overridden from the environment (or as a make variable):
#   ODOO_SRC           Odoo 18.0 source tree (default ~/.cache/odoo/18.0; cloned
#                      from GitHub, branch 18.0, when missing)
#   PYTHON             interpreter for the virtualenv (default python3.11)
#   VENV               virtualenv (default <repo>/.venv)
#   LOCAL_DIR          generated files, logs, database cluster (default <repo>/.local)
#   HTTP_PORT          port of `make run` (default 8069)
#   HTTP_INTERFACE     address it listens on (default 127.0.0.1; 0.0.0.0 = all)
#   PGHOST/PGPORT/PGUSER/PGPASSWORD
#                      use that PostgreSQL server when PGHOST is set; otherwise a
#                      local cluster is created and started under .local/
#   LOCAL_PG_PORT      port of that local cluster (default 5433, loopback only)
#   ADDONS             comma-separated addons to install (default: our two)
#   INSTALL_DEPS       other apps installed with them (default
#                      contacts,calendar,hr,crm,project; "none" for none)
#   EXTRA_ADDONS_PATH  comma-separated directories appended to addons_path

set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ODOO_SERIES=18.0
ODOO_REPO_URL=https://github.com/odoo/odoo
ODOO_SRC=${ODOO_SRC:-$HOME/.cache/odoo/$ODOO_SERIES}
if [[ -z ${PYTHON:-} ]]; then
    PYTHON=python3.11
    # e.g. Debian 12, whose python3 is a 3.11 without the python3.11 alias
    if ! command -v python3.11 >/dev/null && command -v python3 >/dev/null &&
        python3 -c 'import sys; sys.exit(not (3, 10) <= sys.version_info[:2] <= (3, 12))'; then
        PYTHON=python3
    fi
fi
VENV=${VENV:-$REPO_ROOT/.venv}
LOCAL_DIR=${LOCAL_DIR:-$REPO_ROOT/.local}
ODOO_CONF=$LOCAL_DIR/odoo.conf
LOG_DIR=$LOCAL_DIR/logs
HTTP_PORT=${HTTP_PORT:-8069}
HTTP_INTERFACE=${HTTP_INTERFACE:-127.0.0.1}
LOCAL_PG_PORT=${LOCAL_PG_PORT:-5433}
ADDONS=${ADDONS:-emploi_accompagne,emploi_accompagne_reports,emploi_accompagne_portal}
# Other apps installed beside ours, by `make run` and `make test` alike, so that
# the development database matches the CI one ("none" for none).
INSTALL_DEPS=${INSTALL_DEPS:-contacts,calendar,hr,crm,project}
if [[ $INSTALL_DEPS == none ]]; then INSTALL_DEPS=; fi
EXTRA_ADDONS_PATH=${EXTRA_ADDONS_PATH:-}
export PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1

# ---------------------------------------------------------------- messages
if [[ -t 2 ]]; then _B=$'\e[1m' _R=$'\e[31m' _Y=$'\e[33m' _N=$'\e[0m'; else _B='' _R='' _Y='' _N=''; fi
_T0=$SECONDS
log() { printf '%s==> [%3ss] %s%s\n' "$_B" "$((SECONDS - _T0))" "$*" "$_N" >&2; }
warn() { printf '%sWARNING: %s%s\n' "$_Y" "$*" "$_N" >&2; }
die() {
    printf '%sERROR: %s%s\n' "$_R" "$*" "$_N" >&2
    exit 1
}
is_root() { [[ $(id -u) -eq 0 ]]; }

# ---------------------------------------------------------------- commands
# Odoo's editable `odoo` console script needs pkg_resources; call odoo-bin.
odoo_bin() { "$VENV/bin/python" "$ODOO_SRC/odoo-bin" "$@"; }

# pip, without the "Location ... is ignored" noise of this machine's pip.conf.
pip_install() {
    "$VENV/bin/python" -m pip install --quiet "$@" 2>&1 | { grep -v 'is ignored' || true; }
}

_APT_UPDATED=
apt_install() {
    is_root || return 1
    command -v apt-get >/dev/null || return 1
    export DEBIAN_FRONTEND=noninteractive
    if [[ -z $_APT_UPDATED ]]; then
        apt-get update -qq >/dev/null
        _APT_UPDATED=1
    fi
    log "apt-get install $*"
    apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# Comma-separated addons path: Odoo's addons, then ours, then extras.
odoo_addons_path() {
    local path="$ODOO_SRC/addons,$ODOO_SRC/odoo/addons,$REPO_ROOT/addons"
    [[ -n $EXTRA_ADDONS_PATH ]] && path+=",$EXTRA_ADDONS_PATH"
    printf '%s\n' "$path"
}

# The -i list: INSTALL_DEPS then ADDONS.
modules_to_install() { printf '%s\n' "${INSTALL_DEPS:+$INSTALL_DEPS,}$ADDONS"; }

# Directory of one addon, looked up in the repo then in EXTRA_ADDONS_PATH.
addon_dir() {
    local name=$1 dir
    local -a dirs=("$REPO_ROOT/addons")
    IFS=, read -ra extra <<<"$EXTRA_ADDONS_PATH"
    dirs+=("${extra[@]}")
    for dir in "${dirs[@]}"; do
        [[ -f $dir/$name/__manifest__.py ]] && { printf '%s\n' "$dir/$name"; return 0; }
    done
    return 1
}

# ---------------------------------------------------------------- database
# Sets DB_HOST/DB_PORT/DB_USER/DB_PASSWORD and exports the matching PG* variables
# (psql, createdb, tools/db.py and pytest-odoo's xdist mode rely on them).
pg_settings() {
    # PGHOST exported by a parent script of ours for the local cluster (its
    # EMPLOI_PG_MODE says so) is not an external server.
    if [[ -n ${PGHOST:-} && ${EMPLOI_PG_MODE:-} != local ]]; then
        PG_MODE=external
        DB_HOST=$PGHOST
        DB_PORT=${PGPORT:-5432}
        DB_USER=${PGUSER:-odoo}
        DB_PASSWORD=${PGPASSWORD:-}
    else
        PG_MODE=local
        DB_HOST=127.0.0.1
        DB_PORT=$LOCAL_PG_PORT
        DB_USER=odoo
        DB_PASSWORD=odoo
    fi
    export PGHOST=$DB_HOST PGPORT=$DB_PORT PGUSER=$DB_USER EMPLOI_PG_MODE=$PG_MODE
    if [[ -n $DB_PASSWORD ]]; then export PGPASSWORD=$DB_PASSWORD; fi
}

# Small database helper running on the venv's psycopg2 (no psql needed).
dbtool() { "$VENV/bin/python" "$REPO_ROOT/tools/db.py" "$@"; }
