"""Reading publication dates out of strings: ISO stamps and the visible forms our sources use.

Visible forms seen on the target sites: "1 Декабря 2020 14:02" (Russian genitive month),
"09.09.2026", "13 Oct 2020 18:29", "April 26, 2019, 10:45", "6 Dekabr 2025 15:49 (UTC +04:00)",
"15:59 11.10.2023". A stamp remembers whether it carried a time of day so that a date-only
value can later be refined by a same-day stamp that has one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "января", "январь", "янв", "yanvar", "ýanwar", "ocak"),
    2: ("february", "feb", "февраля", "февраль", "фев", "fevral", "fewral", "şubat"),
    3: ("march", "mar", "марта", "март", "мар", "mart"),
    4: ("april", "apr", "апреля", "апрель", "апр", "aprel", "nisan"),
    5: ("may", "мая", "май", "maý", "mayıs"),
    6: ("june", "jun", "июня", "июнь", "июн", "iyun", "iýun", "haziran"),
    7: ("july", "jul", "июля", "июль", "июл", "iyul", "iýul", "temmuz"),
    8: ("august", "aug", "августа", "август", "авг", "avqust", "awgust", "ağustos"),
    9: ("september", "sept", "sep", "сентября", "сентябрь", "сен", "сент", "sentyabr", "sentýabr", "eylül"),
    10: ("october", "oct", "октября", "октябрь", "окт", "oktyabr", "oktýabr", "ekim"),
    11: ("november", "nov", "ноября", "ноябрь", "ноя", "noyabr", "noýabr", "kasım"),
    12: ("december", "dec", "декабря", "декабрь", "дек", "dekabr", "aralık"),
}
MONTHS: dict[str, int] = {name: num for num, names in _MONTH_NAMES.items() for name in names}
_MON = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))

_TIME = r"(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ampm>[ap]\.?m\.?)?"
_SEP = r"\s*(?:г\.|года|г\b|y\.)?\s*[,|/\-–—]?\s*(?:at|в|saat)?\s*\[?"
_OFFSET = re.compile(r"\s*\]?\s*\(?\s*(?:UTC|GMT)\s*(?P<sign>[+-])\s*(?P<oh>\d{1,2})(?::?(?P<om>\d{2}))?\s*\)?", re.I)

ISO = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T\s]+(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:[.,]\d+)?)?\s*(?P<tz>Z|[+-]\d{2}:?\d{2}|[+-]\d{2}\b)?)?"
)
_VISIBLE = (
    # 1 Декабря 2020 14:02 / 13 Oct 2020 18:29 / 26 April 2019
    re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})\s+(?P<mon>{_MON})\.?,?\s+(?P<y>\d{{4}})(?:{_SEP}{_TIME})?", re.I),
    # April 26, 2019, 10:45
    re.compile(rf"\b(?P<mon>{_MON})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?:{_SEP}{_TIME})?", re.I),
    # 15:59 11.10.2023
    re.compile(rf"(?<![\d.:]){_TIME}\s*[,|]?\s*(?P<d>\d{{1,2}})[./](?P<m>\d{{1,2}})[./](?P<y>\d{{4}})(?![\d])", re.I),
    # 09.09.2026 / 21.02.2026 [19:22]
    re.compile(rf"(?<![\d./])(?P<d>\d{{1,2}})[./](?P<m>\d{{1,2}})[./](?P<y>\d{{4}})(?![\d])(?:{_SEP}{_TIME})?", re.I),
    # 2026-02-27 14:00 written out on the page
    ISO,
)


@dataclass(frozen=True, slots=True)
class Stamp:
    """A parsed point in time; ``has_time`` is False for a bare date (midnight stands in)."""

    value: datetime
    has_time: bool


def _offset(text: str) -> timezone | None:
    text = text.strip()
    if not text:
        return None
    if text.upper() == "Z":
        return UTC
    m = re.fullmatch(r"([+-])(\d{2}):?(\d{2})?", text)
    if not m:
        return None
    minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
    if minutes > 18 * 60:
        return None
    return timezone((-1 if m.group(1) == "-" else 1) * timedelta(minutes=minutes))


def _build(
    y: str, mo: int, d: str, h: str | None, mi: str | None, s: str | None, ampm: str | None = None
) -> Stamp | None:
    try:
        hour = int(h) if h is not None else 0
        if ampm:
            ap = ampm.lower().replace(".", "")
            if ap == "pm" and hour < 12:
                hour += 12
            elif ap == "am" and hour == 12:
                hour = 0
        value = datetime(int(y), mo, int(d), hour, int(mi or 0), int(s or 0))
    except (ValueError, TypeError):
        return None
    if not plausible(value):
        return None
    return Stamp(value, h is not None)


def plausible(value: datetime) -> bool:
    """Reject stamps no news page can carry (epoch zero, copyright years far ahead)."""
    now = datetime.now()
    naive = value.replace(tzinfo=None)
    return datetime(1990, 1, 1) <= naive <= now + timedelta(days=2)


def parse_iso(text: str) -> Stamp | None:
    """An ISO-8601 stamp at the start of ``text`` ("2020-12-01T14:02:00+06:00", "2019-04-26")."""
    m = ISO.match(text.strip())
    if not m:
        return None
    stamp = _build(m["y"], int(m["m"]), m["d"], m["h"], m["mi"], m["s"])
    if stamp is None:
        return None
    if m["tz"]:
        tz = _offset(m["tz"])
        if tz is not None:
            return Stamp(stamp.value.replace(tzinfo=tz), stamp.has_time)
    return stamp


def _month_first(matched: str, day: int, month: int, groups: dict[str, str | None]) -> bool:
    """US order (m/d/yyyy) for a slashed date whose second number cannot be a month, or that
    comes with an AM/PM clock ("2/9/2024 5:10:57 AM"); dotted dates are always day first."""
    if "/" not in matched:
        return False
    if month > 12 >= day:
        return True
    return bool(groups.get("ampm")) and day <= 12 and month <= 12


def parse_visible(text: str) -> Stamp | None:
    """The first date a person would read in ``text``, in any of the supported forms."""
    text = " ".join(text.split())
    if not text or len(text) > 2000:
        text = text[:2000]
    best: tuple[int, Stamp] | None = None
    for pattern in _VISIBLE:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            if groups.get("mon"):
                month = MONTHS.get(groups["mon"].lower().rstrip("."))
                if month is None:
                    continue
            else:
                month = int(groups["m"])
            day = groups["d"]
            if not groups.get("mon") and pattern is not ISO and _month_first(m.group(0), int(day), month, groups):
                day, month = str(month), int(day)
            stamp = _build(
                groups["y"], month, day, groups.get("h"), groups.get("mi"), groups.get("s"), groups.get("ampm")
            )
            if stamp is None:
                continue
            tz = _offset(groups["tz"]) if groups.get("tz") else None
            om = _OFFSET.match(text, m.end())
            if tz is None and om:
                minutes = int(om["oh"]) * 60 + int(om["om"] or 0)
                if minutes <= 18 * 60:
                    tz = timezone((-1 if om["sign"] == "-" else 1) * timedelta(minutes=minutes))
            if tz is not None:
                stamp = Stamp(stamp.value.replace(tzinfo=tz), stamp.has_time)
            if best is None or m.start() < best[0]:
                best = (m.start(), stamp)
            break
    return best[1] if best else None


def parse_any(text: str) -> Stamp | None:
    """ISO first (machine-readable attributes), then the visible forms."""
    return parse_iso(text) or parse_visible(text)
