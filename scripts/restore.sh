#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh: the database dump into DATABASE_URL (its tables
# are replaced) and the media archive into MEDIA_ROOT (files are added or overwritten).
#
#   DATABASE_URL=postgres://... MEDIA_ROOT=/srv/changingtracks/media \
#       scripts/restore.sh /srv/backups/changingtracks-20250101T020000Z.dump
#
# The media archive is the one with the same timestamp beside the dump. See docs/operations.md.
set -euo pipefail

database=${1:?usage: scripts/restore.sh BACKUP.dump}
media="${database%.dump}-media.tar.gz"
: "${DATABASE_URL:?set DATABASE_URL to the database to restore into}"
: "${MEDIA_ROOT:?set MEDIA_ROOT to the folder of uploaded files}"
[ -f "$media" ] || { echo "No media archive beside the dump: $media" >&2; exit 1; }

pg_restore --clean --if-exists --no-owner --no-privileges --exit-on-error --dbname="$DATABASE_URL" "$database"
mkdir -p "$MEDIA_ROOT"
tar -xzf "$media" -C "$MEDIA_ROOT"
echo "Restored $database and $media"
