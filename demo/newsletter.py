"""Demo enews settings: the sign-up form links to the demo's privacy notice."""

from wagtail.models import Site

from newsletter.models import NewsletterSettings


def load(home):
    settings = NewsletterSettings.for_site(Site.objects.get(is_default_site=True))
    if settings.privacy_page_id:
        return
    settings.privacy_page = home.get_children().filter(slug="privacy-notice").first()
    settings.save()
