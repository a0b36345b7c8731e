"""Property tests: extract never raises on arbitrary text or bytes, and is deterministic."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scraper.article import Article
from scraper.extract import extract

TAGS = ["p", "div", "article", "main", "aside", "nav", "time", "h1", "title", "script", "br", "a", "span", "table"]


@st.composite
def html_soup(draw: st.DrawFn) -> str:
    """Tag soup: random open/close tags, attributes that our rules read, and text."""
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 40))):
        kind = draw(st.integers(0, 4))
        tag = draw(st.sampled_from(TAGS))
        if kind == 0:
            attr = draw(
                st.sampled_from(
                    [
                        'class="sidebar"',
                        'itemprop="articleBody"',
                        'datetime="2020-13-45T99:99"',
                        'class="date"',
                        'lang="ru"',
                        'rel="canonical" href="::bad"',
                        "hidden",
                        "",
                    ]
                )
            )
            parts.append(f"<{tag} {attr}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        elif kind == 2:
            parts.append(draw(st.text(max_size=80)))
        elif kind == 3:
            parts.append(
                draw(st.sampled_from(["1 Декабря 2020 14:02", "09.09.2026", "Read also: x", "&amp;&#0;&#xD800;"]))
            )
        else:
            parts.append('<script type="application/ld+json">' + draw(st.text(max_size=60)) + "</script>")
    return "".join(parts)


FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.text(max_size=2000))
def test_never_raises_on_text(data: str) -> None:
    first = extract(data, "https://example.org/a")
    assert isinstance(first, Article)
    assert extract(data, "https://example.org/a") == first


@FAST
@given(st.binary(max_size=2000))
def test_never_raises_on_bytes(data: bytes) -> None:
    first = extract(data, "https://example.org/a", language="ru", timezone="Asia/Baku")
    assert isinstance(first, Article)
    assert extract(data, "https://example.org/a", language="ru", timezone="Asia/Baku") == first


@FAST
@given(html_soup())
def test_never_raises_on_tag_soup(page: str) -> None:
    first = extract(page, "https://example.org/a", timezone="Europe/Moscow")
    assert isinstance(first.text, str) and isinstance(first.title, str)
    assert "\n\n\n" not in first.text
    assert first.published is None or first.published.tzinfo is not None  # a zone was given
    assert extract(page, "https://example.org/a", timezone="Europe/Moscow") == first
