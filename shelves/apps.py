from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShelvesConfig(AppConfig):
    # "collections" is the standard library's: the app is `shelves`, its pages "collections".
    name = "shelves"
    verbose_name = _("Collections")
