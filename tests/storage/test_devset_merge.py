"""Merging on the dev set's gold records: reports of one event (same event_key) end as one meeting.

Every document's gold records are stored as its article's records; then over all document
pairs, "shares a meeting" must equal "has the same event_key" (merge precision and recall 1.0
on the dev set), whatever the order the reports arrive in.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest

from scraper.article import Article
from scraper.meetings.model import MeetingRecord
from storage import queries
from storage.store import Store
from tests.storage.helpers import fetch

EVAL = Path(__file__).resolve().parents[1] / "data" / "eval"


def _docs() -> list[dict[str, Any]]:
    docs = []
    for name in ("en.jsonl", "ru.jsonl"):
        with (EVAL / name).open(encoding="utf-8") as f:
            docs += [json.loads(line) for line in f if line.strip()]
    return docs


def _ingest(store: Store, docs: list[dict[str, Any]]) -> dict[str, set[int]]:
    out = {}
    for d in docs:
        page = store.record_page(d["outlet"], fetch(d["source_url"], d["text"]))
        art = Article(url=d["source_url"], title=d["title"], text=d["text"], language=d["language"])
        saved = store.record_article(page.page_id, d["outlet"], d["outlet"], art)
        records = [MeetingRecord.from_dict(m) for m in d["meetings"]]
        out[d["id"]] = {m.meeting_id for m in store.record_meetings(saved.version_id, records, parser_version="gold")}
    return out


def _pairs(docs: list[dict[str, Any]], meetings: dict[str, set[int]]) -> tuple[list[Any], list[Any]]:
    missed, wrong = [], []
    for a, b in itertools.combinations(docs, 2):
        same = bool(a["event_key"] and a["event_key"] == b["event_key"] and a["meetings"] and b["meetings"])
        shared = bool(meetings[a["id"]] & meetings[b["id"]])
        if same and not shared:
            missed.append((a["id"], b["id"]))
        elif shared and not same:
            wrong.append((a["id"], b["id"]))
    return missed, wrong


@pytest.mark.parametrize("order", ["as_given", "reversed"])
def test_dev_set_clusters_merge_and_nothing_else(db_url: str, order: str) -> None:
    docs = _docs()
    assert sum(1 for a, b in itertools.combinations(docs, 2) if a["event_key"] and a["event_key"] == b["event_key"])
    with Store(db_url) as store:
        meetings = _ingest(store, docs if order == "as_given" else docs[::-1])
        missed, wrong = _pairs(docs, meetings)
        assert missed == [], "reports of one event left apart"
        assert wrong == [], "reports of different events merged"
        # the Russian and English reports of 2026-02-27 are one meeting found by any spelling
        rows = queries.list_meetings(store, countries=["AZ", "TM"], since=queries.date(2026, 2, 27),
                                     until=queries.date(2026, 2, 27), kind="meeting", person="Гурбанов")
        assert len(rows) == 1 and len(rows[0]["sources"]) == 4
