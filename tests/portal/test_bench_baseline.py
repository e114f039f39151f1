"""The benchmark's baseline page exists only when DJANGO_BENCH_BASELINE turns it on."""

import importlib

import pytest
from django.urls import clear_url_caches

import portal.urls


@pytest.fixture
def baseline_on(settings):
    settings.BENCH_BASELINE = True
    importlib.reload(portal.urls)
    clear_url_caches()
    yield
    settings.BENCH_BASELINE = False
    importlib.reload(portal.urls)
    clear_url_caches()


def test_production_has_no_baseline_page(anonymous):
    assert anonymous.get("/bench/baseline/").status_code == 404


def test_baseline_page_renders_without_the_database(
    baseline_on, anonymous, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = anonymous.get("/bench/baseline/")

    assert response.status_code == 200
    assert "Hello, baseline." in response.text
