"""HTML -> Article.  (SKELETON)"""

from __future__ import annotations

from config.catalog import Selectors
from scraper.article import Article


def extract(
    html: str | bytes,
    url: str,
    *,
    selectors: Selectors | None = None,
    language: str | None = None,
    timezone: str | None = None,
) -> Article:
    """Read title, canonical URL, published time, language and body text from a page."""
    raise NotImplementedError
