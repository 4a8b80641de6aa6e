"""Glossary files: TOML files of `[[entity]]` tables (canonical name, accepted variants and short
forms, wrong names, sister names, Chinese names), loaded strictly into Entity records: unknown keys,
wrong types, and names that contradict each other within or across glossaries (a canonical name
defined twice, a name one entity accepts and another calls wrong) fail with `path:line: message`.
"""
from __future__ import annotations

from ..rules.context import Entity
from ..tomlpos import Locator, fail, load_toml
from .load import read_text, type_name, type_ok

ENTITY_KEYS = {"canonical": str, "variants": list, "wrong": list, "not_same_as": list,
               "kind": str, "note": str, "source": str, "zh": (str, list), "short": list}
ENTITY_KINDS = ("organisation", "event", "person", "term", "place", "publication")


def load_glossary(path: str, text: str | None = None, names: dict | None = None,
                  data: dict | None = None) -> list[Entity]:
    """The entities of one glossary file.

    `names` records the names of the glossaries loaded before (shared across calls), so that
    a canonical name defined twice, or a name one entity accepts and another calls wrong,
    fails here, in whichever file comes second.
    """
    text = read_text(path) if text is None else text
    names = {} if names is None else names
    data = load_toml(path, text) if data is None else data
    for key in data:
        if key not in ("glossary", "entity"):
            fail(path, text, f"unknown key {key!r} (expected [glossary] and [[entity]] tables)",
                 key=key)
    out = []
    loc = Locator(text)
    for i, item in enumerate(data.get("entity", [])):
        where = dict(table="entity", index=i)
        for key, value in item.items():
            if key not in ENTITY_KEYS:
                fail(path, text, f"unknown key {key!r} in [[entity]]", key=key, **where)
            if not type_ok(value, ENTITY_KEYS[key]):
                fail(path, text, f"{key!r} must be {type_name(ENTITY_KEYS[key])}", key=key, **where)
        if "canonical" not in item:
            fail(path, text, "[[entity]] needs a 'canonical' name", **where)
        if not item["canonical"].strip():
            fail(path, text, "'canonical' must be a non-empty string", key="canonical", **where)
        kind = item.get("kind", "organisation")
        if kind not in ENTITY_KINDS:
            fail(path, text, f"kind {kind!r} is not one of {', '.join(ENTITY_KINDS)}", key="kind", **where)
        for key in ("variants", "wrong", "not_same_as", "short"):
            if not all(isinstance(v, str) and v.strip() for v in item.get(key, [])):
                fail(path, text, f"{key!r} must list non-empty strings", key=key, **where)
        zh = item.get("zh", [])     # Chinese names, for the bilingual rules
        if not all(isinstance(v, str) and any("\u3400" <= c <= "\u9fff" for c in v)
                   for v in ([zh] if isinstance(zh, str) else zh)):
            fail(path, text, "'zh' must be a Chinese name or a list of them", key="zh", **where)
        origin = f"{path}:{loc.find(table='entity', index=i)}"
        _check_names(path, text, item, origin, names, where)
        out.append(Entity(item["canonical"], tuple(item.get("variants", [])),
                          tuple(item.get("wrong", [])), tuple(item.get("not_same_as", [])), kind,
                          item.get("note", ""), item.get("source", ""), origin,
                          tuple([zh] if isinstance(zh, str) else zh), tuple(item.get("short", []))))
    return out


def _check_names(path, text, item, origin, names, where) -> None:
    """Fail on a canonical name defined before, and on a name that one entity accepts
    (canonical, variant or short form) and another (or the same) lists as wrong; then record the
    entity's names in `names`: ("canonical" | "accepted" | "wrong", name) -> (canonical, origin)."""
    canonical = item["canonical"]

    def bad(message, key, name):
        quoted = f'"{name}"' if f'"{name}"' in text else f"'{name}'"
        fail(path, text, message, key=key, value=quoted, **where)

    if ("canonical", canonical) in names:
        _, first = names[("canonical", canonical)]
        fail(path, text, f"duplicate canonical name {canonical!r} (already defined at {first})",
             key="canonical", **where)
    names[("canonical", canonical)] = (canonical, origin)
    for key in ("canonical", "variants", "short"):
        for name in [canonical] if key == "canonical" else item.get(key, []):
            if ("wrong", name) in names:
                wrong_for, there = names[("wrong", name)]
                bad(f"{name!r} is listed as wrong for {wrong_for!r} and as a name of "
                    f"{canonical!r} ({there})", key, name)
            names.setdefault(("accepted", name), (canonical, origin))
    for name in item.get("wrong", []):
        if ("accepted", name) in names:
            accepted_by, there = names[("accepted", name)]
            bad(f"{name!r} is listed as wrong for {canonical!r} and as a name of "
                f"{accepted_by!r} ({there})", "wrong", name)
        wrong_for, there = names.setdefault(("wrong", name), (canonical, origin))
        if wrong_for != canonical:
            bad(f"{name!r} is listed as wrong for {canonical!r} and for {wrong_for!r} ({there})",
                "wrong", name)
