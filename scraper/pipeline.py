"""The pure middle of the pipeline: page -> Article -> meeting records.

Shared by the crawler, ``reparse`` and ``parse`` so that a stored page re-derived later
goes through exactly the code a live crawl used.
"""

from __future__ import annotations

import re
from datetime import date

from config.catalog import Source
from scraper.article import Article
from scraper.extract import extract
from scraper.meetings import parse_meetings
from scraper.meetings.model import MeetingRecord

#: Bump when extraction or parsing rules change in a way that changes records; stored
#: with every article version so a reparse can say which rules produced what.
PARSER_VERSION = "2026.11.26"

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def guess_language(text: str) -> str:
    """A cheap script test: Russian where a good share of letters are Cyrillic, else English."""
    sample = text[:4000]
    letters = sum(ch.isalpha() for ch in sample)
    if not letters:
        return "en"
    return "ru" if len(_CYRILLIC.findall(sample)) / letters > 0.3 else "en"


def article_from_html(html: str | bytes, url: str, source: Source | None = None) -> Article:
    """Extract with the source's selectors, language and time zone where a source is known."""
    if source is None:
        return extract(html, url)
    return extract(html, url, selectors=source.selectors, language=source.language, timezone=source.timezone)


def records_for(article: Article, *, published: date | None = None, language: str | None = None) -> list[MeetingRecord]:
    """Meeting records of one article; ``published`` stands in when the page gave no date."""
    when = article.published_date or published
    lang = language or article.language or guess_language(article.text)
    return parse_meetings(article.text, published=when, language=lang, title=article.title)
