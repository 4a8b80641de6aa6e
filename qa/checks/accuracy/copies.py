"""Source text copied into the English untranslated (AC08).

A run of four or more Chinese characters in the English (with the Chinese punctuation and
digits between them) that stands verbatim in the source sentence it is aligned with, or in a
sentence beside it, is source text copied instead of translated. The rule names the source place
and says whether a whole source sentence was copied (its translation is then missing).

UT01 reports every run of Chinese characters in English copy; in bilingual mode it gives way to
AC08 on the same span (one defect, one finding), so the finding names the source place. Each run
is looked up in its own bead and the beads beside it only: linear.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterator

from ..._speed.regex import re_compile
from ...document.model import Document
from ...findings import Hit
from ...rules.base import Example, Rule, RuleDoc, RuleMeta
from ...rules.context import RuleOptions

MIN_HAN = 4
_RUN = (r"[\u3400-\u9fff](?:[\u3400-\u9fff\u3000-\u303f\uff01-\uff60\d·、，。；：？！“”‘’（）《》]"
        r"{0,400}[\u3400-\u9fff。！？”）])?")
_HAN = r"[\u3400-\u9fff]"


def check_copied(doc: Document, opts: RuleOptions) -> Iterator[Hit]:
    if doc.source_doc is None or not re_compile(_HAN).search(doc.text):
        return
    from .bitext import bitext
    bt = bitext(doc)
    if bt is None:
        return
    starts = [b.en_span[0] if b.en else -1 for b in bt.beads]
    for m in re_compile(_RUN).finditer(doc.text):
        run = m.group()
        if len(re_compile(_HAN).findall(run)) < MIN_HAN:
            continue
        k = max(0, bisect.bisect_right(starts, m.start()) - 1)
        for j in bt.neighbours(k):
            span = bt.beads[j].zh_span
            if span is None:
                continue
            at = bt.zh_text.find(run, span[0], span[1])
            if at < 0:
                continue
            whole = any(s == at and e == at + len(run) for s, e in bt.beads[j].zh)
            what = "a whole source sentence" if whole else "source text"
            yield Hit(m.start(), m.end(),
                      f"'{run[:40]}{'……' if len(run) > 40 else ''}' is {what} copied untranslated: "
                      "its English is missing", source_span=(at, at + len(run)))
            break


COPIED = Rule(RuleMeta(
    code="AC08", name="source-copied", category="accuracy", severity="warning",
    summary="source text copied into the English untranslated (with where it stands in the source)",
    doc=RuleDoc(
        what="Bilingual mode only (silent without the Chinese original). A run of four or more "
             "Chinese characters in the English that stands verbatim in the aligned source "
             "sentence or one beside it: source text copied instead of translated. The finding "
             "names the source place and whether a whole sentence was copied. In bilingual mode "
             "UT01 (every run of Chinese characters) gives way to it on the same span.",
        why="A copied sentence is an omission as well as an eyesore: the English reader loses "
            "what it says.",
        instead="Translate the source sentence in place.",
        examples=(Example(bad="The company was founded in 2012. 公司目前已有两款产品获批上市。\n",
                          flags=("公司目前已有两款产品获批上市。",),
                          good="The company was founded in 2012. Two of its products have been "
                               "approved for sale.\n",
                          source="公司成立于2012年。公司目前已有两款产品获批上市。\n"),),
        precision=(
                  "WMT23 zh-en dev pairs (bench/bilingual/measure.py, one segment per line): 1 segment (a "
                  "site tail copied untranslated), right. bench/releases/bilingual/dev: both copied "
                  "sentences.")),
    ), check_copied)
