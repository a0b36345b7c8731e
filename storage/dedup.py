"""Pure dedup rules: canonical URLs, content hashes, name folding and the meeting match.

No I/O here, so that every rule the store applies can be tested on its own (and with
hypothesis) and re-applied identically by any process.

``canonical_url`` rewrites (all safe on the news sites we watch):

- scheme and host lower-cased, ``www.`` kept (some sites serve different content without it),
  default ports (``:80`` for http, ``:443`` for https) dropped, fragments dropped;
- tracking parameters dropped: ``utm_*``, ``fbclid``, ``gclid``, ``yclid``, ``dclid``,
  ``msclkid``, ``mc_cid``, ``mc_eid``, ``_ga``, ``_gl``, ``igshid``, ``ref``, ``ref_src``,
  ``ref_url``, ``rss``, ``spm``, ``_openstat``, AMP switches (``amp``, ``outputType``) and
  ``print``; the remaining query is sorted (``page``, ``id``, ``from`` … are kept);
- AMP paths: a leading ``/amp/`` segment or a trailing ``/amp`` segment is removed;
- print views: a trailing ``/print`` segment and ``print=1``/``print=true`` are removed;
- a trailing slash is removed (except for the root path), duplicate slashes collapsed.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from scraper.meetings.model import MeetingRecord, Participant

# --------------------------------------------------------------------------- URLs

TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "yclid", "dclid", "msclkid", "mc_cid", "mc_eid", "_ga", "_gl",
        "igshid", "ref", "ref_src", "ref_url", "rss", "amp", "outputtype", "print",
        "_openstat", "spm",
    }
)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _tracking(key: str) -> bool:
    k = key.lower()
    return k.startswith("utm_") or k in TRACKING_PARAMS


def canonical_url(url: str) -> str:
    """One spelling per page, so that the same article reached by two links is one row."""
    url = url.strip()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        return url
    host = (parts.hostname or "").lower().rstrip(".")
    port = parts.port
    netloc = host if port is None or port == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    path = re.sub(r"/{2,}", "/", parts.path or "/")
    segs = [s for s in path.split("/") if s]
    if segs and segs[0].lower() == "amp":
        segs = segs[1:]
    while segs and segs[-1].lower() in ("amp", "print"):
        segs = segs[:-1]
    path = "/" + "/".join(segs)
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _tracking(k))
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


# --------------------------------------------------------------------------- text

def normalise_text(text: str) -> str:
    """Whitespace and Unicode form do not make a different article."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def content_hash(text: str) -> str:
    """SHA-256 of the normalised text: equal for copies that differ only in spacing."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def bytes_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --------------------------------------------------------------------------- names

_CYR = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәөүңҗһғқұіў",
        ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
         "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
         "a", "o", "u", "n", "zh", "h", "g", "k", "u", "i", "u"],
        strict=True,
    )
)
_LATIN = {
    "ə": "a", "ı": "i", "ł": "l", "ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ð": "d", "þ": "th",
    "ş": "sh", "š": "sh", "ç": "ch", "č": "ch", "ž": "zh", "ň": "n",
}
# digraphs that different transliteration habits spell differently, longest first. The
# j / dzh / zh / ch / c sounds are one class: Turkish and Azerbaijani "c" is Russian "дж"
# (Recep / Реджеп), "ç" is "ч" (Çavuşoğlu / Чавушоглу). English "c" for /k/ (Marco / Марко)
# is the price: it does not fold to "k".
_DIGRAPHS = (
    ("shch", "s"), ("sch", "s"), ("dzh", "c"), ("dj", "c"), ("zh", "c"), ("kh", "h"), ("sh", "s"),
    ("ch", "c"), ("ts", "c"), ("ck", "k"), ("ph", "f"), ("w", "v"), ("q", "g"), ("x", "h"), ("j", "c"),
)
_VOWELS = frozenset("aeiouy")


def _romanise(text: str) -> str:
    s = text.lower()
    s = "".join(_CYR.get(ch, _LATIN.get(ch, ch)) for ch in s)
    s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    return "".join(ch if "a" <= ch <= "z" else " " for ch in s)


def _fold_token(token: str) -> str:
    for a, b in _DIGRAPHS:
        token = token.replace(a, b)
    out: list[str] = []
    for i, ch in enumerate(token):
        if ch in _VOWELS and i > 0:
            continue
        if out and out[-1] == ch:
            continue
        out.append(ch)
    if out and out[0] in _VOWELS:
        out[0] = "a"  # Ilham / Ильхам / Elkhan: a leading vowel is spelt many ways
    return "".join(out)


def name_tokens(name: str | None) -> list[str]:
    """Folded tokens of a name; initials ("R.", "С.") are dropped."""
    raw = [t for t in _romanise(name or "").split() if len(t) > 1]
    return [f for f in (_fold_token(t) for t in raw) if f]


def fold_name(name: str | None) -> str:
    """Transliteration-folded key of a name: Gurbanov, Gurbanow and Гурбанов give one key.

    Cyrillic (Russian, Kazakh, Azerbaijani-Cyrillic letters) is romanised, diacritics are
    stripped, spelling digraphs unified (sh/ш, j/dzh/zh/ch/c, kh/x/h, w/v, q/g), doubled letters
    collapsed and inner vowels dropped (Mammadov / Mamedov / Мамедов).
    """
    return " ".join(name_tokens(name))


def surname_key(name: str | None) -> str:
    """The folded last token: what people are matched and searched by."""
    toks = name_tokens(name)
    return toks[-1] if toks else ""


def same_person(a: str | None, b: str | None) -> bool:
    """Same folded surname and, where both give one, a given name with the same initial.

    Serdar and Gurbanguly Berdimuhamedov (or Rashid and Shadurdi Meredov) are two people;
    "R. Meredov", "Meredov" and "Rashid Meredov" are one; so are "Ishaq Dar" and "Mohammad
    Ishaq Dar". The same tokens in another order (Гурбанов Ахмет) are the same person too.
    """
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    if ta[-1] == tb[-1]:
        if len(ta) < 2 or len(tb) < 2:
            return True
        return bool({t[0] for t in ta[:-1]} & {t[0] for t in tb[:-1]})
    return len(ta) >= 2 and len(tb) >= 2 and set(ta) == set(tb)


# --------------------------------------------------------------------------- meetings

#: which kinds may describe one event (symmetric); the same kind always may
KIND_COMPATIBLE: Mapping[str, frozenset[str]] = {
    "meeting": frozenset({"visit", "consultations", "credentials", "commission"}),
    "visit": frozenset({"meeting", "consultations", "commission"}),
    "consultations": frozenset({"meeting", "visit"}),
    "commission": frozenset({"meeting", "visit"}),
    "credentials": frozenset({"meeting"}),
    "phone_call": frozenset({"video_call"}),
    "video_call": frozenset({"phone_call"}),
    "multilateral": frozenset(),
}


def kinds_compatible(a: str, b: str) -> bool:
    return a == b or b in KIND_COMPATIBLE.get(a, frozenset())


def _span(r: MeetingRecord) -> tuple[date, date]:
    end = r.end_date if r.end_date and r.end_date >= r.date else r.date
    return r.date, end


def dates_agree(a: MeetingRecord, b: MeetingRecord, slack: int = 1) -> bool:
    """Spans overlap once each is widened by ``slack`` days (time zones, late reports)."""
    a0, a1 = _span(a)
    b0, b1 = _span(b)
    d = timedelta(days=slack)
    return a0 - d <= b1 and b0 - d <= a1


def countries_agree(a: MeetingRecord, b: MeetingRecord) -> bool:
    """Equal sets; or one inside the other when both name two or more parties.

    A multilateral session may be reported with just the organisation ({"OTS"}), so for
    two multilateral records any inclusion counts.
    """
    ca, cb = {c.upper() for c in a.countries}, {c.upper() for c in b.countries}
    if not ca or not cb:
        return False
    if ca == cb:
        return True
    inside = ca <= cb or cb <= ca
    if a.kind == b.kind == "multilateral":
        return inside
    return inside and len(ca) >= 2 and len(cb) >= 2


def named(r: MeetingRecord) -> list[Participant]:
    return [p for p in r.participants if p.name and name_tokens(p.name)]


def shared_people(a: MeetingRecord, b: MeetingRecord) -> int:
    """How many named participants of ``a`` appear in ``b`` (one-to-one)."""
    used: set[int] = set()
    n = 0
    for pa in named(a):
        for i, pb in enumerate(named(b)):
            if i not in used and same_person(pa.name, pb.name):
                used.add(i)
                n += 1
                break
    return n


def people_conflict(a: MeetingRecord, b: MeetingRecord) -> str | None:
    """A country whose named people differ entirely between the two records, if any.

    Bayramov–Gurbanov and Sharifov–Gurbanov on one day are two meetings: Gurbanov is
    shared, but Azerbaijan's side is not.
    """
    by_a: dict[str, list[str]] = {}
    by_b: dict[str, list[str]] = {}
    for p in named(a):
        if p.country:
            by_a.setdefault(p.country.upper(), []).append(p.name or "")
    for p in named(b):
        if p.country:
            by_b.setdefault(p.country.upper(), []).append(p.name or "")
    for country in sorted(by_a.keys() & by_b.keys()):
        if not any(same_person(x, y) for x in by_a[country] for y in by_b[country]):
            return country
    return None


@dataclass(frozen=True, slots=True)
class MatchDecision:
    """Whether two records are one event, why, and how strongly (to rank candidates)."""

    same: bool
    reason: str
    score: int = 0


def same_meeting(a: MeetingRecord, b: MeetingRecord) -> MatchDecision:
    """The merge rule of DESIGN.md: dates ±1 day, countries, kinds, a shared participant.

    Where a report names nobody, everything else must agree and the dates must overlap
    exactly. Named people of one country that differ entirely mean two events.
    """
    if not dates_agree(a, b):
        return MatchDecision(False, f"dates differ ({a.date} vs {b.date})")
    if not countries_agree(a, b):
        return MatchDecision(False, f"countries differ ({','.join(a.countries)} vs {','.join(b.countries)})")
    if not kinds_compatible(a.kind, b.kind):
        return MatchDecision(False, f"kinds incompatible ({a.kind} vs {b.kind})")
    conflict = people_conflict(a, b)
    if conflict:
        return MatchDecision(False, f"different participants for {conflict}")
    shared = shared_people(a, b)
    score = 10 * shared + (4 if a.kind == b.kind else 0) + (2 if a.date == b.date else 0)
    score += 1 if set(a.countries) == set(b.countries) else 0
    what = f"{a.kind}" if a.kind == b.kind else f"{a.kind}~{b.kind}"
    if shared:
        return MatchDecision(True, f"same event: {what}, date±1, countries, {shared} shared participant(s)", score)
    if not named(a) or not named(b):
        # with no person to go by, the day itself must agree
        if not dates_agree(a, b, slack=0):
            return MatchDecision(False, "a report names nobody and the dates differ")
        return MatchDecision(True, f"same event: {what}, same date, countries; a report names nobody", score)
    return MatchDecision(False, "no shared participant")


COMPARED_FIELDS: tuple[str, ...] = (
    "date", "end_date", "date_exact", "kind", "countries", "location", "participants", "topics",
)


def changed_fields(old: MeetingRecord, new: MeetingRecord) -> tuple[str, ...]:
    """The record fields (evidence aside) whose values differ."""
    da, db = old.to_dict(), new.to_dict()
    return tuple(f for f in COMPARED_FIELDS if da[f] != db[f])


@dataclass(frozen=True, slots=True)
class Decision:
    """``new``; ``same`` (meeting_id); or ``changed`` (meeting_id, the fields that differ)."""

    kind: str
    meeting_id: int | None = None
    fields: tuple[str, ...] = ()
    reason: str = ""


def rank_candidates(
    existing: Mapping[int, MeetingRecord] | Iterable[tuple[int, MeetingRecord]], new_record: MeetingRecord
) -> list[tuple[int, int, str]]:
    """(score, meeting_id, reason) of every existing record the new one may be, best first."""
    items = existing.items() if isinstance(existing, Mapping) else existing
    out = []
    for mid, rec in items:
        m = same_meeting(rec, new_record)
        if m.same:
            out.append((m.score, mid, m.reason))
    out.sort(key=lambda t: (-t[0], t[1]))
    return out


def decide(
    existing_records: Mapping[int, MeetingRecord] | Sequence[tuple[int, MeetingRecord]], new_record: MeetingRecord
) -> Decision:
    """New meeting, the same as an existing one, or an existing one with changed fields."""
    ranked = rank_candidates(existing_records, new_record)
    if not ranked:
        return Decision("new", reason="no matching meeting")
    _, mid, reason = ranked[0]
    existing = dict(existing_records)[mid]
    fields = changed_fields(existing, new_record)
    if fields:
        return Decision("changed", mid, fields, reason)
    return Decision("same", mid, (), reason)


# --------------------------------------------------------------------------- outlets

_OFFICIAL = re.compile(
    r"(^|\.)(gov\.[a-z]{2}|mfa\.[a-z.]+|mid\.ru|president\.az|kremlin\.ru|prezident\.uz|akorda\.kz|"
    r"turkmenistan\.gov\.tm|tccb\.gov\.tr|president\.kg)$|^(mfa|mid|president|kremlin)\b"
)


def is_official(outlet: str | None) -> bool:
    """Ministries and presidencies: their readouts outrank news reports on a field."""
    if not outlet:
        return False
    o = outlet.lower().strip()
    host = urlsplit(o).hostname if "://" in o else o
    return bool(_OFFICIAL.search(host or o))
