"""The catalog format is a contract: valid tables load, every mistake names source and key."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from config.catalog import load_catalog, parse_catalog, parse_duration
from scraper.errors import ConfigError

GOOD = """
[sources.agency-en]
outlet = "Agency"
language = "en"
feeds = ["http://127.0.0.1:8000/rss"]
listings = ["http://127.0.0.1:8000/news?page={page}"]
article_pattern = '/news/\\d+'
exclude_pattern = '/news/\\d+/photos'
interval = "15m"
delay = 0.5
verified = ["feeds"]
guessed = ["listings"]
notes = "test"

[sources.agency-en.selectors]
body = "div.text"
drop = ["div.ad"]

[sources.ministry]
outlet = "Ministry"
language = "ru"
sitemaps = ["https://mfa.example/sitemap.xml"]
article_pattern = '/ru/news/'
enabled = false
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_good_catalog_loads_with_types(tmp_path: Path) -> None:
    catalog = load_catalog(write(tmp_path, GOOD))
    assert [s.name for s in catalog] == ["agency-en", "ministry"]
    agency = catalog.get("agency-en")
    assert agency.interval == 900.0
    assert agency.delay == 0.5
    assert agency.selectors.body == "div.text"
    assert agency.selectors.drop == ("div.ad",)
    assert agency.is_article_url("http://127.0.0.1:8000/news/12")
    assert not agency.is_article_url("http://127.0.0.1:8000/news/12/photos")
    assert not agency.is_article_url("http://127.0.0.1:8000/about")
    assert agency.hosts == frozenset({"127.0.0.1"})
    assert [s.name for s in catalog.enabled] == ["agency-en"]
    assert catalog.get("ministry").interval == 3600.0  # default interval


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('interval = "15m"', 'interval = "soon"'), "'agency-en'.*interval"),
        (("delay = 0.5", "delay = -1"), "'agency-en'.*delay"),
        (("delay = 0.5", "delya = 0.5"), "'agency-en'.*unknown key.*delya"),
        (("article_pattern = '/news/\\d+'", "article_pattern = '/news/(\\d+'"), "article_pattern"),
        (
            ('listings = ["http://127.0.0.1:8000/news?page={page}"]', 'listings = ["http://127.0.0.1:8000/news"]'),
            "\\{page\\}",
        ),
        (('feeds = ["http://127.0.0.1:8000/rss"]', 'feeds = ["ftp://x/rss"]'), "feeds"),
        (("enabled = false", 'enabled = "no"'), "'ministry'.*enabled"),
        (('language = "ru"', 'language = ""'), "'ministry'.*language"),
        (('verified = ["feeds"]', 'verified = ["everything"]'), "verified"),
        (('body = "div.text"', 'bodyy = "div.text"'), "selector"),
    ],
)
def test_mistakes_name_the_source_and_key(tmp_path: Path, change: tuple[str, str], message: str) -> None:
    old, new = change
    assert old in GOOD
    with pytest.raises(ConfigError, match=message):
        load_catalog(write(tmp_path, GOOD.replace(old, new)))


def test_missing_required_key_and_missing_entry_points() -> None:
    with pytest.raises(ConfigError, match="'x'.*article_pattern"):
        parse_catalog({"sources": {"x": {"outlet": "X", "language": "en", "feeds": ["http://a/b"]}}})
    with pytest.raises(ConfigError, match="'x'.*feeds"):
        parse_catalog({"sources": {"x": {"outlet": "X", "language": "en", "article_pattern": "a"}}})


def test_unknown_source_name_lists_the_known_ones(tmp_path: Path) -> None:
    catalog = load_catalog(write(tmp_path, GOOD))
    with pytest.raises(ConfigError, match="agency-en, ministry"):
        catalog.get("nope")


def test_unreadable_catalogs(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_catalog(tmp_path / "none.toml")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_catalog(write(tmp_path, "[sources.x\n"))
    with pytest.raises(ConfigError, match="no \\[sources"):
        load_catalog(write(tmp_path, "# nothing\n"))
    with pytest.raises(ConfigError, match="unknown top-level"):
        load_catalog(write(tmp_path, "title = 'x'\n"))


@pytest.mark.parametrize(("text", "seconds"), [("30s", 30), ("15m", 900), ("1h", 3600), ("1.5h", 5400), ("2d", 172800)])
def test_durations(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@given(st.text(max_size=12))
def test_duration_parser_accepts_or_refuses_cleanly(text: str) -> None:
    try:
        value = parse_duration(text)
    except ValueError:
        return
    assert value >= 0
