"""Three `diplowatch run` processes on one PostgreSQL database, one killed mid-run.

Each source is crawled by one process at a time (a lease in the database with expiry); the
killed process's sources are taken over once its lease expires; every article ends stored
once, and no article page is fetched twice except those the killed process was fetching (one per source).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from storage.store import Store
from tests import pgtest
from tests.e2e.conftest import REPO
from tests.sitesrv import SiteServer

pytestmark = pytest.mark.postgres


def wait_for(check: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def test_three_daemons_share_the_sources_and_survive_one_killed(tmp_path: Path, site: SiteServer) -> None:
    reason = pgtest.unreachable_reason()
    if reason:
        pytest.skip(reason)
    catalog = tmp_path / "sources.toml"
    catalog.write_text(site.catalog_toml(delay=0.05, interval="2s"), encoding="utf-8")
    article_urls = {site.url_for(page.doc_id) for page in site.documents}
    article_paths = {u.removeprefix(site.base_url) for u in article_urls}

    with pgtest.fresh_schema() as db_url:
        Store(db_url).close()  # migrate once, before the race
        env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOWATCH_")}
        env.update(
            {
                "DIPLOWATCH_DATABASE_URL": db_url,
                "DIPLOWATCH_SOURCES": str(catalog),
                "DIPLOWATCH_LEASE_TTL": "3",
                "DIPLOWATCH_SCHEDULE_JITTER": "0",
                "PYTHONPATH": str(REPO),
            }
        )
        engine = sa.create_engine(db_url)

        def stored() -> int:
            with engine.connect() as conn:
                return int(conn.execute(sa.text("SELECT COUNT(*) FROM articles")).scalar_one())

        procs = [
            subprocess.Popen(
                [sys.executable, "-m", "scraper.cli", "run"],
                cwd=tmp_path,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(3)
        ]
        try:
            wait_for(lambda: stored() >= 5, 60, "the first articles")
            procs[0].send_signal(signal.SIGKILL)
            procs[0].wait(timeout=10)
            wait_for(lambda: stored() >= len(article_urls), 150, "every article stored by the survivors")
            for proc in procs[1:]:
                proc.send_signal(signal.SIGTERM)
            for proc in procs[1:]:
                proc.wait(timeout=20)
                assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
        finally:
            for proc in procs:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait()
            engine.dispose()

        with Store(db_url) as store:
            assert all(store.known_url(u) for u in article_urls)
        fetched = Counter(path for method, path, status in site.requests if method == "GET" and path in article_paths)
        twice = {path: n for path, n in fetched.items() if n > 1}
        assert set(fetched) == article_paths
        # the killed process runs up to four sources at once (its worker threads): at most the one
        # page it was fetching in each may come again, and never twice
        sections = Counter("/".join(path.split("/")[:3]) for path in twice)
        assert all(n == 2 for n in twice.values()), twice
        assert all(n == 1 for n in sections.values()), f"two pages of one source fetched twice: {twice}"
        assert len(twice) <= 4, twice
