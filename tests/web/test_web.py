"""The read-only HTTP API and page: real server on 127.0.0.1, real SQLite database."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from scraper.meetings.model import MeetingRecord, Participant
from scraper.web import BadRequest, make_server, meeting_filters
from storage.store import Store
from tests.storage.helpers import ingest, ingest_eval


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("web") / "web.db"
    url = f"sqlite:///{db}"
    ingest_eval(url)
    with Store(url) as store:
        hostile = MeetingRecord(
            date=date(2026, 3, 1),
            kind="meeting",
            countries=("AZ", "XK"),
            participants=(Participant(name="<b>Bold</b> Name", role=None, country="XK"),),
            evidence='They met. <script>alert("x")</script>',
        )
        ingest(store, "https://example.org/hostile", "They met.", [hostile])
    server = make_server(url, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def get(url: str, method: str = "GET") -> tuple[int, str, str]:
    req = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, resp.headers.get("content-type", ""), resp.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("content-type", ""), exc.read().decode()


def test_meetings_api_filters_by_all_countries(base_url: str) -> None:
    status, ctype, body = get(f"{base_url}/api/meetings?country=AZ&country=TM")
    assert status == 200 and ctype.startswith("application/json")
    rows = json.loads(body)
    assert rows
    assert all({"AZ", "TM"} <= set(m["countries"]) for m in rows)
    assert all(m["sources"] for m in rows)


def test_one_meeting_and_missing_ones(base_url: str) -> None:
    rows = json.loads(get(f"{base_url}/api/meetings?kind=phone_call")[2])
    assert rows and all(m["kind"] == "phone_call" for m in rows)
    status, _, body = get(f"{base_url}/api/meetings/{rows[0]['id']}")
    assert status == 200 and json.loads(body)["id"] == rows[0]["id"]
    assert get(f"{base_url}/api/meetings/999999")[0] == 404
    assert get(f"{base_url}/api/meetings/abc")[0] == 404
    assert get(f"{base_url}/nowhere")[0] == 404


def test_bad_parameters_are_400_with_the_reason(base_url: str) -> None:
    status, _, body = get(f"{base_url}/api/meetings?since=yesterday")
    assert status == 400 and "since" in json.loads(body)["error"]
    assert get(f"{base_url}/api/meetings?kind=dinner")[0] == 400
    assert get(f"{base_url}/api/meetings?limit=0")[0] == 400


def test_readers_cannot_write(base_url: str) -> None:
    for method in ("POST", "PUT", "DELETE"):
        assert get(f"{base_url}/api/meetings", method=method)[0] == 405


def test_page_escapes_everything_taken_from_pages(base_url: str) -> None:
    status, ctype, body = get(f"{base_url}/?country=XK")
    assert status == 200 and ctype.startswith("text/html")
    assert "<script>alert" not in body and "&lt;script&gt;" in body
    assert "<b>Bold</b>" not in body and "&lt;b&gt;Bold&lt;/b&gt;" in body
    assert get(f"{base_url}/", method="HEAD")[0] == 200


def test_sources_and_health(base_url: str) -> None:
    assert json.loads(get(f"{base_url}/healthz")[2]) == {"ok": True}
    assert isinstance(json.loads(get(f"{base_url}/api/sources")[2]), list)


def test_filter_parsing_is_strict() -> None:
    filters = meeting_filters("country=az&country=TM&since=2026-01-01&person=Gurbanov&limit=5")
    assert filters["countries"] == ("AZ", "TM")
    assert filters["since"] == date(2026, 1, 1)
    assert filters["limit"] == 5
    with pytest.raises(BadRequest):
        meeting_filters("until=2026-13-01")
    with pytest.raises(BadRequest):
        meeting_filters("limit=many")


def test_reader_never_creates_a_database(tmp_path: Path) -> None:
    server = make_server(f"sqlite:///{tmp_path / 'absent.db'}", "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        status, _, body = get(f"http://127.0.0.1:{server.server_address[1]}/api/meetings")
        assert status == 200 and json.loads(body) == []
        assert not (tmp_path / "absent.db").exists()
    finally:
        server.shutdown()
        server.server_close()
