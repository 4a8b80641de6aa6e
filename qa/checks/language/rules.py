"""Language rules (LG): paragraphs not in English, and words that mix Latin letters with
Cyrillic or Greek look-alikes.

LG01 runs a cheap test on every paragraph (script, English function words, accents) and
asks langdetect only about the paragraphs that fail it, so a clean English release never
imports langdetect. LG02 looks for mixed words only in releases that hold a Cyrillic or Greek
character at all.
"""
from __future__ import annotations

from collections.abc import Iterator

from ..._speed.regex import LazyRegex
from ...document.model import Document
from ...findings import SAFE, Hit
from ...rules.base import Example, Option, Rule, RuleDoc, RuleMeta, collect_rules
from ...rules.context import RuleOptions
from ...text.chars import has_char
from .langid import detect, han_count, language_name, looks_english, looks_pinyin, profile, script_language

MIN_STOP_SHARE = 0.15       # English prose: a third or more of its lower-case words
MIN_WORDS = 5               # fewer lower-case words than this: a name list or a label


def _verdict(text: str, min_probability: float) -> tuple[str, float] | None:
    """(language, probability) when the paragraph is not English, else None."""
    p = profile(text, pinyin_min_words=MIN_WORDS)
    if looks_pinyin(p, MIN_WORDS):
        return "pinyin", 1.0
    if looks_english(p, len(text), MIN_STOP_SHARE, MIN_WORDS):
        return None
    by_script = script_language(text) if p.latin_share < 0.5 else None
    if by_script == "zh":
        return None             # Chinese characters are UT01's: one finding per run already
    if by_script:
        return by_script, 1.0
    guesses = detect(text)
    if not guesses:
        return None
    lang, prob = guesses[0]
    en = sum(q for code, q in guesses if code == "en")
    if lang == "en" or prob < min_probability or en >= 0.1:
        return None
    return lang, prob


def non_english_paragraph(doc: Document, opts: RuleOptions) -> Iterator[Hit]:
    for para in doc.paragraphs:
        text = doc.slice(para)
        if len(text) + 2 * han_count(text) < opts["min_chars"]:
            continue            # a Han character counts as a word (three characters)
        verdict = _verdict(text, opts["min_probability"])
        if verdict is None:
            continue
        lang, prob = verdict
        how = ("its words are pinyin syllables" if lang == "pinyin" else "by its script"
               if lang in ("ja", "ko") else f"langdetect: {prob:.2f}")
        yield Hit(para.start, para.end,
                  f"This paragraph is in {language_name(lang)} ({how}), not English: it was "
                  f"left untranslated; translate it or delete it")


# ---- mixed-script words ------------------------------------------------------------------
# Cyrillic and Greek letters drawn like Latin ones, with the Latin letter they imitate.
HOMOGLYPHS = {
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j",
    "ѕ": "s", "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S",
    "ο": "o", "ν": "v", "ρ": "p", "υ": "u", "ι": "i", "κ": "k", "α": "a",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
}
_MIXED = LazyRegex(r"(?=\p{L}*\p{Latin})(?=\p{L}*[\p{Cyrillic}\p{Greek}])\p{L}+")
_FOREIGN_CLASS = r"[\p{Cyrillic}\p{Greek}]"
_FOREIGN = LazyRegex(_FOREIGN_CLASS)


def mixed_script_word(doc: Document, opts: RuleOptions) -> Iterator[Hit]:
    if not has_char(doc, _FOREIGN_CLASS):
        return                  # every match holds a Cyrillic or Greek letter
    for m in _MIXED.finditer(doc.text):
        word = m.group()
        foreign = [c for c in word if _FOREIGN.match(c)]
        if not all(c in HOMOGLYPHS for c in foreign):
            continue            # a real Greek letter in a term ("TGFβ"), not a look-alike
        fixed = "".join(HOMOGLYPHS.get(c, c) for c in word)
        names = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in dict.fromkeys(foreign))
        yield Hit(m.start(), m.end(),
                  f"'{word}' mixes Latin letters with look-alike Cyrillic or Greek ones ({names}): "
                  f"it reads as '{fixed}' but search, spell checkers and sorting see another "
                  f"word; retype it in Latin letters",
                  suggestion=fixed, fix=fixed, fix_safety=SAFE)


LG01 = Rule(RuleMeta(
    code="LG01", name="non-english-paragraph", category="untranslated", severity="warning",
    summary="a paragraph in another language (or in pinyin) left in the English copy",
    doc=RuleDoc(
        what="A paragraph of 40 characters or more (a Chinese character counts as three) "
             "that is not English: Chinese or another "
             "script, another Latin-script language (langdetect, probability 0.90 or more and "
             "English under 0.10), or romanised Chinese written as lower-case pinyin. "
             "Japanese and Korean are told by their script, without langdetect. Paragraphs in "
             "Chinese characters are left to UT01 (untranslated-chinese), which reports the "
             "same text.",
        why="An untranslated paragraph is the most visible translation failure: English "
            "readers skip it, and it tells editors the copy was never read through.",
        instead="Translate the paragraph, or delete it if the English copy already says the same.",
        examples=(Example(
            bad="Greenfield Energy opened its new plant in Ningbo on Monday.\n\n"
                "Die neue Anlage soll im nächsten Jahr mehr als zweitausend Tonnen Batterien "
                "herstellen und schafft dreihundert Arbeitsplätze.",
            flags=("Die neue Anlage soll im nächsten Jahr mehr als zweitausend Tonnen Batterien "
                   "herstellen und schafft dreihundert Arbeitsplätze.",),
            good="Greenfield Energy opened its new plant in Ningbo on Monday.\n\n"
                 "The plant will make more than two thousand tonnes of batteries next year "
                 "and employ three hundred people."),),
        precision="WMT23 zh-en dev (62,795 words, 457 paragraphs of 40+ characters): no "
                  "findings, and langdetect never called: every paragraph passes the cheap "
                  "English test.",
        options_note="Paragraphs shorter than min_chars are not judged: langdetect is "
                     "unreliable on short text."),
    options=(Option("min_chars", 40, "shortest paragraph judged, in characters", min=0),
             Option("min_probability", 0.9, "langdetect probability needed to report",
                    min=0, max=1))), non_english_paragraph)

LG02 = Rule(RuleMeta(
    code="LG02", name="mixed-script-word", category="garbled", severity="warning",
    summary="a word mixing Latin letters with Cyrillic or Greek look-alikes",
    doc=RuleDoc(
        what="A word whose letters are Latin except for Cyrillic or Greek letters drawn the "
             "same ('Сhina' with a Cyrillic 'С'). Words with real Greek letters in science "
             "terms ('TGFβ', 'μm') are left alone.",
        why="The word looks right but is a different string: search engines, spell checkers, "
            "news databases and the reader's find-in-page all miss it. It usually comes from "
            "text typed on a Russian or Greek keyboard layout or copied from a spoofed page.",
        instead="Retype the word in Latin letters (the fix does this).",
        examples=(Example(
            bad="Nordlake Tech signed a deal with Сhina Mobile on Friday.",
            flags=("Сhina",),
            good="Nordlake Tech signed a deal with China Mobile on Friday."),),
        fix_safety="safe: each look-alike is replaced by the Latin letter it imitates.",
        precision="WMT23 zh-en dev (62,795 words): no findings."),
    fixable="safe"), mixed_script_word)

RULES = collect_rules(globals())
