"""The block library and the site-wide parts every page shares."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.models import Locale, Site

from core.blocks import BaseStreamBlock, FigureBlock, TitledEmbedBlock, video_embed_address
from core.models import FooterSettings, FooterText
from demo.helpers import translate
from tests.factories import ImageFactory, ProgrammePageFactory
from tests.test_i18n import HOME_WELSH

pytestmark = pytest.mark.django_db


def figure(image, **values):
    block = FigureBlock()
    return block, block.to_python({"image": image.pk, "alt_text": "", "decorative": False, "caption": "", **values})


def test_image_block_refuses_missing_alt_text():
    block, value = figure(ImageFactory())
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    assert "alt_text" in error.value.block_errors


def test_image_block_accepts_decorative_image_without_alt_text():
    block, value = figure(ImageFactory(), decorative=True)
    assert block.clean(value)["decorative"] is True


def test_image_block_renders_alt_text_or_an_empty_alt_when_decorative(client, home_page):
    page = ProgrammePageFactory(
        parent=home_page,
        body=[
            (
                "image",
                {"image": ImageFactory(), "alt_text": "Pupils playing steel pans", "decorative": False, "caption": ""},
            ),
            ("image", {"image": ImageFactory(), "alt_text": "", "decorative": True, "caption": "Photo: a hub"}),
        ],
    )
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert [img["alt"] for img in soup.select("figure img")] == ["Pupils playing steel pans", ""]
    assert soup.select_one("figure figcaption").get_text(strip=True) == "Photo: a hub"


@pytest.mark.parametrize(
    "url,expected",
    [
        ("https://www.youtube.com/watch?v=jNQXAC9IVRw", "https://www.youtube-nocookie.com/embed/jNQXAC9IVRw"),
        ("https://youtu.be/jNQXAC9IVRw", "https://www.youtube-nocookie.com/embed/jNQXAC9IVRw"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871"),
        ("https://example.org/video", None),
        ("https://www.youtube.com/watch?v=<script>", None),
    ],
)
def test_video_addresses_are_built_without_asking_the_provider(url, expected):
    assert video_embed_address(url) == expected


def test_embed_block_requires_a_title_and_a_known_video_host():
    block = TitledEmbedBlock()
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python({"url": "https://example.org/not-a-video", "title": "", "transcript": ""}))
    assert {"url", "title"} <= set(error.value.block_errors)


def test_every_block_has_a_description_and_a_preview():
    for name, block in BaseStreamBlock().child_blocks.items():
        assert block.meta.description, f"{name} has no description"
        assert block.get_preview_value() is not None or name == "image", f"{name} has no preview value"


def test_footer_shows_funders_in_the_visitors_language_and_contact_details(client, home_page):
    english = FooterText.objects.create(
        locale=Locale.get_default(), funder_acknowledgement="<p>Funded by Youth Music and the National Lottery.</p>"
    )
    translate(english, "cy", {"Funded by Youth Music and the National Lottery.": "Ariennir gan Youth Music."})
    translate(home_page, "cy", HOME_WELSH)
    footer = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    footer.contact_email = "hello@example.org"
    footer.social_links = [("link", {"name": "Bluesky", "url": "https://bsky.app/profile/example"})]
    footer.save()
    soup = BeautifulSoup(client.get("/en/").content, "html.parser")
    footer_text = soup.select_one("footer").get_text(" ", strip=True)
    assert "Funded by Youth Music" in footer_text
    assert soup.select_one('footer a[href="mailto:hello@example.org"]')
    assert soup.select_one('footer a[href="https://bsky.app/profile/example"]').get_text(strip=True) == "Bluesky"
    welsh = BeautifulSoup(client.get("/cy/").content, "html.parser").select_one("footer .site-footer__funders")
    assert welsh.get_text(strip=True) == "Ariennir gan Youth Music."


def test_navigation_lists_menu_pages_and_marks_the_current_one(client, home_page):
    about = ProgrammePageFactory(parent=home_page, title="About", slug="about")
    ProgrammePageFactory(parent=home_page, title="Hidden", slug="hidden", show_in_menus=False)
    child = ProgrammePageFactory(parent=about, title="Our team", slug="team")
    soup = BeautifulSoup(client.get(child.url).content, "html.parser")
    links = {a.get_text(strip=True): a.get("aria-current") for a in soup.select("nav[aria-label=Main] a")}
    assert links == {"Home": None, "About": "true"}
    crumbs = [a.get_text(strip=True) for a in soup.select("nav[aria-label=Breadcrumb] a")]
    assert crumbs == ["Home", "About", "Our team"]
