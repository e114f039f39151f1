"""Curators see and edit a member's profile in the admin."""

import pytest

pytestmark = pytest.mark.django_db


def test_change_page_has_the_profile_fields(staff, member_user):
    response = staff.get(f"/admin/accounts/user/{member_user.pk}/change/")

    assert response.status_code == 200
    for field in ["display_name", "job_title", "organisation", "bio"]:
        assert f'name="{field}"' in response.text


def test_members_can_be_found_by_organisation(staff, member_user):
    member_user.organisation = "City of Aarhus"
    member_user.save()

    response = staff.get("/admin/accounts/user/", {"q": "aarhus"})

    assert "member@example.org" in response.text
    assert "City of Aarhus" in response.text
