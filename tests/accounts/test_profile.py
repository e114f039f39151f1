"""Member profiles: signed-in members read each other's; each edits only their own."""

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

EDIT = "/my/profile/"


@pytest.fixture
def amira(db):
    return UserFactory(
        email="amira@city.example",
        display_name="Amira Haddad",
        job_title="Prevention coordinator",
        organisation="City of Malmö",
        bio="Ten years in youth work.\n\nNow <b>coordinating</b> the city's safety council.",
    )


def profile_data(**changes):
    return {
        "display_name": "Kari Nordmann",
        "job_title": "Safety adviser",
        "organisation": "City of Oslo",
        "bio": "Works on trust between residents and services.",
        "language": "en",
    } | changes


def test_member_sees_another_members_profile(member, amira, django_assert_max_num_queries):
    # Session, reader, member, their city teams, their practices.
    with django_assert_max_num_queries(5):
        response = member.get(f"/members/{amira.pk}/")

    assert response.status_code == 200
    assert "<h1>Amira Haddad</h1>" in response.text
    assert "Prevention coordinator" in response.text
    assert "City of Malmö" in response.text
    # Plain text with its paragraphs kept; markup is shown, not run.
    assert "<p>Ten years in youth work.</p>" in response.text
    assert "Now &lt;b&gt;coordinating&lt;/b&gt;" in response.text
    # Neither the address nor the owner's links are shown to others.
    assert "amira@city.example" not in response.text
    assert "Edit your profile" not in response.text


def test_own_profile_links_to_editing_and_account_settings(member, member_user):
    response = member.get(f"/members/{member_user.pk}/")

    assert '<a href="/my/profile/">Edit your profile</a>' in response.text
    assert '<a href="/accounts/email/">' in response.text
    assert '<a href="/accounts/password/change/">' in response.text


def test_profile_without_a_display_name_does_not_show_the_address(member):
    nameless = UserFactory(email="nameless@example.org", display_name="")

    response = member.get(f"/members/{nameless.pk}/")

    assert "<h1>Unnamed member</h1>" in response.text
    assert "nameless@example.org" not in response.text


def test_anonymous_visitor_is_sent_to_sign_in(anonymous, amira):
    for url in [f"/members/{amira.pk}/", EDIT]:
        response = anonymous.get(url)
        assert response.status_code == 302
        assert response.url == f"/accounts/login/?next={url}"


def test_inactive_or_unknown_member_is_not_found(member, amira):
    amira.is_active = False
    amira.save()

    assert member.get(f"/members/{amira.pk}/").status_code == 404
    assert member.get("/members/999999/").status_code == 404


def test_edit_form_shows_the_members_own_details(
    member, member_user, django_assert_max_num_queries
):
    member_user.job_title = "Safety adviser"
    member_user.save()

    with django_assert_max_num_queries(3):
        response = member.get(EDIT)

    assert response.status_code == 200
    assert response.text.count("<h1") == 1
    assert 'value="Safety adviser"' in response.text
    for field in ["display_name", "job_title", "organisation", "bio"]:
        assert f'<label for="id_{field}">' in response.text


def test_saving_the_profile_shows_it_with_a_message(member, member_user):
    response = member.post(EDIT, profile_data(), follow=True)

    assert response.redirect_chain == [(f"/members/{member_user.pk}/", 302)]
    assert "Your profile has been saved." in response.text
    assert "<h1>Kari Nordmann</h1>" in response.text
    member_user.refresh_from_db()
    assert member_user.organisation == "City of Oslo"


def test_too_long_bio_is_refused_next_to_the_field_and_keeps_what_was_typed(member, member_user):
    typed = "I coordinate prevention work. " * 40  # 1,200 characters

    response = member.post(EDIT, profile_data(bio=typed, job_title="Typed title"))

    assert response.status_code == 200
    assert '<ul class="errorlist" id="id_bio_error">' in response.text
    assert "Ensure this value has at most 1000 characters (it has 1199)." in response.text
    assert 'aria-describedby="id_bio_helptext id_bio_error"' in response.text
    assert typed.strip() in response.text
    assert 'value="Typed title"' in response.text
    member_user.refresh_from_db()
    assert member_user.bio == ""
    assert member_user.job_title == ""


def test_line_breaks_count_as_one_character_as_in_the_browser(member, member_user):
    # 990 characters and 10 line breaks: the browser allows it, sending each break as \r\n.
    bio = "\r\n".join(["x" * 99] * 10)

    response = member.post(EDIT, profile_data(bio=bio))

    assert response.status_code == 302
    member_user.refresh_from_db()
    assert len(member_user.bio) == 999
    assert "\r" not in member_user.bio


def test_display_name_cannot_be_emptied(member, member_user):
    response = member.post(EDIT, profile_data(display_name=" "))

    assert '<ul class="errorlist" id="id_display_name_error">' in response.text


def test_profile_form_edits_only_the_signed_in_member(member, member_user, amira):
    # There is no address for editing someone else; fields naming another member are ignored.
    member.post(EDIT, profile_data(pk=amira.pk, id=amira.pk, email=amira.email))

    amira.refresh_from_db()
    member_user.refresh_from_db()
    assert amira.display_name == "Amira Haddad"
    assert member_user.display_name == "Kari Nordmann"
    assert member_user.email == "member@example.org"
    assert member.get(f"/members/{amira.pk}/edit/").status_code == 404
