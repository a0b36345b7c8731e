"""Discovery: feeds, sitemaps and listing pages -> candidate article links.  (SKELETON)"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from config.catalog import Source
from scraper.fetch import FetchResult


@dataclass(frozen=True, slots=True)
class Link:
    """A candidate article URL with whatever the entry point said about it."""

    url: str                       # absolute, as found (canonicalised by storage)
    via: str                       # "feed" | "sitemap" | "listing"
    entry_point: str               # the feed/sitemap/listing URL it came from
    published: datetime | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class PageOutcome:
    """What one entry-point page gave: recorded so "zero items" is never read as "no more news"."""

    url: str
    via: str
    outcome: str                   # "ok" | "empty" | "error" | "blocked" | "not_modified"
    items: int = 0
    new_items: int = 0
    error: str | None = None


@dataclass
class Discovery:
    links: list[Link] = field(default_factory=list)
    pages: list[PageOutcome] = field(default_factory=list)


def discover(
    source: Source,
    fetch: Callable[[str], FetchResult],
    *,
    is_known: Callable[[str], bool],
    since: date | None = None,
    until: date | None = None,
    max_pages: int = 20,
) -> Discovery:
    """Walk every feed, sitemap and listing of ``source``; never raises for one bad page."""
    raise NotImplementedError
