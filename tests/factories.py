"""factory_boy factories for the portal's models. Lessons come from the data migration."""

import datetime as dt

import factory
from allauth.account.models import EmailAddress
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.models import User
from events.models import Event, EventPractice
from practices.models import City, Lesson, Membership, Network, Practice, PracticeFile


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"member{n}@example.org")
    display_name = factory.Faker("name")
    password = factory.django.Password("correct horse battery staple")

    @factory.post_generation
    def confirmed(self, create, confirmed):
        """`UserFactory(confirmed=True)`: the address is confirmed, as after signing up."""
        if create and confirmed:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Network {n}")
    slug = factory.Sequence(lambda n: f"network-{n}")


class CityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = City

    name = factory.Sequence(lambda n: f"City {n}")
    slug = factory.Sequence(lambda n: f"city-{n}")
    country = "NO"


class PracticeFactory(factory.django.DjangoModelFactory):
    """A published practice on lesson 1 unless told otherwise."""

    class Meta:
        model = Practice
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Practice {n}")
    slug = factory.Sequence(lambda n: f"practice-{n}")
    city = factory.SubFactory(CityFactory)
    summary = "A city brought residents and services together."
    approach = "Monthly meetings with *local partners*."
    contact = "Kari Nordmann, kari@example.org"
    start_year = 2021
    status = Practice.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
    confirmed_at = factory.LazyAttribute(lambda practice: practice.published_at)

    class Params:
        draft = factory.Trait(status=Practice.Status.DRAFT, published_at=None)

    @factory.post_generation
    def lessons(self, create, numbers):
        if create:
            self.lessons.set(Lesson.objects.filter(number__in=numbers or [1]))

    @factory.post_generation
    def tags(self, create, names):
        if create and names:
            self.tags.set(names)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Event {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=30))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + dt.timedelta(hours=2))
    time_zone = "Europe/Oslo"


class EventPracticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventPractice

    event = factory.SubFactory(EventFactory)
    practice = factory.SubFactory(PracticeFactory)


class MembershipFactory(factory.django.DjangoModelFactory):
    """An approved editor unless told otherwise."""

    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    city = factory.SubFactory(CityFactory)
    status = Membership.Status.APPROVED
    reason = "I lead the city's prevention team."


# The smallest file each accepted type can be told by (practices/uploads.py), and one that is not.
PDF_BYTES = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\0" * 32
EXE_BYTES = b"MZ\x90\x00" + b"\0" * 60 + b"This program cannot be run in DOS mode."


def upload(name="report.pdf", content=PDF_BYTES, content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def attach_pdf(practice, *, title="Evaluation report", kind="evaluation", language="en"):
    """A PDF attached to `practice` as its editors would."""
    return PracticeFile.attach(
        practice, upload(), title=title, language=language, kind=kind, by=None
    )
