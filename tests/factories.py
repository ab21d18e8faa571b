"""A factory per model, and a helper that builds the site every test starts from."""

import datetime

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from django.utils.timezone import localdate
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Page, Site

from blog.models import BlogIndexPage, BlogPage, BlogPageAuthor, Person
from demo.pdf import make_pdf
from events.models import EventIndexPage, EventPage
from home.models import EnquiryFormField, EnquiryFormPage, HomePage, ProgrammePage
from partners.models import PartnerIndexPage, PartnerKind, PartnerPage, PartnerRole, PartnerRoleKind
from resources.models import ResourceIndexPage, ResourcePage
from taxonomy.models import Audience, Region, ResourceType, Topic


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Image {n}")
    description = "Young people playing brass instruments together in a school hall"


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Changing Tracks"
    slug = "home"
    hero_intro = "Peer support, training and research for inclusive music services."
    listing_summary = "Helping music services embed equality, diversity and inclusion."

    class Meta:
        model = HomePage


class ProgrammePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Programme page {n}")
    intro = "An opening paragraph in plain English."
    show_in_menus = True

    class Meta:
        model = ProgrammePage


def build_home_page(**fields):
    """A live home page as the default site's root, whatever state the database is in.

    Transactional (browser) tests flush the tables that Wagtail's migrations
    fill, so the root page, locale and site are created again when missing.
    """
    locale, _created = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    for placeholder in root.get_children().exact_type(Page):
        Site.objects.filter(root_page=placeholder).delete()
        placeholder.delete()
    home = HomePageFactory(parent=root, **fields)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Changing Tracks"},
    )
    return home


class UserFactory(factory.django.DjangoModelFactory):
    """A user, optionally in the editorial groups the core migration creates ("Editors", "Moderators")."""

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = factory.Sequence(lambda n: f"Person {n}")

    class Meta:
        model = "auth.User"
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, names):
        if create and names:
            from django.contrib.auth.models import Group

            self.groups.set(Group.objects.filter(name__in=names))


# Resource library


class TaxonomyTermFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Term {n}")
    slug = factory.LazyAttribute(lambda term: slugify(term.name))
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        abstract = True


class ResourceTypeFactory(TaxonomyTermFactory):
    class Meta:
        model = ResourceType


class TopicFactory(TaxonomyTermFactory):
    class Meta:
        model = Topic


class AudienceFactory(TaxonomyTermFactory):
    class Meta:
        model = Audience


class RegionFactory(TaxonomyTermFactory):
    class Meta:
        model = Region


class ResourceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Resource library"
    slug = "resources"
    intro = "Toolkits, reports and case studies from the programme's action research."

    class Meta:
        model = ResourceIndexPage


class ResourcePageFactory(wagtail_factories.PageFactory):
    """A resource; pass topics=[...], downloads=[ResourceDownload(...)] and so on as lists."""

    title = factory.Sequence(lambda n: f"Resource {n}")
    summary = "What music services learned about inclusion, in plain English."
    publication_date = datetime.date(2023, 9, 1)

    class Meta:
        model = ResourcePage


def root_collection():
    """Wagtail's root collection, created again where a transactional (browser) test flushed it."""
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


def pdf_document(title, *paragraphs, **fields):
    """A Wagtail document holding a generated PDF with real text; saving it extracts the text."""
    content = make_pdf(title, list(paragraphs) or [title])
    return get_document_model().objects.create(
        title=title,
        file=ContentFile(content, name=f"{slugify(title)}.pdf"),
        file_size=len(content),
        collection=root_collection(),
        **fields,
    )


# Partners


class PartnerIndexPageFactory(wagtail_factories.PageFactory):
    title = "Our partners"
    slug = "partners"
    intro = "The music services behind the action research and the national working group."

    class Meta:
        model = PartnerIndexPage


class PartnerPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Music service {n}")
    kind = PartnerKind.MUSIC_SERVICE
    summary = "A music service sharing what it learns about inclusion."

    class Meta:
        model = PartnerPage


class PartnerRoleFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(PartnerPageFactory)
    role = PartnerRoleKind.NWG_MEMBER
    sort_order = factory.Sequence(int)

    class Meta:
        model = PartnerRole


# Blog, enquiry form and enews (issue 5).


class PersonFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Author {n}")
    role = "Programme team"
    bio = "Writes about inclusion in music services."
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Person


class BlogIndexPageFactory(wagtail_factories.PageFactory):
    title = "Blog"
    slug = "blog"
    intro = "News and learning from the programme."

    class Meta:
        model = BlogIndexPage


class BlogPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Post {n}")
    intro = "What music services are learning about inclusion."
    date = factory.LazyFunction(localdate)
    category = "news"

    class Meta:
        model = BlogPage
        skip_postgeneration_save = True

    @factory.post_generation
    def tags(post, create, names, **kwargs):
        if names:
            post.tags.add(*names)
            post.save()

    @factory.post_generation
    def authors(post, create, people, **kwargs):
        for position, person in enumerate(people or []):
            BlogPageAuthor.objects.create(page=post, person=person, sort_order=position)


ENQUIRY_FORM_FIELDS = [
    {"label": "Your name", "field_type": "singleline"},
    {"label": "Your email address", "field_type": "email"},
    {"label": "Your organisation", "field_type": "singleline", "help_text": "Your music service or hub."},
    {
        "label": "What would you like us to do?",
        "field_type": "checkboxes",
        "choices": "Give a presentation\nRun training\nProvide consultancy",
    },
    {"label": "Tell us more", "field_type": "multiline", "required": False},
]


class EnquiryFormPageFactory(wagtail_factories.PageFactory):
    title = "Can we help you?"
    slug = "can-we-help-you"
    intro = "<p>Ask us to present, train or advise.</p>"
    thank_you_text = "<p>Thank you. We will reply by email.</p>"
    to_address = "team@example.org"
    subject = "Website enquiry"
    form_fields = factory.LazyFunction(
        lambda: [EnquiryFormField(sort_order=n, **field) for n, field in enumerate(ENQUIRY_FORM_FIELDS)]
    )

    class Meta:
        model = EnquiryFormPage


# Events (issue 20).


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    slug = "events"
    intro = "Working group meetings, training and presentations."

    class Meta:
        model = EventIndexPage


def in_days(days, hour=10):
    """An aware datetime days from now, at hour o'clock UK time."""
    day = localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class EventPageFactory(wagtail_factories.PageFactory):
    """An online event a week from now; pass topics=[...], speakers=[EventSpeaker(...)] and so on as lists."""

    title = factory.Sequence(lambda n: f"Event {n}")
    summary = "Music services share what they are learning about inclusion."
    start = factory.LazyFunction(lambda: in_days(7))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=2))
    format = "online"

    class Meta:
        model = EventPage
