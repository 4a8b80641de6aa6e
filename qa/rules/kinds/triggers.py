"""Required literals of a regex: strings one of which every match must contain.

Read off the parse tree of Python's own regex parser, after replacing the `regex` module's
Unicode property classes (which it does not know) by `\\w`. A pattern is only run on a
document whose lower-cased text holds one of its literals; when no literal can be proven
necessary (or the pattern uses syntax the parser rejects) the answer is None: always run.
"""
from __future__ import annotations

import re

try:                                     # Python 3.11+: the parser lives in re._parser
    from re import _constants as C, _parser as P
except ImportError:                      # pragma: no cover - older Pythons
    import sre_constants as C            # type: ignore
    import sre_parse as P                # type: ignore

_PROPERTY = re.compile(r"\\[pP]\{[^}]*\}|\\[pP][A-Za-z]")
MIN_LENGTH = 1
_INLINE_IGNORECASE = re.compile(r"\(\?[a-zA-Z]*i[a-zA-Z]*[:)\-]")

_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT}
if hasattr(C, "POSSESSIVE_REPEAT"):
    _REPEATS.add(C.POSSESSIVE_REPEAT)


def required_literals(source: str, case_sensitive: bool = False) -> frozenset[str] | None:
    """Strings one of which occurs in every match of `source`, or None.

    Lower-cased (to be looked for in lower-cased text) unless `case_sensitive` is true and
    the pattern switches on no case-insensitive matching of its own.
    """
    try:
        tree = P.parse(_PROPERTY.sub(r"\\w", source), 0)
    except Exception:        # regex-module syntax the stdlib parser does not know
        return None
    alts = _required(list(tree))
    if not alts or min(len(a) for a in alts) < MIN_LENGTH:
        return None
    if case_sensitive and not _INLINE_IGNORECASE.search(source):
        return frozenset(alts)
    return frozenset(a.lower() for a in alts)


def _score(alts: set[str]) -> tuple[int, int]:
    return min(len(a) for a in alts), -len(alts)


def _required(seq) -> set[str] | None:
    """Best set of alternative literals for a sequence of parse items."""
    candidates: list[set[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            candidates.append({"".join(run)})
            run.clear()

    for op, av in seq:
        if op is C.LITERAL:
            run.append(chr(av))
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
