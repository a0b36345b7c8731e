"""The packaged catalog (config/sources.toml) loads and its URL rules fit the real sites.

The example URLs are the article and listing URLs that ../shared/research/sites.md and the
dev set (tests/data/eval) give for each site. A pattern that misses a real article URL
silently starves a source; one that matches a listing URL makes the crawler parse an index
page as an article — both are caught here rather than in production.
"""

from __future__ import annotations

import re

import pytest

from config.catalog import FIELD_NAMES_FOR_EVIDENCE, Catalog, Source, load_catalog

LANGUAGES = {"en", "ru", "az", "tk", "tr"}
TIMEZONES = {"Asia/Baku", "Asia/Ashgabat", "Europe/Moscow", "Europe/Istanbul"}

# source name -> article URLs that must be accepted.  "(shape)" marks a URL built from a
# template that sites.md gives without a concrete id; the rest are real URLs.
ARTICLES: dict[str, list[str]] = {
    "mfa_gov_az_en": ["https://mfa.gov.az/en/news/no07226", "https://www.mfa.gov.az/en/news/no07226"],
    "mfa_gov_az_ru": ["https://mfa.gov.az/ru/news/no07226"],  # (shape)
    "president_az_en": [
        "https://president.az/en/articles/view/58371",
        "https://president.az/en/articles/view/69239",
    ],
    "president_az_ru": ["https://president.az/ru/articles/view/69239"],  # (shape)
    "report_az_en": [
        "https://report.az/en/foreign-politics/baku-and-ashgabat-discuss-expanding-trade-and-economic-cooperation",
        "https://report.az/en/energy/12-countries-signed-joint-declaration-of-iii-ministerial-meeting-of-southern-gas-corridor-advisory-c/",
        "https://report.az/en/cultural-policy/azerbaijan-hosts-opening-ceremony-of-turkmenistan-culture-days",
    ],
    "report_az_ru": [
        "https://report.az/ru/vneshnyaya-politika/dzhejhun-bajramov-vstretilsya-s-zamministra-inostrannyh-del-turkmenistana",
    ],
    "trend_az_en": [
        "https://en.trend.az/azerbaijan/politics/4126680.html",
        "https://en.trend.az/azerbaijan/politics/3328467.html",
        "https://en.trend.az/azerbaijan/business/3550717.html",
        "https://en.trend.az/casia/kyrgyzstan/3555557.html",
    ],
    "trend_az_ru": [
        "https://www.trend.az/azerbaijan/politics/4158624.html",
        "https://ru.trend.az/azerbaijan/politics/4104469.html",
        "https://www.trend.az/casia/uzbekistan/3749719.html",
    ],
    "apa_az_en": [
        "https://apa.az/en/foreign-policy/azerbaijani-georgian-fms-held-meeting-441231",
        "https://en.apa.az/foreign-policy/azerbaijani-georgian-fms-held-meeting-441231",
    ],
    "apa_az_ru": ["https://apa.az/ru/foreign-policy/glavy-mid-vstretilis-441231"],  # (shape)
    "azertag_az_en": [
        "https://azertag.az/en/xeber/x-4422279",
        "https://azertag.az/en/xeber/Azerbaijani_Hungarian_FMs_meet_in_Baku-1540069",
        "https://azertag.az/en/xeber/azerbaijan_hungary_explore_prospects_for_cooperation-3806079",
        "https://azertag.az/en/xeber/president_of_azerbaijan_ilham_aliyev_met_with_chairman_of_halk_maslahaty_of_turkmenistan_gurbanguly_berdimuhamedov-3659655",
    ],
    "azertag_az_ru": ["https://azertag.az/ru/xeber/x-4422279"],  # (shape)
    "mfa_gov_tm_en": ["https://www.mfa.gov.tm/en/news/1614"],  # (shape, from the embassy sites)
    "mfa_gov_tm_ru": ["https://mfa.gov.tm/ru/news/86761"],  # (shape, from the embassy sites)
    "tdh_gov_tm_ru": [
        "https://tdh.gov.tm/ru/post/41915/turkmenistan-iran-ocherednoj-vazhnyj-shag-na-puti-ukrepleniya-mezhgosudarstvennogo-dialoga",
        "https://tdh.gov.tm/ru/post/49638/vstrecha-2",
    ],
    "tdh_gov_tm_en": ["https://tdh.gov.tm/en/post/49640/meeting-at-the-mfa"],  # (shape)
    "turkmenistan_gov_tm_en": [
        "https://turkmenistan.gov.tm/en/post/54809/tamdyr-national-bakery-traditions",
        "https://turkmenistan.gov.tm/en/post/11532/delegation-of-the-foreign-ministry-pays-working-visit-to-baku",
    ],
    "turkmenistan_gov_tm_ru": ["https://turkmenistan.gov.tm/ru/post/65371/shampinony-ot-tiz-hyzmat"],
    "turkmenportal_ru": [
        "https://turkmenportal.com/ru/news/81234-vstrecha-v-mid",  # (shape: /ru/news/<id>-<slug>)
        "https://turkmenportal.com/blog/35513/serdar-berdymuhamedov-primet-uchastie-v-peregovorah-v-moskve",
    ],
    "turkmenportal_en": ["https://turkmenportal.com/en/blog/68287/turkmenistan-and-azerbaijan-hold-talks"],
    "orient_tm_ru": [
        "https://www.orient.tm/ru/post/93655/prezident-turcii-redzhep-tajip-erdogan-pribyl-v-ashhabad",
        "https://orient.tm/ru/post/45375/vstrecha",
        "https://orient.tm/ru/posts/93655",  # (shape: /{lang}/posts/, id = last segment)
    ],
    "orient_tm_en": ["https://orient.tm/en/posts/93656"],  # (shape)
    "mid_ru_ru": [
        "https://mid.ru/ru/foreign_policy/news/1867466/",
        "https://www.mid.ru/ru/press_service/news/2002637/",
        "https://mid.ru/ru/foreign_policy/news/2050001/",
    ],
    "mid_ru_en": ["https://mid.ru/en/foreign_policy/news/2002637/"],  # (shape)
    "kremlin_ru": [
        "http://kremlin.ru/events/president/news/73585",  # (shape: /events/president/news/<id>)
        "http://kremlin.ru/events/president/transcripts/73586",
    ],
    "kremlin_en": ["http://en.kremlin.ru/events/president/news/73585"],  # (shape)
    "mfa_gov_tr_en": [
        "https://www.mfa.gov.tr/sayin-bakanimizin-turkmenistan-ziyareti-11-10-2023-askabat.en.mfa",
    ],
}

# source name -> URLs that are NOT articles of that source (besides its own listings).
NOT_ARTICLES: dict[str, list[str]] = {
    "mfa_gov_az_en": ["https://mfa.gov.az/en/news", "https://pretoria.mfa.gov.az/en/news/no07226"],
    "president_az_en": [
        "https://president.az/en/articles/view/69239/print",
        "https://president.az/ru/articles/view/69239",
    ],
    "report_az_en": [
        "https://report.az/en/amp/ict/some-story",
        "https://report.az/en/latest-news/",
        "https://report.az/ru/vneshnyaya-politika/dzhejhun-bajramov",
    ],
    "trend_az_en": [
        "https://en.trend.az/azerbaijan/politics/",
        "https://www.trend.az/azerbaijan/politics/4158624.html",
    ],
    "trend_az_ru": ["https://en.trend.az/azerbaijan/politics/4126680.html"],
    "apa_az_en": ["https://apa.az/en/rates", "https://apa.az/en/weather-forecast", "https://apa.az/en/rss"],
    "azertag_az_en": ["https://azertag.az/en/xeber", "https://azertag.az/en/rss-all"],
    "mfa_gov_tm_en": ["https://mfa.gov.tm/en/articles/57", "https://mfa.gov.tm/en/missions-abroad"],
    "tdh_gov_tm_ru": ["https://tdh.gov.tm/ru/category/politika", "https://tdh.gov.tm/ru/archive"],
    "turkmenportal_ru": [
        "https://turkmenportal.com/ru/news/category/5-politika",
        "https://turkmenportal.com/rss/tm",
    ],
    "orient_tm_ru": ["https://orient.tm/ru/news/events", "https://orient.tm/en/post/93655/x"],
    "mid_ru_ru": ["https://mid.ru/ru/foreign_policy/news/", "https://mid.ru/ru/rss.php"],
    "kremlin_ru": [
        "http://kremlin.ru/events/president/news/by-date/27.02.2026",
        "http://kremlin.ru/events/all/feed/",
        "http://kremlin.ru/search?query=x",
    ],
    "kremlin_en": ["http://en.kremlin.ru/events/president/news/73585/print"],
    "mfa_gov_tr_en": [
        "https://www.mfa.gov.tr/sub.en.mfa?7342a8d1-3117-42aa-8ddd-01adb5653889",
        "https://www.mfa.gov.tr/rss.en.mfa",
        "https://www.mfa.gov.tr/en.rss.mfa?ad9093da-8e71-4678-a1b6-05f297baadc4",
    ],
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def test_packaged_catalog_loads_with_enough_sources(catalog: Catalog) -> None:
    assert len(catalog) >= 14
    assert len(catalog.enabled) >= 12


def test_names_unique_and_every_source_has_examples(catalog: Catalog) -> None:
    names = [s.name for s in catalog]
    assert len(names) == len(set(names))
    # every packaged source is covered by the example table below, and vice versa
    assert set(names) == set(ARTICLES)
    assert set(NOT_ARTICLES) <= set(names)


def test_both_languages_where_the_site_has_them(catalog: Catalog) -> None:
    by_outlet: dict[str, set[str]] = {}
    for s in catalog:
        by_outlet.setdefault(s.outlet, set()).add(s.language)
    for outlet, languages in by_outlet.items():
        if outlet != "mfa.gov.tr":  # English only in this catalog
            assert {"en", "ru"} <= languages, outlet


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_source_fields(catalog: Catalog, name: str) -> None:
    s = catalog.get(name)
    assert s.language in LANGUAGES
    assert s.timezone in TIMEZONES
    assert 2.0 <= s.delay <= 5.0
    assert 15 * 60 <= s.interval <= 3 * 3600
    assert s.notes.strip()
    assert all("{page}" in url for url in s.listings)
    assert s.feeds or s.listings or s.sitemaps
    if not s.enabled:
        assert "DISABLED" in s.notes


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_verified_and_guessed_cover_what_the_source_declares(catalog: Catalog, name: str) -> None:
    s = catalog.get(name)
    declared = {
        "feeds": bool(s.feeds),
        "sitemaps": bool(s.sitemaps),
        "listings": bool(s.listings),
        "article_pattern": True,
        "selectors": s.selectors.title is not None or s.selectors.body is not None,
    }
    assert set(declared) == FIELD_NAMES_FOR_EVIDENCE
    present = {key for key, there in declared.items() if there}
    assert not set(s.verified) & set(s.guessed), "a field is either verified or guessed"
    assert set(s.verified) | set(s.guessed) == present


def _listing_urls(s: Source) -> list[str]:
    return [url.replace("{page}", str(n)) for url in s.listings for n in (1, 2, 37)]


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_article_pattern_accepts_the_sites_article_urls(catalog: Catalog, name: str) -> None:
    s = catalog.get(name)
    for url in ARTICLES[name]:
        assert s.is_article_url(url), f"{name}: {s.article_pattern!r} misses {url}"


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_article_pattern_rejects_listings_feeds_and_other_pages(catalog: Catalog, name: str) -> None:
    s = catalog.get(name)
    for url in [*_listing_urls(s), *s.feeds, *s.sitemaps, *NOT_ARTICLES.get(name, [])]:
        assert not s.is_article_url(url), f"{name}: {s.article_pattern!r} accepts non-article {url}"


def test_article_patterns_do_not_claim_other_sites_articles(catalog: Catalog) -> None:
    """Each real example URL belongs to exactly one source of the right outlet."""
    for owner, urls in ARTICLES.items():
        for url in urls:
            claimants = [s.name for s in catalog if re.search(s.article_pattern, url)]
            assert claimants == [owner], f"{url} claimed by {claimants}"
