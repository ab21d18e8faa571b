"""Demo partners: the action research partners and the other NWG members named in the seeds.

Written in the project's own words. The seeds name each service and its part in
the programme but give no years per partner, websites or project titles, so
those fields stay empty rather than invented. Regions are the Region terms
loaded with the demo taxonomy (demo.resources.load_taxonomy).
"""

from django.utils.text import slugify
from wagtail.models import Locale

from demo.helpers import child_page
from partners.models import (
    PartnerIndexPage,
    PartnerKind,
    PartnerPage,
    PartnerRole,
    PartnerRoleKind,
)
from taxonomy.models import Region

ACTION_RESEARCH = PartnerRoleKind.ACTION_RESEARCH_PARTNER
NWG = PartnerRoleKind.NWG_MEMBER
LEAD = PartnerRoleKind.PROGRAMME_LEAD

ACTION_RESEARCH_SUMMARY = (
    "{name} has been, or still is, a partner in the programme's action research on the enablers and "
    "barriers of inclusion. The research partners share their emerging findings through the National "
    "Music Services Working Group for Inclusion."
)
NWG_SUMMARY = (
    "{name} is one of the six music services that our page 'Changing Tracks' names as members of the "
    "National Music Services Working Group for Inclusion, alongside the current action research partners. "
    "Members share their learning about inclusion and give each other support and challenge."
)
LEAD_SUMMARY = (
    "Hertfordshire Music Service leads Changing Tracks (previously called MusicNet East). It has also been, "
    "or still is, a partner in the programme's action research on the enablers and barriers of inclusion."
)

# (the seeds' name, local authority area, region slug, roles, summary): the seeds' facts, no more.
PARTNERS = [
    ("Cambridgeshire", "Cambridgeshire", "east-of-england", [ACTION_RESEARCH, NWG], ACTION_RESEARCH_SUMMARY),
    ("Cornwall", "Cornwall", "south-west", [ACTION_RESEARCH, NWG], ACTION_RESEARCH_SUMMARY),
    ("Essex", "Essex", "east-of-england", [ACTION_RESEARCH, NWG], ACTION_RESEARCH_SUMMARY),
    ("Hertfordshire", "Hertfordshire", "east-of-england", [LEAD, ACTION_RESEARCH, NWG], LEAD_SUMMARY),
    ("Hull", "Hull", "yorkshire-and-the-humber", [ACTION_RESEARCH, NWG], ACTION_RESEARCH_SUMMARY),
    ("Liverpool Resonate", "Liverpool", "north-west", [ACTION_RESEARCH, NWG], ACTION_RESEARCH_SUMMARY),
    ("Norfolk", "Norfolk", "east-of-england", [ACTION_RESEARCH, NWG], ACTION_RESEARCH_SUMMARY),
    ("Southampton", "Southampton", "south-east", [ACTION_RESEARCH, NWG], ACTION_RESEARCH_SUMMARY),
    ("Waltham Forest", "Waltham Forest", "london", [ACTION_RESEARCH, NWG], ACTION_RESEARCH_SUMMARY),
    ("Calderdale", "Calderdale", "yorkshire-and-the-humber", [NWG], NWG_SUMMARY),
    ("Ealing", "Ealing", "london", [NWG], NWG_SUMMARY),
    ("Luton", "Luton", "east-of-england", [NWG], NWG_SUMMARY),
    ("Northamptonshire", "Northamptonshire", "east-midlands", [NWG], NWG_SUMMARY),
    ("Thurrock", "Thurrock", "east-of-england", [NWG], NWG_SUMMARY),
    ("Milton Keynes", "Milton Keynes", "south-east", [NWG], NWG_SUMMARY),
]


# Most services are named by place, as the seeds name them; these two by their own names.
OWN_NAMES = {"Hertfordshire": "Hertfordshire Music Service", "Liverpool Resonate": "Liverpool Resonate"}


def partner_name(place):
    return OWN_NAMES.get(place, f"{place} music service")


def load(home):
    """The partner directory under the home page and a profile per partner; existing pages are left alone."""
    directory = child_page(
        home,
        PartnerIndexPage,
        "partners",
        title="Our partners",
        menu_label="Partners",
        show_in_menus=True,
        intro=(
            "The music services behind our action research and the National Music Services Working Group "
            "for Inclusion: where they are, what part they have played and what they have learned."
        ),
        listing_summary="The music services in Changing Tracks' action research and national working group.",
    )
    regions = {region.slug: region for region in Region.objects.filter(locale=Locale.get_default())}
    for place, area, region_slug, roles, summary in PARTNERS:
        name = partner_name(place)
        child_page(
            directory,
            PartnerPage,
            slugify(place),
            title=name,
            kind=PartnerKind.MUSIC_SERVICE,
            region=regions.get(region_slug),
            local_authority_area=area,
            summary=summary.format(name=name),
            roles=[PartnerRole(role=role, sort_order=position) for position, role in enumerate(roles)],
        )
    return directory
