"""dedup.py: canonical URLs, content hashes, name folding and the meeting match rule."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scraper.meetings.model import KINDS, MeetingRecord, Participant
from storage import dedup
from storage.dedup import canonical_url, content_hash, decide, fold_name, same_meeting, same_person

# ------------------------------------------------------------------------------ URLs


@pytest.mark.parametrize(
    ("variant", "expected"),
    [
        ("HTTPS://Report.AZ:443/en/news/1/", "https://report.az/en/news/1"),
        ("http://report.az:80/en/news/1#comments", "http://report.az/en/news/1"),
        ("https://report.az/en/news/1?utm_source=tw&utm_medium=x&fbclid=abc", "https://report.az/en/news/1"),
        ("https://report.az/en/news/1?gclid=1&yclid=2&_ga=3&ref=home", "https://report.az/en/news/1"),
        ("https://report.az/amp/en/news/1", "https://report.az/en/news/1"),
        ("https://report.az/en/news/1/amp/", "https://report.az/en/news/1"),
        ("https://report.az/en/news/1/print", "https://report.az/en/news/1"),
        ("https://report.az/en/news/1?print=1", "https://report.az/en/news/1"),
        ("https://report.az/en/news?b=2&a=1", "https://report.az/en/news?a=1&b=2"),
        ("https://report.az//en//news/1", "https://report.az/en/news/1"),
        ("https://report.az", "https://report.az/"),
        ("https://report.az:8443/x", "https://report.az:8443/x"),
    ],
)
def test_canonical_url_examples(variant: str, expected: str) -> None:
    assert canonical_url(variant) == expected


def test_canonical_url_keeps_meaningful_query() -> None:
    assert canonical_url("https://mfa.gov.az/news.php?id=7") != canonical_url("https://mfa.gov.az/news.php?id=8")


segment = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=8).filter(
    lambda s: s not in ("amp", "print")
)
params = st.lists(
    st.tuples(st.text(alphabet="abcdefgh", min_size=1, max_size=4).filter(lambda k: k not in ("amp", "ref", "rss")),
              st.text(alphabet="xyz019", max_size=4)),
    max_size=4,
    unique_by=lambda kv: kv[0],
)


@st.composite
def urls(draw: st.DrawFn) -> tuple[str, list[tuple[str, str]]]:
    host = draw(st.sampled_from(["report.az", "Trend.AZ", "www.mfa.gov.tm", "127.0.0.1:8080"]))
    path = "/".join(draw(st.lists(segment, min_size=1, max_size=4)))
    return f"https://{host}/{path}", draw(params)


def _q(pairs: list[tuple[str, str]]) -> str:
    return "&".join(f"{k}={v}" for k, v in pairs)


@given(urls())
def test_canonical_url_is_idempotent(u: tuple[str, list[tuple[str, str]]]) -> None:
    base, query = u
    once = canonical_url(f"{base}?{_q(query)}")
    assert canonical_url(once) == once


@given(urls(), st.sampled_from(["utm_source=x", "fbclid=1", "gclid=z", "_ga=2", "utm_campaign=a"]), st.booleans())
def test_tracking_params_order_and_slash_do_not_matter(
    u: tuple[str, list[tuple[str, str]]], tracker: str, slash: bool
) -> None:
    base, query = u
    plain = canonical_url(f"{base}?{_q(query)}")
    key, value = tracker.split("=")
    noisy = canonical_url(f"{base}{'/' if slash else ''}?{_q([*reversed(query), (key, value)])}")
    assert noisy == plain
    assert canonical_url(f"{base}/amp?{_q(query)}#x") == plain


# ------------------------------------------------------------------------------ text


@given(st.lists(st.text(alphabet="abc дж.,", min_size=1, max_size=6), min_size=1, max_size=8),
       st.sampled_from([" ", "  ", "\n", "\n\n", "\t", " \n "]))
def test_content_hash_ignores_whitespace(words: list[str], sep: str) -> None:
    assert content_hash(sep.join(words)) == content_hash(" ".join(words))
    assert content_hash("  " + " ".join(words) + "\n") == content_hash(" ".join(words))


def test_content_hash_sees_real_changes() -> None:
    assert content_hash("Bayramov met Gurbanov.") != content_hash("Bayramov met Meredov.")


# ------------------------------------------------------------------------------ names


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Gurbanov", "Gurbanow"),
        ("Gurbanov", "Гурбанов"),
        ("Ahmet Gurbanov", "Ахмет Гурбанов"),
        ("Berdimuhamedov", "Бердымухамедов"),
        ("Gurbanguly Berdimuhamedov", "Гурбангулы Бердымухамедов"),
        ("Mammadov", "Мамедов"),
        ("Mammadov", "Mamedov"),
        ("Elmar Mammadyarov", "Эльмар Мамедъяров"),
        ("Jeyhun Bayramov", "Джейхун Байрамов"),
        ("Rashid Meredov", "Rashid Meredow"),
        ("Boglárka Illés", "Богларка Иллеш"),
        ("Fariz Rzayev", "Фариз Рзаев"),
        ("Ilham Aliyev", "Ильхам Алиев"),
        ("Mevlüt Çavuşoğlu", "Мевлют Чавушоглу"),
        ("Recep Tayyip Erdoğan", "Реджеп Тайип Эрдоган"),
    ],
)
def test_fold_name_folds_transliterations(a: str, b: str) -> None:
    assert fold_name(a) == fold_name(b)
    assert same_person(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Bayramov", "Gurbanov"), ("Jeyhun Bayramov", "Samir Sharifov"), ("Ilia Darchiashvili", "Shalva Papuashvili"),
     ("Serdar Berdimuhamedov", "Rashid Meredov")],
)
def test_fold_name_keeps_different_people_apart(a: str, b: str) -> None:
    assert fold_name(a) != fold_name(b)
    assert not same_person(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Serdar Berdimuhamedov", "Gurbanguly Berdimuhamedov"), ("Рашид Мередов", "Шадурди Мередов"),
     ("Recep Tayyip Erdoğan", "Эмине Эрдоган")],
)
def test_relatives_are_different_people(a: str, b: str) -> None:
    assert not same_person(a, b)
    assert same_person(a.split()[-1], b)  # a bare surname still joins either


def test_given_names_in_other_spellings_still_match() -> None:
    assert same_person("Mohammad Ishaq Dar", "Ishaq Dar")
    assert same_person("Ahmed Gurbanov", "Ahmet Gurbanov")
    assert same_person("Ilham Aliyev", "Ильхам Алиев")
    assert same_person("Ceyhun Bayramov", "Джейхун Байрамов")


def test_same_person_initials_and_word_order() -> None:
    assert same_person("R. Meredov", "Rashid Meredov")
    assert same_person("С.Иванов", "Sergey Ivanov")
    assert same_person("Гурбанов Ахмет", "Ahmet Gurbanov")
    assert not same_person(None, "Gurbanov")
    assert not same_person("", "")


latin_name = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=10)


@given(st.lists(latin_name, min_size=1, max_size=3), st.sampled_from([" ", "  ", ", ", " - "]))
def test_fold_name_ignores_case_spacing_and_punctuation(tokens: list[str], sep: str) -> None:
    name = " ".join(tokens)
    assert fold_name(name.upper()) == fold_name(name)
    assert fold_name(sep.join(tokens) + ".") == fold_name(name)


# ------------------------------------------------------------------------------ meetings

D = date(2026, 2, 27)
AZ_TM = ("AZ", "TM")


def rec(day: date = D, kind: str = "meeting", countries: tuple[str, ...] = AZ_TM, *people: tuple[str | None, str],
        end: date | None = None) -> MeetingRecord:
    return MeetingRecord(
        date=day, end_date=end, kind=kind, countries=countries,
        participants=tuple(Participant(name=n, role=None, country=c) for n, c in people),
    )


BAYRAMOV_GURBANOV = rec(D, "meeting", AZ_TM, ("Jeyhun Bayramov", "AZ"), ("Ahmet Gurbanov", "TM"))


def test_same_meeting_across_languages() -> None:
    ru = rec(D, "meeting", ("TM", "AZ"), ("Джейхун Байрамов", "AZ"), ("Ахмет Гурбанов", "TM"))
    m = same_meeting(BAYRAMOV_GURBANOV, ru)
    assert m.same, m.reason
    assert "2 shared" in m.reason


def test_same_meeting_date_within_one_day_only() -> None:
    assert same_meeting(BAYRAMOV_GURBANOV, rec(D + timedelta(days=1), "meeting", AZ_TM, ("Bayramov", "AZ"))).same
    far = same_meeting(BAYRAMOV_GURBANOV, rec(D + timedelta(days=2), "meeting", AZ_TM, ("Bayramov", "AZ")))
    assert not far.same and "dates" in far.reason


def test_same_meeting_spans_overlap() -> None:
    visit = rec(D, "visit", AZ_TM, ("Ahmet Gurbanov", "TM"), end=D + timedelta(days=3))
    assert same_meeting(visit, rec(D + timedelta(days=3), "meeting", AZ_TM, ("Gurbanov", "TM"))).same


def test_same_meeting_countries() -> None:
    assert not same_meeting(BAYRAMOV_GURBANOV, rec(D, "meeting", ("AZ", "TR"), ("Jeyhun Bayramov", "AZ"))).same
    # a subset counts only when both sides name two or more parties
    assert not same_meeting(rec(D, "meeting", ("AZ",)), rec(D, "meeting", AZ_TM)).same
    assert same_meeting(rec(D, "multilateral", ("AZ", "TM", "KZ")), rec(D, "multilateral", ("AZ", "TM"))).same
    assert same_meeting(rec(D, "multilateral", ("OTS",)), rec(D, "multilateral", ("AZ", "OTS"))).same


def test_same_meeting_kinds() -> None:
    assert same_meeting(BAYRAMOV_GURBANOV, rec(D, "visit", AZ_TM, ("Gurbanov", "TM"))).same
    assert not same_meeting(BAYRAMOV_GURBANOV, rec(D, "phone_call", AZ_TM, ("Gurbanov", "TM"))).same
    call = rec(D, "phone_call", AZ_TM, ("Bayramov", "AZ"))
    assert same_meeting(call, rec(D, "video_call", AZ_TM, ("Байрамов", "AZ"))).same


def test_shared_participant_needed_and_different_sides_conflict() -> None:
    # the seed: Bayramov–Gurbanov meeting and Sharifov–Gurbanov consultations are two events
    consult = rec(D, "consultations", AZ_TM, ("Samir Sharifov", "AZ"), ("Ahmet Gurbanov", "TM"))
    m = same_meeting(BAYRAMOV_GURBANOV, consult)
    assert not m.same and "AZ" in m.reason
    other = rec(D, "meeting", AZ_TM, ("Ilham Aliyev", None), ("Rashid Meredov", None))
    assert not same_meeting(BAYRAMOV_GURBANOV, other).same


def test_report_naming_nobody_merges_when_all_else_agrees() -> None:
    anon = rec(D, "consultations", AZ_TM)
    m = same_meeting(rec(D, "consultations", AZ_TM, ("Samir Sharifov", "AZ")), anon)
    assert m.same and "names nobody" in m.reason
    title_only = rec(D, "meeting", AZ_TM, (None, "TM"))
    assert same_meeting(BAYRAMOV_GURBANOV, title_only).same
    next_day = same_meeting(rec(D, "multilateral", ("OTS",)), rec(D + timedelta(days=1), "multilateral", ("AZ", "OTS")))
    assert not next_day.same and "names nobody" in next_day.reason


def test_decide() -> None:
    assert decide({}, BAYRAMOV_GURBANOV).kind == "new"
    assert decide({7: BAYRAMOV_GURBANOV}, BAYRAMOV_GURBANOV) == dedup.Decision(
        "same", 7, (), same_meeting(BAYRAMOV_GURBANOV, BAYRAMOV_GURBANOV).reason
    )
    more = rec(D, "meeting", AZ_TM, ("Jeyhun Bayramov", "AZ"), ("Ahmet Gurbanov", "TM"), ("Rashid Meredov", "TM"))
    d = decide([(3, rec(D, "meeting", ("AZ", "TR"))), (7, BAYRAMOV_GURBANOV)], more)
    assert (d.kind, d.meeting_id, d.fields) == ("changed", 7, ("participants",))
    far = rec(D - timedelta(days=5), "meeting", AZ_TM, ("Jeyhun Bayramov", "AZ"))
    assert decide({7: BAYRAMOV_GURBANOV}, far).kind == "new"


def test_decide_prefers_the_best_candidate() -> None:
    consult = rec(D, "consultations", AZ_TM, ("Samir Sharifov", "AZ"), ("Ahmet Gurbanov", "TM"))
    anon_consult = rec(D, "consultations", AZ_TM)
    assert decide({1: BAYRAMOV_GURBANOV, 2: consult}, anon_consult).meeting_id == 2


def test_official_outlets() -> None:
    assert dedup.is_official("mfa.gov.az") and dedup.is_official("https://kremlin.ru/events")
    assert dedup.is_official("mid.ru") and dedup.is_official("president.az")
    assert not dedup.is_official("report.az") and not dedup.is_official("trend.az") and not dedup.is_official(None)


# ------------------------------------------------------------------------------ properties

NAMES = ["Jeyhun Bayramov", "Джейхун Байрамов", "Ahmet Gurbanov", "Гурбанов", "Rashid Meredov", "Samir Sharifov",
         "Ilham Aliyev", None]
people = st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(["AZ", "TM", None])), max_size=3)
records = st.builds(
    lambda day, kind, countries, ps, span: MeetingRecord(
        date=day, end_date=day + timedelta(days=span) if span else None, kind=kind, countries=tuple(sorted(countries)),
        participants=tuple(Participant(n, None, c) for n, c in ps),
    ),
    st.dates(min_value=D - timedelta(days=4), max_value=D + timedelta(days=4)),
    st.sampled_from(KINDS),
    st.sets(st.sampled_from(["AZ", "TM", "TR", "OTS"]), min_size=1, max_size=3),
    people,
    st.sampled_from([0, 0, 0, 2]),
)


@settings(max_examples=300)
@given(records, records)
def test_same_meeting_is_symmetric(a: MeetingRecord, b: MeetingRecord) -> None:
    assert same_meeting(a, b).same == same_meeting(b, a).same


@given(records)
def test_same_meeting_is_reflexive(a: MeetingRecord) -> None:
    assert same_meeting(a, a).same
    assert decide({1: a}, a).kind == "same"


@settings(max_examples=300)
@given(records, records)
def test_never_merged_across_far_dates_or_disjoint_countries(a: MeetingRecord, b: MeetingRecord) -> None:
    a_end, b_end = a.end_date or a.date, b.end_date or b.date
    if a.date - b_end > timedelta(days=1) or b.date - a_end > timedelta(days=1):
        assert not same_meeting(a, b).same
    if not set(a.countries) & set(b.countries):
        assert not same_meeting(a, b).same
    if not dedup.kinds_compatible(a.kind, b.kind):
        assert not same_meeting(a, b).same


def test_kind_table_is_symmetric() -> None:
    for a, others in dedup.KIND_COMPATIBLE.items():
        for b in others:
            assert a in dedup.KIND_COMPATIBLE[b], (a, b)
    assert set(dedup.KIND_COMPATIBLE) == set(KINDS)
