"""Pure helpers of the fetcher: Retry-After, charset sniffing, challenge detection."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import assume, given
from hypothesis import strategies as st

from scraper.fetch import decode_body, detect_challenge, parse_retry_after, redact, sniff_declared

NOW = datetime(2026, 2, 27, 12, 0, 0, tzinfo=UTC)


def test_retry_after_forms() -> None:
    assert parse_retry_after("120", NOW) == 120.0
    assert parse_retry_after(" 0 ", NOW) == 0.0
    assert parse_retry_after("Fri, 27 Feb 2026 12:01:30 GMT", NOW) == 90.0
    assert parse_retry_after("Fri, 27 Feb 2026 11:00:00 GMT", NOW) == 0.0  # in the past: now
    assert parse_retry_after("soon", NOW) is None
    assert parse_retry_after("-5", NOW) is None
    assert parse_retry_after(None, NOW) is None


@given(st.text(max_size=60))
def test_retry_after_never_raises(value: str) -> None:
    result = parse_retry_after(value, NOW)
    assert result is None or result >= 0


@given(st.binary(max_size=3000), st.one_of(st.none(), st.text(max_size=80)))
def test_decode_body_never_raises(content: bytes, content_type: str | None) -> None:
    text, encoding = decode_body(content, content_type)
    assert isinstance(text, str)
    assert encoding is None or isinstance(encoding, str)


@given(st.text(max_size=500))
def test_utf8_round_trips_whatever_the_label(text: str) -> None:
    for label in ("text/html; charset=utf-8", "text/html; charset=windows-1251", "text/html", None):
        assert decode_body(text.encode("utf-8"), label)[0] == text


@given(st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯ ,.", max_size=300))
def test_declared_cp1251_round_trips(text: str) -> None:
    raw = text.encode("cp1251")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        # bytes that are also valid UTF-8 are read as a mislabelled UTF-8 page, by design
        # ("Вё" is C2 B8); real cp1251 Russian text is practically never valid UTF-8
        assume(raw.isascii())
    assert decode_body(raw, "text/html; charset=windows-1251")[0] == text


def test_cp1251_that_is_also_valid_utf8_is_read_as_utf8() -> None:
    raw = "Вё".encode("cp1251")
    assert decode_body(raw, "text/html; charset=windows-1251") == ("\u00b8", "utf-8")


def test_sniff_declared() -> None:
    assert sniff_declared(b'<?xml version="1.0" encoding="windows-1251"?><rss/>') == "cp1251"
    assert sniff_declared(b"<html><head><meta charset=koi8-r>") == "koi8-r"
    assert sniff_declared(b'<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">') == "utf-8"
    assert sniff_declared(b"<meta charset=nonsense-charset>") is None
    assert sniff_declared(b" " * 5000 + b"<meta charset=koi8-r>") is None  # only the first few KB count


def test_latin1_label_means_windows_1252() -> None:
    text, encoding = decode_body("naïve “quotes”".encode("cp1252"), "text/html; charset=ISO-8859-1")
    assert text == "naïve “quotes”" and encoding == "cp1252"


def test_challenge_detection() -> None:
    assert detect_challenge(200, {}, "<title>Just a moment...</title>") == "cloudflare challenge"
    assert detect_challenge(200, {"cf-mitigated": "challenge"}, "") is not None
    assert detect_challenge(503, {}, "<p>Checking your browser before accessing example.org</p>") == "browser check"
    assert detect_challenge(200, {}, "<script>bobcmn</script>Data processing... Please, wait.") is not None
    assert detect_challenge(200, {}, "<noscript>Please enable JavaScript to view</noscript>") is not None
    assert detect_challenge(403, {}, "<form>Please solve the CAPTCHA</form>") == "captcha"


def test_real_pages_are_not_challenges() -> None:
    article = (
        "<html><head><title>Minister met counterpart</title></head><body>"
        + "<p>The minister said: just a moment of history. Checking your browser settings helps.</p>" * 400
        + "<script>if (x) { window.location = '/amp'; }</script></body></html>"
    )
    assert detect_challenge(200, {}, article) is None
    assert detect_challenge(200, {}, "<html><body><p>" + "Short news item. " * 40 + "</p></body></html>") is None
    assert detect_challenge(403, {}, "<h1>Forbidden</h1>") is None
    assert detect_challenge(200, {}, '{"items": []}') is None
    assert detect_challenge(200, {}, "<p>Meeting location = Baku</p>") is None  # not inside a script
    tiny_feed = "<rss><channel><item><title>x</title><script>location='/x'</script></item></channel></rss>"
    assert detect_challenge(200, {"content-type": "application/rss+xml"}, tiny_feed) is None


def test_redact() -> None:
    assert redact("https://user:secret@example.com/a?b=1") == "https://example.com/a?b=1"
    assert redact("https://example.com/a") == "https://example.com/a"


def test_cp1251_text_that_starts_like_a_utf16_bom_is_cp1251() -> None:
    raw = "юя и ещё".encode("cp1251")  # FE FF ...: the bytes of a UTF-16 BOM, without NULs after it
    assert decode_body(raw, "text/html; charset=windows-1251") == ("юя и ещё", "cp1251")
    wide = "\ufeff<p>hi</p>".encode("utf-16-be")
    assert decode_body(wide, None)[0] == "<p>hi</p>"
