"""The only place that writes.  (SKELETON — being implemented)"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from scraper.article import Article
from scraper.fetch import FetchResult
from scraper.meetings.model import MeetingRecord


@dataclass(frozen=True, slots=True)
class PageSaved:
    page_id: int
    status: str          # "new" | "same" | "changed" | "not_modified"


@dataclass(frozen=True, slots=True)
class ArticleSaved:
    article_id: int
    version_id: int
    status: str          # "new" | "same" | "changed" | "duplicate"


@dataclass(frozen=True, slots=True)
class MeetingSaved:
    meeting_id: int
    status: str          # "new" | "merged" | "same" | "changed"
    reason: str = ""


@dataclass(frozen=True, slots=True)
class StoredPage:
    page_id: int
    source: str
    url: str
    final_url: str
    content: bytes
    encoding: str | None
    fetched_at: datetime


@dataclass
class RunStats:
    discovered: int = 0
    fetched: int = 0
    not_modified: int = 0
    new_articles: int = 0
    changed_articles: int = 0
    failed: int = 0
    blocked: int = 0
    meetings_found: int = 0
    outcome: str = "ok"                      # "ok" | "empty" | "partial" | "failed" | "blocked"
    errors: list[str] = field(default_factory=list)


class Store:
    def __init__(self, url: str) -> None:
        raise NotImplementedError

    def validators(self, url: str) -> tuple[str | None, str | None]:
        raise NotImplementedError

    def known_url(self, url: str) -> bool:
        raise NotImplementedError

    def record_page(self, source: str, result: FetchResult) -> PageSaved:
        raise NotImplementedError

    def record_article(self, page_id: int, source: str, outlet: str, article: Article) -> ArticleSaved:
        raise NotImplementedError

    def record_meetings(
        self, article_version_id: int, records: Sequence[MeetingRecord], *, parser_version: str
    ) -> list[MeetingSaved]:
        raise NotImplementedError

    def start_run(self, source: str, kind: str) -> int:
        raise NotImplementedError

    def finish_run(self, run_id: int, stats: RunStats) -> None:
        raise NotImplementedError

    def stored_pages(self) -> Iterator[StoredPage]:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError
