"""The local site server's three layouts (agency, ministry, modern) through extract: every
article page gives back exactly the document's paragraphs, title, canonical URL and date,
with and without the catalog's per-source selectors."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from config.catalog import Catalog, load_catalog
from scraper.extract import extract
from tests.sitesrv import SiteServer


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[SiteServer, Catalog, Catalog]]:
    with SiteServer() as srv, tempfile.TemporaryDirectory() as tmp:
        generic = load_catalog(srv.write_catalog(Path(tmp) / "generic.toml"))
        with_selectors = load_catalog(srv.write_catalog(Path(tmp) / "selectors.toml", selectors=True))
        yield srv, generic, with_selectors


@pytest.mark.parametrize("use_selectors", [False, True], ids=["generic", "selectors"])
def test_every_served_article_round_trips(served: tuple[SiteServer, Catalog, Catalog], use_selectors: bool) -> None:
    srv, generic, with_selectors = served
    catalog = with_selectors if use_selectors else generic
    layouts = set()
    for page in srv.documents:
        url = srv.url_for(page.doc_id)
        source = next(s for s in catalog if s.is_article_url(url))
        response = srv.respond(urlsplit(url).path)
        assert response.status == 200
        art = extract(
            response.body, url, selectors=source.selectors, language=source.language, timezone=source.timezone
        )
        where = f"{page.layout}/{page.doc_id}"
        assert art.text == "\n\n".join(page.paragraphs), where
        assert art.title == page.title, where
        assert art.canonical_url in (url, None), where
        assert art.language == page.language, where
        assert art.published is not None and art.published.date() == page.published.date(), where
        if page.layout != "ministry":  # the ministry layout prints the day only
            assert art.published == page.published, where
        layouts.add(page.layout)
    assert layouts == {"agency", "ministry", "modern"}
