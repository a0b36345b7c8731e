"""Pure: the current fields of a meeting from all the reports linked to it, with per-field support.

Every field takes the best-supported value: an official outlet's report weighs double a
news report; an exact date outweighs a publication date standing in; a named participant
replaces a title-only one of the same country. Ties go to the first report in ``order``
(the store passes the article's canonical URL), so the result depends only on the set of
reports, never on the order they arrived in.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from scraper.meetings.model import KINDS, MeetingRecord, Participant
from storage.dedup import same_person

T = TypeVar("T", bound=Hashable)

#: on a tie, the more specific kind describes the event better
KIND_SPECIFICITY: tuple[str, ...] = (
    "credentials", "consultations", "commission", "phone_call", "video_call", "multilateral", "meeting", "visit",
)
assert set(KIND_SPECIFICITY) == set(KINDS)


@dataclass(frozen=True, slots=True)
class Report:
    """One linked report: which article, what it said, and how much its word weighs."""

    article_id: int
    record: MeetingRecord
    official: bool = False
    order: str = ""

    @property
    def weight(self) -> float:
        return 2.0 if self.official else 1.0


def _vote(reports: Sequence[Report], value: Callable[[Report], T | None], bonus: Callable[[T], float]) -> T | None:
    """The value with the highest total weight (+bonus); ties to the earliest report."""
    score: dict[T, float] = {}
    first: dict[T, int] = {}
    for i, r in enumerate(reports):
        v = value(r)
        if v is None:
            continue
        score[v] = score.get(v, 0.0) + r.weight
        first.setdefault(v, i)
    if not score:
        return None
    return max(score, key=lambda v: (score[v] + bonus(v), -first[v]))


def _latin(name: str) -> bool:
    return all(ord(ch) < 0x400 for ch in name)


def _merge_people(reports: Sequence[Report]) -> tuple[list[Participant], dict[str, list[int]]]:
    clusters: list[list[tuple[Report, Participant]]] = []
    titles: list[tuple[Report, Participant]] = []
    for r in reports:
        for p in r.record.participants:
            if not p.name:
                titles.append((r, p))
                continue
            for c in clusters:
                if any(same_person(p.name, q.name) for _, q in c):
                    c.append((r, p))
                    break
            else:
                clusters.append([(r, p)])
    people: list[Participant] = []
    support: dict[str, list[int]] = {}
    for c in clusters:
        _, best_p = max(
            enumerate(c), key=lambda t: (_latin(t[1][1].name or ""), t[1][0].weight, len(t[1][1].name or ""), -t[0])
        )[1]
        roles = [(r, p.role) for r, p in c if p.role]
        role = max(roles, key=lambda t: t[0].weight)[1] if roles else None
        countries = [p.country for _, p in c if p.country]
        country = max(countries, key=countries.count) if countries else None
        people.append(Participant(name=best_p.name, role=role, country=country))
        support[best_p.name or ""] = sorted({r.article_id for r, _ in c})
    named_countries = {p.country for p in people if p.country}
    named_roles = {(p.role or "").lower() for p in people if p.role}
    seen: set[tuple[str | None, str | None]] = set()
    for r, p in titles:
        key = (p.role, p.country)
        if key in seen or (p.country and p.country in named_countries):
            continue
        if not p.country and p.role and p.role.lower() in named_roles:
            continue
        seen.add(key)
        people.append(p)
        support.setdefault(f"({p.role or '?'}, {p.country or '?'})", []).append(r.article_id)
    return people, support


def merge_reports(reports: Sequence[Report]) -> tuple[MeetingRecord, dict[str, Any]]:
    """The merged record and, per field, the article ids that support its value."""
    if not reports:
        raise ValueError("a meeting needs at least one report")
    reports = sorted(reports, key=lambda r: r.order)

    def ids(pred: Callable[[MeetingRecord], bool]) -> list[int]:
        return sorted({r.article_id for r in reports if pred(r.record)})

    exact = {r.record.date for r in reports if r.record.date_exact}
    day = _vote(reports, lambda r: r.record.date, lambda d: 0.5 if d in exact else 0.0)
    assert day is not None
    end = _vote(reports, lambda r: r.record.end_date, lambda _d: 0.0)
    kind = _vote(reports, lambda r: r.record.kind, lambda k: (len(KIND_SPECIFICITY) - KIND_SPECIFICITY.index(k)) / 100)
    assert kind is not None
    countries = tuple(sorted({c.upper() for r in reports for c in r.record.countries}))
    loc = _vote(reports, lambda r: r.record.location, lambda v: 0.5 if v.city else 0.0)
    people, people_support = _merge_people(reports)
    topics = tuple(sorted({t for r in reports for t in r.record.topics}))
    best = max(enumerate(reports), key=lambda t: (bool(t[1].record.evidence), t[1].weight, -t[0]))[1]
    merged = MeetingRecord(
        date=day,
        end_date=end,
        date_exact=day in exact,
        kind=kind,
        countries=countries,
        location=loc,
        participants=tuple(people),
        topics=topics,
        evidence=best.record.evidence,
    )
    support: dict[str, Any] = {
        "date": ids(lambda m: m.date == day),
        "end_date": ids(lambda m: m.end_date == end) if end else [],
        "kind": ids(lambda m: m.kind == kind),
        "countries": ids(lambda m: set(m.countries) == set(countries)),
        "location": ids(lambda m: m.location == loc) if loc else [],
        "participants": people_support,
        "topics": ids(lambda m: bool(m.topics)),
        "evidence": [best.article_id],
    }
    return merged, support



