"""The partner directory's filter form: every value is checked here before it touches a query."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import LenientMultipleChoiceField
from partners.models import FIRST_YEAR, LAST_YEAR, PartnerKind, PartnerRoleKind

MAX_NAME_QUERY = 100


class PartnerFilterForm(forms.Form):
    q = forms.CharField(
        required=False,
        label=_("Name contains"),
        help_text=_("Part of the organisation's name, for example 'Hull'."),
    )
    region = LenientMultipleChoiceField(label=_("Region"))
    kind = LenientMultipleChoiceField(label=_("Kind of organisation"), choices=PartnerKind.choices)
    role = LenientMultipleChoiceField(label=_("Role in the programme"), choices=PartnerRoleKind.choices)
    year = forms.IntegerField(
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

    filter_names = ["q", "region", "kind", "role", "year"]

    def __init__(self, data, regions):
        super().__init__(data)
        self.fields["region"].choices = [(region.slug, region.name) for region in regions]

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())[:MAX_NAME_QUERY]

    def filters(self):
        """The valid filters only: a field with an error is left out and the rest still apply."""
        self.is_valid()
        return {name: self.cleaned_data[name] for name in self.filter_names if self.cleaned_data.get(name)}
