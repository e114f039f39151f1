"""The portal's own e-mails (review decisions, team decisions and requests, comments) reach each
member in the language of their profile, with links to the pages in that language."""

import pytest
from django.core import mail
from django.urls import reverse

from practices.models import Membership
from tests.conftest import signed_in
from tests.factories import MembershipFactory, PracticeFactory, UserFactory
from tests.jobs import run_jobs

pytestmark = pytest.mark.django_db


@pytest.fixture
def french_author(editor_user):
    editor_user.language = "fr"
    editor_user.save()
    return editor_user


def test_a_french_author_hears_of_publication_in_french_with_french_links(
    staff, staff_user, city_a, french_author, sent
):
    practice = PracticeFactory(
        city=city_a,
        submitted_by=french_author,
        slug="youth-panels",
        title="Youth panels",
        draft=True,
    )
    practice.submit(by=french_author)
    run_jobs()
    mail.outbox.clear()

    with sent():
        staff.post(
            reverse("practices:review_decide", args=[practice.slug]), {"decision": "publish"}
        )

    [message] = mail.outbox
    assert (
        message.subject == "[Ensemble pour la sécurité] «\u00a0Youth panels\u00a0»\u00a0: Publiée"
    )
    assert (
        "Votre pratique «\u00a0Youth panels\u00a0» est maintenant\u00a0: Publiée." in message.body
    )
    assert "/fr/practices/youth-panels/" in message.body
    assert "/fr/my/practices/" in message.body


def test_a_french_member_hears_of_the_managers_decision_in_french(manager, city_a, sent):
    member = UserFactory(language="fr", confirmed=True)
    membership = MembershipFactory(user=member, city=city_a, status=Membership.Status.PENDING)

    with sent():
        manager.post(
            reverse("practices:decide_membership", args=[membership.pk]), {"decision": "approve"}
        )

    [message] = mail.outbox
    assert f"Vous êtes désormais rédacteur pour {city_a.name}" in message.body
    assert "/fr/practices/new/" in message.body


def test_a_comment_reaches_english_and_french_editors_each_in_their_language(
    member_user, city_a, sent
):
    english = MembershipFactory(city=city_a, user=UserFactory(email="en@example.org")).user
    french = MembershipFactory(
        city=city_a, user=UserFactory(email="fr@example.org", language="fr")
    ).user
    practice = PracticeFactory(city=city_a, slug="youth-panels")
    client = signed_in(member_user)

    with sent():
        client.post(reverse("practices:comment", args=[practice.slug]), {"body": "A question"})

    by_recipient = {tuple(message.to): message for message in mail.outbox}
    assert set(by_recipient) == {(english.email,), (french.email,)}
    in_french = by_recipient[(french.email,)]
    assert "a commenté" in in_french.subject
    comment = practice.comments.get()
    assert f"/fr/comments/{comment.pk}/" in in_french.body
    assert "/fr/comments/unsubscribe/" in in_french.body
    in_english = by_recipient[(english.email,)]
    assert "commented on" in in_english.subject
    assert f"://127.0.0.1:8000/comments/{comment.pk}/" in in_english.body
    assert "/fr/" not in in_english.body


def test_each_member_gets_an_e_mail_of_their_own_with_their_own_unsubscribe_link(sent):
    """Members never see each other's addresses, and each link turns off only their own."""
    author = UserFactory(language="fr")
    practice = PracticeFactory(slug="youth-panels", submitted_by=author, draft=True)
    readers = [UserFactory(language="fr", is_staff=True), UserFactory(is_staff=True)]

    with sent():
        practice.submit(by=author)

    assert sorted(message.to for message in mail.outbox) == sorted([r.email] for r in readers)
    links = {message.extra_headers["List-Unsubscribe"] for message in mail.outbox}
    assert len(links) == 2
