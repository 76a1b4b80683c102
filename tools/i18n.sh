#!/usr/bin/env bash
# Refresh the translation templates and the French catalogues (`make i18n`):
#   1. upgrade ADDONS on DB (default emploi) so that the export sees every string
#   2. export i18n/<addon>.pot for each addon
#   3. merge it into i18n/fr.po (no fuzzy matching: a changed string is untranslated)
#   4. list what is left to translate; exit 1 when something is
# shellcheck source=tools/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

DB=${DB:-emploi}
setup_all
dbtool exists "$DB" || die "Database $DB does not exist (make run creates one)."
log "Updating $ADDONS in $DB"
odoo_bin -c "$ODOO_CONF" -d "$DB" -u "$ADDONS" --stop-after-init --logfile="$LOG_DIR/i18n-$DB.log" ||
    die "Update failed, see $LOG_DIR/i18n-$DB.log"

missing=0
IFS=, read -ra addon_names <<<"$ADDONS"
for addon in "${addon_names[@]}"; do
    dir=$(addon_dir "$addon")/i18n
    mkdir -p "$dir"
    log "Exporting $dir/$addon.pot"
    odoo_bin -c "$ODOO_CONF" -d "$DB" --i18n-export="$dir/$addon.pot" --modules="$addon" \
        --stop-after-init --logfile="$LOG_DIR/i18n-$DB.log"
    if [[ -f $dir/fr.po ]]; then
        msgmerge --quiet --update --no-fuzzy-matching --backup=none "$dir/fr.po" "$dir/$addon.pot"
    else
        msginit --no-translator --locale=fr_FR.UTF-8 --input="$dir/$addon.pot" --output-file="$dir/fr.po"
    fi
    # Odoo wraps differently from gettext: one style for clean diffs.
    msgcat -o "$dir/fr.po" "$dir/fr.po"
    msgcat -o "$dir/$addon.pot" "$dir/$addon.pot"
    left=$(msgattrib --untranslated --no-obsolete "$dir/fr.po" | grep -c '^msgid ' || true)
    # The header entry is the one msgid "" that is always "untranslated".
    left=$((left > 0 ? left - 1 : 0))
    msgattrib --no-obsolete -o "$dir/fr.po" "$dir/fr.po"
    log "$addon: $left string(s) left to translate in $dir/fr.po"
    missing=$((missing + left))
done
((missing == 0)) || die "$missing string(s) are not translated yet."
