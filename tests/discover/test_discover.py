"""discover() against a live server on 127.0.0.1: feeds, sitemaps and listing walks with their stop rules."""

from __future__ import annotations

import gzip
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime

import pytest
from httpfixture import Reply, TestServer

from config.catalog import Source
from config.settings import Settings
from scraper.discover import REFUSED_XML, Discovery, discover
from scraper.errors import TransientError
from scraper.fetch import Fetcher, FetchResult

XML = "application/xml"
ARTICLE = r"/news/\d+$"


@pytest.fixture
def fetcher(settings: Settings) -> Iterator[Fetcher]:
    with Fetcher(settings, allowed_private_hosts=["127.0.0.1"], sleep=lambda s: None) as f:
        yield f


def fetch_with(fetcher: Fetcher) -> Callable[[str], FetchResult]:
    return lambda url: fetcher.get(url)


def source(**kwargs: object) -> Source:
    kwargs.setdefault("article_pattern", ARTICLE)
    return Source(name="test", outlet="Test", language="en", **kwargs)  # type: ignore[arg-type]


def never_known(url: str) -> bool:
    return False


def urls(found: Discovery) -> list[str]:
    return [link.url.rsplit("/", 2)[-2] + "/" + link.url.rsplit("/", 1)[-1] for link in found.links]


def outcomes(found: Discovery) -> list[tuple[str, str]]:
    return [(p.url.split("/", 3)[-1], p.outcome) for p in found.pages]


# ---------------------------------------------------------------- feeds


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>News</title>
<item><title>Bayramov met Meredov &amp;quot;in Baku&amp;quot;</title><link>{base}/news/1</link>
  <guid>same</guid><pubDate>Fri, 27 Feb 2026 10:00:00 +0400</pubDate></item>
<item><title><![CDATA[Consultations &amp; talks]]></title><link>
  {base}/news/2 </link><guid>same</guid><pubDate>Fri, 27 Feb 2026 09:00:00 +0400</pubDate></item>
<item><title>No guid at all</title><link>/news/3</link></item>
<item><title>Repeated</title><link>{base}/news/1</link><guid>other</guid></item>
<item><title>Weather</title><link>{base}/weather/today</link></item>
</channel></rss>"""


def test_rss_quirks(server: TestServer, fetcher: Fetcher) -> None:
    feed = server.route("/rss", Reply(body=RSS.format(base=server.base), content_type=XML))
    found = discover(source(feeds=(feed,)), fetch_with(fetcher), is_known=never_known)
    assert urls(found) == ["news/1", "news/2", "news/3"]
    titles = [link.title for link in found.links]
    assert titles == ['Bayramov met Meredov "in Baku"', "Consultations & talks", "No guid at all"]
    assert found.links[0].published == datetime(2026, 2, 27, 6, 0, tzinfo=UTC)
    assert found.links[0].via == "feed" and found.links[0].entry_point == feed
    assert found.pages[-1].outcome == "ok" and found.pages[-1].items == 4 and found.pages[-1].new_items == 3


def test_feed_dates_in_the_site_zone(server: TestServer, fetcher: Fetcher) -> None:
    feed = server.route("/rss", Reply(body=RSS.format(base=server.base), content_type=XML))
    found = discover(source(feeds=(feed,), timezone="Asia/Baku"), fetch_with(fetcher), is_known=never_known)
    first = found.links[0].published
    assert first is not None and str(first.tzinfo) == "Asia/Baku" and first.hour == 10


def test_rss_in_windows_1251(server: TestServer, fetcher: Fetcher) -> None:
    body = (
        '<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel>'
        f"<item><title>Встреча министров</title><link>{server.base}/news/7</link></item></channel></rss>"
    ).encode("cp1251")
    feed = server.route("/rss", Reply(body=body, content_type="text/xml"))
    found = discover(source(feeds=(feed,)), fetch_with(fetcher), is_known=never_known)
    assert [link.title for link in found.links] == ["Встреча министров"]


ATOM_PAGE = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>MID</title>{next}
{entries}</feed>"""
ATOM_ENTRY = (
    '<entry><id>urn:{n}</id><title>Item {n}</title><link href="/news/{n}"/>'
    "<updated>{day}T10:00:00+03:00</updated></entry>"
)


def atom(entries: list[tuple[int, str]], next_href: str | None = None) -> str:
    nxt = f'<link rel="next" href="{next_href}"/>' if next_href else ""
    body = "".join(ATOM_ENTRY.format(n=n, day=day) for n, day in entries)
    return ATOM_PAGE.format(next=nxt, entries=body)


def test_atom_duplicates_and_paging_stop_at_since(server: TestServer, fetcher: Fetcher) -> None:
    feed = server.route(
        "/atom",
        Reply(body=atom([(5, "2026-03-05"), (5, "2026-03-05"), (4, "2026-03-04")], "/atom/2"), content_type=XML),
    )
    server.route("/atom/2", Reply(body=atom([(3, "2026-02-20"), (2, "2026-02-19")], "/atom/3"), content_type=XML))
    server.route("/atom/3", Reply(body=atom([(1, "2026-02-01")]), content_type=XML))
    found = discover(source(feeds=(feed,)), fetch_with(fetcher), is_known=never_known, since=date(2026, 3, 1))
    assert urls(found) == ["news/5", "news/4"]
    assert "/atom/3" not in server.paths()
    assert found.pages[-1].note == "items older than since"


def test_atom_paging_follows_while_new(server: TestServer, fetcher: Fetcher) -> None:
    feed = server.route("/atom", Reply(body=atom([(5, "2026-03-05")], "/atom/2"), content_type=XML))
    server.route("/atom/2", Reply(body=atom([(4, "2026-03-04")], "/atom/3"), content_type=XML))
    server.route("/atom/3", Reply(body=atom([(3, "2026-03-03")]), content_type=XML))
    found = discover(source(feeds=(feed,)), fetch_with(fetcher), is_known=lambda u: u.endswith("/news/4"))
    assert urls(found) == ["news/5"]
    assert "/atom/3" not in server.paths()  # page 2 held nothing new


def test_html_where_feed_expected(server: TestServer, fetcher: Fetcher) -> None:
    page = "<!DOCTYPE html><html><head><title>APA</title></head><body><a href='/news/1'>x</a></body></html>"
    feed = server.route("/en/rss", Reply(body=page))
    found = discover(source(feeds=(feed,)), fetch_with(fetcher), is_known=never_known)
    assert found.links == []
    assert [(p.outcome, p.error) for p in found.pages] == [("error", "not a feed (HTML)")]


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><item><title>&lol9;</title><link>http://127.0.0.1/news/1</link></item></channel></rss>"""


@pytest.mark.parametrize("path", ["/rss", "/sitemap.xml"])
def test_xml_bomb_refused_quickly(server: TestServer, fetcher: Fetcher, path: str) -> None:
    url = server.route(path, Reply(body=BILLION_LAUGHS, content_type=XML))
    src = source(feeds=(url,)) if path == "/rss" else source(sitemaps=(url,))
    started = time.monotonic()
    found = discover(src, fetch_with(fetcher), is_known=never_known)
    assert time.monotonic() - started < 2
    assert found.links == []
    assert [(p.outcome, p.error) for p in found.pages] == [("error", REFUSED_XML)]


# ---------------------------------------------------------------- sitemaps


def sitemap_index(base: str, children: list[tuple[str, str]]) -> str:
    body = "".join(f"<sitemap><loc>{base}{loc}</loc><lastmod>{mod}</lastmod></sitemap>" for loc, mod in children)
    return (
        f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</sitemapindex>'
    )


def urlset(base: str, rows: list[tuple[int, str]], news: bool = False) -> str:
    def row(n: int, day: str) -> str:
        if news:
            extra = (
                f"<news:news><news:publication><news:name>X</news:name></news:publication>"
                f"<news:publication_date>{day}T12:00:00+04:00</news:publication_date>"
                f"<news:title>Talks &amp;amp; more {n}</news:title></news:news>"
            )
            return f"<url><loc>{base}/news/{n}</loc>{extra}</url>"
        return f"<url><loc>{base}/news/{n}</loc><lastmod>{day}</lastmod></url>"

    return (
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        + "".join(row(n, d) for n, d in rows)
        + "<url><loc>"
        + base
        + "/about</loc></url></urlset>"
    )


def test_sitemap_index_urlset_and_news(server: TestServer, fetcher: Fetcher) -> None:
    base = server.base
    index = server.route(
        "/sitemap.xml",
        Reply(
            body=sitemap_index(
                base,
                [
                    ("/old.xml", "2025-01-31"),
                    ("/news.xml.gz", "2026-03-02"),
                    ("/recent.xml", "2026-03-01"),
                ],
            ),
            content_type=XML,
        ),
    )
    server.route(
        "/news.xml.gz",
        Reply(
            body=gzip.compress(urlset(base, [(9, "2026-03-02")], news=True).encode()), content_type="application/x-gzip"
        ),
    )
    server.route("/recent.xml", Reply(body=urlset(base, [(8, "2026-03-01"), (2, "2026-01-10")]), content_type=XML))
    server.route("/old.xml", Reply(body=urlset(base, [(1, "2025-01-01")]), content_type=XML))
    found = discover(source(sitemaps=(index,)), fetch_with(fetcher), is_known=never_known, since=date(2026, 2, 1))
    assert urls(found) == ["news/9", "news/8"]  # newest child first; old child never read
    assert "/old.xml" not in server.paths()
    news = found.links[0]
    assert news.title == "Talks & more 9" and news.published is not None and news.published.tzinfo is not None
    assert news.via == "sitemap" and news.entry_point == index
    assert [p.outcome for p in found.pages] == ["ok", "ok", "ok"]


def test_sitemap_until_uses_publication_date_only(server: TestServer, fetcher: Fetcher) -> None:
    base = server.base
    news = server.route(
        "/news.xml", Reply(body=urlset(base, [(3, "2026-03-05"), (2, "2026-02-10")], news=True), content_type=XML)
    )
    plain = server.route("/plain.xml", Reply(body=urlset(base, [(1, "2026-03-05")]), content_type=XML))
    found = discover(
        source(sitemaps=(news, plain)),
        fetch_with(fetcher),
        is_known=never_known,
        since=date(2026, 2, 1),
        until=date(2026, 2, 28),
    )
    # news/3 was published after `until`; news/1 was only modified after it, so it stays
    assert urls(found) == ["news/2", "news/1"]


def test_incremental_sitemap_stops_at_known_child(server: TestServer, fetcher: Fetcher) -> None:
    base = server.base
    index = server.route(
        "/sitemap.xml",
        Reply(
            body=sitemap_index(
                base,
                [
                    ("/a.xml", "2026-03-03"),
                    ("/b.xml", "2026-03-02"),
                    ("/c.xml", "2026-03-01"),
                ],
            ),
            content_type=XML,
        ),
    )
    server.route("/a.xml", Reply(body=urlset(base, [(3, "2026-03-03")]), content_type=XML))
    server.route("/b.xml", Reply(body=urlset(base, [(2, "2026-03-02")]), content_type=XML))
    server.route("/c.xml", Reply(body=urlset(base, [(1, "2026-03-01")]), content_type=XML))
    found = discover(source(sitemaps=(index,)), fetch_with(fetcher), is_known=lambda u: not u.endswith("/3"))
    assert urls(found) == ["news/3"]
    assert "/c.xml" not in server.paths()


def test_sitemap_that_is_html(server: TestServer, fetcher: Fetcher) -> None:
    url = server.route("/sitemap.xml", Reply(body="<html><body>Not here</body></html>"))
    found = discover(source(sitemaps=(url,)), fetch_with(fetcher), is_known=never_known)
    assert [(p.outcome, p.error) for p in found.pages] == [("error", "not a sitemap (HTML)")]


# ---------------------------------------------------------------- listings


def listing_page(numbers: list[int], days: list[str] | None = None, base_href: str = "") -> str:
    days = days or [""] * len(numbers)
    items = "".join(
        f'<div class="item"><a href="news/{n}"><img src="i.jpg"></a><h3><a href="news/{n}">Title {n}</a></h3>'
        + (f'<time datetime="{d}">{d}</time>' if d else "")
        + "</div>"
        for n, d in zip(numbers, days, strict=True)
    )
    base = f'<base href="{base_href}">' if base_href else ""
    nav = '<a href="/about">About</a><a href="/news/?page=2">next</a>'
    return f"<html><head>{base}</head><body>{nav}<div class='list'>{items}</div></body></html>"


def test_listing_walks_pages_until_empty(server: TestServer, fetcher: Fetcher) -> None:
    for page, numbers in ((1, [9, 8]), (2, [7, 6]), (3, [5])):
        server.route(f"/list?page={page}", Reply(body=listing_page(numbers, base_href="/en/")))
    server.route("/list?page=4", Reply(body="<html><body><p>Nothing here</p></body></html>"))
    template = server.url("/list?page={page}")
    found = discover(source(listings=(template,)), fetch_with(fetcher), is_known=never_known)
    assert urls(found) == ["news/9", "news/8", "news/7", "news/6", "news/5"]
    assert found.links[0].url == server.url("/en/news/9")  # resolved against <base href>
    assert found.links[0].title == "Title 9" and found.links[0].entry_point == template
    assert [p.outcome for p in found.pages] == ["ok", "ok", "ok", "empty"]
    assert found.failed_pages == []


def test_listing_stops_at_known_links(server: TestServer, fetcher: Fetcher) -> None:
    server.route("/list?page=1", Reply(body=listing_page([9, 8], base_href="/")))
    server.route("/list?page=2", Reply(body=listing_page([7, 6], base_href="/")))
    server.route("/list?page=3", Reply(body=listing_page([5], base_href="/")))
    known = {server.url("/news/7"), server.url("/news/6")}
    found = discover(
        source(listings=(server.url("/list?page={page}"),)), fetch_with(fetcher), is_known=known.__contains__
    )
    assert urls(found) == ["news/9", "news/8"]
    assert "/list?page=3" not in server.paths()
    assert found.pages[-1].note == "no new links" and found.pages[-1].new_items == 0


def test_listing_stops_on_since_with_dates(server: TestServer, fetcher: Fetcher) -> None:
    server.route("/list?page=1", Reply(body=listing_page([9, 8], ["2026-03-05", "2026-03-01"], "/")))
    server.route("/list?page=2", Reply(body=listing_page([7, 6], ["2026-02-27", "2026-02-20"], "/")))
    server.route("/list?page=3", Reply(body=listing_page([5, 4], ["2026-02-10", "2026-02-01"], "/")))
    server.route("/list?page=4", Reply(body=listing_page([3], ["2026-01-10"], "/")))
    found = discover(
        source(listings=(server.url("/list?page={page}"),), timezone="Asia/Baku"),
        fetch_with(fetcher),
        is_known=never_known,
        since=date(2026, 2, 25),
        until=date(2026, 3, 2),
    )
    assert urls(found) == ["news/8", "news/7"]  # 9 is after until, 6 before since
    assert "/list?page=4" not in server.paths()
    assert found.pages[-1].note == "items older than since"
    assert found.links[0].published is not None and str(found.links[0].published.tzinfo) == "Asia/Baku"


def test_backfill_walks_past_known_pages(server: TestServer, fetcher: Fetcher) -> None:
    for page, numbers in ((1, [9, 8]), (2, [7, 6]), (3, [5, 4])):
        server.route(f"/list?page={page}", Reply(body=listing_page(numbers, base_href="/")))
    server.route("/list?page=4", Reply(body="<html><body></body></html>"))
    known = {server.url(f"/news/{n}") for n in (9, 8, 7, 6)}
    found = discover(
        source(listings=(server.url("/list?page={page}"),)),
        fetch_with(fetcher),
        is_known=known.__contains__,
        since=date(2020, 1, 1),
    )
    assert urls(found) == ["news/5", "news/4"]
    assert [p.outcome for p in found.pages] == ["ok", "ok", "ok", "empty"]


def test_listing_error_page_is_recorded_not_end(server: TestServer, fetcher: Fetcher) -> None:
    server.route("/list?page=1", Reply(body=listing_page([9, 8], base_href="/")))
    server.route("/list?page=2", Reply(500, "oops"))
    server.route("/list?page=3", Reply(body=listing_page([5], base_href="/")))
    feed = server.route("/rss", Reply(body=RSS.format(base=server.base), content_type=XML))
    found = discover(
        source(listings=(server.url("/list?page={page}"),), feeds=(feed,)), fetch_with(fetcher), is_known=never_known
    )
    assert "/list?page=3" not in server.paths()
    listing = [p for p in found.pages if p.via == "listing"]
    assert [p.outcome for p in listing] == ["ok", "error"]
    assert listing[1].error is not None and "HTTP 500" in listing[1].error
    assert found.failed_pages == [listing[1]]
    assert urls(found) == ["news/1", "news/2", "news/3", "news/9", "news/8"]


def test_listing_challenge_is_blocked(server: TestServer, fetcher: Fetcher) -> None:
    wall = "<html><head><title>Just a moment...</title></head><body></body></html>"
    server.route("/list?page=1", Reply(200, wall))
    found = discover(source(listings=(server.url("/list?page={page}"),)), fetch_with(fetcher), is_known=never_known)
    assert [p.outcome for p in found.pages] == ["blocked"]
    assert found.links == []


def test_site_ignoring_page_parameter(server: TestServer, fetcher: Fetcher) -> None:
    server.route("/list", Reply(body=listing_page([9, 8], base_href="/")))  # any ?page= gives page 1
    found = discover(
        source(listings=(server.url("/list?page={page}"),)),
        fetch_with(fetcher),
        is_known=never_known,
        since=date(2020, 1, 1),
    )
    assert urls(found) == ["news/9", "news/8"]
    assert server.paths().count("/list?page=3") == 0
    assert found.pages[-1].note == "same links as the previous page"


def test_source_max_pages_overrides(server: TestServer, fetcher: Fetcher) -> None:
    for page in range(1, 6):
        server.route(f"/list?page={page}", Reply(body=listing_page([100 - page], base_href="/")))
    found = discover(
        source(listings=(server.url("/list?page={page}"),), max_pages=2),
        fetch_with(fetcher),
        is_known=never_known,
        max_pages=50,
    )
    assert len(found.pages) == 2 and found.pages[-1].note == "max_pages reached"


def test_fetch_failures_never_escape(server: TestServer) -> None:
    def flaky(url: str) -> FetchResult:
        if "rss" in url:
            raise TransientError("HTTP 503", url=url, status=503)
        raise RuntimeError("bug in the caller")

    src = source(feeds=("http://127.0.0.1:9/rss",), listings=("http://127.0.0.1:9/l?p={page}",))
    found = discover(src, flaky, is_known=never_known)
    assert [(p.via, p.outcome) for p in found.pages] == [("feed", "error"), ("listing", "error")]
    assert found.pages[0].error == "TransientError: HTTP 503"


def test_not_modified_page(server: TestServer) -> None:
    def unchanged(url: str) -> FetchResult:
        return FetchResult(url, url, 304, {}, b"", "", None, datetime.now(UTC), not_modified=True)

    found = discover(source(feeds=("http://127.0.0.1:9/rss",)), unchanged, is_known=never_known)
    assert [p.outcome for p in found.pages] == ["not_modified"] and found.links == []


def test_links_unique_across_entry_points(server: TestServer, fetcher: Fetcher) -> None:
    feed = server.route("/rss", Reply(body=RSS.format(base=server.base), content_type=XML))
    server.route("/list?page=1", Reply(body=listing_page([1, 4], ["2026-02-27", "2026-02-26"], "/")))
    server.route("/list?page=2", Reply(body="<html></html>"))
    found = discover(
        source(feeds=(feed,), listings=(server.url("/list?page={page}"),)), fetch_with(fetcher), is_known=never_known
    )
    assert urls(found) == ["news/1", "news/2", "news/3", "news/4"]
    assert found.links[0].via == "feed" and found.links[0].title.startswith("Bayramov")  # type: ignore[union-attr]


def test_404_past_the_last_page_ends_the_listing(server: TestServer, fetcher: Fetcher) -> None:
    server.route("/list?page=1", Reply(body=listing_page([9, 8], base_href="/")))
    server.route("/list?page=2", Reply(body=listing_page([7], base_href="/")))
    found = discover(source(listings=(server.url("/list?page={page}"),)), fetch_with(fetcher), is_known=never_known)
    assert urls(found) == ["news/9", "news/8", "news/7"]
    assert [p.outcome for p in found.pages] == ["ok", "ok", "empty"]
    assert found.pages[-1].note == "HTTP 404: past the last page" and found.failed_pages == []


def test_404_on_the_first_page_is_an_error(server: TestServer, fetcher: Fetcher) -> None:
    found = discover(source(listings=(server.url("/gone?page={page}"),)), fetch_with(fetcher), is_known=never_known)
    assert [(p.outcome, p.error) for p in found.pages] == [("error", "PermanentError: HTTP 404")]
