"""Shared helpers for the extraction tests: where ../shared lives and how to read its pages."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SITES = SHARED / "sites"
EVAL_DATA = REPO / "tests" / "data" / "eval"


def site_page(relative: str) -> bytes:
    """Bytes of a saved page under ../shared/sites, or a clean skip when it is absent."""
    path = SITES / relative
    if not path.is_file():
        pytest.skip(f"{path} is absent (../shared/sites is not checked out beside the repo)")
    return path.read_bytes()
