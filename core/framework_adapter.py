"""The only module that uses private names (beginning with `_`) of Django, Wagtail and the libraries they build on.

Each function says which private name it uses and why no public API serves.
tests/test_framework_adapter.py runs every one against the installed libraries and
checks the private names' signatures, so an upgrade that changes one fails there;
tests/test_private_api.py fails if a private name is used anywhere else.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from treebeard.mp_tree import MP_Node


def set_redis_cache_client_class(cache: RedisCache, client_class: type[RedisCacheClient]):
    """Have Django's RedisCache build its client from client_class instead of RedisCacheClient.

    Uses `RedisCache._class`, read once when the cache first builds its client
    (`RedisCache._cache`). Django has no setting or argument for the client class.
    """
    cache._class = client_class


def redis_connection_pool_index(client: RedisCacheClient, write: bool) -> int:
    """Which of the cache's servers (their connection pools) RedisCacheClient uses for a read or a write.

    Uses `RedisCacheClient._get_connection_pool_index`: the choice (writes to the
    first server, reads from one of the others) has no public name, and a client
    kept per pool must follow it.
    """
    return client._get_connection_pool_index(write)


def tree_child_path(parent: MP_Node, step: int) -> str:
    """The materialised path treebeard gives parent's child at position step (1 for the first child).

    Uses `MP_Node._get_path`: treebeard only builds paths inside add_child and
    add_sibling, one query or more per node, too slow for the benchmark's bulk load.
    """
    return type(parent)._get_path(parent.path, parent.depth + 1, step)


def tree_position(node: MP_Node) -> int:
    """node's position among its siblings as its path encodes it (1 for the first child).

    Uses `MP_Node._get_lastpos_in_path`, the inverse of tree_child_path's `_get_path`.
    """
    return node._get_lastpos_in_path()


def insert_own_rows(objs, fields):
    """INSERT the rows of objs' own table only, for a multi-table model whose parent rows exist.

    Uses `QuerySet._insert`, the bulk INSERT that bulk_create is built on:
    bulk_create refuses a multi-table model, and save() costs a query per object.
    The objects are then marked as saved (`_state.adding`, documented public API).
    """
    model = type(objs[0])
    model._base_manager._insert(objs, fields=fields)
    for obj in objs:
        obj._state.adding = False
