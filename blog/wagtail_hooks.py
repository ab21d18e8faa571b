from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from blog.models import Person


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    list_display = ["name", "role"]
    search_fields = ["name", "role"]
    ordering = ["name"]


class PeopleGroup(SnippetViewSetGroup):
    menu_label = _("People")
    menu_icon = "group"
    menu_order = 310
    items = (PersonViewSet,)


register_snippet(PeopleGroup)
