"""Initial schema: pages, articles and versions, meetings and versions, sources, people, ledger, views.

Revision ID: 0001
Revises:
Create Date: 2026-11-26

The reader views (a stable interface, documented in the README):

- ``v_meetings``: one row per meeting — fields, countries / participants / topics as JSON
  text, ``status`` (active | retracted), ``version`` and ``n_sources`` (active reports);
- ``v_meeting_sources``: one row per meeting–report link — url, outlet, source, language,
  published, title, evidence, merge reason, ``active`` (false once a newer version of the
  article no longer reports it) and the record as extracted (JSON);
- ``v_participants``: one row per participant of a meeting, with the person register's name.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)

VIEWS: dict[str, str] = {
    "v_meetings": """
CREATE VIEW v_meetings AS
SELECT m.id, m.date, m.end_date, m.date_exact, m.kind, m.countries,
       m.location_city, m.location_country, m.participants, m.topics, m.evidence,
       m.status, m.version, m.created_at, m.updated_at,
       (SELECT COUNT(*) FROM meeting_sources s WHERE s.meeting_id = m.id AND s.active) AS n_sources
FROM meetings m
""",
    "v_meeting_sources": """
CREATE VIEW v_meeting_sources AS
SELECT s.meeting_id, s.article_id, s.article_version_id, a.canonical_url AS url, a.outlet, a.source,
       COALESCE(v.language, a.language) AS language, v.published, v.title, s.evidence, s.reason,
       s.parser_version, s.active, s.created_at AS linked_at, s.record
FROM meeting_sources s
JOIN articles a ON a.id = s.article_id
JOIN article_versions v ON v.id = s.article_version_id
""",
    "v_participants": """
CREATE VIEW v_participants AS
SELECT p.meeting_id, p.position, p.name, p.role, p.country, p.person_id,
       pe.name AS person, m.date, m.kind, m.countries, m.status
FROM meeting_participants p
JOIN meetings m ON m.id = p.meeting_id
LEFT JOIN people pe ON pe.id = p.person_id
""",
}


def upgrade() -> None:
    op.create_table(
        "pages",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("canonical_url", sa.Text, nullable=False),
        sa.Column("final_url", sa.Text, nullable=False),
        sa.Column("status", sa.Integer, nullable=False),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("content_sha256", sa.String(64), nullable=False),
        sa.Column("body", sa.LargeBinary, nullable=False),
        sa.Column("body_size", sa.Integer, nullable=False),
        sa.Column("encoding", sa.String(64)),
        sa.Column("content_type", sa.String(200)),
        sa.Column("fetched_at", TS, nullable=False),
        sa.UniqueConstraint("canonical_url", "content_sha256", name="uq_pages_url_sha"),
    )
    op.create_table(
        "url_state",
        sa.Column("canonical_url", sa.Text, primary_key=True),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("page_id", sa.Integer, sa.ForeignKey("pages.id"), nullable=False),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("last_fetched_at", TS, nullable=False),
        sa.Column("last_status", sa.Integer, nullable=False),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("canonical_url", sa.Text, nullable=False, unique=True),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("outlet", sa.String(200), nullable=False),
        sa.Column("language", sa.String(16)),
        sa.Column("first_seen", TS, nullable=False),
        sa.Column("current_version_id", sa.Integer),
    )
    op.create_table(
        "article_urls",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("url", sa.Text, nullable=False, unique=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("relation", sa.String(32), nullable=False),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_index("ix_article_urls_article_id", "article_urls", ["article_id"])
    op.create_table(
        "article_versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("published", TS),
        sa.Column("language", sa.String(16)),
        sa.Column("text_sha256", sa.String(64), nullable=False),
        sa.Column("page_id", sa.Integer, sa.ForeignKey("pages.id")),
        sa.Column("parser_version", sa.String(64)),
        sa.Column("created_at", TS, nullable=False),
        sa.UniqueConstraint("article_id", "text_sha256", name="uq_article_versions_sha"),
        sa.UniqueConstraint("article_id", "version", name="uq_article_versions_no"),
    )
    op.create_index("ix_article_versions_text_sha256", "article_versions", ["text_sha256"])
    op.create_table(
        "meetings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("end_date", sa.Date),
        sa.Column("date_exact", sa.Boolean, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("countries", sa.Text, nullable=False),
        sa.Column("location_city", sa.Text),
        sa.Column("location_country", sa.String(16)),
        sa.Column("participants", sa.Text, nullable=False),
        sa.Column("topics", sa.Text, nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("match_key", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
    )
    op.create_index("ix_meetings_date", "meetings", ["date"])
    op.create_index("ix_meetings_kind", "meetings", ["kind"])
    op.create_table(
        "meeting_countries",
        sa.Column("meeting_id", sa.Integer, sa.ForeignKey("meetings.id"), primary_key=True),
        sa.Column("country", sa.String(16), primary_key=True),
    )
    op.create_index("ix_meeting_countries_country", "meeting_countries", ["country", "meeting_id"])
    op.create_table(
        "meeting_versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("meeting_id", sa.Integer, sa.ForeignKey("meetings.id"), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("record", sa.Text, nullable=False),
        sa.Column("changes", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("article_version_id", sa.Integer, sa.ForeignKey("article_versions.id")),
        sa.Column("created_at", TS, nullable=False),
        sa.UniqueConstraint("meeting_id", "version", name="uq_meeting_versions_no"),
    )
    op.create_table(
        "meeting_sources",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("meeting_id", sa.Integer, sa.ForeignKey("meetings.id"), nullable=False),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("article_version_id", sa.Integer, sa.ForeignKey("article_versions.id"), nullable=False),
        sa.Column("record", sa.Text, nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("parser_version", sa.String(64)),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.UniqueConstraint("meeting_id", "article_id", name="uq_meeting_sources"),
    )
    op.create_index("ix_meeting_sources_article_id", "meeting_sources", ["article_id"])
    op.create_table(
        "people",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name_key", sa.Text, nullable=False, unique=True),
        sa.Column("surname_key", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("country", sa.String(16)),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_index("ix_people_surname_key", "people", ["surname_key"])
    op.create_table(
        "person_aliases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id"), nullable=False),
        sa.Column("alias", sa.Text, nullable=False, unique=True),
        sa.Column("alias_key", sa.Text, nullable=False),
    )
    op.create_index("ix_person_aliases_person_id", "person_aliases", ["person_id"])
    op.create_index("ix_person_aliases_alias_key", "person_aliases", ["alias_key"])
    op.create_table(
        "meeting_participants",
        sa.Column("meeting_id", sa.Integer, sa.ForeignKey("meetings.id"), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text),
        sa.Column("role", sa.Text),
        sa.Column("country", sa.String(16)),
        sa.Column("surname_key", sa.Text),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id")),
    )
    op.create_index("ix_meeting_participants_surname", "meeting_participants", ["surname_key", "meeting_id"])
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("started_at", TS, nullable=False),
        sa.Column("finished_at", TS),
        sa.Column("discovered", sa.Integer, nullable=False),
        sa.Column("fetched", sa.Integer, nullable=False),
        sa.Column("not_modified", sa.Integer, nullable=False),
        sa.Column("new", sa.Integer, nullable=False),
        sa.Column("changed", sa.Integer, nullable=False),
        sa.Column("failed", sa.Integer, nullable=False),
        sa.Column("blocked", sa.Integer, nullable=False),
        sa.Column("meetings_found", sa.Integer, nullable=False),
        sa.Column("outcome", sa.String(32)),
        sa.Column("errors", sa.Text, nullable=False),
    )
    op.create_index("ix_runs_source_started", "runs", ["source", "started_at"])
    op.create_table(
        "source_state",
        sa.Column("source", sa.String(200), primary_key=True),
        sa.Column("watermark", sa.Text),
        sa.Column("last_run_id", sa.Integer),
        sa.Column("last_success_at", TS),
        sa.Column("consecutive_failures", sa.Integer, nullable=False),
        sa.Column("consecutive_empty", sa.Integer, nullable=False),
        sa.Column("consecutive_no_meetings", sa.Integer, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
    )
    for sql in VIEWS.values():
        op.execute(sql)


def downgrade() -> None:
    for name in reversed(list(VIEWS)):
        op.execute(f"DROP VIEW IF EXISTS {name}")
    for table in (
        "source_state", "runs", "meeting_participants", "person_aliases", "people", "meeting_sources",
        "meeting_versions", "meeting_countries", "meetings", "article_versions", "article_urls",
        "articles", "url_state", "pages",
    ):
        op.drop_table(table)
