"""The compact store of name mentions and acronym uses (qa/checks/_names/store.py): a
repeated region shares one analysis, offsets come out absolute when read, the name before a
bracket and the acronym uses read back as they were found; and string operations done a
slice at a time (slices.py) give what they give on the whole text."""
from __future__ import annotations

import random
import sys

from qa.checks.names.acronyms import acronyms
from qa.checks.names.cluster import clusters
from qa.checks.names.mentions import mentions
from qa.document import document_from_text
from qa.text.slices import lower, single_spaced, slices

RELEASE = ("Harbour news\n\n"
           "The Ningbo Harbour Group (NHG) met Haier Group's board in 2023. "
           "Later, Qingdao Haier Group said NHG and the 2021 WIOT went well.\n\n")


def names_of(doc) -> list[str]:
    return [doc.text[m.start:m.end] for m in mentions(doc).iter_names()]


def test_names_read_back_with_absolute_offsets():
    doc = document_from_text(RELEASE)
    assert names_of(doc) == ["Harbour", "Ningbo Harbour Group", "NHG", "Haier Group", "2023",
                             "Qingdao Haier Group", "NHG", "2021 WIOT"]
    haier = [m for m in mentions(doc).iter_names() if m.tokens[0].text == "Haier"]
    assert [t.text for t in haier[0].tokens] == ["Haier", "Group's"]    # possessive: not in end
    assert haier[0].tokens[0].start == RELEASE.index("Haier Group's")
    assert (haier[0].head, haier[0].in_title, haier[0].sentence_initial) == (1, False, False)
    assert [m.in_title for m in mentions(doc).iter_names()][:2] == [True, False]


def test_a_repeated_release_shares_its_region_analyses():
    doc = document_from_text(RELEASE * 3)
    found = mentions(doc)
    once = names_of(document_from_text(RELEASE))
    names = names_of(doc)
    assert names == once * 3
    # every region of the second and third copies is the analysis object of the first copy
    per_copy = len(found.regions) // 3
    assert per_copy == 8
    assert all(a is b is c for a, b, c in zip(found.regions[:8], found.regions[8:16],
                                              found.regions[16:]))
    assert [b - found.bases[0] for b in found.bases[8:]] == [b + len(RELEASE)
                                                             for b in found.bases[:16]]


def test_words_and_acronyms_read_back():
    doc = document_from_text(RELEASE)
    found = mentions(doc)
    acr = [(w.token.text, w.token.start) for w in found.iter_words(acronyms_only=True)]
    assert acr == [("NHG", RELEASE.index("NHG")), ("NHG", RELEASE.index("NHG and")),
                   ("WIOT", RELEASE.index("WIOT"))]
    assert all(RELEASE[w.token.start:w.token.end] == w.token.text for w in found.iter_words())
    assert found.word_texts() == {"Harbour", "The", "Ningbo", "Group", "NHG", "Haier",
                                  "Group's", "Later", "Qingdao", "WIOT"}


def test_uses_keep_their_years():
    doc = document_from_text(RELEASE)
    uses = acronyms(doc).uses
    assert [(u.word, u.text_form) for u in uses] == [("NHG", "NHG"), ("NHG", "NHG"),
                                                     ("WIOT", "2021 WIOT")]
    assert [(u.start, u.word_start) for u in uses.with_year()] == [
        (RELEASE.index("2021"), RELEASE.index("WIOT"))]
    assert [u.start for u in uses.of_words({"NHG"})] == [RELEASE.index("NHG"),
                                                          RELEASE.index("NHG and")]
    assert uses.of_words({}) == []
    assert uses.counts() == {"NHG": 2, "WIOT": 1}


def test_name_before_a_bracket():
    doc = document_from_text(RELEASE)
    found = mentions(doc)
    paren = RELEASE.index("(NHG)")
    start = RELEASE.index("Ningbo")
    assert found.name_before(doc.text, paren, 0) == (start, RELEASE.index(" (NHG)"))
    assert found.name_before(doc.text, paren, start + 1) is None     # starts before the floor
    assert found.name_before(doc.text, RELEASE.index(" met"), 0) is None   # a bracket between


def test_form_groups_keep_every_mention_span():
    text = ("Fair opens\n\nHarmony Technology Group opened a plant. Harmonic Technology Group "
            "staff came. Harmony Technology Group said so.\n")
    doc = document_from_text(text)
    [cluster] = clusters(doc)
    spans = {text[g.first[0]:g.first[1]]: list(g.mention_spans()) for g in cluster.groups}
    first = text.index("Harmony Technology Group")
    second = text.index("Harmony Technology Group", first + 1)
    assert spans["Harmony Technology Group"] == [(first, first + 24), (second, second + 24)]
    assert cluster.dominant.count == 2


def test_slice_at_a_time_operations_match_the_whole_text():
    rng = random.Random(7)
    pieces = ["Group", "ΣΟΦΙΑΣ", "Σ", "ΟΔΟΣ'", "İstanbul", "Co.,", "Ltd", "", "x", "ς"]
    gaps = [" ", "  ", "\n", "\u3000", "\t \n", "\u00a0", "\x1c", " \r\n ", "'", ""]
    for _ in range(400):
        text = "".join(rng.choice(pieces) + rng.choice(gaps) for _ in range(rng.randrange(40)))
        text = rng.choice(["", " ", "\n", "Σ "]) + text
        size = rng.randrange(1, 12)
        assert "".join(slices(text, size)) == text
        assert single_spaced(text, size) == " ".join(text.split())
        assert lower(text, size) == text.lower()


def test_lower_case_of_single_spaced_text_is_single_spaced_lower_case():
    """What slices.py and NC06's _drop_single_cased rely on, for every white space
    character: it is its own lower case, a capital sigma does not look past it, and no other
    character lower-cases to white space."""
    spaces = [chr(i) for i in range(sys.maxunicode + 1) if chr(i).isspace()]
    assert all(w.lower() == w for w in spaces)
    assert all(("AΣ" + w + "B").lower()[1] == "ς" for w in spaces)     # ends a word
    assert all(("A" + w + "Σ").lower()[-1] == "σ" for w in spaces)     # starts one
    assert not any(c.isspace() for i in range(sys.maxunicode + 1) if not chr(i).isspace()
                   for c in chr(i).lower())
    rng = random.Random(11)
    for _ in range(300):
        text = "".join(rng.choice(["ΟΔΟΣ", "Σ", "İstanbul", "Group", "ὈΔΥΣΣΕΎΣ", "'", "x"])
                       + rng.choice(spaces) * rng.randrange(3) for _ in range(rng.randrange(12)))
        assert " ".join(text.lower().split()) == " ".join(text.split()).lower()


def test_official_name_spans_merge_in_any_order():
    from qa.checks.names.spelling import _Spans
    for given in ([(0, 5), (3, 9), (12, 20), (12, 14)], [(12, 14), (3, 9), (12, 20), (0, 5)]):
        spans = _Spans(given)
        assert (list(spans.starts), list(spans.ends)) == ([0, 12], [9, 20])
        assert spans.covers((4, 9)) and spans.covers((12, 20))
        assert not spans.covers((8, 10)) and not spans.covers((21, 22))
    assert not _Spans([])
