"""'a' or 'an' before the wrong sound (GR01): 'a important', 'an unique', 'a 8-hour shift'.

The article goes by the sound of the next word, not its letter. `sound(word)` says "vowel",
"consonant" or None when spelling alone cannot tell; every doubtful case is None and then
nothing is reported. What is sure:
  - words from a, e, i, o are vowel sounds, except 'one', 'once' ('w'), 'eu-' and 'ewe'
    ('you'); words from u are judged by a list of prefixes ('uni-', 'use-' say 'you';
    'un-', 'up-', 'ult-' do not), other u-words are left alone;
  - words from a consonant are consonant sounds, except the silent h of 'hour', 'honest',
    'honour' and 'heir'; h-words once written with 'an' ('historic', 'hotel') are left alone;
  - a single letter, or a letter before a digit or hyphen ('F1', 'X-ray', 'U-turn'), goes
    by the letter's name, and so does an acronym that is spelled out. An acronym of capitals
    whose first letter sounds alike spelled or read as a word (B, C, D, ... ; A, E, I, O) is
    sure either way; one from F, H, L, M, N, R, S or X ('an NGO', 'a NATO summit') only
    when it cannot be read as a word (no vowel, or a first pair no English word starts
    with) or is a well-known spelled acronym ('MoU', 'SOE', 'SME');
  - numbers go by how they are read: 8, 11, 18, 80, 800, 8,000, 11,000 and 18-month take
    'an'; four-digit numbers from 11 or 18 ('1800': eighteen hundred or one thousand eight
    hundred) are left alone.
Not judged: a currency code before a sign ('a HK$1.5 billion fund': read by the amount), a
capital 'A' or 'An' inside a sentence ('Series A funding', a Title Case
headline), 'An' before a pinyin name (the surname: 'An Wei said'), 'an' after a pinyin syllable
('Xi an', a lost apostrophe), anything but white space between the article and the word, and
an 'A' that is one key of a row of single letters, such as a web page's font-size widget
('Font size: A A A', 'A A+ A-'), or one of two letters alone on a line ('A A').
"""
from __future__ import annotations

from collections.abc import Iterator

from ..._speed.regex import re_compile
from ...text.pinyin import is_pinyin

VOWEL = "vowel"
CONSONANT = "consonant"

# The article, then the next word (after an optional opening quote) on the same line or the
# next line of the paragraph. The word may hold inner apostrophes, dots, hyphens and commas
# between digits ('one-off', 'U.S.', '8,000').
_ARTICLE = (r"(?<![\w'’.\-&/<>=@#$])(?P<art>[Aa]n?)(?:[ \t]+|[ \t]*\r?\n[ \t]*)(?P<quote>[\"“‘']?)"
            r"(?P<word>[^\W_]+(?:['’.\-&][^\W_]+|(?<=\d),\d+)*)(?![=(\[{<>/@_])")

# Letters whose names start with a vowel sound ('an F', 'an X-ray', 'an MRI').
_VOWEL_NAMES = frozenset("AEFHILMNORSX")
# Acronyms sounding the same spelled or read as a word ('a CCTV', 'an ASEAN summit').
_CONSONANT_EITHER_WAY = frozenset("BCDGJKPQTVWYZ")
_VOWEL_EITHER_WAY = frozenset("AEIO")
# Two-consonant openings of English words: an acronym starting otherwise is spelled out.
_ONSETS = frozenset("""
bl br ch cl cr dr dw fl fr gl gr kl kn kr ph pl pr ps qu rh sc sch sh sk sl sm sn sp sq st
sv sw th tr tw wh wr
""".split())
# Spelled-out acronyms whose second letter is a vowel (they would pass for words otherwise).
_SPELLED = frozenset("""
MOU MOA MOE MOF SOE SME SUV SEZ NEV MIIT FAO HIV NEA NHC RAM LED LOI FOB MA MEP
""".split())

# u-words read 'you' ('a university') and u-words read with a vowel ('an update').
_U_YOU = ("use", "usu", "usa", "uti", "utensil", "utopia", "uranium", "urea", "urin", "urol",
          "ubiquit", "ukrain", "uganda", "ukulele", "unanim", "uyghur", "uygur", "uighur", "ufo",
          "uefa", "utah", "unicorn", "uniform", "unif", "union", "unique", "unis", "unit",
          "univ", "unic", "unilateral", "unilever")
_U_VOWEL = ("unb", "unc", "und", "unf", "ung", "unh", "unj", "unk", "unl", "unm", "unp",
            "unq", "unr", "uns", "unt", "unv", "unw", "unz", "une", "uno", "unu", "unimp",
            "unimag", "unin", "unident", "up", "ult", "umb", "ump", "urb", "urg", "ugl", "utt",
            "utm", "ush", "unaware", "unable", "unacc", "unaff", "unann", "unapp", "unatt",
            "unauth", "unavail", "unavoid")
# h-words with a silent h, and h-words traditionally written with 'an' ('an historic').
_H_SILENT = ("hour", "honest", "honour", "honor", "heir")
_H_EITHER = ("herb", "hist", "hot", "hero", "hab", "hyst", "hyp", "hil", "horr", "hori",
             "hum", "hal", "here", "hom", "heu", "haw")


# A currency sign after a code ('HK$', 'US$', 'NT$', 'R$'): the article goes by how the amount
# is read ('a HK$1.5 billion fund', 'an HK$8 million fund'), which is left unjudged.
_CURRENCY_SIGNS = frozenset("$€£¥₩₹")


def _letter_sound(letter: str) -> str:
    return VOWEL if letter.upper() in _VOWEL_NAMES else CONSONANT


def _number_sound(word: str) -> str | None:
    """How a number starting `word` is read: 'an 8', 'an 11th', 'a 100', 'an 18,000'."""
    m = re_compile(r"\d+(?:,\d{3})*").match(word)
    if m is None:
        return None
    groups = m.group().split(",")
    digits = "".join(groups)
    lead = groups[0] if len(groups) > 1 else digits[:(len(digits) - 1) % 3 + 1]
    if lead[0] == "8" or lead in ("11", "18"):
        return VOWEL
    if len(groups) == 1 and len(digits) == 4 and digits[:2] in ("11", "18"):
        return None
    return CONSONANT


def _acronym_sound(word: str) -> str | None:
    """The sound of an acronym of capitals ('NGO', 'SOEs', 'MoU', 'ASEAN')."""
    core = word[:-1] if len(word) > 2 and word.endswith("s") else word
    upper = core.upper()
    first = upper[0]
    if first in _CONSONANT_EITHER_WAY:
        return CONSONANT
    if first in _VOWEL_EITHER_WAY:
        if upper.startswith("EU") and len(upper) > 2 or upper.startswith("ONE"):
            return None
        return VOWEL
    if first == "U":
        return None if upper[1:2] in ("N", "M") and len(upper) > 2 else CONSONANT
    # F H L M N R S X: 'an' when spelled out, 'a' when read as a word ('a NATO summit')
    if upper in _SPELLED or not core.isupper():         # 'MoU', 'PhD'-style: spelled
        return VOWEL
    rest = upper[1:]
    if not any(c in "AEIOUY" for c in rest):
        return VOWEL
    if rest[:1] not in "AEIOUY" and upper[:2].lower() not in _ONSETS:
        return VOWEL
    return None


def _word_sound(low: str) -> str | None:
    """The sound of a lower-cased word of letters."""
    c = low[0]
    if c in "ai":
        return VOWEL
    if c == "o":
        if low.startswith("one") and not low.startswith("oner") or low.startswith("once"):
            return CONSONANT
        return None if low.startswith(("oua", "oax", "oui")) else VOWEL
    if c == "e":
        return CONSONANT if low.startswith(("eu", "ewe")) else VOWEL
    if c == "u":
        if low.startswith(_U_YOU):
            return CONSONANT
        return VOWEL if low.startswith(_U_VOWEL) else None
    if c == "h":
        if low.startswith(_H_SILENT):
            return VOWEL
        return None if low.startswith(_H_EITHER) else CONSONANT
    if c.isascii() and c.isalpha():
        return CONSONANT
    return None


def sound(word: str) -> str | None:
    """'vowel' or 'consonant' for the first sound of `word` as written, None when unsure."""
    if not word:
        return None
    first = word[0]
    if first.isdigit():
        return _number_sound(word)
    if not first.isascii() or not first.isalpha():
        return None
    if len(word) == 1 or word[1] in "-‐" or word[1].isdigit():
        return _letter_sound(first)         # 'an F1 car', 'an X-ray', 'a U-turn'
    letters = word.replace("'", "").replace("’", "").split("-")[0].split(".")[0]
    if not letters.isalpha():
        return None
    if first.islower() and letters[1:2].isupper():
        return _letter_sound(first)         # 'an mRNA vaccine', 'an iPhone', 'an eVTOL'
    if letters.islower() and len(letters) <= 5 and not any(ch in "aeiouy" for ch in letters):
        return _letter_sound(first)         # 'an ssh key', 'an npm package': spelled out
    if letters[:2].isupper() and not letters.isupper() and letters[2:3].islower() \
            and letters[2:] != "s":
        return _acronym_sound(letters[:2])  # 'an SDist', 'an HKEx listing'
    caps = sum(1 for ch in letters if ch.isupper())
    if caps >= 2 and (letters.isupper() or len(letters) <= 4 and first.isupper()):
        return _acronym_sound(letters)      # 'an NGO', 'a CCTV', 'an MoU'
    return _word_sound(letters.lower())


def _sentence_start(text: str, pos: int) -> bool:
    """True when only opening quotes or brackets stand between `pos` and the start of a
    sentence (the text's start, a line break or a full stop, question or exclamation mark)."""
    k = pos - 1
    while k >= 0 and text[k] in " \t\"“‘'([":
        k -= 1
    return k < 0 or text[k] in "\n\r.!?:;"


# A key of a letter widget: one letter, maybe with a plus or minus ('A', 'A+', 'A-').
_KEY = r"[^\W\d_][+\-－＋]?"
_KEY_BEFORE = r"(?:(?<=[^\w+\-－＋])|^)" + _KEY + r"[ \t]+$"    # searched up to the article
_KEY_AFTER = r"[+\-－＋]?[ \t]+" + _KEY + r"(?![\w'’.])"
_LINE_END = r"[+\-－＋]?[ \t]*(?:\r?\n|$|[|\]】)）])"
_LABEL_END = r"(?:^|[\n\r:：|\[【(（])[ \t]*$"                # a line start or 'Font size:'


def _letter_keys(text: str, start: int, end: int) -> bool:
    """True when the article at `start` and the one-letter word ending at `end` are keys of a
    row of letters (a font-size widget), not prose: another such key stands right before the
    article or right after the word, or the two end their line and follow nothing but a line
    start or a label ('Font size: A A'). Reads at most 12 characters either side."""
    lo = max(0, start - 12)
    if re_compile(_KEY_BEFORE).search(text, lo, start) \
            or re_compile(_KEY_AFTER).match(text, end, end + 12):
        return True
    return re_compile(_LINE_END).match(text, end, end + 12) is not None \
        and re_compile(_LABEL_END).search(text, lo, start) is not None


def _previous_word(text: str, pos: int) -> str:
    m = re_compile(r"([^\W_]+)[ \t]+$").search(text, max(0, pos - 40), pos)
    return m.group(1) if m else ""


def article_errors(text: str, start: int = 0, end: int | None = None
                   ) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, the article as written, the right article) for each article before a word
    whose first sound certainly calls for the other one; the span runs to the word's end."""
    end = len(text) if end is None else end
    for m in re_compile(_ARTICLE).finditer(text, start, end):
        art, word = m.group("art"), m.group("word")
        if art[0] == "A" and not _sentence_start(text, m.start()):
            continue                        # 'Series A funding', 'Class A shares'
        if art == "An" and word[0].isupper() and is_pinyin(word, 2):
            continue                        # 'An Wei said': the surname An
        if art == "an":
            before = _previous_word(text, m.start())
            if before[:1].isupper() and is_pinyin(before, 2):
                continue                    # 'Xi an', 'Tai an': a place name, apostrophe lost
        if len(word) == 1 and not m.group("quote") and _letter_keys(text, m.start(), m.end()):
            continue                        # 'Font size: A A A': a widget's keys
        if text[m.end():m.end() + 1] in _CURRENCY_SIGNS:
            continue                        # 'a HK$1.5 billion fund': read by the amount
        s = sound(word)
        if s is None:
            continue
        wants_an = s == VOWEL
        if wants_an == (len(art) == 2):
            continue
        right = ("An" if art[0] == "A" else "an") if wants_an else art[0]
        yield m.start(), m.end(), art, right
