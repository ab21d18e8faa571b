"""Partner profiles and the partner directory: filters, counts, the region map, profiles and editing."""

import datetime
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from caching import version
from core.review import pages_due_for_review
from demo.resources import load_taxonomy
from home.models import HomePage
from partners import directory as partner_directory
from partners.models import PartnerIndexPage, PartnerPage, PartnerRoleKind, year_range_label
from resources.models import ResourceAuthoringPartner, ResourcePage
from taxonomy.models import Region
from tests.factories import (
    HomePageFactory,
    ImageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    PartnerRoleFactory,
    ProgrammePageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
)

pytestmark = pytest.mark.django_db

AR = PartnerRoleKind.ACTION_RESEARCH_PARTNER
NWG = PartnerRoleKind.NWG_MEMBER


@pytest.fixture
def regions(db):
    load_taxonomy()
    return {region.slug: region for region in Region.objects.all()}


@pytest.fixture
def directory(home_page):
    return PartnerIndexPageFactory(parent=home_page)


def add_partner(directory, title, region=None, roles=(), **fields):
    """A live partner page with roles given as (role, start year, end year)."""
    partner = PartnerPageFactory(parent=directory, title=title, region=region, **fields)
    for role, start, end in roles:
        PartnerRoleFactory(page=partner, role=role, start_year=start, end_year=end)
    return partner


@pytest.fixture
def partners(directory, regions):
    """A small directory across three regions, two kinds and both roles."""
    return {
        "Hull": add_partner(
            directory, "Hull", regions["yorkshire-and-the-humber"], [(AR, 2018, 2019), (NWG, 2018, None)]
        ),
        "Essex": add_partner(directory, "Essex", regions["east-of-england"], [(AR, 2021, None)]),
        "Norfolk": add_partner(directory, "Norfolk", regions["east-of-england"], [(NWG, None, None)]),
        "Luton hub": add_partner(
            directory, "Luton hub", regions["east-of-england"], [(NWG, 2019, None)], kind="music-education-hub"
        ),
        "Ealing": add_partner(directory, "Ealing", regions["london"], [(AR, None, None)]),
        "calderdale": add_partner(directory, "calderdale", regions["yorkshire-and-the-humber"], []),
    }


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def listed(response):
    """The partner names in the directory's results, in order."""
    return [link.get_text(strip=True) for link in soup_of(response).select(".partner-list .card__title a")]


def region_links(soup, selector):
    return {
        link["aria-label"] if link.has_attr("aria-label") else link.get_text(strip=True): link["href"]
        for link in soup.select(selector)
    }


def test_directory_lists_every_partner_a_to_z(client, partners):
    response = client.get("/en/partners/")
    assert listed(response) == ["calderdale", "Ealing", "Essex", "Hull", "Luton hub", "Norfolk"]
    assert soup_of(response).select_one("#partner-results-heading").get_text(strip=True) == "6 partners"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("region=east-of-england", ["Essex", "Luton hub", "Norfolk"]),
        ("region=london&region=yorkshire-and-the-humber", ["calderdale", "Ealing", "Hull"]),
        ("region=east-of-england&kind=music-service", ["Essex", "Norfolk"]),
        ("kind=music-education-hub", ["Luton hub"]),
        ("role=action-research-partner", ["Ealing", "Essex", "Hull"]),
        ("role=action-research-partner&region=east-of-england", ["Essex"]),
        ("role=nwg-member&role=action-research-partner&region=yorkshire-and-the-humber", ["Hull"]),
        ("q=HULL", ["Hull"]),
        ("q=  lu  ", ["Luton hub"]),
        ("year=2019", ["Hull"]),
        ("year=2024", ["Essex"]),
        ("year=2019&role=nwg-member", ["Hull"]),
    ],
)
def test_filters_combine_and_across_groups_or_within_one(client, partners, query, expected):
    assert listed(client.get(f"/en/partners/?{query}")) == expected


def test_unknown_slugs_are_ignored_and_the_rest_kept(client, partners):
    response = client.get("/en/partners/?region=atlantis&region=london&kind=unicorn&role=nwg-member&role=spy&q=")
    assert listed(response) == []
    response = client.get("/en/partners/?region=atlantis&region=east-of-england&kind=unicorn&role=nwg-member")
    assert listed(response) == ["Luton hub", "Norfolk"]
    soup = soup_of(response)
    assert soup.select_one("#id_region_5")["value"] == "east-of-england" and soup.select_one("#id_region_5").has_attr(
        "checked"
    )
    chips = [chip.get_text(" ", strip=True) for chip in soup.select(".chip")]
    assert chips == [
        "Region: East of England × (remove this filter)",
        "Role in the programme: NWG member × (remove this filter)",
    ]
    assert not soup.select(".error-summary"), "unknown slugs are dropped quietly"


def test_removing_a_chip_keeps_the_other_filters(client, partners):
    soup = soup_of(client.get("/en/partners/?region=east-of-england&region=london&role=nwg-member"))
    chip = next(chip for chip in soup.select(".chip") if "London" in chip.get_text())
    assert chip["href"] == "?region=east-of-england&role=nwg-member"
    assert listed(client.get("/en/partners/" + chip["href"])) == ["Luton hub", "Norfolk"]


def test_a_year_outside_every_partners_years_gives_an_empty_list_and_says_why(client, partners):
    response = client.get("/en/partners/?year=2010&region=east-of-england")
    assert listed(response) == []
    notice = soup_of(response).select_one(".notice").get_text(" ", strip=True)
    assert "No partner has action research recorded in 2010." in notice
    assert "The years on record run from 2018 to 2021." in notice
    link = soup_of(response).select_one(".notice a")
    assert link["href"] == "?region=east-of-england"
    assert listed(client.get("/en/partners/" + link["href"])) == ["Essex", "Luton hub", "Norfolk"]


def test_an_empty_list_blames_the_year_only_when_the_year_is_the_reason(client, partners):
    response = client.get("/en/partners/?year=2019&region=london")
    assert listed(response) == []
    notice = soup_of(response).select_one(".notice").get_text(" ", strip=True)
    assert "No partners match these filters." in notice and "2019" not in notice


def test_an_invalid_year_is_ignored_with_the_error_beside_the_field_and_the_value_kept(client, partners):
    response = client.get("/en/partners/?year=nineteen&role=action-research-partner")
    assert listed(response) == ["Ealing", "Essex", "Hull"]
    soup = soup_of(response)
    assert soup.select_one(".error-summary a")["href"] == "#id_year"
    field = soup.select_one(".field--error")
    assert "Enter the year as four digits, for example 2019." in field.get_text()
    year_input = field.select_one("input#id_year")
    assert year_input["value"] == "nineteen" and year_input["aria-invalid"] == "true"
    assert "id_year-error" in year_input["aria-describedby"]


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("year=99999999999999999999", 200),
        ("page=99999999999", 404),
        ("q=" + "x" * 5000, 200),
        ("q=%27%3B%20DROP%20TABLE%20wagtailcore_page%3B--", 200),
        ("q=%00", 400),
        ("region=east%00", 400),
    ],
)
def test_hostile_input_never_gives_a_server_error(client, partners, query, status):
    assert client.get(f"/en/partners/?{query}").status_code == status


def test_pagination_gives_the_last_page_past_the_end_and_404_for_nonsense(client, partners, monkeypatch):
    monkeypatch.setattr(partner_directory, "PARTNERS_PER_PAGE", 4)
    assert listed(client.get("/en/partners/?page=1")) == ["calderdale", "Ealing", "Essex", "Hull"]
    assert listed(client.get("/en/partners/?page=99")) == ["Luton hub", "Norfolk"]
    assert client.get("/en/partners/?page=abc").status_code == 404
    response = client.get("/en/partners/?kind=music-service&page=2")
    assert listed(response) == ["Norfolk"]
    soup = soup_of(response)
    assert soup.select_one(".pagination [aria-current=page]").get_text(" ", strip=True) == "Page 2"
    assert soup.select_one(".pagination [rel=prev]")["href"] == "?kind=music-service&page=1"


def test_counts_per_region_are_right_and_take_account_of_the_other_filters(client, partners):
    soup = soup_of(client.get("/en/partners/"))
    counts = [item.get_text(strip=True) for item in soup.select(".region-counts li")]
    assert "East of England: 3 partners" in counts
    assert "Yorkshire and the Humber: 2 partners" in counts
    assert "London: 1 partner" in counts
    assert "Wales: 0 partners" in counts
    assert len(counts) == 12

    soup = soup_of(client.get("/en/partners/?role=action-research-partner"))
    counts = [item.get_text(strip=True) for item in soup.select(".region-counts li")]
    assert "East of England: 1 partner" in counts and "Yorkshire and the Humber: 1 partner" in counts


@pytest.mark.parametrize("other_filters", [{}, {"role": "nwg-member"}, {"kind": "music-service", "q": "l"}])
def test_the_maps_region_links_give_the_same_lists_as_the_form(client, partners, other_filters):
    soup = soup_of(client.get("/en/partners/", other_filters))
    map_links = region_links(soup, ".region-map a")
    assert map_links == region_links(soup, ".region-counts a"), "the plain list has the map's counts and links"
    assert map_links
    for label, href in map_links.items():
        region_name, count = re.fullmatch(r"(.+): (\d+) partners?", label).groups()
        form_data = {"q": "", "year": "", **other_filters, "region": Region.objects.get(name=region_name).slug}
        from_map = listed(client.get("/en/partners/" + href))
        assert from_map == listed(client.get("/en/partners/", form_data)), label
        assert len(from_map) == int(count), label


def test_map_tiles_are_focusable_links_with_names_and_empty_regions_are_not_links(client, partners):
    soup = soup_of(client.get("/en/partners/?region=london"))
    svg = soup.select_one("svg.region-map")
    assert svg.select_one("title").get_text(strip=True)
    assert not svg.select("image, use[href^=http], foreignObject"), "the map is drawn, never fetched"
    london = svg.select_one("a[aria-label='London: 1 partner']")
    assert london["href"] == "?region=london" and london["aria-current"] == "true"
    wales = svg.select_one("[aria-label='Wales: 0 partners']")
    assert wales.name == "g"
    assert len(svg.select("polygon")) == 12


def test_counts_and_lists_are_of_the_active_language_only(client, partners, home_page, regions):
    welsh = Locale.objects.create(language_code="cy")
    cy_home = HomePageFactory(
        parent=Page.get_first_root_node(), slug="cartref", locale=welsh, translation_key=home_page.translation_key
    )
    cy_directory = PartnerIndexPageFactory(parent=cy_home, title="Ein partneriaid", slug="partneriaid", locale=welsh)
    cy_wales = regions["wales"].copy_for_translation(welsh)
    cy_wales.name = "Cymru"
    cy_wales.save()
    PartnerPageFactory(parent=cy_directory, title="Gwasanaeth Cerdd", region=cy_wales, locale=welsh)

    english = soup_of(client.get("/en/partners/"))
    assert "Wales: 0 partners" in [item.get_text(strip=True) for item in english.select(".region-counts li")]
    assert "Gwasanaeth Cerdd" not in listed(client.get("/en/partners/"))

    response = client.get("/cy/partneriaid/?region=wales")
    assert listed(response) == ["Gwasanaeth Cerdd"]
    welsh_counts = [item.get_text(strip=True) for item in soup_of(response).select(".region-counts li")]
    assert welsh_counts == ["Cymru: 1 partner"]
    assert soup_of(response).select_one(".region-map a")["aria-label"] == "Cymru: 1 partner"


# The directory's queries whatever its size or filters, with the menu, footer and language links cached:
# routing, the regions, the counts per region (which add up to the paginator's count), the partners
# with their logos, roles and renditions. The first request after a publish builds the menu, footer and
# language links afresh too.
DIRECTORY_QUERIES = 11
DIRECTORY_QUERIES_AFTER_A_PUBLISH = 17


@pytest.mark.parametrize("total", [15, 150])
def test_directory_queries_stay_constant_from_15_to_150_partners(
    client, directory, regions, django_assert_num_queries, total
):
    region_list = list(regions.values())
    for number in range(total):
        add_partner(
            directory,
            f"Music service {number:03}",
            region_list[number % len(region_list)],
            [(AR, 2018, 2019), (NWG, 2021, None)],
            kind=["music-service", "music-education-hub"][number % 2],
            logo=ImageFactory() if number % 5 == 0 else None,
        )
    filtered = "/en/partners/?role=nwg-member&region=east-of-england&region=north-west&year=2019"
    for url in ["/en/partners/", filtered]:
        client.get(url)  # the first visit makes the logos' renditions
    with django_assert_num_queries(DIRECTORY_QUERIES):
        response = client.get("/en/partners/")
    assert len(listed(response)) == min(total, partner_directory.PARTNERS_PER_PAGE)
    with django_assert_num_queries(DIRECTORY_QUERIES):
        response = client.get(filtered)
    assert listed(response)
    version.new_content_version()
    with django_assert_num_queries(DIRECTORY_QUERIES_AFTER_A_PUBLISH):
        assert len(listed(client.get("/en/partners/"))) == min(total, partner_directory.PARTNERS_PER_PAGE)


PROFILE_QUERIES = 11  # with the menu, footer and language links cached (tests/test_query_counts.py)
# After a publish, whatever the number of roles and resources: routing, the roles, resources and posts
# that mention it, the directory, the logo's renditions and every site-wide fragment.
PROFILE_QUERIES_AFTER_A_PUBLISH = 17


@pytest.mark.parametrize("total", [1, 12])
def test_profile_queries_do_not_grow_with_its_roles_or_resources(
    client, home_page, directory, regions, django_assert_num_queries, total
):
    partner = add_partner(
        directory,
        "Cornwall",
        regions["south-west"],
        [(AR, 2000 + year, None) for year in range(total)],
        logo=ImageFactory(),
    )
    library = ResourceIndexPageFactory(parent=home_page)
    for number in range(total):
        authors = [ResourceAuthoringPartner(partner=partner, name="Cornwall")]
        ResourcePageFactory(parent=library, title=f"Case study {number}", authoring_partners=authors)
    authors = [ResourceAuthoringPartner(partner=partner, name="Cornwall")]
    ResourcePageFactory(parent=library, title="Unpublished", live=False, authoring_partners=authors)
    client.get(partner.url)
    with django_assert_num_queries(PROFILE_QUERIES):
        response = client.get(partner.url)
    version.new_content_version()  # as after a publish: the profile is built afresh
    with django_assert_num_queries(PROFILE_QUERIES_AFTER_A_PUBLISH):
        rebuilt = client.get(partner.url)
    for soup in (soup_of(response), soup_of(rebuilt)):
        assert len(soup.select(".partner-roles li")) == total
        listed_resources = [a.get_text(strip=True) for a in soup.select("#partner-resources + ul .card__title a")]
        assert sorted(listed_resources) == sorted(f"Case study {number}" for number in range(total))


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [
        (2018, 2019, "2018–19"),
        (2019, 2019, "2019"),
        (1999, 2001, "1999–2001"),
        (2021, None, "from 2021"),
        (None, 2020, "until 2020"),
        (None, None, ""),
    ],
)
def test_years_read_as_visitors_expect(start, end, label):
    assert year_range_label(start, end) == label


def headings(soup):
    return [(heading.name, heading.get_text(" ", strip=True)) for heading in soup.select("main h2, main h3")]


def test_a_profile_without_the_optional_answers_renders_no_empty_headings(client, directory):
    partner = add_partner(directory, "Thurrock", summary="", kind="music-service")
    soup = soup_of(client.get(partner.url))
    assert [h1.get_text(strip=True) for h1 in soup.select("h1")] == ["Thurrock"]
    assert headings(soup) == []
    assert not soup.select("main img")
    assert [dt.get_text(strip=True) for dt in soup.select("main dt")] == ["Kind of organisation"]


def test_a_full_profile_shows_each_answer_under_its_heading(client, directory, regions):
    partner = add_partner(
        directory,
        "Hertfordshire Music Service",
        regions["east-of-england"],
        [(AR, 2018, 2019), (NWG, 2021, None)],
        logo=ImageFactory(),
        local_authority_area="Hertfordshire",
        website="https://example.org/",
        why_involved="<p>To reach young people who were missing out.</p>",
        difference_made="<p>Inclusion is now part of every team meeting.</p>",
        project_title="Nurture groups in primary schools",
        project_start_year=2018,
        project_end_year=2019,
        project_focus="Small music groups for children who need extra support.",
        project_findings="<p>Trust between tutors and school staff mattered most.</p>",
    )
    soup = soup_of(client.get(partner.url))
    assert headings(soup) == [
        ("h2", "Roles in Changing Tracks"),
        ("h2", "Why they got involved"),
        ("h2", "What difference it has made"),
        ("h2", "Their action research project"),
        ("h3", "Nurture groups in primary schools"),
        ("h3", "What they found"),
    ]
    assert [item.get_text(" ", strip=True) for item in soup.select(".partner-roles li")] == [
        "Action research partner 2018–19",
        "NWG member from 2021",
    ]
    text = soup.select_one("main").get_text(" ", strip=True)
    for answer in ["who were missing out", "every team meeting", "Small music groups", "Trust between tutors"]:
        assert answer in text
    assert soup.select_one(".partner-profile__logo img")["alt"] == "Hertfordshire Music Service logo"
    region_link = soup.select_one(".partner-facts a[href*=region]")
    assert region_link.get_text(strip=True) == "East of England"
    assert listed(client.get(region_link["href"])) == ["Hertfordshire Music Service"]


def json_ld(response):
    return [json.loads(script.string) for script in soup_of(response).find_all("script", type="application/ld+json")]


def test_search_engines_read_a_profile_as_an_organisation_and_the_directory_as_a_collection(client, partners):
    essex = partners["Essex"]
    essex.website = "https://example.org/essex/"
    essex.local_authority_area = "Essex"
    essex.save()
    [profile] = json_ld(client.get(essex.url))
    assert profile["@type"] == "ProfilePage"
    assert profile["mainEntity"] == {
        "@type": "Organization",
        "name": "Essex",
        "url": "http://localhost/en/partners/essex/",
        "description": "A music service sharing what it learns about inclusion.",
        "sameAs": ["https://example.org/essex/"],
        "areaServed": ["Essex", "East of England"],
    }
    assert [data["@type"] for data in json_ld(client.get("/en/partners/"))] == ["CollectionPage"]
    filtered = soup_of(client.get("/en/partners/?region=london"))
    assert filtered.find("meta", attrs={"name": "robots"})["content"] == "noindex, follow"
    assert not soup_of(client.get("/en/partners/")).find("meta", attrs={"name": "robots"})


def test_a_profile_due_for_review_is_listed_for_its_owner(partners, admin_user, admin_client):
    hull = partners["Hull"]
    hull.next_review_date = datetime.date(2020, 1, 1)
    hull.review_owner = admin_user
    hull.save()
    assert [page.title for page in pages_due_for_review()] == ["Hull"]
    listing = admin_client.get("/admin/review_partnerpage/", {"ordering": "next_review_date"})
    assert listing.status_code == 200 and "Hull" in listing.content.decode()


def test_partner_pages_live_only_in_the_directory_and_the_directory_once_under_home(home_page, directory):
    assert PartnerIndexPage in HomePage.allowed_subpage_models()
    assert not PartnerIndexPage.can_create_at(home_page), "a second directory in the same language"
    assert PartnerPage.can_create_at(directory)
    assert not PartnerPage.can_create_at(home_page)
    assert PartnerIndexPage.allowed_subpage_models() == [PartnerPage]


def search_results(client, **params):
    soup = soup_of(client.get("/en/search/", params))
    return [
        (
            card.select_one(".card__title a").get_text(strip=True),
            card.select_one(".card__meta").get_text(" ", strip=True),
        )
        for card in soup.select(".search-results .search-result")
    ]


def test_partners_and_the_directory_are_found_by_site_search_with_their_kind(client, partners, home_page):
    ProgrammePageFactory(parent=home_page, title="Action research", intro="Hull and other services took part.")
    assert search_results(client, q="Essex") == [("Essex", "Partner · Music service · East of England")]
    assert {title for title, _meta in search_results(client, q="Humber")} == {"Hull", "calderdale"}
    assert ("Our partners", "Partner directory") in search_results(client, q="partners")

    assert {title for title, _meta in search_results(client, q="Hull")} == {"Hull", "Action research"}
    assert search_results(client, q="Hull", kind="partners") == [
        ("Hull", "Partner · Music service · Yorkshire and the Humber")
    ]
    soup = soup_of(client.get("/en/search/", {"q": "Hull"}))
    assert soup.select_one("label[for=kind-partners]").get_text(" ", strip=True) == "Partners (1)"


# Editors, through Wagtail's real admin views.


def partner_form(roles, **overrides):
    fields = {
        "title": "Southampton",
        "slug": "southampton",
        "kind": "music-service",
        "local_authority_area": "Southampton",
        "summary": "A music service in the action research programme.",
        "why_involved": rich_text(""),
        "difference_made": rich_text(""),
        "project_findings": rich_text(""),
        "roles": inline_formset(roles),
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    fields.update(overrides)
    return nested_form_data(fields)


def add_partner_url(directory):
    return reverse("wagtailadmin_pages:add", args=("partners", "partnerpage", directory.pk))


def test_editor_creates_a_partner_page_with_roles(admin_client, directory, regions):
    roles = [
        {"role": AR, "start_year": "2018", "end_year": "2019"},
        {"role": NWG, "start_year": "2021", "end_year": ""},
    ]
    response = admin_client.post(add_partner_url(directory), partner_form(roles, region=str(regions["south-east"].pk)))
    assert response.status_code == 302, response.content[:2000]
    partner = PartnerPage.objects.get(slug="southampton")
    assert partner.live and partner.region.slug == "south-east"
    assert [str(role) for role in partner.roles.all()] == ["Action research partner 2018–19", "NWG member from 2021"]
    assert listed(admin_client.get("/en/partners/?region=south-east&year=2019")) == ["Southampton"]


def test_a_role_ending_before_it_starts_is_refused_with_the_error_beside_the_field(admin_client, directory):
    roles = [{"role": AR, "start_year": "2019", "end_year": "2018"}]
    response = admin_client.post(add_partner_url(directory), partner_form(roles))
    assert response.status_code == 200
    assert not PartnerPage.objects.filter(slug="southampton").exists()
    soup = BeautifulSoup(response.content, "html.parser")
    end_year = soup.select_one("#id_roles-0-end_year")
    wrapper = end_year.find_parent(attrs={"data-field-wrapper": True})
    assert "The end year cannot be before the start year (2019)." in wrapper.get_text()
    assert end_year["value"] == "2018"


def test_a_project_ending_before_it_starts_is_refused_beside_the_field(admin_client, directory):
    response = admin_client.post(
        add_partner_url(directory), partner_form([], project_start_year="2020", project_end_year="2019")
    )
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    wrapper = soup.select_one("#id_project_end_year").find_parent(attrs={"data-field-wrapper": True})
    assert "The end year cannot be before the start year (2020)." in wrapper.get_text()
    assert not PartnerPage.objects.exists()


# Demo content from the seeds.

DEMO_REGIONS = {
    "Cambridgeshire music service": "east-of-england",
    "Cornwall music service": "south-west",
    "Essex music service": "east-of-england",
    "Hertfordshire Music Service": "east-of-england",
    "Hull music service": "yorkshire-and-the-humber",
    "Liverpool Resonate": "north-west",
    "Norfolk music service": "east-of-england",
    "Southampton music service": "south-east",
    "Waltham Forest music service": "london",
    "Calderdale music service": "yorkshire-and-the-humber",
    "Ealing music service": "london",
    "Luton music service": "east-of-england",
    "Northamptonshire music service": "east-midlands",
    "Thurrock music service": "east-of-england",
    "Milton Keynes music service": "south-east",
}


def test_demo_loads_the_seeds_partners_with_regions_and_roles_and_invents_nothing(client):
    call_command("load_demo_content")
    partners = PartnerPage.objects.live().select_related("region")
    assert {partner.title: partner.region.slug for partner in partners} == DEMO_REGIONS
    action_research = set(partners.filter(roles__role=AR).values_list("title", flat=True))
    assert action_research == set(list(DEMO_REGIONS)[:9])
    assert set(partners.filter(roles__role=NWG).values_list("title", flat=True)) == set(DEMO_REGIONS)
    herts = partners.get(roles__role=PartnerRoleKind.PROGRAMME_LEAD)
    assert [str(role) for role in herts.roles.all()] == ["Programme lead", "Action research partner", "NWG member"]
    for partner in partners:
        assert partner.summary and not partner.website and not partner.project_title
        assert not partner.roles.exclude(start_year=None).exists() and not partner.roles.exclude(end_year=None).exists()
    soup = soup_of(client.get("/en/partners/"))
    assert "East of England: 6 partners" in [item.get_text(strip=True) for item in soup.select(".region-counts li")]
    assert len(listed(client.get("/en/partners/?role=action-research-partner"))) == 9


def test_demo_credits_no_partner_with_a_resource_and_profiles_list_the_posts_that_mention_them(client):
    # The seeds name no resource any partner wrote: the demo's resources are examples by "Example author".
    # (Linking authors to profiles, and profiles listing what they wrote, are tested with factories above.)
    call_command("load_demo_content")
    assert not ResourcePage.objects.filter(authoring_partners__partner__isnull=False).exists()
    cornwall = soup_of(client.get("/en/partners/cornwall/"))
    assert cornwall.select_one("#partner-resources") is None
    posts = [a.get_text(strip=True) for a in cornwall.select(".card__title a")]
    assert "Example: The music services in our action research" in posts
