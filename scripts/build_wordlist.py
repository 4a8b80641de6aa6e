"""Build wordlists/english.txt from wordfreq's large English list (a maintainer's tool; never
imported by the checker).

    python -m venv /tmp/wf && /tmp/wf/bin/pip install wordfreq==3.1.1
    /tmp/wf/bin/python scripts/build_wordlist.py

wordfreq (Robyn Speer and contributors) is Apache-2.0 code; its word lists may be
redistributed under CC BY-SA 4.0, so the derived list carries that licence and attribution
in its header. Kept: lower-case ASCII words of Zipf frequency >= 1 (the whole list), as
  - parts: Zipf >= PART_ZIPF, with their frequency rounded to a tenth;
  - known: rarer words of at least MIN_KNOWN_LENGTH letters that `wordsplit.cuts` could cut
    into parts ('livestreamer'; `wordsplit.is_word` then also knows 'livestreamers').
Left out as well: joins common enough on the web to be listed ('ofthe', 'wherethe'), whose
best cut is TYPO_MARGIN orders of magnitude likelier than the word (on wordfreq 3.1.1 all
such words are slips or hashtags; legal words such as 'thereof' and 'whereto' stay below it).
Every other word is left out: no cut can reach it, so the checker never asks about it.
"""
from __future__ import annotations

import importlib.util
import math
import os
import re

HERE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "qa", "text")

TYPO_MARGIN = 3.0

HEADER = """\
# English words for release-qa's run-together-word check (qa/text/wordsplit.py).
# Derived from the "large" English word list of wordfreq {version} (Robyn Speer and
# contributors, https://github.com/rspeer/wordfreq), whose data may be redistributed under
# the Creative Commons Attribution-ShareAlike 4.0 licence
# (https://creativecommons.org/licenses/by-sa/4.0/); this derived list is under the same
# licence. wordfreq's data come from Wikipedia, subtitles, news, books, web text, Twitter and
# Reddit (see its README for the sources and their terms).
# Changes: only lower-case ASCII words; Zipf frequencies rounded to a tenth; words of Zipf
# < {part} kept only when a run-together-word cut could reach them, without frequencies;
# joins frequent on the web ('ofthe', 'wherethe') left out.
# Built by scripts/build_wordlist.py; do not edit by hand.
# Format: "@NN" starts the words of Zipf NN/10; "@0" starts the rarer known words.
"""


def _wrap(words: list[str], width: int = 100) -> list[str]:
    lines, line = [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    if line:
        lines.append(line)
    return lines


def build() -> str:
    import wordfreq

    # wordsplit.py by path: importing the package would load the whole checker
    spec = importlib.util.spec_from_file_location("wordsplit", os.path.join(HERE, "wordsplit.py"))
    ws = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ws)

    freq = wordfreq.get_frequency_dict("en", wordlist="large")
    zipf = {w: math.log10(f) + 9 for w, f in freq.items() if re.fullmatch(r"[a-z]+", w)}
    zipf = {w: z for w, z in zipf.items() if z >= 1.0}
    parts = {w: round(z, 1) for w, z in zipf.items()
             if w in ws.SHORT_PARTS or (len(w) >= 3 and ws.is_part(w, zipf.__getitem__))}

    def zipf_of(w: str) -> float:
        return parts.get(w, 0.0)

    def typo(w: str) -> bool:
        # a join frequent enough on the web to be listed ('ofthe', 'wherethe', 'thepolice'):
        # its best cut is TYPO_MARGIN orders of magnitude likelier than the word itself
        scores = [sum(zipf_of(p) for p in c) - 9 * (len(c) - 1) for c in ws.cuts(w, zipf_of)]
        return bool(scores) and max(scores) - zipf[w] >= TYPO_MARGIN

    typos = {w for w in zipf if len(w) >= ws.MIN_KNOWN_LENGTH and typo(w)}
    known = set()
    for w in zipf:
        if w in parts or w in typos:
            continue
        if len(w) >= ws.MIN_KNOWN_LENGTH and ws.cuts(w, zipf_of):
            known.add(w)
    for w in typos:
        parts.pop(w, None)
    out = [HEADER.format(version=getattr(wordfreq, "__version__", "3.1.1"), part=ws.PART_ZIPF)]
    for band in sorted({z for z in parts.values()}, reverse=True):
        out.append(f"@{round(band * 10)}")
        out += _wrap(sorted(w for w, z in parts.items() if z == band))
    out.append("@0")
    out += _wrap(sorted(known))
    return "\n".join(out) + "\n"


def main() -> None:
    text = build()
    with open(os.path.join(HERE, "wordlists", "english.txt"), "w", encoding="utf-8") as fh:
        fh.write(text)
    print(f"{len(text):,} characters written")


if __name__ == "__main__":
    main()
