"""``python -m tests.sitesrv``: serve the local test sites until interrupted.

Writes the catalog (``--catalog-out``) only once the server listens, atomically, so a
script can wait for the file to appear and then crawl.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from types import FrameType

from tests.sitesrv.docs import LAYOUTS
from tests.sitesrv.server import SiteServer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.sitesrv", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port (default)")
    parser.add_argument("--catalog-out", metavar="FILE", help="write a catalog pointing at the server")
    parser.add_argument("--delay", type=float, default=0.0, help="per-host delay written into the catalog")
    parser.add_argument("--selectors", action="store_true", help="add per-source CSS selectors to the catalog")
    parser.add_argument("--layouts", default=",".join(LAYOUTS), help="comma-separated subset of " + ",".join(LAYOUTS))
    parser.add_argument("--per-page", type=int, default=5)
    args = parser.parse_args(argv)

    layouts = [name.strip() for name in args.layouts.split(",") if name.strip()]
    server = SiteServer(layouts=layouts, per_page=args.per_page, host=args.host, port=args.port)
    done = threading.Event()

    def _stop(signum: int, frame: FrameType | None) -> None:
        done.set()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    base = server.start()
    try:
        print(f"sitesrv: serving {base} ({len(server.documents)} documents, {len(server.skipped)} skipped)")
        for layout, lang in server.sections():
            feed = server.feed_url(layout, lang) or server.sitemap_url(layout, lang)
            print(f"  {layout}_{lang}: {server.listing_template(layout, lang)}  {feed}")
        if args.catalog_out:
            server.write_catalog(args.catalog_out, delay=args.delay, selectors=args.selectors)
            print(f"sitesrv: catalog written to {args.catalog_out}")
        sys.stdout.flush()
        while not done.wait(0.5):
            pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
