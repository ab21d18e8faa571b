"""Demo blog: example posts that show how the blog works, written from the facts in shared/seeds/.

The seeds name no blog posts and give no dates, so every post is an example:
its title starts "Example:", its page says it is example content, its author is
"Example author" and its date is a fixed example date (five weeks apart, counting
back from EXAMPLE_DATE), never the day the demo is loaded. What the posts say about
the programme is what the seeds say, in the project's own words.
"""

from datetime import date, timedelta

from taggit.models import Tag
from wagtail.models import Locale, Page

from blog.models import (
    BlogCategory,
    BlogIndexPage,
    BlogPage,
    BlogPageAuthor,
    BlogPageMentionedPartner,
    BlogPageRelatedResource,
    BlogPageTag,
    Person,
)
from demo.helpers import child_page, demo_image, stream

EXAMPLE_AUTHOR = {
    "name": "Example author",
    "bio": "An example author, to show how the blog credits the people who write its posts.",
}
# The newest example post's date; the others are five weeks apart before it.
EXAMPLE_DATE = date(2025, 6, 2)


def p(*texts):
    return ("paragraph", "".join(f"<p>{text}</p>" for text in texts))


def h2(text):
    return ("heading", {"text": text, "level": "h2"})


def ul(*items):
    return ("paragraph", "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")


HEARD = [
    (
        "Holistic",
        "the personal, social and emotional benefits of music drive the vision and mission",
        "Music-making is a strong contributor to young people's personal and social development. A holistic "
        "music service lets those benefits drive what it does.",
    ),
    (
        "Equitable",
        "people facing the biggest barriers receive the most support",
        "Too many young people miss out on music because of who they are, where they live or what they are "
        "going through. An equitable music service gives the most support to those facing the biggest barriers.",
    ),
    (
        "Authentic",
        "the work is designed together with the people it is for",
        "Authentic work is designed in collaboration with the people it is for, rather than planned for them "
        "and delivered to them.",
    ),
    (
        "Representative",
        "participants and colleagues reflect our diverse society",
        "The people a music service works with, as participants and as colleagues, should reflect our diverse society.",
    ),
    (
        "Diverse",
        "all musical genres, styles and practices are valued equally",
        "No musical genre, style or practice counts for more than another: a diverse music service values "
        "them all equally.",
    ),
]

POSTS = [
    {
        "slug": "changing-tracks-previously-musicnet-east",
        "partners": ["hertfordshire"],
        "title": "Example: Changing Tracks, previously MusicNet East",
        "category": BlogCategory.PROGRAMME_UPDATE,
        "tags": ["Programme news"],
        "intro": "Changing Tracks was previously called MusicNet East. It is run by Hertfordshire Music Service "
        "and funded by Youth Music.",
        "body": [
            p(
                "Changing Tracks is a programme of support and learning for, with and by music services that want "
                "to improve equality, diversity and inclusion. It was previously called MusicNet East.",
                "Hertfordshire Music Service runs the programme, and Youth Music funds it, thanks to the National "
                "Lottery through Arts Council England.",
            ),
            h2("What we offer"),
            ul(
                "Free peer working groups",
                "Training and consultancy",
                "Advice and resources",
                "Action research projects, now focused on nurture groups",
            ),
        ],
    },
    {
        "slug": "what-the-action-research-fund-pays-for",
        "resources": ["example-action-research-findings-report", "example-making-the-case-to-your-local-authority"],
        "title": "Example: What our action research fund pays for",
        "category": BlogCategory.PROGRAMME_UPDATE,
        "tags": ["Action research", "Funding"],
        "intro": "Each year since 2018 we have offered a fund for music services to research what helps and what "
        "hinders inclusion in their own work.",
        "body": [
            p(
                "We use research as a catalyst for development. The fund pays music service partners, including "
                "managers and instrumental teachers, to:"
            ),
            ul(
                "test approaches to inclusion",
                "learn from their successes and challenges",
                "share their learning with other music services",
            ),
            p(
                "Partners then bring their emerging findings to the National Music Services Working Group for "
                "Inclusion, so that every service in the group can learn from them."
            ),
        ],
    },
    {
        "slug": "music-services-in-the-action-research",
        "partners": [
            "cambridgeshire",
            "cornwall",
            "essex",
            "hertfordshire",
            "hull",
            "liverpool-resonate",
            "norfolk",
            "southampton",
            "waltham-forest",
        ],
        "resources": ["example-action-research-case-study", "example-action-research-findings-report"],
        "title": "Example: The music services in our action research",
        "category": BlogCategory.NEWS,
        "tags": ["Action research"],
        "intro": "Our current action research projects are with 17 music services. Our description of the programme "
        "also names nine services that have been, or still are, partners in the research.",
        "body": [
            p(
                "The current action research projects are with 17 music services, each developing nurture groups "
                "with primary schools.",
                "Our description of the programme names these services as having been, or still being, partners in "
                "the research on the enablers and barriers of inclusion:",
            ),
            ul(
                "Cambridgeshire",
                "Cornwall",
                "Essex",
                "Hertfordshire",
                "Hull",
                "Liverpool Resonate",
                "Norfolk",
                "Southampton",
                "Waltham Forest",
            ),
            p(
                "Each partner shares what it is finding with the other music services in the National Music "
                "Services Working Group for Inclusion."
            ),
        ],
    },
    {
        "slug": "nurture-groups-our-current-research",
        "resources": ["example-nurture-groups-toolkit", "example-nurture-group-planning-template"],
        "title": "Example: Nurture groups, the focus of our current action research",
        "category": BlogCategory.PROGRAMME_UPDATE,
        "tags": ["Action research", "Nurture groups"],
        "intro": "Our current action research projects are with 17 music services, each developing nurture "
        "groups with primary schools.",
        "body": [
            p(
                "Nurture groups are the focus of the current round of our action research. Seventeen music "
                "services are working with primary schools to develop them.",
                "As with every round, the services test what they try, learn from what works and what does not, "
                "and share that learning with other music services.",
            ),
        ],
    },
    {
        "slug": "inside-the-national-working-group",
        "resources": ["example-action-research-findings-report"],
        "title": "Example: Inside the National Music Services Working Group for Inclusion",
        "category": BlogCategory.NWG_WRITE_UP,
        "tags": ["NWG", "Music Mark"],
        "intro": "The NWG is where music services share their learning about inclusion and offer each other "
        "support and challenge.",
        "body": [
            p(
                "We run the National Music Services Working Group for Inclusion in partnership with Music Mark, "
                "the UK association for music education. Our page 'Changing Tracks' names Youth Music as a partner "
                "in it too.",
                "Its purpose is for music services to share what they are learning about inclusion and to "
                "support and challenge each other.",
            ),
        ],
    },
    {
        "slug": "nwg-from-a-small-group-to-45-services",
        "partners": ["calderdale", "ealing", "luton", "northamptonshire", "thurrock", "milton-keynes"],
        "resources": ["example-inclusion-self-assessment-tool"],
        "title": "Example: The NWG, from a small group to around 45 music services",
        "category": BlogCategory.NWG_WRITE_UP,
        "tags": ["NWG"],
        "intro": "Until 2020 the working group was small. Since September 2021 around 45 music services have "
        "been represented.",
        "body": [
            p(
                "Our two descriptions of the group give its membership differently. Our page 'About Changing Tracks "
                "&amp; Music Services' says that until 2020 the group was a small group of inclusion action research "
                "partners plus six others, and that from September 2021 around 45 music services are represented on "
                "it.",
                "Our page 'Changing Tracks' says the group consists of the current action research partners plus, "
                "currently, six others: Calderdale, Ealing, Luton, Northamptonshire, Thurrock and Milton Keynes.",
            ),
        ],
    },
    {
        "slug": "what-research-partners-bring-to-the-nwg",
        "resources": ["example-action-research-findings-report", "example-inclusion-self-assessment-tool"],
        "title": "Example: What action research partners bring to the NWG",
        "category": BlogCategory.NWG_WRITE_UP,
        "tags": ["NWG", "Action research"],
        "intro": "Action research partners share their emerging findings on what drives inclusion and what "
        "stands in its way.",
        "body": [
            p(
                "The partners in our action research share their emerging findings with the working group: what "
                "they are learning about the drivers of inclusion, and about the barriers to it.",
                "The group exists for music services to share their learning and to support and challenge each "
                "other, and the partners' findings give every service in it something to test in its own work.",
            ),
        ],
    },
    *(
        {
            "slug": f"heard-{name.lower()}",
            "resources": ["example-heard-principles-guide"],
            "title": f"Example: {name}, the {name[0]} in HEARD",
            "category": BlogCategory.RESOURCE_UPDATE,
            "tags": ["HEARD principles"],
            "intro": f"{name}: {meaning}. One of the five principles that make sure young people's music is HEARD.",
            "body": [p(explainer), ("heard_principles", {"heading": "All five HEARD principles", "intro": ""})],
        }
        for name, meaning, explainer in HEARD
    ),
    {
        "slug": "how-we-share-what-music-services-learn",
        "title": "Example: How we share what music services learn",
        "category": BlogCategory.NEWS,
        "tags": ["Music Mark", "Programme news"],
        "intro": "Insights from the programme reach music services through many channels, not only this website.",
        "body": [
            p("We present insights and share learning through:"),
            ul(
                "conference presentations",
                "blogs, videos and other resources",
                "our own communication channels",
                "Music Mark's website, enews, social media and events",
                "the Youth Music Network's website, enews, social media and events",
                "meetings and networking with other professionals",
            ),
            (
                "enews_signup",
                {
                    "heading": "Want to keep in touch with what we're learning?",
                    "text": "Sign up to our enews for advice and resources, tools and tips, from your music "
                    "service peers.",
                },
            ),
        ],
    },
    {
        "slug": "can-we-help-your-music-service",
        "title": "Example: Can we help your music service?",
        "category": BlogCategory.NEWS,
        "tags": ["Training and consultancy"],
        "intro": "We present, train and advise music services, music education hubs and regional hub groups.",
        "body": [
            p(
                "Would you like us to present, or to provide training or consultancy, for your regional hub group, "
                "music education hub or music service? Tell us through our form, 'Can we help you?'."
            ),
        ],
    },
]

PICTURES = [
    ("Blog picture: lanes of colour", 11),
    ("Blog picture: a busy sequence", 12),
    ("Blog picture: long held notes", 13),
    ("Blog picture: short bright beats", 14),
]


def example_author():
    return Person.objects.get_or_create(
        locale=Locale.get_default(), name=EXAMPLE_AUTHOR["name"], defaults=EXAMPLE_AUTHOR
    )[0]


def pictures():
    return [
        demo_image(
            title,
            "Rounded bands of five colours in parallel lanes, some long and some short, like notes in a music "
            "sequencer.",
            seed=seed,
            size=(1200, 675),
        )
        for title, seed in PICTURES
    ]


def demo_pages(home, app_label, model):
    """{slug: page id} of another app's demo pages of one type, found without importing that app."""
    pages = Page.objects.descendant_of(home).filter(content_type__app_label=app_label, content_type__model=model)
    return dict(pages.values_list("slug", "pk"))


def chosen(row_class, field, pages, slugs):
    """InlinePanel rows choosing the demo pages with these slugs, in order; a missing page is skipped."""
    return [row_class(**{f"{field}_id": pages[slug]}, sort_order=n) for n, slug in enumerate(slugs) if slug in pages]


def load(home):
    index = child_page(
        home,
        BlogIndexPage,
        "blog",
        title="Blog",
        show_in_menus=True,
        intro="News, write-ups from the working group and what music services are learning about inclusion.",
        listing_summary="News and learning from Changing Tracks and the music services in it.",
    )
    author = example_author()
    images = pictures()
    resources = demo_pages(home, "resources", "resourcepage")
    partners = demo_pages(home, "partners", "partnerpage")
    # Oldest first, so that each post is published after the one before it.
    for age, post in reversed(list(enumerate(POSTS))):
        tags = [Tag.objects.get_or_create(name=name)[0] for name in post["tags"]]
        child_page(
            index,
            BlogPage,
            post["slug"],
            title=post["title"],
            date=EXAMPLE_DATE - timedelta(weeks=5 * age),
            is_example_content=True,
            category=post["category"],
            intro=post["intro"],
            hero_image=images[age % len(images)],
            body=stream(*post["body"]),
            blog_authors=[BlogPageAuthor(person=author)],
            tagged_items=[BlogPageTag(tag=tag) for tag in tags],
            related_resources=chosen(BlogPageRelatedResource, "resource", resources, post.get("resources", [])),
            mentioned_partners=chosen(BlogPageMentionedPartner, "partner", partners, post.get("partners", [])),
        )
    return index
