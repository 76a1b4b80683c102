#!/usr/bin/env bash
# Backups of a database with its filestore, in one file (`make backup`,
# `make restore FILE=…`), and the round trip that CI checks.
#
#   tools/backup.sh backup [FILE]     DB (default emploi) to FILE (default
#                                     .local/backups/DB-YYYYmmdd-HHMMSS.tar):
#                                     db.dump (pg_dump -Fc) + filestore/
#   tools/backup.sh restore FILE      FILE into DB, which must not exist
#                                     (FORCE=1 drops it first)
#   tools/backup.sh roundtrip         back DB up, restore it as DB_restored and
#                                     compare every table's row count and the
#                                     checksum of the attachments; drop it again
#
# Production: see "Backups and restores" in README.md (WAL archiving for
# point-in-time recovery).
# shellcheck source=tools/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

DB=${DB:-emploi}
FORCE=${FORCE:-}

pg_tool() {
    local dir
    if dir=$(pg_bindir 2>/dev/null) && [[ -x $dir/$1 ]]; then
        printf '%s/%s\n' "$dir" "$1"
    else
        command -v "$1" || die "$1 not found: install PostgreSQL's client (postgresql-client)."
    fi
}

filestore_of() { printf '%s/filestore/%s\n' "$LOCAL_DIR/data" "$1"; }

backup() {
    local db=$1 file=$2 tmp
    dbtool exists "$db" || die "Database $db does not exist."
    mkdir -p "$(dirname "$file")"
    tmp=$(mktemp -d)
    log "Backing up $db to $file"
    "$(pg_tool pg_dump)" -Fc --no-owner -d "$db" -f "$tmp/db.dump"
    mkdir -p "$tmp/filestore"
    if [[ -d $(filestore_of "$db") ]]; then
        cp -a "$(filestore_of "$db")/." "$tmp/filestore/"
    fi
    tar -C "$tmp" -cf "$file" db.dump filestore
    rm -rf "$tmp"
}

restore() {
    local file=$1 db=$2 tmp
    [[ -f $file ]] || die "No backup file $file."
    if dbtool exists "$db"; then
        [[ -n $FORCE ]] || die "Database $db exists: FORCE=1 replaces it."
        dbtool drop "$db"
        rm -rf "$(filestore_of "$db")"
    fi
    tmp=$(mktemp -d)
    tar -C "$tmp" -xf "$file"
    log "Restoring $file into $db"
    "$(pg_tool createdb)" "$db"
    "$(pg_tool pg_restore)" --no-owner -j 2 -d "$db" "$tmp/db.dump"
    mkdir -p "$(filestore_of "$db")"
    cp -a "$tmp/filestore/." "$(filestore_of "$db")/"
    rm -rf "$tmp"
}

attachments_checksum() {
    local dir
    dir=$(filestore_of "$1")
    [[ -d $dir ]] || { echo none; return 0; }
    (cd "$dir" && find . -type f -print0 | sort -z | xargs -0r sha256sum | sha256sum | cut -d' ' -f1)
}

roundtrip() {
    local copy=${DB}_restored file
    file=$(mktemp -u "$LOCAL_DIR/roundtrip-XXXXXX.tar")
    dbtool drop "$copy"
    rm -rf "$(filestore_of "$copy")"
    backup "$DB" "$file"
    restore "$file" "$copy"
    rm -f "$file"
    if ! diff <(dbtool counts "$DB") <(dbtool counts "$copy") >&2; then
        die "Backup round trip: row counts differ between $DB and $copy."
    fi
    [[ $(attachments_checksum "$DB") == "$(attachments_checksum "$copy")" ]] ||
        die "Backup round trip: the attachments differ between $DB and $copy."
    log "Backup round trip OK: $(dbtool counts "$DB" | wc -l) tables, attachments $(attachments_checksum "$DB" | cut -c1-12)…"
    dbtool drop "$copy"
    rm -rf "$(filestore_of "$copy")"
}

setup_all
case ${1:-} in
    backup) backup "$DB" "${2:-$LOCAL_DIR/backups/$DB-$(date +%Y%m%d-%H%M%S).tar}" ;;
    restore) [[ -n ${2:-} ]] || die "Usage: tools/backup.sh restore FILE"; restore "$2" "$DB" ;;
    roundtrip) roundtrip ;;
    *) sed -n '2,/^# shellcheck/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 2 ;;
esac
