"""EN05: invisible format characters in the file (qa.document.invisible lists them).

The readers drop these characters from the prose the rules read, so each one is found in the
file (`doc.source`) and reported on the prose word it sits in, or next to: that word's span in
the file holds the character, and the fix rewrites it as the visible word alone.
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.invisible import BIDI, INVISIBLE, describe
from ...document.model import Document
from ...findings import SAFE, Hit


def invisible_characters(doc: Document) -> Iterator[Hit]:
    source, text = doc.source, doc.text
    last_end = -1
    for m in INVISIBLE.finditer(source):
        p = doc.offsets.prose_at(m.start())
        s, e = _word_around(text, p)
        if s < last_end:            # two runs in one word: one finding
            continue
        last_end = e
        run = m.group(0)
        what = describe(run)
        why = ("it can make the line display in another order than it reads"
               if any(c in BIDI for c in run) else "readers cannot see it, but it splits the "
               "word for search, spell checkers and this checker's own rules")
        visible = text[s:e]
        if visible.strip() and visible == visible.strip():
            yield Hit(s, e, f"an invisible character ({what}) is hidden in '{visible}': {why}; "
                            "delete it", visible, fix=visible, fix_safety=SAFE)
        elif visible.strip():       # at a word's edge: the word and the space beside it
            yield Hit(s, e, f"an invisible character ({what}) is hidden next to "
                            f"'{visible.strip()}': {why}; delete it", None, fix=visible, fix_safety=SAFE)
        else:                       # between spaces: one space stays
            yield Hit(s, e, f"an invisible character ({what}) stands between words here: {why}; "
                            "delete it", None, fix=" " if visible else "", fix_safety=SAFE)


def _word_around(text: str, p: int) -> tuple[int, int]:
    """The prose span around prose offset `p` (where a dropped character sat) whose span in the
    file holds the character: the word (non-space run, bounded) touching `p`, widened by one
    character on a side where no word touches it (the file span of a prose span only reaches
    past a dropped character when prose lies on both sides of it)."""
    s = p
    while s > 0 and p - s < 80 and not text[s - 1].isspace():
        s -= 1
    e = p
    while e < len(text) and e - p < 80 and not text[e].isspace():
        e += 1
    if s == p:
        s = max(p - 1, 0)
    if e == p:
        e = min(p + 1, len(text))
    return s, e
