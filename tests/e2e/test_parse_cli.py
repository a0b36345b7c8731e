"""`diplowatch parse` through a real subprocess: the seed, the JSON-lines contract, bad input."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.conftest import make_cli

SEED = Path(__file__).resolve().parents[1] / "data" / "seed" / "report-az-2026-02-27.txt"


def seed_text() -> str:
    text = SEED.read_text(encoding="utf-8").strip()
    assert text.startswith("date 2026-02-27 ")
    return text.split(None, 2)[2]


def surnames(meeting: dict) -> set[str]:
    return {p["name"].split()[-1] for p in meeting["participants"] if p.get("name")}


def test_seed_gives_exactly_its_two_meetings(tmp_path: Path) -> None:
    dw = make_cli(tmp_path, f"sqlite:///{tmp_path / 'x.db'}", None)
    doc = {
        "id": "seed",
        "url": "https://report.az/en/x",
        "published": "2026-02-27",
        "language": "en",
        "title": "Baku and Ashgabat discuss expanding trade and economic cooperation",
        "text": seed_text(),
    }
    run = dw("parse", "--jsonl", "-", stdin=json.dumps(doc) + "\n")
    assert run.code == 0, run.err
    lines = run.out.strip().splitlines()
    assert len(lines) == 1
    result = json.loads(lines[0])
    assert result["id"] == "seed"
    meetings = sorted(result["meetings"], key=lambda m: m["kind"])
    assert [m["kind"] for m in meetings] == ["consultations", "meeting"]
    for m in meetings:
        assert m["date"] == "2026-02-27"
        assert sorted(m["countries"]) == ["AZ", "TM"]
        assert m["evidence"]
    assert surnames(meetings[0]) == {"Sharifov", "Gurbanov"}
    assert surnames(meetings[1]) == {"Bayramov", "Gurbanov"}


def test_seed_file_with_date_header(tmp_path: Path) -> None:
    dw = make_cli(tmp_path, f"sqlite:///{tmp_path / 'x.db'}", None)
    run = dw("parse", str(SEED))
    assert run.code == 0, run.err
    result = json.loads(run.out)
    assert {m["date"] for m in result["meetings"]} == {"2026-02-27"}
    assert len(result["meetings"]) == 2


def test_jsonl_keeps_order_and_reports_bad_lines(tmp_path: Path) -> None:
    dw = make_cli(tmp_path, f"sqlite:///{tmp_path / 'x.db'}", None)
    lines = [
        json.dumps({"id": "a", "published": "2026-02-27", "language": "en", "title": "", "text": seed_text()}),
        "{not json",
        json.dumps(
            {
                "id": "c",
                "published": "2026-03-01",
                "language": "en",
                "title": "Weather",
                "text": "It rained in Baku on Sunday.",
            }
        ),
        json.dumps(
            {
                "id": "d",
                "published": None,
                "language": "en",
                "title": "",
                "html": "<html><body><article><p>No meeting here at all.</p></article></body></html>",
            }
        ),
    ]
    run = dw("parse", "--jsonl", "-", stdin="\n".join(lines) + "\n")
    assert run.code == 1
    out = [json.loads(x) for x in run.out.strip().splitlines()]
    assert [o["id"] for o in out] == ["a", None, "c", "d"]
    assert len(out[0]["meetings"]) == 2
    assert out[1]["error"].startswith("line 2")
    assert out[2]["meetings"] == [] and out[3]["meetings"] == []
    assert "line 2" in run.err and "Traceback" not in run.err


def test_missing_file_is_one_clear_line(tmp_path: Path) -> None:
    dw = make_cli(tmp_path, f"sqlite:///{tmp_path / 'x.db'}", None)
    run = dw("parse", str(tmp_path / "nope.txt"))
    assert run.code == 2
    assert "nope.txt" in run.err and "Traceback" not in run.err
    assert len(run.err.strip().splitlines()) == 1
