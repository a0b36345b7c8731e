"""Bytes -> text -> lxml tree, and a small CSS-selector engine for per-source selectors.

Kept apart from the extraction rules so that decoding (the most common source of garbage)
and parsing (the only place lxml may raise) are each done once, in one guarded place.
"""

from __future__ import annotations

import codecs
import re
import threading
from functools import lru_cache

from lxml import etree, html
from lxml.html import HtmlElement

_META_CHARSET = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
# C0 controls other than tab/newline/CR, lone surrogates and non-characters make libxml2 refuse text.
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def _codec(name: bytes | str) -> str | None:
    label = name.decode("ascii", "ignore") if isinstance(name, bytes) else name
    try:
        return codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None


def decode_html(data: str | bytes) -> str:
    """Text of a page whatever its bytes claim.

    Valid multi-byte UTF-8 wins over a declared single-byte charset because servers and CMSs
    mislabel UTF-8 far more often than a cp1251/latin-1 page happens to be valid UTF-8.
    """
    text = data if isinstance(data, str) else _decode_bytes(bytes(data))
    text = _BAD_CHARS.sub("", text)
    return _XML_DECL.sub("", text, count=1)


def _decode_bytes(data: bytes) -> str:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(name, "replace")
    head = data[:4096]
    m = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    declared = _codec(m.group(1)) if m else None
    non_ascii = any(b > 0x7F for b in head) or any(b > 0x7F for b in data[4096:65536])
    if non_ascii:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    if declared and declared not in ("utf-8", "utf-16", "utf-16-le", "utf-16-be"):
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    if non_ascii and not declared:
        guess = _guess_codec(data)
        if guess:
            return data.decode(guess, "replace")
    return data.decode(declared if declared and declared.startswith("utf-8") else "utf-8", "replace")


def _guess_codec(data: bytes) -> str | None:
    """charset-normalizer's best guess, only for undeclared non-UTF-8 bytes (slow path)."""
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:65536]).best()
    except Exception:  # pragma: no cover - the detector is an optional nicety
        return None
    return _codec(best.encoding) if best is not None else None


_LOCAL = threading.local()


def _parser() -> html.HTMLParser:
    """One parser per thread: lxml parser objects must not be shared across threads."""
    parser = getattr(_LOCAL, "parser", None)
    if parser is None:
        parser = _LOCAL.parser = html.HTMLParser(remove_comments=True, remove_pis=True, default_doctype=False)
    return parser


def parse_html(text: str) -> HtmlElement | None:
    """An lxml document tree, or None when there is nothing to parse."""
    if not text.strip():
        return None
    try:
        root = html.document_fromstring(text, parser=_parser())
    except (etree.ParserError, ValueError, TypeError):
        return None
    return root if isinstance(root, HtmlElement) else None


# ----------------------------------------------------------------- CSS selectors
# A small subset is enough for catalog selectors ("div.news_page-text", "h1.entry-title",
# "div.publish_date span:last-child", "a[href*='/time/']"); cssselect is used when present.

_TOKEN = re.compile(
    r"""\s*(?P<comb>[>+~]|\s)?\s*
        (?P<tag>\*|[A-Za-z][A-Za-z0-9-]*)?
        (?P<rest>(?:\#[\w-]+|\.[\w-]+|\[[^\]]+\]|:[\w-]+(?:\([^)]*\))?)*)""",
    re.X,
)
_PART = re.compile(r"\#([\w-]+)|\.([\w-]+)|\[([^\]]+)\]|:([\w-]+)(?:\(([^)]*)\))?")
_ATTR = re.compile(r"""^\s*([\w:-]+)\s*(?:([~^$*|]?=)\s*["']?(.*?)["']?)?\s*$""")


def _xpath_literal(value: str) -> str:
    if "'" not in value:
        return f"'{value}'"
    if '"' not in value:
        return f'"{value}"'
    return "concat(" + ', "\'", '.join(f"'{p}'" for p in value.split("'")) + ")"


def _conditions(rest: str) -> list[str]:
    conds: list[str] = []
    for m in _PART.finditer(rest):
        ident, cls, attr, pseudo, arg = m.groups()
        if ident:
            conds.append(f"@id={_xpath_literal(ident)}")
        elif cls:
            conds.append(f"contains(concat(' ', normalize-space(@class), ' '), {_xpath_literal(' ' + cls + ' ')})")
        elif attr:
            am = _ATTR.match(attr)
            if not am:
                raise ValueError(f"unsupported attribute selector [{attr}]")
            name, op, val = am.group(1), am.group(2), am.group(3) or ""
            lit = _xpath_literal(val)
            conds.append(
                {
                    None: f"@{name}",
                    "=": f"@{name}={lit}",
                    "*=": f"contains(@{name}, {lit})",
                    "^=": f"starts-with(@{name}, {lit})",
                    "$=": f"substring(@{name}, string-length(@{name}) - {len(val) - 1})={lit}",
                    "~=": f"contains(concat(' ', normalize-space(@{name}), ' '), {_xpath_literal(' ' + val + ' ')})",
                    "|=": f"(@{name}={lit} or starts-with(@{name}, {_xpath_literal(val + '-')}))",
                }[op]
            )
        elif pseudo:
            conds.append(_pseudo(pseudo, arg))
    return conds


def _pseudo(name: str, arg: str | None) -> str:
    if name == "first-child":
        return "not(preceding-sibling::*)"
    if name == "last-child":
        return "not(following-sibling::*)"
    if name == "nth-child" and arg and arg.strip().isdigit():
        return f"count(preceding-sibling::*) = {int(arg) - 1}"
    raise ValueError(f"unsupported pseudo-class :{name}")


def _css_one(selector: str) -> str:
    path, pos = "descendant-or-self::", 0
    first = True
    selector = selector.strip()
    while pos < len(selector):
        m = _TOKEN.match(selector, pos)
        if not m or m.end() == pos:
            raise ValueError(f"unsupported CSS selector {selector!r}")
        comb = (m.group("comb") or " ").strip()
        tag = m.group("tag") or "*"
        conds = _conditions(m.group("rest") or "")
        if not first:
            path += {
                "": "/descendant::",
                ">": "/",
                "+": "/following-sibling::*[1]/self::",
                "~": "/following-sibling::",
            }[comb]
        path += tag + "".join(f"[{c}]" for c in conds)
        first = False
        pos = m.end()
    return path


@lru_cache(maxsize=256)
def css_to_xpath(selector: str) -> str:
    """XPath for a CSS selector (cssselect when installed, else the built-in subset)."""
    try:
        from cssselect import GenericTranslator  # type: ignore[import-not-found,unused-ignore]

        return str(GenericTranslator().css_to_xpath(selector))
    except ImportError:
        pass
    return " | ".join(_css_one(part) for part in selector.split(",") if part.strip())


def select(root: HtmlElement, selector: str | None) -> list[HtmlElement]:
    """Elements matching a CSS selector, in document order; [] for a bad selector."""
    if not selector:
        return []
    try:
        found = root.xpath(css_to_xpath(selector))
    except Exception:
        return []
    return [e for e in found if isinstance(e, HtmlElement)]


# ------------------------------------------------------------ boilerplate vocabulary
# Class/id words that mark page furniture. "Strong" words mark a block as furniture even
# inside an article container; "weak" ones only where no content word is present too.
_WORD = re.compile(r"[a-z]+")
STRONG_BAD = (
    "comment",
    "share",
    "sharing",
    "social",
    "related",
    "recommend",
    "tooltip",
    "sidebar",
    "advert",
    "adfox",
    "adsense",
    "adslot",
    "banner",
    "promo",
    "newsletter",
    "subscri",
    "breadcrumb",
    "cookie",
    "popup",
    "modal",
    "outbrain",
    "taboola",
    "disqus",
    "readalso",
    "readmore",
    "morenews",
    "mostread",
    "popular",
    "trending",
    "taglist",
    "keyword",
    "lenta",
    "ticker",
    "rating",
    "signup",
    "captcha",
    "sponsor",
    "privacy",
    "consent",
    "gdpr",
    "gallery",
    "slider",
    "carousel",
    "lightbox",
    "pagination",
    "pager",
    "widget",
    "masha",
)
STRONG_EXACT = frozenset(
    {
        "ad",
        "ads",
        "tags",
        "tag",
        "cut",
        "rates",
        "currency",
        "weather",
        "print",
        "hidden",
        "bottommeta",
        "byline",
        "author",
        "nav",
        "caption",
        "figcaption",
    }
)
WEAK_BAD = ("nav", "menu", "footer", "header", "masthead", "toolbar", "meta", "topline", "topbar", "aside")
CONTENT_WORDS = ("article", "content", "entry", "main", "body", "story", "text", "post", "news")
FURNITURE_TAGS = frozenset({"nav", "aside", "footer", "header", "menu"})


def class_words(el: HtmlElement) -> list[str]:
    """Lower-case alphabetic words of an element's class and id ("post--related" -> post, related)."""
    attrs = el.attrib
    value = (attrs.get("class") or "") + " " + (attrs.get("id") or "")
    return _WORD.findall(value.lower()) if value.strip() else []


def furniture_score(el: HtmlElement) -> int:
    """2 = surely furniture, 1 = furniture unless it holds the article, 0 = content or unknown."""
    words = class_words(el)
    if not words:
        return 0
    if any(w in STRONG_EXACT for w in words) or any(w.startswith(STRONG_BAD) for w in words):
        return 2
    if any(w.startswith(WEAK_BAD) for w in words):
        return 0 if any(w.startswith(CONTENT_WORDS) for w in words) else 1
    return 0


# Where a date or a title must never come from: sidebars, tickers, menus, "related" lists.
# Narrower than furniture_score: "meta" and Bootstrap's "nav" class hold real bylines.
OUTSIDE_WORDS = (
    "sidebar",
    "lenta",
    "ticker",
    "related",
    "recommend",
    "popular",
    "trending",
    "widget",
    "rates",
    "currency",
    "weather",
    "topline",
    "topbar",
    "footer",
    "menu",
    "breadcrumb",
    "comment",
    "mostread",
    "morenews",
    "banner",
    "promo",
    "aside",
    "marquee",
    "feed",
    "latest",
    "lastnews",
)


def in_furniture(el: HtmlElement) -> bool:
    """Whether ``el`` sits inside navigation, a sidebar, a ticker or other page furniture.

    A <header> counts only outside <article>/<main>: article headers hold the title and date.
    """
    header_seen = False
    node: HtmlElement | None = el
    while node is not None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in ("article", "main"):
            header_seen = False
        elif tag == "header":
            header_seen = True
        if tag in ("nav", "aside", "footer", "menu") or any(w.startswith(OUTSIDE_WORDS) for w in class_words(node)):
            return True
        node = node.getparent()
    return header_seen


def norm_space(text: str) -> str:
    """Collapse every run of whitespace (including no-break spaces) to one space."""
    return " ".join(text.split())
