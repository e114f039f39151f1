import pytest

from shelves.models import Collection
from tests.factories import PracticeFactory


@pytest.fixture
def collection(member_user, published):
    """The member's private collection "Youth work", holding the published practice."""
    collection = Collection.objects.create(owner=member_user, title="Youth work")
    collection.add(published)
    return collection


@pytest.fixture
def five(city_a):
    """Five published practices, in title order."""
    return [PracticeFactory(city=city_a, title=f"Practice {n}", slug=f"p-{n}") for n in range(5)]
