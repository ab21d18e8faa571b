"""The blog, the enquiry form and the enews pages in a real browser: axe finds nothing, the keyboard is enough."""

import re
from datetime import date, timedelta

import pytest
from django.core import mail
from wagtail.models import Site

from blog.models import BlogPage, BlogPageMentionedPartner, BlogPageRelatedResource
from home.models import EnquirySubmission
from newsletter.models import NewsletterSettings, Subscriber
from tests.browser.conftest import assert_no_axe_violations
from tests.factories import (
    BlogIndexPageFactory,
    BlogPageFactory,
    EnquiryFormPageFactory,
    ImageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    PersonFactory,
    ProgrammePageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    ResourceTypeFactory,
    build_home_page,
)

pytestmark = pytest.mark.django_db(transaction=True)

# Long enough for the form's minimum fill time (set to 1 second below) to pass.
HUMAN_PAUSE_MS = 1100


@pytest.fixture
def site(transactional_db, settings):
    settings.FORM_MIN_FILL_SECONDS = 1
    home = build_home_page()
    privacy = ProgrammePageFactory(parent=home, title="Privacy notice", slug="privacy-notice", show_in_menus=False)
    enews = NewsletterSettings.for_site(Site.objects.get(is_default_site=True))
    enews.privacy_page = privacy
    enews.save()
    blog = BlogIndexPageFactory(parent=home, show_in_menus=True)
    author = PersonFactory(name="Changing Tracks team", photo=ImageFactory(description="The team's logo"))
    image = ImageFactory(description="Five coloured tracks side by side")
    for n in range(12):
        BlogPageFactory(
            parent=blog,
            title=f"Nurture groups, part {n + 1}",
            slug=f"nurture-groups-{n + 1}",
            date=date(2025, 6, 1) - timedelta(weeks=6 * n),
            category=["news", "nwg-write-up", "programme-update"][n % 3],
            hero_image=image,
            tags=["Nurture groups", "NWG"][: 1 + n % 2],
            authors=[author],
            body=[
                ("paragraph", "<p>Seventeen music services are developing nurture groups with primary schools.</p>"),
                ("enews_signup", {"heading": "Keep in touch", "text": "Advice, tools and tips."}),
            ],
        )
    library = ResourceIndexPageFactory(parent=home)
    toolkit = ResourcePageFactory(parent=library, title="Nurture groups toolkit", resource_type=ResourceTypeFactory())
    first_post = BlogPage.objects.get(slug="nurture-groups-1")
    BlogPageRelatedResource.objects.create(page=first_post, resource=toolkit)
    hull = PartnerPageFactory(parent=PartnerIndexPageFactory(parent=home), title="Hull music service")
    BlogPageMentionedPartner.objects.create(page=first_post, partner=hull)
    enquiry = EnquiryFormPageFactory(parent=home)
    return blog, enquiry


def test_blog_index_filtered_and_a_post_have_no_axe_violations(live_server, page, axe, site):
    blog, _enquiry = site
    page.goto(live_server.url + blog.url)
    assert page.locator("h1").count() == 1
    assert_no_axe_violations(axe, page)

    page.get_by_label("Category").select_option("nwg-write-up")
    page.get_by_role("button", name="Show posts").press("Enter")
    page.wait_for_url(re.compile(r"category=nwg-write-up"))
    assert page.locator(".card").count() == 4
    assert_no_axe_violations(axe, page)
    page.get_by_role("link", name=re.compile(r"NWG write-up .*remove this filter")).press("Enter")
    page.wait_for_url(live_server.url + blog.url + "?")  # no filters left, as in the library and directory
    assert page.locator(".card").count() == 10

    page.get_by_role("link", name="Nurture groups, part 1", exact=True).press("Enter")
    page.wait_for_url("**/nurture-groups-1/")
    assert page.locator("h1").inner_text() == "Nurture groups, part 1"
    assert page.locator(".post__resources .card__title").inner_text() == "Nurture groups toolkit"
    assert page.locator(".post__partners .card__title").inner_text() == "Hull music service"
    assert_no_axe_violations(axe, page)


def test_enquiry_form_errors_are_fixed_with_the_keyboard_alone(live_server, page, axe, site):
    _blog, enquiry = site
    page.goto(live_server.url + enquiry.url)
    page.get_by_label("Your email address").fill("sam at a music service")
    page.get_by_label("Your organisation").fill("A county music service")
    page.wait_for_timeout(HUMAN_PAUSE_MS)
    page.get_by_role("button", name="Send your enquiry").click()

    summary = page.locator(".error-summary")
    summary.wait_for()
    assert page.title().startswith("Error:")
    assert page.evaluate("document.activeElement.classList.contains('error-summary')"), "the summary takes focus"
    assert_no_axe_violations(axe, page)
    assert page.get_by_label("Your organisation").input_value() == "A county music service"

    # From the summary, Tab to the first error link and follow it into the field.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Answer “Your name”"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_your_name"
    page.keyboard.type("Sam Taylor")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_your_email_address"
    page.keyboard.press("Control+A")
    page.keyboard.type("sam@music-service.example")
    page.keyboard.press("Tab")  # organisation, already filled
    page.keyboard.press("Tab")  # the first choice: "Give a presentation"
    page.keyboard.press("Space")
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Send your enquiry":
            break
    page.wait_for_timeout(HUMAN_PAUSE_MS)
    page.keyboard.press("Enter")

    page.get_by_role("heading", level=1, name="Thank you: we have your enquiry").wait_for()
    submission = EnquirySubmission.objects.get()
    assert submission.form_data["your_name"] == "Sam Taylor"
    assert submission.form_data["what_would_you_like_us_to_do"] == ["Give a presentation"]
    assert_no_axe_violations(axe, page)


def test_enews_sign_up_pages_have_no_axe_violations(live_server, page, axe, site):
    page.goto(live_server.url + "/en/enews/")
    page.locator("main").get_by_role("button", name="Sign up").click()
    page.locator(".error-summary").wait_for()
    assert_no_axe_violations(axe, page)

    main = page.locator("main")
    main.get_by_label("Email address").fill("sam@example.org")
    main.get_by_label(re.compile("^Yes, email me")).check()
    page.wait_for_timeout(HUMAN_PAUSE_MS)
    main.get_by_role("button", name="Sign up").click()
    page.wait_for_url("**/enews/check-your-email/")
    assert_no_axe_violations(axe, page)

    links = dict(re.findall(r"http://[^/\s]+(/en/enews/(confirm|unsubscribe)/[^/\s]+/)", mail.outbox[0].body))
    confirm, unsubscribe = [path for path, kind in links.items() if kind == "confirm"] + [
        path for path, kind in links.items() if kind == "unsubscribe"
    ]
    page.goto(live_server.url + confirm)
    assert page.locator("h1").inner_text() == "Confirm your sign-up"
    assert_no_axe_violations(axe, page)
    assert not Subscriber.objects.get().is_confirmed
    page.get_by_role("button", name="Yes, sign me up").click()
    page.get_by_role("heading", level=1, name="You are signed up").wait_for()
    assert_no_axe_violations(axe, page)
    assert Subscriber.objects.get().is_confirmed

    page.goto(live_server.url + unsubscribe)
    assert_no_axe_violations(axe, page)
    page.get_by_role("button", name="Unsubscribe").press("Enter")
    page.get_by_role("heading", level=1, name="You have unsubscribed").wait_for()
    assert_no_axe_violations(axe, page)

    page.goto(live_server.url + confirm.replace("/confirm/", "/confirm/x"))
    assert page.locator("h1").inner_text() == "This link does not work"
    assert_no_axe_violations(axe, page)


def test_footer_sign_up_works_on_a_phone(live_server, page, axe, site):
    blog, _enquiry = site
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(live_server.url + blog.url)
    footer = page.locator("footer")
    footer.get_by_label("Email address").fill("hub@example.org")
    footer.get_by_label(re.compile("^Yes, email me")).check()
    assert_no_axe_violations(axe, page)
    page.wait_for_timeout(HUMAN_PAUSE_MS)
    footer.get_by_role("button", name="Sign up").press("Enter")
    page.wait_for_url("**/enews/check-your-email/")
    assert Subscriber.objects.get().source_url == blog.url
