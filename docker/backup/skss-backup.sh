#!/usr/bin/env bash
# Logical backups of the SKSS database with pg_dump (custom format), for the compose profile
# "backup" (docker/compose.yaml) or any host with the PostgreSQL 15 client tools.
# Procedure and production notes: docs/operations/backup-restore.md.
#
#   skss-backup.sh daemon         every day at BACKUP_AT (time zone TZ): back up, then prune
#   skss-backup.sh once           back up now, then prune
#   skss-backup.sh check          weekly check: latest backup fresh, checksum and archive readable,
#                                 at least 3 copies kept (exit status 1 otherwise)
#   skss-backup.sh restore-test [file]
#                                 restore a backup (default: the latest) into ${PGDATABASE}_restore_test
#                                 and print its row counts next to the live database's
#
# Connection: the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD (or ~/.pgpass), PGDATABASE.
# BACKUP_DIR   where backups are written (default /backups); must be another disk or server than
#              the database's, or be copied there (the regulation's "different storage")
# BACKUP_AT    daily time, HH:MM (default 01:30), read in TZ (e.g. Asia/Ho_Chi_Minh)
# BACKUP_KEEP  backups kept (default 7; never fewer than 3)
set -euo pipefail

BACKUP_DIR=${BACKUP_DIR:-/backups}
BACKUP_AT=${BACKUP_AT:-01:30}
BACKUP_KEEP=${BACKUP_KEEP:-7}
DB=${PGDATABASE:?PGDATABASE is not set}
MAX_AGE_HOURS=26

log() { printf '%s [skss-backup] %s\n' "$(date '+%Y-%m-%d %H:%M:%S %z')" "$*"; }
fail() {
  log "ERROR: $*"
  exit 1
}

if [ "$BACKUP_KEEP" -lt 3 ]; then
  log "BACKUP_KEEP=$BACKUP_KEEP is below the 3 copies the regulation requires; keeping 3"
  BACKUP_KEEP=3
fi

# Newest first, by the time stamp in the name (copies to other storage may not keep file times).
list_backups() { ls -1r "$BACKUP_DIR/$DB"-*.dump 2>/dev/null || true; }

backup_once() {
  mkdir -p "$BACKUP_DIR"
  local file tmp
  file="$BACKUP_DIR/$DB-$(date +%Y%m%d-%H%M%S).dump"
  tmp="$file.partial"
  log "backing up $DB on ${PGHOST:-local socket} to $file"
  pg_dump --format=custom --compress=6 --file="$tmp"
  pg_restore --list "$tmp" >/dev/null # the archive's table of contents is readable
  mv "$tmp" "$file"
  (cd "$BACKUP_DIR" && sha256sum "$(basename "$file")" >"$(basename "$file").sha256")
  date '+%Y-%m-%dT%H:%M:%S%z' >"$BACKUP_DIR/LAST_SUCCESS"
  log "done: $(du -h "$file" | cut -f1)"
  prune
}

prune() {
  list_backups | tail -n +$((BACKUP_KEEP + 1)) | while read -r old; do
    log "removing $old (keeping the newest $BACKUP_KEEP)"
    rm -f -- "$old" "$old.sha256"
  done
  # Leftovers of interrupted runs.
  find "$BACKUP_DIR" -maxdepth 1 -name '*.partial' -mmin +1440 -delete
}

check() {
  local latest count age_hours
  latest=$(list_backups | head -n 1)
  [ -n "$latest" ] || fail "no backup in $BACKUP_DIR"
  age_hours=$((($(date +%s) - $(stat -c %Y "$latest")) / 3600))
  [ "$age_hours" -lt "$MAX_AGE_HOURS" ] || fail "latest backup $latest is $age_hours h old"
  (cd "$BACKUP_DIR" && sha256sum --quiet -c "$(basename "$latest").sha256") || fail "checksum mismatch: $latest"
  pg_restore --list "$latest" >/dev/null || fail "unreadable archive: $latest"
  count=$(list_backups | wc -l)
  [ "$count" -ge 3 ] || fail "only $count backup(s) kept, at least 3 required"
  log "OK: latest $(basename "$latest") ($age_hours h old), $count copies"
  list_backups | while read -r f; do printf '  %s  %s\n' "$(du -h "$f" | cut -f1)" "$(basename "$f")"; done
}

# Exact row count of every table in the public schema, one "table|rows" line each.
ROW_COUNTS_SQL="SELECT table_name, (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I', table_schema, table_name), false, true, '')))[1]::text::bigint
FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1"

restore_test() {
  local file=${1:-$(list_backups | head -n 1)} target="${DB}_restore_test"
  [ -n "$file" ] && [ -f "$file" ] || fail "no backup to restore"
  log "restoring $file into $target"
  dropdb --if-exists "$target"
  createdb "$target"
  pg_restore --exit-on-error --jobs=2 --dbname="$target" "$file"
  log "row counts: table | restored | live (live has grown since the backup)"
  LC_ALL=C join -t '|' -a 1 -a 2 -e '-' -o 0,1.2,2.2 \
    <(psql -d "$target" -XAtc "$ROW_COUNTS_SQL" | LC_ALL=C sort) \
    <(psql -d "$DB" -XAtc "$ROW_COUNTS_SQL" | LC_ALL=C sort) |
    awk -F '|' '{ printf "  %-32s %12s %12s\n", $1, $2, $3 }'
  log "restored into $target; check the API against it, then: dropdb $target"
}

daemon() {
  local sleeper=''
  trap 'log "stopping"; [ -z "$sleeper" ] || kill "$sleeper" 2>/dev/null; exit 0' TERM INT
  [ -n "${TZ:-}" ] && [ ! -e "/usr/share/zoneinfo/$TZ" ] && log "WARNING: unknown time zone $TZ, times are UTC"
  while true; do
    local now next
    now=$(date +%s)
    next=$(date -d "today $BACKUP_AT" +%s)
    [ "$next" -gt "$now" ] || next=$(date -d "tomorrow $BACKUP_AT" +%s)
    log "next backup at $(date -d "@$next" '+%Y-%m-%d %H:%M %z')"
    sleep $((next - now)) &
    sleeper=$!
    wait "$sleeper"
    sleeper=''
    # A separate process, so that `set -e` stops a failing backup without stopping the daemon.
    bash "$0" once || log "ERROR: backup failed (the weekly check and monitoring will report it)"
  done
}

case "${1:-daemon}" in
  daemon) daemon ;;
  once) backup_once ;;
  check) check ;;
  restore-test) restore_test "${2:-}" ;;
  *) fail "usage: $0 daemon|once|check|restore-test [file]" ;;
esac
