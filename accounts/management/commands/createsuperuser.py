"""`manage.py createsuperuser`, Django's, with the new superuser's address taken as confirmed:
whoever runs it has the server in hand, and signing in asks for a confirmed address (allauth)."""

from allauth.account.models import EmailAddress
from django.contrib.auth.management.commands import createsuperuser


class Command(createsuperuser.Command):
    def handle(self, *args, **options):
        users = self.UserModel._default_manager.db_manager(options["database"])
        before = set(users.filter(is_superuser=True).values_list("pk", flat=True))
        super().handle(*args, **options)
        for user in users.filter(is_superuser=True).exclude(pk__in=before):
            EmailAddress.objects.using(options["database"]).update_or_create(
                user=user, email=user.email, defaults={"primary": True, "verified": True}
            )
