"""What editors tell search (synonyms), and what search tells editors (searches that found nothing)."""

from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search.utils import normalise_query_string
from wagtail.snippets.models import register_snippet


@register_snippet
class Synonym(models.Model):
    """Words and phrases a search treats as one: a search for any of them finds pages with any of them."""

    terms = models.TextField(
        verbose_name=_("words that mean the same"),
        help_text=_(
            "One word or phrase a line, for example SEND on one line and special educational needs on the next. "
            "A search for any of them also finds pages that use the others."
        ),
    )

    class Meta:
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")

    def __str__(self):
        return " = ".join(self.term_list())

    def term_list(self):
        """The terms as searches compare them: lower case, spaces tidied, blank lines left out."""
        return [term for term in (normalise_query_string(line) for line in self.terms.splitlines()) if term]


class UnansweredSearch(models.Model):
    """A search that found nothing, for the editors' report: what visitors look for that the site lacks."""

    query_string = models.CharField(
        max_length=255, unique=True, help_text=_("What visitors typed, in lower case with spaces tidied.")
    )
    hits = models.PositiveIntegerField(default=0, help_text=_("How many times it was searched for and found nothing."))
    last_searched = models.DateTimeField(help_text=_("When it was last searched for."))

    class Meta:
        verbose_name = _("search that found nothing")
        verbose_name_plural = _("searches that found nothing")

    def __str__(self):
        return self.query_string

    @classmethod
    def record(cls, query):
        """Count one more search for query that found nothing: one UPDATE once the query is known."""
        query_string = normalise_query_string(query)[:255]
        now = timezone.now()
        if not cls.objects.filter(query_string=query_string).update(hits=F("hits") + 1, last_searched=now):
            cls.objects.create(query_string=query_string, hits=1, last_searched=now)
