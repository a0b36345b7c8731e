"""`make bench`: every benchmark in turn; figures are also written to bench/out/*.json."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

BENCHES = ("bench.parse_bench", "bench.extract_bench", "bench.crawl_bench")


def main() -> int:
    out = Path(__file__).resolve().parent / "out"
    out.mkdir(exist_ok=True)
    for name in BENCHES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            print(f"{name}: not available ({exc})")
            continue
        figures = module.main([])
        if figures:
            (out / f"{name.split('.')[-1]}.json").write_text(json.dumps(figures, indent=2, default=str))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
