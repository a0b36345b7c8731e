"""The database schema (SQLAlchemy 2.0 declarative), identical on SQLite and PostgreSQL.

The tables are created by the Alembic revisions in storage/migrations (written out by hand);
a test compares those migrations with this module so the two never drift apart. JSON is
kept as text (``json.dumps(..., sort_keys=True)``) so it reads the same in both databases
and in sqlite3/psql without JSON functions.
"""

from __future__ import annotations

import datetime as dt
from datetime import datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


TS = DateTime(timezone=True)


class Page(Base):
    """One fetched version of one page; the same bytes fetched twice are one row."""

    __tablename__ = "pages"
    __table_args__ = (UniqueConstraint("canonical_url", "content_sha256", name="uq_pages_url_sha"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(200))
    url: Mapped[str] = mapped_column(Text)
    canonical_url: Mapped[str] = mapped_column(Text)
    final_url: Mapped[str] = mapped_column(Text)
    status: Mapped[int] = mapped_column(Integer)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    content_sha256: Mapped[str] = mapped_column(String(64))
    body: Mapped[bytes] = mapped_column(LargeBinary)  # zlib-compressed raw body
    body_size: Mapped[int] = mapped_column(Integer)
    encoding: Mapped[str | None] = mapped_column(String(64))
    content_type: Mapped[str | None] = mapped_column(String(200))
    fetched_at: Mapped[datetime] = mapped_column(TS)


class UrlState(Base):
    """Per URL: the latest page and its validators, for conditional GET and reparse."""

    __tablename__ = "url_state"

    canonical_url: Mapped[str] = mapped_column(Text, primary_key=True)
    source: Mapped[str] = mapped_column(String(200))
    page_id: Mapped[int] = mapped_column(ForeignKey("pages.id"))
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    last_fetched_at: Mapped[datetime] = mapped_column(TS)
    last_status: Mapped[int] = mapped_column(Integer)


class ArticleRow(Base):
    """One canonical article, whatever the number of URLs and versions it has."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    canonical_url: Mapped[str] = mapped_column(Text, unique=True)
    source: Mapped[str] = mapped_column(String(200))
    outlet: Mapped[str] = mapped_column(String(200))
    language: Mapped[str | None] = mapped_column(String(16))
    first_seen: Mapped[datetime] = mapped_column(TS)
    current_version_id: Mapped[int | None] = mapped_column(Integer)


class ArticleUrl(Base):
    """Every URL (canonicalised) under which an article was seen: AMP, print, mirrors, copies."""

    __tablename__ = "article_urls"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(Text, unique=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    relation: Mapped[str] = mapped_column(String(32))  # canonical | alias | duplicate
    created_at: Mapped[datetime] = mapped_column(TS)


class ArticleVersion(Base):
    """One text of an article; a new row only when the normalised text changes."""

    __tablename__ = "article_versions"
    __table_args__ = (
        UniqueConstraint("article_id", "text_sha256", name="uq_article_versions_sha"),
        UniqueConstraint("article_id", "version", name="uq_article_versions_no"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"))
    version: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    published: Mapped[datetime | None] = mapped_column(TS)
    language: Mapped[str | None] = mapped_column(String(16))
    text_sha256: Mapped[str] = mapped_column(String(64), index=True)
    page_id: Mapped[int | None] = mapped_column(ForeignKey("pages.id"))
    parser_version: Mapped[str | None] = mapped_column(String(64))  # last parsed with; None: not yet
    created_at: Mapped[datetime] = mapped_column(TS)


class Meeting(Base):
    """The current, best-supported state of one meeting; history is in meeting_versions."""

    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    date_exact: Mapped[bool] = mapped_column(Boolean)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    countries: Mapped[str] = mapped_column(Text)  # JSON list, sorted
    location_city: Mapped[str | None] = mapped_column(Text)
    location_country: Mapped[str | None] = mapped_column(String(16))
    participants: Mapped[str] = mapped_column(Text)  # JSON list of {name, role, country}
    topics: Mapped[str] = mapped_column(Text)  # JSON list
    evidence: Mapped[str] = mapped_column(Text)
    match_key: Mapped[str] = mapped_column(Text)  # "kind|AZ,TM" — for eyes and indexes
    status: Mapped[str] = mapped_column(String(16))  # active | retracted
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(TS)
    updated_at: Mapped[datetime] = mapped_column(TS)


class MeetingCountry(Base):
    __tablename__ = "meeting_countries"
    __table_args__ = (Index("ix_meeting_countries_country", "country", "meeting_id"),)

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), primary_key=True)
    country: Mapped[str] = mapped_column(String(16), primary_key=True)


class MeetingVersion(Base):
    """Every state a meeting has had, with what changed and why. Never updated or deleted."""

    __tablename__ = "meeting_versions"
    __table_args__ = (UniqueConstraint("meeting_id", "version", name="uq_meeting_versions_no"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"))
    version: Mapped[int] = mapped_column(Integer)
    record: Mapped[str] = mapped_column(Text)  # JSON: fields, per-field support, source links
    changes: Mapped[str] = mapped_column(Text)  # JSON: {field: [old, new]}
    reason: Mapped[str] = mapped_column(Text)
    article_version_id: Mapped[int | None] = mapped_column(ForeignKey("article_versions.id"))
    created_at: Mapped[datetime] = mapped_column(TS)


class MeetingSource(Base):
    """One report of a meeting: the record as that article gave it, and why it was merged."""

    __tablename__ = "meeting_sources"
    __table_args__ = (UniqueConstraint("meeting_id", "article_id", name="uq_meeting_sources"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"))
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    article_version_id: Mapped[int] = mapped_column(ForeignKey("article_versions.id"))
    record: Mapped[str] = mapped_column(Text)  # JSON MEETING as extracted
    evidence: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    parser_version: Mapped[str | None] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(TS)
    updated_at: Mapped[datetime] = mapped_column(TS)


class Person(Base):
    """A person met, keyed by the folded name so every spelling lands on one row."""

    __tablename__ = "people"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name_key: Mapped[str] = mapped_column(Text, unique=True)
    surname_key: Mapped[str] = mapped_column(Text, index=True)
    name: Mapped[str] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(TS)


class PersonAlias(Base):
    __tablename__ = "person_aliases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    alias: Mapped[str] = mapped_column(Text, unique=True)
    alias_key: Mapped[str] = mapped_column(Text, index=True)


class MeetingParticipant(Base):
    """The current participants of a meeting, one row each, for filtering by person."""

    __tablename__ = "meeting_participants"
    __table_args__ = (Index("ix_meeting_participants_surname", "surname_key", "meeting_id"),)

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str | None] = mapped_column(Text)
    role: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(16))
    surname_key: Mapped[str | None] = mapped_column(Text)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))


class Run(Base):
    """The coverage ledger: one row per crawl of one source."""

    __tablename__ = "runs"
    __table_args__ = (Index("ix_runs_source_started", "source", "started_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(32))  # run | backfill | poll | once
    started_at: Mapped[datetime] = mapped_column(TS)
    finished_at: Mapped[datetime | None] = mapped_column(TS)
    discovered: Mapped[int] = mapped_column(Integer, default=0)
    fetched: Mapped[int] = mapped_column(Integer, default=0)
    not_modified: Mapped[int] = mapped_column(Integer, default=0)
    new: Mapped[int] = mapped_column(Integer, default=0)
    changed: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    blocked: Mapped[int] = mapped_column(Integer, default=0)
    meetings_found: Mapped[int] = mapped_column(Integer, default=0)
    outcome: Mapped[str | None] = mapped_column(String(32))
    errors: Mapped[str] = mapped_column(Text, default="[]")  # JSON list


class SourceState(Base):
    """Per source: watermark and failure streaks, so a silent or broken source is flagged."""

    __tablename__ = "source_state"

    source: Mapped[str] = mapped_column(String(200), primary_key=True)
    watermark: Mapped[str | None] = mapped_column(Text)
    last_run_id: Mapped[int | None] = mapped_column(Integer)
    last_success_at: Mapped[datetime | None] = mapped_column(TS)
    consecutive_failures: Mapped[int] = mapped_column(Integer, default=0)
    consecutive_empty: Mapped[int] = mapped_column(Integer, default=0)
    consecutive_no_meetings: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(TS)



class Lease(Base):
    """Which process crawls a source now: several daemons on one database share the sources.

    A holder renews its lease while it works; a process that dies stops renewing, and once
    ``expires_at`` has passed another process may take the source over.
    """

    __tablename__ = "leases"

    source: Mapped[str] = mapped_column(String(200), primary_key=True)
    holder: Mapped[str] = mapped_column(String(200))
    acquired_at: Mapped[datetime] = mapped_column(TS)
    expires_at: Mapped[datetime] = mapped_column(TS)


class EntryPoint(Base):
    """Validators of feeds, sitemaps and listing pages, so a fresh process polls with 304s too."""

    __tablename__ = "entry_points"

    url: Mapped[str] = mapped_column(Text, primary_key=True)
    source: Mapped[str] = mapped_column(String(200))
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(TS)
