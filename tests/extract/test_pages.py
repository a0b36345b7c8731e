"""Small hand-written pages, one trap each: inline "Read also", ads inside <p>, metadata in one
place only, a cp1251 page, canonical rules, titles with site suffixes, garbage input."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from config.catalog import Selectors
from scraper.extract import extract

from .conftest import site_page

BODY = (
    "<p>BAKU, Azerbaijan, March 30. Foreign Minister Jeyhun Bayramov met with his Turkmen counterpart "
    "Rashid Meredov in Baku on Monday, the ministry said in a statement.</p>"
    "<p>The sides discussed trade, energy and transport links across the Caspian Sea, as well as the "
    "preparations for the next session of the intergovernmental commission.</p>"
    "<p>They also exchanged views on regional security and agreed to hold political consultations "
    "in Ashgabat later this year, according to the statement.</p>"
)
PARAS = [
    "BAKU, Azerbaijan, March 30. Foreign Minister Jeyhun Bayramov met with his Turkmen counterpart "
    "Rashid Meredov in Baku on Monday, the ministry said in a statement.",
    "The sides discussed trade, energy and transport links across the Caspian Sea, as well as the "
    "preparations for the next session of the intergovernmental commission.",
    "They also exchanged views on regional security and agreed to hold political consultations "
    "in Ashgabat later this year, according to the statement.",
]
URL = "https://example.az/en/news/123"


def page(head: str = "", body: str = BODY, *, lang: str = "en", before: str = "", after: str = "") -> str:
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>'
        f'<div class="menu"><a href="/">Home</a> <a href="/world">World</a></div>{before}'
        f'<div class="article-text">{body}</div>{after}'
        '<div class="sidebar"><h3>Latest news</h3><p><a href="/n/1">Another headline about Azerbaijan</a> '
        '<span class="date">26/11/2025</span></p></div></body></html>'
    )


# ------------------------------------------------------------------------- body
def test_plain_page_body_is_the_paragraphs() -> None:
    art = extract(page(), URL)
    assert art.text == "\n\n".join(PARAS)
    assert "Latest news" not in art.text and "Home" not in art.text


def test_inline_read_also_lines_are_dropped() -> None:
    body = (
        BODY[: BODY.index("<p>The sides")]
        + '<p><strong>Read also:</strong> <a href="/x">Azerbaijan and Georgia sign energy deal</a></p>'
        + "<p>Читайте также: Президент принял послов</p>"
        + '<p>Also read - <a href="/y">Caspian summit ends</a></p>'
        + "<p>See also: Baku hosts forum</p>"
        + BODY[BODY.index("<p>The sides") :]
    )
    art = extract(page(body=body), URL)
    assert art.text == "\n\n".join(PARAS)
    for junk in ("Read also", "Читайте также", "Also read", "See also", "energy deal", "Caspian summit ends"):
        assert junk not in art.text


def test_read_also_after_a_line_break_inside_a_paragraph() -> None:
    body = BODY.replace(
        "in a statement.</p>", 'in a statement.<br><br>Read also: <a href="/z">Other news of the day</a></p>'
    )
    art = extract(page(body=body), URL)
    assert art.text == "\n\n".join(PARAS)


def test_read_also_glued_to_the_end_of_a_paragraph() -> None:
    body = BODY.replace(
        "in a statement.</p>", 'in a statement. <b>Read also:</b> <a href="/z">Other news of the day</a></p>'
    )
    art = extract(page(body=body), URL)
    assert art.text == "\n\n".join(PARAS)


def test_ad_div_inside_paragraph_is_dropped_and_text_kept() -> None:
    body = BODY.replace(
        "in a statement.</p>",
        'in a statement.<div class="int_scr_inf" id="adfox_1527">Advertisement</div></p>'
        '<div class="banner"><a href="/ad">Buy tickets now</a></div>',
    )
    art = extract(page(body=body), URL)
    assert art.text == "\n\n".join(PARAS)
    assert "Advertisement" not in art.text and "Buy tickets" not in art.text


def test_title_is_not_repeated_as_first_body_line() -> None:
    title = "Bayramov meets Meredov in Baku"
    art = extract(page(head=f"<title>{title} | Example News</title>", body=f"<h1>{title}</h1>{BODY}"), URL)
    assert art.title == title
    assert art.text == "\n\n".join(PARAS)


def test_share_and_related_blocks_never_reach_the_body() -> None:
    after = (
        '<div class="share-buttons"><a href="#">Facebook</a><a href="#">Twitter</a></div>'
        '<div class="related-news"><h3>Related news</h3><p>Azerbaijan, Turkmenistan discuss cooperation in '
        "energy sector, with a long enough teaser text to look like a paragraph.</p></div>"
    )
    art = extract(page(after=after), URL)
    assert art.text == "\n\n".join(PARAS)


def test_per_source_selectors_and_drop() -> None:
    body = BODY + '<p class="promo-line">Subscribe to our channel for more</p>'
    sel = Selectors(body="div.article-text", drop=("p.promo-line",))
    art = extract(page(body=body), URL, selectors=sel)
    assert art.text == "\n\n".join(PARAS)


def test_empty_selector_match_falls_back_to_generic() -> None:
    art = extract(page(), URL, selectors=Selectors(body="div.does-not-exist"))
    assert art.text == "\n\n".join(PARAS)


def test_json_ld_article_body_used_when_the_markup_hides_the_text() -> None:
    ld = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
        '"headline": "Ministers meet", "datePublished": "2026-03-30T12:15:00+04:00", '
        '"articleBody": "' + "\\n".join(PARAS) + '"}</script>'
    )
    art = extract(page(head=ld, body="<p>Loading…</p>"), URL)
    assert art.title == "Ministers meet"
    assert art.published == datetime(2026, 3, 30, 12, 15, tzinfo=timezone(timedelta(hours=4)))
    assert art.text == "\n\n".join(PARAS)


# --------------------------------------------------------------------- metadata
def test_json_ld_only_metadata() -> None:
    ld = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
        '{"@type": "WebSite", "name": "Example"},'
        '{"@type": ["NewsArticle"], "headline": "Bayramov and Meredov meet", '
        '"datePublished": "2026-03-30T09:05:00Z", "inLanguage": "en"}]}</script>'
    )
    html = page(head=ld).replace('<html lang="en">', "<html>")
    art = extract(html, URL)
    assert art.title == "Bayramov and Meredov meet"
    assert art.published == datetime(2026, 3, 30, 9, 5, tzinfo=UTC)
    assert art.language == "en"


def test_meta_only_metadata() -> None:
    head = (
        '<meta property="og:title" content="  Meeting   in Baku  ">'
        '<meta property="og:url" content="https://example.az/en/news/123-meeting">'
        '<meta property="og:locale" content="ru_RU">'
        '<meta itemprop="datePublished" content="2026-03-30T14:00:00+04:00">'
    )
    art = extract(page(head=head).replace('<html lang="en">', "<html>"), URL + "?utm=1")
    assert art.title == "Meeting in Baku"
    assert art.canonical_url == "https://example.az/en/news/123-meeting"
    assert art.language == "ru"
    assert art.published is not None and art.published.isoformat() == "2026-03-30T14:00:00+04:00"


def test_time_element_only_with_source_timezone() -> None:
    before = '<h1>Ministers meet</h1><div class="byline"><time datetime="2026-03-30T16:20">16:20</time></div>'
    art = extract(page(before=before), URL, timezone="Asia/Baku")
    assert art.title == "Ministers meet"
    assert art.published == datetime(2026, 3, 30, 16, 20, tzinfo=ZoneInfo("Asia/Baku"))


def test_time_element_only_without_timezone_is_naive() -> None:
    before = '<h1>Ministers meet</h1><time datetime="2026-03-30T16:20">16:20</time>'
    art = extract(page(before=before), URL)
    assert art.published == datetime(2026, 3, 30, 16, 20)
    assert art.published.tzinfo is None


def test_visible_russian_date_and_not_the_header_ticker() -> None:
    before = (
        '<div class="top-rates">Курсы валют 26/11/2025: USD 1.70</div>'
        '<h1>Министры встретились в Баку</h1><div class="date_public_art">1 Декабря 2020 14:02</div>'
    )
    art = extract(page(before=before, lang="ru"), URL, timezone="Asia/Baku")
    assert art.published == datetime(2020, 12, 1, 14, 2, tzinfo=ZoneInfo("Asia/Baku"))


def test_page_clock_far_above_the_title_is_not_a_date() -> None:
    before = (
        '<div class="site-top"><div class="inner"><span class="date">26.11.2025 09:00</span></div></div>'
        '<div class="wrap"><div class="col"><div class="box"><h1>Ministers meet</h1></div></div></div>'
    )
    art = extract(page(before=before), URL)
    assert art.published is None


def test_date_just_above_the_title_is_its_byline() -> None:
    before = (
        '<div class="site-top"><span class="date">26.11.2025 09:00</span></div>'
        '<table><tr><td class="date">07.03.2026</td></tr>'
        '<tr><td class="title"><h1>Ministers meet</h1></td></tr></table>'
    )
    art = extract(page(before=before), URL, timezone="Asia/Ashgabat")
    assert art.published == datetime(2026, 3, 7, tzinfo=ZoneInfo("Asia/Ashgabat"))


def test_sidebar_date_is_never_the_publication_date() -> None:
    art = extract(page(before="<h1>Ministers meet</h1>"), URL)
    # the only visible date sits in the "Latest news" sidebar; htmldate finds nothing either
    assert art.published is None


def test_visible_utc_offset_is_kept() -> None:
    before = '<h1>Ministers meet</h1><p class="date">6 Dekabr 2025 15:49 (UTC +04:00)</p>'
    art = extract(page(before=before), URL, timezone="Europe/Moscow")
    assert art.published is not None and art.published.isoformat() == "2025-12-06T15:49:00+04:00"


def test_bad_timezone_argument_is_ignored() -> None:
    head = '<meta property="article:published_time" content="2026-03-30T10:00:00">'
    art = extract(page(head=head), URL, timezone="Mars/Olympus_Mons")
    assert art.published == datetime(2026, 3, 30, 10, 0)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "Meeting with President of Azerbaijan Ilham Aliyev • President of Russia",
            "Meeting with President of Azerbaijan Ilham Aliyev",
        ),
        ("Baku and Ashgabat discuss trade | News", "Baku and Ashgabat discuss trade"),
        (
            "Azerbaijan - Turkmenistan: a new chapter in relations",
            "Azerbaijan - Turkmenistan: a new chapter in relations",
        ),
    ],
)
def test_title_from_title_tag_loses_the_site_suffix(raw: str, expected: str) -> None:
    art = extract(f"<html><head><title>{raw}</title></head><body>{BODY}</body></html>", URL)
    assert art.title == expected


def test_canonical_variants() -> None:
    link = extract(page(head='<link rel="canonical" href="/en/news/123-slug#top">'), URL)
    assert link.canonical_url == "https://example.az/en/news/123-slug"
    meta_name = extract(page(head='<meta name="canonical" content="https://example.az/c/1">'), URL)
    assert meta_name.canonical_url == "https://example.az/c/1"
    mirror = extract(
        page(
            head='<link rel="canonical" href="../60384.html"><meta property="og:url" content="http://en.kremlin.ru/d/1">'
        ),
        "http://en.kremlin.ru/events/president/news/60384/print",
    )
    assert mirror.canonical_url == "http://en.kremlin.ru/d/1"
    nothing = extract(page(), URL)
    assert nothing.canonical_url is None


def test_language_guess_when_the_page_says_nothing() -> None:
    ru = "<p>" + "Министр иностранных дел встретился с послом в Баку и обсудил сотрудничество. " * 5 + "</p>"
    assert extract(f"<html><body>{ru}</body></html>", URL).language == "ru"
    assert extract(f"<html><body>{BODY}</body></html>", URL).language == "en"
    assert extract(f"<html><body>{BODY}</body></html>", URL, language="az").language == "az"


# --------------------------------------------------------------------- encodings
def test_windows_1251_bytes_with_meta_charset() -> None:
    one = "Министр иностранных дел Азербайджана встретился с коллегой из Туркменистана в Баку, сообщает МИД."
    two = "Стороны обсудили торговлю, энергетику и транспорт, а также подготовку заседания комиссии."
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        "<title>Встреча министров</title></head><body>"
        f"<div><p>{one}</p><p>{two}</p></div></body></html>"
    ).encode("cp1251")
    art = extract(html, URL)
    assert art.title == "Встреча министров"
    assert art.text == f"{one}\n\n{two}"
    assert art.language == "ru"


def test_utf8_bytes_mislabelled_as_cp1251_are_read_as_utf8() -> None:
    html = (
        '<html><head><meta charset="windows-1251"><title>Встреча</title></head><body><p>Текст</p></body></html>'
    ).encode()
    assert extract(html, URL).title == "Встреча"


def test_xml_declaration_and_bom() -> None:
    html = b'\xef\xbb\xbf<?xml version="1.0" encoding="utf-8"?><html><head><title>T\xc3\xa9st</title></head></html>'
    assert extract(html, URL).title == "Tést"


# ----------------------------------------------------------------------- garbage
@pytest.mark.parametrize(
    "junk",
    [
        b"",
        "",
        "   ",
        b"\x00\x01\x02\xff\xfe",
        "<html><body><p>unclosed <b>tags <div>",
        "<<<>>>",
        b"\x89PNG\r\n\x1a\n",
        "\ud800 lone surrogate",
        "<html>" * 5000,
        "<!-- only a comment -->",
    ],
)
def test_garbage_gives_an_empty_article(junk: str | bytes) -> None:
    art = extract(junk, URL)
    assert art.url == URL
    assert art.published is None
    assert len(art.text) < 40


def test_unclosed_tags_still_give_the_text() -> None:
    art = extract("<html><body><div><p>" + PARAS[0] + "<p>" + PARAS[1], URL)
    assert art.text == PARAS[0] + "\n\n" + PARAS[1]


def test_site_page_helper_skips_when_the_file_is_absent() -> None:
    with pytest.raises(pytest.skip.Exception, match="absent"):
        site_page("no-such-site/page.html")


def test_threads_give_the_same_articles_as_one_thread() -> None:
    from concurrent.futures import ThreadPoolExecutor

    pages = [page(head=f"<title>Story {i} | Site</title>") for i in range(24)]
    alone = [extract(p, URL) for p in pages]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda p: extract(p, URL), pages))
    assert together == alone
    assert [a.title for a in together] == [f"Story {i}" for i in range(24)]
