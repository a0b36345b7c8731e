"""Source leases on both databases: one holder at a time, takeover after expiry, races."""

from __future__ import annotations

import threading
import time

from sqlalchemy import func, select

from storage import migrate
from storage.schema import Base
from storage.store import Store
from tests.storage.helpers import ingest_eval


def test_one_holder_until_release_or_expiry(store: Store) -> None:
    assert store.acquire_lease("report_az_en", "host-a:1", ttl=60)
    assert not store.acquire_lease("report_az_en", "host-b:2", ttl=60)
    assert store.acquire_lease("report_az_en", "host-a:1", ttl=60)  # renewal by the holder
    assert store.acquire_lease("trend_az_en", "host-b:2", ttl=60)  # other sources are free
    store.release_lease("report_az_en", "host-b:2")  # not the holder: nothing happens
    assert not store.acquire_lease("report_az_en", "host-b:2", ttl=60)
    store.release_lease("report_az_en", "host-a:1")
    assert store.acquire_lease("report_az_en", "host-b:2", ttl=60)


def test_an_expired_lease_is_taken_over(store: Store) -> None:
    assert store.acquire_lease("mid_ru_ru", "dead:1", ttl=0.05)
    time.sleep(0.1)
    assert store.acquire_lease("mid_ru_ru", "alive:2", ttl=60)
    assert not store.acquire_lease("mid_ru_ru", "dead:1", ttl=60)  # the dead one cannot come back


def test_racing_processes_get_one_lease(db_url: str) -> None:
    stores = [Store(db_url) for _ in range(4)]
    try:
        barrier = threading.Barrier(len(stores))
        won: list[bool] = [False] * len(stores)

        def take(i: int) -> None:
            barrier.wait()
            won[i] = stores[i].acquire_lease("kremlin_en", f"p{i}", ttl=60)

        threads = [threading.Thread(target=take, args=(i,)) for i in range(len(stores))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sum(won) == 1
    finally:
        for s in stores:
            s.close()


def test_upgrade_from_the_previous_revision_keeps_the_data(db_url: str) -> None:
    ingest_eval(db_url)
    with Store(db_url) as store:
        tables = [t for t in Base.metadata.tables.values() if t.name not in ("leases", "entry_points")]

        def counts() -> dict[str, int]:
            with store.engine.connect() as conn:
                return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in tables}

        before = counts()
        assert before["meetings"] > 0
        migrate.downgrade(store.engine, "0001")
        migrate.upgrade(store.engine)
        assert counts() == before
        assert store.acquire_lease("x", "y", ttl=1)
