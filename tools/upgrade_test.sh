#!/usr/bin/env bash
# `make upgrade-test`: install the previous release with its demo data, upgrade
# it to the working tree, and fail on any error or warning of the upgrade.
#
#   UPGRADE_FROM   the release to upgrade from (default: the tag 18.0.1.0.0,
#                  made from main on 2026-12-02; recreated from its commit
#                  when a clone has no tags)
#   KEEP_DB=1      keep the upgraded database to inspect it
#
# Every data-model change bumps its addon's version and ships the migration
# script (addons/<addon>/migrations/<version>/) that this upgrade runs.
# shellcheck source=tools/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

RELEASE_TAG=18.0.1.0.0
RELEASE_COMMIT=8092960d6ffda9224734c5472024c6509161ad36
UPGRADE_FROM=${UPGRADE_FROM:-$RELEASE_TAG}

setup_all
cd "$REPO_ROOT"
if [[ $UPGRADE_FROM == "$RELEASE_TAG" ]] && ! git rev-parse -q --verify "refs/tags/$RELEASE_TAG" >/dev/null; then
    git tag "$RELEASE_TAG" "$RELEASE_COMMIT"
fi
git rev-parse -q --verify "$UPGRADE_FROM^{commit}" >/dev/null ||
    die "$UPGRADE_FROM is not a release of this repository."

base=$LOCAL_DIR/upgrade-from-$UPGRADE_FROM
rm -rf "$base"
mkdir -p "$base"
git archive "$UPGRADE_FROM" addons | tar -x -C "$base"
base_addons=$(cd "$base/addons" && ls -d */ | tr -d / | paste -sd, -)
new_addons=$(tr , '\n' <<<"$ADDONS" | grep -vxF -f <(tr , '\n' <<<"$base_addons") | paste -sd, - || true)
DB_UP=upgrade_$(date +%Y%m%d_%H%M%S)_$$
cleanup() {
    [[ -n ${KEEP_DB:-} ]] && return 0
    dbtool drop "$DB_UP" || true
    rm -rf "$LOCAL_DIR/data/filestore/$DB_UP" "$base"
}
trap cleanup EXIT

install_log=$LOG_DIR/upgrade-install-$DB_UP.log
log "Installing $UPGRADE_FROM ($base_addons) with demo data into $DB_UP"
odoo_bin -c "$ODOO_CONF" -d "$DB_UP" \
    --addons-path="$ODOO_SRC/addons,$ODOO_SRC/odoo/addons,$base/addons" \
    -i "${INSTALL_DEPS:+$INSTALL_DEPS,}$base_addons" --stop-after-init \
    --logfile="$install_log" || { tail -n 40 "$install_log" >&2; die "$UPGRADE_FROM did not install."; }

upgrade_log=$LOG_DIR/upgrade-$DB_UP.log
log "Upgrading to the working tree: -u $base_addons${new_addons:+, -i $new_addons}"
odoo_bin -c "$ODOO_CONF" -d "$DB_UP" -u "$base_addons" ${new_addons:+-i "$new_addons"} \
    --stop-after-init --logfile="$upgrade_log" ||
    { tail -n 40 "$upgrade_log" >&2; die "The upgrade failed (see $upgrade_log)."; }
"$VENV/bin/python" "$REPO_ROOT/tools/check_odoo_log.py" --pattern . "$upgrade_log" ||
    die "The upgrade logged errors or warnings (above)."
IFS=, read -ra addon_names <<<"$ADDONS"
dbtool installed "$DB_UP" "${addon_names[@]}" || die "Not every addon of $ADDONS is installed after the upgrade."
log "Upgrade from $UPGRADE_FROM OK (log: $upgrade_log)"
