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
    # Odoo's export reads the Python sources with babel, which gives up on a
    # file at the first string it cannot evaluate (an f-string inside a call
    # to _()): every string after it would silently stay in English.
    log "translatable strings readable by the export (babel)"
    "$VENV/bin/python" - "${addons[@]}" <<'PY' || failed+=("translation export")
import io
import sys
from pathlib import Path

from babel.messages.extract import extract_python

bad = 0
for addon in sys.argv[1:]:
    for path in sorted(Path(addon).rglob("*.py")):
        try:
            list(extract_python(io.BytesIO(path.read_bytes()), ["_", "_lt"], [], {}))
        except Exception as error:  # noqa: BLE001 - any failure loses strings
            print(f"{path}: the export stops reading here: {error}")
            bad += 1
sys.exit(1 if bad else 0)
PY
else
    warn "No addon in addons/: pylint skipped."
fi

if ((${#failed[@]})); then
    die "Lint failed: $(IFS=,; echo "${failed[*]}")"
fi
log "Lint OK"
