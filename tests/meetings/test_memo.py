"""The per-sentence memo: a remembered scan is handed out again, fresh copies for lists."""

from __future__ import annotations

from scraper.meetings import memo


def test_scan_hands_out_a_fresh_copy_of_what_it_remembers() -> None:
    memo.clear()
    calls: list[int] = []
    first = memo.scan(("t", "a"), lambda: calls.append(1) or [1, 2])
    first.append(3)  # the caller's copy is its own
    assert memo.scan(("t", "a"), lambda: calls.append(1) or [9]) == [1, 2]
    assert calls == [1]


def test_values_survive_other_scans_and_go_with_clear() -> None:
    memo.clear()
    computed: list[str] = []
    memo.value(("v", 1), lambda: computed.append("v") or "value")
    memo.scan(("t", "other"), lambda: [0])  # a miss elsewhere keeps the value
    assert memo.value(("v", 1), lambda: computed.append("again") or "new") == "value"
    memo.clear()
    assert memo.value(("v", 1), lambda: computed.append("again") or "new") == "new"
    assert computed == ["v", "again"]
