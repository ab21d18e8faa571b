"""Every admin menu path the README and docs give ("Settings > Users") is one the admin really has."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

# "Settings > Users", "Content review > Resources": a menu label, " > ", then a label in its submenu.
MENU_PATH = re.compile(r"([A-Z][\w']*(?: [a-z][\w']*)?) > (?=[A-Z])")


def admin_menu(client):
    """The sidebar's menu as the admin renders it for this user: {top-level label: [submenu labels]}."""
    response = client.get(reverse("wagtailadmin_home"))
    props = json.loads(BeautifulSoup(response.content, "html.parser").find(id="wagtail-sidebar-props").string)
    main_menu = next(module for module in props["modules"] if module["_type"] == "wagtail.sidebar.MainMenuModule")
    menu = {}
    for item in main_menu["_args"][0]:
        options, *rest = item["_args"]
        submenu = rest[0] if item["_type"] == "wagtail.sidebar.SubMenuItem" else []
        menu[options["label"]] = [child["_args"][0]["label"] for child in submenu]
    return menu


def documented_paths():
    files = [settings.BASE_DIR / "README.md", *sorted((settings.BASE_DIR / "docs").glob("*.md"))]
    for path in files:
        text = path.read_text()
        for match in MENU_PATH.finditer(text):
            yield path.name, match.group(1), text[match.end() : match.end() + 80]


def test_the_readme_and_docs_give_real_admin_menu_paths(admin_client):
    menu = admin_menu(admin_client)
    assert "Footer contact details" in menu["Settings"], menu
    wrong = []
    found = 0
    for filename, top, rest in documented_paths():
        found += 1
        real = any(re.match(re.escape(label) + r"\b(?! [A-Z])", rest) for label in menu.get(top, []))
        if not real:
            wrong.append(f"{filename}: {top} > {rest.split(')')[0][:40]}")
    assert found >= 5, "the README names menu paths"
    assert wrong == [], f"not in the admin menu {menu}"


def test_the_two_footer_settings_have_names_that_tell_them_apart(admin_client):
    settings_menu = admin_menu(admin_client)["Settings"]
    footer_items = sorted(label for label in settings_menu if label.startswith("Footer"))
    assert footer_items == ["Footer contact details", "Footer funders and links"]
