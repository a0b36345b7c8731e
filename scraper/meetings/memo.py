"""A small process-wide memo of per-sentence scans.

Analysis reads each sentence twice (names first, then meetings), and the places and offices
of a sentence depend on its text alone, so the second reading reuses the first. The memo is
bounded and emptied wholesale when full; benchmarks call :func:`clear` between passes so
that a repeated document is not cheaper than a new one.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")

_MEMO: dict[Hashable, tuple[Any, ...]] = {}
_VALUES: dict[Hashable, Any] = {}
_MISSING = object()
MAX_ENTRIES = 4096


def scan(key: Hashable, compute: Callable[[], list[T]]) -> list[T]:
    """``compute()`` for ``key``, or a fresh copy of its remembered result."""
    hit = _MEMO.get(key)
    if hit is not None:
        return list(hit)
    out = compute()
    if len(_MEMO) >= MAX_ENTRIES:
        _MEMO.clear()
    _MEMO[key] = tuple(out)
    return out


def value(key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()`` for ``key``, remembered as is: the caller must treat it as read-only."""
    hit = _VALUES.get(key, _MISSING)
    if hit is not _MISSING:
        return hit
    out = compute()
    if len(_VALUES) >= MAX_ENTRIES:
        _VALUES.clear()
    _VALUES[key] = out
    return out


def clear() -> None:
    """Forget every remembered scan."""
    _MEMO.clear()
    _VALUES.clear()
