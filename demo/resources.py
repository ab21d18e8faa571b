"""Demo content for the resource library: taxonomy, the library page and resources with PDFs.

The seeds name no resources, so every demo resource is an example, marked as
one (see example()); the sentences in them that state the programme's facts come
from the facts in shared/seeds/, in the project's own words. Every resource has a
generated PDF with real text; a large print version is the same text set at
LARGE_PRINT_SIZE. No Easy Read is offered: none has been written.
"""

import datetime
import hashlib

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Locale

from demo.helpers import child_page, stream, translate
from demo.pdf import LARGE_PRINT_SIZE, make_pdf
from resources.models import (
    ResourceAlternativeFormat,
    ResourceAuthoringPartner,
    ResourceDownload,
    ResourceIndexPage,
    ResourcePage,
)
from taxonomy.models import Audience, Region, ResourceType, Topic

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

EXAMPLE_AUTHOR = "Example author"
EXAMPLE_NOTICE = "This is example content that shows how the site works."

# Sentences from the seeds, in the project's own words, reused across the examples.
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
    "Each year since 2018 the programme has provided a fund for music services to carry out action research on the "
    "enablers of and barriers to inclusion: music service partners, managers and instrumental teachers among them, "
    "test approaches to inclusion, learn from their successes and challenges, and share that learning with other "
    "music services."
)
NURTURE = (
    "The current action research projects are with 17 music services, each developing nurture groups with primary "
    "schools."
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
QUESTIONS = [
    "Questions to discuss with your team:",
    "Which young people in your area are missing out on music because of who they are, where they live or what "
    "they are going through?",
    "Who designs your work with you, and who is left out of that conversation?",
    "Do your tutors and your leadership team reflect the communities you serve?",
    "Which musical genres, styles and practices does your offer value, and which does it leave out?",
]


def example(slug, title, kind, year, summary, body, **tags):
    """One example resource as a dict; tags give topics, principles, audiences, regions, large_print and the PDF's text.

    The seeds name no resources, so every demo resource is an example: its title starts "Example:", its page
    and its PDF say it is example content, its author is "Example author" and its date is a fixed example date.
    """
    return {
        "slug": f"example-{slug}",
        "title": f"Example: {title}",
        "type": kind,
        "year": year,
        "summary": summary,
        "body": [EXAMPLE_NOTICE, *body],
        **tags,
    }


RESOURCES = [
    example(
        "nurture-groups-toolkit",
        "Nurture groups toolkit",
        "toolkit",
        2024,
        "How a toolkit for music services and primary schools setting up a nurture group would look in the library.",
        [
            NURTURE,
            "A toolkit like this would gather what those services learn, for anyone planning the same work.",
        ],
        topics=["nurture-groups", "send", "youth-voice"],
        principles=["holistic", "equitable", "authentic"],
        audiences=["teachers-and-tutors", "schools"],
        pdf=[
            NURTURE,
            "An example nurture group session plan checklist: agree the aims with the school; plan with the young "
            "people as well as for them; keep the group small; review after every session what helped and what got "
            "in the way.",
            *QUESTIONS,
        ],
        large_print=True,
    ),
    example(
        "nurture-group-planning-template",
        "Planning a nurture group: a template",
        "tool-or-template",
        2024,
        "How a template that a music service and a primary school fill in together would look in the library.",
        [NURTURE, "A template like this helps agree who the group is for, what it aims to do and how you will know."],
        topics=["nurture-groups", "send"],
        principles=["holistic", "authentic"],
        audiences=["teachers-and-tutors", "schools", "music-service-leaders"],
        pdf=[
            "Who is the group for? What does the school hope it will do for them?",
            "How will the young people shape the sessions? How will you know what difference it makes?",
        ],
    ),
    example(
        "inclusion-self-assessment-tool",
        "Inclusion self-assessment tool",
        "tool-or-template",
        2023,
        "How a self-assessment tool for music services anywhere in the UK would look in the library.",
        [MISSION, "A tool like this would be worked through as a team, with the HEARD principles beside you."],
        topics=["measuring-inclusion", "strategy-and-leadership"],
        principles=ALL_PRINCIPLES,
        audiences=["music-service-leaders", "hub-partners"],
        regions=ALL_REGIONS,
        pdf=[MISSION, HEARD, "For each principle, note what you already do, what you are starting, and what is next."],
        large_print=True,
    ),
    example(
        "heard-principles-guide",
        "A guide to the HEARD principles",
        "guide",
        2023,
        "How a guide to what Holistic, Equitable, Authentic, Representative and Diverse mean for a music service "
        "would look in the library.",
        [WHY, HEARD],
        topics=["strategy-and-leadership", "youth-voice"],
        principles=ALL_PRINCIPLES,
        audiences=["music-service-leaders", "teachers-and-tutors", "hub-partners", "schools"],
        pdf=[WHY, HEARD, *QUESTIONS],
        large_print=True,
    ),
    example(
        "making-the-case-to-your-local-authority",
        "Making the case for inclusion to your local authority",
        "guide",
        2022,
        "How a guide for music service leaders talking to their local authority and other commissioners would look "
        "in the library.",
        [COMMISSIONERS, MISSION],
        topics=["local-authority-partnerships", "funding", "strategy-and-leadership"],
        principles=["equitable", "representative"],
        audiences=["music-service-leaders", "hub-partners"],
        pdf=[COMMISSIONERS, MISSION, *QUESTIONS],
    ),
    example(
        "action-research-findings-report",
        "Action research findings report",
        "report",
        2022,
        "How a report of what funded music services learned would look in the library. Its findings are not real.",
        [
            RESEARCH,
            "A findings report would bring together what the partners found and what others can take from it.",
        ],
        topics=["measuring-inclusion", "workforce-development"],
        principles=["equitable", "holistic"],
        audiences=["music-service-leaders", "hub-partners"],
        pdf=[RESEARCH, *QUESTIONS],
    ),
    example(
        "action-research-case-study",
        "An action research case study",
        "case-study",
        2021,
        "How a case study of one music service's action research would look in the library. The service and its "
        "project are made up.",
        [
            RESEARCH,
            "A case study would say what the service tried, what worked, what was hard and what it would do next.",
        ],
        topics=["workforce-development", "youth-voice"],
        principles=["representative", "diverse"],
        audiences=["music-service-leaders", "teachers-and-tutors"],
        pdf=[RESEARCH, *QUESTIONS],
    ),
    example(
        "video-resource",
        "A video resource",
        "video",
        2021,
        "How a video resource would look in the library. There is no video here: an editor would add one to the "
        "page, with its transcript as an alternative format.",
        [
            WHY,
            "An editor would add the video with the embed block, which loads it only when a visitor presses play.",
        ],
        topics=["youth-voice"],
        principles=["diverse", "authentic"],
        audiences=["teachers-and-tutors", "schools", "hub-partners"],
        pdf=["Example notes to use with a video:", WHY, *QUESTIONS],
    ),
]


def load_taxonomy():
    """Create each term that is missing, in order; existing terms are left as editors made them."""
    locale = Locale.get_default()
    for model, names in TAXONOMY.items():
        for position, name in enumerate(names):
            model.objects.get_or_create(
                locale=locale, slug=slugify(name), defaults={"name": name, "sort_order": position * 10}
            )


def demo_document(title, paragraphs, body_size=None):
    """A generated PDF, made once and found by title after that. Saving it extracts its text.

    body_size sets the body text's size in points (LARGE_PRINT_SIZE for large print); the default is the usual size.
    """
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    content = make_pdf(title, paragraphs, **({"body_size": body_size} if body_size else {}))
    return Document.objects.create(
        title=title,
        file=ContentFile(content, name=slugify(title)[:80] + ".pdf"),
        file_size=len(content),
        file_hash=hashlib.sha1(content, usedforsecurity=False).hexdigest(),
    )


def terms(model, slugs, locale):
    return list(model.objects.filter(locale=locale, slug__in=slugs))


def load_resource(library, data, locale):
    pdf_text = [EXAMPLE_NOTICE, data["summary"], *data["pdf"]]
    document = demo_document(data["title"], pdf_text)
    formats = []
    if data.get("large_print"):
        large_print = demo_document(f"{data['title']} (large print)", pdf_text, body_size=LARGE_PRINT_SIZE)
        formats.append(ResourceAlternativeFormat(format="large_print", document=large_print))
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
        authoring_partners=[ResourceAuthoringPartner(name=EXAMPLE_AUTHOR)],
        is_example_content=True,
    )


def load(home):
    """The taxonomy, the library page under home and the example resources; returns the library."""
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
            "Toolkits, reports, case studies and guides for music services working on inclusion. Filter by topic, "
            "type, HEARD principle, audience, region or year."
        ),
        listing_summary="Toolkits, reports, case studies and guides on inclusion for music services.",
    )
    for data in RESOURCES:
        load_resource(library, data, home.locale)
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
