"""Staff see every e-mail the portal wrote, whether it went out, and why not; a failed one (out
of tries) is sent again with the "Send again" action. The jobs themselves are listed by
django-tasks-db's own admin (Database tasks)."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from notifications.models import Email


@admin.register(Email)
class EmailAdmin(admin.ModelAdmin):
    list_display = ["subject", "recipients", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status"]
    search_fields = ["subject"]
    readonly_fields = [
        "to",
        "subject",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "sent_at",
        "body",
    ]
    fields = readonly_fields
    actions = ["send_again"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # a record: only the "Send again" action changes it

    @admin.display(description=_("to"))
    def recipients(self, email):
        return ", ".join(email.to)

    @admin.display(description=_("message"))
    def body(self, email):
        return email.message.get("body", "")

    @admin.action(description=_("Send again"))
    def send_again(self, request, queryset):
        failed = list(queryset.filter(status=Email.Status.FAILED))
        for email in failed:
            email.send_again()
        self.message_user(
            request,
            ngettext(
                "%(count)d failed e-mail will be sent again.",
                "%(count)d failed e-mails will be sent again.",
                len(failed),
            )
            % {"count": len(failed)},
            messages.SUCCESS,
        )
