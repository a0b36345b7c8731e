"""The evaluation documents wrapped as news pages (score.py --html): body, title and date survive.

The page template is ../shared/eval/score.py's ``as_html`` when that file is present; a clone
without ../shared builds the same shape of page (nav, <h1>, <time>, a "Related news" aside).
"""

from __future__ import annotations

import html as htmlmod
import importlib.util
import json
from collections.abc import Callable
from typing import Any

import pytest

from scraper.extract import extract

from .conftest import EVAL_DATA, SHARED

SIDEBAR_TEXT = "Foreign ministers discuss regional security at a meeting in Vienna"

_OWN_PAGE = """<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title} | News</title>
<meta property="article:published_time" content="{pub}T10:00:00+04:00"></head><body>
<header><nav><a href="/">Home</a> <a href="/politics">Politics</a></nav></header>
<main><article><h1>{title}</h1><time datetime="{pub}">{pub}</time>
{paras}
</article></main>
<aside><h3>Related news</h3><ul>
<li><a href="/r/1">{sidebar}</a></li>
<li><a href="/r/2">President receives delegation of the European Parliament</a></li>
</ul></aside><footer>&copy; News agency.</footer></body></html>"""


def _own_as_html(doc: dict[str, Any]) -> str:
    paras = "\n".join(f"<p>{htmlmod.escape(p.strip())}</p>" for p in doc["text"].split("\n") if p.strip())
    return _OWN_PAGE.format(
        lang=doc.get("language") or "en",
        title=htmlmod.escape(doc.get("title") or ""),
        pub=doc.get("published") or "",
        paras=paras,
        sidebar=SIDEBAR_TEXT,
    )


def _as_html() -> Callable[[dict[str, Any]], str]:
    score = SHARED / "eval" / "score.py"
    if score.is_file():
        spec = importlib.util.spec_from_file_location("shared_eval_score", score)
        if spec and spec.loader:
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module.as_html
    return _own_as_html


AS_HTML = _as_html()


def _docs() -> list[dict[str, Any]]:
    docs = []
    for name in ("en.jsonl", "ru.jsonl"):
        with open(EVAL_DATA / name, encoding="utf-8") as fh:
            docs += [json.loads(line) for line in fh if line.strip()]
    return docs


DOCS = _docs()


@pytest.mark.parametrize("doc", DOCS, ids=[d["id"] for d in DOCS])
def test_eval_page_round_trip(doc: dict[str, Any]) -> None:
    page = AS_HTML(doc)
    art = extract(page, doc["source_url"] or "https://example.org/news/1")
    want = "\n\n".join(p.strip() for p in doc["text"].split("\n") if p.strip())
    assert art.text == want
    assert "Related news" not in art.text
    assert SIDEBAR_TEXT not in art.text
    assert art.title == (doc["title"] or "")
    if doc["published"]:
        assert art.published is not None
        assert art.published_date is not None and art.published_date.isoformat() == doc["published"]
        assert art.published.utcoffset() is not None  # the page's +04:00 is kept
    assert art.language == doc["language"]


def test_both_languages_are_covered() -> None:
    assert {d["language"] for d in DOCS} == {"en", "ru"}
    assert len(DOCS) >= 80


@pytest.mark.parametrize("doc", DOCS[::9], ids=[d["id"] for d in DOCS[::9]])
def test_own_page_template_also_round_trips(doc: dict[str, Any]) -> None:
    """The fallback template (used where ../shared is absent) is exercised everywhere."""
    art = extract(_own_as_html(doc), doc["source_url"] or "https://example.org/news/1", timezone="Asia/Baku")
    assert art.text == "\n\n".join(p.strip() for p in doc["text"].split("\n") if p.strip())
    assert SIDEBAR_TEXT not in art.text
    assert art.title == (doc["title"] or "")
    if doc["published"]:
        assert art.published is not None and art.published.isoformat().startswith(doc["published"] + "T10:00:00")
