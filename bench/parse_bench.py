"""Parse throughput on the dev reports, side by side with trafilatura in one run.

Measures CPU seconds (process time) for: our parser on plain text; trafilatura's
extraction alone on the same documents wrapped as news pages; and our whole
extract + parse path on those pages. Prints documents per second and the ratios.
"""

from __future__ import annotations

import html as htmlmod
import importlib.util
import json
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEV = REPO / "tests" / "data" / "eval"
SHARED_SCORE = REPO.parent / "shared" / "eval" / "score.py"


def load_docs() -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = []
    for name in ("en.jsonl", "ru.jsonl"):
        with (DEV / name).open(encoding="utf-8") as fh:
            docs.extend(json.loads(line) for line in fh if line.strip())
    return docs


def page_wrapper() -> Callable[[dict[str, Any]], str]:
    """score.py's own news-page wrapper when ../shared is present, else an equivalent of ours."""
    if SHARED_SCORE.exists():
        spec = importlib.util.spec_from_file_location("shared_score", SHARED_SCORE)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module.as_html  # type: ignore[no-any-return]

    def wrap(doc: dict[str, Any]) -> str:
        paras = "\n".join(f"<p>{htmlmod.escape(p.strip())}</p>" for p in doc["text"].split("\n") if p.strip())
        return (
            f"<html><head><title>{htmlmod.escape(doc.get('title') or '')}</title></head><body>"
            "<nav><a href='/'>Home</a></nav><main><article>"
            f"<h1>{htmlmod.escape(doc.get('title') or '')}</h1>{paras}</article></main>"
            "<aside><h3>Related news</h3><ul><li>Ministers meet in Vienna</li></ul></aside></body></html>"
        )

    return wrap


def cpu_rate(fn: Callable[[], object], count: int, repeat: int) -> float:
    """Documents per CPU second, best of ``repeat``. The parser's per-sentence memo is emptied
    before each pass, so a repeated document costs what a new one does; word-level caches
    (pymorphy readings, name forms) stay warm, as they do in a running daemon."""
    from scraper.meetings import memo

    best = float("inf")
    for _ in range(repeat):
        memo.clear()
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return count / best if best > 0 else float("inf")


def main(argv: Sequence[str] = ()) -> dict[str, float]:
    import trafilatura

    from scraper.meetings import parse_meetings
    from scraper.pipeline import article_from_html, records_for

    repeat = 3
    docs = load_docs()
    wrap = page_wrapper()
    pages = [(wrap(d), d) for d in docs]

    def pub(d: dict[str, Any]) -> date | None:
        return date.fromisoformat(d["published"]) if d.get("published") else None

    def ours_text(lang: str | None = None) -> None:
        for d in docs:
            if lang is None or d.get("language") == lang:
                parse_meetings(d["text"], published=pub(d), language=d.get("language"), title=d.get("title") or "")

    per_lang = {lang: sum(1 for d in docs if d.get("language") == lang) for lang in ("en", "ru")}

    def trafilatura_only() -> None:
        for page, _d in pages:
            trafilatura.extract(page, favor_precision=True, include_comments=False)

    def ours_pipeline() -> None:
        for page, d in pages:
            records_for(article_from_html(page, d.get("source_url") or ""), published=pub(d))

    ours_text()  # warm caches (gazetteers, compiled patterns) before timing
    figures = {
        "documents": float(len(docs)),
        "parse_docs_per_s": cpu_rate(ours_text, len(docs), repeat),
        "trafilatura_docs_per_s": cpu_rate(trafilatura_only, len(docs), repeat),
        "extract_parse_docs_per_s": cpu_rate(ours_pipeline, len(docs), repeat),
    }
    for lang, n in per_lang.items():
        figures[f"parse_{lang}_docs_per_s"] = cpu_rate(lambda lang=lang: ours_text(lang), n, repeat)
    figures["parse_vs_trafilatura"] = figures["parse_docs_per_s"] / figures["trafilatura_docs_per_s"]
    figures["pipeline_vs_trafilatura"] = figures["extract_parse_docs_per_s"] / figures["trafilatura_docs_per_s"]
    print(f"parse benchmark (CPU time, best of {repeat}, {len(docs)} dev documents)")
    print(f"  our parser on text            {figures['parse_docs_per_s']:9.1f} docs/s")
    print(f"  trafilatura.extract on pages  {figures['trafilatura_docs_per_s']:9.1f} docs/s")
    print(f"  our extract + parse on pages  {figures['extract_parse_docs_per_s']:9.1f} docs/s")
    for lang, n in per_lang.items():
        print(f"  our parser, {lang} texts only ({n:2d})  {figures[f'parse_{lang}_docs_per_s']:9.1f} docs/s")
    print(f"  parse / trafilatura = {figures['parse_vs_trafilatura']:.2f}x, "
          f"extract+parse / trafilatura = {figures['pipeline_vs_trafilatura']:.2f}x")
    return figures


if __name__ == "__main__":
    main(sys.argv[1:])
