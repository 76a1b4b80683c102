#!/usr/bin/env bash
# The test suite (`make test`, run by .ci/run):
#   1. setup (venv, Odoo, PostgreSQL, odoo.conf, Chromium for tours)
#   2. lint (tools/lint.sh)
#   3. a throwaway database with INSTALL_DEPS + ADDONS installed, demo data
#      included; the install log must have no ERROR/CRITICAL record and no
#      WARNING record mentioning our addons (tools/check_odoo_log.py)
#   4. pytest-odoo over addons/<addon>/tests and tests/, HTTP server on so that
#      HttpCase and tours run
#   5. Odoo's own tests of the apps we extend (CORE_TEST_TAGS, default the
#      calendar's) on that database: installing us must break nobody's app;
#   6. the database and its filestore are dropped, whatever happened.
#
#   tools/test.sh                 the whole suite
#   tools/test.sh --db NAME       fast loop: only pytest, on an existing database
#                                 (UPDATE=1 first runs `-u ADDONS` on it)
#
# Environment (also make variables): PYTEST_ARGS (extra pytest arguments, e.g.
# "-k caseload -x"), ADDONS, INSTALL_DEPS, TEST_PATHS (replace the collected
# paths), SKIP_LINT=1, KEEP_DB=1 (keep the throwaway database to inspect it),
# LOG_IGNORE (regex of log records to tolerate), ODOO_TEST_LOG_LEVEL (Odoo's
# log level during pytest, default warn).
# shellcheck source=tools/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

DEFAULT_ADDONS=emploi_accompagne,emploi_accompagne_reports,emploi_accompagne_portal
PYTEST_ARGS=${PYTEST_ARGS:-}
TEST_PATHS=${TEST_PATHS:-}
ODOO_TEST_LOG_LEVEL=${ODOO_TEST_LOG_LEVEL:-warn}
LOG_IGNORE=${LOG_IGNORE:-}
# TestMailActivityMixin fails the same way on a database without our addons
# (KeyError 'crm.team' in its setUpClass once crm is installed): left out.
CORE_TEST_TAGS=${CORE_TEST_TAGS:-/calendar,-/calendar:TestMailActivityMixin}
CORE_TEST_HTTP_PORT=${CORE_TEST_HTTP_PORT:-8079}

reuse_db=
while (($#)); do
    case $1 in
        --db) reuse_db=${2:?--db needs a database name}; shift 2 ;;
        -h | --help) sed -n '2,/^# shellcheck/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "Unknown argument $1 (pytest arguments go in PYTEST_ARGS)" ;;
    esac
done

# Test paths: each addon's tests/ folder, plus the cross-module scenarios in
# tests/ when the default addons are under test.
collect_test_paths() {
    TESTS=()
    if [[ -n $TEST_PATHS ]]; then
        read -ra TESTS <<<"$TEST_PATHS"
        return 0
    fi
    local addon dir
    IFS=, read -ra addon_list <<<"$ADDONS"
    for addon in "${addon_list[@]}"; do
        dir=$(addon_dir "$addon") || die "Addon $addon not found in addons/ or EXTRA_ADDONS_PATH."
        [[ -d $dir/tests ]] && TESTS+=("$dir/tests")
    done
    if [[ $ADDONS == "$DEFAULT_ADDONS" ]] && [[ -n $(find "$REPO_ROOT/tests" -name 'test_*.py' 2>/dev/null) ]]; then
        TESTS+=("$REPO_ROOT/tests")
    fi
    ((${#TESTS[@]})) || die "No tests/ folder in $ADDONS: nothing to test."
}

run_pytest() {
    local db=$1 rc summary
    local -a extra=()
    # Shell words, so that PYTEST_ARGS='-k "caseload and not ui"' works.
    eval "extra=($PYTEST_ARGS)"
    log "pytest on database $db: ${TESTS[*]#"$REPO_ROOT/"} ${extra[*]}"
    cd "$REPO_ROOT"
    set +e
    # The log-handler silences the "Importing test framework ... not running in
    # test mode" error: pytest-odoo imports odoo.tests before it sets test_enable
    # (on purpose: set globally, it would run at_install tests at registry load).
    "$VENV/bin/python" -m pytest --rootdir="$REPO_ROOT" -c "$REPO_ROOT/setup.cfg" \
        --odoo-database="$db" --odoo-config="$ODOO_CONF" --odoo-http \
        --odoo-log-level="$ODOO_TEST_LOG_LEVEL" --odoo-extra=log-handler=odoo.tests.common:CRITICAL \
        "${TESTS[@]}" "${extra[@]}" 2>&1 |
        tee "$LOG_DIR/pytest-$db.log"
    rc=${PIPESTATUS[0]}
    set -e
    summary=$(grep -E '^(=+ )?[0-9a-z, ]+ in [0-9.]+s' "$LOG_DIR/pytest-$db.log" | tail -n 1 |
        sed -E 's/^=+ | =+$//g' || true)
    log "pytest summary: ${summary:-none} (exit code $rc, log $LOG_DIR/pytest-$db.log)"
    case $rc in
        0) ;;
        5) die "pytest collected no test: that is a failure." ;;
        *) die "pytest failed (exit code $rc)." ;;
    esac
    # In CI a skipped test (a tour without Chromium, say) is a test not run.
    if [[ -n ${CI:-} && $summary == *skipped* ]]; then
        die "pytest skipped tests ($summary): in CI that is a failure."
    fi
}

# Odoo's own tests (at_install and post_install alike) on a database where our
# addons are installed with their demo data.
run_core_tests() {
    local db=$1 logfile=$LOG_DIR/core-tests-$1.log
    [[ $CORE_TEST_TAGS != none ]] || return 0
    log "Odoo's own tests $CORE_TEST_TAGS on $db (log: $logfile)"
    # Their tours are timing-sensitive on a loaded 2-core machine (the decline
    # tour once timed out in CI and passed on every rerun): a failed test runs
    # once more, as on Odoo's runbot; one that fails twice fails the suite.
    if ! ODOO_TEST_FAILURE_RETRIES=1 odoo_bin -c "$ODOO_CONF" -d "$db" --test-tags "$CORE_TEST_TAGS" --stop-after-init \
        --http-port="$CORE_TEST_HTTP_PORT" --logfile="$logfile"; then
        grep -E ' (ERROR|CRITICAL) ' "$logfile" | head -n 40 >&2
        die "Odoo's own tests failed with our addons installed (see $logfile)."
    fi
    grep -E 'odoo.tests.(stats|result)' "$logfile" | tail -n 3 || true
}

cleanup() {
    local rc=$?
    set +e
    if [[ -n ${REPLICA_MADE:-} ]]; then
        bash "$REPO_ROOT/tools/replica.sh" drop >/dev/null
    fi
    if [[ -n ${TEST_DB:-} ]]; then
        if [[ -n ${KEEP_DB:-} ]]; then
            warn "KEEP_DB set: database $TEST_DB kept (drop it with: make dropdb DB=$TEST_DB)."
        else
            log "Dropping database $TEST_DB"
            dbtool drop "$TEST_DB" || warn "Could not drop database $TEST_DB"
            rm -rf "$LOCAL_DIR/data/filestore/$TEST_DB"
        fi
    fi
    # In CI, leave no server behind if this run started it.
    if [[ ${CI:-} == true && -n ${PG_STARTED_HERE:-} ]]; then stop_local_pg; fi
    exit "$rc"
}

trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

setup_all --browser
collect_test_paths

if [[ -n $reuse_db ]]; then
    dbtool exists "$reuse_db" || die "Database $reuse_db does not exist (make run creates one)."
    if [[ -n ${UPDATE:-} ]]; then
        log "Updating $ADDONS in $reuse_db"
        : >"$LOG_DIR/update-$reuse_db.log" # Odoo appends: check this run only
        odoo_bin -c "$ODOO_CONF" -d "$reuse_db" -u "$ADDONS" --stop-after-init \
            --logfile="$LOG_DIR/update-$reuse_db.log" ||
            die "Update failed, see $LOG_DIR/update-$reuse_db.log"
        "$VENV/bin/python" "$REPO_ROOT/tools/check_odoo_log.py" "$LOG_DIR/update-$reuse_db.log" \
            ${LOG_IGNORE:+--ignore "$LOG_IGNORE"}
    fi
    run_pytest "$reuse_db"
    exit 0
fi

if [[ -z ${SKIP_LINT:-} ]]; then
    bash "$REPO_ROOT/tools/lint.sh"
fi

TEST_DB=test_emploi_$(date +%Y%m%d_%H%M%S)_$$

install_log=$LOG_DIR/install-$TEST_DB.log
log "Installing $(modules_to_install) with demo data into $TEST_DB (log: $install_log)"
if ! odoo_bin -c "$ODOO_CONF" -d "$TEST_DB" -i "$(modules_to_install)" --stop-after-init \
    --log-level=info --logfile="$install_log"; then
    tail -n 60 "$install_log" >&2
    die "Odoo exited with an error while installing the addons."
fi
IFS=, read -ra addon_names <<<"$ADDONS"
dbtool installed "$TEST_DB" "${addon_names[@]}" ||
    die "The addons $ADDONS are not all installed in $TEST_DB (see $install_log)."
"$VENV/bin/python" "$REPO_ROOT/tools/check_odoo_log.py" "$install_log" \
    ${LOG_IGNORE:+--ignore "$LOG_IGNORE"} || die "The install log has errors or warnings (above)."
run_pytest "$TEST_DB"
run_core_tests "$TEST_DB"
# Backup and restore of the demo database: same rows in every table, same
# attachments.
DB=$TEST_DB bash "$REPO_ROOT/tools/backup.sh" roundtrip
# The funder spreadsheet served from a hot-standby replica (one made for the
# check is deleted afterwards, one of the developer's is kept).
if [[ $PG_MODE == local ]]; then
    [[ -f $(replica_dir)/PG_VERSION ]] || REPLICA_MADE=1
    bash "$REPO_ROOT/tools/replica.sh" start
    DB=$TEST_DB bash "$REPO_ROOT/tools/replica.sh" check
else
    warn "PGHOST is set: the replica check needs the local cluster, skipped."
fi
# The previous release, with demo data, upgraded to this tree.
bash "$REPO_ROOT/tools/upgrade_test.sh"
log "All checks passed"
