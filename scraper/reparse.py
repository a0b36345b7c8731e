"""Re-derive articles and meeting records from stored raw pages, without network.

Changes land as new versions (the store decides new / same / changed), so running it
twice changes nothing the second time.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from config.catalog import Catalog, Source
from scraper.pipeline import PARSER_VERSION, article_from_html, records_for
from storage.store import Store

log = logging.getLogger("diplowatch.reparse")


@dataclass
class ReparseStats:
    pages: int = 0
    articles_changed: int = 0
    meetings_new: int = 0
    meetings_changed: int = 0
    failed: int = 0


def reparse(store: Store, catalog: Catalog) -> ReparseStats:
    """Run every stored page through extract and parse again; one bad page never stops the rest."""
    stats = ReparseStats()
    sources = {s.name: s for s in catalog}
    for page in store.stored_pages():
        stats.pages += 1
        source: Source | None = sources.get(page.source)
        try:
            article = article_from_html(page.content, page.final_url, source)
            if not article.text.strip():
                continue
            if article.published is None:
                article = replace(article, published=store.published_of(page.final_url) or store.published_of(page.url))
            outlet = source.outlet if source else page.source
            saved = store.record_article(page.page_id, page.source, outlet, article)
            if saved.status == "changed":
                stats.articles_changed += 1
            if saved.status == "duplicate":
                continue
            records = records_for(
                article,
                published=page.fetched_at.date(),
                language=source.language if source else None,
            )
            for meeting in store.record_meetings(saved.version_id, records, parser_version=PARSER_VERSION):
                if meeting.status == "new":
                    stats.meetings_new += 1
                elif meeting.status == "changed":
                    stats.meetings_changed += 1
        except Exception as exc:  # one bad page must not stop a reparse of thousands
            stats.failed += 1
            log.warning("reparse of %s failed: %s: %s", page.url, type(exc).__name__, exc)
    return stats
