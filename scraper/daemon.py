"""The background daemon: APScheduler 3.x, one job per enabled source.

Every job has ``max_instances=1`` (a run never overlaps the next run of the same source)
and ``coalesce=True`` (runs missed while the process was down catch up once). SIGTERM and
SIGINT stop the scheduler, tell in-flight crawls to stop between pages, and exit 0.
A lock file beside a SQLite database refuses a second daemon on the same file.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import signal
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy.engine import make_url

from config.catalog import Catalog, Source
from config.settings import Settings
from scraper.crawl import CrawlRequest, EntryValidators, crawl_source
from scraper.errors import ConfigError
from scraper.fetch import Fetcher
from storage.store import Store

log = logging.getLogger("diplowatch.daemon")

#: the longest a blocked source waits before it is tried again
MAX_BLOCKED_BACKOFF = 24 * 3600.0


def sqlite_path(database_url: str) -> Path | None:
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database).resolve()


@contextlib.contextmanager
def single_daemon_lock(database_url: str) -> Iterator[None]:
    """Hold an exclusive lock on ``<db>.lock`` for SQLite; PostgreSQL needs none here."""
    path = sqlite_path(database_url)
    if path is None:
        yield
        return
    lock_path = path.with_name(path.name + ".lock")
    handle: IO[str] = lock_path.open("a+")
    try:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ConfigError(
                f"another diplowatch daemon is already running on {path} (lock {lock_path} is held)"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        yield
    finally:
        handle.close()


class Daemon:
    """Owns the scheduler, the shared Fetcher and Store, and the stop event."""

    def __init__(self, settings: Settings, catalog: Catalog, store: Store) -> None:
        self.settings = settings
        self.catalog = catalog
        self.store = store
        self.stop_event = threading.Event()
        #: who holds a lease: host, process and a nonce, so a restarted process is a new holder
        self.holder = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.validators = EntryValidators(store=store)
        #: per source: (monotonic time before which it is not tried, backoff level)
        self.blocked: dict[str, tuple[float, int]] = {}
        # politeness delays and retry backoff wait on the stop event, so SIGTERM ends them at once
        self.fetcher = Fetcher(settings, allowed_private_hosts=catalog.hosts, sleep=self._interruptible_sleep)

    def _interruptible_sleep(self, seconds: float) -> None:
        self.stop_event.wait(max(0.0, seconds))

    def crawl(self, source: Source) -> None:
        """One run of one source, under its lease: several daemons on one database never overlap."""
        if self.stop_event.is_set():
            return
        until, level = self.blocked.get(source.name, (0.0, 0))
        if time.monotonic() < until:
            log.info("%s: backing off after challenge pages (%.0f s left)", source.name, until - time.monotonic())
            return
        ttl = self.settings.lease_ttl
        if not self.store.acquire_lease(source.name, self.holder, ttl):
            log.debug("%s: crawled by another process now; skipping this turn", source.name)
            return
        try:
            stats = crawl_source(
                source,
                settings=self.settings,
                store=self.store,
                fetcher=self.fetcher,
                request=CrawlRequest(mode="run"),
                validators=self.validators,
                stop=self.stop_event,
                keep_going=lambda: self.store.acquire_lease(source.name, self.holder, ttl),
            )
        finally:
            self.store.release_lease(source.name, self.holder)
        if stats.outcome == "blocked":
            # a site that answers with challenge pages is asked less and less often, not hammered
            wait = min(source.interval * 2 ** (level + 1), MAX_BLOCKED_BACKOFF)
            self.blocked[source.name] = (time.monotonic() + wait, level + 1)
            log.warning("%s: blocked by a challenge page; next try in %.0f s", source.name, wait)
        else:
            self.blocked.pop(source.name, None)

    def run_once(self) -> None:
        """Every enabled source once, in catalog order; used by ``run --once``."""
        for source in self.catalog.enabled:
            if self.stop_event.is_set():
                break
            self.crawl(source)

    def run_forever(self) -> None:
        scheduler = BackgroundScheduler(
            executors={"default": ThreadPoolExecutor(max_workers=4)},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
            timezone=UTC,
        )
        now = datetime.now(UTC)
        for source in self.catalog.enabled:
            scheduler.add_job(
                self.crawl,
                IntervalTrigger(seconds=source.interval, jitter=self.settings.schedule_jitter or None),
                args=[source],
                id=source.name,
                name=source.name,
                next_run_time=now,
            )
        self._install_signal_handlers()
        scheduler.start()
        log.info("daemon started: %d sources scheduled", len(self.catalog.enabled))
        try:
            while not self.stop_event.wait(1.0):
                pass
        finally:
            log.info("stopping: waiting for in-flight pages to finish")
            scheduler.shutdown(wait=True)
            self.close()
            log.info("daemon stopped")

    def _install_signal_handlers(self) -> None:
        def stop(signum: int, _frame: object) -> None:
            log.info("received %s", signal.Signals(signum).name)
            self.stop_event.set()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)

    def close(self) -> None:
        self.fetcher.close()
