"""Which of two forms of a name to suggest: a form the glossary accepts (canonical name or
accepted variant, in any case) or that is an official name (official.py) comes first; then usage, and only a
clear majority. When nothing decides, a rule gives no suggestion rather than a guess."""
from __future__ import annotations

from .official import official_name


def _plain(written: str) -> str:
    text = " ".join(written.split())
    return text[4:] if text[:4] in ("the ", "The ") else text


def glossary_accepts(written: str, glossary) -> str | None:
    """The glossary name `written` is, when the glossary lists it as canonical or accepted."""
    if glossary is None:
        return None
    text = _plain(written)
    for ent in glossary.entities:
        if text == ent.canonical or text in ent.variants:
            return text
    return None


def glossary_rejects(written: str, glossary) -> bool:
    """`written` is a wrong name of a glossary entity."""
    if glossary is None:
        return False
    text = _plain(written)
    return any(text in ent.wrong for ent in glossary.entities)


def accepted_form(written: str, glossary) -> str | None:
    """The accepted name `written` is (glossary first, then the official names), or None."""
    return glossary_accepts(written, glossary) or official_name(written, glossary)


def majority(counts: dict) -> object | None:
    """The key with the highest count when no other key has as many; else None."""
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def same_entity(a: str, b: str, glossary) -> bool:
    """Both are names (any: canonical, accepted or wrong) of one glossary entity: NC01 and
    TM01 report such a pair, with the glossary's name."""
    if glossary is None:
        return False
    ta, tb = _plain(a), _plain(b)
    return any(ta in ent.forms and tb in ent.forms for ent in glossary.entities)
