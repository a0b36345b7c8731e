"""The daemon's per-source rules: leases keep processes apart; challenge pages back a source off."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from config.catalog import Catalog, Source
from config.settings import Settings
from scraper.daemon import Daemon, single_daemon_lock
from scraper.errors import ConfigError
from storage.store import Store
from tests.httpfixture import Reply, TestServer, running_server

CHALLENGE = "<html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>"


@pytest.fixture
def server() -> Iterator[TestServer]:
    with running_server() as srv:
        srv.route("/robots.txt", Reply(404))
        yield srv


@pytest.fixture
def daemon(server: TestServer, tmp_path: Path) -> Iterator[Daemon]:
    source = Source(
        name="walled",
        outlet="Walled",
        language="en",
        article_pattern="/news/",
        feeds=(server.url("/rss.xml"),),
        delay=0.0,
        interval=600.0,
    )
    settings = Settings(backoff_base=0.0, backoff_max=0.0, retries=0, lease_ttl=60)
    store = Store(f"sqlite:///{tmp_path / 'daemon.db'}")
    d = Daemon(settings, Catalog((source,)), store)
    try:
        yield d
    finally:
        d.close()
        store.close()


def feed_requests(server: TestServer) -> int:
    return server.paths().count("/rss.xml")


def test_a_blocked_source_backs_off(daemon: Daemon, server: TestServer) -> None:
    server.route("/rss.xml", Reply(200, CHALLENGE))
    source = daemon.catalog.get("walled")
    daemon.crawl(source)
    assert feed_requests(server) == 1
    _until, level = daemon.blocked["walled"]
    assert level == 1
    daemon.crawl(source)  # the next turn comes before the backoff ends: no request at all
    assert feed_requests(server) == 1
    daemon.blocked["walled"] = (0.0, level)  # the backoff has passed; the site answers again
    server.route(
        "/rss.xml",
        Reply(
            200, '<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', content_type="application/rss+xml"
        ),
    )
    daemon.crawl(source)
    assert feed_requests(server) == 2
    assert "walled" not in daemon.blocked


def test_a_source_leased_by_another_process_is_left_alone(daemon: Daemon, server: TestServer) -> None:
    server.route(
        "/rss.xml",
        Reply(
            200, '<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', content_type="application/rss+xml"
        ),
    )
    assert daemon.store.acquire_lease("walled", "another-host:1", ttl=60)
    daemon.crawl(daemon.catalog.get("walled"))
    assert feed_requests(server) == 0
    daemon.store.release_lease("walled", "another-host:1")
    daemon.crawl(daemon.catalog.get("walled"))
    assert feed_requests(server) == 1
    # the daemon gave its lease back at the end of the run
    assert daemon.store.acquire_lease("walled", "another-host:1", ttl=60)


def test_one_daemon_per_sqlite_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'one.db'}"
    with single_daemon_lock(url), pytest.raises(ConfigError, match="already running"), single_daemon_lock(url):
        pass
    with single_daemon_lock(url):  # released when the first one ended
        pass
