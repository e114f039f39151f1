"""The benchmark's varied pages: the search's words come from the corpus in a fixed order, every
query differs, and the varied search is judged by goals of its own (a fresh search cannot be
as fast as one whose counts are kept), and not by the page cache's, which a different address on
every request cannot use."""

from bench import run
from bench.django_steps import queries, search_words
from portal.management.commands.generate_corpus import COMMON_WORD, DOMAIN_WORDS


def test_the_words_are_the_corpus_words_in_an_order_fixed_by_the_seed():
    words = search_words(1)
    assert words == search_words(1)
    assert words != search_words(2)
    assert len(words) == len(set(words)) > 1000
    assert {COMMON_WORD, *DOMAIN_WORDS} <= set(words)


def test_every_query_of_the_varied_search_differs():
    words = search_words(1)
    made = queries(words, count=3 * len(words))
    assert len(made) == len(set(made)) == 3 * len(words)
    assert made[: len(words)] == words


def page(rps, p95):
    return {"rps": rps, "p95_ms": p95, "ratio": rps / 1000}


def result(size, p95):
    pages = {"search": page(500, p95), "search_varied": page(100, p95 * 4)}
    return {
        "size": size,
        "uncached": {"pages": pages},
        "cached": {"pages": pages},
        "csv_export": {"worker_memory_growth_mb": 1},
        "comment_posting": {
            "rps": 350,
            "stored": 1,
            "successful_responses": 1,
            "all_stored": True,
        },
    }


def test_the_varied_search_is_judged_by_its_own_goals():
    goals = run.evaluate({"small": result("small", 10), "large": result("large", 15)})
    verdicts = {item["goal"]: item["met"] for item in goals}
    # 500 req/s against a baseline of 1,000 meets the 35% of other pages; 100 meets the 10% of
    # the varied search, and its p95 of 60 ms its 80 ms.
    assert verdicts["search: ≥ 35% of baseline, no page cache"] is True
    assert verdicts["search_varied: ≥ 10% of baseline, no page cache"] is True
    assert verdicts["search_varied: p95 ≤ 80 ms, no page cache"] is True
    # Growth large/small of 1.5 is within the limit for searches (1.6), not for other pages.
    assert verdicts["search_varied: p95 large/small ≤ 1.6"] is True
    assert "search: ≥ 90% of baseline with the page cache" in verdicts
    assert "search_varied: ≥ 90% of baseline with the page cache" not in verdicts
    assert verdicts["comments posted at ≥ 300 req/s, all stored"] is True


def test_a_slow_fresh_search_and_slow_posting_are_not_met():
    slow = result("large", 30)
    slow["uncached"]["pages"]["search_varied"] = page(50, 120)
    slow["comment_posting"]["rps"] = 200
    verdicts = {item["goal"]: item["met"] for item in run.evaluate({"large": slow})}
    assert verdicts["search_varied: ≥ 10% of baseline, no page cache"] is False
    assert verdicts["search_varied: p95 ≤ 80 ms, no page cache"] is False
    assert verdicts["comments posted at ≥ 300 req/s, all stored"] is False
