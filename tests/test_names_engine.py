"""The fast paths of the name rules agree with their plain definitions: the stdlib patterns
over the category skeleton find what the Unicode `regex` patterns find in the text, the
lower-case word test matches the pattern it replaced, and line endings of every kind end a
contact field."""
from __future__ import annotations

import random
import re

import pytest
import regex

from qa.checks.names import skeleton as sk
from qa.checks.names.casing import _resolve_openers
from qa.checks.names.regions import region_pattern
from qa.checks.names.spelling import _written_in_lower_case
from qa.checks.names.tokens import tokenize
from qa.text.lexicon import LEGAL_SUFFIXES
from tests.helpers import found, lint

# The definitions the fast patterns stand in for, written with Unicode classes.
_WORD_CH = r"(?:[\p{L}\p{N}\p{M}]|['’\-&.](?=[\p{L}\p{N}]))"
_CAP = rf"(?:\p{{Lu}}{_WORD_CH}*|\p{{N}}{_WORD_CH}*|\p{{Ll}}+\p{{Lu}}{_WORD_CH}*)"
_CONN = r"(?:of|for|and|the|on|de|du|des|la|le|&|Of|For|And|The|On)"
_SEP = (r"(?:[ \t\u00a0]{1,3}|[ \t\u00a0]*\n[ \t\u00a0]*"
        r"|\.?,?[ \t]{1,3}(?=(?:Ltd|LTD|Limited|Inc|LLC|plc|PLC|Co)\b))")
REGION = regex.compile(rf"(?<![\p{{L}}\p{{N}}]){_CAP}(?:{_SEP}(?:{_CAP}|{_CONN}(?=\s)))*")
TOKEN = regex.compile(r"[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|['’\-&.](?=[\p{L}\p{N}]))*")
INITIALS = regex.compile(r"(?:\p{L}\.)+\p{L}")
LOWER_WORD = regex.compile(r"(?<![\p{L}\p{N}'’\-])\p{Ll}{4,}(?![\p{L}\p{N}])")

CLASSES = {r"\p{Lu}": sk.LU, r"\p{Ll}": sk.LL, r"\p{L}": sk.L, r"\p{N}": sk.N,
           r"[\p{L}\p{N}]": sk.LN, r"[\p{L}\p{N}\p{M}]": sk.LNM, r"\w": sk.W, r"\s": sk.S}

# Letters of every kind, marks, numbers, spaces and the punctuation the patterns name.
SOUP = list("AbCdEf xyz Of the and on & Co Ltd Inc, LLC plc '’-._\u00a0\n\t\r 2021 ²Ⅻ٣"
            "ÉéǅǆªßİЖжΣσ\u0301\u3000\u2028‿中文")
SOUP += ["iPhone", "WeChat", "Group", "Co.", "U.S."]


def soup(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(SOUP) for _ in range(n))


def _positions(pattern, text: str) -> list[int]:
    return [m.start() for m in pattern.finditer(text)]


@pytest.fixture
def fresh_table():
    yield
    sk._TABLE.clear()           # the character table is process-wide: do not leave it large


def test_skeleton_keeps_every_class_of_the_basic_plane(fresh_table):
    text = "".join(map(chr, range(0x10000)))
    skel = sk.skeleton_of(text)
    assert len(skel) == len(text)
    for unicode_class, ascii_class in CLASSES.items():
        assert (_positions(regex.compile(unicode_class), text)
                == _positions(re.compile(f"[{ascii_class}]"), skel)), unicode_class


@pytest.mark.slow
def test_skeleton_keeps_every_class_of_every_plane(fresh_table):
    text = "".join(map(chr, range(0x110000)))
    skel = sk.skeleton_of(text)
    for unicode_class, ascii_class in CLASSES.items():
        assert (_positions(regex.compile(unicode_class), text)
                == _positions(re.compile(f"[{ascii_class}]"), skel)), unicode_class


def test_skeleton_of_ascii_text_is_the_text():
    text = "Vision Group opened a plant in Ordos on 3 May.\n"
    assert sk.skeleton_of(text) is text


def test_regions_and_tokens_match_the_unicode_patterns():
    rng = random.Random(20)
    for _ in range(1500):
        text = soup(rng, rng.randrange(1, 80))
        skel = sk.skeleton_of(text)
        assert ([m.span() for m in REGION.finditer(text)]
                == [m.span() for m in region_pattern().finditer(skel)]), text
        assert _reference_tokens(text) == [(t.start, t.end) for t in tokenize(text, 0, len(text))]


def _reference_tokens(text: str) -> list[tuple[int, int]]:
    """TOKEN matches; a period after a legal suffix or initials joins the token."""
    out = []
    for m in TOKEN.finditer(text):
        e = m.end()
        if e < len(text) and text[e] == "." and (m.group().lower() + "." in LEGAL_SUFFIXES
                                                 or INITIALS.fullmatch(m.group())):
            e += 1
        out.append((m.start(), e))
    return out


def test_lower_case_word_test_matches_the_pattern():
    rng = random.Random(21)
    for _ in range(1500):
        text = soup(rng, rng.randrange(1, 60)) + " macao beijing Macao"
        words = set(LOWER_WORD.findall(text))
        skel = sk.skeleton_of(text)
        for cand in {w.lower() for w in regex.findall(r"\p{L}{3,}", text)}:
            assert (cand in words) == _written_in_lower_case(text, skel, cand), (text, cand)


# ---- NC06: a sentence opener's casing ---------------------------------------------------
def test_opener_keeps_its_own_casing_when_also_used_mid_sentence():
    found_ = [("Xian Group", True, 0, 10), ("xian Group", False, 20, 30),
              ("Xian Group", False, 40, 50)]
    assert _resolve_openers(found_) == [("Xian Group", 0, 10), ("xian Group", 20, 30),
                                        ("Xian Group", 40, 50)]


def test_opener_takes_the_first_mid_sentence_casing_in_text_order():
    found_ = [("Zian Group", True, 0, 10), ("qian Group", False, 20, 30),
              ("Pian Group", False, 40, 50), ("xian Group", False, 60, 70)]
    assert _resolve_openers(found_)[0] == ("qian Group", 0, 10)


# ---- NC08: every line ending ends a field -----------------------------------------------
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_field_value_ends_at_any_line_ending(newline):
    text = newline.join(["Media contact", "Company Name: Global times", "City: Wuxi", ""])
    assert found(text, ["NC08"]) == [("NC08", 2, 15, 2, 27, "Global times")]


def test_crlf_field_fix_leaves_the_line_ending():
    text = "Media contact\r\nCompany Name: Global times\r\nCity: Wuxi\r\n"
    (f,) = lint(text, ["NC08"])
    (edit,) = f.fix.edits
    assert (edit.offset, edit.end_offset, edit.text) == (29, 41, "Global Times")
    assert text[:edit.offset] + edit.text + text[edit.end_offset:] == (
        "Media contact\r\nCompany Name: Global Times\r\nCity: Wuxi\r\n")


def test_carriage_return_before_a_line_feed_is_a_line_ending_too():
    text = "Media contact\r\r\nOrganisation: china council for the promotion of trade\r\r\n"
    assert found(text, ["NC08"]) == [
        ("NC08", 3, 15, 3, 55, "china council for the promotion of trade")]


def test_the_built_in_glossary_forms_shipped_are_current():
    # qa/checks/names/glossary_forms.json is derived from the built-in glossaries and the name
    # reduction: rebuild it with `python scripts/glossary_forms.py` after changing either
    import json
    import os
    import sys

    from tests.helpers import ROOT
    sys.path.insert(0, os.path.join(ROOT, "scripts"))
    try:
        from glossary_forms import table
    finally:
        sys.path.pop(0)
    from qa.checks.names.glossary_veto import SHIPPED
    with open(SHIPPED, encoding="utf-8") as fh:
        assert json.load(fh) == table(), "run `python scripts/glossary_forms.py`"


def test_a_name_the_shipped_forms_do_not_hold_is_reduced_when_met(monkeypatch):
    from qa.checks.names import glossary_veto
    monkeypatch.setattr(glossary_veto, "_shipped", lambda: {"Acme Widgets Co., Ltd.": "stale"})
    assert glossary_veto._plain("Acme Widgets Co., Ltd.") == "stale"      # shipped: used as is
    assert glossary_veto._plain("Zhuhai Gree Electric Appliances Inc.") == \
        glossary_veto.plain_form("Zhuhai Gree Electric Appliances Inc.")
