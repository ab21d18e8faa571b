"""Links to the old sites keep working: legacy hosts, and old paths imported from a CSV."""

import io

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.contrib.redirects.models import Redirect

from core.redirect_import import import_redirects
from tests.factories import ProgrammePageFactory

pytestmark = pytest.mark.django_db

HEADER = "old_path,target,allow_external,note\n"


@pytest.fixture
def pages(home_page):
    return {
        "about": ProgrammePageFactory(parent=home_page, slug="about", title="About"),
        "research": ProgrammePageFactory(parent=home_page, slug="action-research", title="Action research"),
    }


def run(csv_text, **options):
    return import_redirects(io.StringIO(HEADER + csv_text), **options)


def reasons(report):
    return dict(report.skipped)


def test_import_points_old_paths_at_pages_and_reports_what_it_cannot_match(client, pages):
    report = run(
        "/about-us/,/en/about/,,\n"
        "https://www.musicnet-east.org.uk/about-us/research/,/action-research/,,Without the language prefix\n"
        "/join-our-mailing-list/,/en/enews/,,The sign-up is a view of its own, not a page\n"
        "/old-page/,/en/no-such-page/,,\n"
    )
    assert len(report.created) == 3
    assert reasons(report) == {5: "no live page at /en/no-such-page/"}
    assert Redirect.objects.get(old_path="/about-us").redirect_page_id == pages["about"].pk
    assert Redirect.objects.get(old_path="/about-us/research").redirect_page_id == pages["research"].pk
    assert Redirect.objects.get(old_path="/join-our-mailing-list").redirect_link == "/en/enews/"
    assert not Redirect.objects.filter(old_path="/old-page").exists()

    response = client.get("/about-us/")
    assert response.status_code == 301 and response["Location"] == "/en/about/"


def test_dry_run_reports_but_saves_nothing(pages):
    report = run("/about-us/,/en/about/,,\n", dry_run=True)
    assert report.created == ["/about-us -> /en/about/"]
    assert not Redirect.objects.exists()


def test_import_is_idempotent_and_updates_a_changed_target(pages):
    csv_text = "/about-us/,/en/about/,,\n/about-us/research/,/en/action-research/,,\n"
    assert len(run(csv_text).created) == 2
    again = run(csv_text)
    assert (again.created, again.updated, len(again.unchanged)) == ([], [], 2)
    assert Redirect.objects.count() == 2

    changed = run("/about-us/,/en/action-research/,,\n")
    assert len(changed.updated) == 1
    assert Redirect.objects.get(old_path="/about-us").redirect_page_id == pages["research"].pk
    assert Redirect.objects.count() == 2


@pytest.mark.parametrize(
    "row,reason",
    [
        ("/old page/,/en/about/,,", "old path '/old page/' is not a valid address"),
        ("/old/,htp://example.org/x,,", "target 'htp://example.org/x' is not a valid address"),
        ("/old/,https://exa mple.org/,yes,", "target 'https://exa mple.org/' is not a valid address"),
        ("/old/,,,", "target '' is not a valid address"),
        ("https://elsewhere.example/old/,/en/about/,,", "is on a host that is not one of the old sites"),
        ("/old/,https://musicmark.org.uk/,,", "set allow_external to 'yes' to allow it"),
        ("/about-us/,/about-us/,,", "leads back to /about-us (a loop)"),
    ],
)
def test_bad_rows_are_reported_and_skipped(pages, row, reason):
    report = run(f"/about-us/research/,/en/action-research/,,\n{row}\n")
    assert len(report.created) == 1, "the good row is still imported"
    assert reason in reasons(report)[3]
    assert Redirect.objects.count() == 1


def test_a_loop_between_two_rows_is_reported_and_both_are_skipped(pages):
    report = run("/en/about/,/en/action-research/,,\n/en/action-research/,/en/about/,,\n")
    assert set(reasons(report)) == {2, 3}
    assert all("(a loop)" in reason for reason in reasons(report).values())
    assert not Redirect.objects.exists()


def test_a_loop_through_an_existing_redirect_is_caught(pages):
    Redirect.objects.create(old_path="/en/action-research", redirect_link="/en/about/")
    report = run("/en/about/,/en/action-research/,,\n")
    assert "(a loop)" in reasons(report)[2]


def test_external_target_only_when_the_row_allows_it(client, pages):
    report = run("/links/,https://www.musicmark.org.uk/,yes,\n")
    assert report.created == ["/links -> https://www.musicmark.org.uk/"]
    response = client.get("/links/")
    assert response.status_code == 301 and response["Location"] == "https://www.musicmark.org.uk/"


def test_a_target_on_an_old_host_is_matched_as_a_page_here(pages):
    report = run("/about-us/,https://changingtracks.org.uk/en/about/,,\n")
    assert len(report.created) == 1
    assert Redirect.objects.get().redirect_page_id == pages["about"].pk


def test_repeated_old_path_keeps_the_first_row(pages):
    report = run("/about-us/,/en/about/,,\n/about-us,/en/action-research/,,\n")
    assert "repeats line 2" in reasons(report)[3]
    assert Redirect.objects.get().redirect_page_id == pages["about"].pk


def test_command_prints_the_unmatched_report(pages, tmp_path):
    csv_file = tmp_path / "redirects.csv"
    csv_file.write_text(HEADER + "/about-us/,/en/about/,,\n/gone/,/en/gone/,,\n")
    output = io.StringIO()
    call_command("import_legacy_redirects", str(csv_file), "--dry-run", stdout=output)
    assert "Skipped line 3: no live page at /en/gone/" in output.getvalue()
    assert "Dry run, nothing saved: 1 created, 0 updated, 0 unchanged, 1 skipped" in output.getvalue()
    assert not Redirect.objects.exists()


def test_shipped_csv_is_well_formed_and_covers_the_old_sites_paths():
    csv_path = settings.BASE_DIR / "data" / "legacy_redirects.csv"
    text = csv_path.read_text()
    for path in [
        "/about-us/",
        "/about-us/research/",
        "/about-us/changing-tunes-2012-18/",
        "/music-services-inclusion-network/",
        "/partners-work/hull/",
        "/join-our-mailing-list/",
    ]:
        assert f"\n{path}," in text, path


@pytest.mark.parametrize("host", ["musicnet-east.org.uk", "www.musicnet-east.org.uk", "WWW.ChangingTracks.org.uk:80"])
def test_legacy_host_gets_a_301_to_the_same_path_on_the_canonical_host(client, host):
    response = client.get("/about-us/research/?from=newsletter", HTTP_HOST=host)
    assert response.status_code == 301
    assert response["Location"] == "http://testserver/about-us/research/?from=newsletter"


def test_legacy_host_with_an_unknown_path_lands_on_the_canonical_404(client, home_page):
    response = client.get("/no-such-thing/", HTTP_HOST="changingtracks.org.uk")
    assert response.status_code == 301
    assert response["Location"] == "http://testserver/no-such-thing/"
    followed = client.get("/no-such-thing/", follow=True)
    assert followed.status_code == 404
    assert b"Page not found" in followed.content


def test_legacy_host_then_an_imported_redirect_reaches_the_page(client, pages):
    run("/about-us/,/en/about/,,\n")
    first = client.get("/about-us/", HTTP_HOST="www.musicnet-east.org.uk")
    assert first["Location"] == "http://testserver/about-us/"
    second = client.get("/about-us/")
    assert second.status_code == 301 and second["Location"] == "/en/about/"
    assert client.get("/en/about/").status_code == 200


def test_unknown_hosts_are_still_refused(client, home_page):
    assert client.get("/en/", HTTP_HOST="evil.example").status_code == 400


def test_canonical_host_is_never_treated_as_legacy(client, home_page, settings):
    settings.CANONICAL_BASE_URL = "https://changingtracks.org.uk"
    settings.ALLOWED_HOSTS = ["changingtracks.org.uk"]
    assert client.get("/en/", HTTP_HOST="changingtracks.org.uk").status_code == 200
    legacy = client.get("/en/", HTTP_HOST="www.changingtracks.org.uk")
    assert legacy["Location"] == "https://changingtracks.org.uk/en/"
