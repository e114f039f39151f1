"""allauth's e-mails (address confirmation, password reset, notices) in the recipient's language.

A member's e-mails follow their preferred language, whatever the language of the page that
caused them; the links in them are built in that language too, so they land on its pages. An
e-mail to an address with no account is in the language of the page it was asked from.
"""

from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation

from accounts.models import User


def language_of(user):
    return getattr(user, "language", "") or translation.get_language()


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        user = context.get("user") or User.objects.filter(email__iexact=email).first()
        with translation.override(language_of(user)):
            super().send_mail(template_prefix, email, context)

    def send_confirmation_mail(self, request, emailconfirmation, signup):
        # The confirmation link is reversed inside, so it must be in the member's language.
        with translation.override(language_of(emailconfirmation.email_address.user)):
            super().send_confirmation_mail(request, emailconfirmation, signup)

    def send_password_reset_mail(self, user, email, context):
        # allauth built the link in the page's language; build it again in the member's.
        with translation.override(language_of(user)):
            key = f"{context['uid']}-{context['key']}"
            context = {**context, "password_reset_url": self.get_reset_password_from_key_url(key)}
            super().send_password_reset_mail(user, email, context)
