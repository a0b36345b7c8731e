"""Property tests of the writer (SQLite): any batch of reports, written twice, changes nothing the second time."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from scraper.meetings.model import MeetingRecord, Participant
from storage.schema import Base
from storage.store import Store
from tests.storage.helpers import D_SEED, ingest

_ids = itertools.count()
NAMES = [("Jeyhun Bayramov", "AZ"), ("Джейхун Байрамов", "AZ"), ("Ahmet Gurbanov", "TM"), ("Гурбанов", "TM"),
         ("Rashid Meredov", "TM"), ("Samir Sharifov", "AZ"), (None, "TM")]
record = st.builds(
    lambda days, kind, people: MeetingRecord(
        date=D_SEED + timedelta(days=days), kind=kind, countries=("AZ", "TM"),
        participants=tuple(Participant(n, None, c) for n, c in people),
    ),
    st.integers(0, 3),
    st.sampled_from(["meeting", "consultations", "phone_call", "visit"]),
    st.lists(st.sampled_from(NAMES), max_size=3, unique=True),
)
articles = st.lists(st.lists(record, max_size=3), min_size=1, max_size=4)


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path: Path = tmp_path_factory.mktemp("prop") / "p.db"
    with Store(f"sqlite:///{path}") as store:
        yield store


def _counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {t: conn.execute(select(func.count()).select_from(Base.metadata.tables[t])).scalar_one()
                for t in ("articles", "meetings", "meeting_sources", "meeting_versions", "people", "person_aliases")}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(articles)
def test_second_write_changes_nothing(shared_store: Store, batch: list[list[MeetingRecord]]) -> None:
    run = next(_ids)
    urls = [f"https://prop.example/{run}/{i}" for i in range(len(batch))]
    before = _counts(shared_store)
    seen: list[set[int]] = []
    for url, records in zip(urls, batch, strict=True):
        version_id, _ = ingest(shared_store, url, f"text {url}", records)
        with shared_store.engine.connect() as conn:
            linked = conn.execute(select(Base.metadata.tables["meeting_sources"].c.meeting_id).where(
                Base.metadata.tables["meeting_sources"].c.article_version_id == version_id)).scalars().all()
        assert len(linked) == len(set(linked)) == len(records)  # one record per meeting per article
        seen.append(set(linked))
    first = _counts(shared_store)
    assert first["articles"] - before["articles"] == len(batch)
    assert first["meeting_sources"] - before["meeting_sources"] == sum(len(r) for r in batch)
    for url, records in zip(urls, batch, strict=True):
        _, statuses = ingest(shared_store, url, f"text {url}", records)
        assert set(statuses) <= {"same"}
    assert _counts(shared_store) == first
