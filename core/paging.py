"""Pagination that never gives a 500 for a strange page number."""

from django.core.paginator import Paginator
from django.http import Http404


def paginate(request, items, per_page, count=None):
    """The page of items asked for in ?page=.

    A page past the end gives the last page; anything that is not a whole
    number of at least 1 (page=abc, page=0) is a 404. count, when the caller
    already knows it, saves the paginator a COUNT query.
    """
    paginator = Paginator(items, per_page)
    if count is not None:
        paginator.count = count
    number = request.GET.get("page", "1")
    if not number.isascii() or not number.isdigit() or int(number) < 1:
        raise Http404("No such page")
    return paginator.page(min(int(number), paginator.num_pages))
