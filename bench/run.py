"""`make bench`: how fast the portal answers on PostgreSQL at two corpus sizes.

For each size (BENCH_SIZE=small|large, both by default) it makes sure the database bench_<size>
holds the generated corpus (regenerated only when missing or of another version or seed), counts
each page's queries with Django's test client, serves the portal as in production (gunicorn,
debug off, whitenoise) and loads every page with wrk at a fixed concurrency, next to a baseline
page that renders a tiny template without the database: each page's throughput is given as a
ratio to that baseline, which stays meaningful on a shared, noisy machine. Search and the
practice page are also loaded with a different address on every request (bench/paths.lua), so
that what a fresh search or a practice read for the first time costs shows beside what the
cache makes of a popular one. It runs the pages without the anonymous page cache (Redis
database 2 holds the counts and fragments, as in production) and then with it (Redis database
1), each database emptied first, streams the CSV export and measures the worker's memory, and
posts comments as signed-in members. It prints a table and writes bench/results/<size>.json;
with both sizes it adds how each page's p95 grew.

Settings from the environment: BENCH_SIZE, BENCH_DURATION (seconds per page, default 10),
BENCH_SEED (default 1), BENCH_PORT (default 8101), BENCH_WORKERS (default 3).
"""

import json
import os
import platform
import re
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS = BASE_DIR / "bench" / "results"
PYTHON = sys.executable
DATABASE = "postgres://postgres@127.0.0.1:5432/{name}"
# Redis as in production: database 2 for the run without the page cache (counts and other
# fragments only), database 1 for the run with it; each is emptied before its run.
REDIS_URLS = {False: "redis://127.0.0.1:6379/2", True: "redis://127.0.0.1:6379/1"}
CONCURRENCY, THREADS = 8, 2
WARM_UP_SECONDS = 2
CACHE_SECONDS = 300
# How the portal is served: sync workers, about 1.5 per core of these two-core machines, so one
# can read the next request while another waits on the database.
WORKERS = int(os.environ.get("BENCH_WORKERS", "3"))

# The pages judged by the search's own limit on growth with the corpus.
SEARCH_PAGES = ("search", "search_varied")
# Pages that ask for a different address on every request: a page cache cannot serve them, so
# the page-cache goal is not theirs (bench/django_steps.py, bench/paths.lua).
VARIED = ("practice_varied", "search_varied")
# Rows measured and shown with no goal of their own: a briefing's PDF (a shared collection of
# five practices, laid out by WeasyPrint on each request) is a download, not a page to read.
UNJUDGED = ("collection_pdf",)
# A PDF takes about half a second of a worker: its row loads for longer, after a longer warm-up
# (each worker's first PDF also loads the fonts), so that it counts more than a few requests,
# and through one connection per worker, so that no PDFs are left queued when wrk stops, to
# slow the rows after it.
SLOW_PAGES = {"collection_pdf": {"warm_up": 8, "seconds": 20, "connections": max(WORKERS, THREADS)}}

# The goals of the caching issue (#15), at large size: each page's throughput as a share of the
# baseline's and its p95 without the page cache (the varied pages have their own), with it, the
# growth of p95 from small to large, posting, and the caching code's size.
GOALS = {
    "ratio": 0.35,
    "p95_ms": 100,
    "varied": {"practice_varied": (0.20, 40), "search_varied": (0.10, 80)},
    "growth": 1.3,
    "search_growth": 1.6,
    "cached_ratio": 0.90,
    "csv_mb": 50,
    "posting_rps": 300,
    "caching_lines": 300,
    "followers_p95_ratio": 2,
}
# The caching code, all mechanisms together (README, "Caching").
CACHING_MODULES = ["practices/caching.py", "portal/staleness.py", "portal/cache.py"]


def environment(size, *, page_cache=False):
    """The production settings, made usable over plain http on one machine."""
    env = dict(os.environ)
    env.update(
        DATABASE_URL=DATABASE.format(name=f"bench_{size}"),
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="bench-" + "k" * 60,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        DJANGO_SECURE_COOKIES="0",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SECURE_HSTS_SECONDS="0",
        DJANGO_BENCH_BASELINE="1",
        # Members post as fast as wrk lets them: the rate limit is not what is measured.
        DJANGO_COMMENTS_PER_MINUTE="1000000",
        # wrk reads the API from one address, far past its per-address limit.
        DJANGO_API_REQUESTS_PER_MINUTE="0",
        # Nor past the limit of PDFs a minute, for the collection's briefing.
        DJANGO_PDFS_PER_MINUTE="0",
        DJANGO_LOG_LEVEL="WARNING",
        DJANGO_PAGE_CACHE_SECONDS=str(CACHE_SECONDS if page_cache else 0),
        DJANGO_SETTINGS_MODULE="portal.settings",
    )
    env["REDIS_URL"] = REDIS_URLS[page_cache]
    return env


def manage(size, *args, page_cache=False, capture=False):
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=BASE_DIR,
        env=environment(size, page_cache=page_cache),
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else None,
    )
    return result.stdout


def django_step(size, step, *args, page_cache=False, module="bench.django_steps"):
    """Run one of the steps that need Django (bench/django_steps.py, or `module`), in a child
    with the size's settings, and return the JSON it prints."""
    result = subprocess.run(
        [PYTHON, "-m", module, step, *args],
        cwd=BASE_DIR,
        env=environment(size, page_cache=page_cache),
        check=True,
        text=True,
        stdout=subprocess.PIPE,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def ensure_corpus(size, seed):
    """Create bench_<size> if missing; regenerate its corpus only when the marker differs."""
    import psycopg

    with psycopg.connect(DATABASE.format(name="postgres"), autocommit=True) as connection:
        found = connection.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            [f"bench_{size}"],
        ).fetchone()
        if found is None:
            connection.execute(f"CREATE DATABASE bench_{size}")
    manage(size, "migrate", "--noinput", "-v0")
    version = django_step(size, "corpus_version")["version"]
    marker = f"corpus v{version} size={size} seed={seed}"
    if found is not None and found[0] == marker:
        print(f"bench_{size}: corpus present ({marker})")
        return
    print(f"bench_{size}: generating the corpus ({marker}); the large one takes minutes")
    started = time.monotonic()
    manage(size, "generate_corpus", f"--size={size}", f"--seed={seed}", "--replace", "-v2")
    print(f"bench_{size}: generated in {time.monotonic() - started:.0f} s")
    with psycopg.connect(DATABASE.format(name="postgres"), autocommit=True) as connection:
        connection.execute(f"COMMENT ON DATABASE bench_{size} IS '{marker}'")
    # Compact tables (the generator rewrites every practice's row once more for its counts and
    # search vectors, which left the large table at three times its size) and fresh statistics,
    # so the planner sees the corpus's real sizes.
    with psycopg.connect(DATABASE.format(name=f"bench_{size}"), autocommit=True) as connection:
        connection.execute("VACUUM FULL ANALYZE")


class Server:
    """gunicorn serving the portal on 127.0.0.1, as in production."""

    def __init__(self, size, port, *, page_cache):
        self.size, self.port, self.page_cache = size, port, page_cache

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                str(Path(PYTHON).parent / "gunicorn"),
                "portal.wsgi",
                f"--bind=127.0.0.1:{self.port}",
                f"--workers={WORKERS}",
                "--worker-class=sync",
                "--timeout=120",
                "--log-level=warning",
            ],
            cwd=BASE_DIR,
            env=environment(self.size, page_cache=self.page_cache),
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url("/healthz"), timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.3)
        self.__exit__()
        raise RuntimeError("gunicorn did not answer /healthz within a minute")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def workers(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]


def wrk(url, duration, script="report.lua", env=None, connections=CONCURRENCY):
    """One wrk run: requests/s and latency percentiles in ms."""
    output = subprocess.run(
        [
            "wrk",
            f"-t{THREADS}",
            f"-c{connections}",
            f"-d{duration}s",
            "--timeout=10s",
            "--latency",
            # As every browser does; only pages from the page cache come back compressed.
            "--header=Accept-Encoding: gzip",
            "-s",
            str(BASE_DIR / "bench" / script),
            url,
        ],
        check=True,
        text=True,
        stdout=subprocess.PIPE,
        env={**os.environ, "BENCH_DIR": str(BASE_DIR / "bench"), **(env or {})},
    ).stdout
    figures = json.loads(re.search(r"^BENCH_JSON (.*)$", output, re.MULTILINE).group(1))
    seconds = figures["duration_us"] / 1e6
    return {
        "rps": round(figures["requests"] / seconds, 1),
        "p50_ms": round(figures["p50_us"] / 1000, 1),
        "p95_ms": round(figures["p95_us"] / 1000, 1),
        "p99_ms": round(figures["p99_us"] / 1000, 1),
        "requests": figures["requests"],
        "errors": figures["status_errors"] + figures["socket_errors"],
    }


def load_pages(server, pages, duration):
    """The baseline first and last (the better of the two is kept), every page in between."""
    measured = {}
    baseline_runs = []
    wrk(server.url(pages["baseline"]["url"]), WARM_UP_SECONDS)
    baseline_runs.append(wrk(server.url(pages["baseline"]["url"]), duration))
    for name, page in pages.items():
        if name == "baseline":
            continue
        if "paths" in page:
            load_varied(server, page, WARM_UP_SECONDS, warm_up=True)
            measured[name] = load_varied(server, page, duration)
        else:
            slow = SLOW_PAGES.get(name, {})
            connections = slow.get("connections", CONCURRENCY)
            url = server.url(page["url"])
            # One reader first, so that what the page keeps is computed once (its first read,
            # "first ms", is timed on its own) and not by every worker at once while wrk counts.
            urllib.request.urlopen(url, timeout=60).read()
            wrk(url, slow.get("warm_up", WARM_UP_SECONDS), connections=connections)
            seconds = max(duration, slow.get("seconds", 0))
            measured[name] = wrk(url, seconds, connections=connections)
        print(f"  {name:<15} {measured[name]['rps']:>8} req/s  p95 {measured[name]['p95_ms']} ms")
    baseline_runs.append(wrk(server.url(pages["baseline"]["url"]), duration))
    baseline = max(baseline_runs, key=lambda run: run["rps"])
    for figures in measured.values():
        figures["ratio"] = round(figures["rps"] / baseline["rps"], 3)
    return {"baseline": baseline, "baseline_runs": baseline_runs, "pages": measured}


def load_varied(server, page, duration, *, warm_up=False):
    """A different address on each request (bench/paths.lua): what a page costs when what is
    kept for it is cold. The warm-up starts halfway down the list, the measured run at its top,
    so the run asks for nothing the warm-up asked for."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write("\n".join(page["paths"]) + "\n")
    env = {
        "BENCH_PATHS": handle.name,
        "BENCH_START": str(page["warm_up_start"] if warm_up else 0),
        "BENCH_THREADS": str(THREADS),
    }
    try:
        return wrk(server.url(page["paths"][0]), duration, script="paths.lua", env=env)
    finally:
        os.unlink(handle.name)


def memory_kb(pid, field):
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(rf"^{field}:\s+(\d+) kB", status, re.MULTILINE).group(1))


def stream_csv(server, path):
    """Download the whole CSV export; the growth of the worker that served it, in MB."""
    before = {pid: memory_kb(pid, "VmRSS") for pid in server.workers()}
    started = time.monotonic()
    size = lines = 0
    with urllib.request.urlopen(server.url(path), timeout=600) as response:
        while chunk := response.read(1 << 16):
            size += len(chunk)
            lines += chunk.count(b"\n")
    seconds = time.monotonic() - started
    # The peak (VmHWM) of each worker against what it held before; the export's worker grew most.
    growth = max(memory_kb(pid, "VmHWM") - rss for pid, rss in before.items())
    return {
        "seconds": round(seconds, 1),
        "megabytes": round(size / 1e6, 1),
        "lines": lines,
        "worker_memory_growth_mb": round(growth / 1024, 1),
    }


def post_comments(server, size, target, duration):
    """Signed-in members post comments under load; every successful post must be stored."""
    sessions = django_step(size, "sessions", "64")
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write("\n".join(f"{s['session']} {s['csrf']}" for s in sessions["members"]))
    before = django_step(size, "count_comments")["count"]
    env = {
        "BENCH_SESSIONS": handle.name,
        "BENCH_PATH": target,
        "BENCH_RUN": secrets.token_hex(4),
        "BENCH_COOKIES": f"{sessions['session_cookie']} {sessions['csrf_cookie']}",
    }
    figures = wrk(server.url(target), duration, script="post_comments.lua", env=env)
    time.sleep(1)  # requests wrk stopped waiting for may still be committing
    after = django_step(size, "count_comments")["count"]
    django_step(size, "delete_bench_comments")
    os.unlink(handle.name)
    successes = figures["requests"] - figures["errors"]
    figures.update(
        comments_before=before,
        comments_after=after,
        stored=after - before,
        successful_responses=successes,
        all_stored=after - before >= successes,
    )
    return figures


FOLLOWERS = 1000


def notify_step(size, step, *args):
    return django_step(size, step, *args, module="bench.notify_steps")


def sent_count(followers):
    return followers["emails"].get("sent", 0)


def post_with_followers(server, size, duration):
    """Posting on a thread FOLLOWERS members follow, against a thread nobody follows: the
    request only enqueues a job, so its p95 should stay within 2x. Then one more comment there,
    and the time the worker takes to write and send the followers' e-mails (delivered to
    Django's dummy backend)."""
    threads = notify_step(size, "threads", str(FOLLOWERS))
    quiet = post_comments(server, size, threads["quiet"], duration)
    followed = post_comments(server, size, threads["followed"], duration)
    notify_step(size, "clear_queue")
    notify_step(size, "post_one")
    env = environment(size) | {
        "DJANGO_MAIL_DELIVERY_BACKEND": "django.core.mail.backends.dummy.EmailBackend"
    }
    started = time.monotonic()
    subprocess.run(
        [PYTHON, "manage.py", "db_worker", "--batch", "--no-reload"],
        cwd=BASE_DIR,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    worker_seconds = round(time.monotonic() - started, 1)
    sent = notify_step(size, "emails")
    notify_step(size, "clean_up")
    return {
        "followers": threads["followers"],
        "quiet": {key: quiet[key] for key in ("rps", "p95_ms", "all_stored")},
        "followed": {key: followed[key] for key in ("rps", "p95_ms", "all_stored")},
        "p95_ratio": round(followed["p95_ms"] / quiet["p95_ms"], 2),
        "worker_seconds": worker_seconds,
        "emails": sent["emails"],
        "jobs_waiting_after": sent["jobs_waiting"],
    }


def run_size(size, duration, seed, port):
    ensure_corpus(size, seed)
    manage(size, "collectstatic", "--noinput", "-v0")
    pages = django_step(size, "pages", str(seed))
    corpus = pages.pop("_corpus")
    comment_target = pages.pop("_comment_target")
    csv_path = pages.pop("_csv")
    api_walk = django_step(size, "api_walk")
    print(f"bench_{size}: API walk {api_walk}")
    print(
        f"bench_{size}: queries warm/cold "
        + ", ".join(f"{n} {p['queries']}/{p['queries_cold']}" for n, p in pages.items())
    )
    result = {
        "size": size,
        "seed": seed,
        "corpus": corpus,
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "load": {
            "tool": "wrk",
            "threads": THREADS,
            "connections": CONCURRENCY,
            "seconds_per_page": duration,
            "gunicorn_sync_workers": WORKERS,
        },
        "baseline_rule": "the better (higher req/s) of the two baseline runs, first and last",
        "api_walk": api_walk,
    }
    print(f"bench_{size}: without the page cache (Redis db 2, emptied first)")
    django_step(size, "empty_cache")
    with Server(size, port, page_cache=False) as server:
        uncached = load_pages(server, pages, duration)
        result["csv_export"] = stream_csv(server, csv_path)
        print(f"  csv export      {result['csv_export']}")
        result["comment_posting"] = post_comments(server, size, comment_target, duration)
        print(f"  posting         {result['comment_posting']}")
        result["followers"] = post_with_followers(server, size, duration)
        print(f"  followers       {result['followers']}")
    for name, figures in uncached["pages"].items():
        figures["queries"] = pages[name]["queries"]
        figures["queries_cold"] = pages[name]["queries_cold"]
        figures["cold_ms"] = pages[name]["cold_ms"]
        figures["url"] = pages[name]["url"]
        if "paths" in pages[name]:
            figures["addresses"] = len(pages[name]["paths"])
    result["uncached"] = uncached
    print(f"bench_{size}: with the anonymous page cache (Redis db 1, emptied first)")
    django_step(size, "empty_cache", page_cache=True)
    with Server(size, port, page_cache=True) as server:
        result["cached"] = load_pages(server, pages, duration)
    return result


def evaluate(results):
    """Each goal of the issue, met or not, with its figure, under the size it is judged at."""
    goals = []
    large, small = results.get("large"), results.get("small")
    if large:
        for name, page in large["uncached"]["pages"].items():
            if name == "baseline" or name in UNJUDGED:
                continue
            ratio, p95 = GOALS["varied"].get(name, (GOALS["ratio"], GOALS["p95_ms"]))
            goals.append(
                goal(
                    "large",
                    f"{name}: ≥ {ratio:.0%} of baseline, no page cache",
                    page["ratio"],
                    page["ratio"] >= ratio,
                )
            )
            goals.append(
                goal(
                    "large",
                    f"{name}: p95 ≤ {p95} ms, no page cache",
                    page["p95_ms"],
                    page["p95_ms"] <= p95,
                )
            )
        for name, page in large["cached"]["pages"].items():
            if name in VARIED or name in UNJUDGED:
                continue
            goals.append(
                goal(
                    "large",
                    f"{name}: ≥ {GOALS['cached_ratio']:.0%} of baseline with the page cache",
                    page["ratio"],
                    page["ratio"] >= GOALS["cached_ratio"],
                )
            )
        csv = large["csv_export"]["worker_memory_growth_mb"]
        goals.append(
            goal("large", "CSV export: the worker grows < 50 MB", csv, csv < GOALS["csv_mb"])
        )
    if large and small:
        for name, growth in growth_factors(small, large).items():
            if name in UNJUDGED:
                continue
            limit = GOALS["search_growth"] if name in SEARCH_PAGES else GOALS["growth"]
            goals.append(
                goal("large", f"{name}: p95 large/small ≤ {limit}", growth, growth <= limit)
            )
    for size, result in results.items():
        posting = result["comment_posting"]
        goals.append(
            goal(
                size,
                f"comments posted at ≥ {GOALS['posting_rps']} req/s, all stored",
                f"{posting['rps']} req/s, {posting['stored']} stored, "
                f"{posting['successful_responses']} answered 302",
                posting["all_stored"] and posting["rps"] >= GOALS["posting_rps"],
            )
        )
    for size, result in results.items():
        followers = result.get("followers")
        if followers:
            goals.append(
                goal(
                    size,
                    f"posting on a thread {followers['followers']} members follow: p95 within "
                    f"{GOALS['followers_p95_ratio']}x of a thread nobody follows",
                    f"{followers['p95_ratio']}x ({followers['followed']['p95_ms']} ms against "
                    f"{followers['quiet']['p95_ms']} ms); the worker sent "
                    f"{sent_count(followers)} e-mails in {followers['worker_seconds']} s",
                    followers["p95_ratio"] <= GOALS["followers_p95_ratio"],
                )
            )
    for size, result in results.items():
        walked = result.get("api_walk")
        if walked:
            goals.append(
                goal(
                    size,
                    "the API's pages give every published practice exactly once",
                    f"{walked['seen']} seen, {walked['unique']} different, of "
                    f"{walked['published']} published, in {walked['pages']} pages",
                    walked["exactly_once"],
                )
            )
    lines = sum(len((BASE_DIR / path).read_text().splitlines()) for path in CACHING_MODULES)
    goals.append(
        goal(
            "any",
            f"the caching code ({', '.join(CACHING_MODULES)}) under {GOALS['caching_lines']} lines",
            lines,
            lines < GOALS["caching_lines"],
        )
    )
    return goals


def goal(size, text, figure, met):
    return {"size": size, "goal": text, "figure": figure, "met": bool(met)}


def growth_factors(small, large):
    return {
        name: round(page["p95_ms"] / small["uncached"]["pages"][name]["p95_ms"], 2)
        for name, page in large["uncached"]["pages"].items()
        if name in small["uncached"]["pages"] and name not in UNJUDGED
    }


def table(result, other=None):
    lines = [
        f"\n{result['size']}: {result['corpus']}",
        f"{'page':<15} {'req/s':>8} {'p50':>7} {'p95':>7} {'p99':>7} {'queries':>9} "
        f"{'ratio':>6} {'cached req/s':>12} {'ratio':>6}",
    ]
    base = result["uncached"]["baseline"]
    cached_base = result["cached"]["baseline"]
    lines.append(
        f"{'baseline':<15} {base['rps']:>8} {base['p50_ms']:>7} {base['p95_ms']:>7} "
        f"{base['p99_ms']:>7} {'0/0':>9} {1:>6} {cached_base['rps']:>12} {1:>6}"
    )
    for name, page in result["uncached"]["pages"].items():
        cached = result["cached"]["pages"][name]
        queries = f"{page['queries']}/{page.get('queries_cold', '?')}"
        lines.append(
            f"{name:<15} {page['rps']:>8} {page['p50_ms']:>7} {page['p95_ms']:>7} "
            f"{page['p99_ms']:>7} {queries:>9} {page['ratio']:>6} "
            f"{cached['rps']:>12} {cached['ratio']:>6}"
        )
    return "\n".join(lines)


def percent(ratio):
    return f"{ratio * 100:.1f}%"


def markdown(results, goals):
    """The tables and goals as Markdown, for bench/results/summary.md and the README."""
    out = []
    for size, result in results.items():
        growth = result.get("growth_p95_large_over_small", {})
        out += [
            f"**{size}** ({result['when']}; {result['load']['seconds_per_page']} s per page)",
            "",
            "| page | req/s | p50 ms | p95 ms | p99 ms | queries warm/cold | first ms "
            "| ratio to baseline | with page cache: req/s | ratio |"
            + (" growth p95 large/small |" if growth else ""),
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|" + ("---:|" if growth else ""),
        ]
        base, cached_base = result["uncached"]["baseline"], result["cached"]["baseline"]
        out.append(
            f"| baseline | {base['rps']} | {base['p50_ms']} | {base['p95_ms']} | "
            f"{base['p99_ms']} | 0/0 | | 100% | {cached_base['rps']} | 100% |"
            + (" |" if growth else "")
        )
        for name, page in result["uncached"]["pages"].items():
            cached = result["cached"]["pages"][name]
            out.append(
                f"| {name.replace('_', ' ')} | {page['rps']} | {page['p50_ms']} | "
                f"{page['p95_ms']} | {page['p99_ms']} | "
                f"{page['queries']}/{page.get('queries_cold', '?')} | "
                f"{page.get('cold_ms', '')} | {percent(page['ratio'])} | "
                f"{cached['rps']} | {percent(cached['ratio'])} |"
                + (f" {growth.get(name, '')} |" if growth else "")
            )
        csv, posting = result["csv_export"], result["comment_posting"]
        out += [
            "",
            f"CSV export: {csv['lines'] - 1:,} practices, {csv['megabytes']} MB in "
            f"{csv['seconds']} s; the worker grew {csv['worker_memory_growth_mb']} MB at its "
            f"peak. Posting comments: {posting['rps']} req/s (p95 {posting['p95_ms']} ms); "
            f"{posting['successful_responses']} posts answered, {posting['stored']} comments "
            "stored.",
            "",
        ]
        followers = result.get("followers")
        if followers:
            out += [
                f"Posting on a thread {followers['followers']} members follow: "
                f"{followers['followed']['rps']} req/s, p95 {followers['followed']['p95_ms']} ms, "
                f"against {followers['quiet']['rps']} req/s, p95 {followers['quiet']['p95_ms']} ms "
                f"on a thread nobody follows ({followers['p95_ratio']}x). One more comment there: "
                f"the worker wrote and sent {sent_count(followers)} e-mails in "
                f"{followers['worker_seconds']} s (`db_worker --batch`, to the dummy backend).",
                "",
            ]
    out.append("Goals:")
    out.append("")
    for item in goals:
        verdict = "met" if item["met"] else "**not met**"
        out.append(f"- {item['size']}: {item['goal']}: {verdict} ({item['figure']})")
    return "\n".join(out) + "\n"


def main():
    sizes = os.environ.get("BENCH_SIZE", "small large").replace(",", " ").split()
    duration = int(os.environ.get("BENCH_DURATION", "10"))
    seed = int(os.environ.get("BENCH_SEED", "1"))
    port = int(os.environ.get("BENCH_PORT", "8101"))
    RESULTS.mkdir(exist_ok=True)
    for size in sizes:
        if size not in ("small", "large"):
            sys.exit(f"BENCH_SIZE: unknown size {size!r} (small or large)")
        result = run_size(size, duration, seed, port)
        (RESULTS / f"{size}.json").write_text(json.dumps(result, indent=2) + "\n")
    results = {
        size: json.loads((RESULTS / f"{size}.json").read_text())
        for size in ("small", "large")
        if (RESULTS / f"{size}.json").exists()
    }
    if "small" in results and "large" in results:
        results["large"]["growth_p95_large_over_small"] = growth_factors(
            results["small"], results["large"]
        )
    goals = evaluate(results)
    for size, result in results.items():
        result["goals"] = [g for g in goals if g["size"] == size]
        (RESULTS / f"{size}.json").write_text(json.dumps(result, indent=2) + "\n")
        print(table(result))
    if "growth_p95_large_over_small" in results.get("large", {}):
        print(
            "\ngrowth p95(large)/p95(small): "
            + ", ".join(
                f"{n} {g}" for n, g in results["large"]["growth_p95_large_over_small"].items()
            )
        )
    (RESULTS / "summary.md").write_text(markdown(results, goals))
    print("\ngoals (also in bench/results/summary.md):")
    for item in goals:
        verdict = "met" if item["met"] else "NOT met"
        print(f"  [{verdict}] {item['size']}: {item['goal']}: {item['figure']}")


if __name__ == "__main__":
    main()
