"""The partner directory: filtered A-Z list, counts per region and the schematic region map.

Every listing and count is of the active language's partners under the directory.
The counts per region apply every filter except the region one, so each region's
link (its current filters with that region chosen) lists exactly that many partners.
"""

import math
import textwrap
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count, Exists, Max, Min, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Lower
from django.utils.translation import get_language, ngettext

from core.i18n import locale_id
from core.images import renditions_prefetch
from core.models import public
from core.paging import paginate
from partners.forms import PartnerFilterForm
from partners.models import PartnerPage, PartnerRole, PartnerRoleKind, region_model

PARTNERS_PER_PAGE = 36

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
    Region = region_model()
    source_slug = Region.objects.filter(
        translation_key=OuterRef("translation_key"), locale__language_code=settings.LANGUAGE_CODE
    ).values("slug")[:1]
    return list(Region.objects.filter(locale=locale_id(get_language())).annotate(map_slug=Subquery(source_slug)))


def filter_partners(partners, filters, regions_by_slug):
    """Apply the cleaned filters, AND across groups and OR within one."""
    if filters.get("q"):
        partners = partners.filter(title__icontains=filters["q"])
    if filters.get("region"):
        partners = partners.filter(region_id__in=[regions_by_slug[slug].pk for slug in filters["region"]])
    if filters.get("kind"):
        partners = partners.filter(kind__in=filters["kind"])
    if filters.get("role"):
        partners = partners.filter(Exists(PartnerRole.objects.filter(page=OuterRef("pk"), role__in=filters["role"])))
    if filters.get("year"):
        partners = partners.filter(Exists(action_research_in(filters["year"]).filter(page=OuterRef("pk"))))
    return partners


def action_research_in(year):
    """Action research roles known to cover the year; a role with no end year runs on."""
    return PartnerRole.objects.filter(role=PartnerRoleKind.ACTION_RESEARCH_PARTNER, start_year__lte=year).filter(
        Q(end_year__isnull=True) | Q(end_year__gte=year)
    )


def query_string(filters, **changes):
    """A canonical query string for the filters with some replaced: only valid values, no page."""
    pairs = []
    for name, value in {**filters, **changes}.items():
        values = value if isinstance(value, list) else [value]
        pairs += [(name, item) for item in values if item not in (None, "")]
    return "?" + urlencode(pairs)


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


def chips(form, filters):
    """One removable chip per active filter value: its label and the link without it."""
    result = []
    for name, value in filters.items():
        field = form.fields[name]
        if isinstance(value, list):
            labels = dict(field.choices)
            for item in value:
                rest = [other for other in value if other != item]
                result.append((f"{field.label}: {labels[item]}", query_string(filters, **{name: rest})))
        else:
            result.append((f"{field.label}: {value}", query_string(filters, **{name: None})))
    return result


def years_on_record(partners):
    """The first and last years of action research among these partners, for the empty-year message."""
    roles = PartnerRole.objects.filter(
        page__in=partners, role=PartnerRoleKind.ACTION_RESEARCH_PARTNER, start_year__isnull=False
    )
    return roles.aggregate(first=Min("start_year"), last=Max(Coalesce("end_year", "start_year")))


def directory_context(index, request):
    regions = region_terms()
    regions_by_slug = {region.slug: region for region in regions}
    form = PartnerFilterForm(request.GET, regions=regions)
    filters = form.filters()

    partners = public(PartnerPage.objects.live().child_of(index).filter(locale=locale_id(get_language())))
    without_region = filter_partners(partners, {**filters, "region": []}, regions_by_slug)
    counts = dict(without_region.order_by().values("region").annotate(total=Count("pk")).values_list("region", "total"))
    region_counts = [
        RegionCount(
            region=region,
            count=counts.get(region.pk, 0),
            url=query_string(filters, region=[region.slug]),
            selected=region.slug in filters.get("region", []),
        )
        for region in regions
    ]

    results = (
        filter_partners(partners, filters, regions_by_slug)
        .select_related("region", "logo")
        .prefetch_related("roles", renditions_prefetch("logo__renditions", "logo"))
        .order_by(Lower("title"), "pk")
    )
    # A partner has one region (or none), so the region counts add up to the number of results.
    chosen = [region.pk for region in regions if region.slug in filters.get("region", [])]
    total = sum(count for region, count in counts.items() if region in chosen or not chosen)
    page_obj = paginate(request, results, PARTNERS_PER_PAGE, count=total)

    context = {
        "form": form,
        "filters": filters,
        "chips": chips(form, filters),
        "region_counts": region_counts,
        "region_map": region_map(region_counts),
        "partners": page_obj.object_list,
        "page_obj": page_obj,
    }
    if filters.get("year") and not page_obj.paginator.count:
        # Say so when the year itself is the reason for the empty list, not the other filters.
        year_alone = filter_partners(partners, {"year": filters["year"]}, regions_by_slug)
        if not year_alone.exists():
            context["year_on_record"] = years_on_record(partners)
            context["without_year_url"] = query_string(filters, year=None)
    return context
