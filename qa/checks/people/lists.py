"""Checks on the names listed in one sentence: a lone courtesy title, a one-word name among
full Chinese names, and a non-pinyin word inside a Chinese name."""
from __future__ import annotations

from collections.abc import Iterator

from ..._speed.regex import LazyRegex
from ...document.model import Document
from ...findings import Hit
from ...rules.context import RuleOptions
from ...text.pinyin import is_pinyin, is_surname
from .data import NOT_PERSONS
from .names import NameItem, PeopleList, people_lists
from .words import COURTESY

MAX_SHOWN = 4
# a title after a name that places the person in a Chinese organisation
_CHINESE_TITLE = LazyRegex(
    r"^(?:the\s+)?[A-Z].*\b(?:China|Chinese|PRC|CPC|Beijing|Shanghai|Province|Provincial"
    r"|Municipal|Municipality|People's|Xinhua)\b")


def _shown(doc: Document, items: list[NameItem]) -> str:
    names = ", ".join(doc.text[i.start:i.end] for i in items[:MAX_SHOWN])
    return names + (", ..." if len(items) > MAX_SHOWN else "")


def lone_courtesy_title(doc: Document, opts: RuleOptions) -> Iterator[Hit]:
    for pl in people_lists(doc):
        titled = [i for i in pl.items if i.honorific in COURTESY]
        bare = pl.chinese(bare_only=True)
        if len(titled) != 1 or len(bare) < opts["min_bare_names"]:
            continue
        item = titled[0]
        s, e = item.honorific_start, item.end
        name = doc.text[item.start:item.end]
        line = doc.line_of(bare[0].start)
        where = "" if line == doc.line_of(s) else f" (line {line})"
        title = doc.text[s:item.start].strip()
        yield Hit(s, e,
                  f"'{doc.text[s:e]}' is the only name with a courtesy title among "
                  f"{_shown(doc, bare)}{where}: a lone '{title}' reads like "
                  f"a translation slip; write '{name}' or give every name the same form",
                  suggestion=name,
                  related=tuple((i.start, i.end, "named without a title")
                                for i in bare[:MAX_SHOWN]),
                  fix=name)


def _in_name_slot(pl: PeopleList, item: NameItem) -> bool:
    """True when the item sits where the list's Chinese names sit: next to one of them in a
    plain list, or before a title part like them in a "Name, Title, Name, Title" list."""
    by_part = {i.part: i for i in pl.items}
    for d in (-1, 1):
        near = by_part.get(item.part + d)
        if near is not None and near.kind == "chinese":
            return True

    def titled(i: NameItem) -> bool:          # the next part is a title, not another name
        return i.part + 1 < len(pl.parts) and i.part + 1 not in by_part

    return titled(item) and sum(1 for i in pl.items if i.kind == "chinese" and titled(i)) >= 2


def _truncated_candidate(item: NameItem) -> bool:
    word = item.tokens[0]
    return (item.kind == "single" and item.whole and item.honorific is None
            and word not in NOT_PERSONS and (is_pinyin(word, 3) or is_surname(word)))


def truncated_name(doc: Document, opts: RuleOptions) -> Iterator[Hit]:
    for pl in people_lists(doc):
        full = pl.chinese(bare_only=False)
        if len(full) < opts["min_full_names"]:
            continue
        singles = [i for i in pl.items if i.kind == "single"]
        candidates = [i for i in singles if _truncated_candidate(i)]
        if len(singles) != 1 or len(candidates) != 1 or not _in_name_slot(pl, candidates[0]):
            continue
        item = candidates[0]
        word = item.tokens[0]
        what = "like a surname without its given name" if is_surname(word) else (
            "truncated, or like a full name run together")
        yield Hit(item.start, item.end,
                  f"'{word}' stands alone in a list of full names ({_shown(doc, full)}): it "
                  f"looks {what}; write the person's full name, surname first",
                  related=tuple((i.start, i.end, "full name in the same list")
                                for i in full[:MAX_SHOWN]))


def _title_after(doc: Document, pl: PeopleList, item: NameItem) -> str:
    if item.part + 1 < len(pl.parts):
        s, e = pl.parts[item.part + 1]
        return doc.text[s:e]
    return ""


def non_pinyin_given_name(doc: Document, opts: RuleOptions) -> Iterator[Hit]:
    for pl in people_lists(doc):
        chinese = pl.chinese(bare_only=False)
        for item in pl.items:
            if item.kind != "other" or len(item.tokens) != 2:
                continue
            surname, given = item.tokens
            if not is_surname(surname) or is_pinyin(given):
                continue
            if not given[1:].islower() or "-" in given:
                continue
            title = _title_after(doc, pl, item)
            others = [i for i in chinese if i is not item]
            chinese_title = bool(_CHINESE_TITLE.search(title))
            if len(others) < opts["min_chinese_names"] and not chinese_title:
                continue
            where = (f"among Chinese names ({_shown(doc, others)})" if others
                     else f"before a Chinese title ('{title}')")
            s = item.end - len(given)
            yield Hit(s, item.end,
                      f"'{given}' in '{surname} {given}' is not pinyin, yet the name stands "
                      f"{where}: a character of the name may have been translated as a word; check the "
                      f"person's official romanised name",
                      related=tuple((i.start, i.end, "Chinese name in the same list")
                                    for i in others[:MAX_SHOWN]))
