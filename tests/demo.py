"""`make demo`: the whole pipeline offline in under a minute.

Starts the project's local site server (three site layouts built from the dev reports),
writes a catalog pointing at it, backfills it into demo/demo.db with the real CLI, and
prints the meetings found. Run from the repository root: ``python -m tests.demo``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.sitesrv import SiteServer


def main() -> int:
    out = Path("demo")
    if out.exists():
        shutil.rmtree(out)
    out.mkdir()
    catalog = out / "sources.toml"
    db = f"sqlite:///{out / 'demo.db'}"
    exe = [sys.executable, "-m", "scraper.cli"]
    with SiteServer() as server:
        server.write_catalog(catalog, delay=0.0)
        print(f"local site server at {server.base_url}; catalog written to {catalog}", flush=True)
        steps = [
            [*exe, "--db", db, "--sources", str(catalog), "backfill", "--since", "2010-01-01"],
            [*exe, "--db", db, "--sources", str(catalog), "sources"],
            [*exe, "--db", db, "meetings"],
        ]
        for cmd in steps:
            print("$ diplowatch " + " ".join(cmd[3:]), flush=True)
            done = subprocess.run(cmd, check=False)
            if done.returncode not in (0, 1):
                return done.returncode
    print(f"\nThe demo database is {out / 'demo.db'}: try `diplowatch --db {db} show 1`.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
