"""Page metadata: title, canonical URL, language and publication time, read from one lxml tree.

Machine-readable markup (JSON-LD, OpenGraph, <time>) is trusted before visible text, and
visible dates are only read from the article's own byline area: a ticker in the page header
("currency rates 26/11/2025") or a sidebar item is never a publication date.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

from config.catalog import Selectors
from scraper.extract_dates import Stamp, parse_any, parse_iso, parse_visible, plausible
from scraper.extract_html import HtmlElement, class_words, in_furniture, norm_space, select

ARTICLE_TYPES = frozenset(
    {
        "newsarticle",
        "article",
        "reportagenewsarticle",
        "blogposting",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "report",
        "scholarlyarticle",
        "liveblogposting",
    }
)
_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "published_time",
    "publication_date",
    "dc.date.issued",
    "dc.date",
    "dcterms.issued",
    "dcterms.created",
    "dc.date.created",
    "sailthru.date",
    "parsely-pub-date",
    "date",
)
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||•|·|::|—|–|-|«|»)\s+")
_LANG = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LATIN = re.compile(r"[A-Za-z]")
_DATE_CLASS = ("date", "time", "publish", "posted", "dateline", "datum", "data")
_TIME_LINK = re.compile(r"/(?:time|date|archive|news/by-date)/(\d{4}-\d{2}-\d{2})(?:/|$)")


class Meta:
    """Everything read from <head> and structured data, gathered in one pass over the tree."""

    def __init__(self, root: HtmlElement) -> None:
        self.root = root
        self.meta: dict[str, str] = {}
        self.canonical_link: str | None = None
        for el in root.iter("meta", "link"):
            attrs = el.attrib
            if el.tag == "link":
                rel = (attrs.get("rel") or "").lower().split()
                if "canonical" in rel and self.canonical_link is None and attrs.get("href"):
                    self.canonical_link = attrs["href"].strip()
                continue
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").strip().lower()
            content = attrs.get("content")
            if key and content is not None and key not in self.meta and content.strip():
                self.meta[key] = content.strip()
        self.jsonld = list(_jsonld_objects(root))
        self.articles = [o for o in self.jsonld if _types(o) & ARTICLE_TYPES]

    def ld_value(self, key: str) -> Any:
        """A field of the first article-typed JSON-LD object that has it, else of any object."""
        for obj in (*self.articles, *self.jsonld):
            value = obj.get(key)
            if value:
                return value
        return None


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type")
    items = t if isinstance(t, list) else [t]
    return {str(x).lower().rsplit("/", 1)[-1] for x in items if x}


def _jsonld_objects(root: HtmlElement) -> Iterator[dict[str, Any]]:
    for script in root.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            try:  # a stray trailing comma or a second object glued on is common
                data = json.loads(re.sub(r",\s*([}\]])", r"\1", raw), strict=False)
            except ValueError:
                continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if "@graph" in item:
                    stack.extend(item["@graph"] if isinstance(item["@graph"], list) else [item["@graph"]])
                yield item


def _text(el: HtmlElement) -> str:
    return norm_space(el.text_content())


# ------------------------------------------------------------------------- title
def clean_title(title: str) -> str:
    """Drop a trailing " | Site" / " • President of Russia" suffix of a few words."""
    title = norm_space(title)
    for _ in range(2):
        parts = _TITLE_SEPARATORS.split(title)
        if len(parts) < 2:
            break
        seps = _TITLE_SEPARATORS.findall(title)
        last, head = parts[-1], title[: len(title) - len(parts[-1]) - len(seps[-1])]
        if len(last.split()) <= 5 and len(head.split()) >= 2:
            title = head.strip()
        else:
            break
    return title


def find_title(meta: Meta, selectors: Selectors | None) -> str:
    """Per-source selector, JSON-LD headline, og:title, the article's <h1>, then <title>."""
    if selectors and selectors.title:
        for el in select(meta.root, selectors.title):
            text = _text(el)
            if text:
                return text
    headline = meta.ld_value("headline")
    if isinstance(headline, str) and norm_space(headline) and not headline.rstrip().endswith(("...", "…")):
        return norm_space(headline)
    for key in ("og:title", "twitter:title"):
        if meta.meta.get(key):
            return clean_title(meta.meta[key])
    for h1 in meta.root.iter("h1"):
        text = _text(h1)
        if text and not in_furniture(h1):
            return text
    title_el = meta.root.find(".//title")
    return clean_title(title_el.text_content()) if title_el is not None else ""


# --------------------------------------------------------------------- canonical
def _http(url: str | None) -> bool:
    return bool(url) and urlsplit(url or "").scheme in ("http", "https")


def find_canonical(meta: Meta, url: str) -> str | None:
    """<link rel=canonical>, <meta name=canonical>, og:url, resolved against ``url``.

    A canonical that is a relative *file* path ("60384.html", "../60384.html") is what a
    wget mirror leaves behind; og:url still holds the real address then.
    """
    og = meta.meta.get("og:url")
    og_abs = og if _http(og) else None
    for cand in (meta.canonical_link, meta.meta.get("canonical")):
        if not cand:
            continue
        if _http(cand):
            return _strip_fragment(cand)
        if not cand.startswith(("/", "http:", "https:")) and og_abs:
            return _strip_fragment(og_abs)
        resolved = _join(url, cand)
        if resolved:
            return resolved
    if og:
        return _strip_fragment(og_abs) if og_abs else _join(url, og)
    return None


def _join(base: str, href: str) -> str | None:
    try:
        joined = urljoin(base, href.strip())
    except ValueError:
        return None
    return _strip_fragment(joined) if _http(joined) else None


def _strip_fragment(url: str | None) -> str | None:
    return url.split("#", 1)[0].strip() if url else None


# ---------------------------------------------------------------------- language
def _lang_code(value: str | None) -> str | None:
    m = _LANG.match((value or "").strip())
    return m.group(1).lower() if m else None


def guess_language(text: str) -> str | None:
    """Cyrillic share of letters: "ru" when high, "en" otherwise; None with no letters at all."""
    sample = text[:5000]
    cyr = len(_CYRILLIC.findall(sample))
    lat = len(_LATIN.findall(sample))
    if not cyr and not lat:
        return None
    return "ru" if cyr >= 0.3 * (cyr + lat) else "en"


def find_language(meta: Meta, fallback: str | None) -> str | None:
    """<html lang>, og:locale, Content-Language; None when the page says nothing (caller guesses)."""
    code = _lang_code(meta.root.get("lang") or meta.root.get("xml:lang"))
    if code:
        return code
    for key in ("og:locale", "content-language", "inlanguage", "language", "dc.language"):
        code = _lang_code(meta.meta.get(key))
        if code:
            return code
    in_ld = meta.ld_value("inLanguage")
    if isinstance(in_ld, str) and _lang_code(in_ld):
        return _lang_code(in_ld)
    return _lang_code(fallback)


# -------------------------------------------------------------------- published
def find_published(meta: Meta, selectors: Selectors | None, tz_name: str | None) -> datetime | None:
    """The publication time, timezone-aware when the page or the source says which zone."""
    stamp = _published_stamp(meta, selectors)
    if stamp is None:
        return None
    if not stamp.has_time:
        stamp = _refine_time(meta.root, stamp)
    return _zoned(stamp, tz_name)


def htmldate_published(cleaned: HtmlElement, url: str, tz_name: str | None) -> datetime | None:
    """Last resort: htmldate's markup-only search, run on the tree *after* furniture removal so
    that a sidebar's or ticker's date class cannot be mistaken for the byline."""
    for el in _dates_far_above_title(cleaned):
        if el.getparent() is not None:
            el.drop_tree()
    try:
        from htmldate import find_date

        found = find_date(cleaned, extensive_search=False, original_date=True, url=url or None)
    except Exception:
        return None
    stamp = parse_iso(found) if isinstance(found, str) else None
    return _zoned(stamp, tz_name) if stamp else None


def _zoned(stamp: Stamp, tz_name: str | None) -> datetime:
    value = stamp.value
    if value.tzinfo is None and tz_name:
        with contextlib.suppress(ValueError, KeyError, OSError):
            value = value.replace(tzinfo=ZoneInfo(tz_name))
    return value


def _published_stamp(meta: Meta, selectors: Selectors | None) -> Stamp | None:
    root = meta.root
    if selectors and selectors.published:
        for el in select(root, selectors.published):
            for attr in ("datetime", "content", "title"):
                if el.get(attr):
                    stamp = parse_any(el.get(attr) or "")
                    if stamp:
                        return stamp
            stamp = parse_visible(_text(el))
            if stamp:
                return stamp
    for obj in meta.articles:
        value = obj.get("datePublished") or obj.get("dateCreated")
        if isinstance(value, str) and (stamp := parse_any(value)):
            return stamp
    for key in _PUBLISHED_META:
        if key in meta.meta and (stamp := parse_any(meta.meta[key])):
            return stamp
    return _published_in_body(root)


def _published_in_body(root: HtmlElement) -> Stamp | None:
    """<time datetime>, itemprop=datePublished, a /time/YYYY-MM-DD link, a byline date."""
    first_time: Stamp | None = None
    for el in root.iter("time"):
        if in_furniture(el):
            continue
        stamp = parse_iso(el.get("datetime") or "") or parse_visible(_text(el))
        if stamp is None:
            continue
        words = class_words(el)
        if el.get("itemprop") == "datePublished" or any(w.startswith(("publish", "pubdate")) for w in words):
            return stamp
        if first_time is None:
            first_time = stamp
    if first_time is not None:
        return first_time
    for el in root.xpath("//*[@itemprop='datePublished']"):
        stamp = parse_any(el.get("content") or el.get("datetime") or _text(el))
        if stamp and not in_furniture(el):
            return stamp
    h1 = next((h for h in root.iter("h1") if not in_furniture(h)), None)
    started = h1 is None
    before: list[HtmlElement] = []  # byline candidates above the title, checked only if none below
    for el in root.iter():
        if el is h1:
            started = True
        if not isinstance(el.tag, str):
            continue
        if el.tag == "a":
            m = _TIME_LINK.search(el.get("href") or "")
            if started and m and not in_furniture(el):
                day = parse_iso(m.group(1))
                title_stamp = parse_visible(el.get("title") or "") or parse_visible(_text(el))
                if title_stamp and day and title_stamp.value.date() == day.value.date():
                    return title_stamp
                if day:
                    return day
            continue
        stamp = _byline_stamp(el)
        if stamp is None:
            continue
        if started:
            return stamp
        before.append(el)
    if h1 is not None and before:
        # a date just above the title (same small block: a table row, a header div) is its byline;
        # one further up the page is a ticker or a clock
        for el in reversed(before):
            if _near_title(h1, el):
                return _byline_stamp(el)
    return None


def _near_title(h1: HtmlElement, el: HtmlElement) -> bool:
    """Whether ``el`` shares a small block with the title (up to its great-grandparent)."""
    near = [a for _, a in zip(range(3), h1.iterancestors(), strict=False)]
    return any(_is_ancestor(a, el) for a in near[1:])


def _dates_far_above_title(root: HtmlElement) -> list[HtmlElement]:
    """Date-classed elements above the title and outside its block: page clocks and tickers."""
    h1 = next((h for h in root.iter("h1") if not in_furniture(h)), None)
    if h1 is None:
        return []
    far = []
    for el in root.iter():
        if el is h1:
            break
        if isinstance(el.tag, str) and _byline_stamp(el) is not None and not _near_title(h1, el):
            far.append(el)
    return far


def _byline_stamp(el: HtmlElement) -> Stamp | None:
    words = class_words(el)
    if not words or not any(w.startswith(_DATE_CLASS) for w in words) or in_furniture(el):
        return None
    text = _text(el)
    return parse_visible(text) if len(text) <= 120 else None


def _is_ancestor(a: HtmlElement, el: HtmlElement) -> bool:
    return any(x is a for x in el.iterancestors())


def _refine_time(root: HtmlElement, stamp: Stamp) -> Stamp:
    """Give a date-only stamp the time of day from a same-day visible stamp, if the page has one.

    kremlin.ru: <time datetime="2019-04-26"> plus "Publication date: April 26, 2019, 10:45".
    """
    day = stamp.value.date()
    for el in root.iter("time"):
        if in_furniture(el):
            continue
        other = parse_visible(_text(el))
        if other and other.has_time and other.value.date() == day:
            return Stamp(other.value if other.value.tzinfo else other.value.replace(tzinfo=stamp.value.tzinfo), True)
    return stamp


def date_is_plausible(value: datetime | None) -> bool:
    return value is not None and plausible(value)
