"""The blog's RSS 2.0 feed: the latest posts, every link absolute."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

FEED_LENGTH = 20


class BlogFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, index):
        self.request = request
        return index

    def title(self, index):
        return _("%(blog)s | Changing Tracks") % {"blog": index.title}

    def link(self, index):
        return index.get_full_url(self.request)

    def feed_url(self, index):
        return index.feed_full_url(self.request)

    def description(self, index):
        return index.intro or index.listing_summary or _("News and learning from Changing Tracks.")

    def items(self, index):
        return index.with_listing_data(index.posts()).prefetch_related("tagged_items__tag")[:FEED_LENGTH]

    def item_title(self, post):
        return post.title

    def item_link(self, post):
        return post.get_full_url(self.request)

    def item_description(self, post):
        return post.intro

    def item_pubdate(self, post):
        return timezone.make_aware(datetime.datetime.combine(post.date, datetime.time.min))

    def item_updateddate(self, post):
        return post.last_published_at

    def item_author_name(self, post):
        return post.author_names() or None

    def item_categories(self, post):
        return [post.get_category_display(), *(item.tag.name for item in post.tagged_items.all())]
