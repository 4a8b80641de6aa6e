"""Words run together where a capital, a digit or punctuation shows the seam (GB04):
'provinceIssued', 'inDevelopment', 'ChairmanZhou', 'LiuJianhua' beside 'Sun Peng',
'China2025', 'The23rd', '230wineries', 'Mr.Li', 'Dec.22', 'area.Zhangjiakou', 'Harbin.The',
'approval,accelerate', 'atrophy(SMA)', '(SMA)patients'.

Each shape is one alternative of a single pattern, run only on the words around the rare
character pairs they need (scan.py). URLs, e-mail addresses, domain and file names are
masked first. What a shape alone cannot tell is checked after the match: brands written
in camel case from a lower-case letter ('openEuler', 'easyJet', 'kiwiPay') are left alone
when they start with a brand prefix or end with a brand tail, are English words in
wordfreq's list (unless they start with a function word: 'theWorld'), recur in the release
or are allowed by the option; a title runs into a
name only before a Chinese surname or another title; two pinyin names run together only
beside a spaced name in the same list; a number runs into a word only when the word is an
English word and not a unit; abbreviations ('Inc.', 'St.') may stand before a capital, and
'decimal.Decimal' or a sentence join that recurs is code. A split is suggested when it is
certainly right.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator

from ..._speed.regex import LazyRegex, re_compile
from ...document.model import Document
from ...findings import Hit
from ...rules.context import RuleOptions
from ...text import wordsplit as ws
from ...text.chars import has_char
from ...text.lexicon import HEAD_CLASS, PLACE_WORDS
from ...text.pinyin import is_given_name, is_pinyin, is_surname
from ...text.slices import findall_pieces
from .scan import char_classes, find_all, finditer_in, word_windows

_MASK = LazyRegex(
    r"(?:https?://|www\.)[^\s<>\"]+"                                   # URLs
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"                                    # e-mail addresses
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?i:com|cn|net|org|gov|edu|io|info|hk|mo|tw)\b"   # domains
    r"|\b[\w-]+\.(?i:pdf|docx?|xlsx?|pptx?|jpe?g|png|gif|zip|mp4|txt|html?)\b")  # file names

_TITLES = ("Chairman|Chairwoman|President|Premier|Professor|Minister|Director|Governor|Mayor|"
           "Secretary|Ambassador|Dean|Academician|Consul|Commissioner|Councillor|Counsellor|"
           "Principal|Spokesperson|Spokesman|Spokeswoman|Chief|Manager|Deputy|Vice|General")
_TITLE_SET = frozenset(_TITLES.split("|"))
# the last word of a body's or a place's name: a title run into it is two words ('CollegeProfessor')
_PLACE_OR_BODY = frozenset(HEAD_CLASS) | PLACE_WORDS
_FUNCTION_BEFORE_NUMBER = ("[Tt]he|[Ii]n|[Oo]n|[Aa]t|[Bb]y|[Oo]f|[Tt]o|[Ff]or|[Ff]rom|[Ss]ince|"
                           "[Uu]ntil|[Oo]ver|[Aa]bout|[Aa]nd|[Oo]r|[Ww]ith|[Tt]han|[Nn]early|"
                           "[Aa]lmost|[Aa]round|[Tt]op")
_JOINED = LazyRegex(rf"""
    (?<![\p{{L}}\p{{N}}])(?P<title>(?:Mr|Mrs|Ms|Dr|Prof)\.[A-Z][a-z]+)
  | (?<![\p{{L}}\p{{N}}])(?P<date>(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.\d{{1,2}})
        (?=(?:st|nd|rd|th)?(?![\p{{L}}\p{{N}}]))
  | (?<![\p{{L}}\p{{N}}@#/_.-])(?P<sentence>[A-Z]?[a-z]{{2,}}[.!?][A-Z][a-z]{{2,}})(?![\p{{L}}\p{{N}}.@/-])
  | (?<![\p{{L}}\p{{N}}@#/_.,;:&=<{{\[`"'-])(?P<punct>[A-Za-z]*[a-z]{{2}}[,;][A-Za-z][a-z]+)
        (?![\p{{L}}\p{{N}}@/_=(>}}\]`"'-]|\.[\p{{L}}\p{{N}}])
  | (?<![\p{{L}}\p{{N}}@#/_-])(?P<titlename>(?:{_TITLES})[A-Z][a-z]+)(?![\p{{L}}\p{{N}}])
  | (?<![\p{{L}}\p{{N}}@#/_-])(?P<namejoin>[A-Z][a-z]+[A-Z][a-z]+)(?![\p{{L}}\p{{N}}@/_-])
  | (?<![\p{{L}}\p{{N}}@#/_-])(?P<camel>(?:[a-z]{{3,}}|in|of|to|on|at|by|as|is)[A-Z][a-z]{{2,}})
        (?![\p{{L}}\p{{N}}])
  | (?<![\p{{L}}\p{{N}}@#/_-])(?P<wordyear>[A-Za-z]*[a-z]{{2}}(?:19|20)\d{{2}})(?![\p{{L}}\p{{N}}])
  | (?<![\p{{L}}\p{{N}}@#/_-])(?P<wordnumber>(?:{_FUNCTION_BEFORE_NUMBER})\d+(?:st|nd|rd|th)?)
        (?![\p{{L}}\p{{N}}])
  | (?<![\p{{L}}\p{{N}}@#/_.,-])(?P<yearword>(?:19|20)\d{{2}}[A-Z][a-z]{{2,}})(?![\p{{L}}\p{{N}}])
  | (?<![\p{{L}}\p{{N}}@#/_.,:-])(?P<numberword>\d+(?:[.,]\d+)*[a-z]{{4,}})(?![\p{{L}}\p{{N}}@/_-])
  | (?<![\p{{L}}\p{{N}}@#/_.-])(?P<parenopen>[A-Za-z]*[a-z]{{2}}\([A-Z][A-Z0-9&]*[A-Z]s?\))
        (?![\p{{L}}\p{{N}}(])
  | (?<![\p{{L}}\p{{N}}@#/_.(-])(?P<parenclose>\([A-Z][A-Z0-9&]*[A-Z]s?\)[a-z]{{2,}})(?![\p{{L}}\p{{N}}(])
""", re.X)

# lower-case-first brand names that look like two words run together
CAMEL_ALLOWED = frozenset(s.lower() for s in """
openEuler openGauss openHarmony openKylin openLooKeng openAI ePaper
""".split())
# a lower-case head that makes brands ('smartThings', 'easyJet', 'bioMerieux'), not joins
BRAND_HEADS = frozenset("""
open deep easy smart my bio eco net web cloud hi we air pro meta neo omni uni info data tech
hyper super ultra mega micro nano digi auto mobi one true next go star sky live you
""".split())
# capitalised tails of such brands ('kiwiPay', 'weLink', 'dataHub')
BRAND_TAILS = frozenset("""
Pay Link Hub Lab Labs Cloud Tech Net Bot Box Kit Pod Pods Pad Phone Watch Store Mart Chat
Play Cast Drive Soft Ware Mall Pro Max Lite Plus Air Mini Ultra Go OS
""".split())
# function words that make no brand: a web word list's 'theworld' or 'andthe' is a join too
FUNCTION_HEADS = frozenset("the and for with from that this into".split()) | {
    "in", "of", "to", "on", "at", "by", "as", "is"}
# abbreviations that stand before a capital with a full stop and no space in some styles
ABBREVIATIONS = frozenset("""
Mr Mrs Ms Dr Prof St Mt Ft Gen Gov Sen Rep Col Capt Lt Sgt Rev Hon Jr Sr Inc Ltd Corp Co
Bros No Nos Vol Fig Art Sec Dept Univ Ave Blvd Rd Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct
Nov Dec Messrs Esq Cf Ch Para Pp Approx Est
""".split())
# words written after a number without a space by some house styles (units, counters)
UNITS = frozenset("""
mins secs hrs kmph mph kph mbps gbps kbps tbps kwh mwh gwh twh mah kgs lbs sqm hour hours
""".split()) - {"hour", "hours"}

_HOW = {
    "camel": "two words run together (a lost space at a segment border)",
    "wordyear": "a word and a year run together",
    "wordnumber": "a word and a number run together",
    "yearword": "a year and a word run together",
    "numberword": "a number and a word run together",
    "title": "a title run into the name",
    "titlename": "a title run into a name or another title",
    "namejoin": "a surname and a given name run together",
    "bodytitle": "a body's or a place's name and a title run together",
    "sentence": "two sentences run together (no space after the full stop)",
    "punct": "two words run together at a comma with no space after it",
    "date": "a month and a day run together",
    "parenopen": "a word and the acronym in brackets after it run together",
    "parenclose": "an acronym in brackets and the next word run together",
}


def masked_spans(doc: Document) -> list[tuple[int, int]]:
    return doc.memo("garbled:masked", lambda d: [m.span() for m in _MASK.finditer(d.text)])


def inside(spans: list[tuple[int, int]], start: int) -> bool:
    k = bisect_right(spans, (start, 10 ** 12)) - 1
    return k >= 0 and spans[k][0] <= start < spans[k][1]


def _seam(kind: str, word: str) -> int:
    """Where the space belongs in a match of `kind`."""
    if kind in ("camel", "titlename", "namejoin"):
        return next(i for i, c in enumerate(word) if c.isupper() and i > 0)
    if kind in ("wordyear", "wordnumber"):
        return next(i for i, c in enumerate(word) if c.isdigit())
    if kind == "yearword":
        return 4
    if kind == "numberword":
        return next(i for i, c in enumerate(word) if c.isalpha())
    if kind == "parenopen":
        return word.index("(")
    if kind == "parenclose":
        return word.index(")") + 1
    return next(i for i, c in enumerate(word) if c in ".,;!?") + 1


_TOKEN = re_compile(r"[A-Za-z0-9](?:[A-Za-z0-9.,;]*[A-Za-z0-9])?")
_MID_SENTENCE_CAPITAL = re_compile(r"(?<=[a-z,] )[A-Z][a-z]+\b")


def _token_counts(doc: Document) -> dict[str, int]:
    """How often each token (letters and digits with inner '.', ',' or ';') occurs: one pass, so that
    asking whether a match recurs stays linear in the release."""
    def compute(d: Document) -> Counter:
        counts: Counter = Counter()
        for found in findall_pieces(_TOKEN, d.text):
            counts.update(found)
        return counts
    return doc.memo("garbled:token-counts", compute)


def _recurs(doc: Document, word: str) -> bool:
    return _token_counts(doc).get(word, 0) >= 2


def _mid_sentence_capitals(doc: Document) -> frozenset[str]:
    """Capitalised words written after a lower-case word or a comma: names."""
    return doc.memo("garbled:mid-capitals",
                    lambda d: frozenset(_MID_SENTENCE_CAPITAL.findall(d.text)))


_SPACED_BEFORE = re_compile(r"([A-Z][a-z]+) ([A-Z][a-z]+)(?:,|、| and| or)\s*$")
_SPACED_AFTER = re_compile(r"\s*(?:,|、|and\b|or\b)\s*([A-Z][a-z]+) ([A-Z][a-z]+)(?![A-Za-z])")


def _listed_beside_spaced_name(text: str, start: int, end: int) -> bool:
    """True when the next or previous list item is a Chinese name written with a space."""
    for m in (_SPACED_BEFORE.search(text, max(0, start - 40), start),
              _SPACED_AFTER.match(text, end, end + 40)):
        if m and is_surname(m.group(1)) and is_given_name(m.group(2)):
            return True
    return False


def _keep(kind: str, word: str, k: int, doc: Document, start: int, end: int, allowed) -> bool:
    """Whether a match of `kind` is a real join (see the module docstring)."""
    if kind == "sentence":
        # 'decimal.Decimal', 'pdb.Pdb' and a join that recurs are code, not prose
        left, right = word[:k - 1], word[k:]
        return (left not in ABBREVIATIONS and left.lower() != right.lower()
                and not _recurs(doc, word))
    if kind == "titlename":
        return is_surname(word[k:]) or word[k:] in _TITLE_SET
    if kind == "bodytitle":                   # 'CollegeProfessor', 'ProvinceGovernor'
        return word[k:] in _TITLE_SET and not _recurs(doc, word)
    if kind == "namejoin":
        return (is_surname(word[:k]) and is_given_name(word[k:]) and not _recurs(doc, word)
                and _listed_beside_spaced_name(doc.text, start, end))
    if kind == "camel":
        head = word[:k]
        return not (word.lower() in allowed or head in BRAND_HEADS or word[k:] in BRAND_TAILS
                    or (head not in FUNCTION_HEADS and ws.is_word(word.lower()))
                    or _recurs(doc, word))
    if kind == "numberword":
        tail = word[k:]
        return tail not in UNITS and ws.is_word(tail) and not _recurs(doc, word)
    return True


def _certain(kind: str, word: str, k: int, doc: Document) -> bool:
    """Whether inserting the space is certainly the whole fix: for a capital run in after a
    lower-case word, only when the capitalised word is a name (pinyin, or capitalised in
    the middle of a sentence elsewhere in the release)."""
    if kind != "camel":
        return True
    tail = word[k:]
    return is_pinyin(tail) or tail in _mid_sentence_capitals(doc)


# every match of _JOINED holds one of these (in char_classes): a lower-case letter before a
# capital ('aA') or a digit ('a0'), a digit before a capital or a letter, a word before '.',
# ',', ';', '!' or '?', a word before an acronym's bracket or after it ('a(A', 'A)a')
_JOINED_NEEDLES = (b"aA", b"a0", b"0A", b"0a", b"a.A", b"a.0", b"a!A", b"a?A",
                   b"a,a", b"a,A", b"a;a", b"a;A", b"a(A", b"A)a")
_JOINED_NEEDLES_WIDE = (b"xA", b"xa", b"a.x")  # also when the text has non-ASCII digits (\d)


def _joined_windows(doc: Document) -> list[tuple[int, int]]:
    classes = char_classes(doc)
    needles = _JOINED_NEEDLES
    if b"x" in classes and has_char(doc, r"\d"):
        needles += _JOINED_NEEDLES_WIDE
    return word_windows(classes, find_all(classes, needles))


def joined_words(doc: Document, opts: RuleOptions) -> Iterator[Hit]:
    windows = _joined_windows(doc)
    if not windows:
        return
    text = doc.text
    allowed = CAMEL_ALLOWED | {w.lower() for w in opts["allow"]}
    masked = None               # URLs and e-mail: found only when there is a candidate
    for m in finditer_in(_JOINED, text, windows):
        kind = m.lastgroup
        word = m.group()
        k = _seam(kind, word)
        if kind == "namejoin" and word[:k].lower() in _PLACE_OR_BODY:
            kind = "bodytitle"                  # the name pattern's shape, a body's word first
        if not _keep(kind, word, k, doc, m.start(), m.end(), allowed):
            continue
        masked = masked_spans(doc) if masked is None else masked
        if inside(masked, m.start()):
            continue
        fixed = f"{word[:k]} {word[k:]}"
        if _certain(kind, word, k, doc):
            yield Hit(m.start(), m.end(), f"'{word}' is {_HOW[kind]}: write '{fixed}'",
                      suggestion=fixed, fix=fixed)
        else:
            yield Hit(m.start(), m.end(),
                      f"'{word}' is {_HOW[kind]}: put a space before '{word[k:]}' and check "
                      f"its capital ('{word[:k]} {word[k:].lower()}' unless it is a name)")
