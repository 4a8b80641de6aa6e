"""The shared word lists behind the duplication and headline rules (qa/checks/_dup_tokens)
give exactly the words a per-sentence tokenisation gives, also where a sentence edge cuts
through a word or some words lie outside every sentence."""
from __future__ import annotations

import glob
import os

import pytest

from qa.document import document_from_text
from qa.document.segment import WORD
from qa.text.tokens import SentenceWords, sentence_words, tokens_between
from qa.text.words import STOP_WORDS, tokens
from tests.helpers import ROOT


class _Span(tuple):
    start = property(lambda self: self[0])
    end = property(lambda self: self[1])


class _FakeDoc:
    """Just what sentence_words reads: text, words, sentences and a memo."""

    def __init__(self, text: str, sentences: list[tuple[int, int]]) -> None:
        self.text = text
        self.words = tuple(_Span(m.span()) for m in WORD.finditer(text))
        self.word_bounds = ([w[0] for w in self.words], [w[1] for w in self.words])
        self.sentences = tuple(_Span(s) for s in sentences)
        self._cache: dict = {}

    def memo(self, key, compute):
        if key not in self._cache:
            self._cache[key] = compute(self)
        return self._cache[key]


def _expected(text: str, sentences) -> list[list[tuple[int, int, str]]]:
    return [[(m.start(), m.end(), m.group().casefold()) for m in WORD.finditer(text, s, e)]
            for s, e in sentences]


def _got(sw: SentenceWords) -> list[list[tuple[int, int, str]]]:
    return [[(sw.starts[i], sw.ends[i], sw.keys[i]) for i in range(lo, hi)] for lo, hi in sw.bounds]


@pytest.mark.parametrize("text, sentences", [
    ("Acme opened a plant. It employs 300 people.", [(0, 20), (21, 43)]),
    # a sentence edge inside a word: "2021.The" is one word of the whole text
    ("Sales rose in 2021.The plant grew.", [(0, 19), (19, 34)]),
    # words outside every sentence (a heading the splitter left out)
    ("NOTE\nAcme opened a plant. It grew.", [(5, 25), (26, 34)]),
    # non-ASCII keys are case-folded (ß -> ss), offsets stay those of the text
    ("Die Straße und die STRASSE.", [(0, 27)]),
])
def test_sentence_words_match_per_sentence_tokens(text, sentences):
    sw = sentence_words(_FakeDoc(text, sentences))
    assert _got(sw) == _expected(text, sentences)


def test_key_numbers_and_codes_agree_with_keys():
    text = "The plant and the plant. The end and THE END."
    doc = document_from_text(text)
    sw = sentence_words(doc)
    for i, key in enumerate(sw.keys):
        assert sw.keys[sw.ids[i]] == key
        assert sw.codes[i] == sw.ids[i] & 255
    assert sw.occurrences("the") == [i for i, k in enumerate(sw.keys) if k == "the"]
    assert sw.occurrences("absent") == []


def test_tokens_between_matches_tokens_on_fixture_releases():
    paths = sorted(glob.glob(os.path.join(ROOT, "tests", "fixtures", "releases", "*.txt")))
    assert paths
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            doc = document_from_text(fh.read())
        for sent in doc.sentences[:5]:
            for start, end in ((sent.start, sent.end), (sent.start + 1, sent.end - 1)):
                assert tokens_between(doc, start, end) == tokens(doc.text, start, end)


def _reference_blocks(keys: dict[int, list[str]], sketch: int = 4, cap: int = 64):
    """DU04's blocking as first written: string features, a sketch sorted by (count, text)."""
    from collections import Counter
    features = {i: ({a + " " + b for a, b in zip(k, k[1:])},
                    {"\x1f" + w for w in k if w not in STOP_WORDS}) for i, k in keys.items()}
    freq: Counter = Counter()
    for pairs, words in features.values():
        freq.update(pairs)
        freq.update(words)
    by_value: dict[str, list[int]] = {}
    for i, groups in features.items():
        for group in groups:
            for value in sorted(group, key=lambda v: (freq[v], v))[:sketch]:
                by_value.setdefault(value, []).append(i)
    out = []
    for members in by_value.values():
        if len(members) < 2:
            continue
        if len(members) <= cap:
            out.append(members)
            continue
        members = sorted(members, key=lambda i: len(keys[i]))
        for s in range(0, len(members) - cap // 2, cap // 2):
            out.append(members[s:s + cap])
    return sorted(map(tuple, out))


def _release_with_repeats(seed: int) -> str:
    import random
    rng = random.Random(seed)
    vocab = ("the of and plant city fund solar wind market export growth supply bank "
             "opened signed said will new first China Acme Hefei 2021 300").split()
    sentences = [" ".join(rng.choice(vocab) for _ in range(rng.randint(4, 14))) + "."
                 for _ in range(60)]
    for _ in range(15):                 # near copies: one word changed
        words = rng.choice(sentences).split()
        words[rng.randrange(len(words))] = rng.choice(vocab)
        sentences.append(" ".join(words))
    rng.shuffle(sentences)
    return "Headline of the release\n\n" + "\n".join(sentences) + "\n"


@pytest.mark.parametrize("seed", range(6))
def test_repeated_sentence_blocks_match_the_string_sketch(seed):
    from qa.checks.duplication.sentences import _blocks
    sw = sentence_words(document_from_text(_release_with_repeats(seed)))
    candidates = [i for i, (lo, hi) in enumerate(sw.bounds) if hi - lo >= 6]
    keys = {i: sw.keys[lo:hi] for i, (lo, hi) in enumerate(sw.bounds) if i in candidates}
    got = sorted(map(tuple, _blocks(candidates, sw)))
    assert got == _reference_blocks(keys)
    assert got                          # the near copies do share sketch values
