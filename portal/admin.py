"""The portal's admin site: its name, and who gets in.

Everyone signs in through allauth's log-in page, so the admin shares its rate limits, its
second-factor step and its silence about which addresses have accounts. Outside development,
staff also need a second factor set up before the admin opens (ADMIN_REQUIRE_MFA).
"""

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _


class PortalAdminSite(admin.AdminSite):
    site_header = _("Together for Safety administration")
    site_title = _("Together for Safety admin")
    index_title = _("Curate practices, lessons, cities and events")

    def has_permission(self, request):
        """Active staff, with a second factor when the settings ask for one."""
        if not super().has_permission(request):
            return False
        return not settings.ADMIN_REQUIRE_MFA or is_mfa_enabled(request.user)

    def login(self, request, extra_context=None):
        """Send visitors to allauth's log-in, and staff without a second factor to set one up."""
        next_url = request.GET.get(REDIRECT_FIELD_NAME, "")
        if not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            next_url = reverse("admin:index", current_app=self.name)
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(next_url, reverse("account_login"))
        if self.has_permission(request):
            return redirect(next_url)
        if user.is_active and user.is_staff:
            messages.warning(
                request,
                _(
                    "The administration is open to staff with two-factor authentication: "
                    "activate an authenticator app first."
                ),
            )
            return redirect("mfa_activate_totp")
        raise PermissionDenied
