"""Body text: per-source selectors, else a fast content-container heuristic, else trafilatura.

The heuristic (score text blocks by length and commas, credit their parent and grandparent,
take the best container and its like siblings) handles the common news layout in a few
milliseconds on a tree we already parsed for metadata. trafilatura, slower but better on odd
layouts, is called only when the heuristic's answer looks thin or unsure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

from scraper.extract_html import HtmlElement, furniture_score, norm_space, select

DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "svg",
    "canvas",
    "video",
    "audio",
    "select",
    "textarea",
    "input",
    "button",
    "map",
    "head",
    "link",
    "meta",
    "nav",
    "aside",
    "footer",
    "menu",
    "figcaption",
    "dialog",
)
BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "table",
        "tr",
        "td",
        "th",
        "tbody",
        "thead",
        "figure",
        "header",
        "address",
        "center",
        "form",
        "fieldset",
        "details",
        "summary",
        "hr",
        "br",
        "body",
        "html",
    }
)
_TEXT_BLOCKS = ("p", "pre", "blockquote", "h2", "h3", "h4", "td", "div", "section", "span", "font", "dd")

# Inline cross-links and share prompts: a line that starts like this is never article text.
_READ_ALSO = re.compile(
    r"^\W*(?:read also|also read|read more|see also|related(?: news| articles?| stories)?|more on this|"
    r"you might also like|you may also like|recommended|читайте также|читайте ещё|читайте еще|также читайте|"
    r"смотрите также|см\. также|по теме|новости по теме|подробнее|həmçinin oxu|həmçinin bax|oxu|daha ətraflı)"
    r"\s*(?:[:.\-–—»>|]|$)",
    re.I,
)
# ... the same prompt glued to the end of a paragraph ("... the ministry said. Read also: <title>")
_READ_ALSO_INLINE = re.compile(
    r"\s(?:read also|also read|see also|read more|читайте также|смотрите также|həmçinin oxu)\s*[:\-–—»]", re.I
)
_SHORT_JUNK = re.compile(
    r"^\W*(?:share(?: this)?(?: article| on \w+)?|поделиться|advertisement|реклама|reklam|print|печать|"
    r"follow us(?: on \w+)?|подписывайтесь.*|subscribe.*|tweet|facebook|twitter|telegram|whatsapp|vk|"
    r"comments?|комментарии|loading\.*|\d+ views?|просмотров.*)\W*$",
    re.I,
)
_WORD = re.compile(r"\w", re.U)
_INLINE_KEEP = frozenset({"a", "b", "strong", "em", "i", "u", "abbr", "time", "sup", "sub", "mark", "q", "cite"})
_COMMAS = re.compile(r"[,،，、]")


def drop_junk(root: HtmlElement) -> None:
    """Remove scripts, forms' controls and page furniture (menus, sidebars, share bars, tooltips)."""
    etree.strip_elements(root, *DROP_TAGS, with_tail=False)
    doomed: list[HtmlElement] = []
    for el in root.iter():
        tag = el.tag
        if not isinstance(tag, str) or tag in ("html", "body") or el is root:
            continue
        attrs = el.attrib
        if (
            "hidden" in attrs
            or attrs.get("aria-hidden") == "true"
            or "display:none" in (attrs.get("style") or "").replace(" ", "").lower()
        ):
            doomed.append(el)
            continue
        if tag == "header" or (tag == "time" and _standalone(el)):
            doomed.append(el)
            continue
        if tag in _INLINE_KEEP or attrs.get("itemprop") == "articleBody":
            continue  # a person link classed "person_tag" is text; its tooltip <span> is not
        score = furniture_score(el)
        if score == 2 or (score == 1 and tag not in ("article", "main")):
            doomed.append(el)
    if not doomed:
        return
    total = sum(len(p.text_content()) for p in root.iter("p"))
    for el in doomed:
        parent = el.getparent()
        if parent is not None and not _holds_article(el, total):
            el.drop_tree()


def _standalone(el: HtmlElement) -> bool:
    """A <time> that is a byline of its own, not a date inside a sentence."""
    parent = el.getparent()
    if parent is None or parent.tag not in ("article", "section", "main", "div", "body", "header", "footer"):
        return False
    prev = el.getprevious()
    before = (prev.tail if prev is not None else parent.text) or ""
    return not before.strip() and not (el.tail or "").strip()


def _holds_article(el: HtmlElement, total: int) -> bool:
    """Never drop a block that carries most of the page's text (a "post-share-wrapper" can)."""
    if el.xpath("descendant::*[@itemprop='articleBody'][1]"):
        return True
    if total < 500:
        return False
    text = 0
    for p in el.iter("p"):
        text += len(p.text_content())
        if text > 0.6 * total:
            return True
    return False


def blocks(container: HtmlElement) -> list[str]:
    """Paragraph texts of a container: block elements and <br> break lines, whitespace collapsed."""
    out: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        if buf:
            text = norm_space("".join(buf))
            if text:
                out.append(text)
            buf.clear()

    for event, el in etree.iterwalk(container, events=("start", "end")):
        tag = el.tag
        if not isinstance(tag, str):
            if event == "end" and el is not container and el.tail:
                buf.append(el.tail)
            continue
        if event == "start":
            if tag in BLOCK_TAGS:
                flush()
            elif tag in ("td", "th"):
                buf.append(" ")
            if el.text:
                buf.append(el.text)
        else:
            if tag in BLOCK_TAGS:
                flush()
            elif tag in ("img",) and el.get("alt") is None:
                pass
            if el is not container and el.tail:
                buf.append(el.tail)
    flush()
    return out


def _own_text_len(el: HtmlElement) -> int:
    """Length of text directly inside ``el`` (its text and children's tails), not nested blocks."""
    n = len((el.text or "").strip())
    for child in el:
        if child.tail:
            n += len(child.tail.strip())
        if isinstance(child.tag, str) and child.tag not in BLOCK_TAGS:
            n += len(child.text_content().strip())
    return n


def _link_len(el: HtmlElement) -> int:
    return sum(len(a.text_content().strip()) for a in el.iter("a"))


class Candidate:
    """The chosen content container(s) and how sure the choice is."""

    def __init__(self, nodes: list[HtmlElement], score: float, runner_up: float, total: float) -> None:
        self.nodes = nodes
        self.score = score
        self.runner_up = runner_up
        self.total = total


def best_container(root: HtmlElement) -> Candidate | None:
    """Score text blocks and credit their ancestors; return the best container and its siblings."""
    scores: dict[HtmlElement, float] = {}
    total = 0.0
    for el in root.iter(*_TEXT_BLOCKS):
        tag = el.tag
        if tag in ("div", "section", "span", "font", "td", "dd", "li"):
            length = _own_text_len(el)
            if length < 80:
                continue
            text = norm_space(el.text_content())
        else:
            text = norm_space(el.text_content())
            length = len(text)
            if length < 25:
                continue
        links = _link_len(el)
        if links > 0.5 * max(length, 1):
            continue
        score = 1.0 + len(_COMMAS.findall(text)) + min(length / 100.0, 3.0)
        if tag in ("h2", "h3", "h4"):
            score = 0.5
        total += score
        parent = el if tag in ("div", "section", "td", "dd") else el.getparent()
        weight = 1.0
        for _ in range(3):
            if parent is None or parent.tag in ("html",):
                break
            scores[parent] = scores.get(parent, 0.0) + score * weight
            weight *= 0.5
            parent = parent.getparent()
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)[:8]
    adjusted: list[tuple[float, HtmlElement]] = []
    for el, score in ranked:
        text_len = len(el.text_content()) or 1
        density = min(_link_len(el) / text_len, 1.0)
        adjusted.append((score * (1.0 - density), el))
    adjusted.sort(key=lambda x: x[0], reverse=True)
    best_score, best = adjusted[0]
    runner = next((s for s, el in adjusted[1:] if not _related(el, best)), 0.0)
    nodes = [best]
    parent = best.getparent()
    if parent is not None and best.tag != "body":
        threshold = max(10.0, best_score * 0.2)
        nodes = []
        for sib in parent:
            if not isinstance(sib.tag, str):
                continue
            if sib is best:
                nodes.append(sib)
                continue
            sib_score = scores.get(sib, 0.0)
            if sib_score >= threshold and _link_len(sib) < 0.3 * (len(sib.text_content()) or 1):
                nodes.append(sib)
            elif sib.tag == "p":
                text = norm_space(sib.text_content())
                dens = _link_len(sib) / (len(text) or 1)
                if (len(text) > 80 and dens < 0.25) or (0 < len(text) <= 80 and dens == 0 and text.endswith(".")):
                    nodes.append(sib)
    nodes = _with_twins(root, best, nodes, scores)
    return Candidate(nodes, best_score, runner, total)


def _with_twins(
    root: HtmlElement, best: HtmlElement, nodes: list[HtmlElement], scores: dict[HtmlElement, float]
) -> list[HtmlElement]:
    """Add the best container's twins: same tag and class elsewhere (a body split by ads/figures).

    Returned in document order so the paragraphs read as on the page.
    """
    cls = (best.get("class") or "").strip()
    if not cls:
        return nodes
    twins = [
        el
        for el in root.iter(best.tag)
        if el.get("class") == best.get("class")
        and scores.get(el, 0.0) >= 3.0
        and not any(_related(el, n) for n in nodes)
    ]
    if not twins:
        return nodes
    order = {el: i for i, el in enumerate(root.iter())}
    return sorted([*nodes, *twins], key=lambda el: order.get(el, 0))


def _related(a: HtmlElement, b: HtmlElement) -> bool:
    """Whether one element contains the other (scores of nested boxes are not rivals)."""
    node: HtmlElement | None = a
    while node is not None:
        if node is b:
            return True
        node = node.getparent()
    node = b
    while node is not None:
        if node is a:
            return True
        node = node.getparent()
    return False


def container_paragraphs(nodes: Iterable[HtmlElement]) -> list[str]:
    """Paragraphs of the chosen nodes, dropping link lists (more than half link text)."""
    out: list[str] = []
    for node in nodes:
        for el_text, dens in _paragraphs_with_density(node):
            if dens > 0.5 and len(el_text) < 400:
                continue
            out.append(el_text)
    return out


def _paragraphs_with_density(node: HtmlElement) -> list[tuple[str, float]]:
    """Like :func:`blocks`, but each paragraph knows the share of its text inside links."""
    out: list[tuple[str, float]] = []
    buf: list[str] = []
    link_chars = 0
    link_depth = 0

    def flush() -> None:
        nonlocal link_chars
        if buf:
            text = norm_space("".join(buf))
            if text:
                raw = max(len("".join(buf).strip()), 1)
                out.append((text, min(link_chars / raw, 1.0)))
            buf.clear()
        link_chars = 0

    for event, el in etree.iterwalk(node, events=("start", "end")):
        tag = el.tag
        if not isinstance(tag, str):
            if event == "end" and el is not node and el.tail:
                buf.append(el.tail)
                if link_depth:
                    link_chars += len(el.tail.strip())
            continue
        if event == "start":
            if tag in BLOCK_TAGS:
                flush()
            elif tag in ("td", "th"):
                buf.append(" ")
            if tag == "a":
                link_depth += 1
            if el.text:
                buf.append(el.text)
                if link_depth:
                    link_chars += len(el.text.strip())
        else:
            if tag == "a":
                link_depth -= 1
            if tag in BLOCK_TAGS:
                flush()
            if el is not node and el.tail:
                buf.append(el.tail)
                if link_depth:
                    link_chars += len(el.tail.strip())
    flush()
    return out


def selector_body(root: HtmlElement, body: str, drop: tuple[str, ...]) -> list[str]:
    """Paragraphs of the per-source body selector, with the source's drop selectors removed."""
    found = select(root, body)
    if not found:
        return []
    for sel in drop:
        for el in select(root, sel):
            if el.getparent() is not None:
                el.drop_tree()
    # elements nested in another match would be read twice
    top = [el for el in found if not any(o is not el and _is_ancestor(o, el) for o in found)]
    for el in top:
        drop_junk(el)  # tooltips, share bars and ads inside the selected body still go
    return container_paragraphs(top)


def _is_ancestor(a: HtmlElement, b: HtmlElement) -> bool:
    node = b.getparent()
    while node is not None:
        if node is a:
            return True
        node = node.getparent()
    return False


def tidy(paragraphs: Iterable[str], title: str) -> list[str]:
    """Drop "Read also" lines, share prompts, a repeated title and marks without words ("<…>")."""
    title_key = _key(title)
    out: list[str] = []
    for text in paragraphs:
        if not _WORD.search(text):
            continue
        if len(text) < 300 and _READ_ALSO.match(text):
            continue
        cut = _READ_ALSO_INLINE.search(text)
        if cut and len(text) - cut.start() < 250:
            text = text[: cut.start()].rstrip()
        if len(text) < 80 and _SHORT_JUNK.match(text):
            continue
        if not out and title_key and _key(text) == title_key:
            continue
        if out and out[-1] == text:
            continue
        out.append(text)
    return out


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()


def trafilatura_paragraphs(text: str, url: str) -> list[str]:
    """trafilatura's body, precision-first, no comments, no tables; [] when it finds nothing."""
    try:
        import trafilatura

        result = trafilatura.extract(
            text,
            url=url or None,
            favor_precision=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            with_metadata=False,
            deduplicate=False,
        )
    except Exception:
        return []
    if not result:
        return []
    return [norm_space(re.sub(r"^\s*[-*•]\s+", "", line)) for line in result.split("\n") if line.strip()]
