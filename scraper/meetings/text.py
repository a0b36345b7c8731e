"""Text normalisation and sentence splitting (language-independent).

Reports are split into paragraphs (lines) and sentences with character offsets, so that
every later rule can quote its evidence sentence verbatim and look at its neighbours.
Abbreviations and initials ("Mr.", "U.S.", "A. Gurbanov", "Nov. 3") do not end a sentence.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from scraper.meetings.matching import gated


def _words(text: str) -> frozenset[str]:
    """A word list written as running text (easier to read and extend than a literal)."""
    return frozenset(text.split())

# Tokens before a period that do not end a sentence (compared lower-cased, without the dot).
_ABBREVIATIONS = _words("""mr mrs ms dr prof st no nos vs etc jr sr gen col lt capt sen rep gov h.e he u.s u.k u.n
    e.g i.e jan feb mar apr jun jul aug sep sept oct nov dec approx inc ltd co corp dept
    ave mt ft p.m a.m
    г гг им ул пр др т.е т.д т.п тыс млн млрд руб долл янв фев апр авг сент окт нояб дек""")

# names whose last word is one letter, which a period after them ends a sentence
ONE_LETTER_NAMES = frozenset({"ван и"})
# the end mark and closing quotes, then the next sentence's start or the end of the paragraph
# (written with the marks first: ``re`` then skips to the next mark instead of trying every
# position; a plain pattern, since every paragraph is scanned once)
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]»]*(?:(?=\s+[\"'“‘(\[«]?[^\W_a-zа-яё])|\s*$)")
# a list item: "1. ...", "2) ...", "- ...", "• ..."; the list goes on while items end with ";" or ","
_LIST_ITEM = re.compile(r"(?:\d{1,2}[.)]|[-–—•])\s+\S")
_LIST_CONTINUES = re.compile(r":\s+(?:\d{1,2}[.)]|[-–—•])\s+.*[;,]$")
_LIST_NUMBER = re.compile(r"(?:^|[:;]\s)\d{1,2}$")  # "presented by: 1. Ambassador X; 2. ..."
# "... in Washington, D.C. The Secretary ...": a dotted acronym ends the sentence when a pronoun or
# article opens the next one (never a name: "U.S. President", "D. Trump")
_ACRONYM_THEN_SENTENCE = re.compile(r"[A-Z]\.[A-Z]\.\s+(?:The|He|She|They|It|This|These|In|On|At|During)\s")
_DIGRAPH_INITIAL = re.compile(r"[А-ЯЁ][а-яё]")
_DOTTED_ACRONYM = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_WORD_BEFORE = gated(r"([^\W_][\w.'’-]*)$")
_SPACES = gated(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_QUOTES = (("\u201c", '"'), ("\u201d", '"'), ("\u2018", "'"), ("\u2019", "'"), ("\u00ad", ""))
# where _SPACES would change a line: a run of two spaces, or a space other than " "
_ODD_SPACING = re.compile(r"[\t\u00a0\u2000-\u200b\u202f\u205f\u3000]|  ")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence with where it sits: paragraph number, index, and whether it is a heading."""

    text: str
    index: int
    paragraph: int
    heading: bool
    first_in_paragraph: bool


def normalise(text: str) -> str:
    """NFC, straight quotes, single spaces; keeps line breaks because they separate paragraphs."""
    text = unicodedata.normalize("NFC", text or "")
    for quote, straight in _QUOTES:  # str.replace: far cheaper than str.translate on Cyrillic text
        if quote in text:
            text = text.replace(quote, straight)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(
        (_SPACES.sub(" ", line) if _ODD_SPACING.search(line) else line).strip() for line in text.split("\n")
    )


def _is_abbreviation(before: str) -> bool:
    """Does the text before a period end with an abbreviation or an initial?"""
    m = _WORD_BEFORE.search(before)
    if not m:
        return False
    word = m.group(1)
    low = word.lower().rstrip(".")
    if low in _ABBREVIATIONS:
        return True
    # a single capital letter is an initial ("A. Gurbanov"), "U.S" style dotted acronyms too, except
    # where it is a whole given name ("... с Ван И. Состоялась также беседа")
    if len(word) == 1 and word.isupper():
        return " ".join(before[-12:].split()[-2:]).lower() not in ONE_LETTER_NAMES
    if _DIGRAPH_INITIAL.fullmatch(word):  # Russian digraph initials: "Дж. Байрамов"
        return True
    return bool(_DOTTED_ACRONYM.fullmatch(word))


def split_paragraph(par: str) -> list[str]:
    """Sentences of one paragraph, in order; never loses text."""
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(par):
        end = m.end()
        if m.group(0).startswith(".") and (_is_abbreviation(par[max(start, m.start() - 24) : m.start()])
                                           or _LIST_NUMBER.search(par, max(start, m.start() - 6), m.start())) \
                and not _ACRONYM_THEN_SENTENCE.match(par, m.start() - 3, m.end() + 12):
            continue
        piece = par[start:end].strip()
        if piece:
            out.append(piece)
        start = end
    rest = par[start:].strip()
    if rest:
        out.append(rest)
    return out


def _paragraphs(text: str) -> list[str]:
    """Paragraphs, with a numbered or dashed list joined to the line that introduces it with a
    colon ("Credentials were presented by:" / "1. Ambassador X;" / "2. Ambassador Y."), since
    the list finishes that sentence."""
    out: list[str] = []
    for par in (p for p in normalise(text).split("\n") if p.strip()):
        if out and _LIST_ITEM.match(par) and (out[-1].endswith(":") or _LIST_CONTINUES.search(out[-1])):
            out[-1] = out[-1] + " " + par
        else:
            out.append(par)
    return out


def split_sentences(text: str) -> list[Sentence]:
    """All sentences of a report; a short paragraph without final punctuation is a heading."""
    sentences: list[Sentence] = []
    for p_index, par in enumerate(_paragraphs(text)):
        pieces = split_paragraph(par)
        for i, piece in enumerate(pieces):
            # (an item of a dashed list, "- was received by X,", continues the text before it)
            heading = len(pieces) == 1 and len(piece.split()) <= 16 and not re.search(r"[.!?:\"')]\s*$", piece) \
                and not _LIST_ITEM.match(piece)
            sentences.append(
                Sentence(
                    text=piece,
                    index=len(sentences),
                    paragraph=p_index,
                    heading=heading,
                    first_in_paragraph=i == 0,
                )
            )
    return sentences
