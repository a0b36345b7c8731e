"""HTTP fetching: the one place that talks to the network.

Every politeness and safety rule (robots.txt, per-host delay, private-address guard, size
cap, retry policy, challenge detection) lives here once, so no caller can forget one.
Redirects are followed by hand so each hop is checked; bodies are decompressed by hand so
the size cap counts decompressed bytes as they arrive (a gzip bomb never fills memory).
"""

from __future__ import annotations

import codecs
import ipaddress
import logging
import random
import re
import socket
import ssl
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx
from bs4.dammit import UnicodeDammit
from tenacity import RetryCallState, Retrying, retry_if_exception_type, stop_after_attempt

from config.settings import Settings
from scraper.errors import BlockedError, PermanentError, TooLarge, TransientError
from scraper.robots import KeyedLocks, RobotsCache

log = logging.getLogger("diplowatch.fetch")

CHUNK = 64 * 1024
ROBOTS_MAX_BYTES = 512 * 1024  # Google reads the first 500 KiB of robots.txt; so do we
ERROR_BODY_BYTES = 64 * 1024  # enough of an error page to recognise a challenge
SNIFF_BYTES = 4096  # <meta charset> must sit in the first few KB
REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({408, 429})
ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml,*/*;q=0.8"


@dataclass(frozen=True, slots=True)
class FetchResult:
    """One HTTP response as kept by storage (body already decoded from transfer encodings)."""

    url: str  # the URL asked for
    final_url: str  # after redirects
    status: int  # 200, or 304 when not_modified
    headers: dict[str, str]  # lower-case names
    content: bytes  # raw body bytes (empty on 304)
    text: str  # body decoded with the right charset ("" on 304)
    encoding: str | None
    fetched_at: datetime  # UTC, aware
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


# --------------------------------------------------------------------------- pure helpers


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Retry-After as seconds from now (delta-seconds or HTTP-date form); None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"[0-9]{1,10}", value):
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    try:
        return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
    except OverflowError:
        return None


_META_CHARSET = re.compile(rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']""")
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# WHATWG: these labels mean windows-1252 in practice.
_ALIASES = {"iso8859-1": "cp1252", "ascii": "cp1252"}
_WIDE = ("utf-16", "utf-32")


def _codec(label: str | bytes | None) -> str | None:
    """A Python codec name for a charset label, or None when unknown."""
    if not label:
        return None
    text = label.decode("ascii", "ignore") if isinstance(label, bytes) else label
    try:
        name = codecs.lookup(text.strip().strip("\"'")).name
    except LookupError:
        return None
    return _ALIASES.get(name, name)


def header_charset(content_type: str | None) -> str | None:
    m = _HEADER_CHARSET.search(content_type or "")
    return _codec(m.group(1)) if m else None


def sniff_declared(content: bytes) -> str | None:
    """The charset declared by an XML declaration or <meta> in the first few KB."""
    head = content[:SNIFF_BYTES]
    m = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return _codec(m.group(1)) if m else None


def _strict(content: bytes, encoding: str | None) -> str | None:
    if encoding is None:
        return None
    try:
        return content.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _is_utf8_not_ascii(content: bytes) -> bool:
    """Valid UTF-8 with multi-byte sequences: real text in a single-byte charset practically never is."""
    if content.isascii():
        return False
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode_body(content: bytes, content_type: str | None = None) -> tuple[str, str | None]:
    """Bytes -> (text, codec name): BOM, then header charset, then <meta>/XML declaration, then detection.

    A declaration is used only if the bytes decode under it without error; a declared
    single-byte charset over bytes that are valid UTF-8 is taken to be wrong. Never raises.
    """
    if not content:
        return "", header_charset(content_type)
    for bom, name in _BOMS:
        if content.startswith(bom):
            if name.startswith(_WIDE) and b"\x00" not in content[len(bom) : 1024]:
                continue  # "юя" in windows-1251 is FE FF too: a UTF-16 page has NULs in its markup
            return content[len(bom) :].decode(name, "replace"), name
    utf8 = _is_utf8_not_ascii(content)
    for declared in (header_charset(content_type), sniff_declared(content)):
        if declared is None or (utf8 and declared != "utf-8"):
            continue
        if declared.startswith(_WIDE) and b"\x00" not in content[:1024]:
            continue  # a UTF-16 label over bytes without NULs is a wrong label
        text = _strict(content, declared)
        if text is not None:
            return text, declared
    if utf8 or content.isascii():
        return content.decode("utf-8"), "utf-8"
    guess = _codec(UnicodeDammit(content[: 64 * 1024], known_definite_encodings=[]).original_encoding)
    name = guess or "utf-8"
    return content.decode(name, "replace"), name


SMALL_PAGE = 60_000  # phrases that a news article could quote count only on pages this small
_CHALLENGE_MARKERS: tuple[tuple[str, re.Pattern[str], int | None], ...] = (
    ("cloudflare challenge", re.compile(r"<title>\s*just a moment\.\.\.\s*</title>|cf[-_]chl", re.I), None),
    ("cloudflare block", re.compile(r"<title>\s*attention required!\s*\|\s*cloudflare", re.I), None),
    ("js challenge (bobcmn)", re.compile(r"bobcmn|data processing\.\.\.\s*please,?\s*wait", re.I), None),
    (
        "browser check",
        re.compile(r"checking (?:if the site connection is secure|your browser before accessing)", re.I),
        SMALL_PAGE,
    ),
    ("ddos protection", re.compile(r"ddos[- ]guard|ddos protection by", re.I), SMALL_PAGE),
)
_JS_REDIRECT = re.compile(
    r"\b(?:window\.|document\.|top\.)?location(?:\.href)?\s*=|location\.(?:replace|assign)\(", re.I
)
_NOSCRIPT_JS = re.compile(r"<noscript[^>]*>[^<]{0,400}(?:javascript|cookies)", re.I)
_SCRIPT_OR_TAG = re.compile(r"<script\b.*?</script>|<style\b.*?</style>|<[^>]+>", re.I | re.S)
_SCRIPT_BODY = re.compile(r"<script\b[^>]*>(.*?)</script>", re.I | re.S)
TINY_PAGE = 6000  # a JS-only wall is small; a real page with a location= script is not


def detect_challenge(status: int, headers: dict[str, str], text: str) -> str | None:
    """Name the kind of challenge/block page, or None. Works whatever the status (200 included)."""
    if headers.get("cf-mitigated", "").strip().lower() == "challenge":
        return "cloudflare challenge (cf-mitigated)"
    head = text[:20000]
    for name, pattern, max_len in _CHALLENGE_MARKERS:
        if (max_len is None or len(text) < max_len) and pattern.search(head):
            return name
    if len(text) < TINY_PAGE and "<" in text and "xml" not in headers.get("content-type", ""):
        visible = " ".join(_SCRIPT_OR_TAG.sub(" ", text).split())
        redirects = any(_JS_REDIRECT.search(script) for script in _SCRIPT_BODY.findall(text))
        if len(visible) < 300 and (redirects or _NOSCRIPT_JS.search(text)):
            return "javascript-only page"
    if status in (403, 429, 503) and re.search(r"captcha|are you a (?:human|robot)", head, re.I):
        return "captcha"
    return None


def _is_textual(content_type: str) -> bool:
    ctype = content_type.split(";")[0].strip().lower()
    return (
        not ctype
        or ctype.startswith("text/")
        or ctype.endswith(("xml", "json", "javascript"))
        or ctype in ("application/xhtml+xml", "application/rss+xml", "application/atom+xml")
    )


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def redact(url: str) -> str:
    """The URL without user:password, for logs and messages."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))


# --------------------------------------------------------------------------- body decoding


class _Decompressor:
    """Undo Content-Encoding chunk by chunk, never producing more than CHUNK bytes at a time."""

    def __init__(self, content_encoding: str, url: str) -> None:
        codings = [c.strip().lower() for c in content_encoding.split(",")]
        codings = [c for c in codings if c and c != "identity"]
        if len(codings) > 1 or (codings and codings[0] not in ("gzip", "x-gzip", "deflate")):
            raise PermanentError(f"unsupported Content-Encoding {content_encoding!r}", url=url)
        self._coding = codings[0] if codings else None
        self._z: zlib._Decompress | None = None

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self._coding is None:
            yield data
            return
        if self._z is None:
            self._z = zlib.decompressobj(self._wbits(data))
        z = self._z
        while data and not z.eof:
            out = z.decompress(data, CHUNK)
            if out:
                yield out
            data = z.unconsumed_tail

    def _wbits(self, first: bytes) -> int:
        if self._coding in ("gzip", "x-gzip"):
            return 16 + zlib.MAX_WBITS
        # "deflate" should be zlib-wrapped, but some servers send raw deflate.
        zlib_header = len(first) >= 2 and first[0] & 0x0F == 8 and (first[0] << 8 | first[1]) % 31 == 0
        return zlib.MAX_WBITS if zlib_header else -zlib.MAX_WBITS


# --------------------------------------------------------------------------- the fetcher


@dataclass
class _Call:
    """State of one get(): counts attempts across hops and retries."""

    url: str
    delay: float
    attempts: int = 0


@dataclass(frozen=True, slots=True)
class _Raw:
    url: str
    status: int
    headers: dict[str, str]
    content: bytes
    set_cookie: bool = False
    text: str = ""
    encoding: str | None = None


class Fetcher:
    """One httpx client with politeness, robots.txt, retries and conditional GET.

    ``allowed_private_hosts``: hosts named in the catalog, which may resolve to loopback or
    private addresses (any other host resolving to a non-public address is refused, for
    the first URL and for every redirect hop).
    ``on_attempt``: called for every attempt (logging, ledger).
    ``sleep``/``clock``: injectable for tests (clock is monotonic seconds).
    ``resolve``: host, port -> addresses (default: socket.getaddrinfo).
    """

    def __init__(
        self,
        settings: Settings,
        *,
        allowed_private_hosts: Iterable[str] = (),
        on_attempt: Callable[[Attempt], None] | None = None,
        sleep: Callable[[float], None] | None = None,
        clock: Callable[[], float] | None = None,
        resolve: Callable[[str, int], list[str]] | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._settings = settings
        self._allowed = frozenset(h.strip().lower().strip("[]") for h in allowed_private_hosts)
        self._on_attempt = on_attempt
        self._sleep = sleep if sleep is not None else time.sleep
        self._clock = clock if clock is not None else time.monotonic
        self._resolve = resolve if resolve is not None else _getaddrinfo
        self._client = httpx.Client(
            timeout=httpx.Timeout(
                connect=settings.connect_timeout,
                read=settings.read_timeout,
                write=settings.read_timeout,
                pool=settings.connect_timeout,
            ),
            follow_redirects=False,
            headers={"User-Agent": settings.user_agent, "Accept": ACCEPT, "Accept-Encoding": "gzip, deflate"},
            transport=transport,
        )
        self._retrying = Retrying(
            stop=stop_after_attempt(settings.retries + 1),
            wait=self._wait,
            retry=retry_if_exception_type(TransientError),
            sleep=self._sleep,
            reraise=True,
            before_sleep=self._before_sleep,
        )
        self._host_locks = KeyedLocks()
        self._last_request: dict[str, float] = {}
        self._robots = RobotsCache(settings.user_agent, self._fetch_robots, self._clock)

    # ---- public

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
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        call = _Call(url, delay)
        raw = self._follow(call, headers, limit=self._settings.max_bytes, truncate=False, robots=True)
        return self._result(call, raw)

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- redirects, one checked hop at a time

    def _follow(self, call: _Call, headers: dict[str, str], *, limit: int, truncate: bool, robots: bool) -> _Raw:
        url = _check_url(call.url)
        visits: dict[str, int] = {}
        for _hop in range(self._settings.max_redirects + 1):
            self._guard(url)
            delay = call.delay
            if robots and self._settings.respect_robots:
                delay = max(delay, self._robots.check(url, call.delay))
            raw = self._with_retries(call, url, headers, delay, limit=limit, truncate=truncate)
            if raw.status not in REDIRECTS:
                return raw
            visits[url] = visits.get(url, 0) + 1
            url = self._next_hop(url, raw)
            # Coming back to a URL is a loop, unless a cookie was just set (cookie-check redirects).
            if visits.get(url, 0) >= (2 if raw.set_cookie else 1):
                raise PermanentError(f"redirect loop at {redact(url)}", url=call.url, status=raw.status)
        raise PermanentError(f"more than {self._settings.max_redirects} redirects", url=call.url, status=raw.status)

    @staticmethod
    def _next_hop(url: str, raw: _Raw) -> str:
        location = raw.headers.get("location", "").strip()
        if not location:
            raise PermanentError(f"redirect {raw.status} without Location", url=url, status=raw.status)
        target = urljoin(url, location).split("#", 1)[0]
        try:
            return _check_url(target)
        except PermanentError as exc:
            raise PermanentError(f"refused redirect: {exc}", url=url, status=raw.status) from None

    def _guard(self, url: str) -> None:
        """Refuse a host that resolves to a private/loopback/link-local address unless allowed."""
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        if host in self._allowed:
            return
        try:
            addresses = [host] if _is_ip(host) else self._resolve(host, parts.port or 0)
        except OSError as exc:
            raise TransientError(f"cannot resolve {host}: {exc}", url=url) from None
        private = [a for a in addresses if not _is_public(a)]
        if private:
            raise PermanentError(f"refused {redact(url)}: {host} resolves to non-public address {private[0]}", url=url)

    # ---- retries

    def _with_retries(
        self, call: _Call, url: str, headers: dict[str, str], delay: float, *, limit: int, truncate: bool
    ) -> _Raw:
        for attempt in self._retrying.copy():
            with attempt:
                number = attempt.retry_state.attempt_number
                return self._attempt(call, url, headers, delay, number, limit=limit, truncate=truncate)
        raise AssertionError("unreachable: tenacity either returns or reraises")  # pragma: no cover

    def _wait(self, state: RetryCallState) -> float:
        """Retry-After when the server gave one (capped), else bounded exponential backoff with jitter."""
        exc = state.outcome.exception() if state.outcome else None
        s = self._settings
        if isinstance(exc, TransientError) and exc.retry_after is not None:
            return min(exc.retry_after, s.retry_after_max)
        ceiling = min(s.backoff_max, s.backoff_base * 2 ** (state.attempt_number - 1))
        return ceiling * random.uniform(0.5, 1.0)

    def _before_sleep(self, state: RetryCallState) -> None:
        exc = state.outcome.exception() if state.outcome else None
        wait = state.next_action.sleep if state.next_action else 0.0
        log.info("retrying after %s in %.1fs (attempt %d failed)", exc, wait, state.attempt_number)

    # ---- one attempt

    def _attempt(
        self,
        call: _Call,
        url: str,
        headers: dict[str, str],
        delay: float,
        number: int,
        *,
        limit: int,
        truncate: bool,
    ) -> _Raw:
        self._wait_turn(url, delay)
        call.attempts += 1
        started = time.monotonic()
        status: int | None = None
        try:
            raw = _decoded(self._send(url, headers, limit=limit, truncate=truncate))
            status = raw.status
            self._classify(raw)
        except (TransientError, PermanentError, BlockedError) as exc:
            self._report(url, exc.status or status, str(exc), started, number)
            raise
        self._report(url, status, None, started, number)
        return raw

    def _send(self, url: str, headers: dict[str, str], *, limit: int, truncate: bool) -> _Raw:
        try:
            with self._client.stream("GET", url, headers=headers) as resp:
                hdrs = {k.lower(): v for k, v in resp.headers.items()}
                status = resp.status_code
                if status == 304 or (status in REDIRECTS and "location" in hdrs):
                    body = b""
                elif status >= 400:
                    body = self._read(resp, url, ERROR_BODY_BYTES, truncate=True)
                else:
                    body = self._read(resp, url, limit, truncate=truncate)
                return _Raw(str(resp.url), status, hdrs, body, "set-cookie" in hdrs)
        except httpx.ConnectError as exc:
            if _cert_error(exc):
                raise PermanentError(f"TLS certificate rejected: {exc}", url=url) from None
            raise TransientError(f"connect error: {exc or type(exc).__name__}", url=url) from None
        except httpx.TimeoutException as exc:
            raise TransientError(f"timeout: {type(exc).__name__}", url=url) from None
        except (httpx.NetworkError, httpx.RemoteProtocolError, httpx.ProxyError) as exc:
            raise TransientError(f"{type(exc).__name__}: {exc}", url=url) from None
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            raise PermanentError(f"{type(exc).__name__}: {exc}", url=url) from None
        except zlib.error as exc:
            raise PermanentError(f"undecodable compressed body: {exc}", url=url) from None

    def _read(self, resp: httpx.Response, url: str, limit: int, *, truncate: bool) -> bytes:
        """Stream the body, decompressing by hand, stopping at ``limit`` decompressed bytes."""
        encoding = resp.headers.get("content-encoding", "")
        declared = resp.headers.get("content-length", "")
        if not truncate and not encoding and declared.isdigit() and int(declared) > limit:
            raise TooLarge(f"Content-Length {declared} is over the cap of {limit} bytes", url=url)
        deadline = time.monotonic() + 4 * self._settings.read_timeout
        decoder = _Decompressor(encoding, url)
        buf = bytearray()
        for raw in resp.iter_raw(CHUNK):
            for piece in decoder.feed(raw):
                room = limit - len(buf)
                if len(piece) > room:
                    if truncate:
                        buf += piece[:room]
                        return bytes(buf)
                    raise TooLarge(f"body is over the cap of {limit} bytes", url=url, status=resp.status_code)
                buf += piece
            if time.monotonic() > deadline:
                raise TransientError("body arrives too slowly", url=url, status=resp.status_code)
        return bytes(buf)

    def _classify(self, raw: _Raw) -> None:
        """Turn a status (and a challenge body) into the error the caller acts on."""
        status = raw.status
        if status == 304 or status in REDIRECTS:
            return
        challenge = detect_challenge(status, raw.headers, raw.text) if raw.text else None
        if challenge:
            raise BlockedError(f"{challenge} (HTTP {status})", url=raw.url, status=status)
        if status in RETRY_STATUSES or status >= 500:
            retry_after = parse_retry_after(raw.headers.get("retry-after"))
            raise TransientError(f"HTTP {status}", url=raw.url, status=status, retry_after=retry_after)
        if status >= 400:
            raise PermanentError(f"HTTP {status}", url=raw.url, status=status)
        if 300 <= status < 400:
            raise PermanentError(f"HTTP {status} cannot be followed", url=raw.url, status=status)

    def _report(self, url: str, status: int | None, error: str | None, started: float, number: int) -> None:
        elapsed = time.monotonic() - started
        if error is None:
            log.info("GET %s -> %s in %.2fs (attempt %d)", redact(url), status, elapsed, number)
        else:
            log.warning("GET %s -> %s in %.2fs (attempt %d)", redact(url), error, elapsed, number)
        if self._on_attempt is not None:
            self._on_attempt(Attempt(redact(url), status, error, elapsed, number))

    # ---- politeness

    def _wait_turn(self, url: str, delay: float) -> None:
        """Sleep until ``delay`` seconds have passed since the previous request to this host."""
        host = (urlsplit(url).hostname or "").lower()
        with self._host_locks(host):
            now = self._clock()
            last = self._last_request.get(host)
            start = now if last is None else max(now, last + delay)
            if start > now:
                self._sleep(start - now)
            self._last_request[host] = start

    def _fetch_robots(self, robots_url: str, delay: float) -> str | None:
        """robots.txt body, or None when the site has none (any 4xx, refused redirect)."""
        call = _Call(robots_url, delay)
        try:
            raw = self._follow(call, {}, limit=ROBOTS_MAX_BYTES, truncate=True, robots=False)
        except BlockedError:
            raise
        except PermanentError:
            return None
        return raw.text

    # ---- result

    def _result(self, call: _Call, raw: _Raw) -> FetchResult:
        not_modified = raw.status == 304
        return FetchResult(
            url=call.url,
            final_url=raw.url,
            status=raw.status,
            headers=raw.headers,
            content=b"" if not_modified else raw.content,
            text="" if not_modified else raw.text,
            encoding=None if not_modified else raw.encoding,
            fetched_at=datetime.now(UTC),
            etag=raw.headers.get("etag"),
            last_modified=raw.headers.get("last-modified"),
            not_modified=not_modified,
            attempts=call.attempts,
        )


def _decoded(raw: _Raw) -> _Raw:
    """Decode a textual body once (binary bodies such as .xml.gz keep text="")."""
    ctype = raw.headers.get("content-type", "")
    if not raw.content or not _is_textual(ctype) or raw.content.startswith(b"\x1f\x8b"):
        return raw
    text, encoding = decode_body(raw.content, ctype)
    return replace(raw, text=text, encoding=encoding)


def _check_url(url: str) -> str:
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise PermanentError(f"bad URL {url!r}: {exc}", url=url) from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise PermanentError(f"not an absolute http(s) URL: {redact(url)!r}", url=url)
    return url


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    return True


def _getaddrinfo(host: str, port: int) -> list[str]:
    return [str(info[4][0]) for info in socket.getaddrinfo(host, port or None, type=socket.SOCK_STREAM)]


def _cert_error(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    for _ in range(6):
        if seen is None:
            return False
        if isinstance(seen, ssl.SSLCertVerificationError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False
