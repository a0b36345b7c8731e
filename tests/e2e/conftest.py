"""End-to-end fixtures: the local site server, a catalog pointing at it, and the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests import pgtest
from tests.sitesrv import SiteServer

REPO = Path(__file__).resolve().parents[2]


@dataclass
class Run:
    code: int
    out: str
    err: str


CLI = Callable[..., Run]


def make_cli(tmp_path: Path, db_url: str, catalog: Path | None) -> CLI:
    def dw(*args: str, stdin: str | None = None, timeout: float = 240, env: dict[str, str] | None = None) -> Run:
        full_env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOWATCH_")}
        full_env.update({"DIPLOWATCH_DATABASE_URL": db_url, "DIPLOWATCH_LOG_LEVEL": "INFO"})
        if catalog is not None:
            full_env["DIPLOWATCH_SOURCES"] = str(catalog)
        full_env["PYTHONPATH"] = str(REPO)
        full_env.update(env or {})
        done = subprocess.run(
            [sys.executable, "-m", "scraper.cli", *args],
            input=stdin,
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=full_env,
            timeout=timeout,
        )
        return Run(done.returncode, done.stdout, done.stderr)

    return dw


@pytest.fixture
def site() -> Iterator[SiteServer]:
    with SiteServer() as server:
        yield server


@pytest.fixture
def catalog(site: SiteServer, tmp_path: Path) -> Path:
    path = tmp_path / "local-sources.toml"
    site.write_catalog(path, delay=0.0)
    return path


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The embedded default and the real PostgreSQL server, for the tests that must hold on both."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'e2e.db'}"
        return
    reason = pgtest.unreachable_reason()
    if reason:
        pytest.skip(reason)
    with pgtest.fresh_schema() as url:
        yield url


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'e2e.db'}"


@pytest.fixture
def dw(tmp_path: Path, db_url: str, catalog: Path) -> CLI:
    return make_cli(tmp_path, db_url, catalog)


# --------------------------------------------------------------------------- long-running CLI processes


def cli_env(db_url: str, catalog: Path | None, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment ``make_cli`` gives the CLI, for processes a test starts itself."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOWATCH_")}
    env.update({"DIPLOWATCH_DATABASE_URL": db_url, "DIPLOWATCH_LOG_LEVEL": "INFO", "PYTHONPATH": str(REPO)})
    if catalog is not None:
        env["DIPLOWATCH_SOURCES"] = str(catalog)
    env.update(extra or {})
    return env


@dataclass
class Spawned:
    """A CLI process running in the background; its output goes to files (a full pipe would block it)."""

    proc: subprocess.Popen[bytes]
    stdout: Path
    stderr: Path

    def err(self) -> str:
        return self.stderr.read_text(encoding="utf-8", errors="replace")

    def out(self) -> str:
        return self.stdout.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        """Kill the process if it is still running (for ``finally``); no-op once it has exited."""
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=30)


def spawn_cli(
    tmp_path: Path, db_url: str, catalog: Path | None, *args: str, env: dict[str, str] | None = None, tag: str = "cli"
) -> Spawned:
    """Start ``python -m scraper.cli ARGS`` without waiting; stop it in a ``finally``."""
    n = len(list(tmp_path.glob(f"{tag}-*.err")))
    out, err = tmp_path / f"{tag}-{n}.out", tmp_path / f"{tag}-{n}.err"
    with out.open("wb") as fo, err.open("wb") as fe:
        proc = subprocess.Popen(
            [sys.executable, "-m", "scraper.cli", *args],
            stdin=subprocess.DEVNULL,
            stdout=fo,
            stderr=fe,
            cwd=tmp_path,
            env=cli_env(db_url, catalog, env),
        )
    return Spawned(proc, out, err)
