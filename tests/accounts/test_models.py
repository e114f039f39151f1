"""What the database itself guarantees about members, whatever form or script writes them."""

import pytest
from django.db import IntegrityError

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_bio_longer_than_1000_characters_is_refused_by_the_database():
    UserFactory(bio="é" * 1000)  # characters, not bytes
    with pytest.raises(IntegrityError):
        UserFactory(bio="x" * 1001)


def test_profile_address_is_the_members_page():
    user = UserFactory()
    assert user.get_absolute_url() == f"/members/{user.pk}/"
