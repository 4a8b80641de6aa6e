"""NC10: an acronym the release never spells out ("approved by the NMPA", "the KMT said"
beside "Kuomintang" with no "Kuomintang (KMT)" anywhere).

An acronym counts as spelled out when the release gives it in brackets after a name or
the name in brackets after it, anywhere (whether it fits is NC11's question), or introduces
it with "hereinafter". Never reported: acronyms every reader knows (the lexicon's list and
official.WELL_KNOWN_ACRONYMS: US, EU, GDP, CEO, AI, 5G, CPC, ...), two-letter ones, forms
with small letters (IoT, PhD), and words on lines in capitals.

Reported, once per acronym, at its first use in the body outside a longer name (an acronym
used only as part of names, 'ICBC Wealth Management', is a brand and is left alone):
- an acronym whose name the release writes elsewhere without linking the two (its letters
  fit a name of the release: 'KMT' and 'Kuomintang');
- an acronym a glossary body goes by ('NDRC'): the suggestion spells it out there;
- any other acronym used as a body's name: after 'the' and before a verb (any past tense:
  "the XPCC accounted for"), a linking word or punctuation ("approved by the SFDB and ...",
  "the CHEAA said"), as bodies are named.
Brands written in capitals are used without 'the' ("ZTE showed", "BYD sold") and are left
alone, as are acronyms used as modifiers ("the EFLOPS figure").
"""
from __future__ import annotations

import re

from ..._speed.regex import LazyRegex
from ...document.model import Document
from ...findings import Hit
from ...rules.context import RuleOptions
from ...text.lexicon import CONNECTORS, SENTENCE_STARTERS
from .acronyms import acronyms, is_generic
from .lines import in_dateline
from .mentions import mentions
from .official import WELL_KNOWN_ACRONYMS, expansion_of
from .romanize import syllable_initials
from .tokens import acronym_letters

_BRACKETED = LazyRegex(r"[(（][\s\"“'‘]*([A-Z][A-Za-z&.\-]{1,11})(?=[\s\"”'’]*[)）,;])")
_REVERSE = LazyRegex(r"(?<![A-Za-z])([A-Z][A-Z&.\-]{1,11})\s*[(（]")
_THE = LazyRegex(r"(?:^|[^A-Za-z])the\s+$", re.I)
_AFTER = LazyRegex(
    r"(?:'s|’s)?(?:$|[,.;:!?)\]\"”’]|\s+(?:and|or|but|as|at|by|for|from|in|into|of|on|to|"
    r"with|under|which|who|that|has|have|had|is|are|was|were|will|would|can|could|may|"
    r"said|says|announced|approved|issued|released|reported|added|noted|stated|also|"
    r"recently|earlier|later|last|this|in|[a-z]{3,}ed)\b)")


def check_acronym_undefined(doc: Document, opts: RuleOptions):
    acr = acronyms(doc)
    text = doc.text
    defined = {d.acronym or d.short for d in acr.definitions}
    defined.update(m.group(1) for m in _BRACKETED.finditer(text))
    defined.update(m.group(1) for m in _REVERSE.finditer(text))
    title = doc.title
    uses: dict[str, list[int]] = {}
    for use in acr.uses:
        if not (title and title.start <= use.word_start < title.end):
            uses.setdefault(use.word, []).append(use.word_start)
    names = None
    capitalised = mentions(doc).word_texts()
    for word, starts in uses.items():
        letters = acronym_letters(word)
        if (word in defined or len(letters) < 3 or not word.replace("&", "").isalpha()
                or not word.isupper() or is_generic(word) or word in WELL_KNOWN_ACRONYMS
                or word[0] + word[1:].lower() in capitalised
                or in_dateline(text, starts[0], starts[0] + len(word))):
            continue
        alone = [s for s in starts if not _inside_name(text, s, s + len(word))]
        if not alone:
            continue            # only in longer names: 'ICBC Wealth Management' is a name
        s, e = alone[0], alone[0] + len(word)
        if names is None:
            names = _names(doc)
        written = _name_for(letters, names)
        if written is not None:
            n_start, n_end, n_text = written
            yield Hit(s, e,
                      f"'{word}' is never spelled out, though the release writes "
                      f"'{n_text}' (line {doc.line_of(n_start)}): give it once as "
                      f"'{n_text} ({word})' and use one form after that", None,
                      related=((n_start, n_end, "the name it stands for"),))
            continue
        long = expansion_of(word, opts.glossary)
        if long is not None:
            full = f"{long} ({word})"
            yield Hit(s, e, f"'{word}' is never spelled out: at its first use write '{full}'",
                      full, fix=full)
            continue
        body = next((x for x in alone if _used_as_a_body(text, x, x + len(word))), None)
        if body is not None:
            yield Hit(body, body + len(word),
                      f"'{word}' is never spelled out: readers outside the trade cannot tell "
                      f"what it stands for; give the full name at the first use, with the "
                      f"acronym in brackets")


def _inside_name(text: str, start: int, end: int) -> bool:
    """A capitalised word right before or after: the acronym is part of a longer name
    ('the NMPA Institute', 'Hainan NMPA Office'), which a spelled-out form would break."""
    if re.match(r"[ \t]+[A-Z]", text[end:end + 2]):
        return True
    m = re.search(r"([A-Z][\w'’-]*)[ \t]+$", text[max(0, start - 30):start])
    return bool(m) and m.group(1).lower() not in SENTENCE_STARTERS


def _used_as_a_body(text: str, start: int, end: int) -> bool:
    return bool(_THE.search(text, max(0, start - 8), start)) and bool(_AFTER.match(text, end))


def _names(doc: Document) -> dict[str, tuple[int, int, str]]:
    """The capitalised names of the release by the acronyms they would have (the initials
    of their content words, of all their words, or of a one-word name's romanised
    syllables): the first name for each."""
    out: dict[str, tuple[int, int, str]] = {}
    for base, region, _ in mentions(doc).occurrences():
        for shape in region.names:
            words = tuple(t.bare for t in shape.tokens if t.text[:1].isalpha())
            if not words or any(t.text.isupper() and len(t.text) > 1 for t in shape.tokens):
                continue
            found = (base + shape.start, base + shape.end,
                     doc.text[base + shape.start:base + shape.end])
            for key in _initials(words):
                out.setdefault(key, found)
    return out


def _name_for(letters: str, names) -> tuple[int, int, str] | None:
    """The first name of the release whose initials are the letters."""
    return names.get(letters)


def _initials(words: tuple[str, ...]) -> set[str]:
    """The acronyms a name would have: its content words' initials, all its words'
    initials, or, for a one-word name, its romanised syllables' ('Kuomintang': 'kmt')."""
    content = [w for w in words if w not in CONNECTORS]
    if len(content) == 1:
        initials = syllable_initials(content[0])
        return {initials} if initials and len(initials) >= 3 else set()
    out = {"".join(w[0] for w in content), "".join(w[0] for w in words)}
    return {k for k in out if len(k) >= 3}
