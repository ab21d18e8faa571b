"""The Content-Security-Policy in a real browser: nothing the site or the Wagtail admin needs is blocked."""

import pytest
from django.contrib.auth import get_user_model

from tests.factories import ProgrammePageFactory, build_home_page

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-test-password-for-the-browser"  # noqa: S105

# Every frame of the page reports what the policy blocked.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    const where = document.location.pathname;
    window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI} in ${where}`);
});
"""


@pytest.fixture
def violations(page):
    """CSP violations reported by any frame, plus the console's CSP errors."""
    found = []
    page.add_init_script(RECORD_VIOLATIONS)
    page.on("console", lambda message: "Content Security Policy" in message.text and found.append(message.text))
    # The video player is never fetched from the internet: the policy is checked before the request.
    page.route("https://www.youtube-nocookie.com/**", lambda route: route.fulfill(body="<p>A video player</p>"))

    def collect():
        for frame in page.frames:
            found.extend(frame.evaluate("window.__cspViolations || []"))
        return found

    return collect


@pytest.fixture
def site(transactional_db):
    home = build_home_page()
    ProgrammePageFactory(
        parent=home,
        title="About Changing Tracks",
        slug="about",
        body=[
            ("paragraph", "<p>We help music services embed inclusion.</p>"),
            ("embed", {"url": "https://youtu.be/jNQXAC9IVRw", "title": "Nurture groups in Hull", "transcript": ""}),
        ],
    )
    return home


def test_public_page_and_its_click_to_load_video_run_under_the_policy(live_server, page, violations, site):
    page.goto(live_server.url + "/en/about/")
    page.get_by_role("link", name="Watch the video").click()
    frame = page.locator(".video-embed iframe")
    frame.wait_for()
    assert frame.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/jNQXAC9IVRw")
    page.frame_locator(".video-embed iframe").get_by_text("A video player").wait_for()
    assert violations() == []


def test_editor_logs_in_edits_and_previews_a_page_without_csp_errors(live_server, page, violations, site):
    get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)
    about = site.get_children().get(slug="about")

    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live_server.url + "/admin/")

    page.goto(f"{live_server.url}/admin/pages/{about.pk}/edit/")
    page.locator("#id_title").wait_for()
    page.get_by_role("tab", name="Promote").click()
    page.locator("[data-side-panel-toggle='preview']").click()
    # Wagtail loads the preview in a second frame, then swaps it in for the first.
    preview = page.frame_locator("iframe[title='Preview']").last
    preview.get_by_role("heading", name="About Changing Tracks", level=1).wait_for()
    assert violations() == []

    # The live page, with Wagtail's user bar for the logged-in editor, under the public policy.
    page.goto(live_server.url + "/en/about/")
    page.locator("wagtail-userbar").wait_for(state="attached")
    page.wait_for_load_state("networkidle")
    assert violations() == []
