"""The only place readers read: meetings with their sources, one meeting's history, source health.

Every function takes a database URL, an Engine, a Store or a Reader. A URL is opened
read-only (SQLite ``mode=ro``; PostgreSQL ``default_transaction_read_only``), so a reader
cannot write even by mistake.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import func, inspect, select
from sqlalchemy.engine import Connection, Engine, make_url

from storage import dedup
from storage.db import make_engine
from storage.schema import Base

T = Base.metadata.tables
MEETINGS, MEETING_COUNTRIES, MEETING_SOURCES, MEETING_VERSIONS = (
    T["meetings"], T["meeting_countries"], T["meeting_sources"], T["meeting_versions"],
)
MEETING_PARTICIPANTS, PERSON_ALIASES, PEOPLE = T["meeting_participants"], T["person_aliases"], T["people"]
ARTICLES, ARTICLE_VERSIONS, RUNS, SOURCE_STATE = T["articles"], T["article_versions"], T["runs"], T["source_state"]

#: a source is flagged after this many failed runs in a row, or this many empty runs in a row
FAILING_AFTER = 3
EMPTY_AFTER = 2
NO_MEETINGS_AFTER = 5
_CHUNK = 5000  # ids per IN list: one scan for most result sets, under every bind-parameter limit
_COUNTED = ("pages", "articles", "article_versions", "meeting_sources", "meeting_versions", "people", "runs")


class _HasEngine(Protocol):
    engine: Engine


Target = str | Engine | _HasEngine


class Reader:
    """A read-only handle on a database, with the query functions as methods."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url, readonly=True)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def list_meetings(self, **filters: Any) -> list[dict[str, Any]]:
        return list_meetings(self, **filters)

    def get_meeting(self, meeting_id: int) -> dict[str, Any] | None:
        return get_meeting(self, meeting_id)

    def source_status(self) -> list[dict[str, Any]]:
        return source_status(self)

    def stats(self) -> dict[str, Any]:
        return stats(self)


_READERS: dict[str, Engine] = {}
_READERS_LOCK = threading.Lock()


def _engine(target: Target) -> tuple[Engine, bool]:
    """(engine, whether the caller must dispose of it). URLs share one read-only engine each."""
    if isinstance(target, str):
        with _READERS_LOCK:
            engine = _READERS.get(target)
            if engine is None:
                engine = _READERS[target] = make_engine(target, readonly=True)
        return engine, False
    if isinstance(target, Engine):
        return target, False
    return target.engine, False


def database_exists(target: Target) -> bool:
    """Whether there is a migrated database to read (a reader never creates one)."""
    if isinstance(target, str):
        u = make_url(target)
        db = (u.database or "").removeprefix("file:").split("?")[0]
        if u.get_backend_name() == "sqlite" and db and db != ":memory:" and not Path(db).exists():
            return False
    engine, _ = _engine(target)
    return inspect(engine).has_table("meetings")


def _iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime) and value.tzinfo is None:
        return value.isoformat() + "+00:00"
    return value.isoformat()


def _meeting_dict(row: Any) -> dict[str, Any]:
    """A meetings row as the MEETING contract of DESIGN.md, plus id, status and version."""
    loc = None
    if row.location_city is not None or row.location_country is not None:
        loc = {"city": row.location_city, "country": row.location_country}
    return {
        "id": row.id,
        "date": _iso(row.date),
        "end_date": _iso(row.end_date),
        "date_exact": bool(row.date_exact),
        "kind": row.kind,
        "countries": json.loads(row.countries),
        "location": loc,
        "participants": json.loads(row.participants),
        "topics": json.loads(row.topics),
        "evidence": row.evidence,
        "status": row.status,
        "version": row.version,
    }


def _sources(
    conn: Connection, ids: Sequence[int], *, include_inactive: bool = False
) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
    for i in range(0, len(ids), _CHUNK):
        q = (
            select(
                MEETING_SOURCES.c.meeting_id,
                MEETING_SOURCES.c.article_id,
                MEETING_SOURCES.c.evidence,
                MEETING_SOURCES.c.reason,
                MEETING_SOURCES.c.active,
                MEETING_SOURCES.c.record,
                ARTICLES.c.canonical_url,
                ARTICLES.c.outlet,
                ARTICLES.c.language.label("article_language"),
                ARTICLE_VERSIONS.c.published,
                ARTICLE_VERSIONS.c.title,
                ARTICLE_VERSIONS.c.language,
                ARTICLE_VERSIONS.c.version,
            )
            .join(ARTICLES, ARTICLES.c.id == MEETING_SOURCES.c.article_id)
            .join(ARTICLE_VERSIONS, ARTICLE_VERSIONS.c.id == MEETING_SOURCES.c.article_version_id)
            .where(MEETING_SOURCES.c.meeting_id.in_(ids[i : i + _CHUNK]))
            .order_by(MEETING_SOURCES.c.meeting_id, ARTICLE_VERSIONS.c.published, MEETING_SOURCES.c.id)
        )
        if not include_inactive:
            q = q.where(MEETING_SOURCES.c.active.is_(True))
        for r in conn.execute(q):
            src: dict[str, Any] = {
                "url": r.canonical_url,
                "outlet": r.outlet,
                "published": _iso(r.published),
                "title": r.title,
                "evidence": r.evidence,
                "language": r.language or r.article_language,
            }
            if include_inactive:
                src.update(
                    article_id=r.article_id,
                    article_version=r.version,
                    reason=r.reason,
                    active=bool(r.active),
                    record=json.loads(r.record),
                )
            out[r.meeting_id].append(src)
    return out


def person_filter(person: str) -> Any:
    """Meetings with a participant of that name in any spelling (folded surname; aliases).

    For a full name either end may be the surname (Russian lists put it first: Гурбанов Ахмет);
    _first_name_ok then keeps only the same person.
    """
    toks = dedup.name_tokens(person)
    keys = sorted({toks[-1], toks[0]}) if toks else [""]
    via_alias = (
        select(PEOPLE.c.id)
        .join(PERSON_ALIASES, PERSON_ALIASES.c.person_id == PEOPLE.c.id)
        .where(PERSON_ALIASES.c.alias_key == dedup.fold_name(person))
    )
    return MEETINGS.c.id.in_(
        select(MEETING_PARTICIPANTS.c.meeting_id).where(
            MEETING_PARTICIPANTS.c.surname_key.in_(keys) | MEETING_PARTICIPANTS.c.person_id.in_(via_alias)
        )
    )


def _first_name_ok(meeting: dict[str, Any], person: str) -> bool:
    """With a full name asked ("Serdar Berdimuhamedov"), a relative of the same surname does not match."""
    if len(dedup.name_tokens(person)) < 2:
        return True
    return any(dedup.same_person(person, p.get("name")) for p in meeting["participants"])


def list_meetings(
    target: Target,
    *,
    countries: Iterable[str] = (),
    since: date | None = None,
    until: date | None = None,
    kind: str | None = None,
    person: str | None = None,
    limit: int | None = None,
    include_retracted: bool = False,
) -> list[dict[str, Any]]:
    """Meetings, newest first: every named country takes part; the span overlaps [since, until]."""
    if isinstance(target, str) and not database_exists(target):
        return []
    engine, owned = _engine(target)
    try:
        q = select(MEETINGS)
        if not include_retracted:
            q = q.where(MEETINGS.c.status == "active")
        for c in sorted({c.upper() for c in countries}):
            # IN (not a correlated EXISTS): the planner starts from the country index
            taking_part = select(MEETING_COUNTRIES.c.meeting_id).where(MEETING_COUNTRIES.c.country == c)
            q = q.where(MEETINGS.c.id.in_(taking_part))
        if since is not None:
            q = q.where(func.coalesce(MEETINGS.c.end_date, MEETINGS.c.date) >= since)
        if until is not None:
            q = q.where(MEETINGS.c.date <= until)
        if kind:
            q = q.where(MEETINGS.c.kind == kind)
        if person:
            q = q.where(person_filter(person))
        q = q.order_by(MEETINGS.c.date.desc(), MEETINGS.c.id.desc())
        if limit is not None and not person:
            q = q.limit(limit)
        with engine.connect() as conn:
            rows = [_meeting_dict(r) for r in conn.execute(q)]
            if person:
                rows = [m for m in rows if _first_name_ok(m, person)]
                rows = rows[:limit] if limit is not None else rows
            srcs = _sources(conn, [m["id"] for m in rows])
        for m in rows:
            m["sources"] = srcs[m["id"]]
        return rows
    finally:
        if owned:
            engine.dispose()


def get_meeting(target: Target, meeting_id: int) -> dict[str, Any] | None:
    """One meeting with every report (active or not, with its record) and its version history."""
    if isinstance(target, str) and not database_exists(target):
        return None
    engine, owned = _engine(target)
    try:
        with engine.connect() as conn:
            row = conn.execute(select(MEETINGS).where(MEETINGS.c.id == meeting_id)).first()
            if row is None:
                return None
            m = _meeting_dict(row)
            m["sources"] = _sources(conn, [meeting_id], include_inactive=True)[meeting_id]
            versions = []
            for v in conn.execute(
                select(MEETING_VERSIONS).where(MEETING_VERSIONS.c.meeting_id == meeting_id).order_by(
                    MEETING_VERSIONS.c.version
                )
            ):
                changes = json.loads(v.changes)
                change = ", ".join(f"{k}: {a!r} → {b!r}" for k, (a, b) in changes.items()) if changes else ""
                data = json.loads(v.record)
                versions.append(
                    {
                        "version": v.version,
                        "created_at": _iso(v.created_at),
                        "reason": v.reason,
                        "changes": changes,
                        "change": f"{v.reason} ({change})" if change else v.reason,
                        "record": data.get("record"),
                        "support": data.get("support"),
                    }
                )
            m["versions"] = versions
        return m
    finally:
        if owned:
            engine.dispose()


def source_status(target: Target) -> list[dict[str, Any]]:
    """Per source: the last run, its counts and outcome, the streaks, and flags for attention.

    Flags tell the three silences apart: ``failing`` (the site errors or blocks us),
    ``empty`` (discovery finds nothing: layout or feed changed), ``no_meetings`` (articles
    arrive but the parser finds nothing in many runs — may be broken, or a quiet source).
    """
    if isinstance(target, str) and not database_exists(target):
        return []
    engine, owned = _engine(target)
    try:
        with engine.connect() as conn:
            states = {r.source: r for r in conn.execute(select(SOURCE_STATE))}
            last_ids = select(func.max(RUNS.c.id).label("id")).group_by(RUNS.c.source).subquery()
            runs = {r.source: r for r in conn.execute(select(RUNS).where(RUNS.c.id.in_(select(last_ids.c.id))))}
        out = []
        for source in sorted(set(states) | set(runs)):
            st, run = states.get(source), runs.get(source)
            failures = st.consecutive_failures if st else 0
            empty = st.consecutive_empty if st else 0
            silent = st.consecutive_no_meetings if st else 0
            flags = []
            if failures >= FAILING_AFTER:
                flags.append("failing")
            if empty >= EMPTY_AFTER:
                flags.append("empty")
            if silent >= NO_MEETINGS_AFTER:
                flags.append("no_meetings")
            out.append(
                {
                    "source": source,
                    "last_run": _iso(run.started_at) if run else None,
                    "last_finished": _iso(run.finished_at) if run else None,
                    "last_kind": run.kind if run else None,
                    "outcome": run.outcome if run else None,
                    "discovered": run.discovered if run else 0,
                    "fetched": run.fetched if run else 0,
                    "not_modified": run.not_modified if run else 0,
                    "new": run.new if run else 0,
                    "changed": run.changed if run else 0,
                    "failed": run.failed if run else 0,
                    "blocked": run.blocked if run else 0,
                    "meetings_found": run.meetings_found if run else 0,
                    "errors": json.loads(run.errors) if run else [],
                    "last_success": _iso(st.last_success_at) if st else None,
                    "consecutive_failures": failures,
                    "consecutive_empty": empty,
                    "consecutive_no_meetings": silent,
                    "flags": flags,
                }
            )
        return out
    finally:
        if owned:
            engine.dispose()


def stats(target: Target) -> dict[str, Any]:
    """Row counts of the main tables and the time of the last run (zeros before the first run)."""
    if isinstance(target, str) and not database_exists(target):
        return {name: 0 for name in (*_COUNTED, "meetings", "meetings_retracted", "sources")} | {"last_run": None}
    engine, owned = _engine(target)
    try:
        with engine.connect() as conn:
            out: dict[str, Any] = {}
            for name in _COUNTED:
                out[name] = conn.execute(select(func.count()).select_from(T[name])).scalar_one()
            counted = conn.execute(select(MEETINGS.c.status, func.count()).group_by(MEETINGS.c.status)).all()
            by_status: dict[str, int] = {str(k): int(v) for k, v in counted}
            out["meetings"] = by_status.get("active", 0)
            out["meetings_retracted"] = by_status.get("retracted", 0)
            out["sources"] = conn.execute(select(func.count(func.distinct(RUNS.c.source)))).scalar_one()
            out["last_run"] = _iso(conn.execute(select(func.max(RUNS.c.started_at))).scalar())
        return out
    finally:
        if owned:
            engine.dispose()
