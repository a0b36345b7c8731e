"""Parse throughput on the dev reports, side by side with trafilatura in one run.

Measures CPU seconds (process time) for: our parser on plain text; trafilatura's
extraction alone on the same documents wrapped as news pages (score.py --html); and our whole
extract + parse path on those pages; each language apart; and, where ../shared/bench is
present, the parser on the text of the 181 real news pages beside trafilatura on those pages.
The runs take turns within each round; documents per second and the ratios are printed.
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
SHARED_BENCH_PAGES = REPO.parent / "shared" / "bench" / "article-extraction" / "html"


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


def interleaved_rates(runs: dict[str, tuple[Callable[[], object], int]], repeat: int) -> dict[str, float]:
    """Documents per CPU second for each named run, best of ``repeat`` rounds.

    The runs take turns within each round, so a slow spell of the machine (a shared VM, the
    other core busy) falls on all of them alike and the ratios stay fair. The parser's
    per-sentence memo is emptied before every pass, so a repeated document costs what a new one
    does; word-level caches (pymorphy readings, name forms) stay warm, as in a running daemon.
    """
    from scraper.meetings import memo

    best = dict.fromkeys(runs, float("inf"))
    for _ in range(repeat):
        for name, (fn, _count) in runs.items():
            memo.clear()
            start = time.process_time()
            fn()
            best[name] = min(best[name], time.process_time() - start)
    return {name: (runs[name][1] / best[name] if best[name] > 0 else float("inf")) for name in runs}


def real_pages(limit: int = 0) -> list[str]:
    """The real news pages of the extraction benchmark (third-party, read from ../shared only)."""
    import gzip

    folder = SHARED_BENCH_PAGES
    if not folder.is_dir():
        return []
    files = sorted(folder.glob("*.html*"))[: limit or None]
    out = []
    for f in files:
        raw = gzip.decompress(f.read_bytes()) if f.suffix == ".gz" else f.read_bytes()
        out.append(raw.decode("utf-8", errors="replace"))
    return out


def main(argv: Sequence[str] = ()) -> dict[str, float]:
    import trafilatura

    from scraper.meetings import parse_meetings
    from scraper.pipeline import article_from_html, records_for

    repeat = 5
    docs = load_docs()
    wrap = page_wrapper()

    def pub(d: dict[str, Any]) -> date | None:
        return date.fromisoformat(d["published"]) if d.get("published") else None

    def parse_run(subset: list[dict[str, Any]]) -> Callable[[], None]:
        def run() -> None:
            for d in subset:
                parse_meetings(d["text"], published=pub(d), language=d.get("language"), title=d.get("title") or "")
        return run

    def trafilatura_run(pages: list[str]) -> Callable[[], None]:
        def run() -> None:
            for page in pages:
                trafilatura.extract(page, favor_precision=True, include_comments=False)
        return run

    pages = [(wrap(d), d) for d in docs]

    def pipeline() -> None:
        for page, d in pages:
            records_for(article_from_html(page, d.get("source_url") or ""), published=pub(d))

    runs: dict[str, tuple[Callable[[], object], int]] = {
        "parse": (parse_run(docs), len(docs)),
        "trafilatura": (trafilatura_run([p for p, _ in pages]), len(docs)),
        "extract_parse": (pipeline, len(docs)),
    }
    for lang in ("en", "ru"):
        subset = [d for d in docs if d.get("language") == lang]
        runs[f"parse_{lang}"] = (parse_run(subset), len(subset))
        runs[f"trafilatura_{lang}"] = (trafilatura_run([wrap(d) for d in subset]), len(subset))
    # the same stages on real news pages (their extracted text goes to the parser)
    html = real_pages()
    if html:
        texts = [t for t in (trafilatura.extract(h, favor_precision=True) for h in html) if t]

        def parse_real() -> None:
            for t in texts:
                parse_meetings(t, published=None, language="en")

        runs["parse_real"] = (parse_real, len(texts))
        runs["trafilatura_real"] = (trafilatura_run(html), len(html))
    for fn, _ in runs.values():
        fn()  # warm caches (gazetteers, compiled patterns, pymorphy) before timing
    rates = interleaved_rates(runs, repeat)
    figures: dict[str, float] = {"documents": float(len(docs))}
    figures.update({f"{k}_docs_per_s": v for k, v in rates.items()})
    figures["parse_vs_trafilatura"] = rates["parse"] / rates["trafilatura"]
    figures["pipeline_vs_trafilatura"] = rates["extract_parse"] / rates["trafilatura"]
    for lang in ("en", "ru"):
        figures[f"parse_vs_trafilatura_{lang}"] = rates[f"parse_{lang}"] / rates[f"trafilatura_{lang}"]
    print(f"parse benchmark (CPU time, best of {repeat} interleaved rounds, {len(docs)} dev documents)")
    print(f"  our parser on text            {rates['parse']:9.1f} docs/s")
    print(f"  trafilatura.extract on pages  {rates['trafilatura']:9.1f} docs/s")
    print(f"  our extract + parse on pages  {rates['extract_parse']:9.1f} docs/s")
    for lang in ("en", "ru"):
        print(f"  {lang}: parser {rates[f'parse_{lang}']:8.1f} docs/s, trafilatura {rates[f'trafilatura_{lang}']:8.1f}"
              f" docs/s, ratio {figures[f'parse_vs_trafilatura_{lang}']:.2f}x")
    print(f"  parse / trafilatura = {figures['parse_vs_trafilatura']:.2f}x, "
          f"extract+parse / trafilatura = {figures['pipeline_vs_trafilatura']:.2f}x")
    if html:
        figures["parse_vs_trafilatura_real"] = rates["parse_real"] / rates["trafilatura_real"]
        print(f"  real news pages ({len(html)}, ../shared/bench): parser {rates['parse_real']:.1f} docs/s on "
              f"their text, trafilatura {rates['trafilatura_real']:.1f} pages/s, "
              f"ratio {figures['parse_vs_trafilatura_real']:.2f}x")
    else:
        print("  [skip] real news pages: ../shared/bench/article-extraction is absent")
    return figures


if __name__ == "__main__":
    main(sys.argv[1:])
