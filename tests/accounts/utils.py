"""Helpers for the account tests: the test password and the links in allauth's e-mails."""

import re
from urllib.parse import urlparse

PASSWORD = "correct horse battery staple"


def link_in(message):
    """The path of the one link to this site in an e-mail's text."""
    urls = re.findall(r"https?://testserver/\S+", message.body)
    assert len(urls) == 1, message.body
    return urlparse(urls[0]).path


def is_signed_in(client):
    return "_auth_user_id" in client.session
