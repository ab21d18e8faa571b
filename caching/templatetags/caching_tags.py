from django import template

from caching.version import cached

register = template.Library()


class SharedFragmentNode(template.Node):
    def __init__(self, nodelist, name, key_parts):
        self.nodelist, self.name, self.key_parts = nodelist, name, key_parts

    def render(self, context):
        request = context["request"]
        if getattr(request, "is_preview", False):
            # A preview shows the editor's unsaved changes, which no cached markup has.
            return self.nodelist.render(context)
        parts = [getattr(value, "pk", value) for value in (part.resolve(context) for part in self.key_parts)]
        return cached(self.name, (request.get_host(), *parts), lambda: self.nodelist.render(context))


@register.tag
def sharedfragment(parser, token):
    """{% sharedfragment "name" key... %}markup{% endsharedfragment %}: markup cached until the content changes.

    For the parts every page shows that cost queries to build: the menu and the language
    links. The markup must depend on nothing but the name and the keys (an object counts as
    its id), besides the host and the language; nothing in it may differ per request.
    """
    name, *key_parts = token.split_contents()[1:]
    nodelist = parser.parse(("endsharedfragment",))
    parser.delete_first_token()
    return SharedFragmentNode(
        nodelist, parser.compile_filter(name).resolve({}), [parser.compile_filter(part) for part in key_parts]
    )
