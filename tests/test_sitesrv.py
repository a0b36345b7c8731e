"""The local site server behaves like the web servers the crawler meets.

End-to-end tests and `make demo` trust it: if a listing lost an article or a 304 never
came, the pipeline tests would measure the server, not the crawler.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from bs4 import BeautifulSoup, Tag
from protego import Protego

from config.catalog import load_catalog
from tests.sitesrv import LAYOUTS, SiteServer
from tests.sitesrv.docs import build_pages, load_eval_docs, slugify

ROOT = Path(__file__).resolve().parents[1]
ATOM = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def server() -> Iterator[SiteServer]:
    with SiteServer() as srv:
        yield srv


@pytest.fixture(scope="module")
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=10) as c:
        yield c


def _doc(doc_id: str, lang: str = "en", day: str | None = "2026-01-10", **extra: Any) -> dict[str, Any]:
    return {
        "id": doc_id,
        "language": lang,
        "published": day,
        "title": f"Title {doc_id}",
        "text": f"First paragraph of {doc_id}.\n\nSecond paragraph of {doc_id}.",
        "event_key": None,
        **extra,
    }


def _one(soup: BeautifulSoup | Tag, selector: str) -> Tag:
    found = soup.select_one(selector)
    assert found is not None, selector
    return found


def _attr(tag: Tag | None, name: str) -> str:
    assert tag is not None
    value = tag.get(name)
    assert isinstance(value, str), (name, value)
    return value


def _walk_listing(client: httpx.Client, template: str) -> tuple[list[list[str]], int]:
    """Article links per listing page until the first non-200; and that status."""
    pages: list[list[str]] = []
    for n in range(1, 100):
        resp = client.get(template.replace("{page}", str(n)))
        if resp.status_code != 200:
            return pages, resp.status_code
        soup = BeautifulSoup(resp.text, "lxml")
        hrefs = [_attr(a, "href") for a in soup.find_all("a", href=True)]
        links = [h for h in hrefs if re.search(r"/(politics|politika|posts)/|/news/no\d", h)]
        pages.append(list(dict.fromkeys(links)))
    raise AssertionError("listing never ends")


# ------------------------------------------------------------------------ lifecycle


def test_starts_on_a_free_loopback_port_and_stops() -> None:
    a, b = SiteServer(docs=[_doc("a1")]), SiteServer(docs=[_doc("b1")])
    with a, b:
        assert a.base_url.startswith("http://127.0.0.1:") and a.port != 0
        assert a.port != b.port
        assert httpx.get(a.base_url + "/robots.txt").status_code == 200
        port = a.port
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"http://127.0.0.1:{port}/robots.txt", timeout=2)
    with pytest.raises(RuntimeError):
        _ = a.base_url


def test_start_returns_the_base_url_and_is_idempotent() -> None:
    srv = SiteServer(docs=[_doc("x1")])
    try:
        url = srv.start()
        assert url == srv.base_url == srv.start()
    finally:
        srv.stop()
        srv.stop()


# ------------------------------------------------------------------------ documents


def test_distribution_every_site_has_both_languages_and_clusters_spread(server: SiteServer) -> None:
    assert server.sections() == [(layout, lang) for layout in LAYOUTS for lang in ("en", "ru")]
    docs = load_eval_docs()
    served = {p.doc_id: p for p in server.documents}
    no_date = {d["id"] for d in docs if not d["published"]}
    assert set(server.skipped) <= no_date
    assert len(served) + len(server.skipped) == len(docs)
    clusters: dict[str, list[str]] = {}
    for page in served.values():
        if page.event_key:
            clusters.setdefault(page.event_key, []).append(page.layout)
    for key, layouts in clusters.items():
        if len(layouts) > 1:
            assert len(set(layouts)) == min(len(layouts), len(LAYOUTS)), key


def test_undated_documents_borrow_their_clusters_date_or_are_skipped() -> None:
    docs = [
        _doc("e1", day="2024-06-27", event_key="k"),
        _doc("e2", day=None, event_key="k"),
        _doc("e3", day=None),
    ]
    pages, skipped = build_pages(docs)
    assert skipped == ["e3"]
    borrowed = next(p for p in pages if p.doc_id == "e2")
    assert borrowed.day.isoformat() == "2024-06-27" and borrowed.date_borrowed
    assert {p.layout for p in pages} == {"agency", "ministry"}  # the cluster is split


def test_distribution_is_deterministic() -> None:
    first, _ = build_pages(load_eval_docs())
    second, _ = build_pages(load_eval_docs())
    assert [(p.doc_id, p.layout, p.number, p.slug, p.clock) for p in first] == [
        (p.doc_id, p.layout, p.number, p.slug, p.clock) for p in second
    ]


def test_slugify_transliterates_russian() -> None:
    assert slugify("Главы МИД Азербайджана и Туркменистана") == "glavy-mid-azerbaydzhana-i-turkmenistana"
    assert slugify("Türkiye & Azərbaycan: «talks»") == "turkiye-azerbaycan-talks"
    assert slugify("!!!") == "news"


# ------------------------------------------------------------------------ layouts


def test_agency_article_page(server: SiteServer, client: httpx.Client) -> None:
    page = next(p for p in server.documents if p.layout == "agency" and p.language == "en")
    resp = client.get(server.url_for(page.doc_id))
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/html")
    soup = BeautifulSoup(resp.text, "lxml")
    assert soup.h1 is not None and soup.h1.get_text() == page.title
    published = _attr(_one(soup, 'meta[property="article:published_time"]'), "content")
    assert published == page.published.isoformat() and published.endswith("+04:00")
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}", _one(soup, ".news-detail__date").get_text())
    body = soup.select_one(".news-detail__desc")
    assert body is not None
    texts = [p.get_text() for p in body.find_all("p") if "read-also" not in (p.get("class") or [])]
    assert texts == page.paragraphs
    read_also = body.select_one("p.read-also a")
    assert read_also is not None and read_also["href"] != server.url_for(page.doc_id)
    sidebar = [a.get_text() for a in soup.select("aside.sidebar a")]
    assert sidebar and page.title not in sidebar and len(sidebar) <= 5
    assert soup.select("header nav a") and soup.select(".share a")


def test_ministry_article_page_is_tables_without_meta(server: SiteServer, client: httpx.Client) -> None:
    page = next(p for p in server.documents if p.layout == "ministry" and p.language == "ru")
    resp = client.get(server.url_for(page.doc_id))
    soup = BeautifulSoup(resp.text, "lxml")
    assert soup.h1 is not None and soup.h1.get_text() == page.title
    assert not soup.find("meta", property=True) and not soup.find("script")
    assert _one(soup, "td.date").get_text() == page.day.strftime("%d.%m.%Y")
    text_cell = _one(soup, "td.text")
    assert len(text_cell.find_parents("table")) >= 2  # nested layout tables
    assert [p.get_text() for p in text_cell.find_all("p")] == page.paragraphs
    assert soup.select("table.leftmenu a") and soup.select_one("td.footer")
    assert re.search(r"/ministry/ru/news/no\d+$", server.url_for(page.doc_id))


def test_modern_article_page_has_json_ld_og_and_asides(server: SiteServer, client: httpx.Client) -> None:
    modern = [p for p in server.documents if p.layout == "modern" and p.language == "en"]
    bodies = set()
    for page in modern:
        soup = BeautifulSoup(client.get(server.url_for(page.doc_id)).text, "lxml")
        script = soup.find("script", type="application/ld+json")
        assert script is not None
        ld = json.loads(script.string or "")
        assert ld["@type"] == "NewsArticle" and ld["headline"] == page.title
        assert ld["datePublished"] == page.published.isoformat() and ld["datePublished"].endswith("+05:00")
        bodies.add("articleBody" in ld)
        if "articleBody" in ld:
            assert ld["articleBody"] == page.paragraphs[0]
        assert _attr(_one(soup, 'meta[property="og:title"]'), "content") == page.title
        article = _one(soup, "article")
        assert _one(article, "h1").get_text() == page.title
        assert [p.get_text() for p in article.select("div.post__body > p")] == page.paragraphs
        assert soup.select_one(".cookie-banner") and soup.select("aside.related li")
    assert bodies == {True, False}  # some pages carry a partial articleBody, some none


def test_html_is_escaped_everywhere(client: httpx.Client) -> None:
    nasty = _doc("x1", title='A <b>bold</b> & "quoted" title', text="<script>alert(1)</script>\n\nTom & Jerry")
    for layout in LAYOUTS:
        with SiteServer(docs=[nasty, _doc("x2")], layouts=[layout]) as srv:
            html = client.get(srv.url_for("x1")).text
            assert "<script>alert(1)</script>" not in html and "<b>bold</b>" not in html
            soup = BeautifulSoup(html, "lxml")
            assert soup.h1 is not None and soup.h1.get_text() == nasty["title"]
            assert "Tom & Jerry" in soup.get_text()
            listing = client.get(srv.listing_template(layout, "en").replace("{page}", "1")).text
            assert "<b>bold</b>" not in listing
            feed = srv.feed_url(layout, "en") or srv.sitemap_url(layout, "en")
            ET.fromstring(client.get(feed or "").content)


# ------------------------------------------------------------------------ listings, feeds


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_listings_paginate_newest_first_and_end(
    server: SiteServer, client: httpx.Client, layout: str, lang: str
) -> None:
    pages, end_status = _walk_listing(client, server.listing_template(layout, lang))
    assert end_status == 404
    expected = [server.url_for(p.doc_id) for p in server.documents if (p.layout, p.language) == (layout, lang)]
    assert all(len(links) <= server.per_page for links in pages)
    assert all(len(links) == server.per_page for links in pages[:-1])
    assert [url for links in pages for url in links] == expected  # newest first, nothing lost
    first = client.get(server.listing_template(layout, lang).replace("{page}", "1")).text
    newest = next(p for p in server.documents if (p.layout, p.language) == (layout, lang))
    assert newest.published.strftime("%d.%m.%Y") in first or str(newest.published.year) in first


def test_listing_edge_pages_are_404(server: SiteServer, client: httpx.Client) -> None:
    base = server.base_url
    for path in (
        "/agency/en/news?page=0",
        "/agency/en/news?page=x",
        "/ministry/en/news/page/0",
        "/modern/en/archive/0",
    ):
        assert client.get(base + path).status_code == 404, path


def test_small_per_page_gives_more_pages() -> None:
    docs = [_doc(f"d{i}", day=f"2025-01-{i + 1:02d}") for i in range(7)]
    with SiteServer(docs=docs, layouts=["agency"], per_page=3) as srv, httpx.Client() as c:
        pages, status = _walk_listing(c, srv.listing_template("agency", "en"))
        assert [len(p) for p in pages] == [3, 3, 1] and status == 404
        assert pages[0][0] == srv.url_for("d6")


def test_rss_feed(server: SiteServer, client: httpx.Client) -> None:
    resp = client.get(server.feed_url("agency", "en") or "")
    assert resp.headers["content-type"].startswith("application/rss+xml")
    root = ET.fromstring(resp.content)
    items = root.findall("./channel/item")
    expected = [server.url_for(p.doc_id) for p in server.documents if (p.layout, p.language) == ("agency", "en")]
    assert [i.findtext("link") for i in items] == expected[: server.feed_size]
    assert all(re.search(r"\+0400$", i.findtext("pubDate") or "") for i in items)


def test_atom_feed(server: SiteServer, client: httpx.Client) -> None:
    root = ET.fromstring(client.get(server.feed_url("modern", "ru") or "").content)
    assert root.tag == ATOM + "feed"
    entries = root.findall(ATOM + "entry")
    expected = [server.url_for(p.doc_id) for p in server.documents if (p.layout, p.language) == ("modern", "ru")]
    assert [e.find(ATOM + "link").get("href") for e in entries] == expected[: server.feed_size]  # type: ignore[union-attr]
    assert all((e.findtext(ATOM + "published") or "").endswith("+05:00") for e in entries)


def test_sitemaps(server: SiteServer, client: httpx.Client) -> None:
    index = ET.fromstring(client.get(server.base_url + "/ministry/sitemap.xml").content)
    children = [loc.text for loc in index.iter(SM + "loc")]
    assert children == [server.sitemap_url("ministry", "en"), server.sitemap_url("ministry", "ru")]
    for lang in ("en", "ru"):
        urlset = ET.fromstring(client.get(server.sitemap_url("ministry", lang) or "").content)
        locs = {loc.text for loc in urlset.iter(SM + "loc")}
        assert locs == {
            server.url_for(p.doc_id) for p in server.documents if (p.layout, p.language) == ("ministry", lang)
        }


# ------------------------------------------------------------------------ HTTP behaviour


def test_robots_txt(server: SiteServer, client: httpx.Client) -> None:
    resp = client.get(server.base_url + "/robots.txt")
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/plain")
    robots = Protego.parse(resp.text)
    assert not robots.can_fetch(server.base_url + "/admin/login", "diplowatch")
    assert robots.can_fetch(server.listing_template("agency", "en").replace("{page}", "1"), "diplowatch")
    assert list(robots.sitemaps) == [server.base_url + "/ministry/sitemap.xml"]
    assert client.get(server.base_url + "/admin/login").status_code == 200  # there to be avoided


def test_conditional_get_and_edit() -> None:
    with SiteServer(docs=[_doc("c1"), _doc("c2", day="2026-01-11")]) as srv, httpx.Client() as c:
        url = srv.url_for("c1")
        first = c.get(url)
        etag, modified = first.headers["etag"], first.headers["last-modified"]
        again = c.get(url, headers={"If-None-Match": etag})
        assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
        assert c.get(url, headers={"If-Modified-Since": modified}).status_code == 304
        assert c.get(url, headers={"If-None-Match": '"other"', "If-Modified-Since": modified}).status_code == 200
        srv.clear_log()

        assert srv.edit("c1", text="A changed first paragraph.\nSecond.") == url
        changed = c.get(url, headers={"If-None-Match": etag})
        assert changed.status_code == 200 and "A changed first paragraph." in changed.text
        assert changed.headers["etag"] != etag
        assert c.get(url, headers={"If-Modified-Since": modified}).status_code == 200
        assert c.get(url, headers={"If-None-Match": changed.headers["etag"]}).status_code == 304
        assert srv.requests == [("GET", url[len(srv.base_url) :], s) for s in (200, 200, 304)]


def test_listings_and_feeds_answer_304_when_nothing_changed(server: SiteServer, client: httpx.Client) -> None:
    for layout, lang in server.sections():
        for url in (
            server.listing_template(layout, lang).replace("{page}", "1"),
            server.feed_url(layout, lang) or server.sitemap_url(layout, lang),
        ):
            assert url
            resp = client.get(url)
            assert resp.headers.get("last-modified")
            assert client.get(url, headers={"If-None-Match": resp.headers["etag"]}).status_code == 304


def test_head_and_unknown_paths_and_methods(server: SiteServer, client: httpx.Client) -> None:
    url = server.url_for(server.documents[0].doc_id)
    get, head = client.get(url), client.head(url)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["etag"] == get.headers["etag"]
    assert head.headers["content-length"] == str(len(get.content))
    for path in ("/nope", "/agency/xx/news", "/agency/en/politics/missing-1", "/ministry/en/news/no1"):
        assert client.get(server.base_url + path).status_code == 404, path
    assert client.post(url).status_code == 405
    assert client.get(url + "?utm_source=x").status_code == 200  # query ignored on articles


def test_request_log_counts(client: httpx.Client) -> None:
    with SiteServer(docs=[_doc("r1"), _doc("r2", "ru")]) as srv:
        client.get(srv.base_url + "/robots.txt")
        client.head(srv.url_for("r1"))
        client.get(srv.base_url + "/missing")
        assert srv.requests == [
            ("GET", "/robots.txt", 200),
            ("HEAD", srv.url_for("r1")[len(srv.base_url) :], 200),
            ("GET", "/missing", 404),
        ]
        assert srv.count(method="GET") == 2 and srv.count(status=404) == 1 and srv.count(prefix="/robots") == 1
        srv.clear_log()
        assert srv.requests == []


def test_add_document_appears_on_listing_and_feed(client: httpx.Client) -> None:
    with SiteServer(docs=[_doc("a1"), _doc("a2", day="2026-01-11")], layouts=["agency"]) as srv:
        first = srv.listing_template("agency", "en").replace("{page}", "1")
        before = client.get(first).headers["last-modified"]
        url = srv.add_document(_doc("a3", day="2026-02-01"))
        assert client.get(url).status_code == 200
        assert client.get(first, headers={"If-Modified-Since": before}).status_code == 200
        listing = client.get(first).text
        assert listing.index(url) < listing.index(srv.url_for("a2"))
        assert url in client.get(srv.feed_url("agency", "en") or "").text
        with pytest.raises(ValueError):
            srv.add_document(_doc("a3"))


# ------------------------------------------------------------------------ catalog


@pytest.mark.parametrize("selectors", [False, True])
def test_written_catalog_loads_and_patterns_fit(
    server: SiteServer, client: httpx.Client, tmp_path: Path, selectors: bool
) -> None:
    path = server.write_catalog(tmp_path / "sources.toml", delay=0.0, selectors=selectors)
    catalog = load_catalog(path)
    assert [s.name for s in catalog] == [f"{layout}_{lang}" for layout, lang in server.sections()]
    assert catalog.hosts == {"127.0.0.1"}
    for source in catalog:
        layout, lang = source.name.split("_")
        assert source.delay == 0.0 and source.language == lang
        assert bool(source.selectors.body) is selectors
        mine = [server.url_for(p.doc_id) for p in server.documents if (p.layout, p.language) == (layout, lang)]
        others = [server.url_for(p.doc_id) for p in server.documents if (p.layout, p.language) != (layout, lang)]
        assert mine and all(source.is_article_url(u) for u in mine)
        assert not any(source.is_article_url(u) for u in others)
        not_articles = [
            *(t.replace("{page}", str(n)) for t in source.listings for n in (1, 2, 10)),
            *source.feeds,
            *source.sitemaps,
            server.base_url + "/robots.txt",
            server.base_url + f"/{layout}/{lang}/",
        ]
        assert not any(source.is_article_url(u) for u in not_articles)
        # every entry point the catalog names is served
        for url in [*source.feeds, *source.sitemaps, source.listings[0].replace("{page}", "1")]:
            assert client.get(url).status_code == 200, url


def test_module_entry_point_serves_and_writes_catalog(tmp_path: Path) -> None:
    out = tmp_path / "catalog.toml"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.sitesrv", "--port", "0", "--catalog-out", str(out), "--delay", "0.5"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 20
        while not out.exists():
            assert proc.poll() is None, "sitesrv exited early"
            assert time.monotonic() < deadline, "no catalog written"
            time.sleep(0.05)
        catalog = load_catalog(out)
        assert len(catalog) == 6 and all(s.delay == 0.5 for s in catalog)
        listing = catalog.get("ministry_en").listings[0].replace("{page}", "1")
        assert httpx.get(listing).status_code == 200
    finally:
        proc.send_signal(signal.SIGTERM)
        stdout, _ = proc.communicate(timeout=10)
    assert proc.returncode == 0
    assert stdout.startswith("sitesrv: serving http://127.0.0.1:")
