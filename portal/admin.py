"""The admin site's own name, so curators know where they are."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Together for Safety administration")
admin.site.site_title = _("Together for Safety admin")
admin.site.index_title = _("Curate practices, lessons, cities and events")
