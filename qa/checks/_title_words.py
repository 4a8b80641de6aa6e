"""Headline tokens and the evidence for telling a common word from a name.

A capital in a sentence-case headline marks a name; in a title-case headline every
content word has one. Whether a capitalised headline word is a name is decided from the
release itself: a word the body writes in lower case (and never capitalised mid-sentence)
is a common word; a word the body capitalises mid-sentence is a name. Words the body does
not use fall back to a short list of everyday words that are never names on their own.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ._dup_repeats import sentence_tokens
from ._dup_words import STOP_WORDS, Token, tokens

# Everyday words that slogans and headlines capitalise but that name nothing on their own.
COMMON_WORDS = frozenset("""
digital future smart green new open shared together connect connects connected everything
world life better high quality development innovation innovative intelligent intelligence
technology technologies industry industrial economy economic growth opportunity
opportunities progress win-win cooperation common prosperity dream dreams era age journey
power powered empower empowering energy vision vitality vibrant beautiful happy healthy
safe secure sustainable modern modernization future-oriented global local city cities
people service services value values trust spirit creative creativity culture cultural
launch launches launched open opens opened hold holds held sign signs signed host hosts
hosted start starts started kick kicks unveil unveils unveiled release releases released
celebrate celebrates celebrated reach reaches reached achieve achieves achieved build
builds built create creates created lead leads leading promote promotes promoted boost
boosts boosted drive drives driving accelerate accelerates accelerating deepen deepens
officially successfully grandly jointly fully first next best great grand big bright
leap forward step steps road path way ways heart hearts hand hands mind minds home homes
everyone everybody all-round comprehensive key core strong stronger new-era high-quality
""".split())

# Titles and offices: capitalised before or beside a name even in sentence case.
TITLE_WORDS = frozenset("""
president vice chairman chairwoman chair minister prime premier secretary general director
deputy mayor governor ambassador consul chief executive officer ceo cfo cto founder
professor dr mr mrs ms party committee council congress
""".split())

_SEPARATORS = regex.compile(r"[:;|!?()\[\]\"“”‘’«»–—︱｜]|\s-+\s|\s-|-\s|,")


@dataclass(frozen=True, slots=True)
class Word:
    token: Token
    kind: str           # C capitalised | l lower-case content | s stop word | n neutral
    first: bool         # opens the headline or a part after a separator


def classify(text: str) -> str:
    """C, l, s or n (numbers, acronyms, mixed case such as 'iPhone', single letters)."""
    low = text.casefold()
    if low in STOP_WORDS:
        return "s"
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 2 or any(c.isdigit() for c in text):
        return "n"
    head = text.split("-")[0] or text
    if all(c.isupper() for c in letters):
        return "n"                          # acronym (EU, WIOT) or all capitals
    if head[:1].isupper():
        return "C" if head[1:] == head[1:].lower() else "n"
    return "l" if head == head.lower() else "n"


def headline_words(text: str, start: int, end: int) -> list[Word]:
    """The words of the headline text[start:end] with their case class."""
    out = []
    toks = tokens(text, start, end)
    for i, tok in enumerate(toks):
        gap = text[toks[i - 1].end:tok.start] if i else ""
        first = i == 0 or bool(_SEPARATORS.search(gap))
        out.append(Word(tok, classify(tok.text), first))
    return out


def parts(words: list[Word], text: str) -> list[list[Word]]:
    """The headline cut at separators (colon, dash, pipe, comma, quotes)."""
    out: list[list[Word]] = []
    for w in words:
        if w.first or not out:
            out.append([])
        out[-1].append(w)
    return out


@dataclass(frozen=True)
class Usage:
    lower: frozenset        # words the body writes in lower case
    capital: frozenset      # words the body capitalises mid-sentence


def body_usage(doc, words: frozenset[str]) -> Usage:
    """How the body (everything but the headline) writes each of `words` (case-folded
    headline words), computed once per document."""
    def compute(d) -> Usage:
        title = d.title
        lower, capital = set(), set()
        for sent, toks in zip(d.sentences, sentence_tokens(d)):
            if title is not None and title.start <= sent.start < title.end:
                continue
            for i, tok in enumerate(toks):
                if tok.key not in words:
                    continue
                kind = classify(tok.text)
                if kind == "l":
                    lower.add(tok.key)
                elif kind == "C" and i > 0 and not d.text[toks[i - 1].end:tok.start].strip(" ") \
                        .endswith((":", "“", '"')):
                    capital.add(tok.key)
        return Usage(frozenset(lower), frozenset(capital))
    return doc.memo("title.body_usage:" + "|".join(sorted(words)), compute)


def headline_usage(doc, words: list[Word]) -> Usage:
    """Body usage of the capitalised words of the headline."""
    return body_usage(doc, frozenset(w.token.key for w in words if w.kind == "C"))


def is_common(word: str, usage: Usage, strict: bool = False) -> bool:
    """A capitalised headline word that names nothing: the body writes it in lower case only,
    or (unless `strict`) the body does not use it and it is an everyday word."""
    low = word.casefold()
    if low in usage.capital or low in TITLE_WORDS:
        return False
    return low in usage.lower or (not strict and low in COMMON_WORDS)
