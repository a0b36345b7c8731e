"""SiteServer: real HTTP on 127.0.0.1 serving the dev reports as three kinds of news site.

End-to-end tests and ``make demo`` crawl it with the real CLI, so it behaves like a web
server a crawler meets: robots.txt, 404 for unknown paths and past the last listing page,
ETag/Last-Modified with 304 answers (a re-poll costs only conditional GETs), HEAD. Tests
can edit a document while it runs (the page changes, Last-Modified moves forward) and read
the request log to count fetches.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.sitesrv import render
from tests.sitesrv.docs import LANGUAGES, LAYOUT_ZONES, LAYOUTS, Page, build_pages, load_eval_docs, slugify
from tests.sitesrv.render import SiteView, esc, http_date

ROBOTS_TXT = """User-agent: *
Disallow: /admin/
Disallow: /agency/search
Crawl-delay: 0
"""


@dataclass(frozen=True)
class Response:
    """What a route produces; the handler adds validators, 304 and HEAD handling."""

    status: int
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    last_modified: datetime | None = None

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha1(self.body).hexdigest()[:20] + '"'


def _not_found(path: str) -> Response:
    html = render.simple_page("404 Not Found", f"<p>No page at {esc(path)}.</p>")
    return Response(404, html.encode("utf-8"))


class SiteServer:
    """The project's local news-site server; a context manager running in a thread.

    ``docs``: dicts shaped like the dev-set lines (id, language, title, text, published,
    event_key, ...); default: tests/data/eval/{en,ru}.jsonl. ``layouts``: which of
    agency / ministry / modern exist. ``per_page``: listing page size. Documents without a
    date take their event cluster's date or are left out (``skipped``).
    """

    def __init__(
        self,
        docs: Iterable[Mapping[str, Any]] | None = None,
        layouts: Sequence[str] = LAYOUTS,
        per_page: int = 5,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        feed_size: int = 20,
    ) -> None:
        if per_page < 1 or feed_size < 1:
            raise ValueError("per_page and feed_size must be >= 1")
        self.layouts: tuple[str, ...] = tuple(layouts)
        self.per_page = per_page
        self.feed_size = feed_size
        self.host = host
        self.port = port
        pages, skipped = build_pages(load_eval_docs() if docs is None else docs, self.layouts)
        self.skipped: tuple[str, ...] = tuple(skipped)
        self._pages: dict[str, Page] = {p.doc_id: p for p in pages}
        self._by_path: dict[str, Page] = {}
        self._lock = threading.RLock()
        self._log: list[tuple[str, str, int]] = []
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._reindex()

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> str:
        """Bind (port 0 = a free port), serve in a daemon thread, return the base URL."""
        if self._httpd is not None:
            return self.base_url
        httpd = _HTTPServer((self.host, self.port), _Handler)
        httpd.site = self
        self._httpd = httpd
        self.port = httpd.server_address[1]
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="sitesrv", daemon=True
        )
        self._thread.start()
        return self.base_url

    def stop(self) -> None:
        if self._httpd is None:
            return
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._httpd = None
        self._thread = None

    def __enter__(self) -> SiteServer:
        self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        if self._httpd is None:
            raise RuntimeError("SiteServer is not started")
        return f"http://{self.host}:{self.port}"

    # ------------------------------------------------------------------ content

    @property
    def documents(self) -> list[Page]:
        """Every served page, newest first (a new list of the live pages: change them via ``edit``)."""
        with self._lock:
            return sorted(self._pages.values(), key=lambda p: p.sort_key, reverse=True)

    def page(self, doc_id: str) -> Page:
        with self._lock:
            try:
                return self._pages[doc_id]
            except KeyError:
                raise KeyError(f"no served document {doc_id!r} (skipped: {doc_id in self.skipped})") from None

    def url_for(self, doc_id: str) -> str:
        return self.base_url + render.article_path(self.page(doc_id))

    def sections(self) -> list[tuple[str, str]]:
        """(layout, language) pairs that have at least one article."""
        with self._lock:
            present = {(p.layout, p.language) for p in self._pages.values()}
        return [(layout, lang) for layout in self.layouts for lang in LANGUAGES if (layout, lang) in present]

    def edit(self, doc_id: str, *, text: str | None = None, title: str | None = None) -> str:
        """Change a served article (its URL stays); Last-Modified moves past the old value.

        Returns the article URL. The modification time is at least one second later than
        the previous one, so clients that only send If-Modified-Since see the change too.
        """
        with self._lock:
            page = self.page(doc_id)
            if text is not None:
                page.text = text
            if title is not None:
                page.title = title
            now = datetime.now(UTC).replace(microsecond=0)
            page.edited = max(now, page.modified + timedelta(seconds=1))
        return self.url_for(doc_id)

    def add_document(self, doc: Mapping[str, Any], layout: str | None = None) -> str:
        """Publish a new document (e.g. for "the next poll finds one new article")."""
        with self._lock:
            if str(doc["id"]) in self._pages:
                raise ValueError(f"document {doc['id']!r} is already served")
            pages, skipped = build_pages([doc], self.layouts)
            if skipped:
                raise ValueError(f"document {doc['id']!r} has no published date")
            page = pages[0]
            if layout is not None:
                if layout not in self.layouts:
                    raise ValueError(f"unknown layout {layout!r}")
                page.layout = layout
            else:
                counts = {name: 0 for name in self.layouts}
                for p in self._pages.values():
                    if p.language == page.language:
                        counts[p.layout] += 1
                page.layout = min(self.layouts, key=lambda name: (counts[name], self.layouts.index(name)))
            page.number = max((p.number for p in self._pages.values()), default=1000) + 1
            page.slug = slugify(page.title)
            # It appears now, whatever date it carries: listings' Last-Modified must move on.
            newest = max((p.modified for p in self._pages.values()), default=page.modified)
            page.edited = max(datetime.now(UTC).replace(microsecond=0), newest + timedelta(seconds=1))
            self._pages[page.doc_id] = page
            self._reindex()
        return self.url_for(page.doc_id)

    def _reindex(self) -> None:
        with self._lock:
            self._by_path = {render.article_path(p): p for p in self._pages.values()}

    def _view(self, layout: str, lang: str) -> SiteView | None:
        with self._lock:
            pages = [p for p in self._pages.values() if p.language == lang]
        pages.sort(key=lambda p: p.sort_key, reverse=True)
        mine = [p for p in pages if p.layout == layout]
        if not mine or layout not in self.layouts:
            return None
        return SiteView(self.base_url, layout, lang, mine, self.per_page, self.feed_size, pages)

    # ------------------------------------------------------------------ request log

    @property
    def requests(self) -> list[tuple[str, str, int]]:
        """(method, path with query, status) of every request so far, in order."""
        with self._lock:
            return list(self._log)

    def clear_log(self) -> None:
        with self._lock:
            self._log.clear()

    def count(self, *, method: str | None = None, prefix: str = "", status: int | None = None) -> int:
        """How many logged requests match (method, path prefix, status)."""
        return sum(
            1
            for m, path, st in self.requests
            if (method is None or m == method) and path.startswith(prefix) and (status is None or st == status)
        )

    def _record(self, method: str, path: str, status: int) -> None:
        with self._lock:
            self._log.append((method, path, status))

    # ------------------------------------------------------------------ catalog

    def article_pattern(self, layout: str, lang: str) -> str:
        base = re.escape(self.base_url)
        if layout == "agency":
            return rf"^{base}/agency/{lang}/[a-z]+/[a-z0-9-]+-\d+$"
        if layout == "ministry":
            return rf"^{base}/ministry/{lang}/news/no\d+$"
        return rf"^{base}/modern/{lang}/posts/\d+/[a-z0-9-]+$"

    def listing_template(self, layout: str, lang: str) -> str:
        if layout == "agency":
            return f"{self.base_url}/agency/{lang}/news?page={{page}}"
        if layout == "ministry":
            return f"{self.base_url}/ministry/{lang}/news/page/{{page}}"
        return f"{self.base_url}/modern/{lang}/archive/{{page}}"

    def feed_url(self, layout: str, lang: str) -> str | None:
        if layout == "agency":
            return f"{self.base_url}/agency/{lang}/rss.xml"
        if layout == "modern":
            return f"{self.base_url}/modern/{lang}/atom.xml"
        return None

    def sitemap_url(self, layout: str, lang: str) -> str | None:
        return f"{self.base_url}/ministry/sitemap-{lang}.xml" if layout == "ministry" else None

    def catalog_toml(self, delay: float = 0.0, *, selectors: bool = False, interval: str = "15m") -> str:
        """A catalog in the packaged format whose sources are this server's sections.

        Source names are ``<layout>_<lang>`` (agency_en, ministry_ru, ...). ``selectors``
        adds per-source CSS selectors; without them the generic extractor does the work.
        """
        chosen = {
            "agency": '{ title = "h1.news-detail__title", body = "div.news-detail__desc", drop = ["p.read-also"] }',
            "ministry": '{ title = "td.title h1", body = "td.text", published = "td.date" }',
            "modern": '{ title = "article.post h1", body = "div.post__body", drop = ["div.inline-related"] }',
        }
        lines = [
            "# Catalog of the local site server (tests/sitesrv) — generated, do not edit.",
            f"# Server: {self.base_url}",
            "",
        ]
        for layout, lang in self.sections():
            feed, sitemap = self.feed_url(layout, lang), self.sitemap_url(layout, lang)
            evidence = ["listings", "article_pattern"] + (["feeds"] if feed else []) + (["sitemaps"] if sitemap else [])
            lines += [
                f"[sources.{layout}_{lang}]",
                f'outlet = "sitesrv-{layout}"',
                f'language = "{lang}"',
                f"feeds = [{_q(feed)}]" if feed else "feeds = []",
                f"sitemaps = [{_q(sitemap)}]" if sitemap else "sitemaps = []",
                f"listings = [{_q(self.listing_template(layout, lang))}]",
                f"article_pattern = {_q(self.article_pattern(layout, lang))}",
                f'interval = "{interval}"',
                f"delay = {float(delay)!r}",
                f'timezone = "{LAYOUT_ZONES[layout]}"',
            ]
            if selectors:
                lines.append(f"selectors = {chosen[layout]}")
                evidence.append("selectors")
            lines += [
                f"verified = [{', '.join(_q(e) for e in evidence)}]",
                "guessed = []",
                f'notes = "Local {layout} layout ({lang}) of the test site server."',
                "",
            ]
        return "\n".join(lines)

    def write_catalog(self, path: str | os.PathLike[str], delay: float = 0.0, *, selectors: bool = False) -> Path:
        """Write ``catalog_toml`` atomically (a reader never sees half a file)."""
        target = Path(path)
        text = self.catalog_toml(delay, selectors=selectors)
        fd, tmp = tempfile.mkstemp(prefix=".catalog-", suffix=".toml", dir=target.parent or ".")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)
        return target

    # ------------------------------------------------------------------ routing

    def respond(self, raw_path: str) -> Response:
        """Route one GET path (with query) to a response."""
        parts = urlsplit(raw_path)
        path, query = parts.path, parse_qs(parts.query)
        if path == "/robots.txt":
            robots = ROBOTS_TXT
            if "ministry" in self.layouts:
                robots += f"Sitemap: {self.base_url}/ministry/sitemap.xml\n"
            return Response(200, robots.encode(), "text/plain; charset=utf-8")
        if path == "/":
            links = "".join(
                f'<li><a href="{esc(self.base_url)}/{layout}/{lang}/">{layout} ({lang})</a></li>'
                for layout, lang in self.sections()
            )
            return Response(200, render.simple_page("diplowatch test sites", f"<ul>{links}</ul>").encode())
        if path.startswith("/admin/") or path == "/admin":
            return Response(200, render.simple_page("Staff area", "<p>Restricted.</p>").encode())
        with self._lock:
            page = self._by_path.get(path)
        if page is not None:
            view = self._view(page.layout, page.language)
            if view is not None:
                html = render.ARTICLE[page.layout](view, page)
                return Response(200, html.encode("utf-8"), last_modified=page.modified)
        m = re.fullmatch(r"/(agency|ministry|modern)/(en|ru)/(.*)", path)
        if m:
            layout, lang, rest = m.groups()
            view = self._view(layout, lang)
            if view is not None:
                found = self._section(view, rest, query, raw_path)
                if found is not None:
                    return found
        if path == "/ministry/sitemap.xml" and "ministry" in self.layouts:
            views = [v for lang in LANGUAGES if (v := self._view("ministry", lang)) is not None]
            stamp = max((t for v in views if (t := v.modified()) is not None), default=None)
            body = render.sitemap_index(self.base_url, views).encode()
            return Response(200, body, "application/xml; charset=utf-8", stamp)
        m = re.fullmatch(r"/ministry/sitemap-(en|ru)\.xml", path)
        if m and (view := self._view("ministry", m.group(1))) is not None:
            return Response(
                200, render.sitemap_urlset(view).encode(), "application/xml; charset=utf-8", view.modified()
            )
        return _not_found(path)

    def _section(self, view: SiteView, rest: str, query: dict[str, list[str]], raw_path: str) -> Response | None:
        """Listings, home pages and feeds of one (layout, language) section."""
        feed = _FEEDS.get((view.layout, rest))
        if feed is not None:
            render_feed, content_type = feed
            body = render_feed(view, self.base_url + raw_path).encode()
            return Response(200, body, content_type, view.modified())
        if rest == "":
            number = 1
        elif view.layout == "agency" and rest == "news":
            value = query.get("page", ["1"])[0]
            if not value.isdigit():
                return _not_found(raw_path)
            number = int(value)
        elif view.layout in _LISTING_PATHS and (m := re.fullmatch(_LISTING_PATHS[view.layout], rest)):
            number = int(m.group(1))
        else:
            return None
        items = view.listing_items(number)
        if items is None:
            return _not_found(raw_path)  # past the last page: 404, like most CMSs
        html = render.LISTING[view.layout](view, number, items)
        return Response(200, html.encode("utf-8"), last_modified=view.modified())


_LISTING_PATHS = {"ministry": r"news/page/(\d+)", "modern": r"archive/(\d+)"}
_FEEDS: dict[tuple[str, str], tuple[Callable[[SiteView, str], str], str]] = {
    ("agency", "rss.xml"): (render.agency_rss, "application/rss+xml; charset=utf-8"),
    ("modern", "atom.xml"): (render.modern_atom, "application/atom+xml; charset=utf-8"),
}


def _q(text: str | None) -> str:
    """A TOML literal string ('...'), so regular expressions need no double escaping."""
    assert text is not None and "'" not in text and "\n" not in text
    return f"'{text}'"


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    site: SiteServer


class _Handler(BaseHTTPRequestHandler):
    """GET/HEAD with conditional requests; anything else is 405."""

    server: _HTTPServer
    protocol_version = "HTTP/1.1"
    timeout = 30  # idle keep-alive connections do not hold a thread forever
    disable_nagle_algorithm = True  # headers and body go out in two writes; no 40 ms stalls

    def do_GET(self) -> None:
        self._serve(head=False)

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def _refuse(self) -> None:
        body = b"method not allowed\n"
        self.send_response(405)
        self.server.site._record(self.command, self.path, 405)
        self.send_header("Allow", "GET, HEAD")
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_PUT = do_DELETE = do_PATCH = _refuse

    def _serve(self, head: bool) -> None:
        site = self.server.site
        try:
            resp = site.respond(self.path)
        except Exception as exc:  # a bug in the test server must show, not hang the client
            resp = Response(500, f"sitesrv error: {exc!r}\n".encode(), "text/plain; charset=utf-8")
        status = resp.status
        headers: list[tuple[str, str]] = [("Content-Type", resp.content_type)]
        if status == 200:
            etag = resp.etag
            headers.append(("ETag", etag))
            if resp.last_modified is not None:
                headers.append(("Last-Modified", http_date(resp.last_modified)))
            if self._not_modified(etag, resp.last_modified):
                status = 304
        body = b"" if status == 304 else resp.body
        site._record(self.command, self.path, status)  # before answering: a client may count at once
        self.send_response(status)
        for name, value in headers:
            if status == 304 and name == "Content-Type":
                continue
            self.send_header(name, value)
        if status != 304:  # a 304 has no body and must not claim a length of 0
            self.send_header("Content-Length", str(len(resp.body)))
        self.end_headers()
        if not head and body:
            self.wfile.write(body)

    def _not_modified(self, etag: str, last_modified: datetime | None) -> bool:
        """RFC 9110: If-None-Match decides when present; else If-Modified-Since."""
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            tags = {t.strip().removeprefix("W/") for t in inm.split(",")}
            return "*" in tags or etag in tags
        ims = self.headers.get("If-Modified-Since")
        if ims and last_modified is not None:
            try:
                since = parsedate_to_datetime(ims)
            except (TypeError, ValueError):
                return False
            if since.tzinfo is None:
                since = since.replace(tzinfo=UTC)
            return last_modified.replace(microsecond=0) <= since
        return False

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: tests read ``SiteServer.requests`` instead of stderr."""
