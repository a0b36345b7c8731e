"""Real saved pages of target sites (../shared/sites): title, date and zone, canonical, body.

Skipped, saying why, on a clone without ../shared. What each page holds is described in
../shared/sites/README.md.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from config.catalog import Selectors
from scraper.extract import extract

from .conftest import site_page

pytestmark = pytest.mark.shared

KREMLIN_60384 = "http://en.kremlin.ru/events/president/news/60384"
TDH_URL = "https://tdh.gov.tm/ru/post/49638/prezident-turkmenistana-pozdravil-prezidenta-respubliki-tadzhikistan-9"
NEWSAZ_URL = (
    "https://www.news.az/news/azerbaijan-launches-counteroffensive-to-restore-its-territorial-integrity-pakistani-envoy"
)
INFORM_URL = "https://www.inform.kz/ru/polnost-yu-obespechit-region-myasom-pticy-namereny-v-sko_a3725092"


def test_kremlin_meeting_page() -> None:
    art = extract(
        site_page("kremlin.ru/en-article-2019-04-26-meeting-aliyev-60384.html"), KREMLIN_60384, timezone="Europe/Moscow"
    )
    assert art.title == "Meeting with President of Azerbaijan Ilham Aliyev"
    # <time datetime="2019-04-26"> holds the day only; "April 26, 2019, 10:45" gives the time, in Moscow
    assert art.published == datetime(2019, 4, 26, 10, 45, tzinfo=ZoneInfo("Europe/Moscow"))
    assert art.published.utcoffset() == timedelta(hours=3)
    # the wget mirror left <link rel="canonical" href="60384.html">; og:url has the real address
    assert art.canonical_url == KREMLIN_60384
    assert art.language == "en"
    paragraphs = art.text.split("\n\n")
    assert paragraphs[0] == "Vladimir Putin met with President of the Republic of Azerbaijan Ilham Aliyev."
    assert paragraphs[1].startswith("President of Russia Vladimir Putin: I am very happy to see you.")
    assert paragraphs[-1].endswith("something we will discuss today as well, I believe.")
    for furniture in ("See also", "Belt and Road Forum", "Geography", "Publication date", "Direct link", "Share"):
        assert furniture not in art.text
    assert not art.text.startswith(art.title)


def test_kremlin_print_view_gives_the_same_article() -> None:
    normal = extract(
        site_page("kremlin.ru/en-article-2019-04-26-meeting-aliyev-60384.html"), KREMLIN_60384, timezone="Europe/Moscow"
    )
    printed = extract(
        site_page("kremlin.ru/en-article-print-2019-04-26-meeting-aliyev-60384.html"),
        KREMLIN_60384 + "/print",
        timezone="Europe/Moscow",
    )
    assert printed.canonical_url == normal.canonical_url == KREMLIN_60384
    assert printed.text == normal.text
    assert printed.title == normal.title
    assert printed.published == normal.published


def test_kremlin_person_tooltips_are_stripped_but_names_kept() -> None:
    art = extract(
        site_page("kremlin.ru/en-article-2020-08-12-phone-call-aliyev-63884.html"),
        "http://en.kremlin.ru/events/president/news/63884",
        timezone="Europe/Moscow",
    )
    assert "Vladimir Putin and Ilham Aliyev discussed topical matters" in art.text
    assert "Aliyev Ilham" not in art.text  # the hidden tooltip's title
    assert "President of Azerbaijan" not in art.text.split("Ilham Aliyev discussed")[0][-40:]
    assert art.published == datetime(2020, 8, 12, 23, 10, tzinfo=ZoneInfo("Europe/Moscow"))
    assert art.canonical_url == "http://en.kremlin.ru/events/president/news/63884"


def test_kremlin_with_catalog_selectors_still_drops_tooltips_and_see_also() -> None:
    sel = Selectors(title="h1.entry-title", body="div.entry-content", published="time.read__published")
    art = extract(
        site_page("kremlin.ru/en-article-2017-11-01-russia-iran-azerbaijan-leaders-55983.html"),
        "http://en.kremlin.ru/events/president/news/55983",
        selectors=sel,
        timezone="Europe/Moscow",
    )
    assert art.text.startswith("Following the summit, the leaders of Russia, Iran and Azerbaijan adopted")
    assert "Vladimir Putin, Hassan Rouhani and Ilham Aliyev made press statements." in art.text
    for furniture in ("Rouhani Hassan", "President of Iran Hassan Rouhani and President", "See also"):
        assert furniture not in art.text
    assert art.published == datetime(2017, 11, 1, 19, 30, tzinfo=ZoneInfo("Europe/Moscow"))


def test_kremlin_four_calls_keep_every_linked_name() -> None:
    art = extract(
        site_page("kremlin.ru/en-article-2020-07-02-phone-calls-four-leaders-63590.html"),
        "http://en.kremlin.ru/events/president/news/63590",
    )
    first = art.text.split("\n\n")[0]
    for name in ("Ilham Aliyev", "Kassym-Jomart Tokayev", "Emomali Rahmon", "Shavkat Mirziyoyev"):
        assert name in first
    # without a timezone argument a page with no offset gives a naive wall-clock time
    assert art.published == datetime(2020, 7, 2, 12, 45)
    assert art.published.tzinfo is None


def test_tdh_article() -> None:
    art = extract(site_page("tdh.gov.tm/article-ru-2026-09-09-post-49638.html"), TDH_URL, timezone="Asia/Ashgabat")
    assert art.title == "Президент Туркменистана поздравил Президента Республики Таджикистан"
    # "09.09.2026" only: midnight of that day in the source's zone
    assert art.published == datetime(2026, 9, 9, tzinfo=ZoneInfo("Asia/Ashgabat"))
    assert art.published_date is not None and art.published_date.isoformat() == "2026-09-09"
    assert art.canonical_url == TDH_URL  # from <meta name="canonical">
    assert art.language == "ru"
    assert art.text.startswith("Президент Сердар Бердымухамедов от имени народа")
    assert art.text.endswith("мира, дальнейшего прогресса и процветания.")
    for sidebar in ("Последние новости", "Чрезвычайного и Полномочного Посла Франции", "Опубликовано", "Политика"):
        assert sidebar not in art.text


def test_tdh_with_catalog_selectors() -> None:
    sel = Selectors(
        title="div.news_page-title", body="div.news_page-text", published="div.publish_date span:last-child"
    )
    art = extract(site_page("tdh.gov.tm/article-ru-2026-09-09-post-49638.html"), TDH_URL, selectors=sel)
    assert art.title == "Президент Туркменистана поздравил Президента Республики Таджикистан"
    assert art.published == datetime(2026, 9, 9)
    assert art.text.count("\n\n") == 3  # the four <p> of the body, despite <p class="para_text"><p>…
    assert "Последние новости" not in art.text


def test_news_az_article() -> None:
    art = extract(site_page("news.az/article-en-2020-10-13.html"), NEWSAZ_URL, timezone="Asia/Baku")
    assert (
        art.title == "Azerbaijan launches counteroffensive to restore its territorial integrity, Pakistani envoy says"
    )
    # no meta date: the /time/2020-10-13 link and its "13 Oct 2020 18:29" title
    assert art.published == datetime(2020, 10, 13, 18, 29, tzinfo=ZoneInfo("Asia/Baku"))
    assert art.canonical_url == NEWSAZ_URL
    assert art.text.startswith("Azerbaijan has launched a counteroffensive to restore its territorial integrity")
    assert art.text.endswith("remains unfulfilled,” he concluded.")
    for furniture in (
        "You Might Also Like",
        "TuranBank",
        "Fake Telegram channel",
        "Continue Reading",
        "Nagorno-Karabakh\n",
    ):
        assert furniture not in art.text


def test_inform_kz_article() -> None:
    art = extract(site_page("inform.kz/article-ru-2020-12-01.html"), INFORM_URL, timezone="Asia/Almaty")
    assert art.title == "Полностью обеспечить регион мясом птицы намерены в СКО"
    # the page's own +06:00 wins over the zone passed in
    assert art.published is not None and art.published.isoformat() == "2020-12-01T14:02:00+06:00"
    assert art.canonical_url == INFORM_URL
    assert art.language == "ru"
    assert art.text.startswith("ПЕТРОПАВЛОВСК. КАЗИНФОРМ – Бройлерную птицефабрику")  # dateline kept
    assert art.text.endswith("- заявил М. Тасмаганбетов.")
    for furniture in ("Новости по теме", "День Первого Президента отмечают в ВКО", "Поделиться", "#Экономика", "Автор"):
        assert furniture not in art.text


def test_inform_kz_visible_date_without_meta() -> None:
    """The same page with its machine-readable dates removed: the byline, not the sidebar lenta."""
    page = site_page("inform.kz/article-ru-2020-12-01.html").decode("utf-8")
    for marker in ('"datePublished"', "article:published_time", "aiturec:datetime", '"dateModified"'):
        page = page.replace(marker, '"x-removed"')
    art = extract(page, INFORM_URL, timezone="Asia/Almaty")
    assert art.published == datetime(2020, 12, 1, 14, 2, tzinfo=ZoneInfo("Asia/Almaty"))


@pytest.mark.parametrize(
    "name",
    [
        "en-article-2017-10-02-russian-turkmenistani-talks-55747.html",
        "en-article-2017-11-01-russia-iran-azerbaijan-leaders-55983.html",
        "en-article-2018-09-01-talks-aliyev-58429.html",
    ],
)
def test_other_kremlin_articles(name: str) -> None:
    number = name.rsplit("-", 1)[1].removesuffix(".html")
    url = f"http://en.kremlin.ru/events/president/news/{number}"
    art = extract(site_page(f"kremlin.ru/{name}"), url, timezone="Europe/Moscow")
    assert art.canonical_url == url
    assert art.published is not None and art.published.isoformat().startswith(name[11:21])
    assert art.published.utcoffset() == timedelta(hours=3)
    assert len(art.text) > 300  # 55983 is a short report: lead + three paragraphs
    assert art.text.count("\n\n") >= 3
    for furniture in ("See also", "Publication status", "Rouhani Hassan", "Aliyev Ilham"):
        assert furniture not in art.text
