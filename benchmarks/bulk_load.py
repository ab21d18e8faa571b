"""Load a large made-up data set quickly: resources, blog posts and partners under the demo site.

Page.add_child saves one page at a time (re-reading its parent, one revision, the search
index entry and signals each time): 10,000 resources took over 15 minutes that way. Here
pages go in batches: their treebeard paths are computed for the whole batch, the Page rows
inserted with one bulk_create, the page type's own rows with one insert, the parent's child
count updated once, the rows they own (topics, downloads, tags, roles...) bulk created, and
the batch indexed for search with one call to the search backend. No revisions are made:
the pages are live as they are, as imported pages would be.

A handful of images and documents are made once by the demo loader and shared: each item
references one, as real content would, without thousands of files on disk.

Benchmark pages have slugs starting "bench-"; a second run adds only those missing.
"""

import random
import time
from collections import defaultdict
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from blog.models import (
    BlogCategory,
    BlogIndexPage,
    BlogPage,
    BlogPageAuthor,
    BlogPageMentionedPartner,
    BlogPageRelatedResource,
    BlogPageTag,
    Person,
)
from core.framework_adapter import insert_own_rows, tree_child_path, tree_position
from demo import resources as resources_demo
from demo.helpers import stream
from partners.models import PartnerIndexPage, PartnerKind, PartnerPage, PartnerRole, PartnerRoleKind
from resources.models import ResourceAuthoringPartner, ResourceDownload, ResourceIndexPage, ResourcePage
from taxonomy.models import Audience, Region, ResourceType, Topic
from taxonomy.principles import HEARD_PRINCIPLES

SLUG_PREFIX = "bench-"
BATCH_SIZE = 500
SENTENCES = [
    resources_demo.MISSION,
    resources_demo.WHY,
    resources_demo.RESEARCH,
    resources_demo.NURTURE,
    resources_demo.HEARD,
    resources_demo.COMMISSIONERS,
]
PLACES = ["Cambridgeshire", "Cornwall", "Essex", "Hertfordshire", "Hull", "Norfolk", "Southampton", "Waltham Forest"]
TAGS = ["Action research", "Funding", "Nurture groups", "SEND", "Workforce", "Youth voice", "Hubs", "Evaluation"]
PRINCIPLE_SLUGS = [slug for slug, _name, _meaning in HEARD_PRINCIPLES]


def bulk_add_children(parent, pages):
    """Add unsaved pages of one type as the last children of parent, live, in a fixed number of queries.

    Sets what Page.add_child would: path, depth, url_path, locale, content type and the
    published state. bulk_create refuses a multi-table model, so the Page rows are bulk
    created first and then the page type's own table gets the same kind of insert.
    """
    model = type(pages[0])
    last_child = parent.get_last_child()
    first_step = tree_position(last_child) + 1 if last_child else 1
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    for step, page in enumerate(pages, start=first_step):
        page.depth = parent.depth + 1
        page.path = tree_child_path(parent, step)
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id
        page.content_type = content_type
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = now
    page_fields = [field.attname for field in Page._meta.concrete_fields if not field.primary_key]
    rows = Page.objects.bulk_create([Page(**{name: getattr(page, name) for name in page_fields}) for page in pages])
    for page, row in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = row.pk
    insert_own_rows(pages, fields=model._meta.local_concrete_fields)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)


def add_pages(parent, count, make_page, make_rows, report):
    """Add the missing benchmark pages under parent, BATCH_SIZE at a time, with their rows and search entries.

    make_page(number) returns an unsaved page; make_rows(page, number) the rows it owns,
    once the page has its id. Returns how many pages were added.
    """
    existing = parent.get_children().filter(slug__startswith=SLUG_PREFIX).count()
    backend = get_search_backend()
    started = time.perf_counter()
    for batch_start in range(existing, count, BATCH_SIZE):
        numbers = range(batch_start, min(batch_start + BATCH_SIZE, count))
        with transaction.atomic():
            pages = [make_page(number) for number in numbers]
            bulk_add_children(parent, pages)
            rows_by_model = defaultdict(list)
            for page, number in zip(pages, numbers, strict=True):
                for row in make_rows(page, number):
                    rows_by_model[type(row)].append(row)
            for model, rows in rows_by_model.items():
                model.objects.bulk_create(rows)
            model = type(pages[0])
            backend.add_bulk(model, list(model.get_indexed_objects().filter(pk__in=[page.pk for page in pages])))
        report(f"  {numbers[-1] + 1} {model._meta.verbose_name_plural} ({time.perf_counter() - started:.0f} s)")
    return max(count - existing, 0)


def numbered_date(number):
    return date(2018 + number % 8, 1 + number % 12, 1 + number % 28)


class BenchmarkContent:
    """What the made-up pages point at: the demo's taxonomy, images, documents and people, and the new partners."""

    def __init__(self, home):
        self.home = home
        self.locale = home.locale
        self.terms = {model: list(model.objects.filter(locale=self.locale)) for model in (Topic, Audience, Region)}
        self.types = list(ResourceType.objects.filter(locale=self.locale))
        self.documents = sorted({download.document_id for download in ResourceDownload.objects.all()})
        self.images = list(get_image_model().objects.order_by("pk").values_list("pk", flat=True))
        self.people = list(Person.objects.filter(locale=self.locale).values_list("pk", flat=True))
        self.tags = [Tag.objects.get_or_create(name=name)[0].pk for name in TAGS]
        self.partners = []
        self.resources = []

    def bench_pages(self, model):
        return list(model.objects.filter(slug__startswith=SLUG_PREFIX).order_by("pk").values_list("pk", flat=True))

    def partner(self, number):
        place = PLACES[number % len(PLACES)]
        return PartnerPage(
            slug=f"{SLUG_PREFIX}{number:05d}",
            title=f"{place} music partnership {number}",
            kind=PartnerKind.values[number % len(PartnerKind.values)],
            logo_id=self.images[number % len(self.images)],
            region=self.terms[Region][number % len(self.terms[Region])],
            local_authority_area=place,
            summary=" ".join(random.Random(number).sample(SENTENCES, 2)),  # noqa: S311 - made-up text
            project_title=f"Inclusion in {place}",
            project_start_year=2018 + number % 5,
        )

    def partner_rows(self, page, number):
        roles = PartnerRoleKind.values[: 1 + number % len(PartnerRoleKind.values)]
        return [
            PartnerRole(page_id=page.pk, role=role, sort_order=n, start_year=2018 + (number + n) % 5)
            for n, role in enumerate(roles)
        ]

    def resource(self, number):
        rng = random.Random(number)  # noqa: S311 - repeatable made-up data, not security
        kind = self.types[number % len(self.types)]
        topic = self.terms[Topic][number % len(self.terms[Topic])]
        place = PLACES[number % len(PLACES)]
        return ResourcePage(
            slug=f"{SLUG_PREFIX}{number:05d}",
            title=f"{topic.name}: {kind.name.lower()} from {place} {number}",
            summary=" ".join(rng.sample(SENTENCES, 2)),
            publication_date=numbered_date(number),
            resource_type=kind,
            **{f"heard_{slug}": True for slug in rng.sample(PRINCIPLE_SLUGS, rng.randint(1, 3))},
        )

    def resource_rows(self, page, number):
        rng = random.Random(number)  # noqa: S311 - repeatable made-up data, not security
        topics = {self.terms[Topic][number % len(self.terms[Topic])], *rng.sample(self.terms[Topic], 2)}
        links = [
            *(ResourcePage.topics.through(resourcepage_id=page.pk, topic_id=term.pk) for term in topics),
            *(
                ResourcePage.audiences.through(resourcepage_id=page.pk, audience_id=term.pk)
                for term in rng.sample(self.terms[Audience], rng.randint(1, 2))
            ),
            *(
                ResourcePage.regions.through(resourcepage_id=page.pk, region_id=term.pk)
                for term in rng.sample(self.terms[Region], rng.randint(0, 2))
            ),
            ResourceDownload(
                page_id=page.pk,
                document_id=self.documents[number % len(self.documents)],
                label="Download",
                sort_order=0,
            ),
        ]
        if self.partners:
            partner_id = self.partners[number % len(self.partners)]
            links.append(ResourceAuthoringPartner(page_id=page.pk, partner_id=partner_id, sort_order=0))
        return links

    def post(self, number):
        rng = random.Random(number)  # noqa: S311 - repeatable made-up data, not security
        sentences = rng.sample(SENTENCES, 4)
        return BlogPage(
            slug=f"{SLUG_PREFIX}{number:05d}",
            title=f"News from {PLACES[number % len(PLACES)]}, number {number}",
            date=numbered_date(number),
            category=BlogCategory.values[number % len(BlogCategory.values)],
            hero_image_id=self.images[number % len(self.images)],
            intro=sentences[0],
            body=stream(*(("paragraph", f"<p>{sentence}</p>") for sentence in sentences[1:])),
        )

    def post_rows(self, page, number):
        rows = [
            BlogPageAuthor(page_id=page.pk, person_id=self.people[number % len(self.people)], sort_order=0),
            *(
                BlogPageTag(content_object_id=page.pk, tag_id=tag)
                for tag in {self.tags[number % len(self.tags)], self.tags[number * 7 % len(self.tags)]}
            ),
        ]
        if self.resources:
            rows.append(
                BlogPageRelatedResource(
                    page_id=page.pk, resource_id=self.resources[number % len(self.resources)], sort_order=0
                )
            )
        if self.partners:
            rows.append(
                BlogPageMentionedPartner(
                    page_id=page.pk, partner_id=self.partners[number % len(self.partners)], sort_order=0
                )
            )
        return rows


def load(resources=10_000, posts=1_000, partners=500, report=print):
    """Migrate, load the demo, then add the missing benchmark pages. Returns the seconds it took."""
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    report(f"Demo content ready ({time.perf_counter() - started:.0f} s).")
    home = ResourceIndexPage.objects.get(locale__language_code="en").get_parent().specific
    content = BenchmarkContent(home)
    added = add_pages(
        PartnerIndexPage.objects.child_of(home).get(), partners, content.partner, content.partner_rows, report
    )
    content.partners = content.bench_pages(PartnerPage)
    added += add_pages(
        ResourceIndexPage.objects.child_of(home).get(), resources, content.resource, content.resource_rows, report
    )
    content.resources = content.bench_pages(ResourcePage)
    added += add_pages(BlogIndexPage.objects.child_of(home).get(), posts, content.post, content.post_rows, report)
    seconds = time.perf_counter() - started
    report(f"Added {added} pages; loading took {seconds:.0f} s.")
    return seconds
