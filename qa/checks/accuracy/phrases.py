"""Capitalised name phrases of English text, for linking English names to the source's names.

`name_phrases(text, start, end)` returns the runs of capitalised words ("Big Wild Goose Pagoda",
"University of Brunei", "NIO", "Xi'an Municipal Bureau of Culture and Tourism") in a stretch of
English, with the lower-case connectors a name may hold between capitals (of, and, for, the, de)
and without a capitalised function word that merely opens a sentence ("During", "The"). A
possessive "'s" is not part of the phrase. One regex pass over the words: linear.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
CONNECTORS = frozenset({"of", "and", "for", "the", "de", "on", "in", "du", "la"})
OPENERS = frozenset(
    """
    A An The In On At During Among For From With By To As Its Their This That These Those It He She
    They We Our His Her According Meanwhile Since After Before When While Also However But And Of
    Last Next Some Many All Each Both Other Such Then Now Today If Although So Thus Moreover Besides
    Still Yet Under Over Through Between Within Without Around About Across Against Following Despite
    Here There What Which Who Why How Where Most More Several Every Any No Not Only Even Just Once
    Reporters Reporter Currently Recently Previously Overall First Second Third Finally Yesterday
    """.split()
)


@dataclass(frozen=True, slots=True)
class Phrase:
    """A capitalised phrase: its span and text, and its words as (start, end, text)."""

    start: int
    end: int
    text: str
    words: tuple[tuple[int, int, str], ...]


def _bare(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


def name_phrases(text: str, start: int = 0, end: int | None = None) -> list[Phrase]:
    """The capitalised phrases of text[start:end] (see the module docstring)."""
    end = len(text) if end is None else end
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]
    out: list[Phrase] = []
    run: list[tuple[int, int, str]] = []
    pending: list[tuple[int, int, str]] = []

    def close() -> None:
        while run and run[0][2] in OPENERS:
            run.pop(0)
        if run:
            s, e, w = run[-1]
            bare = _bare(w)
            run[-1] = (s, s + len(bare), bare)
            out.append(Phrase(run[0][0], run[-1][1], text[run[0][0]:run[-1][1]], tuple(run)))
        run.clear()

    for s, e, w in words:
        gap = text[run[-1][1] if run else s:s] if run else ""
        if w[0].isupper():
            if run and (pending or gap.strip() not in ("", "-")) and not _joined(text, run, pending, s):
                close()
            run.extend(pending)
            pending.clear()
            run.append((s, e, w))
            if w.endswith(("'s", "’s")):
                close()
        elif run and w in CONNECTORS and len(pending) < 2 and text[run[-1][1]:s].strip() == "" \
                and (w != "and" or any(x[2] == "of" for x in run)):
            pending.append((s, e, w))       # 'and' only inside an 'of' name: Ministry of Culture and Tourism
        else:
            pending.clear()
            close()
    pending.clear()
    close()
    return out


def _joined(text: str, run, pending, s: int) -> bool:
    """The next capitalised word continues the run: only spaces (and connectors) in between."""
    last = pending[-1][1] if pending else run[-1][1]
    return text[last:s].strip() == ""


def fold(word: str) -> str:
    """Lower-case letters only: "Xi'an" -> 'xian', 'Ever-bright' -> 'everbright'."""
    return "".join(ch for ch in _bare(word).lower() if ch.isalpha())
