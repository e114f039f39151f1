"""A member's collections of practices: named, ordered, with a note on each practice, private
unless shared by an unguessable link.

A collection is its owner's alone: nobody else can see it (it is a 404 to them) unless it is
shared, and then only read it, at /collections/<token>/. Sharing again after stopping gives a
new link, so the old one stays dead. Only published practices can be added; one unpublished
later stays in the collection for its owner but is left out of the shared view.
"""

import secrets

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from practices.models import Practice

TOKEN_BYTES = 24  # 32 characters of URL-safe base64


def new_token():
    return secrets.token_urlsafe(TOKEN_BYTES)


class Collection(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="collections"
    )
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    shared = models.BooleanField(_("shared by link"), default=False, db_default=False)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("collection")
        verbose_name_plural = _("collections")
        constraints = [
            models.UniqueConstraint(fields=["owner", "title"], name="collection_title_per_owner")
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("shelves:detail", args=[self.pk])

    def get_shared_url(self):
        return reverse("shelves:shared", args=[self.token])

    def can_edit(self, user):
        return user.is_authenticated and user.pk == self.owner_id

    def share(self):
        """Share by link: a new token unless it is shared already."""
        if not self.shared:
            self.shared, self.token = True, new_token()
            self.save(update_fields=["shared", "token", "updated_at"])

    def stop_sharing(self):
        """The link stops working at once (a 404), and is never valid again."""
        if self.shared:
            self.shared, self.token = False, new_token()
            self.save(update_fields=["shared", "token", "updated_at"])

    def add(self, practice):
        """Add a published practice at the end; (item, added), `added` False if it was there."""
        if not practice.is_published:
            raise ValueError("Only published practices can be added to a collection.")
        try:
            with transaction.atomic():
                last = self.items.aggregate(last=Max("position"))["last"]
                item = self.items.create(practice=practice, position=(last or 0) + 1)
        except IntegrityError:  # already in it (perhaps added a moment ago in another tab)
            return self.items.get(practice=practice), False
        self.save(update_fields=["updated_at"])
        return item, True

    def shown_items(self, *, everything):
        """The items in order with their practices as briefings and lists show them; the
        owner sees `everything`, a shared link's reader published practices only."""
        items = self.items.select_related("practice__city").prefetch_related("practice__lessons")
        if not everything:
            items = items.filter(practice__status=Practice.Status.PUBLISHED)
        return items


class CollectionItem(models.Model):
    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="items")
    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, related_name="collection_items"
    )
    position = models.PositiveIntegerField(default=0)
    note = models.TextField(_("note"), max_length=1000, blank=True)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["collection", "practice"], name="collection_item_once")
        ]

    def __str__(self):
        return f"{self.collection} – {self.practice}"

    @transaction.atomic
    def move(self, direction):
        """Swap places with the item before ("up") or after ("down"); at an end, stay put."""
        neighbours = self.collection.items.select_for_update()
        if direction == "up":
            other = neighbours.filter(position__lt=self.position).order_by("-position").first()
        else:
            other = neighbours.filter(position__gt=self.position).order_by("position").first()
        if other is None:
            return False
        self.position, other.position = other.position, self.position
        CollectionItem.objects.bulk_update([self, other], ["position"])
        self.collection.save(update_fields=["updated_at"])
        return True
