"""Demo content for the resource library: taxonomy, the library page and resources with PDFs.

Written in the project's own words from the facts in shared/seeds/. The seeds
give no publication dates, so each demo resource has a placeholder date in the
years the seeds cover (action research every year since 2018, the working group
growing from September 2021). Every resource has a generated PDF with real text.
"""

import datetime
import hashlib

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Locale, Revision

from core.demo import child_page, stream, translate
from resources.models import (
    Audience,
    Region,
    ResourceAlternativeFormat,
    ResourceAuthoringPartner,
    ResourceDownload,
    ResourceIndexPage,
    ResourcePage,
    ResourceType,
    Topic,
)
from resources.partner_links import link_names_to_partner_pages
from resources.pdf import make_pdf

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
ALL_REGIONS = [slugify(name) for name in TAXONOMY[Region]]
ALL_PRINCIPLES = ["holistic", "equitable", "authentic", "representative", "diverse"]

CHANGING_TRACKS = "Changing Tracks"
HERTS = "Hertfordshire Music Service"
MUSIC_MARK = "Music Mark"

# Sentences from the seeds, reused across resources.
MISSION = (
    "Changing Tracks helps music services embed equality, diversity and inclusion throughout their strategy and "
    "practice, so that they become more resilient, relevant and responsive to young people, schools, local "
    "authorities and other commissioners, and model good practice for hub partners."
)
WHY = (
    "Music-making contributes a great deal to young people's personal and social development. Yet too many miss "
    "out because of who they are, where they live, what they are going through, or a lack of diverse opportunities."
)
RESEARCH = (
    "Each year since 2018 the programme has funded music services, managers and instrumental teachers among them, "
    "to test approaches to inclusion, learn from their successes and challenges, and share that learning with "
    "other music services."
)
NURTURE = "The current action research is with 17 music services, each developing nurture groups with primary schools."
NWG = (
    "The National Music Services Working Group for Inclusion (NWG) is run in partnership with Music Mark, the UK "
    "association for music education. Music services share their learning about inclusion there and give each other "
    "support and challenge; the action research partners share their emerging findings on the drivers of and "
    "barriers to inclusion."
)
NWG_GROWTH = (
    "Until 2020 the group was the action research partners plus six other music services: Calderdale, Ealing, Luton, "
    "Northamptonshire, Thurrock and Milton Keynes. Since September 2021 around 45 music services have been represented."
)
HEARD = (
    "Holistic: the personal, social and emotional benefits of music drive the vision and mission. Equitable: people "
    "facing the biggest barriers receive the most support. Authentic: the work is designed together with the people "
    "it is for. Representative: participants and colleagues reflect our diverse society. Diverse: all musical genres, "
    "styles and practices are valued equally."
)
COMMISSIONERS = (
    "A music service that embeds inclusion becomes more relevant and responsive to local authorities and the other "
    "commissioners of its services, as well as to young people and schools."
)
FUNDING = (
    "Changing Tracks is part of Hertfordshire Music Service and is backed by Youth Music, thanks to the National "
    "Lottery through Arts Council England. Its peer working groups are free."
)
SHARING = (
    "Findings are shared through conference presentations, blogs, videos and other resources, the programme's own "
    "channels, Music Mark's and the Youth Music Network's websites, enews, social media and events, and meetings "
    "with other professionals."
)
QUESTIONS = [
    "Questions to discuss with your team:",
    "Which young people in your area are missing out on music because of who they are, where they live or what "
    "they are going through?",
    "Who designs your work with you, and who is left out of that conversation?",
    "Do your tutors and your leadership team reflect the communities you serve?",
    "Which musical genres, styles and practices does your offer value, and which does it leave out?",
]


def resource(slug, title, kind, year, summary, body, **tags):
    """One demo resource as a dict; tags give topics, principles, audiences, regions, partners and the PDF's text."""
    return {"slug": slug, "title": title, "type": kind, "year": year, "summary": summary, "body": body, **tags}


ANNUAL_REPORTS = [
    resource(
        f"action-research-findings-{start}-{start + 1}",
        f"Action research findings {start} to {start + 1}",
        "report",
        start + 1,
        f"What the music services funded for action research in {start} to {start + 1} learned about the enablers of "
        "and barriers to inclusion.",
        [
            RESEARCH,
            "This report brings together what the partners found and what other music services can take from it.",
        ],
        topics=["measuring-inclusion", "strategy-and-leadership"] + (["nurture-groups"] if start >= 2021 else []),
        principles=["equitable", "holistic"] if start % 2 else ["representative", "diverse"],
        audiences=["music-service-leaders", "hub-partners"],
        partners=[CHANGING_TRACKS, HERTS],
        pdf=[RESEARCH, NURTURE if start >= 2021 else WHY, *QUESTIONS],
    )
    for start in range(2018, 2023)
]

PARTNER_CASE_STUDIES = [
    resource(
        f"action-research-{slugify(place)}",
        f"Action research partner: {place}",
        "case-study",
        2019 + index % 4,
        f"How {place} took part in the programme's action research on the enablers of and barriers to inclusion.",
        [
            f"{place} has been one of the programme's action research partners. Like every partner, it was funded "
            "to test an approach to inclusion, learn from what worked and what was hard, and share the learning "
            "with other music services.",
            "The partners bring their emerging findings to the National Music Services Working Group for Inclusion.",
        ],
        topics=["workforce-development", "strategy-and-leadership"],
        principles=[ALL_PRINCIPLES[index % 5], ALL_PRINCIPLES[(index + 2) % 5]],
        audiences=["music-service-leaders", "teachers-and-tutors"],
        regions=[region],
        partners=[f"{place} music service" if place != "Liverpool Resonate" else place, CHANGING_TRACKS],
        pdf=[RESEARCH, NWG, *QUESTIONS],
    )
    for index, (place, region) in enumerate(
        [
            ("Cambridgeshire", "east-of-england"),
            ("Cornwall", "south-west"),
            ("Essex", "east-of-england"),
            ("Hull", "yorkshire-and-the-humber"),
            ("Liverpool Resonate", "north-west"),
            ("Norfolk", "east-of-england"),
            ("Southampton", "south-east"),
            ("Waltham Forest", "london"),
        ]
    )
]

NWG_WRITE_UPS = [
    resource(
        f"nwg-meeting-write-up-{year}",
        f"National Working Group for Inclusion: meeting write-up, {year}",
        "report",
        year,
        summary,
        [NWG, detail],
        topics=["workforce-development", "strategy-and-leadership"],
        principles=["representative", "authentic"],
        audiences=["music-service-leaders", "hub-partners"],
        regions=regions,
        partners=[CHANGING_TRACKS, MUSIC_MARK],
        pdf=[NWG, detail, SHARING],
    )
    for year, summary, detail, regions in [
        (
            2020,
            "A write-up of the working group when it was the action research partners and six other music services.",
            NWG_GROWTH,
            ["yorkshire-and-the-humber", "london", "east-of-england", "east-midlands", "south-east"],
        ),
        (
            2021,
            "A write-up of the working group after it opened up, with around 45 music services now represented.",
            NWG_GROWTH,
            [],
        ),
        (
            2022,
            "What music services shared at the working group about the drivers of and barriers to inclusion.",
            "The action research partners shared their emerging findings, and the wider group offered support and "
            "challenge.",
            [],
        ),
    ]
]

OTHER_RESOURCES = [
    resource(
        "nurture-groups-toolkit",
        "Nurture groups toolkit",
        "toolkit",
        2023,
        "For music services and primary schools setting up a nurture group: small, steady music sessions that put "
        "young people's personal, social and emotional development first.",
        [NURTURE, "The toolkit gathers what those services are learning, for anyone planning the same work."],
        topics=["nurture-groups", "send", "youth-voice"],
        principles=["holistic", "equitable", "authentic"],
        audiences=["teachers-and-tutors", "schools"],
        partners=[CHANGING_TRACKS, HERTS],
        pdf=[
            NURTURE,
            "A nurture group session plan checklist: agree the aims with the school; plan with the young people as "
            "well as for them; keep the group small; review after every session what helped and what got in the way.",
            *QUESTIONS,
        ],
        formats=["large_print"],
    ),
    resource(
        "starting-a-nurture-group",
        "Starting a nurture group: planning template",
        "tool-or-template",
        2023,
        "A template a music service and a primary school can fill in together before their first nurture group "
        "session.",
        [NURTURE, "Use the template to agree who the group is for, what it aims to do and how you will know."],
        topics=["nurture-groups", "send"],
        principles=["holistic", "authentic"],
        audiences=["teachers-and-tutors", "schools", "music-service-leaders"],
        partners=[CHANGING_TRACKS],
        pdf=[
            "Who is the group for? What does the school hope it will do for them?",
            "How will the young people shape the sessions? How will you know what difference it makes?",
            NURTURE,
        ],
    ),
    resource(
        "nurture-groups-in-music-services",
        "Nurture groups in music services: film",
        "video",
        2024,
        "A short film about the music services developing nurture groups with primary schools, with a full "
        "transcript to download.",
        [NURTURE, WHY],
        topics=["nurture-groups", "youth-voice"],
        principles=["holistic", "authentic", "diverse"],
        audiences=["teachers-and-tutors", "schools", "hub-partners"],
        partners=[CHANGING_TRACKS],
        pdf=["Transcript.", NURTURE, WHY],
        formats=["transcript"],
    ),
    resource(
        "stages-and-indicators-of-inclusion",
        "Stages and indicators of inclusion",
        "tool-or-template",
        2022,
        "A self-assessment tool for music services across the UK: see where you are on the way to embedding "
        "inclusion, and what to look for next.",
        [MISSION, "Work through the tool as a team, with the HEARD principles beside you."],
        topics=["measuring-inclusion", "strategy-and-leadership"],
        principles=ALL_PRINCIPLES,
        audiences=["music-service-leaders", "hub-partners"],
        regions=ALL_REGIONS,
        partners=[CHANGING_TRACKS, HERTS],
        pdf=[MISSION, HEARD, "For each principle, note what you already do, what you are starting, and what is next."],
        formats=["large_print"],
    ),
    resource(
        "using-the-stages-and-indicators-tool",
        "Using the stages and indicators of inclusion tool",
        "guide",
        2022,
        "A short guide for leadership teams on running a self-assessment with the stages and indicators of "
        "inclusion tool.",
        [MISSION, "Bring managers and instrumental teachers into the conversation: the learning is theirs too."],
        topics=["measuring-inclusion", "workforce-development"],
        principles=["representative", "equitable"],
        audiences=["music-service-leaders"],
        partners=[CHANGING_TRACKS],
        pdf=[MISSION, *QUESTIONS],
    ),
    resource(
        "the-heard-principles",
        "The HEARD principles: a guide for music services",
        "guide",
        2021,
        "What Holistic, Equitable, Authentic, Representative and Diverse mean for a music service's everyday work, "
        "wherever it is in the UK.",
        [WHY, HEARD],
        topics=["strategy-and-leadership", "youth-voice"],
        principles=ALL_PRINCIPLES,
        audiences=["music-service-leaders", "teachers-and-tutors", "hub-partners", "schools"],
        regions=ALL_REGIONS,
        partners=[CHANGING_TRACKS],
        pdf=[WHY, HEARD, *QUESTIONS],
        formats=["large_print", "easy_read"],
    ),
    resource(
        "making-the-case-to-your-local-authority",
        "Making the case for inclusion to your local authority",
        "guide",
        2021,
        "Why embedding inclusion helps a music service stay relevant and responsive to its local authority and "
        "other commissioners.",
        [COMMISSIONERS, MISSION],
        topics=["local-authority-partnerships", "funding", "strategy-and-leadership"],
        principles=["equitable", "representative"],
        audiences=["music-service-leaders", "hub-partners"],
        partners=[CHANGING_TRACKS, HERTS],
        pdf=[COMMISSIONERS, MISSION, *QUESTIONS],
    ),
    resource(
        "local-authority-partnerships-blog-round-up",
        "Local authority partnerships: blog round-up",
        "case-study",
        2022,
        "Music services writing on the programme's blog about their partnerships with local authorities, gathered "
        "in one place.",
        [COMMISSIONERS, SHARING],
        topics=["local-authority-partnerships"],
        principles=["authentic", "equitable"],
        audiences=["music-service-leaders", "hub-partners"],
        partners=[CHANGING_TRACKS],
        pdf=[COMMISSIONERS, SHARING],
    ),
    resource(
        "funding-for-inclusion",
        "Funding inclusion work: what the programme offers",
        "guide",
        2020,
        "The free peer working groups, training, consultancy and action research funding open to music services.",
        [FUNDING, RESEARCH],
        topics=["funding", "workforce-development"],
        principles=["equitable"],
        audiences=["music-service-leaders"],
        partners=[CHANGING_TRACKS, HERTS],
        pdf=[FUNDING, RESEARCH],
    ),
    resource(
        "training-for-music-services",
        "Training and consultancy for hubs and music services",
        "toolkit",
        2024,
        "Materials from the programme's presentations, training and consultancy for regional hub groups, music "
        "education hubs and music services.",
        [MISSION, SHARING],
        topics=["workforce-development", "youth-voice"],
        principles=["diverse", "representative", "authentic"],
        audiences=["music-service-leaders", "teachers-and-tutors", "hub-partners"],
        partners=[CHANGING_TRACKS, MUSIC_MARK],
        pdf=[MISSION, SHARING, *QUESTIONS],
    ),
]

RESOURCES = ANNUAL_REPORTS + PARTNER_CASE_STUDIES + NWG_WRITE_UPS + OTHER_RESOURCES

FORMAT_NAMES = dict(ResourceAlternativeFormat.FORMATS)


def load_taxonomy():
    """Create each term that is missing, in order; existing terms are left as editors made them."""
    locale = Locale.get_default()
    for model, names in TAXONOMY.items():
        for position, name in enumerate(names):
            model.objects.get_or_create(
                locale=locale, slug=slugify(name), defaults={"name": name, "sort_order": position * 10}
            )


def demo_document(title, paragraphs):
    """A generated PDF, made once and found by title after that. Saving it extracts its text."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    content = make_pdf(title, paragraphs)
    return Document.objects.create(
        title=title,
        file=ContentFile(content, name=slugify(title)[:80] + ".pdf"),
        file_size=len(content),
        file_hash=hashlib.sha1(content, usedforsecurity=False).hexdigest(),
    )


def terms(model, slugs, locale):
    return list(model.objects.filter(locale=locale, slug__in=slugs))


def load_resource(library, data, locale):
    document = demo_document(data["title"], [data["summary"], *data["pdf"]])
    formats = [
        ResourceAlternativeFormat(
            format=name,
            document=demo_document(f"{data['title']} ({FORMAT_NAMES[name].lower()})", [data["summary"], *data["pdf"]]),
        )
        for name in data.get("formats", [])
    ]
    resource_type = ResourceType.objects.get(locale=locale, slug=data["type"])
    return child_page(
        library,
        ResourcePage,
        data["slug"],
        title=data["title"],
        summary=data["summary"],
        body=stream(*[("paragraph", f"<p>{text}</p>") for text in data["body"]]),
        publication_date=datetime.date(data["year"], 9, 1),
        resource_type=resource_type,
        topics=terms(Topic, data.get("topics", []), locale),
        audiences=terms(Audience, data.get("audiences", []), locale),
        regions=terms(Region, data.get("regions", []), locale),
        **{f"heard_{slug}": True for slug in data.get("principles", [])},
        downloads=[ResourceDownload(document=document, label=data["title"])],
        alternative_formats=formats,
        authoring_partners=[
            ResourceAuthoringPartner(name=name, sort_order=position)
            for position, name in enumerate(data.get("partners", []))
        ],
    )


def load(home):
    """The taxonomy, the library page under home and the demo resources; returns the library.

    Authors are given by name, then linked to the partner profiles of the same name that exist.
    """
    load_taxonomy()
    welsh_taxonomy()
    library = child_page(
        home,
        ResourceIndexPage,
        "resources",
        title="Resource library",
        menu_label="Resources",
        show_in_menus=True,
        intro=(
            "Toolkits, reports, case studies and guides from the programme's action research and the National "
            "Music Services Working Group for Inclusion. Filter by topic, type, HEARD principle, audience, region "
            "or year."
        ),
        listing_summary="Toolkits, reports and case studies from five years of action research with music services.",
    )
    for data in RESOURCES:
        load_resource(library, data, home.locale)
    partner_model = ResourceAuthoringPartner._meta.get_field("partner").related_model
    link_names_to_partner_pages(ResourceAuthoringPartner, partner_model, Revision)
    return library


WELSH_TERMS = {
    "Toolkit": "Pecyn cymorth",
    "Report": "Adroddiad",
    "Case study": "Astudiaeth achos",
    "Video": "Fideo",
    "Tool or template": "Offeryn neu dempled",
    "Guide": "Canllaw",
    "Nurture groups": "Grwpiau meithrin",
    "Workforce development": "Datblygu'r gweithlu",
    "Youth voice": "Llais ieuenctid",
    "Local authority partnerships": "Partneriaethau ag awdurdodau lleol",
    "Measuring inclusion": "Mesur cynhwysiant",
    "Funding": "Cyllid",
    "SEND": "ADY (anghenion dysgu ychwanegol)",
    "Strategy and leadership": "Strategaeth ac arweinyddiaeth",
    "Music service leaders": "Arweinwyr gwasanaethau cerdd",
    "Teachers and tutors": "Athrawon a thiwtoriaid",
    "Hub partners": "Partneriaid hybiau",
    "Schools": "Ysgolion",
    "North East": "Gogledd-ddwyrain Lloegr",
    "North West": "Gogledd-orllewin Lloegr",
    "Yorkshire and the Humber": "Swydd Efrog a'r Humber",
    "East Midlands": "Dwyrain Canolbarth Lloegr",
    "West Midlands": "Gorllewin Canolbarth Lloegr",
    "East of England": "Dwyrain Lloegr",
    "London": "Llundain",
    "South East": "De-ddwyrain Lloegr",
    "South West": "De-orllewin Lloegr",
    "Wales": "Cymru",
    "Scotland": "Yr Alban",
    "Northern Ireland": "Gogledd Iwerddon",
}


def welsh_taxonomy():
    """Every taxonomy term in Welsh, made through wagtail-localize (slugs stay the same), when Welsh is configured."""
    if "cy" not in dict(settings.LANGUAGES):
        return
    default = Locale.get_default()
    for model in TAXONOMY:
        for term in model.objects.filter(locale=default):
            if term.name in WELSH_TERMS:
                translate(term, "cy", {term.name: WELSH_TERMS[term.name]})
