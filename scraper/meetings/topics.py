"""Topics of a meeting from the controlled vocabulary (``model.TOPICS``).

Keywords per topic and language live in ``data/topics.toml``; this module only matches them
(case-insensitively, at word starts) in the sentences that report the meeting.
"""

from __future__ import annotations

import re
from functools import cache

from scraper.meetings.gazetteer import _read
from scraper.meetings.matching import phrase_alternation
from scraper.meetings.model import TOPICS

MAX_CHARS = 4000  # the meeting's own sentences; a longer run is not about one meeting


class KeywordTagger:
    """Topics by keyword, in one scan of the text: a trie of every topic's keywords is tried at
    each word start, and every keyword found there (the longest and those that are its
    prefixes) names its topics, so the answer is the one a search per topic would give."""

    def __init__(self, keywords: dict[str, list[str]], word_start: str) -> None:
        by_keyword: dict[str, set[str]] = {}
        for topic, words in keywords.items():
            for w in words:
                if w.strip():
                    by_keyword.setdefault(w.strip().lower(), set()).add(topic)
        self.topics_at = {
            kw: frozenset().union(*(t for k, t in by_keyword.items() if kw.startswith(k))) for kw in by_keyword
        }
        self.all_topics = frozenset().union(*self.topics_at.values()) if self.topics_at else frozenset()
        self.regex = re.compile(rf"{word_start}(?=({phrase_alternation(by_keyword)}))")

    def tag(self, low_text: str) -> set[str]:
        """Topics whose keywords start a word of the (lower-cased) text."""
        found: set[str] = set()
        for m in self.regex.finditer(low_text):
            found |= self.topics_at[m.group(1)]
            if len(found) == len(self.all_topics):
                break
        return found


@cache
def _tagger(language: str) -> KeywordTagger:
    data = _read("topics.toml").get("topic", {})
    return KeywordTagger({t: data.get(t, {}).get(language, []) for t in TOPICS}, r"(?<!\w)")


def tag(text: str, language: str = "en") -> tuple[str, ...]:
    """Topics whose keywords occur in ``text``, in vocabulary order."""
    found = _tagger(language).tag(text[:MAX_CHARS].lower())
    return tuple(topic for topic in TOPICS if topic in found)
