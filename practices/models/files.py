"""Files a city's editors attach to a practice: evaluation reports, toolkits, posters.

The bytes live in Django's default storage (STORAGES["default"]: var/media/ in development, a
shared bucket in production) under a name no reader sees; they are served only through
practices.views.files, which checks who may see the practice.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from practices import uploads
from practices.models.practice import Practice


def stored_name(instance, filename):
    # A random folder: the stored name says nothing a reader could guess.
    return f"practices/{instance.practice_id}/{uuid.uuid4().hex}/{filename}"


class PracticeFile(models.Model):
    class Kind(models.TextChoices):
        EVALUATION = "evaluation", _("Evaluation")
        TOOLKIT = "toolkit", _("Toolkit")
        PRESENTATION = "presentation", _("Presentation")
        OTHER = "other", _("Other")

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="files")
    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(
        _("language"), max_length=2, choices=Practice.Language.choices, default="en"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    file = models.FileField(_("file"), upload_to=stored_name, max_length=300)
    # What the content was found to be (practices/uploads.py), and the name it is served under.
    content_type = models.CharField(max_length=100, editable=False)
    name = models.CharField(_("file name"), max_length=100, editable=False)
    size = models.PositiveBigIntegerField(_("size"), editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        verbose_name = _("file")
        verbose_name_plural = _("files")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("practices:file", args=[self.practice.slug, self.pk, self.name])

    @property
    def extension(self):
        return uploads.EXTENSIONS.get(self.content_type, "").upper()

    @classmethod
    def attach(cls, practice, upload, *, title, language, kind, by):
        """Check `upload` (size, type from its content, the practice's limit) and keep it.
        A ValidationError says what is wrong; nothing is stored then."""
        if upload.size > settings.PRACTICE_FILE_MAX_BYTES:
            raise ValidationError(
                _("This file is %(size)s MB: files can be up to %(limit)s MB.")
                % {
                    "size": round(upload.size / 1024 / 1024, 1),
                    "limit": settings.PRACTICE_FILE_MAX_BYTES // 1024 // 1024,
                },
                code="too_large",
            )
        found = uploads.content_type(upload)
        if found is None:
            raise ValidationError(
                _(
                    "This file is not one the portal accepts (%(types)s), whatever its name "
                    "says. Save it as one of them and try again."
                )
                % {"types": uploads.ACCEPTED},
                code="type",
            )
        name = uploads.normalised_name(upload.name, found)
        attached = cls(
            practice=practice,
            title=title,
            language=language,
            kind=kind,
            content_type=found,
            name=name,
            size=upload.size,
            uploaded_by=by,
        )
        with transaction.atomic():
            # The practice's row is locked: two uploads at once cannot both be the tenth.
            list(Practice.objects.select_for_update().filter(pk=practice.pk).values("pk"))
            if practice.files.count() >= settings.PRACTICE_FILES_MAX:
                raise ValidationError(
                    _("A practice can have up to %(limit)s files: remove one to add another.")
                    % {"limit": settings.PRACTICE_FILES_MAX},
                    code="too_many",
                )
            attached.file.save(name, upload, save=False)
            try:
                attached.save()
            except Exception:
                attached.file.delete(save=False)
                raise
        return attached

    def remove(self):
        """Delete the row and its bytes from storage (after the row, so a failure keeps both)."""
        file = self.file
        self.delete()
        file.delete(save=False)
