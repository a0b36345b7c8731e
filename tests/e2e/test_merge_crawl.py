"""After a crawl of the local site server, reports of one event (same event_key in the dev set,
across outlets, layouts and languages) share a meeting record; reports of different events never do.

Merge precision and recall over document pairs are computed from what the real pipeline stored
(extract -> parse -> merge), not from gold records.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from pathlib import Path

import sqlalchemy as sa

from tests.e2e.conftest import CLI
from tests.sitesrv import SiteServer


def test_event_clusters_end_as_one_record(dw: CLI, db_url: str, site: SiteServer, tmp_path: Path) -> None:
    assert dw("backfill", "--since", "2010-01-01").code == 0
    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(sa.text("SELECT url, meeting_id FROM v_meeting_sources WHERE active")).all()
    finally:
        engine.dispose()
    meetings_of: dict[str, set[int]] = defaultdict(set)
    for url, meeting_id in rows:
        meetings_of[url].add(int(meeting_id))
    docs = [(page.doc_id, page.event_key, site.url_for(page.doc_id)) for page in site.documents]
    reporting = [(doc_id, key, url) for doc_id, key, url in docs if meetings_of.get(url)]

    same_event = merged_same = merged_other = 0
    misses = []
    for (a, key_a, url_a), (b, key_b, url_b) in itertools.combinations(reporting, 2):
        together = bool(meetings_of[url_a] & meetings_of[url_b])
        if key_a and key_a == key_b:
            same_event += 1
            merged_same += together
            if not together:
                misses.append((a, b))
        elif together:
            merged_other += 1
            misses.append((a, b))
    precision = merged_same / (merged_same + merged_other) if merged_same + merged_other else 1.0
    recall = merged_same / same_event if same_event else 1.0
    print(f"merge over document pairs: precision {precision:.3f}, recall {recall:.3f} ({same_event} pairs)")
    assert same_event >= 10
    assert merged_other == 0, f"different events merged: {misses}"
    assert recall >= 0.9, f"same-event pairs left apart: {misses}"
