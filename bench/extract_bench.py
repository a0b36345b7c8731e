#!/usr/bin/env python3
"""Extraction benchmark: diplowatch ``extract`` beside trafilatura, in one process, one run.

Scores with ../shared/bench/score_extract.py (imported by path, its metrics unchanged) on the
181-page article-extraction benchmark: shingle F1 and CPU pages/s for each extractor, then the
speed ratio. trafilatura runs twice: the plain ``extract`` call (body only) and with metadata,
because ours also returns title, date, canonical URL and language.

    .venv/bin/python bench/extract_bench.py [--repeat 3] [--limit N] [--worst 10] [--json OUT]

Skips (exit 0, with a message) when ../shared/bench is absent.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED_BENCH = ROOT.parent / "shared" / "bench"
SCORER = SHARED_BENCH / "score_extract.py"


def load_scorer() -> ModuleType | None:
    if not SCORER.is_file() or not (SHARED_BENCH / "article-extraction" / "ground-truth.json").is_file():
        return None
    spec = importlib.util.spec_from_file_location("score_extract", SCORER)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # note: it disables sockets in this process, as intended
    return module


def diplowatch_extractor() -> Any:
    sys.path.insert(0, str(ROOT))
    from scraper.extract import extract

    def run(html: str, url: str) -> dict[str, Any]:
        art = extract(html, url)
        return {"body": art.text, "title": art.title, "date": art.published}

    return run


def main(argv: list[str] | None = None) -> dict[str, float]:
    """Run the comparison and print it; returns the headline figures ({} when skipped)."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=1, help="timed passes per extractor (median CPU time)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages (smoke test)")
    ap.add_argument("--worst", type=int, default=0, help="list the N pages where we trail trafilatura most")
    ap.add_argument("--only-ours", action="store_true", help="skip the trafilatura runs (quick iteration)")
    ap.add_argument("--json", type=Path, help="write the full results here")
    args = ap.parse_args(argv)

    scorer = load_scorer()
    if scorer is None:
        print(f"[skip] {SHARED_BENCH} (score_extract.py + article-extraction/) is absent; nothing to measure")
        return {}
    gold, pages = scorer.load_pages(SHARED_BENCH / "article-extraction")
    if args.limit:
        pages = pages[: args.limit]
        gold = {pid: gold[pid] for pid, _, _ in pages}

    runs: list[tuple[str, str, Any]] = [("diplowatch", "diplowatch", diplowatch_extractor())]
    if not args.only_ours:
        traf, _ = scorer.make_trafilatura()
        traf_meta, _ = scorer.make_trafilatura_meta()
        runs += [("trafilatura", "trafilatura", traf), ("trafilatura+meta", "trafilatura", traf_meta)]

    results = []
    for name, dist, fn in runs:
        outs, errors, cpu_s, wall_s = scorer.run_one(name, fn, pages, args.repeat)
        results.append(scorer.score(name, scorer.version_of(dist), gold, outs, errors, cpu_s, wall_s))

    print(f"pages: {len(gold)}; repeat: {args.repeat}")
    scorer.print_table(results)
    by_name = {r["name"]: r for r in results}
    ours = by_name["diplowatch"]
    print()
    for peer in ("trafilatura", "trafilatura+meta"):
        if peer in by_name and by_name[peer]["pages_per_s"] and ours["pages_per_s"]:
            other = by_name[peer]
            print(
                f"diplowatch vs {peer}: shingle F1 {ours['shingle']['f1']:.3f} vs {other['shingle']['f1']:.3f} "
                f"({ours['shingle']['f1'] - other['shingle']['f1']:+.3f}); "
                f"speed {ours['pages_per_s']:.1f} vs {other['pages_per_s']:.1f} pages/s "
                f"= {ours['pages_per_s'] / other['pages_per_s']:.2f}x"
            )
    if args.worst and "trafilatura" in by_name:
        theirs = by_name["trafilatura"]["per_page"]
        gaps = []
        for pid, row in ours["per_page"].items():
            mine, other_row = _page_f1(row), _page_f1(theirs.get(pid, {}))
            gaps.append((mine - other_row, pid, mine, other_row))
        gaps.sort()
        print(f"\nworst {args.worst} pages (ours - trafilatura, per-page shingle F1):")
        for gap, pid, mine, other_f1 in gaps[: args.worst]:
            print(f"  {gap:+.3f}  ours {mine:.3f}  traf {other_f1:.3f}  {pid}  {gold[pid].get('url', '')}")
    if args.json:
        args.json.write_text(json.dumps({"results": results}, indent=1, default=str))
    figures: dict[str, float] = {"pages": float(len(gold))}
    for r in results:
        figures[f"{r['name']}_shingle_f1"] = round(r["shingle"]["f1"], 4)
        figures[f"{r['name']}_pages_per_s"] = round(r["pages_per_s"] or 0.0, 1)
    for peer in ("trafilatura", "trafilatura+meta"):
        if peer in by_name and by_name[peer]["pages_per_s"] and ours["pages_per_s"]:
            figures[f"speed_ratio_vs_{peer}"] = round(ours["pages_per_s"] / by_name[peer]["pages_per_s"], 2)
    return figures


def _page_f1(row: dict[str, Any]) -> float:
    p, r = row.get("sh_p") or 0.0, row.get("sh_r") or 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


if __name__ == "__main__":
    main()
