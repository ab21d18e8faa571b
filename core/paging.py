"""Pagination that never gives a 500 for a strange page number."""

from django.core.paginator import Paginator
from django.http import Http404

# Far past the last page of any listing; longer numbers are refused before int() reads them
# (Python refuses to convert more than 4,300 digits, and reading them costs time).
MAX_PAGE_NUMBER = 1_000_000


def paginate(request, items, per_page, count=None):
    """The page of items asked for in ?page=.

    A page past the end gives the last page; anything that is not a whole
    number from 1 to MAX_PAGE_NUMBER (page=abc, page=0, a thousand digits) is a 404. count, when the caller
    already knows it, saves the paginator a COUNT query.
    """
    paginator = Paginator(items, per_page)
    if count is not None:
        paginator.count = count
    number = request.GET.get("page", "1")
    too_long = len(number) > len(str(MAX_PAGE_NUMBER))
    if too_long or not number.isascii() or not number.isdigit() or not 1 <= int(number) <= MAX_PAGE_NUMBER:
        raise Http404("No such page")
    return paginator.page(min(int(number), paginator.num_pages))
