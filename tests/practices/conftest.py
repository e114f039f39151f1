"""Cities that several practice tests list and filter by, besides the cast's city A and B."""

import pytest

from tests.factories import CityFactory


@pytest.fixture
def oslo(db):
    return CityFactory(name="Oslo", slug="oslo", country="NO")


@pytest.fixture
def lyon(db):
    return CityFactory(name="Lyon", slug="lyon", country="FR")
