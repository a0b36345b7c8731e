"""Crash safety with real processes: ``kill -9`` mid-backfill, SIGTERM/SIGINT to the daemon, the daemon lock.

The promise (DESIGN.md, issue 5): ``kill -9`` at any moment of a backfill, then the same
command again, and the database ends identical to an uninterrupted backfill — nothing lost,
nothing twice. One uninterrupted backfill of the local site server is the reference; every
test compares its database with it on a canonical dump (no ids, no timestamps, no ledger).

Kill points are database states the test waits for (polling read-only every few
milliseconds, then freezing the process to be sure it dies in that state), or a moment
shortly after such a state, so they land mid-work on a slow machine as on a fast one.
"""

from __future__ import annotations

import json
import signal
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url

from storage.db import make_engine
from storage.schema import Base
from tests import pgtest
from tests.e2e.conftest import Spawned, make_cli, spawn_cli
from tests.sitesrv import SiteServer, load_eval_docs

T = Base.metadata.tables
SINCE = "2010-01-01"
BACKFILL = ("backfill", "--since", SINCE)
POLL = 0.005  # seconds between probes of the database while waiting for a kill point

Dump = dict[str, list[Any]]


# --------------------------------------------------------------------------- canonical dump


def _v(value: Any) -> Any:
    """A column value as the same plain Python on SQLite and PostgreSQL."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return value
    return value


def _row(row: Any, skip: tuple[str, ...] = (), **instead: Any) -> tuple[Any, ...]:
    """(column, value) pairs without the ``skip`` columns, plus ``instead`` (stable stand-ins for ids)."""
    return tuple((k, _v(v)) for k, v in row._mapping.items() if k not in skip) + tuple(sorted(instead.items()))


def dump(db_url: str) -> Dump:
    """Everything a backfill stores, without ids, timestamps or the runs ledger, in a stable order.

    Lists, not sets: a row stored twice shows up as a difference.
    """
    engine = make_engine(db_url, readonly=True)
    pages, url_state, articles, article_urls, versions = (
        T["pages"],
        T["url_state"],
        T["articles"],
        T["article_urls"],
        T["article_versions"],
    )
    meetings, countries, participants, m_versions, m_sources = (
        T["meetings"],
        T["meeting_countries"],
        T["meeting_participants"],
        T["meeting_versions"],
        T["meeting_sources"],
    )
    people, aliases = T["people"], T["person_aliases"]
    try:
        with engine.connect() as conn:
            q: Callable[[Any], list[Any]] = lambda stmt: list(conn.execute(stmt))  # noqa: E731
            page_sha = {r.id: r.content_sha256 for r in q(sa.select(pages.c.id, pages.c.content_sha256))}
            art_url = {r.id: r.canonical_url for r in q(sa.select(articles.c.id, articles.c.canonical_url))}
            person_key = {r.id: r.name_key for r in q(sa.select(people.c.id, people.c.name_key))}
            version_of = {
                r.id: (art_url[r.article_id], r.version)
                for r in q(sa.select(versions.c.id, versions.c.article_id, versions.c.version))
            }
            out: Dump = {
                "pages": sorted(_row(r, ("id", "fetched_at", "body")) for r in q(sa.select(pages))),
                "url_state": sorted(
                    _row(r, ("page_id", "last_fetched_at"), page_sha=page_sha[r.page_id])
                    for r in q(sa.select(url_state))
                ),
                "articles": sorted(
                    _row(r, ("id", "first_seen", "current_version_id"), current=version_of.get(r.current_version_id))
                    for r in q(sa.select(articles))
                ),
                "article_urls": sorted(
                    _row(r, ("id", "article_id", "created_at"), article=art_url[r.article_id])
                    for r in q(sa.select(article_urls))
                ),
                "article_versions": sorted(
                    _row(
                        r,
                        ("id", "article_id", "page_id", "created_at"),
                        article=art_url[r.article_id],
                        page_sha=page_sha.get(r.page_id),
                    )
                    for r in q(sa.select(versions))
                ),
                "people": sorted(_row(r, ("id", "created_at")) for r in q(sa.select(people))),
                "person_aliases": sorted(
                    _row(r, ("id", "person_id"), person=person_key[r.person_id]) for r in q(sa.select(aliases))
                ),
            }
            by_meeting: dict[int, dict[str, list[Any]]] = {}

            def part(mid: int, name: str, item: Any) -> None:
                by_meeting.setdefault(mid, {}).setdefault(name, []).append(item)

            for r in q(sa.select(countries)):
                part(r.meeting_id, "country_rows", r.country)
            for r in q(sa.select(participants)):
                part(
                    r.meeting_id,
                    "participant_rows",
                    _row(r, ("meeting_id", "person_id"), person=person_key.get(r.person_id)),
                )
            for r in q(sa.select(m_sources)):
                part(
                    r.meeting_id,
                    "sources",
                    _row(
                        r,
                        ("id", "meeting_id", "article_id", "article_version_id", "created_at", "updated_at"),
                        article=art_url[r.article_id],
                        article_version=version_of[r.article_version_id],
                    ),
                )
            for r in q(sa.select(m_versions)):
                # ``record`` and ``reason`` name article ids; the version number and the change stay
                part(r.meeting_id, "versions", (r.version, r.changes))
            out["meetings"] = sorted(
                _row(r, ("id", "created_at", "updated_at"))
                + tuple((name, sorted(items)) for name, items in sorted(by_meeting.get(r.id, {}).items()))
                for r in q(sa.select(meetings))
            )
        return out
    finally:
        engine.dispose()


def _short(rows: list[Any], limit: int = 700) -> str:
    text = repr(rows)
    return text if len(text) <= limit else text[:limit] + " ..."


def assert_same_database(got: Dump, want: Dump) -> None:
    """Every table compared as a multiset; a failure names each table that differs and a few of its rows."""
    assert set(got) == set(want)
    problems = []
    for table in want:
        extra = list(got[table])
        missing = []
        for row in want[table]:
            if row in extra:
                extra.remove(row)
            else:
                missing.append(row)
        if missing or extra:
            problems.append(
                f"{table}: {len(got[table])} rows, reference {len(want[table])}; "
                f"{len(missing)} missing, e.g. {_short(missing[:2])}; "
                f"{len(extra)} not in the reference, e.g. {_short(extra[:2])}"
            )
    assert not problems, "the database differs from the uninterrupted backfill:\n" + "\n".join(problems)


def order_free(d: Dump) -> Dump:
    """What must not depend on the order reports arrived in: everything stored, and which reports make which meeting.

    Left out: the fields a meeting takes by vote, whose ties go to the earliest report
    (storage/merge.py), its version history, the merge reasons, and how the people register
    groups spellings (which one is the name, and a person first seen without a country keeps
    a row of their own) — all of which follow the order articles were stored in. Kept: every
    spelling the register knows.
    """
    meetings = []
    for row in d["meetings"]:
        m = dict(row)
        sources = sorted(tuple(kv for kv in src if kv[0] != "reason") for src in m["sources"])
        meetings.append((m["countries"], m["topics"], m["status"], sources))
    spellings = {dict(row)["name"] for row in d["people"]} | {dict(row)["alias"] for row in d["person_aliases"]}
    kept = {k: v for k, v in d.items() if k not in ("meetings", "people", "person_aliases")}
    return kept | {
        "meetings": sorted(meetings),
        "people": sorted(spellings),
    }


def current_state(d: Dump) -> Dump:
    """The dump without the history: meeting versions and merge reasons."""
    meetings = []
    for row in d["meetings"]:
        kept = [(k, v) for k, v in row if k not in ("version", "versions", "sources")]
        sources = sorted(tuple(kv for kv in src if kv[0] != "reason") for src in dict(row)["sources"])
        meetings.append((*kept, ("sources", sources)))
    return d | {"meetings": sorted(meetings)}


# --------------------------------------------------------------------------- probing a live database


class Probe:
    """Read-only queries against a database another process is writing; None while it is not there yet."""

    def __init__(self, db_url: str) -> None:
        self.db_url = db_url
        url = make_url(db_url)
        self.file = Path(url.database) if url.get_backend_name() == "sqlite" and url.database else None
        self._engine: Engine | None = None

    def scalar(self, sql: str) -> int | None:
        if self.file is not None and not self.file.exists():
            return None
        try:
            if self._engine is None:
                self._engine = make_engine(self.db_url, readonly=True)
            with self._engine.connect() as conn:
                value = conn.execute(sa.text(sql)).scalar()
        except sa.exc.SQLAlchemyError:  # not created / not migrated yet, or locked for a moment
            return None
        return None if value is None else int(value)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


def has_ledger(db_url: str) -> bool:
    probe = Probe(db_url)
    try:
        return probe.scalar("SELECT COUNT(*) FROM runs") is not None
    finally:
        probe.close()


def ledger(db_url: str) -> list[dict[str, Any]]:
    """The runs table in order: the ledger is left out of the dump and checked on its own."""
    engine = make_engine(db_url, readonly=True)
    try:
        with engine.connect() as conn:
            runs = T["runs"]
            return [dict(r._mapping) for r in conn.execute(sa.select(runs).order_by(runs.c.id))]
    finally:
        engine.dispose()


def parsed_article_urls(db_url: str) -> set[str]:
    """URLs of articles whose current text has its meetings recorded (what a resumed run may skip)."""
    engine = make_engine(db_url, readonly=True)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                sa.text(
                    "SELECT u.url FROM article_urls u JOIN articles a ON a.id = u.article_id "
                    "JOIN article_versions v ON v.id = a.current_version_id WHERE v.parser_version IS NOT NULL"
                )
            )
            return {r[0] for r in rows}
    finally:
        engine.dispose()


# --------------------------------------------------------------------------- kill points


@dataclass(frozen=True)
class KillPoint:
    """Kill once ``sql`` (a count) is > 0 or the database file exists — or ``then`` seconds after that.

    A state kill point freezes the process (SIGSTOP) when it sees the state, looks again, and only
    then sends SIGKILL — so the process dies in that state, not a few milliseconds after it. With
    ``then`` the kill lands wherever the process happens to be, as a real crash would.
    """

    name: str
    sql: str | None = None
    file_exists: bool = False
    then: float = 0.0

    def seen(self, probe: Probe) -> bool:
        if self.file_exists:
            return probe.file is not None and probe.file.exists()
        assert self.sql is not None
        return (probe.scalar(self.sql) or 0) > 0

    @property
    def exact(self) -> bool:
        """Whether the process must die in the state itself (else: anywhere after it)."""
        return self.sql is not None and not self.then


KILL_POINTS = {
    # the SQLite file has just been created: connecting, switching to WAL, migrating
    "database-created": KillPoint("database-created", file_exists=True),
    # the first ledger row: discovery of the first source is under way, nothing stored
    "first-run-row": KillPoint("first-run-row", sql="SELECT COUNT(*) FROM runs"),
    # a page stored whose article is not (between record_page and record_article)
    "page-without-article": KillPoint(
        "page-without-article",
        sql="SELECT COUNT(*) FROM pages p WHERE NOT EXISTS (SELECT 1 FROM article_versions v WHERE v.page_id = p.id)",
    ),
    "first-meeting": KillPoint("first-meeting", sql="SELECT COUNT(*) FROM meetings"),
    # an article stored whose meetings are not (between record_article and record_meetings),
    # late enough that its records may merge into meetings stored before
    "unparsed-article": KillPoint(
        "unparsed-article",
        sql="SELECT COUNT(*) FROM article_versions WHERE parser_version IS NULL "
        "AND (SELECT COUNT(*) FROM meetings) >= 5",
    ),
    # a later source: its reports merge into meetings the earlier sources stored
    "fourth-source": KillPoint(
        "fourth-source",
        sql="SELECT COUNT(*) FROM runs r WHERE r.id >= 4 AND EXISTS (SELECT 1 FROM pages p WHERE p.source = r.source)",
    ),
    "twenty-articles": KillPoint("twenty-articles", sql="SELECT COUNT(*) FROM articles HAVING COUNT(*) >= 20"),
    # anywhere: 0.4 s after the first ledger row (the crawl itself takes a few seconds)
    "0.4s-into-the-crawl": KillPoint("0.4s-into-the-crawl", sql="SELECT COUNT(*) FROM runs", then=0.4),
}


def crash_docs() -> list[dict[str, Any]]:
    """Every dev report that belongs to an event reported more than once (merges), and a quarter of the rest.

    About 60% of the full site: the crash tests run many backfills, and merging across outlets
    and languages is where a half-done write would show.
    """
    return [d for i, d in enumerate(load_eval_docs()) if d.get("event_key") or i % 4 == 0]


@dataclass
class Reference:
    """One uninterrupted backfill of the shared site server."""

    site: SiteServer
    catalog: Path
    slow_catalog: Path  # the same sources with a politeness delay: a daemon crawl that lasts a while
    db_url: str
    dump: Dump
    seconds: float


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Reference]:
    home = tmp_path_factory.mktemp("crash-reference")
    with SiteServer(docs=crash_docs()) as site:
        catalog = site.write_catalog(home / "sources.toml", delay=0.0)
        slow = site.write_catalog(home / "slow-sources.toml", delay=0.05)
        db_url = f"sqlite:///{home / 'reference.db'}"
        started = time.monotonic()
        run = make_cli(home, db_url, catalog)(*BACKFILL)
        seconds = time.monotonic() - started
        assert run.code == 0, run.err
        want = dump(db_url)
        sizes = {k: len(v) for k, v in want.items()}
        assert sizes["articles"] >= 30 and sizes["meetings"] >= 20, sizes
        merged = [m for m in want["meetings"] if len(dict(m)["sources"]) > 1]
        assert len(merged) >= 5, "the reference should hold meetings reported by several articles"
        assert [r["outcome"] for r in ledger(db_url)] == ["ok"] * len(site.sections())
        yield Reference(site, catalog, slow, db_url, want, seconds)


def kill_at(spawned: Spawned, point: KillPoint, db_url: str, timeout: float) -> None:
    """Wait for ``point`` and SIGKILL the process there; fail if it finished first."""
    probe = Probe(db_url)
    deadline = time.monotonic() + timeout
    seen_at: float | None = None
    try:
        while True:
            assert spawned.proc.poll() is None, (
                f"the backfill finished (exit {spawned.proc.returncode}) before kill point {point.name}:\n"
                + spawned.err()[-2000:]
            )
            assert time.monotonic() < deadline, f"kill point {point.name} not reached in {timeout:.0f} s"
            if seen_at is None and point.seen(probe):
                if not point.exact:
                    seen_at = time.monotonic()
                else:
                    spawned.proc.send_signal(signal.SIGSTOP)
                    if point.seen(probe):  # still so, now that the process cannot move
                        break
                    spawned.proc.send_signal(signal.SIGCONT)
            if seen_at is not None and time.monotonic() >= seen_at + point.then:
                break
            time.sleep(POLL)
        spawned.proc.send_signal(signal.SIGKILL)
        spawned.proc.wait(timeout=30)
        assert spawned.proc.returncode == -signal.SIGKILL, f"not killed at {point.name}: exit {spawned.proc.returncode}"
        if point.exact:
            assert point.seen(probe), f"{point.name}: the state did not survive the kill"
    finally:
        probe.close()


def crash_then_resume(tmp_path: Path, db_url: str, ref: Reference, points: tuple[str, ...]) -> None:
    """Backfill, SIGKILL at each point in turn, then the same command to the end; compare with the reference."""
    unfinished_before: list[dict[str, Any]] = []
    for name in points:
        spawned = spawn_cli(tmp_path, db_url, ref.catalog, *BACKFILL, tag="backfill")
        try:
            kill_at(spawned, KILL_POINTS[name], db_url, timeout=10 * ref.seconds + 30)
        finally:
            spawned.stop()
        if has_ledger(db_url):
            rows = ledger(db_url)
            # a killed run stays visible as unfinished — no finish time, no outcome, never "ok"
            unfinished = [r for r in rows if r["finished_at"] is None]
            assert all(r["outcome"] is None for r in unfinished), unfinished
            assert len(unfinished) <= len(unfinished_before) + 1, rows  # one source at a time
            assert {r["id"] for r in unfinished_before} <= {r["id"] for r in unfinished}
            unfinished_before = unfinished

    migrated = has_ledger(db_url)
    skippable = parsed_article_urls(db_url) if migrated else set()
    runs_before = ledger(db_url) if migrated else []
    log_mark = len(ref.site.requests)
    resumed = make_cli(tmp_path, db_url, ref.catalog)(*BACKFILL)
    assert resumed.code == 0, resumed.err
    assert "Traceback" not in resumed.err

    assert_same_database(dump(db_url), ref.dump)

    rows = ledger(db_url)
    assert rows[: len(runs_before)] == runs_before, "the resumed backfill rewrote the ledger of the killed one"
    assert [r["outcome"] for r in rows[len(runs_before) :]] == ["ok"] * len(ref.site.sections()), rows
    assert [r for r in rows if r["finished_at"] is None] == unfinished_before
    # resumed, not restarted: an article finished before the kill is not fetched again
    base = ref.site.base_url.rstrip("/")
    fetched = {
        base + path for method, path, status in ref.site.requests[log_mark:] if method == "GET" and status == 200
    }
    refetched = sorted(fetched & skippable)
    assert not refetched, f"{len(refetched)} article(s) finished before the kill were fetched again: {refetched[:3]}"


# --------------------------------------------------------------------------- kill -9 during a backfill


@pytest.mark.parametrize(
    "point", ["database-created", "page-without-article", "unparsed-article", "fourth-source", "0.4s-into-the-crawl"]
)
def test_kill_9_then_the_same_backfill_ends_identical(tmp_path: Path, reference: Reference, point: str) -> None:
    crash_then_resume(tmp_path, f"sqlite:///{tmp_path / 'crash.db'}", reference, (point,))


def test_killed_again_while_resuming_then_finished_ends_identical_and_healthy(
    tmp_path: Path, reference: Reference
) -> None:
    db_url = f"sqlite:///{tmp_path / 'crash.db'}"
    crash_then_resume(tmp_path, db_url, reference, ("first-run-row", "first-meeting", "twenty-articles"))
    # the health check reads the latest finished runs: killed runs followed by good ones are healthy
    health = make_cli(tmp_path, db_url, reference.catalog)("status", "--format", "json")
    assert health.code == 0, health.out + health.err
    report = json.loads(health.out)
    assert report["failing"] == []
    assert {s["name"]: s["outcome"] for s in report["sources"]} == {
        f"{layout}_{lang}": "ok" for layout, lang in reference.site.sections()
    }


@pytest.mark.postgres
def test_kill_9_on_postgresql_then_the_same_backfill_ends_identical(tmp_path: Path, reference: Reference) -> None:
    reason = pgtest.unreachable_reason()
    if reason:
        pytest.skip(reason)
    with pgtest.fresh_schema() as db_url:
        crash_then_resume(tmp_path, db_url, reference, ("unparsed-article",))


# --------------------------------------------------------------------------- the daemon


def wait_for(condition: Callable[[], bool], spawned: Spawned, what: str, timeout: float = 60.0) -> None:
    """Poll ``condition`` while ``spawned`` runs; fail if it exits or the time is up first."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert spawned.proc.poll() is None, (
            f"exited ({spawned.proc.returncode}) before {what}:\n{spawned.err()[-2000:]}"
        )
        assert time.monotonic() < deadline, f"no {what} within {timeout:.0f} s:\n{spawned.err()[-2000:]}"
        time.sleep(0.02)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_daemon_stops_mid_crawl_on_signal_cleanly(tmp_path: Path, reference: Reference, signum: signal.Signals) -> None:
    db_url = f"sqlite:///{tmp_path / 'daemon.db'}"
    daemon = spawn_cli(tmp_path, db_url, reference.slow_catalog, "run", tag="daemon")
    probe = Probe(db_url)
    try:
        wait_for(lambda: (probe.scalar("SELECT COUNT(*) FROM articles") or 0) >= 3, daemon, "3 articles stored")
        assert (probe.scalar("SELECT COUNT(*) FROM runs WHERE finished_at IS NULL") or 0) >= 1, "not mid-crawl"
        sent = time.monotonic()
        daemon.proc.send_signal(signum)
        code = daemon.proc.wait(timeout=10)
        took = time.monotonic() - sent
    finally:
        probe.close()
        daemon.stop()
    log = daemon.err()
    assert code == 0, log[-3000:]
    assert took < 10
    assert "Traceback" not in log
    assert f"received {signum.name}" in log and "daemon stopped" in log

    rows = ledger(db_url)
    assert rows and all(r["finished_at"] is not None for r in rows), rows
    outcomes = [r["outcome"] for r in rows]
    assert "partial" in outcomes and set(outcomes) <= {"ok", "partial"}, outcomes
    for r in rows:
        if r["outcome"] == "partial":
            assert "stopped before the end of the run" in json.loads(r["errors"]), r
    articles = Probe(db_url)
    try:
        stored = articles.scalar("SELECT COUNT(*) FROM articles") or 0
    finally:
        articles.close()
    assert stored < len(reference.dump["articles"]), "the signal came after the crawl had finished"

    # consistent: a backfill completes what the daemon left — every page, article and report is
    # there once, and the same reports make the same meetings. (The daemon crawls four sources at
    # once, so reports arrive in another order; the records must not depend on it.)
    backfill = make_cli(tmp_path, db_url, reference.catalog)(*BACKFILL)
    assert backfill.code == 0, backfill.err
    got = dump(db_url)
    assert_same_database(order_free(got), order_free(reference.dump))
    assert_same_database(current_state(got), current_state(reference.dump))


def test_the_same_pages_in_another_order_give_the_same_records(tmp_path: Path, reference: Reference) -> None:
    """What a daemon (four sources at once) or a resume by another command meets: another arrival order."""
    db_url = f"sqlite:///{tmp_path / 'reordered.db'}"
    names = [f"{layout}_{lang}" for layout, lang in reference.site.sections()]
    order = [arg for name in reversed(names) for arg in ("--source", name)]
    run = make_cli(tmp_path, db_url, reference.catalog)(*BACKFILL, *order)
    assert run.code == 0, run.err
    got = dump(db_url)
    assert_same_database(order_free(got), order_free(reference.dump))
    assert_same_database(current_state(got), current_state(reference.dump))


def test_second_daemon_is_refused_and_a_killed_daemon_does_not_lock_the_file(
    tmp_path: Path, reference: Reference
) -> None:
    db_url = f"sqlite:///{tmp_path / 'daemon.db'}"
    probe = Probe(db_url)
    first = spawn_cli(tmp_path, db_url, reference.slow_catalog, "run", tag="daemon")
    try:
        wait_for(lambda: (probe.scalar("SELECT COUNT(*) FROM runs") or 0) >= 1, first, "a ledger row")
        second = make_cli(tmp_path, db_url, reference.slow_catalog)("run", timeout=60)
        assert second.code == 2, second.err
        assert second.err.startswith("diplowatch: error:") and "Traceback" not in second.err
        assert "already running" in second.err and "daemon.db" in second.err, second.err
        first.proc.send_signal(signal.SIGKILL)  # a crash: the lock file stays, the lock must not
        first.proc.wait(timeout=30)
    finally:
        first.stop()
    last_run = probe.scalar("SELECT MAX(id) FROM runs") or 0

    third = spawn_cli(tmp_path, db_url, reference.slow_catalog, "run", tag="daemon")
    try:
        wait_for(lambda: (probe.scalar("SELECT MAX(id) FROM runs") or 0) > last_run, third, "a new daemon's first run")
        third.proc.send_signal(signal.SIGTERM)
        assert third.proc.wait(timeout=10) == 0, third.err()[-3000:]
    finally:
        probe.close()
        third.stop()
    assert "already running" not in third.err()
