"""The source catalog: one ``[sources.NAME]`` table per source, declarative.

The format is a contract (README "Source catalog"). Unknown keys and bad values are a
ConfigError that names the file, the source and the key, so a typo never silently
disables a source.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scraper.errors import ConfigError

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)\s*$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
CATALOG_FIELDS = frozenset(
    {
        "outlet",
        "language",
        "feeds",
        "sitemaps",
        "listings",
        "article_pattern",
        "exclude_pattern",
        "interval",
        "delay",
        "enabled",
        "selectors",
        "timezone",
        "max_pages",
        "verified",
        "guessed",
        "notes",
    }
)
SELECTOR_FIELDS = frozenset({"title", "body", "published", "drop"})
FIELD_NAMES_FOR_EVIDENCE = frozenset({"feeds", "sitemaps", "listings", "article_pattern", "selectors"})


def parse_duration(text: str) -> float:
    """'15m' -> 900.0; seconds, minutes, hours or days."""
    m = _DURATION.match(str(text))
    if not m:
        raise ValueError(f"{text!r} is not a duration like '30s', '15m', '1h' or '1d'")
    return float(m.group(1)) * _UNIT_SECONDS[m.group(2)]


@dataclass(frozen=True, slots=True)
class Selectors:
    """Optional per-source CSS selectors; the generic extractor fills whatever is not given."""

    title: str | None = None
    body: str | None = None
    published: str | None = None
    drop: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Source:
    """One crawlable source: an outlet in one language with its discovery entry points."""

    name: str
    outlet: str
    language: str
    article_pattern: str
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    listings: tuple[str, ...] = ()
    exclude_pattern: str | None = None
    interval: float = 3600.0
    delay: float = 2.0
    enabled: bool = True
    selectors: Selectors = field(default_factory=Selectors)
    timezone: str | None = None
    max_pages: int | None = None
    verified: tuple[str, ...] = ()
    guessed: tuple[str, ...] = ()
    notes: str = ""

    @property
    def hosts(self) -> frozenset[str]:
        """Every host named by this source's entry points (lower-case)."""
        urls = (*self.feeds, *self.sitemaps, *(u.replace("{page}", "1") for u in self.listings))
        return frozenset(h for h in (urlsplit(u).hostname for u in urls) if h)

    def is_article_url(self, url: str) -> bool:
        if not re.search(self.article_pattern, url):
            return False
        return not (self.exclude_pattern and re.search(self.exclude_pattern, url))


@dataclass(frozen=True, slots=True)
class Catalog:
    """All sources of one catalog file, in file order."""

    sources: tuple[Source, ...]
    path: str = "<packaged>"

    def __iter__(self) -> Iterator[Source]:
        return iter(self.sources)

    def __len__(self) -> int:
        return len(self.sources)

    def get(self, name: str) -> Source:
        for source in self.sources:
            if source.name == name:
                return source
        known = ", ".join(s.name for s in self.sources)
        raise ConfigError(f"no source named {name!r} in {self.path} (known: {known})")

    @property
    def enabled(self) -> tuple[Source, ...]:
        return tuple(s for s in self.sources if s.enabled)

    @property
    def hosts(self) -> frozenset[str]:
        return frozenset().union(*(s.hosts for s in self.sources)) if self.sources else frozenset()


def _str_list(where: str, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{where}: key {key!r} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _url_list(where: str, key: str, value: Any, *, template: bool = False) -> tuple[str, ...]:
    urls = _str_list(where, key, value)
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConfigError(f"{where}: key {key!r}: {url!r} is not an absolute http(s) URL")
        if template and "{page}" not in url:
            raise ConfigError(f"{where}: key {key!r}: listing {url!r} has no {{page}} placeholder")
    return urls


def _regex(where: str, key: str, value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{where}: key {key!r} must be a non-empty regular expression")
    try:
        re.compile(value)
    except re.error as exc:
        raise ConfigError(f"{where}: key {key!r} is not a valid regular expression: {exc}") from None
    return value


def _number(where: str, key: str, value: Any, *, minimum: float = 0.0) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < minimum:
        raise ConfigError(f"{where}: key {key!r} must be a number >= {minimum:g} (got {value!r})")
    return float(value)


def _selectors(where: str, value: Any) -> Selectors:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: key 'selectors' must be a table")
    unknown = set(value) - SELECTOR_FIELDS
    if unknown:
        raise ConfigError(f"{where}: unknown selector key(s) {', '.join(sorted(unknown))}")
    for key in ("title", "body", "published"):
        if key in value and not isinstance(value[key], str):
            raise ConfigError(f"{where}: selector {key!r} must be a CSS selector string")
    return Selectors(
        title=value.get("title"),
        body=value.get("body"),
        published=value.get("published"),
        drop=_str_list(where, "selectors.drop", value["drop"]) if "drop" in value else (),
    )


def source_from_table(name: str, table: Mapping[str, Any], origin: str = "<catalog>") -> Source:
    """Validate one ``[sources.NAME]`` table into a Source."""
    where = f"{origin}: source {name!r}"
    if not re.fullmatch(r"[A-Za-z0-9_.-]+", name):
        raise ConfigError(f"{where}: a source name may hold only letters, digits, '.', '_' and '-'")
    if not isinstance(table, Mapping):
        raise ConfigError(f"{where}: must be a table")
    unknown = set(table) - CATALOG_FIELDS
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    for required in ("outlet", "language", "article_pattern"):
        if required not in table:
            raise ConfigError(f"{where}: key {required!r} is required")
    for key in ("outlet", "language"):
        if not isinstance(table[key], str) or not table[key].strip():
            raise ConfigError(f"{where}: key {key!r} must be a non-empty string")
    feeds = _url_list(where, "feeds", table.get("feeds", []))
    sitemaps = _url_list(where, "sitemaps", table.get("sitemaps", []))
    listings = _url_list(where, "listings", table.get("listings", []), template=True)
    if not (feeds or sitemaps or listings):
        raise ConfigError(f"{where}: needs at least one of 'feeds', 'sitemaps' or 'listings'")
    try:
        interval = parse_duration(table.get("interval", "1h"))
    except ValueError as exc:
        raise ConfigError(f"{where}: key 'interval': {exc}") from None
    if interval < 1:
        raise ConfigError(f"{where}: key 'interval' must be at least one second")
    enabled = table.get("enabled", True)
    if not isinstance(enabled, bool):
        raise ConfigError(f"{where}: key 'enabled' must be true or false")
    max_pages = table.get("max_pages")
    if max_pages is not None and (not isinstance(max_pages, int) or isinstance(max_pages, bool) or max_pages < 1):
        raise ConfigError(f"{where}: key 'max_pages' must be a whole number >= 1")
    for key in ("timezone", "notes"):
        if key in table and not isinstance(table[key], str):
            raise ConfigError(f"{where}: key {key!r} must be a string")
    if "timezone" in table:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(table["timezone"])
        except (ZoneInfoNotFoundError, ValueError):
            raise ConfigError(f"{where}: key 'timezone': unknown time zone {table['timezone']!r}") from None
    evidence: dict[str, tuple[str, ...]] = {}
    for key in ("verified", "guessed"):
        items = _str_list(where, key, table.get(key, []))
        bad = set(items) - FIELD_NAMES_FOR_EVIDENCE
        if bad:
            raise ConfigError(
                f"{where}: key {key!r} names {', '.join(sorted(bad))}; "
                f"allowed: {', '.join(sorted(FIELD_NAMES_FOR_EVIDENCE))}"
            )
        evidence[key] = items
    return Source(
        name=name,
        outlet=table["outlet"].strip(),
        language=table["language"].strip().lower(),
        article_pattern=_regex(where, "article_pattern", table["article_pattern"]),
        exclude_pattern=_regex(where, "exclude_pattern", table["exclude_pattern"])
        if "exclude_pattern" in table
        else None,
        feeds=feeds,
        sitemaps=sitemaps,
        listings=listings,
        interval=interval,
        delay=_number(where, "delay", table.get("delay", 2.0)),
        enabled=enabled,
        selectors=_selectors(where, table["selectors"]) if "selectors" in table else Selectors(),
        timezone=table.get("timezone"),
        max_pages=max_pages,
        verified=evidence["verified"],
        guessed=evidence["guessed"],
        notes=table.get("notes", ""),
    )


def parse_catalog(data: Mapping[str, Any], origin: str = "<catalog>") -> Catalog:
    extra = set(data) - {"sources"}
    if extra:
        raise ConfigError(f"{origin}: unknown top-level key(s) {', '.join(sorted(extra))}; expected [sources.NAME]")
    tables = data.get("sources")
    if not isinstance(tables, Mapping) or not tables:
        raise ConfigError(f"{origin}: no [sources.NAME] tables")
    return Catalog(tuple(source_from_table(n, t, origin) for n, t in tables.items()), path=origin)


def load_catalog(path: Path | str | None = None) -> Catalog:
    """Read a catalog file; None means the packaged ``config/sources.toml``."""
    if path is None:
        text = resources.files("config").joinpath("sources.toml").read_text(encoding="utf-8")
        origin = "config/sources.toml"
    else:
        origin = str(path)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ConfigError(f"catalog {origin} does not exist") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"catalog {origin} cannot be read: {exc}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"catalog {origin} is not valid TOML: {exc}") from None
    return parse_catalog(data, origin)
