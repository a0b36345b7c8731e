"""Latin spellings of Cyrillic names for readers: "Рашид Мередов" -> "Rashid Meredov".

The conventions are those English-language outlets of the region use (BGN/PCGN-like):
й -> y, ё -> yo, е -> ye at a word start or after a vowel, -ий/-ый -> -iy/-y, х -> kh.
Records keep names as the text spells them; this is an extra, never a replacement.
"""

from __future__ import annotations

import re
from functools import lru_cache

_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya", "ә": "a", "ө": "o", "ү": "u", "ң": "n", "җ": "zh", "һ": "h", "і": "i",
}  # fmt: skip
_VOWELS = set("аеёиоуыэюяәөүъь")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def _word(word: str) -> str:
    out: list[str] = []
    lower = word.lower()
    for i, ch in enumerate(lower):
        if ch == "е" and (i == 0 or lower[i - 1] in _VOWELS):
            latin = "ye"
        elif ch == "й" and i > 0 and lower[i - 1] in "иы" and i == len(lower) - 1:
            latin = "y" if lower[i - 1] == "и" else ""  # -ий -> -iy, -ый -> -y
        else:
            latin = _LETTERS.get(ch, ch)
        if word[i].isupper() and latin:
            latin = latin[0].upper() + latin[1:]
        out.append(latin)
    return "".join(out)


@lru_cache(maxsize=8192)
def latin_name(name: str | None) -> str | None:
    """The Latin spelling of a name with Cyrillic letters; None for names already in Latin."""
    if not name or not _CYRILLIC.search(name):
        return None
    return re.sub(r"[\u0400-\u04FF]+", lambda m: _word(m.group(0)), name)
