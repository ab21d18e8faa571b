"""The five HEARD principles: (slug, name, meaning), in the order the site shows them.

Resource pages tick them (ResourcePage.heard_*), the library filters by them and
the HEARD block lists them.
"""

from django.utils.translation import gettext_lazy as _

HEARD_PRINCIPLES = [
    (
        "holistic",
        _("Holistic"),
        _("The personal, social and emotional benefits of music drive the vision and mission."),
    ),
    ("equitable", _("Equitable"), _("People facing the biggest barriers receive the most support.")),
    ("authentic", _("Authentic"), _("The work is designed together with the people it is for.")),
    ("representative", _("Representative"), _("Participants and colleagues reflect our diverse society.")),
    ("diverse", _("Diverse"), _("All musical genres, styles and practices are valued equally.")),
]
