"""The only place that writes.

Every write is one transaction that first claims what it decides on — a unique row through
``INSERT … ON CONFLICT``, and for the read-decide-write steps (is this text a duplicate,
which meeting is this record) a lock: SQLite's ``BEGIN IMMEDIATE`` or a PostgreSQL advisory
lock — so two processes writing at once never make two rows for one thing. Writing the same
thing twice changes nothing.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Table, and_, delete, func, or_, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection, Engine

from scraper.article import Article
from scraper.fetch import FetchResult
from scraper.meetings.model import Location, MeetingRecord, Participant
from storage import dedup, migrate
from storage.db import make_engine
from storage.merge import Report, merge_reports
from storage.schema import Base

T = Base.metadata.tables
PAGES, URL_STATE, ARTICLES, ARTICLE_URLS, ARTICLE_VERSIONS = (
    T["pages"],
    T["url_state"],
    T["articles"],
    T["article_urls"],
    T["article_versions"],
)
MEETINGS, MEETING_COUNTRIES, MEETING_VERSIONS, MEETING_SOURCES = (
    T["meetings"],
    T["meeting_countries"],
    T["meeting_versions"],
    T["meeting_sources"],
)
PEOPLE, PERSON_ALIASES, MEETING_PARTICIPANTS = T["people"], T["person_aliases"], T["meeting_participants"]
RUNS, SOURCE_STATE, LEASES, ENTRY_POINTS = T["runs"], T["source_state"], T["leases"], T["entry_points"]

_MEETINGS_LOCK = 0x6D65657431  # advisory lock key for the meeting merge
FAILED_OUTCOMES = frozenset({"failed", "blocked"})


@dataclass(frozen=True, slots=True)
class PageSaved:
    page_id: int
    status: str  # "new" | "same" | "changed" | "not_modified"


@dataclass(frozen=True, slots=True)
class ArticleSaved:
    article_id: int
    version_id: int
    status: str  # "new" | "same" | "changed" | "duplicate"


@dataclass(frozen=True, slots=True)
class MeetingSaved:
    meeting_id: int
    status: str  # "new" | "merged" | "same" | "changed"
    reason: str = ""


@dataclass(frozen=True, slots=True)
class StoredPage:
    page_id: int
    source: str
    url: str
    final_url: str
    content: bytes
    encoding: str | None
    fetched_at: datetime


@dataclass
class RunStats:
    discovered: int = 0
    fetched: int = 0
    not_modified: int = 0
    new_articles: int = 0
    changed_articles: int = 0
    failed: int = 0
    blocked: int = 0
    meetings_found: int = 0
    outcome: str = "ok"  # "ok" | "empty" | "partial" | "failed" | "blocked"
    errors: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- helpers


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime | None) -> datetime | None:
    """SQLite gives naive datetimes back; everything stored is UTC."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _insert(conn: Connection, table: Table) -> Any:
    """The dialect's INSERT, which has on_conflict_do_nothing / on_conflict_do_update."""
    return pg_insert(table) if conn.dialect.name == "postgresql" else sqlite_insert(table)


def _lock(conn: Connection, key: int | str) -> None:
    """Serialise one decision across processes (SQLite already holds its write lock)."""
    if conn.dialect.name != "postgresql":
        return
    k = key if isinstance(key, int) else int(dedup.bytes_hash(key.encode())[:15], 16)
    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": k})


def record_to_row(rec: MeetingRecord) -> dict[str, Any]:
    """The meetings-table columns of a record."""
    return {
        "date": rec.date,
        "end_date": rec.end_date,
        "date_exact": rec.date_exact,
        "kind": rec.kind,
        "countries": dumps(sorted(rec.countries)),
        "location_city": rec.location.city if rec.location else None,
        "location_country": rec.location.country if rec.location else None,
        "participants": dumps([p.to_dict() for p in rec.participants]),
        "topics": dumps(list(rec.topics)),
        "evidence": rec.evidence,
        "match_key": f"{rec.kind}|{','.join(sorted(rec.countries))}",
    }


def row_to_record(row: Any) -> MeetingRecord:
    """A meetings row back into a MeetingRecord (what dedup compares)."""
    loc = None
    if row.location_city is not None or row.location_country is not None:
        loc = Location(city=row.location_city, country=row.location_country)
    return MeetingRecord(
        date=row.date,
        end_date=row.end_date,
        date_exact=bool(row.date_exact),
        kind=row.kind,
        countries=tuple(json.loads(row.countries)),
        location=loc,
        participants=tuple(Participant.from_dict(p) for p in json.loads(row.participants)),
        topics=tuple(json.loads(row.topics)),
        evidence=row.evidence,
    )


def _record_json(rec: MeetingRecord) -> str:
    return dumps(rec.to_dict())


def _person_key(name: str, country: str | None) -> tuple[str, str, str] | None:
    """(name_key, surname_key, first initial) for the people register; None for no name."""
    toks = dedup.name_tokens(name)
    if not toks:
        return None
    initial = toks[0][0] if len(toks) >= 2 else ""
    return f"{(country or '-').upper()}|{initial} {toks[-1]}", toks[-1], initial


def _name_rank(name: str) -> tuple[bool, int, str]:
    """Latin spellings first (readers search in Latin), then the fullest, then a fixed order."""
    return (all(ord(ch) < 0x400 for ch in name), len(name), name)


def _processed(conn: Connection, cu: str) -> bool:
    """Whether canonical URL ``cu`` belongs to an article whose current text has been parsed."""
    row = conn.execute(
        select(ARTICLE_URLS.c.id)
        .join(ARTICLES, ARTICLES.c.id == ARTICLE_URLS.c.article_id)
        .join(ARTICLE_VERSIONS, ARTICLE_VERSIONS.c.id == ARTICLES.c.current_version_id)
        .where(ARTICLE_URLS.c.url == cu, ARTICLE_VERSIONS.c.parser_version.is_not(None))
    ).first()
    return row is not None


class Store:
    """The one writer. ``Store(url)`` creates the engine and migrates the database to head."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine: Engine = make_engine(url)
        migrate.upgrade(self.engine)
        # lookups (validators, known_url, stored_pages) do not take SQLite's write lock
        memory = self.engine.dialect.name == "sqlite" and self.engine.url.database in (None, "", ":memory:")
        self._lookup: Engine = self.engine if memory else make_engine(url, immediate=False)

    def close(self) -> None:
        self.engine.dispose()
        self._lookup.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----------------------------------------------------------------------- pages

    def validators(self, url: str) -> tuple[str | None, str | None]:
        """(ETag, Last-Modified) of the latest stored fetch of ``url``, for conditional GET.

        Only for a URL whose article is stored and parsed: a page never finished (a crash
        between page, article and meetings) must come back in full, not as a 304.
        """
        cu = dedup.canonical_url(url)
        with self._lookup.connect() as conn:
            row = conn.execute(
                select(URL_STATE.c.etag, URL_STATE.c.last_modified).where(
                    URL_STATE.c.canonical_url == cu,
                )
            ).first()
            if row is None or not _processed(conn, cu):
                return (None, None)
        return (row.etag, row.last_modified)

    def known_url(self, url: str) -> bool:
        """Whether ``url`` (canonicalised) belongs to a stored article whose text has been parsed.

        An article stored but never parsed (a crash before record_meetings) is not known yet,
        so a resumed crawl fetches and finishes it.
        """
        with self._lookup.connect() as conn:
            return _processed(conn, dedup.canonical_url(url))

    def published_of(self, url: str) -> datetime | None:
        """The publication time stored with the current version of ``url``'s article, if any.

        A page may carry no date while its feed or listing did; the crawl stores that date
        with the article, and a reparse of the same raw page takes it back from here.
        """
        with self._lookup.connect() as conn:
            row = conn.execute(
                select(ARTICLE_VERSIONS.c.published)
                .join(ARTICLES, ARTICLES.c.current_version_id == ARTICLE_VERSIONS.c.id)
                .join(ARTICLE_URLS, ARTICLE_URLS.c.article_id == ARTICLES.c.id)
                .where(ARTICLE_URLS.c.url == dedup.canonical_url(url))
            ).first()
        return as_utc(row.published) if row and row.published else None

    def record_page(self, source: str, result: FetchResult) -> PageSaved:
        """Keep a fetched page (compressed); unchanged bytes are the same row.

        ``same`` means: the bytes of the latest stored version, already turned into an article.
        The same bytes never processed (a crash between page and article) report ``new`` again,
        so a resumed crawl finishes the job instead of skipping it.
        """
        cu = dedup.canonical_url(result.url)
        fetched_at = as_utc(result.fetched_at) or utcnow()
        with self.engine.begin() as conn:
            prev = conn.execute(select(URL_STATE).where(URL_STATE.c.canonical_url == cu)).first()
            if result.not_modified or result.status == 304:
                if prev is None:
                    raise ValueError(f"304 Not Modified for {result.url}, which was never stored")
                conn.execute(
                    update(URL_STATE)
                    .where(URL_STATE.c.canonical_url == cu)
                    .values(
                        last_fetched_at=fetched_at,
                        last_status=304,
                        etag=result.etag or prev.etag,
                        last_modified=result.last_modified or prev.last_modified,
                    )
                )
                return PageSaved(prev.page_id, "not_modified")
            raw = result.content or result.text.encode(result.encoding or "utf-8", errors="replace")
            sha = dedup.bytes_hash(raw)
            ins = _insert(conn, PAGES).values(
                source=source,
                url=result.url,
                canonical_url=cu,
                final_url=result.final_url,
                status=result.status,
                etag=result.etag,
                last_modified=result.last_modified,
                content_sha256=sha,
                body=zlib.compress(raw, 6),
                body_size=len(raw),
                encoding=result.encoding,
                content_type=result.content_type or None,
                fetched_at=fetched_at,
            )
            conn.execute(ins.on_conflict_do_nothing(index_elements=["canonical_url", "content_sha256"]))
            page_id = conn.execute(
                select(PAGES.c.id).where(PAGES.c.canonical_url == cu, PAGES.c.content_sha256 == sha)
            ).scalar_one()
            state = {
                "source": source,
                "page_id": page_id,
                "etag": result.etag,
                "last_modified": result.last_modified,
                "last_fetched_at": fetched_at,
                "last_status": result.status,
            }
            up = _insert(conn, URL_STATE).values(canonical_url=cu, **state)
            conn.execute(up.on_conflict_do_update(index_elements=["canonical_url"], set_=state))
        if prev is None:
            return PageSaved(page_id, "new")
        if prev.page_id != page_id:
            return PageSaved(page_id, "changed")
        return PageSaved(page_id, "same" if self.known_url(cu) else "new")  # "new": finish the job

    def stored_pages(self) -> Iterator[StoredPage]:
        """The latest stored version of every URL, decompressed, in batches (flat memory)."""
        with self._lookup.connect() as conn:
            ids = [r[0] for r in conn.execute(select(URL_STATE.c.page_id).order_by(URL_STATE.c.page_id))]
        for i in range(0, len(ids), 200):
            with self._lookup.connect() as conn:
                rows = conn.execute(select(PAGES).where(PAGES.c.id.in_(ids[i : i + 200])).order_by(PAGES.c.id)).all()
            for r in rows:
                yield StoredPage(
                    page_id=r.id,
                    source=r.source,
                    url=r.url,
                    final_url=r.final_url,
                    content=zlib.decompress(r.body),
                    encoding=r.encoding,
                    fetched_at=as_utc(r.fetched_at) or utcnow(),
                )

    # ----------------------------------------------------------------------- articles

    def record_article(self, page_id: int, source: str, outlet: str, article: Article) -> ArticleSaved:
        """New article, same, changed (new version), or a duplicate of one stored elsewhere.

        URLs tried, canonicalised: the article's declared canonical URL, its URL, and the
        page's asked-for and final URLs. A text already stored under another article makes
        this one a duplicate: its URLs become aliases of that article.
        """
        now = utcnow()
        cu = dedup.canonical_url(article.canonical_url or article.url)
        sha = dedup.content_hash(article.text)
        with self.engine.begin() as conn:
            page = conn.execute(select(PAGES.c.url, PAGES.c.final_url).where(PAGES.c.id == page_id)).first()
            urls = [cu, dedup.canonical_url(article.url)]
            if page is not None:
                urls += [dedup.canonical_url(page.url), dedup.canonical_url(page.final_url)]
            urls = list(dict.fromkeys(urls))
            _lock(conn, "article:" + sha)
            known = dict(
                conn.execute(
                    select(ARTICLE_URLS.c.url, ARTICLE_URLS.c.article_id).where(ARTICLE_URLS.c.url.in_(urls))
                ).all()
            )
            article_id = next((known[u] for u in urls if u in known), None)
            if article_id is None:
                owner = conn.execute(
                    select(ARTICLE_VERSIONS.c.article_id, ARTICLE_VERSIONS.c.id)
                    .where(ARTICLE_VERSIONS.c.text_sha256 == sha)
                    .order_by(ARTICLE_VERSIONS.c.id)
                    .limit(1)
                ).first()
                if owner is not None:
                    self._add_urls(conn, owner.article_id, urls, "duplicate", now)
                    return ArticleSaved(owner.article_id, owner.id, "duplicate")
                ins = _insert(conn, ARTICLES).values(
                    canonical_url=cu, source=source, outlet=outlet, language=article.language, first_seen=now
                )
                conn.execute(ins.on_conflict_do_nothing(index_elements=["canonical_url"]))
                article_id = conn.execute(select(ARTICLES.c.id).where(ARTICLES.c.canonical_url == cu)).scalar_one()
            # one writer per article from here: version numbers are allocated under this lock
            conn.execute(
                select(ARTICLES.c.current_version_id).where(ARTICLES.c.id == article_id).with_for_update()
            ).scalar_one()
            self._add_urls(conn, article_id, urls, "alias", now)
            existing = conn.execute(
                select(ARTICLE_VERSIONS.c.id).where(
                    ARTICLE_VERSIONS.c.article_id == article_id, ARTICLE_VERSIONS.c.text_sha256 == sha
                )
            ).scalar()
            if existing is not None:
                # A text seen before is never a change, even if another text came in between:
                # two URLs of one article with slightly different texts (AMP, print) must not
                # flip the article back and forth on every crawl.
                parsed = conn.execute(
                    select(ARTICLE_VERSIONS.c.parser_version, ARTICLE_VERSIONS.c.version).where(
                        ARTICLE_VERSIONS.c.id == existing
                    )
                ).one()
                if parsed.parser_version is None:  # stored, never parsed: the caller has work left
                    return ArticleSaved(article_id, existing, "new" if parsed.version == 1 else "changed")
                return ArticleSaved(article_id, existing, "same")
            number = (
                conn.execute(
                    select(func.max(ARTICLE_VERSIONS.c.version)).where(ARTICLE_VERSIONS.c.article_id == article_id)
                ).scalar()
                or 0
            ) + 1
            version_id = conn.execute(
                ARTICLE_VERSIONS.insert()
                .values(
                    article_id=article_id,
                    version=number,
                    title=article.title,
                    text=article.text,
                    published=as_utc(article.published),
                    language=article.language,
                    text_sha256=sha,
                    page_id=page_id if page is not None else None,
                    created_at=now,
                )
                .returning(ARTICLE_VERSIONS.c.id)
            ).scalar_one()
            conn.execute(update(ARTICLES).where(ARTICLES.c.id == article_id).values(current_version_id=version_id))
        return ArticleSaved(article_id, version_id, "new" if number == 1 else "changed")

    def _add_urls(self, conn: Connection, article_id: int, urls: Sequence[str], relation: str, now: datetime) -> None:
        canonical = conn.execute(select(ARTICLES.c.canonical_url).where(ARTICLES.c.id == article_id)).scalar_one()
        for u in urls:
            rel = "canonical" if u == canonical else relation
            ins = _insert(conn, ARTICLE_URLS).values(url=u, article_id=article_id, relation=rel, created_at=now)
            conn.execute(ins.on_conflict_do_nothing(index_elements=["url"]))

    # ----------------------------------------------------------------------- meetings

    def record_meetings(
        self, article_version_id: int, records: Sequence[MeetingRecord], *, parser_version: str
    ) -> list[MeetingSaved]:
        """Link each record to the meeting it reports — new, merged, same or changed.

        Candidates are meetings within a day that share a country; dedup.same_meeting
        decides, the best-scored pairs win, one record per meeting per article. The
        article's links from an earlier version that no record claims any more are
        deactivated (kept), and a meeting left with no active report is ``retracted``.
        """
        now = utcnow()
        with self.engine.begin() as conn:
            _lock(conn, _MEETINGS_LOCK)
            av = conn.execute(
                select(ARTICLE_VERSIONS.c.article_id, ARTICLES.c.outlet)
                .join(ARTICLES, ARTICLES.c.id == ARTICLE_VERSIONS.c.article_id)
                .where(ARTICLE_VERSIONS.c.id == article_version_id)
            ).first()
            if av is None:
                raise ValueError(f"no article version {article_version_id}")
            article_id = av.article_id
            conn.execute(  # parsed: the version's meetings are recorded (see known_url)
                update(ARTICLE_VERSIONS)
                .where(
                    ARTICLE_VERSIONS.c.id == article_version_id,
                    or_(
                        ARTICLE_VERSIONS.c.parser_version.is_(None),
                        ARTICLE_VERSIONS.c.parser_version != parser_version,
                    ),
                )
                .values(parser_version=parser_version)
            )
            prior = {
                r.meeting_id: r
                for r in conn.execute(select(MEETING_SOURCES).where(MEETING_SOURCES.c.article_id == article_id))
            }
            candidates = self._candidates(conn, records, set(prior))
            assignment = self._assign(records, candidates, prior)
            results: list[tuple[int, str, str]] = []
            touched: dict[int, str] = {}
            for i, rec in enumerate(records):
                payload = _record_json(rec)
                if i in assignment:
                    mid, why = assignment[i]
                    link = prior.get(mid)
                    if link is None:
                        self._link(conn, mid, article_id, article_version_id, rec, why, parser_version, now)
                        results.append((mid, "merged", why))
                        touched[mid] = f"merged report of article {article_id}: {why}"
                    elif (link.record, bool(link.active), link.article_version_id) != (
                        payload,
                        True,
                        article_version_id,
                    ):
                        conn.execute(
                            update(MEETING_SOURCES)
                            .where(MEETING_SOURCES.c.id == link.id)
                            .values(
                                record=payload,
                                evidence=rec.evidence,
                                active=True,
                                article_version_id=article_version_id,
                                parser_version=parser_version,
                                updated_at=now,
                            )
                        )
                        changed = link.record != payload or not link.active
                        results.append((mid, "changed" if changed else "same", why))
                        if changed:
                            touched[mid] = f"article {article_id} re-read (parser {parser_version})"
                    else:
                        results.append((mid, "same", why))
                else:
                    mid = self._new_meeting(conn, rec, now)
                    why = "new meeting"
                    self._link(conn, mid, article_id, article_version_id, rec, why, parser_version, now)
                    results.append((mid, "new", why))
                    touched[mid] = f"first report: article {article_id}"
            claimed = {mid for mid, _, _ in results}
            for mid, link in prior.items():
                if mid not in claimed and link.active:
                    conn.execute(
                        update(MEETING_SOURCES)
                        .where(MEETING_SOURCES.c.id == link.id)
                        .values(active=False, updated_at=now)
                    )
                    touched[mid] = f"article {article_id} no longer reports it (parser {parser_version})"
            changes = {mid: self._refresh(conn, mid, why, article_version_id, now) for mid, why in touched.items()}
        out = []
        for mid, status, why in results:
            fields = changes.get(mid) or ()
            if status == "same" and fields:
                status = "changed"
            reason = why + (f"; changed: {', '.join(fields)}" if fields and status != "new" else "")
            out.append(MeetingSaved(mid, status, reason))
        return out

    def _candidates(
        self, conn: Connection, records: Sequence[MeetingRecord], prior: set[int]
    ) -> dict[int, MeetingRecord]:
        if not records:
            return {}
        lo = min(r.date for r in records) - timedelta(days=2)
        hi = max(max(r.date, r.end_date or r.date) for r in records) + timedelta(days=2)
        countries = sorted({c.upper() for r in records for c in r.countries})
        in_window = and_(
            MEETINGS.c.date <= hi,
            func.coalesce(MEETINGS.c.end_date, MEETINGS.c.date) >= lo,
            MEETINGS.c.status == "active",
            MEETINGS.c.id.in_(select(MEETING_COUNTRIES.c.meeting_id).where(MEETING_COUNTRIES.c.country.in_(countries))),
        )
        cond = or_(in_window, MEETINGS.c.id.in_(sorted(prior))) if prior else in_window
        return {r.id: row_to_record(r) for r in conn.execute(select(MEETINGS).where(cond).order_by(MEETINGS.c.id))}

    @staticmethod
    def _assign(
        records: Sequence[MeetingRecord], candidates: dict[int, MeetingRecord], prior: dict[int, Any]
    ) -> dict[int, tuple[int, str]]:
        """Which meeting each record reports: one-to-one, best-scored pairs first.

        A record identical to one this article already gave keeps its link whatever the
        meeting has become since (other reports may have moved its fields), so writing the
        same thing twice changes nothing. Other earlier links of the article come next.
        """
        out: dict[int, tuple[int, str]] = {}
        used: set[int] = set()
        for i, rec in enumerate(records):
            payload = _record_json(rec)
            for mid, link in sorted(prior.items(), key=lambda t: t[1].id):
                if mid not in used and link.record == payload:
                    out[i] = (mid, link.reason)
                    used.add(mid)
                    break
        pairs = []
        for i, rec in enumerate(records):
            if i in out:
                continue
            for mid, mrec in candidates.items():
                if mid in used:
                    continue
                d = dedup.same_meeting(mrec, rec)
                if d.same:
                    pairs.append((d.score + (100 if mid in prior else 0), i, mid, d.reason))
        pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
        for _, i, mid, why in pairs:
            if i not in out and mid not in used:
                out[i] = (mid, why)
                used.add(mid)
        return out

    def _new_meeting(self, conn: Connection, rec: MeetingRecord, now: datetime) -> int:
        return int(
            conn.execute(
                MEETINGS.insert()
                .values(**record_to_row(rec), status="active", version=0, created_at=now, updated_at=now)
                .returning(MEETINGS.c.id)
            ).scalar_one()
        )

    def _link(
        self,
        conn: Connection,
        meeting_id: int,
        article_id: int,
        article_version_id: int,
        rec: MeetingRecord,
        reason: str,
        parser_version: str,
        now: datetime,
    ) -> None:
        ins = _insert(conn, MEETING_SOURCES).values(
            meeting_id=meeting_id,
            article_id=article_id,
            article_version_id=article_version_id,
            record=_record_json(rec),
            evidence=rec.evidence,
            reason=reason,
            parser_version=parser_version,
            active=True,
            created_at=now,
            updated_at=now,
        )
        conn.execute(ins.on_conflict_do_nothing(index_elements=["meeting_id", "article_id"]))

    def _refresh(
        self, conn: Connection, meeting_id: int, reason: str, article_version_id: int, now: datetime
    ) -> tuple[str, ...]:
        """Recompute a meeting from its active reports; write a version if anything changed."""
        row = conn.execute(select(MEETINGS).where(MEETINGS.c.id == meeting_id)).one()
        links = conn.execute(
            select(MEETING_SOURCES, ARTICLES.c.outlet, ARTICLES.c.canonical_url)
            .join(ARTICLES, ARTICLES.c.id == MEETING_SOURCES.c.article_id)
            .where(MEETING_SOURCES.c.meeting_id == meeting_id, MEETING_SOURCES.c.active.is_(True))
            .order_by(ARTICLES.c.canonical_url)
        ).all()
        old = row_to_record(row)
        if not links:
            if row.status == "retracted":
                return ()
            changes: dict[str, Any] = {"status": ["active", "retracted"]}
            conn.execute(
                update(MEETINGS)
                .where(MEETINGS.c.id == meeting_id)
                .values(status="retracted", version=row.version + 1, updated_at=now)
            )
            self._version(conn, meeting_id, row.version + 1, old, {}, [], changes, reason, article_version_id, now)
            return ("status",)
        reports = [
            Report(
                article_id=link.article_id,
                record=MeetingRecord.from_dict(json.loads(link.record)),
                official=dedup.is_official(link.outlet),
                order=link.canonical_url,
            )
            for link in links
        ]
        merged, support = merge_reports(reports)
        new_row = record_to_row(merged)
        changes = {
            f: [old_v, new_v]
            for f, old_v, new_v in (
                (f, json.loads(dumps(old.to_dict()[f])), json.loads(dumps(merged.to_dict()[f])))
                for f in (*dedup.COMPARED_FIELDS, "evidence")
            )
            if old_v != new_v
        }
        if row.status != "active":
            changes["status"] = [row.status, "active"]
        spellings = [q for r in reports for q in r.record.participants if q.name]
        if not changes and row.version > 0:
            self._aliases(conn, meeting_id, spellings)
            return ()
        version = row.version + 1
        conn.execute(
            update(MEETINGS)
            .where(MEETINGS.c.id == meeting_id)
            .values(**new_row, status="active", version=version, updated_at=now)
        )
        sources = [{"article_id": link.article_id, "article_version_id": link.article_version_id} for link in links]
        self._version(conn, meeting_id, version, merged, support, sources, changes, reason, article_version_id, now)
        self._index(conn, meeting_id, merged, now)
        self._aliases(conn, meeting_id, spellings)
        return tuple(changes) if row.version > 0 else ()

    def _version(
        self,
        conn: Connection,
        meeting_id: int,
        version: int,
        rec: MeetingRecord,
        support: dict[str, Any],
        sources: list[dict[str, int]],
        changes: dict[str, Any],
        reason: str,
        article_version_id: int,
        now: datetime,
    ) -> None:
        conn.execute(
            MEETING_VERSIONS.insert().values(
                meeting_id=meeting_id,
                version=version,
                record=dumps({"record": rec.to_dict(), "support": support, "sources": sources}),
                changes=dumps(changes),
                reason=reason,
                article_version_id=article_version_id,
                created_at=now,
            )
        )

    def _index(self, conn: Connection, meeting_id: int, rec: MeetingRecord, now: datetime) -> None:
        """Rebuild the derived filter rows (countries, participants) and the people register."""
        conn.execute(MEETING_COUNTRIES.delete().where(MEETING_COUNTRIES.c.meeting_id == meeting_id))
        conn.execute(MEETING_PARTICIPANTS.delete().where(MEETING_PARTICIPANTS.c.meeting_id == meeting_id))
        countries = sorted({c.upper() for c in rec.countries})
        if countries:
            conn.execute(MEETING_COUNTRIES.insert(), [{"meeting_id": meeting_id, "country": c} for c in countries])
        rows = []
        for pos, p in enumerate(rec.participants):
            person_id = self._person(conn, p, now) if p.name else None
            rows.append(
                {
                    "meeting_id": meeting_id,
                    "position": pos,
                    "name": p.name,
                    "role": p.role,
                    "country": p.country,
                    "surname_key": dedup.surname_key(p.name) or None,
                    "person_id": person_id,
                }
            )
        if rows:
            conn.execute(MEETING_PARTICIPANTS.insert(), rows)

    def _aliases(self, conn: Connection, meeting_id: int, spellings: Sequence[Participant]) -> None:
        """Every report's spelling of a participant becomes an alias of that person."""
        rows = conn.execute(
            select(MEETING_PARTICIPANTS.c.name, MEETING_PARTICIPANTS.c.country, MEETING_PARTICIPANTS.c.person_id).where(
                MEETING_PARTICIPANTS.c.meeting_id == meeting_id, MEETING_PARTICIPANTS.c.person_id.is_not(None)
            )
        ).all()
        for q in spellings:
            for r in rows:
                if q.name != r.name and q.country in (None, r.country) and dedup.same_person(q.name, r.name):
                    self._alias(conn, r.person_id, q.name or "")
                    break

    def _person(self, conn: Connection, p: Participant, now: datetime) -> int | None:
        """The register row for a participant: one per folded name (and country); spellings as aliases."""
        name = p.name or ""
        if not p.country:
            # a person is registered once a report says whose side they are on; registering
            # "nobody's" Рзаев first would leave a row that depends on which report came first
            return None
        key = _person_key(name, p.country)
        if key is None:
            return None
        name_key, surname, initial = key
        person_id = conn.execute(select(PEOPLE.c.id).where(PEOPLE.c.name_key == name_key)).scalar()
        if person_id is None and not initial:
            # "Meredov" / "R. Meredov": the one known person of that surname and country, if unique
            found = (
                conn.execute(
                    select(PEOPLE.c.id).where(
                        PEOPLE.c.surname_key == surname,
                        PEOPLE.c.country == p.country if p.country else PEOPLE.c.country.is_(None),
                    )
                )
                .scalars()
                .all()
            )
            person_id = found[0] if len(found) == 1 else None
        if person_id is None:
            ins = _insert(conn, PEOPLE).values(
                name_key=name_key, surname_key=surname, name=name, country=p.country, created_at=now
            )
            conn.execute(ins.on_conflict_do_nothing(index_elements=["name_key"]))
            person_id = conn.execute(select(PEOPLE.c.id).where(PEOPLE.c.name_key == name_key)).scalar_one()
        else:
            # the register's name is the best spelling seen, whatever the order reports came in
            current = conn.execute(select(PEOPLE.c.name).where(PEOPLE.c.id == person_id)).scalar_one()
            if _name_rank(name) > _name_rank(current):
                conn.execute(update(PEOPLE).where(PEOPLE.c.id == person_id).values(name=name))
        self._alias(conn, int(person_id), name)
        return int(person_id)

    def _alias(self, conn: Connection, person_id: int, name: str) -> None:
        alias = _insert(conn, PERSON_ALIASES).values(person_id=person_id, alias=name, alias_key=dedup.fold_name(name))
        conn.execute(alias.on_conflict_do_nothing(index_elements=["alias"]))

    # ----------------------------------------------------------------------- entry points

    def entry_validators(self, url: str) -> tuple[str | None, str | None]:
        """(ETag, Last-Modified) last seen for a feed, sitemap or listing URL (exact URL)."""
        with self._lookup.connect() as conn:
            row = conn.execute(
                select(ENTRY_POINTS.c.etag, ENTRY_POINTS.c.last_modified).where(ENTRY_POINTS.c.url == url)
            ).first()
        return (row.etag, row.last_modified) if row else (None, None)

    def save_entry_validators(self, url: str, source: str, etag: str | None, last_modified: str | None) -> None:
        """Keep the validators of an entry point; the newest answer wins."""
        now = utcnow()
        with self.engine.begin() as conn:
            ins = _insert(conn, ENTRY_POINTS).values(
                url=url, source=source, etag=etag, last_modified=last_modified, updated_at=now
            )
            conn.execute(
                ins.on_conflict_do_update(
                    index_elements=["url"],
                    set_={"source": source, "etag": etag, "last_modified": last_modified, "updated_at": now},
                )
            )

    # ----------------------------------------------------------------------- leases

    def acquire_lease(self, source: str, holder: str, ttl: float) -> bool:
        """Take (or renew) the right to crawl ``source`` for ``ttl`` seconds.

        One conditional upsert: it succeeds when nobody holds the source, when ``holder``
        already does, or when the holder's lease has expired (its process died). Safe under
        concurrency on both databases: the row's primary key lets one writer win.
        """
        now = utcnow()
        expires = now + timedelta(seconds=ttl)
        with self.engine.begin() as conn:
            ins = _insert(conn, LEASES).values(source=source, holder=holder, acquired_at=now, expires_at=expires)
            conn.execute(
                ins.on_conflict_do_update(
                    index_elements=["source"],
                    set_={"holder": holder, "acquired_at": now, "expires_at": expires},
                    where=or_(LEASES.c.holder == holder, LEASES.c.expires_at < now),
                )
            )
            owner = conn.execute(select(LEASES.c.holder).where(LEASES.c.source == source)).scalar()
        return bool(owner == holder)

    def release_lease(self, source: str, holder: str) -> None:
        """Give the source back at once (a clean stop); only the holder's own lease is removed."""
        with self.engine.begin() as conn:
            conn.execute(delete(LEASES).where(LEASES.c.source == source, LEASES.c.holder == holder))

    # ----------------------------------------------------------------------- ledger

    def start_run(self, source: str, kind: str) -> int:
        """Open a ledger row; finish_run closes it with the counts and outcome."""
        with self.engine.begin() as conn:
            return int(
                conn.execute(
                    RUNS.insert()
                    .values(
                        source=source,
                        kind=kind,
                        started_at=utcnow(),
                        discovered=0,
                        fetched=0,
                        not_modified=0,
                        new=0,
                        changed=0,
                        failed=0,
                        blocked=0,
                        meetings_found=0,
                        outcome=None,
                        errors="[]",
                    )
                    .returning(RUNS.c.id)
                ).scalar_one()
            )

    def finish_run(self, run_id: int, stats: RunStats) -> None:
        """Close a run and update the source's streaks (failures, empty runs, runs without meetings)."""
        now = utcnow()
        with self.engine.begin() as conn:
            source = conn.execute(select(RUNS.c.source).where(RUNS.c.id == run_id)).scalar_one()
            conn.execute(
                update(RUNS)
                .where(RUNS.c.id == run_id)
                .values(
                    finished_at=now,
                    discovered=stats.discovered,
                    fetched=stats.fetched,
                    not_modified=stats.not_modified,
                    new=stats.new_articles,
                    changed=stats.changed_articles,
                    failed=stats.failed,
                    blocked=stats.blocked,
                    meetings_found=stats.meetings_found,
                    outcome=stats.outcome,
                    errors=dumps(stats.errors[:200]),
                )
            )
            st = self._source_state(conn, source, now)
            failing = stats.outcome in FAILED_OUTCOMES
            values: dict[str, Any] = {
                "last_run_id": run_id,
                "updated_at": now,
                "consecutive_failures": st.consecutive_failures + 1 if failing else 0,
                "consecutive_empty": (st.consecutive_empty + 1)
                if stats.outcome == "empty"
                else (st.consecutive_empty if failing else 0),
            }
            if stats.meetings_found:
                values["consecutive_no_meetings"] = 0
            elif stats.new_articles + stats.changed_articles:
                values["consecutive_no_meetings"] = st.consecutive_no_meetings + 1
            if not failing:
                values["last_success_at"] = now
            conn.execute(update(SOURCE_STATE).where(SOURCE_STATE.c.source == source).values(**values))

    def _source_state(self, conn: Connection, source: str, now: datetime) -> Any:
        ins = _insert(conn, SOURCE_STATE).values(
            source=source, consecutive_failures=0, consecutive_empty=0, consecutive_no_meetings=0, updated_at=now
        )
        conn.execute(ins.on_conflict_do_nothing(index_elements=["source"]))
        return conn.execute(select(SOURCE_STATE).where(SOURCE_STATE.c.source == source).with_for_update()).one()

    def watermark(self, source: str) -> str | None:
        """The source's saved discovery watermark (a URL or ISO date; the crawler decides)."""
        with self._lookup.connect() as conn:
            return conn.execute(select(SOURCE_STATE.c.watermark).where(SOURCE_STATE.c.source == source)).scalar()

    def set_watermark(self, source: str, value: str | None) -> None:
        now = utcnow()
        with self.engine.begin() as conn:
            self._source_state(conn, source, now)
            conn.execute(
                update(SOURCE_STATE).where(SOURCE_STATE.c.source == source).values(watermark=value, updated_at=now)
            )
