"""The one exception tree of diplowatch.

Callers decide what to do by class, never by message: a transient error is retried
and then recorded as "failed, try again later"; a permanent one is recorded and not
retried this run; a blocked page backs the whole source off; parse and config errors
point at bad input.
"""

from __future__ import annotations


class DiplowatchError(Exception):
    """Base of every error diplowatch raises on purpose."""


class ConfigError(DiplowatchError):
    """Bad settings or catalog: names the file, the source and the key."""


class FetchError(DiplowatchError):
    """Something went wrong getting a URL."""

    def __init__(self, message: str, *, url: str = "", status: int | None = None) -> None:
        super().__init__(message)
        self.url = url
        self.status = status


class TransientError(FetchError):
    """Worth retrying: connection errors, timeouts, 429, 5xx, truncated bodies."""

    def __init__(
        self, message: str, *, url: str = "", status: int | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(message, url=url, status=status)
        self.retry_after = retry_after


class PermanentError(FetchError):
    """Not worth retrying this run: 404, 410, other 4xx, refused redirects, bad URLs."""


class RobotsDisallowed(PermanentError):
    """robots.txt forbids the URL; it is never fetched."""


class BlockedError(FetchError):
    """A challenge or block page (Cloudflare, JS-only wall, 403 with a challenge body).

    Never an empty listing and never an article: the source backs off.
    """


class TooLarge(PermanentError):
    """The body went past the size cap."""


class ParseError(DiplowatchError):
    """Input that cannot be read as the contract says (bad JSON line, unreadable file)."""
