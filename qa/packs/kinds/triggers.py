"""Required literals of a regex: strings one of which every match must contain.

Read off the parse tree of Python's own regex parser. The `regex` module's Unicode property
classes, which that parser does not know, are replaced first: scripts outside ASCII (Han,
Hiragana, Katakana, Hangul, Cyrillic, Greek) by a marker class, every other property by
`\\w`. A pattern is only run on a document that holds one of its literals; NON_ASCII among
them stands for "some character outside ASCII". When no literal can be proven necessary (or
the parser rejects the pattern) the answer is None: always run.
"""
from __future__ import annotations

from ..._speed.regex import re_compile

try:                                     # Python 3.11+: the parser lives in re._parser
    from re import _constants as C
    from re import _parser as P
except ImportError:                      # pragma: no cover - older Pythons
    import sre_constants as C  # type: ignore
    import sre_parse as P  # type: ignore

NON_ASCII = "\x00non-ascii"              # cannot occur in a document's text as a literal
_MARKER = 0xF0000                        # private-use code point standing for a non-ASCII script
_SCRIPT = re_compile(r"\\[p]\{(?:Script=|sc=|Is)?(?:Han|Hani|Hiragana|Katakana|Hangul|Cyrillic|Greek|"
                     r"CJK\w*)\}")
_PROPERTY = re_compile(r"\\[pP]\{[^}]*\}|\\[pP][A-Za-z]")
_INLINE_IGNORECASE = re_compile(r"\(\?[a-zA-Z]*i[a-zA-Z]*[:)\-]")
MAX_ALTERNATIVES = 16
SMALL_CLASS = 4

_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT}
if hasattr(C, "POSSESSIVE_REPEAT"):
    _REPEATS.add(C.POSSESSIVE_REPEAT)


def required_literals(source: str, case_sensitive: bool = False) -> frozenset[str] | None:
    """Strings one of which occurs in every match of `source`, or None.

    Lower-cased (to be looked for in lower-cased text) unless `case_sensitive` is true and
    the pattern switches on no case-insensitive matching of its own.
    """
    prepared = _PROPERTY.sub(r"\\w", _SCRIPT.sub(r"\\U000F0000", source))
    try:
        tree = P.parse(prepared, 0)
    except Exception:        # regex-module syntax the stdlib parser does not know
        return None
    alts = _required(list(tree))
    if not alts:
        return None
    exact = case_sensitive and not _INLINE_IGNORECASE.search(source)
    return frozenset(a if exact or a == NON_ASCII else a.lower() for a in alts)


def can_match_empty(source: str) -> bool | None:
    """Whether the shortest match of `source` is empty text (zero-width assertions count as
    empty); None when the stdlib parser does not read the pattern."""
    prepared = _PROPERTY.sub(r"\\w", _SCRIPT.sub(r"\\U000F0000", source))
    try:
        return P.parse(prepared, 0).getwidth()[0] == 0
    except Exception:        # regex-module syntax the stdlib parser does not know
        return None


def _score(alts: set[str]) -> tuple[int, int]:
    if NON_ASCII in alts:           # the weakest filter: any literal beats it
        return 0, -len(alts)
    return min(len(a) for a in alts), -len(alts)


def _class_chars(items) -> set[str] | None:
    """The characters of a small class of plain literals ([Pp]), else None."""
    if len(items) > SMALL_CLASS or any(op is not C.LITERAL or av == _MARKER for op, av in items):
        return None
    return {chr(av) for _, av in items}


def _non_ascii_class(op, av) -> bool:
    """True for a character (class) that can only match outside ASCII."""
    if op is C.LITERAL:
        return av > 127
    if op is not C.IN or not av:
        return False
    for iop, iav in av:
        if iop is C.LITERAL and iav > 127:
            continue
        if iop is C.RANGE and iav[0] > 127:
            continue
        return False
    return True


def _required(seq) -> set[str] | None:
    """Best set of alternative literals for a sequence of parse items."""
    candidates: list[set[str]] = []
    run: set[str] = {""}

    def flush() -> None:
        nonlocal run
        if run != {""} and all(run):
            candidates.append(run)
        run = {""}

    for op, av in seq:
        if op is C.LITERAL and av == _MARKER:       # a whole non-ASCII script class
            flush()
            candidates.append({NON_ASCII})
            continue
        if op is C.LITERAL:
            run = {r + chr(av) for r in run}
            if av > 127:
                candidates.append({NON_ASCII})
            continue
        if op is C.IN:
            chars = _class_chars(av)
            if chars and len(run) * len(chars) <= MAX_ALTERNATIVES:
                run = {r + c for r in run for c in chars}
                continue
            flush()
            if _non_ascii_class(op, av):
                candidates.append({NON_ASCII})
            continue
        flush()
        sub = None
        if op is C.SUBPATTERN:
            sub = _required(list(av[-1]))
        elif op in _REPEATS:
            lo, _, item = av
            if lo >= 1:
                sub = _required(list(item))
        elif op is C.BRANCH:
            branches = [_required(list(b)) for b in av[1]]
            if branches and all(branches):
                sub = set().union(*branches)
        elif getattr(C, "ATOMIC_GROUP", None) is not None and op is C.ATOMIC_GROUP:
            sub = _required(list(av))
        if sub:
            candidates.append(sub)
    flush()
    if not candidates:
        return None
    return max(candidates, key=_score)
