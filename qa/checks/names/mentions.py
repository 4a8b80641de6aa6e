"""Name mentions in a release: organisation, event and institution names, acronyms, and
capitalised words, found once per document (doc.memo) and shared by every NC rule.

A name is a run of capitalised words in one sentence, joined by connectors (of, for, and,
the, ...), trimmed of what is not part of it:
- a sentence-opening word ("The", "Today") and articles at the start;
- a personal title before "of" ("Vice President of Jingdong Group" -> "Jingdong Group");
- a list split at "and" when the left part is a whole name ("ZTE and Haier Group");
- after the head noun (Group, University, Expo, ...), anything but an of/for complement
  ("University of Brunei"), years and legal suffixes ("Co., Ltd"); in title-case lines the
  name ends at its last head noun.

What a region holds is worked out once per distinct region and shared; the release keeps
only where each region starts (store.py describes the layout and how rules read it).
"""
from __future__ import annotations

from bisect import bisect_right

from ...document.model import Document
from ...text.lexicon import (
    ARTICLES,
    CONNECTORS,
    HEAD_CLASS,
    LEGAL_SUFFIXES,
    PLACE_WORDS,
    SENTENCE_STARTERS,
    TITLE_WORDS,
    TRAILING_FORMS,
)
from .lines import TitleCaseLines
from .regions import regions
from .store import EMPTY, Mention, Mentions, NameShape, RegionNames, Word, WordShape
from .tokens import Token, is_acronym, is_capitalised, is_connector, is_year, tokenize

__all__ = ["Mention", "Mentions", "Word", "head_index", "mentions"]
_new = tuple.__new__                # records without their Python-level __new__

MEMO_KEY = "names.mentions"
_OPEN_QUOTES = "\"'“‘«(["
_LEGAL_AFTER_COMMA = frozenset({"ltd", "ltd.", "limited", "inc", "inc.", "llc", "plc"})


def mentions(doc: Document) -> Mentions:
    return doc.memo(MEMO_KEY, _extract)


# Region analyses shared by every document of a run: a region's names and words depend only
# on its text, whether it opens a sentence, whether its line is in title case and whether a
# period follows it (it may join the last token: "Co."). Regions spanning lines or holding
# a sentence start inside are analysed on their own, not shared.
_SHARED: dict[tuple, RegionNames] = {}
MAX_SHARED = 100_000


def _extract(doc: Document) -> Mentions:
    text = doc.text
    title = doc.title
    out = Mentions((title.start, title.end) if title else (0, 0))
    add_base, add_region, add_tc = out.bases.append, out.regions.append, out.title_case.append
    lines = TitleCaseLines(doc)
    title_case = lines.at
    firsts = {_first_word_start(text, s.start) for s in doc.sentences}
    first_list = sorted(firsts)
    shared = _SHARED
    if len(shared) > MAX_SHARED:
        shared.clear()
    # With prose offsets equal to file offsets, a region is on the line of the one before
    # unless a line break lies between them: the line's title case is looked up only then.
    same_lines = getattr(doc.offsets, "identity", False)
    has_cr = "\r" in text
    n_firsts = len(first_list)
    prev, tc = -1, False
    known = lines.spans is not None     # title-case lines found up front
    for region in regions(doc):
        base, end = region.span()
        if known:
            tc = bool(lines.spans) and title_case(base)
        elif (prev < 0 or not same_lines or text.find("\n", prev, base) >= 0
                or has_cr and text.find("\r", prev, base) >= 0):
            tc = title_case(base)
        prev = base
        span_text = text[base:end]
        k = bisect_right(first_list, base)          # a sentence starting inside the region?
        if "\n" in span_text or k < n_firsts and first_list[k] < end:
            found = _analyse_region(doc, base, end, firsts, tc)
        else:
            key = (span_text, base in firsts, tc, text.startswith(".", end))
            found = shared.get(key)
            if found is None:
                found = shared[key] = _analyse_region(doc, base, end, firsts, tc)
        if found is not EMPTY:
            add_base(base)
            add_region(found)
            add_tc(tc)
    return out


def _analyse_region(doc: Document, start: int, end: int, firsts: set[int], tc: bool) -> RegionNames:
    """Words and names of one region, with offsets relative to its start (cacheable: a name
    repeated through a long release is analysed once)."""
    toks = tokenize(doc.text, start, end)
    if len(toks) == 1:
        return _analyse_word(toks[0], start, firsts)
    rel = {t.start: _new(Token, (t.text, t.start - start, t.end - start, t.lower, t.bare))
           for t in toks}
    words = tuple([_new(WordShape, (t.text, t.start - start, t.end - start, t.start in firsts,
                                    is_acronym(t.text)))
                   for t in toks if is_capitalised(t) or is_acronym(t.text)])
    names = []
    for run in _runs(doc, toks):
        first = run[0].start if run[0].start in firsts else -1
        for part in _trim(run, first, tc):
            names.append(NameShape(tuple([rel[t.start] for t in part]), head_index(part),
                                   any(t.lower in LEGAL_SUFFIXES for t in part),
                                   part[0].start == first))
    return RegionNames(words, tuple(names)) if words or names else EMPTY


def _analyse_word(tok: Token, start: int, firsts: set[int]) -> RegionNames:
    """_analyse_region for a region of one token, without the run and trim machinery: a
    capitalised word or year is a name of one word unless it is a connector, an article,
    a legal suffix or a word that only opens the sentence; its head is itself when it is a
    head noun."""
    text = tok.text
    opens = tok.start in firsts
    acronym = is_acronym(text)
    capitalised = is_capitalised(tok)
    s, e = tok.start - start, tok.end - start
    words = (_new(WordShape, (text, s, e, opens, acronym)),) if capitalised or acronym else ()
    low = tok.lower
    names = ()
    if ((capitalised or is_year(tok)) and low not in CONNECTORS and low not in ARTICLES
            and low not in LEGAL_SUFFIXES and not (opens and low in SENTENCE_STARTERS)):
        head = 0 if tok.bare in HEAD_CLASS and text[0].isupper() else None
        rel = _new(Token, (text, s, e, low, tok.bare))
        names = (NameShape((rel,), head, False, opens),)
    return RegionNames(words, names) if words or names else EMPTY


def _first_word_start(text: str, start: int) -> int:
    while start < len(text) and (text[start] in _OPEN_QUOTES or text[start].isspace()):
        start += 1
    return start


def _gap_ok(doc: Document, prev: Token, tok: Token) -> bool:
    gap = doc.text[prev.end:tok.start]
    if not gap.strip():
        if "\n" in gap:
            return doc.sentence_at(prev.start) == doc.sentence_at(tok.start)
        return len(gap) <= 3
    return (gap.strip() == "," and tok.lower in _LEGAL_AFTER_COMMA
            and (prev.lower in LEGAL_SUFFIXES or prev.bare in HEAD_CLASS))


def _runs(doc: Document, toks: list[Token]) -> list[list[Token]]:
    """Maximal runs of capitalised words and years, joined by connectors."""
    runs: list[list[Token]] = []
    run: list[Token] = []
    pending: list[Token] = []
    prev = None
    for tok in toks:
        linked = prev is not None and _gap_ok(doc, prev, tok)
        connector = tok.lower in CONNECTORS
        if is_capitalised(tok) and not (connector and run) or is_year(tok):
            if run and linked:
                run.extend(pending)
                run.append(tok)
            else:
                if run:
                    runs.append(run)
                run = [tok]
            pending = []
        elif run and linked and connector and len(pending) < 2:
            pending.append(tok)
        elif _is_legal_tail(tok, prev) and run and linked:
            run.append(tok)
        else:
            if run:
                runs.append(run)
            run, pending = [], []
        prev = tok
    if run:
        runs.append(run)
    return runs


def _is_legal_tail(tok: Token, prev: Token | None) -> bool:
    return tok.lower in LEGAL_SUFFIXES and prev is not None


def _trim(run: list[Token], first: int, title_case: bool) -> list[list[Token]]:
    """Cut a run into names: titles before 'of', lists at 'and', openers, tails."""
    run = _drop_leading(run, first)
    if not run:
        return []
    run = _drop_title_of(run)
    out = []
    for part in _split_and(run):
        part = _drop_leading(part, first)
        part = _cut_tail(part, title_case)
        if part and any(t.lower not in LEGAL_SUFFIXES and t.lower not in CONNECTORS
                        for t in part):
            out.append(part)
    return out


def _drop_leading(run: list[Token], first: int) -> list[Token]:
    """Without connectors, articles, a sentence opener or an edition ('the 21st China-ASEAN
    Expo' names the China-ASEAN Expo)."""
    while run and (run[0].lower in CONNECTORS or run[0].lower in ARTICLES
                   or (run[0].start == first and run[0].lower in SENTENCE_STARTERS)
                   or _is_ordinal(run[0].lower)):
        run = run[1:]
    return run


def _is_ordinal(word: str) -> bool:
    return len(word) > 2 and word[:-2].isdigit() and word.endswith(("st", "nd", "rd", "th"))


def _drop_title_of(run: list[Token]) -> list[Token]:
    """'Vice President of the X Group' -> 'X Group'."""
    for i, tok in enumerate(run):
        if tok.lower == "of":
            before = [t for t in run[:i] if not is_connector(t)]
            if before and all(t.bare in TITLE_WORDS for t in before):
                return _drop_title_of(run[i + 1:])
            return run
    return run


def _split_and(run: list[Token]) -> list[list[Token]]:
    for i, tok in enumerate(run):
        if tok.lower in ("and", "&") and 0 < i < len(run) - 1:
            left = run[:i]
            content = [t for t in left if not is_connector(t)]
            last = left[-1]
            if (len(content) == 1 or last.bare in HEAD_CLASS or last.bare in PLACE_WORDS
                    or last.lower in LEGAL_SUFFIXES or is_acronym(last.text)):
                return [left] + _split_and(run[i + 1:])
    return [run]


def head_index(tokens) -> int | None:
    """The head noun: the last one before an of/for complement, else the last one."""
    last = before = None
    complement = False
    for i, t in enumerate(tokens):
        if i and not complement and (t.lower == "of" or t.lower == "for"):
            complement = True       # "of" and "for" are never head nouns
        elif t.bare in HEAD_CLASS and t.text[0].isupper():
            last = i
            if not complement:
                before = i
    return before if before is not None else last


def _cut_tail(run: list[Token], title_case: bool) -> list[Token]:
    """End the name at its head noun, keeping an of/for complement, years and legal suffixes."""
    while run and run[-1].lower in CONNECTORS:
        run = run[:-1]
    h = head_index(run)
    if h is None:
        return run
    end = h + 1
    if not title_case and end < len(run) and run[end].lower in ("of", "for"):
        end = _complement_end(run, end)
    while end < len(run) and (is_year(run[end]) or run[end].lower in TRAILING_FORMS):
        end += 1
    return run[:end]


def _complement_end(run: list[Token], start: int) -> int:
    end = start
    for i in range(start, len(run)):
        tok = run[i]
        if tok.bare in TITLE_WORDS or (is_connector(tok) and tok.lower not in (
                "of", "for", "and", "the", "&")):
            break
        end = i + 1
    while end > start and is_connector(run[end - 1]):
        end -= 1
    return end if end > start + 1 else start
