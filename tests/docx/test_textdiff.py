"""qa.docx.textdiff: edits recovered from two texts, and grouped by the fix they come from."""
from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from qa.docx.textdiff import group_edits, text_edits


def _apply(text: str, edits) -> str:
    out, pos = [], 0
    for start, end, new in edits:
        out.append(text[pos:start])
        out.append(new)
        pos = end
    out.append(text[pos:])
    return "".join(out)


texts = st.text(alphabet="ab \n,，x.", max_size=40)


@settings(max_examples=300, deadline=None)
@given(texts, texts)
def test_the_edits_make_the_new_text_in_order_without_overlap(old, new):
    edits = text_edits(old, new)
    assert _apply(old, edits) == new
    for (s1, e1, _), (s2, e2, _) in zip(edits, edits[1:]):
        assert e1 <= s2 and (s1, e1) < (s2, e2)


def test_fixes_far_apart_in_a_paragraph_stay_apart_and_inside_their_words():
    old = "Jingdong Group said，the plant opened。\nNext paragraph."
    new = "JD Group said, the plant opened.\nNext paragraph."
    assert text_edits(old, new) == [(1, 8, "D"), (19, 20, ", "), (36, 37, ".")]


def test_joined_paragraphs_give_one_edit_holding_the_line_break():
    assert text_edits("a\nb\nc", "a\nb c") == [(2, 5, "b c")]
    assert text_edits("a\nb\nc", "a\nc") == [(2, 4, "")]
    assert text_edits("a\nc", "a\nb\nc") == [(2, 2, "b\n")]


def test_each_fix_gets_its_own_edits_and_the_spacing_around_it():
    assert group_edits([(4, 4, ","), (6, 7, "")], [(6, 7, "PU02")], "ab  c、d") == \
        [([(4, 4, ","), (6, 7, "")], 1, (6, 7, "PU02"))]          # a comma just before: tidying
    text = "Hefei 、Wuhu and Jingdong Group，x\nNext line，y"
    new = "Hefei, Wuhu and JD Group, x\nNext line, y"
    fixes = [(6, 7, "PU02"), (16, 30, "NC01"), (30, 31, "PU01"), (42, 43, "PU01")]
    groups = group_edits(text_edits(text, new), fixes, text)
    assert [(fix[2], edits) for edits, _, fix in groups] == [
        ("PU02", [(5, 7, ", ")]),                      # the space before 、 went with it
        ("NC01", [(17, 24, "D")]),
        ("PU01", [(30, 31, ", ")]),
        ("PU01", [(42, 43, ", ")])]


def test_an_edit_over_two_fixes_joins_them_and_one_near_none_stands_alone():
    text = "aaaa bbbb cccc" + " " * 40 + "dddd"
    groups = group_edits([(2, 7, "X"), (50, 51, "")], [(0, 4, "R1"), (5, 9, "R2")], text)
    assert [(edits, n, fix[2]) for edits, n, fix in groups] == [([(2, 7, "X")], 2, "R1"),
                                                                 ([(50, 51, "")], 0, "")]


def test_grouping_and_diffing_stay_fast_on_a_large_text():
    para = "The plant opened today，the company said。" * 50
    old = "\n".join([para] * 200)                       # 400 KB, 20,000 fixes
    new = old.replace("，", ", ").replace("。", ".")
    fixes = [(i, i + 1, "PU") for i, c in enumerate(old) if c in "，。"]
    start = time.process_time()
    groups = group_edits(text_edits(old, new), fixes, old)
    assert len(groups) == len(fixes)
    assert time.process_time() - start < 10
