"""store.py on SQLite and PostgreSQL: pages, articles, meetings, history, idempotence, concurrency."""

from __future__ import annotations

import dataclasses
import json
import threading
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, inspect, select, text

from storage import migrate
from storage.schema import Base
from storage.store import RunStats, Store
from tests.storage.helpers import D_SEED, article, fetch, ingest, meeting, not_modified, person, save

T = Base.metadata.tables
TABLES = sorted(T)


def counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {t: conn.execute(select(func.count()).select_from(T[t])).scalar_one() for t in TABLES}


def scalar(store: Store, sql: str, **params: Any) -> Any:
    with store.engine.connect() as conn:
        return conn.execute(text(sql), params).scalar()


BAYRAMOV = person("Jeyhun Bayramov", "AZ", "Minister of Foreign Affairs")
GURBANOV = person("Ahmet Gurbanov", "TM", "Deputy Minister of Foreign Affairs")
SHARIFOV = person("Samir Sharifov", "AZ")
MEETING = meeting(people=(BAYRAMOV, GURBANOV), evidence="Bayramov met Gurbanov.")
CONSULT = meeting(kind="consultations", people=(SHARIFOV, GURBANOV), evidence="Consultations were held.")
RU_MEETING = meeting(
    countries=("TM", "AZ"),
    people=(person("Джейхун Байрамов", "AZ"), person("Ахмет Гурбанов", "TM")),
    evidence="Байрамов встретился с Гурбановым.",
)


# ------------------------------------------------------------------------------ migrations


def test_migrates_an_empty_database(db_url: str) -> None:
    with Store(db_url) as store:
        insp = inspect(store.engine)
        assert set(TABLES) <= set(insp.get_table_names())
        assert {"v_meetings", "v_meeting_sources", "v_participants"} <= set(insp.get_view_names())
        with store.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision() == "0003"
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == [], f"migrations and schema.py differ: {diff}"
        if store.engine.dialect.name == "sqlite":
            assert scalar(store, "PRAGMA journal_mode") == "wal"
            assert scalar(store, "PRAGMA foreign_keys") == 1
    with Store(db_url) as again:  # a second start finds nothing to do
        assert counts(again)["pages"] == 0


def test_upgrade_from_every_earlier_revision(db_url: str) -> None:
    """base → each revision → head; and back down to an empty database."""
    from alembic.script import ScriptDirectory

    revisions = [r.revision for r in ScriptDirectory.from_config(migrate.alembic_config()).walk_revisions()][::-1]
    assert revisions[-1] == migrate.head_revision()
    with Store(db_url) as store:
        for rev in revisions:
            migrate.downgrade(store.engine, "base")
            assert "meetings" not in inspect(store.engine).get_table_names()
            assert "v_meetings" not in inspect(store.engine).get_view_names()
            migrate.upgrade(store.engine, rev)
            migrate.upgrade(store.engine)
            with store.engine.connect() as conn:
                assert migrate.current_revision(conn) == migrate.head_revision()
            assert "v_meetings" in inspect(store.engine).get_view_names()


# ------------------------------------------------------------------------------ pages


def test_same_page_twice_is_one_row(store: Store) -> None:
    url = "https://report.az/en/news/1"
    first = store.record_page("report", fetch(url, "<p>one</p>", etag='"v1"'))
    assert store.validators(url) == (None, None)  # no article yet: no conditional GET
    save(store, first.page_id, "report", "report.az", article(url, "One."))
    again = store.record_page("report", fetch(url + "?utm_source=rss", "<p>one</p>", etag='"v1"'))
    assert (first.status, again.status) == ("new", "same") and first.page_id == again.page_id
    assert counts(store)["pages"] == 1
    assert store.validators(url) == ('"v1"', "Fri, 27 Feb 2026 10:00:00 GMT")
    assert store.validators("https://report.az/en/news/2") == (None, None)


def test_a_page_stored_but_never_processed_comes_back_as_new(store: Store) -> None:
    """kill -9 between record_page and record_article: the resumed crawl must not skip the page."""
    url = "https://report.az/en/news/1"
    first = store.record_page("report", fetch(url, "<p>one</p>", etag='"v1"'))
    again = store.record_page("report", fetch(url, "<p>one</p>", etag='"v1"'))
    assert (first.status, again.status) == ("new", "new") and first.page_id == again.page_id
    assert counts(store)["pages"] == 1 and store.validators(url) == (None, None)


def test_changed_page_is_a_new_version(store: Store) -> None:
    url = "https://report.az/en/news/1"
    first = store.record_page("report", fetch(url, "<p>one</p>"))
    save(store, first.page_id, "report", "report.az", article(url, "One."))
    changed = store.record_page("report", fetch(url, "<p>one, corrected</p>", etag='"v2"'))
    assert changed.status == "changed" and changed.page_id != first.page_id
    assert store.validators(url)[0] == '"v2"'
    unchanged = store.record_page("report", not_modified(url))
    assert unchanged == type(unchanged)(changed.page_id, "not_modified")
    assert counts(store)["pages"] == 2
    pages = list(store.stored_pages())
    assert [p.content for p in pages] == [b"<p>one, corrected</p>"]  # latest per URL, decompressed
    stored = scalar(store, "SELECT body_size FROM pages WHERE id = :i", i=first.page_id)
    assert stored == len(b"<p>one</p>")


def test_not_modified_for_an_unknown_url_is_an_error(store: Store) -> None:
    with pytest.raises(ValueError):
        store.record_page("report", not_modified("https://report.az/never"))


# ------------------------------------------------------------------------------ articles


def test_article_at_several_urls_is_one_article(store: Store) -> None:
    text_ = "Bayramov met Gurbanov in Baku."
    base = "https://report.az/en/news/baku-talks"
    variants = [base, base + "?utm_source=fb&fbclid=1", "https://report.az/amp/en/news/baku-talks", base + "/print",
                "HTTPS://REPORT.AZ:443/en/news/baku-talks/#top"]
    saved = []
    for url in variants:
        page = store.record_page("report", fetch(url, f"<html>{text_}</html>"))
        saved.append(save(store, page.page_id, "report", "report.az", article(url, text_)))
    assert [s.status for s in saved] == ["new", "same", "same", "same", "same"]
    assert len({s.article_id for s in saved}) == 1
    assert counts(store)["articles"] == 1 and counts(store)["article_versions"] == 1
    assert all(store.known_url(u) for u in variants)
    assert not store.known_url("https://report.az/en/news/other")


def test_declared_canonical_url_joins_a_mirror(store: Store) -> None:
    canon = "https://report.az/en/news/1"
    a = save(store, store.record_page("r", fetch(canon, "a")).page_id, "r", "report.az",
                             article(canon, "Text one."))
    mirror = "https://mirror.example/report/1"
    b = save(store, store.record_page("r", fetch(mirror, "a")).page_id, "r", "report.az",
                             article(mirror, "Text one, slightly edited.", canonical=canon))
    assert b.article_id == a.article_id and b.status == "changed"
    assert store.known_url(mirror)


def test_same_text_elsewhere_is_a_duplicate(store: Store) -> None:
    text_ = "Azerbaijan and Turkmenistan held political consultations."
    a_url, b_url = "https://report.az/en/news/1", "https://trend.az/world/2"
    a = save(store, store.record_page("report", fetch(a_url, "x")).page_id, "report", "report.az",
                             article(a_url, text_))
    b = save(store, store.record_page("trend", fetch(b_url, "y")).page_id, "trend", "trend.az",
                             article(b_url, "  " + text_.replace(" ", "\n ") + "\n"))
    assert b.status == "duplicate" and (b.article_id, b.version_id) == (a.article_id, a.version_id)
    assert counts(store)["articles"] == 1
    assert store.known_url(b_url)
    assert scalar(store, "SELECT relation FROM article_urls WHERE url = :u", u=b_url) == "duplicate"


def test_changed_text_is_a_new_version(store: Store) -> None:
    url = "https://report.az/en/news/1"
    page = store.record_page("report", fetch(url, "v1")).page_id
    v1 = save(store, page, "report", "report.az", article(url, "Version one."))
    page2 = store.record_page("report", fetch(url, "v2")).page_id
    v2 = save(store, page2, "report", "report.az", article(url, "Version two."))
    assert (v1.status, v2.status) == ("new", "changed") and v1.article_id == v2.article_id
    assert scalar(store, "SELECT MAX(version) FROM article_versions") == 2
    back = save(store, page, "report", "report.az", article(url, "Version one."))
    assert back.status == "same" and back.version_id == v1.version_id  # no third row, no flip-flop
    assert counts(store)["article_versions"] == 2


# ------------------------------------------------------------------------------ meetings


def test_seed_article_gives_two_meetings(store: Store) -> None:
    _, statuses = ingest(store, "https://report.az/en/seed", "seed", [MEETING, CONSULT])
    assert statuses == ["new", "new"]
    assert counts(store)["meetings"] == 2 and counts(store)["meeting_versions"] == 2


def test_same_meeting_from_english_and_russian_reports(store: Store) -> None:
    ingest(store, "https://report.az/en/a", "en text", [MEETING, CONSULT])
    _, statuses = ingest(store, "https://ru.trend.az/b", "ru text", [RU_MEETING], source="trend", outlet="trend.az",
                         language="ru")
    assert statuses == ["merged"]
    assert counts(store)["meetings"] == 2
    n = scalar(store, "SELECT n_sources FROM v_meetings WHERE kind = 'meeting'")
    assert n == 2
    reason = scalar(store, "SELECT reason FROM meeting_sources ORDER BY id DESC LIMIT 1")
    assert "shared participant" in reason


def test_official_report_sets_the_fields(store: Store) -> None:
    news_version = meeting(day=D_SEED + timedelta(days=1), people=(BAYRAMOV, GURBANOV))
    ingest(store, "https://report.az/en/a", "news", [news_version])
    ingest(store, "https://mfa.gov.az/en/news/1", "readout", [MEETING], source="mfa", outlet="mfa.gov.az")
    assert scalar(store, "SELECT date FROM meetings") in (D_SEED, D_SEED.isoformat())
    support = json.loads(scalar(store, "SELECT record FROM meeting_versions ORDER BY id DESC LIMIT 1"))["support"]
    assert support["date"] == [2]


def test_different_events_are_never_merged(store: Store) -> None:
    ingest(store, "https://report.az/en/a", "a", [MEETING])
    later = meeting(day=D_SEED + timedelta(days=3), people=(BAYRAMOV, GURBANOV))
    elsewhere = meeting(countries=("AZ", "TR"), people=(BAYRAMOV, person("Hakan Fidan", "TR")))
    call = meeting(kind="phone_call", people=(BAYRAMOV, GURBANOV))
    _, statuses = ingest(store, "https://report.az/en/b", "b", [later, elsewhere, call])
    assert statuses == ["new", "new", "new"]
    _, consult = ingest(store, "https://report.az/en/c", "c", [CONSULT])
    assert consult == ["new"]  # shares Gurbanov, but Azerbaijan's side differs
    assert counts(store)["meetings"] == 5


def test_later_report_adding_a_participant_makes_a_version(store: Store) -> None:
    ingest(store, "https://report.az/en/a", "a", [meeting(people=(BAYRAMOV, person(None, "TM", "Deputy Minister")))])
    _, statuses = ingest(store, "https://trend.az/b", "b", [MEETING], source="trend", outlet="trend.az")
    assert statuses == ["merged"]
    rows = scalar(store, "SELECT COUNT(*) FROM meeting_versions")
    assert rows == 2
    changes = json.loads(scalar(store, "SELECT changes FROM meeting_versions WHERE version = 2"))
    assert "participants" in changes
    assert [p["name"] for p in changes["participants"][1]] == ["Jeyhun Bayramov", "Ahmet Gurbanov"]
    reason = scalar(store, "SELECT reason FROM meeting_versions WHERE version = 2")
    assert "merged report of article 2" in reason


def test_writing_twice_changes_nothing(store: Store) -> None:
    def everything() -> None:
        ingest(store, "https://report.az/en/a", "a", [MEETING, CONSULT])
        ingest(store, "https://ru.trend.az/b", "b", [RU_MEETING], language="ru")
        run = store.start_run("report", "run")
        store.finish_run(run, RunStats(fetched=2, new_articles=2, meetings_found=3))

    everything()
    before = counts(store)
    ingest(store, "https://report.az/en/a", "a", [MEETING, CONSULT])
    ingest(store, "https://ru.trend.az/b", "b", [RU_MEETING], language="ru")
    assert counts(store) == before
    with store.engine.connect() as conn:
        snapshot = conn.execute(text("SELECT * FROM meetings ORDER BY id")).all()
    ingest(store, "https://report.az/en/a", "a", [MEETING, CONSULT])
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT * FROM meetings ORDER BY id")).all() == snapshot


def test_new_article_version_replaces_its_links_and_keeps_history(store: Store) -> None:
    url = "https://report.az/en/a"
    ingest(store, url, "first text", [MEETING, CONSULT])
    ingest(store, "https://trend.az/b", "other report", [RU_MEETING])
    # the article is corrected: the consultations are gone, the meeting had Meredov too
    fixed = meeting(people=(BAYRAMOV, GURBANOV, person("Rashid Meredov", "TM")))
    _, statuses = ingest(store, url, "corrected text", [fixed])
    assert statuses == ["changed"]
    consult_id = scalar(store, "SELECT id FROM meetings WHERE kind = 'consultations'")
    assert scalar(store, "SELECT status FROM meetings WHERE id = :i", i=consult_id) == "retracted"
    assert scalar(store, "SELECT COUNT(*) FROM meeting_versions WHERE meeting_id = :i", i=consult_id) == 2
    assert scalar(store, "SELECT COUNT(*) FROM meeting_sources WHERE active") == 2
    assert scalar(store, "SELECT COUNT(*) FROM meeting_sources") == 3  # the old link is kept, inactive
    assert "Meredov" in scalar(store, "SELECT participants FROM meetings WHERE kind = 'meeting'")


# ------------------------------------------------------------------------------ concurrency


def _race(n: int, work: Callable[[int], Any]) -> list[Any]:
    barrier = threading.Barrier(n)
    results: list[Any] = [None] * n
    errors: list[BaseException] = []

    def run(i: int) -> None:
        try:
            barrier.wait()
            results[i] = work(i)
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors, errors
    return results


def test_concurrent_writers_make_one_row(db_url: str) -> None:
    stores = [Store(db_url) for _ in range(3)]
    try:
        def work(i: int) -> list[str]:
            url = "https://report.az/en/a" if i % 2 == 0 else "https://report.az/en/a?utm_source=x"
            _, statuses = ingest(stores[i], url, "same text", [MEETING, CONSULT])
            return statuses

        for _ in range(3):
            _race(3, work)
        # different URLs, the same text, at the same moment: one article, one version
        def dup(i: int) -> str:
            u = f"https://site{i}.example/copy"
            page = stores[i].record_page("s", fetch(u, "copy"))
            return stores[i].record_article(page.page_id, "s", "s", article(u, "A syndicated copy.")).status

        assert sorted(_race(3, dup)) == ["duplicate", "duplicate", "new"]
        c = counts(stores[0])
        assert (c["pages"], c["articles"], c["article_versions"]) == (1 + 3, 2, 2)
        assert (c["meetings"], c["meeting_sources"], c["meeting_versions"]) == (2, 2, 2)
        # two articles reporting the same meeting at once: one meeting, two sources
        def other(i: int) -> list[str]:
            return ingest(stores[i], f"https://trend{i}.az/m", f"report {i}", [RU_MEETING])[1]

        statuses = _race(2, other)
        assert sorted(s[0] for s in statuses) == ["merged", "merged"]
        c = counts(stores[0])
        assert (c["meetings"], c["meeting_sources"]) == (2, 4)
    finally:
        for s in stores:
            s.close()


# ------------------------------------------------------------------------------ views & ledger


def test_views_return_rows(store: Store) -> None:
    ingest(store, "https://report.az/en/a", "a", [MEETING, CONSULT])
    ingest(store, "https://ru.trend.az/b", "b", [RU_MEETING], outlet="trend.az", language="ru")
    with store.engine.connect() as conn:
        meetings = conn.execute(text("SELECT kind, n_sources, countries FROM v_meetings ORDER BY id")).all()
        sources = conn.execute(text("SELECT url, outlet, title, evidence, language FROM v_meeting_sources")).all()
        people = conn.execute(text("SELECT name, country, person FROM v_participants ORDER BY meeting_id, position"))
        people_rows = people.all()
    assert [(m.kind, m.n_sources) for m in meetings] == [("meeting", 2), ("consultations", 1)]
    assert json.loads(meetings[0].countries) == ["AZ", "TM"]
    assert {s.outlet for s in sources} == {"report.az", "trend.az"} and len(sources) == 3
    assert ("https://ru.trend.az/b", "ru") in {(s.url, s.language) for s in sources}
    assert [p.name for p in people_rows] == ["Jeyhun Bayramov", "Ahmet Gurbanov", "Samir Sharifov", "Ahmet Gurbanov"]
    assert scalar(store, "SELECT COUNT(*) FROM people") == 3
    assert scalar(store, "SELECT COUNT(*) FROM person_aliases") == 5  # + the Russian spellings


def test_ledger(store: Store) -> None:
    run = store.start_run("report", "backfill")
    store.finish_run(run, RunStats(discovered=10, fetched=8, not_modified=1, new_articles=5, failed=1,
                                   meetings_found=4, outcome="partial", errors=["https://x: timeout"]))
    row = None
    with store.engine.connect() as conn:
        row = conn.execute(text("SELECT * FROM runs WHERE id = :i"), {"i": run}).one()
    assert (row.kind, row.discovered, row.fetched, row.new, row.meetings_found, row.outcome) == (
        "backfill", 10, 8, 5, 4, "partial")
    assert json.loads(row.errors) == ["https://x: timeout"] and row.finished_at is not None
    for _ in range(3):
        store.finish_run(store.start_run("report", "run"), RunStats(outcome="failed", errors=["down"]))
    assert scalar(store, "SELECT consecutive_failures FROM source_state WHERE source = 'report'") == 3
    store.finish_run(store.start_run("report", "run"), RunStats(fetched=1))
    assert scalar(store, "SELECT consecutive_failures FROM source_state WHERE source = 'report'") == 0
    store.set_watermark("report", "2026-02-27")
    assert store.watermark("report") == "2026-02-27" and store.watermark("other") is None


def test_meeting_dates_round_trip(store: Store) -> None:
    multi = meeting(day=date(2026, 3, 1), kind="visit", people=(BAYRAMOV,))
    multi = dataclasses.replace(multi, end_date=date(2026, 3, 3))
    ingest(store, "https://report.az/en/v", "visit", [multi])
    with store.engine.connect() as conn:
        row = conn.execute(text("SELECT date, end_date FROM meetings")).one()
    assert str(row.date) == "2026-03-01" and str(row.end_date) == "2026-03-03"


def test_lookups_do_not_wait_for_a_writer(db_url: str) -> None:
    import time

    with Store(db_url) as writer, Store(db_url) as other:
        page = writer.record_page("report", fetch("https://report.az/en/1", "x", etag='"e"'))
        save(writer, page.page_id, "report", "report.az", article("https://report.az/en/1", "One."))
        with writer.engine.begin() as conn:  # a write transaction held open
            conn.execute(text("UPDATE url_state SET last_status = 200"))
            started = time.monotonic()
            assert other.validators("https://report.az/en/1") == ('"e"', "Fri, 27 Feb 2026 10:00:00 GMT")
            assert not other.known_url("https://report.az/en/2")
            assert time.monotonic() - started < 2.0


def test_several_processes_starting_on_an_empty_database(db_url: str) -> None:
    stores = _race(3, lambda _i: Store(db_url))
    try:
        with stores[0].engine.connect() as conn:
            assert migrate.current_revision(conn) == "0003"
            assert conn.execute(text("SELECT COUNT(*) FROM alembic_version")).scalar() == 1
    finally:
        for s in stores:
            s.close()


def test_parser_upgrade_fixing_a_date_makes_a_version(store: Store) -> None:
    version_id, _ = ingest(store, "https://report.az/en/a", "a", [meeting(day=D_SEED + timedelta(days=1),
                                                                          people=(BAYRAMOV, GURBANOV))])
    fixed = store.record_meetings(version_id, [MEETING], parser_version="2.0")
    assert [m.status for m in fixed] == ["changed"] and "date" in fixed[0].reason
    changes = json.loads(scalar(store, "SELECT changes FROM meeting_versions WHERE version = 2"))
    assert changes["date"] == [str(D_SEED + timedelta(days=1)), str(D_SEED)]
    assert "parser 2.0" in scalar(store, "SELECT reason FROM meeting_versions WHERE version = 2")
    again = store.record_meetings(version_id, [MEETING], parser_version="2.0")
    assert [m.status for m in again] == ["same"] and counts(store)["meeting_versions"] == 2


def test_crash_between_article_and_meetings_resumes(store: Store) -> None:
    """kill -9 after record_article: the next crawl sees work left at every step, then none."""
    url = "https://report.az/en/a"
    page = store.record_page("report", fetch(url, "<p>a</p>", etag='"e"'))
    first = store.record_article(page.page_id, "report", "report.az", article(url, "Bayramov met Gurbanov."))
    # ... crash here; the crawl starts again
    assert not store.known_url(url) and store.validators(url) == (None, None)
    assert store.record_page("report", fetch(url, "<p>a</p>", etag='"e"')).status == "new"
    again = store.record_article(page.page_id, "report", "report.az", article(url, "Bayramov met Gurbanov."))
    assert (again.status, again.version_id) == ("new", first.version_id)
    assert [m.status for m in store.record_meetings(again.version_id, [MEETING], parser_version="1")] == ["new"]
    assert store.known_url(url) and store.validators(url) == ('"e"', "Fri, 27 Feb 2026 10:00:00 GMT")
    assert store.record_page("report", fetch(url, "<p>a</p>", etag='"e"')).status == "same"
    assert store.record_article(page.page_id, "report", "report.az", article(url, "Bayramov met Gurbanov.")).status \
        == "same"
    assert counts(store)["article_versions"] == 1 and counts(store)["meetings"] == 1
