"""The name rules of the accuracy family: one source name rendered two ways (AC06), and a source
term whose English the glossary fixes but the aligned sentence does not use (AC07).

Declared here and collected by rules.py. Glossary entities may carry their Chinese names (`zh`)
and accepted short forms (`short`); entities without them take no part in AC07.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ...document.model import Document
from ...findings import Hit
from ...rules.base import Example, Rule, RuleDoc, RuleMeta
from ...rules.context import RuleOptions

_NO_SOURCE = ("Bilingual mode only: the rule reads the Chinese original (the example shows one) and "
              "is silent without it. ")


def _glossary_names(opts: RuleOptions) -> frozenset[str]:
    names: set[str] = set()
    for e in opts.glossary.entities:
        names.add(e.canonical)
        names.update(e.variants)
        names.update(getattr(e, "short", ()) or ())
    return frozenset(names)


def check_two_ways(doc: Document, opts: RuleOptions) -> Iterator[Hit]:
    if doc.source_doc is None:
        return
    from .names import name_variants
    for v in name_variants(doc, _glossary_names(opts)):
        times = "once" if v.count == 1 else f"{v.count} times"
        yield Hit(v.en[0], v.en[1],
                  f"'{v.form}' renders {v.zh_name} of the source, which the English elsewhere calls "
                  f"'{v.preferred}' ({times}): use one name throughout",
                  suggestion=v.suggestion, source_span=v.zh,
                  related=tuple((s, e, "the other rendering") for s, e in v.others[:3]))


NAME_TWO_WAYS = Rule(RuleMeta(
    code="AC06", name="source-name-two-ways", category="accuracy", severity="warning",
    summary="one name of the source rendered two ways in the English (蔚来 as 'NIO' and 'Weilai')",
    doc=RuleDoc(
        what=_NO_SOURCE + "A name of the Chinese original that the English writes two ways, linked "
             "through the alignment: in pinyin in one sentence and as one established English name "
             "in all the others (蔚来 as 'Weilai' and 'NIO'; 大雁塔 as 'Dayan Pagoda' and 'Big Wild "
             "Goose Pagoda'); one pinyin spelled two ways; or one institution (文莱大学, 文化和旅游局) "
             "named with other words ('Brno University' beside 'Brunei University') or another "
             "head noun ('Department' beside 'Bureau'). Word-order and case variants are left to "
             "the name-consistency and person-name rules.",
        why="Readers take two names for two bodies; only the source shows they are one.",
        instead="The name used elsewhere (the glossary's, or the one used most): the suggestion "
                "when it is certain.",
        examples=(Example(bad="XPeng delivered 30,000 cars in May.\n\nXiaopeng's new plant in "
                              "Guangzhou opens in June.\n\nXPeng said exports doubled.\n",
                          flags=("Xiaopeng",),
                          good="XPeng delivered 30,000 cars in May.\n\nXPeng's new plant in "
                               "Guangzhou opens in June.\n\nXPeng said exports doubled.\n",
                          source="小鹏汽车5月交付3万辆。\n\n小鹏汽车广州新工厂将于6月投产。\n\n"
                                 "小鹏汽车表示出口翻番。\n"),),
        precision=(
                  "WMT23 zh-en dev pairs (bench/bilingual/measure.py, one segment per line): 3 findings, "
                  "all right ('Brno University' beside 'University of Brunei' for 文莱大学, a rater's "
                  "Terminology/Inconsistent mark; 'Jin Zhuai' beside 'Kim Joo-ae' for 金主爱, twice). "
                  "bench/releases/bilingual/dev: both items ('Weilai', 'Dayan Pagoda'); seeds/001: 'Blue "
                  "Sea New Energy' beside 'Lanhai New Energy'.")),
    ), check_two_ways)


# ---- AC07 ---------------------------------------------------------------------------------
_GENERIC = frozenset({"of", "and", "the", "for", "on", "in", "s"})


def _zh_forms(entity) -> tuple[str, ...]:
    zh = getattr(entity, "zh", ()) or ()
    return (zh,) if isinstance(zh, str) else tuple(zh)


def _accepted(entity) -> tuple[str, ...]:
    return (entity.canonical, *entity.variants, *(getattr(entity, "short", ()) or ()))


def _head(name: str) -> str:
    """The head noun of an English name: the word before its first 'of' ('Bureau' of 'Political
    Bureau of the CPC Central Committee'), else its last word."""
    name = name.split(" of ")[0]
    words = [w for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in _GENERIC]
    return words[-1] if words else ""


def _words(name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in _GENERIC)


def check_glossary_rendering(doc: Document, opts: RuleOptions) -> Iterator[Hit]:
    if doc.source_doc is None:
        return
    from .bitext import bitext
    bt = bitext(doc)
    entities = [(e, forms) for e in opts.glossary.entities if (forms := _zh_forms(e))]
    if bt is None or not entities:
        return
    known = frozenset(name.lower() for e in opts.glossary.entities for name in (*_accepted(e), *e.wrong))
    for i, bead in enumerate(bt.beads):
        if not bead.zh or not bead.en:
            continue
        zh, en = bt.zh_of(i), bt.en_of(i)
        taken: list[tuple[int, int]] = []
        found = []
        for entity, forms in entities:
            for form in forms:
                at = zh.find(form)
                while at >= 0:
                    end = at + len(form)
                    if zh[end:end + 1] != "门":          # 商务部门: any level's department
                        found.append((len(form), at, end, entity))
                    at = zh.find(form, end)
        for _, at, end, entity in sorted(found, key=lambda f: (-f[0], f[1])):
            if any(a < end and at < b for a, b in taken):
                continue                                 # inside a longer name already seen
            taken.append((at, end))
            hit = _rendering(bt, i, en, entity, known)
            if hit is not None:
                start, stop, text = hit
                zs = bead.zh_span[0]
                yield Hit(start, stop,
                          f"{zh[at:end]} is '{entity.canonical}' (glossary); this sentence calls it "
                          f"'{text}'", suggestion=entity.canonical, source_span=(zs + at, zs + end))


def _rendering(bt, i: int, en: str, entity, known: frozenset[str]) -> tuple[int, int, str] | None:
    """The English phrase of bead i that renders the entity otherwise than the glossary says:
    one capitalised phrase with the canonical name's head noun, when no accepted name stands and
    the phrase is no name the glossaries know (another body's name is that body's)."""
    low = en.lower()
    if any(name.lower() in low for name in _accepted(entity)):
        return None
    if any(w.lower() in low for w in entity.wrong):
        return None                                      # a known wrong name: TM01 reports it
    head = _head(entity.canonical)
    span = bt.beads[i].en_span
    from .phrases import name_phrases
    candidates = [p for p in name_phrases(bt.en_text, *span) if any(w[2] == head for w in p.words)]
    if len(candidates) != 1:
        return None
    words = list(candidates[0].words)
    at = max(k for k, w in enumerate(words) if w[2] == head)
    if at + 1 < len(words) and words[at + 1][2] != "of":
        words = words[:at + 1]      # 'Secretariat' in 'Central Committee Secretariat Secretary Cai Qi'
    start, end = words[0][0], words[-1][1]
    text = bt.en_text[start:end]
    if any(_words(text) <= _words(name) for name in _accepted(entity)):
        return None                 # the same words in another order, or a short form of the name
    if text.lower() in known or candidates[0].text.lower() in known:
        return None                 # another body's name (or a wrong name TM01 reports)
    return start, end, text


GLOSSARY_RENDERING = Rule(RuleMeta(
    code="AC07", name="glossary-rendering", category="accuracy", severity="warning",
    summary="a source name whose English the glossary fixes, rendered otherwise in its sentence",
    doc=RuleDoc(
        what=_NO_SOURCE + "A Chinese name that a glossary entity lists (key `zh`: 国家卫生健康委员会) "
             "in a source sentence whose English uses none of the entity's accepted names but "
             "another name with the same head noun ('National Medical Commission' for the "
             "National Health Commission). Known wrong and former names are TM01's and TM06's; a "
             "sentence that names the body only as 'the commission', or by a short form or the "
             "same words in another order, is left alone.",
        why="The glossary fixes how the issuer's and the state's bodies are named; the source shows "
            "which body the sentence means even when the English name looks plausible.",
        instead="The glossary's name, given as the suggestion.",
        examples=(Example(bad="The National Medical Commission issued the rules.\n",
                          flags=("National Medical Commission",),
                          good="The National Health Commission issued the rules.\n",
                          source="国家卫生健康委员会发布了该规定。\n"),),
        precision=(
                  "WMT23 zh-en dev pairs (bench/bilingual/measure.py, one segment per line): 1 finding "
                  "('State Office of China' for 国台办), right. Only entities with Chinese names (key zh, in "
                  "glossaries/state_bodies.toml) take part.")),
    defers_to=("TM01", "TM06"),
    ), check_glossary_rendering)
