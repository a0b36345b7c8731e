"""HTML -> Article: title, canonical URL, publication time, language and body text.

One lxml parse serves every field. Metadata comes from structured markup first (JSON-LD,
OpenGraph, <time>), then per-source selectors or visible bylines. The body comes from the
source's selectors when the catalog gives them, else from a fast container heuristic, with
trafilatura called only when that heuristic looks unsure (see ``_generic_body``).

Time zones: ``published`` is aware when the page gives an offset, or else when the caller
passes the source's ``timezone`` (the page's wall-clock time is read in that zone). It is
naive only when neither is known; a date-only page gives midnight of that day. Callers must
take ``published_date`` from the value as returned (not after converting to UTC).

``extract`` never raises: garbage in gives an Article with empty title and text.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from config.catalog import Selectors
from scraper.article import Article
from scraper.extract_body import (
    Candidate,
    best_container,
    blocks,
    container_paragraphs,
    drop_junk,
    selector_body,
    tidy,
    trafilatura_paragraphs,
)
from scraper.extract_html import HtmlElement, class_words, decode_html, in_furniture, norm_space, parse_html
from scraper.extract_meta import (
    Meta,
    find_canonical,
    find_language,
    find_published,
    find_title,
    guess_language,
    htmldate_published,
)

log = logging.getLogger(__name__)

#: Below this many characters a heuristic body is checked against trafilatura.
SURE_CHARS = 500
_LEAD_WORDS = frozenset({"lead", "summary", "standfirst", "intro", "excerpt", "annotation", "anons"})


def extract(
    html: str | bytes,
    url: str,
    *,
    selectors: Selectors | None = None,
    language: str | None = None,
    timezone: str | None = None,
) -> Article:
    """Read title, canonical URL, published time, language and body text from a page."""
    try:
        return _extract(html, url, selectors, language, timezone)
    except Exception:  # never let one bad page stop a crawl; the page is kept raw anyway
        log.warning("extraction failed for %s", url, exc_info=True)
        return Article(url=url, title="", text="", language=language)


def _extract(data: str | bytes, url: str, selectors: Selectors | None, language: str | None, tz: str | None) -> Article:
    text = decode_html(data if isinstance(data, str | bytes) else b"")
    root = parse_html(text)
    if root is None:
        return Article(url=url, title="", text="", language=language)
    meta = Meta(root)
    title = find_title(meta, selectors)
    canonical = find_canonical(meta, url)
    published = find_published(meta, selectors, tz)
    lang = find_language(meta, language)
    article_body = meta.ld_value("articleBody")

    paragraphs: list[str] = []
    if selectors and selectors.body:
        paragraphs = tidy(selector_body(root, selectors.body, selectors.drop), title)
    if not paragraphs:
        paragraphs = _generic_body(root, text, url, title, article_body)
    body = "\n\n".join(paragraphs)
    if published is None:
        drop_junk(root)  # no-op when the generic body already cleaned the tree
        published = htmldate_published(root, url, tz)
    if lang is None:
        lang = guess_language(title + " " + body)
    return Article(url=url, title=title, text=body, canonical_url=canonical, published=published, language=lang)


def _generic_body(root: HtmlElement, text: str, url: str, title: str, article_body: Any) -> list[str]:
    """Heuristic container first; trafilatura when the container is thin or contested."""
    lead = _lead(root)
    drop_junk(root)
    cand = best_container(root)
    own: list[str] = []
    if cand is not None:
        own = tidy(container_paragraphs(cand.nodes), title)
        if lead and own and not _contains(own, lead):
            own = tidy([lead, *own], title)
    own_len = sum(len(p) for p in own)
    if isinstance(article_body, str) and len(article_body) > 200:
        ld = tidy(_ld_paragraphs(article_body), title)
        ld_len = sum(len(p) for p in ld)
        if ld_len > 1.5 * own_len:
            return ld
    if cand is not None and _sure(cand, own_len):
        return own
    other = tidy(trafilatura_paragraphs(text, url), title)
    other_len = sum(len(p) for p in other)
    if not own or other_len > 1.3 * own_len or (own_len < 200 and other_len > own_len):
        return other or own
    return own


def _sure(cand: Candidate, own_len: int) -> bool:
    """Enough text, and the winning container clearly ahead of any unrelated rival."""
    return own_len >= SURE_CHARS and cand.score >= 1.5 * cand.runner_up


def _lead(root: HtmlElement) -> str | None:
    """A lead/summary paragraph kept outside the body container (kremlin's ``div.read__lead``)."""
    for el in root.iter("div", "p", "section"):
        words = class_words(el)
        if words and _LEAD_WORDS.intersection(words) and not in_furniture(el):
            text = " ".join(blocks(el))
            if 40 <= len(text) <= 1500:
                return text
            return None
    return None


def _contains(paragraphs: list[str], lead: str) -> bool:
    key = norm_space(lead)[:80]
    return any(key in p for p in paragraphs[:3])


def _ld_paragraphs(value: str) -> list[str]:
    if "<" in value and ">" in value:
        frag = parse_html(f"<div>{value}</div>")
        return blocks(frag) if frag is not None else []
    return [norm_space(p) for p in re.split(r"\n\s*\n|\r?\n", value) if p.strip()]
