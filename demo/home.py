"""Demo content for the home page and the programme's general pages.

Written in the project's own words from the facts in shared/seeds/.
"""

from datetime import timedelta
from email.utils import parseaddr
from urllib.parse import urlparse

from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from core.models import FooterSettings, FooterText
from demo.helpers import child_page, demo_image, list_items, stream, translate
from demo.resources import load_taxonomy
from home.models import HomePage, ProgrammePage
from taxonomy.models import ResourceType


def paragraph(*texts):
    return ("paragraph", "".join(f"<p>{text}</p>" for text in texts))


def bullets(*items):
    return ("paragraph", "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def home_page():
    """The site's home page and whether it is new, replacing Wagtail's placeholder page on a new install."""
    site = Site.objects.get(is_default_site=True)
    root = Page.get_first_root_node()
    existing = root.get_children().type(HomePage).first()
    if existing:
        return existing.specific, False
    hero = demo_image(
        "Five coloured tracks",
        "Five rounded bands of colour running side by side, like lanes on a running track or tracks in a recording.",
        seed=1,
    )
    home = HomePage(
        title="Changing Tracks",
        slug="home",
        hero_intro=(
            "Peer support, training and research that help music services and music education hubs "
            "become more inclusive, so that every young person's music is heard."
        ),
        hero_image=hero,
        listing_summary="Helping music services embed equality, diversity and inclusion in everything they do.",
        summary=(
            "<p>Changing Tracks works for, with and by music services. We run free peer working groups, "
            "offer training and consultancy, share advice and resources, and fund action research, which "
            "is now looking at nurture groups in primary schools.</p>"
            "<p>We are part of Hertfordshire Music Service. Youth Music backs the programme, thanks to the "
            "National Lottery through Arts Council England.</p>"
        ),
    )
    # Wagtail's own install leaves a placeholder page called "home": make way for the real one.
    placeholder = site.root_page
    is_placeholder = placeholder.specific_class is Page and placeholder.depth == 2
    if is_placeholder:
        Page.objects.filter(pk=placeholder.pk).update(slug=f"placeholder-{placeholder.pk}")
    root.add_child(instance=home)
    home.save_revision().publish()
    address = urlparse(settings.WAGTAILADMIN_BASE_URL)
    site.root_page = home
    site.site_name = "Changing Tracks"
    site.hostname = address.hostname or "localhost"
    site.port = address.port or (443 if address.scheme == "https" else 80)
    site.save()
    if is_placeholder:
        placeholder.delete()
    return home, True


def enquiry_call_to_action(enquiries, button_label):
    """A "Can we help you?" call to action block linking to the enquiry form page."""
    return (
        "call_to_action",
        {
            "heading": "Can we help you?",
            "text": "We present, train and advise music services, music education hubs and regional hub groups.",
            "button_label": button_label,
            "link": {"page": enquiries.pk, "url": ""},
        },
    )


def programme_pages(home, enquiries):
    """The general programme pages, the Training and consultancy page linking to the enquiry form."""
    child_page(
        home,
        ProgrammePage,
        "about",
        title="About Changing Tracks",
        menu_label="About",
        show_in_menus=True,
        intro=(
            "Changing Tracks, once called MusicNet East, is a programme of peer support and learning "
            "for music services that want to improve equality, diversity and inclusion."
        ),
        listing_summary="Who we are, who funds us and what we are for.",
        body=stream(
            heading("Our mission"),
            paragraph(
                "We help music services build equality, diversity and inclusion into their strategy and their "
                "everyday practice. Services that do this become more resilient, more relevant and more "
                "responsive to young people, to schools, to local authorities and to everyone who commissions "
                "their work, and they show hub partners what good practice looks like."
            ),
            heading("How we work"),
            bullets(
                "Free peer working groups where music services learn from each other",
                "Training and consultancy",
                "Advice and resources, from tools and toolkits to case studies",
                "Action research projects, currently on nurture groups",
            ),
            heading("Who we are"),
            paragraph(
                "Hertfordshire Music Service leads the programme. Youth Music funds it, thanks to the National "
                "Lottery through Arts Council England."
            ),
        ),
    )
    child_page(
        home,
        ProgrammePage,
        "heard-principles",
        title="The HEARD principles",
        menu_label="HEARD",
        show_in_menus=True,
        intro=(
            "Music-making does a great deal for young people's personal and social development, yet too many "
            "miss out because of who they are, where they live, what they are going through, or a narrow "
            "range of opportunities."
        ),
        listing_summary=(
            "Five principles for musically inclusive practice: Holistic, Equitable, Authentic, Representative, Diverse."
        ),
        body=stream(
            paragraph(
                "We help music services make inclusive practice part of all their work. Five principles guide "
                "it, and their first letters spell HEARD."
            ),
            ("heard_principles", {"heading": "Making sure young people's music is HEARD", "intro": ""}),
        ),
    )
    child_page(
        home,
        ProgrammePage,
        "action-research",
        title="Action research",
        menu_label="Research",
        show_in_menus=True,
        intro=(
            "We use research to spark change. Every year since 2018 we have funded music services to study "
            "what helps and what hinders inclusion in their own work."
        ),
        listing_summary="How we fund music services to test approaches to inclusion and share what they learn.",
        body=stream(
            heading("Research as a catalyst"),
            paragraph("Music service partners, managers and instrumental teachers among them, use the fund to:"),
            bullets(
                "try out approaches to inclusion",
                "learn from what succeeds and what proves hard",
                "share that learning with other music services",
            ),
            heading("Our partners"),
            paragraph(
                "Cambridgeshire, Cornwall, Essex, Hertfordshire, Hull, Liverpool Resonate, Norfolk, Southampton "
                "and Waltham Forest music services have been, or still are, partners in the research. Partners bring "
                "their emerging findings to the National Music Services Working Group for Inclusion."
            ),
            heading("Nurture groups"),
            paragraph(
                "The current round of action research involves 17 music services, each developing nurture "
                "groups with primary schools."
            ),
        ),
    )
    load_taxonomy()  # the working group's page shows the newest toolkits
    toolkit = ResourceType.objects.get(locale=Locale.get_default(), slug="toolkit")
    child_page(
        home,
        ProgrammePage,
        "national-working-group",
        title="National Music Services Working Group for Inclusion",
        menu_label="Working group",
        show_in_menus=True,
        intro=(
            "The NWG is where music services share what they are learning about inclusion and offer each "
            "other support and challenge."
        ),
        listing_summary="The national peer group for music services working on inclusion, run with Music Mark.",
        body=stream(
            heading("Who runs it"),
            paragraph(
                "We run the group in partnership with Music Mark, the UK association for music education. Our page "
                "'Changing Tracks' names Youth Music as a partner in it too."
            ),
            heading("Who takes part"),
            paragraph(
                "Our two descriptions of the group give its membership differently.",
                "Our page 'About Changing Tracks &amp; Music Services' says that until 2020 the group was a small "
                "group of inclusion action research partners plus six others, and that from September 2021 around "
                "45 music services are represented on it.",
                "Our page 'Changing Tracks' says the group consists of the current action research partners plus, "
                "currently, six others: Calderdale, Ealing, Luton, Northamptonshire, Thurrock and Milton Keynes.",
            ),
            (
                "key_figures",
                {
                    "heading": "The group in numbers",
                    "figures": list_items(
                        {
                            "figure": "6",
                            "label": "music services on the group besides the action research partners, until 2020",
                            "source": "Changing Tracks, about the working group",
                        },
                        {
                            "figure": "around 45",
                            "label": "music services represented on the group from September 2021",
                            "source": "Changing Tracks, about the working group",
                        },
                    ),
                },
            ),
            paragraph(
                "The action research partners use the group to share their emerging findings on what drives "
                "inclusion and what stands in its way."
            ),
            heading("How we share what we learn"),
            bullets(
                "Presentations at conferences",
                "Blogs, videos and other resources",
                "Our own newsletter and channels",
                "Music Mark's website, enews, social media and events",
                "The Youth Music Network's website, enews, social media and events",
                "Meetings and networking with other professionals",
            ),
            (
                "accordion",
                {
                    "heading": "Questions about the group",
                    "is_faq": True,
                    "items": list_items(
                        {
                            "question": "Who can join the working group?",
                            "answer": (
                                "<p>The group is for music services. Until 2020 it was the action research "
                                "partners and six other music services; since September 2021 around 45 music "
                                "services have been represented.</p>"
                            ),
                        },
                        {
                            "question": "What is the group for?",
                            "answer": (
                                "<p>Music services share their learning about inclusion and give each other "
                                "support and challenge. The action research partners share their emerging "
                                "findings on what drives inclusion and what stands in its way.</p>"
                            ),
                        },
                        {
                            "question": "Who runs it?",
                            "answer": (
                                "<p>Changing Tracks runs the group in partnership with Music Mark, the UK "
                                "association for music education, and with Youth Music.</p>"
                            ),
                        },
                    ),
                },
            ),
            ("cards", {"heading": "Toolkits", "pages": [], "resource_type": toolkit.pk, "topic": None, "count": 3}),
        ),
    )
    child_page(
        home,
        ProgrammePage,
        "training-and-consultancy",
        title="Training and consultancy",
        menu_label="Training",
        show_in_menus=True,
        intro=(
            "We can present, or provide training or consultancy, for your regional hub group, music "
            "education hub or music service."
        ),
        listing_summary="Presentations, training and consultancy for music services, hubs and regional groups.",
        body=stream(
            heading("What we offer"),
            bullets("Presentations", "Training", "Consultancy"),
            paragraph(
                "We offer them to regional hub groups, music education hubs and music services that want to "
                "become more inclusive."
            ),
            enquiry_call_to_action(enquiries, "Ask us to present, train or advise"),
        ),
    )


FUNDERS = "Changing Tracks is funded by Youth Music, thanks to the National Lottery through Arts Council England."


def footer_text():
    """The footer's words in the default language, made once."""
    text, _created = FooterText.objects.get_or_create(
        locale=Locale.get_default(), defaults={"funder_acknowledgement": f"<p>{FUNDERS}</p>"}
    )
    return text


def add_footer_link(page):
    """Link page from the footer of every page, once."""
    text = footer_text()
    if not any(link.value["page"].pk == page.pk for link in text.footer_links):
        text.footer_links.append(("link", {"page": page, "label": ""}))
        text.save()


def contact_email(site):
    """The footer's contact address; on a new site, the site's own sender address (a placeholder in dev)."""
    footer_settings = FooterSettings.for_site(site)
    if not footer_settings.contact_email:
        footer_settings.contact_email = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
        footer_settings.save()
    return footer_settings.contact_email


def statement_pages(home, site):
    """The accessibility and cookie statements, linked from the footer of every page."""
    email = contact_email(site)
    review = {"next_review_date": timezone.localdate() + timedelta(days=365)}
    accessibility = child_page(
        home,
        ProgrammePage,
        "accessibility",
        title="Accessibility statement",
        intro=(
            "We want everyone who visits this website to be able to use it, whatever their abilities and "
            "whatever device or assistive technology they use."
        ),
        listing_summary="How accessible this website is, how we test it, and how to tell us about a problem.",
        body=stream(
            heading("What we aim for"),
            paragraph(
                "This website aims to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA. "
                "As a programme about inclusion, we want to practise what we preach."
            ),
            paragraph("You should be able to:"),
            bullets(
                "use every page with a keyboard alone, with a visible focus outline and a link to skip to the content",
                "zoom in and read the site on a small screen without scrolling sideways",
                "change colours, fonts and text size in your browser or device settings",
                "move around each page by its headings and landmarks with a screen reader",
                "read text with high contrast against its background, in a font your device already has",
                "choose when a video loads, and read its transcript or description",
            ),
            heading("How we test it"),
            paragraph(
                "Every type of page on the site is checked automatically with the axe accessibility engine in a real "
                "browser, at desktop and phone sizes, and checked for use with a keyboard alone. These checks run "
                "every time the website's code changes. Editors can check each page with the accessibility checker "
                "built into the editing system before they publish it."
            ),
            paragraph(
                "Automated checks find only some problems, so we also want to hear from you about anything that "
                "gets in your way."
            ),
            heading("Reporting a problem or asking for another format"),
            paragraph(
                f"If something on this website is hard to use, or you need a document in another format such as "
                f'large print, Easy Read or audio, email us at <a href="mailto:{email}">{email}</a>.',
                "Tell us the address of the page or the name of the document, what you were trying to do and what "
                "went wrong, and how you would like us to reply.",
            ),
        ),
        **review,
    )
    cookies = child_page(
        home,
        ProgrammePage,
        "cookies",
        title="Cookie statement",
        intro="This website sets no tracking cookies. We do not use analytics, advertising or social media trackers.",
        listing_summary="This website sets no tracking cookies: what it does and does not store on your device.",
        body=stream(
            heading("Cookies we never set"),
            paragraph(
                "We do not track visitors. There are no analytics, advertising or social media cookies, and no "
                "third-party scripts on our pages, so we do not need to ask for your consent."
            ),
            heading("Cookies that keep forms and logins safe"),
            bullets(
                "csrftoken: set when you fill in a form on this website, so that nobody else can send it in your name",
                "sessionid: set only for staff who log in to edit the website",
            ),
            paragraph("Both are strictly necessary for the website to work safely, and neither follows you elsewhere."),
            heading("Videos"),
            paragraph(
                "Videos from YouTube or Vimeo load only when you press play. Until then, those sites receive "
                "nothing from your visit. Once you play a video, the site it comes from may set its own cookies."
            ),
            heading("Questions"),
            paragraph(f'Email us at <a href="mailto:{email}">{email}</a> if you have a question about this statement.'),
        ),
        **review,
    )
    add_footer_link(accessibility)
    add_footer_link(cookies)


def load(home, enquiries):
    """The programme pages, Welsh pages and the statements.

    enquiries is the enquiry form page ("Can we help you?"), which the Training and consultancy page's call
    to action links to; the home page's own sections link to it too (HomePage.help_page).
    """
    programme_pages(home, enquiries)
    welsh_pages(home)
    footer_text()
    statement_pages(home, Site.objects.get(is_default_site=True))
    return home


WELSH = {
    "Changing Tracks": "Changing Tracks",
    "Helping music services embed equality, diversity and inclusion in everything they do.": (
        "Helpu gwasanaethau cerdd i wreiddio cydraddoldeb, amrywiaeth a chynhwysiant ym mhopeth a wnânt."
    ),
    "Peer support, training and research that help music services and music education hubs become more "
    "inclusive, so that every young person's music is heard.": (
        "Cymorth gan gymheiriaid, hyfforddiant ac ymchwil sy'n helpu gwasanaethau cerdd a hybiau addysg "
        "cerddoriaeth i ddod yn fwy cynhwysol, fel bod cerddoriaeth pob person ifanc yn cael ei chlywed."
    ),
    "Changing Tracks works for, with and by music services. We run free peer working groups, offer training "
    "and consultancy, share advice and resources, and fund action research, which is now looking at nurture "
    "groups in primary schools.": (
        "Mae Changing Tracks yn gweithio i wasanaethau cerdd, gyda nhw a thrwyddyn nhw. Rydym yn cynnal grwpiau "
        "gwaith cymheiriaid am ddim, yn cynnig hyfforddiant ac ymgynghoriaeth, yn rhannu cyngor ac adnoddau, ac "
        "yn ariannu ymchwil weithredol, sydd bellach yn edrych ar grwpiau meithrin mewn ysgolion cynradd."
    ),
    "We are part of Hertfordshire Music Service. Youth Music backs the programme, thanks to the National "
    "Lottery through Arts Council England.": (
        "Rydym yn rhan o Wasanaeth Cerdd Swydd Hertford. Mae Youth Music yn cefnogi'r rhaglen, diolch i'r "
        "Loteri Genedlaethol drwy Gyngor Celfyddydau Lloegr."
    ),
    "Making sure young people's music is HEARD": "Sicrhau bod cerddoriaeth pobl ifanc yn cael ei chlywed: HEARD",
    "Can we help you?": "Allwn ni eich helpu chi?",
    "About": "Amdanom ni",
    "We present, train and advise music services, music education hubs and regional hub groups.": (
        "Rydym yn cyflwyno, yn hyfforddi ac yn cynghori gwasanaethau cerdd, hybiau addysg cerddoriaeth a "
        "grwpiau hybiau rhanbarthol."
    ),
    "Ask us about presentations, training or consultancy": (
        "Gofynnwch i ni am gyflwyniadau, hyfforddiant neu ymgynghoriaeth"
    ),
    "About Changing Tracks": "Am Changing Tracks",
    "Who we are, who funds us and what we are for.": "Pwy ydym ni, pwy sy'n ein hariannu a beth yw ein diben.",
    "Changing Tracks, once called MusicNet East, is a programme of peer support and learning for music "
    "services that want to improve equality, diversity and inclusion.": (
        "Mae Changing Tracks, a elwid gynt yn MusicNet East, yn rhaglen o gymorth a dysgu gan gymheiriaid ar "
        "gyfer gwasanaethau cerdd sydd am wella cydraddoldeb, amrywiaeth a chynhwysiant."
    ),
    "Our mission": "Ein cenhadaeth",
    "We help music services build equality, diversity and inclusion into their strategy and their everyday "
    "practice. Services that do this become more resilient, more relevant and more responsive to young "
    "people, to schools, to local authorities and to everyone who commissions their work, and they show hub "
    "partners what good practice looks like.": (
        "Rydym yn helpu gwasanaethau cerdd i wreiddio cydraddoldeb, amrywiaeth a chynhwysiant yn eu strategaeth "
        "ac yn eu hymarfer bob dydd. Mae gwasanaethau sy'n gwneud hyn yn dod yn fwy gwydn, yn fwy perthnasol ac "
        "yn fwy ymatebol i bobl ifanc, i ysgolion, i awdurdodau lleol ac i bawb sy'n comisiynu eu gwaith, ac "
        "maen nhw'n dangos i bartneriaid yr hyb sut olwg sydd ar arfer da."
    ),
    "How we work": "Sut rydym yn gweithio",
    "Free peer working groups where music services learn from each other": (
        "Grwpiau gwaith cymheiriaid am ddim lle mae gwasanaethau cerdd yn dysgu oddi wrth ei gilydd"
    ),
    "Training and consultancy": "Hyfforddiant ac ymgynghoriaeth",
    "Advice and resources, from tools and toolkits to case studies": (
        "Cyngor ac adnoddau, o offer a phecynnau cymorth i astudiaethau achos"
    ),
    "Action research projects, currently on nurture groups": (
        "Prosiectau ymchwil weithredol, ar grwpiau meithrin ar hyn o bryd"
    ),
    "Who we are": "Pwy ydym ni",
    "Hertfordshire Music Service leads the programme. Youth Music funds it, thanks to the National Lottery "
    "through Arts Council England.": (
        "Gwasanaeth Cerdd Swydd Hertford sy'n arwain y rhaglen. Mae Youth Music yn ei hariannu, diolch i'r "
        "Loteri Genedlaethol drwy Gyngor Celfyddydau Lloegr."
    ),
}


def welsh_footer():
    """The footer's words in Welsh. Run after every loader that adds a footer link."""
    if "cy" in dict(settings.LANGUAGES):
        translate(footer_text(), "cy", {FUNDERS: WELSH_FUNDERS})


WELSH_FUNDERS = (
    "Mae Changing Tracks yn cael ei ariannu gan Youth Music, diolch i'r Loteri Genedlaethol drwy Gyngor "
    "Celfyddydau Lloegr."
)


def welsh_pages(home):
    """The home and About pages in Welsh, made through wagtail-localize, when Welsh is configured."""
    if "cy" not in dict(settings.LANGUAGES):
        return
    translate(home, "cy", WELSH)
    translate(home.get_children().get(slug="about").specific, "cy", WELSH)
