"""Images: only approved renditions, in modern formats with sizes and lazy loading, made in advance for the demo.

The template and code checks read the project's own files; each is also run on a made-up bad
example, so a check that stopped finding anything would fail here rather than pass silently.
"""

import ast
import importlib

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.management import call_command
from django.template import Template, engines
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.images.templatetags.wagtailimages_tags import ImageNode, PictureNode

from core.images import APPROVED_RENDITIONS, make_approved_renditions, unapproved_specs
from tests.factories import BlogIndexPageFactory, BlogPageFactory, ImageFactory, PersonFactory

# Where the project's own templates and code live: the templates folder and its Python packages.
PACKAGES = sorted(path.parent for path in settings.BASE_DIR.glob("*/__init__.py") if path.parent.name != "tests")
TEMPLATE_FILES = sorted(
    [
        *(settings.BASE_DIR / "templates").glob("**/*.html"),
        *(path for app in PACKAGES for path in (app / "templates").glob("**/*.html")),
    ]
)
# core/images.py makes the approved renditions from the list itself.
PYTHON_FILES = sorted(
    path
    for app in PACKAGES
    for path in app.glob("**/*.py")
    if "migrations" not in path.parts and path != settings.BASE_DIR / "core" / "images.py"
)
RENDITION_METHODS = {"get_rendition", "get_renditions"}
FALLBACK_FORMATS = {"format-jpeg", "format-png"}


def template_problems(source):
    """What is wrong with the image tags in a template's source, as readable sentences."""
    problems = []
    nodes = Template(source, engine=engines["django"].engine).nodelist.get_nodes_by_type(ImageNode)
    for node in nodes:
        tag = " ".join(node.filter_specs)
        problems += [
            f"{tag}: {spec} is not in core.images.APPROVED_RENDITIONS" for spec in unapproved_specs(node.filter_specs)
        ]
        formats = {
            spec for spec in node.filter_specs for spec in Filter.expand_spec(spec) if spec.startswith("format-")
        }
        if (
            not isinstance(node, PictureNode)
            or not {"format-avif", "format-webp"} <= formats
            or not formats & FALLBACK_FORMATS
        ):
            problems.append(f"{tag}: use {{% picture %}} with AVIF, WebP and a JPEG or PNG fallback")
        problems += [f"{tag}: no {attr}" for attr in ("sizes", "alt") if attr not in node.attrs]
        if not {"loading", "fetchpriority"} & node.attrs.keys():
            problems.append(f'{tag}: say loading="lazy" (below the fold) or fetchpriority="high" (a hero)')
    return problems


def code_problems(source, module=None):
    """Calls to get_rendition(s) in Python source whose specs are not approved, or cannot be checked."""
    problems = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and getattr(node.func, "attr", None) in RENDITION_METHODS):
            continue
        for argument in node.args:
            if isinstance(argument, ast.Constant):
                spec = argument.value
            elif isinstance(argument, ast.Name) and hasattr(module, argument.id):
                spec = getattr(module, argument.id)
            else:
                problems.append(f"line {node.lineno}: a spec that is not a string or a module constant")
                continue
            problems += [f"line {node.lineno}: {bad} is not approved" for bad in unapproved_specs(spec)]
    return problems


def module_name(path):
    return ".".join(path.relative_to(settings.BASE_DIR).with_suffix("").parts)


def test_there_are_templates_and_code_to_check():
    assert settings.BASE_DIR / "templates" / "home" / "home_page.html" in TEMPLATE_FILES
    assert settings.BASE_DIR / "core" / "templatetags" / "core_tags.py" in PYTHON_FILES


def test_every_approved_spec_is_a_filter_wagtail_understands():
    for spec in APPROVED_RENDITIONS:
        assert Filter(spec).operations, spec


@pytest.mark.parametrize("path", TEMPLATE_FILES, ids=lambda path: str(path.relative_to(settings.BASE_DIR)))
def test_templates_ask_only_for_approved_renditions_in_modern_formats(path):
    assert template_problems(path.read_text()) == []


def test_code_asks_only_for_approved_renditions():
    callers = [path for path in PYTHON_FILES if "get_rendition" in path.read_text()]
    problems = {
        module_name(path): code_problems(path.read_text(), importlib.import_module(module_name(path)))
        for path in callers
    }
    assert "core.templatetags.core_tags" in problems, "the sharing image's rendition was not found"
    assert {name: found for name, found in problems.items() if found} == {}


def test_the_template_check_finds_an_unapproved_spec_and_an_old_style_image():
    source = """{% load wagtailimages_tags %}
        {% picture page.hero_image format-{avif,webp,jpeg} width-{480,999} sizes="100vw" alt="" loading="lazy" %}
        {% image page.hero_image fill-96x96 alt="" %}"""
    assert template_problems(source) == [
        "format-{avif,webp,jpeg} width-{480,999}: format-avif|width-999 is not in core.images.APPROVED_RENDITIONS",
        "format-{avif,webp,jpeg} width-{480,999}: format-webp|width-999 is not in core.images.APPROVED_RENDITIONS",
        "format-{avif,webp,jpeg} width-{480,999}: format-jpeg|width-999 is not in core.images.APPROVED_RENDITIONS",
        "fill-96x96: fill-96x96 is not in core.images.APPROVED_RENDITIONS",
        "fill-96x96: use {% picture %} with AVIF, WebP and a JPEG or PNG fallback",
        "fill-96x96: no sizes",
        'fill-96x96: say loading="lazy" (below the fold) or fetchpriority="high" (a hero)',
    ]


def test_the_code_check_finds_an_unapproved_or_unreadable_spec():
    source = "image.get_rendition('fill-1200x630|format-jpeg')\nimage.get_renditions('width-333', spec_for(page))"
    assert code_problems(source) == [
        "line 2: width-333 is not approved",
        "line 2: a spec that is not a string or a module constant",
    ]


def test_an_author_photo_is_a_lazy_picture_with_modern_formats_and_dimensions(client, home_page):
    blog = BlogIndexPageFactory(parent=home_page)
    author = PersonFactory(name="Changing Tracks team", photo=ImageFactory(file__width=400, file__height=400))
    post = BlogPageFactory(parent=blog, authors=[author])
    photo = BeautifulSoup(client.get(post.url).content, "html.parser").select_one(".post__authors picture")
    assert [source["type"] for source in photo.select("source")] == ["image/avif", "image/webp"]
    img = photo.img
    assert (img["width"], img["height"], img["sizes"], img["loading"]) == ("96", "96", "96px", "lazy")
    assert img["src"].endswith(".jpg") and "192w" in img["srcset"]


@pytest.mark.django_db
def test_the_demo_makes_every_approved_rendition_of_its_images_before_anyone_visits(client, settings):
    settings.DEMO_PREGENERATE_RENDITIONS = True
    call_command("load_demo_content")
    images = list(get_image_model().objects.all())
    assert images
    for image in images:
        assert set(image.renditions.values_list("filter_spec", flat=True)) == APPROVED_RENDITIONS, image.title
    Rendition = get_image_model().get_rendition_model()
    made = Rendition.objects.count()

    for url in ["/en/", "/en/blog/", "/cy/"]:
        assert client.get(url).status_code == 200
    post = BeautifulSoup(client.get("/en/blog/").content, "html.parser").select_one(".card__title a")["href"]
    assert client.get(post).status_code == 200
    assert Rendition.objects.count() == made, "a visit had to make a rendition"

    make_approved_renditions(images)
    assert Rendition.objects.count() == made, "running it again made renditions again"
