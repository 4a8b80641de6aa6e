"""Encoding damage: mojibake (UTF-8 read as Windows-1252 or Latin-1) and lost characters.

EN01 finds runs of characters that are the Windows-1252 / Latin-1 reading of UTF-8 byte
sequences ("â€™" for ’, "Ã©" for é, "ä¸­å›½" for 中国), repairs each run by turning the
characters back into bytes and decoding them as UTF-8 (twice for text damaged twice), and
offers the repair as a safe fix when it round-trips: re-damaging the repaired text gives the
run back exactly. Stray C1 control characters (Windows-1252 punctuation read as Latin-1) are
repaired the same way. EN02 reports U+FFFD replacement characters, which cannot be repaired.
"""
from __future__ import annotations

from ..._speed.regex import LazyRegex
from ...document.model import Document
from ...findings import Hit
from ...rules.base import Example, Rule, RuleDoc, RuleMeta, collect_rules
from ...rules.context import RuleOptions
from .lost import scan as scan_lost
from .mojibake import repair, scan
from .wrapped import MIN_BODY, MIN_RUN, SHARE, longest_run

__all__ = ["RULES", "repair"]

_REPLACEMENT_RUN = LazyRegex("\ufffd+|(?:锟斤拷)+")


def check_mojibake(doc: Document, opts: RuleOptions):
    yield from scan(doc.text)


def check_replacement(doc: Document, opts: RuleOptions):
    for m in _REPLACEMENT_RUN.finditer(doc.text):
        run = m.group(0)
        n = len(run) if run[0] == "\ufffd" else len(run) // 3 * 2
        what = "a character was" if n == 1 else f"{n} characters were"
        shown = "" if run[0] == "\ufffd" else " (replacement characters read as GBK)"
        yield Hit(m.start(), m.end(),
                  f"'{run}'{shown} marks where {what} lost when the text was decoded with the "
                  "wrong encoding: retype it from the original", None)


MOJIBAKE = Rule(RuleMeta(
    code="EN01", name="mojibake", category="encoding", severity="error",
    summary="garbled characters from UTF-8 read as Windows-1252 ('â€™', 'Ã©')",
    doc=RuleDoc(
        what=("Runs of characters such as 'â€™', 'â€œ', 'Ã©' or 'ä¸­å›½': UTF-8 text that was "
              "read as Windows-1252 or Latin-1 somewhere between the writer and the file "
              "(mojibake), and stray C1 control characters left when Windows-1252 "
              "punctuation was read as Latin-1. The finding gives the repaired text."),
        why=("Readers see gibberish where quotation marks, accents or names should be; it "
             "looks broken on every page that republishes the release."),
        instead=("The repaired characters, as suggested: 'â€™' becomes ’, 'Ã©' becomes é. "
                 "Better, fix the step that mis-decoded the file (save and send as UTF-8)."),
        examples=(Example("The firmâ€™s CEO, JosÃ© Li, spoke.\n", ("â€™", "Ã©"),
                          "The firm’s CEO, José Li, spoke.\n"),),
        fix_safety=("Safe when the repair round-trips: damaging the repaired text again gives "
                    "exactly the garbled run, so nothing else is changed. Otherwise unsafe."),
        precision=("WMT23 zh-en dev (bench/accuracy.py): 0 findings (no mojibake in the data). "
                   "Releases (seed + tests/fixtures/releases/packs_*): 4 findings, 0 false "
                   "alarms; accented European names and curly quotes are not flagged.")),
    fixable="safe"), check_mojibake)

REPLACEMENT = Rule(RuleMeta(
    code="EN02", name="replacement-character", category="encoding", severity="error",
    summary="U+FFFD replacement characters where text was lost in decoding",
    doc=RuleDoc(
        what=("The replacement character U+FFFD ('\ufffd'), which a program puts where it "
              "could not decode a byte: the original character is gone."),
        why="The text is damaged: a name, a figure or a quotation mark is missing.",
        instead="Retype the lost characters from the original document.",
        examples=(Example("Revenue rose 12\ufffd in 2023.\n", ("\ufffd",), "Revenue rose 12% in 2023.\n"),),
        precision=("WMT23 zh-en dev (bench/accuracy.py): 0 findings. Releases (seed + "
                   "tests/fixtures/releases/packs_*): 1 finding, 0 false alarms."))), check_replacement)

def check_lost(doc: Document, opts: RuleOptions):
    yield from scan_lost(doc.text)


def check_sentence_paragraphs(doc: Document, opts: RuleOptions):
    run = longest_run(doc)
    if run is None:
        return
    first, last = doc.paragraphs[run[0]], doc.paragraphs[run[1]]
    n = run[1] - run[0] + 1
    yield Hit(first.start, last.end,
              f"these {n} paragraphs in a row are one sentence each, as in wire copy broken at every "
              "full stop: join the sentences that belong together (a quotation and its speaker, a "
              "figure and what it measures) into paragraphs", None)


_WRAPPED = "Headline of the day\n\n" + "".join(f"Sentence number {i} is here.\n\n" for i in range(1, 12))

LOST_CHARACTER = Rule(RuleMeta(
    code="EN03", name="lost-character", category="encoding", severity="warning",
    summary="a '?' standing for a character lost in conversion ('Shenzhen?s', 'Zhang?Wei')",
    doc=RuleDoc(
        what=("A question mark where no question can be: inside a word ('Shenzhen?s', "
              "'Pok?mon', 'Zhang?Wei'), between two numbers ('2022 ? 2023'), between lower-case "
              "words ('the ? project'), or a run of them standing alone ('the ?? hospital'). A "
              "converter wrote '?' for a character the target encoding could not hold: a curly "
              "apostrophe, a dash, a middle dot, an accented letter, a Chinese name. Questions "
              "('Why? Because ...') and web addresses ('index.php?id=3') are left alone."),
        why="The character is gone: a name, a range or a possessive reads as a broken question.",
        instead=("Retype the character from the original: an apostrophe ('Shenzhen’s', offered "
                 "as the suggestion, in the release's own apostrophe style), a dash "
                 "('2022–2023'), the name or term itself."),
        examples=(Example("Shenzhen?s output rose in the 2022 ? 2023 season.\n", ("?", "?"),
                          "Shenzhen's output rose in the 2022-2023 season. Why? Demand.\n"),),
        fix_safety="Unsafe: an apostrophe is certain, but whether it is straight or curly follows "
                   "the rest of the release.",
        precision="Measured with bench/accuracy.py: see qa/rules/measured/EN03.json."),
    fixable="unsafe"), check_lost)

SENTENCE_PARAGRAPHS = Rule(RuleMeta(
    code="EN04", name="sentence-paragraphs", category="style", severity="info",
    summary="wire copy broken at every full stop: a run of one-sentence paragraphs",
    doc=RuleDoc(
        what=(f"A body of at least {MIN_BODY} paragraphs, {int(SHARE * 100)}% or more of them one "
              f"sentence on one line, with at least {MIN_RUN} such paragraphs in a row: copy "
              "pasted from a feed or a converter that ended a paragraph at every full stop. One "
              "finding covers the longest run."),
        why=("A quotation is cut from its speaker and a figure from the sentence that explains "
             "it; the release reads as a list of sentences, not as paragraphs."),
        instead="Join the sentences that belong together into paragraphs of two to four sentences.",
        examples=(Example(_WRAPPED, (_WRAPPED.split("\n\n", 1)[1].rstrip("\n"),),
                          "Headline of the day\n\nOne sentence. And another one.\n\nA third.\n"),),
        precision="Measured with bench/accuracy.py: see qa/rules/measured/EN04.json.")),
    check_sentence_paragraphs)

RULES = collect_rules(globals())
