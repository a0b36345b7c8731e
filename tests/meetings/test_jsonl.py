"""The stop-gap ``parse --jsonl -`` runner: order, ids, HTML reduced without boilerplate."""

from __future__ import annotations

import io
import json

from scraper.meetings.jsonl import html_to_text, main, process_line

PAGE = """<html><head><meta property="article:published_time" content="2025-05-14T10:00:00+04:00"></head>
<body><header><nav><a href="/">Home</a> Politics</nav></header><main><article><h1>Title here</h1>
<time datetime="2025-05-14">2025-05-14</time><p>Kazakh Foreign Minister Murat Nurtleu met Chinese Foreign
Minister Wang Yi.</p><p>They discussed trade &amp; transit.</p></article></main>
<aside><h3>Related news</h3><ul><li>President receives delegation of the European Parliament</li></ul></aside>
<footer>&copy; Agency</footer></body></html>"""


def test_html_to_text_keeps_article_paragraphs_only() -> None:
    text = html_to_text(PAGE)
    assert "Related news" not in text and "Home" not in text and "Title here" not in text
    assert text.splitlines()[-1] == "They discussed trade & transit."


def test_process_html_line_uses_page_date() -> None:
    out = process_line(json.dumps({"id": "x1", "html": PAGE, "language": "en", "published": None}))
    assert out["id"] == "x1"
    assert [(m["date"], m["countries"]) for m in out["meetings"]] == [("2025-05-14", ["CN", "KZ"])]


def test_main_writes_one_line_per_input_in_order() -> None:
    lines = [json.dumps({"id": i, "published": "2025-05-14", "language": "en", "title": "", "text": t})
             for i, t in ((3, "Nothing happened."), (1, "Kazakh Foreign Minister Murat Nurtleu met Chinese "
                                                        "Foreign Minister Wang Yi."))]
    out = io.StringIO()
    assert main(io.StringIO("\n".join(lines) + "\n\n"), out) == 0
    rows = [json.loads(x) for x in out.getvalue().splitlines()]
    assert [r["id"] for r in rows] == [3, 1]
    assert rows[0]["meetings"] == [] and len(rows[1]["meetings"]) == 1


def test_bad_published_value_does_not_stop_the_stream() -> None:
    out = process_line(json.dumps({"id": "b", "published": "not a date", "text": "Text."}))
    assert out == {"id": "b", "meetings": []}
