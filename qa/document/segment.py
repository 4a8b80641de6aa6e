"""Pure splitting of prose into paragraphs, lines, sentences, words and list items.

Every function takes the prose and returns (start, end) offsets into it. The sentence
splitter knows the abbreviations of press-release English ("Co., Ltd.", "Mr.", "U.S.",
"No. 1", "Oct. 23") and treats a line break inside a paragraph as a sentence end unless the
paragraph is hard-wrapped.
"""
from __future__ import annotations

import re
from array import array

from .._speed.regex import REGEX_V1, re_compile, regex_compile

_BLANK_RUN = re_compile(r"(?>\r\n|\r|\n)(?:[ \t\f\v\u3000\u00a0]*(?>\r\n|\r|\n))+")
_LINE = re_compile(r"[^\r\n]+")
_SPACE = " \t\f\v\r\n\u3000\u00a0\u200b\ufeff"

# Words: letters and digits with inner apostrophes, dots, hyphens and ampersands ("JD.com's",
# "real-time", "AT&T"), and digit groups ("3,000"). The stdlib engine is several times faster
# than `regex` here and [^\W_] is exactly "a letter or digit" in Unicode.
WORD = re_compile(r"[^\W_]+(?:['’.\-&][^\W_]+|(?<=\d),\d+)*")
_WORD_COUNT = None     # compiled on first use: only text with non-ASCII characters needs it


def _word_count_pattern():
    global _WORD_COUNT
    if _WORD_COUNT is None:
        _WORD_COUNT = regex_compile(
            r"[[\p{L}\p{N}]--\p{Han}]+(?:['’.\-&,][[\p{L}\p{N}]--\p{Han}]+)*|\p{Han}", REGEX_V1)
    return _WORD_COUNT

# Abbreviations that never end a sentence (followed by a name or a number).
NEVER_FINAL = frozenset("""
mr mrs ms mx dr prof st no nos vol vols vs e.g i.e cf fig figs approx gen lt col capt sgt
maj adm gov sen rep rev hon pres supt insp messrs mme mlle op pp ch sec art para est
""".split())
# Abbreviations that end a sentence only when a sentence-opening word follows.
MAY_FINAL = frozenset("""
co ltd inc corp llc plc etc jr sr bros dept univ assn u.s u.k u.n e.u p.r.c a.m p.m
jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
""".split())
OPENERS = frozenset("""
The A An It Its He She They We I In On At As This That These Those There But And Also
However Meanwhile According After Before During Since When While With For From His Her
Their Our By To Last Next Some Many Most All Both Each Other Such Then Now Today Yesterday
Earlier Later If Although Though So Thus Therefore Moreover Furthermore Besides Still Yet
""".split())

_TERMINAL = re_compile(r"[.!?。！？…]+[\"'”’»)\]）】」』]*")
# what may open the next sentence: a capital, a digit or a Han character (checked in code:
# the stdlib engine has no class for capitals), after an optional quote or bracket
_NEXT_START = re_compile(r"[\s\u3000]*(?P<next>[\"'“‘«(\[（【「『]?)(?P<ch>\w)")
_TOKEN_BEFORE = re_compile(r"([^\W\d_](?:[^\W\d_]|\.)*)\.$")
_INITIALS = re_compile(r"(?:\b[^\W\d_]\.){2,}$")
_LETTERS = re_compile(r"[^\W\d_]+")


def _opens_sentence(ch: str) -> bool:
    """A capital letter, a number or a Han character."""
    return ch.isupper() or ch.isnumeric() or "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" \
        or "\U00020000" <= ch <= "\U0003134f"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    return start, end


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Blocks of text separated by blank lines, trimmed."""
    out = []
    pos = 0
    for m in _BLANK_RUN.finditer(text):
        s, e = _trim(text, pos, m.start())
        if e > s:
            out.append((s, e))
        pos = m.end()
    s, e = _trim(text, pos, len(text))
    if e > s:
        out.append((s, e))
    return out


def lines(text: str) -> list[tuple[int, int]]:
    """Non-blank lines, trimmed."""
    out = []
    for m in _LINE.finditer(text):
        s, e = _trim(text, m.start(), m.end())
        if e > s:
            out.append((s, e))
    return out


def _is_wrapped(line_spans: list[tuple[int, int]], text: str) -> bool:
    """A paragraph hard-wrapped at a fixed width: its lines run on mid-sentence."""
    if len(line_spans) < 2:
        return False
    body = line_spans[:-1]
    if not all(40 <= e - s <= 100 for s, e in body):
        return False
    open_ended = sum(1 for s, e in body if text[e - 1] not in ".!?:;。！？")
    return open_ended * 2 >= len(body)


def _abbreviation_blocks_split(text: str, punct_start: int, next_start: int) -> bool:
    """True when the period at `punct_start` belongs to an abbreviation and no sentence ends."""
    if text[punct_start] != ".":
        return False
    before = text[max(0, punct_start - 24):punct_start + 1]
    m = _TOKEN_BEFORE.search(before)
    if not m:
        return False
    token = m.group(1)
    low = token.lower()
    if low in NEVER_FINAL:
        return True
    if len(token) == 1 and token.isupper():
        return True           # an initial: "J. Smith"
    if low in MAY_FINAL or _INITIALS.search(before):
        nxt = _LETTERS.match(text, next_start, next_start + 30)
        return not (nxt and nxt.group(0) in OPENERS)
    return False


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    for m in _TERMINAL.finditer(text, start, end):
        cut = m.end()
        if cut >= end:
            break
        nxt = _NEXT_START.match(text, cut, end)
        if not nxt or not _opens_sentence(nxt.group("ch")) or (
                nxt.start("next") == cut and text[cut - 1] not in "。！？"):
            continue
        next_start = nxt.start("next")
        if text[next_start] in "\"'“‘«([（【「『":
            next_start += 1
        if _abbreviation_blocks_split(text, m.start(), next_start):
            continue
        s, e = _trim(text, pos, cut)
        if e > s:
            out.append((s, e))
        pos = cut
    s, e = _trim(text, pos, end)
    if e > s:
        out.append((s, e))
    return out


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of the paragraph text[start:end]."""
    line_spans = []
    for m in _LINE.finditer(text, start, end):
        s, e = _trim(text, m.start(), m.end())
        if e > s:
            line_spans.append((s, e))
    if not line_spans:
        return []
    if _is_wrapped(line_spans, text):
        return _split_line(text, line_spans[0][0], line_spans[-1][1])
    out = []
    for s, e in line_spans:
        out.extend(_split_line(text, s, e))
    return out


def words(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in WORD.finditer(text)]


def word_bounds(text: str) -> tuple[array, array]:
    """(starts, ends) of the words of `text`, as arrays of 32-bit integers (8 bytes a word:
    a release is read with a size cap far below 2**31 characters)."""
    code = "i" if len(text) < 2 ** 31 else "q"
    starts, ends = array(code), array(code)
    add_start, add_end = starts.append, ends.append
    for m in WORD.finditer(text):
        s, e = m.span()
        add_start(s)
        add_end(e)
    return starts, ends


_TOKEN = re_compile(r"[^\W_]+")


def count_tokens(text: str, start: int, end: int) -> int:
    """Runs of letters and digits in text[start:end] (a cheap word count for short spans)."""
    return len(_TOKEN.findall(text, start, end))


def count_words(text: str) -> int:
    """Words for rates and scores: runs of letters or digits, and each Han character
    (counted as found: a list of every word of a big release would be its largest object)."""
    pattern = WORD if text.isascii() else _word_count_pattern()
    return sum(1 for _ in pattern.finditer(text))


# ---- enumerations --------------------------------------------------------------------
_LEGAL_SUFFIX = re_compile(
    r"\s*(?:Ltd\b|Limited\b|Inc\b|LLC\b|L\.L\.C\b|Co\b|Corp\b|Corporation\b|S\.A\b|GmbH\b|AG\b"
    r"|plc\b|LLP\b|L\.P\b|N\.V\b|B\.V\b|Pte\b|Pty\b|JSC\b)", re.I)
_SEPARATOR = re_compile(r"[,;，；、()\[\]{}（）【】]")
_ITEM_LEAD = re_compile(r"(?:and|or|as well as|including|such as|like|plus)\s+", re.I)
_ITEM_TAIL = re_compile(r"[\s,;.]+$")
_CONJ = re_compile(r"\s(?:and|or|as well as)\s")
MAX_ITEM_WORDS = 12


def _top_level_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split text[start:end] at commas, semicolons and 、 outside brackets."""
    parts = []
    depth = 0
    pos = start
    for m in _SEPARATOR.finditer(text, start, end):
        ch = m.group()
        i = m.start()
        if ch in "([{（【":
            depth += 1
        elif ch in ")]}）】":
            depth = max(depth - 1, 0)
        elif depth == 0:
            if ch in ",，" and (_LEGAL_SUFFIX.match(text, i + 1, end) or (
                    i + 1 < end and text[i + 1].isdigit() and i > start and text[i - 1].isdigit())):
                continue
            parts.append((pos, i))
            pos = i + 1
    parts.append((pos, end))
    return parts


def _clean_item(text: str, s: int, e: int) -> tuple[int, int]:
    s, e = _trim(text, s, e)
    m = _ITEM_LEAD.match(text, s, e)
    if m:
        s = m.end()
    m = _ITEM_TAIL.search(text, s, e)
    if m:
        e = m.start()
    return _trim(text, s, e)


def _word_len(text: str, s: int, e: int) -> int:
    return count_tokens(text, s, e)


def enumerations(text: str, start: int, end: int) -> list[list[tuple[int, int]]]:
    """Runs of three or more short comma-separated items in the sentence text[start:end]."""
    if text.count(",", start, end) + text.count("、", start, end) + text.count(";", start, end) \
            + text.count("，", start, end) + text.count("；", start, end) < 2:
        return []           # fewer than three parts: no list (the common case, decided cheaply)
    parts = _top_level_parts(text, start, end)
    if len(parts) < 3:
        return []
    # the last part may hold the final item joined with "and"/"or": "X and Y"
    ls, le = parts[-1]
    m = _CONJ.search(text, ls, le)
    if m and _word_len(text, ls, m.start()) <= MAX_ITEM_WORDS:
        parts[-1:] = [(ls, m.start()), (m.start(), le)]
    runs: list[list[tuple[int, int]]] = []
    run: list[tuple[int, int]] = []
    for s, e in parts:
        s, e = _clean_item(text, s, e)
        n = _word_len(text, s, e) if e > s else 0
        if 0 < n <= MAX_ITEM_WORDS:
            run.append((s, e))
        else:
            if len(run) >= 3:
                runs.append(run)
            # a long lead-in ("... and supported by ITU") may still end with the first name
            tail = _name_tail(text, s, e) if n else None
            run = [tail] if tail else []
    if len(run) >= 3:
        runs.append(run)
    return [_trim_name_run(text, r) for r in runs]


_CONNECTORS = frozenset("of and for the & de du von van der la le".split())


def _name_tail(text: str, s: int, e: int) -> tuple[int, int] | None:
    """The capitalised name that ends a long clause ("... supported by ITU (...)" -> "ITU (...)")."""
    toks = [m.span() for m in WORD.finditer(text, s, e)]
    if text[e - 1:e] == ")":
        open_at = text.rfind("(", s, e)
        toks = [t for t in toks if t[1] <= open_at] if open_at > s else toks
    k = len(toks)
    while k > 0 and (_capitalised(text[toks[k - 1][0]:toks[k - 1][1]])
                     or (text[toks[k - 1][0]:toks[k - 1][1]] in _CONNECTORS and k < len(toks))):
        k -= 1
    while k < len(toks) and not _capitalised(text[toks[k][0]:toks[k][1]]):
        k += 1
    if k == 0 or k >= len(toks) or len(toks) - k > MAX_ITEM_WORDS // 2:
        return None
    return toks[k][0], e


def _capitalised(token: str) -> bool:
    return token[:1].isupper() or token[:1].isdigit()


def _trim_name_run(text: str, run: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """In a list of names, cut the lead-in off the first item ("came from X" -> "X") and the
    clause off the last ("Y are launching ..." -> "Y")."""
    caps = sum(1 for s, e in run if _capitalised(text[s:e]))
    if caps * 5 < len(run) * 3:
        return run
    out = list(run)
    s, e = run[0]
    toks = [m.span() for m in WORD.finditer(text, s, e)]
    k = len(toks)
    while k > 0 and (_capitalised(text[toks[k - 1][0]:toks[k - 1][1]])
                     or (text[toks[k - 1][0]:toks[k - 1][1]].lower() in _CONNECTORS and k < len(toks))):
        k -= 1
    while k < len(toks) and not _capitalised(text[toks[k][0]:toks[k][1]]):
        k += 1
    if 0 < k < len(toks):
        out[0] = (toks[k][0], e)
    s, e = run[-1]
    toks = [m.span() for m in WORD.finditer(text, s, e)]
    if toks and _capitalised(text[toks[0][0]:toks[0][1]]):
        k = 1
        while k < len(toks) and (_capitalised(text[toks[k][0]:toks[k][1]])
                                 or text[toks[k][0]:toks[k][1]].lower() in _CONNECTORS):
            k += 1
        while k > 1 and text[toks[k - 1][0]:toks[k - 1][1]].lower() in _CONNECTORS:
            k -= 1
        if k < len(toks):
            end = toks[k - 1][1]
            close = text.find(")", end, e)
            if text.find("(", s, end) > text.rfind(")", s, end):   # keep a bracket whole
                end = close + 1 if close >= 0 else end
            out[-1] = (s, end)
    return out


def group_adjacent(text: str, spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Group spans separated only by white space (consecutive list items) into runs."""
    runs: list[list[tuple[int, int]]] = []
    for s, e in sorted(spans):
        if runs and not text[runs[-1][-1][1]:s].strip(_SPACE):
            runs[-1].append((s, e))
        else:
            runs.append([(s, e)])
    return runs
