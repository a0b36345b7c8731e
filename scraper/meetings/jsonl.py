"""``python -m scraper.meetings.jsonl``: the ``parse --jsonl -`` contract on stdin/stdout.

A stop-gap runner for scoring the parser until the CLI exists: one JSON document per input
line ({"id", "url", "published", "language", "title", "text"|"html"}), one output line
{"id", "meetings": [...]} per input line, in order. HTML is reduced crudely (paragraph text
of the article, navigation and asides dropped); the real CLI uses the extract stage.
"""

from __future__ import annotations

import html
import json
import re
import sys
from datetime import date
from typing import Any, TextIO

from scraper.meetings import parse_meetings

_DROP = re.compile(r"<(script|style|nav|header|footer|aside|noscript|form|h1)\b.*?</\1\s*>", re.S | re.I)
_BLOCK = re.compile(r"</?(?:p|div|br|li|h[1-6]|tr|section|article)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]+>")
_PUBLISHED = re.compile(r'(?:article:published_time"\s+content|datetime)="(\d{4}-\d\d-\d\d)')


def html_to_text(page: str) -> str:
    """Body text of a news page: article paragraphs, one per line, without boilerplate."""
    main = re.search(r"<article\b.*?</article>", page, re.S | re.I) or re.search(
        r"<main\b.*?</main>", page, re.S | re.I
    )
    body = main.group(0) if main else page
    body = _DROP.sub(" ", body)
    body = re.sub(r"<time\b.*?</time>", " ", body, flags=re.S | re.I)
    body = re.sub(r"\s+", " ", body)
    body = _BLOCK.sub("\n", body)
    body = html.unescape(_TAG.sub(" ", body))
    lines = [re.sub(r"\s+", " ", ln).strip() for ln in body.split("\n")]
    return "\n".join(ln for ln in lines if ln)


def _published(value: Any, page: str | None) -> date | None:
    in_page = _PUBLISHED.search(page) if page else None
    for cand in (value, in_page.group(1) if in_page else None):
        if cand:
            try:
                return date.fromisoformat(str(cand)[:10])
            except ValueError:
                continue
    return None


def process_line(line: str) -> dict[str, Any]:
    """One contract line in, one result object out (a bad document gives no meetings)."""
    doc = json.loads(line)
    page = doc.get("html")
    text = doc.get("text")
    if text is None and page is not None:
        text = html_to_text(page)
    published = _published(doc.get("published"), page)
    try:
        meetings = parse_meetings(
            text or "", published=published, language=doc.get("language"), title=doc.get("title") or ""
        )
    except Exception as exc:  # one bad document must not stop the stream
        sys.stderr.write(f"{doc.get('id')}: {exc!r}\n")
        meetings = []
    return {"id": doc.get("id"), "meetings": [m.to_dict() for m in meetings]}


def main(stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    """Read documents from stdin, write one result line per document, in order."""
    src = stdin or sys.stdin
    out = stdout or sys.stdout
    for line in src:
        if not line.strip():
            continue
        out.write(json.dumps(process_line(line), ensure_ascii=False) + "\n")
    out.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
