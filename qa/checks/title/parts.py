"""Headline furniture and punctuation: site tails, pipe prefixes, CJK marks, a final period.

A news page's <title> carries the site name ("... - China News Network", "..._china-net")
and section labels ("... - Rolling News", "... – International"); copied into a release
they are page furniture. A tail segment is furniture when it names a site (a domain, or a
short name built on a media word such as News, Network, Online, Daily) or is a lone
section label.
"""
from __future__ import annotations

import re
from functools import cache

from ..._speed.regex import CompiledPattern, regex_compile
from ...document.model import Document
from .grammar import DETERMINERS

MEDIA_WORDS = frozenset("""
news network net online website web site portal daily times post herald tribune journal
gazette observer weekly channel media press agency tv radio broadcasting xinhua chinanews
reuters bloomberg
""".split())
SECTION_LABELS = frozenset("""
international domestic world china business finance economy tech technology sports
sport culture entertainment opinion society politics local national headlines
""".split())
# Chinese web portals and media brands whose names carry no media word ("- Sina Finance",
# "_Sohu", "- Finance - Sina"); companies that also make other things (Tencent) are left out
PORTALS = frozenset("""
sina sohu netease ifeng toutiao eastmoney hexun caixin yicai thepaper jiemian huanqiu cctv
cgtn cnr cri
""".split())
MAX_TAIL_WORDS = 6
_NOT_A_NAME_START = DETERMINERS - {"the"}      # "the People's Daily" may open a site name
_SEPARATOR_CHARS = frozenset("-–—|︱｜_")
_PIPES = frozenset("|︱｜")


# Patterns are compiled on first use (a `regex` compile costs up to a millisecond, paid by
# every start-up otherwise).
@cache
def _tail_sep() -> CompiledPattern:
    return regex_compile(r"\s+[-–—|︱｜]+\s*|[-–—]+(?=\s*\p{L}[\p{L}.]*\.(?:com|net|cn|org)\b)"
                         r"|\s*_(?=\p{L})|(?<=\S)\s*[|︱｜]\s*")


@cache
def _domain() -> CompiledPattern:
    return regex_compile(r"^[\p{L}\p{N}.-]+\.(?:com|net|cn|org|gov|info|co)(?:\.\p{L}{2})?$", re.I)


@cache
def _word() -> CompiledPattern:
    return regex_compile(r"[\p{L}\p{N}][\p{L}\p{N}'’&.-]*")


@cache
def _cjk() -> CompiledPattern:
    return regex_compile(r"[\p{Han}\u3000-\u303F\uFF01-\uFF5E]+")


@cache
def _abbreviation_end() -> CompiledPattern:
    return regex_compile(
        r"(?:\b(?:Inc|Ltd|Co|Corp|Jr|Sr|St|etc|No|Bros|Dept)|(?:\b\p{L}\.)+\p{L})\.$")


@cache
def _pipe_label() -> CompiledPattern:
    return regex_compile(r"([^|︱｜]{1,40}?)\s*[|︱｜]\s*")


def _furniture(segment: str) -> bool:
    seg = segment.strip(" .")
    if not seg:
        return False
    if _domain().match(seg):
        return True
    words = _word().findall(seg)
    if not words or len(words) > MAX_TAIL_WORDS:
        return False
    lows = [w.casefold().rstrip(".") for w in words]
    if len(words) == 1 and lows[0] in SECTION_LABELS:
        return True
    if any(w.endswith(("net", "news")) and len(w) > 5 for w in lows[-1:]):
        return True                      # "Chinanews", "china-net"
    if lows[0] in PORTALS and len(words) <= 3 and all(
            w[:1].isupper() or lw in SECTION_LABELS or lw in MEDIA_WORDS for w, lw in zip(words, lows)):
        return True                      # "Sina Finance", "Sohu"
    if lows[0] in _NOT_A_NAME_START:
        return False                     # "- a first for the network": a phrase, not a name
    return any(w in MEDIA_WORDS for w in lows) and all(
        w[:1].isupper() or w.casefold() in ("and", "of", "the", "&") or lows[-1] in MEDIA_WORDS
        for w in words)


def site_tail(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the site/section tail at the end of the headline text[start:end]: from
    the first separator of the furniture chain to the end (a final period excluded)."""
    if end > start and text[end - 1] == ".":
        end -= 1
    if _SEPARATOR_CHARS.isdisjoint(text[start:end]):
        return None                      # every separator holds a dash, pipe or underscore
    cuts = [m for m in _tail_sep().finditer(text, start, end) if m.start() > start]
    tail_start = None
    seg_end = end
    for m in reversed(cuts):
        if not _furniture(text[m.end():seg_end]):
            break
        tail_start, seg_end = m.start(), m.start()
    if tail_start is None or not text[start:tail_start].strip():
        return None
    return tail_start, end


def pipe_prefix(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A short label before a pipe at the start of the headline ("Face-to-face | ...")."""
    if _PIPES.isdisjoint(text[start:end]):
        return None
    m = _pipe_label().match(text, start, end)
    if not m or len(_word().findall(m.group(1))) > 4:
        return None
    return start, m.end()


def cjk_marks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Runs of Chinese characters, CJK punctuation and full-width forms in the headline."""
    if text[start:end].isascii():
        return []
    return [m.span() for m in _cjk().finditer(text, start, end)]


def final_period(text: str, start: int, end: int) -> int | None:
    """Offset of a final full stop that is not part of an abbreviation or an ellipsis."""
    if end <= start or text[end - 1] != "." or (end - start >= 2 and text[end - 2] == "."):
        return None
    if _abbreviation_end().search(text, start, end):
        return None
    return end - 1


def title_tail(doc: Document) -> tuple[int, int] | None:
    """The site/section tail of the document's headline (see `site_tail`), once per document."""
    def compute(d):
        title = d.title
        return None if title is None else site_tail(d.text, title.start, title.end)
    return doc.memo("title.tail", compute)


def headline_extent(doc: Document) -> tuple[int, int] | None:
    """The headline without a site tail or pipe prefix (TI08 reports those)."""
    def compute(d):
        title = d.title
        if title is None:
            return None
        start, end = title.start, title.end
        tail = title_tail(d)
        if tail:
            end = tail[0]
        prefix = pipe_prefix(d.text, start, end)
        if prefix:
            start = prefix[1]
        return start, end
    return doc.memo("title.extent", compute)
