"""Discovery: feeds, sitemaps and listing pages -> candidate article links.

Every page fetched is recorded as a PageOutcome so that an error, a challenge page or a
page with zero items is never mistaken for "no more articles": the walk of that entry
point stops, the outcome says why, and the crawler decides what it means for the source.
XML is parse-checked with defusedxml before anything else reads it (no entity expansion).
"""

from __future__ import annotations

import html
import logging
import re
import warnings
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, tzinfo
from typing import Any
from urllib.parse import urljoin, urlsplit
from xml.etree.ElementTree import Element, ParseError
from zoneinfo import ZoneInfo

import feedparser
from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as defused_fromstring

from config.catalog import Source
from scraper.errors import BlockedError, FetchError, PermanentError
from scraper.fetch import FetchResult, decode_body, detect_challenge

log = logging.getLogger("diplowatch.discover")
# A tiny listing page that looks like a URL is still a page: bs4's hint is noise here.
warnings.filterwarnings("ignore", category=MarkupResemblesLocatorWarning, module=r"scraper\.discover")

SITEMAP_MAX_BYTES = 50 * 1024 * 1024  # the sitemap protocol's own limit, uncompressed
SITEMAP_MAX_DEPTH = 3  # index -> index -> urlset is already unusual
REFUSED_XML = "refused XML with entity declarations"


@dataclass(frozen=True, slots=True)
class Link:
    """A candidate article URL with whatever the entry point said about it."""

    url: str  # absolute, as found (canonicalised by storage)
    via: str  # "feed" | "sitemap" | "listing"
    entry_point: str  # the feed/sitemap/listing URL (as in the catalog) it came from
    published: datetime | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class PageOutcome:
    """What one entry-point page gave: recorded so "zero items" is never read as "no more news"."""

    url: str
    via: str
    outcome: str  # "ok" | "empty" | "error" | "blocked" | "not_modified"
    items: int = 0  # article links on the page
    new_items: int = 0  # of those, links added to Discovery.links
    error: str | None = None
    note: str | None = None  # why the walk stopped here, when it did on purpose


@dataclass
class Discovery:
    links: list[Link] = field(default_factory=list)
    pages: list[PageOutcome] = field(default_factory=list)

    @property
    def failed_pages(self) -> list[PageOutcome]:
        """Pages that errored or were blocked: the run is partial, never "complete"."""
        return [p for p in self.pages if p.outcome in ("error", "blocked")]


class PageProblem(Exception):
    """A page that cannot be read as what it should be; becomes a PageOutcome."""

    def __init__(self, message: str, outcome: str = "error") -> None:
        super().__init__(message)
        self.outcome = outcome


@dataclass(frozen=True, slots=True)
class Item:
    """One candidate found on a page, before the run's filters."""

    url: str
    title: str | None = None
    published: datetime | None = None
    modified: datetime | None = None  # sitemap lastmod: good for `since`, not for `until`


# --------------------------------------------------------------------------- XML safety


def safe_xml(content: bytes) -> Element | None:
    """Parse with defusedxml; None if not well-formed (feedparser may still cope).

    Raises PageProblem for entity declarations (billion laughs, external entities), which
    are refused even when the document is otherwise broken.
    """
    try:
        return defused_fromstring(content, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise PageProblem(REFUSED_XML) from None
    except (ParseError, ValueError):
        pass
    probe = content.replace(b"\x00", b"") if b"\x00" in content[:4] else content
    if re.search(rb"<!\s*ENTITY", probe, re.I):
        raise PageProblem(REFUSED_XML)
    return None


def gunzip_capped(content: bytes, cap: int = SITEMAP_MAX_BYTES) -> bytes:
    """Inflate a gzip body (.xml.gz) without ever holding more than ``cap`` bytes."""
    z = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = bytearray()
    data = content
    try:
        while data and not z.eof:
            out += z.decompress(data, 1 << 20)
            if len(out) > cap:
                raise PageProblem(f"compressed document inflates past {cap} bytes")
            data = z.unconsumed_tail
    except zlib.error as exc:
        raise PageProblem(f"bad gzip data: {exc}") from None
    return bytes(out)


def looks_like_html(content: bytes) -> bool:
    """An HTML page where XML was expected (a "feed" URL answering with its home page)."""
    head = content[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf", b"<urlset", b"<sitemapindex")):
        return False
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head or b"<body" in head


def _localname(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1].lower()


# --------------------------------------------------------------------------- dates


def parse_w3c(text: str | None) -> datetime | None:
    """W3C datetime (sitemaps, <time datetime>): 2026-02-27, 2026-02-27T10:00:00+04:00, ...Z."""
    if not text:
        return None
    value = text.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None


_MONTHS: dict[str, int] = {}
for _names in (
    "january february march april may june july august september october november december",
    "jan feb mar apr may jun jul aug sep oct nov dec",
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
    "yanvar fevral mart aprel may iyun iyul avqust sentyabr oktyabr noyabr dekabr",
    "ýanwar fewral mart aprel maý iýun iýul awgust sentýabr oktýabr noýabr dekabr",
    "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık",
):
    for _number, _name in enumerate(_names.split(), start=1):
        _MONTHS[_name] = _number
_MONTHS["sept"] = 9

_ISO_TEXT = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DMY_NUMERIC = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})\s+([^\W\d_]{3,12})\.?,?\s+(\d{4})\b")
_MONTH_DAY_YEAR = re.compile(r"\b([^\W\d_]{3,12})\.?\s+(\d{1,2}),?\s+(\d{4})\b")


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day) if 1990 <= year <= 2100 else None
    except ValueError:
        return None


def date_in_text(text: str) -> date | None:
    """The first full date in a listing snippet (ISO, dd.mm.yyyy, "27 February 2026", "27 февраля 2026")."""
    found: list[tuple[int, date]] = []
    for m in _ISO_TEXT.finditer(text):
        d = _valid(int(m[1]), int(m[2]), int(m[3]))
        if d:
            found.append((m.start(), d))
    for m in _DMY_NUMERIC.finditer(text):
        d = _valid(int(m[3]), int(m[2]), int(m[1]))
        if d:
            found.append((m.start(), d))
    for m in _DAY_MONTH_YEAR.finditer(text):
        month = _MONTHS.get(m[2].lower())
        d = _valid(int(m[3]), month, int(m[1])) if month else None
        if d:
            found.append((m.start(), d))
    for m in _MONTH_DAY_YEAR.finditer(text):
        month = _MONTHS.get(m[1].lower())
        d = _valid(int(m[3]), month, int(m[2])) if month else None
        if d:
            found.append((m.start(), d))
    return min(found)[1] if found else None


# --------------------------------------------------------------------------- feeds


@dataclass(frozen=True, slots=True)
class FeedPage:
    items: list[Item]
    entries: int
    next_url: str | None


def _struct_to_dt(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return datetime(*value[:6]).replace(tzinfo=UTC)
    except (TypeError, ValueError):
        return None


def _clean_title(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = html.unescape(re.sub(r"<[^>]+>", " ", html.unescape(value)))
    text = " ".join(text.split())
    return text or None


def _entry_url(entry: Any, base: str) -> str | None:
    link = entry.get("link")
    if not link:  # no <link>: a permalink guid is the next best thing
        guid = entry.get("id") or ""
        link = guid if guid.startswith(("http://", "https://")) else None
    if not link:
        return None
    url = urljoin(base, str(link).strip()).split("#", 1)[0]
    return url if urlsplit(url).scheme in ("http", "https") else None


def parse_feed(content: bytes, base_url: str) -> FeedPage:
    """RSS/Atom bytes -> items keyed on link (missing or repeated guids do not matter)."""
    if content[:2] == b"\x1f\x8b":
        content = gunzip_capped(content)
    if looks_like_html(content):
        raise PageProblem("not a feed (HTML)")
    safe_xml(content)
    parsed = feedparser.parse(content, response_headers={"content-location": base_url})
    if not parsed.entries and parsed.get("version", "") == "":
        problem = parsed.get("bozo_exception")
        raise PageProblem(f"not a feed ({problem})" if problem else "not a feed")
    items: list[Item] = []
    for entry in parsed.entries:
        url = _entry_url(entry, base_url)
        if url is None:
            continue
        published = _struct_to_dt(entry.get("published_parsed")) or _struct_to_dt(entry.get("updated_parsed"))
        items.append(Item(url, _clean_title(entry.get("title")), published))
    next_url = next(
        (str(link["href"]) for link in parsed.feed.get("links", []) if link.get("rel") == "next" and link.get("href")),
        None,
    )
    return FeedPage(items, len(parsed.entries), urljoin(base_url, next_url) if next_url else None)


# --------------------------------------------------------------------------- sitemaps


@dataclass(frozen=True, slots=True)
class SitemapPage:
    kind: str  # "index" | "urlset" | "feed"
    items: list[Item]


def _child_text(element: Element, name: str) -> str | None:
    for child in element:
        if _localname(child.tag) == name:
            return (child.text or "").strip() or None
    return None


def _sitemap_url(element: Element) -> Item | None:
    loc = _child_text(element, "loc")
    if not loc:
        return None
    published: datetime | None = None
    title: str | None = None
    for child in element:
        if _localname(child.tag) == "news":
            published = parse_w3c(_child_text(child, "publication_date"))
            title = _clean_title(_child_text(child, "title"))
    return Item(loc, title, published, parse_w3c(_child_text(element, "lastmod")))


def parse_sitemap(content: bytes, base_url: str) -> SitemapPage:
    """<urlset> (with news: extensions) or <sitemapindex>; an RSS/Atom "sitemap" is read as a feed."""
    if content[:2] == b"\x1f\x8b":
        content = gunzip_capped(content)
    if looks_like_html(content):
        raise PageProblem("not a sitemap (HTML)")
    root = safe_xml(content)
    if root is None:
        raise PageProblem("not a sitemap (XML not well-formed)")
    kind = _localname(root.tag)
    if kind in ("rss", "feed", "rdf"):
        return SitemapPage("feed", parse_feed(content, base_url).items)
    if kind not in ("urlset", "sitemapindex"):
        raise PageProblem(f"not a sitemap (<{kind}>)")
    wanted = "url" if kind == "urlset" else "sitemap"
    items: list[Item] = []
    for element in root:
        item = _sitemap_url(element) if _localname(element.tag) == wanted else None
        url = _abs_url(base_url, item.url) if item else None
        if item and url:
            items.append(replace(item, url=url))
    return SitemapPage("urlset" if kind == "urlset" else "index", items)


# --------------------------------------------------------------------------- listings


def _abs_url(base: str, href: str) -> str | None:
    href = href.strip()
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
        return None
    url = urljoin(base, href).split("#", 1)[0]
    return url if urlsplit(url).scheme in ("http", "https") else None


def _date_near(container: Tag) -> datetime | date | None:
    """A date in an item's container: <time datetime>, any datetime/content attribute, else text."""
    for tag in container.find_all(["time", "meta", "span", "div", "abbr"], limit=40):
        raw = tag.get("datetime") or (tag.get("content") if tag.get("itemprop") == "datePublished" else None)
        if isinstance(raw, str) and (when := parse_w3c(raw)):
            return when
    return date_in_text(container.get_text(" ", strip=True)[:600])


def parse_listing(text: str, base_url: str, is_article: Callable[[str], bool]) -> list[Item]:
    """Article links of a listing page, in page order, with a title and a date when the item shows one."""
    soup = BeautifulSoup(text, "lxml")
    base_tag = soup.find("base", href=True)
    base = urljoin(base_url, str(base_tag["href"])) if isinstance(base_tag, Tag) else base_url
    anchors: list[tuple[Tag, str]] = []
    for a in soup.find_all("a", href=True):
        url = _abs_url(base, str(a["href"]))
        if url and is_article(url):
            anchors.append((a, url))
    under: dict[int, set[str]] = {}
    for a, url in anchors:  # every ancestor learns which article URLs it holds
        for parent in a.parents:
            under.setdefault(id(parent), set()).add(url)
    items: dict[str, Item] = {}
    for a, url in anchors:
        title = " ".join(a.get_text(" ", strip=True).split()) or str(a.get("title") or "").strip() or None
        container = _item_container(a, url, under)
        found = _date_near(container)
        published = found if isinstance(found, datetime) else None
        day = found if isinstance(found, date) and not isinstance(found, datetime) else None
        item = Item(url, title, published or (datetime(day.year, day.month, day.day) if day else None))
        items[url] = _merge(items[url], item) if url in items else item
    return list(items.values())


def _item_container(a: Tag, url: str, under: dict[int, set[str]]) -> Tag:
    """The largest ancestor of ``a`` that holds no other article link: the item's box."""
    box = a
    for parent in a.parents:
        if parent.name in ("body", "html", "[document]") or under.get(id(parent)) != {url}:
            break
        box = parent
    return box


def _merge(old: Item, new: Item) -> Item:
    """Keep the first occurrence, filling what it lacks (a longer title, a date)."""
    title = old.title if old.title and len(old.title) >= len(new.title or "") else new.title
    return Item(old.url, title, old.published or new.published, old.modified or new.modified)


# --------------------------------------------------------------------------- the walk


class _Run:
    """One discover() call: the source's filters, the links so far, the outcomes so far."""

    def __init__(
        self,
        source: Source,
        fetch: Callable[[str], FetchResult],
        is_known: Callable[[str], bool],
        since: date | None,
        until: date | None,
        max_pages: int,
    ) -> None:
        self.source = source
        self.fetch = fetch
        self.since = since
        self.until = until
        self.max_pages = max_pages
        self.tz: tzinfo | None = ZoneInfo(source.timezone) if source.timezone else None
        self._is_known = is_known
        self._known: dict[str, bool] = {}
        self.links: dict[str, Link] = {}
        self.seen: set[str] = set()
        self.pages: list[PageOutcome] = []

    # ---- bookkeeping

    def known(self, url: str) -> bool:
        if url not in self._known:
            self._known[url] = bool(self._is_known(url))
        return self._known[url]

    def day(self, when: datetime) -> date:
        """The calendar day of a timestamp at the site (its own zone when the catalog names one)."""
        if when.tzinfo is not None and self.tz is not None:
            return when.astimezone(self.tz).date()
        return when.date()

    def localise(self, when: datetime | None) -> datetime | None:
        """Express a date in the site's zone when the catalog names one (naive ones are taken as local)."""
        if when is None or self.tz is None:
            return when
        return when.replace(tzinfo=self.tz) if when.tzinfo is None else when.astimezone(self.tz)

    def older_than_since(self, item: Item) -> bool:
        when = item.published or item.modified
        return self.since is not None and when is not None and self.day(when) < self.since

    def newer_than_until(self, item: Item) -> bool:
        return self.until is not None and item.published is not None and self.day(item.published) > self.until

    def offer(self, item: Item, via: str, entry_point: str) -> tuple[bool, bool]:
        """Consider one item: (was it new to this run and the store, was it added to the links)."""
        url = item.url
        if url in self.links:
            self.links[url] = _better(self.links[url], item, self.localise)
        first_time = url not in self.seen
        self.seen.add(url)
        if not first_time or self.known(url):
            return False, False
        if self.older_than_since(item) or self.newer_than_until(item):
            return True, False
        self.links[url] = Link(url, via, entry_point, self.localise(item.published), item.title)
        return True, True

    def record(self, url: str, via: str, outcome: str, **kwargs: Any) -> None:
        page = PageOutcome(url, via, outcome, **kwargs)
        self.pages.append(page)
        if outcome in ("error", "blocked"):
            log.warning("%s %s: %s %s", via, url, outcome, page.error)

    def get(self, url: str, via: str, *, later_page: bool = False) -> FetchResult | None:
        """Fetch one page; on any failure record it and return None (never raise for one page).

        ``later_page``: page 2+ of a listing or paged feed, where 404/410 is how most sites
        say "past the last page" (recorded as "empty"; on a first page it is an error).
        """
        try:
            result = self.fetch(url)
        except BlockedError as exc:
            self.record(url, via, "blocked", error=str(exc))
            return None
        except PermanentError as exc:
            if later_page and exc.status in (404, 410):
                self.record(url, via, "empty", note=f"HTTP {exc.status}: past the last page")
            else:
                self.record(url, via, "error", error=f"{type(exc).__name__}: {exc}")
            return None
        except FetchError as exc:
            self.record(url, via, "error", error=f"{type(exc).__name__}: {exc}")
            return None
        except Exception as exc:  # a bug in the caller's fetch must not end discovery
            log.exception("fetch of %s failed unexpectedly", url)
            self.record(url, via, "error", error=f"{type(exc).__name__}: {exc}")
            return None
        if result.not_modified:
            self.record(url, via, "not_modified")
            return None
        if result.status >= 400:
            self.record(url, via, "error", error=f"HTTP {result.status}")
            return None
        challenge = detect_challenge(result.status, result.headers, result.text) if result.text else None
        if challenge:
            self.record(url, via, "blocked", error=challenge)
            return None
        return result

    def take(self, items: Iterable[Item], via: str, entry_point: str) -> tuple[int, int, int]:
        """Offer article items; returns (article items, new to run+store, added)."""
        count = new = added = 0
        for item in items:
            if not self.source.is_article_url(item.url):
                continue
            count += 1
            is_new, was_added = self.offer(item, via, entry_point)
            new += is_new
            added += was_added
        return count, new, added

    def all_older(self, items: Iterable[Item]) -> bool:
        """True when every dated article item is older than ``since`` (and there is at least one)."""
        dated = [i for i in items if self.source.is_article_url(i.url) and (i.published or i.modified)]
        return bool(dated) and all(self.older_than_since(i) for i in dated)

    # ---- entry points

    def walk_feed(self, entry_point: str) -> None:
        url: str | None = entry_point
        visited: set[str] = set()
        while url and url not in visited and len(visited) < self.max_pages:
            visited.add(url)
            result = self.get(url, "feed", later_page=len(visited) > 1)
            if result is None:
                return
            try:
                page = parse_feed(result.content, result.final_url)
            except PageProblem as exc:
                self.record(url, "feed", exc.outcome, error=str(exc))
                return
            count, new, added = self.take(page.items, "feed", entry_point)
            stop = self._feed_stop(page, count, new)
            self.record(url, "feed", "ok" if count else "empty", items=count, new_items=added, note=stop)
            if stop:
                return
            url = page.next_url

    def _feed_stop(self, page: FeedPage, count: int, new: int) -> str | None:
        if not page.next_url:
            return None
        if count == 0:
            return "no article items"
        if self.since is not None:
            return "items older than since" if self.all_older(page.items) else None
        return None if new else "no new links"

    def walk_sitemap(self, entry_point: str) -> None:
        queue: list[tuple[str, int, bool]] = [(entry_point, 0, False)]  # url, depth, newest-first?
        done: set[str] = set()
        while queue and len(done) < self.max_pages:
            url, depth, newest_first = queue.pop(0)
            if url in done:
                continue
            done.add(url)
            result = self.get(url, "sitemap")
            if result is None:
                continue  # recorded; other child sitemaps are still worth reading
            try:
                page = parse_sitemap(result.content, result.final_url)
            except PageProblem as exc:
                self.record(url, "sitemap", exc.outcome, error=str(exc))
                continue
            if page.kind == "index":
                children = self._children(page.items, result.final_url, depth)
                queue.extend(children)
                outcome = "ok" if page.items else "empty"
                self.record(url, "sitemap", outcome, items=len(page.items), note=f"{len(children)} sitemaps")
                continue
            count, new, added = self.take(page.items, "sitemap", entry_point)
            # Children read newest first: one with nothing new means the older ones hold nothing new either.
            stop = "no new links" if newest_first and self.since is None and count and not new else None
            self.record(url, "sitemap", "ok" if count else "empty", items=count, new_items=added, note=stop)
            if stop:
                queue = [q for q in queue if q[1] < depth]

    def _children(self, items: list[Item], base: str, depth: int) -> list[tuple[str, int, bool]]:
        """Child sitemaps worth reading, newest first when all carry a lastmod; none older than since."""
        if depth + 1 >= SITEMAP_MAX_DEPTH:
            return []
        kept = [i for i in items if not self.older_than_since(i)]
        newest_first = bool(kept) and all(i.modified for i in kept)
        if newest_first:
            kept.sort(key=lambda i: _sort_key(i.modified), reverse=True)
        return [(u, depth + 1, newest_first) for i in kept if (u := _abs_url(base, i.url))]

    def walk_listing(self, template: str) -> None:
        previous: set[str] | None = None
        for number in range(1, self.max_pages + 1):
            url = template.replace("{page}", str(number))
            result = self.get(url, "listing", later_page=number > 1)
            if result is None:
                return
            text = result.text or decode_body(result.content, result.headers.get("content-type"))[0]
            try:
                items = parse_listing(text, result.final_url, self.source.is_article_url)
            except Exception as exc:  # lxml on a hostile page: record, do not end discovery
                log.exception("listing %s could not be parsed", url)
                self.record(url, "listing", "error", error=f"unparsable page: {type(exc).__name__}: {exc}")
                return
            urls = {i.url for i in items}
            if not items:
                self.record(url, "listing", "empty", note="no article links")
                return
            if urls == previous:
                self.record(url, "listing", "ok", items=len(items), note="same links as the previous page")
                return
            previous = urls
            count, new, added = self.take(items, "listing", template)
            stop = self._listing_stop(items, new)
            if stop is None and number == self.max_pages:
                stop = "max_pages reached"
            self.record(url, "listing", "ok", items=count, new_items=added, note=stop)
            if stop:
                return

    def _listing_stop(self, items: list[Item], new: int) -> str | None:
        if self.since is not None:  # backfill: walk past known pages until they are old enough
            return "items older than since" if self.all_older(items) else None
        return None if new else "no new links"


def _sort_key(when: datetime | None) -> datetime:
    if when is None:
        return datetime.min.replace(tzinfo=UTC)
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _better(link: Link, item: Item, localise: Callable[[datetime | None], datetime | None]) -> Link:
    """First occurrence wins; later ones only fill in a missing title or date, or add a time zone."""
    published = link.published
    if item.published is not None and (published is None or (published.tzinfo is None and item.published.tzinfo)):
        published = localise(item.published)
    title = link.title or item.title
    if (published, title) == (link.published, link.title):
        return link
    return replace(link, published=published, title=title)


def discover(
    source: Source,
    fetch: Callable[[str], FetchResult],
    *,
    is_known: Callable[[str], bool],
    since: date | None = None,
    until: date | None = None,
    max_pages: int = 20,
) -> Discovery:
    """Walk every feed, sitemap and listing of ``source``; never raises for one bad page.

    ``links`` holds, in discovery order and once each, the article URLs (``source.is_article_url``)
    for which ``is_known`` said False and whose dates (when given) fall in [since, until].
    ``source.max_pages`` overrides ``max_pages`` (listing pages, feed pages, sitemap documents
    per entry point).
    """
    run = _Run(source, fetch, is_known, since, until, source.max_pages or max_pages)
    walks: list[tuple[Callable[[str], None], tuple[str, ...]]] = [
        (run.walk_feed, source.feeds),
        (run.walk_sitemap, source.sitemaps),
        (run.walk_listing, source.listings),
    ]
    for walk, entry_points in walks:
        for entry_point in entry_points:
            _guarded(run, walk, entry_point)
    return Discovery(list(run.links.values()), run.pages)


def _guarded(run: _Run, walk: Callable[[str], None], entry_point: str) -> None:
    """One entry point's walk; an unexpected bug there is recorded, the others still run."""
    try:
        walk(entry_point)
    except Exception as exc:
        log.exception("discovery of %s failed", entry_point)
        via = {"walk_feed": "feed", "walk_sitemap": "sitemap"}.get(getattr(walk, "__name__", ""), "listing")
        run.record(entry_point, via, "error", error=f"{type(exc).__name__}: {exc}")
