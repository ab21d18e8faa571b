#!/usr/bin/env bash
# Back up the site: the PostgreSQL database (pg_dump, custom format) and the uploaded files
# (a tar of MEDIA_ROOT), into DEST with a timestamp; backups older than BACKUP_KEEP_DAYS are removed.
#
#   DATABASE_URL=postgres://... MEDIA_ROOT=/srv/changingtracks/media scripts/backup.sh /srv/backups
#
# Prints the two files it wrote. See docs/operations.md.
set -euo pipefail

dest=${1:?usage: scripts/backup.sh DEST_DIR}
: "${DATABASE_URL:?set DATABASE_URL to the PostgreSQL database of the site}"
: "${MEDIA_ROOT:?set MEDIA_ROOT to the folder of uploaded files}"
keep_days=${BACKUP_KEEP_DAYS:-30}
stamp=$(date -u +%Y%m%dT%H%M%SZ)

mkdir -p "$dest"
database="$dest/changingtracks-$stamp.dump"
media="$dest/changingtracks-$stamp-media.tar.gz"

# Written under a temporary name and renamed, so a half-written backup never looks complete.
pg_dump --format=custom --no-owner --no-privileges --dbname="$DATABASE_URL" --file="$database.partial"
mv "$database.partial" "$database"
tar -czf "$media.partial" -C "$MEDIA_ROOT" .
mv "$media.partial" "$media"

find "$dest" -maxdepth 1 -name 'changingtracks-*' -mtime "+$keep_days" -delete
echo "$database"
echo "$media"
