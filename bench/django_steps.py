"""The benchmark's steps that need Django, run by bench/run.py in a child process with one
corpus's settings: `python -m bench.django_steps <step> [arguments]` prints one line of JSON."""

import json
import random
import sys
import time
from urllib.parse import urlencode

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.core.cache import caches  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.middleware.csrf import CSRF_ALLOWED_CHARS  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils.crypto import get_random_string  # noqa: E402
from django.utils.module_loading import import_string  # noqa: E402

from events.models import Event  # noqa: E402
from portal.management.commands.generate_corpus import (  # noqa: E402
    COMMON_WORD,
    CORPUS_VERSION,
    DOMAIN_WORDS,
    MEMBER_EMAIL_DOMAIN,
    Corpus,
)
from practices.models import Comment, Lesson, Practice  # noqa: E402
from shelves.models import Collection  # noqa: E402

LESSON = 3
# How many different addresses a "varied" page cycles through.
VARIED_PAGES = 10_000
POSTED_PREFIX = "Bench comment "
BENCH_COLLECTION = "Bench briefing"


def pages(seed=1):
    """Each page's address and its queries for an anonymous reader; the words of the corpus
    made with `seed`, in an order drawn from it, for the search that varies its query."""
    hot = Comment.objects.order_by("pk").values_list("practice__slug", flat=True).first()
    published = Practice.objects.published()
    country = (
        published.values("city__country")
        .annotate(n=Count("pk"))
        .order_by("-n", "city__country")
        .values_list("city__country", flat=True)
        .first()
    )
    target = published.exclude(slug=hot).order_by("pk").values_list("slug", flat=True).first()
    event = Event.objects.order_by("pk").values_list("slug", flat=True).first()
    list_url = reverse("practices:list")
    addresses = {
        "baseline": reverse("bench_baseline"),
        "home": reverse("home"),
        "practice_list": list_url,
        "list_filtered": f"{list_url}?lesson={LESSON}&country={country}",
        "search": f"{list_url}?q={COMMON_WORD}",
        "hot_practice": reverse("practices:detail", args=[hot]),
        "lesson": reverse("practices:lesson", args=[LESSON]),
        "event": reverse("events:detail", args=[event]),
        # The API: its first page of practices, and one practice with all its sections.
        "api_list": reverse("api:practices"),
        "api_practice": reverse("api:practice", args=[target]),
    }
    # Pages asked for in turn, a different address on each request (bench/paths.lua), so that
    # what is kept per page is cold: practices spread over the corpus, and searches for the
    # corpus's words, one at a time and then in pairs. The warm-up starts halfway down the list.
    slugs = list(published.exclude(slug=hot).order_by("pk").values_list("slug", flat=True))
    step = max(1, len(slugs) // VARIED_PAGES)
    words = search_words(int(seed))
    varied = {
        "practice_varied": [
            reverse("practices:detail", args=[slug]) for slug in slugs[::step][:VARIED_PAGES]
        ],
        "search_varied": [f"{list_url}?{urlencode({'q': q})}" for q in queries(words)],
    }
    found = {}
    for name, url in addresses.items():
        found[name] = {"url": url, **count_queries(url)}
    for name, paths in varied.items():
        found[name] = {
            "url": paths[0],
            "paths": paths,
            "warm_up_start": len(paths) // 2,
            **count_queries(paths[0]),
        }
    # Last, so that the PDFs' work is over before the other pages are loaded.
    pdf = reverse("shelves:shared_briefing", args=[bench_collection().token])
    found["collection_pdf"] = {"url": pdf, **count_queries(pdf)}
    found["_corpus"] = {
        "practices": Practice.objects.count(),
        "published": published.count(),
        "comments": Comment.objects.count(),
        "hot_practice_comments": Comment.objects.filter(practice__slug=hot).count(),
        "lessons": Lesson.objects.count(),
        "events": Event.objects.count(),
    }
    found["_comment_target"] = reverse("practices:comment", args=[target])
    found["_csv"] = reverse("practices:open_data_csv")
    return found


def api_walk(limit=100):
    """Every page of the API's practice list, followed by its `next` to the end: every
    published practice should be there exactly once."""
    client = Client()
    seen, url, pages = [], reverse("api:practices") + f"?limit={limit}", 0
    while url:
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}, not 200")
        page = response.json()
        seen += [item["slug"] for item in page["results"]]
        url, pages = page["next"], pages + 1
    published = set(Practice.objects.published().values_list("slug", flat=True))
    return {
        "pages": pages,
        "seen": len(seen),
        "unique": len(set(seen)),
        "published": len(published),
        "exactly_once": len(seen) == len(set(seen)) and set(seen) == published,
    }


def bench_collection():
    """A generated member's shared collection of five published practices, made once."""
    user_model = Practice._meta.get_field("submitted_by").related_model
    owner = user_model.objects.filter(email__endswith=f"@{MEMBER_EMAIL_DOMAIN}").order_by("pk")[0]
    collection, _created = Collection.objects.get_or_create(owner=owner, title=BENCH_COLLECTION)
    for practice in Practice.objects.published().order_by("pk")[:5]:
        collection.add(practice)  # once: a practice already in it is left where it is
    collection.share()
    return collection


def search_words(seed):
    """The searchable words of the generated texts: the common one, the domain words and the
    made-up filler (a few percent of practices each), shuffled by the seed."""
    words = sorted({COMMON_WORD, *DOMAIN_WORDS, *Corpus(seed, counts={}).filler})
    random.Random(seed).shuffle(words)
    return words


def queries(words, count=2 * VARIED_PAGES):
    """`count` different queries: each word alone, then pairs of them."""
    made = list(words[:count])
    n = len(made)
    while len(made) < count:
        first = n % len(words)
        second = (first + n // len(words)) % len(words)
        made.append(f"{words[first]} {words[second]}")
        n += 1
    return made


def count_queries(url):
    """Queries of a first request (every cache empty) and of the next one (what the load sees),
    and how long the first one took in this process, in ms: what the first reader after a
    change waits for, on its own."""
    client = Client()
    client.get(url)  # the process's own first request (templates, translations) is not timed
    clear_caches()

    def read():
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}, not 200")
        return len(queries), round((time.perf_counter() - started) * 1000, 1)

    cold, cold_ms = read()
    warm, _ms = read()
    return {"queries": warm, "queries_cold": cold, "cold_ms": cold_ms}


def sessions(count):
    """Signed-in sessions of `count` generated members, each with a CSRF secret."""
    user_model = Practice._meta.get_field("submitted_by").related_model
    members = user_model.objects.filter(email__endswith=f"@{MEMBER_EMAIL_DOMAIN}").order_by("pk")[
        : int(count)
    ]
    made = []
    for member in members:
        session = import_string(f"{settings.SESSION_ENGINE}.SessionStore")()
        session[SESSION_KEY] = str(member.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = member.get_session_auth_hash()
        session.save()
        made.append(
            {
                "session": session.session_key,
                "csrf": get_random_string(32, allowed_chars=CSRF_ALLOWED_CHARS),
            }
        )
    return {
        "members": made,
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
    }


def count_comments():
    return {"count": Comment.objects.count()}


def delete_bench_comments():
    deleted, _by_model = Comment.objects.filter(body__startswith=POSTED_PREFIX).delete()
    return {"deleted": deleted}


def clear_caches():
    for alias in settings.CACHES:
        caches[alias].clear()


def empty_cache():
    """Empty the run's Redis database: every page, count and fragment is computed afresh."""
    clear_caches()
    return {"emptied": True}


def corpus_version():
    return {"version": CORPUS_VERSION}


STEPS = {
    "corpus_version": corpus_version,
    "pages": pages,
    "sessions": sessions,
    "count_comments": count_comments,
    "delete_bench_comments": delete_bench_comments,
    "empty_cache": empty_cache,
    "api_walk": api_walk,
}

if __name__ == "__main__":
    step, *arguments = sys.argv[1:]
    print(json.dumps(STEPS[step](*arguments)))
