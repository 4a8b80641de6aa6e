"""NC09: one abbreviation written with full stops and without in one release ("U.S." and
"US", "U.K." and "UK").

Both styles are correct English; mixing them is not. Only abbreviations every reader knows
are compared (US, UK, UN, EU, PRC, USA, UAE, ...), each only where the release writes its
dotted form too. Not uses: "US$" (a currency sign), a word on a line in capitals. The
headline counts: "US" there beside "U.S." in the body is the same mix.

The style used more often is kept (on a tie there is no suggestion). The fix writes the
kept style; where the dotted form ends a sentence its stop is kept ("in the U.S." ->
"in the US."), and where the next word has a capital (a new sentence or a name) there is
no fix, since the stop's role cannot be told.
"""
from __future__ import annotations

from collections import defaultdict

from ..._speed.regex import LazyRegex, re_compile
from ...document.model import Document
from ...findings import Hit
from ...rules.context import RuleOptions
from ...text.lexicon import GENERIC_ACRONYMS
from .lines import all_caps_lines
from .official import WELL_KNOWN_ACRONYMS
from .preference import majority

_DOTTED = LazyRegex(r"(?<![A-Za-z0-9.])(?:[A-Z]\.){1,3}[A-Z]\.")
KNOWN = frozenset(a for a in GENERIC_ACRONYMS | WELL_KNOWN_ACRONYMS
                  if a.isalpha() and a.isupper() and 2 <= len(a) <= 4)


def _undotted(letters: str):
    return re_compile(rf"(?<![A-Za-z0-9.$]){letters}(?![A-Za-z0-9$])")


def check_abbreviation_style(doc: Document, opts: RuleOptions):
    text = doc.text
    if "." not in text:
        return
    shouted = all_caps_lines(doc)
    uses: dict[str, list[tuple[int, int, bool]]] = defaultdict(list)   # letters -> (s, e, dotted)
    for m in _DOTTED.finditer(text):
        letters = m.group(0).replace(".", "")
        if letters in KNOWN and doc.line_of(m.start()) not in shouted:
            uses[letters].append((m.start(), m.end(), True))
    for letters in list(uses):
        for m in _undotted(letters).finditer(text):
            if doc.line_of(m.start()) not in shouted:
                uses[letters].append((m.start(), m.end(), False))
    for letters, found in uses.items():
        if len({d for _, _, d in found}) < 2:
            continue
        found.sort()
        yield from _hits(doc, letters, found)


def _dotted_form(letters: str) -> str:
    return "".join(c + "." for c in letters)


def _hits(doc: Document, letters: str, found: list[tuple[int, int, bool]]):
    counts = {True: sum(d for _, _, d in found), False: sum(not d for _, _, d in found)}
    keep = majority(counts)
    first_style = found[0][2]
    anchor_style = first_style if keep is None else keep
    anchor = next(f for f in found if f[2] == anchor_style)
    kept = _dotted_form(letters) if anchor_style else letters
    for s, e, dotted in found:
        if dotted == anchor_style:
            continue
        written = doc.text[s:e]
        suggestion = kept if keep is not None else None
        fix = _fix(doc.text, e, dotted, kept) if suggestion else None
        advice = (f"write it one way, '{kept}'" if suggestion
                  else "write it one way throughout")
        yield Hit(s, e,
                  f"'{written}' (line {doc.line_of(s)}) and '{doc.text[anchor[0]:anchor[1]]}' "
                  f"(line {doc.line_of(anchor[0])}) are one abbreviation with and without full "
                  f"stops: {advice}", suggestion,
                  related=((anchor[0], anchor[1], f"written '{doc.text[anchor[0]:anchor[1]]}'"),),
                  fix=fix)


def _fix(text: str, end: int, dotted: bool, kept: str) -> str | None:
    """The replacement of a use by the kept style, or None when its stop may also end a
    sentence (a dotted form before a capital) or a full stop follows an undotted one."""
    after = text[end:end + 2]
    if not dotted:
        return None if after[:1] == "." else kept
    if after[:1] in ("", "\n", "\r") or after[:1] == " " and after[1:2] in ("", "\n", "\r"):
        return kept + "."           # the stop also ended the sentence
    if after[:1] == " " and after[1:2].isupper():
        return None
    if after[:1] in ('"', "”", "'", "’", ")"):
        return None
    return kept
