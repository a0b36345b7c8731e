"""The documents the local site server publishes, and which site gets which.

The dev reports (tests/data/eval/*.jsonl) carry a date but no time, and some no date at
all. The server needs both to print a page, so times are derived from the document id
(stable across runs) and kept inside office hours: a page dated 27 February then stays on
27 February in UTC as well as in Baku or Ashgabat time, and the gold dates still apply.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "eval"
LAYOUTS: tuple[str, ...] = ("agency", "ministry", "modern")
LANGUAGES: tuple[str, ...] = ("en", "ru")

# The zone each layout prints its times in (agency ~ Baku, the others ~ Ashgabat).
LAYOUT_OFFSETS: dict[str, timezone] = {
    "agency": timezone(timedelta(hours=4)),
    "ministry": timezone(timedelta(hours=5)),
    "modern": timezone(timedelta(hours=5)),
}
LAYOUT_ZONES: dict[str, str] = {"agency": "Asia/Baku", "ministry": "Asia/Ashgabat", "modern": "Asia/Ashgabat"}

_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "y",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "-",
            "y",
            "-",
            "e",
            "yu",
            "ya",
        ],
        strict=True,
    )
)
_SPECIAL = {"ə": "e", "ı": "i", "ß": "ss", "ø": "o", "ł": "l", "ň": "n", "ý": "y", "ž": "zh"}


def slugify(title: str, limit: int = 60) -> str:
    """ASCII slug of a title (Russian transliterated), cut at a word boundary."""
    out: list[str] = []
    for ch in title.lower():
        if ch in _CYRILLIC:
            out.append("" if _CYRILLIC[ch] == "-" else _CYRILLIC[ch])
        elif ch in _SPECIAL:
            out.append(_SPECIAL[ch])
        else:
            out.append(unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode())
    words = re.findall(r"[a-z0-9]+", "".join(out))
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    return slug or "news"


def _stable_int(text: str) -> int:
    return int.from_bytes(hashlib.sha1(text.encode("utf-8")).digest()[:8], "big")


def publication_time(doc_id: str) -> time:
    """A deterministic time of day between 09:00 and 17:59 for a document."""
    h = _stable_int(doc_id)
    return time(9 + h % 9, (h // 9) % 60)


@dataclass
class Page:
    """One document as published on one site of the server (mutable: tests edit it)."""

    doc_id: str
    language: str
    title: str
    text: str
    day: date
    clock: time
    layout: str
    number: int = 0
    event_key: str | None = None
    source_url: str | None = None
    outlet: str | None = None
    date_borrowed: bool = False
    slug: str = ""
    edited: datetime | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def published(self) -> datetime:
        """Publication time in the layout's own zone."""
        return datetime.combine(self.day, self.clock, LAYOUT_OFFSETS[self.layout])

    @property
    def modified(self) -> datetime:
        """Last change, UTC, whole seconds (what Last-Modified says)."""
        base = self.published.astimezone(UTC)
        return max(base, self.edited) if self.edited else base

    @property
    def paragraphs(self) -> list[str]:
        return [line.strip() for line in self.text.split("\n") if line.strip()]

    @property
    def sort_key(self) -> tuple[datetime, str]:
        """Newest first when sorted in reverse."""
        return (self.published.astimezone(UTC), self.doc_id)


def load_eval_docs(languages: Sequence[str] = LANGUAGES, data_dir: Path = DATA_DIR) -> list[dict[str, Any]]:
    """The repository's copy of the dev reports, English then Russian, in file order."""
    docs: list[dict[str, Any]] = []
    for lang in languages:
        path = data_dir / f"{lang}.jsonl"
        with path.open(encoding="utf-8") as fh:
            docs.extend(json.loads(line) for line in fh if line.strip())
    return docs


def _parse_day(value: Any) -> date | None:
    if not value:
        return None
    return date.fromisoformat(str(value)[:10])


def fill_dates(docs: Iterable[Mapping[str, Any]]) -> tuple[list[tuple[Mapping[str, Any], date, bool]], list[str]]:
    """Give every document a publication day, or leave it out.

    A document without ``published`` borrows the earliest date of its event cluster (the
    other reports of the same ``event_key``), so merging across outlets still has it; one
    with no date and no dated cluster is skipped — a page without a date would teach the
    pipeline nothing and make listings unsortable. Returns (doc, day, borrowed) and the
    skipped ids.
    """
    docs = list(docs)
    cluster_day: dict[str, date] = {}
    for doc in docs:
        day, key = _parse_day(doc.get("published")), doc.get("event_key")
        if day and key and (key not in cluster_day or day < cluster_day[key]):
            cluster_day[key] = day
    kept: list[tuple[Mapping[str, Any], date, bool]] = []
    skipped: list[str] = []
    for doc in docs:
        day = _parse_day(doc.get("published"))
        if day:
            kept.append((doc, day, False))
        elif doc.get("event_key") in cluster_day:
            kept.append((doc, cluster_day[doc["event_key"]], True))
        else:
            skipped.append(str(doc["id"]))
    return kept, skipped


def assign_layouts(
    docs: Sequence[tuple[Mapping[str, Any], date, bool]], layouts: Sequence[str] = LAYOUTS
) -> dict[str, str]:
    """doc id -> layout, deterministic.

    Reports of one event (same ``event_key``) go to different sites, rotating the starting
    site per cluster, so a crawl must merge across outlets to get one record. The other
    documents go, in id order, to the site that has the fewest of their language so far —
    every site ends with both languages when there are enough documents.
    """
    if not layouts:
        raise ValueError("at least one layout is needed")
    load = {(layout, lang): 0 for layout in layouts for lang in LANGUAGES}
    result: dict[str, str] = {}
    clusters: dict[str, list[Mapping[str, Any]]] = {}
    for doc, _, _ in docs:
        if doc.get("event_key"):
            clusters.setdefault(str(doc["event_key"]), []).append(doc)
    offset = 0
    for key in sorted(clusters):
        members = sorted(clusters[key], key=lambda d: str(d["id"]))
        if len(members) < 2:
            continue
        for i, doc in enumerate(members):
            layout = layouts[(offset + i) % len(layouts)]
            result[str(doc["id"])] = layout
            load[(layout, doc["language"])] = load.get((layout, doc["language"]), 0) + 1
        offset += 1
    for doc, _, _ in sorted(docs, key=lambda item: str(item[0]["id"])):
        doc_id = str(doc["id"])
        if doc_id in result:
            continue
        layout = min(layouts, key=lambda name: (load.get((name, doc["language"]), 0), layouts.index(name)))
        result[doc_id] = layout
        load[(layout, doc["language"])] = load.get((layout, doc["language"]), 0) + 1
    return result


def build_pages(docs: Iterable[Mapping[str, Any]], layouts: Sequence[str] = LAYOUTS) -> tuple[list[Page], list[str]]:
    """Documents -> numbered pages on their sites; also the ids left out (no date)."""
    unknown = set(layouts) - set(LAYOUTS)
    if unknown:
        raise ValueError(f"unknown layout(s) {sorted(unknown)}; known: {', '.join(LAYOUTS)}")
    kept, skipped = fill_dates(docs)
    seen: set[str] = set()
    for doc, _, _ in kept:
        if str(doc["id"]) in seen:
            raise ValueError(f"document id {doc['id']!r} appears twice")
        seen.add(str(doc["id"]))
        if doc.get("language") not in LANGUAGES:
            raise ValueError(f"document {doc['id']!r}: language must be one of {LANGUAGES}")
    where = assign_layouts(kept, layouts)
    pages = [
        Page(
            doc_id=str(doc["id"]),
            language=str(doc["language"]),
            title=str(doc["title"]),
            text=str(doc["text"]),
            day=day,
            clock=publication_time(str(doc["id"])),
            layout=where[str(doc["id"])],
            event_key=doc.get("event_key"),
            source_url=doc.get("source_url"),
            outlet=doc.get("outlet"),
            date_borrowed=borrowed,
            slug=slugify(str(doc["title"])),
        )
        for doc, day, borrowed in kept
    ]
    # Numbers grow with time, as ids on real sites do.
    for number, page in enumerate(sorted(pages, key=lambda p: p.sort_key), start=1001):
        page.number = number
    return pages, skipped
