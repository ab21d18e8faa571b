"""The full-page cache: anonymous visitors get stored pages, nobody else does, and changes purge them."""

import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import redis
from django.urls import reverse
from wagtail.models import PageViewRestriction, Site

from core.models import FooterSettings
from tests.factories import (
    BlogIndexPageFactory,
    BlogPageFactory,
    EnquiryFormPageFactory,
    PartnerIndexPageFactory,
    ProgrammePageFactory,
    UserFactory,
)
from tests.failures import REDIS_TEST_URL, redis_cache, redis_is_up
from tests.test_editor import programme_form

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_CACHE_BROWSER_SECONDS = 30
    settings.PAGE_CACHE_CDN_SECONDS = 600
    settings.PAGE_CACHE_STALE_SECONDS = 45


@pytest.fixture
def blog(home_page):
    return BlogIndexPageFactory(parent=home_page)


@pytest.fixture
def post(blog):
    return BlogPageFactory(parent=blog, title="Nurture groups in Hull", slug="nurture-groups")


def warm(client, *urls):
    """Request each URL until it comes from the cache, so a later miss shows a purge."""
    for url in urls:
        client.get(url)
        assert client.get(url).headers.get("X-Cache") == "HIT", url


def assert_private(response):
    assert "X-Cache" not in response.headers
    assert "private" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_a_second_anonymous_request_is_answered_from_the_cache_without_queries(client, post, django_assert_num_queries):
    first = client.get(post.url)
    assert first.headers["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        second = client.get(post.url)
    assert second.headers["X-Cache"] == "HIT"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    # The middleware outside the cache still adds its headers to a cached page.
    assert "Content-Security-Policy" in second.headers and "X-Request-ID" in second.headers


def test_head_is_answered_from_the_cache(client, post):
    client.get(post.url)
    response = client.head(post.url)
    assert response.headers["X-Cache"] == "HIT"
    assert response.content == b""


def test_public_pages_say_how_long_browsers_and_cdns_may_keep_them(client, post):
    for response in (client.get(post.url), client.get(post.url)):
        directives = {part.strip() for part in response["Cache-Control"].split(",")}
        assert directives == {"public", "max-age=30", "s-maxage=600", "stale-while-revalidate=45"}


def test_the_parameters_a_page_reads_are_part_of_the_key(client, home_page):
    partners = PartnerIndexPageFactory(parent=home_page)
    warm(client, partners.url)
    assert client.get(partners.url + "?kind=music_service").headers["X-Cache"] == "MISS"
    assert client.get(partners.url + "?kind=music_service&page=1").headers["X-Cache"] == "MISS"
    assert client.get(partners.url + "?page=1&kind=music_service").headers["X-Cache"] == "HIT", "order is ignored"


def test_tracking_and_unknown_parameters_are_dropped_and_served_from_the_clean_key(client, home_page, post, blog):
    partners = PartnerIndexPageFactory(parent=home_page)
    warm(client, partners.url + "?kind=music_service", post.url)
    junk = "utm_source=news&utm_campaign=x&fbclid=abc&gclid=def&made_up=1"
    tracked = client.get(f"{partners.url}?kind=music_service&{junk}")
    assert tracked.headers["X-Cache"] == "HIT"
    assert client.get(f"{post.url}?{junk}").headers["X-Cache"] == "HIT"
    assert b"utm_source" not in tracked.content and b"fbclid" not in tracked.content
    first_of_many = client.get(f"{blog.url}?utm_source=variant-0")
    assert first_of_many.headers["X-Cache"] == "MISS"
    assert b"variant-0" not in first_of_many.content, "the page is built without the junk, for everyone"
    for number in range(1, 20):
        assert client.get(f"{blog.url}?utm_source=variant-{number}").headers["X-Cache"] == "HIT"


def test_every_filter_a_listing_reads_is_kept_in_the_key():
    from blog.models import FILTERS as BLOG_FILTERS
    from caching.middleware import QUERY_PARAMETERS
    from core.filters import parameter_names
    from events.listing import FILTERS as EVENT_FILTERS
    from partners.directory import FILTERS as DIRECTORY_FILTERS
    from resources.library import FILTERS as LIBRARY_FILTERS

    filters = set(parameter_names(BLOG_FILTERS, DIRECTORY_FILTERS, LIBRARY_FILTERS, EVENT_FILTERS))
    assert filters | {"page"} <= QUERY_PARAMETERS
    assert not {"utm_source", "fbclid", "gclid"} & QUERY_PARAMETERS


def test_a_logged_in_visitor_neither_gets_nor_stores_cached_pages(client, post):
    client.force_login(UserFactory(is_superuser=True))
    for _ in range(2):
        response = client.get(post.url)
        assert_private(response)
        assert b"w-userbar" in response.content, "an editor sees their own page, with the userbar"
    client.logout()
    client.cookies.clear()
    assert client.get(post.url).headers["X-Cache"] == "MISS"
    assert b"w-userbar" not in client.get(post.url).content


def test_a_page_with_a_csrf_protected_form_is_never_cached(client, home_page):
    enquiry = EnquiryFormPageFactory(parent=home_page)
    for _ in range(2):
        response = client.get(enquiry.url)
        assert response.status_code == 200
        assert b"csrfmiddlewaretoken" in response.content
        assert_private(response)


def test_a_form_error_is_never_cached(client, home_page):
    partners = PartnerIndexPageFactory(parent=home_page)
    url = partners.url + "?year=nineteen"
    for _ in range(2):
        response = client.get(url)
        assert b"Enter the year as four digits" in response.content
        assert "X-Cache" not in response.headers
        assert "public" not in response.get("Cache-Control", "")


def test_the_enews_sign_up_is_cached_without_its_errors(client, home_page):
    """The sign-up form has no CSRF token (newsletter/views.py), so its page is cached; a post with errors is not."""
    url = reverse("newsletter:signup")
    warm(client, url)
    refused = client.post(url, {"email": "not an address"})
    assert b'aria-invalid="true"' in refused.content and "X-Cache" not in refused.headers
    response = client.get(url)
    assert response.headers["X-Cache"] == "HIT" and b'aria-invalid="true"' not in response.content


def test_searches_are_never_cached(client, post):
    library_with_keyword = post.get_parent().url + "?q=nurture"
    for url in ("/en/search/?q=nurture", "/en/search/", "/en/search/autocomplete/?q=nur", library_with_keyword):
        for _ in range(2):
            response = client.get(url)
            assert response.status_code == 200, url
            assert_private(response)


def test_a_preview_is_never_cached_or_served_to_anyone_else(admin_client, client, home_page):
    preview_url = reverse("wagtailadmin_pages:preview_on_add", args=("home", "programmepage", home_page.pk))
    admin_client.post(preview_url, programme_form())
    preview = admin_client.get(preview_url)
    assert b"Small groups that build confidence through music." in preview.content
    assert "public" not in preview["Cache-Control"] and "X-Cache" not in preview.headers
    assert client.get(preview_url).status_code == 302, "an anonymous visitor is sent to log in, not given the preview"


def test_publishing_purges_the_page_and_the_listings_that_show_it(client, post):
    blog = post.get_parent()
    warm(client, post.url, blog.url, "/en/blog/?page=1")
    post.title = "Nurture groups in Hull and East Riding"
    post.save_revision().publish()
    for url in (post.url, blog.url, "/en/blog/?page=1"):
        response = client.get(url)
        assert response.headers["X-Cache"] == "MISS", url
        assert b"Nurture groups in Hull and East Riding" in response.content, url


def test_publishing_through_the_admin_purges_the_page_and_the_menu_on_every_page(admin_client, client, home_page):
    page = ProgrammePageFactory(parent=home_page, title="Nurture groups", slug="nurture-groups")
    warm(client, page.url, home_page.url)
    form = programme_form(
        title="Nurture groups in primary schools", show_in_menus="on", **{"action-publish": "publish"}
    )
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), form)
    assert response.status_code == 302
    for url in (page.url, home_page.url):
        assert b"Nurture groups in primary schools" in client.get(url).content, url


def test_unpublishing_purges_the_page_and_its_listing(client, post):
    blog = post.get_parent()
    warm(client, post.url, blog.url)
    post.unpublish()
    assert client.get(post.url).status_code == 404
    assert b"Nurture groups in Hull" not in client.get(blog.url).content


def test_deleting_purges_the_page_and_its_listing(client, post):
    blog = post.get_parent()
    url = post.url
    warm(client, url, blog.url)
    post.delete()
    assert client.get(url).status_code == 404
    assert b"Nurture groups in Hull" not in client.get(blog.url).content


def test_moving_purges_the_old_address_and_both_listings(client, home_page, post):
    """Wagtail redirects a moved page's old address; the cached page must not hide the redirect."""
    old_blog = post.get_parent()
    new_blog = BlogIndexPageFactory(parent=home_page, title="News", slug="news")
    old_url = post.url
    warm(client, old_url, old_blog.url, new_blog.url)
    post.move(new_blog, pos="last-child")
    post.refresh_from_db()
    assert client.get(old_url).url == post.url
    assert b"Nurture groups in Hull" not in client.get(old_blog.url).content
    assert b"Nurture groups in Hull" in client.get(new_blog.url).content
    assert client.get(post.url).status_code == 200


def test_changing_the_footer_settings_purges_every_page(client, post):
    warm(client, post.url)
    footer = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    footer.contact_email = "team@changingtracks.example"
    footer.save()
    assert b"team@changingtracks.example" in client.get(post.url).content


def test_restricting_a_page_to_logged_in_users_purges_it(client, post):
    warm(client, post.url)
    PageViewRestriction.objects.create(page=post, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(post.url).status_code == 302


class PurgeRecorder(BaseHTTPRequestHandler):
    """A stand-in CDN that records the PURGE requests Wagtail's HTTP backend sends it."""

    purged = []

    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        self.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def cdn(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    PurgeRecorder.purged = []
    yield PurgeRecorder.purged
    server.shutdown()
    server.server_close()


def test_publishing_purges_the_page_and_its_listings_from_the_cdn(cdn, post):
    post.title = "Nurture groups in Hull and East Riding"
    post.save_revision().publish()
    assert {path for _host, path in cdn} >= {"/en/blog/nurture-groups/", "/en/blog/", "/en/"}
    assert {host for host, _path in cdn} == {"localhost"}


def test_moving_purges_the_old_and_new_addresses_from_the_cdn(cdn, home_page, post):
    news = BlogIndexPageFactory(parent=home_page, title="News", slug="news")
    post.move(news, pos="last-child")
    assert {path for _host, path in cdn} >= {"/en/blog/nurture-groups/", "/en/blog/", "/en/news/nurture-groups/"}


def test_with_redis_the_cache_is_shared_and_purged(client, settings, post):
    if not redis_is_up():
        pytest.skip(f"Redis is not running at {REDIS_TEST_URL} (.ci/run starts it)")
    prefix = f"ct-pagecache-tests-{uuid.uuid4().hex}"
    settings.CACHES = redis_cache(REDIS_TEST_URL, prefix=prefix)
    server = redis.Redis.from_url(REDIS_TEST_URL)
    try:
        warm(client, post.url)
        assert any(b"pagecache:page:" in key for key in server.keys(f"{prefix}:*"))
        post.title = "Nurture groups in Hull and East Riding"
        post.save_revision().publish()
        response = client.get(post.url)
        assert response.headers["X-Cache"] == "MISS"
        assert b"Nurture groups in Hull and East Riding" in response.content
    finally:
        server.delete(*server.keys(f"{prefix}:*") or ["-"])
