"""The ``diplowatch`` command line.

Every command builds one Settings (defaults < file < env < flags) and hands it down. Bad
input ends in one clear line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from config.catalog import Catalog, load_catalog
from config.settings import Settings, load_settings
from scraper.errors import ConfigError, DiplowatchError, ParseError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Follow diplomacy from public sources: crawl ministries and agencies into meeting records.",
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 180)


class State:
    """What the global options resolve to; commands read settings and catalog from here."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._catalog: Catalog | None = None

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = load_catalog(self.settings.sources)
        return self._catalog


def _setup_logging(level: str) -> None:
    handler: logging.Handler
    if sys.stderr.isatty():
        handler = RichHandler(console=err, show_path=False, rich_tracebacks=False)
        fmt = "%(message)s"
    else:
        handler = logging.StreamHandler(sys.stderr)
        fmt = "%(asctime)s %(levelname)s %(name)s: %(message)s"
    handler.setFormatter(logging.Formatter(fmt))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    try:
        root.setLevel(level.upper())
    except ValueError:
        raise ConfigError(f"setting 'log_level': unknown level {level!r}") from None
    for noisy in ("httpx", "httpcore", "apscheduler", "trafilatura", "htmldate", "alembic", "pymorphy3"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))


@app.callback()
def main_options(
    ctx: typer.Context,
    db: Annotated[str | None, typer.Option("--db", help="Database URL (env DIPLOWATCH_DATABASE_URL).")] = None,
    sources: Annotated[
        Path | None, typer.Option("--sources", help="Source catalog TOML (env DIPLOWATCH_SOURCES).")
    ] = None,
    config: Annotated[Path | None, typer.Option("--config", help="Settings TOML file (env DIPLOWATCH_CONFIG).")] = None,
    log_level: Annotated[str | None, typer.Option("--log-level", help="DEBUG, INFO, WARNING, ERROR.")] = None,
) -> None:
    settings = load_settings(
        config_file=config,
        env=os.environ,
        flags={"database_url": db, "sources": sources, "log_level": log_level},
    )
    _setup_logging(settings.log_level)
    ctx.obj = State(settings)


def _state(ctx: typer.Context) -> State:
    state = ctx.obj
    assert isinstance(state, State)
    return state


def _parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{option}: {value!r} is not a date like 2026-02-27") from None


def _open_store(settings: Settings) -> Any:
    from storage.store import Store

    return Store(settings.database_url)


# --------------------------------------------------------------------------- crawling


@app.command()
def run(
    ctx: typer.Context,
    once: Annotated[bool, typer.Option("--once", help="Crawl every enabled source once and exit.")] = False,
) -> None:
    """Run the daemon: every enabled source on its interval, until SIGTERM/SIGINT."""
    from scraper.daemon import Daemon, single_daemon_lock

    state = _state(ctx)
    with single_daemon_lock(state.settings.database_url):
        store = _open_store(state.settings)
        daemon = Daemon(state.settings, state.catalog, store)
        try:
            if once:
                daemon.run_once()
            else:
                daemon.run_forever()
        finally:
            daemon.close()
            store.close()


@app.command()
def backfill(
    ctx: typer.Context,
    since: Annotated[str, typer.Option("--since", help="Oldest publication date to reach (YYYY-MM-DD).")],
    source: Annotated[
        list[str] | None, typer.Option("--source", help="Source name; repeat for several. Default: all enabled.")
    ] = None,
    until: Annotated[str | None, typer.Option("--until", help="Newest publication date (YYYY-MM-DD).")] = None,
) -> None:
    """Walk listings, feeds and sitemaps back to --since and store everything found (resumable)."""
    from scraper.crawl import CrawlRequest, crawl_source
    from scraper.fetch import Fetcher

    state = _state(ctx)
    request = CrawlRequest(mode="backfill", since=_parse_date(since, "--since"), until=_parse_date(until, "--until"))
    chosen = [state.catalog.get(n) for n in source] if source else list(state.catalog.enabled)
    store = _open_store(state.settings)
    failed = 0
    try:
        with Fetcher(state.settings, allowed_private_hosts=state.catalog.hosts) as fetcher, _progress() as progress:
            task = progress.add_task("backfill", total=len(chosen))
            for item in chosen:
                progress.update(task, description=item.name)
                stats = crawl_source(item, settings=state.settings, store=store, fetcher=fetcher, request=request)
                failed += stats.outcome in ("failed", "blocked")
                progress.advance(task)
    finally:
        store.close()
    if failed:
        err.print(f"{failed} of {len(chosen)} source(s) failed or were blocked; see `diplowatch sources`.")
        raise typer.Exit(1)


def _progress() -> Progress:
    """A live bar over the sources where stderr is a terminal; silent otherwise (logs tell the story)."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        disable=not err.is_terminal,
        transient=False,
    )


@app.command()
def reparse(ctx: typer.Context) -> None:
    """Re-derive articles and meetings from the stored raw pages (no network)."""
    from scraper.reparse import reparse as do_reparse

    state = _state(ctx)
    store = _open_store(state.settings)
    try:
        stats = do_reparse(store, state.catalog)
    finally:
        store.close()
    out.print(
        f"reparsed {stats.pages} page(s): {stats.articles_changed} article(s) changed, "
        f"{stats.meetings_new} new and {stats.meetings_changed} changed meeting(s), {stats.failed} failed"
    )


# --------------------------------------------------------------------------- parsing


def _jsonl_documents(stream: Iterable[str]) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, None, f"line {number}: not JSON ({exc.msg})"
            continue
        if not isinstance(doc, dict) or not isinstance(doc.get("text", doc.get("html")), str):
            yield number, None, f"line {number}: needs an object with a 'text' or 'html' string"
            continue
        yield number, doc, None


def _parse_document(doc: dict[str, Any]) -> list[dict[str, Any]]:
    from scraper.article import Article
    from scraper.pipeline import article_from_html, records_for

    published = None
    if doc.get("published"):
        try:
            published = date.fromisoformat(str(doc["published"])[:10])
        except ValueError:
            published = None
    language = doc.get("language") or None
    if isinstance(doc.get("html"), str):
        article = article_from_html(doc["html"], doc.get("url") or "")
        if doc.get("title"):
            article = Article(
                url=article.url,
                title=doc["title"],
                text=article.text,
                canonical_url=article.canonical_url,
                published=article.published,
                language=article.language,
            )
    else:
        article = Article(url=doc.get("url") or "", title=doc.get("title") or "", text=doc["text"])
    return [r.to_dict() for r in records_for(article, published=published, language=language)]


def _read_text_file(path: Path) -> tuple[str, date | None]:
    """A .txt report; an optional first token pair 'date YYYY-MM-DD' gives the publication date."""
    text = path.read_text(encoding="utf-8-sig")
    head = text.lstrip().split(None, 2)
    if len(head) >= 2 and head[0].lower() == "date":
        try:
            return (head[2] if len(head) > 2 else ""), date.fromisoformat(head[1])
        except ValueError:
            pass
    return text, None


@app.command()
def parse(
    files: Annotated[
        list[str] | None, typer.Argument(help=".html or .txt files; '-' with --jsonl reads stdin.")
    ] = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="Read the JSON-lines contract (DESIGN.md).")] = False,
    published: Annotated[
        str | None, typer.Option("--published", help="Publication date for .txt files (YYYY-MM-DD).")
    ] = None,
    language: Annotated[str | None, typer.Option("--language", help="Language of .txt files (en, ru).")] = None,
) -> None:
    """Meeting records from files, offline: one JSON line per input."""
    files = files or []
    if jsonl:
        streams: list[Iterable[str]] = []
        for name in files or ["-"]:
            if name == "-":
                streams.append(sys.stdin)
            else:
                try:
                    streams.append(Path(name).read_text(encoding="utf-8").splitlines())
                except OSError as exc:
                    raise ParseError(f"{name}: cannot read ({exc.strerror})") from None
        bad = 0
        for stream in streams:
            for _number, item, problem in _jsonl_documents(stream):
                if item is None:
                    bad += 1
                    err.print(problem, markup=False)
                    print(json.dumps({"id": None, "meetings": [], "error": problem}), flush=False)
                    continue
                print(json.dumps({"id": item.get("id"), "meetings": _parse_document(item)}, ensure_ascii=False))
        sys.stdout.flush()
        if bad:
            raise typer.Exit(1)
        return
    if not files:
        raise ParseError("give .html or .txt files, or --jsonl - to read JSON lines from stdin")
    default_pub = _parse_date(published, "--published")
    for name in files:
        path = Path(name)
        if not path.is_file():
            raise ParseError(f"{name}: no such file")
        try:
            if path.suffix.lower() in (".html", ".htm"):
                doc: dict[str, Any] = {
                    "id": name,
                    "url": path.resolve().as_uri(),
                    "html": path.read_bytes().decode("utf-8", errors="replace"),
                    "published": published,
                    "language": language,
                }
            else:
                text, pub = _read_text_file(path)
                when = pub or default_pub
                doc = {"id": name, "text": text, "published": when.isoformat() if when else None, "language": language}
        except (OSError, UnicodeDecodeError) as exc:
            raise ParseError(f"{name}: cannot read ({exc})") from None
        print(json.dumps({"id": name, "meetings": _parse_document(doc)}, ensure_ascii=False))


# --------------------------------------------------------------------------- reading

FORMATS = ("table", "json", "jsonl", "csv")


@app.command()
def meetings(
    ctx: typer.Context,
    country: Annotated[
        list[str] | None, typer.Option("--country", help="ISO code or organisation; repeat: all must take part.")
    ] = None,
    since: Annotated[str | None, typer.Option("--since", help="From this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Up to this date (YYYY-MM-DD).")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="meeting, consultations, phone_call, ...")] = None,
    person: Annotated[str | None, typer.Option("--person", help="A participant's name, any spelling.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, json, jsonl or csv.")] = "table",
    limit: Annotated[int | None, typer.Option("--limit", min=1)] = None,
) -> None:
    """List meeting records, newest first."""
    from scraper.meetings.model import KINDS
    from storage import queries

    if fmt not in FORMATS:
        raise ConfigError(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}")
    if kind is not None and kind not in KINDS:
        raise ConfigError(f"--kind: {kind!r} is not one of {', '.join(KINDS)}")
    state = _state(ctx)
    rows = queries.list_meetings(
        state.settings.database_url,
        countries=tuple(c.upper() for c in country or ()),
        since=_parse_date(since, "--since"),
        until=_parse_date(until, "--until"),
        kind=kind,
        person=person,
        limit=limit,
    )
    _print_meetings(rows, fmt)


def _participants_text(meeting: dict[str, Any]) -> str:
    parts = []
    for p in meeting.get("participants") or []:
        who = p.get("name") or p.get("role") or "?"
        parts.append(f"{who} ({p['country']})" if p.get("country") else who)
    return "; ".join(parts)


def _print_meetings(rows: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
    elif fmt == "jsonl":
        for row in rows:
            print(json.dumps(row, ensure_ascii=False, default=str))
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(
            ["id", "date", "end_date", "kind", "countries", "city", "participants", "topics", "sources", "evidence"]
        )
        for m in rows:
            loc = m.get("location") or {}
            writer.writerow(
                [
                    m["id"],
                    m["date"],
                    m.get("end_date") or "",
                    m["kind"],
                    " ".join(m["countries"]),
                    loc.get("city") or "",
                    _participants_text(m),
                    "; ".join(m.get("topics") or []),
                    len(m.get("sources") or []),
                    m.get("evidence") or "",
                ]
            )
        sys.stdout.write(buf.getvalue())
    else:
        table = Table(title=f"{len(rows)} meeting(s)", show_lines=False)
        for col in ("id", "date", "kind", "countries", "where", "participants", "sources"):
            table.add_column(col, overflow="fold")
        for m in rows:
            loc = m.get("location") or {}
            table.add_row(
                str(m["id"]),
                m["date"],
                m["kind"],
                " ".join(m["countries"]),
                loc.get("city") or "",
                _participants_text(m),
                str(len(m.get("sources") or [])),
            )
        out.print(table)


@app.command()
def show(ctx: typer.Context, meeting_id: Annotated[int, typer.Argument(help="Meeting id.")]) -> None:
    """One meeting record: fields, every source with its evidence, and the version history."""
    from storage import queries

    state = _state(ctx)
    meeting = queries.get_meeting(state.settings.database_url, meeting_id)
    if meeting is None:
        raise ConfigError(f"no meeting with id {meeting_id}")
    loc = meeting.get("location") or {}
    out.print(
        f"[bold]Meeting {meeting['id']}[/bold]: {meeting['kind']} on {meeting['date']}"
        + (f" – {meeting['end_date']}" if meeting.get("end_date") else "")
    )
    out.print(f"countries: {' '.join(meeting['countries'])}")
    if loc:
        out.print(f"where: {loc.get('city') or '?'}, {loc.get('country') or '?'}")
    out.print(f"participants: {_participants_text(meeting)}", markup=False)
    if meeting.get("topics"):
        out.print(f"topics: {', '.join(meeting['topics'])}", markup=False)
    out.print("\n[bold]sources[/bold]")
    for s in meeting.get("sources") or []:
        out.print(f"- {s.get('outlet')} {s.get('published') or ''} {s.get('url')}", markup=False)
        if s.get("evidence"):
            out.print(f"    “{s['evidence']}”", markup=False)
    versions = meeting.get("versions") or []
    if versions:
        out.print("\n[bold]history[/bold]")
        for v in versions:
            out.print(
                f"- v{v.get('version')} {v.get('created_at')}: {v.get('change') or v.get('reason') or ''}", markup=False
            )


def _source_rows(state: State, fmt: str) -> list[dict[str, Any]]:
    """Catalog entries joined with their ledger status; a source never run has no status keys."""
    from storage import queries

    if fmt not in ("table", "json"):
        raise ConfigError(f"--format: {fmt!r} is not one of table, json")

    status = {row["source"]: row for row in queries.source_status(state.settings.database_url)}
    rows = []
    for s in state.catalog:
        st = status.get(s.name, {})
        rows.append(
            {
                "name": s.name,
                "outlet": s.outlet,
                "language": s.language,
                "enabled": s.enabled,
                "interval_s": s.interval,
                "verified": list(s.verified),
                "guessed": list(s.guessed),
                **{k: v for k, v in st.items() if k != "source"},
            }
        )
    return rows


def _next_run(row: dict[str, Any]) -> str:
    if not row["enabled"]:
        return "disabled"
    if not row.get("last_run"):
        return "at daemon start"
    from datetime import datetime, timedelta

    last = datetime.fromisoformat(str(row["last_run"]))
    return (last + timedelta(seconds=row["interval_s"])).isoformat(timespec="minutes")


def _is_failing(row: dict[str, Any]) -> bool:
    return bool(row["enabled"]) and ("failing" in row.get("flags", []) or row.get("outcome") in ("failed", "blocked"))


@app.command()
def sources(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> None:
    """The catalog with each source's last run and yield; flags sources that fail or went silent."""
    rows = _source_rows(_state(ctx), fmt)
    if fmt == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
        return
    table = Table(title=f"{len(rows)} source(s) in {_state(ctx).catalog.path}")
    for col in ("name", "lang", "on", "last run", "outcome", "found", "new", "failed", "meetings", "flags"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(
            r["name"],
            r["language"],
            "yes" if r["enabled"] else "no",
            str(r.get("last_run") or "never")[:16],
            str(r.get("outcome") or ""),
            str(r.get("discovered", "")),
            str(r.get("new", "")),
            str(r.get("failed", "")),
            str(r.get("meetings_found", "")),
            ", ".join(r.get("flags", [])),
        )
    out.print(table)


@app.command()
def status(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> None:
    """Health per source: last run, outcome, next run, last error. Exit 1 when a source is failing."""
    rows = _source_rows(_state(ctx), fmt)
    failing = [r["name"] for r in rows if _is_failing(r)]
    if fmt == "json":
        print(json.dumps({"failing": failing, "sources": rows}, ensure_ascii=False, indent=2, default=str))
    else:
        table = Table(title=f"{len(failing)} of {len(rows)} source(s) failing")
        for col in ("name", "last run", "outcome", "next run", "last error"):
            table.add_column(col, overflow="fold")
        for r in rows:
            errors = r.get("errors") or []
            table.add_row(
                r["name"],
                str(r.get("last_run") or "never")[:16],
                str(r.get("outcome") or ""),
                _next_run(r),
                str(errors[0])[:120] if errors else "",
            )
        out.print(table)
    if failing:
        raise typer.Exit(1)


@app.command()
def serve(
    ctx: typer.Context,
    host: Annotated[str | None, typer.Option("--host", help="Address to listen on (default 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option("--port", help="Port (default 8750; 0 picks a free one).")] = None,
) -> None:
    """A read-only HTTP API (/api/meetings, /api/meetings/ID, /api/sources) and a web page."""
    import signal
    import threading

    from scraper.web import make_server, serve_forever

    state = _state(ctx)
    _open_store(state.settings).close()  # create or migrate the database before readers arrive
    server = make_server(
        state.settings.database_url,
        host or state.settings.http_host,
        state.settings.http_port if port is None else port,
    )
    bound_host, bound_port = server.server_address[:2]
    err.print(f"serving http://{bound_host!s}:{bound_port}/ (read-only); Ctrl-C stops", markup=False)
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    serve_forever(server, stop)


def main() -> None:
    """Console entry point: one clear line and a non-zero exit for every expected error."""
    try:
        app()
    except DiplowatchError as exc:
        sys.stderr.write(f"diplowatch: error: {' '.join(str(exc).split())}\n")
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("diplowatch: interrupted", markup=False)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)


if __name__ == "__main__":
    main()
