"""core/framework_adapter.py against the installed libraries, and no private framework name anywhere else.

Each adapter function is run for real, so an upgrade that removes, renames or changes
one of the private names it uses fails here rather than on a page.
"""

import ast
import os
import re
from importlib.util import find_spec
from pathlib import Path

import pytest
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from wagtail.models import Page

from core.framework_adapter import (
    insert_own_rows,
    redis_connection_pool_index,
    set_redis_cache_client_class,
    tree_child_path,
    tree_position,
)
from home.models import ProgrammePage
from tests.failures import REDIS_TEST_URL, redis_is_up

ROOT = Path(__file__).resolve().parent.parent
ADAPTER = ROOT / "core" / "framework_adapter.py"
# Django, Wagtail and the libraries they build on; their private names may only be used in the adapter.
FRAMEWORKS = [
    "django",
    "wagtail",
    "modelsearch",
    "treebeard",
    "modelcluster",
    "taggit",
    "wagtail_localize",
    "django_tasks",
    "django_tasks_db",
]
# Named with an underscore, documented as public.
PUBLIC = {"_meta"}
NOT_PRODUCT = {"tests", "migrations", "node_modules", "media", "staticfiles", "__pycache__"}
# def _name, class _Name, _name = ..., self._name = ..., _name: type = ...
DEFINITION = re.compile(r"(?:def|class)\s+(_[A-Za-z]\w*)|\b(_[A-Za-z]\w*)\s*(?::[^=\n]*)?=(?!=)")
ATTRIBUTE_FUNCTIONS = {"getattr", "setattr", "hasattr", "delattr"}


@pytest.fixture
def redis_url():
    if not redis_is_up():
        pytest.skip(f"Redis is not running at {REDIS_TEST_URL} (.ci/run starts it)")
    return REDIS_TEST_URL


def test_redis_cache_builds_its_client_from_the_class_set(redis_url):
    """RedisCache._class: the class RedisCache builds its client from."""
    writes = []

    class RecordingClient(RedisCacheClient):
        def get_client(self, key=None, *, write=False):
            writes.append(write)
            return super().get_client(key, write=write)

    cache = RedisCache(redis_url, {"KEY_PREFIX": "ct-adapter-tests"})
    set_redis_cache_client_class(cache, RecordingClient)
    cache.set("key", "value")
    assert cache.get("key") == "value"
    assert writes == [True, False]
    cache.delete("key")


def test_redis_client_writes_to_the_first_server_and_reads_from_the_others():
    """RedisCacheClient._get_connection_pool_index: 0 for a write or a single server, another server's for a read."""
    one_server = RedisCacheClient([REDIS_TEST_URL])
    assert redis_connection_pool_index(one_server, write=True) == 0
    assert redis_connection_pool_index(one_server, write=False) == 0
    two_servers = RedisCacheClient([REDIS_TEST_URL, REDIS_TEST_URL])
    assert redis_connection_pool_index(two_servers, write=True) == 0
    assert redis_connection_pool_index(two_servers, write=False) == 1


def test_tree_paths_and_positions_are_the_ones_add_child_gives(home_page):
    """MP_Node._get_path and MP_Node._get_lastpos_in_path."""
    for number in range(3):
        home_page.add_child(instance=Page(title=f"Child {number}", slug=f"child-{number}"))
    home_page.refresh_from_db()
    children = list(home_page.get_children())
    assert [tree_position(child) for child in children] == list(range(1, len(children) + 1))
    assert [tree_child_path(home_page, step) for step in range(1, len(children) + 1)] == [
        child.path for child in children
    ]


def test_insert_own_rows_adds_a_multi_table_models_own_row(home_page):
    """QuerySet._insert: the bulk INSERT of one table's rows."""
    base = home_page.add_child(instance=Page(title="Base row only", slug="base-row-only"))
    page = ProgrammePage(page_ptr=base, intro="The page type's own row.")
    insert_own_rows([page], fields=ProgrammePage._meta.local_concrete_fields)
    assert not page._state.adding
    assert ProgrammePage.objects.get(pk=base.pk).intro == "The page type's own row."


def framework_private_names():
    """Every name beginning with one underscore that the frameworks define, as a function, class or assignment."""
    names = set()
    for package in FRAMEWORKS:
        for path in Path(find_spec(package).origin).parent.rglob("*.py"):
            for match in DEFINITION.finditer(path.read_text(encoding="utf-8", errors="replace")):
                names.add(match.group(1) or match.group(2))
    return names - PUBLIC


def product_files():
    for directory, subdirectories, files in os.walk(ROOT):
        subdirectories[:] = [name for name in subdirectories if not name.startswith(".") and name not in NOT_PRODUCT]
        for name in files:
            path = Path(directory) / name
            if name.endswith(".py") and path != ADAPTER:
                yield path


def private_uses(tree, names):
    """(line, what) for each use of one of names, or import of a framework's private module or name, in tree."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in names:
            yield node.lineno, f".{node.attr}"
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name in names:
                    yield item.lineno, f"def {item.name} (overrides a private method)"
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) in ATTRIBUTE_FUNCTIONS:
            attribute = node.args[1] if len(node.args) > 1 else None
            if isinstance(attribute, ast.Constant) and attribute.value in names:
                yield node.lineno, f"{node.func.id}(..., {attribute.value!r})"
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in FRAMEWORKS:
            private_module = any(part.startswith("_") for part in node.module.split("."))
            for alias in node.names:
                if private_module or alias.name.startswith("_"):
                    yield node.lineno, f"from {node.module} import {alias.name}"


def test_no_private_framework_name_is_used_outside_the_adapter():
    names = framework_private_names()
    assert {"_class", "_get_path", "_insert"} <= names
    found = [
        f"{path.relative_to(ROOT)}:{line}: {what}"
        for path in product_files()
        for line, what in private_uses(ast.parse(path.read_text(), filename=str(path)), names)
    ]
    assert not found, (
        "Private names of Django, Wagtail or their libraries are used outside core/framework_adapter.py "
        "(use a public API, or add a function to the adapter with a test; a name of the site's own that "
        f"happens to match one of theirs needs another name): {found}"
    )
