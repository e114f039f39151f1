from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from portal import staleness

        staleness.connect()


class PortalAdminConfig(admin_apps.AdminConfig):
    """Django's admin, with the portal's admin site (portal/admin.py) as `admin.site`."""

    default = False  # INSTALLED_APPS names it; "portal" alone means PortalConfig.
    default_site = "portal.admin.PortalAdminSite"
