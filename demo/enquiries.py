"""Demo enquiry form ("Can we help you?") and privacy notice, in the project's own words."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from wagtail.models import Site

from core.models import FooterSettings
from demo.helpers import child_page, stream
from demo.home import add_footer_link
from home.models import EnquiryFormField, EnquiryFormPage, ProgrammePage

ENQUIRY_FIELDS = [
    {"label": "Your name", "field_type": "singleline"},
    {"label": "Your email address", "field_type": "email", "help_text": "We only use it to reply to you."},
    {
        "label": "Your organisation",
        "field_type": "singleline",
        "help_text": "For example, the name of your music service, music education hub or regional hub group.",
    },
    {
        "label": "Which of these best describes your organisation?",
        "field_type": "radio",
        "choices": "A music service\nA music education hub\nA regional hub group\nSomething else",
    },
    {
        "label": "What would you like us to do?",
        "field_type": "checkboxes",
        "help_text": "Tick all that apply.",
        "choices": "Give a presentation\nRun training\nProvide consultancy",
    },
    {
        "label": "Tell us more",
        "field_type": "multiline",
        "required": False,
        "help_text": "What you have in mind, who it is for, and any dates that matter to you.",
    },
]


def privacy_notice(home, footer_settings):
    """The privacy notice, stating the retention periods in settings; linked from the footer when first made."""
    enquiry_days = settings.ENQUIRY_RETENTION_DAYS
    signup_days = settings.NEWSLETTER_UNCONFIRMED_RETENTION_DAYS
    email = footer_settings.contact_email
    is_new = not home.get_children().filter(slug="privacy-notice").exists()
    page = child_page(
        home,
        ProgrammePage,
        "privacy-notice",
        title="Privacy notice",
        intro="What this website keeps about you, why, and for how long.",
        listing_summary="How the enquiry form and the enews sign-up look after your details, and for how long.",
        body=stream(
            ("heading", {"text": "Who we are", "level": "h2"}),
            (
                "paragraph",
                "<p>Changing Tracks is a programme led by Hertfordshire Music Service and funded by Youth Music, "
                "thanks to the National Lottery through Arts Council England.</p>",
            ),
            ("heading", {"text": "What we keep and why", "level": "h2"}),
            (
                "paragraph",
                "<ul><li>When you ask us for a presentation, training or consultancy, we keep what you type into "
                "the form so that we can reply.</li>"
                "<li>When you sign up to the enews, we keep your email address, your name if you give it, the "
                "language you used and a record of your consent: the words you agreed to, when you agreed, and "
                "the page you signed up on. We send the enews only after you confirm your address with the link "
                "we email you.</li></ul>",
            ),
            ("heading", {"text": "How long we keep it", "level": "h2"}),
            (
                "paragraph",
                f"<ul><li>Enquiries are deleted {enquiry_days} days after they are sent.</li>"
                f"<li>Enews sign-ups that are never confirmed are deleted after {signup_days} days.</li>"
                f"<li>If you unsubscribe, your details are deleted {signup_days} days later.</li>"
                "<li>Confirmed subscribers' details are kept until they unsubscribe.</li></ul>",
            ),
            ("heading", {"text": "No tracking", "level": "h2"}),
            (
                "paragraph",
                "<p>This website sets no advertising or analytics cookies and loads nothing from other companies' "
                "websites, unless you choose to play a video.</p>",
            ),
            ("heading", {"text": "Your choices", "level": "h2"}),
            (
                "paragraph",
                "<p>Every enews has a link to unsubscribe in one click. To see, correct or delete the details we "
                f'keep about you, email us at <a href="mailto:{email}">{email}</a>.</p>'
                if email
                else "<p>Every enews has a link to unsubscribe in one click. To see, correct or delete the details "
                "we keep about you, contact the Changing Tracks team.</p>",
            ),
        ),
        next_review_date=timezone.localdate() + timedelta(days=365),
    )
    if is_new:
        add_footer_link(page)
    return page


def enquiry_page(home):
    return child_page(
        home,
        EnquiryFormPage,
        "can-we-help-you",
        title="Can we help you?",
        intro=(
            "<p>Would you like us to present, or to provide training or consultancy, for your regional hub group, "
            "music education hub or music service? Tell us a little about what you have in mind.</p>"
            "<p><b>What happens next:</b> when you send the form, your enquiry is kept on this website for the "
            "Changing Tracks team, and someone from the team replies to you by email.</p>"
            "<p><b>How soon:</b> Example: we reply within 10 working days. This reply time is example content that "
            "shows how the site works; the team will give its real reply time here.</p>"
        ),
        listing_summary="Ask us to present, train or advise your music service, hub or regional hub group.",
        thank_you_text=(
            "<p>Thank you for getting in touch. Someone from the Changing Tracks team will reply by email.</p>"
        ),
        subject="Website enquiry: Can we help you?",
        form_fields=[EnquiryFormField(sort_order=position, **field) for position, field in enumerate(ENQUIRY_FIELDS)],
    )


def load(home):
    privacy_notice(home, FooterSettings.for_site(Site.objects.get(is_default_site=True)))
    enquiry_page(home)
