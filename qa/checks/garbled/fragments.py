"""Checks for fragments left by segment alignment: doubled list endings, a stray "The" after
a name, words run together, broken numbers and empty placeholders. Each is a narrow pattern;
URLs and e-mail addresses are masked before the joined-word patterns run."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from ..._speed.regex import LazyRegex
from ...document.model import Document
from ...findings import Hit
from ...rules.context import RuleOptions
from ...text.chars import has_char
from ...text.pinyin import is_given_name, is_surname
from .scan import char_classes, find_all, finditer_in, word_windows

# ---- "etc." with another list ending -------------------------------------------------------
_ETC = LazyRegex(r"(?<![\p{L}])etc\b\.?")
_BEFORE_ETC = LazyRegex(
    r"(?i:\b(?P<lead>including|includes|include|such\s+as))\b[^.;:!?()\n]{1,300}$")
_AFTER_ETC = LazyRegex(r"^[^.;:!?()\n]{0,200}?\b(?P<tail>and\s+(?:other|so\s+on|the\s+like))\b")
_TAIL_BEFORE = LazyRegex(r"\b(?P<tail>and\s+other)\b[^.;:!?()\n]{0,120}$")


def redundant_etc(doc: Document, opts: RuleOptions) -> Iterator[Hit]:
    text = doc.text
    if "etc" not in text:
        return
    for m in _ETC.finditer(text):
        sent = doc.sentence_at(m.start())
        s0 = doc.sentences[sent].start if sent is not None else max(0, m.start() - 300)
        e0 = doc.sentences[sent].end if sent is not None else min(len(text), m.end() + 200)
        before = text[s0:m.start()]
        after = text[m.end():e0]
        lead = _BEFORE_ETC.search(before)
        tail, base = _AFTER_ETC.search(after), m.end()
        if not tail:
            tail, base = _TAIL_BEFORE.search(before), s0
        if tail:
            ts, te = base + tail.start("tail"), base + tail.end("tail")
            words = " ".join(tail.group("tail").split())
            yield Hit(m.start(), m.end(),
                      f"'etc.' and '{words}' both end this list: the Chinese '等' was translated "
                      f"twice; keep '{words} ...' and delete 'etc.'",
                      related=((ts, te, "the other list ending"),), fix="", fix_safety="unsafe")
        elif lead:
            ls, le = s0 + lead.start("lead"), s0 + lead.end("lead")
            words = " ".join(lead.group("lead").split())
            yield Hit(m.start(), m.end(),
                      f"'{words}' already says the list is incomplete, so 'etc.' at its end is "
                      f"redundant (a literal '等'): delete 'etc.'",
                      related=((ls, le, "the list opens here"),))


# ---- "Hong Lei The Consul General" --------------------------------------------------------
_NAME_THE = LazyRegex(
    r"(?<![\p{L}'’-])(?P<sur>[A-Z][a-z]+) (?P<given>[A-Z][a-z]+) (?P<the>The) "
    r"(?P<title>[A-Za-z][\w-]*(?: (?:of |for |and |the )*[A-Z][\w-]*){0,5})")


def _lower_the_capital(text: str) -> bool:
    """True when the text has ' The ' between a lower-case and an ASCII letter, as every
    match of _NAME_THE does ('Yulan The Consul', 'Yanbin The professor')."""
    k = text.find(" The ", 1)
    while k >= 0:
        if "a" <= text[k - 1] <= "z" and text[k + 5:k + 6].isascii() and text[k + 5:k + 6].isalpha():
            return True
        k = text.find(" The ", k + 1)
    return False


def stray_the_after_name(doc: Document, opts: RuleOptions) -> Iterator[Hit]:
    if not _lower_the_capital(doc.text):
        return
    for m in _NAME_THE.finditer(doc.text):
        if not (is_surname(m.group("sur")) and is_given_name(m.group("given"))):
            continue
        name = f"{m.group('sur')} {m.group('given')}"
        title = m.group("title")
        yield Hit(m.start("the"), m.end("the"),
                  f"'{name} The {title}': a title glued after the name with a capital 'The' is "
                  f"a fragment of the translation; write '{name}, the {title},' or put the "
                  f"title before the name without 'the'")


# ---- words run together -------------------------------------------------------------------
_MASK = LazyRegex(
    r"(?:https?://|www\.)[^\s<>\"]+"                          # URLs
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"                           # e-mail addresses
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|cn|net|org|gov|edu|io)\b"   # bare domains
    r"|\b[\w-]+\.(?:pdf|docx?|xlsx?|pptx?|jpe?g|png|gif|zip|mp4)\b")  # file names
_JOINED = LazyRegex(r"""
    (?<![\p{L}\p{N}@#/_-])(?P<camel>[a-z]{3,}[A-Z][a-z]{2,})(?![\p{L}\p{N}])
  | (?<![\p{L}\p{N}@#/_-])(?P<wordyear>[A-Za-z]*[a-z]{2}(?:19|20)\d{2})(?![\p{L}\p{N}])
  | (?<![\p{L}\p{N}@#/_.,-])(?P<yearword>(?:19|20)\d{2}[A-Z][a-z]{2,})(?![\p{L}\p{N}])
  | (?<![\p{L}\p{N}])(?P<title>(?:Mr|Mrs|Ms|Dr|Prof)\.[A-Z][a-z]+)
  | (?<![\p{L}\p{N}@#/_.-])(?P<sentence>[a-z]{2,}\.[A-Z][a-z]{2,})(?![\p{L}\p{N}.@/-])
  | (?<![\p{L}\p{N}])(?P<date>(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.\d{1,2})
        (?=(?:st|nd|rd|th)?(?![\p{L}\p{N}]))
""", re.X)
# lower-case-first brand names that look like two words run together
CAMEL_ALLOWED = frozenset(s.lower() for s in """
openEuler openGauss openHarmony openKylin openLooKeng openAI ePaper
""".split())
_HOW = {
    "camel": "two words run together (a lost space at a segment border)",
    "wordyear": "a word and a year run together",
    "yearword": "a year and a word run together",
    "title": "a title run into the name",
    "sentence": "two sentences run together (no space after the full stop)",
    "date": "a month and a day run together",
}


def _masked(doc: Document) -> list[tuple[int, int]]:
    return doc.memo("garbled:masked", lambda d: [m.span() for m in _MASK.finditer(d.text)])


def _inside(spans: list[tuple[int, int]], start: int) -> bool:
    k = bisect_right(spans, (start, 10 ** 12)) - 1
    return k >= 0 and spans[k][0] <= start < spans[k][1]


def _split_join(kind: str, word: str) -> str:
    if kind == "camel":
        k = next(i for i, c in enumerate(word) if c.isupper())
    elif kind in ("wordyear",):
        k = next(i for i, c in enumerate(word) if c.isdigit())
    elif kind == "yearword":
        k = 4
    else:
        k = word.index(".") + 1
    return f"{word[:k].rstrip()} {word[k:]}" if kind != "camel" else f"{word[:k]} {word[k:]}"


# every match of _JOINED holds one of these (in char_classes): a lower-case letter before a
# capital ('aA') or a year ('a0'), a digit before a capital, a title or month before '.'
_JOINED_NEEDLES = (b"aA", b"a0", b"0A", b"a.A", b"a.0")
_JOINED_NEEDLES_WIDE = (b"xA", b"a.x")  # also when the text has non-ASCII digits (\d)


def _joined_windows(doc: Document) -> list[tuple[int, int]]:
    classes = char_classes(doc)
    needles = _JOINED_NEEDLES
    if b"x" in classes and has_char(doc, r"\d"):
        needles += _JOINED_NEEDLES_WIDE
    return word_windows(classes, find_all(classes, needles))


def joined_words(doc: Document, opts: RuleOptions) -> Iterator[Hit]:
    windows = _joined_windows(doc)
    if not windows:
        return
    allowed = CAMEL_ALLOWED | {w.lower() for w in opts["allow"]}
    masked = None               # URLs and e-mail: found only when there is a candidate
    for m in finditer_in(_JOINED, doc.text, windows):
        kind = m.lastgroup
        word = m.group()
        if word.lower() in allowed:
            continue
        masked = _masked(doc) if masked is None else masked
        if _inside(masked, m.start()):
            continue
        fixed = _split_join(kind, word)
        yield Hit(m.start(), m.end(),
                  f"'{word}' is {_HOW[kind]}: write '{fixed}'",
                  suggestion=fixed, fix=fixed)
