"""The partner directory: filtered A-Z list, counts per region and the schematic region map.

Every listing and count is of the active language's partners under the directory.
The counts per region apply every filter except the region one, so each region's
link (its current filters with that region chosen) lists exactly that many partners.
"""

import math
import textwrap
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.db.models import Count, Exists, Max, Min, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Lower
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _

from core.filters import Filter, FilterSet
from core.i18n import locale_id
from core.images import renditions_prefetch
from core.models import public
from core.paging import paginate
from partners.models import FIRST_YEAR, LAST_YEAR, PartnerKind, PartnerPage, PartnerRole, PartnerRoleKind
from taxonomy.models import Region

PARTNERS_PER_PAGE = 36
MAX_NAME_QUERY = 100

# The schematic hex map: each region or nation as a (column, row) in a grid of pointy-topped
# hexagons whose odd rows sit half a hexagon to the right. Keyed by the English slug.
MAP_TILES = {
    "scotland": (3, 0),
    "northern-ireland": (0, 1),
    "north-west": (2, 1),
    "north-east": (3, 1),
    "wales": (2, 2),
    "west-midlands": (3, 2),
    "yorkshire-and-the-humber": (4, 2),
    "south-west": (2, 3),
    "east-midlands": (3, 3),
    "east-of-england": (4, 3),
    "south-east": (3, 4),
    "london": (4, 4),
}
HEX_RADIUS = 60
HEX_WIDTH = math.sqrt(3) * HEX_RADIUS
MAP_MARGIN = 8  # room for the focus outline
LABEL_WIDTH = 10  # characters per line of a region's name inside its hexagon
LINE_HEIGHT = 17  # text is centred on each line (dominant-baseline: middle)
COUNT_HEIGHT = 26


def region_terms():
    """The active language's regions, each with the English slug that places it on the map."""
    source_slug = Region.objects.filter(
        translation_key=OuterRef("translation_key"), locale__language_code=settings.LANGUAGE_CODE
    ).values("slug")[:1]
    return list(Region.objects.filter(locale=locale_id(get_language())).annotate(map_slug=Subquery(source_slug)))


class NameQueryField(forms.CharField):
    """Part of an organisation's name, spaces tidied and capped in length."""

    def __init__(self):
        super().__init__(
            required=False,
            label=_("Name contains"),
            help_text=_("Part of the organisation's name, for example 'Hull'."),
        )

    def to_python(self, value):
        return " ".join(super().to_python(value).split())[:MAX_NAME_QUERY]


def year_field():
    return forms.IntegerField(
        required=False,
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        label=_("Year of action research"),
        help_text=_("Shows partners doing action research that year, for example 2019."),
        error_messages={
            "invalid": _("Enter the year as four digits, for example 2019."),
            "min_value": _("Enter a year from %(limit_value)s onwards."),
            "max_value": _("Enter a year up to %(limit_value)s."),
        },
    )


def action_research_in(year):
    """Action research roles known to cover the year; a role with no end year runs on."""
    return PartnerRole.objects.filter(role=PartnerRoleKind.ACTION_RESEARCH_PARTNER, start_year__lte=year).filter(
        Q(end_year__isnull=True) | Q(end_year__gte=year)
    )


YEAR = Filter(
    "year",
    _("Year of action research"),
    lambda years: Q(Exists(action_research_in(int(years[0])).filter(page=OuterRef("pk")))),
    field=year_field,
)
FILTERS = [
    Filter("q", _("Name contains"), lambda words: Q(title__icontains=words[0]), field=NameQueryField),
    # The region's choices are the active language's regions, each matched by its id.
    Filter("region", _("Region"), lambda region_ids: Q(region_id__in=region_ids)),
    Filter("kind", _("Kind of organisation"), lambda kinds: Q(kind__in=kinds), choices=PartnerKind.choices),
    Filter(
        "role",
        _("Role in the programme"),
        lambda roles: Q(Exists(PartnerRole.objects.filter(page=OuterRef("pk"), role__in=roles))),
        choices=PartnerRoleKind.choices,
    ),
    YEAR,
]


def hex_centre(column, row):
    return HEX_WIDTH * (column + 0.5 * (row % 2)), row * 1.5 * HEX_RADIUS


def hexagon_points(cx, cy):
    angles = [math.radians(60 * corner - 30) for corner in range(6)]
    return " ".join(f"{cx + HEX_RADIUS * math.cos(a):.1f},{cy + HEX_RADIUS * math.sin(a):.1f}" for a in angles)


@dataclass
class RegionCount:
    region: object
    count: int
    url: str
    selected: bool

    @property
    def label(self):
        return ngettext("%(region)s: %(count)s partner", "%(region)s: %(count)s partners", self.count) % {
            "region": self.region.name,
            "count": self.count,
        }


def region_map(region_counts):
    """The hexagons to draw, each with its outline and the lines of its name, and the picture's bounds."""
    tiles = []
    for item in region_counts:
        if item.region.map_slug not in MAP_TILES:
            continue
        cx, cy = hex_centre(*MAP_TILES[item.region.map_slug])
        lines = textwrap.wrap(item.region.name, LABEL_WIDTH) or [item.region.name]
        top = cy - (len(lines) * LINE_HEIGHT + COUNT_HEIGHT) / 2
        tiles.append(
            {
                "item": item,
                "points": hexagon_points(cx, cy),
                "x": f"{cx:.1f}",
                "lines": [(line, f"{top + (index + 0.5) * LINE_HEIGHT:.1f}") for index, line in enumerate(lines)],
                "count_y": f"{top + len(lines) * LINE_HEIGHT + COUNT_HEIGHT / 2:.1f}",
            }
        )
    centres = [hex_centre(*position) for position in MAP_TILES.values()]
    left = min(x for x, _y in centres) - HEX_WIDTH / 2 - MAP_MARGIN
    top = min(y for _x, y in centres) - HEX_RADIUS - MAP_MARGIN
    width = max(x for x, _y in centres) + HEX_WIDTH / 2 + MAP_MARGIN - left
    height = max(y for _x, y in centres) + HEX_RADIUS + MAP_MARGIN - top
    return {"tiles": tiles, "view_box": f"{left:.0f} {top:.0f} {width:.0f} {height:.0f}"}


def years_on_record(partners):
    """The first and last years of action research among these partners, for the empty-year message."""
    roles = PartnerRole.objects.filter(
        page__in=partners, role=PartnerRoleKind.ACTION_RESEARCH_PARTNER, start_year__isnull=False
    )
    return roles.aggregate(first=Min("start_year"), last=Max(Coalesce("end_year", "start_year")))


def directory_context(index, request):
    regions = region_terms()
    filters = FilterSet(
        request.GET,
        FILTERS,
        choices={"region": [(region.slug, region.name, region.pk) for region in regions]},
    )
    chosen_regions = filters.values("region")

    partners = public(PartnerPage.objects.live().child_of(index).filter(locale=locale_id(get_language())))
    without_region = filters.narrowed(partners, without="region")
    counts = dict(without_region.order_by().values("region").annotate(total=Count("pk")).values_list("region", "total"))
    region_counts = [
        RegionCount(
            region=region,
            count=counts.get(region.pk, 0),
            url=filters.url(region=[region.slug]),
            selected=region.slug in chosen_regions,
        )
        for region in regions
    ]

    results = (
        filters.narrowed(partners)
        .select_related("region", "logo")
        .prefetch_related("roles", renditions_prefetch("logo__renditions", "logo"))
        .order_by(Lower("title"), "pk")
    )
    # A partner has one region (or none), so the region counts add up to the number of results.
    chosen = [region.pk for region in regions if region.slug in chosen_regions]
    total = sum(count for region, count in counts.items() if region in chosen or not chosen)
    page_obj = paginate(request, results, PARTNERS_PER_PAGE, count=total)

    context = {
        "form": filters.form,
        "filters": filters.cleaned,
        "chips": filters.chips,
        "region_counts": region_counts,
        "region_map": region_map(region_counts),
        "partners": page_obj.object_list,
        "page_obj": page_obj,
    }
    # Say so when the year itself is the reason for the empty list, not the other filters.
    empty_with_a_year = "year" in filters.cleaned and not page_obj.paginator.count
    if empty_with_a_year and not partners.filter(filters.condition(YEAR)).exists():
        context["year_on_record"] = years_on_record(partners)
        context["without_year_url"] = filters.url(year=None)
    return context
