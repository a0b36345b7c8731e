"""Crawl one source once: discover -> fetch -> extract -> parse -> store, recorded in the ledger.

Failures are isolated per page: a page that fails is counted, logged and left for a later
run (nothing is stored for it, so it is tried again); a challenge page stops the source for
this run ("blocked"); nothing raises out of ``crawl_source`` except a programming error.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from config.catalog import Source
from config.settings import Settings
from scraper.discover import Discovery, Link, discover
from scraper.errors import BlockedError, FetchError
from scraper.fetch import Fetcher, FetchResult
from scraper.pipeline import PARSER_VERSION, article_from_html, records_for
from storage.store import RunStats, Store

log = logging.getLogger("diplowatch.crawl")


@dataclass
class EntryValidators:
    """ETag / Last-Modified of feeds and listings, so polls cost conditional requests only.

    Kept in memory and, when a store is given, in its ``entry_points`` table, so a fresh
    process (``run --once`` from cron, a restarted daemon) also polls with 304s. Entry points
    change every few minutes, so only their validators are kept, never their bodies.
    """

    store: Store | None = None
    by_url: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self, url: str) -> tuple[str | None, str | None]:
        with self.lock:
            known = self.by_url.get(url)
        if known is None and self.store is not None:
            known = self.store.entry_validators(url)
            with self.lock:
                self.by_url[url] = known
        return known or (None, None)

    def put(self, result: FetchResult, source: str = "") -> None:
        if result.not_modified or not (result.etag or result.last_modified):
            return
        pair = (result.etag, result.last_modified)
        with self.lock:
            changed = self.by_url.get(result.url) != pair
            self.by_url[result.url] = pair
        if changed and self.store is not None:
            self.store.save_entry_validators(result.url, source, *pair)


@dataclass(frozen=True)
class CrawlRequest:
    """What to crawl: ``since``/``until`` bound a backfill; ``mode`` names the run in the ledger."""

    mode: str = "run"  # "run" | "backfill"
    since: date | None = None
    until: date | None = None


def _entry_fetcher(
    fetcher: Fetcher, source: Source, validators: EntryValidators, conditional: bool, answers: list[FetchResult]
) -> Callable[[str], FetchResult]:
    def fetch(url: str) -> FetchResult:
        etag, modified = validators.get(url) if conditional else (None, None)
        result = fetcher.get(url, delay=source.delay, etag=etag, last_modified=modified)
        answers.append(result)
        return result

    return fetch


def crawl_source(
    source: Source,
    *,
    settings: Settings,
    store: Store,
    fetcher: Fetcher,
    request: CrawlRequest | None = None,
    validators: EntryValidators | None = None,
    stop: threading.Event | None = None,
    keep_going: Callable[[], bool] | None = None,
) -> RunStats:
    """Run one crawl of one source and write its ledger row; returns the run's figures.

    ``keep_going`` is asked before every article (the daemon renews its lease there); a
    False answer ends the run as "partial" without touching the rest.
    """
    request = request or CrawlRequest()
    validators = validators or EntryValidators()
    stop = stop or threading.Event()
    stats = RunStats()
    run_id = store.start_run(source.name, request.mode)
    try:
        answers: list[FetchResult] = []
        go_on = keep_going or (lambda: True)
        _crawl(source, settings, store, fetcher, request, validators, stop, stats, go_on, answers)
        if stats.outcome in ("ok", "empty"):
            # the watermark moves only when every link behind these answers was handled: a 304
            # next time must not hide an article that failed, or that a killed process never reached
            for answer in answers:
                validators.put(answer, source.name)
    except Exception as exc:  # a bug must not kill the daemon; it is recorded and re-raised in tests
        stats.outcome = "failed"
        stats.errors.append(f"internal error: {type(exc).__name__}: {exc}")
        log.exception("%s: internal error", source.name)
    finally:
        store.finish_run(run_id, stats)
    _report(source, stats)
    return stats


def _crawl(
    source: Source,
    settings: Settings,
    store: Store,
    fetcher: Fetcher,
    request: CrawlRequest,
    validators: EntryValidators,
    stop: threading.Event,
    stats: RunStats,
    keep_going: Callable[[], bool],
    answers: list[FetchResult],
) -> None:
    max_pages = source.max_pages or (
        settings.backfill_max_pages if request.mode == "backfill" else settings.max_listing_pages
    )
    found: Discovery = discover(
        source,
        _entry_fetcher(fetcher, source, validators, request.mode != "backfill", answers),
        is_known=store.known_url,
        since=request.since,
        until=request.until,
        max_pages=max_pages,
    )
    stats.discovered = len(found.links)
    for page in found.pages:
        if page.outcome == "blocked":
            stats.blocked += 1
            stats.errors.append(f"blocked: {page.url}: {page.error or 'challenge page'}")
        elif page.outcome == "error":
            stats.failed += 1
            stats.errors.append(f"{page.via} {page.url}: {page.error}")
    entry_ok = [p for p in found.pages if p.outcome in ("ok", "empty", "not_modified")]
    if found.pages and not entry_ok:
        stats.outcome = "blocked" if stats.blocked else "failed"
        return
    for link in found.links:
        if stop.is_set() or not keep_going():
            why = "stopped before the end of the run" if stop.is_set() else "lease lost to another process"
            stats.errors.append(why)
            stats.outcome = "partial"
            return
        if store.known_url(link.url):
            continue
        try:
            _fetch_article(source, store, fetcher, link, stats)
        except BlockedError as exc:
            stats.blocked += 1
            stats.errors.append(f"blocked: {link.url}: {exc}")
            stats.outcome = "blocked"
            log.warning("%s: challenge page at %s; backing off for this run", source.name, link.url)
            return
        except FetchError as exc:
            stats.failed += 1
            stats.errors.append(f"{link.url}: {exc}")
            log.info("%s: %s failed: %s", source.name, link.url, exc)
    if stats.failed or stats.blocked:
        stats.outcome = "partial"
    elif not found.links and all(p.outcome == "empty" for p in found.pages):
        stats.outcome = "empty"


def _fetch_article(source: Source, store: Store, fetcher: Fetcher, link: Link, stats: RunStats) -> None:
    etag, modified = store.validators(link.url)
    result = fetcher.get(link.url, delay=source.delay, etag=etag, last_modified=modified)
    stats.fetched += 1
    if result.not_modified:
        stats.not_modified += 1
        return
    page = store.record_page(source.name, result)
    if page.status in ("same", "not_modified"):
        return
    article = article_from_html(result.content or result.text, result.final_url, source)
    if not article.text.strip():
        stats.failed += 1
        stats.errors.append(f"{link.url}: no article body found")
        return
    if article.published is None and link.published is not None:
        article = replace(article, published=link.published)  # the feed or listing knew the date
    saved = store.record_article(page.page_id, source.name, source.outlet, article)
    if saved.status == "new":
        stats.new_articles += 1
    elif saved.status == "changed":
        stats.changed_articles += 1
    if saved.status not in ("new", "changed"):
        return
    published = link.published.date() if link.published else result.fetched_at.date()
    records = records_for(article, published=published, language=source.language)
    store.record_meetings(saved.version_id, records, parser_version=PARSER_VERSION)
    stats.meetings_found += len(records)


def _report(source: Source, stats: RunStats) -> None:
    """One clear line per source and run: what a person watching the log needs."""
    if stats.outcome in ("failed", "blocked"):
        first = stats.errors[0] if stats.errors else "no entry point answered"
        log.warning("%s: %s — %s", source.name, stats.outcome.upper(), first)
        return
    log.info(
        "%s: %s — discovered %d, fetched %d, new %d, changed %d, failed %d, meetings %d",
        source.name,
        stats.outcome,
        stats.discovered,
        stats.fetched,
        stats.new_articles,
        stats.changed_articles,
        stats.failed,
        stats.meetings_found,
    )
