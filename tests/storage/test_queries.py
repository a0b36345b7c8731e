"""queries.py on SQLite and PostgreSQL: filters, one meeting with history, source health, read-only."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from storage import queries
from storage.queries import Reader
from storage.store import RunStats, Store
from tests.storage.helpers import D_SEED, ingest, meeting, person

BAYRAMOV = person("Jeyhun Bayramov", "AZ")
GURBANOV = person("Ahmet Gurbanov", "TM")


@pytest.fixture
def filled(store: Store) -> Store:
    """Four meetings: AZ–TM (en + ru report), AZ–TM–KZ multilateral, AZ–TR call, TM–TR visit."""
    ingest(store, "https://report.az/en/1", "one", [meeting(people=(BAYRAMOV, GURBANOV), evidence="met")])
    ingest(store, "https://ru.trend.az/2", "two", [meeting(people=(person("Джейхун Байрамов", "AZ"),
                                                                   person("Ахмет Гурбанов", "TM")))],
           outlet="trend.az", language="ru")
    ingest(store, "https://report.az/en/3", "three", [
        meeting(day=D_SEED - timedelta(days=10), kind="multilateral", countries=("AZ", "KZ", "TM")),
        meeting(day=D_SEED + timedelta(days=5), kind="phone_call", countries=("AZ", "TR"),
                people=(BAYRAMOV, person("Hakan Fidan", "TR"))),
    ])
    ingest(store, "https://orient.tm/4", "four", [
        meeting(day=D_SEED + timedelta(days=20), kind="visit", countries=("TM", "TR"),
                people=(person("Ahmet Gurbanow", "TM"), person("Hakan Fidan", "TR"))),
    ], outlet="orient.tm")
    return store


def _kinds(rows: list[dict[str, object]]) -> list[object]:
    return [r["kind"] for r in rows]


def test_list_meetings_contract(filled: Store) -> None:
    rows = queries.list_meetings(filled)
    assert _kinds(rows) == ["visit", "phone_call", "meeting", "multilateral"]  # newest first
    m = rows[2]
    assert set(m) >= {"id", "date", "end_date", "date_exact", "kind", "countries", "location", "participants",
                      "topics", "evidence", "sources"}
    assert m["date"] == "2026-02-27" and m["countries"] == ["AZ", "TM"]
    assert {s["url"] for s in m["sources"]} == {"https://report.az/en/1", "https://ru.trend.az/2"}
    assert {s["language"] for s in m["sources"]} == {"en", "ru"}
    assert all(set(s) >= {"url", "outlet", "published", "title", "evidence"} for s in m["sources"])


def test_country_filter_means_all_take_part(filled: Store) -> None:
    assert _kinds(queries.list_meetings(filled, countries=["AZ", "TM"])) == ["meeting", "multilateral"]
    assert _kinds(queries.list_meetings(filled, countries=["tr"])) == ["visit", "phone_call"]
    assert queries.list_meetings(filled, countries=["AZ", "TM", "TR"]) == []


def test_date_kind_and_limit_filters(filled: Store) -> None:
    assert _kinds(queries.list_meetings(filled, since=D_SEED, until=D_SEED + timedelta(days=5))) == [
        "phone_call", "meeting"]
    assert _kinds(queries.list_meetings(filled, until=D_SEED - timedelta(days=1))) == ["multilateral"]
    assert _kinds(queries.list_meetings(filled, kind="visit")) == ["visit"]
    assert len(queries.list_meetings(filled, limit=2)) == 2


@pytest.mark.parametrize("spelling", ["Gurbanov", "Gurbanow", "Гурбанов", "Ahmet Gurbanov", "GURBANOV",
                                      "Гурбанов Ахмет"])
def test_person_filter_across_spellings(filled: Store, spelling: str) -> None:
    assert _kinds(queries.list_meetings(filled, person=spelling)) == ["visit", "meeting"]


def test_person_filter_respects_first_name(filled: Store) -> None:
    assert queries.list_meetings(filled, person="Serdar Gurbanov") == []
    assert _kinds(queries.list_meetings(filled, person="Фидан", kind="phone_call")) == ["phone_call"]


def test_get_meeting_with_sources_and_history(filled: Store) -> None:
    mid = queries.list_meetings(filled, kind="meeting")[0]["id"]
    m = queries.get_meeting(filled, mid)
    assert m is not None and m["id"] == mid
    assert len(m["sources"]) == 2 and all(s["active"] for s in m["sources"])
    assert m["sources"][1]["reason"].startswith("same event")
    assert [v["version"] for v in m["versions"]] == [1]
    assert queries.get_meeting(filled, 999_999) is None


def test_source_status_flags(store: Store) -> None:
    for _ in range(3):
        store.finish_run(store.start_run("down", "run"), RunStats(outcome="failed", errors=["connect error"]))
    for _ in range(2):
        store.finish_run(store.start_run("layout", "run"), RunStats(outcome="empty"))
    for _ in range(5):
        store.finish_run(store.start_run("parser", "run"), RunStats(fetched=3, new_articles=3))
    store.finish_run(store.start_run("fine", "run"), RunStats(fetched=3, new_articles=3, meetings_found=2))
    status = {s["source"]: s for s in queries.source_status(store)}
    assert status["down"]["flags"] == ["failing"] and status["down"]["errors"] == ["connect error"]
    assert status["layout"]["flags"] == ["empty"]
    assert status["parser"]["flags"] == ["no_meetings"]
    assert status["fine"]["flags"] == [] and status["fine"]["meetings_found"] == 2
    assert status["fine"]["last_run"] is not None and status["down"]["consecutive_failures"] == 3


def test_stats(filled: Store) -> None:
    s = queries.stats(filled)
    assert (s["meetings"], s["articles"], s["meeting_sources"]) == (4, 4, 5)


def test_reader_by_url_cannot_write(filled: Store) -> None:
    with Reader(filled.url) as reader:
        assert len(reader.list_meetings(countries=["AZ"])) == 3
        assert reader.get_meeting(1) is not None
        with pytest.raises(DBAPIError), reader.engine.begin() as conn:
            conn.execute(text("DELETE FROM meeting_versions"))
    assert len(queries.list_meetings(filled.url, person="Гурбанов")) == 2  # a URL opens a Reader's engine


def test_retracted_meetings_are_hidden_unless_asked(store: Store) -> None:
    ingest(store, "https://report.az/en/1", "one", [meeting(people=(BAYRAMOV, GURBANOV))])
    ingest(store, "https://report.az/en/1", "one, corrected: no meeting after all", [])
    assert queries.list_meetings(store) == []
    gone = queries.list_meetings(store, include_retracted=True)
    assert [m["status"] for m in gone] == ["retracted"]
    history = queries.get_meeting(store, gone[0]["id"])
    assert history is not None and [v["changes"] for v in history["versions"]][-1] == {
        "status": ["active", "retracted"]}
    assert history["sources"][0]["active"] is False


def test_date_filter_uses_the_span(store: Store) -> None:
    visit = meeting(day=date(2026, 3, 1), kind="visit", people=(BAYRAMOV,))
    visit = dataclasses.replace(visit, end_date=date(2026, 3, 4))
    ingest(store, "https://report.az/en/v", "visit", [visit])
    assert len(queries.list_meetings(store, since=date(2026, 3, 3))) == 1
    assert queries.list_meetings(store, since=date(2026, 3, 5)) == []


def test_reading_before_the_first_run(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'none.db'}"
    assert queries.list_meetings(url) == [] and queries.source_status(url) == []
    assert queries.get_meeting(url, 1) is None and queries.stats(url)["meetings"] == 0
    assert not (tmp_path / "none.db").exists()  # a reader never creates a database


def test_published_times_are_kept_in_utc(store: Store) -> None:
    from datetime import datetime, timezone

    from tests.storage.helpers import article, fetch

    baku = timezone(timedelta(hours=4))
    page = store.record_page("r", fetch("https://report.az/en/t", "t"))
    art = article("https://report.az/en/t", "Timed text.")
    art = type(art)(url=art.url, title=art.title, text=art.text, published=datetime(2026, 2, 27, 10, 0, tzinfo=baku))
    saved = store.record_article(page.page_id, "r", "report.az", art)
    store.record_meetings(saved.version_id, [meeting(people=(BAYRAMOV, GURBANOV))], parser_version="t")
    assert queries.list_meetings(store)[0]["sources"][0]["published"] == "2026-02-27T06:00:00+00:00"
