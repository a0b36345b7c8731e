"""Builders shared by the storage tests: fetch results, articles, records, one-call ingest."""

from __future__ import annotations

from datetime import UTC, date, datetime

from scraper.article import Article
from scraper.fetch import FetchResult
from scraper.meetings.model import MeetingRecord, Participant
from storage.store import Store

# ---------------------------------------------------------------------------- builders

NOW = datetime(2026, 2, 27, 12, 0, tzinfo=UTC)


def fetch(url: str, body: str, *, final_url: str | None = None, etag: str | None = None) -> FetchResult:
    raw = body.encode("utf-8")
    return FetchResult(
        url=url,
        final_url=final_url or url,
        status=200,
        headers={"content-type": "text/html; charset=utf-8"},
        content=raw,
        text=body,
        encoding="utf-8",
        fetched_at=NOW,
        etag=etag,
        last_modified="Fri, 27 Feb 2026 10:00:00 GMT" if etag else None,
    )


def not_modified(url: str) -> FetchResult:
    return FetchResult(
        url=url, final_url=url, status=304, headers={}, content=b"", text="", encoding=None,
        fetched_at=NOW, not_modified=True,
    )


def article(
    url: str, text: str, *, title: str = "Title", language: str = "en", canonical: str | None = None
) -> Article:
    return Article(url=url, title=title, text=text, canonical_url=canonical, published=NOW, language=language)


def person(name: str | None, country: str, role: str | None = None) -> Participant:
    return Participant(name=name, role=role, country=country)


def meeting(
    day: date = date(2026, 2, 27),
    kind: str = "meeting",
    countries: tuple[str, ...] = ("AZ", "TM"),
    people: tuple[Participant, ...] = (),
    evidence: str = "",
) -> MeetingRecord:
    return MeetingRecord(date=day, kind=kind, countries=countries, participants=people, evidence=evidence)


def ingest(store: Store, url: str, text: str, records: list[MeetingRecord], *, source: str = "report",
           outlet: str = "report.az", language: str = "en") -> tuple[int, list[str]]:
    """Page → article → meetings, as the crawler does; (article_version_id, meeting statuses)."""
    page = store.record_page(source, fetch(url, f"<html>{text}</html>"))
    saved = store.record_article(page.page_id, source, outlet, article(url, text, language=language))
    out = store.record_meetings(saved.version_id, records, parser_version="test")
    return saved.version_id, [m.status for m in out]


D_SEED = date(2026, 2, 27)
