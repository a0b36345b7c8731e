"""Query time on a large generated database (not a test; for the issue's figures).

    python -m tests.storage.bench_queries sqlite:////tmp/big.db 100000
    python -m tests.storage.bench_queries postgresql+psycopg://postgres@127.0.0.1:5432/test 100000

N meetings (each with one source article) are written straight into the tables — the
writer's merge path is not what is measured — then ``list_meetings`` is timed, and one
article with one meeting goes through the full writer on the big database. On PostgreSQL
the data go to a fresh schema that is dropped afterwards.
"""

from __future__ import annotations

import random
import sys
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import insert

from scraper.meetings.model import MeetingRecord, Participant
from storage import dedup, queries
from storage.schema import Base
from storage.store import Store, record_to_row
from tests.storage.helpers import ingest, meeting, person

COUNTRIES = ["AZ", "TM", "TR", "RU", "KZ", "UZ", "GE", "IR", "CN", "US", "FR", "DE", "IT", "HU", "PK", "KG"]
NAMES = ["Bayramov", "Gurbanov", "Meredov", "Aliyev", "Fidan", "Lavrov", "Saidov", "Rubio", "Wang", "Dar"]


def generate(store: Store, n: int, batch: int = 5000) -> None:
    rnd = random.Random(1)
    now = datetime.now(UTC)
    t = store.engine.dialect.name
    tables = {name: Base.metadata.tables[name] for name in (
        "articles", "article_versions", "meetings", "meeting_countries", "meeting_participants", "meeting_sources")}
    with store.engine.begin() as conn:
        for start in range(0, n, batch):
            rows: dict[str, list[dict[str, Any]]] = {name: [] for name in tables}
            for mid in range(start + 1, min(n, start + batch) + 1):
                pool = COUNTRIES[:8] if rnd.random() < 0.5 else COUNTRIES
                cs = tuple(sorted(rnd.sample(pool, 2)))
                ps = tuple(Participant(rnd.choice(NAMES), None, c) for c in cs)
                rec = MeetingRecord(
                    date=date(2016, 1, 1) + timedelta(days=rnd.randrange(3650)),
                    kind=rnd.choice(["meeting", "phone_call", "visit", "consultations"]),
                    countries=cs, participants=ps, evidence="generated",
                )
                rows["articles"].append(dict(id=mid, canonical_url=f"https://bench.example/{mid}", source="bench",
                                             outlet="bench.example", language="en", first_seen=now,
                                             current_version_id=mid))
                rows["article_versions"].append(dict(id=mid, article_id=mid, version=1, title="t", text="t",
                                                     published=now, language="en", text_sha256=f"{mid:064d}",
                                                     page_id=None, parser_version="bench", created_at=now))
                rows["meetings"].append(dict(id=mid, **record_to_row(rec), status="active", version=1,
                                             created_at=now, updated_at=now))
                rows["meeting_countries"] += [dict(meeting_id=mid, country=c) for c in cs]
                rows["meeting_participants"] += [
                    dict(meeting_id=mid, position=k, name=p.name, role=None, country=p.country,
                         surname_key=dedup.surname_key(p.name), person_id=None) for k, p in enumerate(ps)]
                rows["meeting_sources"].append(dict(meeting_id=mid, article_id=mid, article_version_id=mid,
                                                    record="{}", evidence="generated", reason="bench",
                                                    parser_version="bench", active=True, created_at=now,
                                                    updated_at=now))
            for name, table in tables.items():
                conn.execute(insert(table), rows[name])
        if t == "postgresql":
            for name in ("articles", "article_versions", "meetings", "meeting_sources"):
                conn.exec_driver_sql(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), {n})")
        conn.exec_driver_sql("ANALYZE")


def main(url: str, n: int) -> None:
    schema = None
    if url.startswith("postgresql"):
        import psycopg

        schema = f"bench_{uuid.uuid4().hex[:8]}"
        admin = url.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(admin, autocommit=True) as c:
            c.execute(f"CREATE SCHEMA {schema}")
        url = f"{url}?options=-csearch_path%3D{schema}"
    try:
        with Store(url) as store:
            started = time.perf_counter()
            generate(store, n)
            print(f"{store.engine.dialect.name}: generated {n} meetings in {time.perf_counter() - started:.1f} s")
            for label, kw in (
                ("meetings --country AZ --country TM", {"countries": ["AZ", "TM"]}),
                ("meetings --country AZ --country TM --limit 50", {"countries": ["AZ", "TM"], "limit": 50}),
                ("meetings --person Gurbanov --since 2024-01-01", {"person": "Gurbanov", "since": date(2024, 1, 1)}),
            ):
                best, rows = float("inf"), []
                for _ in range(3):
                    t0 = time.perf_counter()
                    rows = queries.list_meetings(url, **kw)
                    best = min(best, time.perf_counter() - t0)
                print(f"  {label}: {len(rows)} rows, best of 3 {best * 1000:.0f} ms")
            t0 = time.perf_counter()
            ingest(store, "https://new.example/1", "new", [meeting(people=(person("Bayramov", "AZ"),))])
            print(f"  one article + one meeting through the writer: {(time.perf_counter() - t0) * 1000:.0f} ms")
    finally:
        if schema:
            import psycopg

            with psycopg.connect(admin, autocommit=True) as c:
                c.execute(f"DROP SCHEMA {schema} CASCADE")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 100_000)
