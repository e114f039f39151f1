"""In production, whitenoise serves collected static files compressed and with hashed names."""

import pytest
from django.core.management import call_command
from django.templatetags.static import static
from django.test import override_settings

PRODUCTION_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


@pytest.fixture
def collected(tmp_path):
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=PRODUCTION_STORAGES, DEBUG=False):
        call_command("collectstatic", "--noinput", verbosity=0)
        yield tmp_path


def test_collected_css_has_a_hashed_name_and_a_compressed_copy(collected):
    url = static("css/site.css")
    assert url.startswith("/static/css/site.") and url != "/static/css/site.css"
    name = url.removeprefix("/static/")
    assert (collected / name).exists()
    assert (collected / f"{name}.gz").exists()


@pytest.mark.django_db
def test_favicon_ico_leads_to_the_sites_icon(anonymous):
    response = anonymous.get("/favicon.ico", follow=True)

    assert response.redirect_chain == [("/static/favicon.svg", 302)]
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
