"""String similarity: candidate pairs inside a block of strings (rapidfuzz), and the same
Indel ratio for two short words in plain Python.

`process.cdist` needs numpy, which release-qa does not depend on; `process.extract` with a
score cut-off runs the same C scorer over the whole block for each query, so a block of n
strings costs n calls. Blocks are kept small by the callers (by head noun, first letters,
acronym letters), which keeps the total linear in the number of mentions. Importing
rapidfuzz takes tens of milliseconds, so small blocks and single words never do: a
release of ordinary size is checked without it.
"""
from __future__ import annotations

SMALL_BLOCK = 12


def ratio(a: str, b: str) -> float:
    """Indel similarity in percent, as rapidfuzz's fuzz.ratio: 2 * LCS / (len a + len b)."""
    if not a and not b:
        return 100.0
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for j, cb in enumerate(b):
            cur.append(prev[j] + 1 if ca == cb else max(prev[j + 1], cur[j]))
        prev = cur
    return 200.0 * prev[-1] / (len(a) + len(b))


def block_pairs(strings: list[str], scorer_name: str, cutoff: float, processor=None):
    """Every pair of a small block; rapidfuzz-scored pairs of a large one."""
    if len(strings) <= SMALL_BLOCK:
        return [(i, j) for i in range(len(strings)) for j in range(i + 1, len(strings))]
    from rapidfuzz import fuzz
    return similar_pairs(strings, getattr(fuzz, scorer_name), cutoff, processor)


def similar_pairs(strings: list[str], scorer, cutoff: float,
                  processor=None) -> list[tuple[int, int]]:
    """Index pairs (i < j) of strings scoring at least `cutoff` against each other."""
    from rapidfuzz import process
    choices = [processor(s) for s in strings] if processor else strings
    pairs = []
    for i, query in enumerate(choices[:-1]):
        rest = choices[i + 1:]
        for _, _, k in process.extract(query, rest, scorer=scorer, score_cutoff=cutoff,
                                       limit=None):
            pairs.append((i, i + 1 + k))
    return sorted(pairs)
