"""Wire copy broken at every sentence: a run of paragraphs that are each one sentence on one line.

Copy pasted from a wire service or a converter that ends a paragraph at every full stop arrives
with each sentence set as a paragraph of its own: quotations cut from their speaker, figures
from the sentence that explains them. Short paragraphs are normal in news style, so the test is
strict: in the body (the headline left out), at least MIN_BODY paragraphs, at least SHARE of
them one-sentence, one-line paragraphs, a run of at least MIN_RUN of those in a row, and in that
run at least MIN_CUES paragraphs that cannot open a paragraph of their own: one that starts
with a pronoun or a connective pointing back ("It has ...", "He said ...", "Besides, ...",
"Next to it ...", "Apart from the ..."), or
a bare quotation right after another quotation (the speaker's next sentence, cut off). Wire
copy whose one-sentence paragraphs each stand alone is left alone. The longest run is
reported once.
"""
from __future__ import annotations

from collections import Counter

from ..._speed.regex import re_compile
from ...document.model import Document

MIN_BODY = 10
MIN_RUN = 7
SHARE = 0.85
MIN_CUES = 2
_POINTS_BACK = (r"[\"“]?(?:It|Its|He|She|His|Her|They|Their|Them|This|These|Those|Such|Also|Besides|"
                r"Moreover|Furthermore|In addition|Meanwhile|However|But|And|So|Then|"
                r"Next to (?:it|them|this)|Beside (?:it|them)|Apart from (?:this|that|these|it|the)|"
                r"Among them|Of them|Of these|For example|For instance|At the same time|"
                r"In the meantime|After that|Likewise|Similarly|As a result|Therefore|Thus|Instead)\b")
_QUOTE_OPEN = "\"“"
_ENDS = (".", "!", "?", "\"", "”", "’", "'", ")")


def single_sentence_paragraphs(doc: Document) -> list[bool]:
    """For each paragraph: is it one line holding exactly one sentence that ends as one?"""
    per_para = Counter(s.paragraph for s in doc.sentences)
    text = doc.text
    out = []
    for index, para in enumerate(doc.paragraphs):
        chunk = text[para.start:para.end]
        out.append(per_para.get(index, 0) == 1 and "\n" not in chunk and chunk.rstrip().endswith(_ENDS))
    return out


def _cues(doc: Document, first: int, last: int) -> int:
    """How many paragraphs of the run continue the one before them."""
    text = doc.text
    paras = doc.paragraphs
    back = re_compile(_POINTS_BACK)
    count = 0
    for i in range(max(first, 1), last + 1):
        chunk = text[paras[i].start:paras[i].end]
        before = text[paras[i - 1].start:paras[i - 1].end]
        bare_quote = chunk[:1] in _QUOTE_OPEN and chunk.rstrip(".").endswith(("\"", "”"))
        if back.match(chunk) or (bare_quote and any(q in before for q in "\"“”")):
            count += 1
    return count


def longest_run(doc: Document) -> tuple[int, int] | None:
    """(first, last) paragraph index of the run to report, or None."""
    flags = single_sentence_paragraphs(doc)
    first_body = 0
    title = doc.title
    if title is not None:
        first_body = next((i + 1 for i, p in enumerate(doc.paragraphs) if p.start <= title.start < p.end), 0)
    body = flags[first_body:]
    if len(body) < MIN_BODY or sum(body) < SHARE * len(body):
        return None
    best = None
    run_start = None
    for i, flag in enumerate(flags + [False]):
        if i < first_body:
            continue
        if flag and run_start is None:
            run_start = i
        elif not flag and run_start is not None:
            if (i - run_start >= MIN_RUN and (best is None or i - run_start > best[1] - best[0] + 1)
                    and _cues(doc, run_start, i - 1) >= MIN_CUES):
                best = (run_start, i - 1)
            run_start = None
    return best
