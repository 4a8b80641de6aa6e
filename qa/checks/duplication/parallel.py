"""Repetition the content needs: one phrase repeated in parallel parts of a sentence.

"the download rate reaches 500 Mbps, the upload rate reaches 100 Mbps", "Zhang Wei, vice
governor of Anhui Province, Li Qiang, vice governor of Jiangsu Province", "personal pension
savings, personal pension insurance and personal pension funds": each copy stands in its own
part of the sentence (parts are cut at commas, semicolons, colons and 'and'/'or'), and in each
part it either opens the part (items of a list sharing a modifier, clauses repeating their
verb), goes with a figure (statistics: '5 percent year on year', '1.2 billion yuan'), or
qualifies a name (a title 'of <Name>', an
organisation '<Name> Wealth Management'). Rewording such a sentence to avoid the phrase
loses what tells the parts apart; DU05 leaves it alone. Two copies in one part, or a copy
that does none of these, make the repetition padding again.
"""
from __future__ import annotations

from ...text.tokens import SentenceWords
from ...text.words import STOP_WORDS

_CUTS = ",;:"
_JOINERS = frozenset({"and", "or"})
_NAME_LINKS = frozenset({"of", "at", "in", "for", "to"})
FIGURE_REACH = 3          # words after a copy in which a figure counts as its own


def part_starts(text: str, sw: SentenceWords, lo: int, hi: int) -> list[int]:
    """For each word of the sentence lo..hi-1, the index of the first word of its part."""
    out = []
    start = lo
    for i in range(lo, hi):
        if i > lo and (any(c in _CUTS for c in text[sw.ends[i - 1]:sw.starts[i]])
                       or sw.keys[i] in _JOINERS):
            start = i
        out.append(start)
    return out


def _opens_part(sw: SentenceWords, part: int, s: int) -> bool:
    """Only function words ('and the', 'we', 'it is') come before the copy in its part."""
    return all(sw.keys[k] in STOP_WORDS for k in range(part, s))


def _has_figure(sw: SentenceWords, part: int, s: int, after: int, limit: int) -> bool:
    """A figure among the FIGURE_REACH words of the part before or after the copy: 'rose 5
    percent year on year', 'reaches 500Mbps', '1.2 billion yuan'."""
    near = (*range(max(part, s - FIGURE_REACH), s), *range(after, min(after + FIGURE_REACH, limit)))
    return any(sw.word(k)[:1].isdigit() for k in near)


def _qualifies_name(sw: SentenceWords, s: int, after: int, part: int, limit: int) -> bool:
    """'vice governor of Anhui', 'vice governor Zhang Wei', 'ICBC Wealth Management'."""
    nxt = after
    if nxt < limit and sw.keys[nxt] in _NAME_LINKS:
        nxt += 1
    if nxt < limit and sw.word(nxt)[:1].isupper():
        return True
    return s > part and sw.word(s - 1)[:1].isupper() and sw.keys[s - 1] not in STOP_WORDS


def parallel_copies(text: str, sw: SentenceWords, parts: list[int], lo: int, starts: list[int],
                    n: int) -> bool:
    """The copies (word indexes `starts`, n words each) of the sentence whose words from lo
    have the part starts `parts` stand in parallel parts (see the module docstring)."""
    seen = set()
    for s in starts:
        part = parts[s - lo]
        if part in seen:
            return False                 # two copies in one part
        seen.add(part)
        after = s + n
        limit = after                    # the end of the part, looked for FIGURE_REACH words on
        while limit < after + FIGURE_REACH and limit - lo < len(parts) and parts[limit - lo] == part:
            limit += 1
        if not (_opens_part(sw, part, s) or _has_figure(sw, part, s, after, limit)
                or _qualifies_name(sw, s, after, part, limit)):
            return False
    return True
