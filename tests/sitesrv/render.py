"""HTML, feeds and sitemaps of the three site layouts the server imitates.

Each layout carries the traps its real counterpart has (sites.md): the agency wraps the
story in navigation, share buttons, a "Latest news" sidebar and an inline "Read also" link;
the old ministry nests the text in layout tables with a left menu and prints only
"27.02.2026"; the modern site puts metadata in JSON-LD/OpenGraph (with a partial or absent
articleBody), a cookie banner and a "Related news" aside. Every piece of document text is
HTML/XML-escaped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape
from urllib.parse import quote

from tests.sitesrv.docs import Page

MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "ru": [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
}
SECTION = {"en": "politics", "ru": "politika"}
UI: dict[str, dict[str, str]] = {
    "en": {
        "agency": "Agency News",
        "ministry": "Ministry of Foreign Affairs",
        "modern": "Modern Times",
        "home": "Home",
        "news": "News",
        "latest": "Latest news",
        "read_also": "Read also:",
        "also": "Also read",
        "related": "Related news",
        "share": "Share",
        "next": "Next page",
        "prev": "Previous page",
        "politics": "Politics",
        "economy": "Economy",
        "world": "World",
        "minister": "Minister",
        "policy": "Foreign policy",
        "embassies": "Embassies",
        "consular": "Consular issues",
        "press": "Press releases",
        "cookies": "We use cookies to improve your experience.",
        "accept": "Accept",
        "back": "Back to news",
        "print": "Print version",
        "footer_agency": "All rights reserved. Quoting requires a hyperlink to the agency.",
        "footer_ministry": "Address: 50 Embassy Street. Telephone: (+000) 12 345 67 89.",
        "footer_modern": "Subscribe to our newsletter. Terms of use. Privacy.",
        "lang_other": "Русский",
        "archive": "Archive",
    },
    "ru": {
        "agency": "Агентство новостей",
        "ministry": "Министерство иностранных дел",
        "modern": "Современные новости",
        "home": "Главная",
        "news": "Новости",
        "latest": "Последние новости",
        "read_also": "Читайте также:",
        "also": "Читайте также",
        "related": "Похожие новости",
        "share": "Поделиться",
        "next": "Следующая страница",
        "prev": "Предыдущая страница",
        "politics": "Политика",
        "economy": "Экономика",
        "world": "В мире",
        "minister": "Министр",
        "policy": "Внешняя политика",
        "embassies": "Посольства",
        "consular": "Консульские вопросы",
        "press": "Пресс-релизы",
        "cookies": "Мы используем файлы cookie.",
        "accept": "Принять",
        "back": "Вернуться к новостям",
        "print": "Версия для печати",
        "footer_agency": "Все права защищены. При цитировании ссылка на агентство обязательна.",
        "footer_ministry": "Адрес: ул. Посольская, 50. Телефон: (+000) 12 345 67 89.",
        "footer_modern": "Подписка на рассылку. Условия использования. Конфиденциальность.",
        "lang_other": "English",
        "archive": "Архив",
    },
}
_XML_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def esc(text: str) -> str:
    """Escape for HTML and XML text and attributes; drop characters XML 1.0 forbids."""
    return escape(_XML_BAD.sub("", text), quote=True)


def other_lang(lang: str) -> str:
    return "ru" if lang == "en" else "en"


def article_path(page: Page) -> str:
    """The URL path of a page on its site; stable under edits (the slug is frozen)."""
    lang = page.language
    if page.layout == "agency":
        return f"/agency/{lang}/{SECTION[lang]}/{page.slug}-{page.number}"
    if page.layout == "ministry":
        return f"/ministry/{lang}/news/no{page.number}{page.day.year % 100:02d}"
    return f"/modern/{lang}/posts/{page.number}/{page.slug}"


def long_date(page: Page, with_time: bool = True) -> str:
    """'27 February 2026, 14:05' / '27 февраля 2026, 14:05'."""
    p = page.published
    text = f"{p.day} {MONTHS[page.language][p.month - 1]} {p.year}"
    return f"{text}, {p:%H:%M}" if with_time else text


def http_date(moment: datetime) -> str:
    return format_datetime(moment.astimezone(UTC), usegmt=True)


@dataclass(frozen=True)
class SiteView:
    """What one section (layout + language) of the server shows at one moment."""

    base: str
    layout: str
    lang: str
    pages: Sequence[Page]  # newest first
    per_page: int
    feed_size: int
    same_language: Sequence[Page]  # every page in this language, all sites, newest first

    @property
    def ui(self) -> dict[str, str]:
        return UI[self.lang]

    def url(self, page: Page) -> str:
        return self.base + article_path(page)

    def listing_path(self, n: int) -> str:
        if self.layout == "agency":
            return f"/agency/{self.lang}/news?page={n}"
        if self.layout == "ministry":
            return f"/ministry/{self.lang}/news/page/{n}"
        return f"/modern/{self.lang}/archive/{n}"

    @property
    def page_count(self) -> int:
        return max(1, -(-len(self.pages) // self.per_page))

    def listing_items(self, n: int) -> Sequence[Page] | None:
        """Pages shown on listing page n, or None past the end."""
        if n < 1 or n > self.page_count:
            return None
        return self.pages[(n - 1) * self.per_page : n * self.per_page]

    def others(self, page: Page, count: int) -> list[Page]:
        """Other articles of this section, nearest in time first (the sidebar material)."""
        order = {id(p): i for i, p in enumerate(self.pages)}
        here = order.get(id(page), 0)
        rest = sorted((p for p in self.pages if p is not page), key=lambda p: abs(order[id(p)] - here))
        return rest[:count]

    def read_also(self, page: Page) -> Page | None:
        """A nearby article to link inline; falls back to any other page in the language."""
        near = self.others(page, 1) or [p for p in self.same_language if p is not page][:1]
        return near[0] if near else None

    def modified(self) -> datetime | None:
        return max((p.modified for p in self.pages), default=None)


def _pager(site: SiteView, n: int) -> str:
    links = []
    if n > 1:
        links.append(f'<a rel="prev" href="{esc(site.base + site.listing_path(n - 1))}">{site.ui["prev"]}</a>')
    if n < site.page_count:
        links.append(f'<a rel="next" href="{esc(site.base + site.listing_path(n + 1))}">{site.ui["next"]}</a>')
    return f'<div class="pagination">{" ".join(links)}</div>'


def _paras(paragraphs: Sequence[str], inline: str | None, after: int = 0) -> str:
    """Paragraphs with an optional inline block inserted after paragraph ``after``."""
    out = []
    for i, text in enumerate(paragraphs):
        out.append(f"<p>{esc(text)}</p>")
        if inline and i == after:
            out.append(inline)
    if inline and not paragraphs:
        out.append(inline)
    return "\n".join(out)


# ---------------------------------------------------------------------------- agency


def _agency_frame(site: SiteView, title: str, main: str, head: str = "", sidebar: str = "") -> str:
    ui, base, lang = site.ui, site.base, site.lang
    other = other_lang(lang)
    nav = "".join(
        f'<li><a href="{esc(base)}/agency/{lang}/news?page=1">{ui[key]}</a></li>'
        for key in ("news", "politics", "economy", "world")
    )
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{esc(title)} | {ui["agency"]}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
{head}
</head>
<body>
<header class="header">
<div class="header__top"><a class="logo" href="{esc(base)}/agency/{lang}/">{ui["agency"]}</a>
<a class="lang-switch" href="{esc(base)}/agency/{other}/">{ui["lang_other"]}</a></div>
<nav class="header__nav"><ul>{nav}</ul></nav>
</header>
<div class="container">
<div class="main-column">
{main}
</div>
{sidebar}
</div>
<footer class="footer"><p>&copy; {ui["agency"]}. {ui["footer_agency"]}</p>
<p><a href="{esc(base)}/admin/login">Staff</a> <a href="{esc(base)}/agency/{lang}/rss.xml">RSS</a></p></footer>
</body>
</html>
"""


def _agency_sidebar(site: SiteView, exclude: Page | None) -> str:
    newest = [p for p in site.pages if p is not exclude][:5]
    items = "".join(
        f'<li><a href="{esc(site.url(p))}">{esc(p.title)}</a><span class="time">{p.published:%H:%M}</span></li>'
        for p in newest
    )
    return f'<aside class="sidebar"><h3 class="sidebar__title">{site.ui["latest"]}</h3><ul>{items}</ul></aside>'


def agency_article(site: SiteView, page: Page) -> str:
    ui = site.ui
    url = site.url(page)
    also = site.read_also(page)
    inline = (
        f'<p class="read-also">{ui["read_also"]} <a href="{esc(site.url(also))}">{esc(also.title)}</a></p>'
        if also
        else None
    )
    share = "".join(
        f'<a class="share__btn share__btn--{name.lower()}" '
        f'href="https://{host}/share?url={esc(quote(url, safe=""))}">{name}</a>'
        for name, host in (("Facebook", "facebook.com"), ("Twitter", "twitter.com"), ("Telegram", "t.me"))
    )
    head = (
        f'<meta property="article:published_time" content="{page.published.isoformat()}">\n'
        f'<link rel="canonical" href="{esc(url)}">'
    )
    main = f"""<div class="breadcrumbs"><a href="{esc(site.base)}/agency/{site.lang}/">{ui["home"]}</a> /
<a href="{esc(site.base)}/agency/{site.lang}/news?page=1">{ui["politics"]}</a></div>
<div class="news-detail">
<h1 class="news-detail__title">{esc(page.title)}</h1>
<div class="news-detail__date">{long_date(page)}</div>
<div class="share"><span>{ui["share"]}:</span> {share}</div>
<div class="news-detail__desc">
{_paras(page.paragraphs, inline)}
</div>
<div class="share share--bottom">{share}</div>
</div>"""
    return _agency_frame(site, page.title, main, head, _agency_sidebar(site, page))


def agency_listing(site: SiteView, n: int, items: Sequence[Page]) -> str:
    rows = "\n".join(
        f'<div class="news-item"><a class="news-item__link" href="{esc(site.url(p))}">'
        f'<h2 class="news-item__title">{esc(p.title)}</h2></a>'
        f'<span class="news-item__date">{long_date(p)}</span></div>'
        for p in items
    )
    main = (
        f'<h1 class="section-title">{site.ui["latest"]}</h1>\n'
        f'<div class="news-list">\n{rows}\n</div>\n{_pager(site, n)}'
    )
    return _agency_frame(site, f"{site.ui['news']} — {n}", main)


def agency_rss(site: SiteView, self_url: str) -> str:
    ui = site.ui
    items = "\n".join(
        f"""<item>
<title>{esc(p.title)}</title>
<link>{esc(site.url(p))}</link>
<guid isPermaLink="true">{esc(site.url(p))}</guid>
<pubDate>{format_datetime(p.published)}</pubDate>
<description>{esc(p.paragraphs[0] if p.paragraphs else "")}</description>
</item>"""
        for p in site.pages[: site.feed_size]
    )
    built = site.modified() or datetime(2000, 1, 1, tzinfo=UTC)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>{ui["agency"]}</title>
<link>{esc(site.base)}/agency/{site.lang}/</link>
<description>{ui["latest"]}</description>
<language>{site.lang}</language>
<lastBuildDate>{format_datetime(built.astimezone(UTC))}</lastBuildDate>
<atom:link href="{esc(self_url)}" rel="self" type="application/rss+xml"/>
{items}
</channel>
</rss>
"""


# ---------------------------------------------------------------------------- ministry


def _ministry_frame(site: SiteView, title: str, main: str) -> str:
    ui, base, lang = site.ui, site.base, site.lang
    menu_items = (
        ("home", f"/ministry/{lang}/"),
        ("news", f"/ministry/{lang}/news/page/1"),
        ("minister", f"/ministry/{lang}/minister"),
        ("policy", f"/ministry/{lang}/policy"),
        ("embassies", f"/ministry/{lang}/embassies"),
        ("consular", f"/ministry/{lang}/consular"),
        ("lang_other", f"/ministry/{other_lang(lang)}/"),
    )
    menu = "\n".join(
        f'<tr><td class="menuitem"><a href="{esc(base + path)}">{ui[key]}</a></td></tr>' for key, path in menu_items
    )
    return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{ui["ministry"]} - {esc(title)}</title>
</head>
<body bgcolor="#ffffff" topmargin="0" leftmargin="0">
<table width="100%" border="0" cellspacing="0" cellpadding="0">
<tr><td colspan="2" class="top" height="90"><b>{ui["ministry"]}</b></td></tr>
<tr>
<td width="200" valign="top" class="left">
<table width="100%" border="0" cellspacing="2" cellpadding="4" class="leftmenu">
{menu}
</table>
</td>
<td valign="top" class="main">
{main}
</td>
</tr>
<tr><td colspan="2" class="footer" align="center"><font size="1">
&copy; {ui["ministry"]}. {ui["footer_ministry"]}</font></td></tr>
</table>
</body>
</html>
"""


def ministry_article(site: SiteView, page: Page) -> str:
    ui = site.ui
    body = "\n".join(f"<p>{esc(text)}</p>" for text in page.paragraphs)
    main = f"""<table width="100%" border="0" cellspacing="0" cellpadding="6">
<tr><td class="path"><a href="{esc(site.base)}/ministry/{site.lang}/">{ui["home"]}</a> &raquo;
<a href="{esc(site.base)}/ministry/{site.lang}/news/page/1">{ui["news"]}</a></td></tr>
<tr><td class="date"><font color="#888888">{page.published:%d.%m.%Y}</font></td></tr>
<tr><td class="title"><h1>{esc(page.title)}</h1></td></tr>
<tr><td>
<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr><td class="text" valign="top">
{body}
</td></tr></table>
</td></tr>
<tr><td class="links"><a href="{esc(site.base)}/ministry/{site.lang}/news/page/1">{ui["back"]}</a> |
<a href="{esc(site.url(page))}?print=1">{ui["print"]}</a></td></tr>
</table>"""
    return _ministry_frame(site, page.title, main)


def ministry_listing(site: SiteView, n: int, items: Sequence[Page]) -> str:
    rows = "\n".join(
        f'<tr><td class="date" width="90" valign="top">{p.published:%d.%m.%Y}</td>'
        f'<td class="newstitle"><a href="{esc(site.url(p))}">{esc(p.title)}</a></td></tr>'
        for p in items
    )
    pages = " ".join(
        f"<b>{k}</b>" if k == n else f'<a href="{esc(site.base + site.listing_path(k))}">{k}</a>'
        for k in range(1, site.page_count + 1)
    )
    main = f"""<h2>{site.ui["press"]}</h2>
<table width="100%" border="0" cellspacing="0" cellpadding="4" class="newslist">
{rows}
</table>
<table width="100%"><tr><td class="pages" align="center">{pages}</td></tr></table>"""
    return _ministry_frame(site, f"{site.ui['news']} {n}", main)


def sitemap_urlset(site: SiteView) -> str:
    urls = "\n".join(
        f"<url><loc>{esc(site.url(p))}</loc><lastmod>{p.modified:%Y-%m-%dT%H:%M:%SZ}</lastmod></url>"
        for p in site.pages
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{urls}
</urlset>
"""


def sitemap_index(base: str, sites: Sequence[SiteView]) -> str:
    entries = "\n".join(
        f"<sitemap><loc>{esc(base)}/ministry/sitemap-{s.lang}.xml</loc>"
        + (f"<lastmod>{m:%Y-%m-%dT%H:%M:%SZ}</lastmod>" if (m := s.modified()) else "")
        + "</sitemap>"
        for s in sites
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{entries}
</sitemapindex>
"""


# ---------------------------------------------------------------------------- modern


def _modern_frame(site: SiteView, title: str, main: str, head: str = "") -> str:
    ui, base, lang = site.ui, site.base, site.lang
    return f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} — {ui["modern"]}</title>
<link rel="alternate" type="application/atom+xml" href="{esc(base)}/modern/{lang}/atom.xml">
{head}
</head>
<body class="min-h-screen">
<div class="cookie-banner fixed bottom-0" role="dialog" aria-live="polite"><p>{ui["cookies"]}</p>
<button type="button" class="btn">{ui["accept"]}</button></div>
<header class="topbar"><a class="brand" href="{esc(base)}/modern/{lang}/">{ui["modern"]}</a>
<nav><a href="{esc(base)}/modern/{lang}/archive/1">{ui["archive"]}</a>
<a href="{esc(base)}/modern/{other_lang(lang)}/">{ui["lang_other"]}</a></nav></header>
<main class="grid md:grid-cols-4 gap-6">
{main}
</main>
<footer class="text-sm"><p>{ui["footer_modern"]}</p></footer>
</body>
</html>
"""


def modern_article(site: SiteView, page: Page) -> str:
    ui = site.ui
    url = site.url(page)
    paragraphs = page.paragraphs
    lead = paragraphs[0] if paragraphs else ""
    ld: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title,
        "datePublished": page.published.isoformat(),
        "dateModified": page.modified.astimezone(page.published.tzinfo).isoformat(),
        "inLanguage": site.lang,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "author": {"@type": "Organization", "name": ui["modern"]},
        "publisher": {"@type": "Organization", "name": ui["modern"]},
    }
    if page.number % 2 == 0:  # half the pages carry only the lead as articleBody
        ld["articleBody"] = lead
    ld_text = json.dumps(ld, ensure_ascii=False).replace("</", "<\\/")
    head = f"""<link rel="canonical" href="{esc(url)}">
<meta property="og:type" content="article">
<meta property="og:title" content="{esc(page.title)}">
<meta property="og:url" content="{esc(url)}">
<meta property="og:description" content="{esc(lead[:200])}">
<meta property="og:site_name" content="{ui["modern"]}">
<meta property="og:locale" content="{"ru_RU" if site.lang == "ru" else "en_US"}">
<script type="application/ld+json">{ld_text}</script>"""
    also = site.read_also(page)
    inline = (
        f'<div class="inline-related"><span>{ui["also"]}</span> '
        f'<a href="{esc(site.url(also))}">{esc(also.title)}</a></div>'
        if also
        else None
    )
    related = "".join(
        f'<li><a href="{esc(site.url(p))}">{esc(p.title)}</a> <time datetime="{p.published.isoformat()}">'
        f"{p.published:%d.%m.%Y}</time></li>"
        for p in site.others(page, 3)
    )
    main = f"""<article class="post md:col-span-3">
<h1 class="text-3xl font-bold">{esc(page.title)}</h1>
<time class="post__date" datetime="{page.published.isoformat()}">{page.published:%d.%m.%Y %H:%M}</time>
<div class="post__body">
{_paras(paragraphs, inline, after=1 if len(paragraphs) > 2 else 0)}
</div>
</article>
<aside class="related md:col-span-1"><h2>{ui["related"]}</h2><ul>{related}</ul></aside>"""
    return _modern_frame(site, page.title, main, head)


def modern_listing(site: SiteView, n: int, items: Sequence[Page]) -> str:
    cards = "\n".join(
        f'<article class="card"><a href="{esc(site.url(p))}"><h3>{esc(p.title)}</h3></a>'
        f'<time datetime="{p.published.isoformat()}">{p.published:%d.%m.%Y}</time>'
        f"<p>{esc((p.paragraphs or [''])[0][:160])}</p></article>"
        for p in items
    )
    main = f"""<section class="md:col-span-4"><h1>{site.ui["archive"]}</h1>
<div class="cards">
{cards}
</div>
{_pager(site, n)}</section>"""
    return _modern_frame(site, f"{site.ui['archive']} {n}", main)


def modern_atom(site: SiteView, self_url: str) -> str:
    updated = site.modified() or datetime(2000, 1, 1, tzinfo=UTC)
    entries = "\n".join(
        f"""<entry>
<title>{esc(p.title)}</title>
<id>{esc(site.url(p))}</id>
<link rel="alternate" type="text/html" href="{esc(site.url(p))}"/>
<published>{p.published.isoformat()}</published>
<updated>{p.modified.astimezone(p.published.tzinfo).isoformat()}</updated>
<summary>{esc((p.paragraphs or [""])[0])}</summary>
</entry>"""
        for p in site.pages[: site.feed_size]
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{site.lang}">
<title>{site.ui["modern"]}</title>
<id>{esc(site.base)}/modern/{site.lang}/</id>
<updated>{updated.isoformat()}</updated>
<link rel="self" type="application/atom+xml" href="{esc(self_url)}"/>
<link rel="alternate" type="text/html" href="{esc(site.base)}/modern/{site.lang}/"/>
<author><name>{site.ui["modern"]}</name></author>
{entries}
</feed>
"""


# ---------------------------------------------------------------------------- shared

ARTICLE = {"agency": agency_article, "ministry": ministry_article, "modern": modern_article}
LISTING = {"agency": agency_listing, "ministry": ministry_listing, "modern": modern_listing}


def simple_page(title: str, body_html: str, lang: str = "en") -> str:
    """Index, admin and error pages."""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{esc(title)}</title></head>'
        f"<body><h1>{esc(title)}</h1>\n{body_html}\n</body></html>\n"
    )
