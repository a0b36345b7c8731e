"""Fetcher against a real HTTP server on 127.0.0.1: charsets, retries, robots, caps, redirects, blocks."""

from __future__ import annotations

import gzip
import logging
import threading
import time
import tracemalloc
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from httpfixture import Reply, Request, TestServer

from config.settings import Settings
from scraper.errors import (
    BlockedError,
    PermanentError,
    RobotsDisallowed,
    TooLarge,
    TransientError,
)
from scraper.fetch import Attempt, Fetcher

RUSSIAN = "Министр иностранных дел Азербайджана Джейхун Байрамов встретился с коллегой из Туркменистана"
ALLOWED = ("127.0.0.1", "localhost")


class Sleeps(list[float]):
    """An injected sleep that records and returns at once."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def make(settings: Settings, **kwargs: object) -> Fetcher:
    kwargs.setdefault("allowed_private_hosts", ALLOWED)
    kwargs.setdefault("sleep", Sleeps())
    return Fetcher(settings, **kwargs)  # type: ignore[arg-type]


def page(text: str, charset_meta: str = "") -> str:
    meta = f'<meta charset="{charset_meta}">' if charset_meta else ""
    return f"<html><head>{meta}<title>t</title></head><body><p>{text}</p>{'x' * 400}</body></html>"


# ---------------------------------------------------------------- charsets


@pytest.mark.parametrize(
    ("content_type", "body", "expected_encoding"),
    [
        ("text/html; charset=windows-1251", page(RUSSIAN).encode("cp1251"), "cp1251"),
        ("text/html", page(RUSSIAN, "windows-1251").encode("cp1251"), "cp1251"),
        (
            "text/html",
            page(RUSSIAN)
            .replace("<head>", '<head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">')
            .encode("cp1251"),
            "cp1251",
        ),
        # header lies (utf-8), meta tells the truth
        ("text/html; charset=utf-8", page(RUSSIAN, "windows-1251").encode("cp1251"), "cp1251"),
        # header lies, no meta: detection
        ("text/html; charset=utf-8", page(RUSSIAN).encode("cp1251"), "cp1251"),
        # header says windows-1251 but the bytes are UTF-8
        ("text/html; charset=windows-1251", page(RUSSIAN).encode("utf-8"), "utf-8"),
        # BOM beats a wrong header
        ("text/html; charset=iso-8859-1", b"\xef\xbb\xbf" + page(RUSSIAN).encode("utf-8"), "utf-8"),
        ("text/html", "\ufeff".encode("utf-16-le") + page(RUSSIAN).encode("utf-16-le"), "utf-16-le"),
        ("text/html; charset=utf-8", page(RUSSIAN).encode("utf-8"), "utf-8"),
    ],
)
def test_charset(
    server: TestServer, settings: Settings, content_type: str, body: bytes, expected_encoding: str
) -> None:
    url = server.route("/a", Reply(body=body, content_type=content_type))
    with make(settings) as fetcher:
        result = fetcher.get(url)
    assert RUSSIAN in result.text
    assert result.encoding == expected_encoding
    assert result.content == body


def test_result_fields_and_user_agent(server: TestServer, settings: Settings) -> None:
    url = server.route(
        "/a", Reply(body="<p>hi</p>", headers={"ETag": '"v1"', "Last-Modified": "Wed, 21 Oct 2026 07:28:00 GMT"})
    )
    with make(settings) as fetcher:
        result = fetcher.get(url)
    assert (result.status, result.etag, result.last_modified) == (200, '"v1"', "Wed, 21 Oct 2026 07:28:00 GMT")
    assert result.final_url == result.url == url
    assert result.headers["etag"] == '"v1"' and result.content_type == "text/html"
    assert result.fetched_at.tzinfo is not None and abs(datetime.now(UTC) - result.fetched_at) < timedelta(5)
    assert server.hits[-1].headers["user-agent"] == settings.user_agent
    assert result.attempts == 1


def test_conditional_get_304(server: TestServer, settings: Settings) -> None:
    def conditional(request: Request) -> Reply:
        if request.headers.get("if-none-match") == '"v1"':
            return Reply(304, headers={"ETag": '"v1"'})
        return Reply(body="<p>full</p>", headers={"ETag": '"v1"'})

    url = server.route("/a", conditional)
    with make(settings) as fetcher:
        first = fetcher.get(url)
        second = fetcher.get(url, etag='"v1"', last_modified="Wed, 21 Oct 2026 07:28:00 GMT")
    assert first.status == 200 and not first.not_modified
    assert second.not_modified and second.status == 304
    assert (second.content, second.text) == (b"", "")
    assert server.hits[-1].headers["if-modified-since"] == "Wed, 21 Oct 2026 07:28:00 GMT"


# ---------------------------------------------------------------- retries


def test_500_then_200_is_retried(server: TestServer, settings: Settings) -> None:
    attempts: list[Attempt] = []
    url = server.route("/a", [Reply(500, "oops"), Reply(body="<p>ok</p>")])
    with make(settings, on_attempt=attempts.append) as fetcher:
        result = fetcher.get(url)
    assert result.status == 200 and result.attempts == 2
    mine = [a for a in attempts if a.url == url]
    assert [(a.status, a.attempt) for a in mine] == [(500, 1), (200, 2)]
    assert [a.error for a in mine] == ["HTTP 500", None]


def test_429_retry_after_seconds(server: TestServer, settings: Settings) -> None:
    sleeps = Sleeps()
    url = server.route("/a", [Reply(429, headers={"Retry-After": "7"}), Reply(body="ok")])
    with make(settings, sleep=sleeps) as fetcher:
        assert fetcher.get(url).status == 200
    assert sleeps == [7.0]


def test_429_retry_after_http_date(server: TestServer, settings: Settings) -> None:
    sleeps = Sleeps()
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    url = server.route("/a", [Reply(429, headers={"Retry-After": when}), Reply(body="ok")])
    with make(settings, sleep=sleeps) as fetcher:
        assert fetcher.get(url).status == 200
    assert len(sleeps) == 1 and 27.0 <= sleeps[0] <= 31.0


def test_retry_after_is_capped(server: TestServer, settings: Settings) -> None:
    sleeps = Sleeps()
    capped = settings.model_copy(update={"retry_after_max": 12.0})
    url = server.route("/a", [Reply(503, headers={"Retry-After": "86400"}), Reply(body="ok")])
    with make(capped, sleep=sleeps) as fetcher:
        fetcher.get(url)
    assert sleeps == [12.0]


def test_backoff_is_bounded_exponential(server: TestServer, settings: Settings) -> None:
    sleeps = Sleeps()
    slow = settings.model_copy(update={"backoff_base": 1.0, "backoff_max": 3.0, "retries": 3})
    url = server.route("/a", Reply(500))
    with make(slow, sleep=sleeps) as fetcher, pytest.raises(TransientError):
        fetcher.get(url)
    assert len(sleeps) == 3
    for wait, ceiling in zip(sleeps, (1.0, 2.0, 3.0), strict=True):
        assert ceiling / 2 <= wait <= ceiling


def test_retries_exhausted(server: TestServer, settings: Settings) -> None:
    url = server.route("/a", Reply(503, headers={"Retry-After": "1"}))
    with make(settings) as fetcher, pytest.raises(TransientError) as info:
        fetcher.get(url)
    assert info.value.status == 503 and info.value.retry_after == 1.0
    assert server.paths().count("/a") == settings.retries + 1


def test_connection_reset_is_retried(server: TestServer, settings: Settings) -> None:
    url = server.route("/a", [Reply(close=True), Reply(body="<p>ok</p>")])
    with make(settings) as fetcher:
        result = fetcher.get(url)
    assert result.text == "<p>ok</p>" and result.attempts == 2


def test_truncated_body_is_retried(server: TestServer, settings: Settings) -> None:
    short = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\nonly a little"
    url = server.route("/a", [Reply(raw=short), Reply(body="<p>whole</p>")])
    with make(settings) as fetcher:
        result = fetcher.get(url)
    assert result.text == "<p>whole</p>" and result.attempts == 2


def test_truncated_every_time_is_transient(server: TestServer, settings: Settings) -> None:
    short = b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nonly a little"
    url = server.route("/a", Reply(raw=short))
    with make(settings) as fetcher, pytest.raises(TransientError):
        fetcher.get(url)
    assert server.paths().count("/a") == settings.retries + 1


def test_read_timeout_is_transient(server: TestServer, settings: Settings) -> None:
    quick = settings.model_copy(update={"read_timeout": 0.2, "retries": 1})
    url = server.route("/a", Reply(body="late", delay=0.6))
    started = time.monotonic()
    with make(quick) as fetcher, pytest.raises(TransientError, match="timeout"):
        fetcher.get(url)
    assert time.monotonic() - started < 3


def test_404_is_permanent_and_not_retried(server: TestServer, settings: Settings) -> None:
    url = server.url("/missing")
    with make(settings) as fetcher, pytest.raises(PermanentError) as info:
        fetcher.get(url)
    assert info.value.status == 404 and not isinstance(info.value, BlockedError)
    assert server.paths().count("/missing") == 1


def test_not_http_is_permanent(settings: Settings) -> None:
    with make(settings) as fetcher, pytest.raises(PermanentError):
        fetcher.get("ftp://127.0.0.1/file")


# ---------------------------------------------------------------- robots.txt


ROBOTS = """User-agent: *
Disallow: /*.pdf$
Disallow: /private*/
Allow: /private-but-open/
"""


def test_robots_wildcards(server: TestServer, settings: Settings) -> None:
    server.route("/robots.txt", Reply(body=ROBOTS, content_type="text/plain"))
    for path in ("/doc.pdf", "/privateX/a", "/ok", "/doc.pdf?x=1", "/private-but-open/a"):
        server.route(path.split("?")[0], Reply(body="ok"))
    with make(settings) as fetcher:
        for path in ("/doc.pdf", "/privateX/a"):
            with pytest.raises(RobotsDisallowed):
                fetcher.get(server.url(path))
        assert fetcher.get(server.url("/ok")).status == 200
        assert fetcher.get(server.url("/doc.pdf?x=1")).status == 200  # $ anchors the end
        assert fetcher.get(server.url("/private-but-open/a")).status == 200
    paths = server.paths()
    assert "/doc.pdf" not in paths and "/privateX/a" not in paths
    assert paths.count("/robots.txt") == 1  # cached per host


def test_robots_group_for_our_agent(server: TestServer, settings: Settings) -> None:
    robots = "User-agent: diplowatch-test\nDisallow: /news/\n\nUser-agent: *\nAllow: /\n"
    server.route("/robots.txt", Reply(body=robots, content_type="text/plain"))
    with make(settings) as fetcher, pytest.raises(RobotsDisallowed):
        fetcher.get(server.url("/news/1"))


def test_robots_404_allows_all(server: TestServer, settings: Settings) -> None:
    url = server.route("/news/1", Reply(body="ok"))
    with make(settings) as fetcher:
        assert fetcher.get(url).status == 200
    assert server.paths() == ["/robots.txt", "/news/1"]


def test_robots_500_is_try_later(server: TestServer, settings: Settings) -> None:
    server.route("/robots.txt", Reply(500, "down"))
    url = server.route("/news/1", Reply(body="ok"))
    with make(settings) as fetcher:
        for _ in range(2):
            with pytest.raises(TransientError, match=r"robots\.txt"):
                fetcher.get(url)
    assert "/news/1" not in server.paths()
    assert server.paths().count("/robots.txt") == settings.retries + 1  # the failure is cached a while


def test_robots_can_be_disabled(server: TestServer, settings: Settings) -> None:
    server.route("/robots.txt", Reply(body="User-agent: *\nDisallow: /\n", content_type="text/plain"))
    url = server.route("/news/1", Reply(body="ok"))
    with make(settings.model_copy(update={"respect_robots": False})) as fetcher:
        assert fetcher.get(url).status == 200
    assert server.paths() == ["/news/1"]


def test_redirect_hop_checked_against_robots(server: TestServer, settings: Settings) -> None:
    server.route("/robots.txt", Reply(body="User-agent: *\nDisallow: /secret\n", content_type="text/plain"))
    url = server.route("/go", Reply(302, headers={"Location": "/secret"}))
    with make(settings) as fetcher, pytest.raises(RobotsDisallowed):
        fetcher.get(url)
    assert "/secret" not in server.paths()


def test_crawl_delay_is_honoured(server: TestServer, settings: Settings) -> None:
    sleeps = Sleeps()
    server.route("/robots.txt", Reply(body="User-agent: *\nCrawl-delay: 5\n", content_type="text/plain"))
    url = server.route("/a", Reply(body="ok"))
    with make(settings, sleep=sleeps, clock=lambda: 1000.0) as fetcher:
        fetcher.get(url, delay=1.0)
    assert sleeps == [5.0]  # robots.txt at t=1000, the page 5 s later


# ---------------------------------------------------------------- size cap


def test_too_large_with_content_length(server: TestServer, settings: Settings) -> None:
    url = server.route("/big", Reply(body=b"a" * 12_000_000, content_type="text/plain"))
    with make(settings) as fetcher, pytest.raises(TooLarge):
        fetcher.get(url)


def test_too_large_chunked(server: TestServer, settings: Settings) -> None:
    def twelve_mb() -> Iterator[bytes]:
        for _ in range(12 * 16):
            yield b"a" * 65536

    url = server.route("/big", Reply(chunks=twelve_mb, content_type="text/plain"))
    with make(settings) as fetcher, pytest.raises(TooLarge):
        fetcher.get(url)


def test_endless_body_stops_at_cap(server: TestServer, settings: Settings) -> None:
    def endless() -> Iterator[bytes]:
        while True:
            yield b"<p>more</p>" * 1000

    small = settings.model_copy(update={"max_bytes": 500_000})
    url = server.route("/endless", Reply(chunks=endless))
    started = time.monotonic()
    with make(small) as fetcher, pytest.raises(TooLarge):
        fetcher.get(url)
    assert time.monotonic() - started < 5


@pytest.fixture(scope="module")
def gzip_bomb() -> bytes:
    """100 MB of zeros, about 100 KB gzipped."""
    z = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"\0" * (1 << 20)
    return b"".join(z.compress(block) for _ in range(100)) + z.flush()


def test_gzip_bomb_memory_bounded(server: TestServer, settings: Settings, gzip_bomb: bytes) -> None:
    capped = settings.model_copy(update={"max_bytes": 1_000_000})
    url = server.route("/bomb", Reply(body=gzip_bomb, headers={"Content-Encoding": "gzip"}))
    with make(capped) as fetcher:
        tracemalloc.start()
        try:
            with pytest.raises(TooLarge):
                fetcher.get(url)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert len(gzip_bomb) < 200_000
    assert peak < 10_000_000  # the body is 100 MB once inflated


def test_gzip_body_is_decoded(server: TestServer, settings: Settings) -> None:
    body = page(RUSSIAN).encode("utf-8")
    url = server.route("/gz", Reply(body=gzip.compress(body), headers={"Content-Encoding": "gzip"}))
    with make(settings) as fetcher:
        result = fetcher.get(url)
    assert result.content == body and RUSSIAN in result.text


def test_raw_deflate_body_is_decoded(server: TestServer, settings: Settings) -> None:
    body = b"<p>deflated</p>" * 50
    z = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    url = server.route("/d", Reply(body=z.compress(body) + z.flush(), headers={"Content-Encoding": "deflate"}))
    with make(settings) as fetcher:
        assert fetcher.get(url).content == body


# ---------------------------------------------------------------- redirects and private addresses


def test_redirect_followed(server: TestServer, settings: Settings) -> None:
    server.route("/old", Reply(301, headers={"Location": "/new?x=1"}))
    server.route("/new", Reply(body="<p>new</p>"))
    with make(settings) as fetcher:
        result = fetcher.get(server.url("/old"))
    assert result.final_url == server.url("/new?x=1") and result.url == server.url("/old")
    assert result.attempts == 2


def test_redirect_loop(server: TestServer, settings: Settings) -> None:
    server.route("/a", Reply(302, headers={"Location": "/b"}))
    server.route("/b", Reply(302, headers={"Location": "/a"}))
    with make(settings) as fetcher, pytest.raises(PermanentError, match="loop"):
        fetcher.get(server.url("/a"))
    assert server.paths().count("/a") == 1


def test_too_many_redirects(server: TestServer, settings: Settings) -> None:
    for i in range(10):
        server.route(f"/r{i}", Reply(302, headers={"Location": f"/r{i + 1}"}))
    with make(settings) as fetcher, pytest.raises(PermanentError, match="redirects"):
        fetcher.get(server.url("/r0"))
    assert server.paths().count("/r6") == 0  # max_redirects=5: /r0../r5 asked, no more


@pytest.mark.parametrize("target", ["http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/", "http://[::1]/"])
def test_redirect_to_private_address_refused(server: TestServer, settings: Settings, target: str) -> None:
    attempts: list[Attempt] = []
    url = server.route("/go", Reply(302, headers={"Location": target}))
    started = time.monotonic()
    with make(settings, on_attempt=attempts.append) as fetcher, pytest.raises(PermanentError, match="non-public"):
        fetcher.get(url)
    assert time.monotonic() - started < 1.5  # refused before any connection attempt
    assert all(a.url.startswith(server.base) for a in attempts)


def test_redirect_to_other_loopback_host_refused(server: TestServer, settings: Settings) -> None:
    url = server.route("/go", Reply(302, headers={"Location": f"http://127.0.0.2:{server.port}/x"}))
    attempts: list[Attempt] = []
    with make(settings, on_attempt=attempts.append) as fetcher, pytest.raises(PermanentError, match="127.0.0.2"):
        fetcher.get(url)
    assert [a.url for a in attempts if "127.0.0.2" in a.url] == []


def test_private_initial_url_not_allowed(server: TestServer, settings: Settings) -> None:
    with make(settings, allowed_private_hosts=["127.0.0.1"]) as fetcher, pytest.raises(PermanentError):
        fetcher.get(f"http://localhost:{server.port}/a")  # localhost resolves to loopback, not named
    assert server.hits == []


def test_public_name_resolving_private_refused(settings: Settings) -> None:
    resolve = lambda host, port: ["93.184.216.34", "10.1.2.3"]  # noqa: E731 - a public name with a private address
    with make(settings, resolve=resolve) as fetcher, pytest.raises(PermanentError, match="10.1.2.3"):
        fetcher.get("http://news.example.com/a")


def test_allowed_named_host_reached(server: TestServer, settings: Settings) -> None:
    url = server.route("/a", Reply(body="ok"))
    with make(settings, allowed_private_hosts=["localhost"]) as fetcher:
        assert fetcher.get(url.replace("127.0.0.1", "localhost")).status == 200


# ---------------------------------------------------------------- challenge pages


JUST_A_MOMENT = (
    "<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
    "<script>window._cf_chl_opt={cType:'managed'};</script></body></html>"
)
MID_WALL = "<html><head><script>var bobcmn = 'x';</script></head><body>Data processing... Please, wait.</body></html>"


@pytest.mark.parametrize(
    "reply",
    [
        Reply(200, JUST_A_MOMENT),
        Reply(403, JUST_A_MOMENT, headers={"Server": "cloudflare"}),
        Reply(503, JUST_A_MOMENT),
        Reply(200, MID_WALL),
        Reply(403, "<html><body>blocked</body></html>", headers={"cf-mitigated": "challenge"}),
        Reply(200, "<html><body><script>window.location='/check?t=1'</script></body></html>"),
    ],
)
def test_challenge_is_blocked(server: TestServer, settings: Settings, reply: Reply) -> None:
    url = server.route("/a", reply)
    with make(settings) as fetcher, pytest.raises(BlockedError) as info:
        fetcher.get(url)
    assert info.value.status == reply.status
    assert server.paths().count("/a") == 1  # a block is not retried


def test_plain_403_is_permanent_not_blocked(server: TestServer, settings: Settings) -> None:
    url = server.route("/a", Reply(403, "<html><body><h1>Forbidden</h1></body></html>"))
    with make(settings) as fetcher, pytest.raises(PermanentError) as info:
        fetcher.get(url)
    assert info.value.status == 403


# ---------------------------------------------------------------- politeness and logging


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_per_host_delay(server: TestServer, settings: Settings) -> None:
    sleeps, clock = Sleeps(), FakeClock()
    url = server.route("/a", Reply(body="ok"))
    other = url.replace("127.0.0.1", "localhost")
    no_robots = settings.model_copy(update={"respect_robots": False})
    with make(no_robots, sleep=sleeps, clock=clock) as fetcher:
        fetcher.get(url, delay=2.0)
        assert sleeps == []
        clock.now += 0.5
        fetcher.get(url, delay=2.0)
        assert sleeps == [1.5]
        fetcher.get(other, delay=2.0)  # another host does not wait
        assert sleeps == [1.5]
        clock.now += 10
        fetcher.get(url, delay=2.0)
        assert sleeps == [1.5]


def test_attempts_are_logged(server: TestServer, settings: Settings, caplog: pytest.LogCaptureFixture) -> None:
    url = server.route("/a", [Reply(502), Reply(body="ok")])
    with caplog.at_level(logging.INFO, logger="diplowatch.fetch"), make(settings) as fetcher:
        fetcher.get(url)
    messages = [r.getMessage() for r in caplog.records if r.name == "diplowatch.fetch"]
    assert any("HTTP 502" in m for m in messages) and any("-> 200" in m for m in messages)


def test_threads_share_robots_and_host_delay(server: TestServer, settings: Settings) -> None:
    arrivals: list[float] = []

    def timed(request: Request) -> Reply:
        arrivals.append(time.monotonic())
        return Reply(body="ok")

    server.route("/robots.txt", Reply(body="User-agent: *\nAllow: /\n", content_type="text/plain"))
    url = server.route("/a", timed)
    with Fetcher(settings, allowed_private_hosts=ALLOWED) as fetcher:  # real sleep and clock
        threads = [threading.Thread(target=fetcher.get, args=(url,), kwargs={"delay": 0.1}) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=10)
    assert server.paths().count("/robots.txt") == 1 and len(arrivals) == 4
    gaps = [b - a for a, b in zip(sorted(arrivals), sorted(arrivals)[1:], strict=False)]
    assert min(gaps) >= 0.08


def test_robots_challenge_blocks_the_host(server: TestServer, settings: Settings) -> None:
    server.route("/robots.txt", Reply(403, JUST_A_MOMENT))
    url = server.route("/a", Reply(body="ok"))
    with make(settings) as fetcher, pytest.raises(BlockedError, match=r"robots\.txt"):
        fetcher.get(url)
    assert "/a" not in server.paths()


def test_robots_failure_is_retried_after_a_while(server: TestServer, settings: Settings) -> None:
    clock = FakeClock()
    server.route("/robots.txt", [Reply(503), Reply(503), Reply(503), Reply(body="User-agent: *\nAllow: /\n")])
    url = server.route("/a", Reply(body="ok"))
    with make(settings, clock=clock) as fetcher:
        with pytest.raises(TransientError) as info:
            fetcher.get(url)
        assert info.value.retry_after == 300.0
        clock.now += 301
        assert fetcher.get(url).status == 200


def test_robots_reread_after_a_day(server: TestServer, settings: Settings) -> None:
    clock = FakeClock()
    server.route("/robots.txt", [Reply(body="User-agent: *\nAllow: /\n"), Reply(body="User-agent: *\nDisallow: /\n")])
    url = server.route("/a", Reply(body="ok"))
    with make(settings, clock=clock) as fetcher:
        assert fetcher.get(url).status == 200
        clock.now += 3600
        assert fetcher.get(url).status == 200  # still the cached rules
        clock.now += 86400
        with pytest.raises(RobotsDisallowed):
            fetcher.get(url)
    assert server.paths().count("/robots.txt") == 2
