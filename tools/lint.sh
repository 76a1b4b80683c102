#!/usr/bin/env bash
# Lint with OCA's 18.0 settings (configuration in pyproject.toml):
#   ruff check + ruff format --check over the repository,
#   pylint + pylint-odoo (OCA mandatory checks) over every addon in addons/.
#
#   tools/lint.sh           check only; exit 1 on any finding
#   tools/lint.sh --fix     ruff check --fix + ruff format (what `make format` does)
#
# Expects the virtualenv (tools/setup.sh); runs every linter before failing.
# shellcheck source=tools/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[[ -x $VENV/bin/ruff ]] || die "No $VENV/bin/ruff: run tools/setup.sh (make setup) first."
cd "$REPO_ROOT"

if [[ ${1:-} == --fix ]]; then
    log "ruff check --fix, ruff format"
    "$VENV/bin/ruff" check --fix --exit-zero --quiet .
    "$VENV/bin/ruff" format .
    log "Left to fix by hand (ruff check):"
    "$VENV/bin/ruff" check --no-fix . || true
    exit 0
fi

failed=()
log "ruff check"
"$VENV/bin/ruff" check --no-fix . || failed+=("ruff check")
log "ruff format --check"
"$VENV/bin/ruff" format --check . || failed+=("ruff format (run: make format)")

addons=()
for manifest in addons/*/__manifest__.py; do
    [[ -f $manifest ]] && addons+=("$(dirname "$manifest")")
done
if ((${#addons[@]})); then
    log "pylint-odoo (OCA mandatory checks) on ${addons[*]}"
    "$VENV/bin/python" -m pylint --rcfile=pyproject.toml "${addons[@]}" || failed+=("pylint-odoo")
else
    warn "No addon in addons/: pylint skipped."
fi

if ((${#failed[@]})); then
    die "Lint failed: $(IFS=,; echo "${failed[*]}")"
fi
log "Lint OK"
