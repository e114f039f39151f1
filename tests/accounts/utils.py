"""Helpers for the account tests: the test password, the links in allauth's e-mails and the
codes of an authenticator app."""

import re
import time
from urllib.parse import urlparse

from allauth.mfa.app_settings import TOTP_PERIOD
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

PASSWORD = "correct horse battery staple"


def link_in(message):
    """The path of the one link to this site in an e-mail's text."""
    urls = re.findall(r"https?://testserver/\S+", message.body)
    assert len(urls) == 1, message.body
    return urlparse(urls[0]).path


def is_signed_in(client):
    return "_auth_user_id" in client.session


# A code read in the last seconds of its period may reach the server in the next one, where it
# no longer counts (as a person would, wait for the next code).
SECONDS_LEFT_TO_TYPE = 3


def totp_code(secret):
    """The code an authenticator app shows for this secret, with time left to type it."""
    left = TOTP_PERIOD - time.time() % TOTP_PERIOD
    if left < SECONDS_LEFT_TO_TYPE:
        time.sleep(left + 0.05)
    return format_hotp_value(hotp_value(secret, int(time.time()) // TOTP_PERIOD))
