"""robots.txt rules per origin, fetched once and cached (a day; five minutes after a failure).

Why a cache with expiry: robots.txt is asked before every page, so it must be cheap; but a
daemon keeps one Fetcher for weeks, so rules are re-read daily (as Google does), and a host
whose robots.txt answered 5xx or could not be reached is "try later" for a short while,
not re-asked for every URL in between.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego

from scraper.errors import BlockedError, FetchError, RobotsDisallowed, TransientError

# A robots fetcher returns the body, or None when the site has no usable robots.txt (4xx).
RobotsFetch = Callable[[str, float], str | None]

MAX_CRAWL_DELAY = 60.0  # a Crawl-delay above this is treated as this (a typo must not stall a run)


class KeyedLocks:
    """One lock per key (host or origin), created on first use."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}

    def __call__(self, key: str) -> threading.Lock:
        with self._guard:
            lock = self._locks.get(key)
            if lock is None:
                lock = self._locks[key] = threading.Lock()
            return lock


@dataclass(frozen=True, slots=True)
class _Entry:
    parser: Protego | None  # None: no robots.txt, everything allowed
    error: FetchError | None = None  # set when robots.txt could not be read
    expires: float | None = None  # clock time after which robots.txt is asked again


def origin_of(url: str) -> str:
    """scheme://host[:port], lower-case: robots.txt applies per origin."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower().rsplit('@', 1)[-1]}"


class RobotsCache:
    """Answers "may this URL be fetched?" from each origin's robots.txt."""

    def __init__(
        self,
        user_agent: str,
        fetch: RobotsFetch,
        clock: Callable[[], float],
        *,
        failure_ttl: float = 300.0,
        ttl: float = 86400.0,
    ) -> None:
        self._agent = user_agent
        self._fetch = fetch
        self._clock = clock
        self._failure_ttl = failure_ttl
        self._ttl = ttl
        self._entries: dict[str, _Entry] = {}
        self._locks = KeyedLocks()

    def check(self, url: str, delay: float = 0.0) -> float:
        """Raise RobotsDisallowed (or the cached "try later" error); return the Crawl-delay (0 if none)."""
        origin = origin_of(url)
        entry = self._entry(origin, delay)
        if entry.error is not None:
            raise _again(entry.error, origin, url, entry.expires, self._clock())
        if entry.parser is None:
            return 0.0
        if not entry.parser.can_fetch(url, self._agent):
            raise RobotsDisallowed(f"robots.txt of {origin} disallows {url}", url=url)
        crawl_delay = entry.parser.crawl_delay(self._agent)
        return min(float(crawl_delay), MAX_CRAWL_DELAY) if crawl_delay else 0.0

    def _entry(self, origin: str, delay: float) -> _Entry:
        with self._locks(origin):  # one robots.txt request per origin, even under threads
            entry = self._entries.get(origin)
            if entry is None or (entry.expires is not None and self._clock() >= entry.expires):
                entry = self._load(origin, delay)
                self._entries[origin] = entry
            return entry

    def _load(self, origin: str, delay: float) -> _Entry:
        try:
            text = self._fetch(f"{origin}/robots.txt", delay)
        except (TransientError, BlockedError) as exc:
            return _Entry(None, exc, self._clock() + self._failure_ttl)
        return _Entry(None if text is None else Protego.parse(text), None, self._clock() + self._ttl)


def _again(error: FetchError, origin: str, url: str, expires: float | None, now: float) -> FetchError:
    """A fresh exception of the cached kind, naming the URL that was refused because of it."""
    message = f"robots.txt of {origin} could not be read ({error}); try later"
    if isinstance(error, BlockedError):
        return BlockedError(message, url=url, status=error.status)
    wait = max(0.0, expires - now) if expires is not None else None
    return TransientError(message, url=url, status=error.status, retry_after=wait)
