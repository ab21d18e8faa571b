from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from taxonomy.models import Audience, Region, ResourceType, Topic


class TaxonomyViewSet(SnippetViewSet):
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]
    search_fields = ["name"]


class ResourceTypeViewSet(TaxonomyViewSet):
    model = ResourceType
    icon = "doc-full"


class TopicViewSet(TaxonomyViewSet):
    model = Topic
    icon = "tag"


class AudienceViewSet(TaxonomyViewSet):
    model = Audience
    icon = "group"


class RegionViewSet(TaxonomyViewSet):
    model = Region
    icon = "site"


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomy")
    menu_icon = "tag"
    menu_order = 300
    items = (ResourceTypeViewSet, TopicViewSet, AudienceViewSet, RegionViewSet)


register_snippet(TaxonomyGroup)
