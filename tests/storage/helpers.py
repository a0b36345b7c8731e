"""Builders shared by the storage tests: fetch results, articles, records, one-call ingest."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from scraper.article import Article
from scraper.fetch import FetchResult
from scraper.meetings.model import MeetingRecord, Participant
from storage.store import ArticleSaved, Store

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


EVAL = Path(__file__).resolve().parents[1] / "data" / "eval"


def eval_docs() -> list[dict[str, Any]]:
    """The dev-set documents with their gold records (tests/data/eval)."""
    docs = []
    for name in ("en.jsonl", "ru.jsonl"):
        with (EVAL / name).open(encoding="utf-8") as f:
            docs += [json.loads(line) for line in f if line.strip()]
    return docs


def ingest_eval(url: str, order: str = "as_given") -> dict[str, set[int]]:
    """Store every dev-set document with its gold records as a crawl would; doc id → meeting ids.

    Also the body of the worker processes of the concurrency test.
    """
    docs = eval_docs()
    if order == "reversed":
        docs = docs[::-1]
    out = {}
    with Store(url) as store:
        for d in docs:
            page = store.record_page(d["outlet"], fetch(d["source_url"], d["text"]))
            art = Article(url=d["source_url"], title=d["title"], text=d["text"], language=d["language"])
            saved = store.record_article(page.page_id, d["outlet"], d["outlet"], art)
            records = [MeetingRecord.from_dict(m) for m in d["meetings"]]
            found = store.record_meetings(saved.version_id, records, parser_version="gold")
            out[d["id"]] = {m.meeting_id for m in found}
    return out


def save(store: Store, page_id: int, source: str, outlet: str, art: Article) -> ArticleSaved:
    """record_article, then record its (here: no) meetings as the crawler does for new or changed text."""
    saved = store.record_article(page_id, source, outlet, art)
    if saved.status in ("new", "changed"):
        store.record_meetings(saved.version_id, [], parser_version="test")
    return saved
