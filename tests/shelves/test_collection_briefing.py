"""A collection's briefing: its practices in its order, each from a new page with its note;
never kept by any cache; a shared one's leaves out what is no longer published."""

import pytest
from django.urls import reverse

from practices.models import Practice
from shelves.models import Collection
from tests.factories import PracticeFactory
from tests.pdf import pdf_text

pytestmark = pytest.mark.django_db


def test_the_owner_downloads_the_collection_in_its_order_with_notes(member, member_user, five):
    collection = Collection.objects.create(
        owner=member_user, title="For the council", description="Five to read first."
    )
    for practice in reversed(five):
        collection.add(practice)
    item = collection.items.get(practice=five[2])
    item.note = "Ask about the budget."
    item.save()
    url = reverse("shelves:briefing", args=[collection.pk])
    assert f'href="{url}"' in member.get(collection.get_absolute_url()).content.decode()

    response = member.get(url)
    text = pdf_text(response)

    assert response["Cache-Control"] == "private, no-store"
    assert "For the council" in text and "Five to read first." in text
    order = [text.index(f"Practice {n}\n") for n in (4, 3, 2, 1, 0)]
    assert order == sorted(order)
    assert "Ask about the budget." in text
    assert text.count("\f") >= 5  # a page for each practice
    assert "http://testserver/practices/p-0/" in text


def test_the_shared_pdf_leaves_out_unpublished_practices(anonymous, collection, city_a):
    later = PracticeFactory(city=city_a, title="Archived later", slug="later")
    collection.add(later)
    collection.share()
    later.status = Practice.Status.ARCHIVED
    later.save()

    response = anonymous.get(reverse("shelves:shared_briefing", args=[collection.token]))
    text = pdf_text(response)

    assert "Youth councils" in text
    assert "Archived later" not in text
    assert response["Cache-Control"] == "private, no-store"


def test_a_collections_pdf_counts_with_the_others_against_the_limit(
    anonymous, collection, settings, monkeypatch
):
    settings.PDFS_PER_MINUTE = 1
    monkeypatch.setattr("practices.briefings.render_pdf", lambda *args, **kwargs: b"")
    collection.share()
    shared_pdf = reverse("shelves:shared_briefing", args=[collection.token])
    assert anonymous.get(shared_pdf, REMOTE_ADDR="192.0.2.9").status_code == 200
    assert anonymous.get(reverse("practices:list_briefing")).status_code == 200

    refused = anonymous.get(shared_pdf)

    assert refused.status_code == 429
    assert "Too many PDFs at once" in refused.content.decode()
