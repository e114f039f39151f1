"""What the API keeps of its own: when rows that hold no time of their own last changed."""

from django.db import models
from django.db.models.functions import Now
from django.utils.translation import gettext_lazy as _


class Change(models.Model):
    """When a row of one kind (a model's label, such as "events.eventpractice") last changed
    in a way no `updated_at` tells: deleted, or, for the kinds without one (links between
    rows, tags), saved. api/changes.py writes these and reads them into Last-Modified."""

    kind = models.CharField(_("kind"), max_length=100, primary_key=True)
    at = models.DateTimeField(_("when"), db_default=Now())

    class Meta:
        verbose_name = _("change")
        verbose_name_plural = _("changes")

    def __str__(self):
        return f"{self.kind} {self.at:%Y-%m-%d %H:%M:%S}"
