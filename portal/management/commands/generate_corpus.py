"""`manage.py generate_corpus`: a large, made-up corpus for the benchmarks (bench/).

Cities, practices spread over lessons, tags, countries and years, events linked to practices,
members and comment threads, with one "hot" practice carrying many comments. The same seed gives
the same corpus. Rows are written in bulk (COPY on PostgreSQL, bulk_create elsewhere) with ids
chosen here, so 100,000 practices and 1,000,000 comments take minutes, not hours; the search
vectors are then filled by one set-based UPDATE per language.

It refuses to write into a database that already holds practices unless told to `--replace`
them: it is meant for the benchmark databases, never for a real portal.
"""

import random
from datetime import UTC, datetime, timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max
from django.utils.text import slugify
from psycopg.types.json import Jsonb
from taggit.models import Tag, TaggedItem

from events.models import Event, EventPractice
from practices.markup import render_markdown
from practices.models import City, Comment, Lesson, Network, Practice
from practices.search import SECTION_FIELDS, refresh_vectors

# Bumped whenever the corpus a seed gives changes, so the benchmark knows to regenerate.
CORPUS_VERSION = 2
# The words in each section of a practice, in the model's order.
SECTION_LENGTHS = {
    "context": 40,
    "approach": 40,
    "target_groups": 8,
    "partners": 8,
    "results": 30,
    "challenges": 15,
    "evaluation": 10,
    "resources": 8,
}
assert list(SECTION_LENGTHS) == SECTION_FIELDS

SIZES = {
    "small": {"practices": 1_000, "comments": 10_000, "cities": 100, "members": 500, "events": 20},
    "large": {
        "practices": 100_000,
        "comments": 1_000_000,
        "cities": 2_000,
        "members": 20_000,
        "events": 500,
    },
}
HOT_COMMENTS = 500
PRACTICES_PER_EVENT = 12
MEMBER_EMAIL_DOMAIN = "corpus.invalid"
# Every generated member's password, so the benchmark can sign them in.
MEMBER_PASSWORD = "corpus-member-password"
BATCH_SIZE = 2_000

# A word a reader would search for, in about this share of practices (bench/ searches it).
COMMON_WORD, COMMON_SHARE = "youth", 0.10
DOMAIN_WORDS = [
    "prevention", "safety", "community", "trust", "polarisation", "extremism", "radicalisation",
    "hate", "speech", "dialogue", "mediation", "school", "police", "social",
    "workers", "families", "neighbourhood", "resilience", "volunteers", "training", "network",
    "city", "council", "partners", "evaluation", "outreach", "mentoring", "sport",
    "culture", "migrants", "women", "elders", "online", "disinformation", "media",
    "literacy", "festival", "campaign",
]  # fmt: skip
COUNTRIES = [
    "NO", "SE", "DK", "FI", "IS", "DE", "FR", "BE", "NL", "LU", "GB", "IE", "ES", "PT", "IT",
    "AT", "CH", "PL", "CZ", "SK", "HU", "SI", "HR", "BA", "RS", "ME", "MK", "AL", "GR", "BG",
    "RO", "MD", "UA", "LT", "LV", "EE", "CA", "US", "MX", "BR", "AR", "CO", "KE", "NG", "ZA",
    "MA", "TN", "JO", "LB", "IN", "PK", "BD", "ID", "PH", "AU", "NZ", "JP",
]  # fmt: skip
SYLLABLES = [
    "ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ber", "dan", "fel", "gor",
    "han", "jul", "kor", "lin", "mar", "nor", "pel", "rin", "sol", "tor",
]  # fmt: skip


class Corpus:
    """Everything drawn from one seeded generator, in one fixed order."""

    def __init__(self, seed, counts):
        self.random = random.Random(seed)
        self.counts = counts
        self.start = datetime(2015, 1, 1, tzinfo=UTC)
        # Made-up words pad the texts, so each domain word stays as rare as chosen.
        self.filler = sorted(
            {
                "".join(self.random.choice(SYLLABLES) for _ in range(self.random.randint(2, 4)))
                for _ in range(4000)
            }
        )

    def words(self, count):
        picks = self.random.choices(self.filler, k=count)
        picks[self.random.randrange(count)] = self.random.choice(DOMAIN_WORDS)
        return " ".join(picks)

    def moment(self, days=3650):
        return self.start + timedelta(seconds=self.random.randrange(days * 86400))


def rendered(text):
    """What save() renders of the corpus's texts: one paragraph of plain words, which Markdown
    and the sanitiser leave as it is (checked on the first one: rows are written in bulk)."""
    html = f"<p>{text}</p>"
    if not rendered.checked:
        assert render_markdown(text) == html, (text, render_markdown(text))
        rendered.checked = True
    return html


rendered.checked = False


def next_id(model):
    return (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1


def insert(model, fields, rows):
    """Insert rows (tuples in `fields` order, ids included) in bulk: COPY on PostgreSQL."""
    if connection.vendor == "postgresql":
        columns = [connection.ops.quote_name(model._meta.get_field(name).column) for name in fields]
        sql = f"COPY {model._meta.db_table} ({', '.join(columns)}) FROM STDIN"
        with connection.cursor() as cursor, cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(
                    [Jsonb(value) if isinstance(value, dict) else value for value in row]
                )
        # Statistics now, for the statements that follow (the comments' recount): until
        # autovacuum comes by, the planner takes the table for empty, and a correlated count
        # over a million comments it takes for none ran for more than ten minutes.
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {model._meta.db_table}")
        return
    attnames = [model._meta.get_field(name).attname for name in fields]
    batch = []
    for row in rows:
        batch.append(model(**dict(zip(attnames, row, strict=True))))
        if len(batch) == BATCH_SIZE:
            model.objects.bulk_create(batch)
            batch = []
    model.objects.bulk_create(batch)


def reset_sequences(models):
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)


class Command(BaseCommand):
    help = "Fill the database with a made-up corpus for the benchmarks (deterministic by seed)."

    def add_arguments(self, parser):
        parser.add_argument("--size", choices=sorted(SIZES), default="small")
        parser.add_argument("--seed", type=int, default=1)
        for name in SIZES["small"]:
            parser.add_argument(f"--{name}", type=int, help=f"number of {name} (overrides size)")
        parser.add_argument("--hot-comments", type=int, default=HOT_COMMENTS)
        parser.add_argument(
            "--replace", action="store_true", help="delete the practices already there first"
        )

    def handle(self, *args, **options):
        counts = {
            name: options[name] if options[name] is not None else default
            for name, default in SIZES[options["size"]].items()
        }
        counts["hot_comments"] = min(options["hot_comments"], counts["comments"])
        if counts["practices"] < 1 or counts["cities"] < 1 or counts["members"] < 1:
            raise CommandError("A corpus needs at least one practice, city and member.")
        if Practice.objects.exists():
            if not options["replace"]:
                raise CommandError(
                    "This database already holds practices: use --replace to delete them "
                    "(and their comments, events, cities and generated members) first."
                )
            self.delete_existing()
        self.verbosity = options["verbosity"]
        corpus = Corpus(options["seed"], counts)
        with transaction.atomic():
            hot = self.generate(corpus)
        self.stdout.write(
            self.style.SUCCESS(
                f"Corpus generated: {counts['practices']} practices, {counts['comments']} "
                f"comments ({counts['hot_comments']} on {hot}), {counts['cities']} cities, "
                f"{counts['members']} members, {counts['events']} events."
            )
        )

    def delete_existing(self):
        if connection.vendor == "postgresql":
            tables = [
                model._meta.db_table
                for model in (Comment, EventPractice, Event, Practice, TaggedItem, Tag, City)
            ]
            # TRUNCATE refuses while deferred foreign-key checks are pending: run them first.
            connection.check_constraints()
            with connection.cursor() as cursor:
                cursor.execute(f"TRUNCATE {', '.join(tables)} CASCADE")
        else:
            for model in (Comment, EventPractice, Event, Practice, TaggedItem, Tag, City):
                model.objects.all().delete()
        get_user_model().objects.filter(email__endswith=f"@{MEMBER_EMAIL_DOMAIN}").delete()
        Network.objects.filter(slug__startswith="corpus-network-").delete()

    def generate(self, corpus):
        self.log("networks and cities")
        networks = self.networks()
        cities = self.cities(corpus, networks)
        self.log("members")
        members = self.members(corpus)
        self.log("tags")
        tags = self.tags()
        self.log("practices")
        practices = self.practices(corpus, cities)
        self.log("lessons and tags of practices")
        self.practice_links(corpus, practices, tags)
        self.log("events")
        self.events(corpus, practices, networks)
        self.log("comments")
        hot = self.comments(corpus, practices, members)
        reset_sequences(
            [
                *(Network, City, City.networks.through, get_user_model(), EmailAddress, Tag),
                *(TaggedItem, Practice, Practice.lessons.through, Event, Event.organisers.through),
                *(EventPractice, Comment),
            ]
        )
        self.log("search vectors")
        refresh_vectors(Practice.objects.all())
        return hot

    def log(self, what):
        if self.verbosity > 1:
            self.stdout.write(f"{datetime.now():%H:%M:%S} {what}")

    def networks(self):
        first = next_id(Network)
        rows = [
            (first + n, f"Corpus network {n + 1}", f"corpus-network-{n + 1}", "", "")
            for n in range(5)
        ]
        insert(Network, ["id", "name", "slug", "website", "description"], rows)
        return [row[0] for row in rows]

    def cities(self, corpus, networks):
        first = next_id(City)
        rows = []
        for n in range(corpus.counts["cities"]):
            name = f"{corpus.words(1).split()[0].title()} {n + 1}"
            rows.append(
                (
                    first + n,
                    name,
                    slugify(name),
                    corpus.random.choice(COUNTRIES),
                    "",
                    corpus.random.randrange(5_000, 2_000_000),
                    "",
                )
            )
        insert(City, ["id", "name", "slug", "country", "region", "population", "website"], rows)
        through = City.networks.through
        first_link = next_id(through)
        links = [
            (first_link + n, row[0], corpus.random.choice(networks)) for n, row in enumerate(rows)
        ]
        insert(through, ["id", "city", "network"], links)
        return [row[0] for row in rows]

    def members(self, corpus):
        user_model = get_user_model()
        first = next_id(user_model)
        password = make_password(MEMBER_PASSWORD)
        joined = corpus.start
        rows = [
            (
                first + n,
                password,
                f"member{n + 1}@{MEMBER_EMAIL_DOMAIN}",
                f"Member {n + 1}",
                "",
                "",
                "",
                False,
                False,
                True,
                joined,
                settings.LANGUAGE_CODE,
            )
            for n in range(corpus.counts["members"])
        ]
        fields = [
            "id",
            "password",
            "email",
            "display_name",
            "job_title",
            "organisation",
            "bio",
            "is_staff",
            "is_superuser",
            "is_active",
            "date_joined",
            "language",
        ]
        insert(user_model, fields, rows)
        # Confirmed addresses: members may comment.
        first_address = next_id(EmailAddress)
        addresses = [(first_address + n, row[0], row[2], True, True) for n, row in enumerate(rows)]
        insert(EmailAddress, ["id", "user", "email", "verified", "primary"], addresses)
        return [row[0] for row in rows]

    def tags(self):
        first = next_id(Tag)
        names = sorted(set(DOMAIN_WORDS))
        rows = [(first + n, name, slugify(name)) for n, name in enumerate(names)]
        insert(Tag, ["id", "name", "slug"], rows)
        return [row[0] for row in rows]

    def practices(self, corpus, cities):
        """Practice rows: (id, published?) per practice; 95% published, a few featured."""
        first = next_id(Practice)
        made = []

        def rows():
            for n in range(corpus.counts["practices"]):
                pk = first + n
                title = f"{corpus.words(5).capitalize()} {n + 1}"
                summary = corpus.words(30)
                if corpus.random.random() < COMMON_SHARE:
                    summary = f"{COMMON_WORD} {summary}"
                start_year = corpus.random.randrange(2000, 2025)
                ongoing = corpus.random.random() < 0.3
                end_year = None if ongoing else start_year + corpus.random.randrange(0, 4)
                published = corpus.random.random() < 0.95
                created = corpus.moment()
                made.append((pk, published))
                texts = {name: corpus.words(length) for name, length in SECTION_LENGTHS.items()}
                texts["contact"] = "Corpus contact, +00 000 000"
                yield (
                    pk,
                    title,
                    f"{slugify(title)[:200]}-{pk}",
                    corpus.random.choice(cities),
                    summary,
                    *texts.values(),
                    {name: rendered(text) for name, text in texts.items()},
                    0,  # comment_count: counted once the comments are in
                    start_year,
                    end_year,
                    ongoing,
                    "fr" if corpus.random.random() < 0.2 else "en",
                    corpus.random.choice(Practice.Evidence.values),
                    Practice.Status.PUBLISHED if published else Practice.Status.SUBMITTED,
                    published and corpus.random.random() < 0.01,
                    created,
                    created,
                    created if published else None,
                )

        fields = [
            "id",
            "title",
            "slug",
            "city",
            "summary",
            "context",
            "approach",
            "target_groups",
            "partners",
            "results",
            "challenges",
            "evaluation",
            "resources",
            "contact",
            "rendered",
            "comment_count",
            "start_year",
            "end_year",
            "ongoing",
            "language",
            "evidence",
            "status",
            "featured",
            "created_at",
            "updated_at",
            "published_at",
        ]
        insert(Practice, fields, rows())
        return made

    def practice_links(self, corpus, practices, tags):
        lessons = list(Lesson.objects.values_list("pk", flat=True))
        through = Practice.lessons.through
        first = next_id(through)

        def lesson_rows():
            n = first
            for pk, _published in practices:
                for lesson in corpus.random.sample(lessons, corpus.random.randint(1, 3)):
                    yield (n, pk, lesson)
                    n += 1

        insert(through, ["id", "practice", "lesson"], lesson_rows())
        content_type = ContentType.objects.get_for_model(Practice).pk
        first_tagged = next_id(TaggedItem)

        def tag_rows():
            n = first_tagged
            for pk, _published in practices:
                for tag in corpus.random.sample(tags, 3):
                    yield (n, tag, content_type, pk)
                    n += 1

        insert(TaggedItem, ["id", "tag", "content_type", "object_id"], tag_rows())

    def events(self, corpus, practices, networks):
        published = [pk for pk, is_published in practices if is_published]
        first = next_id(Event)
        rows, links = [], []
        first_link = next_id(EventPractice)
        for n in range(corpus.counts["events"]):
            pk = first + n
            starts = corpus.moment(days=4000)
            title = f"Corpus talk {n + 1}: {corpus.words(4)}"
            rows.append(
                (
                    pk,
                    "Corpus series",
                    title,
                    title,
                    f"corpus-talk-{n + 1}",
                    corpus.words(40),
                    corpus.words(40),
                    starts,
                    starts + timedelta(hours=2),
                    "Europe/Copenhagen",
                    True,
                    "",
                    "",
                )
            )
            chosen = corpus.random.sample(published, min(PRACTICES_PER_EVENT, len(published)))
            for position, practice in enumerate(chosen):
                links.append(
                    (
                        first_link + len(links),
                        pk,
                        practice,
                        "Presented at the talk",
                        timedelta(minutes=5 * position),
                    )
                )
        fields = [
            "id",
            "series",
            "title",
            "title_en",
            "slug",
            "description",
            "description_en",
            "starts_at",
            "ends_at",
            "time_zone",
            "online",
            "place",
            "link",
        ]
        insert(Event, fields, rows)
        insert(EventPractice, ["id", "event", "practice", "note", "recording_time"], links)
        organisers = Event.organisers.through
        first_organiser = next_id(organisers)
        insert(
            organisers,
            ["id", "event", "network"],
            [
                (first_organiser + n, row[0], networks[n % len(networks)])
                for n, row in enumerate(rows)
            ],
        )

    def comments(self, corpus, practices, members):
        """Threads: the hot practice (the first published one) gets its share, the rest are
        spread over the other published practices; about a third of comments are replies."""
        published = [pk for pk, is_published in practices if is_published]
        hot, others = published[0], published[1:] or published
        total, hot_count = corpus.counts["comments"], corpus.counts["hot_comments"]
        first = next_id(Comment)
        thread_of = {}  # practice -> ids of its comments so far, for replies

        def rows():
            for n in range(total):
                pk = first + n
                practice = hot if n < hot_count else corpus.random.choice(others)
                earlier = thread_of.setdefault(practice, [])
                parent = None
                if earlier and corpus.random.random() < 0.33:
                    parent = corpus.random.choice(earlier)
                earlier.append(pk)
                removed = corpus.moment() if corpus.random.random() < 0.01 else None
                yield (
                    pk,
                    practice,
                    corpus.random.choice(members),
                    parent,
                    body := corpus.words(20),
                    rendered(body),
                    "",
                    # Posted in id order, a minute apart.
                    corpus.start + timedelta(minutes=n),
                    None,
                    removed,
                    None,
                )

        fields = [
            "id",
            "practice",
            "author",
            "parent",
            "body",
            "body_html",
            "form_token",
            "created_at",
            "edited_at",
            "deleted_at",
            "hidden_at",
        ]
        insert(Comment, fields, rows())
        Practice.objects.recount_comments()
        return Practice.objects.get(pk=hot).slug
