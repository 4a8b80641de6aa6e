"""Encoding damage: mojibake, characters lost in conversion, and copy broken at every full stop.

EN01 (mojibake.py) finds UTF-8 read as Windows-1252, Latin-1 or GBK ("â€™", "Ã©", "鈥檚"),
with or without a lost byte, and repairs what can be repaired (a safe fix when the repair
round-trips). EN02 reports U+FFFD replacement characters and their GBK reading "锟斤拷", which
cannot be repaired. EN03 (lost.py) reports a "?" that stands for a lost character
("Shenzhen?s", "2022 ? 2023"). EN04 (wrapped.py) reports wire copy whose every sentence became
a paragraph. EN05 (invisible.py) reports zero-width and bidirectional format characters.
"""
from __future__ import annotations

from ..._speed.regex import LazyRegex
from ...document.model import Document
from ...findings import Hit
from ...rules.base import Example, Rule, RuleDoc, RuleMeta, collect_rules
from ...rules.context import RuleOptions
from .entities import character_references
from .invisible import invisible_characters
from .lost import scan as scan_lost
from .mojibake import repair, scan
from .wrapped import MIN_BODY, MIN_RUN, SHARE, longest_run

__all__ = ["RULES", "repair"]

# U+FFFD right after 鈥 or â€ is the lost byte of a garbled punctuation mark, which EN01 reports
_REPLACEMENT_RUN = LazyRegex("(?<!鈥|â€)\ufffd+|(?:锟斤拷)+")


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
              "punctuation was read as Latin-1; the same with a byte lost ('â€' before a space or "
              "a comma, where a closing quotation mark stood; 'Â ' where a no-break space "
              "stood); and UTF-8 punctuation read as GBK ('鈥檚' for ’s, '鈥淲e' for “We, "
              "'鈥?' for a mark whose last byte is lost). The finding gives the repaired text "
              "where it can be known."),
        why=("Readers see gibberish where quotation marks, accents or names should be; it "
             "looks broken on every page that republishes the release."),
        instead=("The repaired characters, as suggested: 'â€™' becomes ’, 'Ã©' becomes é. "
                 "Better, fix the step that mis-decoded the file (save and send as UTF-8)."),
        examples=(Example("The firmâ€™s CEO, JosÃ© Li, spoke.\n", ("â€™", "Ã©"),
                          "The firm’s CEO, José Li, spoke.\n"),),
        fix_safety=("Safe when the repair round-trips: damaging the repaired text again gives "
                    "exactly the garbled run, so nothing else is changed. Otherwise unsafe (a "
                    "lost-byte 'â€' taken for ”); no fix where the lost character is unknown."),
        precision=("WMT23 zh-en dev (bench/accuracy.py): 0 findings (no mojibake in the data). "
                   "Releases (seed + tests/fixtures/releases/packs_*): 4 findings, 0 false "
                   "alarms; bench/releases/dev: 3 of 3 marked mojibake items found ('â€™', 'â€œ' "
                   "and a lost-byte 'â€', 'Ã¢'), 0 false alarms; lost-byte and GBK shapes on "
                   "releases written for them: 8 findings, 0 false alarms; accented European "
                   "names, capitals ('ROMÂNIA'), curly quotes and real Chinese are not flagged.")),
    fixable="safe"), check_mojibake)

REPLACEMENT = Rule(RuleMeta(
    code="EN02", name="replacement-character", category="encoding", severity="error",
    summary="U+FFFD replacement characters where text was lost in decoding",
    doc=RuleDoc(
        what=("The replacement character U+FFFD ('\ufffd'), which a program puts where it "
              "could not decode a byte, and '锟斤拷', the same characters read as GBK: the "
              "original characters are gone."),
        why="The text is damaged: a name, a figure or a quotation mark is missing.",
        instead="Retype the lost characters from the original document.",
        examples=(Example("Revenue rose 12\ufffd in 2023.\n", ("\ufffd",), "Revenue rose 12% in 2023.\n"),),
        precision=("WMT23 zh-en dev (bench/accuracy.py): 0 findings. Releases (seed + "
                   "tests/fixtures/releases/packs_*): 1 finding, 0 false alarms; '锟斤拷' on a "
                   "release written for it: 1 finding."))), check_replacement)

def check_lost(doc: Document, opts: RuleOptions):
    yield from scan_lost(doc.text)


def check_sentence_paragraphs(doc: Document, opts: RuleOptions):
    run = longest_run(doc)
    if run is None:
        return
    first, second = doc.paragraphs[run[0]], doc.paragraphs[run[0] + 1]
    n = run[1] - run[0] + 1
    lines = f"lines {doc.line_of(first.start)}-{doc.line_of(doc.paragraphs[run[1]].start)}"
    yield Hit(second.start, second.end,
              f"this paragraph is one of {n} one-sentence paragraphs in a row ({lines}), as in wire "
              "copy broken at every full stop: join the sentences that belong together (a quotation "
              "and its speaker, a figure and what it measures) into paragraphs", None,
              related=((first.start, first.end, "the first paragraph of the run"),))


_WRAPPED = ("Wuhu Battery Plant Opens\n\n" + "".join(p + "\n\n" for p in (
    "The plant opened on Monday.", "It makes 300,000 batteries a year.",
    "The company invested 2 billion yuan.", "\"We chose Wuhu for its port,\" said Li Na, the manager.",
    "\"It is close to our customers.\"", "She said a second line would follow.",
    "The plant employs 900 people.", "Most of them were hired locally.",
    "The city gave the land at a discount.", "Exports will start in June.")))

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
        examples=(Example("Shenzhen?s output rose in the 2022 ? 2023 season.\n", ("Shenzhen?s", "?"),
                          "Shenzhen's output rose in the 2022-2023 season. Why? Demand.\n"),),
        fix_safety="Unsafe: an apostrophe is certain, but whether it is straight or curly follows "
                   "the rest of the release.",
        precision=("WMT23 zh-en dev (bench/accuracy.py): 0 findings (its 30 question marks all end "
                   "questions). bench/releases/dev: 1 of 1 marked '?' found, 0 false alarms; releases "
                   "written for the rule about other issuers: 6 findings, 0 false alarms (questions, "
                   "'Why?Because', Q&A lines and web addresses pass); clean releases: 0 findings.")),
    fixable="unsafe"), check_lost)

SENTENCE_PARAGRAPHS = Rule(RuleMeta(
    code="EN04", name="sentence-paragraphs", category="style", severity="info",
    summary="wire copy broken at every full stop: a run of one-sentence paragraphs",
    doc=RuleDoc(
        what=(f"A body of at least {MIN_BODY} paragraphs, {int(SHARE * 100)}% or more of them one "
              f"sentence on one line, with at least {MIN_RUN} such paragraphs in a row: copy "
              "pasted from a feed or a converter that ended a paragraph at every full stop. One "
              "finding for the longest run, on its second paragraph (the first that should have "
              "continued the one before it); the message gives the lines of the run."),
        why=("A quotation is cut from its speaker and a figure from the sentence that explains "
             "it; the release reads as a list of sentences, not as paragraphs."),
        instead="Join the sentences that belong together into paragraphs of two to four sentences.",
        examples=(Example(_WRAPPED, ("It makes 300,000 batteries a year.",),
                          "Wuhu Battery Plant Opens\n\nThe plant opened on Monday. It makes 300,000 "
                          "batteries a year.\n\n\"We chose Wuhu for its port,\" said Li Na, the manager. "
                          "\"It is close to our customers.\"\n"),),
        precision=("Info: the thresholds rest on few examples. WMT23 zh-en dev (bench/accuracy.py): "
                   "0 findings. bench/releases/dev: 1 of 1 marked item found, no neutral span "
                   "touched; releases written for the rule: 1 broken release found, a wire-style "
                   "release of ten stand-alone one-sentence paragraphs and the dup_solar_expo "
                   "fixture (seven) not flagged; clean releases: 0 findings."))),
    check_sentence_paragraphs)


# ---- EN05 invisible characters ---------------------------------------------------------------
def check_invisible(doc: Document, opts: RuleOptions):
    yield from invisible_characters(doc)


INVISIBLE_CHARACTER = Rule(RuleMeta(
    code="EN05", name="invisible-character", category="encoding", severity="warning",
    summary="zero-width spaces, soft hyphens and bidi controls hidden in the text",
    doc=RuleDoc(
        what=("Unicode format characters that print as nothing: zero-width spaces and non-joiners "
              "(U+200B, U+200C), a zero-width joiner between letters, the soft hyphen (U+00AD), "
              "word joiners (U+2060), a byte-order mark inside the text (U+FEFF), directional marks "
              "and overrides (U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) and tag characters. "
              "They come with copy pasted from web pages, PDFs and chat tools. The finding is the "
              "word they sit in; every other rule reads the text as if they were not there."),
        why=("They split words for search engines, spell checkers and translation memories, and a "
             "right-to-left override makes a line display in another order than it is stored, "
             "which can hide what a sentence says."),
        instead="The same word without them (the safe fix deletes them).",
        examples=(Example(bad="The fair (here\u200binafter the Expo) opened.\n",
                          flags=("(here\u200binafter",),
                          good="The fair (the Expo) opened.\n"),),
        fix_safety="Safe: the fix deletes the invisible characters and changes nothing a reader sees.",
        precision=("WMT23 zh-en dev and the test releases hold none of these characters: 0 findings; "
                   "tests/hostile holds texts with each of them.")),
    fixable="safe"), check_invisible)


def check_entities(doc: Document, opts: RuleOptions):
    for s, e, char in character_references(doc.text):
        written = doc.text[s:e]
        fix = " " if char == "\u00a0" else char
        shown = "a space" if char == "\u00a0" else f"'{char}'"
        yield Hit(s, e, f"'{written}' is an HTML character reference left in the text: write "
                        f"{shown}", suggestion=fix, fix=fix, fix_safety="safe")


HTML_ENTITY = Rule(RuleMeta(
    code="EN06", name="html-entity", category="encoding", severity="warning",
    summary="an HTML character reference left in the text ('&amp;', '&quot;', '&#8217;')",
    doc=RuleDoc(
        what=("A character reference HTML defines, standing in the text as written: '&amp;', "
              "'&quot;', '&nbsp;', '&#8217;', '&#x201C;'. Copy taken from a page's source, or "
              "escaped twice on its way to the page, carries them. In an HTML or Markdown file "
              "the reference is decoded once as the file is read, so what is reported there was "
              "escaped twice ('&amp;amp;')."),
        why="Readers see '&amp;' where 'and' or '&' was meant; it shows the text was never read "
            "after it was copied.",
        instead="The character it stands for ('&', '\"', '’'), or a plain space for '&nbsp;'.",
        examples=(Example(bad="Sales of fruit &amp; vegetables rose 8%.\n",
                          flags=("&amp;",),
                          good="Sales of fruit & vegetables rose 8%.\n"),),
        fix_safety="Safe: the reference becomes the character it stands for.",
        precision=("WMT23 zh-en dev and the clean releases: no finding. Only references HTML "
                   "defines are reported.")),
    fixable="safe"), check_entities)


RULES = collect_rules(globals())
