"""What posting a comment costs in-process: queries and CPU per post against a baseline request
measured in the same run, interleaved (the machine is shared and noisy).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_scratch \
        REDIS_URL=redis://127.0.0.1:6379/13 .venv/bin/python -m bench.posting_in_process 300

It migrates the database it is given (use a scratch one of your own, never a bench corpus),
makes one published practice and a handful of members with confirmed addresses, signs them in
with Django's test client, posts `count` comments (each its own text and form token) as they
take turns, and prints each query of one post and the figures per post. Production's settings
(debug off), with REDIS_URL the sessions are cached_db ones as in the bench.
"""

import os
import sys
import time
import uuid

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("DJANGO_SECRET_KEY", "posting-" + "k" * 60)
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
os.environ.setdefault("DJANGO_SECURE_COOKIES", "0")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("DJANGO_SECURE_HSTS_SECONDS", "0")
os.environ.setdefault("DJANGO_BENCH_BASELINE", "1")
os.environ.setdefault("DJANGO_COMMENTS_PER_MINUTE", "1000000")
os.environ.setdefault("DJANGO_LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from allauth.account.models import EmailAddress  # noqa: E402
from django.core.cache import caches  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import User  # noqa: E402
from practices.models import City, Comment, Practice  # noqa: E402

MEMBERS = 8
PREFIX = "In-process posting "


def setup():
    call_command("migrate", verbosity=0)
    city, _ = City.objects.get_or_create(
        slug="posting-town", defaults={"name": "Posting Town", "country": "DK"}
    )
    practice = Practice.objects.filter(slug="posting-practice").first()
    if practice is None:
        practice = Practice.objects.create(
            title="A practice to post on",
            slug="posting-practice",
            city=city,
            status=Practice.Status.PUBLISHED,
            published_at=timezone.now(),
            summary="Members post comments here.",
            start_year=2021,
            confirmed_at=timezone.now(),
        )
    Comment.objects.filter(practice=practice).delete()
    Practice.objects.filter(pk=practice.pk).recount_comments()
    clients = []
    for i in range(MEMBERS):
        email = f"poster{i}@example.org"
        user = User.objects.filter(email=email).first() or User.objects.create_user(
            email=email, password=uuid.uuid4().hex
        )
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        client = Client()
        client.force_login(user)
        clients.append(client)
    return practice, clients


def main(count):
    for alias in caches:
        caches[alias].clear()
    practice, clients = setup()
    url = reverse("practices:comment", args=[practice.slug])
    baseline = Client()
    n = 0

    def post():
        nonlocal n
        n += 1
        token = uuid.uuid4().hex
        response = clients[n % len(clients)].post(
            url, {"body": f"{PREFIX}{n}: {token}", "token": token}
        )
        assert response.status_code == 302, response.status_code

    def base():
        assert baseline.get("/bench/baseline/").status_code == 200

    for _ in range(20):  # warm up both
        post()
        base()
    with CaptureQueriesContext(connection) as one:
        post()
    for number, query in enumerate(one.captured_queries, 1):
        print(f"{number:2}. {query['sql'][:300]}")
    print()

    rounds, per_round = 10, max(count // 10, 1)
    post_cpu = base_cpu = post_wall = base_wall = 0.0
    queries = 0
    for _ in range(rounds):
        wall, cpu = time.perf_counter(), time.process_time()
        with CaptureQueriesContext(connection) as captured:
            for _ in range(per_round):
                post()
        post_cpu += time.process_time() - cpu
        post_wall += time.perf_counter() - wall
        queries += len(captured)
        wall, cpu = time.perf_counter(), time.process_time()
        for _ in range(per_round):
            base()
        base_cpu += time.process_time() - cpu
        base_wall += time.perf_counter() - wall
    posts = rounds * per_round
    print(
        f"{posts} posts: {queries / posts:.2f} queries/post, "
        f"CPU {post_cpu / posts * 1000:.2f} ms/post (wall {post_wall / posts * 1000:.2f}); "
        f"baseline CPU {base_cpu / posts * 1000:.3f} ms (wall {base_wall / posts * 1000:.3f}); "
        f"ratio post/baseline CPU {post_cpu / base_cpu:.1f}"
    )
    Comment.objects.filter(practice=practice).delete()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
