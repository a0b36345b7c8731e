"""The whole pipeline through the real CLI against the local site server."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import sqlalchemy as sa

from config.catalog import load_catalog
from tests.e2e.conftest import CLI, REPO, make_cli
from tests.sitesrv import SiteServer

LEDGER_TABLES = {"runs", "source_state", "alembic_version"}


def table_counts(db_url: str) -> dict[str, int]:
    engine = sa.create_engine(db_url)
    try:
        names = [n for n in sa.inspect(engine).get_table_names() if n not in LEDGER_TABLES]
        with engine.connect() as conn:
            return {n: conn.execute(sa.text(f'SELECT COUNT(*) FROM "{n}"')).scalar_one() for n in names}
    finally:
        engine.dispose()


def meetings_jsonl(dw: CLI) -> list[dict]:
    run = dw("meetings", "--format", "jsonl")
    assert run.code == 0, run.err
    return [json.loads(line) for line in run.out.splitlines() if line.strip()]


def comparable(meetings: list[dict]) -> list[tuple]:
    """Records without volatile parts, in a stable order."""
    return sorted(
        (
            m["date"],
            m["kind"],
            tuple(m["countries"]),
            json.dumps(m["participants"], sort_keys=True),
            tuple(sorted(s["url"] for s in m["sources"])),
        )
        for m in meetings
    )


def test_backfill_stores_meetings_and_is_idempotent(
    tmp_path: Path, any_db_url: str, catalog: Path, site: SiteServer
) -> None:
    db_url = any_db_url
    dw = make_cli(tmp_path, db_url, catalog)
    first = dw("backfill", "--since", "2010-01-01")
    assert first.code == 0, first.err
    meetings = meetings_jsonl(dw)
    assert len(meetings) >= 10
    for m in meetings:
        assert m["sources"], m
        assert all(s["url"].startswith(site.base_url) for s in m["sources"])
    seed_event = [m for m in meetings if m["date"] == "2026-02-27" and set(m["countries"]) == {"AZ", "TM"}]
    assert {m["kind"] for m in seed_event} >= {"meeting", "consultations"}
    counts = table_counts(db_url)
    assert counts["pages"] > 0 and counts["articles"] > 0 and counts["meetings"] == len(meetings)

    health = dw("status")
    assert health.code == 0, health.out + health.err

    second = dw("backfill", "--since", "2010-01-01")
    assert second.code == 0, second.err
    assert table_counts(db_url) == counts
    assert comparable(meetings_jsonl(dw)) == comparable(meetings)


def test_run_once_after_backfill_fetches_no_stored_article(dw: CLI, site: SiteServer, catalog: Path) -> None:
    assert dw("backfill", "--since", "2010-01-01").code == 0
    sources = list(load_catalog(catalog))
    before = len(site.requests)
    run = dw("run", "--once")
    assert run.code == 0, run.err
    later = site.requests[before:]
    assert later, "run --once asked the site nothing"
    article_fetches = [
        (method, path)
        for method, path, status in later
        if status == 200 and any(s.is_article_url(site.base_url.rstrip("/") + path) for s in sources)
    ]
    assert article_fetches == []

    # a second poll from a fresh process costs conditional requests only: validators persist
    before = len(site.requests)
    assert dw("run", "--once").code == 0
    polled = [(path, status) for method, path, status in site.requests[before:] if path != "/robots.txt"]
    assert polled and all(status == 304 for _path, status in polled), polled


def test_reparse_gives_the_same_records_and_twice_changes_nothing(
    tmp_path: Path, any_db_url: str, catalog: Path
) -> None:
    db_url = any_db_url
    dw = make_cli(tmp_path, db_url, catalog)
    assert dw("backfill", "--since", "2010-01-01").code == 0
    meetings = comparable(meetings_jsonl(dw))
    counts = table_counts(db_url)
    first = dw("reparse")
    assert first.code == 0, first.err
    assert comparable(meetings_jsonl(dw)) == meetings
    assert dw("reparse").code == 0
    assert table_counts(db_url) == counts


def test_meetings_filters_and_show(dw: CLI) -> None:
    assert dw("backfill", "--since", "2010-01-01").code == 0
    both = meetings_jsonl_args(dw, "--country", "AZ", "--country", "TM")
    assert both and all({"AZ", "TM"} <= set(m["countries"]) for m in both)
    calls = meetings_jsonl_args(dw, "--kind", "phone_call")
    assert calls and all(m["kind"] == "phone_call" for m in calls)
    recent = meetings_jsonl_args(dw, "--since", "2026-01-01")
    assert recent and all(m["date"] >= "2026-01-01" for m in recent)
    show = dw("show", str(both[0]["id"]))
    assert show.code == 0, show.err
    assert both[0]["sources"][0]["url"] in show.out
    table = dw("meetings")
    assert table.code == 0 and "meeting(s)" in table.out
    csv_out = dw("meetings", "--format", "csv")
    assert csv_out.out.splitlines()[0].startswith("id,date,end_date,kind")


def meetings_jsonl_args(dw: CLI, *args: str) -> list[dict]:
    run = dw("meetings", "--format", "jsonl", *args)
    assert run.code == 0, run.err
    return [json.loads(line) for line in run.out.splitlines() if line.strip()]


def test_bad_input_is_one_line_and_nonzero(dw: CLI, tmp_path: Path) -> None:
    for args in (
        ("backfill", "--since", "last week"),
        ("backfill", "--since", "2020-01-01", "--source", "no-such-source"),
        ("--sources", str(tmp_path / "missing.toml"), "sources"),
        ("show", "999999"),
        ("meetings", "--format", "xml"),
        ("meetings", "--kind", "dinner"),
    ):
        run = dw(*args)
        assert run.code == 2, (args, run.out, run.err)
        assert "Traceback" not in run.err
        assert run.err.strip().startswith("diplowatch: error:"), (args, run.err)


def test_unreachable_sources_are_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    catalog = tmp_path / "dead.toml"
    catalog.write_text(
        "".join(
            f'[sources.dead-{i}]\noutlet = "Dead {i}"\nlanguage = "en"\n'
            f'feeds = ["http://127.0.0.1:9/feed-{i}.xml"]\narticle_pattern = "/news/"\ndelay = 0\n\n'
            for i in range(2)
        )
    )
    dw = make_cli(tmp_path, f"sqlite:///{tmp_path / 'dead.db'}", catalog)
    run = dw("run", "--once", env={"DIPLOWATCH_RETRIES": "0"})
    assert run.code == 0, run.err
    assert "Traceback" not in run.err
    for i in range(2):
        assert [line for line in run.err.splitlines() if f"dead-{i}" in line and "FAILED" in line], run.err
    status = dw("sources", "--format", "json")
    rows = {r["name"]: r for r in json.loads(status.out)}
    assert rows["dead-0"]["outcome"] == "failed"
    health = dw("status", "--format", "json")
    assert health.code == 1
    assert sorted(json.loads(health.out)["failing"]) == ["dead-0", "dead-1"]


def test_daemon_stops_on_sigterm_and_refuses_a_second_one(tmp_path: Path, catalog: Path, db_url: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOWATCH_")}
    env.update({"DIPLOWATCH_DATABASE_URL": db_url, "DIPLOWATCH_SOURCES": str(catalog), "PYTHONPATH": str(REPO)})
    proc = subprocess.Popen(
        [sys.executable, "-m", "scraper.cli", "run"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        time.sleep(3)
        second = make_cli(tmp_path, db_url, catalog)("run")
        assert second.code == 2
        assert "already running" in second.err
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=20)
        assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
