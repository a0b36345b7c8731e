"""Pure parsers of discovery: dates, XML safety, feeds, sitemaps and listing items."""

from __future__ import annotations

import gzip
import zlib
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scraper.discover import (
    REFUSED_XML,
    PageProblem,
    date_in_text,
    gunzip_capped,
    looks_like_html,
    parse_feed,
    parse_listing,
    parse_sitemap,
    parse_w3c,
    safe_xml,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("27 February 2026", date(2026, 2, 27)),
        ("February 27, 2026 | Politics", date(2026, 2, 27)),
        ("27 февраля 2026 года", date(2026, 2, 27)),
        ("16 noyabr, 2025 14:00", date(2025, 11, 16)),
        ("5 Dekabr 2025 15:49 (UTC +04:00)", date(2025, 12, 5)),
        ("21.02.2026 [19:22]", date(2026, 2, 21)),
        ("posted 2026-02-27 10:00", date(2026, 2, 27)),
        ("11 Ekim 2023", date(2023, 10, 11)),
        ("15 Noyabr 10:31 (UTC+04)", None),  # no year: not a usable date
        ("10 000 tons in 2026", None),
        ("31.02.2026", None),
    ],
)
def test_date_in_text(text: str, expected: date | None) -> None:
    assert date_in_text(text) == expected


@given(st.text(max_size=300))
def test_date_in_text_never_raises(text: str) -> None:
    result = date_in_text(text)
    assert result is None or 1990 <= result.year <= 2100


def test_parse_w3c() -> None:
    assert parse_w3c("2026-02-27") == datetime(2026, 2, 27)
    assert parse_w3c("2026-02-27T10:00+04:00") == datetime(2026, 2, 27, 10, tzinfo=timezone(timedelta(hours=4)))
    assert parse_w3c("2026-02-27T10:00:00Z") == datetime(2026, 2, 27, 10, tzinfo=UTC)
    assert parse_w3c("yesterday") is None and parse_w3c(None) is None


def test_safe_xml_refuses_entities_even_when_broken() -> None:
    external = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>'
    broken = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss><item>&a;</rss>'
    for doc in (external, broken):
        with pytest.raises(PageProblem, match=REFUSED_XML):
            safe_xml(doc)
    netscape = (
        b'<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
        b'"http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel/></rss>'
    )
    root = safe_xml(netscape)
    assert root is not None and root.tag == "rss"
    assert safe_xml(b"<rss><unclosed></rss>") is None


def test_gunzip_cap() -> None:
    z = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    bomb = b"".join(z.compress(b"\0" * (1 << 20)) for _ in range(20)) + z.flush()
    with pytest.raises(PageProblem, match="inflates past"):
        gunzip_capped(bomb, cap=5_000_000)
    assert gunzip_capped(gzip.compress(b"<urlset/>")) == b"<urlset/>"
    with pytest.raises(PageProblem, match="bad gzip"):
        gunzip_capped(b"\x1f\x8b" + b"garbage" * 10)


def test_looks_like_html() -> None:
    assert looks_like_html(b"\n<!DOCTYPE html><html><body>x</body></html>")
    assert looks_like_html(b"<HTML><HEAD>")
    assert not looks_like_html(b'<?xml version="1.0"?><rss version="2.0"></rss>')
    assert not looks_like_html(b"\xef\xbb\xbf<feed xmlns='http://www.w3.org/2005/Atom'/>")


def test_feed_without_links_or_entries() -> None:
    page = parse_feed(b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>', "http://x/")
    assert page.items == [] and page.entries == 0
    with pytest.raises(PageProblem, match="not a feed"):
        parse_feed(b'{"items": [1, 2]}', "http://x/")
    guid_only = parse_feed(
        b'<rss version="2.0"><channel><item><guid isPermaLink="true">http://x/news/5</guid></item></channel></rss>',
        "http://x/",
    )
    assert [i.url for i in guid_only.items] == ["http://x/news/5"]


def test_sitemap_feed_and_unknown_roots() -> None:
    rss = b'<rss version="2.0"><channel><item><link>http://x/news/1</link></item></channel></rss>'
    assert parse_sitemap(rss, "http://x/").kind == "feed"
    with pytest.raises(PageProblem, match="not a sitemap"):
        parse_sitemap(b"<catalog><book/></catalog>", "http://x/")


def is_article(url: str) -> bool:
    return "/news/" in url


def test_listing_dates_from_text_and_attributes() -> None:
    html = """<html><body><ul>
      <li><a href="/news/1">First</a><span class="date">27 February 2026</span></li>
      <li><a href="/news/2"><h4>Second</h4><span>15 Noyabr 10:31</span></a></li>
      <li><meta itemprop="datePublished" content="2026-02-25T09:00:00+04:00"><a href="/news/3">Third</a></li>
      <li><a href="/news/1">First again</a></li>
      <li><a href="javascript:void(0)">js</a><a href="mailto:a@b">mail</a><a href="/about">about</a></li>
    </ul></body></html>"""
    items = parse_listing(html, "https://site.example/en/list?page=1", is_article)
    assert [i.url for i in items] == [f"https://site.example/news/{n}" for n in (1, 2, 3)]
    assert items[0].published == datetime(2026, 2, 27) and items[0].title == "First again"  # the longer title
    assert items[1].published is None
    assert items[2].published == datetime(2026, 2, 25, 9, tzinfo=timezone(timedelta(hours=4)))


@given(st.text(max_size=400))
def test_parse_listing_never_raises(text: str) -> None:
    for item in parse_listing(text, "https://site.example/", is_article):
        assert item.url.startswith(("http://", "https://"))
