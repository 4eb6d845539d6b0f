"""The months in the genitive, as Django's ``E`` date format shows them.

Django takes them from the msgctxt "alt. month" entries of the active
catalogue. Naming them here puts them in the site's own catalogue (``locale/``,
read before Django's), where the Belarusian ones follow the spelling of the
site's other texts and CLDR ("сакавіка", "верасня", "снежня"); Django's own
Belarusian catalogue has "сакавік" for March and another spelling for
September and December.
"""

from django.utils.translation import pgettext_lazy

GENITIVE_MONTHS = (
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
)
