"""HTTP fetching: the one place that talks to the network.  (SKELETON — being implemented)"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from config.settings import Settings


@dataclass(frozen=True, slots=True)
class FetchResult:
    """One HTTP response as kept by storage (body already decoded from transfer encodings)."""

    url: str                      # the URL asked for
    final_url: str                # after redirects
    status: int                   # 200, or 304 when not_modified
    headers: dict[str, str]       # lower-case names
    content: bytes                # raw body bytes (empty on 304)
    text: str                     # body decoded with the right charset ("" on 304)
    encoding: str | None
    fetched_at: datetime          # UTC, aware
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    attempts: int = 1

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


@dataclass(frozen=True, slots=True)
class Attempt:
    """One HTTP attempt, for the log and the coverage ledger."""

    url: str
    status: int | None
    error: str | None
    elapsed: float
    attempt: int


class Fetcher:
    """One httpx client with politeness, robots.txt, retries and conditional GET.

    ``allowed_private_hosts``: hosts named in the catalog, which may resolve to loopback or
    private addresses (a redirect to any other private address is refused).
    ``on_attempt``: called for every attempt (logging, ledger).
    """

    def __init__(
        self,
        settings: Settings,
        *,
        allowed_private_hosts: Iterable[str] = (),
        on_attempt: Callable[[Attempt], None] | None = None,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        raise NotImplementedError

    def get(
        self,
        url: str,
        *,
        delay: float = 0.0,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> FetchResult:
        """GET one URL, waiting ``delay`` seconds since the last request to the same host.

        Raises TransientError (after retries), PermanentError, RobotsDisallowed, BlockedError, TooLarge.
        """
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_ = field
