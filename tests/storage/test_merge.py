"""merge.py: a meeting's current fields are the best-supported values of its reports."""

from __future__ import annotations

from datetime import date

from scraper.meetings.model import Location, MeetingRecord, Participant
from storage.merge import Report, merge_reports

D = date(2026, 2, 27)


def rec(day: date = D, kind: str = "meeting", *people: Participant, exact: bool = True, evidence: str = "",
        location: Location | None = None) -> MeetingRecord:
    return MeetingRecord(date=day, kind=kind, countries=("AZ", "TM"), participants=people, date_exact=exact,
                         evidence=evidence, location=location)


def test_official_readout_outweighs_one_news_report() -> None:
    news = Report(1, rec(date(2026, 2, 26), evidence="news"), official=False, order="1")
    mfa = Report(2, rec(D, evidence="mfa"), official=True, order="2")
    merged, support = merge_reports([news, mfa])
    assert merged.date == D and merged.evidence == "mfa"
    assert support["date"] == [2] and support["evidence"] == [2]


def test_majority_and_exact_dates_win() -> None:
    reports = [Report(1, rec(D)), Report(2, rec(D)), Report(3, rec(date(2026, 2, 28)))]
    assert merge_reports(reports)[0].date == D
    inexact = [Report(1, rec(date(2026, 2, 28), exact=False)), Report(2, rec(D))]
    merged, _ = merge_reports(inexact)
    assert merged.date == D and merged.date_exact


def test_named_participant_replaces_title_only_and_spellings_join() -> None:
    a = Report(1, rec(D, "meeting", Participant("Jeyhun Bayramov", "Minister", "AZ"),
                      Participant(None, "Deputy Foreign Minister", "TM")))
    b = Report(2, rec(D, "meeting", Participant("Джейхун Байрамов", None, "AZ"),
                      Participant("Ахмет Гурбанов", "заместитель министра", "TM")))
    merged, support = merge_reports([a, b])
    names = [p.name for p in merged.participants]
    assert names == ["Jeyhun Bayramov", "Ахмет Гурбанов"]
    assert merged.participants[0].role == "Minister"
    assert support["participants"]["Jeyhun Bayramov"] == [1, 2]


def test_kind_location_and_topics() -> None:
    baku = Location("Baku", "AZ")
    a = Report(1, MeetingRecord(date=D, kind="meeting", countries=("AZ", "TM"), topics=("energy",)), order="1")
    b = Report(2, MeetingRecord(date=D, kind="consultations", countries=("AZ", "TM"), location=baku,
                                topics=("Caspian",)), order="2")
    merged, support = merge_reports([a, b])
    assert merged.kind == "consultations"  # a tie goes to the more specific kind
    assert merged.location == baku and support["location"] == [2]
    assert merged.topics == ("Caspian", "energy")


def test_order_of_reports_does_not_matter() -> None:
    a = Report(1, rec(D, "meeting", Participant("Ahmet Gurbanov", None, "TM")), order="1")
    b = Report(2, rec(D, "visit", Participant("Гурбанов", None, "TM")), order="2")
    assert merge_reports([a, b]) == merge_reports([b, a])
