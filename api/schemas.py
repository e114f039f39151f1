"""What the API answers, as the schemas its OpenAPI description is built from. Every answer is
built through these, so what the description says is what a client gets."""

from datetime import datetime

from ninja import Field, Schema

# An event lists at most this many of its practices, so a page of events stays small whatever
# one event shows; all of them are a link away (the practices filtered by the event).
PRACTICES_PER_EVENT = 50


class CityRef(Schema):
    slug: str
    name: str
    country: str = Field(description="ISO 3166-1 alpha-2 code, such as NO.")
    url: str = Field(description="The city's page on the portal.")


class PracticeSummary(Schema):
    slug: str = Field(description="The practice's identifier; it does not change.")
    title: str = Field(description="In the practice's language.")
    url: str = Field(description="The practice's page on the portal.")
    api_url: str = Field(description="The practice in this API, with all its sections.")
    city: CityRef
    language: str = Field(description="en or fr.")
    evidence: str = Field(
        description="Self-assessed by the city: not_evaluated, internally_reviewed or "
        "externally_evaluated."
    )
    start_year: int
    end_year: int | None = Field(description="None while the practice has no end.")
    ongoing: bool
    lessons: list[int] = Field(description="The numbers (1 to 9) of its key lessons.")
    tags: list[str]
    summary: str
    published_at: datetime
    updated_at: datetime


class Section(Schema):
    name: str = Field(
        description="context, approach, target_groups, partners, results, "
        "challenges, evaluation or resources."
    )
    heading: str
    html: str = Field(
        description="Rendered from the Markdown and sanitised when saved: the "
        "HTML the portal shows, safe to put in a page."
    )


class Link(Schema):
    title: str
    url: str


class EventRef(Schema):
    slug: str
    title: str
    starts_at: datetime
    url: str


class PracticeDetail(PracticeSummary):
    sections: list[Section] = Field(description="The sections written, in reading order.")
    links: list[Link]
    events: list[EventRef]


class Page(Schema):
    """A page of a list: its rows, and how to ask for the rows after them."""

    results: list
    next_cursor: str | None = Field(
        description="Pass as `cursor` to this list for the next page; None on the last one."
    )
    next: str | None = Field(description="The next page's address; None on the last one.")


class PracticePage(Page):
    results: list[PracticeSummary]


class Lesson(Schema):
    number: int
    slug: str
    title_en: str
    title_fr: str
    short_title_en: str
    short_title_fr: str
    summary_en: str
    summary_fr: str
    url: str
    practices: str = Field(description="Its practices in this API.")


class City(CityRef):
    region: str
    website: str
    networks: list[str] = Field(description="The slugs of the networks it is in.")
    practice_count: int = Field(description="How many published practices it has.")
    practices: str = Field(description="Its practices in this API.")


class CityPage(Page):
    results: list[City]


class Network(Schema):
    slug: str
    name: str
    website: str
    description_en: str
    description_fr: str
    url: str
    cities: list[str] = Field(description="The slugs of its member cities.")
    practices: str = Field(description="Its member cities' practices in this API.")


class Event(Schema):
    slug: str
    series: str
    title_en: str
    title_fr: str
    starts_at: datetime
    ends_at: datetime
    time_zone: str
    online: bool
    place: str
    link: str = Field(description="The recording or the event's own page; may be empty.")
    url: str
    lessons: list[int]
    practices: list[str] = Field(
        description=f"The slugs of the published practices shown, at most "
        f"{PRACTICES_PER_EVENT}: all of them are at `practices_url`."
    )
    practice_count: int = Field(description="How many published practices were shown.")
    practices_url: str = Field(description="The published practices shown, in this API.")


class EventPage(Page):
    results: list[Event]


class Problem(Schema):
    detail: str
    errors: dict[str, str] = Field(
        default_factory=dict, description="For a 400: each parameter that cannot be read."
    )
