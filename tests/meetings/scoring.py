"""A small scorer for the golden test, independent of ../shared.

It follows the published metric in spirit (meetings match within a document when dates agree
and country sets overlap with Jaccard >= 0.5; participants match by folded surname), so that
the floor test runs on a clean clone. The official figures come from ../shared/eval/score.py.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any

_CYR = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
                 "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"], strict=True))
_FOLDS = [("shch", "sh"), ("sch", "sh"), ("kh", "h"), ("dzh", "j"), ("zh", "j"), ("ch", "c"), ("sh", "s"),
          ("yu", "u"), ("ya", "a"), ("w", "v"), ("y", "i"), ("q", "g"), ("x", "h"), ("ck", "k"), ("c", "k"),
          ("g", "k")]


def fold(s: str | None) -> str:
    s = (s or "").lower()
    s = "".join(_CYR.get(ch, {"ə": "a", "ı": "i"}.get(ch, ch)) for ch in s)
    s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    s = "".join(ch if ch.isalpha() else " " for ch in s)
    for a, b in _FOLDS:
        s = s.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", s)


def surname(name: str | None) -> str:
    toks = [t for t in fold(name).split() if len(t) > 1]
    return toks[-1] if toks else ""


def _consonants(tok: str) -> str:
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiou]", "", tok))


def same_person(a: str | None, b: str | None) -> bool:
    sa, sb = surname(a), surname(b)
    if not sa or not sb:
        return False
    if sa == sb or (len(sa) > 3 and _consonants(sa) == _consonants(sb)):
        return True
    ka, kb = set(fold(a).split()), set(fold(b).split())
    return bool(ka and kb and (ka <= kb or kb <= ka))


def _d(s: Any) -> date | None:
    try:
        return date.fromisoformat(str(s)[:10])
    except ValueError:
        return None


def _dates_agree(g: dict[str, Any], p: dict[str, Any]) -> bool:
    gd, pd = _d(g.get("date")), _d(p.get("date"))
    if gd is None or pd is None:
        return False
    end = _d(g.get("end_date")) if g.get("end_date") else gd
    if gd <= pd <= (end or gd):
        return True
    return g.get("date_exact") is False and abs((pd - gd).days) <= 7


def _countries(m: dict[str, Any]) -> set[str]:
    return {str(c).upper() for c in m.get("countries") or []}


def _named(m: dict[str, Any]) -> list[str]:
    return [p["name"] for p in m.get("participants") or [] if p.get("name")]


def _shared(g: dict[str, Any], p: dict[str, Any]) -> int:
    used: set[int] = set()
    n = 0
    for gn in _named(g):
        for i, pn in enumerate(_named(p)):
            if i not in used and same_person(gn, pn):
                used.add(i)
                n += 1
                break
    return n


@dataclass
class Figures:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    kind_ok: int = 0
    loc_ok: int = 0
    loc_n: int = 0
    pp_tp: int = 0
    pp_pred: int = 0
    pp_gold: int = 0
    neg_docs: int = 0
    neg_hit: int = 0
    errors: list[str] = field(default_factory=list)

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return self._f1(self.precision, self.recall)

    @property
    def participant_f1(self) -> float:
        p = self.pp_tp / self.pp_pred if self.pp_pred else 0.0
        r = self.pp_tp / self.pp_gold if self.pp_gold else 0.0
        return self._f1(p, r)

    @property
    def kind_accuracy(self) -> float:
        return self.kind_ok / self.tp if self.tp else 0.0

    @property
    def false_alarm_rate(self) -> float:
        return self.neg_hit / self.neg_docs if self.neg_docs else 0.0


def score(golds: list[dict[str, Any]], preds: dict[str, list[dict[str, Any]]]) -> Figures:
    f = Figures()
    for doc in golds:
        gm = doc.get("meetings") or []
        pm = preds.get(doc["id"], [])
        if not gm:
            f.neg_docs += 1
            f.neg_hit += bool(pm)
        cands = []
        for gi, g in enumerate(gm):
            for pi, p in enumerate(pm):
                if not _dates_agree(g, p):
                    continue
                a, b = _countries(g), _countries(p)
                j = len(a & b) / len(a | b) if a | b else 1.0
                if j >= 0.5:
                    cands.append((_shared(g, p), j, gi, pi))
        cands.sort(reverse=True)
        gu: set[int] = set()
        pu: set[int] = set()
        for _, _, gi, pi in cands:
            if gi in gu or pi in pu:
                continue
            gu.add(gi)
            pu.add(pi)
            g, p = gm[gi], pm[pi]
            f.tp += 1
            f.kind_ok += g.get("kind") == p.get("kind")
            city = (g.get("location") or {}).get("city")
            if city:
                f.loc_n += 1
                ok = fold(city) == fold(((p.get("location") or {}).get("city")) or "")
                f.loc_ok += ok
                if not ok:
                    f.errors.append(f"LOCATION {doc['id']} gold={city} pred={p.get('location')}")
            f.pp_tp += _shared(g, p)
            f.pp_pred += len(_named(p))
            f.pp_gold += len(_named(g))
            if g.get("kind") != p.get("kind"):
                f.errors.append(f"KIND {doc['id']} gold={g.get('kind')} pred={p.get('kind')}")
        f.fp += len(pm) - len(pu)
        f.fn += len(gm) - len(gu)
        f.errors += [f"MISSED {doc['id']} {g.get('date')} {g.get('kind')} {g.get('countries')}"
                     for i, g in enumerate(gm) if i not in gu]
        f.errors += [f"SPURIOUS {doc['id']} {p.get('date')} {p.get('kind')} {p.get('countries')}"
                     for i, p in enumerate(pm) if i not in pu]
    return f
