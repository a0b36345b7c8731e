"""crawl_source and reparse in-process: real HTTP on 127.0.0.1, real SQLite, faults per page."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from config.catalog import Catalog, Source
from config.settings import Settings
from scraper.crawl import CrawlRequest, EntryValidators, crawl_source
from scraper.fetch import Fetcher
from scraper.reparse import reparse
from storage import queries
from storage.store import RunStats, Store
from tests.httpfixture import Reply, Request, TestServer, running_server

SEED = (Path(__file__).resolve().parents[1] / "data" / "seed" / "report-az-2026-02-27.txt").read_text("utf-8")
SEED_TEXT = SEED.strip().split(None, 2)[2]
CHALLENGE = "<html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>"


def article_page(title: str, text: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in text.split("\n") if p.strip())
    return (
        f"<html><head><title>{title}</title>"
        '<meta property="article:published_time" content="2026-02-27T12:00:00+04:00"></head>'
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{paras}</article></body></html>"
    )


def rss(base: str, paths: list[str]) -> str:
    items = "".join(
        f"<item><title>item {i}</title><link>{base}{p}</link><pubDate>Fri, 27 Feb 2026 10:00:00 +0400</pubDate></item>"
        for i, p in enumerate(paths)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'


@pytest.fixture
def server() -> Iterator[TestServer]:
    with running_server() as srv:
        srv.route("/robots.txt", Reply(404))
        yield srv


@pytest.fixture
def settings() -> Settings:
    return Settings(backoff_base=0.0, backoff_max=0.0, retries=1, connect_timeout=2.0, read_timeout=2.0)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(f"sqlite:///{tmp_path / 'crawl.db'}") as s:
        yield s


def source_for(server: TestServer) -> Source:
    return Source(
        name="local",
        outlet="Local Agency",
        language="en",
        article_pattern=r"/news/\d+",
        feeds=(server.url("/rss.xml"),),
        delay=0.0,
    )


def crawl(source: Source, settings: Settings, store: Store, **kw: Any) -> RunStats:
    with Fetcher(settings, allowed_private_hosts=["127.0.0.1"]) as fetcher:
        return crawl_source(source, settings=settings, store=store, fetcher=fetcher, **kw)


def test_one_bad_page_never_stops_the_run_and_is_tried_again(
    server: TestServer, settings: Settings, store: Store
) -> None:
    server.route("/rss.xml", Reply(200, rss(server.base, ["/news/1", "/news/2"]), content_type="application/rss+xml"))
    server.route("/news/1", Reply(200, article_page("Baku and Ashgabat", SEED_TEXT)))
    server.route("/news/2", Reply(500, "down"))
    source = source_for(server)

    stats = crawl(source, settings, store)
    assert stats.discovered == 2
    assert stats.new_articles == 1 and stats.failed == 1
    assert stats.outcome == "partial"
    assert stats.meetings_found == 2
    assert any("/news/2" in e for e in stats.errors)
    kinds = sorted(m["kind"] for m in queries.list_meetings(store.engine))
    assert kinds == ["consultations", "meeting"]

    server.route("/news/2", Reply(200, article_page("Weather", "It rained in Baku on Sunday.")))
    again = crawl(source, settings, store)
    assert again.new_articles == 1 and again.failed == 0
    assert again.outcome == "ok"
    assert server.paths().count("/news/1") == 1  # stored pages are not fetched again
    ledger = queries.source_status(store.engine)[0]
    assert ledger["source"] == "local" and ledger["outcome"] == "ok"


def test_a_challenge_page_blocks_the_source_and_is_never_stored(
    server: TestServer, settings: Settings, store: Store
) -> None:
    server.route("/rss.xml", Reply(200, rss(server.base, ["/news/7", "/news/8"]), content_type="application/rss+xml"))
    server.route("/news/7", Reply(200, CHALLENGE))
    server.route("/news/8", Reply(200, article_page("t", SEED_TEXT)))
    stats = crawl(source_for(server), settings, store)
    assert stats.outcome == "blocked" and stats.blocked == 1
    assert stats.new_articles == 0
    assert "/news/8" not in server.paths()  # the source backs off for the rest of the run
    assert not store.known_url(server.url("/news/7"))


def test_entry_point_errors_and_empty_feeds_are_told_apart(
    server: TestServer, settings: Settings, store: Store
) -> None:
    server.route("/rss.xml", Reply(404, "gone"))
    failed = crawl(source_for(server), settings, store)
    assert failed.outcome == "failed" and failed.discovered == 0
    assert failed.errors

    server.route("/rss.xml", Reply(200, rss(server.base, []), content_type="application/rss+xml"))
    empty = crawl(source_for(server), settings, store)
    assert empty.outcome == "empty" and not empty.errors


def test_conditional_requests_for_entry_points(server: TestServer, settings: Settings, store: Store) -> None:
    def feed(request: Request) -> Reply:
        if request.headers.get("if-none-match") == '"v1"':
            return Reply(304, "")
        return Reply(200, rss(server.base, []), content_type="application/rss+xml", headers={"ETag": '"v1"'})

    server.route("/rss.xml", feed)
    validators = EntryValidators()
    crawl(source_for(server), settings, store, validators=validators)
    second = crawl(source_for(server), settings, store, validators=validators)
    assert second.outcome != "failed"
    assert validators.get(server.url("/rss.xml"))[0] == '"v1"'


def test_stop_event_ends_the_run_between_pages(server: TestServer, settings: Settings, store: Store) -> None:
    server.route("/rss.xml", Reply(200, rss(server.base, ["/news/1"]), content_type="application/rss+xml"))
    server.route("/news/1", Reply(200, article_page("t", SEED_TEXT)))
    stop = threading.Event()
    stop.set()
    stats = crawl(source_for(server), settings, store, stop=stop, request=CrawlRequest(mode="run"))
    assert stats.outcome == "partial" and stats.fetched == 0


def test_reparse_twice_changes_nothing(server: TestServer, settings: Settings, store: Store) -> None:
    server.route("/rss.xml", Reply(200, rss(server.base, ["/news/1"]), content_type="application/rss+xml"))
    server.route("/news/1", Reply(200, article_page("Baku and Ashgabat", SEED_TEXT)))
    source = source_for(server)
    crawl(source, settings, store)
    before = queries.list_meetings(store.engine)
    catalog = Catalog((source,))
    first = reparse(store, catalog)
    second = reparse(store, catalog)
    assert first.pages == second.pages == 1
    assert (second.articles_changed, second.meetings_new, second.meetings_changed, second.failed) == (0, 0, 0, 0)
    after = queries.list_meetings(store.engine)
    assert [(m["id"], m["kind"], m["date"]) for m in after] == [(m["id"], m["kind"], m["date"]) for m in before]


def test_a_feed_date_stands_in_for_an_undated_page_also_on_reparse(
    server: TestServer, settings: Settings, store: Store
) -> None:
    undated = (
        "<html><head><title>FM meets deputy FM</title></head><body><article><h1>FM meets deputy FM</h1>"
        "<p>Azerbaijan's Minister of Foreign Affairs Jeyhun Bayramov met with Turkmenistan's Deputy Minister"
        " of Foreign Affairs Ahmet Gurbanov in Baku.</p><p>The sides discussed transport.</p></article></body></html>"
    )
    feed = rss(server.base, ["/news/5"]).replace("Fri, 27 Feb 2026", "Tue, 10 Feb 2026")
    server.route("/rss.xml", Reply(200, feed, content_type="application/rss+xml"))
    server.route("/news/5", Reply(200, undated))
    source = source_for(server)
    crawl(source, settings, store)
    dates = [m["date"] for m in queries.list_meetings(store.engine)]
    assert dates == ["2026-02-10"]
    stats = reparse(store, Catalog((source,)))
    assert (stats.articles_changed, stats.meetings_new, stats.meetings_changed) == (0, 0, 0)
    assert [m["date"] for m in queries.list_meetings(store.engine)] == dates


def test_an_unchanged_feed_does_not_hide_an_article_that_failed(
    server: TestServer, settings: Settings, store: Store
) -> None:
    def feed(request: Request) -> Reply:
        if request.headers.get("if-none-match") == '"f1"':
            return Reply(304, "")
        body = rss(server.base, ["/news/1", "/news/2"])
        return Reply(200, body, content_type="application/rss+xml", headers={"ETag": '"f1"'})

    server.route("/rss.xml", feed)
    server.route("/news/1", Reply(200, article_page("Baku and Ashgabat", SEED_TEXT)))
    server.route("/news/2", Reply(503, "busy"))
    validators = EntryValidators(store=store)
    first = crawl(source_for(server), settings, store, validators=validators)
    assert first.outcome == "partial"
    assert validators.get(server.url("/rss.xml")) == (None, None)  # no watermark after a partial run

    server.route("/news/2", Reply(200, article_page("Weather", "It rained in Baku on Sunday.")))
    second = crawl(source_for(server), settings, store, validators=EntryValidators(store=store))
    assert second.outcome == "ok" and second.new_articles == 1
    assert store.entry_validators(server.url("/rss.xml")) == ('"f1"', None)

    asked = len(server.paths())
    third = crawl(source_for(server), settings, store, validators=EntryValidators(store=store))
    assert third.fetched == 0  # a fresh process asks conditionally and gets 304
    assert [p for p in server.paths()[asked:] if p != "/robots.txt"] == ["/rss.xml"]
