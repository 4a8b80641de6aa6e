"""Checks for fragments left by segment alignment: doubled list endings and a stray "The"
after a name. Each is a narrow pattern. (Words run together: joins.py and runtogether.py;
broken numbers and empty placeholders: numbers.py.)"""
from __future__ import annotations

from collections.abc import Iterator

from ..._speed.regex import LazyRegex
from ...document.model import Document
from ...findings import Hit
from ...rules.context import RuleOptions
from ...text.pinyin import is_given_name, is_surname

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
