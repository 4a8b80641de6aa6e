"""Titles stacked before a Chinese name in Chinese word order.

Chinese puts every title before the name: 江苏省委书记、省长许昆林 comes out of machine
translation as "Secretary of the Party Committee of Jiangsu Province Governor Xu Kunlin".
English takes a short title before a name ("Governor Xu Kunlin", "Minister of Commerce Wang
Wentao") but puts a long one after it, set off by commas ("Xu Kunlin, Governor of Jiangsu").

From each romanised Chinese full name (capitalised pinyin surname and given name) the check
walks back over the words of its sentence that can belong to a title: capitalised words,
acronyms in brackets and the joining words 'of', 'the', 'and', 'for', '&'. That run is a
title chain when it has a title word (Secretary, Governor, Director, Member...) and reads
in Chinese order:
- a title whose 'of' phrase names an organisation or a place (it has 'the' or ends on a
  word such as University, Province, Group, Bureau) and ends right before the name
  ("Chairman of the Board Zhang San", "President of Tsinghua University ..."); a
  portfolio passes ("Minister of Agriculture and Rural Affairs Han Jun");
- a title word after the 'of' phrase of another ("Secretary of ... Province Governor Xu");
- two 'of' phrases or more ("Department of Commerce of Hubei Province Director ...");
- a short title right before the name after a comma and a title that names its place
  ("Member of the Leading Party Members' Group of the ... Government, Vice Governor Zhu");
- two organisations' titles with no 'of', joined by a comma ("Fujian Provincial Party
  Committee Standing Committee Member, Fuzhou Municipal Party Committee Secretary Huang
  Mingyuan"); one alone ("Fuzhou Party Committee Secretary ...") passes.
Earlier titles joined to the chain by commas ("Member of ..., Executive Vice Governor of ...
Tan Shuhe") belong to the finding. A chain after "Name, " is the next item of a list that
lost its separator, and headlines in Title Case are left alone. Each sentence with a name is
cut into words once; each name reads back at most a fixed number of them, so the check is
linear.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from ...document.model import Document
from ...findings import Hit
from ...rules.context import RuleOptions
from ...text.chars import stdlib
from ...text.pinyin import is_given_name, is_surname
from .names import pinyin_pairs

HEADS = frozenset("""
Secretary Secretary-General Governor Chairman Chairwoman Chairperson Director Director-General
Member Minister Mayor President Premier Head Chief Commissioner Dean Principal Manager Leader
Officer CEO Spokesperson Spokesman Spokeswoman Ambassador Consul Consul-General Counsellor
Counselor Councilor Councillor Professor Academician Representative Inspector Procurator
Researcher Fellow Chancellor Rector Founder Supervisor Commander Commissar Administrator
Editor-in-Chief Vice-Chairman Vice-President Vice-Governor Vice-Mayor Vice-Minister
""".split())
# last words of an organisation or place ("Tsinghua University", "Jiangsu Province"): an 'of'
# phrase ending on one names where the title is held, not a portfolio ("of Foreign Affairs")
ORG_HEADS = frozenset("""
University College School Academy Institute Institution Group Company Corporation Holding
Holdings Bank Board Bureau Department Commission Committee Council Government Ministry
Administration Office Association Federation Society Centre Center Hospital Province City
County District Municipality Region Zone Court Procuratorate Congress Party Agency Authority
Exchange Fund Foundation Museum Library Laboratory Chamber Alliance Union League Station
Port Airport Park Area Secretariat Branch Division Enterprise Enterprises Co Ltd Limited Inc
Daily Times Network Cooperative
""".split())
JOINERS = frozenset(("of", "the", "and", "for", "&"))
# words that stand before a title word as part of the title ("Executive Vice Governor")
MODIFIERS = frozenset("""
Vice Deputy Executive Standing Acting Honorary Permanent Party General Chief Senior Associate
Assistant Former First Managing Full-time Chief
""".split())
MAX_WORDS = 40
MAX_SEGMENTS = 4

# the words before a name, read backwards: a word, a bracketed acronym, or one other mark
_TOKEN = r"\([A-Z][A-Za-z]{1,7}\)|[A-Za-z][A-Za-z'’]*(?:-[A-Za-z][A-Za-z'’]*)*|&|[^\sA-Za-z]"


class _SentenceTokens:
    """The tokens of one sentence at a time: names come in text order, so each sentence is
    cut into words once and dropped when the next one is needed (memory stays small)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.span = (-1, -1)
        self.starts: list[int] = []
        self.toks: list[tuple[int, int, str]] = []

    def before(self, lo: int, hi: int, sentence_end: int) -> list[tuple[int, int, str]]:
        """The tokens of the sentence [lo, sentence_end) that end by hi, last first, at most
        MAX_WORDS * 2 of them."""
        if self.span != (lo, sentence_end):
            self.span = (lo, sentence_end)
            self.toks = [(m.start(), m.end(), m.group())
                         for m in stdlib(_TOKEN).finditer(self.text, lo, sentence_end)]
            self.starts = [t[0] for t in self.toks]
        k = bisect_right(self.starts, hi - 1)
        out = []
        while k > 0 and len(out) < MAX_WORDS * 2:
            k -= 1
            if self.toks[k][1] <= hi:
                out.append(self.toks[k])
        return out


def _chain(toks, k: int) -> tuple[list, int]:
    """The title-like words from toks[k] backwards (toks last first), in text order, and
    the index of the first token not taken."""
    out = []
    while k < len(toks) and len(out) < MAX_WORDS:
        word = toks[k][2]
        if k + 1 < len(toks) and is_given_name(word) and is_surname(toks[k + 1][2]):
            break               # another person's name: "Xu Kunlin and Chairman ... Zhang San"
        if word[0].isupper() or word in JOINERS or (word[0] == "(" and len(word) > 2):
            out.append(toks[k])
            k += 1
            continue
        break
    out.reverse()
    while out and out[0][2] in JOINERS | {"The"}:
        out.pop(0)
    heads = [i for i, w in enumerate(out) if w[2] in HEADS]
    ofs = [i for i, w in enumerate(out) if w[2] == "of"]
    if heads and ofs and heads[0] < ofs[0]:
        # a title first: it starts at its title word or the modifiers right before it, not
        # at a capitalised word that merely starts the sentence ("Yesterday Director of ...")
        first = heads[0]
        while first > 0 and out[first - 1][2] in MODIFIERS:
            first -= 1
        out = out[first:]
    return out, k


def _parts(words: list[str]) -> tuple[list[int], list[int], bool]:
    """The title words' and the 'of's' indexes in a chain, and whether the first 'of' phrase
    names where a title is held (it has 'the' or ends on a word such as University)."""
    heads = [i for i, w in enumerate(words) if w in HEADS]
    ofs = [i for i, w in enumerate(words) if w == "of"]
    obj = words[ofs[0] + 1:] if ofs else []
    return heads, ofs, "the" in obj or (bool(obj) and obj[-1].rstrip(".") in ORG_HEADS)


def _shape(words: list[str]) -> tuple[bool, bool]:
    """(in Chinese order, a single title) for the words of one chain."""
    heads, ofs, placed = _parts(words)
    if not heads:
        return False, False
    head_before_of = bool(ofs) and heads[0] < ofs[0]
    stacked = head_before_of and any(h > ofs[0] for h in heads)
    ends_on_head = words[-1] in HEADS
    chinese = (head_before_of and (stacked or len(ofs) >= 2 or (placed and not ends_on_head))
               or (len(ofs) >= 2 and ends_on_head))
    single = head_before_of and not stacked and not ends_on_head
    return chinese, single


def _org_title(words: list[str]) -> bool:
    """An organisation's name and then a title, Chinese fashion, with no 'of' ('Fuzhou
    Municipal Party Committee Secretary', 'Provincial Party Committee Standing Committee
    Member'): alone it may pass as a long modifier; two joined by a comma are stacked."""
    if len(words) < 3 or "of" in words or words[-1] not in HEADS:
        return False
    k = len(words) - 1
    while k > 0 and (words[k] in HEADS or words[k] in MODIFIERS):
        k -= 1
    return k > 0 and words[k].rstrip(".") in ORG_HEADS


def _stacked_org_titles(toks, nxt: int, words: list[str]) -> bool:
    """An organisation's title right before the name and another title before it, joined by
    a comma or 'and': 'Fujian Provincial Party Committee Standing Committee Member, Fuzhou
    Municipal Party Committee Secretary Huang Mingyuan'."""
    if not _org_title(words):
        return False
    if "and" in words:          # '... Standing Committee Member and Sanya ... Secretary Wang'
        k = len(words) - 1 - words[::-1].index("and")
        if _org_title(words[:k]) and _org_title(words[k + 1:]):
            return True
    if not (nxt < len(toks) and toks[nxt][2] == ","):
        return False
    more = [w[2] for w in _chain(toks, nxt + 1)[0]]
    return any(w in HEADS for w in more) and (_org_title(more) or "of" in more)


def _after_placed_title(toks, nxt: int, words: list[str]) -> bool:
    """A short title right before the name ('Vice Governor') after another title that names
    where it is held, joined by a comma: 'Member of the Leading Party Members' Group of the
    Zhejiang Provincial People's Government, Vice Governor Zhu Minghao'. A portfolio before
    the comma ('the Minister of Commerce, Vice Minister Wang') names no place and passes."""
    if not (words and all(w in HEADS or w in MODIFIERS for w in words) and words[-1] in HEADS
            and nxt < len(toks) and toks[nxt][2] == ","):
        return False
    heads, ofs, placed = _parts([w[2] for w in _chain(toks, nxt + 1)[0]])
    return bool(heads and ofs and heads[0] < ofs[0] and placed)


def _title_case_line(text: str, start: int, end: int) -> bool:
    """A line whose words nearly all start with a capital (a headline in Title Case)."""
    words = [w for w in text[start:end].split() if w[:1].isalpha()]
    if len(words) < 5:
        return False
    lower = sum(1 for w in words if w[0].islower() and w not in JOINERS
                and w not in ("a", "an", "at", "in", "on", "to", "by", "with", "from"))
    return lower == 0


def title_chain(doc: Document, opts: RuleOptions) -> Iterator[Hit]:
    text = doc.text
    sentences = doc.sentences
    starts = [s.start for s in sentences]
    lines = doc.lines
    line_starts = [ln.start for ln in lines]
    title = doc.title
    title_case: dict[int, bool] = {}        # line index -> a Title Case line (computed once)
    words_of = _SentenceTokens(text)
    for p in pinyin_pairs(doc):
        if not (is_surname(p.first) and is_given_name(p.second)):
            continue
        if title is not None and title.start <= p.start < title.end:
            continue
        i = bisect_right(line_starts, p.start) - 1
        if i >= 0:
            if i not in title_case:
                title_case[i] = _title_case_line(text, lines[i].start, lines[i].end)
            if title_case[i]:
                continue
        k = bisect_right(starts, p.start) - 1
        lo, hi = (sentences[k].start, sentences[k].end) if k >= 0 else (0, p.start)
        toks = words_of.before(lo, p.start, max(hi, p.end))
        words, nxt = _chain(toks, 0)
        texts = [w[2] for w in words]
        after_placed = _after_placed_title(toks, nxt, texts)
        if len(words) < 2 and not after_placed:
            continue
        chinese, single = _shape(texts)
        if not (chinese or after_placed or _stacked_org_titles(toks, nxt, texts)):
            continue
        segments = [words]
        # earlier titles joined by commas: "Member of ..., Executive Vice Governor of ... Name"
        while nxt < len(toks) and toks[nxt][2] == "," and len(segments) < MAX_SEGMENTS:
            more, after = _chain(toks, nxt + 1)
            texts = [w[2] for w in more]
            if not (more and any(w in HEADS for w in texts) and ("of" in texts or _org_title(texts))):
                break
            if not _shape(texts)[1] and not _shape(texts)[0] and not _org_title(texts):
                break
            segments.insert(0, more)
            single = single and _shape(texts)[1]
            nxt = after
        if nxt + 1 < len(toks) and toks[nxt][2] == "," and is_given_name(toks[nxt + 1][2]) \
                and nxt + 2 < len(toks) and is_surname(toks[nxt + 2][2]):
            continue        # "Li Ming, President of X Gao Ruiwen": a list lost a separator
        start = segments[0][0][0]
        if text[max(0, start - 4):start] in ("the ", "The "):
            start -= 4
        name = text[p.start:p.end]
        titles = ", ".join(text[s[0][0]:s[-1][1]] for s in segments)
        suggestion = None
        if single:
            follow = text[p.end:p.end + 2]
            comma = "," if len(follow) == 2 and follow[0] == " " and follow[1].islower() else ""
            suggestion = f"{name}, {titles}{comma}"
        where = (f"write the name first and the titles after it: '{suggestion}'" if suggestion
                 else f"write the name first and each title after it, set off by commas "
                      f"('{name}, ...')")
        yield Hit(start, p.end,
                  f"'{text[start:p.end]}' puts the titles before the name in Chinese order; "
                  f"English keeps only a short title before a name: {where}",
                  suggestion=suggestion)
