"""Wire copy broken at every sentence: a run of paragraphs that are each one sentence on one line.

Copy pasted from a wire service or a converter that ends a paragraph at every full stop arrives
with each sentence set as a paragraph of its own: quotations cut from their speaker, figures
from the sentence that explains them. Short paragraphs are normal in news style, so the test is
strict: in the body (the headline and the paragraphs before the first sentence of prose left
out), at least MIN_BODY paragraphs, at least SHARE of them one-sentence, one-line paragraphs,
and a run of at least MIN_RUN of those in a row. The longest run is reported once.
"""
from __future__ import annotations

from collections import Counter

from ...document.model import Document

MIN_BODY = 10
MIN_RUN = 7
SHARE = 0.85
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
            if i - run_start >= MIN_RUN and (best is None or i - run_start > best[1] - best[0] + 1):
                best = (run_start, i - 1)
            run_start = None
    return best
