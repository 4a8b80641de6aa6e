"""The edits that turn one text into another, paragraph by paragraph, grouped by the fix they
come from.

The command line fixes a text with its own machinery (qa.fixes, which also tidies the spacing
around each edit) and gets the fixed text back, not the edits. To make the same change inside
a Word document's runs, ``text_edits(old, new)`` recovers small edits (start, end, replacement)
in ``old``'s offsets: paragraphs (lines) are paired, each changed pair is trimmed of its common
head and tail, and the rest is walked in step: at each difference the two texts are looked
ahead (at most LONG_REACH characters) for the nearest point where they agree again, so two
fixes far apart in one paragraph stay two edits and a fix inside a run stays inside it.
Paragraphs that were joined or split give one edit holding the line break (which a .docx fix
refuses). The cost is linear in the text (times the reach at each difference).

``group_edits(edits, fixes, text)`` puts together the edits that belong to one fix: those that
overlap or touch the span it replaces, and those just before or after it in its paragraph (the
spacing the tidying adds or takes). A group is applied whole or not at all, so a fix is never
half made; an edit touching two fixes joins their groups.
"""
from __future__ import annotations

from bisect import bisect_right
from difflib import SequenceMatcher

Edit = tuple[int, int, str]

AGREE = 6               # characters two texts must share to count as back in step
SHORT_REACH = 24        # how far a difference is first looked past, then ...
LONG_REACH = 400        # ... at most (a longer rewrite is one edit)
MAX_LINES = 20000       # paragraphs compared as sequences when their number changed
MARGIN_BEFORE = 20      # a fix's tidying may take blanks and a comma before its span ...
MARGIN_AFTER = 10       # ... and blanks after it (qa.fixes._tidy)
SCAN = 64               # fixes looked at around an edit, at most (linear on hostile input)


def _lines(text: str) -> tuple[list[str], list[int]]:
    lines = text.split("\n")
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    return lines, starts


def text_edits(old: str, new: str) -> list[Edit]:
    """Edits (start, end, replacement) in ``old`` that make ``new``, in text order."""
    if old == new:
        return []
    a, a_starts = _lines(old)
    b, b_starts = _lines(new)
    out: list[Edit] = []
    if len(a) == len(b):
        pairs = [(i, i) for i in range(len(a)) if a[i] != b[i]]
        for i, j in pairs:
            out.extend(_line_edits(a[i], b[j], a_starts[i]))
        return out
    for tag, i1, i2, j1, j2 in _line_opcodes(a, b):
        if tag == "equal":
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            for k in range(i2 - i1):
                out.extend(_line_edits(a[i1 + k], b[j1 + k], a_starts[i1 + k]))
            continue
        # paragraphs joined, split, added or removed: one edit holding the line breaks
        start = a_starts[i1] if i1 < len(a) else len(old)
        end = a_starts[i2 - 1] + len(a[i2 - 1]) if i2 > i1 else start
        repl = "\n".join(b[j1:j2])
        if i2 == i1:                    # whole lines inserted before line i1 (or at the end)
            repl = repl + "\n" if i1 < len(a) else "\n" + repl
        elif j2 == j1:                  # whole lines removed, with one line break
            if i2 < len(a):
                end += 1
            else:
                start -= 1
        if out and out[-1][1] >= start:    # touching the edit before it: one edit
            start, repl = out[-1][0], out.pop()[2] + repl
        out.append((start, end, repl))
    return out


def _line_opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    mid_a, mid_b = a[head:len(a) - tail], b[head:len(b) - tail]
    if len(mid_a) + len(mid_b) > MAX_LINES:
        return [("replace", head, len(a) - tail, head, len(b) - tail)]
    ops = SequenceMatcher(None, mid_a, mid_b, autojunk=False).get_opcodes()
    return [(tag, i1 + head, i2 + head, j1 + head, j2 + head) for tag, i1, i2, j1, j2 in ops]


def _line_edits(a: str, b: str, offset: int) -> list[Edit]:
    """The edits inside one paragraph: its common head and tail kept, the stretch between
    walked in step, each difference ended where the two texts agree again (``_resync``)."""
    n = min(len(a), len(b))
    head = 0
    while head < n and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < n - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    mid_a, mid_b = a[head:len(a) - tail], b[head:len(b) - tail]
    base = offset + head
    out: list[Edit] = []
    i = j = 0
    while i < len(mid_a) or j < len(mid_b):
        if i < len(mid_a) and j < len(mid_b) and mid_a[i] == mid_b[j]:
            i += 1
            j += 1
            continue
        step = None
        for reach in (SHORT_REACH, LONG_REACH):
            step = _resync(mid_a, mid_b, i, j, reach)
            if step is not None:
                break
        if step is None:        # no agreement within reach: the rest of the stretch is one edit
            out.append((base + i, base + len(mid_a), mid_b[j:]))
            break
        di, dj = step
        out.append((base + i, base + i + di, mid_b[j:j + dj]))
        i += di
        j += dj
    return out


def _resync(a: str, b: str, i: int, j: int, reach: int) -> tuple[int, int] | None:
    """The smallest (di, dj), each at most ``reach``, after which ``a`` and ``b`` agree again:
    on the next AGREE characters, or on everything left when fewer are left."""
    rest_a, rest_b = len(a) - i, len(b) - j
    firsts: dict[str, int] = {}
    for dj in range(min(reach, rest_b) + 1):
        key = b[j + dj:j + dj + AGREE]
        if len(key) == AGREE:
            firsts.setdefault(key, dj)
    best: tuple[int, int] | None = None
    for di in range(min(reach, rest_a) + 1):
        if best is not None and di >= best[0] + best[1]:
            break
        key = a[i + di:i + di + AGREE]
        if len(key) == AGREE:
            dj = firsts.get(key)
        else:                   # the end is near: what is left of a must end b
            dj = rest_b - (rest_a - di)
            if not 0 <= dj <= reach or b[j + dj:] != a[i + di:]:
                dj = None
        if dj is not None and (di or dj) and (best is None or di + dj < best[0] + best[1]):
            best = (di, dj)
    return best


def group_edits(edits: list[Edit], fixes: list[tuple[int, int, str]],
                text: str) -> list[tuple[list[Edit], int, tuple[int, int, str]]]:
    """The edits in groups, one per fix, in text order: (edits, number of fixes, the first
    fix's (start, end, label)). ``fixes`` are the (start, end, label) spans the fixes replace
    in ``text``. An edit belongs to the fixes whose span it overlaps, else to those it touches
    (an insertion at a span's edge), else to the nearest fix it lies just before
    (MARGIN_BEFORE) or just after (MARGIN_AFTER) in the same paragraph: the spacing tidied
    around a fix. An edit joining two fixes joins their groups; an edit near no fix is a group
    of its own (its own span, label '')."""
    cores = sorted(fixes)
    starts = [c[0] for c in cores]
    parent = list(range(len(cores)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: list[int] = []
    for s, e, _ in edits:
        overlap, touch = [], []
        k = bisect_right(starts, e) - 1
        floor = bisect_right(starts, s) - 1 - SCAN     # long spans starting further back: rare
        while k >= 0 and k > floor and len(overlap) + len(touch) < SCAN:
            cs, ce = cores[k][0], cores[k][1]
            if cs < e and s < ce:
                overlap.append(k)
            elif cs <= e and s <= ce:
                touch.append(k)
            k -= 1
        hits = overlap or touch
        if not hits:
            near = _nearest(cores, starts, s, e, text)
            hits = [near] if near is not None else []
        for other in hits[1:]:
            parent[find(other)] = find(hits[0])
        owner.append(hits[0] if hits else -1)
    groups: dict[int, list[Edit]] = {}
    alone: list[list[Edit]] = []
    for edit, k in zip(edits, owner):
        if k < 0:
            alone.append([edit])
        else:
            groups.setdefault(find(k), []).append(edit)
    members: dict[int, list[int]] = {}
    for k in range(len(cores)):
        members.setdefault(find(k), []).append(k)
    out = [(group, len(members[root]), cores[min(members[root])]) for root, group in groups.items()]
    out.extend((group, 0, (group[0][0], group[-1][1], "")) for group in alone)
    return sorted(out, key=lambda g: (g[0][0][0], g[0][0][1]))


def _nearest(cores: list[tuple[int, int, str]], starts: list[int], s: int, e: int, text: str) -> int | None:
    """The fix an edit near no fix's span belongs to: the closest one it lies just before or
    just after, with nothing but the paragraph's own text between them."""
    best, gap = None, None
    top = bisect_right(starts, e + MARGIN_BEFORE) - 1
    for k in range(top, max(top - SCAN, -1), -1):
        cs, ce, _ = cores[k]
        if e <= cs and cs - e <= MARGIN_BEFORE:
            d, between = cs - e, text[e:cs]
        elif ce <= s and s - ce <= MARGIN_AFTER:
            d, between = s - ce, text[ce:s]
        else:
            continue
        if "\n" not in between and (gap is None or d < gap):
            best, gap = k, d
    return best


def locate(text: str, offset: int, starts: list[int] | None = None) -> tuple[int, int]:
    """1-based (line, column) of an offset (line = paragraph)."""
    if starts is None:
        starts = _lines(text)[1]
    i = bisect_right(starts, offset) - 1
    return i + 1, offset - starts[i] + 1
