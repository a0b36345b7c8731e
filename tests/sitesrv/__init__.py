"""The project's local site server: the dev reports served as three kinds of news site.

    from tests.sitesrv import SiteServer

    with SiteServer() as server:                 # 127.0.0.1, a free port, a daemon thread
        server.write_catalog("sources.toml")     # catalog pointing at this server
        ...                                      # crawl server.base_url
        server.edit("en000", text="...")         # the page changes -> a new article version
        server.requests                          # [(method, path, status), ...]

Layouts (each with /en/ and /ru/ sections where documents exist):

- agency   listing /agency/{lang}/news?page=N, RSS /agency/{lang}/rss.xml,
           articles /agency/{lang}/politics/<slug>-<number>
- ministry listing /ministry/{lang}/news/page/N, sitemaps /ministry/sitemap.xml (index) and
           /ministry/sitemap-{lang}.xml, articles /ministry/{lang}/news/no<number><yy>
- modern   listing /modern/{lang}/archive/N, Atom /modern/{lang}/atom.xml,
           articles /modern/{lang}/posts/<number>/<slug>

Run it on its own with ``python -m tests.sitesrv --port 0 --catalog-out FILE``.
"""

from tests.sitesrv.docs import LAYOUTS, Page, build_pages, load_eval_docs, slugify
from tests.sitesrv.server import SiteServer

__all__ = ["LAYOUTS", "Page", "SiteServer", "build_pages", "load_eval_docs", "slugify"]
