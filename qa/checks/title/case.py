"""Capitalisation of a headline: a slogan fused in front of it, and mixed case.

Sentence case capitalises the first word and names; title case capitalises every content
word. A capitalised word that names nothing (see `words.is_common`) next to
lower-case content words means the headline follows neither. When such capitals open the
headline as a run and the rest is in sentence case, a slogan was run into the headline:
"Digital Future Smart connects everything 2021 World Internet of Things Exposition ...".
"""
from __future__ import annotations

import re
from functools import cache

from ..._speed.records import record
from ..._speed.regex import re_compile
from ...document.model import Document
from .words import Usage, Word, headline, headline_usage, is_common, parts

MIN_WORDS = 5


@cache
def _ascii_lower() -> re.Pattern:
    return re_compile("[a-z]")


@record(frozen=True)
class Fused:
    start: int
    end: int
    capitals: tuple[str, ...]     # the Title-Case run that opens the part
    switch: str                   # first lower-case word after it
    resume: str                   # first capitalised word after the lower-case run
    restart: str = ""             # or: the capital 'The' that starts the news mid-line


@record(frozen=True)
class Mixed:
    capitals: tuple[Word, ...]    # capitalised common words (not first of a part)
    lower: tuple[Word, ...]       # lower-case content words


def _runs(part: list[Word]) -> list[tuple[str, list[Word]]]:
    """Runs of C and l words; stop words and neutral words neither break nor count."""
    runs: list[tuple[str, list[Word]]] = []
    for w in part:
        if w.kind not in ("C", "l"):
            continue
        if runs and runs[-1][0] == w.kind:
            runs[-1][1].append(w)
        else:
            runs.append((w.kind, [w]))
    return runs


def _fused_in_part(part: list[Word], usage: Usage, tail_lower: int) -> Fused | None:
    runs = _runs(part)
    if len(runs) < 3 or runs[0][0] != "C" or runs[0][1][0] is not part[0]:
        return None
    (_, caps), (_, lows), (_, resume) = runs[0], runs[1], runs[2]
    common = sum(1 for w in caps if is_common(w.token.text, usage))
    if len(caps) < 2 or common < 2 or common * 2 < len(caps):
        return None
    later_caps = sum(1 for kind, ws in runs[2:] if kind == "C"
                     for w in ws if is_common(w.token.text, usage))
    if tail_lower < 2 or later_caps > tail_lower:
        return None                       # the rest is title case: mixed case, not a slogan
    return Fused(part[0].token.start, lows[-1].token.end,
                 tuple(w.token.text for w in caps), lows[0].token.text, resume[0].token.text)


def _restart_in_part(part: list[Word], usage: Usage) -> Fused | None:
    """'Open cooperation Win-win future The 21st China-ASEAN Expo opened ...': in a sentence-
    case part, a capital 'The' right after a content word starts a second clause, and the
    words before it hold a capitalised everyday word, as slogans do."""
    if sum(1 for w in part if w.kind == "l") < 2:
        return None                       # title case: a capital 'The' is only the style
    for i in range(2, len(part) - 2):
        w = part[i]
        if w.token.text != "The" or part[i - 1].kind not in ("C", "l"):
            continue
        if any(x.kind == "C" and is_common(x.token.text, usage) for x in part[1:i]):
            return Fused(part[0].token.start, part[i - 1].token.end,
                         tuple(x.token.text for x in part[:i]), part[i - 1].token.text, "The",
                         restart="The")
    return None


def fused_slogan(doc: Document) -> Fused | None:
    """The slogan fused into the headline, when the capitals show one."""
    def compute(d):
        words = headline(d)
        if words is None or len(words) < MIN_WORDS:
            return None
        usage = headline_usage(d, words)
        for part in parts(words, d.text):
            lower = sum(1 for w in part if w.kind == "l")
            found = _fused_in_part(part, usage, lower) or _restart_in_part(part, usage)
            if found:
                return found
        return None
    return doc.memo("title.fused", compute)


def _counted_capitals(part: list[Word], usage: Usage) -> list[Word]:
    """Capitalised everyday words of a part that show title case: those of the run that opens
    the part and lone ones between lower-case words. A capitalised run inside the part is
    taken for a name ('Sichuan Energy Group') unless the body writes every word of it in
    lower case ('Heat Pump' beside 'heat pumps')."""
    runs = _runs(part)
    out = []
    for index, (kind, ws) in enumerate(runs):
        if kind != "C":
            continue
        opening = index == 0 and ws[0] is part[0]
        if opening or len(ws) == 1:
            out.extend(w for w in ws if not w.first and is_common(w.token.text, usage))
        elif all(is_common(w.token.text, usage, strict=True) for w in ws):
            out.extend(ws)
    return out


def _styled_lower(w: Word, opening: bool, usage: Usage) -> bool:
    """A lower-case word no case style would write so: the first word of the headline, or a
    word the body opens a sentence with in lower case. A brand styled in lower case
    ('vivo'), not a sign of sentence case."""
    return opening or usage.opens_sentence_lower(w.token.key)


def mixed_case(doc: Document) -> Mixed | None:
    """Capitalised common words beside lower-case content words in one headline."""
    words = headline(doc)
    if words is None or len(words) < MIN_WORDS:
        return None
    usage = headline_usage(doc, words)
    caps = tuple(w for part in parts(words, doc.text) for w in _counted_capitals(part, usage))
    lower = tuple(w for w in words if w.kind == "l" and not _styled_lower(w, w is words[0], usage))
    if (len(caps) >= 2 and lower) or (caps and len(lower) >= 2 and len(caps) * 2 >= len(lower)):
        return Mixed(caps, lower)
    return None


def all_capitals(doc: Document) -> bool:
    """A headline of four or more words in capitals only."""
    title = doc.title
    if title is None:
        return False
    text = doc.slice(title)
    if _ascii_lower().search(text):
        return False                    # a lower-case ASCII letter is a letter, not a capital
    letters = [c for c in text if c.isalpha()]
    return len(text.split()) >= 4 and len(letters) >= 12 and all(c.isupper() for c in letters)
