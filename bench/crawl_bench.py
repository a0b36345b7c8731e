"""Crawl cost, memory and idle-poll cost on a loopback mirror, beside Scrapy, in one run.

A mirror of N article pages (the dev reports of tests/data/eval repeated with distinct ids,
texts and years) is served by the project's SiteServer in a separate process on 127.0.0.1,
so its CPU is never counted. Every crawler runs as a subprocess; its CPU is the change of
``getrusage(RUSAGE_CHILDREN)`` around it, and pages are counted by the server's own log.

1. crawl cost: CPU s per 1,000 pages for the diplowatch CLI backfill (full pipeline), for
   discover + fetch alone (the real ``discover`` and ``Fetcher``, nothing stored), for
   ``Fetcher.get`` alone over the URL list of the backfill, and for Scrapy (its own venv,
   bench/.venv-scrapy) following the same listings at CONCURRENT_REQUESTS 1 and 8;
2. memory: VmRSS of the backfill process sampled every 0.5 s (start, middle, end, peak);
3. idle poll: ``run --once`` after the backfill, then a daemon's second poll, by requests,
   statuses and bytes on the wire (server side).

    .venv/bin/python -m bench.crawl_bench                 # 5,000 pages (make bench)
    .venv/bin/python -m bench.crawl_bench --pages 20000   # the long memory run
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import multiprocessing as mp
import os
import re
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SCRAPY_VENV = REPO / "bench" / ".venv-scrapy"
HOST = "127.0.0.1"  # loopback only, always
PER_PAGE = 20  # listing page size of the mirror
POLL_INTERVAL = "20s"  # catalog interval, used only by the daemon's second poll
YEARS = 25  # copies of a report spread over this many years
SUFFIX = {"en": "Archive reference {k}.", "ru": "Архивный номер {k}."}

# --------------------------------------------------------------------------- the mirror (server process)


def mirror_docs(n: int) -> list[dict[str, Any]]:
    """N documents from the dev reports; each copy has its own id, event, last line and publication day."""
    from tests.sitesrv.docs import fill_dates, load_eval_docs

    kept, _ = fill_dates(load_eval_docs())
    docs: list[dict[str, Any]] = []
    for k in range(math.ceil(n / len(kept))):
        for doc, day, _borrowed in kept:
            if len(docs) == n:
                return docs
            # Years stay where date extraction believes them (>= 1990); copies k and k + YEARS share a
            # year, three days apart, so a meeting gathers a handful of reports, as in life. The day
            # is clamped to 28 so that it exists in every month and year.
            year = day.year - k % YEARS
            shifted = date(year, day.month, min(day.day, 28)) - timedelta(days=3 * (k // YEARS))
            lang = str(doc["language"])
            docs.append(
                {
                    **doc,
                    "id": f"{doc['id']}-{k:04d}",
                    "published": shifted.isoformat(),
                    "event_key": f"{doc['event_key']}#{k}" if doc.get("event_key") else None,
                    "text": f"{doc['text']}\n{SUFFIX.get(lang, SUFFIX['en']).format(k=k + 1)}",
                }
            )
    return docs


def _serve_mirror(conn: Connection, n: int, per_page: int, catalog: str, counter: Any) -> None:
    """Server process: build the mirror, serve it, answer ("log" | "stop") on ``conn``."""
    from http.server import ThreadingHTTPServer

    from tests.sitesrv import SiteServer
    from tests.sitesrv.render import SiteView
    from tests.sitesrv.server import _Handler

    log: list[tuple[str, str, str, int, int, int]] = []  # method, path, kind, status, bytes out, bytes in
    lock = threading.Lock()

    class Counting:
        """A file wrapper counting the bytes read or written through it."""

        def __init__(self, inner: Any) -> None:
            self.inner, self.count = inner, 0

        def write(self, data: bytes) -> int:
            self.count += len(data)
            return int(self.inner.write(data))

        def read(self, size: int = -1) -> bytes:
            data: bytes = self.inner.read(size)
            self.count += len(data)
            return data

        def readline(self, size: int = -1) -> bytes:
            data: bytes = self.inner.readline(size)
            self.count += len(data)
            return data

        def __getattr__(self, name: str) -> Any:
            return getattr(self.inner, name)

    class Site(SiteServer):
        """SiteServer whose section views are built once (the mirror never changes) and whose log counts bytes."""

        views: dict[tuple[str, str], SiteView | None]

        def _view(self, layout: str, lang: str) -> SiteView | None:
            if not hasattr(self, "views"):
                self.views = {}
            if (layout, lang) not in self.views:
                self.views[(layout, lang)] = super()._view(layout, lang)
            return self.views[(layout, lang)]

        def start(self) -> str:
            httpd = Server((self.host, self.port), Handler)
            httpd.site = self
            self._httpd = httpd
            self.port = httpd.server_address[1]
            self._thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
            self._thread.start()
            return self.base_url

    class Server(ThreadingHTTPServer):
        daemon_threads = True
        allow_reuse_address = True
        request_queue_size = 64
        site: Site

    class Handler(_Handler):
        status = 0
        marks = (0, 0)

        def setup(self) -> None:
            super().setup()
            self.rfile = Counting(self.rfile)  # type: ignore[assignment]
            self.wfile = Counting(self.wfile)  # type: ignore[assignment]

        def send_response(self, code: int, message: str | None = None) -> None:
            self.status = code
            super().send_response(code, message)

        def handle_one_request(self) -> None:
            rfile, wfile = self.rfile, self.wfile
            assert isinstance(rfile, Counting) and isinstance(wfile, Counting)
            self.status, before = 0, (wfile.count, rfile.count)
            super().handle_one_request()
            if self.status:
                path = urlsplit(self.path).path
                kind = _kind(path, path in self.server.site._by_path)
                with lock:
                    log.append(
                        (self.command, self.path, kind, self.status, wfile.count - before[0], rfile.count - before[1])
                    )
                    counter.value += 1

    site = Site(mirror_docs(n), per_page=per_page, host=HOST)
    base = site.start()
    Path(catalog).write_text(site.catalog_toml(0.0, interval=POLL_INTERVAL), encoding="utf-8")
    conn.send(("ready", base, len(site._pages)))
    while True:
        command = conn.recv()
        if command == "log":
            with lock:
                conn.send(list(log))
                log.clear()
        else:
            break
    site.stop()
    conn.close()


def _kind(path: str, article: bool) -> str:
    if article:
        return "article"
    if path == "/robots.txt":
        return "robots"
    if path.endswith(("rss.xml", "atom.xml")):
        return "feed"
    if "sitemap" in path:
        return "sitemap"
    return "listing"


@dataclass
class Mirror:
    """The mirror's server process; ``log()`` returns (and clears) the requests served since the last call."""

    pages: int
    catalog: Path
    per_page: int = PER_PAGE
    base_url: str = ""
    articles: int = 0
    counter: Any = None
    _proc: Any = None
    _conn: Any = None

    def __enter__(self) -> Mirror:
        ctx = mp.get_context("spawn")
        self.counter = ctx.RawValue("q", 0)
        self._conn, child = ctx.Pipe()
        self._proc = ctx.Process(
            target=_serve_mirror, args=(child, self.pages, self.per_page, str(self.catalog), self.counter), daemon=True
        )
        self._proc.start()
        deadline = time.monotonic() + 900
        while not self._conn.poll(0.5):
            if not self._proc.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the mirror did not start (exit code {self._proc.exitcode})")
        _, self.base_url, self.articles = self._conn.recv()
        return self

    def log(self) -> list[tuple[str, str, str, int, int, int]]:
        self._conn.send("log")
        entries: list[tuple[str, str, str, int, int, int]] = self._conn.recv()
        return entries

    @property
    def served(self) -> int:
        return int(self.counter.value)

    def __exit__(self, *exc: object) -> None:
        with contextlib.suppress(OSError):
            self._conn.send("stop")
        self._proc.join(10)
        if self._proc.is_alive():
            self._proc.terminate()
            self._proc.join(5)


def summarise(entries: Sequence[tuple[str, str, str, int, int, int]]) -> dict[str, Any]:
    """Requests, bytes on the wire and statuses per kind of page."""
    kinds: dict[str, Counter[str]] = {}
    for _method, _path, kind, status, _out, _in in entries:
        kinds.setdefault(kind, Counter())[str(status)] += 1
    return {
        "requests": len(entries),
        "bytes_out": sum(e[4] for e in entries),
        "bytes_in": sum(e[5] for e in entries),
        "status": dict(Counter(str(e[3]) for e in entries)),
        "by_kind": {k: dict(v) for k, v in sorted(kinds.items())},
        "articles_200": sum(1 for e in entries if e[2] == "article" and e[3] == 200),
    }


# --------------------------------------------------------------------------- measured subprocesses


@dataclass
class Measured:
    """One crawler subprocess: CPU (user + system), wall time and, optionally, its RSS curve."""

    label: str
    cpu: float
    wall: float
    rc: int
    requests: int = 0
    articles: int = 0
    rss: list[tuple[float, int, int]] = field(default_factory=list)  # (seconds, requests served, VmRSS kB)
    peak_kb: int = 0  # VmHWM seen last
    stderr: str = ""
    entries: list[tuple[str, str, str, int, int, int]] = field(default_factory=list, repr=False)

    @property
    def per_1000(self) -> float:
        return 1000 * self.cpu / self.requests if self.requests else float("nan")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _status_kb(pid: int) -> tuple[int, int]:
    """(VmRSS, VmHWM) in kB, or (0, 0) once the process is gone."""
    rss = hwm = 0
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1])
                elif line.startswith("VmHWM:"):
                    hwm = int(line.split()[1])
    except (OSError, ValueError):
        return 0, 0
    return rss, hwm


def measure(
    label: str,
    cmd: Sequence[str],
    mirror: Mirror,
    env: Mapping[str, str],
    *,
    cwd: Path = REPO,
    sample: float | None = None,
) -> Measured:
    """Run ``cmd`` to the end; CPU from RUSAGE_CHILDREN, pages from the mirror's log."""
    mirror.log()  # start this run's log empty
    start_served = mirror.served
    cpu0, t0 = _children_cpu(), time.monotonic()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(list(cmd), cwd=cwd, env=dict(env), stdout=subprocess.DEVNULL, stderr=err)
        curve: list[tuple[float, int, int]] = []
        peak = 0
        while proc.poll() is None:
            if sample:
                rss, hwm = _status_kb(proc.pid)
                if rss:
                    curve.append((round(time.monotonic() - t0, 2), mirror.served - start_served, rss))
                    peak = max(peak, hwm)
            time.sleep(sample or 0.05)
        wall, cpu = time.monotonic() - t0, _children_cpu() - cpu0
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    entries = mirror.log()
    result = Measured(
        label,
        cpu,
        wall,
        proc.returncode,
        requests=len(entries),
        articles=sum(1 for e in entries if e[2] == "article" and e[3] == 200),
        rss=curve,
        peak_kb=peak,
        stderr=stderr[-2000:],
        entries=entries,
    )
    if proc.returncode != 0:
        print(f"  [{label}] exit code {proc.returncode}: {stderr[-600:]}")
    return result


def crawl_env(db: Path, catalog: Path) -> dict[str, str]:
    """The environment of every crawler subprocess: no proxies, quiet logs, our mirror and database."""
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower() and not k.startswith("DIPLOWATCH_")}
    env.update(
        NO_PROXY=HOST,
        DIPLOWATCH_DATABASE_URL=f"sqlite:///{db}",
        DIPLOWATCH_SOURCES=str(catalog),
        DIPLOWATCH_LOG_LEVEL="WARNING",
        DIPLOWATCH_SCHEDULE_JITTER="0",
        PYTHONPATH=str(REPO),
    )
    return env


def diplowatch_cmd(*args: str) -> list[str]:
    return [sys.executable, "-c", "import sys; from scraper.cli import main; sys.exit(main())", *args]


# --------------------------------------------------------------------------- diplowatch workers (subprocesses)


def _worker(argv: Sequence[str]) -> int:
    """``--worker fetch URLFILE`` or ``--worker discover SINCE``: diplowatch's fetch stages alone."""
    from config.catalog import load_catalog
    from config.settings import load_settings
    from scraper.discover import discover
    from scraper.errors import FetchError
    from scraper.fetch import Fetcher

    mode, arg = argv
    settings = load_settings(env=os.environ)
    catalog = load_catalog(settings.sources)
    ok = failed = 0
    with Fetcher(settings, allowed_private_hosts=catalog.hosts) as fetcher:
        if mode == "fetch":
            urls = [line for line in Path(arg).read_text(encoding="utf-8").splitlines() if line]
        else:
            urls = []
            for source in catalog.enabled:
                found = discover(
                    source,
                    lambda url, s=source: fetcher.get(url, delay=s.delay),  # type: ignore[misc]
                    is_known=lambda url: False,
                    since=date.fromisoformat(arg),
                    max_pages=settings.backfill_max_pages,
                )
                urls += [link.url for link in found.links]
        for url in urls:
            try:
                fetcher.get(url)
                ok += 1
            except FetchError:
                failed += 1
    print(json.dumps({"ok": ok, "failed": failed}))
    return 0


# --------------------------------------------------------------------------- Scrapy

SPIDER = '''
import re

import scrapy


class MirrorSpider(scrapy.Spider):
    """Follows the listing pages and fetches every article they link; no parsing beyond links."""

    name = "mirror"

    def __init__(self, starts="", pattern="", listing="", **kwargs):
        super().__init__(**kwargs)
        self.start_urls = starts.split()
        self.article = re.compile(pattern)
        self.listing = re.compile(listing)

    def parse(self, response):
        for href in response.css("a::attr(href)").getall():
            url = response.urljoin(href)
            if self.article.search(url):
                yield scrapy.Request(url, callback=self.parse_article)
            elif self.listing.search(url):
                yield scrapy.Request(url, callback=self.parse)

    def parse_article(self, response):
        return None
'''


def scrapy_python() -> Path | None:
    """The benchmark venv's python with Scrapy importable, creating the venv on first use; None if impossible."""
    python = SCRAPY_VENV / "bin" / "python"
    check = [str(python), "-c", "import scrapy"]
    if python.exists() and subprocess.run(check, capture_output=True).returncode == 0:
        return python
    print(f"  installing Scrapy into {SCRAPY_VENV} (the benchmark's own venv) ...")
    try:
        subprocess.run(["python3", "-m", "venv", str(SCRAPY_VENV)], check=True, capture_output=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "scrapy"], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"  [skip] Scrapy could not be installed: {exc}")
        return None
    return python if subprocess.run(check, capture_output=True).returncode == 0 else None


def scrapy_cmd(python: Path, spider: Path, catalog: Path, concurrency: int) -> list[str]:
    sources = tomllib.loads(catalog.read_text(encoding="utf-8"))["sources"].values()
    starts = " ".join(t.replace("{page}", "1") for s in sources for t in s["listings"])
    pattern = "|".join(f"(?:{s['article_pattern']})" for s in sources)
    listing = "|".join(
        f"(?:^{re.escape(t).replace(re.escape('{page}'), '[0-9]+')}$)" for s in sources for t in s["listings"]
    )
    settings = {
        "CONCURRENT_REQUESTS": concurrency,
        "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency,
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": False,
        "ROBOTSTXT_OBEY": False,
        "HTTPCACHE_ENABLED": False,
        "LOG_LEVEL": "WARNING",
        "TELNETCONSOLE_ENABLED": False,
    }
    cmd = [
        str(python),
        "-m",
        "scrapy",
        "runspider",
        str(spider),
        "-a",
        f"starts={starts}",
        "-a",
        f"pattern={pattern}",
        "-a",
        f"listing={listing}",
    ]
    for key, value in settings.items():
        cmd += ["-s", f"{key}={value}"]
    return cmd


def scrapy_version(python: Path) -> str:
    done = subprocess.run([str(python), "-c", "import scrapy; print(scrapy.__version__)"], capture_output=True)
    return done.stdout.decode().strip()


# --------------------------------------------------------------------------- the idle poll


def daemon_second_poll(mirror: Mirror, env: Mapping[str, str], quiet: float = 3.0) -> dict[str, Any]:
    """``diplowatch run`` (the daemon): its first poll, then its second one, which sends validators."""
    mirror.log()
    proc = subprocess.Popen(
        diplowatch_cmd("run"), cwd=REPO, env=dict(env), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )

    def wave(deadline: float) -> list[tuple[str, str, str, int, int, int]]:
        entries: list[tuple[str, str, str, int, int, int]] = []
        last_change = time.monotonic()
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.5)
            new = mirror.log()
            if new:
                entries += new
                last_change = time.monotonic()
            elif entries and time.monotonic() - last_change > quiet:
                break
        return entries

    try:
        first = wave(time.monotonic() + 120)
        second = wave(time.monotonic() + 120)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return {"first": summarise(first), "second": summarise(second), "rc": proc.returncode}


# --------------------------------------------------------------------------- the run


def _curve_points(run: Measured, total: int) -> list[tuple[int, int]]:
    """(pages served, VmRSS kB) at the first sample past 100, 1k, 5k, 10k, 20k pages, and at the end."""
    marks = sorted({m for m in (100, 1000, 5000, 10000, 20000) if m < total} | {total})
    points: list[tuple[int, int]] = []
    for mark in marks:
        hits = [(served, rss) for _t, served, rss in run.rss if served >= mark]
        if hits:
            points.append(hits[0])
        elif run.rss and mark == total:
            points.append(run.rss[-1][1:])
    return points


def main(argv: Sequence[str] = ()) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="python -m bench.crawl_bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=5000, help="articles in the mirror (default 5000)")
    parser.add_argument("--no-scrapy", action="store_true", help="leave Scrapy out")
    parser.add_argument("--worker", nargs=2, metavar=("MODE", "ARG"), help=argparse.SUPPRESS)
    args = parser.parse_args(list(argv))
    if args.worker:
        sys.exit(_worker(args.worker))

    figures: dict[str, Any] = {"pages_requested": args.pages}
    with tempfile.TemporaryDirectory(prefix="crawl-bench-") as tmp_name:
        tmp = Path(tmp_name)
        catalog = tmp / "sources.toml"
        t0 = time.monotonic()
        with Mirror(args.pages, catalog) as mirror:
            print(
                f"crawl benchmark: mirror of {mirror.articles} articles at {mirror.base_url} "
                f"({PER_PAGE} per listing page, 6 sections; built in {time.monotonic() - t0:.1f} s)"
            )
            figures["articles"] = mirror.articles
            since = "0001-01-01"
            env = crawl_env(tmp / "full.db", catalog)
            runs: list[Measured] = []

            full = measure(
                "diplowatch backfill (full pipeline)",
                diplowatch_cmd("backfill", "--since", since),
                mirror,
                env,
                sample=0.5,
            )
            runs.append(full)
            print(f"  {full.label}: {full.requests} requests, {full.articles} articles, {full.cpu:.1f} CPU s")
            once = measure("run --once", diplowatch_cmd("run", "--once"), mirror, env)
            poll_once = {**summarise(once.entries), "cpu_s": round(once.cpu, 3), "wall_s": round(once.wall, 2)}
            daemon = daemon_second_poll(mirror, env)

            with (tmp / "urls.txt").open("w", encoding="utf-8") as fh:  # what the backfill fetched, in order
                fh.writelines(f"{mirror.base_url}{e[1]}\n" for e in full.entries if e[3] == 200)
            worker = [sys.executable, "-m", "bench.crawl_bench", "--worker"]
            empty_env = crawl_env(tmp / "unused.db", catalog)
            runs.append(
                measure("diplowatch discover + fetch (nothing stored)", [*worker, "discover", since], mirror, empty_env)
            )
            runs.append(
                measure(
                    "diplowatch Fetcher.get only (same URL list)",
                    [*worker, "fetch", str(tmp / "urls.txt")],
                    mirror,
                    empty_env,
                )
            )

            python = None if args.no_scrapy else scrapy_python()
            if python is not None:
                figures["scrapy_version"] = scrapy_version(python)
                spider = tmp / "mirror_spider.py"
                spider.write_text(SPIDER, encoding="utf-8")
                for concurrency in (1, 8):
                    runs.append(
                        measure(
                            f"Scrapy {figures['scrapy_version']}, CONCURRENT_REQUESTS={concurrency}",
                            scrapy_cmd(python, spider, catalog, concurrency),
                            mirror,
                            env,
                            cwd=tmp,
                        )
                    )
            else:
                figures["scrapy_version"] = None

    figures["runs"] = {
        r.label: {
            "cpu_s": round(r.cpu, 3),
            "wall_s": round(r.wall, 2),
            "requests": r.requests,
            "articles": r.articles,
            "cpu_s_per_1000_pages": round(r.per_1000, 3),
            "rc": r.rc,
        }
        for r in runs
    }
    curve = _curve_points(full, full.requests)
    figures["memory"] = {
        "rss_kb_at_pages": curve,
        "peak_rss_kb": full.peak_kb,
        "samples": len(full.rss),
        "max_sampled_rss_kb": max((s[2] for s in full.rss), default=0),
        "curve": [(served, kb) for _t, served, kb in full.rss[:: max(1, len(full.rss) // 60)]],
    }
    figures["idle_poll"] = {"run_once": poll_once, "daemon_first": daemon["first"], "daemon_second": daemon["second"]}
    scrapy_runs = [r for r in runs if r.label.startswith("Scrapy")]
    for r in runs[:3]:
        for s in scrapy_runs:
            key = f"{_short(r.label)} / {_short(s.label)}"
            figures.setdefault("ratios", {})[key] = round(r.per_1000 / s.per_1000, 2)
    _print(figures, runs, full)
    return figures


def _short(label: str) -> str:
    return label.split(" (")[0].split(",")[0] + (
        " c8" if label.endswith("=8") else " c1" if label.endswith("=1") else ""
    )


def _print(figures: Mapping[str, Any], runs: Sequence[Measured], full: Measured) -> None:
    print()
    print(f"{'crawler':55} {'pages':>7} {'articles':>8} {'CPU s':>8} {'wall s':>7} {'CPU s/1k pages':>15}")
    for r in runs:
        print(f"{r.label:55} {r.requests:7d} {r.articles:8d} {r.cpu:8.2f} {r.wall:7.1f} {r.per_1000:15.3f}")
    for key, value in figures.get("ratios", {}).items():
        print(f"  ratio {key}: {value:.2f}x")
    mem = figures["memory"]
    points = ", ".join(f"{p:,} pages {kb / 1024:.0f} MB" for p, kb in mem["rss_kb_at_pages"])
    print(
        f"memory (VmRSS of the backfill, {mem['samples']} samples): {points}; peak {mem['peak_rss_kb'] / 1024:.0f} MB"
    )
    for name, poll in figures["idle_poll"].items():
        print(
            f"idle poll {name:14}: {poll['requests']} requests, {poll['bytes_out']:,} bytes out / "
            f"{poll['bytes_in']:,} in, status {poll['status']}, articles fetched {poll['articles_200']}, "
            f"by kind {poll['by_kind']}"
        )
    del full


if __name__ == "__main__":
    main(sys.argv[1:])
