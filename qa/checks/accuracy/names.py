"""One source name rendered two ways in the English, found through the alignment.

Two links tie an English name to a name of the source:

* **pinyin**: a run of one to three capitalised words ("Weilai", "Dayan", "Ouyang Xiaofeng") that
  spells the toneless pinyin of two to four Chinese characters of the aligned source sentence
  (蔚来, 大雁, 欧阳晓峰; any reading of each character, from pypinyin);
* **institution**: in a bead whose source holds exactly one name ending in an institution's
  head (大学, 局, 委员会, 医院 ...) and whose English holds exactly one capitalised phrase with a
  matching English head (University, Bureau, Commission, Hospital ...), the two name each other.

A source name is then reported when the English renders it two ways:

* pinyin in some sentences and, in every other sentence that holds the name, one and the same
  English phrase that stands nowhere else in the release (蔚来 as "Weilai" and "NIO"; 大雁塔 as
  "Dayan Pagoda" and "Big Wild Goose Pagoda");
* two spellings of one pinyin that are not the same words in another order or case ("Ouyang
  Xiaofeng" / "Ouyang Xiaofen"; order and case are the person-name rules' findings);
* two institution phrases whose words are neither the same set (a word-order variant, which the
  name-consistency rules report) nor one a part of the other (a short form): "Brunei
  University" / "Brno University", "Bureau of Culture and Tourism" / "Department of Culture and
  Tourism".

The form used less often is reported (the pinyin one on a tie: an established English name
beats a transliteration); the other is the suggestion when a glossary names it, or when it is
used at least twice as often. Computed once per document (`doc.memo`).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from ...bilingual.anchors import readings
from ...document.model import Document
from .bitext import Bitext, bitext
from .phrases import Phrase, fold, name_phrases

Span = tuple[int, int]
MEMO_KEY = "accuracy.names"
MIN_PINYIN = 4              # letters: shorter pinyin matches too much by chance
MAX_NAMES = 200             # source names compared per release (each is looked for in every bead)
_HAN = re.compile(r"[\u4e00-\u9fff]")
# source heads of institutions and the English heads that render them
HEADS = {
    "大学": ("University",), "学院": ("College", "Institute", "Academy", "School"),
    "医院": ("Hospital",), "银行": ("Bank",), "集团": ("Group", "Corporation"),
    "公司": ("Company", "Corporation", "Co"), "委员会": ("Commission", "Committee", "Council"),
    "局": ("Bureau", "Administration", "Department", "Office", "Authority"),
    "厅": ("Department", "Bureau"), "研究院": ("Institute", "Academy"), "研究所": ("Institute",),
    "博物馆": ("Museum",), "协会": ("Association", "Society"), "中心": ("Center", "Centre"),
    "机场": ("Airport",), "交易所": ("Exchange",), "联合会": ("Federation",),
}
# a credit line of a web page (来源：新华社, 责编): its names are credits, often left out or garbled
_CREDIT = re.compile(r"来源[:：]|责编|责任编辑|编辑[:：]")
# words that make titles and generic nouns, not names: a phrase of these only is no rendering
_GENERIC = frozenset(
    """
    vice deputy chairman chairwoman chair president secretary general minister director premier mr ms mrs
    dr prof professor party committee government council news agency state central national executive
    chief senior officer spokesman spokesperson ambassador mayor governor head member members of the and
    people's republic city province county district new era
    """.split()
)
_HEAD_RE = re.compile("|".join(sorted(HEADS, key=len, reverse=True)))


@dataclass(frozen=True, slots=True)
class Variant:
    """An English rendering of a source name that differs from the usual one."""

    en: Span                     # the rendering reported (English prose)
    form: str
    preferred: str               # the other rendering
    count: int                   # how often the other rendering stands
    zh: Span | None              # the source name in the aligned source sentence
    zh_name: str
    others: tuple[Span, ...]     # where the other rendering stands
    suggestion: str | None


def name_variants(doc: Document, glossary_names: frozenset[str] = frozenset()) -> list[Variant]:
    """Source names of `doc` rendered two ways (none without a source)."""
    if bitext(doc) is None:
        return []
    return doc.memo(MEMO_KEY, lambda d: _compute(d, glossary_names))


@dataclass
class _Use:
    bead: int
    phrase: Phrase
    key: str            # what is compared: folded pinyin, or the institution's words


def _compute(doc: Document, glossary: frozenset[str]) -> list[Variant]:
    bt = bitext(doc)
    assert bt is not None
    phrases = [name_phrases(bt.en_text, *b.en_span) if b.en and b.zh else [] for b in bt.beads]
    out = _pinyin_variants(bt, phrases, glossary)
    seen = {v.en for v in out}
    out += [v for v in _institution_variants(bt, phrases, glossary) if v.en not in seen]
    out.sort(key=lambda v: v.en)
    return out


# ---- pinyin -----------------------------------------------------------------------------
def _runs(phrase: Phrase) -> list[tuple[int, int, str]]:
    """Runs of one to three words opening a phrase ('Dayan' of 'Dayan Pagoda', 'Lanhai' of
    'Lanhai New Energy'): (start, end, folded letters). A name inside a longer name ('Zhengzhou'
    in 'Department of ... of Zhengzhou City') is another name's part, not a rendering."""
    words = list(phrase.words)
    if not words[0][2][0].isupper():
        return []
    out = []
    for j in range(1, min(len(words), 3) + 1):
        if not all(w[2][0].isupper() for w in words[:j]):
            continue
        key = "".join(fold(w[2]) for w in words[:j])
        if len(key) >= MIN_PINYIN:
            out.append((words[0][0], words[j - 1][1], key))
    return out


def _pinyin_names(zh: str, wanted: set[str]) -> dict[str, str]:
    """Chinese runs of two to four characters of `zh` whose pinyin is in `wanted`: pinyin -> run."""
    prefixes = {w[:i] for w in wanted for i in range(1, len(w) + 1)}
    found: dict[str, str] = {}
    for p in range(len(zh)):
        frontier = [""]
        for k in range(4):
            if p + k >= len(zh) or not _HAN.match(zh[p + k]):
                break
            frontier = [a + r for a in frontier for r in readings(zh[p + k]) if a + r in prefixes][:16]
            if not frontier:
                break
            if k >= 1:
                for f in frontier:
                    if f in wanted:
                        found.setdefault(f, zh[p:p + k + 1])
    return found


def _pinyin_variants(bt: Bitext, phrases: list[list[Phrase]], glossary: frozenset[str]) -> list[Variant]:
    links: dict[str, list[tuple[int, Phrase, int, int]]] = defaultdict(list)   # zh name -> uses
    for i, bead_phrases in enumerate(phrases):
        runs = [(p, s, e, key) for p in bead_phrases for s, e, key in _runs(p)]
        if not runs:
            continue
        names = _pinyin_names(bt.zh_of(i), {key for *_, key in runs})
        for p, s, e, key in runs:
            if key in names:
                links[names[key]].append((i, p, s, e))
    out: list[Variant] = []
    pinyin_phrases = {p.text for uses in links.values() for _, p, _, _ in uses}
    where = _where(phrases)
    # the names used most, at most MAX_NAMES of them: each is looked for in every bead
    for run, uses in sorted(links.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:MAX_NAMES]:
        name = _extend(bt, run, {i for i, *_ in uses})
        beads = [i for i in range(len(bt.beads))
                 if bt.beads[i].en and name in bt.zh_of(i) and not _CREDIT.search(bt.zh_of(i))]
        key = fold(bt.en_text[uses[0][2]:uses[0][3]])
        pinyin_beads = {i for i in beads if key in _folded_runs(bt.en_of(i))}
        spelled = Counter(bt.en_text[s:e] for _, _, s, e in uses)
        if len(spelled) > 1:
            out += _spellings(bt, name, uses, spelled, glossary)
        rest = [i for i in beads if i not in pinyin_beads]
        if not rest:
            continue
        usual = Counter(p.text for _, p, _, _ in uses).most_common(1)[0][0]
        other = _common_phrase(rest, phrases, where, set(beads), pinyin_phrases, usual)
        if other is None:
            continue
        placed = [(i, p) for i in rest for p in phrases[i] if p.text == other]
        out += _two_ways(bt, name, uses, placed, other, glossary)
    return [v for v in out if v is not None]


def _extend(bt: Bitext, run: str, beads: set[int]) -> str:
    """The source name a pinyin run opens: the run and the characters that follow it in every
    sentence where it is rendered (蓝海 -> 蓝海新能源), at most four."""
    tails = []
    for i in beads:
        zh = bt.zh_of(i)
        at = zh.find(run)
        while at >= 0:
            tails.append(zh[at + len(run):at + len(run) + 4])
            at = zh.find(run, at + 1)
    if len(tails) < 2:
        return run              # one occurrence shows no name beyond the run
    common = tails[0]
    for tail in tails[1:]:
        k = 0
        while k < min(len(common), len(tail)) and common[k] == tail[k]:
            k += 1
        common = common[:k]
    common = "".join(ch for ch in common[:4] if _HAN.match(ch)) if all(_HAN.match(c) for c in common) else ""
    return run + common


def _two_ways(bt, name: str, uses, placed, other: str, glossary) -> list[Variant | None]:
    """Report the rendering used less often: the pinyin phrases, or the other phrase."""
    forms = Counter(p.text for _, p, _, _ in uses)
    usual_pinyin = forms.most_common(1)[0][0]
    if any(_within(p.text, other) or _within(other, p.text) for _, p, _, _ in uses):
        return []               # a short form of the other ('Jiangbei' / 'Jiangbei New District')
    n_pinyin, n_other = len(uses), len(placed)
    pinyin_spans = tuple((p.start, p.end) for _, p, _, _ in uses)
    other_spans = tuple((p.start, p.end) for _, p in placed)
    if usual_pinyin in glossary or n_pinyin > n_other and n_pinyin >= 2 and other not in glossary:
        certain = usual_pinyin in glossary or n_pinyin >= 2 * n_other
        return [Variant((p.start, p.end), p.text, usual_pinyin, n_pinyin, _zh_span(bt, i, name), name,
                        pinyin_spans, usual_pinyin if certain else None) for i, p in placed]
    if other in glossary or n_other >= max(2, n_pinyin):
        certain = other in glossary or n_other >= 2 * n_pinyin
        return [Variant((p.start, p.end), p.text, other, n_other, _zh_span(bt, i, name), name,
                        other_spans, other if certain else None) for i, p, _, _ in uses]
    return []


def _folded_runs(text: str) -> set[str]:
    """Every run of one to three capitalised words of `text`, folded and joined."""
    words = [fold(w) for w in re.findall(r"[A-Z][A-Za-z'’\-]*", text)]
    return {"".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(len(words), i + 3) + 1)}


def _within(short: str, long: str) -> bool:
    """`short` is a run of whole words of `long`."""
    return f" {short} " in f" {long} "


def _where(phrases: list[list[Phrase]]) -> dict[str, set[int]]:
    """Phrase text -> the beads it stands in."""
    where: dict[str, set[int]] = defaultdict(set)
    for i, bead in enumerate(phrases):
        for p in bead:
            where[p.text].add(i)
    return where


def _common_phrase(rest: list[int], phrases: list[list[Phrase]], where: dict[str, set[int]],
                   beads: set[int], pinyin: set[str], rendered: str) -> str | None:
    """The one phrase standing in the English of every bead of `rest` and of no bead outside
    `beads` (the beads whose source holds the name), that is not itself the pinyin of another
    name of the source (宋涛 'Song Tao' standing beside 夏立言 wherever it does). Found in one
    sentence only, it must stand there twice or share a word with the pinyin rendering
    ('Blue Sea New Energy' / 'Lanhai New Energy')."""
    common = set.intersection(*[{p.text for p in phrases[i]} for i in rest])
    common = {c for c in common if where.get(c, set()) <= beads}
    common -= pinyin
    common = {c for c in common if len(fold(c)) >= 2 and not all(w.lower() in _GENERIC for w in c.split())}
    if len(common) != 1:
        return None
    other = common.pop()
    if len(rest) == 1:
        twice = sum(p.text == other for p in phrases[rest[0]]) >= 2
        shared = {fold(w) for w in other.split()} & {fold(w) for w in rendered.split()[1:]}
        if not twice and not any(len(w) >= 3 for w in shared):
            return None
    return other


def _spellings(bt, name, uses, spelled: Counter, glossary) -> list[Variant]:
    """One pinyin written two ways ('Ouyang Xiaofeng' / 'Ou Yangxiaofeng'), order and case apart."""
    forms = sorted(spelled, key=lambda f: (-spelled[f], f))
    top = forms[0]
    out = []
    for form in forms[1:]:
        if sorted(top.lower().split()) == sorted(form.lower().split()):
            continue            # another order or case: the person-name rules' finding
        if spelled[top] == spelled[form] and top not in glossary:
            continue            # no usual form to point to
        others = [(s, e) for _, _, s, e in uses if bt.en_text[s:e] == top]
        for i, _, s, e in uses:
            if bt.en_text[s:e] == form:
                out.append(Variant((s, e), form, top, spelled[top], _zh_span(bt, i, name), name,
                                   tuple(others), top if spelled[top] >= 2 * spelled[form] or top in glossary
                                   else None))
    return out


def _zh_span(bt: Bitext, i: int, name: str) -> Span | None:
    span = bt.beads[i].zh_span
    if span is None:
        return None
    at = bt.zh_text.find(name, span[0], span[1])
    return (at, at + len(name)) if at >= 0 else None


# ---- institutions -------------------------------------------------------------------------
def _institution_variants(bt: Bitext, phrases: list[list[Phrase]], glossary) -> list[Variant]:
    uses: dict[str, list[tuple[int, Phrase, frozenset[str]]]] = defaultdict(list)
    for i, bead_phrases in enumerate(phrases):
        zh = bt.zh_of(i)
        heads = [m for m in _HEAD_RE.finditer(zh) if m.start() >= 2]
        if len(heads) != 1:
            continue
        m = heads[0]
        english = HEADS[m.group()]
        named = [p for p in bead_phrases if any(w[2] in english for w in p.words)]
        if len(named) != 1:
            continue
        key = zh[m.start() - 2:m.end()]          # two characters of the name and its head
        words = frozenset(fold(w[2]) for w in named[0].words if w[2] not in ("of", "and", "the", "for"))
        uses[key].append((i, named[0], words))
    out = []
    for key, found in uses.items():
        by_words = Counter(words for _, _, words in found)
        if len(by_words) < 2:
            continue
        top, top_count = by_words.most_common(1)[0]
        if list(by_words.values()).count(top_count) > 1:
            continue            # no usual form
        usual = next(p for _, p, w in found if w == top)
        for i, p, words in found:
            if words == top or words <= top or top <= words:
                continue        # the same name, or a short form of it
            if len(words & top) == 0:
                continue        # nothing in common: probably another body
            others = tuple((q.start, q.end) for _, q, w in found if w == top)
            certain = usual.text in glossary or top_count >= 2 * by_words[words]
            out.append(Variant((p.start, p.end), p.text, usual.text, top_count,
                               _zh_span(bt, i, key), key, others, usual.text if certain else None))
    return out
