"""Which language a paragraph is in: a cheap script and stop-word test first, langdetect only
for paragraphs that fail it.

langdetect loads 55 language profiles on first use (about a quarter of a second), so it is
imported inside `detect` and only ever called for text that does not already look like
English. Its detector is randomised; `DetectorFactory.seed = 0` makes results repeatable.

The counts of the cheap test come from the stdlib `re` and byte counting on plain text (see
qa.text.chars), from the `regex` patterns on the rest; both give the same numbers.
"""
from __future__ import annotations

import re
from collections import namedtuple
from functools import lru_cache

from ..._speed.regex import LazyRegex, re_compile
from ...text.chars import is_plain
from ...text.pinyin import TONED_VOWELS, is_pinyin, toneless

# Frequent English function words: English prose is a third or more of these.
ENGLISH_STOP_WORDS = frozenset("""
a about after against all also among an and any are as at be because been before being but
by can could did do does during each for from had has have he her his how if in into is it
its more most new no not of on one only or other our out over said she should so some such
than that the their them then there these they this those through to under up was we were
what when where which while who will with would you
""".split())

HEADLINE_CHARS = 160
_LOWER_WORD = LazyRegex(r"(?<![\p{L}\p{N}'’-])[a-z]+(?:['’][a-z]+)?(?![\p{L}\p{N}-])")
_SCRIPT = {
    "latin": LazyRegex(r"\p{Latin}"),
    "han": LazyRegex(r"\p{Han}"),
    "kana": LazyRegex(r"[\p{Hiragana}\p{Katakana}]"),
    "hangul": LazyRegex(r"\p{Hangul}"),
    "cyrillic": LazyRegex(r"\p{Cyrillic}"),
    "greek": LazyRegex(r"\p{Greek}"),
}
_LETTER = LazyRegex(r"\p{L}")
_ACCENTED = LazyRegex(r"(?=\p{Latin})[^\x00-\x7f]")
# _LOWER_WORD for plain text (see qa.text.chars), in the stdlib `re`; the first letter is matched
# before the look-behind so the engine can skip to candidate letters quickly
_PLAIN_LOWER_WORD = r"[a-z](?<![A-Za-z0-9'’-][a-z])[a-z]*(?:['’][a-z]+)?(?![A-Za-z0-9-])"
_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

LANGUAGE_NAMES = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech",
    "da": "Danish", "de": "German", "el": "Greek", "es": "Spanish", "et": "Estonian",
    "fa": "Persian", "fi": "Finnish", "fr": "French", "he": "Hebrew", "hi": "Hindi",
    "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian", "it": "Italian", "ja": "Japanese",
    "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "ms": "Malay", "nl": "Dutch",
    "no": "Norwegian", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian",
    "sk": "Slovak", "sl": "Slovenian", "sv": "Swedish", "th": "Thai", "tl": "Tagalog",
    "tr": "Turkish", "uk": "Ukrainian", "vi": "Vietnamese", "zh": "Chinese",
    "zh-cn": "Chinese (simplified)", "zh-tw": "Chinese (traditional)",
    "pinyin": "romanised Chinese (pinyin)",
}


class Profile(namedtuple("Profile",
                         "letters latin lower_words stop_words pinyin_words accented")):
    """What the cheap test saw in a piece of text."""
    # letters: int
    # latin: int
    # lower_words: int
    # stop_words: int
    # pinyin_words: int
    # accented: int      Latin letters outside ASCII (é, ü, ñ, ạ ...)
    __slots__ = ()

    @property
    def latin_share(self) -> float:
        return self.latin / self.letters if self.letters else 1.0

    @property
    def stop_share(self) -> float:
        return self.stop_words / self.lower_words if self.lower_words else 0.0


def profile(text: str, pinyin_min_words: int | None = None) -> Profile:
    """What the cheap test sees in `text`. With `pinyin_min_words`, pinyin words are counted
    only when the rest of the profile lets `looks_pinyin(p, pinyin_min_words)` hold (they
    decide nothing otherwise, and counting them is the slow part); else they count as 0."""
    letters, latin, accented, words = (plain_counts if is_plain(text) else unicode_counts)(text)
    stop_words = sum(map(ENGLISH_STOP_WORDS.__contains__, words))
    p = Profile(letters, latin, len(words), stop_words, 0, accented)
    if pinyin_min_words is None or looks_pinyin(p._replace(pinyin_words=len(words)),
                                                pinyin_min_words):
        pinyin = sum(1 for w in words if w not in ENGLISH_STOP_WORDS and is_pinyin(w, 4))
        p = p._replace(pinyin_words=pinyin)
    if p.accented >= 3 and pinyin_min_words is not None:
        toned = _toned_profile(text, p)     # "chéngguǒ": pinyin written with its tone marks
        if looks_pinyin(toned, pinyin_min_words):
            return toned
    return p


_TONED_WORD = LazyRegex(r"(?<![\p{L}\p{N}'’-])[a-z" + TONED_VOWELS + r"]+(?![\p{L}\p{N}-])")


def _toned_profile(text: str, p: Profile) -> Profile:
    """The profile of `text` counting lower-case words with pinyin tone marks as words."""
    words = [m.group() for m in _TONED_WORD.finditer(text)]
    stop_words = sum(map(ENGLISH_STOP_WORDS.__contains__, words))
    pinyin = sum(1 for w in words if w not in ENGLISH_STOP_WORDS and is_pinyin(toneless(w), 4))
    return p._replace(lower_words=len(words), stop_words=stop_words, pinyin_words=pinyin)


def unicode_counts(text: str) -> tuple[int, int, int, list[str]]:
    """(letters, Latin letters, accented Latin letters, lower-case words) of any text."""
    return (sum(1 for _ in _LETTER.finditer(text)),
            sum(1 for _ in _SCRIPT["latin"].finditer(text)),
            sum(1 for _ in _ACCENTED.finditer(text)),
            [m.group() for m in _LOWER_WORD.finditer(text)])


def plain_counts(text: str) -> tuple[int, int, int, list[str]]:
    """`unicode_counts` of plain text (see qa.text.chars): its letters are the ASCII ones."""
    data = text.encode("ascii", "replace")
    letters = len(data) - len(data.translate(None, _ASCII_LETTERS))
    return letters, letters, 0, _plain_lower_word().findall(text)


@lru_cache(maxsize=1)
def _plain_lower_word() -> re.Pattern:
    return re_compile(_PLAIN_LOWER_WORD)


def han_count(text: str) -> int:
    """Chinese characters in `text`."""
    return 0 if text.isascii() else len(_SCRIPT["han"].findall(text))


def looks_english(p: Profile, length: int, min_stop_share: float, min_words: int) -> bool:
    """The cheap test: Latin letters, and enough English function words among the lower-case
    words, or too few such words to judge, or a short line with no accented letter (a
    headline: "Law unions again rally against pension reform")."""
    if p.latin_share < 0.8:
        return False
    if p.stop_share >= min_stop_share:
        return True
    if p.lower_words < min_words:       # too few plain words to judge, unless most words carry
        return p.accented * 8 < p.letters   # accents: Vietnamese, tone-marked pinyin
    return length <= HEADLINE_CHARS and not p.accented


def looks_pinyin(p: Profile, min_words: int) -> bool:
    """Lower-case words that are nearly all pinyin and almost no English function words."""
    return (p.latin_share >= 0.8 and p.lower_words >= min_words and p.stop_share < 0.05
            and p.pinyin_words >= 0.8 * p.lower_words)


def script_language(text: str) -> str | None:
    """The language a non-Latin script settles without langdetect (which confuses short
    Chinese with Korean): kana means Japanese, Hangul Korean, else Han means Chinese."""
    letters = sum(1 for _ in _LETTER.finditer(text)) or 1
    counts = {name: sum(1 for _ in rx.finditer(text)) for name, rx in _SCRIPT.items()
              if name in ("han", "kana", "hangul")}
    if counts["kana"] >= 0.1 * letters:
        return "ja"
    if counts["hangul"] >= 0.3 * letters:
        return "ko"
    if counts["han"] >= 0.5 * letters:
        return "zh"
    return None


def detect(text: str) -> list[tuple[str, float]]:
    """langdetect's (language, probability) list, most likely first; [] when it cannot say."""
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException
    DetectorFactory.seed = 0
    try:
        return [(lang.lang, lang.prob) for lang in detect_langs(text)]
    except LangDetectException:
        return []


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)
