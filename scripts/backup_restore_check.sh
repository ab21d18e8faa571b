#!/usr/bin/env bash
# Proves that backups restore. On a PostgreSQL server (PG_URL, by default the local one) it:
#   1. builds the demo site in a scratch database, with a document upload beside the demo images;
#   2. backs it up with scripts/backup.sh;
#   3. restores it with scripts/restore.sh into a second scratch database and an empty media folder;
#   4. checks the copy: the same pages, revisions, images, documents and users, every file present
#      with the same content hash, and the home page served from the restored copy.
# The scratch databases and folders are removed at the end, whatever happens. CI runs this.
set -euo pipefail
cd "$(dirname "$0")/.."

pg_url=${PG_URL:-postgres://postgres@127.0.0.1:5432}
python=${PYTHON:-.venv/bin/python}
suffix="$$_$(date +%s)"
source_db="ct_backup_source_$suffix"
restored_db="ct_backup_restored_$suffix"
work=$(mktemp -d)

cleanup() {
    psql -q "$pg_url/postgres" -c "DROP DATABASE IF EXISTS $source_db" -c "DROP DATABASE IF EXISTS $restored_db" || true
    rm -rf "$work"
}
trap cleanup EXIT

site() {  # site DATABASE MEDIA_ROOT manage.py-arguments...
    local database=$1 media=$2
    shift 2
    DJANGO_SETTINGS_MODULE=changingtracks.settings.dev DATABASE_URL="$pg_url/$database" MEDIA_ROOT="$media" \
        LOG_LEVEL=WARNING "$python" manage.py "$@"
}

# What must survive: rows that matter and the files behind them, as one JSON document.
snapshot='
import hashlib, json
from django.contrib.auth import get_user_model
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

def files(model):
    return sorted((item.title, item.file.name, hashlib.sha256(item.file.read()).hexdigest()) for item in model.objects.all())

print(json.dumps({
    "pages": sorted(Page.objects.values_list("url_path", "title", "live", "latest_revision_id")),
    "revisions": Revision.objects.count(),
    "images": files(get_image_model()),
    "documents": files(get_document_model()),
    "users": sorted(get_user_model().objects.values_list("username", "password")),
}, sort_keys=True))
'
add_document='
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
get_document_model().objects.create(title="Backup check", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="backup-check.pdf"))
'
home_page='
from django.test import Client
response = Client().get("/en/", HTTP_HOST="localhost")
assert response.status_code == 200, response.status_code
assert b"<h1" in response.content and b"Changing Tracks" in response.content
print("The restored home page is served.")
'

echo "== Demo site in $source_db"
psql -q "$pg_url/postgres" -c "CREATE DATABASE $source_db" -c "CREATE DATABASE $restored_db"
site "$source_db" "$work/media" migrate --noinput -v0
site "$source_db" "$work/media" load_demo_content
site "$source_db" "$work/media" shell -v 0 -c "$add_document"
DJANGO_SUPERUSER_PASSWORD="backup-check-$(date +%s%N)" site "$source_db" "$work/media" ensure_admin >/dev/null

echo "== Back up"
written=$(DATABASE_URL="$pg_url/$source_db" MEDIA_ROOT="$work/media" scripts/backup.sh "$work/backups")
mapfile -t backup <<< "$written"
ls -l "${backup[@]}"

echo "== Restore into $restored_db"
DATABASE_URL="$pg_url/$restored_db" MEDIA_ROOT="$work/restored-media" scripts/restore.sh "${backup[0]}"

echo "== Compare"
site "$source_db" "$work/media" shell -v 0 -c "$snapshot" > "$work/source.json"
site "$restored_db" "$work/restored-media" shell -v 0 -c "$snapshot" > "$work/restored.json"
if ! diff -q "$work/source.json" "$work/restored.json" >/dev/null; then
    echo "The restored site differs from the original:" >&2
    diff <(tr ',' '\n' < "$work/source.json") <(tr ',' '\n' < "$work/restored.json") >&2 || true
    exit 1
fi
"$python" -c 'import json, sys; d = json.load(open(sys.argv[1])); print(", ".join(f"{k}: {len(v) if isinstance(v, list) else v}" for k, v in d.items()))' "$work/restored.json"
site "$restored_db" "$work/restored-media" shell -v 0 -c "$home_page"
echo "Backup and restore check passed."
