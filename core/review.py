"""Pages due for review: any live page whose type uses ReviewMixin, found without naming the types."""

from itertools import chain

from django.utils import timezone
from wagtail.models import get_page_models

from core.models import ReviewMixin


def review_page_models():
    return [model for model in get_page_models() if issubclass(model, ReviewMixin)]


def pages_due_for_review(today=None, **filters):
    """Live pages whose next review date has come, oldest first; one query per page type."""
    today = today or timezone.localdate()
    pages = chain.from_iterable(
        model.objects.live()
        .exact_type(model)
        .filter(next_review_date__lte=today, **filters)
        .select_related("review_owner")
        .defer_streamfields()
        for model in review_page_models()
    )
    return sorted(pages, key=lambda page: (page.next_review_date, page.title))
