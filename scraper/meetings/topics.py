"""Topics of a meeting from the controlled vocabulary (``model.TOPICS``).

Keywords per topic and language live in ``data/topics.toml``; this module only matches them
(case-insensitively, at word starts) in the sentences that report the meeting.
"""

from __future__ import annotations

from functools import cache

from scraper.meetings.gazetteer import _read
from scraper.meetings.matching import Pattern, gated, phrase_alternation
from scraper.meetings.model import TOPICS

MAX_CHARS = 4000  # the meeting's own sentences; a longer run is not about one meeting


@cache
def _patterns(language: str) -> tuple[tuple[str, Pattern], ...]:
    data = _read("topics.toml").get("topic", {})
    out = []
    for topic in TOPICS:
        words = [w for w in data.get(topic, {}).get(language, []) if w.strip()]
        if not words:
            continue
        alt = phrase_alternation(w.strip().lower() for w in words)
        out.append((topic, gated(rf"(?<!\w)(?:{alt})")))
    return tuple(out)


def tag(text: str, language: str = "en") -> tuple[str, ...]:
    """Topics whose keywords occur in ``text``, in vocabulary order."""
    text = text[:MAX_CHARS].lower()  # lower-cased once: much faster than IGNORECASE per topic
    return tuple(topic for topic, rx in _patterns(language) if rx.search(text))
