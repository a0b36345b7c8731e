"""A small read-only HTTP API and web page over the meetings database.

Readers cannot write: the handler only calls ``storage.queries`` (the read side) and
answers GET/HEAD. Everything taken from pages is HTML-escaped in the web page, and the
JSON API returns the same MEETING objects as ``diplowatch meetings --format json``.

Endpoints: ``/`` (the page), ``/api/meetings?country=AZ&country=TM&since=&until=&kind=&person=&limit=``,
``/api/meetings/<id>``, ``/api/sources``, ``/healthz``.
"""

from __future__ import annotations

import html
import json
import logging
import threading
from datetime import date
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from scraper.meetings.model import KINDS

log = logging.getLogger("diplowatch.web")


class BadRequest(ValueError):
    """A query parameter that cannot be read; answered with 400 and the reason."""


def _one(params: dict[str, list[str]], key: str) -> str | None:
    values = params.get(key)
    return values[-1] if values else None


def _date(params: dict[str, list[str]], key: str) -> date | None:
    value = _one(params, key)
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadRequest(f"{key}: {value!r} is not a date like 2026-02-27") from None


def meeting_filters(query: str) -> dict[str, Any]:
    """Query string -> keyword arguments of queries.list_meetings (validated)."""
    params = parse_qs(query, keep_blank_values=False)
    kind = _one(params, "kind")
    if kind is not None and kind not in KINDS:
        raise BadRequest(f"kind: {kind!r} is not one of {', '.join(KINDS)}")
    limit_text = _one(params, "limit")
    try:
        limit = int(limit_text) if limit_text else 200
    except ValueError:
        raise BadRequest(f"limit: {limit_text!r} is not a number") from None
    if not 1 <= limit <= 5000:
        raise BadRequest("limit: must be between 1 and 5000")
    return {
        "countries": tuple(c.upper() for c in params.get("country", []) if c),
        "since": _date(params, "since"),
        "until": _date(params, "until"),
        "kind": kind,
        "person": _one(params, "person"),
        "limit": limit,
    }


def render_page(rows: list[dict[str, Any]], query: str) -> str:
    """The meetings table as a self-contained HTML page; every value escaped."""
    esc = html.escape
    body = []
    for m in rows:
        people = "; ".join(
            esc(f"{p.get('name') or p.get('role') or '?'}" + (f" ({p['country']})" if p.get("country") else ""))
            for p in m.get("participants") or []
        )
        sources = " ".join(
            f'<a href="{esc(s.get("url") or "")}" rel="noopener noreferrer">{esc(s.get("outlet") or "source")}</a>'
            for s in m.get("sources") or []
        )
        loc = m.get("location") or {}
        body.append(
            f"<tr><td>{esc(str(m['id']))}</td><td>{esc(m['date'])}</td><td>{esc(m['kind'])}</td>"
            f"<td>{esc(' '.join(m['countries']))}</td><td>{esc(loc.get('city') or '')}</td>"
            f"<td>{people}</td><td>{sources}</td><td class=ev>{esc(m.get('evidence') or '')}</td></tr>"
        )
    return (
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>diplowatch meetings</title>"
        "<style>body{font:14px system-ui,sans-serif;margin:1.5em}table{border-collapse:collapse;width:100%}"
        "td,th{border-bottom:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}"
        ".ev{color:#555;font-size:12px;max-width:40em}</style></head><body>"
        f"<h1>Meetings</h1><form method=get><input name=country placeholder='AZ' value=''>"
        "<input name=person placeholder='person'><input name=since placeholder='since YYYY-MM-DD'>"
        f"<button>filter</button></form><p>{len(rows)} meeting(s){' for ' + esc(query) if query else ''}."
        " JSON: <a href='/api/meetings'>/api/meetings</a>, <a href='/api/sources'>/api/sources</a></p>"
        "<table><tr><th>id<th>date<th>kind<th>countries<th>where<th>participants<th>sources<th>evidence</tr>"
        + "".join(body)
        + "</table></body></html>"
    )


class ReadOnlyHandler(BaseHTTPRequestHandler):
    server_version = "diplowatch"
    database_url = ""

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s " + format, self.address_string(), *args)

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        from storage import queries

        parts = urlsplit(self.path)
        path = parts.path.rstrip("/") or "/"
        try:
            if path == "/healthz":
                self._send_json({"ok": True})
            elif path == "/api/sources":
                self._send_json(queries.source_status(self.database_url))
            elif path == "/api/meetings":
                self._send_json(queries.list_meetings(self.database_url, **meeting_filters(parts.query)))
            elif path.startswith("/api/meetings/"):
                ident = path.rsplit("/", 1)[-1]
                meeting = queries.get_meeting(self.database_url, int(ident)) if ident.isdigit() else None
                if meeting is None:
                    self._send_json({"error": "no such meeting"}, HTTPStatus.NOT_FOUND)
                else:
                    self._send_json(meeting)
            elif path == "/":
                rows = queries.list_meetings(self.database_url, **meeting_filters(parts.query))
                self._send(render_page(rows, parts.query).encode(), "text/html; charset=utf-8")
            else:
                self._send_json({"error": "not found"}, HTTPStatus.NOT_FOUND)
        except BadRequest as exc:
            self._send_json({"error": str(exc)}, HTTPStatus.BAD_REQUEST)
        except Exception:  # the reader must stay up; the cause goes to the log, not to the client
            log.exception("error answering %s", self.path)
            self._send_json({"error": "internal error"}, HTTPStatus.INTERNAL_SERVER_ERROR)

    def _refuse(self) -> None:
        self._send_json({"error": "read-only"}, HTTPStatus.METHOD_NOT_ALLOWED)

    do_POST = do_PUT = do_DELETE = do_PATCH = _refuse

    def _send_json(self, data: Any, status: HTTPStatus = HTTPStatus.OK) -> None:
        payload = json.dumps(data, ensure_ascii=False, default=str).encode()
        self._send(payload, "application/json; charset=utf-8", status)

    def _send(self, payload: bytes, content_type: str, status: HTTPStatus = HTTPStatus.OK) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)


def make_server(database_url: str, host: str, port: int) -> ThreadingHTTPServer:
    handler = type("Handler", (ReadOnlyHandler,), {"database_url": database_url})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server


def serve_forever(server: ThreadingHTTPServer, stop: threading.Event) -> None:
    thread = threading.Thread(target=server.serve_forever, name="diplowatch-web", daemon=True)
    thread.start()
    try:
        stop.wait()
    finally:
        server.shutdown()
        server.server_close()
