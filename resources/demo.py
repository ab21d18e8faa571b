"""Demo taxonomy for the resource library, shared with the partner directory (regions)."""

from django.utils.text import slugify
from wagtail.models import Locale

from resources.models import Audience, Region, ResourceType, Topic

TAXONOMY = {
    ResourceType: ["Toolkit", "Report", "Case study", "Video", "Tool or template", "Guide"],
    Topic: [
        "Nurture groups",
        "Workforce development",
        "Youth voice",
        "Local authority partnerships",
        "Measuring inclusion",
        "Funding",
        "SEND",
        "Strategy and leadership",
    ],
    Audience: ["Music service leaders", "Teachers and tutors", "Hub partners", "Schools"],
    Region: [
        "North East",
        "North West",
        "Yorkshire and the Humber",
        "East Midlands",
        "West Midlands",
        "East of England",
        "London",
        "South East",
        "South West",
        "Wales",
        "Scotland",
        "Northern Ireland",
    ],
}


def load_taxonomy():
    """Create each term that is missing, in order; existing terms are left as editors made them."""
    locale = Locale.get_default()
    for model, names in TAXONOMY.items():
        for position, name in enumerate(names):
            model.objects.get_or_create(
                locale=locale, slug=slugify(name), defaults={"name": name, "sort_order": position * 10}
            )
