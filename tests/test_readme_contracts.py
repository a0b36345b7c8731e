"""The README documents the record schema, the catalog keys and the settings once; keep them in sync."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from config.catalog import CATALOG_FIELDS
from config.settings import Settings
from scraper.meetings.model import KINDS, MeetingRecord, Participant

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", README, re.S | re.M)
    assert match, f"README has no '## {title}' section"
    return match.group(1)


def test_record_table_lists_exactly_the_model_fields() -> None:
    rows = re.findall(r"^\| `([a-z_]+)` \|", section("Meeting record"), re.M)
    fields = [f.name for f in dataclasses.fields(MeetingRecord) if f.name != "language"]
    assert sorted(rows) == sorted(fields)
    assert set(MeetingRecord.__dataclass_fields__) >= set(rows)


def test_record_section_names_every_kind_and_participant_key() -> None:
    text = section("Meeting record")
    for kind in KINDS:
        assert f"`{kind}`" in text
    for name in (f.name for f in dataclasses.fields(Participant)):
        assert f'"{name}"' in text


def test_catalog_example_uses_every_key() -> None:
    text = section("Source catalog")
    keys = set(re.findall(r"^([a-z_]+) = ", text, re.M))
    assert keys == set(CATALOG_FIELDS)


def test_every_setting_is_documented() -> None:
    text = section("Configuration")
    for name in Settings.model_fields:
        assert f"`{name}`" in text, name


def test_documented_views_match_the_database(tmp_path: Path) -> None:
    import sqlalchemy as sa

    from storage.store import Store

    url = f"sqlite:///{tmp_path / 'views.db'}"
    Store(url).close()
    engine = sa.create_engine(url)
    try:
        inspector = sa.inspect(engine)
        rows = re.findall(
            r"^\| `(v_[a-z_]+)` \| [^|]+ \| ([^|]+) \|", section("Reading the database (SQL views)"), re.M
        )
        assert {name for name, _ in rows} == set(inspector.get_view_names())
        for name, columns in rows:
            documented = {re.sub(r"\s*\(.*$", "", c.strip()) for c in re.split(r",\s*(?![^()]*\))", columns)}
            actual = {c["name"] for c in inspector.get_columns(name)}
            assert documented == actual, name
    finally:
        engine.dispose()
