"""Fixtures for the discovery tests: a live server on 127.0.0.1 and fast settings (tests/httpfixture.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/ holds the shared httpfixture

from httpfixture import server, settings

__all__ = ["server", "settings"]
