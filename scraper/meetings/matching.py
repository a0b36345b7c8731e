"""Fast regular expressions for the rules, none of which changes what a pattern matches.

Python's ``re`` tries the branches of an alternation one by one at every position, so a list
of two thousand place names costs two thousand comparisons per character; IGNORECASE and the
Unicode meaning of ``\\w`` make every comparison dearer still.

* :func:`phrase_alternation` writes a phrase list as a trie ("Minister(?: of (?:Foreign
  Affairs|Defence))?"), so the engine follows one path per position; a longer phrase still
  wins over its prefix, as it did in a longest-first alternation.
* :func:`gated` compiles a rule as a :class:`GatedPattern`: skipped on a sentence lacking the
  literals it cannot match without (read from its own syntax tree, as RE2 and Rust's ``regex``
  do), scanned on the lower-cased sentence without IGNORECASE, and with the ASCII flag on ASCII
  sentences, wherever each of those gives the same matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

# the parser behind re.compile (private, but stable since 3.11; an unknown tree only means no gate)
from re import _constants as _sre_c  # type: ignore[attr-defined]
from re import _parser as _sre_p  # type: ignore[attr-defined]
from typing import Any

# --- tries ------------------------------------------------------------------------------------


def phrase_alternation(phrases: Iterable[str]) -> str:
    """A regex source matching exactly the given phrases, the longest one where several fit."""
    root: dict[str, Any] = {}
    for phrase in phrases:
        if not phrase:
            continue
        node = root
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}  # end of a phrase
    return _trie_source(root) if root else "(?!)"


def _trie_source(node: dict[str, Any]) -> str:
    terminal = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        child = node[ch]
        prefix = re.escape(ch)
        # follow a single-child chain as plain text, which keeps the source shallow
        while len(child) == 1 and "" not in child:
            (nxt, child), = child.items()
            prefix += re.escape(nxt)
        rest = _trie_source(child) if len(child) > 1 or "" not in child else ""
        branches.append(prefix + rest)
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if terminal:
        # greedy: try the longer phrase first, fall back to the one that ends here
        return "(?:" + body + ")?" if len(branches) > 1 or len(body) > 1 else body + "?"
    return body


# --- literal gates -----------------------------------------------------------------------------

# characters that ``re.IGNORECASE`` equates with a plain letter but ``str.lower`` keeps apart
# ("İ" lowers to "i" plus a combining dot, which is dropped)
_FOLD = str.maketrans({"\u0131": "i", "\u0307": None, "\u017f": "s", "\u03c2": "\u03c3", "\u03d0": "\u03b2",
                       "\u03d1": "\u03b8", "\u03d5": "\u03c6", "\u03d6": "\u03c0", "\u03f0": "\u03ba",
                       "\u03f1": "\u03c1", "\u03f5": "\u03b5", "\u1e9b": "\u1e61"})
_ODD = re.compile("[\u0131\u0307\u017f\u03c2\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u1e9b]")


def _fold(text: str) -> str:
    low = text.lower()
    if not low.isascii() and _ODD.search(low):
        return low.translate(_FOLD)
    return low


_END = 2**62  # "to the end of the text", as re takes it
# a window this short (the words before a match, a name) is scanned as it is: remembering its
# view would cost more than the gate saves, and would push out the sentence's own view
_SHORT = 48
_GATE_IDS: dict[tuple[str, ...], int] = {}
_MIN_LITERAL = 3  # a gate of one- or two-letter literals passes almost every sentence


_Lits = frozenset[str] | None  # None: no literal is required


def _concat_exact(items: list[frozenset[str] | None]) -> frozenset[str] | None:
    """The strings a sequence of exact-string items spells, when there are few enough."""
    out = frozenset({""})
    for it in items:
        if it is None:
            return None
        out = frozenset(a + b for a in out for b in it)
        if len(out) > 64:
            return None
    return out


def _exact(op: Any, av: Any) -> frozenset[str] | None:
    """The strings one item can match, if it can match only a few literal strings."""
    if op is _sre_c.LITERAL:
        return frozenset({chr(av)})
    if op is _sre_c.SUBPATTERN:
        return _exact_seq(list(av[-1]))
    if op is _sre_c.BRANCH:
        outs: set[str] = set()
        for branch in av[1]:
            e = _exact_seq(list(branch))
            if e is None:
                return None
            outs |= e
        return frozenset(outs) if len(outs) <= 64 else None
    if op is _sre_c.IN:
        chars = [chr(v) for o, v in av if o is _sre_c.LITERAL]
        if len(chars) == len(av) and len(chars) <= 4:
            return frozenset(chars)
        return None
    if op in (_sre_c.AT, _sre_c.ASSERT, _sre_c.ASSERT_NOT):
        return frozenset({""})  # zero-width
    return None


def _exact_seq(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    return _concat_exact([_exact(op, av) for op, av in items])


def _required(items: list[tuple[Any, Any]]) -> _Lits:
    """Literals of which every match contains at least one (the most selective choice)."""
    candidates: list[frozenset[str]] = []
    run: list[frozenset[str] | None] = []

    def close_run() -> None:
        if run:
            lits = _concat_exact(run)
            if lits is not None:
                candidates.append(lits)
        run.clear()

    for op, av in items:
        e = _exact(op, av)
        if e is not None and e != frozenset({""}):
            run.append(e)
            continue
        if e == frozenset({""}):
            continue  # zero-width items do not break a run of literals
        close_run()
        sub: _Lits = None
        if op is _sre_c.SUBPATTERN:
            sub = _required(list(av[-1]))
        elif op is _sre_c.BRANCH:
            parts = [_required(list(b)) for b in av[1]]
            if all(p is not None for p in parts):
                sub = frozenset().union(*(p for p in parts if p is not None))
        elif op in (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT, getattr(_sre_c, "POSSESSIVE_REPEAT", None)) and av[0] >= 1:
            sub = _required(list(av[2]))
        elif op is getattr(_sre_c, "ATOMIC_GROUP", None):
            sub = _required(list(av))
        if sub is not None:
            candidates.append(sub)
    close_run()
    usable = [c for c in candidates if c and min(len(s) for s in c) >= _MIN_LITERAL]
    if not usable:
        return None
    # the best gate has the longest shortest literal, then the fewest literals
    return max(usable, key=lambda c: (min(len(s) for s in c), -len(c)))


def required_literals(pattern: str | re.Pattern[str], flags: int = 0) -> frozenset[str] | None:
    """Lower-cased literals one of which occurs in any text the pattern can match (None: no gate)."""
    source, flags = (pattern.pattern, pattern.flags) if isinstance(pattern, re.Pattern) else (pattern, flags)
    try:
        tree = _sre_p.parse(source, flags)
    except Exception:
        return None
    found = _required(list(tree))
    if found is None:
        return None
    return frozenset(_fold(s) for s in found)


class GatedPattern:
    """A compiled pattern made cheaper without changing a single match.

    * The gate: a text lacking all of the pattern's required literals cannot match, so it is
      not scanned (the gate looks at the whole text, whatever ``pos`` and ``endpos`` say).
    * The case: a case-insensitive pattern is scanned over the lower-cased text without
      IGNORECASE (two to three times faster in ``re``), wherever lower-casing keeps every offset
      and equates what IGNORECASE equates; a hit is then re-matched on the text at the same
      place, so callers get the text's own match object with the same span and groups.
    * The alphabet: on a text of ASCII characters (most English sentences), ``\\w``, ``\\b``
      and ``\\d`` mean the same with the ASCII flag, which ``re`` tests from a table instead of
      the Unicode database (``\\s`` differs only on the separators U+001C..U+001F, so a text
      holding one of those takes the plain path).
    """

    __slots__ = ("flags", "gate_id", "gate_regex", "groupindex", "literals", "pattern", "regex", "regex_ascii",
                 "regex_low", "regex_low_ascii")

    def __init__(self, regex: re.Pattern[str], literals: frozenset[str] | None,
                 regex_low: re.Pattern[str] | None = None) -> None:
        self.regex = regex
        self.literals = tuple(sorted(literals, key=len)) if literals else ()
        # many literals (month names in all their cases): one trie scan beats a test per literal
        self.gate_regex = re.compile(phrase_alternation(self.literals)) if len(self.literals) > 8 else None
        self.regex_low = regex_low
        self.regex_ascii = _ascii(regex)
        self.regex_low_ascii = _ascii(regex_low) if regex_low is not None else None
        self.pattern = regex.pattern
        self.flags = regex.flags
        self.groupindex = regex.groupindex
        # patterns with the same literals share one gate, and one answer per text, by this number
        self.gate_id = _GATE_IDS.setdefault(self.literals, len(_GATE_IDS)) if self.literals else -1

    def opens(self, text: str) -> bool:
        """Does ``text`` hold one of the literals, so that the pattern may match it?"""
        if self.gate_id < 0:
            return True
        view = _last if _last[0] is text else _remember(text)
        answer = view[4].get(self.gate_id)
        return self._gate(view) if answer is None else answer

    def _gate(self, view: _View) -> bool:
        folded = view[2]
        if self.gate_regex is not None:
            answer = self.gate_regex.search(folded) is not None
        else:
            answer = False
            for lit in self.literals:
                if lit in folded:
                    answer = True
                    break
        view[4][self.gate_id] = answer
        return answer

    def search(self, text: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        if len(text) < _SHORT and _last[0] is not text:
            return self.regex.search(text, pos, endpos)
        view = _last if _last[0] is text else _remember(text)
        if self.gate_id >= 0:
            answer = view[4].get(self.gate_id)
            if not (self._gate(view) if answer is None else answer):
                return None
        if self.regex_low is not None and view[3]:
            ascii_ok = view[5]
            low_rx = self.regex_low_ascii if ascii_ok else self.regex_low
            hit = low_rx.search(view[1], pos, endpos)  # type: ignore[union-attr]
            if hit is None:
                return None
            return (self.regex_ascii if ascii_ok else self.regex).match(text, hit.start(), endpos)
        return (self.regex_ascii if view[5] else self.regex).search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        # anchored, so cheap either way: the ASCII form only where the text is known already
        view = _last
        return (self.regex_ascii if view[0] is text and view[5] else self.regex).match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        view = _last
        return (self.regex_ascii if view[0] is text and view[5] else self.regex).fullmatch(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = _END) -> Iterator[re.Match[str]]:
        if len(text) < _SHORT and _last[0] is not text:
            return self.regex.finditer(text, pos, endpos)
        view = _last if _last[0] is text else _remember(text)
        if self.gate_id >= 0:
            answer = view[4].get(self.gate_id)
            if not (self._gate(view) if answer is None else answer):
                return iter(())
        rx = self.regex_ascii if view[5] else self.regex
        if self.regex_low is not None and view[3]:
            low_rx = self.regex_low_ascii if view[5] else self.regex_low
            return _rematched(rx, text, low_rx.finditer(view[1], pos, endpos), endpos)  # type: ignore[union-attr]
        return rx.finditer(text, pos, endpos)

    def findall(self, text: str, pos: int = 0, endpos: int = _END) -> list[Any]:
        return self.regex.findall(text, pos, endpos) if self.opens(text) else []

    def sub(self, repl: Any, text: str, count: int = 0) -> str:
        if not self.opens(text):
            return text
        return (self.regex_ascii if _ascii_text(text) else self.regex).sub(repl, text, count)

    def split(self, text: str, maxsplit: int = 0) -> list[str | Any]:
        return self.regex.split(text, maxsplit) if self.opens(text) else [text]

    def __repr__(self) -> str:
        return f"GatedPattern({self.pattern!r}, literals={list(self.literals)}, caseless={self.regex_low is not None})"


def _rematched(rx: re.Pattern[str], text: str, hits: Iterator[re.Match[str]], endpos: int) -> Iterator[re.Match[str]]:
    for hit in hits:
        m = rx.match(text, hit.start(), endpos)
        if m is not None:  # always, by construction
            yield m


def _ascii(regex: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern with the ASCII flag (the same pattern wherever the text is ASCII)."""
    return re.compile(regex.pattern, (regex.flags & ~re.UNICODE) | re.ASCII)


_UNICODE_ONLY_SPACE = re.compile("[\x1c-\x1f]")  # \s under Unicode rules, not under ASCII ones


def _ascii_text(text: str) -> bool:
    """May ``text`` be matched with the ASCII flag, to the same result?"""
    return text.isascii() and _UNICODE_ONLY_SPACE.search(text) is None


Pattern = re.Pattern[str] | GatedPattern  # what the rules accept where a compiled pattern goes

# the text seen last: (text, lower-cased, folded for gates, whether lower-casing keeps offsets and
# equates what IGNORECASE does, gate answers so far, ASCII rules apply); the rules ask of one
# sentence many times in turn
_View = tuple[str, str, str, bool, dict[int, bool], bool]
_last: _View = ("", "", "", True, {}, True)


def _remember(text: str) -> _View:
    global _last
    low = text.lower()
    odd = not low.isascii() and _ODD.search(low) is not None
    view: _View = (text, low, low.translate(_FOLD) if odd else low, len(low) == len(text) and not odd, {},
                   _ascii_text(text))
    _last = view  # one assignment: another thread sees the old view or the new, never half of one
    return view


_GROUP_SYNTAX = re.compile(r"\(\?(?::|P<\w+>|P=\w+\)|=|!|<=|<!)")
_ESCAPE = re.compile(r"\\(?:N\{[^}]*\}|[uU][0-9a-fA-F]+|x[0-9a-fA-F]{2}|.)", re.S)
_KEPT = re.compile(_ESCAPE.pattern + "|" + _GROUP_SYNTAX.pattern, re.S)  # written as they are


def _lower_case_variant(regex: re.Pattern[str]) -> re.Pattern[str] | None:
    """The pattern for lower-cased text, without IGNORECASE: every letter outside escapes (``\\W``,
    ``\\N{...}``) lower-cased, which IGNORECASE made no different. None for a case-sensitive
    pattern or one with inline flags (``(?-i:...)``), where case still matters."""
    if not regex.flags & re.IGNORECASE:
        return None
    source = regex.pattern
    body = source[4:] if source.startswith("(?i)") else source
    if "(?" in _GROUP_SYNTAX.sub("(", _ESCAPE.sub("", body)):
        return None
    parts, pos = [], 0
    for m in _KEPT.finditer(body):
        parts += [body[pos : m.start()].lower(), m.group(0)]
        pos = m.end()
    parts.append(body[pos:].lower())
    try:
        return re.compile("".join(parts), regex.flags & ~re.IGNORECASE)
    except re.error:
        return None


def gated(pattern: str, flags: int = 0, *, gate: bool = True) -> Pattern:
    """``re.compile`` made cheaper (see :class:`GatedPattern`). ``gate=False`` where nearly every
    text holds one of the literals anyway (the check would cost more than it saves)."""
    regex = re.compile(pattern, flags)
    literals = required_literals(regex) if gate else None
    return GatedPattern(regex, literals, _lower_case_variant(regex))
