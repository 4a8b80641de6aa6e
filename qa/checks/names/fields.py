"""NC08: the value of a name field written in broken case ("Company Name: Global times").

A contact block names the organisation in a labelled field; when the value mixes
capitalised and lower-case words ("Global times") or is all lower case ("global times"),
the name has lost its capitals in translation. Values with digits, e-mail addresses or
links are left alone.
"""
from __future__ import annotations

import re

from ..._speed.regex import LazyRegex, re_compile
from ...document.model import Document
from ...findings import Hit
from ...rules.context import RuleOptions
from ...text.lexicon import CONNECTORS, NAME_FIELD_LABELS

# A labelled line, "Company Name: Global times"; applied to one line at a time (a line
# ends at \n, \r\n or \r), and only where the label is one of NAME_FIELD_LABELS.
_FIELD = LazyRegex(
    r"[ \t]*(?P<label>[\p{L} ]{2,30}?)[ \t]*[:：][ \t]*(?P<value>[^\r\n]+?)[ \t]*")
_WORD = LazyRegex(r"[\p{L}][\p{L}'’\-]*")


def title_cased(value: str) -> str:
    words = value.split(" ")
    out = []
    for k, w in enumerate(words):
        if k and w.lower() in CONNECTORS:
            out.append(w.lower())
        elif w[:1].islower():
            out.append(w[:1].upper() + w[1:])
        else:
            out.append(w)
    return " ".join(out)


def _broken(value: str) -> bool:
    if any(c.isdigit() for c in value) or "@" in value or "://" in value or "www." in value:
        return False
    words = _WORD.findall(value)
    content = [w for w in words if w.lower() not in CONNECTORS]
    if len(content) < 2 or len(words) != len(value.split()):
        return False
    lower = [w for w in content if w[0].islower()]
    return bool(lower)


def check_field_case(doc: Document, opts: RuleOptions):
    text = doc.text
    for start, colon, end in _lines_with_colon(text):
        if text[start:colon].strip(" \t").lower() not in NAME_FIELD_LABELS:
            continue
        m = _FIELD.fullmatch(text, start, end)
        if m is None:
            continue
        value = m.group("value")
        if not _broken(value):
            continue
        fixed = title_cased(value)
        s, e = m.span("value")
        yield Hit(s, e,
                  f"'{value}' in the '{m.group('label').strip()}' field is a name but is not "
                  f"capitalised as one: write '{fixed}'", fixed, fix=fixed)


def _lines_with_colon(text: str):
    """(line start, first colon, line end) of each line holding a colon (':' or '：'); a
    line ends at \n, \r\n or \r."""
    line_end = re_compile(r"[\r\n]|\Z")
    done = 0
    for m in re.finditer(r"[:：]", text):
        colon = m.start()
        if colon < done:
            continue            # not the first colon of its line
        start = max(text.rfind("\n", done, colon), text.rfind("\r", done, colon), done - 1) + 1
        done = line_end.search(text, colon).start()
        yield start, colon, done
