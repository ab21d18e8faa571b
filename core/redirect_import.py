"""Import redirects from the old sites' addresses: a CSV of old path -> new page or URL.

Columns: old_path, target, allow_external (optional: "yes" to allow a target on
another website), note (optional, ignored). A target on this site must be the
address of a live page, with or without the language prefix (/en/about/ or
/about/); it is stored as a link to the page, so it follows the page if it
moves. Rows that cannot be imported are reported with their line number and
skipped: a bad address, a target page that does not exist, an external target
the row does not allow, a duplicate, or a loop.
"""

import csv
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.urls import Resolver404, resolve
from django.utils import translation
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page, Site

from core.middleware import legacy_hosts

YES = {"yes", "y", "true", "1"}


class RowError(Exception):
    """Why a row cannot be imported."""


@dataclass
class Row:
    line: int
    old_path: str
    target: str
    allow_external: bool
    page: Page | None = None
    link: str = ""
    target_path: str = ""


@dataclass
class Report:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    skipped: list = field(default_factory=list)

    def summary(self):
        return (
            f"{len(self.created)} created, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.skipped)} skipped"
        )


def own_hosts():
    """Hosts whose addresses are this site's: the canonical host and the old sites'."""
    return legacy_hosts() | {(urlsplit(settings.CANONICAL_BASE_URL).hostname or "").lower()}


def local_path(address, *, column):
    """The path of an address on this site (a path or a URL on an own host), or None for another host."""
    address = address.strip()
    if not address or any(character.isspace() for character in address):
        raise RowError(f"{column} '{address}' is not a valid address")
    if address.startswith("/") and not address.startswith("//"):
        return address
    try:
        URLValidator(schemes=["http", "https"])(address)
    except ValidationError as error:
        raise RowError(f"{column} '{address}' is not a valid address") from error
    parts = urlsplit(address)
    if parts.hostname.lower() in own_hosts():
        return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return None


def find_page(path, site):
    """The live page served at path on the site, the language prefix choosing the locale."""
    segments = [segment for segment in urlsplit(path).path.split("/") if segment]
    language_codes = {code for code, _name in settings.LANGUAGES}
    locale = Locale.get_default()
    if segments and segments[0] in language_codes:
        locale = Locale.objects.filter(language_code=segments.pop(0)).first() or locale
    root = site.root_page.get_translation_or_none(locale)
    if root is None:
        return None
    url_path = root.url_path + "".join(f"{segment}/" for segment in segments)
    return Page.objects.live().filter(url_path=url_path, locale=locale).first()


def site_view_path(path):
    """The address of one of the site's own views (not a Wagtail page) at path, such as the enews sign-up.

    Redirect paths are stored without their trailing slash, so the slashed form is tried too.
    """
    path = urlsplit(path).path
    segments = [segment for segment in path.split("/") if segment]
    language = segments[0] if segments and segments[0] in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    with translation.override(language):
        for candidate in dict.fromkeys([path, path.rstrip("/") + "/"]):
            try:
                match = resolve(candidate)
            except Resolver404:
                continue
            if match.url_name != "wagtail_serve":
                return candidate
    return None


def parse_row(line, record):
    old = local_path(record.get("old_path") or "", column="old path")
    if old is None:
        raise RowError(f"old path '{record['old_path']}' is on a host that is not one of the old sites")
    row = Row(
        line=line,
        old_path=Redirect.normalise_path(old),
        target=(record.get("target") or "").strip(),
        allow_external=(record.get("allow_external") or "").strip().lower() in YES,
    )
    target_path = local_path(row.target, column="target")
    if target_path is None:
        row.link = row.target
        row.target_path = ""
    else:
        row.target_path = Redirect.normalise_path(target_path)
    return row


def resolve_target(row, site):
    """Point the row at a page, one of the site's own views, or an external URL it allows; or say why not."""
    if row.link:
        if not row.allow_external:
            raise RowError(f"target {row.link} is on another website; set allow_external to 'yes' to allow it")
        return
    row.page = find_page(row.target_path, site)
    if row.page is None:
        row.link = site_view_path(row.target_path) or ""
    if row.page is None and not row.link:
        raise RowError(f"no live page at {row.target}")


def existing_edges():
    """old path -> target path for the redirects already stored, to find loops through them."""
    edges = {}
    for redirect in Redirect.objects.select_related("redirect_page"):
        page = redirect.redirect_page
        target = (page.url or "") if page is not None else redirect.redirect_link
        if target.startswith("/"):
            edges[redirect.old_path] = Redirect.normalise_path(target)
    return edges


def loops_back(row, edges):
    """Whether following redirects from the row's target comes back to its old path."""
    seen = set()
    current = row.target_path
    while current and current not in seen:
        if current == row.old_path:
            return True
        seen.add(current)
        current = edges.get(current)
    return False


def read_rows(csv_file, report):
    rows = []
    for line, record in enumerate(csv.DictReader(csv_file), start=2):
        try:
            rows.append(parse_row(line, record))
        except RowError as error:
            report.skipped.append((line, str(error)))
    return rows


def plan(rows, report):
    """Drop duplicates and loops, reporting them; the rows left can be imported."""
    by_path = {}
    for row in rows:
        if row.old_path in by_path:
            report.skipped.append((row.line, f"old path {row.old_path} repeats line {by_path[row.old_path].line}"))
            continue
        by_path[row.old_path] = row
    edges = existing_edges()
    edges.update({row.old_path: row.target_path for row in by_path.values() if row.target_path})
    kept = []
    for row in by_path.values():
        if loops_back(row, edges):
            report.skipped.append((row.line, f"{row.old_path} -> {row.target} leads back to {row.old_path} (a loop)"))
        else:
            kept.append(row)
    return kept


def save(row, report, dry_run):
    wanted = {"redirect_page": row.page, "redirect_link": row.link, "is_permanent": True}
    existing = Redirect.objects.filter(site=None, old_path=row.old_path).first()
    described = f"{row.old_path} -> {row.page.url if row.page else row.link}"
    if existing is None:
        report.created.append(described)
        if not dry_run:
            Redirect.objects.create(site=None, old_path=row.old_path, **wanted)
        return
    if (existing.redirect_page_id, existing.redirect_link, existing.is_permanent) == (
        row.page.pk if row.page else None,
        row.link,
        True,
    ):
        report.unchanged.append(described)
        return
    report.updated.append(described)
    if not dry_run:
        for name, value in wanted.items():
            setattr(existing, name, value)
        existing.save()


@transaction.atomic
def import_redirects(csv_file, *, dry_run=False, site=None):
    """Create or update a permanent redirect for each good row; report the rest. Safe to run again."""
    site = site or Site.objects.get(is_default_site=True)
    report = Report()
    for row in plan(read_rows(csv_file, report), report):
        try:
            resolve_target(row, site)
        except RowError as error:
            report.skipped.append((row.line, str(error)))
            continue
        save(row, report, dry_run)
    report.skipped.sort()
    return report
