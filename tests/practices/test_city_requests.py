"""A member whose city is not on the portal asks for it; staff add it in the admin (the member
then manages its team and can write its practices) or decline, and the member hears either way."""

import pytest
from django.urls import reverse

from practices.models import City, CityRequest, Membership
from tests.jobs import delivered

pytestmark = pytest.mark.django_db

ASK = reverse("practices:ask_for_city")


def ask(client, **overrides):
    data = {
        "name": "Tampere",
        "country": "FI",
        "website": "https://www.tampere.fi",
        "reason": "I coordinate the city's work on preventing violent extremism.",
        **overrides,
    }
    return client.post(ASK, data)


def to(user):
    return [message for message in delivered() if message.to == [user.email]]


def test_a_member_without_a_team_is_shown_how_to_join_or_ask_for_a_city(member):
    response = member.get(reverse("practices:new"), follow=True)
    assert "Find your city below" in response.text
    assert "If your city is not listed, ask for it to be added." in response.text
    assert f'href="{ASK}"' in response.text


def test_the_request_form_labels_every_field(member):
    page = member.get(ASK).text
    for name in ("name", "country", "website", "reason"):
        assert f'for="id_{name}"' in page
    assert "first manager of its team" in page


def test_staff_hear_of_a_request_with_a_link_to_decide(member, member_user, staff_user):
    response = ask(member)

    assert response.status_code == 302
    request = CityRequest.objects.get()
    assert (request.name, request.country.code, request.requested_by) == (
        "Tampere",
        "FI",
        member_user,
    )
    [message] = to(staff_user)
    assert "asks for Tampere (Finland) to be added" in message.body
    assert f"/admin/practices/cityrequest/{request.pk}/change/" in message.body
    assert to(member_user) == []


def test_a_city_already_on_the_portal_is_refused_with_a_link_to_its_team(member, city_a):
    response = ask(member, name="aarhus", country="DK")
    assert response.status_code == 200
    assert "aarhus is already on the portal" in response.text
    assert f'href="{reverse("practices:join_city", args=[city_a.slug])}"' in response.text
    assert not CityRequest.objects.exists()


def test_the_same_request_twice_is_a_form_error(member):
    ask(member)
    response = ask(member)
    assert response.status_code == 200
    assert "You have already asked for this city." in response.text
    assert CityRequest.objects.count() == 1


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("name", "", "This field is required."),
        ("country", "XX", "Select a valid choice."),
        ("website", "not a site", "Enter a valid URL."),
        ("reason", "", "This field is required."),
    ],
)
def test_bad_input_is_a_form_error(member, field, value, error):
    response = ask(member, **{field: value})
    assert response.status_code == 200
    assert error in response.text
    assert not CityRequest.objects.exists()


def test_anonymous_visitors_are_asked_to_sign_in_and_unconfirmed_members_to_confirm(
    anonymous, newcomer
):
    response = anonymous.get(ASK)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert "confirm" in newcomer.get(ASK).text.lower()
    assert ask(newcomer).status_code == 200
    assert not CityRequest.objects.exists()


def approve_in_admin(staff, request):
    return staff.post(
        reverse("admin:practices_cityrequest_changelist"),
        {"action": "approve", "_selected_action": [request.pk]},
        follow=True,
    )


def test_staff_add_the_city_and_the_member_manages_its_team(member, member_user, staff):
    ask(member)
    request = CityRequest.objects.get()
    delivered()

    response = approve_in_admin(staff, request)

    assert "1 cities added." in response.text
    city = City.objects.get(name="Tampere")
    assert (city.slug, city.country.code, city.website) == (
        "tampere",
        "FI",
        "https://www.tampere.fi",
    )
    place = Membership.objects.get(user=member_user, city=city)
    assert (place.role, place.status) == (Membership.Role.MANAGER, Membership.Status.APPROVED)
    [message] = to(member_user)
    assert "Tampere is now on the portal, and you manage its team" in message.body
    # The member can now write Tampere's practices and decide who else joins.
    assert member.get(reverse("practices:new")).status_code == 200
    assert member.get(reverse("practices:city_team", args=[city.slug])).status_code == 200


def test_a_declined_request_tells_the_member_with_the_staff_message(member, member_user, staff):
    ask(member)
    request = CityRequest.objects.get()
    request.decision_message = "We could not confirm that you work for the city."
    request.save()
    delivered()

    staff.post(
        reverse("admin:practices_cityrequest_changelist"),
        {"action": "decline", "_selected_action": [request.pk]},
    )

    assert not City.objects.filter(name="Tampere").exists()
    [message] = to(member_user)
    assert "Your request to add Tampere to the portal was declined." in message.body
    assert "We could not confirm that you work for the city." in message.body


def test_a_request_is_decided_once(member, staff):
    ask(member)
    request = CityRequest.objects.get()
    approve_in_admin(staff, request)
    response = approve_in_admin(staff, request)
    assert "it cannot be changed that way" in response.text
    assert City.objects.filter(name="Tampere").count() == 1


def test_a_city_added_meanwhile_is_not_added_twice(member, staff):
    ask(member)
    request = CityRequest.objects.get()
    City.objects.create(name="Tampere", slug="tampere", country="FI")
    response = approve_in_admin(staff, request)
    assert "Tampere is already on the portal" in response.text
    assert City.objects.filter(name="Tampere").count() == 1
    request.refresh_from_db()
    assert request.status == CityRequest.Status.PENDING


def test_no_city_takes_the_address_of_the_request_page(member, staff):
    ask(member, name="Ask")
    approve_in_admin(staff, CityRequest.objects.get())
    city = City.objects.get(name="Ask")
    assert city.slug == "ask-2"
    assert member.get(city.get_absolute_url()).status_code == 200
