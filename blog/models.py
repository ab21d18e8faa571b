"""The blog: one index per language, posts with authors, tags and a category, and an RSS feed."""

import math

from django.db import models
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.timezone import localdate
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from blog.feeds import BlogFeed
from core.blocks import BaseStreamBlock
from core.filters import Filter, FilterSet
from core.i18n import served_version
from core.images import images_with_renditions
from core.models import BasePage, ExampleContentMixin, public
from core.paging import paginate

POSTS_PER_PAGE = 10
WORDS_PER_MINUTE = 200


class Person(TranslatableMixin, index.Indexed, models.Model):
    """Someone who writes for the blog: a person or a team."""

    name = models.CharField(
        max_length=120,
        help_text=_("The name shown on posts, for example a person's name or 'Changing Tracks team'."),
    )
    role = models.CharField(
        max_length=120,
        blank=True,
        help_text=_("Their role in a few words, for example 'Programme team, Hertfordshire Music Service'."),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: a square photo or logo. Its alt text is the description in the image library."),
    )
    bio = models.TextField(
        max_length=400,
        blank=True,
        help_text=_("Optional: two or three plain sentences about them, shown at the end of their posts."),
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("photo"), FieldPanel("bio")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("role"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name


class BlogCategory(models.TextChoices):
    NEWS = "news", _("News")
    RESOURCE_UPDATE = "resource-update", _("Resource update")
    PROGRAMME_UPDATE = "programme-update", _("Programme update")
    NWG_WRITE_UP = "nwg-write-up", _("NWG write-up")


FILTERS = [
    Filter(
        "category",
        _("Category"),
        lambda categories: models.Q(category__in=categories),
        choices=BlogCategory.choices,
        multiple=False,
        blank_label=_("All categories"),
    ),
    Filter(
        "tag",
        _("Tag"),
        lambda slugs: models.Q(tagged_items__tag__slug__in=slugs),
        multiple=False,
        blank_label=_("All tags"),
    ),
    Filter(
        "year",
        _("Year"),
        lambda years: models.Q(date__year=int(years[0])),
        multiple=False,
        blank_label=_("All years"),
    ),
]


class BlogIndexPage(RoutablePageMixin, BasePage):
    intro = models.TextField(
        max_length=500,
        blank=True,
        help_text=_("A sentence or two under the title saying what the blog is about."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    search_kind = "pages"
    search_kind_label = _("Pages")

    parent_page_types = ["home.HomePage"]
    subpage_types = ["blog.BlogPage"]
    max_count_per_parent = 1
    template = "blog/blog_index_page.html"

    class Meta:
        verbose_name = _("blog index page")

    def posts(self):
        """Live posts in this blog, newest first."""
        return public(BlogPage.objects.live().child_of(self)).order_by("-date", "-pk")

    @staticmethod
    def with_listing_data(posts):
        """Everything a card shows, fetched in a fixed number of queries whatever the number of posts."""
        images = images_with_renditions("card")
        return posts.prefetch_related(
            models.Prefetch("hero_image", queryset=images),
            models.Prefetch("listing_image", queryset=images),
            models.Prefetch("blog_authors", queryset=BlogPageAuthor.objects.select_related("person")),
        )

    def filters(self, request, posts):
        """The index's filters (core.filters); each value is checked against what exists, an unknown one dropped."""

        def choices():
            tags = Tag.objects.filter(blog_blogpagetag_items__content_object__in=posts).distinct().order_by("name")
            return {
                "tag": list(tags.values_list("slug", "name")),
                "year": [(str(day.year), str(day.year)) for day in posts.dates("date", "year", order="DESC")],
            }

        return FilterSet(
            request.GET,
            FILTERS,
            choices=choices(),
            chips_name_the_filter=False,
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = self.filters(request, self.posts())
        posts = filters.narrowed(self.posts())
        page_obj = paginate(request, self.with_listing_data(posts), POSTS_PER_PAGE)
        context.update(posts=page_obj, filters=filters, feed_url=self.feed_full_url(request))
        return context

    def feed_full_url(self, request):
        return self.get_full_url(request) + self.reverse_subpage("feed").lstrip("/")

    @path("feed/", name="feed")
    def feed(self, request):
        return BlogFeed()(request, index=self)


class BlogPage(ExampleContentMixin, BasePage):
    date = models.DateField(
        default=localdate,
        help_text=_("The date shown on the post. Posts are listed newest first by this date."),
    )
    category = models.CharField(
        max_length=30,
        choices=BlogCategory.choices,
        default=BlogCategory.NEWS,
        help_text=_("What kind of post this is. Visitors can filter the blog by category."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: a wide image at the top of the post. Its alt text is the description in the library."),
    )
    intro = models.TextField(
        max_length=500,
        help_text=_("One or two sentences saying what the post is about. Shown in the blog listing and the feed."),
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        help_text=_("The post itself, built from blocks: headings, text, images, quotes, videos and more."),
    )
    tags = ClusterTaggableManager(
        through="blog.BlogPageTag",
        blank=True,
        help_text=_("A few words visitors can filter by, such as 'nurture groups'. Reuse existing tags if you can."),
    )

    content_panels = BasePage.content_panels + [
        *ExampleContentMixin.example_panels,
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("category"), InlinePanel("blog_authors", label=_("Authors"))],
            heading=_("About this post"),
        ),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        FieldPanel("tags"),
        MultipleChooserPanel(
            "related_resources",
            chooser_field_name="resource",
            label=_("Related resources"),
            heading=_("Related resources"),
            help_text=_("Toolkits, reports and other resources from the library that readers should see next."),
        ),
        MultipleChooserPanel(
            "mentioned_partners",
            chooser_field_name="partner",
            label=_("Partners mentioned"),
            heading=_("Partners mentioned"),
            help_text=_("The music services and hubs the post is about. Their profiles list the post."),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro", boost=1.5),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name", boost=1.5)]),
        index.RelatedFields("blog_authors", [index.RelatedFields("person", [index.SearchField("name")])]),
        index.RelatedFields("mentioned_partners", [index.RelatedFields("partner", [index.SearchField("title")])]),
        index.FilterField("date"),
        index.FilterField("category"),
    ]
    search_kind = "blog"
    search_kind_label = _("Blog posts")

    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []
    template = "blog/blog_page.html"

    class Meta:
        verbose_name = _("blog post")
        # The blog lists newest first, ten at a time, and filters by year: both read this index.
        indexes = [models.Index(fields=["date", "page_ptr"], name="blog_post_newest_first")]

    @classmethod
    def get_indexed_objects(cls):
        # What the search entry reads, fetched once for a batch (update_index) rather than once per post.
        return (
            super()
            .get_indexed_objects()
            .prefetch_related("tags", "blog_authors__person", "mentioned_partners__partner")
        )

    def get_meta_description(self):
        return self.search_description or self.listing_summary or self.intro

    def get_social_image(self):
        return super().get_social_image() or self.hero_image

    def get_og_type(self):
        return "article"

    def get_structured_data(self, request=None):
        """The post as a schema.org BlogPosting, with its date, authors, section and tags."""
        post = self.get_web_page_data(request, schema_type="BlogPosting")
        post["headline"] = self.title
        post["datePublished"] = self.date.isoformat()
        post["articleSection"] = self.get_category_display()
        if self.author_people:
            post["author"] = [{"@type": "Person", "name": person.name} for person in self.author_people]
        keywords = [tag.name for tag in self.tag_list]
        if keywords:
            post["keywords"] = keywords
        return [post]

    def search_result_meta(self):
        """What site search shows under a post's title: its category and date."""
        return [self.get_category_display(), date_format(self.date, "j F Y")]

    @property
    def card_image(self):
        return self.listing_image or self.hero_image

    def author_names(self):
        return ", ".join(author.person.name for author in self.blog_authors.all())

    @cached_property
    def author_people(self):
        """The post's authors in the editor's order, for the byline, the author notes and the metadata."""
        return [author.person for author in self.blog_authors.select_related("person__photo")]

    @cached_property
    def tag_list(self):
        return list(self.tags.all())

    @cached_property
    def reading_minutes(self):
        words = count_words(self.intro) + count_words([block["value"] for block in self.body.raw_data])
        return max(1, math.ceil(words / WORDS_PER_MINUTE))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["blog_index"] = blog_index = served_version(self.parent_page).specific
        context["feed_url"] = blog_index.feed_full_url(request)
        context["authors"] = self.author_people
        context["related_resources"] = self.chosen_live_pages("related_resources", "resource", "resource_type")
        context["mentioned_partners"] = self.chosen_live_pages("mentioned_partners", "partner")
        return context

    def chosen_live_pages(self, relation, field, *related):
        """The pages chosen in one of the post's InlinePanels that readers can open, in the editor's order."""
        rows = getattr(self, relation).select_related(field, *(f"{field}__{name}" for name in related))
        return [getattr(row, field) for row in rows if getattr(row, field).live]


def count_words(value):
    """The words in a block's raw data: text in strings, dicts and lists, with HTML tags removed."""
    if isinstance(value, str):
        return len(strip_tags(value).split())
    if isinstance(value, dict):
        return sum(count_words(item) for item in value.values())
    if isinstance(value, list):
        return sum(count_words(item) for item in value)
    return 0


class BlogPageAuthor(Orderable):
    page = ParentalKey(BlogPage, on_delete=models.CASCADE, related_name="blog_authors")
    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="blog_posts",
        help_text=_("Choose an author from People, or create them there first."),
    )

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        verbose_name = _("author")


class BlogPageRelatedResource(Orderable):
    page = ParentalKey(BlogPage, on_delete=models.CASCADE, related_name="related_resources")
    resource = models.ForeignKey(
        "resources.ResourcePage",
        on_delete=models.CASCADE,
        related_name="blog_mentions",
        help_text=_("A resource from the library, shown at the end of the post."),
    )

    panels = [FieldPanel("resource")]

    class Meta(Orderable.Meta):
        verbose_name = _("related resource")


class BlogPageMentionedPartner(Orderable):
    page = ParentalKey(BlogPage, on_delete=models.CASCADE, related_name="mentioned_partners")
    partner = models.ForeignKey(
        "partners.PartnerPage",
        on_delete=models.CASCADE,
        related_name="blog_mentions",
        help_text=_("A partner's profile. The post links to it, and the profile lists the post."),
    )

    panels = [FieldPanel("partner")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner mentioned")
        verbose_name_plural = _("partners mentioned")


class BlogPageTag(TaggedItemBase):
    content_object = ParentalKey(BlogPage, on_delete=models.CASCADE, related_name="tagged_items")
